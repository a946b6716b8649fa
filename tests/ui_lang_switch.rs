//! The start screen's language switch loads a language only when the person picks it:
//! nothing but the starting language before the first frame, the old catalog dropped on a
//! switch, a language that fails to load left out with a one-line problem (the wizard stays
//! in its language), and a kiosk's next visitor back in the kiosk's language. Driven through
//! `update` and drawn on a `TestBackend`, with loaders of the test's own: no files, no
//! network.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::i18n::Lang;
use smtp_doctor::kiosk::{KioskConfig, Locked};
use smtp_doctor::settings::{Input, Options};
use smtp_doctor::ui::kiosk::state::KioskState;
use smtp_doctor::ui::model::{Clock, Model, Screen};
use smtp_doctor::ui::msg::Msg;
use smtp_doctor::ui::update::update;
use smtp_doctor::ui::view;
use smtp_doctor::ui::{CatalogLoader, Languages, UiOptions};
use time::macros::datetime;

const IDLE: Duration = Duration::from_secs(60);

/// A catalog of its own (not the shared embedded one), so a test can see it dropped. The
/// wording is the embedded English; the language is what the loader was asked for.
fn fresh(lang: Lang) -> Arc<Catalog> {
    let mut c = Catalog::clone(&Catalog::embedded().expect("embedded catalog"));
    c.lang = lang;
    Arc::new(c)
}

/// What a loader was asked for, and weak handles on what it gave (to see them dropped).
#[derive(Default)]
struct Log {
    asked: Mutex<Vec<Lang>>,
    given: Mutex<Vec<Weak<Catalog>>>,
    calls: AtomicUsize,
}

impl Log {
    fn asked(&self) -> Vec<Lang> {
        self.asked.lock().unwrap().clone()
    }

    fn alive(&self) -> usize {
        self.given
            .lock()
            .unwrap()
            .iter()
            .filter(|w| w.strong_count() > 0)
            .count()
    }
}

/// A loader that gives a fresh catalog for every language but those in `broken`.
fn loader(broken: &'static [Lang], log: Arc<Log>) -> CatalogLoader {
    CatalogLoader::new(move |lang| {
        log.calls.fetch_add(1, Ordering::SeqCst);
        log.asked.lock().unwrap().push(lang);
        if broken.contains(&lang) {
            return Err(format!(
                "--tree-extra /etc/smtp-doctor/{lang}.toml: No such file or directory\nsecond line"
            ));
        }
        let c = fresh(lang);
        log.given.lock().unwrap().push(Arc::downgrade(&c));
        Ok(c)
    })
}

fn clock() -> Clock {
    Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    }
}

/// The wizard as `run` builds it: the model on the starting catalog, then its languages.
fn wizard(start: Arc<Catalog>, languages: Languages) -> Model {
    let mut m = Model::new(
        Input::new(""),
        Options::default(),
        start,
        UiOptions::default(),
        clock(),
    );
    m.set_languages(languages);
    m
}

fn press(m: &mut Model, code: KeyCode) {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The screen as text, one string per row.
fn screen(m: &mut Model) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let mut rendered = None;
    t.draw(|f| rendered = Some(view::render(f, m)))
        .expect("draw");
    m.rendered = rendered.expect("rendered");
    let buffer = t.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn shows(rows: &[String], text: &str) -> bool {
    rows.iter().any(|r| r.contains(text))
}

#[test]
fn starting_loads_no_other_language_yet_offers_them_all() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::En);
    let mut m = wizard(
        start.clone(),
        Languages::switchable(start, loader(&[], log.clone())),
    );
    assert_eq!(
        log.calls.load(Ordering::SeqCst),
        0,
        "nothing loaded up front"
    );
    assert!(m.can_switch_lang());
    let rows = screen(&mut m);
    assert!(shows(&rows, "Language: English"), "{rows:#?}");
    for lang in Lang::ALL {
        assert!(shows(&rows, lang.native_name()), "{lang}: {rows:#?}");
    }
    assert_eq!(log.calls.load(Ordering::SeqCst), 0, "drawing loads nothing");
}

#[test]
fn each_press_loads_the_next_language_and_drops_the_one_before() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::En);
    let first = Arc::downgrade(&start);
    let mut m = wizard(
        start.clone(),
        Languages::switchable(start, loader(&[], log.clone())),
    );
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::De);
    assert_eq!(m.catalog.lang, Lang::De);
    assert_eq!(log.asked(), [Lang::De]);
    assert_eq!(first.strong_count(), 0, "the starting catalog is dropped");
    press(&mut m, KeyCode::F(3));
    assert_eq!(m.lang, Lang::Fr);
    assert_eq!(log.asked(), [Lang::De, Lang::Fr]);
    assert_eq!(log.alive(), 1, "one catalog in memory");
    // Round the list back to English: each press one load, never two catalogs kept.
    for _ in 2..Lang::ALL.len() {
        press(&mut m, KeyCode::Char('l'));
        assert_eq!(log.alive(), 1);
    }
    assert_eq!(m.lang, Lang::En);
    assert_eq!(log.asked().len(), Lang::ALL.len());
    // A screen still shows the language it switched to.
    assert!(shows(&screen(&mut m), "Language: English"));
}

#[test]
fn a_catalog_a_run_still_holds_stays_until_the_run_lets_go() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::En);
    let first = Arc::downgrade(&start);
    let mut m = wizard(
        start.clone(),
        Languages::switchable(start, loader(&[], log.clone())),
    );
    // The engine of a run started earlier holds the catalog it started with.
    let held_by_run = m.catalog.clone();
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::De);
    assert_eq!(first.strong_count(), 1);
    drop(held_by_run);
    assert_eq!(first.strong_count(), 0);
}

