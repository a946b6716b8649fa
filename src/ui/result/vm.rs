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
    /// This network's public address, from whichever source knew it; `None` when none
    /// did (the box then asks the host to find it by the time).
    pub ip: Option<String>,
    /// The request is about this network's address (a block, a blocklist, the log of its
    /// connections); otherwise an address no source knew is left out.
    pub ip_matters: bool,
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
            crate::report::wording::wording(crate::ui::text::lang()).security(r.security),
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
        // The diagnosis fills both from every source (the EHLO echoes, the who-am-I
        // lookups); either may be the one that was set.
        let ip = h.public_ip.or(d.public_ip).map(|ip| ip.to_string());
        let ip_words = ip.clone().unwrap_or_else(|| th.unknown_ip.clone());
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
                    ("ip", &ip_words),
                    ("server", &safe(&h.server)),
                    ("port", &port),
                    ("time", &time),
                ],
            ),
            ip,
            ip_matters: template.contains("{ip}"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::TellHost;
    use time::macros::datetime;

    /// A finished diagnosis whose primary cause is the host's, with the given addresses.
    fn blocked(tell_host_ip: Option<&str>, diagnosis_ip: Option<&str>) -> Diagnosis {
        let catalog = crate::catalog::Catalog::embedded().expect("embedded catalog");
        let input = crate::settings::Input::new("alice@example.test");
        let facts = crate::facts::Facts {
            done: true,
            ..crate::facts::Facts::default()
        };
        let mut d = crate::diagnosis::diagnose(
            &catalog,
            &input,
            &facts,
            crate::tree::QuestionMode::UseDefaults,
        );
        d.public_ip = diagnosis_ip.map(|s| s.parse().expect("ip"));
        d.tell_host = Some(TellHost {
            code: "server.client_ip_blocked".into(),
            public_ip: tell_host_ip.map(|s| s.parse().expect("ip")),
            server: "smtp.example.test".into(),
            ports: vec![587],
        });
        d
    }

    const AT: OffsetDateTime = datetime!(2026-01-02 03:04:05 UTC);

    #[test]
    fn the_host_box_names_the_address_any_source_found() {
        let v = result_view(&blocked(Some("198.51.100.7"), None), AT);
        let h = v.tell_host.expect("a host-side cause");
        assert_eq!(h.ip.as_deref(), Some("198.51.100.7"));
        assert!(
            h.look_for.contains("a block of 198.51.100.7"),
            "{}",
            h.look_for
        );
        // Only the diagnosis knew it (a source the request was built before).
        let v = result_view(&blocked(None, Some("2001:db8::7")), AT);
        assert_eq!(v.tell_host.expect("box").ip.as_deref(), Some("2001:db8::7"));
    }

    #[test]
    fn without_an_address_the_host_is_asked_to_find_it_by_the_time() {
        let v = result_view(&blocked(None, None), AT);
        let h = v.tell_host.expect("a host-side cause");
        assert_eq!(h.ip, None);
        assert!(h.ip_matters);
        assert_eq!(h.time, "2026-01-02 03:04 UTC");
        assert!(!h.look_for.contains("unknown"), "{}", h.look_for);
        assert!(
            h.look_for.contains("a block of this network's address"),
            "{}",
            h.look_for
        );
        assert!(!text().tell_host.ip_not_found.contains("unknown"));
    }

    #[test]
    fn a_request_about_the_certificate_does_not_need_the_address() {
        let mut d = blocked(None, None);
        if let Some(h) = d.tell_host.as_mut() {
            h.code = "server.cert_expired".into();
        }
        let h = result_view(&d, AT).tell_host.expect("a host-side cause");
        assert!(!h.ip_matters);
        assert!(h.look_for.contains("certificate of smtp.example.test"));
    }
}
