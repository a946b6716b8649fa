//! Blocklists and reverse DNS in the namespaced lab (tests/netlab/netlab.sh): the real binary
//! on the PC against the real Postfix of the mail host, with the lab's dnsmasq serving
//! blocklist zones (bl, pbl, srvbl, refusing and silent .netlab.test; see `blocklist_zones`
//! in netlab.sh). The tool is pointed at those zones with `--blocklists FILE` (replacing the
//! embedded, real lists: nothing is asked outside the lab), and resolves through the PC's
//! resolver, the lab's dnsmasq.
//!
//! The scenarios change shared state, so the cases take turns through one lock.

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use common::netlab::{netlab_dir, require_netlab, Scenario, PUBLIC_IP, TURN, WHOAMI_DNS};
use common::{run_tool_in, CheckRun, PASSWORD};

const MAIL_IP: &str = "203.0.113.25";

/// A blocklists file replacing the embedded lists with the lab's `zones` (name, zone).
struct ListsFile(PathBuf);

impl ListsFile {
    fn new(tag: &str, zones: &[(&str, &str)]) -> ListsFile {
        let mut text = String::from("replace = true\n");
        for (name, zone) in zones {
            let _ = write!(
                text,
                "\n[[list]]\nname = \"{name}\"\nzone = \"{zone}\"\ndelist = \"https://{zone}/remove\"\n\n\
                 [[list.code]]\nanswer = \"127.0.0.2\"\nkind = \"listed\"\nmeaning = \"{name}: a known source of spam\"\n\n\
                 [[list.code]]\nanswer = \"127.0.0.11\"\nkind = \"dynamic\"\nmeaning = \"{name}: a home connection\"\n\n\
                 [[list.code]]\nanswer = \"127.255.255.254\"\nkind = \"refused\"\nmeaning = \"{name} refuses queries through public resolvers: a query from another resolver is needed\"\n"
            );
        }
        let path = std::env::temp_dir().join(format!(
            "smtp-doctor-netlab-blocklists-{}-{tag}.toml",
            std::process::id()
        ));
        std::fs::write(&path, text).expect("write the blocklists file");
        ListsFile(path)
    }
}

impl Drop for ListsFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `smtp-doctor check --json` on the PC for alice@example.test at `server`, port 587 with
/// STARTTLS, with the lab's CA, who-am-I resolver and `lists`.
fn check_on_pc(server: &str, lists: &ListsFile) -> CheckRun {
    check_on_pc_at(server, lists, "587", "starttls")
}

/// [`check_on_pc`] with another port and security setting.
fn check_on_pc_at(server: &str, lists: &ListsFile, port: &str, security: &str) -> CheckRun {
    let ca = netlab_dir()
        .join("pki/ca.pem")
        .to_string_lossy()
        .into_owned();
    let lists = lists.0.to_string_lossy().into_owned();
    let args = [
        "check",
        "--json",
        "--ca-file",
        &ca,
        "--reference",
        "smtp.reference.test",
        "--public-ip-dns",
        WHOAMI_DNS,
        "--blocklists",
        &lists,
        "--timeout",
        "4",
        "--password-env",
        common::PASSWORD_ENV,
        "--email",
        "alice@example.test",
        "--server",
        server,
        "--port",
        port,
        "--security",
        security,
    ];
    run_tool_in(Some("sdl-pc"), &args, Some(PASSWORD), &[])
}

fn turn() -> std::sync::MutexGuard<'static, ()> {
    let t = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require_netlab();
    t
}

fn codes(run: &CheckRun) -> Vec<String> {
    run.report()["causes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn cause<'a>(run: &'a CheckRun, code: &str) -> &'a serde_json::Value {
    run.report()["causes"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["code"] == code))
        .unwrap_or_else(|| panic!("no cause {code}\n{}", run.pretty()))
}

fn record<'a>(run: &'a CheckRun, id: &str) -> &'a serde_json::Value {
    run.report()["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id}\n{}", run.pretty()))
}

fn assert_ok_first(run: &CheckRun) {
    assert_eq!(
        run.report()["verdict"],
        "ok",
        "{}\n{}",
        run.pretty(),
        run.stderr
    );
    assert_eq!(run.primary_cause(), "ok.sending_works", "{}", run.pretty());
}

