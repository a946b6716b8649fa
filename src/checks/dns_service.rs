//! Does the DNS service itself answer on the resolvers' machines? One small query over UDP on
//! a connected socket, which is how the kernel hands back an ICMP "port unreachable" (as
//! ECONNREFUSED): the machine is up, but no DNS service listens. With the TCP knock on port 53
//! (`network::resolver_reach`), this tells "the DNS service refuses" (confirmed) from "no DNS
//! answer at all" (silence) when a name lookup failed.

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::net::UdpSocket;

use crate::checks::tcp::{PortReach, TcpOutcome};
use crate::protocol::reply::sanitize;

/// What one resolver did with the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsServiceOutcome {
    /// A DNS reply came, whatever its code: the service runs.
    Answered,
    /// ICMP port unreachable came back: the machine is up, its DNS service is not.
    PortUnreachable,
    /// Nothing came back within the time-out.
    Silent,
    /// The machine or its network cannot be reached (ICMP host/network unreachable, no route).
    Unreachable,
    /// The query could not be sent (a local socket error).
    Error,
}

/// One resolver's answer to the probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsServiceProbe {
    pub server: SocketAddr,
    pub outcome: DnsServiceOutcome,
    pub duration_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What the resolvers' machines and services say together, once a lookup has failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsService {
    /// A resolver's DNS service answered: the failure is in the answer, not the service.
    Answers,
    /// No service answered, and a resolver's machine said so itself (ICMP port unreachable
    /// on UDP 53, or a TCP reset on 53): the service is stopped or refuses. Confirmed.
    Refuses,
    /// No service answered and no machine spoke: silence (a dead resolver, a firewall that
    /// drops, or a dead line).
    Silent,
}

/// Pure: the verdict from the UDP probes and the TCP knocks on port 53.
pub fn judge(udp: &[DnsServiceProbe], tcp: &[PortReach]) -> DnsService {
    if udp.iter().any(|p| p.outcome == DnsServiceOutcome::Answered) {
        return DnsService::Answers;
    }
    let port_unreachable = udp
        .iter()
        .any(|p| p.outcome == DnsServiceOutcome::PortUnreachable);
    let reset = tcp.iter().any(|r| r.outcome() == TcpOutcome::Refused);
    if port_unreachable || reset {
        DnsService::Refuses
    } else {
        DnsService::Silent
    }
}

/// The resolvers that refused (their addresses), for the person-facing text.
pub fn refusing(udp: &[DnsServiceProbe], tcp: &[PortReach]) -> Vec<std::net::IpAddr> {
    let mut out: Vec<std::net::IpAddr> = udp
        .iter()
        .filter(|p| p.outcome == DnsServiceOutcome::PortUnreachable)
        .map(|p| p.server.ip())
        .chain(
            tcp.iter()
                .filter(|r| r.outcome() == TcpOutcome::Refused)
                .filter_map(|r| r.attempts.first().map(|a| a.address.ip())),
        )
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Queries every resolver at once; each ends within `timeout`.
pub async fn probe(servers: &[SocketAddr], timeout: Duration) -> Vec<DnsServiceProbe> {
    futures::future::join_all(servers.iter().map(|s| probe_one(*s, timeout))).await
}

async fn probe_one(server: SocketAddr, timeout: Duration) -> DnsServiceProbe {
    let start = Instant::now();
    let (outcome, error) = match tokio::time::timeout(timeout, ask(server)).await {
        Err(_) => (DnsServiceOutcome::Silent, None),
        Ok(Ok(())) => (DnsServiceOutcome::Answered, None),
        Ok(Err(e)) => (outcome_of(&e), Some(sanitize(e.to_string().as_bytes()))),
    };
    DnsServiceProbe {
        server,
        outcome,
        duration_ms: u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX),
        error,
    }
}

/// Pure: what a socket error on the connected UDP socket means.
pub fn outcome_of(e: &io::Error) -> DnsServiceOutcome {
    use io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => DnsServiceOutcome::PortUnreachable,
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown => {
            DnsServiceOutcome::Unreachable
        }
        _ => DnsServiceOutcome::Error,
    }
}

/// Sends the query and waits for its reply; other datagrams are skipped (a bounded number).
async fn ask(server: SocketAddr) -> io::Result<()> {
    let local: SocketAddr = if server.is_ipv4() {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let socket = UdpSocket::bind(local).await?;
    socket.connect(server).await?;
    let id = query_id();
    socket.send(&root_ns_query(id)).await?;
    let mut buf = [0u8; 512];
    for _ in 0..16 {
        let n = socket.recv(&mut buf).await?;
        if is_reply_to(&buf[..n], id) {
            return Ok(());
        }
    }
    Err(io::Error::other("no reply to the query among 16 datagrams"))
}

/// A query id that differs from run to run (no need for secrecy: the reply is not used).
fn query_id() -> u16 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    u16::try_from((nanos >> 8) & 0xffff).unwrap_or_default()
}

