//! The certificate files an MTA is configured with: every certificate in them parsed with
//! `checks::cert`, then judged against "now", the system trust store and the server's name.
//!
//! The files may also hold the private key (Postfix allows key and certificate in one file,
//! and `smtpd_tls_chain_files` interleaves them). Key blocks are recognised by their PEM
//! label and skipped unread: their lines are never decoded, copied or shown, and the file's
//! bytes are wiped from memory once the certificates are out.

use std::collections::HashSet;
use std::io::{ErrorKind, Read};
use std::path::Path;

use base64::Engine;
use zeroize::Zeroizing;

use super::mta::{CertFiles, CertLayout};
use crate::checks::cert::{name_matches, parse_der, CertInfo};
use crate::server::model::{
    escape_control, CertificateFinding, ServiceProblemKind, SourceEntry, SourceStatus,
};

/// A certificate file larger than this is not one.
const MAX_PEM_BYTES: u64 = 1024 * 1024;
/// A trust bundle larger than this is not read.
const MAX_BUNDLE_BYTES: u64 = 16 * 1024 * 1024;
/// Certificates expiring within this many seconds get a note.
pub const EXPIRY_WARNING_SECS: i64 = 14 * 24 * 3600;
/// The system trust bundles of Debian/Ubuntu, RHEL/Fedora, SUSE and Alpine/BSD.
pub const TRUST_BUNDLES: [&str; 4] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// One PEM block, by kind. Only certificates keep their contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PemBlock {
    /// The DER bytes of a `CERTIFICATE` (or `TRUSTED CERTIFICATE`) block.
    Certificate(Vec<u8>),
    /// A certificate block whose base64 does not decode.
    BadCertificate,
    /// Any `... PRIVATE KEY` block; its contents are not kept.
    PrivateKey,
    /// Anything else (`EC PARAMETERS`, `X509 CRL`, ...).
    Other,
}

/// Splits PEM text into blocks. Text outside blocks is ignored; lines that are not UTF-8
/// are skipped; a block without its END line is dropped.
pub fn split_pem(bytes: &[u8]) -> Vec<PemBlock> {
    enum State {
        Outside,
        Cert(String),
        Skip(PemBlock),
    }
    let mut out = Vec::new();
    let mut state = State::Outside;
    for raw in bytes.split(|b| *b == b'\n') {
        let Ok(line) = std::str::from_utf8(raw) else {
            continue;
        };
        let line = line.trim();
        if let Some(label) = pem_label(line, "-----BEGIN ") {
            state = if label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE" {
                State::Cert(String::new())
            } else if label.ends_with("PRIVATE KEY") {
                State::Skip(PemBlock::PrivateKey)
            } else {
                State::Skip(PemBlock::Other)
            };
            continue;
        }
        if pem_label(line, "-----END ").is_some() {
            match std::mem::replace(&mut state, State::Outside) {
                State::Cert(b64) => out.push(
                    base64::engine::general_purpose::STANDARD
                        .decode(b64.as_bytes())
                        .map_or(PemBlock::BadCertificate, PemBlock::Certificate),
                ),
                State::Skip(block) => out.push(block),
                State::Outside => {}
            }
            continue;
        }
        // RFC 7468 allows header lines (`Name: value`) in legacy blocks; they are not base64.
        if let State::Cert(b64) = &mut state {
            if !line.contains(':') {
                b64.push_str(line);
            }
        }
    }
    out
}

fn pem_label<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.strip_prefix(prefix)?.strip_suffix("-----")
}

/// One parsed certificate and the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedCert {
    pub info: CertInfo,
    /// The file's path, terminal-safe.
    pub file: String,
}

/// A certificate chain as configured: the leaf first, then what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub certs: Vec<LoadedCert>,
}

impl Chain {
    pub fn leaf(&self) -> Option<&LoadedCert> {
        self.certs.first()
    }
}

/// A configured file that yielded no usable certificate, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFailure {
    pub file: String,
    pub status: SourceStatus,
    /// A plain sentence naming the file.
    pub problem: String,
}

/// The blocks of one file, or why it could not be read.
pub type FileBlocks = (String, Result<Vec<PemBlock>, FileFailure>);

