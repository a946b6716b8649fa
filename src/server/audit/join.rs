//! The join: each blocked address with what the logs show from it, sorted into a [`Kind`]
//! and ranked. Pure: the listings and the log activity come in, the ranked entries go out.
//!
//! - customer: it signed in successfully in the window (with the accounts it used), and
//!   failed against fewer than [`SPRAY_ACCOUNTS`] other accounts: locked out by a ban;
//! - shared: it signed in successfully, but also failed against [`SPRAY_ACCOUNTS`] or more
//!   other accounts: an office behind one address with a compromised device, or an
//!   attacker that guessed one password; looked at by a person, never lifted by `--apply`;
//! - spraying: only failures, against [`SPRAY_ACCOUNTS`] or more accounts;
//! - failed only: only failures, against fewer accounts (likely an attacker);
//! - no sign-ins: the logs show no sign-in from it in the window (a hand-made block, a spam
//!   source, or a customer who has not tried since before the window).

use std::collections::BTreeMap;
use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;

use crate::server::diagnose::blocks::touches_mail;
use crate::server::firewall::{net_text, Listed};
use crate::server::logs::multi::Activity;
use crate::server::model::{escape_control, Block, BlockSource, LogEntry};
use crate::server::window::{human, rfc3339};

/// Failures against this many accounts (other than those it signed in with) make an
/// address a sprayer.
pub const SPRAY_ACCOUNTS: usize = 3;
/// Triggering lines shown per address.
pub const MAX_TRIGGER_LINES: usize = 5;

/// What the logs make of a blocked address. The order is the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Customer,
    Shared,
    NoSignIns,
    FailedOnly,
    Spraying,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Customer,
        Kind::Shared,
        Kind::NoSignIns,
        Kind::FailedOnly,
        Kind::Spraying,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Customer => "customer",
            Kind::Shared => "shared",
            Kind::NoSignIns => "no_sign_ins",
            Kind::FailedOnly => "failed_only",
            Kind::Spraying => "spraying",
        }
    }

    /// A heading for people.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Customer => "Customers locked out",
            Kind::Shared => "Customers' addresses that also tried other accounts",
            Kind::NoSignIns => "No sign-ins seen",
            Kind::FailedOnly => "Failed sign-ins only (likely attackers)",
            Kind::Spraying => "Password spraying (failures against several accounts)",
        }
    }
}

/// Sign-ins of one account from one address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountCount {
    pub account: String,
    pub count: u64,
    pub first: String,
    pub last: String,
}

/// An address banned several times in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeat {
    /// Bans of this address in the window (this one included).
    pub bans: u64,
    /// The account whose failed sign-ins got it banned, when the logs name one.
    pub account: Option<String>,
    /// For the customer, in plain words.
    pub note: String,
}

/// One blocked address or network, with what the logs show from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// `entry.N` in rank order.
    pub id: String,
    /// The address or network as the lists write it.
    pub address: String,
    pub kind: Kind,
    /// Accounts that signed in successfully from it, most used first.
    pub accounts_ok: Vec<AccountCount>,
    /// Accounts whose sign-ins failed from it, most failed first.
    pub accounts_failed: Vec<AccountCount>,
    pub sign_ins_ok: u64,
    pub sign_ins_failed: u64,
    /// The earliest `since` among its blocks.
    pub banned_since: Option<String>,
    /// The latest `until` among its blocks; `None` when one of them is permanent.
    pub banned_until: Option<String>,
    /// Every entry that blocks it, in stage order (packet filter, CSF, fail2ban).
    pub blocks: Vec<Block>,
    /// The log lines that triggered the ban (fail2ban's database), else the latest
    /// failures the logs show; escaped.
    pub trigger_lines: Vec<String>,
    /// `trigger_lines` are the ones the ban tool recorded (rather than the latest failures
    /// the logs show).
    pub trigger_lines_recorded: bool,
    /// The latest successful sign-in line per account and the latest failures.
    pub evidence: Vec<LogEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    /// The commands that lift every block of it, each once.
    pub unblock: Vec<String>,
    /// The commands (or configuration lines) that keep it allowed, each once.
    pub allow: Vec<String>,
    /// For a network: the addresses in it the logs saw.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<IpAddr>,
    /// `--apply` lifts and whitelists it: a customer's single address.
    pub apply: bool,
    // --- for the advice; not in the document ------------------------------------------------
    #[serde(skip)]
    pub net: Option<IpNet>,
    #[serde(skip)]
    pub listed: Vec<Listed>,
    #[serde(skip)]
    pub activity: Activity,
}

/// Which tool's entries come first for an address: the kernel's, then the lists.
fn stage(b: &Block) -> u8 {
    crate::server::findings::stage(b.source)
}

fn push_new(v: &mut Vec<String>, items: &[String]) {
    for i in items {
        if !v.contains(i) {
            v.push(i.clone());
        }
    }
}

