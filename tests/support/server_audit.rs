//! An audit built by hand for the wizard's tests (snapshots and flow): a fail2ban customer
//! banned three times this week, a CSF customer, a hand-made block, an attacker and a
//! sprayer. The document is made by the real join, ranking and advice.
#![allow(dead_code)]

use smtp_doctor::server::audit::advice::advise;
use smtp_doctor::server::audit::join::join;
use smtp_doctor::server::audit::AuditReport;
use smtp_doctor::server::context::Window;
use smtp_doctor::server::firewall::{Listed, Listing};
use smtp_doctor::server::logs::multi::{Activity, Channel, Tally};
use smtp_doctor::server::model::{Block, BlockSource, Effect, Setting, SourceEntry, SourceStatus};
use smtp_doctor::server::netaddr::parse_net;
use smtp_doctor::server::window::rfc3339;

/// 2026-12-01 09:00:00 UTC.
pub const NOW: i64 = 1_796_115_600;
const WEEK: i64 = 7 * 86_400;

fn block(source: BlockSource, ip: &str, location: &str) -> Block {
    Block {
        id: String::new(),
        source,
        location: location.into(),
        rule: format!("{ip} 2026-12-01 08:50:00 + 3600 = 2026-12-01 09:50:00"),
        reason: None,
        since: Some(rfc3339(NOW - 600)),
        until: Some(rfc3339(NOW + 3000)),
        unblock: vec![],
        allow: vec![],
        effect: Effect::Deny,
        made_by: None,
        matched: ip.into(),
        ports: vec![],
        order: 0,
    }
}

fn fail2ban(ip: &str, earlier: Vec<i64>) -> Listed {
    let mut b = block(BlockSource::Fail2ban, ip, "jail postfix-sasl");
    b.reason = Some(format!("3 failures: Dec  1 08:49:50 mail postfix/submission/smtpd[4242]: warning: unknown[{ip}]: SASL PLAIN authentication failed"));
    b.unblock = vec![format!("fail2ban-client set postfix-sasl unbanip {ip}")];
    b.allow = vec![format!("fail2ban-client set postfix-sasl addignoreip {ip}")];
    let mut l = Listed::new(parse_net(ip).expect("address"), b);
    l.trigger = Some("postfix-sasl".into());
    l.failures = Some(3);
    l.earlier_bans = earlier;
    l.lines = vec![format!("Dec  1 08:49:50 mail postfix/submission/smtpd[4242]: warning: unknown[{ip}]: SASL PLAIN authentication failed: (reason unavailable), sasl_username=alice@example.test")];
    l
}

fn csf(ip: &str) -> Listed {
    let mut b = block(BlockSource::Csf, ip, "/var/lib/csf/csf.tempban:1");
    b.reason = Some(format!(
        "lfd - (smtpauth) Failed SMTP AUTH login from {ip} (XX/Country/-): 5 in the last 3600 secs"
    ));
    b.unblock = vec![format!("csf -tr {ip}")];
    b.allow = vec![format!("csf -a {ip} 'smtp-doctor: mail client'")];
    let mut l = Listed::new(parse_net(ip).expect("address"), b);
    l.trigger = Some("smtpauth".into());
    l.failures = Some(5);
    l
}

fn rule(ip: &str) -> Listed {
    let mut b = block(BlockSource::Iptables, ip, "filter/INPUT #1");
    b.effect = Effect::Drop;
    b.rule = format!("-A INPUT -s {ip}/32 -j DROP");
    b.since = None;
    b.until = None;
    b.unblock = vec![format!("iptables -t filter -D INPUT -s {ip}/32 -j DROP")];
    Listed::new(parse_net(ip).expect("address"), b)
}

fn activity(ok: &[(&str, u64)], failed: &[(&str, u64)], times: Vec<i64>) -> Activity {
    let mut a = Activity::default();
    for (acc, n) in ok {
        a.ok.insert(
            (acc.to_string(), Channel::Smtp),
            Tally {
                count: *n,
                first: NOW - 5 * 86_400,
                last: NOW - 7200,
            },
        );
    }
    for (acc, n) in failed {
        a.failed.insert(
            (acc.to_string(), Channel::Smtp),
            Tally {
                count: *n,
                first: NOW - 700,
                last: NOW - 610,
            },
        );
    }
    a.failure_times.insert(Channel::Smtp, times);
    a
}

/// The audit: two customers locked out, and the rest.
pub fn report() -> AuditReport {
    let items = vec![
        (
            fail2ban("198.51.100.15", vec![NOW - 3 * 86_400, NOW - 86_400]),
            activity(
                &[("alice@example.test", 40)],
                &[("alice@example.test", 3)],
                vec![NOW - 700, NOW - 650, NOW - 610],
            ),
        ),
        (
            csf("198.51.100.23"),
            activity(
                &[("bob@example.test", 2)],
                &[("bob@example.test", 5)],
                (0..5).map(|i| NOW - 900 + i * 30).collect(),
            ),
        ),
        (rule("198.51.100.11"), Activity::default()),
        (
            fail2ban("203.0.113.66", vec![]),
            activity(
                &[],
                &[("admin@example.test", 12)],
                (0..12).map(|i| NOW - 900 + i).collect(),
            ),
        ),
        (
            fail2ban("203.0.113.77", vec![]),
            activity(
                &[],
                &[
                    ("bob@example.test", 1),
                    ("carol@example.test", 1),
                    ("dave@example.test", 1),
                ],
                vec![NOW - 300, NOW - 299, NOW - 298],
            ),
        ),
    ];
    let targets: Vec<_> = items.iter().map(|(l, _)| l.net).collect();
    let (listed, activity): (Vec<Listed>, Vec<Activity>) = items.into_iter().unzip();
    let entries = join(&targets, listed, activity, NOW - WEEK);
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
        Setting {
            source: "csf".into(),
            name: "LF_SMTPAUTH".into(),
            value: "5".into(),
            location: Some("/etc/csf/csf.conf:412".into()),
        },
        Setting {
            source: "csf".into(),
            name: "LF_INTERVAL".into(),
            value: "3600".into(),
            location: Some("/etc/csf/csf.conf:390".into()),
        },
    ];
    let advice = advise(&entries, &settings);
    let sources = Listing {
        sources: vec![
            SourceEntry::new("iptables", SourceStatus::Read, "4 tables, 31 rules; 1 blocked (address or network)"),
            SourceEntry::new("csf", SourceStatus::Read, "read csf.conf, csf.deny: 0 entries, csf.tempban: 1 in force, 0 expired; 1 blocking entries"),
            SourceEntry::new("fail2ban", SourceStatus::Read, "1 jails (postfix-sasl); 3 banned; 4 fail2ban-client calls in 0.31 s"),
            SourceEntry::new("/var/log/mail.log", SourceStatus::Read, "812 MB, 61 matching lines in the window"),
        ],
        ..Default::default()
    }
    .sources;
    AuditReport::new(
        Window {
            since: NOW - WEEK,
            until: NOW,
        },
        NOW,
        "1w".into(),
        entries,
        advice,
        settings,
        sources,
    )
}
