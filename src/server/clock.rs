//! Times as the sources write them, turned into what the report shows: RFC 3339 in UTC.
//! CSF's comments and fail2ban's ban list speak the server's local time; the conversion to
//! UTC goes through the C library's `mktime`, which knows the host's time zone rules.

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// Seconds since the Unix epoch as RFC 3339 in UTC (`2026-12-01T09:12:03Z`); `None` outside
/// the years RFC 3339 can show.
pub fn rfc3339(unix: i64) -> Option<String> {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()?
        .format(&Rfc3339)
        .ok()
}

/// A wall-clock time in the host's local zone, as seconds since the Unix epoch. In the hour a
/// clock is set back, the C library picks one of the two readings; `None` if it cannot say.
// time_t is 32 bits on some targets, so the conversions are not useless everywhere.
#[allow(clippy::useless_conversion)]
pub fn local_to_unix(t: PrimitiveDateTime) -> Option<i64> {
    // SAFETY: `tm` is plain data, fully initialised below; mktime only reads and normalises it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = t.year() - 1900;
    tm.tm_mon = i32::from(u8::from(t.month())) - 1;
    tm.tm_mday = i32::from(t.day());
    tm.tm_hour = i32::from(t.hour());
    tm.tm_min = i32::from(t.minute());
    tm.tm_sec = i32::from(t.second());
    tm.tm_isdst = -1;
    // SAFETY: a valid pointer to an initialised `tm`.
    let unix = unsafe { libc::mktime(&raw mut tm) };
    // -1 is also a real instant (one second before 1970) that no source here writes.
    (unix != -1).then_some(i64::from(unix))
}

/// The wall-clock reading of `unix` in the host's local zone (the inverse of
/// [`local_to_unix`]).
#[allow(clippy::useless_conversion)]
pub fn unix_to_local(unix: i64) -> Option<PrimitiveDateTime> {
    let t: libc::time_t = unix.try_into().ok()?;
    // SAFETY: `tm` is plain data; localtime_r fills it and we read it only on success.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to initialised values.
    if unsafe { libc::localtime_r(&raw const t, &raw mut tm) }.is_null() {
        return None;
    }
    let month = Month::try_from(u8::try_from(tm.tm_mon + 1).ok()?).ok()?;
    let date =
        Date::from_calendar_date(tm.tm_year + 1900, month, u8::try_from(tm.tm_mday).ok()?).ok()?;
    let time = Time::from_hms(
        u8::try_from(tm.tm_hour).ok()?,
        u8::try_from(tm.tm_min).ok()?,
        u8::try_from(tm.tm_sec.min(59)).ok()?,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time))
}

/// `YYYY-MM-DD HH:MM:SS`, the form fail2ban prints.
pub fn format_local(t: PrimitiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Perl's `scalar localtime` (and C's `ctime` without the newline): `Tue Dec  1 09:12:03 2026`.
/// The weekday is checked for form only; the date decides.
pub fn parse_ctime(s: &str) -> Option<PrimitiveDateTime> {
    let mut it = s.split_whitespace();
    let weekday = it.next()?;
    if !WEEKDAYS.contains(&weekday) {
        return None;
    }
    let month = month_from_abbrev(it.next()?)?;
    let day: u8 = it.next()?.parse().ok()?;
    let time = parse_hms(it.next()?)?;
    let year = parse_year(it.next()?)?;
    if it.next().is_some() {
        return None;
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(PrimitiveDateTime::new(date, time))
}

/// `YYYY-MM-DD HH:MM:SS`, as fail2ban prints ban times.
pub fn parse_iso_local(s: &str) -> Option<PrimitiveDateTime> {
    let (date, time) = s.trim().split_once(' ')?;
    let mut d = date.split('-');
    let year = parse_year(d.next()?)?;
    let month = Month::try_from(parse_2digits(d.next()?)?).ok()?;
    let day = parse_2digits(d.next()?)?;
    if d.next().is_some() {
        return None;
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(PrimitiveDateTime::new(date, parse_hms(time.trim())?))
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `Jan`..`Dec`.
pub fn month_from_abbrev(s: &str) -> Option<Month> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = MONTHS.iter().position(|m| *m == s)?;
    Month::try_from(u8::try_from(i + 1).ok()?).ok()
}

fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_2digits(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_hms(s: &str) -> Option<Time> {
    let mut p = s.split(':');
    let h = parse_2digits(p.next()?)?;
    let m = parse_2digits(p.next()?)?;
    let sec = parse_2digits(p.next()?)?;
    if p.next().is_some() {
        return None;
    }
    Time::from_hms(h, m, sec).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn utc_text() {
        assert_eq!(rfc3339(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_796_121_121).unwrap(), "2026-12-01T10:32:01Z");
        assert!(rfc3339(i64::MAX).is_none());
    }

    #[test]
    fn perl_localtime() {
        assert_eq!(
            parse_ctime("Tue Dec  1 09:12:03 2026"),
            Some(datetime!(2026-12-01 09:12:03))
        );
        assert_eq!(
            parse_ctime("Mon Feb 29 23:59:59 2028"),
            Some(datetime!(2028-02-29 23:59:59))
        );
        for bad in [
            "",
            "Tue Dec 32 09:12:03 2026",
            "Tue Dex  1 09:12:03 2026",
            "Xyz Dec  1 09:12:03 2026",
            "Tue Dec  1 9:12:03 2026",
            "Tue Dec  1 09:12:03 2026 extra",
            "Tue Feb 29 09:12:03 2027",
        ] {
            assert!(parse_ctime(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn fail2ban_times() {
        assert_eq!(
            parse_iso_local("2026-12-01 11:32:01"),
            Some(datetime!(2026-12-01 11:32:01))
        );
        assert!(parse_iso_local("2026-12-01T11:32:01").is_none());
        assert_eq!(
            format_local(datetime!(2026-12-01 01:02:03)),
            "2026-12-01 01:02:03"
        );
        assert!(parse_iso_local("2026-13-01 11:32:01").is_none());
        assert!(parse_iso_local("2026-12-01 24:00:00").is_none());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*", n in proptest::num::i64::ANY) {
            let _ = parse_ctime(&s);
            let _ = parse_iso_local(&s);
            let _ = month_from_abbrev(&s);
            let _ = rfc3339(n);
            let _ = unix_to_local(n);
        }
    }

    #[test]
    fn local_round_trip() {
        // Whatever the host's zone, local reading and back gives the same instant (away from
        // the hour a clock is set back).
        for unix in [0_i64, 1_796_121_121, 1_780_000_000, 1_900_000_000] {
            let local = unix_to_local(unix).unwrap();
            assert_eq!(local_to_unix(local), Some(unix), "{unix} {local}");
        }
    }
}
