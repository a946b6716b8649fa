//! The systemd journal, for hosts whose mail programs log only there (Debian 12 without
//! rsyslog): `journalctl --since @S --until @U -o json` (with `--grep` for the address and
//! the account when journalctl has PCRE2), read line by line as it streams, each record
//! checked in-process (mail programs only, the address or account as a whole token).
//!
//! Bounds: journalctl is killed after `command_timeout x JOURNAL_TIME_FACTOR` (reading a
//! day of a busy journal takes far longer than one `iptables-save`, and a partial result is
//! still worth having), after `JOURNAL_MAX_RECORDS` records, and a record longer than
//! `JOURNAL_MAX_LINE` bytes is skipped.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::server::context::Window;
use crate::server::exec::{self, ExecError};
use crate::server::model::{escape_control, LogEntry, SourceEntry, SourceStatus};

use super::classify::classify;
use super::entries::{account_line_counts, make_entry, Kept};
use super::line::{family_of, Family};
use super::matcher::Matcher;
use super::time::rfc3339;

/// journalctl's time budget is the command budget times this.
pub const JOURNAL_TIME_FACTOR: u32 = 6;
/// Records read at most (a day of a busy server's mail lines is well below).
pub const JOURNAL_MAX_RECORDS: u64 = 5_000_000;
/// A JSON record longer than this is skipped.
pub const JOURNAL_MAX_LINE: usize = 1 << 20;

/// What this journalctl can do, from `journalctl --version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JournalFeatures {
    /// `--grep` (systemd 237+, built with PCRE2: `+PCRE2` in the feature list).
    pub grep: bool,
    /// `--output-fields` (systemd 236+).
    pub output_fields: bool,
}

/// Reads `journalctl --version` output (`systemd 252 (252.38-1~deb12u1)\n+PAM ... +PCRE2`).
pub fn parse_version(text: &str) -> JournalFeatures {
    let version: u32 = text
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let pcre2 = text.split_whitespace().any(|w| w == "+PCRE2");
    JournalFeatures {
        grep: version >= 237 && pcre2,
        output_fields: version >= 236,
    }
}

/// The fields the scanner reads.
pub const OUTPUT_FIELDS: &str = "SYSLOG_IDENTIFIER,SYSLOG_PID,_PID,MESSAGE,_HOSTNAME,_COMM";

/// A PCRE2 pattern that matches the address or the account literally (it is lower-case, so
/// journalctl matches it regardless of case).
pub fn grep_pattern(matcher: &Matcher) -> String {
    let mut parts = vec![regex_escape(&String::from_utf8_lossy(
        matcher.address_text(),
    ))];
    if let Some(a) = matcher.account_text() {
        parts.push(regex_escape(&String::from_utf8_lossy(a)));
    }
    parts.join("|")
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '@' || c == '_' || c == '-' || !c.is_ascii() {
            out.push(c);
        } else if c.is_ascii_graphic() || c == ' ' {
            out.push('\\');
            out.push(c);
        } else {
            let _ = write!(out, "\\x{{{:x}}}", c as u32);
        }
    }
    out.to_ascii_lowercase()
}

/// journalctl's arguments for `window`.
pub fn journal_args(
    window: Window,
    features: JournalFeatures,
    pattern: Option<&str>,
) -> Vec<String> {
    let mut args = vec![
        "--since".to_string(),
        format!("@{}", window.since),
        "--until".to_string(),
        format!("@{}", window.until),
        "--output=json".to_string(),
        "--no-pager".to_string(),
    ];
    if features.output_fields {
        args.push(format!("--output-fields={OUTPUT_FIELDS}"));
    }
    if let (true, Some(p)) = (features.grep, pattern) {
        args.push(format!("--grep={p}"));
    }
    args
}

/// One journal record, as far as the scanner cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalRecord {
    pub unix: i64,
    pub identifier: String,
    pub pid: Option<String>,
    pub host: Option<String>,
    pub message: String,
}

/// Parses one line of `journalctl -o json`. `MESSAGE` is a string, or an array of byte values
/// when it is not printable UTF-8 (then decoded lossily).
pub fn parse_record(json: &str) -> Option<JournalRecord> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let obj = v.as_object()?;
    let text = |k: &str| -> Option<String> {
        match obj.get(k)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(bytes) => {
                let raw: Vec<u8> = bytes
                    .iter()
                    .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                    .collect();
                Some(String::from_utf8_lossy(&raw).into_owned())
            }
            _ => None,
        }
    };
    let micros: i64 = text("__REALTIME_TIMESTAMP")?.parse().ok()?;
    Some(JournalRecord {
        unix: micros.div_euclid(1_000_000),
        identifier: text("SYSLOG_IDENTIFIER").or_else(|| text("_COMM"))?,
        pid: text("SYSLOG_PID").or_else(|| text("_PID")),
        host: text("_HOSTNAME"),
        message: text("MESSAGE")?,
    })
}

