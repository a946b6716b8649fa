//! Kiosk mode's rules through `update` alone, with a pinned clock: no key leaves, only the
//! administrator's PIN quits (rate-limited), the idle reset brings back the start screen
//! with every answer and the password gone and stops the run, reports go to the
//! configured folder, and the no-network screen leaves only the way out.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use smtp_doctor::catalog::Catalog;
use smtp_doctor::facts::Fact;
use smtp_doctor::kiosk::{pin, KioskConfig, Locked, PinHash};
use smtp_doctor::settings::{Input, Options};
use smtp_doctor::ui::kiosk::state::{KioskState, Network, PinNote};
use smtp_doctor::ui::model::{Clock, Field, Model, Overlay, SaveStatus, Screen, Symptom};
use smtp_doctor::ui::msg::{Effect, Msg};
use smtp_doctor::ui::update::update;
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

const PIN: &str = "2468-admin";
const IDLE: Duration = Duration::from_secs(60);
const PASSWORD: &str = "Walrus-Tulip-7193";

/// Hashing is slow on purpose: once for the whole file.
fn pin_hash() -> PinHash {
    static HASH: OnceLock<PinHash> = OnceLock::new();
    HASH.get_or_init(|| pin::hash_pin(PIN).unwrap()).clone()
}

fn config(admin_pin: Option<PinHash>) -> KioskConfig {
    KioskConfig {
        admin_pin,
        idle: IDLE,
        reports_dir: PathBuf::from("/srv/kiosk/reports"),
        high_contrast: false,
        lang: None,
        locked: Locked::default(),
    }
}

fn kiosk_with(admin_pin: Option<PinHash>) -> Model {
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    let options = Options {
        reference: Some("ref.example.test".into()),
        ..Options::default()
    };
    let catalog = Catalog::embedded().unwrap();
    let mut m = Model::new(
        Input::new(""),
        options.clone(),
        catalog,
        UiOptions::default(),
        clock,
    );
    m.kiosk = Some(KioskState::new(
        Arc::new(config(admin_pin)),
        Input::new(""),
        options,
        clock.instant,
    ));
    m
}

fn kiosk() -> Model {
    kiosk_with(Some(pin_hash()))
}

fn key(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(m: &mut Model, c: char) -> Vec<Effect> {
    update(
        m,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn type_text(m: &mut Model, s: &str) {
    for c in s.chars() {
        key(m, KeyCode::Char(c));
    }
}

fn exits(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Exit(_)))
}

fn later(m: &mut Model, by: Duration) {
    m.clock.instant += by;
}

/// From the start screen through the error-message screen to the account form, filled
/// in with a password, and the checks started.
fn visitor_fills_everything(m: &mut Model) -> u64 {
    key(m, KeyCode::Char('1'));
    assert_eq!(m.screen, Screen::ErrorText);
    type_text(m, "535 5.7.8 Authentication credentials invalid");
    key(m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account);
    type_text(m, "visitor@example.test");
    key(m, KeyCode::Tab);
    type_text(m, "127.0.0.1");
    while m.form.focus != Field::Password {
        key(m, KeyCode::Tab);
    }
    type_text(m, PASSWORD);
    while m.form.focus != Field::Check {
        key(m, KeyCode::Tab);
    }
    let effects = key(m, KeyCode::Enter);
    let generation = effects
        .iter()
        .find_map(|e| match e {
            Effect::StartChecks { generation, .. } => Some(*generation),
            _ => None,
        })
        .expect("the checks start");
    assert!(m.run.active());
    generation
}

#[test]
fn no_key_leaves_a_kiosk() {
    let mut m = kiosk();
    for c in ['c', 'z', '\\', '4', 'd', 'q'] {
        assert!(!exits(&ctrl(&mut m, c)), "Ctrl-{c} left");
    }
    assert!(!exits(&key(&mut m, KeyCode::Esc)));
    assert!(!exits(&key(&mut m, KeyCode::F(10))));
    assert!(!exits(&key(&mut m, KeyCode::Char('q'))));
    assert_eq!(m.overlay(), Some(Overlay::AdminPin), "q asks for the PIN");
    // While checks run too (the ordinary wizard would ask "Quit anyway?").
    let mut m = kiosk();
    visitor_fills_everything(&mut m);
    key(&mut m, KeyCode::Esc); // out of nothing: the checks screen's Esc goes back
    for c in ['c', 'z', '\\'] {
        assert!(!exits(&ctrl(&mut m, c)), "Ctrl-{c} left while checks ran");
    }
}

#[test]
fn only_the_right_pin_quits() {
    let mut m = kiosk();
    key(&mut m, KeyCode::Char('q'));
    type_text(&mut m, "1357");
    assert!(!exits(&key(&mut m, KeyCode::Enter)));
    let note = m.kiosk.as_ref().unwrap().pin_note;
    assert_eq!(note, Some(PinNote::Wrong));
    assert!(
        m.kiosk.as_ref().unwrap().pin.is_empty(),
        "the field is emptied"
    );
    // Letters type into the PIN field: `q` there is part of a PIN, not a quit key.
    type_text(&mut m, "q");
    assert_eq!(m.kiosk.as_ref().unwrap().pin.value(), "q");
    key(&mut m, KeyCode::Backspace);
    type_text(&mut m, PIN);
    let effects = key(&mut m, KeyCode::Enter);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Exit(0))),
        "{effects:?}"
    );
}

