//! Reading reply rules from TOML (`assets/replies.toml`'s `[[rule]]`, an overlay's
//! `[[reply]]`), every problem at its line and column.

use toml_edit::{Item, TableLike, Value};

use super::{CodePattern, Rule, Stage};
use crate::causes::Causes;
use crate::protocol::reply::EnhancedCode;
use crate::source::{line_col, start_of, Source, SourceError, SourceErrors};

/// The built-in rules and the name they are reported under.
pub const BUILT_IN: &str = include_str!("../../assets/replies.toml");
pub const BUILT_IN_ORIGIN: &str = "assets/replies.toml";

/// What a rule may name: supplied by the signal registry.
pub trait RuleVocabulary {
    /// The outcomes a rule for `stage` may name (the outcomes of the signal that reads
    /// replies at that stage); empty when no signal takes outcomes from there.
    fn stage_outcomes(&self, stage: Stage) -> &[&'static str];
}

const KEYS: &[&str] = &[
    "stage",
    "code",
    "enhanced",
    "contains",
    "also",
    "signed_in",
    "outcome",
    "cause",
    "explain",
    "example",
];

/// Parses the built-in rules (`[[rule]]` of `assets/replies.toml`).
pub fn parse_built_in(
    vocab: &dyn RuleVocabulary,
    causes: &Causes,
) -> Result<Vec<Rule>, SourceErrors> {
    let source = Source::new(BUILT_IN_ORIGIN, BUILT_IN);
    let mut errors = Vec::new();
    let rules = match toml_edit::Document::parse(BUILT_IN) {
        Ok(doc) => {
            let root = doc.as_table();
            for (key, _) in root {
                if key != "rule" {
                    let at = start_of(root.key(key).and_then(toml_edit::Key::span));
                    errors.push(source.error(at, format!("unknown key `{key}` (expected `rule`)")));
                }
            }
            match root.get("rule") {
                Some(item) => rules_from(&source, item, vocab, causes, &mut errors),
                None => Vec::new(),
            }
        }
        Err(e) => {
            let msg = e.message().trim().to_string();
            errors.push(source.error(start_of(e.span()), format!("TOML syntax error: {msg}")));
            Vec::new()
        }
    };
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(SourceErrors(errors))
    }
}

