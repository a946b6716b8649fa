//! Server mode's log scan on the real Postfix, Dovecot and journal fixtures (and the Exim ones
//! written from its documentation): which lines count for a client and an account, window
//! filtering, year inference, gzip, the usual paths, the journal fallback through a stand-in
//! journalctl, and a property test that no line makes any parser panic.

use std::fmt::Write as _;
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use proptest::prelude::*;
use smtp_doctor::server::context::{Ctx, Paths, Window};
use smtp_doctor::server::logs::time::FixedZone;
use smtp_doctor::server::logs::{scan_with, ScanOptions};
use smtp_doctor::server::model::{LogEntry, LogEvent, LogOutcome, SourceStatus};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

static UTC: FixedZone = FixedZone(0);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/server/logs")
        .join(name)
}

fn unix(s: &str) -> i64 {
    OffsetDateTime::parse(s, &Rfc3339).unwrap().unix_timestamp()
}

/// A fresh folder for one test.
struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let d = std::env::temp_dir().join(format!(
            "smtp-doctor-server-logs-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    /// Copies a fixture in as `name`, last written at `mtime` (gives year-less lines a year).
    fn copy(&self, fixture_name: &str, name: &str, mtime: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::copy(fixture(fixture_name), &p).unwrap();
        set_mtime(&p, mtime);
        p
    }

    fn write(&self, name: &str, data: &[u8], mtime: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, data).unwrap();
        set_mtime(&p, mtime);
        p
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn set_mtime(p: &Path, mtime: &str) {
    let t =
        UNIX_EPOCH + Duration::from_secs(u64::try_from(unix(mtime)).expect("a time after 1970"));
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn ctx(client: &str, account: Option<&str>, since: &str, until: &str, logs: Vec<PathBuf>) -> Ctx {
    Ctx {
        client: client.parse::<IpAddr>().unwrap(),
        account: account.map(str::to_string),
        window: Window {
            since: unix(since),
            until: unix(until),
        },
        paths: Paths {
            logs,
            ..Paths::default()
        },
        command_timeout: Duration::from_secs(5),
        now: unix(until),
    }
}

fn opts(root: &Path, journalctl: &str) -> ScanOptions<'static> {
    ScanOptions {
        zone: &UTC,
        root: Box::leak(root.to_path_buf().into_boxed_path()),
        journalctl: Box::leak(journalctl.to_string().into_boxed_str()),
        // Small reads: every chunk boundary case is crossed many times.
        chunk: 4096,
    }
}

fn scan_files(c: &Ctx, root: &Path) -> LogOutcome {
    scan_with(c, &opts(root, "/nonexistent/journalctl"))
}

fn count(entries: &[LogEntry], event: LogEvent) -> usize {
    entries.iter().filter(|e| e.event == event).count()
}

/// An independent oracle on the fixture: lines naming `[IP]` (or `rip=IP,`) and holding `text`.
fn fixture_lines(name: &str, ip: &str, text: &str) -> usize {
    std::fs::read_to_string(fixture(name))
        .unwrap()
        .lines()
        .filter(|l| {
            (l.contains(&format!("[{ip}]"))
                || l.contains(&format!("rip={ip},"))
                || l.contains(&format!(",{ip})"))
                || l.contains(&format!(",{ip},")))
                && l.contains(text)
        })
        .count()
}

const DAY_START: &str = "2026-12-01T00:00:00Z";
const DAY_END: &str = "2026-12-01T23:59:59Z";
const WRITTEN: &str = "2026-12-01T12:00:00Z";

#[test]
fn postfix_and_dovecot_lines_about_the_client() {
    let d = Dir::new("client");
    let pf = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let dv = d.copy("dovecot.log", "dovecot.log", WRITTEN);
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            DAY_START,
            DAY_END,
            vec![pf.clone(), dv],
        ),
        &d.0,
    );
    let e = &out.entries;

    // Never the neighbour 198.51.100.71, never another address.
    assert!(e
        .iter()
        .all(|e| !e.line.contains("198.51.100.71") || e.line.contains("198.51.100.7]")));
    assert!(e.iter().all(|e| !e.line.contains("203.0.113.9")));
    // Sorted by time, RFC 3339 UTC, from both files.
    assert!(e.windows(2).all(|w| w[0].unix <= w[1].unix));
    assert!(e
        .iter()
        .all(|e| e.time.starts_with("2026-12-01T10:") && e.time.ends_with('Z')));
    assert!(e.iter().any(|e| e.program == "dovecot"));
    assert!(e.iter().any(|e| e.program == "postfix/submission/smtpd"));
    assert!(e.iter().any(|e| e.program == "postfix/postscreen"));

    assert_eq!(
        count(e, LogEvent::Connect),
        fixture_lines("postfix-maillog.log", "198.51.100.7", ": connect from ")
            + fixture_lines("postfix-maillog.log", "198.51.100.7", ": CONNECT from ")
    );
    let sasl_failed = fixture_lines(
        "postfix-maillog.log",
        "198.51.100.7",
        "authentication failed",
    );
    let dovecot_failed = fixture_lines("dovecot.log", "198.51.100.7", "Password mismatch")
        + fixture_lines("dovecot.log", "198.51.100.7", "unknown user")
        + fixture_lines("dovecot.log", "198.51.100.7", "(auth failed");
    assert_eq!(
        count(e, LogEvent::AuthFailed),
        sasl_failed + dovecot_failed + 1, // + "too many errors after AUTH"
    );
    assert_eq!(count(e, LogEvent::AuthOk), 2); // one submission, one IMAP login
    let ok = e.iter().find(|e| e.event == LogEvent::AuthOk).unwrap();
    assert_eq!(ok.account.as_deref(), Some("alice@example.test"));

    // TLS: the hang-ups, clear text and TLS 1.0 on 465, STARTTLS hang-up, Dovecot's IMAPS; with
    // the two "TLS library problem" lines that follow SSL_accept errors without the address.
    let tls: Vec<&LogEntry> = e
        .iter()
        .filter(|e| e.event == LogEvent::TlsFailed)
        .collect();
    let replies: Vec<&str> = tls.iter().filter_map(|e| e.reply.as_deref()).collect();
    assert!(
        replies.iter().any(|r| r.contains("wrong version number")),
        "{replies:?}"
    );
    assert!(
        replies.iter().any(|r| r.contains("unsupported protocol")),
        "{replies:?}"
    );
    assert!(
        replies.contains(&"lost connection after STARTTLS"),
        "{replies:?}"
    );
    assert!(
        replies.contains(&"TLS handshaking: Connection closed"),
        "{replies:?}"
    );
    // 4 SSL_accept errors, 2 TLS library problems, 1 STARTTLS hang-up, 1 Dovecot handshake.
    assert_eq!(tls.len(), 4 + 2 + 1 + 1);

    let rejected: Vec<&str> = e
        .iter()
        .filter(|e| e.event == LogEvent::Rejected)
        .filter_map(|e| e.reply.as_deref())
        .collect();
    assert_eq!(
        rejected,
        [
            "553 5.7.1 <alice@example.test>: Sender address rejected: not logged in",
            "554 5.7.1 <bob@elsewhere.test>: Relay access denied",
            "553 5.7.1 <bob@example.test>: Sender address rejected: not owned by user alice@example.test",
            "550 5.5.1 Protocol error",
            "554 5.7.1 <client7.example.test[198.51.100.7]>: Client host rejected: Blocked by the fixture lab",
        ]
    );
    assert!(count(e, LogEvent::Disconnect) > 10);

    assert_eq!(out.sources.len(), 2);
    assert_eq!(out.sources[0].name, pf.display().to_string());
    assert_eq!(out.sources[0].status, SourceStatus::Read);
    let postfix_count = e.iter().filter(|x| x.file == out.sources[0].name).count();
    assert!(
        out.sources[0]
            .detail
            .ends_with(&format!("KB, {postfix_count} matching lines in the window")),
        "{}",
        out.sources[0].detail
    );
    // Contract field names, reply as an extension, no id yet.
    let v = serde_json::to_value(&e[0]).unwrap();
    assert_eq!(v["id"], "");
    assert!(v.get("unix").is_none());
}

