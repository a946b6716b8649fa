//! Reading one log file: skip it when it was last written before the window, seek past the
//! lines before the window in a large plain file, stream the rest through the prefilter,
//! and turn the client's lines inside the window into entries.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::time::UNIX_EPOCH;

use crate::server::context::Window;
use crate::server::model::{LogEntry, LogEvent, SourceEntry, SourceStatus};

use super::classify::classify;
use super::entries::{account_line_counts, make_entry, Kept, MAX_ENTRIES};
use super::line::parse_line;
use super::matcher::Matcher;
use super::paths::LogFile;
use super::reader::{
    is_gzip, open_stream, scan_lines, window_start_offset, Candidate, Flow, ScanStats,
    SEEK_MIN_BYTES, SEEK_SLACK_SECS,
};
use super::time::{resolve, rfc3339, LocalZone};

/// What every file is read with.
pub struct FileScan<'a> {
    pub matcher: &'a Matcher,
    pub window: Window,
    pub zone: &'a (dyn LocalZone + Sync),
    /// Read size (reader::CHUNK outside tests).
    pub chunk: usize,
}

#[derive(Debug)]
pub struct FileResult {
    pub source: SourceEntry,
    pub entries: Vec<LogEntry>,
    /// Modification time (Unix seconds), when the file could be looked at.
    pub last_written: Option<i64>,
}

impl FileResult {
    fn only(
        name: &str,
        status: SourceStatus,
        detail: impl Into<String>,
        last_written: Option<i64>,
    ) -> FileResult {
        FileResult {
            source: SourceEntry::new(name, status, detail),
            entries: Vec::new(),
            last_written,
        }
    }
}

/// `812 MB`, `4.2 MB`, `900 KB`, `512 bytes` (decimal units, as `ls -h --si` shows them).
pub fn human_size(bytes: u64) -> String {
    let b = bytes as f64;
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.0} KB", b / 1e3)
    } else if bytes < 10_000_000 {
        format!("{:.1} MB", b / 1e6)
    } else if bytes < 1_000_000_000 {
        format!("{:.0} MB", b / 1e6)
    } else {
        format!("{:.1} GB", b / 1e9)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn io_status(e: &io::Error) -> (SourceStatus, String) {
    match e.kind() {
        io::ErrorKind::NotFound => (SourceStatus::Absent, "no such file".to_string()),
        io::ErrorKind::PermissionDenied => (
            SourceStatus::Denied,
            "permission denied (run as root)".to_string(),
        ),
        _ => (SourceStatus::Error, e.to_string()),
    }
}

/// After an `SSL_accept error` line, Postfix writes the reason on the next line of the same
/// process: `warning: TLS library problem: ...` (without the client's address). It is
/// looked for in the next few lines of the chunk.
fn tls_library_line<'a>(line: &str, message: &str, after: &'a [u8]) -> Option<&'a [u8]> {
    let prefix = line.get(..line.len().checked_sub(message.len())?)?;
    let tag = prefix.trim_end().rsplit(' ').next()?; // `postfix/submissions/smtpd[8169]:`
    if !tag.ends_with("]:") {
        return None;
    }
    let want = format!("{tag} warning: TLS library problem: ");
    after
        .split(|&b| b == b'\n')
        .take(3)
        .find(|l| memchr::memmem::find(l, want.as_bytes()).is_some())
}

/// A log file opened for the window: positioned past the lines before it when it is a
/// large plain file, decompressed when it is gzip.
pub struct Opened {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
    pub gzip: bool,
    /// Bytes skipped at the start (before the window).
    pub offset: u64,
    pub size: u64,
    /// Modification time (Unix seconds), when it could be learned.
    pub last_written: Option<i64>,
    /// The newest a line of the file can be: for timestamps without a year.
    pub reference: i64,
}

/// Opens `f` for the lines of `window`, or says why it is not read (absent, denied, a
/// folder, last written before the window) as the file's result.
pub fn open_for_window(
    f: &LogFile,
    window: Window,
    zone: &(dyn LocalZone + Sync),
) -> Result<Opened, FileResult> {
    let name = f.path.display().to_string();
    let meta = match std::fs::metadata(&f.path) {
        Ok(m) => m,
        Err(e) => {
            let (status, detail) = io_status(&e);
            return Err(FileResult::only(&name, status, detail, None));
        }
    };
    if meta.is_dir() {
        return Err(FileResult::only(
            &name,
            SourceStatus::Error,
            "is a folder, not a log file",
            None,
        ));
    }
    let last_written = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok());
    // The newest line of a file is no newer than its modification time.
    let reference = last_written.unwrap_or(window.until);
    if last_written.is_some_and(|t| t < window.since) {
        return Err(FileResult::only(
            &name,
            SourceStatus::Read,
            format!(
                "{}, not opened: last written {}, before the window",
                human_size(meta.len()),
                rfc3339(reference)
            ),
            last_written,
        ));
    }
    let mut file = match File::open(&f.path) {
        Ok(file) => file,
        Err(e) => {
            let (status, detail) = io_status(&e);
            return Err(FileResult::only(&name, status, detail, last_written));
        }
    };
    let size = meta.len();
    let time_of = |line: &[u8]| -> Option<i64> {
        let p = parse_line(std::str::from_utf8(line).ok()?)?;
        resolve(p.stamp, zone, reference)
    };
    let mut offset = 0;
    if meta.is_file() && size >= SEEK_MIN_BYTES {
        let mut magic = [0u8; 2];
        let plain = file.read_exact(&mut magic).is_ok() && !is_gzip(&magic);
        if plain {
            offset = window_start_offset(&mut file, size, window.since, &time_of).unwrap_or(0);
        }
        if let Err(e) = file.seek(SeekFrom::Start(0)) {
            return Err(FileResult::only(
                &name,
                SourceStatus::Error,
                e.to_string(),
                last_written,
            ));
        }
    }
    let (reader, gzip) = match open_stream(file, offset) {
        Ok(r) => r,
        Err(e) => {
            let (status, detail) = io_status(&e);
            return Err(FileResult::only(&name, status, detail, last_written));
        }
    };
    Ok(Opened {
        name,
        reader,
        gzip,
        offset,
        size,
        last_written,
        reference,
    })
}

