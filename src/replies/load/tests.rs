//! Reply rule files: every key read, every problem at its line and column, and the built-in
//! rules valid and ending with catch-alls.

use super::*;

/// The envelope's outcomes at mail and rcpt; nothing elsewhere.
struct Vocab;

impl RuleVocabulary for Vocab {
    fn stage_outcomes(&self, stage: Stage) -> &[&'static str] {
        match stage {
            Stage::Mail | Stage::Rcpt => &["sender_rejected", "temp_failure"],
            _ => &[],
        }
    }
}

fn parse(text: &str) -> Result<Vec<Rule>, Vec<(usize, usize, String)>> {
    let source = Source::new("r.toml", text);
    let doc = toml_edit::Document::parse(text).expect("valid TOML");
    let mut errors = Vec::new();
    let rules = rules_from(
        &source,
        doc.as_table().get("reply").expect("[[reply]]"),
        &Vocab,
        &Causes::contract(),
        &mut errors,
    );
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors
            .into_iter()
            .map(|e| (e.line, e.column, e.message))
            .collect())
    }
}

/// Exactly one problem, at `line:column`, whose message holds `needle`.
fn one_error(text: &str, line: usize, column: usize, needle: &str) {
    let errors = parse(text).expect_err("a problem");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (l, c, m) = &errors[0];
    assert!(m.contains(needle), "{m:?} lacks {needle:?}");
    assert_eq!((*l, *c), (line, column), "{m}");
}

const GOOD: &str = r#"[[reply]]
stage = ["mail", "rcpt"]
code = "55x"
enhanced = "5.7.1"
contains = ["Customer suspended", "account on hold"]
also = "customer"
signed_in = true
outcome = "sender_rejected"
cause = "config.sender_rejected"
explain = "Your account is on hold."
example = "550 5.7.1 Customer suspended"
"#;

#[test]
fn a_rule_with_every_key_reads() {
    let rules = parse(GOOD).expect("valid");
    assert_eq!(rules.len(), 1);
    let r = &rules[0];
    assert_eq!(r.stages, [Stage::Mail, Stage::Rcpt]);
    assert_eq!(r.code.map(|c| c.to_string()).as_deref(), Some("55x"));
    assert_eq!(r.contains, ["customer suspended", "account on hold"]);
    assert_eq!(r.signed_in, Some(true));
    assert_eq!(r.origin, "r.toml:1");
}

#[test]
fn every_problem_has_its_place() {
    one_error(
        &GOOD.replace("also =", "colour = \"red\"\nalso ="),
        6,
        1,
        "unknown key `colour`",
    );
    one_error(
        &GOOD.replace("\"rcpt\"", "\"data\""),
        2,
        18,
        "unknown stage `data`",
    );
    one_error(
        &GOOD.replace("\"55x\"", "\"65x\""),
        3,
        8,
        "`code` must be a reply code",
    );
    one_error(
        &GOOD.replace("\"5.7.1\"", "\"5.7\""),
        4,
        12,
        "not a status code",
    );
    one_error(
        &GOOD.replace("\"sender_rejected\"", "\"recipient_rejected\""),
        8,
        11,
        "`recipient_rejected` is not an outcome for stage `mail`",
    );
    one_error(
        &GOOD.replace("\"config.sender_rejected\"", "\"host.unpaid\""),
        9,
        9,
        "unknown cause code `host.unpaid`",
    );
    one_error(
        &GOOD.replace("550 5.7.1 Customer", "550 5.7.1 Client"),
        11,
        11,
        "`example` does not match",
    );
    one_error(
        &GOOD.replace("signed_in = true", "signed_in = \"yes\""),
        7,
        13,
        "true or false",
    );
    one_error(
        &GOOD.replace("\"account on hold\"", "\" \""),
        5,
        35,
        "must not hold an empty text",
    );
}

#[test]
fn a_rule_must_look_at_something_and_say_something() {
    one_error(
        "[[reply]]\ncause = \"config.sender_rejected\"\n",
        1,
        1,
        "needs at least one of",
    );
    one_error(
        "[[reply]]\ncode = 550\n",
        1,
        1,
        "needs an `outcome`, a `cause`",
    );
    one_error(
        "[[reply]]\ncode = 550\noutcome = \"temp_failure\"\n",
        3,
        11,
        "name the `stage`",
    );
    one_error(
        "[[reply]]\nstage = \"auth\"\noutcome = \"temp_failure\"\n",
        3,
        11,
        "replies at stage `auth` take no outcome",
    );
}

#[test]
fn the_built_in_rules_are_valid_and_end_with_catch_alls() {
    let registry = crate::diagnosis::vocabulary::Registry;
    let rules = parse_built_in(&registry, &Causes::contract()).expect("valid");
    assert!(rules.len() >= 10);
    // Whatever the other rules leave, a catch-all at each envelope stage reads.
    for stage in [Stage::Mail, Stage::Rcpt] {
        assert!(
            rules.iter().any(|r| r.stages == [stage]
                && r.code.is_none()
                && r.enhanced.is_none()
                && r.contains.is_empty()
                && r.signed_in.is_none()
                && r.outcome.is_some()),
            "no catch-all for {stage:?}"
        );
    }
}