#[test]
fn the_account_from_other_addresses() {
    let d = Dir::new("account");
    let pf = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let dv = d.copy("dovecot.log", "dovecot.log", WRITTEN);
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            Some("alice@example.test"),
            DAY_START,
            DAY_END,
            vec![pf, dv],
        ),
        &d.0,
    );
    let other: Vec<&LogEntry> = out
        .entries
        .iter()
        .filter(|e| e.line.contains("203.0.113.9"))
        .collect();
    // Sign-ins only: SASL failure, good submission, two Dovecot mismatches, IMAP failure.
    assert_eq!(other.len(), 5, "{other:#?}");
    assert!(other
        .iter()
        .all(|e| matches!(e.event, LogEvent::AuthOk | LogEvent::AuthFailed)));
    assert!(other
        .iter()
        .all(|e| e.account.as_deref() == Some("alice@example.test")));
    // .71's sign-ins count too (same account), its connects do not.
    assert!(out
        .entries
        .iter()
        .any(|e| e.line.contains("[198.51.100.71]") && e.event == LogEvent::AuthOk));
    assert!(!out
        .entries
        .iter()
        .any(|e| e.line.contains("[198.51.100.71]") && e.event == LogEvent::Connect));
    // Without the account, none of them.
    let none = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            DAY_START,
            DAY_END,
            vec![d.0.join("mail.log")],
        ),
        &d.0,
    );
    assert!(none.entries.iter().all(|e| !e.line.contains("203.0.113.9")));
}