/// Groups the files' certificates into chains the way the MTA reads them, parsing each.
/// `OneChainPerFile`: each file is a chain, leaf first. `KeysThenChains`: across all files in
/// order, every private key starts a chain of the certificates after it.
pub fn chains(files: &[FileBlocks], layout: CertLayout) -> (Vec<Chain>, Vec<FileFailure>) {
    let mut chains = Vec::new();
    let mut failures = Vec::new();
    let mut current: Vec<LoadedCert> = Vec::new();
    for (file, blocks) in files {
        let blocks = match blocks {
            Ok(b) => b,
            Err(f) => {
                failures.push(f.clone());
                continue;
            }
        };
        let mut certs_here = 0usize;
        let mut keys_here = 0usize;
        for block in blocks {
            match block {
                PemBlock::Certificate(der) => match parse_der(der) {
                    Ok(info) => {
                        certs_here += 1;
                        current.push(LoadedCert {
                            info,
                            file: file.clone(),
                        });
                    }
                    Err(e) => failures.push(FileFailure {
                        file: file.clone(),
                        status: SourceStatus::Error,
                        problem: format!("{file} holds a certificate that cannot be parsed ({e})"),
                    }),
                },
                PemBlock::BadCertificate => failures.push(FileFailure {
                    file: file.clone(),
                    status: SourceStatus::Error,
                    problem: format!("{file} holds a certificate block that is not valid base64"),
                }),
                PemBlock::PrivateKey => {
                    keys_here += 1;
                    if layout == CertLayout::KeysThenChains && !current.is_empty() {
                        chains.push(Chain {
                            certs: std::mem::take(&mut current),
                        });
                    }
                }
                PemBlock::Other => {}
            }
        }
        let bad_here = failures.iter().any(|f| &f.file == file);
        match layout {
            CertLayout::OneChainPerFile => {
                if !current.is_empty() {
                    chains.push(Chain {
                        certs: std::mem::take(&mut current),
                    });
                } else if !bad_here {
                    failures.push(no_certificate(file));
                }
            }
            // A key-only file is normal here; only a file with nothing usable is not.
            CertLayout::KeysThenChains => {
                if certs_here == 0 && keys_here == 0 && !bad_here {
                    failures.push(no_certificate(file));
                }
            }
        }
    }
    if !current.is_empty() {
        chains.push(Chain { certs: current });
    }
    (chains, failures)
}

fn no_certificate(file: &str) -> FileFailure {
    FileFailure {
        file: file.to_string(),
        status: SourceStatus::Error,
        problem: format!("{file} holds no PEM certificate"),
    }
}

/// Reads one configured file's PEM blocks. The bytes are wiped on return.
pub fn read_file(path: &str) -> FileBlocks {
    let shown = escape_control(path);
    let fail = |status, problem: String| FileFailure {
        file: shown.clone(),
        status,
        problem,
    };
    let result = std::fs::File::open(Path::new(path))
        .and_then(|f| {
            let mut bytes = Zeroizing::new(Vec::new());
            f.take(MAX_PEM_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        })
        .map_err(|e| open_failure(path, &e))
        .and_then(|bytes| {
            if bytes.len() as u64 > MAX_PEM_BYTES {
                Err(fail(
                    SourceStatus::Error,
                    format!("{shown} is larger than 1 MiB: not a certificate file"),
                ))
            } else {
                Ok(split_pem(&bytes))
            }
        });
    (shown, result)
}

/// Why a file could not be opened or read, in a sentence that names it.
pub fn open_failure(path: &str, e: &std::io::Error) -> FileFailure {
    let file = escape_control(path);
    let (status, problem) = match e.kind() {
        ErrorKind::NotFound => (SourceStatus::Error, format!("{file} does not exist")),
        ErrorKind::PermissionDenied => (
            SourceStatus::Denied,
            format!(
                "{file} cannot be read: permission denied for this user \
                 (run smtp-doctor as root to check it)"
            ),
        ),
        _ => (SourceStatus::Error, format!("{file} cannot be read: {e}")),
    };
    FileFailure {
        file,
        status,
        problem,
    }
}

/// Reads and groups the files of one certificate setting.
pub fn load(files: &CertFiles) -> (Vec<Chain>, Vec<FileFailure>) {
    let blocks: Vec<FileBlocks> = files.files.iter().map(|f| read_file(f)).collect();
    chains(&blocks, files.layout)
}

/// The subjects of the system's trusted roots, to tell "issued by a root" from "intermediate
/// missing".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustStore {
    subjects: HashSet<String>,
    /// The bundle read; `None` when none was found.
    pub path: Option<String>,
}

