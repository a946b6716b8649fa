//! The checks could not start (an `EngineError`, e.g. an unreadable --ca-file): what went
//! wrong in one line and the ways forward, never a stack trace.

use ratatui::layout::Rect;
use ratatui::Frame;

use crate::checks::Status;
use crate::ui::failure::failure_buttons;
use crate::ui::model::{Button, FailureKind, Model, Rendered, Target};
use crate::ui::text::text;

use super::doc::Doc;
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().failure;
    let mut d = Doc::new(area.width);
    d.para(&format!("{} ", Status::Fail.symbol()), &t.title, theme.fail);
    d.blank();
    let Some(f) = &m.failure else {
        d.render(frame, area, None, theme, out);
        return;
    };
    d.para("", &t.intro, theme.base);
    d.para("  ", &f.message, theme.heading);
    d.blank();
    let kiosk = m.kiosk.is_some();
    let hint = match f.kind {
        FailureKind::Trust | FailureKind::Dns if kiosk => &t.kiosk_hint,
        FailureKind::Trust => &t.trust_hint,
        FailureKind::Dns => &t.dns_hint,
        FailureKind::Tree => &t.tree_hint,
        FailureKind::Other => &t.other_hint,
    };
    d.para("", hint, theme.base);
    d.blank();
    let items: Vec<_> = failure_buttons(f.kind, kiosk)
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let label = match b {
                Button::UseSystem if f.kind == FailureKind::Tree => &t.use_builtin,
                Button::UseSystem => &t.use_system,
                Button::Retry => &t.retry,
                Button::ChangeSettings => &t.change,
                _ => &t.quit,
            };
            (label.clone(), Target::Button(b), i == f.focus)
        })
        .collect();
    d.buttons(&items, theme, 0);
    d.render(frame, area, None, theme, out);
}
