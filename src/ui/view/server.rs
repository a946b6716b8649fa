//! The mail-server path's two screens and the unblock question.
//!
//! ```text
//!  Find what blocks a customer                 ✗ Problem found
//!  Type or paste ...                           198.51.100.7 is blocked by CSF (certain)
//!  Customer's IP address, or their saved ...   Logs read from ... to ... (24h).
//!  ›[198.51.100.7                      ]       Do this
//!  Their login (optional)                        1. Lift the block (/etc/csf/csf.deny:12):
//!   [alice@example.com                 ]            csf -dr 198.51.100.7
//!  [ Look ]  [ Back ]                          Blocks, in the order a packet meets them
//!                                              Log lines, in time order / Services / Sources
//!                                              [ Lift the block ] [ Look again ] [ Report ] ...
//! ```
//! The findings are the text report's content (`server::report::text`), drawn with the
//! wizard's styles; everything from a file or a tool is escaped again before it is shown.

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use std::fmt::Write as _;

use crate::diagnosis::Verdict;
use crate::server::diagnose::blocks::{touches_mail, when};
use crate::server::model::{escape_control as esc, SourceStatus};
use crate::server::report::text::{block_head, effect_words, split_command};
use crate::server::report::ServerReport;
use crate::server::request::Target as Wanted;
use crate::server::window::{human, human_secs, parse_rfc3339};
use crate::ui::model::{Button, Model, Rendered, Target, TextField};
use crate::ui::server::{findings_buttons, Phase, CONFIRM_BUTTONS, INPUT_BUTTONS};
use crate::ui::text::{fill, text};

use super::doc::{button_spans, pad, wrap, Doc};
use super::theme::Theme;

/// One labelled text field; an empty one shows its example, dimmed.
fn field(
    d: &mut Doc,
    label: &str,
    value: &TextField,
    example: &str,
    focused: bool,
    target: Target,
    theme: &Theme,
) {
    d.text(label.to_string(), theme.base);
    let field_w = d.width().saturating_sub(4).min(70);
    let skip = value.cursor().saturating_sub(field_w.saturating_sub(1));
    let (shown, style) = if value.is_empty() {
        (super::doc::truncate(example, field_w), theme.dim)
    } else {
        let v: String = value.value().chars().skip(skip).take(field_w).collect();
        (v, if focused { theme.focus } else { theme.field })
    };
    let at = d.line(Line::from(vec![
        Span::styled(if focused { "›" } else { " " }, theme.heading),
        Span::raw("["),
        Span::styled(pad(&shown, field_w), style),
        Span::raw("]"),
    ]));
    d.hit(at, 0, field_w + 3, target);
    if focused {
        d.focus(at);
        d.cursor(at, 2 + value.cursor() - skip.min(value.cursor()));
    }
}

pub fn render_input(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().server;
    let input = &m.server;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();
    field(
        &mut d,
        &t.target,
        &input.target,
        &t.target_placeholder,
        input.focus == 0,
        Target::ServerField(0),
        theme,
    );
    field(
        &mut d,
        &t.account,
        &input.account,
        &t.account_placeholder,
        input.focus == 1,
        Target::ServerField(1),
        theme,
    );
    match &input.problem {
        Some(p) => d.para("  ✗ ", &esc(p), theme.fail),
        None => d.blank(),
    }
    d.blank();
    let labels = [&t.look, &t.audit, &t.back];
    let items: Vec<_> = INPUT_BUTTONS
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), input.focus == i + 2))
        .collect();
    d.buttons(&items, theme, 0);
    d.render(frame, area, None, theme, out);
}

fn confidence_word<T: serde::Serialize>(c: &T) -> String {
    let word = serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    text().result.confidence.get(&word).cloned().unwrap_or(word)
}

/// A labelled value under a block: `     rule     -A DENYIN ...`, kept as written.
fn value(d: &mut Doc, label: &str, v: &str, theme: &Theme) {
    d.pre(&format!("     {label:<9}{v}"), theme.base, 14);
}

