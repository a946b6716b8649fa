//! Loading and validating a tree file. toml_edit keeps byte spans of keys and values, which
//! become `line:column` in every error. All problems are collected, not just the first.

use std::collections::{BTreeMap, BTreeSet};

use toml_edit::{Item, TableLike};

use crate::causes::Causes;
use crate::source::{line_col, start_of};

use super::{
    Choice, Conclusion, Confidence, Node, NodeKind, Question, Step, Tree, TreeError, TreeErrors,
    Vocabulary,
};

/// Where things are in the source, for messages about references and the graph.
struct Located {
    node_span: BTreeMap<String, usize>,
    /// (from node, target id, offset of the reference)
    edges: Vec<(String, String, usize)>,
}

struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
    vocab: &'a dyn Vocabulary,
    causes: &'a Causes,
    errors: Vec<TreeError>,
}

impl Ctx<'_> {
    fn err(&mut self, at: usize, message: impl Into<String>) {
        let (line, column) = line_col(self.text, at);
        self.errors.push(TreeError {
            file: self.origin.to_string(),
            line,
            column,
            message: message.into(),
        });
    }
}

pub fn parse(
    text: &str,
    origin: &str,
    vocab: &dyn Vocabulary,
    causes: &Causes,
) -> Result<Tree, TreeErrors> {
    let mut cx = Ctx {
        text,
        origin,
        vocab,
        causes,
        errors: Vec::new(),
    };
    let doc = match toml_edit::Document::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.message().trim().to_string();
            cx.err(start_of(e.span()), format!("TOML syntax error: {msg}"));
            return Err(TreeErrors(cx.errors));
        }
    };
    let root = doc.as_table();
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
    let mut loc = Located {
        node_span: BTreeMap::new(),
        edges: Vec::new(),
    };
    match root.get("node").and_then(Item::as_table_like) {
        Some(table) => {
            for (id, item) in table.iter() {
                let at = start_of(table.key(id).and_then(|k| k.span()));
                loc.node_span.insert(id.to_string(), at);
                if let Some(node) = node(&mut cx, &mut loc, id, item, at) {
                    nodes.push(node);
                }
            }
        }
        None => cx.err(0, "missing `[node.ID]` tables"),
    }
    if let Some((start, at)) = &start {
        if !loc.node_span.contains_key(start) {
            cx.err(*at, format!("unknown node `{start}`"));
        }
    }
    graph_checks(&mut cx, &loc, start.as_ref().map(|(s, _)| s.as_str()));
    if cx.errors.is_empty() {
        Ok(Tree {
            start: start.map(|(s, _)| s).unwrap_or_default(),
            nodes,
            origin: origin.to_string(),
        })
    } else {
        cx.errors.sort_by_key(|e| (e.line, e.column));
        Err(TreeErrors(cx.errors))
    }
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

fn node(cx: &mut Ctx, loc: &mut Located, id: &str, item: &Item, at: usize) -> Option<Node> {
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
    let edge = |loc: &mut Located, target: &str, at: usize| {
        loc.edges.push((id.to_string(), target.to_string(), at))
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
                            if let Some(def) = def {
                                if !def.contains(&outcome) {
                                    let on_causes = cx.vocab.branches_on_causes(&signal);
                                    if !(on_causes && cx.causes.is_known(outcome)) {
                                        let why = if cx.causes.is_known(outcome) {
                                            " (only signals that read server replies branch on cause codes)"
                                        } else if on_causes {
                                            " (nor is it a known cause code)"
                                        } else {
                                            ""
                                        };
                                        cx.err(
                                            oat,
                                            format!(
                                                "signal `{signal}` has no outcome `{outcome}`{why}"
                                            ),
                                        );
                                    }
                                }
                            }
                            match target.as_str() {
                                Some(next) => {
                                    edge(loc, next, start_of(target.span()));
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
                        if let Some((next, nat)) = &next {
                            edge(loc, next, *nat);
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
                edge(loc, next, *nat);
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

/// Unknown targets, unreachable nodes and cycles.
fn graph_checks(cx: &mut Ctx, loc: &Located, start: Option<&str>) {
    let mut adj: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
    for (from, to, at) in &loc.edges {
        if !loc.node_span.contains_key(to) {
            cx.err(*at, format!("unknown node `{to}`"));
            continue;
        }
        adj.entry(from.as_str())
            .or_default()
            .push((to.as_str(), *at));
    }
    let Some(start) = start.filter(|s| loc.node_span.contains_key(*s)) else {
        return;
    };
    // Depth-first search with colours: grey on the stack, black done.
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
    colour.insert(start, 1);
    let mut reported: BTreeSet<usize> = BTreeSet::new();
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
                    cx.err(at, format!("cycle: `{node}` leads back to `{to}`"));
                }
                _ => {}
            }
        } else {
            colour.insert(node, 2);
        }
    }
    for (id, at) in &loc.node_span {
        if !colour.contains_key(id.as_str()) {
            cx.err(*at, format!("node `{id}` cannot be reached from `start`"));
        }
    }
}
