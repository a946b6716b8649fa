//! Thunderbird's autoconfig file (clientConfig 1.1): what a person imports into
//! Thunderbird, and what a host publishes at autoconfig.DOMAIN/mail/config-v1.1.xml.
//! Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat

use super::xml::XmlOut;
use super::{Account, ExportError, IncomingKind};
use crate::settings::Security;

/// The `socketType` values of the format.
pub fn socket_type(s: Security) -> &'static str {
    match s {
        Security::Tls => "SSL",
        Security::Starttls => "STARTTLS",
        Security::None => "plain",
    }
}

/// The clientConfig document. Without a known incoming server it holds the outgoing
/// server only, and a comment inside says to add one (Thunderbird's reader needs an
/// `incomingServer` before it accepts the file).
pub fn render(a: &Account) -> Result<String, ExportError> {
    a.check_writable()?;
    let login = a.login_form();
    let mut x = XmlOut::new();
    x.open("clientConfig", &[("version", "1.1")]);
    x.open("emailProvider", &[("id", &a.domain)]);
    x.leaf("domain", &a.domain);
    x.leaf("displayName", a.display_name());
    match &a.incoming {
        Some(i) => {
            let kind = match i.kind {
                IncomingKind::Imap => "imap",
                IncomingKind::Pop3 => "pop3",
            };
            x.open("incomingServer", &[("type", kind)]);
            x.leaf("hostname", &i.server);
            x.leaf("port", &i.port.to_string());
            x.leaf("socketType", socket_type(i.security));
            x.leaf("username", login.as_autoconfig());
            x.leaf("authentication", "password-cleartext");
            x.close();
        }
        None => x.comment(
            "Only the outgoing server was tested. Add the incomingServer (IMAP or POP3) of this mailbox here: Thunderbird needs one to accept this file.",
        ),
    }
    x.comment("Outgoing server: tested by smtp-doctor and working.");
    x.open("outgoingServer", &[("type", "smtp")]);
    x.leaf("hostname", &a.outgoing.server);
    x.leaf("port", &a.outgoing.port.to_string());
    x.leaf("socketType", socket_type(a.outgoing.security));
    x.leaf("username", login.as_autoconfig());
    x.leaf("authentication", "password-cleartext");
    x.close();
    Ok(x.finish())
}
