//! Kiosk mode's screens drawn on a `TestBackend` at 80x24 and 120x40, compared with the
//! reviewed snapshots in `tests/snapshots/`: the PIN question (empty, typed, wrong, rate
//! limited), the note without a PIN, the no-network screen, the start screen without the
//! mail-server path and the report screen with its fixed folder.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::kiosk::{pin, KioskConfig, Locked};
use smtp_doctor::settings::{Input, Options};
use smtp_doctor::ui::kiosk::state::{KioskState, Network, PinNote};
use smtp_doctor::ui::model::{Clock, Model, Overlay, SaveStatus, Screen};
use smtp_doctor::ui::view;
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn kiosk(with_pin: bool) -> Model {
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    let config = KioskConfig {
        admin_pin: with_pin.then(|| pin::hash_pin("2468").unwrap()),
        idle: Duration::from_secs(180),
        reports_dir: PathBuf::from("/var/lib/smtp-doctor-kiosk/reports"),
        high_contrast: false,
        lang: None,
        locked: Locked::default(),
    };
    let catalog = Catalog::embedded().unwrap();
    let mut m = Model::new(
        Input::new(""),
        Options::default(),
        catalog,
        UiOptions::default(),
        clock,
    );
    m.kiosk = Some(KioskState::new(
        Arc::new(config),
        Input::new(""),
        Options::default(),
        clock.instant,
    ));
    m
}

fn snap(name: &str, m: &mut Model) {
    for (w, h) in SIZES {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut rendered = None;
        t.draw(|f| rendered = Some(view::render(f, m))).unwrap();
        m.rendered = rendered.unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

fn state(m: &mut Model) -> &mut KioskState {
    m.kiosk.as_mut().unwrap()
}

#[test]
fn kiosk_start() {
    snap("kiosk_start", &mut kiosk(true));
}

#[test]
fn kiosk_start_without_pin() {
    // No quit key in the bar: nothing quits.
    snap("kiosk_start_without_pin", &mut kiosk(false));
}

#[test]
fn kiosk_pin_prompt() {
    let mut m = kiosk(true);
    m.overlays.push(Overlay::AdminPin);
    snap("kiosk_pin_prompt", &mut m);
    state(&mut m).pin.insert_str("246");
    snap("kiosk_pin_typed", &mut m);
}

#[test]
fn kiosk_pin_wrong_and_waiting() {
    let mut m = kiosk(true);
    m.overlays.push(Overlay::AdminPin);
    state(&mut m).pin_note = Some(PinNote::Wrong);
    snap("kiosk_pin_wrong", &mut m);
    state(&mut m).pin_note = Some(PinNote::Wait(Duration::from_secs(30)));
    snap("kiosk_pin_wait", &mut m);
}

#[test]
fn kiosk_quitting_off() {
    let mut m = kiosk(false);
    m.overlays.push(Overlay::AdminPin);
    snap("kiosk_quitting_off", &mut m);
}

#[test]
fn kiosk_no_network() {
    let mut m = kiosk(true);
    state(&mut m).network = Network::Offline;
    snap("kiosk_no_network", &mut m);
    // The PIN question still opens over it.
    m.overlays.push(Overlay::AdminPin);
    snap("kiosk_no_network_pin", &mut m);
}

#[test]
fn kiosk_report() {
    let mut m = kiosk(true);
    let mut i = Input::new("visitor@example.test");
    i.server = Some("smtp.example.test".into());
    m.input = i.clone();
    m.run.input = Some(i);
    m.refresh();
    m.screen = Screen::Report;
    m.report.focus = 1;
    snap("kiosk_report", &mut m);
    m.report.status = Some(SaveStatus::Saved(
        "/var/lib/smtp-doctor-kiosk/reports/smtp-doctor-report-20260102-030405.md".into(),
    ));
    snap("kiosk_report_saved", &mut m);
}
