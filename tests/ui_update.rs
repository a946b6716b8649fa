//! The wizard's flow, driven by key events through `update` alone: no terminal, no network.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::checks::reference::ReferenceCheck;
use smtp_doctor::facts::{Fact, Target as ServerTarget, TargetSource};
use smtp_doctor::settings::{Input, Options, Security};
use smtp_doctor::ui::model::{
    Button, Clock, Encryption, FailureKind, Field, Model, Overlay, SaveStatus, Screen, Symptom,
    Target,
};
use smtp_doctor::ui::msg::{Effect, Msg};
use smtp_doctor::ui::update::update;
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

fn clock() -> Clock {
    Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    }
}

fn model(prefill: Input) -> Model {
    model_with(prefill, Options::default())
}

fn model_with(prefill: Input, options: Options) -> Model {
    let catalog = Catalog::embedded().expect("embedded catalog");
    Model::new(prefill, options, catalog, UiOptions::default(), clock())
}

fn empty() -> Model {
    model(Input::new(""))
}

fn prefilled() -> Model {
    let mut i = Input::new("alice@example.test");
    i.server = Some("smtp.example.test".into());
    i.port = Some(587);
    i.security = Some(Security::Starttls);
    model(i)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn press(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, key(code))
}

fn type_text(m: &mut Model, s: &str) {
    for c in s.chars() {
        assert!(update(m, key(KeyCode::Char(c))).is_empty());
    }
}

fn started(effects: &[Effect]) -> Option<u64> {
    effects.iter().find_map(|e| match e {
        Effect::StartChecks { generation, .. } => Some(*generation),
        _ => None,
    })
}

fn exit(effects: &[Effect]) -> Option<i32> {
    effects.iter().find_map(|e| match e {
        Effect::Exit(c) => Some(*c),
        _ => None,
    })
}

/// From the start screen to a submitted account form: the checks have started.
fn to_checks(m: &mut Model) -> u64 {
    press(m, KeyCode::Char('2'));
    assert_eq!(m.screen, Screen::Account);
    if m.form.email.is_empty() {
        type_text(m, "alice@example.test");
    }
    m.form.focus = Field::Check;
    let effects = press(m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Checks);
    started(&effects).expect("checks start")
}

/// Facts that end the run with an invalid server name: the tree concludes at once.
fn finish_with_invalid_server(m: &mut Model, generation: u64) {
    for fact in [
        Fact::ServerNameInvalid("contains a space".into()),
        Fact::Target(None),
        Fact::Done,
    ] {
        assert!(update(m, Msg::Fact { generation, fact }).is_empty());
    }
}

#[test]
fn start_moves_and_clamps() {
    let mut m = empty();
    assert_eq!(m.screen, Screen::Start);
    press(&mut m, KeyCode::Up);
    assert_eq!(m.start_focus, 0);
    for _ in 0..10 {
        press(&mut m, KeyCode::Down);
    }
    let last = Symptom::ALL.len() - 1;
    assert_eq!(m.start_focus, last);
    press(&mut m, KeyCode::BackTab);
    assert_eq!(m.start_focus, last - 1);
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.start_focus, last);
    // Esc on the first screen goes nowhere.
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn only_key_presses_count() {
    let mut m = empty();
    let mut release = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    update(&mut m, Msg::Key(release));
    assert_eq!(m.start_focus, 0);
    let mut repeat = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    repeat.kind = KeyEventKind::Repeat;
    update(&mut m, Msg::Key(repeat));
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn error_message_path_reads_the_message_and_fills_the_address() {
    let mut m = empty();
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::ErrorText);
    assert_eq!(m.symptom, Some(Symptom::ErrorMessage));
    assert!(m.typing());
    type_text(
        &mut m,
        "Task 'bob@example.org - Sending' reported error (0x80042109)",
    );
    assert_eq!(m.error.recognised.code.as_deref(), Some("0x80042109"));
    assert_eq!(
        m.error.recognised.account.as_deref(),
        Some("bob@example.org")
    );
    // Letters type here: q, t, s and ? do not act.
    type_text(&mut m, " qts?");
    assert!(m.error.text.value().ends_with(" qts?"));
    assert!(m.overlays.is_empty());
    for _ in 0..5 {
        press(&mut m, KeyCode::Backspace);
    }
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account);
    assert_eq!(m.form.email.value(), "bob@example.org");
    assert_eq!(
        m.input.error_text.as_deref(),
        Some("Task 'bob@example.org - Sending' reported error (0x80042109)")
    );
    // The address is known, so the focus waits on the Check button.
    assert_eq!(m.form.focus, Field::Check);
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::ErrorText);
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn error_screen_buttons() {
    let mut m = empty();
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.error.focus, 1);
    assert!(!m.typing());
    press(&mut m, KeyCode::Right);
    assert_eq!(m.error.focus, 2);
    press(&mut m, KeyCode::Left);
    assert_eq!(m.error.focus, 1);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Start, "Back button");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account, "Continue button");
    assert_eq!(m.input.error_text, None);
}

#[test]
fn paste_goes_into_the_focused_field_on_one_line() {
    let mut m = empty();
    press(&mut m, KeyCode::Enter);
    update(
        &mut m,
        Msg::Paste("Task 'a@b.example - Sending'\r\nreported error (0x800CCC0E)".into()),
    );
    assert_eq!(
        m.error.text.value(),
        "Task 'a@b.example - Sending'  reported error (0x800CCC0E)"
    );
    assert_eq!(m.error.recognised.code.as_deref(), Some("0x800CCC0E"));
}

