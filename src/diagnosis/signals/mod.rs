//! The signals a decision tree branches on: named questions about the facts, each with a
//! closed set of outcomes. A signal is written in one place, a [`Signal`] impl in the module
//! of its family (and listed in that module's `SIGNALS`): its name in tree files, its
//! outcome enum, its meaning, how it is answered from the facts and which checks back the
//! answer. The values a conclusion's text may name
//! (`{server}`, `{cert.names}`, ...) sit beside the signals they belong to, as
//! [`Placeholder`]s.
//!
//! [`registry`] and [`placeholders`] collect them: the tree loader checks every tree against
//! them (an unknown signal, outcome or placeholder is an error at its line and column), and
//! the walk asks them. Code that needs an answer itself calls the typed signal
//! (`domain::ExpectedServer::evaluate`), never a name.
//!
//! Families: [`pasted`] (the error message), [`reach`] (this network and the way to the
//! server), [`server`] (the server setting), [`domain`] (what the domain publishes and who
//! hosts it), [`session`] (port and encryption), [`tls`] (the certificate), [`sign_in`],
//! [`envelope`], [`reputation`] (blocklists and the server's reverse DNS).

pub mod autoconfig;
pub mod cert_name;
pub mod domain;
pub mod envelope;
pub mod pasted;
pub mod reach;
pub mod reputation;
pub mod server;
pub mod session;
pub mod sign_in;
pub mod tls;

use super::context::Ctx;
use crate::checks::CheckId;
use crate::profiles::Profile;
use crate::replies::{Heard, Stage};
use crate::settings::Endpoint;
use crate::tree::Answer;

/// A signal's closed set of outcomes: an enum whose variants have the names tree files use.
pub trait Outcome: Copy + Eq + std::fmt::Debug + 'static {
    /// Every outcome, in the order the enum declares them.
    const ALL: &'static [Self];
    /// Their names, in the same order.
    const NAMES: &'static [&'static str];
    fn as_str(self) -> &'static str;
}

/// Declares an outcome enum with the names tree files use for its variants.
macro_rules! outcomes {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// The outcome's name in tree files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl $crate::diagnosis::signals::Outcome for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const NAMES: &'static [&'static str] = &[$($text),+];
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }
    };
}
pub(crate) use outcomes;

/// One signal, defined once.
pub trait Signal {
    /// The name tree files use (`signal = "auth"`).
    const NAME: &'static str;
    /// What it asks, for people writing trees.
    const MEANING: &'static str;
    type Outcome: Outcome;
    /// The reply stages it reads. Reply rules for these stages may name its outcomes, and a
    /// tree may branch on the cause codes they name (see [`crate::replies`]).
    const READS: &'static [Stage] = &[];

    /// The answer, or `None` while the facts it needs are not in yet (a check node then
    /// waits for its own evidence only).
    fn evaluate(cx: &Ctx) -> Option<Self::Outcome>;

    /// The answer with the cause a reply rule named; signals that read replies say more
    /// than [`Signal::evaluate`].
    fn read(cx: &Ctx) -> Option<Reading<Self::Outcome>> {
        Self::evaluate(cx).map(|outcome| Reading {
            outcome,
            cause: None,
        })
    }

    /// The checks that back the answer, for `causes[].evidence`.
    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        Vec::new()
    }
}

/// A signal's answer with the cause a reply rule named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<O> {
    pub outcome: O,
    pub cause: Option<String>,
}

/// What the reply rules say about one reply, for a signal whose outcomes are `O`: of the
/// rules speaking for their tiers (see [`crate::replies`]), the cause of the first that names
/// one, and the outcome of the first that gives one (its own, or its cause read by
/// `from_cause`).
pub(crate) fn read_reply<O: Outcome>(
    cx: &Ctx,
    provider: Option<&Profile>,
    heard: &Heard,
    from_cause: fn(&str) -> Option<O>,
) -> (Option<O>, Option<String>) {
    let catalog = cx.catalog;
    let matches = catalog.replies.matches(&catalog.profiles, provider, heard);
    let cause = matches.iter().find_map(|m| m.cause).map(str::to_string);
    let named = |name: &str| O::NAMES.iter().position(|n| *n == name).map(|i| O::ALL[i]);
    let outcome = matches.iter().find_map(|m| {
        m.outcome
            .and_then(named)
            .or_else(|| m.cause.and_then(from_cause))
    });
    (outcome, cause)
}

/// A signal with its types erased: what the tree loader and the walk use.
#[derive(Clone, Copy)]
pub struct SignalDef {
    pub name: &'static str,
    pub meaning: &'static str,
    pub outcomes: &'static [&'static str],
    pub reads: &'static [Stage],
    read: fn(&Ctx) -> Option<Answer>,
    evidence: fn(&Ctx) -> Vec<CheckId>,
}

impl SignalDef {
    /// The answer as the walk takes it: the outcome's name and the cause a rule named.
    pub fn read(&self, cx: &Ctx) -> Option<Answer> {
        (self.read)(cx)
    }

