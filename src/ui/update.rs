//! Every rule of the wizard's flow: `update(&mut Model, Msg) -> Vec<Effect>`. This module
//! routes; the rules of each screen live with the screen (`start`, `error`, `account`,
//! `checks`, `result`, `report`, `failure`, `server`), moving around in `nav`, the run's
//! life in `run`, the quit question in `quit`, the buttons several screens share in
//! `buttons`.
//!
//! Pure: no clock (the model carries one), no I/O, no async. What must happen outside the
//! model (start or stop checks, write a file, exit) comes back as [`Effect`]s for the
//! runner. Keys are routed in this order: kiosk mode's (the PIN question, the keys that
//! must not leave, the no-network screen); Ctrl-C; the quit question when it is open; the
//! keys that work anywhere (help, technical view, report, quit — as letters only when no
//! text field has the focus); the open overlay; the current screen.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;
use zeroize::Zeroize;

use super::controls::{Button, Target};
use super::field::plain_char;
use super::model::{Model, Overlay, Screen};
use super::msg::{Effect, Msg};
use super::nav::{scroll_by, scroll_key, toggle};
use super::{
    account, audit, buttons, checks, error, failure, kiosk, new_account, quit, report, result, run,
    server, start,
};

pub use super::run::initial_effects;

/// Exit statuses for the ways the program can be interrupted (128 + signal number).
pub const EXIT_INTERRUPTED: i32 = 130;
pub const EXIT_TERMINATED: i32 = 143;
pub const EXIT_HANGUP: i32 = 129;

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    // Every wording read below is in the model's language.
    super::text::set_lang(m.lang);
    if matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_)) {
        kiosk::touched(m);
    }
    match msg {
        // Windows reports releases and repeats too: only a press is a key stroke.
        Msg::Key(k) if k.kind == KeyEventKind::Press => on_key(m, k),
        Msg::Mouse(e) => on_mouse(m, e),
        Msg::Paste(mut s) => {
            paste(m, &s);
            // It may have been a password: no unwiped copy stays behind.
            s.zeroize();
            Vec::new()
        }
        // Key releases and repeats are not key strokes; the views reflow at the next draw.
        Msg::Key(_) | Msg::Resize(..) => Vec::new(),
        Msg::Tick => {
            m.refresh_view();
            kiosk::on_tick(m)
        }
        Msg::Network { online } => {
            kiosk::on_network(m, online);
            Vec::new()
        }
        Msg::Fact { generation, fact } => run::on_fact(m, generation, fact),
        Msg::EngineFailed {
            generation,
            kind,
            message,
        } => run::on_engine_failed(m, generation, kind, message),
        Msg::Saved { path, result } => {
            report::on_saved(m, &path, result);
            Vec::new()
        }
        Msg::SettingsFileSaved {
            path,
            result: outcome,
        } => {
            result::on_settings_saved(m, &path, outcome);
            Vec::new()
        }
        Msg::Signal(code) => vec![Effect::Exit(code)],
        Msg::ServerLooked { generation, result } => {
            server::on_looked(m, generation, result);
            Vec::new()
        }
        Msg::ServerApplied { generation, report } => {
            server::on_applied(m, generation, report);
            Vec::new()
        }
        Msg::ServerAudited { generation, report } => {
            audit::on_audited(m, generation, report);
            Vec::new()
        }
        Msg::ServerAuditApplied { generation, report } => {
            audit::on_applied(m, generation, report);
            Vec::new()
        }
    }
}

