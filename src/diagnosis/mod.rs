//! From facts to a diagnosis: the tree is walked over the signals, its conclusions become
//! causes with filled-in fix steps and who must act, and the settings that work are
//! recommended.
//!
//! A [`Diagnosis`] is finished: it carries everything the report and the wizard show (the
//! settings tested, the pasted message as read, the provider, the server and ports tried,
//! the check records and the transcript, what to tell the host), so nothing downstream
//! calls back into the signals or reads the facts again.
//!
//! Everything here is pure: the same input, facts and answers give the same diagnosis, so
//! the wizard can re-run it after every fact and `check` can run it once at the end.

pub mod context;
pub mod recommend;
pub mod settled;
pub mod signals;
pub mod vocabulary;

use std::net::IpAddr;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::causes::Actor;
use crate::checks::{CheckId, CheckRecord};
use crate::error_text::Recognised;
use crate::facts::{Facts, ProviderFound, ProviderVia, Target};
use crate::profiles::WhoActs;
use crate::protocol::transcript::Line;
use crate::settings::{Endpoint, Input, Security};
use crate::tree::{self, Confidence, NodeKind, QuestionMode, WalkState};

pub use context::Ctx;

/// The overall answer, as the JSON contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Problem,
    Inconclusive,
}

/// One cause with its wording filled in.
#[derive(Debug, Clone, Serialize)]
pub struct Cause {
    pub code: String,
    pub confidence: Confidence,
    pub title: String,
    pub explanation: String,
    pub fix: Vec<String>,
    pub evidence: Vec<CheckId>,
    /// Who must act: the person, their administrator, the email host, this network's
    /// operator (an extension of the report contract).
    pub who_acts: Actor,
}

/// Where the walk stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// A check node waits for its signal.
    Waiting {
        node: String,
        signal: String,
    },
    /// A question node waits for the person (wizard only).
    Asking {
        node: String,
    },
    Done,
}

/// The settings that were tested, as the report states them (never the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tested {
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    /// The login name used (`--user`, else the address when a password was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    pub password_given: bool,
}

/// What the person should send their email host when the host must act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TellHost {
    /// The primary cause, which picks the words of the request.
    pub code: String,
    /// This network's public address, as the host's logs see it.
    pub public_ip: Option<IpAddr>,
    /// The server: as configured, else as tested, else the address's domain.
    pub server: String,
    /// The configured port, else every port tried.
    pub ports: Vec<u16>,
}

#[derive(Debug, Clone)]
pub struct Diagnosis {
    pub verdict: Verdict,
    pub causes: Vec<Cause>,
    pub recommended: Option<Endpoint>,
    pub public_ip: Option<IpAddr>,
    pub progress: Progress,
    /// Node ids visited, in order.
    pub path: Vec<String>,
    /// Questions and the answers used (given or default).
    pub answers: Vec<(String, String)>,
    /// The settings tested.
    pub tested: Tested,
    /// What was recognised in the pasted error message, when one was given.
    pub error: Option<Recognised>,
    /// The provider serving the address: as the engine found it, else by domain alone.
    pub provider: Option<ProviderFound>,
    /// The server under test: `None` while unknown, `Some(None)` when none was given and
    /// none could be found.
    pub target: Option<Option<Target>>,
    /// The ports tested (or to be tested), the configured one first.
    pub plan: Vec<u16>,
    /// Every finished check, in a stable order.
    pub checks: Vec<CheckRecord>,
    /// Checks planned but not finished.
    pub pending: Vec<CheckId>,
    /// The SMTP conversations (AUTH lines redacted).
    pub transcript: Vec<Line>,
    /// Every check has ended.
    pub finished: bool,
    /// What to tell the email host, when the primary cause is theirs to fix.
    pub tell_host: Option<TellHost>,
}

