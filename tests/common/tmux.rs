//! Driving a program in a real terminal: one tmux server per test (its own socket) and one
//! session, as the end-to-end tests of the wizard and the kiosk use them. Included by path
//! (`#[path = "common/tmux.rs"] mod tmux;`) so that a test needs nothing else of `common`.

use std::path::Path;
use std::process::{Command, Output};

/// A tmux session the test owns: the methods every end-to-end test needs.
pub trait Tmux {
    /// The tmux server's socket.
    fn socket(&self) -> &Path;
    /// The session's name.
    fn session(&self) -> &str;

    /// Runs a tmux command against this test's server.
    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(self.socket())
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// The visible screen as text.
    fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["capture-pane", "-p", "-t", self.session()])
                .stdout,
        )
        .into_owned()
    }

    /// Keys as tmux names them (`Enter`, `Tab`, `-l` and literal text).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session()];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success(), "send-keys {keys:?}");
    }
}
