//! Postfix's own access control for one client address: every `check_client_access` table
//! in the smtpd restriction lists (main.cf, restriction classes, and master.cf `-o`
//! overrides of each client-facing smtpd service), and postscreen_access_list where
//! postscreen runs. Reads the configuration with `postconf` (three calls of a few
//! milliseconds: `-x`, `-F`, `-P -x`), the tables from their source files, and asks
//! `postmap -q` only for table types whose source it cannot read (regexp, pcre, SQL, LDAP).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::maps::{self, CidrItem, Codes, MapSpec, TableKind, Verdict};
use super::postconf::{self, Service};
use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{
    command, escape_control, Block, BlockSource, Effect, Setting, SourceEntry, SourceOutcome,
    SourceStatus,
};
use crate::server::netaddr;
use crate::server::textfile;

const SOURCE: &str = "postfix-access";
const DEFAULT_DIR: &str = "/etc/postfix";

/// The smtpd restriction lists, in the order Postfix applies them to a session.
pub const RESTRICTIONS: [&str; 7] = [
    "smtpd_client_restrictions",
    "smtpd_helo_restrictions",
    "smtpd_sender_restrictions",
    "smtpd_relay_restrictions",
    "smtpd_recipient_restrictions",
    "smtpd_data_restrictions",
    "smtpd_end_of_data_restrictions",
];

/// Other main.cf settings that explain refusals and limits of a client.
const LIMITS: [&str; 13] = [
    "smtpd_restriction_classes",
    "postscreen_access_list",
    "postscreen_denylist_action",
    "postscreen_blacklist_action",
    "smtpd_client_connection_rate_limit",
    "smtpd_client_connection_count_limit",
    "smtpd_client_message_rate_limit",
    "smtpd_client_recipient_rate_limit",
    "smtpd_client_auth_rate_limit",
    "smtpd_client_new_tls_session_rate_limit",
    "smtpd_client_event_limit_exceptions",
    "anvil_rate_time_unit",
    "mynetworks",
];

/// Restriction classes nest at most this deep.
const MAX_CLASS_DEPTH: usize = 8;

/// A client-facing smtpd (or the main.cf defaults when master.cf could not be read).
#[derive(Debug, Clone)]
struct Listener {
    /// `submission/inet`, or `main.cf`.
    id: String,
    ports: Vec<u16>,
    overrides: BTreeMap<String, String>,
}

/// Where a `check_client_access` table was met.
#[derive(Debug, Clone)]
struct Reference {
    spec: MapSpec,
    /// The restriction list (or class) that names it.
    param: String,
    /// Named in a master.cf `-o` override of this service.
    override_of: Option<String>,
    permits_before: Vec<String>,
    ports: Vec<u16>,
}

/// A table entry that answers for the client.
#[derive(Debug, Clone)]
struct Hit {
    location: String,
    rule: String,
    matched: String,
    value: String,
    /// The file and lines to delete, for tables read from a file.
    file: Option<(PathBuf, usize, usize)>,
}

