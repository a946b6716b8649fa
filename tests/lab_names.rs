//! Names against the real lab (`tests/lab/lab.sh`: Postfix, Dovecot, dnsmasq on loopback):
//! a server field holding more than a host name, a certificate made out to the hosting
//! company's own name, and a user name in the wrong form. Each case asserts the cause and
//! the verified settings the tool recommends; the sign-in cases also count the AUTH
//! commands in the transcript (never more than two per run).
//!
//! Run with `sudo bash tests/run.sh --test lab_names` (brings the lab up and down).

mod common;

use common::{lab, run_check, run_check_text, CheckRun, EMAIL, PASSWORD};
use serde_json::Value;

/// `alice@bare.test` publishes no submission server, so a faulty server is reported as
/// faulty rather than as the wrong server.
const UNPUBLISHED: &str = "alice@bare.test";

/// The lab's Dovecot slows every sign-in from an address after failed ones (its auth
/// penalty, up to 15 s): the tests that sign in run one at a time, so that one test's
/// refused sign-ins do not delay another's past its time budget.
static SIGN_INS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SIGN_INS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn cause(run: &CheckRun, i: usize) -> &Value {
    &run.report()["causes"][i]
}

fn assert_primary(run: &CheckRun, code: &str) {
    assert_eq!(run.primary_cause(), code, "{}", run.pretty());
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(run.code, 1, "{}", run.pretty());
}

fn assert_recommended(run: &CheckRun, server: &str, port: u64, security: &str) {
    let r = &run.report()["recommended"];
    assert!(r.is_object(), "nothing recommended\n{}", run.pretty());
    assert_eq!(r["server"], server, "{}", run.pretty());
    assert_eq!(r["port"], port, "{}", run.pretty());
    assert_eq!(r["security"], security, "{}", run.pretty());
}

/// Every text of the primary cause, joined: title, explanation and fix steps.
fn primary_text(run: &CheckRun) -> String {
    let c = cause(run, 0);
    let mut all = vec![
        c["title"].as_str().unwrap_or_default().to_string(),
        c["explanation"].as_str().unwrap_or_default().to_string(),
    ];
    for step in c["fix"].as_array().into_iter().flatten() {
        all.push(step.as_str().unwrap_or_default().to_string());
    }
    all.join("\n")
}

/// AUTH commands the client sent, as the transcript shows them (`AUTH PLAIN [redacted]`).
fn auth_commands(run: &CheckRun) -> usize {
    run.report()["transcript"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| {
            l["dir"] == "c"
                && l["line"]
                    .as_str()
                    .is_some_and(|s| s.to_ascii_uppercase().starts_with("AUTH "))
        })
        .count()
}

fn with_server(email: &str, server: &str, port: Option<&'static str>) -> Vec<String> {
    let mut a: Vec<String> = ["--email", email, "--server", server]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    if let Some(p) = port {
        a.extend(["--port".to_string(), p.to_string()]);
    }
    a
}

fn run(args: &[String], password: Option<&str>) -> CheckRun {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    run_check(&a, password)
}

// --- 1. the server field ---------------------------------------------------------------

