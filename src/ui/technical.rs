//! The technical view's view-model (the overlay a support agent opens with `t`): the input
//! as tested, the tree's path, the causes, every check with its time, and the transcript.
//! Read from the finished `Diagnosis`.

use std::time::Instant;

use crate::checks::{CheckId, CheckRecord};
use crate::diagnosis::Diagnosis;
use crate::protocol::reply::sanitize;
use crate::protocol::transcript::Dir;
use crate::settings::Input;

use super::checks::vm::{elapsed, format_secs, Times};
use super::text::text;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TechRow {
    pub symbol: String,
    pub word: String,
    pub id: String,
    pub time: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TechView {
    pub input: String,
    pub path: String,
    pub causes: String,
    pub checks: Vec<TechRow>,
    pub transcript: Vec<String>,
}

pub fn tech_view(input: &Input, d: Option<&Diagnosis>, times: &Times, now: Instant) -> TechView {
    let t = &text().technical;
    let safe = |s: &str| sanitize(s.as_bytes());
    let mut parts: Vec<String> = Some(safe(&input.email))
        .filter(|e| !e.is_empty())
        .into_iter()
        .collect();
    if let Some(s) = &input.server {
        parts.push(format!("server {}", safe(s)));
    }
    if let Some(p) = input.port {
        parts.push(format!("port {p}"));
    }
    if let Some(s) = input.security {
        parts.push(s.outlook_label().to_string());
    }
    if let Some(u) = input.effective_user() {
        parts.push(format!("user {}", safe(&u)));
    }
    parts.push(if input.password.is_some() {
        t.password_given.clone()
    } else {
        t.no_password.clone()
    });
    let measured = |id: CheckId| match times.get(&id) {
        Some((start, Some(end))) => Some(end.saturating_duration_since(*start)),
        _ => None,
    };
    let records: &[CheckRecord] = d.map_or(&[], |d| &d.checks);
    let mut checks: Vec<TechRow> = records
        .iter()
        .map(|r| {
            let ms = if r.duration_ms > 0 {
                Some(r.duration_ms)
            } else {
                measured(r.id).map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            };
            TechRow {
                symbol: r.status.symbol().to_string(),
                word: r.status.word().to_string(),
                time: ms.map(|ms| format!("{ms} ms")).unwrap_or_default(),
                summary: safe(&r.summary),
                id: r.id.to_string(),
            }
        })
        .collect();
    for id in d.map_or(&[][..], |d| &d.pending).iter().copied() {
        checks.push(TechRow {
            symbol: "…".into(),
            word: t.pending.clone(),
            time: format_secs(elapsed(times, id, now)),
            summary: String::new(),
            id: id.to_string(),
        });
    }
    let transcript = d
        .map_or(&[][..], |d| &d.transcript)
        .iter()
        .map(|l| {
            let who = match l.dir {
                Dir::Client => "C",
                Dir::Server => "S",
            };
            // A server line can be 2,048 characters: shown short, with a count.
            let line = safe(&l.line);
            let line = crate::shorten::text(&line, crate::shorten::TEXT_CHARS);
            format!("{:>5} {who}: {line}", l.port)
        })
        .collect();
    TechView {
        input: parts.join(" · "),
        path: d.map(|d| d.path.join(" → ")).unwrap_or_default(),
        causes: d
            .map(|d| {
                d.causes
                    .iter()
                    .map(|c| {
                        let conf = serde_json::to_value(c.confidence)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        format!("{} ({conf})", c.code)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        checks,
        transcript,
    }
}
