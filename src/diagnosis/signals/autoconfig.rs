//! The new-account path: what Outlook (Autodiscover) and Thunderbird (autoconfig) would fill
//! in for the address's domain, against the settings this run verified. Answered only when
//! the new-account checks ran (`check --new-account`, the wizard's new-account choice);
//! otherwise `not_checked` at once, so they never hold up a verdict.

use super::{def, outcomes, Fill, Placeholder, Signal, SignalDef};
use crate::checks::autoconfig::compare::{self, Verified, Wrong};
use crate::checks::autoconfig::{Client, PlaceResult, PublishedSmtp, SocketType};
use crate::checks::cert::CertProblem;
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;
use crate::diagnosis::recommend;
use crate::endpoint::Security;

/// What one client would set up, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientFinding<'a> {
    pub client: Client,
    /// The place whose settings it takes, and the outgoing server it takes from there.
    pub chosen: Option<(&'a PlaceResult, &'a PublishedSmtp)>,
    /// What does not work in them (empty: they work, or nothing was published).
    pub wrong: Vec<Wrong>,
    /// A place whose certificate was refused before any settings came.
    pub cert_warning: Option<&'a PlaceResult>,
}

/// The settings this run proved, to judge published ones by; `None` while the ports run
/// or when nothing was proven.
pub fn verified(cx: &Ctx) -> Option<Verified> {
    let facts = cx.facts;
    if facts.all_ports_finished() != Some(true) {
        return None;
    }
    let recommended = recommend::proven(cx)?;
    let working = facts
        .ports
        .values()
        .filter(|p| p.finished && p.tls_usable())
        .filter_map(|p| {
            let s = p.security()?;
            (s == Security::None || p.tls_verified()).then_some((p.port, s))
        })
        .collect();
    Some(Verified {
        recommended,
        working,
    })
}

/// Each client's finding, once the new-account checks and the ports are in; `None` before
/// (or when the checks do not run).
pub fn findings<'a>(cx: &'a Ctx) -> Option<Vec<ClientFinding<'a>>> {
    let found = cx.facts.autoconfig.as_ref()?;
    let verified = verified(cx);
    Some(
        [Client::Outlook, Client::Thunderbird]
            .into_iter()
            .map(|client| {
                let chosen = found
                    .chosen(client)
                    .and_then(|p| Some((p, p.smtp.as_ref()?.first()?)));
                let wrong = match (&chosen, &verified) {
                    (Some((_, smtp)), Some(v)) => compare::compare(smtp, &cx.input.email, v),
                    _ => Vec::new(),
                };
                ClientFinding {
                    client,
                    chosen,
                    wrong,
                    cert_warning: found.cert_warning(client),
                }
            })
            .collect(),
    )
}

outcomes! {
    pub enum AutoconfigOutcome {
        NotChecked = "not_checked",
        Matches = "matches",
        Wrong = "wrong",
        Missing = "missing",
        Unknown = "unknown",
    }
}

/// Do the published new-account settings work?
pub struct AutoconfigPublished;

impl Signal for AutoconfigPublished {
    const NAME: &'static str = "autoconfig_published";
    const MEANING: &'static str = "On the new-account path: do the outgoing-server settings the domain publishes for Outlook (Autodiscover) and Thunderbird (autoconfig) match the ones this run verified? `wrong`: a client would take a server, port, encryption or user-name form that does not work; `missing`: neither client finds any (they guess); `unknown`: nothing was verified to compare with; `not_checked`: the new-account checks did not run.";
    type Outcome = AutoconfigOutcome;

    fn evaluate(cx: &Ctx) -> Option<AutoconfigOutcome> {
        use AutoconfigOutcome as O;
        let facts = cx.facts;
        if !facts.autoconfig_planned {
            return Some(O::NotChecked);
        }
        let found = facts.autoconfig.as_ref()?;
        if !found.anything_published() {
            return Some(O::Missing);
        }
        if matches!(facts.target, Some(None)) {
            return Some(O::Unknown);
        }
        if facts.all_ports_finished() != Some(true) {
            return None;
        }
        let list = findings(cx)?;
        if verified(cx).is_none() {
            return Some(O::Unknown);
        }
        Some(if list.iter().any(|f| !f.wrong.is_empty()) {
            O::Wrong
        } else {
            O::Matches
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::AutoconfigOutlook, CheckId::AutoconfigThunderbird]
    }
}

outcomes! {
    pub enum AutodiscoverCertOutcome {
        NotChecked = "not_checked",
        Ok = "ok",
        NameMismatch = "name_mismatch",
        OtherProblem = "other_problem",
    }
}

/// Would Outlook warn about the Autodiscover host's certificate?
pub struct AutodiscoverCert;

impl Signal for AutodiscoverCert {
    const NAME: &'static str = "autodiscover_cert";
    const MEANING: &'static str = "On the new-account path: does a place Outlook asks for Autodiscover present a certificate that is not accepted, before any place gave settings? `name_mismatch`: it is for other names (Outlook's \"The name on the security certificate is invalid\" warning); `other_problem`: expired, self-signed or from an unknown authority; `not_checked`: the new-account checks did not run.";
    type Outcome = AutodiscoverCertOutcome;

