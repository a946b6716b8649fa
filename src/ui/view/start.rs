//! Start: what the person sees, as a short list of choices.
//!
//! ```text
//!  Why can't your mail be sent?
//!
//!  Pick what you see. We check ...
//!
//!  › 1  I see an error message              paste it, or type its code
//!    2  My mail stays in the Outbox
//! ```

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::ui::model::{Model, Rendered, Target};
use crate::ui::text::text;

use super::doc::{pad, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().start;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();
    let label_w = t
        .choices
        .iter()
        .take(m.symptoms().len())
        .map(|c| c.label.chars().count())
        .max()
        .unwrap_or(0);
    for (i, c) in t.choices.iter().take(m.symptoms().len()).enumerate() {
        let focused = i == m.start_focus;
        let marker = if focused { " › " } else { "   " };
        let label = format!("{}  {}", i + 1, pad(&c.label, label_w));
        let width = label.chars().count();
        let mut spans = vec![
            Span::styled(marker, theme.heading),
            Span::styled(label, if focused { theme.focus } else { theme.base }),
        ];
        let room = d.width().saturating_sub(3 + width + 3);
        if !c.hint.is_empty() && room >= 12 {
            spans.push(Span::styled(
                format!("   {}", super::doc::truncate(&c.hint, room)),
                theme.dim,
            ));
        }
        let at = d.line(Line::from(spans));
        d.hit(at, 0, d.width(), Target::StartChoice(i));
        if focused {
            d.focus(at);
        }
    }
    if m.can_switch_lang() {
        // In the language's own name, so a person who cannot read the current one finds it.
        d.blank();
        let others: Vec<&str> = m
            .languages
            .offered()
            .iter()
            .map(|l| l.native_name())
            .collect();
        let line = crate::ui::text::fill(
            &t.language,
            &[
                ("name", m.lang.native_name()),
                ("key", &text().keys.language.key),
            ],
        );
        d.para("", &line, theme.base);
        d.para("", &others.join(" · "), theme.dim);
    }
    if let Some(p) = &m.languages.problem {
        if !m.can_switch_lang() {
            d.blank();
        }
        let line = crate::ui::text::fill(
            &t.language_failed,
            &[("name", p.lang.native_name()), ("reason", &p.reason)],
        );
        // One line: the file's own words may be long, the start screen must stay whole.
        d.text(super::doc::truncate(&line, d.width()), theme.warn);
    }
    d.render(frame, area, None, theme, out);
}
