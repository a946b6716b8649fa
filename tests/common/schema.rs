//! The committed JSON Schemas (`schemas/`), for tests to check real output against.
//! Formats (`date-time`, `ipv4`, `ipv6`) are checked too, not only shapes.

use std::path::PathBuf;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

pub const REPORT_SCHEMA: &str = "schemas/report-v1.schema.json";
pub const SERVER_REPORT_SCHEMA: &str = "schemas/server-report-v1.schema.json";
pub const SERVER_AUDIT_SCHEMA: &str = "schemas/server-audit-v1.schema.json";

fn compile(relative: &str) -> Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", path.display()))
}

fn report_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| compile(REPORT_SCHEMA))
}

fn server_report_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| compile(SERVER_REPORT_SCHEMA))
}

fn server_audit_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| compile(SERVER_AUDIT_SCHEMA))
}

/// Every violation, one line each: where in the document, and what is wrong.
fn violations(v: &Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("at `{}`: {e}", e.instance_path()))
        .collect()
}

pub fn report_violations(doc: &Value) -> Vec<String> {
    violations(report_validator(), doc)
}

pub fn server_report_violations(doc: &Value) -> Vec<String> {
    violations(server_report_validator(), doc)
}

fn assert_valid(what: &str, found: &[String], doc: &Value) {
    assert!(
        found.is_empty(),
        "the {what} does not match its schema:\n  {}\n--- document\n{}",
        found.join("\n  "),
        serde_json::to_string_pretty(doc).unwrap_or_default()
    );
}

/// Panics, naming every violation, unless `doc` is a valid `smtp-doctor/report/v1`.
pub fn assert_valid_report(doc: &Value) {
    assert_valid("report", &report_violations(doc), doc);
}

/// Panics, naming every violation, unless `doc` is a valid `smtp-doctor/server-report/v1`.
pub fn assert_valid_server_report(doc: &Value) {
    assert_valid("server report", &server_report_violations(doc), doc);
}

pub fn server_audit_violations(doc: &Value) -> Vec<String> {
    violations(server_audit_validator(), doc)
}

/// Panics, naming every violation, unless `doc` is a valid `smtp-doctor/server-audit/v1`.
pub fn assert_valid_server_audit(doc: &Value) {
    assert_valid("server audit", &server_audit_violations(doc), doc);
}
