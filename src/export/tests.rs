use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;
use crate::checks::CheckRecord;
use crate::diagnosis::{Cause, Diagnosis};
use crate::facts::{Target, TargetSource};

pub(crate) fn endpoint(server: &str, port: u16, security: Security, user: &str) -> Endpoint {
    Endpoint {
        server: server.into(),
        port,
        security,
        user: Some(user.into()),
    }
}

pub(crate) fn account(user: &str) -> Account {
    Account::new(
        "anna@example.org",
        Some("Example Mail"),
        endpoint("smtp.example.org", 587, Security::Starttls, user),
        None,
    )
    .unwrap()
}

fn imap() -> Incoming {
    Incoming {
        kind: IncomingKind::Imap,
        server: "imap.example.org".into(),
        port: 993,
        security: Security::Tls,
    }
}

/// Every element's text content, by its path of element names from the root, in
/// document order of the elements' ends.
fn texts(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    // (name, text, whether it holds elements): only a leaf's text is a value, so a value of
    // spaces counts while the indentation between elements does not.
    let mut path: Vec<(String, String, bool)> = Vec::new();
    let mut out = Vec::new();
    for _ in 0..10_000 {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                if let Some(parent) = path.last_mut() {
                    parent.2 = true;
                }
                path.push((e.name().as_ref().to_string(), String::new(), false));
            }
            Event::End(_) => {
                let names: Vec<&str> = path.iter().map(|(n, _, _)| n.as_str()).collect();
                let joined = names.join("/");
                let (_, text, parent) = path.pop().expect("balanced");
                if !parent && !text.is_empty() {
                    out.push((joined, text));
                }
            }
            Event::Text(t) => {
                let s = t.xml_content(quick_xml::XmlVersion::Implicit1_0);
                // Whitespace outside the root element belongs to no element.
                if let Some((_, text, _)) = path.last_mut() {
                    text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected reference {other}"),
                };
                path.last_mut().expect("inside the root").1.push_str(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty(), "unclosed elements");
    out
}

fn text_at<'a>(t: &'a [(String, String)], path: &str) -> Vec<&'a str> {
    t.iter()
        .filter(|(p, _)| p == path)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn autoconfig_typical_outgoing_only() {
    let got = autoconfig::render(&account("anna@example.org")).unwrap();
    let want = r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <displayName>Example Mail</displayName>
    <!-- Only the outgoing server was tested. Add the incomingServer (IMAP or POP3) of this mailbox here: Thunderbird needs one to accept this file. -->
    <!-- Outgoing server: tested by smtp-doctor and working. -->
    <outgoingServer type="smtp">
      <hostname>smtp.example.org</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
"#;
    assert_eq!(got, want);
}

#[test]
fn autoconfig_with_incoming_and_tls() {
    let mut a = account("anna");
    a.outgoing.port = 465;
    a.outgoing.security = Security::Tls;
    a.incoming = Some(imap());
    let t = texts(&autoconfig::render(&a).unwrap());
    let inc = "clientConfig/emailProvider/incomingServer";
    let out = "clientConfig/emailProvider/outgoingServer";
    assert_eq!(
        text_at(&t, &format!("{inc}/hostname")),
        ["imap.example.org"]
    );
    assert_eq!(text_at(&t, &format!("{inc}/socketType")), ["SSL"]);
    assert_eq!(text_at(&t, &format!("{out}/socketType")), ["SSL"]);
    assert_eq!(text_at(&t, &format!("{out}/port")), ["465"]);
    assert_eq!(
        text_at(&t, &format!("{out}/username")),
        ["%EMAILLOCALPART%"]
    );
}

#[test]
fn login_forms() {
    assert_eq!(
        account("anna@example.org").login_form(),
        LoginForm::EmailAddress
    );
    assert_eq!(
        account("ANNA@Example.org").login_form(),
        LoginForm::EmailAddress
    );
    assert_eq!(account("anna").login_form(), LoginForm::LocalPart);
    assert_eq!(
        account("u12345").login_form(),
        LoginForm::Literal("u12345".into())
    );
    let mut none = account("x");
    none.outgoing.user = None;
    assert_eq!(none.login_form(), LoginForm::EmailAddress);
    assert_eq!(LoginForm::Literal("u1".into()).as_autoconfig(), "u1");
}

