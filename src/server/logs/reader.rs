//! Streaming a log (plain or gzip, told apart by the magic bytes) in large chunks and handing
//! on only the lines that contain one of the needles, found with `memchr::memmem` over the
//! whole chunk the way `grep -F` does: lines without the client's address or the account are
//! never split, decoded or parsed. Memory stays at one chunk whatever the file's size.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

use memchr::memmem::Finder;
use memchr::{memchr, memrchr};

/// Bytes read per chunk. Measured on 2 cores (benches/server_logs.sh): 1 MiB reads from the
/// page cache at memory speed, and the search stays in the CPU's caches.
pub const CHUNK: usize = 1 << 20;

/// A line that contains a needle, with the rest of its chunk around it (for a look at the
/// lines next to it).
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// Without its newline (and without a trailing `\r`).
    pub line: &'a [u8],
    pub after: &'a [u8],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

#[derive(Debug, Default)]
pub struct ScanStats {
    /// Bytes read (uncompressed for gzip).
    pub bytes: u64,
    /// Lines longer than a chunk, skipped unread.
    pub overlong: u64,
    /// The error that ended the read early, if any (what was found before it stands).
    pub error: Option<io::Error>,
}

/// Is this the start of a gzip stream (RFC 1952 magic bytes)?
pub fn is_gzip(prefix: &[u8]) -> bool {
    prefix.starts_with(&[0x1f, 0x8b])
}

/// Opens `file` for reading from `offset`, decompressing when it starts with gzip's magic
/// bytes (whatever its name). Returns the reader and whether it is gzip.
pub fn open_stream(mut file: File, offset: u64) -> io::Result<(Box<dyn Read + Send>, bool)> {
    let mut magic = [0u8; 2];
    let mut got = 0;
    while got < magic.len() {
        match file.read(&mut magic[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let prefix = magic.get(..got).unwrap_or(&[]).to_vec();
    if is_gzip(&prefix) {
        let inner = io::Cursor::new(prefix).chain(file);
        let decoder =
            flate2::read::MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, inner));
        return Ok((Box::new(decoder), true));
    }
    if offset > 0 {
        file.seek(SeekFrom::Start(offset))?;
        return Ok((Box::new(file), false));
    }
    Ok((Box::new(io::Cursor::new(prefix).chain(file)), false))
}

/// Reads `reader` to the end (or until `on_line` says stop) in chunks of `chunk` bytes and
/// calls `on_line` for every line that contains one of `needles`, in file order, once per
/// line. Empty needles are ignored; with none, nothing is reported.
pub fn scan_lines(
    reader: &mut dyn Read,
    needles: &[&[u8]],
    chunk: usize,
    on_line: &mut dyn FnMut(Candidate<'_>) -> Flow,
) -> ScanStats {
    let finders: Vec<Finder<'_>> = needles
        .iter()
        .filter(|n| !n.is_empty())
        .map(Finder::new)
        .collect();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    scan_regions(reader, chunk, &mut |region| {
        report_lines(region, &finders, &mut spans, on_line)
    })
}

/// Reads `reader` to the end (or until `on_region` says stop) in chunks of `chunk` bytes
/// and hands on each chunk's whole lines as one region (a line longer than a chunk is
/// skipped and counted). The search inside a region is the caller's: [`scan_lines`] looks
/// for fixed strings, the audit for thousands of addresses at once.
pub fn scan_regions(
    reader: &mut dyn Read,
    chunk: usize,
    on_region: &mut dyn FnMut(&[u8]) -> Flow,
) -> ScanStats {
    let mut buf = vec![0u8; chunk.max(64)];
    let mut filled = 0usize;
    let mut skipping = false;
    let mut stats = ScanStats::default();
    loop {
        let mut eof = false;
        while filled < buf.len() {
            match reader.read(&mut buf[filled..]) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => {
                    filled += n;
                    stats.bytes += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    stats.error = Some(e);
                    eof = true;
                    break;
                }
            }
        }
        let data = &buf[..filled];
        let mut start = 0;
        if skipping {
            let Some(i) = memchr(b'\n', data) else {
                filled = 0;
                if eof {
                    break;
                }
                continue;
            };
            start = i + 1;
            skipping = false;
        }
        let end = if eof {
            filled
        } else {
            match memrchr(b'\n', &data[start..]) {
                Some(i) => start + i + 1,
                None if start == 0 => {
                    // A line longer than the whole chunk: not a mail log line; skip it.
                    stats.overlong += 1;
                    skipping = true;
                    filled = 0;
                    continue;
                }
                None => start,
            }
        };
        let flow = on_region(&data[start..end]);
        buf.copy_within(end..filled, 0);
        filled -= end;
        if flow == Flow::Stop || eof {
            break;
        }
    }
    stats
}

/// The line of `region` around byte `at`: (start, end) without the newline.
pub fn line_around(region: &[u8], at: usize) -> (usize, usize) {
    let start = memrchr(b'\n', &region[..at]).map_or(0, |j| j + 1);
    let end = memchr(b'\n', &region[at..]).map_or(region.len(), |j| at + j);
    (start, end)
}

/// A candidate line from `region[start..end]` (a trailing `\r` dropped).
pub fn candidate(region: &[u8], start: usize, end: usize) -> Candidate<'_> {
    let mut line = &region[start..end];
    if let Some(stripped) = line.strip_suffix(b"\r") {
        line = stripped;
    }
    Candidate {
        line,
        after: region.get(end + 1..).unwrap_or(&[]),
    }
}