#[test]
fn esc_closes_the_pin_question_and_forgets_what_was_typed() {
    let mut m = kiosk();
    key(&mut m, KeyCode::Char('q'));
    type_text(&mut m, "24");
    key(&mut m, KeyCode::Esc);
    assert_eq!(m.overlay(), None);
    key(&mut m, KeyCode::Char('q'));
    assert!(m.kiosk.as_ref().unwrap().pin.is_empty());
}

#[test]
fn guesses_are_rate_limited_even_across_a_reset() {
    let mut m = kiosk();
    // An idle time shorter than the 30 s wait after three wrong guesses.
    let idle = Duration::from_secs(10);
    m.kiosk.as_mut().unwrap().config = Arc::new(KioskConfig {
        idle,
        ..config(Some(pin_hash()))
    });
    key(&mut m, KeyCode::Char('q'));
    for _ in 0..3 {
        type_text(&mut m, "0000");
        key(&mut m, KeyCode::Enter);
    }
    assert!(matches!(
        m.kiosk.as_ref().unwrap().pin_note,
        Some(PinNote::Wait(_))
    ));
    // The idle reset does not buy new guesses.
    later(&mut m, idle + Duration::from_secs(1));
    update(&mut m, Msg::Tick);
    assert_eq!(m.overlay(), None, "the reset closed the question");
    key(&mut m, KeyCode::Char('q'));
    type_text(&mut m, PIN);
    assert!(
        !exits(&key(&mut m, KeyCode::Enter)),
        "even the right PIN waits"
    );
    // 11 s passed with the reset; 20 more make 31 s since the third wrong guess, past its
    // 30 s wait: the right PIN is taken.
    later(&mut m, Duration::from_secs(20));
    type_text(&mut m, PIN);
    assert!(exits(&key(&mut m, KeyCode::Enter)));
}

#[test]
fn without_a_pin_quitting_is_off() {
    let mut m = kiosk_with(None);
    key(&mut m, KeyCode::Char('q'));
    assert_eq!(m.overlay(), Some(Overlay::AdminPin));
    type_text(&mut m, "anything");
    assert!(m.kiosk.as_ref().unwrap().pin.is_empty(), "nothing to type");
    assert!(!exits(&key(&mut m, KeyCode::Enter)));
    assert_eq!(m.overlay(), None, "Enter closes the note");
}

#[test]
fn sigterm_still_ends_a_kiosk() {
    let mut m = kiosk();
    let effects = update(&mut m, Msg::Signal(143));
    assert!(effects.iter().any(|e| matches!(e, Effect::Exit(143))));
}

