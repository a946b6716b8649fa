//! Help (from `assets/ui.toml`) and the quit question.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::ui::model::{Model, Rendered, Target};
use crate::ui::quit::QUIT_BUTTONS;
use crate::ui::text::text;

use super::doc::{button_spans, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().help;
    let mut d = Doc::new(area.width);
    d.text(t.title.clone(), theme.heading);
    d.blank();
    for line in t.text.trim_end().lines() {
        d.columns(line, theme.base);
    }
    d.render(frame, area, Some(m.scroll.help), theme, out);
}

/// A small box in the middle: "Checks are still running. Quit anyway?"
pub fn confirm_quit(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().quit;
    let width = area.width.min(56);
    let inner_w = width.saturating_sub(4);
    let text_lines = super::doc::wrap(&t.text, usize::from(inner_w));
    // Borders, the message, a blank line, the buttons.
    let height = u16::try_from(text_lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
        .min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.title))
        .style(theme.base)
        .border_style(theme.heading);
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, popup);
    let [msg, _, buttons] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let lines: Vec<Line> = text_lines.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base)
            .wrap(Wrap { trim: true }),
        msg,
    );
    let items: Vec<_> = QUIT_BUTTONS
        .iter()
        .zip([&t.yes, &t.no])
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), i == m.quit_focus))
        .collect();
    let (line, hits) = button_spans(&items, theme, 0);
    frame.render_widget(Paragraph::new(line), buttons);
    for (x, w, target) in hits {
        // A button beyond u16 columns is beyond the row.
        let Ok(x) = u16::try_from(x) else { continue };
        if x < buttons.width {
            let w = u16::try_from(w).unwrap_or(u16::MAX).min(buttons.width - x);
            out.hits
                .push((Rect::new(buttons.x + x, buttons.y, w, 1), target));
        }
    }
}
