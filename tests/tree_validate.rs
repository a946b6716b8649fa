//! The tree loader: every kind of problem is reported with its file, line and column, and
//! the embedded tree is valid and reaches every cause the client side can decide.

use smtp_doctor::tree::{walk, NodeKind, QuestionMode, Tree, WalkState};

/// A valid tree to break in one place per test.
const BASE: &str = r#"start = "a"

[node.a]
kind = "check"
step = "settings"
title = "A"
signal = "server_name"
on = { valid = "q", invalid = "bad", missing = "bad" }

[node.q]
kind = "question"
step = "network"
title = "Q"
text = "Does webmail work?"
default = "no"

[[node.q.choice]]
id = "yes"
label = "Yes"
next = "ok"

[[node.q.choice]]
id = "no"
label = "No"
next = "bad"

[node.ok]
kind = "conclusion"
step = "server"
cause = "ok.sending_works"
confidence = "confirmed"
title = "Works"
explanation = "Fine on {recommended.port}."
fix = ["Keep {recommended.server}."]
then = "fin"

[node.bad]
kind = "conclusion"
step = "settings"
cause = "config.server_name_invalid"
confidence = "likely"
title = "Bad"
explanation = "Bad name."
fix = ["Fix it."]

[node.fin]
kind = "end"
step = "server"
title = "End"
"#;

/// Parses `text` and returns `(line, column, message)` of each error.
fn errors(text: &str) -> Vec<(usize, usize, String)> {
    match Tree::parse(text, "t.toml") {
        Ok(_) => vec![],
        Err(e) => {
            e.0.into_iter()
                .map(|e| {
                    assert_eq!(e.file, "t.toml");
                    (e.line, e.column, e.message)
                })
                .collect()
        }
    }
}

/// Asserts exactly one error, at `line:column`, whose message contains `needle`.
fn assert_one(text: &str, line: usize, column: usize, needle: &str) {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:?}");
    let (l, c, m) = &errs[0];
    assert!(m.contains(needle), "message {m:?} lacks {needle:?}");
    assert_eq!((*l, *c), (line, column), "wrong place for {m:?}");
}

#[test]
fn the_base_tree_is_valid() {
    assert_eq!(errors(BASE), vec![]);
}

#[test]
fn toml_syntax_error() {
    let text = BASE.replace(r#"title = "A""#, r#"title = "A"#);
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].2.contains("TOML syntax error"));
    assert_eq!(errs[0].0, 6);
}

