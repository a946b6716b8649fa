//! `nft -j list ruleset` read into typed tables, chains, sets and rules, keeping only the
//! statement kinds a search for one client's blocks needs; any other statement or object
//! is kept as "other" so a newer nft never fails the parse. Also reads `nft -a list
//! ruleset` for the rules as people see them. Pure: tested on captured output.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Map, Value};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum NftError {
    #[error("nft's JSON could not be read: {0}")]
    Json(#[from] serde_json::Error),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ruleset {
    pub tables: Vec<TableDef>,
    pub chains: Vec<ChainDef>,
    /// Sets and maps (a map's elements are `[key, value]` pairs).
    pub sets: Vec<SetDef>,
    /// In the order nft lists them, which is each chain's rule order.
    pub rules: Vec<RuleDef>,
    /// Objects of a known kind that did not have the expected shape.
    pub unreadable: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TableDef {
    pub family: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ChainDef {
    pub family: String,
    pub table: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub hook: Option<String>,
    pub prio: Option<Value>,
    pub policy: Option<String>,
}

impl ChainDef {
    /// The base chain's priority as a number (`nft -j` prints numbers).
    pub fn priority(&self) -> Option<i64> {
        self.prio.as_ref()?.as_i64()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SetDef {
    pub family: String,
    pub table: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: Value,
    #[serde(default)]
    pub elem: Vec<Value>,
    /// Set for maps: what the keys map to (`verdict` for verdict maps).
    #[serde(default)]
    pub map: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RuleDef {
    pub family: String,
    pub table: String,
    pub chain: String,
    pub handle: Option<u64>,
    pub comment: Option<String>,
    #[serde(default)]
    pub expr: Vec<Stmt>,
    /// The statements as nft's JSON, shown when the text listing is missing.
    #[serde(skip)]
    pub raw_expr: String,
}

/// One statement of a rule. Only what decides whether a rule concerns the client is typed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "Map<String, Value>")]
pub enum Stmt {
    Match(MatchStmt),
    Verdict(Verdict),
    /// `KEY vmap { ELEM : VERDICT, ... }` or `KEY vmap @map`.
    Vmap {
        key: Value,
        data: Value,
    },
    /// A statement that may stop the rule (`limit`, `quota`, an `xt` match, anything new).
    Condition(String),
    /// A statement that acts and lets the rule go on (`counter`, `log`, `mangle`, ...).
    Action(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MatchStmt {
    #[serde(default = "eq")]
    pub op: String,
    pub left: Value,
    pub right: Value,
}

fn eq() -> String {
    "==".to_string()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Drop,
    Reject,
    Return,
    Continue,
    Queue,
    Jump(String),
    Goto(String),
}

/// Statements that act and go on; anything unknown is treated as a possible condition.
const ACTIONS: &[&str] = &[
    "counter",
    "log",
    "mangle",
    "notrack",
    "ct",
    "meta",
    "set",
    "dup",
    "fwd",
    "snat",
    "dnat",
    "masquerade",
    "redirect",
    "tproxy",
    "synproxy",
    "flow",
    "secmark",
];

impl From<Map<String, Value>> for Stmt {
    fn from(map: Map<String, Value>) -> Stmt {
        let Some((key, value)) = map.into_iter().next() else {
            return Stmt::Condition(String::new());
        };
        if let Some(v) = verdict(&key, &value) {
            return Stmt::Verdict(v);
        }
        match key.as_str() {
            "match" => match serde_json::from_value(value) {
                Ok(m) => Stmt::Match(m),
                Err(_) => Stmt::Condition(key),
            },
            "vmap" => match value {
                Value::Object(mut o) => Stmt::Vmap {
                    key: o.remove("key").unwrap_or(Value::Null),
                    data: o.remove("data").unwrap_or(Value::Null),
                },
                _ => Stmt::Condition(key),
            },
            // iptables-nft's compat expressions: a match may stop the rule, a target acts.
            "xt" if value.get("type").and_then(Value::as_str) == Some("target") => {
                Stmt::Action(key)
            }
            k if ACTIONS.contains(&k) => Stmt::Action(key),
            _ => Stmt::Condition(key),
        }
    }
}

/// `{"drop": null}`, `{"jump": {"target": "x"}}`, ...
pub(super) fn verdict(key: &str, value: &Value) -> Option<Verdict> {
    let target = || {
        value
            .get("target")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    Some(match key {
        "accept" => Verdict::Accept,
        "drop" => Verdict::Drop,
        "reject" => Verdict::Reject,
        "return" => Verdict::Return,
        "continue" => Verdict::Continue,
        "queue" => Verdict::Queue,
        "jump" => Verdict::Jump(target()?),
        "goto" => Verdict::Goto(target()?),
        _ => return None,
    })
}

/// A verdict written as a JSON object (a vmap's value).
pub(super) fn verdict_value(value: &Value) -> Option<Verdict> {
    let (k, v) = value.as_object()?.iter().next()?;
    verdict(k, v)
}

/// Parses `nft -j list ruleset`.
pub fn parse_json(text: &str) -> Result<Ruleset, NftError> {
    #[derive(Deserialize)]
    struct Document {
        #[serde(default)]
        nftables: Vec<Map<String, Value>>,
    }
    let doc: Document = serde_json::from_str(text)?;
    let mut out = Ruleset::default();
    for object in doc.nftables {
        let Some((kind, value)) = object.into_iter().next() else {
            continue;
        };
        let ok = match kind.as_str() {
            "table" => serde_json::from_value(value)
                .map(|t| out.tables.push(t))
                .is_ok(),
            "chain" => serde_json::from_value(value)
                .map(|c| out.chains.push(c))
                .is_ok(),
            "set" | "map" => serde_json::from_value(value)
                .map(|s| out.sets.push(s))
                .is_ok(),
            "rule" => {
                let raw = value.get("expr").map(Value::to_string).unwrap_or_default();
                serde_json::from_value::<RuleDef>(value)
                    .map(|r| out.rules.push(RuleDef { raw_expr: raw, ..r }))
                    .is_ok()
            }
            _ => true,
        };
        if !ok {
            out.unreadable += 1;
        }
    }
    Ok(out)
}

/// (family, table, chain, handle) of a rule.
pub type RuleKey = (String, String, String, u64);

/// The rules of `nft -a list ruleset` as nft prints them, by (family, table, chain,
/// handle), without the trailing `# handle N`.
pub fn parse_rule_texts(text: &str) -> HashMap<RuleKey, String> {
    let mut out = HashMap::new();
    let mut table: Option<(String, String)> = None;
    let mut chain: Option<String> = None;
    for line in text.lines() {
        let depth = line.chars().take_while(|c| *c == '\t').count();
        let body = line.trim();
        let (code, handle) = match body.rsplit_once(" # handle ") {
            Some((code, h)) => (code.trim_end(), h.trim().parse::<u64>().ok()),
            None => (body, None),
        };
        let mut words = code.split_whitespace();
        match (depth, words.next()) {
            (0, Some("table")) => {
                let family = words.next().unwrap_or_default().to_string();
                let name = unquote(words.next().unwrap_or_default());
                table = Some((family, name));
                chain = None;
            }
            (1, Some("chain")) => chain = Some(unquote(words.next().unwrap_or_default())),
            (1, Some(_)) => chain = None,
            (2, Some(_)) => {
                if let (Some((family, name)), Some(c), Some(h)) = (&table, &chain, handle) {
                    out.insert(
                        (family.clone(), name.clone(), c.clone(), h),
                        code.to_string(),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim_end_matches('{').trim().trim_matches('"').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = include_str!("../../../../tests/fixtures/server/firewall/nft.json");
    const TEXT: &str = include_str!("../../../../tests/fixtures/server/firewall/nft.txt");

    #[test]
    fn captured_ruleset() {
        let r = parse_json(JSON).unwrap();
        assert_eq!(r.tables.len(), 7);
        assert_eq!(r.unreadable, 0);
        let input = r
            .chains
            .iter()
            .find(|c| c.table == "sdx" && c.name == "input")
            .unwrap();
        assert_eq!(
            (
                input.hook.as_deref(),
                input.priority(),
                input.kind.as_deref()
            ),
            (Some("input"), Some(-10), Some("filter"))
        );
        let blocklist = r.sets.iter().find(|s| s.name == "blocklist").unwrap();
        assert_eq!(blocklist.elem.len(), 2);
        assert_eq!(blocklist.elem[0]["elem"]["val"], "198.51.100.7");
        let rule = r
            .rules
            .iter()
            .find(|r| r.table == "sdx" && r.handle == Some(15))
            .unwrap();
        assert_eq!(rule.comment.as_deref(), Some("abuse ticket 42"));
        assert!(matches!(rule.expr[0], Stmt::Match(_)));
        assert_eq!(rule.expr[2], Stmt::Action("counter".into()));
        assert_eq!(rule.expr[3], Stmt::Verdict(Verdict::Reject));
        let jump = r
            .rules
            .iter()
            .find(|r| r.handle == Some(26) && r.table == "sdx")
            .unwrap();
        assert_eq!(jump.expr[0], Stmt::Verdict(Verdict::Jump("sub".into())));
        let xt = r
            .rules
            .iter()
            .find(|r| r.table == "filter" && r.family == "ip" && r.handle == Some(12))
            .unwrap();
        assert_eq!(xt.expr[0], Stmt::Condition("xt".into()));
        let vmap = r
            .rules
            .iter()
            .find(|r| r.table == "sdx" && r.handle == Some(22))
            .unwrap();
        assert!(matches!(vmap.expr[0], Stmt::Vmap { .. }));
    }

    #[test]
    fn unknown_shapes_do_not_fail() {
        let text = r#"{"nftables": [{"metainfo": {}}, {"flowtable": {"name": "f"}},
            {"rule": {"family": "inet", "table": "t", "chain": "c", "handle": 3,
              "expr": [{"newthing": {"x": 1}}, {"match": {"weird": true}}, {}, {"drop": null}]}},
            {"rule": {"family": 7}}, {"chain": {"name": "no table"}}]}"#;
        let r = parse_json(text).unwrap();
        assert_eq!(r.unreadable, 2);
        assert_eq!(
            r.rules[0].expr,
            [
                Stmt::Condition("newthing".into()),
                Stmt::Condition("match".into()),
                Stmt::Condition(String::new()),
                Stmt::Verdict(Verdict::Drop)
            ]
        );
        assert!(parse_json("not json").is_err());
        assert_eq!(parse_json("{}").unwrap(), Ruleset::default());
    }

    #[test]
    fn rule_texts_by_handle() {
        let texts = parse_rule_texts(TEXT);
        let key = |f: &str, t: &str, c: &str, h| (f.to_string(), t.to_string(), c.to_string(), h);
        assert_eq!(
            texts[&key("inet", "sdx", "input", 12)],
            "ip saddr @blocklist drop"
        );
        assert_eq!(
            texts[&key("inet", "f2b-table", "f2b-chain", 5)],
            "tcp dport { 25, 465, 587 } ip saddr @addr-set-postfix-sasl reject with icmp port-unreachable"
        );
        assert_eq!(
            texts[&key("ip", "filter", "DENYIN", 24)],
            "ip saddr 198.51.100.7 counter packets 0 bytes 0 jump LOGDROPIN"
        );
        // Sets and chain headers are not rules.
        assert!(!texts.keys().any(|k| k.2 == "blocklist"));
        assert_eq!(texts.len(), r_count());
    }

    fn r_count() -> usize {
        parse_json(JSON).unwrap().rules.len()
    }
}
