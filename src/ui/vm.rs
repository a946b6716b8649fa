//! The view-model: what the checks, result and technical screens show, read from the
//! finished `Diagnosis` (+ the tree for question wording); nothing here evaluates a signal
//! or reads the facts. Each screen's part lives with its screen (`checks::vm`, `result::vm`,
//! `technical`); this module puts them together for the model, which holds the result, and
//! re-exports them. Views and snapshot tests work from these plain structs.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::diagnosis::{Diagnosis, Progress};
use crate::settings::Input;
use crate::tree::Tree;

pub use super::checks::vm::{
    checks_view, running_text, CheckRow, ChecksView, ChoiceView, QuestionView, RowState,
    StepCounts, StepId, StepState, StepView, Times,
};
pub use super::result::vm::{
    format_wall, result_view, NextView, ResultView, TellHostView, VerdictKind,
};
pub use super::technical::{tech_view, TechRow, TechView};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewModel {
    pub checks: ChecksView,
    pub result: Option<ResultView>,
    pub tech: TechView,
}

/// What the view-model is derived from: the model's parts, so that this module needs no
/// `Model` (the model holds the view-model; nothing here reads back into it).
pub struct Parts<'a> {
    /// The confirmed input (the settings as typed).
    pub input: &'a Input,
    /// The checks' time budget per network step.
    pub timeout: Duration,
    /// The diagnosis of the current run; `None` when no run exists.
    pub diagnosis: Option<&'a Diagnosis>,
    /// The tree, for the wording of questions and the step of a node.
    pub tree: &'a Tree,
    /// When each check was first seen running, and seen ending.
    pub times: &'a Times,
    pub now: Instant,
    /// When the run ended (else now), for "Tell your email host".
    pub finished_wall: OffsetDateTime,
}

pub fn build(p: &Parts) -> ViewModel {
    ViewModel {
        checks: checks_view(p.input, p.timeout, p.diagnosis, p.tree, p.times, p.now),
        result: p
            .diagnosis
            .filter(|d| d.progress == Progress::Done)
            .map(|d| result_view(d, p.finished_wall)),
        tech: tech_view(p.input, p.diagnosis, p.times, p.now),
    }
}
