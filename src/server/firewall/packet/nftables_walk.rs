//! The path of a new incoming TCP connection to 25/465/587 through nftables: every filter
//! base chain on the ingress, prerouting and input hooks of a family that sees the
//! client's packets (ip or ip6, inet, netdev), ordered by hook and priority, following
//! `jump` and `goto` depth-first. A rule whose `ip saddr`/`ip6 saddr` condition holds the
//! client (an address, prefix, range, anonymous set, verdict map or named set) and whose
//! other conditions may hold for that packet is a hit; a named set's member is reported as
//! the set entry, since deleting the member (not the rule) lifts the block.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::net::IpAddr;

use serde_json::Value;

use crate::server::model::{escape_control, Block, BlockSource, Effect};

use super::addr::AddrSpec;
use super::ipset::prefix_len;
use super::nftables::{
    verdict_value, ChainDef, MatchStmt, RuleDef, RuleKey, Ruleset, SetDef, Stmt, Verdict,
};
use super::order::{Hit, Hook, PathKey, Tool};
use super::owner::{self, Owner};
use super::ports::{narrow, PortList, MAIL_PORTS};

/// nft refuses deeper jumps (16); this bounds a damaged listing.
const MAX_DEPTH: usize = 32;

/// What to leave out and how to show rules.
pub struct Inputs<'a> {
    pub client: IpAddr,
    pub now: i64,
    /// (family, table, chain) already reported through iptables-save (iptables-nft).
    pub skip: &'a HashSet<(String, String, String)>,
    /// Rule texts from `nft -a list ruleset`; empty when it could not be read.
    pub texts: &'a HashMap<RuleKey, String>,
}

#[derive(Debug, Default)]
pub struct Walked {
    pub hits: Vec<Hit>,
    /// Hits that are rules (the rest are set members).
    pub rule_hits: usize,
    /// Base chains left to iptables-save, as `family table`.
    pub skipped_tables: Vec<String>,
}

fn hook(name: &str) -> Option<Hook> {
    match name {
        "ingress" => Some(Hook::Ingress),
        "prerouting" => Some(Hook::Prerouting),
        "input" => Some(Hook::Input),
        _ => None,
    }
}

fn sees_family(family: &str, v6: bool) -> bool {
    match family {
        "inet" | "netdev" => true,
        "ip" => !v6,
        "ip6" => v6,
        _ => false,
    }
}

pub fn walk(rules: &Ruleset, inputs: &Inputs<'_>) -> Walked {
    let v6 = inputs.client.is_ipv6();
    let mut bases: Vec<(&ChainDef, Hook, i64)> = rules
        .chains
        .iter()
        .filter(|c| c.kind.as_deref() == Some("filter") && sees_family(&c.family, v6))
        .filter_map(|c| Some((c, hook(c.hook.as_deref()?)?, c.priority().unwrap_or(0))))
        .collect();
    bases.sort_by(|a, b| {
        (a.1, a.2, &a.0.family, &a.0.table, &a.0.name).cmp(&(
            b.1,
            b.2,
            &b.0.family,
            &b.0.table,
            &b.0.name,
        ))
    });
    let mut w = Walker {
        rules,
        inputs,
        v6,
        out: Walked::default(),
        seq: 0,
        seen: HashSet::new(),
        met: HashSet::new(),
    };
    for (chain, hook, priority) in bases {
        let key = (
            chain.family.clone(),
            chain.table.clone(),
            chain.name.clone(),
        );
        if inputs.skip.contains(&key) {
            let t = format!("{} {}", chain.family, chain.table);
            if !w.out.skipped_tables.contains(&t) {
                w.out.skipped_tables.push(t);
            }
            continue;
        }
        let path = PathKey {
            hook,
            priority,
            tool: Tool::Nftables,
            base: format!("nft {} {} {}", chain.family, chain.table, chain.name),
        };
        w.chain(chain, &path, &chain.name, 0, &[]);
    }
    w.leftovers();
    w.out
}

