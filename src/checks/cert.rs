//! X.509 certificate reading and the classification of why verification failed.
//!
//! Verification itself is OpenSSL's job (via native-tls); this module only explains a failure
//! in words a user can act on: expired, wrong name, self-signed, or signed by an unknown CA.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer;
use x509_parser::time::ASN1Time;
use x509_parser::x509::X509Name;

use crate::protocol::reply::sanitize;

/// What a certificate says about itself. Every string is terminal-safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CertInfoFields")]
pub struct CertInfo {
    /// Subject DN, e.g. `CN=mail.example.com, O=Example`.
    pub subject: String,
    /// Issuer DN in the same form.
    pub issuer: String,
    /// SAN dNSName and iPAddress entries; the subject CN only when there are none.
    pub names: Vec<String>,
    /// RFC 3339, e.g. `2024-01-01T00:00:00Z`.
    pub not_before: String,
    pub not_after: String,
    #[serde(skip)]
    pub not_before_unix: i64,
    #[serde(skip)]
    pub not_after_unix: i64,
    /// Issuer equals subject (and the key identifiers, when both present, agree).
    pub self_signed: bool,
    /// The issuer's first CN, used to name a product that intercepts TLS (antivirus, proxy).
    pub issuer_cn: Option<String>,
    /// The issuer's first O.
    pub issuer_org: Option<String>,
    /// The issuer's first OU: some interceptors name themselves only there.
    pub issuer_ou: Option<String>,
}

/// [`CertInfo`] as it is serialised: the validity seconds are not written, so reading one
/// back (a recorded fact set) recomputes them from the RFC 3339 dates.
#[derive(Deserialize)]
struct CertInfoFields {
    subject: String,
    issuer: String,
    names: Vec<String>,
    not_before: String,
    not_after: String,
    self_signed: bool,
    issuer_cn: Option<String>,
    issuer_org: Option<String>,
    issuer_ou: Option<String>,
}

impl From<CertInfoFields> for CertInfo {
    fn from(f: CertInfoFields) -> CertInfo {
        CertInfo {
            not_before_unix: unix_of(&f.not_before),
            not_after_unix: unix_of(&f.not_after),
            subject: f.subject,
            issuer: f.issuer,
            names: f.names,
            not_before: f.not_before,
            not_after: f.not_after,
            self_signed: f.self_signed,
            issuer_cn: f.issuer_cn,
            issuer_org: f.issuer_org,
            issuer_ou: f.issuer_ou,
        }
    }
}

/// Seconds since the epoch of a date written by [`rfc3339`]. That falls back to another form
/// only past the year 9999, so a date that does not parse is far in the future.
fn unix_of(date: &str) -> i64 {
    time::OffsetDateTime::parse(date, &Rfc3339)
        .map(|t| t.unix_timestamp())
        .unwrap_or(i64::MAX)
}

/// Why a certificate was not accepted, most actionable first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertProblem {
    Expired,
    NotYetValid,
    NameMismatch,
    SelfSigned,
    Untrusted,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable certificate: {0}")]
pub struct CertError(pub String);

/// Parses one DER certificate. Trailing bytes after the certificate are ignored.
pub fn parse_der(der: &[u8]) -> Result<CertInfo, CertError> {
    let (_, cert) = X509Certificate::from_der(der)
        .map_err(|e| CertError(sanitize(e.to_string().as_bytes())))?;
    let subject = name_string(cert.subject());
    let issuer = name_string(cert.issuer());
    let validity = cert.validity();
    Ok(CertInfo {
        names: names_of(&cert)?,
        self_signed: looks_self_signed(&cert),
        issuer_cn: first_attr(cert.issuer().iter_common_name()),
        issuer_org: first_attr(cert.issuer().iter_organization()),
        issuer_ou: first_attr(cert.issuer().iter_organizational_unit()),
        not_before: rfc3339(&validity.not_before),
        not_after: rfc3339(&validity.not_after),
        not_before_unix: validity.not_before.timestamp(),
        not_after_unix: validity.not_after.timestamp(),
        subject,
        issuer,
    })
}

fn name_string(name: &X509Name<'_>) -> String {
    sanitize(name.to_string().as_bytes())
}