#[test]
fn unknown_node_kind() {
    assert_one(
        &BASE.replace(r#"kind = "end""#, r#"kind = "stop""#),
        47,
        8,
        "unknown node kind `stop`",
    );
}

#[test]
fn unknown_signal() {
    assert_one(
        &BASE.replace(r#"signal = "server_name""#, r#"signal = "server_nam""#),
        7,
        10,
        "unknown signal `server_nam`",
    );
}

#[test]
fn outcome_without_branch() {
    let text = BASE.replace(r#", missing = "bad" }"#, " }");
    assert_one(
        &text,
        8,
        1,
        "outcome `missing` of signal `server_name` has no branch",
    );
}

#[test]
fn branch_for_an_outcome_the_signal_lacks() {
    let text = BASE.replace(
        r#"missing = "bad" }"#,
        r#"missing = "bad", maybe = "bad" }"#,
    );
    assert_one(&text, 8, 55, "has no outcome `maybe`");
}

#[test]
fn unknown_target_node() {
    let text = BASE.replace(r#"missing = "bad""#, r#"missing = "bda""#);
    assert_one(&text, 8, 48, "unknown node `bda`");
}

#[test]
fn unknown_start_node() {
    // The start node then also leaves every node unreachable; the first error is the start.
    let errs = errors(&BASE.replace(r#"start = "a""#, r#"start = "z""#));
    assert_eq!((errs[0].0, errs[0].1), (1, 9), "{errs:?}");
    assert!(errs[0].2.contains("unknown node `z`"));
}

#[test]
fn unknown_cause_code() {
    let text = BASE.replace(
        r#"cause = "config.server_name_invalid""#,
        r#"cause = "config.typo""#,
    );
    assert_one(&text, 40, 9, "unknown cause code `config.typo`");
}

#[test]
fn unreachable_node() {
    let text = format!("{BASE}\n[node.orphan]\nkind = \"end\"\nstep = \"server\"\ntitle = \"O\"\n");
    assert_one(&text, 51, 7, "node `orphan` cannot be reached");
}

#[test]
fn cycle() {
    let text = BASE.replace(r#"then = "fin""#, r#"then = "a""#);
    // `fin` becomes unreachable as well; the cycle is reported where it closes.
    let errs = errors(&text);
    let cycle = errs
        .iter()
        .find(|e| e.2.contains("cycle"))
        .expect("a cycle error");
    assert_eq!((cycle.0, cycle.1), (35, 8), "{errs:?}");
}

#[test]
fn unknown_key() {
    let text = BASE.replace("title = \"Works\"", "title = \"Works\"\ncolour = \"green\"");
    assert_one(&text, 33, 1, "unknown key `colour`");
}

#[test]
fn missing_required_field() {
    let text = BASE.replace("fix = [\"Fix it.\"]\n", "");
    assert_one(&text, 37, 7, "missing `fix`");
}

#[test]
fn unknown_confidence_and_step() {
    let errs = errors(
        &BASE
            .replace(r#"confidence = "likely""#, r#"confidence = "sure""#)
            .replace(r#"step = "network""#, r#"step = "web""#),
    );
    let got: Vec<_> = errs.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got, vec![(12, 8), (41, 14)], "{errs:?}");
    assert!(errs[0].2.contains("unknown step `web`"));
    assert!(errs[1].2.contains("unknown confidence `sure`"));
}

#[test]
fn question_default_not_a_choice() {
    assert_one(
        &BASE.replace(r#"default = "no""#, r#"default = "maybe""#),
        15,
        11,
        "default `maybe` is not one of the choices",
    );
}

#[test]
fn duplicate_choice() {
    let text = BASE
        .replace(r#"id = "no""#, r#"id = "yes""#)
        .replace(r#"default = "no""#, r#"default = "yes""#);
    assert_one(&text, 23, 6, "duplicate choice `yes`");
}

#[test]
fn empty_fix_list() {
    assert_one(
        &BASE.replace(r#"fix = ["Fix it."]"#, "fix = []"),
        44,
        7,
        "at least one step",
    );
}

#[test]
fn unknown_placeholder() {
    // Column of the opening brace inside the string.
    assert_one(
        &BASE.replace("{recommended.server}", "{recommended.host}"),
        34,
        14,
        "unknown placeholder `{recommended.host}`",
    );
}

#[test]
fn unreadable_file_is_one_error() {
    let err = Tree::load_file(std::path::Path::new("/nonexistent/tree.toml")).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert!(err
        .to_string()
        .starts_with("/nonexistent/tree.toml:0:0: cannot read"));
}

#[test]
fn every_error_is_reported_at_once() {
    let text = BASE
        .replace(r#"signal = "server_name""#, r#"signal = "nope""#)
        .replace(
            r#"cause = "config.server_name_invalid""#,
            r#"cause = "nope""#,
        );
    assert_eq!(errors(&text).len(), 2);
}

#[test]
fn walk_waits_asks_defaults_and_chains() {
    let tree = Tree::parse(BASE, "t.toml").unwrap();
    let none = |_: &str| None;
    // The signal is not known yet: the walk waits at its node.
    let w = walk(&tree, &mut |_| None, &none, QuestionMode::UseDefaults);
    assert!(
        matches!(w.state, WalkState::Waiting { node, signal: "server_name" } if node.id == "a")
    );
    // Known signal, wizard mode: it asks.
    let w = walk(
        &tree,
        &mut |_| Some("valid".into()),
        &none,
        QuestionMode::Ask,
    );
    assert!(matches!(w.state, WalkState::Asking { node } if node.id == "q"));
    // Check mode: the default answer ("no") leads to `bad`.
    let w = walk(
        &tree,
        &mut |_| Some("valid".into()),
        &none,
        QuestionMode::UseDefaults,
    );
    assert!(matches!(w.state, WalkState::Done));
    assert_eq!(w.answers_used, vec![("q".to_string(), "no".to_string())]);
    let ids: Vec<_> = w.path.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["a", "q", "bad"]);
    // A given answer wins; `then` continues to the end node.
    let yes = |id: &str| (id == "q").then(|| "yes".to_string());
    let w = walk(
        &tree,
        &mut |_| Some("valid".into()),
        &yes,
        QuestionMode::Ask,
    );
    let ids: Vec<_> = w.path.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["a", "q", "ok", "fin"]);
    assert_eq!(w.conclusions.len(), 1);
}

#[test]
fn embedded_tree_is_valid_and_reaches_every_decidable_cause() {
    let tree = Tree::embedded().expect("embedded tree is valid");
    let causes: Vec<&str> = tree
        .nodes()
        .filter_map(|n| match &n.kind {
            NodeKind::Conclusion(c) => Some(c.cause.as_str()),
            _ => None,
        })
        .collect();
    for code in [
        "ok.sending_works",
        "config.server_name_invalid",
        "config.server_not_found",
        "config.wrong_server",
        "config.wrong_port",
        "config.tls_on_starttls_port",
        "config.starttls_on_tls_port",
        "config.encryption_off",
        "config.auth_missing",
        "config.auth_rejected",
        "config.auth_mechanism_unsupported",
        "config.sender_rejected",
        "network.dns_unavailable",
        "server.host_unreachable",
        "server.client_ip_blocked",
        "server.service_down",
        "server.overloaded",
        "server.no_tls",
        "server.cert_expired",
        "server.cert_name_mismatch",
        "server.cert_untrusted",
        "server.tls_outdated",
        "reputation.client_ip_listed",
        "domain.auth_records_missing",
        "unknown.needs_server_side",
    ] {
        assert!(
            causes.contains(&code),
            "the embedded tree has no conclusion for {code}"
        );
    }
}

#[test]
fn shipped_tree_file_validates_through_the_cli() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "tree",
            "validate",
            concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tree.toml"),
        ])
        .output()
        .expect("run the binary");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let broken = std::env::temp_dir().join(format!("smtp-doctor-tree-{}.toml", std::process::id()));
    std::fs::write(
        &broken,
        BASE.replace(r#"signal = "server_name""#, r#"signal = "nope""#),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(["tree", "validate"])
        .arg(&broken)
        .output()
        .expect("run the binary");
    let _ = std::fs::remove_file(&broken);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(":7:10: unknown signal `nope`"), "{stdout}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// No input makes the loader panic: arbitrary text, and the base tree cut anywhere.
        #[test]
        fn loader_never_panics(text in "\\PC{0,400}", cut in 0usize..1200) {
            let _ = Tree::parse(&text, "p.toml");
            let end = BASE.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(BASE.len());
            if let Err(errs) = Tree::parse(&BASE[..end], "p.toml") {
                // Every error points inside the file.
                for e in errs.0 {
                    prop_assert!(e.line >= 1 && e.line <= BASE[..end].lines().count() + 1, "{e}");
                }
            }
        }
    }
}
