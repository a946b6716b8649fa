//! Reading one reply from a stream: bounded in time (the whole reply, not each read) and in
//! size (line length, line count, bytes), checked line by line as it arrives.

use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use super::{parse_lines, sanitize, split_line, trim_eol, Limits, Reply, ReplyError};

/// Reads one complete reply. Returns it with the raw lines (code included, terminal-safe) for
/// the transcript. `timeout` bounds the whole reply, not each read, so a server trickling
/// bytes cannot hold us longer.
pub async fn read_reply<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    timeout: Duration,
) -> Result<(Reply, Vec<String>), ReplyError> {
    let mut raw: Vec<Vec<u8>> = Vec::new();
    let mut current = Vec::new();
    let result = tokio::time::timeout(timeout, read_lines(r, limits, &mut raw, &mut current)).await;
    match result {
        Err(_) => Err(ReplyError::Timeout(timeout)),
        Ok(Err(ReadFailure::Eof)) => Err(ReplyError::Closed {
            partial: partial_text(&raw, &current),
        }),
        Ok(Err(ReadFailure::Reply(e))) => Err(e),
        Ok(Ok(())) => {
            let refs: Vec<&[u8]> = raw.iter().map(Vec::as_slice).collect();
            let reply = parse_lines(&refs)?;
            let shown = raw.iter().map(|l| sanitize(trim_eol(l))).collect();
            Ok((reply, shown))
        }
    }
}

enum ReadFailure {
    Eof,
    Reply(ReplyError),
}

impl From<ReplyError> for ReadFailure {
    fn from(e: ReplyError) -> Self {
        ReadFailure::Reply(e)
    }
}

fn partial_text(raw: &[Vec<u8>], current: &[u8]) -> Option<String> {
    let parts: Vec<String> = raw
        .iter()
        .map(Vec::as_slice)
        .chain(std::iter::once(current))
        .map(trim_eol)
        .filter(|l| !l.is_empty())
        .map(sanitize)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" | "))
}

/// Reads lines into `raw` until a final line. Lines are checked as they arrive so a garbage
/// first line fails at once instead of waiting for the time-out.
async fn read_lines<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    raw: &mut Vec<Vec<u8>>,
    current: &mut Vec<u8>,
) -> Result<(), ReadFailure> {
    let mut total = 0usize;
    let mut first_code = None;
    loop {
        read_one_line(r, limits, current, &mut total).await?;
        let line = std::mem::take(current);
        let parts = split_line(&line)?;
        let first = *first_code.get_or_insert(parts.code);
        if parts.code != first {
            return Err(ReplyError::Malformed(format!(
                "continuation line code {} differs from {first}",
                parts.code
            ))
            .into());
        }
        let last = parts.last;
        raw.push(line);
        if last {
            return Ok(());
        }
        if raw.len() >= limits.max_lines {
            return Err(ReplyError::TooLong.into());
        }
    }
}

/// Reads one LF-terminated line into `line`, never holding more than `max_line + 2` bytes.
async fn read_one_line<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    line: &mut Vec<u8>,
    total: &mut usize,
) -> Result<(), ReadFailure> {
    loop {
        let buf = match r.fill_buf().await {
            Ok(buf) => buf,
            Err(e) => return Err(io_failure(&e)),
        };
        if buf.is_empty() {
            return Err(ReadFailure::Eof);
        }
        let (take, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let chunk = &buf[..take];
        if found {
            let mut joined_len = line.len() + chunk.len();
            // Content length without the terminator; a CR may sit at the end of `line` already.
            joined_len -= 1;
            let cr = if take >= 2 {
                chunk[take - 2] == b'\r'
            } else {
                line.last() == Some(&b'\r')
            };
            if cr {
                joined_len -= 1;
            }
            if joined_len > limits.max_line {
                return Err(ReplyError::TooLong.into());
            }
        } else if line.len() + chunk.len() > limits.max_line + 1 {
            // +1: the CR of a CRLF split across reads.
            return Err(ReplyError::TooLong.into());
        }
        *total += take;
        if *total > limits.max_bytes {
            return Err(ReplyError::TooLong.into());
        }
        line.extend_from_slice(chunk);
        r.consume(take);
        if found {
            return Ok(());
        }
    }
}

fn io_failure(e: &std::io::Error) -> ReadFailure {
    use std::io::ErrorKind::{BrokenPipe, ConnectionAborted, ConnectionReset, UnexpectedEof};
    // A reset or abort is the peer going away, which the diagnosis treats like EOF.
    match e.kind() {
        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe => ReadFailure::Eof,
        _ => ReadFailure::Reply(ReplyError::Io(sanitize(e.to_string().as_bytes()))),
    }
}
