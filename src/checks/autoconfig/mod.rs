//! What Outlook and Thunderbird would set up a new account with: every place each of them
//! asks for the domain's settings, in the order it asks, fetched at once (`fetch`), read
//! (`parse`) and compared with the settings this run verified (`compare`).
//!
//! Outlook (classic, POX Autodiscover; MS-OXDISCO 3.1.5 and Microsoft Learn "Autodiscover
//! for Exchange"): a POST to `https://DOMAIN/autodiscover/autodiscover.xml`, then to
//! `https://autodiscover.DOMAIN/...`, then a GET of `http://autodiscover.DOMAIN/...` whose
//! only useful answer is a 302 to an https URL (Outlook asks the person first), then the
//! `_autodiscover._tcp.DOMAIN` SRV record's host (asked about too).
//! Thunderbird (wiki.mozilla.org/Thunderbird:Autoconfiguration): `https://autoconfig.DOMAIN/
//! mail/config-v1.1.xml?emailaddress=ADDRESS`, then `https://DOMAIN/.well-known/autoconfig/
//! mail/config-v1.1.xml`, then Mozilla's ISPDB, then guesses. The ISPDB is a download from
//! Mozilla's servers: this tool works offline-first and does not ask it.

pub mod compare;
pub mod fetch;
pub mod parse;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::checks::cert::CertProblem;
pub use parse::{PublishedSmtp, SocketType};

/// The mail program that asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Client {
    Outlook,
    Thunderbird,
}

impl Client {
    pub fn name(self) -> &'static str {
        match self {
            Client::Outlook => "Outlook",
            Client::Thunderbird => "Thunderbird",
        }
    }
}

/// One place a client asks, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// `https://DOMAIN/autodiscover/autodiscover.xml` (POST).
    AutodiscoverDomain,
    /// `https://autodiscover.DOMAIN/autodiscover/autodiscover.xml` (POST).
    AutodiscoverHost,
    /// `http://autodiscover.DOMAIN/autodiscover/autodiscover.xml` (GET, answered by a redirect).
    AutodiscoverRedirect,
    /// The host of the `_autodiscover._tcp.DOMAIN` SRV record (POST).
    AutodiscoverSrv,
    /// `https://autoconfig.DOMAIN/mail/config-v1.1.xml?emailaddress=...` (GET).
    AutoconfigHost,
    /// `https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml` (GET).
    AutoconfigWellKnown,
}

impl Place {
    /// Outlook's places in its order, then Thunderbird's.
    pub const ALL: [Place; 6] = [
        Place::AutodiscoverDomain,
        Place::AutodiscoverHost,
        Place::AutodiscoverRedirect,
        Place::AutodiscoverSrv,
        Place::AutoconfigHost,
        Place::AutoconfigWellKnown,
    ];

    pub fn client(self) -> Client {
        match self {
            Place::AutoconfigHost | Place::AutoconfigWellKnown => Client::Thunderbird,
            _ => Client::Outlook,
        }
    }

    /// The URL asked first for `email` (the SRV place's comes from DNS: `None`).
    pub fn url(self, email: &str, domain: &str) -> Option<String> {
        Some(match self {
            Place::AutodiscoverDomain => {
                format!("https://{domain}/autodiscover/autodiscover.xml")
            }
            Place::AutodiscoverHost => {
                format!("https://autodiscover.{domain}/autodiscover/autodiscover.xml")
            }
            Place::AutodiscoverRedirect => {
                format!("http://autodiscover.{domain}/autodiscover/autodiscover.xml")
            }
            Place::AutodiscoverSrv => return None,
            Place::AutoconfigHost => format!(
                "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={}",
                query_escape(email)
            ),
            Place::AutoconfigWellKnown => {
                format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml")
            }
        })
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for a query value.
fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// What one place gave. Every string is terminal-safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceResult {
    pub place: Place,
    /// The URL asked first (for the SRV place: built from the record; absent without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the settings finally came from, when redirects led elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The address the answer sent Outlook on to (`redirectAddr`); the settings, or the
    /// problem, are then those of Outlook's discovery for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_addr: Option<String>,
    /// A web server answered (with any status).
    pub reached: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why nothing usable came: no such name, refused, time-out, not a settings file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The HTTPS certificate was not accepted, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_problem: Option<CertProblem>,
    /// The names the refused certificate is for (from a second, unverified handshake).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cert_names: Vec<String>,
    /// The host whose certificate was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_host: Option<String>,
    /// The outgoing servers the file publishes; `None`: no settings file here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<Vec<PublishedSmtp>>,
}

impl PlaceResult {
    pub fn new(place: Place, url: Option<String>) -> PlaceResult {
        PlaceResult {
            place,
            url,
            final_url: None,
            redirect_addr: None,
            reached: false,
            status: None,
            problem: None,
            cert_problem: None,
            cert_names: Vec::new(),
            cert_host: None,
            smtp: None,
        }
    }

    /// The URL the settings came from: the last one asked.
    pub fn source_url(&self) -> Option<&str> {
        self.final_url.as_deref().or(self.url.as_deref())
    }
}

/// Every place both clients ask for the address's domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoconfigCheck {
    pub domain: String,
    /// In [`Place::ALL`]'s order.
    pub places: Vec<PlaceResult>,
}

impl AutoconfigCheck {
    /// The place whose settings `client` takes: the first in its order that gave a
    /// settings file with an outgoing server.
    pub fn chosen(&self, client: Client) -> Option<&PlaceResult> {
        self.places
            .iter()
            .filter(|p| p.place.client() == client)
            .find(|p| p.smtp.as_ref().is_some_and(|s| !s.is_empty()))
    }

    /// The first place of `client`'s whose certificate was refused, before any place that
    /// gave settings (Outlook stops there with a warning the person must answer).
    pub fn cert_warning(&self, client: Client) -> Option<&PlaceResult> {
        self.places
            .iter()
            .filter(|p| p.place.client() == client)
            .take_while(|p| p.smtp.is_none())
            .find(|p| p.cert_problem.is_some())
    }

    /// Does either client find any settings at all?
    pub fn anything_published(&self) -> bool {
        self.chosen(Client::Outlook).is_some() || self.chosen(Client::Thunderbird).is_some()
    }
}
