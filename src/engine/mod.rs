//! The engine starts every check whose inputs are known at once and streams [`Fact`]s to
//! one consumer. Domain lookups start immediately; the server's address lookup starts
//! immediately too; every port's probe starts the moment the addresses are known. Nothing
//! waits for an unrelated check, so a diagnosis takes about the longest chain of time-outs,
//! never their sum.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::catalog::Catalog;
use crate::checks::blocklist::{self, Blocklists};
use crate::checks::dns::{Dns, Lookup};
use crate::checks::gate::Gate;
use crate::checks::path;
use crate::checks::smtp::{self, PortProbe, ProbeConfig};
use crate::checks::tcp;
use crate::checks::tls::Trust;
use crate::facts::{Fact, FieldHost, ProviderFound, ProviderVia, Target, TargetSource};
use crate::settings::{Input, Options};

mod alternatives;
pub mod client_address;
pub mod hostname;
pub mod reference;

/// This computer's own network; a check module, named here too for older paths.
pub use crate::checks::network;

/// The ports every diagnosis tests besides the configured one, most preferred first.
pub const SUBMISSION_PORTS: [u16; 3] = [587, 465, 25];

/// Errors that stop a diagnosis before any check runs.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Dns(#[from] crate::checks::dns::DnsSetupError),
    #[error(transparent)]
    Trust(#[from] crate::checks::tls::TrustError),
}

/// What the engine needs besides the input: set up once, before the checks start.
pub struct Engine {
    input: Input,
    options: Options,
    catalog: Arc<Catalog>,
    dns: Dns,
    trust: Trust,
    /// The provider serving the address's domain, looked up once for every check that
    /// needs it (provider detection, the reference host, the proposed server).
    provider: tokio::sync::OnceCell<Option<ProviderFound>>,
    /// The DNS blocklists the client's and the server's addresses are looked up in.
    blocklists: Arc<Blocklists>,
    /// This network's address as the servers echo it, for the client's blocklist lookups.
    client_seen: tokio::sync::watch::Sender<client_address::Seen>,
}

impl Engine {
    /// Sets up DNS and the trust store for a run of `input`'s checks, tuned by `options`;
    /// the catalog names the providers and the reference hosts.
    pub fn new(
        input: Input,
        options: Options,
        catalog: Arc<Catalog>,
    ) -> Result<Engine, EngineError> {
        let dns = Dns::new(options.dns_server, options.timeout)?;
        let trust = match &options.ca_file {
            Some(path) => Trust::from_pem_file(path)?,
            None => Trust::system(),
        };
        let blocklists = match &options.blocklists {
            Some(lists) => lists.clone(),
            // A unit test proves the embedded lists load; were they broken, no list would
            // be asked and the blocklist signals would say "unknown".
            None => Arc::new(Blocklists::embedded().unwrap_or_default()),
        };
        Ok(Engine {
            blocklists,
            input,
            options,
            catalog,
            dns,
            trust,
            provider: tokio::sync::OnceCell::new(),
            client_seen: tokio::sync::watch::Sender::new(client_address::Seen::default()),
        })
    }

    /// Starts all checks; facts arrive on the returned channel, ending with [`Fact::Done`].
    /// Dropping the receiver stops the work (the tasks notice on their next send).
    pub fn start(self) -> mpsc::Receiver<Fact> {
        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(self.run(tx));
        rx
    }

