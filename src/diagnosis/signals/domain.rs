//! What the e-mail domain publishes (its submission server, SPF and DMARC) and who hosts it
//! (the provider profile): the configured server against the expected one, and the
//! `{provider...}` placeholders.

use super::{def, outcomes, session, Fill, Placeholder, Signal, SignalDef};
use crate::checks::dns::{self, Lookup};
use crate::checks::domain_auth;
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;
use crate::facts::{Facts, TargetSource};
use crate::profiles::WhoActs;
use crate::replies::Heard;

outcomes! {
    pub enum ExpectedServerOutcome {
        Matches = "matches",
        Differs = "differs",
        DiffersFromProvider = "differs_from_provider",
        Unknown = "unknown",
    }
}

/// Does the configured server match the one the domain publishes or its provider uses?
pub struct ExpectedServer;

impl Signal for ExpectedServer {
    const NAME: &'static str = "expected_server";
    const MEANING: &'static str = "Does the configured server match the one the domain publishes (SRV _submission: `differs`) or, without one, the submission server of the provider that hosts the domain (by domain or MX: `differs_from_provider`)?";
    type Outcome = ExpectedServerOutcome;

    fn evaluate(cx: &Ctx) -> Option<ExpectedServerOutcome> {
        use ExpectedServerOutcome as O;
        let facts = cx.facts;
        let target = facts.target.as_ref()?.as_ref()?;
        if target.source == TargetSource::Proposed || cx.input.server.is_none() {
            return Some(O::Unknown);
        }
        // What the domain publishes itself (RFC 6186) outranks what we know of its provider.
        let srv = facts.srv.as_ref()?;
        if let Some(list) = srv.found().filter(|l| !l.is_empty()) {
            let listed = list
                .iter()
                .any(|s| s.target.eq_ignore_ascii_case(&target.host));
            return Some(if listed { O::Matches } else { O::Differs });
        }
        let domain = cx.input.email_domain()?;
        match cx.provider()? {
            Some(p) if !p.submission.is_empty() => {
                Some(if p.is_submission_host(&target.host, &domain) {
                    O::Matches
                } else {
                    O::DiffersFromProvider
                })
            }
            _ => Some(O::Unknown),
        }
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::DomainSrv]
    }
}

/// The submission host the domain publishes (RFC 6186), when it publishes one.
pub fn published_server(facts: &Facts) -> Option<(String, u16)> {
    facts
        .srv
        .as_ref()?
        .found()?
        .iter()
        // A target that is no host name (control bytes, markup) is never recommended.
        .find_map(|s| crate::host_name::network_host_name(&s.target).map(|t| (t, s.port)))
}

outcomes! {
    pub enum DomainRecordsOutcome {
        Complete = "complete",
        Missing = "missing",
        Unknown = "unknown",
    }
}

/// SPF and DMARC TXT records of the e-mail domain.
pub struct DomainRecords;

impl Signal for DomainRecords {
    const NAME: &'static str = "domain_records";
    const MEANING: &'static str = "SPF and DMARC TXT records of the e-mail domain.";
    type Outcome = DomainRecordsOutcome;

    fn evaluate(cx: &Ctx) -> Option<DomainRecordsOutcome> {
        let spf = cx.facts.domain_txt.as_ref()?;
        let dmarc = cx.facts.dmarc_txt.as_ref()?;
        let has = |l: &Lookup<Vec<String>>, pick: fn(&[String]) -> Option<String>| match l {
            Lookup::Found(v) => Some(pick(v).is_some()),
            Lookup::Nxdomain | Lookup::NoRecords => Some(false),
            _ => None,
        };
        match (has(spf, dns::spf_of), has(dmarc, dns::dmarc_of)) {
            (Some(true), Some(true)) => Some(DomainRecordsOutcome::Complete),
            (Some(false), _) | (_, Some(false)) => Some(DomainRecordsOutcome::Missing),
            _ => Some(DomainRecordsOutcome::Unknown),
        }
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::DomainTxt, CheckId::DomainDmarc]
    }
}

outcomes! {
    pub enum DomainSpfOutcome {
        Covers = "covers",
        NotCovering = "not_covering",
        TooManyLookups = "too_many_lookups",
        Invalid = "invalid",
        Missing = "missing",
        Unknown = "unknown",
    }
}

/// The domain's SPF record evaluated against the server's addresses.
pub struct DomainSpf;

impl Signal for DomainSpf {
    const NAME: &'static str = "domain_spf";
    const MEANING: &'static str = "Does the e-mail domain's SPF record authorise the server's addresses (one passing is enough), is it within the limit of 10 DNS lookups, and does every record in its include and redirect chain parse?";
    type Outcome = DomainSpfOutcome;

