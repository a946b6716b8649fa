//! The full-screen wizard (`smtp-doctor` with no arguments).
//!
//! It takes an account owner who knows nothing about SMTP from "my mail won't send" to
//! the exact change that fixes it, and keeps everything technical one key away for a
//! support agent on a screen-share. It walks the same decision tree as `check`; it owns
//! no network code and no diagnosis logic.
//!
//! The shape is the Elm architecture, split by screen:
//! - [`model`]: the whole state (screens, back stack, the run and its generation), composed
//!   of each screen's state.
//! - [`msg`]: messages in (keys, mouse, facts tagged with a generation, timer beats) and
//!   effects out (start/stop checks, save a file, exit).
//! - [`update`]: every rule of the flow, pure; it routes each message to the screen it is
//!   for. One module per screen holds that screen's keys and actions, with its state (and
//!   view-model, where it has one) in leaf submodules the model composes: [`start`],
//!   [`error`], [`account`], [`checks`], [`result`], [`report`] (and the copy screen),
//!   [`failure`], [`server`] (the mail-server path: "I am on the mail server"). Moving
//!   around (back stack, overlays, scrolling), the run's life, the quit question and the
//!   buttons several screens share have their own small modules.
//! - [`vm`]: what the checks, result and technical screens show, read from the finished
//!   `Diagnosis` (the parts live with their screens and [`technical`]): the only part that
//!   reads the diagnosis's types.
//! - [`view`]: drawing, pure, one module per kind of screen.
//! - [`field`] and [`controls`]: the text field, the buttons and click targets.
//! - [`kiosk`]: kiosk mode (`--kiosk`): the keys that must not leave, the administrator's
//!   PIN, the idle reset that wipes the visitor's answers, the no-network screen.
//! - [`languages`]: the start screen's language switch, which loads a language when the
//!   person picks it (through a loader the CLI passes in, so tests stay pure).
//! - [`runner`]: carries out effects (the engine in tokio, file writes, server mode's look
//!   and unblock on a blocking thread).
//! - [`app`]: owns the terminal and runs the loop; generic over the ratatui backend so
//!   tests drive the whole app on a `TestBackend`.
//! - [`text`]: the wording, from `assets/ui.toml`.
//!
//! Imports go one way between modules (`tests/module_graph.rs` checks it): a screen's state
//! is a leaf the model holds, and the screen's rules act on the model.
//!
//! Limits: the start screen's symptom only steers the flow (error-message screen, support
//! view); it is not an input of the tree. Copying text relies on the terminal's own
//! selection (mouse capture is released on the copy screen), not on a clipboard.

pub mod account;
pub mod app;
pub mod audit;
mod buttons;
pub mod checks;
pub mod controls;
pub mod error;
pub mod failure;
pub mod field;
pub mod kiosk;
pub mod languages;
pub mod model;
pub mod msg;
mod nav;
pub mod new_account;
mod quit;
pub mod report;
pub mod result;
mod run;
pub mod runner;
pub mod server;
pub mod start;
pub mod technical;
pub mod text;
pub mod update;
pub mod view;
pub mod vm;

use std::sync::Arc;

use crate::settings::{Input, Options};

pub use languages::{CatalogLoader, Languages};

/// How the wizard looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UiOptions {
    /// Strong contrast: white on black, bold, a yellow focus.
    pub high_contrast: bool,
    /// No colours at all (the `NO_COLOR` convention; the CLI reads the variable).
    pub no_color: bool,
}

/// Runs the wizard in the current terminal. `prefill` holds what the command line gave
/// (the address may be empty); when it names an address, the checks start at once.
///
/// Returns the exit status: 0 when the final verdict is ok or the person quit before a
/// result, 1 for a problem or an inconclusive result, 130/143/129 when interrupted by
/// Ctrl-C/SIGINT, SIGTERM or SIGHUP, 101 after a panic (its message printed after the
/// screen was restored).
pub fn run(
    prefill: Input,
    options: Options,
    languages: Languages,
    ui: UiOptions,
) -> std::io::Result<i32> {
    text::check().map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let catalog = languages.catalog.clone();
    let mut model = model::Model::new(prefill, options, catalog, ui, model::Clock::now());
    model.set_languages(languages);
    app::run_terminal(model)
}

/// The wizard in kiosk mode: `prefill` and `options` are what every visitor starts from
/// (the kiosk configuration's locked options, no answers). Ends only with the
/// administrator's PIN (exit status 0) or SIGTERM (143).
pub fn run_kiosk(
    prefill: Input,
    options: Options,
    languages: Languages,
    ui: UiOptions,
    config: Arc<crate::kiosk::KioskConfig>,
) -> std::io::Result<i32> {
    text::check().map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let clock = model::Clock::now();
    let catalog = languages.catalog.clone();
    let mut model = model::Model::new(prefill.clone(), options.clone(), catalog, ui, clock);
    model.set_languages(languages);
    model.kiosk = Some(kiosk::state::KioskState::new(
        config,
        prefill,
        options,
        clock.instant,
    ));
    app::run_terminal(model)
}

/// The wizard when `--tree` named an invalid file: it opens on a screen that shows the
/// problem (file:line:column) and offers to go on with `builtin`, the catalog with the
/// built-in tree.
pub fn run_with_tree_problem(
    prefill: Input,
    options: Options,
    builtin: Languages,
    problem: String,
    ui: UiOptions,
) -> std::io::Result<i32> {
    text::check().map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let catalog = builtin.catalog.clone();
    let mut model = model::Model::new(prefill, options, catalog, ui, model::Clock::now());
    model.set_languages(builtin);
    model.failure = Some(model::Failure {
        kind: model::FailureKind::Tree,
        message: problem,
        focus: 0,
    });
    model.screen = model::Screen::Failure;
    app::run_terminal(model)
}