/// (a) Postfix refuses this network through `reject_rbl_client bl.netlab.test`: the lookups
/// confirm it and name that list (not the first list that lists the address), its code and
/// the delisting page.
#[test]
fn a_listed_client_refused_by_postfix_is_named_exactly() {
    let _t = turn();
    let _s = Scenario::set("client-blocklisted", 0);
    let lists = ListsFile::new(
        "a",
        &[("Lab PBL", "pbl.netlab.test"), ("Lab BL", "bl.netlab.test")],
    );
    let run = check_on_pc("smtp.example.test", &lists);
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(
        run.primary_cause(),
        "reputation.client_ip_listed",
        "{}",
        run.pretty()
    );
    let c = &run.report()["causes"][0];
    assert_eq!(c["confidence"], "confirmed", "{c}");
    let title = c["title"].as_str().unwrap_or_default();
    assert!(title.contains("Lab BL"), "{title}");
    let explanation = c["explanation"].as_str().unwrap_or_default();
    for want in [
        PUBLIC_IP,
        "127.0.0.2",
        "Lab BL: a known source of spam",
        "blocked using bl.netlab.test",
    ] {
        assert!(explanation.contains(want), "{want}: {explanation}");
    }
    let fix = c["fix"].to_string();
    assert!(fix.contains("https://bl.netlab.test/remove"), "{fix}");
    assert_eq!(record(&run, "dnsbl.client")["status"], "warn");
}

