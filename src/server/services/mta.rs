//! What an MTA's configuration says about each mail port, in terms shared by Postfix and
//! Exim: the TLS mode, whether AUTH is on and whether it waits for TLS, and the certificate.

use crate::server::model::Setting;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mta {
    Postfix,
    Exim,
}

impl Mta {
    pub fn name(self) -> &'static str {
        match self {
            Mta::Postfix => "Postfix",
            Mta::Exim => "Exim",
        }
    }

    /// The program names (`/proc/[pid]/comm`) that hold this MTA's listening sockets.
    pub fn programs(self) -> &'static [&'static str] {
        match self {
            Mta::Postfix => &["master"],
            Mta::Exim => &["exim", "exim4"],
        }
    }
}

/// What the client meets on connecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain text first; TLS after the STARTTLS command.
    Starttls,
    /// TLS from the first byte (implicit TLS, "SSL/TLS", `smtps`).
    Tls,
    /// No TLS at all.
    None,
}

impl TlsMode {
    /// The contract's `services[].tls` value.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::Starttls => "starttls",
            TlsMode::Tls => "tls",
            TlsMode::None => "none",
        }
    }
}

/// How the certificate files are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertLayout {
    /// Each file holds one chain, leaf first (`smtpd_tls_cert_file`, `tls_certificate`).
    OneChainPerFile,
    /// The files together hold keys, each directly followed by its chain
    /// (`smtpd_tls_chain_files`).
    KeysThenChains,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CertFiles {
    pub files: Vec<String>,
    pub layout: CertLayout,
}

/// The certificate a port is configured with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertSetting {
    Files(CertFiles),
    /// No certificate file is set. `problem`: TLS cannot work without one (Postfix); else the
    /// MTA makes do (Exim generates a self-signed one) and it is only worth a note.
    NotConfigured {
        detail: String,
        problem: bool,
    },
    /// The setting is an expansion the MTA evaluates per connection; not followed.
    Unresolved {
        setting: String,
    },
}

/// One port as the MTA's configuration defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortConfig {
    pub port: u16,
    /// What defines it: `submission/inet` (master.cf), `daemon_smtp_ports` (Exim).
    pub service: String,
    pub tls: TlsMode,
    /// TLS is required before any mail, not only before AUTH.
    pub tls_required: bool,
    /// SASL authentication is switched on for this service.
    pub sasl: bool,
    /// The setting that holds AUTH back until TLS is up (`smtpd_tls_auth_only = yes`).
    pub auth_after_tls: Option<String>,
    /// The setting that switches SASL off here, for the sentence that says so.
    pub sasl_setting: String,
    pub certificate: CertSetting,
}

impl PortConfig {
    /// Is AUTH ever offered on this port? Not when it waits for a TLS that never comes.
    pub fn auth_offered(&self) -> bool {
        self.sasl && !(self.tls == TlsMode::None && self.auth_after_tls.is_some())
    }
}

/// What one MTA's configuration says.
#[derive(Debug, Clone, PartialEq)]
pub struct MtaConfig {
    pub mta: Mta,
    /// Where it came from (`/etc/postfix`, the Exim configuration file), for sentences.
    pub origin: String,
    /// Definitions of 25, 465 and 587, in the order the configuration lists them.
    pub ports: Vec<PortConfig>,
    /// The name the server gives itself (`myhostname`, Exim's primary host name).
    pub hostname: Option<String>,
    pub settings: Vec<Setting>,
}

/// Splits a Postfix-style list (commas and white space).
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The port of a service name: a number, or one of the mail services' names.
pub fn port_of_name(name: &str) -> Option<u16> {
    match name.to_ascii_lowercase().as_str() {
        "smtp" => Some(25),
        "submission" => Some(587),
        // 465's names differ between /etc/services files.
        "submissions" | "smtps" | "ssmtp" | "urd" => Some(465),
        n => n.parse().ok(),
    }
}
