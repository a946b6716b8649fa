//! Command-line parsing and the non-interactive commands (`check`, `server`,
//! `tree validate`).
//! The contract is ../shared/spec/cli.md: options, exit codes (0 ok, 1 problem or
//! inconclusive, 2 bad usage or unreadable input, with one line on stderr and nothing on
//! stdout).

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Parser, Subcommand};

use std::sync::Arc;

use crate::catalog::{Catalog, CatalogError, CatalogFiles};
use crate::diagnosis::{self, Verdict};
use crate::engine::Engine;
use crate::facts::Facts;
use crate::report::{self, Report};
use crate::secret::Secret;
use crate::settings::{Input, Options, Security};
use crate::tree::QuestionMode;

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
    /// The resolver that tells this network's public address (answers `myip.opendns.com`
    /// with the asker's address); default OpenDNS's 208.67.222.222.
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
}

fn parse_security(s: &str) -> Result<Security, String> {
    Security::parse(s).ok_or_else(|| format!("`{s}` is not one of starttls, tls, none"))
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
    if let Ok(addr) = s.parse::<SocketAddr>() {
        return Ok(addr);
    }
    s.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .map(|ip| SocketAddr::new(ip, 53))
        .map_err(|_| format!("`{s}` is not an IP address with an optional port"))
}

fn parse_answer(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((q, a)) if !q.trim().is_empty() && !a.trim().is_empty() => {
            Ok((q.trim().to_string(), a.trim().to_string()))
        }
        _ => Err(format!("`{s}` is not of the form QUESTION=CHOICE")),
    }
}

/// A failure that ends the program with exit status 2 and one line on stderr.
#[derive(Debug)]
pub struct UsageError(pub String);

/// Parses arguments and runs; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(UsageError(line)) => {
            eprintln!("smtp-doctor: {line}");
            2
        }
    }
}

/// Help and version print as usual; every other parse error becomes one line.
fn clap_exit(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            0
        }
        _ => {
            eprintln!("smtp-doctor: {}", one_line(&e.render().to_string()));
            2
        }
    }
}

/// The first meaningful line of clap's message, joined with its indented continuation.
fn one_line(rendered: &str) -> String {
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines
        .next()
        .unwrap_or("invalid usage")
        .trim_start_matches("error: ");
    let mut out = first.to_string();
    if first.ends_with(':') {
        if let Some(next) = lines.next() {
            out.push(' ');
            out.push_str(next);
        }
    }
    out.push_str(" (see --help)");
    out
}

pub fn run(cli: Cli) -> Result<i32, UsageError> {
    match cli.command {
        Some(Command::Check(args)) => check(*args),
        Some(Command::Server(args)) => server(*args),
        Some(Command::Tree {
            command: TreeCommand::Validate { file, tree_extra },
        }) => Ok(validate(&file, tree_extra)),
        None => wizard(cli.wizard),
    }
}

/// The full-screen wizard, pre-filled from the options.
fn wizard(w: WizardArgs) -> Result<i32, UsageError> {
    use std::io::IsTerminal;
    if w.common.password_stdin {
        return Err(UsageError(
            "--password-stdin cannot be used with the wizard (its input is the keyboard); use --password-env".into(),
        ));
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(UsageError(
            "the wizard needs a terminal; for scripts use `smtp-doctor check --email ADDR` (see --help)".into(),
        ));
    }
    let (input, options) = match w.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(email) => input_from(email, &w.common)?,
        None => settings_from("", &w.common)?,
    };
    let ui = crate::ui::UiOptions {
        high_contrast: w.high_contrast,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let stopped = |e: std::io::Error| UsageError(format!("the wizard stopped: {e}"));
    let files = catalog_files(&w.common);
    match load_catalog(&files) {
        Ok(catalog) => crate::ui::run(input, options, Arc::new(catalog), ui).map_err(stopped),
        // A bad tree file is shown on a screen with a way forward, not as an exit.
        Err(problem) if files.tree.is_some() || !files.tree_extra.is_empty() => {
            let builtin = load_catalog(&CatalogFiles {
                tree: None,
                tree_extra: Vec::new(),
                ..files
            })?;
            crate::ui::run_with_tree_problem(input, options, Arc::new(builtin), problem.0, ui)
                .map_err(stopped)
        }
        Err(problem) => Err(problem),
    }
}

