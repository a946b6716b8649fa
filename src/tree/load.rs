//! Reading and validating a tree file: its nodes, their fields and the graph they form.
//! toml_edit keeps byte spans of keys and values, which become `file:line:column` in every
//! error. All problems are collected, not just the first. `super::merge` runs it over the
//! base tree and the overlays.

use std::collections::{BTreeMap, BTreeSet};

use toml_edit::{Item, Table, TableLike};

use crate::causes::Causes;
use crate::source::{start_of, Source, SourceError};

use super::{
    Choice, Conclusion, Confidence, Node, NodeKind, Question, Step, TreeErrors, Vocabulary,
};

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
    for (key, _) in root.iter() {
        if key != "start" && key != "node" {
            let at = start_of(root.key(key).and_then(|k| k.span()));
            cx.err(
                at,
                format!("unknown key `{key}` (expected `start` and `node`)"),
            );
        }
    }
    let start = match root.get_key_value("start") {
        Some((_, item)) => match item.as_str() {
            Some(s) => Some((s.to_string(), start_of(item.span()))),
            None => {
                cx.err(
                    start_of(item.span()),
                    "`start` must be a string naming a node",
                );
                None
            }
        },
        None => {
            cx.err(0, "missing `start` (the id of the first node)");
            None
        }
    };
    let mut nodes = Vec::new();
    let mut loc = Located::default();
    match root.get("node").and_then(Item::as_table_like) {
        Some(table) => {
            for (id, item) in table.iter() {
                let at = start_of(table.key(id).and_then(|k| k.span()));
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
    match t.get_key_value(key) {
        Some((_, item)) => match item.as_str() {
            Some(s) => Some((s.to_string(), start_of(item.span()))),
            None => {
                cx.err(start_of(item.span()), format!("`{key}` must be a string"));
                None
            }
        },
        None => {
            if required {
                cx.err(node_at, format!("missing `{key}`"));
            }
            None
        }
    }
}

fn check_keys(cx: &mut Ctx, t: &dyn TableLike, allowed: &[&str], what: &str) {
    for (key, _) in t.iter() {
        if !allowed.contains(&key) {
            let at = start_of(t.key(key).and_then(|k| k.span()));
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

pub(super) fn node(
    cx: &mut Ctx,
    loc: &mut Located,
    id: &str,
    item: &Item,
    at: usize,
) -> Option<Node> {
    let Some(t) = item.as_table_like() else {
        cx.err(at, format!("node `{id}` must be a table"));
        return None;
    };
    let kind = string(cx, t, "kind", at, true);
    let step = string(cx, t, "step", at, true).and_then(|(s, sat)| {
        let parsed = Step::parse(&s);
        if parsed.is_none() {
            cx.err(
                sat,
                format!("unknown step `{s}` (settings, network or server)"),
            );
        }
        parsed
    });
    let title = string(cx, t, "title", at, true).map(|(s, _)| s);
    let (kind, kind_at) = kind?;
    let file = cx.file;
    let edge = |loc: &mut Located, key: String, target: &str, at: usize| {
        loc.edges.push(Edge {
            from: id.to_string(),
            key,
            to: target.to_string(),
            at: (file, at),
        })
    };
    let node_kind = match kind.as_str() {
        "check" => {
            check_keys(
                cx,
                t,
                &["kind", "step", "title", "signal", "on"],
                "a check node",
            );
            let (signal, sat) = string(cx, t, "signal", at, true)?;
            let def = cx.vocab.outcomes(&signal);
            if def.is_none() {
                cx.err(sat, format!("unknown signal `{signal}`"));
            }
            let mut on = Vec::new();
            match t.get_key_value("on") {
                Some((on_key, on_item)) => match on_item.as_table_like() {
                    Some(branches) => {
                        for (outcome, target) in branches.iter() {
                            let oat = start_of(branches.key(outcome).and_then(|k| k.span()));
                            if def.is_some() {
                                branch_key_ok(cx, &signal, outcome, oat);
                            }
                            match target.as_str() {
                                Some(next) => {
                                    edge(loc, outcome.to_string(), next, start_of(target.span()));
                                    on.push((outcome.to_string(), next.to_string()));
                                }
                                None => {
                                    cx.err(start_of(target.span()), "a branch must name a node")
                                }
                            }
                        }
                        if let Some(def) = def {
                            let on_at = start_of(on_key.span());
                            for o in def {
                                if !on.iter().any(|(x, _)| x == o) {
                                    cx.err(
                                        on_at,
                                        format!("outcome `{o}` of signal `{signal}` has no branch"),
                                    );
                                }
                            }
                        }
                    }
                    None => cx.err(
                        start_of(on_item.span()),
                        "`on` must be a table of outcome = \"node\"",
                    ),
                },
                None => cx.err(at, "missing `on` (a branch for every outcome)"),
            }
            NodeKind::Check { signal, on }
        }
        "question" => {
            check_keys(
                cx,
                t,
                &["kind", "step", "title", "text", "help", "default", "choice"],
                "a question node",
            );
            let text = string(cx, t, "text", at, true).map(|(s, _)| s);
            let help = string(cx, t, "help", at, false).map(|(s, _)| s);
            let default = string(cx, t, "default", at, true);
            let mut choices: Vec<Choice> = Vec::new();
            match t.get("choice").and_then(Item::as_array_of_tables) {
                Some(arr) => {
                    for c in arr.iter() {
                        let cat = start_of(c.span());
                        check_keys(cx, c, &["id", "label", "next"], "a choice");
                        let cid = string(cx, c, "id", cat, true);
                        let label = string(cx, c, "label", cat, true);
                        let next = string(cx, c, "next", cat, true);
                        if let (Some((next, nat)), Some((cid, _))) = (&next, &cid) {
                            edge(loc, format!("choice {cid}"), next, *nat);
                        }
                        if let (Some((cid, iat)), Some((label, _)), Some((next, _))) =
                            (cid, label, next)
                        {
                            if choices.iter().any(|x| x.id == cid) {
                                cx.err(iat, format!("duplicate choice `{cid}`"));
                            }
                            choices.push(Choice {
                                id: cid,
                                label,
                                next,
                            });
                        }
                    }
                }
                None => cx.err(at, "missing `[[node.ID.choice]]` entries"),
            }
            let (default, dat) = default?;
            if !choices.iter().any(|c| c.id == default) {
                cx.err(
                    dat,
                    format!("default `{default}` is not one of the choices"),
                );
            }
            NodeKind::Question(Question {
                text: text?,
                help,
                default,
                choices,
            })
        }
        "conclusion" => {
            check_keys(
                cx,
                t,
                &[
                    "kind",
                    "step",
                    "title",
                    "cause",
                    "confidence",
                    "explanation",
                    "fix",
                    "then",
                ],
                "a conclusion node",
            );
            let cause = string(cx, t, "cause", at, true);
            if let Some((c, cat)) = &cause {
                if !cx.causes.is_known(c) {
                    cx.err(*cat, format!("unknown cause code `{c}`"));
                }
            }
            let confidence = string(cx, t, "confidence", at, true).and_then(|(c, cat)| {
                let parsed = Confidence::parse(&c);
                if parsed.is_none() {
                    cx.err(
                        cat,
                        format!("unknown confidence `{c}` (confirmed, likely or possible)"),
                    );
                }
                parsed
            });
            let explanation = string(cx, t, "explanation", at, true);
            if let Some((e, eat)) = &explanation {
                placeholders_ok(cx, e, *eat);
            }
            if let Some((_, title_item)) = t.get_key_value("title") {
                if let Some(s) = title_item.as_str() {
                    placeholders_ok(cx, s, start_of(title_item.span()));
                }
            }
            let mut fix = Vec::new();
            match t.get("fix").and_then(Item::as_array) {
                Some(arr) => {
                    for v in arr.iter() {
                        let vat = start_of(v.span());
                        match v.as_str() {
                            Some(s) => {
                                placeholders_ok(cx, s, vat);
                                fix.push(s.to_string());
                            }
                            None => cx.err(vat, "each fix step must be a string"),
                        }
                    }
                    if fix.is_empty() {
                        cx.err(
                            start_of(t.get("fix").and_then(Item::span)),
                            "`fix` needs at least one step",
                        );
                    }
                }
                None => cx.err(at, "missing `fix` (a list of steps)"),
            }
            let then = string(cx, t, "then", at, false);
            if let Some((next, nat)) = &then {
                edge(loc, THEN.to_string(), next, *nat);
            }
            NodeKind::Conclusion(Conclusion {
                cause: cause?.0,
                confidence: confidence?,
                title: title.clone()?,
                explanation: explanation?.0,
                fix,
                then: then.map(|(s, _)| s),
            })
        }
        "end" => {
            check_keys(cx, t, &["kind", "step", "title"], "an end node");
            NodeKind::End
        }
        other => {
            cx.err(
                kind_at,
                format!("unknown node kind `{other}` (check, question, conclusion or end)"),
            );
            return None;
        }
    };
    Some(Node {
        id: id.to_string(),
        step: step?,
        title: title?,
        kind: node_kind,
    })
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
        let edges = adj.get(node).map(Vec::as_slice).unwrap_or(&[]);
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
