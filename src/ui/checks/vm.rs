//! The checks screen's view-model: the three steps, one row per check (waiting, running with
//! its time budget, done, or never run), the step the tree is at and its question. Read from
//! the finished `Diagnosis` and the tree; nothing here evaluates a signal.

use std::time::{Duration, Instant};

use crate::checks::{CheckId, CheckRecord, Status};
use crate::diagnosis::{Diagnosis, Progress};
use crate::protocol::reply::sanitize;
use crate::settings::Input;
use crate::tree::{NodeKind, Step, Tree};
use crate::ui::text::{fill, text};

/// The three steps a person follows on the checks screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepId {
    Settings,
    Network,
    Server,
}

impl StepId {
    pub const ALL: [StepId; 3] = [StepId::Settings, StepId::Network, StepId::Server];

    /// dns.* and input.* are about the settings, tcp.* about the network, the rest
    /// (smtp.*, tls.*) about the server.
    pub fn of_id(id: CheckId) -> StepId {
        match id {
            CheckId::ServerName
            | CheckId::ServerAddress
            | CheckId::DomainMx
            | CheckId::DomainTxt
            | CheckId::DomainDmarc
            | CheckId::DomainSrv => StepId::Settings,
            CheckId::Tcp(_) => StepId::Network,
            _ => StepId::Server,
        }
    }

    /// The same for an id as text; anything that is not a check id is about the server.
    pub fn of_check(id: &str) -> StepId {
        CheckId::parse(id).map_or(StepId::Server, StepId::of_id)
    }

    pub fn of_tree(step: Step) -> StepId {
        match step {
            Step::Settings => StepId::Settings,
            Step::Network => StepId::Network,
            Step::Server => StepId::Server,
        }
    }

    pub fn number(self) -> usize {
        match self {
            StepId::Settings => 1,
            StepId::Network => 2,
            StepId::Server => 3,
        }
    }

    pub fn title(self) -> &'static str {
        let s = &text().steps;
        match self {
            StepId::Settings => &s.settings,
            StepId::Network => &s.network,
            StepId::Server => &s.server,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Waiting,
    Running {
        elapsed: Duration,
        budget: Duration,
        /// The budget applies to each step of a conversation, not to the whole.
        per_step: bool,
    },
    Done(Status),
    /// Never ran: an earlier step failed.
    NotRun,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub id: String,
    pub label: String,
    pub state: RowState,
    /// The technical one-liner (shown on wide screens and in the technical view).
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Waiting,
    Running,
    Passed,
    Warning,
    Failed,
    /// Every check of the step has ended and none of them tested anything: the walk
    /// decided elsewhere, an earlier step failed, or each was skipped.
    NotNeeded,
}

/// How the rows of a step ended; only `passed`, `warned` and `failed` ran.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepCounts {
    pub passed: usize,
    pub warned: usize,
    pub failed: usize,
    pub skipped: usize,
    pub not_run: usize,
    /// Waiting or running.
    pub open: usize,
}

impl StepCounts {
    /// The checks that tested something.
    pub fn ran(&self) -> usize {
        self.passed + self.warned + self.failed
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub step: StepId,
    pub rows: Vec<CheckRow>,
}

impl StepView {
    pub fn counts(&self) -> StepCounts {
        let mut c = StepCounts::default();
        for r in &self.rows {
            match r.state {
                RowState::Done(Status::Pass) => c.passed += 1,
                RowState::Done(Status::Warn) => c.warned += 1,
                RowState::Done(Status::Fail) => c.failed += 1,
                RowState::Done(Status::Skip) => c.skipped += 1,
                RowState::NotRun => c.not_run += 1,
                RowState::Waiting | RowState::Running { .. } => c.open += 1,
            }
        }
        c
    }

    pub fn state(&self) -> StepState {
        let c = self.counts();
        let running = self
            .rows
            .iter()
            .any(|r| matches!(r.state, RowState::Running { .. }));
        if c.failed > 0 {
            StepState::Failed
        } else if running {
            StepState::Running
        } else if self.rows.is_empty() || c.open > 0 {
            if self
                .rows
                .iter()
                .any(|r| matches!(r.state, RowState::Done(_)))
            {
                StepState::Running
            } else {
                StepState::Waiting
            }
        } else if c.ran() == 0 {
            StepState::NotNeeded
        } else if c.warned > 0 {
            StepState::Warning
        } else {
            StepState::Passed
        }
    }

