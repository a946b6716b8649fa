//! Exim: its listening ports, TLS and AUTH settings and the certificate, from one
//! `exim -bP` run (main options plus the authenticators), with `-C FILE` when the
//! configuration file was given.

use std::collections::BTreeMap;

use super::mta::{
    port_of_name, CertFiles, CertLayout, CertSetting, Mta, MtaConfig, PortConfig, TlsMode,
};
use super::PORTS;
use crate::server::context::Ctx;
use crate::server::exec::{self, ExecError};
use crate::server::model::{escape_control, Setting, SourceEntry, SourceStatus};

/// The main options `exim -bP` is asked for; `authenticators` follows them.
pub const OPTIONS: [&str; 6] = [
    "daemon_smtp_ports",
    "tls_on_connect_ports",
    "tls_certificate",
    "tls_advertise_hosts",
    "auth_advertise_hosts",
    "primary_hostname",
];

/// Drivers that only ever act as a server.
const SERVER_ONLY_DRIVERS: [&str; 3] = ["dovecot", "cyrus_sasl", "heimdal_gssapi"];
/// Options whose value makes an authenticator of another driver a server one.
const SERVER_OPTIONS: [&str; 4] = [
    "server_condition",
    "server_secret",
    "server_password",
    "server_socket",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authenticator {
    pub name: String,
    pub options: BTreeMap<String, String>,
}

impl Authenticator {
    fn get(&self, name: &str) -> &str {
        self.options.get(name).map_or("", String::as_str)
    }

    /// Does it authenticate clients (rather than this server to a smarthost)?
    pub fn is_server(&self) -> bool {
        SERVER_ONLY_DRIVERS.contains(&self.get("driver"))
            || SERVER_OPTIONS
                .iter()
                .any(|o| !self.get(o).trim().is_empty())
    }
}

/// What `exim -bP OPTION... authenticators` printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EximOptions {
    pub main: BTreeMap<String, String>,
    pub authenticators: Vec<Authenticator>,
}

/// Parses `exim -bP` output: `name = value` lines, boolean options as `name` or `no_name`,
/// and `NAME authenticator:` heads that open each authenticator's block.
pub fn parse_bp(text: &str) -> EximOptions {
    let mut out = EximOptions::default();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(name) = line.strip_suffix(" authenticator:") {
            if !name.contains(char::is_whitespace) {
                out.authenticators.push(Authenticator {
                    name: name.to_string(),
                    options: BTreeMap::new(),
                });
                continue;
            }
        }
        let (name, value) = match line.split_once(" = ") {
            Some((n, v)) => (n.trim(), v.to_string()),
            None => match line.strip_suffix(" =") {
                Some(n) => (n.trim(), String::new()),
                None => match line.strip_prefix("no_") {
                    Some(n) => (n, "false".to_string()),
                    None => (line, "true".to_string()),
                },
            },
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            continue;
        }
        match out.authenticators.last_mut() {
            Some(a) => a.options.insert(name.to_string(), value),
            None => out.main.insert(name.to_string(), value),
        };
    }
    out
}

