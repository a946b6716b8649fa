//! The real binary in a real terminal (tmux) with `LANG=de_DE.UTF-8`: the wizard starts in
//! German, the start screen's language switch says so, and the checks reach a result screen
//! that speaks the German wording.
//!
//! Needs root (a network namespace with only loopback, so that nothing can leave) and tmux;
//! no lab. The server is 127.0.0.1:2525, where nothing listens: the result comes at once.
//! The German sentences expected are read from the library (`text_in(Lang::De)`), so the
//! test follows the German translation as it grows: a sentence German has not translated
//! yet is English there too.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use smtp_doctor::i18n::Lang;
use smtp_doctor::ui::text::{fill, text_in};

/// Bounded waits: this many polls, 100 ms apart.
const POLLS: usize = 200;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

struct Wizard {
    base: PathBuf,
    socket: PathBuf,
    name: String,
}

impl Tmux for Wizard {
    fn socket(&self) -> &std::path::Path {
        &self.socket
    }

    fn session(&self) -> &str {
        &self.name
    }
}

impl Wizard {
    fn start(test: &str, env: &str, args: &str) -> Wizard {
        let name = format!("sdx-l-{test}-{}", std::process::id());
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join(&name);
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(base.join("home")).unwrap();
        let bin = env!("CARGO_BIN_EXE_smtp-doctor");
        let inner = format!(
            "ip link set lo up && exec env -u LC_ALL -u LC_MESSAGES {env} HOME='{home}' '{bin}' {args}",
            home = base.join("home").display(),
        );
        let script = format!("unshare --net bash -c \"{inner}\"; echo EXITED-$?; sleep 30");
        let w = Wizard {
            socket: base.join("tmux.sock"),
            base,
            name,
        };
        let out = w.tmux(&[
            "new-session",
            "-d",
            "-s",
            &w.name,
            "-x",
            "80",
            "-y",
            "24",
            "-e",
            "TERM=xterm-256color",
            "bash",
            "-c",
            &script,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        w
    }

    fn type_slowly(&self, text: &str) {
        for c in text.chars() {
            self.keys(&["-l", &c.to_string()]);
            sleep(Duration::from_millis(15));
        }
    }

    fn wait_any(&self, whats: &[&str]) -> usize {
        for _ in 0..POLLS {
            let screen = self.screen();
            if let Some(i) = whats.iter().position(|w| screen.contains(w)) {
                return i;
            }
            sleep(Duration::from_millis(100));
        }
        panic!(
            "the screen never showed any of {whats:?}:\n{}",
            self.screen()
        );
    }
}

impl Drop for Wizard {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["kill-server"])
            .output();
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

/// The start screen's switch line in `lang`, as the binary must show it.
fn switch_line(lang: Lang) -> String {
    let t = text_in(lang);
    fill(
        &t.start.language,
        &[("name", lang.native_name()), ("key", &t.keys.language.key)],
    )
}

#[test]
fn with_a_german_locale_the_wizard_speaks_german_to_the_result() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let de = text_in(Lang::De);
    let en = text_in(Lang::En);
    // The German wording is there (the switch's line is translated with the switch).
    assert!(switch_line(Lang::De).starts_with("Sprache: Deutsch"));
    let w = Wizard::start(
        "de",
        "LANG=de_DE.UTF-8",
        "--dns-server 127.0.0.1:9 --public-ip-dns 127.0.0.1:9 --reference 127.0.0.1 --timeout 1",
    );
    w.wait_any(&[&switch_line(Lang::De)]);
    // The account form, then the checks against a port where nothing listens.
    w.keys(&["2"]);
    w.wait_any(&[&de.account.title]);
    w.type_slowly("besucher@example.test");
    w.keys(&["Tab"]);
    w.type_slowly("127.0.0.1");
    w.keys(&["Tab"]);
    w.type_slowly("2525");
    for _ in 0..5 {
        w.keys(&["Tab"]);
    }
    w.keys(&["Enter"]);
    // The result screen, in the German wording: its verdict word and its "Do this" heading.
    let verdicts = [
        de.result.problem.as_str(),
        de.result.unsure.as_str(),
        de.result.ok.as_str(),
    ];
    w.wait_any(&verdicts);
    w.wait_any(&[&de.result.do_this]);
    let screen = w.screen();
    assert!(screen.contains(&de.keys.quit.label), "{screen}");
    // Where German has its own words, the English ones are not on the screen.
    if de.result.do_this != en.result.do_this {
        assert!(!screen.contains(&en.result.do_this), "{screen}");
    }
    w.keys(&["q"]);
}

#[test]
fn lang_overrides_the_locale_and_an_unknown_tag_is_a_usage_error() {
    let bin = env!("CARGO_BIN_EXE_smtp-doctor");
    let out = Command::new(bin)
        .args(["check", "--email", "a@b.test", "--lang", "tlh"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("en, de, fr, es, it, pt-BR, nl"), "{err}");
    assert!(out.stdout.is_empty());
}
