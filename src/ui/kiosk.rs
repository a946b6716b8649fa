//! Kiosk mode's rules (`smtp-doctor --kiosk`): the keys that must not leave, the
//! administrator's PIN question, the idle reset and the no-network screen. Pure like the
//! rest of `update`: the time is the model's clock, the network state comes in as a
//! message from the runner.

pub mod state;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zeroize::Zeroize;

use super::field::{edit, plain_char, TextField};
use super::model::{Model, Overlay};
use super::msg::Effect;
use state::{Network, PinNote};

/// The effects kiosk mode needs from the start: the runner watches the network.
pub fn initial_effects(m: &Model) -> Vec<Effect> {
    if m.kiosk.is_some() {
        vec![Effect::WatchNetwork]
    } else {
        Vec::new()
    }
}

/// A key, click or paste: someone is at the computer.
pub(super) fn touched(m: &mut Model) {
    let now = m.clock.instant;
    if let Some(k) = &mut m.kiosk {
        k.last_input = now;
        k.pristine = false;
    }
}

/// A timer beat: once the idle time has passed without a key, everything goes back to
/// the start.
pub(super) fn on_tick(m: &mut Model) -> Vec<Effect> {
    let due = m
        .kiosk
        .as_ref()
        .and_then(state::KioskState::idle_deadline)
        .is_some_and(|deadline| m.clock.instant >= deadline);
    if due {
        reset(m)
    } else {
        Vec::new()
    }
}

/// The runner saw the network (a route for IPv4 or IPv6) come or go.
pub(super) fn on_network(m: &mut Model, online: bool) {
    if let Some(k) = &mut m.kiosk {
        k.network = if online {
            Network::Online
        } else {
            Network::Offline
        };
    }
}

/// Back to the start screen with nothing of the last visitor left: the model is built
/// anew from the kiosk's prefill and the old one dropped, which wipes every text field
/// and every copy of the password (`Secret` and `TextField` zeroize on drop); the
/// strings that do not wipe themselves are wiped first. A run in progress is stopped and
/// its late messages dropped (a new generation). The PIN guesses made so far stay.
pub fn reset(m: &mut Model) -> Vec<Effect> {
    let Some(mut kiosk) = m.kiosk.take() else {
        return Vec::new();
    };
    let generation = m.run.generation;
    // The next visitor starts in the kiosk's own language, whatever the last one chose:
    // its catalog is loaded again (the switch keeps one language in memory); should that
    // fail now, the visitor gets the language on screen rather than none.
    let mut languages = std::mem::take(&mut m.languages);
    languages.problem = None;
    let catalog = if m.lang == m.start_lang {
        m.catalog.clone()
    } else {
        languages
            .reload(m.start_lang)
            .unwrap_or_else(|| m.catalog.clone())
    };
    let start_lang = m.start_lang;
    let mut fresh = Model::new(
        kiosk.prefill.clone(),
        kiosk.options.clone(),
        catalog,
        m.options,
        m.clock,
    );
    fresh.languages = languages;
    fresh.start_lang = start_lang;
    m.copy_text.zeroize();
    for input in std::iter::once(&mut m.input).chain(m.run.input.as_mut()) {
        if let Some(text) = &mut input.error_text {
            text.zeroize();
        }
        input.email.zeroize();
    }
    *m = fresh;
    m.run.generation = generation + 1;
    kiosk.pin = TextField::default();
    kiosk.pin_note = None;
    kiosk.pristine = true;
    kiosk.last_input = m.clock.instant;
    m.kiosk = Some(kiosk);
    vec![Effect::CancelChecks]
}

/// Keys in kiosk mode, before the usual routing: `Some` when the kiosk took the key.
pub(super) fn key(m: &mut Model, k: KeyEvent) -> Option<Vec<Effect>> {
    let kiosk = m.kiosk.as_ref()?;
    if m.overlay() == Some(Overlay::AdminPin) {
        return Some(pin_key(m, k));
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    // In raw mode Ctrl-C, Ctrl-Z, Ctrl-\ (Ctrl-4 on some terminals) and Ctrl-D arrive as
    // keys: on a kiosk none of them leaves or suspends anything.
    if ctrl
        && matches!(
            k.code,
            KeyCode::Char('c' | 'C' | 'z' | 'Z' | '\\' | '4' | 'd' | 'D')
        )
    {
        return Some(Vec::new());
    }
    if kiosk.network == Network::Offline {
        // Over the no-network screen only the administrator's way out works.
        let quit = matches!(k.code, KeyCode::F(10))
            || (ctrl && matches!(k.code, KeyCode::Char('q' | 'Q')))
            || plain_char(&k) == Some('q');
        if quit {
            open_pin(m);
        }
        return Some(Vec::new());
    }
    None
}

/// `q`, F10 or a Quit button on a kiosk: the PIN question (or, without a PIN, the note
/// that quitting is turned off).
pub(super) fn open_pin(m: &mut Model) {
    m.overlays.retain(|o| *o != Overlay::AdminPin);
    m.overlays.push(Overlay::AdminPin);
    if let Some(k) = &mut m.kiosk {
        k.pin = TextField::default();
        k.pin_note = None;
    }
}

fn close_pin(m: &mut Model) {
    m.overlays.retain(|o| *o != Overlay::AdminPin);
    if let Some(k) = &mut m.kiosk {
        k.pin = TextField::default();
        k.pin_note = None;
    }
}

/// Keys while the PIN question is open: the field, Enter to try, Esc to go back.
fn pin_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let now = m.clock.instant;
    let Some(kiosk) = &mut m.kiosk else {
        return Vec::new();
    };
    match k.code {
        KeyCode::Esc => close_pin(m),
        KeyCode::Enter => {
            let Some(hash) = kiosk.config.admin_pin.clone() else {
                close_pin(m);
                return Vec::new();
            };
            if let Some(wait) = kiosk.guesses.wait(now) {
                kiosk.pin_note = Some(PinNote::Wait(wait));
            } else if hash.verify(kiosk.pin.value()) {
                kiosk.guesses.succeeded();
                kiosk.pin = TextField::default();
                return vec![Effect::CancelChecks, Effect::Exit(0)];
            } else {
                kiosk.guesses.failed(now);
                kiosk.pin_note = Some(match kiosk.guesses.wait(now) {
                    Some(wait) => PinNote::Wait(wait),
                    None => PinNote::Wrong,
                });
            }
            kiosk.pin = TextField::default();
        }
        _ if kiosk.can_quit() => {
            edit(&mut kiosk.pin, &k);
        }
        _ => {}
    }
    Vec::new()
}
