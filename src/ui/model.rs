//! The wizard's whole state, as one value that `update` changes and the views read.
//!
//! What the person typed lives in forms ([`AccountForm`], [`TextField`]); what the checks
//! found lives in [`Run`] (tagged with a generation so that results of an abandoned run are
//! dropped); [`Model::refresh`] walks the tree once per change into a finished `Diagnosis`,
//! and what the screens show is derived from that into [`ViewModel`], so the views never
//! touch `Facts` or `Diagnosis` themselves.

use std::sync::Arc;
use std::time::Instant;

use ratatui::layout::Rect;
use time::OffsetDateTime;
use zeroize::Zeroizing;

use crate::catalog::Catalog;
use crate::diagnosis::{self, Diagnosis, Progress};
use crate::error_text::{recognise, Recognised};
use crate::facts::Facts;
use crate::secret::Secret;
use crate::settings::{Input, Options, Security};
use crate::tree::QuestionMode;

use super::vm::{self, ViewModel};
use super::UiOptions;

/// The screens of the flow. Help, the technical view and the quit question are overlays
/// ([`Overlay`]) drawn over whichever screen is current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    ErrorText,
    Account,
    Checks,
    Result,
    Report,
    CopyText,
    Failure,
    /// On the mail server: the customer's address or report.
    ServerInput,
    /// On the mail server: what blocks the address, the logs, the services.
    ServerFindings,
    /// On the mail server: every blocked address, customers locked out first.
    ServerAudit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Technical,
    ConfirmQuit,
}

/// What the person picked on the start screen (the order of `assets/ui.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symptom {
    ErrorMessage,
    Outbox,
    PasswordPrompt,
    NewAccount,
    Agent,
    /// A support agent on the mail server (server mode).
    Server,
}

impl Symptom {
    pub const ALL: [Symptom; 6] = [
        Symptom::ErrorMessage,
        Symptom::Outbox,
        Symptom::PasswordPrompt,
        Symptom::NewAccount,
        Symptom::Agent,
        Symptom::Server,
    ];
}

/// The current time as the model sees it. The app sets it before every update, so
/// `update` itself never reads a clock and tests can pin it.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub instant: Instant,
    pub wall: OffsetDateTime,
}

impl Clock {
    pub fn now() -> Clock {
        Clock {
            instant: Instant::now(),
            wall: OffsetDateTime::now_utc(),
        }
    }
}

/// A one-line text field. The text is wiped from memory when dropped (it may be a password).
#[derive(Debug, Clone, Default)]
pub struct TextField {
    value: Zeroizing<String>,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            value: Zeroizing::new(value.to_string()),
            cursor: value.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        // Control characters (a pasted tab or newline) would break the one-line display.
        let c = if c.is_control() { ' ' } else { c };
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(c);
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.value.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }
}

/// The account screen's items, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Email,
    Server,
    Port,
    Encryption,
    Auth,
    User,
    Password,
    Check,
    Back,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Email,
        Field::Server,
        Field::Port,
        Field::Encryption,
        Field::Auth,
        Field::User,
        Field::Password,
        Field::Check,
        Field::Back,
    ];

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Email | Field::Server | Field::Port | Field::User | Field::Password
        )
    }
}

/// Outlook's "Use the following type of encrypted connection" list, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    None,
    SslTls,
    StartTls,
    Auto,
}

impl Encryption {
    pub const ALL: [Encryption; 4] = [
        Encryption::None,
        Encryption::SslTls,
        Encryption::StartTls,
        Encryption::Auto,
    ];

    pub fn from_security(s: Option<Security>) -> Encryption {
        match s {
            Some(Security::None) => Encryption::None,
            Some(Security::Tls) => Encryption::SslTls,
            Some(Security::Starttls) => Encryption::StartTls,
            None => Encryption::Auto,
        }
    }

