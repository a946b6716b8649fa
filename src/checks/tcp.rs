//! TCP reachability: one port over every address of the host, each attempt bounded by the
//! time budget, so a silently dropped port costs one time-out and never the OS's minutes of
//! SYN retries.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::net::{TcpSocket, TcpStream};

use super::icmp::{self, ErrQueue, IcmpKind, IcmpReport};

/// How one connection attempt ended, as the operating system reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TcpOutcome {
    Open,
    /// A TCP reset: the host is up, nothing listens (or a firewall rejects with a reset).
    Refused,
    /// Silence: the packets were dropped somewhere.
    TimedOut,
    /// ICMP host unreachable (where the ICMP cannot be read, administratively-prohibited
    /// looks the same).
    HostUnreachable,
    /// No route to that network from here.
    NetworkUnreachable,
    /// ICMP administratively prohibited, where the OS tells it apart (on Linux, from the
    /// socket's error queue).
    AdminProhibited,
    /// This machine could not even try (no usable interface or address family).
    LocalError,
}

impl TcpOutcome {
    pub fn word(self) -> &'static str {
        match self {
            TcpOutcome::Open => "open",
            TcpOutcome::Refused => "refused",
            TcpOutcome::TimedOut => "timed out",
            TcpOutcome::HostUnreachable => "host unreachable",
            TcpOutcome::NetworkUnreachable => "network unreachable",
            TcpOutcome::AdminProhibited => "administratively prohibited",
            TcpOutcome::LocalError => "could not try",
        }
    }

    /// Maps an error of `connect()` to an outcome.
    pub fn from_io(e: &io::Error) -> TcpOutcome {
        match e.kind() {
            io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset => {
                TcpOutcome::Refused
            }
            io::ErrorKind::TimedOut => TcpOutcome::TimedOut,
            io::ErrorKind::HostUnreachable => TcpOutcome::HostUnreachable,
            io::ErrorKind::NetworkUnreachable => TcpOutcome::NetworkUnreachable,
            io::ErrorKind::PermissionDenied => TcpOutcome::AdminProhibited,
            io::ErrorKind::AddrNotAvailable | io::ErrorKind::Unsupported => TcpOutcome::LocalError,
            _ => match e.raw_os_error() {
                // EHOSTUNREACH / ENETUNREACH / EACCES on Linux, where the kind is not specific.
                Some(113) => TcpOutcome::HostUnreachable,
                Some(101) => TcpOutcome::NetworkUnreachable,
                Some(13) => TcpOutcome::AdminProhibited,
                _ => TcpOutcome::LocalError,
            },
        }
    }
}

/// One attempt to one address.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attempt {
    pub address: SocketAddr,
    pub outcome: TcpOutcome,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The ICMP error behind a failure, with its sender (a router on the path, or the server
    /// itself), where the system lets us read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icmp: Option<IcmpReport>,
}

/// The result over all addresses of a host for one port.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PortReach {
    pub port: u16,
    pub attempts: Vec<Attempt>,
}

impl PortReach {
    /// The most telling outcome over all addresses: open wins, then a reset (the host is up),
    /// then ICMP errors, then silence.
    pub fn outcome(&self) -> TcpOutcome {
        best(self.attempts.iter().map(|a| a.outcome))
    }

    /// Each address family's result, IPv6 first (the order Happy Eyeballs tries them); only
    /// the families that had an address.
    pub fn families(&self) -> Vec<FamilyReach> {
        [Family::Ipv6, Family::Ipv4]
            .into_iter()
            .filter_map(|f| self.family(f))
            .collect()
    }

    /// One family's result: its most telling attempt (as [`PortReach::outcome`] ranks them).
    pub fn family(&self, family: Family) -> Option<FamilyReach> {
        self.attempts
            .iter()
            .filter(|a| Family::of(a.address.ip()) == family)
            .min_by_key(|a| rank(a.outcome))
            .map(|a| FamilyReach {
                family,
                outcome: a.outcome,
                address: a.address,
                duration_ms: a.duration_ms,
            })
    }

    /// How the two families fared on this port.
    pub fn dual_stack(&self) -> DualStack {
        match (self.family(Family::Ipv6), self.family(Family::Ipv4)) {
            (Some(v6), Some(v4)) => match (v6.is_open(), v4.is_open()) {
                (true, true) => DualStack::BothOpen,
                (false, true) => DualStack::Ipv6Fails(v6.outcome),
                (true, false) => DualStack::Ipv4Fails(v4.outcome),
                (false, false) => DualStack::BothFail,
            },
            _ => DualStack::SingleFamily,
        }
    }

