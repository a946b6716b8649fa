//! `read_with` over the captured fixtures (tests/fixtures/server/firewall/make.sh): every
//! tool together, as on a real host, plus tools that fail.

use super::*;
use crate::server::model::{Block, BlockSource};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/server/firewall/"
);

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}{name}")).unwrap()
}

/// Runs nothing: answers with the captured output of each tool.
// Stands in for the command runner `read_with` takes, whose signature returns `Result`.
#[allow(clippy::unnecessary_wraps)]
fn captured(program: &str, args: &[&str]) -> Result<String, ExecError> {
    let file = match (program, args) {
        ("ipset", ["list"]) => "ipset-list.txt",
        ("iptables-save", []) => "iptables-save.txt",
        ("ip6tables-save", []) => "ip6tables-save.txt",
        ("iptables-legacy-save", []) => "iptables-legacy-save.txt",
        // The capture had no IPv6 legacy rules: the tool printed nothing.
        ("ip6tables-legacy-save", []) => return Ok(String::new()),
        ("nft", ["-j", "list", "ruleset"]) => "nft.json",
        ("nft", ["-a", "list", "ruleset"]) => "nft.txt",
        _ => panic!("unexpected command {program} {args:?}"),
    };
    Ok(fixture(file))
}

const NOW: i64 = 1_796_119_200; // 2026-12-01T10:00:00Z

fn v4() -> IpAddr {
    "198.51.100.7".parse().unwrap()
}

fn v6() -> IpAddr {
    "2001:db8::7".parse().unwrap()
}

/// One line per block: where, what it does, what matched, ports, who made it.
fn summary(b: &Block) -> String {
    let by = b
        .made_by
        .map(|m| format!(" by {}", m.as_str()))
        .unwrap_or_default();
    format!(
        "{} | {:?} | {} | {:?}{by}",
        b.location, b.effect, b.matched, b.ports
    )
}

fn find<'a>(blocks: &'a [Block], location: &str) -> &'a Block {
    blocks
        .iter()
        .find(|b| b.location == location)
        .unwrap_or_else(|| panic!("no block at {location}"))
}

#[test]
fn ipv4_client_every_tool_in_packet_order() {
    let out = read_with(v4(), NOW, &captured);
    let got: Vec<String> = out.blocks.iter().map(summary).collect();
    let want = [
        // ingress (netdev, -500) comes before every prerouting chain
        "netdev sdx-ingress/ingress handle 2 | Drop | 198.51.100.7 | []",
        // prerouting: nft at raw priority, then iptables' mangle table
        "inet sdx/pre handle 9 | Other | 198.51.100.7 | []",
        "mangle/PREROUTING #1 | Other | 198.51.100.0/24 | []",
        // input: nft chain at -10
        "inet sdx set blocklist | Drop | 198.51.100.7 | []",
        "inet sdx set nets | Reject | 198.51.100.0/24 | [25, 465, 587]",
        "inet sdx/input handle 15 | Reject | 198.51.100.7 | [587]",
        "inet sdx/input handle 17 | Other | 198.51.100.7 | []",
        "inet sdx/input handle 18 | Drop | != 203.0.113.0/24 | [25]",
        "inet sdx/input handle 20 | Allow | 198.51.100.0-198.51.100.20 | []",
        "inet sdx/input handle 22 | Drop | 198.51.100.7 | []",
        // jump sub, then goto last, whose unconditional drop is the goto's effect
        "inet sdx/sub handle 28 | Drop | 198.51.100.0/25 | []",
        "inet sdx/last handle 29 | Other | 198.51.100.0/26 | []",
        // fail2ban's nftables table at -1
        "inet f2b-table set addr-set-postfix-sasl | Reject | 198.51.100.7 | [25, 465, 587] by fail2ban",
        // filter at 0: the legacy backend first, then iptables-nft
        "filter/INPUT #1 (legacy) | Drop | 198.51.100.7 | [25]",
        // INPUT -> LOCALINPUT -> DENYIN: jumps to LOGDROPIN, which logs and drops
        "filter/DENYIN #1 | Drop | 198.51.100.7 | [] by csf",
        "set chain_DENY | Drop | 198.51.100.0/28 | [] by csf",
        // the fail2ban chain is only jumped to for the mail ports
        "filter/f2b-postfix-sasl #1 | Reject | 198.51.100.7 | [25, 465, 587] by fail2ban",
        "set sdx-deny | Drop | 198.51.100.0/24 | []",
        "filter/INPUT #7 | Reject | 198.51.100.7 | [587]",
        "filter/INPUT #8 | Drop | 198.51.100.0/24 | []",
        "filter/INPUT #9 | Drop | ! 203.0.113.0/24 | [465]",
        "filter/INPUT #14 | Other | 198.51.100.1-198.51.100.10 | []",
        // set members no rule on the path meets
        "set f2b-sshd | Other | 198.51.100.7 | [22] by fail2ban",
        "set sdx-unused | Other | 198.51.100.7 | []",
        "set sdx-ports | Other | 198.51.100.7 | [25]",
        "inet sdx set unused | Other | 198.51.100.7 | []",
    ];
    assert_eq!(got, want);
    let orders: Vec<u32> = out.blocks.iter().map(|b| b.order).collect();
    let count = u32::try_from(want.len()).unwrap();
    assert_eq!(orders, (0..count).collect::<Vec<_>>());
}

