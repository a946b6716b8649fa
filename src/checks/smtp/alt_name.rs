//! The certificate's own names, when it does not cover the name the person typed: the
//! shared-hosting classic (mail.theirdomain.com serves a certificate for
//! server12.hostingcompany.com). Each name on the certificate that leads to the same server
//! (it resolves to the server's address, or the provider's profile lists it) is tried with a
//! verified TLS handshake of its own, on a side connection that never carries credentials;
//! a name that verifies is one the person can type instead.
//!
//! Choosing the names is pure ([`usable_names`], [`judge`]); the handshake is
//! [`verify_name`]. The engine resolves the names and runs the handshakes
//! (`crate::engine::alternatives`).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::model::TlsStart;
use super::side::{side_handshake, SideConnector, SideError};
use crate::checks::cert::name_matches;
use crate::checks::tls::{self, Trust, Verify};
use crate::secret::Redactor;

/// At most this many names are tried: a certificate with dozens of names (a shared
/// hosting server's) must not turn into dozens of connections.
pub const MAX_TRIED: usize = 4;

/// What became of one name on the certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CertNameOutcome {
    /// Same server, and a handshake with this name verified: type this name.
    Verified,
    /// Same server, but the handshake with this name failed too (untrusted, expired...).
    HandshakeFailed { message: String },
    /// The name leads to another machine: typing it would change server.
    OtherServer { addresses: Vec<IpAddr> },
    /// The name does not resolve.
    NotFound { lookup: String },
    /// A wildcard (`*.example.com`) or an address: not a name one can type.
    NotAName,
    /// Past [`MAX_TRIED`]: not tried.
    NotTried,
}

/// One name on the certificate and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertNameTry {
    pub name: String,
    /// The provider's profile lists it as a submission server.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub listed_by_provider: bool,
    #[serde(flatten)]
    pub outcome: CertNameOutcome,
}

/// The certificate's names tried on one port whose certificate is for another name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertNameCheck {
    pub port: u16,
    pub names: Vec<CertNameTry>,
}

impl CertNameCheck {
    /// The first name that verified, if one did.
    pub fn working(&self) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.outcome == CertNameOutcome::Verified)
            .map(|n| n.name.as_str())
    }
}

/// The certificate's names worth looking at, in the certificate's order, without the host
/// that was typed (it failed already) and without repeats. Wildcards and addresses stay in
/// the list (judged [`CertNameOutcome::NotAName`]) so the report can say why they were
/// not used.
pub fn usable_names(cert_names: &[String], host: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in cert_names {
        let n = n.trim().trim_end_matches('.').to_ascii_lowercase();
        if n.is_empty() || name_matches(&n, host) || out.contains(&n) {
            continue;
        }
        out.push(n);
    }
    out
}

/// Whether a name can be typed as a server name at all: a host name (not a wildcard, not an
/// address, nothing a certificate could smuggle in: control bytes, spaces, markup).
pub fn typeable(name: &str) -> bool {
    crate::host_name::network_host_name(name).is_some()
}

/// Where to try a name: on the server's own address when the name resolves to it (the
/// same machine), on the name's own address when only the provider lists it; else the
/// name's verdict, with nothing to try.
pub fn judge(
    name: &str,
    resolved: Result<&[IpAddr], String>,
    server: &[IpAddr],
    listed_by_provider: bool,
) -> Result<Option<IpAddr>, CertNameOutcome> {
    if !typeable(name) {
        return Err(CertNameOutcome::NotAName);
    }
    let addrs = resolved.map_err(|lookup| CertNameOutcome::NotFound { lookup })?;
    if addrs.is_empty() {
        return Err(CertNameOutcome::NotFound {
            lookup: "no address".into(),
        });
    }
    if addrs.iter().any(|a| server.contains(a)) {
        return Ok(None);
    }
    if listed_by_provider {
        return Ok(addrs.first().copied());
    }
    Err(CertNameOutcome::OtherServer {
        addresses: addrs.to_vec(),
    })
}

