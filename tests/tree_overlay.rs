//! A host's overlays (`--tree-extra FILE`): merged over the tree by node id, with their own
//! cause codes and reply rules; every problem is named with its file, line and column. The
//! worked example of the README (`examples/host-overlay/billing-suspended.toml`) is
//! checked here without a network, and against the lab's Postfix in `tests/lab_engine.rs`.

use std::path::{Path, PathBuf};

use smtp_doctor::catalog::{Catalog, CatalogError, CatalogFiles};
use smtp_doctor::causes::Actor;
use smtp_doctor::checks::dns::Lookup;
use smtp_doctor::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use smtp_doctor::checks::tcp::{Attempt, PortReach, TcpOutcome};
use smtp_doctor::diagnosis::{diagnose, Verdict};
use smtp_doctor::facts::{Fact, Facts, Target, TargetSource};
use smtp_doctor::secret::Secret;
use smtp_doctor::settings::{Input, Security};
use smtp_doctor::tree::{NodeKind, QuestionMode};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/host-overlay/billing-suspended.toml"
);

/// A file in the temp folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "smtp-doctor-overlay-{}-{name}.toml",
            std::process::id()
        ));
        std::fs::write(&path, text).expect("write a temp file");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn load(overlays: &[&Path]) -> Result<Catalog, CatalogError> {
    Catalog::load(&CatalogFiles {
        tree_extra: overlays.iter().map(|p| p.to_path_buf()).collect(),
        ..CatalogFiles::default()
    })
}

/// The problems of loading the embedded tree with one overlay of `text`, as
/// (line, column, message); every one must be in that overlay.
fn errors(name: &str, text: &str) -> Vec<(usize, usize, String)> {
    let file = TempFile::new(name, text);
    match load(&[&file.0]) {
        Ok(_) => Vec::new(),
        Err(CatalogError::Tree(e)) => {
            e.0.into_iter()
                .map(|e| {
                    assert_eq!(e.file, file.0.display().to_string(), "{e}");
                    (e.line, e.column, e.message)
                })
                .collect()
        }
        Err(e) => panic!("not an overlay problem: {e}"),
    }
}

/// Exactly one problem, at `line:column`, whose message holds `needle`.
fn one_error(name: &str, text: &str, line: usize, column: usize, needle: &str) {
    let errs = errors(name, text);
    assert_eq!(errs.len(), 1, "expected one problem, got {errs:?}");
    let (l, c, m) = &errs[0];
    assert!(m.contains(needle), "{m:?} lacks {needle:?}");
    assert_eq!((*l, *c), (line, column), "wrong place for {m:?}");
}

fn branch<'t>(catalog: &'t Catalog, node: &str, key: &str) -> Option<&'t str> {
    match &catalog.tree.node(node)?.kind {
        NodeKind::Check { on, .. } => on.iter().find(|(o, _)| o == key).map(|(_, to)| to.as_str()),
        _ => None,
    }
}

#[test]
fn the_worked_example_merges_over_the_embedded_tree() {
    let catalog = load(&[Path::new(EXAMPLE)]).unwrap_or_else(|e| panic!("{e}"));
    let embedded = Catalog::embedded().expect("embedded catalog");
    assert_eq!(
        catalog.tree.nodes().count(),
        embedded.tree.nodes().count() + 1
    );
    for node in ["envelope", "envelope_also"] {
        assert_eq!(
            branch(&catalog, node, "host.billing_suspended"),
            Some("c_billing_suspended")
        );
        // The built-in branches stay as they are.
        assert_eq!(
            branch(&catalog, node, "sender_rejected"),
            branch(&embedded, node, "sender_rejected")
        );
    }
    assert!(catalog.causes.is_known("host.billing_suspended"));
    assert_eq!(
        catalog.causes.who_acts("host.billing_suspended"),
        Actor::Person
    );
    assert_eq!(catalog.replies.host().len(), 1);
    let origin = &catalog.replies.host()[0].origin;
    assert!(origin.ends_with("billing-suspended.toml:19"), "{origin}");
}

