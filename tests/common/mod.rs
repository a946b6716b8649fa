//! Helpers for the integration tests that run `smtp-doctor` against the test lab
//! (`tests/lab/lab.sh`: real Postfix/Dovecot/dnsmasq on loopback addresses).
//!
//! The lab is brought up by `sudo bash tests/run.sh`, which exports `SMTP_DOCTOR_LAB`.
//!
//! Every JSON report a run prints is checked against `schemas/report-v1.schema.json`. With
//! `SMTP_DOCTOR_RECORD_FACTS=DIR` set, every `check` run also saves its input, facts and
//! conclusion (`--save-facts`) as `DIR/<test binary>__<test name>.toml`: the raw material
//! of the scenarios in `tests/scenarios/`.
#![allow(dead_code)]

pub mod netlab;
pub mod report;
pub mod schema;
pub mod serverlab;

use std::fmt::Write as _;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The running lab's DNS server (dnsmasq, authoritative for `.test`, no upstream).
pub const LAB_DNS: &str = "127.0.53.1:53";
/// A lab server on a machine (address) of its own, used as reference host.
pub const LAB_REFERENCE: &str = "ref.example.test";
/// The lab's account, on every server.
pub const EMAIL: &str = "alice@example.test";
pub const PASSWORD: &str = "correct horse battery staple";
/// The environment variable through which tests hand the password to the tool.
pub const PASSWORD_ENV: &str = "SMTP_DOCTOR_TEST_PASSWORD";
/// Names the folder where every `check` run saves its facts (see the module's notes).
pub const RECORD_FACTS: &str = "SMTP_DOCTOR_RECORD_FACTS";
/// Hard limit for one run of the tool; it is killed after that.
pub const RUN_LIMIT: Duration = Duration::from_secs(60);

pub struct Lab {
    pub dir: PathBuf,
    pub ca_file: PathBuf,
    /// "127.0.53.1:53"
    pub dns: String,
}

/// The running lab; panics with what to do when it is not up.
pub fn lab() -> Lab {
    let dir = PathBuf::from(
        std::env::var_os("SMTP_DOCTOR_LAB").unwrap_or_else(|| "/tmp/smtp-doctor-lab".into()),
    );
    assert!(
        dir.join("ready").is_file(),
        "the test lab is not running: run `sudo bash tests/run.sh` \
         (or `sudo bash tests/lab/lab.sh up` before `cargo test`); no {}",
        dir.join("ready").display()
    );
    Lab {
        ca_file: dir.join("pki").join("ca.pem"),
        dir,
        dns: LAB_DNS.to_string(),
    }
}

#[derive(Debug)]
pub struct CheckRun {
    /// Exit status; -1 when the tool was killed or died from a signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stdout parsed as JSON, when it is JSON.
    pub json: Option<serde_json::Value>,
}

impl CheckRun {
    /// The JSON report, or a panic that shows what the tool printed instead.
    pub fn report(&self) -> &serde_json::Value {
        match &self.json {
            Some(j) => j,
            None => panic!(
                "smtp-doctor printed no JSON report (exit {})\n--- stdout\n{}\n--- stderr\n{}",
                self.code, self.stdout, self.stderr
            ),
        }
    }

    /// `causes[0].code` of the report.
    pub fn primary_cause(&self) -> &str {
        self.report()["causes"][0]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("the report has no causes[0].code:\n{}", self.pretty()))
    }

    pub fn pretty(&self) -> String {
        match &self.json {
            Some(j) => serde_json::to_string_pretty(j).unwrap_or_default(),
            None => format!("(no JSON) stdout: {}\nstderr: {}", self.stdout, self.stderr),
        }
    }
}

/// Runs `smtp-doctor check --json --dns-server <lab> --ca-file <lab CA> --timeout 3 ARGS`,
/// handing `password` over through `SMTP_DOCTOR_TEST_PASSWORD` (`--password-env`).
pub fn run_check(args: &[&str], password: Option<&str>) -> CheckRun {
    run_check_as(true, args, password)
}

/// The same without `--json`: the human-readable report.
pub fn run_check_text(args: &[&str], password: Option<&str>) -> CheckRun {
    run_check_as(false, args, password)
}

