//! The start screen: what the person sees (an error message, mail stuck in the outbox, a
//! password prompt, ...). The choice only steers the flow: the error-message screen, the
//! account form, the support view, or the mail-server path.

use crossterm::event::{KeyCode, KeyEvent};

use super::model::{Model, Symptom};

use super::msg::Effect;
use super::nav::step_focus;
use super::{account, error, new_account, server};

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let count = m.symptoms().len();
    if let Some(focus) = step_focus(k.code, m.start_focus, count, false) {
        m.start_focus = focus;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => choose(m, m.start_focus),
        // The language switch: the next language, the whole screen redrawn in it at once.
        KeyCode::Char('l' | 'L') | KeyCode::F(3) if m.can_switch_lang() => {
            let next = m.next_lang();
            m.switch_lang(next);
            Vec::new()
        }
        KeyCode::Char(c @ '1'..='9') => {
            let i = c as usize - '1' as usize;
            if i < count {
                m.start_focus = i;
                choose(m, i)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// The person picked choice `i` (with Enter, its digit or a click).
pub(super) fn choose(m: &mut Model, i: usize) -> Vec<Effect> {
    let Some(symptom) = m.symptoms().get(i).copied() else {
        return Vec::new();
    };
    m.symptom = Some(symptom);
    match symptom {
        Symptom::ErrorMessage => error::open(m),
        Symptom::Server => server::open(m),
        Symptom::NewAccount => new_account::open(m),
        _ => account::open(m),
    }
    Vec::new()
}
