//! `read` against a stand-in `fail2ban-client` that answers with the real outputs captured in
//! tests/fixtures/server/fail2ban (and logs each call), plus the real fail2ban-client without
//! a server when it is installed.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::server::context::{Paths, Window};

/// Just after the captured bans (2026-12-01T10:43:21Z), while they are in force.
const NOW: i64 = 1_796_122_000;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server/fail2ban")
}

fn ctx(client: &str) -> Ctx {
    Ctx {
        client: client.parse().unwrap(),
        account: None,
        window: Window {
            since: NOW - 86_400,
            until: NOW,
        },
        paths: Paths::default(),
        command_timeout: Duration::from_secs(20),
        now: NOW,
    }
}

/// A stand-in fail2ban-client in its own folder. `old`: one without `--with-time`.
struct Shim {
    dir: PathBuf,
}

impl Shim {
    fn new(name: &str, old: bool) -> Shim {
        let dir = std::env::temp_dir().join(format!(
            "smtp-doctor-f2b-shim-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let with_time = if old {
            "echo 'Sorry but the command is invalid' >&2; exit 255"
        } else {
            "cat \"$F/banip-with-time-$2.txt\""
        };
        let script = format!(
            r#"#!/bin/sh
F='{fix}'
echo "$*" >> '{log}'
if [ "$1" = "-s" ]; then shift 2; fi
case "$*" in
  status) cat "$F/status.txt" ;;
  "status postfix-sasl"|"status dovecot") cat "$F/status-$2.txt" ;;
  "get dbfile") printf 'Current database file is:\n`- %s\n' "$F/fail2ban.sqlite3" ;;
  "get "*" banip --with-time") {with_time} ;;
  "get "*) cat "$F/get-$2-$3.txt" ;;
  *) echo "Invalid command" >&2; exit 255 ;;
esac
"#,
            fix = fixtures().display(),
            log = dir.join("calls.log").display(),
        );
        let prog = dir.join("fail2ban-client");
        std::fs::write(&prog, script).unwrap();
        std::fs::set_permissions(&prog, std::fs::Permissions::from_mode(0o755)).unwrap();
        Shim { dir }
    }

    fn program(&self) -> String {
        self.dir.join("fail2ban-client").display().to_string()
    }

    fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("calls.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Shim {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn ban_with_database_reason_and_commands() {
    let shim = Shim::new("ban", false);
    let out = read_using(&ctx("198.51.100.7"), &shim.program());
    assert_eq!(out.blocks.len(), 1, "{:#?}", out.blocks);
    let b = &out.blocks[0];
    assert_eq!(b.source, BlockSource::Fail2ban);
    assert_eq!(b.effect, Effect::Deny);
    assert_eq!(b.location, "jail postfix-sasl");
    assert_eq!(
        b.rule,
        "198.51.100.7 2026-12-01 11:43:21 + 3600 = 2026-12-01 12:43:21"
    );
    assert_eq!(b.matched, "198.51.100.7/32");
    assert_eq!(b.since.as_deref(), Some("2026-12-01T10:43:21Z"));
    assert_eq!(b.until.as_deref(), Some("2026-12-01T11:43:21Z"));
    let reason = b.reason.as_deref().unwrap();
    assert!(
        reason.starts_with("5 failures: Dec  1 11:43:21 mail postfix/submission/smtpd[411]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed"),
        "{reason}"
    );
    assert!(reason.contains(" ... Dec  1 11:43:21 mail postfix/submission/smtpd[415]"));
    assert_eq!(
        b.unblock,
        ["fail2ban-client set postfix-sasl unbanip 198.51.100.7"]
    );
    assert_eq!(
        b.allow,
        [
            "fail2ban-client set postfix-sasl addignoreip 198.51.100.7",
            "in [postfix-sasl] of /etc/fail2ban/jail.local: ignoreip = 127.0.0.0/8 203.0.113.0/25 ::1 198.51.100.7",
        ]
    );
    assert_eq!(out.sources[0].name, "fail2ban");
    assert_eq!(out.sources[0].status, SourceStatus::Read);
    assert!(out.sources[0]
        .detail
        .contains("2 jails (dovecot, postfix-sasl); 198.51.100.7 banned in postfix-sasl"));
}

