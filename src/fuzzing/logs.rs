//! Server mode's log readers: line layouts and timestamps, the classifiers, the entries the
//! report shows, the address search, and journald's JSON records.

use std::net::IpAddr;

use ipnet::IpNet;

use crate::server::context::Window;
use crate::server::logs::classify::classify;
use crate::server::logs::entries::make_entry;
use crate::server::logs::journal::{parse_record, parse_version, record_entry, record_line};
use crate::server::logs::line::{family_of, parse_line};
use crate::server::logs::matcher::Matcher;
use crate::server::logs::multi::{channel_of, AddressSet};
use crate::server::logs::time::{parse_stamp, resolve, rfc3339, FixedZone, Stamp};
use crate::server::model::LogEntry;

use super::{ensure, Checked};

/// The file's modification time year-less stamps are placed against (2026-09-21).
const REFERENCE: i64 = 1_790_000_000;
/// How far past the reference a year-less stamp may lie (`time::YEAR_SLACK_SECS`).
const YEAR_SLACK: i64 = 86_400;
const CLIENT: &str = "198.51.100.7";
const ACCOUNT: &str = "user@example.com";
const TARGETS: [&str; 4] = [
    "198.51.100.7/32",
    "203.0.113.0/24",
    "2001:db8::/64",
    "2001:db8:0:1::25/128",
];

fn matcher() -> Result<Matcher, String> {
    let client: IpAddr = CLIENT.parse().map_err(|e| format!("{e}"))?;
    Ok(Matcher::new(client, Some(ACCOUNT)))
}

/// What `escape_control` promises for the report: no control character but TAB.
fn check_entry(e: &LogEntry) -> Checked {
    let texts = [
        Some(&e.time),
        Some(&e.file),
        Some(&e.program),
        Some(&e.line),
        e.account.as_ref(),
        e.reply.as_ref(),
    ];
    for t in texts.into_iter().flatten() {
        ensure(!t.chars().any(|c| c.is_control() && c != '\t'), || {
            format!("log entry text holds a control character: {t:?}")
        })?;
    }
    if let Some(a) = &e.account {
        ensure(!a.is_empty(), || "an empty account".to_string())?;
    }
    Ok(())
}

/// `inner` is a sub-slice of `outer` (the parsers return pieces of the line, never copies).
fn within(outer: &str, inner: &str) -> bool {
    let (o, i) = (outer.as_ptr() as usize, inner.as_ptr() as usize);
    i >= o && i + inner.len() <= o + outer.len()
}

fn check_stamp(line: &str) -> Checked {
    let Some((stamp, _style, rest)) = parse_stamp(line) else {
        return Ok(());
    };
    ensure(
        (rest.is_empty() || within(line, rest)) && rest.len() < line.len(),
        || format!("the rest after the timestamp is not a piece of {line:?}"),
    )?;
    let zone = FixedZone(3600);
    let resolved = resolve(stamp, &zone, REFERENCE);
    match stamp {
        Stamp::Instant(t) => {
            ensure(resolved == Some(t), || {
                format!("instant {t} resolved to {resolved:?}")
            })?;
            let text = rfc3339(t);
            if let Ok(back) =
                time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339)
            {
                ensure(
                    back.unix_timestamp() == t || text == "1970-01-01T00:00:00Z",
                    || {
                        format!(
                            "{t} written as {text} reads back as {}",
                            back.unix_timestamp()
                        )
                    },
                )?;
            }
        }
        Stamp::LocalNoYear(c) => {
            if let Some(t) = resolved {
                ensure(t <= REFERENCE + YEAR_SLACK, || {
                    format!("year-less {c:?} placed at {t}, after the file was written")
                })?;
            }
        }
        Stamp::Local(c) => {
            if let Some(t) = resolved {
                ensure(
                    (1..=12).contains(&c.month) && (1..=31).contains(&c.day),
                    || format!("invalid date {c:?} resolved to {t}"),
                )?;
            }
        }
    }
    Ok(())
}

/// Every line of the input as a line of a mail log file.
pub(super) fn check_server_logs(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    let matcher = matcher()?;
    let targets: Vec<IpNet> = TARGETS
        .iter()
        .map(|t| t.parse().map_err(|e| format!("{t}: {e}")))
        .collect::<Result<_, _>>()?;
    let addresses = AddressSet::new(&targets);
    for line in text.lines() {
        check_stamp(line)?;
        if let Some(p) = parse_line(line) {
            let named = within(line, p.program) || matches!(p.program, "dovecot" | "exim");
            // An empty message may be any empty string (`program:` at the end of a line).
            let message_ok = p.message.is_empty() || within(line, p.message);
            ensure(message_ok && named, || {
                format!("program or message is not a piece of {line:?}")
            })?;
            ensure(p.family == family_of(p.program), || {
                format!("family {:?} of program {:?}", p.family, p.program)
            })?;
            let c = classify(p.family, p.message);
            let _ = channel_of(p.family, p.message);
            let unix = resolve(p.stamp, &FixedZone(0), REFERENCE).unwrap_or(0);
            check_entry(&make_entry("fuzz.log", line, p.program, unix, &c))?;
        }
        let mention = matcher.mentions(line.as_bytes());
        ensure(!mention.client || line.contains(CLIENT), || {
            format!("{line:?} taken as mentioning {CLIENT}")
        })?;
        ensure(
            !mention.account || line.to_lowercase().contains(ACCOUNT),
            || format!("{line:?} taken as mentioning {ACCOUNT}"),
        )?;
        for (i, ip) in addresses.mentioned(line.as_bytes()) {
            let net = targets
                .get(i)
                .ok_or_else(|| format!("target {i} of {}", targets.len()))?;
            ensure(
                net.contains(&ip) || net.contains(&ip.to_canonical()),
                || format!("{ip} in {line:?} attributed to {net}"),
            )?;
        }
    }
    Ok(())
}

/// Every line of the input as a line of `journalctl -o json`, and the whole input as the
/// output of `journalctl --version`.
pub(super) fn check_journal(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    let features = parse_version(&text);
    ensure(!features.grep || features.output_fields, || {
        "--grep (237) without --output-fields (236)".to_string()
    })?;
    let matcher = matcher()?;
    let everything = Window {
        since: i64::MIN,
        until: i64::MAX,
    };
    for line in text.lines() {
        let Some(r) = parse_record(line) else {
            continue;
        };
        let shown = record_line(&r);
        ensure(shown.starts_with(&rfc3339(r.unix)), || {
            format!("record line {shown:?} does not start with the record's time")
        })?;
        if let Some(e) = record_entry(&r, &matcher, everything) {
            check_entry(&e)?;
            ensure(e.unix == r.unix, || {
                format!("entry at {} for record at {}", e.unix, r.unix)
            })?;
        }
    }
    Ok(())
}
