//! The packet-filter source against real iptables, ip6tables, ipset and nft rules in a
//! scratch network namespace: `read` finds them in packet order, and the unblock and allow
//! commands it prints really lift them when run.
//!
//! `read` runs on a thread that `setns()`s into the namespace (that changes only the
//! calling thread, and the tools it starts inherit it). Nothing touches the root namespace.
//! Needs root and the tools; without them the test prints why and returns.
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::Read;
use std::net::IpAddr;
use std::os::fd::AsRawFd;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use smtp_doctor::server::context::{Ctx, Paths, Window};
use smtp_doctor::server::firewall::packet;
use smtp_doctor::server::model::{Block, SourceOutcome};

const NS: &str = "sdx-fw-test";
/// No command of the set-up takes more than a fraction of this.
const COMMAND_LIMIT: Duration = Duration::from_secs(15);

/// Runs one command to completion within [`COMMAND_LIMIT`]; killed (by its PID) when over.
fn run(args: &[&str]) -> Result<(), String> {
    let mut child = Command::new(args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", args.join(" ")))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut s) = child.stderr.take() {
                    let _ = s.read_to_string(&mut err);
                }
                return if status.success() {
                    Ok(())
                } else {
                    Err(format!("{}: {status}: {}", args.join(" "), err.trim()))
                };
            }
            Ok(None) if started.elapsed() > COMMAND_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{}: no exit within {COMMAND_LIMIT:?}",
                    args.join(" ")
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("{}: {e}", args.join(" "))),
        }
    }
}

fn ns(args: &[&str]) {
    let mut all = vec!["ip", "netns", "exec", NS];
    all.extend_from_slice(args);
    if let Err(e) = run(&all) {
        panic!("{e}");
    }
}

/// Runs a printed command (as `--apply` would: split into words, no shell) in the namespace.
fn ns_command(line: &str) {
    let words = shell_words::split(line).unwrap();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    ns(&refs);
}

/// The namespace; dropping it removes the namespace and every rule and set in it.
struct Scratch;

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = run(&["ip", "netns", "del", NS]);
    }
}

/// `None` (after saying why) when the test cannot run here.
fn scratch() -> Option<Scratch> {
    // SAFETY: geteuid() has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("SKIPPED: tests/firewall_packet_netns.rs needs root for a network namespace");
        return None;
    }
    for tool in ["ip", "iptables", "ip6tables", "ipset", "nft"] {
        if let Err(e) = Command::new(tool)
            .arg(if tool == "ip" { "-V" } else { "--version" })
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
        {
            eprintln!("SKIPPED: tests/firewall_packet_netns.rs needs {tool}: {e}");
            return None;
        }
    }
    let _ = run(&["ip", "netns", "del", NS]); // leftovers of a run that was killed
    if let Err(e) = run(&["ip", "netns", "add", NS]) {
        panic!("{e}");
    }
    Some(Scratch)
}

fn build() {
    ns(&["ipset", "create", "sdx-deny", "hash:net", "timeout", "3600"]);
    ns(&[
        "ipset",
        "add",
        "sdx-deny",
        "198.51.100.0/24",
        "timeout",
        "3000",
    ]);
    ns(&["ipset", "add", "sdx-deny", "198.51.100.7"]);
    ns(&["ipset", "create", "sdx-unused", "hash:ip"]);
    ns(&["ipset", "add", "sdx-unused", "198.51.100.7"]);

    ns(&[
        "iptables",
        "-t",
        "raw",
        "-A",
        "PREROUTING",
        "-s",
        "198.51.100.0/24",
        "-j",
        "DROP",
    ]);
    ns(&["iptables", "-N", "f2b-postfix-sasl"]);
    ns(&[
        "iptables",
        "-A",
        "f2b-postfix-sasl",
        "-s",
        "198.51.100.7",
        "-j",
        "REJECT",
        "--reject-with",
        "icmp-port-unreachable",
    ]);
    ns(&["iptables", "-A", "f2b-postfix-sasl", "-j", "RETURN"]);
    ns(&[
        "iptables",
        "-A",
        "INPUT",
        "-p",
        "tcp",
        "-m",
        "multiport",
        "--dports",
        "25,465,587",
        "-j",
        "f2b-postfix-sasl",
    ]);
    ns(&[
        "iptables",
        "-A",
        "INPUT",
        "-m",
        "set",
        "--match-set",
        "sdx-deny",
        "src",
        "-j",
        "DROP",
    ]);
    ns(&[
        "iptables",
        "-A",
        "INPUT",
        "-s",
        "198.51.100.7",
        "-p",
        "tcp",
        "--dport",
        "587",
        "-m",
        "comment",
        "--comment",
        "abuse ticket 42",
        "-j",
        "REJECT",
        "--reject-with",
        "tcp-reset",
    ]);
    ns(&[
        "iptables",
        "-A",
        "INPUT",
        "!",
        "-s",
        "203.0.113.0/24",
        "-p",
        "tcp",
        "--dport",
        "465",
        "-j",
        "DROP",
    ]);
    ns(&[
        "ip6tables",
        "-A",
        "INPUT",
        "-s",
        "2001:db8::/64",
        "-j",
        "REJECT",
    ]);

    ns(&["nft", "add", "table", "inet", "sdx"]);
    ns(&[
        "nft",
        "add",
        "set",
        "inet",
        "sdx",
        "blocklist",
        "{ type ipv4_addr; flags timeout; }",
    ]);
    ns(&[
        "nft",
        "add",
        "element",
        "inet",
        "sdx",
        "blocklist",
        "{ 198.51.100.7 timeout 1h }",
    ]);
    ns(&[
        "nft",
        "add",
        "set",
        "inet",
        "sdx",
        "nets",
        "{ type ipv4_addr; flags interval; }",
    ]);
    ns(&[
        "nft",
        "add",
        "element",
        "inet",
        "sdx",
        "nets",
        "{ 198.51.100.0/24 }",
    ]);
    ns(&[
        "nft",
        "add",
        "chain",
        "inet",
        "sdx",
        "input",
        "{ type filter hook input priority -10; }",
    ]);
    ns(&[
        "nft",
        "add",
        "rule",
        "inet",
        "sdx",
        "input",
        "ip saddr @blocklist drop",
    ]);
    ns(&[
        "nft",
        "add",
        "rule",
        "inet",
        "sdx",
        "input",
        "tcp dport { 25, 465, 587 } ip saddr @nets reject",
    ]);
    ns(&[
        "nft",
        "add",
        "rule",
        "inet",
        "sdx",
        "input",
        "ip saddr 198.51.100.7 tcp dport 587 reject with tcp reset",
    ]);
}

