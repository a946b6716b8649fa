//! The diagnosis engine against a server that answers in Microsoft Exchange Server 2019's
//! exact words: the Exchange side of the loopback lab (`tests/lab/exchange.sh`, an emulator in
//! `tests/lab/exchange_emulator.py`, brought up by `tests/lab/lab.sh up`). With Postfix
//! (`lab_engine`) and Exim (`lab_exim`), the third MTA family the reply rules are proven on.
//!
//! Run with `sudo bash tests/run.sh` (brings the lab up, runs every test, takes it down). Each
//! case asserts the primary cause code and, where the case has one, the settings the tool
//! recommends. `smtp.exchange.test` (127.0.10.31, valid certificate) and `busy.exchange.test`
//! (.32, every connection over the receive connector's limit: "421 4.3.2 The maximum number of
//! concurrent server connections has exceeded a limit, ..." in place of the greeting, inside
//! TLS on 465); the account is `alice@exchange.test`, with the lab's password.

mod common;

use common::report::{args, assert_problem, assert_recommended, check};
use common::{lab, run_check, CheckRun, PASSWORD};

const ACCOUNT: &str = "alice@exchange.test";
const SERVER: &str = "smtp.exchange.test";
/// A domain that publishes no submission server: for servers that are faulty rather than the
/// wrong ones (`exchange.test` publishes `smtp.exchange.test`).
const UNPUBLISHED: &str = "alice@bare.test";

/// The lab, with its Exchange side: a lab brought up before `tests/lab/exchange.sh` existed
/// has none.
fn exchange_lab() {
    let lab = lab();
    let pid = lab.dir.join("exchange").join("emulator.pid");
    assert!(
        pid.is_file(),
        "the lab runs no Exchange emulator ({} is missing): bring it up again with `sudo bash tests/lab/lab.sh up`",
        pid.display()
    );
}

/// The summary of the report's check `id` contains `text`.
fn assert_summary(run: &CheckRun, id: &str, text: &str) {
    assert!(
        check(run, id)["summary"]
            .as_str()
            .is_some_and(|s| s.contains(text)),
        "{id} does not say {text:?}\n{}",
        run.pretty()
    );
}

#[test]
fn working_account_sends() {
    exchange_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("starttls")),
        Some(PASSWORD),
    );
    assert_eq!(run.primary_cause(), "ok.sending_works", "{}", run.pretty());
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_eq!(run.code, 0, "exit status for ok\n{}", run.pretty());
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
    assert_summary(
        &run,
        "smtp.587.greeting",
        "Microsoft ESMTP MAIL Service ready at",
    );
}

/// Exchange offers `AUTH NTLM LOGIN`: the tool signs in with LOGIN, and a wrong password gets
/// "535 5.7.3 Authentication unsuccessful".
#[test]
fn wrong_password() {
    exchange_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("starttls")),
        Some("not the password"),
    );
    assert_problem(&run, "config.auth_rejected");
    assert_summary(
        &run,
        "smtp.587.auth",
        "535 5.7.3 Authentication unsuccessful",
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

/// No password: MAIL FROM without a sign-in gets "530 5.7.57 Client not authenticated to send
/// mail."
#[test]
fn no_sign_in() {
    exchange_lab();
    let run = run_check(&args(ACCOUNT, SERVER, Some("587"), Some("starttls")), None);
    assert_problem(&run, "config.auth_missing");
    assert_summary(
        &run,
        "smtp.587.envelope",
        "530 5.7.57 Client not authenticated to send mail.",
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

#[test]
fn implicit_tls_on_587() {
    exchange_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("tls")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.tls_on_starttls_port");
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

/// The Client Frontend connector offers AUTH (NTLM LOGIN) only after STARTTLS: a client set to
/// send unencrypted cannot sign in.
#[test]
fn auth_not_offered_before_tls() {
    exchange_lab();
    let run = run_check(
        &args(ACCOUNT, SERVER, Some("587"), Some("none")),
        Some(PASSWORD),
    );
    assert_problem(&run, "config.encryption_off");
    let transcript = run.report()["transcript"].to_string();
    assert!(
        transcript.contains("STARTTLS") && transcript.contains("AUTH NTLM LOGIN"),
        "{}",
        run.pretty()
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}

/// Every connection to busy.exchange.test is over the receive connector's limit: Exchange's
/// "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit" in
/// place of the greeting, plain on 25 and 587 and inside TLS on 465. The server is refusing for
/// now (server.overloaded), and no port that gave the same refusal is recommended.
#[test]
fn connection_limit_refuses_the_greeting() {
    exchange_lab();
    let cases: [(Option<&str>, Option<&str>); 3] = [
        (Some("587"), Some("starttls")),
        (Some("465"), Some("tls")),
        (None, None),
    ];
    for (port, security) in cases {
        let run = run_check(
            &args(UNPUBLISHED, "busy.exchange.test", port, security),
            None,
        );
        assert_problem(&run, "server.overloaded");
        let explanation = run.report()["causes"][0]["explanation"]
            .as_str()
            .unwrap_or_default();
        assert!(
            explanation.contains("421 4.3.2 The maximum number of concurrent server connections"),
            "{}",
            run.pretty()
        );
        for p in [25, 465, 587] {
            let greeting = check(&run, &format!("smtp.{p}.greeting"));
            assert_eq!(greeting["status"], "fail", "{}", run.pretty());
            assert!(
                greeting["summary"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("the server is busy: 421")),
                "port {p}\n{}",
                run.pretty()
            );
        }
        let recommended = &run.report()["recommended"];
        assert!(
            recommended.is_null() || recommended["server"] != "busy.exchange.test",
            "a refusing port is recommended\n{}",
            run.pretty()
        );
    }
}

/// Signed in as alice, sending as bob: Exchange refuses MAIL FROM with "550 5.7.60 SMTP; Client
/// does not have permissions to send as this sender".
#[test]
fn sender_not_the_signed_in_user() {
    exchange_lab();
    let mut a = args("bob@exchange.test", SERVER, Some("587"), Some("starttls"));
    a.extend(["--user", ACCOUNT]);
    let run = run_check(&a, Some(PASSWORD));
    assert_problem(&run, "config.sender_rejected");
    assert_summary(
        &run,
        "smtp.587.envelope",
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
    );
    assert_recommended(&run, SERVER, 587, "starttls", ACCOUNT);
}
