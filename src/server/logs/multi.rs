//! The log scan for many addresses at once (`server --audit`): one pass over every file
//! collects, for each blocked address or network, the sign-ins the logs show from it in
//! the window, by account and result, instead of one scan per address.
//!
//! The prefilter is an Aho-Corasick automaton over the addresses' texts (a network is
//! searched by the text every address in it starts with: `198.51.100.` for a /24 or /26,
//! `2001:db8:` for 2001:db8::/32). A hit is then read as a whole address token, with the
//! same boundaries as the one-address matcher (198.51.100.7 is not in 198.51.100.71), and
//! looked up exactly, so the automaton only has to find where an address may start. Only
//! lines with a hit are split, parsed and classified; the file handling (rotations, gzip,
//! the seek past old lines, the window) is the one-address scan's.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use ipnet::IpNet;
use serde::Serialize;

use crate::server::context::{Paths, Window};
use crate::server::model::{LogEntry, LogEvent, SourceEntry, SourceStatus};

use super::classify::{classify, Classified};
use super::entries::make_entry;
use super::files::{describe, open_in_window, FileResult, ReadCounts, Sizes};
use super::line::{parse_line, Family};
use super::matcher::{v4_after_ok, v4_before_ok, v6_after_ok, v6_before_ok};
use super::paths::{self, LogFile};
use super::reader::{candidate, line_around, scan_regions, Flow, SEEK_SLACK_SECS};
use super::time::{resolve, MemoZone};
use super::ScanOptions;

/// Failure times kept per address and channel (the latest), for the threshold advice.
pub const MAX_TIMES: usize = 4096;
/// Failure lines kept per address as evidence (the latest).
pub const MAX_FAILURE_LINES: usize = 3;
/// Accounts whose latest successful sign-in line is kept per address.
pub const MAX_OK_LINES: usize = 8;
/// Addresses of a network target that are remembered (the first seen).
pub const MAX_SEEN: usize = 16;

/// Where a sign-in result was logged. One attempt can show twice: Postfix's SASL failure
/// and Dovecot's auth process's mismatch for the same login; channels are counted apart so
/// that it is counted once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The MTA's own lines (Postfix smtpd, Exim): SMTP AUTH.
    Smtp,
    /// Dovecot's login processes (imap-login, pop3-login, submission-login): mailbox logins.
    Mailbox,
    /// Dovecot's auth process (`auth:`, `auth-worker`): every passdb lookup, for SMTP AUTH
    /// through Dovecot SASL and mailbox logins alike.
    Auth,
}

/// How many times, and the first and last time (Unix seconds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub first: i64,
    pub last: i64,
}

impl Tally {
    fn add(&mut self, unix: i64) {
        if self.count == 0 || unix < self.first {
            self.first = unix;
        }
        if self.count == 0 || unix > self.last {
            self.last = unix;
        }
        self.count += 1;
    }

    fn merge(&mut self, o: &Tally) {
        if o.count == 0 {
            return;
        }
        if self.count == 0 {
            *self = *o;
            return;
        }
        self.count += o.count;
        self.first = self.first.min(o.first);
        self.last = self.last.max(o.last);
    }
}

/// What the logs show from one blocked address or network in the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity {
    /// Lines that mention it.
    pub lines: u64,
    /// Successful sign-ins by (account, channel); the account is empty when the line does
    /// not name one. Postfix logs a login when the client sends a message after it.
    pub ok: BTreeMap<(String, Channel), Tally>,
    /// Failed sign-ins by (account, channel).
    pub failed: BTreeMap<(String, Channel), Tally>,
    /// Failure times per channel, oldest first (the latest [`MAX_TIMES`]).
    pub failure_times: BTreeMap<Channel, Vec<i64>>,
    /// The latest successful sign-in line per account (up to [`MAX_OK_LINES`] accounts).
    pub ok_lines: BTreeMap<String, LogEntry>,
    /// The latest failure lines, oldest first.
    pub failure_lines: VecDeque<LogEntry>,
    /// For a network: the addresses in it the lines came from (the first [`MAX_SEEN`]).
    pub seen: BTreeSet<IpAddr>,
}

impl Activity {
    /// Successful sign-ins per account (SMTP and mailbox logins together).
    pub fn ok_accounts(&self) -> BTreeMap<String, Tally> {
        let mut out: BTreeMap<String, Tally> = BTreeMap::new();
        for ((account, _), t) in &self.ok {
            out.entry(account.clone()).or_default().merge(t);
        }
        out
    }

