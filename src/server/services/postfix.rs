//! Postfix: master.cf's services on 25/465/587 (`postconf -M`), their `-o` overrides
//! (`postconf -P`) and main.cf's TLS, SASL and certificate settings (`postconf NAME...`),
//! always with `-c DIR` so another instance's folder (and the test lab's) can be read.

use std::collections::BTreeMap;

use super::mta::{
    port_of_name, split_list, CertFiles, CertLayout, CertSetting, Mta, MtaConfig, PortConfig,
    TlsMode,
};
use super::PORTS;
use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{escape_control, Setting, SourceEntry, SourceStatus};

/// The main.cf parameters that decide TLS, AUTH and the certificate of smtpd.
pub const PARAMS: [&str; 11] = [
    "smtpd_tls_security_level",
    "smtpd_use_tls",
    "smtpd_enforce_tls",
    "smtpd_tls_wrappermode",
    "smtpd_tls_auth_only",
    "smtpd_sasl_auth_enable",
    "smtpd_tls_cert_file",
    "smtpd_tls_key_file",
    "smtpd_tls_chain_files",
    "smtpd_tls_eccert_file",
    "myhostname",
];

/// One master.cf service as `postconf -M` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasterService {
    /// `smtp`, `submission`, `127.0.0.1:587`.
    pub name: String,
    /// `inet`, `unix`, `pass`, ...
    pub kind: String,
    /// `smtpd`, `postscreen`, ...
    pub command: String,
}

impl MasterService {
    /// `submission/inet`, the key `postconf -P` uses.
    pub fn key(&self) -> String {
        format!("{}/{}", self.name, self.kind)
    }
}

/// Parses `postconf -M`: `name type private unpriv chroot wakeup maxproc command [args]`.
/// Continuation lines (they start with white space when folded) are skipped.
pub fn parse_master(text: &str) -> Vec<MasterService> {
    text.lines()
        .filter(|l| !l.starts_with(char::is_whitespace) && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 8).then(|| MasterService {
                name: f[0].to_string(),
                kind: f[1].to_string(),
                command: f[7].to_string(),
            })
        })
        .collect()
}

/// Parses `name = value` lines (`postconf NAME...`); the value may be empty.
pub fn parse_params(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| {
            let (name, value) = l.split_once('=')?;
            let name = name.trim();
            (!name.is_empty() && !name.contains(char::is_whitespace))
                .then(|| (name.to_string(), value.trim().to_string()))
        })
        .collect()
}

/// Parses `postconf -P`: `service/type/parameter = value`, grouped by `service/type`.
pub fn parse_overrides(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (key, value) in parse_params(text) {
        // The service name itself may hold a slash; the type and parameter never do.
        let mut parts = key.rsplitn(3, '/');
        let (Some(param), Some(kind), Some(service)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if service.is_empty() || kind.is_empty() || param.is_empty() {
            continue;
        }
        out.entry(format!("{service}/{kind}"))
            .or_default()
            .insert(param.to_string(), value);
    }
    out
}

/// The TCP port an `inet` service name listens on: `smtp`, `2525`, `127.0.0.1:submission`,
/// `[::1]:465`.
pub fn service_port(name: &str) -> Option<u16> {
    let port = match name.rsplit_once(':') {
        // A bare IPv6 address has colons but no port part: it is not a service name.
        Some((host, port)) if !host.contains(':') || host.ends_with(']') => port,
        Some(_) => return None,
        None => name,
    };
    port_of_name(port)
}

fn yes(value: &str) -> bool {
    matches!(value.trim().to_ascii_lowercase().as_str(), "yes" | "true")
}

/// The parameters as one service sees them: its `-o` overrides over main.cf.
struct Effective<'a> {
    overrides: Option<&'a BTreeMap<String, String>>,
    main: &'a BTreeMap<String, String>,
}

impl Effective<'_> {
    fn get(&self, name: &str) -> &str {
        self.overrides
            .and_then(|o| o.get(name))
            .or_else(|| self.main.get(name))
            .map_or("", String::as_str)
    }

    /// `name = value` as the sentence shows it.
    fn show(&self, name: &str) -> String {
        format!("{name} = {}", escape_control(self.get(name)))
    }
}