fn counts(map: BTreeMap<String, crate::server::logs::multi::Tally>) -> Vec<AccountCount> {
    let mut v: Vec<AccountCount> = map
        .into_iter()
        .filter(|(a, t)| !a.is_empty() && t.count > 0)
        .map(|(account, t)| AccountCount {
            account: escape_control(&account),
            count: t.count,
            first: rfc3339(t.first),
            last: rfc3339(t.last),
        })
        .collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.account.cmp(&b.account))
    });
    v
}

/// The kind of an address from what it signed in with and what it failed against.
pub fn kind_of(ok: &[AccountCount], failed: &[AccountCount], failed_total: u64) -> Kind {
    let others = failed
        .iter()
        .filter(|f| !ok.iter().any(|o| o.account == f.account))
        .count();
    match (ok.is_empty(), others >= SPRAY_ACCOUNTS) {
        (false, false) => Kind::Customer,
        (false, true) => Kind::Shared,
        (true, true) => Kind::Spraying,
        (true, false) if failed_total > 0 => Kind::FailedOnly,
        (true, false) => Kind::NoSignIns,
    }
}

/// Bans of the address in the window, from the sources that keep a history: fail2ban's
/// earlier rows plus the current ban when it began in the window; lfd's count of
/// temporary blocks before a permanent one.
fn bans_in_window(listed: &[Listed], since: i64) -> u64 {
    let mut n = 0u64;
    for l in listed {
        if l.block.source == BlockSource::Fail2ban {
            let current = l
                .block
                .since
                .as_deref()
                .and_then(crate::server::window::parse_rfc3339)
                .is_some_and(|t| t >= since);
            let earlier = l.earlier_bans.iter().filter(|&&t| t >= since).count() as u64;
            n = n.max(earlier + u64::from(current));
        }
        if l.trigger.as_deref() == Some("PERMBLOCK") {
            if let Some(c) = l.ban_count {
                n = n.max(u64::try_from(c).unwrap_or(0) + 1);
            }
        }
    }
    n
}

/// The "phone with an old password" note: an address banned more than once in the window
/// for failed sign-ins of one account.
fn repeat_of(
    kind: Kind,
    address: &str,
    bans: u64,
    ok: &[AccountCount],
    failed: &[AccountCount],
) -> Option<Repeat> {
    if bans < 2 {
        return None;
    }
    // The account that failed most; for a customer, preferably one it also signs in with
    // (the device that still has the old password).
    let account = failed
        .iter()
        .find(|f| ok.iter().any(|o| o.account == f.account))
        .or_else(|| failed.first())
        .map(|f| f.account.clone());
    let note = match (kind, &account) {
        (Kind::Customer | Kind::Shared, Some(a)) => format!(
            "{address} was banned {bans} times in this window after failed sign-ins as {a}, while the same address also signed in fine: a device (often a phone or a second computer) still has an old password. Ask the customer to update the password of {a} on every device and mail program that uses it."
        ),
        (Kind::Customer | Kind::Shared, None) => format!(
            "{address} was banned {bans} times in this window: a device there keeps failing to sign in. Ask the customer to check the password on every device and mail program."
        ),
        (_, Some(a)) => format!("{address} was banned {bans} times in this window (failed sign-ins as {a})."),
        (_, None) => format!("{address} was banned {bans} times in this window."),
    };
    Some(Repeat {
        bans,
        account,
        note,
    })
}

/// Makes the entries: one per blocked address or network (every source's entries for it
/// together), joined with `activity` (same order as `targets`), ranked and numbered.
/// `since` is the window's start.
pub fn join(
    targets: &[IpNet],
    listed: Vec<Listed>,
    activity: Vec<Activity>,
    since: i64,
) -> Vec<AuditEntry> {
    let mut by_net: BTreeMap<IpNet, Vec<Listed>> = BTreeMap::new();
    for l in listed {
        by_net.entry(l.net).or_default().push(l);
    }
    let mut activity: Vec<Option<Activity>> = activity.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for (i, net) in targets.iter().enumerate() {
        let Some(mut items) = by_net.remove(net) else {
            continue;
        };
        let a = activity
            .get_mut(i)
            .and_then(Option::take)
            .unwrap_or_default();
        items.sort_by_key(|l| (stage(&l.block), l.block.order));
        out.push(entry_for(*net, items, a, since));
    }
    rank(&mut out);
    out
}

/// The addresses to look for in the logs: every listed address or network, once, in order.
pub fn targets_of(listed: &[Listed]) -> Vec<IpNet> {
    let mut v: Vec<IpNet> = listed.iter().map(|l| l.net).collect();
    v.sort();
    v.dedup();
    v
}

