//! Account: the e-mail address first, then the outgoing-server settings with Outlook's
//! labels. Fields are drawn as `[value    ]` so they show without colour.
//!
//! ```text
//!    E-mail address                [alice@example.test            ]
//!    Outgoing mail server (SMTP)   [smtp.example.test             ]
//!    Outgoing server (SMTP) port   [587                           ]
//!    Encrypted connection          ( ) None  ( ) SSL/TLS  (•) STARTTLS  ( ) Auto
//!    [x] My outgoing server (SMTP) requires authentication
//!    User name                     [                              ]
//!    Password (optional)           [********                      ]
//!                                  With your password we can also test signing in ...
//!  [ Check my settings ]  [ Back ]
//! ```

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::profiles::{Profiles, Signin};
use crate::ui::model::{Encryption, Field, Model, Rendered, Target, TextField};
use crate::ui::text::{fill, text};

use super::doc::{pad, Doc};
use super::theme::Theme;

/// Where a clickable piece of a row sits: x, width, what it does.
type Hit = (usize, usize, Target);

const MARGIN: usize = 3;
const MAX_FIELD: usize = 48;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().account;
    let form = &m.form;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();

    let labels = [
        &t.email,
        &t.server,
        &t.port,
        &t.encryption,
        &t.user,
        &t.password,
    ];
    let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
    let field_x = MARGIN + label_w;
    let field_w = d.width().saturating_sub(field_x + 2).clamp(8, MAX_FIELD);

    let text_row = |d: &mut Doc,
                    field: Field,
                    label: &str,
                    value: &TextField,
                    empty_hint: &str,
                    masked: bool| {
        let focused = form.focus == field;
        let shown: String = if masked {
            "*".repeat(value.value().chars().count())
        } else {
            value.value().to_string()
        };
        // Long values scroll sideways so the cursor stays inside the brackets.
        let skip = value.cursor().saturating_sub(field_w.saturating_sub(1));
        let visible: String = shown.chars().skip(skip).take(field_w).collect();
        let (content, style) = if shown.is_empty() && !focused {
            (pad(empty_hint, field_w), theme.dim)
        } else {
            (
                pad(&visible, field_w),
                if focused { theme.focus } else { theme.field },
            )
        };
        let at = d.line(Line::from(vec![
            Span::styled(marker(focused), theme.heading),
            Span::styled(pad(label, label_w), theme.base),
            Span::styled("[", theme.base),
            Span::styled(content, style),
            Span::styled("]", theme.base),
        ]));
        d.hit(at, 0, field_x + field_w + 2, Target::Field(field));
        if focused {
            d.focus(at);
            d.cursor(at, field_x + 1 + value.cursor() - skip);
        }
        problem_line(d, m, field, field_x, theme);
    };

    text_row(&mut d, Field::Email, &t.email, &form.email, "", false);
    text_row(
        &mut d,
        Field::Server,
        &t.server,
        &form.server,
        &t.empty_server,
        false,
    );
    text_row(
        &mut d,
        Field::Port,
        &t.port,
        &form.port,
        &t.empty_port,
        false,
    );

    // Encryption: every option visible, the chosen one marked (•); options that do not fit
    // beside a long label (German, Dutch, Portuguese) go on to a line of their own.
    let focused = form.focus == Field::Encryption;
    let mut rows: Vec<(Vec<Span>, Vec<Hit>)> = vec![(
        vec![
            Span::styled(marker(focused), theme.heading),
            Span::styled(pad(&t.encryption, label_w), theme.base),
        ],
        Vec::new(),
    )];
    let mut x = field_x;
    for choice in Encryption::ALL {
        let chosen = choice == form.encryption;
        let label = format!("({}) {}", if chosen { "•" } else { " " }, choice.label());
        let width = label.chars().count();
        let first = x == field_x;
        if !first && x + 2 + width > d.width() {
            rows.push((vec![Span::raw(" ".repeat(field_x))], Vec::new()));
            x = field_x;
        } else if !first {
            if let Some((spans, _)) = rows.last_mut() {
                spans.push(Span::raw("  "));
            }
            x += 2;
        }
        let style = match (chosen, focused) {
            (true, true) => theme.focus,
            (true, false) => theme.heading,
            _ => theme.base,
        };
        if let Some((spans, hits)) = rows.last_mut() {
            spans.push(Span::styled(label, style));
            hits.push((x, width, Target::EncryptionChoice(choice)));
        }
        x += width;
    }
    for (i, (spans, hits)) in rows.into_iter().enumerate() {
        let at = d.line(Line::from(spans));
        for (hx, width, target) in hits {
            d.hit(at, hx, width, target);
        }
        if focused && i == 0 {
            d.focus(at);
        }
    }

    // The authentication tick box, as Outlook words it.
    let focused = form.focus == Field::Auth;
    let boxed = format!("[{}] {}", if form.auth { "x" } else { " " }, t.auth);
    let at = d.line(Line::from(vec![
        Span::styled(marker(focused), theme.heading),
        Span::styled(
            boxed.clone(),
            if focused { theme.focus } else { theme.base },
        ),
    ]));
    d.hit(
        at,
        0,
        MARGIN + boxed.chars().count(),
        Target::Field(Field::Auth),
    );
    if focused {
        d.focus(at);
    }
    if form.auth {
        text_row(
            &mut d,
            Field::User,
            &t.user,
            &form.user,
            &t.empty_user,
            false,
        );
        text_row(
            &mut d,
            Field::Password,
            &t.password,
            &form.password,
            "",
            true,
        );
        let indent = " ".repeat(field_x);
        d.para(&indent, &t.password_why, theme.dim);
        if let Some(hint) = signin_hint(form.email.value(), &m.catalog.profiles) {
            d.para(&indent, &hint, theme.warn);
        }
    } else {
        for label in [&t.user, &t.password] {
            d.line(Line::from(vec![
                Span::raw(" ".repeat(MARGIN)),
                Span::styled(pad(label, label_w), theme.dim),
                Span::styled(t.not_used.clone(), theme.dim),
            ]));
        }
    }
    d.blank();
    let items = vec![
        (
            t.check.clone(),
            Target::Field(Field::Check),
            form.focus == Field::Check,
        ),
        (
            t.back.clone(),
            Target::Field(Field::Back),
            form.focus == Field::Back,
        ),
    ];
    d.buttons(&items, theme, 1);
    d.render(frame, area, None, theme, out);
}

/// The provider's sign-in policy in one line, when the address's domain has one that a
/// plain password cannot pass (app passwords, modern sign-in only).
pub fn signin_hint(email: &str, profiles: &Profiles) -> Option<String> {
    let t = &text().account;
    let (_, domain) = email.trim().rsplit_once('@')?;
    let p = profiles.by_domain(domain)?;
    let template = match p.signin {
        Signin::Password => return None,
        Signin::AppPassword => &t.signin_app_password,
        Signin::AppPasswordOrOauth => &t.signin_app_password_or_oauth,
        Signin::OauthOnly => &t.signin_oauth,
    };
    Some(fill(template, &[("provider", &p.name)]))
}

fn marker(focused: bool) -> &'static str {
    if focused {
        " › "
    } else {
        "   "
    }
}

/// The form's complaint about this field, right under it.
fn problem_line(d: &mut Doc, m: &Model, field: Field, x: usize, theme: &Theme) {
    if let Some((f, why)) = &m.form.problem {
        if *f == field {
            d.para(&format!("{}✗ ", " ".repeat(x)), why, theme.fail);
        }
    }
}
