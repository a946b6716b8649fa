//! The path of a new incoming TCP connection to 25/465/587 through an iptables ruleset:
//! raw PREROUTING, mangle PREROUTING and INPUT, filter INPUT, security INPUT (nat cannot
//! block), descending depth-first into the chains rules jump or go to. Every rule whose
//! source condition holds the client (and whose other conditions may hold for that
//! packet) is a hit; rules for everyone and chain policies are not. Rules after the
//! client's first verdict are still listed: [`super::order`] tells which one decides.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use crate::server::model::{escape_control, Block, BlockSource, Effect};

use super::addr::{plain, text_contains};
use super::ipset::{self, EntryUse, IpSet, Member};
use super::iptables::{Chain, Neg, Rule, Ruleset, Table};
use super::order::{Hit, Hook, PathKey, Tool};
use super::owner::{self, Owner};
use super::ports::{narrow, MAIL_PORTS};

/// Which iptables binary family a ruleset came from; names its commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backend {
    pub v6: bool,
    pub legacy: bool,
}

impl Backend {
    /// The command that changes this ruleset, also the `sources[]` name.
    pub fn program(self) -> &'static str {
        match (self.v6, self.legacy) {
            (false, false) => "iptables",
            (true, false) => "ip6tables",
            (false, true) => "iptables-legacy",
            (true, true) => "ip6tables-legacy",
        }
    }

    pub fn save_program(self) -> &'static str {
        match (self.v6, self.legacy) {
            (false, false) => "iptables-save",
            (true, false) => "ip6tables-save",
            (false, true) => "iptables-legacy-save",
            (true, true) => "ip6tables-legacy-save",
        }
    }

    fn tool(self) -> Tool {
        if self.legacy {
            Tool::IptablesLegacy
        } else {
            Tool::Iptables
        }
    }
}

/// Where a packet enters iptables' tables, in netfilter's order (hook, priority).
const ENTRY_POINTS: [(&str, &str, Hook, i64); 5] = [
    ("raw", "PREROUTING", Hook::Prerouting, -300),
    ("mangle", "PREROUTING", Hook::Prerouting, -150),
    ("mangle", "INPUT", Hook::Input, -150),
    ("filter", "INPUT", Hook::Input, 0),
    ("security", "INPUT", Hook::Input, 50),
];

/// iptables refuses loops; this only bounds a hand-made or damaged listing.
const MAX_DEPTH: usize = 32;

/// What the walk found: the client's rules (and set entries the path uses) and, for sets
/// holding the client, how rules elsewhere use them.
#[derive(Debug, Default)]
pub struct Walked {
    pub hits: Vec<Hit>,
    /// Rule hits (not set entries) from this ruleset.
    pub rule_hits: usize,
    /// (set, member) the packet's path meets.
    pub met: HashSet<(String, String)>,
    /// Sets holding the client that any rule of the ruleset uses (on the packet's path or
    /// not: FORWARD, OUTPUT, other ports), with those rules' destination ports.
    pub used_by_rules: HashMap<String, Vec<u16>>,
}

/// Walks `rules` for a packet from `client`, looking set members up in `sets` (`None`:
/// ipset could not be read, so set matches are unknown).
pub fn walk(
    rules: &Ruleset,
    backend: Backend,
    client: IpAddr,
    sets: Option<&[IpSet]>,
    now: i64,
) -> Walked {
    let mut w = Walker {
        backend,
        client,
        sets,
        now,
        out: Walked::default(),
        seq: 0,
        seen: HashSet::new(),
    };
    for (table_name, chain_name, hook, priority) in ENTRY_POINTS {
        let Some(table) = rules.table(table_name) else {
            continue;
        };
        let Some(chain) = table.chain(chain_name) else {
            continue;
        };
        let path = PathKey {
            hook,
            priority,
            tool: backend.tool(),
            base: format!("{} {table_name} {chain_name}", backend.program()),
        };
        let at = Place {
            table,
            base: chain_name,
            path,
        };
        w.chain(&at, chain, owner::csf_chain(chain_name), 0, &[]);
    }
    // Rules anywhere (FORWARD, OUTPUT, chains the path never reaches, rules whose ports
    // are not mail ports) tell what a set is for, also for members the path does not meet.
    for rule in rules
        .tables
        .iter()
        .flat_map(|t| &t.chains)
        .flat_map(|c| &c.rules)
    {
        for m in rule.sets.iter().filter(|m| !m.negated) {
            let holds = w.set(&m.name).is_some_and(|s| !s.matching.is_empty());
            if holds {
                let ports = w.out.used_by_rules.entry(m.name.clone()).or_default();
                for p in listed_dports(rule) {
                    if !ports.contains(&p) {
                        ports.push(p);
                    }
                }
            }
        }
    }
    w.out
}

