//! Every rule of the wizard's flow: `update(&mut Model, Msg) -> Vec<Effect>`.
//!
//! Pure: no clock (the model carries one), no I/O, no async. What must happen outside the
//! model (start or stop checks, write a file, exit) comes back as [`Effect`]s for the
//! runner. Keys are routed in this order: Ctrl-C; the quit question when it is open; the
//! keys that work anywhere (help, technical view, report, quit — as letters only when no
//! text field has the focus); the open overlay; the current screen.

use std::path::PathBuf;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use crate::error_text::recognise;
use crate::facts::{Fact, Facts};
use crate::report::{self, Report};
use crate::settings::Input;

use super::model::{
    Button, Encryption, Failure, FailureKind, Field, Model, Overlay, SaveStatus, Screen, Symptom,
    Target, TextField,
};
use super::msg::{Effect, Msg};
use super::{audit, server};

/// Exit statuses for the ways the program can be interrupted (128 + signal number).
pub const EXIT_INTERRUPTED: i32 = 130;
pub const EXIT_TERMINATED: i32 = 143;
pub const EXIT_HANGUP: i32 = 129;

/// The buttons of the result screen, left to right.
pub const RESULT_BUTTONS: [Button; 4] = [
    Button::OpenReport,
    Button::Technical,
    Button::ChangeSettings,
    Button::Quit,
];
/// The buttons of the report screen after the path field (focus 1..=3).
pub const REPORT_BUTTONS: [Button; 3] = [Button::Save, Button::ShowText, Button::Back];
/// The buttons of the error-message screen after the text box (focus 1..=2).
pub const ERROR_BUTTONS: [Button; 2] = [Button::Continue, Button::Back];
pub const QUIT_BUTTONS: [Button; 2] = [Button::QuitYes, Button::QuitNo];

/// The failure screen's ways forward for this kind of failure.
pub fn failure_buttons(kind: FailureKind) -> Vec<Button> {
    if kind == FailureKind::Tree {
        return vec![Button::UseSystem, Button::Quit];
    }
    let mut b = Vec::new();
    if kind != FailureKind::Other {
        b.push(Button::UseSystem);
    }
    b.extend([Button::Retry, Button::ChangeSettings, Button::Quit]);
    b
}

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        // Windows reports releases and repeats too: only a press is a key stroke.
        Msg::Key(k) if k.kind == KeyEventKind::Press => on_key(m, k),
        Msg::Key(_) => Vec::new(),
        Msg::Mouse(e) => on_mouse(m, e),
        Msg::Paste(s) => {
            paste(m, &s);
            Vec::new()
        }
        // The views reflow at the next draw.
        Msg::Resize(..) => Vec::new(),
        Msg::Tick => {
            m.refresh_view();
            Vec::new()
        }
        Msg::Fact { generation, fact } => on_fact(m, generation, fact),
        Msg::EngineFailed {
            generation,
            kind,
            message,
        } => {
            if generation == m.run.generation && m.run.input.is_some() {
                m.run.input = None;
                m.failure = Some(Failure {
                    kind,
                    message,
                    focus: 0,
                });
                m.refresh();
                if m.screen == Screen::Checks {
                    m.screen = Screen::Failure;
                }
            }
            Vec::new()
        }
        Msg::Saved { path, result } => {
            let shown = path.display().to_string();
            m.report.status = Some(match result {
                Ok(()) => SaveStatus::Saved(shown),
                Err(error) => SaveStatus::Failed { path: shown, error },
            });
            Vec::new()
        }
        Msg::Signal(code) => vec![Effect::Exit(code)],
        Msg::ServerLooked { generation, result } => {
            server::on_looked(m, generation, result);
            Vec::new()
        }
        Msg::ServerApplied { generation, report } => {
            server::on_applied(m, generation, report);
            Vec::new()
        }
        Msg::ServerAudited { generation, report } => {
            audit::on_audited(m, generation, report);
            Vec::new()
        }
        Msg::ServerAuditApplied { generation, report } => {
            audit::on_applied(m, generation, report);
            Vec::new()
        }
    }
}