#[test]
fn plain_security_is_written_as_plain_and_ssl_off() {
    let mut a = account("anna@example.org");
    a.outgoing.port = 25;
    a.outgoing.security = Security::None;
    let t = texts(&autoconfig::render(&a).unwrap());
    assert_eq!(
        text_at(&t, "clientConfig/emailProvider/outgoingServer/socketType"),
        ["plain"]
    );
    let d = texts(&autodiscover::render(&a).unwrap());
    let p = "Autodiscover/Response/Account/Protocol";
    assert_eq!(text_at(&d, &format!("{p}/SSL")), ["off"]);
    assert_eq!(text_at(&d, &format!("{p}/Encryption")), ["None"]);
}

#[test]
fn autodiscover_typical() {
    let got = autodiscover::render(&account("anna@example.org")).unwrap();
    let want = r#"<?xml version="1.0" encoding="UTF-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol>
        <Type>SMTP</Type>
        <Server>smtp.example.org</Server>
        <Port>587</Port>
        <LoginName>anna@example.org</LoginName>
        <SPA>off</SPA>
        <SSL>on</SSL>
        <Encryption>TLS</Encryption>
        <AuthRequired>on</AuthRequired>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>
"#;
    assert_eq!(got, want);
}

#[test]
fn autodiscover_implicit_tls_is_ssl_and_incoming_comes_first() {
    let mut a = account("anna@example.org");
    a.outgoing.security = Security::Tls;
    a.outgoing.port = 465;
    a.incoming = Some(imap());
    let d = texts(&autodiscover::render(&a).unwrap());
    let p = "Autodiscover/Response/Account/Protocol";
    assert_eq!(text_at(&d, &format!("{p}/Type")), ["IMAP", "SMTP"]);
    assert_eq!(text_at(&d, &format!("{p}/Encryption")), ["SSL", "SSL"]);
}

fn mail_payload(xml: &str) -> plist::Dictionary {
    let v = plist::Value::from_reader_xml(xml.as_bytes()).expect("a plist");
    let top = v.into_dictionary().expect("a dictionary");
    assert_eq!(top["PayloadType"].as_string(), Some("Configuration"));
    let content = top["PayloadContent"].as_array().expect("an array");
    assert_eq!(content.len(), 1);
    content[0].as_dictionary().expect("a dict").clone()
}

#[test]
fn mobileconfig_carries_the_smtp_part_and_no_password() {
    let mut a = account("anna@example.org");
    a.incoming = Some(imap());
    let xml = mobileconfig::render(&a).unwrap();
    let m = mail_payload(&xml);
    assert_eq!(m["PayloadType"].as_string(), Some("com.apple.mail.managed"));
    assert_eq!(
        m["OutgoingMailServerHostName"].as_string(),
        Some("smtp.example.org")
    );
    assert_eq!(
        m["OutgoingMailServerPortNumber"].as_unsigned_integer(),
        Some(587)
    );
    assert_eq!(m["OutgoingMailServerUseSSL"].as_boolean(), Some(true));
    assert_eq!(
        m["OutgoingMailServerAuthentication"].as_string(),
        Some("EmailAuthPassword")
    );
    assert_eq!(
        m["OutgoingMailServerUsername"].as_string(),
        Some("anna@example.org")
    );
    assert_eq!(m["EmailAddress"].as_string(), Some("anna@example.org"));
    assert_eq!(
        m["IncomingMailServerHostName"].as_string(),
        Some("imap.example.org")
    );
    assert_eq!(m["EmailAccountType"].as_string(), Some("EmailTypeIMAP"));
    assert_eq!(
        m["OutgoingPasswordSameAsIncomingPassword"].as_boolean(),
        Some(false)
    );
    assert!(!xml.contains("Password</key>\n\t\t\t<string"), "{xml}");
    assert!(m
        .keys()
        .all(|k| k != "OutgoingPassword" && k != "IncomingPassword"));
}

#[test]
fn mobileconfig_uuids_are_reproducible_and_distinct() {
    let mut a = account("anna@example.org");
    a.incoming = Some(imap());
    let one = mobileconfig::render(&a).unwrap();
    assert_eq!(one, mobileconfig::render(&a).unwrap());
    let top = plist::Value::from_reader_xml(one.as_bytes())
        .unwrap()
        .into_dictionary()
        .unwrap();
    let outer = top["PayloadUUID"].as_string().unwrap().to_string();
    let inner = mail_payload(&one)["PayloadUUID"]
        .as_string()
        .unwrap()
        .to_string();
    assert_ne!(outer, inner);
    assert!(uuid::Uuid::parse_str(&outer).is_ok());
    a.email = "bob@example.org".into();
    let other = mobileconfig::render(&a).unwrap();
    assert!(!other.contains(&outer));
}

