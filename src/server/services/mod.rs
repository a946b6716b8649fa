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
            assessments.extend(
                failures
                    .iter()
                    .filter(|f| is_certificate_problem(files.layout, f, !chains.is_empty()))
                    .map(certificate::failure),
            );
            results.insert(files.clone(), assessments);
        }
    }
    results
}

/// Is a file that could not be read a certificate problem? Not when key and chain are in
/// separate files, a chain was read and the file is merely closed to this user: that is the
/// private key file, which only the MTA (root) needs to read. It stays a source entry.
fn is_certificate_problem(
    layout: CertLayout,
    failure: &certificate::FileFailure,
    chain_read: bool,
) -> bool {
    !(layout == CertLayout::KeysThenChains && failure.status == SourceStatus::Denied && chain_read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use certificate::FileFailure;

    #[test]
    fn a_closed_key_file_is_not_a_certificate_problem() {
        let f = |status| FileFailure {
            file: "/etc/letsencrypt/live/x/privkey.pem".into(),
            status,
            problem: "closed".into(),
        };
        let (keys, one) = (CertLayout::KeysThenChains, CertLayout::OneChainPerFile);
        assert!(!is_certificate_problem(
            keys,
            &f(SourceStatus::Denied),
            true
        ));
        assert!(is_certificate_problem(
            keys,
            &f(SourceStatus::Denied),
            false
        ));
        assert!(is_certificate_problem(keys, &f(SourceStatus::Error), true));
        assert!(is_certificate_problem(one, &f(SourceStatus::Denied), true));
    }

    #[test]
    fn read_always_names_its_sources() {
        let ctx = Ctx {
            client: "198.51.100.7".parse().unwrap(),
            account: None,
            window: crate::server::context::Window { since: 0, until: 1 },
            paths: crate::server::context::Paths {
                postfix_dir: "/nonexistent/smtp-doctor-services".into(),
                exim_config: Some("/nonexistent/smtp-doctor-exim.conf".into()),
                ..Default::default()
            },
            command_timeout: std::time::Duration::from_secs(20),
            now: 0,
        };
        let out = read(&ctx);
        assert_eq!(out.sources[0].name, "listening-sockets");
        assert_eq!(out.sources[0].status, SourceStatus::Read);
        // Postfix and Exim are each reported (read or not), or "mta" says neither exists.
        let names: Vec<&str> = out.sources.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.contains(&"mta") || names.contains(&"postfix") || names.contains(&"exim"),
            "{names:?}"
        );
        assert_eq!(out.services.len(), 3);
        assert!(
            out.services.iter().all(|s| s.tls.is_none()),
            "{:?}",
            out.services
        );
    }
}

/// Whatever `/proc`, `postconf`, `exim -bP` or a certificate file holds, nothing panics and
/// every part of the pipeline still answers.
#[cfg(test)]
mod never_panics {
    use proptest::prelude::*;

    use super::certificate::{chains, split_pem, FileBlocks, TrustStore};
    use super::listen::{parse_proc_net_tcp, parse_stat_ppid, socket_inode, ListenScan, Listener};
    use super::mta::CertLayout;
    use super::*;

    /// Lines of tokens close to the real thing (hex words, `addr:port`, `=`, `/`, `$`).
    fn text(token: &'static str) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::collection::vec(token, 0..14), 0..12).prop_map(|lines| {
            lines
                .into_iter()
                .map(|words| words.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    proptest! {
        #[test]
        fn proc_text(
            structured in text("[0-9A-F]{0,9}(:[0-9A-F]{0,33})?|0A|[0-9]{1,25}|-1|[ -~]{0,6}"),
            free in any::<String>(),
        ) {
            for t in [&structured, &free] {
                let sockets = parse_proc_net_tcp(t);
                let _ = parse_stat_ppid(t);
                let _ = socket_inode(t);
                let scan = ListenScan {
                    listeners: sockets
                        .into_iter()
                        .map(|socket| Listener { socket, program: None, pid: None })
                        .collect(),
                    ..Default::default()
                };
                let (services, _) = rules::assemble(Some(&scan), &[], &CertResults::new());
                prop_assert_eq!(services.len(), 3);
            }
        }

        #[test]
        fn postconf_and_exim_text(
            master in text("[a-z0-9:.\\[\\]]{1,12}|inet|pass|smtpd|postscreen|-|n|y|-o"),
            overrides in text("[a-z0-9:/\\[\\]._]{0,30}|=|yes|no|may|encrypt|[ -~]{0,8}"),
            main in text("smtpd_[a-z_]{0,25}|=|yes|no|may|encrypt|none|/[a-z/.]{0,20},?|[ -~]{0,8}"),
            bp in text("[a-z_]{1,20}|=|authenticator:|no_[a-z_]{1,10}|<;|:|\\$\\{[a-z_]{0,12}\\}|[0-9]{1,6}"),
            free in any::<String>(),
        ) {
            let configs = vec![
                postfix::config("/etc/postfix", &master, &overrides, &main),
                postfix::config("/etc/postfix", &free, &free, &free),
                exim::config("/etc/exim4/exim4.conf", &bp),
                exim::config("/etc/exim4/exim4.conf", &free),
            ];
            for c in &configs {
                prop_assert!(c.ports.iter().all(|p| PORTS.contains(&p.port)));
            }
            let (services, _) = rules::assemble(None, &configs, &CertResults::new());
            prop_assert_eq!(services.len(), 3);
        }

        #[test]
        fn pem_bytes(
            parts in prop::collection::vec(
                prop_oneof![
                    Just(b"-----BEGIN CERTIFICATE-----\n".to_vec()),
                    Just(b"-----END CERTIFICATE-----\n".to_vec()),
                    Just(b"-----BEGIN PRIVATE KEY-----\n".to_vec()),
                    Just(b"-----END PRIVATE KEY-----\n".to_vec()),
                    Just(b"MIIBszCCAVmgAwIBAgIUX\n".to_vec()),
                    prop::collection::vec(any::<u8>(), 0..64),
                ],
                0..12,
            ),
        ) {
            let bytes = parts.concat();
            let blocks = split_pem(&bytes);
            let _ = TrustStore::from_pem(&bytes, "bundle");
            for layout in [CertLayout::OneChainPerFile, CertLayout::KeysThenChains] {
                let files: Vec<FileBlocks> = vec![("f.pem".into(), Ok(blocks.clone()))];
                let (found, failures) = chains(&files, layout);
                for c in &found {
                    let _ = certificate::assess(c, &TrustStore::default(), 0, Some("x"));
                }
                for f in &failures {
                    prop_assert!(!certificate::failure(f).problems.is_empty());
                }
            }
        }
    }
}
