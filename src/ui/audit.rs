//! The mail-server path's audit ("Check for locked-out customers"): its state and the rules
//! of its screen. The screen lists every blocked address ranked as `smtp-doctor server
//! --audit` does (customers locked out first); "Unblock and whitelist customers" is a
//! button that lists the commands and asks before anything runs.
//!
//! Pure like `update`: the audit and the lifting are [`Effect`]s the runner carries out on
//! a blocking thread; their results come back tagged with a generation, so an audit the
//! person walked away from is dropped.

use crossterm::event::{KeyCode, KeyEvent};

use crate::server::audit::AuditReport;

use super::model::{Button, Model, Screen};
use super::msg::Effect;
use super::server::{Phase, CONFIRM_BUTTONS};
use super::update::{back, go, press, scroll_key};

#[derive(Debug, Default)]
pub struct AuditState {
    pub generation: u64,
    pub phase: Phase,
    /// The last finished audit; after the lifting, with what the commands did.
    pub report: Option<AuditReport>,
    /// The focused button (index into [`buttons`]).
    pub button: usize,
    /// The question is open, with the focus on 0 "Run them" or 1 "Cancel".
    pub confirm: Option<usize>,
}

impl AuditState {
    /// What "Unblock and whitelist customers" would run (none while an audit runs).
    pub fn lift_commands(&self) -> Vec<String> {
        match (self.phase, &self.report) {
            (Phase::Done, Some(r)) if r.apply.is_none() => r.apply_commands(),
            _ => Vec::new(),
        }
    }
}

/// The screen's buttons, left to right: the lifting only when there is a customer to lift;
/// only Back and Quit while reading, only Quit while the commands run.
pub fn buttons(s: &AuditState) -> Vec<Button> {
    match s.phase {
        Phase::Applying => vec![Button::Quit],
        Phase::Reading | Phase::Idle => vec![Button::Back, Button::Quit],
        Phase::Done => {
            let mut b = Vec::new();
            if !s.lift_commands().is_empty() {
                b.push(Button::LiftCustomers);
            }
            b.extend([Button::AuditAgain, Button::Back, Button::Quit]);
            b
        }
    }
}

/// "Check for locked-out customers" (or Check again): a new audit.
pub fn start(m: &mut Model) -> Vec<Effect> {
    let a = &mut m.server.audit;
    a.generation += 1;
    a.phase = Phase::Reading;
    a.report = None;
    a.confirm = None;
    a.button = 0;
    m.scroll.server = 0;
    go(m, Screen::ServerAudit);
    vec![Effect::ServerAudit {
        generation: m.server.audit.generation,
    }]
}

/// The audit finished; a stale one is dropped.
pub fn on_audited(m: &mut Model, generation: u64, report: Box<AuditReport>) {
    let a = &mut m.server.audit;
    if generation != a.generation || a.phase != Phase::Reading {
        return;
    }
    a.report = Some(*report);
    a.phase = Phase::Done;
    a.button = 0;
    m.scroll.server = 0;
    m.reached_result = true;
}

/// The customers' commands ran and the lists were read again.
pub fn on_applied(m: &mut Model, generation: u64, report: Box<AuditReport>) {
    let a = &mut m.server.audit;
    if generation != a.generation || a.phase != Phase::Applying {
        return;
    }
    a.report = Some(*report);
    a.phase = Phase::Done;
    a.button = 0;
    m.scroll.server = 0;
}

/// "Unblock and whitelist customers": the question opens with the safe answer focused.
pub fn ask(m: &mut Model) {
    if !m.server.audit.lift_commands().is_empty() {
        m.server.audit.confirm = Some(1);
    }
}

/// "Run them": the only way this screen changes the server.
pub fn confirm(m: &mut Model) -> Vec<Effect> {
    let a = &mut m.server.audit;
    a.confirm = None;
    if a.lift_commands().is_empty() {
        return Vec::new();
    }
    let Some(report) = a.report.clone() else {
        return Vec::new();
    };
    a.phase = Phase::Applying;
    a.button = 0;
    vec![Effect::ServerAuditApply {
        generation: a.generation,
        report: Box::new(report),
    }]
}

pub fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if let Some(focus) = m.server.audit.confirm {
        return match k.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => press(m, Button::RunUnblock),
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                press(m, Button::CancelUnblock)
            }
            KeyCode::Left
            | KeyCode::Right
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Up
            | KeyCode::Down => {
                m.server.audit.confirm = Some(1 - focus.min(1));
                Vec::new()
            }
            KeyCode::Enter => press(m, CONFIRM_BUTTONS[focus.min(1)]),
            _ => Vec::new(),
        };
    }
    if k.code == KeyCode::Esc {
        return if m.server.audit.phase == Phase::Applying {
            Vec::new()
        } else {
            back(m)
        };
    }
    let buttons = buttons(&m.server.audit);
    let n = buttons.len();
    let a = &mut m.server.audit;
    match k.code {
        KeyCode::Tab | KeyCode::Right => a.button = (a.button + 1).min(n - 1),
        KeyCode::BackTab | KeyCode::Left => a.button = a.button.saturating_sub(1),
        KeyCode::Enter => return press(m, buttons[m.server.audit.button.min(n - 1)]),
        code => scroll_key(m, code),
    }
    Vec::new()
}

/// Leaving the screen while the audit reads drops it (its generation is over).
pub fn leave(m: &mut Model) {
    let a = &mut m.server.audit;
    if a.phase == Phase::Reading {
        a.generation += 1;
        a.phase = Phase::Idle;
    }
    a.confirm = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::audit::report::AuditApply;
    use crate::server::context::Window;

    fn report(commands: bool) -> AuditReport {
        let mut r = AuditReport::new(
            Window {
                since: 0,
                until: 100,
            },
            100,
            "1w".into(),
            vec![],
            vec![],
            vec![],
            vec![],
        );
        if !commands {
            r.apply = Some(AuditApply {
                declined: false,
                addresses: vec![],
                commands: vec![],
                lifted: vec![],
                still_blocked: vec![],
            });
        }
        r
    }

    #[test]
    fn buttons_follow_the_phase() {
        let mut s = AuditState::default();
        assert_eq!(buttons(&s), [Button::Back, Button::Quit]);
        s.phase = Phase::Applying;
        assert_eq!(buttons(&s), [Button::Quit]);
        s.phase = Phase::Done;
        s.report = Some(report(true));
        // No customer to lift: no lifting button.
        assert_eq!(
            buttons(&s),
            [Button::AuditAgain, Button::Back, Button::Quit]
        );
        s.report = Some(report(false));
        assert!(s.lift_commands().is_empty());
    }
}
