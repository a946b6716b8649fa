//! Every kind of screen drawn on a `TestBackend` at 80x24 and 120x40, compared with the
//! reviewed snapshots in `tests/snapshots/`. The view-model is built by hand (or from a
//! hand-made `Diagnosis`), so these pictures do not depend on a network or on the tree.

use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::causes::Actor;
use smtp_doctor::checks::Status;
use smtp_doctor::diagnosis::{Cause, Diagnosis, Progress, TellHost, Tested, Verdict};
use smtp_doctor::facts::{Target, TargetSource};
use smtp_doctor::settings::{Endpoint, Input, Options, Security};
use smtp_doctor::tree::Confidence;
use smtp_doctor::ui::model::{
    Clock, Failure, FailureKind, Field, Model, Overlay, SaveStatus, Screen, Symptom, TextField,
};
use smtp_doctor::ui::view;
use smtp_doctor::ui::view::footer::{self, Hint, Priority};
use smtp_doctor::ui::vm::{
    result_view, CheckRow, ChecksView, ChoiceView, QuestionView, RowState, StepId, StepView,
    TechRow, TechView,
};
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn input() -> Input {
    let mut i = Input::new("alice@example.test");
    i.server = Some("smtp.example.test".into());
    i.port = Some(587);
    i.security = Some(Security::Tls);
    i.user = Some("alice@example.test".into());
    i
}

fn model_with(i: Input, options: UiOptions) -> Model {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    Model::new(i, Options::default(), catalog, options, clock)
}

fn model() -> Model {
    model_with(input(), UiOptions::default())
}

fn draw(m: &mut Model, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut rendered = None;
    t.draw(|f| rendered = Some(view::render(f, m)))
        .expect("draw");
    m.rendered = rendered.expect("rendered");
    t
}

