//! Failed sign-ins: `config.auth_rejected` when the logs show failures with no success
//! after them (naming the login the server saw, where a typo shows), and
//! `server.auth_failures_near_ban` when failures from the address come close to a
//! brute-force limit (fail2ban's `maxretry` within `findtime`, CSF's `LF_SMTPAUTH` within
//! `LF_INTERVAL`) before any ban.

use super::Cause;
use crate::server::context::Ctx;
use crate::server::findings::Findings;
use crate::server::model::{command, escape_control, LogEntry, LogEvent, Setting};
use crate::server::window::{human, spoken_duration};
use crate::server::wording::{fill, wording};
use crate::tree::Confidence;

use super::{and_list, cause, ip, sentences};

/// Does this log line name the client's address?
fn mentions(ctx: &Ctx, e: &LogEntry) -> bool {
    e.line.contains(&ip(ctx))
}

/// Failed sign-ins from the client's address, in time order.
pub fn from_address<'a>(ctx: &Ctx, f: &'a Findings) -> Vec<&'a LogEntry> {
    f.log
        .iter()
        .filter(|e| e.event == LogEvent::AuthFailed && mentions(ctx, e))
        .collect()
}

/// The login names in these lines, each once (ignoring case), in order of appearance.
pub fn names(entries: &[&LogEntry]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in entries.iter().filter_map(|e| e.account.as_deref()) {
        let a = escape_control(a.trim());
        if !a.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

/// `config.auth_rejected`: failures (for the account or from the address) with no
/// successful sign-in from the address after the last of them.
pub fn rejected(ctx: &Ctx, f: &Findings) -> Option<Cause> {
    let last_ok = f
        .log
        .iter()
        .filter(|e| e.event == LogEvent::AuthOk && mentions(ctx, e))
        .map(|e| e.unix)
        .max();
    let fails: Vec<&LogEntry> = f
        .log
        .iter()
        .filter(|e| e.event == LogEvent::AuthFailed && last_ok.is_none_or(|ok| e.unix > ok))
        .collect();
    let (first, last) = (fails.first()?, fails.last()?);
    let w = &wording().auth_rejected;
    let seen = names(&fails);
    let account = ctx.account.as_deref().map(escape_control);
    let addr = ip(ctx);
    let title = if seen.is_empty() {
        fill(&w.title_unnamed, &[("ip", &addr)])
    } else {
        fill(&w.title, &[("seen", &and_list(&seen))])
    };
    let mut parts = vec![fill(
        &w.explanation,
        &[
            ("n", &fails.len().to_string()),
            ("first", &human(first.unix)),
            ("last", &human(last.unix)),
        ],
    )];
    match (&account, seen.is_empty()) {
        (_, true) => parts.push(w.unnamed.clone()),
        (Some(a), false) if !seen.iter().any(|s| s.eq_ignore_ascii_case(a)) => {
            parts.push(fill(&w.typo, &[("account", a), ("seen", &and_list(&seen))]));
        }
        (_, false) => parts.push(fill(&w.names, &[("names", &and_list(&seen))])),
    }
    let mut fix = vec![match &account {
        Some(a) => fill(&w.step_retype, &[("account", a)]),
        None => w.step_retype_unnamed.clone(),
    }];
    // Dovecot answers the sign-in (also for Postfix and Exim that ask it): it can test one.
    let login = seen.first().cloned().or(account);
    if let Some(login) = login.filter(|_| fails.iter().any(|e| e.program.contains("dovecot"))) {
        let cmd = command(&["doveadm", "auth", "test", &login]);
        fix.push(fill(&w.step_test, &[("command", &cmd)]));
    }
    Some(cause(
        "config.auth_rejected",
        Confidence::Confirmed,
        title,
        sentences(&parts),
        fix,
        fails.iter().map(|e| e.id.clone()).collect(),
    ))
}

/// A brute-force limit: `limit` failures within `period` seconds ban the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    /// Who enforces it, in words: `CSF (LF_SMTPAUTH)`, `fail2ban (jail postfix-sasl)`.
    pub tool: String,
    pub limit: u32,
    pub period: i64,
}

/// fail2ban's defaults when a jail does not say (jail.conf: findtime 10m).
const F2B_FINDTIME: i64 = 600;
/// CSF's default LF_INTERVAL (csf.conf: 3600 seconds).
const CSF_INTERVAL: i64 = 3600;

/// Jails that watch mail sign-ins (Debian's, Plesk's, cPanel's and common custom names).
fn mail_jail(jail: &str) -> bool {
    let j = jail.to_ascii_lowercase();
    [
        "postfix",
        "dovecot",
        "exim",
        "sasl",
        "smtp",
        "submission",
        "mail",
        "courier",
    ]
    .iter()
    .any(|k| j.contains(k))
}

/// A fail2ban time: seconds (`600`), or numbers with units (`10m`, `1h 30m`, `2d`).
pub fn parse_f2b_time(s: &str) -> Option<i64> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<i64>() {
        return (n > 0).then_some(n);
    }
    let mut total: i64 = 0;
    let mut rest = s.as_str();
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let n: i64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let letters = rest.chars().take_while(char::is_ascii_alphabetic).count();
        let unit = match &rest[..letters] {
            "" | "s" | "sec" | "secs" | "second" | "seconds" => 1,
            "m" | "mi" | "min" | "mins" | "minute" | "minutes" => 60,
            "h" | "hour" | "hours" => 3600,
            "d" | "day" | "days" => 86_400,
            "w" | "week" | "weeks" => 7 * 86_400,
            _ => return None,
        };
        rest = &rest[letters..];
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    (total > 0).then_some(total)
}

