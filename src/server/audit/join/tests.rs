//! The join and the ranking on hand-built listings and log activity.

use super::*;
use crate::server::audit::advice::advise;
use crate::server::audit::report::AuditReport;
use crate::server::context::Window;
use crate::server::logs::multi::{Channel, Tally};
use crate::server::model::{Effect, Setting};

/// 2026-12-01T09:00:00Z; the window is the week before.
const NOW: i64 = 1_796_115_600;
const SINCE: i64 = NOW - 7 * 86_400;

fn net(s: &str) -> IpNet {
    crate::server::netaddr::parse_net(s).unwrap()
}

fn block(source: BlockSource, address: &str, order: u32) -> Block {
    Block {
        id: String::new(),
        source,
        location: format!("{}:{order}", source.as_str()),
        rule: format!("rule for {address}"),
        reason: Some(format!("reason {order}")),
        since: Some(rfc3339(NOW - 3600)),
        until: Some(rfc3339(NOW + 3600)),
        unblock: vec![format!("{} unblock {address}", source.as_str())],
        allow: vec![format!("{} allow {address}", source.as_str())],
        effect: Effect::Deny,
        made_by: None,
        matched: address.to_string(),
        ports: vec![],
        order,
    }
}

fn fail2ban(address: &str, earlier: &[i64]) -> Listed {
    let mut b = block(BlockSource::Fail2ban, address, 0);
    b.location = "jail postfix-sasl".into();
    b.unblock = vec![format!(
        "fail2ban-client set postfix-sasl unbanip {address}"
    )];
    b.allow = vec![
        format!("fail2ban-client set postfix-sasl addignoreip {address}"),
        format!(
            "in [postfix-sasl] of /etc/fail2ban/jail.local: ignoreip = 127.0.0.1/8 ::1 {address}"
        ),
    ];
    let mut l = Listed::new(net(address), b);
    l.trigger = Some("postfix-sasl".into());
    l.failures = Some(3);
    l.earlier_bans = earlier.to_vec();
    l.lines = vec![format!("Dec  1 08:00:01 mail postfix/submission/smtpd[1]: warning: unknown[{address}]: SASL PLAIN authentication failed")];
    l
}

fn csf(address: &str) -> Listed {
    let mut b = block(BlockSource::Csf, address, 0);
    b.unblock = vec![format!("csf -dr {address}")];
    b.allow = crate::server::firewall::csf::allow_commands_for(address, None);
    let mut l = Listed::new(net(address), b);
    l.trigger = Some("smtpauth".into());
    l.failures = Some(5);
    l
}

/// The iptables rule CSF made for the same address.
fn csf_rule(address: &str) -> Listed {
    let mut b = block(BlockSource::Iptables, address, 4);
    b.effect = Effect::Drop;
    b.made_by = Some(BlockSource::Csf);
    b.location = "filter/DENYIN #1".into();
    b.unblock = vec![format!("csf -dr {address}"), format!("csf -tr {address}")];
    b.allow = vec![format!("csf -a {address}")];
    b.since = None;
    b.until = None;
    Listed::new(net(address), b)
}

fn tally(count: u64, last: i64) -> Tally {
    Tally {
        count,
        first: last - 60 * (i64::try_from(count).unwrap() - 1),
        last,
    }
}

/// Activity with `ok` and `failed` (account, count) and failures at `times` on SMTP.
fn activity(ok: &[(&str, u64)], failed: &[(&str, u64)], times: &[i64]) -> Activity {
    let mut a = Activity::default();
    for (acc, n) in ok {
        a.ok.insert((acc.to_string(), Channel::Smtp), tally(*n, NOW - 7200));
    }
    for (acc, n) in failed {
        a.failed
            .insert((acc.to_string(), Channel::Smtp), tally(*n, NOW - 3600));
        // Dovecot's auth process logged the same attempts: counted once.
        a.failed
            .insert((acc.to_string(), Channel::Auth), tally(*n, NOW - 3600));
    }
    a.failure_times.insert(Channel::Smtp, times.to_vec());
    a.lines = ok.len() as u64 + failed.len() as u64;
    a
}

struct Case {
    listed: Vec<Listed>,
    targets: Vec<IpNet>,
    activity: Vec<Activity>,
}

impl Case {
    fn new() -> Case {
        Case {
            listed: vec![],
            targets: vec![],
            activity: vec![],
        }
    }

    fn add(mut self, listed: Vec<Listed>, a: Activity) -> Case {
        let n = listed[0].net;
        self.listed.extend(listed);
        self.targets.push(n);
        self.activity.push(a);
        self
    }

