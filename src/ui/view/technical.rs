//! The technical view (one key from anywhere): the input, the tree's path and causes,
//! every check with its status and time, and the SMTP transcript (already redacted by
//! the engine: AUTH lines never show a credential).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::ui::model::{Model, Rendered};
use crate::ui::text::text;
use crate::ui::vm::TechView;

use super::doc::{pad, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let mut d = Doc::new(area.width);
    build(&mut d, &m.vm.tech, m.run.input.is_some(), theme);
    d.render(frame, area, Some(m.scroll.technical), theme, out);
}

pub fn build(d: &mut Doc, v: &TechView, has_run: bool, theme: &Theme) {
    let t = &text().technical;
    d.text(t.title.clone(), theme.heading);
    d.blank();
    d.para(&format!("{}: ", t.input), &v.input, theme.base);
    if !v.path.is_empty() {
        d.para(&format!("{}: ", t.path), &v.path, theme.base);
    }
    if !v.causes.is_empty() {
        d.para(&format!("{}: ", t.causes), &v.causes, theme.base);
    }
    d.blank();
    d.text(t.checks.clone(), theme.heading);
    if !has_run {
        d.para("  ", &text().checks.no_run, theme.base);
    }
    let id_w = v
        .checks
        .iter()
        .map(|c| c.id.chars().count())
        .max()
        .unwrap_or(0);
    let word_w = v
        .checks
        .iter()
        .map(|c| c.word.chars().count())
        .max()
        .unwrap_or(0);
    for c in &v.checks {
        let style = match c.symbol.as_str() {
            "✓" => theme.ok,
            "✗" => theme.fail,
            "!" => theme.warn,
            _ => theme.base,
        };
        let lead = format!(
            " {} {} {} {:>8}  ",
            c.symbol,
            pad(&c.word, word_w),
            pad(&c.id, id_w),
            c.time
        );
        let indent = lead.chars().count();
        let room = d.width().saturating_sub(indent).max(10);
        let parts = super::doc::wrap(&c.summary, room);
        for (i, p) in parts.into_iter().enumerate() {
            let head = if i == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            d.line(Line::from(vec![
                Span::styled(head, style),
                Span::styled(p, theme.base),
            ]));
        }
    }
    d.blank();
    d.text(t.transcript.clone(), theme.heading);
    if v.transcript.is_empty() {
        d.para("  ", &t.no_transcript, theme.base);
    }
    for l in &v.transcript {
        d.pre(l, theme.base, 10);
    }
}