    async fn run(self, tx: mpsc::Sender<Fact>) {
        let engine = Arc::new(self);
        let mut tasks = JoinSet::new();
        // The new-account checks, first of all so no signal mistakes them for not planned.
        if let (true, Some(domain)) = (engine.options.new_account, engine.input.email_domain()) {
            let _ = tx.send(Fact::AutoconfigPlanned).await;
            let (e, t) = (engine.clone(), tx.clone());
            tasks.spawn(async move {
                let found = crate::checks::autoconfig::fetch::check(
                    &e.dns,
                    &e.trust,
                    &e.input.email,
                    &domain,
                    e.options.timeout,
                )
                .await;
                let _ = t.send(Fact::Autoconfig(Box::new(found))).await;
            });
        }
        if let Some(domain) = engine.input.email_domain() {
            spawn_domain_checks(&mut tasks, &engine.dns, &domain, &tx);
            let e = engine.clone();
            let t = tx.clone();
            tasks.spawn(async move {
                let _ = t.send(Fact::Provider(e.provider(&domain).await)).await;
            });
        }
        // This computer's own network, at once and beside everything else.
        let _ = tx.send(Fact::Route(network::route_check())).await;
        let (servers, timeout) = (engine.dns.servers().to_vec(), engine.options.timeout);
        let t = tx.clone();
        let resolvers = servers.clone();
        tasks.spawn(async move {
            let reach = network::resolver_reach(&servers, timeout).await;
            let _ = t.send(Fact::Resolvers(reach)).await;
        });
        let t = tx.clone();
        tasks.spawn(async move {
            let found = crate::checks::dns_service::probe(&resolvers, timeout).await;
            let _ = t.send(Fact::DnsService(found)).await;
        });
        // The who-am-I methods, all at once; the report waits for them only when a
        // conclusion names the address (see `diagnosis::settled`).
        let whoami = engine.options.public_ip_dns;
        let t = tx.clone();
        let e = engine.clone();
        tasks.spawn(async move {
            let found = crate::checks::whoami::public_ip(whoami, timeout).await;
            let looked_up = found.lookup.found().and_then(|v| v.first()).copied();
            let _ = t.send(Fact::PublicIpLookup(found)).await;
            // This network's address in the blocklists, right after it is known from any
            // source (a server's echo when who-am-I is filtered).
            let ip = e.client_address(looked_up).await;
            let listings = match ip {
                Some(ip) => blocklist::check(&e.dns, &e.blocklists, &[ip], timeout).await,
                None => Vec::new(),
            };
            let _ = t.send(Fact::ClientBlocklists(listings)).await;
        });
        let e = engine.clone();
        let t = tx.clone();
        tasks.spawn(async move {
            // The reference comparison starts beside the server's own lookup; it learns the
            // server's addresses (not to knock on the server itself) when they are in.
            let (addrs_tx, addrs_rx) = tokio::sync::oneshot::channel();
            let server = async {
                e.clone().server_checks(addrs_tx, t.clone()).await;
                e.client_seen.send_modify(|s| s.ports_over = true);
            };
            tokio::join!(server, e.reference(addrs_rx, t.clone()));
        });
        while tasks.join_next().await.is_some() {}
        let _ = tx.send(Fact::Done).await;
    }

    /// The address for the client's blocklist lookups (see [`client_address::choose`]),
    /// waiting for a port's echo only while who-am-I found none and a port may bring one.
    async fn client_address(&self, looked_up: Option<IpAddr>) -> Option<IpAddr> {
        let mut seen = self.client_seen.subscribe();
        let chosen = seen
            .wait_for(|s| client_address::choose(*s, looked_up).is_some())
            .await
            .ok()
            .and_then(|s| client_address::choose(*s, looked_up));
        chosen.unwrap_or(looked_up)
    }

    /// Keeps the first public address a server echoed (see [`client_address::echoed`]).
    fn note_echo(&self, p: &PortProbe) {
        if let Some(ip) = client_address::echoed(p) {
            self.client_seen.send_if_modified(|s| {
                let first = s.echo.is_none();
                if first {
                    s.echo = Some(ip);
                }
                first
            });
        }
    }

