//! STUB: being written by a helper. API contract below.
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertInfo {
    pub subject: String,
    pub issuer: String,
    pub names: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    #[serde(skip)]
    pub not_before_unix: i64,
    #[serde(skip)]
    pub not_after_unix: i64,
    pub self_signed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertProblem { Expired, NotYetValid, NameMismatch, SelfSigned, Untrusted }

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable certificate: {0}")]
pub struct CertError(pub String);

pub fn parse_der(_der: &[u8]) -> Result<CertInfo, CertError> { todo!() }
pub fn classify(_cert: &CertInfo, _host: &str, _now_unix: i64) -> CertProblem { todo!() }
pub fn name_matches(_pattern: &str, _host: &str) -> bool { todo!() }
