//! The account screen: Outlook's outgoing-server form (address, server, port, encryption,
//! sign-in). Check turns it into the diagnosis input and starts a run, unless the current
//! run's facts still apply.

pub mod state;

use crossterm::event::{KeyCode, KeyEvent};

use super::field::edit;
use super::model::{Model, Overlay, Screen, Symptom};
use super::msg::Effect;
use super::nav::{back, go, toggle};
use super::run::{advance_when_concluded, same_run, start_run};
use state::{Encryption, Field};

/// Opens the screen with the focus where the person most likely continues: the first
/// field to fill in, or the Check button when the command line filled in the address.
pub(super) fn open(m: &mut Model) {
    m.form.focus = if m.form.to_input(&m.base).is_ok() {
        Field::Check
    } else {
        Field::Email
    };
    m.form.problem = None;
    go(m, Screen::Account);
}

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let focus = m.form.focus;
    if k.code == KeyCode::Esc {
        return back(m);
    }
    // Left and Right belong to the text cursor in a text field, to the choice otherwise.
    let nav = match k.code {
        KeyCode::Tab | KeyCode::Down => Some(1),
        KeyCode::BackTab | KeyCode::Up => Some(-1),
        KeyCode::Left | KeyCode::Right if matches!(focus, Field::Check | Field::Back) => {
            Some(if k.code == KeyCode::Left { -1 } else { 1 })
        }
        KeyCode::Enter if focus.is_text() || focus == Field::Encryption => Some(1),
        _ => None,
    };
    if let Some(dir) = nav {
        move_field(m, dir);
        return Vec::new();
    }
    match focus {
        f if f.is_text() => {
            if let Some(t) = m.form.text_mut(f) {
                if edit(t, &k) && m.form.problem.as_ref().is_some_and(|(pf, _)| *pf == f) {
                    m.form.problem = None;
                }
            }
            Vec::new()
        }
        Field::Encryption => {
            let all = Encryption::ALL;
            let i = all
                .iter()
                .position(|e| *e == m.form.encryption)
                .unwrap_or(0);
            let n = all.len();
            match k.code {
                KeyCode::Left => m.form.encryption = all[(i + n - 1) % n],
                KeyCode::Right | KeyCode::Char(' ') => m.form.encryption = all[(i + 1) % n],
                _ => {}
            }
            Vec::new()
        }
        Field::Auth => {
            if matches!(k.code, KeyCode::Char(' ') | KeyCode::Enter) {
                m.form.auth = !m.form.auth;
            }
            Vec::new()
        }
        Field::Check if k.code == KeyCode::Enter => submit(m),
        Field::Back if k.code == KeyCode::Enter => back(m),
        _ => Vec::new(),
    }
}

/// A click on one of the form's items.
pub(super) fn click(m: &mut Model, f: Field) -> Vec<Effect> {
    m.form.focus = f;
    match f {
        Field::Auth => {
            m.form.auth = !m.form.auth;
            Vec::new()
        }
        Field::Check => submit(m),
        Field::Back => back(m),
        _ => Vec::new(),
    }
}

/// A click on one of the encryption choices.
pub(super) fn choose_encryption(m: &mut Model, e: Encryption) {
    m.form.focus = Field::Encryption;
    m.form.encryption = e;
}

/// Pasted text (already one line) goes into the focused text field.
pub(super) fn paste(m: &mut Model, flat: &str) {
    let f = m.form.focus;
    if let Some(t) = m.form.text_mut(f) {
        t.insert_str(flat.trim());
    }
}

fn move_field(m: &mut Model, dir: i32) {
    let items = m.form.focusable();
    let i = items.iter().position(|f| *f == m.form.focus).unwrap_or(0);
    let last = items.len().saturating_sub(1);
    let j = i
        .saturating_add_signed(isize::try_from(dir).unwrap_or(0))
        .min(last);
    if let Some(f) = items.get(j) {
        m.form.focus = *f;
    }
}

/// Check: the form becomes the input (or the refusal shows under the field), a run starts
/// when the checks' inputs changed, and the checks screen opens.
fn submit(m: &mut Model) -> Vec<Effect> {
    let input = match m.form.to_input(&m.base) {
        Ok(i) => i,
        Err((field, why)) => {
            m.form.focus = field;
            m.form.problem = Some((field, why));
            return Vec::new();
        }
    };
    m.form.problem = None;
    let reuse = m.run.input.as_ref().is_some_and(|r| same_run(r, &input));
    m.input = input.clone();
    let effects = if reuse {
        Vec::new()
    } else {
        start_run(m, input)
    };
    m.refresh();
    if m.symptom == Some(Symptom::Agent) && m.overlay() != Some(Overlay::Technical) {
        toggle(m, Overlay::Technical);
    }
    m.scroll.checks = 0;
    go(m, Screen::Checks);
    advance_when_concluded(m);
    effects
}
