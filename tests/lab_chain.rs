//! What a server sends besides its own certificate, against the real Postfix servers of
//! `tests/lab/lab.sh`: a leaf from the lab's intermediate CA sent without that intermediate
//! (`nochain`), a leaf sent with a private root nobody trusts (`privateca`) and a self-signed
//! certificate (`selfsigned`) each get their own explanation. The lab CA is trusted
//! (`--ca-file`), so only what the server sends decides.
//!
//! Run with `sudo bash tests/run.sh --test lab_chain`.

mod common;

use common::{run_check, CheckRun};
use serde_json::Value;

/// An address whose domain publishes no submission server, so no host is "the wrong one".
const UNPUBLISHED: &str = "alice@bare.test";

fn check(server: &str, port: &str, security: &str) -> CheckRun {
    run_check(
        &[
            "--email",
            UNPUBLISHED,
            "--server",
            server,
            "--port",
            port,
            "--security",
            security,
        ],
        None,
    )
}

fn primary(run: &CheckRun) -> &Value {
    let cause = &run.report()["causes"][0];
    assert!(cause.is_object(), "no cause\n{}", run.pretty());
    cause
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn assert_chain_incomplete(run: &CheckRun) {
    let cause = primary(run);
    assert_eq!(
        cause["code"],
        "server.cert_chain_incomplete",
        "{}",
        run.pretty()
    );
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    let explanation = text(&cause["explanation"]);
    for words in [
        "smtp-doctor Test Intermediate CA",
        "intermediate certificate",
        "fetch the missing certificate by themselves",
        "Outlook",
    ] {
        assert!(explanation.contains(words), "{words:?} in {explanation}");
    }
    let fix = text(&cause["fix"]);
    for words in [
        "full chain",
        "smtpd_tls_chain_files",
        "smtpd_tls_cert_file",
        "'smtp-doctor Test Intermediate CA'",
    ] {
        assert!(fix.contains(words), "{words:?} in {fix}");
    }
    assert!(!explanation.contains("made it for itself"), "{explanation}");
}

#[test]
fn a_leaf_sent_without_its_intermediate_on_587() {
    let run = check("nochain.example.test", "587", "starttls");
    assert_chain_incomplete(&run);
}

#[test]
fn a_leaf_sent_without_its_intermediate_on_465() {
    let run = check("nochain.example.test", "465", "tls");
    assert_chain_incomplete(&run);
}

#[test]
fn a_private_root_sent_with_the_leaf_is_an_untrusted_authority() {
    let run = check("privateca.example.test", "587", "starttls");
    let cause = primary(&run);
    assert_eq!(cause["code"], "server.cert_untrusted", "{}", run.pretty());
    let explanation = text(&cause["explanation"]);
    assert!(
        explanation.contains("smtp-doctor Private Root")
            && explanation.contains("private or company certificate authority"),
        "{explanation}"
    );
    assert!(!explanation.contains("intermediate"), "{explanation}");
}

#[test]
fn a_self_signed_certificate_keeps_its_own_explanation() {
    let run = check("selfsigned.example.test", "587", "starttls");
    let cause = primary(&run);
    assert_eq!(cause["code"], "server.cert_untrusted", "{}", run.pretty());
    let explanation = text(&cause["explanation"]);
    assert!(
        explanation.contains("self-signed") && explanation.contains("made it for itself"),
        "{explanation}"
    );
    assert!(!explanation.contains("intermediate"), "{explanation}");
}