#[test]
fn neighbours_and_other_packets_are_not_listed() {
    let out = read_with(v4(), NOW, &captured);
    let rules: Vec<&str> = out.blocks.iter().map(|b| b.rule.as_str()).collect();
    for absent in [
        "198.51.100.8",         // a neighbour's /32
        "203.0.113.9",          // raw table, another address
        "udp",                  // not a TCP connection
        "--dport 22",           // not a mail port
        "ct state established", // not a new connection
        "! -s 198.51.100.0/24", // negated, and the client is inside
        "!= 198.51.100.0/24",   // the same in nft
        "203.0.113.7",          // legacy neighbour
    ] {
        assert!(
            !rules.iter().any(|r| r.contains(absent)),
            "{absent} listed: {rules:#?}"
        );
    }
    assert!(!out.blocks.iter().any(|b| b.location == "set sdx-carved"));
}

#[test]
fn iptables_nft_tables_are_counted_once() {
    let out = read_with(v4(), NOW, &captured);
    assert!(
        !out.blocks
            .iter()
            .any(|b| b.source == BlockSource::Nftables && b.location.starts_with("ip ")),
        "an iptables-nft table was read twice"
    );
    let same: Vec<_> = out
        .blocks
        .iter()
        .filter(|b| b.rule == "-A INPUT -s 198.51.100.0/24 -j DROP")
        .collect();
    assert_eq!(same.len(), 1);
    let nft = out.sources.iter().find(|s| s.name == "nftables").unwrap();
    assert!(nft
        .detail
        .contains("(ip raw, ip mangle, ip filter read through iptables-save)"));
}

#[test]
fn without_iptables_save_nft_shows_its_tables() {
    let run = |program: &str, args: &[&str]| match program {
        "iptables-save" => Err(ExecError::Failed {
            program: program.into(),
            status: 1,
            stderr: "boom".into(),
        }),
        _ => captured(program, args),
    };
    let out = read_with(v4(), NOW, &run);
    let b = find(&out.blocks, "ip filter/INPUT handle 14");
    assert_eq!(
        (b.effect, b.matched.as_str()),
        (Effect::Drop, "198.51.100.0/24")
    );
    assert_eq!(
        b.rule,
        "ip saddr 198.51.100.0/24 counter packets 0 bytes 0 drop"
    );
    assert_eq!(b.unblock, ["nft delete rule ip filter INPUT handle 14"]);
}

#[test]
fn sources_say_what_each_tool_gave() {
    let out = read_with(v4(), NOW, &captured);
    let got: Vec<String> = out
        .sources
        .iter()
        .map(|s| format!("{} {:?}: {}", s.name, s.status, s.detail))
        .collect();
    assert_eq!(
        got,
        [
            "iptables Read: 3 tables, 25 rules, 7 match",
            "iptables-legacy Read: 1 table, 2 rules, 1 match",
            "nftables Read: 7 tables, 51 rules, 6 sets (ip raw, ip mangle, ip filter read through iptables-save), 13 match; decides 25, 465, 587: drop at netdev sdx-ingress/ingress handle 2",
            "ipset Read: 7 sets, 9 entries, 5 match",
        ]
    );
}

