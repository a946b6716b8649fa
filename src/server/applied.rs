//! What `--apply` did, as report data: a leaf, so the report can carry it without importing
//! the code that runs the commands.

use serde::Serialize;

use super::model::Block;

/// What one command did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandOutcome {
    pub command: String,
    pub ok: bool,
    /// The first line of its output, or why it failed or did not run.
    pub detail: String,
}

/// The `apply` extension of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplyReport {
    /// The person answered no: nothing ran.
    pub declined: bool,
    pub commands: Vec<CommandOutcome>,
    /// The blocks before the commands ran; the report's `blocks` are those read after.
    pub before: Vec<Block>,
    /// Read again after the commands: no blocking entry is left. `None`: nothing ran.
    pub block_gone: Option<bool>,
}
