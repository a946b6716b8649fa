//! `smtp-doctor server`: the request the options describe, the look (and with `--apply` the
//! unblock, after consent), the report printed and saved.

use std::io::Write;
use std::net::IpAddr;

use super::args::ServerArgs;
use super::UsageError;

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

/// What both `server` and `server --audit` settle before reading anything, so that a refusal
/// changes nothing and prints nothing: `--apply`'s consent and that every `--log` exists.
pub(super) fn preflight(
    args: &ServerArgs,
) -> Result<Option<crate::server::apply::Consent>, UsageError> {
    use std::io::IsTerminal;
    let consent = if args.apply {
        Some(
            crate::server::apply::consent(args.yes, std::io::stdin().is_terminal())
                .map_err(|e| UsageError(e.into()))?,
        )
    } else {
        None
    };
    for log in &args.logs {
        std::fs::metadata(log).map_err(|e| UsageError(format!("--log {}: {e}", log.display())))?;
    }
    Ok(consent)
}

/// `smtp-doctor server`: read every source, diagnose, print; with `--apply`, ask, run the
/// unblock commands and read again.
pub(super) fn run(args: &ServerArgs) -> Result<i32, UsageError> {
    use crate::server::{apply, report as sreport, request, run};

    let consent = preflight(args)?;
    let req = server_request(args);
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
                        save_server(args, &declined)?;
                        return Ok(declined.exit_code());
                    }
                    declined
                }
            }
        }
    };
    save_server(args, &report)?;
    if args.json {
        out(&(report.to_json() + "\n"));
    } else {
        out(&sreport::text::render(&report));
    }
    Ok(report.exit_code())
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