    fn evaluate(cx: &Ctx) -> Option<DomainSpfOutcome> {
        use domain_auth::SpfStanding as S;
        use DomainSpfOutcome as O;
        let Some(auth) = &cx.facts.domain_auth else {
            return cx.facts.done.then_some(O::Unknown);
        };
        Some(match domain_auth::spf_standing(&auth.spf) {
            S::Covers => O::Covers,
            S::NotCovering => O::NotCovering,
            S::TooManyLookups => O::TooManyLookups,
            S::Invalid => O::Invalid,
            S::Missing => O::Missing,
            S::Unknown => O::Unknown,
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::DomainAuth, CheckId::DomainTxt]
    }
}

outcomes! {
    pub enum DomainDkimOutcome {
        KeysPresent = "keys_present",
        KeyMissing = "key_missing",
        NotChecked = "not_checked",
    }
}

/// The DKIM keys of the selectors the provider profile names.
pub struct DomainDkim;

impl Signal for DomainDkim {
    const NAME: &'static str = "domain_dkim";
    const MEANING: &'static str = "Does the e-mail domain publish a usable DKIM key (present, parseable, not revoked) for every selector its provider's profile names? `not_checked` when no profile names selectors.";
    type Outcome = DomainDkimOutcome;

    fn evaluate(cx: &Ctx) -> Option<DomainDkimOutcome> {
        use DomainDkimOutcome as O;
        let Some(auth) = &cx.facts.domain_auth else {
            return cx.facts.done.then_some(O::NotChecked);
        };
        Some(if auth.dkim.is_empty() {
            O::NotChecked
        } else if domain_auth::broken_dkim_keys(&auth.dkim).is_empty() {
            O::KeysPresent
        } else {
            O::KeyMissing
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::DomainAuth]
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[
    def::<ExpectedServer>(),
    def::<DomainRecords>(),
    def::<DomainSpf>(),
    def::<DomainDkim>(),
];

/// `{spf.*}` and `{dkim.*}`: the values the domain's DNS manager needs to fix its records.
pub const AUTH_PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "spf.record",
        value: |f| match &f.cx.facts.domain_auth.as_ref()?.spf {
            domain_auth::SpfFinding::Invalid { record, .. }
            | domain_auth::SpfFinding::TooManyLookups { record, .. }
            | domain_auth::SpfFinding::Evaluated { record, .. } => Some(record.clone()),
            _ => None,
        },
    },
    Placeholder {
        name: "spf.problem",
        value: |f| match &f.cx.facts.domain_auth.as_ref()?.spf {
            domain_auth::SpfFinding::Invalid { reason, .. } => Some(reason.clone()),
            _ => None,
        },
    },
    Placeholder {
        name: "spf.lookups",
        value: |f| match &f.cx.facts.domain_auth.as_ref()?.spf {
            domain_auth::SpfFinding::TooManyLookups { lookups, .. }
            | domain_auth::SpfFinding::Evaluated { lookups, .. } => Some(lookups.to_string()),
            _ => None,
        },
    },
    Placeholder {
        name: "spf.server_addresses",
        value: |f| {
            let addrs = f.cx.facts.server_dns.as_ref()?.found()?;
            Some(
                addrs
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        },
    },
    Placeholder {
        name: "spf.suggested",
        value: |f| {
            let facts = f.cx.facts;
            let addrs = facts.server_dns.as_ref()?.found()?;
            let current = match &facts.domain_auth.as_ref()?.spf {
                domain_auth::SpfFinding::Evaluated { record, .. } => Some(record.as_str()),
                _ => None,
            };
            Some(domain_auth::suggested_spf(current, addrs))
        },
    },
    Placeholder {
        name: "dkim.missing",
        value: |f| {
            let domain = f.cx.input.email_domain()?;
            let auth = f.cx.facts.domain_auth.as_ref()?;
            let each: Vec<String> = domain_auth::broken_dkim_keys(&auth.dkim)
                .iter()
                .map(|k| {
                    format!(
                        "{}._domainkey.{domain} ({})",
                        k.selector,
                        domain_auth::dkim_state_word(k.state)
                    )
                })
                .collect();
            (!each.is_empty()).then(|| each.join(", "))
        },
    },
];

/// `{provider}`, `{provider.who_acts}` and `{provider.explain}`: the provider's own
/// explanation of the reply it sent (or that the person pasted) beats its general notes.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "provider",
        value: |f| f.cx.provider_now().map(|p| p.name.clone()),
    },
    Placeholder {
        name: "provider.who_acts",
        value: |f| {
            f.cx.provider_now()
                .map(|p| who_acts_words(p.who_acts).to_string())
        },
    },
    Placeholder {
        name: "provider.explain",
        value: provider_explain,
    },
];

fn provider_explain(f: &Fill) -> Option<String> {
    let cx = f.cx;
    let provider = cx.provider_now();
    let heard = [
        session::telling_reply(cx),
        cx.error().map(|p| Heard::pasted(p.reply())),
    ];
    let catalog = cx.catalog;
    let explained = heard.iter().flatten().find_map(|h| {
        catalog
            .replies
            .matches(&catalog.profiles, provider, h)
            .iter()
            .find_map(|m| m.explain.map(str::to_string))
    });
    explained.or_else(|| provider.map(|p| p.notes.join(" ")))
}

/// Who must act on a provider's sign-in policy, in words for the fix steps.
fn who_acts_words(who: WhoActs) -> &'static str {
    match who {
        WhoActs::Person => "you, in your account's security settings with the provider",
        WhoActs::Administrator => "your organisation's e-mail administrator",
        WhoActs::Host => "your hosting company",
    }
}