#[test]
fn few_calls_and_mail_jail_settings() {
    let shim = Shim::new("calls", false);
    let out = read_using(&ctx("203.0.113.200"), &shim.program());
    assert!(out.blocks.is_empty());
    let mut calls = shim.calls();
    calls.sort();
    // One status, one ban list per jail, the four settings of each mail jail, the database.
    assert_eq!(calls.len(), 1 + 2 + 8 + 1, "{calls:?}");
    assert_eq!(calls.iter().filter(|c| c.starts_with("status")).count(), 1);
    let settings: Vec<(String, String, String)> = out
        .settings
        .iter()
        .map(|s| (s.source.clone(), s.name.clone(), s.value.clone()))
        .collect();
    for want in [
        ("fail2ban:postfix-sasl", "maxretry", "5"),
        ("fail2ban:postfix-sasl", "findtime", "600"),
        ("fail2ban:postfix-sasl", "bantime", "3600"),
        (
            "fail2ban:postfix-sasl",
            "ignoreip",
            "127.0.0.0/8 203.0.113.0/25 ::1",
        ),
        ("fail2ban:dovecot", "maxretry", "3"),
        ("fail2ban:dovecot", "bantime", "7200"),
    ] {
        assert!(
            settings.contains(&(want.0.into(), want.1.into(), want.2.into())),
            "{want:?} not in {settings:?}"
        );
    }
}

#[test]
fn ignored_client_network_ban_and_ipv6() {
    let shim = Shim::new("ignore", false);
    // 203.0.113.0/25 is on both jails' ignoreip lists.
    let out = read_using(&ctx("203.0.113.20"), &shim.program());
    assert_eq!(out.blocks.len(), 2);
    assert!(out.blocks.iter().all(|b| b.effect == Effect::Allow));
    assert_eq!(out.blocks[0].rule, "ignoreip 203.0.113.0/25");
    assert_eq!(out.blocks[0].location, "jail dovecot");

    // 198.51.100.70 is inside the network banned by hand in dovecot.
    let out = read_using(&ctx("198.51.100.70"), &shim.program());
    assert_eq!(out.blocks.len(), 1);
    let b = &out.blocks[0];
    assert_eq!(b.matched, "198.51.100.64/26");
    assert_eq!(
        b.unblock,
        ["fail2ban-client set dovecot unbanip 198.51.100.64/26"]
    );
    assert_eq!(
        b.reason.as_deref(),
        Some("no failures recorded: banned by hand (fail2ban-client set JAIL banip)")
    );

    let out = read_using(&ctx("2001:db8::7"), &shim.program());
    assert_eq!(out.blocks.len(), 1);
    assert_eq!(out.blocks[0].location, "jail postfix-sasl");
    assert!(out.blocks[0]
        .reason
        .as_deref()
        .unwrap()
        .contains("[2001:db8::7]: SASL PLAIN authentication failed"));
}

#[test]
fn old_server_falls_back_to_jail_status() {
    let shim = Shim::new("old", true);
    let out = read_using(&ctx("198.51.100.7"), &shim.program());
    assert_eq!(out.blocks.len(), 1);
    let b = &out.blocks[0];
    // No times in `status JAIL`; the database still gives them.
    assert_eq!(b.rule, "198.51.100.7");
    assert_eq!(b.since.as_deref(), Some("2026-12-01T10:43:21Z"));
    assert!(shim.calls().iter().any(|c| c == "status postfix-sasl"));
}

#[test]
fn socket_goes_into_every_call_and_command() {
    let shim = Shim::new("socket", false);
    let mut c = ctx("198.51.100.7");
    c.paths.fail2ban_socket = Some(PathBuf::from("/run/f2b test/sock"));
    let out = read_using(&c, &shim.program());
    assert!(shim
        .calls()
        .iter()
        .all(|l| l.starts_with("-s /run/f2b test/sock ")));
    assert_eq!(
        out.blocks[0].unblock,
        ["fail2ban-client -s '/run/f2b test/sock' set postfix-sasl unbanip 198.51.100.7"]
    );
}

