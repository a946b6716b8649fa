//! A run saved for replay: what the person gave (never the password: only whether one was
//! given), every fact the checks found, and what the diagnosis concluded from them.
//!
//! `check --save-facts FILE` writes one; `tests/scenarios/*.toml` are such files, each replayed
//! without a network to prove the diagnosis still draws the same conclusion from the same facts.
//! The form is TOML, format `smtp-doctor/facts/v1`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::diagnosis::{self, Diagnosis};
use crate::facts::Facts;
use crate::profiles::Profiles;
use crate::secret::Secret;
use crate::settings::{Endpoint, Input, Security};
use crate::tree::{QuestionMode, Tree};

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
    /// What to record of `input`; `profiles` and `tree` are the paths the run was given.
    pub fn of(input: &Input, profiles: Option<&Path>, tree: Option<&Path>) -> RecordedInput {
        RecordedInput {
            email: input.email.clone(),
            server: input.server.clone(),
            port: input.port,
            security: input.security,
            user: input.user.clone(),
            password_given: input.password.is_some(),
            rcpt: input.rcpt.clone(),
            reference: input.reference.clone(),
            error_text: input.error_text.clone(),
            allow_plaintext_auth: input.allow_plaintext_auth,
            timeout_ms: u64::try_from(input.timeout.as_millis()).ok(),
            profiles: profiles.map(Path::to_path_buf),
            tree: tree.map(Path::to_path_buf),
            answers: input.answers.clone(),
        }
    }

    /// The diagnosis input again, relative paths taken from `base`.
    pub fn to_input(&self, base: &Path) -> Result<Input, RecordingError> {
        let mut input = Input::new(self.email.clone());
        input.server = self.server.clone();
        input.port = self.port;
        input.security = self.security;
        input.user = self.user.clone();
        input.password = self
            .password_given
            .then(|| Secret::new(PASSWORD_STAND_IN.to_string()));
        input.rcpt = self.rcpt.clone();
        input.reference = self.reference.clone();
        input.error_text = self.error_text.clone();
        input.allow_plaintext_auth = self.allow_plaintext_auth;
        if let Some(ms) = self.timeout_ms {
            input.timeout = Duration::from_millis(ms);
        }
        input.answers = self.answers.clone();
        if let Some(dir) = &self.profiles {
            let path = base.join(dir);
            let loaded =
                Profiles::load(Some(&path)).map_err(|errors| RecordingError::Profiles {
                    message: errors
                        .0
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    path,
                })?;
            input.profiles = Arc::new(loaded);
        }
        Ok(input)
    }

    /// The recorded `--tree`, or the embedded tree.
    pub fn tree(&self, base: &Path) -> Result<Tree, RecordingError> {
        match &self.tree {
            Some(file) => {
                let path = base.join(file);
                Tree::load_file(&path).map_err(|errors| RecordingError::Tree {
                    message: errors
                        .0
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    path,
                })
            }
            None => Tree::embedded().cloned().map_err(|e| RecordingError::Tree {
                path: PathBuf::from("(embedded)"),
                message: e.to_string(),
            }),
        }
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
        let input = self.input.to_input(base)?;
        let tree = self.input.tree(base)?;
        let d = diagnosis::diagnose(&tree, &input, &self.facts, QuestionMode::UseDefaults);
        Ok((input, d))
    }
}
