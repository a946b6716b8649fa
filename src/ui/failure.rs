//! The failure screen: the checks could not start (an unusable `--ca-file` or
//! `--dns-server`, an invalid `--tree`), and the ways forward for that kind of failure.

pub mod state;

use crossterm::event::{KeyCode, KeyEvent};

use super::buttons;
use super::controls::Button;
use super::model::{Model, Screen};
use super::msg::Effect;
use super::nav::{back, step_focus};
use super::run::{advance_when_concluded, start_run};
use state::FailureKind;

/// The ways forward for this kind of failure. On a kiosk the certificate file and name
/// server are the administrator's choice (its configuration fixes them): a visitor may not
/// swap them for this computer's defaults.
pub fn failure_buttons(kind: FailureKind, kiosk: bool) -> Vec<Button> {
    if kind == FailureKind::Tree {
        return vec![Button::UseSystem, Button::Quit];
    }
    let mut b = Vec::new();
    if kind != FailureKind::Other && !kiosk {
        b.push(Button::UseSystem);
    }
    b.extend([Button::Retry, Button::ChangeSettings, Button::Quit]);
    b
}

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let Some(f) = m.failure.as_mut() else {
        return back(m);
    };
    let buttons = failure_buttons(f.kind, m.kiosk.is_some());
    if let Some(i) = step_focus(k.code, f.focus, buttons.len(), false).or(step_focus(
        k.code,
        f.focus,
        buttons.len(),
        true,
    )) {
        f.focus = i;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => {
            let b = buttons[f.focus.min(buttons.len() - 1)];
            press(m, b)
        }
        _ => Vec::new(),
    }
}

/// Use the system's (or the built-in tree), Retry, or a button every screen shares.
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        // The built-in tree is already loaded: go on from the start screen.
        Button::UseSystem if m.failure.as_ref().map(|f| f.kind) == Some(FailureKind::Tree) => {
            m.failure = None;
            m.back.clear();
            m.screen = Screen::Start;
            Vec::new()
        }
        // A click on a button the kiosk does not show.
        Button::UseSystem if m.kiosk.is_some() => Vec::new(),
        Button::UseSystem | Button::Retry => {
            if b == Button::UseSystem {
                match m.failure.as_ref().map(|f| f.kind) {
                    Some(FailureKind::Trust) => m.check_options.ca_file = None,
                    Some(FailureKind::Dns) => m.check_options.dns_server = None,
                    _ => {}
                }
            }
            let effects = start_run(m, m.input.clone());
            m.refresh();
            m.screen = Screen::Checks;
            advance_when_concluded(m);
            effects
        }
        other => buttons::shared(m, other),
    }
}
