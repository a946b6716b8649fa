//! The kiosk configuration file (`--kiosk-config FILE`, TOML) and the defaults without one.
//!
//! ```toml
//! admin_pin_hash = "$argon2id$v=19$m=19456,t=2,p=1$..."  # none: quitting is disabled
//! idle_seconds = 180                                      # back to the start after this
//! reports_dir = "/var/lib/smtp-doctor-kiosk/reports"      # relative: to this file's folder
//! high_contrast = false
//!
//! [locked]                  # the checks' options, fixed for every visitor
//! reference = "smtp.example.net"
//! tree_extra = ["host-overlay.toml"]
//! dns_server = "192.168.1.1"
//! public_ip_dns = "208.67.222.222"
//! ca_file = "/etc/ssl/office-ca.pem"
//! timeout_seconds = 5
//! ```
//! Read strictly (unknown keys are errors); every problem names the file, line and column.

use std::net::{IpAddr, SocketAddr};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use super::pin::PinHash;
use crate::source::{Source, SourceError, SourceErrors};

/// Without `idle_seconds`: three minutes without a key.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(180);
/// The folder under `$HOME` for reports without `reports_dir`.
pub const DEFAULT_REPORTS_SUBDIR: &str = "smtp-doctor-reports";
const IDLE_RANGE: std::ops::RangeInclusive<i64> = 5..=86_400;

/// The kiosk's settings, resolved: paths absolute (relative to the file's folder), the
/// PIN hash validated.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskConfig {
    /// `None`: nobody can quit from the keyboard.
    pub admin_pin: Option<PinHash>,
    pub idle: Duration,
    pub reports_dir: PathBuf,
    pub high_contrast: bool,
    /// `lang = "de"`: the kiosk always speaks this language (the system's locale is not
    /// read and the start screen offers no switch); `None`: the system's, with the switch.
    pub lang: Option<crate::i18n::Lang>,
    pub locked: Locked,
}

/// The checks' options every visitor gets; `None` leaves the usual default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Locked {
    pub reference: Option<String>,
    pub tree_extra: Vec<PathBuf>,
    pub dns_server: Option<SocketAddr>,
    pub public_ip_dns: Option<SocketAddr>,
    pub ca_file: Option<PathBuf>,
    pub timeout: Option<Duration>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    admin_pin_hash: Option<Spanned<String>>,
    idle_seconds: Option<Spanned<i64>>,
    reports_dir: Option<Spanned<String>>,
    #[serde(default)]
    high_contrast: bool,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    locked: RawLocked,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLocked {
    reference: Option<Spanned<String>>,
    #[serde(default)]
    tree_extra: Vec<Spanned<String>>,
    dns_server: Option<Spanned<String>>,
    public_ip_dns: Option<Spanned<String>>,
    ca_file: Option<Spanned<String>>,
    timeout_seconds: Option<Spanned<f64>>,
}

impl KioskConfig {
    /// The settings without a configuration file: quitting disabled, three minutes of
    /// idle time, reports in `$HOME/smtp-doctor-reports`, nothing locked.
    pub fn defaults(home: Option<&Path>) -> Result<KioskConfig, String> {
        Ok(KioskConfig {
            admin_pin: None,
            idle: DEFAULT_IDLE,
            reports_dir: default_reports_dir(home)?,
            high_contrast: false,
            lang: None,
            locked: Locked::default(),
        })
    }

    /// Reads and checks a configuration file; `home` is for the default reports folder.
    pub fn load(path: &Path, home: Option<&Path>) -> Result<KioskConfig, SourceErrors> {
        let source = Source::read(path).map_err(|e| SourceErrors(vec![e]))?;
        let base = path.parent().unwrap_or(Path::new("."));
        parse(&source, base, home)
    }
}

fn default_reports_dir(home: Option<&Path>) -> Result<PathBuf, String> {
    match home {
        Some(h) if h.is_absolute() => Ok(h.join(DEFAULT_REPORTS_SUBDIR)),
        _ => Err(
            "no folder for reports: HOME is not set to an absolute path; set reports_dir in the kiosk configuration".into(),
        ),
    }
}

/// A DNS server as `IP` or `IP:PORT` (`[v6]:PORT`); port 53 when none is given.
pub fn parse_resolver(s: &str) -> Option<SocketAddr> {
    if let Ok(addr) = s.parse::<SocketAddr>() {
        return Some(addr);
    }
    s.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok()
        .map(|ip| SocketAddr::new(ip, 53))
}

/// Collects the problems of one file, each at the position of its value.
struct Problems<'a> {
    source: &'a Source,
    found: Vec<SourceError>,
}