impl TrustStore {
    pub fn from_pem(bytes: &[u8], path: &str) -> TrustStore {
        let subjects = split_pem(bytes)
            .into_iter()
            .filter_map(|b| match b {
                PemBlock::Certificate(der) => parse_der(&der).ok().map(|c| c.subject),
                _ => None,
            })
            .collect();
        TrustStore {
            subjects,
            path: Some(path.to_string()),
        }
    }

    /// The first system bundle that can be read; an empty store when none can.
    pub fn system() -> TrustStore {
        for path in TRUST_BUNDLES {
            let Ok(file) = std::fs::File::open(path) else {
                continue;
            };
            let mut bytes = Vec::new();
            if file.take(MAX_BUNDLE_BYTES).read_to_end(&mut bytes).is_ok() {
                return TrustStore::from_pem(&bytes, path);
            }
        }
        TrustStore::default()
    }

    pub fn has_subject(&self, dn: &str) -> bool {
        self.subjects.contains(dn)
    }

    pub fn len(&self) -> usize {
        self.subjects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.subjects.is_empty()
    }
}

/// The issuer the chain stops at: walking from the leaf through the file's certificates, the
/// first issuer that is neither in the file nor a trusted root (the leaf's own issuer when
/// the file holds the leaf alone). `None`: the chain reaches a self-issued certificate or a
/// trusted root.
pub fn missing_issuer(certs: &[CertInfo], roots: &TrustStore) -> Option<String> {
    let mut current = certs.first()?;
    // Each step moves to another certificate of the file: at most one step per certificate.
    for _ in 0..certs.len() {
        if current.self_signed || current.issuer == current.subject {
            return None;
        }
        if roots.has_subject(&current.issuer) {
            return None;
        }
        let next = certs
            .iter()
            .find(|c| c.subject == current.issuer && !std::ptr::eq(*c, current));
        match next {
            Some(next) => current = next,
            None => return Some(current.issuer.clone()),
        }
    }
    None
}

/// What a certificate setting amounts to for one chain or one failed file.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub finding: CertificateFinding,
    pub problems: Vec<(ServiceProblemKind, String)>,
    pub notes: Vec<String>,
}

fn date_of(rfc3339: &str) -> &str {
    rfc3339.split('T').next().unwrap_or(rfc3339)
}