/// What each smtpd service on 25/465/587 is configured to do.
pub fn port_configs(
    master: &[MasterService],
    overrides: &BTreeMap<String, BTreeMap<String, String>>,
    main: &BTreeMap<String, String>,
) -> Vec<PortConfig> {
    // Behind postscreen, the smtpd that talks to the client is the `pass` service.
    let pass = master
        .iter()
        .find(|s| s.kind == "pass" && s.command == "smtpd");
    master
        .iter()
        .filter(|s| s.kind == "inet")
        .filter_map(|s| {
            let port = service_port(&s.name).filter(|p| PORTS.contains(p))?;
            let smtpd = match s.command.as_str() {
                "smtpd" => s,
                "postscreen" => pass?,
                _ => return None,
            };
            let p = Effective {
                overrides: overrides.get(&smtpd.key()),
                main,
            };
            Some(port_config(port, &s.key(), &p))
        })
        .collect()
}

fn port_config(port: u16, service: &str, p: &Effective<'_>) -> PortConfig {
    let level = p
        .get("smtpd_tls_security_level")
        .trim()
        .to_ascii_lowercase();
    // A non-empty security level overrides the obsolete smtpd_use_tls/smtpd_enforce_tls.
    let (level, level_setting) = if !level.is_empty() {
        (level, p.show("smtpd_tls_security_level"))
    } else if yes(p.get("smtpd_enforce_tls")) {
        ("encrypt".to_string(), p.show("smtpd_enforce_tls"))
    } else if yes(p.get("smtpd_use_tls")) {
        ("may".to_string(), p.show("smtpd_use_tls"))
    } else {
        ("none".to_string(), String::new())
    };
    let wrapper = yes(p.get("smtpd_tls_wrappermode"));
    let tls = if wrapper {
        TlsMode::Tls
    } else if level == "may" || level == "encrypt" {
        TlsMode::Starttls
    } else {
        TlsMode::None
    };
    let auth_after_tls = if wrapper {
        None
    } else if yes(p.get("smtpd_tls_auth_only")) {
        Some(p.show("smtpd_tls_auth_only"))
    } else if level == "encrypt" {
        Some(level_setting)
    } else {
        None
    };
    PortConfig {
        port,
        service: service.to_string(),
        tls,
        tls_required: wrapper || level == "encrypt",
        sasl: yes(p.get("smtpd_sasl_auth_enable")),
        auth_after_tls,
        sasl_setting: p.show("smtpd_sasl_auth_enable"),
        certificate: certificate_setting(p),
    }
}

