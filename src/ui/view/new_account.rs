//! New account: the address, then what Outlook and Thunderbird would fill in by themselves
//! and whether it works.
//!
//! ```text
//!  Setting up a new account
//!  Type your e-mail address; we ask what Outlook and Thunderbird would set up ...
//!  E-mail address  alice@example.test
//!  Outlook
//!    would use smtp.example.test, port 587, STARTTLS (from https://autodiscover...)
//!    ✓ This works.
//!  Thunderbird
//!    finds no settings: it will guess.
//!  Settings verified to work: smtp.example.test, port 587, STARTTLS
//!  [ Look up ]  [ Continue ]  [ Back ]
//! ```

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::ui::model::{Model, Rendered, Target};
use crate::ui::new_account::summary::ClientState;
use crate::ui::new_account::NEW_ACCOUNT_BUTTONS;
use crate::ui::text::{fill, text};

use super::doc::{truncate, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().new_account;
    let state = &m.new_account;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();
    let label = format!("{}  ", t.email_label);
    let inner = d.width().saturating_sub(label.chars().count()).max(10);
    let value = state.email.value();
    let shown = if value.is_empty() {
        Span::styled(truncate(&t.placeholder, inner), theme.dim)
    } else {
        Span::styled(truncate(value, inner), theme.base)
    };
    let focused = state.focus == 0;
    let label_style = if focused { theme.heading } else { theme.base };
    let at = d.line(Line::from(vec![
        Span::styled(label.clone(), label_style),
        shown,
    ]));
    d.hit(at, 0, d.width(), Target::NewAccountField);
    if focused {
        d.cursor(at, label.chars().count() + state.email.cursor().min(inner));
        d.focus(at);
    }
    if let Some(problem) = &state.problem {
        d.para("  ", problem, theme.fail);
    }
    let found = &state.view;
    if !found.rows.is_empty() {
        d.blank();
    }
    for row in &found.rows {
        d.para("", row.client, theme.heading);
        match &row.state {
            ClientState::Asking => d.para("  ", &t.asking, theme.dim),
            ClientState::Nothing => d.para("  ", &t.nothing, theme.warn),
            ClientState::CertWarning { host, names } => d.para(
                "  ",
                &fill(&t.cert_warning, &[("host", host), ("names", names)]),
                theme.warn,
            ),
            ClientState::Would {
                settings,
                source,
                wrong,
            } => {
                d.para(
                    "  ",
                    &fill(&t.would_use, &[("settings", settings), ("source", source)]),
                    theme.base,
                );
                match wrong {
                    None => d.para("  ", &t.verifying, theme.dim),
                    Some(w) if w.is_empty() => d.para("  ✓ ", &t.works, theme.ok),
                    Some(w) => d.para(
                        "  ✗ ",
                        &fill(&t.wrong, &[("wrong", &w.join("; "))]),
                        theme.fail,
                    ),
                }
            }
        }
    }
    if let Some(verified) = &found.verified {
        d.blank();
        d.para(
            "",
            &fill(&t.verified, &[("settings", verified)]),
            theme.base,
        );
    }
    d.blank();
    let labels = [&t.look_up, &t.r#continue, &t.back];
    let items: Vec<_> = NEW_ACCOUNT_BUTTONS
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), state.focus == i + 1))
        .collect();
    d.buttons(&items, theme, 0);
    d.render(frame, area, None, theme, out);
}
