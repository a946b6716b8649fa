//! Taking the run's password out of what a server says. A hostile or careless server can
//! repeat the password in a reply (`535 bad password 'hunter2'`), or the base64 of what the
//! client sent (the AUTH PLAIN token, the LOGIN form), whole or in pieces: split over the
//! lines of a multi-line reply, or wrapped at 76 characters. Every server line passes
//! through the run's [`Redactor`] (in [`super::transcript::Transcript`]) before it is
//! stored, so neither a report nor a recording can carry it. The password itself lives in
//! [`crate::secret::Secret`], which owns the [`Forms`].
//!
//! What is taken out: any piece of [`MIN_PIECE`] or more consecutive characters of the
//! password (the whole password when it is shorter), in clear (any ASCII case, also as the
//! reply parser escaped it) or in base64 at any alignment (so any part of the AUTH PLAIN
//! token or of the LOGIN form that carries that much of the password), also where a reply
//! continues it on its next line. Shorter pieces say too little about the password to
//! identify it, and would take ordinary words out of replies.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Arc, Weak};

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use zeroize::{Zeroize, Zeroizing};

use super::reply::sanitize;

/// What a redacted part of a server line shows instead.
pub const REDACTED: &str = "[redacted]";

/// The fewest consecutive characters of the password that a redacted piece has (unless the
/// password is shorter: then the whole password).
pub const MIN_PIECE: usize = 6;

/// The password and the forms it is searched for in server text, computed once per run
/// (when the password is given).
pub struct Forms {
    value: Zeroizing<String>,
    /// ASCII-lowercased forms searched for as text: the password, and how it looks after the
    /// reply parser escaped its control characters (when that differs).
    plain: Vec<Zeroizing<String>>,
    /// The shortest run of base64 characters that can carry a piece of the password.
    min_base64_run: usize,
}

impl Forms {
    /// The forms of `value`, computed once (when the password is given).
    pub fn new(value: String) -> Forms {
        let value = Zeroizing::new(value);
        let mut plain = Vec::new();
        if !value.is_empty() {
            plain.push(Zeroizing::new(value.to_ascii_lowercase()));
            // Lowercased in place: a lowercased copy would leave this one behind unwiped.
            let mut shown = Zeroizing::new(sanitize(value.as_bytes()));
            shown.make_ascii_lowercase();
            if *shown != *plain[0] {
                plain.push(shown);
            }
        }
        // Whole 4-character groups covering a piece at the best alignment.
        let min_base64_run = piece_len(value.len()).div_ceil(3) * 4;
        Forms {
            value,
            plain,
            min_base64_run,
        }
    }

    /// The password in clear.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// How long (in characters or bytes) a piece of something `len` long is.
fn piece_len(len: usize) -> usize {
    len.min(MIN_PIECE)
}

/// Takes the run's password out of text a server sent: every piece of it (see the module's
/// notes) in clear or in base64. Cheap to clone; holds only a weak reference, so a stored
/// transcript never keeps the password in memory.
#[derive(Clone, Default)]
pub struct Redactor(Option<Weak<Forms>>);

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor")
    }
}

impl Redactor {
    /// The redactor for `forms`; it does not keep them alive.
    pub fn of(forms: &Arc<Forms>) -> Redactor {
        Redactor(Some(Arc::downgrade(forms)))
    }

    /// A redactor with nothing to take out (no password in this run).
    pub fn none() -> Redactor {
        Redactor(None)
    }

    fn forms(&self) -> Option<Arc<Forms>> {
        self.0
            .as_ref()
            .and_then(Weak::upgrade)
            .filter(|f| !f.value.is_empty())
    }

