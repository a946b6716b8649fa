//! What the checks found so far, as one value. The engine's tasks send [`Fact`]s; one owner
//! applies them. Signals, check records and reports are pure functions of `Facts`.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::checks::autoconfig::AutoconfigCheck;
use crate::checks::blocklist::Listing;
use crate::checks::dns::{Lookup, Mx, Srv};
use crate::checks::dns_service::DnsServiceProbe;
use crate::checks::domain_auth::DomainAuth;
use crate::checks::network::RouteCheck;
use crate::checks::path::PathTrace;
use crate::checks::rdns::ReverseDns;
use crate::checks::reference::ReferenceCheck;
use crate::checks::smtp::alt_name::CertNameCheck;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use crate::checks::tcp::PortReach;
use crate::checks::whoami::{Method, WhoAmI};
use crate::checks::CheckId;

mod records;
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

/// The host name taken out of a server field that was not a host name by itself (a URL,
/// an e-mail address, a port glued on, spaces): tested as if it had been typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldHost {
    pub host: String,
    /// A port written in the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
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
    /// The server field is not a host name; no network check of the server will run
    /// unless a host name was taken out of it ([`Fact::ServerNameExtracted`], sent first).
    ServerNameInvalid(String),
    /// The host name taken out of a server field that is not a host name by itself.
    ServerNameExtracted(FieldHost),
    /// The certificate's own names tried on a port whose certificate is for another name.
    CertNames(CertNameCheck),
    ServerDns(Lookup<Vec<IpAddr>>),
    Mx(Lookup<Vec<Mx>>),
    DomainTxt(Lookup<Vec<String>>),
    DmarcTxt(Lookup<Vec<String>>),
    /// SPF, DMARC and DKIM of the sender's domain, evaluated against the server.
    DomainAuth(Box<DomainAuth>),
    Srv(Lookup<Vec<Srv>>),
    /// Which provider serves the address (`None`: no profile recognises the domain).
    Provider(Option<ProviderFound>),
    /// Does this computer have a route to the internet at all?
    Route(RouteCheck),
    /// Do the DNS resolvers' machines answer on TCP port 53?
    Resolvers(Vec<PortReach>),
    /// This network's public address from the DNS who-am-I methods, and the one that gave it.
    PublicIpLookup(WhoAmI),
    /// Does the DNS service on the resolvers' machines answer a query over UDP?
    DnsService(Vec<DnsServiceProbe>),
    /// The same ports knocked on at a reference host.
    Reference(ReferenceCheck),
    /// Where the packets to the server stop, traced once when the first planned port
    /// could not be reached.
    Path(PathTrace),
    /// The ports that will be probed.
    Plan(Vec<u16>),
    Port(Box<PortProbe>),
    /// The new-account checks (Autodiscover, autoconfig) will run: sent before any other fact.
    AutoconfigPlanned,
    /// What Outlook and Thunderbird would set a new account up with.
    Autoconfig(Box<AutoconfigCheck>),
    /// This network's public address looked up in the blocklists (empty: no address known).
    ClientBlocklists(Vec<Listing>),
    /// The server's addresses looked up in the blocklists.
    ServerBlocklists(Vec<Listing>),
    /// The reverse DNS of the server's addresses.
    ReverseDns(Vec<ReverseDns>),
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
    /// The host name taken out of an invalid server field, tested in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_name_extracted: Option<FieldHost>,
    /// The certificate's names tried, per port whose certificate is for another name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cert_names: Vec<CertNameCheck>,
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
    /// SPF, DMARC and DKIM evaluated (absent in recordings made before there was one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_auth: Option<DomainAuth>,
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
    /// The who-am-I method that gave `public_ip_lookup`'s address (absent in recordings made
    /// before there were several).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_ip_via: Option<Method>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_service: Option<Vec<DnsServiceProbe>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<u16>>,
    /// Written as a list of probes (each names its port): TOML keys cannot be numbers.
    #[serde(with = "serde_form::ports_as_list")]
    pub ports: BTreeMap<u16, PortProbe>,
    /// The new-account checks run in this diagnosis (`check --new-account`, the wizard's
    /// new-account path); without them the autoconfig signals answer `not_checked` at once.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub autoconfig_planned: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autoconfig: Option<AutoconfigCheck>,
    /// This network's public address in the blocklists (empty: no address to look up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_blocklists: Option<Vec<Listing>>,
    /// The server's addresses in the blocklists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_blocklists: Option<Vec<Listing>>,
    /// The reverse DNS (PTR, forward-confirmed) of the server's addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse_dns: Option<Vec<ReverseDns>>,
    pub done: bool,
}