#[test]
fn account_form_navigation_and_editing() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(m.form.focus, Field::Email);
    type_text(&mut m, "alice@example.tsx");
    press(&mut m, KeyCode::Backspace);
    press(&mut m, KeyCode::Char('t'));
    press(&mut m, KeyCode::Left);
    press(&mut m, KeyCode::Left);
    press(&mut m, KeyCode::Char('e'));
    press(&mut m, KeyCode::Home);
    press(&mut m, KeyCode::Delete);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::End);
    assert_eq!(m.form.email.value(), "alice@example.test");
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.form.focus, Field::Server);
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.form.focus, Field::Port);
    type_text(&mut m, "587");
    press(&mut m, KeyCode::Down);
    assert_eq!(m.form.focus, Field::Encryption);
    assert_eq!(m.form.encryption, Encryption::Auto);
    press(&mut m, KeyCode::Right);
    assert_eq!(m.form.encryption, Encryption::None);
    press(&mut m, KeyCode::Char(' '));
    assert_eq!(m.form.encryption, Encryption::SslTls);
    press(&mut m, KeyCode::Left);
    press(&mut m, KeyCode::Left);
    assert_eq!(m.form.encryption, Encryption::Auto);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Right);
    assert_eq!(m.form.encryption, Encryption::StartTls);
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.form.focus, Field::Auth);
    assert!(m.form.auth);
    press(&mut m, KeyCode::Down);
    assert_eq!(m.form.focus, Field::User);
    press(&mut m, KeyCode::Down);
    assert_eq!(m.form.focus, Field::Password);
    type_text(&mut m, "s3cret q");
    assert_eq!(m.form.password.value(), "s3cret q");
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Up);
    assert_eq!(m.form.focus, Field::Auth);
    // Unticking authentication takes user name and password out of the way.
    press(&mut m, KeyCode::Char(' '));
    assert!(!m.form.auth);
    press(&mut m, KeyCode::Down);
    assert_eq!(m.form.focus, Field::Check);
    press(&mut m, KeyCode::Right);
    assert_eq!(m.form.focus, Field::Back);
    press(&mut m, KeyCode::Left);
    let effects = press(&mut m, KeyCode::Enter);
    assert!(started(&effects).is_some());
    assert_eq!(m.input.port, Some(587));
    assert_eq!(m.input.security, Some(Security::Starttls));
    assert!(m.input.password.is_none(), "authentication is off");
}

#[test]
fn account_form_refuses_what_cannot_work() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('3'));
    type_text(&mut m, "alice");
    m.form.focus = Field::Check;
    let effects = press(&mut m, KeyCode::Enter);
    assert!(effects.is_empty());
    assert_eq!(m.screen, Screen::Account);
    assert_eq!(m.form.focus, Field::Email);
    assert!(m.form.problem.is_some());
    type_text(&mut m, "@example.test");
    assert!(
        m.form.problem.is_none(),
        "typing in the field clears its complaint"
    );
    m.form.focus = Field::Port;
    type_text(&mut m, "70000");
    m.form.focus = Field::Check;
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.form.focus, Field::Port);
    assert_eq!(m.form.problem.as_ref().map(|p| p.0), Some(Field::Port));
}

#[test]
fn prefilled_options_start_checks_at_launch() {
    let mut m = prefilled();
    let effects = smtp_doctor::ui::update::initial_effects(&mut m);
    assert_eq!(started(&effects), Some(1));
    assert!(m.run.active());
    assert!(m.wants_tick());
    // Nothing on the command line: nothing starts.
    let mut e = empty();
    assert!(smtp_doctor::ui::update::initial_effects(&mut e).is_empty());
    assert!(!e.wants_tick());
    // Reaching the account and confirming the same settings keeps the run going.
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(m.form.focus, Field::Check);
    let effects = press(&mut m, KeyCode::Enter);
    assert!(started(&effects).is_none(), "{effects:?}");
    assert_eq!(m.run.generation, 1);
    assert_eq!(m.screen, Screen::Checks);
}

#[test]
fn changing_what_the_checks_test_starts_a_new_run() {
    let mut m = prefilled();
    smtp_doctor::ui::update::initial_effects(&mut m);
    press(&mut m, KeyCode::Char('2'));
    // The encryption setting only changes the diagnosis: same run.
    m.form.encryption = Encryption::SslTls;
    assert!(started(&press(&mut m, KeyCode::Enter)).is_none());
    assert_eq!(m.input.security, Some(Security::Tls));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Account);
    // The server is tested by the checks: a new run.
    m.form.focus = Field::Server;
    type_text(&mut m, "x");
    m.form.focus = Field::Check;
    assert_eq!(started(&press(&mut m, KeyCode::Enter)), Some(3));
}

#[test]
fn back_during_checks_cancels_and_drops_stale_facts() {
    let mut m = empty();
    let g = to_checks(&mut m);
    update(
        &mut m,
        Msg::Fact {
            generation: g,
            fact: Fact::Plan(vec![587, 465, 25]),
        },
    );
    assert!(m.run.facts.plan.is_some());
    let effects = press(&mut m, KeyCode::Esc);
    assert!(effects.iter().any(|e| matches!(e, Effect::CancelChecks)));
    assert_eq!(m.screen, Screen::Account);
    assert!(m.run.input.is_none());
    assert!(m.run.facts.plan.is_none());
    // A late fact of the abandoned run changes nothing.
    update(
        &mut m,
        Msg::Fact {
            generation: g,
            fact: Fact::Plan(vec![25]),
        },
    );
    assert!(m.run.facts.plan.is_none());
    // The next run has a new generation; the old one's facts stay out of it too.
    m.form.focus = Field::Check;
    let g2 = started(&press(&mut m, KeyCode::Enter)).unwrap();
    assert!(g2 > g);
    update(
        &mut m,
        Msg::Fact {
            generation: g,
            fact: Fact::Done,
        },
    );
    assert!(!m.run.facts.done);
    update(
        &mut m,
        Msg::Fact {
            generation: g2,
            fact: Fact::Target(Some(ServerTarget {
                host: "smtp.example.test".into(),
                source: TargetSource::Proposed,
            })),
        },
    );
    assert_eq!(m.run.facts.target_host(), Some("smtp.example.test"));
}