#[test]
fn stand_in_without_database_uses_ban_list_times() {
    let shim = Shim::new("nodb", false);
    let mut c = ctx("198.51.100.7");
    c.paths.fail2ban_db = Some(fixtures().join("no-such.sqlite3"));
    let out = read_using(&c, &shim.program());
    let b = &out.blocks[0];
    let start = clock::local_to_unix(time::macros::datetime!(2026-12-01 11:43:21)).unwrap();
    assert_eq!(b.since, clock::rfc3339(start));
    assert_eq!(b.until, clock::rfc3339(start + 3600));
    assert!(b.reason.is_none());
    let db = out
        .sources
        .iter()
        .find(|s| s.name == "fail2ban-db")
        .unwrap();
    assert_eq!(db.status, SourceStatus::Absent);
}

#[test]
fn missing_program_is_absent() {
    let out = read_using(&ctx("198.51.100.7"), "smtp-doctor-no-such-fail2ban-client");
    assert_eq!(out.sources.len(), 1);
    assert_eq!(out.sources[0].status, SourceStatus::Absent);
    assert!(out.blocks.is_empty());
}

#[test]
fn no_server_reads_the_database() {
    if exec::run("fail2ban-client", &["--version"], Duration::from_secs(20)).is_err() {
        eprintln!("skipped: fail2ban-client is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("smtp-doctor-f2b-nosrv-{}", std::process::id()));
    let mut c = ctx("198.51.100.7");
    c.paths.fail2ban_socket = Some(dir.join("no.sock"));
    c.paths.fail2ban_db = Some(fixtures().join("fail2ban.sqlite3"));
    let out = read(&c);
    assert_eq!(out.sources[0].status, SourceStatus::Error);
    assert!(
        out.sources[0]
            .detail
            .starts_with("fail2ban-server is not running"),
        "{}",
        out.sources[0].detail
    );
    assert_eq!(out.blocks.len(), 1);
    let b = &out.blocks[0];
    assert_eq!(b.since.as_deref(), Some("2026-12-01T10:43:21Z"));
    assert!(b
        .reason
        .as_deref()
        .unwrap()
        .ends_with("the ban returns when it starts"));
    assert!(b.rule.starts_with("198.51.100.7 "));
    // Past its bantime, a ban is not reported.
    c.now = NOW + 86_400;
    assert!(read(&c).blocks.is_empty());
}

#[test]
fn reasons() {
    let mut r = DbBan {
        jail: "postfix-sasl".into(),
        ip: "198.51.100.7".into(),
        timeofban: 0,
        bantime: 600,
        bancount: 1,
        failures: Some(1),
        matches: vec!["line \x1b[2J".into()],
    };
    assert_eq!(reason_from_db(&r), "1 failure: line \\u{1b}[2J");
    r.failures = Some(7);
    r.matches.clear();
    r.bancount = 3;
    assert_eq!(
        reason_from_db(&r),
        "ban 3 of this address in this jail; 7 failures (the log lines are not kept: dbmaxmatches = 0)"
    );
}

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        let _ = parse::jail_list(&s);
        let _ = parse::banned_list(&s);
        let _ = parse::banip_with_time(&s);
        let _ = parse::ignoreip_list(&s);
        let _ = parse::dbfile(&s);
        let _ = parse::server_not_running(&s);
        let _ = db::parse_data(&s);
    }

    #[test]
    fn ban_lines_never_panic(id in "[0-9a-f:./]{0,20}", a in "[0-9 :-]{0,22}", t in "-?[0-9]{0,20}", b in "[0-9 :-]{0,22}") {
        let text = format!("{id} \t{a} + {t} = {b}\n");
        for ban in parse::banip_with_time(&text) {
            let mut blk = ban_block(
                "198.51.100.7",
                &Client { ctx: &ctx("198.51.100.7"), program: "fail2ban-client" },
                "j",
                &ban.id,
                String::new(),
                None,
                0,
            );
            fill_times(&mut blk, &ban, None);
        }
    }
}