pub fn read(ctx: &Ctx, out: &mut SourceOutcome) {
    let dir = &ctx.paths.postfix_dir;
    let client = netaddr::normalize(ctx.client);
    let main_cf = dir.join("main.cf");
    if !main_cf.exists() {
        out.sources.push(SourceEntry::new(
            SOURCE,
            SourceStatus::Absent,
            format!(
                "Postfix is not configured here ({} not found)",
                main_cf.display()
            ),
        ));
        return;
    }
    let dir_s = dir.display().to_string();
    let postconf = |args: &[&str]| {
        let mut a = vec!["-c", dir_s.as_str()];
        a.extend_from_slice(args);
        exec::run("postconf", &a, ctx.command_timeout)
    };
    let params = match postconf(&["-x"]) {
        Ok(t) => postconf::parameters(&t),
        Err(e) => {
            let detail = match &e {
                ExecError::NotFound { .. } => "postconf not found: Postfix is not installed".into(),
                _ => e.to_string(),
            };
            out.sources.push(SourceEntry::new(
                SOURCE,
                e.status(),
                escape_control(&detail),
            ));
            return;
        }
    };
    let mut notes: Vec<String> = Vec::new();
    let services = match postconf(&["-F"]) {
        Ok(t) => Some(postconf::services(&t)),
        Err(e) => {
            notes.push(format!("master.cf not read ({e}); main.cf settings only"));
            None
        }
    };
    let overrides = match postconf(&["-P", "-x"]) {
        Ok(t) => postconf::overrides(&t),
        Err(e) => {
            notes.push(format!("master.cf overrides not read ({e})"));
            BTreeMap::new()
        }
    };
    let (listeners, postscreen_ports) = listeners(services.as_deref(), &overrides);

    // Every check_client_access table each listener meets.
    let mut refs: Vec<Reference> = Vec::new();
    for l in &listeners {
        let classes: BTreeSet<String> =
            postconf::tokens(&effective(&params, l, "smtpd_restriction_classes"))
                .into_iter()
                .collect();
        for param in RESTRICTIONS {
            collect_refs(&params, l, param, &classes, 0, &mut refs);
        }
    }

    let codes = Codes {
        access_map_reject: param_or(&params, "access_map_reject_code", "554"),
        access_map_defer: param_or(&params, "access_map_defer_code", "450"),
        reject: param_or(&params, "reject_code", "554"),
        defer: param_or(&params, "defer_code", "450"),
    };
    let reload = reload_command(dir);
    let mut problems: Vec<SourceEntry> = Vec::new();
    let mut tables_read: BTreeSet<String> = BTreeSet::new();
    let mut cache: BTreeMap<String, Option<Hit>> = BTreeMap::new();
    // Blocks keyed by location, in first-met order; ports merged.
    let mut blocks: Vec<Block> = Vec::new();
    for r in &refs {
        let key = r.spec.text();
        if !cache.contains_key(&key) {
            let hit = evaluate(
                ctx,
                dir,
                &r.spec,
                &r.param,
                r.override_of.as_deref(),
                client,
                &mut problems,
                &mut notes,
            );
            tables_read.insert(key.clone());
            cache.insert(key.clone(), hit);
        }
        let Some(hit) = cache.get(&key).cloned().flatten() else {
            continue;
        };
        let verdict = maps::classify(&hit.value, &codes);
        merge(&mut blocks, ctx, &hit, &verdict, &r.spec, r, &reload);
    }

    // postscreen_access_list, where postscreen runs.
    if !postscreen_ports.is_empty() {
        let action = params
            .get("postscreen_denylist_action")
            .or_else(|| params.get("postscreen_blacklist_action"))
            .cloned()
            .unwrap_or_else(|| "ignore".into());
        let list = params
            .get("postscreen_access_list")
            .cloned()
            .unwrap_or_default();
        for tok in postconf::tokens(&list) {
            let Some(spec) = maps::parse_spec(&tok) else {
                continue;
            };
            let r = Reference {
                spec: spec.clone(),
                param: "postscreen_access_list".into(),
                override_of: None,
                permits_before: Vec::new(),
                ports: postscreen_ports.clone(),
            };
            tables_read.insert(spec.text());
            let Some(hit) = evaluate(
                ctx,
                dir,
                &spec,
                &r.param,
                None,
                client,
                &mut problems,
                &mut notes,
            ) else {
                continue;
            };
            let verdict = maps::classify_postscreen(&hit.value, &action);
            merge(&mut blocks, ctx, &hit, &verdict, &spec, &r, &reload);
        }
    }
    for (i, b) in blocks.iter_mut().enumerate() {
        b.order = u32::try_from(i).unwrap_or(u32::MAX);
    }
    out.blocks.extend(blocks);

    // Settings: main.cf with its line, and the overrides of client-facing services.
    let main_text = textfile::read(&main_cf).unwrap_or_default();
    for name in RESTRICTIONS.iter().chain(LIMITS.iter()) {
        let Some(value) = params.get(*name) else {
            continue;
        };
        out.settings.push(Setting {
            source: "postfix".into(),
            name: (*name).to_string(),
            value: escape_control(value),
            location: main_cf_line(&main_text, name).map(|n| format!("{}:{n}", main_cf.display())),
        });
    }
    for l in &listeners {
        for (name, value) in &l.overrides {
            if RESTRICTIONS.contains(&name.as_str()) || LIMITS.contains(&name.as_str()) {
                out.settings.push(Setting {
                    source: format!("postfix:{}", escape_control(&l.id)),
                    name: name.clone(),
                    value: escape_control(value),
                    location: Some(format!("{}", dir.join("master.cf").display())),
                });
            }
        }
    }

    let shown: Vec<String> = listeners
        .iter()
        .map(|l| {
            let ports: Vec<String> = l.ports.iter().map(u16::to_string).collect();
            format!("{} ({})", l.id, ports.join(","))
        })
        .collect();
    let mut detail = format!(
        "postconf -c {}: smtpd {}; {} access table(s) checked",
        dir.display(),
        shown.join(", "),
        tables_read.len()
    );
    if !postscreen_ports.is_empty() {
        detail.push_str("; postscreen in front of port 25");
    }
    for n in &notes {
        detail.push_str("; ");
        detail.push_str(n);
    }
    out.sources.push(SourceEntry::new(
        SOURCE,
        SourceStatus::Read,
        escape_control(&detail),
    ));
    out.sources.extend(problems);
}

