//! The report screen (a file name, Save, Show text) and the copy screen it opens: the
//! client diagnosis, or the server findings on the mail-server path, as Markdown to save
//! and as plain text to copy into a ticket. Writing the file is an effect for the runner.

pub mod state;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};

use crate::report::{self, Report};

use super::controls::Button;
use super::field::{edit, TextField};
use super::model::{Model, Overlay, Screen, Symptom};
use super::msg::Effect;
use super::nav::{back, back_button, go, scroll_key, step_focus};
use state::SaveStatus;

/// The buttons after the path field (focus 1..=3).
pub const REPORT_BUTTONS: [Button; 3] = [Button::Save, Button::ShowText, Button::Back];

fn default_path(m: &Model) -> String {
    let t = m.clock.wall;
    let kind = if m.symptom == Some(Symptom::Server) {
        "server-report"
    } else {
        "report"
    };
    format!(
        "./smtp-doctor-{kind}-{:04}{:02}{:02}-{:02}{:02}{:02}.md",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Opens the screen (from anywhere: `s` or the Report button) with Save focused.
pub(super) fn open(m: &mut Model) {
    m.overlays.retain(|o| *o == Overlay::ConfirmQuit);
    // A kiosk picks the file and its folder itself: no path to type.
    if m.report.path.is_empty() && m.kiosk.is_none() {
        m.report.path = TextField::new(&default_path(m));
    }
    // The Save button has the focus: one Enter saves under the proposed name.
    m.report.focus = 1;
    if m.screen != Screen::Report {
        m.report.status = None;
    }
    go(m, Screen::Report);
}

/// The report of what is known now, for saving or copying.
fn current_report(m: &Model) -> Option<Report> {
    let d = m.diagnosis.as_ref()?;
    // In the language the screens speak (the diagnosis was made with its catalog).
    Some(Report::new(d).in_lang(m.lang))
}

/// The report as Markdown and as plain text: the server findings on the mail-server
/// path, else the client diagnosis.
fn current_texts(m: &Model) -> Option<(String, String)> {
    if m.symptom == Some(Symptom::Server) {
        let r = m.server.report()?;
        return Some((
            crate::server::report::markdown::render(r),
            crate::server::report::text::render(r),
        ));
    }
    let r = current_report(m)?;
    Some((report::markdown::render(&r), report::text::render(&r)))
}

pub(super) fn save(m: &mut Model) -> Vec<Effect> {
    if let Some(kiosk) = &m.kiosk {
        let dir = kiosk.config.reports_dir.clone();
        let Some((markdown, _)) = current_texts(m) else {
            return Vec::new();
        };
        m.report.status = Some(SaveStatus::Saving(dir.display().to_string()));
        return vec![Effect::SaveKioskReport {
            dir,
            wall: m.clock.wall,
            contents: markdown,
        }];
    }
    let path = m.report.path.value().trim().to_string();
    if path.is_empty() {
        m.report.status = Some(SaveStatus::EmptyPath);
        return Vec::new();
    }
    let Some((markdown, _)) = current_texts(m) else {
        return Vec::new();
    };
    m.report.status = Some(SaveStatus::Saving(path.clone()));
    vec![Effect::SaveReport {
        path: PathBuf::from(path),
        contents: markdown,
    }]
}

/// The runner wrote the file (or could not).
pub(super) fn on_saved(m: &mut Model, path: &Path, result: Result<(), String>) {
    let shown = path.display().to_string();
    m.report.status = Some(match result {
        Ok(()) => SaveStatus::Saved(shown),
        Err(error) => SaveStatus::Failed { path: shown, error },
    });
}

/// Save, Show text and Back.
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::Save => save(m),
        Button::ShowText => {
            if let Some((_, text)) = current_texts(m) {
                m.copy_text = text;
                m.scroll.copy = 0;
                go(m, Screen::CopyText);
            }
            Vec::new()
        }
        Button::Back => back_button(m),
        _ => Vec::new(),
    }
}

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    if m.report.focus == 0 && m.kiosk.is_none() {
        match k.code {
            KeyCode::Enter => return save(m),
            KeyCode::Tab | KeyCode::Down => m.report.focus = 1,
            _ => {
                if edit(&mut m.report.path, &k) {
                    m.report.status = None;
                }
            }
        }
        return Vec::new();
    }
    let n = REPORT_BUTTONS.len() + 1;
    if let Some(f) = step_focus(k.code, m.report.focus, n, false) {
        // A kiosk has no path field (focus 0).
        m.report.focus = if m.kiosk.is_some() { f.max(1) } else { f };
        return Vec::new();
    }
    match k.code {
        KeyCode::Left => m.report.focus = (m.report.focus - 1).max(1),
        KeyCode::Right => m.report.focus = (m.report.focus + 1).min(n - 1),
        KeyCode::Enter => {
            return press(
                m,
                REPORT_BUTTONS[(m.report.focus - 1).min(REPORT_BUTTONS.len() - 1)],
            )
        }
        _ => {}
    }
    Vec::new()
}

/// The copy screen: the plain text to select with the terminal's mouse; Esc goes back.
pub(super) fn copy_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Esc => back(m),
        code => {
            scroll_key(m, code);
            Vec::new()
        }
    }
}

/// Pasted text (already one line) goes into the file name.
pub(super) fn paste(m: &mut Model, flat: &str) {
    m.report.path.insert_str(flat.trim());
}
