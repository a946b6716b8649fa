//! This computer's own network, apart from the mail server: is there a route at all, does
//! the DNS resolver's machine answer (our public address is [`super::whoami`]'s). These tell
//! "offline" and "DNS is down" from a problem at the server, without waiting for every
//! time-out.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::checks::tcp::{self, PortReach};

/// Well-known public addresses used only to ask the kernel for a route: a UDP "connect"
/// sends no packet, it only picks an interface (or fails with "network unreachable").
const ROUTE_PROBES: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::new(9, 9, 9, 9)),
    IpAddr::V6(Ipv6Addr::new(0x2620, 0xfe, 0, 0, 0, 0, 0, 0xfe)),
];

/// Does this computer have a route towards the internet (IPv4, IPv6)?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteCheck {
    pub ipv4: bool,
    pub ipv6: bool,
}

impl RouteCheck {
    pub fn any(self) -> bool {
        self.ipv4 || self.ipv6
    }
}

/// Asks the kernel for a route to a public address of each family; instantaneous.
pub fn route_check() -> RouteCheck {
    let routed = |ip: IpAddr| {
        let local: SocketAddr = match ip {
            IpAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
            IpAddr::V6(_) => (Ipv6Addr::UNSPECIFIED, 0).into(),
        };
        UdpSocket::bind(local)
            .and_then(|s| s.connect(SocketAddr::new(ip, 53)))
            .is_ok()
    };
    RouteCheck {
        ipv4: routed(ROUTE_PROBES[0]),
        ipv6: routed(ROUTE_PROBES[1]),
    }
}

/// Whether the resolvers' machines answer at all, over TCP port 53: an answer (even a
/// refusal) means the network works and only the DNS service is down.
pub async fn resolver_reach(servers: &[SocketAddr], timeout: Duration) -> Vec<PortReach> {
    let probes = servers.iter().map(|s| async move {
        let (reach, stream) = tcp::connect_any(&[s.ip()], s.port(), timeout).await;
        drop(stream);
        reach
    });
    futures::future::join_all(probes).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_refusing_resolver_machine_counts_as_reachable() {
        // Nothing listens on this loopback port: the machine answers with a reset.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        drop(listener);
        let reach = resolver_reach(&[addr], Duration::from_secs(2)).await;
        assert_eq!(reach.len(), 1);
        assert_eq!(reach[0].outcome(), crate::checks::tcp::TcpOutcome::Refused);
    }
}