fn param_or(params: &BTreeMap<String, String>, name: &str, default: &str) -> String {
    params
        .get(name)
        .filter(|v| !v.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

/// A parameter as one service sees it: its `-o` override, else main.cf.
fn effective(params: &BTreeMap<String, String>, l: &Listener, name: &str) -> String {
    l.overrides
        .get(name)
        .or_else(|| params.get(name))
        .cloned()
        .unwrap_or_default()
}

/// The smtpd services a client reaches, with ports, and the ports postscreen guards.
fn listeners(
    services: Option<&[Service]>,
    overrides: &BTreeMap<String, BTreeMap<String, String>>,
) -> (Vec<Listener>, Vec<u16>) {
    let Some(services) = services else {
        return (
            vec![Listener {
                id: "main.cf".into(),
                ports: vec![25],
                overrides: BTreeMap::new(),
            }],
            Vec::new(),
        );
    };
    let public_port = |s: &Service| match postconf::inet_port(&s.name) {
        Some((port, false)) => Some(port),
        _ => None,
    };
    let postscreen_ports: Vec<u16> = services
        .iter()
        .filter(|s| s.kind == "inet" && s.program == "postscreen")
        .filter_map(public_port)
        .collect();
    let mut out = Vec::new();
    for s in services.iter().filter(|s| s.program == "smtpd") {
        let ports = match s.kind.as_str() {
            "inet" => public_port(s).into_iter().collect(),
            "pass" => postscreen_ports.clone(),
            _ => Vec::new(),
        };
        if ports.is_empty() {
            continue;
        }
        out.push(Listener {
            id: s.id(),
            ports,
            overrides: overrides.get(&s.id()).cloned().unwrap_or_default(),
        });
    }
    (out, postscreen_ports)
}

/// Walks one restriction list (and the classes it names) for `check_client_access` tables.
fn collect_refs(
    params: &BTreeMap<String, String>,
    l: &Listener,
    param: &str,
    classes: &BTreeSet<String>,
    depth: usize,
    refs: &mut Vec<Reference>,
) {
    if depth > MAX_CLASS_DEPTH {
        return;
    }
    let value = effective(params, l, param);
    let override_of = l.overrides.contains_key(param).then(|| l.id.clone());
    let toks = postconf::tokens(&value);
    let mut permits: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        if t == "check_client_access" {
            if let Some(spec) = toks.get(i + 1).and_then(|m| maps::parse_spec(m)) {
                refs.push(Reference {
                    spec,
                    param: param.to_string(),
                    override_of: override_of.clone(),
                    permits_before: permits.clone(),
                    ports: l.ports.clone(),
                });
            }
            i += 2;
            continue;
        }
        if classes.contains(t) {
            collect_refs(params, l, t, classes, depth + 1, refs);
        } else if t.starts_with("permit") {
            permits.push(t.to_string());
        }
        i += 1;
    }
}

/// The table's answer for the client, if any.
#[allow(clippy::too_many_arguments)]
fn evaluate(
    ctx: &Ctx,
    dir: &Path,
    spec: &MapSpec,
    param: &str,
    override_of: Option<&str>,
    client: IpAddr,
    problems: &mut Vec<SourceEntry>,
    notes: &mut Vec<String>,
) -> Option<Hit> {
    let file_hit = |path: &Path, e: &maps::TableEntry, key: String| Hit {
        location: format!("{}:{}", path.display(), e.line.first),
        rule: e.line.text.clone(),
        matched: maps::key_network(&key)
            .map(|n| n.to_string())
            .unwrap_or(key),
        value: e.value.clone(),
        file: Some((path.to_path_buf(), e.line.first, e.line.last)),
    };
    match spec.kind {
        TableKind::Indexed | TableKind::Text | TableKind::Cidr => {
            let path = PathBuf::from(&spec.name);
            let text = match textfile::read(&path) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(e.entry(&format!("{SOURCE}:{}", spec.text())));
                    return None;
                }
            };
            if spec.kind == TableKind::Indexed {
                if let Some(n) = stale_index(&path, &spec.kind_name) {
                    notes.push(n);
                }
            }
            if spec.kind == TableKind::Cidr {
                let items = maps::parse_cidr(&text);
                match maps::cidr_lookup(&items, client)? {
                    CidrItem::Rule {
                        net, value, line, ..
                    } => Some(Hit {
                        location: format!("{}:{}", path.display(), line.first),
                        rule: line.text.clone(),
                        matched: net.to_string(),
                        value: value.clone(),
                        file: Some((path.clone(), line.first, line.last)),
                    }),
                    _ => None,
                }
            } else {
                let entries = maps::parse_table(&text);
                let (e, key) = maps::table_lookup(&entries, client)?;
                Some(file_hit(&path, e, key))
            }
        }
        TableKind::Inline => {
            let where_ = match override_of {
                Some(svc) => format!("{}: {svc} -o {param}", dir.join("master.cf").display()),
                None => format!("{}: {param}", dir.join("main.cf").display()),
            };
            let hit = if spec.kind_name == "cidr" {
                let text: String = maps::parse_inline_rules(&spec.name).join("\n");
                let items = maps::parse_cidr(&text);
                match maps::cidr_lookup(&items, client)? {
                    CidrItem::Rule {
                        net, value, line, ..
                    } => Some((line.text.clone(), net.to_string(), value.clone())),
                    _ => None,
                }
            } else {
                let entries = maps::parse_inline(&spec.name);
                maps::table_lookup(&entries, client).map(|(e, key)| {
                    let m = maps::key_network(&key)
                        .map(|n| n.to_string())
                        .unwrap_or(key);
                    (e.line.text.clone(), m, e.value.clone())
                })
            }?;
            Some(Hit {
                location: format!("{where_} {}:{{...}}", spec.kind_name),
                rule: hit.0,
                matched: hit.1,
                value: hit.2,
                file: None,
            })
        }
        TableKind::Static => Some(Hit {
            location: format!("{}: {param}", dir.join("main.cf").display()),
            rule: spec.text(),
            matched: if client.is_ipv4() {
                "0.0.0.0/0"
            } else {
                "::/0"
            }
            .to_string(),
            value: spec.name.clone(),
            file: None,
        }),
        TableKind::Pattern | TableKind::Query => {
            let keys = if spec.kind == TableKind::Pattern {
                vec![client.to_string()]
            } else {
                maps::lookup_keys(client)
            };
            for key in keys {
                match postmap_query(dir, &key, &spec.text(), ctx.command_timeout) {
                    Ok(Some(value)) => {
                        return Some(Hit {
                            location: spec.text(),
                            rule: format!("postmap -q {key} {}: {value}", spec.text()),
                            matched: maps::key_network(&key)
                                .map(|n| n.to_string())
                                .unwrap_or(key),
                            value,
                            file: None,
                        })
                    }
                    Ok(None) => {}
                    Err(e) => {
                        problems.push(e.entry(&format!("{SOURCE}:{}", spec.text())));
                        return None;
                    }
                }
            }
            None
        }
    }
}

