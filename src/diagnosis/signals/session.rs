//! The session on the port: does the configured encryption fit what the server does there,
//! and is encryption on where the server needs it? Beside them, the `{reply}` placeholder:
//! the server reply that best explains the finding.

use super::{def, outcomes, read_reply, Placeholder, Reading, Signal, SignalDef};
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use crate::checks::{CheckId, SmtpStage};
use crate::diagnosis::context::Ctx;
use crate::protocol::reply::Reply;
use crate::replies::{Heard, Stage};
use crate::settings::Security;

outcomes! {
    pub enum PortModeOutcome {
        Matches = "matches",
        TlsOnPlainPort = "tls_on_plain_port",
        PlainOnTlsPort = "plain_on_tls_port",
        Overloaded = "overloaded",
        RefusedGreeting = "refused_greeting",
        NoGreeting = "no_greeting",
        NotConfigured = "not_configured",
    }
}

/// The configured encryption against what the server does on the configured port.
pub struct PortMode;

impl Signal for PortMode {
    const NAME: &'static str = "port_mode";
    const MEANING: &'static str = "The configured encryption against what the server does on the configured port (plain greeting, TLS first, 421, 554, nothing).";
    type Outcome = PortModeOutcome;
    const READS: &'static [Stage] = &[Stage::Greeting];

    /// A refusing greeting is read by the reply rules: they may name its cause, or another
    /// outcome.
    fn read(cx: &Ctx) -> Option<Reading<PortModeOutcome>> {
        let outcome = by_mode(cx)?;
        let refusal = matches!(
            outcome,
            PortModeOutcome::Overloaded | PortModeOutcome::RefusedGreeting
        );
        let greeting = greeted_port(cx)
            .and_then(|p| p.greeting.as_ref())
            .filter(|_| refusal);
        let Some(greeting) = greeting else {
            return Some(Reading {
                outcome,
                cause: None,
            });
        };
        let heard = Heard::reply(Stage::Greeting, greeting, None);
        let (ruled, cause) = read_reply(cx, cx.provider_now(), &heard, |_| None);
        Some(Reading {
            outcome: ruled.unwrap_or(outcome),
            cause,
        })
    }

    fn evaluate(cx: &Ctx) -> Option<PortModeOutcome> {
        Self::read(cx).map(|r| r.outcome)
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        greeted_port(cx)
            .map(|p| p.port)
            .or_else(|| port_under_test(cx))
            .map(|p| CheckId::Stage(p, SmtpStage::Greeting))
            .into_iter()
            .collect()
    }
}

/// The port whose greeting the signal reads: the configured one; with none configured, the
/// first port of the plan that refused at the greeting, when every port is done and none
/// greeted (the server turns this client away on every port).
fn greeted_port<'a>(cx: &Ctx<'a>) -> Option<&'a PortProbe> {
    match cx.input.port {
        Some(port) => cx.facts.port(port),
        None => refused_everywhere(cx),
    }
}

fn refused_everywhere<'a>(cx: &Ctx<'a>) -> Option<&'a PortProbe> {
    let facts = cx.facts;
    if facts.all_ports_finished() != Some(true)
        || facts
            .ports
            .values()
            .any(|p| p.greeting.as_ref().is_some_and(Reply::is_positive))
    {
        return None;
    }
    let plan = facts.plan.as_deref().unwrap_or_default();
    plan.iter()
        .filter_map(|port| facts.port(*port))
        .find(|p| greeting_refusal(p).is_some())
}

/// What the server does on the configured port, against the configured encryption; with no
/// port configured, whether it refuses on every port.
fn by_mode(cx: &Ctx) -> Option<PortModeOutcome> {
    use PortModeOutcome as O;
    let Some(port) = cx.input.port else {
        return Some(match refused_everywhere(cx).and_then(greeting_refusal) {
            Some(Mode::RefusedGreeting) => O::RefusedGreeting,
            Some(_) => O::Overloaded,
            None => O::NotConfigured,
        });
    };
    let probe = cx.facts.port(port)?;
    let mode = match probe.mode {
        Some(m) => greeting_refusal(probe).unwrap_or(m),
        None if probe.finished => return Some(O::NoGreeting),
        None => return None,
    };
    Some(match mode {
        Mode::Overloaded => O::Overloaded,
        Mode::RefusedGreeting => O::RefusedGreeting,
        Mode::NoGreeting | Mode::NotSmtp => O::NoGreeting,
        Mode::Plain => match cx.input.security {
            Some(Security::Tls) => O::TlsOnPlainPort,
            _ => O::Matches,
        },
        Mode::TlsFirst => match cx.input.security {
            Some(Security::Starttls | Security::None) => O::PlainOnTlsPort,
            _ => O::Matches,
        },
    })
}

