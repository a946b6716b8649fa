//! Everything smtp-doctor knows before it checks anything: the decision tree, the provider
//! profiles, the error-message catalogue, the intercepting products and the reference hosts.
//! Each is the embedded default plus what the person's files add (`--tree`, `--profiles`).
//!
//! A catalog is loaded once, when the program starts, and passed in to whatever needs it
//! (the engine, the diagnosis, the wizard): nothing downstream reads a file or a global list.
//! The tree is checked against the signal registry, which lives above this module; so the
//! loading entry points (`Catalog::load`, `Catalog::embedded`) are implemented in
//! `crate::diagnosis::vocabulary`, and this module only offers [`Catalog::load_with`].

use std::path::PathBuf;

use crate::causes::Causes;
use crate::checks::intercept::{self, Interceptor};
use crate::checks::reference::{self, Candidate};
use crate::error_text::{self, KnownCode};
use crate::profiles::{ProfileErrors, Profiles};
use crate::replies::{self, Replies, RuleVocabulary};
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
}

/// The person's own files, as the command line names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFiles {
    /// `--tree FILE`: replaces the embedded tree.
    pub tree: Option<PathBuf>,
    /// `--profiles DIR`: adds profiles or replaces shipped ones.
    pub profiles: Option<PathBuf>,
}

/// Why a catalog could not be loaded: every problem of the part at fault, with its place.
#[derive(Debug, Clone)]
pub enum CatalogError {
    Profiles(ProfileErrors),
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
        let causes = Causes::contract();
        let profiles = match &files.profiles {
            Some(dir) => Profiles::load(Some(dir)).map_err(CatalogError::Profiles)?,
            None => Profiles::embedded()
                .cloned()
                .map_err(|e| CatalogError::Profiles(e.clone()))?,
        };
        let built_in = replies::parse_built_in(rules, &causes).map_err(CatalogError::Tree)?;
        let tree = match &files.tree {
            Some(path) => Tree::load_file_with(path, vocab, &causes),
            None => Tree::parse_with(
                crate::tree::EMBEDDED,
                crate::tree::EMBEDDED_ORIGIN,
                vocab,
                &causes,
            ),
        }
        .map_err(CatalogError::Tree)?;
        Ok(Catalog {
            tree,
            causes,
            profiles,
            replies: Replies::new(Vec::new(), built_in),
            error_codes: error_text::catalogue(),
            interceptors: intercept::interceptors(),
            reference_hosts: reference::built_in(),
        })
    }
}