fn snap(name: &str, m: &mut Model) {
    for (w, h) in SIZES {
        let t = draw(m, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

fn with_run(m: &mut Model) {
    m.run.input = Some(m.input.clone());
}

#[test]
fn start() {
    let mut m = model();
    m.start_focus = 1;
    snap("start", &mut m);
}

#[test]
fn error_message_recognised() {
    let mut m = model();
    m.screen = Screen::ErrorText;
    m.back = vec![Screen::Start];
    m.error.text = TextField::new(
        "Task 'alice@example.test - Sending' reported error (0x800CCC0E) : 'Outlook cannot connect to your outgoing (SMTP) e-mail server. The server responded: 535 5.7.8 Error: authentication failed'",
    );
    m.error.recognised = smtp_doctor::error_text::recognise(m.error.text.value());
    snap("error_message_recognised", &mut m);
}

#[test]
fn error_message_empty() {
    let mut m = model();
    m.screen = Screen::ErrorText;
    m.error.focus = 1;
    snap("error_message_empty", &mut m);
}

#[test]
fn account_prefilled_with_a_complaint() {
    let mut m = model();
    m.screen = Screen::Account;
    m.form.password = TextField::new("correct horse battery staple");
    m.form.port = TextField::new("58x");
    m.form.focus = Field::Port;
    m.form.problem = Some((
        Field::Port,
        "The port is a number from 1 to 65535, such as 587.".into(),
    ));
    snap("account_prefilled", &mut m);
}

#[test]
fn account_at_a_provider_that_wants_an_app_password() {
    // The warning stands under the password before anything is typed or sent.
    let mut m = model_with(Input::new("someone@gmail.com"), UiOptions::default());
    m.screen = Screen::Account;
    m.form.focus = Field::Password;
    snap("account_app_password", &mut m);
    let mut plain = model_with(Input::new("someone@example.test"), UiOptions::default());
    plain.screen = Screen::Account;
    let screen = format!("{:?}", draw(&mut plain, 80, 24).backend().buffer());
    assert!(!screen.contains("app password"));
}

#[test]
fn account_empty_without_authentication() {
    let mut m = model_with(Input::new(""), UiOptions::default());
    m.screen = Screen::Account;
    m.form.auth = false;
    m.form.focus = Field::Check;
    snap("account_empty", &mut m);
}

fn row(id: &str, label: &str, state: RowState, summary: &str) -> CheckRow {
    CheckRow {
        id: id.into(),
        label: label.into(),
        state,
        summary: summary.into(),
    }
}

fn running_checks() -> ChecksView {
    let running = |ms| RowState::Running {
        elapsed: Duration::from_millis(ms),
        budget: Duration::from_secs(5),
        per_step: false,
    };
    ChecksView {
        steps: vec![
            StepView {
                step: StepId::Settings,
                rows: vec![
                    row(
                        "dns.server.a",
                        "Finding the server by its name",
                        RowState::Done(Status::Pass),
                        "smtp.example.test has address 127.0.10.1",
                    ),
                    row(
                        "dns.domain.mx",
                        "Your domain's mail servers (MX)",
                        RowState::Done(Status::Pass),
                        "mail for the domain goes to mx.example.test",
                    ),
                    row(
                        "dns.domain.txt",
                        "Your domain's sender policy (SPF)",
                        RowState::Done(Status::Warn),
                        "no SPF record",
                    ),
                    row(
                        "dns.domain.dmarc",
                        "Your domain's DMARC policy",
                        RowState::Done(Status::Pass),
                        "DMARC: v=DMARC1; p=none",
                    ),
                    row(
                        "dns.domain.srv",
                        "Your domain's published mail server",
                        RowState::Done(Status::Skip),
                        "no submission SRV record (nxdomain)",
                    ),
                ],
            },
            StepView {
                step: StepId::Network,
                rows: vec![
                    row(
                        "tcp.587",
                        "Reaching the server on port 587",
                        RowState::Done(Status::Pass),
                        "port 587 open (127.0.10.1:587)",
                    ),
                    row(
                        "tcp.465",
                        "Reaching the server on port 465",
                        running(1200),
                        "",
                    ),
                    row(
                        "tcp.25",
                        "Reaching the server on port 25",
                        RowState::Done(Status::Fail),
                        "port 25 silent (127.0.10.1:25)",
                    ),
                ],
            },
            StepView {
                step: StepId::Server,
                rows: vec![
                    row(
                        "smtp.587",
                        "Talking to the server on port 587",
                        RowState::Running {
                            elapsed: Duration::from_millis(2400),
                            budget: Duration::from_secs(5),
                            per_step: true,
                        },
                        "encrypted; certificate for smtp.example.test verified",
                    ),
                    row(
                        "smtp.465",
                        "Talking to the server on port 465",
                        RowState::Waiting,
                        "",
                    ),
                    row(
                        "smtp.25",
                        "Talking to the server on port 25",
                        RowState::NotRun,
                        "an earlier step failed",
                    ),
                ],
            },
        ],
        current: Some(StepId::Network),
        question: None,
        finished: false,
    }
}

#[test]
fn checks_running() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    m.vm.checks = running_checks();
    snap("checks_running", &mut m);
}

#[test]
fn checks_with_a_question() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    let mut v = running_checks();
    v.current = Some(StepId::Network);
    v.question = Some(QuestionView {
        id: "webmail_works".into(),
        text: "Can you send mail from this computer through your provider's webmail?".into(),
        help: "Open your provider's web page in a browser and send yourself a message.".into(),
        choices: vec![
            ChoiceView {
                id: "yes".into(),
                label: "Yes, webmail sends".into(),
            },
            ChoiceView {
                id: "no".into(),
                label: "No, webmail fails too".into(),
            },
            ChoiceView {
                id: "unknown".into(),
                label: "I don't know".into(),
            },
        ],
        default: Some(2),
    });
    m.vm.checks = v;
    m.question_focus = 2;
    snap("checks_question", &mut m);
}

/// The walk decided before the server's checks ran: the steps count only what ran.
#[test]
fn checks_finished_early() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    let not_needed =
        |id: &str, label: &str| row(id, label, RowState::NotRun, "not needed for this result");
    let mut v = running_checks();
    v.steps[1].rows = vec![
        row(
            "tcp.587",
            "Reaching the server on port 587",
            RowState::Done(Status::Pass),
            "port 587 open (127.0.10.1:587)",
        ),
        not_needed("tcp.465", "Reaching the server on port 465"),
        not_needed("tcp.25", "Reaching the server on port 25"),
    ];
    v.steps[2].rows = vec![
        not_needed("smtp.587", "Talking to the server on port 587"),
        not_needed("smtp.465", "Talking to the server on port 465"),
        not_needed("smtp.25", "Talking to the server on port 25"),
    ];
    v.current = None;
    v.finished = true;
    m.vm.checks = v;
    snap("checks_finished_early", &mut m);
}

fn cause(
    code: &str,
    confidence: Confidence,
    title: &str,
    explanation: &str,
    fix: &[&str],
) -> Cause {
    Cause {
        code: code.into(),
        confidence,
        title: title.into(),
        explanation: explanation.into(),
        fix: fix.iter().map(std::string::ToString::to_string).collect(),
        evidence: Vec::new(),
        who_acts: Actor::of_contract(code),
    }
}

fn recommended() -> Endpoint {
    Endpoint {
        server: "smtp.example.test".into(),
        port: 587,
        security: Security::Starttls,
        user: Some("alice@example.test".into()),
    }
}

