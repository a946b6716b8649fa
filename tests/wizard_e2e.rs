//! The real binary's full-screen wizard in a real terminal (tmux), against the test lab of
//! `tests/lab/lab.sh`: from the start screen to a result, and the terminal restored after
//! `q`, Ctrl-C and SIGTERM; and on the PC of the namespaced lab (`tests/netlab/netlab.sh`),
//! the tree's questions answered in the wizard.
//!
//! Run with `sudo bash tests/run.sh` (brings the lab up, runs every test, takes it down).
//! Each test has its own tmux server (socket in its own working directory) and session,
//! killed by name when the test ends.

mod common;

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use common::{lab, EMAIL, PASSWORD, PASSWORD_ENV};

const WIDTH: &str = "100";
const HEIGHT: &str = "30";
/// Bounded waits: this many polls, 100 ms apart.
const POLLS: usize = 100;
/// Results may take a few network time-outs of 3 s: a longer bound for them.
const RESULT_POLLS: usize = 400;

/// One wizard in a detached tmux session; the session (and its server) go when dropped.
struct Session {
    /// The tmux server's socket, inside `dir` so that it goes with it.
    socket: std::path::PathBuf,
    name: String,
    /// The wizard's working directory (reports are saved there).
    dir: std::path::PathBuf,
}

impl Tmux for Session {
    fn socket(&self) -> &std::path::Path {
        &self.socket
    }

    fn session(&self) -> &str {
        &self.name
    }
}

impl Session {
    /// Starts `smtp-doctor ARGS` inside `bash -c '...; echo EXITED-$?; sleep 30'`, so that
    /// after the wizard ends the pane shows how it ended and what the shell screen looks like.
    fn start(test: &str, args: &[&str], password: Option<&str>) -> Session {
        Session::start_in(test, &[], args, password)
    }