    /// "IPv6: no answer within 5 s; IPv4: connected", when both families were tried.
    pub fn family_summary(&self) -> Option<String> {
        let families = self.families();
        (families.len() > 1).then(|| {
            families
                .iter()
                .map(|f| format!("{}: {}", f.family.word(), f.describe()))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

/// Open first, then a reset (the host is up), then ICMP errors, then silence.
fn rank(o: TcpOutcome) -> u8 {
    match o {
        TcpOutcome::Open => 0,
        TcpOutcome::Refused => 1,
        TcpOutcome::AdminProhibited => 2,
        TcpOutcome::HostUnreachable => 3,
        TcpOutcome::NetworkUnreachable => 4,
        TcpOutcome::TimedOut => 5,
        TcpOutcome::LocalError => 6,
    }
}

fn best(outcomes: impl Iterator<Item = TcpOutcome>) -> TcpOutcome {
    outcomes
        .min_by_key(|o| rank(*o))
        .unwrap_or(TcpOutcome::LocalError)
}

/// An address family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Ipv6,
    Ipv4,
}

impl Family {
    pub fn of(ip: IpAddr) -> Family {
        // An IPv4-mapped IPv6 address travels as IPv4.
        match ip {
            IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => Family::Ipv6,
            _ => Family::Ipv4,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Family::Ipv6 => "IPv6",
            Family::Ipv4 => "IPv4",
        }
    }
}

/// One address family's result on one port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilyReach {
    pub family: Family,
    pub outcome: TcpOutcome,
    /// The address behind that result.
    pub address: SocketAddr,
    pub duration_ms: u64,
}

impl FamilyReach {
    pub fn is_open(&self) -> bool {
        self.outcome == TcpOutcome::Open
    }

    /// The result in words: "connected", "no answer within 5 s", "refused", ...
    pub fn describe(&self) -> String {
        match self.outcome {
            TcpOutcome::Open => "connected".to_string(),
            TcpOutcome::TimedOut => format!("no answer within {}", seconds(self.duration_ms)),
            other => other.word().to_string(),
        }
    }
}

/// "5 s", "2.5 s", "0.3 s": what the waiting cost, as people say it.
fn seconds(ms: u64) -> String {
    let tenths = (ms + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{} s", tenths / 10)
    } else {
        format!("{}.{} s", tenths / 10, tenths % 10)
    }
}

/// How the two address families fared on one port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DualStack {
    /// Only one family had an address (or only one was tried).
    SingleFamily,
    BothOpen,
    /// IPv4 connected; IPv6 ended this way.
    Ipv6Fails(TcpOutcome),
    /// IPv6 connected; IPv4 ended this way.
    Ipv4Fails(TcpOutcome),
    BothFail,
}

/// RFC 8305's "Connection Attempt Delay": the next address is tried this long after the
/// previous one started, or at once when that one fails.
pub const ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// Connects to `port` on every address, Happy Eyeballs style (RFC 8305): the addresses in
/// [`happy_eyeballs_order`], each started [`ATTEMPT_DELAY`] after the previous one or as soon
/// as that one fails. Unlike a mail client it does not stop at the first connection: every
/// address's attempt is recorded (in the order they started), so the diagnosis knows each
/// family's result. The connection handed back is the first open one in that order, the one
/// a mail client preferring IPv6 would use (so the result does not depend on timing).
pub async fn connect_any(
    addrs: &[IpAddr],
    port: u16,
    timeout: Duration,
) -> (PortReach, Option<(SocketAddr, TcpStream)>) {
    use futures::stream::{FuturesUnordered, StreamExt};

    let order = happy_eyeballs_order(addrs);
    let mut running = FuturesUnordered::new();
    let mut results: Vec<Option<(Duration, Result<TcpStream, Failure>)>> =
        order.iter().map(|_| None).collect();
    let mut next = 0;
    let mut next_at = tokio::time::Instant::now();
    // Each address starts once; each attempt ends within `timeout`: bounded.
    loop {
        if next < order.len() && tokio::time::Instant::now() >= next_at {
            let addr = SocketAddr::new(order[next], port);
            let index = next;
            running.push(async move {
                let started = Instant::now();
                let result = connect_one(addr, timeout).await;
                (index, started.elapsed(), result)
            });
            next += 1;
            next_at = tokio::time::Instant::now() + ATTEMPT_DELAY;
        }
        if running.is_empty() && next >= order.len() {
            break;
        }
        let more = next < order.len();
        tokio::select! {
            Some((index, took, result)) = running.next() => {
                if result.is_err() {
                    // A failed attempt lets the next address start at once.
                    next_at = tokio::time::Instant::now();
                }
                results[index] = Some((took, result));
            }
            () = tokio::time::sleep_until(next_at), if more => {}
        }
    }
    let mut attempts = Vec::with_capacity(order.len());
    let mut open = None;
    for (ip, result) in order.iter().zip(results) {
        let address = SocketAddr::new(*ip, port);
        let Some((took, result)) = result else {
            continue;
        };
        let duration_ms = u64::try_from(took.as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok(stream) => {
                attempts.push(Attempt {
                    address,
                    outcome: TcpOutcome::Open,
                    duration_ms,
                    error: None,
                    icmp: None,
                });
                if open.is_none() {
                    open = Some((address, stream));
                }
            }
            Err(f) => attempts.push(Attempt {
                address,
                outcome: f.outcome,
                duration_ms,
                error: Some(f.error),
                icmp: f.icmp,
            }),
        }
    }
    (PortReach { port, attempts }, open)
}

/// RFC 8305 section 4: IPv6 first, then the families alternate (IPv6, IPv4, IPv6, ...),
/// each family's addresses in the order DNS gave them.
pub fn happy_eyeballs_order(addrs: &[IpAddr]) -> Vec<IpAddr> {
    let mut seen = Vec::with_capacity(addrs.len());
    for ip in addrs {
        if !seen.contains(ip) {
            seen.push(*ip);
        }
    }
    let (v6, v4): (Vec<IpAddr>, Vec<IpAddr>) = seen.into_iter().partition(IpAddr::is_ipv6);
    let mut out = Vec::with_capacity(v6.len() + v4.len());
    let (mut a, mut b) = (v6.into_iter(), v4.into_iter());
    loop {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) => out.extend(x.into_iter().chain(y)),
        }
    }
    out
}