    /// The step's state in words, counting only the checks that ran: "all passed" only
    /// when every row passed, otherwise how many passed, warned, were skipped or were not
    /// needed ("2 passed, 1 not needed"); "not needed" when none ran. Folded (the rows
    /// hidden), an all-passed step says how many passed.
    pub fn word(&self, folded: bool) -> String {
        let t = &text().checks;
        let c = self.counts();
        match self.state() {
            StepState::Waiting => t.step_waiting.clone(),
            StepState::Running => t.step_running.clone(),
            StepState::Failed => t.step_failed.clone(),
            StepState::NotNeeded if c.skipped == 0 => t.step_not_needed.clone(),
            StepState::Passed if c.passed == self.rows.len() => {
                if folded {
                    super::super::text::count("checks-step_count", &t.step_count, c.passed)
                } else {
                    t.step_passed.clone()
                }
            }
            StepState::Passed | StepState::Warning | StepState::NotNeeded => {
                let parts = [
                    (c.passed, "checks-count_passed", &t.count_passed),
                    (c.warned, "checks-count_warned", &t.count_warned),
                    (c.skipped, "checks-count_skipped", &t.count_skipped),
                    (c.not_run, "checks-count_not_needed", &t.count_not_needed),
                ];
                parts
                    .iter()
                    .filter(|(n, _, _)| *n > 0)
                    .map(|(n, key, template)| super::super::text::count(key, template, *n))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceView {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    pub id: String,
    pub text: String,
    pub help: String,
    pub choices: Vec<ChoiceView>,
    /// Index of the default choice.
    pub default: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChecksView {
    pub steps: Vec<StepView>,
    /// The step the tree is looking at now.
    pub current: Option<StepId>,
    pub question: Option<QuestionView>,
    /// Every check has ended.
    pub finished: bool,
}

/// When each check was first seen running, and seen ending.
pub type Times = std::collections::BTreeMap<CheckId, (Instant, Option<Instant>)>;

pub(crate) fn elapsed(times: &Times, id: CheckId, now: Instant) -> Duration {
    times.get(&id).map_or(Duration::ZERO, |(start, _)| {
        now.saturating_duration_since(*start)
    })
}

fn label_for(id: CheckId) -> String {
    let labels = &text().checks.labels;
    let name = id.to_string();
    if let Some(l) = labels.get(&name) {
        return l.clone();
    }
    let kind = match id {
        CheckId::Tcp(_) => "tcp",
        CheckId::Smtp(_) | CheckId::Stage(..) | CheckId::Tls(_) => "smtp",
        _ => "other",
    };
    let port = id.port().map(|p| p.to_string()).unwrap_or_default();
    fill(
        labels.get(kind).map_or("{id}", String::as_str),
        &[("port", &port), ("id", &name)],
    )
}

/// The worst status wins: a failure anywhere in a conversation fails it.
fn worst(records: &[&CheckRecord]) -> Option<Status> {
    let rank = |s: Status| match s {
        Status::Fail => 3,
        Status::Warn => 2,
        Status::Pass => 1,
        Status::Skip => 0,
    };
    records.iter().map(|r| r.status).max_by_key(|s| rank(*s))
}

pub fn checks_view(
    input: &Input,
    timeout: Duration,
    diagnosis: Option<&Diagnosis>,
    tree: &Tree,
    times: &Times,
    now: Instant,
) -> ChecksView {
    // A diagnosis exists exactly while a run does.
    let has_run = diagnosis.is_some();
    let records: &[CheckRecord] = diagnosis.map_or(&[], |d| &d.checks);
    // Once the run has ended nothing is pending, whatever the plan said.
    let pending: &[CheckId] = diagnosis.map_or(&[], |d| &d.pending);
    let done = diagnosis.is_some_and(|d| d.finished);
    let record = |id: CheckId| records.iter().find(|r| r.id == id);
    let step_budget = timeout;
    // The DNS client allows half a time-out more for retries over TCP.
    let dns_budget = timeout + timeout / 2;

    let state_of = |id: CheckId, budget: Duration, blocked: bool| -> (RowState, String) {
        if let Some(r) = record(id) {
            (RowState::Done(r.status), sanitize(r.summary.as_bytes()))
        } else if pending.contains(&id) {
            (
                RowState::Running {
                    elapsed: elapsed(times, id, now),
                    budget,
                    per_step: false,
                },
                String::new(),
            )
        } else if blocked {
            (RowState::NotRun, text().checks.not_run_why.clone())
        } else if done {
            (RowState::NotRun, text().checks.not_needed_why.clone())
        } else {
            (RowState::Waiting, String::new())
        }
    };

    let row = |id: CheckId, (state, summary): (RowState, String)| CheckRow {
        id: id.to_string(),
        label: label_for(id),
        state,
        summary,
    };
    // Every row in one list; `StepId::of_check` puts each under its step below.
    let mut rows = Vec::new();
    match record(CheckId::ServerName) {
        Some(r) => rows.push(row(
            r.id,
            (RowState::Done(r.status), sanitize(r.summary.as_bytes())),
        )),
        None => rows.push(row(
            CheckId::ServerAddress,
            state_of(CheckId::ServerAddress, dns_budget, false),
        )),
    }
    let no_domain = input.email_domain().is_none();
    for id in [
        CheckId::DomainMx,
        CheckId::DomainTxt,
        CheckId::DomainDmarc,
        CheckId::DomainSrv,
    ] {
        rows.push(row(id, state_of(id, dns_budget, no_domain)));
    }

    // One row per port for reaching it and one for the whole conversation on it; the plan
    // is known before the engine sends it.
    let server_failed = record(CheckId::ServerName).is_some()
        || record(CheckId::ServerAddress).is_some_and(|r| r.status == Status::Fail)
        || diagnosis.is_some_and(|d| matches!(d.target, Some(None)));
    let plan = diagnosis.map_or_else(|| crate::engine::port_plan(input.port), |d| d.plan.clone());
    for port in plan {
        let tcp_id = CheckId::Tcp(port);
        let tcp = state_of(tcp_id, step_budget, server_failed);
        let tcp_failed =
            matches!(tcp.0, RowState::Done(s) if s != Status::Pass) || tcp.0 == RowState::NotRun;
        rows.push(row(tcp_id, tcp));

        let smtp_id = CheckId::Smtp(port);
        let stages: Vec<&CheckRecord> = records
            .iter()
            .filter(|r| matches!(r.id, CheckId::Stage(p, _) | CheckId::Tls(p) if p == port))
            .collect();
        // The line that explains the state: a failure, else a warning, else the latest.
        let telling = stages
            .iter()
            .find(|r| r.status == Status::Fail)
            .or_else(|| stages.iter().find(|r| r.status == Status::Warn))
            .or(stages.last())
            .map(|r| sanitize(r.summary.as_bytes()))
            .unwrap_or_default();
        let smtp = if pending.contains(&smtp_id) {
            let running = RowState::Running {
                elapsed: elapsed(times, smtp_id, now),
                budget: step_budget,
                per_step: true,
            };
            (running, telling)
        } else if let Some(s) = worst(&stages) {
            (RowState::Done(s), telling)
        } else if tcp_failed || server_failed {
            (RowState::NotRun, text().checks.not_run_why.clone())
        } else if done {
            (RowState::NotRun, text().checks.not_needed_why.clone())
        } else {
            (RowState::Waiting, String::new())
        };
        rows.push(row(smtp_id, smtp));
    }
    // Reputation, on the server step: this network's address and the server's in the
    // blocklists, and the server's reverse DNS; each row's summary is a plain sentence.
    // The client's lookups start once this network's address is known: until then they wait.
    let client = if record(CheckId::BlocklistClient).is_none()
        && record(CheckId::PublicIp).is_none()
        && !done
    {
        (RowState::Waiting, String::new())
    } else {
        state_of(CheckId::BlocklistClient, dns_budget, false)
    };
    rows.push(row(CheckId::BlocklistClient, client));
    for id in [CheckId::BlocklistServer, CheckId::ServerPtr] {
        rows.push(row(id, state_of(id, dns_budget, server_failed)));
    }

    // The domain's SPF, DMARC and DKIM, judged against the server: on the server step.
    rows.push(row(
        CheckId::DomainAuth,
        state_of(CheckId::DomainAuth, dns_budget, no_domain),
    ));

    let node_step = |node: &str| tree.node(node).map(|n| StepId::of_tree(n.step));
    let (current, question) = match diagnosis.map(|d| &d.progress) {
        Some(Progress::Waiting { node, .. }) => (node_step(node), None),
        Some(Progress::Asking { node }) => (node_step(node), question_view(tree, node)),
        Some(Progress::Done) => (None, None),
        None => (has_run.then_some(StepId::Settings), None),
    };
    ChecksView {
        steps: StepId::ALL
            .into_iter()
            .map(|step| StepView {
                step,
                rows: rows
                    .iter()
                    .filter(|r| StepId::of_check(&r.id) == step)
                    .cloned()
                    .collect(),
            })
            .collect(),
        current,
        question,
        finished: done,
    }
}

fn question_view(tree: &Tree, node: &str) -> Option<QuestionView> {
    let n = tree.node(node)?;
    let NodeKind::Question(q) = &n.kind else {
        return None;
    };
    let default = q.choices.iter().position(|c| c.id == q.default);
    Some(QuestionView {
        id: n.id.clone(),
        text: q.text.clone(),
        help: q.help.clone().unwrap_or_default(),
        choices: q
            .choices
            .iter()
            .map(|c| ChoiceView {
                id: c.id.clone(),
                label: c.label.clone(),
            })
            .collect(),
        default,
    })
}

pub(crate) fn format_secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// A running check's time, e.g. "1.2 s of 5.0 s".
pub fn running_text(elapsed: Duration, budget: Duration, per_step: bool) -> String {
    let c = &text().checks;
    let template = if per_step {
        &c.running_steps
    } else {
        &c.running
    };
    fill(
        template,
        &[
            ("elapsed", &format_secs(elapsed)),
            ("budget", &format_secs(budget)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_map_to_steps() {
        assert_eq!(StepId::of_check("dns.server.a"), StepId::Settings);
        assert_eq!(StepId::of_check("input.server_name"), StepId::Settings);
        assert_eq!(StepId::of_check("tcp.587"), StepId::Network);
        assert_eq!(StepId::of_check("smtp.587.auth"), StepId::Server);
        assert_eq!(StepId::of_check("tls.465"), StepId::Server);
    }

    #[test]
    fn labels_fill_the_port() {
        assert_eq!(
            label_for(CheckId::Tcp(465)),
            "Reaching the server on port 465"
        );
        assert_eq!(
            label_for(CheckId::Tls(587)),
            "Talking to the server on port 587"
        );
        assert_eq!(
            label_for(CheckId::DomainMx),
            "Your domain's mail servers (MX)"
        );
    }

    fn step(step: StepId, states: &[RowState]) -> StepView {
        StepView {
            step,
            rows: states
                .iter()
                .enumerate()
                .map(|(i, state)| CheckRow {
                    id: format!("smtp.{i}"),
                    label: format!("check {i}"),
                    state: state.clone(),
                    summary: String::new(),
                })
                .collect(),
        }
    }

    const PASS: RowState = RowState::Done(Status::Pass);
    const WARN: RowState = RowState::Done(Status::Warn);
    const SKIP: RowState = RowState::Done(Status::Skip);

    #[test]
    fn a_step_where_nothing_ran_is_not_needed_never_passed() {
        let s = step(StepId::Server, &[RowState::NotRun, RowState::NotRun]);
        assert_eq!(s.state(), StepState::NotNeeded);
        assert_eq!(s.counts().ran(), 0);
        for folded in [false, true] {
            let word = s.word(folded);
            assert_eq!(word, "not needed");
            assert!(!word.contains("passed"), "{word}");
        }
    }

    #[test]
    fn a_step_of_skipped_checks_says_so() {
        let s = step(StepId::Settings, &[SKIP, SKIP, RowState::NotRun]);
        assert_eq!(s.state(), StepState::NotNeeded);
        assert_eq!(s.word(true), "2 skipped, 1 not needed");
    }

    #[test]
    fn all_passed_only_when_every_check_ran_and_passed() {
        let all = step(StepId::Network, &[PASS, PASS, PASS]);
        assert_eq!(all.state(), StepState::Passed);
        assert_eq!(all.word(false), "all passed");
        assert_eq!(all.word(true), "3 checks passed");

        // Two ran, one was not needed: the count says what ran, folded or not.
        let some = step(StepId::Server, &[PASS, RowState::NotRun, PASS]);
        assert_eq!(some.state(), StepState::Passed);
        assert_eq!(some.word(false), "2 passed, 1 not needed");
        assert_eq!(some.word(true), "2 passed, 1 not needed");
    }

    #[test]
    fn warnings_and_skips_are_counted_apart() {
        let s = step(StepId::Settings, &[PASS, PASS, WARN, SKIP]);
        assert_eq!(s.state(), StepState::Warning);
        assert_eq!(s.word(false), "2 passed, 1 with a warning, 1 skipped");
    }

    #[test]
    fn open_and_failed_steps_keep_their_words() {
        let running = RowState::Running {
            elapsed: Duration::from_secs(1),
            budget: Duration::from_secs(5),
            per_step: false,
        };
        let s = step(StepId::Network, &[PASS, running]);
        assert_eq!(s.state(), StepState::Running);
        assert_eq!(s.word(false), "checking");
        let s = step(StepId::Network, &[RowState::Waiting, RowState::Waiting]);
        assert_eq!(s.state(), StepState::Waiting);
        assert_eq!(step(StepId::Network, &[]).state(), StepState::Waiting);
        let s = step(
            StepId::Network,
            &[RowState::Done(Status::Fail), RowState::NotRun],
        );
        assert_eq!(s.state(), StepState::Failed);
        assert_eq!(s.word(true), "problem found");
    }

    /// A run that ended before any check reported: every step says it was not needed and
    /// each row says why.
    #[test]
    fn a_finished_run_without_checks_counts_nothing_as_passed() {
        let catalog = crate::catalog::Catalog::embedded().expect("embedded catalog");
        let mut input = Input::new("alice@example.test");
        input.server = Some("smtp.example.test".into());
        let facts = crate::facts::Facts {
            done: true,
            ..crate::facts::Facts::default()
        };
        let d = crate::diagnosis::diagnose(
            &catalog,
            &input,
            &facts,
            crate::tree::QuestionMode::UseDefaults,
        );
        let now = Instant::now();
        let v = checks_view(
            &input,
            Duration::from_secs(5),
            Some(&d),
            &catalog.tree,
            &Times::new(),
            now,
        );
        assert!(v.finished);
        for s in &v.steps {
            assert_eq!(s.state(), StepState::NotNeeded, "{:?}", s.step);
            assert_eq!(s.word(true), "not needed");
            for r in &s.rows {
                assert_eq!(r.state, RowState::NotRun, "{}", r.id);
                assert!(!r.summary.is_empty(), "{}", r.id);
            }
        }
    }
}

#[cfg(test)]
mod reputation_rows {
    use super::*;
    use crate::recording::Recording;

    /// The recorded home-connection refusal: the server step shows the blocklist lookups and
    /// the reverse DNS in plain words.
    #[test]
    fn the_server_step_shows_the_reputation_checks() {
        let r = Recording::from_toml(include_str!(
            "../../../tests/scenarios/netlab_blocklist_client_home_connection.toml"
        ))
        .unwrap();
        let (input, _) = r.input.to_input();
        let catalog = crate::catalog::Catalog::embedded().unwrap();
        let d = crate::diagnosis::diagnose(
            &catalog,
            &input,
            &r.facts,
            crate::tree::QuestionMode::UseDefaults,
        );
        let view = checks_view(
            &input,
            Duration::from_secs(4),
            Some(&d),
            &catalog.tree,
            &Times::new(),
            Instant::now(),
        );
        let server = &view.steps[2];
        let row = |id: &str| server.rows.iter().find(|r| r.id == id).unwrap();
        let client = row("dnsbl.client");
        assert_eq!(client.state, RowState::Done(Status::Warn));
        assert_eq!(client.label, "Your network's address on spam blocklists");
        assert!(
            client.summary.contains("list of home connections")
                && client.summary.contains("port 587 with sign-in"),
            "{}",
            client.summary
        );
        assert_eq!(row("dnsbl.server").state, RowState::Done(Status::Pass));
        assert_eq!(row("dns.server.ptr").state, RowState::Done(Status::Pass));
    }
}
