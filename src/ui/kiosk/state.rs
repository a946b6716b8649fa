//! Kiosk mode's state in the model: the configuration, what a reset starts from, the last
//! key's time, the PIN question and whether this computer has a network.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::kiosk::{Guesses, KioskConfig};
use crate::settings::{Input, Options};
use crate::ui::field::TextField;

/// What the PIN question says under the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinNote {
    Wrong,
    /// Too many wrong guesses: the next is taken after this long.
    Wait(Duration),
}

/// Whether this computer has a route to the internet, as the runner last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// Not looked yet: the screens show as usual.
    Unknown,
    Online,
    /// No route for IPv4 nor IPv6: the no-network screen covers everything.
    Offline,
}

#[derive(Debug)]
pub struct KioskState {
    pub config: Arc<KioskConfig>,
    /// What every visitor starts from (the locked options, no answers): an idle reset
    /// builds the model anew from these.
    pub prefill: Input,
    pub options: Options,
    /// When the last key, click or paste came.
    pub last_input: Instant,
    /// Nothing was touched since the start or the last reset: no idle reset is due.
    pub pristine: bool,
    /// The PIN being typed (never shown; wiped when dropped).
    pub pin: TextField,
    pub pin_note: Option<PinNote>,
    /// Wrong guesses so far; survives resets.
    pub guesses: Guesses,
    pub network: Network,
}

impl KioskState {
    pub fn new(config: Arc<KioskConfig>, prefill: Input, options: Options, now: Instant) -> Self {
        KioskState {
            config,
            prefill,
            options,
            last_input: now,
            pristine: true,
            pin: TextField::default(),
            pin_note: None,
            guesses: Guesses::default(),
            network: Network::Unknown,
        }
    }

    /// When the idle reset is due; `None` while nothing needs resetting.
    pub fn idle_deadline(&self) -> Option<Instant> {
        (!self.pristine).then(|| self.last_input + self.config.idle)
    }

    pub fn can_quit(&self) -> bool {
        self.config.admin_pin.is_some()
    }
}
