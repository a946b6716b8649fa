//! Reading and validating profile files. Serde does the strict part (unknown fields, wrong
//! types, unknown enum values); the checks serde cannot express follow, each pinned to the
//! position of the value at fault. Reading a folder and putting its files over the shipped
//! ones is in `files`.

mod files;

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub(super) use files::{collect, read_dir};

use super::{Profile, ReplyRule, Signin, Submission, UsernameForm, WhoActs};
use crate::endpoint::Security;

/// One problem in one profile file. `line` and `column` are 1-based (characters); both are 0
/// when the problem has no position (an unreadable file or directory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ProfileError {}

/// Every problem found, one per line when displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileErrors(pub Vec<ProfileError>);

impl fmt::Display for ProfileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ProfileErrors {}

/// Field names `unconfirmed` may list.
const FIELDS: &[&str] = &[
    "domains",
    "mx_patterns",
    "submission",
    "username",
    "signin",
    "who_acts",
    "notes",
    "reply",
    "dkim_selectors",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    domains: Vec<Spanned<String>>,
    #[serde(default)]
    mx_patterns: Vec<Spanned<String>>,
    #[serde(default)]
    generic: bool,
    username: UsernameForm,
    signin: Signin,
    who_acts: WhoActs,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    unconfirmed: Vec<Spanned<String>>,
    #[serde(default)]
    submission: Vec<RawSubmission>,
    #[serde(default)]
    reply: Vec<RawReply>,
    #[serde(default)]
    dkim_selectors: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubmission {
    host: Spanned<String>,
    port: Spanned<u16>,
    security: Security,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReply {
    contains: Spanned<String>,
    also: Option<Spanned<String>>,
    cause: Spanned<String>,
    explain: Spanned<String>,
    #[serde(default)]
    generic: bool,
    example: Option<Spanned<String>>,
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    // A span from the parser always falls on a character boundary; be safe anyway.
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
    errors: Vec<ProfileError>,
}

impl Ctx<'_> {
    fn err(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_col(self.text, span.start);
        self.errors.push(ProfileError {
            file: self.origin.to_string(),
            line,
            column,
            message: message.into(),
        });
    }
}

/// Parses one file; on success also returns the position of its `id` (for duplicate reports).
pub(super) fn parse(text: &str, origin: &str) -> Result<(Profile, (usize, usize)), ProfileErrors> {
    let mut cx = Ctx {
        text,
        origin,
        errors: Vec::new(),
    };
    let raw: RawProfile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            cx.err(e.span().unwrap_or(0..0), e.message().trim().to_string());
            return Err(ProfileErrors(cx.errors));
        }
    };
    let profile = validate(&mut cx, raw);
    if cx.errors.is_empty() {
        Ok((profile.0, profile.1))
    } else {
        Err(ProfileErrors(cx.errors))
    }
}

fn validate(cx: &mut Ctx<'_>, raw: RawProfile) -> (Profile, (usize, usize)) {
    let id_at = raw.id.span();
    let id = raw.id.into_inner();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        cx.err(
            id_at.clone(),
            format!("`id` {id:?} must be lower-case letters, digits, `_` or `-`"),
        );
    }
    if raw.name.get_ref().trim().is_empty() {
        cx.err(raw.name.span(), "`name` must not be empty");
    }
    let domains = patterns(cx, raw.domains, "domains");
    let mx_patterns = patterns(cx, raw.mx_patterns, "mx_patterns");
    if raw.generic {
        if !domains.is_empty() || !mx_patterns.is_empty() {
            cx.err(
                id_at.clone(),
                "a generic profile is never selected by domain or MX: remove `domains` and `mx_patterns`, or set `generic = false`",
            );
        }
    } else if domains.is_empty() && mx_patterns.is_empty() {
        cx.err(
            id_at.clone(),
            format!("profile `{id}` has neither `domains` nor `mx_patterns`, so nothing would select it (a hosting pattern needs `generic = true`)"),
        );
    }
    if raw.submission.is_empty() {
        cx.err(
            id_at.clone(),
            format!("profile `{id}` has no `[[submission]]` entry"),
        );
    }
    let submission = raw
        .submission
        .into_iter()
        .map(|s| submission(cx, s))
        .collect();
    let reply = raw.reply.into_iter().map(|r| reply(cx, r)).collect();
    let dkim_selectors = raw
        .dkim_selectors
        .into_iter()
        .filter_map(|s| dkim_selector(cx, s))
        .collect();
    let mut unconfirmed = Vec::new();
    for u in raw.unconfirmed {
        if !FIELDS.contains(&u.get_ref().as_str()) {
            cx.err(
                u.span(),
                format!(
                    "`unconfirmed` lists {:?}, which is not a field (one of: {})",
                    u.get_ref(),
                    FIELDS.join(", ")
                ),
            );
        }
        unconfirmed.push(u.into_inner());
    }
    let profile = Profile {
        id,
        name: raw.name.into_inner(),
        domains,
        mx_patterns,
        generic: raw.generic,
        submission,
        username: raw.username,
        signin: raw.signin,
        who_acts: raw.who_acts,
        notes: raw.notes,
        reply,
        sources: raw.sources,
        unconfirmed,
        dkim_selectors,
        origin: cx.origin.to_string(),
    };
    (profile, line_col(cx.text, id_at.start))
}

