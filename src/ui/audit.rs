//! The mail-server path's audit ("Check for locked-out customers"): the rules of its
//! screen. The screen lists every blocked address ranked as `smtp-doctor server --audit`
//! does (customers locked out first); "Unblock and whitelist customers" is a button that
//! lists the commands and asks before anything runs.
//!
//! Pure like `update`: the audit and the lifting are [`Effect`]s the runner carries out on
//! a blocking thread; their results come back tagged with a generation, so an audit the
//! person walked away from is dropped. The state is `server::state::AuditState` (the
//! model holds it with the rest of the mail-server path), the drawing `view::audit`.

use crossterm::event::{KeyCode, KeyEvent};

use crate::server::audit::AuditReport;

use super::buttons;
use super::controls::Button;
use super::model::{Model, Screen};
use super::msg::Effect;
use super::nav::{back, go, scroll_key};
use super::server::state::{AuditState, Phase};

/// The question's buttons: the safe one second, and it has the focus when it opens.
pub const CONFIRM: [Button; 2] = [Button::RunUnblock, Button::CancelUnblock];

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
fn ask(m: &mut Model) {
    if !m.server.audit.lift_commands().is_empty() {
        m.server.audit.confirm = Some(1);
    }
}

/// "Run them": the only way this screen changes the server.
fn confirm(m: &mut Model) -> Vec<Effect> {
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
            KeyCode::Char('y' | 'Y') => press(m, Button::RunUnblock),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => press(m, Button::CancelUnblock),
            KeyCode::Left
            | KeyCode::Right
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Up
            | KeyCode::Down => {
                m.server.audit.confirm = Some(1 - focus.min(1));
                Vec::new()
            }
            KeyCode::Enter => press(m, CONFIRM[focus.min(1)]),
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

/// The screen's buttons and the question's; the shared ones (Back, Quit) go to
/// [`buttons`].
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::CheckCustomers | Button::AuditAgain => start(m),
        Button::LiftCustomers => {
            ask(m);
            Vec::new()
        }
        Button::RunUnblock => confirm(m),
        Button::CancelUnblock => {
            m.server.audit.confirm = None;
            Vec::new()
        }
        other => buttons::shared(m, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::audit::report::AuditApply;
    use crate::server::context::Window;

    fn report(lifted: bool) -> AuditReport {
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
        if lifted {
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
        s.report = Some(report(false));
        // No customer to lift: no lifting button.
        assert_eq!(
            buttons(&s),
            [Button::AuditAgain, Button::Back, Button::Quit]
        );
        s.report = Some(report(true));
        assert!(s.lift_commands().is_empty());
        s.phase = Phase::Reading;
        s.leave();
        assert_eq!((s.phase, s.generation), (Phase::Idle, 1));
    }
}