/// Reads an array of rule tables (`[[rule]]` or `[[reply]]`) of `source`; problems go to
/// `errors`, and a rule with a problem is left out.
pub fn rules_from(
    source: &Source,
    item: &Item,
    vocab: &dyn RuleVocabulary,
    causes: &Causes,
    errors: &mut Vec<SourceError>,
) -> Vec<Rule> {
    let Some(tables) = item.as_array_of_tables() else {
        errors.push(source.error(
            start_of(item.span()),
            "reply rules must be `[[...]]` tables",
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in tables {
        let before = errors.len();
        let at = start_of(t.span());
        let rule = rule(source, t, at, vocab, causes, errors);
        if errors.len() == before {
            out.push(rule);
        }
    }
    out
}

fn rule(
    source: &Source,
    t: &dyn TableLike,
    at: usize,
    vocab: &dyn RuleVocabulary,
    causes: &Causes,
    errors: &mut Vec<SourceError>,
) -> Rule {
    let mut err = |at: usize, m: String| errors.push(source.error(at, m));
    let key_at = |k: &str| start_of(t.key(k).and_then(toml_edit::Key::span));
    for (key, _) in t.iter() {
        if !KEYS.contains(&key) {
            err(
                key_at(key),
                format!(
                    "unknown key `{key}` in a reply rule (allowed: {})",
                    KEYS.join(", ")
                ),
            );
        }
    }
    let mut stages = Vec::new();
    for (s, sat) in strings(t, "stage", &mut err) {
        match Stage::parse(&s) {
            Some(st) => stages.push(st),
            None => err(
                sat,
                format!(
                    "unknown stage `{s}` (one of: {})",
                    Stage::ALL.map(Stage::as_str).join(", ")
                ),
            ),
        }
    }
    let code = t.get("code").and_then(|item| {
        let vat = start_of(item.span());
        let text = match item.as_value() {
            Some(Value::Integer(i)) => i.value().to_string(),
            Some(Value::String(s)) => s.value().clone(),
            _ => String::new(),
        };
        let parsed = CodePattern::parse(&text);
        if parsed.is_none() {
            err(
                vat,
                "`code` must be a reply code such as 550, or a class such as \"5xx\"".into(),
            );
        }
        parsed
    });
    let enhanced = one_string(t, "enhanced", &mut err).and_then(|(s, sat)| {
        let parsed = EnhancedCode::parse_prefix(&s).filter(|e| e.to_string() == s);
        if parsed.is_none() {
            err(
                sat,
                format!("`enhanced` {s:?} is not a status code such as 5.7.1"),
            );
        }
        parsed
    });
    let fragments = |key: &str, err: &mut dyn FnMut(usize, String)| -> Vec<String> {
        strings(t, key, err)
            .into_iter()
            .filter_map(|(s, sat)| {
                if s.trim().is_empty() {
                    err(sat, format!("`{key}` must not hold an empty text"));
                    None
                } else {
                    Some(s.to_lowercase())
                }
            })
            .collect()
    };
    let contains = fragments("contains", &mut err);
    let also = fragments("also", &mut err);
    let signed_in = t.get("signed_in").and_then(|item| {
        let b = item.as_bool();
        if b.is_none() {
            err(
                start_of(item.span()),
                "`signed_in` must be true or false".into(),
            );
        }
        b
    });
    let outcome = one_string(t, "outcome", &mut err);
    let cause = one_string(t, "cause", &mut err);
    let explain = one_string(t, "explain", &mut err);
    if stages.is_empty() && code.is_none() && enhanced.is_none() && contains.is_empty() {
        err(
            at,
            "a reply rule needs at least one of `stage`, `code`, `enhanced`, `contains`".into(),
        );
    }
    if outcome.is_none() && cause.is_none() {
        err(
            at,
            "a reply rule needs an `outcome`, a `cause` or both".into(),
        );
    }
    if let Some((o, oat)) = &outcome {
        if stages.is_empty() {
            err(
                *oat,
                "an `outcome` belongs to a signal: name the `stage` it applies to".into(),
            );
        }
        // One report for the first stage that lacks the outcome.
        if let Some(st) = stages
            .iter()
            .find(|st| !vocab.stage_outcomes(**st).contains(&o.as_str()))
        {
            let allowed = vocab.stage_outcomes(*st);
            let message = if allowed.is_empty() {
                format!(
                    "replies at stage `{}` take no outcome, only a cause",
                    st.as_str()
                )
            } else {
                format!(
                    "`{o}` is not an outcome for stage `{}` (one of: {})",
                    st.as_str(),
                    allowed.join(", ")
                )
            };
            err(*oat, message);
        }
    }
    if let Some((c, cat)) = &cause {
        if !causes.is_known(c) {
            err(*cat, format!("unknown cause code `{c}`"));
        }
    }
    if let Some((e, eat)) = &explain {
        if e.trim().is_empty() {
            err(
                *eat,
                "`explain` must not be empty (leave it out instead)".into(),
            );
        }
    }
    let (line, _) = line_col(&source.text, at);
    let rule = Rule {
        stages,
        code,
        enhanced,
        contains,
        also,
        signed_in,
        outcome: outcome.map(|(s, _)| s),
        cause: cause.map(|(s, _)| s),
        explain: explain.map(|(s, _)| s),
        origin: format!("{}:{line}", source.origin),
    };
    if let Some((example, xat)) = one_string(t, "example", &mut err) {
        let heard = super::Heard::pasted(&example);
        let stage = rule.stages.first().copied().unwrap_or(Stage::Pasted);
        let as_sent = super::Heard { stage, ..heard };
        let loose = Rule {
            signed_in: None,
            ..rule.clone()
        };
        if !loose.matches(&as_sent) {
            err(xat, "`example` does not match this rule".into());
        }
    }
    rule
}

/// A key holding one string, with the position of its value.
fn one_string(
    t: &dyn TableLike,
    key: &str,
    err: &mut dyn FnMut(usize, String),
) -> Option<(String, usize)> {
    let item = t.get(key)?;
    let at = start_of(item.span());
    if let Some(s) = item.as_str() {
        Some((s.to_string(), at))
    } else {
        err(at, format!("`{key}` must be a string"));
        None
    }
}

/// A key holding a string or a list of strings, each with its position.
fn strings(
    t: &dyn TableLike,
    key: &str,
    err: &mut dyn FnMut(usize, String),
) -> Vec<(String, usize)> {
    let Some(item) = t.get(key) else {
        return Vec::new();
    };
    let at = start_of(item.span());
    if let Some(s) = item.as_str() {
        return vec![(s.to_string(), at)];
    }
    let Some(arr) = item.as_array() else {
        err(at, format!("`{key}` must be a string or a list of strings"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in arr {
        let vat = start_of(v.span());
        match v.as_str() {
            Some(s) => out.push((s.to_string(), vat)),
            None => err(vat, format!("each `{key}` entry must be a string")),
        }
    }
    if out.is_empty() && arr.is_empty() {
        err(at, format!("`{key}` must not be an empty list"));
    }
    out
}

#[cfg(test)]
mod tests;