    /// Like `start`, with the wizard run by `prefix` (e.g. `ip netns exec sdl-pc`).
    fn start_in(test: &str, prefix: &[&str], args: &[&str], password: Option<&str>) -> Session {
        let name = format!("smtp-doctor-e2e-{test}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).expect("a working directory");
        let s = Session {
            socket: dir.join("tmux.sock"),
            name,
            dir,
        };
        let bin = env!("CARGO_BIN_EXE_smtp-doctor");
        let quoted: Vec<String> = prefix
            .iter()
            .copied()
            .chain(std::iter::once(bin))
            .chain(args.iter().copied())
            .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
            .collect();
        let script = format!("{}; echo EXITED-$?; sleep 30", quoted.join(" "));
        let mut cmd = vec![
            "new-session".to_string(),
            "-d".into(),
            "-s".into(),
            s.name.clone(),
            "-x".into(),
            WIDTH.into(),
            "-y".into(),
            HEIGHT.into(),
            "-c".into(),
            s.dir.to_string_lossy().into_owned(),
            "-e".into(),
            format!("{PASSWORD_ENV}={}", password.unwrap_or("")),
            "-e".into(),
            "TERM=xterm-256color".into(),
        ];
        cmd.extend(["bash".into(), "-c".into(), script]);
        let out = s.tmux(&cmd.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        s
    }

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    fn alternate_screen(&self) -> bool {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Polls (bounded) until the screen shows one of `whats`; returns which one.
    fn wait_any(&self, whats: &[&str], polls: usize) -> usize {
        for _ in 0..polls {
            let screen = self.screen();
            if let Some(i) = whats.iter().position(|w| screen.contains(w)) {
                return i;
            }
            sleep(Duration::from_millis(100));
        }
        panic!(
            "the screen never showed any of {whats:?}; it shows:\n{}",
            self.screen()
        );
    }

    fn wait_for(&self, what: &str) {
        self.wait_any(&[what], POLLS);
    }

    /// The wizard's process (the shell's child), for signals.
    fn wizard_pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        for _ in 0..POLLS {
            let children = Command::new("pgrep")
                .args(["-P", &shell])
                .output()
                .expect("pgrep");
            if let Some(pid) = String::from_utf8_lossy(&children.stdout)
                .lines()
                .find_map(|l| l.trim().parse().ok())
            {
                return pid;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("no wizard process under the shell {shell}");
    }

    /// After the wizard ended: its exit status is shown and the normal screen is back.
    fn assert_ended(&self, status: i32) {
        self.wait_for(&format!("EXITED-{status}"));
        assert!(
            !self.alternate_screen(),
            "the alternate screen is still on:\n{}",
            self.screen()
        );
        let screen = self.screen();
        assert!(
            !screen.contains("smtp-doctor finds")
                && !screen.contains("Why can't your mail be sent?"),
            "the wizard's screen was left behind:\n{screen}"
        );
    }

    /// `q` on a result; if checks are still finishing the wizard asks first: yes.
    fn quit(&self) {
        self.keys(&["q"]);
        if self.wait_any(&["EXITED-", "Quit anyway?"], POLLS) == 1 {
            self.keys(&["y"]);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Not `self.tmux`: a panic here, while a failed test unwinds, would abort.
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["kill-session", "-t", &self.name])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The lab's options plus the account's settings.
fn lab_args(extra: &[&str]) -> Vec<String> {
    let lab = lab();
    let mut a: Vec<String> = vec![
        "--dns-server".into(),
        lab.dns.clone(),
        "--public-ip-dns".into(),
        lab.dns.clone(),
        "--reference".into(),
        common::LAB_REFERENCE.into(),
        "--ca-file".into(),
        lab.ca_file.to_string_lossy().into_owned(),
        "--timeout".into(),
        "3".into(),
    ];
    a.extend(extra.iter().map(std::string::ToString::to_string));
    a
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_working_account_is_confirmed() {
    let args = lab_args(&[
        "--email",
        EMAIL,
        "--server",
        "smtp.example.test",
        "--port",
        "587",
        "--security",
        "starttls",
        "--user",
        EMAIL,
        "--password-env",
        PASSWORD_ENV,
    ]);
    let s = Session::start("ok", &strs(&args), Some(PASSWORD));
    s.wait_for("Why can't your mail be sent?");
    assert!(s.alternate_screen());
    s.keys(&["2"]);
    s.wait_for("Your account");
    // The command line filled the form in; the password is never shown.
    let screen = s.screen();
    assert!(screen.contains("[smtp.example.test"), "{screen}");
    assert!(screen.contains("(•) STARTTLS"), "{screen}");
    assert!(!screen.contains(PASSWORD), "{screen}");
    s.wait_for("[›Check my settings‹]");
    s.keys(&["Enter"]);
    s.wait_any(&["✓ Sending works"], RESULT_POLLS);
    // The technical view is one key away and shows the redacted conversation.
    s.keys(&["t"]);
    s.wait_for("Technical view");
    assert!(s.screen().contains("ok.sending_works"), "{}", s.screen());
    // The transcript is at the end of the view.
    s.keys(&["End"]);
    s.wait_for("C: AUTH PLAIN [redacted]");
    assert!(!s.screen().contains(PASSWORD), "{}", s.screen());
    s.keys(&["Escape"]);
    s.wait_for("✓ Sending works");
    // The report is saved where the wizard runs, under the proposed name.
    s.keys(&["s"]);
    s.wait_for("[›Save‹]");
    s.keys(&["Enter"]);
    s.wait_for("Saved to ./smtp-doctor-report-");
    let saved: Vec<_> = std::fs::read_dir(&s.dir)
        .expect("the working directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let report = std::fs::read_to_string(&saved[0]).expect("the report");
    assert!(report.contains("ok.sending_works"), "{report}");
    assert!(!report.contains(PASSWORD), "{report}");
    s.keys(&["Escape"]);
    s.wait_for("✓ Sending works");
    s.quit();
    s.assert_ended(0);
}

#[test]
fn implicit_tls_on_the_starttls_port_is_named() {
    let args = lab_args(&[
        "--email",
        EMAIL,
        "--server",
        "smtp.example.test",
        "--port",
        "587",
        "--security",
        "tls",
        "--password-env",
        PASSWORD_ENV,
    ]);
    let s = Session::start("tls587", &strs(&args), Some(PASSWORD));
    s.wait_for("Why can't your mail be sent?");
    // Through the error-message screen, as a person with Outlook's message would go.
    s.keys(&["1"]);
    s.wait_for("What does the error message say?");
    s.type_text("Task 'alice@example.test - Sending' reported error (0x800CCC0F)");
    s.wait_for("closed the connection");
    s.keys(&["Enter"]);
    s.wait_for("(•) SSL/TLS");
    s.wait_for("[›Check my settings‹]");
    s.keys(&["Enter"]);
    s.wait_any(&["✗ Problem found"], RESULT_POLLS);
    assert!(s.screen().contains("STARTTLS"), "{}", s.screen());
    s.keys(&["t"]);
    s.wait_for("config.tls_on_starttls_port");
    s.keys(&["Escape"]);
    s.quit();
    s.assert_ended(1);
}

/// The differential step on a real network: the server's firewall drops this network
/// (namespaced lab, wizard on the PC). The wizard asks which Outlook, then for a try from a
/// phone hotspot; "it works there" makes it the server's block of this network's address.
#[test]
fn hotspot_answer_names_the_servers_block_of_this_network() {
    use common::netlab::{netlab_dir, require_netlab, Scenario, PUBLIC_IP, REFERENCE, TURN};

    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _scenario = Scenario::set("server-drop-client", 0);
    let ca = netlab_dir().join("pki/ca.pem");
    let args = [
        "--email",
        EMAIL,
        "--server",
        "smtp.example.test",
        "--port",
        "587",
        "--security",
        "starttls",
        "--password-env",
        PASSWORD_ENV,
        "--reference",
        REFERENCE,
        "--public-ip-dns",
        common::netlab::WHOAMI_DNS,
        "--ca-file",
        &ca.to_string_lossy(),
        "--timeout",
        "3",
    ];
    let s = Session::start_in(
        "hotspot",
        &["ip", "netns", "exec", "sdl-pc"],
        &args,
        Some(PASSWORD),
    );
    s.wait_for("Why can't your mail be sent?");
    s.keys(&["2"]);
    s.wait_for("[›Check my settings‹]");
    s.keys(&["Enter"]);
    s.wait_any(&["Which mail program shows the error?"], RESULT_POLLS);
    s.keys(&["1"]);
    s.wait_any(&["Does it go out from there?"], RESULT_POLLS);
    s.keys(&["1"]);
    s.wait_any(&["The mail server blocks this network"], RESULT_POLLS);
    // The fix names this network's public address, for the host's firewall.
    s.keys(&["End"]);
    s.wait_for(PUBLIC_IP);
    s.keys(&["t"]);
    s.wait_for("Technical view");
    s.wait_for("server.client_ip_blocked");
    s.keys(&["Escape"]);
    s.quit();
    s.assert_ended(1);
}

#[test]
fn terminal_is_restored_after_q() {
    let s = Session::start("q", &[], None);
    s.wait_for("Why can't your mail be sent?");
    s.keys(&["q"]);
    s.assert_ended(0);
}

#[test]
fn terminal_is_restored_after_ctrl_c() {
    let args = lab_args(&["--email", EMAIL, "--server", "smtp.example.test"]);
    let s = Session::start("ctrlc", &strs(&args), None);
    s.wait_for("Why can't your mail be sent?");
    s.keys(&["2"]);
    s.wait_for("Your account");
    s.keys(&["C-c"]);
    s.assert_ended(130);
}

#[test]
fn terminal_is_restored_after_sigterm() {
    let args = lab_args(&["--email", EMAIL]);
    let s = Session::start("term", &strs(&args), None);
    s.wait_for("Why can't your mail be sent?");
    let pid = s.wizard_pid();
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    s.assert_ended(143);
}