fn on_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if let Some(effects) = kiosk::key(m, k) {
        return effects;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c' | 'C')) {
        return vec![Effect::Exit(EXIT_INTERRUPTED)];
    }
    if m.overlay() == Some(Overlay::ConfirmQuit) {
        return quit::key(m, k);
    }
    // The unblock question is modal: its keys come first.
    if m.screen == Screen::ServerFindings && m.server.confirm.is_some() && m.overlay().is_none() {
        return server::findings_key(m, k);
    }
    if m.screen == Screen::ServerAudit && m.server.audit.confirm.is_some() && m.overlay().is_none()
    {
        return audit::key(m, k);
    }
    let letter = if m.typing() { None } else { plain_char(&k) };
    match (k.code, ctrl, letter) {
        (KeyCode::F(1), ..) | (_, _, Some('?')) => {
            toggle(m, Overlay::Help);
            return Vec::new();
        }
        (KeyCode::F(2), ..) | (_, _, Some('t')) => {
            toggle(m, Overlay::Technical);
            return Vec::new();
        }
        (KeyCode::Char('s'), true, _) | (_, _, Some('s')) => {
            return if m.screen == Screen::Report && m.overlay().is_none() {
                report::save(m)
            } else {
                report::open(m);
                Vec::new()
            };
        }
        (KeyCode::Char('q'), true, _) | (KeyCode::F(10), ..) | (_, _, Some('q')) => {
            return quit::request(m)
        }
        _ => {}
    }
    match m.overlay() {
        Some(_) => {
            match k.code {
                KeyCode::Esc => {
                    m.overlays.pop();
                }
                code => scroll_key(m, code),
            }
            Vec::new()
        }
        None => match m.screen {
            Screen::Start => start::key(m, k),
            Screen::ErrorText => error::key(m, k),
            Screen::Account => account::key(m, k),
            Screen::Checks => checks::key(m, k),
            Screen::Result => result::key(m, k),
            Screen::Report => report::key(m, k),
            Screen::CopyText => report::copy_key(m, k),
            Screen::Failure => failure::key(m, k),
            Screen::ServerInput => server::input_key(m, k),
            Screen::ServerFindings => server::findings_key(m, k),
            Screen::ServerAudit => audit::key(m, k),
            Screen::NewAccount => new_account::key(m, k),
        },
    }
}

fn paste(m: &mut Model, s: &str) {
    if !m.typing() {
        return;
    }
    // One-line fields: line breaks of a pasted message become spaces.
    let mut flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match m.screen {
        Screen::ErrorText => error::paste(m, &flat),
        Screen::Account => account::paste(m, &flat),
        Screen::Report => report::paste(m, &flat),
        Screen::ServerInput => server::paste(m, &flat),
        Screen::NewAccount => new_account::paste(m, &flat),
        _ => {}
    }
    flat.zeroize();
}

/// What a clicked button does: the screen that shows it decides.
fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::RunUnblock | Button::CancelUnblock if m.screen == Screen::ServerAudit => {
            audit::press(m, b)
        }
        Button::CheckCustomers | Button::LiftCustomers | Button::AuditAgain => audit::press(m, b),
        Button::Look
        | Button::LookAgain
        | Button::LiftBlock
        | Button::RunUnblock
        | Button::CancelUnblock => server::press(m, b),
        Button::LookUp => new_account::press(m, b),
        Button::Continue | Button::Back if m.screen == Screen::NewAccount => {
            new_account::press(m, b)
        }
        Button::Continue => error::press(m, b),
        Button::Save | Button::ShowText => report::press(m, b),
        Button::QuitYes | Button::QuitNo => quit::press(m, b),
        Button::UseSystem | Button::Retry => failure::press(m, b),
        Button::Back
        | Button::ChangeSettings
        | Button::OpenReport
        | Button::Technical
        | Button::Quit => buttons::shared(m, b),
    }
}

fn on_mouse(m: &mut Model, e: MouseEvent) -> Vec<Effect> {
    match e.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(e.column, e.row);
            let hit = m
                .rendered
                .hits
                .iter()
                .rev()
                .find(|(r, _)| r.contains(at))
                .map(|(_, t)| *t);
            match hit {
                Some(t) => click(m, t),
                None => Vec::new(),
            }
        }
        MouseEventKind::ScrollUp => {
            scroll_by(m, -3);
            Vec::new()
        }
        MouseEventKind::ScrollDown => {
            scroll_by(m, 3);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn click(m: &mut Model, t: Target) -> Vec<Effect> {
    match t {
        Target::StartChoice(i) => {
            m.start_focus = i;
            start::choose(m, i)
        }
        Target::Field(f) => account::click(m, f),
        Target::EncryptionChoice(e) => {
            account::choose_encryption(m, e);
            Vec::new()
        }
        Target::ErrorBox => {
            m.error.focus = 0;
            Vec::new()
        }
        Target::ReportPath => {
            m.report.focus = 0;
            Vec::new()
        }
        Target::Answer(i) => checks::answer(m, i),
        Target::Button(b) => press(m, b),
        Target::NewAccountField => {
            m.new_account.focus = 0;
            Vec::new()
        }
        Target::ServerField(i) => {
            m.server.focus = i.min(1);
            Vec::new()
        }
    }
}
