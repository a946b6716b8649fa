//! A language's `.ftl` files checked against the English wording and applied to it.
//!
//! Checked at load time: the syntax (file, line and column of every error), that every
//! message names an English sentence, and that it uses exactly the English sentence's
//! placeholders. A translated sentence replaces the English one only where the document's
//! English is the sentence it was made from (a replaced tree or profile keeps its own words).

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::flatten::{self, Entry, Source};
use super::ftl;

/// One problem in a translation file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Every variable a pattern reads, in selectors and variants too.
fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
    for el in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars<'s>(e: &ast::Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars<'s>(i: &ast::InlineExpression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        _ => {}
    }
}

/// Checks one translation file (`name` for messages) against the English entries of its
/// source. Terms (`-outlook-file = ...`) are allowed anywhere; messages must be English ids.
pub fn check(name: &str, text: &str, english: &[Entry]) -> Vec<Problem> {
    let at = |offset: usize, message: String| {
        let (line, column) = position(text, offset);
        Problem {
            file: name.to_string(),
            line,
            column,
            message,
        }
    };
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => {
            return errors
                .iter()
                .map(|e| at(e.pos.start, format!("{:?}", e.kind)))
                .collect();
        }
    };
    let by_id: BTreeMap<&str, &Entry> = english.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut problems = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let offset = offset_of(text, m.id.name);
        let Some(en) = by_id.get(m.id.name) else {
            problems.push(at(
                offset,
                format!("`{}` is not an English sentence's id", m.id.name),
            ));
            continue;
        };
        let Some(value) = &m.value else {
            problems.push(at(offset, format!("`{}` has no text", m.id.name)));
            continue;
        };
        let mut used = BTreeSet::new();
        variables(value, &mut used);
        let wanted: BTreeSet<String> = ftl::placeholders(&en.text)
            .iter()
            .map(|p| ftl::variable(p))
            .collect();
        let used: BTreeSet<String> = used.into_iter().map(str::to_string).collect();
        for extra in used.difference(&wanted) {
            problems.push(at(
                offset,
                format!(
                    "`{}` uses ${extra}, which the English does not have",
                    m.id.name
                ),
            ));
        }
        for missing in wanted.difference(&used) {
            problems.push(at(offset, format!("`{}` leaves out ${missing}", m.id.name)));
        }
    }
    if text.contains([ftl::OPEN, ftl::CLOSE]) {
        let offset = text.find([ftl::OPEN, ftl::CLOSE]).unwrap_or(0);
        problems.push(at(offset, "a private-use character (U+E000/E001)".into()));
    }
    problems
}

/// Where a message's definition starts (`id =` at the start of a line).
fn offset_of(text: &str, id: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id) {
            if rest.trim_start().starts_with('=') {
                return offset;
            }
        }
        offset += line.len();
    }
    0
}

/// A language's messages for the sources, ready to apply.
pub struct Translation {
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Translation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translation").finish_non_exhaustive()
    }
}

impl Translation {
    /// A bundle of the given files (already checked). Files that fail to parse are
    /// skipped (English then shows), which `check` reports.
    pub fn new(lang: &LanguageIdentifier, files: &[&str]) -> Self {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
        // Isolation marks would land in terminal text and reports as invisible characters.
        bundle.set_use_isolating(false);
        for text in files {
            if let Ok(res) = FluentResource::try_new((*text).to_string()) {
                // A message defined twice keeps its first definition; `check` reports the rest.
                let _ = bundle.add_resource(res);
            }
        }
        Translation { bundle }
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .and_then(|m| m.value())
            .is_some()
    }

    /// The translated sentence for `entry` in template syntax, `None` when the language
    /// lacks it or it cannot be formatted.
    pub fn sentence(&self, source: Source, entry: &Entry) -> Option<String> {
        let message = self.bundle.get_message(&entry.id)?;
        let pattern = message.value()?;
        let mut args = FluentArgs::new();
        for p in ftl::placeholders(&entry.text) {
            let stand_in = format!("{}{p}{}", ftl::OPEN, ftl::CLOSE);
            args.set(ftl::variable(&p), FluentValue::from(stand_in));
        }
        let mut errors = Vec::new();
        let formatted = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            return None;
        }
        Some(ftl::to_template(source, &formatted))
    }

    /// Formats message `id` with real values (for sentences chosen by a number: plurals).
    pub fn format(&self, id: &str, values: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut args = FluentArgs::new();
        for (k, v) in values {
            args.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        errors.is_empty().then(|| out.into_owned())
    }
}