#[test]
fn a_language_that_fails_to_load_is_left_out_and_the_wizard_stays() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::En);
    let mut m = wizard(
        start.clone(),
        Languages::switchable(start.clone(), loader(&[Lang::De], log.clone())),
    );
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::En, "stays in its language");
    assert!(Arc::ptr_eq(&m.catalog, &start));
    assert_eq!(m.screen, Screen::Start);
    let rows = screen(&mut m);
    let problem: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains("Deutsch is not available"))
        .collect();
    assert_eq!(problem.len(), 1, "one line: {rows:#?}");
    assert!(
        problem[0].contains("so we stay in this language: --tree-extra"),
        "{rows:#?}"
    );
    assert!(!shows(&rows, "second line"), "{rows:#?}");
    assert!(
        shows(&rows, "English · Français"),
        "Deutsch not offered: {rows:#?}"
    );
    // The next press skips it and is not asked for it again; the problem line goes.
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::Fr);
    assert_eq!(log.asked(), [Lang::De, Lang::Fr]);
    assert!(!shows(&screen(&mut m), "is not available"));
    for _ in 0..Lang::ALL.len() {
        press(&mut m, KeyCode::Char('l'));
    }
    assert!(!log.asked()[2..].contains(&Lang::De), "{:?}", log.asked());
}

#[test]
fn when_no_other_language_loads_the_switch_goes_away() {
    static ALL_BUT_ENGLISH: [Lang; 6] =
        [Lang::De, Lang::Fr, Lang::Es, Lang::It, Lang::PtBr, Lang::Nl];
    let log = Arc::new(Log::default());
    let start = fresh(Lang::En);
    let mut m = wizard(
        start.clone(),
        Languages::switchable(start, loader(&ALL_BUT_ENGLISH, log.clone())),
    );
    for _ in 0..ALL_BUT_ENGLISH.len() {
        assert!(m.can_switch_lang());
        press(&mut m, KeyCode::Char('l'));
        assert_eq!(m.lang, Lang::En);
    }
    assert_eq!(log.asked(), ALL_BUT_ENGLISH);
    assert!(!m.can_switch_lang());
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(log.calls.load(Ordering::SeqCst), ALL_BUT_ENGLISH.len());
    let rows = screen(&mut m);
    assert!(!shows(&rows, "Language: English"), "{rows:#?}");
    assert!(
        shows(
            &rows,
            "Nederlands is not available, so we stay in this language"
        ),
        "{rows:#?}"
    );
}

#[test]
fn a_fixed_language_offers_no_switch() {
    let start = fresh(Lang::De);
    let mut m = wizard(start.clone(), Languages::single(start));
    assert!(!m.can_switch_lang());
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::De);
    assert!(!shows(&screen(&mut m), "Deutsch ·"));
}

fn kiosk(start: Arc<Catalog>, languages: Languages) -> Model {
    let mut m = wizard(start, languages);
    let config = KioskConfig {
        admin_pin: None,
        idle: IDLE,
        reports_dir: PathBuf::from("/srv/kiosk/reports"),
        high_contrast: false,
        lang: None,
        locked: Locked::default(),
    };
    m.kiosk = Some(KioskState::new(
        Arc::new(config),
        Input::new(""),
        Options::default(),
        m.clock.instant,
    ));
    m
}

#[test]
fn a_kiosk_visitor_s_language_goes_with_them_at_the_idle_reset() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::It);
    let mut m = kiosk(
        start.clone(),
        Languages::switchable(start, loader(&[Lang::Fr], log.clone())),
    );
    // It → Português → Nederlands → English → Deutsch, then Français fails.
    for _ in 0..4 {
        press(&mut m, KeyCode::Char('l'));
    }
    assert_eq!(m.lang, Lang::De);
    press(&mut m, KeyCode::Char('l'));
    assert_eq!(m.lang, Lang::De);
    assert!(m.languages.problem.is_some());
    m.clock.instant += IDLE + Duration::from_secs(1);
    update(&mut m, Msg::Tick);
    assert_eq!(m.screen, Screen::Start);
    assert_eq!(m.lang, Lang::It, "back in the kiosk's language");
    assert_eq!(m.catalog.lang, Lang::It);
    assert_eq!(m.start_lang, Lang::It);
    assert_eq!(log.asked().last(), Some(&Lang::It), "loaded again");
    assert_eq!(log.alive(), 1, "the visitor's language is dropped");
    assert!(m.languages.problem.is_none());
    assert!(!m.languages.offered().contains(&Lang::Fr), "still left out");
    let rows = screen(&mut m);
    assert!(!shows(&rows, "non è disponibile"), "{rows:#?}");
    assert!(!shows(&rows, "is not available"), "{rows:#?}");
}

#[test]
fn a_kiosk_in_its_own_language_resets_without_loading() {
    let log = Arc::new(Log::default());
    let start = fresh(Lang::Nl);
    let mut m = kiosk(
        start.clone(),
        Languages::switchable(start.clone(), loader(&[], log.clone())),
    );
    press(&mut m, KeyCode::Down);
    m.clock.instant += IDLE + Duration::from_secs(1);
    update(&mut m, Msg::Tick);
    assert_eq!(m.screen, Screen::Start);
    assert_eq!(m.lang, Lang::Nl);
    assert!(Arc::ptr_eq(&m.catalog, &start));
    assert_eq!(log.calls.load(Ordering::SeqCst), 0);
}
