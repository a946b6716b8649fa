//! `smtp-doctor server` end to end in the server lab (tests/serverlab/serverlab.sh): the real
//! binary runs as root inside the mail server (namespace sdv-mail) against real iptables,
//! ip6tables, ipset and nftables rules, a real fail2ban that bans after real failed logins,
//! CSF's files and chains, a Postfix access map and real Postfix/Dovecot logs; the customers
//! are played from sdv-cli, each from the address of its case.
//!
//! Every case takes `serverlab::TURN` for its whole run (a static Mutex rather than one test
//! that walks all cases: a failing case still names itself, and the others still run). They
//! must not overlap: the fail2ban case bans and unbans 198.51.100.15 and changes the jail's
//! counters and the iptables chain every other case reads, the clean case asserts that
//! nothing at all is wrong, and on two cores the time-outs of parallel runs would blur. Every
//! case leaves the lab as it found it (the ban is lifted also when the case fails).
//!
//! `--from-report` is checked in the netlab (tests/netlab): a real `check --json` on the
//! PC behind the router, then `server --from-report` on its mail server.

mod common;

use std::time::Duration;

use common::serverlab::{
    self, failed_logins, good_session, implicit_tls_greeting, plain_text_on_465, serverlab,
    try_connect, Connect, ServerLab, ACCESS, CLEAN, CSF_DENY, CSF_TEMP, DROP4, DROP6, FAIL2BAN,
    IPSET, JAIL, NFT,
};
use common::{CheckRun, EMAIL, PASSWORD};
use serde_json::Value;

const CAUSE_BLOCKED: &str = "server.client_ip_blocked";

// --- reading the report ----------------------------------------------------------------------

fn arr<'a>(run: &'a CheckRun, key: &str) -> &'a [Value] {
    run.report()[key].as_array().map_or_else(
        || panic!("the report has no {key}[]:\n{}", run.pretty()),
        Vec::as_slice,
    )
}

/// The document is a `smtp-doctor/server-report/v1` (its JSON Schema is checked by
/// `server_reports_match_the_committed_schema`, so that a schema mismatch does not hide what
/// the other cases assert).
fn assert_schema(run: &CheckRun) {
    assert_eq!(
        run.report()["schema"],
        "smtp-doctor/server-report/v1",
        "{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
}

/// The first block from `source` (in packet order), with a panic that shows the report.
fn block<'a>(run: &'a CheckRun, source: &str) -> &'a Value {
    arr(run, "blocks")
        .iter()
        .find(|b| b["source"] == source)
        .unwrap_or_else(|| panic!("no block from {source}:\n{}", run.pretty()))
}

/// The first block from `source` made by `made_by`.
fn block_made_by<'a>(run: &'a CheckRun, source: &str, made_by: &str) -> &'a Value {
    arr(run, "blocks")
        .iter()
        .find(|b| b["source"] == source && b["made_by"] == made_by)
        .unwrap_or_else(|| panic!("no {source} block made by {made_by}:\n{}", run.pretty()))
}

fn unblock(b: &Value) -> Vec<&str> {
    b["unblock"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn source_status<'a>(run: &'a CheckRun, name: &str) -> &'a str {
    arr(run, "sources")
        .iter()
        .find(|s| s["name"] == name)
        .and_then(|s| s["status"].as_str())
        .unwrap_or_else(|| panic!("no source {name}:\n{}", run.pretty()))
}

/// `server.client_ip_blocked`, confirmed, with block `id` among its evidence; the verdict
/// is `problem` and the exit status 1.
fn assert_blocked_by(run: &CheckRun, id: &str) {
    let cause = arr(run, "causes")
        .iter()
        .find(|c| c["code"] == CAUSE_BLOCKED)
        .unwrap_or_else(|| panic!("no {CAUSE_BLOCKED}:\n{}", run.pretty()));
    assert_eq!(cause["confidence"], "confirmed", "{}", run.pretty());
    let evidence: Vec<&str> = cause["evidence"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        evidence.contains(&id),
        "{id} not in the evidence {evidence:?}\n{}",
        run.pretty()
    );
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(run.code, 1, "exit status\n{}", run.pretty());
}

