//! The mail-log source of server mode: the lines about the client's address (and, with an
//! account, that account's sign-ins and refusals from any address) inside the time window,
//! from the files the user named, else the usual Debian/RHEL/cPanel/Plesk/Exim/Dovecot log
//! files and their rotations, else the systemd journal.
//!
//! Layers: `paths` (which files), `reader` (streaming plain/gzip with a `memmem` prefilter),
//! `time` and `line` (timestamps and layouts), `postfix`, `dovecot`, `exim` (classifiers,
//! pure), `files` and `journal` (one source each), `entries` (the report's rows).
//! Files are read on one thread each (up to the number of CPUs), largest first.

pub mod classified;
pub mod classify;
pub mod dovecot;
pub mod entries;
pub mod exim;
pub mod files;
pub mod journal;
pub mod line;
pub mod matcher;
pub mod multi;
pub mod paths;
pub mod postfix;
pub mod reader;
pub mod time;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::server::context::Ctx;
use crate::server::model::{LogEntry, LogOutcome, SourceEntry, SourceStatus};

use files::{scan_file, FileResult, FileScan};
use journal::{read_journal, JournalRun, JOURNAL_MAX_RECORDS};
use matcher::Matcher;
use paths::LogFile;
use time::{HostZone, LocalZone};

/// What `scan` runs with on a host; tests point it at a folder, a zone and a fake journalctl.
pub struct ScanOptions<'a> {
    /// The zone local timestamps are in (the host's).
    pub zone: &'a (dyn LocalZone + Sync),
    /// The usual paths are looked up below this folder (`/`).
    pub root: &'a Path,
    /// The journalctl to run (`journalctl`, found on PATH).
    pub journalctl: &'a str,
    /// Bytes per read (`reader::CHUNK`).
    pub chunk: usize,
}

impl ScanOptions<'static> {
    pub fn host() -> ScanOptions<'static> {
        ScanOptions {
            zone: &HostZone,
            root: Path::new("/"),
            journalctl: "journalctl",
            chunk: reader::CHUNK,
        }
    }
}

/// The client's log lines in time order and one source entry per file (or the journal).
pub fn scan(ctx: &Ctx) -> LogOutcome {
    scan_with(ctx, &ScanOptions::host())
}

pub fn scan_with(ctx: &Ctx, opts: &ScanOptions<'_>) -> LogOutcome {
    let matcher = Matcher::new(ctx.client, ctx.account.as_deref());
    let named = !ctx.paths.logs.is_empty();
    let files = if named {
        paths::named_files(&ctx.paths.logs)
    } else {
        paths::usual_files(opts.root)
    };
    let scan = FileScan {
        matcher: &matcher,
        window: ctx.window,
        zone: opts.zone,
        chunk: opts.chunk,
    };
    let results = scan_all(&files, &scan);

    let mut outcome = LogOutcome::default();
    let mut per_source: Vec<Vec<LogEntry>> = Vec::new();
    let mut current_in_window = false;
    for (f, r) in files.iter().zip(results) {
        if !f.rotated && r.last_written.is_some_and(|t| t >= ctx.window.since) {
            current_in_window = true;
        }
        outcome.sources.push(r.source);
        per_source.push(r.entries);
    }
    // The journal when the user named no file and no usual log was written in the window.
    if !named && !current_in_window {
        let why = if files.iter().any(|f| !f.rotated) {
            "the usual mail log files were last written before the window"
        } else {
            "no mail log file at the usual paths"
        };
        let run = JournalRun {
            program: opts.journalctl,
            window: ctx.window,
            command_timeout: ctx.command_timeout,
            max_records: JOURNAL_MAX_RECORDS,
        };
        let (source, entries) = read_journal(&run, &matcher, why);
        outcome.sources.push(source);
        per_source.push(entries);
    }
    outcome.entries = merge(per_source);
    outcome
}

/// Reads every file, the largest first, on up to one thread per CPU; results in file order.
fn scan_all(files: &[LogFile], scan: &FileScan<'_>) -> Vec<FileResult> {
    let mut order: Vec<usize> = (0..files.len()).collect();
    let size = |i: usize| std::fs::metadata(&files[i].path).map_or(0, |m| m.len());
    order.sort_by_key(|&i| std::cmp::Reverse(size(i)));
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len());
    let mut slots: Vec<Option<FileResult>> = files.iter().map(|_| None).collect();
    if workers <= 1 {
        for &i in &order {
            slots[i] = Some(scan_file(&files[i], scan));
        }
    } else {
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    s.spawn(|| {
                        let mut done = Vec::new();
                        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                            done.push((i, scan_file(&files[i], scan)));
                        }
                        done
                    })
                })
                .collect();
            for h in handles {
                if let Ok(done) = h.join() {
                    for (i, r) in done {
                        slots[i] = Some(r);
                    }
                }
            }
        });
    }
    slots
        .into_iter()
        .zip(files)
        .map(|(r, f)| {
            r.unwrap_or_else(|| FileResult {
                source: SourceEntry::new(
                    f.path.display().to_string(),
                    SourceStatus::Error,
                    "the reader stopped unexpectedly",
                ),
                entries: Vec::new(),
                last_written: None,
            })
        })
        .collect()
}

/// All sources' entries in time order (a stable sort: lines of one second keep their file
/// order); a line that two files both hold (mail.log and a copy, Exim's main and reject
/// logs) is shown once.
fn merge(per_source: Vec<Vec<LogEntry>>) -> Vec<LogEntry> {
    let mut all: Vec<(usize, LogEntry)> = per_source
        .into_iter()
        .enumerate()
        .flat_map(|(i, v)| v.into_iter().map(move |e| (i, e)))
        .collect();
    all.sort_by_key(|(_, e)| e.unix);
    let mut first_source: HashMap<(i64, String), usize> = HashMap::new();
    all.into_iter()
        .filter(|(i, e)| *first_source.entry((e.unix, e.line.clone())).or_insert(*i) == *i)
        .map(|(_, e)| e)
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    /// A fresh folder for one test (removed by the test).
    pub fn tempdir(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!(
            "smtp-doctor-logs-{tag}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
