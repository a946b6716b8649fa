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
fn malformed_blocklists_name_file_line_and_column() {
    let path = temp_file(
        "blocklists.toml",
        "[[list]]\nname = \"Lab\"\nzone = \"bl.lab.test\"\ndelist = \"https://lab.test/\"\n[[list.code]]\nanswer = \"10.0.0.2\"\nkind = \"listed\"\nmeaning = \"x\"\n",
    );
    let p = path.display().to_string();
    assert_usage_error(
        &["check", "--email", "a@b.test", "--blocklists", &p],
        &format!("--blocklists: {p}:6:10: `10.0.0.2` is not an answer in 127.0.0.0/8"),
    );
    let _ = std::fs::remove_file(&path);
    assert_usage_error(
        &[
            "check",
            "--email",
            "a@b.test",
            "--blocklists",
            "/nonexistent/lists.toml",
        ],
        "--blocklists: /nonexistent/lists.toml",
    );
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

/// Server mode's bad usage is refused before any source is read.
#[test]
fn server_needs_one_client_address() {
    assert_usage_error(&["server"], "--client-ip");
    assert_usage_error(
        &[
            "server",
            "--client-ip",
            "198.51.100.7",
            "--from-report",
            "r.json",
        ],
        "cannot be used with",
    );
    assert_usage_error(
        &["server", "--client-ip", "198.51.100.0/24"],
        "is a network",
    );
    assert_usage_error(
        &["server", "--client-ip", "mail.example.test"],
        "not an IPv4 or IPv6 address",
    );
}

#[test]
fn server_option_values() {
    for (since, needle) in [
        ("2", "needs a unit"),
        ("0h", "is zero"),
        ("2x", "not a duration"),
        ("60w", "longer than a year"),
    ] {
        assert_usage_error(
            &["server", "--client-ip", "198.51.100.7", "--since", since],
            needle,
        );
    }
    assert_usage_error(
        &["server", "--client-ip", "198.51.100.7", "--timeout", "0"],
        "--timeout",
    );
    assert_usage_error(
        &["server", "--client-ip", "198.51.100.7", "--yes"],
        "--apply",
    );
    assert_usage_error(
        &[
            "server",
            "--client-ip",
            "198.51.100.7",
            "--log",
            "/nonexistent/mail.log",
        ],
        "/nonexistent/mail.log",
    );
}

/// Without a terminal to ask on and without --yes, --apply refuses and changes nothing.
#[test]
fn server_apply_without_a_terminal_refuses() {
    assert_usage_error(
        &["server", "--client-ip", "198.51.100.7", "--apply"],
        "add --yes",
    );
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sdx-cm-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn server_unusable_customer_reports() {
    assert_usage_error(
        &["server", "--from-report", "/nonexistent/report.json"],
        "/nonexistent/report.json",
    );
    let broken = temp_file(
        "broken.json",
        "{\n  \"schema\": \"smtp-doctor/report/v1\",\n  oops\n}\n",
    );
    let p = broken.display().to_string();
    assert_usage_error(
        &["server", "--from-report", &p],
        &format!("{p}:3:3: not valid JSON"),
    );
    let no_ip = temp_file(
        "no-ip.md",
        "# smtp-doctor report for alice@example.test\n\n- Made: 2026-12-01T09:00:00Z (smtp-doctor 0.1.0)\n",
    );
    let p = no_ip.display().to_string();
    assert_usage_error(&["server", "--from-report", &p], "pass --client-ip");
    let other = temp_file("other.txt", "hello\n");
    let p = other.display().to_string();
    assert_usage_error(&["server", "--from-report", &p], "not a smtp-doctor report");
    for f in [broken, no_ip, other] {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn server_help_explains_the_window_and_apply() {
    let out = run(&["server", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "--client-ip",
        "--from-report",
        "--csf-dir",
        "--csf-state-dir",
        "--fail2ban-socket",
        "--fail2ban-db",
        "--postfix-config",
        "--exim-config",
        "--save",
        "centred on the time of the customer's test",
        "Nothing on the server is changed unless --apply",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}");
    }
}
