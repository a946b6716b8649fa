//! CSF (ConfigServer Security & Firewall) and its login-failure daemon lfd: the entries of
//! csf.allow, csf.deny, csf.ignore (with their `Include` files) and the temporary lists
//! csf.tempban/csf.tempallow that cover the client, with lfd's reason and time, and the
//! csf.conf settings that explain a ban. The iptables rules CSF makes from these lists are
//! the packet source's business; this one reports CSF's own lists and reasons.
//!
//! Order is the one a packet meets: csf.pl inserts ALLOWIN before DENYIN in LOCALINPUT, and
//! puts temporary allows at the head of ALLOWIN and temporary bans after csf.deny in DENYIN.

mod conf;
mod lfd;
mod lists;
mod tempban;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use ipnet::IpNet;

use crate::server::clock;
use crate::server::context::Ctx;
use crate::server::model::{
    command, escape_control, Block, BlockSource, Effect, Setting, SourceEntry, SourceOutcome,
    SourceStatus,
};
use crate::server::netaddr;
use crate::server::textfile::{self, FileError};

use super::{Listed, Listing};
use lists::{Entry, ListKind};
use tempban::TempEntry;

/// The folder CSF's own files name in `Include` lines; rebased onto `Paths::csf_dir`.
const DEFAULT_DIR: &str = "/etc/csf";
/// Nested `Include`s followed at most this deep.
const MAX_INCLUDE_DEPTH: usize = 8;

/// One line of a list file, with where it came from.
#[derive(Debug, Clone)]
struct Line {
    file: PathBuf,
    /// 1-based.
    number: usize,
    text: String,
    /// From an `Include`d file, which `csf -dr`/`csf -ar` never edit.
    included: bool,
}

pub fn read(ctx: &Ctx) -> SourceOutcome {
    let mut out = SourceOutcome::default();
    let dir = &ctx.paths.csf_dir;
    if !dir.is_dir() {
        out.sources.push(SourceEntry::new(
            "csf",
            SourceStatus::Absent,
            format!("CSF is not installed ({} not found)", dir.display()),
        ));
        return out;
    }
    let client = netaddr::normalize(ctx.client);
    let mut read_parts: Vec<String> = Vec::new();
    let testing = read_conf(dir, &mut out, &mut read_parts);

    let mut order = 0u32;
    let mut next_order = || {
        order += 1;
        order - 1
    };

    // Temporary allows: the head of ALLOWIN.
    let state = &ctx.paths.csf_state_dir;
    let tempallow = read_temp(
        &state.join("csf.tempallow"),
        ctx.now,
        &mut out,
        &mut read_parts,
    );
    for (line, e, net) in matching_temp(&tempallow, client) {
        out.blocks
            .push(temp_allow_block(&line, &e, net, next_order()));
    }

    // Permanent lists.
    let mut lists: Vec<(ListKind, Vec<Line>)> = Vec::new();
    for kind in [ListKind::Allow, ListKind::Deny, ListKind::Ignore] {
        let path = dir.join(kind.file_name());
        let mut problems = Vec::new();
        let lines = load_list(&path, dir, &mut problems);
        for p in &problems {
            push_file_problem(&mut out, p);
        }
        let main_missing = problems
            .iter()
            .any(|p| matches!(p, FileError::Absent { path: s } if Path::new(s) == path));
        if !main_missing {
            let n = lines
                .iter()
                .filter(|l| lists::parse_entry(&l.text).is_some())
                .count();
            read_parts.push(format!("{}: {n} entries", kind.file_name()));
        }
        lists.push((kind, lines));
    }
    for (kind, lines) in &lists {
        if *kind == ListKind::Ignore {
            continue;
        }
        for line in lines {
            let Some(entry) = lists::parse_entry(&line.text) else {
                continue;
            };
            let Some(net) = entry.covers(client) else {
                continue;
            };
            let b = match kind {
                ListKind::Allow => allow_block(line, &entry, net, next_order()),
                _ => deny_block(ctx, line, &entry, net, next_order()),
            };
            out.blocks.push(b);
        }
    }

    // Temporary bans: appended to DENYIN after csf.deny.
    let tempban = read_temp(
        &state.join("csf.tempban"),
        ctx.now,
        &mut out,
        &mut read_parts,
    );
    for (line, e, net) in matching_temp(&tempban, client) {
        out.blocks
            .push(temp_ban_block(ctx, &line, &e, net, next_order()));
    }

    // csf.ignore only keeps lfd from banning; reported last, as context.
    if let Some((_, lines)) = lists.iter().find(|(k, _)| *k == ListKind::Ignore) {
        for line in lines {
            let Some(entry) = lists::parse_entry(&line.text) else {
                continue;
            };
            if !matches!(entry.target, lists::Target::Net(_)) {
                continue;
            }
            if let Some(net) = entry.covers(client) {
                out.blocks
                    .push(ignore_block(line, &entry, net, next_order()));
            }
        }
    }

    let mut detail = format!("read {}", read_parts.join(", "));
    let matching = out.blocks.len();
    let _ = write!(detail, "; {matching} matching {client}");
    if testing {
        detail.push_str("; TESTING = 1 (lfd does not run in this mode)");
    }
    out.sources
        .insert(0, SourceEntry::new("csf", SourceStatus::Read, detail));
    out
}

