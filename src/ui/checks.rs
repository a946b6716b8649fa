//! The checks screen: the three steps filling in as checks finish, and the tree's question
//! when it needs an answer only the person has. An answer walks the tree again; no check
//! runs again.

pub mod vm;

use crossterm::event::{KeyCode, KeyEvent};

use super::model::Model;
use super::msg::Effect;
use super::nav::{back, scroll_key, step_focus};
use super::run::advance_when_concluded;

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let Some(q) = m.vm.checks.question.clone() else {
        scroll_key(m, k.code);
        return Vec::new();
    };
    if let Some(f) = step_focus(k.code, m.question_focus, q.choices.len(), false) {
        m.question_focus = f;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => answer(m, m.question_focus),
        KeyCode::Char(c @ '1'..='9') => answer(m, c as usize - '1' as usize),
        code => {
            scroll_key(m, code);
            Vec::new()
        }
    }
}

/// The person's answer goes into the input and the diagnosis is walked again: no check
/// runs again.
pub(super) fn answer(m: &mut Model, i: usize) -> Vec<Effect> {
    let Some(q) = m.vm.checks.question.clone() else {
        return Vec::new();
    };
    let Some(choice) = q.choices.get(i) else {
        return Vec::new();
    };
    m.question_focus = i;
    m.input.answers.insert(q.id.clone(), choice.id.clone());
    m.base.answers.insert(q.id, choice.id.clone());
    m.refresh();
    advance_when_concluded(m);
    Vec::new()
}