/// A greeting that refuses, by its class, whatever mode the probe recorded: facts saved
/// before the probe read every 4xx/5xx greeting so hold Exim's `451` as "not SMTP" and a
/// refusal inside TLS as "TLS first".
fn greeting_refusal(p: &PortProbe) -> Option<Mode> {
    let g = p.greeting.as_ref()?;
    if g.is_transient() {
        Some(Mode::Overloaded)
    } else if g.is_permanent() {
        Some(Mode::RefusedGreeting)
    } else {
        None
    }
}

outcomes! {
    pub enum EncryptionOutcome {
        Ok = "ok",
        OffButRequired = "off_but_required",
        OffAllowed = "off_allowed",
        NotOffered = "not_offered",
    }
}

/// Is encryption on where the server needs it?
pub struct Encryption;

impl Signal for Encryption {
    const NAME: &'static str = "encryption";
    const MEANING: &'static str = "Configured `none` while the server allows sign-in only after TLS; `none` and plaintext allowed; encryption configured but the server offers none.";
    type Outcome = EncryptionOutcome;

    fn evaluate(cx: &Ctx) -> Option<EncryptionOutcome> {
        use EncryptionOutcome as O;
        let facts = cx.facts;
        match cx.input.security {
            Some(Security::None) => {
                let port = cx.input.port.unwrap_or(587);
                let probe = facts.port(port)?;
                if !probe.finished && (probe.ehlo_plain.is_none() || probe.tls.is_none()) {
                    return None;
                }
                let plain_auth = probe
                    .ehlo_plain
                    .as_ref()
                    .is_some_and(|e| !e.auth_mechanisms().is_empty());
                let tls_auth = probe
                    .ehlo_tls
                    .as_ref()
                    .is_some_and(|e| !e.auth_mechanisms().is_empty());
                Some(if plain_auth {
                    O::OffAllowed
                } else if tls_auth || probe.tls_verified() || envelope_needs_tls(probe) {
                    O::OffButRequired
                } else {
                    O::Ok
                })
            }
            Some(_) => {
                if any_tls(cx) {
                    return Some(O::Ok);
                }
                if facts.all_ports_finished()? {
                    Some(O::NotOffered)
                } else {
                    None
                }
            }
            None => Some(O::Ok),
        }
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        port_under_test(cx)
            .map(|p| CheckId::Stage(p, SmtpStage::Ehlo))
            .into_iter()
            .collect()
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<PortMode>(), def::<Encryption>()];

/// The configured port, else the port that ran the sign-in and envelope test.
pub fn port_under_test(cx: &Ctx) -> Option<u16> {
    cx.input
        .port
        .or_else(|| cx.facts.session_port().map(|p| p.port))
}

/// Any port that offers encryption at all (verified or not).
fn any_tls(cx: &Ctx) -> bool {
    cx.facts.ports.values().any(|p| {
        p.mode == Some(Mode::TlsFirst)
            || matches!(
                p.tls,
                Some(TlsResult::Verified { .. } | TlsResult::CertProblem { .. })
            )
    })
}

fn envelope_needs_tls(p: &PortProbe) -> bool {
    envelope_reply(p)
        .is_some_and(|r| r.code == 530 && r.text().to_ascii_uppercase().contains("STARTTLS"))
}

/// The reply that refused the sender or the recipient on this port.
pub fn envelope_reply(p: &PortProbe) -> Option<&Reply> {
    match p.envelope.as_ref()? {
        EnvelopeOutcome::MailRejected { reply } | EnvelopeOutcome::RcptRejected { reply } => {
            Some(reply)
        }
        _ => None,
    }
}

/// The server reply that best explains the finding, as heard: a sign-in or envelope
/// refusal (the port under test first), else a refusing greeting.
pub fn telling_reply(cx: &Ctx) -> Option<Heard> {
    let ports = cx.ports_configured_first();
    for p in &ports {
        if let Some(AuthOutcome::Rejected { reply, .. } | AuthOutcome::TempFailure { reply, .. }) =
            &p.auth
        {
            return Some(Heard::reply(Stage::Auth, reply, Some(false)));
        }
        let signed_in = matches!(p.auth, Some(AuthOutcome::Accepted { .. }));
        match &p.envelope {
            Some(EnvelopeOutcome::MailRejected { reply }) => {
                return Some(Heard::reply(Stage::Mail, reply, Some(signed_in)))
            }
            Some(EnvelopeOutcome::RcptRejected { reply }) => {
                return Some(Heard::reply(Stage::Rcpt, reply, Some(signed_in)))
            }
            _ => {}
        }
    }
    ports
        .iter()
        .filter_map(|p| p.greeting.as_ref())
        .find(|g| g.code != 220)
        .map(|g| Heard::reply(Stage::Greeting, g, None))
}

/// `{reply}`: the server reply that best explains the finding.
pub const PLACEHOLDERS: &[Placeholder] = &[Placeholder {
    name: "reply",
    value: |f| telling_reply(f.cx).map(|h| h.text),
}];