    /// Failed sign-ins per account: the MTA's and the login processes' lines, or Dovecot's
    /// auth process's when it logged more (it sees both kinds of attempt, once each).
    pub fn failed_accounts(&self) -> BTreeMap<String, Tally> {
        let mut direct: BTreeMap<String, Tally> = BTreeMap::new();
        let mut auth: BTreeMap<String, Tally> = BTreeMap::new();
        for ((account, channel), t) in &self.failed {
            let into = if *channel == Channel::Auth {
                &mut auth
            } else {
                &mut direct
            };
            into.entry(account.clone()).or_default().merge(t);
        }
        for (account, t) in auth {
            let d = direct.entry(account).or_default();
            if t.count > d.count {
                *d = t;
            }
        }
        direct
    }

    fn record(
        &mut self,
        unix: i64,
        channel: Channel,
        c: &Classified,
        entry: impl FnOnce() -> LogEntry,
    ) {
        let account = c.account.clone().unwrap_or_default().to_lowercase();
        match c.event {
            LogEvent::AuthOk => {
                self.ok
                    .entry((account.clone(), channel))
                    .or_default()
                    .add(unix);
                let newer = self.ok_lines.get(&account).is_none_or(|e| e.unix <= unix);
                if newer
                    && (self.ok_lines.len() < MAX_OK_LINES || self.ok_lines.contains_key(&account))
                {
                    self.ok_lines.insert(account, entry());
                }
            }
            LogEvent::AuthFailed => {
                self.failed.entry((account, channel)).or_default().add(unix);
                push_time(self.failure_times.entry(channel).or_default(), unix);
                self.failure_lines.push_back(entry());
                while self.failure_lines.len() > MAX_FAILURE_LINES {
                    self.failure_lines.pop_front();
                }
            }
            _ => {}
        }
    }

    /// Adds what another file found.
    pub fn merge(&mut self, o: Activity) {
        self.lines += o.lines;
        for (k, t) in &o.ok {
            self.ok.entry(k.clone()).or_default().merge(t);
        }
        for (k, t) in &o.failed {
            self.failed.entry(k.clone()).or_default().merge(t);
        }
        for (channel, times) in o.failure_times {
            let mine = self.failure_times.entry(channel).or_default();
            mine.extend(times);
            mine.sort_unstable();
            if mine.len() > MAX_TIMES {
                mine.drain(..mine.len() - MAX_TIMES);
            }
        }
        for (account, e) in o.ok_lines {
            let newer = self
                .ok_lines
                .get(&account)
                .is_none_or(|mine| mine.unix <= e.unix);
            if newer && (self.ok_lines.len() < MAX_OK_LINES || self.ok_lines.contains_key(&account))
            {
                self.ok_lines.insert(account, e);
            }
        }
        let mut lines: Vec<LogEntry> = self
            .failure_lines
            .drain(..)
            .chain(o.failure_lines)
            .collect();
        lines.sort_by_key(|e| e.unix);
        let skip = lines.len().saturating_sub(MAX_FAILURE_LINES);
        self.failure_lines = lines.into_iter().skip(skip).collect();
        for ip in o.seen {
            if self.seen.len() < MAX_SEEN {
                self.seen.insert(ip);
            }
        }
    }
}

/// Keeps (about) the latest [`MAX_TIMES`] times: the oldest go in batches, so that an
/// attacker's millions of failures cost no more than a push each; [`Activity::merge`]
/// sorts and cuts to [`MAX_TIMES`] exactly.
fn push_time(times: &mut Vec<i64>, unix: i64) {
    if times.len() >= 2 * MAX_TIMES {
        times.drain(..times.len() - MAX_TIMES);
    }
    times.push(unix);
}

/// The channel of a line, from its family and, for Dovecot, its component.
pub fn channel_of(family: Family, message: &str) -> Option<Channel> {
    match family {
        Family::Postfix | Family::Exim => Some(Channel::Smtp),
        Family::Dovecot => {
            let component = message.split_once(": ").map_or(message, |(c, _)| c);
            if component.ends_with("-login") {
                Some(Channel::Mailbox)
            } else if component == "auth" || component.starts_with("auth-worker") {
                Some(Channel::Auth)
            } else {
                None
            }
        }
        Family::Other => None,
    }
}

