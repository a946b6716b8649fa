//! What every signal reads, gathered once per diagnosis: the input, the facts, the catalog,
//! the provider the engine found (looked up in the catalog once) and the pasted error
//! message (read once).

use crate::catalog::Catalog;
use crate::checks::smtp::PortProbe;
use crate::error_text::{self, Area, Recognised};
use crate::facts::Facts;
use crate::profiles::Profile;
use crate::settings::Input;

/// The error message the person pasted, read once.
#[derive(Debug, Clone)]
pub struct Pasted<'a> {
    /// As pasted.
    pub text: &'a str,
    pub recognised: Recognised,
    /// Where the catalogue places the message's error number or text.
    pub area: Option<Area>,
}

impl Pasted<'_> {
    /// The server's reply quoted in the message, else the whole message.
    pub fn reply(&self) -> &str {
        self.recognised.server_reply.as_deref().unwrap_or(self.text)
    }
}

/// The inputs of one diagnosis.
pub struct Ctx<'a> {
    pub input: &'a Input,
    pub facts: &'a Facts,
    pub catalog: &'a Catalog,
    /// The profile of the provider the engine found: `None` while detection runs,
    /// `Some(None)` when no profile serves the domain.
    // Two levels on purpose: "not known yet" differs from "known: none".
    #[allow(clippy::option_option)]
    provider: Option<Option<&'a Profile>>,
    /// The profile serving the address's domain by name alone (known at once).
    by_domain: Option<&'a Profile>,
    /// The pasted message, read once (any text, blank included).
    error: Option<Pasted<'a>>,
}

impl<'a> Ctx<'a> {
    pub fn new(catalog: &'a Catalog, input: &'a Input, facts: &'a Facts) -> Ctx<'a> {
        let profiles = &catalog.profiles;
        let provider = facts
            .provider
            .as_ref()
            .map(|found| found.as_ref().and_then(|f| profiles.get(&f.id)));
        let by_domain = input.email_domain().and_then(|d| profiles.by_domain(&d));
        let error = input.error_text.as_deref().map(|text| {
            let reading = error_text::read_in(catalog.error_codes, text);
            Pasted {
                text,
                recognised: reading.recognised,
                area: reading.entry.map(|k| k.area),
            }
        });
        Ctx {
            input,
            facts,
            catalog,
            provider,
            by_domain,
            error,
        }
    }

    /// The provider the engine found: `None` while detection runs.
    pub fn provider(&self) -> Option<Option<&'a Profile>> {
        self.provider
    }

    /// The provider as known now: the engine's finding once in, else by domain alone.
    pub fn provider_now(&self) -> Option<&'a Profile> {
        self.provider.unwrap_or(self.by_domain)
    }

    /// Is [`Ctx::provider_now`] final? It is once the engine has reported, or at once when
    /// the address's domain names a provider (the engine finds that one first).
    pub fn provider_settled(&self) -> bool {
        self.provider.is_some() || self.by_domain.is_some()
    }

    /// The pasted error message, when it holds more than white space.
    pub fn pasted(&self) -> Option<&Pasted<'a>> {
        self.error.as_ref().filter(|p| !p.text.trim().is_empty())
    }

    /// The pasted error message as given (blank included), for the report.
    pub fn error(&self) -> Option<&Pasted<'a>> {
        self.error.as_ref()
    }

    /// Ports ordered for "the port under test first": the configured one, then by number.
    pub fn ports_configured_first(&self) -> Vec<&'a PortProbe> {
        let mut ports: Vec<&PortProbe> = self.facts.ports.values().collect();
        ports.sort_by_key(|p| (Some(p.port) != self.input.port, p.port));
        ports
    }
}