/// A verified handshake with `name` (SNI and name check) at `addr`, on a fresh side
/// connection: greeting, EHLO and STARTTLS when `start` says so, then QUIT. Never sends
/// credentials. `timeout` bounds each step.
pub async fn verify_name(
    name: &str,
    addr: SocketAddr,
    start: TlsStart,
    timeout: Duration,
    trust: &Trust,
    redactor: &Redactor,
) -> CertNameOutcome {
    // The session's own configuration, built once per run.
    let connector = match tls::shared_connector(trust, Verify::Full).await {
        Ok(c) => c,
        Err(e) => {
            return CertNameOutcome::HandshakeFailed { message: e.message };
        }
    };
    // Connect, the plain-text steps and the handshake: a few budgets in all.
    let cap = timeout * 3;
    match tokio::time::timeout(
        cap,
        side_handshake(
            name,
            addr,
            start,
            timeout,
            SideConnector::Os(&connector),
            redactor,
        ),
    )
    .await
    {
        Err(_) => CertNameOutcome::HandshakeFailed {
            message: format!("no TLS handshake within {cap:?}"),
        },
        Ok(Ok(session)) => {
            session.close().await;
            CertNameOutcome::Verified
        }
        Ok(Err(SideError::Handshake(e))) => CertNameOutcome::HandshakeFailed { message: e.message },
        Ok(Err(e)) => CertNameOutcome::HandshakeFailed {
            message: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn candidate_names_leave_out_the_typed_host_and_repeats() {
        let names = [
            "mail.customer.test".to_string(),
            "Server12.Hosting.test.".to_string(),
            "server12.hosting.test".to_string(),
            "*.hosting.test".to_string(),
            "203.0.113.5".to_string(),
        ];
        assert_eq!(
            usable_names(&names, "mail.customer.test"),
            ["server12.hosting.test", "*.hosting.test", "203.0.113.5"]
        );
        // A wildcard that covers the typed host means the host is covered: left out.
        let wild = [
            "*.customer.test".to_string(),
            "www.hosting.test".to_string(),
        ];
        assert_eq!(
            usable_names(&wild, "mail.customer.test"),
            ["www.hosting.test"]
        );
    }

    #[test]
    fn a_name_is_tried_where_it_leads_to_the_same_server() {
        let server = [ip("127.0.10.3")];
        let same = [ip("127.0.10.3"), ip("127.0.10.9")];
        let other = [ip("198.51.100.7")];
        assert_eq!(
            judge("www.hosting.test", Ok(&same), &server, false),
            Ok(None)
        );
        assert_eq!(
            judge("www.hosting.test", Ok(&other), &server, false),
            Err(CertNameOutcome::OtherServer {
                addresses: other.to_vec()
            })
        );
        // The provider lists it: tried at its own address.
        assert_eq!(
            judge("smtp.hosting.test", Ok(&other), &server, true),
            Ok(Some(ip("198.51.100.7")))
        );
        assert_eq!(
            judge("gone.hosting.test", Err("NXDOMAIN".into()), &server, true),
            Err(CertNameOutcome::NotFound {
                lookup: "NXDOMAIN".into()
            })
        );
        assert_eq!(
            judge("*.hosting.test", Ok(&same), &server, false),
            Err(CertNameOutcome::NotAName)
        );
        assert_eq!(
            judge("127.0.10.3", Ok(&same), &server, false),
            Err(CertNameOutcome::NotAName)
        );
    }

    #[test]
    fn the_working_name_is_the_first_verified() {
        let check = CertNameCheck {
            port: 587,
            names: vec![
                CertNameTry {
                    name: "a.test".into(),
                    listed_by_provider: false,
                    outcome: CertNameOutcome::HandshakeFailed {
                        message: "x".into(),
                    },
                },
                CertNameTry {
                    name: "b.test".into(),
                    listed_by_provider: false,
                    outcome: CertNameOutcome::Verified,
                },
            ],
        };
        assert_eq!(check.working(), Some("b.test"));
    }
}