fn entry_for(net: IpNet, items: Vec<Listed>, a: Activity, since: i64) -> AuditEntry {
    let address = net_text(&net);
    let ok = counts(a.ok_accounts());
    let failed = counts(a.failed_accounts());
    let sign_ins_ok: u64 = a.ok_accounts().values().map(|t| t.count).sum();
    let sign_ins_failed: u64 = a.failed_accounts().values().map(|t| t.count).sum();
    let kind = kind_of(&ok, &failed, sign_ins_failed);

    let blocks: Vec<Block> = items
        .iter()
        .map(|l| l.block.clone())
        .filter(|b| b.blocks() && touches_mail(b))
        .collect();
    let mut unblock = Vec::new();
    let mut allow = Vec::new();
    for b in &blocks {
        push_new(&mut unblock, &b.unblock);
        push_new(&mut allow, &b.allow);
    }
    // CSF's allow comment names the customer's account once the logs tell it.
    if let Some(first) = ok.first() {
        let named =
            crate::server::firewall::csf::allow_commands_for(&address, Some(&first.account));
        if let Some(n) = named.first() {
            for c in &mut allow {
                if c.starts_with("csf -a ") {
                    c.clone_from(n);
                }
            }
        }
        allow.dedup();
    }
    let parse = |s: &Option<String>| s.as_deref().and_then(crate::server::window::parse_rfc3339);
    let banned_since = blocks
        .iter()
        .filter_map(|b| parse(&b.since))
        .min()
        .map(rfc3339);
    // A rule CSF or fail2ban made lasts as long as that tool's entry, which says until
    // when; only the others (and a tool's rule without its entry) say nothing of an end.
    let timed: Vec<&Block> = blocks
        .iter()
        .filter(|b| {
            b.made_by
                .is_none_or(|m| !blocks.iter().any(|o| o.source == m))
        })
        .collect();
    let permanent = timed.iter().any(|b| b.until.is_none());
    let banned_until = if permanent {
        None
    } else {
        timed
            .iter()
            .filter_map(|b| parse(&b.until))
            .max()
            .map(rfc3339)
    };

    let mut trigger_lines: Vec<String> = Vec::new();
    for l in &items {
        for line in &l.lines {
            if trigger_lines.len() < MAX_TRIGGER_LINES && !trigger_lines.contains(line) {
                trigger_lines.push(line.clone());
            }
        }
    }
    let trigger_lines_recorded = !trigger_lines.is_empty();
    if !trigger_lines_recorded {
        trigger_lines = a.failure_lines.iter().map(|e| e.line.clone()).collect();
    }
    let mut evidence: Vec<LogEntry> = a.ok_lines.values().cloned().collect();
    evidence.extend(a.failure_lines.iter().cloned());
    evidence.sort_by_key(|e| e.unix);

    let bans = bans_in_window(&items, since);
    let repeat = repeat_of(kind, &address, bans, &ok, &failed);
    let single = net.prefix_len() == net.max_prefix_len();
    let seen = if single {
        Vec::new()
    } else {
        a.seen.iter().copied().collect()
    };
    AuditEntry {
        id: String::new(),
        address,
        kind,
        accounts_ok: ok,
        accounts_failed: failed,
        sign_ins_ok,
        sign_ins_failed,
        banned_since,
        banned_until,
        apply: kind == Kind::Customer && single && !unblock.is_empty(),
        blocks,
        trigger_lines,
        trigger_lines_recorded,
        evidence,
        repeat,
        unblock,
        allow,
        seen,
        net: Some(net),
        listed: items,
        activity: a,
    }
}

/// Customers first (the most active first), then shared addresses, then those without
/// sign-ins, then attackers (the busiest first); `entry.N` in that order.
pub fn rank(entries: &mut [AuditEntry]) {
    entries.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| match a.kind {
                Kind::Customer | Kind::Shared => b.sign_ins_ok.cmp(&a.sign_ins_ok),
                Kind::Spraying => b.accounts_failed.len().cmp(&a.accounts_failed.len()),
                Kind::FailedOnly => b.sign_ins_failed.cmp(&a.sign_ins_failed),
                Kind::NoSignIns => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.net.cmp(&b.net))
    });
    // Blocks and log lines are numbered across the document, as in the server report.
    let (mut blocks, mut lines) = (0usize, 0usize);
    for (i, e) in entries.iter_mut().enumerate() {
        e.id = format!("entry.{i}");
        for b in &mut e.blocks {
            b.id = format!("block.{blocks}");
            blocks += 1;
        }
        for l in &mut e.evidence {
            l.id = format!("log.{lines}");
            lines += 1;
        }
    }
}

/// `alice@example.test 12 times (last 2026-11-30 18:02 UTC)`.
pub fn describe_accounts(v: &[AccountCount]) -> String {
    v.iter()
        .map(|a| {
            let last =
                crate::server::window::parse_rfc3339(&a.last).map_or_else(|| a.last.clone(), human);
            if a.count == 1 {
                format!("{} once ({last})", a.account)
            } else {
                format!("{} {} times (last {last})", a.account, a.count)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
