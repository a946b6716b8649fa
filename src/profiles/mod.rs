//! Provider profiles: which submission server, port, encryption, username form and sign-in
//! kind a mail provider expects, how to recognise the provider (address domains, MX host
//! patterns) and what its own SMTP reply texts mean (cause code + plain words).
//!
//! The profiles ship as `profiles/*.toml`, embedded in the binary; `--profiles DIR` adds
//! profiles or replaces shipped ones by `id`. The schema is documented in
//! `profiles/README.md`. Loading is strict and every problem is reported as
//! `file:line:column: message`.
//!
//! Lookups are pure: the engine resolves DNS and passes the MX host names in.

mod embedded;
mod load;

use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::endpoint::{Endpoint, Security};

pub use load::{ProfileError, ProfileErrors};
/// The shipped profile files (name, text), embedded at build time.
pub const EMBEDDED_FILES: &[(&str, &str)] = embedded::FILES;

/// How the login name is formed from the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsernameForm {
    /// The whole address, `me@example.com`.
    Email,
    /// Only the part before `@` (WEB.DE).
    LocalPart,
}

/// What the provider accepts as the secret for SMTP sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signin {
    /// The mailbox password.
    Password,
    /// A separate password made for mail programs (app-specific, "E-Mail-Passwort",
    /// Bridge password); the account password is refused.
    AppPassword,
    /// An app password, or modern sign-in (OAuth) in a client that supports it.
    AppPasswordOrOauth,
    /// Only modern sign-in (OAuth); no password of any kind works.
    OauthOnly,
}

/// Who must act when sign-in is refused by the provider's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhoActs {
    /// The person themself, in the provider's account settings.
    Person,
    /// The organisation's administrator (tenant or domain settings).
    Administrator,
    /// The hosting company.
    Host,
}

/// One way to reach the provider's submission service; the first is preferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Submission {
    /// Host name; `{domain}` stands for the address's domain (generic hosting patterns).
    pub host: String,
    pub port: u16,
    pub security: Security,
}

/// A provider reply text and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyRule {
    /// Case-insensitive substring of the server reply.
    pub contains: String,
    /// A second substring that must also be present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<String>,
    /// A cause code of `assets/causes.toml`.
    pub cause: String,
    /// Plain words for the person.
    pub explain: String,
    /// The text identifies the provider by itself, so it applies even when the address's
    /// provider is unknown (e.g. Microsoft's or Exim's wording on a custom domain).
    pub generic: bool,
    /// A sample reply this rule must match (checked when loading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// A mail provider, or a generic hosting pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// Address domains the provider serves directly; `*.` = any subdomain.
    pub domains: Vec<String>,
    /// MX host patterns that identify a domain hosted there; `*.` = any subdomain.
    pub mx_patterns: Vec<String>,
    /// A hosting pattern (cPanel, Plesk, Zimbra): never selected by domain or MX, offered as
    /// a fallback by [`Profiles::generic`].
    pub generic: bool,
    pub submission: Vec<Submission>,
    pub username: UsernameForm,
    pub signin: Signin,
    pub who_acts: WhoActs,
    /// Plain-language sign-in notes.
    pub notes: Vec<String>,
    pub reply: Vec<ReplyRule>,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// Fields that rest on facts marked unconfirmed in the sources.
    pub unconfirmed: Vec<String>,
    /// DKIM selectors the provider signs the domain's mail with (`google`, `selector1`);
    /// their keys must be published in the customer's domain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dkim_selectors: Vec<String>,
    /// The file it was read from (`profiles/gmail.toml` for shipped ones); not reported, as a
    /// user's directory path is nobody else's business.
    #[serde(skip)]
    pub origin: String,
}

/// A provider reply recognised by [`Profiles::match_reply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyMatch {
    pub cause: String,
    pub explain: String,
    pub profile_id: String,
}

impl Profile {
    /// Parses and validates one profile file's text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Profile, ProfileErrors> {
        load::parse(text, origin).map(|(p, _)| p)
    }

    /// The submission endpoints for an address at `domain`, preferred first, with
    /// `{domain}` filled in.
    pub fn submission_for(&self, domain: &str) -> Vec<Endpoint> {
        let domain = normalise_host(domain);
        self.submission
            .iter()
            .map(|s| Endpoint {
                server: s.host.replace("{domain}", &domain),
                port: s.port,
                security: s.security,
                user: None,
            })
            .collect()
    }

    /// The login name this provider expects for `email`.
    pub fn username_for(&self, email: &str) -> String {
        let email = email.trim();
        match self.username {
            UsernameForm::Email => email.to_string(),
            UsernameForm::LocalPart => email
                .rsplit_once('@')
                .map_or_else(|| email.to_string(), |(local, _)| local.to_string()),
        }
    }

    /// Whether `host` is one of this provider's submission hosts for an address at `domain`.
    pub fn is_submission_host(&self, host: &str, domain: &str) -> bool {
        let host = normalise_host(host);
        self.submission_for(domain)
            .iter()
            .any(|e| e.server.eq_ignore_ascii_case(&host))
    }

    fn serves_domain(&self, domain: &str) -> bool {
        !self.generic && self.domains.iter().any(|p| host_matches(p, domain))
    }

    fn matches_mx(&self, host: &str) -> bool {
        !self.generic && self.mx_patterns.iter().any(|p| host_matches(p, host))
    }
}