#[test]
fn ipv6_client() {
    let d = Dir::new("ipv6");
    let pf = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let dv = d.copy("dovecot.log", "dovecot.log", WRITTEN);
    let out = scan_files(
        &ctx("2001:db8::7", None, DAY_START, DAY_END, vec![pf, dv]),
        &d.0,
    );
    let e = &out.entries;
    assert!(e.iter().all(|e| !e.line.contains("2001:db8::7a")));
    assert_eq!(count(e, LogEvent::AuthOk), 1);
    // Postfix SASL failure, two Dovecot mismatches, the IMAP "auth failed".
    assert_eq!(count(e, LogEvent::AuthFailed), 4);
    // The same address written in full is found too.
    let full = scan_files(
        &ctx(
            "2001:0db8:0000:0000:0000:0000:0000:0007",
            None,
            DAY_START,
            DAY_END,
            vec![d.0.join("mail.log")],
        ),
        &d.0,
    );
    assert!(!full.entries.is_empty());
}

#[test]
fn only_lines_inside_the_window() {
    let d = Dir::new("window");
    let pf = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let all = scan_files(
        &ctx("198.51.100.7", None, DAY_START, DAY_END, vec![pf.clone()]),
        &d.0,
    );
    // A window of three seconds around the 20th line.
    let t = all.entries[20].unix;
    let (since, until) = (t - 1, t + 1);
    let rfc = |u: i64| {
        OffsetDateTime::from_unix_timestamp(u)
            .unwrap()
            .format(&Rfc3339)
            .unwrap()
    };
    let out = scan_files(
        &ctx("198.51.100.7", None, &rfc(since), &rfc(until), vec![pf]),
        &d.0,
    );
    let want: Vec<&LogEntry> = all
        .entries
        .iter()
        .filter(|e| (since..=until).contains(&e.unix))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(out.entries.iter().collect::<Vec<_>>(), want);
    let before = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            "2026-11-01T00:00:00Z",
            "2026-11-30T00:00:00Z",
            vec![d.0.join("mail.log")],
        ),
        &d.0,
    );
    assert!(before.entries.is_empty());
    assert!(
        before.sources[0]
            .detail
            .contains("stopped at the lines after the window"),
        "{}",
        before.sources[0].detail
    );
}

