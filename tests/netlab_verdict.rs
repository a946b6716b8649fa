//! A verdict as soon as it is decided, in the namespaced lab (tests/netlab/netlab.sh): a side
//! lookup that gets no answer (the who-am-I DNS, the reference host) does not hold the result
//! back, and the report says it was not needed; a result that names the public address
//! still carries it, with the method that gave it.
//!
//! The scenarios change shared state, so the cases take turns through one lock.

mod common;

use common::netlab::{
    netlab_dir, require_netlab, Scenario, PUBLIC_IP, REFERENCE, TURN, WHOAMI_DNS,
};
use common::{run_tool_in, CheckRun, PASSWORD};

/// `smtp-doctor check --json` on the PC for the lab's working account on 587.
fn check_on_pc() -> CheckRun {
    let ca = netlab_dir()
        .join("pki/ca.pem")
        .to_string_lossy()
        .into_owned();
    run_tool_in(
        Some("sdl-pc"),
        &[
            "check",
            "--json",
            "--ca-file",
            &ca,
            "--reference",
            REFERENCE,
            "--public-ip-dns",
            WHOAMI_DNS,
            "--timeout",
            "4",
            "--password-env",
            common::PASSWORD_ENV,
            "--email",
            "alice@example.test",
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
        ],
        Some(PASSWORD),
        &[],
    )
}

/// The check records whose id starts with `prefix`.
fn records<'a>(run: &'a CheckRun, prefix: &str) -> Vec<&'a serde_json::Value> {
    run.report()["checks"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|c| c["id"].as_str().is_some_and(|id| id.starts_with(prefix)))
                .collect()
        })
        .unwrap_or_default()
}

fn assert_not_needed(run: &CheckRun, prefix: &str) {
    let found = records(run, prefix);
    assert!(!found.is_empty(), "no {prefix} record\n{}", run.pretty());
    for r in found {
        assert_eq!(r["status"], "skip", "{r}\n{}", run.pretty());
        assert_eq!(r["summary"], "not needed for this result", "{r}");
        assert_eq!(r["detail"]["finished"], false, "{r}");
    }
}

fn assert_ok(run: &CheckRun) {
    assert_eq!(run.code, 0, "{}\n{}", run.pretty(), run.stderr);
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_eq!(run.primary_cause(), "ok.sending_works");
    assert_eq!(run.report()["recommended"]["port"], 587, "{}", run.pretty());
}

#[test]
fn a_silent_who_am_i_server_does_not_hold_the_verdict() {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("whoami-silent", 0);
    let run = check_on_pc();
    assert_ok(&run);
    assert_not_needed(&run, "net.public_ip");
    assert!(run.report().get("public_ip").is_none(), "{}", run.pretty());
}

#[test]
fn a_silent_reference_host_does_not_hold_the_verdict() {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("reference-silent", 0);
    let run = check_on_pc();
    assert_ok(&run);
    assert_not_needed(&run, "ref.");
}

/// The server's firewall drops this network: the host must act, and the request names the
/// address, learned from the who-am-I method that answered first (Postfix does not echo it).
#[test]
fn the_tell_host_request_carries_the_public_address() {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("server-drop-client", 0);
    let run = check_on_pc();
    assert_eq!(run.primary_cause(), "server.client_ip_blocked");
    assert_eq!(run.report()["public_ip"], PUBLIC_IP, "{}", run.pretty());
    let fix = run.report()["causes"][0]["fix"].to_string();
    assert!(fix.contains(PUBLIC_IP), "{fix}");
    let lookup = records(&run, "net.public_ip");
    let lookup = lookup.first().expect("the lookup's record");
    assert_eq!(lookup["status"], "pass", "{lookup}");
    let method = lookup["detail"]["method"].as_str().unwrap_or_default();
    assert!(
        ["opendns_a", "google_txt", "cloudflare_chaos_txt"].contains(&method),
        "{lookup}"
    );
}
