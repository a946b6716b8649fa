//! smtp-doctor: finds out why a mail client cannot send through its outgoing (SMTP) server.
//!
//! The library holds everything testable; `main.rs` only maps errors to exit codes.
//! Layers, from the wire up (each imports only the ones above it in this list):
//! - [`protocol`]: SMTP reply parsing and the redacted transcript (pure).
//! - [`checks`]: one async module per kind of check (DNS, TCP, SMTP session, TLS), each
//!   returning a typed outcome and never panicking on what the network sends.
//! - [`facts`]: what the checks found, as one value the tree reads.
//! - [`settings`]: what the person typed ([`settings::Input`]) and the checks' knobs
//!   ([`settings::Options`]).
//! - [`tree`]: the decision tree (TOML), its loader/validator, overlays and the walk.
//! - [`replies`]: what a server's reply means, as rules (`assets/replies.toml`).
//! - [`catalog`]: the tree, causes, profiles, reply rules and lists, loaded once.
//! - [`engine`]: starts every check whose inputs are known at once and streams updates.
//! - [`diagnosis`]: the signals the tree branches on, recommended settings, the verdict.
//! - [`report`]: text, JSON and Markdown renderings of a finished diagnosis.
//! - [`recording`]: a run's input, facts and conclusion saved for replay (`--save-facts`).
//! - [`server`]: server mode, on the mail server: blocks, logs and services for one client.
//! - [`cli`]: argument parsing and the `check` / `tree validate` commands.
//! - [`kiosk`]: kiosk mode's configuration, PIN hash, report folder and signals (the
//!   screens' side is in `ui::kiosk`).

pub mod catalog;
pub mod causes;
pub mod checks;
pub mod cli;
pub mod diagnosis;
pub mod endpoint;
pub mod engine;
pub mod error_text;
pub mod export;
pub mod facts;
pub mod fuzzing;
pub mod host_name;
pub mod i18n;
pub mod kiosk;
pub mod profiles;
pub mod protocol;
pub mod recording;
pub mod replies;
pub mod report;
pub mod secret;
pub mod server;
pub mod settings;
pub mod shorten;
pub mod source;
pub mod tree;
pub mod ui;