/// Why one attempt failed.
struct Failure {
    outcome: TcpOutcome,
    error: String,
    icmp: Option<IcmpReport>,
}

impl Failure {
    fn local(e: &io::Error) -> Failure {
        Failure {
            outcome: TcpOutcome::LocalError,
            error: e.to_string(),
            icmp: None,
        }
    }
}

/// The outcome once the ICMP is known: the errno cannot tell a firewall's
/// administratively-prohibited from a dead host, the ICMP can.
fn refine(outcome: TcpOutcome, icmp: Option<&IcmpReport>) -> TcpOutcome {
    match icmp.map(|r| r.kind) {
        Some(IcmpKind::AdminProhibited) => TcpOutcome::AdminProhibited,
        Some(IcmpKind::HostUnreachable) => TcpOutcome::HostUnreachable,
        Some(IcmpKind::NetUnreachable) => TcpOutcome::NetworkUnreachable,
        _ => outcome,
    }
}

/// Whether a failed connect may have an ICMP error behind it worth reading.
fn icmp_may_explain(outcome: TcpOutcome) -> bool {
    matches!(
        outcome,
        TcpOutcome::HostUnreachable
            | TcpOutcome::NetworkUnreachable
            | TcpOutcome::AdminProhibited
            | TcpOutcome::TimedOut
    )
}

