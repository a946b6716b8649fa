//! fail2ban's SQLite database, opened read-only: the `bans` table (`jail`, `ip`, `timeofban`,
//! `bantime`, `bancount`, `data`) written by `server/database.py` `addBan`. `data` is JSON
//! with `failures` (the count that triggered the ban) and `matches` (the log lines, at most
//! `dbmaxmatches` of them; the first may be stored split as `[prefix, date, rest]`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use thiserror::Error;

use crate::server::netaddr;
use crate::server::textfile::{self, FileError};

/// The newest ban of one address (or network) in one jail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbBan {
    pub jail: String,
    pub ip: String,
    /// Seconds since the Unix epoch.
    pub timeofban: i64,
    /// Seconds; negative is permanent.
    pub bantime: i64,
    /// How many times this address has been banned in this jail (bantime.increment counts).
    pub bancount: i64,
    pub failures: Option<i64>,
    pub matches: Vec<String>,
}

impl DbBan {
    /// When it ends; `None` when permanent.
    pub fn until(&self) -> Option<i64> {
        (self.bantime >= 0).then(|| self.timeofban.saturating_add(self.bantime))
    }

    /// Still in force at `now`.
    pub fn current(&self, now: i64) -> bool {
        self.until().is_none_or(|u| u > now)
    }
}

#[derive(Debug, Error)]
pub enum DbError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{path}: {message}")]
    Sqlite { path: String, message: String },
}

/// The newest ban per (jail, address) whose address or network contains `client`, in order
/// of time of ban.
pub fn bans_for(path: &Path, client: IpAddr, timeout: Duration) -> Result<Vec<DbBan>, DbError> {
    let client = netaddr::normalize(client);
    // Exact rows, networks, and (for IPv6) every IPv6 row, whose text may be written
    // differently from ours.
    let rows = query(
        path,
        timeout,
        "SELECT jail, ip, timeofban, bantime, bancount, data FROM bans \
         WHERE ip = ?1 OR instr(ip, '/') > 0 OR (?2 AND instr(ip, ':') > 0) \
         ORDER BY timeofban",
        rusqlite::params![client.to_string(), client.is_ipv6()],
        &|ip| netaddr::entry_contains(ip, client).is_some(),
    )?;
    let mut newest: HashMap<(String, String), DbBan> = HashMap::new();
    for ban in rows {
        // Rows come in time order: a later one replaces an earlier.
        newest.insert((ban.jail.clone(), ban.ip.clone()), ban);
    }
    let mut out: Vec<DbBan> = newest.into_values().collect();
    out.sort_by(|a, b| (a.timeofban, &a.jail, &a.ip).cmp(&(b.timeofban, &b.jail, &b.ip)));
    Ok(out)
}

/// Every row of the `bans` table (each ban fail2ban made and has not purged yet, so an
/// address banned three times has three rows), in order of time of ban: for the audit.
pub fn all_rows(path: &Path, timeout: Duration) -> Result<Vec<DbBan>, DbError> {
    query(
        path,
        timeout,
        "SELECT jail, ip, timeofban, bantime, bancount, data FROM bans ORDER BY timeofban",
        rusqlite::params![],
        &|_| true,
    )
}

/// Runs `sql` (which selects jail, ip, timeofban, bantime, bancount, data) on the database
/// opened read-only; rows whose address `keep` refuses are left out.
fn query(
    path: &Path,
    timeout: Duration,
    sql_text: &str,
    params: impl rusqlite::Params,
    keep: &dyn Fn(&str) -> bool,
) -> Result<Vec<DbBan>, DbError> {
    // Opening the file first tells a missing or unreadable database from a broken one.
    std::fs::File::open(path).map_err(|e| textfile::classify(path, e))?;
    let shown = path.display().to_string();
    let sql = |e: rusqlite::Error| DbError::Sqlite {
        path: shown.clone(),
        message: e.to_string(),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
    conn.busy_timeout(timeout).map_err(sql)?;
    let mut stmt = conn.prepare(sql_text).map_err(sql)?;
    let rows = stmt
        .query_map(params, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Value>(5)?,
            ))
        })
        .map_err(sql)?;
    let mut out = Vec::new();
    for row in rows {
        let (jail, ip, timeofban, bantime, bancount, data) = row.map_err(sql)?;
        let Some(ip) = ip else { continue };
        if !keep(&ip) {
            continue;
        }
        let (failures, matches) = match data {
            Value::Text(t) => parse_data(&t),
            Value::Blob(b) => parse_data(&String::from_utf8_lossy(&b)),
            _ => (None, Vec::new()),
        };
        out.push(DbBan {
            jail,
            ip,
            timeofban,
            bantime,
            bancount: bancount.unwrap_or(1),
            failures,
            matches,
        });
    }
    Ok(out)
}

