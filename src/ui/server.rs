//! The mail-server path ("I am on the mail server"): its state and the rules of its two
//! screens, kept together as one component. The input screen takes the customer's IP
//! address or the path of their saved report (and optionally their login); the findings
//! screen shows what `smtp-doctor server` would print, with "Lift the block" as a button
//! that lists the commands and asks before anything runs.
//!
//! Pure like `update`: the look and the unblock are [`Effect`]s the runner carries out on
//! a blocking thread; their results come back as messages tagged with a generation, so a
//! look the person walked away from is dropped. The state lives in [`state`] (the model
//! holds it), the drawing in `view::server`.

pub mod state;

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};

use crate::server::report::ServerReport;
use crate::server::request::{parse_client_ip, Request, Target};
use crate::server::run::Examined;

use super::buttons;
use super::controls::Button;
use super::field::edit;
use super::model::{Model, Screen};
use super::msg::Effect;
use super::nav::{back, go, scroll_key};
use super::text::text;

pub use state::{Phase, ServerState};

/// The input screen's buttons after the two fields (focus 2, 3 and 4).
pub const INPUT_BUTTONS: [Button; 3] = [Button::Look, Button::CheckCustomers, Button::Back];
/// The question's buttons: the safe one second, and it has the focus when it opens.
pub const CONFIRM_BUTTONS: [Button; 2] = [Button::RunUnblock, Button::CancelUnblock];

/// The findings screen's buttons, left to right: "Lift the block" only when there is a
/// command to run; nothing but Back and Quit while reading, only Quit while commands run.
pub fn findings_buttons(s: &ServerState) -> Vec<Button> {
    match s.phase {
        Phase::Applying => vec![Button::Quit],
        Phase::Reading | Phase::Idle => vec![Button::Back, Button::Quit],
        Phase::Done => {
            let mut b = Vec::new();
            if !s.unblock_commands().is_empty() {
                b.push(Button::LiftBlock);
            }
            b.extend([
                Button::LookAgain,
                Button::OpenReport,
                Button::Back,
                Button::Quit,
            ]);
            b
        }
    }
}

/// Text that can only be meant as an address: digits with dots, colons, brackets or a
/// slash (a network), so its mistake is told as an address's, not as a missing file.
fn looks_like_address(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_hexdigit() || ".:/[]".contains(c))
}

/// The request the two fields describe: an address, else the path of a report.
pub fn request_from(target: &str, account: &str) -> Result<Request, String> {
    // A path pasted from a file manager often comes in quotes.
    let t = target.trim().trim_matches(['"', '\'']).trim();
    if t.is_empty() {
        return Err(text().server.empty.clone());
    }
    let target = match parse_client_ip(t) {
        Ok(ip) => Target::Ip(ip),
        Err(e) if looks_like_address(t) => return Err(e),
        Err(_) => Target::Report(PathBuf::from(t)),
    };
    let mut r = Request::new(target);
    r.account = Some(account.trim())
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    Ok(r)
}

/// The start screen's choice: the input screen, the address field focused.
pub fn open(m: &mut Model) {
    m.server.focus = 0;
    m.server.problem = None;
    go(m, Screen::ServerInput);
}

/// Starts a look (a new generation; the findings screen shows that it runs).
fn start(m: &mut Model, request: Request) -> Vec<Effect> {
    let s = &mut m.server;
    s.generation += 1;
    s.phase = Phase::Reading;
    s.problem = None;
    s.confirm = None;
    s.button = 0;
    s.examined = None;
    s.request = Some(request.clone());
    m.scroll.server = 0;
    go(m, Screen::ServerFindings);
    vec![Effect::ServerLook {
        generation: m.server.generation,
        request: Box::new(request),
    }]
}

/// Look: the fields become a request, or the refusal shows under them.
pub fn submit(m: &mut Model) -> Vec<Effect> {
    match request_from(m.server.target.value(), m.server.account.value()) {
        Ok(r) => start(m, r),
        Err(why) => {
            m.server.problem = Some(why);
            m.server.focus = 0;
            Vec::new()
        }
    }
}

/// Look again with the same request.
pub fn again(m: &mut Model) -> Vec<Effect> {
    match m.server.request.clone() {
        Some(r) => start(m, r),
        None => submit(m),
    }
}

/// The look finished. A stale one (the person went back or looked again) is dropped;
/// one that could not start sends the person back to the input with the reason.
pub fn on_looked(m: &mut Model, generation: u64, result: Result<Box<Examined>, String>) {
    if generation != m.server.generation || m.server.phase != Phase::Reading {
        return;
    }
    match result {
        Ok(e) => {
            m.server.examined = Some(*e);
            m.server.phase = Phase::Done;
            m.server.button = 0;
            m.scroll.server = 0;
            m.reached_result = true;
        }
        Err(why) => {
            m.server.phase = Phase::Idle;
            m.server.problem = Some(why);
            m.server.focus = 0;
            if m.screen == Screen::ServerFindings {
                m.screen = m.back.pop().unwrap_or(Screen::ServerInput);
            }
        }
    }
}

