//! Command-line parsing and the non-interactive commands (`check`, `server`,
//! `tree validate`).
//! The contract is ../shared/spec/cli.md: options, exit codes (0 ok, 1 problem or
//! inconclusive, 2 bad usage or unreadable input, with one line on stderr and nothing on
//! stdout).
//!
//! `args` holds what clap reads, `server` the `server` command, `kiosk` kiosk mode and its
//! helpers; this file runs the wizard,
//! `check` and `tree validate`, and builds the input, options and catalog they share.

mod args;
mod audit;
mod export;
mod kiosk;
mod server;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use std::sync::Arc;

use crate::catalog::{Catalog, CatalogError, CatalogFiles};
use crate::diagnosis::{self, Verdict};
use crate::engine::Engine;
use crate::facts::Facts;
use crate::i18n::Lang;
use crate::report::{self, Report};
use crate::secret::Secret;
use crate::settings::{Input, Options};
use crate::tree::QuestionMode;

pub use args::{
    CheckArgs, Cli, Command, CommonArgs, KioskCommand, ServerArgs, TreeCommand, WizardArgs,
};
pub use kiosk::start_values as kiosk_start_values;
pub use server::server_request;

/// A failure that ends the program with exit status 2 and one line on stderr.
#[derive(Debug)]
pub struct UsageError(pub String);

/// Parses arguments and runs; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
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
fn clap_exit(e: &clap::Error) -> i32 {
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
        Some(Command::Check(args)) => check(&args),
        Some(Command::Server(args)) if args.audit => audit::run(&args),
        Some(Command::Server(args)) => server::run(&args),
        Some(Command::Tree {
            command: TreeCommand::Validate { file, tree_extra },
        }) => Ok(validate(&file, tree_extra)),
        Some(Command::Kiosk {
            command: KioskCommand::HashPin,
        }) => kiosk::hash_pin(),
        Some(Command::Kiosk {
            command: KioskCommand::CheckConfig { file },
        }) => Ok(kiosk::check_config(&file)),
        None if cli.wizard.kiosk => kiosk::wizard(&cli.wizard),
        None => wizard(&cli.wizard),
    }
}

/// The full-screen wizard, pre-filled from the options.
fn wizard(w: &WizardArgs) -> Result<i32, UsageError> {
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
    let lang = chosen_lang(&w.common);
    match load_catalog(&files, lang) {
        Ok(catalog) => {
            let languages = languages(&files, Arc::new(catalog), false);
            crate::ui::run(input, options, languages, ui).map_err(stopped)
        }
        // A bad tree file is shown on a screen with a way forward, not as an exit.
        Err(problem) if files.tree.is_some() || !files.tree_extra.is_empty() => {
            let builtin_files = CatalogFiles {
                tree: None,
                tree_extra: Vec::new(),
                ..files
            };
            let builtin = load_catalog(&builtin_files, lang)?;
            let languages = languages(&builtin_files, Arc::new(builtin), false);
            crate::ui::run_with_tree_problem(input, options, languages, problem.0, ui)
                .map_err(stopped)
        }
        Err(problem) => Err(problem),
    }
}

/// The language `--lang` names, else the system's.
pub fn chosen_lang(c: &CommonArgs) -> Lang {
    c.lang.unwrap_or_else(crate::i18n::system::detect)
}