fn on_fact(m: &mut Model, generation: u64, fact: Fact) -> Vec<Effect> {
    // A fact of an abandoned run (the person went back): drop it.
    if generation != m.run.generation || m.run.input.is_none() {
        return Vec::new();
    }
    let done = matches!(fact, Fact::Done);
    m.run.facts.apply(fact);
    if done {
        m.run.finished_wall = Some(m.clock.wall);
    }
    m.refresh();
    advance_when_concluded(m);
    Vec::new()
}

/// On the checks screen, a concluded diagnosis replaces the screen with the result (Back
/// from the result then leads to the account, not to a finished checks list).
fn advance_when_concluded(m: &mut Model) {
    if m.screen == Screen::Checks && m.concluded() {
        m.screen = Screen::Result;
        m.result_focus = 0;
        m.scroll.result = 0;
        m.reached_result = true;
    }
}

fn plain_char(k: &KeyEvent) -> Option<char> {
    match k.code {
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn on_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        return vec![Effect::Exit(EXIT_INTERRUPTED)];
    }
    if m.overlay() == Some(Overlay::ConfirmQuit) {
        return confirm_key(m, k);
    }
    // The unblock question is modal: its keys come first.
    if m.screen == Screen::ServerFindings && m.server.confirm.is_some() && m.overlay().is_none() {
        return server::findings_key(m, k);
    }
    if m.screen == Screen::ServerAudit && m.server.audit.confirm.is_some() && m.overlay().is_none()
    {
        return audit::key(m, k);
    }
    let letter = if m.typing() { None } else { plain_char(&k) };
    match (k.code, ctrl, letter) {
        (KeyCode::F(1), ..) | (_, _, Some('?')) => {
            toggle(m, Overlay::Help);
            return Vec::new();
        }
        (KeyCode::F(2), ..) | (_, _, Some('t')) => {
            toggle(m, Overlay::Technical);
            return Vec::new();
        }
        (KeyCode::Char('s'), true, _) | (_, _, Some('s')) => {
            return if m.screen == Screen::Report && m.overlay().is_none() {
                save(m)
            } else {
                open_report(m);
                Vec::new()
            };
        }
        (KeyCode::Char('q'), true, _) | (KeyCode::F(10), ..) | (_, _, Some('q')) => {
            return request_quit(m)
        }
        _ => {}
    }
    match m.overlay() {
        Some(_) => {
            match k.code {
                KeyCode::Esc => {
                    m.overlays.pop();
                }
                code => scroll_key(m, code),
            }
            Vec::new()
        }
        None => match m.screen {
            Screen::Start => start_key(m, k),
            Screen::ErrorText => error_key(m, k),
            Screen::Account => account_key(m, k),
            Screen::Checks => checks_key(m, k),
            Screen::Result => result_key(m, k),
            Screen::Report => report_key(m, k),
            Screen::CopyText => match k.code {
                KeyCode::Esc => back(m),
                code => {
                    scroll_key(m, code);
                    Vec::new()
                }
            },
            Screen::Failure => failure_key(m, k),
            Screen::ServerInput => server::input_key(m, k),
            Screen::ServerFindings => server::findings_key(m, k),
            Screen::ServerAudit => audit::key(m, k),
        },
    }
}

fn toggle(m: &mut Model, o: Overlay) {
    if m.overlay() == Some(o) {
        m.overlays.pop();
    } else {
        m.overlays.retain(|x| *x != o);
        m.overlays.push(o);
        match o {
            Overlay::Help => m.scroll.help = 0,
            Overlay::Technical => m.scroll.technical = 0,
            Overlay::ConfirmQuit => {}
        }
    }
}

fn request_quit(m: &mut Model) -> Vec<Effect> {
    if m.run.active() {
        m.overlays.retain(|o| *o != Overlay::ConfirmQuit);
        m.overlays.push(Overlay::ConfirmQuit);
        // The safe answer has the focus: a stray Enter keeps the checks going.
        m.quit_focus = 1;
        Vec::new()
    } else {
        vec![Effect::Exit(m.exit_code())]
    }
}