/// How a rule's source conditions relate to the client.
enum Source<'a> {
    Everyone,
    /// An address, prefix, range or anonymous set element holding the client (or, with
    /// `!=`, one that does not).
    Address(String),
    /// A named set's members holding the client (all must go to lift the block).
    Entry {
        set: &'a SetDef,
        elems: Vec<&'a Value>,
    },
    /// `saddr != @set` and the client is not in the set.
    NotInSet(&'a SetDef),
    NotClient,
    /// A named set the listing does not have: cannot tell.
    Unknown,
}

struct Eval<'a> {
    source: Source<'a>,
    /// `None`: the rule cannot match a new TCP connection to a mail port.
    ports: Option<Vec<u16>>,
    /// The rule's own destination ports, for sets used off the path.
    listed_ports: Vec<u16>,
    verdict: Option<Verdict>,
    /// Jumps a `tcp dport vmap` takes for mail ports, with those ports.
    port_jumps: Vec<(Vec<u16>, Verdict)>,
    /// Any condition at all (for "what does this chain do to everyone").
    conditional: bool,
}

struct Walker<'a> {
    rules: &'a Ruleset,
    inputs: &'a Inputs<'a>,
    v6: bool,
    out: Walked,
    seq: u32,
    seen: HashSet<(String, String, String, usize)>,
    /// (family, table, set, element text) of members the path meets.
    met: HashSet<(String, String, String, String)>,
}

