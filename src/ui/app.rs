//! Owns the terminal: sets it up and always restores it (normal exit, Ctrl-C, SIGTERM,
//! a panic), and runs the loop that turns terminal events, facts and timer beats into
//! messages, applies them with `update`, runs the effects and draws — only when something
//! changed. Idle, it sleeps in `select!`: no timer runs unless checks do.
//!
//! The loop ([`drive`]) is generic over the ratatui backend and takes the event stream as
//! a parameter, so tests run the whole app on a `TestBackend` with scripted events.

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    EventStream, KeyEventKind, MouseEventKind,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use futures::{Stream, StreamExt};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::Terminal;
use tokio::sync::{mpsc, Notify};
use tokio::time::{interval, Interval, MissedTickBehavior};

use super::model::{Clock, Model};
use super::msg::Msg;
use super::runner::Runner;
use super::update::{initial_effects, update, EXIT_INTERRUPTED};
#[cfg(unix)]
use super::update::{EXIT_HANGUP, EXIT_TERMINATED};
use super::view;

/// How often elapsed times are redrawn while checks run.
const TICK: Duration = Duration::from_millis(250);
/// Messages in flight between the runner and the loop; the engine waits when it is full.
const INBOX: usize = 256;
/// How often a kiosk looks whether its terminal is still there.
const TERMINAL_CHECK: Duration = Duration::from_secs(2);
/// Exit status after a panic (as Rust's own).
pub const EXIT_PANIC: i32 = 101;

/// A panic anywhere (also in a check's task) ends the loop: the hook has restored the
/// terminal already, so the screen must not be drawn on again.
static PANICKED: Notify = Notify::const_new();
/// Whether the terminal is in full-screen mode, so that it is restored exactly once.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The channel every background message arrives on.
pub struct Inbox {
    pub tx: mpsc::Sender<Msg>,
    rx: mpsc::Receiver<Msg>,
}

impl Inbox {
    pub fn new() -> Inbox {
        let (tx, rx) = mpsc::channel(INBOX);
        Inbox { tx, rx }
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Inbox::new()
    }
}

/// Terminal modes outside the drawing backend (mouse capture goes off where the person
/// selects text to copy).
pub trait TerminalControl {
    fn set_mouse_capture(&mut self, on: bool) -> io::Result<()>;
}

/// For tests and backends without a real terminal.
pub struct NoControl;

impl TerminalControl for NoControl {
    fn set_mouse_capture(&mut self, _on: bool) -> io::Result<()> {
        Ok(())
    }
}

struct Crossterm;

impl TerminalControl for Crossterm {
    fn set_mouse_capture(&mut self, on: bool) -> io::Result<()> {
        if on {
            crossterm::execute!(io::stdout(), EnableMouseCapture)
        } else {
            crossterm::execute!(io::stdout(), DisableMouseCapture)
        }
    }
}

fn to_msg(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => Some(Msg::Key(k)),
        // Motion would wake the loop for nothing: only clicks and the wheel count.
        Event::Mouse(m)
            if matches!(
                m.kind,
                MouseEventKind::Down(_) | MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
            ) =>
        {
            Some(Msg::Mouse(m))
        }
        Event::Paste(s) => Some(Msg::Paste(s)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

async fn beat(tick: &mut Option<Interval>) {
    match tick {
        Some(t) => {
            t.tick().await;
        }
        None => std::future::pending().await,
    }
}

/// Kiosk mode's idle reset is due (a beat then lets `update` reset the model).
async fn idle(deadline: Option<std::time::Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d.into()).await,
        None => std::future::pending().await,
    }
}

fn io_err<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// The main loop. Returns the exit status.
pub async fn drive<B, S>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    mut events: S,
    inbox: Inbox,
    control: &mut dyn TerminalControl,
) -> io::Result<i32>
where
    B: Backend,
    S: Stream<Item = io::Result<Event>> + Unpin,
{
    let Inbox { tx, mut rx } = inbox;
    let mut runner = Runner::new(tx, model.catalog.clone());
    model.clock = Clock::now();
    let mut effects: VecDeque<_> = initial_effects(model).into();
    effects.extend(super::kiosk::initial_effects(model));
    let mut mouse = true;
    let mut tick: Option<Interval> = None;
    let mut dirty = true;
    loop {
        while let Some(effect) = effects.pop_front() {
            if let Some(code) = runner.execute(effect) {
                return Ok(code);
            }
        }
        if model.wants_mouse() != mouse {
            mouse = !mouse;
            control.set_mouse_capture(mouse)?;
        }
        if dirty {
            let mut rendered = None;
            terminal
                .draw(|frame| rendered = Some(view::render(frame, model)))
                .map_err(io_err)?;
            model.rendered = rendered.unwrap_or_default();
            dirty = false;
        }
        match (model.wants_tick(), tick.is_some()) {
            (true, false) => {
                let mut t = interval(TICK);
                t.set_missed_tick_behavior(MissedTickBehavior::Skip);
                tick = Some(t);
            }
            (false, true) => tick = None,
            _ => {}
        }
        let msg = tokio::select! {
            ev = events.next() => match ev {
                // The terminal went away: nothing more can be asked or shown.
                None => return Ok(model.exit_code()),
                Some(Err(e)) => return Err(e),
                Some(Ok(ev)) => match to_msg(ev) {
                    Some(m) => m,
                    None => continue,
                },
            },
            Some(m) = rx.recv() => m,
            () = beat(&mut tick) => Msg::Tick,
            () = idle(model.idle_deadline()) => Msg::Tick,
            () = PANICKED.notified() => return Ok(EXIT_PANIC),
        };
        model.clock = Clock::now();
        effects.extend(update(model, msg));
        // Take in whatever else has arrived, then draw once.
        while let Ok(m) = rx.try_recv() {
            model.clock = Clock::now();
            effects.extend(update(model, m));
        }
        dirty = true;
    }
}