fn validate(file: &std::path::Path, tree_extra: Vec<PathBuf>) -> i32 {
    let overlays = tree_extra.len();
    let files = CatalogFiles {
        tree: Some(file.to_path_buf()),
        tree_extra,
        profiles: None,
    };
    match Catalog::load(&files) {
        Ok(catalog) => {
            let with = match overlays {
                0 => String::new(),
                1 => " with 1 overlay".to_string(),
                n => format!(" with {n} overlays"),
            };
            println!(
                "{}{with}: valid ({} nodes)",
                file.display(),
                catalog.tree.nodes().count()
            );
            0
        }
        Err(errors) => {
            let lines: Vec<String> = match &errors {
                CatalogError::Tree(e) => e.0.iter().map(ToString::to_string).collect(),
                CatalogError::Profiles(e) => e.0.iter().map(ToString::to_string).collect(),
            };
            for line in &lines {
                println!("{line}");
            }
            eprintln!(
                "smtp-doctor: {}: {} problem(s)",
                file.display(),
                lines.len()
            );
            1
        }
    }
}

/// Builds the diagnosis input and the checks' options from the command line, reading the
/// password from where it was pointed.
pub fn input_from(email: &str, c: &CommonArgs) -> Result<(Input, Options), UsageError> {
    if !email.contains('@') {
        return Err(UsageError(format!(
            "--email `{email}` is not an e-mail address"
        )));
    }
    settings_from(email.trim(), c)
}

/// The options without an address check: the wizard may start with no address and ask.
fn settings_from(email: &str, c: &CommonArgs) -> Result<(Input, Options), UsageError> {
    let mut input = Input::new(email);
    input.server = c.server.clone();
    input.port = c.port;
    input.security = c.security;
    input.user = c.user.clone();
    input.error_text = c.error_text.clone();
    let options = Options {
        timeout: c.timeout,
        dns_server: c.dns_server,
        public_ip_dns: c.public_ip_dns,
        ca_file: c.ca_file.clone(),
        reference: c.reference.clone(),
        rcpt: c.rcpt.clone(),
        allow_plaintext_auth: c.allow_plaintext_auth,
    };
    input.answers = c.answer.iter().cloned().collect::<BTreeMap<_, _>>();
    if let Some(var) = &c.password_env {
        let value = std::env::var(var).map_err(|_| {
            UsageError(format!(
                "--password-env: the environment variable {var} is not set"
            ))
        })?;
        input.password = Some(Secret::new(value));
    } else if c.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            UsageError(format!("--password-stdin: cannot read standard input: {e}"))
        })?;
        let value = line.trim_end_matches(['\r', '\n']).to_string();
        line.clear();
        input.password = Some(Secret::new(value));
    }
    if let Some(path) = &c.ca_file {
        if let Err(e) = std::fs::metadata(path) {
            return Err(UsageError(format!("--ca-file {}: {e}", path.display())));
        }
    }
    Ok((input, options))
}

/// The person's own files for the catalog.
fn catalog_files(c: &CommonArgs) -> CatalogFiles {
    CatalogFiles {
        tree: c.tree.clone(),
        tree_extra: c.tree_extra.clone(),
        profiles: c.profiles.clone(),
    }
}

/// The catalog: the embedded tree, profiles and lists plus the person's files. A problem
/// becomes one line that names the file, line and column of the first one.
pub fn load_catalog(files: &CatalogFiles) -> Result<Catalog, UsageError> {
    Catalog::load(files).map_err(|e| match e {
        CatalogError::Profiles(errors) => {
            // One line: the first problem names file, line and column; the count says
            // whether `tree validate`-style patience is needed for the rest.
            let first = errors
                .0
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            let more = match errors.0.len() {
                0 | 1 => String::new(),
                n => format!(" (and {} more problems)", n - 1),
            };
            UsageError(format!("--profiles: {first}{more}"))
        }
        CatalogError::Tree(errs) => {
            let first = errs.0.first().map(|e| e.to_string()).unwrap_or_default();
            let more = errs.0.len().saturating_sub(1);
            if more > 0 {
                UsageError(format!(
                    "invalid tree: {first} (and {more} more; see `smtp-doctor tree validate`)"
                ))
            } else {
                UsageError(format!("invalid tree: {first}"))
            }
        }
    })
}

