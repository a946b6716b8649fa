//! The id of a check as reports, evidence lists and the wizard name it (`dns.server.a`,
//! `tcp.587`, `smtp.587.auth`). Built and read only here: everyone else holds a [`CheckId`],
//! so a typo in an id is a compile error, not a check that silently never matches.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One stage of the SMTP conversation on a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SmtpStage {
    Greeting,
    Ehlo,
    Auth,
    Envelope,
}

impl SmtpStage {
    pub const ALL: [SmtpStage; 4] = [
        SmtpStage::Greeting,
        SmtpStage::Ehlo,
        SmtpStage::Auth,
        SmtpStage::Envelope,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SmtpStage::Greeting => "greeting",
            SmtpStage::Ehlo => "ehlo",
            SmtpStage::Auth => "auth",
            SmtpStage::Envelope => "envelope",
        }
    }
}

/// A check, by what it looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckId {
    /// `input.server_name`: the server field is not a host name.
    ServerName,
    /// `dns.server.a`: the server's addresses.
    ServerAddress,
    /// `dns.domain.mx`
    DomainMx,
    /// `dns.domain.txt` (SPF)
    DomainTxt,
    /// `dns.domain.dmarc`
    DomainDmarc,
    /// `dns.domain.srv` (RFC 6186 submission record)
    DomainSrv,
    /// `dns.domain.auth`: SPF evaluated against the server, DMARC policy, DKIM keys.
    DomainAuth,
    /// `provider`: which provider profile serves the address.
    Provider,
    /// `net.route`
    Route,
    /// `net.resolver`
    Resolver,
    /// `net.public_ip`
    PublicIp,
    /// `dnsbl.client`: this network's public address in the DNS blocklists.
    BlocklistClient,
    /// `dnsbl.server`: the server's addresses in the DNS blocklists.
    BlocklistServer,
    /// `dns.server.ptr`: the server's reverse DNS (PTR, forward-confirmed).
    ServerPtr,
    /// `ref.PORT`: the port at a reference host.
    Reference(u16),
    /// `tcp.PORT`
    Tcp(u16),
    /// `smtp.PORT`: the whole conversation on a port (while it runs).
    Smtp(u16),
    /// `smtp.PORT.STAGE`
    Stage(u16, SmtpStage),
    /// `tls.PORT`
    Tls(u16),
    /// `path.PORT`: the path trace towards the port.
    Path(u16),
    /// `autoconfig.outlook`: the Autodiscover places Outlook asks for a new account.
    AutoconfigOutlook,
    /// `autoconfig.thunderbird`: the autoconfig places Thunderbird asks.
    AutoconfigThunderbird,
}

impl CheckId {
    /// The port the check is about, when it is about one.
    pub fn port(self) -> Option<u16> {
        match self {
            CheckId::Reference(p)
            | CheckId::Tcp(p)
            | CheckId::Smtp(p)
            | CheckId::Stage(p, _)
            | CheckId::Tls(p)
            | CheckId::Path(p) => Some(p),
            _ => None,
        }
    }

    /// Reads an id as [`fmt::Display`] writes it; `None` for anything else.
    pub fn parse(s: &str) -> Option<CheckId> {
        let fixed = [
            CheckId::ServerName,
            CheckId::ServerAddress,
            CheckId::DomainMx,
            CheckId::DomainTxt,
            CheckId::DomainDmarc,
            CheckId::DomainSrv,
            CheckId::Provider,
            CheckId::Route,
            CheckId::Resolver,
            CheckId::PublicIp,
            CheckId::AutoconfigOutlook,
            CheckId::AutoconfigThunderbird,
            CheckId::DomainAuth,
            CheckId::BlocklistClient,
            CheckId::BlocklistServer,
            CheckId::ServerPtr,
        ];
        if let Some(id) = fixed.into_iter().find(|id| id.fixed_name() == Some(s)) {
            return Some(id);
        }
        let mut parts = s.split('.');
        let (kind, port, stage) = (parts.next()?, parts.next()?, parts.next());
        if parts.next().is_some() || port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let port: u16 = port.parse().ok()?;
        Some(match (kind, stage) {
            ("ref", None) => CheckId::Reference(port),
            ("tcp", None) => CheckId::Tcp(port),
            ("smtp", None) => CheckId::Smtp(port),
            ("smtp", Some(stage)) => CheckId::Stage(
                port,
                SmtpStage::ALL.into_iter().find(|s| s.as_str() == stage)?,
            ),
            ("tls", None) => CheckId::Tls(port),
            ("path", None) => CheckId::Path(port),
            _ => return None,
        })
    }