/// Leaves full-screen mode; safe to call from a panic hook and more than once.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = crossterm::execute!(
            io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal when dropped, whatever way the wizard ends.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        // From here on the guard restores, also when the next step fails.
        let guard = TerminalGuard;
        crossterm::execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

type Hook = Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync + 'static>;

/// Restores the terminal before the panic message is printed, then wakes the loop.
fn install_panic_hook() -> Hook {
    let previous: Hook = Arc::from(std::panic::take_hook());
    let chained = previous.clone();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        chained(info);
        PANICKED.notify_one();
    }));
    previous
}

fn uninstall_panic_hook(previous: Hook) {
    let _ = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| previous(info)));
}

/// Turns SIGTERM, SIGINT and SIGHUP into a message, so the loop ends and the guard
/// restores the terminal (raw mode turns Ctrl-C into a key; SIGINT comes from `kill`).
/// A kiosk watches only SIGTERM and SIGHUP ([`watch_kiosk_signals`]): the others stay
/// ignored (`kiosk::signals`), since a handler here would replace that.
fn watch_signals(tx: mpsc::Sender<Msg>, kiosk: bool) {
    tokio::spawn(async move {
        #[cfg(unix)]
        if kiosk {
            watch_kiosk_signals(tx).await;
            return;
        }
        #[cfg(unix)]
        let code = {
            use tokio::signal::unix::{signal, SignalKind};
            let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
                signal(SignalKind::terminate()),
                signal(SignalKind::interrupt()),
                signal(SignalKind::hangup()),
            ) else {
                return;
            };
            tokio::select! {
                _ = term.recv() => EXIT_TERMINATED,
                _ = int.recv() => EXIT_INTERRUPTED,
                _ = hup.recv() => EXIT_HANGUP,
            }
        };
        // Elsewhere (Windows) only Ctrl-C exists as a signal.
        #[cfg(not(unix))]
        let code = {
            if tokio::signal::ctrl_c().await.is_err() {
                return;
            }
            EXIT_INTERRUPTED
        };
        let _ = tx.send(Msg::Signal(code)).await;
    });
}

/// A kiosk ends on SIGTERM (a service manager stopping it) and on a hangup only when the
/// terminal is really gone (a `kill -HUP` is ignored). The terminal is also looked at
/// every few seconds, in case a hangup came without the signal.
#[cfg(unix)]
async fn watch_kiosk_signals(tx: mpsc::Sender<Msg>) {
    use crate::kiosk::signals::terminal_alive;
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut hup)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::hangup()),
    ) else {
        return;
    };
    let mut every = interval(TERMINAL_CHECK);
    every.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let code = loop {
        tokio::select! {
            _ = term.recv() => break EXIT_TERMINATED,
            _ = hup.recv() => {}
            _ = every.tick() => {}
        }
        if !terminal_alive() {
            break EXIT_HANGUP;
        }
    };
    let _ = tx.send(Msg::Signal(code)).await;
}

/// Runs the wizard in this terminal until the person quits; returns the exit status.
pub fn run_terminal(mut model: Model) -> io::Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let previous_hook = install_panic_hook();
    let result = (|| {
        let _guard = TerminalGuard::enter()?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        terminal.clear()?;
        runtime.block_on(async {
            let inbox = Inbox::new();
            watch_signals(inbox.tx.clone(), model.kiosk.is_some());
            drive(
                &mut terminal,
                &mut model,
                EventStream::new(),
                inbox,
                &mut Crossterm,
            )
            .await
        })
    })();
    restore();
    // Connections still closing must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(100));
    uninstall_panic_hook(previous_hook);
    result
}
