//! The mail-server path's state: the two fields, where the look stands (tagged with a
//! generation), its findings and the unblock question.

use crate::server::audit::AuditReport;
use crate::server::report::ServerReport;
use crate::server::request::Request;
use crate::server::run::Examined;
use crate::ui::field::TextField;

/// Where a look stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Phase {
    #[default]
    Idle,
    Reading,
    Done,
    /// The unblock commands run (the person confirmed).
    Applying,
}

#[derive(Debug, Default)]
pub struct ServerState {
    /// The customer's address, or the path of their report.
    pub target: TextField,
    /// Their login (optional).
    pub account: TextField,
    /// Input screen: 0 the address or report, 1 the login, 2 Look, 3 Check for
    /// locked-out customers, 4 Back.
    pub focus: usize,
    /// Why the input was refused, or why the look could not start (one line).
    pub problem: Option<String>,
    pub generation: u64,
    pub phase: Phase,
    /// The request of the current look (Look again repeats it).
    pub request: Option<Request>,
    /// The last finished look; after the unblock, the report read again.
    pub examined: Option<Examined>,
    /// Findings screen: the focused button (index into `server::findings_buttons`).
    pub button: usize,
    /// The unblock question is open, with the focus on 0 "Run them" or 1 "Cancel".
    pub confirm: Option<usize>,
    /// "Check for locked-out customers" (the audit screen).
    pub audit: AuditState,
}

/// The audit screen's state: where the audit stands (tagged with a generation), its
/// ranked addresses, and the question before the customers are lifted.
#[derive(Debug, Default)]
pub struct AuditState {
    pub generation: u64,
    pub phase: Phase,
    /// The last finished audit; after the lifting, with what the commands did.
    pub report: Option<AuditReport>,
    /// The focused button (index into `audit::buttons`).
    pub button: usize,
    /// The question is open, with the focus on 0 "Run them" or 1 "Cancel".
    pub confirm: Option<usize>,
}

impl AuditState {
    /// What "Unblock and whitelist customers" would run (none while an audit runs, none
    /// once this audit's customers were lifted).
    pub fn lift_commands(&self) -> Vec<String> {
        match (self.phase, &self.report) {
            (Phase::Done, Some(r)) if r.apply.is_none() => r.apply_commands(),
            _ => Vec::new(),
        }
    }

    /// Leaving the screen while the audit reads drops it (its generation is over).
    pub fn leave(&mut self) {
        if self.phase == Phase::Reading {
            self.generation += 1;
            self.phase = Phase::Idle;
        }
        self.confirm = None;
    }
}

impl ServerState {
    pub fn report(&self) -> Option<&ServerReport> {
        self.examined.as_ref().map(|e| &e.report)
    }

    /// The commands "Lift the block" would run (none while a look runs).
    pub fn unblock_commands(&self) -> Vec<String> {
        match (self.phase, self.report()) {
            (Phase::Done, Some(r)) => r.unblock_commands(),
            _ => Vec::new(),
        }
    }

    /// Leaving the findings while a look runs drops it (its generation is over).
    pub fn leave(&mut self) {
        if self.phase == Phase::Reading {
            self.generation += 1;
            self.phase = Phase::Idle;
        }
        self.confirm = None;
    }
}