/// "Who serves the root zone?" (NS of `.`, recursion desired): every resolver can answer it
/// and it names nothing of the person's.
pub fn root_ns_query(id: u16) -> Vec<u8> {
    let mut q = Vec::with_capacity(17);
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    q.extend_from_slice(&[0, 0, 2, 0, 1]);
    q
}

/// A DNS reply (QR set) with our id, whatever its code.
pub fn is_reply_to(datagram: &[u8], id: u16) -> bool {
    datagram.len() >= 12 && datagram[..2] == id.to_be_bytes() && datagram[2] & 0x80 != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tcp::Attempt;

    fn udp(outcome: DnsServiceOutcome) -> DnsServiceProbe {
        DnsServiceProbe {
            server: "198.51.100.53:53".parse().expect("address"),
            outcome,
            duration_ms: 1,
            error: None,
        }
    }

    fn tcp(outcome: TcpOutcome) -> PortReach {
        PortReach {
            port: 53,
            attempts: vec![Attempt {
                address: "198.51.100.53:53".parse().expect("address"),
                outcome,
                duration_ms: 1,
                error: None,
                icmp: None,
            }],
        }
    }

    #[test]
    fn the_machine_answering_for_a_stopped_service_is_a_refusal() {
        use DnsServiceOutcome as U;
        let refused = [
            (
                vec![udp(U::PortUnreachable)],
                vec![tcp(TcpOutcome::Refused)],
            ),
            (
                vec![udp(U::PortUnreachable)],
                vec![tcp(TcpOutcome::TimedOut)],
            ),
            (vec![udp(U::Silent)], vec![tcp(TcpOutcome::Refused)]),
            (vec![udp(U::PortUnreachable)], vec![]),
        ];
        for (u, t) in refused {
            assert_eq!(judge(&u, &t), DnsService::Refuses, "{u:?} {t:?}");
            assert_eq!(
                refusing(&u, &t),
                vec!["198.51.100.53".parse::<std::net::IpAddr>().expect("ip")]
            );
        }
        let silent = [
            (vec![udp(U::Silent)], vec![tcp(TcpOutcome::TimedOut)]),
            (
                vec![udp(U::Unreachable)],
                vec![tcp(TcpOutcome::HostUnreachable)],
            ),
            (vec![], vec![]),
        ];
        for (u, t) in silent {
            assert_eq!(judge(&u, &t), DnsService::Silent, "{u:?} {t:?}");
            assert!(refusing(&u, &t).is_empty());
        }
        // A service that answers is not refusing, whatever its machine does on TCP.
        assert_eq!(
            judge(&[udp(U::Answered)], &[tcp(TcpOutcome::Refused)]),
            DnsService::Answers
        );
    }

    #[test]
    fn socket_errors_say_who_answered() {
        let e = |code| io::Error::from_raw_os_error(code);
        assert_eq!(
            outcome_of(&e(libc::ECONNREFUSED)),
            DnsServiceOutcome::PortUnreachable
        );
        assert_eq!(
            outcome_of(&e(libc::EHOSTUNREACH)),
            DnsServiceOutcome::Unreachable
        );
        assert_eq!(
            outcome_of(&e(libc::ENETUNREACH)),
            DnsServiceOutcome::Unreachable
        );
        assert_eq!(outcome_of(&e(libc::EACCES)), DnsServiceOutcome::Error);
    }

    #[test]
    fn the_query_and_its_reply() {
        let q = root_ns_query(0xbeef);
        assert_eq!(q.len(), 17);
        assert_eq!(&q[..2], &[0xbe, 0xef]);
        assert!(!is_reply_to(&q, 0xbeef), "a query is not a reply");
        let mut reply = q.clone();
        reply[2] |= 0x80;
        assert!(is_reply_to(&reply, 0xbeef));
        assert!(!is_reply_to(&reply, 0xbeee));
        assert!(!is_reply_to(&reply[..11], 0xbeef));
    }

    #[tokio::test]
    async fn a_closed_udp_port_on_loopback_is_port_unreachable() {
        // Bound, then closed: the kernel answers the next datagram with port unreachable.
        let addr = std::net::UdpSocket::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr");
        let found = probe(&[addr], Duration::from_secs(2)).await;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].outcome, DnsServiceOutcome::PortUnreachable);
    }

    #[tokio::test]
    async fn a_reply_from_a_service_is_answered_and_silence_is_silent() {
        let server = UdpSocket::bind("127.0.0.1:0").await.expect("bind");
        let addr = server.local_addr().expect("addr");
        let answer = tokio::spawn(async move {
            let mut buf = [0u8; 512];
            let (n, from) = server.recv_from(&mut buf).await.expect("query");
            buf[2] |= 0x80;
            server.send_to(&buf[..n], from).await.expect("reply");
        });
        let found = probe(&[addr], Duration::from_secs(2)).await;
        assert_eq!(found[0].outcome, DnsServiceOutcome::Answered);
        answer.await.expect("server task");

        let mute = UdpSocket::bind("127.0.0.1:0").await.expect("bind");
        let found = probe(
            &[mute.local_addr().expect("addr")],
            Duration::from_millis(300),
        )
        .await;
        assert_eq!(found[0].outcome, DnsServiceOutcome::Silent);
    }
}
