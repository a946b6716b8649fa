//! The result screen's view-model: the verdict, the cause in plain words, the fix, the
//! settings that work, what to try next and what to tell the email host. Read from the
//! finished `Diagnosis`.

use time::OffsetDateTime;

use crate::diagnosis::{Diagnosis, Verdict};
use crate::protocol::reply::sanitize;
use crate::ui::text::{fill, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    Ok,
    Problem,
    Unsure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NextView {
    pub title: String,
    pub fix: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TellHostView {
    pub ip: String,
    pub time: String,
    pub look_for: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResultView {
    pub verdict: VerdictKind,
    /// The cause in one plain sentence (empty when there is no conclusion).
    pub title: String,
    /// "certain", "likely", ... (empty when unknown).
    pub confidence: String,
    pub explanation: String,
    pub code: Option<String>,
    pub fix: Vec<String>,
    /// Outlook's labels and the values that work.
    pub settings: Vec<(String, String)>,
    /// What to try next when the fix does not help (the next cause).
    pub next: Option<NextView>,
    /// Other findings when sending works (warnings).
    pub also: Vec<String>,
    pub tell_host: Option<TellHostView>,
    /// Checks are still running: the result may change.
    pub finishing: bool,
}

/// The confidence word of the contract ("confirmed", "likely", ...) in the person's words.
fn confidence_word<T: serde::Serialize>(c: &T) -> String {
    let word = serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    text().result.confidence.get(&word).cloned().unwrap_or(word)
}

pub fn format_wall(t: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

pub fn result_view(d: &Diagnosis, finished: OffsetDateTime) -> ResultView {
    let t = &text().result;
    let safe = |s: &str| sanitize(s.as_bytes());
    let verdict = match d.verdict {
        Verdict::Ok => VerdictKind::Ok,
        Verdict::Problem => VerdictKind::Problem,
        Verdict::Inconclusive => VerdictKind::Unsure,
    };
    let primary = d.causes.first();
    let mut settings = Vec::new();
    if let Some(r) = &d.recommended {
        settings.push((t.setting_server.clone(), safe(&r.server)));
        settings.push((t.setting_port.clone(), r.port.to_string()));
        settings.push((
            t.setting_security.clone(),
            r.security.outlook_label().to_string(),
        ));
        if let Some(u) = &r.user {
            settings.push((t.setting_auth.clone(), t.setting_auth_value.clone()));
            settings.push((t.setting_user.clone(), safe(u)));
        }
    }
    let (next, also) = match verdict {
        VerdictKind::Ok => (
            None,
            d.causes.iter().skip(1).map(|c| safe(&c.title)).collect(),
        ),
        _ => (
            d.causes.get(1).map(|c| NextView {
                title: safe(&c.title),
                fix: c.fix.iter().map(|s| safe(s)).collect(),
            }),
            Vec::new(),
        ),
    };
    let tell_host = d.tell_host.as_ref().map(|h| {
        let th = &text().tell_host;
        let ip = h
            .public_ip
            .map_or(th.unknown_ip.clone(), |ip| ip.to_string());
        let time = format_wall(finished);
        let port = h
            .ports
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join("/");
        let template = th.by_cause.get(&h.code).unwrap_or(&th.default);
        TellHostView {
            look_for: fill(
                template,
                &[
                    ("ip", &ip),
                    ("server", &safe(&h.server)),
                    ("port", &port),
                    ("time", &time),
                ],
            ),
            ip,
            time,
        }
    });
    ResultView {
        verdict,
        title: primary.map(|c| safe(&c.title)).unwrap_or_default(),
        confidence: primary
            .map(|c| confidence_word(&c.confidence))
            .unwrap_or_default(),
        explanation: primary.map(|c| safe(&c.explanation)).unwrap_or_default(),
        code: primary.map(|c| c.code.clone()),
        fix: primary
            .map(|c| c.fix.iter().map(|s| safe(s)).collect())
            .unwrap_or_default(),
        settings,
        next,
        also,
        tell_host,
        finishing: !d.finished,
    }
}