fn id(b: &Value) -> &str {
    b["id"].as_str().unwrap_or_default()
}

/// The log entries of event `event` read from `file`.
fn log_events<'a>(run: &'a CheckRun, event: &str, file: &std::path::Path) -> Vec<&'a Value> {
    let file = file.to_string_lossy();
    arr(run, "log")
        .iter()
        .filter(|e| e["event"] == event && e["file"].as_str() == Some(&file))
        .collect()
}

/// Runs the unblock command `command` in sdv-mail with its verb `verb` swapped for `check`
/// (iptables -D -> -C, nft delete -> get, ipset del -> test): the same words then only
/// confirm that exactly that rule or element is there, and change nothing.
fn names_what_is_there(lab: &ServerLab, command: &str, verb: &str, check: &str) {
    let _ = lab;
    names_what_is_there_in(serverlab::MAIL_NS, command, verb, check);
}

/// The same in namespace `ns`.
fn names_what_is_there_in(ns: &str, command: &str, verb: &str, check: &str) {
    let mut argv = shell_words::split(command).unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let i = argv
        .iter()
        .position(|w| w == verb)
        .unwrap_or_else(|| panic!("no {verb} in {command:?}"));
    argv[i] = check.to_string();
    let words: Vec<&str> = argv.iter().map(String::as_str).collect();
    let (ok, out) = serverlab::run_in(ns, &words);
    assert!(
        ok,
        "{words:?} in {ns} failed (the unblock command names nothing there): {out}"
    );
}

fn server(lab: &ServerLab, client: &str) -> CheckRun {
    let run = lab.run_server(&lab.server_args(client));
    assert_schema(&run);
    assert_eq!(run.report()["client_ip"], client, "{}", run.pretty());
    run
}

fn silent(client: &str, port: u16) {
    match try_connect(client, port, Duration::from_secs(1)) {
        Connect::Silence => {}
        other => panic!("{client} -> :{port}: want silence (a DROP), got {other:?}"),
    }
}

// --- fail2ban --------------------------------------------------------------------------------

/// Lifts the case's ban when the case ends, also when it fails half-way.
struct Unban<'a>(&'a ServerLab, &'a str);

impl Drop for Unban<'_> {
    fn drop(&mut self) {
        self.0.unban(self.1);
    }
}

