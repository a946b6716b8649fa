//! `--apply`: runs the unblock commands of the blocking entries, only after consent, and
//! says what came of each. Commands are split back into words (`shell_words::split`) and
//! run directly (`exec::run`), never through a shell, and only when their program is one
//! of the firewall and ban-list tools whose commands the sources write.
//!
//! Consent is decided before anything is read ([`consent`]): `--yes`, or a terminal to
//! ask on; with neither the command refuses (exit 2). The question lists exactly what will
//! run ([`prompt`]).

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::time::Duration;

pub use super::applied::{ApplyReport, CommandOutcome};
use super::exec::ExecError;
use super::model::escape_control;
use super::report::ServerReport;

/// How `--apply` gets its go-ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// `--yes`: run without asking.
    Given,
    /// Ask on the terminal.
    Ask,
}

pub const NEEDS_TERMINAL: &str = "--apply asks before it changes anything, and there is no terminal to ask on; add --yes to run the unblock commands without asking";

/// Decided before anything is read, so that a refusal changes nothing and prints nothing.
pub fn consent(yes: bool, terminal: bool) -> Result<Consent, &'static str> {
    match (yes, terminal) {
        (true, _) => Ok(Consent::Given),
        (false, true) => Ok(Consent::Ask),
        (false, false) => Err(NEEDS_TERMINAL),
    }
}

/// The question, listing exactly what will run.
pub fn prompt(commands: &[String]) -> String {
    let mut s = String::from("These commands will run now, one after another (no shell):\n");
    for (i, c) in commands.iter().enumerate() {
        let _ = writeln!(s, "  {}. {}", i + 1, escape_control(c));
    }
    s.push_str("Run them? [y/N] ");
    s
}

/// Only a clear yes counts; anything else (and end of input) is no.
pub fn is_yes(answer: &str) -> bool {
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// Asks on standard error and reads the answer from standard input (the terminal).
pub fn ask_on_terminal(commands: &[String]) -> std::io::Result<bool> {
    let mut err = std::io::stderr().lock();
    err.write_all(prompt(commands).as_bytes())?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(is_yes(&line))
}

/// The tools whose unblock commands the sources write. Anything else is not run, so that
/// no text read from a rule or a list can make this program run another program.
pub const TOOLS: [&str; 13] = [
    "csf",
    "fail2ban-client",
    "iptables",
    "ip6tables",
    "iptables-legacy",
    "ip6tables-legacy",
    "iptables-nft",
    "ip6tables-nft",
    "nft",
    "ipset",
    "postmap",
    "postfix",
    "postconf",
];

fn program_allowed(program: &str) -> bool {
    let name = std::path::Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    TOOLS.contains(&name)
}

/// Is `command` one this program would run: its words can be read and its program is one
/// of [`TOOLS`] (a configuration line such as fail2ban's `ignoreip = ...` is not)?
pub fn runnable(command: &str) -> bool {
    shell_words::split(command)
        .ok()
        .and_then(|w| w.first().map(|p| program_allowed(p)))
        .unwrap_or(false)
}

/// Runs a program with a time budget: `exec::run` on the host, a fake in tests.
pub type RunFn<'a> = &'a dyn Fn(&str, &[&str], Duration) -> Result<String, ExecError>;

fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut out: String = escape_control(line).chars().take(200).collect();
    if out.is_empty() {
        out = "done".into();
    }
    out
}

