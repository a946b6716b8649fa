//! Assertions on `check --json` reports shared by the lab tests of the other MTA families
//! (`lab_exim`, `lab_exchange`): the options of one run, the primary cause, the recommended
//! settings and one check record.

use serde_json::Value;

use super::CheckRun;

/// `check` options for an account on a server, with the port and encryption when given.
pub fn args<'a>(
    email: &'a str,
    server: &'a str,
    port: Option<&'a str>,
    security: Option<&'a str>,
) -> Vec<&'a str> {
    let mut a = vec!["--email", email, "--server", server];
    if let Some(p) = port {
        a.extend(["--port", p]);
    }
    if let Some(s) = security {
        a.extend(["--security", s]);
    }
    a
}

/// A problem was found: verdict "problem", exit status 1, the expected primary cause.
pub fn assert_problem(run: &CheckRun, code: &str) {
    assert_eq!(
        run.primary_cause(),
        code,
        "wrong primary cause\n{}\n--- stderr\n{}",
        run.pretty(),
        run.stderr
    );
    assert_eq!(run.report()["verdict"], "problem", "{}", run.pretty());
    assert_eq!(run.code, 1, "exit status for a problem\n{}", run.pretty());
}

pub fn assert_recommended(run: &CheckRun, server: &str, port: u64, security: &str, user: &str) {
    let r = &run.report()["recommended"];
    assert!(
        r.is_object(),
        "the report recommends no settings\n{}",
        run.pretty()
    );
    assert_eq!(r["server"], server, "recommended server\n{}", run.pretty());
    assert_eq!(r["port"], port, "recommended port\n{}", run.pretty());
    assert_eq!(
        r["security"],
        security,
        "recommended security\n{}",
        run.pretty()
    );
    assert_eq!(r["user"], user, "recommended user\n{}", run.pretty());
}

/// The report's check `id`.
pub fn check<'r>(run: &'r CheckRun, id: &str) -> &'r Value {
    run.report()["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id} in the report\n{}", run.pretty()))
}