#[test]
fn the_idle_reset_wipes_every_answer_and_stops_the_run() {
    let mut m = kiosk();
    let generation = visitor_fills_everything(&mut m);
    assert_eq!(m.form.password.value(), PASSWORD);
    assert!(m.run.input.as_ref().unwrap().password.is_some());
    // Just before the idle time: nothing happens.
    later(&mut m, IDLE.checked_sub(Duration::from_secs(1)).unwrap());
    assert!(update(&mut m, Msg::Tick).is_empty());
    assert_eq!(m.screen, Screen::Checks);
    // A key moves the deadline.
    key(&mut m, KeyCode::Up);
    later(&mut m, Duration::from_secs(2));
    assert!(update(&mut m, Msg::Tick).is_empty());
    assert_eq!(
        m.idle_deadline(),
        (m.clock.instant + IDLE).checked_sub(Duration::from_secs(2))
    );
    // Past it: the start screen with nothing of the visitor left.
    later(&mut m, IDLE);
    let effects = update(&mut m, Msg::Tick);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::CancelChecks)),
        "{effects:?}"
    );
    assert_eq!(m.screen, Screen::Start);
    assert!(m.back.is_empty() && m.overlays.is_empty());
    assert_eq!(m.symptom, None);
    assert!(m.form.password.is_empty());
    assert!(m.form.email.is_empty() && m.form.server.is_empty());
    assert!(m.error.text.is_empty());
    assert!(m.input.password.is_none() && m.input.email.is_empty());
    assert!(m.input.error_text.is_none());
    assert!(m.run.input.is_none() && !m.run.active());
    assert!(m.diagnosis.is_none());
    assert!(m.copy_text.is_empty());
    assert_eq!(
        m.check_options.reference.as_deref(),
        Some("ref.example.test")
    );
    // The stopped run's late facts are dropped.
    assert!(m.run.generation > generation);
    update(
        &mut m,
        Msg::Fact {
            generation,
            fact: Fact::Done,
        },
    );
    assert!(m.run.input.is_none() && m.diagnosis.is_none());
    // Nothing more to reset until someone touches a key.
    assert_eq!(m.idle_deadline(), None);
    key(&mut m, KeyCode::Down);
    assert!(m.idle_deadline().is_some());
}

#[test]
fn the_mail_server_path_is_not_offered() {
    let mut m = kiosk();
    assert_eq!(m.symptoms().len(), Symptom::ALL.len() - 1);
    assert!(!m.symptoms().contains(&Symptom::Server));
    key(&mut m, KeyCode::Char('6'));
    assert_eq!(m.screen, Screen::Start);
    for _ in 0..10 {
        key(&mut m, KeyCode::Down);
    }
    assert_eq!(m.start_focus, m.symptoms().len() - 1);
}

#[test]
fn reports_go_to_the_configured_folder_under_a_chosen_name() {
    let mut m = kiosk();
    let generation = visitor_fills_everything(&mut m);
    update(
        &mut m,
        Msg::Fact {
            generation,
            fact: Fact::Done,
        },
    );
    key(&mut m, KeyCode::Char('s'));
    assert_eq!(m.screen, Screen::Report);
    assert!(m.report.path.is_empty(), "no path is proposed or typed");
    assert!(!m.typing(), "nothing to type on a kiosk's report screen");
    // The path field cannot get the focus.
    key(&mut m, KeyCode::BackTab);
    key(&mut m, KeyCode::Up);
    assert_eq!(m.report.focus, 1);
    let effects = key(&mut m, KeyCode::Enter);
    let dir = effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveKioskReport { dir, contents, .. } => {
                assert!(!contents.contains(PASSWORD));
                Some(dir.clone())
            }
            _ => None,
        })
        .expect("a kiosk save");
    assert_eq!(dir, PathBuf::from("/srv/kiosk/reports"));
    assert!(matches!(m.report.status, Some(SaveStatus::Saving(_))));
}

#[test]
fn without_a_network_only_the_way_out_works() {
    let mut m = kiosk();
    update(&mut m, Msg::Network { online: false });
    assert_eq!(m.kiosk.as_ref().unwrap().network, Network::Offline);
    key(&mut m, KeyCode::Char('2'));
    assert_eq!(m.screen, Screen::Start, "choices wait for the network");
    key(&mut m, KeyCode::Char('q'));
    assert_eq!(m.overlay(), Some(Overlay::AdminPin));
    key(&mut m, KeyCode::Esc);
    update(&mut m, Msg::Network { online: true });
    key(&mut m, KeyCode::Char('2'));
    assert_eq!(m.screen, Screen::Account);
}