fn certificate_setting(p: &Effective<'_>) -> CertSetting {
    // smtpd_tls_chain_files, when set, takes precedence over the older cert/key parameters.
    let chain = split_list(p.get("smtpd_tls_chain_files"));
    if !chain.is_empty() {
        return CertSetting::Files(CertFiles {
            files: chain,
            layout: CertLayout::KeysThenChains,
        });
    }
    let files: Vec<String> = ["smtpd_tls_cert_file", "smtpd_tls_eccert_file"]
        .iter()
        .map(|n| p.get(n).trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    if files.is_empty() {
        CertSetting::NotConfigured {
            detail: "no certificate is configured (smtpd_tls_cert_file and \
                     smtpd_tls_chain_files are empty), so Postfix cannot start TLS"
                .to_string(),
            problem: true,
        }
    } else {
        CertSetting::Files(CertFiles {
            files,
            layout: CertLayout::OneChainPerFile,
        })
    }
}

/// The settings worth showing: main.cf's values and the overrides of the mail ports' services.
pub fn settings(
    dir: &str,
    master: &[MasterService],
    overrides: &BTreeMap<String, BTreeMap<String, String>>,
    main: &BTreeMap<String, String>,
) -> Vec<Setting> {
    let main_cf = format!("{dir}/main.cf");
    let master_cf = format!("{dir}/master.cf");
    let mut out: Vec<Setting> = PARAMS
        .iter()
        .filter_map(|name| {
            main.get(*name).map(|value| Setting {
                source: "postfix".to_string(),
                name: name.to_string(),
                value: escape_control(value),
                location: Some(escape_control(&main_cf)),
            })
        })
        .collect();
    for s in master.iter().filter(|s| {
        s.kind == "pass"
            || (s.kind == "inet" && service_port(&s.name).is_some_and(|p| PORTS.contains(&p)))
    }) {
        let key = s.key();
        for (name, value) in overrides.get(&key).into_iter().flatten() {
            out.push(Setting {
                source: escape_control(&format!("postfix:{key}")),
                name: escape_control(name),
                value: escape_control(value),
                location: Some(escape_control(&master_cf)),
            });
        }
    }
    out
}

/// Reads the Postfix instance in `ctx.paths.postfix_dir`. `None`: Postfix is not installed.
pub fn read(ctx: &Ctx) -> Option<Result<MtaConfig, SourceEntry>> {
    let dir = ctx.paths.postfix_dir.display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["-c", dir.as_str()];
        all.extend_from_slice(args);
        exec::run("postconf", &all, ctx.command_timeout)
    };
    // Without main.cf, `postconf -M` fails (after Postfix's customary one-second pause on
    // fatal errors); `-d` answers at once and still tells whether Postfix is installed.
    if !ctx.paths.postfix_dir.join("main.cf").exists() {
        return match run(&["-d", "mail_version"]) {
            Err(ExecError::NotFound { .. }) => None,
            other => {
                let version = other
                    .ok()
                    .and_then(|t| parse_params(&t).remove("mail_version"))
                    .map(|v| format!(" {}", escape_control(&v)))
                    .unwrap_or_default();
                Some(Err(SourceEntry::new(
                    "postfix",
                    SourceStatus::Absent,
                    format!(
                        "Postfix{version} is installed but {} has no main.cf: it is not \
                         configured there",
                        escape_control(&dir)
                    ),
                )))
            }
        };
    }
    let master = match run(&["-M"]) {
        Ok(text) => text,
        Err(ExecError::NotFound { .. }) => return None,
        Err(e) => return Some(Err(e.entry("postfix"))),
    };
    let result = run(&["-P", "-x"]).and_then(|overrides| {
        let mut args = vec!["-x"];
        args.extend(PARAMS);
        run(&args).map(|main| (overrides, main))
    });
    let (overrides, main) = match result {
        Ok(texts) => texts,
        Err(e) => return Some(Err(e.entry("postfix"))),
    };
    Some(Ok(config(&dir, &master, &overrides, &main)))
}

/// The whole configuration from the three `postconf` outputs.
pub fn config(dir: &str, master: &str, overrides: &str, main: &str) -> MtaConfig {
    let master = parse_master(master);
    let overrides = parse_overrides(overrides);
    let main = parse_params(main);
    MtaConfig {
        mta: Mta::Postfix,
        origin: escape_control(dir),
        ports: port_configs(&master, &overrides, &main),
        hostname: main
            .get("myhostname")
            .filter(|h| !h.is_empty())
            .map(|h| escape_control(h)),
        settings: settings(dir, &master, &overrides, &main),
    }
}

