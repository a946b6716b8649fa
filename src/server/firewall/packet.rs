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
use std::net::IpAddr;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{Effect, SourceEntry, SourceOutcome, SourceStatus};

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
    let Some(socket) = socket.to_str() else {
        return;
    };
    if socket.chars().any(char::is_control) {
        return;
    }
    let fail2ban_rules = out
        .blocks
        .iter_mut()
        .filter(|b| b.made_by == Some(crate::server::model::BlockSource::Fail2ban));
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
    let v6 = client.is_ipv6();
    let mut hits: Vec<Hit> = Vec::new();
    // (sources[] name, status, detail before the match count) in report order.
    let mut entries: Vec<(&'static str, SourceStatus, String)> = Vec::new();

    // ipset first: iptables rules look its members up.
    let (sets, ipset_entry) = match run("ipset", &["list"]) {
        Ok(text) => {
            let sets = ipset::parse_list(&text, client);
            let total: usize = sets.iter().map(|s| s.entries).sum();
            let detail = format!("{}, {}", count(sets.len(), "set"), count(total, "entry"));
            (Some(sets), ("ipset", SourceStatus::Read, detail))
        }
        Err(e) => (None, ("ipset", e.status(), e.to_string())),
    };

    let mut skip: HashSet<(String, String, String)> = HashSet::new();
    let mut met: HashSet<(String, String)> = HashSet::new();
    let mut used_by_rules: HashMap<String, Vec<u16>> = HashMap::new();
    for legacy in [false, true] {
        let backend = Backend { v6, legacy };
        let name = backend.program();
        let text = match run(backend.save_program(), &[]) {
            Ok(text) => text,
            // Only hosts that still use the legacy backend need it.
            Err(ExecError::NotFound { .. }) if legacy => continue,
            Err(e) => {
                entries.push((name, e.status(), e.to_string()));
                continue;
            }
        };
        let rules = match iptables::parse_save(&text) {
            Ok(r) => r,
            Err(e) => {
                entries.push((name, SourceStatus::Error, e.to_string()));
                continue;
            }
        };
        if legacy && rules.rule_count() == 0 {
            continue;
        }
        if rules.nf_tables {
            let family = if v6 { "ip6" } else { "ip" };
            for t in rules
                .tables
                .iter()
                .filter(|t| !rules.incompatible.contains(&t.name))
            {
                for c in &t.chains {
                    skip.insert((family.into(), t.name.clone(), c.name.clone()));
                }
            }
        }
        let walked = iptables_walk::walk(&rules, backend, client, sets.as_deref(), now);
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

    entries.push(read_nft(client, now, run, &skip, &mut hits));

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

fn read_nft(
    client: IpAddr,
    now: i64,
    run: Runner<'_>,
    skip: &HashSet<(String, String, String)>,
    hits: &mut Vec<Hit>,
) -> (&'static str, SourceStatus, String) {
    let name = "nftables";
    let rules = match run("nft", &["-j", "list", "ruleset"]).map(|t| nftables::parse_json(&t)) {
        Ok(Ok(rules)) => rules,
        Ok(Err(e)) => return (name, SourceStatus::Error, e.to_string()),
        Err(e) => return (name, e.status(), e.to_string()),
    };
    // The text listing only makes rules readable; without it they show as JSON.
    let texts = run("nft", &["-a", "list", "ruleset"])
        .map(|t| nftables::parse_rule_texts(&t))
        .unwrap_or_default();
    let inputs = nftables_walk::Inputs {
        client,
        now,
        skip,
        texts: &texts,
    };
    let walked = nftables_walk::walk(&rules, &inputs);
    hits.extend(walked.hits);
    let mut detail = format!(
        "{}, {}, {}",
        count(rules.tables.len(), "table"),
        count(rules.rules.len(), "rule"),
        count(rules.sets.len(), "set")
    );
    if !walked.skipped_tables.is_empty() {
        detail.push_str(&format!(
            " ({} read through iptables-save)",
            walked.skipped_tables.join(", ")
        ));
    }
    if rules.unreadable > 0 {
        detail.push_str(&format!(", {} objects not understood", rules.unreadable));
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