#[test]
fn mobileconfig_without_incoming_is_refused_plainly() {
    let err = mobileconfig::render(&account("anna@example.org")).unwrap_err();
    assert_eq!(err, ExportError::IncomingUnknown);
    assert!(err.to_string().contains("--incoming"));
}

#[test]
fn incoming_parses_its_four_parts() {
    assert_eq!(Incoming::parse("imap:imap.example.org:993:tls"), Ok(imap()));
    let pop = Incoming::parse("POP3:pop.example.org:110:starttls").unwrap();
    assert_eq!(pop.kind, IncomingKind::Pop3);
    assert!(Incoming::parse("imap:host:993").is_err());
    assert!(Incoming::parse("smtp:host:993:tls").is_err());
    assert!(Incoming::parse("imap:host:0:tls").is_err());
    assert!(Incoming::parse("imap::993:tls").is_err());
    assert!(Incoming::parse("imap:host:993:ssl3").is_err());
}

#[test]
fn control_characters_are_refused_not_written() {
    let mut a = account("anna@example.org");
    a.outgoing.server = "smtp\u{1}.example.org".into();
    assert_eq!(
        autoconfig::render(&a),
        Err(ExportError::Unwritable {
            field: "outgoing server"
        })
    );
    assert!(autodiscover::render(&a).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn odd_values_cannot_break_the_xml(
        server in "\\PC{1,30}",
        user in "\\PC{1,30}",
        name in "\\PC{1,20}",
        local in "[^@\\p{C}]{1,10}",
        domain in "[^@\\p{C}]{1,15}",
    ) {
        let email = format!("{local}@{domain}");
        let mut a = Account::new(
            &email,
            Some(&name),
            endpoint(&server, 587, Security::Starttls, &user),
            Some(Incoming { kind: IncomingKind::Imap, server: server.clone(), port: 993, security: Security::Tls }),
        ).unwrap();
        a.domain = domain.clone();
        let t = texts(&autoconfig::render(&a).unwrap());
        let out = "clientConfig/emailProvider/outgoingServer";
        prop_assert_eq!(text_at(&t, &format!("{out}/hostname")), [server.as_str()]);
        prop_assert_eq!(text_at(&t, "clientConfig/emailProvider/displayName"), [name.as_str()]);
        let login = a.login_form();
        prop_assert_eq!(text_at(&t, &format!("{out}/username")), [login.as_autoconfig()]);

        let d = texts(&autodiscover::render(&a).unwrap());
        let p = "Autodiscover/Response/Account/Protocol";
        prop_assert_eq!(text_at(&d, &format!("{p}/Server")), [server.as_str(), server.as_str()]);
        prop_assert_eq!(text_at(&d, &format!("{p}/LoginName")), [user.as_str(), user.as_str()]);

        let m = mail_payload(&mobileconfig::render(&a).unwrap());
        prop_assert_eq!(m["OutgoingMailServerHostName"].as_string(), Some(server.as_str()));
        prop_assert_eq!(m["OutgoingMailServerUsername"].as_string(), Some(user.as_str()));
        prop_assert_eq!(m["EmailAddress"].as_string(), Some(email.as_str()));
    }
}

/// A finished diagnosis for anna@example.org that tested smtp.example.org.
pub(crate) fn diagnosis(recommended: Endpoint, passed: &[CheckId], causes: &[&str]) -> Diagnosis {
    let catalog = crate::catalog::Catalog::embedded().expect("embedded catalog");
    let mut input = crate::settings::Input::new("anna@example.org");
    input.password = Some(crate::secret::Secret::new("x".into()));
    let facts = crate::facts::Facts {
        done: true,
        ..crate::facts::Facts::default()
    };
    let mut d = crate::diagnosis::diagnose(
        &catalog,
        &input,
        &facts,
        crate::tree::QuestionMode::UseDefaults,
    );
    d.tested.password_given = true;
    d.target = Some(Some(Target {
        host: recommended.server.clone(),
        source: TargetSource::Configured,
    }));
    d.recommended = Some(recommended);
    d.checks = passed
        .iter()
        .map(|id| CheckRecord {
            id: *id,
            status: Status::Pass,
            duration_ms: 1,
            summary: String::new(),
            detail: serde_json::Value::Null,
        })
        .collect();
    d.causes = causes
        .iter()
        .map(|code| Cause {
            code: (*code).to_string(),
            confidence: crate::tree::Confidence::Confirmed,
            title: "t".into(),
            explanation: "e".into(),
            fix: vec![],
            evidence: vec![],
            who_acts: crate::causes::Actor::Host,
        })
        .collect();
    d
}

#[test]
fn only_a_signed_in_endpoint_on_the_tested_server_is_verified() {
    let e = endpoint(
        "smtp.example.org",
        587,
        Security::Starttls,
        "anna@example.org",
    );
    let signed_in = diagnosis(e.clone(), &[CheckId::Stage(587, SmtpStage::Auth)], &[]);
    assert_eq!(verified_settings(&signed_in), Some(&e));
    let a = account_of(&signed_in, None).unwrap();
    assert_eq!(a.domain, "example.org");
    // Only greeted, but a password was given: the login is not proven.
    let greeted = diagnosis(e.clone(), &[CheckId::Stage(587, SmtpStage::Ehlo)], &[]);
    assert_eq!(verified_settings(&greeted), None);
    // Signed in on another port than the one recommended.
    let other_port = diagnosis(e.clone(), &[CheckId::Stage(465, SmtpStage::Auth)], &[]);
    assert_eq!(verified_settings(&other_port), None);
    // Recommended from a profile for another server than the one tested.
    let mut elsewhere = diagnosis(e, &[CheckId::Stage(587, SmtpStage::Auth)], &[]);
    elsewhere.target = Some(Some(Target {
        host: "mail.example.org".into(),
        source: TargetSource::Configured,
    }));
    assert_eq!(verified_settings(&elsewhere), None);
}

#[test]
fn the_autoconfig_cause_is_matched_by_its_code() {
    let e = endpoint(
        "smtp.example.org",
        587,
        Security::Starttls,
        "anna@example.org",
    );
    assert!(autoconfig_wrong(&diagnosis(
        e.clone(),
        &[],
        &[AUTOCONFIG_WRONG]
    )));
    assert!(!autoconfig_wrong(&diagnosis(
        e,
        &[],
        &["config.wrong_port"]
    )));
}

fn report_with(causes: &[&str]) -> crate::report::Report {
    let e = endpoint(
        "smtp.example.org",
        587,
        Security::Starttls,
        "anna@example.org",
    );
    let d = diagnosis(e, &[CheckId::Stage(587, SmtpStage::Auth)], causes);
    crate::report::Report::new(&d)
}

#[test]
fn reports_carry_the_host_files_only_with_the_autoconfig_cause() {
    let without = report_with(&["config.wrong_port"]);
    assert!(without.host_files.is_none());
    assert!(!crate::report::text::render(&without).contains("Corrected files"));
    assert!(!crate::report::markdown::render(&without).contains("Corrected files"));
    assert!(!without.to_json().contains("host_files"));

    let r = report_with(&[AUTOCONFIG_WRONG]);
    let files = r.host_files.as_ref().expect("host files");
    assert!(files
        .autoconfig_xml
        .contains("<hostname>smtp.example.org</hostname>"));
    assert!(files.autodiscover_xml.contains("<Type>SMTP</Type>"));

    let text = crate::report::text::render(&r);
    assert!(
        text.contains("\nCorrected files for your host:\n"),
        "{text}"
    );
    assert!(
        text.contains("\n    <clientConfig version=\"1.1\">\n"),
        "{text}"
    );
    assert!(text.contains("\n            <Type>SMTP</Type>\n"), "{text}");

    let md = crate::report::markdown::render(&r);
    assert!(md.contains("\n## Corrected files for your host\n"), "{md}");
    assert!(
        md.contains("```xml\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig"),
        "{md}"
    );
    assert!(md.contains("</Autodiscover>\n```\n"), "{md}");

    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(
        json["host_files"]["autoconfig_xml"],
        files.autoconfig_xml.as_str()
    );
    assert_eq!(
        json["host_files"]["autodiscover_xml"],
        files.autodiscover_xml.as_str()
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schemas/report-v1.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn unproven_settings_give_no_host_files() {
    let e = endpoint(
        "smtp.example.org",
        587,
        Security::Starttls,
        "anna@example.org",
    );
    let d = diagnosis(e, &[], &[AUTOCONFIG_WRONG]);
    assert!(crate::report::Report::new(&d).host_files.is_none());
}
