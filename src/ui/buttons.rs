//! The buttons several screens show: Back and Change settings (one screen back), the report,
//! the technical view and Quit. Each screen's keys hand these here and handle their own.

use super::controls::Button;
use super::model::{Model, Overlay};
use super::msg::Effect;
use super::nav::{back_button, toggle};
use super::{quit, report};

pub(super) fn shared(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::Back | Button::ChangeSettings => back_button(m),
        Button::OpenReport => {
            report::open(m);
            Vec::new()
        }
        Button::Technical => {
            toggle(m, Overlay::Technical);
            Vec::new()
        }
        Button::Quit => quit::request(m),
        _ => Vec::new(),
    }
}