impl ReplyRule {
    /// Whether the rule matches an already lower-cased reply.
    fn matches_lower(&self, lower: &str) -> bool {
        lower.contains(&self.contains.to_lowercase())
            && self
                .also
                .as_ref()
                .is_none_or(|a| lower.contains(&a.to_lowercase()))
    }

    /// Whether the rule matches a reply text (case-insensitive).
    pub fn matches(&self, reply_text: &str) -> bool {
        self.matches_lower(&reply_text.to_lowercase())
    }
}

/// All profiles, in lookup order: those from `--profiles DIR` first (file-name order), then
/// the shipped ones (file-name order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profiles {
    list: Vec<Profile>,
}

impl Profiles {
    /// The shipped profiles. A test proves them valid, so the error arm is a build defect.
    pub fn embedded() -> Result<&'static Profiles, &'static ProfileErrors> {
        static EMBEDDED: OnceLock<Result<Profiles, ProfileErrors>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| load::collect(embedded::FILES, &[]))
            .as_ref()
    }

    /// The shipped profiles plus every `*.toml` of `extra_dir`, which add profiles or replace
    /// shipped ones with the same `id`.
    pub fn load(extra_dir: Option<&Path>) -> Result<Profiles, ProfileErrors> {
        let extra = match extra_dir {
            None => Vec::new(),
            Some(dir) => load::read_dir(dir)?,
        };
        load::collect(embedded::FILES, &extra)
    }

    /// [`Profiles::load`] with other texts for the shipped profiles (the same files with
    /// their notes translated: `catalog` passes them).
    pub fn load_shipped_as(
        shipped: &[(&str, &str)],
        extra_dir: Option<&Path>,
    ) -> Result<Profiles, ProfileErrors> {
        let extra = match extra_dir {
            None => Vec::new(),
            Some(dir) => load::read_dir(dir)?,
        };
        load::collect(shipped, &extra)
    }

    pub fn all(&self) -> &[Profile] {
        &self.list
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.list.iter().find(|p| p.id == id)
    }

    /// The provider serving addresses at `domain` directly (an address is accepted too).
    pub fn by_domain(&self, domain: &str) -> Option<&Profile> {
        let domain = domain.rsplit_once('@').map_or(domain, |(_, d)| d);
        let domain = normalise_host(domain);
        if domain.is_empty() {
            return None;
        }
        self.list.iter().find(|p| p.serves_domain(&domain))
    }

    /// The provider hosting a domain with these MX hosts (in preference order: the first MX
    /// host that any profile recognises decides).
    pub fn by_mx(&self, mx_hosts: &[String]) -> Option<&Profile> {
        mx_hosts.iter().find_map(|h| {
            let h = normalise_host(h);
            if h.is_empty() {
                return None;
            }
            self.list.iter().find(|p| p.matches_mx(&h))
        })
    }

    /// The generic hosting patterns (cPanel, Plesk, ...), for domains no profile recognises.
    pub fn generic(&self) -> impl Iterator<Item = &Profile> {
        self.list.iter().filter(|p| p.generic)
    }

    /// The reply rules that apply to an address at `profile`, in the order they are tried:
    /// the profile's own (all of them, in file order), then the `generic` rules of every
    /// other profile (provider wording recognisable on any domain).
    pub fn rules_for<'p>(
        &'p self,
        profile: Option<&'p Profile>,
    ) -> impl Iterator<Item = (&'p Profile, &'p ReplyRule)> + 'p {
        let own = profile
            .into_iter()
            .flat_map(|p| p.reply.iter().map(move |r| (p, r)));
        let generic = self
            .list
            .iter()
            .filter(move |p| profile.is_none_or(|given| given.id != p.id))
            .flat_map(|p| p.reply.iter().filter(|r| r.generic).map(move |r| (p, r)));
        own.chain(generic)
    }

    /// What a server reply means by the profiles alone: the first of [`Profiles::rules_for`]
    /// that matches. (A diagnosis asks `crate::replies`, which adds a host's and the
    /// built-in rules around these.)
    pub fn match_reply(&self, profile: Option<&Profile>, reply_text: &str) -> Option<ReplyMatch> {
        let lower = reply_text.to_lowercase();
        self.rules_for(profile)
            .find(|(_, r)| r.matches_lower(&lower))
            .map(|(p, r)| ReplyMatch {
                cause: r.cause.clone(),
                explain: r.explain.clone(),
                profile_id: p.id.clone(),
            })
    }
}

/// Lower-cased, trimmed, without the trailing dot of a fully qualified name.
fn normalise_host(h: &str) -> String {
    h.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// `pattern` is a host name, or `*.` + a suffix matching any subdomain (not the suffix
/// itself). `host` must already be normalised.
fn host_matches(pattern: &str, host: &str) -> bool {
    match pattern.strip_prefix("*.") {
        Some(suffix) => host
            .strip_suffix(suffix)
            .is_some_and(|rest| rest.len() > 1 && rest.ends_with('.')),
        None => pattern == host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(host_matches("*.google.com", "aspmx.l.google.com"));
        assert!(host_matches("*.google.com", "x.google.com"));
        assert!(!host_matches("*.google.com", "google.com"));
        assert!(!host_matches("*.google.com", "evilgoogle.com"));
        assert!(!host_matches("*.google.com", ".google.com"));
        assert!(host_matches("smtp.google.com", "smtp.google.com"));
        assert!(!host_matches("smtp.google.com", "alt.smtp.google.com"));
        assert_eq!(normalise_host(" MX.Example.COM. "), "mx.example.com");
    }
}
