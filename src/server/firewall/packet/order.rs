//! The order a packet meets the rules of every tool, and which matching entry decides.
//!
//! Netfilter runs, per hook (ingress, prerouting, input), every registered base chain in
//! priority order: nft's own base chains and the tables of iptables (legacy or nf_tables
//! backend: raw -300, mangle -150, filter 0, security 50) alike. A DROP or REJECT ends the
//! packet; an ACCEPT only ends the base chain it is in (the next base chain still runs).
//! At equal priority the kernel keeps the order of registration, which cannot be read;
//! iptables-legacy, then iptables, then nft is assumed.

use std::collections::HashSet;

use crate::server::model::{Block, Effect};

use super::ports::MAIL_PORTS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hook {
    Ingress,
    Prerouting,
    Input,
}

/// Tie-break between tools registered at the same hook and priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    IptablesLegacy,
    Iptables,
    Nftables,
}

/// One base chain a packet runs through from its start: hook, priority, tool, and a name
/// that tells it from others at the same place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PathKey {
    pub hook: Hook,
    pub priority: i64,
    pub tool: Tool,
    pub base: String,
}

/// A matching rule or entry before the final order is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The base chain in which the packet meets it; `None` for entries no rule on the
    /// packet's path uses (listed last).
    pub path: Option<PathKey>,
    /// Position within its walk, in packet order.
    pub seq: u32,
    /// The `sources[]` entry it came from (`iptables`, `ipset`, `nftables`, ...).
    pub tool: &'static str,
    /// A set member (rather than a rule): several rules, or several tools, may meet the
    /// same member; it is listed once.
    pub entry: bool,
    pub block: Block,
}

/// The entry that decides a mail port's fate, as an index into the arranged blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub port: u16,
    pub block: usize,
}

