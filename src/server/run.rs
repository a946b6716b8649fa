//! The orchestrator: every source runs at once on its own thread (none waits for another,
//! and one that fails or even panics never stops the others), then their outcomes are put
//! in one order and numbered, diagnosed and turned into the report.
//!
//! [`read_all`] is the only part that runs anything; [`assemble`] and [`examine_outcomes`]
//! are pure, so the order, the numbering and the causes are tested from hand-built
//! outcomes without root.

use super::apply::{self, RunFn};
use super::context::Ctx;
use super::diagnose;
use super::model::{LogOutcome, ServicesOutcome, SourceEntry, SourceOutcome, SourceStatus};
use super::report::{ReportInput, ServerReport};
use super::request::{self, Request};

pub use super::findings::{stage, Findings};

/// The sources' entry points. [`Sources::HOST`] reads this host; tests pass their own.
#[derive(Clone, Copy)]
pub struct Sources {
    pub packet: fn(&Ctx) -> SourceOutcome,
    pub csf: fn(&Ctx) -> SourceOutcome,
    pub fail2ban: fn(&Ctx) -> SourceOutcome,
    pub mta_access: fn(&Ctx) -> SourceOutcome,
    pub logs: fn(&Ctx) -> LogOutcome,
    pub services: fn(&Ctx) -> ServicesOutcome,
}

impl Sources {
    pub const HOST: Sources = Sources {
        packet: super::firewall::packet::read,
        csf: super::firewall::csf::read,
        fail2ban: super::firewall::fail2ban::read,
        mta_access: super::firewall::mta_access::read,
        logs: super::logs::scan,
        services: super::services::read,
    };
}

/// What every source returned, before ordering.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcomes {
    pub packet: SourceOutcome,
    pub csf: SourceOutcome,
    pub fail2ban: SourceOutcome,
    pub mta_access: SourceOutcome,
    pub logs: LogOutcome,
    pub services: ServicesOutcome,
}

/// A source that panicked: named, marked as an error, and the others go on.
fn crashed(name: &str) -> SourceEntry {
    SourceEntry::new(
        name,
        SourceStatus::Error,
        "stopped unexpectedly (a defect in smtp-doctor); the other sources were read",
    )
}

/// Runs every source at once and waits for all of them.
pub fn read_all(ctx: &Ctx, sources: &Sources) -> Outcomes {
    std::thread::scope(|s| {
        let packet = s.spawn(|| (sources.packet)(ctx));
        let csf = s.spawn(|| (sources.csf)(ctx));
        let fail2ban = s.spawn(|| (sources.fail2ban)(ctx));
        let mta_access = s.spawn(|| (sources.mta_access)(ctx));
        let logs = s.spawn(|| (sources.logs)(ctx));
        let services = s.spawn(|| (sources.services)(ctx));
        // Joined by hand, so a panic becomes an error entry instead of ending the scope.
        let firewall = |h: std::thread::ScopedJoinHandle<'_, SourceOutcome>, name: &str| {
            h.join().unwrap_or_else(|_| SourceOutcome {
                sources: vec![crashed(name)],
                ..Default::default()
            })
        };
        Outcomes {
            packet: firewall(packet, "packet filter"),
            csf: firewall(csf, "csf"),
            fail2ban: firewall(fail2ban, "fail2ban"),
            mta_access: firewall(mta_access, "mta access"),
            logs: logs.join().unwrap_or_else(|_| LogOutcome {
                sources: vec![crashed("logs")],
                ..Default::default()
            }),
            services: services.join().unwrap_or_else(|_| ServicesOutcome {
                sources: vec![crashed("services")],
                ..Default::default()
            }),
        }
    })
}

/// Orders and numbers what the sources found. Pure.
pub fn assemble(o: Outcomes) -> Findings {
    let Outcomes {
        packet,
        csf,
        fail2ban,
        mta_access,
        logs,
        services,
    } = o;
    let mut f = Findings::default();
    for outcome in [packet, csf, fail2ban, mta_access] {
        f.firewall_unread.extend(
            outcome
                .sources
                .iter()
                .filter(|s| matches!(s.status, SourceStatus::Denied | SourceStatus::Error))
                .cloned(),
        );
        f.sources.extend(outcome.sources);
        f.blocks.extend(outcome.blocks);
        f.settings.extend(outcome.settings);
    }
    f.sources.extend(services.sources);
    f.sources.extend(logs.sources);
    f.settings.extend(services.settings);
    f.services = services.services;
    f.services.sort_by_key(|s| s.port);
    f.problems = services.problems;

    // Stable: within a stage, the source's own order stands where `order` ties.
    f.blocks.sort_by_key(|b| (stage(b.source), b.order));
    for (i, b) in f.blocks.iter_mut().enumerate() {
        b.id = format!("block.{i}");
    }
    f.log = logs.entries;
    // Stable: lines of the same second keep the order the scanner read them in.
    f.log.sort_by_key(|e| e.unix);
    for (i, e) in f.log.iter_mut().enumerate() {
        e.id = format!("log.{i}");
    }
    f
}

