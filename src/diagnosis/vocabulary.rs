//! The signal registry as the tree's [`Vocabulary`], and the loading entry points that check
//! against it. `Tree` and `Catalog` are defined below `diagnosis` (so that they import nothing
//! above them); their constructors that need the registry are implemented here.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::signals;
use crate::catalog::{Catalog, CatalogError, CatalogFiles};
use crate::causes::Causes;
use crate::replies::{RuleVocabulary, Stage};
use crate::tree::{Tree, TreeErrors, Vocabulary};

/// The registry of `diagnosis::signals`, as a tree file sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Registry;

impl Vocabulary for Registry {
    fn outcomes(&self, name: &str) -> Option<&[&'static str]> {
        signals::find(name).map(|s| s.outcomes)
    }

    fn placeholder(&self, name: &str) -> bool {
        signals::placeholder(name).is_some()
    }

    fn branches_on_causes(&self, name: &str) -> bool {
        signals::find(name).is_some_and(|s| !s.reads.is_empty())
    }
}

impl RuleVocabulary for Registry {
    fn stage_outcomes(&self, stage: Stage) -> &[&'static str] {
        signals::reading(stage).map_or(&[], |s| s.outcomes)
    }
}

impl Tree {
    /// Parses and validates a tree against the signal registry; `origin` names the file in
    /// errors.
    pub fn parse(text: &str, origin: &str) -> Result<Tree, TreeErrors> {
        Tree::parse_with(text, origin, &Registry, &Causes::contract())
    }

    /// Reads, parses and validates a tree file against the signal registry.
    pub fn load_file(path: &Path) -> Result<Tree, TreeErrors> {
        Tree::load_file_with(path, &Registry, &Causes::contract())
    }

    /// The embedded default tree (a test proves it valid).
    pub fn embedded() -> Result<&'static Tree, &'static TreeErrors> {
        static TREE: OnceLock<Result<Tree, TreeErrors>> = OnceLock::new();
        TREE.get_or_init(|| Tree::parse(crate::tree::EMBEDDED, crate::tree::EMBEDDED_ORIGIN))
            .as_ref()
    }
}

impl Catalog {
    /// The embedded defaults plus the person's `files`, the tree checked against the registry.
    pub fn load(files: &CatalogFiles) -> Result<Catalog, CatalogError> {
        Catalog::load_with(files, &Registry, &Registry)
    }

    /// [`Catalog::load`] with the wording in `lang` (see `Catalog::load_in`).
    pub fn load_lang(
        files: &CatalogFiles,
        lang: crate::i18n::Lang,
    ) -> Result<Catalog, CatalogError> {
        Catalog::load_in(files, lang, &Registry, &Registry)
    }

    /// The embedded catalog in `lang`, built once per language and shared.
    pub fn embedded_in(lang: crate::i18n::Lang) -> Result<Arc<Catalog>, CatalogError> {
        use std::collections::BTreeMap;
        use std::sync::Mutex;
        type Cache = Mutex<BTreeMap<crate::i18n::Lang, Result<Arc<Catalog>, CatalogError>>>;
        static ALL: OnceLock<Cache> = OnceLock::new();
        if lang == crate::i18n::Lang::En {
            return Catalog::embedded();
        }
        let mut map = ALL
            .get_or_init(|| Mutex::new(BTreeMap::new()))
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(lang)
            .or_insert_with(|| Catalog::load_lang(&CatalogFiles::default(), lang).map(Arc::new))
            .clone()
    }

    /// The embedded catalog alone, built once and shared. A test proves it valid, so the
    /// error arm is a build defect.
    pub fn embedded() -> Result<Arc<Catalog>, CatalogError> {
        static EMBEDDED: OnceLock<Result<Arc<Catalog>, CatalogError>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Catalog::load(&CatalogFiles::default()).map(Arc::new))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A translated tree that does not pass the checks (here: a node's route broken) is not
    /// used: the tree stays English and the catalog says so; the other files are translated.
    #[test]
    fn a_translated_tree_that_fails_validation_stays_english() {
        use crate::i18n::{self, Lang};
        let marker = "Übersetzt";
        let translate = |source: i18n::Source, _prefix: &str, text: &str| {
            let mut doc: toml::Table = toml::from_str(text).ok()?;
            if source == i18n::Source::Tree {
                // Every conclusion's title translated, and the start node pointed nowhere.
                doc.insert("start".into(), toml::Value::String("no_such_node".into()));
                if let Some(toml::Value::Table(nodes)) = doc.get_mut("node") {
                    for (_, node) in nodes.iter_mut() {
                        if let Some(title) = node.get_mut("title") {
                            let english = title.as_str().unwrap_or_default().to_string();
                            *title = toml::Value::String(format!("{marker} {english}"));
                        }
                    }
                }
            }
            Some(doc)
        };
        let files = CatalogFiles::default();
        let c = Catalog::load_translated(&files, Lang::De, &translate, &Registry, &Registry)
            .expect("the English catalog loads");
        assert_eq!(c.fell_back, ["tree"]);
        assert_eq!(c.lang, Lang::De);
        assert!(c.tree.nodes().all(|n| !format!("{n:?}").contains(marker)));
        // The same translation without the broken route is used.
        let fine = |source: i18n::Source, prefix: &str, text: &str| {
            let mut doc = translate(source, prefix, text)?;
            if source == i18n::Source::Tree {
                let english: toml::Table = toml::from_str(text).ok()?;
                doc.insert("start".into(), english.get("start")?.clone());
            }
            Some(doc)
        };
        let c = Catalog::load_translated(&files, Lang::De, &fine, &Registry, &Registry)
            .expect("catalog");
        assert!(c.fell_back.is_empty(), "{:?}", c.fell_back);
        assert!(c.tree.nodes().any(|n| format!("{n:?}").contains(marker)));
    }

    /// Every language's translation of the tree, the profiles and the error catalogue
    /// passes the checks the English passes (a file that does not is shown in English).
    #[test]
    fn every_language_translates_the_catalog_without_falling_back() {
        let mut fell_back = Vec::new();
        for lang in crate::i18n::Lang::ALL {
            let c = Catalog::embedded_in(lang).expect("catalog");
            assert_eq!(c.lang, lang);
            for f in &c.fell_back {
                fell_back.push(format!("{lang}: {f}"));
            }
        }
        assert!(fell_back.is_empty(), "shown in English: {fell_back:?}");
    }

    #[test]
    fn the_embedded_catalog_loads() {
        let c = Catalog::embedded().expect("embedded catalog");
        assert!(c.tree.nodes().count() > 50);
        assert!(c.profiles.len() > 20);
        assert!(!c.error_codes.is_empty());
        assert!(!c.interceptors.is_empty());
        assert!(!c.reference_hosts.is_empty());
    }
}