#[test]
fn unblock_and_allow_commands() {
    let out = read_with(v4(), NOW, &captured);
    let b = find(&out.blocks, "filter/INPUT #7");
    assert_eq!(
        b.unblock,
        ["iptables -t filter -D INPUT -s 198.51.100.7/32 -p tcp -m tcp --dport 587 -m comment --comment 'abuse ticket 42' -j REJECT --reject-with tcp-reset"]
    );
    assert_eq!(
        b.allow,
        ["iptables -t filter -I INPUT -s 198.51.100.7 -p tcp -m multiport --dports 25,465,587 -j ACCEPT"]
    );
    assert_eq!(b.reason.as_deref(), Some("abuse ticket 42"));
    let b = find(&out.blocks, "filter/DENYIN #1");
    assert_eq!(b.unblock, ["csf -dr 198.51.100.7", "csf -tr 198.51.100.7"]);
    assert_eq!(b.allow, ["csf -a 198.51.100.7"]);
    let b = find(&out.blocks, "filter/f2b-postfix-sasl #1");
    assert_eq!(
        b.unblock,
        ["fail2ban-client set postfix-sasl unbanip 198.51.100.7"]
    );
    assert_eq!(
        b.allow,
        ["fail2ban-client set postfix-sasl addignoreip 198.51.100.7"]
    );
    let legacy = find(&out.blocks, "filter/INPUT #1 (legacy)");
    assert_eq!(
        legacy.unblock,
        ["iptables-legacy -t filter -D INPUT -s 198.51.100.7/32 -p tcp -m tcp --dport 25 -j DROP"]
    );
    let b = find(&out.blocks, "set sdx-deny");
    assert_eq!(b.unblock, ["ipset del sdx-deny 198.51.100.0/24"]);
    assert_eq!(b.rule, "198.51.100.0/24 timeout 2999");
    assert_eq!(b.until.as_deref(), Some("2026-12-01T10:49:59Z"));
    let b = find(&out.blocks, "inet sdx set nets");
    assert_eq!(
        b.unblock,
        ["nft delete element inet sdx nets '{ 198.51.100.0/24 }'"]
    );
    assert_eq!(
        b.allow,
        ["nft insert rule inet sdx input ip saddr 198.51.100.7 tcp dport '{ 25, 465, 587 }' accept"]
    );
    let b = find(&out.blocks, "inet sdx set blocklist");
    assert_eq!(b.rule, "198.51.100.7 timeout 3600s expires 3599s");
    assert_eq!(b.until.as_deref(), Some("2026-12-01T10:59:59Z"));
    let b = find(&out.blocks, "inet sdx/input handle 15");
    assert_eq!(b.unblock, ["nft delete rule inet sdx input handle 15"]);
    assert_eq!(b.reason.as_deref(), Some("abuse ticket 42"));
    let b = find(&out.blocks, "inet f2b-table set addr-set-postfix-sasl");
    assert_eq!(
        b.unblock,
        ["fail2ban-client set postfix-sasl unbanip 198.51.100.7"]
    );
    // Context entries carry no commands; a member not blocking mail can still be removed.
    assert!(find(&out.blocks, "inet sdx/input handle 20")
        .unblock
        .is_empty());
    assert!(find(&out.blocks, "filter/INPUT #14").allow.is_empty());
    let sshd = find(&out.blocks, "set f2b-sshd");
    assert_eq!(
        sshd.unblock,
        ["fail2ban-client set sshd unbanip 198.51.100.7"]
    );
    assert!(sshd.allow.is_empty());
    // Every command splits back into the words it was built from.
    for b in &out.blocks {
        for c in b.unblock.iter().chain(&b.allow) {
            assert!(shell_words::split(c).is_ok(), "{c}");
        }
    }
}