fn confirm_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Char('q') => press(m, Button::QuitYes),
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => press(m, Button::QuitNo),
        KeyCode::F(10) => press(m, Button::QuitYes),
        KeyCode::Char('Q') if ctrl => press(m, Button::QuitYes),
        KeyCode::Left
        | KeyCode::Right
        | KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Up
        | KeyCode::Down => {
            m.quit_focus = 1 - m.quit_focus.min(1);
            Vec::new()
        }
        KeyCode::Enter => press(m, QUIT_BUTTONS[m.quit_focus.min(1)]),
        _ => Vec::new(),
    }
}

/// Moves a focus index one step back or forward within `0..len`, or `None` for other keys.
fn step_focus(code: KeyCode, focus: usize, len: usize, across: bool) -> Option<usize> {
    let back = matches!(code, KeyCode::BackTab)
        || (!across && code == KeyCode::Up)
        || (across && code == KeyCode::Left);
    let fwd = matches!(code, KeyCode::Tab)
        || (!across && code == KeyCode::Down)
        || (across && code == KeyCode::Right);
    if back {
        Some(focus.saturating_sub(1))
    } else if fwd {
        Some((focus + 1).min(len.saturating_sub(1)))
    } else {
        None
    }
}

pub(super) fn go(m: &mut Model, s: Screen) {
    if m.screen != s {
        m.back.push(m.screen);
        m.screen = s;
    }
}

/// Esc: one screen back. Leaving the checks while they run stops them, and whatever the
/// abandoned run still sends is dropped (its generation is over).
pub(super) fn back(m: &mut Model) -> Vec<Effect> {
    let mut effects = Vec::new();
    if m.screen == Screen::Start {
        return effects;
    }
    if m.screen == Screen::ServerFindings {
        server::leave(m);
    }
    if m.screen == Screen::ServerAudit {
        audit::leave(m);
    }
    if m.screen == Screen::Checks && m.run.active() {
        m.run.generation += 1;
        m.run.input = None;
        m.run.facts = Facts::default();
        m.run.times.clear();
        m.refresh();
        effects.push(Effect::CancelChecks);
    }
    m.screen = m.back.pop().unwrap_or(Screen::Start);
    effects
}

