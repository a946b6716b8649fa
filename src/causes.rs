//! The root-cause codes of the contract (`assets/causes.toml`, a copy of the shared spec).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CAUSES_TOML: &str = include_str!("../assets/causes.toml");

/// A cause code and its technical definition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CauseDef {
    pub code: String,
    pub meaning: String,
    /// Who acts on it; only host-declared codes say (the contract's go by family).
    #[serde(skip)]
    pub who_acts: Option<Actor>,
}

#[derive(Deserialize)]
struct CauseFile {
    cause: Vec<CauseDef>,
}

/// Every cause code, in the order of the contract.
pub fn all() -> &'static [CauseDef] {
    static CAUSES: OnceLock<Vec<CauseDef>> = OnceLock::new();
    CAUSES.get_or_init(|| {
        // The file is embedded at build time and checked by a test, so failing here is a build defect.
        toml::from_str::<CauseFile>(CAUSES_TOML)
            .map(|f| f.cause)
            .unwrap_or_default()
    })
}

/// Whether `code` is a cause code of the contract.
pub fn is_known(code: &str) -> bool {
    all().iter().any(|c| c.code == code)
}

/// Who must act to remove a cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// Nothing to do (sending works).
    Nobody,
    /// The person at this computer: their settings, their account.
    Person,
    /// The organisation's e-mail or domain administrator.
    Administrator,
    /// The email host: its server, firewall or certificate. The wizard then shows what to
    /// tell the host.
    Host,
    /// Whoever runs this network (office IT, the internet provider).
    Network,
}

impl Actor {
    pub fn parse(s: &str) -> Option<Actor> {
        match s {
            "nobody" => Some(Actor::Nobody),
            "person" => Some(Actor::Person),
            "administrator" => Some(Actor::Administrator),
            "host" => Some(Actor::Host),
            "network" => Some(Actor::Network),
            _ => None,
        }
    }

    /// Who acts on a cause of the contract, by its family: the client's settings are the
    /// person's, the server's faults (and the unknown ones, which only its logs can tell)
    /// the host's, this network's blocks its operator's.
    pub fn of_contract(code: &str) -> Actor {
        match code {
            "network.offline" | "network.tls_intercepted" | "network.ipv6_path_broken" => {
                Actor::Person
            }
            "reputation.client_ip_listed" => Actor::Host,
            _ => match code.split('.').next().unwrap_or("") {
                "ok" => Actor::Nobody,
                "config" => Actor::Person,
                "network" => Actor::Network,
                "server" | "unknown" => Actor::Host,
                _ => Actor::Administrator,
            },
        }
    }
}

/// The cause codes a catalog may name: the contract's, plus those a host declares in its
/// overlay files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Causes {
    declared: Vec<CauseDef>,
}

impl Causes {
    /// The contract's codes only.
    pub fn contract() -> Causes {
        Causes::default()
    }

    /// Whether `code` is the contract's or declared.
    pub fn is_known(&self, code: &str) -> bool {
        is_known(code) || self.declared.iter().any(|c| c.code == code)
    }

    /// The codes declared by a host, in the order declared.
    pub fn declared(&self) -> &[CauseDef] {
        &self.declared
    }

    /// Who acts on `code`: as declared, else by the contract's families.
    pub fn who_acts(&self, code: &str) -> Actor {
        self.declared
            .iter()
            .find(|c| c.code == code)
            .and_then(|c| c.who_acts)
            .unwrap_or_else(|| Actor::of_contract(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_causes_parse_and_match_the_shared_spec() {
        assert!(all().len() >= 30, "causes.toml did not parse");
        assert!(is_known("ok.sending_works"));
        assert!(!is_known("nope"));
        for c in all() {
            let _ = Actor::of_contract(&c.code);
        }
        // When the shared spec sits beside the repository (CI and developers), the copy must equal it.
        let spec =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/causes.toml");
        if let Ok(text) = std::fs::read_to_string(spec) {
            assert_eq!(
                text, CAUSES_TOML,
                "assets/causes.toml differs from ../shared/spec/causes.toml"
            );
        }
    }

    /// The causes whose fix is at the email host: they get the "Tell your email host" box.
    #[test]
    fn host_causes() {
        assert_eq!(Actor::of_contract("server.cert_expired"), Actor::Host);
        assert_eq!(Actor::of_contract("unknown.needs_server_side"), Actor::Host);
        assert_eq!(
            Actor::of_contract("reputation.client_ip_listed"),
            Actor::Host
        );
        assert_ne!(
            Actor::of_contract("reputation.server_ip_listed"),
            Actor::Host
        );
        assert_ne!(Actor::of_contract("config.wrong_port"), Actor::Host);
        assert_eq!(Actor::of_contract("ok.sending_works"), Actor::Nobody);
        assert_eq!(
            Actor::of_contract("network.outbound_port_blocked"),
            Actor::Network
        );
        assert_eq!(Actor::of_contract("network.offline"), Actor::Person);
    }
}