#[test]
fn the_year_comes_from_the_file_time() {
    let d = Dir::new("year");
    // Written on January 5th: its December lines are from the year before.
    let pf = d.copy("postfix-maillog.log", "mail.log", "2027-01-05T00:00:00Z");
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            "2026-11-01T00:00:00Z",
            "2027-01-05T00:00:00Z",
            vec![pf.clone()],
        ),
        &d.0,
    );
    assert!(!out.entries.is_empty());
    assert!(out.entries.iter().all(|e| e.time.starts_with("2026-12-01")));
    // Written in December 2027: the same lines are from 2027.
    set_mtime(&pf, "2027-12-02T00:00:00Z");
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            "2027-11-01T00:00:00Z",
            "2027-12-05T00:00:00Z",
            vec![pf],
        ),
        &d.0,
    );
    assert!(out.entries.iter().all(|e| e.time.starts_with("2027-12-01")));
}

#[test]
fn gzip_is_read_by_its_magic_bytes() {
    let d = Dir::new("gzip");
    let plain = std::fs::read(fixture("postfix-maillog.log")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&plain).unwrap();
    let gz = d.write("mail.log.1", &enc.finish().unwrap(), WRITTEN);
    let pf = d.copy("postfix-maillog.log", "copy/mail.log", WRITTEN);
    let c = |p: PathBuf| ctx("198.51.100.7", None, DAY_START, DAY_END, vec![p]);
    let from_gz = scan_files(&c(gz), &d.0);
    let from_plain = scan_files(&c(pf), &d.0);
    assert_eq!(from_gz.entries.len(), from_plain.entries.len());
    assert!(
        from_gz.sources[0].detail.contains(" gzip ("),
        "{}",
        from_gz.sources[0].detail
    );
    let lines = |o: &LogOutcome| o.entries.iter().map(|e| e.line.clone()).collect::<Vec<_>>();
    assert_eq!(lines(&from_gz), lines(&from_plain));
}

#[test]
fn other_syslog_layouts_give_the_same_entries() {
    // The real lines with rsyslog's RFC 3339 stamps (Debian 12) and classic stamps (`Dec  1`).
    let d = Dir::new("layouts");
    let real = std::fs::read_to_string(fixture("postfix-maillog.log")).unwrap();
    let rfc = real.lines().fold(String::new(), |mut out, l| {
        let _ = writeln!(out, "2026-12-01T{}.000000+00:00 {}", &l[7..15], &l[16..]);
        out
    });
    let classic = real.lines().fold(String::new(), |mut out, l| {
        let _ = writeln!(out, "Dec  1 {}", &l[7..]);
        out
    });
    let a = d.write("rfc.log", rfc.as_bytes(), WRITTEN);
    let b = d.write("classic.log", classic.as_bytes(), WRITTEN);
    let base = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let events = |p: PathBuf| {
        scan_files(
            &ctx("198.51.100.7", None, DAY_START, DAY_END, vec![p]),
            &d.0,
        )
        .entries
        .iter()
        .map(|e| (e.unix, e.event, e.reply.clone(), e.program.clone()))
        .collect::<Vec<_>>()
    };
    let want = events(base);
    assert!(want.len() > 50);
    assert_eq!(events(a), want);
    assert_eq!(events(b), want);
}