/// A copy of the captured database with two earlier bans of 198.51.100.7 in postfix-sasl
/// (as fail2ban's `addBan` writes them: one row per ban) and one long before the window.
fn database_with_history(dir: &std::path::Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let db = dir.join("fail2ban.sqlite3");
    std::fs::copy(fixtures().join("fail2ban.sqlite3"), &db).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    for t in [NOW - 7200, NOW - 5400, NOW - 10 * 86_400] {
        conn.execute(
            "INSERT INTO bans(jail, ip, timeofban, bantime, bancount, data) VALUES ('postfix-sasl', '198.51.100.7', ?1, 3600, 1, '{\"failures\": 3}')",
            [t],
        )
        .unwrap();
    }
    db
}

#[test]
fn all_bans_lists_every_jail_with_history_lines_and_settings() {
    let shim = Shim::new("all", false);
    let dir = shim.dir.join("db");
    let mut c = ctx("0.0.0.0");
    c.paths.fail2ban_db = Some(database_with_history(&dir));
    let l = all_bans_using(&c, &shim.program());
    let got: Vec<(String, Option<String>)> = l
        .entries
        .iter()
        .map(|e| (net_text(&e.net), e.trigger.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("198.51.100.8".to_string(), Some("dovecot".to_string())),
            ("198.51.100.64/26".to_string(), Some("dovecot".to_string())),
            ("198.51.100.7".to_string(), Some("postfix-sasl".to_string())),
            ("2001:db8::7".to_string(), Some("postfix-sasl".to_string())),
        ]
    );
    let b = &l.entries[2];
    // The captured ban is the newest row: its lines and counts; the two earlier bans inside
    // the window are its history, the one ten days ago is not.
    assert_eq!(b.lines.len(), 5);
    assert!(b.lines[0].contains("SASL LOGIN authentication failed"));
    assert_eq!(b.failures, Some(5));
    assert_eq!(b.earlier_bans, [NOW - 7200, NOW - 5400]);
    assert_eq!(
        b.block.unblock,
        ["fail2ban-client set postfix-sasl unbanip 198.51.100.7"]
    );
    assert_eq!(
        b.block.allow[0],
        "fail2ban-client set postfix-sasl addignoreip 198.51.100.7"
    );
    // The network ban's allow names the network, not a client.
    assert_eq!(
        l.entries[1].block.allow[0],
        "fail2ban-client set dovecot addignoreip 198.51.100.64/26"
    );
    assert!(l
        .settings
        .iter()
        .any(|s| s.source == "fail2ban:postfix-sasl" && s.name == "maxretry"));
    assert_eq!(l.sources[0].status, SourceStatus::Read);
    assert!(l.sources[0].detail.contains("4 banned"), "{:?}", l.sources);
}

#[test]
fn all_bans_without_a_server_come_from_the_database() {
    if exec::run("fail2ban-client", &["--version"], Duration::from_secs(20)).is_err() {
        eprintln!("skipped: fail2ban-client is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("smtp-doctor-f2b-allnosrv-{}", std::process::id()));
    let mut c = ctx("0.0.0.0");
    c.paths.fail2ban_socket = Some(dir.join("no.sock"));
    c.paths.fail2ban_db = Some(database_with_history(&dir));
    let l = all_bans(&c);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(l.sources[0].status, SourceStatus::Error);
    assert_eq!(l.sources[1].name, "fail2ban-db");
    assert_eq!(l.entries.len(), 4, "{:#?}", l.entries);
    let b = l
        .entries
        .iter()
        .find(|e| net_text(&e.net) == "198.51.100.7")
        .unwrap();
    assert_eq!(b.earlier_bans, [NOW - 7200, NOW - 5400]);
    assert!(b
        .block
        .reason
        .as_deref()
        .unwrap()
        .ends_with("the ban returns when it starts"));
}
