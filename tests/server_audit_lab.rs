//! `smtp-doctor server --audit` in the server lab (tests/serverlab/serverlab.sh), with real
//! components: the binary runs as root inside the mail server (sdv-mail); customers play
//! from sdv-cli with real SMTP sessions: good logins, then wrong passwords until the real
//! fail2ban bans them (its iptables rule, its database with the lines that banned them);
//! an attacker that only fails; a sprayer that fails against several accounts; a CSF
//! temporary ban written in lfd's format for a customer that signed in fine. `--apply`
//! lifts and whitelists the customer only; the attacker and the sprayer stay banned.
//!
//! The cases take `serverlab::TURN` (fail2ban's bans and counters are shared with every
//! server-lab case; cargo runs test binaries one after another, and within this one the
//! lock keeps the cases apart). The addresses the cases play from (198.51.100.20-23) are
//! added to sdv-cli for the case and removed after it; bans, ignoreip entries and
//! csf.tempban are put back as they were, also when a case fails.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::serverlab::{
    self, failed_logins, good_session, run_in, serverlab, try_connect, Connect, ServerLab,
    CSF_DENY, CSF_TEMP, CUSTOMERS_NS, DROP4, IPSET, JAIL, NFT,
};
use common::{CheckRun, EMAIL, PASSWORD};
use serde_json::Value;

/// Signs in fine, then fails until fail2ban bans it.
const CUSTOMER: &str = "198.51.100.20";
/// Only fails, one account.
const ATTACKER: &str = "198.51.100.21";
/// Fails against three accounts.
const SPRAYER: &str = "198.51.100.22";
/// Signs in fine; CSF holds a temporary ban for it (as lfd writes one).
const CSF_CUSTOMER: &str = "198.51.100.23";
const PLAYERS: [&str; 4] = [CUSTOMER, ATTACKER, SPRAYER, CSF_CUSTOMER];
const SPRAYED: [&str; 3] = [
    "bob@example.test",
    "carol@example.test",
    "dave@example.test",
];

/// The case's addresses on sdv-cli, and everything the case changes, put back on drop.
struct Stage<'a> {
    lab: &'a ServerLab,
    tempban: Option<(PathBuf, Vec<u8>)>,
}

impl<'a> Stage<'a> {
    fn new(lab: &'a ServerLab) -> Stage<'a> {
        let stage = Stage { lab, tempban: None };
        stage.clean_bans();
        for ip in PLAYERS {
            let (ok, out) = run_in(
                CUSTOMERS_NS,
                &["ip", "addr", "replace", &format!("{ip}/24"), "dev", "eth0"],
            );
            assert!(ok, "cannot add {ip} to {CUSTOMERS_NS}: {out}");
        }
        stage
    }

    fn clean_bans(&self) {
        for ip in PLAYERS {
            self.lab.unban(ip);
            let _ = self.lab.fail2ban(&["set", JAIL, "delignoreip", ip]);
        }
    }

    /// Adds a csf.tempban line for `ip` as lfd writes it (`lfd - (smtpauth) ...`).
    fn csf_temp_ban(&mut self, ip: &str) {
        let path = self.lab.csf_state.join("csf.tempban");
        let before = std::fs::read(&path).unwrap_or_default();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let mut text = before.clone();
        text.extend(
            format!(
                "{now}|{ip}||in|3600|lfd - (smtpauth) Failed SMTP AUTH login from {ip} (XX/Country/-): 5 in the last 3600 secs\n"
            )
            .bytes(),
        );
        std::fs::write(&path, text).unwrap();
        self.tempban = Some((path, before));
    }
}

impl Drop for Stage<'_> {
    fn drop(&mut self) {
        self.clean_bans();
        if let Some((path, before)) = self.tempban.take() {
            let _ = std::fs::write(path, before);
        }
        for ip in PLAYERS {
            let _ = run_in(
                CUSTOMERS_NS,
                &["ip", "addr", "del", &format!("{ip}/24"), "dev", "eth0"],
            );
        }
    }
}