#[test]
fn exim_main_and_reject_logs() {
    let d = Dir::new("exim");
    let main = d.copy("exim-mainlog", "exim4/mainlog", WRITTEN);
    let reject = d.copy("exim-rejectlog", "exim4/rejectlog", WRITTEN);
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            Some("alice@example.test"),
            DAY_START,
            DAY_END,
            vec![main, reject],
        ),
        &d.0,
    );
    let e = &out.entries;
    assert!(e.iter().all(|e| e.program == "exim"));
    assert!(e.iter().all(|e| !e.line.contains("198.51.100.71")));
    assert_eq!(count(e, LogEvent::Connect), 2);
    assert_eq!(count(e, LogEvent::Disconnect), 2);
    assert_eq!(count(e, LogEvent::AuthOk), 2); // .7 and the account from 203.0.113.9
    assert_eq!(count(e, LogEvent::AuthFailed), 2);
    assert_eq!(count(e, LogEvent::TlsFailed), 1);
    // Rejections in both logs are shown once.
    assert_eq!(count(e, LogEvent::Rejected), 5);
    let replies: Vec<&str> = e.iter().filter_map(|e| e.reply.as_deref()).collect();
    assert!(replies.contains(&"535 Incorrect authentication data"));
    assert!(replies.contains(&"relay not permitted"));
    // The reject log's header lines hold the address or the account but no time.
    assert!(
        out.sources[1]
            .detail
            .contains("3 matching lines without a readable time"),
        "{}",
        out.sources[1].detail
    );
    // Exim's times are local: another zone moves them.
    let plus1 = FixedZone(3600);
    let o = ScanOptions {
        zone: &plus1,
        ..opts(&d.0, "/nonexistent")
    };
    let shifted = scan_with(
        &ctx(
            "198.51.100.7",
            None,
            DAY_START,
            DAY_END,
            vec![d.0.join("exim4/mainlog")],
        ),
        &o,
    );
    assert_eq!(shifted.entries[0].time, "2026-12-01T09:40:00Z");
}

#[test]
fn sources_for_absent_skipped_and_unreadable_files() {
    let d = Dir::new("sources");
    let old = d.copy("postfix-maillog.log", "mail.log.2", "2026-10-01T00:00:00Z");
    let dir = d.0.join("a-folder");
    std::fs::create_dir_all(&dir).unwrap();
    let out = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            DAY_START,
            DAY_END,
            vec![d.0.join("missing.log"), old, dir],
        ),
        &d.0,
    );
    let s = &out.sources;
    assert_eq!(
        (s[0].status, s[0].detail.as_str()),
        (SourceStatus::Absent, "no such file")
    );
    assert_eq!(s[1].status, SourceStatus::Read);
    assert!(
        s[1].detail
            .contains("not opened: last written 2026-10-01T00:00:00Z, before the window"),
        "{}",
        s[1].detail
    );
    assert_eq!(s[2].status, SourceStatus::Error);
    assert!(out.entries.is_empty());
}

#[test]
fn usual_paths_and_rotations_below_a_root() {
    let d = Dir::new("usual");
    d.copy("postfix-maillog.log", "var/log/mail.log", WRITTEN);
    d.copy("dovecot.log", "var/log/mail.log.1", WRITTEN);
    d.copy(
        "postfix-maillog.log",
        "var/log/mail.log.2.gz",
        "2026-11-01T00:00:00Z",
    );
    d.copy("postfix-maillog.log", "var/log/mail.err", WRITTEN);
    // The journal is not read: a current usual file was written in the window.
    let out = scan_with(
        &ctx("198.51.100.7", None, DAY_START, DAY_END, vec![]),
        &opts(&d.0, "/nonexistent/journalctl"),
    );
    let names: Vec<String> = out
        .sources
        .iter()
        .map(|s| {
            s.name
                .strip_prefix(d.0.to_str().unwrap())
                .unwrap_or(&s.name)
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "/var/log/mail.log",
            "/var/log/mail.log.1",
            "/var/log/mail.log.2.gz"
        ]
    );
    assert!(out.sources[2].detail.contains("not opened"));
    assert!(out.entries.iter().any(|e| e.program == "dovecot"));
}

