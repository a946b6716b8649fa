//! Reading one log file: skip it when it was last written before the window, seek past the
//! lines before the window in a large plain file, stream the rest through the prefilter,
//! and turn the client's lines inside the window into entries.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::time::UNIX_EPOCH;

use crate::server::context::Window;
use crate::server::model::{LogEntry, LogEvent, SourceEntry, SourceStatus};

use super::classify::{classify, Classified};
use super::entries::{account_line_counts, make_entry, Kept, MAX_ENTRIES};
use super::line::parse_line;
use super::matcher::Matcher;
use super::paths::LogFile;
use super::reader::{
    is_gzip, open_stream, scan_lines, window_start_offset, Candidate, Flow, ScanStats,
    SEEK_MIN_BYTES, SEEK_SLACK_SECS,
};
use super::time::{resolve, rfc3339, LocalZone, MemoZone};

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
    // Shown with at most one decimal: f64's 52-bit mantissa loses nothing visible.
    #[allow(clippy::cast_precision_loss)]
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

/// The client's lines of one file, as they stream past.
struct Collector<'a> {
    name: &'a str,
    matcher: &'a Matcher,
    window: Window,
    zone: &'a dyn LocalZone,
    /// The file's modification time: gives year-less lines their year.
    reference: i64,
    kept: Kept,
    matching: usize,
    untimed: usize,
    past_end: bool,
}

