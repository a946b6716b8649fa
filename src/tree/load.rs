//! Reading and validating a tree file: its nodes, their fields and the graph they form.
//! toml_edit keeps byte spans of keys and values, which become `file:line:column` in every
//! error. All problems are collected, not just the first. `super::merge` runs it over the
//! base tree and the overlays. Each node, by kind, is read in `node`.

mod node;

use std::collections::{BTreeMap, BTreeSet};

use toml_edit::{Item, Table, TableLike};

use crate::causes::Causes;
use crate::source::{start_of, Source, SourceError};

use super::{Node, TreeErrors, Vocabulary};

pub(super) use node::node;

/// The top-level keys of an overlay.
pub(super) const OVERLAY_KEYS: &[&str] = &["node", "cause", "reply"];

/// The edge key of a conclusion's `then`.
pub(super) const THEN: &str = "then";

/// A place: (index of the file, byte offset in it).
pub(super) type At = (usize, usize);

/// A reference from one node to another.
pub(super) struct Edge {
    pub(super) from: String,
    /// The branch (outcome or cause), `choice ID` or `then`: a re-route replaces the edge
    /// with the same key.
    pub(super) key: String,
    pub(super) to: String,
    pub(super) at: At,
}

/// Where things are, for messages about references and the graph.
#[derive(Default)]
pub(super) struct Located {
    pub(super) node_at: BTreeMap<String, At>,
    /// Nodes an overlay added or replaced.
    pub(super) from_overlay: BTreeSet<String>,
    pub(super) edges: Vec<Edge>,
}

pub(super) struct Ctx<'a> {
    sources: Vec<&'a Source>,
    /// The file being read.
    pub(super) file: usize,
    vocab: &'a dyn Vocabulary,
    causes: &'a Causes,
    errors: Vec<(usize, SourceError)>,
}

impl<'a> Ctx<'a> {
    /// Checks `sources` (the base tree first, then the overlays) against `vocab` and
    /// `causes`.
    pub(super) fn new(
        sources: Vec<&'a Source>,
        vocab: &'a dyn Vocabulary,
        causes: &'a Causes,
    ) -> Ctx<'a> {
        Ctx {
            sources,
            file: 0,
            vocab,
            causes,
            errors: Vec::new(),
        }
    }

    pub(super) fn err(&mut self, at: usize, message: impl Into<String>) {
        self.err_at((self.file, at), message);
    }

    pub(super) fn err_at(&mut self, (file, at): At, message: impl Into<String>) {
        let e = self.sources[file].error(at, message);
        self.errors.push((file, e));
    }

    /// A problem found elsewhere (a file that is not TOML) in file `file`.
    pub(super) fn push(&mut self, file: usize, e: SourceError) {
        self.errors.push((file, e));
    }

    pub(super) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The problems so far, by file and then by place.
    pub(super) fn take_errors(&mut self) -> TreeErrors {
        let mut errors = std::mem::take(&mut self.errors);
        errors.sort_by_key(|(file, e)| (*file, e.line, e.column));
        TreeErrors(errors.into_iter().map(|(_, e)| e).collect())
    }
}

/// The base tree as read: its start, its nodes and where things are.
pub(super) struct Base {
    pub(super) start: Option<(String, usize)>,
    pub(super) nodes: Vec<Node>,
    pub(super) loc: Located,
}

/// Reads the base tree (file 0 of `cx`) from its TOML root; problems go to `cx`.
pub(super) fn base(cx: &mut Ctx, root: &Table) -> Base {
    for (key, _) in root {
        if key != "start" && key != "node" {
            let at = start_of(root.key(key).and_then(toml_edit::Key::span));
            cx.err(
                at,
                format!("unknown key `{key}` (expected `start` and `node`)"),
            );
        }
    }
    let start = if let Some((_, item)) = root.get_key_value("start") {
        if let Some(s) = item.as_str() {
            Some((s.to_string(), start_of(item.span())))
        } else {
            cx.err(
                start_of(item.span()),
                "`start` must be a string naming a node",
            );
            None
        }
    } else {
        cx.err(0, "missing `start` (the id of the first node)");
        None
    };
    let mut nodes = Vec::new();
    let mut loc = Located::default();
    match root.get("node").and_then(Item::as_table_like) {
        Some(table) => {
            for (id, item) in table.iter() {
                let at = start_of(table.key(id).and_then(toml_edit::Key::span));
                loc.node_at.insert(id.to_string(), (0, at));
                if let Some(node) = node(cx, &mut loc, id, item, at) {
                    nodes.push(node);
                }
            }
        }
        None => cx.err(0, "missing `[node.ID]` tables"),
    }
    if let Some((start, at)) = &start {
        if !loc.node_at.contains_key(start) {
            cx.err(*at, format!("unknown node `{start}`"));
        }
    }
    Base { start, nodes, loc }
}

