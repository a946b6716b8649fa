//! The packet filter as a source of blocks: iptables and ip6tables (nf_tables backend,
//! and the legacy backend when it still holds rules), ipset and nftables. Reports every
//! rule or set member that holds the client's address, in the order an incoming
//! connection to 25/465/587 meets them, with one `sources[]` entry per tool; one tool
//! failing never stops the others.
//!
//! iptables-nft and nft: on Debian 12 `iptables` is the nf_tables backend, so its tables
//! (`ip filter`, `ip6 mangle`, ...) also show in `nft -j list ruleset`, where compat
//! matches are opaque `xt` expressions. A base chain is left to iptables-save when
//! iptables-save says it is the nf_tables backend and listed that table and chain
//! (family `ip` for iptables-save, `ip6` for ip6tables-save) without calling the table
//! incompatible. Checked on a real namespace: nft's own "managed by iptables-nft"
//! warning misses `ip raw` when it holds no `xt` expression, and a chain made with nft
//! inside `ip filter` is not listed by iptables-save (it warns instead), so both are
//! decided by what iptables-save actually listed.
//!
//! Order: `Block.order` follows a packet through netfilter (see `order`): hooks (ingress,
//! prerouting, input), then base-chain priority across tools, then rule order with jumps
//! followed depth-first. Rules after the client's first verdict are listed too; each
//! tool's `sources[]` detail names the entry that decides each mail port
//! (`decides 25, 465, 587: drop at filter/DENYIN #1`), since an accept ends only its own
//! base chain. Set members no rule on the path meets come last.
//!
//! Locations: iptables `TABLE/CHAIN #N` (N as `iptables -L --line-numbers` counts; rules of
//! the legacy backend end in ` (legacy)`), ipset `set NAME`, nft `FAMILY TABLE/CHAIN
//! handle N` and `FAMILY TABLE set NAME`.

mod addr;
pub mod ipset;
pub mod iptables;
mod iptables_walk;
pub mod nftables;
mod nftables_walk;
mod order;
mod owner;
mod ports;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::net::IpAddr;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use ipnet::IpNet;

use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{Effect, SourceEntry, SourceOutcome, SourceStatus};
use crate::server::netaddr;

use super::{Listed, Listing};

use ipset::{EntryUse, IpSet};
use iptables_walk::Backend;
use order::Hit;

/// Runs one tool (`program`, `args`) and returns its standard output.
pub type Runner<'a> = &'a dyn Fn(&str, &[&str]) -> Result<String, ExecError>;

/// Reads every packet-filter tool on this host for `ctx.client`.
pub fn read(ctx: &Ctx) -> SourceOutcome {
    let timeout = ctx.command_timeout;
    let mut out = read_with(ctx.client, ctx.now, &|program, args| {
        exec::run(program, args, timeout)
    });
    if let Some(socket) = &ctx.paths.fail2ban_socket {
        fail2ban_commands_on(&mut out, socket);
    }
    out
}

/// fail2ban's commands for the rules it made talk to the server on `socket`
/// (`--fail2ban-socket`), as the fail2ban source's own commands do: a plain
/// `fail2ban-client` would ask the default socket's server, and `--apply` would run both.
fn fail2ban_commands_on(out: &mut SourceOutcome, socket: &std::path::Path) {
    fail2ban_blocks_on(out.blocks.iter_mut(), socket);
}

fn fail2ban_blocks_on<'a>(
    blocks: impl Iterator<Item = &'a mut crate::server::model::Block>,
    socket: &std::path::Path,
) {
    let Some(socket) = socket.to_str() else {
        return;
    };
    if socket.chars().any(char::is_control) {
        return;
    }
    let fail2ban_rules =
        blocks.filter(|b| b.made_by == Some(crate::server::model::BlockSource::Fail2ban));
    for b in fail2ban_rules {
        for c in b.unblock.iter_mut().chain(b.allow.iter_mut()) {
            let Ok(mut argv) = shell_words::split(c) else {
                continue;
            };
            if argv.first().map(String::as_str) == Some("fail2ban-client")
                && argv.get(1).map(String::as_str) != Some("-s")
            {
                argv.splice(1..1, ["-s".to_string(), socket.to_string()]);
                let words: Vec<&str> = argv.iter().map(String::as_str).collect();
                *c = crate::server::model::command(&words);
            }
        }
    }
}

/// [`read`] with the tools' output coming from `run(program, args)`: the real runner, or
/// captured output in tests.
pub fn read_with(client: IpAddr, now: i64, run: Runner<'_>) -> SourceOutcome {
    let client = addr::canonical(client);
    let captured = capture(run, &[client.is_ipv6()]);
    evaluate(&captured, client, now)
}

