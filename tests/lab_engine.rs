//! The diagnosis engine against real mail servers: the lab of `tests/lab/lab.sh`.
//!
//! Run with `sudo bash tests/run.sh` (brings the lab up, runs every test, takes it down).
//! Each case is one mis-configuration a user really makes, or one server fault; the assertion is
//! the primary cause code (`causes[0].code`) and, where the case has them, the settings the tool
//! recommends. Codes: `assets/causes.toml`; report format: the shared `cli.md`.

mod common;

use common::{lab, run_check, CheckRun, EMAIL, PASSWORD};
use serde_json::Value;

/// `--email alice@example.test --server SERVER [--port N --security S]`
fn args<'a>(server: &'a str, port: Option<&'a str>, security: Option<&'a str>) -> Vec<&'a str> {
    args_for(EMAIL, server, port, security)
}

/// The same for an address whose domain (`bare.test`) publishes no submission server, for
/// servers that are faulty rather than the wrong ones: `example.test` publishes
/// `smtp.example.test` (RFC 6186), so any other host there is reported as the wrong server.
const UNPUBLISHED: &str = "alice@bare.test";

fn args_for<'a>(
    email: &'a str,
    server: &'a str,
    port: Option<&'a str>,
    security: Option<&'a str>,
) -> Vec<&'a str> {
    let mut a = vec!["--email", email, "--server", server];
    if let Some(p) = port {
        a.extend(["--port", p]);
    }
    if let Some(s) = security {
        a.extend(["--security", s]);
    }
    a
}

fn assert_cause(run: &CheckRun, code: &str) {
    assert_eq!(
        run.primary_cause(),
        code,
        "wrong primary cause\n{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
}

/// A problem was found: verdict "problem", exit status 1, the expected primary cause.
fn assert_problem(run: &CheckRun, code: &str) {
    assert_cause(run, code);
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(run.code, 1, "exit status for a problem\n{}", run.pretty());
}

fn recommended(run: &CheckRun) -> &Value {
    let r = &run.report()["recommended"];
    assert!(
        r.is_object(),
        "the report recommends no settings\n{}",
        run.pretty()
    );
    r
}

fn assert_recommended(run: &CheckRun, server: &str, port: u64, security: &str) {
    let r = recommended(run);
    assert_eq!(r["server"], server, "recommended server\n{}", run.pretty());
    assert_eq!(r["port"], port, "recommended port\n{}", run.pretty());
    assert_eq!(
        r["security"],
        security,
        "recommended security\n{}",
        run.pretty()
    );
    if let Some(user) = r.get("user") {
        assert_eq!(user, EMAIL, "recommended user\n{}", run.pretty());
    }
}

#[test]
fn working_account_sends() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_cause(&run, "ok.sending_works");
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_eq!(run.code, 0, "exit status for ok\n{}", run.pretty());
    assert_recommended(&run, "smtp.example.test", 587, "starttls");
}

#[test]
fn a_server_other_than_the_published_one_is_the_wrong_server() {
    lab();
    let run = run_check(
        &args("old.example.test", Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.wrong_server");
    assert_recommended(&run, "smtp.example.test", 587, "starttls");
}

#[test]
fn port_where_nothing_listens_is_the_wrong_port() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("2525"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.wrong_port");
    assert_recommended(&run, "smtp.example.test", 587, "starttls");
}

#[test]
fn implicit_tls_on_the_starttls_port() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("587"), Some("tls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.tls_on_starttls_port");
    assert_recommended(&run, "smtp.example.test", 587, "starttls");
}

#[test]
fn starttls_on_the_implicit_tls_port() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("465"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.starttls_on_tls_port");
    let r = recommended(&run);
    assert_eq!(r["server"], "smtp.example.test", "{}", run.pretty());
    let pair = (r["port"].as_u64(), r["security"].as_str());
    assert!(
        pair == (Some(465), Some("tls")) || pair == (Some(587), Some("starttls")),
        "recommended must be 465 tls or 587 starttls, got {pair:?}\n{}",
        run.pretty()
    );
}

#[test]
fn encryption_switched_off() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("587"), Some("none")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.encryption_off");
    if let Some(security) = run.report()["recommended"].get("security") {
        assert_ne!(security, "none", "{}", run.pretty());
    }
}