    /// The server's own checks; its addresses go to `addrs` once found (dropped unsent: it
    /// has none).
    async fn server_checks(
        self: Arc<Self>,
        addrs_tx: tokio::sync::oneshot::Sender<Vec<IpAddr>>,
        tx: mpsc::Sender<Fact>,
    ) {
        let target = match &self.input.server {
            Some(server) => match hostname::read(server) {
                hostname::ServerField::Host(host) => Some(Target {
                    host,
                    source: TargetSource::Configured,
                }),
                // A host name inside the field: say what is wrong with it, and test the host.
                hostname::ServerField::Recoverable {
                    host,
                    port,
                    problem,
                } => {
                    let found = FieldHost {
                        host: host.clone(),
                        port,
                    };
                    let _ = tx.send(Fact::ServerNameExtracted(found)).await;
                    let _ = tx.send(Fact::ServerNameInvalid(problem)).await;
                    Some(Target {
                        host,
                        source: TargetSource::Configured,
                    })
                }
                hostname::ServerField::Invalid(why) => {
                    let _ = tx.send(Fact::ServerNameInvalid(why)).await;
                    let _ = tx.send(Fact::Target(None)).await;
                    return;
                }
            },
            None => self.propose().await,
        };
        let _ = tx.send(Fact::Target(target.clone())).await;
        let Some(target) = target else { return };
        let lookup = self.dns.addresses(&target.host).await;
        let addrs = lookup.found().cloned();
        let _ = tx.send(Fact::ServerDns(lookup)).await;
        let Some(addrs) = addrs else { return };
        let _ = addrs_tx.send(addrs.clone());
        tokio::join!(
            self.probe_ports(&target.host, addrs.clone(), tx.clone()),
            self.domain_auth(&addrs, tx.clone()),
            self.server_reputation(&addrs, tx.clone())
        );
    }