#[test]
fn a_concluded_run_shows_the_result() {
    let mut m = empty();
    let g = to_checks(&mut m);
    finish_with_invalid_server(&mut m, g);
    assert_eq!(m.screen, Screen::Result);
    assert!(m.reached_result);
    let r = m.vm.result.as_ref().expect("result");
    assert_eq!(r.code.as_deref(), Some("config.server_name_invalid"));
    assert!(!r.finishing);
    assert!(!m.wants_tick(), "no timer once the checks are done");
    // A problem: quitting now says so in the exit status, without asking first.
    assert_eq!(exit(&press(&mut m, KeyCode::Char('q'))), Some(1));
    // Back leads to the account, not to a finished checks list.
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Account);
    // Confirming the same settings goes straight to the result again.
    m.form.focus = Field::Check;
    let effects = press(&mut m, KeyCode::Enter);
    assert!(started(&effects).is_none());
    assert_eq!(m.screen, Screen::Result);
}

#[test]
fn result_buttons() {
    let mut m = empty();
    let g = to_checks(&mut m);
    finish_with_invalid_server(&mut m, g);
    assert_eq!(m.result_focus, 0);
    press(&mut m, KeyCode::Tab);
    assert_eq!(m.result_focus, 1);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.overlay(), Some(Overlay::Technical));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.overlay(), None);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Right);
    assert_eq!(m.result_focus, 3);
    press(&mut m, KeyCode::Left);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account, "Change settings");
}

#[test]
fn quitting_asks_first_while_checks_run() {
    let mut m = empty();
    to_checks(&mut m);
    assert!(press(&mut m, KeyCode::Char('q')).is_empty());
    assert_eq!(m.overlay(), Some(Overlay::ConfirmQuit));
    // A stray Enter keeps going: the safe answer has the focus.
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.overlay(), None);
    press(&mut m, KeyCode::Char('q'));
    press(&mut m, KeyCode::Char('n'));
    assert_eq!(m.overlay(), None);
    press(&mut m, KeyCode::Char('q'));
    press(&mut m, KeyCode::Left);
    assert_eq!(
        exit(&press(&mut m, KeyCode::Enter)),
        Some(0),
        "quit early: 0"
    );
    press(&mut m, KeyCode::Esc);
    update(&mut m, ctrl('q'));
    assert_eq!(m.overlay(), Some(Overlay::ConfirmQuit));
    assert_eq!(exit(&press(&mut m, KeyCode::Char('y'))), Some(0));
}

#[test]
fn quitting_without_a_run_is_immediate() {
    let mut m = empty();
    assert_eq!(exit(&press(&mut m, KeyCode::Char('q'))), Some(0));
    // In a text field q types; Ctrl-Q and F10 quit.
    press(&mut m, KeyCode::Char('2'));
    assert!(press(&mut m, KeyCode::Char('q')).is_empty());
    assert_eq!(m.form.email.value(), "q");
    assert_eq!(exit(&update(&mut m, ctrl('q'))), Some(0));
    assert_eq!(exit(&press(&mut m, KeyCode::F(10))), Some(0));
}

#[test]
fn ctrl_c_and_signals_end_at_once() {
    let mut m = empty();
    to_checks(&mut m);
    assert_eq!(exit(&update(&mut m, ctrl('c'))), Some(130));
    assert_eq!(exit(&update(&mut m, Msg::Signal(143))), Some(143));
}

#[test]
fn help_and_technical_view_from_anywhere() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('?'));
    assert_eq!(m.overlay(), Some(Overlay::Help));
    press(&mut m, KeyCode::Char('?'));
    assert_eq!(m.overlay(), None);
    press(&mut m, KeyCode::F(1));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.overlay(), None);
    assert_eq!(
        m.screen,
        Screen::Start,
        "Esc closed help, it did not go back"
    );
    press(&mut m, KeyCode::Char('t'));
    assert_eq!(m.overlay(), Some(Overlay::Technical));
    // Help over the technical view, then back to it.
    press(&mut m, KeyCode::Char('?'));
    assert_eq!(m.overlays, vec![Overlay::Technical, Overlay::Help]);
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.overlay(), Some(Overlay::Technical));
    press(&mut m, KeyCode::Char('t'));
    assert_eq!(m.overlay(), None);
    // In a text field: F-keys.
    press(&mut m, KeyCode::Char('2'));
    press(&mut m, KeyCode::Char('t'));
    assert_eq!(m.overlay(), None);
    press(&mut m, KeyCode::F(2));
    assert_eq!(m.overlay(), Some(Overlay::Technical));
    press(&mut m, KeyCode::F(2));
    press(&mut m, KeyCode::F(1));
    assert_eq!(m.overlay(), Some(Overlay::Help));
}

#[test]
fn overlays_scroll_within_what_was_drawn() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('?'));
    m.rendered.max_scroll = 5;
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::PageDown);
    assert_eq!(m.scroll.help, 5);
    press(&mut m, KeyCode::Up);
    assert_eq!(m.scroll.help, 4);
    press(&mut m, KeyCode::Home);
    assert_eq!(m.scroll.help, 0);
    press(&mut m, KeyCode::End);
    assert_eq!(m.scroll.help, 5);
}

#[test]
fn support_agent_gets_the_technical_view() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('5'));
    assert_eq!(m.symptom, Some(Symptom::Agent));
    type_text(&mut m, "alice@example.test");
    m.form.focus = Field::Check;
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Checks);
    assert_eq!(m.overlay(), Some(Overlay::Technical));
}

