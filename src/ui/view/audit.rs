//! The audit screen ("Check for locked-out customers") and its question.
//!
//! ```text
//!  ✗ 2 customer addresses are locked out (57 blocked in all)
//!  Logs read from ... to ... (1w).
//!  Customers locked out (2)
//!    1. 198.51.100.15
//!       Signed in fine: alice@example.test 40 times (last ...)
//!       Blocked by fail2ban (jail postfix-sasl), since ..., until ...
//!       Repeat: banned 3 times ... update the password on every device
//!       unblock  fail2ban-client set postfix-sasl unbanip 198.51.100.15
//!  No sign-ins seen (3) / Failed sign-ins only (12) / Password spraying (4)
//!  Rule advice / Sources
//!  [ Unblock and whitelist customers ] [ Check again ] [ Back ] [ Quit ]
//! ```
//! The content is the text audit's (`server::audit::text`), drawn with the wizard's
//! styles; everything from a file or a tool is escaped again before it is shown.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;

use crate::diagnosis::Verdict;
use crate::server::audit::join::{describe_accounts, AuditEntry, Kind};
use crate::server::audit::text::{banned_by, verdict_line, SHOWN_PER_KIND};
use crate::server::audit::AuditReport;
use crate::server::model::{escape_control as esc, SourceStatus};
use crate::server::window::{human, parse_rfc3339};
use crate::ui::audit::buttons;
use crate::ui::model::{Button, Model, Rendered, Target};
use crate::ui::server::Phase;
use crate::ui::text::{fill, text};

use super::doc::Doc;
use super::server::{confirm, Question};
use super::theme::Theme;

fn at(s: &str) -> String {
    parse_rfc3339(s).map_or_else(|| esc(s), human)
}

/// A customer (or shared address) in full.
fn full(d: &mut Doc, n: usize, e: &AuditEntry, theme: &Theme) {
    d.blank();
    d.text(format!("  {n:>2}. {}", e.address), theme.heading);
    d.para(
        "      ",
        &format!("Signed in fine: {}.", describe_accounts(&e.accounts_ok)),
        theme.base,
    );
    if !e.accounts_failed.is_empty() {
        d.para(
            "      ",
            &format!("Failed: {}.", describe_accounts(&e.accounts_failed)),
            theme.base,
        );
    }
    d.para("      Blocked by ", &banned_by(e), theme.base);
    if let Some(r) = e.blocks.iter().find_map(|b| b.reason.as_deref()) {
        d.para("      why  ", &esc(r), theme.dim);
    }
    if let Some(r) = &e.repeat {
        d.para("      Repeat: ", &esc(&r.note), theme.warn);
    }
    if e.kind == Kind::Shared {
        d.para(
            "      ",
            "Also failed against several other accounts: check before lifting; the button leaves it.",
            theme.warn,
        );
    }
    if !e.seen.is_empty() {
        d.para(
            "      ",
            "A network: the button leaves it; whitelist the customer's own address.",
            theme.warn,
        );
    }
    for c in &e.unblock {
        d.pre(&format!("      unblock  {}", esc(c)), theme.heading, 15);
    }
    for c in &e.allow {
        d.pre(&format!("      allow    {}", esc(c)), theme.base, 15);
    }
}

/// Any other address in one paragraph.
fn short(d: &mut Doc, e: &AuditEntry, theme: &Theme) {
    let what = match e.kind {
        Kind::NoSignIns => "no sign-in in the window".to_string(),
        Kind::FailedOnly => format!("{} failed sign-ins", e.sign_ins_failed),
        Kind::Spraying => format!(
            "{} failed sign-ins against {} accounts",
            e.sign_ins_failed,
            e.accounts_failed.len()
        ),
        Kind::Customer | Kind::Shared => String::new(),
    };
    d.para(
        "   - ",
        &format!("{}: {what}; {}", e.address, banned_by(e)),
        theme.base,
    );
}