/// The findings of `r`, as the text report has them.
pub fn build(d: &mut Doc, r: &ServerReport, applying: bool, theme: &Theme) {
    let t = &text().server;
    let (sym, word, style) = match r.verdict {
        Verdict::Ok => ("✓", &t.ok, theme.ok),
        Verdict::Problem => ("✗", &t.problem, theme.fail),
        Verdict::Inconclusive => ("?", &t.unsure, theme.warn),
    };
    d.text(format!("{sym} {word}"), style);
    if applying {
        d.para("  … ", &t.applying, theme.dim);
    }
    let at = |s: &str| parse_rfc3339(s).map_or_else(|| esc(s), human);
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
    if let Some(file) = &r.input.from_report {
        let time = r.input.tested_at.as_deref().map(when).unwrap_or_default();
        d.para(
            "",
            &fill(&t.from_report, &[("file", &esc(file)), ("time", &time)]),
            theme.dim,
        );
    }
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
        match a.block_gone {
            Some(true) => d.para("", &t.gone, theme.ok),
            Some(false) => d.para("", &t.still, theme.fail),
            None => {}
        }
    }
    for c in &r.causes {
        d.blank();
        d.para(
            "",
            &format!("{} ({})", esc(&c.title), confidence_word(&c.confidence)),
            theme.heading,
        );
        d.para("", &esc(&c.explanation), theme.base);
        if !c.fix.is_empty() {
            d.text(t.do_this.clone(), theme.heading);
            for (i, step) in c.fix.iter().enumerate() {
                let step = esc(step);
                let (prose, cmd) = split_command(&step);
                d.para(&format!("  {:>2}. ", i + 1), prose, theme.base);
                if let Some(cmd) = cmd {
                    d.pre(&format!("       {cmd}"), theme.heading, 7);
                }
            }
        }
        if !c.evidence.is_empty() {
            d.para(
                "",
                &fill(&t.evidence, &[("ids", &c.evidence.join(", "))]),
                theme.dim,
            );
        }
    }

    d.blank();
    d.text(t.blocks.clone(), theme.heading);
    if r.blocks.is_empty() {
        d.para(
            "  ",
            &fill(&t.no_blocks, &[("ip", &r.client_ip.to_string())]),
            theme.base,
        );
    }
    for b in &r.blocks {
        d.pre(&format!("  {}", block_head(b)), theme.heading, 4);
        let mut does = effect_words(b).to_string();
        if !b.ports.is_empty() {
            let ports: Vec<String> = b.ports.iter().map(u16::to_string).collect();
            let _ = write!(does, ", ports {}", ports.join(", "));
            if !touches_mail(b) {
                does.push_str(" only: not mail");
            }
        }
        d.para("     ", &does, theme.base);
        value(d, "rule", &esc(&b.rule), theme);
        if let Some(s) = &b.since {
            value(d, "since", &when(s), theme);
        }
        match &b.until {
            Some(u) => value(d, "until", &when(u), theme),
            None if b.since.is_some() => value(d, "until", "no end date", theme),
            None => {}
        }
        if let Some(why) = &b.reason {
            d.para("     why      ", &esc(why), theme.base);
        }
        for c in &b.unblock {
            value(d, "unblock", &esc(c), theme);
        }
        for c in &b.allow {
            value(d, "allow", &esc(c), theme);
        }
    }

    d.blank();
    d.text(t.log.clone(), theme.heading);
    if r.log.is_empty() {
        d.para(
            "  ",
            &fill(&t.no_log, &[("ip", &r.client_ip.to_string())]),
            theme.base,
        );
    }
    for e in &r.log {
        let time = parse_rfc3339(&e.time).map_or_else(|| esc(&e.time), human_secs);
        let event = serde_json::to_value(e.event)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let account = e
            .account
            .as_deref()
            .map(|a| format!("  {}", esc(a)))
            .unwrap_or_default();
        d.pre(
            &format!("  {}  {time}  {event}{account}", e.id),
            theme.base,
            4,
        );
        d.pre(&format!("       {}", esc(&e.line)), theme.dim, 7);
    }

    if !r.services.is_empty() {
        d.blank();
        d.text(t.services.clone(), theme.heading);
        for s in &r.services {
            let mut parts = vec![if s.listening {
                "listening".to_string()
            } else {
                "not listening".to_string()
            }];
            if let Some(p) = &s.program {
                parts.push(esc(p));
            }
            if let Some(tls) = &s.tls {
                parts.push(esc(tls));
            }
            match s.auth {
                Some(true) => parts.push("sign-in offered".into()),
                Some(false) => parts.push("no sign-in".into()),
                None => {}
            }
            if let Some(c) = &s.certificate {
                let until = c.not_after.as_deref().map(when).unwrap_or_default();
                parts.push(format!("certificate until {until}"));
                if let Some(p) = &c.problem {
                    parts.push(esc(p));
                }
            }
            let (sym, style) = if s.listening {
                ("✓", theme.base)
            } else {
                ("✗", theme.fail)
            };
            d.para(&format!("  {sym} {:<5} ", s.port), &parts.join(", "), style);
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
        let detail = if s.detail.is_empty() {
            String::new()
        } else {
            format!(": {}", esc(&s.detail))
        };
        d.para(
            &format!("  {sym} {word:<7} "),
            &format!("{}{detail}", esc(&s.name)),
            style,
        );
    }
    if r.apply.is_none() {
        d.blank();
        d.para("", &t.readonly, theme.dim);
    }
}