/// The jail's bantime changed for a case, put back when the case ends.
struct Bantime<'a> {
    lab: &'a ServerLab,
    before: String,
}

impl<'a> Bantime<'a> {
    fn set(lab: &'a ServerLab, secs: &str) -> Bantime<'a> {
        let before = lab
            .fail2ban(&["get", JAIL, "bantime"])
            .unwrap_or_else(|e| panic!("{e}"))
            .trim()
            .to_string();
        lab.fail2ban(&["set", JAIL, "bantime", secs])
            .unwrap_or_else(|e| panic!("{e}"));
        Bantime { lab, before }
    }
}

impl Drop for Bantime<'_> {
    fn drop(&mut self) {
        let _ = self.lab.fail2ban(&["set", JAIL, "bantime", &self.before]);
    }
}

/// Fails `n` times as `user` from `ip` and waits (bounded) for fail2ban's ban and its rule.
fn get_banned(lab: &ServerLab, ip: &str, users: &[&str]) {
    for u in users {
        failed_logins(ip, u, 1, &lab.ca_file);
    }
    assert!(
        lab.wait_banned(ip, true, Duration::from_secs(20)),
        "fail2ban did not ban {ip} after {} failed logins; banned: {:?}",
        users.len(),
        lab.banned()
    );
    let start = Instant::now();
    while !matches!(
        try_connect(ip, 587, Duration::from_secs(2)),
        Connect::Refused
    ) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "fail2ban's rule for {ip} did not appear"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn audit(lab: &ServerLab, extra: &[&str], with_fail2ban_paths: bool) -> CheckRun {
    let mut args: Vec<String> = vec![
        "server".into(),
        "--audit".into(),
        "--since".into(),
        "2h".into(),
    ];
    args.extend(lab.path_args(with_fail2ban_paths));
    args.extend(extra.iter().map(ToString::to_string));
    let run = lab.run_server(&args);
    assert_eq!(
        run.report()["schema"],
        "smtp-doctor/server-audit/v1",
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    run
}

fn entry<'a>(run: &'a CheckRun, address: &str) -> &'a Value {
    run.report()["entries"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["address"] == address))
        .unwrap_or_else(|| panic!("no entry for {address}:\n{}", run.pretty()))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn accounts(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["account"].as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn audit_tells_customers_from_attackers_and_sprayers() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let mut stage = Stage::new(&lab);

    // The customer sends mail fine, then its phone keeps an old password.
    good_session(CUSTOMER, EMAIL, PASSWORD, &lab.ca_file);
    good_session(CUSTOMER, EMAIL, PASSWORD, &lab.ca_file);
    get_banned(&lab, CUSTOMER, &[EMAIL, EMAIL, EMAIL]);
    get_banned(&lab, ATTACKER, &["admin@example.test"; 3]);
    get_banned(&lab, SPRAYER, &SPRAYED);
    good_session(CSF_CUSTOMER, EMAIL, PASSWORD, &lab.ca_file);
    stage.csf_temp_ban(CSF_CUSTOMER);

    let run = audit(&lab, &[], true);
    let doc = run.report();
    assert_eq!(doc["verdict"], "problem", "{}", run.pretty());
    assert_eq!(run.code, 1);

    // The fail2ban customer: its account, the lines fail2ban banned it for, the jail's
    // ban and the iptables rule fail2ban made, lifted through fail2ban.
    let customer = entry(&run, CUSTOMER);
    assert_eq!(customer["kind"], "customer", "{customer:#}");
    assert_eq!(accounts(&customer["accounts_ok"]), [EMAIL], "{customer:#}");
    assert_eq!(
        accounts(&customer["accounts_failed"]),
        [EMAIL],
        "{customer:#}"
    );
    assert!(
        customer["sign_ins_ok"].as_u64().unwrap_or(0) >= 2,
        "{customer:#}"
    );
    assert_eq!(customer["trigger_lines_recorded"], true, "{customer:#}");
    let lines = strings(&customer["trigger_lines"]);
    assert!(!lines.is_empty(), "{customer:#}");
    for l in &lines {
        assert!(
            l.contains(&format!("[{CUSTOMER}]")) && l.contains("authentication failed"),
            "{l}"
        );
    }
    let blocks = customer["blocks"].as_array().unwrap();
    assert!(
        blocks
            .iter()
            .any(|b| b["source"] == "fail2ban" && b["where"] == format!("jail {JAIL}")),
        "{customer:#}"
    );
    assert!(
        blocks.iter().any(|b| b["source"] == "iptables"
            && b["made_by"] == "fail2ban"
            && b["rule"]
                .as_str()
                .unwrap_or("")
                .contains(&format!("-A f2b-{JAIL} -s {CUSTOMER}/32"))),
        "{customer:#}"
    );
    let sock = lab.f2b_socket.display().to_string();
    assert_eq!(
        strings(&customer["unblock"]),
        [format!(
            "fail2ban-client -s {sock} set {JAIL} unbanip {CUSTOMER}"
        )],
        "{customer:#}"
    );
    assert!(
        strings(&customer["allow"]).contains(&format!(
            "fail2ban-client -s {sock} set {JAIL} addignoreip {CUSTOMER}"
        )),
        "{customer:#}"
    );
    assert_eq!(customer["apply"], true);
    assert!(
        customer["banned_since"].is_string() && customer["banned_until"].is_string(),
        "{customer:#}"
    );

    // Only failures, one account: an attacker; several accounts: spraying.
    let attacker = entry(&run, ATTACKER);
    assert_eq!(attacker["kind"], "failed_only", "{attacker:#}");
    assert_eq!(
        accounts(&attacker["accounts_failed"]),
        ["admin@example.test"],
        "{attacker:#}"
    );
    assert_eq!(attacker["apply"], false);
    let sprayer = entry(&run, SPRAYER);
    assert_eq!(sprayer["kind"], "spraying", "{sprayer:#}");
    let mut tried = accounts(&sprayer["accounts_failed"]);
    tried.sort();
    assert_eq!(tried, SPRAYED, "{sprayer:#}");

    // The CSF temporary ban, in csf.tempban's format, of a customer who signed in fine.
    let csf = entry(&run, CSF_CUSTOMER);
    assert_eq!(csf["kind"], "customer", "{csf:#}");
    let ban = csf["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["source"] == "csf")
        .unwrap_or_else(|| panic!("no csf block: {csf:#}"));
    assert!(
        ban["where"]
            .as_str()
            .unwrap_or("")
            .starts_with(&format!("{}:", lab.csf_state.join("csf.tempban").display())),
        "{ban:#}"
    );
    assert!(
        ban["reason"]
            .as_str()
            .unwrap_or("")
            .starts_with("lfd - (smtpauth) Failed SMTP AUTH login"),
        "{ban:#}"
    );
    assert!(ban["until"].is_string(), "{ban:#}");
    assert_eq!(
        strings(&csf["unblock"]),
        [format!("csf -tr {CSF_CUSTOMER}")],
        "{csf:#}"
    );
    assert_eq!(
        strings(&csf["allow"]),
        [format!(
            "csf -a {CSF_CUSTOMER} 'smtp-doctor: mail client {EMAIL}'"
        )],
        "{csf:#}"
    );

    // Customers come first, and the lab's other blocks are there, without sign-ins.
    let kinds: Vec<&str> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or(""))
        .collect();
    let first_other = kinds
        .iter()
        .position(|k| *k != "customer")
        .unwrap_or(kinds.len());
    assert!(
        kinds[first_other..].iter().all(|k| *k != "customer"),
        "{kinds:?}"
    );
    for ip in [DROP4, NFT, CSF_DENY, CSF_TEMP, IPSET] {
        assert_eq!(entry(&run, ip)["kind"], "no_sign_ins", "{ip}");
    }
    // The jail that banned the customer gets advice; nothing was changed.
    let advice = doc["advice"].as_array().unwrap();
    let jail = advice
        .iter()
        .find(|a| a["source"] == format!("fail2ban:{JAIL}"))
        .unwrap_or_else(|| panic!("no advice for {JAIL}:\n{}", run.pretty()));
    assert_eq!(jail["setting"], "maxretry");
    assert_eq!(jail["current"], "3");
    assert_eq!(jail["customers_banned"][0], CUSTOMER);
    assert!(
        lab.banned().iter().any(|b| b == CUSTOMER),
        "read-only: still banned"
    );
}