/// A stand-in journalctl: prints the real fixture (or sleeps), and records its arguments.
fn fake_journalctl(d: &Dir, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = d.0.join("journalctl");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = --version ]; then printf 'systemd 252 (252.38-1~deb12u1)\\n+PAM +PCRE2\\n'; exit 0; fi\nprintf '%s\\n' \"$@\" > {args}\n{body}\n",
        args = d.0.join("args").display()
    );
    std::fs::write(&p, script).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

#[test]
fn the_journal_when_no_usual_file_exists() {
    let d = Dir::new("journal");
    let journalctl = fake_journalctl(&d, &format!("cat '{}'", fixture("journal.json").display()));
    let c = ctx(
        "198.51.100.7",
        Some("alice@example.test"),
        "2026-12-01T10:00:00Z",
        "2026-12-01T11:00:00Z",
        vec![],
    );
    let out = scan_with(&c, &opts(&d.0, journalctl.to_str().unwrap()));
    assert_eq!(out.sources.len(), 1);
    let s = &out.sources[0];
    assert_eq!(
        (s.name.as_str(), s.status),
        ("journal", SourceStatus::Read),
        "{}",
        s.detail
    );
    assert!(
        s.detail
            .starts_with("no mail log file at the usual paths; read in ")
            && s.detail
                .contains(" s: 155 records matched journalctl --grep, "),
        "{}",
        s.detail
    );
    let args = std::fs::read_to_string(d.0.join("args")).unwrap();
    assert!(
        args.contains(&format!("@{}\n", unix("2026-12-01T10:00:00Z"))),
        "{args}"
    );
    assert!(
        args.contains("--grep=198\\.51\\.100\\.7|alice@example\\.test"),
        "{args}"
    );
    let entries = &out.entries;
    assert!(count(entries, LogEvent::AuthFailed) >= 10);
    assert!(entries.iter().any(|e| e.line.contains("bad\u{fffd}byte")));
    assert!(entries
        .iter()
        .all(|e| e.file == "journal" && !e.line.contains('\u{1b}')));
    assert!(entries
        .iter()
        .all(|e| !e.line.contains("198.51.100.71]") || e.event != LogEvent::Connect));
}

#[test]
fn the_journal_is_bounded_in_time_and_absent_without_journalctl() {
    let d = Dir::new("journal-slow");
    let j = fake_journalctl(&d, "exec sleep 30");
    let mut c = ctx("198.51.100.7", None, DAY_START, DAY_END, vec![]);
    // journalctl --version gets this budget, the read six times it (3 s).
    c.command_timeout = Duration::from_millis(500);
    let started = std::time::Instant::now();
    let out = scan_with(&c, &opts(&d.0, j.to_str().unwrap()));
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(out.sources[0].status, SourceStatus::Error);
    assert!(
        out.sources[0].detail.contains("stopped after"),
        "{}",
        out.sources[0].detail
    );

    // journalctl --grep exits 1 when nothing matched (seen with systemd 252): not an error.
    let j = fake_journalctl(&d, "exit 1");
    let out = scan_with(&c, &opts(&d.0, j.to_str().unwrap()));
    assert_eq!(
        out.sources[0].status,
        SourceStatus::Read,
        "{}",
        out.sources[0].detail
    );
    let j = fake_journalctl(&d, "echo 'Failed to open journal: Bad message' >&2; exit 1");
    let out = scan_with(&c, &opts(&d.0, j.to_str().unwrap()));
    assert_eq!(out.sources[0].status, SourceStatus::Error);
    assert!(
        out.sources[0]
            .detail
            .ends_with("journalctl failed: Failed to open journal: Bad message"),
        "{}",
        out.sources[0].detail
    );

    let out = scan_with(&c, &opts(&d.0, "/nonexistent/journalctl"));
    assert_eq!(out.sources[0].status, SourceStatus::Absent);
    assert!(out.sources[0]
        .detail
        .contains("journalctl is not installed"));
}

