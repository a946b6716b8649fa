//! The root-cause codes of the contract (`assets/causes.toml`, a copy of the shared spec).

use std::sync::OnceLock;

use serde::Deserialize;

const CAUSES_TOML: &str = include_str!("../assets/causes.toml");

/// A cause code and its technical definition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CauseDef {
    pub code: String,
    pub meaning: String,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_causes_parse_and_match_the_shared_spec() {
        assert!(all().len() >= 30, "causes.toml did not parse");
        assert!(is_known("ok.sending_works"));
        assert!(!is_known("nope"));
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
}
