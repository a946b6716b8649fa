//! The walk: a cause named by a reply rule steers it, and only signals that read replies
//! branch on causes.

use super::*;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe};
use crate::tree::Tree;

/// A tree that asks the envelope test only, with a branch for one cause code.
fn envelope_tree(cause_branch: &str) -> Tree {
    let text = format!(
        r#"start = "env"

[node.env]
kind = "check"
step = "server"
title = "Envelope"
signal = "envelope"
on = {{ accepted = "fin", auth_required = "fin", relay_denied = "fin", sender_rejected = "fin", recipient_rejected = "fin", client_blocked = "fin", tls_required = "tls", temp_failure = "busy", not_tried = "fin"{cause_branch} }}

[node.busy]
kind = "conclusion"
step = "server"
cause = "server.overloaded"
confidence = "likely"
title = "Busy"
explanation = "Busy: {{reply}}"
fix = ["Wait."]

[node.tls]
kind = "conclusion"
step = "settings"
cause = "config.encryption_off"
confidence = "likely"
title = "Encryption"
explanation = "Switch it on."
fix = ["Do it."]

[node.fin]
kind = "end"
step = "server"
title = "End"
"#
    );
    Tree::parse(&text, "t.toml").expect("a valid tree")
}

/// Port 587 signed in, then MAIL FROM refused with `reply`.
fn refused_sender(reply: &str) -> Facts {
    let parsed = crate::protocol::reply::parse_lines(&[reply.as_bytes()]).expect("reply");
    let mut facts = Facts {
        done: true,
        provider: Some(None),
        ..Facts::default()
    };
    facts.ports.insert(
        587,
        PortProbe {
            port: 587,
            mode: Some(Mode::Plain),
            auth: Some(AuthOutcome::Accepted {
                mechanism: "PLAIN".into(),
            }),
            envelope: Some(EnvelopeOutcome::MailRejected { reply: parsed }),
            finished: true,
            ..PortProbe::default()
        },
    );
    facts
}

#[test]
fn a_cause_named_by_a_profile_rule_steers_the_walk() {
    let embedded = Catalog::embedded().expect("embedded catalog");
    let input = Input::new("alice@example.test");
    // Microsoft's wording, a generic profile rule: `config.encryption_off`. The envelope
    // outcome is still `temp_failure` (a 4xx), as before.
    let facts = refused_sender("451 5.7.3 STARTTLS is required to send mail");
    let mut catalog = (*embedded).clone();
    catalog.tree = envelope_tree("");
    let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    assert_eq!(d.causes[0].code, "server.overloaded");
    assert_eq!(
        d.causes[0].explanation,
        "Busy: 451 5.7.3 STARTTLS is required to send mail"
    );
    // A tree that branches on the cause takes that branch first.
    catalog.tree = envelope_tree(r#", "config.encryption_off" = "tls""#);
    let d = diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    assert_eq!(d.causes[0].code, "config.encryption_off");
    assert_eq!(d.path, ["env", "tls"]);
}

#[test]
fn only_reply_signals_branch_on_causes() {
    let text = r#"start = "a"

[node.a]
kind = "check"
step = "settings"
title = "A"
signal = "server_name"
on = { valid = "fin", invalid = "fin", missing = "fin", "config.wrong_server" = "fin" }

[node.fin]
kind = "end"
step = "server"
title = "End"
"#;
    let errors = Tree::parse(text, "t.toml").expect_err("a cause branch at server_name");
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert!(errors.0[0]
        .message
        .contains("only signals that read server replies branch on cause codes"));
    assert_eq!((errors.0[0].line, errors.0[0].column), (8, 57));
    let text = text
        .replace("server_name", "envelope")
        .replace(
            "valid = \"fin\", invalid = \"fin\", missing = \"fin\", \"config.wrong_server\"",
            "accepted = \"fin\", auth_required = \"fin\", relay_denied = \"fin\", sender_rejected = \"fin\", recipient_rejected = \"fin\", client_blocked = \"fin\", tls_required = \"fin\", temp_failure = \"fin\", not_tried = \"fin\", \"config.no_such\"",
        );
    let errors = Tree::parse(&text, "t.toml").expect_err("an unknown cause");
    assert!(
        errors.0[0].message.contains("nor is it a known cause code"),
        "{errors}"
    );
}