#[test]
fn the_same_file_twice_is_read_once_and_copies_are_merged() {
    let d = Dir::new("dedup");
    let a = d.copy("postfix-maillog.log", "mail.log", WRITTEN);
    let b = d.copy("postfix-maillog.log", "copy.log", WRITTEN);
    let once = scan_files(
        &ctx("198.51.100.7", None, DAY_START, DAY_END, vec![a.clone()]),
        &d.0,
    );
    let twice = scan_files(
        &ctx(
            "198.51.100.7",
            None,
            DAY_START,
            DAY_END,
            vec![a.clone(), a, b],
        ),
        &d.0,
    );
    assert_eq!(twice.sources.len(), 2);
    assert_eq!(twice.entries.len(), once.entries.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_line_makes_a_parser_panic(line in ".{0,300}") {
        use smtp_doctor::server::logs::{classify::classify, line::{parse_line, Family}, matcher::Matcher, journal::parse_record};
        if let Some(p) = parse_line(&line) {
            let _ = classify(p.family, p.message);
        }
        for f in [Family::Postfix, Family::Dovecot, Family::Exim, Family::Other] {
            let _ = classify(f, &line);
        }
        let m = Matcher::new("198.51.100.7".parse().unwrap(), Some("alice@example.test"));
        let _ = m.mentions(line.as_bytes());
        let m6 = Matcher::new("2001:db8::7".parse().unwrap(), None);
        let _ = m6.mentions(line.as_bytes());
        let _ = parse_record(&line);
    }

    #[test]
    fn no_mail_like_line_makes_a_parser_panic(
        stamp in prop::sample::select(vec!["Dec  1 10:00:00 ", "Dec 01 10:00:00 ", "2026-12-01T10:00:00.5+01:00 ", "2026-12-01 10:00:00 ", "2026-12-01 10:00:00 +0100 ", ""]),
        host in prop::sample::select(vec!["mail ", "", "auth: ", "[12] "]),
        prog in prop::sample::select(vec!["postfix/smtpd[1]: ", "dovecot: ", "exim[2]: ", "imap-login: Info: ", "auth: Info: ", ""]),
        body in "(connect from |SASL |reject: |client=|SSL_accept error from |warning: |user=<|rip=|\\(|\\)|\\[|\\]|:|,|198\\.51\\.100\\.7|alice@example\\.test| |[a-z]{1,5}|\u{1b}|\u{fffd}|<= | A=| authenticator failed for | rejected |TLS error on connection from ){0,12}",
    ) {
        use smtp_doctor::server::logs::{classify::classify, line::parse_line, matcher::Matcher};
        let line = format!("{stamp}{host}{prog}{body}");
        if let Some(p) = parse_line(&line) {
            let c = classify(p.family, p.message);
            let e = smtp_doctor::server::logs::entries::make_entry("f", &line, p.program, 0, &c);
            let escaped = !e.line.contains('\u{1b}');
            prop_assert!(escaped, "escape byte in {:?}", e.line);
        }
        let _ = Matcher::new("198.51.100.7".parse().unwrap(), Some("alice@example.test")).mentions(line.as_bytes());
    }

    #[test]
    fn no_bytes_make_the_reader_panic(data in prop::collection::vec(any::<u8>(), 0..2000), chunk in 64usize..300) {
        use smtp_doctor::server::logs::reader::{scan_lines, Flow};
        let mut lines: Vec<Vec<u8>> = Vec::new();
        let stats = scan_lines(&mut &data[..], &[b"1.7", b"\n", b"a"], chunk, &mut |c| {
            lines.push(c.line.to_vec());
            Flow::Continue
        });
        prop_assert_eq!(stats.bytes, data.len() as u64);
        prop_assert!(lines.iter().all(|l| !l.contains(&b'\n')));
        // Every reported line is one of the input's lines and holds a needle.
        let input: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        for l in &lines {
            prop_assert!(input.iter().any(|i| i == &l.as_slice() || i.strip_suffix(b"\r") == Some(l.as_slice())));
        }
    }
}
