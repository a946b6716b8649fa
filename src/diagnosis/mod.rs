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
    let mut signal = |name: &str| signals::find(name).and_then(|s| s.read(&cx));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe};
    use crate::tree::Tree;

    /// A tree that asks the envelope test only, with a branch for one cause code.
    fn envelope_tree(cause_branch: &str) -> Tree {
        let text = format!(
            r#"start = "env"

[node.env]
kind = "check"
step = "server"
title = "Envelope"
signal = "envelope"
on = {{ accepted = "fin", auth_required = "fin", relay_denied = "fin", sender_rejected = "fin", recipient_rejected = "fin", client_blocked = "fin", tls_required = "tls", temp_failure = "busy", not_tried = "fin"{cause_branch} }}

[node.busy]
kind = "conclusion"
step = "server"
cause = "server.overloaded"
confidence = "likely"
title = "Busy"
explanation = "Busy: {{reply}}"
fix = ["Wait."]

[node.tls]
kind = "conclusion"
step = "settings"
cause = "config.encryption_off"
confidence = "likely"
title = "Encryption"
explanation = "Switch it on."
fix = ["Do it."]

[node.fin]
kind = "end"
step = "server"
title = "End"
"#
        );
        Tree::parse(&text, "t.toml").expect("a valid tree")
    }

    /// Port 587 signed in, then MAIL FROM refused with `reply`.
    fn refused_sender(reply: &str) -> Facts {
        let parsed = crate::protocol::reply::parse_lines(&[reply.as_bytes()]).expect("reply");
        let mut facts = Facts {
            done: true,
            provider: Some(None),
            ..Facts::default()
        };
        facts.ports.insert(
            587,
            PortProbe {
                port: 587,
                mode: Some(Mode::Plain),
                auth: Some(AuthOutcome::Accepted {
                    mechanism: "PLAIN".into(),
                }),
                envelope: Some(EnvelopeOutcome::MailRejected { reply: parsed }),
                finished: true,
                ..PortProbe::default()
            },
        );
        facts
    }

    #[test]
    fn a_cause_named_by_a_profile_rule_steers_the_walk() {
        let embedded = Catalog::embedded().expect("embedded catalog");
        let input = Input::new("alice@example.test");
        // Microsoft's wording, a generic profile rule: `config.encryption_off`. The envelope
        // outcome is still `temp_failure` (a 4xx), as before.
        let facts = refused_sender("451 5.7.3 STARTTLS is required to send mail");
        let mut catalog = (*embedded).clone();
        catalog.tree = envelope_tree("");
        let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
        assert_eq!(d.causes[0].code, "server.overloaded");
        assert_eq!(
            d.causes[0].explanation,
            "Busy: 451 5.7.3 STARTTLS is required to send mail"
        );
        // A tree that branches on the cause takes that branch first.
        catalog.tree = envelope_tree(r#", "config.encryption_off" = "tls""#);
        let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
        assert_eq!(d.causes[0].code, "config.encryption_off");
        assert_eq!(d.path, ["env", "tls"]);
    }

    #[test]
    fn only_reply_signals_branch_on_causes() {
        let text = r#"start = "a"

[node.a]
kind = "check"
step = "settings"
title = "A"
signal = "server_name"
on = { valid = "fin", invalid = "fin", missing = "fin", "config.wrong_server" = "fin" }

[node.fin]
kind = "end"
step = "server"
title = "End"
"#;
        let errors = Tree::parse(text, "t.toml").expect_err("a cause branch at server_name");
        assert_eq!(errors.0.len(), 1, "{errors}");
        assert!(errors.0[0]
            .message
            .contains("only signals that read server replies branch on cause codes"));
        assert_eq!((errors.0[0].line, errors.0[0].column), (8, 57));
        let text = text
            .replace("server_name", "envelope")
            .replace(
                "valid = \"fin\", invalid = \"fin\", missing = \"fin\", \"config.wrong_server\"",
                "accepted = \"fin\", auth_required = \"fin\", relay_denied = \"fin\", sender_rejected = \"fin\", recipient_rejected = \"fin\", client_blocked = \"fin\", tls_required = \"fin\", temp_failure = \"fin\", not_tried = \"fin\", \"config.no_such\"",
            );
        let errors = Tree::parse(&text, "t.toml").expect_err("an unknown cause");
        assert!(
            errors.0[0].message.contains("nor is it a known cause code"),
            "{errors}"
        );
    }
}
