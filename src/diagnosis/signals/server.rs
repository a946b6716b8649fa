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

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<ServerName>(), def::<ServerDns>()];

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
        value: |f| {
            (f.cx.input.server.clone()).or_else(|| f.cx.facts.target_host().map(str::to_string))
        },
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