#[test]
fn report_is_saved_by_the_runner() {
    let mut m = empty();
    // No run yet: the report screen says so and saves nothing.
    press(&mut m, KeyCode::Char('s'));
    assert_eq!(m.screen, Screen::Report);
    assert!(press(&mut m, KeyCode::Enter)
        .iter()
        .all(|e| !matches!(e, Effect::SaveReport { .. })));
    let mut m = empty();
    let g = to_checks(&mut m);
    finish_with_invalid_server(&mut m, g);
    press(&mut m, KeyCode::Char('s'));
    assert_eq!(m.screen, Screen::Report);
    assert_eq!(
        m.report.path.value(),
        "./smtp-doctor-report-20260102-030405.md"
    );
    assert_eq!(m.report.focus, 1, "Save has the focus");
    let effects = press(&mut m, KeyCode::Enter);
    let Some(Effect::SaveReport { path, contents }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        path,
        &PathBuf::from("./smtp-doctor-report-20260102-030405.md")
    );
    assert!(
        contents.contains("config.server_name_invalid"),
        "{contents}"
    );
    assert!(matches!(m.report.status, Some(SaveStatus::Saving(_))));
    update(
        &mut m,
        Msg::Saved {
            path: path.clone(),
            result: Err("Permission denied".into()),
        },
    );
    assert!(
        matches!(&m.report.status, Some(SaveStatus::Failed { error, .. }) if error == "Permission denied")
    );
    // s on the report screen saves again; Ctrl-S does too while typing the name.
    assert!(matches!(
        press(&mut m, KeyCode::Char('s')).first(),
        Some(Effect::SaveReport { .. })
    ));
    press(&mut m, KeyCode::BackTab);
    assert_eq!(m.report.focus, 0);
    assert!(m.typing());
    for _ in 0..60 {
        press(&mut m, KeyCode::Backspace);
    }
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.report.status, Some(SaveStatus::EmptyPath));
    type_text(&mut m, "r.md");
    let effects = update(&mut m, ctrl('s'));
    assert!(
        matches!(effects.first(), Some(Effect::SaveReport { path, .. }) if path == &PathBuf::from("r.md"))
    );
    update(
        &mut m,
        Msg::Saved {
            path: "r.md".into(),
            result: Ok(()),
        },
    );
    assert_eq!(m.report.status, Some(SaveStatus::Saved("r.md".into())));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Result);
}

#[test]
fn copy_text_releases_the_mouse() {
    let mut m = empty();
    let g = to_checks(&mut m);
    finish_with_invalid_server(&mut m, g);
    press(&mut m, KeyCode::Char('s'));
    press(&mut m, KeyCode::Right);
    assert_eq!(m.report.focus, 2);
    assert!(m.wants_mouse());
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::CopyText);
    assert!(!m.wants_mouse());
    assert!(m.copy_text.contains("config.server_name_invalid"));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::Report);
    assert!(m.wants_mouse());
}

#[test]
fn engine_failure_offers_a_way_forward() {
    let i = Input::new("alice@example.test");
    let options = Options {
        ca_file: Some("/nonexistent/ca.pem".into()),
        ..Options::default()
    };
    let mut m = model_with(i, options);
    let g = to_checks(&mut m);
    // A stale failure is ignored.
    update(
        &mut m,
        Msg::EngineFailed {
            generation: g + 7,
            kind: FailureKind::Trust,
            message: "old".into(),
        },
    );
    assert_eq!(m.screen, Screen::Checks);
    update(
        &mut m,
        Msg::EngineFailed {
            generation: g,
            kind: FailureKind::Trust,
            message: "cannot read /nonexistent/ca.pem: No such file or directory".into(),
        },
    );
    assert_eq!(m.screen, Screen::Failure);
    assert!(!m.run.active());
    assert_eq!(
        exit(&press(&mut m, KeyCode::Char('q'))),
        Some(0),
        "nothing runs: no question"
    );
    // The first way forward: go on with the system's certificates.
    let effects = press(&mut m, KeyCode::Enter);
    let Some(Effect::StartChecks {
        generation,
        options,
        ..
    }) = effects.first()
    else {
        panic!("{effects:?}")
    };
    assert!(*generation > g);
    assert_eq!(options.ca_file, None);
    assert_eq!(m.screen, Screen::Checks);
    // Failing again, "Change settings" leads back to the form.
    let g = m.run.generation;
    update(
        &mut m,
        Msg::EngineFailed {
            generation: g,
            kind: FailureKind::Dns,
            message: "cannot set up DNS resolution".into(),
        },
    );
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Account);
}