/// The addresses and networks to look for, and the automaton that finds where one of them
/// may be mentioned.
pub struct AddressSet {
    ac: Option<AhoCorasick>,
    /// Per pattern: an IPv6 text (else IPv4).
    v6: Vec<bool>,
    exact: HashMap<IpAddr, Vec<usize>>,
    /// Networks by prefix length: the masked address gives the targets.
    nets: BTreeMap<(bool, u8), HashMap<IpNet, Vec<usize>>>,
    /// Targets that cannot be searched for (a network too wide to have a common text).
    pub unsearchable: Vec<usize>,
}

/// The text every address of `net` starts with in a log, when there is one worth
/// searching for: whole IPv4 octets with their dot, or IPv6 groups up to the first zero
/// group (which RFC 5952 may compress), each with its colon.
pub fn network_prefix_text(net: &IpNet) -> Option<String> {
    match net {
        IpNet::V4(n) => {
            let octets = usize::from(n.prefix_len() / 8);
            if octets == 0 {
                return None;
            }
            let o = n.network().octets();
            let parts: Vec<String> = o[..octets].iter().map(u8::to_string).collect();
            Some(format!("{}.", parts.join(".")))
        }
        IpNet::V6(n) => {
            let groups = usize::from(n.prefix_len() / 16);
            let segs = n.network().segments();
            let parts: Vec<String> = segs[..groups]
                .iter()
                .take_while(|&&g| g != 0)
                .map(|g| format!("{g:x}"))
                .collect();
            (!parts.is_empty()).then(|| format!("{}:", parts.join(":")))
        }
    }
}

impl AddressSet {
    /// The set for `targets` (indices into it are what lines are attributed to).
    pub fn new(targets: &[IpNet]) -> AddressSet {
        let mut patterns: Vec<String> = Vec::new();
        let mut v6 = Vec::new();
        let mut seen_pattern: HashMap<String, usize> = HashMap::new();
        let mut exact: HashMap<IpAddr, Vec<usize>> = HashMap::new();
        let mut nets: BTreeMap<(bool, u8), HashMap<IpNet, Vec<usize>>> = BTreeMap::new();
        let mut unsearchable = Vec::new();
        for (i, net) in targets.iter().enumerate() {
            let net = normal_net(net);
            let text = if net.prefix_len() == net.max_prefix_len() {
                exact.entry(net.addr()).or_default().push(i);
                Some(net.addr().to_string())
            } else {
                let t = network_prefix_text(&net);
                if t.is_some() {
                    nets.entry((net.addr().is_ipv6(), net.prefix_len()))
                        .or_default()
                        .entry(net)
                        .or_default()
                        .push(i);
                }
                t
            };
            match text {
                Some(t) => {
                    if !seen_pattern.contains_key(&t) {
                        seen_pattern.insert(t.clone(), patterns.len());
                        v6.push(net.addr().is_ipv6());
                        patterns.push(t);
                    }
                }
                None => unsearchable.push(i),
            }
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .or_else(|_| {
                    // Too many states for a full DFA: the contiguous NFA is slower, not wrong.
                    AhoCorasick::builder()
                        .match_kind(MatchKind::Standard)
                        .build(&patterns)
                })
                .ok()
        };
        AddressSet {
            ac,
            v6,
            exact,
            nets,
            unsearchable,
        }
    }

    /// Where in `hay` (from `from`) an address may start, or `None`.
    pub fn next_hit(&self, hay: &[u8], from: usize) -> Option<usize> {
        let ac = self.ac.as_ref()?;
        if from >= hay.len() {
            return None;
        }
        ac.find(Input::new(hay).range(from..)).map(|m| m.start())
    }

    /// The targets `line` mentions as a whole address, each once, with the address.
    pub fn mentioned(&self, line: &[u8]) -> Vec<(usize, IpAddr)> {
        let mut out: Vec<(usize, IpAddr)> = Vec::new();
        let Some(ac) = &self.ac else {
            return out;
        };
        let mut done_at: Vec<usize> = Vec::new();
        for m in ac.find_overlapping_iter(line) {
            let start = m.start();
            if done_at.contains(&start) {
                continue;
            }
            done_at.push(start);
            if names_the_server(&line[..start]) {
                continue;
            }
            let v6 = self
                .v6
                .get(m.pattern().as_usize())
                .copied()
                .unwrap_or(false);
            let Some(ip) = address_at(line, start, v6) else {
                continue;
            };
            for i in self.targets_of(ip) {
                if !out.iter().any(|(j, _)| *j == i) {
                    out.push((i, ip));
                }
            }
        }
        out
    }

