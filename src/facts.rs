//! What the checks found so far, as one value. The engine's tasks send [`Fact`]s; one owner
//! applies them. Signals, check records and reports are pure functions of `Facts`.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::checks::dns::{self, Lookup, Mx, Srv};
use crate::checks::network::RouteCheck;
use crate::checks::path::PathTrace;
use crate::checks::reference::ReferenceCheck;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use crate::checks::tcp::{PortReach, TcpOutcome};
use crate::checks::{CheckId, CheckRecord, SmtpStage, Status};

pub mod serde_form;

/// Where the server under test came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// Typed by the person (`--server`).
    Configured,
    /// Proposed by the tool (SRV record or a usual name that resolves).
    Proposed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub host: String,
    pub source: TargetSource,
}

/// How the provider of the address was recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum ProviderVia {
    /// The address's domain is one the provider serves (gmail.com).
    Domain,
    /// The domain's mail goes to this MX host, which the provider runs.
    Mx { host: String },
}

/// The provider profile that serves the address, by id (see `crate::profiles`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderFound {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub via: ProviderVia,
}

/// One piece of news from a check.
#[derive(Debug, Clone)]
pub enum Fact {
    /// The server to test, or `None` when none was given and none could be found.
    Target(Option<Target>),
    /// The server field is not a host name; no network check of the server will run.
    ServerNameInvalid(String),
    ServerDns(Lookup<Vec<IpAddr>>),
    Mx(Lookup<Vec<Mx>>),
    DomainTxt(Lookup<Vec<String>>),
    DmarcTxt(Lookup<Vec<String>>),
    Srv(Lookup<Vec<Srv>>),
    /// Which provider serves the address (`None`: no profile recognises the domain).
    Provider(Option<ProviderFound>),
    /// Does this computer have a route to the internet at all?
    Route(RouteCheck),
    /// Do the DNS resolvers' machines answer on TCP port 53?
    Resolvers(Vec<PortReach>),
    /// This network's public address from a DNS-based lookup.
    PublicIpLookup(Lookup<Vec<IpAddr>>),
    /// The same ports knocked on at a reference host.
    Reference(ReferenceCheck),
    /// Where the packets to the server stop, traced once when the first planned port
    /// could not be reached.
    Path(PathTrace),
    /// The ports that will be probed.
    Plan(Vec<u16>),
    Port(Box<PortProbe>),
    /// Every check has ended.
    Done,
}

/// Everything known so far. Serialisable (TOML or JSON; see [`serde_form`] for the two
/// fields that need a form of their own) so a run's facts can be saved (`check --save-facts`)
/// and the diagnosis replayed without a network (`tests/scenarios/`). Holds no secret: the
/// password is never a fact, and SMTP transcripts (redacted anyway) are not written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Facts {
    /// Not yet known: absent. Known that there is none: the word `none`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "serde_form::known_or_none"
    )]
    pub target: Option<Option<Target>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_name_invalid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_dns: Option<Lookup<Vec<IpAddr>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mx: Option<Lookup<Vec<Mx>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_txt: Option<Lookup<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dmarc_txt: Option<Lookup<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub srv: Option<Lookup<Vec<Srv>>>,
    /// As `target`: absent while unknown, `none` when no profile serves the domain.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "serde_form::known_or_none"
    )]
    pub provider: Option<Option<ProviderFound>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<RouteCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolvers: Option<Vec<PortReach>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_ip_lookup: Option<Lookup<Vec<IpAddr>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<u16>>,
    /// Written as a list of probes (each names its port): TOML keys cannot be numbers.
    #[serde(with = "serde_form::ports_as_list")]
    pub ports: BTreeMap<u16, PortProbe>,
    pub done: bool,
}

