//! What the person asked for (a client address or a customer's report, an account, a
//! window length, where things live) turned into the [`Ctx`] every source reads. Shared
//! by the command line and the wizard; the only I/O is reading the customer's report.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::context::{Ctx, Paths};
use super::from_report::{self, FromReportError};
use super::report::ReportInput;
use super::window::{centred_on, describe_duration, ending_at, DEFAULT_SINCE_SECS};

/// Whose traffic to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Ip(IpAddr),
    /// A customer's saved report (JSON or Markdown) that names the address.
    Report(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub target: Target,
    /// `--account`: overrides the report's login.
    pub account: Option<String>,
    /// The window's length in seconds.
    pub since: i64,
    pub paths: Paths,
    pub timeout: Duration,
}

impl Request {
    /// The defaults for this host: a day of logs, the usual paths, 10 s per command.
    pub fn new(target: Target) -> Request {
        Request {
            target,
            account: None,
            since: DEFAULT_SINCE_SECS,
            paths: Paths::default(),
            timeout: Duration::from_secs(10),
        }
    }
}

/// A client address: IPv4 or IPv6 (brackets allowed, an IPv4-mapped IPv6 address is taken
/// as the IPv4 address the logs show). A network is not a client address.
pub fn parse_client_ip(s: &str) -> Result<IpAddr, String> {
    let t = s.trim();
    if t.contains('/') {
        return Err(format!(
            "`{t}` is a network; give the customer's single address, e.g. 198.51.100.7"
        ));
    }
    t.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .map(|ip| ip.to_canonical())
        .map_err(|_| format!("`{t}` is not an IPv4 or IPv6 address"))
}

/// The login as the logs write it: trimmed and lower-cased; empty means none.
fn normalise(account: Option<&str>) -> Option<String> {
    account
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
}

/// Builds the sources' context at `now` (seconds since the epoch). With a report, the
/// window is centred on the time of the customer's test (half before, half after, never
/// past now); without one it ends now.
pub fn prepare(req: &Request, now: i64) -> Result<(Ctx, ReportInput), FromReportError> {
    let mut input = ReportInput {
        since: describe_duration(req.since),
        ..Default::default()
    };
    let (client, account, window) = match &req.target {
        Target::Ip(ip) => (
            *ip,
            normalise(req.account.as_deref()),
            ending_at(now, req.since),
        ),
        Target::Report(path) => {
            let r = from_report::read(path)?;
            input.from_report = Some(path.display().to_string());
            input.tested_at.clone_from(&r.tested_at_text);
            let window = match r.tested_at {
                Some(t) => centred_on(t, req.since, now),
                None => ending_at(now, req.since),
            };
            let client = r
                .client_ip
                .ok_or_else(|| FromReportError::NoAddress {
                    file: path.display().to_string(),
                })?
                .to_canonical();
            let account = normalise(req.account.as_deref().or(r.account.as_deref()));
            (client, account, window)
        }
    };
    Ok((
        Ctx {
            client,
            account,
            window,
            paths: req.paths.clone(),
            command_timeout: req.timeout,
            now,
        },
        input,
    ))
}

/// Now, as seconds since the epoch.
pub fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::context::Window;

    #[test]
    fn client_addresses() {
        assert_eq!(
            parse_client_ip("198.51.100.7"),
            Ok("198.51.100.7".parse().unwrap())
        );
        assert_eq!(
            parse_client_ip(" 2001:db8::7 "),
            Ok("2001:db8::7".parse().unwrap())
        );
        assert_eq!(
            parse_client_ip("[2001:db8::7]"),
            Ok("2001:db8::7".parse().unwrap())
        );
        assert_eq!(
            parse_client_ip("::ffff:198.51.100.7"),
            Ok("198.51.100.7".parse().unwrap())
        );
        let e = parse_client_ip("198.51.100.0/24").unwrap_err();
        assert!(e.contains("is a network"), "{e}");
        let e = parse_client_ip("mail.example.test").unwrap_err();
        assert!(e.contains("not an IPv4 or IPv6 address"), "{e}");
        assert!(parse_client_ip("198.51.100.300").is_err());
    }

    #[test]
    fn an_address_and_an_account() {
        let mut req = Request::new(Target::Ip("198.51.100.7".parse().unwrap()));
        req.account = Some("  Alice@Example.TEST ".into());
        req.since = 7200;
        let (ctx, input) = prepare(&req, 100_000).unwrap();
        assert_eq!(ctx.account.as_deref(), Some("alice@example.test"));
        assert_eq!(
            ctx.window,
            Window {
                since: 92_800,
                until: 100_000
            }
        );
        assert_eq!(ctx.now, 100_000);
        assert_eq!(ctx.command_timeout, Duration::from_secs(10));
        assert_eq!(input.since, "2h");
        assert_eq!(input.from_report, None);
    }

    #[test]
    fn a_report_gives_address_account_and_time() {
        let dir = std::env::temp_dir().join(format!("sdx-cm-req-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("r.json");
        std::fs::write(
            &file,
            r#"{"schema": "smtp-doctor/report/v1", "public_ip": "203.0.113.9",
                "input": {"email": "Bob@Example.test", "password_given": false},
                "generated_at": "2026-12-01T09:00:00Z"}"#,
        )
        .unwrap();
        let tested = crate::server::window::parse_rfc3339("2026-12-01T09:00:00Z").unwrap();
        let mut req = Request::new(Target::Report(file.clone()));
        let (ctx, input) = prepare(&req, tested + 86_400 * 3).unwrap();
        assert_eq!(ctx.client, "203.0.113.9".parse::<IpAddr>().unwrap());
        assert_eq!(ctx.account.as_deref(), Some("bob@example.test"));
        assert_eq!(
            ctx.window,
            Window {
                since: tested - 43_200,
                until: tested + 43_200
            }
        );
        assert_eq!(input.tested_at.as_deref(), Some("2026-12-01T09:00:00Z"));
        assert_eq!(input.from_report, Some(file.display().to_string()));
        // --account wins over the report.
        req.account = Some("carol@example.test".into());
        let (ctx, _) = prepare(&req, tested + 10).unwrap();
        assert_eq!(ctx.account.as_deref(), Some("carol@example.test"));
        assert_eq!(ctx.window.until, tested + 10);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
