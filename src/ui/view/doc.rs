//! A screen body as a list of lines, built for one width: wraps prose, remembers which
//! cells are clickable and where the focus and the text cursor are, then draws the part
//! that fits — following the focus, or at the scroll offset the person chose — with
//! "more above/below" markers so a cut-off never goes unnoticed.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::ui::model::{Rendered, Target};

use super::theme::Theme;

pub struct Doc {
    pub lines: Vec<Line<'static>>,
    hits: Vec<(usize, u16, u16, Target)>,
    focus: Option<usize>,
    cursor: Option<(usize, u16)>,
    width: usize,
}

/// Word wrap for prose (the report's own wrap, so screen and report agree).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let lines = crate::report::text::wrap(text, width.max(1));
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Hard wrap for preformatted text (help, transcript): keeps indentation, cuts anywhere.
pub fn hard_wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return vec![String::new()];
    }
    chars.chunks(width).map(|c| c.iter().collect()).collect()
}

/// Cuts `s` to `width` characters, marking the cut with "…".
pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let n = t.chars().count();
    format!("{t}{}", " ".repeat(width.saturating_sub(n)))
}

impl Doc {
    pub fn new(width: u16) -> Doc {
        Doc {
            lines: Vec::new(),
            hits: Vec::new(),
            focus: None,
            cursor: None,
            width: usize::from(width),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// Adds a line; returns its index (for hits and focus).
    pub fn line(&mut self, line: Line<'static>) -> usize {
        self.lines.push(line);
        self.lines.len() - 1
    }

    pub fn text(&mut self, s: impl Into<String>, style: Style) -> usize {
        self.line(Line::from(Span::styled(s.into(), style)))
    }

    /// Wrapped prose with a hanging indent: `first` before the first line, spaces of the
    /// same width before the others.
    pub fn para(&mut self, first: &str, text: &str, style: Style) {
        let indent = first.chars().count();
        let room = self.width.saturating_sub(indent).max(10);
        let rest = " ".repeat(indent);
        for (i, l) in wrap(text, room).into_iter().enumerate() {
            let lead = if i == 0 {
                first.to_string()
            } else {
                rest.clone()
            };
            self.lines.push(Line::from(vec![
                Span::styled(lead, style),
                Span::styled(l, style),
            ]));
        }
    }

    /// Preformatted text, hard-wrapped with `indent` spaces before continuation lines.
    pub fn pre(&mut self, text: &str, style: Style, indent: usize) {
        let first_room = self.width.max(1);
        let chars: Vec<char> = text.chars().collect();
        if chars.len() <= first_room {
            self.text(text.to_string(), style);
            return;
        }
        let (head, tail) = chars.split_at(first_room);
        self.text(head.iter().collect::<String>(), style);
        let room = self.width.saturating_sub(indent).max(10);
        for chunk in tail.chunks(room) {
            self.text(
                format!("{}{}", " ".repeat(indent), chunk.iter().collect::<String>()),
                style,
            );
        }
    }

    /// Preformatted text that wraps at words: continuation lines start under the line's
    /// second column (after the first gap of two spaces), or under its indentation.
    pub fn columns(&mut self, text: &str, style: Style) {
        let lead = text.chars().take_while(|c| *c == ' ').count();
        let hang = text
            .char_indices()
            .skip(lead)
            .find(|(i, _)| text[*i..].starts_with("  ") && !text[*i..].trim_start().is_empty())
            .map(|(i, _)| {
                text[..i].chars().count() + text[i..].chars().take_while(|c| *c == ' ').count()
            })
            .filter(|h| *h < self.width / 2)
            .unwrap_or(lead);
        if text.chars().count() <= self.width {
            self.text(text.to_string(), style);
            return;
        }
        // Keep the first column as written, wrap the rest of the line.
        let head: String = text.chars().take(hang).collect();
        let tail: String = text.chars().skip(hang).collect();
        let room = self.width.saturating_sub(hang).max(10);
        for (i, part) in wrap(&tail, room).into_iter().enumerate() {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(hang)
            };
            self.text(format!("{lead}{part}"), style);
        }
    }

    pub fn hit(&mut self, line: usize, x: usize, w: usize, target: Target) {
        // Beyond u16 is beyond any terminal: the hit is clipped away at render.
        let clip = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        self.hits.push((line, clip(x), clip(w), target));
    }

    pub fn focus(&mut self, line: usize) {
        self.focus = Some(line);
    }

    pub fn cursor(&mut self, line: usize, x: usize) {
        self.cursor = Some((line, u16::try_from(x).unwrap_or(u16::MAX)));
    }

    /// Buttons side by side on one line: `[ Label ]`, the focused one reversed.
    pub fn buttons(
        &mut self,
        items: &[(String, Target, bool)],
        theme: &Theme,
        indent: usize,
    ) -> usize {
        let (line, spans) = button_spans(items, theme, indent);
        let at = self.line(line);
        for (x, w, t) in spans {
            self.hit(at, x, w, t);
        }
        if items.iter().any(|(_, _, f)| *f) {
            self.focus(at);
        }
        at
    }

    /// Draws the lines into `area`. `scroll`: the person's offset, or `None` to keep the
    /// focus in view.
    pub fn render(
        self,
        frame: &mut Frame,
        area: Rect,
        scroll: Option<u16>,
        theme: &Theme,
        out: &mut Rendered,
    ) {
        let height = usize::from(area.height);
        let total = self.lines.len();
        let max = total.saturating_sub(height);
        let offset = match scroll {
            Some(s) => usize::from(s).min(max),
            None => self
                .focus
                .map_or(0, |f| (f + 1).saturating_sub(height))
                .min(max),
        };
        if scroll.is_some() {
            out.max_scroll = u16::try_from(max).unwrap_or(u16::MAX);
        }
        let visible: Vec<Line> = self.lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(visible).style(theme.base), area);
        // The screen row of a visible line: `line - offset < height`, and `height` came
        // from a u16, so the cast is in range.
        #[allow(clippy::cast_possible_truncation)]
        let row = |line: usize| (line - offset) as u16;
        for (line, x, w, t) in self.hits {
            if line >= offset && line < offset + height && x < area.width {
                let w = w.min(area.width - x);
                out.hits
                    .push((Rect::new(area.x + x, area.y + row(line), w, 1), t));
            }
        }
        if let Some((line, x)) = self.cursor {
            if line >= offset && line < offset + height && x < area.width {
                frame.set_cursor_position(Position::new(area.x + x, area.y + row(line)));
            }
        }
        // Markers in the right margin say that more text is out of view.
        let mark = |frame: &mut Frame, y: u16, s: &str| {
            let w = u16::try_from(s.chars().count()).unwrap_or(u16::MAX);
            if area.width > w {
                let r = Rect::new(area.x + area.width - w, y, w, 1);
                frame.render_widget(Paragraph::new(s.to_string()).style(theme.focus), r);
            }
        };
        let app = &crate::ui::text::text().app;
        if offset > 0 && height > 0 {
            mark(frame, area.y, &format!(" {} ", app.more_above));
        }
        if offset + height < total && height > 1 {
            mark(
                frame,
                area.y + area.height - 1,
                &format!(" {} ", app.more_below),
            );
        }
    }
}

/// The spans of a button row and where each button sits (x, width, target).
pub fn button_spans(
    items: &[(String, Target, bool)],
    theme: &Theme,
    indent: usize,
) -> (Line<'static>, Vec<(usize, usize, Target)>) {
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    let mut hits = Vec::new();
    let mut x = indent;
    for (i, (label, target, focused)) in items.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
            x += 2;
        }
        let text = if *focused {
            format!("[›{label}‹]")
        } else {
            format!("[ {label} ]")
        };
        let w = text.chars().count();
        spans.push(Span::styled(
            text,
            if *focused { theme.focus } else { theme.heading },
        ));
        hits.push((x, w, *target));
        x += w;
    }
    (Line::from(spans), hits)
}