/// Whether `key` may name a branch of `signal`'s check node: one of its outcomes, or, for a
/// signal that reads server replies, a cause code. Reports the problem when not.
pub(super) fn branch_key_ok(cx: &mut Ctx, signal: &str, key: &str, at: usize) -> bool {
    let Some(outcomes) = cx.vocab.outcomes(signal) else {
        return false;
    };
    if outcomes.contains(&key) {
        return true;
    }
    let on_causes = cx.vocab.branches_on_causes(signal);
    let known = cx.causes.is_known(key);
    if on_causes && known {
        return true;
    }
    let why = if known {
        " (only signals that read server replies branch on cause codes)"
    } else if on_causes {
        " (nor is it a known cause code)"
    } else {
        ""
    };
    cx.err(at, format!("signal `{signal}` has no outcome `{key}`{why}"));
    false
}

/// Reads a string field; reports a missing or non-string one.
fn string(
    cx: &mut Ctx,
    t: &dyn TableLike,
    key: &str,
    node_at: usize,
    required: bool,
) -> Option<(String, usize)> {
    if let Some((_, item)) = t.get_key_value(key) {
        if let Some(s) = item.as_str() {
            Some((s.to_string(), start_of(item.span())))
        } else {
            cx.err(start_of(item.span()), format!("`{key}` must be a string"));
            None
        }
    } else {
        if required {
            cx.err(node_at, format!("missing `{key}`"));
        }
        None
    }
}

fn check_keys(cx: &mut Ctx, t: &dyn TableLike, allowed: &[&str], what: &str) {
    for (key, _) in t.iter() {
        if !allowed.contains(&key) {
            let at = start_of(t.key(key).and_then(toml_edit::Key::span));
            cx.err(
                at,
                format!(
                    "unknown key `{key}` in {what} (allowed: {})",
                    allowed.join(", ")
                ),
            );
        }
    }
}

fn placeholders_ok(cx: &mut Ctx, text: &str, at: usize) {
    for (name, offset) in super::template::placeholders(text) {
        if !cx.vocab.placeholder(&name) {
            // Point at the brace: the value's span starts at its opening quote.
            cx.err(at + 1 + offset, format!("unknown placeholder `{{{name}}}`"));
        }
    }
}

/// Unknown targets, cycles and unreachable nodes. After overlays, only the nodes they
/// added or replaced must be reachable.
pub(super) fn graph_checks(cx: &mut Ctx, loc: &Located, start: Option<&str>, merged: bool) {
    let mut adj: BTreeMap<&str, Vec<(&str, At)>> = BTreeMap::new();
    for e in &loc.edges {
        if !loc.node_at.contains_key(&e.to) {
            cx.err_at(e.at, format!("unknown node `{}`", e.to));
            continue;
        }
        adj.entry(e.from.as_str())
            .or_default()
            .push((e.to.as_str(), e.at));
    }
    let Some(start) = start.filter(|s| loc.node_at.contains_key(*s)) else {
        return;
    };
    // Depth-first search with colours: grey on the stack, black done.
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
    colour.insert(start, 1);
    let mut reported: BTreeSet<At> = BTreeSet::new();
    while let Some((node, i)) = stack.pop() {
        let edges = adj.get(node).map_or(&[][..], Vec::as_slice);
        if i < edges.len() {
            stack.push((node, i + 1));
            let (to, at) = edges[i];
            match colour.get(to).copied().unwrap_or(0) {
                0 => {
                    colour.insert(to, 1);
                    stack.push((to, 0));
                }
                1 if reported.insert(at) => {
                    cx.err_at(at, format!("cycle: `{node}` leads back to `{to}`"));
                }
                _ => {}
            }
        } else {
            colour.insert(node, 2);
        }
    }
    for (id, at) in &loc.node_at {
        if !colour.contains_key(id.as_str()) && (!merged || loc.from_overlay.contains(id)) {
            cx.err_at(*at, format!("node `{id}` cannot be reached from `start`"));
        }
    }
}