fn start_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let n = Symptom::ALL.len();
    if let Some(f) = step_focus(k.code, m.start_focus, n, false) {
        m.start_focus = f;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => choose_start(m, m.start_focus),
        KeyCode::Char(c @ '1'..='9') => {
            let i = c as usize - '1' as usize;
            if i < n {
                m.start_focus = i;
                choose_start(m, i)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

fn choose_start(m: &mut Model, i: usize) -> Vec<Effect> {
    let Some(symptom) = Symptom::ALL.get(i).copied() else {
        return Vec::new();
    };
    m.symptom = Some(symptom);
    match symptom {
        Symptom::ErrorMessage => {
            m.error_focus = 0;
            go(m, Screen::ErrorText);
        }
        Symptom::Server => server::open(m),
        _ => go_account(m),
    }
    Vec::new()
}

/// The account screen, with the focus where the person most likely continues: the first
/// field to fill in, or the Check button when the command line filled in the address.
fn go_account(m: &mut Model) {
    m.form.focus = if m.form.to_input(&m.base).is_ok() {
        Field::Check
    } else {
        Field::Email
    };
    m.form.problem = None;
    go(m, Screen::Account);
}

/// Editing keys shared by every text field; true when the key was used.
pub(super) fn edit(field: &mut TextField, k: &KeyEvent) -> bool {
    if let Some(c) = plain_char(k) {
        field.insert(c);
        return true;
    }
    match k.code {
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Left => field.left(),
        KeyCode::Right => field.right(),
        KeyCode::Home => field.home(),
        KeyCode::End => field.end(),
        _ => return false,
    }
    true
}

fn paste(m: &mut Model, s: &str) {
    if !m.typing() {
        return;
    }
    // One-line fields: line breaks of a pasted message become spaces.
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match m.screen {
        Screen::ErrorText => {
            m.error_text.insert_str(&flat);
            m.recognised = recognise(m.error_text.value());
        }
        Screen::Account => {
            let f = m.form.focus;
            if let Some(t) = m.form.text_mut(f) {
                t.insert_str(flat.trim());
            }
        }
        Screen::Report => m.report.path.insert_str(flat.trim()),
        Screen::ServerInput => {
            let field = if m.server.focus == 0 {
                &mut m.server.target
            } else {
                &mut m.server.account
            };
            field.insert_str(flat.trim());
            m.server.problem = None;
        }
        _ => {}
    }
}

fn error_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    if m.error_focus == 0 {
        match k.code {
            KeyCode::Enter => return press(m, Button::Continue),
            KeyCode::Tab | KeyCode::Down => m.error_focus = 1,
            _ => {
                if edit(&mut m.error_text, &k) {
                    m.recognised = recognise(m.error_text.value());
                }
            }
        }
        return Vec::new();
    }
    if let Some(f) =
        step_focus(k.code, m.error_focus, 3, false).or(step_focus(k.code, m.error_focus, 3, true))
    {
        m.error_focus = f.max(if matches!(k.code, KeyCode::Left | KeyCode::Right) {
            1
        } else {
            0
        });
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => press(m, ERROR_BUTTONS[(m.error_focus - 1).min(1)]),
        _ => Vec::new(),
    }
}

/// The error message is read; its account fills an empty address field.
fn continue_error(m: &mut Model) -> Vec<Effect> {
    let text = m.error_text.value().trim().to_string();
    m.base.error_text = (!text.is_empty()).then_some(text);
    m.input.error_text = m.base.error_text.clone();
    if m.form.email.is_empty() {
        if let Some(acc) = m.recognised.account.as_deref().filter(|a| a.contains('@')) {
            m.form.email = TextField::new(acc);
        }
    }
    m.refresh();
    go_account(m);
    Vec::new()
}

fn account_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let focus = m.form.focus;
    if k.code == KeyCode::Esc {
        return back(m);
    }
    // Left and Right belong to the text cursor in a text field, to the choice otherwise.
    let nav = match k.code {
        KeyCode::Tab | KeyCode::Down => Some(1),
        KeyCode::BackTab | KeyCode::Up => Some(-1),
        KeyCode::Left | KeyCode::Right if matches!(focus, Field::Check | Field::Back) => {
            Some(if k.code == KeyCode::Left { -1 } else { 1 })
        }
        KeyCode::Enter if focus.is_text() || focus == Field::Encryption => Some(1),
        _ => None,
    };
    if let Some(dir) = nav {
        move_field(m, dir);
        return Vec::new();
    }
    match focus {
        f if f.is_text() => {
            if let Some(t) = m.form.text_mut(f) {
                if edit(t, &k) && m.form.problem.as_ref().is_some_and(|(pf, _)| *pf == f) {
                    m.form.problem = None;
                }
            }
            Vec::new()
        }
        Field::Encryption => {
            let all = Encryption::ALL;
            let i = all
                .iter()
                .position(|e| *e == m.form.encryption)
                .unwrap_or(0);
            let n = all.len();
            match k.code {
                KeyCode::Left => m.form.encryption = all[(i + n - 1) % n],
                KeyCode::Right | KeyCode::Char(' ') => m.form.encryption = all[(i + 1) % n],
                _ => {}
            }
            Vec::new()
        }
        Field::Auth => {
            if matches!(k.code, KeyCode::Char(' ') | KeyCode::Enter) {
                m.form.auth = !m.form.auth;
            }
            Vec::new()
        }
        Field::Check if k.code == KeyCode::Enter => submit(m),
        Field::Back if k.code == KeyCode::Enter => back(m),
        _ => Vec::new(),
    }
}

fn move_field(m: &mut Model, dir: i32) {
    let items = m.form.focusable();
    let i = items.iter().position(|f| *f == m.form.focus).unwrap_or(0) as i32;
    let j = (i + dir).clamp(0, items.len() as i32 - 1) as usize;
    m.form.focus = items[j];
}

/// Does this input need a new run, or do the current run's facts still apply? The
/// encryption setting, the error text and the answers only change the diagnosis. (The
/// checks' options change only on the failure screen, which always starts a new run.)
fn same_run(a: &Input, b: &Input) -> bool {
    a.email == b.email
        && a.server == b.server
        && a.port == b.port
        && a.user == b.user
        && a.password.as_ref().map(|p| p.expose()) == b.password.as_ref().map(|p| p.expose())
}

/// Starts a new run (a new generation): the old one's facts are gone and its late
/// messages will be dropped.
fn start_run(m: &mut Model, input: Input) -> Vec<Effect> {
    m.run.generation += 1;
    m.run.input = Some(input.clone());
    m.run.facts = Facts::default();
    m.run.finished_wall = None;
    m.run.times.clear();
    m.failure = None;
    vec![Effect::StartChecks {
        generation: m.run.generation,
        input: Box::new(input),
        options: Box::new(m.check_options.clone()),
    }]
}

/// Checks start at launch when the command line already says enough, so that by the time
/// the person has read the first screens the answer is often there.
pub fn initial_effects(m: &mut Model) -> Vec<Effect> {
    match m.form.to_input(&m.base) {
        Ok(input) => {
            m.input = input.clone();
            let effects = start_run(m, input);
            m.refresh();
            effects
        }
        Err(_) => Vec::new(),
    }
}

fn submit(m: &mut Model) -> Vec<Effect> {
    let input = match m.form.to_input(&m.base) {
        Ok(i) => i,
        Err((field, why)) => {
            m.form.focus = field;
            m.form.problem = Some((field, why));
            return Vec::new();
        }
    };
    m.form.problem = None;
    let reuse = m.run.input.as_ref().is_some_and(|r| same_run(r, &input));
    m.input = input.clone();
    let effects = if reuse {
        Vec::new()
    } else {
        start_run(m, input)
    };
    m.refresh();
    if m.symptom == Some(Symptom::Agent) && m.overlay() != Some(Overlay::Technical) {
        toggle(m, Overlay::Technical);
    }
    m.scroll.checks = 0;
    go(m, Screen::Checks);
    advance_when_concluded(m);
    effects
}

fn checks_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let Some(q) = m.vm.checks.question.clone() else {
        scroll_key(m, k.code);
        return Vec::new();
    };
    if let Some(f) = step_focus(k.code, m.question_focus, q.choices.len(), false) {
        m.question_focus = f;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => answer(m, m.question_focus),
        KeyCode::Char(c @ '1'..='9') => answer(m, c as usize - '1' as usize),
        code => {
            scroll_key(m, code);
            Vec::new()
        }
    }
}

