//! The findings of server mode as plain data: what every source returns and what the
//! `smtp-doctor/server-report/v1` document (../shared/spec/cli.md, "Server mode") is made of.
//! Sources fill these; the report only orders them, numbers them and serialises them.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// Where a block was found. Serialised names are the contract's `source` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockSource {
    Iptables,
    Nftables,
    Ipset,
    Csf,
    Fail2ban,
    MtaAccess,
    TcpWrappers,
}

impl BlockSource {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockSource::Iptables => "iptables",
            BlockSource::Nftables => "nftables",
            BlockSource::Ipset => "ipset",
            BlockSource::Csf => "csf",
            BlockSource::Fail2ban => "fail2ban",
            BlockSource::MtaAccess => "mta_access",
            BlockSource::TcpWrappers => "tcp_wrappers",
        }
    }
}

/// What a matching rule or entry does to the client's packets or sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Packets dropped: the client sees silence and a time-out.
    Drop,
    /// Packets rejected (ICMP or TCP reset): the client sees an immediate refusal.
    Reject,
    /// Listed on a deny list or ban list (the rule that enforces it may be elsewhere).
    Deny,
    /// The MTA answers with a refusal (e.g. 554 5.7.1) after connecting.
    RefuseSession,
    /// Explicitly allowed (a whitelist entry or ACCEPT rule): not a block, reported as context.
    Allow,
    /// Matches but only jumps, marks or logs; shown for the path the packet takes.
    Other,
}

/// One rule or list entry that matches the client's address (a network that contains it
/// counts). The contract's fields first, then extensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// `block.N`, given by the report in packet order; sources leave it empty.
    #[serde(default)]
    pub id: String,
    pub source: BlockSource,
    /// table/chain (with handle), set, jail, or file:line.
    #[serde(rename = "where")]
    pub location: String,
    /// The matching rule or entry as the source shows it (control bytes escaped).
    pub rule: String,
    /// Why it was added, when the source says.
    pub reason: Option<String>,
    /// Since when (RFC 3339, UTC) when the source says.
    pub since: Option<String>,
    /// Until when (RFC 3339, UTC); `None` for permanent or unknown.
    pub until: Option<String>,
    /// The exact commands that lift it.
    pub unblock: Vec<String>,
    /// The exact commands (or config lines) that keep the address from being blocked again.
    pub allow: Vec<String>,
    // --- extensions -----------------------------------------------------------------------
    pub effect: Effect,
    /// The tool that made this rule, when another source owns it (a CSF chain, a fail2ban
    /// `f2b-*` chain): `csf`, `fail2ban`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub made_by: Option<BlockSource>,
    /// The address or network in the entry that contains the client's address.
    pub matched: String,
    /// Ports the rule limits itself to (empty: every port).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<u16>,
    /// The order a packet meets it within its source (0 first); for sorting only.
    #[serde(skip)]
    pub order: u32,
}

impl Block {
    /// Is this entry one that keeps the client out (as opposed to an allow or a jump)?
    pub fn blocks(&self) -> bool {
        matches!(
            self.effect,
            Effect::Drop | Effect::Reject | Effect::Deny | Effect::RefuseSession
        )
    }
}

/// What became of one source (contract: `sources[]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    Read,
    Absent,
    Denied,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// e.g. `iptables`, `ip6tables`, `nftables`, `ipset`, `csf`, `fail2ban`, `postfix-access`,
    /// a log file's path, `journal`.
    pub name: String,
    pub status: SourceStatus,
    pub detail: String,
}

impl SourceEntry {
    pub fn new(name: impl Into<String>, status: SourceStatus, detail: impl Into<String>) -> Self {
        SourceEntry {
            name: name.into(),
            status,
            detail: detail.into(),
        }
    }
}

/// A configuration value that explains or predicts a block (csf.conf's `LF_SMTPAUTH`,
/// a fail2ban jail's `maxretry`, Postfix's `smtpd_client_restrictions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    /// `csf`, `fail2ban:postfix-sasl`, `postfix`.
    pub source: String,
    pub name: String,
    pub value: String,
    /// file:line when it came from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// What one firewall/access source found for the client's address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceOutcome {
    pub sources: Vec<SourceEntry>,
    /// Matching rules and entries (blocks and allows) in the order a packet meets them.
    pub blocks: Vec<Block>,
    pub settings: Vec<Setting>,
}

/// The kind of a log line about the client (contract: `log[].event`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogEvent {
    Connect,
    AuthOk,
    AuthFailed,
    TlsFailed,
    Rejected,
    Disconnect,
    Other,
}

