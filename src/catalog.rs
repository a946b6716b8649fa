//! Everything smtp-doctor knows before it checks anything: the decision tree, the cause
//! codes, the provider profiles, the reply rules, the error-message catalogue, the
//! intercepting products and the reference hosts. Each is the embedded default plus what
//! the person's (or their host's) files add: `--tree` replaces the tree, `--tree-extra`
//! overlays extend it (nodes, re-routed branches, reply rules, `host.*` cause codes),
//! `--profiles` adds profiles.
//!
//! A catalog is loaded once, when the program starts, and passed in to whatever needs it
//! (the engine, the diagnosis, the wizard): nothing downstream reads a file or a global list.
//! The tree is checked against the signal registry, which lives above this module; so the
//! loading entry points (`Catalog::load`, `Catalog::embedded`) are implemented in
//! `crate::diagnosis::vocabulary`, and this module only offers [`Catalog::load_with`].

use std::path::PathBuf;

use crate::causes::{self, Causes};
use crate::checks::intercept::{self, Interceptor};
use crate::checks::reference::{self, Candidate};
use crate::error_text::{self, KnownCode};
use crate::i18n::{self, Lang};
use crate::profiles::{ProfileErrors, Profiles};
use crate::replies::{self, Replies, RuleVocabulary};
use crate::source::{Source, SourceError};
use crate::tree::{Tree, TreeErrors, Vocabulary};

/// The rules and lists a diagnosis applies.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub tree: Tree,
    /// The cause codes a conclusion or a reply rule may name.
    pub causes: Causes,
    pub profiles: Profiles,
    /// The reply rules besides the profiles' (`assets/replies.toml`, a host's own).
    pub replies: Replies,
    /// Error numbers and message texts of mail programs (`assets/error-codes.toml`).
    pub error_codes: &'static [KnownCode],
    /// Products that intercept TLS (`assets/interceptors.toml`).
    pub interceptors: &'static [Interceptor],
    /// Well-known hosts that accept connections on the mail ports
    /// (`assets/reference-hosts.toml`).
    pub reference_hosts: &'static [Candidate],
    /// The language of its wording (the tree's sentences, the error meanings, the profiles'
    /// notes): the person's, or English where that language's translation of a file did not
    /// pass the checks (see `fell_back`).
    pub lang: Lang,
    /// The files whose translation did not pass the same checks as the English and are
    /// shown in English instead (a translation defect; the tests list them).
    pub fell_back: Vec<&'static str>,
}

/// The person's own files, as the command line names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFiles {
    /// `--tree FILE`: replaces the embedded tree.
    pub tree: Option<PathBuf>,
    /// `--tree-extra FILE` (repeatable): overlays merged over the tree, in this order.
    pub tree_extra: Vec<PathBuf>,
    /// `--profiles DIR`: adds profiles or replaces shipped ones.
    pub profiles: Option<PathBuf>,
}

