//! The command-line contract without a network: bad usage and unreadable files end with
//! exit status 2, one line on stderr naming the problem, and nothing on stdout.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .env_remove("SMTP_DOCTOR_NO_SUCH_VAR")
        .output()
        .expect("run the binary")
}

fn assert_usage_error(args: &[&str], needle: &str) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "{args:?}: not one line: {stderr}"
    );
    assert!(
        stderr.contains(needle),
        "{args:?}: {stderr:?} lacks {needle:?}"
    );
}

#[test]
fn missing_email() {
    assert_usage_error(&["check"], "--email");
}

#[test]
fn bad_option_values() {
    assert_usage_error(
        &["check", "--email", "a@b.test", "--security", "ssl3"],
        "ssl3",
    );
    assert_usage_error(
        &["check", "--email", "a@b.test", "--port", "99999"],
        "99999",
    );
    assert_usage_error(&["check", "--email", "a@b.test", "--timeout", "0"], "0");
    assert_usage_error(
        &["check", "--email", "not-an-address"],
        "not an e-mail address",
    );
}

#[test]
fn a_password_is_never_taken_as_an_argument() {
    assert_usage_error(
        &["check", "--email", "a@b.test", "--password", "hunter2"],
        "--password",
    );
}

#[test]
fn unset_password_variable() {
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--password-env",
            "SMTP_DOCTOR_NO_SUCH_VAR",
        ],
        "SMTP_DOCTOR_NO_SUCH_VAR",
    );
}

#[test]
fn unreadable_files() {
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--ca-file",
            "/nonexistent/ca.pem",
        ],
        "/nonexistent/ca.pem",
    );
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--tree",
            "/nonexistent/tree.toml",
        ],
        "/nonexistent/tree.toml",
    );
}

#[test]
fn malformed_tree_names_file_line_and_column() {
    let path =
        std::env::temp_dir().join(format!("smtp-doctor-cli-tree-{}.toml", std::process::id()));
    std::fs::write(&path, "start = \"a\"\n[node.a]\nkind = \"check\"\nstep = \"settings\"\ntitle = \"A\"\nsignal = \"bogus\"\non = {}\n").unwrap();
    let p = path.display().to_string();
    assert_usage_error(
        &["check", "--email", "a@b.test", "--tree", &p],
        &format!("{p}:6:10: unknown signal `bogus`"),
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn help_and_version() {
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = run(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("--password-env"));
}