#[test]
fn a_web_address_in_the_server_field_is_tested_and_recommended() {
    lab();
    let _turn = one_at_a_time();
    let r = run(
        &with_server(EMAIL, "https://smtp.example.test/", None),
        Some(PASSWORD),
    );
    assert_primary(&r, "config.server_name_invalid");
    assert_recommended(&r, "smtp.example.test", 587, "starttls");
    assert_eq!(r.report()["recommended"]["user"], EMAIL, "{}", r.pretty());
    let text = primary_text(&r);
    assert!(
        text.contains("type only: smtp.example.test") && text.contains("web address"),
        "{text}"
    );
    // The host was tested: sending works with it, and the report says so after the field.
    let codes: Vec<&str> = r.report()["causes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["code"].as_str())
        .collect();
    assert!(codes.contains(&"ok.sending_works"), "{codes:?}");
}

#[test]
fn a_port_glued_to_the_name_is_taken_off_and_the_host_tested() {
    lab();
    let r = run(
        &with_server(UNPUBLISHED, "smtp.example.test:465", None),
        None,
    );
    assert_primary(&r, "config.server_name_invalid");
    assert_recommended(&r, "smtp.example.test", 587, "starttls");
    assert!(
        primary_text(&r).contains("port number glued on"),
        "{}",
        r.pretty()
    );
}

#[test]
fn a_field_with_no_host_names_the_domains_own_server_not_an_example() {
    lab();
    let r = run(&with_server(EMAIL, "my mail server", None), Some(PASSWORD));
    assert_primary(&r, "config.server_name_invalid");
    let text = primary_text(&r);
    // example.test publishes smtp.example.test (RFC 6186): that is the name to type.
    assert!(
        text.contains("type only the server name: smtp.example.test"),
        "{text}"
    );
    assert!(!text.contains("for example"), "{text}");
}

// --- 2. a certificate for another name ----------------------------------------------------

#[test]
fn the_certificates_own_name_that_works_is_recommended() {
    lab();
    for port in [Some("587"), None] {
        let r = run(
            &with_server(UNPUBLISHED, "wrongname.example.test", port),
            None,
        );
        assert_primary(&r, "server.cert_name_mismatch");
        assert_recommended(&r, "www.hosting-company.test", 587, "starttls");
        let text = primary_text(&r);
        assert!(
            text.contains("Type www.hosting-company.test as the outgoing server"),
            "{text}"
        );
        // The TLS check says what became of the certificate's names.
        let checks = r.report()["checks"].as_array().cloned().unwrap_or_default();
        let tls = checks
            .iter()
            .find(|c| c["id"] == "tls.587")
            .unwrap_or_else(|| panic!("no tls.587 check\n{}", r.pretty()));
        assert_eq!(
            tls["detail"]["cert_names"][0]["outcome"],
            "verified",
            "{}",
            r.pretty()
        );
    }
}

#[test]
fn when_no_certificate_name_works_the_host_must_fix_it() {
    lab();
    // mail.selfhosted.test leads to the self-signed server: its certificate is made out to
    // selfsigned.example.test, which leads to the same server but does not verify either.
    let r = run(
        &with_server(UNPUBLISHED, "mail.selfhosted.test", Some("587")),
        None,
    );
    assert_primary(&r, "server.cert_name_mismatch");
    let text = primary_text(&r);
    assert!(
        text.contains("no name on it works")
            && text.contains("selfsigned.example.test leads to the same server")
            && text.contains("Ask your email host"),
        "{text}"
    );
    let rec = &r.report()["recommended"];
    assert!(
        rec.is_null() || rec["server"] != "selfsigned.example.test",
        "{}",
        r.pretty()
    );
}

// --- 3. the user-name form ------------------------------------------------------------------

#[test]
fn a_short_user_name_is_corrected_with_at_most_two_sign_ins() {
    lab();
    let _turn = one_at_a_time();
    for port in [Some("587"), None] {
        let mut a = with_server(EMAIL, "smtp.example.test", port);
        a.extend(["--user".to_string(), "alice".to_string()]);
        let r = run(&a, Some(PASSWORD));
        assert_primary(&r, "config.auth_rejected");
        assert_eq!(cause(&r, 0)["confidence"], "confirmed", "{}", r.pretty());
        assert_eq!(r.report()["recommended"]["user"], EMAIL, "{}", r.pretty());
        assert_recommended(&r, "smtp.example.test", 587, "starttls");
        let text = primary_text(&r);
        assert!(
            text.contains("Use alice@example.test as the user name")
                && text.contains("tried to sign in 2 times"),
            "{text}"
        );
        let auths = auth_commands(&r);
        assert!(auths <= 2, "{auths} AUTH commands\n{}", r.pretty());
        assert_eq!(auths, 2, "{}", r.pretty());
        // The sign-in check states the attempts.
        let checks = r.report()["checks"].as_array().cloned().unwrap_or_default();
        let attempts: u64 = checks
            .iter()
            .filter(|c| {
                c["id"]
                    .as_str()
                    .is_some_and(|id| id.rsplit('.').next() == Some("auth"))
            })
            .filter_map(|c| c["detail"]["attempts"].as_u64())
            .sum();
        assert_eq!(attempts, 2, "{}", r.pretty());
    }
    // The human-readable report says it too.
    let mut a = with_server(EMAIL, "smtp.example.test", Some("587"));
    a.extend(["--user".to_string(), "alice".to_string()]);
    let args: Vec<&str> = a.iter().map(String::as_str).collect();
    let text = run_check_text(&args, Some(PASSWORD));
    assert!(
        text.stdout
            .contains("2 sign-in attempts on this port; at most 2 per run"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_short_user_name_with_a_wrong_password_stops_at_two_sign_ins() {
    lab();
    let _turn = one_at_a_time();
    let mut a = with_server(EMAIL, "smtp.example.test", None);
    a.extend(["--user".to_string(), "alice".to_string()]);
    let r = run(&a, Some("not the password"));
    assert_primary(&r, "config.auth_rejected");
    assert!(
        primary_text(&r).contains("both as alice and as alice@example.test"),
        "{}",
        r.pretty()
    );
    assert_eq!(r.report()["recommended"]["user"], EMAIL, "{}", r.pretty());
    assert_eq!(auth_commands(&r), 2, "{}", r.pretty());
    // A sign-in that works ends Dovecot's penalty for this address, for the tests after.
    let ok = run(
        &with_server(EMAIL, "smtp.example.test", Some("587")),
        Some(PASSWORD),
    );
    assert_eq!(ok.primary_cause(), "ok.sending_works", "{}", ok.pretty());
}
