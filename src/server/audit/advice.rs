//! Rule advice: the fail2ban jail or lfd trigger that banned customers in the window, its
//! threshold, and the value that would have spared them, with what that value would have
//! let through. Only printed: nothing here changes a setting.
//!
//! For each banned address the "peak" is the most failures it had within the rule's
//! interval (fail2ban's `findtime`, csf's `LF_INTERVAL`), from the failure times the logs
//! show (the channel the rule reads: the MTA's lines for SMTP AUTH jails and `smtpauth`,
//! Dovecot's for mailbox jails and `imapd`/`pop3d`), and at least the count the tool
//! recorded when it banned. A threshold above every customer's peak would not have fired
//! on them; the attackers' peaks tell how many it would still have caught. Failures after
//! a ban never reach the server, so a peak is what the logs could see.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::server::logs::multi::{Activity, Channel};
use crate::server::model::{BlockSource, Setting};

use super::join::{AuditEntry, Kind};

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// `fail2ban:postfix-sasl` or `csf`.
    pub source: String,
    /// What banned them: the jail, or lfd's trigger (`smtpauth`).
    pub rule: String,
    /// The threshold's setting (`maxretry`, `LF_SMTPAUTH`).
    pub setting: String,
    /// Its value now, when it could be read.
    pub current: Option<String>,
    /// The interval the failures are counted in, in seconds, when known.
    pub interval_secs: Option<i64>,
    /// Customers' addresses it banned in the window.
    pub customers_banned: Vec<String>,
    /// The most failures any of them had within the interval.
    pub customer_peak: u64,
    /// The value that would have spared all of them.
    pub suggested: String,
    /// Other addresses it banned, and how many of them the suggested value would still
    /// have banned.
    pub others_banned: usize,
    pub others_still_banned: usize,
    /// The suggestion in plain words.
    pub text: String,
}

/// Which log channel a rule counts.
fn channels_for(rule: &str) -> &'static [Channel] {
    let r = rule.to_ascii_lowercase();
    if ["dovecot", "imap", "pop3", "courier", "cyrus"]
        .iter()
        .any(|w| r.contains(w))
    {
        &[Channel::Auth, Channel::Mailbox]
    } else {
        &[Channel::Smtp]
    }
}

/// The csf.conf setting behind an lfd trigger.
fn csf_setting(trigger: &str) -> String {
    match trigger.to_ascii_lowercase().as_str() {
        "smtpauth" => "LF_SMTPAUTH".into(),
        "imapd" => "LF_IMAPD".into(),
        "pop3d" => "LF_POP3D".into(),
        "permblock" => "LF_PERMBLOCK_COUNT".into(),
        other => format!("LF_{}", other.to_ascii_uppercase()),
    }
}

/// The most failures in any `interval` seconds of `times` (sorted).
pub fn peak(times: &[i64], interval: i64) -> u64 {
    let mut best = 0usize;
    let mut start = 0usize;
    for (end, &t) in times.iter().enumerate() {
        while times[start] < t.saturating_sub(interval) {
            start += 1;
        }
        best = best.max(end + 1 - start);
    }
    best as u64
}

/// The failure times of `a` the rule counts: the first channel that has any.
fn times_for<'a>(a: &'a Activity, channels: &[Channel]) -> &'a [i64] {
    channels
        .iter()
        .find_map(|c| a.failure_times.get(c).filter(|t| !t.is_empty()))
        .map_or(&[], Vec::as_slice)
}

/// A rule: a fail2ban jail or an lfd trigger.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RuleKey {
    source: BlockSource,
    name: String,
}

fn setting<'a>(settings: &'a [Setting], source: &str, name: &str) -> Option<&'a str> {
    settings
        .iter()
        .rev()
        .find(|s| s.source == source && s.name == name)
        .map(|s| s.value.trim())
}

/// fail2ban's `findtime` as fail2ban-client prints it: seconds (older versions accept
/// `10m`-style values in the jail file but print seconds).
fn seconds(v: &str) -> Option<i64> {
    // `600` or `600.0`: the whole seconds.
    let t = v.trim();
    let whole = t.split_once('.').map_or(t, |(w, frac)| {
        if frac.bytes().all(|b| b.is_ascii_digit()) {
            w
        } else {
            ""
        }
    });
    whole.parse().ok()
}