/// A DKIM selector is one or more DNS labels (RFC 6376 3.1): letters, digits and `-`,
/// dot-separated, each 1 to 63 characters; it becomes `SELECTOR._domainkey.DOMAIN`.
fn dkim_selector(cx: &mut Ctx<'_>, s: Spanned<String>) -> Option<String> {
    let span = s.span();
    let sel = s.into_inner();
    let valid = !sel.is_empty()
        && sel.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    if valid {
        Some(sel.to_ascii_lowercase())
    } else {
        cx.err(
            span,
            format!("`dkim_selectors` lists {sel:?}, which is not a DNS label (letters, digits and `-`, dot-separated)"),
        );
        None
    }
}

/// Checks domain and MX patterns: a host name, optionally prefixed by `*.`; stored
/// lower-cased without a trailing dot.
fn patterns(cx: &mut Ctx<'_>, list: Vec<Spanned<String>>, field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in list {
        let span = p.span();
        let value = p
            .into_inner()
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let host = value.strip_prefix("*.").unwrap_or(&value);
        if !is_host_name(host) {
            cx.err(
                span,
                format!(
                    "`{field}` entry {value:?} is not a host name (optionally starting with `*.`)"
                ),
            );
        }
        out.push(value);
    }
    out
}

/// Letters, digits and hyphens in dot-separated non-empty labels.
fn is_host_name(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn submission(cx: &mut Ctx<'_>, s: RawSubmission) -> Submission {
    let host = s.host.get_ref().trim().to_ascii_lowercase();
    // `{domain}` is the only placeholder; any other brace is a typo.
    let filled = host.replace("{domain}", "example.com");
    if !is_host_name(&filled) {
        cx.err(
            s.host.span(),
            format!("`host` {host:?} is not a host name (`{{domain}}` may stand for the address's domain)"),
        );
    }
    if *s.port.get_ref() == 0 {
        cx.err(s.port.span(), "`port` must be between 1 and 65535");
    }
    Submission {
        host,
        port: s.port.into_inner(),
        security: s.security,
    }
}

fn reply(cx: &mut Ctx<'_>, r: RawReply) -> ReplyRule {
    if r.contains.get_ref().trim().is_empty() {
        cx.err(r.contains.span(), "`contains` must not be empty");
    }
    if let Some(a) = &r.also {
        if a.get_ref().trim().is_empty() {
            cx.err(a.span(), "`also` must not be empty (leave it out instead)");
        }
    }
    if !crate::causes::is_known(r.cause.get_ref()) {
        cx.err(
            r.cause.span(),
            format!(
                "unknown cause code {:?} (see assets/causes.toml)",
                r.cause.get_ref()
            ),
        );
    }
    if r.explain.get_ref().trim().is_empty() {
        cx.err(r.explain.span(), "`explain` must not be empty");
    }
    let rule = ReplyRule {
        contains: r.contains.into_inner(),
        also: r.also.map(Spanned::into_inner),
        cause: r.cause.into_inner(),
        explain: r.explain.into_inner(),
        generic: r.generic,
        example: None,
    };
    let example = r.example.map(|e| {
        if !rule.matches(e.get_ref()) {
            cx.err(
                e.span(),
                "`example` does not match this rule's `contains`/`also`",
            );
        }
        e.into_inner()
    });
    ReplyRule { example, ..rule }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "a = 1\nné = \"x\"\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 6), (2, 1));
        // After "né " (4 bytes, 3 characters).
        assert_eq!(line_col(t, 10), (2, 4));
        assert_eq!(line_col(t, 999), (3, 1));
    }

    #[test]
    fn error_display() {
        let e = ProfileErrors(vec![
            ProfileError {
                file: "a.toml".into(),
                line: 2,
                column: 5,
                message: "bad".into(),
            },
            ProfileError {
                file: "dir".into(),
                line: 0,
                column: 0,
                message: "unreadable".into(),
            },
        ]);
        assert_eq!(e.to_string(), "a.toml:2:5: bad\ndir: unreadable");
    }
}
