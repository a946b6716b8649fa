//! The reports' own words (`assets/report.toml`) in the report's language: headings, labels,
//! the verdict and confidence words, and how an encryption setting reads.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;

use crate::checks::Status;
use crate::diagnosis::Verdict;
use crate::i18n::{self, Lang, Source};
use crate::settings::Security;
use crate::tree::Confidence;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub text: TextWords,
    pub markdown: MarkdownWords,
    pub verdict: BTreeMap<String, String>,
    pub confidence: BTreeMap<String, String>,
    pub status: BTreeMap<String, String>,
    pub words: toml::Table,
    /// Sentences a finding is told in (read by the diagnosis through `i18n::wording`).
    pub phrases: BTreeMap<String, String>,
    pub other_programs: OtherPrograms,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextWords {
    pub heading: String,
    pub tested_server: String,
    pub tested_port: String,
    pub tested_security: String,
    pub password_given: String,
    pub no_password: String,
    pub tested: String,
    pub error: String,
    pub ok: String,
    pub problem: String,
    pub unsure: String,
    pub no_conclusion: String,
    pub do_this: String,
    pub settings: String,
    pub setting_server: String,
    pub setting_port: String,
    pub setting_security: String,
    pub setting_user: String,
    pub also: String,
    pub public_ip: String,
    pub checks: String,
    pub cause_code: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownWords {
    pub heading: String,
    pub made: String,
    pub verdict: String,
    pub public_ip: String,
    pub tested: String,
    pub none: String,
    pub password_given: String,
    pub password_not_given: String,
    pub error: String,
    pub cause: String,
    pub also: String,
    pub settings: String,
    pub field: String,
    pub value: String,
    pub setting_server: String,
    pub setting_port: String,
    pub setting_security: String,
    pub setting_user: String,
    pub checks: String,
    pub check: String,
    pub result: String,
    pub transcript: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherPrograms {
    /// Where Thunderbird and Apple Mail keep the outgoing server settings (one line).
    pub line: String,
}

/// Whether a cause's fix is a change in the mail program's settings (a `config.*` cause):
/// only then do the other mail programs' paths belong under its steps.
pub fn names_mail_program_settings(code: &str) -> bool {
    code.starts_with("config.")
}

/// The wording in `lang`, strictly the shape of `assets/report.toml`.
pub fn parse(lang: Lang) -> Result<Wording, String> {
    i18n::wording::table(Source::Report, lang)
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| format!("assets/report.toml ({lang}): {e}"))
}

/// The wording in `lang`, parsed once; English when the translation does not give a usable
/// wording (empty strings only if the English file is broken, a defect the tests catch).
pub fn wording(lang: Lang) -> &'static Wording {
    static ALL: OnceLock<Mutex<BTreeMap<Lang, &'static Wording>>> = OnceLock::new();
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry(lang).or_insert_with(|| {
        let w = parse(lang).or_else(|_| parse(Lang::En)).unwrap_or_default();
        // Kept for the process's life: at most one per language.
        Box::leak(Box::new(w))
    })
}

fn pick<'a>(map: &'a BTreeMap<String, String>, key: &str, fallback: &'a str) -> &'a str {
    map.get(key).map_or(fallback, String::as_str)
}

impl Wording {
    /// How an encryption setting reads (Outlook's own list in the language).
    pub fn security(&self, s: Security) -> String {
        self.security_str(s).to_string()
    }

    /// [`Wording::security`], borrowed.
    pub fn security_str(&self, s: Security) -> &str {
        self.words
            .get("security")
            .and_then(|t| t.get(s.outlook_label()))
            .and_then(toml::Value::as_str)
            .unwrap_or(s.outlook_label())
    }

    pub fn verdict(&self, v: Verdict) -> &str {
        let key = match v {
            Verdict::Ok => "Ok",
            Verdict::Problem => "Problem",
            Verdict::Inconclusive => "Inconclusive",
        };
        pick(&self.verdict, key, key)
    }

    pub fn confidence(&self, c: Confidence) -> &str {
        let (key, english) = match c {
            Confidence::Confirmed => ("confirmed", "Confirmed"),
            Confidence::Likely => ("likely", "Likely"),
            Confidence::Possible => ("possible", "Possible"),
        };
        pick(&self.confidence, key, english)
    }

    pub fn status(&self, s: Status) -> &str {
        pick(&self.status, s.word(), s.word())
    }
}

/// Fills `{name}` placeholders (as the wizard's wording does).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_gives_a_usable_report_wording() {
        for lang in Lang::ALL {
            parse(lang).unwrap();
        }
        let w = wording(Lang::En);
        assert_eq!(w.security(Security::None), "None");
        assert_eq!(w.verdict(Verdict::Inconclusive), "Inconclusive");
        assert_eq!(w.confidence(Confidence::Likely), "Likely");
        assert!(w.other_programs.line.contains("Thunderbird"));
    }
}