impl Facts {
    pub fn apply(&mut self, fact: Fact) {
        match fact {
            Fact::Target(t) => self.target = Some(t),
            Fact::ServerNameInvalid(why) => self.server_name_invalid = Some(why),
            Fact::ServerNameExtracted(h) => self.server_name_extracted = Some(h),
            Fact::CertNames(c) => {
                self.cert_names.retain(|k| k.port != c.port);
                self.cert_names.push(c);
            }
            Fact::ServerDns(l) => self.server_dns = Some(l),
            Fact::Mx(l) => self.mx = Some(l),
            Fact::DomainTxt(l) => self.domain_txt = Some(l),
            Fact::DmarcTxt(l) => self.dmarc_txt = Some(l),
            Fact::DomainAuth(a) => self.domain_auth = Some(*a),
            Fact::Srv(l) => self.srv = Some(l),
            Fact::Provider(p) => self.provider = Some(p),
            Fact::Route(r) => self.route = Some(r),
            Fact::Resolvers(r) => self.resolvers = Some(r),
            Fact::PublicIpLookup(w) => {
                self.public_ip_lookup = Some(w.lookup);
                self.public_ip_via = w.method;
            }
            Fact::DnsService(p) => self.dns_service = Some(p),
            Fact::Reference(r) => self.reference = Some(r),
            Fact::Path(t) => self.path = Some(t),
            Fact::Plan(p) => self.plan = Some(p),
            Fact::Port(p) => {
                self.ports.insert(p.port, *p);
            }
            Fact::AutoconfigPlanned => self.autoconfig_planned = true,
            Fact::Autoconfig(c) => {
                self.autoconfig_planned = true;
                self.autoconfig = Some(*c);
            }
            Fact::ClientBlocklists(l) => self.client_blocklists = Some(l),
            Fact::ServerBlocklists(l) => self.server_blocklists = Some(l),
            Fact::ReverseDns(r) => self.reverse_dns = Some(r),
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
                && matches!(p.mode, Some(Mode::Plain | Mode::TlsFirst))
                && p.tls_usable()
        })
    }

    /// The client's public address: as a server echoed it in its EHLO reply, else from the
    /// DNS-based lookup.
    pub fn public_ip(&self) -> Option<IpAddr> {
        self.ports
            .values()
            .filter_map(|p| p.ehlo())
            .find_map(crate::protocol::reply::Ehlo::client_address)
            .or_else(|| self.public_ip_lookup.as_ref()?.found()?.first().copied())
    }

    /// Check ids that are planned but not finished, for "waiting/running" displays.
    pub fn pending_checks(&self) -> Vec<CheckId> {
        let mut out = Vec::new();
        if self.target.is_none()
            || (self.target_host().is_some()
                && self.server_dns.is_none()
                && (self.server_name_invalid.is_none() || self.server_name_extracted.is_some()))
        {
            out.push(CheckId::ServerAddress);
        }
        for (id, v) in [
            (CheckId::DomainMx, self.mx.is_none()),
            (CheckId::DomainTxt, self.domain_txt.is_none()),
            (CheckId::DomainDmarc, self.dmarc_txt.is_none()),
            (CheckId::DomainSrv, self.srv.is_none()),
            (
                CheckId::DomainAuth,
                self.domain_auth.is_none()
                    && self
                        .server_dns
                        .as_ref()
                        .is_some_and(|l| l.found().is_some())
                    && !self.done,
            ),
            (CheckId::Provider, self.provider.is_none()),
            (CheckId::Route, self.route.is_none()),
            (CheckId::PublicIp, self.public_ip_lookup.is_none()),
            (CheckId::BlocklistClient, self.client_blocklists.is_none()),
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
        out.extend(self.pending_side_checks());
        if self.autoconfig_planned && self.autoconfig.is_none() {
            out.extend([CheckId::AutoconfigOutlook, CheckId::AutoconfigThunderbird]);
        }
        out
    }

    /// The checks beside the server's own that are still to come: the resolvers' reach,
    /// the reference host (once the server has an address), the path trace (once the first
    /// port could not be reached).
    fn pending_side_checks(&self) -> Vec<CheckId> {
        let mut out = Vec::new();
        // The TCP knock and the UDP query both report as `net.resolver`.
        if self.resolvers.is_none() || self.dns_service.is_none() {
            out.push(CheckId::Resolver);
        }
        let server_found = self
            .server_dns
            .as_ref()
            .is_some_and(|l| l.found().is_some());
        if server_found && self.server_blocklists.is_none() {
            out.push(CheckId::BlocklistServer);
        }
        if server_found && self.reverse_dns.is_none() {
            out.push(CheckId::ServerPtr);
        }
        if server_found && self.reference.is_none() {
            let plan = self.plan.clone().unwrap_or_default();
            out.extend(plan.into_iter().map(CheckId::Reference));
        }
        let first = self.plan.as_ref().and_then(|p| p.first()).copied();
        if let (None, Some(first)) = (&self.path, first) {
            let traced = self.ports.get(&first).is_some_and(|p| {
                p.finished
                    && p.reach
                        .as_ref()
                        .is_some_and(|r| crate::checks::path::worth_tracing(r.outcome()))
            });
            if traced {
                out.push(CheckId::Path(first));
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
            Some(TlsResult::CertProblem { .. } | TlsResult::Failed { .. })
        )
    }
}
