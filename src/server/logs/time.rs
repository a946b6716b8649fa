//! Log timestamps: the formats mail logs start their lines with, and turning them into Unix
//! seconds. Local wall-clock times go through the host's time zone (libc `mktime` /
//! `localtime_r`: the `time` crate's local offset is unsound in threaded programs); a line
//! without a year takes it from the file's modification time.

use std::cell::Cell;

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A wall-clock date and time as a log line writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// A line's timestamp before it is placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// A full instant (RFC 3339 with an offset, Exim with `log_timezone`): Unix seconds.
    Instant(i64),
    /// Local time with a year (Exim's default `2026-12-01 09:00:00`).
    Local(Civil),
    /// Local time without a year (`Dec  1 09:00:00`: classic syslog, Postfix's
    /// `maillog_file`, Dovecot's `log_path`); `year` is unused.
    LocalNoYear(Civil),
}

/// Which family of timestamp a line starts with: Exim's main log is the only one with
/// `YYYY-MM-DD HH:MM:SS`, so the line's layout follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampStyle {
    Syslog,
    Rfc3339,
    Exim,
}

/// The host's (or a test's) time zone: local wall-clock time to Unix seconds and back.
pub trait LocalZone {
    /// Unix seconds of a local wall-clock time; `None` when it is not a valid date.
    fn to_unix(&self, civil: Civil) -> Option<i64>;
    /// The local calendar year at Unix second `unix`.
    fn year_at(&self, unix: i64) -> Option<i32>;
}

/// The host's zone through libc (`TZ`, `/etc/localtime`), daylight saving included.
#[derive(Debug, Clone, Copy, Default)]
pub struct HostZone;

impl LocalZone for HostZone {
    fn to_unix(&self, c: Civil) -> Option<i64> {
        // Validate first: mktime silently normalises "Feb 30" into March.
        civil_date(c)?;
        // SAFETY: an all-zero `tm` is a valid value (plain integers and a null zone pointer);
        // mktime only reads and normalises the struct we own.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        tm.tm_year = c.year - 1900;
        tm.tm_mon = i32::from(c.month) - 1;
        tm.tm_mday = i32::from(c.day);
        tm.tm_hour = i32::from(c.hour);
        tm.tm_min = i32::from(c.minute);
        tm.tm_sec = i32::from(c.second);
        tm.tm_isdst = -1;
        // SAFETY: `tm` is a valid, exclusively borrowed struct.
        let t = unsafe { libc::mktime(&raw mut tm) };
        if t == -1 && !(c.year == 1969 || c.year == 1970) {
            return None;
        }
        Some(t)
    }

    fn year_at(&self, unix: i64) -> Option<i32> {
        let t: libc::time_t = unix;
        // SAFETY: as above; localtime_r writes only into `tm`.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        // SAFETY: both pointers are valid for the duration of the call.
        let r = unsafe { libc::localtime_r(&raw const t, &raw mut tm) };
        if r.is_null() {
            return None;
        }
        Some(tm.tm_year + 1900)
    }
}

/// A fixed offset from UTC in seconds (east positive): tests, and hosts whose logs are UTC.
#[derive(Debug, Clone, Copy)]
pub struct FixedZone(pub i32);

impl LocalZone for FixedZone {
    fn to_unix(&self, c: Civil) -> Option<i64> {
        let offset = UtcOffset::from_whole_seconds(self.0).ok()?;
        Some(civil_datetime(c)?.assume_offset(offset).unix_timestamp())
    }

    fn year_at(&self, unix: i64) -> Option<i32> {
        let t = OffsetDateTime::from_unix_timestamp(unix.checked_add(i64::from(self.0))?).ok()?;
        Some(t.year())
    }
}

/// A local minute: year, month, day, hour, minute.
type MinuteKey = (i32, u8, u8, u8, u8);