fn diagnosis(
    verdict: Verdict,
    causes: Vec<Cause>,
    recommended: Option<Endpoint>,
    ip: Option<&str>,
) -> Diagnosis {
    let public_ip = ip.map(|s| s.parse().expect("ip"));
    // What `input()` configured: the host is asked about smtp.example.test port 587.
    let tell_host = causes
        .first()
        .filter(|c| c.who_acts == Actor::Host)
        .map(|c| TellHost {
            code: c.code.clone(),
            public_ip,
            server: "smtp.example.test".into(),
            ports: vec![587],
        });
    Diagnosis {
        verdict,
        causes,
        recommended,
        public_ip,
        progress: Progress::Done,
        path: vec!["start".into(), "end".into()],
        answers: Vec::new(),
        tested: Tested {
            email: "alice@example.test".into(),
            server: Some("smtp.example.test".into()),
            port: Some(587),
            security: Some(Security::Tls),
            user: Some("alice@example.test".into()),
            password_given: false,
        },
        error: None,
        provider: None,
        target: Some(Some(Target {
            host: "smtp.example.test".into(),
            source: TargetSource::Configured,
        })),
        plan: vec![587, 465, 25],
        checks: Vec::new(),
        pending: Vec::new(),
        transcript: Vec::new(),
        finished: true,
        tell_host,
    }
}

fn snap_result(name: &str, d: Diagnosis) {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Result;
    m.reached_result = true;
    m.vm.result = Some(result_view(&d, datetime!(2026-01-02 03:04:05 UTC)));
    m.diagnosis = Some(d);
    snap(name, &mut m);
}

#[test]
fn result_sending_works() {
    snap_result(
        "result_ok",
        diagnosis(
            Verdict::Ok,
            vec![
                cause(
                    "ok.sending_works",
                    Confidence::Confirmed,
                    "Sending works with these settings.",
                    "The server accepted the connection, the encryption, your sign-in and a test sender and recipient. No mail was sent.",
                    &[],
                ),
                cause(
                    "domain.auth_records_missing",
                    Confidence::Possible,
                    "Your domain publishes no SPF record, so some receivers may treat your mail as spam.",
                    "",
                    &["Ask whoever manages example.test to publish an SPF record."],
                ),
            ],
            Some(recommended()),
            Some("198.51.100.7"),
        ),
    );
}

#[test]
fn result_tls_on_starttls_port() {
    snap_result(
        "result_tls_on_starttls_port",
        diagnosis(
            Verdict::Problem,
            vec![
                cause(
                    "config.tls_on_starttls_port",
                    Confidence::Confirmed,
                    "Outlook is set to SSL/TLS on port 587, but that port starts without encryption and switches with STARTTLS.",
                    "The server on port 587 greets in plain text and offers STARTTLS. A client set to SSL/TLS waits for encryption first, so both sides wait until the connection times out.",
                    &[
                        "In Outlook, open File › Account Settings › Account Settings, pick alice@example.test and choose Change.",
                        "Choose More Settings › Advanced.",
                        "Set \"Use the following type of encrypted connection\" to STARTTLS and keep the port 587.",
                        "Choose OK, Next, then Done, and send a test message.",
                    ],
                ),
                cause(
                    "config.wrong_port",
                    Confidence::Possible,
                    "If STARTTLS is not offered in your Outlook, use port 465 with SSL/TLS instead.",
                    "",
                    &["Set the outgoing server port to 465 and the encryption to SSL/TLS."],
                ),
            ],
            Some(recommended()),
            None,
        ),
    );
}

#[test]
fn result_auth_rejected() {
    snap_result(
        "result_auth_rejected",
        diagnosis(
            Verdict::Problem,
            vec![cause(
                "config.auth_rejected",
                Confidence::Confirmed,
                "The server refused the user name or the password.",
                "The server said: 535 5.7.8 Error: authentication failed. The connection and the encryption work.",
                &[
                    "Check that the user name is your whole address: alice@example.test.",
                    "Type the password again in Outlook (File › Account Settings › Update password).",
                    "If you recently changed it on the web, use the new one here too.",
                ],
            )],
            Some(recommended()),
            Some("198.51.100.7"),
        ),
    );
}