#[test]
fn mouse_clicks_act_on_what_was_drawn_there() {
    let mut m = empty();
    m.rendered.hits = vec![(Rect::new(2, 10, 30, 1), Target::StartChoice(1))];
    let click = |col, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    update(&mut m, click(1, 10));
    assert_eq!(
        m.screen,
        Screen::Start,
        "a click beside the choice does nothing"
    );
    update(&mut m, click(5, 10));
    assert_eq!(m.screen, Screen::Account);
    assert_eq!(m.symptom, Some(Symptom::Outbox));
    m.rendered.hits = vec![
        (
            Rect::new(0, 5, 20, 1),
            Target::EncryptionChoice(Encryption::SslTls),
        ),
        (Rect::new(0, 6, 20, 1), Target::Field(Field::Auth)),
        (Rect::new(0, 7, 20, 1), Target::Button(Button::Back)),
    ];
    update(&mut m, click(3, 5));
    assert_eq!(m.form.encryption, Encryption::SslTls);
    assert_eq!(m.form.focus, Field::Encryption);
    update(&mut m, click(3, 6));
    assert!(!m.form.auth);
    update(&mut m, click(3, 7));
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn ticks_move_elapsed_times_only() {
    let mut m = empty();
    to_checks(&mut m);
    let before = m.vm.clone();
    m.clock.instant += Duration::from_millis(1500);
    update(&mut m, Msg::Tick);
    assert_ne!(
        m.vm.checks, before.checks,
        "running checks show a new elapsed time"
    );
    assert_eq!(m.run.generation, 1);
}

#[test]
fn checks_screen_follows_the_facts() {
    use smtp_doctor::checks::dns::Lookup;
    use smtp_doctor::checks::Status;
    use smtp_doctor::ui::vm::{RowState, StepId, StepState};

    let mut m = prefilled();
    let g = smtp_doctor::ui::update::initial_effects(&mut m)
        .iter()
        .find_map(|e| match e {
            Effect::StartChecks { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap();
    let state = |m: &Model, id: &str| {
        m.vm.checks
            .steps
            .iter()
            .flat_map(|s| s.rows.iter())
            .find(|r| r.id == id)
            .map_or_else(|| panic!("no row {id}"), |r| r.state.clone())
    };
    // At the start the domain lookups run; the ports wait for the server's address.
    assert!(matches!(
        state(&m, "dns.domain.mx"),
        RowState::Running { .. }
    ));
    assert!(matches!(
        state(&m, "dns.server.a"),
        RowState::Running { .. }
    ));
    assert_eq!(state(&m, "tcp.587"), RowState::Waiting);
    assert_eq!(state(&m, "smtp.587"), RowState::Waiting);
    assert_eq!(m.vm.checks.steps[0].state(), StepState::Running);
    assert_eq!(m.vm.checks.steps[2].state(), StepState::Waiting);
    let ids: Vec<&str> = m.vm.checks.steps[1]
        .rows
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["tcp.587", "tcp.465", "tcp.25"],
        "the configured port first"
    );
    let fact = |m: &mut Model, fact| {
        update(
            m,
            Msg::Fact {
                generation: g,
                fact,
            },
        );
    };
    fact(
        &mut m,
        Fact::Target(Some(ServerTarget {
            host: "smtp.example.test".into(),
            source: TargetSource::Configured,
        })),
    );
    fact(
        &mut m,
        Fact::ServerDns(Lookup::Found(vec!["127.0.10.1".parse().unwrap()])),
    );
    m.clock.instant += Duration::from_millis(300);
    fact(&mut m, Fact::Mx(Lookup::Nxdomain));
    fact(&mut m, Fact::Plan(vec![587, 465, 25]));
    assert_eq!(state(&m, "dns.server.a"), RowState::Done(Status::Pass));
    assert_eq!(state(&m, "dns.domain.mx"), RowState::Done(Status::Warn));
    assert!(matches!(state(&m, "tcp.465"), RowState::Running { .. }));
    // Elapsed time runs from when the check was first seen running.
    m.clock.instant += Duration::from_millis(1200);
    update(&mut m, Msg::Tick);
    match state(&m, "tcp.465") {
        RowState::Running {
            elapsed, budget, ..
        } => {
            assert_eq!(elapsed, Duration::from_millis(1200));
            assert_eq!(budget, m.check_options.timeout);
        }
        other => panic!("{other:?}"),
    }
    // When everything has ended, what never ran says so.
    fact(&mut m, Fact::Done);
    assert_eq!(state(&m, "tcp.465"), RowState::NotRun);
    assert_eq!(state(&m, "smtp.465"), RowState::NotRun);
    assert_eq!(m.vm.checks.steps[0].step, StepId::Settings);
    assert!(m.vm.checks.finished);
    // The technical view lists what ran, with the UI's own timing where the check has none.
    let tech = &m.vm.tech;
    let mx = tech
        .checks
        .iter()
        .find(|c| c.id == "dns.domain.mx")
        .unwrap();
    assert_eq!(mx.symbol, "!");
    assert_eq!(mx.time, "300 ms");
    assert!(tech.input.contains("port 587"));
}

/// Facts of a server that answers on no port (every connection attempt dropped).
fn silent_server(m: &mut Model, generation: u64) {
    use smtp_doctor::checks::dns::Lookup;
    use smtp_doctor::checks::smtp::PortProbe;
    use smtp_doctor::checks::tcp::{Attempt, PortReach, TcpOutcome};

    let mut facts = vec![
        Fact::Target(Some(ServerTarget {
            host: "smtp.example.test".into(),
            source: TargetSource::Configured,
        })),
        Fact::ServerDns(Lookup::Found(vec!["127.0.10.1".parse().unwrap()])),
        Fact::Srv(Lookup::Nxdomain),
        Fact::Provider(None),
        Fact::Route(smtp_doctor::engine::network::RouteCheck {
            ipv4: true,
            ipv6: false,
        }),
        // No reference host could be found: the server's silence is all there is.
        Fact::Reference(ReferenceCheck::default()),
        Fact::Plan(vec![587, 465, 25]),
    ];
    for port in [587, 465, 25] {
        facts.push(Fact::Port(Box::new(PortProbe {
            port,
            reach: Some(PortReach {
                port,
                attempts: vec![Attempt {
                    address: format!("127.0.10.1:{port}").parse().unwrap(),
                    outcome: TcpOutcome::TimedOut,
                    duration_ms: 3000,
                    error: None,
                    icmp: None,
                }],
            }),
            finished: true,
            ..PortProbe::default()
        })));
    }
    // The path probe heard nothing past the first router: no more than silence.
    facts.push(Fact::Path(smtp_doctor::checks::path::PathTrace::from_hops(
        "127.0.10.1:587".parse().unwrap(),
        vec![smtp_doctor::checks::path::Hop {
            ttl: 1,
            from: None,
            rtt_ms: None,
            what: smtp_doctor::checks::path::HopResult::Silent,
        }],
    )));
    for fact in facts {
        update(m, Msg::Fact { generation, fact });
    }
}

#[test]
fn the_trees_question_is_asked_and_answered_without_new_checks() {
    use smtp_doctor::ui::vm::StepId;

    let mut m = prefilled();
    let g = started(&smtp_doctor::ui::update::initial_effects(&mut m)).unwrap();
    press(&mut m, KeyCode::Char('2'));
    assert!(started(&press(&mut m, KeyCode::Enter)).is_none());
    assert_eq!(m.screen, Screen::Checks);
    silent_server(&mut m, g);
    // First which Outlook (the classic one sends from this computer), then webmail.
    let outlook =
        m.vm.checks
            .question
            .clone()
            .expect("the tree asks which Outlook");
    assert_eq!(outlook.id, "q_outlook");
    assert!(press(&mut m, KeyCode::Char('1')).is_empty());
    let q =
        m.vm.checks
            .question
            .clone()
            .expect("the tree asks about webmail");
    assert_eq!(q.id, "q_webmail");
    assert_eq!(m.vm.checks.current, Some(StepId::Network));
    // The default answer has the focus.
    assert_eq!(
        q.choices[m.question_focus].id,
        q.choices[q.default.unwrap()].id
    );
    assert_eq!(m.screen, Screen::Checks);
    press(&mut m, KeyCode::Home);
    for _ in 0..q.choices.len() {
        press(&mut m, KeyCode::Up);
    }
    assert_eq!(m.question_focus, 0);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Up);
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        effects.is_empty(),
        "an answer runs no check again: {effects:?}"
    );
    assert_eq!(
        m.input.answers.get("q_webmail").map(String::as_str),
        Some("yes")
    );
    assert_eq!(m.screen, Screen::Result);
    let r = m.vm.result.as_ref().unwrap();
    assert_eq!(r.code.as_deref(), Some("server.client_ip_blocked"));
    let host = r
        .tell_host
        .as_ref()
        .expect("a server-side cause tells the host");
    // No source knew the address: the host is asked to find it by the time.
    assert_eq!(host.ip, None);
    assert_eq!(host.time, "2026-01-02 03:04 UTC");
    assert!(!host.look_for.contains("unknown"), "{}", host.look_for);
    // The answer stays when the form is confirmed again with the same settings.
    press(&mut m, KeyCode::Esc);
    m.form.focus = Field::Check;
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Result);
    assert_eq!(
        m.input.answers.get("q_webmail").map(String::as_str),
        Some("yes")
    );
}