/// Sorts hits into packet order, numbers them (`order` 0, 1, ...) and finds, for each mail
/// port, the entry that decides it: the first drop or reject the packet meets that is not
/// shadowed by an earlier accept in the same base chain (an accept ends its base chain,
/// not the packet's journey). No verdict for a port: no client rule stops it.
pub fn arrange(mut hits: Vec<Hit>) -> (Vec<Hit>, Vec<Verdict>) {
    hits.sort_by(|a, b| match (&a.path, &b.path) {
        (Some(x), Some(y)) => x.cmp(y).then(a.seq.cmp(&b.seq)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.tool.cmp(b.tool).then(a.seq.cmp(&b.seq)),
    });
    let mut hits = dedupe_entries(hits);
    for (i, h) in hits.iter_mut().enumerate() {
        h.block.order = u32::try_from(i).unwrap_or(u32::MAX);
    }
    let mut verdicts = Vec::new();
    for port in MAIL_PORTS {
        let mut accepted: HashSet<&PathKey> = HashSet::new();
        for (i, h) in hits.iter().enumerate() {
            let Some(path) = &h.path else { continue };
            let b = &h.block;
            if accepted.contains(path) || !(b.ports.is_empty() || b.ports.contains(&port)) {
                continue;
            }
            match b.effect {
                Effect::Drop | Effect::Reject => {
                    verdicts.push(Verdict { port, block: i });
                    break;
                }
                Effect::Allow => {
                    accepted.insert(path);
                }
                _ => {}
            }
        }
    }
    (hits, verdicts)
}

/// Keeps one hit per set member: the first that decides something (drop, reject,
/// accept, deny), else the first. `hits` are in packet order.
fn dedupe_entries(hits: Vec<Hit>) -> Vec<Hit> {
    let key = |h: &Hit| {
        (
            h.block.source,
            h.block.location.clone(),
            h.block.rule.clone(),
        )
    };
    let decides = |h: &Hit| h.block.effect != Effect::Other;
    let mut keep: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for (i, h) in hits.iter().enumerate().filter(|(_, h)| h.entry) {
        match keep.get(&key(h)) {
            Some(&j) if decides(&hits[j]) || !decides(h) => {}
            _ => {
                keep.insert(key(h), i);
            }
        }
    }
    hits.into_iter()
        .enumerate()
        .filter(|(i, h)| !h.entry || keep.get(&key(h)) == Some(i))
        .map(|(_, h)| h)
        .collect()
}

/// `decides 25, 465, 587: drop at filter/DENYIN #1` for the verdicts whose entry came from
/// `tool`; empty when none did.
pub fn verdict_note(hits: &[Hit], verdicts: &[Verdict], tool: &str) -> String {
    let mut groups: Vec<(usize, Vec<u16>)> = Vec::new();
    for v in verdicts {
        if hits.get(v.block).map(|h| h.tool) != Some(tool) {
            continue;
        }
        match groups.iter_mut().find(|(b, _)| *b == v.block) {
            Some((_, ports)) => ports.push(v.port),
            None => groups.push((v.block, vec![v.port])),
        }
    }
    groups
        .iter()
        .filter_map(|(i, ports)| {
            let b = &hits.get(*i)?.block;
            let what = if b.effect == Effect::Reject {
                "reject"
            } else {
                "drop"
            };
            let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
            Some(format!(
                "decides {}: {what} at {}",
                ports.join(", "),
                b.location
            ))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::model::BlockSource;

    fn hit(path: Option<(Hook, i64, &str)>, seq: u32, effect: Effect, ports: &[u16]) -> Hit {
        Hit {
            path: path.map(|(hook, priority, base)| PathKey {
                hook,
                priority,
                tool: Tool::Nftables,
                base: base.into(),
            }),
            seq,
            tool: "nftables",
            entry: false,
            block: Block {
                id: String::new(),
                source: BlockSource::Nftables,
                location: format!("{base:?}#{seq}", base = path.map(|p| p.2)),
                rule: String::new(),
                reason: None,
                since: None,
                until: None,
                unblock: vec![],
                allow: vec![],
                effect,
                made_by: None,
                matched: String::new(),
                ports: ports.to_vec(),
                order: 0,
            },
        }
    }

    #[test]
    fn hooks_then_priorities_then_rules() {
        let hits = vec![
            hit(Some((Hook::Input, 0, "filter")), 1, Effect::Drop, &[]),
            hit(None, 0, Effect::Other, &[]),
            hit(Some((Hook::Input, -10, "early")), 5, Effect::Other, &[]),
            hit(Some((Hook::Prerouting, 100, "pre")), 9, Effect::Other, &[]),
            hit(Some((Hook::Input, 0, "filter")), 0, Effect::Other, &[]),
            hit(Some((Hook::Ingress, -500, "in")), 3, Effect::Other, &[]),
        ];
        let (hits, _) = arrange(hits);
        let seqs: Vec<u32> = hits.iter().map(|h| h.seq).collect();
        assert_eq!(seqs, [3, 9, 5, 0, 1, 0]);
        assert!(hits
            .iter()
            .enumerate()
            .all(|(i, h)| u32::try_from(i).is_ok_and(|i| h.block.order == i)));
    }

    #[test]
    fn accept_shadows_its_base_chain_only() {
        let a = Some((Hook::Input, -10, "a"));
        let b = Some((Hook::Input, 0, "b"));
        let hits = vec![
            hit(a, 0, Effect::Allow, &[587]),
            hit(a, 1, Effect::Drop, &[]),
            hit(b, 0, Effect::Reject, &[465, 587]),
        ];
        let (hits, verdicts) = arrange(hits);
        assert_eq!(
            verdicts,
            [
                Verdict { port: 25, block: 1 },
                Verdict {
                    port: 465,
                    block: 1
                },
                Verdict {
                    port: 587,
                    block: 2
                }
            ]
        );
        assert_eq!(
            verdict_note(&hits, &verdicts, "nftables"),
            "decides 25, 465: drop at Some(\"a\")#1; decides 587: reject at Some(\"b\")#0"
        );
        assert_eq!(verdict_note(&hits, &verdicts, "iptables"), "");
    }
}
