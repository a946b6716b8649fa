//! Result: the cause in one plain sentence, numbered steps with the exact values, the
//! settings that work, what to try next, and for server-side causes a box to send to the
//! email host. The text scrolls; the buttons stay at the bottom.
//!
//! ```text
//!  ✗ Problem found: Outlook uses SSL/TLS on port 587, which expects STARTTLS (certain)
//!
//!  The server on port 587 ...
//!
//!  Do this
//!    1. In Outlook, open ...
//!  Settings that work
//!    Outgoing mail server (SMTP)   smtp.example.test
//!  ┌ Tell your email host ─────────────────────┐
//!  │ This network's public IP address: ...      │
//!  └────────────────────────────────────────────┘
//!  [ Report ]  [ Technical details ]  [ Change settings ]  [ Quit ]
//! ```

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::checks::Status;
use crate::ui::model::{Button, Model, Rendered, Target};
use crate::ui::report::state::SaveStatus;
use crate::ui::result::RESULT_BUTTONS;
use crate::ui::text::{fill, text};
use crate::ui::vm::{ResultView, VerdictKind};

use super::doc::{pad, wrap, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    // The text, a blank line, the buttons (which never scroll away).
    let [body, _, buttons] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut d = Doc::new(body.width);
    match &m.vm.result {
        Some(r) => build(&mut d, r, theme),
        None => d.para("", &text().result.no_cause, theme.heading),
    }
    settings_file_line(&mut d, m, theme);
    d.render(frame, body, Some(m.scroll.result), theme, out);

    let t = &text().result;
    let items: Vec<_> = RESULT_BUTTONS
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let label = match b {
                Button::OpenReport => &t.save,
                Button::Technical => &t.technical,
                Button::ChangeSettings => &t.change,
                _ => &t.quit,
            };
            (label.clone(), Target::Button(*b), i == m.result_focus)
        })
        .collect();
    let mut row = Doc::new(buttons.width);
    row.buttons(&items, theme, 0);
    let max = out.max_scroll;
    row.render(frame, buttons, None, theme, out);
    out.max_scroll = max;
}

/// The offer of the settings file (`e`), or how saving it went.
fn settings_file_line(d: &mut Doc, m: &Model, theme: &Theme) {
    let t = &text().result;
    let (line, style) = match &m.export {
        Some(SaveStatus::Saving(path)) => (fill(&t.export_saving, &[("path", path)]), theme.dim),
        Some(SaveStatus::Saved(path)) => (fill(&t.export_saved, &[("path", path)]), theme.ok),
        Some(SaveStatus::Failed { path, error }) => (
            fill(&t.export_failed, &[("path", path), ("error", error)]),
            theme.fail,
        ),
        Some(SaveStatus::EmptyPath) | None if crate::ui::result::can_save_settings(m) => {
            (t.export_offer.clone(), theme.base)
        }
        Some(SaveStatus::EmptyPath) | None => return,
    };
    d.blank();
    d.para("", &line, style);
}

pub fn build(d: &mut Doc, r: &ResultView, theme: &Theme) {
    let t = &text().result;
    let (sym, word, style) = match r.verdict {
        VerdictKind::Ok => (Status::Pass.symbol(), &t.ok, theme.ok),
        VerdictKind::Problem => (Status::Fail.symbol(), &t.problem, theme.fail),
        VerdictKind::Unsure => ("?", &t.unsure, theme.warn),
    };
    // The verdict in a word, then the cause in one plain sentence.
    d.text(format!("{sym} {word}"), style);
    let mut head = if r.title.is_empty() {
        t.no_cause.clone()
    } else {
        r.title.clone()
    };
    if !r.confidence.is_empty() {
        head = format!("{head} ({})", r.confidence);
    }
    d.para("", &head, theme.heading);
    if r.finishing {
        d.para("  … ", &t.finishing, theme.dim);
    }
    if !r.explanation.is_empty() {
        d.blank();
        d.para("", &r.explanation, theme.base);
    }
    d.blank();
    d.text(t.do_this.clone(), theme.heading);
    if r.fix.is_empty() {
        d.para("  ", &t.nothing_to_do, theme.base);
    }
    steps(d, &r.fix, theme);
    let settings_fix = r
        .code
        .as_deref()
        .is_some_and(crate::report::wording::names_mail_program_settings);
    if !r.fix.is_empty() && settings_fix {
        // The same settings in the other mail programs, with their own labels.
        let other = &crate::report::wording::wording(crate::ui::text::lang()).other_programs;
        d.para("  ", &other.line, theme.dim);
    }
    if !r.settings.is_empty() {
        d.blank();
        d.text(t.settings.clone(), theme.heading);
        let w = r
            .settings
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0)
            + 3;
        for (label, value) in &r.settings {
            d.line(Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(label, w), theme.base),
                Span::styled(value.clone(), theme.heading),
            ]));
        }
    }
    if let Some(h) = &r.tell_host {
        let th = &text().tell_host;
        d.blank();
        let inner = d.width().saturating_sub(4).max(10);
        let title = format!(" {} ", th.title);
        d.text(
            format!(
                "┌─{title}{}┐",
                "─".repeat(inner.saturating_sub(title.chars().count()) + 1)
            ),
            theme.heading,
        );
        let mut rows = Vec::new();
        rows.extend(wrap(&th.intro, inner));
        match &h.ip {
            Some(ip) => rows.extend(wrap(&fill(&th.ip, &[("ip", ip)]), inner)),
            None if h.ip_matters => rows.extend(wrap(&th.ip_not_found, inner)),
            // The request is about the server itself: an unknown address is no news.
            None => {}
        }
        rows.extend(wrap(&fill(&th.time, &[("time", &h.time)]), inner));
        rows.extend(wrap(&format!("{} {}", th.look_for, h.look_for), inner));
        for row in rows {
            d.line(Line::from(vec![
                Span::styled("│ ", theme.heading),
                Span::styled(pad(&row, inner), theme.base),
                Span::styled(" │", theme.heading),
            ]));
        }
        d.text(format!("└{}┘", "─".repeat(inner + 2)), theme.heading);
    }
    if r.verdict != VerdictKind::Ok {
        d.blank();
        d.text(t.next.clone(), theme.heading);
        match &r.next {
            Some(n) => {
                d.para("  ", &n.title, theme.base);
                steps(d, &n.fix, theme);
            }
            None => d.para("  ", &t.next_none, theme.base),
        }
    }
    for a in &r.also {
        d.para(&format!("  {} ", Status::Warn.symbol()), a, theme.warn);
    }
    if let Some(code) = &r.code {
        d.blank();
        d.text(fill(&t.code, &[("code", code)]), theme.dim);
    }
}

fn steps(d: &mut Doc, items: &[String], theme: &Theme) {
    for (i, s) in items.iter().enumerate() {
        d.para(&format!("  {:>2}. ", i + 1), s, theme.base);
    }
}
