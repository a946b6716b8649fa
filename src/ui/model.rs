//! The wizard's whole state, as one value that `update` changes and the views read.
//!
//! Each screen's state is defined by its screen, in a leaf module the model composes (the
//! account form in `account::state`, the error message in `error::state`, the report in
//! `report::state`, the failure in `failure::state`, the server path in `server::state`); a
//! screen whose whole state is one focus index keeps it here. The types are re-exported so
//! that `ui::model` names the whole state. What the checks found lives in [`Run`] (tagged
//! with a generation so that results of an abandoned run are dropped); [`Model::refresh`]
//! walks the tree once per change into a finished `Diagnosis`, and what the screens show is
//! derived from that into [`ViewModel`], so the views never touch `Facts` or `Diagnosis`
//! themselves.

use std::sync::Arc;
use std::time::Instant;

use time::OffsetDateTime;

use crate::catalog::Catalog;
use crate::diagnosis::{self, Diagnosis, Progress};
use crate::facts::Facts;
use crate::i18n::Lang;
use crate::settings::{Input, Options};
use crate::tree::QuestionMode;

use super::kiosk::state::KioskState;
use super::languages::LanguageSwitch;
use super::server::state::ServerState;
use super::vm::{self, ViewModel};
use super::UiOptions;

pub use super::account::state::{AccountForm, Encryption, Field};
pub use super::controls::{Button, Rendered, Target};
pub use super::error::state::ErrorState;
pub use super::failure::state::{Failure, FailureKind};
pub use super::field::TextField;
pub use super::new_account::state::NewAccountState;
pub use super::report::state::{ReportState, SaveStatus};

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
    /// A new account: what Outlook and Thunderbird would fill in for the address.
    NewAccount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Technical,
    ConfirmQuit,
    /// Kiosk mode: the administrator's PIN to quit (or the note that quitting is off).
    AdminPin,
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
    /// The error-message screen.
    pub error: ErrorState,
    pub form: AccountForm,
    pub run: Run,
    pub diagnosis: Option<Diagnosis>,
    pub vm: ViewModel,
    pub question_focus: usize,
    /// Which button of the result screen has the focus.
    pub result_focus: usize,
    pub report: ReportState,
    /// How saving the verified settings as a Thunderbird file went (result screen, `e`).
    pub export: Option<super::report::state::SaveStatus>,
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
    pub server: ServerState,
    /// Kiosk mode (`--kiosk`): `None` for the ordinary wizard.
    pub kiosk: Option<KioskState>,
    /// The new-account screen.
    pub new_account: NewAccountState,
    /// The language every screen speaks (its wording and the catalog's sentences).
    pub lang: Lang,
    /// The start screen's language switch: the languages offered, loaded when chosen.
    pub languages: LanguageSwitch,
    /// The language the wizard started in (a kiosk returns to it for the next visitor).
    pub start_lang: Lang,
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
        let error = ErrorState::new(prefill.error_text.as_deref().unwrap_or(""));
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
            error,
            form,
            run: Run::default(),
            diagnosis: None,
            vm: ViewModel::default(),
            question_focus: 0,
            result_focus: 0,
            report: ReportState::default(),
            export: None,
            copy_text: String::new(),
            quit_focus: 1,
            failure: None,
            scroll: Scrolls::default(),
            clock,
            rendered: Rendered::default(),
            reached_result: false,
            server: ServerState::default(),
            kiosk: None,
            new_account: NewAccountState::default(),
            lang: Lang::En,
            languages: LanguageSwitch::default(),
            start_lang: Lang::En,
        };
        m.lang = m.catalog.lang;
        m.start_lang = m.lang;
        m.refresh();
        m
    }

    /// The language to speak and the switch to offer; a fixed language offers no switch.
    pub fn set_languages(&mut self, languages: super::Languages) {
        self.catalog = languages.catalog;
        self.lang = self.catalog.lang;
        self.start_lang = self.lang;
        self.languages = LanguageSwitch::new(languages.loader);
        self.refresh();
    }

    /// Whether the start screen offers the language switch.
    pub fn can_switch_lang(&self) -> bool {
        self.languages.can_switch()
    }

    /// Speaks `lang` from now on: its catalog is loaded now (the previous one is dropped
    /// unless a run still holds it), then the wording and the catalog's sentences follow
    /// (the checks that run are unaffected: they do not depend on words). A language not
    /// offered is ignored; one that does not load leaves the wizard in its language, with
    /// the problem shown on the start screen.
    pub fn switch_lang(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        let Some(c) = self.languages.load(lang) else {
            return;
        };
        self.catalog = c;
        self.lang = lang;
        crate::ui::text::set_lang(lang);
        self.refresh();
    }

    /// The next language offered after the current one (in `Lang::ALL` order, wrapping).
    pub fn next_lang(&self) -> Lang {
        self.languages.next_after(self.lang)
    }

    /// The start screen's choices. On a kiosk the mail-server path is not offered: it
    /// reads this computer's firewall and runs unblock commands, nothing a visitor should
    /// reach. (It is the last choice, so the others keep their digits.)
    pub fn symptoms(&self) -> &'static [Symptom] {
        const WITHOUT_SERVER: usize = Symptom::ALL.len() - 1;
        if self.kiosk.is_some() {
            &Symptom::ALL[..WITHOUT_SERVER]
        } else {
            &Symptom::ALL
        }
    }

    /// When kiosk mode's idle reset is due, if one is.
    pub fn idle_deadline(&self) -> Option<Instant> {
        self.kiosk
            .as_ref()
            .and_then(super::kiosk::state::KioskState::idle_deadline)
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
            Screen::ErrorText => self.error.focus == 0,
            Screen::Account => self.form.focus.is_text(),
            Screen::Report => self.report.focus == 0,
            Screen::ServerInput => self.server.focus <= 1,
            Screen::NewAccount => self.new_account.focus == 0,
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
            let audit = self
                .server
                .audit
                .report
                .as_ref()
                .map(crate::server::audit::AuditReport::exit_code);
            return self
                .server
                .report()
                .map(crate::server::report::ServerReport::exit_code)
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
        self.new_account.view = match &self.run.input {
            Some(input) => super::new_account::summary::summarise(
                &self.catalog,
                input,
                &self.run.facts,
                self.diagnosis.as_ref().and_then(|d| d.recommended.as_ref()),
            ),
            None => super::new_account::summary::NewAccountView::default(),
        };
        self.refresh_view();
    }

    /// Re-derives what the screens show (elapsed times move with the clock).
    pub fn refresh_view(&mut self) {
        let question_id = self.vm.checks.question.as_ref().map(|q| q.id.clone());
        self.vm = vm::build(&vm::Parts {
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
        for (id, (_, end)) in &mut self.run.times {
            if end.is_none() && !pending.contains(id) {
                *end = Some(now);
            }
        }
    }
}
