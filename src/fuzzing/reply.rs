//! SMTP replies: the line parser, the bounded stream reader (checked against the line parser)
//! and the EHLO reader.

use std::time::Duration;

use crate::protocol::reply::{parse_ehlo, parse_lines, read_reply, Limits, Reply, ReplyError};

use super::{ensure, ensure_terminal_safe, Checked};

/// Small limits, so that short inputs reach every bound of the reader.
const LIMITS: Limits = Limits {
    max_line: 64,
    max_lines: 8,
    max_bytes: 512,
};

/// Reading from memory never waits; this only bounds a reader that would loop.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

fn check_parsed(reply: &Reply, lines: usize) -> Checked {
    ensure((200..=599).contains(&reply.code), || {
        format!("reply code {} outside 200..=599", reply.code)
    })?;
    ensure(reply.lines.len() == lines, || {
        format!("{} lines in, {} texts out", lines, reply.lines.len())
    })?;
    for l in &reply.lines {
        ensure_terminal_safe("a reply line", l)?;
    }
    if let Some(e) = reply.enhanced {
        ensure(
            matches!(e.class, 2 | 4 | 5) && e.subject <= 999 && e.detail <= 999,
            || format!("enhanced code {e} out of range"),
        )?;
    }
    let shown = reply.to_string();
    ensure(shown.starts_with(&reply.code.to_string()), || {
        format!("reply shown as {shown:?} does not start with its code")
    })?;
    ensure_terminal_safe("the reply as shown", &shown)
}

fn check_error(e: &ReplyError) -> Checked {
    ensure_terminal_safe("the reply error", &e.to_string())?;
    if let ReplyError::Closed {
        partial: Some(partial),
    } = e
    {
        ensure_terminal_safe("the partial reply", partial)?;
    }
    Ok(())
}

fn read_from_memory(data: &[u8]) -> Result<Result<(Reply, Vec<String>), ReplyError>, String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| format!("no runtime: {e}"))?;
    let mut stream = data;
    Ok(rt.block_on(read_reply(&mut stream, &LIMITS, READ_TIMEOUT)))
}

/// The input as lines, each with its LF (the last one may lack it).
fn raw_lines(data: &[u8]) -> Vec<&[u8]> {
    data.split_inclusive(|&b| b == b'\n').collect()
}

/// The line parser on every line of `data`, then the stream reader on `data`: the reader's
/// reply must be the line parser's reply of the lines it consumed, and a reply that the line
/// parser accepts, that is complete and within the limits must come out of the reader.
pub(super) fn check_reply(data: &[u8]) -> Checked {
    let lines = raw_lines(data);
    match parse_lines(&lines) {
        Ok(reply) => check_parsed(&reply, lines.len())?,
        Err(e) => check_error(&e)?,
    }

    // The reply a correct reader returns: the lines up to the first final line.
    let end = lines
        .iter()
        .position(|l| l.get(3) != Some(&b'-'))
        .map(|i| i + 1);
    let expected = end.and_then(|n| {
        let prefix = &lines[..n];
        let within = n <= LIMITS.max_lines
            && prefix
                .iter()
                .all(|l| l.len() <= LIMITS.max_line && l.ends_with(b"\n"))
            && prefix.iter().map(|l| l.len()).sum::<usize>() <= LIMITS.max_bytes;
        if within {
            parse_lines(prefix).ok()
        } else {
            None
        }
    });

    match read_from_memory(data)? {
        Ok((reply, shown)) => {
            check_parsed(&reply, shown.len())?;
            for s in &shown {
                ensure_terminal_safe("a transcript line", s)?;
                ensure(s.starts_with(&reply.code.to_string()), || {
                    format!("transcript line {s:?} lacks the code {}", reply.code)
                })?;
            }
            ensure(reply.lines.len() <= LIMITS.max_lines, || {
                format!("{} lines read past the limit", reply.lines.len())
            })?;
            let consumed = &lines[..shown.len().min(lines.len())];
            ensure(consumed.iter().all(|l| l.ends_with(b"\n")), || {
                "the reader returned a reply whose last line never ended".to_string()
            })?;
            ensure(parse_lines(consumed).ok().as_ref() == Some(&reply), || {
                format!("the reader's reply {reply:?} is not the line parser's")
            })?;
        }
        Err(ReplyError::Timeout(_)) => return Err("reading from memory timed out".to_string()),
        Err(e) => {
            check_error(&e)?;
            if let Some(expected) = expected {
                return Err(format!(
                    "the reader failed ({e}) on a complete reply within the limits: {expected:?}"
                ));
            }
        }
    }
    Ok(())
}

/// Each input line becomes the text of one `250` line, then the EHLO reader's promises: a
/// server name without spaces, extension keywords upper-cased and found again by `has`, AUTH
/// mechanisms upper-case and unique, everything terminal-safe.
pub(super) fn check_ehlo(data: &[u8]) -> Checked {
    let texts: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    let built: Vec<Vec<u8>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let sep: &[u8] = if i + 1 == texts.len() {
                b"250 "
            } else {
                b"250-"
            };
            let t = t.strip_suffix(b"\r").unwrap_or(t);
            [sep, t, b"\r\n"].concat()
        })
        .collect();
    let refs: Vec<&[u8]> = built.iter().map(Vec::as_slice).collect();
    let reply = parse_lines(&refs).map_err(|e| format!("a well-formed 250 reply failed: {e}"))?;
    let ehlo = parse_ehlo(&reply);

    ensure_terminal_safe("the server name", &ehlo.domain)?;
    ensure_terminal_safe("the greeting", &ehlo.greeting_rest)?;
    ensure(!ehlo.domain.contains(char::is_whitespace), || {
        format!("server name {:?} holds a space", ehlo.domain)
    })?;
    ensure(ehlo.greeting_rest.trim() == ehlo.greeting_rest, || {
        format!("greeting {:?} not trimmed", ehlo.greeting_rest)
    })?;
    ensure(ehlo.extensions.len() < texts.len().max(1), || {
        "more extensions than extension lines".to_string()
    })?;
    for ext in &ehlo.extensions {
        ensure_terminal_safe("an extension", ext)?;
        let keyword = ext.split(' ').next().unwrap_or("");
        ensure(
            !keyword.is_empty()
                && keyword == keyword.to_ascii_uppercase()
                && !ext.contains("  ")
                && ext.trim() == ext,
            || format!("extension {ext:?} is not `KEYWORD params` with single spaces"),
        )?;
        ensure(
            ehlo.has(keyword) && ehlo.has(&keyword.to_ascii_lowercase()),
            || format!("`has` misses the announced keyword {keyword:?}"),
        )?;
    }
    ensure(ehlo.starttls() == ehlo.has("STARTTLS"), || {
        "starttls() disagrees with has(\"STARTTLS\")".to_string()
    })?;
    let mechs = ehlo.auth_mechanisms();
    for (i, m) in mechs.iter().enumerate() {
        ensure(
            !m.is_empty() && *m == m.to_ascii_uppercase() && !mechs[..i].contains(m),
            || format!("AUTH mechanisms {mechs:?} not upper-case and unique"),
        )?;
    }
    ensure(mechs.is_empty() || ehlo.has("AUTH"), || {
        format!("mechanisms {mechs:?} without AUTH")
    })?;
    if ehlo.client_address().is_some() {
        ensure(
            ehlo.greeting_rest.contains('[') && ehlo.greeting_rest.contains(']'),
            || "a client address without a bracketed literal".to_string(),
        )?;
    }
    Ok(())
}