fn listed_dports(rule: &Rule) -> Vec<u16> {
    match &rule.dports {
        Some(Neg {
            negated: false,
            value: Some(list),
        }) => list.listed(),
        _ => Vec::new(),
    }
}

struct Place<'a> {
    table: &'a Table,
    /// The built-in chain the packet entered by.
    base: &'static str,
    path: PathKey,
}

struct Walker<'a> {
    backend: Backend,
    client: IpAddr,
    sets: Option<&'a [IpSet]>,
    now: i64,
    out: Walked,
    seq: u32,
    /// (table, chain, rule index): a chain reached twice is listed once.
    seen: HashSet<(String, String, usize)>,
}

/// How a rule's source conditions relate to the client.
enum Source<'a> {
    /// No source condition: the rule is for everyone.
    Everyone,
    /// An address, network or range that holds the client (`matched`), or a negated one
    /// that does not.
    Address {
        matched: String,
    },
    /// Members of a set holding the client (all of them must go to lift the block).
    Entry {
        set: &'a IpSet,
        members: Vec<&'a Member>,
    },
    /// `! --match-set NAME src` and the client is not in NAME.
    NotInSet {
        name: String,
    },
    NotClient,
    /// A set ipset did not show: cannot tell.
    Unknown,
}

/// What a rule's target does.
enum Target<'a> {
    Verdict(Effect),
    Return,
    Chain(&'a Chain),
    /// LOG, MARK, CT and other extensions: the packet goes on.
    Continue,
}

fn target<'a>(table: &'a Table, rule: &Rule) -> Target<'a> {
    let Some(t) = rule.target.as_deref() else {
        return Target::Continue;
    };
    match t {
        "ACCEPT" => Target::Verdict(Effect::Allow),
        // TARPIT holds the connection open: the client sees a time-out, as with DROP.
        "DROP" | "TARPIT" => Target::Verdict(Effect::Drop),
        "REJECT" => Target::Verdict(Effect::Reject),
        "QUEUE" | "NFQUEUE" => Target::Verdict(Effect::Other),
        "RETURN" => Target::Return,
        name => match table.chain(name) {
            Some(c) => Target::Chain(c),
            None => Target::Continue,
        },
    }
}

/// What a chain does to every packet that reaches its end of unconditional rules: the
/// first unconditional verdict (CSF's LOGDROPIN logs, then drops everything), `None` when
/// the packet comes back.
fn chain_effect(table: &Table, chain: &Chain, depth: usize) -> Option<Effect> {
    if depth > MAX_DEPTH {
        return None;
    }
    for rule in chain.rules.iter().filter(|r| r.unconditional()) {
        match target(table, rule) {
            Target::Verdict(e) => return Some(e),
            Target::Return => return None,
            Target::Chain(c) => {
                if let Some(e) = chain_effect(table, c, depth + 1) {
                    return Some(e);
                }
            }
            Target::Continue => {}
        }
    }
    None
}

fn rule_effect(table: &Table, rule: &Rule) -> Effect {
    match target(table, rule) {
        Target::Verdict(e) => e,
        Target::Chain(c) => chain_effect(table, c, 1).unwrap_or(Effect::Other),
        Target::Return | Target::Continue => Effect::Other,
    }
}

/// Could the rule's conditions other than the source hold for a new TCP connection from
/// the client to a mail port? `Some(ports)`: yes, for those ports (empty: every port).
fn applies(rule: &Rule) -> Option<Vec<u16>> {
    if let Some(p) = &rule.proto {
        let tcp_or_all = matches!(p.value.as_str(), "tcp" | "6" | "all" | "0");
        if tcp_or_all == p.negated {
            return None;
        }
    }
    if let Some(i) = &rule.in_iface {
        // A remote client never arrives on the loopback interface.
        let lo = i.value == "lo" || i.value == "lo+";
        if lo != i.negated {
            return None;
        }
    }
    if let Some(s) = &rule.ctstate {
        // The connection's first packet is NEW.
        if s.value.iter().any(|v| v == "NEW") == s.negated {
            return None;
        }
    }
    if rule.syn == Some(false) || rule.fragment == Some(true) {
        return None;
    }
    if let Some(Neg {
        negated,
        value: Some(list),
    }) = &rule.sports
    {
        if !list.may_hold_client_port(*negated) {
            return None;
        }
    }
    match &rule.dports {
        Some(Neg {
            negated,
            value: Some(list),
        }) => {
            let ports = list.mail_ports(*negated);
            if ports.is_empty() {
                return None;
            }
            if ports.len() == MAIL_PORTS.len() && *negated {
                // `! --dport 22`: every mail port, no restriction worth showing.
                return Some(Vec::new());
            }
            Some(ports)
        }
        _ => Some(Vec::new()),
    }
}

