//! The verified settings in the forms people and hosts can use: a Thunderbird autoconfig
//! file, an Apple configuration profile, and the host-side autoconfig and Autodiscover
//! files. Pure functions from an [`Account`] to text; writing files is the caller's job.

pub mod autoconfig;
pub mod autodiscover;
pub mod file;
pub mod mobileconfig;
mod xml;

use thiserror::Error;

use crate::checks::{CheckId, SmtpStage, Status};
use crate::diagnosis::Diagnosis;
use crate::settings::{Endpoint, Security};

/// The cause (from assets/causes.toml) under which the report shows the host's files.
pub const AUTOCONFIG_WRONG: &str = "config.autoconfig_wrong";

/// The incoming protocol of a mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncomingKind {
    Imap,
    Pop3,
}

/// The incoming (IMAP/POP) server, when it is known: smtp-doctor tests only the outgoing
/// side, and the provider profiles carry no incoming settings, so it comes from the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub kind: IncomingKind,
    pub server: String,
    pub port: u16,
    pub security: Security,
}

impl Incoming {
    /// Reads `KIND:HOST:PORT:SECURITY`, e.g. `imap:mail.example.org:993:tls`.
    pub fn parse(s: &str) -> Result<Incoming, String> {
        let parts: Vec<&str> = s.split(':').collect();
        let [kind, server, port, security] = parts.as_slice() else {
            return Err(format!(
                "`{s}` is not KIND:HOST:PORT:SECURITY (e.g. imap:mail.example.org:993:tls)"
            ));
        };
        let kind = match kind.to_ascii_lowercase().as_str() {
            "imap" => IncomingKind::Imap,
            "pop" | "pop3" => IncomingKind::Pop3,
            other => return Err(format!("`{other}` is not imap or pop3")),
        };
        let server = server.trim();
        if server.is_empty() {
            return Err(format!("`{s}` names no incoming server"));
        }
        let port: u16 = port
            .parse()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| format!("`{port}` is not a port number"))?;
        let security = Security::parse(security)
            .ok_or_else(|| format!("`{security}` is not one of starttls, tls, none"))?;
        Ok(Incoming {
            kind,
            server: server.to_string(),
            port,
            security,
        })
    }
}

/// Everything the writers need: the address and the settings proven to work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub email: String,
    pub domain: String,
    /// The provider's name when a profile recognised it.
    pub provider_name: Option<String>,
    pub outgoing: Endpoint,
    pub incoming: Option<Incoming>,
}

impl Account {
    /// The account from its parts; `None` when the address has no domain.
    pub fn new(
        email: &str,
        provider_name: Option<&str>,
        outgoing: Endpoint,
        incoming: Option<Incoming>,
    ) -> Option<Account> {
        let (local, domain) = email.rsplit_once('@')?;
        if local.is_empty() || domain.is_empty() {
            return None;
        }
        Some(Account {
            email: email.to_string(),
            domain: domain.to_ascii_lowercase(),
            provider_name: provider_name.map(str::to_string),
            outgoing,
            incoming,
        })
    }

    /// The login name to put in the files: the verified one, or the address (the name
    /// smtp-doctor signs in with when none is given).
    pub fn login(&self) -> &str {
        self.outgoing.user.as_deref().unwrap_or(&self.email)
    }

    /// What the account is called in the mail program.
    pub fn display_name(&self) -> &str {
        self.provider_name.as_deref().unwrap_or(&self.domain)
    }

    fn local_part(&self) -> &str {
        self.email.rsplit_once('@').map_or("", |(l, _)| l)
    }

    /// The login name as autoconfig writes it: a placeholder when it is the address or its
    /// local part, so one file serves every mailbox of the domain.
    pub fn login_form(&self) -> LoginForm {
        let login = self.login();
        if login.eq_ignore_ascii_case(&self.email) {
            LoginForm::EmailAddress
        } else if login == self.local_part() {
            LoginForm::LocalPart
        } else {
            LoginForm::Literal(login.to_string())
        }
    }

    /// Refuses values XML cannot carry (control characters): escaping cannot help them.
    fn check_writable(&self) -> Result<(), ExportError> {
        let mut fields = vec![
            ("e-mail address", self.email.as_str()),
            ("outgoing server", self.outgoing.server.as_str()),
            ("login name", self.login()),
            ("account name", self.display_name()),
        ];
        if let Some(i) = &self.incoming {
            fields.push(("incoming server", i.server.as_str()));
        }
        match fields.into_iter().find(|(_, v)| !xml_safe(v)) {
            Some((field, _)) => Err(ExportError::Unwritable { field }),
            None => Ok(()),
        }
    }
}

/// The username forms of autoconfig (Thunderbird's placeholders).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginForm {
    EmailAddress,
    LocalPart,
    Literal(String),
}

impl LoginForm {
    pub fn as_autoconfig(&self) -> &str {
        match self {
            LoginForm::EmailAddress => "%EMAILADDRESS%",
            LoginForm::LocalPart => "%EMAILLOCALPART%",
            LoginForm::Literal(s) => s,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("the {field} contains a control character, which these files cannot carry")]
    Unwritable { field: &'static str },
    #[error(
        "an Apple profile needs the incoming (IMAP or POP) server too, and smtp-doctor tests only the outgoing one; give it with --incoming KIND:HOST:PORT:SECURITY"
    )]
    IncomingUnknown,
}

/// Characters XML 1.0 can carry in text, less the C1 controls (no host name or login
/// contains them, and some parsers refuse them).
fn xml_safe(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// The settings this diagnosis proved: the recommended endpoint, when it is on the server
/// tested and a connection there got through (signed in when a password was given, else
/// past EHLO). Settings only read from a profile or DNS are not offered as files.
pub fn verified_settings(d: &Diagnosis) -> Option<&Endpoint> {
    let e = d.recommended.as_ref()?;
    let tested = d.target.as_ref()?.as_ref()?;
    if !tested.host.eq_ignore_ascii_case(&e.server) {
        return None;
    }
    let stage = if d.tested.password_given {
        SmtpStage::Auth
    } else {
        SmtpStage::Ehlo
    };
    d.checks
        .iter()
        .any(|c| c.id == CheckId::Stage(e.port, stage) && c.status == Status::Pass)
        .then_some(e)
}

/// The account for the files from a diagnosis whose settings were verified.
pub fn account_of(d: &Diagnosis, incoming: Option<Incoming>) -> Option<Account> {
    let outgoing = verified_settings(d)?.clone();
    let provider = d.provider.as_ref().map(|p| p.name.as_str());
    Account::new(&d.tested.email, provider, outgoing, incoming)
}

/// The host-side files that publish the verified settings correctly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostFiles {
    /// For `https://autoconfig.DOMAIN/mail/config-v1.1.xml`.
    pub autoconfig: String,
    /// The Autodiscover (POX) response for `/autodiscover/autodiscover.xml`.
    pub autodiscover: String,
}

/// Both host-side files for the account.
pub fn host_files(a: &Account) -> Result<HostFiles, ExportError> {
    Ok(HostFiles {
        autoconfig: autoconfig::render(a)?,
        autodiscover: autodiscover::render(a)?,
    })
}

/// Whether the diagnosis found the domain publishing wrong settings.
pub fn autoconfig_wrong(d: &Diagnosis) -> bool {
    d.causes.iter().any(|c| c.code == AUTOCONFIG_WRONG)
}

#[cfg(test)]
pub(crate) mod tests;
