//! This network's public address from DNS servers that answer with the asker's address.
//! Several methods are asked at once and the first that names an address wins, so one
//! filtered or silent service costs nothing while another answers. Each is bounded by the
//! time-out, and a refusal (ICMP port or host unreachable on a connected UDP socket) ends
//! it at once.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use hickory_resolver::proto::op::{Message, Query, ResponseCode};
use hickory_resolver::proto::rr::{DNSClass, Name, RData, RecordType};
use serde::{Deserialize, Serialize};
use tokio::net::UdpSocket;

use crate::checks::dns::Lookup;

/// One way of asking a DNS server for the asker's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// `myip.opendns.com` A at OpenDNS's resolver1 (208.67.222.222).
    OpendnsA,
    /// `o-o.myaddr.l.google.com` TXT at Google's ns1.google.com (216.239.32.10).
    GoogleTxt,
    /// `whoami.cloudflare` TXT in the CHAOS class at Cloudflare's 1.1.1.1.
    CloudflareChaosTxt,
}

impl Method {
    pub const ALL: [Method; 3] = [
        Method::OpendnsA,
        Method::GoogleTxt,
        Method::CloudflareChaosTxt,
    ];

    /// The server that answers this method on the internet.
    pub fn default_server(self) -> SocketAddr {
        let ip = match self {
            Method::OpendnsA => Ipv4Addr::new(208, 67, 222, 222),
            Method::GoogleTxt => Ipv4Addr::new(216, 239, 32, 10),
            Method::CloudflareChaosTxt => Ipv4Addr::new(1, 1, 1, 1),
        };
        SocketAddr::new(IpAddr::V4(ip), 53)
    }

    /// The name asked.
    pub fn name(self) -> &'static str {
        match self {
            Method::OpendnsA => "myip.opendns.com",
            Method::GoogleTxt => "o-o.myaddr.l.google.com",
            Method::CloudflareChaosTxt => "whoami.cloudflare",
        }
    }

    /// In words, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Method::OpendnsA => "OpenDNS (myip.opendns.com A)",
            Method::GoogleTxt => "Google (o-o.myaddr.l.google.com TXT)",
            Method::CloudflareChaosTxt => "Cloudflare (whoami.cloudflare CH TXT)",
        }
    }

    fn question(self) -> Result<Query, String> {
        let name = Name::from_ascii(format!("{}.", self.name())).map_err(|e| e.to_string())?;
        let mut q = match self {
            Method::OpendnsA => Query::query(name, RecordType::A),
            Method::GoogleTxt | Method::CloudflareChaosTxt => Query::query(name, RecordType::TXT),
        };
        if self == Method::CloudflareChaosTxt {
            q.set_query_class(DNSClass::CH);
        }
        Ok(q)
    }

    /// The address an answer names: an A/AAAA record, or a TXT string that is an address
    /// (Google adds an `edns0-client-subnet ...` string beside it, which is skipped).
    pub fn address_in(self, answer: &Message) -> Option<IpAddr> {
        answer.answers.iter().find_map(|r| match &r.data {
            RData::A(a) if self == Method::OpendnsA => Some(IpAddr::V4(a.0)),
            RData::AAAA(a) if self == Method::OpendnsA => Some(IpAddr::V6(a.0)),
            RData::TXT(t) if self != Method::OpendnsA => t
                .txt_data
                .iter()
                .find_map(|s| std::str::from_utf8(s).ok()?.trim().parse().ok()),
            _ => None,
        })
    }
}

/// The public address as learned, and the method that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhoAmI {
    pub lookup: Lookup<Vec<IpAddr>>,
    pub method: Option<Method>,
}