    fn fixed_name(self) -> Option<&'static str> {
        Some(match self {
            CheckId::ServerName => "input.server_name",
            CheckId::ServerAddress => "dns.server.a",
            CheckId::DomainMx => "dns.domain.mx",
            CheckId::DomainTxt => "dns.domain.txt",
            CheckId::DomainDmarc => "dns.domain.dmarc",
            CheckId::DomainSrv => "dns.domain.srv",
            CheckId::Provider => "provider",
            CheckId::Route => "net.route",
            CheckId::Resolver => "net.resolver",
            CheckId::PublicIp => "net.public_ip",
            CheckId::AutoconfigOutlook => "autoconfig.outlook",
            CheckId::AutoconfigThunderbird => "autoconfig.thunderbird",
            CheckId::DomainAuth => "dns.domain.auth",
            CheckId::BlocklistClient => "dnsbl.client",
            CheckId::BlocklistServer => "dnsbl.server",
            CheckId::ServerPtr => "dns.server.ptr",
            _ => return None,
        })
    }
}

impl fmt::Display for CheckId {
    // `pad`, so that a width (`{:<18}` in the text report's columns) applies.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = self.fixed_name() {
            return f.pad(name);
        }
        let name = match *self {
            CheckId::Reference(p) => format!("ref.{p}"),
            CheckId::Tcp(p) => format!("tcp.{p}"),
            CheckId::Smtp(p) => format!("smtp.{p}"),
            CheckId::Stage(p, s) => format!("smtp.{p}.{}", s.as_str()),
            CheckId::Tls(p) => format!("tls.{p}"),
            CheckId::Path(p) => format!("path.{p}"),
            _ => String::new(),
        };
        f.pad(&name)
    }
}

/// Not a check id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a check id")]
pub struct NotACheckId(pub String);

impl FromStr for CheckId {
    type Err = NotACheckId;

    fn from_str(s: &str) -> Result<CheckId, NotACheckId> {
        CheckId::parse(s).ok_or_else(|| NotACheckId(s.to_string()))
    }
}

impl Serialize for CheckId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CheckId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CheckId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialEq<str> for CheckId {
    fn eq(&self, other: &str) -> bool {
        CheckId::parse(other) == Some(*self)
    }
}

impl PartialEq<&str> for CheckId {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_reads_back_as_written() {
        let ids = [
            CheckId::ServerName,
            CheckId::ServerAddress,
            CheckId::DomainMx,
            CheckId::DomainTxt,
            CheckId::DomainDmarc,
            CheckId::DomainSrv,
            CheckId::Provider,
            CheckId::Route,
            CheckId::Resolver,
            CheckId::PublicIp,
            CheckId::DomainAuth,
            CheckId::BlocklistClient,
            CheckId::BlocklistServer,
            CheckId::ServerPtr,
            CheckId::Reference(25),
            CheckId::Tcp(587),
            CheckId::Smtp(465),
            CheckId::Stage(587, SmtpStage::Greeting),
            CheckId::Stage(587, SmtpStage::Ehlo),
            CheckId::Stage(587, SmtpStage::Auth),
            CheckId::Stage(2525, SmtpStage::Envelope),
            CheckId::Tls(465),
            CheckId::Path(587),
            CheckId::AutoconfigOutlook,
            CheckId::AutoconfigThunderbird,
        ];
        for id in ids {
            let text = id.to_string();
            assert_eq!(CheckId::parse(&text), Some(id), "{text}");
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<CheckId>(&json).unwrap(), id);
        }
        assert_eq!(
            CheckId::Stage(587, SmtpStage::Auth).to_string(),
            "smtp.587.auth"
        );
        assert_eq!(CheckId::Stage(587, SmtpStage::Auth).port(), Some(587));
        assert_eq!(CheckId::Route.port(), None);
    }

    #[test]
    fn anything_else_is_not_an_id() {
        for s in [
            "",
            "tcp",
            "tcp.",
            "tcp.x",
            "tcp.+5",
            "tcp.70000",
            "smtp.587.data",
            "tls.465.x",
            "smtp.587.auth.more",
            "dns.server",
            "net.route.6",
        ] {
            assert_eq!(CheckId::parse(s), None, "{s}");
            assert!(s.parse::<CheckId>().is_err());
        }
        assert!(CheckId::Tcp(587) == "tcp.587");
    }
}