/// `postmap -q KEY TABLE`: the value, `None` when not found (exit status 1).
fn postmap_query(
    dir: &Path,
    key: &str,
    table: &str,
    timeout: Duration,
) -> Result<Option<String>, ExecError> {
    let dir = dir.display().to_string();
    match exec::run("postmap", &["-c", &dir, "-q", key, table], timeout) {
        Ok(v) => Ok(Some(v.trim().to_string())),
        Err(ExecError::Failed { status: 1, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// "the .db is older than its source" for an indexed table whose source changed since the
/// last `postmap` (Postfix still answers from the old .db).
fn stale_index(source: &Path, kind: &str) -> Option<String> {
    let ext = match kind {
        "hash" | "btree" => "db",
        "lmdb" => "lmdb",
        "cdb" => "cdb",
        _ => return None,
    };
    let mut index = source.as_os_str().to_owned();
    index.push(format!(".{ext}"));
    let src = std::fs::metadata(source).and_then(|m| m.modified()).ok()?;
    match std::fs::metadata(PathBuf::from(&index)).and_then(|m| m.modified()) {
        Ok(idx) if idx < src => Some(format!(
            "{kind}:{} changed after its .{ext} was built: Postfix still uses the old one until postmap runs",
            source.display()
        )),
        Ok(_) => None,
        Err(_) => Some(format!(
            "{kind}:{} has no .{ext}: Postfix cannot use this table until postmap builds it",
            source.display()
        )),
    }
}

fn reload_command(dir: &Path) -> String {
    if dir == Path::new(DEFAULT_DIR) {
        escape_control(&command(&["postfix", "reload"]))
    } else {
        escape_control(&command(&[
            "postfix",
            "-c",
            &dir.display().to_string(),
            "reload",
        ]))
    }
}

/// Adds a hit as a block, or adds its ports and lists to the block of the same entry.
fn merge(
    blocks: &mut Vec<Block>,
    ctx: &Ctx,
    hit: &Hit,
    verdict: &Verdict,
    spec: &MapSpec,
    r: &Reference,
    reload: &str,
) {
    let location = escape_control(&hit.location);
    if let Some(b) = blocks.iter_mut().find(|b| b.location == location) {
        let mut ports: BTreeSet<u16> = b.ports.iter().copied().collect();
        ports.extend(r.ports.iter().copied());
        b.ports = ports.into_iter().collect();
        return;
    }
    let mut reason = verdict
        .reply
        .clone()
        .unwrap_or_else(|| verdict.note.clone());
    let _ = write!(
        reason,
        " (check_client_access {} in {}",
        spec.text(),
        r.param
    );
    if let Some(svc) = &r.override_of {
        let _ = write!(reason, " of {svc}");
    }
    if !r.permits_before.is_empty() {
        let _ = write!(
            reason,
            "; reached only when {} did not accept first",
            r.permits_before.join(", ")
        );
    }
    reason.push(')');
    let refuses = verdict.effect == Effect::RefuseSession;
    let client = netaddr::normalize(ctx.client).to_string();
    let (unblock, allow) = match (&hit.file, refuses) {
        (Some((file, first, last)), true) => {
            let file_s = file.display().to_string();
            let lines = if first == last {
                format!("{first}d")
            } else {
                format!("{first},{last}d")
            };
            let mut unblock = vec![escape_control(&command(&["sed", "-i", &lines, &file_s]))];
            let mut allow = vec![escape_control(&format!(
                "first line of {file_s}: {client} OK"
            ))];
            if spec.kind == TableKind::Indexed {
                let rebuild = escape_control(&command(&[
                    "postmap",
                    &format!("{}:{file_s}", spec.kind_name),
                ]));
                unblock.push(rebuild.clone());
                allow.push(rebuild);
            }
            unblock.push(reload.to_string());
            allow.push(reload.to_string());
            (unblock, allow)
        }
        _ => (Vec::new(), Vec::new()),
    };
    blocks.push(Block {
        id: String::new(),
        source: BlockSource::MtaAccess,
        location,
        rule: escape_control(&hit.rule),
        reason: Some(escape_control(&reason)),
        since: None,
        until: None,
        unblock,
        allow,
        effect: verdict.effect,
        made_by: None,
        matched: escape_control(&hit.matched),
        ports: r.ports.clone(),
        order: 0,
    });
}

/// The line of main.cf that sets `name` (`name = ...` at the start of a line).
fn main_cf_line(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests;
