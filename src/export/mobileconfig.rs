//! An Apple configuration profile (.mobileconfig) with one com.apple.mail.managed payload.
//! Apple requires the incoming server's keys in that payload, so without a known incoming
//! server there is no profile (see [`ExportError::IncomingUnknown`]). No password is ever
//! written: the device asks for it when the profile is installed.

use plist::{Dictionary, Value};
use uuid::Uuid;

use super::{Account, ExportError, IncomingKind};
use crate::settings::Security;

/// Our namespace for the payload UUIDs: the same account and settings always give the same
/// UUIDs, so the output is reproducible.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_DNS, b"smtp-doctor.mobileconfig")
}

fn payload_uuid(a: &Account, part: &str) -> String {
    let o = &a.outgoing;
    let key = format!(
        "{part}\n{}\n{}\n{}\n{}\n{}",
        a.email,
        o.server,
        o.port,
        o.security.as_str(),
        a.login()
    );
    Uuid::new_v5(&namespace(), key.as_bytes())
        .hyphenated()
        .to_string()
        .to_ascii_uppercase()
}

fn uses_ssl(s: Security) -> bool {
    matches!(s, Security::Tls | Security::Starttls)
}

fn string(s: &str) -> Value {
    Value::String(s.to_string())
}

/// The profile as plist XML.
pub fn render(a: &Account) -> Result<String, ExportError> {
    a.check_writable()?;
    let incoming = a.incoming.as_ref().ok_or(ExportError::IncomingUnknown)?;
    let o = &a.outgoing;
    let login = a.login();
    let base_id = format!("smtp-doctor.mail.{}", a.domain);

    let mut mail = Dictionary::new();
    mail.insert(
        "EmailAccountDescription".into(),
        string(&format!("{} ({})", a.display_name(), a.email)),
    );
    mail.insert(
        "EmailAccountType".into(),
        string(match incoming.kind {
            IncomingKind::Imap => "EmailTypeIMAP",
            IncomingKind::Pop3 => "EmailTypePOP",
        }),
    );
    mail.insert("EmailAddress".into(), string(&a.email));
    mail.insert(
        "IncomingMailServerAuthentication".into(),
        string("EmailAuthPassword"),
    );
    mail.insert(
        "IncomingMailServerHostName".into(),
        string(&incoming.server),
    );
    mail.insert(
        "IncomingMailServerPortNumber".into(),
        Value::Integer(incoming.port.into()),
    );
    mail.insert(
        "IncomingMailServerUseSSL".into(),
        Value::Boolean(uses_ssl(incoming.security)),
    );
    mail.insert("IncomingMailServerUsername".into(), string(login));
    mail.insert(
        "OutgoingMailServerAuthentication".into(),
        string("EmailAuthPassword"),
    );
    mail.insert("OutgoingMailServerHostName".into(), string(&o.server));
    mail.insert(
        "OutgoingMailServerPortNumber".into(),
        Value::Integer(o.port.into()),
    );
    mail.insert(
        "OutgoingMailServerUseSSL".into(),
        Value::Boolean(uses_ssl(o.security)),
    );
    mail.insert("OutgoingMailServerUsername".into(), string(login));
    mail.insert(
        "OutgoingPasswordSameAsIncomingPassword".into(),
        Value::Boolean(false),
    );
    mail.insert("PayloadDisplayName".into(), string("Mail account"));
    mail.insert(
        "PayloadIdentifier".into(),
        string(&format!("{base_id}.account")),
    );
    mail.insert("PayloadType".into(), string("com.apple.mail.managed"));
    mail.insert("PayloadUUID".into(), string(&payload_uuid(a, "account")));
    mail.insert("PayloadVersion".into(), Value::Integer(1.into()));

    let mut top = Dictionary::new();
    top.insert(
        "PayloadContent".into(),
        Value::Array(vec![Value::Dictionary(mail)]),
    );
    top.insert(
        "PayloadDescription".into(),
        string("Mail settings tested by smtp-doctor. Your password is not included: you type it when you install this profile."),
    );
    top.insert(
        "PayloadDisplayName".into(),
        string(&format!("E-mail: {}", a.email)),
    );
    top.insert("PayloadIdentifier".into(), string(&base_id));
    top.insert("PayloadType".into(), string("Configuration"));
    top.insert("PayloadUUID".into(), string(&payload_uuid(a, "profile")));
    top.insert("PayloadVersion".into(), Value::Integer(1.into()));

    let mut out = Vec::new();
    // Writing into memory fails only on a value plist cannot represent; none of ours is.
    Value::Dictionary(top)
        .to_writer_xml(&mut out)
        .map_err(|_| ExportError::Unwritable { field: "profile" })?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|_| ExportError::Unwritable { field: "profile" })
}