    fn join(self) -> Vec<AuditEntry> {
        join(&self.targets, self.listed, self.activity, SINCE)
    }
}

fn find<'a>(entries: &'a [AuditEntry], address: &str) -> &'a AuditEntry {
    entries
        .iter()
        .find(|e| e.address == address)
        .unwrap_or_else(|| panic!("no entry {address}"))
}

fn sample() -> Vec<AuditEntry> {
    Case::new()
        // Attacker: only failures, one account.
        .add(
            vec![fail2ban("203.0.113.66", &[])],
            activity(
                &[],
                &[("alice@example.test", 9)],
                &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            ),
        )
        // Sprayer: failures against four accounts.
        .add(
            vec![fail2ban("203.0.113.77", &[])],
            activity(
                &[],
                &[
                    ("a@example.test", 1),
                    ("b@example.test", 1),
                    ("c@example.test", 1),
                    ("d@example.test", 1),
                ],
                &[0, 1, 2, 3],
            ),
        )
        // A hand-made block, never seen in the logs.
        .add(
            vec![{
                let mut l = Listed::new(
                    net("198.51.100.11"),
                    block(BlockSource::Iptables, "198.51.100.11", 1),
                );
                l.block.effect = Effect::Drop;
                l.block.since = None;
                l.block.until = None;
                l
            }],
            Activity::default(),
        )
        // A quiet customer (CSF deny and its DENYIN rule).
        .add(
            vec![csf("198.51.100.13"), csf_rule("198.51.100.13")],
            activity(
                &[("bob@example.test", 2)],
                &[("bob@example.test", 5)],
                &[10, 20, 30, 40, 50],
            ),
        )
        // A busy customer banned three times this week: the phone with an old password.
        .add(
            vec![fail2ban(
                "198.51.100.15",
                &[SINCE + 100, NOW - 86_400, SINCE - 10],
            )],
            activity(
                &[("alice@example.test", 40)],
                &[("alice@example.test", 9)],
                &[100, 110, 120],
            ),
        )
        // An office address: signed in fine as carol, failed against three others.
        .add(
            vec![fail2ban("198.51.100.30", &[])],
            activity(
                &[("carol@example.test", 3)],
                &[
                    ("x@example.test", 1),
                    ("y@example.test", 1),
                    ("z@example.test", 1),
                ],
                &[0, 1, 2],
            ),
        )
        // A customer's whole network in csf.deny.
        .add(
            vec![csf("198.51.100.128/25")],
            activity(&[("dave@example.test", 1)], &[], &[]),
        )
        .join()
}

#[test]
fn kinds_from_what_the_logs_show() {
    let e = sample();
    assert_eq!(find(&e, "203.0.113.66").kind, Kind::FailedOnly);
    assert_eq!(find(&e, "203.0.113.77").kind, Kind::Spraying);
    assert_eq!(find(&e, "198.51.100.11").kind, Kind::NoSignIns);
    assert_eq!(find(&e, "198.51.100.13").kind, Kind::Customer);
    assert_eq!(find(&e, "198.51.100.15").kind, Kind::Customer);
    assert_eq!(find(&e, "198.51.100.30").kind, Kind::Shared);
    assert_eq!(find(&e, "198.51.100.128/25").kind, Kind::Customer);
    // Postfix's and Dovecot's lines for one failure count once.
    assert_eq!(find(&e, "203.0.113.66").sign_ins_failed, 9);
    assert_eq!(
        find(&e, "198.51.100.15").accounts_ok[0].account,
        "alice@example.test"
    );
    assert_eq!(find(&e, "198.51.100.15").accounts_ok[0].count, 40);
}

#[test]
fn customers_first_the_busiest_first_then_the_rest() {
    let e = sample();
    let order: Vec<(&str, &str)> = e
        .iter()
        .map(|x| (x.id.as_str(), x.address.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("entry.0", "198.51.100.15"),
            ("entry.1", "198.51.100.13"),
            ("entry.2", "198.51.100.128/25"),
            ("entry.3", "198.51.100.30"),
            ("entry.4", "198.51.100.11"),
            ("entry.5", "203.0.113.66"),
            ("entry.6", "203.0.113.77"),
        ]
    );
}

