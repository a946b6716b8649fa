//! The wizard's new-account path: the start screen's "new account" choice opens a screen
//! that takes only the address, starts a run with the new-account checks on, and shows what
//! Outlook and Thunderbird would fill in and whether it works. Driven through `update`
//! alone (no terminal, no network); the facts are the recorded lab runs of
//! `tests/scenarios/lab_autoconfig_*.toml`. Snapshots at 80x24 and 120x40.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::recording::Recording;
use smtp_doctor::settings::{Input, Options};
use smtp_doctor::ui::model::{Clock, Model, Screen, Symptom};
use smtp_doctor::ui::msg::{Effect, Msg};
use smtp_doctor::ui::new_account::summary::ClientState;
use smtp_doctor::ui::update::update;
use smtp_doctor::ui::view;
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

fn model() -> Model {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    Model::new(
        Input::new(""),
        Options::default(),
        catalog,
        UiOptions::default(),
        clock,
    )
}

fn press(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn type_text(m: &mut Model, s: &str) {
    for c in s.chars() {
        press(m, KeyCode::Char(c));
    }
}

fn new_account_choice() -> char {
    let i = Symptom::ALL
        .iter()
        .position(|s| *s == Symptom::NewAccount)
        .unwrap();
    char::from(b'1' + u8::try_from(i).unwrap())
}

/// Opens the screen, types `email` and presses Enter: the effects of Look up.
fn look_up(m: &mut Model, email: &str) -> Vec<Effect> {
    press(m, KeyCode::Char(new_account_choice()));
    assert_eq!(m.screen, Screen::NewAccount);
    assert_eq!(
        m.new_account.focus, 0,
        "the focus starts in the address field"
    );
    type_text(m, email);
    press(m, KeyCode::Enter)
}

/// The facts of a recorded lab run, as if the run had sent them.
fn recorded(m: &mut Model, scenario: &str) {
    let path = format!(
        "{}/tests/scenarios/{scenario}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let r = Recording::from_toml(&text).unwrap();
    m.run.facts = r.facts;
    m.refresh();
}

fn snap(name: &str, m: &mut Model) {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut rendered = None;
        t.draw(|f| rendered = Some(view::render(f, m))).unwrap();
        m.rendered = rendered.unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn look_up_starts_a_run_with_the_new_account_checks_for_the_address_alone() {
    let mut m = model();
    let effects = look_up(&mut m, "alice@ac-sslport.test");
    let started = effects.iter().find_map(|e| match e {
        Effect::StartChecks { input, options, .. } => Some((input.clone(), options.clone())),
        _ => None,
    });
    let (input, options) = started.expect("Look up starts the checks");
    assert_eq!(input.email, "alice@ac-sslport.test");
    assert_eq!(input.server, None);
    assert!(input.password.is_none());
    assert!(options.new_account);
    assert_eq!(
        m.screen,
        Screen::NewAccount,
        "the screen stays to show the answer"
    );
}

#[test]
fn an_address_without_a_domain_is_refused_under_the_field() {
    let mut m = model();
    let effects = look_up(&mut m, "alice");
    assert!(effects.is_empty());
    assert!(m.new_account.problem.is_some());
    assert_eq!(m.new_account.focus, 0);
    // Typing again clears the complaint.
    type_text(&mut m, "@ac-good.test");
    assert!(m.new_account.problem.is_none());
}

#[test]
fn wrong_published_settings_are_shown_per_client() {
    let mut m = model();
    look_up(&mut m, "alice@ac-sslport.test");
    recorded(&mut m, "lab_autoconfig_ssl_on_587");
    let rows = &m.new_account.view.rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].client, "Outlook");
    match &rows[0].state {
        ClientState::Would {
            settings, wrong, ..
        } => {
            assert_eq!(settings, "smtp.example.test, port 587, SSL");
            assert_eq!(
                wrong.as_deref(),
                Some(&["encryption SSL on port 587".to_string()][..])
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        m.new_account.view.verified.as_deref(),
        Some("smtp.example.test, port 587, STARTTLS")
    );
    snap("new_account_ssl_on_587", &mut m);
}

#[test]
fn correct_settings_and_a_certificate_warning() {
    let mut m = model();
    look_up(&mut m, "alice@ac-good.test");
    recorded(&mut m, "lab_autoconfig_correct");
    assert!(m.new_account.view.rows.iter().all(|r| matches!(
        &r.state,
        ClientState::Would { wrong: Some(w), .. } if w.is_empty()
    )));
    snap("new_account_correct", &mut m);

    let mut m = model();
    look_up(&mut m, "alice@ac-badcert.test");
    recorded(&mut m, "lab_autodiscover_cert_for_another_name");
    assert_eq!(
        m.new_account.view.rows[0].state,
        ClientState::CertWarning {
            host: "autodiscover.ac-badcert.test".into(),
            names: "www.hosting-company.test".into()
        }
    );
    assert_eq!(m.new_account.view.rows[1].state, ClientState::Nothing);
}

#[test]
fn while_asking_and_before_look_up() {
    let mut m = model();
    press(&mut m, KeyCode::Char(new_account_choice()));
    assert!(m.new_account.view.rows.is_empty());
    snap("new_account_empty", &mut m);
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Start);
    let mut m = model();
    look_up(&mut m, "alice@ac-none.test");
    m.run
        .facts
        .apply(smtp_doctor::facts::Fact::AutoconfigPlanned);
    m.refresh();
    assert!(m
        .new_account
        .view
        .rows
        .iter()
        .all(|r| r.state == ClientState::Asking));
}

#[test]
fn continue_takes_the_address_and_the_verified_settings_to_the_form() {
    let mut m = model();
    look_up(&mut m, "alice@ac-oldhost.test");
    recorded(&mut m, "lab_autoconfig_old_server");
    // Tab to the buttons: Look up, Continue.
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Right);
    assert_eq!(m.new_account.focus, 2);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account);
    assert_eq!(m.form.email.value(), "alice@ac-oldhost.test");
    assert_eq!(m.form.server.value(), "smtp.example.test");
    assert_eq!(m.form.port.value(), "587");
}

/// The bottom line of the screen at 120x40: the key bar.
fn key_bar(m: &mut Model) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut rendered = None;
    t.draw(|f| rendered = Some(view::render(f, m))).unwrap();
    m.rendered = rendered.unwrap();
    let buffer = t.backend().buffer();
    (0..120)
        .map(|x| buffer[(x, 39)].symbol().to_string())
        .collect()
}

#[test]
fn the_key_bar_says_what_enter_does_in_the_field_and_on_the_buttons() {
    let mut m = model();
    press(&mut m, KeyCode::Char(new_account_choice()));
    let bar = key_bar(&mut m);
    assert!(bar.contains("Enter look up"), "{bar}");
    assert!(!bar.contains("Enter continue"), "{bar}");
    press(&mut m, KeyCode::Tab);
    assert_ne!(m.new_account.focus, 0, "Tab leaves the field");
    let bar = key_bar(&mut m);
    assert!(bar.contains("Enter choose"), "{bar}");
    assert!(!bar.contains("look up"), "{bar}");
}
