//! A certificate as the server sent it (DER): what is said about it is terminal-safe, survives
//! the round trip through a recorded fact set with the same verdict, and the name check is
//! case- and trailing-dot-insensitive.

use crate::checks::cert::{classify, name_matches, parse_der, CertInfo};

use super::{ensure, ensure_terminal_safe, Checked};

/// Moments to judge validity at: the epoch, 2026, the last second of year 9999.
const NOWS: [i64; 3] = [0, 1_790_000_000, 253_402_300_799];

fn check_info(info: &CertInfo) -> Checked {
    ensure_terminal_safe("the subject", &info.subject)?;
    ensure_terminal_safe("the issuer", &info.issuer)?;
    ensure_terminal_safe("not_before", &info.not_before)?;
    ensure_terminal_safe("not_after", &info.not_after)?;
    for n in &info.names {
        ensure_terminal_safe("a certificate name", n)?;
    }
    for v in [&info.issuer_cn, &info.issuer_org, &info.issuer_ou]
        .into_iter()
        .flatten()
    {
        ensure_terminal_safe("an issuer attribute", v)?;
    }
    // A recorded fact set keeps the dates as text only; the verdict must not change.
    let json = serde_json::to_string(info).map_err(|e| format!("not serialisable: {e}"))?;
    let back: CertInfo =
        serde_json::from_str(&json).map_err(|e| format!("not read back: {e}: {json}"))?;
    let host = info
        .names
        .first()
        .map_or("mail.example.com", String::as_str);
    for now in NOWS {
        let (a, b) = (classify(info, host, now), classify(&back, host, now));
        ensure(a == b, || {
            format!(
                "verdict at {now} is {a:?} live but {b:?} replayed (not_before {:?} = {}, not_after {:?} = {})",
                info.not_before, info.not_before_unix, info.not_after, info.not_after_unix
            )
        })?;
    }
    Ok(())
}

/// `name_matches` on two strings cut from the input.
fn check_names(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    let (pattern, host) = text.split_once('\n').unwrap_or((&text, "mail.example.com"));
    let base = name_matches(pattern, host);
    let upper = name_matches(&pattern.to_ascii_uppercase(), &host.to_ascii_uppercase());
    ensure(base == upper, || {
        format!("name_matches({pattern:?}, {host:?}) depends on case")
    })?;
    let trimmed = pattern.trim();
    if !trimmed.is_empty() && !trimmed.ends_with('.') {
        let dotted = name_matches(&format!("{trimmed}."), host);
        ensure(dotted == name_matches(trimmed, host), || {
            format!("name_matches({pattern:?}, {host:?}) depends on a trailing dot")
        })?;
    }
    let dns_like = |s: &str| {
        !s.is_empty()
            && s.split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    };
    if dns_like(host) {
        ensure(name_matches(host, host), || {
            format!("{host:?} does not match itself")
        })?;
    }
    Ok(())
}

pub(super) fn check_cert(data: &[u8]) -> Checked {
    match parse_der(data) {
        Ok(info) => check_info(&info)?,
        Err(e) => ensure_terminal_safe("the certificate error", &e.to_string())?,
    }
    check_names(data)
}
