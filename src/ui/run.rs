//! A run of the checks: it starts with a new generation (the old run's late messages are
//! dropped), facts arrive, the engine may fail to start, and once the walk concludes on the
//! checks screen the result replaces it.

use crate::facts::{Fact, Facts};
use crate::settings::Input;

use super::failure::state::{Failure, FailureKind};
use super::model::{Model, Screen};
use super::msg::Effect;

/// Does this input need a new run, or do the current run's facts still apply? The
/// encryption setting, the error text and the answers only change the diagnosis. (The
/// checks' options change only on the failure screen, which always starts a new run.)
pub(super) fn same_run(a: &Input, b: &Input) -> bool {
    a.email == b.email
        && a.server == b.server
        && a.port == b.port
        && a.user == b.user
        && a.password
            .as_ref()
            .map(super::super::secret::Secret::expose)
            == b.password
                .as_ref()
                .map(super::super::secret::Secret::expose)
}

/// Starts a new run (a new generation): the old one's facts are gone and its late
/// messages will be dropped.
pub(super) fn start_run(m: &mut Model, input: Input) -> Vec<Effect> {
    m.run.generation += 1;
    m.run.input = Some(input.clone());
    m.run.facts = Facts::default();
    m.run.finished_wall = None;
    m.run.times.clear();
    m.failure = None;
    m.export = None;
    vec![Effect::StartChecks {
        generation: m.run.generation,
        input: Box::new(input),
        options: Box::new(m.check_options.clone()),
    }]
}

/// Checks start at launch when the command line already says enough, so that by the time
/// the person has read the first screens the answer is often there.
pub fn initial_effects(m: &mut Model) -> Vec<Effect> {
    match m.form.to_input(&m.base) {
        Ok(input) => {
            m.input = input.clone();
            let effects = start_run(m, input);
            m.refresh();
            effects
        }
        Err(_) => Vec::new(),
    }
}

pub(super) fn on_fact(m: &mut Model, generation: u64, fact: Fact) -> Vec<Effect> {
    // A fact of an abandoned run (the person went back): drop it.
    if generation != m.run.generation || m.run.input.is_none() {
        return Vec::new();
    }
    let done = matches!(fact, Fact::Done);
    m.run.facts.apply(fact);
    if done {
        m.run.finished_wall = Some(m.clock.wall);
    }
    m.refresh();
    advance_when_concluded(m);
    Vec::new()
}

/// The run of this generation could not start: the failure screen says why.
pub(super) fn on_engine_failed(
    m: &mut Model,
    generation: u64,
    kind: FailureKind,
    message: String,
) -> Vec<Effect> {
    if generation == m.run.generation && m.run.input.is_some() {
        m.run.input = None;
        m.failure = Some(Failure {
            kind,
            message,
            focus: 0,
        });
        m.refresh();
        if m.screen == Screen::Checks {
            m.screen = Screen::Failure;
        }
    }
    Vec::new()
}

/// On the checks screen, a concluded diagnosis replaces the screen with the result (Back
/// from the result then leads to the account, not to a finished checks list).
pub(super) fn advance_when_concluded(m: &mut Model) {
    if m.screen == Screen::Checks && m.concluded() {
        m.screen = Screen::Result;
        m.result_focus = 0;
        m.scroll.result = 0;
        m.reached_result = true;
    }
}
