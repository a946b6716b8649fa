//! The error-message screen: a box for Outlook's error text, what was recognised in it said
//! back at once, and Continue, which takes its account to the form.

pub mod state;

use crossterm::event::{KeyCode, KeyEvent};

use super::account;
use super::buttons;
use super::controls::Button;
use super::field::{edit, TextField};
use super::model::{Model, Screen};
use super::msg::Effect;
use super::nav::{back, go, step_focus};

/// The buttons after the text box (focus 1..=2).
pub const ERROR_BUTTONS: [Button; 2] = [Button::Continue, Button::Back];

/// Opens the screen with the focus in the text box.
pub(super) fn open(m: &mut Model) {
    m.error.focus = 0;
    go(m, Screen::ErrorText);
}

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    if m.error.focus == 0 {
        match k.code {
            KeyCode::Enter => return press(m, Button::Continue),
            KeyCode::Tab | KeyCode::Down => m.error.focus = 1,
            _ => {
                if edit(&mut m.error.text, &k) {
                    m.error.recognise();
                }
            }
        }
        return Vec::new();
    }
    if let Some(f) =
        step_focus(k.code, m.error.focus, 3, false).or(step_focus(k.code, m.error.focus, 3, true))
    {
        m.error.focus = f.max(usize::from(matches!(
            k.code,
            KeyCode::Left | KeyCode::Right
        )));
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => press(m, ERROR_BUTTONS[(m.error.focus - 1).min(1)]),
        _ => Vec::new(),
    }
}

/// Continue, or a button every screen shares.
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::Continue => continue_on(m),
        other => buttons::shared(m, other),
    }
}

/// Pasted text (already one line) goes into the box.
pub(super) fn paste(m: &mut Model, flat: &str) {
    m.error.text.insert_str(flat);
    m.error.recognise();
}

/// The error message is read; its account fills an empty address field.
fn continue_on(m: &mut Model) -> Vec<Effect> {
    let text = m.error.text.value().trim().to_string();
    m.base.error_text = (!text.is_empty()).then_some(text);
    m.input.error_text = m.base.error_text.clone();
    if m.form.email.is_empty() {
        if let Some(acc) = m
            .error
            .recognised
            .account
            .as_deref()
            .filter(|a| a.contains('@'))
        {
            m.form.email = TextField::new(acc);
        }
    }
    m.refresh();
    account::open(m);
    Vec::new()
}
