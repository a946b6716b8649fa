//! Check modules. Each runs one kind of network check and returns a typed outcome; none of
//! them panics on what the network sends, and every wait is bounded by a time-out.
//!
//! [`CheckRecord`] is the uniform, serialisable view of any check for reports and the UI.

pub mod autoconfig;
pub mod blocklist;
pub mod cert;
pub mod dns;
pub mod dns_service;
pub mod domain_auth;
pub mod gate;
pub mod icmp;
pub mod id;
pub mod intercept;
pub mod network;
pub mod path;
pub mod rdns;
pub mod reference;
pub mod smtp;
pub mod tcp;
pub mod tls;
pub mod whoami;

use serde::Serialize;

pub use id::{CheckId, SmtpStage};

/// How a check ended, as the report shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Warn,
    Skip,
}

impl Status {
    /// A symbol that carries the meaning without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Fail => "✗",
            Status::Warn => "!",
            Status::Skip => "-",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Status::Pass => "passed",
            Status::Fail => "failed",
            Status::Warn => "warning",
            Status::Skip => "skipped",
        }
    }
}

/// One finished check as reports list it (`checks[]` in the JSON contract).
#[derive(Debug, Clone, Serialize)]
pub struct CheckRecord {
    pub id: CheckId,
    pub status: Status,
    pub duration_ms: u64,
    pub summary: String,
    pub detail: serde_json::Value,
}