impl Problems<'_> {
    fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.found.push(self.source.error(span.start, message));
    }
}

/// Parses the text of a configuration file; relative paths are taken from `base`.
pub fn parse(
    source: &Source,
    base: &Path,
    home: Option<&Path>,
) -> Result<KioskConfig, SourceErrors> {
    let raw: RawConfig = toml::from_str(&source.text).map_err(|e| {
        let at = e.span().map_or(0, |r| r.start);
        SourceErrors(vec![source.error(at, e.message().trim().to_string())])
    })?;
    let mut p = Problems {
        source,
        found: Vec::new(),
    };
    let resolve = |s: &str| {
        let path = Path::new(s);
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            base.join(path)
        }
    };

    let admin_pin = raw.admin_pin_hash.and_then(|h| {
        PinHash::parse(h.get_ref().trim())
            .map_err(|e| p.at(h.span(), format!("admin_pin_hash: {e}")))
            .ok()
    });
    let idle = match raw.idle_seconds {
        None => DEFAULT_IDLE,
        Some(s) if IDLE_RANGE.contains(s.get_ref()) => {
            Duration::from_secs(s.get_ref().unsigned_abs())
        }
        Some(s) => {
            p.at(
                s.span(),
                format!(
                    "idle_seconds must be from {} to {} (seconds)",
                    IDLE_RANGE.start(),
                    IDLE_RANGE.end()
                ),
            );
            DEFAULT_IDLE
        }
    };
    let reports_dir = match raw.reports_dir {
        Some(d) if d.get_ref().trim().is_empty() => {
            p.at(d.span(), "reports_dir must name a folder");
            PathBuf::new()
        }
        Some(d) => resolve(d.get_ref().trim()),
        None => default_reports_dir(home).unwrap_or_else(|e| {
            p.at(0..0, e);
            PathBuf::new()
        }),
    };
    let lang = raw.lang.and_then(|l| {
        let tag = l.get_ref().trim();
        let found = crate::i18n::Lang::ALL
            .into_iter()
            .find(|x| x.tag().eq_ignore_ascii_case(tag));
        if found.is_none() {
            let tags: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|x| x.tag()).collect();
            p.at(
                l.span(),
                format!("lang `{tag}` is not one of {}", tags.join(", ")),
            );
        }
        found
    });
    let locked = locked(raw.locked, &mut p, &resolve);
    if !p.found.is_empty() {
        return Err(SourceErrors(p.found));
    }
    Ok(KioskConfig {
        admin_pin,
        idle,
        reports_dir,
        high_contrast: raw.high_contrast,
        lang,
        locked,
    })
}