#[test]
fn fail2ban_bans_after_failed_logins_and_apply_lifts_it() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let _unban = Unban(&lab, FAIL2BAN);
    lab.unban(FAIL2BAN);
    assert!(matches!(
        try_connect(FAIL2BAN, 587, Duration::from_secs(3)),
        Connect::Greeted(_)
    ));

    // Real failed logins until the jail bans the address (maxretry 3).
    failed_logins(FAIL2BAN, EMAIL, 3, &lab.ca_file);
    assert!(
        lab.wait_banned(FAIL2BAN, true, Duration::from_secs(20)),
        "fail2ban did not ban {FAIL2BAN} within 20 s of 3 failed logins; banned: {:?}",
        lab.banned()
    );
    // fail2ban lists the ban before its action has added the rule: wait (bounded) for the
    // kernel to refuse the customer, which is what the customer sees.
    let start = std::time::Instant::now();
    loop {
        match try_connect(FAIL2BAN, 587, Duration::from_secs(3)) {
            Connect::Refused => break,
            other if start.elapsed() > Duration::from_secs(10) => {
                panic!("a banned customer must be refused (fail2ban's REJECT), got {other:?}")
            }
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }

    // Read-only first, with the lab's socket and database named on the command line.
    let run = server(&lab, FAIL2BAN);
    let ban = block(&run, "fail2ban");
    assert!(
        ban["where"].as_str().unwrap_or_default().contains(JAIL),
        "{ban}"
    );
    // fail2ban's entry is one address; the tool writes it as a /32 network.
    assert!(
        ban["matched"] == FAIL2BAN || ban["matched"] == format!("{FAIL2BAN}/32"),
        "{ban}"
    );
    assert_eq!(ban["effect"], "deny", "{ban}");
    let sock = lab.f2b_socket.to_string_lossy().into_owned();
    assert_eq!(
        unblock(ban),
        [format!(
            "fail2ban-client -s {sock} set {JAIL} unbanip {FAIL2BAN}"
        )],
        "{ban}"
    );
    assert!(
        ban["since"].is_string(),
        "fail2ban's database knows when: {ban}"
    );
    assert!(ban["until"].is_string(), "a bantime of 1h ends: {ban}");
    // The kernel rule that enforces it, attributed to fail2ban.
    let rule = block_made_by(&run, "iptables", "fail2ban");
    assert!(
        rule["where"]
            .as_str()
            .unwrap_or_default()
            .contains("f2b-postfix-sasl"),
        "{rule}"
    );
    assert_eq!(rule["effect"], "reject", "{rule}");
    assert_eq!(
        rule["rule"],
        format!(
            "-A f2b-postfix-sasl -s {FAIL2BAN}/32 -j REJECT --reject-with icmp-port-unreachable"
        ),
        "{rule}"
    );
    // fail2ban's own rule is lifted through fail2ban, never with iptables -D behind its back.
    assert_eq!(unblock(rule), unblock(ban), "{rule}");
    assert_blocked_by(&run, id(ban));
    // Its failed logins, from Postfix's log and Dovecot's, with the account.
    let failed = log_events(&run, "auth_failed", &lab.mail_log);
    assert!(
        failed.len() >= 3,
        "want 3 failed logins in mail.log:\n{}",
        run.pretty()
    );
    for e in &failed {
        assert_eq!(e["account"], EMAIL, "{e}");
        assert_eq!(e["program"], "postfix/submission/smtpd", "{e}");
        assert!(
            e["line"].as_str().unwrap_or_default().contains(FAIL2BAN),
            "{e}"
        );
    }
    assert!(
        !log_events(&run, "auth_failed", &lab.dovecot_log).is_empty(),
        "Dovecot's password mismatches:\n{}",
        run.pretty()
    );
    assert_eq!(source_status(&run, "fail2ban"), "read", "{}", run.pretty());

    // As on a real host: no socket given, fail2ban-client's own configuration (in sdv-mail
    // the lab's) finds the server; --apply --yes runs the plain command.
    let mut args = vec!["server".to_string(), "--client-ip".into(), FAIL2BAN.into()];
    args.extend(lab.path_args(false));
    args.extend(["--apply".into(), "--yes".into()]);
    let applied = lab.run_server(&args);
    assert_schema(&applied);
    // The apply extension too is what the committed schema describes.
    common::schema::assert_valid_server_report(applied.report());
    let plain = format!("fail2ban-client set {JAIL} unbanip {FAIL2BAN}");
    let apply = &applied.report()["apply"];
    // What was found before the commands ran, with the plain command.
    let ban = apply["before"]
        .as_array()
        .and_then(|a| a.iter().find(|b| b["source"] == "fail2ban"))
        .unwrap_or_else(|| panic!("no fail2ban block in apply.before:\n{}", applied.pretty()));
    assert_eq!(unblock(ban), [plain.as_str()], "{}", applied.pretty());
    // Run once (the iptables rule of the ban has the same command), it answered, and the
    // tool read everything again: the block is gone.
    let commands = apply["commands"].as_array().cloned().unwrap_or_default();
    assert_eq!(commands.len(), 1, "{}", applied.pretty());
    assert_eq!(commands[0]["command"], plain, "{}", applied.pretty());
    assert_eq!(commands[0]["ok"], true, "{}", applied.pretty());
    assert_eq!(apply["block_gone"], true, "{}", applied.pretty());
    assert!(
        !arr(&applied, "blocks")
            .iter()
            .any(|b| b["source"] == "fail2ban"),
        "{}",
        applied.pretty()
    );
    // (The failed logins stay in the log, so other causes may remain; the block may not.)
    assert!(
        !arr(&applied, "causes")
            .iter()
            .any(|c| c["code"] == CAUSE_BLOCKED),
        "{}",
        applied.pretty()
    );
    assert!(
        lab.wait_banned(FAIL2BAN, false, Duration::from_secs(5)),
        "--apply --yes did not lift the ban:\n{}\n--- stderr\n{}",
        applied.pretty(),
        applied.stderr
    );
    match try_connect(FAIL2BAN, 587, Duration::from_secs(3)) {
        Connect::Greeted(g) => assert!(g.starts_with("220 "), "{g}"),
        other => panic!("after --apply the customer must be greeted again, got {other:?}"),
    }
}

