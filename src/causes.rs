//! The root-cause codes of the contract (`assets/causes.toml`, a copy of the shared spec),
//! followed by this program's own extension codes (`assets/causes-ext.toml`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use toml_edit::{Item, TableLike};

use crate::source::{start_of, Source, SourceError};

const CAUSES_TOML: &str = include_str!("../assets/causes.toml");
/// Codes added beyond the contract (server mode); never the same as a contract code.
const CAUSES_EXT_TOML: &str = include_str!("../assets/causes-ext.toml");

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

fn parse(text: &str) -> Vec<CauseDef> {
    // The files are embedded at build time and checked by a test, so failing here is a build defect.
    toml::from_str::<CauseFile>(text)
        .map(|f| f.cause)
        .unwrap_or_default()
}

/// Every cause code: the contract's, in its order, then the extensions.
pub fn all() -> &'static [CauseDef] {
    static CAUSES: OnceLock<Vec<CauseDef>> = OnceLock::new();
    CAUSES.get_or_init(|| {
        let mut all = parse(CAUSES_TOML);
        all.extend(parse(CAUSES_EXT_TOML));
        all
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

    /// The contract's codes and `declared` (read by [`declare`]).
    pub fn with_declared(declared: Vec<CauseDef>) -> Causes {
        Causes { declared }
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

/// The namespace of a host's own cause codes.
pub const HOST_PREFIX: &str = "host.";

/// Reads the `[[cause]]` tables of a host's overlay (`item`, from `source`): each declares a
/// code `host.NAME` with its `meaning` and who acts on it (`who_acts`: person,
/// administrator, host, network or nobody). `earlier` are the codes declared before (in
/// other overlays); a code declared twice, or one of the contract's, is an error.
pub fn declare(
    source: &Source,
    item: &Item,
    earlier: &[CauseDef],
    errors: &mut Vec<SourceError>,
) -> Vec<CauseDef> {
    let Some(tables) = item.as_array_of_tables() else {
        errors.push(source.error(start_of(item.span()), "causes must be `[[cause]]` tables"));
        return Vec::new();
    };
    let mut out: Vec<CauseDef> = Vec::new();
    for t in tables {
        let at = start_of(t.span());
        if let Some(c) = one(source, t, at, errors) {
            if is_known(&c.code) {
                errors.push(source.error(
                    at,
                    format!("`{}` is a cause code of the contract: a host declares its own under `{HOST_PREFIX}`", c.code),
                ));
            } else if earlier.iter().chain(&out).any(|d| d.code == c.code) {
                errors.push(source.error(at, format!("cause `{}` is declared twice", c.code)));
            } else {
                out.push(c);
            }
        }
    }
    out
}

fn one(
    source: &Source,
    t: &dyn TableLike,
    at: usize,
    errors: &mut Vec<SourceError>,
) -> Option<CauseDef> {
    let before = errors.len();
    let mut err = |at: usize, m: String| errors.push(source.error(at, m));
    for (key, _) in t.iter() {
        if !["code", "meaning", "who_acts"].contains(&key) {
            let kat = start_of(t.key(key).and_then(toml_edit::Key::span));
            err(
                kat,
                format!("unknown key `{key}` in a cause (allowed: code, meaning, who_acts)"),
            );
        }
    }
    let mut text = |key: &str| {
        if let Some(item) = t.get(key) {
            match item.as_str() {
                Some(s) if !s.trim().is_empty() => Some((s.to_string(), start_of(item.span()))),
                _ => {
                    err(
                        start_of(item.span()),
                        format!("`{key}` must be a non-empty string"),
                    );
                    None
                }
            }
        } else {
            err(at, format!("missing `{key}`"));
            None
        }
    };
    let code = text("code");
    let meaning = text("meaning");
    let who = text("who_acts");
    let mut err = |at: usize, m: String| errors.push(source.error(at, m));
    if let Some((c, cat)) = &code {
        let name = c.strip_prefix(HOST_PREFIX).unwrap_or("");
        let well_formed = !name.is_empty()
            && name.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            });
        if !well_formed && !is_known(c) {
            err(
                *cat,
                format!("`{c}` is not a host's cause code: those are `{HOST_PREFIX}` and lower-case letters, digits and `_` (e.g. `host.billing_suspended`)"),
            );
        }
    }
    let who_acts = who.and_then(|(w, wat)| {
        let parsed = Actor::parse(&w);
        if parsed.is_none() {
            err(
                wat,
                format!(
                    "unknown `who_acts` `{w}` (person, administrator, host, network or nobody)"
                ),
            );
        }
        parsed
    });
    if errors.len() > before {
        return None;
    }
    Some(CauseDef {
        code: code?.0,
        meaning: meaning?.0,
        who_acts,
    })
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

    #[test]
    fn extensions_parse_and_never_reuse_a_contract_code() {
        let contract = parse(CAUSES_TOML);
        let ext = parse(CAUSES_EXT_TOML);
        assert!(ext.len() >= 6, "causes-ext.toml did not parse");
        for e in &ext {
            assert!(
                contract.iter().all(|c| c.code != e.code),
                "{} is already a contract code",
                e.code
            );
            assert!(is_known(&e.code));
            assert!(!e.meaning.is_empty());
        }
        let mut codes: Vec<&str> = all().iter().map(|c| c.code.as_str()).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "a cause code appears twice");
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