/// Port 587 answers, encrypts and takes the sign-in, then refuses the recipient with `reply`.
fn refused_after_sign_in(reply: &str) -> (Input, Facts) {
    let mut input = Input::new("alice@example.test");
    input.server = Some("smtp.example.test".into());
    input.port = Some(587);
    input.security = Some(Security::Starttls);
    input.password = Some(Secret::new("correct horse battery staple".into()));
    let mut facts = Facts::default();
    for fact in [
        Fact::Route(smtp_doctor::checks::network::RouteCheck {
            ipv4: true,
            ipv6: false,
        }),
        Fact::Target(Some(Target {
            host: "smtp.example.test".into(),
            source: TargetSource::Configured,
        })),
        Fact::ServerDns(Lookup::Found(vec!["198.51.100.25".parse().unwrap()])),
        Fact::Srv(Lookup::NoRecords),
        Fact::Provider(None),
        Fact::Plan(vec![587]),
        Fact::Port(Box::new(PortProbe {
            port: 587,
            reach: Some(PortReach {
                port: 587,
                attempts: vec![Attempt {
                    address: "198.51.100.25:587".parse().unwrap(),
                    outcome: TcpOutcome::Open,
                    duration_ms: 1,
                    error: None,
                    icmp: None,
                }],
            }),
            mode: Some(Mode::Plain),
            tls: Some(TlsResult::Verified { cert: None }),
            public_chain: Some(smtp_doctor::checks::intercept::PublicChain::Public),
            auth: Some(AuthOutcome::Accepted {
                mechanism: "PLAIN".into(),
            }),
            envelope: Some(EnvelopeOutcome::RcptRejected {
                reply: smtp_doctor::protocol::reply::parse_lines(&[reply.as_bytes()]).unwrap(),
            }),
            finished: true,
            ..PortProbe::default()
        })),
        Fact::Done,
    ] {
        facts.apply(fact);
    }
    (input, facts)
}

#[test]
fn the_hosts_reply_leads_to_the_hosts_conclusion() {
    let (input, facts) = refused_after_sign_in("550 5.7.1 Customer suspended");
    // Without the overlay: a refused recipient, for the host to look into.
    let embedded = Catalog::embedded().expect("embedded catalog");
    let before = diagnose(&embedded, &input, &facts, QuestionMode::UseDefaults);
    assert_eq!(before.causes[0].code, "unknown.needs_server_side");
    assert!(before.tell_host.is_some());

    let catalog = load(&[Path::new(EXAMPLE)]).unwrap_or_else(|e| panic!("{e}"));
    let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    assert_eq!(d.verdict, Verdict::Problem);
    let c = &d.causes[0];
    assert_eq!(c.code, "host.billing_suspended", "{:?}", d.path);
    assert_eq!(c.who_acts, Actor::Person);
    assert!(
        c.explanation.contains(
            "refused to send for alice@example.test: it answered \"550 5.7.1 Customer suspended\""
        ),
        "{}",
        c.explanation
    );
    assert!(c.fix[0].contains("https://billing.example-host.test/invoices"));
    assert_eq!(
        d.path.last().map(String::as_str),
        Some("c_billing_suspended")
    );
    // The person pays; there is nothing to tell the host.
    assert_eq!(d.tell_host, None);
    // Any other refusal still goes the built-in way.
    let (input, facts) = refused_after_sign_in("550 5.1.1 <x@example.test>: User unknown");
    let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    assert_eq!(d.causes[0].code, "unknown.needs_server_side");
}

