//! Drawing: pure functions of the model. One module per kind of screen, plus the key bar,
//! help, theme and the scrolling body helper.
//!
//! ```text
//! ┌──────────────────────────────────────────────────────────────┐
//! │ smtp-doctor                               Step 2 of 3: ...   │  title bar (1 line)
//! │                                                              │
//! │  body: the screen, or the overlay on top (help, technical)   │  fills the rest
//! │                                                              │
//! │ ↑↓ move  Enter choose  Esc back  ? help  t technical  q quit │  key bar (1 line)   
//! └──────────────────────────────────────────────────────────────┘
//! ```
//! `render` returns where clickable things landed and how far the text can scroll; the
//! app stores that in the model for the next mouse click or scroll key.

pub mod account;
pub mod audit;
pub mod checks;
pub mod doc;
pub mod error;
pub mod failure;
pub mod footer;
pub mod help;
pub mod kiosk;
pub mod new_account;
pub mod report;
pub mod result;
pub mod server;
pub mod start;
pub mod technical;
pub mod theme;

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::model::{Model, Overlay, Rendered, Screen, Symptom};
use super::text::{fill, text};
use theme::Theme;

/// Layout of the whole frame.
const TITLE_HEIGHT: u16 = 1;
/// The key bar drops hints rather than wrap (see `footer::fit`).
const FOOTER_HEIGHT: u16 = 1;

pub fn render(frame: &mut Frame, m: &Model) -> Rendered {
    // Every wording read below is in the model's language.
    crate::ui::text::set_lang(m.lang);
    let theme = Theme::new(&m.options);
    let mut out = Rendered::default();
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    let hints = footer::hints(m);
    let [title, body, keys] = Layout::vertical([
        Constraint::Length(TITLE_HEIGHT),
        Constraint::Fill(1),
        Constraint::Length(FOOTER_HEIGHT),
    ])
    .areas(area);
    title_bar(frame, title, m, &theme);
    // One blank line under the title and one column each side: easier to read when shared.
    let body = Rect {
        y: body.y.saturating_add(1).min(body.bottom()),
        height: body.height.saturating_sub(1),
        ..body
    }
    .inner(Margin::new(1, 0));

    let shown = m
        .overlays
        .iter()
        .rev()
        .find(|o| !matches!(o, Overlay::ConfirmQuit | Overlay::AdminPin))
        .copied();
    let offline = m
        .kiosk
        .as_ref()
        .is_some_and(|k| k.network == crate::ui::kiosk::state::Network::Offline);
    match shown {
        // Kiosk mode without a network: nothing else can help until it is back.
        _ if offline => {
            kiosk::render_offline(frame, body, &theme, &mut out);
            out.hits.clear();
        }
        Some(Overlay::Help) => help::render(frame, body, m, &theme, &mut out),
        Some(Overlay::Technical) => technical::render(frame, body, m, &theme, &mut out),
        _ => screen(frame, body, m, &theme, &mut out),
    }
    if m.overlay() == Some(Overlay::ConfirmQuit) {
        // Modal: only the question's buttons can be clicked.
        out.hits.clear();
        help::confirm_quit(frame, area, m, &theme, &mut out);
    }
    if let (Some(Overlay::AdminPin), Some(k)) = (m.overlay(), &m.kiosk) {
        // Modal, keyboard only.
        out.hits.clear();
        kiosk::render_pin(frame, area, k, &theme);
    }
    footer::render(frame, keys, &hints, &theme);
    out
}

fn screen(frame: &mut Frame, body: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    match m.screen {
        Screen::Start => start::render(frame, body, m, theme, out),
        Screen::ErrorText => error::render(frame, body, m, theme, out),
        Screen::Account => account::render(frame, body, m, theme, out),
        Screen::Checks => checks::render(frame, body, m, theme, out),
        Screen::Result => result::render(frame, body, m, theme, out),
        Screen::Report => report::render(frame, body, m, theme, out),
        Screen::CopyText => report::render_copy(frame, body, m, theme, out),
        Screen::Failure => failure::render(frame, body, m, theme, out),
        Screen::ServerInput => server::render_input(frame, body, m, theme, out),
        Screen::ServerFindings => server::render_findings(frame, body, m, theme, out),
        Screen::ServerAudit => audit::render(frame, body, m, theme, out),
        Screen::NewAccount => new_account::render(frame, body, m, theme, out),
    }
}

fn title_bar(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme) {
    let t = text();
    let left = format!(" {}", t.app.name);
    let mut right = Vec::new();
    if matches!(m.screen, Screen::Checks) {
        if let Some(step) = m.vm.checks.current {
            right.push(fill(
                &t.app.step_of,
                &[("n", &step.number().to_string()), ("step", step.title())],
            ));
        }
    }
    if matches!(m.symptom, Some(Symptom::Agent | Symptom::Server)) {
        right.push(format!("[{}]", t.app.agent_badge));
    }
    let right = format!("{} ", right.join("  "));
    let room = usize::from(area.width).saturating_sub(left.chars().count() + right.chars().count());
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(room)),
        Span::raw(if room > 0 { right } else { String::new() }),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.title), area);
}

/// A box of `width` x `height` in the middle of `area`, for the dialogs drawn over a screen.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, popup, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(mid);
    popup
}