/// The person's answer goes into the input and the diagnosis is walked again: no check
/// runs again.
fn answer(m: &mut Model, i: usize) -> Vec<Effect> {
    let Some(q) = m.vm.checks.question.clone() else {
        return Vec::new();
    };
    let Some(choice) = q.choices.get(i) else {
        return Vec::new();
    };
    m.question_focus = i;
    m.input.answers.insert(q.id.clone(), choice.id.clone());
    m.base.answers.insert(q.id, choice.id.clone());
    m.refresh();
    advance_when_concluded(m);
    Vec::new()
}

fn result_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let n = RESULT_BUTTONS.len();
    match k.code {
        KeyCode::Tab | KeyCode::Right => m.result_focus = (m.result_focus + 1).min(n - 1),
        KeyCode::BackTab | KeyCode::Left => m.result_focus = m.result_focus.saturating_sub(1),
        KeyCode::Enter => return press(m, RESULT_BUTTONS[m.result_focus.min(n - 1)]),
        code => scroll_key(m, code),
    }
    Vec::new()
}

fn default_report_path(m: &Model) -> String {
    let t = m.clock.wall;
    let kind = if m.symptom == Some(Symptom::Server) {
        "server-report"
    } else {
        "report"
    };
    format!(
        "./smtp-doctor-{kind}-{:04}{:02}{:02}-{:02}{:02}{:02}.md",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn open_report(m: &mut Model) {
    m.overlays.retain(|o| *o == Overlay::ConfirmQuit);
    if m.report.path.is_empty() {
        m.report.path = TextField::new(&default_report_path(m));
    }
    // The Save button has the focus: one Enter saves under the proposed name.
    m.report.focus = 1;
    if m.screen != Screen::Report {
        m.report.status = None;
    }
    go(m, Screen::Report);
}

/// The report of what is known now, for saving or copying.
fn current_report(m: &Model) -> Option<Report> {
    let d = m.diagnosis.as_ref()?;
    Some(Report::new(d))
}

/// The report as Markdown and as plain text: the server findings on the mail-server
/// path, else the client diagnosis.
fn current_texts(m: &Model) -> Option<(String, String)> {
    if m.symptom == Some(Symptom::Server) {
        let r = m.server.report()?;
        return Some((
            crate::server::report::markdown::render(r),
            crate::server::report::text::render(r),
        ));
    }
    let r = current_report(m)?;
    Some((report::markdown::render(&r), report::text::render(&r)))
}

fn save(m: &mut Model) -> Vec<Effect> {
    let path = m.report.path.value().trim().to_string();
    if path.is_empty() {
        m.report.status = Some(SaveStatus::EmptyPath);
        return Vec::new();
    }
    let Some((markdown, _)) = current_texts(m) else {
        return Vec::new();
    };
    m.report.status = Some(SaveStatus::Saving(path.clone()));
    vec![Effect::SaveReport {
        path: PathBuf::from(path),
        contents: markdown,
    }]
}

fn report_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    if m.report.focus == 0 {
        match k.code {
            KeyCode::Enter => return save(m),
            KeyCode::Tab | KeyCode::Down => m.report.focus = 1,
            _ => {
                if edit(&mut m.report.path, &k) {
                    m.report.status = None;
                }
            }
        }
        return Vec::new();
    }
    let n = REPORT_BUTTONS.len() + 1;
    if let Some(f) = step_focus(k.code, m.report.focus, n, false) {
        m.report.focus = f;
        return Vec::new();
    }
    match k.code {
        KeyCode::Left => m.report.focus = (m.report.focus - 1).max(1),
        KeyCode::Right => m.report.focus = (m.report.focus + 1).min(n - 1),
        KeyCode::Enter => {
            return press(
                m,
                REPORT_BUTTONS[(m.report.focus - 1).min(REPORT_BUTTONS.len() - 1)],
            )
        }
        _ => {}
    }
    Vec::new()
}

fn failure_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Esc {
        return back(m);
    }
    let Some(f) = m.failure.as_mut() else {
        return back(m);
    };
    let buttons = failure_buttons(f.kind);
    if let Some(i) = step_focus(k.code, f.focus, buttons.len(), false).or(step_focus(
        k.code,
        f.focus,
        buttons.len(),
        true,
    )) {
        f.focus = i;
        return Vec::new();
    }
    match k.code {
        KeyCode::Enter => {
            let b = buttons[f.focus.min(buttons.len() - 1)];
            press(m, b)
        }
        _ => Vec::new(),
    }
}