    fn targets_of(&self, ip: IpAddr) -> Vec<usize> {
        let mut found: Vec<usize> = self.exact.get(&ip).cloned().unwrap_or_default();
        for ((v6, len), nets) in &self.nets {
            if *v6 != ip.is_ipv6() {
                continue;
            }
            if let Ok(net) = IpNet::new(ip, *len) {
                if let Some(ix) = nets.get(&net.trunc()) {
                    found.extend(ix);
                }
            }
        }
        found
    }
}

/// Is the address that follows `before` the server's own (Dovecot's `lip=`, postscreen's
/// `to [IP]:port`)? A line is about the client, never about the address it connected to.
fn names_the_server(before: &[u8]) -> bool {
    before.ends_with(b"lip=") || before.ends_with(b" to [")
}

/// A target as logs write its address: an IPv4-mapped IPv6 address is IPv4, host bits
/// under the prefix are cleared.
fn normal_net(net: &IpNet) -> IpNet {
    match net {
        IpNet::V6(n) => match n.addr().to_ipv4_mapped() {
            Some(v4) if n.prefix_len() >= 96 => {
                IpNet::new(IpAddr::V4(v4), n.prefix_len() - 96).map_or(*net, |x| x.trunc())
            }
            _ => net.trunc(),
        },
        IpNet::V4(_) => net.trunc(),
    }
}

/// The whole address that starts at `at` in `line`, when it is one (the same boundaries
/// as the one-address matcher).
fn address_at(line: &[u8], at: usize, v6: bool) -> Option<IpAddr> {
    let before = &line[..at];
    let ok_before = if v6 {
        v6_before_ok(before)
    } else {
        v4_before_ok(before)
    };
    if !ok_before {
        return None;
    }
    let allowed = |b: u8| {
        if v6 {
            b.is_ascii_hexdigit() || b == b':' || b == b'.'
        } else {
            b.is_ascii_digit() || b == b'.'
        }
    };
    let len = line[at..].iter().take_while(|&&b| allowed(b)).count();
    // A token may end in a dot or colon that is the text's, not the address's
    // (`from 198.51.100.7.`, `2001:db8::7: x`): try shorter forms too.
    for cut in 0..=2 {
        let Some(end) = (at + len).checked_sub(cut) else {
            break;
        };
        if end <= at {
            break;
        }
        let Ok(text) = std::str::from_utf8(&line[at..end]) else {
            return None;
        };
        let Ok(ip) = text.parse::<IpAddr>() else {
            continue;
        };
        let after = &line[end..];
        let ok_after = if v6 {
            v6_after_ok(after)
        } else {
            v4_after_ok(after)
        };
        return ok_after.then(|| crate::server::netaddr::normalize(ip));
    }
    None
}

/// What one file gave.
struct FileFound {
    source: SourceEntry,
    activity: HashMap<usize, Activity>,
    last_written: Option<i64>,
}

