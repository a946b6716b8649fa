//! TCP reachability: one port over every address of the host, each attempt bounded by the
//! time budget, so a silently dropped port costs one time-out and never the OS's minutes of
//! SYN retries.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::net::{TcpSocket, TcpStream};

/// How one connection attempt ended, as the operating system reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TcpOutcome {
    Open,
    /// A TCP reset: the host is up, nothing listens (or a firewall rejects with a reset).
    Refused,
    /// Silence: the packets were dropped somewhere.
    TimedOut,
    /// ICMP host unreachable (Linux reports administratively-prohibited the same way).
    HostUnreachable,
    /// No route to that network from here.
    NetworkUnreachable,
    /// ICMP administratively prohibited, where the OS tells it apart.
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
#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    pub address: SocketAddr,
    pub outcome: TcpOutcome,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The result over all addresses of a host for one port.
#[derive(Debug, Clone, Serialize)]
pub struct PortReach {
    pub port: u16,
    pub attempts: Vec<Attempt>,
}

impl PortReach {
    /// The most telling outcome over all addresses: open wins, then a reset (the host is up),
    /// then ICMP errors, then silence.
    pub fn outcome(&self) -> TcpOutcome {
        use TcpOutcome::*;
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
        let duration_ms = took.as_millis() as u64;
        match result {
            Ok(stream) => {
                attempts.push(Attempt {
                    address,
                    outcome: TcpOutcome::Open,
                    duration_ms,
                    error: None,
                });
                if open.is_none() {
                    open = Some((address, stream));
                }
            }
            Err(e) => attempts.push(Attempt {
                address,
                outcome: e.0,
                duration_ms,
                error: Some(e.1),
            }),
        }
    }
    (PortReach { port, attempts }, open)
}

async fn connect_one(
    addr: SocketAddr,
    timeout: Duration,
) -> Result<TcpStream, (TcpOutcome, String)> {
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4(),
        SocketAddr::V6(_) => TcpSocket::new_v6(),
    }
    .map_err(|e| (TcpOutcome::LocalError, e.to_string()))?;
    // The budget replaces the kernel's SYN retries (minutes) with ours (seconds).
    match tokio::time::timeout(timeout, socket.connect(addr)).await {
        Err(_) => Err((
            TcpOutcome::TimedOut,
            format!("no answer within {timeout:?}"),
        )),
        Ok(Err(e)) => Err((TcpOutcome::from_io(&e), e.to_string())),
        Ok(Ok(stream)) => {
            let _ = stream.set_nodelay(true);
            Ok(stream)
        }
    }
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
    fn errno_mapping() {
        let e = io::Error::from_raw_os_error(113);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::HostUnreachable);
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(TcpOutcome::from_io(&e), TcpOutcome::Refused);
    }
}
