//! fail2ban: the jails that ban the client (with when, until when and the log lines that
//! triggered the ban, from fail2ban's database), the jail settings that explain a ban
//! (maxretry, findtime, bantime, ignoreip) and whether the client is on a jail's ignore list.
//! The `f2b-*` firewall chains are the packet source's business.
//!
//! `fail2ban-client` is a Python program (about 50 ms a call on a quiet host, more on a busy
//! one), so calls are few and run side by side: one `status`, then one ban list per jail and
//! the settings of the mail jails together, then the settings of any other jail that bans the
//! client. Every call is bounded by `Ctx::command_timeout`.

mod db;
mod parse;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ipnet::IpNet;

use crate::server::clock;
use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{
    command, escape_control, Block, BlockSource, Effect, Setting, SourceEntry, SourceOutcome,
    SourceStatus,
};
use crate::server::netaddr;

use super::{net_text, Listed, Listing};
use db::DbBan;
use parse::{DbFile, TimedBan};

/// fail2ban's database when the server cannot say (Debian's and upstream's default).
pub const DEFAULT_DB: &str = "/var/lib/fail2ban/fail2ban.sqlite3";
/// Where the allow advice puts a jail's `ignoreip` so that it survives a restart.
const JAIL_LOCAL: &str = "/etc/fail2ban/jail.local";
/// fail2ban-client calls run at most this many at once.
const PARALLEL: usize = 8;
/// Jail settings reported as `Setting`s.
const JAIL_SETTINGS: [&str; 4] = ["maxretry", "findtime", "bantime", "ignoreip"];
/// Words in a jail's name that make it a mail jail, whose settings are always reported.
const MAIL_WORDS: [&str; 14] = [
    "postfix",
    "sasl",
    "smtp",
    "submission",
    "dovecot",
    "exim",
    "sendmail",
    "courier",
    "qmail",
    "mail",
    "imap",
    "pop3",
    "cyrus",
    "recidive",
];

/// Runs fail2ban-client against the configured socket and counts the calls.
struct Client<'a> {
    ctx: &'a Ctx,
    /// `fail2ban-client`, or a stand-in in tests.
    program: &'a str,
}

impl Client<'_> {
    fn argv<'b>(&'b self, program: &'b str, args: &[&'b str]) -> Vec<&'b str> {
        let mut v = vec![program];
        if let Some(s) = &self.ctx.paths.fail2ban_socket {
            v.push("-s");
            v.push(s.to_str().unwrap_or_default());
        }
        v.extend_from_slice(args);
        v
    }

    fn run(&self, args: &[&str]) -> Result<String, ExecError> {
        let cmd = self.argv(self.program, args);
        exec::run(cmd[0], &cmd[1..], self.ctx.command_timeout)
    }

    /// Runs every argument list, [`PARALLEL`] at a time; answers in the same order.
    fn run_all(&self, calls: &[Vec<String>]) -> Vec<Result<String, ExecError>> {
        let mut out = Vec::with_capacity(calls.len());
        for chunk in calls.chunks(PARALLEL) {
            std::thread::scope(|s| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|args| {
                        s.spawn(move || {
                            let args: Vec<&str> = args.iter().map(String::as_str).collect();
                            self.run(&args)
                        })
                    })
                    .collect();
                for h in handles {
                    out.push(h.join().unwrap_or_else(|_| {
                        Err(ExecError::Io {
                            program: "fail2ban-client".into(),
                            message: "the thread running it failed".into(),
                        })
                    }));
                }
            });
        }
        out
    }

    /// The command a person types, with the same socket.
    fn command(&self, args: &[&str]) -> String {
        escape_control(&command(&self.argv("fail2ban-client", args)))
    }
}

pub fn read(ctx: &Ctx) -> SourceOutcome {
    read_using(ctx, "fail2ban-client")
}

fn read_using(ctx: &Ctx, program: &str) -> SourceOutcome {
    let started = Instant::now();
    let client = netaddr::normalize(ctx.client);
    let f2b = Client { ctx, program };
    let mut out = SourceOutcome::default();
    match jails_of(ctx, &f2b) {
        Ok(jails) => live(ctx, &f2b, &jails, client, started, &mut out),
        Err(NoJails { entry, db }) => {
            out.sources.push(entry);
            if let Some(p) = db {
                read_db_only(ctx, &f2b, &p, client, &mut out);
            }
        }
    }
    out
}