/// The limits the sources' settings show.
pub fn thresholds(settings: &[Setting]) -> Vec<Threshold> {
    let get = |source: &str, name: &str| {
        settings
            .iter()
            .find(|s| s.source.eq_ignore_ascii_case(source) && s.name.eq_ignore_ascii_case(name))
            .map(|s| s.value.trim().trim_matches('"').to_string())
    };
    let mut out = Vec::new();
    if let Some(limit) = get("csf", "LF_SMTPAUTH").and_then(|v| v.parse::<u32>().ok()) {
        if limit > 0 {
            let period = get("csf", "LF_INTERVAL")
                .and_then(|v| v.parse::<i64>().ok())
                .filter(|p| *p > 0)
                .unwrap_or(CSF_INTERVAL);
            out.push(Threshold {
                tool: "CSF (LF_SMTPAUTH)".into(),
                limit,
                period,
            });
        }
    }
    let mut jails: Vec<&str> = settings
        .iter()
        .filter_map(|s| s.source.strip_prefix("fail2ban:"))
        .filter(|j| mail_jail(j))
        .collect();
    jails.dedup();
    for jail in jails {
        let source = format!("fail2ban:{jail}");
        let Some(limit) = get(&source, "maxretry").and_then(|v| v.parse::<u32>().ok()) else {
            continue;
        };
        if limit == 0
            || out
                .iter()
                .any(|t: &Threshold| t.tool.ends_with(&format!(" {jail})")))
        {
            continue;
        }
        let period = get(&source, "findtime")
            .and_then(|v| parse_f2b_time(&v))
            .unwrap_or(F2B_FINDTIME);
        out.push(Threshold {
            tool: format!("fail2ban (jail {})", escape_control(jail)),
            limit,
            period,
        });
    }
    out
}

/// The most of these (sorted) times that fall within any `period` seconds.
pub fn most_within(times: &[i64], period: i64) -> usize {
    let mut best = 0;
    let mut start = 0;
    for end in 0..times.len() {
        while times[end] - times[start] >= period {
            start += 1;
        }
        best = best.max(end + 1 - start);
    }
    best
}