/// Remembers the last answers of a zone: glibc's `mktime` looks at /etc/localtime (a `stat`)
/// on every call, which a million-line brute-force log would feel (1.5 s of system time
/// measured). Log lines come in time order, so the last local minute is nearly always the
/// one asked for again; a minute never straddles a zone change. One per file (not `Sync`).
pub struct MemoZone<'a> {
    inner: &'a dyn LocalZone,
    minute: Cell<Option<(MinuteKey, Option<i64>)>>,
    year: Cell<Option<(i64, Option<i32>)>>,
}

impl<'a> MemoZone<'a> {
    pub fn new(inner: &'a dyn LocalZone) -> MemoZone<'a> {
        MemoZone {
            inner,
            minute: Cell::new(None),
            year: Cell::new(None),
        }
    }
}

impl LocalZone for MemoZone<'_> {
    fn to_unix(&self, c: Civil) -> Option<i64> {
        let key = (c.year, c.month, c.day, c.hour, c.minute);
        let start = match self.minute.get() {
            Some((k, v)) if k == key => v,
            _ => {
                let v = self.inner.to_unix(Civil { second: 0, ..c });
                self.minute.set(Some((key, v)));
                v
            }
        };
        if c.second > 59 {
            return None;
        }
        start.map(|t| t + i64::from(c.second))
    }

    fn year_at(&self, unix: i64) -> Option<i32> {
        match self.year.get() {
            Some((k, v)) if k == unix => v,
            _ => {
                let v = self.inner.year_at(unix);
                self.year.set(Some((unix, v)));
                v
            }
        }
    }
}

fn civil_date(c: Civil) -> Option<Date> {
    Date::from_calendar_date(c.year, Month::try_from(c.month).ok()?, c.day).ok()
}

fn civil_datetime(c: Civil) -> Option<PrimitiveDateTime> {
    let time = Time::from_hms(c.hour, c.minute, c.second).ok()?;
    Some(PrimitiveDateTime::new(civil_date(c)?, time))
}

/// How far past the file's modification time a year-less line may lie before it is taken to
/// be from the year before (clock steps, a zone change): one day.
const YEAR_SLACK_SECS: i64 = 86_400;

/// Unix seconds of `stamp`. A year-less stamp takes the local year of `reference` (the file's
/// modification time: the newest line of the file), or the year before when the result
/// would lie after it: a December line in a file last written in January is last year's.
pub fn resolve(stamp: Stamp, zone: &dyn LocalZone, reference: i64) -> Option<i64> {
    match stamp {
        Stamp::Instant(t) => Some(t),
        Stamp::Local(c) => zone.to_unix(c),
        Stamp::LocalNoYear(c) => {
            let year = zone.year_at(reference)?;
            let this = zone.to_unix(Civil { year, ..c });
            match this {
                Some(t) if t <= reference.saturating_add(YEAR_SLACK_SECS) => Some(t),
                // Feb 29 of a year that has none, or a date after the file was written.
                _ => zone.to_unix(Civil {
                    year: year - 1,
                    ..c
                }),
            }
        }
    }
}

/// RFC 3339 in UTC (`2026-12-01T09:00:00Z`); an out-of-range value gives the epoch's text
/// rather than a panic.
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
}

/// The timestamp a line starts with and the rest of the line after it (and one space).
pub fn parse_stamp(line: &str) -> Option<(Stamp, StampStyle, &str)> {
    let b = line.as_bytes();
    if b.len() >= 19 && b[4] == b'-' && b[7] == b'-' {
        match b[10] {
            b'T' => parse_rfc3339(line),
            b' ' => parse_exim(line),
            _ => None,
        }
    } else {
        parse_syslog(line)
    }
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let s = b.get(at..at + n)?;
    let mut v: u32 = 0;
    for &d in s {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(d - b'0');
    }
    Some(v)
}

fn small(v: u32) -> Option<u8> {
    u8::try_from(v).ok()
}

/// `YYYY-MM-DD?HH:MM:SS` at the start of `b` (the separator is not checked here).
fn date_time(b: &[u8]) -> Option<Civil> {
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    Some(Civil {
        year: i32::try_from(digits(b, 0, 4)?).ok()?,
        month: small(digits(b, 5, 2)?)?,
        day: small(digits(b, 8, 2)?)?,
        hour: small(digits(b, 11, 2)?)?,
        minute: small(digits(b, 14, 2)?)?,
        second: small(digits(b, 17, 2)?)?,
    })
}

