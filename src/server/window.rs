//! The time window whose log lines count: `--since` durations (`90m`, `2h`, `3d`, `1w`),
//! the window ending now or centred on the time of a customer's test, and the RFC 3339
//! times the report shows. Pure: "now" is always a parameter.

use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::context::Window;

/// The default `--since`: one day.
pub const DEFAULT_SINCE_SECS: i64 = 24 * 3600;
/// The longest window accepted (logs older than a year are rotated away anyway).
const MAX_SINCE_SECS: i64 = 366 * 24 * 3600;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DurationError {
    #[error("`{0}` is not a duration such as 90m, 2h, 3d or 1w")]
    Malformed(String),
    #[error("`{0}` needs a unit: s, m, h, d or w (for example 2h)")]
    NoUnit(String),
    #[error("`{0}` is zero: the window would hold nothing")]
    Zero(String),
    #[error("`{0}` is longer than a year")]
    TooLong(String),
}

/// Seconds in a `--since` value: a whole number and one unit (`s`, `m`, `h`, `d`, `w`).
pub fn parse_duration(s: &str) -> Result<i64, DurationError> {
    let t = s.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let (number, unit) = t.split_at(digits);
    if number.is_empty() {
        return Err(DurationError::Malformed(s.to_string()));
    }
    let unit_secs = match unit.trim() {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        "" => return Err(DurationError::NoUnit(s.to_string())),
        _ => return Err(DurationError::Malformed(s.to_string())),
    };
    let n: i64 = number
        .parse()
        .map_err(|_| DurationError::TooLong(s.to_string()))?;
    if n == 0 {
        return Err(DurationError::Zero(s.to_string()));
    }
    match n.checked_mul(unit_secs) {
        Some(secs) if secs <= MAX_SINCE_SECS => Ok(secs),
        _ => Err(DurationError::TooLong(s.to_string())),
    }
}

/// `secs` as the person would say it: `24h`, `90m`, `3d` (a single day reads `24h`, as
/// the default is written).
pub fn describe_duration(secs: i64) -> String {
    for (unit, size) in [("w", 7 * 86_400), ("d", 86_400), ("h", 3600), ("m", 60)] {
        let enough = if unit == "d" { 2 * size } else { size };
        if secs >= enough && secs % size == 0 {
            return format!("{}{unit}", secs / size);
        }
    }
    format!("{secs}s")
}

/// `secs` in words: `10 minutes`, `1 hour`, `2 days`, `90 seconds`.
pub fn spoken_duration(secs: i64) -> String {
    for (unit, size) in [
        ("week", 7 * 86_400),
        ("day", 86_400),
        ("hour", 3600),
        ("minute", 60),
    ] {
        if secs >= size && secs % size == 0 {
            let n = secs / size;
            return format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
        }
    }
    format!("{secs} seconds")
}

/// The last `length` seconds up to `now`.
pub fn ending_at(now: i64, length: i64) -> Window {
    Window {
        since: now.saturating_sub(length),
        until: now,
    }
}

/// `length` seconds centred on `moment` (the time of the customer's test), never reaching
/// past `now`: log lines cannot come from the future, and saying so would mislead.
pub fn centred_on(moment: i64, length: i64, now: i64) -> Window {
    let half = length / 2;
    let since = moment.saturating_sub(half);
    let until = moment.saturating_add(length - half).min(now).max(since);
    Window { since, until }
}

/// RFC 3339 in UTC, e.g. `2026-12-01T09:00:00Z`; out-of-range times give the raw number.
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| unix.to_string())
}

/// A short form for people: `2026-12-01 09:00 UTC`.
pub fn human(unix: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
        Err(_) => unix.to_string(),
    }
}

/// To the second, for log lines: `2026-12-01 09:00:05`.
pub fn human_secs(unix: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => unix.to_string(),
    }
}

