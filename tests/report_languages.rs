//! The reports in another language: the text and Markdown reports' own words come from the
//! language's wording, the JSON keeps its keys and codes and says its language, and server
//! mode still reads a customer's Markdown report written in that language.

use std::path::Path;

use smtp_doctor::catalog::Catalog;
use smtp_doctor::diagnosis;
use smtp_doctor::i18n::Lang;
use smtp_doctor::recording::Recording;
use smtp_doctor::report::wording::wording;
use smtp_doctor::report::{markdown, text, Report};
use smtp_doctor::tree::QuestionMode;

fn report(lang: Lang) -> Report {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/lab_exim_wrong_password.toml");
    let rec = Recording::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (input, _) = rec.input.to_input();
    let catalog = Catalog::embedded_in(lang).unwrap();
    let d = diagnosis::diagnose(&catalog, &input, &rec.facts, QuestionMode::UseDefaults);
    Report::new(&d).in_lang(lang)
}

#[test]
fn the_reports_speak_the_chosen_language() {
    for lang in Lang::ALL {
        let r = report(lang);
        let w = wording(lang);
        let t = text::render(&r);
        assert!(t.contains(&w.text.checks), "{lang}: {t}");
        assert!(t.contains(&w.text.do_this), "{lang}: {t}");
        let md = markdown::render(&r);
        assert!(
            md.contains(&format!("## {}", w.markdown.checks)),
            "{lang}: {md}"
        );
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["lang"], lang.tag());
        // Codes and enum values do not change with the language.
        assert_eq!(json["verdict"], "problem");
        assert_eq!(json["causes"][0]["confidence"], "confirmed");
    }
    // German has its report words: no English heading is left in its text report.
    let de = text::render(&report(Lang::De));
    assert!(de.contains("Prüfungen:") && !de.contains("Checks:"), "{de}");
}

#[test]
fn server_mode_reads_a_markdown_report_in_any_language() {
    for lang in Lang::ALL {
        let md = markdown::render(&report(lang));
        let customer = smtp_doctor::server::from_report::parse("r.md", &md)
            .unwrap_or_else(|e| panic!("{lang}: {e}\n{md}"));
        assert!(
            customer
                .email
                .as_deref()
                .is_some_and(|e| e.contains("exim.test")),
            "{lang}: {customer:?}"
        );
        assert!(customer.tested_at.is_some(), "{lang}: {customer:?}");
        assert!(
            customer
                .account
                .as_deref()
                .is_some_and(|a| a.contains("exim.test")),
            "{lang}: {customer:?}"
        );
    }
}