    /// `text` with every piece of the password replaced by [`REDACTED`].
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(forms) = self.forms() else {
            return Cow::Borrowed(text);
        };
        let spans = spans(text, &forms);
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        Cow::Owned(replace_spans(text, spans))
    }

    /// [`Redactor::redact`] into an owned string; the original is wiped when it held the
    /// password.
    pub fn redact_owned(&self, text: String) -> String {
        match self.redact(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(s) => {
                let mut text = text;
                text.zeroize();
                s
            }
        }
    }

    /// `text` made of lines joined with `separator`, redacted as [`Redactor::redact_lines`]
    /// does.
    pub fn redact_joined(&self, text: String, separator: &str) -> String {
        if self.forms().is_none() {
            return text;
        }
        let lines = text.split(separator).map(str::to_string).collect();
        let redacted = self.redact_lines(lines).join(separator);
        let mut text = text;
        text.zeroize();
        redacted
    }

    /// The lines of one reply (with or without their `535-` codes), each without any piece
    /// of the password, also where a piece goes on from the end of one line to the start of
    /// the next (after its code and enhanced code): a server that quotes the AUTH PLAIN
    /// token over two lines, or wraps it at 76 characters, gets every part taken out. The
    /// originals that held the password are wiped.
    pub fn redact_lines(&self, mut lines: Vec<String>) -> Vec<String> {
        let Some(forms) = self.forms() else {
            return lines;
        };
        let mut per_line: Vec<Vec<(usize, usize)>> =
            lines.iter().map(|line| spans(line, &forms)).collect();
        if lines.len() > 1 {
            let joined = Joined::of(&lines);
            for (line, span) in joined_spans(&joined, &forms) {
                per_line[line].push(span);
            }
        }
        for (line, found) in lines.iter_mut().zip(per_line) {
            if !found.is_empty() {
                let redacted = replace_spans(line, found);
                line.zeroize();
                *line = redacted;
            }
        }
        lines
    }
}

/// Where the password is in `text`, in clear or in base64 (byte ranges, may overlap): a
/// run of base64 that carries a piece is taken whole.
fn spans(text: &str, forms: &Forms) -> Vec<(usize, usize)> {
    let mut spans = plain_spans(text, &forms.plain);
    spans.extend(base64_hits(text, forms).into_iter().map(|hit| hit.run));
    spans
}

/// Where the password is in the joined bodies of a reply's lines, as spans of the lines:
/// a piece in clear exactly; a run of base64 that carries a piece, on every line where it
/// carries any of the password's bits. The run's part on a line that carries none (the
/// user name's part of a token cut in two, the word that follows the token on the next
/// line) stays.
fn joined_spans(joined: &Joined, forms: &Forms) -> Vec<(usize, (usize, usize))> {
    let mut spans: Vec<(usize, (usize, usize))> = plain_spans(&joined.text, &forms.plain)
        .into_iter()
        .flat_map(|(start, end)| joined.on_lines(start, end))
        .map(|part| (part.line, part.span))
        .collect();
    for hit in base64_hits(&joined.text, forms) {
        for part in joined.on_lines(hit.run.0, hit.run.1) {
            let (from, to) = part.joined;
            if hit.carrying.iter().any(|&(s, e)| s < to && from < e) {
                spans.push((part.line, part.span));
            }
        }
    }
    spans
}

/// The bodies of a reply's lines (what follows the code and the enhanced code, without
/// surrounding blanks) run together, and where each came from: a piece of the password cut
/// by a line break is whole again in it.
struct Joined {
    text: Zeroizing<String>,
    /// Per body: its line, where it starts in the line, where it starts in `text`, its length.
    bodies: Vec<(usize, usize, usize, usize)>,
}

impl Joined {
    fn of(lines: &[String]) -> Joined {
        let mut text = Zeroizing::new(String::with_capacity(lines.iter().map(String::len).sum()));
        let mut bodies = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let (start, end) = body(line);
            bodies.push((i, start, text.len(), end - start));
            text.push_str(&line[start..end]);
        }
        Joined { text, bodies }
    }

    /// The span `start..end` of the joined text as spans of the lines it came from.
    fn on_lines(&self, start: usize, end: usize) -> Vec<OnLine> {
        self.bodies
            .iter()
            .filter_map(|&(line, in_line, in_text, len)| {
                let from = start.max(in_text);
                let to = end.min(in_text + len);
                if from >= to {
                    return None;
                }
                Some(OnLine {
                    line,
                    span: (in_line + from - in_text, in_line + to - in_text),
                    joined: (from, to),
                })
            })
            .collect()
    }
}

/// The part of a span of the joined text that is on one line.
struct OnLine {
    line: usize,
    /// Where it is in the line.
    span: (usize, usize),
    /// Where it is in the joined text.
    joined: (usize, usize),
}

/// The byte range of a reply line's body: after a `535-`/`535 ` code and an enhanced code
/// (`5.7.8 `), without the blanks around it.
fn body(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let mut at = 0;
    if b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && matches!(b.get(3), None | Some(b'-' | b' '))
    {
        at = b.len().min(4);
    }
    at += enhanced_code_len(&b[at..]);
    let rest = &line[at..];
    let start = at + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let end = at + rest.trim_end_matches([' ', '\t']).len();
    (start, end.max(start))
}

