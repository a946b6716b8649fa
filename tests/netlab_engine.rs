//! Network diagnosis end to end in the namespaced lab (tests/netlab/netlab.sh): the real
//! binary runs on the person's PC (namespace sdl-pc) behind an ISP router, against real
//! Postfix/Dovecot, dnsmasq and iptables rules. Each case sets one scenario, runs
//! `smtp-doctor check --json` and asserts the primary cause and the recommendation; every
//! case runs again with 200 ms of added round-trip delay (an NFQUEUE delayer on the router).
//!
//! The scenarios change shared state (firewall rules, running servers), so the cases take
//! turns through one lock.

mod common;

use common::netlab::{
    netlab_dir, require_netlab, Scenario, PUBLIC_IP, REFERENCE, TURN, WHOAMI_DNS,
};
use common::{run_tool_in, CheckRun, PASSWORD};

/// `smtp-doctor check --json` on the PC, with the lab's CA, reference and who-am-I
/// resolver; the PC's resolver is the lab's DNS server (its /etc/netns resolv.conf).
fn check_on_pc(args: &[&str], timeout: &str) -> CheckRun {
    let ca = netlab_dir()
        .join("pki/ca.pem")
        .to_string_lossy()
        .into_owned();
    let mut full = vec!["--ca-file", &ca];
    full.extend_from_slice(args);
    check_on_pc_trusting(&full, timeout, &[])
}

/// Like `check_on_pc`, with no `--ca-file` unless `args` has one: `env` can set
/// `SSL_CERT_FILE` to play this computer's own trust store.
fn check_on_pc_trusting(args: &[&str], timeout: &str, env: &[(&str, &str)]) -> CheckRun {
    let mut full = vec![
        "check",
        "--json",
        "--reference",
        REFERENCE,
        "--public-ip-dns",
        WHOAMI_DNS,
        "--timeout",
        timeout,
        "--password-env",
        common::PASSWORD_ENV,
    ];
    full.extend_from_slice(args);
    run_tool_in(Some("sdl-pc"), &full, Some(PASSWORD), env)
}