/// Why there is no jail list: the `sources[]` entry, and the database to read instead
/// (without a server, it still says whom fail2ban bans again when it starts).
struct NoJails {
    entry: SourceEntry,
    db: Option<PathBuf>,
}

/// The server's jails (`fail2ban-client status`).
fn jails_of(ctx: &Ctx, f2b: &Client) -> Result<Vec<String>, NoJails> {
    let status = match f2b.run(&["status"]) {
        Ok(s) => s,
        Err(e) => {
            let (status, detail) = match &e {
                ExecError::NotFound { .. } => (
                    SourceStatus::Absent,
                    "fail2ban is not installed (no fail2ban-client)".to_string(),
                ),
                ExecError::Failed { stderr, .. } if parse::server_not_running(stderr) => (
                    SourceStatus::Error,
                    format!("fail2ban-server is not running ({})", socket_shown(ctx)),
                ),
                _ => (e.status(), e.to_string()),
            };
            let db = match (&e, &ctx.paths.fail2ban_db) {
                (_, Some(p)) => Some(p.clone()),
                (ExecError::NotFound { .. }, None) => None,
                (_, None) => Some(PathBuf::from(DEFAULT_DB)),
            };
            return Err(NoJails {
                entry: SourceEntry::new("fail2ban", status, escape_control(&detail)),
                db,
            });
        }
    };
    parse::jail_list(&status).ok_or_else(|| NoJails {
        entry: SourceEntry::new(
            "fail2ban",
            SourceStatus::Error,
            "fail2ban-client status printed no jail list",
        ),
        db: None,
    })
}

/// Every address fail2ban bans now, jail by jail in the server's order, for the audit: the
/// same entries and commands [`read`] reports for one client (allow commands for the banned
/// address itself), with the log lines that triggered each ban and its earlier bans in the
/// window from the database's history. The settings of every jail that bans are read.
/// `ctx.client` is not used.
pub fn all_bans(ctx: &Ctx) -> Listing {
    all_bans_using(ctx, "fail2ban-client")
}