#[test]
fn a_question_can_be_answered_with_its_number() {
    let mut m = prefilled();
    let g = started(&smtp_doctor::ui::update::initial_effects(&mut m)).unwrap();
    press(&mut m, KeyCode::Char('2'));
    press(&mut m, KeyCode::Enter);
    silent_server(&mut m, g);
    press(&mut m, KeyCode::Char('1'));
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(
        m.input.answers.get("q_webmail").map(String::as_str),
        Some("no")
    );
    assert_eq!(m.screen, Screen::Result);
    assert_eq!(
        m.vm.result.as_ref().unwrap().code.as_deref(),
        Some("server.host_unreachable")
    );
}

#[test]
fn resize_changes_no_state() {
    let mut m = empty();
    assert!(update(&mut m, Msg::Resize(100, 30)).is_empty());
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn an_invalid_tree_file_offers_the_built_in_checks() {
    let mut m = empty();
    m.failure = Some(smtp_doctor::ui::model::Failure {
        kind: FailureKind::Tree,
        message: "invalid tree: t.toml:3:9: unknown signal `x`".into(),
        focus: 0,
    });
    m.screen = Screen::Failure;
    // The first way forward goes on with the built-in tree, from the start screen.
    let effects = press(&mut m, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(m.screen, Screen::Start);
    assert!(m.failure.is_none());
    // Esc on the start screen does not return to the failure.
    press(&mut m, KeyCode::Esc);
    assert_ne!(m.screen, Screen::Failure);
}

// --- the mail-server path -------------------------------------------------------------

#[path = "support/server_findings.rs"]
mod server_findings;

use smtp_doctor::server::request::Target as Wanted;
use smtp_doctor::ui::server::{findings_buttons, Phase};

fn looked(effects: &[Effect]) -> Option<(u64, Wanted, Option<String>)> {
    effects.iter().find_map(|e| match e {
        Effect::ServerLook {
            generation,
            request,
        } => Some((*generation, request.target.clone(), request.account.clone())),
        _ => None,
    })
}

/// From the start screen to findings that show a CSF ban.
fn to_server_findings(m: &mut Model) -> u64 {
    press(m, KeyCode::Char('6'));
    type_text(m, "198.51.100.7");
    let (generation, ..) = looked(&press(m, KeyCode::Enter)).expect("a look");
    update(
        m,
        Msg::ServerLooked {
            generation,
            result: Ok(Box::new(server_findings::examined(
                server_findings::blocked_outcomes(),
            ))),
        },
    );
    generation
}

#[test]
fn server_path_takes_an_address_and_a_login() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    assert_eq!(m.symptom, Some(Symptom::Server));
    assert_eq!(m.screen, Screen::ServerInput);
    assert!(m.typing(), "the address field has the focus");
    // Letters type here: q does not quit.
    type_text(&mut m, "198.51.100.7q");
    press(&mut m, KeyCode::Backspace);
    press(&mut m, KeyCode::Tab);
    type_text(&mut m, "Alice@Example.test");
    let effects = press(&mut m, KeyCode::Enter);
    let (generation, target, account) = looked(&effects).expect("a look");
    assert_eq!(generation, 1);
    assert_eq!(target, Wanted::Ip("198.51.100.7".parse().unwrap()));
    assert_eq!(account.as_deref(), Some("Alice@Example.test"));
    assert_eq!(m.screen, Screen::ServerFindings);
    assert_eq!(m.server.phase, Phase::Reading);
    assert_eq!(findings_buttons(&m.server), [Button::Back, Button::Quit]);
}

#[test]
fn server_path_takes_the_path_of_a_report() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    update(
        &mut m,
        Msg::Paste("'/home/support/alice report.md'\n".into()),
    );
    let (_, target, account) = looked(&press(&mut m, KeyCode::Enter)).expect("a look");
    assert_eq!(
        target,
        Wanted::Report(PathBuf::from("/home/support/alice report.md"))
    );
    assert_eq!(account, None);
}

#[test]
fn server_input_refuses_a_network_and_an_empty_field() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert!(m.server.problem.is_some());
    type_text(&mut m, "198.51.100.0/24");
    assert!(m.server.problem.is_none(), "typing clears the complaint");
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert!(m
        .server
        .problem
        .as_deref()
        .unwrap()
        .contains("is a network"));
    assert_eq!(m.screen, Screen::ServerInput);
    // The Back button (after Look and Check for locked-out customers) and Esc lead to
    // the start.
    m.server.focus = 4;
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn a_report_that_cannot_be_read_sends_the_person_back_with_the_reason() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    type_text(&mut m, "/nonexistent/report.md");
    let (generation, ..) = looked(&press(&mut m, KeyCode::Enter)).unwrap();
    update(
        &mut m,
        Msg::ServerLooked {
            generation,
            result: Err("/nonexistent/report.md: No such file or directory (os error 2)".into()),
        },
    );
    assert_eq!(m.screen, Screen::ServerInput);
    assert!(m
        .server
        .problem
        .as_deref()
        .unwrap()
        .contains("No such file"));
    assert_eq!(m.server.phase, Phase::Idle);
}