#[test]
fn result_client_ip_blocked() {
    snap_result(
        "result_client_ip_blocked",
        diagnosis(
            Verdict::Problem,
            vec![
                cause(
                    "server.client_ip_blocked",
                    Confidence::Likely,
                    "The server does not answer this network at all: it has most likely blocked it.",
                    "Every mail port of smtp.example.test is silent from here, while other servers answer. Mail servers block an address for a while after several failed sign-ins.",
                    &[
                        "Stop Outlook from retrying: close it for now.",
                        "Send your email host the box below and ask them to lift the block.",
                        "Then type the password again in Outlook, once, carefully.",
                    ],
                ),
                cause(
                    "network.outbound_port_blocked",
                    Confidence::Possible,
                    "This network may block outgoing mail ports.",
                    "",
                    &["Try from another network, such as your phone's hotspot."],
                ),
            ],
            None,
            Some("198.51.100.7"),
        ),
    );
}

/// No source found this network's address: the box asks the host to find the attempt
/// by its time, never "unknown".
#[test]
fn result_client_ip_blocked_without_an_address() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Result;
    m.reached_result = true;
    let d = diagnosis(
        Verdict::Problem,
        vec![cause(
            "server.client_ip_blocked",
            Confidence::Likely,
            "The server does not answer this network at all: it has most likely blocked it.",
            "Every mail port of smtp.example.test is silent from here, while other servers answer.",
            &[
                "Stop Outlook from retrying: close it for now.",
                "Send your email host the box below and ask them to lift the block.",
            ],
        )],
        None,
        None,
    );
    m.vm.result = Some(result_view(&d, datetime!(2026-01-02 03:04:05 UTC)));
    m.diagnosis = Some(d);
    // The box in view at 80x24.
    m.scroll.result = 6;
    snap("result_client_ip_blocked_no_address", &mut m);
}

#[test]
fn result_cert_expired() {
    snap_result(
        "result_cert_expired",
        diagnosis(
            Verdict::Problem,
            vec![cause(
                "server.cert_expired",
                Confidence::Confirmed,
                "The server's certificate expired on 2021-06-30, so Outlook refuses the encrypted connection.",
                "The certificate of expired.example.test is out of date. Only your email host can renew it.",
                &["Tell your email host (the box below).", "Until it is renewed, do not switch encryption off: your password would travel unprotected."],
            )],
            None,
            None,
        ),
    );
}

#[test]
fn result_outbound_port_blocked() {
    snap_result(
        "result_outbound_port_blocked",
        diagnosis(
            Verdict::Problem,
            vec![cause(
                "network.outbound_port_blocked",
                Confidence::Likely,
                "This network blocks port 25, the one Outlook uses; port 587 works.",
                "Many internet providers block port 25 for their customers. Port 587 with STARTTLS is the port meant for mail programs.",
                &["Set the outgoing server port to 587.", "Set the encryption to STARTTLS."],
            )],
            Some(recommended()),
            None,
        ),
    );
}

#[test]
fn result_inconclusive() {
    snap_result(
        "result_inconclusive",
        diagnosis(
            Verdict::Inconclusive,
            vec![cause(
                "unknown.needs_server_side",
                Confidence::Possible,
                "Everything we can test from here works; the cause must be looked at on the server.",
                "The server accepts the connection, the encryption and the sign-in, but Outlook still reports an error.",
                &["Save the report and send it to your email host."],
            )],
            Some(recommended()),
            Some("198.51.100.7"),
        ),
    );
}

#[test]
fn result_scrolled() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Result;
    let d = diagnosis(
        Verdict::Problem,
        vec![cause(
            "config.auth_rejected",
            Confidence::Confirmed,
            "The server refused the user name or the password.",
            "The server said: 535 5.7.8 Error: authentication failed.",
            &["One.", "Two.", "Three."],
        )],
        Some(recommended()),
        None,
    );
    // The checks have not all ended yet.
    let d = Diagnosis {
        finished: false,
        ..d
    };
    m.vm.result = Some(result_view(&d, datetime!(2026-01-02 03:04:05 UTC)));
    m.scroll.result = 4;
    m.result_focus = 2;
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("result_scrolled_80x24", t.backend());
}