/// csf.conf's settings that explain a ban, into `out`; whether CSF is in TESTING mode.
fn read_conf(dir: &Path, out: &mut SourceOutcome, read_parts: &mut Vec<String>) -> bool {
    let mut testing = false;
    let conf_path = dir.join("csf.conf");
    match textfile::read(&conf_path) {
        Ok(text) => {
            read_parts.push("csf.conf".into());
            for v in conf::parse(&text) {
                if v.name == "TESTING" && v.value.trim() == "1" {
                    testing = true;
                }
                if conf::EXPLAINING.contains(&v.name.as_str()) {
                    out.settings.push(Setting {
                        source: "csf".into(),
                        name: v.name,
                        value: escape_control(&v.value),
                        location: Some(format!("{}:{}", conf_path.display(), v.line)),
                    });
                }
            }
        }
        Err(e) => push_file_problem(out, &e),
    }
    testing
}

/// Every address csf.deny (with its `Include`s) and csf.tempban block, for the audit: the
/// same entries and commands [`read`] reports for one client, each with the allow command
/// for its own address, and lfd's trigger and counts taken from its reason. csf.allow and
/// csf.ignore are not listed (they block nothing). `ctx.client` is not used.
pub fn all_entries(ctx: &Ctx) -> Listing {
    let mut out = SourceOutcome::default();
    let dir = &ctx.paths.csf_dir;
    if !dir.is_dir() {
        out.sources.push(SourceEntry::new(
            "csf",
            SourceStatus::Absent,
            format!("CSF is not installed ({} not found)", dir.display()),
        ));
        return Listing {
            sources: out.sources,
            ..Default::default()
        };
    }
    let mut read_parts: Vec<String> = Vec::new();
    let testing = read_conf(dir, &mut out, &mut read_parts);
    let mut entries: Vec<Listed> = Vec::new();
    let mut order = 0u32;

    let path = dir.join(ListKind::Deny.file_name());
    let mut problems = Vec::new();
    let lines = load_list(&path, dir, &mut problems);
    for p in &problems {
        push_file_problem(&mut out, p);
    }
    let mut listed = 0usize;
    for line in &lines {
        let Some(entry) = lists::parse_entry(&line.text) else {
            continue;
        };
        listed += 1;
        let Some(net) = entry.inbound_net() else {
            continue;
        };
        let mut b = deny_block(ctx, line, &entry, net, order);
        order += 1;
        b.allow = allow_commands_for(&super::net_text(&net), None);
        let mut l = Listed::new(net, b);
        fill_from_lfd(&mut l, &entry.comment.text);
        entries.push(l);
    }
    if path.is_file() {
        read_parts.push(format!("csf.deny: {listed} entries"));
    }

    let tempban = read_temp(
        &ctx.paths.csf_state_dir.join("csf.tempban"),
        ctx.now,
        &mut out,
        &mut read_parts,
    );
    for (line, e) in &tempban {
        let Some(net) = e.blocked_net() else {
            continue;
        };
        let mut b = temp_ban_block(ctx, line, e, net, order);
        order += 1;
        b.allow = allow_commands_for(&super::net_text(&net), None);
        let mut l = Listed::new(net, b);
        fill_from_lfd(&mut l, &e.message);
        entries.push(l);
    }

    let mut detail = format!(
        "read {}; {} blocking entries",
        read_parts.join(", "),
        entries.len()
    );
    if testing {
        detail.push_str("; TESTING = 1 (lfd does not run in this mode)");
    }
    out.sources
        .insert(0, SourceEntry::new("csf", SourceStatus::Read, detail));
    Listing {
        sources: out.sources,
        entries,
        settings: out.settings,
    }
}

