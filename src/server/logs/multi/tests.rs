//! The one-pass scan for many addresses against the real Postfix and Dovecot fixtures
//! (tests/fixtures/server/logs): what it finds for each address is what the one-address
//! scan finds for it, read once.

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::server::context::Ctx;
use crate::server::logs::time::FixedZone;
use crate::server::logs::{scan_with, test_support::tempdir};

static UTC: FixedZone = FixedZone(0);
/// 2026-12-01T00:00:00Z and the end of that day: the fixtures' lines are in it.
const DAY: i64 = 1_796_083_200;
const WRITTEN: i64 = DAY + 12 * 3600;

fn net(s: &str) -> IpNet {
    crate::server::netaddr::parse_net(s).unwrap()
}

fn copy_fixture(dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/server/logs")
        .join(name);
    let to = dir.join(name);
    std::fs::copy(from, &to).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&to)
        .unwrap()
        .set_modified(UNIX_EPOCH + Duration::from_secs(WRITTEN as u64))
        .unwrap();
    to
}

fn opts(root: &Path) -> ScanOptions<'static> {
    ScanOptions {
        zone: &UTC,
        root: Box::leak(root.to_path_buf().into_boxed_path()),
        journalctl: "/nonexistent/journalctl",
        chunk: 4096,
    }
}

fn window() -> Window {
    Window {
        since: DAY,
        until: DAY + 86_399,
    }
}

#[test]
fn network_texts() {
    let t = |s: &str| network_prefix_text(&net(s));
    assert_eq!(t("198.51.100.0/24").as_deref(), Some("198.51.100."));
    assert_eq!(t("198.51.100.64/26").as_deref(), Some("198.51.100."));
    assert_eq!(t("198.51.0.0/16").as_deref(), Some("198.51."));
    assert_eq!(t("10.0.0.0/7"), None);
    assert_eq!(t("2001:db8::/32").as_deref(), Some("2001:db8:"));
    assert_eq!(t("2001:db8:100::/64").as_deref(), Some("2001:db8:100:"));
    // A zero group may be compressed in the log: the text stops before it.
    assert_eq!(t("2001:db8:0:5::/64").as_deref(), Some("2001:db8:"));
    assert_eq!(t("2001::/15"), None);
}