/// The `postfix` source entry for a configuration that was read.
pub fn describe(config: &MtaConfig) -> SourceEntry {
    let defined: Vec<String> = config
        .ports
        .iter()
        .map(|p| format!("{} ({})", p.port, escape_control(&p.service)))
        .collect();
    let detail = if defined.is_empty() {
        format!(
            "{}: master.cf defines no smtpd service on 25, 465 or 587",
            config.origin
        )
    } else {
        format!(
            "{}: master.cf defines {}",
            config.origin,
            defined.join(", ")
        )
    };
    SourceEntry::new("postfix", SourceStatus::Read, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/server/services/postfix")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn fixture_config(name: &str) -> MtaConfig {
        config(
            &format!("/etc/postfix-{name}"),
            &fixture(&format!("{name}/master.txt")),
            &fixture(&format!("{name}/overrides.txt")),
            &fixture(&format!("{name}/main.txt")),
        )
    }

    fn port(c: &MtaConfig, port: u16) -> &PortConfig {
        c.ports
            .iter()
            .find(|p| p.port == port)
            .unwrap_or_else(|| panic!("{port} not defined: {c:?}"))
    }

    #[test]
    fn service_names_to_ports() {
        assert_eq!(service_port("smtp"), Some(25));
        assert_eq!(service_port("submission"), Some(587));
        assert_eq!(service_port("smtps"), Some(465));
        assert_eq!(service_port("submissions"), Some(465));
        assert_eq!(service_port("2525"), Some(2525));
        assert_eq!(service_port("127.0.0.1:587"), Some(587));
        assert_eq!(service_port("mail.example.test:submission"), Some(587));
        assert_eq!(service_port("[::1]:465"), Some(465));
        assert_eq!(service_port("[2001:db8::25]:smtp"), Some(25));
        assert_eq!(service_port("2001:db8::25"), None);
        assert_eq!(service_port("pickup"), None);
        assert_eq!(service_port(""), None);
        assert_eq!(service_port("99999"), None);
    }

    #[test]
    fn master_lines() {
        let m = parse_master(
            "smtp       inet  n       -       y       -       -       smtpd\n\
             relay      unix  -       -       y       -       -       smtp -o syslog_name=x\n\
             \x20 -o folded=yes\n\
             short inet n\n",
        );
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].key(), "smtp/inet");
        assert_eq!(m[0].command, "smtpd");
        assert_eq!(m[1].command, "smtp");
    }

    #[test]
    fn override_keys_split_from_the_right() {
        let o = parse_overrides(
            "submission/inet/smtpd_tls_security_level = encrypt\n\
             odd/name/inet/syslog_name = x\n\
             /inet/x = y\n\
             nonsense\n\
             relay/unix/syslog_name = postfix/relay\n",
        );
        assert_eq!(o["submission/inet"]["smtpd_tls_security_level"], "encrypt");
        assert_eq!(o["odd/name/inet"]["syslog_name"], "x");
        assert_eq!(o["relay/unix"]["syslog_name"], "postfix/relay");
        assert_eq!(o.len(), 3);
    }

    #[test]
    fn params_keep_empty_values() {
        let p = parse_params("smtpd_tls_cert_file =\nmyhostname = mail.example.test\n= x\n");
        assert_eq!(p["smtpd_tls_cert_file"], "");
        assert_eq!(p["myhostname"], "mail.example.test");
        assert_eq!(p.len(), 2);
    }

    /// Debian's stock master.cf, submission and smtps left commented out, TLS "may".
    #[test]
    fn debian_default_defines_only_25() {
        let c = fixture_config("debian-default");
        assert_eq!(c.ports.len(), 1, "{:?}", c.ports);
        let p = port(&c, 25);
        assert_eq!(p.service, "smtp/inet");
        assert_eq!(p.tls, TlsMode::Starttls);
        assert!(!p.sasl);
        assert!(!p.auth_offered());
        assert_eq!(
            p.certificate,
            CertSetting::Files(CertFiles {
                files: vec!["/etc/ssl/certs/ssl-cert-snakeoil.pem".into()],
                layout: CertLayout::OneChainPerFile
            })
        );
        assert_eq!(c.hostname.as_deref(), Some("mail.example.test"));
    }

    /// Submission with the usual overrides: encrypt on 587, wrapper mode on 465, SASL only there.
    #[test]
    fn submission_services_with_overrides() {
        let c = fixture_config("submission");
        let p25 = port(&c, 25);
        assert_eq!((p25.tls, p25.sasl), (TlsMode::Starttls, false));
        let p587 = port(&c, 587);
        assert_eq!(p587.service, "submission/inet");
        assert_eq!(p587.tls, TlsMode::Starttls);
        assert!(p587.tls_required && p587.sasl && p587.auth_offered());
        assert_eq!(
            p587.auth_after_tls.as_deref(),
            Some("smtpd_tls_auth_only = yes")
        );
        let p465 = port(&c, 465);
        assert_eq!(p465.service, "submissions/inet");
        assert_eq!(p465.tls, TlsMode::Tls);
        assert!(p465.tls_required && p465.sasl && p465.auth_after_tls.is_none());
        // The chain files of main.cf apply to every port.
        for p in [p25, p587, p465] {
            assert!(matches!(
                &p.certificate,
                CertSetting::Files(CertFiles { layout: CertLayout::KeysThenChains, files })
                    if files.len() == 2
            ));
        }
        let over: Vec<&Setting> = c
            .settings
            .iter()
            .filter(|s| s.source == "postfix:submission/inet")
            .collect();
        assert!(over
            .iter()
            .any(|s| s.name == "smtpd_tls_security_level" && s.value == "encrypt"));
        assert!(over
            .iter()
            .all(|s| s.location.as_deref() == Some("/etc/postfix-submission/master.cf")));
    }

    /// Old-style main.cf (smtpd_use_tls), numeric and address-bound services, AUTH after TLS
    /// on a port without TLS, and postscreen on 25.
    #[test]
    fn legacy_and_postscreen() {
        let c = fixture_config("legacy");
        let p25 = port(&c, 25);
        assert_eq!(p25.service, "smtp/inet");
        // postscreen hands over to `smtpd pass`, whose override turns SASL off.
        assert!(!p25.sasl);
        assert_eq!(p25.tls, TlsMode::Starttls);
        let p587 = port(&c, 587);
        assert_eq!(p587.service, "127.0.0.1:587/inet");
        // smtpd_use_tls = no there: no TLS, so AUTH (TLS-only) is never offered.
        assert_eq!(p587.tls, TlsMode::None);
        assert!(p587.sasl && !p587.auth_offered());
        let p465 = port(&c, 465);
        assert_eq!(p465.service, "465/inet");
        assert_eq!(p465.tls, TlsMode::Tls);
        assert_eq!(
            p465.certificate,
            CertSetting::Files(CertFiles {
                files: vec![
                    "/etc/ssl/mail/rsa.pem".into(),
                    "/etc/ssl/mail/ecdsa.pem".into()
                ],
                layout: CertLayout::OneChainPerFile
            })
        );
        // The enforce flag of the legacy pair makes STARTTLS mandatory.
        assert!(p25.tls_required);
    }

    /// Debian's master.cf with submission and submissions left commented out, TLS off: with
    /// only 25 listening, both submission ports are reported closed, and why.
    #[test]
    fn submission_left_commented_out() {
        use crate::server::model::ServiceProblemKind;
        use crate::server::services::listen::{ListenScan, ListenSocket, Listener};
        use crate::server::services::rules::{assemble, CertResults};
        let c = fixture_config("no-submission");
        assert_eq!(c.ports.len(), 1);
        let p25 = port(&c, 25);
        assert_eq!(p25.tls, TlsMode::None);
        assert!(p25.sasl && p25.auth_offered());
        let scan = ListenScan {
            listeners: vec![Listener {
                socket: ListenSocket {
                    addr: "0.0.0.0".parse().unwrap(),
                    port: 25,
                    inode: 1,
                    uid: 0,
                },
                program: Some("master".into()),
                pid: Some(900),
            }],
            ..Default::default()
        };
        let (services, problems) = assemble(Some(&scan), &[c], &CertResults::new());
        assert_eq!(services[0].tls.as_deref(), Some("none"));
        assert!(services[0].certificate.is_none());
        let closed: Vec<(Option<u16>, bool)> = problems
            .iter()
            .filter(|p| p.kind == ServiceProblemKind::SubmissionPortClosed)
            .map(|p| {
                (
                    p.port,
                    p.detail
                        .contains("does not define it (submission disabled)"),
                )
            })
            .collect();
        assert_eq!(closed, [(Some(587), true), (Some(465), true)]);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn no_certificate_is_a_problem_for_postfix() {
        let main = parse_params("smtpd_tls_security_level = may\nsmtpd_tls_cert_file =\n");
        let master = parse_master("smtp inet n - y - - smtpd\n");
        let c = port_configs(&master, &BTreeMap::new(), &main);
        assert!(matches!(
            c[0].certificate,
            CertSetting::NotConfigured { problem: true, .. }
        ));
    }

    #[test]
    fn missing_folder_is_reported() {
        let ctx = Ctx {
            client: "198.51.100.7".parse().unwrap(),
            account: None,
            window: crate::server::context::Window { since: 0, until: 1 },
            paths: crate::server::context::Paths {
                postfix_dir: "/nonexistent/smtp-doctor-postfix".into(),
                ..Default::default()
            },
            command_timeout: std::time::Duration::from_secs(10),
            now: 0,
        };
        match read(&ctx) {
            // postconf is not installed on this machine: nothing to check.
            None => eprintln!("postconf is not installed; skipped"),
            Some(Err(e)) => {
                assert_eq!(e.status, SourceStatus::Absent, "{e:?}");
                assert!(e.detail.contains("no main.cf"), "{e:?}");
                assert!(e.detail.starts_with("Postfix 3."), "{e:?}");
            }
            Some(Ok(c)) => panic!("read a configuration from nowhere: {c:?}"),
        }
    }
}