fn all_bans_using(ctx: &Ctx, program: &str) -> Listing {
    let started = Instant::now();
    let f2b = Client { ctx, program };
    let mut l = Listing::default();
    let jails = match jails_of(ctx, &f2b) {
        Ok(j) => j,
        Err(NoJails { entry, db }) => {
            l.sources.push(entry);
            if let Some(p) = db {
                all_from_db_only(ctx, &f2b, &p, &mut l);
            }
            return l;
        }
    };
    let g = gather(ctx, &f2b, &jails, &|_| true);
    let mut problems = g.problems;
    let mut rows: Vec<DbBan> = Vec::new();
    let mut db_note = String::new();
    match (&g.db_path, g.db_disabled) {
        (_, true) => db_note = "database disabled".into(),
        (Some(p), false) => match db::all_rows(p, ctx.command_timeout) {
            Ok(r) => {
                db_note = format!("database {} ({} bans kept)", p.display(), r.len());
                rows = r;
            }
            Err(e) => problems.push(db_problem(&e)),
        },
        (None, false) => {}
    }
    let history = history_of(&rows);

    let mut order = 0u32;
    for (i, jail) in jails.iter().enumerate() {
        let f = &g.findings[i];
        for ban in &f.bans {
            let Some(net) = netaddr::parse_net(&ban.id) else {
                continue;
            };
            let earlier = history
                .get(&(jail.as_str(), net))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let newest = earlier.last().copied();
            let mut b = ban_block(
                &net_text(&net),
                &f2b,
                jail,
                &ban.id,
                net.to_string(),
                f.ignoreip.as_deref(),
                order,
            );
            order += 1;
            b.rule = escape_control(&ban.line);
            fill_times(&mut b, ban, newest);
            b.reason = newest.map(reason_from_db);
            l.entries
                .push(listed_ban(net, b, jail, earlier, ctx.window.since));
        }
        for (name, value) in &f.settings {
            l.settings.push(Setting {
                source: format!("fail2ban:{jail}"),
                name: name.clone(),
                value: escape_control(value),
                location: None,
            });
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let db = if db_note.is_empty() {
        String::new()
    } else {
        format!("; {}", escape_control(&db_note))
    };
    let detail = format!(
        "{} jails ({}); {} banned{db}; {} fail2ban-client calls in {secs:.2} s",
        jails.len(),
        escape_control(&jails.join(", ")),
        l.entries.len(),
        g.calls_made
    );
    l.sources
        .push(SourceEntry::new("fail2ban", SourceStatus::Read, detail));
    l.sources.extend(problems);
    l
}

/// The database's rows by (jail, banned network), oldest first.
fn history_of(rows: &[DbBan]) -> HashMap<(&str, IpNet), Vec<&DbBan>> {
    let mut h: HashMap<(&str, IpNet), Vec<&DbBan>> = HashMap::new();
    for r in rows {
        if let Some(net) = netaddr::parse_net(&r.ip) {
            h.entry((r.jail.as_str(), net)).or_default().push(r);
        }
    }
    h
}

/// A ban with what the database keeps about it: the newest row's lines, failures and ban
/// count, and the times of the earlier rows inside the window.
fn listed_ban(net: IpNet, b: Block, jail: &str, rows: &[&DbBan], since: i64) -> Listed {
    let mut item = Listed::new(net, b);
    item.trigger = Some(jail.to_string());
    if let Some((newest, before)) = rows.split_last() {
        item.lines = newest
            .matches
            .iter()
            .map(|m| escape_control(m.trim()))
            .collect();
        item.failures = newest.failures;
        item.ban_count = Some(newest.bancount);
        item.earlier_bans = before
            .iter()
            .map(|r| r.timeofban)
            .filter(|&t| t >= since)
            .collect();
    }
    item
}

/// No server: the database's current bans of every address.
fn all_from_db_only(ctx: &Ctx, f2b: &Client, path: &Path, l: &mut Listing) {
    let rows = match db::all_rows(path, ctx.command_timeout) {
        Ok(r) => r,
        Err(e) => {
            l.sources.push(db_problem(&e));
            return;
        }
    };
    let history = history_of(&rows);
    let mut current: Vec<(&(&str, IpNet), &Vec<&DbBan>)> = history
        .iter()
        .filter(|(_, v)| v.last().is_some_and(|r| r.current(ctx.now)))
        .collect();
    current.sort_by_key(|((jail, net), v)| (v.last().map_or(0, |r| r.timeofban), *jail, *net));
    l.sources.push(SourceEntry::new(
        "fail2ban-db",
        SourceStatus::Read,
        escape_control(&format!(
            "{}: {} current bans, restored when fail2ban-server starts",
            path.display(),
            current.len()
        )),
    ));
    for (order, ((jail, net), v)) in current.into_iter().enumerate() {
        let Some(r) = v.last() else { continue };
        let mut b = ban_block(
            &net_text(net),
            f2b,
            jail,
            &r.ip,
            net.to_string(),
            None,
            u32::try_from(order).unwrap_or(u32::MAX),
        );
        b.rule = escape_control(&db_rule(r));
        b.since = clock::rfc3339(r.timeofban);
        b.until = r.until().and_then(clock::rfc3339);
        b.reason = Some(format!(
            "{}; fail2ban-server is not running: the ban returns when it starts",
            reason_from_db(r)
        ));
        l.entries
            .push(listed_ban(*net, b, jail, v, ctx.window.since));
    }
}

fn socket_shown(ctx: &Ctx) -> String {
    match &ctx.paths.fail2ban_socket {
        Some(s) => format!("no server on {}", s.display()),
        None => "no server on fail2ban-client's default socket".to_string(),
    }
}

fn is_mail_jail(jail: &str) -> bool {
    let j = jail.to_ascii_lowercase();
    MAIL_WORDS.iter().any(|w| j.contains(w))
}

/// What one jail's calls found.
#[derive(Debug, Default)]
struct JailFindings {
    bans: Vec<TimedBan>,
    settings: Vec<(String, String)>,
    ignoreip: Option<Vec<String>>,
}

/// What the rounds of calls found: each jail's bans and settings, where the database is,
/// the calls that failed.
struct Gathered {
    findings: Vec<JailFindings>,
    db_path: Option<PathBuf>,
    db_disabled: bool,
    problems: Vec<SourceEntry>,
    calls_made: usize,
}

/// Every jail's ban list, the mail jails' settings and the database's path at once; then
/// old servers' ban lists, and the settings of other jails with a ban `wants_settings`
/// picks.
fn gather(
    ctx: &Ctx,
    f2b: &Client,
    jails: &[String],
    wants_settings: &dyn Fn(&TimedBan) -> bool,
) -> Gathered {
    let mut calls_made = 1usize;
    let mut problems: Vec<SourceEntry> = Vec::new();
    let mut findings: Vec<JailFindings> = jails.iter().map(|_| JailFindings::default()).collect();

    // First round: every jail's ban list, the mail jails' settings, the database's path.
    let mut calls: Vec<Vec<String>> = Vec::new();
    let mut what: Vec<Call> = Vec::new();
    for (i, j) in jails.iter().enumerate() {
        calls.push(args(&["get", j, "banip", "--with-time"]));
        what.push(Call::Bans(i));
        if is_mail_jail(j) {
            push_setting_calls(i, j, &mut calls, &mut what);
        }
    }
    if ctx.paths.fail2ban_db.is_none() {
        calls.push(args(&["get", "dbfile"]));
        what.push(Call::DbFile);
    }
    let mut db_path: Option<PathBuf> = ctx.paths.fail2ban_db.clone();
    let mut db_disabled = false;
    let answers = f2b.run_all(&calls);
    calls_made += calls.len();
    let mut fallback: Vec<usize> = Vec::new();
    for (call, answer) in what.iter().zip(answers) {
        match (call, answer) {
            (Call::Bans(i), Ok(text)) => findings[*i].bans = parse::banip_with_time(&text),
            // fail2ban before 0.11 has no `--with-time`: the jail's status lists the bans.
            (Call::Bans(i), Err(ExecError::Failed { .. })) => fallback.push(*i),
            (Call::Bans(i), Err(e)) => problems.push(e.entry(&format!("fail2ban:{}", jails[*i]))),
            (Call::Setting(i, name), Ok(text)) => record_setting(&mut findings[*i], name, &text),
            (Call::Setting(i, name), Err(e)) => problems.push(SourceEntry::new(
                format!("fail2ban:{}", jails[*i]),
                e.status(),
                escape_control(&format!("get {name}: {e}")),
            )),
            (Call::DbFile, Ok(text)) => match parse::dbfile(&text) {
                Some(DbFile::Path(p)) => db_path = Some(PathBuf::from(p)),
                Some(DbFile::Disabled) => db_disabled = true,
                None => db_path = Some(PathBuf::from(DEFAULT_DB)),
            },
            (Call::DbFile, Err(_)) => db_path = Some(PathBuf::from(DEFAULT_DB)),
        }
    }

    // Second round: old servers' ban lists, then settings of other jails that ban.
    if !fallback.is_empty() {
        let calls: Vec<Vec<String>> = fallback
            .iter()
            .map(|&i| args(&["status", &jails[i]]))
            .collect();
        calls_made += calls.len();
        for (&i, answer) in fallback.iter().zip(f2b.run_all(&calls)) {
            match answer {
                Ok(text) => {
                    findings[i].bans = parse::banned_list(&text)
                        .iter()
                        .map(|id| TimedBan::bare(id))
                        .collect();
                }
                Err(e) => problems.push(e.entry(&format!("fail2ban:{}", jails[i]))),
            }
        }
    }
    let mut calls = Vec::new();
    let mut what = Vec::new();
    for (i, j) in jails.iter().enumerate() {
        if !is_mail_jail(j) && findings[i].bans.iter().any(wants_settings) {
            push_setting_calls(i, j, &mut calls, &mut what);
        }
    }
    if !calls.is_empty() {
        calls_made += calls.len();
        for (call, answer) in what.iter().zip(f2b.run_all(&calls)) {
            if let Call::Setting(i, name) = call {
                match answer {
                    Ok(text) => record_setting(&mut findings[*i], name, &text),
                    Err(e) => problems.push(SourceEntry::new(
                        format!("fail2ban:{}", jails[*i]),
                        e.status(),
                        escape_control(&format!("get {name}: {e}")),
                    )),
                }
            }
        }
    }
    Gathered {
        findings,
        db_path,
        db_disabled,
        problems,
        calls_made,
    }
}

fn live(
    ctx: &Ctx,
    f2b: &Client,
    jails: &[String],
    client: IpAddr,
    started: Instant,
    out: &mut SourceOutcome,
) {
    let Gathered {
        findings,
        db_path,
        db_disabled,
        mut problems,
        calls_made,
    } = gather(ctx, f2b, jails, &|b| {
        netaddr::entry_contains(&b.id, client).is_some()
    });

    // The database: since/until, ban count and the lines that triggered each ban.
    let mut db_bans: Vec<DbBan> = Vec::new();
    let mut db_note = String::new();
    match (&db_path, db_disabled) {
        (_, true) => db_note = "database disabled".into(),
        (Some(p), false) => match db::bans_for(p, client, ctx.command_timeout) {
            Ok(b) => {
                db_note = format!("database {}", p.display());
                db_bans = b;
            }
            Err(e) => problems.push(db_problem(&e)),
        },
        (None, false) => {}
    }

    // Blocks, jail by jail in the server's order.
    let mut order = 0u32;
    let mut banned_in: Vec<&str> = Vec::new();
    for (i, jail) in jails.iter().enumerate() {
        let f = &findings[i];
        for ban in &f.bans {
            let Some(net) = netaddr::entry_contains(&ban.id, client) else {
                continue;
            };
            let row = db_bans
                .iter()
                .rev()
                .find(|d| d.jail == *jail && d.ip == ban.id);
            let mut b = ban_block(
                &client.to_string(),
                f2b,
                jail,
                &ban.id,
                net.to_string(),
                f.ignoreip.as_deref(),
                order,
            );
            b.rule = escape_control(&ban.line);
            fill_times(&mut b, ban, row);
            b.reason = row.map(reason_from_db);
            out.blocks.push(b);
            order += 1;
            banned_in.push(jail);
        }
        if let Some(list) = &f.ignoreip {
            for entry in list {
                if let Some(net) = netaddr::entry_contains(entry, client) {
                    out.blocks
                        .push(ignore_block(jail, entry, net.to_string(), order));
                    order += 1;
                }
            }
        }
        for (name, value) in &f.settings {
            out.settings.push(Setting {
                source: format!("fail2ban:{jail}"),
                name: name.clone(),
                value: escape_control(value),
                location: None,
            });
        }
    }
    banned_in.dedup();

    let secs = started.elapsed().as_secs_f64();
    let mut detail = format!(
        "{} jails ({})",
        jails.len(),
        escape_control(&jails.join(", "))
    );
    if banned_in.is_empty() {
        let _ = write!(detail, "; {client} is not banned");
    } else {
        let _ = write!(
            detail,
            "; {client} banned in {}",
            escape_control(&banned_in.join(", "))
        );
    }
    if !db_note.is_empty() {
        let _ = write!(detail, "; {}", escape_control(&db_note));
    }
    let _ = write!(
        detail,
        "; {calls_made} fail2ban-client calls in {secs:.2} s"
    );
    out.sources
        .push(SourceEntry::new("fail2ban", SourceStatus::Read, detail));
    out.sources.extend(problems);
}

/// What a call in a round was for.
enum Call {
    Bans(usize),
    Setting(usize, &'static str),
    DbFile,
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(std::string::ToString::to_string).collect()
}

fn push_setting_calls(i: usize, jail: &str, calls: &mut Vec<Vec<String>>, what: &mut Vec<Call>) {
    for name in JAIL_SETTINGS {
        calls.push(args(&["get", jail, name]));
        what.push(Call::Setting(i, name));
    }
}

fn record_setting(f: &mut JailFindings, name: &str, text: &str) {
    if name == "ignoreip" {
        let list = parse::ignoreip_list(text);
        f.settings.push((name.to_string(), list.join(" ")));
        f.ignoreip = Some(list);
    } else {
        f.settings.push((name.to_string(), text.trim().to_string()));
    }
}

fn db_problem(e: &db::DbError) -> SourceEntry {
    match e {
        db::DbError::File(f) => f.entry("fail2ban-db"),
        db::DbError::Sqlite { .. } => SourceEntry::new(
            "fail2ban-db",
            SourceStatus::Error,
            escape_control(&e.to_string()),
        ),
    }
}

/// A ban of `id` (the banned address or network) in `jail`.
/// `client` is the address the allow commands keep out of the jail.
fn ban_block(
    client: &str,
    f2b: &Client,
    jail: &str,
    id: &str,
    matched: String,
    ignoreip: Option<&[String]>,
    order: u32,
) -> Block {
    let kept = match ignoreip {
        Some(list) if !list.is_empty() => list.join(" "),
        _ => "127.0.0.1/8 ::1".to_string(),
    };
    Block {
        id: String::new(),
        source: BlockSource::Fail2ban,
        location: format!("jail {}", escape_control(jail)),
        rule: escape_control(id),
        reason: None,
        since: None,
        until: None,
        unblock: vec![f2b.command(&["set", jail, "unbanip", id])],
        allow: vec![
            f2b.command(&["set", jail, "addignoreip", client]),
            escape_control(&format!(
                "in [{jail}] of {JAIL_LOCAL}: ignoreip = {kept} {client}"
            )),
        ],
        effect: Effect::Deny,
        made_by: None,
        matched,
        ports: Vec::new(),
        order,
    }
}

/// Since and until: the database's exact time of ban when it has the row, else the ban
/// list's local times.
fn fill_times(b: &mut Block, ban: &TimedBan, row: Option<&DbBan>) {
    if let Some(r) = row {
        b.since = clock::rfc3339(r.timeofban);
        b.until = r.until().and_then(clock::rfc3339);
        return;
    }
    let start = ban.start.and_then(clock::local_to_unix);
    b.since = start.and_then(clock::rfc3339);
    b.until = match (start, ban.bantime) {
        (Some(s), Some(t)) if t >= 0 => clock::rfc3339(s.saturating_add(t)),
        _ => None,
    };
}

/// `5 failures: FIRST LINE ... LAST LINE`, escaped; the ban count when it is not the first.
fn reason_from_db(r: &DbBan) -> String {
    let mut s = String::new();
    if r.bancount > 1 {
        let _ = write!(s, "ban {} of this address in this jail; ", r.bancount);
    }
    let failures = r
        .failures
        .unwrap_or_else(|| i64::try_from(r.matches.len()).unwrap_or(i64::MAX));
    let noun = if failures == 1 { "failure" } else { "failures" };
    match (r.matches.first(), r.matches.last()) {
        (Some(first), Some(last)) if r.matches.len() > 1 => {
            let _ = write!(s, "{failures} {noun}: {} ... {}", first.trim(), last.trim());
        }
        (Some(only), _) => {
            let _ = write!(s, "{failures} {noun}: {}", only.trim());
        }
        _ if failures > 0 => {
            let _ = write!(
                s,
                "{failures} {noun} (the log lines are not kept: dbmaxmatches = 0)"
            );
        }
        _ => s.push_str("no failures recorded: banned by hand (fail2ban-client set JAIL banip)"),
    }
    escape_control(&s)
}

fn ignore_block(jail: &str, entry: &str, matched: String, order: u32) -> Block {
    Block {
        id: String::new(),
        source: BlockSource::Fail2ban,
        location: format!("jail {}", escape_control(jail)),
        rule: escape_control(&format!("ignoreip {entry}")),
        reason: Some("fail2ban never bans an address on this jail's ignoreip list".into()),
        since: None,
        until: None,
        unblock: Vec::new(),
        allow: Vec::new(),
        effect: Effect::Allow,
        made_by: None,
        matched,
        ports: Vec::new(),
        order,
    }
}

/// No server: the database's current bans, which fail2ban restores when it starts.
fn read_db_only(ctx: &Ctx, f2b: &Client, path: &Path, client: IpAddr, out: &mut SourceOutcome) {
    let bans = match db::bans_for(path, client, ctx.command_timeout) {
        Ok(b) => b,
        Err(e) => {
            out.sources.push(db_problem(&e));
            return;
        }
    };
    let current: Vec<&DbBan> = bans.iter().filter(|b| b.current(ctx.now)).collect();
    out.sources.push(SourceEntry::new(
        "fail2ban-db",
        SourceStatus::Read,
        escape_control(&format!(
            "{}: {} current ban(s) of {client}, restored when fail2ban-server starts",
            path.display(),
            current.len()
        )),
    ));
    for (order, r) in current.into_iter().enumerate() {
        let matched = netaddr::parse_net(&r.ip).map_or_else(|| r.ip.clone(), |n| n.to_string());
        let mut b = ban_block(
            &netaddr::normalize(ctx.client).to_string(),
            f2b,
            &r.jail,
            &r.ip,
            matched,
            None,
            u32::try_from(order).unwrap_or(u32::MAX),
        );
        b.rule = escape_control(&db_rule(r));
        b.since = clock::rfc3339(r.timeofban);
        b.until = r.until().and_then(clock::rfc3339);
        b.reason = Some(format!(
            "{}; fail2ban-server is not running: the ban returns when it starts",
            reason_from_db(r)
        ));
        out.blocks.push(b);
    }
}

/// A database row written like `get JAIL banip --with-time` prints a ban.
fn db_rule(r: &DbBan) -> String {
    let local = |t: i64| clock::unix_to_local(t).map_or_else(|| t.to_string(), clock::format_local);
    let end = match r.until() {
        Some(u) => local(u),
        None => "permanent".to_string(),
    };
    format!("{} {} + {} = {}", r.ip, local(r.timeofban), r.bantime, end)
}

#[cfg(test)]
mod tests;
