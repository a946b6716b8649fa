//! The reference host: another machine known to accept connections on a mail port. When a
//! port fails towards the person's server, the same port towards the reference tells a
//! block on this network (fails there too) from a problem at the server (works there).
//!
//! Order of choice (per port, the first candidate known to listen on it, resolving to a
//! machine other than the server): `--reference HOST`; the provider's submission server;
//! the domain's MX host (port 25 only); a built-in list of well-known hosts.

use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::tcp::{self, PortReach, TcpOutcome};

/// Where a reference host came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceSource {
    /// `--reference HOST`
    Option,
    /// The provider's submission server.
    Provider,
    /// The domain's MX host.
    Mx,
    /// The built-in list (assets/reference-hosts.toml).
    BuiltIn,
}

/// A host that may serve as reference, with the ports it is known to listen on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub host: String,
    pub source: ReferenceSource,
    pub ports: Vec<u16>,
}

/// One port knocked on at a reference host.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RefPort {
    pub port: u16,
    pub host: String,
    pub source: ReferenceSource,
    pub reach: PortReach,
}

impl RefPort {
    pub fn outcome(&self) -> TcpOutcome {
        self.reach.outcome()
    }

    /// Did the network carry this port to the reference? A reset counts only as long as
    /// the reference is known to listen there; then it came from something on the way.
    pub fn got_through(&self) -> bool {
        self.outcome() == TcpOutcome::Open
    }
}

/// Every reference port tested in this run (empty: no reference could be found).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReferenceCheck {
    pub ports: Vec<RefPort>,
}

impl ReferenceCheck {
    pub fn port(&self, port: u16) -> Option<&RefPort> {
        self.ports.iter().find(|p| p.port == port)
    }

    /// Did any port reach any reference host? Then this computer is online.
    pub fn any_through(&self) -> bool {
        self.ports.iter().any(RefPort::got_through)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltInFile {
    host: Vec<BuiltIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltIn {
    name: String,
    ports: Vec<u16>,
    #[allow(dead_code)]
    source: String,
}

/// The built-in list (`assets/reference-hosts.toml`); a unit test proves it parses.
pub fn built_in() -> &'static [Candidate] {
    static LIST: OnceLock<Vec<Candidate>> = OnceLock::new();
    LIST.get_or_init(|| {
        toml::from_str::<BuiltInFile>(include_str!("../../assets/reference-hosts.toml"))
            .map(|f| {
                f.host
                    .into_iter()
                    .map(|h| Candidate {
                        host: h.name,
                        source: ReferenceSource::BuiltIn,
                        ports: h.ports,
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Knocks once on `port` at `candidate`, already looked up to `addrs` (the choice of the
/// candidate is [`crate::engine::reference`]'s).
pub async fn knock(
    candidate: &Candidate,
    addrs: &[IpAddr],
    port: u16,
    timeout: Duration,
) -> RefPort {
    let (reach, stream) = tcp::connect_any(addrs, port, timeout).await;
    drop(stream);
    RefPort {
        port,
        host: candidate.host.clone(),
        source: candidate.source,
        reach,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_list_parses_and_names_ports() {
        let list = built_in();
        assert!(list.len() >= 3);
        for c in list {
            assert!(!c.ports.is_empty(), "{}", c.host);
        }
        // Every standard port has at least one built-in reference.
        for port in [587, 465, 25] {
            assert!(list.iter().any(|c| c.ports.contains(&port)), "{port}");
        }
    }
}
