//! The probe's data: what it is given ([`ProbeConfig`]) and what it finds on one port
//! ([`PortProbe`] and the outcome of each stage). Plain types, serialisable for reports and
//! recordings; the stages that fill them are the sibling modules.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::checks::cert::{CertInfo, CertProblem};
use crate::checks::gate::Gate;
use crate::checks::tcp::PortReach;
use crate::checks::tls::{HandshakeKind, Trust};
use crate::protocol::reply::{Ehlo, Reply};
use crate::protocol::transcript::Transcript;
use crate::secret::{Redactor, Secret};

/// How the server behaves when a client connects to this port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A plaintext `220` greeting: plain SMTP, STARTTLS possible (587, 25).
    Plain,
    /// Silence in plain text, but a TLS handshake works: implicit TLS (465).
    TlsFirst,
    /// A 4xx greeting (`421`, Exim's `451`), plain or inside TLS: busy or refusing for now.
    Overloaded,
    /// A 5xx greeting (`554`), plain or inside TLS: this client is refused (often a blocklist).
    RefusedGreeting,
    /// Connected, but neither a greeting nor a TLS handshake came.
    NoGreeting,
    /// Something that is not SMTP answered.
    NotSmtp,
}

/// The TLS result on this port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum TlsResult {
    /// Verified against the trust store (and `--ca-file`).
    Verified { cert: Option<CertInfo> },
    /// Verification failed; the certificate, read on a second connection, says why.
    CertProblem {
        problem: CertProblem,
        cert: CertInfo,
        message: String,
    },
    /// The handshake failed even without verification.
    Failed {
        kind: HandshakeKind,
        message: String,
    },
    /// The server offers no STARTTLS on this port.
    NotOffered,
    /// STARTTLS was refused (e.g. `454 TLS not available`).
    Refused { reply: Reply },
}

/// How TLS starts on a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsStart {
    /// The handshake comes first (465).
    Implicit,
    /// Greeting, EHLO and STARTTLS in plain text, then the handshake (587, 25).
    Starttls,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AuthOutcome {
    Accepted {
        mechanism: String,
    },
    Rejected {
        mechanism: String,
        reply: Reply,
    },
    TempFailure {
        mechanism: String,
        reply: Reply,
    },
    /// AUTH is offered, but with none of the mechanisms we (and common clients) use.
    MechanismUnsupported {
        offered: Vec<String>,
    },
    /// The server offers no AUTH on this connection.
    NotOffered,
    NoPassword,
    /// The connection is not encrypted and sending the password was not allowed.
    PlaintextRefused,
    /// Another port signs in, or an earlier stage failed.
    NotTried {
        reason: String,
    },
    Error {
        message: String,
    },
}

/// A second sign-in in the same session after the first was refused, with the user name in
/// the form the provider or host expects (the whole address where the person typed only
/// the part before the @, or the other way round).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthRetry {
    /// The user name tried the second time.
    pub user: String,
    pub outcome: AuthOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EnvelopeOutcome {
    Accepted,
    MailRejected { reply: Reply },
    RcptRejected { reply: Reply },
    NotTried { reason: String },
    Error { message: String },
}

/// Where and how the server broke the session, as seen from here. The first one on a port
/// is kept: later ones usually follow from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionFault {
    /// A reply that breaks SMTP: a malformed or out-of-range code, mixed codes in one reply,
    /// a reply without end or too long, one nobody asked for, or one that cannot answer the
    /// command it came after.
    Violation { during: String, evidence: String },
    /// The server stopped in the middle of a reply or an exchange: it closed or reset the
    /// connection, or went silent.
    Unfinished { during: String, evidence: String },
}

/// Longest evidence kept, in characters: enough to show what came, never a flood.
const EVIDENCE_CHARS: usize = 200;

impl SessionFault {
    /// The fault a failed read shows, during the exchange named `during` (`greeting`,
    /// `EHLO`, `AUTH`, ...).
    pub fn from_error(during: &str, e: &crate::protocol::reply::ReplyError) -> SessionFault {
        let evidence = shorten(&e.to_string());
        let during = during.to_string();
        if e.is_violation() {
            SessionFault::Violation { during, evidence }
        } else {
            SessionFault::Unfinished { during, evidence }
        }
    }

    pub fn during(&self) -> &str {
        match self {
            SessionFault::Violation { during, .. } | SessionFault::Unfinished { during, .. } => {
                during
            }
        }
    }

    pub fn evidence(&self) -> &str {
        match self {
            SessionFault::Violation { evidence, .. }
            | SessionFault::Unfinished { evidence, .. } => evidence,
        }
    }

    pub fn is_violation(&self) -> bool {
        matches!(self, SessionFault::Violation { .. })
    }
}

/// `text` cut to [`EVIDENCE_CHARS`] characters, with an ellipsis when cut.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(EVIDENCE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Whether a certificate the OS store verified also chains to a public root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PublicChain {
    /// It chains to a public root (or to a `--ca-file` root).
    Public,
    /// The OS trusts the chain but the public set does not: a locally installed root.
    NotPublic { reason: String },
    /// The extra handshake did not get far enough to tell.
    Unknown { why: String },
}

