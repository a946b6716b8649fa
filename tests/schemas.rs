//! The committed JSON Schemas (`schemas/`): they are valid schemas, real documents match them,
//! and documents that break the contract do not. Reports from live lab runs are checked by
//! the lab helpers (`tests/common/mod.rs`), those of every recorded scenario by
//! `tests/scenarios.rs`.

#[path = "common/schema.rs"]
mod schema;

use std::path::Path;

use serde_json::{json, Value};
use smtp_doctor::recording::Recording;
use smtp_doctor::report::Report;
use smtp_doctor::server::model::{
    command, Block, BlockSource, CertificateFinding, Effect, LogEntry, LogEvent, ServiceFinding,
    SourceEntry, SourceStatus,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(relative: &str) -> Value {
    let text = std::fs::read_to_string(root().join(relative)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The report `check --json` prints for a recorded scenario.
fn scenario_report(name: &str) -> Value {
    let text =
        std::fs::read_to_string(root().join(format!("tests/scenarios/{name}.toml"))).unwrap();
    let recording = Recording::from_toml(&text).unwrap();
    let (_input, d) = recording.replay(root()).unwrap();
    serde_json::from_str(&Report::new(&d).to_json()).unwrap()
}

/// The violations of `doc` mention `needle` (so the schema rejected it for that reason).
fn assert_rejected_for(violations: &[String], needle: &str) {
    assert!(
        violations.iter().any(|v| v.contains(needle)),
        "expected a violation about {needle:?}, got {violations:?}"
    );
}

#[test]
fn the_schemas_are_valid_draft_2020_12_schemas() {
    for file in [
        schema::REPORT_SCHEMA,
        schema::SERVER_REPORT_SCHEMA,
        schema::SERVER_AUDIT_SCHEMA,
    ] {
        let doc = read_json(file);
        assert_eq!(
            doc["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{file}"
        );
        if let Err(e) = jsonschema::meta::validate(&doc) {
            panic!("{file} is not a valid JSON Schema: {e}");
        }
    }
}

#[test]
fn reports_of_scenarios_match_the_report_schema() {
    // One each: a pasted error (input.error), a working account (public address, transcript
    // in live runs), no settings found (no `recommended`), an invalid server name.
    for name in [
        "lab_run_pasted_535_wrong_password",
        "lab_working_account_sends",
        "lab_expired_certificate",
        "lab_web_address_in_the_server_field",
    ] {
        let doc = scenario_report(name);
        schema::assert_valid_report(&doc);
    }
    let doc = scenario_report("lab_run_pasted_535_wrong_password");
    assert!(doc["input"]["error"].is_object(), "{doc}");
}

#[test]
fn a_report_that_breaks_the_contract_is_rejected() {
    let good = scenario_report("lab_wrong_password");
    schema::assert_valid_report(&good);

    let mut doc = good.clone();
    doc.as_object_mut().unwrap().remove("verdict");
    assert_rejected_for(&schema::report_violations(&doc), "verdict");

    let mut doc = good.clone();
    doc["input"]["password"] = json!("hunter2");
    assert_rejected_for(&schema::report_violations(&doc), "password");

    let mut doc = good.clone();
    doc["checks"][0]["status"] = json!("passed");
    assert_rejected_for(&schema::report_violations(&doc), "/checks/0/status");

    let mut doc = good.clone();
    doc["causes"][0]["confidence"] = json!("certain");
    assert_rejected_for(&schema::report_violations(&doc), "/causes/0/confidence");

    let mut doc = good.clone();
    doc["recommended"]["port"] = json!(70000);
    assert_rejected_for(&schema::report_violations(&doc), "/recommended/port");

    let mut doc = good.clone();
    doc["public_ip"] = json!("not an address");
    assert_rejected_for(&schema::report_violations(&doc), "/public_ip");

    let mut doc = good;
    doc["transcript"] = json!([{"port": 587, "dir": "x", "line": "EHLO"}]);
    assert_rejected_for(&schema::report_violations(&doc), "/transcript/0/dir");
}

const CLIENT: &str = "198.51.100.7";

fn blocks() -> Vec<Block> {
    let csf = Block {
        id: "block.0".into(),
        source: BlockSource::Iptables,
        location: "filter/DENYIN".into(),
        rule: "-A DENYIN -s 198.51.100.7/32 -j DROP".into(),
        reason: None,
        since: None,
        until: None,
        unblock: vec![command(&["csf", "-dr", CLIENT])],
        allow: vec![command(&["csf", "-a", CLIENT, "customer alice"])],
        effect: Effect::Drop,
        made_by: Some(BlockSource::Csf),
        matched: CLIENT.into(),
        ports: vec![],
        order: 0,
    };
    let jail = Block {
        id: "block.1".into(),
        source: BlockSource::Fail2ban,
        location: "postfix-sasl".into(),
        rule: "banned in jail postfix-sasl".into(),
        reason: Some("5 failed sign-ins".into()),
        since: Some("2026-12-01T09:12:00Z".into()),
        until: Some("2026-12-01T10:12:00Z".into()),
        unblock: vec![command(&[
            "fail2ban-client",
            "set",
            "postfix-sasl",
            "unbanip",
            CLIENT,
        ])],
        allow: vec![],
        effect: Effect::Deny,
        made_by: None,
        matched: CLIENT.into(),
        ports: vec![25, 465, 587],
        order: 1,
    };
    let access = Block {
        id: "block.2".into(),
        source: BlockSource::MtaAccess,
        location: "/etc/postfix/access:3".into(),
        rule: "198.51.100.0/24 REJECT".into(),
        reason: None,
        since: None,
        until: None,
        unblock: vec![],
        allow: vec![],
        effect: Effect::RefuseSession,
        made_by: None,
        matched: "198.51.100.0/24".into(),
        ports: vec![],
        order: 2,
    };
    vec![csf, jail, access]
}

fn log() -> Vec<LogEntry> {
    vec![LogEntry {
        id: "log.0".into(),
        time: "2026-12-01T09:11:58Z".into(),
        file: "/var/log/mail.log".into(),
        program: "postfix/submission/smtpd".into(),
        event: LogEvent::AuthFailed,
        account: Some("alice@example.test".into()),
        line: "warning: unknown[198.51.100.7]: SASL PLAIN authentication failed: \\u{1b}".into(),
        reply: Some("535 5.7.8 Error: authentication failed".into()),
        unix: 0,
    }]
}

fn services() -> Vec<ServiceFinding> {
    vec![
        ServiceFinding {
            port: 587,
            listening: true,
            program: Some("master".into()),
            tls: Some("starttls".into()),
            certificate: Some(CertificateFinding {
                names: vec!["smtp.example.test".into()],
                not_after: Some("2029-03-05T10:40:19Z".into()),
                problem: None,
                file: "/etc/ssl/certs/smtp.pem".into(),
                chain_length: 2,
                issuer: Some("CN=Example CA".into()),
            }),
            auth: Some(true),
            notes: vec![],
        },
        ServiceFinding {
            port: 465,
            listening: false,
            program: None,
            tls: None,
            certificate: None,
            auth: None,
            notes: vec!["submissions is commented out in master.cf".into()],
        },
    ]
}

fn sources() -> Vec<SourceEntry> {
    vec![
        SourceEntry::new("iptables", SourceStatus::Read, "filter and raw tables"),
        SourceEntry::new("csf", SourceStatus::Absent, "csf is not installed"),
        SourceEntry::new("journal", SourceStatus::Denied, "not in group adm"),
        SourceEntry::new("nftables", SourceStatus::Error, "nft timed out after 5 s"),
    ]
}

/// A whole server report, its parts serialised from the model types.
fn server_report() -> Value {
    json!({
        "schema": "smtp-doctor/server-report/v1",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "client_ip": CLIENT,
        "account": "alice@example.test",
        "window": {"since": "2026-12-01T09:00:00Z", "until": "2026-12-01T10:00:00Z"},
        "verdict": "problem",
        "causes": [{
            "code": "server.client_ip_blocked",
            "confidence": "confirmed",
            "title": "The mail server's firewall blocks this address",
            "explanation": "csf lists 198.51.100.7 in its deny list.",
            "fix": ["csf -dr 198.51.100.7"],
            "evidence": ["block.0", "log.0"]
        }],
        "blocks": serde_json::to_value(blocks()).unwrap(),
        "log": serde_json::to_value(log()).unwrap(),
        "services": serde_json::to_value(services()).unwrap(),
        "sources": serde_json::to_value(sources()).unwrap(),
    })
}

#[test]
fn a_server_report_built_from_the_model_types_matches_its_schema() {
    let doc = server_report();
    schema::assert_valid_server_report(&doc);

    // Without an account, an IPv6 client, nothing found: still valid.
    let mut doc = server_report();
    doc["account"] = Value::Null;
    doc["client_ip"] = json!("2001:db8::7");
    for list in ["causes", "blocks", "log", "services"] {
        doc[list] = json!([]);
    }
    doc["verdict"] = json!("ok");
    schema::assert_valid_server_report(&doc);
}

#[test]
fn a_server_report_that_breaks_the_contract_is_rejected() {
    let mut doc = server_report();
    doc.as_object_mut().unwrap().remove("sources");
    assert_rejected_for(&schema::server_report_violations(&doc), "sources");

    let mut doc = server_report();
    doc["client_ip"] = json!("198.51.100.300");
    assert_rejected_for(&schema::server_report_violations(&doc), "/client_ip");

    let mut doc = server_report();
    doc["blocks"][0]["id"] = json!("b0");
    assert_rejected_for(&schema::server_report_violations(&doc), "/blocks/0/id");

    let mut doc = server_report();
    doc["blocks"][1]["source"] = json!("ufw");
    assert_rejected_for(&schema::server_report_violations(&doc), "/blocks/1/source");

    let mut doc = server_report();
    doc["log"][0]["event"] = json!("login");
    assert_rejected_for(&schema::server_report_violations(&doc), "/log/0/event");

    let mut doc = server_report();
    doc["window"]["since"] = json!("yesterday");
    assert_rejected_for(&schema::server_report_violations(&doc), "/window/since");

    let mut doc = server_report();
    doc["sources"][0]["status"] = json!("ok");
    assert_rejected_for(&schema::server_report_violations(&doc), "/sources/0/status");

    // The model's sort key never leaves the program.
    let mut doc = server_report();
    doc["blocks"][0]["order"] = json!(0);
    assert_rejected_for(&schema::server_report_violations(&doc), "order");
}

/// An audit made by the library from a listing and no log activity (the binary's output is
/// checked in tests/server_audit.rs and the server lab).
#[test]
fn an_audit_document_matches_its_schema_and_a_broken_one_does_not() {
    use smtp_doctor::server::audit::{join::join, AuditReport};
    use smtp_doctor::server::context::Window;
    use smtp_doctor::server::firewall::Listed;
    use smtp_doctor::server::logs::multi::Activity;

    let b = blocks().remove(1);
    let net = smtp_doctor::server::netaddr::parse_net(CLIENT).unwrap();
    let entries = join(
        &[net],
        vec![Listed::new(net, b)],
        vec![Activity::default()],
        0,
    );
    let r = AuditReport::new(
        Window {
            since: 1_796_000_000,
            until: 1_796_115_600,
        },
        1_796_115_600,
        "1w".into(),
        entries,
        vec![],
        vec![],
        vec![SourceEntry::new("csf", SourceStatus::Read, "read csf.deny")],
    );
    let doc: Value = serde_json::from_str(&r.to_json()).unwrap();
    schema::assert_valid_server_audit(&doc);
    let mut bad = doc.clone();
    bad["summary"]["blocked"] = json!(-1);
    assert_rejected_for(&schema::server_audit_violations(&bad), "/summary/blocked");
}
