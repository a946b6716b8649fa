//! The catalogue of known errors (`assets/error-codes.toml`): Outlook/Windows Mail error
//! numbers, message texts of the common mail clients, and Windows socket error numbers, each
//! with its meaning and where the decision tree looks first.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::i18n::english::ERRORS_TOML as CODES_TOML;
use crate::i18n::{wording, Lang, Source};

/// Where the decision tree looks first for a recognised error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Settings,
    Network,
    Server,
    /// Not about sending at all (incoming mail, Outlook's data file).
    NotSmtp,
}

/// One catalogue entry: exactly one of `code`, `pattern`, `socket`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownCode {
    /// An error number, `0x` + 8 upper-case hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A case-insensitive piece of the message text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A second piece that must also be present (with `pattern`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also: Option<String>,
    /// A Windows socket error number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socket: Option<u16>,
    /// outlook | windows_mail | thunderbird | apple_mail | windows
    pub client: String,
    pub meaning: String,
    pub area: Area,
}

const CLIENTS: &[&str] = &[
    "outlook",
    "windows_mail",
    "thunderbird",
    "apple_mail",
    "windows",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFile {
    entry: Vec<KnownCode>,
}

/// Parses and checks a catalogue text (the embedded one is proven valid by a test).
pub fn parse_catalogue(text: &str) -> Result<Vec<KnownCode>, String> {
    let file: CodeFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for (i, k) in file.entry.iter().enumerate() {
        let n = i + 1;
        let kinds = [k.code.is_some(), k.pattern.is_some(), k.socket.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if kinds != 1 {
            problems.push(format!(
                "entry {n}: needs exactly one of `code`, `pattern`, `socket`"
            ));
        }
        if let Some(c) = &k.code {
            let hex = c.strip_prefix("0x").unwrap_or("");
            if hex.len() != 8
                || !hex
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ('A'..='F').contains(&ch))
            {
                problems.push(format!(
                    "entry {n}: code {c:?} is not 0x + 8 upper-case hex digits"
                ));
            }
        }
        if k.pattern.as_deref().is_some_and(|p| p.trim().is_empty()) {
            problems.push(format!("entry {n}: empty `pattern`"));
        }
        if k.also.is_some() && k.pattern.is_none() {
            problems.push(format!("entry {n}: `also` needs `pattern`"));
        }
        if !CLIENTS.contains(&k.client.as_str()) {
            problems.push(format!("entry {n}: unknown client {:?}", k.client));
        }
        if k.meaning.trim().is_empty() {
            problems.push(format!("entry {n}: empty `meaning`"));
        }
        let dup = file.entry[..i].iter().any(|o| {
            (k.code.is_some() && o.code == k.code)
                || (k.socket.is_some() && o.socket == k.socket)
                || (k.pattern.is_some() && o.pattern == k.pattern && o.also == k.also)
        });
        if dup {
            problems.push(format!("entry {n}: duplicate of an earlier entry"));
        }
    }
    if problems.is_empty() {
        Ok(file.entry)
    } else {
        Err(problems.join("\n"))
    }
}

/// The embedded catalogue (checked by a test, so an empty result means a build defect).
pub fn catalogue() -> &'static [KnownCode] {
    static CODES: OnceLock<Vec<KnownCode>> = OnceLock::new();
    CODES.get_or_init(|| parse_catalogue(CODES_TOML).unwrap_or_default())
}

/// The embedded catalogue with its meanings in `lang`; English when the translated
/// catalogue does not pass [`parse_catalogue`]'s checks (`catalogue_falls_back` says so).
pub fn catalogue_in(lang: Lang) -> &'static [KnownCode] {
    translated(lang).unwrap_or_else(catalogue)
}

/// The catalogue in `lang`, `None` when its translation does not pass the checks.
pub fn translated(lang: Lang) -> Option<&'static [KnownCode]> {
    type Cache = Mutex<BTreeMap<Lang, Option<&'static [KnownCode]>>>;
    static ALL: OnceLock<Cache> = OnceLock::new();
    if lang == Lang::En {
        return Some(catalogue());
    }
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *map.entry(lang).or_insert_with(|| {
        let doc = wording::table(Source::Errors, lang);
        let text = toml::to_string(doc).ok()?;
        let codes = parse_catalogue(&text).ok()?;
        // Kept for the process's life: at most one per language.
        Some(&*Box::leak(codes.into_boxed_slice()))
    })
}
