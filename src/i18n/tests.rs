use std::collections::BTreeSet;
use std::path::PathBuf;

use super::english;
use super::flatten::{Entry, Source};
use super::{ftl, translate, Lang, Translation};

const SOURCES: [Source; 5] = [
    Source::Ui,
    Source::Tree,
    Source::Errors,
    Source::Profile,
    Source::Report,
];

const HEADER: &str = "Generated from the English wording (do not edit: SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n).
The English reference that translations in assets/locales/<lang>/ follow: keep each id, use
exactly the variables listed above a message, and write the mail programs' menu labels as the
terms of vendor.ftl.";

fn reference_path(source: Source) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/locales/en")
        .join(format!("{}.ftl", source.name()))
}

fn reference_text(source: Source) -> String {
    let header = format!("{HEADER}\nSource: {}", describe(source));
    ftl::reference(source, &header, &english::entries(source))
}

fn describe(source: Source) -> &'static str {
    match source {
        Source::Ui => "assets/ui.toml",
        Source::Tree => "assets/tree.toml",
        Source::Errors => "assets/error-codes.toml",
        Source::Profile => "profiles/*.toml (notes)",
        Source::Report => "assets/report.toml",
    }
}

/// The English reference files are exactly what the TOML wording generates.
#[test]
fn english_reference_is_in_step_with_the_toml() {
    let bless = std::env::var_os("SMTP_DOCTOR_BLESS_LOCALES").is_some();
    for source in SOURCES {
        let want = reference_text(source);
        let path = reference_path(source);
        if bless {
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is out of step with the English wording: run SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n",
            path.display()
        );
    }
}

/// Every English sentence survives the trip into Fluent and back unchanged, so a
/// translation that copies it is exactly the English.
#[test]
fn english_round_trips_through_fluent() {
    for source in SOURCES {
        let entries = english::entries(source);
        assert!(!entries.is_empty(), "{source:?}");
        let text = reference_text(source);
        assert!(
            translate::check("en", &text, &entries).is_empty(),
            "{:?}",
            translate::check("en", &text, &entries)
        );
        let t = Translation::new(&Lang::En.identifier(), &[&text]);
        for e in &entries {
            assert_eq!(
                t.sentence(source, e).as_deref(),
                Some(e.text.as_str()),
                "{}",
                e.id
            );
        }
    }
}

#[test]
fn ids_are_unique_and_variables_do_not_collide() {
    let mut ids = BTreeSet::new();
    let mut names: BTreeSet<(String, String)> = BTreeSet::new();
    for source in SOURCES {
        for e in english::entries(source) {
            assert!(ids.insert(e.id.clone()), "{} twice", e.id);
            for p in ftl::placeholders(&e.text) {
                names.insert((ftl::variable(&p), p));
            }
        }
    }
    let vars: BTreeSet<&String> = names.iter().map(|(v, _)| v).collect();
    assert_eq!(
        vars.len(),
        names.len(),
        "two placeholders share a Fluent name"
    );
}

fn entries_for(name: &str, all: &[(Source, Vec<Entry>)]) -> Vec<Entry> {
    // vendor.ftl holds terms only; plural.ftl the English plural messages; the others
    // follow their source.
    if name.ends_with("/plural.ftl") {
        return english::plural_entries();
    }
    all.iter()
        .find(|(s, _)| name.ends_with(&format!("/{}.ftl", s.name())))
        .map(|(_, e)| e.clone())
        .unwrap_or_default()
}

/// Every language's files parse, name English ids only and use exactly the English
/// placeholders (file, line and column for each problem).
#[test]
fn every_translation_is_well_formed() {
    let all: Vec<(Source, Vec<Entry>)> =
        SOURCES.iter().map(|s| (*s, english::entries(*s))).collect();
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for (name, text) in lang.files() {
            problems.extend(translate::check(name, text, &entries_for(name, &all)));
        }
    }
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "{}", listed.join("\n"));
}

/// Every English sentence exists in every language: the gaps are listed by language.
#[test]
fn no_language_has_gaps() {
    let mut gaps = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let files: Vec<&str> = lang.files().iter().map(|(_, t)| *t).collect();
        let t = Translation::new(&lang.identifier(), &files);
        for source in SOURCES {
            for e in english::entries(source) {
                if t.sentence(source, &e).is_none() {
                    gaps.push(format!("{lang}: {}", e.id));
                }
            }
        }
    }
    assert!(gaps.is_empty(), "{} gaps:\n{}", gaps.len(), gaps.join("\n"));
}

