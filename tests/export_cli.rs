//! `check --write-thunderbird/--write-mobileconfig/--incoming` usage without a network: what
//! cannot work is refused before any check, with exit status 2 and one line on stderr.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .output()
        .expect("run the binary")
}

fn assert_usage_error(args: &[&str], needle: &str) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    assert!(
        stderr.contains(needle),
        "{args:?}: {stderr:?} lacks {needle:?}"
    );
}

#[test]
fn a_profile_needs_the_incoming_server() {
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--write-mobileconfig",
            "x.mobileconfig",
        ],
        "--incoming",
    );
}

#[test]
fn a_bad_incoming_server_is_named() {
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--incoming",
            "smtp:h:25:none",
        ],
        "smtp",
    );
    assert_usage_error(
        &["check", "--email", "a@b.test", "--incoming", "imap:h:993"],
        "KIND:HOST:PORT:SECURITY",
    );
}

#[test]
fn an_existing_file_is_refused_before_any_check() {
    let path = std::env::temp_dir().join(format!("sd-export-cli-{}.xml", std::process::id()));
    std::fs::write(&path, "mine").unwrap();
    let p = path.to_string_lossy().into_owned();
    // The refusal comes before the checks: loopback is named only so nothing could leave.
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--server",
            "127.0.0.1",
            "--write-thunderbird",
            &p,
        ],
        "exists already",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    std::fs::remove_file(&path).unwrap();
}