#[test]
fn pasted_text_is_taken_and_touches_the_idle_clock() {
    let mut m = kiosk();
    key(&mut m, KeyCode::Char('1'));
    later(&mut m, IDLE.checked_sub(Duration::from_secs(1)).unwrap());
    update(&mut m, Msg::Paste("550 5.7.1 Relaying denied".into()));
    assert_eq!(m.error.text.value(), "550 5.7.1 Relaying denied");
    later(&mut m, Duration::from_secs(2));
    update(&mut m, Msg::Tick);
    assert_eq!(m.screen, Screen::ErrorText, "the paste counted as activity");
}

/// A locked name server that cannot be used: the visitor may retry or change the account
/// details, never swap in this computer's own name server (that choice is the
/// administrator's), not even by a click on where the button would be.
#[test]
fn a_locked_name_server_is_not_swapped_for_the_computers_own() {
    let mut m = kiosk();
    m.check_options.dns_server = Some("198.51.100.53:53".parse().unwrap());
    let g = visitor_fills_everything(&mut m);
    update(
        &mut m,
        Msg::EngineFailed {
            generation: g,
            kind: smtp_doctor::ui::model::FailureKind::Dns,
            message: "cannot set up DNS resolution".into(),
        },
    );
    assert_eq!(m.screen, Screen::Failure);
    assert_eq!(
        smtp_doctor::ui::failure::failure_buttons(smtp_doctor::ui::model::FailureKind::Dns, true),
        [
            smtp_doctor::ui::model::Button::Retry,
            smtp_doctor::ui::model::Button::ChangeSettings,
            smtp_doctor::ui::model::Button::Quit
        ]
    );
    // The first button is now "Try again": the locked server stays.
    let effects = key(&mut m, KeyCode::Enter);
    let Some(Effect::StartChecks { options, .. }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        options.dns_server,
        Some("198.51.100.53:53".parse().unwrap())
    );
    assert_eq!(
        m.check_options.dns_server,
        Some("198.51.100.53:53".parse().unwrap())
    );
}

#[test]
fn the_settings_file_goes_only_to_the_configured_folder() {
    use smtp_doctor::checks::{CheckRecord, Status};
    let mut m = kiosk();
    let input = Input::new("alice@example.test");
    let facts = smtp_doctor::facts::Facts {
        done: true,
        ..smtp_doctor::facts::Facts::default()
    };
    let mut d = smtp_doctor::diagnosis::diagnose(
        &m.catalog,
        &input,
        &facts,
        smtp_doctor::tree::QuestionMode::UseDefaults,
    );
    d.target = Some(Some(smtp_doctor::facts::Target {
        host: "smtp.example.test".into(),
        source: smtp_doctor::facts::TargetSource::Configured,
    }));
    d.recommended = Some(smtp_doctor::settings::Endpoint {
        server: "smtp.example.test".into(),
        port: 587,
        security: smtp_doctor::settings::Security::Starttls,
        user: Some("alice@example.test".into()),
    });
    d.tested.password_given = false;
    d.checks = vec![CheckRecord {
        id: "smtp.587.ehlo".parse().unwrap(),
        status: Status::Pass,
        duration_ms: 1,
        summary: String::new(),
        detail: serde_json::Value::Null,
    }];
    m.run.input = Some(input);
    m.diagnosis = Some(d);
    m.screen = Screen::Result;
    m.reached_result = true;
    let effects = key(&mut m, KeyCode::Char('e'));
    let [Effect::SaveKioskSettingsFile { dir, contents, .. }] = effects.as_slice() else {
        panic!("expected one kiosk settings file, got {effects:?}");
    };
    assert_eq!(dir, &PathBuf::from("/srv/kiosk/reports"));
    assert!(contents.contains("<hostname>smtp.example.test</hostname>"));
    assert!(matches!(m.export, Some(SaveStatus::Saving(_))));
}
