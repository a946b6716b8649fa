//! Kiosk mode's command line with the real binary: the PIN hash made from standard input
//! round-trips (and a PIN is never an argument), `kiosk check-config` reports problems with
//! file, line and column and accepts the documented example, and `--kiosk` refuses the
//! options a kiosk takes from its configuration.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use smtp_doctor::kiosk::PinHash;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn hash_pin_prints_a_line_that_verifies_the_pin_read_from_stdin() {
    let out = run(&["kiosk", "hash-pin"], "5791-front-desk\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let hash = line
        .trim()
        .strip_prefix("admin_pin_hash = \"")
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{line}"));
    let parsed = PinHash::parse(hash).unwrap();
    assert!(parsed.verify("5791-front-desk"));
    assert!(!parsed.verify("5791-front-desk\n"));
    assert!(!line.contains("5791"), "the PIN is printed: {line}");
}

#[test]
fn a_pin_is_never_an_argument_and_a_short_one_is_refused() {
    let out = run(&["kiosk", "hash-pin", "5791"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["kiosk", "hash-pin"], "12\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("at least 4 characters"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_config_names_file_line_and_column() {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sdx-k-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("kiosk.toml");
    std::fs::write(
        &file,
        "idle_seconds = 600\nreports_dir = \"/srv/reports\"\n\n[locked]\ndns_server = \"nameserver\"\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let out = run(&["kiosk", "check-config", f], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!("{f}:5:14: locked.dns_server: `nameserver` is not an IP address with an optional port\n")
    );
    // The kiosk itself stops at once with the same position.
    let out = run(&["--kiosk", "--kiosk-config", f], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(&format!("{f}:5:14: locked.dns_server")),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_documented_example_is_valid() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/kiosk/kiosk.toml");
    let out = run(&["kiosk", "check-config", example.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    assert!(said.contains("valid; idle reset after 180 s"), "{said}");
    assert!(said.contains("quitting disabled"), "{said}");
}

#[test]
fn a_kiosk_takes_its_settings_only_from_its_configuration() {
    for args in [
        &["--kiosk", "--server", "smtp.example.test"][..],
        &["--kiosk", "--tree-extra", "x.toml"],
        &["--kiosk", "--timeout", "2"],
        &["--kiosk", "--email", "a@example.test"],
    ] {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("cannot be used with --kiosk"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = run(&["--kiosk-config", "k.toml"], "");
    assert_eq!(out.status.code(), Some(2));
    // Not a terminal: the kiosk says so instead of drawing.
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(["--kiosk"])
        .env("HOME", "/nonexistent-home")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("needs a terminal"),
        "{}",
        text(&out.stderr)
    );
}
