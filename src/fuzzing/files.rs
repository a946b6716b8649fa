//! The loaders of data files (the tree, provider profiles, reply rules): they accept a file or
//! name every problem at a line and column within it, and what they accept keeps their rules.

use crate::causes::Causes;
use crate::diagnosis::vocabulary::Registry;
use crate::profiles::Profile;
use crate::replies::rules_from;
use crate::source::{Source, SourceError};
use crate::tree::Tree;

use super::{ensure, position_within, Checked};

/// The name the fuzzed file is reported under.
const ORIGIN: &str = "fuzz.toml";

fn check_position(text: &str, file: &str, line: usize, column: usize, message: &str) -> Checked {
    ensure(file == ORIGIN, || format!("error names file {file:?}"))?;
    ensure(!message.trim().is_empty(), || {
        format!("error at {line}:{column} without a message")
    })?;
    ensure(position_within(text, line, column), || {
        format!("error position {line}:{column} lies outside the input ({message})")
    })
}

fn check_source_errors(text: &str, errors: &[SourceError]) -> Checked {
    ensure(!errors.is_empty(), || {
        "rejected without a problem named".to_string()
    })?;
    for e in errors {
        check_position(text, &e.file, e.line, e.column, &e.message)?;
    }
    Ok(())
}

/// A tree file against the real signal registry and cause codes.
pub(super) fn check_tree(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    match Tree::parse(&text, ORIGIN) {
        Err(errors) => check_source_errors(&text, &errors.0),
        Ok(tree) => {
            ensure(tree.start().is_some(), || {
                "an accepted tree has no start node".to_string()
            })?;
            let ids: Vec<&str> = tree.nodes().map(|n| n.id.as_str()).collect();
            for (i, id) in ids.iter().enumerate() {
                ensure(!ids[..i].contains(id), || format!("node `{id}` twice"))?;
            }
            Ok(())
        }
    }
}

/// A provider profile file.
pub(super) fn check_profile(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    match Profile::parse(&text, ORIGIN) {
        Err(errors) => {
            ensure(!errors.0.is_empty(), || {
                "rejected without a problem named".to_string()
            })?;
            for e in &errors.0 {
                check_position(&text, &e.file, e.line, e.column, &e.message)?;
            }
            Ok(())
        }
        Ok(p) => {
            ensure(
                !p.id.is_empty()
                    && p.id.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
                    }),
                || format!("accepted id {:?}", p.id),
            )?;
            ensure(!p.submission.is_empty(), || {
                "accepted without a submission endpoint".to_string()
            })?;
            ensure(p.submission.iter().all(|s| s.port != 0), || {
                "accepted port 0".to_string()
            })?;
            ensure(
                p.generic || !(p.domains.is_empty() && p.mx_patterns.is_empty()),
                || "accepted a profile nothing selects".to_string(),
            )?;
            for d in p.domains.iter().chain(&p.mx_patterns) {
                ensure(*d == d.to_ascii_lowercase() && !d.ends_with('.'), || {
                    format!("pattern {d:?} not stored lower-case without a trailing dot")
                })?;
            }
            Ok(())
        }
    }
}

/// Reply rules: `[[rule]]` (assets/replies.toml) or `[[reply]]` (an overlay), read against the
/// real signal registry.
pub(super) fn check_replies(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    let source = Source::new(ORIGIN, text.as_ref());
    let doc = match source.toml() {
        Ok(doc) => doc,
        Err(e) => return check_source_errors(&text, &[e]),
    };
    let causes = Causes::contract();
    for key in ["rule", "reply"] {
        let Some(item) = doc.get(key) else { continue };
        let mut errors = Vec::new();
        let rules = rules_from(&source, item, &Registry, &causes, &mut errors);
        for e in &errors {
            check_position(&text, &e.file, e.line, e.column, &e.message)?;
        }
        let tables = item
            .as_array_of_tables()
            .map_or(0, toml_edit::ArrayOfTables::len);
        ensure(rules.len() <= tables, || {
            format!("{} rules from {tables} tables", rules.len())
        })?;
        ensure(rules.len() + errors.len() >= tables, || {
            format!(
                "{tables} tables, {} rules and only {} problems",
                rules.len(),
                errors.len()
            )
        })?;
        for r in &rules {
            ensure(
                r.contains
                    .iter()
                    .chain(&r.also)
                    .all(|f| *f == f.to_lowercase()),
                || format!("rule fragments not lower-cased: {r:?}"),
            )?;
            if let Some(cause) = &r.cause {
                ensure(causes.is_known(cause), || {
                    format!("accepted unknown cause {cause:?}")
                })?;
            }
        }
    }
    Ok(())
}