/// The record as a syslog-style line: `2026-12-01T10:38:40Z mail postfix/smtpd[7584]: text`.
pub fn record_line(r: &JournalRecord) -> String {
    let mut s = rfc3339(r.unix);
    if let Some(h) = &r.host {
        s.push(' ');
        s.push_str(h);
    }
    s.push(' ');
    s.push_str(&r.identifier);
    if let Some(p) = &r.pid {
        s.push('[');
        s.push_str(p);
        s.push(']');
    }
    s.push_str(": ");
    s.push_str(&r.message);
    s
}

/// The entry for a record about the client or account, `None` for another program or a
/// record that does not mention them.
pub fn record_entry(r: &JournalRecord, matcher: &Matcher, window: Window) -> Option<LogEntry> {
    let family = family_of(&r.identifier);
    if family == Family::Other || !window.contains(r.unix) {
        return None;
    }
    let mention = matcher.mentions(r.message.as_bytes());
    if !mention.any() {
        return None;
    }
    let c = classify(family, &r.message);
    if !mention.client && !account_line_counts(c.event) {
        return None;
    }
    Some(make_entry(
        "journal",
        &record_line(r),
        &r.identifier,
        r.unix,
        &c,
    ))
}

/// Reads one line of at most `max` bytes into `buf` (without the newline). `Ok(None)` at the
/// end; `Ok(Some(false))` for a line that was too long (its bytes are skipped).
pub fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if any { Some(!too_long) } else { None });
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(available.len());
        r.consume(used);
        if done.is_some() {
            return Ok(Some(!too_long));
        }
    }
}

/// Where the journal's records come from: `program` is `journalctl` (tests give another).
pub struct JournalRun<'a> {
    pub program: &'a str,
    pub window: Window,
    /// The budget of one command (`journalctl --version`); the read gets
    /// `JOURNAL_TIME_FACTOR` times it.
    pub command_timeout: Duration,
    pub max_records: u64,
}

/// A running journalctl with a watchdog that kills it when the budget is spent, and a
/// thread that drains its standard error.
struct Watched {
    child: Arc<Mutex<Child>>,
    stop: mpsc::Sender<()>,
    watchdog: std::thread::JoinHandle<bool>,
    stderr: std::thread::JoinHandle<String>,
}

/// How the run ended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunEnd {
    pub timed_out: bool,
    /// The exit code (`None`: killed or not known).
    pub code: Option<i32>,
    pub stderr: String,
}

impl Watched {
    fn spawn(
        program: &str,
        args: &[String],
        budget: Duration,
    ) -> io::Result<(Watched, ChildStdout)> {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("LC_ALL", "C")
            .env("SYSTEMD_PAGER", "")
            .spawn()?;
        let (Some(stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("no output pipe"));
        };
        let stderr = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut buf);
            // Keep draining so that a chatty journalctl never blocks on a full pipe.
            let _ = io::copy(&mut stderr, &mut io::sink());
            String::from_utf8_lossy(&buf).into_owned()
        });
        // The watchdog only touches the child before it is reaped: `finish` waits for the
        // child after the watchdog has ended.
        let child = Arc::new(Mutex::new(child));
        let (stop, stop_rx) = mpsc::channel::<()>();
        let watched = Arc::clone(&child);
        let watchdog = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = stop_rx.recv_timeout(budget) {
                if let Ok(mut c) = watched.lock() {
                    let _ = c.kill();
                }
                return true;
            }
            false
        });
        Ok((
            Watched {
                child,
                stop,
                watchdog,
                stderr,
            },
            stdout,
        ))
    }

    /// Ends the run (killing journalctl when `kill`) and reaps it. Call after the output
    /// reader is dropped or at its end.
    fn finish(self, kill: bool) -> RunEnd {
        let _ = self.stop.send(());
        let timed_out = self.watchdog.join().unwrap_or(false);
        let status = match self.child.lock() {
            Ok(mut c) => {
                if kill {
                    let _ = c.kill();
                }
                c.wait().ok()
            }
            Err(_) => None,
        };
        RunEnd {
            timed_out,
            code: status.and_then(|s| s.code()),
            stderr: self.stderr.join().unwrap_or_default(),
        }
    }
}

