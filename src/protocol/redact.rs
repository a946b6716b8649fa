//! Taking the run's password out of what a server says. A hostile or careless server can
//! repeat the password in a reply (`535 bad password 'hunter2'`), or the base64 of what the
//! client sent (the AUTH PLAIN token, the LOGIN form). Every server line passes through the
//! run's [`Redactor`] (in [`super::transcript::Transcript`]) before it is stored, so neither
//! a report nor a recording can carry it. The password itself lives in
//! [`crate::secret::Secret`], which owns the [`Forms`].

use std::borrow::Cow;
use std::sync::{Arc, Weak};

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use zeroize::Zeroizing;

use super::reply::sanitize;

/// What a redacted part of a server line shows instead.
pub const REDACTED: &str = "[redacted]";

/// The password and the forms it is searched for in server text, computed once per run
/// (when the password is given).
pub struct Forms {
    value: Zeroizing<String>,
    /// ASCII-lowercased forms searched for as text: the password, and how it looks after the
    /// reply parser escaped its control characters (when that differs).
    plain: Vec<Zeroizing<String>>,
    /// The shortest run of base64 characters that can hold the password's encoding.
    min_base64_run: usize,
}

impl Forms {
    /// The forms of `value`, computed once (when the password is given).
    pub fn new(value: String) -> Forms {
        let value = Zeroizing::new(value);
        let mut plain = Vec::new();
        if !value.is_empty() {
            plain.push(Zeroizing::new(value.to_ascii_lowercase()));
            let shown = Zeroizing::new(sanitize(value.as_bytes()).to_ascii_lowercase());
            if *shown != *plain[0] {
                plain.push(shown);
            }
        }
        // Whole 4-character groups covering n bytes at the best alignment.
        let min_base64_run = value.len().div_ceil(3) * 4;
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

/// Takes the run's password out of text a server sent: the password itself (in any ASCII
/// case), and any run of base64 characters that decodes to something containing it (the
/// LOGIN form, the AUTH PLAIN token with or without an authorisation identity, at any
/// alignment). Cheap to clone; holds only a weak reference, so a stored transcript never
/// keeps the password in memory.
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

    /// `text` with every form of the password replaced by [`REDACTED`].
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(forms) = self.0.as_ref().and_then(Weak::upgrade) else {
            return Cow::Borrowed(text);
        };
        if forms.value.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut spans = plain_spans(text, &forms.plain);
        spans.extend(base64_spans(text, &forms));
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        Cow::Owned(replace_spans(text, spans))
    }

    /// [`Redactor::redact`] into an owned string.
    pub fn redact_owned(&self, text: String) -> String {
        match self.redact(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(s) => s,
        }
    }
}

/// Byte ranges where a plain form occurs, compared ASCII case-insensitively. Offsets are
/// those of `text`: ASCII lowercasing keeps every byte where it was.
fn plain_spans(text: &str, forms: &[Zeroizing<String>]) -> Vec<(usize, usize)> {
    let lower = Zeroizing::new(text.to_ascii_lowercase());
    let mut spans = Vec::new();
    for form in forms {
        let mut from = 0;
        while let Some(i) = lower[from..].find(form.as_str()) {
            let start = from + i;
            spans.push((start, start + form.len()));
            from = start + form.len().max(1);
        }
    }
    spans
}

fn is_base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Byte ranges of runs of base64 characters (with their `=` padding) that decode, at any of
/// the four character alignments, to bytes containing the password.
fn base64_spans(text: &str, forms: &Forms) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
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
        if run.len() >= forms.min_base64_run && decodes_to_secret(run, forms.value.as_bytes()) {
            spans.push((start, i));
        }
    }
    spans
}

/// Lenient decoding: padding optional, trailing bits ignored (a token cut out of a longer
/// encoding ends anywhere).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn decodes_to_secret(run: &[u8], secret: &[u8]) -> bool {
    let data = match run.iter().position(|&b| b == b'=') {
        Some(p) => &run[..p],
        None => run,
    };
    (0..4).any(|offset| {
        let Some(rest) = data.get(offset..) else {
            return false;
        };
        // Whole groups only, plus a final partial group of 2 or 3 characters.
        let usable = match rest.len() % 4 {
            1 => rest.len() - 1,
            _ => rest.len(),
        };
        let Ok(decoded) = LENIENT.decode(&rest[..usable]) else {
            return false;
        };
        let decoded = Zeroizing::new(decoded);
        decoded.windows(secret.len()).any(|w| w == secret)
    })
}

/// `text` with each span (merged where they overlap) replaced by [`REDACTED`].
fn replace_spans(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        if end <= at {
            continue;
        }
        if start >= at {
            out.push_str(&text[at..start]);
            out.push_str(REDACTED);
        }
        at = end;
    }
    out.push_str(&text[at..]);
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
        assert_eq!(
            s.redactor().redact("x abcdabcdabcd y ABCDabcd"),
            format!("x {REDACTED}abcd y {REDACTED}")
        );
        assert_eq!(
            replace_spans("0123456789", vec![(1, 4), (3, 6), (8, 9)]),
            format!("0{REDACTED}67{REDACTED}9")
        );
    }
}
