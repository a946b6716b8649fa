//! Reads the outgoing-server settings out of the two files mail programs fetch when a new
//! account is set up: Outlook's Autodiscover response (POX, "plain old XML") and
//! Thunderbird's autoconfig file (clientConfig v1.1). Pure; never panics on what a web server
//! sends (a property test feeds it arbitrary text).
//!
//! Sources: the POX response schema, Microsoft Learn "POX Autodiscover web service reference
//! for Exchange" (Protocol: Type, Server, Port, SSL, Encryption, SPA, LoginName; Account:
//! RedirectUrl, RedirectAddr); Thunderbird's format, wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
//! (outgoingServer type="smtp": hostname, port, socketType SSL/STARTTLS/plain, username
//! with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%, authentication).

use roxmltree::{Document, Node};
use serde::{Deserialize, Serialize};

/// The Autodiscover response schema Outlook asks for (its request names it).
pub const OUTLOOK_RESPONSE_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

/// A file larger than this is not a settings file; it is not read at all.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// How a published outgoing server wants the connection encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SocketType {
    /// TLS from the first byte ("SSL" in both formats; port 465's way).
    Ssl,
    /// A plain start upgraded with STARTTLS (port 587's way).
    Starttls,
    /// No encryption at all.
    Plain,
}

impl SocketType {
    /// As the file writes it.
    pub fn label(self) -> &'static str {
        match self {
            SocketType::Ssl => "SSL",
            SocketType::Starttls => "STARTTLS",
            SocketType::Plain => "plain",
        }
    }

    pub fn security(self) -> crate::endpoint::Security {
        use crate::endpoint::Security;
        match self {
            SocketType::Ssl => Security::Tls,
            SocketType::Starttls => Security::Starttls,
            SocketType::Plain => Security::None,
        }
    }
}

/// One outgoing (SMTP) server as a file publishes it. Strings are terminal-safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSmtp {
    pub server: String,
    /// `None`: the file gives none (the client then uses its default for the socket type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// `None`: the file says nothing the client could read as an encryption setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socket: Option<SocketType>,
    /// The user-name form, placeholders kept (`%EMAILADDRESS%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Autodiscover's SPA (Secure Password Authentication, NTLM) switched on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub spa: bool,
}

impl PublishedSmtp {
    /// The user name with its placeholders filled in for `email`.
    pub fn user_for(&self, email: &str) -> Option<String> {
        let form = self.user.as_deref()?;
        let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
        Some(
            form.replace("%EMAILADDRESS%", email)
                .replace("%EMAILLOCALPART%", local)
                .replace("%EMAILDOMAIN%", domain),
        )
    }

    /// The server name with `%EMAILDOMAIN%` filled in (some panels publish `mail.%EMAILDOMAIN%`).
    pub fn server_for(&self, email: &str) -> String {
        let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
        self.server.replace("%EMAILDOMAIN%", domain)
    }
}

/// What a settings file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Published {
    /// Outgoing servers, in the file's order (the client takes the first).
    Settings { smtp: Vec<PublishedSmtp> },
    /// Autodiscover: ask again at this URL (`Action` redirectUrl).
    RedirectUrl { url: String },
    /// Autodiscover: ask again for this address (`Action` redirectAddr).
    RedirectAddr { address: String },
}

/// Why a file could not be read as settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is larger than {MAX_FILE_BYTES} bytes")]
    TooLarge,
    #[error("not XML: {0}")]
    NotXml(String),
    #[error("not an Autodiscover response for Outlook (root <{0}>)")]
    NotAutodiscover(String),
    #[error("not a Thunderbird autoconfig file (root <{0}>)")]
    NotAutoconfig(String),
    #[error("the Autodiscover service answered with an error: {0}")]
    ServiceError(String),
}

/// Reads an Autodiscover (POX) response.
pub fn autodiscover(text: &str) -> Result<Published, ParseError> {
    let doc = document(text)?;
    let root = doc.root_element();
    if root.tag_name().name() != "Autodiscover" {
        return Err(ParseError::NotAutodiscover(safe(root.tag_name().name())));
    }
    // The Outlook response schema; a file without that namespace (many panels write a bare
    // <Response>) is still read by name, as Outlook does not reject it either [U].
    let response = child(root, "Response")
        .ok_or_else(|| ParseError::NotAutodiscover(safe(root.tag_name().name())))?;
    if let Some(error) = child(response, "Error") {
        let message = child(error, "Message").or_else(|| child(error, "ErrorCode"));
        return Err(ParseError::ServiceError(safe(
            message.and_then(|m| m.text()).unwrap_or("(no message)"),
        )));
    }
    let account = child(response, "Account")
        .ok_or_else(|| ParseError::NotAutodiscover("Response without Account".into()))?;
    let action = child_text(account, "Action").unwrap_or_default();
    if action.eq_ignore_ascii_case("redirectUrl") {
        if let Some(url) = child_text(account, "RedirectUrl") {
            return Ok(Published::RedirectUrl { url });
        }
    }
    if action.eq_ignore_ascii_case("redirectAddr") {
        if let Some(address) = child_text(account, "RedirectAddr") {
            return Ok(Published::RedirectAddr { address });
        }
    }
    let smtp = children(account, "Protocol")
        .filter(|p| child_text(*p, "Type").is_some_and(|t| t.eq_ignore_ascii_case("SMTP")))
        .filter_map(autodiscover_smtp)
        .collect();
    Ok(Published::Settings { smtp })
}