/// lfd's trigger and counts from an entry's reason.
fn fill_from_lfd(l: &mut Listed, reason: &str) {
    if let Some(r) = lfd::parse(reason) {
        l.trigger = r.trigger;
        l.failures = r.failures;
        l.ban_count = r.temp_blocks;
    }
}

fn push_file_problem(out: &mut SourceOutcome, e: &FileError) {
    // A missing list is normal (no temporary bans, no csf.ignore); only say so for csf.conf.
    if let FileError::Absent { path } = e {
        if !path.ends_with("csf.conf") {
            return;
        }
    }
    let name = match e {
        FileError::Absent { path } | FileError::Denied { path } | FileError::Other { path, .. } => {
            format!("csf:{path}")
        }
    };
    out.sources.push(e.entry(&name));
}

/// A list file with its `Include`s (csf.pl appends each included file's lines and follows
/// includes inside them too).
fn load_list(path: &Path, dir: &Path, problems: &mut Vec<FileError>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut seen = HashSet::new();
    load_into(path, dir, 0, false, &mut seen, &mut lines, problems);
    lines
}

fn load_into(
    path: &Path,
    dir: &Path,
    depth: usize,
    included: bool,
    seen: &mut HashSet<PathBuf>,
    lines: &mut Vec<Line>,
    problems: &mut Vec<FileError>,
) {
    if depth > MAX_INCLUDE_DEPTH || !seen.insert(path.to_path_buf()) {
        return;
    }
    let text = match textfile::read(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(e);
            return;
        }
    };
    let mut nested = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if let Some(target) = lists::include_target(l) {
            nested.push(rebase(Path::new(target), dir));
        }
        lines.push(Line {
            file: path.to_path_buf(),
            number: i + 1,
            text: l.trim_end_matches('\r').to_string(),
            included,
        });
    }
    for inc in nested {
        load_into(&inc, dir, depth + 1, true, seen, lines, problems);
    }
}

/// `Include /etc/csf/x` names CSF's default folder; on a host (or test) whose CSF folder is
/// elsewhere the same file lives under that folder.
fn rebase(target: &Path, dir: &Path) -> PathBuf {
    match target.strip_prefix(DEFAULT_DIR) {
        Ok(rest) if dir != Path::new(DEFAULT_DIR) => dir.join(rest),
        _ => target.to_path_buf(),
    }
}

/// The lines of a temporary list; those past their timeout are counted, not kept.
fn read_temp(
    path: &Path,
    now: i64,
    out: &mut SourceOutcome,
    read_parts: &mut Vec<String>,
) -> Vec<(Line, TempEntry)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = match textfile::read(path) {
        Ok(t) => t,
        Err(e) => {
            push_file_problem(out, &e);
            return Vec::new();
        }
    };
    let mut kept = Vec::new();
    let mut expired = 0;
    for (i, l) in text.lines().enumerate() {
        let Some(e) = tempban::parse_line(l) else {
            continue;
        };
        if e.active(now) {
            let line = Line {
                file: path.to_path_buf(),
                number: i + 1,
                text: l.trim_end_matches('\r').to_string(),
                included: false,
            };
            kept.push((line, e));
        } else {
            expired += 1;
        }
    }
    read_parts.push(format!(
        "{name}: {} in force, {expired} expired",
        kept.len()
    ));
    kept
}

fn matching_temp(entries: &[(Line, TempEntry)], client: IpAddr) -> Vec<(Line, TempEntry, IpNet)> {
    entries
        .iter()
        .filter_map(|(l, e)| e.covers(client).map(|n| (l.clone(), e.clone(), n)))
        .collect()
}