/// The text of a set element or match value as nft writes it (`198.51.100.0/24`,
/// `203.0.113.10-203.0.113.20`).
pub fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => {
            if let Some(p) = o.get("prefix") {
                Some(format!(
                    "{}/{}",
                    p.get("addr")?.as_str()?,
                    p.get("len")?.as_u64()?
                ))
            } else if let Some(Value::Array(r)) = o.get("range") {
                Some(format!(
                    "{}-{}",
                    value_text(r.first()?)?,
                    value_text(r.get(1)?)?
                ))
            } else if let Some(e) = o.get("elem") {
                value_text(e.get("val")?)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Every address, network or range a rule's `ip saddr`/`ip6 saddr` names (literals and
/// anonymous sets) and every element of an address set or map, as written: the addresses
/// nftables may block, whoever asks.
pub fn source_values(rules: &Ruleset) -> Vec<String> {
    let mut out = Vec::new();
    for set in &rules.sets {
        for e in &set.elem {
            let key = if set.map.is_some() {
                e.as_array().and_then(|a| a.first())
            } else {
                Some(e)
            };
            if let Some(t) = key.and_then(value_text) {
                out.push(t);
            }
        }
    }
    for rule in &rules.rules {
        for stmt in &rule.expr {
            let Stmt::Match(m) = stmt else { continue };
            if m.op == "!=" || !matches!(field(&m.left), Field::Saddr { .. }) {
                continue;
            }
            match &m.right {
                Value::String(s) if s.starts_with('@') => {}
                Value::Object(o) if o.contains_key("set") => {
                    if let Some(Value::Array(items)) = o.get("set") {
                        out.extend(items.iter().filter_map(value_text));
                    }
                }
                v => out.extend(value_text(v)),
            }
        }
    }
    out
}

fn holds(v: &Value, client: IpAddr) -> bool {
    value_text(v)
        .and_then(|t| AddrSpec::parse(&t))
        .is_some_and(|s| s.contains(client))
}

/// Ports of a match's right side: a number, a range, an anonymous set of those.
fn ports(v: &Value) -> Option<PortList> {
    let mut list = PortList::default();
    let items: Vec<&Value> = match v.get("set") {
        Some(Value::Array(items)) => items.iter().collect(),
        _ => vec![v],
    };
    for item in items {
        match item {
            Value::Number(n) => {
                let p = u16::try_from(n.as_u64()?).ok()?;
                list.ranges.push((p, p));
            }
            Value::String(_) | Value::Object(_) => {
                let text = value_text(item)?;
                list.ranges.extend(PortList::parse(&text)?.ranges);
            }
            _ => return None,
        }
    }
    Some(list)
}

/// Strings (or numbers) of a right side: `"tcp"`, `["established", "related"]`,
/// `{"set": ["tcp", "udp"]}`.
fn words(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Array(a) => a.iter().flat_map(words).collect(),
        Value::Object(o) => o.get("set").map(words).unwrap_or_default(),
        _ => Vec::new(),
    }
}

enum Field {
    Saddr { v6: bool },
    Dport { tcp: bool },
    Sport { tcp: bool },
    L4proto,
    Iif,
    CtState,
    Nfproto,
    Other,
}

fn field(left: &Value) -> Field {
    if let Some(p) = left.get("payload") {
        let proto = p
            .get("protocol")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let name = p.get("field").and_then(Value::as_str).unwrap_or_default();
        // `th` is any transport header: it holds for TCP too.
        let tcp = matches!(proto, "tcp" | "th");
        return match (proto, name) {
            ("ip", "saddr") => Field::Saddr { v6: false },
            ("ip6", "saddr") => Field::Saddr { v6: true },
            ("ip", "protocol") | ("ip6", "nexthdr") => Field::L4proto,
            (_, "dport") => Field::Dport { tcp },
            (_, "sport") => Field::Sport { tcp },
            _ => Field::Other,
        };
    }
    if let Some(m) = left.get("meta") {
        return match m.get("key").and_then(Value::as_str) {
            Some("l4proto") => Field::L4proto,
            Some("iifname" | "iif") => Field::Iif,
            Some("nfproto") => Field::Nfproto,
            _ => Field::Other,
        };
    }
    if left
        .get("ct")
        .and_then(|c| c.get("key"))
        .and_then(Value::as_str)
        == Some("state")
    {
        return Field::CtState;
    }
    Field::Other
}

impl<'a> Walker<'a> {
    fn set(&self, family: &str, table: &str, name: &str) -> Option<&'a SetDef> {
        self.rules
            .sets
            .iter()
            .find(|s| s.family == family && s.table == table && s.name == name)
    }

    fn chain_def(&self, family: &str, table: &str, name: &str) -> Option<&'a ChainDef> {
        self.rules
            .chains
            .iter()
            .find(|c| c.family == family && c.table == table && c.name == name)
    }

    fn chain_rules(&self, chain: &ChainDef) -> impl Iterator<Item = &'a RuleDef> + 'a {
        let (f, t, n) = (
            chain.family.clone(),
            chain.table.clone(),
            chain.name.clone(),
        );
        self.rules
            .rules
            .iter()
            .filter(move |r| r.family == f && r.table == t && r.chain == n)
    }

    /// The members of a set (or map keys) that hold the client, most specific first (hash
    /// sets list in hash order).
    fn members_of(&self, set: &'a SetDef) -> Vec<&'a Value> {
        let key = |e: &'a Value| -> Option<&'a Value> {
            if set.map.is_some() {
                e.as_array().and_then(|a| a.first())
            } else {
                Some(e)
            }
        };
        let mut found: Vec<(String, &'a Value)> = set
            .elem
            .iter()
            .filter_map(|e| {
                let k = key(e)?;
                holds(k, self.inputs.client).then(|| (value_text(k).unwrap_or_default(), e))
            })
            .collect();
        found.sort_by(|a, b| {
            prefix_len(&b.0)
                .cmp(&prefix_len(&a.0))
                .then_with(|| a.0.cmp(&b.0))
        });
        found.into_iter().map(|(_, e)| e).collect()
    }

    fn saddr(&self, rule: &'a RuleDef, m: &MatchStmt, v6: bool) -> Source<'a> {
        if v6 != self.v6 {
            return Source::NotClient;
        }
        let negated = m.op == "!=";
        if !negated && m.op != "==" && m.op != "in" {
            return Source::Unknown;
        }
        let found: Option<Source<'a>> = match &m.right {
            Value::String(s) if s.starts_with('@') => {
                let Some(set) = self.set(&rule.family, &rule.table, &s[1..]) else {
                    return Source::Unknown;
                };
                let elems = self.members_of(set);
                match (elems.is_empty(), negated) {
                    (false, false) => Some(Source::Entry { set, elems }),
                    (true, true) => return Source::NotInSet(set),
                    _ => None,
                }
            }
            Value::Object(o) if o.contains_key("set") => match o.get("set") {
                Some(Value::Array(items)) => items
                    .iter()
                    .find(|i| holds(i, self.inputs.client))
                    .and_then(value_text)
                    .map(Source::Address),
                _ => None,
            },
            v => value_text(v)
                .filter(|_| holds(v, self.inputs.client))
                .map(Source::Address),
        };
        match (found, negated) {
            (Some(s), false) => s,
            (None, true) => Source::Address(format!(
                "!= {}",
                value_text(&m.right).unwrap_or_else(|| m.right.to_string())
            )),
            _ => Source::NotClient,
        }
    }

    fn eval(&self, rule: &'a RuleDef) -> Eval<'a> {
        let mut e = Eval {
            source: Source::Everyone,
            ports: Some(Vec::new()),
            listed_ports: Vec::new(),
            verdict: None,
            port_jumps: Vec::new(),
            conditional: false,
        };
        for stmt in &rule.expr {
            match stmt {
                Stmt::Match(m) => {
                    e.conditional = true;
                    let negated = m.op == "!=";
                    match field(&m.left) {
                        Field::Saddr { v6 } => {
                            let s = self.saddr(rule, m, v6);
                            e.source =
                                combine(std::mem::replace(&mut e.source, Source::Everyone), s);
                        }
                        Field::Dport { tcp } => {
                            if !tcp {
                                e.ports = None;
                                continue;
                            }
                            // A named port set (`@ports`) may hold a mail port: no limit known.
                            if let Some(list) = ports(&m.right) {
                                if !negated {
                                    e.listed_ports = list.listed();
                                }
                                let mail = list.mail_ports(negated);
                                if mail.is_empty() {
                                    e.ports = None;
                                } else if let Some(p) = &mut e.ports {
                                    if !(negated && mail.len() == MAIL_PORTS.len()) {
                                        *p = mail;
                                    }
                                }
                            }
                        }
                        Field::Sport { tcp } => {
                            let ok = tcp
                                && ports(&m.right).is_none_or(|l| l.may_hold_client_port(negated));
                            if !ok {
                                e.ports = None;
                            }
                        }
                        Field::L4proto => {
                            let w = words(&m.right);
                            let tcp = w.iter().any(|p| p == "tcp" || p == "6");
                            if tcp == negated {
                                e.ports = None;
                            }
                        }
                        Field::Iif => {
                            let lo = words(&m.right).iter().any(|i| i == "lo");
                            if lo != negated {
                                e.ports = None;
                            }
                        }
                        Field::CtState => {
                            // The connection's first packet is `new`.
                            let new = words(&m.right).iter().any(|s| s == "new");
                            if new == negated {
                                e.ports = None;
                            }
                        }
                        Field::Nfproto => {
                            let want = if self.v6 { "ipv6" } else { "ipv4" };
                            let hit = words(&m.right).iter().any(|f| f == want);
                            if hit == negated {
                                e.ports = None;
                            }
                        }
                        Field::Other => {}
                    }
                }
                Stmt::Vmap { key, data } => {
                    e.conditional = true;
                    self.vmap(rule, key, data, &mut e);
                }
                Stmt::Verdict(v) => {
                    e.verdict = Some(v.clone());
                    break;
                }
                Stmt::Condition(_) => e.conditional = true,
                Stmt::Action(_) => {}
            }
        }
        e
    }

    /// `ip saddr vmap { ADDR : VERDICT }` decides by the client's address;
    /// `tcp dport vmap { 25 : jump smtp }` sends mail ports to chains worth walking.
    fn vmap(&self, rule: &'a RuleDef, key: &Value, data: &'a Value, e: &mut Eval<'a>) {
        let pairs: Vec<&'a Value> = match data {
            Value::String(s) if s.starts_with('@') => {
                match self.set(&rule.family, &rule.table, &s[1..]) {
                    Some(map) => map.elem.iter().collect(),
                    None => Vec::new(),
                }
            }
            _ => match data.get("set") {
                Some(Value::Array(items)) => items.iter().collect(),
                _ => Vec::new(),
            },
        };
        let pair = |p: &'a Value| -> Option<(&'a Value, Verdict)> {
            let a = p.as_array()?;
            Some((a.first()?, verdict_value(a.get(1)?)?))
        };
        match field(key) {
            Field::Saddr { v6 } if v6 == self.v6 => {
                match pairs
                    .into_iter()
                    .filter_map(pair)
                    .find(|(k, _)| holds(k, self.inputs.client))
                {
                    Some((k, v)) => {
                        e.source = Source::Address(value_text(k).unwrap_or_default());
                        e.verdict = Some(v);
                    }
                    None => e.source = Source::NotClient,
                }
            }
            Field::Saddr { .. } => e.source = Source::NotClient,
            Field::Dport { tcp: true } => {
                for (k, v) in pairs.into_iter().filter_map(pair) {
                    let mail = ports(k).map(|l| l.mail_ports(false)).unwrap_or_default();
                    if !mail.is_empty() && matches!(v, Verdict::Jump(_) | Verdict::Goto(_)) {
                        e.port_jumps.push((mail, v));
                    }
                }
            }
            _ => {}
        }
    }

    /// Walks `chain`; `outer` are the mail ports the jumps that led here allow (empty:
    /// every port).
    fn chain(
        &mut self,
        chain: &'a ChainDef,
        path: &PathKey,
        base: &str,
        depth: usize,
        outer: &[u16],
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let rules: Vec<&'a RuleDef> = self.chain_rules(chain).collect();
        for (i, rule) in rules.into_iter().enumerate() {
            let key = (
                rule.family.clone(),
                rule.table.clone(),
                rule.chain.clone(),
                i,
            );
            if !self.seen.insert(key) {
                continue;
            }
            let e = self.eval(rule);
            let Some(ports) = e.ports.as_deref().and_then(|p| narrow(outer, p)) else {
                continue;
            };
            if matches!(e.source, Source::NotClient | Source::Unknown) {
                continue;
            }
            if !matches!(e.source, Source::Everyone) {
                self.hit(rule, &e, ports.clone(), path, base);
            }
            let mut next: Vec<(Vec<u16>, &Verdict)> = Vec::new();
            for (p, v) in &e.port_jumps {
                if let Some(p) = narrow(&ports, p) {
                    next.push((p, v));
                }
            }
            if let Some(v) = &e.verdict {
                next.push((ports.clone(), v));
            }
            for (p, v) in next {
                if let Verdict::Jump(t) | Verdict::Goto(t) = v {
                    if let Some(c) = self.chain_def(&rule.family, &rule.table, t) {
                        self.chain(c, path, base, depth + 1, &p);
                    }
                }
            }
        }
    }

    /// What a chain does to every packet: its first unconditional verdict.
    fn chain_effect(&self, family: &str, table: &str, name: &str, depth: usize) -> Option<Effect> {
        let chain = self.chain_def(family, table, name)?;
        if depth > MAX_DEPTH {
            return None;
        }
        for rule in self.chain_rules(chain) {
            let e = self.eval(rule);
            if e.conditional {
                continue;
            }
            match &e.verdict {
                Some(Verdict::Jump(t) | Verdict::Goto(t)) => {
                    if let Some(effect) = self.chain_effect(family, table, t, depth + 1) {
                        return Some(effect);
                    }
                }
                Some(Verdict::Return) => return None,
                Some(v) => return Some(verdict_effect(v)),
                None => {}
            }
        }
        None
    }

    fn effect(&self, rule: &RuleDef, v: Option<&Verdict>) -> Effect {
        match v {
            Some(Verdict::Jump(t) | Verdict::Goto(t)) => self
                .chain_effect(&rule.family, &rule.table, t, 1)
                .unwrap_or(Effect::Other),
            Some(v) => verdict_effect(v),
            None => Effect::Other,
        }
    }

    fn rule_text(&self, rule: &RuleDef) -> String {
        let key = rule.handle.map(|h| {
            (
                rule.family.clone(),
                rule.table.clone(),
                rule.chain.clone(),
                h,
            )
        });
        match key.and_then(|k| self.inputs.texts.get(&k)) {
            Some(t) => t.clone(),
            None => rule.raw_expr.clone(),
        }
    }

    /// `nft insert rule FAMILY TABLE BASE ip saddr IP tcp dport { 25, 465, 587 } accept`:
    /// `insert` puts it first in the base chain the packet entered by, ahead of the block;
    /// an accept ends only its own base chain, so it must be in the same one.
    fn allow_command(&self, rule: &RuleDef, base: &str) -> Vec<String> {
        let ip = self.inputs.client.to_string();
        let proto = if self.v6 { "ip6" } else { "ip" };
        super::commands(&[
            "nft",
            "insert",
            "rule",
            &rule.family,
            &rule.table,
            base,
            proto,
            "saddr",
            &ip,
            "tcp",
            "dport",
            "{ 25, 465, 587 }",
            "accept",
        ])
    }

    fn hit(
        &mut self,
        rule: &'a RuleDef,
        e: &Eval<'a>,
        ports: Vec<u16>,
        path: &PathKey,
        base: &str,
    ) {
        let effect = self.effect(rule, e.verdict.as_ref());
        let blocks = matches!(effect, Effect::Drop | Effect::Reject);
        self.seq += 1;
        let seq = self.seq;
        let allow = if blocks {
            self.allow_command(rule, base)
        } else {
            Vec::new()
        };
        match &e.source {
            Source::Entry { set, elems } => {
                for elem in elems {
                    let text = value_text(elem).unwrap_or_default();
                    self.met.insert((
                        set.family.clone(),
                        set.table.clone(),
                        set.name.clone(),
                        text,
                    ));
                    let block = self.entry_block(set, elem, effect, ports.clone(), allow.clone());
                    self.out.hits.push(Hit {
                        path: Some(path.clone()),
                        seq,
                        tool: "nftables",
                        entry: true,
                        block,
                    });
                }
            }
            Source::Address(_) | Source::NotInSet(_) => {
                let handle = rule.handle.map_or_else(|| "?".into(), |h| h.to_string());
                let (matched, unblock) = match &e.source {
                    // Deleting an "everyone not on this list" rule would open the door to
                    // all; putting the client on the list is the narrow fix.
                    Source::NotInSet(set) => (
                        format!("!= @{}", set.name),
                        super::commands(&[
                            "nft",
                            "add",
                            "element",
                            &set.family,
                            &set.table,
                            &set.name,
                            &format!("{{ {} }}", self.inputs.client),
                        ]),
                    ),
                    Source::Address(m) => (
                        m.clone(),
                        match rule.handle {
                            Some(h) => super::commands(&[
                                "nft",
                                "delete",
                                "rule",
                                &rule.family,
                                &rule.table,
                                &rule.chain,
                                "handle",
                                &h.to_string(),
                            ]),
                            None => Vec::new(),
                        },
                    ),
                    _ => (String::new(), Vec::new()),
                };
                let unblock = if blocks { unblock } else { Vec::new() };
                let block = Block {
                    id: String::new(),
                    source: BlockSource::Nftables,
                    location: escape_control(&format!(
                        "{} {}/{} handle {handle}",
                        rule.family, rule.table, rule.chain
                    )),
                    rule: escape_control(&self.rule_text(rule)),
                    reason: rule.comment.as_deref().map(escape_control),
                    since: None,
                    until: None,
                    unblock,
                    allow,
                    effect,
                    made_by: None,
                    matched: escape_control(&matched),
                    ports,
                    order: 0,
                };
                self.out.rule_hits += 1;
                self.out.hits.push(Hit {
                    path: Some(path.clone()),
                    seq,
                    tool: "nftables",
                    entry: false,
                    block,
                });
            }
            Source::Everyone | Source::NotClient | Source::Unknown => {}
        }
    }

    fn entry_block(
        &self,
        set: &SetDef,
        elem: &Value,
        effect: Effect,
        ports: Vec<u16>,
        allow: Vec<String>,
    ) -> Block {
        let key = if set.map.is_some() {
            elem.as_array().and_then(|a| a.first()).unwrap_or(elem)
        } else {
            elem
        };
        let text = value_text(key).unwrap_or_default();
        let details = key.get("elem");
        let num = |k: &str| details.and_then(|d| d.get(k)).and_then(Value::as_u64);
        let mut shown = text.clone();
        if let Some(t) = num("timeout") {
            let _ = write!(shown, " timeout {t}s");
        }
        if let Some(t) = num("expires") {
            let _ = write!(shown, " expires {t}s");
        }
        let comment = details
            .and_then(|d| d.get("comment"))
            .and_then(Value::as_str);
        let owner = owner::fail2ban_nft_set(&set.table, &set.name);
        let blocks = matches!(effect, Effect::Drop | Effect::Reject | Effect::Deny);
        let unblock = match &owner {
            _ if effect == Effect::Allow => Vec::new(),
            Some(o) => o.unblock(&text),
            None => super::commands(&[
                "nft",
                "delete",
                "element",
                &set.family,
                &set.table,
                &set.name,
                &format!("{{ {text} }}"),
            ]),
        };
        let allow = match &owner {
            _ if !blocks => Vec::new(),
            Some(o) => o.allow(self.inputs.client),
            None => allow,
        };
        Block {
            id: String::new(),
            source: BlockSource::Nftables,
            location: escape_control(&format!("{} {} set {}", set.family, set.table, set.name)),
            rule: escape_control(&shown),
            reason: comment.map(escape_control),
            since: None,
            until: num("expires").and_then(|t| super::until(self.inputs.now, t)),
            unblock,
            allow,
            effect,
            made_by: owner.as_ref().map(Owner::made_by),
            matched: escape_control(&text),
            ports,
            order: 0,
        }
    }

    /// Named-set members holding the client that no rule on the path met: listed as not
    /// blocking, with the ports of the rules elsewhere that use the set. Sets only used for
    /// destination addresses are left out.
    fn leftovers(&mut self) {
        let mut uses: HashMap<(String, String, String), (bool, Vec<u16>)> = HashMap::new();
        for rule in &self.rules.rules {
            for stmt in &rule.expr {
                let Stmt::Match(m) = stmt else { continue };
                let Some(name) = m.right.as_str().and_then(|s| s.strip_prefix('@')) else {
                    continue;
                };
                let entry = uses
                    .entry((rule.family.clone(), rule.table.clone(), name.to_string()))
                    .or_default();
                if matches!(field(&m.left), Field::Saddr { .. }) {
                    entry.0 = true;
                    let listed = self.eval(rule).listed_ports;
                    for p in listed {
                        if !entry.1.contains(&p) {
                            entry.1.push(p);
                        }
                    }
                }
            }
        }
        for set in &self.rules.sets {
            let key = (set.family.clone(), set.table.clone(), set.name.clone());
            let family = matches!(set.family.as_str(), "ip" | "ip6" | "inet" | "netdev");
            let (by_source, ports) = match uses.get(&key) {
                Some((by_source, ports)) => (*by_source, ports.clone()),
                None => (true, Vec::new()),
            };
            if !family || !by_source || set.map.is_some() {
                continue;
            }
            for elem in self.members_of(set) {
                let text = value_text(elem).unwrap_or_default();
                let member = (key.0.clone(), key.1.clone(), key.2.clone(), text);
                if self.met.contains(&member) {
                    continue;
                }
                let block = self.entry_block(set, elem, Effect::Other, ports.clone(), Vec::new());
                self.seq += 1;
                self.out.hits.push(Hit {
                    path: None,
                    seq: self.seq,
                    tool: "nftables",
                    entry: true,
                    block,
                });
            }
        }
    }
}

/// Both source conditions must hold: "not the client" wins, then "cannot tell"; a set
/// member is the entry worth reporting over a plain address.
fn combine<'a>(old: Source<'a>, new: Source<'a>) -> Source<'a> {
    match (old, new) {
        (Source::NotClient, _) | (_, Source::NotClient) => Source::NotClient,
        (Source::Unknown, _) | (_, Source::Unknown) => Source::Unknown,
        (o @ Source::Entry { .. }, _) => o,
        (_, n) => n,
    }
}

fn verdict_effect(v: &Verdict) -> Effect {
    match v {
        Verdict::Accept => Effect::Allow,
        Verdict::Drop => Effect::Drop,
        Verdict::Reject => Effect::Reject,
        _ => Effect::Other,
    }
}

#[cfg(test)]
mod tests;