impl Facts {
    pub fn apply(&mut self, fact: Fact) {
        match fact {
            Fact::Target(t) => self.target = Some(t),
            Fact::ServerNameInvalid(why) => self.server_name_invalid = Some(why),
            Fact::ServerDns(l) => self.server_dns = Some(l),
            Fact::Mx(l) => self.mx = Some(l),
            Fact::DomainTxt(l) => self.domain_txt = Some(l),
            Fact::DmarcTxt(l) => self.dmarc_txt = Some(l),
            Fact::Srv(l) => self.srv = Some(l),
            Fact::Provider(p) => self.provider = Some(p),
            Fact::Route(r) => self.route = Some(r),
            Fact::Resolvers(r) => self.resolvers = Some(r),
            Fact::PublicIpLookup(l) => self.public_ip_lookup = Some(l),
            Fact::Reference(r) => self.reference = Some(r),
            Fact::Path(t) => self.path = Some(t),
            Fact::Plan(p) => self.plan = Some(p),
            Fact::Port(p) => {
                self.ports.insert(p.port, *p);
            }
            Fact::Done => self.done = true,
        }
    }

    pub fn target_host(&self) -> Option<&str> {
        self.target.as_ref()?.as_ref().map(|t| t.host.as_str())
    }

    pub fn port(&self, port: u16) -> Option<&PortProbe> {
        self.ports.get(&port)
    }

    /// Are all planned ports done? `None` while the plan itself is unknown.
    pub fn all_ports_finished(&self) -> Option<bool> {
        let plan = self.plan.as_ref()?;
        Some(
            plan.iter()
                .all(|p| self.ports.get(p).is_some_and(|pp| pp.finished)),
        )
    }

    /// The port that ran the sign-in and envelope test, once known.
    pub fn session_port(&self) -> Option<&PortProbe> {
        self.ports.values().find(|p| {
            p.envelope.is_some()
                && !matches!(&p.auth, Some(AuthOutcome::NotTried { reason }) if reason.contains("another port"))
                && !matches!(&p.envelope, Some(EnvelopeOutcome::NotTried { reason }) if reason.contains("another port"))
                && p.mode.is_some()
                && matches!(p.mode, Some(Mode::Plain) | Some(Mode::TlsFirst))
                && p.tls_usable()
        })
    }

    /// The client's public address: as a server echoed it in its EHLO reply, else from the
    /// DNS-based lookup.
    pub fn public_ip(&self) -> Option<IpAddr> {
        self.ports
            .values()
            .filter_map(|p| p.ehlo())
            .find_map(|e| e.client_address())
            .or_else(|| self.public_ip_lookup.as_ref()?.found()?.first().copied())
    }

