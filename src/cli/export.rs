//! `check --write-thunderbird FILE` and `--write-mobileconfig FILE`: the verified settings
//! written as files, whole and only when the test proved them.

use std::path::{Path, PathBuf};

use super::{CheckArgs, UsageError};
use crate::diagnosis::Diagnosis;
use crate::export::{self, Account, ExportError};

/// The files asked for, each with its option name and renderer.
fn requested(args: &CheckArgs) -> Vec<(&'static str, &Path, Renderer)> {
    let mut out: Vec<(&'static str, &Path, Renderer)> = Vec::new();
    if let Some(p) = &args.write_thunderbird {
        out.push(("--write-thunderbird", p, export::autoconfig::render));
    }
    if let Some(p) = &args.write_mobileconfig {
        out.push(("--write-mobileconfig", p, export::mobileconfig::render));
    }
    out
}

type Renderer = fn(&Account) -> Result<String, ExportError>;

/// Before the test: an existing file is refused now, not after a minute of checks.
pub(super) fn refuse_existing(args: &CheckArgs) -> Result<(), UsageError> {
    for (option, path, _) in requested(args) {
        if path.symlink_metadata().is_ok() {
            return Err(UsageError(format!(
                "{option} {}: the file exists already; choose another name or remove it",
                path.display()
            )));
        }
    }
    Ok(())
}

/// After the test: writes each file asked for, or says in one line why not. Returns the
/// files written; `Err` carries the lines for a problem (exit status 1).
pub(super) fn write_requested(
    args: &CheckArgs,
    d: &Diagnosis,
) -> Result<Vec<PathBuf>, Vec<String>> {
    let wanted = requested(args);
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let Some(account) = export::account_of(d, args.incoming.clone()) else {
        return Err(wanted
            .iter()
            .map(|(option, path, _)| {
                format!(
                    "{option} {}: nothing written, because this test did not prove settings that work",
                    path.display()
                )
            })
            .collect());
    };
    let mut written = Vec::new();
    let mut problems = Vec::new();
    for (option, path, render) in wanted {
        match render(&account)
            .map_err(|e| e.to_string())
            .and_then(|text| export::file::write_new(path, &text))
        {
            Ok(()) => written.push(path.to_path_buf()),
            Err(e) => problems.push(format!("{option} {}: nothing written: {e}", path.display())),
        }
    }
    if problems.is_empty() {
        Ok(written)
    } else {
        Err(problems)
    }
}
