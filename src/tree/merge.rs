//! A tree and the host's overlays (`--tree-extra FILE`) merged over it. An overlay has the
//! tree's `[node.ID]` tables, merged by id: a table with `kind` adds a node, or replaces the
//! node of that id; a table without `kind` changes a node that exists: `on` re-routes (or
//! adds) branches of a check node, `then` the next node of a conclusion. Its `[[cause]]` and
//! `[[reply]]` tables are read by `crate::causes` and `crate::replies`.
//!
//! The base is checked alone first; after the merge every reference must resolve, no cycle
//! may appear, and every node an overlay added must be reachable (a node of the base that
//! an overlay routed around may stay unreachable).

use toml_edit::{Table, TableLike};

use super::load::{self, branch_key_ok, node, Ctx, Edge, Located, OVERLAY_KEYS, THEN};
use super::{Node, NodeKind, Tree, TreeErrors, Vocabulary};
use crate::causes::Causes;
use crate::source::{start_of, Source};

/// Parses the base tree, validates it alone, then merges `overlays` over it in order and
/// validates the result.
pub(super) fn merge(
    base: &Source,
    overlays: &[Source],
    vocab: &dyn Vocabulary,
    causes: &Causes,
) -> Result<Tree, TreeErrors> {
    let mut cx = Ctx::new(
        std::iter::once(base).chain(overlays).collect(),
        vocab,
        causes,
    );
    let doc = base.toml().map_err(|e| TreeErrors(vec![e]))?;
    let load::Base {
        start,
        mut nodes,
        mut loc,
    } = load::base(&mut cx, doc.as_table());
    let start_id = start.as_ref().map(|(s, _)| s.as_str());
    load::graph_checks(&mut cx, &loc, start_id, false);
    if cx.has_errors() {
        return Err(cx.take_errors());
    }
    for (i, source) in overlays.iter().enumerate() {
        cx.file = i + 1;
        match source.toml() {
            Ok(doc) => overlay(&mut cx, &mut loc, &mut nodes, doc.as_table()),
            Err(e) => cx.push(i + 1, e),
        }
    }
    if !overlays.is_empty() {
        load::graph_checks(&mut cx, &loc, start_id, true);
    }
    if cx.has_errors() {
        return Err(cx.take_errors());
    }
    Ok(Tree {
        start: start.map(|(s, _)| s).unwrap_or_default(),
        nodes,
        origin: base.origin.clone(),
    })
}

/// Merges one overlay's nodes into `nodes`.
fn overlay(cx: &mut Ctx, loc: &mut Located, nodes: &mut Vec<Node>, root: &Table) {
    for (key, _) in root {
        if !OVERLAY_KEYS.contains(&key) {
            let at = start_of(root.key(key).and_then(toml_edit::Key::span));
            cx.err(
                at,
                format!(
                    "unknown key `{key}` in an overlay (allowed: {})",
                    OVERLAY_KEYS.join(", ")
                ),
            );
        }
    }
    let Some(item) = root.get("node") else {
        return;
    };
    let Some(table) = item.as_table_like() else {
        cx.err(start_of(item.span()), "`node` must hold `[node.ID]` tables");
        return;
    };
    for (id, item) in table.iter() {
        let at = start_of(table.key(id).and_then(toml_edit::Key::span));
        let Some(t) = item.as_table_like() else {
            cx.err(at, format!("node `{id}` must be a table"));
            continue;
        };
        if t.contains_key("kind") {
            // A whole node: added, or in place of ours. Its old references go with it.
            let mut fresh = Located::default();
            let Some(new) = node(cx, &mut fresh, id, item, at) else {
                continue;
            };
            loc.edges.retain(|e| e.from != id);
            loc.edges.append(&mut fresh.edges);
            loc.node_at.insert(id.to_string(), (cx.file, at));
            loc.from_overlay.insert(id.to_string());
            match nodes.iter_mut().find(|n| n.id == id) {
                Some(old) => *old = new,
                None => nodes.push(new),
            }
        } else {
            match nodes.iter_mut().find(|n| n.id == id) {
                Some(existing) => patch(cx, loc, existing, t),
                None => cx.err(
                    at,
                    format!("node `{id}` is not in the tree: a new node needs `kind`"),
                ),
            }
        }
    }
}

/// Changes an existing node: `on` re-routes a check's branches, `then` a conclusion's next.
fn patch(cx: &mut Ctx, loc: &mut Located, node: &mut Node, t: &dyn TableLike) {
    let id = node.id.clone();
    for (key, _) in t.iter() {
        if key != "on" && key != THEN {
            let kat = start_of(t.key(key).and_then(toml_edit::Key::span));
            cx.err(
                kat,
                format!(
                    "`{key}` cannot be changed in node `{id}`: without `kind`, an overlay may only re-route `on` (check nodes) or `then` (conclusions); to change the rest, give the whole node with `kind`"
                ),
            );
        }
    }
    let mut reroute = |cx: &mut Ctx, key: String, target: &str, tat: usize| {
        let edge = Edge {
            from: id.clone(),
            key,
            to: target.to_string(),
            at: (cx.file, tat),
        };
        match loc
            .edges
            .iter_mut()
            .find(|e| e.from == edge.from && e.key == edge.key)
        {
            Some(old) => *old = edge,
            None => loc.edges.push(edge),
        }
    };
    if let Some((on_key, on_item)) = t.get_key_value("on") {
        let oat = start_of(on_key.span());
        match (&mut node.kind, on_item.as_table_like()) {
            (NodeKind::Check { signal, on }, Some(branches)) => {
                let signal = signal.clone();
                for (outcome, target) in branches.iter() {
                    let bat = start_of(branches.key(outcome).and_then(toml_edit::Key::span));
                    if !branch_key_ok(cx, &signal, outcome, bat) {
                        continue;
                    }
                    let Some(next) = target.as_str() else {
                        cx.err(start_of(target.span()), "a branch must name a node");
                        continue;
                    };
                    reroute(cx, outcome.to_string(), next, start_of(target.span()));
                    match on.iter_mut().find(|(o, _)| o == outcome) {
                        Some((_, to)) => *to = next.to_string(),
                        None => on.push((outcome.to_string(), next.to_string())),
                    }
                }
            }
            (NodeKind::Check { .. }, None) => cx.err(
                start_of(on_item.span()),
                "`on` must be a table of outcome = \"node\"",
            ),
            _ => cx.err(
                oat,
                format!("node `{id}` is not a check node: it has no `on`"),
            ),
        }
    }
    if let Some((then_key, then_item)) = t.get_key_value(THEN) {
        let kat = start_of(then_key.span());
        match (&mut node.kind, then_item.as_str()) {
            (NodeKind::Conclusion(c), Some(next)) => {
                reroute(cx, THEN.to_string(), next, start_of(then_item.span()));
                c.then = Some(next.to_string());
            }
            (NodeKind::Conclusion(_), None) => {
                cx.err(start_of(then_item.span()), "`then` must be a string");
            }
            _ => cx.err(
                kat,
                format!("node `{id}` is not a conclusion: it has no `then`"),
            ),
        }
    }
}