fn run_check_as(json: bool, args: &[&str], password: Option<&str>) -> CheckRun {
    let lab = lab();
    let ca = lab.ca_file.to_string_lossy().into_owned();
    let mut full: Vec<&str> = vec!["check"];
    if json {
        full.push("--json");
    }
    // The public-address lookup and the reference host stay inside the lab too.
    full.extend([
        "--dns-server",
        &lab.dns,
        "--public-ip-dns",
        &lab.dns,
        "--reference",
        LAB_REFERENCE,
        "--ca-file",
        &ca,
        "--timeout",
        "3",
    ]);
    if password.is_some() {
        full.extend(["--password-env", PASSWORD_ENV]);
    }
    full.extend_from_slice(args);
    run_tool(&full, password)
}

/// Runs the binary with exactly `args`; `password` (if any) goes into `SMTP_DOCTOR_TEST_PASSWORD`.
/// Killed after [`RUN_LIMIT`].
/// Where a test's `check` asks for the public address when it names no lab server: the
/// discard port on loopback, where nothing listens.
pub const NO_WHOAMI: &str = "127.0.0.1:9";

pub fn run_tool(args: &[&str], password: Option<&str>) -> CheckRun {
    run_tool_in(None, args, password, &[])
}

/// The same, optionally inside network namespace `netns` (`ip netns exec`, which also
/// gives the namespace's own resolv.conf), with extra environment variables.
pub fn run_tool_in(
    netns: Option<&str>,
    args: &[&str],
    password: Option<&str>,
    env: &[(&str, &str)],
) -> CheckRun {
    let wrapper: Vec<&str> = match netns {
        Some(ns) => vec!["ip", "netns", "exec", ns],
        None => Vec::new(),
    };
    run_tool_wrapped(&wrapper, args, password, env)
}

/// The same, started through `wrapper` (a command that runs the binary it is given, e.g.
/// `ip netns exec NS setpriv --reuid nobody ...`); an empty wrapper runs it directly.
pub fn run_tool_wrapped(
    wrapper: &[&str],
    args: &[&str],
    password: Option<&str>,
    env: &[(&str, &str)],
) -> CheckRun {
    let bin = env!("CARGO_BIN_EXE_smtp-doctor");
    let mut cmd = match wrapper.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(bin);
            c
        }
        None => Command::new(bin),
    };
    for (k, v) in env {
        cmd.env(k, v);
    }
    let recording = recording_file(args);
    cmd.args(args);
    // Tests never ask the internet's who-am-I servers: a `check` that names no server of
    // its own asks a closed loopback port, which refuses at once.
    if args.first() == Some(&"check") && !args.contains(&"--public-ip-dns") {
        cmd.args(["--public-ip-dns", NO_WHOAMI]);
    }
    if let Some(file) = &recording {
        cmd.arg("--save-facts").arg(file);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove(PASSWORD_ENV)
        .env("NO_COLOR", "1");
    if let Some(p) = password {
        cmd.env(PASSWORD_ENV, p);
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start smtp-doctor: {e}"));
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });

    let start = Instant::now();
    let mut killed = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= RUN_LIMIT => {
                let _ = child.kill();
                killed = true;
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("waiting for smtp-doctor: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let mut stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    if killed {
        let _ = write!(
            stderr,
            "\n[test harness: smtp-doctor killed after {} s]",
            RUN_LIMIT.as_secs()
        );
    }
    let code = if killed {
        -1
    } else {
        status.and_then(|s| s.code()).unwrap_or(-1)
    };
    let json: Option<serde_json::Value> = serde_json::from_str(stdout.trim()).ok();
    if let Some(doc) = &json {
        if doc["schema"] == "smtp-doctor/report/v1" {
            schema::assert_valid_report(doc);
        }
        if doc["schema"] == "smtp-doctor/server-audit/v1" {
            schema::assert_valid_server_audit(doc);
        }
    }
    CheckRun {
        code,
        stdout,
        stderr,
        json,
    }
}

/// Where this `check` run saves its facts, when `SMTP_DOCTOR_RECORD_FACTS` names a folder:
/// `<test binary>__<test name>.toml`, then `.2.toml`, ... for a test's later runs. The name is
/// taken (the file created) here, so two runs never share one.
fn recording_file(args: &[&str]) -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os(RECORD_FACTS)?);
    if args.first() != Some(&"check") || args.contains(&"--save-facts") {
        return None;
    }
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("{RECORD_FACTS}: cannot create {}: {e}", dir.display()));
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("main").replace("::", "__");
    let stem = format!("{}__{test}", env!("CARGO_CRATE_NAME"));
    (1..1000).find_map(|n| {
        let name = match n {
            1 => format!("{stem}.toml"),
            n => format!("{stem}.{n}.toml"),
        };
        let path = dir.join(name);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .ok()
            .map(|_| path)
    })
}