/// `failures` and the log lines from a ban's `data` JSON; anything unexpected is left out.
pub fn parse_data(json: &str) -> (Option<i64>, Vec<String>) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(json) else {
        return (None, Vec::new());
    };
    let failures = v.get("failures").and_then(serde_json::Value::as_i64);
    let matches = v
        .get("matches")
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|m| match m {
                    serde_json::Value::String(s) => Some(s.clone()),
                    // A line kept as [prefix, date, rest] parts.
                    serde_json::Value::Array(parts) => Some(
                        parts
                            .iter()
                            .filter_map(serde_json::Value::as_str)
                            .collect::<String>(),
                    ),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    (failures, matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIX: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/server/fail2ban/"
    );

    fn db() -> std::path::PathBuf {
        Path::new(FIX).join("fail2ban.sqlite3")
    }

    #[test]
    fn real_database_ipv4() {
        let bans = bans_for(
            &db(),
            "198.51.100.7".parse().unwrap(),
            Duration::from_secs(2),
        )
        .unwrap();
        assert_eq!(bans.len(), 1);
        let b = &bans[0];
        assert_eq!(
            (b.jail.as_str(), b.ip.as_str()),
            ("postfix-sasl", "198.51.100.7")
        );
        assert_eq!(b.timeofban, 1_796_121_801);
        assert_eq!(b.bantime, 3600);
        assert_eq!(b.until(), Some(1_796_125_401));
        assert_eq!(b.bancount, 1);
        assert_eq!(b.failures, Some(5));
        assert_eq!(b.matches.len(), 5);
        // The first line is stored in parts; joined it is the log line again.
        assert_eq!(
            b.matches[0],
            "Dec  1 11:43:21 mail postfix/submission/smtpd[411]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"
        );
        assert!(b.matches[4].contains("smtpd[415]"));
    }

    #[test]
    fn real_database_network_and_ipv6() {
        let bans = bans_for(
            &db(),
            "198.51.100.70".parse().unwrap(),
            Duration::from_secs(2),
        )
        .unwrap();
        assert_eq!(bans.len(), 1);
        assert_eq!(bans[0].ip, "198.51.100.64/26");
        assert_eq!(bans[0].failures, Some(0));
        assert!(bans[0].matches.is_empty());
        let bans = bans_for(
            &db(),
            "2001:DB8:0::7".parse().unwrap(),
            Duration::from_secs(2),
        )
        .unwrap();
        assert_eq!(bans.len(), 1);
        assert_eq!(bans[0].jail, "postfix-sasl");
        assert!(bans_for(
            &db(),
            "203.0.113.20".parse().unwrap(),
            Duration::from_secs(2)
        )
        .unwrap()
        .is_empty());
    }

    #[test]
    fn missing_and_broken_databases() {
        let e = bans_for(
            Path::new("/nonexistent/f2b.sqlite3"),
            "198.51.100.7".parse().unwrap(),
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(
            matches!(e, DbError::File(FileError::Absent { .. })),
            "{e:?}"
        );
        // A file that is not a database.
        let e = bans_for(
            &Path::new(FIX).join("status.txt"),
            "198.51.100.7".parse().unwrap(),
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(matches!(e, DbError::Sqlite { .. }), "{e:?}");
    }

    #[test]
    fn data_json_shapes() {
        assert_eq!(parse_data("{}"), (None, vec![]));
        assert_eq!(parse_data("not json"), (None, vec![]));
        assert_eq!(
            parse_data(r#"{"failures": 3, "matches": [["a", "b", "c"], "d", 5, null]}"#),
            (Some(3), vec!["abc".to_string(), "d".to_string()])
        );
    }

    #[test]
    fn permanent_and_current() {
        let mut b = DbBan {
            jail: "j".into(),
            ip: "198.51.100.7".into(),
            timeofban: 100,
            bantime: 10,
            bancount: 1,
            failures: None,
            matches: vec![],
        };
        assert!(b.current(109));
        assert!(!b.current(110));
        b.bantime = -1;
        assert_eq!(b.until(), None);
        assert!(b.current(i64::MAX));
    }
}
