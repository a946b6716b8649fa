//! The command line as clap reads it: the commands, their options and the value parsers.
//! The contract is ../shared/spec/cli.md.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Parser, Subcommand};

use crate::export::Incoming;
use crate::settings::Security;

#[derive(Debug, Parser)]
#[command(
    name = "smtp-doctor",
    version,
    about = "Finds out why your mail program cannot send through its outgoing (SMTP) server, and tells you what to change."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Pre-filled answers for the wizard (the same options as `check`).
    #[command(flatten)]
    pub wizard: WizardArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the diagnosis without the full-screen wizard and print a report.
    Check(Box<CheckArgs>),
    /// On the mail server: what blocks a customer's address (firewall rules, ban lists,
    /// the mail server's access rules), since when and why, what the mail logs saw from it,
    /// and whether the submission services and their certificate are sound. Read-only:
    /// nothing is changed unless --apply is given.
    #[command(long_about = SERVER_ABOUT)]
    Server(Box<ServerArgs>),
    /// Kiosk mode's helpers: make the administrator PIN's hash, check a kiosk
    /// configuration.
    Kiosk {
        #[command(subcommand)]
        command: KioskCommand,
    },
    /// Work with decision-tree files.
    Tree {
        #[command(subcommand)]
        command: TreeCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TreeCommand {
    /// Load a decision-tree file and report every problem with its line and column.
    Validate {
        file: PathBuf,
        /// An overlay to merge over FILE and check with it (repeatable, in order).
        #[arg(long, value_name = "FILE")]
        tree_extra: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KioskCommand {
    /// Read a PIN from standard input (asked twice without echo on a terminal) and print
    /// the `admin_pin_hash = "..."` line (Argon2id) for the kiosk configuration.
    HashPin,
    /// Load a kiosk configuration and report every problem with its line and column.
    CheckConfig { file: PathBuf },
}

/// Options shared by `check` and the wizard.
#[derive(Debug, Clone, Args, Default)]
pub struct CommonArgs {
    /// The outgoing server as configured in the mail client.
    #[arg(long, value_name = "HOST")]
    pub server: Option<String>,
    /// The configured port.
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// The configured encryption: starttls, tls (Outlook's "SSL/TLS") or none.
    #[arg(long, value_name = "starttls|tls|none", value_parser = parse_security)]
    pub security: Option<Security>,
    /// The login name (default: the e-mail address when a password is given).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Read the password from this environment variable.
    #[arg(long, value_name = "VAR", conflicts_with = "password_stdin")]
    pub password_env: Option<String>,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    pub password_stdin: bool,
    /// Recipient for the envelope test (no mail is sent; default: your own address).
    #[arg(long, value_name = "ADDR")]
    pub rcpt: Option<String>,
    /// A host known to accept connections on 25/465/587, to tell a block on this network
    /// from a problem at the server.
    #[arg(long, value_name = "HOST")]
    pub reference: Option<String>,
    /// The time budget for one network step (connect, one reply, a handshake), in seconds.
    #[arg(long, value_name = "SECS", default_value = "5", value_parser = parse_timeout)]
    pub timeout: Duration,
    /// The DNS resolver to use instead of the system's.
    #[arg(long, value_name = "IP[:PORT]", value_parser = parse_dns_server)]
    pub dns_server: Option<SocketAddr>,
    /// The DNS server that tells this network's public address, asked every who-am-I form
    /// (`myip.opendns.com` A, `o-o.myaddr.l.google.com` TXT, `whoami.cloudflare` CH TXT);
    /// default: each form's own server (OpenDNS, Google, Cloudflare), all at once.
    #[arg(long, value_name = "IP[:PORT]", value_parser = parse_dns_server)]
    pub public_ip_dns: Option<SocketAddr>,
    /// Extra trusted certificate authorities (PEM), in addition to the system's.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Replace the embedded decision tree.
    #[arg(long, value_name = "FILE")]
    pub tree: Option<PathBuf>,
    /// Extend the tree with a host's overlay (nodes, re-routed branches, reply rules, host.*
    /// cause codes); repeatable, merged in order.
    #[arg(long, value_name = "FILE")]
    pub tree_extra: Vec<PathBuf>,
    /// Add or override provider profiles.
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Add DNS blocklists to the embedded ones (a list with the same zone replaces the
    /// embedded one), or replace them all (`replace = true` in the file); the format is
    /// assets/blocklists.toml's.
    #[arg(long, value_name = "FILE")]
    pub blocklists: Option<PathBuf>,
    /// The error message the mail client showed (whole, or just its code).
    #[arg(long, value_name = "TEXT")]
    pub error_text: Option<String>,
    /// Answer one of the tree's questions, e.g. `--answer webmail_works=yes` (repeatable).
    #[arg(long, value_name = "ID=CHOICE", value_parser = parse_answer)]
    pub answer: Vec<(String, String)>,
    /// Allow sending the password over an unencrypted connection when the server offers
    /// nothing else.
    #[arg(long)]
    pub allow_plaintext_auth: bool,
    /// A new account is being set up: also check what Outlook (Autodiscover) and
    /// Thunderbird (autoconfig) would fill in for the address's domain, and whether it works.
    #[arg(long)]
    pub new_account: bool,
    /// The language of the wizard and the report: en, de, fr, es, it, pt-BR, nl (default:
    /// the system's, from LC_ALL, LC_MESSAGES, LANG or the desktop's language; English when
    /// it is none of these).
    #[arg(long, value_name = "TAG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The account's address (also the envelope sender in the send test).
    #[arg(long, value_name = "ADDR")]
    pub email: String,
    #[command(flatten)]
    pub common: CommonArgs,
    /// Print the report as one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Also save the report as Markdown to this file.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Extension: also save the options (never the password), every fact found and the
    /// conclusion to this file (TOML, `smtp-doctor/facts/v1`), to replay the diagnosis
    /// without a network.
    #[arg(long, value_name = "FILE")]
    pub save_facts: Option<PathBuf>,
    /// Extension: when the test proved settings that work, write them as a Thunderbird
    /// autoconfig file (config-v1.1.xml) to FILE; never over an existing file.
    #[arg(long, value_name = "FILE")]
    pub write_thunderbird: Option<PathBuf>,
    /// Extension: when the test proved settings that work, write them as an Apple
    /// configuration profile (.mobileconfig, no password) to FILE; needs --incoming.
    #[arg(long, value_name = "FILE", requires = "incoming")]
    pub write_mobileconfig: Option<PathBuf>,
    /// The mailbox's incoming server for the written files, e.g. imap:mail.example.org:993:tls
    /// (smtp-doctor tests only the outgoing one).
    #[arg(long, value_name = "KIND:HOST:PORT:SECURITY", value_parser = parse_incoming)]
    pub incoming: Option<Incoming>,
}

const SERVER_ABOUT: &str = "\
On the mail server, for the host's support: is this customer's address blocked (by the \
packet filter, CSF, fail2ban or the mail server's access rules), since when and why; what \
the mail logs saw from it (failed sign-ins, refusals); are ports 25/465/587, AUTH and the \
certificate sound. Prints the commands that lift each block.

It reads iptables/ip6tables, nftables, ipset, CSF (csf.deny, csf.tempban, csf.allow, \
csf.conf), fail2ban (its socket and database), Postfix's or Exim's access rules and \
configuration, the mail logs (the usual Debian/RHEL/cPanel/Plesk paths, rotated and .gz \
files, and the systemd journal, or only the --log files) and the listening sockets. Run \
it as root: what cannot be read is listed under Sources and never stops the rest.

Nothing on the server is changed unless --apply is given: then the unblock commands \
found are listed and run after you confirm on the terminal (--yes skips the question), \
and everything is read again to show whether the block is gone.

Audit (--audit instead of --client-ip): every address blocked now, joined with a week of \
logs (--since): customers locked out (they also signed in successfully) first, with their \
accounts, when and why they were banned and the commands that lift and whitelist them; \
then addresses without sign-ins, attackers that only failed, and password sprayers. \
Repeat bans and rule advice (never applied). With --apply, only the customers are lifted \
and whitelisted. --json prints smtp-doctor/server-audit/v1.

Exit status: 0 nothing blocks the address and nothing is wrong (audit: no customer is \
locked out), 1 a block or a problem was found (audit: a customer is locked out; or the \
firewall could not be read), 2 bad usage or an unreadable input file.";

/// Options of `server` (contract: ../shared/spec/cli.md, "Server mode").
// The flags are the command line's (--audit, --apply, --yes, --json), not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("client").required(true).args(["client_ip", "from_report", "audit"])))]
pub struct ServerArgs {
    /// The customer's public address (IPv4 or IPv6; one address, not a network).
    #[arg(long, value_name = "IP", value_parser = parse_client_ip)]
    pub client_ip: Option<IpAddr>,
    /// Take the customer's address, login and the time of their test from their saved
    /// report (`smtp-doctor check --json` output or the Markdown report).
    #[arg(long, value_name = "FILE")]
    pub from_report: Option<PathBuf>,
    /// Audit: every address the firewall and the ban lists block now, joined with the
    /// mail logs: customers locked out (they also signed in successfully, with their
    /// accounts) first, then the rest; repeat bans, rule advice, and with --apply the
    /// customers lifted and whitelisted.
    #[arg(long)]
    pub audit: bool,
    /// The customer's login, to find its sign-ins and failures in the logs (overrides the
    /// report's).
    #[arg(long, value_name = "ADDR", conflicts_with = "audit")]
    pub account: Option<String>,
    /// How much of the logs to read: 90m, 2h, 3d, 1w (default 24h; 7d with --audit). It
    /// ends now; with --from-report it is centred on the time of the customer's test
    /// instead (half before, half after: ±12h by default), never reaching past now.
    #[arg(long, value_name = "DURATION", value_parser = parse_since)]
    pub since: Option<i64>,
    /// A log file to read (repeatable; plain or .gz). Replaces the usual paths and the
    /// journal.
    #[arg(long = "log", value_name = "FILE")]
    pub logs: Vec<PathBuf>,
    /// Run the unblock commands found, after asking on the terminal.
    #[arg(long)]
    pub apply: bool,
    /// With --apply: run them without asking.
    #[arg(long, requires = "apply")]
    pub yes: bool,
    /// Print the report as one JSON document (smtp-doctor/server-report/v1).
    #[arg(long)]
    pub json: bool,
    /// CSF's configuration folder (csf.conf, csf.deny, csf.allow).
    #[arg(long, value_name = "DIR", default_value = "/etc/csf")]
    pub csf_dir: PathBuf,
    /// CSF's state folder (csf.tempban).
    #[arg(long, value_name = "DIR", default_value = "/var/lib/csf")]
    pub csf_state_dir: PathBuf,
    /// fail2ban's control socket (default: fail2ban-client's own).
    #[arg(long, value_name = "PATH")]
    pub fail2ban_socket: Option<PathBuf>,
    /// fail2ban's database (default: the one fail2ban names).
    #[arg(long, value_name = "PATH")]
    pub fail2ban_db: Option<PathBuf>,
    /// Postfix's configuration folder.
    #[arg(long, value_name = "DIR", default_value = "/etc/postfix")]
    pub postfix_config: PathBuf,
    /// Exim's configuration file (default: looked for in the usual places).
    #[arg(long, value_name = "FILE")]
    pub exim_config: Option<PathBuf>,
    /// The time budget for each external command (iptables-save, fail2ban-client, ...), in
    /// seconds.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = parse_timeout)]
    pub timeout: Duration,
    /// Also save the report as Markdown to this file (for a ticket; with --audit, the
    /// text form).
    #[arg(long, value_name = "FILE.md")]
    pub save: Option<PathBuf>,
}

#[derive(Debug, Clone, Args, Default)]
pub struct WizardArgs {
    /// The account's address (the wizard asks when it is not given).
    #[arg(long, value_name = "ADDR", global = false)]
    pub email: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    /// A high-contrast display for the wizard.
    #[arg(long)]
    pub high_contrast: bool,
    /// Kiosk mode, for an unattended office computer: no way out without the
    /// administrator PIN, the answers wiped after the idle time, reports only into the
    /// configured folder.
    #[arg(long)]
    pub kiosk: bool,
    /// The kiosk configuration (TOML); without it: quitting disabled, idle reset after
    /// 180 s, reports in $HOME/smtp-doctor-reports.
    #[arg(long, value_name = "FILE", requires = "kiosk")]
    pub kiosk_config: Option<PathBuf>,
}

fn parse_security(s: &str) -> Result<Security, String> {
    Security::parse(s).ok_or_else(|| format!("`{s}` is not one of starttls, tls, none"))
}

fn parse_incoming(s: &str) -> Result<Incoming, String> {
    Incoming::parse(s)
}

fn parse_lang(s: &str) -> Result<crate::i18n::Lang, String> {
    use crate::i18n::Lang;
    // A tag names a language exactly (`de`, `pt-BR`; any case, `_` for `-`): a locale's
    // encoding or a region the tool has no wording for is not a tag.
    Lang::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(&s.replace('_', "-")))
        .ok_or_else(|| {
            let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
            format!(
                "`{s}` is not a supported language; use one of {}",
                tags.join(", ")
            )
        })
}

fn parse_timeout(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if !(0.05..=300.0).contains(&secs) {
        return Err(format!("{secs} s is outside 0.05 to 300 seconds"));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn parse_client_ip(s: &str) -> Result<IpAddr, String> {
    crate::server::request::parse_client_ip(s)
}

fn parse_since(s: &str) -> Result<i64, String> {
    crate::server::window::parse_duration(s).map_err(|e| e.to_string())
}

fn parse_dns_server(s: &str) -> Result<SocketAddr, String> {
    crate::kiosk::config::parse_resolver(s)
        .ok_or_else(|| format!("`{s}` is not an IP address with an optional port"))
}

fn parse_answer(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((q, a)) if !q.trim().is_empty() && !a.trim().is_empty() => {
            Ok((q.trim().to_string(), a.trim().to_string()))
        }
        _ => Err(format!("`{s}` is not of the form QUESTION=CHOICE")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_parsers() {
        assert_eq!(
            parse_dns_server("127.0.53.1").unwrap(),
            "127.0.53.1:53".parse().unwrap()
        );
        assert_eq!(
            parse_dns_server("127.0.53.1:5353").unwrap(),
            "127.0.53.1:5353".parse().unwrap()
        );
        assert!(parse_dns_server("dns.example").is_err());
        assert_eq!(parse_timeout("1.5").unwrap(), Duration::from_millis(1500));
        assert!(parse_timeout("0").is_err());
        assert_eq!(parse_answer("a=b").unwrap(), ("a".into(), "b".into()));
        assert!(parse_answer("a=").is_err());
        assert!(parse_security("ssl").is_ok());
        assert_eq!(parse_lang("pt_br").unwrap(), crate::i18n::Lang::PtBr);
        assert_eq!(parse_lang("DE").unwrap(), crate::i18n::Lang::De);
        let e = parse_lang("ja").unwrap_err();
        assert!(e.contains("en, de, fr, es, it, pt-BR, nl"), "{e}");
        assert!(parse_lang("de_DE.UTF-8").is_err());
    }

    #[test]
    fn password_is_never_an_argument() {
        assert!(Cli::try_parse_from([
            "smtp-doctor",
            "check",
            "--email",
            "a@b.c",
            "--password",
            "x"
        ])
        .is_err());
    }
}