/// Replaces, in `doc`, every sentence `translation` has, where the document's English is the
/// reference English for that id. Returns how many were replaced.
pub fn apply(
    source: Source,
    prefix: &str,
    doc: &mut toml::Table,
    reference: &[Entry],
    translation: &Translation,
) -> usize {
    let reference: BTreeMap<&str, &str> = reference
        .iter()
        .map(|e| (e.id.as_str(), e.text.as_str()))
        .collect();
    let mut replaced = 0;
    for entry in flatten::entries(source, prefix, doc) {
        if reference.get(entry.id.as_str()) != Some(&entry.text.as_str()) {
            continue;
        }
        if let Some(t) = translation.sentence(source, &entry) {
            if let Some(slot) = flatten::at_mut(doc, &entry.path) {
                *slot = t;
                replaced += 1;
            }
        }
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Vec<Entry> {
        let doc: toml::Table = toml::from_str(
            r#"
[node.a]
title = "Use port {recommended.port}"
fix = ["Type {server} {{exactly}}", "Restart"]
"#,
        )
        .unwrap();
        flatten::entries(Source::Tree, "tree", &doc)
    }

    #[test]
    fn check_names_line_and_column() {
        let en = english();
        let ftl = "tree-node-a-title = Port { $port }\ntree-node-zz = x\ntree-node-a-fix-1 = { $server } {\"{\"}genau{\"}\"}\n";
        let p = check("de/tree.ftl", ftl, &en);
        let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            [
                "de/tree.ftl:1:1: `tree-node-a-title` uses $port, which the English does not have",
                "de/tree.ftl:1:1: `tree-node-a-title` leaves out $recommended-port",
                "de/tree.ftl:2:1: `tree-node-zz` is not an English sentence's id",
            ]
        );
        let broken = check("de/tree.ftl", "tree-node-a-title = { $x\n", &en);
        assert_eq!(broken.len(), 1);
        // The unclosed placeable is found where the input ends.
        assert_eq!(
            (broken[0].line, broken[0].file.as_str()),
            (2, "de/tree.ftl")
        );
    }

    #[test]
    fn apply_replaces_only_unchanged_english() {
        let en = english();
        let lang: LanguageIdentifier = "de".parse().unwrap();
        let t = Translation::new(
            &lang,
            &["-port = Anschluss\ntree-node-a-title = { -port } { $recommended-port }\ntree-node-a-fix-1 = Tippen Sie { $server } {\"{\"}genau{\"}\"}\n"],
        );
        let mut doc: toml::Table = toml::from_str(
            r#"
[node.a]
title = "Use port {recommended.port}"
fix = ["Type {server} {{exactly}}", "Restart now"]
"#,
        )
        .unwrap();
        // "Restart now" differs from the reference: it stays, as does the untranslated one.
        assert_eq!(apply(Source::Tree, "tree", &mut doc, &en, &t), 2);
        let after = flatten::entries(Source::Tree, "tree", &doc);
        // Sorted keys: fix before title.
        assert_eq!(after[0].text, "Tippen Sie {server} {{genau}}");
        assert_eq!(after[1].text, "Restart now");
        assert_eq!(after[2].text, "Anschluss {recommended.port}");
    }

    #[test]
    fn plurals_format_with_numbers() {
        let lang: LanguageIdentifier = "de".parse().unwrap();
        let t = Translation::new(
            &lang,
            &["n = { $n ->\n    [one] eine Prüfung\n   *[other] { $n } Prüfungen\n}\n"],
        );
        assert_eq!(
            t.format("n", &[("n", FluentValue::from(1))]).unwrap(),
            "eine Prüfung"
        );
        assert_eq!(
            t.format("n", &[("n", FluentValue::from(3))]).unwrap(),
            "3 Prüfungen"
        );
    }
}