    fn evaluate(cx: &Ctx) -> Option<AutodiscoverCertOutcome> {
        use AutodiscoverCertOutcome as O;
        if !cx.facts.autoconfig_planned {
            return Some(O::NotChecked);
        }
        let found = cx.facts.autoconfig.as_ref()?;
        Some(
            match found
                .cert_warning(Client::Outlook)
                .and_then(|p| p.cert_problem)
            {
                None => O::Ok,
                Some(CertProblem::NameMismatch) => O::NameMismatch,
                Some(_) => O::OtherProblem,
            },
        )
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::AutoconfigOutlook]
    }
}

pub const SIGNALS: &[SignalDef] = &[def::<AutoconfigPublished>(), def::<AutodiscoverCert>()];

/// The first client whose settings are wrong, with what is wrong.
fn first_wrong<'a>(cx: &'a Ctx) -> Option<ClientFinding<'a>> {
    findings(cx)?.into_iter().find(|f| !f.wrong.is_empty())
}

/// The clients whose settings are wrong: "Outlook", "Thunderbird" or both.
fn wrong_clients(cx: &Ctx) -> Option<String> {
    let names: Vec<&str> = findings(cx)?
        .iter()
        .filter(|f| !f.wrong.is_empty())
        .map(|f| f.client.name())
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

/// What the published server entry says, in one line.
fn describe(smtp: &PublishedSmtp) -> String {
    format!(
        "server {}, port {}, encryption {}, user name {}",
        smtp.server,
        smtp.port
            .map_or_else(|| "(none)".to_string(), |p| p.to_string()),
        smtp.socket.map_or("(none)", SocketType::label),
        smtp.user.as_deref().unwrap_or("(none)")
    )
}

/// The files' word for the encryption that works on the recommended port.
fn socket_word(security: Security) -> &'static str {
    match security {
        Security::Tls => "SSL",
        Security::Starttls => "STARTTLS",
        Security::None => "plain",
    }
}

/// The user-name form that gives the verified user name.
fn user_form(cx: &Ctx, user: &str) -> String {
    let email = &cx.input.email;
    if user.eq_ignore_ascii_case(email) {
        "%EMAILADDRESS%".into()
    } else if email
        .rsplit_once('@')
        .is_some_and(|(local, _)| local.eq_ignore_ascii_case(user))
    {
        "%EMAILLOCALPART%".into()
    } else {
        user.to_string()
    }
}

fn cert_place<'a>(cx: &'a Ctx) -> Option<&'a PlaceResult> {
    cx.facts.autoconfig.as_ref()?.cert_warning(Client::Outlook)
}

pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "autoconfig.clients",
        value: |f: &Fill| wrong_clients(f.cx),
    },
    Placeholder {
        name: "autoconfig.url",
        value: |f: &Fill| {
            let w = first_wrong(f.cx)?;
            w.chosen?.0.source_url().map(str::to_string)
        },
    },
    Placeholder {
        name: "autoconfig.published",
        value: |f: &Fill| Some(describe(first_wrong(f.cx)?.chosen?.1)),
    },
    Placeholder {
        name: "autoconfig.wrong",
        value: |f: &Fill| {
            let w = first_wrong(f.cx)?;
            Some(
                w.wrong
                    .iter()
                    .map(Wrong::describe)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        },
    },
    Placeholder {
        name: "autoconfig.socket",
        value: |f: &Fill| Some(socket_word(f.recommended?.security).to_string()),
    },
    Placeholder {
        name: "autoconfig.user_form",
        value: |f: &Fill| Some(user_form(f.cx, f.recommended?.user.as_deref()?)),
    },
    Placeholder {
        name: "autodiscover.host",
        value: |f: &Fill| cert_place(f.cx)?.cert_host.clone(),
    },
    Placeholder {
        name: "autodiscover.url",
        value: |f: &Fill| cert_place(f.cx)?.source_url().map(str::to_string),
    },
    Placeholder {
        name: "autodiscover.cert_names",
        value: |f: &Fill| {
            let names = &cert_place(f.cx)?.cert_names;
            (!names.is_empty()).then(|| names.join(", "))
        },
    },
];