// --- rules and lists that drop the customer --------------------------------------------------

#[test]
fn iptables_drop_of_one_address() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(DROP4, 587);
    let run = server(&lab, DROP4);
    let b = block(&run, "iptables");
    assert_eq!(b["effect"], "drop", "{b}");
    assert_eq!(b["matched"], DROP4, "{b}");
    assert_eq!(b["rule"], format!("-A INPUT -s {DROP4}/32 -j DROP"), "{b}");
    assert!(
        b["where"]
            .as_str()
            .unwrap_or_default()
            .starts_with("filter/INPUT"),
        "{b}"
    );
    assert!(b["made_by"].is_null(), "a hand-made rule: {b}");
    let want = format!("iptables -t filter -D INPUT -s {DROP4}/32 -j DROP");
    assert_eq!(unblock(b), [want.as_str()], "{b}");
    names_what_is_there(&lab, &want, "-D", "-C");
    assert_blocked_by(&run, id(b));
}

#[test]
fn ip6tables_drop_of_an_ipv6_address() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(DROP6, 587);
    let run = server(&lab, DROP6);
    let b = block(&run, "iptables");
    assert_eq!(b["effect"], "drop", "{b}");
    assert_eq!(b["matched"], DROP6, "{b}");
    assert_eq!(b["rule"], format!("-A INPUT -s {DROP6}/128 -j DROP"), "{b}");
    assert!(
        b["where"]
            .as_str()
            .unwrap_or_default()
            .starts_with("filter/INPUT"),
        "{b}"
    );
    let want = format!("ip6tables -t filter -D INPUT -s {DROP6}/128 -j DROP");
    assert_eq!(unblock(b), [want.as_str()], "{b}");
    names_what_is_there(&lab, &want, "-D", "-C");
    assert_blocked_by(&run, id(b));
}

#[test]
fn nftables_set_entry_with_a_timeout() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(NFT, 587);
    let run = server(&lab, NFT);
    let b = block(&run, "nftables");
    assert_eq!(b["effect"], "drop", "{b}");
    assert_eq!(b["matched"], NFT, "{b}");
    assert_eq!(b["where"], "inet blocklist set banned4", "{b}");
    assert_eq!(
        b["reason"], "password guessing on 587",
        "the element's comment: {b}"
    );
    assert!(
        b["until"].is_string(),
        "the element's timeout gives an end: {b}"
    );
    let want = format!("nft delete element inet blocklist banned4 '{{ {NFT} }}'");
    assert_eq!(unblock(b), [want.as_str()], "{b}");
    names_what_is_there(&lab, &want, "delete", "get");
    assert_blocked_by(&run, id(b));
}

#[test]
fn ipset_entry_matched_by_an_iptables_rule() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(IPSET, 25);
    let run = server(&lab, IPSET);
    let b = block(&run, "ipset");
    assert_eq!(b["where"], "set blacklist", "{b}");
    assert_eq!(b["matched"], IPSET, "{b}");
    let want = format!("ipset del blacklist {IPSET}");
    assert_eq!(unblock(b), [want.as_str()], "{b}");
    names_what_is_there(&lab, &want, "del", "test");
    assert_blocked_by(&run, id(b));
}