#[test]
fn no_password_given() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("587"), Some("starttls")),
        None,
    );
    assert_problem(&run, "config.auth_missing");
}

#[test]
fn wrong_password() {
    lab();
    let run = run_check(
        &args("smtp.example.test", Some("587"), Some("starttls")),
        Some("not the password"),
    );
    assert_problem(&run, "config.auth_rejected");
}

#[test]
fn misspelt_server_name_does_not_exist() {
    lab();
    let run = run_check(
        &args("smtp.exmaple.test", Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.server_not_found");
}

#[test]
fn stopped_mail_service() {
    lab();
    let run = run_check(
        &args_for(
            UNPUBLISHED,
            "stopped.example.test",
            Some("587"),
            Some("starttls"),
        ),
        None,
    );
    assert_problem(&run, "server.service_down");
}

#[test]
fn expired_certificate() {
    lab();
    let run = run_check(
        &args_for(
            UNPUBLISHED,
            "expired.example.test",
            Some("587"),
            Some("starttls"),
        ),
        None,
    );
    assert_problem(&run, "server.cert_expired");
}

#[test]
fn certificate_for_another_name() {
    lab();
    let run = run_check(
        &args_for(
            UNPUBLISHED,
            "wrongname.example.test",
            Some("587"),
            Some("starttls"),
        ),
        None,
    );
    assert_problem(&run, "server.cert_name_mismatch");
}

#[test]
fn self_signed_certificate() {
    lab();
    let run = run_check(
        &args_for(
            UNPUBLISHED,
            "selfsigned.example.test",
            Some("587"),
            Some("starttls"),
        ),
        None,
    );
    assert_problem(&run, "server.cert_untrusted");
}

#[test]
fn web_address_in_the_server_field() {
    lab();
    let run = run_check(
        &args("https://smtp.example.test/", Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.server_name_invalid");
}

#[test]
fn domain_without_spf_is_flagged() {
    lab();
    let run = run_check(
        &["--email", "bob@bare.test", "--server", "smtp.example.test"],
        None,
    );
    let checks = run.report()["checks"]
        .as_array()
        .unwrap_or_else(|| panic!("the report has no checks\n{}", run.pretty()));
    let txt: Vec<&Value> = checks
        .iter()
        .filter(|c| {
            c["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("dns.domain.txt"))
        })
        .collect();
    assert!(
        !txt.is_empty(),
        "no dns.domain.txt* check in the report\n{}",
        run.pretty()
    );
    assert!(
        txt.iter()
            .any(|c| c["status"] == "warn" || c["status"] == "fail"),
        "the missing SPF record of bare.test is not flagged (warn or fail)\n{}",
        run.pretty()
    );
}

/// The password never shows: not in stdout, stderr, the JSON or its transcript, neither plain
/// nor base64-encoded as AUTH PLAIN / AUTH LOGIN send it.
#[test]
fn password_never_appears_in_any_output() {
    use base64::Engine as _;
    const SECRET: &str = "Pw-9f8e7d-secret";
    lab();
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let forbidden = [
        SECRET.to_string(),
        b64(&format!("\0{EMAIL}\0{SECRET}")),
        b64(&format!("{EMAIL}\0{EMAIL}\0{SECRET}")),
        b64(SECRET),
    ];
    let cases: [(&str, Vec<&str>); 3] = [
        (
            "account on the right server (AUTH is tried and rejected)",
            args("smtp.example.test", Some("587"), Some("starttls")),
        ),
        (
            "implicit TLS port",
            args("smtp.example.test", Some("465"), Some("tls")),
        ),
        (
            "misspelt server",
            args("smtp.exmaple.test", Some("587"), Some("starttls")),
        ),
    ];
    for (what, a) in &cases {
        let runs = [
            run_check(a, Some(SECRET)),
            common::run_check_text(a, Some(SECRET)),
        ];
        for run in &runs {
            let json = run
                .json
                .as_ref()
                .map(std::string::ToString::to_string)
                .unwrap_or_default();
            for (stream, text) in [
                ("stdout", &run.stdout),
                ("stderr", &run.stderr),
                ("json", &json),
            ] {
                for f in &forbidden {
                    assert!(
                        !text.contains(f.as_str()),
                        "{what}: the password shows in {stream} (as {f:?}):\n{text}"
                    );
                }
            }
        }
        // The first run is the JSON one: make sure it really ran a diagnosis.
        assert!(
            runs[0].json.is_some(),
            "{what}: no JSON report\n{}",
            runs[0].pretty()
        );
    }
}

#[test]
fn settings_found_from_the_address_alone() {
    lab();
    // No server, port or encryption: the tool proposes a server (here through the domain's
    // SRV record), verifies it with real connections and recommends what works.
    let run = run_check(&["--email", EMAIL], Some(PASSWORD));
    assert_cause(&run, "ok.sending_works");
    assert_recommended(&run, "smtp.example.test", 587, "starttls");
}

/// `--save-facts` keeps everything the diagnosis needs to be replayed, and never the password:
/// neither plain nor base64-encoded, even when the sign-in was tried and rejected.
#[test]
fn saved_facts_never_hold_the_password() {
    use base64::Engine as _;
    const SECRET: &str = "Pw-1a2b3c-facts";
    lab();
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let forbidden = [
        SECRET.to_string(),
        b64(&format!("\0{EMAIL}\0{SECRET}")),
        b64(&format!("{EMAIL}\0{EMAIL}\0{SECRET}")),
        b64(SECRET),
    ];
    let file = std::env::temp_dir().join(format!(
        "smtp-doctor-saved-facts-{}.toml",
        std::process::id()
    ));
    let path = file.to_string_lossy().into_owned();
    let mut a = args("smtp.example.test", Some("587"), Some("starttls"));
    a.extend(["--save-facts", &path]);
    let run = run_check(&a, Some(SECRET));
    let saved = std::fs::read_to_string(&file).unwrap_or_default();
    let _ = std::fs::remove_file(&file);
    assert_cause(&run, "config.auth_rejected");
    for f in &forbidden {
        assert!(
            !saved.contains(f.as_str()),
            "the saved facts hold the password (as {f:?}):\n{saved}"
        );
    }
    let recording = smtp_doctor::recording::Recording::from_toml(&saved)
        .unwrap_or_else(|e| panic!("the saved facts do not read back: {e}\n{saved}"));
    assert!(recording.input.password_given);
    assert_eq!(
        recording.expected.primary.as_deref(),
        Some("config.auth_rejected")
    );
    // Replayed without any network, the facts give the same conclusion.
    let (_, replayed) = recording
        .replay(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let got = smtp_doctor::recording::Outcome::of(&replayed);
    assert_eq!(recording.expected.differences(&got), Vec::<String>::new());
}

/// A host's overlay (the README's worked example) adds a branch on its own refusal: every
/// lab server refuses the sender `suspended@example.test` with "550 5.7.1 Customer
/// suspended" (an access map in `tests/lab/lab.sh`), and with the overlay the report names
/// the host's cause, in the host's words and with its link.
#[test]
fn a_hosts_overlay_names_its_own_refusal() {
    const SUSPENDED: &str = "suspended@example.test";
    lab();
    let overlay = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/host-overlay/billing-suspended.toml"
    );
    // Alice signs in and sends as the suspended customer's address.
    let mut plain = args_for(
        SUSPENDED,
        "smtp.example.test",
        Some("587"),
        Some("starttls"),
    );
    plain.extend(["--user", EMAIL]);
    let mut extended = plain.clone();
    extended.extend(["--tree-extra", overlay]);

    let run = run_check(&extended, Some(PASSWORD));
    assert_problem(&run, "host.billing_suspended");
    let cause = &run.report()["causes"][0];
    assert_eq!(cause["who_acts"], "person", "{}", run.pretty());
    let explanation = cause["explanation"].as_str().unwrap_or_default();
    assert!(
        explanation.contains("Customer suspended") && explanation.contains(SUSPENDED),
        "{}",
        run.pretty()
    );
    assert!(
        cause["fix"][0]
            .as_str()
            .is_some_and(|s| s.contains("https://billing.example-host.test/invoices")),
        "{}",
        run.pretty()
    );
    let text = common::run_check_text(&extended, Some(PASSWORD));
    assert!(
        text.stdout.contains("Sending is on hold")
            && text.stdout.contains("host.billing_suspended"),
        "{}",
        text.stdout
    );

    // Without the overlay the same refusal is one of the built-in envelope findings.
    let run = run_check(&plain, Some(PASSWORD));
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_ne!(run.primary_cause(), "host.billing_suspended");
}