#[test]
fn languages_parse_from_tags_and_locales() {
    for (s, l) in [
        ("de_DE.UTF-8", Some(Lang::De)),
        ("pt_BR", Some(Lang::PtBr)),
        ("pt-PT", Some(Lang::PtBr)),
        ("nl_BE@euro", Some(Lang::Nl)),
        ("FR", Some(Lang::Fr)),
        ("en-US", Some(Lang::En)),
        ("C", None),
        ("ja_JP", None),
        ("", None),
    ] {
        assert_eq!(Lang::parse(s), l, "{s}");
    }
    for l in Lang::ALL {
        assert_eq!(Lang::parse(l.tag()), Some(l));
    }
}

/// The terms of a `vendor.ftl` (name without the dash → its plain text).
fn terms(text: &str) -> std::collections::BTreeMap<String, String> {
    use fluent_syntax::ast;
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Term(t) => {
                let value: String = t
                    .value
                    .elements
                    .iter()
                    .filter_map(|el| match el {
                        ast::PatternElement::TextElement { value } => Some(*value),
                        ast::PatternElement::Placeable { .. } => None,
                    })
                    .collect();
                Some((t.id.name.to_string(), value.trim().to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Whether `label` stands in `sentence` as a whole (not inside a longer word).
fn has_label(sentence: &str, label: &str) -> bool {
    let mut from = 0;
    while let Some(i) = sentence[from..].find(label) {
        let at = from + i;
        let before = sentence[..at].chars().next_back();
        let after = sentence[at + label.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + label.len();
    }
    false
}

/// The terms whose English value stands in `sentence` although the language has its own.
fn english_labels_in(
    sentence: &str,
    english: &std::collections::BTreeMap<String, String>,
    own: &std::collections::BTreeMap<String, String>,
) -> Vec<String> {
    english
        .iter()
        .filter(|(name, en)| own.get(*name).is_some_and(|v| v != *en) && has_label(sentence, en))
        .map(|(name, _)| name.clone())
        .collect()
}

fn vendor_file(lang: Lang) -> &'static str {
    lang.files()
        .iter()
        .find(|(name, _)| name.ends_with("/vendor.ftl"))
        .map_or("", |(_, t)| *t)
}

/// A fix step never mixes an English menu label into another language: no translated
/// sentence of the wizard, the tree or the reports holds the English value of a vendor term
/// where the language has its own, different value for that term (it must use the term).
#[test]
fn no_translation_holds_an_english_menu_label() {
    let english = terms(vendor_file(Lang::En));
    assert!(english.len() >= 20, "{english:?}");
    let mut mixed = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let own = terms(vendor_file(lang));
        let files: Vec<&str> = lang.files().iter().map(|(_, t)| *t).collect();
        let t = Translation::new(&lang.identifier(), &files);
        for source in [Source::Ui, Source::Tree, Source::Report] {
            for e in english::entries(source) {
                let Some(sentence) = t.sentence(source, &e) else {
                    continue;
                };
                for name in english_labels_in(&sentence, &english, &own) {
                    mixed.push(format!("{lang}: {} holds -{name}'s English value", e.id));
                }
            }
        }
    }
    assert!(mixed.is_empty(), "{}", mixed.join("\n"));
}

#[test]
fn labels_are_found_as_whole_words() {
    assert!(has_label("Klicken Sie auf Change.", "Change"));
    assert!(!has_label("Changed settings", "Change"));
    let en = terms(vendor_file(Lang::En));
    assert_eq!(en.get("outlook-change").map(String::as_str), Some("Change"));
    let de = terms("-outlook-change = Ändern\n-outlook-encryption-auto = Auto\n");
    // An English label the language names otherwise is caught; one it shares is not.
    assert_eq!(
        english_labels_in("Wählen Sie Change und dann Auto.", &en, &de),
        ["outlook-change"]
    );
    assert!(english_labels_in("Wählen Sie Ändern und dann Auto.", &en, &de).is_empty());
}