/// Why a catalog could not be loaded: every problem of the part at fault, with its place.
#[derive(Debug, Clone)]
pub enum CatalogError {
    Profiles(ProfileErrors),
    /// The tree, the overlays (their nodes, causes and reply rules) or the built-in rules.
    Tree(TreeErrors),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Profiles(e) => e.fmt(f),
            CatalogError::Tree(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// Loads the embedded defaults plus `files`, checking the tree against `vocab` and the
    /// reply rules against `rules`. Profiles are read first: their problems are reported
    /// before the tree's.
    pub fn load_with(
        files: &CatalogFiles,
        vocab: &dyn Vocabulary,
        rules: &dyn RuleVocabulary,
    ) -> Result<Catalog, CatalogError> {
        let profiles = match &files.profiles {
            Some(dir) => Profiles::load(Some(dir)).map_err(CatalogError::Profiles)?,
            None => Profiles::embedded()
                .cloned()
                .map_err(|e| CatalogError::Profiles(e.clone()))?,
        };
        let mut errors: Vec<SourceError> = Vec::new();
        let base = match &files.tree {
            Some(path) => {
                Source::read(path).map_err(|e| CatalogError::Tree(TreeErrors(vec![e])))?
            }
            None => Source::new(crate::tree::EMBEDDED_ORIGIN, crate::tree::EMBEDDED),
        };
        let overlays: Vec<Source> = files
            .tree_extra
            .iter()
            .filter_map(|path| Source::read(path).map_err(|e| errors.push(e)).ok())
            .collect();
        // The host's cause codes first: conclusions and reply rules may name them. (A file
        // that is not TOML is reported once, by the tree's loader.)
        let mut declared = Vec::new();
        for o in &overlays {
            if let Some(item) = o
                .toml()
                .ok()
                .as_ref()
                .and_then(|d| d.as_table().get("cause"))
            {
                let mut more = causes::declare(o, item, &declared, &mut errors);
                declared.append(&mut more);
            }
        }
        let causes = Causes::with_declared(declared);
        let built_in = replies::parse_built_in(rules, &causes).map_err(CatalogError::Tree)?;
        let mut host_rules = Vec::new();
        for o in &overlays {
            if let Some(item) = o
                .toml()
                .ok()
                .as_ref()
                .and_then(|d| d.as_table().get("reply"))
            {
                host_rules.append(&mut replies::rules_from(
                    o,
                    item,
                    rules,
                    &causes,
                    &mut errors,
                ));
            }
        }
        let tree = match Tree::merge_with(&base, &overlays, vocab, &causes) {
            Ok(tree) => Some(tree),
            Err(TreeErrors(mut e)) => {
                errors.append(&mut e);
                None
            }
        };
        let Some(tree) = tree.filter(|_| errors.is_empty()) else {
            // By file (the tree, then the overlays in order), then by place.
            errors.sort_by_key(|e| {
                (
                    file_rank(&base, &files.tree_extra, &e.file),
                    e.line,
                    e.column,
                )
            });
            return Err(CatalogError::Tree(TreeErrors(errors)));
        };
        Ok(Catalog {
            tree,
            causes,
            profiles,
            replies: Replies::new(host_rules, built_in),
            error_codes: error_text::catalogue(),
            interceptors: intercept::interceptors(),
            reference_hosts: reference::built_in(),
            lang: Lang::En,
            fell_back: Vec::new(),
        })
    }

    /// [`Catalog::load_with`] with the wording in `lang`. The English catalog is loaded and
    /// checked first (its problems are the person's, reported as always); then each
    /// translated file must pass the same checks (the tree its validation, the profiles and
    /// the error catalogue theirs), or that file stays English, so that a bad translation
    /// cannot reach the screen. Only sentences whose English is the reference English are
    /// translated: a `--tree` file or an overlay with its own words keeps them.
    pub fn load_in(
        files: &CatalogFiles,
        lang: Lang,
        vocab: &dyn Vocabulary,
        rules: &dyn RuleVocabulary,
    ) -> Result<Catalog, CatalogError> {
        let translate = |source: i18n::Source, prefix: &str, text: &str| {
            i18n::wording::translate_document(source, prefix, text, lang)
        };
        Catalog::load_translated(files, lang, &translate, vocab, rules)
    }

    /// [`Catalog::load_in`] with the documents translated by `translate` (source, id prefix,
    /// English text → translated table; `None`: that file stays English).
    pub(crate) fn load_translated(
        files: &CatalogFiles,
        lang: Lang,
        translate: &Translate,
        vocab: &dyn Vocabulary,
        rules: &dyn RuleVocabulary,
    ) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::load_with(files, vocab, rules)?;
        if lang == Lang::En {
            return Ok(catalog);
        }
        catalog.lang = lang;
        match translated_tree(files, translate).and_then(|(base, overlays)| {
            Tree::merge_with(&base, &overlays, vocab, &catalog.causes).ok()
        }) {
            Some(tree) => catalog.tree = tree,
            None => catalog.fell_back.push("tree"),
        }
        match translated_profiles(files, translate) {
            Some(Ok(p)) => catalog.profiles = p,
            _ => catalog.fell_back.push("profiles"),
        }
        match error_text::codes::translated(lang) {
            Some(codes) => catalog.error_codes = codes,
            None => catalog.fell_back.push("error-codes"),
        }
        Ok(catalog)
    }
}

/// Translates one wording document: (source, id prefix, English text) → its table.
pub(crate) type Translate<'a> = dyn Fn(i18n::Source, &str, &str) -> Option<toml::Table> + 'a;

/// The profiles with the shipped ones' notes in `lang` (a `--profiles` directory's own
/// profiles keep their words); `None` when a translated file is not TOML.
fn translated_profiles(
    files: &CatalogFiles,
    translate: &Translate,
) -> Option<Result<Profiles, crate::profiles::ProfileErrors>> {
    let mut shipped: Vec<(&str, String)> = Vec::new();
    for (name, text) in crate::profiles::EMBEDDED_FILES {
        let prefix = i18n::english::profile_prefix(name.trim_end_matches(".toml"));
        let doc = translate(i18n::Source::Profile, &prefix, text)?;
        shipped.push((name, toml::to_string(&doc).ok()?));
    }
    let shipped: Vec<(&str, &str)> = shipped.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Some(Profiles::load_shipped_as(
        &shipped,
        files.profiles.as_deref(),
    ))
}

/// The tree and its overlays with their sentences in `lang` (re-written as TOML: positions
/// in messages refer to the translated text, which is why the English is checked first).
fn translated_tree(files: &CatalogFiles, translate: &Translate) -> Option<(Source, Vec<Source>)> {
    let translate = |s: &Source| -> Option<Source> {
        let doc = translate(i18n::Source::Tree, "tree", &s.text)?;
        Some(Source::new(s.origin.clone(), toml::to_string(&doc).ok()?))
    };
    let base = match &files.tree {
        Some(path) => Source::read(path).ok()?,
        None => Source::new(crate::tree::EMBEDDED_ORIGIN, crate::tree::EMBEDDED),
    };
    let mut overlays = Vec::new();
    for path in &files.tree_extra {
        overlays.push(translate(&Source::read(path).ok()?)?);
    }
    Some((translate(&base)?, overlays))
}

/// The place of a file in the order of loading: the tree, then each overlay.
fn file_rank(base: &Source, overlays: &[PathBuf], file: &str) -> usize {
    if file == base.origin {
        return 0;
    }
    overlays
        .iter()
        .position(|p| p.display().to_string() == file)
        .map_or(usize::MAX, |i| i + 1)
}
