//! One node of a tree file, by kind (check, question, conclusion, end): its keys, the
//! signal and its outcomes, the choices, the cause and its wording; every reference to
//! another node becomes an edge for the graph checks.

use toml_edit::Item;

use super::{branch_key_ok, check_keys, placeholders_ok, string, Ctx, Edge, Located, THEN};
use crate::source::start_of;
use crate::tree::{Choice, Conclusion, Confidence, Node, NodeKind, Question, Step};

pub(in crate::tree) fn node(
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
        });
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
                            let oat =
                                start_of(branches.key(outcome).and_then(toml_edit::Key::span));
                            if def.is_some() {
                                branch_key_ok(cx, &signal, outcome, oat);
                            }
                            match target.as_str() {
                                Some(next) => {
                                    edge(loc, outcome.to_string(), next, start_of(target.span()));
                                    on.push((outcome.to_string(), next.to_string()));
                                }
                                None => {
                                    cx.err(start_of(target.span()), "a branch must name a node");
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
                    for c in arr {
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
                    for v in arr {
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