/// The report for these outcomes: ordered, numbered and diagnosed. Pure.
pub fn examine_outcomes(ctx: &Ctx, input: ReportInput, outcomes: Outcomes) -> ServerReport {
    let findings = assemble(outcomes);
    let diagnosis = diagnose::diagnose(ctx, &findings);
    ServerReport::new(ctx, input, findings, diagnosis)
}

/// Reads every source of this host (or `sources`) and builds the report.
pub fn examine(ctx: &Ctx, input: ReportInput, sources: &Sources) -> ServerReport {
    examine_outcomes(ctx, input, read_all(ctx, sources))
}

/// A report with what it was made from, so that it can be made again after a change.
#[derive(Debug, Clone)]
pub struct Examined {
    pub ctx: Ctx,
    pub input: ReportInput,
    pub report: ServerReport,
}

/// The whole look for one request, as the wizard does it: read the customer's report if
/// one was named, then every source. The error is one line for the person.
pub fn look(req: &Request, now: i64, sources: &Sources) -> Result<Examined, String> {
    let (ctx, input) = request::prepare(req, now).map_err(|e| e.to_string())?;
    let report = examine(&ctx, input.clone(), sources);
    Ok(Examined { ctx, input, report })
}

/// Runs the unblock commands of `before` (consent is the caller's business), reads every
/// source again at `now` and returns the new report with what ran.
pub fn lift(before: &Examined, now: i64, run: RunFn, sources: &Sources) -> ServerReport {
    let commands = before.report.unblock_commands();
    if commands.is_empty() {
        return apply::not_run(before.report.clone(), false);
    }
    let outcomes = apply::run_commands(&commands, before.ctx.command_timeout, run);
    let again = Ctx {
        now,
        ..before.ctx.clone()
    };
    let after = examine(&again, before.input.clone(), sources);
    apply::finish(&before.report, after, outcomes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::server::context::{Paths, Window};
    use crate::server::model::{Block, BlockSource, Effect, LogEntry, LogEvent};
    use std::sync::{Condvar, Mutex};
    use std::time::Duration;

    /// 2026-12-01 09:00:00 UTC: "now" in the tests.
    pub const NOW: i64 = 1_796_115_600;
    /// An hour before: when the test lines happen.
    pub const T0: i64 = NOW - 3600;

    pub fn ctx() -> Ctx {
        Ctx {
            client: "198.51.100.7".parse().unwrap(),
            account: Some("alice@example.test".into()),
            window: Window {
                since: NOW - 86_400,
                until: NOW,
            },
            paths: Paths::default(),
            command_timeout: Duration::from_secs(10),
            now: NOW,
        }
    }

    pub fn block(source: BlockSource, order: u32, effect: Effect) -> Block {
        Block {
            id: String::new(),
            source,
            location: format!("{}:{order}", source.as_str()),
            rule: format!("rule {order}"),
            reason: None,
            since: None,
            until: None,
            unblock: vec![],
            allow: vec![],
            effect,
            made_by: None,
            matched: "198.51.100.7".into(),
            ports: vec![],
            order,
        }
    }

    pub fn entry(unix: i64, event: LogEvent, line: &str) -> LogEntry {
        LogEntry {
            id: String::new(),
            time: crate::server::window::rfc3339(unix),
            file: "/var/log/mail.log".into(),
            program: "postfix/submission/smtpd".into(),
            event,
            account: None,
            line: line.into(),
            reply: None,
            unix,
        }
    }

    #[test]
    fn blocks_in_packet_order_and_logs_in_time_order() {
        let o = Outcomes {
            mta_access: SourceOutcome {
                sources: vec![SourceEntry::new("postfix-access", SourceStatus::Read, "")],
                blocks: vec![block(BlockSource::MtaAccess, 0, Effect::RefuseSession)],
                settings: vec![],
            },
            csf: SourceOutcome {
                sources: vec![SourceEntry::new("csf", SourceStatus::Read, "")],
                blocks: vec![block(BlockSource::Csf, 0, Effect::Deny)],
                settings: vec![],
            },
            packet: SourceOutcome {
                sources: vec![SourceEntry::new("iptables", SourceStatus::Read, "")],
                blocks: vec![
                    block(BlockSource::Iptables, 2, Effect::Drop),
                    block(BlockSource::Ipset, 1, Effect::Deny),
                    block(BlockSource::Nftables, 0, Effect::Reject),
                ],
                settings: vec![],
            },
            fail2ban: SourceOutcome {
                sources: vec![SourceEntry::new("fail2ban", SourceStatus::Absent, "")],
                blocks: vec![block(BlockSource::Fail2ban, 0, Effect::Deny)],
                settings: vec![],
            },
            logs: LogOutcome {
                sources: vec![SourceEntry::new(
                    "/var/log/mail.log",
                    SourceStatus::Read,
                    "",
                )],
                entries: vec![
                    entry(30, LogEvent::Rejected, "c"),
                    entry(10, LogEvent::Connect, "a"),
                    entry(20, LogEvent::AuthFailed, "b"),
                    entry(20, LogEvent::Disconnect, "b2"),
                ],
            },
            services: ServicesOutcome::default(),
        };
        let f = assemble(o);
        let order: Vec<_> = f.blocks.iter().map(|b| (b.id.as_str(), b.source)).collect();
        assert_eq!(
            order,
            [
                ("block.0", BlockSource::Nftables),
                ("block.1", BlockSource::Ipset),
                ("block.2", BlockSource::Iptables),
                ("block.3", BlockSource::Csf),
                ("block.4", BlockSource::Fail2ban),
                ("block.5", BlockSource::MtaAccess),
            ]
        );
        let lines: Vec<_> = f
            .log
            .iter()
            .map(|e| (e.id.as_str(), e.line.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                ("log.0", "a"),
                ("log.1", "b"),
                ("log.2", "b2"),
                ("log.3", "c")
            ]
        );
        let names: Vec<_> = f.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "iptables",
                "csf",
                "fail2ban",
                "postfix-access",
                "/var/log/mail.log"
            ]
        );
    }

    #[test]
    fn lifting_runs_the_commands_and_reads_again() {
        fn blocked(_: &Ctx) -> SourceOutcome {
            let mut b = block(BlockSource::Csf, 0, Effect::Deny);
            b.unblock = vec!["csf -dr 198.51.100.7".into()];
            SourceOutcome {
                sources: vec![SourceEntry::new("csf", SourceStatus::Read, "")],
                blocks: vec![b],
                settings: vec![],
            }
        }
        fn clear(_: &Ctx) -> SourceOutcome {
            SourceOutcome {
                sources: vec![SourceEntry::new("csf", SourceStatus::Read, "")],
                ..Default::default()
            }
        }
        fn none(_: &Ctx) -> SourceOutcome {
            SourceOutcome::default()
        }
        let before_sources = Sources {
            packet: none,
            csf: blocked,
            fail2ban: none,
            mta_access: none,
            logs: |_| LogOutcome::default(),
            services: |_| ServicesOutcome::default(),
        };
        let req = Request::new(crate::server::request::Target::Ip(ctx().client));
        let before = look(&req, NOW, &before_sources).unwrap();
        assert_eq!(before.report.unblock_commands(), ["csf -dr 198.51.100.7"]);
        let ran = std::cell::RefCell::new(Vec::new());
        let fake = |p: &str, a: &[&str], _: Duration| {
            ran.borrow_mut().push(format!("{p} {}", a.join(" ")));
            Ok(String::new())
        };
        let after = lift(
            &before,
            NOW + 5,
            &fake,
            &Sources {
                csf: clear,
                ..before_sources
            },
        );
        assert_eq!(*ran.borrow(), ["csf -dr 198.51.100.7"]);
        let a = after.apply.as_ref().unwrap();
        assert_eq!(a.block_gone, Some(true));
        assert_eq!(a.before.len(), 1);
        assert!(after.blocks.is_empty());
        assert_eq!(after.generated_at, crate::server::window::rfc3339(NOW + 5));
        // Still blocked when the source still shows it.
        let again = lift(&before, NOW + 5, &fake, &before_sources);
        assert_eq!(again.apply.unwrap().block_gone, Some(false));
    }

    /// A meeting point: each source arrives and waits (bounded) for all six to be inside
    /// at once, which only happens when they run at the same time.
    static ARRIVED: Mutex<usize> = Mutex::new(0);
    static ALL_IN: Condvar = Condvar::new();

    fn meet() -> bool {
        let mut n = ARRIVED.lock().unwrap();
        *n += 1;
        ALL_IN.notify_all();
        let (n, _) = ALL_IN
            .wait_timeout_while(n, Duration::from_secs(20), |n| *n < 6)
            .unwrap();
        *n >= 6
    }

    fn met(name: &str) -> SourceOutcome {
        let status = if meet() {
            SourceStatus::Read
        } else {
            SourceStatus::Error
        };
        SourceOutcome {
            sources: vec![SourceEntry::new(name, status, "")],
            ..Default::default()
        }
    }

    #[test]
    fn every_source_runs_at_once_and_a_panic_stops_none() {
        let sources = Sources {
            packet: |_| met("packet"),
            csf: |_| met("csf"),
            fail2ban: |_| met("fail2ban"),
            mta_access: |_| met("mta"),
            logs: |_| {
                meet();
                panic!("a defect in a source")
            },
            services: |_| {
                let status = if meet() {
                    SourceStatus::Read
                } else {
                    SourceStatus::Error
                };
                ServicesOutcome {
                    sources: vec![SourceEntry::new("services", status, "")],
                    ..Default::default()
                }
            },
        };
        let o = read_all(&ctx(), &sources);
        for outcome in [&o.packet, &o.csf, &o.fail2ban, &o.mta_access] {
            assert_eq!(outcome.sources[0].status, SourceStatus::Read, "{outcome:?}");
        }
        assert_eq!(o.services.sources[0].status, SourceStatus::Read);
        assert_eq!(o.logs.sources[0].name, "logs");
        assert_eq!(o.logs.sources[0].status, SourceStatus::Error);
    }
}
