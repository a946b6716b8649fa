//! The result screen: the verdict, the fix and the settings that work, with buttons for the
//! report, the technical view, changing the settings and quitting.

pub mod vm;

use crossterm::event::{KeyCode, KeyEvent};

use super::buttons;
use super::controls::Button;
use super::model::Model;
use super::msg::Effect;
use super::nav::{back, scroll_key};

/// The buttons, left to right.
pub const RESULT_BUTTONS: [Button; 4] = [
    Button::OpenReport,
    Button::Technical,
    Button::ChangeSettings,
    Button::Quit,
];

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let n = RESULT_BUTTONS.len();
    match k.code {
        KeyCode::Tab | KeyCode::Right => m.result_focus = (m.result_focus + 1).min(n - 1),
        KeyCode::BackTab | KeyCode::Left => m.result_focus = m.result_focus.saturating_sub(1),
        KeyCode::Enter => {
            return buttons::shared(m, RESULT_BUTTONS[m.result_focus.min(n - 1)]);
        }
        code => scroll_key(m, code),
    }
    Vec::new()
}
