//! The key bar: what works on this screen, always visible and always one line. In a text
//! field letters type, so the bar then shows the F-key and Ctrl forms instead of t, s, q
//! and ?. When the terminal is too narrow for every hint, the least important go first.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::ui::kiosk::state::KioskState;
use crate::ui::model::{Field, Model, Overlay, Screen};
use crate::ui::text::{text, Key};

use super::theme::Theme;

/// How much a hint matters when the bar is short of room: the least important go first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Leaving: the last to go.
    Quit,
    /// The screen's main action, and the technical view.
    Main,
    /// Going back or closing, and help.
    High,
    /// Moving, scrolling, saving the report: the screen shows these too.
    Normal,
    /// Tab: the focused button shows where it goes.
    Low,
}

/// One hint of the key bar and how much it matters.
#[derive(Debug, Clone)]
pub struct Hint {
    pub key: Key,
    pub priority: Priority,
}

// Each screen lists its own keys; that two screens offer the same keys today is chance.
#[allow(clippy::match_same_arms, clippy::too_many_lines)]
pub fn hints(m: &Model) -> Vec<Hint> {
    use Priority::{High, Low, Main, Normal, Quit};
    let k = &text().keys;
    let typing = m.typing();
    let mut v: Vec<(&Key, Priority)> = Vec::new();
    let has_run = m.has_report();
    // The keys that work anywhere, in the form that works here.
    let anywhere = |v: &mut Vec<(&Key, Priority)>, back: bool| {
        if back {
            v.push((&k.back, High));
        }
        if typing {
            v.extend([(&k.help_f, High), (&k.technical_f, Main)]);
            if has_run {
                v.push((&k.save_ctrl, Normal));
            }
            v.push((&k.quit_ctrl, Quit));
        } else {
            v.extend([(&k.help, High), (&k.technical, Main)]);
            if has_run {
                v.push((&k.save, Normal));
            }
            v.push((&k.quit, Quit));
        }
    };
    let kt = &text().kiosk;
    let quit_offered = m.kiosk.as_ref().is_none_or(KioskState::can_quit);
    // On a kiosk the mail-server path is not offered: one digit fewer.
    let pick = if m.kiosk.is_some() { &kt.pick } else { &k.pick };
    let offline = m
        .kiosk
        .as_ref()
        .is_some_and(|k| k.network == crate::ui::kiosk::state::Network::Offline);
    match m.overlay() {
        Some(Overlay::AdminPin) => {
            if quit_offered {
                v.push((&kt.pin_enter, Main));
            }
            v.push((&kt.pin_back, Main));
        }
        // Kiosk mode without a network: only the administrator's way out is left.
        _ if offline => v.push((&k.quit, Quit)),
        Some(Overlay::ConfirmQuit) => v.extend([(&k.yes, Main), (&k.no, Main)]),
        Some(Overlay::Help) => {
            v.extend([
                (&k.scroll, Normal),
                (&k.close, Main),
                (&k.technical, Main),
                (&k.quit, Quit),
            ]);
        }
        Some(Overlay::Technical) => {
            v.extend([(&k.scroll, Normal), (&k.close, Main), (&k.help, High)]);
            if has_run {
                v.push((&k.save, Normal));
            }
            v.push((&k.quit, Quit));
        }
        None => match m.screen {
            Screen::Start => {
                v.extend([(&k.r#move, Normal), (&k.choose, Main), (pick, Normal)]);
                if m.can_switch_lang() {
                    v.push((&k.language, High));
                }
                anywhere(&mut v, false);
            }
            Screen::ErrorText | Screen::Report => {
                // In the text box Enter continues (error message) or saves (report).
                let enter = match (m.screen, typing) {
                    (Screen::ErrorText, true) => &k.proceed,
                    (Screen::Report, true) => &k.save_file,
                    _ => &k.choose,
                };
                v.extend([(&k.tab, Low), (enter, Main)]);
                anywhere(&mut v, true);
            }
            Screen::Account => {
                v.push((&k.r#move, Normal));
                match m.form.focus {
                    f if f.is_text() => v.push((&k.next_field, Main)),
                    Field::Encryption | Field::Auth => v.push((&k.toggle, Main)),
                    _ => v.push((&k.choose, Main)),
                }
                anywhere(&mut v, true);
            }
            Screen::Checks => {
                if m.vm.checks.question.is_some() {
                    v.extend([(&k.r#move, Normal), (&k.choose, Main)]);
                }
                anywhere(&mut v, true);
            }
            Screen::Result => {
                v.extend([(&k.tab, Low), (&k.choose, Main), (&k.scroll, Normal)]);
                if crate::ui::result::can_save_settings(m) {
                    v.push((&k.export, Low));
                }
                anywhere(&mut v, true);
            }
            Screen::CopyText => {
                v.push((&k.scroll, Main));
                anywhere(&mut v, true);
            }
            Screen::Failure => {
                v.extend([(&k.tab, Low), (&k.choose, Main)]);
                anywhere(&mut v, true);
            }
            Screen::ServerInput | Screen::NewAccount => {
                // In the new-account address field Enter runs Look up, not Continue.
                let enter = match (m.screen, typing) {
                    (Screen::NewAccount, true) => &k.look_up,
                    (_, true) => &k.proceed,
                    _ => &k.choose,
                };
                v.extend([(&k.tab, Low), (enter, Main)]);
                anywhere(&mut v, true);
            }
            Screen::ServerFindings if m.server.confirm.is_some() => {
                v.extend([
                    (&k.r#move, Normal),
                    (&k.choose, Main),
                    (&k.run, Main),
                    (&k.cancel, High),
                ]);
            }
            Screen::ServerFindings => {
                v.extend([(&k.tab, Low), (&k.choose, Main), (&k.scroll, Normal)]);
                anywhere(&mut v, true);
            }
            Screen::ServerAudit if m.server.audit.confirm.is_some() => {
                v.extend([
                    (&k.r#move, Normal),
                    (&k.choose, Main),
                    (&k.run, Main),
                    (&k.cancel, High),
                ]);
            }
            Screen::ServerAudit => {
                v.extend([(&k.tab, Low), (&k.choose, Main), (&k.scroll, Normal)]);
                anywhere(&mut v, true);
            }
        },
    }
    if !quit_offered {
        // A kiosk without a PIN: nothing quits, so no key says it does.
        v.retain(|(_, priority)| *priority != Quit);
    }
    v.into_iter()
        .map(|(key, priority)| Hint {
            key: key.clone(),
            priority,
        })
        .collect()
}

/// One hint as shown: its key and the label that fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub key: String,
    pub label: String,
}

fn shown_width(shown: &[Shown]) -> usize {
    if shown.is_empty() {
        return 0;
    }
    // A leading space, two between hints, one between a key and its label.
    1 + shown
        .iter()
        .map(|s| s.key.chars().count() + 1 + s.label.chars().count())
        .sum::<usize>()
        + 2 * (shown.len() - 1)
}

/// The hints that fit on one line of `width` columns, in their order: the least important
/// are dropped first (of equals, the rightmost), labels are shortened before a hint that
/// matters (back, help, the main action, quit) is dropped, and a hint is shown whole or
/// not at all.
pub fn fit(hints: &[Hint], width: usize) -> Vec<Shown> {
    let mut keep = vec![true; hints.len()];
    let mut short = false;
    let can_shorten = hints.iter().any(|h| h.key.short.is_some());
    loop {
        let shown: Vec<Shown> = hints
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(h, _)| Shown {
                key: h.key.key.clone(),
                label: match (&h.key.short, short) {
                    (Some(s), true) => s.clone(),
                    _ => h.key.label.clone(),
                },
            })
            .collect();
        if shown_width(&shown) <= width {
            return shown;
        }
        let least = |above: Option<Priority>| {
            (0..hints.len())
                .filter(|i| keep[*i] && above.is_none_or(|p| hints[*i].priority > p))
                .max_by_key(|i| (hints[*i].priority, *i))
        };
        if let Some(i) = least(Some(Priority::High)) {
            keep[i] = false;
        } else if can_shorten && !short {
            short = true;
        } else if let Some(i) = least(None) {
            keep[i] = false;
        }
    }
}

/// The bar: always one line, whatever the width.
fn line(shown: &[Shown], theme: &Theme) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = vec![Span::raw(" ")];
    for (i, h) in shown.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(h.key.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", h.label), theme.base));
    }
    Line::from(spans)
}

pub fn render(frame: &mut Frame, area: Rect, hints: &[Hint], theme: &Theme) {
    let shown = fit(hints, usize::from(area.width));
    let p = Paragraph::new(line(&shown, theme)).style(theme.base);
    frame.render_widget(p, area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result_hints() -> Vec<Hint> {
        let k = &text().keys;
        [
            (&k.tab, Priority::Low),
            (&k.choose, Priority::Main),
            (&k.scroll, Priority::Normal),
            (&k.back, Priority::High),
            (&k.help, Priority::High),
            (&k.technical, Priority::Main),
            (&k.save, Priority::Normal),
            (&k.quit, Priority::Quit),
        ]
        .into_iter()
        .map(|(key, priority)| Hint {
            key: key.clone(),
            priority,
        })
        .collect()
    }

    fn text_of(shown: &[Shown]) -> String {
        let parts: Vec<String> = shown
            .iter()
            .map(|s| format!("{} {}", s.key, s.label))
            .collect();
        format!(" {}", parts.join("  "))
    }

    #[test]
    fn everything_shows_when_there_is_room() {
        let h = result_hints();
        assert_eq!(fit(&h, 120).len(), h.len());
    }

    #[test]
    fn at_80_columns_tab_goes_first_and_the_main_keys_stay() {
        let shown = fit(&result_hints(), 80);
        let line = text_of(&shown);
        assert_eq!(
            line,
            " Enter choose  ↑↓ scroll  Esc back  ? help  t technical  s report  q quit"
        );
        assert!(line.chars().count() <= 80);
    }

    #[test]
    fn narrower_terminals_shorten_then_drop_by_priority() {
        let h = result_hints();
        assert_eq!(
            text_of(&fit(&h, 50)),
            " Enter choose  Esc back  ? help  t tech  q quit"
        );
        assert_eq!(text_of(&fit(&h, 30)), " Enter choose  t tech  q quit");
        assert_eq!(text_of(&fit(&h, 10)), " q quit");
        assert!(fit(&h, 3).is_empty());
    }

    #[test]
    fn the_line_never_exceeds_the_width_and_keeps_the_order() {
        let h = result_hints();
        let order: Vec<&str> = h.iter().map(|x| x.key.key.as_str()).collect();
        for width in 0..=130 {
            let shown = fit(&h, width);
            assert!(shown_width(&shown) <= width, "{width}");
            if !shown.is_empty() {
                assert_eq!(shown_width(&shown), text_of(&shown).chars().count());
            }
            let keys: Vec<&str> = shown.iter().map(|s| s.key.as_str()).collect();
            let mut rest = order.iter();
            assert!(
                keys.iter().all(|k| rest.any(|o| o == k)),
                "{width}: {keys:?} out of order"
            );
            // Quit is the last to go.
            if width >= 7 {
                assert!(keys.contains(&"q"), "{width}: {keys:?}");
            }
        }
    }
}