fn location(line: &Line) -> String {
    escape_control(&format!("{}:{}", line.file.display(), line.number))
}

fn since_of(entry: &Entry) -> Option<String> {
    entry
        .comment
        .added
        .and_then(clock::local_to_unix)
        .and_then(clock::rfc3339)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| escape_control(s.trim()))
}

fn allow_commands(ctx: &Ctx) -> Vec<String> {
    let client = netaddr::normalize(ctx.client).to_string();
    allow_commands_for(&client, ctx.account.as_deref())
}

/// `csf -a ADDRESS "smtp-doctor: mail client ACCOUNT"`: keeps `address` allowed, with a
/// comment that names the account when it is known.
pub fn allow_commands_for(address: &str, account: Option<&str>) -> Vec<String> {
    let comment = match account {
        Some(a) => format!("smtp-doctor: mail client {a}"),
        None => "smtp-doctor: mail client".to_string(),
    };
    vec![escape_control(&command(&["csf", "-a", address, &comment]))]
}

/// Removing the line by hand, for entries `csf -dr` will not touch.
fn delete_line_commands(line: &Line) -> Vec<String> {
    let file = line.file.display().to_string();
    vec![
        escape_control(&command(&[
            "sed",
            "-i",
            &format!("{}d", line.number),
            &file,
        ])),
        escape_control(&command(&["csf", "-r"])),
    ]
}

fn block(line: &Line, net: IpNet, effect: Effect, order: u32) -> Block {
    Block {
        id: String::new(),
        source: BlockSource::Csf,
        location: location(line),
        rule: escape_control(line.text.trim()),
        reason: None,
        since: None,
        until: None,
        unblock: Vec::new(),
        allow: Vec::new(),
        effect,
        made_by: None,
        matched: net.to_string(),
        ports: Vec::new(),
        order,
    }
}

fn deny_block(ctx: &Ctx, line: &Line, entry: &Entry, net: IpNet, order: u32) -> Block {
    let mut b = block(line, net, Effect::Deny, order);
    b.reason = non_empty(&entry.comment.text);
    b.since = since_of(entry);
    b.ports = entry.ports();
    b.unblock = if entry.comment.do_not_delete || line.included {
        delete_line_commands(line)
    } else {
        vec![escape_control(&command(&[
            "csf",
            "-dr",
            entry.address_arg(),
        ]))]
    };
    b.allow = allow_commands(ctx);
    b
}

fn allow_block(line: &Line, entry: &Entry, net: IpNet, order: u32) -> Block {
    let mut b = block(line, net, Effect::Allow, order);
    b.reason = Some(with_context(
        &entry.comment.text,
        "csf accepts addresses in csf.allow before its deny rules",
    ));
    b.since = since_of(entry);
    b.ports = entry.ports();
    b
}

fn ignore_block(line: &Line, entry: &Entry, net: IpNet, order: u32) -> Block {
    let mut b = block(line, net, Effect::Allow, order);
    b.reason = Some(with_context(
        &entry.comment.text,
        "lfd never bans addresses in csf.ignore (it does not open the firewall for them)",
    ));
    b.since = since_of(entry);
    b
}

fn with_context(comment: &str, context: &str) -> String {
    match non_empty(comment) {
        Some(c) => format!("{c}; {context}"),
        None => context.to_string(),
    }
}

fn temp_ban_block(ctx: &Ctx, line: &Line, e: &TempEntry, net: IpNet, order: u32) -> Block {
    let mut b = block(line, net, Effect::Deny, order);
    b.reason = non_empty(&e.message);
    b.since = clock::rfc3339(e.added);
    b.until = clock::rfc3339(e.expires());
    b.ports = e.port_numbers();
    b.unblock = vec![escape_control(&command(&["csf", "-tr", &e.ip]))];
    b.allow = allow_commands(ctx);
    b
}

fn temp_allow_block(line: &Line, e: &TempEntry, net: IpNet, order: u32) -> Block {
    let mut b = block(line, net, Effect::Allow, order);
    b.reason = non_empty(&e.message);
    b.since = clock::rfc3339(e.added);
    b.until = clock::rfc3339(e.expires());
    b.ports = e.port_numbers();
    b
}

#[cfg(test)]
mod tests;
