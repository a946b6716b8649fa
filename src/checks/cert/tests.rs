//! Classifying certificates (validity, names, wildcards, self-signed, CA-signed) made with
//! openssl at test time.

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
        names: names.iter().map(std::string::ToString::to_string).collect(),
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

fn issued(subject: &str, issuer: &str, self_signed: bool) -> CertInfo {
    CertInfo {
        subject: subject.into(),
        issuer: issuer.into(),
        ..info(&["a.example"], 100, 200, self_signed)
    }
}

#[test]
fn what_was_sent_tells_a_missing_intermediate_from_an_unknown_authority() {
    let leaf = issued("CN=a.example", "CN=Example Intermediate", false);
    let intermediate = issued("CN=Example Intermediate", "CN=Example Root", false);
    let root = issued("CN=Example Root", "CN=Example Root", true);
    let other = issued("CN=Other Intermediate", "CN=Example Root", false);
    let sent = |rest: &[&CertInfo]| rest.iter().map(|c| (*c).clone()).collect::<Vec<_>>();
    let problem = |rest: Option<&[CertInfo]>| classify_sent(&leaf, rest, "a.example", 150);
    // Only the leaf, or the leaf beside a certificate that did not issue it.
    assert_eq!(problem(Some(&[])), CertProblem::ChainIncomplete);
    assert_eq!(
        problem(Some(&sent(&[&other, &root]))),
        CertProblem::ChainIncomplete
    );
    // The issuer is there: the chain ends at an authority this computer does not trust.
    assert_eq!(
        problem(Some(&sent(&[&intermediate]))),
        CertProblem::Untrusted
    );
    assert_eq!(
        problem(Some(&sent(&[&intermediate, &root]))),
        CertProblem::Untrusted
    );
    // Not known what else was sent: the leaf alone decides.
    assert_eq!(problem(None), CertProblem::Untrusted);
    // Self-signed, expired and wrong names keep their own answers.
    let own = issued("CN=a.example", "CN=a.example", true);
    assert_eq!(
        classify_sent(&own, Some(&[]), "a.example", 150),
        CertProblem::SelfSigned
    );
    assert_eq!(
        classify_sent(&leaf, Some(&[]), "a.example", 300),
        CertProblem::Expired
    );
    assert_eq!(
        classify_sent(&leaf, Some(&[]), "b.example", 150),
        CertProblem::NameMismatch
    );
}

#[test]
fn a_chain_of_parsed_certificates_is_matched_by_names() {
    let dir = TempDir::new("cert-chain");
    let root = parse_der(&der_of(&make_ca(&dir, "/CN=Chain Test Root/O=Test"))).unwrap();
    let pem = ca_signed(&dir, "leaf", "/CN=mail.test", "DNS:mail.test", None);
    let leaf = parse_der(&der_of(&pem)).unwrap();
    assert!(root.self_signed && !leaf.self_signed);
    assert!(issuer_sent(&leaf, std::slice::from_ref(&root)));
    assert!(!issuer_sent(&leaf, &[]));
    assert_eq!(
        classify_sent(&leaf, Some(&[]), "mail.test", now()),
        CertProblem::ChainIncomplete
    );
    assert_eq!(
        classify_sent(&leaf, Some(&[root]), "mail.test", now()),
        CertProblem::Untrusted
    );
}