/// Walks the catalog's tree over the facts as they are now.
pub fn diagnose(catalog: &Catalog, input: &Input, facts: &Facts, mode: QuestionMode) -> Diagnosis {
    let cx = Ctx::new(catalog, input, facts);
    let mut signal = |name: &str| signals::find(name).and_then(|s| s.read(&cx));
    let answer = |id: &str| input.answers.get(id).cloned();
    let walk = tree::walk(&catalog.tree, &mut signal, &answer, mode);

    let recommended = recommend::recommended(&cx);
    let public_ip = facts.public_ip();
    let fill = signals::Fill {
        cx: &cx,
        recommended: recommended.as_ref(),
    };
    // A value that is one of the program's own words ("None") reads in the catalog's language;
    // an absent one too ("(unknown)").
    let lang = catalog.lang;
    let unknown = crate::i18n::wording::unknown(lang);
    let lookup = |name: &str| {
        let value = signals::placeholder(name)
            .and_then(|p| (p.value)(&fill))
            .map(|v| crate::i18n::wording::word(lang, &v));
        Some(value.unwrap_or_else(|| unknown.clone()))
    };
    let checks = facts.records();
    let known: Vec<CheckId> = checks.iter().map(|r| r.id).collect();

    let mut causes: Vec<Cause> = Vec::new();
    let mut evidence: Vec<CheckId> = Vec::new();
    for node in &walk.path {
        match &node.kind {
            NodeKind::Check { signal, .. } => {
                let backing = signals::find(signal).map(|s| s.evidence(&cx));
                for id in backing.unwrap_or_default() {
                    if known.contains(&id) && !evidence.contains(&id) {
                        evidence.push(id);
                    }
                }
            }
            NodeKind::Conclusion(c) => {
                // The same cause found twice (the pasted message, then the live check):
                // keep the more certain wording.
                if let Some(i) = causes.iter().position(|k| k.code == c.cause) {
                    if causes[i].confidence <= c.confidence {
                        continue;
                    }
                    causes.remove(i);
                }
                causes.push(Cause {
                    code: c.cause.clone(),
                    confidence: c.confidence,
                    title: tree::template::render(&c.title, &lookup),
                    explanation: tree::template::render(&c.explanation, &lookup),
                    fix: c
                        .fix
                        .iter()
                        .map(|s| tree::template::render(s, &lookup))
                        .collect(),
                    evidence: evidence.clone(),
                    who_acts: who_acts(&cx, &c.cause),
                });
            }
            _ => {}
        }
    }
    // Most certain first (the contract); the tree's order decides among equals.
    causes.sort_by_key(|c| c.confidence);

    let progress = match walk.state {
        WalkState::Done => Progress::Done,
        WalkState::Waiting { node, signal } => Progress::Waiting {
            node: node.id.clone(),
            signal: signal.to_string(),
        },
        WalkState::Asking { node } => Progress::Asking {
            node: node.id.clone(),
        },
    };
    let verdict = match causes.first() {
        _ if progress != Progress::Done => Verdict::Inconclusive,
        Some(c) if c.code == "ok.sending_works" => Verdict::Ok,
        Some(c) if c.code.starts_with("unknown.") => Verdict::Inconclusive,
        Some(_) => Verdict::Problem,
        None => Verdict::Inconclusive,
    };
    let plan = facts
        .plan
        .clone()
        .unwrap_or_else(|| crate::engine::port_plan(input.port));
    let tell_host = causes
        .first()
        .filter(|c| c.who_acts == Actor::Host)
        .map(|c| TellHost {
            code: c.code.clone(),
            public_ip,
            server: input
                .server
                .clone()
                .or_else(|| facts.target_host().map(str::to_string))
                .or_else(|| input.email_domain())
                .unwrap_or_default(),
            ports: input.port.map_or_else(|| plan.clone(), |p| vec![p]),
        });
    Diagnosis {
        verdict,
        causes,
        recommended,
        public_ip,
        progress,
        path: walk.path.iter().map(|n| n.id.clone()).collect(),
        answers: walk.answers_used,
        tested: Tested {
            email: input.email.clone(),
            server: input.server.clone(),
            port: input.port,
            security: input.security,
            user: input.effective_user(),
            password_given: input.password.is_some(),
        },
        error: cx.error().map(|p| p.recognised.clone()),
        provider: provider_found(&cx),
        target: facts.target.clone(),
        plan,
        checks,
        pending: if facts.done {
            Vec::new()
        } else {
            facts.pending_checks()
        },
        transcript: facts
            .ports
            .values()
            .flat_map(|p| p.transcript.lines.iter().cloned())
            .collect(),
        finished: facts.done,
        tell_host,
    }
}

/// Causes that are a provider's sign-in policy: who acts on them is the provider's to say.
pub(crate) const POLICY_CODES: [&str; 3] = [
    "config.app_password_required",
    "config.smtp_auth_disabled",
    "config.oauth_required",
];

/// Who acts on `code`: as the catalog says, except that a provider's sign-in policy is for
/// whoever the provider's profile names.
fn who_acts(cx: &Ctx, code: &str) -> Actor {
    let policy = POLICY_CODES.contains(&code);
    match cx.provider_now().filter(|_| policy).map(|p| p.who_acts) {
        Some(WhoActs::Person) => Actor::Person,
        Some(WhoActs::Administrator) => Actor::Administrator,
        Some(WhoActs::Host) => Actor::Host,
        None => cx.catalog.causes.who_acts(code),
    }
}

/// The provider as the engine found it, else as the address's domain names it.
fn provider_found(cx: &Ctx) -> Option<ProviderFound> {
    match &cx.facts.provider {
        Some(found) => found.clone(),
        None => cx.provider_now().map(|p| ProviderFound {
            id: p.id.clone(),
            name: p.name.clone(),
            via: ProviderVia::Domain,
        }),
    }
}

#[cfg(test)]
mod tests;