#[test]
fn ipv6_client() {
    let out = read_with(v6(), NOW, &captured);
    let got: Vec<String> = out.blocks.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            "inet sdx set six | Drop | 2001:db8::/32 | []",
            "inet sdx/input handle 24 | Reject | 2001:db8::7 | [25]",
            "inet f2b-table set addr6-set-postfix-sasl | Reject | 2001:db8::7 | [25, 465, 587] by fail2ban",
            "filter/INPUT #1 | Drop | 2001:db8::7 | [25, 587]",
            "filter/INPUT #2 | Reject | 2001:db8::/64 | []",
            "set f2b-postfix-sasl6 | Reject | 2001:db8::7 | [25, 465, 587] by fail2ban",
        ]
    );
    let b = find(&out.blocks, "filter/INPUT #2");
    assert_eq!(
        b.unblock,
        ["ip6tables -t filter -D INPUT -s 2001:db8::/64 -j REJECT --reject-with icmp6-adm-prohibited"]
    );
    assert_eq!(
        b.allow,
        ["ip6tables -t filter -I INPUT -s 2001:db8::7 -p tcp -m multiport --dports 25,465,587 -j ACCEPT"]
    );
    assert_eq!(
        find(&out.blocks, "set f2b-postfix-sasl6").unblock,
        ["fail2ban-client set postfix-sasl unbanip 2001:db8::7"]
    );
    let names: Vec<&str> = out.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["ip6tables", "nftables", "ipset"],
        "no legacy rules: no entry"
    );
    // An IPv4-mapped address is the IPv4 client.
    let mapped = read_with("::ffff:198.51.100.7".parse().unwrap(), NOW, &captured);
    assert_eq!(mapped.blocks, read_with(v4(), NOW, &captured).blocks);
}

#[test]
fn one_failing_tool_never_stops_the_others() {
    let run = |program: &str, args: &[&str]| match program {
        "ipset" => Err(ExecError::Failed {
            program: program.into(),
            status: 1,
            stderr: "Operation not permitted".into(),
        }),
        "nft" | "iptables-legacy-save" => Err(ExecError::NotFound {
            program: program.into(),
        }),
        "iptables-save" => Ok("this is not iptables-save output\n".into()),
        _ => captured(program, args),
    };
    let out = read_with(v4(), NOW, &run);
    let got: Vec<(String, SourceStatus)> = out
        .sources
        .iter()
        .map(|s| (s.name.clone(), s.status))
        .collect();
    assert_eq!(
        got,
        [
            ("iptables".to_string(), SourceStatus::Error),
            ("nftables".to_string(), SourceStatus::Absent),
            ("ipset".to_string(), SourceStatus::Denied),
        ]
    );
    assert!(out.sources[0]
        .detail
        .contains("line 1 is not iptables-save output"));
    assert!(out.blocks.is_empty());

    // ipset unreadable: set matches are unknown, so those rules are not guessed at.
    let run = |program: &str, args: &[&str]| match program {
        "ipset" => Err(ExecError::TimedOut {
            program: program.into(),
            secs: 1.0,
        }),
        _ => captured(program, args),
    };
    let out = read_with(v4(), NOW, &run);
    assert!(!out.blocks.iter().any(|b| b.source == BlockSource::Ipset));
    assert!(out.blocks.iter().any(|b| b.location == "filter/INPUT #7"));
    let ipset = out.sources.iter().find(|s| s.name == "ipset").unwrap();
    assert_eq!(ipset.status, SourceStatus::Error);
}

#[test]
fn control_bytes_from_tools_are_escaped() {
    let run = |program: &str, args: &[&str]| match program {
        "iptables-save" => Ok("*filter\n:INPUT ACCEPT [0:0]\n\
            -A INPUT -s 198.51.100.7/32 -m comment --comment \"\x1b[31mred\" -j DROP\nCOMMIT\n"
            .into()),
        _ => captured(program, args),
    };
    let out = read_with(v4(), NOW, &run);
    let b = find(&out.blocks, "filter/INPUT #1");
    assert!(
        !b.rule.contains('\x1b') && b.rule.contains("\\u{1b}"),
        "{b:?}"
    );
    assert_eq!(b.reason.as_deref(), Some("\\u{1b}[31mred"));
    // A command cannot carry the byte either: the rule is deleted by its number.
    assert_eq!(b.unblock, ["iptables -t filter -D INPUT 1"]);
    assert!(super::commands(&["ipset", "del", "a\u{9b}b", "198.51.100.7"]).is_empty());
}