/// Scans one file for every target at once.
fn scan_file_many(
    file: &LogFile,
    set: &AddressSet,
    window: Window,
    opts: &ScanOptions<'_>,
) -> FileFound {
    let mut opened = match open_in_window(file, window, opts.zone) {
        Ok(opened) => opened,
        Err(FileResult {
            source,
            last_written,
            ..
        }) => {
            return FileFound {
                source,
                activity: HashMap::new(),
                last_written,
            }
        }
    };
    let name = opened.name.clone();
    let reference = opened.reference;
    let zone = MemoZone::new(opts.zone);
    let mut activity: HashMap<usize, Activity> = HashMap::new();
    let (mut matching, mut untimed, mut past_end) = (0usize, 0usize, false);
    let mut on_line = |line: &[u8]| -> Flow {
        let hits = set.mentioned(line);
        if hits.is_empty() {
            return Flow::Continue;
        }
        let text = String::from_utf8_lossy(line);
        let Some(parsed) = parse_line(&text) else {
            untimed += 1;
            return Flow::Continue;
        };
        let Some(unix) = resolve(parsed.stamp, &zone, reference) else {
            untimed += 1;
            return Flow::Continue;
        };
        if unix < window.since {
            return Flow::Continue;
        }
        if unix > window.until {
            if unix > window.until.saturating_add(SEEK_SLACK_SECS) {
                past_end = true;
                return Flow::Stop;
            }
            return Flow::Continue;
        }
        matching += 1;
        let classified = classify(parsed.family, parsed.message);
        let channel = channel_of(parsed.family, parsed.message);
        for (i, ip) in hits {
            let found = activity.entry(i).or_default();
            found.lines += 1;
            if found.seen.len() < MAX_SEEN {
                found.seen.insert(ip);
            }
            if let Some(ch) = channel {
                found.record(unix, ch, &classified, || {
                    make_entry(&name, &text, parsed.program, unix, &classified)
                });
            }
        }
        Flow::Continue
    };
    let stats = scan_regions(&mut opened.reader, opts.chunk, &mut |region| {
        let mut pos = 0;
        while let Some(at) = set.next_hit(region, pos) {
            let (start, end) = line_around(region, at);
            if on_line(candidate(region, start, end).line) == Flow::Stop {
                return Flow::Stop;
            }
            pos = end + 1;
        }
        Flow::Continue
    });
    let counts = ReadCounts {
        matching,
        untimed,
        past_end,
        dropped: false,
    };
    let detail = describe(&counts, &Sizes::of(&opened, &stats, opts.chunk), &stats);
    let outcome = if stats.error.is_some() {
        SourceStatus::Error
    } else {
        SourceStatus::Read
    };
    FileFound {
        source: SourceEntry::new(name, outcome, detail),
        activity,
        last_written: opened.last_written,
    }
}

/// What the scan for many addresses found.
#[derive(Debug, Default)]
pub struct ManyOutcome {
    /// One entry per file (and one for the journal when it would be needed).
    pub sources: Vec<SourceEntry>,
    /// Per target (same index), what the logs show from it.
    pub activity: Vec<Activity>,
}

/// One pass over the files in `paths.logs` (else the usual files and their rotations) for
/// every target at once; files are read on one thread each, the largest first.
pub fn scan_many(targets: &[IpNet], window: Window, paths: &Paths) -> ManyOutcome {
    scan_many_with(targets, window, paths, &ScanOptions::host())
}

pub fn scan_many_with(
    targets: &[IpNet],
    window: Window,
    p: &Paths,
    opts: &ScanOptions<'_>,
) -> ManyOutcome {
    let set = AddressSet::new(targets);
    let named = !p.logs.is_empty();
    let files = if named {
        paths::named_files(&p.logs)
    } else {
        paths::usual_files(opts.root)
    };
    let mut order: Vec<usize> = (0..files.len()).collect();
    let size = |i: usize| std::fs::metadata(&files[i].path).map_or(0, |m| m.len());
    order.sort_by_key(|&i| std::cmp::Reverse(size(i)));
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<FileFound>> = files.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        done.push((i, scan_file_many(&files[i], &set, window, opts)));
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            if let Ok(done) = h.join() {
                for (i, r) in done {
                    slots[i] = Some(r);
                }
            }
        }
    });
    let mut out = ManyOutcome {
        sources: Vec::new(),
        activity: vec![Activity::default(); targets.len()],
    };
    let mut current_in_window = false;
    for (f, r) in files.iter().zip(slots) {
        let Some(r) = r else {
            out.sources.push(SourceEntry::new(
                f.path.display().to_string(),
                SourceStatus::Error,
                "the reader stopped unexpectedly",
            ));
            continue;
        };
        if !f.rotated && r.last_written.is_some_and(|t| t >= window.since) {
            current_in_window = true;
        }
        out.sources.push(r.source);
        for (i, a) in r.activity {
            if let Some(mine) = out.activity.get_mut(i) {
                mine.merge(a);
            }
        }
    }
    if !named && !current_in_window {
        out.sources.push(SourceEntry::new(
            "journal",
            SourceStatus::Error,
            "no mail log file was written in the window, and the audit reads log files only: name the files with --log",
        ));
    }
    if !set.unsearchable.is_empty() {
        out.sources.push(SourceEntry::new(
            "logs",
            SourceStatus::Read,
            format!(
                "{} networks too wide to search the logs for (under /8 or /16)",
                set.unsearchable.len()
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