#[test]
fn nodes_are_added_replaced_and_rerouted_by_id() {
    let text = r#"# A host sends blocked-port cases to its own page, words its own wrong-password
# answer, and stops after "sending works".
[node.port_block.on]
blocked_here = "c_our_ports"

[node.c_our_ports]
kind = "conclusion"
step = "network"
cause = "network.outbound_port_blocked"
confidence = "confirmed"
title = "This network blocks port {port}"
explanation = "See https://help.example-host.test/ports."
fix = ["Use port 2525."]

[node.c_auth_rejected]
kind = "conclusion"
step = "settings"
cause = "config.auth_rejected"
confidence = "confirmed"
title = "Wrong password"
explanation = "Reset it at https://account.example-host.test/."
fix = ["Reset the password."]

[node.c_ok]
then = "end"
"#;
    let file = TempFile::new("merge", text);
    let catalog = load(&[&file.0]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        branch(&catalog, "port_block", "blocked_here"),
        Some("c_our_ports")
    );
    assert_eq!(
        branch(&catalog, "port_block", "server_side"),
        Some("c_wrong_port")
    );
    let replaced = catalog.tree.node("c_auth_rejected").expect("replaced node");
    assert_eq!(replaced.title, "Wrong password");
    match &catalog.tree.node("c_ok").expect("c_ok").kind {
        NodeKind::Conclusion(c) => assert_eq!(c.then.as_deref(), Some("end")),
        other => panic!("{other:?}"),
    }
    // The built-in c_port_blocked is now reached from nowhere: allowed for the base's nodes.
    assert!(catalog.tree.node("c_port_blocked").is_some());
}