/// Judges one chain: validity against `now`, the chain against the file and `roots`, the
/// names against `hostname`.
pub fn assess(chain: &Chain, roots: &TrustStore, now: i64, hostname: Option<&str>) -> Assessment {
    let Some(leaf) = chain.leaf() else {
        return failure(&FileFailure {
            file: String::new(),
            status: SourceStatus::Error,
            problem: "no certificate".to_string(),
        });
    };
    let (c, file) = (&leaf.info, &leaf.file);
    let names = c.names.join(", ");
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    if now > c.not_after_unix {
        problems.push((
            ServiceProblemKind::CertExpired,
            format!(
                "the certificate in {file} ({names}) expired on {}",
                date_of(&c.not_after)
            ),
        ));
    } else if now < c.not_before_unix {
        problems.push((
            ServiceProblemKind::CertExpired,
            format!(
                "the certificate in {file} ({names}) is not valid before {}: check the \
                 server's clock, or wait",
                c.not_before
            ),
        ));
    } else if c.not_after_unix - now <= EXPIRY_WARNING_SECS {
        let days = (c.not_after_unix - now) / 86_400;
        notes.push(format!(
            "the certificate in {file} expires on {} (in {days} days): renew it",
            date_of(&c.not_after)
        ));
    }
    for other in chain.certs.iter().skip(1) {
        if now > other.info.not_after_unix {
            problems.push((
                ServiceProblemKind::CertExpired,
                format!(
                    "the intermediate certificate {} in {} expired on {}",
                    other.info.subject,
                    other.file,
                    date_of(&other.info.not_after)
                ),
            ));
        }
    }
    let infos: Vec<CertInfo> = chain.certs.iter().map(|l| l.info.clone()).collect();
    if let Some(issuer) = missing_issuer(&infos, roots) {
        let files: Vec<&str> = dedup(chain.certs.iter().map(|l| l.file.as_str()));
        let caveat = match &roots.path {
            Some(_) => "",
            None => " (no system trust store was found to check whether it is a root)",
        };
        problems.push((
            ServiceProblemKind::CertChainIncomplete,
            format!(
                "{} holds no certificate for the issuer {issuer}{caveat}: mail clients that do \
                 not already have the issuer's certificate refuse this one; configure the full \
                 chain (leaf and intermediates, e.g. fullchain.pem)",
                files.join(", ")
            ),
        ));
    }
    if c.self_signed {
        notes.push(format!(
            "the certificate in {file} is self-signed: mail clients warn about it or refuse it \
             unless each one is told to trust it"
        ));
    }
    if let Some(host) = hostname {
        if !c.names.is_empty() && !c.names.iter().any(|n| name_matches(n, host)) {
            notes.push(format!(
                "the certificate's names ({names}) do not include the server's name {host}: \
                 clients set up with that name see a name mismatch"
            ));
        }
    }
    Assessment {
        finding: CertificateFinding {
            names: c.names.clone(),
            not_after: Some(c.not_after.clone()),
            problem: problems.first().map(|(_, d)| d.clone()),
            file: file.clone(),
            chain_length: chain.certs.len(),
            issuer: Some(c.issuer.clone()),
        },
        problems,
        notes,
    }
}

fn dedup<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// A file that yielded no certificate.
pub fn failure(f: &FileFailure) -> Assessment {
    Assessment {
        finding: CertificateFinding {
            names: Vec::new(),
            not_after: None,
            problem: Some(f.problem.clone()),
            file: f.file.clone(),
            chain_length: 0,
            issuer: None,
        },
        problems: vec![(ServiceProblemKind::CertUnreadable, f.problem.clone())],
        notes: Vec::new(),
    }
}