#[test]
fn csf_deny_written_by_lfd() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(CSF_DENY, 587);
    let run = server(&lab, CSF_DENY);
    let b = block(&run, "csf");
    let deny = lab.csf_dir.join("csf.deny");
    assert_eq!(b["where"], format!("{}:5", deny.display()), "{b}");
    assert_eq!(b["effect"], "deny", "{b}");
    assert_eq!(
        b["reason"],
        format!(
            "lfd: (smtpauth) Failed SMTP AUTH login from {CSF_DENY} (-): 5 in the last 3600 secs"
        ),
        "lfd's reason: {b}"
    );
    assert!(b["since"].is_string(), "lfd's date: {b}");
    assert!(b["until"].is_null(), "csf.deny is permanent: {b}");
    assert_eq!(unblock(b), [format!("csf -dr {CSF_DENY}")], "{b}");
    // Line 5 is that entry.
    let text = std::fs::read_to_string(&deny).unwrap();
    assert!(
        text.lines()
            .nth(4)
            .unwrap_or_default()
            .starts_with(&format!("{CSF_DENY} # lfd:")),
        "{}",
        deny.display()
    );
    // The chain rule that enforces it, attributed to CSF and lifted through csf.
    let rule = block_made_by(&run, "iptables", "csf");
    assert_eq!(
        rule["rule"],
        format!("-A DENYIN -s {CSF_DENY}/32 ! -i lo -j DROP"),
        "{rule}"
    );
    assert!(
        unblock(rule).contains(&format!("csf -dr {CSF_DENY}").as_str()),
        "{rule}"
    );
    assert_blocked_by(&run, id(b));
}

#[test]
fn csf_temporary_ban() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    silent(CSF_TEMP, 465);
    let run = server(&lab, CSF_TEMP);
    let b = block(&run, "csf");
    assert_eq!(
        b["where"],
        format!("{}:1", lab.csf_state.join("csf.tempban").display()),
        "{b}"
    );
    assert_eq!(b["effect"], "deny", "{b}");
    assert_eq!(
        b["reason"], "Spam run from a hacked PC, abuse ticket 4711",
        "{b}"
    );
    // csf.tempban's time and timeout (86400 s): since and until one day apart.
    let since = b["since"].as_str().unwrap_or_default();
    let until = b["until"].as_str().unwrap_or_default();
    assert!(
        !since.is_empty() && !until.is_empty(),
        "a temporary ban ends: {b}"
    );
    assert_eq!(since.get(11..), until.get(11..), "same time of day: {b}");
    assert_ne!(since.get(..10), until.get(..10), "another day: {b}");
    assert_eq!(unblock(b), [format!("csf -tr {CSF_TEMP}")], "{b}");
    let rule = block_made_by(&run, "iptables", "csf");
    assert_eq!(
        rule["rule"],
        format!("-A DENYIN -s {CSF_TEMP}/32 ! -i lo -j DROP"),
        "{rule}"
    );
    assert!(
        unblock(rule).contains(&format!("csf -tr {CSF_TEMP}").as_str()),
        "{rule}"
    );
    assert_blocked_by(&run, id(b));
}

#[test]
fn postfix_access_map_refuses_the_customer() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    // The customer connects and is refused by the MTA (at RCPT: Postfix delays the reject).
    let (_, refused) = good_session_refused(ACCESS, &lab);
    assert_eq!(refused.code, 554, "{refused:?}");
    assert!(
        refused.text.contains("Customer suspended: see billing"),
        "{refused:?}"
    );
    let run = server(&lab, ACCESS);
    let b = block(&run, "mta_access");
    assert_eq!(b["effect"], "refuse_session", "{b}");
    let cidr = lab.postfix_dir.join("client_access.cidr");
    let cidr_s = cidr.to_string_lossy().into_owned();
    let postfix = lab.postfix_dir.to_string_lossy().into_owned();
    let entry = format!("{ACCESS}/32\t554 5.7.1 Customer suspended: see billing");
    assert_eq!(b["where"], format!("{cidr_s}:3"), "{b}");
    assert_eq!(b["rule"], entry, "{b}");
    assert_eq!(
        unblock(b),
        [
            format!("sed -i 3d {cidr_s}"),
            format!("postfix -c {postfix} reload")
        ],
        "{b}"
    );
    // Line 3 is exactly that entry: `sed -i 3d` removes it and nothing else.
    let text = std::fs::read_to_string(&cidr).unwrap();
    assert_eq!(text.lines().nth(2), Some(entry.as_str()), "{cidr_s}");
    assert_blocked_by(&run, id(b));
    // The refusal in the log.
    let rejected = log_events(&run, "rejected", &lab.mail_log);
    assert!(
        rejected.iter().any(|e| e["line"]
            .as_str()
            .unwrap_or_default()
            .contains("Customer suspended")),
        "{}",
        run.pretty()
    );
}