/// Every address or network the packet filter drops or rejects, for the audit: each
/// address a rule, an ipset member or an nftables set element names, looked up as a client
/// of its own in one reading of the tools (both families), and listed with the blocks whose
/// entry is that address (other entries that contain it are listed under their own). A
/// network's allow commands are left out: they would open it to every address in it.
/// `ctx.client` is not used.
pub fn all_blocks(ctx: &Ctx) -> Listing {
    let timeout = ctx.command_timeout;
    let mut l = all_blocks_with(ctx.now, &|program, args| exec::run(program, args, timeout));
    if let Some(socket) = &ctx.paths.fail2ban_socket {
        fail2ban_blocks_on(l.entries.iter_mut().map(|e| &mut e.block), socket);
    }
    l
}

/// [`all_blocks`] with the tools' output from `run`.
pub fn all_blocks_with(now: i64, run: Runner<'_>) -> Listing {
    let captured = capture(run, &[false, true]);
    let nets = candidates(&captured);
    // Each address is a walk of its own through the whole ruleset: spread over the CPUs.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8);
    let chunk = nets.len().div_ceil(workers).max(1);
    let found: Vec<Vec<Listed>> = std::thread::scope(|s| {
        let handles: Vec<_> = nets
            .chunks(chunk)
            .map(|part| s.spawn(|| own_blocks(&captured, part, now)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let entries: Vec<Listed> = found.into_iter().flatten().collect();
    let mut blocked: HashMap<&'static str, HashSet<IpNet>> = HashMap::new();
    for e in &entries {
        blocked
            .entry(tool_name(&e.block))
            .or_default()
            .insert(e.net);
    }
    let mut sources = Vec::new();
    let mut tool = |name: &'static str, result: Result<String, &Problem>| match result {
        Ok(detail) => {
            let n = blocked.get(name).map_or(0, HashSet::len);
            sources.push(SourceEntry::new(
                name,
                SourceStatus::Read,
                format!("{detail}; {n} blocked (address or network)"),
            ));
        }
        Err((status, detail)) => sources.push(SourceEntry::new(name, *status, detail.clone())),
    };
    for (backend, parsed) in &captured.iptables {
        tool(
            backend.program(),
            parsed.as_ref().map(|r| {
                format!(
                    "{}, {}",
                    count(r.tables.len(), "table"),
                    count(r.rule_count(), "rule")
                )
            }),
        );
    }
    tool(
        "nftables",
        captured.nft.as_ref().map(|(r, _)| {
            format!(
                "{}, {}, {}",
                count(r.tables.len(), "table"),
                count(r.rules.len(), "rule"),
                count(r.sets.len(), "set")
            )
        }),
    );
    tool(
        "ipset",
        captured
            .ipset
            .as_ref()
            .map(|p| count(p.member_addresses().len(), "address entry")),
    );
    Listing {
        sources,
        entries,
        settings: Vec::new(),
    }
}

/// For each of `nets`, the blocking entries that name exactly it.
fn own_blocks(captured: &Captured, nets: &[IpNet], now: i64) -> Vec<Listed> {
    let mut out = Vec::new();
    for &net in nets {
        for mut b in evaluate(captured, net.network(), now).blocks {
            if !b.blocks() || netaddr::parse_net(&addr::plain(&b.matched)) != Some(net) {
                continue;
            }
            if net.prefix_len() != net.max_prefix_len() {
                b.allow.clear();
            }
            out.push(Listed::new(net, b));
        }
    }
    out
}

/// The `sources[]` name of the tool a block came from.
fn tool_name(b: &crate::server::model::Block) -> &'static str {
    use crate::server::model::BlockSource;
    match b.source {
        BlockSource::Ipset => "ipset",
        BlockSource::Nftables => "nftables",
        _ if b.location.ends_with("(legacy)") => {
            if b.matched.contains(':') {
                "ip6tables-legacy"
            } else {
                "iptables-legacy"
            }
        }
        _ if b.matched.contains(':') => "ip6tables",
        _ => "iptables",
    }
}

/// Every address or network any tool names as a source (once each, in address order).
fn candidates(c: &Captured) -> Vec<IpNet> {
    let mut texts: Vec<String> = Vec::new();
    for (_, parsed) in &c.iptables {
        let Ok(rules) = parsed else { continue };
        for rule in rules
            .tables
            .iter()
            .flat_map(|t| &t.chains)
            .flat_map(|ch| &ch.rules)
        {
            if let Some(s) = rule.sources.as_ref().filter(|s| !s.negated) {
                texts.extend(s.value.iter().cloned());
            }
        }
    }
    if let Ok(sets) = &c.ipset {
        texts.extend(sets.member_addresses().into_iter().map(str::to_string));
    }
    if let Ok((rules, _)) = &c.nft {
        texts.extend(nftables_walk::source_values(rules));
    }
    let mut nets: Vec<IpNet> = texts
        .iter()
        .filter_map(|t| netaddr::parse_net(&addr::plain(t)))
        // A rule for every address is not a block of an address.
        .filter(|n| n.prefix_len() > 0)
        .collect();
    nets.sort();
    nets.dedup();
    nets
}

/// A tool's output could not be had or read: its `sources[]` status and why.
type Problem = (SourceStatus, String);

/// What the tools printed, parsed once; a client's blocks are then looked up in it
/// ([`evaluate`]), as often as there are clients.
struct Captured {
    ipset: Result<ipset::ParsedSets, Problem>,
    /// iptables-save of each backend run, in the order they were run; the legacy backend
    /// only when it is installed and holds rules.
    iptables: Vec<(Backend, Result<iptables::Ruleset, Problem>)>,
    nft: Result<(nftables::Ruleset, HashMap<nftables::RuleKey, String>), Problem>,
}

/// Runs every tool once: ipset, iptables-save for each family in `v6s` (false: IPv4) and
/// backend, nft (JSON, and the text listing for readable rules).
fn capture(run: Runner<'_>, v6s: &[bool]) -> Captured {
    let ipset = match run("ipset", &["list"]) {
        Ok(text) => Ok(ipset::parse_sets(&text)),
        Err(e) => Err((e.status(), e.to_string())),
    };
    let mut iptables = Vec::new();
    for &v6 in v6s {
        for legacy in [false, true] {
            let backend = Backend { v6, legacy };
            let text = match run(backend.save_program(), &[]) {
                Ok(text) => text,
                // Only hosts that still use the legacy backend need it.
                Err(ExecError::NotFound { .. }) if legacy => continue,
                Err(e) => {
                    iptables.push((backend, Err((e.status(), e.to_string()))));
                    continue;
                }
            };
            match iptables::parse_save(&text) {
                Ok(rules) if legacy && rules.rule_count() == 0 => {}
                Ok(rules) => iptables.push((backend, Ok(rules))),
                Err(e) => iptables.push((backend, Err((SourceStatus::Error, e.to_string())))),
            }
        }
    }
    let nft = match run("nft", &["-j", "list", "ruleset"]).map(|t| nftables::parse_json(&t)) {
        Ok(Ok(rules)) => {
            // The text listing only makes rules readable; without it they show as JSON.
            let texts = run("nft", &["-a", "list", "ruleset"])
                .map(|t| nftables::parse_rule_texts(&t))
                .unwrap_or_default();
            Ok((rules, texts))
        }
        Ok(Err(e)) => Err((SourceStatus::Error, e.to_string())),
        Err(e) => Err((e.status(), e.to_string())),
    };
    Captured {
        ipset,
        iptables,
        nft,
    }
}

/// The client's blocks in what the tools printed, in packet order, with one `sources[]`
/// entry per tool.
fn evaluate(c: &Captured, client: IpAddr, now: i64) -> SourceOutcome {
    let v6 = client.is_ipv6();
    let mut hits: Vec<Hit> = Vec::new();
    // (sources[] name, status, detail before the match count) in report order.
    let mut entries: Vec<(&'static str, SourceStatus, String)> = Vec::new();

    // ipset first: iptables rules look its members up.
    let (sets, ipset_entry) = match &c.ipset {
        Ok(parsed) => {
            let sets = parsed.for_client(client);
            let total: usize = sets.iter().map(|s| s.entries).sum();
            let detail = format!("{}, {}", count(sets.len(), "set"), count(total, "entry"));
            (Some(sets), ("ipset", SourceStatus::Read, detail))
        }
        Err((status, detail)) => (None, ("ipset", *status, detail.clone())),
    };

    let mut skip: HashSet<(String, String, String)> = HashSet::new();
    let mut met: HashSet<(String, String)> = HashSet::new();
    let mut used_by_rules: HashMap<String, Vec<u16>> = HashMap::new();
    for (backend, parsed) in c.iptables.iter().filter(|(b, _)| b.v6 == v6) {
        let name = backend.program();
        let rules = match parsed {
            Ok(r) => r,
            Err((status, detail)) => {
                entries.push((name, *status, detail.clone()));
                continue;
            }
        };
        if rules.nf_tables {
            let family = if v6 { "ip6" } else { "ip" };
            for t in rules
                .tables
                .iter()
                .filter(|t| !rules.incompatible.contains(&t.name))
            {
                for ch in &t.chains {
                    skip.insert((family.into(), t.name.clone(), ch.name.clone()));
                }
            }
        }
        let walked = iptables_walk::walk(rules, *backend, client, sets.as_deref(), now);
        met.extend(walked.met);
        for (set, ports) in walked.used_by_rules {
            let all = used_by_rules.entry(set).or_default();
            for p in ports {
                if !all.contains(&p) {
                    all.push(p);
                }
            }
        }
        hits.extend(walked.hits);
        let detail = format!(
            "{}, {}",
            count(rules.tables.len(), "table"),
            count(rules.rule_count(), "rule")
        );
        entries.push((name, SourceStatus::Read, detail));
    }

    entries.push(eval_nft(&c.nft, client, now, &skip, &mut hits));

    if let Some(sets) = &sets {
        hits.extend(ipset_leftovers(sets, &met, &used_by_rules, client, now));
    }
    entries.push(ipset_entry);

    let (hits, verdicts) = order::arrange(hits);
    let sources = entries
        .into_iter()
        .map(|(name, status, detail)| {
            if status != SourceStatus::Read {
                return SourceEntry::new(name, status, detail);
            }
            let matches = hits.iter().filter(|h| h.tool == name).count();
            let mut detail = format!("{detail}, {matches} match");
            let note = order::verdict_note(&hits, &verdicts, name);
            if !note.is_empty() {
                detail = format!("{detail}; {note}");
            }
            SourceEntry::new(name, status, detail)
        })
        .collect();
    SourceOutcome {
        sources,
        blocks: hits.into_iter().map(|h| h.block).collect(),
        settings: Vec::new(),
    }
}

fn eval_nft(
    nft: &Result<(nftables::Ruleset, HashMap<nftables::RuleKey, String>), Problem>,
    client: IpAddr,
    now: i64,
    skip: &HashSet<(String, String, String)>,
    hits: &mut Vec<Hit>,
) -> (&'static str, SourceStatus, String) {
    let name = "nftables";
    let (rules, texts) = match nft {
        Ok(r) => r,
        Err((status, detail)) => return (name, *status, detail.clone()),
    };
    let inputs = nftables_walk::Inputs {
        client,
        now,
        skip,
        texts,
    };
    let walked = nftables_walk::walk(rules, &inputs);
    hits.extend(walked.hits);
    let mut detail = format!(
        "{}, {}, {}",
        count(rules.tables.len(), "table"),
        count(rules.rules.len(), "rule"),
        count(rules.sets.len(), "set")
    );
    if !walked.skipped_tables.is_empty() {
        let _ = write!(
            detail,
            " ({} read through iptables-save)",
            walked.skipped_tables.join(", ")
        );
    }
    if rules.unreadable > 0 {
        let _ = write!(detail, ", {} objects not understood", rules.unreadable);
    }
    (name, SourceStatus::Read, detail)
}

/// Members holding the client that no rule on the packet's path met. Their set used by
/// rules that do not apply (other chains, other ports, or a port dimension that is not a
/// mail port): listed, not blocking, with those ports. Used by nothing iptables shows
/// though the kernel counts references: on a deny list, enforced out of sight. Used by
/// nothing: listed, not blocking.
fn ipset_leftovers(
    sets: &[IpSet],
    met: &HashSet<(String, String)>,
    used_by_rules: &HashMap<String, Vec<u16>>,
    client: IpAddr,
    now: i64,
) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut seq = 0;
    for set in sets {
        for m in &set.matching {
            if met.contains(&(set.name.clone(), m.entry.clone())) {
                continue;
            }
            let (effect, ports) = match used_by_rules.get(&set.name) {
                // A member's own port says more than the rules' ports.
                Some(_) if m.port.is_some() => (Effect::Other, Vec::new()),
                Some(ports) => (Effect::Other, ports.clone()),
                None if set.references.unwrap_or(0) > 0 => (Effect::Deny, Vec::new()),
                None => (Effect::Other, Vec::new()),
            };
            let how = EntryUse {
                effect,
                ports,
                csf: false,
                allow: Vec::new(),
            };
            seq += 1;
            out.push(Hit {
                path: None,
                seq,
                tool: "ipset",
                entry: true,
                block: ipset::entry_block(set, m, how, client, now),
            });
        }
    }
    out
}

/// A command built from its words (`model::command`), or none when a word holds a control
/// character: it could not be shown safely, and what is shown would not be what runs.
fn commands(argv: &[&str]) -> Vec<String> {
    if argv.iter().any(|w| w.chars().any(char::is_control)) {
        Vec::new()
    } else {
        vec![crate::server::model::command(argv)]
    }
}

/// `1 table`, `3 tables`, `2 entries`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// `now + secs` as RFC 3339 (UTC); `None` past what the format can show.
fn until(now: i64, secs: u64) -> Option<String> {
    let t = now.checked_add(i64::try_from(secs).ok()?)?;
    OffsetDateTime::from_unix_timestamp(t)
        .ok()?
        .format(&Rfc3339)
        .ok()
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