    /// `Auto` leaves the encryption open: the checks try every kind.
    pub fn security(self) -> Option<Security> {
        match self {
            Encryption::None => Some(Security::None),
            Encryption::SslTls => Some(Security::Tls),
            Encryption::StartTls => Some(Security::Starttls),
            Encryption::Auto => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self.security() {
            Some(s) => s.outlook_label(),
            None => &super::text::text().account.auto,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AccountForm {
    pub email: TextField,
    pub server: TextField,
    pub port: TextField,
    pub encryption: Encryption,
    pub auth: bool,
    pub user: TextField,
    pub password: TextField,
    pub focus: Field,
    /// A field the form refused, and why (shown under the fields).
    pub problem: Option<(Field, String)>,
}

impl AccountForm {
    pub fn from_input(input: &Input) -> AccountForm {
        AccountForm {
            email: TextField::new(&input.email),
            server: TextField::new(input.server.as_deref().unwrap_or("")),
            port: TextField::new(&input.port.map(|p| p.to_string()).unwrap_or_default()),
            encryption: Encryption::from_security(input.security),
            // Most servers want a sign-in for sending; Outlook's box starts ticked too.
            auth: true,
            user: TextField::new(input.user.as_deref().unwrap_or("")),
            password: TextField::new(input.password.as_ref().map_or("", |p| p.expose())),
            focus: Field::Email,
            problem: None,
        }
    }

    pub fn text_mut(&mut self, f: Field) -> Option<&mut TextField> {
        match f {
            Field::Email => Some(&mut self.email),
            Field::Server => Some(&mut self.server),
            Field::Port => Some(&mut self.port),
            Field::User => Some(&mut self.user),
            Field::Password => Some(&mut self.password),
            _ => None,
        }
    }

    pub fn text(&self, f: Field) -> Option<&TextField> {
        match f {
            Field::Email => Some(&self.email),
            Field::Server => Some(&self.server),
            Field::Port => Some(&self.port),
            Field::User => Some(&self.user),
            Field::Password => Some(&self.password),
            _ => None,
        }
    }

    /// Items the focus can land on: user name and password only when authentication is on.
    pub fn focusable(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| self.auth || !matches!(f, Field::User | Field::Password))
            .collect()
    }

    /// The diagnosis input: `base` (what is not on the form) with the form's values.
    pub fn to_input(&self, base: &Input) -> Result<Input, (Field, String)> {
        let t = super::text::text();
        let email = self.email.value().trim();
        let valid_email = match email.rsplit_once('@') {
            Some((local, domain)) => {
                !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
            }
            None => false,
        };
        if !valid_email {
            return Err((Field::Email, t.account.bad_email.clone()));
        }
        let port = match self.port.value().trim() {
            "" => None,
            p => match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err((Field::Port, t.account.bad_port.clone())),
            },
        };
        let mut input = base.clone();
        input.email = email.to_string();
        input.server = Some(self.server.value().trim().to_string()).filter(|s| !s.is_empty());
        input.port = port;
        input.security = self.encryption.security();
        if self.auth {
            input.user = Some(self.user.value().trim().to_string()).filter(|s| !s.is_empty());
            input.password =
                (!self.password.is_empty()).then(|| Secret::new(self.password.value().to_string()));
        } else {
            input.user = None;
            input.password = None;
        }
        Ok(input)
    }
}

/// Why the checks could not start, and so which way forward the failure screen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The extra certificate file (`--ca-file`) is unusable.
    Trust,
    /// The name server (`--dns-server`) is unusable.
    Dns,
    /// The decision-tree file (`--tree`) is invalid; the built-in tree is loaded instead.
    Tree,
    Other,
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
    pub focus: usize,
}

/// One run of the checks. `generation` tags every message of the run; anything tagged
/// with another generation is stale and dropped.
#[derive(Debug, Default)]
pub struct Run {
    pub generation: u64,
    /// The input the current run checks; `None` when no run exists.
    pub input: Option<Input>,
    pub facts: Facts,
    /// When the run ended (for "Tell your email host").
    pub finished_wall: Option<OffsetDateTime>,
    /// When the UI first saw each check running, and saw it end: for elapsed times.
    pub times: vm::Times,
}

impl Run {
    /// Checks are under way: the run exists and has not sent `Done`.
    pub fn active(&self) -> bool {
        self.input.is_some() && !self.facts.done
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReportState {
    pub path: TextField,
    /// 0: the path field, 1: Save, 2: Show text, 3: Back.
    pub focus: usize,
    pub status: Option<SaveStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Saving(String),
    Saved(String),
    Failed { path: String, error: String },
    EmptyPath,
}

/// Something the mouse can click, recorded by the views at their last draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    StartChoice(usize),
    Field(Field),
    EncryptionChoice(Encryption),
    /// The error-message text box.
    ErrorBox,
    /// The report's file name field.
    ReportPath,
    Answer(usize),
    Button(Button),
    /// A field of the server screen: 0 the address or report, 1 the account.
    ServerField(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Continue,
    Back,
    OpenReport,
    Technical,
    ChangeSettings,
    Quit,
    Save,
    ShowText,
    QuitYes,
    QuitNo,
    UseSystem,
    Retry,
    /// Server mode: read this host for the customer.
    Look,
    /// Server mode: ask to run the unblock commands.
    LiftBlock,
    /// Server mode: read the host again.
    LookAgain,
    /// Server mode: the question's answers.
    RunUnblock,
    CancelUnblock,
    /// Server mode: check every blocked address for locked-out customers.
    CheckCustomers,
    /// Server mode, audit: ask to unblock and whitelist the customers.
    LiftCustomers,
    /// Server mode, audit: read everything again.
    AuditAgain,
}

/// What the last draw left for `update`: where clickable things are and how far the
/// current text can scroll.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub hits: Vec<(Rect, Target)>,
    pub max_scroll: u16,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Scrolls {
    pub result: u16,
    pub technical: u16,
    pub help: u16,
    pub copy: u16,
    pub checks: u16,
    pub server: u16,
}

pub struct Model {
    pub options: UiOptions,
    /// The tree, profiles and lists the diagnosis applies, loaded once.
    pub catalog: Arc<Catalog>,
    /// How the checks run (time-out, resolver, CA file): from the command line; the failure
    /// screen may switch the resolver or the CA file back to the system's.
    pub check_options: Options,
    /// What the command line said: what the forms start from and what they do not show.
    pub base: Input,
    /// The confirmed input: the diagnosis reads it.
    pub input: Input,
    pub screen: Screen,
    pub back: Vec<Screen>,
    pub overlays: Vec<Overlay>,
    pub symptom: Option<Symptom>,
    pub start_focus: usize,
    pub error_text: TextField,
    /// What was recognised in `error_text`, kept in step with it.
    pub recognised: Recognised,
    /// 0: the text box, 1: Continue, 2: Back.
    pub error_focus: usize,
    pub form: AccountForm,
    pub run: Run,
    pub diagnosis: Option<Diagnosis>,
    pub vm: ViewModel,
    pub question_focus: usize,
    /// Which button of the result screen has the focus.
    pub result_focus: usize,
    pub report: ReportState,
    /// The plain-text report shown to copy into a ticket.
    pub copy_text: String,
    pub quit_focus: usize,
    pub failure: Option<Failure>,
    pub scroll: Scrolls,
    pub clock: Clock,
    pub rendered: Rendered,
    /// The person saw a result: quitting then reports its verdict in the exit code.
    pub reached_result: bool,
    /// The mail-server path (server mode).
    pub server: super::server::ServerState,
}

impl Model {
    pub fn new(
        prefill: Input,
        check_options: Options,
        catalog: Arc<Catalog>,
        options: UiOptions,
        clock: Clock,
    ) -> Model {
        let form = AccountForm::from_input(&prefill);
        let error_text = TextField::new(prefill.error_text.as_deref().unwrap_or(""));
        let mut m = Model {
            options,
            catalog,
            check_options,
            input: prefill.clone(),
            base: prefill,
            screen: Screen::Start,
            back: Vec::new(),
            overlays: Vec::new(),
            symptom: None,
            start_focus: 0,
            recognised: recognise(error_text.value()),
            error_text,
            error_focus: 0,
            form,
            run: Run::default(),
            diagnosis: None,
            vm: ViewModel::default(),
            question_focus: 0,
            result_focus: 0,
            report: ReportState::default(),
            copy_text: String::new(),
            quit_focus: 1,
            failure: None,
            scroll: Scrolls::default(),
            clock,
            rendered: Rendered::default(),
            reached_result: false,
            server: super::server::ServerState::default(),
        };
        m.refresh();
        m
    }

    /// The screen's overlay on top, if any.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlays.last().copied()
    }

    /// Is the focus in a text field (where letters type instead of acting as keys)?
    pub fn typing(&self) -> bool {
        if self.overlay().is_some() {
            return false;
        }
        match self.screen {
            Screen::ErrorText => self.error_focus == 0,
            Screen::Account => self.form.focus.is_text(),
            Screen::Report => self.report.focus == 0,
            Screen::ServerInput => self.server.focus <= 1,
            _ => false,
        }
    }

    /// There is something to save or show as a report: a client run, or server findings.
    pub fn has_report(&self) -> bool {
        match self.symptom {
            Some(Symptom::Server) => self.server.report().is_some(),
            _ => self.run.input.is_some(),
        }
    }

    /// The mouse is captured except where the person selects text to copy.
    pub fn wants_mouse(&self) -> bool {
        !(self.screen == Screen::CopyText && self.overlay().is_none())
    }

    /// A redraw every so often is needed only while checks run (elapsed times move).
    pub fn wants_tick(&self) -> bool {
        self.run.active()
    }

    /// The walk has reached its conclusion (a result can be shown).
    pub fn concluded(&self) -> bool {
        self.diagnosis
            .as_ref()
            .is_some_and(|d| d.progress == Progress::Done)
    }

    /// 0 when the verdict is ok or no result was reached (the person quit early), else 1.
    pub fn exit_code(&self) -> i32 {
        if self.symptom == Some(Symptom::Server) {
            let audit = self.server.audit.report.as_ref().map(|r| r.exit_code());
            return self
                .server
                .report()
                .map(|r| r.exit_code())
                .or(audit)
                .unwrap_or(0);
        }
        match (&self.diagnosis, self.reached_result) {
            (Some(d), true) if d.verdict != diagnosis::Verdict::Ok => 1,
            _ => 0,
        }
    }

    /// Re-derives the diagnosis and everything the screens show from input and facts.
    /// Pure: the same model gives the same result.
    pub fn refresh(&mut self) {
        self.diagnosis = self.run.input.as_ref().map(|_| {
            diagnosis::diagnose(
                &self.catalog,
                &self.input,
                &self.run.facts,
                QuestionMode::Ask,
            )
        });
        self.track_times();
        self.refresh_view();
    }

    /// Re-derives what the screens show (elapsed times move with the clock).
    pub fn refresh_view(&mut self) {
        let question_id = self.vm.checks.question.as_ref().map(|q| q.id.clone());
        self.vm = vm::build(vm::Parts {
            input: &self.input,
            timeout: self.check_options.timeout,
            diagnosis: self.diagnosis.as_ref(),
            tree: &self.catalog.tree,
            times: &self.run.times,
            now: self.clock.instant,
            finished_wall: self.run.finished_wall.unwrap_or(self.clock.wall),
        });
        let new_question = self.vm.checks.question.as_ref();
        if new_question.map(|q| &q.id) != question_id.as_ref() {
            self.question_focus = new_question.and_then(|q| q.default).unwrap_or(0);
        }
    }

    /// Notes when checks are first seen running and when they end (the diagnosis lists
    /// what is pending).
    fn track_times(&mut self) {
        let Some(d) = &self.diagnosis else {
            return;
        };
        let now = self.clock.instant;
        let pending = &d.pending;
        for id in pending {
            self.run.times.entry(*id).or_insert((now, None));
        }
        for (id, (_, end)) in self.run.times.iter_mut() {
            if end.is_none() && !pending.contains(id) {
                *end = Some(now);
            }
        }
    }
}
