//! The iptables walk on hand-written rulesets: order, descent, targets, ports, owners.

use super::*;
use crate::server::firewall::packet::ipset::parse_list;
use crate::server::firewall::packet::iptables::parse_save;

const NOW: i64 = 1_796_119_200;

fn client() -> IpAddr {
    "198.51.100.7".parse().unwrap()
}

fn v4(legacy: bool) -> Backend {
    Backend { v6: false, legacy }
}

fn walk_text(save: &str, sets: Option<&str>) -> Walked {
    let rules = parse_save(save).unwrap();
    let sets = sets.map(|s| parse_list(s, client()));
    walk(&rules, v4(false), client(), sets.as_deref(), NOW)
}

/// Hits in packet order (as `order::arrange` would sort them).
fn lines(w: &Walked) -> Vec<String> {
    let (hits, _) = super::super::order::arrange(w.hits.clone());
    hits.iter()
        .map(|h| {
            let b = &h.block;
            format!(
                "{} | {:?} | {} | {:?}",
                b.location, b.effect, b.matched, b.ports
            )
        })
        .collect()
}

const PATH: &str = "*raw
:PREROUTING ACCEPT [0:0]
-A PREROUTING -s 198.51.100.7/32 -j CT --notrack
COMMIT
*security
:INPUT ACCEPT [0:0]
-A INPUT -s 198.51.100.0/24 -j DROP
COMMIT
*filter
:INPUT DROP [0:0]
:SMTP - [0:0]
:LATE - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -s 198.51.100.7/32 -i lo -j DROP
-A INPUT -s 198.51.100.7/32 -m conntrack --ctstate NEW -j ACCEPT
-A INPUT -s 198.51.100.7/32 -p tcp ! --syn -j DROP
-A INPUT -s 198.51.100.7/32 -p tcp -m tcp --sport 53 -j DROP
-A INPUT -p tcp -m multiport --dports 587 -j SMTP
-A INPUT -s 198.51.100.7/32 -g LATE
-A INPUT -s 198.51.100.7/32 -j TARPIT
-A INPUT -s 198.51.100.7/32 -m conntrack --ctstate ESTABLISHED -j DROP
-A INPUT ! -p tcp -s 198.51.100.7/32 -j DROP
-A SMTP -s 198.51.100.0/24 -p tcp -m multiport --dports 25,587 -j REJECT --reject-with icmp-admin-prohibited
-A SMTP -s 198.51.100.0/24 -p tcp -m tcp --dport 25 -j DROP
-A SMTP -s 198.51.100.7/32 -j RETURN
-A LATE -j LOG
-A LATE -j TARPIT
COMMIT
";

#[test]
fn tables_in_netfilter_order_and_chains_depth_first() {
    let w = walk_text(PATH, Some(""));
    assert_eq!(
        lines(&w),
        [
            // raw PREROUTING first; CT only marks the connection
            "raw/PREROUTING #1 | Other | 198.51.100.7 | []",
            // lo, established and non-SYN, source-port and non-TCP rules never see it
            "filter/INPUT #3 | Allow | 198.51.100.7 | []",
            // the jump to SMTP only happens for 587: the REJECT inside covers 587 only,
            // the DROP for 25 inside it is never reached
            "filter/SMTP #1 | Reject | 198.51.100.0/24 | [587]",
            "filter/SMTP #3 | Other | 198.51.100.7 | [587]",
            // a goto to a chain whose first unconditional verdict is TARPIT: a drop
            "filter/INPUT #7 | Drop | 198.51.100.7 | []",
            "filter/INPUT #8 | Drop | 198.51.100.7 | []",
            // security (priority 50) runs after filter
            "security/INPUT #1 | Drop | 198.51.100.0/24 | []",
        ]
    );
    assert_eq!(w.rule_hits, 7);
    // The accept decides: it ends filter's INPUT for the client, but security still drops.
    let (hits, verdicts) = super::super::order::arrange(w.hits);
    let deciding: Vec<&str> = verdicts
        .iter()
        .map(|v| hits[v.block].block.location.as_str())
        .collect();
    assert_eq!(deciding, ["security/INPUT #1"; 3]);
}

#[test]
fn plain_rules_are_deleted_exactly_and_allowed_first_in_their_table() {
    let w = walk_text(PATH, Some(""));
    let b = &w
        .hits
        .iter()
        .find(|h| h.block.location == "security/INPUT #1")
        .unwrap()
        .block;
    assert_eq!(
        b.unblock,
        ["iptables -t security -D INPUT -s 198.51.100.0/24 -j DROP"]
    );
    assert_eq!(
        b.allow,
        ["iptables -t security -I INPUT -s 198.51.100.7 -p tcp -m multiport --dports 25,465,587 -j ACCEPT"]
    );
    let b = &w
        .hits
        .iter()
        .find(|h| h.block.location == "filter/SMTP #1")
        .unwrap()
        .block;
    assert_eq!(
        b.unblock,
        ["iptables -t filter -D SMTP -s 198.51.100.0/24 -p tcp -m multiport --dports 25,587 -j REJECT --reject-with icmp-admin-prohibited"]
    );
    // The allow goes into the built-in chain the packet entered by, not into SMTP.
    assert_eq!(
        b.allow,
        ["iptables -t filter -I INPUT -s 198.51.100.7 -p tcp -m multiport --dports 25,465,587 -j ACCEPT"]
    );
    let b = &w
        .hits
        .iter()
        .find(|h| h.block.location == "filter/INPUT #3")
        .unwrap()
        .block;
    assert!(
        b.unblock.is_empty() && b.allow.is_empty(),
        "an ACCEPT lifts nothing"
    );
}

