//! The audit's I/O: every source's list of blocked addresses at once (one thread each; one
//! that fails or panics never stops the others), then one pass over the logs for all of
//! them, then the pure join, ranking and advice. `--apply` runs the customers' commands
//! and reads the lists again to say which of them are no longer blocked.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use ipnet::IpNet;

use crate::server::apply::{self, RunFn};
use crate::server::context::{Ctx, Paths, Window};
use crate::server::diagnose::blocks::touches_mail;
use crate::server::firewall::{self, Listed, Listing};
use crate::server::logs::multi::{self, ManyOutcome};
use crate::server::model::{Setting, SourceEntry, SourceStatus};
use crate::server::window::{describe_duration, ending_at};

use super::advice::advise;
use super::join::{join, targets_of};
use super::report::{AuditApply, AuditReport};

/// The window the audit reads when `--since` is not given: a week.
pub const DEFAULT_AUDIT_SINCE_SECS: i64 = 7 * 86_400;

/// The sources' entry points. [`AuditSources::HOST`] reads this host; tests pass their own.
#[derive(Clone, Copy)]
pub struct AuditSources {
    pub packet: fn(&Ctx) -> Listing,
    pub csf: fn(&Ctx) -> Listing,
    pub fail2ban: fn(&Ctx) -> Listing,
    pub logs: fn(&[IpNet], Window, &Paths) -> ManyOutcome,
}

impl AuditSources {
    pub const HOST: AuditSources = AuditSources {
        packet: firewall::packet::all_blocks,
        csf: firewall::csf::all_entries,
        fail2ban: firewall::fail2ban::all_bans,
        logs: multi::scan_many,
    };
}

/// What the person asked for: how far back, where things live, the command budget.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRequest {
    /// The window's length in seconds.
    pub since: i64,
    pub paths: Paths,
    pub timeout: Duration,
}

impl Default for AuditRequest {
    fn default() -> Self {
        AuditRequest {
            since: DEFAULT_AUDIT_SINCE_SECS,
            paths: Paths::default(),
            timeout: Duration::from_secs(10),
        }
    }
}

/// The sources' context: no client (the listings ask for every address), the window
/// ending `now`.
pub fn ctx_for(req: &AuditRequest, now: i64) -> Ctx {
    Ctx {
        client: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        account: None,
        window: ending_at(now, req.since),
        paths: req.paths.clone(),
        command_timeout: req.timeout,
        now,
    }
}

fn crashed(name: &str) -> Listing {
    Listing {
        sources: vec![SourceEntry::new(
            name,
            SourceStatus::Error,
            "stopped unexpectedly (a defect in smtp-doctor); the other sources were read",
        )],
        ..Default::default()
    }
}

/// Every source's listing, read at once.
pub fn read_listings(
    ctx: &Ctx,
    sources: &AuditSources,
) -> (Vec<Listed>, Vec<SourceEntry>, Vec<Setting>) {
    let (packet, csf, fail2ban) = std::thread::scope(|s| {
        let packet = s.spawn(|| (sources.packet)(ctx));
        let csf = s.spawn(|| (sources.csf)(ctx));
        let fail2ban = s.spawn(|| (sources.fail2ban)(ctx));
        (
            packet.join().unwrap_or_else(|_| crashed("packet filter")),
            csf.join().unwrap_or_else(|_| crashed("csf")),
            fail2ban.join().unwrap_or_else(|_| crashed("fail2ban")),
        )
    });
    let mut listed = Vec::new();
    let mut srcs = Vec::new();
    let mut settings = Vec::new();
    for l in [packet, csf, fail2ban] {
        listed.extend(l.entries);
        srcs.extend(l.sources);
        settings.extend(l.settings);
    }
    (listed, srcs, settings)
}

/// The whole audit at `now`.
pub fn audit(req: &AuditRequest, now: i64, sources: &AuditSources) -> AuditReport {
    let ctx = ctx_for(req, now);
    let (listed, mut srcs, settings) = read_listings(&ctx, sources);
    let targets = targets_of(&listed);
    let logs = (sources.logs)(&targets, ctx.window, &ctx.paths);
    srcs.extend(logs.sources);
    let entries = join(&targets, listed, logs.activity, ctx.window.since);
    let advice = advise(&entries, &settings);
    AuditReport::new(
        ctx.window,
        now,
        describe_duration(req.since),
        entries,
        advice,
        settings,
        srcs,
    )
}

/// Addresses the listings still block from mail.
fn still_blocked(listed: &[Listed], addresses: &[String]) -> Vec<String> {
    addresses
        .iter()
        .filter(|a| {
            listed.iter().any(|l| {
                firewall::net_text(&l.net) == **a && l.block.blocks() && touches_mail(&l.block)
            })
        })
        .cloned()
        .collect()
}

/// The report with `apply` saying that nothing ran (declined, or nothing to run).
pub fn not_run(mut report: AuditReport, declined: bool) -> AuditReport {
    let addresses = report
        .customers_to_lift()
        .iter()
        .map(|e| e.address.clone())
        .collect::<Vec<_>>();
    report.apply = Some(AuditApply {
        declined,
        still_blocked: addresses.clone(),
        addresses,
        commands: Vec::new(),
        lifted: Vec::new(),
    });
    report
}

/// Runs the customers' unblock and allow commands (consent is the caller's business),
/// reads every list again at `now` and says which customers are no longer blocked. The
/// entries stay as they were found.
pub fn lift_customers(
    before: &AuditReport,
    req: &AuditRequest,
    now: i64,
    run: RunFn,
    sources: &AuditSources,
) -> AuditReport {
    let commands = before.apply_commands();
    if commands.is_empty() {
        return not_run(before.clone(), false);
    }
    let addresses: Vec<String> = before
        .customers_to_lift()
        .iter()
        .map(|e| e.address.clone())
        .collect();
    let outcomes = apply::run_commands(&commands, req.timeout, run);
    let (again, _, _) = read_listings(&ctx_for(req, now), sources);
    let blocked = still_blocked(&again, &addresses);
    let lifted = addresses
        .iter()
        .filter(|a| !blocked.contains(a))
        .cloned()
        .collect();
    let mut after = before.clone();
    after.apply = Some(AuditApply {
        declined: false,
        addresses,
        commands: outcomes,
        lifted,
        still_blocked: blocked,
    });
    after
}