/// One log line about the client (contract: `log[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// `log.N`, given by the report in time order; scanners leave it empty.
    #[serde(default)]
    pub id: String,
    /// RFC 3339, UTC.
    pub time: String,
    pub file: String,
    /// e.g. `postfix/submission/smtpd`, `dovecot`, `exim`.
    pub program: String,
    pub event: LogEvent,
    pub account: Option<String>,
    /// The log line, control bytes escaped.
    pub line: String,
    // --- extensions -----------------------------------------------------------------------
    /// The server's reply or the reason, for rejections and failures (`535 5.7.8 ...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// Seconds since the Unix epoch, for ordering.
    #[serde(skip)]
    pub unix: i64,
}

/// The certificate an MTA is configured with (contract: `services[].certificate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateFinding {
    pub names: Vec<String>,
    pub not_after: Option<String>,
    /// `null` when sound; else a plain sentence (expired, chain incomplete, unreadable, ...).
    pub problem: Option<String>,
    // --- extensions -----------------------------------------------------------------------
    /// The file the MTA is configured with.
    pub file: String,
    /// Certificates in the file (leaf plus intermediates).
    pub chain_length: usize,
    pub issuer: Option<String>,
}

/// One of 25/465/587 (contract: `services[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceFinding {
    pub port: u16,
    pub listening: bool,
    /// The program holding the socket (`master`, `exim4`), when it could be learned.
    pub program: Option<String>,
    /// `starttls`, `tls` or `none`: what the MTA's configuration says for this port.
    pub tls: Option<String>,
    pub certificate: Option<CertificateFinding>,
    // --- extensions -----------------------------------------------------------------------
    /// Does the MTA offer AUTH on this port (after TLS where TLS is required)?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<bool>,
    /// Settings that explain client symptoms on this port, in plain sentences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A service problem that explains a client symptom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceProblemKind {
    /// Nothing listens on any of 25/465/587.
    NothingListens,
    /// A submission port (465 or 587) does not listen while another does.
    SubmissionPortClosed,
    /// The configured certificate has expired or is not yet valid.
    CertExpired,
    /// The certificate file holds no intermediate though the leaf is not self-issued.
    CertChainIncomplete,
    /// The certificate file cannot be read or parsed.
    CertUnreadable,
    /// AUTH is not offered on a submission port.
    AuthNotOffered,
    /// AUTH is only offered after STARTTLS (explains "encryption off" symptoms).
    TlsRequiredForAuth,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceProblem {
    pub kind: ServiceProblemKind,
    pub port: Option<u16>,
    pub detail: String,
}

/// What the services source found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServicesOutcome {
    pub sources: Vec<SourceEntry>,
    pub services: Vec<ServiceFinding>,
    pub problems: Vec<ServiceProblem>,
    pub settings: Vec<Setting>,
}

/// What the log scan found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LogOutcome {
    pub sources: Vec<SourceEntry>,
    /// The client's lines in time order.
    pub entries: Vec<LogEntry>,
}

/// Escapes control bytes (and the DEL byte) so a hostile log line or rule cannot move the
/// terminal's cursor or change its colours: `\x1b` becomes `\u{1b}`, tabs stay.
pub fn escape_control(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\t' || !(c.is_control()) {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    out
}

/// One unblock or allow command as the person would type it, built from its words so that a
/// jail, chain or set name can never smuggle shell syntax in; `apply` splits it back with
/// `shell_words::split` and runs it without a shell.
pub fn command(argv: &[&str]) -> String {
    shell_words::join(argv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_escaped() {
        assert_eq!(
            escape_control("a\x1b[31mb\tc\u{7f}\u{9b}"),
            "a\\u{1b}[31mb\tc\\u{7f}\\u{9b}"
        );
    }

    #[test]
    fn commands_round_trip() {
        let c = command(&["csf", "-a", "198.51.100.7", "customer alice"]);
        assert_eq!(c, "csf -a 198.51.100.7 'customer alice'");
        assert_eq!(
            shell_words::split(&c).unwrap(),
            ["csf", "-a", "198.51.100.7", "customer alice"]
        );
    }

    #[test]
    fn contract_field_names() {
        let b = Block {
            id: "block.0".into(),
            source: BlockSource::MtaAccess,
            location: "/etc/postfix/access:3".into(),
            rule: "198.51.100.7 REJECT".into(),
            reason: None,
            since: None,
            until: None,
            unblock: vec![],
            allow: vec![],
            effect: Effect::RefuseSession,
            made_by: None,
            matched: "198.51.100.7".into(),
            ports: vec![],
            order: 3,
        };
        let v = serde_json::to_value(&b).unwrap();
        assert_eq!(v["where"], "/etc/postfix/access:3");
        assert_eq!(v["source"], "mta_access");
        assert!(v.get("order").is_none());
        assert!(v["until"].is_null());
    }
}