fn check(args: CheckArgs) -> Result<i32, UsageError> {
    let (input, options) = input_from(&args.email, &args.common)?;
    let catalog = Arc::new(load_catalog(&catalog_files(&args.common))?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| UsageError(format!("cannot start: {e}")))?;
    let facts = runtime.block_on(collect_facts(catalog.clone(), &input, options.clone()))?;
    // Sockets still closing must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(100));
    let d = diagnosis::diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    let report = Report::new(&d);

    if let Some(path) = &args.save_facts {
        let recorded =
            crate::recording::RecordedInput::of(&input, &options, &catalog_files(&args.common));
        let text = crate::recording::Recording::new(recorded, &facts, &d)
            .to_toml()
            .map_err(|e| UsageError(format!("--save-facts: {e}")))?;
        std::fs::write(path, text)
            .map_err(|e| UsageError(format!("--save-facts {}: {e}", path.display())))?;
    }
    if let Some(path) = &args.save {
        std::fs::write(path, report::markdown::render(&report))
            .map_err(|e| UsageError(format!("--save {}: {e}", path.display())))?;
    }
    let out = if args.json {
        report.to_json() + "\n"
    } else {
        report::text::render(&report)
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    Ok(match report.verdict {
        Verdict::Ok => 0,
        Verdict::Problem | Verdict::Inconclusive => 1,
    })
}

/// The server-mode request the options describe.
pub fn server_request(args: &ServerArgs) -> crate::server::request::Request {
    use crate::server::context::Paths;
    use crate::server::request::{Request, Target};
    let target = match (&args.client_ip, &args.from_report) {
        (Some(ip), _) => Target::Ip(*ip),
        (None, Some(file)) => Target::Report(file.clone()),
        // clap requires one of the two; an address of none would find nothing.
        (None, None) => Target::Ip(IpAddr::from([0, 0, 0, 0])),
    };
    Request {
        target,
        account: args.account.clone(),
        since: args
            .since
            .unwrap_or(crate::server::window::DEFAULT_SINCE_SECS),
        paths: Paths {
            csf_dir: args.csf_dir.clone(),
            csf_state_dir: args.csf_state_dir.clone(),
            fail2ban_socket: args.fail2ban_socket.clone(),
            fail2ban_db: args.fail2ban_db.clone(),
            postfix_dir: args.postfix_config.clone(),
            exim_config: args.exim_config.clone(),
            logs: args.logs.clone(),
        },
        timeout: args.timeout,
    }
}

/// `smtp-doctor server`: read every source, diagnose, print; with `--apply`, ask, run the
/// unblock commands and read again.
fn server(args: ServerArgs) -> Result<i32, UsageError> {
    use crate::server::{apply, report as sreport, request, run};
    use std::io::IsTerminal;

    if args.audit {
        return audit(&args);
    }

    // Refused before anything is read: nothing changes and nothing is printed.
    let consent = if args.apply {
        Some(
            apply::consent(args.yes, std::io::stdin().is_terminal())
                .map_err(|e| UsageError(e.into()))?,
        )
    } else {
        None
    };
    for log in &args.logs {
        std::fs::metadata(log).map_err(|e| UsageError(format!("--log {}: {e}", log.display())))?;
    }
    let req = server_request(&args);
    let (ctx, input) = request::prepare(&req, request::now_unix())
        .map_err(|e| UsageError(format!("--from-report {e}")))?;
    let report = run::examine(&ctx, input.clone(), &run::Sources::HOST);

    let mut stdout = std::io::stdout().lock();
    let mut out = |text: &str| {
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
    };
    let report = match consent {
        None => report,
        Some(consent) => {
            let commands = report.unblock_commands();
            if commands.is_empty() {
                apply::not_run(report, false)
            } else {
                if !args.json {
                    // The findings first, so the question is asked knowing them.
                    out(&sreport::text::render(&report));
                    out("\n");
                }
                let go = match consent {
                    apply::Consent::Given => true,
                    apply::Consent::Ask => apply::ask_on_terminal(&commands).map_err(|e| {
                        UsageError(format!("--apply: cannot ask on the terminal: {e}"))
                    })?,
                };
                if go {
                    let before = run::Examined {
                        ctx: ctx.clone(),
                        input: input.clone(),
                        report,
                    };
                    let after = run::lift(
                        &before,
                        request::now_unix(),
                        &crate::server::exec::run,
                        &run::Sources::HOST,
                    );
                    if !args.json {
                        out("After the unblock commands:\n\n");
                    }
                    after
                } else {
                    let declined = apply::not_run(report, true);
                    if !args.json {
                        out("Nothing was changed.\n");
                        save_server(&args, &declined)?;
                        return Ok(declined.exit_code());
                    }
                    declined
                }
            }
        }
    };
    save_server(&args, &report)?;
    if args.json {
        out(&(report.to_json() + "\n"));
    } else {
        out(&sreport::text::render(&report));
    }
    Ok(report.exit_code())
}

/// The audit's request the options describe.
pub fn audit_request(args: &ServerArgs) -> crate::server::audit::run::AuditRequest {
    use crate::server::audit::run::{AuditRequest, DEFAULT_AUDIT_SINCE_SECS};
    let paths = server_request(args).paths;
    AuditRequest {
        since: args.since.unwrap_or(DEFAULT_AUDIT_SINCE_SECS),
        paths,
        timeout: args.timeout,
    }
}

/// `smtp-doctor server --audit`: every blocked address joined with the logs; with
/// `--apply`, ask, then lift and whitelist the customers only.
fn audit(args: &ServerArgs) -> Result<i32, UsageError> {
    use crate::server::audit::{run as arun, text as atext};
    use crate::server::{apply, request};
    use std::io::IsTerminal;

    let consent = if args.apply {
        Some(
            apply::consent(args.yes, std::io::stdin().is_terminal())
                .map_err(|e| UsageError(e.into()))?,
        )
    } else {
        None
    };
    for log in &args.logs {
        std::fs::metadata(log).map_err(|e| UsageError(format!("--log {}: {e}", log.display())))?;
    }
    let req = audit_request(args);
    let sources = arun::AuditSources::HOST;
    let report = arun::audit(&req, request::now_unix(), &sources);

    let mut stdout = std::io::stdout().lock();
    let mut out = |text: &str| {
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
    };
    let report = match consent {
        None => report,
        Some(consent) => {
            let commands = report.apply_commands();
            if commands.is_empty() {
                arun::not_run(report, false)
            } else {
                if !args.json {
                    out(&atext::render(&report));
                    out("\n");
                }
                let go = match consent {
                    apply::Consent::Given => true,
                    apply::Consent::Ask => apply::ask_on_terminal(&commands).map_err(|e| {
                        UsageError(format!("--apply: cannot ask on the terminal: {e}"))
                    })?,
                };
                if go {
                    let after = arun::lift_customers(
                        &report,
                        &req,
                        request::now_unix(),
                        &crate::server::exec::run,
                        &sources,
                    );
                    if !args.json {
                        if let Some(a) = &after.apply {
                            let mut o = String::new();
                            atext::apply_section(&mut o, a);
                            out(&o);
                        }
                        save_audit(args, &after)?;
                        return Ok(after.exit_code());
                    }
                    after
                } else {
                    let declined = arun::not_run(report, true);
                    if !args.json {
                        out("Nothing was changed.\n");
                        save_audit(args, &declined)?;
                        return Ok(declined.exit_code());
                    }
                    declined
                }
            }
        }
    };
    save_audit(args, &report)?;
    if args.json {
        out(&(report.to_json() + "\n"));
    } else {
        out(&atext::render(&report));
    }
    Ok(report.exit_code())
}

fn save_audit(
    args: &ServerArgs,
    report: &crate::server::audit::AuditReport,
) -> Result<(), UsageError> {
    if let Some(path) = &args.save {
        std::fs::write(path, crate::server::audit::text::render(report))
            .map_err(|e| UsageError(format!("--save {}: {e}", path.display())))?;
    }
    Ok(())
}

fn save_server(
    args: &ServerArgs,
    report: &crate::server::report::ServerReport,
) -> Result<(), UsageError> {
    if let Some(path) = &args.save {
        std::fs::write(path, crate::server::report::markdown::render(report))
            .map_err(|e| UsageError(format!("--save {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Runs every check, then walks the tree with the questions answered from the input.
pub async fn diagnose_once(
    catalog: Arc<Catalog>,
    input: Input,
    options: Options,
) -> Result<Report, UsageError> {
    let facts = collect_facts(catalog.clone(), &input, options).await?;
    let d = diagnosis::diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    Ok(Report::new(&d))
}

/// Runs every check and gathers what they found.
pub async fn collect_facts(
    catalog: Arc<Catalog>,
    input: &Input,
    options: Options,
) -> Result<Facts, UsageError> {
    let engine =
        Engine::new(input.clone(), options, catalog).map_err(|e| UsageError(e.to_string()))?;
    let mut rx = engine.start();
    let mut facts = Facts::default();
    while let Some(fact) = rx.recv().await {
        facts.apply(fact);
        if facts.done {
            break;
        }
    }
    Ok(facts)
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
    }

    #[test]
    fn clap_errors_become_one_line() {
        let err = Cli::try_parse_from(["smtp-doctor", "check"]).unwrap_err();
        let line = one_line(&err.render().to_string());
        assert!(!line.contains('\n'));
        assert!(line.contains("--email"), "{line}");
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
