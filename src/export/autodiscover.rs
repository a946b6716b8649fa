//! The Autodiscover (POX, responseschema 2006a) response a host publishes for Outlook and
//! the clients that follow it, carrying the verified outgoing server.

use super::xml::XmlOut;
use super::{Account, ExportError, IncomingKind};
use crate::settings::Security;

const RESPONSE_NS: &str = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
const OUTLOOK_NS: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

/// `SSL` and `Encryption` for one security kind: STARTTLS is `TLS`, implicit TLS is `SSL`.
fn ssl_and_encryption(s: Security) -> (&'static str, &'static str) {
    match s {
        Security::Starttls => ("on", "TLS"),
        Security::Tls => ("on", "SSL"),
        Security::None => ("off", "None"),
    }
}

fn protocol(x: &mut XmlOut, kind: &str, server: &str, port: u16, security: Security, login: &str) {
    let (ssl, encryption) = ssl_and_encryption(security);
    x.open("Protocol", &[]);
    x.leaf("Type", kind);
    x.leaf("Server", server);
    x.leaf("Port", &port.to_string());
    x.leaf("LoginName", login);
    x.leaf("SPA", "off");
    x.leaf("SSL", ssl);
    x.leaf("Encryption", encryption);
    x.leaf("AuthRequired", "on");
    x.close();
}

/// The response for the account's address. Autodiscover has no placeholders: the login
/// name is the verified one, and a host answering for many addresses fills in each one's.
pub fn render(a: &Account) -> Result<String, ExportError> {
    a.check_writable()?;
    let mut x = XmlOut::new();
    x.open("Autodiscover", &[("xmlns", RESPONSE_NS)]);
    x.open("Response", &[("xmlns", OUTLOOK_NS)]);
    x.open("Account", &[]);
    x.leaf("AccountType", "email");
    x.leaf("Action", "settings");
    if let Some(i) = &a.incoming {
        let kind = match i.kind {
            IncomingKind::Imap => "IMAP",
            IncomingKind::Pop3 => "POP3",
        };
        protocol(&mut x, kind, &i.server, i.port, i.security, a.login());
    }
    let o = &a.outgoing;
    protocol(&mut x, "SMTP", &o.server, o.port, o.security, a.login());
    Ok(x.finish())
}