/// A home-connection (PBL-type) listing: send through the provider on 587 with sign-in,
/// never "request delisting".
#[test]
fn a_client_on_a_home_connection_list_is_told_to_use_587_with_sign_in() {
    let _t = turn();
    let _s = Scenario::set("client-pbl-listed", 0);
    let lists = ListsFile::new("pbl", &[("Lab PBL", "pbl.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_eq!(
        run.primary_cause(),
        "reputation.client_ip_listed",
        "{}",
        run.pretty()
    );
    let c = &run.report()["causes"][0];
    assert!(
        c["title"]
            .as_str()
            .unwrap_or_default()
            .contains("home connections"),
        "{c}"
    );
    let fix = c["fix"].to_string();
    assert!(
        fix.contains("587") && fix.contains("requires authentication"),
        "{fix}"
    );
    assert!(!fix.contains("/remove"), "{fix}");
    let summary = record(&run, "dnsbl.client")["summary"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        summary.contains("list of home connections") && summary.contains("port 587 with sign-in"),
        "{summary}"
    );
}

/// (b) The mail server's own address is listed: a warning beside "sending works".
#[test]
fn a_listed_server_is_a_warning_beside_the_verdict() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("b", &[("Lab server BL", "srvbl.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_ok_first(&run);
    let c = cause(&run, "reputation.server_ip_listed");
    assert_eq!(c["confidence"], "possible", "{c}");
    let text = c.to_string();
    for want in [MAIL_IP, "Lab server BL", "https://srvbl.netlab.test/remove"] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let r = record(&run, "dnsbl.server");
    assert_eq!(r["status"], "warn", "{r}");
}

/// (c) A list that answers 127.255.255.254 (Spamhaus to public resolvers) could not be
/// checked: never "listed".
#[test]
fn a_refused_query_is_could_not_be_checked() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("c", &[("Lab Spamhaus-style", "refusing.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_ok_first(&run);
    assert!(
        !codes(&run).iter().any(|c| c.starts_with("reputation.")),
        "{}",
        run.pretty()
    );
    for id in ["dnsbl.client", "dnsbl.server"] {
        let r = record(&run, id);
        assert_eq!(r["status"], "skip", "{r}");
        let summary = r["summary"].as_str().unwrap_or_default();
        assert!(
            summary.contains("could not be checked") && summary.contains("another resolver"),
            "{summary}"
        );
        assert_eq!(r["detail"]["listings"][0]["status"], "not_checked", "{r}");
        assert_eq!(r["detail"]["listings"][0]["code"], "127.255.255.254", "{r}");
    }
}

/// (d) A list whose servers never answer: the verdict comes anyway, with the list unknown
/// (or its lookup left out as not needed, when the verdict came first).
#[test]
fn a_silent_list_does_not_hold_the_verdict() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("d", &[("Lab silent", "silent.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_ok_first(&run);
    assert!(
        !codes(&run).iter().any(|c| c.starts_with("reputation.")),
        "{}",
        run.pretty()
    );
    let r = record(&run, "dnsbl.server");
    assert_eq!(r["status"], "skip", "{r}");
    let finished_unknown = r["detail"]["listings"][0]["status"] == "unknown";
    let not_needed = r["summary"] == "not needed for this result";
    assert!(finished_unknown || not_needed, "{r}");
}

/// (e) The IPv6 address's PTR is another name than the one the server greets with: a
/// warning beside "sending works".
#[test]
fn a_reverse_dns_mismatch_is_a_warning() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("e", &[]);
    let run = check_on_pc("v6only.example.test", &lists);
    assert_ok_first(&run);
    let c = cause(&run, "server.reverse_dns_mismatch");
    let text = c.to_string();
    assert!(
        text.contains("smtp.example.test") && text.contains("2001:db8:203::25"),
        "{text}"
    );
    assert_eq!(record(&run, "dns.server.ptr")["status"], "warn");
}

/// A healthy server: not listed, its reverse DNS matches its name; no warning at all (this
/// network's listing does not matter while the server accepts it).
#[test]
fn a_healthy_server_has_no_warning() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("ok", &[("Lab BL", "bl.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_ok_first(&run);
    assert_eq!(
        codes(&run),
        vec!["ok.sending_works".to_string()],
        "{}",
        run.pretty()
    );
    assert_eq!(
        record(&run, "dns.server.ptr")["status"],
        "pass",
        "{}",
        run.pretty()
    );
    assert_eq!(
        record(&run, "dnsbl.server")["status"],
        "pass",
        "{}",
        run.pretty()
    );
}

/// Who-am-I DNS filtered (an office network that lets only its own DNS through): the
/// server's refusal names this network's address, and the lookup of that address still
/// names the list exactly.
#[test]
fn a_listed_client_is_named_when_whoami_dns_is_filtered() {
    let _t = turn();
    let _s = Scenario::set("client-blocklisted-whoami-silent", 0);
    let lists = ListsFile::new("f", &[("Lab BL", "bl.netlab.test")]);
    let run = check_on_pc("smtp.example.test", &lists);
    assert_eq!(
        run.primary_cause(),
        "reputation.client_ip_listed",
        "{}",
        run.pretty()
    );
    let c = &run.report()["causes"][0];
    assert!(
        c["title"].as_str().unwrap_or_default().contains("Lab BL"),
        "{c}"
    );
    let explanation = c["explanation"].as_str().unwrap_or_default();
    for want in [PUBLIC_IP, "127.0.0.2", "Lab BL: a known source of spam"] {
        assert!(explanation.contains(want), "{want}: {explanation}");
    }
    assert_eq!(record(&run, "dnsbl.client")["status"], "warn");
}

/// Postfix refuses this network in its greeting (`smtpd_delay_reject = no`): the lookup
/// names the list the refusal names, and its code.
#[test]
fn a_refusal_at_the_greeting_names_the_list_exactly() {
    let _t = turn();
    let _s = Scenario::set("client-blocklisted-at-connect", 0);
    let lists = ListsFile::new(
        "g",
        &[("Lab PBL", "pbl.netlab.test"), ("Lab BL", "bl.netlab.test")],
    );
    let run = check_on_pc("smtp.example.test", &lists);
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(
        run.primary_cause(),
        "reputation.client_ip_listed",
        "{}",
        run.pretty()
    );
    let c = &run.report()["causes"][0];
    assert!(
        c["title"].as_str().unwrap_or_default().contains("Lab BL"),
        "{c}"
    );
    let explanation = c["explanation"].as_str().unwrap_or_default();
    for want in [
        PUBLIC_IP,
        "127.0.0.2",
        "Lab BL: a known source of spam",
        "blocked using bl.netlab.test",
    ] {
        assert!(explanation.contains(want), "{want}: {explanation}");
    }
    let fix = c["fix"].to_string();
    assert!(fix.contains("https://bl.netlab.test/remove"), "{fix}");
}

/// A settings mistake (STARTTLS on the implicit-TLS port 465) at a server whose own address
/// is listed: the fix comes first, the listing is a warning beside it.
#[test]
fn a_listed_server_is_a_warning_beside_a_wrong_setting() {
    let _t = turn();
    let _s = Scenario::set("none", 0);
    let lists = ListsFile::new("h", &[("Lab server BL", "srvbl.netlab.test")]);
    let run = check_on_pc_at("smtp.example.test", &lists, "465", "starttls");
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert!(
        run.primary_cause().starts_with("config."),
        "{}",
        run.pretty()
    );
    let c = cause(&run, "reputation.server_ip_listed");
    let text = c.to_string();
    for want in [MAIL_IP, "Lab server BL", "https://srvbl.netlab.test/remove"] {
        assert!(text.contains(want), "{want}: {text}");
    }
}