/// What a read of `o` came to, for its `sources[]` entry: size, lines found, what was
/// skipped, and the error that ended it early, if any.
pub fn read_detail(
    o: &Opened,
    stats: &ScanStats,
    matching: usize,
    notes: &[String],
) -> (SourceStatus, String) {
    let mut detail = if o.gzip {
        format!(
            "{} gzip ({} uncompressed)",
            human_size(o.size),
            human_size(stats.bytes)
        )
    } else {
        human_size(o.size)
    };
    detail.push_str(&format!(
        ", {} in the window",
        plural(matching, "matching line", "matching lines")
    ));
    if o.offset > 0 {
        detail.push_str(&format!(
            "; the first {} skipped (before the window)",
            human_size(o.offset)
        ));
    }
    for n in notes {
        detail.push_str("; ");
        detail.push_str(n);
    }
    if stats.overlong > 0 {
        detail.push_str(&format!(
            "; {} over 1 MB skipped",
            plural(stats.overlong as usize, "line", "lines")
        ));
    }
    match &stats.error {
        Some(e) => {
            detail.push_str(&format!(
                "; read error after {}: {e}",
                human_size(stats.bytes)
            ));
            (SourceStatus::Error, detail)
        }
        None => (SourceStatus::Read, detail),
    }
}

/// Reads one file. Never fails: what goes wrong is the source entry's status and detail.
pub fn scan_file(f: &LogFile, s: &FileScan<'_>) -> FileResult {
    let mut o = match open_for_window(f, s.window, s.zone) {
        Ok(o) => o,
        Err(result) => return result,
    };
    let name = o.name.clone();
    let reference = o.reference;
    let zone = s.zone;
    let mut kept = Kept::new();
    let (mut matching, mut untimed, mut past_end) = (0usize, 0usize, false);
    let window = s.window;
    let add = |text: &str, kept: &mut Kept, matching: &mut usize| -> Option<()> {
        let p = parse_line(text)?;
        let unix = resolve(p.stamp, zone, reference)?;
        let c = classify(p.family, p.message);
        kept.push(make_entry(&name, text, p.program, unix, c));
        *matching += 1;
        Some(())
    };
    let mut on_line = |c: Candidate<'_>| -> Flow {
        let mention = s.matcher.mentions(c.line);
        if !mention.any() {
            return Flow::Continue;
        }
        let text = String::from_utf8_lossy(c.line);
        let Some(p) = parse_line(&text) else {
            untimed += 1;
            return Flow::Continue;
        };
        let Some(unix) = resolve(p.stamp, zone, reference) else {
            untimed += 1;
            return Flow::Continue;
        };
        if unix < window.since {
            return Flow::Continue;
        }
        if unix > window.until {
            // Lines are in time order: well past the end, nothing later can be inside.
            if unix > window.until.saturating_add(SEEK_SLACK_SECS) {
                past_end = true;
                return Flow::Stop;
            }
            return Flow::Continue;
        }
        let classified = classify(p.family, p.message);
        if !mention.client && !account_line_counts(classified.event) {
            return Flow::Continue;
        }
        let follow =
            classified.event == LogEvent::TlsFailed && p.message.starts_with("SSL_accept error");
        kept.push(make_entry(&name, &text, p.program, unix, classified));
        matching += 1;
        if follow {
            if let Some(lib) = tls_library_line(&text, p.message, c.after) {
                add(&String::from_utf8_lossy(lib), &mut kept, &mut matching);
            }
        }
        Flow::Continue
    };
    let stats = scan_lines(&mut o.reader, &s.matcher.needles(), s.chunk, &mut on_line);

    let (entries, dropped) = kept.into_parts();
    let mut notes = Vec::new();
    if past_end {
        notes.push("stopped at the lines after the window".to_string());
    }
    if untimed > 0 {
        notes.push(format!(
            "{} without a readable time",
            plural(untimed, "matching line", "matching lines")
        ));
    }
    if dropped > 0 {
        notes.push(format!("only the latest {MAX_ENTRIES} kept"));
    }
    let (status, detail) = read_detail(&o, &stats, matching, &notes);
    FileResult {
        source: SourceEntry::new(name, status, detail),
        entries,
        last_written: o.last_written,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(900_000), "900 KB");
        assert_eq!(human_size(4_200_000), "4.2 MB");
        assert_eq!(human_size(812_000_000), "812 MB");
        assert_eq!(human_size(1_300_000_000), "1.3 GB");
    }

    #[test]
    fn tls_follow_up_line() {
        let line = "Dec 01 10:38:44 mail postfix/submissions/smtpd[8169]: SSL_accept error from c[198.51.100.7]: -1";
        let message = "SSL_accept error from c[198.51.100.7]: -1";
        let after = b"Dec 01 10:38:44 mail postfix/submissions/smtpd[8169]: warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol\nDec 01 10:38:44 mail x[1]: y\n";
        let got = tls_library_line(line, message, after).unwrap();
        assert!(got.ends_with(b"unsupported protocol"));
        let other_pid = b"Dec 01 10:38:44 mail postfix/submissions/smtpd[9999]: warning: TLS library problem: x\n";
        assert!(tls_library_line(line, message, other_pid).is_none());
    }
}