/// What was read from journalctl's output.
#[derive(Debug, Default)]
pub struct Collected {
    pub entries: Vec<LogEntry>,
    /// Matching lines beyond the kept ones.
    pub dropped: usize,
    pub records: u64,
    pub skipped_long: u64,
    pub hit_limit: bool,
    pub error: Option<io::Error>,
}

/// Reads JSON records up to `max_records`, keeping the client's (prefiltered like the file
/// reader; a `MESSAGE` that is not text is an array and always parsed).
pub fn collect(
    reader: &mut dyn BufRead,
    matcher: &Matcher,
    window: Window,
    max_records: u64,
) -> Collected {
    let mut out = Collected::default();
    let mut kept = Kept::new();
    let mut line = Vec::new();
    let needles = matcher.needles();
    loop {
        match read_line_bounded(reader, &mut line, JOURNAL_MAX_LINE) {
            Ok(None) => break,
            Ok(Some(false)) => out.skipped_long += 1,
            Ok(Some(true)) => {
                out.records += 1;
                let candidate = needles
                    .iter()
                    .any(|n| memchr::memmem::find(&line, n).is_some())
                    || memchr::memmem::find(&line, b"\"MESSAGE\":[").is_some();
                if candidate {
                    if let Some(entry) = std::str::from_utf8(&line)
                        .ok()
                        .and_then(parse_record)
                        .and_then(|r| record_entry(&r, matcher, window))
                    {
                        kept.push(entry);
                    }
                }
                if out.records >= max_records {
                    out.hit_limit = true;
                    break;
                }
            }
            Err(e) => {
                out.error = Some(e);
                break;
            }
        }
    }
    (out.entries, out.dropped) = kept.into_parts();
    out
}

/// The source's status and what to add to its detail, from how the run ended.
pub fn run_status(
    c: &Collected,
    end: &RunEnd,
    grep: bool,
    budget: Duration,
    max_records: u64,
) -> (SourceStatus, String) {
    let first_err = end
        .stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let lower = end.stderr.to_ascii_lowercase();
    if end.timed_out {
        (
            SourceStatus::Error,
            format!("; stopped after {:.1} s (partial)", budget.as_secs_f64()),
        )
    } else if c.hit_limit {
        (
            SourceStatus::Error,
            format!("; stopped after {max_records} records (partial)"),
        )
    } else if let Some(e) = &c.error {
        (SourceStatus::Error, format!("; read error: {e}"))
    } else if lower.contains("no journal files were found") {
        (
            SourceStatus::Absent,
            "; no journal files on this host".to_string(),
        )
    } else if lower.contains("insufficient permissions")
        || lower.contains("not seeing messages from other users")
    {
        (
            SourceStatus::Denied,
            "; journalctl shows only part of the journal (run as root)".to_string(),
        )
    } else if grep && end.code == Some(1) && first_err.is_empty() {
        // journalctl --grep exits 1 when no record matched, like grep (systemd 252).
        (SourceStatus::Read, String::new())
    } else if end.code.is_some_and(|c| c != 0) {
        (
            SourceStatus::Error,
            format!("; journalctl failed: {}", escape_control(first_err)),
        )
    } else {
        (SourceStatus::Read, String::new())
    }
}

