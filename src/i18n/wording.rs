//! The embedded wording files in a language: each parsed from its English TOML, the
//! language's sentences applied, and kept for the life of the process (one per language and
//! file: the wizard can switch languages, so every language may be asked for).

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::FluentValue;

use super::flatten::Source;
use super::translate::{self, Translation};
use super::{english, Lang};

/// A language's messages (all of its files, terms included).
pub fn translation(lang: Lang) -> &'static Translation {
    static ALL: OnceLock<Mutex<BTreeMap<Lang, &'static Translation>>> = OnceLock::new();
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry(lang).or_insert_with(|| {
        let mut files: Vec<&str> = lang.files().iter().map(|(_, t)| *t).collect();
        if lang != Lang::En {
            // English plural forms stand in where the language has none of its own
            // (messages added later do not replace earlier ones).
            files.push(english::PLURAL_FTL);
        }
        // Kept for the process's life: at most one per language.
        Box::leak(Box::new(Translation::new(&lang.identifier(), &files)))
    })
}

/// `text` (an English wording document of `source` whose ids start with `prefix`) with the
/// sentences of `lang` applied; `None` when the text is not TOML.
pub fn translate_document(
    source: Source,
    prefix: &str,
    text: &str,
    lang: Lang,
) -> Option<toml::Table> {
    let mut doc: toml::Table = toml::from_str(text).ok()?;
    if lang != Lang::En {
        translate::apply(
            source,
            prefix,
            &mut doc,
            reference(source),
            translation(lang),
        );
    }
    Some(doc)
}

/// The English entries of `source`, read once: a catalog translates each of the 26 shipped
/// profiles against all of them, which re-read every profile 26 times (most of
/// `check --lang de`'s start-up).
fn reference(source: Source) -> &'static [super::flatten::Entry] {
    type Cache = Mutex<BTreeMap<Source, &'static [super::flatten::Entry]>>;
    static ALL: OnceLock<Cache> = OnceLock::new();
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Kept for the process's life: at most one per source.
    map.entry(source)
        .or_insert_with(|| Box::leak(english::entries(source).into_boxed_slice()))
}

/// One of the program's own wording files (`Ui`, `Errors`, `Report`) in `lang`, as a table.
/// A file that does not parse (a build defect the tests catch) is empty.
pub fn table(source: Source, lang: Lang) -> &'static toml::Table {
    static ALL: OnceLock<Mutex<BTreeMap<(Source, Lang), &'static toml::Table>>> = OnceLock::new();
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry((source, lang)).or_insert_with(|| {
        let text = match source {
            Source::Ui => english::UI_TOML,
            Source::Errors => english::ERRORS_TOML,
            Source::Report => english::REPORT_TOML,
            Source::Tree => crate::tree::EMBEDDED,
            Source::Profile => "",
        };
        let doc = translate_document(source, source.name(), text, lang).unwrap_or_default();
        Box::leak(Box::new(doc))
    })
}

/// A sentence chosen by the number `n` (`plural-...` ids of `assets/locales/en/plural.ftl`),
/// with the plural rules of `lang`; `None` when neither the language nor English has it.
pub fn plural(lang: Lang, id: &str, n: u64) -> Option<String> {
    translation(lang).format(id, &[("n", FluentValue::from(n))])
}

/// The word of `lang` for a value the program puts into a sentence, found by the English
/// word (`None` → "Keine"): the `[words]` of `assets/report.toml`. Values that are not such
/// a word (a server name, a number) come back as they are.
pub fn word(lang: Lang, value: &str) -> String {
    if lang == Lang::En {
        return value.to_string();
    }
    let english = words(table(Source::Report, Lang::En));
    let translated = words(table(Source::Report, lang));
    english
        .iter()
        .find(|(_, v)| v.as_str() == value)
        .and_then(|(path, _)| translated.get(path))
        .cloned()
        .unwrap_or_else(|| value.to_string())
}

/// A sentence of `[phrases]` in `assets/report.toml` in `lang` (English where the language
/// lacks it), its `{name}` placeholders filled with `values`.
pub fn phrase(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let find = |l: Lang| {
        table(Source::Report, l)
            .get("phrases")
            .and_then(|p| p.get(key))
            .and_then(toml::Value::as_str)
            .map(str::to_string)
    };
    let mut out = find(lang).or_else(|| find(Lang::En)).unwrap_or_default();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A `[phrases]` sentence with a count `{n}`, with the plural rules of `lang`
/// (`plural-report-phrases-<key>`; the plain sentence where the language has translated it
/// but has no plural form of its own).
pub fn phrase_count(lang: Lang, key: &str, n: u64) -> String {
    let id = format!("plural-report-phrases-{key}");
    let own_plural = lang.files().iter().any(|(name, text)| {
        name.ends_with("/plural.ftl") && text.lines().any(|l| l.starts_with(id.as_str()))
    });
    let plain = translation(lang).has(&format!("report-phrases-{key}"));
    if lang == Lang::En || own_plural || !plain {
        if let Some(s) = plural(lang, &id, n) {
            return s;
        }
    }
    phrase(lang, key, &[("n", &n.to_string())])
}

/// What an absent value reads in `lang` ("(unknown)").
pub fn unknown(lang: Lang) -> String {
    table(Source::Report, lang)
        .get("words")
        .and_then(|w| w.get("unknown"))
        .and_then(toml::Value::as_str)
        .unwrap_or("(unknown)")
        .to_string()
}

/// The `[words]` strings by their path (`security.None`).
fn words(doc: &toml::Table) -> BTreeMap<String, String> {
    fn walk(prefix: &str, v: &toml::Value, out: &mut BTreeMap<String, String>) {
        match v {
            toml::Value::String(s) => {
                out.insert(prefix.to_string(), s.clone());
            }
            toml::Value::Table(t) => {
                for (k, v) in t {
                    walk(&format!("{prefix}.{k}"), v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    if let Some(w) = doc.get("words") {
        walk("", w, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_plurals_agree_with_the_number() {
        assert_eq!(
            plural(Lang::En, "plural-ui-checks-step_count", 1).as_deref(),
            Some("1 check passed")
        );
        assert_eq!(
            plural(Lang::En, "plural-ui-checks-step_count", 4).as_deref(),
            Some("4 checks passed")
        );
        // A language without its own plural forms yet falls back to English's.
        for lang in Lang::ALL {
            assert!(plural(lang, "plural-ui-checks-count_warned", 2).is_some());
        }
        assert_eq!(plural(Lang::En, "plural-nothing", 2), None);
    }

    #[test]
    fn phrases_fill_and_count() {
        assert_eq!(
            phrase(Lang::En, "cert_works", &[("name", "mail.example")]),
            "mail.example works"
        );
        assert_eq!(phrase_count(Lang::En, "sign_in_times", 2), "2 times");
        assert_eq!(phrase(Lang::En, "no_such_phrase", &[]), "");
    }

    #[test]
    fn words_are_found_by_their_english() {
        assert_eq!(word(Lang::En, "None"), "None");
        assert_eq!(word(Lang::De, "smtp.example.com"), "smtp.example.com");
        // Outlook's German list says "Keine" (assets/locales/de/report.ftl).
        assert_eq!(word(Lang::De, "None"), "Keine");
        assert_eq!(unknown(Lang::De), "(unbekannt)");
        assert_eq!(unknown(Lang::En), "(unknown)");
        assert!(table(Source::Ui, Lang::De).contains_key("start"));
    }
}