#[test]
fn whole_addresses_only_and_each_target_once() {
    let targets = [
        net("198.51.100.7"),
        net("198.51.100.70"),
        net("198.51.100.0/24"),
        net("2001:db8::7"),
        net("203.0.113.64/26"),
    ];
    let set = AddressSet::new(&targets);
    let ids = |line: &str| -> Vec<usize> {
        let mut v: Vec<usize> = set
            .mentioned(line.as_bytes())
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(ids("connect from x[198.51.100.7]"), [0, 2]);
    assert_eq!(ids("connect from x[198.51.100.70]"), [1, 2]);
    assert_eq!(ids("connect from x[198.51.100.71]"), [2]);
    assert_eq!(ids("connect from x[1198.51.100.7]"), Vec::<usize>::new());
    assert_eq!(ids("rip=::ffff:198.51.100.7, lip=203.0.113.25"), [0, 2]);
    assert_eq!(
        ids("statistics: max connection rate 5/60s for (203.0.113.25:587:198.51.100.7) at"),
        [0, 2]
    );
    assert_eq!(ids("see 198.51.100.7."), [0, 2]);
    assert_eq!(ids("connect from unknown[2001:db8::7]"), [3]);
    assert_eq!(
        ids("connect from unknown[2001:db8::7a]"),
        Vec::<usize>::new()
    );
    assert_eq!(ids("x 2001:db8::7: y"), [3]);
    assert_eq!(ids("lip=203.0.113.25 rip=203.0.113.70,"), [4]);
    // The server's own address in a line is not the client's.
    assert_eq!(
        ids("rip=203.0.113.9, lip=203.0.113.70,"),
        Vec::<usize>::new()
    );
    assert_eq!(
        ids("CONNECT from [203.0.113.9]:4242 to [203.0.113.70]:25"),
        Vec::<usize>::new()
    );
    assert_eq!(ids("nothing 10.1.2.3 here"), Vec::<usize>::new());
    // The automaton finds where an address may start; the lookup decides.
    assert!(set.next_hit(b"a 198.51.100.99 b", 0).is_some());
    assert!(set.next_hit(b"a 10.1.2.3 b", 0).is_none());
    let none = AddressSet::new(&[]);
    assert!(none.mentioned(b"198.51.100.7").is_empty());
    assert_eq!(none.next_hit(b"198.51.100.7", 0), None);
    let wide = AddressSet::new(&[net("10.0.0.0/7")]);
    assert_eq!(wide.unsearchable, [0]);
}

#[test]
fn one_pass_finds_for_each_address_what_its_own_scan_finds() {
    let dir = tempdir("multi-oracle");
    let logs = vec![
        copy_fixture(&dir, "postfix-maillog.log"),
        copy_fixture(&dir, "dovecot.log"),
    ];
    let paths = Paths {
        logs: logs.clone(),
        ..Paths::default()
    };
    let targets = [
        net("198.51.100.7"),
        net("198.51.100.71"),
        net("203.0.113.9"),
        net("2001:db8::7"),
    ];
    let many = scan_many_with(&targets, window(), &paths, &opts(&dir));
    assert_eq!(many.activity.len(), targets.len());
    assert_eq!(many.sources.len(), 2, "{:?}", many.sources);
    for (i, t) in targets.iter().enumerate() {
        let ctx = Ctx {
            client: t.addr(),
            account: None,
            window: window(),
            paths: paths.clone(),
            command_timeout: Duration::from_secs(5),
            now: window().until,
        };
        let one = scan_with(&ctx, &opts(&dir));
        let a = &many.activity[i];
        let count =
            |event: LogEvent| one.entries.iter().filter(|e| e.event == event).count() as u64;
        let ok: u64 = a.ok.values().map(|t| t.count).sum();
        let failed: u64 = a.failed.values().map(|t| t.count).sum();
        assert_eq!(ok, count(LogEvent::AuthOk), "{t}: {a:#?}");
        assert_eq!(failed, count(LogEvent::AuthFailed), "{t}: {a:#?}");
        // The one-address scan adds Postfix's follow-up "TLS library problem" line, which
        // does not name the address.
        let about = one
            .entries
            .iter()
            .filter(|e| !e.line.contains("warning: TLS library problem"))
            .count();
        assert_eq!(a.lines, about as u64, "{t}");
    }
    // 198.51.100.7 signed in as alice and failed as alice and as nobody; Postfix's and
    // Dovecot's lines for one attempt count once.
    let a = &many.activity[0];
    let ok = a.ok_accounts();
    assert!(
        ok.get("alice@example.test").is_some_and(|t| t.count > 0),
        "{ok:?}"
    );
    let failed = a.failed_accounts();
    assert!(failed.contains_key("alice@example.test"), "{failed:?}");
    assert!(failed.contains_key("nobody@example.test"), "{failed:?}");
    let smtp: u64 = a
        .failed
        .iter()
        .filter(|((acc, ch), _)| acc == "alice@example.test" && *ch != Channel::Auth)
        .map(|(_, t)| t.count)
        .sum();
    let auth: u64 = a
        .failed
        .iter()
        .filter(|((acc, ch), _)| acc == "alice@example.test" && *ch == Channel::Auth)
        .map(|(_, t)| t.count)
        .sum();
    assert_eq!(failed["alice@example.test"].count, smtp.max(auth));
    assert!(a.failure_lines.len() <= MAX_FAILURE_LINES && !a.failure_lines.is_empty());
    assert!(a.ok_lines.contains_key("alice@example.test"));
    // A window before the lines finds nothing.
    let early = Window {
        since: DAY - 86_400,
        until: DAY - 1,
    };
    let none = scan_many_with(&targets, early, &paths, &opts(&dir));
    assert!(none.activity.iter().all(|a| a.lines == 0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn merging_files_keeps_totals_and_the_latest_lines() {
    let mut a = Activity::default();
    let mut b = Activity::default();
    let failed = Classified::new(LogEvent::AuthFailed).account(Some("alice@example.test"));
    let entry = |t: i64| make_entry("f", &format!("line {t}"), "postfix/smtpd", t, &failed);
    for t in [10, 20, 30] {
        a.record(t, Channel::Smtp, &failed, || entry(t));
    }
    for t in [5, 40] {
        b.record(t, Channel::Smtp, &failed, || entry(t));
    }
    a.merge(b);
    let f = a.failed_accounts();
    assert_eq!(
        f["alice@example.test"],
        Tally {
            count: 5,
            first: 5,
            last: 40
        }
    );
    let kept: Vec<i64> = a.failure_lines.iter().map(|e| e.unix).collect();
    assert_eq!(kept, [20, 30, 40]);
    assert_eq!(a.failure_times[&Channel::Smtp], [5, 10, 20, 30, 40]);
}

#[test]
fn channels() {
    assert_eq!(
        channel_of(Family::Postfix, "warning: x"),
        Some(Channel::Smtp)
    );
    assert_eq!(channel_of(Family::Exim, "x"), Some(Channel::Smtp));
    assert_eq!(
        channel_of(Family::Dovecot, "imap-login: Login: user=<a>"),
        Some(Channel::Mailbox)
    );
    assert_eq!(
        channel_of(
            Family::Dovecot,
            "auth: passwd-file(a,1.2.3.4): Password mismatch"
        ),
        Some(Channel::Auth)
    );
    assert_eq!(
        channel_of(Family::Dovecot, "auth-worker(42): x"),
        Some(Channel::Auth)
    );
    assert_eq!(
        channel_of(Family::Dovecot, "imap(a)<1><s>: Disconnected"),
        None
    );
    assert_eq!(channel_of(Family::Other, "x"), None);
}

#[test]
fn an_attackers_millions_of_failures_keep_the_latest_times_only() {
    let mut one = Activity::default();
    let failed = Classified::new(LogEvent::AuthFailed).account(Some("root@example.test"));
    let keep = i64::try_from(MAX_TIMES).unwrap();
    let n = 3 * keep + 17;
    for t in 0..n {
        one.record(t, Channel::Smtp, &failed, || {
            make_entry("f", "l", "postfix/smtpd", t, &failed)
        });
    }
    let mut all = Activity::default();
    all.merge(one);
    let times = &all.failure_times[&Channel::Smtp];
    assert_eq!(times.len(), MAX_TIMES);
    assert_eq!(times.first(), Some(&(n - keep)));
    assert_eq!(times.last(), Some(&(n - 1)));
    assert_eq!(
        all.failed_accounts()["root@example.test"].count,
        u64::try_from(n).unwrap()
    );
}

proptest::proptest! {
    /// No line makes the lookup panic, whatever bytes surround the addresses.
    #[test]
    fn no_line_makes_the_lookup_panic(
        before in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24),
        after in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24),
        pick in 0usize..6,
    ) {
        let texts = ["198.51.100.7", "198.51.100.", "2001:db8::7", "2001:db8:", "::ffff:198.51.100.7", "198.51.100.70.1"];
        let set = AddressSet::new(&[
            net("198.51.100.7"),
            net("198.51.100.0/24"),
            net("2001:db8::/32"),
            net("2001:db8::7"),
        ]);
        let mut line = before.clone();
        line.extend_from_slice(texts[pick].as_bytes());
        line.extend_from_slice(&after);
        let found = set.mentioned(&line);
        for (i, ip) in found {
            proptest::prop_assert!(i < 4);
            proptest::prop_assert!(set.targets_of(ip).contains(&i));
        }
        let _ = set.next_hit(&line, 0);
        let _ = set.next_hit(&line, line.len());
    }
}