/// Asks every method at once; `server` (from `--public-ip-dns`) takes every method's
/// questions instead of its own server. The first address wins; without one, the most
/// telling failure (a DNS answer, then a server failure, then an error, then silence).
pub async fn public_ip(server: Option<SocketAddr>, timeout: Duration) -> WhoAmI {
    let mut asks: FuturesUnordered<_> = Method::ALL
        .into_iter()
        .map(|m| async move {
            let to = server.unwrap_or_else(|| m.default_server());
            (m, ask(m, to, timeout).await)
        })
        .collect();
    let mut failures = Vec::new();
    while let Some((method, lookup)) = asks.next().await {
        if lookup.found().is_some() {
            return WhoAmI {
                lookup,
                method: Some(method),
            };
        }
        failures.push(lookup);
    }
    WhoAmI {
        lookup: most_telling(failures),
        method: None,
    }
}

/// Of several failed lookups, the one that says most about the network.
pub fn most_telling(failures: Vec<Lookup<Vec<IpAddr>>>) -> Lookup<Vec<IpAddr>> {
    let rank = |l: &Lookup<Vec<IpAddr>>| match l {
        Lookup::Found(_) => 0,
        Lookup::Nxdomain | Lookup::NoRecords => 1,
        Lookup::ServerFailure(_) => 2,
        Lookup::Error(_) => 3,
        Lookup::Timeout => 4,
    };
    failures
        .into_iter()
        .min_by_key(rank)
        .unwrap_or(Lookup::Timeout)
}

/// At most this many stray datagrams are read before the answer to our question.
const MAX_DATAGRAMS: usize = 16;

/// One method, one server: a query over a connected UDP socket, so that an ICMP refusal
/// arrives as an error at once.
async fn ask(method: Method, server: SocketAddr, timeout: Duration) -> Lookup<Vec<IpAddr>> {
    // Unit tests never leave this machine: only a server they name is asked.
    #[cfg(test)]
    if server == method.default_server() {
        return Lookup::Error("tests never ask the public who-am-I servers".to_string());
    }
    let deadline = tokio::time::Instant::now() + timeout;
    let question = match method.question() {
        Ok(q) => q,
        Err(e) => return Lookup::Error(e),
    };
    let mut query = Message::query();
    query.add_query(question);
    query.metadata.recursion_desired = method == Method::OpendnsA;
    let id = query.metadata.id;
    let bytes = match query.to_vec() {
        Ok(b) => b,
        Err(e) => return Lookup::Error(e.to_string()),
    };
    let local: SocketAddr = match server {
        SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
        SocketAddr::V6(_) => (std::net::Ipv6Addr::UNSPECIFIED, 0).into(),
    };
    let socket = match UdpSocket::bind(local).await {
        Ok(s) => s,
        Err(e) => return Lookup::Error(format!("cannot open a UDP socket: {e}")),
    };
    if let Err(e) = socket.connect(server).await {
        return Lookup::Error(format!("{server}: {e}"));
    }
    if let Err(e) = socket.send(&bytes).await {
        return Lookup::Error(format!("{server}: {e}"));
    }
    let mut buf = vec![0u8; 1500];
    for _ in 0..MAX_DATAGRAMS {
        let received = tokio::time::timeout_at(deadline, socket.recv(&mut buf)).await;
        let n = match received {
            Err(_) => return Lookup::Timeout,
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Lookup::Error(format!("{server} refused the question (port unreachable)"));
            }
            Ok(Err(e)) => return Lookup::Error(format!("{server}: {e}")),
            Ok(Ok(n)) => n,
        };
        let Ok(answer) = Message::from_vec(&buf[..n]) else {
            continue;
        };
        if answer.metadata.id != id {
            continue;
        }
        return read_answer(method, &answer);
    }
    Lookup::Error(format!(
        "{server} sent only datagrams that were not the answer"
    ))
}