    pub fn evidence(&self, cx: &Ctx) -> Vec<CheckId> {
        (self.evidence)(cx)
    }
}

impl std::fmt::Debug for SignalDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignalDef")
            .field("name", &self.name)
            .field("outcomes", &self.outcomes)
            .finish_non_exhaustive()
    }
}

fn read_erased<S: Signal>(cx: &Ctx) -> Option<Answer> {
    S::read(cx).map(|r| Answer {
        outcome: r.outcome.as_str().to_string(),
        cause: r.cause,
    })
}

/// The registry entry of a signal.
pub const fn def<S: Signal>() -> SignalDef {
    SignalDef {
        name: S::NAME,
        meaning: S::MEANING,
        outcomes: <S::Outcome as Outcome>::NAMES,
        reads: S::READS,
        read: read_erased::<S>,
        evidence: S::evidence,
    }
}

/// Every signal a tree may name, family by family (each family lists its own in `SIGNALS`,
/// beside their definitions). Adding an outcome to a signal makes trees that do not branch
/// on it invalid, on purpose: the author must decide where it leads.
pub fn registry() -> impl Iterator<Item = &'static SignalDef> {
    [
        pasted::SIGNALS,
        reach::SIGNALS,
        server::SIGNALS,
        domain::SIGNALS,
        session::SIGNALS,
        tls::SIGNALS,
        sign_in::SIGNALS,
        envelope::SIGNALS,
        cert_name::SIGNALS,
        autoconfig::SIGNALS,
        reputation::SIGNALS,
    ]
    .into_iter()
    .flatten()
}

/// Looks a signal up by name.
pub fn find(name: &str) -> Option<&'static SignalDef> {
    registry().find(|s| s.name == name)
}

/// The signal that reads replies at `stage`, if one does.
pub fn reading(stage: Stage) -> Option<&'static SignalDef> {
    registry().find(|s| s.reads.contains(&stage))
}

/// What a placeholder's value is computed from: the signals' inputs and the settings
/// recommended by this diagnosis.
pub struct Fill<'c, 'a> {
    pub cx: &'c Ctx<'a>,
    pub recommended: Option<&'c Endpoint>,
}

/// A value a conclusion's text may name as `{name}`; `None` reads "(unknown)".
#[derive(Clone, Copy)]
pub struct Placeholder {
    pub name: &'static str,
    pub value: fn(&Fill) -> Option<String>,
}

/// Every placeholder, family by family.
pub fn placeholders() -> impl Iterator<Item = &'static Placeholder> {
    [
        server::PLACEHOLDERS,
        reach::PLACEHOLDERS,
        domain::PLACEHOLDERS,
        domain::AUTH_PLACEHOLDERS,
        session::PLACEHOLDERS,
        tls::PLACEHOLDERS,
        cert_name::PLACEHOLDERS,
        sign_in::PLACEHOLDERS,
        autoconfig::PLACEHOLDERS,
        reputation::PLACEHOLDERS,
    ]
    .into_iter()
    .flatten()
}

/// Looks a placeholder up by name.
pub fn placeholder(name: &str) -> Option<&'static Placeholder> {
    placeholders().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_outcomes_are_closed_sets() {
        let mut names: Vec<&str> = registry().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            registry().count(),
            "a signal name is used twice"
        );
        assert_eq!(names.len(), 29);
        for s in registry() {
            assert!(!s.outcomes.is_empty(), "{}", s.name);
            assert!(!s.meaning.trim().is_empty(), "{}", s.name);
            let mut o = s.outcomes.to_vec();
            o.sort_unstable();
            o.dedup();
            assert_eq!(o.len(), s.outcomes.len(), "{}: an outcome twice", s.name);
        }
        // One signal at most reads each reply stage.
        for stage in Stage::ALL {
            let readers = registry().filter(|s| s.reads.contains(&stage)).count();
            assert!(readers <= 1, "{readers} signals read {stage:?}");
        }
        let mut p: Vec<&str> = placeholders().map(|p| p.name).collect();
        let n = p.len();
        p.sort_unstable();
        p.dedup();
        assert_eq!(p.len(), n, "a placeholder name is used twice");
    }

    #[test]
    fn unknown_until_facts_arrive() {
        let catalog = crate::catalog::Catalog::embedded().expect("embedded catalog");
        let input = crate::settings::Input::new("a@example.test");
        let facts = crate::facts::Facts::default();
        let cx = Ctx::new(&catalog, &input, &facts);
        for s in registry() {
            // Only signals answered from the input alone may be known without facts.
            if let Some(v) = s.read(&cx) {
                let v = v.outcome;
                assert!(s.outcomes.contains(&v.as_str()), "{} gave {v}", s.name);
                assert!(
                    [
                        "configured_port",
                        "port_mode",
                        "encryption",
                        "pasted_error",
                        "port_block",
                        // `not_checked` at once when the new-account checks are not planned.
                        "autoconfig_published",
                        "autodiscover_cert"
                    ]
                    .contains(&s.name),
                    "{} known too early",
                    s.name
                );
            }
        }
    }
}
