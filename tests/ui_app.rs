//! The whole wizard — loop, runner, engine, update and views — driven on a `TestBackend`
//! with scripted terminal events. No lab needed: one run cannot start (an unreadable
//! certificate file), the other fails fast against a name server that is not there.

use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures::channel::mpsc::{unbounded, UnboundedSender};
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::settings::{Input, Options};
use smtp_doctor::ui::app::{drive, Inbox, NoControl};
use smtp_doctor::ui::model::{Clock, Model, Screen};
use smtp_doctor::ui::UiOptions;

/// A `TestBackend` the test can read while the app draws on it.
#[derive(Clone)]
struct Shared(Arc<Mutex<TestBackend>>);

impl Shared {
    fn lock(&self) -> MutexGuard<'_, TestBackend> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn text(&self) -> String {
        let b = self.lock();
        let buf = b.buffer();
        let area = buf.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }
}

impl Backend for Shared {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.lock().draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.lock().hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.lock().show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.lock().get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.lock().set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.lock().clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.lock().clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.lock().size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.lock().window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.lock().flush()
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Waits (bounded: 200 × 25 ms) until the screen shows `what`.
async fn wait_for(screen: &Shared, what: &str) {
    for _ in 0..200 {
        if screen.text().contains(what) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("never showed {what:?}; the screen is:\n{}", screen.text());
}

fn model(prefill: Input, options: Options) -> Model {
    let catalog = Catalog::embedded().expect("embedded catalog");
    Model::new(
        prefill,
        options,
        catalog,
        UiOptions::default(),
        Clock::now(),
    )
}

async fn run_app(
    prefill: Input,
    options: Options,
    width: u16,
    height: u16,
    script: impl AsyncFnOnce(Shared, UnboundedSender<io::Result<Event>>),
) -> (io::Result<i32>, Model) {
    let screen = Shared(Arc::new(Mutex::new(TestBackend::new(width, height))));
    let mut terminal = Terminal::new(screen.clone()).expect("terminal");
    let mut m = model(prefill, options);
    let (tx, rx) = unbounded();
    let mut control = NoControl;
    let (code, ()) = tokio::join!(
        drive(&mut terminal, &mut m, rx, Inbox::new(), &mut control),
        script(screen, tx)
    );
    (code, m)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_that_cannot_start_show_a_way_forward() {
    let prefill = Input::new("alice@example.test");
    let options = Options {
        ca_file: Some("/nonexistent/smtp-doctor/ca.pem".into()),
        ..Options::default()
    };
    let (code, m) = run_app(prefill, options, 80, 24, async |screen, tx| {
        wait_for(&screen, "Why can't your mail be sent?").await;
        tx.unbounded_send(Ok(key(KeyCode::Char('2')))).unwrap();
        wait_for(&screen, "[alice@example.test").await;
        // The address came from the command line: the Check button has the focus.
        tx.unbounded_send(Ok(key(KeyCode::Enter))).unwrap();
        wait_for(&screen, "The checks could not start").await;
        assert!(screen.text().contains("/nonexistent/smtp-doctor/ca.pem"));
        // The screen reflows when the terminal grows.
        screen.lock().resize(120, 30);
        tx.unbounded_send(Ok(Event::Resize(120, 30))).unwrap();
        wait_for(&screen, "[›Use this computer's defaults‹]  [ Try again ]").await;
        assert_eq!(screen.lock().buffer().area.width, 120);
        tx.unbounded_send(Ok(key(KeyCode::Char('q')))).unwrap();
    })
    .await;
    assert_eq!(
        code.unwrap(),
        0,
        "nothing ran: quitting is immediate and not a failure"
    );
    assert_eq!(m.screen, Screen::Failure);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_goes_from_the_form_to_a_result() {
    // A name server that is not there: every lookup fails fast, and the tree concludes.
    let prefill = Input::new("");
    let options = Options {
        dns_server: Some("127.0.0.1:9".parse().unwrap()),
        timeout: Duration::from_millis(300),
        ..Options::default()
    };
    let (code, m) = run_app(prefill, options, 100, 30, async |screen, tx| {
        wait_for(&screen, "Why can't your mail be sent?").await;
        tx.unbounded_send(Ok(key(KeyCode::Down))).unwrap();
        tx.unbounded_send(Ok(key(KeyCode::Enter))).unwrap();
        wait_for(&screen, "Your account").await;
        for c in "bob@nothing.invalid".chars() {
            tx.unbounded_send(Ok(key(KeyCode::Char(c)))).unwrap();
        }
        tx.unbounded_send(Ok(key(KeyCode::Enter))).unwrap();
        for c in "smtp.nothing.invalid".chars() {
            tx.unbounded_send(Ok(key(KeyCode::Char(c)))).unwrap();
        }
        // Ctrl-Q is a quit request; no run yet, so it would end the app: use Tab to the button.
        for _ in 0..6 {
            tx.unbounded_send(Ok(key(KeyCode::Tab))).unwrap();
        }
        wait_for(&screen, "[›Check my settings‹]").await;
        tx.unbounded_send(Ok(key(KeyCode::Enter))).unwrap();
        wait_for(&screen, "Cause code:").await;
        tx.unbounded_send(Ok(key(KeyCode::Char('t')))).unwrap();
        wait_for(&screen, "Technical view").await;
        assert!(screen.text().contains("dns.server.a"), "{}", screen.text());
        tx.unbounded_send(Ok(key(KeyCode::Esc))).unwrap();
        wait_for(&screen, "Cause code:").await;
        tx.unbounded_send(Ok(key(KeyCode::Char('q')))).unwrap();
    })
    .await;
    assert_eq!(m.screen, Screen::Result);
    assert!(m.reached_result);
    assert_eq!(code.unwrap(), 1, "a problem was found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_ends_when_the_terminal_input_ends() {
    let (code, _) = run_app(
        Input::new(""),
        Options::default(),
        80,
        24,
        async |screen, tx| {
            wait_for(&screen, "Why can't your mail be sent?").await;
            drop(tx);
        },
    )
    .await;
    assert_eq!(code.unwrap(), 0);
}