#[test]
fn a_customer_banned_twice_is_a_repeat_offender() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let _stage = Stage::new(&lab);
    good_session(CUSTOMER, EMAIL, PASSWORD, &lab.ca_file);
    // The first ban runs out by itself (fail2ban keeps such a ban in its database; an
    // unban by hand, `unbanip`, deletes the address's rows): a bantime of 2 s for it.
    let bantime = Bantime::set(&lab, "2");
    get_banned(&lab, CUSTOMER, &[EMAIL, EMAIL, EMAIL]);
    assert!(
        lab.wait_banned(CUSTOMER, false, Duration::from_secs(20)),
        "the 2 s ban did not run out"
    );
    drop(bantime);
    // The phone fails again.
    get_banned(&lab, CUSTOMER, &[EMAIL, EMAIL, EMAIL]);
    let run = audit(&lab, &[], true);
    let c = entry(&run, CUSTOMER);
    assert_eq!(c["kind"], "customer", "{c:#}");
    let r = &c["repeat"];
    assert!(r["bans"].as_u64().unwrap_or(0) >= 2, "{c:#}");
    assert_eq!(r["account"], EMAIL, "{c:#}");
    assert!(
        r["note"].as_str().unwrap_or("").contains("on every device"),
        "{c:#}"
    );
    assert!(run.report()["summary"]["repeat"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn apply_lifts_and_whitelists_the_customer_only() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let _stage = Stage::new(&lab);
    good_session(CUSTOMER, EMAIL, PASSWORD, &lab.ca_file);
    get_banned(&lab, CUSTOMER, &[EMAIL, EMAIL, EMAIL]);
    get_banned(&lab, ATTACKER, &["admin@example.test"; 3]);
    get_banned(&lab, SPRAYER, &SPRAYED);

    // As on a real host: fail2ban-client's own configuration finds the server.
    let run = audit(&lab, &["--apply", "--yes"], false);
    let a = &run.report()["apply"];
    assert_eq!(a["declined"], false, "{}", run.pretty());
    assert_eq!(strings(&a["addresses"]), [CUSTOMER], "{}", run.pretty());
    let commands: Vec<(String, bool)> = a["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["command"].as_str().unwrap_or("").to_string(),
                c["ok"] == true,
            )
        })
        .collect();
    assert_eq!(
        commands,
        [
            (
                format!("fail2ban-client set {JAIL} unbanip {CUSTOMER}"),
                true
            ),
            (
                format!("fail2ban-client set {JAIL} addignoreip {CUSTOMER}"),
                true
            ),
        ],
        "{}",
        run.pretty()
    );
    assert_eq!(strings(&a["lifted"]), [CUSTOMER], "{}", run.pretty());
    assert!(strings(&a["still_blocked"]).is_empty(), "{}", run.pretty());

    // The customer is let in and whitelisted; the attacker and the sprayer stay banned.
    assert!(lab.wait_banned(CUSTOMER, false, Duration::from_secs(5)));
    match try_connect(CUSTOMER, 587, Duration::from_secs(3)) {
        Connect::Greeted(g) => assert!(g.starts_with("220 "), "{g}"),
        other => panic!("after --apply the customer must be greeted, got {other:?}"),
    }
    let ignored = lab.fail2ban(&["get", JAIL, "ignoreip"]).unwrap_or_default();
    assert!(ignored.contains(CUSTOMER), "{ignored}");
    let banned = lab.banned();
    assert!(banned.iter().any(|b| b == ATTACKER), "{banned:?}");
    assert!(banned.iter().any(|b| b == SPRAYER), "{banned:?}");
    assert!(matches!(
        try_connect(ATTACKER, 587, Duration::from_secs(2)),
        Connect::Refused
    ));
}
