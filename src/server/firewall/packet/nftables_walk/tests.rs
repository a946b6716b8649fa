//! The nftables walk on hand-written rulesets (JSON as `nft -j` prints it).

use serde_json::json;

use super::*;
use crate::server::firewall::packet::nftables::parse_json;
use crate::server::firewall::packet::order::arrange;

const NOW: i64 = 1_796_119_200;

fn saddr(right: &Value) -> Value {
    json!({"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": right}})
}

fn dport(right: &Value) -> Value {
    json!({"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": right}})
}

fn chain(table: &str, name: &str, base: Option<(&str, i64)>) -> Value {
    let mut c = json!({"family": "inet", "table": table, "name": name});
    if let Some((hook, prio)) = base {
        c["type"] = json!("filter");
        c["hook"] = json!(hook);
        c["prio"] = json!(prio);
    }
    json!({"chain": c})
}

fn rule(table: &str, chain: &str, handle: u64, expr: &[Value]) -> Value {
    json!({"rule": {"family": "inet", "table": table, "chain": chain, "handle": handle, "expr": expr}})
}

fn set(table: &str, name: &str, elem: &Value) -> Value {
    json!({"set": {"family": "inet", "table": table, "name": name, "type": "ipv4_addr", "elem": elem}})
}

fn walk_doc(objects: &[Value], client: &str, skip: &HashSet<(String, String, String)>) -> Walked {
    let doc = json!({"nftables": objects}).to_string();
    let rules = parse_json(&doc).unwrap();
    let texts = HashMap::new();
    let inputs = Inputs {
        client: client.parse().unwrap(),
        now: NOW,
        skip,
        texts: &texts,
    };
    walk(&rules, &inputs)
}