#[test]
fn findings_arrive_and_stale_looks_are_dropped() {
    let mut m = empty();
    let generation = to_server_findings(&mut m);
    assert_eq!(m.server.phase, Phase::Done);
    let r = m.server.report().expect("findings");
    assert_eq!(r.causes[0].code, "server.client_ip_blocked");
    assert_eq!(
        findings_buttons(&m.server),
        [
            Button::LiftBlock,
            Button::LookAgain,
            Button::OpenReport,
            Button::Back,
            Button::Quit
        ]
    );
    // Look again starts a new generation; the old one's answer is dropped.
    m.server.button = 1;
    let (again, ..) = looked(&press(&mut m, KeyCode::Enter)).unwrap();
    assert_eq!(again, generation + 1);
    update(
        &mut m,
        Msg::ServerLooked {
            generation,
            result: Ok(Box::new(server_findings::examined(
                server_findings::clear_outcomes(),
            ))),
        },
    );
    assert_eq!(m.server.phase, Phase::Reading, "stale answer ignored");
    // Esc while reading leaves and drops the look too.
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::ServerInput);
    update(
        &mut m,
        Msg::ServerLooked {
            generation: again,
            result: Ok(Box::new(server_findings::examined(
                server_findings::clear_outcomes(),
            ))),
        },
    );
    assert!(m.server.report().is_none());
}

#[test]
fn lifting_the_block_asks_first_then_shows_the_result() {
    let mut m = empty();
    let generation = to_server_findings(&mut m);
    assert_eq!(m.server.button, 0);
    assert!(press(&mut m, KeyCode::Enter).is_empty(), "only asks");
    assert_eq!(m.server.confirm, Some(1), "Cancel has the focus");
    // Enter on Cancel closes the question and runs nothing.
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.server.confirm, None);
    // Ask again; q is not "quit" inside the question, n cancels, y runs.
    press(&mut m, KeyCode::Enter);
    assert!(press(&mut m, KeyCode::Char('q')).is_empty());
    assert_eq!(m.server.confirm, Some(1));
    press(&mut m, KeyCode::Char('n'));
    assert_eq!(m.server.confirm, None);
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Left);
    assert_eq!(m.server.confirm, Some(0));
    let effects = press(&mut m, KeyCode::Enter);
    let apply = effects.iter().find_map(|e| match e {
        Effect::ServerApply {
            generation,
            examined,
        } => Some((*generation, examined.report.unblock_commands())),
        _ => None,
    });
    assert_eq!(
        apply,
        Some((generation, vec!["csf -dr 198.51.100.7".to_string()]))
    );
    assert_eq!(m.server.phase, Phase::Applying);
    assert_eq!(findings_buttons(&m.server), [Button::Quit]);
    assert!(press(&mut m, KeyCode::Esc).is_empty());
    assert_eq!(
        m.screen,
        Screen::ServerFindings,
        "no leaving while commands run"
    );

    // The result: the block is gone, read again.
    let before = m.server.examined.clone().unwrap();
    let mut after = server_findings::examined(server_findings::clear_outcomes()).report;
    after.apply = Some(smtp_doctor::server::apply::ApplyReport {
        declined: false,
        commands: vec![smtp_doctor::server::apply::CommandOutcome {
            command: "csf -dr 198.51.100.7".into(),
            ok: true,
            detail: "done".into(),
        }],
        before: before.report.blocks.clone(),
        block_gone: Some(true),
    });
    update(
        &mut m,
        Msg::ServerApplied {
            generation,
            report: Box::new(after),
        },
    );
    assert_eq!(m.server.phase, Phase::Done);
    let r = m.server.report().unwrap();
    assert_eq!(r.apply.as_ref().unwrap().block_gone, Some(true));
    assert!(!findings_buttons(&m.server).contains(&Button::LiftBlock));
    // Nothing blocks any more: quitting reports it.
    assert_eq!(exit(&press(&mut m, KeyCode::Char('q'))), Some(0));
}

#[test]
fn server_findings_quit_with_the_verdict_and_save_the_server_report() {
    let mut m = empty();
    to_server_findings(&mut m);
    m.server.button = 2;
    press(&mut m, KeyCode::Enter);
    assert_eq!(m.screen, Screen::Report);
    assert!(m.report.path.value().contains("smtp-doctor-server-report-"));
    let effects = press(&mut m, KeyCode::Enter);
    let contents = effects.iter().find_map(|e| match e {
        Effect::SaveReport { contents, .. } => Some(contents.clone()),
        _ => None,
    });
    assert!(contents
        .unwrap()
        .starts_with("# smtp-doctor server report for 198.51.100.7"));
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::ServerFindings);
    assert_eq!(exit(&press(&mut m, KeyCode::Char('q'))), Some(1));
}

