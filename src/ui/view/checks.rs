//! Checks: three steps the person can follow, each with its checks live, and the tree's
//! question when it asks one.
//!
//! ```text
//!  Checking alice@example.test
//!
//!  1  Your settings                                      ✓ all passed
//!     ✓ Finding the server by its name                   passed
//!  2  Your network  (now)                                … checking
//!     … Reaching the server on port 465                  1.2 s of 5.0 s
//!  3  The server                                         · waiting
//!
//!  ? One question
//!    Can you send from the same account in webmail?
//!    › 1  Yes
//! ```
//! When everything does not fit, finished steps without problems fold into their
//! heading line; the rest scrolls.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use std::fmt::Write as _;

use crate::checks::Status;
use crate::ui::model::{Model, Rendered, Target};
use crate::ui::text::{fill, text};
use crate::ui::vm::{running_text, ChecksView, RowState, StepState, StepView};

use super::doc::{pad, truncate, Doc};
use super::theme::Theme;

const STATE_W: usize = 22;
/// From this width on, each row also shows the technical one-liner.
const WIDE: usize = 100;
const LABEL_W_WIDE: usize = 40;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let mut d = build(m, area.width, theme, false);
    if d.len() > usize::from(area.height) {
        d = build(m, area.width, theme, true);
    }
    let scroll = if m.vm.checks.question.is_some() {
        None
    } else {
        Some(m.scroll.checks)
    };
    d.render(frame, area, scroll, theme, out);
}

fn build(m: &Model, width: u16, theme: &Theme, fold: bool) -> Doc {
    let t = &text().checks;
    let v: &ChecksView = &m.vm.checks;
    let mut d = Doc::new(width);
    d.para(
        "",
        &fill(&t.title, &[("email", &m.input.email)]),
        theme.heading,
    );
    if m.run.input.is_none() {
        d.blank();
        d.para("", &t.no_run, theme.base);
        return d;
    }
    for step in &v.steps {
        d.blank();
        step_block(&mut d, step, v.current == Some(step.step), fold, theme);
    }
    if let Some(q) = &v.question {
        d.blank();
        d.para(
            "? ",
            &format!("{}: {}", t.question_title, q.text),
            theme.heading,
        );
        if !q.help.is_empty() {
            d.para("  ", &q.help, theme.dim);
        }
        for (i, c) in q.choices.iter().enumerate() {
            let focused = i == m.question_focus;
            let at = d.line(Line::from(vec![
                Span::styled(if focused { "  › " } else { "    " }, theme.heading),
                Span::styled(
                    format!("{}  {}", i + 1, c.label),
                    if focused { theme.focus } else { theme.base },
                ),
            ]));
            d.hit(at, 0, d.width(), Target::Answer(i));
            if focused {
                d.focus(at);
            }
        }
    }
    d
}

fn step_symbol(s: StepState) -> &'static str {
    match s {
        StepState::Waiting => "·",
        StepState::Running => "…",
        StepState::Passed => Status::Pass.symbol(),
        StepState::Warning => Status::Warn.symbol(),
        StepState::Failed => Status::Fail.symbol(),
        StepState::NotNeeded => Status::Skip.symbol(),
    }
}

fn step_style(s: StepState, theme: &Theme) -> Style {
    match s {
        StepState::Passed => theme.ok,
        StepState::Warning => theme.warn,
        StepState::Failed => theme.fail,
        StepState::NotNeeded => theme.dim,
        _ => theme.heading,
    }
}

fn step_block(d: &mut Doc, step: &StepView, current: bool, fold: bool, theme: &Theme) {
    let t = &text().checks;
    let state = step.state();
    // A step whose rows tell nothing more than its heading folds too.
    let folded = fold
        && matches!(
            state,
            StepState::Passed | StepState::Warning | StepState::NotNeeded
        );
    let sym = step_symbol(state);
    let word = step.word(folded);
    let mut title = format!("{}  {}", step.step.number(), step.step.title());
    if current {
        let _ = write!(title, "  ({})", t.now);
    }
    let right = format!("{sym} {word}");
    let w = d.width();
    let title_w = w.saturating_sub(right.chars().count() + 1);
    d.line(Line::from(vec![
        Span::styled(pad(&title, title_w), theme.heading),
        Span::raw(" "),
        Span::styled(right, step_style(state, theme)),
    ]));
    if folded {
        return;
    }
    for row in &step.rows {
        let (sym, word, style) = match &row.state {
            RowState::Waiting => ("·", t.waiting.clone(), theme.dim),
            RowState::Running {
                elapsed,
                budget,
                per_step,
            } => (
                "…",
                running_text(*elapsed, *budget, *per_step),
                theme.heading,
            ),
            RowState::Done(s) => (s.symbol(), status_word(*s).to_string(), theme.status(*s)),
            RowState::NotRun => ("-", t.not_run.clone(), theme.dim),
        };
        let wide = w >= WIDE;
        let label_w = if wide {
            LABEL_W_WIDE
        } else {
            w.saturating_sub(5 + STATE_W + 1)
        };
        let mut spans = vec![
            Span::raw("   "),
            Span::styled(sym, style),
            Span::raw(" "),
            Span::styled(pad(&row.label, label_w), theme.base),
            Span::raw(" "),
            Span::styled(pad(&word, STATE_W), style),
        ];
        if wide && !row.summary.is_empty() {
            let room = w.saturating_sub(5 + label_w + 1 + STATE_W + 1);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(truncate(&row.summary, room), theme.dim));
        }
        d.line(Line::from(spans));
    }
}

/// A finished check's word in the wizard's language (reports and the technical view keep
/// the JSON contract's English words).
fn status_word(s: crate::checks::Status) -> &'static str {
    use crate::checks::Status;
    let t = &text().checks;
    match s {
        Status::Pass => &t.status_passed,
        Status::Fail => &t.status_failed,
        Status::Warn => &t.status_warning,
        Status::Skip => &t.status_skipped,
    }
}