#[test]
fn one_entry_per_address_with_every_block_and_each_command_once() {
    let e = sample();
    let c = find(&e, "198.51.100.13");
    // The kernel's rule first, then CSF's list entry.
    let sources: Vec<BlockSource> = c.blocks.iter().map(|b| b.source).collect();
    assert_eq!(sources, [BlockSource::Iptables, BlockSource::Csf]);
    assert_eq!(
        c.unblock,
        ["csf -dr 198.51.100.13", "csf -tr 198.51.100.13"]
    );
    // CSF's allow names the customer's account; the rule's plain `csf -a` is the same
    // command and is replaced too.
    assert_eq!(
        c.allow,
        ["csf -a 198.51.100.13 'smtp-doctor: mail client bob@example.test'"]
    );
    assert_eq!(
        c.banned_since.as_deref(),
        Some(rfc3339(NOW - 3600).as_str())
    );
    // The rule CSF made ends with CSF's entry; a hand-made rule has no end.
    assert_eq!(
        c.banned_until.as_deref(),
        Some(rfc3339(NOW + 3600).as_str())
    );
    assert_eq!(find(&e, "198.51.100.11").banned_until, None);
    // No lines from the tool: the latest failures the logs show stand in (none here).
    assert!(c.trigger_lines.is_empty());
    let f = find(&e, "198.51.100.15");
    assert_eq!(f.trigger_lines.len(), 1);
    assert_eq!(
        f.banned_until.as_deref(),
        Some(rfc3339(NOW + 3600).as_str())
    );
}

#[test]
fn repeat_offender_names_the_account_and_the_devices() {
    let e = sample();
    let r = find(&e, "198.51.100.15")
        .repeat
        .as_ref()
        .expect("banned three times");
    // Two earlier bans in the window (one before it does not count) and the current one.
    assert_eq!(r.bans, 3);
    assert_eq!(r.account.as_deref(), Some("alice@example.test"));
    assert!(
        r.note
            .contains("update the password of alice@example.test on every device"),
        "{}",
        r.note
    );
    assert!(find(&e, "198.51.100.13").repeat.is_none());
    assert!(find(&e, "203.0.113.66").repeat.is_none());
}

#[test]
fn apply_takes_customers_single_addresses_only() {
    let e = sample();
    let applied: Vec<&str> = e
        .iter()
        .filter(|x| x.apply)
        .map(|x| x.address.as_str())
        .collect();
    assert_eq!(applied, ["198.51.100.15", "198.51.100.13"]);
    let r = AuditReport::new(
        Window {
            since: SINCE,
            until: NOW,
        },
        NOW,
        "7d".into(),
        e,
        vec![],
        vec![],
        vec![],
    );
    // Unblock then allow, per customer; fail2ban's jail.local line is shown, not run.
    assert_eq!(
        r.apply_commands(),
        [
            "fail2ban-client set postfix-sasl unbanip 198.51.100.15",
            "fail2ban-client set postfix-sasl addignoreip 198.51.100.15",
            "csf -dr 198.51.100.13",
            "csf -tr 198.51.100.13",
            "csf -a 198.51.100.13 'smtp-doctor: mail client bob@example.test'",
        ]
    );
    assert_eq!(r.verdict, crate::diagnosis::Verdict::Problem);
    assert_eq!(r.exit_code(), 1);
    assert_eq!(r.summary.customer, 3);
    assert_eq!(r.summary.shared, 1);
    assert_eq!(r.summary.repeat, 1);
}

#[test]
fn no_customer_is_ok_and_an_unread_firewall_is_not_sure() {
    let e = Case::new()
        .add(
            vec![fail2ban("203.0.113.66", &[])],
            activity(&[], &[("alice@example.test", 3)], &[0, 1, 2]),
        )
        .join();
    let w = Window {
        since: SINCE,
        until: NOW,
    };
    let r = AuditReport::new(w, NOW, "7d".into(), e.clone(), vec![], vec![], vec![]);
    assert_eq!(
        (r.verdict, r.exit_code()),
        (crate::diagnosis::Verdict::Ok, 0)
    );
    assert!(r.apply_commands().is_empty());
    let denied = vec![crate::server::model::SourceEntry::new(
        "iptables",
        crate::server::model::SourceStatus::Denied,
        "permission denied",
    )];
    let r = AuditReport::new(w, NOW, "7d".into(), e, vec![], vec![], denied);
    assert_eq!(r.verdict, crate::diagnosis::Verdict::Inconclusive);
}

