//! Messages into `update` and the effects it asks the runner to carry out.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, MouseEvent};
use time::OffsetDateTime;

use crate::facts::Fact;
use crate::server::audit::AuditReport;
use crate::server::report::ServerReport;
use crate::server::request::Request;
use crate::server::run::Examined;
use crate::settings::{Input, Options};

use super::model::FailureKind;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    Resize(u16, u16),
    /// A timer beat while checks run: elapsed times move.
    Tick,
    /// News from the run with this generation; other generations are stale.
    Fact {
        generation: u64,
        fact: Fact,
    },
    /// The run with this generation could not start.
    EngineFailed {
        generation: u64,
        kind: FailureKind,
        message: String,
    },
    /// The report file was written, or not.
    Saved {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// The runner wrote the settings file (or could not).
    SettingsFileSaved {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// Kiosk mode: whether this computer has a route to the internet (sent when it
    /// changes).
    Network {
        online: bool,
    },
    /// A signal asks the program to end (SIGTERM, SIGINT, SIGHUP): the exit status to use.
    Signal(i32),
    /// Server mode: the look with this generation is done, or could not start (one line).
    ServerLooked {
        generation: u64,
        result: Result<Box<Examined>, String>,
    },
    /// Server mode: the unblock commands ran and everything was read again.
    ServerApplied {
        generation: u64,
        report: Box<ServerReport>,
    },
    /// Server mode: the audit with this generation is done.
    ServerAudited {
        generation: u64,
        report: Box<AuditReport>,
    },
    /// Server mode: the customers' commands ran and the block lists were read again.
    ServerAuditApplied {
        generation: u64,
        report: Box<AuditReport>,
    },
}

#[derive(Debug)]
pub enum Effect {
    /// Start the checks for this input with these options; their facts come back tagged
    /// with `generation`.
    StartChecks {
        generation: u64,
        input: Box<Input>,
        options: Box<Options>,
    },
    /// Stop the current run (its late facts are dropped by generation anyway).
    CancelChecks,
    /// Write the report.
    SaveReport { path: PathBuf, contents: String },
    /// Kiosk mode: write the report as a new file in `dir`, named from `wall`; the
    /// answer comes back as `Msg::Saved`.
    SaveKioskReport {
        dir: PathBuf,
        wall: OffsetDateTime,
        contents: String,
    },
    /// Write the verified settings as a new file at `path` (never over an existing one).
    SaveSettingsFile { path: PathBuf, contents: String },
    /// Kiosk mode: write the settings file as a new file in `dir`, named from `wall`.
    SaveKioskSettingsFile {
        dir: PathBuf,
        wall: OffsetDateTime,
        contents: String,
    },
    /// Kiosk mode: look every few seconds whether this computer has a network, and say
    /// when that changes (`Msg::Network`).
    WatchNetwork,
    /// Leave the program with this exit status.
    Exit(i32),
    /// Server mode: read this host for the request (on a blocking thread).
    ServerLook {
        generation: u64,
        request: Box<Request>,
    },
    /// Server mode: run the unblock commands of this look (the person confirmed), then
    /// read again.
    ServerApply {
        generation: u64,
        examined: Box<Examined>,
    },
    /// Server mode: audit every blocked address of this host (on a blocking thread).
    ServerAudit { generation: u64 },
    /// Server mode: unblock and whitelist the customers of this audit (the person
    /// confirmed), then read the block lists again.
    ServerAuditApply {
        generation: u64,
        report: Box<AuditReport>,
    },
}
