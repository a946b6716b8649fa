//! Dual stack end to end in the namespaced lab (tests/netlab/netlab.sh): the real binary on
//! the PC (sdl-pc, which has an IPv6 route) against the real Postfix of the mail host, which
//! answers over IPv4 and IPv6. `dual.example.test` has both addresses, `v6only.example.test`
//! only the IPv6 one. Each case runs without and with 200 ms of added round-trip delay (the
//! NFQUEUE delayer handles both families).
//!
//! The scenarios change shared state, so the cases take turns through one lock.

mod common;

use common::netlab::{netlab_dir, require_netlab, Scenario, REFERENCE, TURN, WHOAMI_DNS};
use common::{run_tool_in, CheckRun, PASSWORD};

const MAIL_IP4: &str = "203.0.113.25";
const MAIL_IP6: &str = "2001:db8:203::25";

/// `smtp-doctor check --json` on the PC for alice@example.test at `server`, port 587 with
/// STARTTLS, with the lab's CA, reference and who-am-I resolver.
fn check_on_pc(server: &str, timeout: &str) -> CheckRun {
    let ca = netlab_dir()
        .join("pki/ca.pem")
        .to_string_lossy()
        .into_owned();
    let args = [
        "check",
        "--json",
        "--ca-file",
        &ca,
        "--reference",
        REFERENCE,
        "--public-ip-dns",
        WHOAMI_DNS,
        "--timeout",
        timeout,
        "--password-env",
        common::PASSWORD_ENV,
        "--email",
        "alice@example.test",
        "--server",
        server,
        "--port",
        "587",
        "--security",
        "starttls",
    ];
    run_tool_in(Some("sdl-pc"), &args, Some(PASSWORD), &[])
}

fn assert_primary(run: &CheckRun, code: &str) {
    assert_eq!(
        run.primary_cause(),
        code,
        "{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
}

/// The check record `id` (its summary and status).
fn record(run: &CheckRun, id: &str) -> (String, String) {
    let r = run.report()["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .cloned()
        .unwrap_or_default();
    (
        r["summary"].as_str().unwrap_or_default().to_string(),
        r["status"].as_str().unwrap_or_default().to_string(),
    )
}

fn assert_recommended_587(run: &CheckRun) {
    let r = &run.report()["recommended"];
    assert_eq!(r["port"], 587, "{}", run.pretty());
    assert_eq!(r["security"], "starttls", "{}", run.pretty());
}

/// Both families answer: sending works, both are reported, and the session ran over IPv6
/// (what a mail program that prefers IPv6 uses).
fn both_families_work(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("none", delay);
    let run = check_on_pc("dual.example.test", "3");
    assert_primary(&run, "ok.sending_works");
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_recommended_587(&run);
    for port in ["587", "465", "25"] {
        let (summary, status) = record(&run, &format!("tcp.{port}"));
        assert!(
            summary.contains("IPv6: connected; IPv4: connected"),
            "tcp.{port}: {summary}"
        );
        assert_eq!(status, "pass", "tcp.{port}: {summary}");
    }
    let (summary, _) = record(&run, "tcp.587");
    assert!(
        summary.contains(&format!("([{MAIL_IP6}]:587")),
        "the session should run over IPv6: {summary}"
    );
}

/// The ISP drops IPv6 silently, IPv4 works: the broken IPv6 path is the primary cause,
/// explained with both addresses and the fixes for this computer and for the host.
fn ipv6_dropped_on_the_path(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("ipv6-drop", delay);
    let run = check_on_pc("dual.example.test", "3");
    assert_primary(&run, "network.ipv6_path_broken");
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    let cause = &run.report()["causes"][0];
    let title = cause["title"].as_str().unwrap_or_default();
    assert_eq!(
        title,
        "Mail connections over IPv6 fail from here; over IPv4 sending works",
        "{}",
        run.pretty()
    );
    let explanation = cause["explanation"].as_str().unwrap_or_default();
    for want in [
        MAIL_IP6,
        MAIL_IP4,
        "over IPv6 the result was: no answer within 3 s",
        "Mail programs try IPv6 first, so they hang",
    ] {
        assert!(explanation.contains(want), "{want:?} in {explanation}");
    }
    let fix = cause["fix"].to_string();
    for want in [
        "Restart your router",
        "tell your internet provider",
        "untick 'Internet Protocol Version 6 (TCP/IPv6)'",
        "Keep the outgoing server name dual.example.test with port 587 and STARTTLS",
        "remove the server's IPv6 address (its AAAA record)",
    ] {
        assert!(fix.contains(want), "{want:?} in {fix}");
    }
    // Sending itself works over IPv4: the working settings are still recommended.
    assert_recommended_587(&run);
    let (summary, status) = record(&run, "tcp.587");
    assert!(
        summary.contains("IPv6: no answer within 3 s; IPv4: connected"),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("({MAIL_IP4}:587")),
        "the session should run over IPv4: {summary}"
    );
    assert_eq!(status, "warn", "{summary}");
}

/// A server with an IPv6 address only: reached and diagnosed like any other.
fn ipv6_only_server(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("none", delay);
    let run = check_on_pc("v6only.example.test", "3");
    assert_primary(&run, "ok.sending_works");
    assert_eq!(run.report()["verdict"], "ok", "{}", run.pretty());
    assert_recommended_587(&run);
    let (summary, status) = record(&run, "tcp.587");
    assert_eq!(
        summary,
        format!("port 587 open ([{MAIL_IP6}]:587)"),
        "one family: no per-family note"
    );
    assert_eq!(status, "pass");
}

macro_rules! both {
    ($case:ident, $plain:ident, $delayed:ident) => {
        #[test]
        fn $plain() {
            $case(0);
        }
        #[test]
        fn $delayed() {
            $case(200);
        }
    };
}

both!(
    both_families_work,
    dual_stack_server_reached_over_both_families,
    dual_stack_server_with_200ms_delay
);
both!(
    ipv6_dropped_on_the_path,
    ipv6_silently_dropped_while_ipv4_works,
    ipv6_dropped_with_200ms_delay
);
both!(
    ipv6_only_server,
    ipv6_only_server_works,
    ipv6_only_server_with_200ms_delay
);
