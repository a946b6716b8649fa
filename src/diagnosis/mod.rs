//! From facts to a diagnosis: the tree is walked over the signals, its conclusions become
//! causes with filled-in fix steps, and the settings that work are recommended.
//!
//! Everything here is pure: the same input, facts and answers give the same diagnosis, so
//! the wizard can re-run it after every fact and `check` can run it once at the end.

pub mod context;
pub mod recommend;
pub mod signals;
pub mod vocabulary;

use std::net::IpAddr;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::checks::CheckId;
use crate::facts::Facts;
use crate::settings::{Endpoint, Input};
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
}

/// Walks the catalog's tree over the facts as they are now.
pub fn diagnose(catalog: &Catalog, input: &Input, facts: &Facts, mode: QuestionMode) -> Diagnosis {
    let cx = Ctx::new(catalog, input, facts);
    let mut signal = |name: &str| {
        signals::find(name)
            .and_then(|s| s.evaluate(&cx))
            .map(str::to_string)
    };
    let answer = |id: &str| input.answers.get(id).cloned();
    let walk = tree::walk(&catalog.tree, &mut signal, &answer, mode);

    let recommended = recommend::recommended(&cx);
    let public_ip = facts.public_ip();
    let fill = signals::Fill {
        cx: &cx,
        recommended: recommended.as_ref(),
    };
    let lookup = |name: &str| signals::placeholder(name).and_then(|p| (p.value)(&fill));
    let known: Vec<CheckId> = facts.records().into_iter().map(|r| r.id).collect();

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
    Diagnosis {
        verdict,
        causes,
        recommended,
        public_ip,
        progress,
        path: walk.path.iter().map(|n| n.id.clone()).collect(),
        answers: walk.answers_used,
    }
}