fn tech() -> TechView {
    let r = |symbol: &str, word: &str, id: &str, time: &str, summary: &str| TechRow {
        symbol: symbol.into(),
        word: word.into(),
        id: id.into(),
        time: time.into(),
        summary: summary.into(),
    };
    TechView {
        input: "alice@example.test · server smtp.example.test · port 587 · SSL/TLS · user alice@example.test · password given (not shown)".into(),
        path: "server_name → server_dns → reachability → port_mode → tls_on_starttls".into(),
        causes: "config.tls_on_starttls_port (confirmed), config.wrong_port (possible)".into(),
        checks: vec![
            r("✓", "passed", "dns.server.a", "3 ms", "smtp.example.test has address 127.0.10.1"),
            r("✓", "passed", "dns.domain.mx", "4 ms", "mail for the domain goes to mx.example.test"),
            r("!", "warning", "dns.domain.txt", "4 ms", "no SPF record"),
            r("✓", "passed", "tcp.587", "1 ms", "port 587 open (127.0.10.1:587)"),
            r("✓", "passed", "smtp.587.greeting", "12 ms", "plain-text greeting: 220 smtp.example.test ESMTP Postfix"),
            r("✓", "passed", "smtp.587.ehlo", "", "capabilities: PIPELINING, SIZE 10240000, STARTTLS, ENHANCEDSTATUSCODES, 8BITMIME"),
            r("✓", "passed", "tls.587", "21 ms", "encrypted; certificate for smtp.example.test verified"),
            r("✓", "passed", "smtp.587.auth", "30 ms", "sign-in accepted (PLAIN)"),
            r("…", "still running", "tcp.25", "2.5 s", ""),
        ],
        transcript: vec![
            "  587 S: 220 smtp.example.test ESMTP Postfix".into(),
            "  587 C: EHLO smtp-doctor.invalid".into(),
            "  587 S: 250-smtp.example.test".into(),
            "  587 S: 250 STARTTLS".into(),
            "  587 C: STARTTLS".into(),
            "  587 S: 220 2.0.0 Ready to start TLS".into(),
            "  587 C: AUTH PLAIN [redacted]".into(),
            "  587 S: 235 2.7.0 Authentication successful".into(),
        ],
    }
}

#[test]
fn technical_view() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    m.vm.checks = running_checks();
    m.vm.tech = tech();
    m.overlays = vec![Overlay::Technical];
    snap("technical", &mut m);
}

#[test]
fn technical_view_before_any_check() {
    let mut m = model_with(Input::new(""), UiOptions::default());
    m.overlays = vec![Overlay::Technical];
    m.symptom = Some(Symptom::Agent);
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("technical_empty_80x24", t.backend());
}

#[test]
fn help() {
    let mut m = model();
    m.overlays = vec![Overlay::Help];
    snap("help", &mut m);
}

#[test]
fn report_saved() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Report;
    m.report.path = TextField::new("./smtp-doctor-report-20260102-030405.md");
    m.report.focus = 1;
    m.report.status = Some(SaveStatus::Saved(
        "./smtp-doctor-report-20260102-030405.md".into(),
    ));
    snap("report_saved", &mut m);
}

#[test]
fn report_not_ready() {
    let mut m = model();
    m.screen = Screen::Report;
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("report_not_ready_80x24", t.backend());
}

#[test]
fn copy_text() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::CopyText;
    m.copy_text = "smtp-doctor 0.1.0 - outgoing mail check for alice@example.test\nSettings tested: server smtp.example.test, port 587, encryption SSL/TLS, password given\n\n✗ PROBLEM: Outlook is set to SSL/TLS on port 587, but that port expects STARTTLS.\n\nDo this:\n   1. Set the encryption to STARTTLS.\n\nChecks:\n  ✓ passed  tcp.587                 1 ms  port 587 open (127.0.10.1:587)\n".into();
    snap("copy_text", &mut m);
}

#[test]
fn failure() {
    let mut m = model();
    m.screen = Screen::Failure;
    m.failure = Some(Failure {
        kind: FailureKind::Trust,
        message: "cannot read /srv/lab/pki/ca.pem: No such file or directory (os error 2)".into(),
        focus: 0,
    });
    snap("failure", &mut m);
}

#[test]
fn confirm_quit_over_checks() {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    m.vm.checks = running_checks();
    m.overlays = vec![Overlay::ConfirmQuit];
    snap("confirm_quit", &mut m);
    // Only the question's buttons can be clicked while it is open.
    let _ = draw(&mut m, 80, 24);
    assert_eq!(m.rendered.hits.len(), 2);
}

#[test]
fn tiny_terminal_does_not_panic() {
    let mut m = model();
    for screen in [
        Screen::Start,
        Screen::ErrorText,
        Screen::Account,
        Screen::Checks,
        Screen::Result,
        Screen::Report,
        Screen::ServerInput,
        Screen::ServerFindings,
        Screen::ServerAudit,
    ] {
        m.screen = screen;
        for (w, h) in [(1, 1), (10, 3), (20, 5), (40, 10)] {
            draw(&mut m, w, h);
        }
    }
}

