//! Every translatable sentence of a wording file, with a stable Fluent message id derived
//! from where it sits in the TOML (`tree-node-c_offline-fix-2`, `ui-keys-quit-label`).
//!
//! The ids are the contract between the English TOML (the source of every sentence) and the
//! `.ftl` translations: an entry moved or renamed in the TOML gets a new id, and the gap test
//! lists it as untranslated rather than showing a stale sentence.

use std::collections::BTreeMap;

/// A wording file whose sentences can be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// `assets/ui.toml`: every string except ids and the program's name.
    Ui,
    /// `assets/tree.toml`: titles, questions, help, choice labels, explanations and fix steps.
    Tree,
    /// `assets/error-codes.toml`: the plain meaning of each error message.
    Errors,
    /// One provider profile (`profiles/*.toml`, by its id): its notes.
    Profile,
    /// `assets/report.toml`: the reports' headings and the words put into sentences.
    Report,
}

impl Source {
    /// The file stem under `assets/locales/<lang>/` and the id prefix.
    pub fn name(self) -> &'static str {
        match self {
            Source::Ui => "ui",
            Source::Tree => "tree",
            Source::Errors => "errors",
            Source::Profile => "profiles",
            Source::Report => "report",
        }
    }

    /// Whether `key` (a table key) holds a sentence in this file.
    fn translates(self, key: &str) -> bool {
        match self {
            Source::Ui | Source::Report => key != "id",
            Source::Tree => matches!(
                key,
                "title" | "text" | "help" | "explanation" | "fix" | "label"
            ),
            Source::Errors => key == "meaning",
            Source::Profile => key == "notes",
        }
    }

    /// Whether `{{` and `}}` stand for literal braces (the tree's template syntax).
    pub fn doubles_braces(self) -> bool {
        self == Source::Tree
    }
}

/// One step of the way from the document's root to a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// One translatable sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub path: Vec<Seg>,
    pub text: String,
}

/// Keys that name an element of an array of tables, tried in order.
const NAMING_KEYS: [&str; 4] = ["id", "code", "socket", "pattern"];

/// The translatable sentences of `doc`, keys in sorted order (as `toml::Table` keeps them). `prefix` starts every id
/// (`ui`, `tree`, `errors`, `profiles-gmail`). Empty strings are left out: there is nothing
/// to translate.
pub fn entries(source: Source, prefix: &str, doc: &toml::Table) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut path = Vec::new();
    walk_table(source, doc, prefix, &mut path, false, &mut out, &mut seen);
    out
}

fn walk_table(
    source: Source,
    table: &toml::Table,
    id: &str,
    path: &mut Vec<Seg>,
    inside: bool,
    out: &mut Vec<Entry>,
    seen: &mut BTreeMap<String, usize>,
) {
    for (key, value) in table {
        // The program's own name is not a sentence.
        if source == Source::Ui
            && path.len() == 1
            && path[0] == Seg::Key("app".into())
            && key == "name"
        {
            continue;
        }
        let wanted = inside || source.translates(key);
        if source == Source::Ui && key == "id" {
            continue;
        }
        path.push(Seg::Key(key.clone()));
        let child = format!("{id}-{}", ident(key));
        walk_value(source, value, &child, path, wanted, out, seen);
        path.pop();
    }
}

fn walk_value(
    source: Source,
    value: &toml::Value,
    id: &str,
    path: &mut Vec<Seg>,
    wanted: bool,
    out: &mut Vec<Entry>,
    seen: &mut BTreeMap<String, usize>,
) {
    match value {
        toml::Value::String(s) if wanted && !s.is_empty() => {
            let n = seen.entry(id.to_string()).or_insert(0);
            *n += 1;
            let id = if *n == 1 {
                id.to_string()
            } else {
                format!("{id}-{n}")
            };
            out.push(Entry {
                id,
                path: path.clone(),
                text: s.clone(),
            });
        }
        toml::Value::Table(t) => walk_table(source, t, id, path, wanted, out, seen),
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let name = match item {
                    toml::Value::Table(t) => element_name(t),
                    _ => None,
                };
                let child = format!("{id}-{}", name.unwrap_or_else(|| (i + 1).to_string()));
                path.push(Seg::Index(i));
                walk_value(source, item, &child, path, wanted, out, seen);
                path.pop();
            }
        }
        _ => {}
    }
}