/// Suggestions for the rules that banned customers; none when no customer was banned by a
/// rule with a threshold.
pub fn advise(entries: &[AuditEntry], settings: &[Setting]) -> Vec<Advice> {
    // (rule) -> [(entry index, the failures the tool recorded)]
    let mut by_rule: BTreeMap<RuleKey, Vec<(usize, Option<i64>)>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for l in &e.listed {
            let Some(trigger) = &l.trigger else { continue };
            if !matches!(l.block.source, BlockSource::Fail2ban | BlockSource::Csf) {
                continue;
            }
            let key = RuleKey {
                source: l.block.source,
                name: trigger.clone(),
            };
            let v = by_rule.entry(key).or_default();
            if !v.iter().any(|(j, _)| *j == i) {
                v.push((i, l.failures));
            }
        }
    }
    let mut out = Vec::new();
    for (rule, banned) in by_rule {
        let is_customer = |i: usize| entries[i].kind == Kind::Customer;
        if !banned.iter().any(|(i, _)| is_customer(*i)) {
            continue;
        }
        let (source, setting_name, current, interval) = if rule.source == BlockSource::Fail2ban {
            let src = format!("fail2ban:{}", rule.name);
            let cur = setting(settings, &src, "maxretry").map(str::to_string);
            let interval = setting(settings, &src, "findtime").and_then(seconds);
            (src, "maxretry".to_string(), cur, interval)
        } else {
            let name = csf_setting(&rule.name);
            let cur = setting(settings, "csf", &name).map(str::to_string);
            let interval = setting(settings, "csf", "LF_INTERVAL").and_then(seconds);
            ("csf".to_string(), name, cur, interval)
        };
        let channels = channels_for(&rule.name);
        let peak_of = |i: usize, recorded: Option<i64>| -> u64 {
            let times = times_for(&entries[i].activity, channels);
            let seen = match interval {
                Some(s) => peak(times, s),
                None => times.len() as u64,
            };
            seen.max(recorded.and_then(|r| u64::try_from(r).ok()).unwrap_or(0))
        };
        let customers: Vec<(usize, u64)> = banned
            .iter()
            .filter(|(i, _)| is_customer(*i))
            .map(|(i, r)| (*i, peak_of(*i, *r)))
            .collect();
        let others: Vec<u64> = banned
            .iter()
            .filter(|(i, _)| !is_customer(*i))
            .map(|(i, r)| peak_of(*i, *r))
            .collect();
        let customer_peak = customers.iter().map(|(_, p)| *p).max().unwrap_or(0);
        let current_n = current.as_deref().and_then(|c| c.parse::<u64>().ok());
        // A threshold is the count that bans: above every customer's peak spares them.
        let suggested_n = customer_peak.max(current_n.unwrap_or(0)) + 1;
        let still = others.iter().filter(|&&p| p >= suggested_n).count();
        let names: Vec<String> = customers
            .iter()
            .map(|(i, _)| entries[*i].address.clone())
            .collect();
        let what = match rule.source {
            BlockSource::Fail2ban => format!("fail2ban's jail {}", rule.name),
            _ => format!("lfd's {} trigger", rule.name),
        };
        let within = interval.map_or_else(String::new, |s| format!(" within {}", spoken(s)));
        let now = current.as_deref().map_or_else(
            || "its current value".to_string(),
            |c| format!("{setting_name} = {c}"),
        );
        let mut text = format!(
            "{what} banned {} customer address{} ({}) with {now}: they failed at most {customer_peak} times{within}. {setting_name} = {suggested_n} would have spared them",
            names.len(),
            if names.len() == 1 { "" } else { "es" },
            names.join(", "),
        );
        if others.is_empty() {
            text.push('.');
        } else {
            let _ = write!(
                text,
                "; it would still have banned {still} of the {} other addresses it banned.",
                others.len()
            );
        }
        text.push_str(
            " Whitelisting verified customers (the allow commands) keeps the threshold for everyone else. Nothing was changed.",
        );
        out.push(Advice {
            source,
            rule: rule.name,
            setting: setting_name,
            current,
            interval_secs: interval,
            customers_banned: names,
            customer_peak,
            suggested: suggested_n.to_string(),
            others_banned: others.len(),
            others_still_banned: still,
            text,
        });
    }
    out
}

/// `600` as `10 minutes`, `3600` as `1 hour`.
fn spoken(secs: i64) -> String {
    crate::server::window::spoken_duration(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_in_a_sliding_interval() {
        assert_eq!(peak(&[], 600), 0);
        assert_eq!(peak(&[0, 10, 20], 600), 3);
        assert_eq!(peak(&[0, 10, 700, 710, 720], 600), 3);
        assert_eq!(peak(&[0, 600, 1200], 600), 2);
        assert_eq!(peak(&[0, 601, 1202], 600), 1);
    }

    #[test]
    fn settings_and_channels() {
        assert_eq!(csf_setting("smtpauth"), "LF_SMTPAUTH");
        assert_eq!(csf_setting("PERMBLOCK"), "LF_PERMBLOCK_COUNT");
        assert_eq!(csf_setting("sshd"), "LF_SSHD");
        assert_eq!(channels_for("postfix-sasl"), [Channel::Smtp]);
        assert_eq!(channels_for("dovecot"), [Channel::Auth, Channel::Mailbox]);
        assert_eq!(channels_for("imapd"), [Channel::Auth, Channel::Mailbox]);
        assert_eq!(seconds("600"), Some(600));
        assert_eq!(seconds("600.0"), Some(600));
        assert_eq!(seconds("10m"), None);
    }
}