/// MAIL FROM and RCPT TO from `client` without AUTH on 25: the access map answers at RCPT.
fn good_session_refused(client: &str, lab: &ServerLab) -> (serverlab::Reply, serverlab::Reply) {
    let dst = serverlab::server_for(client, 25);
    let _ = lab;
    serverlab::in_netns(serverlab::CUSTOMERS_NS, || async move {
        let (outcome, smtp) = serverlab::Smtp::connect(client, dst, Duration::from_secs(5)).await;
        let mut s = smtp.unwrap_or_else(|| panic!("{client} cannot reach {dst}: {outcome:?}"));
        s.ehlo().await.expect("EHLO");
        let mail = s
            .cmd(&format!("MAIL FROM:<{EMAIL}>"))
            .await
            .expect("MAIL FROM");
        let rcpt = s
            .cmd("RCPT TO:<bob@elsewhere.test>")
            .await
            .expect("RCPT TO");
        let _ = s.cmd("QUIT").await;
        (mail, rcpt)
    })
}

// --- the document ------------------------------------------------------------------------------

#[test]
fn server_reports_match_the_committed_schema() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    // A block with a reason and an end, one with a rule, and nothing at all.
    for client in [NFT, CSF_DENY, CLEAN] {
        let run = server(&lab, client);
        common::schema::assert_valid_server_report(run.report());
    }
}

// --- the clean customer ----------------------------------------------------------------------

#[test]
fn clean_address_is_ok_and_its_sessions_are_in_the_log() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let (elsewhere, unknown) = good_session(CLEAN, EMAIL, PASSWORD, &lab.ca_file);
    assert_eq!(elsewhere.code, 250, "{elsewhere:?}");
    assert_eq!(unknown.code, 550, "{unknown:?}");
    assert!(unknown.text.contains("User unknown"), "{unknown:?}");
    assert_eq!(implicit_tls_greeting(CLEAN, &lab.ca_file), 220);
    let _ = plain_text_on_465(CLEAN);

    let run = server(&lab, CLEAN);
    assert_eq!(
        run.report()["verdict"],
        "ok",
        "{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.pretty());
    assert!(
        !arr(&run, "blocks")
            .iter()
            .any(|b| ["drop", "reject", "deny", "refuse_session"]
                .contains(&b["effect"].as_str().unwrap_or_default())),
        "nothing blocks the clean address:\n{}",
        run.pretty()
    );
    assert!(
        !arr(&run, "causes")
            .iter()
            .any(|c| c["code"] == CAUSE_BLOCKED),
        "{}",
        run.pretty()
    );
    // Its sessions, read from Postfix's log with the right events.
    let ok = log_events(&run, "auth_ok", &lab.mail_log);
    assert!(
        ok.iter()
            .any(|e| e["account"] == EMAIL && e["program"] == "postfix/submission/smtpd"),
        "a good login of {EMAIL}:\n{}",
        run.pretty()
    );
    let rejected = log_events(&run, "rejected", &lab.mail_log);
    assert!(
        rejected.iter().any(|e| e["line"]
            .as_str()
            .unwrap_or_default()
            .contains("User unknown")),
        "the unknown recipient:\n{}",
        run.pretty()
    );
    assert!(
        !log_events(&run, "tls_failed", &lab.mail_log).is_empty(),
        "the TLS failure on 465:\n{}",
        run.pretty()
    );
    assert!(
        !log_events(&run, "connect", &lab.mail_log).is_empty(),
        "{}",
        run.pretty()
    );
    for source in ["iptables", "fail2ban", "csf"] {
        assert_eq!(source_status(&run, source), "read", "{}", run.pretty());
    }
}

