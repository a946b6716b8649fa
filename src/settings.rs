//! What the person told us: their account and the outgoing-server settings as typed.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::profiles::{Profile, Profiles};
use crate::secret::Secret;

pub use crate::endpoint::{Endpoint, Security};

/// Everything a diagnosis starts from. Built from command-line options or the wizard's forms.
#[derive(Debug, Clone)]
pub struct Input {
    pub email: String,
    pub server: Option<String>,
    pub port: Option<u16>,
    pub security: Option<Security>,
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub rcpt: Option<String>,
    pub reference: Option<String>,
    pub timeout: Duration,
    pub dns_server: Option<SocketAddr>,
    pub ca_file: Option<PathBuf>,
    pub error_text: Option<String>,
    /// Send the password over an unencrypted connection when the server offers nothing else.
    pub allow_plaintext_auth: bool,
    /// Answers to the tree's questions, by question id (from `--answer ID=CHOICE` or the wizard).
    pub answers: BTreeMap<String, String>,
    /// The resolver asked for this network's public address (`myip.opendns.com`); `None`:
    /// OpenDNS's. Tests point it at their own lab.
    pub public_ip_dns: Option<SocketAddr>,
    /// Provider profiles: the shipped ones, plus `--profiles DIR`.
    pub profiles: Arc<Profiles>,
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
            rcpt: None,
            reference: None,
            timeout: Duration::from_secs(5),
            dns_server: None,
            ca_file: None,
            error_text: None,
            allow_plaintext_auth: false,
            answers: BTreeMap::new(),
            public_ip_dns: None,
            profiles: Profiles::shared_embedded(),
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

    /// The provider serving the address's domain by name alone (no DNS needed).
    pub fn provider_by_domain(&self) -> Option<&Profile> {
        self.profiles.by_domain(&self.email_domain()?)
    }

    pub fn envelope_rcpt(&self) -> String {
        self.rcpt.clone().unwrap_or_else(|| self.email.clone())
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
}