/// What a button does, whether pressed with Enter or clicked.
pub(super) fn press(m: &mut Model, b: Button) -> Vec<Effect> {
    match b {
        Button::Look => server::submit(m),
        Button::LookAgain => server::again(m),
        Button::LiftBlock => {
            server::ask(m);
            Vec::new()
        }
        Button::RunUnblock if m.screen == Screen::ServerAudit => audit::confirm(m),
        Button::RunUnblock => server::confirm(m),
        Button::CancelUnblock => {
            m.server.confirm = None;
            m.server.audit.confirm = None;
            Vec::new()
        }
        Button::CheckCustomers | Button::AuditAgain => audit::start(m),
        Button::LiftCustomers => {
            audit::ask(m);
            Vec::new()
        }
        Button::Continue => continue_error(m),
        Button::Back | Button::ChangeSettings => {
            m.overlays.clear();
            back(m)
        }
        Button::OpenReport => {
            open_report(m);
            Vec::new()
        }
        Button::Technical => {
            toggle(m, Overlay::Technical);
            Vec::new()
        }
        Button::Quit => request_quit(m),
        Button::Save => save(m),
        Button::ShowText => {
            if let Some((_, text)) = current_texts(m) {
                m.copy_text = text;
                m.scroll.copy = 0;
                go(m, Screen::CopyText);
            }
            Vec::new()
        }
        Button::QuitYes => vec![Effect::Exit(m.exit_code())],
        Button::QuitNo => {
            m.overlays.retain(|o| *o != Overlay::ConfirmQuit);
            Vec::new()
        }
        // The built-in tree is already loaded: go on from the start screen.
        Button::UseSystem if m.failure.as_ref().map(|f| f.kind) == Some(FailureKind::Tree) => {
            m.failure = None;
            m.back.clear();
            m.screen = Screen::Start;
            Vec::new()
        }
        Button::UseSystem | Button::Retry => {
            if b == Button::UseSystem {
                match m.failure.as_ref().map(|f| f.kind) {
                    Some(FailureKind::Trust) => m.check_options.ca_file = None,
                    Some(FailureKind::Dns) => m.check_options.dns_server = None,
                    _ => {}
                }
            }
            let effects = start_run(m, m.input.clone());
            m.refresh();
            m.screen = Screen::Checks;
            advance_when_concluded(m);
            effects
        }
    }
}

