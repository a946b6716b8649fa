//! Server-mode findings built by hand for the wizard's tests (snapshots and flow): a CSF
//! ban with its iptables rule, failed sign-ins in the log, the services, the sources.
//! The report is made by the real orchestration and diagnosis (`examine_outcomes`).
#![allow(dead_code)]

use std::time::Duration;

use smtp_doctor::server::context::{Ctx, Paths, Window};
use smtp_doctor::server::model::{
    Block, BlockSource, CertificateFinding, Effect, LogEntry, LogEvent, ServiceFinding,
    ServicesOutcome, Setting, SourceEntry, SourceOutcome, SourceStatus,
};
use smtp_doctor::server::report::ReportInput;
use smtp_doctor::server::run::{examine_outcomes, Examined, Outcomes};
use smtp_doctor::server::window::rfc3339;

/// 2026-12-01 09:00:00 UTC.
pub const NOW: i64 = 1_796_115_600;

pub fn ctx() -> Ctx {
    Ctx {
        client: "198.51.100.7".parse().expect("ip"),
        account: Some("alice@example.test".into()),
        window: Window {
            since: NOW - 86_400,
            until: NOW,
        },
        paths: Paths::default(),
        command_timeout: Duration::from_secs(10),
        now: NOW,
    }
}

fn read(name: &str) -> SourceOutcome {
    SourceOutcome {
        sources: vec![SourceEntry::new(name, SourceStatus::Read, "")],
        ..Default::default()
    }
}

fn block(source: BlockSource, location: &str, rule: &str, effect: Effect) -> Block {
    Block {
        id: String::new(),
        source,
        location: location.into(),
        rule: rule.into(),
        reason: None,
        since: None,
        until: None,
        unblock: vec!["csf -dr 198.51.100.7".into()],
        allow: vec!["csf -a 198.51.100.7 'customer alice'".into()],
        effect,
        made_by: None,
        matched: "198.51.100.7".into(),
        ports: vec![],
        order: 0,
    }
}

/// Nothing blocks; the services are sound.
pub fn clear_outcomes() -> Outcomes {
    let mut o = Outcomes {
        packet: read("iptables"),
        csf: read("csf"),
        fail2ban: SourceOutcome {
            sources: vec![SourceEntry::new(
                "fail2ban",
                SourceStatus::Absent,
                "fail2ban-client is not installed",
            )],
            ..Default::default()
        },
        mta_access: read("postfix-access"),
        ..Default::default()
    };
    o.logs.sources = vec![SourceEntry::new(
        "/var/log/mail.log",
        SourceStatus::Read,
        "",
    )];
    o.services = ServicesOutcome {
        sources: vec![SourceEntry::new("services", SourceStatus::Read, "")],
        services: vec![
            ServiceFinding {
                port: 25,
                listening: true,
                program: Some("master".into()),
                tls: Some("starttls".into()),
                certificate: None,
                auth: Some(false),
                notes: vec![],
            },
            ServiceFinding {
                port: 587,
                listening: true,
                program: Some("master".into()),
                tls: Some("starttls".into()),
                certificate: Some(CertificateFinding {
                    names: vec!["mail.example.test".into()],
                    not_after: Some("2027-03-01T00:00:00Z".into()),
                    problem: None,
                    file: "/etc/ssl/mail.pem".into(),
                    chain_length: 2,
                    issuer: Some("CN=Example CA".into()),
                }),
                auth: Some(true),
                notes: vec![],
            },
        ],
        ..Default::default()
    };
    o
}

/// CSF blocks the address after five failed sign-ins.
pub fn blocked_outcomes() -> Outcomes {
    let mut o = clear_outcomes();
    let mut rule = block(
        BlockSource::Iptables,
        "filter/DENYIN",
        "-A DENYIN -s 198.51.100.7/32 -j DROP",
        Effect::Drop,
    );
    rule.made_by = Some(BlockSource::Csf);
    let mut deny = block(
        BlockSource::Csf,
        "/etc/csf/csf.deny:12",
        "198.51.100.7 # lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.7: 5 in the last 3600 secs",
        Effect::Deny,
    );
    deny.reason = Some("(smtpauth) Failed SMTP AUTH login: 5 in the last 3600 secs".into());
    deny.since = Some("2026-12-01T08:05:00Z".into());
    o.packet.blocks.push(rule);
    o.csf.blocks.push(deny);
    o.csf.settings.push(Setting {
        source: "csf".into(),
        name: "LF_SMTPAUTH".into(),
        value: "5".into(),
        location: Some("/etc/csf/csf.conf:310".into()),
    });
    for i in 0..5 {
        let t = NOW - 3600 + i * 60;
        o.logs.entries.push(LogEntry {
            id: String::new(),
            time: rfc3339(t),
            file: "/var/log/mail.log".into(),
            program: "postfix/submission/smtpd".into(),
            event: LogEvent::AuthFailed,
            account: Some("alice@example.test".into()),
            line: format!(
                "Dec  1 08:0{i}:00 mail postfix/submission/smtpd[4242]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: authentication failure, sasl_username=alice@example.test"
            ),
            reply: Some("535 5.7.8 Error: authentication failed".into()),
            unix: t,
        });
    }
    o
}

pub fn examined(outcomes: Outcomes) -> Examined {
    let ctx = ctx();
    let input = ReportInput {
        since: "24h".into(),
        ..Default::default()
    };
    let report = examine_outcomes(&ctx, input.clone(), outcomes);
    Examined { ctx, input, report }
}
