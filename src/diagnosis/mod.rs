//! From facts to a diagnosis: the tree is walked over the signals, its conclusions become
//! causes with filled-in fix steps, and the settings that work are recommended.
//!
//! Everything here is pure: the same input, facts and answers give the same diagnosis, so
//! the wizard can re-run it after every fact and `check` can run it once at the end.

pub mod evaluate;
pub mod recommend;
pub mod signals;

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::Serialize;

use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, TlsResult};
use crate::checks::{CheckId, SmtpStage};
use crate::facts::Facts;
use crate::profiles::WhoActs;
use crate::settings::{Endpoint, Input};
use crate::tree::{self, Confidence, NodeKind, QuestionMode, Tree, WalkState};

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

/// Walks the tree over the facts as they are now.
pub fn diagnose(tree: &Tree, input: &Input, facts: &Facts, mode: QuestionMode) -> Diagnosis {
    let mut signal = |name: &str| evaluate::signal(name, input, facts).map(str::to_string);
    let answer = |id: &str| input.answers.get(id).cloned();
    let walk = tree::walk(tree, &mut signal, &answer, mode);

    let recommended = recommend::recommended(input, facts);
    let public_ip = facts.public_ip();
    let values = template_values(input, facts, recommended.as_ref(), public_ip);
    let lookup = |name: &str| values.get(name).cloned();

    let mut causes: Vec<Cause> = Vec::new();
    let mut evidence: Vec<CheckId> = Vec::new();
    for node in &walk.path {
        match &node.kind {
            NodeKind::Check { signal, .. } => {
                for id in evidence_for(signal, input, facts) {
                    if !evidence.contains(&id) {
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

/// The check ids that back a signal's answer, for `causes[].evidence`.
fn evidence_for(signal: &str, input: &Input, facts: &Facts) -> Vec<CheckId> {
    let configured = input.port;
    let session = facts.session_port().map(|p| p.port);
    let port = configured.or(session);
    let plan: Vec<u16> = facts.plan.clone().unwrap_or_default();
    let ids: Vec<CheckId> = match signal {
        "server_name" => vec![CheckId::ServerName],
        "server_dns" => vec![CheckId::ServerAddress],
        "expected_server" => vec![CheckId::DomainSrv],
        "reachability" => plan.iter().map(|p| CheckId::Tcp(*p)).collect(),
        "configured_port" => configured.map(CheckId::Tcp).into_iter().collect(),
        "port_mode" => port
            .map(|p| CheckId::Stage(p, SmtpStage::Greeting))
            .into_iter()
            .collect(),
        "encryption" => port
            .map(|p| CheckId::Stage(p, SmtpStage::Ehlo))
            .into_iter()
            .collect(),
        "tls" => port.map(CheckId::Tls).into_iter().collect(),
        "auth" => session
            .map(|p| CheckId::Stage(p, SmtpStage::Auth))
            .into_iter()
            .collect(),
        "envelope" => session
            .map(|p| CheckId::Stage(p, SmtpStage::Envelope))
            .into_iter()
            .collect(),
        "domain_records" => vec![CheckId::DomainTxt, CheckId::DomainDmarc],
        _ => vec![],
    };
    let known: Vec<CheckId> = facts.records().into_iter().map(|r| r.id).collect();
    ids.into_iter().filter(|id| known.contains(id)).collect()
}

/// The values a conclusion's text may name (see `signals::PLACEHOLDERS`).
fn template_values(
    input: &Input,
    facts: &Facts,
    recommended: Option<&Endpoint>,
    public_ip: Option<IpAddr>,
) -> BTreeMap<&'static str, String> {
    let mut v = BTreeMap::new();
    v.insert("email", input.email.clone());
    if let Some(d) = input.email_domain() {
        v.insert("domain", d);
    }
    v.insert(
        "user",
        input
            .effective_user()
            .unwrap_or_else(|| input.email.clone()),
    );
    if let Some(s) = input
        .server
        .clone()
        .or_else(|| facts.target_host().map(str::to_string))
    {
        v.insert("server", s);
    }
    if let Some(p) = input.port {
        v.insert("port", p.to_string());
    }
    if let Some(s) = input.security {
        v.insert("security", s.outlook_label().to_string());
    }
    if let Some(r) = recommended {
        v.insert("recommended.server", r.server.clone());
        v.insert("recommended.port", r.port.to_string());
        v.insert(
            "recommended.security",
            r.security.outlook_label().to_string(),
        );
        v.insert(
            "recommended.user",
            r.user.clone().unwrap_or_else(|| input.email.clone()),
        );
    }
    if let Some(ip) = public_ip {
        v.insert("public_ip", ip.to_string());
    }
    if let Some(r) = &facts.reference {
        let mut hosts: Vec<&str> = r.ports.iter().map(|p| p.host.as_str()).collect();
        hosts.dedup();
        if !hosts.is_empty() {
            v.insert("reference", hosts.join(", "));
        }
        let blocked: Vec<String> = r
            .ports
            .iter()
            .filter(|p| !p.got_through())
            .map(|p| p.port.to_string())
            .collect();
        if !blocked.is_empty() {
            v.insert("blocked_ports", blocked.join(", "));
        }
    }
    let provider =
        evaluate::provider_profile(input, facts).unwrap_or_else(|| input.provider_by_domain());
    if let Some(p) = provider {
        v.insert("provider", p.name.clone());
        v.insert("provider.who_acts", who_acts_words(p.who_acts).to_string());
        v.insert("provider.explain", p.notes.join(" "));
    }
    // The provider's own explanation of the reply it sent (or that the person pasted)
    // beats its general notes.
    let replies = [
        telling_reply(input, facts),
        input.error_text.as_deref().map(|t| {
            crate::error_text::recognise(t)
                .server_reply
                .unwrap_or_else(|| t.to_string())
        }),
    ];
    if let Some(m) = replies
        .iter()
        .flatten()
        .find_map(|r| input.profiles.match_reply(provider, r))
    {
        v.insert("provider.explain", m.explain);
    }
    if let Some(reply) = telling_reply(input, facts) {
        v.insert("reply", reply);
    }
    let cert = facts.ports.values().find_map(|p| match &p.tls {
        Some(TlsResult::CertProblem { cert, .. }) => Some(cert.clone()),
        Some(TlsResult::Verified { cert: Some(c) }) => Some(c.clone()),
        _ => None,
    });
    if let Some(found) = interception(input, facts) {
        v.insert(
            "intercept.product",
            found.product.unwrap_or_else(|| {
                "a security program, a network proxy or your organisation's own certificate \
                     authority"
                    .to_string()
            }),
        );
        v.insert(
            "intercept.setting",
            found.setting.unwrap_or_else(|| {
                "Open your antivirus or security program and switch off its scanning of \
                 encrypted (SSL/TLS) connections and of e-mail; on an office network, ask \
                 your IT department to exclude your mail server from SSL/TLS inspection."
                    .to_string()
            }),
        );
        v.insert("intercept.issuer", found.issuer);
    }
    if let Some(c) = cert {
        v.insert("cert.names", c.names.join(", "));
        v.insert("cert.issuer", c.issuer.clone());
        v.insert("cert.not_after", c.not_after.clone());
    }
    v
}

/// The interception seen on the port under test first, else on any port.
fn interception(input: &Input, facts: &Facts) -> Option<crate::checks::intercept::Interception> {
    let mut ports: Vec<_> = facts.ports.values().collect();
    ports.sort_by_key(|p| (Some(p.port) != input.port, p.port));
    ports
        .into_iter()
        .find_map(crate::checks::intercept::interception)
}

/// Who must act on a provider's sign-in policy, in words for the fix steps.
fn who_acts_words(who: WhoActs) -> &'static str {
    match who {
        WhoActs::Person => "you, in your account's security settings with the provider",
        WhoActs::Administrator => "your organisation's e-mail administrator",
        WhoActs::Host => "your hosting company",
    }
}

/// The server reply that best explains the finding: a sign-in or envelope refusal, else
/// a refusing greeting.
fn telling_reply(input: &Input, facts: &Facts) -> Option<String> {
    let mut ports: Vec<_> = facts.ports.values().collect();
    ports.sort_by_key(|p| (Some(p.port) != input.port, p.port));
    for p in &ports {
        match &p.auth {
            Some(AuthOutcome::Rejected { reply, .. })
            | Some(AuthOutcome::TempFailure { reply, .. }) => return Some(reply.to_string()),
            _ => {}
        }
        match &p.envelope {
            Some(EnvelopeOutcome::MailRejected { reply })
            | Some(EnvelopeOutcome::RcptRejected { reply }) => return Some(reply.to_string()),
            _ => {}
        }
    }
    ports
        .iter()
        .filter_map(|p| p.greeting.as_ref())
        .find(|g| g.code != 220)
        .map(|g| g.to_string())
}