fn locked(raw: RawLocked, p: &mut Problems, resolve: &dyn Fn(&str) -> PathBuf) -> Locked {
    let reference = raw.reference.and_then(|r| {
        let host = r.get_ref().trim();
        if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            p.at(
                r.span(),
                "locked.reference must be one host name or address",
            );
            None
        } else {
            Some(host.to_string())
        }
    });
    let mut resolver = |v: Option<Spanned<String>>, key: &str| {
        v.and_then(|s| {
            let addr = parse_resolver(s.get_ref().trim());
            if addr.is_none() {
                p.at(
                    s.span(),
                    format!(
                        "locked.{key}: `{}` is not an IP address with an optional port",
                        s.get_ref()
                    ),
                );
            }
            addr
        })
    };
    let dns_server = resolver(raw.dns_server, "dns_server");
    let public_ip_dns = resolver(raw.public_ip_dns, "public_ip_dns");
    // Files must be there now: a kiosk nobody watches should fail at start, not later.
    let mut file = |s: &Spanned<String>, key: &str| {
        let path = resolve(s.get_ref().trim());
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => Some(path),
            Ok(_) => {
                p.at(
                    s.span(),
                    format!("locked.{key}: {} is not a file", path.display()),
                );
                None
            }
            Err(e) => {
                p.at(s.span(), format!("locked.{key}: {}: {e}", path.display()));
                None
            }
        }
    };
    let tree_extra = raw
        .tree_extra
        .iter()
        .filter_map(|t| file(t, "tree_extra"))
        .collect();
    let ca_file = raw.ca_file.as_ref().and_then(|c| file(c, "ca_file"));
    let timeout = raw.timeout_seconds.and_then(|t| {
        let secs = *t.get_ref();
        if (0.05..=300.0).contains(&secs) {
            Some(Duration::from_secs_f64(secs))
        } else {
            p.at(t.span(), "locked.timeout_seconds must be from 0.05 to 300");
            None
        }
    });
    Locked {
        reference,
        tree_extra,
        dns_server,
        public_ip_dns,
        ca_file,
        timeout,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<KioskConfig, SourceErrors> {
        parse(
            &Source::new("kiosk.toml", text),
            Path::new("/etc/kiosk"),
            Some(Path::new("/home/kiosk")),
        )
    }

    fn first_error(text: &str) -> String {
        parse_text(text).unwrap_err().0[0].to_string()
    }

    #[test]
    fn a_language_fixes_the_kiosks_wording() {
        assert_eq!(
            parse_text("lang = \"pt-BR\"\n").unwrap().lang,
            Some(crate::i18n::Lang::PtBr)
        );
        assert_eq!(
            first_error("lang = \"klingon\"\n"),
            "kiosk.toml:1:8: lang `klingon` is not one of en, de, fr, es, it, pt-BR, nl"
        );
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let c = parse_text("").unwrap();
        assert_eq!(
            c,
            KioskConfig::defaults(Some(Path::new("/home/kiosk"))).unwrap()
        );
        assert_eq!(c.admin_pin, None);
        assert_eq!(c.idle, DEFAULT_IDLE);
        assert_eq!(c.reports_dir, Path::new("/home/kiosk/smtp-doctor-reports"));
    }

    #[test]
    fn values_are_read_and_relative_paths_follow_the_file() {
        let hash = super::super::pin::hash_pin("2468").unwrap();
        let text = format!(
            "admin_pin_hash = \"{}\"\nidle_seconds = 30\nreports_dir = \"reports\"\nhigh_contrast = true\n\
             [locked]\nreference = \"ref.example.test\"\ndns_server = \"127.0.0.53\"\n\
             public_ip_dns = \"[::1]:5353\"\ntimeout_seconds = 2.5\n",
            hash.as_str()
        );
        let c = parse_text(&text).unwrap();
        assert!(c.admin_pin.unwrap().verify("2468"));
        assert_eq!(c.idle, Duration::from_secs(30));
        assert_eq!(c.reports_dir, Path::new("/etc/kiosk/reports"));
        assert!(c.high_contrast);
        assert_eq!(c.locked.reference.as_deref(), Some("ref.example.test"));
        assert_eq!(c.locked.dns_server, Some("127.0.0.53:53".parse().unwrap()));
        assert_eq!(c.locked.public_ip_dns, Some("[::1]:5353".parse().unwrap()));
        assert_eq!(c.locked.timeout, Some(Duration::from_millis(2500)));
    }

    #[test]
    fn problems_name_file_line_and_column() {
        assert_eq!(
            first_error("idle_seconds = 30\nidle_secs = 3\n"),
            "kiosk.toml:2:1: unknown field `idle_secs`, expected one of `admin_pin_hash`, `idle_seconds`, `reports_dir`, `high_contrast`, `lang`, `locked`"
        );
        assert_eq!(
            first_error("idle_seconds = 2\n"),
            "kiosk.toml:1:16: idle_seconds must be from 5 to 86400 (seconds)"
        );
        assert_eq!(
            first_error("\nadmin_pin_hash = \"1234\"\n"),
            "kiosk.toml:2:18: admin_pin_hash: not a PIN hash (password hash string missing field); make one with `smtp-doctor kiosk hash-pin`"
        );
        assert_eq!(
            first_error("[locked]\n  dns_server = \"dns.example\"\n"),
            "kiosk.toml:2:16: locked.dns_server: `dns.example` is not an IP address with an optional port"
        );
        let e = first_error("[locked]\nca_file = \"missing.pem\"\n");
        assert!(
            e.starts_with("kiosk.toml:2:11: locked.ca_file: /etc/kiosk/missing.pem: "),
            "{e}"
        );
        assert_eq!(
            first_error("idle_seconds = \"soon\"\n"),
            "kiosk.toml:1:16: invalid type: string \"soon\", expected i64"
        );
        // Every problem is reported, not only the first.
        let all = parse_text("idle_seconds = 1\n[locked]\nreference = \"a b\"\n").unwrap_err();
        assert_eq!(all.0.len(), 2, "{all}");
        assert_eq!((all.0[1].line, all.0[1].column), (3, 13));
    }

    #[test]
    fn without_home_the_reports_folder_must_be_configured() {
        assert!(KioskConfig::defaults(None).is_err());
        let e = parse(
            &Source::new("k.toml", "idle_seconds = 60\n"),
            Path::new("/"),
            None,
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("reports_dir"), "{e}");
        assert!(parse(
            &Source::new("k.toml", "reports_dir = \"/srv/r\"\n"),
            Path::new("/"),
            None
        )
        .is_ok());
    }
}