impl Collector<'_> {
    fn on_line(&mut self, c: Candidate<'_>) -> Flow {
        let mention = self.matcher.mentions(c.line);
        if !mention.any() {
            return Flow::Continue;
        }
        let text = String::from_utf8_lossy(c.line);
        let parsed = parse_line(&text)
            .and_then(|p| resolve(p.stamp, self.zone, self.reference).map(|unix| (p, unix)));
        let Some((p, unix)) = parsed else {
            self.untimed += 1;
            return Flow::Continue;
        };
        if unix < self.window.since {
            return Flow::Continue;
        }
        if unix > self.window.until {
            // Lines are in time order: well past the end, nothing later can be inside.
            if unix > self.window.until.saturating_add(SEEK_SLACK_SECS) {
                self.past_end = true;
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
        self.push(&text, p.program, unix, &classified);
        if follow {
            if let Some(lib) = tls_library_line(&text, p.message, c.after) {
                self.push_line(&String::from_utf8_lossy(lib));
            }
        }
        Flow::Continue
    }

    fn push(&mut self, text: &str, program: &str, unix: i64, c: &Classified) {
        self.kept
            .push(make_entry(self.name, text, program, unix, c));
        self.matching += 1;
    }

    fn push_line(&mut self, text: &str) {
        if let Some(p) = parse_line(text) {
            if let Some(unix) = resolve(p.stamp, self.zone, self.reference) {
                self.push(text, p.program, unix, &classify(p.family, p.message));
            }
        }
    }
}

/// The file opened for reading: decompressing, or positioned past the lines before the
/// window in a large plain file (the offset skipped is returned).
fn open_for_window(
    path: &std::path::Path,
    meta: &std::fs::Metadata,
    since: i64,
    time_of: &dyn Fn(&[u8]) -> Option<i64>,
) -> io::Result<(Box<dyn Read + Send>, bool, u64)> {
    let mut file = File::open(path)?;
    let mut offset = 0;
    if meta.is_file() && meta.len() >= SEEK_MIN_BYTES {
        let mut magic = [0u8; 2];
        if file.read_exact(&mut magic).is_ok() && !is_gzip(&magic) {
            offset = window_start_offset(&mut file, meta.len(), since, time_of).unwrap_or(0);
        }
        file.seek(SeekFrom::Start(0))?;
    }
    let (reader, gzip) = open_stream(file, offset)?;
    Ok((reader, gzip, offset))
}

/// A log file opened for the window: positioned past the lines before it when it is a
/// large plain file, decompressed when it is gzip. For every scan of a file: the one for a
/// client ([`scan_file`]) and the audit's for many addresses at once.
pub struct Opened {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
    pub gzip: bool,
    /// Bytes skipped at the start (before the window).
    pub offset: u64,
    /// The file's size.
    pub size: u64,
    /// Modification time (Unix seconds), when it could be learned.
    pub last_written: Option<i64>,
    /// The newest a line of the file can be: gives year-less lines their year.
    pub reference: i64,
}

/// Opens `f` for the lines of `window`, or says why it is not read (absent, denied, a
/// folder, last written before the window) as the file's result.
pub fn open_in_window(
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
    let memo = MemoZone::new(zone);
    let time_of = |line: &[u8]| -> Option<i64> {
        let p = parse_line(std::str::from_utf8(line).ok()?)?;
        resolve(p.stamp, &memo, reference)
    };
    match open_for_window(&f.path, &meta, window.since, &time_of) {
        Ok((reader, gzip, offset)) => Ok(Opened {
            name,
            reader,
            gzip,
            offset,
            size: meta.len(),
            last_written,
            reference,
        }),
        Err(e) => {
            let (status, detail) = io_status(&e);
            Err(FileResult::only(&name, status, detail, last_written))
        }
    }
}

/// Reads one file. Never fails: what goes wrong is the source entry's status and detail.
pub fn scan_file(f: &LogFile, s: &FileScan<'_>) -> FileResult {
    let Opened {
        name,
        mut reader,
        gzip,
        offset,
        size: file_size,
        last_written,
        reference,
    } = match open_in_window(f, s.window, s.zone) {
        Ok(o) => o,
        Err(result) => return result,
    };
    let memo = MemoZone::new(s.zone);
    let mut collector = Collector {
        name: &name,
        matcher: s.matcher,
        window: s.window,
        zone: &memo,
        reference,
        kept: Kept::new(),
        matching: 0,
        untimed: 0,
        past_end: false,
    };
    let stats = scan_lines(&mut reader, &s.matcher.needles(), s.chunk, &mut |c| {
        collector.on_line(c)
    });
    let size = Sizes {
        file: file_size,
        read: stats.bytes,
        skipped: offset,
        chunk: s.chunk,
        gzip,
    };
    let read = ReadCounts {
        matching: collector.matching,
        untimed: collector.untimed,
        past_end: collector.past_end,
        dropped: collector.matching > collector.kept.len(),
    };
    let detail = describe(&read, &size, &stats);
    let outcome = if stats.error.is_some() {
        SourceStatus::Error
    } else {
        SourceStatus::Read
    };
    let (entries, _) = collector.kept.into_parts();
    FileResult {
        source: SourceEntry::new(name.clone(), outcome, detail),
        entries,
        last_written,
    }
}

/// What a scan of a file found, for its `sources[]` detail.
pub struct ReadCounts {
    /// Lines about the address(es) in the window.
    pub matching: usize,
    /// Such lines without a readable time.
    pub untimed: usize,
    /// The scan stopped at lines after the window.
    pub past_end: bool,
    /// Fewer lines were kept than found.
    pub dropped: bool,
}

/// The sizes a file's `sources[]` detail names.
pub struct Sizes {
    pub file: u64,
    pub read: u64,
    pub skipped: u64,
    pub chunk: usize,
    pub gzip: bool,
}

impl Sizes {
    /// The sizes of a read of `o` in chunks of `chunk` bytes.
    pub fn of(o: &Opened, stats: &ScanStats, chunk: usize) -> Sizes {
        Sizes {
            file: o.size,
            read: stats.bytes,
            skipped: o.offset,
            chunk,
            gzip: o.gzip,
        }
    }
}

/// `812 MB, 3 matching lines in the window`, and whatever else the reader should know.
pub fn describe(c: &ReadCounts, size: &Sizes, stats: &ScanStats) -> String {
    let mut d = if size.gzip {
        format!(
            "{} gzip ({} uncompressed)",
            human_size(size.file),
            human_size(size.read)
        )
    } else {
        human_size(size.file)
    };
    let _ = write!(
        d,
        ", {} in the window",
        plural(c.matching, "matching line", "matching lines")
    );
    if size.skipped > 0 {
        let _ = write!(
            d,
            "; the first {} skipped (before the window)",
            human_size(size.skipped)
        );
    }
    if c.past_end {
        d.push_str("; stopped at the lines after the window");
    }
    if c.untimed > 0 {
        let _ = write!(
            d,
            "; {} without a readable time",
            plural(c.untimed, "matching line", "matching lines")
        );
    }
    if stats.overlong > 0 {
        let _ = write!(
            d,
            "; {} over {} skipped",
            plural(
                usize::try_from(stats.overlong).unwrap_or(usize::MAX),
                "line",
                "lines"
            ),
            human_size(size.chunk as u64)
        );
    }
    if c.dropped {
        let _ = write!(d, "; only the latest {MAX_ENTRIES} kept");
    }
    if let Some(e) = &stats.error {
        let _ = write!(d, "; read error after {}: {e}", human_size(size.read));
    }
    d
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