/// The length of an enhanced status code (`5.7.8`, RFC 3463) at the start of `b` with the
/// blank after it, or 0.
fn enhanced_code_len(b: &[u8]) -> usize {
    let mut at = 0;
    for part in 0..3 {
        let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return 0;
        }
        at += digits;
        if part < 2 {
            if b.get(at) != Some(&b'.') {
                return 0;
            }
            at += 1;
        }
    }
    match b.get(at) {
        None => at,
        Some(b' ') => at + 1,
        Some(_) => 0,
    }
}

/// The pieces of `form` to search for: every run of [`MIN_PIECE`] characters (the whole
/// form when it is shorter).
fn char_pieces(form: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = form.char_indices().map(|(i, _)| i).collect();
    let n = piece_len(starts.len());
    (0..=starts.len() - n).map(move |i| {
        let end = starts.get(i + n).copied().unwrap_or(form.len());
        &form[starts[i]..end]
    })
}

/// Byte ranges where a piece of a plain form occurs, compared ASCII case-insensitively.
/// Offsets are those of `text`: ASCII lowercasing keeps every byte where it was. Overlapping
/// occurrences are all found, so a longer run of the password is covered end to end.
fn plain_spans(text: &str, forms: &[Zeroizing<String>]) -> Vec<(usize, usize)> {
    let lower = Zeroizing::new(text.to_ascii_lowercase());
    let mut spans = Vec::new();
    for form in forms.iter().filter(|f| !f.is_empty()) {
        for piece in char_pieces(form) {
            let step = piece.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(i) = lower[from..].find(piece) {
                let start = from + i;
                spans.push((start, start + piece.len()));
                from = start + step;
            }
        }
    }
    spans
}

fn is_base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// A run of base64 characters that carries a piece of the password.
struct Base64Hit {
    /// The whole run, with its `=` padding.
    run: (usize, usize),
    /// The characters of the run that carry the password's bits (overlapping ranges).
    carrying: Vec<(usize, usize)>,
}

/// The runs of base64 characters (with their `=` padding) that decode, at any of the four
/// character alignments, to bytes containing a piece of the password.
fn base64_hits(text: &str, forms: &Forms) -> Vec<Base64Hit> {
    let bytes = text.as_bytes();
    let secret = forms.value.as_bytes();
    let n = piece_len(secret.len());
    let pieces: HashSet<&[u8]> = secret.windows(n).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_base64_char(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_base64_char(bytes[i]) {
            i += 1;
        }
        while i < bytes.len() && bytes[i] == b'=' {
            i += 1;
        }
        let run = &bytes[start..i];
        if run.len() < forms.min_base64_run {
            continue;
        }
        let carrying = pieces_in_base64(run, n, &pieces);
        if !carrying.is_empty() {
            hits.push(Base64Hit {
                run: (start, i),
                carrying: carrying
                    .into_iter()
                    .map(|(s, e)| (start + s, start + e))
                    .collect(),
            });
        }
    }
    hits
}

/// Lenient decoding: padding optional, trailing bits ignored (a token cut out of a longer
/// encoding ends anywhere).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Where `run` decodes, at any of the four alignments, to bytes holding one of `pieces`
/// (each `n` bytes long): the ranges of characters (of `run`) that encode those bytes.
fn pieces_in_base64(run: &[u8], n: usize, pieces: &HashSet<&[u8]>) -> Vec<(usize, usize)> {
    let data = match run.iter().position(|&b| b == b'=') {
        Some(p) => &run[..p],
        None => run,
    };
    let mut found = Vec::new();
    for offset in 0..4 {
        let Some(rest) = data.get(offset..) else {
            break;
        };
        // Whole groups only, plus a final partial group of 2 or 3 characters.
        let usable = match rest.len() % 4 {
            1 => rest.len() - 1,
            _ => rest.len(),
        };
        let Ok(decoded) = LENIENT.decode(&rest[..usable]) else {
            continue;
        };
        let decoded = Zeroizing::new(decoded);
        for (b, w) in decoded.windows(n).enumerate() {
            if pieces.contains(w) {
                // Bytes b..b+n are bits 8b..8(b+n): the characters (6 bits each) over them.
                let first = offset + 8 * b / 6;
                let last = offset + (8 * (b + n)).div_ceil(6);
                found.push((first, last.min(data.len())));
            }
        }
    }
    found
}