fn first_attr<'a, 'b: 'a>(
    mut it: impl Iterator<Item = &'a x509_parser::x509::AttributeTypeAndValue<'b>>,
) -> Option<String> {
    it.next()
        .map(|a| match a.as_str() {
            Ok(s) => sanitize(s.as_bytes()),
            Err(_) => sanitize(a.as_slice()),
        })
        .filter(|s| !s.is_empty())
}

fn rfc3339(t: &ASN1Time) -> String {
    // Rfc3339 cannot show years past 9999; fall back to the parser's own rendering.
    t.to_datetime()
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

fn names_of(cert: &X509Certificate<'_>) -> Result<Vec<String>, CertError> {
    let san = cert
        .subject_alternative_name()
        .map_err(|e| CertError(format!("subjectAltName: {e}")))?;
    let mut names = Vec::new();
    if let Some(san) = san {
        for gn in &san.value.general_names {
            match gn {
                GeneralName::DNSName(d) => names.push(sanitize(d.as_bytes())),
                GeneralName::IPAddress(bytes) => {
                    if let Some(ip) = ip_from_bytes(bytes) {
                        names.push(ip.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    // RFC 6125 §6.4.4: the CN is a fallback only when no DNS/IP identity is present,
    // which is also what OpenSSL's host check does.
    if names.is_empty() {
        if let Some(cn) = first_attr(cert.subject().iter_common_name()) {
            names.push(cn);
        }
    }
    Ok(names)
}

fn ip_from_bytes(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => {
            let a: [u8; 4] = bytes.try_into().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(a)))
        }
        16 => {
            let a: [u8; 16] = bytes.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

/// Issuer == subject, and, when both key identifiers are present, they agree. The signature
/// itself is not checked: x509-parser verifies only with its `verify` feature, which this
/// crate does not enable; OpenSSL has already rejected the chain anyway.
fn looks_self_signed(cert: &X509Certificate<'_>) -> bool {
    let (subject, issuer) = (cert.subject(), cert.issuer());
    let same_name =
        subject.as_raw() == issuer.as_raw() || subject.to_string() == issuer.to_string();
    if !same_name {
        return false;
    }
    let mut ski = None;
    let mut aki = None;
    for ext in cert.iter_extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(k) => ski = Some(k.0),
            ParsedExtension::AuthorityKeyIdentifier(a) => {
                aki = a.key_identifier.as_ref().map(|k| k.0)
            }
            _ => {}
        }
    }
    match (ski, aki) {
        (Some(s), Some(a)) => s == a,
        _ => true,
    }
}

/// Decides why a certificate that failed verification failed, in the order a user should fix
/// things: validity dates, then the name, then self-signed, else an unknown issuer.
pub fn classify(cert: &CertInfo, host: &str, now_unix: i64) -> CertProblem {
    if now_unix > cert.not_after_unix {
        CertProblem::Expired
    } else if now_unix < cert.not_before_unix {
        CertProblem::NotYetValid
    } else if !cert.names.iter().any(|n| name_matches(n, host)) {
        CertProblem::NameMismatch
    } else if cert.self_signed {
        CertProblem::SelfSigned
    } else {
        CertProblem::Untrusted
    }
}

/// Whether a certificate name (SAN entry or CN) covers `host`. Case- and trailing-dot-
/// insensitive; a wildcard only as the whole left-most label, covering exactly one label
/// (RFC 6125 §6.4.3); IP hosts match only an identical IP entry.
pub fn name_matches(pattern: &str, host: &str) -> bool {
    let pattern = normalise(pattern);
    let host = normalise(host);
    if pattern.is_empty() || host.is_empty() {
        return false;
    }
    let host_ip = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(&host)
        .parse::<IpAddr>();
    if let Ok(host_ip) = host_ip {
        return pattern.parse::<IpAddr>() == Ok(host_ip);
    }
    if pattern.parse::<IpAddr>().is_ok() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            // `*.com`-style patterns and further wildcards are refused outright.
            if rest.contains('*') || !rest.contains('.') || rest.split('.').any(str::is_empty) {
                return false;
            }
            match host.split_once('.') {
                Some((first, host_rest)) => !first.is_empty() && host_rest == rest,
                None => false,
            }
        }
        None => !pattern.contains('*') && pattern == host,
    }
}

fn normalise(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

/// Certificate factories for tests, shared with `checks::tls`: they run the `openssl` binary.
#[cfg(test)]
pub(crate) mod testutil {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A temporary directory removed on drop.
    pub struct TempDir(pub PathBuf);

    impl TempDir {
        pub fn new(tag: &str) -> TempDir {
            static N: AtomicU32 = AtomicU32::new(0);
            let n = N.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir()
                .join(format!("smtp-doctor-test-{}-{tag}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        pub fn path(&self, name: &str) -> PathBuf {
            self.0.join(name)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    pub fn openssl(dir: &Path, args: &[&str]) {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    const EC: [&str; 4] = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];

    /// A self-signed certificate `<name>.pem` / `<name>.key`, valid for `days` from now.
    pub fn self_signed(dir: &TempDir, name: &str, subj: &str, san: Option<&str>) -> PathBuf {
        let (cert, key) = (format!("{name}.pem"), format!("{name}.key"));
        let mut args = vec!["req", "-x509"];
        args.extend(EC);
        args.extend([
            "-nodes", "-days", "30", "-subj", subj, "-keyout", &key, "-out", &cert,
        ]);
        let ext;
        if let Some(san) = san {
            ext = format!("subjectAltName={san}");
            args.extend(["-addext", &ext]);
        }
        openssl(&dir.0, &args);
        dir.path(&cert)
    }

    /// A CA (`ca.pem`, `ca.key`) with a config for `openssl ca`.
    pub fn make_ca(dir: &TempDir, subj: &str) -> PathBuf {
        let mut args = vec!["req", "-x509"];
        args.extend(EC);
        args.extend([
            "-nodes",
            "-days",
            "30",
            "-subj",
            subj,
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
        ]);
        openssl(&dir.0, &args);
        std::fs::create_dir_all(dir.path("db")).unwrap();
        std::fs::write(dir.path("db/index.txt"), "").unwrap();
        std::fs::write(dir.path("db/serial"), "01\n").unwrap();
        std::fs::write(
            dir.path("ca.cnf"),
            "[ca]\ndefault_ca = t\n[t]\ndatabase = db/index.txt\nnew_certs_dir = db\n\
             serial = db/serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\n\
             unique_subject = no\npreserve = yes\n[p]\norganizationName = optional\n\
             commonName = optional\n",
        )
        .unwrap();
        dir.path("ca.pem")
    }

    /// A leaf `<name>.pem` / `<name>.key` signed by the CA made with [`make_ca`]; `dates` is
    /// `Some((start, end))` in `YYYYMMDDHHMMSSZ` form, or `None` for 30 days from now.
    pub fn ca_signed(
        dir: &TempDir,
        name: &str,
        subj: &str,
        san: &str,
        dates: Option<(&str, &str)>,
    ) -> PathBuf {
        let (cert, key, csr) = (
            format!("{name}.pem"),
            format!("{name}.key"),
            format!("{name}.csr"),
        );
        let ext = format!("subjectAltName={san}");
        let mut args = vec!["req"];
        args.extend(EC);
        args.extend([
            "-nodes", "-subj", subj, "-keyout", &key, "-out", &csr, "-addext", &ext,
        ]);
        openssl(&dir.0, &args);
        let mut args = vec![
            "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile",
            "ca.key", "-in", &csr, "-out", &cert,
        ];
        match dates {
            Some((start, end)) => args.extend(["-startdate", start, "-enddate", end]),
            None => args.extend(["-days", "30"]),
        }
        openssl(&dir.0, &args);
        dir.path(&cert)
    }

    pub fn der_of(pem_path: &Path) -> Vec<u8> {
        let pem = std::fs::read(pem_path).unwrap();
        let (_, pem) = x509_parser::pem::parse_x509_pem(&pem).unwrap();
        pem.contents
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;

    fn now() -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }

    #[test]
    fn name_matching() {
        let yes = [
            ("mail.example.com", "mail.example.com"),
            ("MAIL.Example.COM", "mail.example.com"),
            ("mail.example.com.", "mail.example.com"),
            ("mail.example.com", "Mail.Example.Com."),
            ("*.example.com", "a.example.com"),
            ("*.example.com", "SMTP.EXAMPLE.COM."),
            ("*.Example.com", "a.example.com"),
            ("192.0.2.1", "192.0.2.1"),
            ("2001:db8::1", "2001:DB8:0:0::1"),
            ("2001:db8::1", "[2001:db8::1]"),
        ];
        for (p, h) in yes {
            assert!(name_matches(p, h), "{p} should match {h}");
        }
        let no = [
            ("*.example.com", "example.com"),
            ("*.example.com", "a.b.example.com"),
            ("*.example.com", ".example.com"),
            ("*.com", "example.com"),
            ("*", "localhost"),
            ("*.*.example.com", "a.b.example.com"),
            ("a.*.example.com", "a.b.example.com"),
            ("f*.example.com", "foo.example.com"),
            ("*foo.example.com", "afoo.example.com"),
            ("mail.example.com", "smtp.example.com"),
            ("mail.example.com", "mail.example.com.evil"),
            ("example.com", "mail.example.com"),
            ("192.0.2.1", "192.0.2.2"),
            ("*.0.2.1", "192.0.2.1"),
            ("192.0.2.1", "host.example"),
            ("mail.example.com", "192.0.2.1"),
            ("", "mail.example.com"),
            ("mail.example.com", ""),
            ("*.", "a."),
            ("*..com", "a..com"),
        ];
        for (p, h) in no {
            assert!(!name_matches(p, h), "{p} should not match {h}");
        }
    }

    fn info(names: &[&str], nb: i64, na: i64, self_signed: bool) -> CertInfo {
        CertInfo {
            subject: "CN=x".into(),
            issuer: "CN=y".into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            not_before: String::new(),
            not_after: String::new(),
            not_before_unix: nb,
            not_after_unix: na,
            self_signed,
            issuer_cn: None,
            issuer_org: None,
            issuer_ou: None,
        }
    }

    #[test]
    fn classify_order() {
        let c = info(&["a.example"], 100, 200, true);
        assert_eq!(classify(&c, "b.example", 300), CertProblem::Expired);
        assert_eq!(classify(&c, "b.example", 50), CertProblem::NotYetValid);
        assert_eq!(classify(&c, "b.example", 150), CertProblem::NameMismatch);
        assert_eq!(classify(&c, "a.example", 150), CertProblem::SelfSigned);
        assert_eq!(classify(&c, "a.example", 200), CertProblem::SelfSigned);
        let c = info(&["a.example"], 100, 200, false);
        assert_eq!(classify(&c, "a.example", 150), CertProblem::Untrusted);
        let c = info(&[], 100, 200, false);
        assert_eq!(classify(&c, "a.example", 150), CertProblem::NameMismatch);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(parse_der(b"").is_err());
        assert!(parse_der(b"\x30\x03\x02\x01\x01").is_err());
        assert!(parse_der(&[0xffu8; 64]).is_err());
    }

    #[test]
    fn self_signed_with_san() {
        let dir = TempDir::new("cert-san");
        let pem = self_signed(
            &dir,
            "leaf",
            "/CN=mail.example.com/O=Example Ltd",
            Some("DNS:mail.example.com,DNS:smtp.example.com,IP:192.0.2.25"),
        );
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.subject, "CN=mail.example.com, O=Example Ltd");
        assert_eq!(c.issuer, c.subject);
        assert_eq!(
            c.names,
            vec!["mail.example.com", "smtp.example.com", "192.0.2.25"]
        );
        assert!(c.self_signed);
        assert_eq!(c.issuer_cn.as_deref(), Some("mail.example.com"));
        assert_eq!(c.issuer_org.as_deref(), Some("Example Ltd"));
        assert_eq!(c.issuer_ou, None);
        assert!(c.not_before_unix <= now() && now() < c.not_after_unix);
        assert!(
            c.not_after.ends_with('Z') && c.not_after.contains('T'),
            "{}",
            c.not_after
        );
        assert_eq!(
            classify(&c, "smtp.example.com", now()),
            CertProblem::SelfSigned
        );
        assert_eq!(classify(&c, "192.0.2.25", now()), CertProblem::SelfSigned);
        assert_eq!(
            classify(&c, "other.example.com", now()),
            CertProblem::NameMismatch
        );
    }

    #[test]
    fn cn_only_when_no_san() {
        let dir = TempDir::new("cert-cn");
        let pem = self_signed(&dir, "leaf", "/CN=legacy.example.com", None);
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.names, vec!["legacy.example.com"]);
        let pem = self_signed(
            &dir,
            "leaf2",
            "/CN=cn.example.com",
            Some("DNS:san.example.com"),
        );
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.names, vec!["san.example.com"]);
    }

    #[test]
    fn wildcard_certificate() {
        let dir = TempDir::new("cert-wild");
        let pem = self_signed(&dir, "leaf", "/CN=*.example.net", Some("DNS:*.example.net"));
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.names, vec!["*.example.net"]);
        assert_eq!(
            classify(&c, "smtp.example.net", now()),
            CertProblem::SelfSigned
        );
        assert_eq!(
            classify(&c, "example.net", now()),
            CertProblem::NameMismatch
        );
        assert_eq!(
            classify(&c, "a.smtp.example.net", now()),
            CertProblem::NameMismatch
        );
    }

    #[test]
    fn ca_signed_certificates() {
        let dir = TempDir::new("cert-ca");
        make_ca(
            &dir,
            "/CN=Antivirus Web Shield Root/O=Avast Software s.r.o./OU=scanning unit",
        );
        let pem = ca_signed(
            &dir,
            "good",
            "/CN=mail.example.org",
            "DNS:mail.example.org",
            None,
        );
        let c = parse_der(&der_of(&pem)).unwrap();
        assert!(!c.self_signed);
        assert_eq!(c.subject, "CN=mail.example.org");
        assert_eq!(
            c.issuer,
            "CN=Antivirus Web Shield Root, O=Avast Software s.r.o., OU=scanning unit"
        );
        assert_eq!(c.issuer_cn.as_deref(), Some("Antivirus Web Shield Root"));
        assert_eq!(c.issuer_org.as_deref(), Some("Avast Software s.r.o."));
        assert_eq!(c.issuer_ou.as_deref(), Some("scanning unit"));
        assert_eq!(
            classify(&c, "mail.example.org", now()),
            CertProblem::Untrusted
        );

        let pem = ca_signed(
            &dir,
            "old",
            "/CN=old.example.org",
            "DNS:old.example.org",
            Some(("20200101000000Z", "20210101000000Z")),
        );
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.not_before, "2020-01-01T00:00:00Z");
        assert_eq!(c.not_after, "2021-01-01T00:00:00Z");
        assert_eq!(c.not_after_unix, 1_609_459_200);
        // Expired wins over the name and trust problems.
        assert_eq!(
            classify(&c, "other.example.org", now()),
            CertProblem::Expired
        );

        let pem = ca_signed(
            &dir,
            "future",
            "/CN=new.example.org",
            "DNS:new.example.org",
            Some(("20990101000000Z", "21000101000000Z")),
        );
        let c = parse_der(&der_of(&pem)).unwrap();
        assert_eq!(c.not_before, "2099-01-01T00:00:00Z");
        assert_eq!(
            classify(&c, "new.example.org", now()),
            CertProblem::NotYetValid
        );

        let ca = parse_der(&der_of(&dir.path("ca.pem"))).unwrap();
        assert!(ca.self_signed);
    }

    #[test]
    fn control_characters_in_names_are_neutralised() {
        let dir = TempDir::new("cert-esc");
        let pem = self_signed(&dir, "leaf", "/CN=evil\u{1b}[2Jname/O=x", None);
        let c = parse_der(&der_of(&pem)).unwrap();
        assert!(!c.subject.chars().any(char::is_control), "{}", c.subject);
        assert_eq!(c.subject, "CN=evil\\x1b[2Jname, O=x");
        assert!(c.names.iter().all(|n| !n.chars().any(char::is_control)));
    }
}
