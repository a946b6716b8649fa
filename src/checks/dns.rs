//! DNS checks with hickory-resolver: the server's addresses and the e-mail domain's MX, TXT
//! (SPF, DMARC) and RFC 6186 SRV records. Outcomes keep NXDOMAIN, "no records", a failing
//! server (SERVFAIL, refused) and silence apart, because each leads to a different cause.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::TokioResolver;
use serde::{Deserialize, Serialize};

/// How one DNS question ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", content = "records", rename_all = "snake_case")]
pub enum Lookup<T> {
    Found(T),
    /// The name does not exist at all.
    Nxdomain,
    /// The name exists but has no record of this type.
    NoRecords,
    /// The resolver answered with an error (SERVFAIL, REFUSED, ...).
    ServerFailure(String),
    /// Nothing answered within the time budget.
    Timeout,
    /// Anything else (bad name, local resolver configuration).
    Error(String),
}

impl<T> Lookup<T> {
    pub fn found(&self) -> Option<&T> {
        match self {
            Lookup::Found(t) => Some(t),
            _ => None,
        }
    }

    /// A short word for summaries and signals.
    pub fn word(&self) -> &'static str {
        match self {
            Lookup::Found(_) => "found",
            Lookup::Nxdomain => "nxdomain",
            Lookup::NoRecords => "no records",
            Lookup::ServerFailure(_) => "server failure",
            Lookup::Timeout => "timeout",
            Lookup::Error(_) => "error",
        }
    }

    /// Did a DNS server answer (whatever it said)? Used to tell "DNS works" from "DNS is down".
    pub fn resolver_answered(&self) -> bool {
        matches!(
            self,
            Lookup::Found(_) | Lookup::Nxdomain | Lookup::NoRecords
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mx {
    pub preference: u16,
    pub host: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Srv {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    pub target: String,
}

/// A resolver set up once per diagnosis: the system's, or `--dns-server`. Clones share the
/// resolver and its answers: every question is asked once per diagnosis, however many
/// checks want its answer and however many ask at the same moment.
#[derive(Clone)]
pub struct Dns {
    resolver: TokioResolver,
    budget: Duration,
    /// The resolvers asked, for telling "DNS is down" from "the network is down".
    servers: Vec<SocketAddr>,
    asked: Arc<Asked>,
}

/// The questions asked in this diagnosis, by record type and name, each with its answer
/// once it is in. The resolver's own cache only helps after an answer: checks that start
/// together (the domain's MX for the MX fact, the provider and the reference host) would
/// each send the same question.
#[derive(Default)]
struct Asked {
    addresses: Memo<Vec<IpAddr>>,
    mx: Memo<Vec<Mx>>,
    txt: Memo<Vec<String>>,
    srv: Memo<Vec<Srv>>,
    /// A records alone (blocklist queries: RFC 5782 answers are IPv4 addresses).
    a: Memo<Vec<std::net::Ipv4Addr>>,
    /// PTR records, by address.
    ptr: Memo<Vec<String>>,
}

/// One answer per name: the first asker looks it up, the others wait for that answer.
struct Memo<T>(Mutex<HashMap<String, Arc<tokio::sync::OnceCell<Lookup<T>>>>>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(Mutex::default())
    }
}

impl<T: Clone> Memo<T> {
    async fn get<F: Future<Output = Lookup<T>>>(
        &self,
        name: &str,
        ask: impl FnOnce() -> F,
    ) -> Lookup<T> {
        let cell = {
            let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            map.entry(name.to_ascii_lowercase()).or_default().clone()
        };
        cell.get_or_init(ask).await.clone()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot set up DNS resolution: {0}")]
pub struct DnsSetupError(String);

impl Dns {
    /// `server`: use only this resolver (`--dns-server`); otherwise the system configuration.
    pub fn new(server: Option<SocketAddr>, timeout: Duration) -> Result<Dns, DnsSetupError> {
        let provider = TokioRuntimeProvider::default();
        let (config, system_opts) = if let Some(addr) = server {
            let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
            for c in &mut ns.connections {
                c.port = addr.port();
            }
            (ResolverConfig::from_name_servers(vec![ns]), None)
        } else {
            let (config, opts) = hickory_resolver::system_conf::read_system_conf()
                .map_err(|e| DnsSetupError(e.to_string()))?;
            (config, Some(opts))
        };
        let servers = config
            .name_servers()
            .iter()
            .map(|ns| {
                let port = ns.connections.first().map_or(53, |c| c.port);
                SocketAddr::new(ns.ip, port)
            })
            .collect();
        let mut builder = TokioResolver::builder_with_config(config, provider);
        if let Some(opts) = system_opts {
            *builder.options_mut() = opts;
        }
        let opts = builder.options_mut();
        opts.timeout = timeout;
        // One attempt per server: a silent resolver must cost one time-out, not three.
        opts.attempts = 1;
        opts.cache_size = 64;
        let resolver = builder.build().map_err(|e| DnsSetupError(e.to_string()))?;
        // The outer bound covers search-list expansion and UDP→TCP fallbacks.
        Ok(Dns {
            resolver,
            budget: timeout + timeout / 2,
            servers,
            asked: Arc::default(),
        })
    }

    /// The resolver itself, for mail-auth's SPF evaluation: the same server, options and
    /// cache as every other lookup of this diagnosis.
    pub fn resolver(&self) -> &TokioResolver {
        &self.resolver
    }

    /// The time one lookup may take at most.
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// The resolvers this lookup asks (the system's, or `--dns-server`).
    pub fn servers(&self) -> &[SocketAddr] {
        &self.servers
    }

    /// A and AAAA of a host name (an IP literal is returned as is).
    pub async fn addresses(&self, host: &str) -> Lookup<Vec<IpAddr>> {
        if let Ok(ip) = host.parse::<IpAddr>() {
            return Lookup::Found(vec![ip]);
        }
        let name = fqdn(host);
        self.asked
            .addresses
            .get(&name, || self.ask_addresses(name.clone()))
            .await
    }

    async fn ask_addresses(&self, name: String) -> Lookup<Vec<IpAddr>> {
        match tokio::time::timeout(self.budget, self.resolver.lookup_ip(name.as_str())).await {
            Err(_) => Lookup::Timeout,
            Ok(Err(e)) => classify(&e),
            Ok(Ok(found)) => {
                let mut ips: Vec<IpAddr> = found.iter().collect();
                ips.dedup();
                if ips.is_empty() {
                    Lookup::NoRecords
                } else {
                    Lookup::Found(ips)
                }
            }
        }
    }

    pub async fn mx(&self, domain: &str) -> Lookup<Vec<Mx>> {
        let name = fqdn(domain);
        self.asked.mx.get(&name, || self.ask_mx(name.clone())).await
    }

    async fn ask_mx(&self, name: String) -> Lookup<Vec<Mx>> {
        let lookup =
            tokio::time::timeout(self.budget, self.resolver.mx_lookup(name.as_str())).await;
        records(lookup, |rdata| match rdata {
            RData::MX(mx) => Some(Mx {
                preference: mx.preference,
                host: trim_dot(&mx.exchange.to_ascii()),
            }),
            _ => None,
        })
        .map_found(|mut v| {
            v.sort_by_key(|m| m.preference);
            v
        })
    }

    pub async fn txt(&self, name: &str) -> Lookup<Vec<String>> {
        let name = fqdn(name);
        self.asked
            .txt
            .get(&name, || self.ask_txt(name.clone()))
            .await
    }

    async fn ask_txt(&self, name: String) -> Lookup<Vec<String>> {
        let lookup =
            tokio::time::timeout(self.budget, self.resolver.txt_lookup(name.as_str())).await;
        records(lookup, |rdata| match rdata {
            // A TXT record may be split in several strings; they form one value.
            RData::TXT(txt) => Some(
                txt.txt_data
                    .iter()
                    .map(|part| crate::protocol::reply::sanitize(part))
                    .collect::<String>(),
            ),
            _ => None,
        })
    }

    pub async fn srv(&self, name: &str) -> Lookup<Vec<Srv>> {
        let name = fqdn(name);
        self.asked
            .srv
            .get(&name, || self.ask_srv(name.clone()))
            .await
    }

    async fn ask_srv(&self, name: String) -> Lookup<Vec<Srv>> {
        let lookup =
            tokio::time::timeout(self.budget, self.resolver.srv_lookup(name.as_str())).await;
        records(lookup, |rdata| match rdata {
            RData::SRV(srv) => Some(Srv {
                priority: srv.priority,
                weight: srv.weight,
                port: srv.port,
                target: trim_dot(&srv.target.to_ascii()),
            }),
            _ => None,
        })
        .map_found(|mut v| {
            v.sort_by_key(|s| (s.priority, std::cmp::Reverse(s.weight)));
            // RFC 6186: a target of "." means the service is not offered.
            v.retain(|s| !s.target.is_empty());
            v
        })
    }
}

impl Dns {
    /// The A records of a name, without AAAA (a blocklist's answers are IPv4 addresses).
    pub async fn a_records(&self, name: &str) -> Lookup<Vec<std::net::Ipv4Addr>> {
        let name = fqdn(name);
        self.asked.a.get(&name, || self.ask_a(name.clone())).await
    }

    async fn ask_a(&self, name: String) -> Lookup<Vec<std::net::Ipv4Addr>> {
        let lookup = tokio::time::timeout(
            self.budget,
            self.resolver.lookup(name.as_str(), RecordType::A),
        )
        .await;
        records(lookup, |rdata| match rdata {
            RData::A(a) => Some(a.0),
            _ => None,
        })
    }

    /// The PTR records of an address (its names), lower-cased without the final dot.
    pub async fn ptr(&self, ip: IpAddr) -> Lookup<Vec<String>> {
        let name = reverse_name(ip);
        self.asked
            .ptr
            .get(&name, || self.ask_ptr(name.clone()))
            .await
    }

    async fn ask_ptr(&self, name: String) -> Lookup<Vec<String>> {
        let lookup = tokio::time::timeout(
            self.budget,
            self.resolver.lookup(name.as_str(), RecordType::PTR),
        )
        .await;
        records(lookup, |rdata| match rdata {
            // A name from the network is shown later: only printable characters pass.
            RData::PTR(p) => Some(crate::protocol::reply::sanitize(
                trim_dot(&p.0.to_ascii()).as_bytes(),
            )),
            _ => None,
        })
    }
}

/// The reverse-lookup name of an address (`in-addr.arpa.`, nibbles under `ip6.arpa.`).
fn reverse_name(ip: IpAddr) -> String {
    let zone = match ip {
        IpAddr::V4(_) => "in-addr.arpa.",
        IpAddr::V6(_) => "ip6.arpa.",
    };
    format!("{}.{zone}", reversed_labels(ip))
}

/// An address as reverse lookups and DNS blocklists (RFC 5782) name it, without the zone:
/// IPv4 octets reversed, IPv6 nibbles reversed.
pub fn reversed_labels(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, d] = v4.octets();
            format!("{d}.{c}.{b}.{a}")
        }
        IpAddr::V6(v6) => {
            let mut parts = Vec::with_capacity(32);
            for byte in v6.octets().iter().rev() {
                parts.push(format!("{:x}", byte & 0x0f));
                parts.push(format!("{:x}", byte >> 4));
            }
            parts.join(".")
        }
    }
}

impl<T> Lookup<T> {
    fn map_found(self, f: impl FnOnce(T) -> T) -> Lookup<T> {
        match self {
            Lookup::Found(t) => Lookup::Found(f(t)),
            other => other,
        }
    }
}

fn records<T>(
    lookup: Result<Result<hickory_resolver::lookup::Lookup, NetError>, tokio::time::error::Elapsed>,
    pick: impl Fn(&RData) -> Option<T>,
) -> Lookup<Vec<T>> {
    match lookup {
        Err(_) => Lookup::Timeout,
        Ok(Err(e)) => classify(&e),
        Ok(Ok(found)) => {
            let v: Vec<T> = found
                .answers()
                .iter()
                .filter_map(|r| pick(&r.data))
                .collect();
            if v.is_empty() {
                Lookup::NoRecords
            } else {
                Lookup::Found(v)
            }
        }
    }
}

fn classify<T>(e: &NetError) -> Lookup<T> {
    match e {
        NetError::Dns(DnsError::NoRecordsFound(nr))
            if nr.response_code == ResponseCode::NXDomain =>
        {
            Lookup::Nxdomain
        }
        NetError::Dns(DnsError::NoRecordsFound(_)) => Lookup::NoRecords,
        NetError::Dns(DnsError::ResponseCode(code)) => Lookup::ServerFailure(code.to_string()),
        NetError::Timeout | NetError::NoConnections => Lookup::Timeout,
        other => {
            let text = other.to_string();
            // The resolver pool reports exhausted servers in several shapes; a time-out
            // among them means nothing answered.
            if text.contains("timed out") || text.contains("timeout") {
                Lookup::Timeout
            } else {
                Lookup::Error(crate::protocol::reply::sanitize(text.as_bytes()))
            }
        }
    }
}

/// Names are looked up fully qualified: the person typed a complete host name, and a search
/// list must not turn a typo into some local name that happens to exist.
fn fqdn(name: &str) -> String {
    let name = name.trim();
    if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    }
}

