//! Styles. Colour only ever repeats what a symbol or a word already says, so the screen
//! reads the same through `NO_COLOR`, a monochrome terminal or a compressed screen-share.

use ratatui::style::{Color, Modifier, Style};

use crate::checks::Status;
use crate::ui::UiOptions;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    /// The item with the focus: always reversed, so it shows without colour.
    pub focus: Style,
    pub key: Style,
    pub ok: Style,
    pub fail: Style,
    pub warn: Style,
    pub field: Style,
}

impl Theme {
    pub fn new(o: &UiOptions) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let focus = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        if o.no_color {
            return Theme {
                base: Style::new(),
                title: focus,
                heading: bold,
                dim: Style::new(),
                focus,
                key: bold,
                ok: bold,
                fail: bold,
                warn: bold,
                field: Style::new().add_modifier(Modifier::UNDERLINED),
            };
        }
        if o.high_contrast {
            let base = Style::new().fg(Color::White).bg(Color::Black);
            return Theme {
                base,
                title: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(Modifier::BOLD),
                heading: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                dim: base,
                focus: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ok: Style::new()
                    .fg(Color::LightGreen)
                    .add_modifier(Modifier::BOLD),
                fail: Style::new()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
                warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                field: base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            };
        }
        Theme {
            base: Style::new(),
            title: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            heading: bold,
            dim: Style::new().fg(Color::DarkGray),
            focus,
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            fail: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Pass => self.ok,
            Status::Fail => self.fail,
            Status::Warn => self.warn,
            Status::Skip => self.dim,
        }
    }
}
