//! The quit question (an overlay): asked only while checks run, with the safe answer
//! focused; otherwise quitting is immediate, with the verdict's exit code.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::controls::Button;
use super::model::{Model, Overlay};
use super::msg::Effect;

pub const QUIT_BUTTONS: [Button; 2] = [Button::QuitYes, Button::QuitNo];

/// `q`, F10 or the Quit button. On a kiosk: the administrator's PIN question.
pub(super) fn request(m: &mut Model) -> Vec<Effect> {
    if m.kiosk.is_some() {
        super::kiosk::open_pin(m);
        return Vec::new();
    }
    if m.run.active() {
        m.overlays.retain(|o| *o != Overlay::ConfirmQuit);
        m.overlays.push(Overlay::ConfirmQuit);
        // The safe answer has the focus: a stray Enter keeps the checks going.
        m.quit_focus = 1;
        Vec::new()
    } else {
        vec![Effect::Exit(m.exit_code())]
    }
}

/// The question's buttons.
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        // Only the ordinary wizard asks this question; a kiosk asks for the PIN instead.
        Button::QuitYes if m.kiosk.is_none() => vec![Effect::Exit(m.exit_code())],
        Button::QuitNo => {
            m.overlays.retain(|o| *o != Overlay::ConfirmQuit);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Keys while the question is open.
pub(super) fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Char('y' | 'Y' | 'q') | KeyCode::F(10) => press(m, Button::QuitYes),
        KeyCode::Char('n' | 'N') | KeyCode::Esc => press(m, Button::QuitNo),
        KeyCode::Char('Q') if ctrl => press(m, Button::QuitYes),
        KeyCode::Left
        | KeyCode::Right
        | KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Up
        | KeyCode::Down => {
            m.quit_focus = 1 - m.quit_focus.min(1);
            Vec::new()
        }
        KeyCode::Enter => press(m, QUIT_BUTTONS[m.quit_focus.min(1)]),
        _ => Vec::new(),
    }
}
