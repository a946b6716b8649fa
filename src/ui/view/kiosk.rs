//! Kiosk mode's screens: the administrator's PIN question (a box over the screen, the PIN
//! shown as dots), the note that quitting is turned off, and the no-network screen that
//! covers everything while this computer has no connection.

use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

use crate::ui::kiosk::state::{KioskState, PinNote};
use crate::ui::model::Rendered;
use crate::ui::text::{fill, text};

use super::doc::{wrap, Doc};
use super::theme::Theme;

/// The widest the PIN field shows (dots beyond scroll off to the left).
const PIN_FIELD: usize = 24;

/// The no-network screen, in place of the current one.
pub fn render_offline(frame: &mut Frame, area: Rect, theme: &Theme, out: &mut Rendered) {
    let t = &text().kiosk;
    let mut d = Doc::new(area.width);
    d.para("", &t.offline_title, theme.warn);
    d.blank();
    d.para("", &t.offline_intro, theme.base);
    d.blank();
    for (i, step) in t.offline_steps.iter().enumerate() {
        d.para(&format!("  {}. ", i + 1), step, theme.base);
    }
    d.blank();
    d.para("… ", &t.offline_retry, theme.dim);
    d.render(frame, area, None, theme, out);
}

/// The PIN question (or, without a PIN, the note that the wizard stays open), centred.
pub fn render_pin(frame: &mut Frame, area: Rect, kiosk: &KioskState, theme: &Theme) {
    let t = &text().kiosk;
    let width = area.width.min(60);
    let inner_w = usize::from(width.saturating_sub(4));
    let (title, message) = if kiosk.can_quit() {
        (&t.pin_title, &t.pin_text)
    } else {
        (&t.no_quit_title, &t.no_quit_text)
    };
    let mut lines: Vec<Line> = wrap(message, inner_w).into_iter().map(Line::from).collect();
    if kiosk.can_quit() {
        lines.push(Line::default());
        let dots: String = "•".repeat(kiosk.pin.value().chars().count());
        let shown: String = dots
            .chars()
            .skip(dots.chars().count().saturating_sub(PIN_FIELD))
            .collect();
        let pad = PIN_FIELD.saturating_sub(shown.chars().count());
        lines.push(Line::from(vec![
            Span::styled(format!("{} [", t.pin_label), theme.base),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), theme.focus),
            Span::styled("]", theme.base),
        ]));
        let note = match kiosk.pin_note {
            Some(PinNote::Wrong) => Some((t.pin_wrong.clone(), theme.fail)),
            Some(PinNote::Wait(w)) => Some((
                fill(&t.pin_wait, &[("seconds", &w.as_secs().max(1).to_string())]),
                theme.fail,
            )),
            None => None,
        };
        lines.push(Line::default());
        if let Some((note, style)) = note {
            for l in wrap(&format!("✗ {note}"), inner_w) {
                lines.push(Line::styled(l, style));
            }
        }
    }
    // Borders and the lines.
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .style(theme.base)
        .border_style(theme.heading);
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines).style(theme.base), inner);
}