/// `text` with each span (merged where they overlap or touch) replaced by [`REDACTED`].
fn replace_spans(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    // The end of the last span replaced, once there is one.
    let mut at: Option<usize> = None;
    for (start, end) in spans {
        match at {
            Some(last) if start <= last => at = Some(last.max(end)),
            _ => {
                out.push_str(&text[at.unwrap_or(0)..start]);
                out.push_str(REDACTED);
                at = Some(end);
            }
        }
    }
    out.push_str(&text[at.unwrap_or(0)..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Secret(Arc<Forms>);

    impl Secret {
        fn new(value: String) -> Secret {
            Secret(Arc::new(Forms::new(value)))
        }

        fn redactor(&self) -> Redactor {
            Redactor::of(&self.0)
        }
    }

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
    }

    #[test]
    fn takes_out_the_password_in_every_form() {
        let s = Secret::new("Hunter2-Secret".into());
        let r = s.redactor();
        let cases = [
            "5.7.8 bad password 'Hunter2-Secret'".to_string(),
            "5.7.8 bad password HUNTER2-SECRET!".to_string(),
            format!("go ahead {}", b64("Hunter2-Secret")),
            format!("token {}", b64("\0alice@example.test\0Hunter2-Secret")),
            format!("token {}", b64("admin\0alice\0Hunter2-Secret")),
            format!("x{}y", b64("ab\0Hunter2-Secret and more")),
            format!(
                "5.7.8 <{}>",
                b64("\0bob\0Hunter2-Secret").trim_end_matches('=')
            ),
        ];
        for line in &cases {
            let out = r.redact(line);
            assert!(out.contains(REDACTED), "{line} -> {out}");
            assert!(!out.to_lowercase().contains("hunter2-secret"), "{out}");
            for form in [
                b64("Hunter2-Secret"),
                b64("\0alice@example.test\0Hunter2-Secret"),
            ] {
                assert!(!out.contains(&form), "{out}");
            }
        }
        // The user name's base64 (the LOGIN user step) is not secret.
        let user = b64("alice@example.test");
        assert_eq!(r.redact(&format!("334 {user}")), format!("334 {user}"));
        assert_eq!(r.redact("250 mail.example.test"), "250 mail.example.test");
    }

    #[test]
    fn escaped_control_characters_are_matched_as_shown() {
        let s = Secret::new("pa\u{1b}ss-word".into());
        let shown = sanitize("no 'pa\u{1b}ss-word'".as_bytes());
        assert_eq!(s.redactor().redact(&shown), format!("no '{REDACTED}'"));
    }

    #[test]
    fn redacts_nothing_once_the_secret_is_gone_or_empty() {
        let r = Secret::new("hunter2hunter2".into()).redactor();
        assert_eq!(r.redact("hunter2hunter2"), "hunter2hunter2");
        let empty = Secret::new(String::new());
        assert_eq!(empty.redactor().redact("abc"), "abc");
        assert_eq!(Redactor::none().redact("hunter2"), "hunter2");
    }

    #[test]
    fn every_occurrence_is_replaced_and_overlaps_merge() {
        let s = Secret::new("abcdabcd".into());
        // The trailing "abcd" is a piece of the password too (more than MIN_PIECE long).
        assert_eq!(
            s.redactor().redact("x abcdabcdabcd y ABCDabcd"),
            format!("x {REDACTED} y {REDACTED}")
        );
        assert_eq!(
            replace_spans("0123456789", vec![(1, 4), (3, 6), (8, 9)]),
            format!("0{REDACTED}67{REDACTED}9")
        );
        // Spans that touch are one redaction.
        assert_eq!(
            replace_spans("0123456789", vec![(0, 2), (2, 4)]),
            format!("{REDACTED}456789")
        );
    }

    #[test]
    fn pieces_of_six_characters_or_more_are_taken_out_shorter_ones_stay() {
        let s = Secret::new("Quokka-Lantern-58173".into());
        let r = s.redactor();
        assert_eq!(
            r.redact("bad password 'Quokka-L' ... 'lantern-58173'"),
            format!("bad password '{REDACTED}' ... '{REDACTED}'")
        );
        // Five characters of it, or ordinary words, stay.
        assert_eq!(r.redact("5.7.8 Quokk ntern"), "5.7.8 Quokk ntern");
        // A password shorter than a piece: only the whole of it.
        let short = Secret::new("ab3".into());
        assert_eq!(
            short.redactor().redact("ab ab3 b3"),
            format!("ab {REDACTED} b3")
        );
    }

    #[test]
    fn base64_pieces_carrying_part_of_the_password_are_taken_out() {
        let s = Secret::new("Quokka-Lantern-58173".into());
        let r = s.redactor();
        let token = b64("\0visitor@example.test\0Quokka-Lantern-58173");
        // The tail of the token: the password's last 12 bytes, at the token's alignment.
        let tail = &token[token.len() - 16..];
        assert_eq!(
            r.redact(&format!("sent {tail}.")),
            format!("sent {REDACTED}.")
        );
        // The head of the token carries only the user name: not a secret.
        let head = &token[..24];
        assert_eq!(r.redact(&format!("sent {head}.")), format!("sent {head}."));
    }

    #[test]
    fn a_token_split_over_the_lines_of_a_reply_is_taken_out_on_every_line() {
        let s = Secret::new("Quokka-Lantern-58173".into());
        let r = s.redactor();
        let token = b64("\0visitor@example.test\0Quokka-Lantern-58173");
        // Cut inside the password's encoding: each line alone carries less than a piece.
        for cut in [token.len() - 6, 36, 38] {
            let lines = vec![
                format!("535-5.7.8 you sent {}", &token[..cut]),
                format!("535 5.7.8 {} which is wrong", &token[cut..]),
            ];
            let out = r.redact_lines(lines);
            assert_eq!(
                out,
                vec![
                    format!("535-5.7.8 you sent {REDACTED}"),
                    format!("535 5.7.8 {REDACTED} which is wrong"),
                ],
                "cut at {cut}"
            );
        }
        // The same lines as the reply parser keeps them (without their code).
        let out = r.redact_lines(vec![
            format!("5.7.8 you sent {}", &token[..36]),
            format!("5.7.8 {}", &token[36..]),
        ]);
        assert_eq!(
            out,
            vec![
                format!("5.7.8 you sent {REDACTED}"),
                format!("5.7.8 {REDACTED}")
            ]
        );
        // Cut inside the user name: that line's part carries nothing of the password, and
        // the word after the token on the next line is not part of it.
        let out = r.redact_lines(vec![
            format!("535-5.7.8 you sent {}", &token[..12]),
            format!("535-5.7.8 {}", &token[12..]),
            "535 5.7.8 bad password".to_string(),
        ]);
        assert_eq!(
            out,
            vec![
                format!("535-5.7.8 you sent {}", &token[..12]),
                format!("535-5.7.8 {REDACTED}"),
                "535 5.7.8 bad password".to_string(),
            ]
        );
        // In clear, cut after a few characters.
        let out = r.redact_lines(vec![
            "535-bad password Quok".into(),
            "535 ka-Lantern".into(),
        ]);
        assert_eq!(
            out,
            vec![
                format!("535-bad password {REDACTED}"),
                format!("535 {REDACTED}")
            ]
        );
    }

    #[test]
    fn base64_wrapped_at_76_characters_is_taken_out_on_every_line() {
        let s = Secret::new("Quokka-Lantern-58173".into());
        let r = s.redactor();
        let blob = b64(&format!(
            "{}\0visitor@example.test\0Quokka-Lantern-58173 and more",
            // The password's bytes 52..72: the first 5 on the first line (57 bytes).
            "x".repeat(30)
        ));
        let wrapped: Vec<&str> = blob
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        assert!(wrapped.len() >= 2);
        let lines: Vec<String> = wrapped.iter().map(|w| format!("334-{w}")).collect();
        let out = r.redact_lines(lines);
        for (line, piece) in out.iter().zip(&wrapped) {
            assert!(!line.contains(piece), "{line}");
        }
        // Lines that carry nothing of it stay as they are.
        let plain = vec![
            "250-mail.example.test".to_string(),
            "250 AUTH PLAIN".to_string(),
        ];
        assert_eq!(r.redact_lines(plain.clone()), plain);
    }

    #[test]
    fn a_body_starts_after_the_code_and_the_enhanced_code() {
        assert_eq!(body("535-5.7.8 abc "), (10, 13));
        assert_eq!(body("535 abc"), (4, 7));
        assert_eq!(body("5.7.8 abc"), (6, 9));
        assert_eq!(body("535"), (3, 3));
        assert_eq!(body("5.7 abc"), (0, 7));
        assert_eq!(body("2500 x"), (0, 6));
        assert_eq!(enhanced_code_len(b"2.0.0"), 5);
        assert_eq!(enhanced_code_len(b"2.0.1234 x"), 0);
    }

    proptest::proptest! {
        #[test]
        fn redacting_lines_never_panics_and_takes_the_password_out(
            // Not the letters of "[redacted]", which the output may show.
            password in "[A-Z0-9é€!%&]{1,12}",
            lines in proptest::collection::vec("\\PC{0,30}", 0..4),
            at in 0usize..4,
        ) {
            let s = Secret::new(password.clone());
            let mut lines = lines;
            let at = at.min(lines.len());
            lines.insert(at, format!("535 x{password}y"));
            let out = s.redactor().redact_lines(lines);
            proptest::prop_assert!(!out[at].contains(&password), "{:?}", out);
        }
    }
}