/// `server.auth_failures_near_ban`: at least half of a limit's failures from the address
/// within its period (the caller leaves it out when a ban is already there).
pub fn near_ban(ctx: &Ctx, f: &Findings) -> Option<Cause> {
    let fails = from_address(ctx, f);
    let last = fails.last()?;
    let times: Vec<i64> = fails.iter().map(|e| e.unix).collect();
    // The limit this address is closest to (largest share used up).
    let (t, count) = thresholds(&f.settings)
        .into_iter()
        .map(|t| {
            let n = most_within(&times, t.period);
            (t, n)
        })
        .max_by(|(a, n), (b, m)| {
            (*n as u64 * u64::from(b.limit)).cmp(&(*m as u64 * u64::from(a.limit)))
        })?;
    if count == 0 || (count as u64) * 2 < u64::from(t.limit) {
        return None;
    }
    let w = &wording().near_ban;
    let addr = ip(ctx);
    let (count_s, limit_s) = (count.to_string(), t.limit.to_string());
    Some(cause(
        "server.auth_failures_near_ban",
        Confidence::Likely,
        fill(
            &w.title,
            &[("ip", &addr), ("count", &count_s), ("limit", &limit_s)],
        ),
        fill(
            &w.explanation,
            &[
                ("tool", &t.tool),
                ("limit", &limit_s),
                ("count", &count_s),
                ("period", &spoken_duration(t.period)),
                ("last", &human(last.unix)),
            ],
        ),
        vec![
            fill(&w.step_fix_now, &[("tool", &t.tool)]),
            w.step_pause.clone(),
        ],
        fails.iter().map(|e| e.id.clone()).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::diagnose::tests::{codes, outcomes, run};
    use crate::server::run::tests::{entry, T0};

    fn setting(source: &str, name: &str, value: &str) -> Setting {
        Setting {
            source: source.into(),
            name: name.into(),
            value: value.into(),
            location: None,
        }
    }

    fn failed(t: i64, account: Option<&str>) -> LogEntry {
        let mut e = entry(
            t,
            LogEvent::AuthFailed,
            "dovecot: auth: passwd-file(alice@exmaple.test,198.51.100.7): unknown user",
        );
        e.program = "dovecot".into();
        e.account = account.map(str::to_string);
        e
    }

    #[test]
    fn failed_sign_ins_name_the_login_the_server_saw() {
        let mut o = outcomes();
        o.logs.entries = vec![
            failed(T0 + 100, Some("alice@exmaple.test")),
            failed(T0 + 200, Some("Alice@Exmaple.test")),
        ];
        let d = run(o);
        assert_eq!(codes(&d), ["config.auth_rejected"]);
        let c = &d.causes[0];
        assert_eq!(
            c.title,
            "The server refuses the password for alice@exmaple.test"
        );
        assert!(
            c.explanation.contains("The customer's account is alice@example.test, but the mail program signs in as alice@exmaple.test: look for a typo"),
            "{}",
            c.explanation
        );
        assert_eq!(
            c.fix.last().unwrap(),
            "To test the password yourself (it asks for it): doveadm auth test alice@exmaple.test"
        );
        assert_eq!(c.evidence, ["log.0", "log.1"]);
    }

    #[test]
    fn the_right_name_is_named_not_called_a_typo() {
        let mut o = outcomes();
        o.logs.entries = vec![failed(T0 + 100, Some("alice@example.test"))];
        let c = &run(o).causes[0];
        assert!(c
            .explanation
            .contains("The server saw the login name alice@example.test."));
    }

    #[test]
    fn a_success_after_the_failures_clears_them() {
        let mut o = outcomes();
        o.logs.entries = vec![
            failed(T0 + 100, None),
            entry(
                T0 + 200,
                LogEvent::AuthOk,
                "sasl_username=alice@example.test client=[198.51.100.7]",
            ),
        ];
        assert_eq!(codes(&run(o.clone())), ["ok.client_not_blocked"]);
        // A later failure counts again; unnamed lines say so.
        o.logs.entries.push(failed(T0 + 300, None));
        let d = run(o);
        assert_eq!(codes(&d), ["config.auth_rejected"]);
        assert_eq!(
            d.causes[0].title,
            "The server refuses the sign-ins from 198.51.100.7"
        );
        assert!(d.causes[0].explanation.contains("do not name the login"));
        assert_eq!(d.causes[0].evidence, ["log.2"]);
    }

    #[test]
    fn fail2ban_times() {
        assert_eq!(parse_f2b_time("600"), Some(600));
        assert_eq!(parse_f2b_time("10m"), Some(600));
        assert_eq!(parse_f2b_time("1h 30m"), Some(5400));
        assert_eq!(parse_f2b_time("2d"), Some(172_800));
        assert_eq!(parse_f2b_time("1w"), Some(604_800));
        assert_eq!(parse_f2b_time("10 minutes"), Some(600));
        assert_eq!(parse_f2b_time("-1"), None);
        assert_eq!(parse_f2b_time("soon"), None);
        assert_eq!(parse_f2b_time("5x"), None);
        assert_eq!(parse_f2b_time(""), None);
    }

    #[test]
    fn thresholds_from_settings() {
        let s = vec![
            setting("csf", "LF_SMTPAUTH", "\"5\""),
            setting("csf", "LF_INTERVAL", "300"),
            setting("fail2ban:sshd", "maxretry", "3"),
            setting("fail2ban:postfix-sasl", "maxretry", "4"),
            setting("fail2ban:postfix-sasl", "findtime", "1h"),
            setting("fail2ban:dovecot", "maxretry", "6"),
        ];
        assert_eq!(
            thresholds(&s),
            [
                Threshold {
                    tool: "CSF (LF_SMTPAUTH)".into(),
                    limit: 5,
                    period: 300
                },
                Threshold {
                    tool: "fail2ban (jail postfix-sasl)".into(),
                    limit: 4,
                    period: 3600
                },
                Threshold {
                    tool: "fail2ban (jail dovecot)".into(),
                    limit: 6,
                    period: 600
                },
            ]
        );
        // CSF's check switched off.
        assert!(thresholds(&[setting("csf", "LF_SMTPAUTH", "0")]).is_empty());
    }

    #[test]
    fn counting_within_a_period() {
        assert_eq!(most_within(&[], 60), 0);
        assert_eq!(most_within(&[0, 10, 20, 100, 110], 60), 3);
        assert_eq!(most_within(&[0, 60, 120], 60), 1);
    }

    fn near(settings: Vec<Setting>, times: &[i64]) -> Vec<String> {
        let mut o = outcomes();
        o.fail2ban.settings = settings;
        o.logs.entries = times.iter().map(|t| failed(*t, None)).collect();
        codes(&run(o)).into_iter().map(str::to_string).collect()
    }

    #[test]
    fn close_to_a_ban_warns_before_it_happens() {
        let f2b = || {
            vec![
                setting("fail2ban:postfix-sasl", "maxretry", "5"),
                setting("fail2ban:postfix-sasl", "findtime", "10m"),
            ]
        };
        let t0 = T0;
        // 3 of 5 within ten minutes: close.
        assert_eq!(
            near(f2b(), &[t0, t0 + 60, t0 + 120]),
            ["config.auth_rejected", "server.auth_failures_near_ban"]
        );
        // 2 of 5: not yet.
        assert_eq!(near(f2b(), &[t0, t0 + 60]), ["config.auth_rejected"]);
        // 3 failures spread over hours never meet within ten minutes.
        assert_eq!(
            near(f2b(), &[t0, t0 + 3600, t0 + 7200]),
            ["config.auth_rejected"]
        );
        // No limit known: no warning.
        assert_eq!(
            near(vec![], &[t0, t0 + 1, t0 + 2, t0 + 3]),
            ["config.auth_rejected"]
        );
    }

    #[test]
    fn near_ban_wording_names_the_limit() {
        let mut o = outcomes();
        o.csf.settings = vec![setting("csf", "LF_SMTPAUTH", "5")];
        o.logs.entries = (0..4).map(|i| failed(T0 + i * 30, None)).collect();
        let d = run(o);
        let c = d
            .causes
            .iter()
            .find(|c| c.code == "server.auth_failures_near_ban")
            .unwrap();
        assert_eq!(
            c.title,
            "198.51.100.7 is close to being blocked: 4 of 5 failed sign-ins"
        );
        assert!(c.explanation.starts_with(
            "CSF (LF_SMTPAUTH) blocks an address after 5 failed sign-ins within 1 hour; this address had 4"
        ));
        assert!(c.fix[0].contains("now, before CSF (LF_SMTPAUTH) blocks"));
        assert_eq!(c.evidence, ["log.0", "log.1", "log.2", "log.3"]);
    }
}