/// Focus is never shown by colour alone: without colour it is reversed and marked.
#[test]
fn focus_shows_without_colour() {
    let mut m = model_with(
        input(),
        UiOptions {
            high_contrast: false,
            no_color: true,
        },
    );
    m.start_focus = 0;
    let t = draw(&mut m, 80, 24);
    let buf = t.backend().buffer();
    let row = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buf[(x, *y)].symbol().to_string())
                .collect::<String>()
                .contains("1  I see an error message")
        })
        .expect("choice drawn");
    let cell = &buf[(5, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
    assert_eq!(buf[(2, row)].symbol(), "›");
    // High contrast: the focus has its own strong colours.
    let mut m = model_with(
        input(),
        UiOptions {
            high_contrast: true,
            no_color: false,
        },
    );
    let t = draw(&mut m, 80, 24);
    let cell = &t.backend().buffer()[(5, row)];
    assert_eq!(cell.bg, ratatui::style::Color::Yellow);
}

// --- the mail-server path -------------------------------------------------------------

#[path = "support/server_findings.rs"]
mod server_findings;

use smtp_doctor::server::request::{Request, Target as Wanted};
use smtp_doctor::ui::server::Phase;

fn server_model() -> Model {
    let mut m = model_with(Input::new(""), UiOptions::default());
    m.symptom = Some(Symptom::Server);
    m.back = vec![Screen::Start];
    m
}

fn with_findings(m: &mut Model, outcomes: smtp_doctor::server::run::Outcomes) {
    m.screen = Screen::ServerFindings;
    m.back = vec![Screen::Start, Screen::ServerInput];
    m.server.generation = 1;
    m.server.phase = Phase::Done;
    m.server.request = Some(Request::new(Wanted::Ip("198.51.100.7".parse().unwrap())));
    m.server.examined = Some(server_findings::examined(outcomes));
    m.reached_result = true;
}

#[test]
fn server_input() {
    let mut m = server_model();
    m.screen = Screen::ServerInput;
    m.server.target = TextField::new("198.51.100.7");
    snap("server_input", &mut m);
}

#[test]
fn server_input_refused() {
    let mut m = server_model();
    m.screen = Screen::ServerInput;
    m.server.target = TextField::new("198.51.100.0/24");
    m.server.problem = Some(
        "`198.51.100.0/24` is a network; give the customer's single address, e.g. 198.51.100.7"
            .into(),
    );
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("server_input_refused_80x24", t.backend());
}

#[test]
fn server_reading() {
    let mut m = server_model();
    m.screen = Screen::ServerFindings;
    m.server.phase = Phase::Reading;
    m.server.request = Some(Request::new(Wanted::Report(
        "/home/support/smtp-doctor-report.md".into(),
    )));
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("server_reading_80x24", t.backend());
}

#[test]
fn server_findings_blocked() {
    let mut m = server_model();
    with_findings(&mut m, server_findings::blocked_outcomes());
    snap("server_findings_blocked", &mut m);
    // The rest of the findings scroll into view: blocks, log lines, services, sources.
    m.scroll.server = 30;
    snap("server_findings_blocked_scrolled", &mut m);
}

#[test]
fn server_findings_clear() {
    let mut m = server_model();
    with_findings(&mut m, server_findings::clear_outcomes());
    snap("server_findings_clear", &mut m);
}

#[test]
fn server_unblock_question() {
    let mut m = server_model();
    with_findings(&mut m, server_findings::blocked_outcomes());
    m.server.confirm = Some(1);
    snap("server_unblock_question", &mut m);
    // Only the question's buttons can be clicked while it is open.
    let _ = draw(&mut m, 80, 24);
    assert_eq!(m.rendered.hits.len(), 2);
}

#[test]
fn server_after_the_unblock() {
    let mut m = server_model();
    with_findings(&mut m, server_findings::clear_outcomes());
    let before = server_findings::examined(server_findings::blocked_outcomes()).report;
    let r = &mut m.server.examined.as_mut().unwrap().report;
    r.apply = Some(smtp_doctor::server::apply::ApplyReport {
        declined: false,
        commands: vec![smtp_doctor::server::apply::CommandOutcome {
            command: "csf -dr 198.51.100.7".into(),
            ok: true,
            detail: "csf: 198.51.100.7 removed from csf.deny".into(),
        }],
        before: before.blocks,
        block_gone: Some(true),
    });
    snap("server_after_unblock", &mut m);
}

// --- the audit: locked-out customers -------------------------------------------------------

#[path = "support/server_audit.rs"]
mod server_audit;

fn with_audit(m: &mut Model) {
    m.screen = Screen::ServerAudit;
    m.back = vec![Screen::Start, Screen::ServerInput];
    m.server.audit.generation = 1;
    m.server.audit.phase = Phase::Done;
    m.server.audit.report = Some(server_audit::report());
    m.reached_result = true;
}

#[test]
fn server_input_offers_the_audit() {
    let mut m = server_model();
    m.screen = Screen::ServerInput;
    m.server.focus = 3;
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("server_input_audit_focused_80x24", t.backend());
}

#[test]
fn server_audit_customers() {
    let mut m = server_model();
    with_audit(&mut m);
    snap("server_audit_customers", &mut m);
    // The rest (other kinds, advice, sources) scroll into view.
    m.scroll.server = 30;
    snap("server_audit_customers_scrolled", &mut m);
}

#[test]
fn server_audit_reading() {
    let mut m = server_model();
    m.screen = Screen::ServerAudit;
    m.server.audit.phase = Phase::Reading;
    let t = draw(&mut m, 80, 24);
    insta::assert_snapshot!("server_audit_reading_80x24", t.backend());
}

#[test]
fn server_audit_question() {
    let mut m = server_model();
    with_audit(&mut m);
    m.server.audit.confirm = Some(1);
    snap("server_audit_question", &mut m);
    // Only the question's buttons can be clicked while it is open.
    let _ = draw(&mut m, 80, 24);
    assert_eq!(m.rendered.hits.len(), 2);
}

// --- the key bar ---------------------------------------------------------------------------

/// The key bar's hints, when `line` is made of whole hints of `hints` in their order
/// (each with its label or its short label); `None` when it is anything else.
fn bar_hints(line: &str, hints: &[Hint]) -> Option<Vec<String>> {
    let body = line.trim_end().strip_prefix(' ')?;
    if body.is_empty() {
        return None;
    }
    let mut rest = hints.iter();
    let mut keys = Vec::new();
    for token in body.split("  ") {
        let whole = |h: &&Hint| {
            let k = &h.key;
            token == format!("{} {}", k.key, k.label)
                || k.short
                    .as_ref()
                    .is_some_and(|s| token == format!("{} {s}", k.key))
        };
        keys.push(rest.find(whole)?.key.key.clone());
    }
    Some(keys)
}

type Build = Box<dyn Fn() -> Model>;

fn result_model() -> Model {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Result;
    m.reached_result = true;
    let d = diagnosis(
        Verdict::Problem,
        vec![cause(
            "server.client_ip_blocked",
            Confidence::Likely,
            "Blocked.",
            "",
            &["Tell your host."],
        )],
        None,
        None,
    );
    m.vm.result = Some(result_view(&d, datetime!(2026-01-02 03:04:05 UTC)));
    m.diagnosis = Some(d);
    m
}

fn checks_model(question: bool) -> Model {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Checks;
    m.vm.checks = running_checks();
    if question {
        m.vm.checks.question = Some(QuestionView {
            id: "q".into(),
            text: "Can you send from webmail?".into(),
            help: String::new(),
            choices: vec![ChoiceView {
                id: "yes".into(),
                label: "Yes".into(),
            }],
            default: Some(0),
        });
    }
    m
}

/// Every screen and overlay the model can be in, each in the forms that change its keys
/// (typing or not, a question open or not, a run or not).
fn every_screen() -> Vec<(String, Build)> {
    let mut out: Vec<(String, Build)> = Vec::new();
    out.push((
        "start".into(),
        Box::new(|| {
            let mut m = model();
            m.start_focus = 1;
            m
        }),
    ));
    for focus in [0, 1] {
        out.push((
            format!("error_text focus {focus}"),
            Box::new(move || {
                let mut m = model();
                m.screen = Screen::ErrorText;
                m.back = vec![Screen::Start];
                m.error.focus = focus;
                m
            }),
        ));
    }
    for focus in [
        Field::Email,
        Field::Password,
        Field::Encryption,
        Field::Check,
    ] {
        for run in [false, true] {
            out.push((
                format!("account {focus:?} run {run}"),
                Box::new(move || {
                    let mut m = model();
                    m.screen = Screen::Account;
                    m.form.focus = focus;
                    if run {
                        with_run(&mut m);
                    }
                    m
                }),
            ));
        }
    }
    out.push(("checks".into(), Box::new(|| checks_model(false))));
    out.push((
        "checks with a question".into(),
        Box::new(|| checks_model(true)),
    ));
    out.push(("result".into(), Box::new(result_model)));
    for focus in [0, 1] {
        out.push((
            format!("report focus {focus}"),
            Box::new(move || {
                let mut m = model();
                with_run(&mut m);
                m.screen = Screen::Report;
                m.report.focus = focus;
                m
            }),
        ));
    }
    out.push((
        "copy text".into(),
        Box::new(|| {
            let mut m = model();
            with_run(&mut m);
            m.screen = Screen::CopyText;
            m.copy_text = "smtp-doctor report".into();
            m
        }),
    ));
    out.push((
        "failure".into(),
        Box::new(|| {
            let mut m = model();
            m.screen = Screen::Failure;
            m.failure = Some(Failure {
                kind: FailureKind::Trust,
                message: "cannot read the CA file".into(),
                focus: 0,
            });
            m
        }),
    ));
    for focus in [0, 1, 3] {
        out.push((
            format!("server input focus {focus}"),
            Box::new(move || {
                let mut m = server_model();
                m.screen = Screen::ServerInput;
                m.server.focus = focus;
                m
            }),
        ));
    }
    for asking in [false, true] {
        out.push((
            format!("server findings asking {asking}"),
            Box::new(move || {
                let mut m = server_model();
                with_findings(&mut m, server_findings::blocked_outcomes());
                m.server.confirm = asking.then_some(1);
                m
            }),
        ));
        out.push((
            format!("server audit asking {asking}"),
            Box::new(move || {
                let mut m = server_model();
                with_audit(&mut m);
                m.server.audit.confirm = asking.then_some(1);
                m
            }),
        ));
    }
    out
}

/// At 80x24 the key bar is one line of whole hints with the screen's main keys (its
/// main action, the technical view, quit); at 120 columns every hint shows.
#[test]
fn key_bar_is_one_line_on_every_screen() {
    let mut kinds = std::collections::BTreeSet::new();
    let overlays = [
        None,
        Some(Overlay::Help),
        Some(Overlay::Technical),
        Some(Overlay::ConfirmQuit),
    ];
    for ((screen, build), overlay) in every_screen()
        .iter()
        .flat_map(|s| overlays.iter().map(move |o| (s, *o)))
    {
        let mut m = build();
        kinds.insert(format!("{:?}", m.screen));
        m.overlays = overlay.into_iter().collect();
        let name = format!("{screen} + {overlay:?}");
        let hints = footer::hints(&m);
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let t = draw(&mut m, w, h);
            let buf = t.backend().buffer();
            let row = |y: u16| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>();
            let bar = row(h - 1);
            let shown = bar_hints(&bar, &hints)
                .unwrap_or_else(|| panic!("{name} at {w}: not whole hints: {bar:?}"));
            assert!(bar.trim_end().chars().count() <= usize::from(w), "{name}");
            // The line above is the screen's, not a second line of hints.
            let above = row(h - 2);
            assert!(
                bar_hints(&above, &hints).is_none(),
                "{name} at {w}: the key bar wraps: {above:?} / {bar:?}"
            );
            let must: Vec<&str> = hints
                .iter()
                .filter(|x| x.priority <= Priority::Main)
                .map(|x| x.key.key.as_str())
                .collect();
            for k in &must {
                assert!(
                    shown.iter().any(|s| s == k),
                    "{name} at {w}: {k} missing from {bar:?}"
                );
            }
            if w == 120 {
                assert_eq!(shown.len(), hints.len(), "{name}: {bar:?}");
            }
        }
    }
    assert_eq!(kinds.len(), 11, "every Screen variant: {kinds:?}");
}