/// The wizard's languages: it starts in `catalog`, and (unless the language is fixed) the
/// start screen's switch loads another language from the same files when the person picks
/// it. Nothing else is loaded before the first frame; a language that does not load then
/// is not offered any more.
pub fn languages(files: &CatalogFiles, catalog: Arc<Catalog>, fixed: bool) -> crate::ui::Languages {
    if fixed {
        return crate::ui::Languages::single(catalog);
    }
    let files = files.clone();
    let loader = crate::ui::CatalogLoader::new(move |lang| {
        load_catalog(&files, lang)
            .map(Arc::new)
            .map_err(|UsageError(line)| line)
    });
    crate::ui::Languages::switchable(catalog, loader)
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
    input.server.clone_from(&c.server);
    input.port = c.port;
    input.security = c.security;
    input.user.clone_from(&c.user);
    input.error_text.clone_from(&c.error_text);
    let options = Options {
        timeout: c.timeout,
        dns_server: c.dns_server,
        public_ip_dns: c.public_ip_dns,
        ca_file: c.ca_file.clone(),
        reference: c.reference.clone(),
        rcpt: c.rcpt.clone(),
        allow_plaintext_auth: c.allow_plaintext_auth,
        new_account: c.new_account,
        blocklists: blocklists_from(c)?,
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

/// The blocklists of `--blocklists FILE` (with or instead of the embedded ones); a problem
/// in the file becomes one line naming its file, line and column.
fn blocklists_from(
    c: &CommonArgs,
) -> Result<Option<Arc<crate::checks::blocklist::Blocklists>>, UsageError> {
    let Some(path) = &c.blocklists else {
        return Ok(None);
    };
    match crate::checks::blocklist::Blocklists::load(Some(path)) {
        Ok(lists) => Ok(Some(Arc::new(lists))),
        Err(errors) => {
            let first = errors
                .0
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            let more = match errors.0.len() {
                0 | 1 => String::new(),
                n => format!(" (and {} more problems)", n - 1),
            };
            Err(UsageError(format!("--blocklists: {first}{more}")))
        }
    }
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
pub fn load_catalog(files: &CatalogFiles, lang: Lang) -> Result<Catalog, UsageError> {
    Catalog::load_lang(files, lang).map_err(|e| match e {
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
            let first = errs
                .0
                .first()
                .map(std::string::ToString::to_string)
                .unwrap_or_default();
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

fn check(args: &CheckArgs) -> Result<i32, UsageError> {
    let (input, options) = input_from(&args.email, &args.common)?;
    export::refuse_existing(args)?;
    let lang = chosen_lang(&args.common);
    let catalog = Arc::new(load_catalog(&catalog_files(&args.common), lang)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| UsageError(format!("cannot start: {e}")))?;
    let facts = runtime.block_on(collect_facts(catalog.clone(), &input, options.clone()))?;
    // The checks not needed for the result are dropped here; sockets still closing and a
    // blocking task (the public trust store) must not hold the exit.
    runtime.shutdown_timeout(Duration::from_millis(100));
    let d = diagnosis::diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    let report = Report::new(&d).in_lang(catalog.lang);

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
    let exported = export::write_requested(args, &d);
    if let Err(lines) = &exported {
        for line in lines {
            eprintln!("smtp-doctor: {line}");
        }
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
        Verdict::Ok if exported.is_ok() => 0,
        Verdict::Ok | Verdict::Problem | Verdict::Inconclusive => 1,
    })
}

/// Runs the checks until the diagnosis is settled, then walks the tree with the questions
/// answered from the input.
pub async fn diagnose_once(
    catalog: Arc<Catalog>,
    input: Input,
    options: Options,
) -> Result<Report, UsageError> {
    let facts = collect_facts(catalog.clone(), &input, options).await?;
    let d = diagnosis::diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    Ok(Report::new(&d).in_lang(catalog.lang))
}

/// Runs the checks and gathers what they found until the diagnosis is settled (see
/// `diagnosis::settled`): checks still running then are not needed for the result and stop
/// when the receiver is dropped.
pub async fn collect_facts(
    catalog: Arc<Catalog>,
    input: &Input,
    options: Options,
) -> Result<Facts, UsageError> {
    let engine = Engine::new(input.clone(), options, catalog.clone())
        .map_err(|e| UsageError(e.to_string()))?;
    let mut rx = engine.start();
    let mut facts = Facts::default();
    while let Some(fact) = rx.recv().await {
        facts.apply(fact);
        if facts.done {
            break;
        }
        let d = diagnosis::diagnose(&catalog, input, &facts, QuestionMode::UseDefaults);
        if diagnosis::settled::is_settled(&catalog, input, &facts, &d) {
            break;
        }
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wizard's switch loads from the files the wizard started with, when asked; a
    /// file gone since then is a one-line problem naming it.
    #[test]
    fn the_switch_loads_a_language_from_the_same_files_when_asked() {
        let dir = std::env::temp_dir().join(format!("smtp-doctor-switch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tree = dir.join("tree.toml");
        std::fs::write(&tree, crate::tree::EMBEDDED).unwrap();
        let files = CatalogFiles {
            tree: Some(tree.clone()),
            ..CatalogFiles::default()
        };
        let start = Arc::new(load_catalog(&files, Lang::En).unwrap());
        let fixed = languages(&files, start.clone(), true);
        assert!(fixed.loader.is_none());
        let switchable = languages(&files, start, false);
        let loader = switchable.loader.expect("a switch");
        assert_eq!(loader.load(Lang::De).unwrap().lang, Lang::De);
        std::fs::remove_file(&tree).unwrap();
        let problem = loader.load(Lang::Fr).unwrap_err();
        let _ = std::fs::remove_dir(&dir);
        assert!(!problem.contains('\n'), "{problem}");
        assert!(problem.contains("tree.toml"), "{problem}");
    }

    #[test]
    fn clap_errors_become_one_line() {
        let err = Cli::try_parse_from(["smtp-doctor", "check"]).unwrap_err();
        let line = one_line(&err.render().to_string());
        assert!(!line.contains('\n'));
        assert!(line.contains("--email"), "{line}");
    }
}