    /// The uniform list of checks for reports and the technical view, in a stable order.
    /// Checks not yet known are left out; see [`Facts::pending_checks`].
    pub fn records(&self) -> Vec<CheckRecord> {
        let mut out = Vec::new();
        if let Some(why) = &self.server_name_invalid {
            out.push(rec(
                CheckId::ServerName,
                Status::Fail,
                0,
                format!("not a host name: {why}"),
            ));
        }
        if let (Some(host), Some(l)) = (self.target_host(), &self.server_dns) {
            let (status, summary) = match l {
                Lookup::Found(ips) => (Status::Pass, format!("{host} has address {}", join(ips))),
                Lookup::Nxdomain => (Status::Fail, format!("{host} does not exist (NXDOMAIN)")),
                Lookup::NoRecords => (Status::Fail, format!("{host} exists but has no address")),
                Lookup::ServerFailure(c) => (Status::Fail, format!("the DNS server failed ({c})")),
                Lookup::Timeout => (Status::Fail, "the DNS server did not answer".to_string()),
                Lookup::Error(e) => (Status::Fail, format!("lookup error: {e}")),
            };
            out.push(rec_detail(CheckId::ServerAddress, status, summary, l));
        }
        if let Some(l) = &self.mx {
            let (status, summary) = match l {
                Lookup::Found(mx) => (
                    Status::Pass,
                    format!(
                        "mail for the domain goes to {}",
                        mx.iter()
                            .map(|m| m.host.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                other => (Status::Warn, format!("no MX records ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainMx, status, summary, l));
        }
        if let Some(l) = &self.domain_txt {
            let (status, summary) = match l {
                Lookup::Found(txt) => match dns::spf_of(txt) {
                    Some(spf) => (Status::Pass, format!("SPF: {spf}")),
                    None => (Status::Warn, "no SPF record".to_string()),
                },
                Lookup::Nxdomain | Lookup::NoRecords => (Status::Warn, "no SPF record".to_string()),
                other => (Status::Skip, format!("SPF not known ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainTxt, status, summary, l));
        }
        if let Some(l) = &self.dmarc_txt {
            let (status, summary) = match l {
                Lookup::Found(txt) => match dns::dmarc_of(txt) {
                    Some(d) => (Status::Pass, format!("DMARC: {d}")),
                    None => (Status::Warn, "no DMARC record".to_string()),
                },
                Lookup::Nxdomain | Lookup::NoRecords => {
                    (Status::Warn, "no DMARC record".to_string())
                }
                other => (Status::Skip, format!("DMARC not known ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainDmarc, status, summary, l));
        }
        if let Some(l) = &self.srv {
            let (status, summary) = match l {
                Lookup::Found(srv) => (
                    Status::Pass,
                    format!(
                        "the domain publishes its submission server: {}",
                        srv.iter()
                            .map(|s| format!("{}:{}", s.target, s.port))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                other => (
                    Status::Skip,
                    format!("no submission SRV record ({})", other.word()),
                ),
            };
            out.push(rec_detail(CheckId::DomainSrv, status, summary, l));
        }
        if let Some(found) = &self.provider {
            let (status, summary) = match found {
                Some(p) => (
                    Status::Pass,
                    match &p.via {
                        ProviderVia::Domain => format!("the address is at {}", p.name),
                        ProviderVia::Mx { host } => {
                            format!("the domain's mail is hosted by {} (MX {host})", p.name)
                        }
                    },
                ),
                None => (
                    Status::Skip,
                    "no known provider serves this domain".to_string(),
                ),
            };
            out.push(rec_detail(CheckId::Provider, status, summary, found));
        }
        if let Some(r) = &self.route {
            let (status, summary) = if r.any() {
                let families = match (r.ipv4, r.ipv6) {
                    (true, true) => "IPv4 and IPv6",
                    (true, false) => "IPv4",
                    _ => "IPv6",
                };
                (
                    Status::Pass,
                    format!("this computer has a route to the internet ({families})"),
                )
            } else {
                (
                    Status::Fail,
                    "this computer has no route to the internet: no network connection".to_string(),
                )
            };
            out.push(rec_detail(CheckId::Route, status, summary, r));
        }
        if let Some(list) = &self.resolvers {
            for reach in list {
                let addr = reach
                    .attempts
                    .first()
                    .map(|a| a.address.ip().to_string())
                    .unwrap_or_default();
                let o = reach.outcome();
                let status = match o {
                    TcpOutcome::Open | TcpOutcome::Refused => Status::Pass,
                    _ => Status::Warn,
                };
                let summary = match o {
                    TcpOutcome::Open => format!("the DNS server {addr} answers"),
                    TcpOutcome::Refused => {
                        format!("the DNS server's machine {addr} answers (its TCP service is off)")
                    }
                    other => format!("the DNS server {addr}: {}", other.word()),
                };
                out.push(rec_detail(CheckId::Resolver, status, summary, reach));
            }
        }
        if let Some(l) = &self.public_ip_lookup {
            let (status, summary) = match l.found().and_then(|v| v.first()) {
                Some(ip) => (
                    Status::Pass,
                    format!("this network's public address is {ip}"),
                ),
                None => (
                    Status::Skip,
                    format!("public address not learned by DNS ({})", l.word()),
                ),
            };
            out.push(rec_detail(CheckId::PublicIp, status, summary, l));
        }
        if let Some(r) = &self.reference {
            for p in &r.ports {
                let status = match p.outcome() {
                    TcpOutcome::Open => Status::Pass,
                    _ => Status::Warn,
                };
                out.push(rec_detail(
                    CheckId::Reference(p.port),
                    status,
                    format!(
                        "reference {} port {}: {}",
                        p.host,
                        p.port,
                        p.outcome().word()
                    ),
                    p,
                ));
            }
        }
        for p in self.ports.values() {
            port_records(p, &mut out);
        }
        if let Some(t) = &self.path {
            let status = if t.reached {
                Status::Pass
            } else {
                Status::Warn
            };
            out.push(rec_detail(
                CheckId::Path(t.destination.port()),
                status,
                format!("path to {}: {}", t.destination, t.summary()),
                t,
            ));
        }
        out
    }

    /// Check ids that are planned but not finished, for "waiting/running" displays.
    pub fn pending_checks(&self) -> Vec<CheckId> {
        let mut out = Vec::new();
        if self.target.is_none()
            || (self.target_host().is_some()
                && self.server_dns.is_none()
                && self.server_name_invalid.is_none())
        {
            out.push(CheckId::ServerAddress);
        }
        for (id, v) in [
            (CheckId::DomainMx, self.mx.is_none()),
            (CheckId::DomainTxt, self.domain_txt.is_none()),
            (CheckId::DomainDmarc, self.dmarc_txt.is_none()),
            (CheckId::DomainSrv, self.srv.is_none()),
            (CheckId::Provider, self.provider.is_none()),
            (CheckId::Route, self.route.is_none()),
            (CheckId::PublicIp, self.public_ip_lookup.is_none()),
        ] {
            if v {
                out.push(id);
            }
        }
        if let Some(plan) = &self.plan {
            for port in plan {
                match self.ports.get(port) {
                    Some(p) if p.finished => {}
                    Some(p) if p.reach.is_some() => out.push(CheckId::Smtp(*port)),
                    _ => out.push(CheckId::Tcp(*port)),
                }
            }
        }
        out
    }
}

impl PortProbe {
    /// The session on this port may carry a sign-in: TLS verified, or no TLS at all.
    pub fn tls_usable(&self) -> bool {
        !matches!(
            self.tls,
            Some(TlsResult::CertProblem { .. }) | Some(TlsResult::Failed { .. })
        )
    }
}

fn join(ips: &[IpAddr]) -> String {
    ips.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn rec(id: CheckId, status: Status, ms: u64, summary: String) -> CheckRecord {
    CheckRecord {
        id,
        status,
        duration_ms: ms,
        summary,
        detail: serde_json::Value::Object(Default::default()),
    }
}

fn rec_detail<T: Serialize>(
    id: CheckId,
    status: Status,
    summary: String,
    detail: &T,
) -> CheckRecord {
    CheckRecord {
        id,
        status,
        duration_ms: 0,
        summary,
        detail: serde_json::to_value(detail).unwrap_or_default(),
    }
}

/// Milliseconds a stage took: stamps are cumulative from the probe's start.
fn stage_ms(p: &PortProbe, stage: &str) -> u64 {
    let mut prev = 0;
    for (name, at) in &p.timings {
        if name == stage {
            return at.saturating_sub(prev);
        }
        prev = *at;
    }
    0
}

fn port_records(p: &PortProbe, out: &mut Vec<CheckRecord>) {
    let port = p.port;
    let Some(reach) = &p.reach else { return };
    let outcome = reach.outcome();
    let where_ = p
        .address
        .or_else(|| reach.attempts.first().map(|a| a.address))
        .map(|a| a.to_string())
        .unwrap_or_default();
    let status = if outcome == TcpOutcome::Open {
        Status::Pass
    } else {
        Status::Fail
    };
    let mut r = rec_detail(
        CheckId::Tcp(port),
        status,
        format!("port {port} {} ({where_})", outcome.word()),
        reach,
    );
    r.duration_ms = stage_ms(p, "tcp");
    out.push(r);
    if outcome != TcpOutcome::Open {
        return;
    }
    if let Some(mode) = p.mode {
        let (status, summary) = match mode {
            Mode::Plain => (
                Status::Pass,
                format!("plain-text greeting: {}", first_line(p)),
            ),
            Mode::TlsFirst => (
                Status::Pass,
                "the port expects TLS first (SSL/TLS)".to_string(),
            ),
            Mode::Overloaded => (
                Status::Fail,
                format!("the server is busy: {}", first_line(p)),
            ),
            Mode::RefusedGreeting => (
                Status::Fail,
                format!("the server refuses this client: {}", first_line(p)),
            ),
            Mode::NoGreeting => (
                Status::Fail,
                format!(
                    "no greeting: {}",
                    p.greeting_error.clone().unwrap_or_default()
                ),
            ),
            Mode::NotSmtp => (
                Status::Fail,
                "something other than SMTP answered".to_string(),
            ),
        };
        let mut r = rec_detail(
            CheckId::Stage(port, SmtpStage::Greeting),
            status,
            summary,
            &p.greeting,
        );
        r.duration_ms = stage_ms(p, "greeting");
        out.push(r);
    }
    if let Some(e) = p.ehlo() {
        let mut caps = e.extensions.join(", ");
        if caps.is_empty() {
            caps = "no extensions".into();
        }
        out.push(rec_detail(
            CheckId::Stage(port, SmtpStage::Ehlo),
            Status::Pass,
            format!("capabilities: {caps}"),
            e,
        ));
    }
    if let Some(t) = &p.tls {
        let (status, summary) = match t {
            TlsResult::Verified { cert } => (
                Status::Pass,
                match cert {
                    Some(c) => {
                        format!("encrypted; certificate for {} verified", c.names.join(", "))
                    }
                    None => "encrypted; certificate verified".to_string(),
                },
            ),
            TlsResult::CertProblem { problem, cert, .. } => (
                Status::Fail,
                format!(
                    "certificate problem: {problem:?} (for {}, issued by {})",
                    cert.names.join(", "),
                    cert.issuer
                ),
            ),
            TlsResult::Failed { kind, message } => {
                (Status::Fail, format!("TLS failed ({kind:?}): {message}"))
            }
            TlsResult::NotOffered => (
                Status::Warn,
                "no encryption offered on this port".to_string(),
            ),
            TlsResult::Refused { reply } => (Status::Fail, format!("STARTTLS refused: {reply}")),
        };
        let mut r = rec_detail(CheckId::Tls(port), status, summary, t);
        r.duration_ms = stage_ms(p, "tls");
        out.push(r);
    }
    if let Some(a) = &p.auth {
        let (status, summary) = match a {
            AuthOutcome::Accepted { mechanism } => {
                (Status::Pass, format!("sign-in accepted ({mechanism})"))
            }
            AuthOutcome::Rejected { reply, .. } => {
                (Status::Fail, format!("sign-in rejected: {reply}"))
            }
            AuthOutcome::TempFailure { reply, .. } => {
                (Status::Fail, format!("sign-in failed for now: {reply}"))
            }
            AuthOutcome::MechanismUnsupported { offered } => (
                Status::Fail,
                format!("no usable sign-in method; offered: {}", offered.join(" ")),
            ),
            AuthOutcome::NotOffered => (
                Status::Warn,
                "the server offers no sign-in here".to_string(),
            ),
            AuthOutcome::NoPassword => (
                Status::Skip,
                "no password given: sign-in not tested".to_string(),
            ),
            AuthOutcome::PlaintextRefused => (
                Status::Skip,
                "not tested: the password would have been sent unencrypted".to_string(),
            ),
            AuthOutcome::NotTried { reason } => (Status::Skip, format!("not tested: {reason}")),
            AuthOutcome::Error { message } => {
                (Status::Fail, format!("sign-in broke off: {message}"))
            }
        };
        let mut r = rec_detail(CheckId::Stage(port, SmtpStage::Auth), status, summary, a);
        r.duration_ms = stage_ms(p, "auth");
        out.push(r);
    }
    if let Some(e) = &p.envelope {
        // The stage, not what was refused: servers refuse a sender at RCPT TO too (Exim's
        // ACLs do); the reply rules say what the refusal means.
        let (status, summary) = match e {
            EnvelopeOutcome::Accepted => (
                Status::Pass,
                "sender and recipient accepted (no mail sent)".to_string(),
            ),
            EnvelopeOutcome::MailRejected { reply } => {
                (Status::Fail, format!("refused at MAIL FROM: {reply}"))
            }
            EnvelopeOutcome::RcptRejected { reply } => {
                (Status::Fail, format!("refused at RCPT TO: {reply}"))
            }
            EnvelopeOutcome::NotTried { reason } => (Status::Skip, format!("not tested: {reason}")),
            EnvelopeOutcome::Error { message } => (Status::Fail, format!("broke off: {message}")),
        };
        let mut r = rec_detail(
            CheckId::Stage(port, SmtpStage::Envelope),
            status,
            summary,
            e,
        );
        r.duration_ms = stage_ms(p, "envelope");
        out.push(r);
    }
}

fn first_line(p: &PortProbe) -> String {
    p.greeting
        .as_ref()
        .map(|g| g.to_string())
        .unwrap_or_default()
}
