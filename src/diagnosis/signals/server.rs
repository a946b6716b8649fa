//! The outgoing-server setting: is it a host name, and does the name exist? Beside them, the
//! placeholders for what the person typed (`{email}`, `{server}`, ...) and for the settings
//! that work (`{recommended.server}`, ...).

use super::{def, outcomes, Placeholder, Signal, SignalDef};
use crate::checks::dns::Lookup;
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;

outcomes! {
    pub enum ServerNameOutcome {
        Valid = "valid",
        Invalid = "invalid",
        Missing = "missing",
    }
}

/// Is the outgoing-server field a host name?
pub struct ServerName;

impl Signal for ServerName {
    const NAME: &'static str = "server_name";
    const MEANING: &'static str = "Is the outgoing-server field a host name? `missing`: none was given and none could be proposed.";
    type Outcome = ServerNameOutcome;

    fn evaluate(cx: &Ctx) -> Option<ServerNameOutcome> {
        if cx.facts.server_name_invalid.is_some() {
            return Some(ServerNameOutcome::Invalid);
        }
        match cx.facts.target.as_ref()? {
            Some(_) => Some(ServerNameOutcome::Valid),
            None => Some(ServerNameOutcome::Missing),
        }
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::ServerName]
    }
}

outcomes! {
    pub enum ServerFieldOutcome {
        NoHost = "no_host",
        HostInside = "host_inside",
    }
}

/// A server field that is not a host name: is there one inside it?
pub struct ServerField;

impl Signal for ServerField {
    const NAME: &'static str = "server_field";
    const MEANING: &'static str = "The outgoing-server field is not a host name: is there one inside it (a URL's host, an address's domain, a name with a port glued on or spaces)? `host_inside`: that host is tested in its place.";
    type Outcome = ServerFieldOutcome;

    fn evaluate(cx: &Ctx) -> Option<ServerFieldOutcome> {
        cx.facts.server_name_invalid.as_ref()?;
        // The extracted host is sent before the verdict on the field.
        Some(if cx.facts.server_name_extracted.is_some() {
            ServerFieldOutcome::HostInside
        } else {
            ServerFieldOutcome::NoHost
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::ServerName]
    }
}

outcomes! {
    pub enum ServerDnsOutcome {
        Found = "found",
        Nxdomain = "nxdomain",
        NoAddress = "no_address",
        Servfail = "servfail",
        Timeout = "timeout",
    }
}

/// The server's A/AAAA lookup.
pub struct ServerDns;

impl Signal for ServerDns {
    const NAME: &'static str = "server_dns";
    const MEANING: &'static str = "The server's A/AAAA lookup.";
    type Outcome = ServerDnsOutcome;

    fn evaluate(cx: &Ctx) -> Option<ServerDnsOutcome> {
        Some(match cx.facts.server_dns.as_ref()? {
            Lookup::Found(_) => ServerDnsOutcome::Found,
            Lookup::Nxdomain => ServerDnsOutcome::Nxdomain,
            Lookup::NoRecords => ServerDnsOutcome::NoAddress,
            Lookup::ServerFailure(_) | Lookup::Error(_) => ServerDnsOutcome::Servfail,
            Lookup::Timeout => ServerDnsOutcome::Timeout,
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::ServerAddress]
    }
}

/// The server name to suggest when the field holds none: the one the domain's own records
/// name (its RFC 6186 SRV record, its provider's profile, its MX host), never a made-up
/// example when they name one; with the reason it is suggested.
pub fn suggested_server(cx: &Ctx) -> String {
    let facts = cx.facts;
    if let Some(h) = &facts.server_name_extracted {
        return h.host.clone();
    }
    if let Some((server, _)) = crate::diagnosis::signals::domain::published_server(facts) {
        return format!("{server} (the server your domain names for sending)");
    }
    let domain = cx.input.email_domain();
    if let (Some(p), Some(d)) = (cx.provider_now(), domain.as_deref()) {
        if let Some(e) = p.submission_for(d).into_iter().next() {
            return format!("{} ({}'s outgoing server)", e.server, p.name);
        }
    }
    let mx = facts.mx.as_ref().and_then(|l| l.found()).and_then(|v| {
        let mut v = v.clone();
        v.sort_by_key(|m| m.preference);
        // Only a host name is suggested (an MX target with control bytes or markup is not).
        v.into_iter()
            .find_map(|m| crate::host_name::network_host_name(&m.host))
    });
    if let Some(host) = mx {
        return format!(
            "{host} (the server that receives your domain's mail; most hosts take outgoing mail there too)"
        );
    }
    match domain {
        Some(d) => format!(
            "for example smtp.{d}; your email provider's help pages or welcome e-mail give the exact name"
        ),
        None => "the name from your email provider's help pages or welcome e-mail".to_string(),
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[
    def::<ServerName>(),
    def::<ServerDns>(),
    def::<ServerField>(),
];

/// What the person typed, and the settings that work.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "email",
        value: |f| Some(f.cx.input.email.clone()),
    },
    Placeholder {
        name: "domain",
        value: |f| f.cx.input.email_domain(),
    },
    Placeholder {
        name: "user",
        value: |f| {
            let input = f.cx.input;
            Some(
                input
                    .effective_user()
                    .unwrap_or_else(|| input.email.clone()),
            )
        },
    },
    Placeholder {
        name: "server",
        // The host taken out of a field that held more than a name is the server tested.
        value: |f| {
            let facts = f.cx.facts;
            (facts.server_name_extracted.as_ref().map(|h| h.host.clone()))
                .or_else(|| f.cx.input.server.clone())
                .or_else(|| facts.target_host().map(str::to_string))
        },
    },
    Placeholder {
        name: "server.typed",
        value: |f| f.cx.input.server.clone(),
    },
    Placeholder {
        name: "server.problem",
        value: |f| f.cx.facts.server_name_invalid.clone(),
    },
    Placeholder {
        name: "server.to_type",
        value: |f| {
            (f.recommended.map(|r| r.server.clone()))
                .or_else(|| (f.cx.facts.server_name_extracted.as_ref()).map(|h| h.host.clone()))
        },
    },
    Placeholder {
        name: "server.suggested",
        value: |f| Some(suggested_server(f.cx)),
    },
    Placeholder {
        name: "port",
        value: |f| f.cx.input.port.map(|p| p.to_string()),
    },
    Placeholder {
        name: "security",
        value: |f| f.cx.input.security.map(|s| s.outlook_label().to_string()),
    },
    Placeholder {
        name: "recommended.server",
        value: |f| f.recommended.map(|r| r.server.clone()),
    },
    Placeholder {
        name: "recommended.port",
        value: |f| f.recommended.map(|r| r.port.to_string()),
    },
    Placeholder {
        name: "recommended.security",
        value: |f| {
            f.recommended
                .map(|r| r.security.outlook_label().to_string())
        },
    },
    Placeholder {
        name: "recommended.user",
        value: |f| {
            let r = f.recommended?;
            Some(r.user.clone().unwrap_or_else(|| f.cx.input.email.clone()))
        },
    },
];