#[test]
fn later_overlays_win_and_may_not_declare_a_code_twice() {
    let first = TempFile::new(
        "first",
        "[node.port_block.on]\nblocked_here = \"c_wrong_port\"\n",
    );
    let second = TempFile::new(
        "second",
        "[node.port_block.on]\nblocked_here = \"c_port_blocked\"\n",
    );
    let catalog = load(&[&first.0, &second.0]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        branch(&catalog, "port_block", "blocked_here"),
        Some("c_port_blocked")
    );
    let cause = "[[cause]]\ncode = \"host.x\"\nmeaning = \"x\"\nwho_acts = \"host\"\n";
    let a = TempFile::new("decl_a", cause);
    let b = TempFile::new("decl_b", cause);
    match load(&[&a.0, &b.0]) {
        Err(CatalogError::Tree(e)) => {
            assert_eq!(e.0.len(), 1, "{e}");
            assert_eq!(e.0[0].file, b.0.display().to_string());
            assert_eq!((e.0[0].line, e.0[0].column), (1, 1));
            assert!(e.0[0].message.contains("`host.x` is declared twice"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn node_problems_have_their_place() {
    one_error("syntax", "[node.envelope.on\n", 1, 18, "TOML syntax error");
    one_error(
        "key",
        "start = \"network\"\n",
        1,
        1,
        "unknown key `start` in an overlay",
    );
    one_error(
        "new",
        "[node.c_new]\ntitle = \"New\"\n",
        1,
        7,
        "node `c_new` is not in the tree: a new node needs `kind`",
    );
    one_error(
        "patch_key",
        "[node.c_ok]\ntitle = \"Works\"\n",
        2,
        1,
        "`title` cannot be changed in node `c_ok`",
    );
    one_error(
        "on_conclusion",
        "[node.c_ok.on]\nok = \"end\"\n",
        1,
        12,
        "node `c_ok` is not a check node",
    );
    one_error(
        "then_check",
        "[node.envelope]\nthen = \"end\"\n",
        2,
        1,
        "node `envelope` is not a conclusion",
    );
    one_error(
        "outcome",
        "[node.envelope.on]\nmaybe = \"end\"\n",
        2,
        1,
        "signal `envelope` has no outcome `maybe` (nor is it a known cause code)",
    );
    one_error(
        "cause_branch",
        "[node.tls.on]\n\"server.cert_expired\" = \"end\"\n",
        2,
        1,
        "only signals that read server replies branch on cause codes",
    );
    one_error(
        "target",
        "[node.envelope.on]\naccepted = \"c_okk\"\n",
        2,
        12,
        "unknown node `c_okk`",
    );
    one_error(
        "cycle",
        "[node.c_ok]\nthen = \"network\"\n",
        2,
        8,
        "cycle: `c_ok` leads back to `network`",
    );
    one_error(
        "orphan",
        "[node.c_orphan]\nkind = \"end\"\nstep = \"server\"\ntitle = \"Orphan\"\n",
        1,
        7,
        "node `c_orphan` cannot be reached from `start`",
    );
    // A new node is checked like a node of the tree: here it has no fix steps, and names a
    // placeholder that does not exist.
    let errs = errors(
        "bad_node",
        r#"[node.envelope.on]
recipient_rejected = "c_bad"

[node.c_bad]
kind = "conclusion"
step = "server"
cause = "unknown.needs_server_side"
confidence = "possible"
title = "Bad"
explanation = "See {billing_url}."
"#,
    );
    let got: Vec<(usize, usize)> = errs.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got, vec![(4, 7), (10, 20)], "{errs:?}");
    assert!(errs[0].2.contains("missing `fix`"));
    assert!(errs[1].2.contains("unknown placeholder `{billing_url}`"));
}

#[test]
fn cause_and_reply_problems_have_their_place() {
    let decl = |code: &str, who: &str| {
        format!("[[cause]]\ncode = \"{code}\"\nmeaning = \"A host's own cause.\"\nwho_acts = \"{who}\"\n")
    };
    one_error(
        "namespace",
        &decl("billing_suspended", "person"),
        2,
        8,
        "`billing_suspended` is not a host's cause code",
    );
    one_error(
        "contract",
        &decl("config.auth_rejected", "person"),
        1,
        1,
        "`config.auth_rejected` is a cause code of the contract",
    );
    one_error(
        "who",
        &decl("host.x", "boss"),
        4,
        12,
        "unknown `who_acts` `boss`",
    );
    one_error(
        "meaning",
        "[[cause]]\ncode = \"host.x\"\nwho_acts = \"host\"\n",
        1,
        1,
        "missing `meaning`",
    );
    one_error(
        "undeclared",
        r#"[node.envelope.on]
recipient_rejected = "c_x"

[node.c_x]
kind = "conclusion"
step = "server"
cause = "host.undeclared"
confidence = "likely"
title = "X"
explanation = "X."
fix = ["X."]
"#,
        7,
        9,
        "unknown cause code `host.undeclared`",
    );
    one_error(
        "reply_cause",
        "[[reply]]\nstage = \"rcpt\"\ncontains = \"suspended\"\ncause = \"host.nope\"\n",
        4,
        9,
        "unknown cause code `host.nope`",
    );
    one_error(
        "reply_outcome",
        "[[reply]]\nstage = \"rcpt\"\ncontains = \"suspended\"\noutcome = \"suspended\"\n",
        4,
        11,
        "`suspended` is not an outcome for stage `rcpt`",
    );
    one_error(
        "reply_example",
        "[[reply]]\nstage = \"rcpt\"\ncontains = \"suspended\"\noutcome = \"sender_rejected\"\nexample = \"550 on hold\"\n",
        5,
        11,
        "`example` does not match",
    );
}

#[test]
fn an_unreadable_overlay_is_one_problem() {
    match load(&[Path::new("/nonexistent/overlay.toml")]) {
        Err(CatalogError::Tree(e)) => {
            assert_eq!(e.0.len(), 1);
            assert!(e
                .to_string()
                .starts_with("/nonexistent/overlay.toml:0:0: cannot read"));
        }
        other => panic!("{other:?}"),
    }
}

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .output()
        .expect("run the binary")
}

#[test]
fn tree_validate_and_check_take_overlays() {
    let tree = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tree.toml");
    let out = run(&["tree", "validate", tree, "--tree-extra", EXAMPLE]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("with 1 overlay: valid"), "{stdout}");

    let broken = TempFile::new("cli", "[node.envelope.on]\nmaybe = \"end\"\n");
    let path = broken.0.display().to_string();
    let out = run(&[
        "tree",
        "validate",
        tree,
        "--tree-extra",
        EXAMPLE,
        "--tree-extra",
        &path,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "{path}:2:1: signal `envelope` has no outcome `maybe`"
        )),
        "{stdout}"
    );
    // `check` refuses a broken overlay before any network check: one line, exit 2.
    let out = run(&["check", "--email", "a@b.test", "--tree-extra", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("invalid tree: {path}:2:1:")),
        "{stderr}"
    );
}
