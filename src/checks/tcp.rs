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
        use TcpOutcome::{
            AdminProhibited, HostUnreachable, LocalError, NetworkUnreachable, Open, Refused,
            TimedOut,
        };
        let rank = |o: TcpOutcome| match o {
            Open => 0,
            Refused => 1,
            AdminProhibited => 2,
            HostUnreachable => 3,
            NetworkUnreachable => 4,
            TimedOut => 5,
            LocalError => 6,
        };
        self.attempts
            .iter()
            .map(|a| a.outcome)
            .min_by_key(|o| rank(*o))
            .unwrap_or(LocalError)
    }
}

/// Connects to `port` on every address at once; returns every attempt and the first open
/// connection (in address order, so the result does not depend on timing).
pub async fn connect_any(
    addrs: &[IpAddr],
    port: u16,
    timeout: Duration,
) -> (PortReach, Option<(SocketAddr, TcpStream)>) {
    let tries = addrs.iter().map(|ip| {
        let addr = SocketAddr::new(*ip, port);
        async move {
            let started = Instant::now();
            let result = connect_one(addr, timeout).await;
            (addr, started.elapsed(), result)
        }
    });
    let results = futures::future::join_all(tries).await;
    let mut attempts = Vec::with_capacity(results.len());
    let mut open = None;
    for (address, took, result) in results {
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

    #[test]
    fn errno_mapping() {
        let e = io::Error::from_raw_os_error(113);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::HostUnreachable);
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::Refused);
    }
}