#[test]
fn set_members_by_port() {
    let run = |program: &str, _args: &[&str]| match program {
        "iptables-save" => Ok("*filter\n:INPUT ACCEPT [0:0]\n\
            -A INPUT -m set --match-set web src,dst -j DROP\nCOMMIT\n"
            .into()),
        "ipset" => Ok(
            "Name: web\nType: hash:ip,port\nHeader: family inet\nReferences: 1\n\
            Members:\n198.51.100.7,tcp:22\n198.51.100.7,tcp:25\n\n\
            Name: hidden\nType: hash:ip\nReferences: 1\nMembers:\n198.51.100.7\n"
                .into(),
        ),
        _ => Err(ExecError::NotFound {
            program: program.into(),
        }),
    };
    let out = read_with(v4(), NOW, &run);
    let got: Vec<String> = out.blocks.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            "set web | Drop | 198.51.100.7 | [25]",
            // the same set, but for a port the client does not use
            "set web | Other | 198.51.100.7 | [22]",
            // used by something iptables does not show: a deny list enforced out of sight
            "set hidden | Deny | 198.51.100.7 | []",
        ]
    );
    assert_eq!(out.blocks[2].allow, Vec::<String>::new());
    assert_eq!(out.blocks[2].unblock, ["ipset del hidden 198.51.100.7"]);
}

#[test]
fn all_blocks_lists_each_address_under_its_own_entries() {
    let l = all_blocks_with(NOW, &captured);
    let shown = |net: &str| -> Vec<String> {
        l.entries
            .iter()
            .filter(|e| super::super::net_text(&e.net) == net)
            .map(|e| summary(&e.block))
            .collect()
    };
    // 198.51.100.7 is listed with the entries that name it, not with the networks that
    // contain it (those are listed under their own network).
    let v4 = shown("198.51.100.7");
    assert!(!v4.is_empty(), "{:#?}", l.entries);
    for s in &v4 {
        assert!(s.contains("| 198.51.100.7 |"), "{s}");
    }
    assert!(v4.contains(&"inet sdx set blocklist | Drop | 198.51.100.7 | []".to_string()));
    // What read_with gives for that client, restricted to its own entries that block.
    let one = read_with("198.51.100.7".parse().unwrap(), NOW, &captured);
    let own: Vec<String> = one
        .blocks
        .iter()
        .filter(|b| b.blocks() && b.matched == "198.51.100.7")
        .map(summary)
        .collect();
    assert_eq!(v4, own);
    assert!(!shown("198.51.100.0/24").is_empty());
    assert!(!shown("2001:db8::7").is_empty());
    // Only blocking entries, and networks without allow commands.
    for e in &l.entries {
        assert!(e.block.blocks(), "{}", summary(&e.block));
        if e.net.prefix_len() < e.net.max_prefix_len() {
            assert!(e.block.allow.is_empty(), "{}", summary(&e.block));
        }
    }
    let names: Vec<&str> = l.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "iptables",
            "iptables-legacy",
            "ip6tables",
            "nftables",
            "ipset"
        ]
    );
    assert!(l.sources.iter().all(|s| s.status == SourceStatus::Read));
}

#[test]
fn fail2ban_rules_name_the_socket_the_user_gave() {
    let mut out = SourceOutcome::default();
    let rule = |made_by, unblock: &str| Block {
        id: String::new(),
        source: BlockSource::Iptables,
        location: "filter/f2b-postfix-sasl #1".into(),
        rule: "-A f2b-postfix-sasl -s 198.51.100.7/32 -j REJECT".into(),
        reason: None,
        since: None,
        until: None,
        unblock: vec![unblock.to_string()],
        allow: vec!["fail2ban-client set postfix-sasl addignoreip 198.51.100.7".into()],
        effect: Effect::Reject,
        made_by,
        matched: "198.51.100.7".into(),
        ports: vec![],
        order: 0,
    };
    out.blocks.push(rule(
        Some(BlockSource::Fail2ban),
        "fail2ban-client set postfix-sasl unbanip 198.51.100.7",
    ));
    out.blocks
        .push(rule(Some(BlockSource::Csf), "csf -dr 198.51.100.7"));
    fail2ban_commands_on(&mut out, std::path::Path::new("/run/my f2b/f2b.sock"));
    assert_eq!(
        out.blocks[0].unblock,
        ["fail2ban-client -s '/run/my f2b/f2b.sock' set postfix-sasl unbanip 198.51.100.7"]
    );
    assert_eq!(
        out.blocks[0].allow,
        ["fail2ban-client -s '/run/my f2b/f2b.sock' set postfix-sasl addignoreip 198.51.100.7"]
    );
    // Only fail2ban's rules; and a command that already names a socket keeps it.
    assert_eq!(out.blocks[1].unblock, ["csf -dr 198.51.100.7"]);
    let before = out.blocks[0].unblock.clone();
    fail2ban_commands_on(&mut out, std::path::Path::new("/other.sock"));
    assert_eq!(out.blocks[0].unblock, before);
}