// --- sources that cannot be read -------------------------------------------------------------

#[test]
fn unprivileged_run_reports_denied_sources_and_still_finds_the_access_map() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let run = lab.run_server_as(
        &[
            "setpriv",
            "--reuid",
            "nobody",
            "--regid",
            "nogroup",
            "--clear-groups",
        ],
        &lab.server_args(ACCESS),
        &[],
    );
    assert_schema(&run);
    let mail_log = lab.mail_log.to_string_lossy().into_owned();
    let dovecot_log = lab.dovecot_log.to_string_lossy().into_owned();
    // root:adm 0640 logs, root-only firewall and fail2ban: denied, not fatal.
    assert_eq!(source_status(&run, &mail_log), "denied", "{}", run.pretty());
    assert_eq!(
        source_status(&run, &dovecot_log),
        "denied",
        "{}",
        run.pretty()
    );
    assert_eq!(
        source_status(&run, "iptables"),
        "denied",
        "{}",
        run.pretty()
    );
    assert_eq!(
        source_status(&run, "fail2ban"),
        "denied",
        "{}",
        run.pretty()
    );
    // CSF reads what it can and names each file it could not (`csf:PATH`).
    let csf_deny = format!("csf:{}", lab.csf_dir.join("csf.deny").display());
    assert_eq!(source_status(&run, &csf_deny), "denied", "{}", run.pretty());
    // Postfix's configuration is world-readable: the access map is still found.
    let b = block(&run, "mta_access");
    assert_blocked_by(&run, id(b));
}

/// A folder with every program of the usual PATH except fail2ban's.
fn path_without_fail2ban() -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("sdv-path-without-fail2ban-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for bin in [
        "/usr/local/sbin",
        "/usr/local/bin",
        "/usr/sbin",
        "/usr/bin",
        "/sbin",
        "/bin",
    ] {
        let Ok(entries) = std::fs::read_dir(bin) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with("fail2ban") || dir.join(&name).exists() {
                continue;
            }
            let _ = std::os::unix::fs::symlink(e.path(), dir.join(&name));
        }
    }
    dir
}

#[test]
fn missing_fail2ban_is_reported_and_csf_still_found() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(lab) = serverlab() else { return };
    let path = path_without_fail2ban();
    let mut args = vec!["server".to_string(), "--client-ip".into(), CSF_DENY.into()];
    args.extend(lab.path_args(false));
    args.extend([
        "--fail2ban-socket".into(),
        lab.dir
            .join("no-such-fail2ban.sock")
            .to_string_lossy()
            .into_owned(),
    ]);
    let path_env = path.to_string_lossy().into_owned();
    let run = lab.run_server_as(&[], &args, &[("PATH", &path_env)]);
    let _ = std::fs::remove_dir_all(&path);
    assert_schema(&run);
    assert_eq!(
        source_status(&run, "fail2ban"),
        "absent",
        "{}",
        run.pretty()
    );
    let b = block(&run, "csf");
    assert_eq!(unblock(b), [format!("csf -dr {CSF_DENY}")], "{b}");
    block_made_by(&run, "iptables", "csf");
    assert_blocked_by(&run, id(b));

    // fail2ban-client there, its server not: an error, and still not fatal.
    let run = lab.run_server(&args);
    assert_schema(&run);
    assert_eq!(source_status(&run, "fail2ban"), "error", "{}", run.pretty());
    let detail = arr(&run, "sources")
        .iter()
        .find(|s| s["name"] == "fail2ban")
        .and_then(|s| s["detail"].as_str())
        .unwrap_or_default();
    assert!(
        detail.contains("no-such-fail2ban.sock"),
        "names the socket: {detail}"
    );
    assert_blocked_by(&run, id(block(&run, "csf")));
}

// --- --from-report in the netlab --------------------------------------------------------------

