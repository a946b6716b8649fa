//! What a server's reply means: the one place that classifies SMTP replies (and the reply a
//! person pasted from their mail program's error message).
//!
//! A reply rule looks at the stage of the conversation, the reply code (exact or a class such
//! as `4xx`), the enhanced status code, fragments of the text and whether the client had
//! signed in; it names an outcome of the signal that reads that stage (the envelope test's
//! `client_blocked`, ...), a cause code, or both, and may explain the reply in plain words.
//!
//! Rules come from three places, and the more specific come first:
//! 1. the host's own overlay files (`--tree-extra`, `[[reply]]`), in the order given on the
//!    command line and, within a file, in file order;
//! 2. the provider profiles (`[[reply]]` of `profiles/*.toml` and `--profiles DIR`): the rules
//!    of the provider serving the address, then every profile's `generic` rules;
//! 3. the built-in rules of `assets/replies.toml`, in file order, whose last rules catch
//!    whatever is left.
//!
//! Within each of these three tiers the first matching rule speaks for the tier. For one
//! reply, the cause is the one named by the first tier's rule that names a cause; the
//! outcome is the one of the first tier's rule that gives the signal an outcome (its own
//! `outcome`, or a cause the signal reads as one, such as a provider's
//! `config.app_password_required` for the sign-in). So a host's rule that names only a cause
//! leaves the outcome to the profiles and the built-in rules, and a tree may branch on the
//! cause (see the README). The signals are in `crate::diagnosis::signals`; this module knows
//! none of them.

mod load;

use std::fmt;

use crate::profiles::{Profile, Profiles};
use crate::protocol::reply::{EnhancedCode, Reply};

pub use load::{parse_built_in, rules_from, RuleVocabulary, BUILT_IN, BUILT_IN_ORIGIN};

/// Where in the conversation a reply came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// The server's greeting (a refusing `421`/`554`).
    Greeting,
    /// The answer to AUTH.
    Auth,
    /// The answer to MAIL FROM.
    Mail,
    /// The answer to RCPT TO.
    Rcpt,
    /// A reply quoted in the error message the person pasted.
    Pasted,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Greeting,
        Stage::Auth,
        Stage::Mail,
        Stage::Rcpt,
        Stage::Pasted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Greeting => "greeting",
            Stage::Auth => "auth",
            Stage::Mail => "mail",
            Stage::Rcpt => "rcpt",
            Stage::Pasted => "pasted",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// A reply code, or a class of them: `550`, `5xx`, `55x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePattern([Option<u8>; 3]);

impl CodePattern {
    /// `550` or `5xx`: three characters, the first a digit 2 to 5, the rest digits or `x`.
    pub fn parse(s: &str) -> Option<CodePattern> {
        let b = s.as_bytes();
        if b.len() != 3 || !(b'2'..=b'5').contains(&b[0]) {
            return None;
        }
        let mut digits = [None; 3];
        for (i, c) in b.iter().enumerate() {
            digits[i] = match c {
                b'0'..=b'9' => Some(c - b'0'),
                b'x' | b'X' if i > 0 => None,
                _ => return None,
            };
        }
        Some(CodePattern(digits))
    }

    pub fn matches(self, code: u16) -> bool {
        let digits = [code / 100, code / 10 % 10, code % 10];
        code < 1000
            && self
                .0
                .iter()
                .zip(digits)
                .all(|(want, got)| want.is_none_or(|w| u16::from(w) == got))
    }
}

impl fmt::Display for CodePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0 {
            match d {
                Some(d) => write!(f, "{d}")?,
                None => f.write_str("x")?,
            }
        }
        Ok(())
    }
}

/// One reply rule. Every condition given must hold; an empty list holds always.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The stages it applies to; empty: any.
    pub stages: Vec<Stage>,
    pub code: Option<CodePattern>,
    pub enhanced: Option<EnhancedCode>,
    /// Any of these fragments (lower-cased) in the reply.
    pub contains: Vec<String>,
    /// Each of these fragments (lower-cased) in the reply as well.
    pub also: Vec<String>,
    /// Whether the client had signed in when the reply came.
    pub signed_in: Option<bool>,
    /// An outcome of the signal that reads the rule's stages.
    pub outcome: Option<String>,
    /// A cause code.
    pub cause: Option<String>,
    /// Plain words for the person.
    pub explain: Option<String>,
    /// `file:line` of the rule, for people reading a diagnosis.
    pub origin: String,
}

impl Rule {
    pub fn matches(&self, heard: &Heard) -> bool {
        (self.stages.is_empty() || self.stages.contains(&heard.stage))
            && self
                .code
                .is_none_or(|c| heard.code.is_some_and(|got| c.matches(got)))
            && self.enhanced.is_none_or(|e| heard.enhanced == Some(e))
            && (self.contains.is_empty() || self.contains.iter().any(|f| heard.lower.contains(f)))
            && self.also.iter().all(|f| heard.lower.contains(f))
            && self
                .signed_in
                .is_none_or(|want| heard.signed_in == Some(want))
    }
}

/// A reply to classify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heard {
    pub stage: Stage,
    /// The reply as one line: code, enhanced code and text.
    pub text: String,
    lower: String,
    pub code: Option<u16>,
    pub enhanced: Option<EnhancedCode>,
    /// Whether the client had signed in; `None` when unknown (a pasted message).
    pub signed_in: Option<bool>,
}

impl Heard {
    /// A reply the server sent at `stage`.
    pub fn reply(stage: Stage, reply: &Reply, signed_in: Option<bool>) -> Heard {
        let text = reply.to_string();
        Heard {
            stage,
            lower: text.to_lowercase(),
            text,
            code: Some(reply.code),
            enhanced: reply.enhanced,
            signed_in,
        }
    }