fn account(port: &str, security: &str) -> Vec<String> {
    [
        "--email",
        "alice@example.test",
        "--server",
        "smtp.example.test",
        "--port",
        port,
        "--security",
        security,
    ]
    .iter()
    .map(std::string::ToString::to_string)
    .collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
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

fn assert_recommended(run: &CheckRun, port: u64, security: &str) {
    let r = &run.report()["recommended"];
    assert_eq!(r["port"], port, "recommended port\n{}", run.pretty());
    assert_eq!(
        r["security"],
        security,
        "recommended security\n{}",
        run.pretty()
    );
}

fn assert_not_ok(run: &CheckRun) {
    // Nothing was proven from this network: the verdict cannot be "ok".
    let verdict = &run.report()["verdict"];
    assert_ne!(verdict, "ok", "{}", run.pretty());
}

/// The summary of the check record `id` ("" when there is none).
fn check_summary(run: &CheckRun, id: &str) -> String {
    run.report()["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .and_then(|c| c["summary"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn fix_text(run: &CheckRun) -> String {
    run.report()["causes"][0]["fix"].to_string()
}

// --- the cases, each run without and with added delay ----------------------------------

fn isp_blocks_port_25(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("isp-block-25", delay);
    let run = check_on_pc(&strs(&account("25", "starttls")), "3");
    assert_primary(&run, "network.outbound_port_blocked");
    assert_recommended(&run, 587, "starttls");
}

fn office_firewall_resets_587_and_465(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("office-reset", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "network.outbound_port_blocked");
    assert_recommended(&run, 25, "starttls");
}

fn server_firewall_drops_this_network(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("server-drop-client", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "server.client_ip_blocked");
    assert_eq!(run.report()["public_ip"], PUBLIC_IP, "{}", run.pretty());
    assert!(fix_text(&run).contains(PUBLIC_IP), "{}", run.pretty());
    // The evidence cannot exclude a dead host: both are named, and the administrator.
    let codes: Vec<&str> = run.report()["causes"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(codes.contains(&"server.host_unreachable"), "{codes:?}");
    assert!(codes.contains(&"unknown.needs_server_side"), "{codes:?}");
    assert_not_ok(&run);
    // The path probe names the ISP router as the last hop that answered.
    let path = check_summary(&run, "path.587");
    assert!(path.contains("last answer from 198.51.100.129"), "{path}");
}

fn server_firewall_rejects_this_network(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("server-reject-client", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "server.client_ip_blocked");
    assert!(fix_text(&run).contains(PUBLIC_IP), "{}", run.pretty());
    let tcp = run.report()["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == "tcp.587"))
        .map(|c| c["summary"].to_string())
        .unwrap_or_default();
    assert!(tcp.contains("prohibited"), "{tcp}");
    // The server's own ICMP decided it: the path trace is not needed for the result and is
    // reported only when it finished first.
    let path = check_summary(&run, "path.587");
    assert!(
        path.contains("administratively prohibited from 203.0.113.25")
            || path == "not needed for this result",
        "{path}"
    );
}

fn server_host_down(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("server-down", delay);
    // ARP gives up after about 3 s: the budget per step must be longer to hear the ICMP.
    let run = check_on_pc(&strs(&account("587", "starttls")), "5");
    assert_primary(&run, "server.host_unreachable");
    assert_not_ok(&run);
}

/// With a budget per step shorter than ARP's give-up, the connection attempts only meet
/// silence; the path probe then hears the router's "host unreachable".
fn server_host_down_short_budget(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("server-down", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "2");
    assert_primary(&run, "server.host_unreachable");
    let path = check_summary(&run, "path.587");
    assert!(path.contains("host unreachable from 203.0.113.1"), "{path}");
}

fn mail_service_stopped(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("postfix-stopped", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "server.service_down");
}

fn dns_server_down(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("dns-down", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "network.dns_unavailable");
}

fn no_route_at_all(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("no-route", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "network.offline");
    assert!(
        run.report().get("recommended").is_none(),
        "{}",
        run.pretty()
    );
}

/// The internet line is dead: the router answers, nothing beyond it does. Nothing at all
/// answers, so this is "no internet" after one time-out, not a fault of the server.
fn internet_line_down(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("isp-down", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "network.offline");
    assert_not_ok(&run);
}

fn working_account_through_the_isp(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("none", delay);
    let run = check_on_pc(&strs(&account("587", "starttls")), "3");
    assert_primary(&run, "ok.sending_works");
    assert_recommended(&run, 587, "starttls");
    assert_eq!(run.report()["public_ip"], PUBLIC_IP, "{}", run.pretty());
}

fn shielded_account() -> Vec<String> {
    let mut a = account("587", "starttls");
    a[3] = "smtp.shielded.test".to_string();
    a
}

fn causes(run: &CheckRun) -> Vec<(String, String)> {
    run.report()["causes"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        c["code"].as_str().unwrap_or("").to_string(),
                        c["title"].to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// An antivirus mail shield whose root this computer trusts: sending works, and the shield
/// is named as a possible trouble-maker.
fn mail_shield_trusted(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("none", delay);
    let store = netlab_dir().join("pki/os-store-with-shield.pem");
    let store = store.to_string_lossy();
    let run = check_on_pc_trusting(
        &strs(&shielded_account()),
        "3",
        &[("SSL_CERT_FILE", &store)],
    );
    assert_primary(&run, "ok.sending_works");
    let found = causes(&run);
    assert!(
        found
            .iter()
            .any(|(code, title)| code == "network.tls_intercepted" && title.contains("Avast")),
        "{found:?}\n{}",
        run.pretty()
    );
}

/// The same shield when this computer does not trust its root: the shield is the cause, named
/// with the setting to switch off.
fn mail_shield_untrusted(delay: u32) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    let _s = Scenario::set("none", delay);
    let store = netlab_dir().join("pki/ca.pem");
    let store = store.to_string_lossy();
    let run = check_on_pc_trusting(
        &strs(&shielded_account()),
        "3",
        &[("SSL_CERT_FILE", &store)],
    );
    assert_primary(&run, "network.tls_intercepted");
    let fix = fix_text(&run);
    assert!(fix.contains("Avast"), "{fix}");
    assert!(fix.to_lowercase().contains("mail shield"), "{fix}");
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
    isp_blocks_port_25,
    isp_blocks_port_25_for_every_destination,
    isp_blocks_port_25_with_200ms_delay
);
both!(
    office_firewall_resets_587_and_465,
    office_firewall_resets_587_and_465_for_every_destination,
    office_firewall_resets_with_200ms_delay
);
both!(
    server_firewall_drops_this_network,
    server_firewall_drops_this_network_silently,
    server_firewall_drops_with_200ms_delay
);
both!(
    server_firewall_rejects_this_network,
    server_firewall_rejects_with_icmp_admin_prohibited,
    server_firewall_rejects_with_200ms_delay
);
both!(
    server_host_down,
    server_host_is_down,
    server_host_down_with_200ms_delay
);
both!(
    mail_service_stopped,
    postfix_is_stopped,
    postfix_stopped_with_200ms_delay
);
both!(
    dns_server_down,
    dns_server_is_down,
    dns_server_down_with_200ms_delay
);
both!(
    no_route_at_all,
    pc_has_no_route_at_all,
    no_route_with_200ms_delay
);
both!(
    working_account_through_the_isp,
    working_account_through_the_isp_router,
    working_account_with_200ms_delay
);
both!(
    internet_line_down,
    internet_line_is_down,
    internet_line_down_with_200ms_delay
);
both!(
    server_host_down_short_budget,
    server_host_down_told_by_the_path_probe,
    server_host_down_told_by_the_path_probe_with_200ms_delay
);
both!(
    mail_shield_trusted,
    antivirus_mail_shield_trusted_by_this_computer,
    antivirus_mail_shield_trusted_with_200ms_delay
);
both!(
    mail_shield_untrusted,
    antivirus_mail_shield_not_trusted,
    antivirus_mail_shield_not_trusted_with_200ms_delay
);
