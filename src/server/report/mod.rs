//! Server mode's report: the `smtp-doctor/server-report/v1` document of the contract
//! (../shared/spec/cli.md, "Server mode") with this program's extension fields, and its
//! renderings for people: [`text`] for the terminal, [`markdown`] for a ticket.
//!
//! Contract fields, in the contract's order: `schema`, `tool_version`, `client_ip`,
//! `account` (null when none), `window {since, until}`, `verdict`, `causes[]`, `blocks[]`,
//! `log[]`, `services[]`, `sources[]`. Extensions: `generated_at`, `input` (where the
//! address came from, the `--since` length), `settings[]` (the limits and options the
//! sources read), `problems[]` (the services source's findings), and `apply` (only with
//! `--apply`: the commands run, their outcomes, the blocks before, whether they are gone).

pub mod markdown;
pub mod text;

use std::net::IpAddr;

use serde::Serialize;

use crate::diagnosis::Verdict;
use crate::server::diagnose::Cause;

use super::applied::ApplyReport;
use super::context::Ctx;
use super::diagnose::ServerDiagnosis;
use super::findings::Findings;
use super::model::{Block, LogEntry, ServiceFinding, ServiceProblem, Setting, SourceEntry};
use super::window::rfc3339;

pub const SCHEMA: &str = "smtp-doctor/server-report/v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WindowTimes {
    pub since: String,
    pub until: String,
}

/// Where the client's address came from and how far back the logs were read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportInput {
    /// The customer's saved report (`--from-report`), when the address came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_report: Option<String>,
    /// When the customer's test ran, as their report says (the window is centred on it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tested_at: Option<String>,
    /// The window's length as given (`--since`), e.g. `24h`.
    pub since: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServerReport {
    pub schema: &'static str,
    pub tool_version: &'static str,
    pub client_ip: IpAddr,
    pub account: Option<String>,
    pub window: WindowTimes,
    pub verdict: Verdict,
    pub causes: Vec<Cause>,
    pub blocks: Vec<Block>,
    pub log: Vec<LogEntry>,
    pub services: Vec<ServiceFinding>,
    pub sources: Vec<SourceEntry>,
    // --- extensions -----------------------------------------------------------------------
    /// When this report was made (RFC 3339, UTC).
    pub generated_at: String,
    pub input: ReportInput,
    pub settings: Vec<Setting>,
    pub problems: Vec<ServiceProblem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<ApplyReport>,
}

impl ServerReport {
    pub fn new(ctx: &Ctx, input: ReportInput, f: Findings, d: ServerDiagnosis) -> ServerReport {
        ServerReport {
            schema: SCHEMA,
            tool_version: env!("CARGO_PKG_VERSION"),
            client_ip: ctx.client,
            account: ctx.account.clone(),
            window: WindowTimes {
                since: rfc3339(ctx.window.since),
                until: rfc3339(ctx.window.until),
            },
            verdict: d.verdict,
            causes: d.causes,
            blocks: f.blocks,
            log: f.log,
            services: f.services,
            sources: f.sources,
            generated_at: rfc3339(ctx.now),
            input,
            settings: f.settings,
            problems: f.problems,
            apply: None,
        }
    }

    /// One JSON document (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The entries that keep the client away from mail (blocks, not allows or jumps).
    pub fn mail_blocks(&self) -> Vec<&Block> {
        self.blocks
            .iter()
            .filter(|b| b.blocks() && super::diagnose::blocks::touches_mail(b))
            .collect()
    }