/// Finds the needles in `region` (whole lines) and reports each line that holds one.
fn report_lines(
    region: &[u8],
    finders: &[Finder<'_>],
    spans: &mut Vec<(usize, usize)>,
    on_line: &mut dyn FnMut(Candidate<'_>) -> Flow,
) -> Flow {
    spans.clear();
    for finder in finders {
        let mut pos = 0;
        while pos < region.len() {
            let Some(i) = finder.find(&region[pos..]) else {
                break;
            };
            let span = line_around(region, pos + i);
            spans.push(span);
            // Further hits on the same line add nothing.
            pos = span.1 + 1;
        }
    }
    if finders.len() > 1 {
        spans.sort_unstable();
        spans.dedup();
    }
    for &(start, end) in spans.iter() {
        if on_line(candidate(region, start, end)) == Flow::Stop {
            return Flow::Stop;
        }
    }
    Flow::Continue
}

/// How long before the window's start a line may be and still be skipped by the seek: log
/// lines are written in time order, give or take programs that log late; an hour covers them.
pub const SEEK_SLACK_SECS: i64 = 3600;
/// Files smaller than this are read whole: seeking saves nothing measurable.
pub const SEEK_MIN_BYTES: u64 = 32 * 1024 * 1024;
const PROBE: usize = 64 * 1024;

/// The offset of a line start in a plain, time-ordered file before which every line is older
/// than `since - SEEK_SLACK_SECS`, found by bisection on the line times (`time_of` gives a
/// line's Unix time, `None` for a line without one). 0 when nothing can be skipped.
pub fn window_start_offset(
    file: &mut File,
    size: u64,
    since: i64,
    time_of: &dyn Fn(&[u8]) -> Option<i64>,
) -> io::Result<u64> {
    let target = since.saturating_sub(SEEK_SLACK_SECS);
    let (mut lo, mut hi) = (0u64, size);
    let mut buf = vec![0u8; PROBE];
    // Each round halves the span: 64 rounds cover any file size.
    for _ in 0..64 {
        if hi.saturating_sub(lo) <= (PROBE as u64) * 4 {
            break;
        }
        let mid = lo + (hi - lo) / 2;
        file.seek(SeekFrom::Start(mid))?;
        let n = read_full(file, &mut buf)?;
        let data = &buf[..n];
        let Some(first_nl) = memchr(b'\n', data) else {
            break;
        };
        let mut pos = first_nl + 1;
        let mut found = None;
        while pos < n {
            let end = memchr(b'\n', &data[pos..]).map_or(n, |j| pos + j);
            if end == n && n == buf.len() {
                break; // a cut line at the end of the probe
            }
            if let Some(t) = time_of(&data[pos..end]) {
                found = Some((mid + pos as u64, t));
                break;
            }
            pos = end + 1;
        }
        match found {
            Some((offset, t)) if t < target => lo = offset,
            Some(_) => hi = mid,
            None => break,
        }
    }
    Ok(lo)
}

fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(data: &[u8], needles: &[&[u8]], chunk: usize) -> (Vec<String>, ScanStats) {
        let mut lines = Vec::new();
        let stats = scan_lines(&mut &data[..], needles, chunk, &mut |c| {
            lines.push(String::from_utf8_lossy(c.line).into_owned());
            Flow::Continue
        });
        (lines, stats)
    }

    #[test]
    fn reports_each_matching_line_once_across_chunk_boundaries() {
        let mut data = Vec::new();
        for i in 0..500 {
            if i % 7 == 0 {
                writeln!(data, "line {i} from [198.51.100.7] and again 198.51.100.7").unwrap();
            } else if i % 11 == 0 {
                writeln!(data, "line {i} user alice@example.test\r").unwrap();
            } else {
                writeln!(data, "line {i} nothing here at all").unwrap();
            }
        }
        let want: Vec<String> = (0..500)
            .filter(|i| i % 7 == 0 || i % 11 == 0)
            .map(|i| {
                if i % 7 == 0 {
                    format!("line {i} from [198.51.100.7] and again 198.51.100.7")
                } else {
                    format!("line {i} user alice@example.test")
                }
            })
            .collect();
        for chunk in [64, 100, 333, 4096, CHUNK] {
            let (got, stats) = collect(&data, &[b"198.51.100.7", b"alice@example.test"], chunk);
            assert_eq!(got, want, "chunk {chunk}");
            assert_eq!(stats.bytes, data.len() as u64);
            assert_eq!(stats.overlong, 0);
        }
    }

    #[test]
    fn last_line_without_newline_and_overlong_lines() {
        let mut data = b"a 198.51.100.7\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', 300));
        data.extend(b" 198.51.100.7 in an overlong line\nb 198.51.100.7");
        let (got, stats) = collect(&data, &[b"198.51.100.7"], 128);
        assert_eq!(got, ["a 198.51.100.7", "b 198.51.100.7"]);
        assert_eq!(stats.overlong, 1);
        let (got, _) = collect(b"", &[b"198.51.100.7"], 128);
        assert!(got.is_empty());
        let (got, _) = collect(b"x\n", &[b""], 128);
        assert!(got.is_empty());
    }

    #[test]
    fn stop_ends_the_scan() {
        let data = b"1 hit\n2 hit\n3 hit\n";
        let mut seen = 0;
        scan_lines(&mut &data[..], &[b"hit"], 64, &mut |_| {
            seen += 1;
            if seen == 2 {
                Flow::Stop
            } else {
                Flow::Continue
            }
        });
        assert_eq!(seen, 2);
    }

    #[test]
    fn gzip_by_magic_not_by_name() {
        let dir = crate::server::logs::test_support::tempdir("gz");
        let plain = "Dec  1 09:00:00 h postfix/smtpd[1]: connect from x[198.51.100.7]\n";
        let path = dir.join("mail.log.1"); // no .gz in the name
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(plain.as_bytes()).unwrap();
        let mut gz = enc.finish().unwrap();
        // A second gzip member (concatenated rotations) is read too.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(plain.as_bytes()).unwrap();
        gz.extend(enc.finish().unwrap());
        std::fs::write(&path, &gz).unwrap();
        let (mut r, was_gz) = open_stream(File::open(&path).unwrap(), 0).unwrap();
        assert!(was_gz);
        let mut n = 0;
        let stats = scan_lines(&mut r, &[b"198.51.100.7"], 4096, &mut |_| {
            n += 1;
            Flow::Continue
        });
        assert_eq!((n, stats.bytes), (2, 2 * plain.len() as u64));
        let txt = dir.join("mail.log.gz"); // .gz in the name, plain inside
        std::fs::write(&txt, plain).unwrap();
        let (mut r, was_gz) = open_stream(File::open(&txt).unwrap(), 0).unwrap();
        assert!(!was_gz);
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, plain);
        // A corrupt gzip stream ends the scan with an error, keeping what came before.
        let bad = dir.join("bad");
        std::fs::write(&bad, &gz[..gz.len() / 2 + 20]).unwrap();
        let (mut r, _) = open_stream(File::open(&bad).unwrap(), 0).unwrap();
        let stats = scan_lines(&mut r, &[b"198.51.100.7"], 4096, &mut |_| Flow::Continue);
        assert!(stats.error.is_some());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn seek_finds_a_line_before_the_window() {
        let dir = crate::server::logs::test_support::tempdir("seek");
        let path = dir.join("big.log");
        let mut data = Vec::new();
        // One line per second; line i says "t=<i>".
        for i in 0..200_000 {
            writeln!(data, "t={i:07} padding padding padding padding").unwrap();
        }
        std::fs::write(&path, &data).unwrap();
        let time_of =
            |l: &[u8]| -> Option<i64> { std::str::from_utf8(l.get(2..9)?).ok()?.parse().ok() };
        let mut f = File::open(&path).unwrap();
        let since = 150_000;
        let off = window_start_offset(&mut f, data.len() as u64, since, &time_of).unwrap();
        let line_at = time_of(&data[usize::try_from(off).unwrap()..]).unwrap();
        assert!(off > 0);
        assert!(line_at < since - SEEK_SLACK_SECS, "{line_at}");
        assert!(line_at > since - SEEK_SLACK_SECS - 10_000, "{line_at}");
        assert_eq!(data[usize::try_from(off).unwrap() - 1], b'\n');
        // Nothing before the window: nothing skipped.
        assert_eq!(
            window_start_offset(&mut f, data.len() as u64, 10, &time_of).unwrap(),
            0
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
