//! A run saved for replay: what the person gave (never the password: only whether one was
//! given), every fact the checks found, and what the diagnosis concluded from them.
//!
//! `check --save-facts FILE` writes one; `tests/scenarios/*.toml` are such files, each replayed
//! without a network to prove the diagnosis still draws the same conclusion from the same facts.
//! The form is TOML, format `smtp-doctor/facts/v1`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CatalogError, CatalogFiles};
use crate::diagnosis::{self, Diagnosis};
use crate::facts::Facts;
use crate::secret::Secret;
use crate::settings::{Endpoint, Input, Options, Security};
use crate::tree::QuestionMode;

pub const FORMAT: &str = "smtp-doctor/facts/v1";

/// Stands in for the password of a recording made with one: the replay never signs in, and the
/// diagnosis only asks whether a password was given.
const PASSWORD_STAND_IN: &str = "(a password was given; it is never recorded)";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    pub format: String,
    pub tool_version: String,
    pub input: RecordedInput,
    /// What the diagnosis concluded when the facts were recorded (a scenario: what it must
    /// conclude again).
    pub expected: Outcome,
    pub facts: Facts,
}

/// The options of the run, as `check` took them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedInput {
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default)]
    pub password_given: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcpt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_text: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_plaintext_auth: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
    /// `--profiles DIR`; a relative path is taken from the replay's base folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiles: Option<PathBuf>,
    /// `--tree FILE`, the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree: Option<PathBuf>,
    /// `--tree-extra FILE`s (host overlays), the same way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tree_extra: Vec<PathBuf>,
    /// `--answer ID=CHOICE`: the answers given; the rest take their defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
}

/// What a diagnosis concluded, as far as a scenario pins it down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// `ok`, `problem` or `inconclusive`, as the JSON report writes it.
    pub verdict: String,
    /// `causes[0].code`; absent when there was no cause at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// The other causes' codes, in the report's order.
    #[serde(default)]
    pub others: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<Endpoint>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordingError {
    #[error("{0}")]
    Toml(String),
    #[error("format `{0}` is not {FORMAT}")]
    Format(String),
    #[error("profiles {path}: {message}")]
    Profiles { path: PathBuf, message: String },
    #[error("tree {path}: {message}")]
    Tree { path: PathBuf, message: String },
}

impl Outcome {
    pub fn of(d: &Diagnosis) -> Outcome {
        let mut codes = d.causes.iter().map(|c| c.code.clone());
        Outcome {
            verdict: verdict_word(d.verdict),
            primary: codes.next(),
            others: codes.collect(),
            recommended: d.recommended.clone(),
        }
    }

    /// Each way `got` differs from `self`, in words; empty when they agree.
    pub fn differences(&self, got: &Outcome) -> Vec<String> {
        let mut out = Vec::new();
        if self.verdict != got.verdict {
            out.push(format!(
                "verdict: expected {}, got {}",
                self.verdict, got.verdict
            ));
        }
        if self.primary != got.primary {
            out.push(format!(
                "primary cause: expected {:?}, got {:?}",
                self.primary, got.primary
            ));
        }
        if self.others != got.others {
            out.push(format!(
                "other causes: expected {:?}, got {:?}",
                self.others, got.others
            ));
        }
        if self.recommended != got.recommended {
            out.push(format!(
                "recommended: expected {}, got {}",
                endpoint_words(self.recommended.as_ref()),
                endpoint_words(got.recommended.as_ref())
            ));
        }
        out
    }
}

fn verdict_word(v: diagnosis::Verdict) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn endpoint_words(e: Option<&Endpoint>) -> String {
    match e {
        None => "nothing".to_string(),
        Some(e) => format!(
            "{}:{} {}{}",
            e.server,
            e.port,
            e.security.as_str(),
            e.user
                .as_deref()
                .map(|u| format!(" as {u}"))
                .unwrap_or_default()
        ),
    }
}

impl RecordedInput {
    /// What to record of a run: what the person typed, the knobs, and the paths of the
    /// catalog files it was given.
    pub fn of(input: &Input, options: &Options, files: &CatalogFiles) -> RecordedInput {
        RecordedInput {
            email: input.email.clone(),
            server: input.server.clone(),
            port: input.port,
            security: input.security,
            user: input.user.clone(),
            password_given: input.password.is_some(),
            rcpt: options.rcpt.clone(),
            reference: options.reference.clone(),
            error_text: input.error_text.clone(),
            allow_plaintext_auth: options.allow_plaintext_auth,
            timeout_ms: u64::try_from(options.timeout.as_millis()).ok(),
            profiles: files.profiles.clone(),
            tree: files.tree.clone(),
            tree_extra: files.tree_extra.clone(),
            answers: input.answers.clone(),
        }
    }

    /// The diagnosis input and knobs again.
    pub fn to_input(&self) -> (Input, Options) {
        let mut input = Input::new(self.email.clone());
        input.server.clone_from(&self.server);
        input.port = self.port;
        input.security = self.security;
        input.user.clone_from(&self.user);
        input.password = self
            .password_given
            .then(|| Secret::new(PASSWORD_STAND_IN.to_string()));
        input.error_text.clone_from(&self.error_text);
        input.answers = self.answers.clone();
        let mut options = Options {
            rcpt: self.rcpt.clone(),
            reference: self.reference.clone(),
            allow_plaintext_auth: self.allow_plaintext_auth,
            ..Options::default()
        };
        if let Some(ms) = self.timeout_ms {
            options.timeout = Duration::from_millis(ms);
        }
        (input, options)
    }

    /// The catalog the run used: the embedded one plus the recorded files, relative paths
    /// taken from `base`.
    pub fn catalog(&self, base: &Path) -> Result<Catalog, RecordingError> {
        let files = CatalogFiles {
            tree: self.tree.as_ref().map(|t| base.join(t)),
            tree_extra: self.tree_extra.iter().map(|t| base.join(t)).collect(),
            profiles: self.profiles.as_ref().map(|p| base.join(p)),
        };
        Catalog::load(&files).map_err(|e| match e {
            CatalogError::Profiles(errors) => RecordingError::Profiles {
                path: files.profiles.clone().unwrap_or_default(),
                message: errors
                    .0
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            },
            CatalogError::Tree(errors) => RecordingError::Tree {
                path: files
                    .tree
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("(embedded)")),
                message: errors
                    .0
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            },
        })
    }
}

impl Recording {
    pub fn new(input: RecordedInput, facts: &Facts, diagnosis: &Diagnosis) -> Recording {
        Recording {
            format: FORMAT.to_string(),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            input,
            expected: Outcome::of(diagnosis),
            facts: facts.clone(),
        }
    }

    pub fn to_toml(&self) -> Result<String, RecordingError> {
        toml::to_string(self).map_err(|e| RecordingError::Toml(e.to_string()))
    }

    pub fn from_toml(text: &str) -> Result<Recording, RecordingError> {
        let r: Recording = toml::from_str(text).map_err(|e| RecordingError::Toml(e.to_string()))?;
        if r.format != FORMAT {
            return Err(RecordingError::Format(r.format));
        }
        Ok(r)
    }

    /// Walks the tree over the recorded facts as `check` does (questions not answered take
    /// their defaults); relative paths in the input are taken from `base`.
    pub fn replay(&self, base: &Path) -> Result<(Input, Diagnosis), RecordingError> {
        let (input, _options) = self.input.to_input();
        let catalog = self.input.catalog(base)?;
        let d = diagnosis::diagnose(&catalog, &input, &self.facts, QuestionMode::UseDefaults);
        Ok((input, d))
    }
}