/// Runs every command in order (one failing does not stop the next: they lift different
/// blocks) and says what became of each.
pub fn run_commands(commands: &[String], timeout: Duration, run: RunFn) -> Vec<CommandOutcome> {
    commands
        .iter()
        .map(|c| {
            let outcome = |ok: bool, detail: String| CommandOutcome {
                command: c.clone(),
                ok,
                detail,
            };
            let words = match shell_words::split(c) {
                Ok(w) => w,
                Err(e) => return outcome(false, format!("not run: cannot read the command ({e})")),
            };
            let Some((program, args)) = words.split_first() else {
                return outcome(false, "not run: empty command".into());
            };
            if !program_allowed(program) {
                return outcome(
                    false,
                    format!(
                        "not run: {} is not one of the firewall tools smtp-doctor runs ({})",
                        escape_control(program),
                        TOOLS.join(", ")
                    ),
                );
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            match run(program, &args, timeout) {
                Ok(out) => outcome(true, first_line(&out)),
                Err(e) => outcome(false, escape_control(&e.to_string())),
            }
        })
        .collect()
}

/// The report read again after the commands, with what ran and the blocks before.
pub fn finish(
    before: &ServerReport,
    mut after: ServerReport,
    commands: Vec<CommandOutcome>,
) -> ServerReport {
    let gone = after.mail_blocks().is_empty();
    after.apply = Some(ApplyReport {
        declined: false,
        commands,
        before: before.blocks.clone(),
        block_gone: Some(gone),
    });
    after
}

/// The report unchanged, noting that nothing ran (declined, or nothing to run).
pub fn not_run(mut report: ServerReport, declined: bool) -> ServerReport {
    report.apply = Some(ApplyReport {
        declined,
        commands: Vec::new(),
        before: report.blocks.clone(),
        block_gone: None,
    });
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::report::tests::sample;
    use std::cell::RefCell;

    #[test]
    fn consent_needs_yes_or_a_terminal() {
        assert_eq!(consent(true, false), Ok(Consent::Given));
        assert_eq!(consent(true, true), Ok(Consent::Given));
        assert_eq!(consent(false, true), Ok(Consent::Ask));
        let refusal = consent(false, false).unwrap_err();
        assert!(refusal.contains("--yes") && !refusal.contains('\n'));
    }

    #[test]
    fn the_question_lists_exactly_what_runs() {
        let p = prompt(&[
            "csf -dr 198.51.100.7".into(),
            "nft delete rule inet f input handle 7".into(),
        ]);
        assert_eq!(
            p,
            "These commands will run now, one after another (no shell):\n  1. csf -dr 198.51.100.7\n  2. nft delete rule inet f input handle 7\nRun them? [y/N] "
        );
        assert!(is_yes("y\n") && is_yes(" YES ") && !is_yes("") && !is_yes("n") && !is_yes("yep"));
    }

    #[test]
    fn commands_run_as_words_without_a_shell() {
        let calls = RefCell::new(Vec::new());
        let fake = |p: &str, a: &[&str], _t: Duration| -> Result<String, ExecError> {
            calls.borrow_mut().push((
                p.to_string(),
                a.iter()
                    .map(std::string::ToString::to_string)
                    .collect::<Vec<_>>(),
            ));
            match p.rsplit('/').next().unwrap_or(p) {
                "csf" => Ok("\nDENYIN  all  198.51.100.7  removed\n".into()),
                _ => Err(ExecError::Failed {
                    program: p.into(),
                    status: 1,
                    stderr: "IP 198.51.100.7 is not banned".into(),
                }),
            }
        };
        let out = run_commands(
            &[
                "csf -dr 198.51.100.7".into(),
                "fail2ban-client set 'postfix sasl' unbanip 198.51.100.7".into(),
                "sh -c 'rm -rf /'".into(),
                "csf -dr 'unclosed".into(),
                "/usr/sbin/csf -a 198.51.100.7 'customer; reboot'".into(),
            ],
            Duration::from_secs(1),
            &fake,
        );
        assert_eq!(
            *calls.borrow(),
            [
                (
                    "csf".to_string(),
                    vec!["-dr".to_string(), "198.51.100.7".to_string()]
                ),
                (
                    "fail2ban-client".to_string(),
                    vec!["set", "postfix sasl", "unbanip", "198.51.100.7"]
                        .into_iter()
                        .map(String::from)
                        .collect()
                ),
                (
                    "/usr/sbin/csf".to_string(),
                    vec!["-a", "198.51.100.7", "customer; reboot"]
                        .into_iter()
                        .map(String::from)
                        .collect()
                ),
            ]
        );
        assert!(out[0].ok);
        assert_eq!(out[0].detail, "DENYIN  all  198.51.100.7  removed");
        assert!(!out[1].ok);
        assert!(out[1].detail.contains("is not banned"));
        assert!(!out[2].ok && out[2].detail.starts_with("not run: sh is not one of"));
        assert!(!out[3].ok && out[3].detail.starts_with("not run: cannot read"));
        assert!(out[4].ok);
    }

    #[test]
    fn reading_again_tells_whether_the_block_is_gone() {
        let before = sample();
        let mut after = sample();
        after.blocks.clear();
        let outcomes = vec![CommandOutcome {
            command: "csf -dr 198.51.100.7".into(),
            ok: true,
            detail: "done".into(),
        }];
        let r = finish(&before, after, outcomes.clone());
        let a = r.apply.as_ref().unwrap();
        assert_eq!(a.block_gone, Some(true));
        assert_eq!(a.before.len(), 2);
        let still = finish(&before, sample(), outcomes);
        assert_eq!(still.apply.unwrap().block_gone, Some(false));
        let declined = not_run(sample(), true);
        let v: serde_json::Value = serde_json::from_str(&declined.to_json()).unwrap();
        assert_eq!(v["apply"]["declined"], true);
        assert!(v["apply"]["block_gone"].is_null());
        assert_eq!(v["apply"]["commands"].as_array().unwrap().len(), 0);
    }
}