/// Splits an Exim list: `:` separated, or another separator chosen with a leading `<X`;
/// a doubled separator stands for itself.
pub fn split_list(value: &str) -> Vec<String> {
    let value = value.trim();
    let (sep, body) = match value.strip_prefix('<') {
        Some(rest) => match rest.chars().next() {
            Some(c) if !c.is_alphanumeric() && !c.is_whitespace() => (c, &rest[c.len_utf8()..]),
            _ => (':', value),
        },
        None => (':', value),
    };
    let doubled: String = [sep, sep].iter().collect();
    let placeholder = '\u{0}';
    body.replace(&doubled, &placeholder.to_string())
        .split(sep)
        .map(|s| s.replace(placeholder, &sep.to_string()).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A host list that matches no host at all: empty, or just `!*`.
fn matches_no_host(list: &str) -> bool {
    let items = split_list(list);
    items.is_empty() || items.iter().all(|i| i == "!*")
}

fn mentions_tls(expansion: &str) -> bool {
    expansion.contains("tls_in_cipher") || expansion.contains("tls_cipher")
}

/// What Exim's options say about 25/465/587.
pub fn port_configs(opts: &EximOptions) -> Vec<PortConfig> {
    let main = |name: &str| opts.main.get(name).map(String::as_str);
    // Exim's defaults when an option is missing: port 25; STARTTLS and AUTH for every host.
    let ports: Vec<u16> = match main("daemon_smtp_ports") {
        Some(v) => split_list(v)
            .iter()
            .filter_map(|p| port_of_name(p))
            .collect(),
        None => vec![25],
    };
    let on_connect: Vec<u16> = split_list(main("tls_on_connect_ports").unwrap_or(""))
        .iter()
        .filter_map(|p| port_of_name(p))
        .collect();
    let tls_hosts = main("tls_advertise_hosts").unwrap_or("*");
    let auth_hosts = main("auth_advertise_hosts").unwrap_or("*");
    let servers: Vec<&Authenticator> = opts
        .authenticators
        .iter()
        .filter(|a| a.is_server())
        .collect();
    let sasl = !servers.is_empty() && !matches_no_host(auth_hosts);
    let sasl_setting = if servers.is_empty() {
        "no authenticator has a server side".to_string()
    } else {
        format!("auth_advertise_hosts = {}", escape_control(auth_hosts))
    };
    let auth_after_tls = if mentions_tls(auth_hosts) {
        Some(format!(
            "auth_advertise_hosts = {}",
            escape_control(auth_hosts)
        ))
    } else if !servers.is_empty()
        && servers
            .iter()
            .all(|a| mentions_tls(a.get("server_advertise_condition")))
    {
        let names: Vec<String> = servers.iter().map(|a| escape_control(&a.name)).collect();
        Some(format!(
            "server_advertise_condition of {} = {}",
            names.join(", "),
            escape_control(servers[0].get("server_advertise_condition"))
        ))
    } else {
        None
    };
    let certificate = certificate_setting(main("tls_certificate").unwrap_or(""));
    let mut seen = Vec::new();
    ports
        .into_iter()
        .filter(|p| PORTS.contains(p))
        .filter(|p| {
            let first = !seen.contains(p);
            seen.push(*p);
            first
        })
        .map(|port| {
            let tls = if on_connect.contains(&port) {
                TlsMode::Tls
            } else if matches_no_host(tls_hosts) {
                TlsMode::None
            } else {
                TlsMode::Starttls
            };
            PortConfig {
                port,
                service: "daemon_smtp_ports".to_string(),
                tls,
                // Exim requires TLS for mail only through ACLs, which are not read here.
                tls_required: tls == TlsMode::Tls,
                sasl,
                auth_after_tls: if tls == TlsMode::Tls {
                    None
                } else {
                    auth_after_tls.clone()
                },
                sasl_setting: sasl_setting.clone(),
                certificate: certificate.clone(),
            }
        })
        .collect()
}

fn certificate_setting(value: &str) -> CertSetting {
    let value = value.trim();
    if value.is_empty() {
        CertSetting::NotConfigured {
            detail: "tls_certificate is not set: Exim offers TLS with a self-signed \
                     certificate it makes itself, which mail clients warn about or refuse"
                .to_string(),
            problem: false,
        }
    } else if value.contains('$') {
        CertSetting::Unresolved {
            setting: format!("tls_certificate = {}", escape_control(value)),
        }
    } else {
        CertSetting::Files(CertFiles {
            files: split_list(value),
            layout: CertLayout::OneChainPerFile,
        })
    }
}

/// The whole configuration from one `exim -bP` output.
pub fn config(origin: &str, bp: &str) -> MtaConfig {
    let opts = parse_bp(bp);
    let settings = OPTIONS
        .iter()
        .filter_map(|name| {
            opts.main.get(*name).map(|value| Setting {
                source: "exim".to_string(),
                name: name.to_string(),
                value: escape_control(value),
                location: Some(escape_control(origin)),
            })
        })
        .chain(
            opts.authenticators
                .iter()
                .filter(|a| a.is_server())
                .flat_map(|a| {
                    ["driver", "public_name", "server_advertise_condition"]
                        .into_iter()
                        .filter(|o| a.options.contains_key(*o))
                        .map(move |o| Setting {
                            source: escape_control(&format!("exim:{}", a.name)),
                            name: o.to_string(),
                            value: escape_control(a.get(o)),
                            location: Some(escape_control(origin)),
                        })
                }),
        )
        .collect();
    MtaConfig {
        mta: Mta::Exim,
        origin: escape_control(origin),
        ports: port_configs(&opts),
        hostname: opts
            .main
            .get("primary_hostname")
            .filter(|h| !h.trim().is_empty())
            .map(|h| escape_control(h.trim())),
        settings,
    }
}

/// Reads Exim's configuration. `None`: neither `exim` nor `exim4` is installed.
pub fn read(ctx: &Ctx) -> Option<Result<MtaConfig, SourceEntry>> {
    let config_file = ctx
        .paths
        .exim_config
        .as_ref()
        .map(|p| p.display().to_string());
    let mut args: Vec<&str> = Vec::new();
    if let Some(file) = &config_file {
        args.extend(["-C", file.as_str()]);
    }
    args.push("-bP");
    args.extend(OPTIONS);
    args.push("authenticators");
    // cPanel and others install it as `exim`, Debian as `exim4` (plus an `exim` link).
    for program in ["exim", "exim4"] {
        match exec::run(program, &args, ctx.command_timeout) {
            Ok(text) => {
                let origin = config_file
                    .clone()
                    .unwrap_or_else(|| format!("{program}'s configuration"));
                return Some(Ok(config(&origin, &text)));
            }
            Err(ExecError::NotFound { .. }) => {}
            Err(e) => return Some(Err(e.entry("exim"))),
        }
    }
    None
}

/// The `exim` source entry for a configuration that was read.
pub fn describe(config: &MtaConfig) -> SourceEntry {
    let ports: Vec<String> = config.ports.iter().map(|p| p.port.to_string()).collect();
    let detail = if ports.is_empty() {
        format!(
            "{}: daemon_smtp_ports names none of 25, 465 or 587",
            config.origin
        )
    } else {
        format!(
            "{}: daemon_smtp_ports includes {}",
            config.origin,
            ports.join(", ")
        )
    };
    SourceEntry::new("exim", SourceStatus::Read, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/server/services/exim")
            .join(name)
            .join("bp.txt");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn lists() {
        assert_eq!(
            split_list("smtp : 465 : submission"),
            ["smtp", "465", "submission"]
        );
        assert_eq!(split_list("<; 25 ; 587"), ["25", "587"]);
        assert_eq!(split_list("a::b : c"), ["a:b", "c"]);
        assert_eq!(split_list(""), Vec::<String>::new());
        assert_eq!(split_list("<"), ["<"]);
        assert!(matches_no_host(""));
        assert!(matches_no_host("!*"));
        assert!(!matches_no_host("*"));
        assert!(!matches_no_host("localhost : !*"));
    }

    #[test]
    fn parses_main_options_and_authenticators() {
        let o = parse_bp(&fixture("debian-default"));
        assert_eq!(o.main["daemon_smtp_ports"], "smtp");
        assert_eq!(o.main["tls_on_connect_ports"], "");
        assert_eq!(o.main["tls_advertise_hosts"], "*");
        let names: Vec<&str> = o.authenticators.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["cram_md5", "plain", "login"]);
        assert_eq!(o.authenticators[1].options["public_name"], "PLAIN");
        assert_eq!(
            o.authenticators[1].options["client_ignore_invalid_base64"],
            "false"
        );
        // Debian's stock authenticators log this server in to a smarthost; none is a server.
        assert!(o.authenticators.iter().all(|a| !a.is_server()));
    }

    #[test]
    fn debian_default_has_no_server_auth() {
        let c = config("/etc/exim4/exim4.conf", &fixture("debian-default"));
        assert_eq!(c.ports.len(), 1);
        let p = &c.ports[0];
        assert_eq!((p.port, p.tls, p.sasl), (25, TlsMode::Starttls, false));
        assert_eq!(p.sasl_setting, "no authenticator has a server side");
        assert!(matches!(
            p.certificate,
            CertSetting::NotConfigured { problem: false, .. }
        ));
        assert_eq!(c.hostname.as_deref(), Some("mail.example.test"));
    }

    #[test]
    fn debian_with_tls_and_auth() {
        let c = config("/etc/exim4/exim4.conf", &fixture("debian-tls-auth"));
        let ports: Vec<(u16, TlsMode)> = c.ports.iter().map(|p| (p.port, p.tls)).collect();
        assert_eq!(
            ports,
            [
                (25, TlsMode::Starttls),
                (465, TlsMode::Tls),
                (587, TlsMode::Starttls)
            ]
        );
        assert!(c.ports.iter().all(|p| p.sasl && p.auth_offered()));
        let p587 = &c.ports[2];
        let why = p587.auth_after_tls.as_deref().unwrap();
        assert!(why.starts_with("server_advertise_condition of plain_server, login_server"));
        assert!(c.ports[1].auth_after_tls.is_none());
        assert_eq!(
            p587.certificate,
            CertSetting::Files(CertFiles {
                files: vec!["/etc/exim4/exim.crt".into()],
                layout: CertLayout::OneChainPerFile
            })
        );
        assert!(c
            .settings
            .iter()
            .any(|s| s.source == "exim:plain_server" && s.name == "server_advertise_condition"));
    }

    #[test]
    fn custom_list_separator_expansion_and_no_starttls() {
        let c = config("/etc/exim.conf", &fixture("custom"));
        let ports: Vec<(u16, TlsMode)> = c.ports.iter().map(|p| (p.port, p.tls)).collect();
        assert_eq!(
            ports,
            [
                (25, TlsMode::None),
                (587, TlsMode::None),
                (465, TlsMode::Tls)
            ]
        );
        assert!(c.ports.iter().all(|p| p.sasl && p.auth_after_tls.is_none()));
        assert!(
            matches!(&c.ports[0].certificate, CertSetting::Unresolved { setting }
            if setting.starts_with("tls_certificate = ${if exists"))
        );
    }

    #[test]
    fn auth_only_after_tls_through_auth_advertise_hosts() {
        let o = parse_bp(
            "daemon_smtp_ports = 587\nauth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}\n\
             \nd authenticator:\ndriver = dovecot\npublic_name = PLAIN\n",
        );
        let c = port_configs(&o);
        assert!(c[0].sasl);
        assert!(c[0]
            .auth_after_tls
            .as_deref()
            .unwrap()
            .starts_with("auth_advertise_hosts"));
        let o = parse_bp("daemon_smtp_ports = 587\nauth_advertise_hosts =\n\nd authenticator:\ndriver = dovecot\n");
        assert!(!port_configs(&o)[0].sasl);
    }
}
