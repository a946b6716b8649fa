//! `smtp-doctor --kiosk [--kiosk-config FILE]` and `smtp-doctor kiosk hash-pin | check-config`:
//! loading the kiosk configuration into the wizard's start values, and making the PIN
//! hash to paste into it (the PIN read from standard input, never from the arguments).

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use zeroize::Zeroize;

use crate::catalog::CatalogFiles;
use crate::kiosk::{pin, signals, KioskConfig};
use crate::settings::{Input, Options};

use super::{load_catalog, UsageError, WizardArgs};

/// The wizard in kiosk mode. Its settings come from the kiosk configuration only; a
/// broken configuration stops it at once with the file, line and column.
pub fn wizard(w: &WizardArgs) -> Result<i32, UsageError> {
    refuse_other_options(w)?;
    let config = load_config(w.kiosk_config.as_deref())?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(UsageError("--kiosk needs a terminal".into()));
    }
    let (input, options, files) = start_values(&config);
    // A configured language is the kiosk's whatever LANG says, and offers no switch.
    let lang = config.lang.unwrap_or_else(crate::i18n::system::detect);
    let catalog = load_catalog(&files, lang)?;
    let languages = super::languages(&files, Arc::new(catalog), config.lang.is_some());
    signals::ignore_leaving_signals()
        .map_err(|e| UsageError(format!("--kiosk: cannot ignore the interrupt signals: {e}")))?;
    let ui = crate::ui::UiOptions {
        high_contrast: w.high_contrast || config.high_contrast,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    crate::ui::run_kiosk(input, options, languages, ui, Arc::new(config))
        .map_err(|e| UsageError(format!("the kiosk stopped: {e}")))
}

/// On a kiosk every setting is the configuration's: a stray option on the command line
/// (a login shell's or a unit's) would silently do nothing, so it is refused.
fn refuse_other_options(w: &WizardArgs) -> Result<(), UsageError> {
    let c = &w.common;
    let given = [
        ("--email", w.email.is_some()),
        ("--server", c.server.is_some()),
        ("--port", c.port.is_some()),
        ("--security", c.security.is_some()),
        ("--user", c.user.is_some()),
        ("--password-env", c.password_env.is_some()),
        ("--password-stdin", c.password_stdin),
        ("--rcpt", c.rcpt.is_some()),
        ("--reference", c.reference.is_some()),
        // clap's default for --timeout is the options' default.
        ("--timeout", c.timeout != Options::default().timeout),
        ("--dns-server", c.dns_server.is_some()),
        ("--public-ip-dns", c.public_ip_dns.is_some()),
        ("--ca-file", c.ca_file.is_some()),
        ("--tree", c.tree.is_some()),
        ("--tree-extra", !c.tree_extra.is_empty()),
        ("--profiles", c.profiles.is_some()),
        ("--blocklists", c.blocklists.is_some()),
        ("--error-text", c.error_text.is_some()),
        ("--answer", !c.answer.is_empty()),
        ("--allow-plaintext-auth", c.allow_plaintext_auth),
        ("--lang", c.lang.is_some()),
    ];
    match given.iter().find(|(_, set)| *set) {
        Some((name, _)) => Err(UsageError(format!(
            "{name} cannot be used with --kiosk: a kiosk takes its settings from --kiosk-config (the [locked] table)"
        ))),
        None => Ok(()),
    }
}

fn load_config(path: Option<&Path>) -> Result<KioskConfig, UsageError> {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    match path {
        Some(p) => KioskConfig::load(p, home.as_deref()).map_err(|errors| {
            let first = errors
                .0
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            match errors.0.len() {
                0 | 1 => UsageError(format!("--kiosk-config: {first}")),
                n => UsageError(format!(
                    "--kiosk-config: {first} (and {} more; see `smtp-doctor kiosk check-config`)",
                    n - 1
                )),
            }
        }),
        None => {
            KioskConfig::defaults(home.as_deref()).map_err(|e| UsageError(format!("--kiosk: {e}")))
        }
    }
}

