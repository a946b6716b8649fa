//! Name lookups that fail, in the namespaced lab (tests/netlab/netlab.sh), told apart by what
//! the resolver's machine does: `dns-refuse` stops the real dnsmasq while its machine stays up
//! (ICMP port unreachable on UDP 53, a reset on TCP 53): "the DNS service refuses", confirmed;
//! `dns-down` drops DNS silently: "did not answer", likely. Both are network.dns_unavailable;
//! each runs again with 200 ms of added round-trip delay.
//!
//! Run with `sudo bash tests/run.sh --test netlab_dns`.

mod common;

use common::netlab::{netlab_dir, require_netlab, Scenario, REFERENCE, TURN, WHOAMI_DNS};
use common::{run_tool_in, CheckRun, PASSWORD};
use serde_json::Value;

const RESOLVER: &str = "203.0.113.53";

/// `smtp-doctor check --json` on the PC for alice@example.test on 587 with STARTTLS; the PC's
/// resolver is the lab's dnsmasq (its /etc/netns resolv.conf).
fn check_on_pc() -> CheckRun {
    let ca = netlab_dir()
        .join("pki/ca.pem")
        .to_string_lossy()
        .into_owned();
    let args = [
        "check",
        "--json",
        "--reference",
        REFERENCE,
        "--public-ip-dns",
        WHOAMI_DNS,
        "--timeout",
        "3",
        "--password-env",
        common::PASSWORD_ENV,
        "--ca-file",
        &ca,
        "--email",
        "alice@example.test",
        "--server",
        "smtp.example.test",
        "--port",
        "587",
        "--security",
        "starttls",
    ];
    run_tool_in(Some("sdl-pc"), &args, Some(PASSWORD), &[])
}

fn primary(run: &CheckRun) -> &Value {
    let cause = &run.report()["causes"][0];
    assert_eq!(
        cause["code"],
        "network.dns_unavailable",
        "{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
    cause
}

fn resolver_summaries(run: &CheckRun) -> Vec<String> {
    run.report()["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["id"] == "net.resolver")
        .filter_map(|c| c["summary"].as_str().map(str::to_string))
        .collect()
}

fn dns_service_refuses(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("dns-refuse", delay);
    let run = check_on_pc();
    let cause = primary(&run);
    assert_eq!(cause["confidence"], "confirmed", "{}", run.pretty());
    let explanation = cause["explanation"].as_str().unwrap_or_default();
    assert!(
        explanation.contains(&format!("({RESOLVER}) answers"))
            && explanation.contains("refuses every question"),
        "{explanation}"
    );
    assert!(!explanation.contains("did not answer"), "{explanation}");
    let summaries = resolver_summaries(&run);
    assert!(
        summaries
            .iter()
            .any(|s| s.contains(&format!("the DNS service on {RESOLVER} refuses"))),
        "{summaries:?}"
    );
}

fn dns_silent(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("dns-down", delay);
    let run = check_on_pc();
    let cause = primary(&run);
    assert_eq!(cause["confidence"], "likely", "{}", run.pretty());
    let explanation = cause["explanation"].as_str().unwrap_or_default();
    assert!(explanation.contains("did not answer"), "{explanation}");
    assert!(!explanation.contains("refuses"), "{explanation}");
    let summaries = resolver_summaries(&run);
    assert!(
        summaries
            .iter()
            .any(|s| s.contains(&format!("the DNS service on {RESOLVER} did not answer"))),
        "{summaries:?}"
    );
}

#[test]
fn dns_service_stopped_while_its_machine_is_up() {
    dns_service_refuses(0);
}

#[test]
fn dns_service_stopped_with_200ms_delay() {
    dns_service_refuses(200);
}

#[test]
fn dns_server_silent_gives_no_answer_at_all() {
    dns_silent(0);
}

#[test]
fn dns_server_silent_with_200ms_delay() {
    dns_silent(200);
}