/// What an answer to our question says.
pub fn read_answer(method: Method, answer: &Message) -> Lookup<Vec<IpAddr>> {
    match answer.metadata.response_code {
        ResponseCode::NoError => match method.address_in(answer) {
            Some(ip) => Lookup::Found(vec![ip]),
            None => Lookup::NoRecords,
        },
        ResponseCode::NXDomain => Lookup::Nxdomain,
        other => Lookup::ServerFailure(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::rdata::{A, TXT};
    use hickory_resolver::proto::rr::Record;

    fn answer_with(method: Method, data: RData) -> Message {
        let mut m = Message::response(7, hickory_resolver::proto::op::OpCode::Query);
        let q = method.question().expect("a question");
        m.add_query(q.clone());
        m.answers
            .push(Record::from_rdata(q.name().clone(), 0, data));
        m
    }

    #[test]
    fn each_method_reads_its_own_form() {
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        let a = answer_with(Method::OpendnsA, RData::A(A(Ipv4Addr::new(203, 0, 113, 7))));
        assert_eq!(read_answer(Method::OpendnsA, &a), Lookup::Found(vec![ip]));
        let txt = RData::TXT(TXT::new(vec![
            "edns0-client-subnet 198.51.100.0/24".to_string(),
            "203.0.113.7".to_string(),
        ]));
        for m in [Method::GoogleTxt, Method::CloudflareChaosTxt] {
            let t = answer_with(m, txt.clone());
            assert_eq!(read_answer(m, &t), Lookup::Found(vec![ip]), "{m:?}");
        }
        // A TXT answer to the A method names nothing.
        let t = answer_with(Method::OpendnsA, txt);
        assert_eq!(read_answer(Method::OpendnsA, &t), Lookup::NoRecords);
        let mut refused = Message::response(7, hickory_resolver::proto::op::OpCode::Query);
        refused.metadata.response_code = ResponseCode::Refused;
        assert!(matches!(
            read_answer(Method::GoogleTxt, &refused),
            Lookup::ServerFailure(_)
        ));
    }

    #[test]
    fn the_most_telling_failure_is_kept() {
        let got = most_telling(vec![
            Lookup::Timeout,
            Lookup::Error("refused".into()),
            Lookup::Nxdomain,
        ]);
        assert_eq!(got, Lookup::Nxdomain);
        assert_eq!(most_telling(vec![]), Lookup::Timeout);
    }

    /// A closed loopback port refuses at once: the lookup ends on the refusal, not the time-out.
    #[tokio::test]
    async fn a_refusal_ends_the_lookup_at_once() {
        let closed = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
        let addr = closed.local_addr().expect("addr");
        drop(closed);
        let got = public_ip(Some(addr), Duration::from_secs(30)).await;
        // A time-out would read `Timeout`: the refusal is what ended every method.
        assert!(
            matches!(got.lookup, Lookup::Error(ref e) if e.contains("refused")),
            "{got:?}"
        );
        assert_eq!(got.method, None);
    }

    /// A server that answers only the Cloudflare form: that method wins, and says so.
    #[tokio::test]
    async fn the_method_that_answers_wins() {
        let server = tokio::net::UdpSocket::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = server.local_addr().expect("addr");
        let responder = tokio::spawn(async move {
            let mut buf = vec![0u8; 1500];
            for _ in 0..3 {
                let Ok((n, from)) = server.recv_from(&mut buf).await else {
                    return;
                };
                let q = Message::from_vec(&buf[..n]).expect("a query");
                let mut r = Message::response(q.metadata.id, q.metadata.op_code);
                let question = q.queries[0].clone();
                if question.query_class() == DNSClass::CH {
                    r.answers.push(Record::from_rdata(
                        question.name().clone(),
                        0,
                        RData::TXT(TXT::new(vec!["127.0.0.1".to_string()])),
                    ));
                } else {
                    r.metadata.response_code = ResponseCode::Refused;
                }
                r.add_query(question);
                let _ = server.send_to(&r.to_vec().expect("bytes"), from).await;
            }
        });
        let got = public_ip(Some(addr), Duration::from_secs(5)).await;
        assert_eq!(got.method, Some(Method::CloudflareChaosTxt), "{got:?}");
        assert_eq!(
            got.lookup,
            Lookup::Found(vec!["127.0.0.1".parse().unwrap()])
        );
        responder.abort();
    }

    #[tokio::test]
    async fn tests_never_ask_the_public_servers() {
        let got = public_ip(None, Duration::from_secs(1)).await;
        assert!(matches!(got.lookup, Lookup::Error(_)), "{got:?}");
    }
}
