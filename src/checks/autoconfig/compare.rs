//! Does a published outgoing server match what this run verified? Pure.

use serde::Serialize;

use super::parse::{PublishedSmtp, SocketType};
use crate::endpoint::{Endpoint, Security};

/// What this run proved about the server: the settings to type, and every port with the
/// encryption it was seen to work with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub recommended: Endpoint,
    /// (port, security) pairs a connection worked with (greeting, and TLS verified where used).
    pub working: Vec<(u16, Security)>,
}

/// One value a file publishes that does not work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Wrong {
    /// No outgoing server in the file at all.
    NoServer,
    Server {
        published: String,
        verified: String,
    },
    /// A port this run did not see working with any encryption.
    Port {
        published: Option<u16>,
        verified: u16,
    },
    /// The port works, but not with the published encryption ("SSL" on 587).
    Security {
        port: u16,
        published: Option<SocketType>,
        verified: Security,
    },
    /// The user-name form gives another name than the one that signed in.
    User {
        published: String,
        verified: String,
    },
}

impl Wrong {
    /// In plain words, for a conclusion's text: "port 587 with SSL".
    pub fn describe(&self) -> String {
        match self {
            Wrong::NoServer => "no outgoing server at all".into(),
            Wrong::Server { published, .. } => format!("the server {published}"),
            Wrong::Port {
                published: Some(p), ..
            } => format!("port {p}"),
            Wrong::Port {
                published: None, ..
            } => "no port".into(),
            Wrong::Security {
                port, published, ..
            } => format!(
                "encryption {} on port {port}",
                published.map_or("(none given)", SocketType::label)
            ),
            Wrong::User { published, .. } => format!("the user name {published}"),
        }
    }
}

/// The values of `published` that do not work, checked for `email`. Empty: it works.
pub fn compare(published: &PublishedSmtp, email: &str, verified: &Verified) -> Vec<Wrong> {
    let mut wrong = Vec::new();
    let server = published.server_for(email);
    let expected = &verified.recommended.server;
    if !same_host(&server, expected) {
        wrong.push(Wrong::Server {
            published: server,
            verified: expected.clone(),
        });
        // Another server: its port and encryption cannot be judged from ours.
        return wrong;
    }
    let working_on = |port: u16| {
        verified
            .working
            .iter()
            .filter(move |(p, _)| *p == port)
            .map(|(_, s)| *s)
    };
    match published.port {
        Some(port) if working_on(port).next().is_some() => {
            let ok = published
                .socket
                .is_some_and(|s| working_on(port).any(|w| w == s.security()));
            if !ok {
                wrong.push(Wrong::Security {
                    port,
                    published: published.socket,
                    verified: working_on(port).next().unwrap_or(Security::Starttls),
                });
            }
        }
        port => wrong.push(Wrong::Port {
            published: port,
            verified: verified.recommended.port,
        }),
    }
    if let (Some(user), Some(expected)) = (published.user_for(email), &verified.recommended.user) {
        if !user.eq_ignore_ascii_case(expected) {
            wrong.push(Wrong::User {
                published: user,
                verified: expected.clone(),
            });
        }
    }
    wrong
}

fn same_host(a: &str, b: &str) -> bool {
    a.trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verified() -> Verified {
        Verified {
            recommended: Endpoint {
                server: "smtp.example.test".into(),
                port: 587,
                security: Security::Starttls,
                user: Some("alice@example.test".into()),
            },
            working: vec![(587, Security::Starttls), (465, Security::Tls)],
        }
    }

    fn published(server: &str, port: u16, socket: SocketType, user: &str) -> PublishedSmtp {
        PublishedSmtp {
            server: server.into(),
            port: Some(port),
            socket: Some(socket),
            user: Some(user.into()),
            spa: false,
        }
    }

    #[test]
    fn the_verified_settings_match() {
        let p = published(
            "SMTP.example.test.",
            587,
            SocketType::Starttls,
            "%EMAILADDRESS%",
        );
        assert_eq!(compare(&p, "alice@example.test", &verified()), vec![]);
        let p = published("smtp.%EMAILDOMAIN%", 465, SocketType::Ssl, "%EMAILADDRESS%");
        assert_eq!(compare(&p, "alice@example.test", &verified()), vec![]);
    }

    #[test]
    fn an_old_server_is_named() {
        let p = published(
            "mail.old-host.test",
            587,
            SocketType::Starttls,
            "%EMAILADDRESS%",
        );
        assert_eq!(
            compare(&p, "alice@example.test", &verified()),
            vec![Wrong::Server {
                published: "mail.old-host.test".into(),
                verified: "smtp.example.test".into()
            }]
        );
    }

    #[test]
    fn ssl_on_the_starttls_port_and_a_closed_port_and_a_short_user() {
        let p = published(
            "smtp.example.test",
            587,
            SocketType::Ssl,
            "%EMAILLOCALPART%",
        );
        let w = compare(&p, "alice@example.test", &verified());
        assert_eq!(
            w,
            vec![
                Wrong::Security {
                    port: 587,
                    published: Some(SocketType::Ssl),
                    verified: Security::Starttls
                },
                Wrong::User {
                    published: "alice".into(),
                    verified: "alice@example.test".into()
                }
            ]
        );
        assert_eq!(w[0].describe(), "encryption SSL on port 587");
        let p = published(
            "smtp.example.test",
            2525,
            SocketType::Starttls,
            "%EMAILADDRESS%",
        );
        assert_eq!(
            compare(&p, "alice@example.test", &verified()),
            vec![Wrong::Port {
                published: Some(2525),
                verified: 587
            }]
        );
    }
    #[test]
    fn settings_found_after_a_redirect_address_are_judged_for_the_typed_address() {
        use crate::checks::autoconfig::{AutoconfigCheck, Client, Place, PlaceResult};
        // autodiscover.example.test sent Outlook on to alice@mailbox.host.test; Outlook's
        // discovery for that address gave the file. Its LoginName is literal: what Outlook
        // types for the account the person is adding, alice@example.test.
        let found = "https://autodiscover.mailbox.host.test/autodiscover/autodiscover.xml";
        let mut redirected = PlaceResult::new(
            Place::AutodiscoverHost,
            Some("https://autodiscover.example.test/autodiscover/autodiscover.xml".into()),
        );
        redirected.redirect_addr = Some("alice@mailbox.host.test".into());
        redirected.final_url = Some(found.into());
        redirected.smtp = Some(vec![published(
            "smtp.example.test",
            587,
            SocketType::Starttls,
            "alice@example.test",
        )]);
        let check = AutoconfigCheck {
            domain: "example.test".into(),
            places: vec![
                PlaceResult::new(Place::AutodiscoverDomain, None),
                redirected,
            ],
        };
        let chosen = check.chosen(Client::Outlook).unwrap();
        assert_eq!(chosen.source_url(), Some(found));
        let smtp = &chosen.smtp.as_ref().unwrap()[0];
        assert_eq!(compare(smtp, "alice@example.test", &verified()), vec![]);
        // A LoginName for the mailbox's own address is not the name that signed in.
        let p = published(
            "smtp.example.test",
            587,
            SocketType::Starttls,
            "alice@mailbox.host.test",
        );
        assert_eq!(
            compare(&p, "alice@example.test", &verified()),
            vec![Wrong::User {
                published: "alice@mailbox.host.test".into(),
                verified: "alice@example.test".into()
            }]
        );
    }
}
