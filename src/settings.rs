//! What a diagnosis starts from, in two parts: [`Input`], what the person told us (their
//! account, the outgoing-server settings as typed, the error message, the answers), and
//! [`Options`], the knobs of the checks (time-out, resolvers, extra CA file, reference host,
//! test recipient). The rules the diagnosis applies (tree, profiles, reply rules) are not
//! here: they are the [`crate::catalog::Catalog`], loaded once.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::secret::Secret;

pub use crate::endpoint::{Endpoint, Security};

/// What the person typed. Built from command-line options or the wizard's forms.
#[derive(Debug, Clone)]
pub struct Input {
    pub email: String,
    pub server: Option<String>,
    pub port: Option<u16>,
    pub security: Option<Security>,
    pub user: Option<String>,
    pub password: Option<Secret>,
    /// The error message the mail program showed (`--error-text`), as pasted.
    pub error_text: Option<String>,
    /// Answers to the tree's questions, by question id (from `--answer ID=CHOICE` or the wizard).
    pub answers: BTreeMap<String, String>,
}

impl Input {
    pub fn new(email: impl Into<String>) -> Self {
        Input {
            email: email.into(),
            server: None,
            port: None,
            security: None,
            user: None,
            password: None,
            error_text: None,
            answers: BTreeMap::new(),
        }
    }

    /// The domain part of the e-mail address, lower-cased, if there is one.
    pub fn email_domain(&self) -> Option<String> {
        let (_, domain) = self.email.rsplit_once('@')?;
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        (!domain.is_empty()).then_some(domain)
    }

    /// The login name: `--user`, else the address when a password is given.
    pub fn effective_user(&self) -> Option<String> {
        self.user
            .clone()
            .or_else(|| self.password.as_ref().map(|_| self.email.clone()))
    }
}

/// How the checks run: none of this changes what the person's settings are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The budget for one network step (connect, one reply, a handshake).
    pub timeout: Duration,
    /// The DNS resolver to use instead of the system's.
    pub dns_server: Option<SocketAddr>,
    /// The resolver asked for this network's public address (`myip.opendns.com`); `None`:
    /// OpenDNS's. Tests point it at their own lab.
    pub public_ip_dns: Option<SocketAddr>,
    /// Extra trusted certificate authorities (PEM).
    pub ca_file: Option<PathBuf>,
    /// A host known to accept connections on the mail ports (`--reference`).
    pub reference: Option<String>,
    /// The recipient of the envelope test (`--rcpt`); `None`: the person's own address.
    pub rcpt: Option<String>,
    /// Send the password over an unencrypted connection when the server offers nothing else.
    pub allow_plaintext_auth: bool,
    /// A new account is being set up: also ask what Outlook's Autodiscover and Thunderbird's
    /// autoconfig would fill in (several HTTPS requests), for the address's domain.
    pub new_account: bool,
    /// The DNS blocklists to look the addresses up in (`--blocklists`); `None`: the
    /// embedded ones.
    pub blocklists: Option<std::sync::Arc<crate::checks::blocklist::Blocklists>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            timeout: Duration::from_secs(5),
            dns_server: None,
            public_ip_dns: None,
            ca_file: None,
            reference: None,
            rcpt: None,
            allow_plaintext_auth: false,
            new_account: false,
            blocklists: None,
        }
    }
}

impl Options {
    /// The envelope test's recipient: `--rcpt`, else the person's own address.
    pub fn envelope_rcpt(&self, input: &Input) -> String {
        self.rcpt.clone().unwrap_or_else(|| input.email.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_and_user_defaults() {
        let mut i = Input::new("Me@Example.ORG");
        assert_eq!(i.email_domain().as_deref(), Some("example.org"));
        assert_eq!(i.effective_user(), None);
        i.password = Some(Secret::new("x".into()));
        assert_eq!(i.effective_user().as_deref(), Some("Me@Example.ORG"));
        assert_eq!(Input::new("nodomain").email_domain(), None);
    }

    #[test]
    fn the_recipient_defaults_to_the_sender() {
        let i = Input::new("me@example.org");
        let mut o = Options::default();
        assert_eq!(o.envelope_rcpt(&i), "me@example.org");
        o.rcpt = Some("you@example.net".into());
        assert_eq!(o.envelope_rcpt(&i), "you@example.net");
    }
}