/// `packet::read` for `client` from inside the namespace.
fn read_in_ns(client: &str) -> SourceOutcome {
    let client: IpAddr = client.parse().unwrap();
    let path = format!("/run/netns/{NS}");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = File::open(&path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|file| {
                // SAFETY: `file` is an open namespace file for the duration of the call;
                // setns() only switches this thread's network namespace.
                let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
                if rc == 0 {
                    Ok(())
                } else {
                    Err(format!("setns {path}: {}", std::io::Error::last_os_error()))
                }
            })
            .map(|()| {
                packet::read(&Ctx {
                    client,
                    account: None,
                    window: Window { since: 0, until: 0 },
                    paths: Paths::default(),
                    command_timeout: Duration::from_secs(10),
                    now: 1_796_119_200,
                })
            });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(out)) => out,
        Ok(Err(e)) => panic!("{e}"),
        Err(e) => panic!("read in {NS}: {e}"),
    }
}

fn summary(b: &Block) -> String {
    let by = b
        .made_by
        .map(|m| format!(" by {}", m.as_str()))
        .unwrap_or_default();
    // nft handles depend on the kernel's numbering; the rest is fixed.
    let location = match b.location.split_once(" handle ") {
        Some((chain, _)) => format!("{chain} handle N"),
        None => b.location.clone(),
    };
    format!(
        "{location} | {:?} | {} | {:?}{by}",
        b.effect, b.matched, b.ports
    )
}

#[test]
fn real_rules_are_found_in_packet_order_and_lifted_by_the_printed_commands() {
    let Some(_scratch) = scratch() else { return };
    build();

    let out = read_in_ns("198.51.100.7");
    let got: Vec<String> = out.blocks.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            "raw/PREROUTING #1 | Drop | 198.51.100.0/24 | []",
            "inet sdx set blocklist | Drop | 198.51.100.7 | []",
            "inet sdx set nets | Reject | 198.51.100.0/24 | [25, 465, 587]",
            "inet sdx/input handle N | Reject | 198.51.100.7 | [587]",
            "filter/f2b-postfix-sasl #1 | Reject | 198.51.100.7 | [25, 465, 587] by fail2ban",
            // every member holding the client, most specific first
            "set sdx-deny | Drop | 198.51.100.7 | []",
            "set sdx-deny | Drop | 198.51.100.0/24 | []",
            "filter/INPUT #3 | Reject | 198.51.100.7 | [587]",
            "filter/INPUT #4 | Drop | ! 203.0.113.0/24 | [465]",
            "set sdx-unused | Other | 198.51.100.7 | []",
        ],
        "{:#?}",
        out.sources
    );
    let names: Vec<&str> = out.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["iptables", "nftables", "ipset"]);
    assert!(out.sources[0]
        .detail
        .contains("decides 25, 465, 587: drop at raw/PREROUTING #1"));
    // iptables-nft's tables were read once, through iptables-save.
    assert!(out.sources[1]
        .detail
        .contains("ip raw, ip filter read through iptables-save"));

    let allow_ipt = out.blocks[7].allow.clone();
    let allow_nft = out.blocks[1].allow.clone();
    // Run every unblock command that is not a tool's own (those need CSF/fail2ban).
    for b in out.blocks.iter().filter(|b| b.made_by.is_none()) {
        for c in &b.unblock {
            ns_command(c);
        }
    }
    let after = read_in_ns("198.51.100.7");
    let got: Vec<String> = after.blocks.iter().map(summary).collect();
    assert_eq!(
        got,
        ["filter/f2b-postfix-sasl #1 | Reject | 198.51.100.7 | [25, 465, 587] by fail2ban"]
    );

    // The allow commands go first in their base chains and end them for the client.
    for c in allow_ipt.iter().chain(&allow_nft) {
        ns_command(c);
    }
    let allowed = read_in_ns("198.51.100.7");
    let got: Vec<String> = allowed.blocks.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            "inet sdx/input handle N | Allow | 198.51.100.7 | [25, 465, 587]",
            "filter/INPUT #1 | Allow | 198.51.100.7 | [25, 465, 587]",
            "filter/f2b-postfix-sasl #1 | Reject | 198.51.100.7 | [25, 465, 587] by fail2ban",
        ]
    );
    assert!(
        !allowed.sources.iter().any(|s| s.detail.contains("decides")),
        "the accept shadows fail2ban's reject in the same chain: {:#?}",
        allowed.sources
    );

    let six = read_in_ns("2001:db8::7");
    let got: Vec<String> = six.blocks.iter().map(summary).collect();
    assert_eq!(got, ["filter/INPUT #1 | Reject | 2001:db8::/64 | []"]);
    assert_eq!(six.sources[0].name, "ip6tables");
}
