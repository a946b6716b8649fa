//! Moving around: forward to a screen (onto the back stack), back (which stops a run the
//! person walks away from), the overlays, focus steps and scrolling long text. Shared by
//! every screen's keys.

use crossterm::event::KeyCode;

use crate::facts::Facts;

use super::model::{Model, Overlay, Screen};
use super::msg::Effect;

pub(super) fn go(m: &mut Model, s: Screen) {
    if m.screen != s {
        m.back.push(m.screen);
        m.screen = s;
    }
}

/// Esc: one screen back. Leaving the checks while they run stops them, and whatever the
/// abandoned run still sends is dropped (its generation is over).
pub(super) fn back(m: &mut Model) -> Vec<Effect> {
    let mut effects = Vec::new();
    if m.screen == Screen::Start {
        return effects;
    }
    if m.screen == Screen::ServerFindings {
        m.server.leave();
    }
    if m.screen == Screen::ServerAudit {
        m.server.audit.leave();
    }
    if m.screen == Screen::Checks && m.run.active() {
        m.run.generation += 1;
        m.run.input = None;
        m.run.facts = Facts::default();
        m.run.times.clear();
        m.refresh();
        effects.push(Effect::CancelChecks);
    }
    m.screen = m.back.pop().unwrap_or(Screen::Start);
    effects
}

/// The Back and Change settings buttons: the overlays close, then one screen back.
pub(super) fn back_button(m: &mut Model) -> Vec<Effect> {
    m.overlays.clear();
    back(m)
}

/// Opens an overlay on top, or closes it when it is already on top.
pub(super) fn toggle(m: &mut Model, o: Overlay) {
    if m.overlay() == Some(o) {
        m.overlays.pop();
    } else {
        m.overlays.retain(|x| *x != o);
        m.overlays.push(o);
        match o {
            Overlay::Help => m.scroll.help = 0,
            Overlay::Technical => m.scroll.technical = 0,
            Overlay::ConfirmQuit | Overlay::AdminPin => {}
        }
    }
}

/// Moves a focus index one step back or forward within `0..len`, or `None` for other keys.
pub(super) fn step_focus(code: KeyCode, focus: usize, len: usize, across: bool) -> Option<usize> {
    let back = matches!(code, KeyCode::BackTab)
        || (!across && code == KeyCode::Up)
        || (across && code == KeyCode::Left);
    let fwd = matches!(code, KeyCode::Tab)
        || (!across && code == KeyCode::Down)
        || (across && code == KeyCode::Right);
    if back {
        Some(focus.saturating_sub(1))
    } else if fwd {
        Some((focus + 1).min(len.saturating_sub(1)))
    } else {
        None
    }
}

pub(super) fn scroll_key(m: &mut Model, code: KeyCode) {
    let page = 10;
    match code {
        KeyCode::Up => scroll_by(m, -1),
        KeyCode::Down => scroll_by(m, 1),
        KeyCode::PageUp => scroll_by(m, -page),
        KeyCode::PageDown => scroll_by(m, page),
        KeyCode::Home => scroll_by(m, i32::MIN / 2),
        KeyCode::End => scroll_by(m, i32::MAX / 2),
        _ => {}
    }
}

/// Scrolls whatever long text is in front, within what the last draw said fits.
pub(super) fn scroll_by(m: &mut Model, delta: i32) {
    let max = i32::from(m.rendered.max_scroll);
    let s = match m.overlay() {
        Some(Overlay::Help) => &mut m.scroll.help,
        Some(Overlay::Technical) => &mut m.scroll.technical,
        Some(Overlay::ConfirmQuit | Overlay::AdminPin) => return,
        None => match m.screen {
            Screen::Result => &mut m.scroll.result,
            Screen::CopyText => &mut m.scroll.copy,
            Screen::Checks => &mut m.scroll.checks,
            Screen::ServerFindings | Screen::ServerAudit => &mut m.scroll.server,
            _ => return,
        },
    };
    *s = u16::try_from((i32::from(*s) + delta).clamp(0, max.max(0))).unwrap_or(u16::MAX);
}