/// Skips `.123456` after the seconds.
fn skip_fraction(b: &[u8], mut i: usize) -> usize {
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    i
}

/// `+01:00`, `+0100` or `Z` at `i`: the offset in seconds and the index after it.
fn zone_offset(b: &[u8], i: usize) -> Option<(i32, usize)> {
    match b.get(i)? {
        b'Z' | b'z' => Some((0, i + 1)),
        sign @ (b'+' | b'-') => {
            let hours = digits(b, i + 1, 2)?;
            let (minutes, end) = if b.get(i + 3) == Some(&b':') {
                (digits(b, i + 4, 2)?, i + 6)
            } else {
                (digits(b, i + 3, 2)?, i + 5)
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let secs = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            Some((if *sign == b'-' { -secs } else { secs }, end))
        }
        _ => None,
    }
}

/// After the stamp: one space (or the end of the line), else this is not a stamp.
fn rest_after(line: &str, i: usize) -> Option<&str> {
    match line.as_bytes().get(i) {
        None => Some(""),
        Some(b' ') => line.get(i + 1..),
        Some(_) => None,
    }
}

fn instant(c: Civil, offset: i32) -> Option<i64> {
    let utc = civil_datetime(c)?.assume_utc().unix_timestamp();
    Some(utc - i64::from(offset))
}

/// Debian 12's rsyslog: `2026-12-01T09:00:00.123456+00:00 host prog[pid]: ...`.
fn parse_rfc3339(line: &str) -> Option<(Stamp, StampStyle, &str)> {
    let b = line.as_bytes();
    let c = date_time(b)?;
    let i = skip_fraction(b, 19);
    if let Some((offset, end)) = zone_offset(b, i) {
        Some((
            Stamp::Instant(instant(c, offset)?),
            StampStyle::Rfc3339,
            rest_after(line, end)?,
        ))
    } else {
        civil_datetime(c)?;
        Some((Stamp::Local(c), StampStyle::Rfc3339, rest_after(line, i)?))
    }
}

/// Exim: `2026-12-01 09:00:00` (local), optionally `.123` (`+millisec`) and ` +0100`
/// (`log_timezone`).
fn parse_exim(line: &str) -> Option<(Stamp, StampStyle, &str)> {
    let b = line.as_bytes();
    let c = date_time(b)?;
    let i = skip_fraction(b, 19);
    if b.get(i) == Some(&b' ') && matches!(b.get(i + 1), Some(b'+' | b'-')) {
        if let Some((offset, end)) = zone_offset(b, i + 1) {
            if let Some(rest) = rest_after(line, end) {
                return Some((Stamp::Instant(instant(c, offset)?), StampStyle::Exim, rest));
            }
        }
    }
    civil_datetime(c)?;
    Some((Stamp::Local(c), StampStyle::Exim, rest_after(line, i)?))
}

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// `Dec  1 09:00:00` (classic syslog), `Dec 01 09:00:00` (Postfix's postlogd, Dovecot's
/// `log_path`), optionally with a fraction.
fn parse_syslog(line: &str) -> Option<(Stamp, StampStyle, &str)> {
    let b = line.as_bytes();
    let month = MONTHS.iter().position(|m| b.get(..3) == Some(&m[..]))?;
    if b.get(3) != Some(&b' ') {
        return None;
    }
    let (day, i) = match (b.get(4), b.get(5)) {
        (Some(b' '), Some(d)) if d.is_ascii_digit() => (u32::from(d - b'0'), 6),
        (Some(d1), Some(d2)) if d1.is_ascii_digit() && d2.is_ascii_digit() => {
            (u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'), 6)
        }
        (Some(d), Some(b' ')) if d.is_ascii_digit() => (u32::from(d - b'0'), 5),
        _ => return None,
    };
    if b.get(i) != Some(&b' ') || b.get(i + 3) != Some(&b':') || b.get(i + 6) != Some(&b':') {
        return None;
    }
    let c = Civil {
        year: 2000, // a leap year, so that Feb 29 is accepted here; `resolve` picks the year
        month: small(u32::try_from(month + 1).ok()?)?,
        day: small(day)?,
        hour: small(digits(b, i + 1, 2)?)?,
        minute: small(digits(b, i + 4, 2)?)?,
        second: small(digits(b, i + 7, 2)?)?,
    };
    civil_datetime(c)?;
    let end = skip_fraction(b, i + 9);
    Some((
        Stamp::LocalNoYear(c),
        StampStyle::Syslog,
        rest_after(line, end)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const UTC: FixedZone = FixedZone(0);

    fn unix(s: &str) -> i64 {
        OffsetDateTime::parse(s, &Rfc3339).unwrap().unix_timestamp()
    }

    fn at(line: &str, reference: &str) -> i64 {
        let (stamp, _, _) = parse_stamp(line).unwrap();
        resolve(stamp, &UTC, unix(reference)).unwrap()
    }

    #[test]
    fn classic_syslog_and_postlogd_and_dovecot() {
        let r = "2026-12-01T12:00:00Z";
        assert_eq!(
            at("Dec  1 09:00:00 host postfix/smtpd[1]: x", r),
            unix("2026-12-01T09:00:00Z")
        );
        // Real lines: Postfix 3.7's maillog_file and Dovecot 2.3's log_path pad the day with 0.
        assert_eq!(
            at(
                "Dec 01 10:38:39 mail postfix/submission/smtpd[7584]: connect",
                r
            ),
            unix("2026-12-01T10:38:39Z")
        );
        let (_, style, rest) = parse_stamp("Dec 01 10:38:40 auth: Info: x").unwrap();
        assert_eq!((style, rest), (StampStyle::Syslog, "auth: Info: x"));
        assert_eq!(
            at("Mar 9 01:02:03.456 h p: x", "2026-12-01T00:00:00Z"),
            unix("2026-03-09T01:02:03Z")
        );
    }

    #[test]
    fn year_comes_from_the_file_time() {
        // A December line in a file last written in January is last year's.
        assert_eq!(
            at("Dec 31 23:59:59 h p: x", "2027-01-02T08:00:00Z"),
            unix("2026-12-31T23:59:59Z")
        );
        assert_eq!(
            at("Jan  2 07:00:00 h p: x", "2027-01-02T08:00:00Z"),
            unix("2027-01-02T07:00:00Z")
        );
        // Within a day after the file time still counts as this year (clock steps).
        assert_eq!(
            at("Jan  2 09:00:00 h p: x", "2027-01-02T08:00:00Z"),
            unix("2027-01-02T09:00:00Z")
        );
        // Feb 29 in a file written in 2029 is from 2028.
        assert_eq!(
            at("Feb 29 10:00:00 h p: x", "2029-03-01T00:00:00Z"),
            unix("2028-02-29T10:00:00Z")
        );
    }

    #[test]
    fn rfc3339_with_fraction_and_offset() {
        let (s, style, rest) =
            parse_stamp("2026-12-01T09:00:00.123456+00:00 mail postfix/smtpd[1]: x").unwrap();
        assert_eq!(s, Stamp::Instant(unix("2026-12-01T09:00:00Z")));
        assert_eq!(style, StampStyle::Rfc3339);
        assert_eq!(rest, "mail postfix/smtpd[1]: x");
        let (s, _, _) = parse_stamp("2026-12-01T10:00:00+01:00 h p: x").unwrap();
        assert_eq!(s, Stamp::Instant(unix("2026-12-01T09:00:00Z")));
        let (s, _, _) = parse_stamp("2026-12-01T04:00:00-0500 h p: x").unwrap();
        assert_eq!(s, Stamp::Instant(unix("2026-12-01T09:00:00Z")));
        let (s, _, _) = parse_stamp("2026-12-01T09:00:00Z h p: x").unwrap();
        assert_eq!(s, Stamp::Instant(unix("2026-12-01T09:00:00Z")));
    }

    #[test]
    fn exim_local_and_with_zone() {
        let (s, style, rest) =
            parse_stamp("2026-12-01 09:00:00 SMTP connection from [198.51.100.7]").unwrap();
        assert_eq!(style, StampStyle::Exim);
        assert_eq!(rest, "SMTP connection from [198.51.100.7]");
        assert_eq!(
            resolve(s, &FixedZone(3600), 0),
            Some(unix("2026-12-01T08:00:00Z"))
        );
        let (s, _, rest) = parse_stamp("2026-12-01 09:00:00 +0100 [123] 1tX <= a").unwrap();
        assert_eq!(s, Stamp::Instant(unix("2026-12-01T08:00:00Z")));
        assert_eq!(rest, "[123] 1tX <= a");
        let (s, _, rest) = parse_stamp("2026-12-01 09:00:00.250 H=x").unwrap();
        assert_eq!(
            s,
            Stamp::Local(Civil {
                year: 2026,
                month: 12,
                day: 1,
                hour: 9,
                minute: 0,
                second: 0
            })
        );
        assert_eq!(rest, "H=x");
    }

    #[test]
    fn not_stamps() {
        for l in [
            "",
            "Dec",
            "Dec 1",
            "Foo  1 09:00:00 x",
            "Dec 32 09:00:00 x",
            "Dec  1 25:00:00 x",
            "Dec  1 09:00:00x",
            "2026-13-01 09:00:00 x",
            "2026-12-01X09:00:00 x",
            "2026-12-01T09:00:00+99:00 x",
            "Envelope-from: <a@b>",
            "P Received: from x",
        ] {
            assert_eq!(parse_stamp(l), None, "{l:?}");
        }
    }

    #[test]
    fn host_zone_round_trips_through_libc() {
        // Whatever the host's zone: a local time converted and its year read back agree.
        let c = Civil {
            year: 2026,
            month: 7,
            day: 15,
            hour: 12,
            minute: 0,
            second: 0,
        };
        let t = HostZone.to_unix(c).unwrap();
        assert_eq!(HostZone.year_at(t), Some(2026));
        assert!((t - unix("2026-07-15T12:00:00Z")).abs() <= 14 * 3600);
        assert_eq!(
            HostZone.to_unix(Civil {
                day: 31,
                month: 2,
                ..c
            }),
            None
        );
    }

    #[test]
    fn memo_zone_answers_like_its_zone() {
        let memo = MemoZone::new(&HostZone);
        for (y, mo, d, h, mi, s) in [
            (2026, 3, 29, 1, 59, 59),
            (2026, 3, 29, 2, 0, 1),
            (2026, 3, 29, 2, 0, 2),
            (2026, 10, 25, 2, 30, 0),
            (2024, 2, 29, 0, 0, 0),
        ] {
            let c = Civil {
                year: y,
                month: mo,
                day: d,
                hour: h,
                minute: mi,
                second: s,
            };
            assert_eq!(memo.to_unix(c), HostZone.to_unix(c), "{c:?}");
        }
        assert_eq!(
            memo.to_unix(Civil {
                year: 2026,
                month: 2,
                day: 30,
                hour: 0,
                minute: 0,
                second: 0
            }),
            None
        );
        assert_eq!(memo.year_at(1_796_000_000), HostZone.year_at(1_796_000_000));
        let fixed = MemoZone::new(&FixedZone(3600));
        let c = Civil {
            year: 2026,
            month: 12,
            day: 1,
            hour: 10,
            minute: 0,
            second: 30,
        };
        assert_eq!(fixed.to_unix(c), FixedZone(3600).to_unix(c));
    }

    #[test]
    fn rfc3339_output() {
        assert_eq!(
            rfc3339(unix("2026-12-01T09:00:00Z")),
            "2026-12-01T09:00:00Z"
        );
        assert_eq!(rfc3339(i64::MAX), "1970-01-01T00:00:00Z");
    }
}
