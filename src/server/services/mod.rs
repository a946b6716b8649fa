//! The services source: which of 25/465/587 listen and which program holds each, what the
//! MTA's configuration (Postfix or Exim) says for each port (TLS mode, AUTH, TLS before AUTH),
//! the certificate it is configured with, and the problems that explain a mail client's
//! symptoms. Read-only: `/proc`, `postconf`, `exim -bP` and the certificate files.
//!
//! - [`listen`]: listening sockets and their programs from `/proc`.
//! - [`postfix`], [`exim`]: each MTA's configuration as [`mta::MtaConfig`].
//! - [`certificate`]: the configured certificate files, judged.
//! - [`rules`]: all of it to `services[]` and problems (pure).

pub mod certificate;
pub mod exim;
pub mod listen;
pub mod mta;
pub mod postfix;
pub mod rules;

use crate::server::context::Ctx;
use crate::server::model::{ServicesOutcome, SourceEntry, SourceStatus};

use certificate::{Assessment, TrustStore};
use mta::{CertLayout, CertSetting, MtaConfig, TlsMode};
use rules::CertResults;

/// The mail ports looked at: SMTP, submissions (implicit TLS), submission (STARTTLS).
pub const PORTS: [u16; 3] = [25, 465, 587];

/// Reads everything; a part that cannot be read is named in `sources` and never stops the
/// others.
pub fn read(ctx: &Ctx) -> ServicesOutcome {
    let mut out = ServicesOutcome::default();
    let (scan, entry) = listen::read(&PORTS, ctx.command_timeout);
    out.sources.push(entry);

    let mut mtas = Vec::new();
    let postfix = postfix::read(ctx);
    let exim = exim::read(ctx);
    if postfix.is_none() && exim.is_none() {
        out.sources.push(SourceEntry::new(
            "mta",
            SourceStatus::Absent,
            "neither Postfix (postconf) nor Exim (exim, exim4) is installed: what the ports \
             offer (TLS, AUTH, certificate) cannot be read",
        ));
    }
    for (found, describe) in [
        (postfix, postfix::describe as fn(&MtaConfig) -> SourceEntry),
        (exim, exim::describe),
    ] {
        match found {
            Some(Ok(config)) => {
                out.sources.push(describe(&config));
                mtas.push(config);
            }
            Some(Err(entry)) => out.sources.push(entry),
            None => {}
        }
    }

    let certs = certificates(&mtas, ctx.now, &mut out.sources);
    let (services, problems) = rules::assemble(scan.as_ref(), &mtas, &certs);
    out.services = services;
    out.problems = problems;
    out.settings = mtas.into_iter().flat_map(|m| m.settings).collect();
    out
}

/// Loads and judges every certificate setting a TLS port uses, each once; the system trust
/// store is read once, and only when there is a chain to check.
fn certificates(mtas: &[MtaConfig], now: i64, sources: &mut Vec<SourceEntry>) -> CertResults {
    let mut results = CertResults::new();
    let mut roots: Option<TrustStore> = None;
    for mta in mtas {
        for port in &mta.ports {
            let CertSetting::Files(files) = &port.certificate else {
                continue;
            };
            if port.tls == TlsMode::None || results.contains_key(files) {
                continue;
            }
            let (chains, failures) = certificate::load(files);
            sources.extend(certificate::source_entries(&chains, &failures));
            if !chains.is_empty() && roots.is_none() {
                roots = Some(TrustStore::system());
            }
            let no_roots = TrustStore::default();
            let trusted = roots.as_ref().unwrap_or(&no_roots);
            let mut assessments: Vec<Assessment> = chains
                .iter()
                .map(|c| certificate::assess(c, trusted, now, mta.hostname.as_deref()))
                .collect();
            // With key and chain in separate files, a key file this user may not read is
            // expected when not root; it is a source entry, not a certificate problem.
            let key_file_denied = |f: &certificate::FileFailure| {
                files.layout == CertLayout::KeysThenChains
                    && f.status == SourceStatus::Denied
                    && !chains.is_empty()
            };
            assessments.extend(
                failures
                    .iter()
                    .filter(|f| !key_file_denied(f))
                    .map(certificate::failure),
            );
            results.insert(files.clone(), assessments);
        }
    }
    results
}
