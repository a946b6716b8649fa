//! The diagnosis engine against a real Exim 4.96 authenticating through Dovecot: the Exim side
//! of the loopback lab (`tests/lab/exim.sh`, brought up by `tests/lab/lab.sh up`).
//!
//! Run with `sudo bash tests/run.sh` (brings the lab up, runs every test, takes it down). Each
//! case asserts the primary cause code and, where the case has one, the settings the tool
//! recommends. The lab's Exim: `smtp.exim.test` (127.0.10.21, valid certificate),
//! `expired.exim.test` (.22, expired certificate), `busy.exim.test` (.23, every connection
//! over a rate limit: a multi-line `451` in place of the greeting, inside TLS on 465); the
//! account is `alice@exim.test`, with the lab's password.

mod common;

use common::report::{args, assert_problem, assert_recommended, check};
use common::{lab, run_check, PASSWORD};

const ACCOUNT: &str = "alice@exim.test";
const SERVER: &str = "smtp.exim.test";
/// A domain that publishes no submission server: for servers that are faulty rather than the
/// wrong ones (`exim.test` publishes `smtp.exim.test`, so any other host is the wrong server).
const UNPUBLISHED: &str = "alice@bare.test";

/// The lab, with its Exim side: a lab brought up before `tests/lab/exim.sh` existed has none.
fn exim_lab() {
    let lab = lab();
    let conf = lab.dir.join("exim").join("exim.conf");
    assert!(
        conf.is_file(),
        "the lab runs no Exim ({} is missing): bring it up again with `sudo bash tests/lab/lab.sh up`",
        conf.display()
    );
}

#[test]
fn working_account_sends() {
    exim_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_eq!(run.primary_cause(), "ok.sending_works", "{}", run.pretty());
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_eq!(run.code, 0, "exit status for ok\n{}", run.pretty());
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
    // The real Exim answered, and Dovecot checked the password.
    let greeting = check(&run, "smtp.587.greeting");
    assert!(
        greeting["summary"]
            .as_str()
            .is_some_and(|s| s.contains("ESMTP Exim 4.96")),
        "{}",
        run.pretty()
    );
}

#[test]
fn wrong_password() {
    exim_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("starttls")),
        Some("not the password"),
    );
    assert_problem(&run, "config.auth_rejected");
    assert!(
        check(&run, "smtp.587.auth")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("535 Incorrect authentication data")),
        "{}",
        run.pretty()
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

/// No password: the envelope test runs without a sign-in and Exim relays nothing, in the words
/// of its default configuration ("550 relay not permitted").
#[test]
fn no_sign_in_relay_refused() {
    exim_lab();
    let run = run_check(&args(ACCOUNT, SERVER, Some("587"), Some("starttls")), None);
    assert_problem(&run, "config.auth_missing");
    assert!(
        check(&run, "smtp.587.envelope")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("550 relay not permitted")),
        "{}",
        run.pretty()
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

#[test]
fn implicit_tls_on_587() {
    exim_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("tls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.tls_on_starttls_port");
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

/// Exim offers AUTH only inside TLS (`server_advertise_condition` on `$tls_in_cipher`): a client
/// set to send unencrypted cannot sign in.
#[test]
fn auth_not_offered_before_tls() {
    exim_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("none")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.encryption_off");
    let transcript = run.report()["transcript"].to_string();
    assert!(
        transcript.contains("STARTTLS") && transcript.contains("AUTH PLAIN LOGIN"),
        "{}",
        run.pretty()
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

#[test]
fn expired_certificate() {
    exim_lab();
    for (port, security) in [("587", "starttls"), ("465", "tls")] {
        let run = run_check(
            &args(UNPUBLISHED, "expired.exim.test", Some(port), Some(security)),
            None,
        );
        assert_problem(&run, "server.cert_expired");
    }
}

/// Every connection to busy.exim.test is over Exim's rate limit: a multi-line 451 in place of
/// the greeting, plain on 25 and 587 and inside TLS on 465. That is the server refusing for now
/// (server.overloaded), never "something other than SMTP", and no port that gave the same
/// refusal is recommended.
#[test]
fn rate_limit_refuses_the_greeting() {
    exim_lab();
    let cases: [(Option<&str>, Option<&str>); 3] = [
        (Some("587"), Some("starttls")),
        (Some("465"), Some("tls")),
        (None, None),
    ];
    for (port, security) in cases {
        let run = run_check(&args(UNPUBLISHED, "busy.exim.test", port, security), None);
        assert_problem(&run, "server.overloaded");
        let explanation = run.report()["causes"][0]["explanation"]
            .as_str()
            .unwrap_or_default();
        // Both lines of the reply, as one text.
        assert!(
            explanation.contains("451 Too many connections")
                && explanation.contains("Please try again later."),
            "{}",
            run.pretty()
        );
        for p in [25, 465, 587] {
            let greeting = check(&run, &format!("smtp.{p}.greeting"));
            assert_eq!(greeting["status"], "fail", "{}", run.pretty());
            assert!(
                greeting["summary"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("the server is busy: 451")),
                "port {p}\n{}",
                run.pretty()
            );
        }
        let recommended = &run.report()["recommended"];
        assert!(
            recommended.is_null() || recommended["server"] != "busy.exim.test",
            "a refusing port is recommended\n{}",
            run.pretty()
        );
    }
}

/// Signed in as alice, sending as bob: Exim refuses at RCPT in the words cPanel hosts use
/// ("Your FROM address ( ... ) must match your authenticated email user ( ... )"). The sender
/// is at fault, not the recipient.
#[test]
fn sender_not_the_signed_in_user() {
    exim_lab();
    let mut a = args("bob@exim.test", SERVER, Some("587"), Some("starttls"));
    a.extend(["--user", ACCOUNT]);
    let run = run_check(&a, Some(PASSWORD));
    assert_problem(&run, "config.sender_rejected");
    assert!(
        check(&run, "smtp.587.envelope")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("must match your authenticated email user")),
        "{}",
        run.pretty()
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}