fn trim_dot(s: &str) -> String {
    s.trim_end_matches('.').to_ascii_lowercase()
}

/// What SPF and DMARC records the domain publishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthRecords {
    pub spf: Option<String>,
    pub dmarc: Option<String>,
}

/// Picks the SPF record out of a domain's TXT records (RFC 7208: starts with `v=spf1`).
pub fn spf_of(txt: &[String]) -> Option<String> {
    txt.iter()
        .find(|t| {
            let t = t.trim_start().to_ascii_lowercase();
            t == "v=spf1" || t.starts_with("v=spf1 ")
        })
        .cloned()
}

/// Picks the DMARC record out of `_dmarc.DOMAIN` TXT records (RFC 7489: starts with `v=DMARC1`).
pub fn dmarc_of(txt: &[String]) -> Option<String> {
    txt.iter()
        .find(|t| t.trim_start().to_ascii_lowercase().starts_with("v=dmarc1"))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_spf_and_dmarc() {
        let txt = vec![
            "google-site-verification=abc".to_string(),
            "v=spf1 mx -all".to_string(),
        ];
        assert_eq!(spf_of(&txt).as_deref(), Some("v=spf1 mx -all"));
        assert_eq!(spf_of(&["v=spf10 x".to_string()]), None);
        assert_eq!(
            dmarc_of(&["v=DMARC1; p=none".to_string()]).as_deref(),
            Some("v=DMARC1; p=none")
        );
        assert_eq!(dmarc_of(&[]), None);
    }

    #[test]
    fn reverse_names() {
        assert_eq!(
            reverse_name("203.0.113.25".parse().unwrap()),
            "25.113.0.203.in-addr.arpa."
        );
        assert!(
            reverse_name("2001:db8:203::25".parse().unwrap()).starts_with(
                "5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.3.0.2.0.8.b.d.0.1.0.0.2.ip6.arpa."
            )
        );
    }

    #[test]
    fn names_are_fully_qualified() {
        assert_eq!(fqdn("smtp.example.test"), "smtp.example.test.");
        assert_eq!(fqdn("smtp.example.test."), "smtp.example.test.");
    }

    /// A DNS server on loopback that answers every question with NXDOMAIN and counts them.
    async fn counting_server() -> (SocketAddr, Arc<std::sync::atomic::AtomicUsize>) {
        let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let addr = socket.local_addr().unwrap();
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = count.clone();
        tokio::spawn(async move {
            let mut buf = [0u8; 512];
            while let Ok((n, from)) = socket.recv_from(&mut buf).await {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                // Same id and question; a response, recursion available, NXDOMAIN; no records.
                let mut reply = buf[..n].to_vec();
                reply[2] = 0x81;
                reply[3] = 0x83;
                reply[6..12].fill(0);
                let _ = socket.send_to(&reply, from).await;
            }
        });
        (addr, count)
    }

    #[tokio::test]
    async fn a_question_is_asked_once_per_diagnosis() {
        let (server, count) = counting_server().await;
        let dns = Dns::new(Some(server), Duration::from_secs(2)).unwrap();
        let other = dns.clone();
        // Asked at the same moment by several checks, then again later.
        let (a, b, c) = tokio::join!(
            dns.mx("example.test"),
            other.mx("EXAMPLE.test."),
            dns.mx("example.test")
        );
        assert_eq!(
            (&a, &b, &c),
            (&Lookup::Nxdomain, &Lookup::Nxdomain, &Lookup::Nxdomain)
        );
        assert_eq!(dns.mx("example.test").await, Lookup::Nxdomain);
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 1);
        // Another type or another name is another question.
        let _ = tokio::join!(dns.txt("example.test"), other.txt("example.test"));
        let _ = tokio::join!(
            dns.addresses("smtp.example.test"),
            other.addresses("smtp.example.test")
        );
        let asked = count.load(std::sync::atomic::Ordering::SeqCst);
        // TXT once; the address lookup once or twice (A, then AAAA when A is empty).
        assert!((3..=4).contains(&asked), "{asked} questions");
    }

    #[tokio::test]
    async fn ip_literal_needs_no_lookup() {
        let dns = Dns::new(
            Some("127.0.0.1:9".parse().unwrap()),
            Duration::from_millis(200),
        )
        .unwrap();
        assert_eq!(
            dns.addresses("127.0.0.7").await,
            Lookup::Found(vec!["127.0.0.7".parse::<IpAddr>().unwrap()])
        );
    }
}
