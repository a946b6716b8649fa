//! Report: save as Markdown (the file name shown and editable), or show the plain-text
//! report to copy into a ticket. The copy screen is bare text without frames, and the
//! mouse is released there so that the terminal's own selection works.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::ui::model::{Model, Rendered, SaveStatus, Target};
use crate::ui::report::REPORT_BUTTONS;
use crate::ui::text::{fill, text};

use super::doc::{pad, Doc};
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let t = &text().report;
    let mut d = Doc::new(area.width);
    d.para("", &t.title, theme.heading);
    d.blank();
    d.para("", &t.intro, theme.base);
    d.blank();
    if !m.has_report() {
        d.para("", &t.not_ready, theme.warn);
        d.blank();
        d.buttons(
            &[(t.back.clone(), Target::Button(REPORT_BUTTONS[2]), true)],
            theme,
            0,
        );
        d.render(frame, area, None, theme, out);
        return;
    }
    if let Some(kiosk) = &m.kiosk {
        let k = &text().kiosk;
        d.para("", &k.report_folder, theme.base);
        d.para(
            "  ",
            &kiosk.config.reports_dir.display().to_string(),
            theme.heading,
        );
        d.para("", &k.report_name, theme.dim);
    } else {
        d.text(t.save_label.clone(), theme.base);
        let focused = m.report.focus == 0;
        let field_w = d.width().saturating_sub(4).min(70);
        let path = &m.report.path;
        let skip = path.cursor().saturating_sub(field_w.saturating_sub(1));
        let visible: String = path.value().chars().skip(skip).take(field_w).collect();
        let at = d.line(Line::from(vec![
            Span::styled(if focused { "›" } else { " " }, theme.heading),
            Span::raw("["),
            Span::styled(
                pad(&visible, field_w),
                if focused { theme.focus } else { theme.field },
            ),
            Span::raw("]"),
        ]));
        d.hit(at, 0, field_w + 3, Target::ReportPath);
        if focused {
            d.focus(at);
            d.cursor(at, 2 + path.cursor() - skip);
        }
    }
    match &m.report.status {
        Some(SaveStatus::Saving(p)) => d.para("  … ", &fill(&t.saving, &[("path", p)]), theme.dim),
        Some(SaveStatus::Saved(p)) => d.para("  ✓ ", &fill(&t.saved, &[("path", p)]), theme.ok),
        Some(SaveStatus::Failed { path, error }) => d.para(
            "  ✗ ",
            &fill(&t.failed, &[("path", path), ("error", error)]),
            theme.fail,
        ),
        Some(SaveStatus::EmptyPath) => d.para("  ✗ ", &t.empty_path, theme.fail),
        None => d.blank(),
    }
    d.blank();
    let labels = [&t.save, &t.show_text, &t.back];
    let items: Vec<_> = REPORT_BUTTONS
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (b, l))| (l.clone(), Target::Button(*b), m.report.focus == i + 1))
        .collect();
    d.buttons(&items, theme, 0);
    d.render(frame, area, None, theme, out);
}

pub fn render_copy(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme, out: &mut Rendered) {
    let mut d = Doc::new(area.width);
    d.para("", &text().report.copy_title, theme.dim);
    d.blank();
    for line in m.copy_text.lines() {
        d.columns(line, theme.base);
    }
    d.render(frame, area, Some(m.scroll.copy), theme, out);
}
