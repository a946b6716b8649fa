//! The engine's part of the certificate-name check (`crate::checks::smtp::alt_name`): when a
//! port's certificate is for another name, look up each of the certificate's names, and try
//! a verified handshake with each that leads to the same server (or that the provider's
//! profile lists). Runs once per such port, right after its probe, all names at once.

use std::net::{IpAddr, SocketAddr};

use super::Engine;
use crate::checks::cert::CertProblem;
use crate::checks::smtp::alt_name::{
    judge, usable_names, verify_name, CertNameCheck, CertNameOutcome, CertNameTry, MAX_TRIED,
};
use crate::checks::smtp::{Mode, PortProbe, TlsResult, TlsStart};

impl Engine {
    /// The certificate's names tried on `probe`'s port, when its certificate is for another
    /// name than `host`; `None` for any other port.
    pub(super) async fn cert_names(
        &self,
        host: &str,
        server: &[IpAddr],
        probe: &PortProbe,
    ) -> Option<CertNameCheck> {
        let Some(TlsResult::CertProblem {
            problem: CertProblem::NameMismatch,
            cert,
            ..
        }) = &probe.tls
        else {
            return None;
        };
        let addr = probe.address?;
        let start = match probe.mode? {
            Mode::TlsFirst => TlsStart::Implicit,
            Mode::Plain => TlsStart::Starttls,
            _ => return None,
        };
        let listed = self.provider_hosts().await;
        let names = usable_names(&cert.names, host);
        let tries = names.iter().enumerate().map(|(i, name)| {
            let listed_by_provider = listed.iter().any(|h| h.eq_ignore_ascii_case(name));
            async move {
                let outcome = if i >= MAX_TRIED {
                    CertNameOutcome::NotTried
                } else {
                    self.try_name(name, server, listed_by_provider, addr, start)
                        .await
                };
                CertNameTry {
                    name: name.clone(),
                    listed_by_provider,
                    outcome,
                }
            }
        });
        Some(CertNameCheck {
            port: probe.port,
            names: futures::future::join_all(tries).await,
        })
    }

    async fn try_name(
        &self,
        name: &str,
        server: &[IpAddr],
        listed_by_provider: bool,
        addr: SocketAddr,
        start: TlsStart,
    ) -> CertNameOutcome {
        let lookup = if crate::checks::smtp::alt_name::typeable(name) {
            self.dns.addresses(name).await
        } else {
            crate::checks::dns::Lookup::NoRecords
        };
        let resolved = lookup
            .found()
            .map(Vec::as_slice)
            .ok_or_else(|| lookup.word().to_string());
        match judge(name, resolved, server, listed_by_provider) {
            Err(verdict) => verdict,
            Ok(at) => {
                let to = at.map_or(addr, |ip| SocketAddr::new(ip, addr.port()));
                let redactor = (self.input.password.as_ref()).map_or_else(
                    crate::secret::Redactor::none,
                    crate::secret::Secret::redactor,
                );
                verify_name(
                    name,
                    to,
                    start,
                    self.options.timeout,
                    &self.trust,
                    &redactor,
                )
                .await
            }
        }
    }

    /// The submission servers the address's provider profile lists (none without one).
    async fn provider_hosts(&self) -> Vec<String> {
        let Some(domain) = self.input.email_domain() else {
            return Vec::new();
        };
        let Some(found) = self.provider(&domain).await else {
            return Vec::new();
        };
        self.catalog
            .profiles
            .get(&found.id)
            .map(|p| {
                p.submission_for(&domain)
                    .into_iter()
                    .map(|e| e.server)
                    .collect()
            })
            .unwrap_or_default()
    }
}