const CSF: &str = "*filter
:INPUT ACCEPT [0:0]
:LOCALINPUT - [0:0]
:SPAMHAUS - [0:0]
:PK_22_S1_IN - [0:0]
-A INPUT -j LOCALINPUT
-A INPUT -j PK_22_S1_IN
-A LOCALINPUT -j SPAMHAUS
-A SPAMHAUS -m set --match-set bl_SPAMHAUS src -j DROP
-A PK_22_S1_IN -s 198.51.100.7/32 -j DROP
COMMIT
";

const CSF_SETS: &str = "Name: bl_SPAMHAUS
Type: hash:net
Header: family inet hashsize 1024 maxelem 65536
References: 1
Number of entries: 3
Members:
198.51.100.0/24
203.0.113.0/24
198.51.100.7
";

#[test]
fn csf_owns_what_its_chains_reach_and_every_member_is_listed() {
    let w = walk_text(CSF, Some(CSF_SETS));
    let got: Vec<String> = w
        .hits
        .iter()
        .map(|h| {
            let b = &h.block;
            format!(
                "{} {} {:?} {:?} {:?}",
                b.location, b.matched, b.effect, b.made_by, b.unblock
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // both members hold the client: both must go
            "set bl_SPAMHAUS 198.51.100.7 Drop Some(Csf) [\"csf -dr 198.51.100.7\", \"csf -tr 198.51.100.7\"]",
            "set bl_SPAMHAUS 198.51.100.0/24 Drop Some(Csf) [\"csf -dr 198.51.100.0/24\", \"csf -tr 198.51.100.0/24\"]",
            "filter/PK_22_S1_IN #1 198.51.100.7 Drop Some(Csf) [\"csf -dr 198.51.100.7\", \"csf -tr 198.51.100.7\"]",
        ]
    );
    assert!(w
        .hits
        .iter()
        .all(|h| h.block.allow == ["csf -a 198.51.100.7"]));
    assert_eq!(w.met.len(), 2);
    assert_eq!(w.hits[0].tool, "ipset");
    assert!(w.hits[0].entry && !w.hits[2].entry);
}

const SETS: &str = "*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
-A INPUT -p tcp -m tcp --dport 25 -m set ! --match-set friends src -j REJECT --reject-with tcp-reset
-A INPUT -m set --match-set missing src -j DROP
-A INPUT -p tcp -m multiport --dports 22,80 -m set --match-set ssh src -j DROP
-A FORWARD -p tcp -m tcp --dport 443 -m set --match-set ssh src -j DROP
COMMIT
";

const SETS_LIST: &str = "Name: friends
Type: hash:ip
Header: family inet
References: 1
Members:
203.0.113.1

Name: ssh
Type: hash:ip
Header: family inet
References: 2
Members:
198.51.100.7
";

#[test]
fn negated_unknown_and_elsewhere_used_sets() {
    let w = walk_text(SETS, Some(SETS_LIST));
    assert_eq!(
        lines(&w),
        ["filter/INPUT #1 | Reject | ! set friends | [25]"]
    );
    // Putting the client on the list, not deleting the rule that guards everyone else.
    assert_eq!(w.hits[0].block.unblock, ["ipset add friends 198.51.100.7"]);
    // `missing` is not in ipset's listing: the rule is not guessed at.
    assert!(w.met.is_empty());
    assert_eq!(w.used_by_rules.get("ssh"), Some(&vec![22, 80, 443]));

    // ipset unreadable: nothing that depends on a set is reported.
    let w = walk_text(SETS, None);
    assert!(w.hits.is_empty());
}

#[test]
fn program_names() {
    let names: Vec<(&str, &str)> = [(false, false), (true, false), (false, true), (true, true)]
        .into_iter()
        .map(|(v6, legacy)| {
            let b = Backend { v6, legacy };
            (b.program(), b.save_program())
        })
        .collect();
    assert_eq!(
        names,
        [
            ("iptables", "iptables-save"),
            ("ip6tables", "ip6tables-save"),
            ("iptables-legacy", "iptables-legacy-save"),
            ("ip6tables-legacy", "ip6tables-legacy-save"),
        ]
    );
    let rules =
        parse_save("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 2001:db8::/32 -j DROP\nCOMMIT\n")
            .unwrap();
    let b = Backend {
        v6: true,
        legacy: true,
    };
    let w = walk(&rules, b, "2001:db8::7".parse().unwrap(), Some(&[]), NOW);
    let block = &w.hits[0].block;
    assert_eq!(block.location, "filter/INPUT #1 (legacy)");
    assert_eq!(
        block.unblock,
        ["ip6tables-legacy -t filter -D INPUT -s 2001:db8::/32 -j DROP"]
    );
    assert_eq!(
        w.hits[0].path.as_ref().map(|p| (p.tool, p.priority)),
        Some((Tool::IptablesLegacy, 0))
    );
}

#[test]
fn loops_in_a_damaged_listing_end() {
    let text = "*filter\n:INPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n\
        -A INPUT -j A\n-A A -s 198.51.100.7/32 -j B\n-A B -j A\n-A B -s 198.51.100.7/32 -j DROP\nCOMMIT\n";
    let w = walk_text(text, Some(""));
    assert_eq!(
        lines(&w),
        [
            "filter/A #1 | Other | 198.51.100.7 | []",
            "filter/B #2 | Drop | 198.51.100.7 | []"
        ]
    );
}