/// The address and domain Outlook starts over with after `redirectAddr`: an email address
/// whose domain is a DNS host name; `None` for anything else (Outlook cannot ask for it).
pub fn redirect_address(address: &str) -> Option<(String, String)> {
    let address = address.trim();
    let (local, domain) = address.rsplit_once('@')?;
    if local.is_empty() || local.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let domain = crate::host_name::network_host_name(domain)?;
    Some((format!("{local}@{domain}"), domain))
}

/// One `<Protocol><Type>SMTP</Type>` block.
fn autodiscover_smtp(p: Node) -> Option<PublishedSmtp> {
    let server = child_text(p, "Server")?;
    let port = child_text(p, "Port").and_then(|t| t.parse().ok());
    // `Encryption` (Exchange 2010 and later) outranks the older `SSL` on/off: TLS means
    // STARTTLS, SSL means TLS from the start, None none, Auto the client's choice.
    let encryption = child_text(p, "Encryption").map(|e| e.to_ascii_lowercase());
    let socket = match encryption.as_deref() {
        Some("ssl") => Some(SocketType::Ssl),
        Some("tls") => Some(SocketType::Starttls),
        Some("none") => Some(SocketType::Plain),
        Some(_) => None,
        None => match child_text(p, "SSL")
            .map(|s| s.to_ascii_lowercase())
            .as_deref()
        {
            // SSL on: Outlook picks "SSL/TLS" (TLS from the first byte) [U for every version].
            Some("on") => Some(SocketType::Ssl),
            Some("off") => Some(SocketType::Plain),
            _ => None,
        },
    };
    let spa = child_text(p, "SPA").is_some_and(|s| s.eq_ignore_ascii_case("on"));
    Some(PublishedSmtp {
        server,
        port,
        socket,
        user: child_text(p, "LoginName"),
        spa,
    })
}

/// Reads a Thunderbird autoconfig file (`clientConfig`, version 1.1).
pub fn autoconfig(text: &str) -> Result<Published, ParseError> {
    let doc = document(text)?;
    let root = doc.root_element();
    if root.tag_name().name() != "clientConfig" {
        return Err(ParseError::NotAutoconfig(safe(root.tag_name().name())));
    }
    let provider = child(root, "emailProvider")
        .ok_or_else(|| ParseError::NotAutoconfig("clientConfig without emailProvider".into()))?;
    let smtp = children(provider, "outgoingServer")
        .filter(|s| {
            s.attribute("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("smtp"))
        })
        .filter_map(|s| {
            let server = child_text(s, "hostname")?;
            let socket = match child_text(s, "socketType")?.to_ascii_uppercase().as_str() {
                "SSL" => Some(SocketType::Ssl),
                "STARTTLS" => Some(SocketType::Starttls),
                "PLAIN" => Some(SocketType::Plain),
                _ => None,
            };
            Some(PublishedSmtp {
                server,
                port: child_text(s, "port").and_then(|t| t.parse().ok()),
                socket,
                user: child_text(s, "username"),
                spa: false,
            })
        })
        .collect();
    Ok(Published::Settings { smtp })
}

fn document(text: &str) -> Result<Document<'_>, ParseError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ParseError::TooLarge);
    }
    // No DTDs: a settings file needs none, and entity expansion is a way to blow up memory.
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    Document::parse_with_options(text, options)
        .map_err(|e| ParseError::NotXml(safe(&e.to_string())))
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name().eq_ignore_ascii_case(name))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// An element's trimmed text, terminal-safe; `None` when absent or empty.
fn child_text(node: Node, name: &'static str) -> Option<String> {
    let text = child(node, name)?.text()?.trim();
    (!text.is_empty()).then(|| safe(text))
}

/// Terminal-safe and bounded: a value from a web server reaches reports and the screen.
fn safe(text: &str) -> String {
    let clipped: String = text.chars().take(256).collect();
    crate::protocol::reply::sanitize(clipped.as_bytes())
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