/// The unblock commands ran and everything was read again.
pub fn on_applied(m: &mut Model, generation: u64, report: Box<ServerReport>) {
    if generation != m.server.generation || m.server.phase != Phase::Applying {
        return;
    }
    if let Some(e) = m.server.examined.as_mut() {
        e.report = *report;
    }
    m.server.phase = Phase::Done;
    m.server.button = 0;
    m.scroll.server = 0;
}

/// "Lift the block": the question opens with the safe answer focused.
pub fn ask(m: &mut Model) {
    if !m.server.unblock_commands().is_empty() {
        m.server.confirm = Some(1);
    }
}

/// "Run them": the only way the UI changes the server.
pub fn confirm(m: &mut Model) -> Vec<Effect> {
    m.server.confirm = None;
    if m.server.unblock_commands().is_empty() {
        return Vec::new();
    }
    let Some(examined) = m.server.examined.clone() else {
        return Vec::new();
    };
    m.server.phase = Phase::Applying;
    m.server.button = 0;
    vec![Effect::ServerApply {
        generation: m.server.generation,
        examined: Box::new(examined),
    }]
}

pub fn input_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let f = m.server.focus;
    if f <= 1 {
        match k.code {
            KeyCode::Enter => return submit(m),
            KeyCode::Tab | KeyCode::Down => m.server.focus = f + 1,
            KeyCode::BackTab | KeyCode::Up => m.server.focus = f.saturating_sub(1),
            _ => {
                let field = if f == 0 {
                    &mut m.server.target
                } else {
                    &mut m.server.account
                };
                if edit(field, &k) {
                    m.server.problem = None;
                }
            }
        }
        return Vec::new();
    }
    let last = 1 + INPUT_BUTTONS.len();
    match k.code {
        KeyCode::Tab | KeyCode::Right => m.server.focus = (f + 1).min(last),
        KeyCode::Down => m.server.focus = last,
        KeyCode::BackTab | KeyCode::Left | KeyCode::Up => m.server.focus = f - 1,
        KeyCode::Enter => return press(m, INPUT_BUTTONS[(f - 2).min(INPUT_BUTTONS.len() - 1)]),
        _ => {}
    }
    Vec::new()
}

pub fn findings_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if let Some(focus) = m.server.confirm {
        return match k.code {
            KeyCode::Char('y' | 'Y') => press(m, Button::RunUnblock),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => press(m, Button::CancelUnblock),
            KeyCode::Left
            | KeyCode::Right
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Up
            | KeyCode::Down => {
                m.server.confirm = Some(1 - focus.min(1));
                Vec::new()
            }
            KeyCode::Enter => press(m, CONFIRM_BUTTONS[focus.min(1)]),
            _ => Vec::new(),
        };
    }
    if k.code == KeyCode::Esc {
        return if m.server.phase == Phase::Applying {
            Vec::new()
        } else {
            back(m)
        };
    }
    let buttons = findings_buttons(&m.server);
    let n = buttons.len();
    match k.code {
        KeyCode::Tab | KeyCode::Right => m.server.button = (m.server.button + 1).min(n - 1),
        KeyCode::BackTab | KeyCode::Left => m.server.button = m.server.button.saturating_sub(1),
        KeyCode::Enter => return press(m, buttons[m.server.button.min(n - 1)]),
        code => scroll_key(m, code),
    }
    Vec::new()
}

/// Leaving the findings while a look runs drops it (its generation is over).
pub fn leave(m: &mut Model) {
    m.server.leave();
}

/// The buttons of the two screens and of the question; the shared ones (Back, Report,
/// Quit) go to [`buttons`].
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::Look => submit(m),
        Button::LookAgain => again(m),
        Button::LiftBlock => {
            ask(m);
            Vec::new()
        }
        Button::RunUnblock => confirm(m),
        Button::CancelUnblock => {
            m.server.confirm = None;
            Vec::new()
        }
        Button::CheckCustomers => super::audit::start(m),
        other => buttons::shared(m, other),
    }
}

/// Pasted text (already one line) goes into the focused field.
pub(super) fn paste(m: &mut Model, flat: &str) {
    let field = if m.server.focus == 0 {
        &mut m.server.target
    } else {
        &mut m.server.account
    };
    field.insert_str(flat.trim());
    m.server.problem = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_takes_an_address_or_a_report() {
        let r = request_from(" 198.51.100.7 ", " Alice@Example.test ").unwrap();
        assert_eq!(r.target, Target::Ip("198.51.100.7".parse().unwrap()));
        assert_eq!(r.account.as_deref(), Some("Alice@Example.test"));
        let r = request_from("'/home/support/report 1.md'", "").unwrap();
        assert_eq!(
            r.target,
            Target::Report(PathBuf::from("/home/support/report 1.md"))
        );
        assert_eq!(r.account, None);
        assert_eq!(
            request_from("report.json", "").unwrap().target,
            Target::Report("report.json".into())
        );
        assert!(request_from("198.51.100.0/24", "")
            .unwrap_err()
            .contains("is a network"));
        assert!(request_from("198.51.100.300", "")
            .unwrap_err()
            .contains("not an IPv4 or IPv6"));
        assert_eq!(request_from("  ", "").unwrap_err(), text().server.empty);
    }
}