#[test]
fn advice_names_the_threshold_that_would_have_spared_the_customers() {
    let e = Case::new()
        // Customers: three failures within a minute each (the jail's maxretry).
        .add(
            vec![fail2ban("198.51.100.15", &[])],
            activity(
                &[("alice@example.test", 4)],
                &[("alice@example.test", 3)],
                &[1000, 1010, 1020],
            ),
        )
        .add(
            vec![fail2ban("198.51.100.16", &[])],
            activity(
                &[("bob@example.test", 1)],
                &[("bob@example.test", 4)],
                &[5000, 5100, 5200, 5300],
            ),
        )
        // Attackers: a burst of ten, and one that stopped at three.
        .add(
            vec![fail2ban("203.0.113.66", &[])],
            activity(
                &[],
                &[("alice@example.test", 10)],
                &(0..10).collect::<Vec<i64>>(),
            ),
        )
        .add(
            vec![fail2ban("203.0.113.67", &[])],
            activity(&[], &[("root@example.test", 3)], &[0, 5, 10]),
        )
        .join();
    let settings = vec![
        Setting {
            source: "fail2ban:postfix-sasl".into(),
            name: "maxretry".into(),
            value: "3".into(),
            location: None,
        },
        Setting {
            source: "fail2ban:postfix-sasl".into(),
            name: "findtime".into(),
            value: "600".into(),
            location: None,
        },
    ];
    let a = advise(&e, &settings);
    assert_eq!(a.len(), 1, "{a:#?}");
    let a = &a[0];
    assert_eq!(
        (a.source.as_str(), a.setting.as_str()),
        ("fail2ban:postfix-sasl", "maxretry")
    );
    assert_eq!(a.current.as_deref(), Some("3"));
    assert_eq!(a.interval_secs, Some(600));
    assert_eq!(a.customers_banned, ["198.51.100.15", "198.51.100.16"]);
    assert_eq!(a.customer_peak, 4);
    assert_eq!(a.suggested, "5");
    assert_eq!((a.others_banned, a.others_still_banned), (2, 1));
    assert!(
        a.text.contains("maxretry = 5 would have spared them"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Nothing was changed"), "{}", a.text);
    // Without a customer among its bans, a rule gets no advice.
    let only_attackers = Case::new()
        .add(
            vec![fail2ban("203.0.113.66", &[])],
            activity(&[], &[("alice@example.test", 10)], &[0]),
        )
        .join();
    assert!(advise(&only_attackers, &settings).is_empty());
    // lfd's trigger: LF_SMTPAUTH within LF_INTERVAL; the count lfd wrote is a floor.
    let csf_case = Case::new()
        .add(
            vec![csf("198.51.100.13")],
            activity(
                &[("bob@example.test", 2)],
                &[("bob@example.test", 2)],
                &[10, 20],
            ),
        )
        .join();
    let csf_settings = vec![
        Setting {
            source: "csf".into(),
            name: "LF_SMTPAUTH".into(),
            value: "5".into(),
            location: None,
        },
        Setting {
            source: "csf".into(),
            name: "LF_INTERVAL".into(),
            value: "3600".into(),
            location: None,
        },
    ];
    let a = advise(&csf_case, &csf_settings);
    assert_eq!(a[0].setting, "LF_SMTPAUTH");
    assert_eq!(a[0].customer_peak, 5);
    assert_eq!(a[0].suggested, "6");
}

#[test]
fn kind_thresholds() {
    let acc = |a: &str| AccountCount {
        account: a.into(),
        count: 1,
        first: String::new(),
        last: String::new(),
    };
    assert_eq!(kind_of(&[], &[], 0), Kind::NoSignIns);
    assert_eq!(kind_of(&[], &[], 2), Kind::FailedOnly);
    assert_eq!(kind_of(&[], &[acc("a"), acc("b")], 2), Kind::FailedOnly);
    assert_eq!(
        kind_of(&[], &[acc("a"), acc("b"), acc("c")], 3),
        Kind::Spraying
    );
    // Failures of the account it signs in with are not "other" accounts.
    assert_eq!(
        kind_of(&[acc("a")], &[acc("a"), acc("b"), acc("c")], 3),
        Kind::Customer
    );
    assert_eq!(
        kind_of(&[acc("a")], &[acc("b"), acc("c"), acc("d")], 3),
        Kind::Shared
    );
}

#[test]
fn lfd_permanent_block_after_temporary_ones_is_a_repeat() {
    let mut l = csf("198.51.100.40");
    l.trigger = Some("PERMBLOCK".into());
    l.ban_count = Some(4);
    l.failures = None;
    let e = Case::new()
        .add(
            vec![l],
            activity(
                &[("erin@example.test", 9)],
                &[("erin@example.test", 20)],
                &[],
            ),
        )
        .join();
    let r = e[0]
        .repeat
        .as_ref()
        .expect("a permanent block after 4 temporary ones");
    // "had more than 4 temp blocks": at least five bans.
    assert_eq!(r.bans, 5);
    assert_eq!(r.account.as_deref(), Some("erin@example.test"));
    assert!(r.note.contains("on every device"), "{}", r.note);
}
