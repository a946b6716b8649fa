//! The root-cause codes of the contract (`assets/causes.toml`, a copy of the shared spec),
//! followed by this program's own extension codes (`assets/causes-ext.toml`).

use std::sync::OnceLock;

use serde::Deserialize;

const CAUSES_TOML: &str = include_str!("../assets/causes.toml");
/// Codes added beyond the contract (server mode); never the same as a contract code.
const CAUSES_EXT_TOML: &str = include_str!("../assets/causes-ext.toml");

/// A cause code and its technical definition.
#[derive(Debug, Clone, Deserialize)]
pub struct CauseDef {
    pub code: String,
    pub meaning: String,
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

pub fn is_known(code: &str) -> bool {
    all().iter().any(|c| c.code == code)
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
}
