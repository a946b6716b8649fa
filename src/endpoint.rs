//! How to reach a submission server: the encryption kind and one concrete endpoint. A leaf
//! module: settings, profiles, checks and reports all name these types, and it names none of
//! them, so no import cycle can run through it.

use serde::{Deserialize, Serialize};

/// Encryption as mail clients name it. `Tls` is implicit TLS (Outlook's "SSL/TLS").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    Starttls,
    Tls,
    None,
}

impl Security {
    /// The label Outlook shows in its "Use the following type of encrypted connection" list.
    pub fn outlook_label(self) -> &'static str {
        match self {
            Security::Starttls => "STARTTLS",
            Security::Tls => "SSL/TLS",
            Security::None => "None",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Security::Starttls => "starttls",
            Security::Tls => "tls",
            Security::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Security> {
        match s.to_ascii_lowercase().as_str() {
            "starttls" => Some(Security::Starttls),
            "tls" | "ssl" | "ssl/tls" | "implicit" => Some(Security::Tls),
            "none" | "plain" | "off" => Some(Security::None),
            _ => None,
        }
    }
}

/// One concrete way to reach a submission server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub server: String,
    pub port: u16,
    pub security: Security,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_labels_round_trip() {
        for s in [Security::Starttls, Security::Tls, Security::None] {
            assert_eq!(Security::parse(s.as_str()), Some(s));
        }
        assert_eq!(Security::parse("SSL/TLS"), Some(Security::Tls));
        assert_eq!(Security::parse("bogus"), None);
    }
}