#[test]
fn from_report_of_the_netlab_pc_finds_the_servers_drop_rule() {
    let _turn = serverlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let _netlab_turn = common::netlab::TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let netlab = common::netlab::netlab_dir();
    if std::env::var_os("SMTP_DOCTOR_NETLAB").is_none() || !netlab.join("ready").is_file() {
        eprintln!(
            "SKIPPED: the netlab is not ready (SMTP_DOCTOR_NETLAB unset or no {}); run `sudo bash tests/run.sh`",
            netlab.join("ready").display()
        );
        return;
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("SKIPPED: the netlab's cases enter network namespaces and need root");
        return;
    }
    let _scenario = common::netlab::Scenario::set("server-drop-client", 0);
    let ca = netlab.join("pki/ca.pem").to_string_lossy().into_owned();
    let check = common::run_tool_in(
        Some("sdl-pc"),
        &[
            "check",
            "--json",
            "--email",
            EMAIL,
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--reference",
            common::netlab::REFERENCE,
            "--public-ip-dns",
            common::netlab::WHOAMI_DNS,
            "--timeout",
            "3",
            "--ca-file",
            &ca,
            "--password-env",
            common::PASSWORD_ENV,
        ],
        Some(PASSWORD),
        &[],
    );
    assert_eq!(
        check.report()["public_ip"],
        common::netlab::PUBLIC_IP,
        "{}",
        check.pretty()
    );
    let generated = check.report()["generated_at"]
        .as_str()
        .unwrap_or_else(|| panic!("no generated_at:\n{}", check.pretty()))
        .to_string();
    let report =
        std::env::temp_dir().join(format!("sdv-customer-report-{}.json", std::process::id()));
    std::fs::write(&report, &check.stdout).unwrap();

    let report_arg = report.to_string_lossy().into_owned();
    let mail_log = netlab
        .join("postfix-mail.log")
        .to_string_lossy()
        .into_owned();
    let dovecot_log = netlab
        .join("dovecot/dovecot.log")
        .to_string_lossy()
        .into_owned();
    let postfix = netlab.join("postfix-mail").to_string_lossy().into_owned();
    let none = netlab.join("no-csf").to_string_lossy().into_owned();
    let run = common::run_tool_in(
        Some("sdl-mail"),
        &[
            "server",
            "--from-report",
            &report_arg,
            "--json",
            "--log",
            &mail_log,
            "--log",
            &dovecot_log,
            "--postfix-config",
            &postfix,
            "--csf-dir",
            &none,
            "--csf-state-dir",
            &none,
        ],
        None,
        &[],
    );
    let _ = std::fs::remove_file(&report);
    assert_schema(&run);
    let r = run.report();
    assert_eq!(
        r["client_ip"],
        common::netlab::PUBLIC_IP,
        "{}",
        run.pretty()
    );
    assert_eq!(r["account"], EMAIL, "{}", run.pretty());
    // RFC 3339 in UTC: to the second, the text orders as the time does.
    let second = |t: &str| -> String {
        assert!(
            t.ends_with('Z') && t.len() >= 20,
            "not an RFC 3339 UTC time: {t:?}"
        );
        t[..19].to_string()
    };
    let since = second(r["window"]["since"].as_str().unwrap_or_default());
    let until = second(r["window"]["until"].as_str().unwrap_or_default());
    let tested = second(&generated);
    assert!(
        since < tested && tested <= until,
        "window {since}..{until} must hold the report's time {tested}\n{}",
        run.pretty()
    );
    let b = block(&run, "iptables");
    assert!(
        b["where"]
            .as_str()
            .unwrap_or_default()
            .contains("SDL-SCENARIO"),
        "{b}"
    );
    assert_eq!(b["effect"], "drop", "{b}");
    let want = format!(
        "iptables -t filter -D SDL-SCENARIO -s {}/32 -j DROP",
        common::netlab::PUBLIC_IP
    );
    assert_eq!(unblock(b), [want.as_str()], "{b}");
    names_what_is_there_in("sdl-mail", &want, "-D", "-C");
    assert_blocked_by(&run, id(b));
}