/// The audit `r`, as the text audit has it.
pub fn build(d: &mut Doc, r: &AuditReport, applying: bool, theme: &Theme) {
    let t = &text().server;
    let style = match r.verdict {
        Verdict::Ok => theme.ok,
        Verdict::Problem => theme.fail,
        Verdict::Inconclusive => theme.warn,
    };
    d.para("", &verdict_line(r), style);
    if applying {
        d.para("  … ", &t.audit_applying, theme.dim);
    }
    d.para(
        "",
        &fill(
            &t.window,
            &[
                ("since", &at(&r.window.since)),
                ("until", &at(&r.window.until)),
                ("length", &esc(&r.input.since)),
            ],
        ),
        theme.dim,
    );
    if let Some(a) = &r.apply {
        d.blank();
        d.text(t.applied.clone(), theme.heading);
        if a.declined {
            d.para("  ", &t.declined, theme.base);
        }
        for c in &a.commands {
            let (sym, style) = if c.ok {
                ("✓", theme.ok)
            } else {
                ("✗", theme.fail)
            };
            d.pre(&format!("  {sym} {}", esc(&c.command)), style, 4);
            if !c.detail.is_empty() {
                d.para("    ", &esc(&c.detail), theme.dim);
            }
        }
        if !a.lifted.is_empty() {
            d.para(
                "",
                &format!("No longer blocked: {}.", a.lifted.join(", ")),
                theme.ok,
            );
        }
        if !a.still_blocked.is_empty() {
            d.para(
                "",
                &format!("Still blocked: {}.", a.still_blocked.join(", ")),
                theme.fail,
            );
        }
    }
    if r.entries.is_empty() {
        d.blank();
        d.para("", &t.audit_none, theme.base);
    }
    for kind in Kind::ALL {
        let of_kind: Vec<&AuditEntry> = r.entries.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        d.blank();
        d.text(
            format!("{} ({})", kind.title(), of_kind.len()),
            theme.heading,
        );
        match kind {
            Kind::Customer | Kind::Shared => {
                for (i, e) in of_kind.iter().enumerate() {
                    full(d, i + 1, e, theme);
                }
            }
            _ => {
                for e in of_kind.iter().take(SHOWN_PER_KIND) {
                    short(d, e, theme);
                }
                if of_kind.len() > SHOWN_PER_KIND {
                    let more = of_kind.len() - SHOWN_PER_KIND;
                    let line = crate::ui::text::count("server-audit_more", &t.audit_more, more);
                    d.para("   ", &line, theme.dim);
                }
            }
        }
    }
    if !r.advice.is_empty() {
        d.blank();
        d.text(
            "Rule advice (suggestions only: nothing was changed)".to_string(),
            theme.heading,
        );
        for a in &r.advice {
            d.para("  - ", &esc(&a.text), theme.base);
        }
    }
    d.blank();
    d.text(t.sources.clone(), theme.heading);
    for s in &r.sources {
        let (sym, word, style) = match s.status {
            SourceStatus::Read => ("✓", "read", theme.base),
            SourceStatus::Absent => ("-", "absent", theme.dim),
            SourceStatus::Denied => ("✗", "denied", theme.warn),
            SourceStatus::Error => ("✗", "error", theme.warn),
        };
        d.para(
            &format!("  {sym} {word:<7} "),
            &format!("{}: {}", esc(&s.name), esc(&s.detail)),
            style,
        );
    }
    if r.apply.is_none() {
        d.blank();
        d.para("", &t.readonly, theme.dim);
    }
}

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().server;
    let audit = &m.server.audit;
    let [body, _, row_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut doc = Doc::new(body.width);
    doc.text(t.audit_title.clone(), theme.heading);
    match (audit.phase, &audit.report) {
        (Phase::Reading, _) | (_, None) => doc.para("… ", &t.auditing, theme.dim),
        (phase, Some(r)) => build(&mut doc, r, phase == Phase::Applying, theme),
    }
    doc.render(frame, body, Some(m.scroll.server), theme, out);

    let items: Vec<_> = buttons(audit)
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let label = match b {
                Button::LiftCustomers => &t.audit_lift,
                Button::AuditAgain => &t.audit_again,
                Button::Back => &t.back,
                _ => &t.quit,
            };
            (label.clone(), Target::Button(b), i == audit.button)
        })
        .collect();
    let mut row = Doc::new(row_area.width);
    row.buttons(&items, theme, 0);
    let max = out.max_scroll;
    row.render(frame, row_area, None, theme, out);
    out.max_scroll = max;

    if let Some(focus) = audit.confirm {
        // Modal: only the question's buttons can be clicked.
        out.hits.clear();
        let commands = audit.lift_commands();
        let q = Question {
            title: &t.audit_confirm_title,
            text: &t.audit_confirm_text,
            commands: &commands,
        };
        confirm(frame, area, &q, focus, theme, out);
    }
}