/// Seconds since the epoch of an RFC 3339 time (`2026-12-01T09:00:00Z`,
/// `2026-12-01T10:00:00.5+01:00`); `None` when it is not one.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = i32::try_from(num(0..4)?).ok()?;
    let month = Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    let day = u8::try_from(num(8..10)?).ok()?;
    let hour = u8::try_from(num(11..13)?).ok()?;
    let minute = u8::try_from(num(14..16)?).ok()?;
    let second = u8::try_from(num(17..19)?).ok()?;
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.chars().take_while(char::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    let offset = match rest {
        "Z" | "z" => UtcOffset::UTC,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' || !matches!(rb[0], b'+' | b'-') {
                return None;
            }
            let h: i8 = rest.get(1..3)?.parse().ok()?;
            let m: i8 = rest.get(4..6)?.parse().ok()?;
            let sign = if rb[0] == b'-' { -1 } else { 1 };
            UtcOffset::from_hms(sign * h, sign * m, 0).ok()?
        }
    };
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms(hour, minute, second).ok()?;
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_offset(offset)
            .unix_timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90m"), Ok(5400));
        assert_eq!(parse_duration("2h"), Ok(7200));
        assert_eq!(parse_duration("3d"), Ok(3 * 86_400));
        assert_eq!(parse_duration("1w"), Ok(7 * 86_400));
        assert_eq!(parse_duration("45s"), Ok(45));
        assert_eq!(parse_duration(" 24h "), Ok(DEFAULT_SINCE_SECS));
        assert_eq!(parse_duration("2"), Err(DurationError::NoUnit("2".into())));
        assert_eq!(parse_duration("0h"), Err(DurationError::Zero("0h".into())));
        assert!(matches!(
            parse_duration("h"),
            Err(DurationError::Malformed(_))
        ));
        assert!(matches!(
            parse_duration("2x"),
            Err(DurationError::Malformed(_))
        ));
        assert!(matches!(
            parse_duration("-2h"),
            Err(DurationError::Malformed(_))
        ));
        assert!(matches!(
            parse_duration("2h30m"),
            Err(DurationError::Malformed(_))
        ));
        assert!(matches!(
            parse_duration("53w"),
            Err(DurationError::TooLong(_))
        ));
        assert!(matches!(
            parse_duration("99999999999999999999d"),
            Err(DurationError::TooLong(_))
        ));
    }

    #[test]
    fn durations_read_back() {
        for s in ["90m", "2h", "3d", "1w", "24h", "45s"] {
            assert_eq!(describe_duration(parse_duration(s).unwrap()), s);
        }
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(spoken_duration(600), "10 minutes");
        assert_eq!(spoken_duration(3600), "1 hour");
        assert_eq!(spoken_duration(2 * 86_400), "2 days");
        assert_eq!(spoken_duration(90), "90 seconds");
    }

    #[test]
    fn windows() {
        assert_eq!(
            ending_at(10_000, 3600),
            Window {
                since: 6400,
                until: 10_000
            }
        );
        // Centred on the test, well in the past.
        assert_eq!(
            centred_on(100_000, 7200, 1_000_000),
            Window {
                since: 96_400,
                until: 103_600
            }
        );
        // A test a few minutes ago: the window stops at now.
        assert_eq!(
            centred_on(100_000, 7200, 100_300),
            Window {
                since: 96_400,
                until: 100_300
            }
        );
        // A customer's clock far ahead of ours: an empty window rather than a reversed one.
        let w = centred_on(200_000, 7200, 100_000);
        assert_eq!(w.since, w.until);
    }

    #[test]
    fn rfc3339_round_trip() {
        let t = parse_rfc3339("2026-12-01T09:00:00Z").unwrap();
        assert_eq!(rfc3339(t), "2026-12-01T09:00:00Z");
        assert_eq!(parse_rfc3339("2026-12-01T10:00:00.123+01:00"), Some(t));
        assert_eq!(parse_rfc3339("2026-12-01T04:00:00-05:00"), Some(t));
        assert_eq!(human(t), "2026-12-01 09:00 UTC");
        assert_eq!(human_secs(t + 5), "2026-12-01 09:00:05");
        for bad in [
            "",
            "2026-12-01",
            "2026-13-01T09:00:00Z",
            "2026-12-01T25:00:00Z",
            "2026-12-01T09:00:00",
            "2026-12-01T09:00:00+0100",
            "2026-12-01T09:00:00.Z",
            "２０２６-12-01T09:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