/// The `certificate FILE` source entries of one setting's outcome.
pub fn source_entries(chains: &[Chain], failures: &[FileFailure]) -> Vec<SourceEntry> {
    let mut out: Vec<SourceEntry> = Vec::new();
    for chain in chains {
        for file in dedup(chain.certs.iter().map(|l| l.file.as_str())) {
            let n = chain.certs.iter().filter(|l| l.file == file).count();
            let name = format!("certificate {file}");
            if out.iter().any(|e| e.name == name) {
                continue;
            }
            out.push(SourceEntry::new(
                name,
                SourceStatus::Read,
                format!("{n} certificate{}", if n == 1 { "" } else { "s" }),
            ));
        }
    }
    for f in failures {
        out.push(SourceEntry::new(
            format!("certificate {}", f.file),
            f.status,
            f.problem.clone(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::cert::testutil::{ca_signed, make_ca, openssl, self_signed, TempDir};

    fn now() -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }

    fn path_str(p: &Path) -> String {
        p.display().to_string()
    }

    fn cat(dir: &TempDir, out: &str, parts: &[&Path]) -> String {
        let mut all = Vec::new();
        for p in parts {
            all.extend(std::fs::read(p).unwrap());
        }
        std::fs::write(dir.path(out), all).unwrap();
        path_str(&dir.path(out))
    }

    fn one_file(file: &str) -> CertFiles {
        CertFiles {
            files: vec![file.to_string()],
            layout: CertLayout::OneChainPerFile,
        }
    }

    fn assess_one(files: &CertFiles, roots: &TrustStore, host: Option<&str>) -> Assessment {
        let (chains, failures) = load(files);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(chains.len(), 1, "{chains:?}");
        assess(&chains[0], roots, now(), host)
    }

    /// A root, an intermediate signed by it, and a leaf signed by the intermediate.
    struct Pki {
        root: TempDir,
        inter: TempDir,
    }

    fn pki() -> Pki {
        let root = TempDir::new("svc-root");
        make_ca(&root, "/CN=Example Test Root/O=Example");
        let inter = TempDir::new("svc-inter");
        // The intermediate: a CA made like the root, then re-issued by the root.
        make_ca(&inter, "/CN=Example Test Intermediate/O=Example");
        openssl(
            &inter.0,
            &[
                "req",
                "-new",
                "-key",
                "ca.key",
                "-subj",
                "/CN=Example Test Intermediate/O=Example",
                "-out",
                "ca.csr",
            ],
        );
        std::fs::write(inter.path("ca.ext"), "basicConstraints=critical,CA:TRUE\n").unwrap();
        let csr = path_str(&inter.path("ca.csr"));
        let ext = path_str(&inter.path("ca.ext"));
        let out = path_str(&inter.path("ca.pem"));
        openssl(
            &root.0,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "30",
                "-out",
                &out,
                "-extfile",
                &ext,
            ],
        );
        Pki { root, inter }
    }

    #[test]
    fn pem_blocks_keys_are_skipped() {
        let text = b"Bag Attributes\n-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n\
            -----BEGIN CERTIFICATE-----\nAAEC\r\nAw==\n-----END CERTIFICATE-----\n\
            -----BEGIN EC PARAMETERS-----\nBggq\n-----END EC PARAMETERS-----\n\
            -----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n\
            -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nxx\n-----END RSA PRIVATE KEY-----\n\
            -----BEGIN CERTIFICATE-----\nAAEC\n";
        assert_eq!(
            split_pem(text),
            [
                PemBlock::PrivateKey,
                PemBlock::Certificate(vec![0, 1, 2, 3]),
                PemBlock::Other,
                PemBlock::BadCertificate,
                PemBlock::PrivateKey,
            ]
        );
        assert!(split_pem(&[0xff, 0xfe, b'\n']).is_empty());
    }

    #[test]
    fn ca_signed_leaf_without_its_intermediate_is_incomplete() {
        let p = pki();
        let leaf = ca_signed(
            &p.inter,
            "leaf",
            "/CN=mail.example.test",
            "DNS:mail.example.test",
            None,
        );
        let store = TrustStore::default();
        let a = assess_one(
            &one_file(&path_str(&leaf)),
            &store,
            Some("mail.example.test"),
        );
        assert_eq!(a.problems.len(), 1, "{a:?}");
        assert_eq!(a.problems[0].0, ServiceProblemKind::CertChainIncomplete);
        assert!(a.problems[0]
            .1
            .contains("no certificate for the issuer CN=Example Test Intermediate"));
        assert_eq!(a.finding.chain_length, 1);
        assert_eq!(a.finding.names, ["mail.example.test"]);
        assert_eq!(a.finding.problem.as_deref(), Some(a.problems[0].1.as_str()));
        assert!(a.notes.is_empty(), "{:?}", a.notes);

        // With the intermediate appended the chain reaches the root's name: complete only
        // when the root is trusted.
        let full = cat(&p.inter, "full.pem", &[&leaf, &p.inter.path("ca.pem")]);
        let a = assess_one(&one_file(&full), &store, None);
        assert_eq!(a.finding.chain_length, 2);
        assert!(
            a.problems[0].1.contains("issuer CN=Example Test Root"),
            "{a:?}"
        );
        let root_pem = std::fs::read(p.root.path("ca.pem")).unwrap();
        let trusted = TrustStore::from_pem(&root_pem, "test-bundle");
        assert_eq!(trusted.len(), 1);
        let a = assess_one(&one_file(&full), &trusted, None);
        assert!(a.problems.is_empty(), "{a:?}");
        assert_eq!(a.finding.problem, None);
        // The whole chain, root included, is complete on its own.
        let whole = cat(
            &p.inter,
            "whole.pem",
            &[&leaf, &p.inter.path("ca.pem"), &p.root.path("ca.pem")],
        );
        assert!(assess_one(&one_file(&whole), &store, None)
            .problems
            .is_empty());
    }

    #[test]
    fn leaf_signed_by_a_trusted_root_is_complete() {
        let root = TempDir::new("svc-direct");
        make_ca(&root, "/CN=Direct Root");
        let leaf = ca_signed(
            &root,
            "leaf",
            "/CN=mx.example.test",
            "DNS:mx.example.test",
            None,
        );
        let trusted = TrustStore::from_pem(&std::fs::read(root.path("ca.pem")).unwrap(), "bundle");
        let a = assess_one(
            &one_file(&path_str(&leaf)),
            &trusted,
            Some("mx.example.test"),
        );
        assert!(a.problems.is_empty() && a.notes.is_empty(), "{a:?}");
        assert_eq!(a.finding.issuer.as_deref(), Some("CN=Direct Root"));
    }

    #[test]
    fn expired_and_not_yet_valid() {
        let root = TempDir::new("svc-exp");
        make_ca(&root, "/CN=Dates Root");
        let trusted = TrustStore::from_pem(&std::fs::read(root.path("ca.pem")).unwrap(), "bundle");
        let old = ca_signed(
            &root,
            "old",
            "/CN=old.example.test",
            "DNS:old.example.test",
            Some(("20200101000000Z", "20210101000000Z")),
        );
        let a = assess_one(&one_file(&path_str(&old)), &trusted, None);
        assert_eq!(a.problems.len(), 1);
        assert_eq!(a.problems[0].0, ServiceProblemKind::CertExpired);
        assert!(a.problems[0].1.contains("expired on 2021-01-01"), "{a:?}");
        assert_eq!(a.finding.not_after.as_deref(), Some("2021-01-01T00:00:00Z"));
        let future = ca_signed(
            &root,
            "future",
            "/CN=new.example.test",
            "DNS:new.example.test",
            Some(("20990101000000Z", "21000101000000Z")),
        );
        let a = assess_one(&one_file(&path_str(&future)), &trusted, None);
        assert_eq!(a.problems[0].0, ServiceProblemKind::CertExpired);
        assert!(
            a.problems[0].1.contains("not valid before 2099-01-01"),
            "{a:?}"
        );
    }

    #[test]
    fn expiring_soon_self_signed_and_wrong_name_are_notes() {
        let dir = TempDir::new("svc-notes");
        let pem = self_signed(
            &dir,
            "leaf",
            "/CN=other.example.test",
            Some("DNS:other.example.test"),
        );
        let (chains, _) = load(&one_file(&path_str(&pem)));
        // Twenty days before its end (30 days from now): no note; ten days before: a note.
        let end = chains[0].certs[0].info.not_after_unix;
        let store = TrustStore::default();
        let a = assess(
            &chains[0],
            &store,
            end - 20 * 86_400,
            Some("mail.example.test"),
        );
        assert!(a.problems.is_empty(), "{a:?}");
        assert_eq!(a.notes.len(), 2, "{:?}", a.notes);
        assert!(a.notes[0].contains("self-signed"));
        assert!(a.notes[1].contains("do not include the server's name mail.example.test"));
        let a = assess(&chains[0], &store, end - 10 * 86_400, None);
        assert_eq!(a.notes.len(), 2, "{:?}", a.notes);
        assert!(a.notes[0].contains("(in 10 days)"), "{:?}", a.notes);
    }

    #[test]
    fn chain_files_group_by_key_and_never_hold_the_key() {
        let p = pki();
        let leaf = ca_signed(
            &p.inter,
            "leaf",
            "/CN=mail.example.test",
            "DNS:mail.example.test",
            None,
        );
        let ec = ca_signed(
            &p.inter,
            "ec",
            "/CN=mail.example.test",
            "DNS:mail.example.test",
            None,
        );
        // Postfix's smtpd_tls_chain_files: key, then its chain; a second key and chain in
        // one combined file.
        let fullchain = cat(&p.inter, "fullchain.pem", &[&leaf, &p.inter.path("ca.pem")]);
        let combined = cat(&p.inter, "combined.pem", &[&p.inter.path("ec.key"), &ec]);
        let files = CertFiles {
            files: vec![
                path_str(&p.inter.path("leaf.key")),
                fullchain.clone(),
                combined,
            ],
            layout: CertLayout::KeysThenChains,
        };
        let (chains, failures) = load(&files);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(chains.len(), 2);
        assert_eq!(chains[0].certs.len(), 2);
        assert_eq!(chains[0].certs[0].file, fullchain);
        assert_eq!(chains[1].certs.len(), 1);
        let a = assess(&chains[0], &TrustStore::default(), now(), None);
        let key = std::fs::read_to_string(p.inter.path("leaf.key")).unwrap();
        let secret_line = key.lines().nth(1).unwrap();
        let shown = format!("{a:?}{:?}", source_entries(&chains, &failures));
        assert!(!shown.contains(secret_line));
    }

    #[test]
    fn unreadable_files() {
        let dir = TempDir::new("svc-unread");
        let missing = path_str(&dir.path("missing.pem"));
        let (chains, failures) = load(&one_file(&missing));
        assert!(chains.is_empty());
        assert_eq!(failures[0].status, SourceStatus::Error);
        assert!(
            failures[0].problem.ends_with("does not exist"),
            "{failures:?}"
        );
        let a = failure(&failures[0]);
        assert_eq!(a.problems[0].0, ServiceProblemKind::CertUnreadable);

        let key_only = dir.path("only.key");
        openssl(
            &dir.0,
            &[
                "genpkey",
                "-algorithm",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-out",
                "only.key",
            ],
        );
        let (_, failures) = load(&one_file(&path_str(&key_only)));
        assert!(
            failures[0].problem.ends_with("holds no PEM certificate"),
            "{failures:?}"
        );

        std::fs::write(
            dir.path("garbage.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let (_, failures) = load(&one_file(&path_str(&dir.path("garbage.pem"))));
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(
            failures[0].problem.contains("cannot be parsed"),
            "{failures:?}"
        );

        let entries = source_entries(&[], &failures);
        assert_eq!(
            entries[0].name,
            format!("certificate {}", path_str(&dir.path("garbage.pem")))
        );
        assert_eq!(entries[0].status, SourceStatus::Error);
    }

    #[test]
    fn permission_denied_says_so() {
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        let f = open_failure("/etc/ssl/private/mail.pem", &denied);
        assert_eq!(f.status, SourceStatus::Denied);
        assert!(f.problem.contains("permission denied"), "{f:?}");
        let other = std::io::Error::from(ErrorKind::InvalidData);
        assert_eq!(open_failure("x", &other).status, SourceStatus::Error);
        // A real unreadable file, when this user is not root (root reads every file).
        if unsafe { libc::geteuid() } != 0 {
            use std::os::unix::fs::PermissionsExt;
            let dir = TempDir::new("svc-perm");
            let pem = self_signed(&dir, "leaf", "/CN=x.example.test", None);
            std::fs::set_permissions(&pem, std::fs::Permissions::from_mode(0o000)).unwrap();
            let (_, failures) = load(&one_file(&path_str(&pem)));
            assert_eq!(failures[0].status, SourceStatus::Denied);
        }
    }

    #[test]
    fn missing_issuer_walk() {
        let c = |s: &str, i: &str| CertInfo {
            subject: s.into(),
            issuer: i.into(),
            names: vec![],
            not_before: String::new(),
            not_after: String::new(),
            not_before_unix: 0,
            not_after_unix: 0,
            self_signed: s == i,
            issuer_cn: None,
            issuer_org: None,
            issuer_ou: None,
        };
        let store = TrustStore::default();
        assert_eq!(missing_issuer(&[], &store), None);
        assert_eq!(missing_issuer(&[c("CN=a", "CN=a")], &store), None);
        assert_eq!(
            missing_issuer(&[c("CN=leaf", "CN=i1")], &store).as_deref(),
            Some("CN=i1")
        );
        assert_eq!(
            missing_issuer(&[c("CN=leaf", "CN=i1"), c("CN=i1", "CN=i2")], &store).as_deref(),
            Some("CN=i2")
        );
        // Two certificates that name each other: no root, but no gap either; it ends.
        assert_eq!(
            missing_issuer(&[c("CN=x", "CN=y"), c("CN=y", "CN=x")], &store),
            None
        );
    }
}