    /// A reply quoted in a pasted message (`534-5.7.9 Application-specific ...`): its code
    /// and enhanced code when it starts with them.
    pub fn pasted(text: &str) -> Heard {
        let t = text.trim_start();
        let b = t.as_bytes();
        let code = (b.len() >= 3
            && b[..3].iter().all(u8::is_ascii_digit)
            && b.get(3).is_none_or(|c| matches!(c, b' ' | b'-')))
        .then(|| t[..3].parse().ok())
        .flatten();
        let enhanced = code.and_then(|_| EnhancedCode::parse_prefix(t.get(4..)?));
        Heard {
            stage: Stage::Pasted,
            lower: text.to_lowercase(),
            text: text.to_string(),
            code,
            enhanced,
            signed_in: None,
        }
    }
}

/// Where a matching rule came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSource<'r> {
    /// A host's overlay file (`file:line`).
    Host(&'r str),
    /// A provider profile, by id.
    Profile(&'r str),
    /// `assets/replies.toml` (`file:line`).
    BuiltIn(&'r str),
}

/// A rule that matched a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMatch<'r> {
    pub outcome: Option<&'r str>,
    pub cause: Option<&'r str>,
    pub explain: Option<&'r str>,
    pub source: RuleSource<'r>,
}

/// The reply rules of a catalog besides the profiles': the host's and the built-in ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replies {
    host: Vec<Rule>,
    built_in: Vec<Rule>,
}

impl Replies {
    pub fn new(host: Vec<Rule>, built_in: Vec<Rule>) -> Replies {
        Replies { host, built_in }
    }

    pub fn host(&self) -> &[Rule] {
        &self.host
    }

    pub fn built_in(&self) -> &[Rule] {
        &self.built_in
    }

    /// What the rules say about `heard`, most specific first: the first matching rule of
    /// the host's, then of the profiles' (`provider`'s own, then every profile's generic
    /// ones), then of the built-in ones; at most one per tier, as the first match of a tier
    /// speaks for it.
    pub fn matches<'r>(
        &'r self,
        profiles: &'r Profiles,
        provider: Option<&'r Profile>,
        heard: &Heard,
    ) -> Vec<RuleMatch<'r>> {
        let own = |r: &'r Rule, source: RuleSource<'r>| RuleMatch {
            outcome: r.outcome.as_deref(),
            cause: r.cause.as_deref(),
            explain: r.explain.as_deref(),
            source,
        };
        let host = self
            .host
            .iter()
            .find(|r| r.matches(heard))
            .map(|r| own(r, RuleSource::Host(&r.origin)));
        let profile = profiles
            .rules_for(provider)
            .find(|(_, r)| r.matches(&heard.text))
            .map(|(p, r)| RuleMatch {
                outcome: None,
                cause: Some(&r.cause),
                explain: Some(&r.explain),
                source: RuleSource::Profile(&p.id),
            });
        let built_in = self
            .built_in
            .iter()
            .find(|r| r.matches(heard))
            .map(|r| own(r, RuleSource::BuiltIn(&r.origin)));
        [host, profile, built_in].into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_patterns() {
        let p = |s| CodePattern::parse(s).unwrap_or_else(|| panic!("{s}"));
        assert!(p("550").matches(550));
        assert!(!p("550").matches(554));
        assert!(p("5xx").matches(554));
        assert!(p("55x").matches(553));
        assert!(!p("4xx").matches(550));
        assert_eq!(p("4xX").to_string(), "4xx");
        for bad in ["", "5", "5000", "x50", "650", "1xx", "5a0", "55 "] {
            assert_eq!(CodePattern::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn pasted_replies_keep_their_codes() {
        let h = Heard::pasted("534-5.7.9 Application-specific password required.");
        assert_eq!(h.code, Some(534));
        assert_eq!(h.enhanced.map(|e| e.to_string()).as_deref(), Some("5.7.9"));
        let h = Heard::pasted("550 Customer suspended");
        assert_eq!((h.code, h.enhanced), (Some(550), None));
        let h = Heard::pasted("Cannot send: 550 5.7.1 nope");
        assert_eq!((h.code, h.enhanced), (None, None));
        assert_eq!(Heard::pasted("5").code, None);
    }

    #[test]
    fn every_condition_must_hold() {
        let rule = Rule {
            stages: vec![Stage::Mail, Stage::Rcpt],
            code: CodePattern::parse("5xx"),
            enhanced: None,
            contains: vec!["suspended".into(), "unpaid".into()],
            also: vec!["customer".into()],
            signed_in: Some(true),
            outcome: None,
            cause: Some("host.billing_suspended".into()),
            explain: None,
            origin: "t.toml:1".into(),
        };
        let reply = |code, text: &str| Reply {
            code,
            enhanced: None,
            lines: vec![text.to_string()],
        };
        let yes = Heard::reply(Stage::Rcpt, &reply(550, "Customer Suspended"), Some(true));
        assert!(rule.matches(&yes));
        for no in [
            Heard::reply(Stage::Auth, &reply(550, "Customer suspended"), Some(true)),
            Heard::reply(Stage::Rcpt, &reply(450, "Customer suspended"), Some(true)),
            Heard::reply(Stage::Rcpt, &reply(550, "Suspended"), Some(true)),
            Heard::reply(Stage::Rcpt, &reply(550, "Customer moved"), Some(true)),
            Heard::reply(Stage::Rcpt, &reply(550, "Customer suspended"), Some(false)),
            Heard::reply(Stage::Rcpt, &reply(550, "Customer suspended"), None),
        ] {
            assert!(!rule.matches(&no), "{no:?}");
        }
    }
}
