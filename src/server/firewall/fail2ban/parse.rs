//! What `fail2ban-client` prints, as values. Formats from fail2ban's own
//! `client/beautifier.py` (0.10 to 1.1) and `server/banmanager.py` (`getBanList`), checked
//! against a real fail2ban 1.0.2 (tests/fixtures/server/fail2ban/).

use time::PrimitiveDateTime;

use crate::server::clock;

/// The jails named by `fail2ban-client status`:
/// `` `- Jail list:\tdovecot, postfix-sasl ``. `None` when the output has no jail list.
pub fn jail_list(status: &str) -> Option<Vec<String>> {
    let line = status.lines().find(|l| l.contains("Jail list:"))?;
    let (_, list) = line.split_once("Jail list:")?;
    Some(
        list.split(',')
            .map(str::trim)
            .filter(|j| !j.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The addresses in `fail2ban-client status JAIL`'s `Banned IP list:` line.
pub fn banned_list(status_jail: &str) -> Vec<String> {
    status_jail
        .lines()
        .find_map(|l| l.split_once("Banned IP list:").map(|(_, v)| v))
        .map(|v| v.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// One line of `fail2ban-client get JAIL banip --with-time` (fail2ban 0.11 and later):
/// `198.51.100.7 \t2026-12-01 11:32:01 + 3600 = 2026-12-01 12:32:01`, times local.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedBan {
    /// The banned address or network.
    pub id: String,
    pub start: Option<PrimitiveDateTime>,
    /// Seconds; -1 is permanent.
    pub bantime: Option<i64>,
    pub end: Option<PrimitiveDateTime>,
    /// The line, tabs turned into spaces.
    pub line: String,
}

impl TimedBan {
    /// An entry of the plain list (`status JAIL`, or `get JAIL banip` without times).
    pub fn bare(id: &str) -> TimedBan {
        TimedBan {
            id: id.to_string(),
            start: None,
            bantime: None,
            end: None,
            line: id.to_string(),
        }
    }
}

pub fn banip_with_time(text: &str) -> Vec<TimedBan> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let (id, rest) = l.split_once(char::is_whitespace)?;
            let rest = rest.trim();
            let (start, rest) = rest.split_once(" + ")?;
            let (bantime, end) = rest.split_once(" = ")?;
            Some(TimedBan {
                id: id.to_string(),
                start: clock::parse_iso_local(start),
                bantime: bantime.trim().parse().ok(),
                end: clock::parse_iso_local(end),
                line: format!(
                    "{id} {} + {} = {}",
                    start.trim(),
                    bantime.trim(),
                    end.trim()
                ),
            })
        })
        .collect()
}

/// `fail2ban-client get JAIL ignoreip`:
/// `These IP addresses/networks are ignored:` then `|- 127.0.0.0/8` ... `` `- ::1 ``,
/// or `No IP address/network is ignored`.
pub fn ignoreip_list(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("|-")
                .or_else(|| l.strip_prefix("`-"))
                .map(|v| v.trim().to_string())
        })
        .filter(|v| !v.is_empty())
        .collect()
}

/// `fail2ban-client get dbfile`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbFile {
    Path(String),
    Disabled,
}

pub fn dbfile(text: &str) -> Option<DbFile> {
    if text.contains("Database currently disabled") {
        return Some(DbFile::Disabled);
    }
    text.lines()
        .find_map(|l| l.trim().strip_prefix("`-"))
        .map(|p| DbFile::Path(p.trim().to_string()))
        .filter(|d| !matches!(d, DbFile::Path(p) if p.is_empty()))
}

/// fail2ban-client's error when no server answers on the socket
/// (`client/fail2banclient.py`, `__logSocketError`).
pub fn server_not_running(stderr: &str) -> bool {
    stderr.contains("Is fail2ban running?") || stderr.contains("Is it running?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const FIX: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/server/fail2ban/"
    );

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{FIX}{name}")).unwrap()
    }

    #[test]
    fn real_status() {
        assert_eq!(
            jail_list(&fixture("status.txt")).unwrap(),
            ["dovecot", "postfix-sasl"]
        );
        assert_eq!(
            jail_list("Status\n|- Number of jail:\t0\n`- Jail list:\t\n").unwrap(),
            Vec::<String>::new()
        );
        assert!(jail_list("Server replied: pong").is_none());
    }

    #[test]
    fn real_jail_status() {
        assert_eq!(
            banned_list(&fixture("status-postfix-sasl.txt")),
            ["198.51.100.7", "2001:db8::7"]
        );
        assert_eq!(
            banned_list(&fixture("status-dovecot.txt")),
            ["198.51.100.8", "198.51.100.64/26"]
        );
        assert!(banned_list("nothing").is_empty());
    }

    #[test]
    fn real_ban_list_with_time() {
        let bans = banip_with_time(&fixture("banip-with-time-postfix-sasl.txt"));
        assert_eq!(bans.len(), 2);
        assert_eq!(bans[0].id, "198.51.100.7");
        assert_eq!(bans[0].start, Some(datetime!(2026-12-01 11:43:21)));
        assert_eq!(bans[0].bantime, Some(3600));
        assert_eq!(bans[0].end, Some(datetime!(2026-12-01 12:43:21)));
        assert_eq!(
            bans[0].line,
            "198.51.100.7 2026-12-01 11:43:21 + 3600 = 2026-12-01 12:43:21"
        );
        assert_eq!(bans[1].id, "2001:db8::7");
        let bans = banip_with_time(&fixture("banip-with-time-dovecot.txt"));
        assert_eq!(bans[1].id, "198.51.100.64/26");
        assert_eq!(bans[1].bantime, Some(7200));
        // A permanent ban ends in the year 9999 (banmanager.py's MAX_TIME).
        let p = banip_with_time("198.51.100.9 \t2026-12-01 11:32:01 + -1 = 9999-12-31 23:59:59\n");
        assert_eq!(p[0].bantime, Some(-1));
        // Lines without times are not timed bans.
        assert!(banip_with_time(&fixture("banip-postfix-sasl.txt")).is_empty());
    }

    #[test]
    fn real_ignoreip_and_scalars() {
        assert_eq!(
            ignoreip_list(&fixture("get-postfix-sasl-ignoreip.txt")),
            ["127.0.0.0/8", "203.0.113.0/25", "::1"]
        );
        assert!(ignoreip_list("No IP address/network is ignored\n").is_empty());
        assert_eq!(fixture("get-postfix-sasl-maxretry.txt").trim(), "5");
        assert_eq!(
            dbfile(&fixture("dbfile.txt")),
            Some(DbFile::Path(
                fixture("dbfile.txt").lines().nth(1).unwrap()[3..].to_string()
            ))
        );
        assert_eq!(
            dbfile("Database currently disabled\n"),
            Some(DbFile::Disabled)
        );
        assert_eq!(dbfile("junk"), None);
    }

    #[test]
    fn real_not_running_message() {
        assert!(server_not_running(&fixture("not-running.txt")));
        assert!(server_not_running(
            "ERROR   Unable to contact server. Is it running?"
        ));
        assert!(!server_not_running("Sorry but the jail 'x' does not exist"));
    }
}
