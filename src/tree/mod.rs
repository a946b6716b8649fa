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
pub mod template;
mod walk;

use std::path::Path;

use serde::Serialize;

pub use walk::{walk, QuestionMode, Walk, WalkState};

/// The embedded default tree's text and the name it is reported under.
pub const EMBEDDED: &str = include_str!("../../assets/tree.toml");
pub const EMBEDDED_ORIGIN: &str = "assets/tree.toml";

/// What a tree may name besides its own nodes: supplied by the signal registry.
pub trait Vocabulary {
    /// The outcomes of signal `name`, or `None` when no such signal exists.
    fn outcomes(&self, name: &str) -> Option<&[&'static str]>;
    /// Whether a conclusion's text may use `{name}`.
    fn placeholder(&self, name: &str) -> bool;
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
    /// Branches on a signal's outcome: `on` maps each outcome to the next node, in file order.
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

/// One problem in a tree file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for TreeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found in a tree file, in file order.
#[derive(Debug, Clone)]
pub struct TreeErrors(pub Vec<TreeError>);

impl std::fmt::Display for TreeErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(|e| e.to_string()).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for TreeErrors {}

impl Tree {
    /// Parses and validates a tree against `vocab`; `origin` names the file in errors.
    pub fn parse_with(
        text: &str,
        origin: &str,
        vocab: &dyn Vocabulary,
    ) -> Result<Tree, TreeErrors> {
        load::parse(text, origin, vocab)
    }

    /// Reads, parses and validates a tree file against `vocab`.
    pub fn load_file_with(path: &Path, vocab: &dyn Vocabulary) -> Result<Tree, TreeErrors> {
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Tree::parse_with(&text, &origin, vocab),
            Err(e) => Err(TreeErrors(vec![TreeError {
                file: origin,
                line: 0,
                column: 0,
                message: format!("cannot read the file: {e}"),
            }])),
        }
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