/// A working result whose settings a connection proved (EHLO passed on the recommended
/// port, no password given): the result screen offers the Thunderbird file (`e`).
fn proven_working() -> Diagnosis {
    let mut d = diagnosis(
        Verdict::Ok,
        vec![cause(
            "ok.sending_works",
            Confidence::Confirmed,
            "Sending works with these settings.",
            "The server accepted the connection, the encryption and a test sender and recipient. No mail was sent.",
            &[],
        )],
        Some(recommended()),
        None,
    );
    d.checks = vec![smtp_doctor::checks::CheckRecord {
        id: "smtp.587.ehlo".parse().expect("check id"),
        status: Status::Pass,
        duration_ms: 12,
        summary: "EHLO accepted".into(),
        detail: serde_json::Value::Null,
    }];
    d
}

fn proven_result_model(d: Diagnosis) -> Model {
    let mut m = model();
    with_run(&mut m);
    m.screen = Screen::Result;
    m.reached_result = true;
    m.vm.result = Some(result_view(&d, datetime!(2026-01-02 03:04:05 UTC)));
    m.diagnosis = Some(d);
    m
}

#[test]
fn result_offers_the_settings_file() {
    snap(
        "result_settings_file_offered",
        &mut proven_result_model(proven_working()),
    );
}

#[test]
fn result_settings_file_saved_and_failed() {
    let mut m = proven_result_model(proven_working());
    m.export = Some(SaveStatus::Saved(
        "./smtp-doctor-thunderbird-example.test.xml".into(),
    ));
    snap("result_settings_file_saved", &mut m);
    m.export = Some(SaveStatus::Failed {
        path: "./smtp-doctor-thunderbird-example.test.xml".into(),
        error: "the file exists already; choose another name or remove it".into(),
    });
    snap("result_settings_file_failed", &mut m);
}
