//! A finished diagnosis as a report: the JSON contract (`schema smtp-doctor/report/v1`),
//! plain text for people, and Markdown to paste into a ticket. Reports never contain the
//! password: only `password_given`, and the transcript shows AUTH lines redacted.

pub mod markdown;
pub mod text;
pub mod wording;

use std::net::IpAddr;

use serde::Serialize;

use crate::checks::{CheckId, CheckRecord, Status};
use crate::diagnosis::{Cause, Diagnosis, Progress, Verdict};
use crate::i18n::Lang;
use crate::protocol::transcript::Line;
use crate::settings::{Endpoint, Security};

pub const SCHEMA: &str = "smtp-doctor/report/v1";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub tool_version: &'static str,
    /// Extension: the language of the report's sentences (a BCP 47 tag: `en`, `de`, `pt-BR`).
    /// Codes and keys do not change with it.
    #[serde(serialize_with = "lang_tag")]
    pub lang: Lang,
    pub input: ReportInput,
    pub verdict: Verdict,
    pub causes: Vec<Cause>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended: Option<Endpoint>,
    pub checks: Vec<CheckRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<IpAddr>,
    pub transcript: Vec<Line>,
    /// Extension: the tree's questions and the answers used (given or default).
    pub answers: Vec<Answer>,
    /// Extension: when the report was made (RFC 3339, UTC).
    pub generated_at: String,
    /// Extension: when the domain publishes wrong autoconfig/Autodiscover settings
    /// (`config.autoconfig_wrong`) and the test proved working ones, the corrected files
    /// for the host to publish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_files: Option<HostFiles>,
}

/// The corrected host-side files, as text to publish.
#[derive(Debug, Clone, Serialize)]
pub struct HostFiles {
    /// For `https://autoconfig.DOMAIN/mail/config-v1.1.xml`.
    pub autoconfig_xml: String,
    /// The Autodiscover (POX) response for `/autodiscover/autodiscover.xml`.
    pub autodiscover_xml: String,
}

impl HostFiles {
    /// The files when the diagnosis has the cause and verified settings to put in them.
    pub fn of(d: &Diagnosis) -> Option<HostFiles> {
        if !crate::export::autoconfig_wrong(d) {
            return None;
        }
        let account = crate::export::account_of(d, None)?;
        let files = crate::export::host_files(&account).ok()?;
        Some(HostFiles {
            autoconfig_xml: files.autoconfig,
            autodiscover_xml: files.autodiscover,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportInput {
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    pub password_given: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::error_text::Recognised>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

impl Report {
    /// The report of a finished diagnosis: a copy of what it says, as the contract names it.
    pub fn new(diagnosis: &Diagnosis) -> Report {
        let t = &diagnosis.tested;
        Report {
            schema: SCHEMA,
            tool_version: env!("CARGO_PKG_VERSION"),
            lang: Lang::En,
            input: ReportInput {
                email: t.email.clone(),
                server: t.server.clone(),
                port: t.port,
                security: t.security,
                user: t.user.clone(),
                password_given: t.password_given,
                error: diagnosis.error.clone(),
            },
            verdict: diagnosis.verdict,
            causes: diagnosis.causes.clone(),
            recommended: diagnosis.recommended.clone(),
            checks: checks(diagnosis),
            public_ip: diagnosis.public_ip,
            transcript: diagnosis.transcript.clone(),
            answers: diagnosis
                .answers
                .iter()
                .map(|(q, a)| Answer {
                    question: q.clone(),
                    answer: a.clone(),
                })
                .collect(),
            generated_at: now_rfc3339(),
            host_files: HostFiles::of(diagnosis),
        }
    }

    /// The report with its own words (headings, labels) in `lang`; the sentences from the
    /// diagnosis are in the language of the catalog it was made with.
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> Report {
        self.lang = lang;
        self
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

/// What a check that had not finished says in a report made when the result was decided.
pub const NOT_NEEDED: &str = "not needed for this result";

/// The finished checks; when the result was decided before every check ended, the others
/// follow as skipped: not needed for this result.
fn checks(d: &Diagnosis) -> Vec<CheckRecord> {
    let mut out = d.checks.clone();
    if d.progress == Progress::Done && !d.finished {
        out.extend(d.pending.iter().copied().map(not_needed));
    }
    out
}

/// The record of a check that was still running when the result was decided.
pub fn not_needed(id: CheckId) -> CheckRecord {
    CheckRecord {
        id,
        status: Status::Skip,
        duration_ms: 0,
        summary: NOT_NEEDED.to_string(),
        detail: serde_json::json!({
            "finished": false,
            "reason": "the result was decided before this check finished; it could not change it, so it was stopped",
        }),
    }
}

// serde's `serialize_with` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn lang_tag<S: serde::Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.tag())
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
