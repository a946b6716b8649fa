//! Provider detection and sign-in policies, end to end: the real binary against the lab's
//! DNS server (MX and SRV records of domains hosted by a known profile) and mail servers.
//! A provider's exact refusal text comes from a small scripted server, since no real server
//! here produces Microsoft's or Google's wording.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Duration;

use common::{lab, run_check, run_tool, CheckRun, PASSWORD};

fn lab_profiles() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/lab/profiles")
        .to_string_lossy()
        .into_owned()
}

fn cause_codes(run: &CheckRun) -> Vec<String> {
    run.report()["causes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn check<'r>(run: &'r CheckRun, id: &str) -> &'r serde_json::Value {
    run.report()["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id}\n{}", run.pretty()))
}

fn recommended(run: &CheckRun) -> (String, u64, String, String) {
    let r = &run.report()["recommended"];
    (
        r["server"].as_str().unwrap_or_default().to_string(),
        r["port"].as_u64().unwrap_or_default(),
        r["security"].as_str().unwrap_or_default().to_string(),
        r["user"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn old_host_in_the_settings_is_the_wrong_server_for_the_provider() {
    lab();
    // customer.test's MX belongs to "Lab Hosting" (a profile from --profiles); the person
    // still has the old host, which answers perfectly well.
    let profiles = lab_profiles();
    let run = run_check(
        &[
            "--email",
            "bob@customer.test",
            "--server",
            "old.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--profiles",
            &profiles,
        ],
        None,
    );
    assert_eq!(
        run.primary_cause(),
        "config.wrong_server",
        "{}",
        run.pretty()
    );
    assert_eq!(
        recommended(&run),
        (
            "smtp.example.test".into(),
            587,
            "starttls".into(),
            "bob@customer.test".into()
        )
    );
    let provider = check(&run, "provider");
    assert_eq!(provider["status"], "pass");
    assert_eq!(provider["detail"]["id"], "labhost");
    assert_eq!(provider["detail"]["host"], "in1.mx.labhost.test");
    let cause = &run.report()["causes"][0];
    assert!(
        cause["title"]
            .as_str()
            .is_some_and(|t| t.contains("Lab Hosting")),
        "{}",
        run.pretty()
    );
}

#[test]
fn the_configured_host_of_the_provider_matches() {
    lab();
    let profiles = lab_profiles();
    let run = run_check(
        &[
            "--email",
            "bob@customer.test",
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--profiles",
            &profiles,
        ],
        None,
    );
    assert!(
        !cause_codes(&run).contains(&"config.wrong_server".to_string()),
        "{}",
        run.pretty()
    );
    assert!(run.report()["checks"].as_array().is_some_and(|a| a
        .iter()
        .any(|c| c["id"] == "provider" && c["status"] == "pass")));
}

#[test]
fn settings_of_a_hosted_domain_are_found_through_mx_and_srv() {
    lab();
    // hosted.test: MX at Lab Hosting and an RFC 6186 SRV record; only the address is given.
    let profiles = lab_profiles();
    let run = run_check(
        &["--email", "alice@hosted.test", "--profiles", &profiles],
        None,
    );
    assert_eq!(check(&run, "dns.domain.srv")["status"], "pass");
    assert_eq!(check(&run, "provider")["detail"]["id"], "labhost");
    let (server, port, security, user) = recommended(&run);
    assert_eq!(
        (server.as_str(), port, security.as_str(), user.as_str()),
        ("smtp.example.test", 587, "starttls", "alice@hosted.test"),
        "{}",
        run.pretty()
    );
}

#[test]
fn an_unknown_domain_is_guessed_and_verified() {
    lab();
    // bare.test: no profile, no SRV; only the MX host answers (as mx.bare.test).
    let run = run_check(&["--email", "alice@bare.test"], None);
    let provider = check(&run, "provider");
    assert_eq!(provider["status"], "skip", "{}", run.pretty());
    // The MX host is the candidate that answers; its certificate is for another name,
    // which is what the person then learns.
    let server = check(&run, "dns.server.a")["summary"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(server.starts_with("mx.bare.test "), "{}", run.pretty());
    assert_eq!(
        run.primary_cause(),
        "server.cert_name_mismatch",
        "{}",
        run.pretty()
    );
}

#[test]
fn a_shipped_profile_is_recognised_by_mx_and_prescribes_its_server() {
    lab();
    // m365.test's MX is a Microsoft 365 host; nothing of Microsoft's resolves in the lab, so
    // the recommendation is what the provider prescribes.
    let run = run_check(&["--email", "boss@m365.test"], None);
    assert_eq!(check(&run, "provider")["detail"]["id"], "microsoft365");
    let (server, port, security, user) = recommended(&run);
    assert_eq!(
        (server.as_str(), port, security.as_str(), user.as_str()),
        ("smtp.office365.com", 587, "starttls", "boss@m365.test")
    );
}

#[test]
fn a_broken_profile_file_is_named_with_line_and_column() {
    let dir = std::env::temp_dir().join(format!("smtp-doctor-bad-profiles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("broken.toml"),
        "id = \"broken\"\nname = \"Broken\"\nsignin = \"sometimes\"\n",
    )
    .expect("write profile");
    let d = dir.to_string_lossy().into_owned();
    let run = run_tool(
        &["check", "--email", "a@example.test", "--profiles", &d],
        None,
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty());
    let line = run.stderr.trim();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.contains("broken.toml:"), "{line}");
    assert!(
        line.split("broken.toml:").nth(1).is_some_and(|rest| {
            let mut parts = rest.split(':');
            parts.next().is_some_and(|l| l.parse::<u32>().is_ok())
                && parts.next().is_some_and(|c| c.parse::<u32>().is_ok())
        }),
        "no line:column in {line}"
    );
}

/// A scripted server that speaks just enough SMTP to refuse AUTH with `refusal`, on a plain
/// connection (the tool is told `--allow-plaintext-auth`, so no certificate is needed).
fn refusing_server(refusal: &'static str) -> (u16, std::thread::JoinHandle<()>) {
    // 127.0.20.1 is where the lab's DNS points smtp.gmail.com and smtp.office365.com.
    let listener = TcpListener::bind("127.0.20.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let handle = std::thread::spawn(move || {
        // One session for the probe of the configured port; waiting at most 15 s for it.
        if listener.set_nonblocking(true).is_err() {
            return;
        }
        let mut accepted = None;
        for _ in 0..300 {
            match listener.accept() {
                Ok((s, _)) => {
                    accepted = Some(s);
                    break;
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
        let Some(stream) = accepted else {
            return;
        };
        if stream.set_nonblocking(false).is_err() {
            return;
        }
        stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
        let mut out = stream.try_clone().expect("clone stream");
        let mut lines = BufReader::new(stream);
        let _ = out.write_all(b"220 fake.example ESMTP\r\n");
        let mut line = String::new();
        for _ in 0..20 {
            line.clear();
            if lines.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let verb = line
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            let reply: String = match verb.as_str() {
                "EHLO" => "250-fake.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n".into(),
                "AUTH" => format!("{refusal}\r\n"),
                "QUIT" => {
                    let _ = out.write_all(b"221 bye\r\n");
                    return;
                }
                "RSET" | "NOOP" => "250 ok\r\n".into(),
                _ => "530 5.7.57 Client not authenticated to send mail\r\n".into(),
            };
            if out.write_all(reply.as_bytes()).is_err() {
                return;
            }
        }
    });
    (port, handle)
}

fn run_against_refusal(email: &str, server: &str, refusal: &'static str) -> CheckRun {
    let lab = lab();
    let (port, fake) = refusing_server(refusal);
    let port = port.to_string();
    let run = run_tool(
        &[
            "check",
            "--json",
            "--dns-server",
            &lab.dns,
            "--public-ip-dns",
            &lab.dns,
            "--reference",
            common::LAB_REFERENCE,
            "--email",
            email,
            "--server",
            server,
            "--port",
            &port,
            "--security",
            "none",
            "--allow-plaintext-auth",
            "--timeout",
            "2",
            "--password-env",
            common::PASSWORD_ENV,
        ],
        Some(PASSWORD),
    );
    let _ = fake.join();
    run
}

#[test]
fn microsoft_saying_smtp_auth_is_disabled_names_the_administrator() {
    let run = run_against_refusal(
        "someone@contoso.onmicrosoft.com",
        "smtp.office365.com",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
    );
    let codes = cause_codes(&run);
    assert!(
        codes.contains(&"config.smtp_auth_disabled".to_string()),
        "{}",
        run.pretty()
    );
    let cause = run.report()["causes"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["code"] == "config.smtp_auth_disabled"))
        .expect("the cause");
    assert_eq!(cause["confidence"], "confirmed");
    let fix = cause["fix"].to_string();
    assert!(fix.contains("administrator"), "{fix}");
    assert!(!run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD));
}

#[test]
fn a_plain_refusal_at_gmail_says_app_password_before_the_password_is_retyped() {
    let run = run_against_refusal(
        "someone@gmail.com",
        "smtp.gmail.com",
        "535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials",
    );
    let codes = cause_codes(&run);
    assert!(
        codes.contains(&"config.app_password_required".to_string()),
        "{}",
        run.pretty()
    );
    assert!(!codes.contains(&"config.auth_rejected".to_string()));
}

#[test]
fn pasted_google_reply_steers_to_the_app_password_without_any_sign_in() {
    lab();
    let run = run_check(
        &[
            "--email",
            "alice@example.test",
            "--error-text",
            "Task 'alice@example.test - Sending' reported error (0x800CCC78) : 'Cannot send the message. The server responded: 534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor'",
        ],
        None,
    );
    let codes = cause_codes(&run);
    assert!(
        codes.contains(&"config.app_password_required".to_string()),
        "{}",
        run.pretty()
    );
    assert_eq!(run.report()["input"]["error"]["code"], "0x800CCC78");
}
