//! The wizard in every language it speaks: the start, new-account, account, checks and result screens
//! at 80x24, one snapshot per language and screen (`tests/snapshots/ui_languages__*`), and
//! the key bar, which must keep every hint that matters whole at 80 columns in each.
//!
//! The screens come from a recorded scenario (a wrong password at the lab's Exim) walked with
//! the catalog of the language, so the tree's sentences, the wording and the report's words
//! are the language's own. A language whose translation is still incomplete shows English
//! where it has gaps. After a translation changes, re-bless every language in one command:
//!
//! ```text
//! INSTA_UPDATE=always cargo test --test ui_languages
//! ```
//! (or `cargo insta test --accept --test ui_languages`), then read the diff.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::i18n::Lang;
use smtp_doctor::recording::Recording;
use smtp_doctor::settings::Options;
use smtp_doctor::ui::model::{Clock, Model, Screen};
use smtp_doctor::ui::view;
use smtp_doctor::ui::view::footer::{self, Priority};
use smtp_doctor::ui::{CatalogLoader, Languages, UiOptions};
use time::macros::datetime;

const SCENARIO: &str = "tests/scenarios/lab_exim_wrong_password.toml";

fn recording() -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCENARIO);
    let text = std::fs::read_to_string(&path).expect("scenario");
    Recording::from_toml(&text).expect("recording")
}

fn catalog(lang: Lang) -> Arc<Catalog> {
    Catalog::embedded_in(lang).expect("catalog")
}

/// The switch loads each language when it is picked, as the wizard's does.
fn loader() -> CatalogLoader {
    CatalogLoader::new(|lang| Catalog::embedded_in(lang).map_err(|e| e.to_string()))
}

/// The model in `lang` on `screen`, the recorded run finished (for checks and result).
fn model(lang: Lang, screen: Screen) -> Model {
    let rec = recording();
    let (input, _) = rec.input.to_input();
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    let mut m = Model::new(
        input.clone(),
        Options::default(),
        catalog(lang),
        UiOptions::default(),
        clock,
    );
    m.set_languages(Languages::switchable(catalog(lang), loader()));
    if matches!(screen, Screen::Checks | Screen::Result) {
        m.run.input = Some(input);
        m.run.facts = rec.facts.clone();
        m.run.finished_wall = Some(clock.wall);
        m.refresh();
    }
    m.screen = screen;
    if screen != Screen::Start {
        m.back = vec![Screen::Start];
    }
    m
}

fn draw(m: &mut Model) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let mut rendered = None;
    t.draw(|f| rendered = Some(view::render(f, m)))
        .expect("draw");
    m.rendered = rendered.expect("rendered");
    t
}

const SCREENS: [(&str, Screen); 5] = [
    ("start", Screen::Start),
    ("new_account", Screen::NewAccount),
    ("account", Screen::Account),
    ("checks", Screen::Checks),
    ("result", Screen::Result),
];

fn snap_language(lang: Lang) {
    for (name, screen) in SCREENS {
        let mut m = model(lang, screen);
        let t = draw(&mut m);
        insta::assert_snapshot!(format!("{name}_{}", lang.tag()), t.backend());
    }
}

#[test]
fn english() {
    snap_language(Lang::En);
}

#[test]
fn german() {
    snap_language(Lang::De);
}

#[test]
fn french() {
    snap_language(Lang::Fr);
}

#[test]
fn spanish() {
    snap_language(Lang::Es);
}

#[test]
fn italian() {
    snap_language(Lang::It);
}

#[test]
fn brazilian_portuguese() {
    snap_language(Lang::PtBr);
}

#[test]
fn dutch() {
    snap_language(Lang::Nl);
}

/// The last row of the buffer as text.
fn key_bar(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// At 80 columns, in every language and on every screen, the key bar shows each hint that
/// matters (the main action, back, help, quit, the language switch) whole, and nothing is cut.
#[test]
fn the_key_bar_is_never_cut_at_80_columns() {
    for lang in Lang::ALL {
        for (name, screen) in SCREENS {
            let mut m = model(lang, screen);
            let t = draw(&mut m);
            let bar = key_bar(&t);
            smtp_doctor::ui::text::set_lang(lang);
            let hints = footer::hints(&m);
            let shown = footer::fit(&hints, 80);
            for h in hints.iter().filter(|h| h.priority <= Priority::High) {
                assert!(
                    shown.iter().any(|s| s.key == h.key.key),
                    "{lang} {name}: `{}` dropped from the key bar: {bar:?}",
                    h.key.key
                );
            }
            for s in &shown {
                let whole = format!("{} {}", s.key, s.label);
                assert!(
                    bar.contains(&whole),
                    "{lang} {name}: `{whole}` is cut in the key bar: {bar:?}"
                );
            }
            assert!(!shown.is_empty(), "{lang} {name}: an empty key bar");
        }
    }
}

/// The language switch redraws the whole start screen at once, and the result follows.
#[test]
fn switching_language_redraws_everything() {
    let mut m = model(Lang::En, Screen::Start);
    let before = format!("{:?}", draw(&mut m).backend().buffer());
    assert!(before.contains("Language: English"), "{before}");
    let next = m.next_lang();
    assert_eq!(next, Lang::De);
    m.switch_lang(next);
    assert_eq!(m.catalog.lang, Lang::De);
    let after = format!("{:?}", draw(&mut m).backend().buffer());
    assert!(after.contains("Deutsch"), "{after}");
    assert_ne!(before, after);
    // Round the list and back to English.
    for _ in 1..Lang::ALL.len() {
        let n = m.next_lang();
        m.switch_lang(n);
    }
    assert_eq!(m.lang, Lang::En);
}
