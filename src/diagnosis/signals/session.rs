//! The session on the port: does the configured encryption fit what the server does there,
//! and is encryption on where the server needs it? Beside them, the `{reply}` placeholder:
//! the server reply that best explains the finding.

use super::{def, outcomes, read_reply, Placeholder, Reading, Signal, SignalDef};
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, SessionFault, TlsResult};
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
        /// Something answered, but not in SMTP: a malformed, out-of-range or endless greeting.
        NotSmtp = "not_smtp",
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
        Mode::NoGreeting => O::NoGreeting,
        Mode::NotSmtp => O::NotSmtp,
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
        TlsBroken = "tls_broken",
        ProtocolViolation = "protocol_violation",
        Unfinished = "unfinished",
    }
}

/// Is encryption on where the server needs it?
pub struct Encryption;

impl Signal for Encryption {
    const NAME: &'static str = "encryption";
    const MEANING: &'static str = "Configured `none` while the server allows sign-in only after TLS; `none` and plaintext allowed; encryption configured but no port ended with TLS, and why, from evidence: `tls_broken` (STARTTLS advertised but refused, or no TLS handshake after its 220: garbage, a reset, silence), `not_offered` (a complete EHLO without STARTTLS and no TLS on the implicit-TLS port), `protocol_violation` (replies that break SMTP before TLS could start), `unfinished` (the server stopped mid-exchange).";
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
                    Some(without_tls(cx))
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

/// Why no port ended with TLS, from what each port showed: a broken upgrade first (the
/// server does offer encryption), then a complete EHLO without STARTTLS while the
/// implicit-TLS port does not speak TLS (the only evidence for "no encryption offered"),
/// then replies that break SMTP, else a server that stopped in the middle.
fn without_tls(cx: &Ctx) -> EncryptionOutcome {
    use EncryptionOutcome as O;
    let ports = cx.ports_configured_first();
    if ports.iter().any(|p| p.tls_broken()) {
        return O::TlsBroken;
    }
    let no_starttls = ports
        .iter()
        .any(|p| matches!(p.tls, Some(TlsResult::NotOffered)));
    let implicit_tls = ports
        .iter()
        .any(|p| p.port == 465 && p.mode == Some(Mode::TlsFirst));
    if no_starttls && !implicit_tls {
        return O::NotOffered;
    }
    if ports.iter().any(|p| {
        p.mode == Some(Mode::NotSmtp) || p.fault.as_ref().is_some_and(SessionFault::is_violation)
    }) {
        return O::ProtocolViolation;
    }
    O::Unfinished
}

outcomes! {
    pub enum SessionFaultOutcome {
        None = "none",
        ProtocolViolation = "protocol_violation",
        Unfinished = "unfinished",
    }
}

/// Did the server break the session on the port under test?
pub struct SessionFaultSignal;

impl Signal for SessionFaultSignal {
    const NAME: &'static str = "session_fault";
    const MEANING: &'static str = "Did the server break the session on the port under test? `protocol_violation`: a reply broke SMTP (malformed or out-of-range code, mixed codes, a reply without end, one nobody asked for, one that cannot answer its command, an AUTH exchange that never ends); `unfinished`: the server closed, reset or went silent in the middle of a reply or an exchange.";
    type Outcome = SessionFaultOutcome;

    fn evaluate(cx: &Ctx) -> Option<SessionFaultOutcome> {
        use SessionFaultOutcome as O;
        let p = faulty_port(cx)?;
        Some(match &p.fault {
            None if p.mode == Some(Mode::NotSmtp) => O::ProtocolViolation,
            None => O::None,
            Some(SessionFault::Violation { .. }) => O::ProtocolViolation,
            Some(SessionFault::Unfinished { .. }) => O::Unfinished,
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        faulty_port(cx)
            .map(|p| CheckId::Stage(p.port, fault_stage(p)))
            .into_iter()
            .collect()
    }
}

/// The port whose faults count: the configured one, else the session's, else the first
/// with a fault; `None` until it is finished.
fn faulty_port<'a>(cx: &Ctx<'a>) -> Option<&'a PortProbe> {
    let facts = cx.facts;
    let p = match cx.input.port {
        Some(port) => facts.port(port)?,
        None => {
            if let Some(p) = facts.session_port() {
                p
            } else {
                let ports = cx.ports_configured_first();
                let found = ports.iter().find(|p| p.fault.is_some()).copied();
                match found {
                    Some(p) => p,
                    None if facts.all_ports_finished()? => ports.first().copied()?,
                    None => return None,
                }
            }
        }
    };
    p.finished.then_some(p)
}

/// The stage a port's fault happened in, for evidence.
fn fault_stage(p: &PortProbe) -> SmtpStage {
    match p.fault.as_ref().map(SessionFault::during) {
        Some("AUTH") => SmtpStage::Auth,
        Some("MAIL FROM" | "RCPT TO" | "RSET" | "QUIT") => SmtpStage::Envelope,
        Some("EHLO" | "STARTTLS") => SmtpStage::Ehlo,
        _ => SmtpStage::Greeting,
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[
    def::<PortMode>(),
    def::<Encryption>(),
    def::<SessionFaultSignal>(),
];

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

/// What the server did wrong, in words, with the evidence: the broken TLS upgrade or the
/// session fault of the port under test first.
pub fn fault_evidence(cx: &Ctx) -> Option<String> {
    let ports = cx.ports_configured_first();
    let broken = ports.iter().find(|p| p.tls_broken()).and_then(|p| {
        let what = match &p.tls {
            Some(TlsResult::Refused { reply }) => {
                format!("the server announced STARTTLS but refused it: {reply}")
            }
            Some(TlsResult::Failed { message, .. }) => format!(
                "the server accepted STARTTLS (220) but no encrypted connection followed: {message}"
            ),
            _ => fault_words(p.fault.as_ref()?),
        };
        Some(format!("port {}: {what}", p.port))
    });
    let silent = || {
        let p = ports.iter().find(|p| p.greeting_error.is_some())?;
        Some(format!("port {}: {}", p.port, p.greeting_error.as_deref()?))
    };
    broken.or_else(|| {
        let Some(p) = ports
            .iter()
            .find(|p| p.fault.is_some() || p.mode == Some(Mode::NotSmtp))
        else {
            return silent();
        };
        let what = match &p.fault {
            Some(f) => fault_words(f),
            None => format!(
                "the greeting is not SMTP: {}",
                p.greeting_error.as_deref().unwrap_or("unreadable")
            ),
        };
        Some(format!("port {}: {what}", p.port))
    })
}

fn fault_words(f: &SessionFault) -> String {
    match f {
        SessionFault::Violation { during, evidence } => format!("during {during}, {evidence}"),
        SessionFault::Unfinished { during, evidence } => {
            format!("during {during}, the server stopped answering ({evidence})")
        }
    }
}

/// `{reply}`: the server reply that best explains the finding; `{session.fault}`: what the
/// server did wrong, with the evidence.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "reply",
        value: |f| telling_reply(f.cx).map(|h| h.text),
    },
    Placeholder {
        name: "session.fault",
        value: |f| fault_evidence(f.cx).map(|e| crate::checks::smtp::shorten_evidence(&e)),
    },
];