impl PublicChain {
    pub fn word(&self) -> &'static str {
        match self {
            PublicChain::Public => "public",
            PublicChain::NotPublic { .. } => "not public",
            PublicChain::Unknown { .. } => "unknown",
        }
    }
}

/// Everything learned on one port. Built stage by stage; `finished` marks the end.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PortProbe {
    pub port: u16,
    pub reach: Option<PortReach>,
    pub address: Option<SocketAddr>,
    pub mode: Option<Mode>,
    pub greeting: Option<Reply>,
    /// Why no greeting came, when none did (time-out, closed, garbage).
    pub greeting_error: Option<String>,
    pub ehlo_plain: Option<Ehlo>,
    pub ehlo_tls: Option<Ehlo>,
    pub tls: Option<TlsResult>,
    /// The TLS version of the verified session (`TLSv1.3`), as the server's hello named it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_version: Option<String>,
    /// Whether the certificate verified by the OS store also chains to a public root (or a
    /// `--ca-file` root): checked only when the OS store verified it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_chain: Option<PublicChain>,
    pub auth: Option<AuthOutcome>,
    /// The sign-in tried again with the expected user-name form after a refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_retry: Option<AuthRetry>,
    /// AUTH commands sent on this port (the run's total is capped by the gate).
    #[serde(skip_serializing_if = "is_zero")]
    pub sign_in_attempts: u8,
    pub envelope: Option<EnvelopeOutcome>,
    /// Where the server broke the session, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<SessionFault>,
    pub finished: bool,
    #[serde(skip)]
    pub transcript: Transcript,
    /// Milliseconds per stage, for the technical view.
    pub timings: Vec<(String, u64)>,
}

// serde's skip_serializing_if passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl PortProbe {
    /// Was the second sign-in, with the expected user-name form, accepted?
    pub fn retry_accepted(&self) -> bool {
        matches!(
            self.auth_retry,
            Some(AuthRetry {
                outcome: AuthOutcome::Accepted { .. },
                ..
            })
        )
    }

    /// Did a connection get as far as an encrypted, verified session?
    pub fn tls_verified(&self) -> bool {
        matches!(self.tls, Some(TlsResult::Verified { .. }))
    }

    /// The security a client must configure for this port, when the port speaks SMTP.
    pub fn security(&self) -> Option<crate::endpoint::Security> {
        use crate::endpoint::Security;
        match self.mode? {
            Mode::TlsFirst => Some(Security::Tls),
            Mode::Plain => match self.tls {
                Some(TlsResult::NotOffered | TlsResult::Refused { .. }) => Some(Security::None),
                _ => Some(Security::Starttls),
            },
            _ => None,
        }
    }

    /// Keeps the first fault seen on this port.
    pub fn record_fault(&mut self, fault: Option<SessionFault>) {
        if self.fault.is_none() {
            self.fault = fault;
        }
    }

    /// STARTTLS was accepted or the port is a TLS port, yet no TLS session came of it for
    /// a reason on the server's side: refused (454), garbage or a reset instead of a
    /// handshake, silence, or a reply that broke the exchange.
    pub fn tls_broken(&self) -> bool {
        use crate::checks::tls::HandshakeKind as K;
        match &self.tls {
            Some(TlsResult::Refused { .. }) => true,
            Some(TlsResult::Failed { kind, .. }) => {
                matches!(kind, K::NotTls | K::Closed | K::Timeout)
            }
            _ => self
                .fault
                .as_ref()
                .is_some_and(|f| f.during() == "STARTTLS"),
        }
    }

    /// The EHLO that counts for signing in: after TLS when there was TLS.
    pub fn ehlo(&self) -> Option<&Ehlo> {
        self.ehlo_tls.as_ref().or(self.ehlo_plain.as_ref())
    }
}

/// What a probe needs to know.
#[derive(Clone)]
pub struct ProbeConfig {
    pub host: String,
    pub addrs: Vec<IpAddr>,
    pub port: u16,
    pub timeout: Duration,
    pub trust: Trust,
    pub user: Option<String>,
    /// The user name in the form the provider or host expects, when it differs from the
    /// one given: tried once more after a refused sign-in, within the gate's cap.
    pub expected_user: Option<String>,
    pub password: Option<Secret>,
    pub allow_plaintext_auth: bool,
    pub mail_from: String,
    pub rcpt_to: String,
    pub gate: Arc<Gate>,
}

impl ProbeConfig {
    /// What takes this run's password out of server text (nothing when there is none).
    pub fn redactor(&self) -> Redactor {
        self.password
            .as_ref()
            .map_or_else(Redactor::none, Secret::redactor)
    }
}

/// Receives each snapshot of the probe as it advances.
pub type Report<'a> = &'a (dyn Fn(&PortProbe, &'static str) + Send + Sync);
