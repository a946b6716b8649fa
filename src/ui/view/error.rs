//! Error message: a paste box, and what was recognised in it said back in one sentence.
//!
//! ```text
//!  What does the error message say?
//!  Paste the whole message ...
//!  ┌ Error message ──────────────────────────────┐
//!  │ Task 'me@example.com - Sending' reported ... │
//!  └──────────────────────────────────────────────┘
//!  What we read
//!    Outlook could not reach the server that sends your mail (account ..., error ...).
//!  [ Continue ]  [ Back ]
//! ```

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::error_text::Recognised;
use crate::ui::error::ERROR_BUTTONS;
use crate::ui::model::{Model, Rendered, Target};
use crate::ui::text::{fill, text};

use super::doc::{hard_wrap, Doc};
use super::theme::Theme;

/// The recognised parts as one plain sentence, then the server's reply if one was quoted.
pub fn sentence(r: &Recognised) -> Vec<String> {
    let t = &text().error;
    let mut details = Vec::new();
    if let Some(a) = &r.account {
        details.push(fill(&t.detail_account, &[("account", a)]));
    }
    let meaning = match (&r.meaning, &r.code) {
        (Some(m), Some(c)) => {
            details.push(fill(&t.detail_code, &[("code", c)]));
            Some(m.trim_end_matches('.').to_string())
        }
        (None, Some(c)) => Some(fill(&t.unknown_code, &[("code", c)])),
        // Recognised by its wording alone (Thunderbird, Apple Mail, a server's reply).
        (Some(m), None) => Some(m.trim_end_matches('.').to_string()),
        (None, None) => None,
    };
    let mut out = Vec::new();
    match meaning {
        Some(m) if details.is_empty() => out.push(fill(&t.sentence_plain, &[("meaning", &m)])),
        Some(m) => out.push(fill(
            &t.sentence,
            &[("meaning", &m), ("details", &details.join(", "))],
        )),
        None if !details.is_empty() => out.push(format!("{}.", capitalise(&details.join(", ")))),
        None => {}
    }
    if let Some(reply) = &r.server_reply {
        out.push(fill(&t.reply, &[("reply", reply)]));
    }
    if out.is_empty() {
        out.push(t.nothing.clone());
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().error;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();

    // The box: at least three rows, growing with the text; the cursor shows where typing goes.
    let inner = d.width().saturating_sub(4).max(10);
    let focused = m.error.focus == 0;
    let frame_style = if focused { theme.heading } else { theme.base };
    let title = format!(" {} ", t.box_title);
    let top = format!(
        "┌─{title}{}┐",
        "─".repeat(inner.saturating_sub(title.chars().count()) + 1)
    );
    let at = d.text(top, frame_style);
    d.hit(at, 0, d.width(), Target::ErrorBox);
    let value = m.error.text.value();
    let mut rows = if value.is_empty() {
        vec![super::doc::truncate(&t.placeholder, inner)]
    } else {
        hard_wrap(value, inner)
    };
    // Room for the cursor after the last character.
    if !value.is_empty()
        && m.error.text.cursor() == value.chars().count()
        && value.chars().count().is_multiple_of(inner)
    {
        rows.push(String::new());
    }
    while rows.len() < 3 {
        rows.push(String::new());
    }
    let first_row = d.len();
    for r in &rows {
        let n = r.chars().count();
        let style = if value.is_empty() {
            theme.dim
        } else {
            theme.base
        };
        let at = d.line(Line::from(vec![
            Span::styled("│ ", frame_style),
            Span::styled(format!("{r}{}", " ".repeat(inner.saturating_sub(n))), style),
            Span::styled(" │", frame_style),
        ]));
        d.hit(at, 0, d.width(), Target::ErrorBox);
    }
    let at = d.text(format!("└{}┘", "─".repeat(inner + 2)), frame_style);
    d.hit(at, 0, d.width(), Target::ErrorBox);
    if focused {
        let c = m.error.text.cursor();
        d.cursor(first_row + c / inner, 2 + c % inner);
        d.focus(at);
    }
    d.blank();
    d.para("", &t.read_title, theme.heading);
    for s in sentence(&m.error.recognised) {
        d.para("  ", &s, theme.base);
    }
    d.blank();
    let labels = [&t.r#continue, &t.back];
    let items: Vec<_> = ERROR_BUTTONS
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), m.error.focus == i + 1))
        .collect();
    d.buttons(&items, theme, 0);
    d.render(frame, area, None, theme, out);
}
