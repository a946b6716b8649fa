//! The key bar: what works on this screen, always visible. In a text field letters type,
//! so the bar then shows the F-key and Ctrl forms instead of t, s, q and ?.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::ui::model::{Field, Model, Overlay, Screen};
use crate::ui::text::{text, Key};
use crate::ui::UiOptions;

use super::theme::Theme;

// Each screen lists its own keys; that two screens offer the same keys today is chance.
#[allow(clippy::match_same_arms)]
pub fn hints(m: &Model) -> Vec<Key> {
    let k = &text().keys;
    let typing = m.typing();
    let mut v: Vec<&Key> = Vec::new();
    let has_run = m.has_report();
    // The keys that work anywhere, in the form that works here.
    let anywhere = |v: &mut Vec<&Key>, back: bool| {
        if back {
            v.push(&k.back);
        }
        if typing {
            v.extend([&k.help_f, &k.technical_f]);
            if has_run {
                v.push(&k.save_ctrl);
            }
            v.push(&k.quit_ctrl);
        } else {
            v.extend([&k.help, &k.technical]);
            if has_run {
                v.push(&k.save);
            }
            v.push(&k.quit);
        }
    };
    match m.overlay() {
        Some(Overlay::ConfirmQuit) => v.extend([&k.yes, &k.no]),
        Some(Overlay::Help) => {
            v.extend([&k.scroll, &k.close, &k.technical, &k.quit]);
        }
        Some(Overlay::Technical) => {
            v.extend([&k.scroll, &k.close, &k.help]);
            if has_run {
                v.push(&k.save);
            }
            v.push(&k.quit);
        }
        None => match m.screen {
            Screen::Start => {
                v.extend([&k.r#move, &k.choose, &k.pick]);
                anywhere(&mut v, false);
            }
            Screen::ErrorText | Screen::Report => {
                // In the text box Enter continues (error message) or saves (report).
                let enter = match (m.screen, typing) {
                    (Screen::ErrorText, true) => &k.proceed,
                    (Screen::Report, true) => &k.save_file,
                    _ => &k.choose,
                };
                v.extend([&k.tab, enter]);
                anywhere(&mut v, true);
            }
            Screen::Account => {
                v.push(&k.r#move);
                match m.form.focus {
                    f if f.is_text() => v.push(&k.next_field),
                    Field::Encryption | Field::Auth => v.push(&k.toggle),
                    _ => v.push(&k.choose),
                }
                anywhere(&mut v, true);
            }
            Screen::Checks => {
                if m.vm.checks.question.is_some() {
                    v.extend([&k.r#move, &k.choose]);
                }
                anywhere(&mut v, true);
            }
            Screen::Result => {
                v.extend([&k.tab, &k.choose, &k.scroll]);
                anywhere(&mut v, true);
            }
            Screen::CopyText => {
                v.push(&k.scroll);
                anywhere(&mut v, true);
            }
            Screen::Failure => {
                v.extend([&k.tab, &k.choose]);
                anywhere(&mut v, true);
            }
            Screen::ServerInput => {
                v.extend([&k.tab, if typing { &k.proceed } else { &k.choose }]);
                anywhere(&mut v, true);
            }
            Screen::ServerFindings if m.server.confirm.is_some() => {
                v.extend([&k.r#move, &k.choose, &k.run, &k.cancel]);
            }
            Screen::ServerFindings => {
                v.extend([&k.tab, &k.choose, &k.scroll]);
                anywhere(&mut v, true);
            }
            Screen::ServerAudit if m.server.audit.confirm.is_some() => {
                v.extend([&k.r#move, &k.choose, &k.run, &k.cancel]);
            }
            Screen::ServerAudit => {
                v.extend([&k.tab, &k.choose, &k.scroll]);
                anywhere(&mut v, true);
            }
        },
    }
    v.into_iter().cloned().collect()
}

/// The hints laid out in as many lines as needed, never splitting a key from its label.
fn lines(hints: &[Key], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut spans: Vec<Span<'static>> = vec![Span::raw(" ")];
    let mut used = 1;
    for h in hints {
        let w = h.key.chars().count() + 1 + h.label.chars().count();
        if used > 1 && used + 2 + w > width {
            out.push(Line::from(std::mem::replace(
                &mut spans,
                vec![Span::raw(" ")],
            )));
            used = 1;
        }
        if used > 1 {
            spans.push(Span::raw("  "));
            used += 2;
        }
        spans.push(Span::styled(h.key.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", h.label), theme.base));
        used += w;
    }
    out.push(Line::from(spans));
    out
}

/// One line, or more when the hints do not fit (narrow terminals).
pub fn height(hints: &[Key], area_width: u16) -> u16 {
    lines(
        hints,
        usize::from(area_width),
        &Theme::new(&UiOptions::default()),
    )
    .len()
    .try_into()
    .unwrap_or(u16::MAX)
}

pub fn render(frame: &mut Frame, area: Rect, hints: &[Key], theme: &Theme) {
    let p = Paragraph::new(lines(hints, usize::from(area.width), theme)).style(theme.base);
    frame.render_widget(p, area);
}