/// An array element's name from its naming key (`id`, `code`, ...), as an id segment.
fn element_name(t: &toml::Table) -> Option<String> {
    NAMING_KEYS.iter().find_map(|k| match t.get(*k)? {
        toml::Value::String(s) => {
            let also = match t.get("also") {
                Some(toml::Value::String(a)) => format!(" {a}"),
                _ => String::new(),
            };
            Some(ident(&format!("{s}{also}")))
        }
        toml::Value::Integer(n) => Some(format!("{k}-{n}")),
        _ => None,
    })
}

/// A Fluent identifier segment: ASCII letters, digits, `_` and `-`; other runs become one
/// `-`; at most 48 characters.
pub fn ident(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The string at `path` in `doc`, mutable, when the document still has it.
pub fn at_mut<'a>(doc: &'a mut toml::Table, path: &[Seg]) -> Option<&'a mut String> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let mut v = doc.get_mut(k)?;
    for seg in rest {
        v = match (seg, v) {
            (Seg::Key(k), toml::Value::Table(t)) => t.get_mut(k)?,
            (Seg::Index(i), toml::Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    match v {
        toml::Value::String(s) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> toml::Table {
        toml::from_str(s).unwrap()
    }

    #[test]
    fn tree_ids_follow_nodes_choices_and_steps() {
        let d = doc(r#"
start = "a"
[node.a]
kind = "question"
title = "Which?"
text = "Pick one"
[[node.a.choice]]
id = "yes"
label = "Yes"
next = "b"
[node.b]
kind = "conclusion"
cause = "x.y"
title = "T {server}"
explanation = ""
fix = ["one", "two"]
"#);
        let ids: Vec<(String, String)> = entries(Source::Tree, "tree", &d)
            .into_iter()
            .map(|e| (e.id, e.text))
            .collect();
        assert_eq!(
            ids,
            [
                ("tree-node-a-choice-yes-label", "Yes"),
                ("tree-node-a-text", "Pick one"),
                ("tree-node-a-title", "Which?"),
                ("tree-node-b-fix-1", "one"),
                ("tree-node-b-fix-2", "two"),
                ("tree-node-b-title", "T {server}"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn error_entries_are_named_by_code_socket_or_pattern() {
        let d = doc(r#"
[[entry]]
code = "0x800CCC0E"
meaning = "A"
[[entry]]
socket = 10060
meaning = "B"
[[entry]]
pattern = "Could not connect to SMTP server"
also = "(465)"
meaning = "C"
"#);
        let ids: Vec<String> = entries(Source::Errors, "errors", &d)
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(
            ids,
            [
                "errors-entry-0x800ccc0e-meaning",
                "errors-entry-socket-10060-meaning",
                "errors-entry-could-not-connect-to-smtp-server-465-meaning",
            ]
        );
    }

    #[test]
    fn ui_skips_ids_and_the_name_and_the_path_finds_the_string_again() {
        let mut d = doc(r#"
[app]
name = "smtp-doctor"
step_of = "Step {n}"
[start]
choices = [ { id = "error", label = "I see an error", hint = "" } ]
[kiosk]
offline_steps = ["a", "b"]
"#);
        let es = entries(Source::Ui, "ui", &d);
        let ids: Vec<&str> = es.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ui-app-step_of",
                "ui-kiosk-offline_steps-1",
                "ui-kiosk-offline_steps-2",
                "ui-start-choices-error-label",
            ]
        );
        for e in &es {
            *at_mut(&mut d, &e.path).unwrap() = format!("<{}>", e.text);
        }
        assert_eq!(entries(Source::Ui, "ui", &d)[2].text, "<b>");
    }

    #[test]
    fn identifiers_are_fluent_identifiers() {
        assert_eq!(ident("Could not connect: (465)!"), "could-not-connect-465");
        assert_eq!(ident("***"), "x");
        assert!(ident(&"a".repeat(100)).len() <= 48);
    }
}