/// Runs journalctl and returns the `journal` source entry and the client's records. `why`
/// says why the journal is read (for the detail).
pub fn read_journal(
    run: &JournalRun<'_>,
    matcher: &Matcher,
    why: &str,
) -> (SourceEntry, Vec<LogEntry>) {
    let entry = |status, detail: String| SourceEntry::new("journal", status, detail);
    let features = match exec::run(run.program, &["--version"], run.command_timeout) {
        Ok(text) => parse_version(&text),
        Err(ExecError::NotFound { .. }) => {
            let detail = format!("{why}; journalctl is not installed");
            return (entry(SourceStatus::Absent, detail), Vec::new());
        }
        Err(e) => return (entry(e.status(), format!("{why}; {e}")), Vec::new()),
    };
    let args = journal_args(run.window, features, Some(&grep_pattern(matcher)));
    let budget = run.command_timeout.saturating_mul(JOURNAL_TIME_FACTOR);
    let started = Instant::now();
    let (watched, stdout) = match Watched::spawn(run.program, &args, budget) {
        Ok(w) => w,
        Err(e) => {
            let status = if e.kind() == io::ErrorKind::PermissionDenied {
                SourceStatus::Denied
            } else {
                SourceStatus::Error
            };
            return (entry(status, format!("{why}; journalctl: {e}")), Vec::new());
        }
    };
    let mut reader = BufReader::with_capacity(256 * 1024, stdout);
    let collected = collect(&mut reader, matcher, run.window, run.max_records);
    drop(reader);
    let end = watched.finish(collected.hit_limit);
    let (status, note) = run_status(&collected, &end, features.grep, budget, run.max_records);
    if status == SourceStatus::Absent {
        return (entry(status, format!("{why}{note}")), Vec::new());
    }
    let matching = collected.entries.len() + collected.dropped;
    let mut detail = format!(
        "{why}; read in {:.1} s: {} records{}, {} in the window",
        started.elapsed().as_secs_f64(),
        collected.records,
        if features.grep {
            " matched journalctl --grep"
        } else {
            ""
        },
        if matching == 1 {
            "1 matching line".to_string()
        } else {
            format!("{matching} matching lines")
        }
    );
    if collected.dropped > 0 {
        let _ = write!(detail, "; only the latest {} kept", collected.entries.len());
    }
    if collected.skipped_long > 0 {
        let _ = write!(
            detail,
            "; {} records over {JOURNAL_MAX_LINE} bytes skipped",
            collected.skipped_long
        );
    }
    detail.push_str(&note);
    (entry(status, detail), collected.entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::model::LogEvent;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/server/logs/journal.json");

    #[test]
    fn version_features() {
        let debian12 = "systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY";
        assert_eq!(
            parse_version(debian12),
            JournalFeatures {
                grep: true,
                output_fields: true
            }
        );
        let no_pcre = "systemd 252 (252)\n+PAM -PCRE2";
        assert_eq!(
            parse_version(no_pcre),
            JournalFeatures {
                grep: false,
                output_fields: true
            }
        );
        let old = "systemd 219\n+PAM +AUDIT";
        assert_eq!(
            parse_version(old),
            JournalFeatures {
                grep: false,
                output_fields: false
            }
        );
        assert_eq!(
            parse_version(""),
            JournalFeatures {
                grep: false,
                output_fields: false
            }
        );
    }

    #[test]
    fn arguments() {
        let m = Matcher::new(
            "198.51.100.7".parse().unwrap(),
            Some("alice+x@example.test"),
        );
        assert_eq!(grep_pattern(&m), r"198\.51\.100\.7|alice\+x@example\.test");
        let w = Window {
            since: 100,
            until: 200,
        };
        let args = journal_args(
            w,
            JournalFeatures {
                grep: true,
                output_fields: true,
            },
            Some("p"),
        );
        assert_eq!(
            args,
            [
                "--since",
                "@100",
                "--until",
                "@200",
                "--output=json",
                "--no-pager",
                "--output-fields=SYSLOG_IDENTIFIER,SYSLOG_PID,_PID,MESSAGE,_HOSTNAME,_COMM",
                "--grep=p"
            ]
        );
        let args = journal_args(
            w,
            JournalFeatures {
                grep: false,
                output_fields: false,
            },
            Some("p"),
        );
        assert_eq!(args.len(), 6);
    }

    #[test]
    fn real_records() {
        let records: Vec<JournalRecord> = FIXTURE.lines().filter_map(parse_record).collect();
        assert_eq!(records.len(), FIXTURE.lines().count());
        let r = records
            .iter()
            .find(|r| {
                r.message
                    .starts_with("warning: client7.example.test[198.51.100.7]: SASL LOGIN")
            })
            .unwrap();
        assert_eq!(r.identifier, "postfix/submission/smtpd");
        assert!(r.unix > 1_700_000_000);
        // Not UTF-8: an array of bytes, decoded lossily.
        let bad = records.iter().find(|r| r.message.contains("bad")).unwrap();
        assert_eq!(bad.message, "connect from bad\u{fffd}byte[198.51.100.7]");
        // An escape byte, also an array; escaped in the entry's line.
        let m = Matcher::new("198.51.100.7".parse().unwrap(), None);
        let all = Window {
            since: 0,
            until: i64::MAX,
        };
        let hostile = records
            .iter()
            .find(|r| r.message.contains("hostile"))
            .unwrap();
        let e = record_entry(hostile, &m, all).unwrap();
        assert!(e.line.contains("hostile\\u{1b}[31m"), "{}", e.line);
        assert_eq!(e.event, LogEvent::AuthFailed);
    }

    #[test]
    fn entries_from_the_real_journal() {
        let m = Matcher::new("198.51.100.7".parse().unwrap(), Some("alice@example.test"));
        let all = Window {
            since: 0,
            until: i64::MAX,
        };
        let entries: Vec<LogEntry> = FIXTURE
            .lines()
            .filter_map(parse_record)
            .filter_map(|r| record_entry(&r, &m, all))
            .collect();
        // journald's own records never count; .71 and ::7a lines only for the account.
        assert!(entries.iter().all(|e| e.program != "systemd-journald"));
        assert!(entries.iter().all(|e| !e.line.contains("198.51.100.71]")
            || matches!(
                e.event,
                LogEvent::AuthOk | LogEvent::AuthFailed | LogEvent::Rejected | LogEvent::TlsFailed
            )));
        let from_other = entries
            .iter()
            .filter(|e| e.line.contains("203.0.113.9"))
            .count();
        assert!(from_other >= 3, "{from_other}");
        let first = &entries[0];
        assert!(first.line.starts_with(&first.time), "{}", first.line);
        assert_eq!(first.file, "journal");
        let dovecot = entries.iter().find(|e| e.program == "dovecot").unwrap();
        assert_eq!(dovecot.event, LogEvent::AuthFailed);
        assert_eq!(dovecot.reply.as_deref(), Some("Password mismatch"));
    }

    #[test]
    fn how_a_run_ends() {
        let ok = Collected::default();
        let d = Duration::from_secs(60);
        let end = |code: Option<i32>, stderr: &str, timed_out: bool| RunEnd {
            timed_out,
            code,
            stderr: stderr.to_string(),
        };
        assert_eq!(
            run_status(&ok, &end(Some(0), "", false), true, d, 9).0,
            SourceStatus::Read
        );
        // Nothing matched --grep: exit 1, silent.
        assert_eq!(
            run_status(&ok, &end(Some(1), "", false), true, d, 9).0,
            SourceStatus::Read
        );
        assert_eq!(
            run_status(&ok, &end(Some(1), "", false), false, d, 9).0,
            SourceStatus::Error
        );
        let (s, note) = run_status(&ok, &end(None, "", true), true, d, 9);
        assert_eq!(
            (s, note.as_str()),
            (SourceStatus::Error, "; stopped after 60.0 s (partial)")
        );
        let hint = "Hint: You are currently not seeing messages from other users and the system.";
        assert_eq!(
            run_status(&ok, &end(Some(0), hint, false), true, d, 9).0,
            SourceStatus::Denied
        );
        let no_files = "No journal files were found.";
        assert_eq!(
            run_status(&ok, &end(Some(0), no_files, false), true, d, 9).0,
            SourceStatus::Absent
        );
        let (s, note) = run_status(
            &ok,
            &end(Some(1), "Failed to \x1b[31mopen", false),
            true,
            d,
            9,
        );
        assert_eq!(
            (s, note.as_str()),
            (
                SourceStatus::Error,
                "; journalctl failed: Failed to \\u{1b}[31mopen"
            )
        );
        let limit = Collected {
            hit_limit: true,
            ..Collected::default()
        };
        assert_eq!(
            run_status(&limit, &end(None, "", false), true, d, 9).1,
            "; stopped after 9 records (partial)"
        );
    }

    #[test]
    fn collect_keeps_the_clients_records() {
        let m = Matcher::new("198.51.100.7".parse().unwrap(), None);
        let all = Window {
            since: 0,
            until: i64::MAX,
        };
        let mut r = io::BufReader::new(FIXTURE.as_bytes());
        let c = collect(&mut r, &m, all, u64::MAX);
        assert_eq!(c.records, FIXTURE.lines().count() as u64);
        assert!(!c.hit_limit && c.error.is_none());
        assert!(c.entries.iter().any(|e| e.line.contains("bad\u{fffd}byte")));
        let mut r = io::BufReader::new(FIXTURE.as_bytes());
        let c = collect(&mut r, &m, all, 10);
        assert_eq!((c.records, c.hit_limit), (10, true));
    }

    #[test]
    fn bounded_lines() {
        let data = b"short\nthis one is far too long\nok\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(ok) = read_line_bounded(&mut r, &mut buf, 10).unwrap() {
            got.push((ok, String::from_utf8_lossy(&buf).into_owned()));
        }
        assert_eq!(
            got,
            [
                (true, "short".to_string()),
                (false, String::new()),
                (true, "ok".to_string()),
                (true, "last".to_string())
            ]
        );
    }
}
