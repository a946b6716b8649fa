use super::*;
use proptest::prelude::*;

/// The shape cPanel-style hosts publish for Outlook (POP3, IMAP and SMTP blocks, default
/// namespace on the response only).
const AUTODISCOVER_CPANEL: &str = r#"<?xml version="1.0" encoding="utf-8" ?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <User><DisplayName>alice@example.test</DisplayName></User>
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol>
        <Type>IMAP</Type><Server>mail.example.test</Server><Port>993</Port>
        <LoginName>alice@example.test</LoginName><SSL>on</SSL><SPA>off</SPA>
      </Protocol>
      <Protocol>
        <Type>SMTP</Type>
        <Server>mail.example.test</Server>
        <Port>465</Port>
        <DomainRequired>off</DomainRequired>
        <LoginName>alice@example.test</LoginName>
        <SPA>off</SPA>
        <SSL>on</SSL>
        <AuthRequired>on</AuthRequired>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>"#;

#[test]
fn autodiscover_smtp_block_of_a_hosting_panel() {
    let Published::Settings { smtp } = autodiscover(AUTODISCOVER_CPANEL).unwrap() else {
        panic!("settings expected")
    };
    assert_eq!(
        smtp,
        vec![PublishedSmtp {
            server: "mail.example.test".into(),
            port: Some(465),
            socket: Some(SocketType::Ssl),
            user: Some("alice@example.test".into()),
            spa: false,
        }]
    );
}

#[test]
fn autodiscover_encryption_outranks_ssl_and_spa_is_read() {
    let text = r#"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
      <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><Account>
        <Action>settings</Action>
        <Protocol><Type>smtp</Type><Server>smtp.example.test</Server><Port>587</Port>
          <SSL>on</SSL><Encryption>TLS</Encryption><SPA>on</SPA><LoginName>alice</LoginName></Protocol>
        <Protocol><Type>SMTP</Type><Server>backup.example.test</Server><Port>25</Port><Encryption>None</Encryption></Protocol>
      </Account></Response></Autodiscover>"#;
    let Published::Settings { smtp } = autodiscover(text).unwrap() else {
        panic!()
    };
    assert_eq!(smtp.len(), 2);
    assert_eq!(smtp[0].socket, Some(SocketType::Starttls));
    assert!(smtp[0].spa);
    assert_eq!(smtp[1].socket, Some(SocketType::Plain));
    assert_eq!(smtp[1].user, None);
}

#[test]
fn autodiscover_redirects_and_errors() {
    let redirect = r#"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
      <Account><Action>redirectUrl</Action><RedirectUrl>https://autodiscover.host.test/autodiscover/autodiscover.xml</RedirectUrl></Account></Response></Autodiscover>"#;
    assert_eq!(
        autodiscover(redirect).unwrap(),
        Published::RedirectUrl {
            url: "https://autodiscover.host.test/autodiscover/autodiscover.xml".into()
        }
    );
    let error = r#"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response>
      <Error Time="12:00:00" Id="1"><ErrorCode>500</ErrorCode><Message>Invalid Request</Message></Error></Response></Autodiscover>"#;
    assert_eq!(
        autodiscover(error),
        Err(ParseError::ServiceError("Invalid Request".into()))
    );
    assert!(matches!(
        autodiscover("<html><body>Not found</body></html>"),
        Err(ParseError::NotAutodiscover(_))
    ));
    assert!(matches!(
        autodiscover("not xml"),
        Err(ParseError::NotXml(_))
    ));
}

#[test]
fn autodiscover_redirect_addr_names_the_address_to_ask_again_for() {
    let redirect = r#"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
      <Account><Action>redirectAddr</Action><RedirectAddr> alice@Mailbox.Host.test </RedirectAddr></Account></Response></Autodiscover>"#;
    let Published::RedirectAddr { address } = autodiscover(redirect).unwrap() else {
        panic!("not a redirectAddr");
    };
    assert_eq!(address, "alice@Mailbox.Host.test");
    assert_eq!(
        redirect_address(&address),
        Some((
            "alice@mailbox.host.test".to_string(),
            "mailbox.host.test".to_string()
        ))
    );
    for bad in [
        "no-at-sign",
        "@host.test",
        "alice@",
        "alice@203.0.113.1",
        "alice@bad host.test",
        "al ice@host.test",
        "alice@host.test/../x",
    ] {
        assert_eq!(redirect_address(bad), None, "{bad}");
    }
}

/// Thunderbird's format with two outgoing servers and placeholders, as ISPDB entries and
/// hosting panels write it.
const AUTOCONFIG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <displayName>Example Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.example.test</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.%EMAILDOMAIN%</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.test</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#;

#[test]
fn autoconfig_several_outgoing_servers_with_placeholders() {
    let Published::Settings { smtp } = autoconfig(AUTOCONFIG).unwrap() else {
        panic!()
    };
    assert_eq!(smtp.len(), 2);
    assert_eq!(smtp[0].server_for("bob@example.test"), "smtp.example.test");
    assert_eq!(smtp[0].port, Some(587));
    assert_eq!(smtp[0].socket, Some(SocketType::Starttls));
    assert_eq!(smtp[0].user_for("bob@example.test").as_deref(), Some("bob"));
    assert_eq!(
        smtp[1].user_for("bob@example.test").as_deref(),
        Some("bob@example.test")
    );
    assert_eq!(smtp[1].socket, Some(SocketType::Ssl));
}

#[test]
fn autoconfig_rejects_other_documents_and_dtds() {
    assert!(matches!(
        autoconfig("<Autodiscover/>"),
        Err(ParseError::NotAutoconfig(_))
    ));
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>"#;
    assert!(matches!(autoconfig(bomb), Err(ParseError::NotXml(_))));
    let big = format!(
        "<clientConfig>{}</clientConfig>",
        " ".repeat(MAX_FILE_BYTES)
    );
    assert_eq!(autoconfig(&big), Err(ParseError::TooLarge));
}

#[test]
fn values_from_the_network_are_made_terminal_safe() {
    let text = "<clientConfig><emailProvider><outgoingServer type=\"smtp\"><hostname>evil&#x9b;2J&#x202e;.test</hostname><port>587</port><socketType>STARTTLS</socketType></outgoingServer></emailProvider></clientConfig>";
    let Published::Settings { smtp } = autoconfig(text).unwrap() else {
        panic!()
    };
    assert_eq!(smtp[0].server, "evil\\x9b2J\\u{202e}.test");
}

proptest! {
    #[test]
    fn no_input_panics_the_parsers(s in ".{0,400}") {
        let _ = autodiscover(&s);
        let _ = autoconfig(&s);
    }

    #[test]
    fn no_mangled_file_panics_the_parsers(cut in 0usize..1400, junk in "[<>/a-zA-Z%&;\"= ]{0,20}") {
        for base in [AUTODISCOVER_CPANEL, AUTOCONFIG] {
            let at = base.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(base.len());
            let text = format!("{}{}{}", &base[..at], junk, &base[at..]);
            let _ = autodiscover(&text);
            let _ = autoconfig(&text);
        }
    }
}
