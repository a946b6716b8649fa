//! The `smtp-doctor/server-audit/v1` document, in the server report's conventions
//! (../shared/spec/cli.md, "Server mode"): `schema`, `tool_version`, `window`, `verdict`,
//! `sources[]`, `generated_at`, `input`, blocks as in `blocks[]`, log lines as in `log[]`,
//! and `apply` only with `--apply`. Its own parts: `summary` (how many addresses of each
//! kind), `entries[]` (the ranked addresses), `advice[]` (suggestions, never applied) and
//! `settings[]` (the limits the sources read). JSON Schema:
//! schemas/server-audit-v1.schema.json.

use serde::Serialize;

use crate::diagnosis::Verdict;
use crate::server::applied::CommandOutcome;
use crate::server::context::Window;
use crate::server::model::{Setting, SourceEntry, SourceStatus};
use crate::server::report::WindowTimes;
use crate::server::window::rfc3339;

use super::advice::Advice;
use super::join::{AuditEntry, Kind};

pub const SCHEMA: &str = "smtp-doctor/server-audit/v1";

/// How many blocked addresses of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub blocked: usize,
    pub customer: usize,
    pub shared: usize,
    pub no_sign_ins: usize,
    pub failed_only: usize,
    pub spraying: usize,
    /// Addresses banned more than once in the window.
    pub repeat: usize,
}

impl Summary {
    pub fn of(entries: &[AuditEntry]) -> Summary {
        let n = |k: Kind| entries.iter().filter(|e| e.kind == k).count();
        Summary {
            blocked: entries.len(),
            customer: n(Kind::Customer),
            shared: n(Kind::Shared),
            no_sign_ins: n(Kind::NoSignIns),
            failed_only: n(Kind::FailedOnly),
            spraying: n(Kind::Spraying),
            repeat: entries.iter().filter(|e| e.repeat.is_some()).count(),
        }
    }

    pub fn count(&self, k: Kind) -> usize {
        match k {
            Kind::Customer => self.customer,
            Kind::Shared => self.shared,
            Kind::NoSignIns => self.no_sign_ins,
            Kind::FailedOnly => self.failed_only,
            Kind::Spraying => self.spraying,
        }
    }
}

/// The window's length as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuditInput {
    pub since: String,
}

/// What `--apply` did: the customers' commands, and which addresses are no longer blocked
/// when every source was read again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditApply {
    /// The person answered no: nothing ran.
    pub declined: bool,
    /// The addresses the commands were for (the customers).
    pub addresses: Vec<String>,
    pub commands: Vec<CommandOutcome>,
    /// Of those addresses, the ones no source blocks any more.
    pub lifted: Vec<String>,
    /// The ones still blocked.
    pub still_blocked: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub schema: &'static str,
    pub tool_version: &'static str,
    pub window: WindowTimes,
    pub verdict: Verdict,
    pub summary: Summary,
    pub entries: Vec<AuditEntry>,
    pub advice: Vec<Advice>,
    pub settings: Vec<Setting>,
    pub sources: Vec<SourceEntry>,
    pub generated_at: String,
    pub input: AuditInput,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<AuditApply>,
}

/// Firewall and ban-list sources that are there but could not be read: blocked customers
/// in them would not show.
pub fn firewall_unread(sources: &[SourceEntry]) -> bool {
    sources.iter().any(|s| {
        matches!(s.status, SourceStatus::Denied | SourceStatus::Error)
            && !s.name.starts_with('/')
            && s.name != "journal"
            && s.name != "logs"
    })
}

impl AuditReport {
    pub fn new(
        window: Window,
        now: i64,
        since: String,
        entries: Vec<AuditEntry>,
        advice: Vec<Advice>,
        settings: Vec<Setting>,
        sources: Vec<SourceEntry>,
    ) -> AuditReport {
        let summary = Summary::of(&entries);
        // A customer locked out is the problem to act on; an unread firewall leaves the
        // answer open; anything else (attackers banned) is the firewall doing its job.
        let verdict = if summary.customer > 0 || summary.shared > 0 {
            Verdict::Problem
        } else if firewall_unread(&sources) {
            Verdict::Inconclusive
        } else {
            Verdict::Ok
        };
        AuditReport {
            schema: SCHEMA,
            tool_version: env!("CARGO_PKG_VERSION"),
            window: WindowTimes {
                since: rfc3339(window.since),
                until: rfc3339(window.until),
            },
            verdict,
            summary,
            entries,
            advice,
            settings,
            sources,
            generated_at: rfc3339(now),
            input: AuditInput { since },
            apply: None,
        }
    }

    /// One JSON document (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The exit status: 0 no customer is locked out, 1 one is (or the firewall could not
    /// be read).
    pub fn exit_code(&self) -> i32 {
        match self.verdict {
            Verdict::Ok => 0,
            Verdict::Problem | Verdict::Inconclusive => 1,
        }
    }

    /// The customers `--apply` acts on: their single addresses.
    pub fn customers_to_lift(&self) -> Vec<&AuditEntry> {
        self.entries.iter().filter(|e| e.apply).collect()
    }

    /// What `--apply` runs: for each customer, the commands that lift its blocks, then
    /// those that keep it allowed (commands only: configuration lines are shown, not run),
    /// each once.
    pub fn apply_commands(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in self.customers_to_lift() {
            for c in e.unblock.iter().chain(e.allow.iter()) {
                if crate::server::apply::runnable(c) && !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}
