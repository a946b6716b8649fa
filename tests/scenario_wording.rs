//! The recorded runs of the certificate-chain and DNS-failure cases (tests/scenarios/) say what
//! their evidence allows: the conclusion's wording and confidence, not only its cause code
//! (`tests/scenarios.rs` checks the codes). Replayed without network or root.

use std::path::Path;

use smtp_doctor::recording::Recording;
use smtp_doctor::tree::Confidence;

/// The primary cause of `tests/scenarios/NAME.toml` replayed: code, confidence, explanation.
fn primary(name: &str) -> (String, Confidence, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(format!("tests/scenarios/{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, diagnosis) = Recording::from_toml(&text).unwrap().replay(root).unwrap();
    let cause = diagnosis.causes.first().expect("a cause");
    (
        cause.code.clone(),
        cause.confidence,
        cause.explanation.clone(),
    )
}

#[test]
fn a_refusing_dns_service_is_confirmed_and_named() {
    for name in [
        "netlab_dns_service_stopped_while_its_machine_is_up",
        "netlab_dns_service_stopped_with_200ms_delay",
    ] {
        let (code, confidence, explanation) = primary(name);
        assert_eq!(code, "network.dns_unavailable", "{name}");
        assert_eq!(confidence, Confidence::Confirmed, "{name}");
        assert!(
            explanation.contains("(203.0.113.53) answers, but its name service")
                && !explanation.contains("did not answer"),
            "{name}: {explanation}"
        );
    }
}

#[test]
fn silence_from_dns_stays_likely() {
    for name in [
        "netlab_dns_server_silent_gives_no_answer_at_all",
        "netlab_dns_server_is_down",
    ] {
        let (code, confidence, explanation) = primary(name);
        assert_eq!(code, "network.dns_unavailable", "{name}");
        assert_eq!(confidence, Confidence::Likely, "{name}");
        assert!(
            explanation.contains("did not answer"),
            "{name}: {explanation}"
        );
    }
}

#[test]
fn a_missing_intermediate_is_explained_and_a_private_root_is_not_one() {
    for name in [
        "lab_leaf_without_its_intermediate_on_587",
        "lab_leaf_without_its_intermediate_on_465",
    ] {
        let (code, confidence, explanation) = primary(name);
        assert_eq!(code, "server.cert_chain_incomplete", "{name}");
        assert_eq!(confidence, Confidence::Likely, "{name}");
        assert!(
            explanation.contains("without the certificate of smtp-doctor Test Intermediate CA"),
            "{name}: {explanation}"
        );
    }
    let (code, _, explanation) = primary("lab_private_root_sent_with_the_leaf");
    assert_eq!(code, "server.cert_untrusted");
    assert!(
        explanation.contains("private or company certificate authority"),
        "{explanation}"
    );
    let (code, _, explanation) = primary("lab_self_signed_certificate");
    assert_eq!(code, "server.cert_untrusted");
    assert!(explanation.contains("self-signed"), "{explanation}");
}