#[test]
fn clicking_a_server_field_focuses_it() {
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    m.rendered.hits = vec![(Rect::new(0, 5, 40, 1), Target::ServerField(1))];
    update(
        &mut m,
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row: 5,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(m.server.focus, 1);
}

// --- the audit: locked-out customers -------------------------------------------------------

#[path = "support/server_audit.rs"]
mod server_audit;

fn audited(effects: &[Effect]) -> Option<u64> {
    effects.iter().find_map(|e| match e {
        Effect::ServerAudit { generation } => Some(*generation),
        _ => None,
    })
}

#[test]
fn the_audit_lists_customers_and_lifts_them_only_after_asking() {
    use smtp_doctor::ui::audit::buttons;
    let mut m = empty();
    press(&mut m, KeyCode::Char('6'));
    // Address, login, Look, then "Check for locked-out customers".
    for _ in 0..3 {
        press(&mut m, KeyCode::Tab);
    }
    let generation = audited(&press(&mut m, KeyCode::Enter)).expect("an audit");
    assert_eq!(m.screen, Screen::ServerAudit);
    assert_eq!(m.server.audit.phase, Phase::Reading);
    assert_eq!(buttons(&m.server.audit), [Button::Back, Button::Quit]);
    // A stale answer is dropped.
    update(
        &mut m,
        Msg::ServerAudited {
            generation: generation + 7,
            report: Box::new(server_audit::report()),
        },
    );
    assert_eq!(m.server.audit.phase, Phase::Reading);
    update(
        &mut m,
        Msg::ServerAudited {
            generation,
            report: Box::new(server_audit::report()),
        },
    );
    assert_eq!(m.server.audit.phase, Phase::Done);
    assert_eq!(
        buttons(&m.server.audit),
        [
            Button::LiftCustomers,
            Button::AuditAgain,
            Button::Back,
            Button::Quit
        ]
    );
    assert_eq!(m.exit_code(), 1, "customers are locked out");
    // The question opens on Cancel: Enter changes nothing.
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.server.audit.confirm, Some(1));
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert_eq!(m.server.audit.confirm, None);
    // Asked again and answered yes: the customers' commands, and nothing else.
    press(&mut m, KeyCode::Enter);
    let effects = press(&mut m, KeyCode::Char('y'));
    let commands = effects
        .iter()
        .find_map(|e| match e {
            Effect::ServerAuditApply { report, .. } => Some(report.apply_commands()),
            _ => None,
        })
        .expect("the lifting");
    assert_eq!(
        commands,
        [
            "fail2ban-client set postfix-sasl unbanip 198.51.100.15",
            "fail2ban-client set postfix-sasl addignoreip 198.51.100.15",
            "csf -tr 198.51.100.23",
            "csf -a 198.51.100.23 'smtp-doctor: mail client bob@example.test'",
        ]
    );
    assert_eq!(m.server.audit.phase, Phase::Applying);
    assert_eq!(buttons(&m.server.audit), [Button::Quit]);
    // Esc does not leave while commands run.
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::ServerAudit);
    let mut after = server_audit::report();
    after.apply = Some(smtp_doctor::server::audit::report::AuditApply {
        declined: false,
        addresses: vec!["198.51.100.15".into(), "198.51.100.23".into()],
        commands: vec![],
        lifted: vec!["198.51.100.15".into(), "198.51.100.23".into()],
        still_blocked: vec![],
    });
    update(
        &mut m,
        Msg::ServerAuditApplied {
            generation,
            report: Box::new(after),
        },
    );
    assert_eq!(m.server.audit.phase, Phase::Done);
    // Done: nothing more to lift from this audit; Check again starts a new one.
    assert_eq!(
        buttons(&m.server.audit),
        [Button::AuditAgain, Button::Back, Button::Quit]
    );
    let again = audited(&press(&mut m, KeyCode::Enter)).expect("a new audit");
    assert_eq!(again, generation + 1);
    // Esc while reading leaves and drops the audit.
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screen, Screen::ServerInput);
    update(
        &mut m,
        Msg::ServerAudited {
            generation: again,
            report: Box::new(server_audit::report()),
        },
    );
    assert_eq!(m.server.audit.phase, Phase::Idle);
}

/// The result screen of a run whose settings a connection proved (EHLO passed on the
/// recommended port; no password given), or did not (`proven = false`).
fn at_result(proven: bool) -> Model {
    use smtp_doctor::checks::{CheckRecord, Status};
    let mut m = prefilled();
    let input = m.input.clone();
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
    d.target = Some(Some(ServerTarget {
        host: "smtp.example.test".into(),
        source: TargetSource::Configured,
    }));
    d.recommended = Some(smtp_doctor::settings::Endpoint {
        server: "smtp.example.test".into(),
        port: 587,
        security: Security::Starttls,
        user: Some("alice@example.test".into()),
    });
    d.tested.password_given = false;
    d.checks = if proven {
        vec![CheckRecord {
            id: "smtp.587.ehlo".parse().unwrap(),
            status: Status::Pass,
            duration_ms: 1,
            summary: String::new(),
            detail: serde_json::Value::Null,
        }]
    } else {
        Vec::new()
    };
    m.run.input = Some(input);
    m.diagnosis = Some(d);
    m.screen = Screen::Result;
    m.reached_result = true;
    m
}

#[test]
fn e_saves_the_proven_settings_as_a_thunderbird_file() {
    let mut m = at_result(true);
    let effects = press(&mut m, KeyCode::Char('e'));
    let [Effect::SaveSettingsFile { path, contents }] = effects.as_slice() else {
        panic!("expected one SaveSettingsFile, got {effects:?}");
    };
    assert_eq!(
        path,
        &PathBuf::from("./smtp-doctor-thunderbird-example.test.xml")
    );
    assert!(contents.contains("<hostname>smtp.example.test</hostname>"));
    assert!(contents.contains("<socketType>STARTTLS</socketType>"));
    assert!(matches!(m.export, Some(SaveStatus::Saving(_))));

    update(
        &mut m,
        Msg::SettingsFileSaved {
            path: path.clone(),
            result: Ok(()),
        },
    );
    assert_eq!(
        m.export,
        Some(SaveStatus::Saved(
            "./smtp-doctor-thunderbird-example.test.xml".into()
        ))
    );
    update(
        &mut m,
        Msg::SettingsFileSaved {
            path: path.clone(),
            result: Err("the file exists already".into()),
        },
    );
    assert!(matches!(m.export, Some(SaveStatus::Failed { .. })));
}

#[test]
fn the_settings_file_goes_into_the_reports_folder() {
    let mut m = at_result(true);
    m.report.path = smtp_doctor::ui::model::TextField::new("/srv/tickets/report.md");
    let effects = press(&mut m, KeyCode::Char('e'));
    let [Effect::SaveSettingsFile { path, .. }] = effects.as_slice() else {
        panic!("expected one SaveSettingsFile, got {effects:?}");
    };
    assert_eq!(
        path,
        &PathBuf::from("/srv/tickets/smtp-doctor-thunderbird-example.test.xml")
    );
}

#[test]
fn without_proven_settings_e_does_nothing() {
    let mut m = at_result(false);
    assert!(press(&mut m, KeyCode::Char('e')).is_empty());
    assert_eq!(m.export, None);
}
