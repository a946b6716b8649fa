//! The result screen: the verdict, the fix and the settings that work, with buttons for the
//! report, the technical view, changing the settings and quitting.

pub mod vm;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};

use super::report::state::SaveStatus;

use super::buttons;
use super::controls::Button;
use super::model::Model;
use super::msg::Effect;
use super::nav::{back, scroll_key};

/// The buttons, left to right.
pub const RESULT_BUTTONS: [Button; 4] = [
    Button::OpenReport,
    Button::Technical,
    Button::ChangeSettings,
    Button::Quit,
];

pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let n = RESULT_BUTTONS.len();
    match k.code {
        KeyCode::Tab | KeyCode::Right => m.result_focus = (m.result_focus + 1).min(n - 1),
        KeyCode::BackTab | KeyCode::Left => m.result_focus = m.result_focus.saturating_sub(1),
        KeyCode::Enter => {
            return buttons::shared(m, RESULT_BUTTONS[m.result_focus.min(n - 1)]);
        }
        KeyCode::Char('e') if k.modifiers.is_empty() => return save_settings(m),
        code => scroll_key(m, code),
    }
    Vec::new()
}

/// The verified settings as a Thunderbird file, when this result has verified settings.
fn settings_file(m: &Model) -> Option<(String, String)> {
    let d = m.diagnosis.as_ref()?;
    let account = crate::export::account_of(d, None)?;
    let contents = crate::export::autoconfig::render(&account).ok()?;
    Some((account.domain.clone(), contents))
}

/// Whether the result screen offers the settings file (`e`).
pub fn can_save_settings(m: &Model) -> bool {
    m.diagnosis
        .as_ref()
        .is_some_and(|d| crate::export::verified_settings(d).is_some())
}

/// The file's place: in the folder the report is saved to (its file name field), as
/// `smtp-doctor-thunderbird-DOMAIN.xml`.
fn settings_path(m: &Model, domain: &str) -> PathBuf {
    let report = m.report.path.value().trim().to_string();
    let dir = Path::new(&report)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // A domain is a file name here; anything that could leave the folder is replaced.
    let safe: String = domain
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    dir.join(format!(
        "smtp-doctor-thunderbird-{}.xml",
        safe.trim_matches('.')
    ))
}

/// `e`: save the Thunderbird file; on a kiosk only into its reports folder.
pub(super) fn save_settings(m: &mut Model) -> Vec<Effect> {
    let Some((domain, contents)) = settings_file(m) else {
        return Vec::new();
    };
    if let Some(kiosk) = &m.kiosk {
        let dir = kiosk.config.reports_dir.clone();
        m.export = Some(SaveStatus::Saving(dir.display().to_string()));
        return vec![Effect::SaveKioskSettingsFile {
            dir,
            wall: m.clock.wall,
            contents,
        }];
    }
    let path = settings_path(m, &domain);
    m.export = Some(SaveStatus::Saving(path.display().to_string()));
    vec![Effect::SaveSettingsFile { path, contents }]
}

/// The runner wrote the settings file (or could not).
pub(super) fn on_settings_saved(m: &mut Model, path: &Path, result: Result<(), String>) {
    let shown = path.display().to_string();
    m.export = Some(match result {
        Ok(()) => SaveStatus::Saved(shown),
        Err(error) => SaveStatus::Failed { path: shown, error },
    });
}