async fn connect_one(addr: SocketAddr, timeout: Duration) -> Result<TcpStream, Failure> {
    let v6 = addr.is_ipv6();
    let socket = if v6 {
        TcpSocket::new_v6()
    } else {
        TcpSocket::new_v4()
    }
    .map_err(|e| Failure::local(&e))?;
    // Before connect(), or the kernel keeps no ICMP for us. Without it the attempt still
    // works; it only knows less.
    let queue = ErrQueue::attach(&socket, v6).ok();
    // The budget replaces the kernel's SYN retries (minutes) with ours (seconds).
    let (outcome, error) = match tokio::time::timeout(timeout, socket.connect(addr)).await {
        Err(_) => (
            TcpOutcome::TimedOut,
            format!("no answer within {timeout:?}"),
        ),
        Ok(Err(e)) => (TcpOutcome::from_io(&e), e.to_string()),
        Ok(Ok(stream)) => {
            // Let go of the second descriptor at once, and make the session as tolerant of
            // stray ICMP as any mail client's.
            if let Some(q) = queue {
                q.close();
            }
            icmp::disarm(&stream, v6);
            let _ = stream.set_nodelay(true);
            return Ok(stream);
        }
    };
    // Looked at once: after a time-out the queue is usually empty (a DROP sends nothing),
    // but a late ICMP may have arrived.
    let icmp = if icmp_may_explain(outcome) {
        queue.as_ref().and_then(ErrQueue::read)
    } else {
        None
    };
    Err(Failure {
        outcome: refine(outcome, icmp.as_ref()),
        error,
        icmp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn open_and_refused_on_loopback() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let (reach, stream) = connect_any(&[ip], port, Duration::from_secs(2)).await;
        assert_eq!(reach.outcome(), TcpOutcome::Open);
        assert!(stream.is_some());
        drop(listener);
        // Port 1 (tcpmux) has no listener on loopback; a freed ephemeral port could be
        // taken again by a test running in parallel.
        let (reach, stream) = connect_any(&[ip], 1, Duration::from_secs(2)).await;
        assert_eq!(reach.outcome(), TcpOutcome::Refused);
        assert!(stream.is_none());
    }

    #[test]
    fn best_outcome_prefers_open_then_refused() {
        let a = |o| Attempt {
            address: "127.0.0.1:1".parse().unwrap(),
            outcome: o,
            duration_ms: 0,
            error: None,
            icmp: None,
        };
        let r = PortReach {
            port: 1,
            attempts: vec![a(TcpOutcome::TimedOut), a(TcpOutcome::Refused)],
        };
        assert_eq!(r.outcome(), TcpOutcome::Refused);
        let r = PortReach {
            port: 1,
            attempts: vec![],
        };
        assert_eq!(r.outcome(), TcpOutcome::LocalError);
    }

    #[test]
    fn icmp_refines_the_errno() {
        let report = |kind| IcmpReport {
            kind,
            icmp_type: 3,
            code: 13,
            offender: None,
        };
        let admin = report(IcmpKind::AdminProhibited);
        assert_eq!(
            refine(TcpOutcome::HostUnreachable, Some(&admin)),
            TcpOutcome::AdminProhibited
        );
        let host = report(IcmpKind::HostUnreachable);
        assert_eq!(
            refine(TcpOutcome::HostUnreachable, Some(&host)),
            TcpOutcome::HostUnreachable
        );
        assert_eq!(
            refine(TcpOutcome::HostUnreachable, None),
            TcpOutcome::HostUnreachable
        );
        let te = report(IcmpKind::TimeExceeded);
        assert_eq!(
            refine(TcpOutcome::TimedOut, Some(&te)),
            TcpOutcome::TimedOut
        );
    }

    #[test]
    fn icmp_is_not_serialized_when_absent() {
        let a = Attempt {
            address: "127.0.0.1:25".parse().unwrap(),
            outcome: TcpOutcome::TimedOut,
            duration_ms: 1,
            error: None,
            icmp: None,
        };
        let v = serde_json::to_value(&a).unwrap();
        assert!(v.get("icmp").is_none());
    }

    fn attempt(address: &str, outcome: TcpOutcome, duration_ms: u64) -> Attempt {
        Attempt {
            address: address.parse().unwrap(),
            outcome,
            duration_ms,
            error: None,
            icmp: None,
        }
    }

    #[test]
    fn happy_eyeballs_starts_with_ipv6_and_alternates() {
        let ips: Vec<IpAddr> = [
            "203.0.113.25",
            "203.0.113.26",
            "2001:db8:203::25",
            "203.0.113.25",
            "2001:db8:203::26",
            "203.0.113.27",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        let order: Vec<String> = happy_eyeballs_order(&ips)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            order,
            [
                "2001:db8:203::25",
                "203.0.113.25",
                "2001:db8:203::26",
                "203.0.113.26",
                "203.0.113.27"
            ]
        );
        let v4: Vec<IpAddr> = vec!["203.0.113.25".parse().unwrap()];
        assert_eq!(happy_eyeballs_order(&v4), v4);
        assert!(happy_eyeballs_order(&[]).is_empty());
    }

    #[test]
    fn per_family_outcomes() {
        let r = PortReach {
            port: 587,
            attempts: vec![
                attempt("[2001:db8:203::25]:587", TcpOutcome::TimedOut, 5000),
                attempt("203.0.113.25:587", TcpOutcome::Open, 3),
            ],
        };
        assert_eq!(r.outcome(), TcpOutcome::Open);
        assert_eq!(r.dual_stack(), DualStack::Ipv6Fails(TcpOutcome::TimedOut));
        let fams = r.families();
        assert_eq!(fams.len(), 2);
        assert_eq!(fams[0].family, Family::Ipv6);
        assert_eq!(fams[1].address, "203.0.113.25:587".parse().unwrap());
        assert_eq!(
            r.family_summary().as_deref(),
            Some("IPv6: no answer within 5 s; IPv4: connected")
        );

        let both = PortReach {
            port: 465,
            attempts: vec![
                attempt("[2001:db8:203::25]:465", TcpOutcome::Open, 1),
                attempt("203.0.113.25:465", TcpOutcome::Open, 1),
            ],
        };
        assert_eq!(both.dual_stack(), DualStack::BothOpen);

        let v6_only = PortReach {
            port: 587,
            attempts: vec![attempt("[2001:db8:203::25]:587", TcpOutcome::Open, 1)],
        };
        assert_eq!(v6_only.dual_stack(), DualStack::SingleFamily);
        assert_eq!(v6_only.family_summary(), None);

        let v4_fails = PortReach {
            port: 25,
            attempts: vec![
                attempt("[2001:db8:203::25]:25", TcpOutcome::Open, 1),
                attempt("203.0.113.25:25", TcpOutcome::HostUnreachable, 3100),
            ],
        };
        assert_eq!(
            v4_fails.dual_stack(),
            DualStack::Ipv4Fails(TcpOutcome::HostUnreachable)
        );
        assert_eq!(
            v4_fails.family_summary().as_deref(),
            Some("IPv6: connected; IPv4: host unreachable")
        );

        // Of two IPv6 addresses, the one that answered tells the family's result.
        let two_v6 = PortReach {
            port: 587,
            attempts: vec![
                attempt("[2001:db8:203::25]:587", TcpOutcome::TimedOut, 2500),
                attempt("203.0.113.25:587", TcpOutcome::TimedOut, 2500),
                attempt("[2001:db8:203::26]:587", TcpOutcome::Refused, 2),
            ],
        };
        assert_eq!(two_v6.dual_stack(), DualStack::BothFail);
        assert_eq!(
            two_v6.family_summary().as_deref(),
            Some("IPv6: refused; IPv4: no answer within 2.5 s")
        );
    }

    #[test]
    fn mapped_addresses_count_as_ipv4() {
        assert_eq!(
            Family::of("::ffff:203.0.113.25".parse().unwrap()),
            Family::Ipv4
        );
        assert_eq!(Family::of("2001:db8::1".parse().unwrap()), Family::Ipv6);
    }

    #[tokio::test]
    async fn every_family_is_tried_and_the_session_prefers_ipv6() {
        // Both loopbacks listen on one port: a dual-stack server on this machine.
        // No IPv6 on this machine's loopback: nothing to compare.
        let Ok(v6) = tokio::net::TcpListener::bind("[::1]:0").await else {
            return;
        };
        let port = v6.local_addr().unwrap().port();
        let Ok(v4) = tokio::net::TcpListener::bind(("127.0.0.1", port)).await else {
            return;
        };
        let ips: Vec<IpAddr> = vec!["127.0.0.1".parse().unwrap(), "::1".parse().unwrap()];
        let (reach, stream) = connect_any(&ips, port, Duration::from_secs(2)).await;
        assert_eq!(reach.attempts.len(), 2);
        assert_eq!(reach.dual_stack(), DualStack::BothOpen);
        let (addr, _) = stream.unwrap();
        assert!(addr.is_ipv6(), "{addr}");
        drop((v4, v6));
    }

    #[tokio::test]
    async fn a_failed_attempt_starts_the_next_at_once() {
        // Port 1 on ::1 refuses at once; IPv4 then starts without waiting the delay.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let ips: Vec<IpAddr> = vec!["127.0.0.1".parse().unwrap(), "::1".parse().unwrap()];
        let started = Instant::now();
        let (reach, stream) = connect_any(&ips, port, Duration::from_secs(2)).await;
        assert_eq!(reach.attempts.len(), 2);
        assert!(stream.is_some());
        assert!(matches!(
            reach.dual_stack(),
            DualStack::Ipv6Fails(
                TcpOutcome::Refused | TcpOutcome::LocalError | TcpOutcome::NetworkUnreachable
            )
        ));
        assert!(started.elapsed() < ATTEMPT_DELAY, "{:?}", started.elapsed());
    }

    #[test]
    fn errno_mapping() {
        let e = io::Error::from_raw_os_error(113);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::HostUnreachable);
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::Refused);
    }
}