    /// The unblock commands of the blocking entries, each once, in packet order: what
    /// `--apply` runs.
    pub fn unblock_commands(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for b in self.mail_blocks() {
            for c in &b.unblock {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }

    /// The exit status of the contract: 0 ok, 1 a block, a problem or inconclusive.
    pub fn exit_code(&self) -> i32 {
        match self.verdict {
            Verdict::Ok => 0,
            Verdict::Problem | Verdict::Inconclusive => 1,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::server::diagnose::tests::outcomes;
    use crate::server::model::{
        BlockSource, CertificateFinding, Effect, LogEvent, ServicesOutcome, SourceStatus,
    };
    use crate::server::run::tests::{block, ctx, entry, T0};
    use crate::server::run::{examine_outcomes, Outcomes};
    use serde_json::Value;

    /// A report with one of everything: a CSF ban, failed sign-ins, services, an unread source.
    pub fn sample_outcomes() -> Outcomes {
        let mut o = outcomes();
        let mut rule = block(BlockSource::Iptables, 3, Effect::Drop);
        rule.location = "filter/DENYIN".into();
        rule.rule = "-A DENYIN -s 198.51.100.7/32 -j DROP".into();
        rule.made_by = Some(BlockSource::Csf);
        rule.unblock = vec!["csf -dr 198.51.100.7".into()];
        rule.allow = vec!["csf -a 198.51.100.7 'customer alice'".into()];
        let mut deny = block(BlockSource::Csf, 0, Effect::Deny);
        deny.location = "/etc/csf/csf.deny:12".into();
        deny.rule = "198.51.100.7 # lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.7 (XX/-/-): 5 in the last 3600 secs - Tue Dec  1 09:12:00 2026".into();
        deny.reason = Some(
            "(smtpauth) Failed SMTP AUTH login from 198.51.100.7: 5 in the last 3600 secs".into(),
        );
        deny.since = Some("2026-12-01T09:12:00Z".into());
        deny.unblock = vec!["csf -dr 198.51.100.7".into()];
        deny.allow = rule.allow.clone();
        o.packet.blocks.push(rule);
        o.csf.blocks.push(deny);
        o.fail2ban.sources = vec![SourceEntry::new(
            "fail2ban",
            SourceStatus::Denied,
            "fail2ban-client: permission denied (run as root)",
        )];
        o.csf.settings = vec![Setting {
            source: "csf".into(),
            name: "LF_SMTPAUTH".into(),
            value: "5".into(),
            location: Some("/etc/csf/csf.conf:2".into()),
        }];
        for i in 0..5 {
            let mut e = entry(
                T0 + i * 60,
                LogEvent::AuthFailed,
                "Dec  1 09:1x mail postfix/submission/smtpd[4242]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: authentication failure, sasl_username=alice@example.test",
            );
            e.account = Some("alice@example.test".into());
            e.reply = Some("535 5.7.8 Error: authentication failed".into());
            o.logs.entries.push(e);
        }
        o.logs.sources = vec![SourceEntry::new(
            "/var/log/mail.log",
            SourceStatus::Read,
            "5 lines",
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
                    notes: vec!["AUTH only after STARTTLS".into()],
                },
            ],
            ..Default::default()
        };
        o
    }

    pub fn sample() -> ServerReport {
        examine_outcomes(
            &ctx(),
            ReportInput {
                since: "24h".into(),
                ..Default::default()
            },
            sample_outcomes(),
        )
    }

    fn kind(v: &Value) -> &'static str {
        match v {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Each key of the contract's example with the type it has there (`string|null`
    /// where the contract shows `... or null`).
    fn assert_shape(v: &Value, keys: &[(&str, &str)], at: &str) {
        for (key, want) in keys {
            let got = v.get(*key).map_or("missing", kind);
            assert!(
                want.split('|').any(|w| w == got),
                "{at}.{key}: {got}, contract says {want}"
            );
        }
    }

    #[test]
    fn json_has_every_contract_key_with_its_type() {
        let v: Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(v["schema"], "smtp-doctor/server-report/v1");
        assert_eq!(v["tool_version"], env!("CARGO_PKG_VERSION"));
        assert_shape(
            &v,
            &[
                ("schema", "string"),
                ("tool_version", "string"),
                ("client_ip", "string"),
                ("account", "string|null"),
                ("window", "object"),
                ("verdict", "string"),
                ("causes", "array"),
                ("blocks", "array"),
                ("log", "array"),
                ("services", "array"),
                ("sources", "array"),
            ],
            "",
        );
        assert_shape(
            &v["window"],
            &[("since", "string"), ("until", "string")],
            "window",
        );
        assert!(["ok", "problem", "inconclusive"].contains(&v["verdict"].as_str().unwrap()));
        for c in v["causes"].as_array().unwrap() {
            assert_shape(
                c,
                &[
                    ("code", "string"),
                    ("confidence", "string"),
                    ("title", "string"),
                    ("explanation", "string"),
                    ("fix", "array"),
                    ("evidence", "array"),
                ],
                "causes[]",
            );
            assert!(
                ["confirmed", "likely", "possible"].contains(&c["confidence"].as_str().unwrap())
            );
        }
        let blocks = v["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 2);
        for b in blocks {
            assert_shape(
                b,
                &[
                    ("id", "string"),
                    ("source", "string"),
                    ("where", "string"),
                    ("rule", "string"),
                    ("reason", "string|null"),
                    ("since", "string|null"),
                    ("until", "string|null"),
                    ("unblock", "array"),
                    ("allow", "array"),
                ],
                "blocks[]",
            );
            assert!([
                "iptables",
                "nftables",
                "ipset",
                "csf",
                "fail2ban",
                "mta_access",
                "tcp_wrappers"
            ]
            .contains(&b["source"].as_str().unwrap()));
        }
        assert_eq!(blocks[0]["id"], "block.0");
        let log = v["log"].as_array().unwrap();
        assert_eq!(log.len(), 5);
        for e in log {
            assert_shape(
                e,
                &[
                    ("id", "string"),
                    ("time", "string"),
                    ("file", "string"),
                    ("program", "string"),
                    ("event", "string"),
                    ("account", "string|null"),
                    ("line", "string"),
                ],
                "log[]",
            );
            assert!([
                "connect",
                "auth_ok",
                "auth_failed",
                "tls_failed",
                "rejected",
                "disconnect",
                "other"
            ]
            .contains(&e["event"].as_str().unwrap()));
        }
        for s in v["services"].as_array().unwrap() {
            assert_shape(
                s,
                &[
                    ("port", "number"),
                    ("listening", "bool"),
                    ("program", "string|null"),
                    ("tls", "string|null"),
                    ("certificate", "object|null"),
                ],
                "services[]",
            );
        }
        let cert = &v["services"][1]["certificate"];
        assert_shape(
            cert,
            &[
                ("names", "array"),
                ("not_after", "string|null"),
                ("problem", "string|null"),
            ],
            "certificate",
        );
        for s in v["sources"].as_array().unwrap() {
            assert_shape(
                s,
                &[
                    ("name", "string"),
                    ("status", "string"),
                    ("detail", "string"),
                ],
                "sources[]",
            );
            assert!(["read", "absent", "denied", "error"].contains(&s["status"].as_str().unwrap()));
        }
        // The evidence names ids that exist in the document.
        let ids: Vec<&str> = blocks
            .iter()
            .chain(log)
            .map(|x| x["id"].as_str().unwrap())
            .collect();
        for c in v["causes"].as_array().unwrap() {
            for e in c["evidence"].as_array().unwrap() {
                let e = e.as_str().unwrap();
                assert!(
                    ids.contains(&e) || e.starts_with("service."),
                    "evidence {e} names nothing"
                );
            }
        }
        // Without --apply there is no apply section.
        assert!(v.get("apply").is_none());
    }

    #[test]
    fn no_account_is_null() {
        let mut c = ctx();
        c.account = None;
        let r = examine_outcomes(&c, ReportInput::default(), outcomes());
        let v: Value = serde_json::from_str(&r.to_json()).unwrap();
        assert!(v["account"].is_null());
        assert_eq!(v["verdict"], "ok");
        assert_eq!(v["causes"][0]["code"], "ok.client_not_blocked");
        assert_eq!(r.exit_code(), 0);
    }

    #[test]
    fn exit_status_follows_the_verdict() {
        let mut r = sample();
        assert_eq!((r.verdict, r.exit_code()), (Verdict::Problem, 1));
        r.verdict = Verdict::Inconclusive;
        assert_eq!(r.exit_code(), 1);
        r.verdict = Verdict::Ok;
        assert_eq!(r.exit_code(), 0);
    }

    #[test]
    fn unblock_commands_are_listed_once_in_packet_order() {
        let r = sample();
        assert_eq!(r.unblock_commands(), ["csf -dr 198.51.100.7"]);
        assert_eq!(r.exit_code(), 1);
    }
}