fn on_mouse(m: &mut Model, e: MouseEvent) -> Vec<Effect> {
    match e.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(e.column, e.row);
            let hit = m
                .rendered
                .hits
                .iter()
                .rev()
                .find(|(r, _)| r.contains(at))
                .map(|(_, t)| *t);
            match hit {
                Some(t) => click(m, t),
                None => Vec::new(),
            }
        }
        MouseEventKind::ScrollUp => {
            scroll_by(m, -3);
            Vec::new()
        }
        MouseEventKind::ScrollDown => {
            scroll_by(m, 3);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn click(m: &mut Model, t: Target) -> Vec<Effect> {
    match t {
        Target::StartChoice(i) => {
            m.start_focus = i;
            choose_start(m, i)
        }
        Target::Field(f) => {
            m.form.focus = f;
            match f {
                Field::Auth => {
                    m.form.auth = !m.form.auth;
                    Vec::new()
                }
                Field::Check => submit(m),
                Field::Back => back(m),
                _ => Vec::new(),
            }
        }
        Target::EncryptionChoice(e) => {
            m.form.focus = Field::Encryption;
            m.form.encryption = e;
            Vec::new()
        }
        Target::ErrorBox => {
            m.error_focus = 0;
            Vec::new()
        }
        Target::ReportPath => {
            m.report.focus = 0;
            Vec::new()
        }
        Target::Answer(i) => answer(m, i),
        Target::Button(b) => press(m, b),
        Target::ServerField(i) => {
            m.server.focus = i.min(1);
            Vec::new()
        }
    }
}

pub(super) fn scroll_key(m: &mut Model, code: KeyCode) {
    let page = 10;
    match code {
        KeyCode::Up => scroll_by(m, -1),
        KeyCode::Down => scroll_by(m, 1),
        KeyCode::PageUp => scroll_by(m, -page),
        KeyCode::PageDown => scroll_by(m, page),
        KeyCode::Home => scroll_by(m, i32::MIN / 2),
        KeyCode::End => scroll_by(m, i32::MAX / 2),
        _ => {}
    }
}

/// Scrolls whatever long text is in front, within what the last draw said fits.
fn scroll_by(m: &mut Model, delta: i32) {
    let max = i32::from(m.rendered.max_scroll);
    let s = match m.overlay() {
        Some(Overlay::Help) => &mut m.scroll.help,
        Some(Overlay::Technical) => &mut m.scroll.technical,
        Some(Overlay::ConfirmQuit) => return,
        None => match m.screen {
            Screen::Result => &mut m.scroll.result,
            Screen::CopyText => &mut m.scroll.copy,
            Screen::Checks => &mut m.scroll.checks,
            Screen::ServerFindings | Screen::ServerAudit => &mut m.scroll.server,
            _ => return,
        },
    };
    *s = (i32::from(*s) + delta).clamp(0, max.max(0)) as u16;
}
