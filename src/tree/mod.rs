//! The decision tree: a technician's flow as data (`assets/tree.toml`, embedded; replaceable
//! with `--tree FILE`). Check nodes branch on a signal's outcome, question nodes ask the
//! person (or take their default in `check` mode), conclusion nodes name a cause with its
//! plain-language wording and fix steps, and end nodes stop the walk.
//!
//! Loading keeps the source text, so every problem is reported as `file:line:column`.
//!
//! A tree is checked against a [`Vocabulary`]: the signals, their outcomes and the
//! placeholders that exist. The vocabulary is the signal registry of
//! `crate::diagnosis::signals`, which sits above this module; so the entry points that load a
//! tree against it (`Tree::parse`, `Tree::load_file`, `Tree::embedded`) are implemented in
//! `crate::diagnosis::vocabulary`, and nothing here imports upwards.

mod load;
mod merge;
pub mod template;
mod walk;

use std::path::Path;

use serde::Serialize;

use crate::causes::Causes;

pub use walk::{walk, Answer, QuestionMode, Walk, WalkState};

/// The embedded default tree's text and the name it is reported under.
pub const EMBEDDED: &str = include_str!("../../assets/tree.toml");
pub const EMBEDDED_ORIGIN: &str = "assets/tree.toml";

/// What a tree may name besides its own nodes: supplied by the signal registry.
pub trait Vocabulary {
    /// The outcomes of signal `name`, or `None` when no such signal exists.
    fn outcomes(&self, name: &str) -> Option<&[&'static str]>;
    /// Whether a conclusion's text may use `{name}`.
    fn placeholder(&self, name: &str) -> bool;
    /// Whether the signal reads server replies, so that its branches may also be keyed by
    /// the cause codes reply rules name (taken before the outcome's branch).
    fn branches_on_causes(&self, name: &str) -> bool;
}

/// Which of the wizard's three steps shows a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Settings,
    Network,
    Server,
}

impl Step {
    pub fn label(self) -> &'static str {
        match self {
            Step::Settings => "Your settings",
            Step::Network => "Your network",
            Step::Server => "The server",
        }
    }

    fn parse(s: &str) -> Option<Step> {
        match s {
            "settings" => Some(Step::Settings),
            "network" => Some(Step::Network),
            "server" => Some(Step::Server),
            _ => None,
        }
    }
}

/// How sure a conclusion is. Ordered so that `Confirmed` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Confirmed,
    Likely,
    Possible,
}

impl Confidence {
    fn parse(s: &str) -> Option<Confidence> {
        match s {
            "confirmed" => Some(Confidence::Confirmed),
            "likely" => Some(Confidence::Likely),
            "possible" => Some(Confidence::Possible),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub next: String,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub text: String,
    pub help: Option<String>,
    pub default: String,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone)]
pub struct Conclusion {
    pub cause: String,
    pub confidence: Confidence,
    pub title: String,
    pub explanation: String,
    pub fix: Vec<String>,
    pub then: Option<String>,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    /// Branches on a signal's outcome: `on` maps each outcome (and, for signals that read
    /// server replies, any cause code a reply rule may name) to the next node, in file order.
    Check {
        signal: String,
        on: Vec<(String, String)>,
    },
    Question(Question),
    Conclusion(Conclusion),
    /// Stops the walk without a conclusion (e.g. after "sending works" and nothing else found).
    End,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub step: Step,
    pub title: String,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub struct Tree {
    start: String,
    nodes: Vec<Node>,
    origin: String,
}

/// A problem in a tree file (or an overlay), and every problem found, in file order.
pub use crate::source::{SourceError as TreeError, SourceErrors as TreeErrors};

impl Tree {
    /// Parses and validates a tree against `vocab` and the cause codes `causes`; `origin`
    /// names the file in errors.
    pub fn parse_with(
        text: &str,
        origin: &str,
        vocab: &dyn Vocabulary,
        causes: &Causes,
    ) -> Result<Tree, TreeErrors> {
        merge::merge(
            &crate::source::Source::new(origin, text),
            &[],
            vocab,
            causes,
        )
    }

    /// Parses and validates the base tree alone, then merges the overlays over it (in
    /// order) and validates the result (see `merge` for the rules of merging).
    pub fn merge_with(
        base: &crate::source::Source,
        overlays: &[crate::source::Source],
        vocab: &dyn Vocabulary,
        causes: &Causes,
    ) -> Result<Tree, TreeErrors> {
        merge::merge(base, overlays, vocab, causes)
    }

    /// Reads, parses and validates a tree file against `vocab` and `causes`.
    pub fn load_file_with(
        path: &Path,
        vocab: &dyn Vocabulary,
        causes: &Causes,
    ) -> Result<Tree, TreeErrors> {
        let source = crate::source::Source::read(path).map_err(|e| TreeErrors(vec![e]))?;
        Tree::parse_with(&source.text, &source.origin, vocab, causes)
    }

    pub fn start(&self) -> Option<&Node> {
        self.node(&self.start)
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter()
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }
}