impl<'a> Walker<'a> {
    fn set(&self, name: &str) -> Option<&'a IpSet> {
        self.sets?.iter().find(|s| s.name == name)
    }

    fn source(&self, rule: &Rule) -> Source<'a> {
        let mut found = Source::Everyone;
        if let Some(s) = &rule.sources {
            let hit = s.value.iter().find(|a| text_contains(a, self.client));
            match (hit, s.negated) {
                (Some(a), false) => found = Source::Address { matched: plain(a) },
                (None, true) => {
                    found = Source::Address {
                        matched: format!("! {}", s.value.join(",")),
                    }
                }
                _ => return Source::NotClient,
            }
        }
        if let Some(r) = &rule.src_range {
            match (text_contains(&r.value, self.client), r.negated) {
                (true, false) => {
                    found = Source::Address {
                        matched: r.value.clone(),
                    }
                }
                (false, true) => {
                    found = Source::Address {
                        matched: format!("! {}", r.value),
                    }
                }
                _ => return Source::NotClient,
            }
        }
        let mut unknown = false;
        for m in &rule.sets {
            if m.flags.first().map(String::as_str) != Some("src") {
                continue;
            }
            let Some(set) = self.set(&m.name) else {
                unknown = true;
                continue;
            };
            let members = set.lookup(&m.flags);
            match (members.is_empty(), m.negated) {
                (false, false) => found = Source::Entry { set, members },
                (true, true) => {
                    if matches!(found, Source::Everyone) {
                        found = Source::NotInSet {
                            name: m.name.clone(),
                        }
                    }
                }
                _ => return Source::NotClient,
            }
        }
        if unknown {
            Source::Unknown
        } else {
            found
        }
    }

    /// A rule whose `-s` names only other addresses: `source` would say `NotClient`, so it
    /// is passed over without more work (a chain of thousands of bans, walked for each of
    /// thousands of addresses by the audit).
    fn for_another_address(&self, rule: &Rule) -> bool {
        match (&rule.sources, &rule.source_specs) {
            (Some(s), Some(specs)) if !s.negated => {
                !specs.iter().any(|spec| spec.contains(self.client))
            }
            _ => false,
        }
    }

    /// Walks `chain`; `outer` are the mail ports the jumps that led here allow (empty:
    /// every port).
    fn chain(&mut self, at: &Place<'a>, chain: &'a Chain, csf: bool, depth: usize, outer: &[u16]) {
        if depth > MAX_DEPTH {
            return;
        }
        for (i, rule) in chain.rules.iter().enumerate() {
            if self.for_another_address(rule) {
                continue;
            }
            let key = (at.table.name.clone(), chain.name.clone(), i);
            if !self.seen.insert(key) {
                continue;
            }
            let Some(ports) = applies(rule).and_then(|p| narrow(outer, &p)) else {
                continue;
            };
            let source = self.source(rule);
            if matches!(source, Source::NotClient | Source::Unknown) {
                continue;
            }
            if !matches!(source, Source::Everyone) {
                self.hit(at, chain, i + 1, rule, source, ports.clone(), csf);
            }
            if let Target::Chain(next) = target(at.table, rule) {
                let csf = csf || owner::csf_chain(&next.name);
                self.chain(at, next, csf, depth + 1, &ports);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn hit(
        &mut self,
        at: &Place<'a>,
        chain: &Chain,
        number: usize,
        rule: &Rule,
        source: Source<'a>,
        ports: Vec<u16>,
        csf: bool,
    ) {
        let effect = rule_effect(at.table, rule);
        let allow = self.allow_command(at);
        self.seq += 1;
        let seq = self.seq;
        match source {
            Source::Entry { set, members } => {
                for member in members {
                    let how = EntryUse {
                        effect,
                        ports: ports.clone(),
                        csf,
                        allow: allow.clone(),
                    };
                    self.out
                        .met
                        .insert((set.name.clone(), member.entry.clone()));
                    self.out.hits.push(Hit {
                        path: Some(at.path.clone()),
                        seq,
                        tool: "ipset",
                        entry: true,
                        block: ipset::entry_block(set, member, how, self.client, self.now),
                    });
                }
            }
            Source::Address { matched } => {
                let made = chain_owner(chain, csf);
                let unblock = match &made {
                    _ if !effect_blocks(effect) => Vec::new(),
                    Some(o) if matched.starts_with('!') => o.unblock(&self.client_text()),
                    Some(o) => o.unblock(&matched),
                    None => self.delete_command(at, chain, number, rule),
                };
                let block = self.rule_block(
                    at,
                    chain,
                    number,
                    rule,
                    effect,
                    made.as_ref(),
                    &matched,
                    ports,
                    unblock,
                    allow,
                );
                self.push_rule_hit(at, seq, block);
            }
            Source::NotInSet { name } => {
                // Deleting a "everyone not on this list" rule would open the door to all;
                // putting the client on the list is the narrow fix.
                let made = chain_owner(chain, csf);
                let unblock = match &made {
                    _ if !effect_blocks(effect) => Vec::new(),
                    Some(o) => o.unblock(&self.client_text()),
                    None => super::commands(&["ipset", "add", &name, &self.client_text()]),
                };
                let matched = format!("! set {name}");
                let block = self.rule_block(
                    at,
                    chain,
                    number,
                    rule,
                    effect,
                    made.as_ref(),
                    &matched,
                    ports,
                    unblock,
                    allow,
                );
                self.push_rule_hit(at, seq, block);
            }
            Source::Everyone | Source::NotClient | Source::Unknown => {}
        }
    }

    fn push_rule_hit(&mut self, at: &Place<'a>, seq: u32, block: Block) {
        self.out.rule_hits += 1;
        self.out.hits.push(Hit {
            path: Some(at.path.clone()),
            seq,
            tool: self.backend.program(),
            entry: false,
            block,
        });
    }

    fn client_text(&self) -> String {
        self.client.to_string()
    }

    /// `iptables -t TABLE -D CHAIN <the rule as saved>`: deletes exactly this rule. When
    /// the rule holds a control character (a comment, say), its number instead
    /// (`-D CHAIN N`), which is exact as long as the chain does not change meanwhile.
    fn delete_command(
        &self,
        at: &Place<'a>,
        chain: &Chain,
        number: usize,
        rule: &Rule,
    ) -> Vec<String> {
        let head = [
            self.backend.program(),
            "-t",
            &at.table.name,
            "-D",
            &chain.name,
        ];
        let mut argv: Vec<&str> = head.to_vec();
        argv.extend(rule.spec.iter().map(String::as_str));
        let exact = super::commands(&argv);
        if !exact.is_empty() {
            return exact;
        }
        let n = number.to_string();
        let mut argv = head.to_vec();
        argv.push(&n);
        super::commands(&argv)
    }

    /// Lets the client's mail connections through ahead of everything else in the table
    /// it was blocked in: `-I` puts the rule first in the built-in chain the packet enters
    /// by, so the packet meets it before the block; an ACCEPT ends only its own table's
    /// chain, so it must be in the same table and built-in chain as the block.
    fn allow_command(&self, at: &Place<'a>) -> Vec<String> {
        let ip = self.client_text();
        super::commands(&[
            self.backend.program(),
            "-t",
            &at.table.name,
            "-I",
            at.base,
            "-s",
            &ip,
            "-p",
            "tcp",
            "-m",
            "multiport",
            "--dports",
            "25,465,587",
            "-j",
            "ACCEPT",
        ])
    }

    #[allow(clippy::too_many_arguments)]
    fn rule_block(
        &self,
        at: &Place<'a>,
        chain: &Chain,
        number: usize,
        rule: &Rule,
        effect: Effect,
        made: Option<&Owner>,
        matched: &str,
        ports: Vec<u16>,
        unblock: Vec<String>,
        allow: Vec<String>,
    ) -> Block {
        let allow = match made {
            _ if !effect_blocks(effect) => Vec::new(),
            Some(o) => o.allow(self.client),
            None => allow,
        };
        Block {
            id: String::new(),
            source: BlockSource::Iptables,
            location: escape_control(&format!(
                "{}/{} #{number}{}",
                at.table.name,
                chain.name,
                if self.backend.legacy { " (legacy)" } else { "" }
            )),
            rule: escape_control(&rule.line),
            reason: rule.comment.as_deref().map(escape_control),
            since: None,
            until: None,
            unblock,
            allow,
            effect,
            made_by: made.map(Owner::made_by),
            matched: escape_control(matched),
            ports,
            order: 0,
        }
    }
}

fn chain_owner(chain: &Chain, csf: bool) -> Option<Owner> {
    owner::fail2ban_chain(&chain.name).or_else(|| csf.then_some(Owner::Csf))
}

fn effect_blocks(e: Effect) -> bool {
    matches!(e, Effect::Drop | Effect::Reject | Effect::Deny)
}

#[cfg(test)]
mod tests;
