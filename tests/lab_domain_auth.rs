//! Domain authentication of the sender's domain against the loopback lab: dnsmasq serves
//! each domain's SPF, DMARC and DKIM records (tests/lab/lab.sh), the lab's Postfix
//! (smtp.example.test, 127.0.10.1) is the server, and alice@example.test may send as any
//! address of these domains, so the verdict is "sending works" with the domain's warnings
//! beside it. Run under the lab lock: `flock /tmp/sd-lab.lock bash tests/run.sh --test lab_domain_auth`.

mod common;

use common::{lab, run_check, run_check_text, CheckRun};
use serde_json::Value;

const PASSWORD: &str = "correct horse battery staple";

fn profiles() -> String {
    format!("{}/tests/lab/profiles", env!("CARGO_MANIFEST_DIR"))
}

fn check(email: &str) -> CheckRun {
    lab();
    let profiles = profiles();
    run_check(
        &[
            "--email",
            email,
            "--user",
            "alice@example.test",
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--profiles",
            &profiles,
        ],
        Some(PASSWORD),
    )
}

fn codes(run: &CheckRun) -> Vec<String> {
    run.report()["causes"]
        .as_array()
        .unwrap_or_else(|| panic!("no causes\n{}", run.pretty()))
        .iter()
        .filter_map(|c| c["code"].as_str().map(str::to_string))
        .collect()
}

fn auth_check(run: &CheckRun) -> Value {
    run.report()["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "dns.domain.auth"))
        .cloned()
        .unwrap_or_else(|| panic!("no dns.domain.auth check\n{}", run.pretty()))
}

/// Sending works first; the domain's warnings follow it, never replacing it.
fn assert_warnings(run: &CheckRun, expected: &[&str]) {
    let got = codes(run);
    assert_eq!(got[0], "ok.sending_works", "{}", run.pretty());
    assert_eq!(&got[1..], expected, "{}", run.pretty());
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
}

#[test]
fn healthy_domain_has_no_warning() {
    let run = check("bob@auth-ok.test");
    assert_warnings(&run, &[]);
    let c = auth_check(&run);
    assert_eq!(c["status"], "pass", "{}", run.pretty());
    let d = &c["detail"];
    assert_eq!(d["spf"]["outcome"], "evaluated");
    assert_eq!(d["spf"]["results"][0]["address"], "127.0.10.1");
    assert_eq!(d["spf"]["results"][0]["result"], "pass");
    assert_eq!(d["dmarc"]["policy"], "reject");
    assert_eq!(d["dmarc"]["adkim"], "strict");
    assert_eq!(d["dkim"][0]["selector"], "lab1");
    assert_eq!(d["dkim"][0]["state"], "present");
}

#[test]
fn domain_without_spf_is_missing_records() {
    let run = check("bob@spf-none.test");
    assert_warnings(&run, &["domain.auth_records_missing"]);
    assert_eq!(auth_check(&run)["detail"]["spf"]["outcome"], "missing");
}

#[test]
fn spf_without_the_server_names_the_record_to_publish() {
    let run = check("bob@spf-other.test");
    assert_warnings(&run, &["domain.spf_not_covering_server"]);
    let d = &auth_check(&run)["detail"];
    assert_eq!(d["spf"]["results"][0]["result"], "fail", "{}", run.pretty());
    assert_eq!(d["dmarc"]["policy"], "quarantine");
    let text = run.report().to_string();
    assert!(
        text.contains("v=spf1 ip4:203.0.113.25 ip4:127.0.10.1 -all"),
        "the fix does not name the record to publish\n{}",
        run.pretty()
    );
}

#[test]
fn spf_over_ten_lookups_is_flagged() {
    let run = check("bob@spf-long.test");
    assert_warnings(&run, &["domain.spf_too_many_lookups"]);
    let d = &auth_check(&run)["detail"];
    assert_eq!(d["spf"]["outcome"], "too_many_lookups", "{}", run.pretty());
    assert_eq!(d["spf"]["lookups"], 11, "{}", run.pretty());
}

#[test]
fn domain_without_dmarc_is_missing_records() {
    let run = check("bob@dmarc-none.test");
    assert_warnings(&run, &["domain.auth_records_missing"]);
    let d = &auth_check(&run)["detail"];
    assert_eq!(d["dmarc"]["outcome"], "missing");
    assert_eq!(d["spf"]["results"][0]["result"], "pass");
}

#[test]
fn dkim_selector_without_key_is_flagged() {
    let run = check("bob@dkim-none.test");
    assert_warnings(&run, &["domain.dkim_key_missing"]);
    let d = &auth_check(&run)["detail"];
    assert_eq!(d["dkim"][0]["selector"], "lab1");
    assert_eq!(d["dkim"][0]["state"], "missing");
    assert!(
        run.report()
            .to_string()
            .contains("lab1._domainkey.dkim-none.test"),
        "the fix does not name the key's DNS name\n{}",
        run.pretty()
    );
}

#[test]
fn spf_including_a_name_without_spf_is_broken() {
    let run = check("bob@spf-broken.test");
    assert_warnings(&run, &["domain.spf_invalid"]);
    let d = &auth_check(&run)["detail"];
    assert_eq!(d["spf"]["outcome"], "invalid", "{}", run.pretty());
    assert_eq!(
        d["spf"]["reason"],
        "gone.spf-broken.test, named by include or redirect, publishes no SPF record"
    );
}

/// The text report and the Markdown one (`--save`) name the warning in plain words beside
/// "sending works", with the check's line (the JSON carries the record to publish, above).
#[test]
fn text_and_markdown_reports_name_the_spf_record_to_publish() {
    lab();
    let profiles = profiles();
    let md =
        std::env::temp_dir().join(format!("smtp-doctor-domain-auth-{}.md", std::process::id()));
    let md_path = md.to_string_lossy().to_string();
    let run = run_check_text(
        &[
            "--email",
            "bob@spf-other.test",
            "--user",
            "alice@example.test",
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--profiles",
            &profiles,
            "--save",
            &md_path,
        ],
        Some(PASSWORD),
    );
    let markdown = std::fs::read_to_string(&md).unwrap_or_default();
    let _ = std::fs::remove_file(&md);
    for (name, text) in [("text", &run.stdout), ("markdown", &markdown)] {
        for wanted in [
            "Your domain's SPF record does not list the server that sends your mail",
            "dns.domain.auth",
            "127.0.10.1 fail",
        ] {
            assert!(
                text.contains(wanted),
                "the {name} report lacks {wanted:?}\n{text}\n--- stderr\n{}",
                run.stderr
            );
        }
    }
}