/// What every visitor starts from: no answers, the locked options, the embedded tree
/// and profiles with the locked overlays.
pub fn start_values(config: &KioskConfig) -> (Input, Options, CatalogFiles) {
    let l = &config.locked;
    let defaults = Options::default();
    let options = Options {
        timeout: l.timeout.unwrap_or(defaults.timeout),
        dns_server: l.dns_server,
        public_ip_dns: l.public_ip_dns,
        ca_file: l.ca_file.clone(),
        reference: l.reference.clone(),
        ..defaults
    };
    let files = CatalogFiles {
        tree: None,
        tree_extra: l.tree_extra.clone(),
        profiles: None,
    };
    (Input::new(""), options, files)
}

/// `kiosk check-config FILE`: every problem with its line and column, or "valid".
pub fn check_config(file: &Path) -> i32 {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    match KioskConfig::load(file, home.as_deref()) {
        Ok(config) => {
            let (_, _, files) = start_values(&config);
            if let Err(UsageError(line)) = load_catalog(&files, crate::i18n::Lang::En) {
                println!("{}: locked.tree_extra: {line}", file.display());
                return 1;
            }
            let quitting = if config.admin_pin.is_some() {
                "with the administrator PIN"
            } else {
                "disabled (no admin_pin_hash)"
            };
            println!(
                "{}: valid; idle reset after {} s; reports in {}; quitting {quitting}",
                file.display(),
                config.idle.as_secs(),
                config.reports_dir.display()
            );
            0
        }
        Err(errors) => {
            for e in &errors.0 {
                println!("{e}");
            }
            eprintln!(
                "smtp-doctor: {}: {} problem(s)",
                file.display(),
                errors.0.len()
            );
            1
        }
    }
}

/// `kiosk hash-pin`: reads the PIN from standard input (asked twice, not echoed, on a
/// terminal; else the first line) and prints the line to paste into the configuration.
pub fn hash_pin() -> Result<i32, UsageError> {
    let stdin = std::io::stdin();
    let mut first = String::new();
    if stdin.is_terminal() {
        let mut again = String::new();
        read_hidden("New administrator PIN: ", &mut first)?;
        read_hidden("The same PIN again: ", &mut again)?;
        let same = first == again;
        again.zeroize();
        if !same {
            first.zeroize();
            return Err(UsageError("kiosk hash-pin: the two PINs differ".into()));
        }
    } else {
        stdin
            .lock()
            .read_line(&mut first)
            .map_err(|e| UsageError(format!("kiosk hash-pin: cannot read standard input: {e}")))?;
    }
    let hashed = pin::hash_pin(first.trim_end_matches(['\r', '\n']));
    first.zeroize();
    let hash = hashed.map_err(|e| UsageError(format!("kiosk hash-pin: {e}")))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "admin_pin_hash = \"{}\"", hash.as_str());
    let _ = out.flush();
    Ok(0)
}

/// One line from the terminal with echo off (restored afterwards).
fn read_hidden(prompt: &str, into: &mut String) -> Result<(), UsageError> {
    let fail = |e: std::io::Error| UsageError(format!("kiosk hash-pin: {e}"));
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    let echo = EchoOff::new().map_err(fail)?;
    let read = std::io::stdin().lock().read_line(into);
    drop(echo);
    eprintln!();
    read.map(|_| ()).map_err(fail)
}

/// The terminal's echo turned off for as long as this lives.
struct EchoOff(libc::termios);

impl EchoOff {
    fn new() -> std::io::Result<EchoOff> {
        // SAFETY: tcgetattr/tcsetattr on standard input with a termios they fill in.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &raw mut t) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let saved = t;
            t.c_lflag &= !libc::ECHO;
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw const t) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(EchoOff(saved))
        }
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        // SAFETY: puts back the settings read in `new`.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw const self.0);
        }
    }
}
