//! Where on the way to the server the packets stop: a traceroute over TCP to the SMTP port
//! itself, so it follows the path (and meets the firewalls) a mail client's connection meets.
//!
//! Unprivileged, Linux only: each probe is an ordinary TCP connect with a small TTL (hop
//! limit) and `IP_RECVERR`; the router where the TTL runs out answers with ICMP time
//! exceeded, which the socket's error queue names. All TTLs are probed at once, so the
//! whole trace costs one per-hop budget, not hops × budget. Every probe that reaches the
//! server opens (and at once closes) a real connection to it.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::icmp::IcmpKind;
use super::tcp::TcpOutcome;

/// What the probe with one TTL met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    pub ttl: u8,
    /// Who answered: the router at this distance, or the destination.
    pub from: Option<IpAddr>,
    pub rtt_ms: Option<u64>,
    pub what: HopResult,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "result", content = "icmp")]
pub enum HopResult {
    /// A router on the way: the TTL ran out there.
    TimeExceeded,
    /// The destination accepted the connection.
    Reached,
    /// The destination (or something speaking for it) answered with a TCP reset.
    Refused,
    /// An ICMP error other than time exceeded: the path ends here.
    Unreachable(IcmpKind),
    /// Nothing came back within the budget.
    Silent,
}

impl HopResult {
    /// Whether this probe got as far as it ever will: later TTLs only repeat it.
    fn ends_path(self) -> bool {
        matches!(
            self,
            HopResult::Reached | HopResult::Refused | HopResult::Unreachable(_)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathTrace {
    pub destination: SocketAddr,
    pub hops: Vec<Hop>,
    /// The destination itself answered (a connection, a reset, or its own ICMP error).
    pub reached: bool,
    /// The farthest hop that answered at all.
    pub last_answering: Option<IpAddr>,
}

impl PathTrace {
    /// Assembles the trace from the probes, in any order: sorted by TTL, trimmed after the
    /// first hop that ends the path (higher TTLs only say the same again).
    pub fn from_hops(destination: SocketAddr, mut hops: Vec<Hop>) -> PathTrace {
        hops.sort_by_key(|h| h.ttl);
        if let Some(end) = hops.iter().position(|h| h.what.ends_path()) {
            hops.truncate(end + 1);
        }
        let reached = hops.iter().any(|h| {
            matches!(h.what, HopResult::Reached | HopResult::Refused)
                || h.from == Some(destination.ip())
        });
        let last_answering = hops.iter().rev().find_map(|h| h.from);
        PathTrace {
            destination,
            hops,
            reached,
            last_answering,
        }
    }

    /// One plain line for people.
    pub fn summary(&self) -> String {
        if cfg!(not(target_os = "linux")) {
            return "path probe not available on this system".to_string();
        }
        let dest = self.destination.ip();
        let last = self.hops.last();
        match last {
            Some(h) if matches!(h.what, HopResult::Reached | HopResult::Refused) => {
                let hops = if h.ttl == 1 { "hop" } else { "hops" };
                let how = if h.what == HopResult::Refused {
                    " (connection refused)"
                } else {
                    ""
                };
                format!("reached {dest} in {} {hops}{how}", h.ttl)
            }
            Some(Hop {
                ttl,
                from,
                what: HopResult::Unreachable(kind),
                ..
            }) => {
                let who = match from {
                    Some(ip) if *ip == dest => format!("{ip} (the destination itself)"),
                    Some(ip) => ip.to_string(),
                    None => "an unnamed sender".to_string(),
                };
                format!("{} from {who} (hop {ttl})", kind.word())
            }
            _ => match self.hops.iter().rev().find(|h| h.from.is_some()) {
                Some(Hop {
                    ttl,
                    from: Some(ip),
                    ..
                }) => format!("last answer from {ip} (hop {ttl}); nothing beyond"),
                _ => match self.hops.len() {
                    0 => "no hop probed".to_string(),
                    1 => "no answer from the first hop".to_string(),
                    n => format!("no answer from any hop within {n} hops"),
                },
            },
        }
    }
}

/// Probes the path to `dest` with TTLs 1..=`max_hops`, all at once, each bounded by
/// `per_hop`.
#[cfg(target_os = "linux")]
pub async fn trace(dest: SocketAddr, max_hops: u8, per_hop: Duration) -> PathTrace {
    let probes = (1..=max_hops.max(1)).map(|ttl| probe(dest, ttl, per_hop));
    let hops = futures::future::join_all(probes).await;
    PathTrace::from_hops(dest, hops)
}

/// Other systems have no error queue to learn a hop's address from.
#[cfg(not(target_os = "linux"))]
pub async fn trace(dest: SocketAddr, _max_hops: u8, _per_hop: Duration) -> PathTrace {
    PathTrace::from_hops(dest, Vec::new())
}

/// Whether a port's outcome is worth a trace: silence or an ICMP error from somewhere on the
/// way. An open port, a reset or no route at all (nothing leaves this computer) is not.
pub fn worth_tracing(outcome: TcpOutcome) -> bool {
    matches!(
        outcome,
        TcpOutcome::TimedOut | TcpOutcome::HostUnreachable | TcpOutcome::AdminProhibited
    )
}

/// The default number of hops a trace tries.
pub const DEFAULT_MAX_HOPS: u8 = 12;

#[cfg(target_os = "linux")]
async fn probe(dest: SocketAddr, ttl: u8, per_hop: Duration) -> Hop {
    use super::icmp::{self, ErrQueue};
    use super::tcp::TcpOutcome;
    use std::time::Instant;
    use tokio::net::TcpSocket;

    let silent = Hop {
        ttl,
        from: None,
        rtt_ms: None,
        what: HopResult::Silent,
    };
    let v6 = dest.is_ipv6();
    let Ok(socket) = (if v6 {
        TcpSocket::new_v6()
    } else {
        TcpSocket::new_v4()
    }) else {
        return silent;
    };
    // Without a TTL the probe is not a hop probe, and without the queue it cannot name the
    // hop: either failing makes this hop unknowable.
    if icmp::set_hop_limit(&socket, v6, ttl).is_err() {
        return silent;
    }
    let Ok(queue) = ErrQueue::attach(&socket, v6) else {
        return silent;
    };
    let started = Instant::now();
    let result = tokio::time::timeout(per_hop, socket.connect(dest)).await;
    let rtt_ms = Some(u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX));
    match result {
        Ok(Ok(stream)) => {
            // The destination answered; the connection has told us all it can.
            drop(stream);
            Hop {
                ttl,
                from: Some(dest.ip()),
                rtt_ms,
                what: HopResult::Reached,
            }
        }
        Ok(Err(e)) if TcpOutcome::from_io(&e) == TcpOutcome::Refused => Hop {
            ttl,
            from: Some(dest.ip()),
            rtt_ms,
            what: HopResult::Refused,
        },
        Ok(Err(e)) => match queue.read() {
            Some(r) => Hop {
                ttl,
                from: r.offender,
                rtt_ms,
                what: match r.kind {
                    IcmpKind::TimeExceeded => HopResult::TimeExceeded,
                    kind => HopResult::Unreachable(kind),
                },
            },
            // No ICMP to read: a local failure (no route from here) ends the path at once.
            None => match TcpOutcome::from_io(&e) {
                TcpOutcome::NetworkUnreachable => Hop {
                    ttl,
                    from: None,
                    rtt_ms,
                    what: HopResult::Unreachable(IcmpKind::NetUnreachable),
                },
                _ => silent,
            },
        },
        // Looked at once: silence usually means an empty queue, but an ICMP may have come
        // after the connect gave up waiting.
        Err(_) => match queue.read() {
            Some(r) if r.kind == IcmpKind::TimeExceeded => Hop {
                ttl,
                from: r.offender,
                rtt_ms: None,
                what: HopResult::TimeExceeded,
            },
            Some(r) => Hop {
                ttl,
                from: r.offender,
                rtt_ms: None,
                what: HopResult::Unreachable(r.kind),
            },
            None => silent,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(ttl: u8, from: Option<&str>, what: HopResult) -> Hop {
        Hop {
            ttl,
            from: from.map(|s| s.parse().unwrap()),
            rtt_ms: from.map(|_| 1),
            what,
        }
    }

    fn dest() -> SocketAddr {
        "203.0.113.25:25".parse().unwrap()
    }

    #[test]
    fn trims_after_reaching_and_sorts() {
        let t = PathTrace::from_hops(
            dest(),
            vec![
                hop(3, Some("203.0.113.25"), HopResult::Reached),
                hop(2, Some("203.0.113.25"), HopResult::Reached),
                hop(1, Some("198.51.100.1"), HopResult::TimeExceeded),
            ],
        );
        assert_eq!(t.hops.len(), 2);
        assert!(t.reached);
        assert_eq!(t.last_answering, Some("203.0.113.25".parse().unwrap()));
        if cfg!(target_os = "linux") {
            assert_eq!(t.summary(), "reached 203.0.113.25 in 2 hops");
        }
    }

    #[test]
    fn silence_beyond_a_router() {
        let t = PathTrace::from_hops(
            dest(),
            vec![
                hop(1, Some("198.51.100.1"), HopResult::TimeExceeded),
                hop(2, None, HopResult::Silent),
                hop(3, None, HopResult::Silent),
            ],
        );
        assert!(!t.reached);
        assert_eq!(t.hops.len(), 3);
        assert_eq!(t.last_answering, Some("198.51.100.1".parse().unwrap()));
        if cfg!(target_os = "linux") {
            assert_eq!(
                t.summary(),
                "last answer from 198.51.100.1 (hop 1); nothing beyond"
            );
        }
    }

    #[test]
    fn unreachable_ends_the_path() {
        let t = PathTrace::from_hops(
            dest(),
            vec![
                hop(1, Some("198.51.100.1"), HopResult::TimeExceeded),
                hop(
                    2,
                    Some("198.51.100.1"),
                    HopResult::Unreachable(IcmpKind::HostUnreachable),
                ),
                hop(
                    3,
                    Some("198.51.100.1"),
                    HopResult::Unreachable(IcmpKind::HostUnreachable),
                ),
            ],
        );
        assert_eq!(t.hops.len(), 2);
        assert!(!t.reached);
        if cfg!(target_os = "linux") {
            assert_eq!(t.summary(), "host unreachable from 198.51.100.1 (hop 2)");
        }
        // The destination's own ICMP means the packets got there.
        let t = PathTrace::from_hops(
            dest(),
            vec![hop(
                1,
                Some("203.0.113.25"),
                HopResult::Unreachable(IcmpKind::AdminProhibited),
            )],
        );
        assert!(t.reached);
    }

    #[test]
    fn nothing_answered() {
        let t = PathTrace::from_hops(dest(), vec![hop(1, None, HopResult::Silent)]);
        assert_eq!(t.last_answering, None);
        assert!(!t.reached);
        if cfg!(target_os = "linux") {
            assert_eq!(t.summary(), "no answer from the first hop");
        }
    }

    #[test]
    fn serializes() {
        let h = hop(
            2,
            Some("198.51.100.1"),
            HopResult::Unreachable(IcmpKind::HostUnreachable),
        );
        let v = serde_json::to_value(&h).unwrap();
        assert_eq!(v["what"]["result"], "unreachable");
        assert_eq!(v["what"]["icmp"], "host_unreachable");
    }
}
