//! `smtp-doctor server --audit`: every blocked address joined with the logs, printed and
//! saved; with `--apply`, after consent, the customers lifted and whitelisted.

use std::io::Write;

use super::args::ServerArgs;
use super::server::server_request;
use super::UsageError;

/// The audit's request the options describe.
pub fn audit_request(args: &ServerArgs) -> crate::server::audit::run::AuditRequest {
    use crate::server::audit::run::{AuditRequest, DEFAULT_AUDIT_SINCE_SECS};
    AuditRequest {
        since: args.since.unwrap_or(DEFAULT_AUDIT_SINCE_SECS),
        paths: server_request(args).paths,
        timeout: args.timeout,
    }
}

pub(super) fn run(args: &ServerArgs) -> Result<i32, UsageError> {
    use crate::server::audit::{run as arun, text as atext};
    use crate::server::{apply, request};

    let consent = super::server::preflight(args)?;
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
                    // The audit first, so the question is asked knowing it.
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
                        save(args, &after)?;
                        return Ok(after.exit_code());
                    }
                    after
                } else {
                    let declined = arun::not_run(report, true);
                    if !args.json {
                        out("Nothing was changed.\n");
                        save(args, &declined)?;
                        return Ok(declined.exit_code());
                    }
                    declined
                }
            }
        }
    };
    save(args, &report)?;
    if args.json {
        out(&(report.to_json() + "\n"));
    } else {
        out(&atext::render(&report));
    }
    Ok(report.exit_code())
}

/// `--save FILE`: the audit's text form.
fn save(args: &ServerArgs, report: &crate::server::audit::AuditReport) -> Result<(), UsageError> {
    if let Some(path) = &args.save {
        std::fs::write(path, crate::server::audit::text::render(report))
            .map_err(|e| UsageError(format!("--save {}: {e}", path.display())))?;
    }
    Ok(())
}
