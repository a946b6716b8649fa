//! No input makes a parser or a walk panic: arbitrary text, and text built from the words
//! the parsers look for so that deep paths are reached.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::addr::AddrSpec;
use super::ports::PortList;
use super::*;

fn clients() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        Just("198.51.100.7".parse().unwrap()),
        Just("2001:db8::7".parse().unwrap()),
        any::<u32>().prop_map(|n| IpAddr::from(std::net::Ipv4Addr::from(n))),
    ]
}

/// iptables-save lines made of the words the parser and walk act on.
fn save_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("-A"),
        Just("INPUT"),
        Just("X"),
        Just("-s"),
        Just("!"),
        Just("-p"),
        Just("tcp"),
        Just("-j"),
        Just("-g"),
        Just("X"),
        Just("DROP"),
        Just("ACCEPT"),
        Just("RETURN"),
        Just("--dport"),
        Just("--dports"),
        Just("25,465:587"),
        Just(":"),
        Just("--sport"),
        Just("-m"),
        Just("set"),
        Just("--match-set"),
        Just("s"),
        Just("src,dst"),
        Just("src"),
        Just("--ctstate"),
        Just("NEW"),
        Just("--syn"),
        Just("-i"),
        Just("lo"),
        Just("198.51.100.0/24"),
        Just("2001:db8::/33"),
        Just("0.0.0.7/0.0.0.255"),
        Just("--src-range"),
        Just("1.1.1.1-255.1.1.1"),
        Just("--comment"),
        Just("\"a b\""),
        Just("\""),
        Just("-f"),
        Just("--reject-with"),
        Just("LOG"),
        Just("-c"),
        Just("[1:2]"),
    ];
    let line = prop_oneof![
        proptest::collection::vec(word, 0..12).prop_map(|w| w.join(" ")),
        Just("*filter".to_string()),
        Just("*raw".to_string()),
        Just(":INPUT DROP [0:0]".to_string()),
        Just(":X - [0:0]".to_string()),
        Just("COMMIT".to_string()),
        "[ -~]{0,30}",
    ];
    proptest::collection::vec(line, 0..20).prop_map(|l| l.join("\n"))
}

fn ipset_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("Name: s".to_string()),
        Just("Type: hash:ip,port,net".to_string()),
        Just("Type: hash:net".to_string()),
        Just("Header: family inet6 timeout 9".to_string()),
        Just("References: 3".to_string()),
        Just("Members:".to_string()),
        Just("198.51.100.0/24,tcp:25 timeout 5 nomatch".to_string()),
        Just("198.51.100.7 comment \"x".to_string()),
        Just(String::new()),
        "[ -~]{0,30}",
    ];
    proptest::collection::vec(line, 0..20).prop_map(|l| l.join("\n"))
}

/// JSON values of any shape, for statements, match sides and set elements.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![
            Just("198.51.100.7"),
            Just("@s"),
            Just("tcp"),
            Just("new"),
            Just("lo"),
            Just("saddr"),
            Just("ip"),
            Just("ip6"),
            Just("dport"),
            Just("t"),
            Just("c"),
            Just("x")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        let key = prop_oneof![
            Just("match"),
            Just("left"),
            Just("right"),
            Just("op"),
            Just("payload"),
            Just("protocol"),
            Just("field"),
            Just("set"),
            Just("prefix"),
            Just("addr"),
            Just("len"),
            Just("range"),
            Just("elem"),
            Just("val"),
            Just("vmap"),
            Just("key"),
            Just("data"),
            Just("jump"),
            Just("goto"),
            Just("target"),
            Just("drop"),
            Just("meta"),
            Just("ct"),
            Just("expires")
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((key, inner), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #[test]
    fn text_parsers_never_panic(text in any::<String>(), client in clients()) {
        let _ = iptables::parse_save(&text);
        let _ = ipset::parse_list(&text, client);
        let _ = nftables::parse_json(&text);
        let _ = nftables::parse_rule_texts(&text);
        let _ = AddrSpec::parse(&text);
        let _ = PortList::parse(&text);
        let _ = addr::plain(&text);
    }

    #[test]
    fn save_format_walks_never_panic(save in save_text(), sets in ipset_text(), client in clients(), legacy in any::<bool>()) {
        let sets = ipset::parse_list(&sets, client);
        if let Ok(rules) = iptables::parse_save(&save) {
            let backend = Backend { v6: client.is_ipv6(), legacy };
            let w = iptables_walk::walk(&rules, backend, client, Some(&sets), 0);
            let _ = order::arrange(w.hits);
        }
    }

    #[test]
    fn nft_json_walks_never_panic(
        exprs in proptest::collection::vec(json_value(), 0..6),
        elems in proptest::collection::vec(json_value(), 0..6),
        client in clients(),
    ) {
        let doc = json!({"nftables": [
            {"chain": {"family": "inet", "table": "t", "name": "c", "type": "filter", "hook": "input", "prio": 0}},
            {"chain": {"family": "inet", "table": "t", "name": "x"}},
            {"set": {"family": "inet", "table": "t", "name": "s", "type": "ipv4_addr", "elem": elems}},
            {"map": {"family": "inet", "table": "t", "name": "x", "map": "verdict", "elem": elems}},
            {"rule": {"family": "inet", "table": "t", "chain": "c", "handle": 1, "expr": exprs}},
            {"rule": {"family": "inet", "table": "t", "chain": "x", "handle": 2, "expr": exprs}},
        ]});
        let rules = nftables::parse_json(&doc.to_string()).unwrap();
        let skip = HashSet::new();
        let texts = HashMap::new();
        let inputs = nftables_walk::Inputs { client, now: i64::MAX, skip: &skip, texts: &texts };
        let w = nftables_walk::walk(&rules, &inputs);
        let _ = order::arrange(w.hits);
    }
}
