//! Kiosk mode (`smtp-doctor --kiosk`): the wizard on an unattended office computer.
//!
//! This module holds what the kiosk adds outside the screens, each part pure or thin:
//! - [`config`]: the kiosk configuration file (TOML) and its defaults.
//! - [`pin`]: the administrator PIN's hash (Argon2id, a PHC string) and the rate limit on
//!   guesses.
//! - [`reports`]: writing a report into the configured folder under a name the tool picks.
//! - [`signals`]: ignoring the signals that would stop or suspend the wizard.
//!
//! The screens' side (the PIN question, the idle reset, the no-network screen) is in
//! `ui::kiosk`; the command-line wiring in `cli::kiosk`.

pub mod config;
pub mod pin;
pub mod reports;
pub mod signals;

pub use config::{KioskConfig, Locked};
pub use pin::{Guesses, PinHash};
