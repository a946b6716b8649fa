//! The decision tree: a technician's flow as data (`assets/tree.toml`, embedded; replaceable
//! with `--tree FILE`). Check nodes branch on a signal's outcome, question nodes ask the
//! person (or take their default in `check` mode), conclusion nodes name a cause with its
//! plain-language wording and fix steps, and end nodes stop the walk.
//!
//! Loading keeps the source text, so every problem is reported as `file:line:column`.

mod load;
pub mod template;
mod walk;

use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;

pub use walk::{walk, QuestionMode, Walk, WalkState};

const EMBEDDED: &str = include_str!("../../assets/tree.toml");

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
    /// The embedded default tree (a test proves it valid).
    pub fn embedded() -> Result<&'static Tree, &'static TreeErrors> {
        static TREE: OnceLock<Result<Tree, TreeErrors>> = OnceLock::new();
        TREE.get_or_init(|| Tree::parse(EMBEDDED, "assets/tree.toml"))
            .as_ref()
    }

    /// Parses and validates a tree; `origin` names the file in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Tree, TreeErrors> {
        load::parse(text, origin)
    }

    pub fn load_file(path: &Path) -> Result<Tree, TreeErrors> {
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Tree::parse(&text, &origin),
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