    /// SPF, DMARC and DKIM of the address's domain against the server's addresses (the
    /// sending machine, see `checks::domain_auth`), beside the probes. DKIM selectors come
    /// from the provider profile, only when the provider hosts the domain by its MX: an
    /// address at the provider's own domain (gmail.com) is signed with keys of its own.
    async fn domain_auth(&self, server_addrs: &[IpAddr], tx: mpsc::Sender<Fact>) {
        let Some(domain) = self.input.email_domain() else {
            return;
        };
        let selectors = match self.provider(&domain).await {
            Some(ProviderFound {
                id,
                via: ProviderVia::Mx { .. },
                ..
            }) => self
                .catalog
                .profiles
                .get(&id)
                .map(|p| p.dkim_selectors.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let found =
            crate::checks::domain_auth::net::evaluate(&self.dns, &domain, server_addrs, &selectors)
                .await;
        let _ = tx.send(Fact::DomainAuth(Box::new(found))).await;
    }

    /// The server's addresses in the blocklists and their reverse DNS, beside the probes,
    /// each sent the moment it is in (a silent list must not hold the reverse DNS back);
    /// every lookup is bounded by the time-out.
    async fn server_reputation(&self, addrs: &[IpAddr], tx: mpsc::Sender<Fact>) {
        let timeout = self.options.timeout;
        let lists = async {
            let listings = blocklist::check(&self.dns, &self.blocklists, addrs, timeout).await;
            let _ = tx.send(Fact::ServerBlocklists(listings)).await;
        };
        let reverse = async {
            let found = crate::checks::rdns::check(&self.dns, addrs, timeout).await;
            let _ = tx.send(Fact::ReverseDns(found)).await;
        };
        tokio::join!(lists, reverse);
    }

    /// The same ports at a reference host, beside the server's own lookup and probes (not
    /// after them), so the comparison costs no extra round trip (see [`reference::compare`]).
    async fn reference(
        &self,
        server_addrs: tokio::sync::oneshot::Receiver<Vec<IpAddr>>,
        tx: mpsc::Sender<Fact>,
    ) {
        let domain = self.input.email_domain();
        let provider = async {
            let found = match &domain {
                Some(d) => self.provider(d).await,
                None => None,
            };
            found.and_then(|p| self.catalog.profiles.get(&p.id))
        };
        let mx = async {
            match &domain {
                Some(d) => self.dns.mx(d).await.found().cloned().unwrap_or_default(),
                None => Vec::new(),
            }
        };
        let plan = port_plan(self.input.port);
        let start = reference::Start {
            option: self.options.reference.as_deref(),
            domain: domain.as_deref(),
            built_in: self.catalog.reference_hosts,
            ports: &plan,
            timeout: self.options.timeout,
        };
        let found = reference::compare(&self.dns, start, provider, mx, server_addrs).await;
        if let Some(found) = found {
            let _ = tx.send(Fact::Reference(found)).await;
        }
    }

    /// The provider serving the domain (always the address's), found once: concurrent
    /// callers wait for the same lookup.
    async fn provider(&self, domain: &str) -> Option<ProviderFound> {
        self.provider
            .get_or_init(|| self.find_provider(domain))
            .await
            .clone()
    }

    /// The provider serving the domain: by the domain itself at once, else by its MX hosts
    /// (the MX lookup is shared with the domain checks through the resolver's cache).
    async fn find_provider(&self, domain: &str) -> Option<ProviderFound> {
        let profiles = &self.catalog.profiles;
        if let Some(p) = profiles.by_domain(domain) {
            return Some(ProviderFound {
                id: p.id.clone(),
                name: p.name.clone(),
                via: ProviderVia::Domain,
            });
        }
        let mx = self.dns.mx(domain).await;
        let hosts: Vec<String> = mx.found()?.iter().map(|m| m.host.clone()).collect();
        let p = profiles.by_mx(&hosts)?;
        let host = hosts
            .iter()
            .find(|h| profiles.by_mx(std::slice::from_ref(*h)).is_some())
            .cloned()
            .unwrap_or_default();
        Some(ProviderFound {
            id: p.id.clone(),
            name: p.name.clone(),
            via: ProviderVia::Mx { host },
        })
    }

    /// No server given: find one the way mail clients guess, but verified. Every candidate
    /// (the domain's SRV targets, the provider's submission hosts, smtp.DOMAIN, mail.DOMAIN,
    /// DOMAIN, its MX hosts) is looked up and knocked on at 587, 465 and 25 at once; the
    /// first candidate in that order with an open submission port wins, else the first that
    /// at least resolves.
    async fn propose(&self) -> Option<Target> {
        let domain = self.input.email_domain()?;
        let srv_name = format!("_submission._tcp.{domain}");
        let (srv, mx, provider) = tokio::join!(
            self.dns.srv(&srv_name),
            self.dns.mx(&domain),
            self.provider(&domain)
        );
        // Names from DNS are candidates only when they are host names (no control bytes,
        // no markup): one of them may become the recommended server.
        let valid = |name: &str| crate::host_name::network_host_name(name);
        let mut names: Vec<String> = srv
            .found()
            .map(|v| v.iter().filter_map(|s| valid(&s.target)).collect())
            .unwrap_or_default();
        if let Some(p) = provider.and_then(|found| self.catalog.profiles.get(&found.id)) {
            names.extend(p.submission_for(&domain).into_iter().map(|e| e.server));
        }
        names.extend([
            format!("smtp.{domain}"),
            format!("mail.{domain}"),
            domain.clone(),
        ]);
        if let Some(mx) = mx.found() {
            names.extend(mx.iter().filter_map(|m| valid(&m.host)));
        }
        let mut seen = std::collections::BTreeSet::new();
        names.retain(|n| seen.insert(n.clone()));
        let timeout = self.options.timeout;
        let knocks = names.iter().map(|name| async move {
            let Some(addrs) = self.dns.addresses(name).await.found().cloned() else {
                return (false, false);
            };
            let ports =
                SUBMISSION_PORTS.map(|p| crate::checks::tcp::connect_any(&addrs, p, timeout));
            let open = futures::future::join_all(ports)
                .await
                .iter()
                .any(|(_, stream)| stream.is_some());
            (true, open)
        });
        let results = futures::future::join_all(knocks).await;
        let pick = |want_open: bool| {
            names
                .iter()
                .zip(&results)
                .find(|(_, (resolves, open))| *resolves && (*open || !want_open))
                .map(|(host, _)| Target {
                    host: host.clone(),
                    source: TargetSource::Proposed,
                })
        };
        pick(true).or_else(|| pick(false))
    }

    async fn probe_ports(self: &Arc<Self>, host: &str, addrs: Vec<IpAddr>, tx: mpsc::Sender<Fact>) {
        let plan = port_plan(self.input.port);
        let first = plan.first().copied();
        let _ = tx.send(Fact::Plan(plan.clone())).await;
        let gate = Arc::new(Gate::new(plan.clone()));
        let mut probes = JoinSet::new();
        for port in plan {
            let cfg = ProbeConfig {
                host: host.to_string(),
                addrs: addrs.clone(),
                port,
                timeout: self.options.timeout,
                trust: self.trust.clone(),
                user: self.input.effective_user(),
                expected_user: self.expected_user(),
                password: self.input.password.clone(),
                allow_plaintext_auth: self.options.allow_plaintext_auth,
                mail_from: self.input.email.clone(),
                rcpt_to: self.options.envelope_rcpt(&self.input),
                gate: gate.clone(),
            };
            let tx = tx.clone();
            // A hard cap per port: a hostile server that answers each read just in time
            // still cannot hold a probe longer than this.
            let cap = self.options.timeout * 12;
            let (engine, server) = (self.clone(), addrs.clone());
            // The first port's connection outcome, for the path trace that starts beside it.
            let (tcp_known, tcp_seen) = tokio::sync::watch::channel(None);
            let early_trace = (Some(port) == first).then(|| {
                let dest = tcp::happy_eyeballs_order(&addrs)
                    .first()
                    .map(|ip| SocketAddr::new(*ip, port));
                tokio::spawn(early_path_trace(dest, tcp_seen, cfg.timeout))
            });
            probes.spawn(async move {
                let send = |p: &PortProbe, stage: &'static str| {
                    if stage == "tcp" {
                        let _ = tcp_known.send(p.reach.as_ref().map(tcp::PortReach::outcome));
                    }
                    engine.note_echo(p);
                    // try_send: a slow consumer must not stall the probe; the final
                    // snapshot is sent with back-pressure below.
                    let _ = tx.try_send(Fact::Port(Box::new(p.clone())));
                };
                let result = tokio::time::timeout(cap, smtp::probe(&cfg, &send)).await;
                let final_probe = if let Ok(p) = result {
                    p
                } else {
                    cfg.gate.give_up(port);
                    let mut p = PortProbe {
                        port,
                        finished: true,
                        ..PortProbe::default()
                    };
                    p.greeting_error = Some(format!("the server took longer than {cap:?} in all"));
                    p
                };
                let trace_to = (Some(port) == first)
                    .then(|| path_destination(&final_probe))
                    .flatten();
                engine.note_echo(&final_probe);
                let _ = tx.send(Fact::Port(Box::new(final_probe.clone()))).await;
                // A certificate for another name: try the names on it (after the port's
                // own result, which the diagnosis can already use).
                if let Some(names) = engine.cert_names(&cfg.host, &server, &final_probe).await {
                    let _ = tx.send(Fact::CertNames(names)).await;
                }
                let early = match early_trace {
                    Some(handle) if trace_to.is_some() => handle.await.ok().flatten(),
                    Some(handle) => {
                        handle.abort();
                        None
                    }
                    None => None,
                };
                // The early trace tells silence; an ICMP error that came after it started
                // (a router's ARP giving up) is traced again, now that the hops answer at once.
                let silent = final_probe
                    .reach
                    .as_ref()
                    .is_some_and(|r| r.outcome() == tcp::TcpOutcome::TimedOut);
                if let Some(dest) = trace_to {
                    let trace = match early {
                        Some((trace, informed))
                            if trace.destination == dest && (silent || informed) =>
                        {
                            trace
                        }
                        _ => {
                            let per_hop = cfg.timeout.min(PATH_BUDGET);
                            path::trace(dest, path::DEFAULT_MAX_HOPS, per_hop).await
                        }
                    };
                    let _ = tx.send(Fact::Path(trace)).await;
                }
            });
        }
        while probes.join_next().await.is_some() {}
    }
}

impl Engine {
    /// The user name in the form the address's provider (known from the domain alone)
    /// expects, when the person gave another: the probe may try it once after a refusal.
    fn expected_user(&self) -> Option<String> {
        let profile = (self.input.email_domain()).and_then(|d| self.catalog.profiles.by_domain(&d));
        smtp::expected_user(&self.input.email, self.input.user.as_deref(), profile)
    }
}

/// A path trace costs at most this (all hops are probed at once): it only adds detail for
/// the technical view, so it must not hold the result back for a whole time-out.
const PATH_BUDGET: Duration = Duration::from_secs(2);

/// A connection that has not opened after this long (or a third of the time-out, if less)
/// gets its path traced beside it, so a silent port's verdict needs the time-out and not the
/// trace after it. A port that answers in time costs no probe packet.
const TRACE_HEAD_START: Duration = Duration::from_secs(1);

/// How long after the first connection attempt the early trace listens at least.
const LISTEN_AT_LEAST: Duration = Duration::from_millis(3500);

/// The path trace towards `dest` started beside the first port's connection: `None` when the
/// connection's outcome was known within the head start and is not worth tracing; with
/// whether it started after that outcome was known.
async fn early_path_trace(
    dest: Option<SocketAddr>,
    mut tcp_seen: tokio::sync::watch::Receiver<Option<tcp::TcpOutcome>>,
    timeout: Duration,
) -> Option<(path::PathTrace, bool)> {
    let dest = dest?;
    let head_start = TRACE_HEAD_START.min(timeout / 3);
    let known = tokio::time::timeout(head_start, async {
        tcp_seen
            .wait_for(Option::is_some)
            .await
            .ok()
            .and_then(|o| *o)
    })
    .await;
    if let Ok(Some(outcome)) = known {
        if !path::worth_tracing(outcome) {
            return None;
        }
    }
    // Listen at least until a router's ARP has given up on a dead host (about 3 s on Linux),
    // so its "host unreachable" still tells a host that is down from a firewall that drops;
    // with the default 5 s time-out the trace still ends before the connection attempt.
    let per_hop = timeout
        .min(PATH_BUDGET)
        .max(LISTEN_AT_LEAST.saturating_sub(head_start));
    let trace = path::trace(dest, path::DEFAULT_MAX_HOPS, per_hop).await;
    Some((trace, matches!(known, Ok(Some(_)))))
}

/// Where to trace when a port could not be reached (see `path::worth_tracing`).
fn path_destination(p: &PortProbe) -> Option<SocketAddr> {
    let reach = p.reach.as_ref()?;
    if !path::worth_tracing(reach.outcome()) {
        return None;
    }
    reach.attempts.first().map(|a| a.address)
}

/// The configured port first (it decides the sign-in port), then the submission ports.
pub fn port_plan(configured: Option<u16>) -> Vec<u16> {
    let mut plan: Vec<u16> = configured.into_iter().collect();
    for p in SUBMISSION_PORTS {
        if !plan.contains(&p) {
            plan.push(p);
        }
    }
    plan
}

fn spawn_domain_checks(tasks: &mut JoinSet<()>, dns: &Dns, domain: &str, tx: &mpsc::Sender<Fact>) {
    type Job = (String, fn(Lookup<Vec<String>>) -> Fact);
    let txt_jobs: [Job; 2] = [
        (domain.to_string(), Fact::DomainTxt),
        (format!("_dmarc.{domain}"), Fact::DmarcTxt),
    ];
    for (name, wrap) in txt_jobs {
        let (dns, tx) = (dns.clone(), tx.clone());
        tasks.spawn(async move {
            let _ = tx.send(wrap(dns.txt(&name).await)).await;
        });
    }
    let (d, t, name) = (dns.clone(), tx.clone(), domain.to_string());
    tasks.spawn(async move {
        let _ = t.send(Fact::Mx(d.mx(&name).await)).await;
    });
    let (d, t, name) = (
        dns.clone(),
        tx.clone(),
        format!("_submission._tcp.{domain}"),
    );
    tasks.spawn(async move {
        let _ = t.send(Fact::Srv(d.srv(&name).await)).await;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_puts_the_configured_port_first() {
        assert_eq!(port_plan(None), vec![587, 465, 25]);
        assert_eq!(port_plan(Some(465)), vec![465, 587, 25]);
        assert_eq!(port_plan(Some(2525)), vec![2525, 587, 465, 25]);
    }
}