/// What is being looked for, for the "reading" line.
fn wanted(m: &Model) -> String {
    match m.server.request.as_ref().map(|r| &r.target) {
        Some(Wanted::Ip(ip)) => ip.to_string(),
        Some(Wanted::Report(p)) => esc(&p.display().to_string()),
        None => String::new(),
    }
}

pub fn render_findings(
    frame: &mut Frame,
    area: Rect,
    m: &Model,
    theme: &Theme,
    out: &mut Rendered,
) {
    let t = &text().server;
    let [body, _, buttons] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut d = Doc::new(body.width);
    match (m.server.phase, m.server.report()) {
        (Phase::Reading, _) | (_, None) => {
            d.para(
                "… ",
                &fill(&t.reading, &[("target", &wanted(m))]),
                theme.dim,
            );
        }
        (phase, Some(r)) => build(&mut d, r, phase == Phase::Applying, theme),
    }
    d.render(frame, body, Some(m.scroll.server), theme, out);

    let items: Vec<_> = findings_buttons(&m.server)
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let label = match b {
                Button::LiftBlock => &t.lift,
                Button::LookAgain => &t.again,
                Button::OpenReport => &t.report,
                Button::Back => &t.back,
                _ => &t.quit,
            };
            (label.clone(), Target::Button(b), i == m.server.button)
        })
        .collect();
    let mut row = Doc::new(buttons.width);
    row.buttons(&items, theme, 0);
    let max = out.max_scroll;
    row.render(frame, buttons, None, theme, out);
    out.max_scroll = max;

    if let Some(focus) = m.server.confirm {
        // Modal: only the question's buttons can be clicked.
        out.hits.clear();
        let q = Question {
            title: &t.confirm_title,
            text: &t.confirm_text,
            commands: &m.server.unblock_commands(),
        };
        confirm(frame, area, &q, focus, theme, out);
    }
}

/// What a question over a screen asks: run these commands?
pub struct Question<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub commands: &'a [String],
}

/// The question in a box over the findings, listing exactly what will run.
pub fn confirm(
    frame: &mut Frame,
    area: Rect,
    q: &Question<'_>,
    focus: usize,
    theme: &Theme,
    out: &mut Rendered,
) {
    let t = &text().server;
    let width = area.width.min(76);
    let inner_w = usize::from(width.saturating_sub(4)).max(10);
    let mut lines: Vec<Line> = wrap(q.text, inner_w)
        .into_iter()
        .map(|l| Line::styled(l, theme.base))
        .collect();
    for (i, c) in q.commands.iter().enumerate() {
        let text = format!("{}. {}", i + 1, esc(c));
        let chars: Vec<char> = text.chars().collect();
        for (k, piece) in chars.chunks(inner_w.saturating_sub(3).max(1)).enumerate() {
            let lead = if k == 0 { "" } else { "   " };
            lines.push(Line::styled(
                format!("{lead}{}", piece.iter().collect::<String>()),
                theme.heading,
            ));
        }
    }
    // Borders, the lines, a blank line, the buttons.
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
        .min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", q.title))
        .style(theme.base)
        .border_style(theme.heading);
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(block, popup);
    let [msg, _, row] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines).style(theme.base), msg);
    let items: Vec<_> = CONFIRM_BUTTONS
        .iter()
        .zip([&t.confirm_yes, &t.confirm_no])
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), i == focus))
        .collect();
    let (line, hits) = button_spans(&items, theme, 0);
    frame.render_widget(Paragraph::new(line), row);
    for (x, w, target) in hits {
        // A button beyond u16 columns is beyond the row.
        let Ok(x) = u16::try_from(x) else { continue };
        if x < row.width {
            let w = u16::try_from(w).unwrap_or(u16::MAX).min(row.width - x);
            out.hits.push((Rect::new(row.x + x, row.y, w, 1), target));
        }
    }
}
