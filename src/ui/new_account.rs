//! The new-account screen: the person types only the address; the run (with the
//! new-account checks on) shows what Outlook and Thunderbird would fill in and whether it
//! works, before anything else is typed. Continue takes the address to the account form.
//! No network here: Look up asks the runner to start the checks.

pub mod state;
pub mod summary;

use crossterm::event::{KeyCode, KeyEvent};

use super::account;
use super::controls::Button;
use super::field::edit;
use super::model::{Model, Screen};
use super::msg::Effect;
use super::nav::{back, go, step_focus};
use super::run::start_run;
use super::text::text;
use crate::settings::Input;

/// The buttons after the address field (focus 1..=3).
pub const NEW_ACCOUNT_BUTTONS: [Button; 3] = [Button::LookUp, Button::Continue, Button::Back];

/// Opens the screen with the focus in the address field (or on Look up when the command
/// line gave the address).
pub(super) fn open(m: &mut Model) {
    if m.new_account.email.is_empty() && !m.base.email.is_empty() {
        m.new_account.email = super::field::TextField::new(&m.base.email);
    }
    m.new_account.focus = usize::from(!m.new_account.email.is_empty());
    m.new_account.problem = None;
    go(m, Screen::NewAccount);
}

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    if m.new_account.focus == 0 {
        match k.code {
            KeyCode::Enter => return press(m, Button::LookUp),
            KeyCode::Tab | KeyCode::Down => m.new_account.focus = 1,
            _ => {
                if edit(&mut m.new_account.email, &k) {
                    m.new_account.problem = None;
                }
            }
        }
        return Vec::new();
    }
    let n = NEW_ACCOUNT_BUTTONS.len() + 1;
    if let Some(f) = step_focus(k.code, m.new_account.focus, n, false).or(step_focus(
        k.code,
        m.new_account.focus,
        n,
        true,
    )) {
        m.new_account.focus = f;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => match NEW_ACCOUNT_BUTTONS.get(m.new_account.focus - 1) {
            Some(b) => press(m, *b),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Pasted text goes into the address field.
pub(super) fn paste(m: &mut Model, flat: &str) {
    m.new_account.email.insert_str(flat.trim());
}

pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::LookUp => look_up(m),
        Button::Continue => {
            // The form starts from the address and the settings that were verified.
            m.form.email = super::field::TextField::new(m.new_account.email.value().trim());
            if let Some(r) = m.diagnosis.as_ref().and_then(|d| d.recommended.as_ref()) {
                m.form.server = super::field::TextField::new(&r.server);
                m.form.port = super::field::TextField::new(&r.port.to_string());
            }
            account::open(m);
            Vec::new()
        }
        _ => back(m),
    }
}

/// Starts a run for the address alone, with the new-account checks on.
fn look_up(m: &mut Model) -> Vec<Effect> {
    let email = m.new_account.email.value().trim().to_string();
    let valid = email
        .rsplit_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
    if !valid {
        m.new_account.focus = 0;
        m.new_account.problem = Some(text().new_account.invalid_email.clone());
        return Vec::new();
    }
    m.new_account.problem = None;
    m.check_options.new_account = true;
    let input = Input::new(email);
    m.input = input.clone();
    let effects = start_run(m, input);
    m.refresh();
    effects
}