fn lines(w: &Walked) -> Vec<String> {
    let (hits, _) = arrange(w.hits.clone());
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

#[test]
fn port_maps_jumps_and_chain_verdicts() {
    let w = walk_doc(
        &[
            json!({"table": {"family": "inet", "name": "t"}}),
            chain("t", "input", Some(("input", 0))),
            chain("t", "smtp", None),
            chain("t", "ssh", None),
            chain("t", "deny", None),
            chain("t", "back", None),
            rule(
                "t",
                "input",
                2,
                &[json!({"vmap": {
                "key": {"payload": {"protocol": "tcp", "field": "dport"}},
                "data": {"set": [[25, {"jump": {"target": "smtp"}}], [22, {"jump": {"target": "ssh"}}]]}}})],
            ),
            rule(
                "t",
                "input",
                3,
                &[
                    saddr(&json!("198.51.100.7")),
                    json!({"jump": {"target": "deny"}}),
                ],
            ),
            rule(
                "t",
                "input",
                4,
                &[
                    saddr(&json!("198.51.100.7")),
                    json!({"goto": {"target": "back"}}),
                ],
            ),
            rule(
                "t",
                "smtp",
                5,
                &[
                    saddr(&json!({"prefix": {"addr": "198.51.100.0", "len": 24}})),
                    json!({"drop": null}),
                ],
            ),
            rule(
                "t",
                "ssh",
                6,
                &[saddr(&json!("198.51.100.7")), json!({"drop": null})],
            ),
            rule(
                "t",
                "deny",
                7,
                &[
                    json!({"counter": null}),
                    json!({"log": {"prefix": "x"}}),
                    json!({"limit": {"rate": 1}}),
                    json!({"reject": null}),
                ],
            ),
            rule(
                "t",
                "deny",
                8,
                &[json!({"counter": null}), json!({"drop": null})],
            ),
            rule("t", "back", 9, &[json!({"return": null})]),
            rule("t", "back", 10, &[json!({"drop": null})]),
        ],
        "198.51.100.7",
        &HashSet::new(),
    );
    assert_eq!(
        lines(&w),
        [
            // only the mail port's branch of the map is walked, and it is limited to 25
            "inet t/smtp handle 5 | Drop | 198.51.100.0/24 | [25]",
            // `deny` logs (a rate-limited reject is conditional), then drops everyone
            "inet t/input handle 3 | Drop | 198.51.100.7 | []",
            // `back` returns first: the goto decides nothing by itself
            "inet t/input handle 4 | Other | 198.51.100.7 | []",
        ]
    );
    assert_eq!(w.rule_hits, 3);
    let b = &w.hits[0].block;
    // Without `nft -a list ruleset` the rule shows as nft's JSON.
    assert!(b.rule.starts_with("[{\"match\":"), "{}", b.rule);
    assert_eq!(b.unblock, ["nft delete rule inet t smtp handle 5"]);
    assert_eq!(
        b.allow,
        ["nft insert rule inet t input ip saddr 198.51.100.7 tcp dport '{ 25, 465, 587 }' accept"]
    );
}

#[test]
fn named_sets_maps_and_negation() {
    let w = walk_doc(
        &[
            chain("t", "input", Some(("input", 0))),
            set("t", "friends", &json!(["203.0.113.1"])),
            set(
                "t",
                "bans",
                &json!([
                    {"elem": {"val": {"prefix": {"addr": "198.51.100.0", "len": 24}}, "timeout": 600, "expires": 120, "comment": "web \u{1b}abuse"}},
                    {"elem": {"val": "198.51.100.7", "timeout": 600, "expires": 300}},
                    "203.0.113.9"
                ]),
            ),
            json!({"map": {"family": "inet", "table": "t", "name": "verdicts", "type": "ipv4_addr", "map": "verdict",
                "elem": [[{"range": ["198.51.100.1", "198.51.100.9"]}, {"drop": null}]]}}),
            set("t", "dests", &json!(["198.51.100.7"])),
            rule(
                "t",
                "input",
                2,
                &[
                    json!({"match": {"op": "!=", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": "@friends"}}),
                    dport(&json!(587)),
                    json!({"reject": {"type": "tcp reset"}}),
                ],
            ),
            rule(
                "t",
                "input",
                3,
                &[saddr(&json!("@bans")), json!({"log": null})],
            ),
            rule(
                "t",
                "input",
                4,
                &[saddr(&json!("@bans")), json!({"drop": null})],
            ),
            rule(
                "t",
                "input",
                5,
                &[
                    json!({"vmap": {"key": {"payload": {"protocol": "ip", "field": "saddr"}}, "data": "@verdicts"}}),
                ],
            ),
            rule(
                "t",
                "input",
                6,
                &[saddr(&json!("@missing")), json!({"drop": null})],
            ),
            rule(
                "t",
                "output",
                7,
                &[
                    json!({"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": "@dests"}}),
                    json!({"drop": null}),
                ],
            ),
        ],
        "198.51.100.7",
        &HashSet::new(),
    );
    assert_eq!(
        lines(&w),
        [
            "inet t/input handle 2 | Reject | != @friends | [587]",
            // both members holding the client are listed, each once, with the drop
            "inet t set bans | Drop | 198.51.100.7 | []",
            "inet t set bans | Drop | 198.51.100.0/24 | []",
            "inet t/input handle 5 | Drop | 198.51.100.1-198.51.100.9 | []",
        ]
    );
    let (hits, _) = arrange(w.hits.clone());
    assert_eq!(
        hits[0].block.unblock,
        ["nft add element inet t friends '{ 198.51.100.7 }'"]
    );
    let net = &hits[2].block;
    assert_eq!(net.rule, "198.51.100.0/24 timeout 600s expires 120s");
    assert_eq!(net.reason.as_deref(), Some("web \\u{1b}abuse"));
    assert_eq!(net.until.as_deref(), Some("2026-12-01T10:02:00Z"));
    assert_eq!(
        net.unblock,
        ["nft delete element inet t bans '{ 198.51.100.0/24 }'"]
    );
    // `dests` holds the client but only as a destination: not listed.
    assert!(!hits.iter().any(|h| h.block.location.contains("dests")));
}

#[test]
fn chains_that_never_see_the_packet() {
    let skip: HashSet<_> = [("ip".to_string(), "filter".to_string(), "INPUT".to_string())].into();
    let drop = |table: &str, chain: &str, h| {
        rule(
            table,
            chain,
            h,
            &[saddr(&json!("198.51.100.7")), json!({"drop": null})],
        )
    };
    let mut objects = vec![
        chain("t", "out", Some(("output", 0))),
        drop("t", "out", 1),
        json!({"chain": {"family": "inet", "table": "t", "name": "nat", "type": "nat", "hook": "prerouting", "prio": -100}}),
        drop("t", "nat", 2),
        json!({"chain": {"family": "ip6", "table": "six", "name": "in", "type": "filter", "hook": "input", "prio": 0}}),
        json!({"rule": {"family": "ip6", "table": "six", "chain": "in", "handle": 3, "expr": [saddr(&json!("198.51.100.7")), {"drop": null}]}}),
        json!({"chain": {"family": "ip", "table": "filter", "name": "INPUT", "type": "filter", "hook": "input", "prio": 0}}),
        json!({"rule": {"family": "ip", "table": "filter", "chain": "INPUT", "handle": 4, "expr": [saddr(&json!("198.51.100.7")), {"drop": null}]}}),
        chain("t", "in", Some(("input", 10))),
        rule(
            "t",
            "in",
            5,
            &[
                json!({"match": {"op": "==", "left": {"meta": {"key": "nfproto"}}, "right": "ipv6"}}),
                saddr(&json!("198.51.100.7")),
                json!({"drop": null}),
            ],
        ),
        rule(
            "t",
            "in",
            6,
            &[
                json!({"match": {"op": "==", "left": {"meta": {"key": "iifname"}}, "right": "lo"}}),
                saddr(&json!("198.51.100.7")),
                json!({"drop": null}),
            ],
        ),
        rule(
            "t",
            "in",
            7,
            &[
                json!({"match": {"op": "==", "left": {"payload": {"protocol": "ip6", "field": "saddr"}}, "right": "2001:db8::7"}}),
                json!({"drop": null}),
            ],
        ),
        rule(
            "t",
            "in",
            8,
            &[
                json!({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["udp", "icmp"]}}}),
                saddr(&json!("198.51.100.7")),
                json!({"drop": null}),
            ],
        ),
    ];
    let w = walk_doc(&objects, "198.51.100.7", &skip);
    assert!(w.hits.is_empty(), "{:?}", lines(&w));
    assert_eq!(w.skipped_tables, ["ip filter"]);
    // Without iptables-save's word for it, the iptables-nft chain is walked.
    let w = walk_doc(&objects, "198.51.100.7", &HashSet::new());
    assert_eq!(
        lines(&w),
        ["ip filter/INPUT handle 4 | Drop | 198.51.100.7 | []"]
    );
    // The IPv6 client meets the ip6 table and the ip6 match, not the ip ones.
    objects.push(json!({"rule": {"family": "ip6", "table": "six", "chain": "in", "handle": 9, "expr": [
        {"match": {"op": "==", "left": {"payload": {"protocol": "ip6", "field": "saddr"}}, "right": {"prefix": {"addr": "2001:db8::", "len": 32}}}}, {"drop": null}]}}));
    let w = walk_doc(&objects, "2001:db8::7", &skip);
    assert_eq!(
        lines(&w),
        [
            "ip6 six/in handle 9 | Drop | 2001:db8::/32 | []",
            "inet t/in handle 7 | Drop | 2001:db8::7 | []",
        ]
    );
}

#[test]
fn priorities_order_base_chains() {
    let drop = |chain: &str, h| {
        rule(
            "t",
            chain,
            h,
            &[saddr(&json!("198.51.100.7")), json!({"drop": null})],
        )
    };
    let w = walk_doc(
        &[
            chain("t", "late", Some(("input", 100))),
            chain("t", "early", Some(("input", -200))),
            chain("t", "pre", Some(("prerouting", 50))),
            drop("late", 1),
            drop("early", 2),
            drop("pre", 3),
            // a member of a set no rule uses: listed last, not blocking
            set(
                "t",
                "idle",
                &json!([{"range": ["198.51.100.0", "198.51.100.255"]}]),
            ),
        ],
        "198.51.100.7",
        &HashSet::new(),
    );
    assert_eq!(
        lines(&w),
        [
            "inet t/pre handle 3 | Drop | 198.51.100.7 | []",
            "inet t/early handle 2 | Drop | 198.51.100.7 | []",
            "inet t/late handle 1 | Drop | 198.51.100.7 | []",
            "inet t set idle | Other | 198.51.100.0-198.51.100.255 | []",
        ]
    );
    let idle = &w.hits.last().unwrap().block;
    assert_eq!(
        idle.unblock,
        ["nft delete element inet t idle '{ 198.51.100.0-198.51.100.255 }'"]
    );
    assert!(idle.allow.is_empty());
}

#[test]
fn fail2ban_nft_sets() {
    let w = walk_doc(
        &[
            json!({"chain": {"family": "inet", "table": "f2b-table", "name": "f2b-chain", "type": "filter", "hook": "input", "prio": -1}}),
            set("f2b-table", "addr-set-sshd", &json!(["198.51.100.7"])),
            set("f2b-table", "addr-set-postfix", &json!(["198.51.100.7"])),
            rule(
                "f2b-table",
                "f2b-chain",
                2,
                &[
                    dport(&json!({"set": [22]})),
                    saddr(&json!("@addr-set-sshd")),
                    json!({"reject": null}),
                ],
            ),
            rule(
                "f2b-table",
                "f2b-chain",
                3,
                &[
                    dport(&json!({"set": [25, 465, 587]})),
                    saddr(&json!("@addr-set-postfix")),
                    json!({"reject": null}),
                ],
            ),
        ],
        "198.51.100.7",
        &HashSet::new(),
    );
    assert_eq!(
        lines(&w),
        [
            "inet f2b-table set addr-set-postfix | Reject | 198.51.100.7 | [25, 465, 587]",
            // the SSH jail's ban does not touch mail: listed with its port
            "inet f2b-table set addr-set-sshd | Other | 198.51.100.7 | [22]",
        ]
    );
    let (hits, _) = arrange(w.hits);
    assert_eq!(hits[0].block.made_by, Some(BlockSource::Fail2ban));
    assert_eq!(
        hits[0].block.unblock,
        ["fail2ban-client set postfix unbanip 198.51.100.7"]
    );
    assert_eq!(
        hits[0].block.allow,
        ["fail2ban-client set postfix addignoreip 198.51.100.7"]
    );
    assert_eq!(
        hits[1].block.unblock,
        ["fail2ban-client set sshd unbanip 198.51.100.7"]
    );
    assert!(hits[1].block.allow.is_empty());
}
