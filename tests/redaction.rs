//! The password never leaves the tool, even when the server repeats it. A scripted server on
//! loopback (no real server echoes secrets, so a hand-written one is right here) answers
//! the real AUTH flows (PLAIN, then LOGIN) and puts the password, its base64 (the LOGIN
//! form) and the AUTH PLAIN token into every reply it can: the 535 refusal, the 334
//! challenge, the greeting and EHLO of a later connection, the replies to MAIL and RCPT and
//! QUIT. Nothing of it may appear in the text, Markdown or JSON report, the transcript, the
//! `--save-facts` recording, or the wizard's result and technical views.

use std::net::{IpAddr, SocketAddr};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smtp_doctor::catalog::Catalog;
use smtp_doctor::catalog::CatalogFiles;
use smtp_doctor::diagnosis::{self, Diagnosis};
use smtp_doctor::facts::Facts;
use smtp_doctor::recording::{RecordedInput, Recording};
use smtp_doctor::report::{markdown, text, Report};
use smtp_doctor::secret::Secret;
use smtp_doctor::settings::{Input, Options, Security};
use smtp_doctor::tree::QuestionMode;
use smtp_doctor::ui::model::{Clock, Model, Overlay, Screen};
use smtp_doctor::ui::{view, UiOptions};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const PASSWORD: &str = "Hunter2-Sesame-42";
const USER: &str = "alice";
const EMAIL: &str = "alice@example.test";
/// A loopback address of its own: nothing else listens there, so the other planned ports
/// (587, 465, 25) are refused at once.
const ADDRESS: &str = "127.0.77.13";

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
}

/// Every form of the secret that must not appear anywhere.
fn forbidden() -> Vec<String> {
    vec![
        PASSWORD.to_string(),
        PASSWORD.to_lowercase(),
        b64(PASSWORD),
        b64(&format!("\0{USER}\0{PASSWORD}")),
        b64(&format!("\0{EMAIL}\0{PASSWORD}")),
        b64(&format!("{USER}\0{USER}\0{PASSWORD}")),
    ]
}

/// All forms at once, as a hostile server would quote them.
fn echo() -> String {
    format!(
        "'{PASSWORD}' {} {} {}",
        b64(PASSWORD),
        b64(&format!("\0{USER}\0{PASSWORD}")),
        b64(&format!("\0{EMAIL}\0{PASSWORD}"))
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mech {
    Plain,
    Login,
    /// PLAIN, echoed in pieces: split over reply lines, wrapped at 76 characters.
    PlainInPieces,
}

/// Where the server cuts what it echoes, so that no line alone holds a whole form, nor
/// enough of the password to be found without the next line: a token 20 characters before
/// its end (inside the password's encoding, which is its last 17 bytes), the LOGIN form
/// after 5 characters, the password after 7.
const TOKEN_CUT_FROM_END: usize = 20;
const LOGIN_CUT: usize = 5;
const PASSWORD_CUT: usize = 7;

/// `token` cut in two where the server cuts it.
fn cut(token: &str) -> (&str, &str) {
    token.split_at(token.len() - TOKEN_CUT_FROM_END)
}

/// A longer text that holds the AUTH PLAIN message, in base64 wrapped at 76 characters (as
/// MIME wraps it), one reply line per 76 characters. The password's bytes (from byte 54)
/// straddle the first wrap (byte 57): its first line carries only three of them.
fn wrapped_echo() -> Vec<String> {
    let message = format!("{}\0{USER}\0{PASSWORD} was received", "x".repeat(47));
    b64(&message)
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

/// Every piece the in-pieces server sends that carries part of the password (with what
/// goes before it in the same run of base64).
fn echoed_pieces() -> Vec<String> {
    let login = b64(PASSWORD);
    let mut pieces = Vec::new();
    for user in [USER, EMAIL] {
        let token = b64(&format!("\0{user}\0{PASSWORD}"));
        let (head, tail) = cut(&token);
        pieces.extend([head.to_string(), tail.to_string()]);
    }
    pieces.extend([
        login[..LOGIN_CUT].to_string(),
        login[LOGIN_CUT..].to_string(),
        PASSWORD[..PASSWORD_CUT].to_string(),
        PASSWORD[PASSWORD_CUT..].to_string(),
    ]);
    pieces.extend(wrapped_echo().into_iter().take(2));
    pieces
}

/// The in-pieces server's refusal of the first sign-in: the token cut in two over two lines,
/// the password cut in two, the wrapped text.
fn refusal_in_pieces(token: &str) -> String {
    let (head, tail) = cut(token);
    let mut reply = format!(
        "535-5.7.8 you sent {head}\r\n535-5.7.8 {tail} and the password\r\n\
         535-5.7.8 was {}\r\n535-5.7.8 {}\r\n",
        &PASSWORD[..PASSWORD_CUT],
        &PASSWORD[PASSWORD_CUT..]
    );
    let wrapped = wrapped_echo();
    for (i, line) in wrapped.iter().enumerate() {
        let sep = if i + 1 == wrapped.len() { ' ' } else { '-' };
        reply.extend(["535", &sep.to_string(), line, "\r\n"]);
    }
    reply
}

/// The scripted server: offers `mech`; refuses the first sign-in (quoting the secret),
/// accepts the second (the retry with the whole address); quotes it in every later reply.
/// Once any connection has signed in, every new connection's greeting and EHLO quote it too.
async fn serve(listener: TcpListener, mech: Mech, signed_in: Arc<AtomicBool>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        let signed_in = signed_in.clone();
        tokio::spawn(async move {
            let _ = tokio::time::timeout(Duration::from_secs(30), session(stream, mech, signed_in))
                .await;
        });
    }
}

async fn session(
    stream: tokio::net::TcpStream,
    mech: Mech,
    signed_in: Arc<AtomicBool>,
) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    let later = signed_in.load(Ordering::SeqCst);
    let quoted = if later { echo() } else { String::new() };
    w.write_all(format!("220 fake.test ESMTP {quoted}\r\n").as_bytes())
        .await?;
    let mut attempts = 0;
    let mut line = String::new();
    for _ in 0..50 {
        line.clear();
        if r.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_string();
        let upper = cmd.to_ascii_uppercase();
        let reply = if upper.starts_with("EHLO") {
            let auth = match mech {
                Mech::Plain | Mech::PlainInPieces => "PLAIN LOGIN",
                Mech::Login => "LOGIN",
            };
            format!("250-fake.test {quoted}\r\n250-AUTH {auth}\r\n250 8BITMIME\r\n")
        } else if upper.starts_with("AUTH PLAIN") {
            attempts += 1;
            signed_in.store(true, Ordering::SeqCst);
            let token = cmd.split_whitespace().nth(2).unwrap_or_default();
            if mech == Mech::PlainInPieces {
                if attempts == 1 {
                    refusal_in_pieces(token)
                } else {
                    let (head, tail) = cut(token);
                    format!("235-2.7.0 welcome back {head}\r\n235 2.7.0 {tail}\r\n")
                }
            } else if attempts == 1 {
                format!(
                    "535-5.7.8 you sent {token}\r\n535 5.7.8 bad password {}\r\n",
                    echo()
                )
            } else {
                format!("235 2.7.0 welcome back {}\r\n", echo())
            }
        } else if upper.starts_with("AUTH LOGIN") {
            attempts += 1;
            signed_in.store(true, Ordering::SeqCst);
            w.write_all(b"334 VXNlcm5hbWU6\r\n").await?;
            line.clear();
            r.read_line(&mut line).await?;
            // The password prompt quotes the password (base64, as challenges are).
            let prompt = b64(&format!("Password (last one was {PASSWORD}):"));
            w.write_all(format!("334 {prompt}\r\n").as_bytes()).await?;
            line.clear();
            r.read_line(&mut line).await?;
            let sent = line.trim_end().to_string();
            if attempts == 1 {
                format!("535 5.7.8 {sent} is not {PASSWORD}\r\n")
            } else {
                format!("235 2.7.0 ok {sent}\r\n")
            }
        } else if upper.starts_with("MAIL") {
            format!("250 2.1.0 sender ok {}\r\n", b64(PASSWORD))
        } else if upper.starts_with("RCPT") && mech == Mech::PlainInPieces {
            let login = b64(PASSWORD);
            format!(
                "550-5.1.1 no such user; your password is {}\r\n550 5.1.1 {}\r\n",
                &login[..LOGIN_CUT],
                &login[LOGIN_CUT..]
            )
        } else if upper.starts_with("RCPT") {
            format!("550 5.1.1 no such user; your password is {}\r\n", echo())
        } else if upper.starts_with("RSET") {
            "250 2.0.0 ok\r\n".to_string()
        } else if upper.starts_with("QUIT") {
            w.write_all(format!("221 2.0.0 bye {}\r\n", echo()).as_bytes())
                .await?;
            return Ok(());
        } else {
            format!("500 5.5.1 what is {cmd}? {}\r\n", echo())
        };
        w.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

fn options() -> Options {
    Options {
        timeout: Duration::from_secs(2),
        // Nothing answers on the discard port: no DNS question leaves this machine.
        dns_server: Some("127.0.0.1:9".parse().expect("address")),
        public_ip_dns: Some("127.0.0.1:9".parse().expect("address")),
        reference: Some("127.0.0.1".into()),
        allow_plaintext_auth: true,
        ..Options::default()
    }
}

fn input(port: u16) -> Input {
    let mut i = Input::new(EMAIL);
    i.server = Some(ADDRESS.into());
    i.port = Some(port);
    i.security = Some(Security::None);
    i.user = Some(USER.into());
    i.password = Some(Secret::new(PASSWORD.into()));
    i
}

fn assert_clean(what: &str, output: &str) {
    for form in forbidden() {
        assert!(
            !output.contains(&form),
            "{what} contains a form of the password ({form}):\n{output}"
        );
    }
}

/// Everything a run shows: reports, transcript, recording, the wizard's views.
struct Shown {
    text: String,
    markdown: String,
    json: String,
    transcript: String,
    recording: String,
    result_screen: String,
    technical_screen: String,
    technical_vm: String,
}

impl Shown {
    /// Every output with its name, for the checks that must hold in all of them.
    fn outputs(&self) -> [(&'static str, &String); 8] {
        [
            ("text report", &self.text),
            ("Markdown report", &self.markdown),
            ("JSON report", &self.json),
            ("transcript", &self.transcript),
            ("--save-facts recording", &self.recording),
            ("result screen", &self.result_screen),
            ("technical screen", &self.technical_screen),
            ("technical view-model", &self.technical_vm),
        ]
    }
}

fn screen(m: &mut Model) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 60)).expect("test terminal");
    let mut rendered = None;
    t.draw(|f| rendered = Some(view::render(f, m)))
        .expect("draw");
    m.rendered = rendered.expect("rendered");
    t.backend().to_string()
}

fn everything_shown(
    catalog: &Arc<Catalog>,
    input: &Input,
    options: &Options,
    facts: Facts,
) -> Shown {
    let d: Diagnosis = diagnosis::diagnose(catalog, input, &facts, QuestionMode::UseDefaults);
    let report = Report::new(&d);
    let recorded = RecordedInput::of(input, options, &CatalogFiles::default());
    let recording = Recording::new(recorded, &facts, &d)
        .to_toml()
        .expect("recording");
    let transcript = d
        .transcript
        .iter()
        .map(|l| l.line.clone())
        .collect::<Vec<_>>()
        .join("\n");

    let clock = Clock {
        instant: Instant::now(),
        wall: time::OffsetDateTime::now_utc(),
    };
    let mut m = Model::new(
        input.clone(),
        options.clone(),
        Catalog::embedded().expect("embedded catalog"),
        UiOptions::default(),
        clock,
    );
    m.run.input = Some(input.clone());
    m.run.facts = facts;
    m.screen = Screen::Result;
    m.reached_result = true;
    m.refresh();
    let result_screen = screen(&mut m);
    m.overlays = vec![Overlay::Technical];
    let technical_screen = screen(&mut m);
    let technical_vm = format!("{:?}", m.vm.tech);
    Shown {
        text: text::render(&report),
        markdown: markdown::render(&report),
        json: report.to_json(),
        transcript,
        recording,
        result_screen,
        technical_screen,
        technical_vm,
    }
}

/// Runs the checks in-process against the scripted server, as `check` does.
fn run_in_process(rt: &tokio::runtime::Runtime, port: u16) -> (Input, Options, Facts) {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let (input, options) = (input(port), options());
    let facts = rt
        .block_on(smtp_doctor::cli::collect_facts(
            catalog,
            &input,
            options.clone(),
        ))
        .expect("facts");
    (input, options, facts)
}

fn start_server(rt: &tokio::runtime::Runtime, mech: Mech, signed_in: &Arc<AtomicBool>) -> u16 {
    let listener = rt
        .block_on(TcpListener::bind(SocketAddr::new(
            ADDRESS.parse::<IpAddr>().expect("address"),
            0,
        )))
        .expect("bind on loopback");
    let port = listener.local_addr().expect("local address").port();
    rt.spawn(serve(listener, mech, signed_in.clone()));
    port
}

fn check_all(label: &str, shown: &Shown) {
    for (what, out) in shown.outputs() {
        assert_clean(&format!("{label}: {what}"), out);
    }
    // The echoes were read (and redacted), not missed.
    assert!(
        shown.transcript.matches("[redacted]").count() >= 3,
        "{label}: {}",
        shown.transcript
    );
}

#[test]
fn the_password_a_server_repeats_is_nowhere_in_any_output() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let catalog = Catalog::embedded().expect("embedded catalog");

    // PLAIN: the refusal quotes the token and every form; the retry is accepted, and MAIL,
    // RCPT and QUIT quote it again.
    let signed_in = Arc::new(AtomicBool::new(false));
    let port = start_server(&rt, Mech::Plain, &signed_in);
    let (input, options, facts) = run_in_process(&rt, port);
    let shown = everything_shown(&catalog, &input, &options, facts);
    assert!(
        shown.transcript.contains("AUTH PLAIN [redacted]"),
        "{}",
        shown.transcript
    );
    assert!(
        shown.transcript.contains("535 5.7.8 bad password"),
        "{}",
        shown.transcript
    );
    assert!(shown.transcript.contains("RCPT TO"), "{}", shown.transcript);
    check_all("PLAIN", &shown);

    // Again on the same server: it now quotes the secret in the greeting and in EHLO.
    let (input, options, facts) = run_in_process(&rt, port);
    let shown = everything_shown(&catalog, &input, &options, facts);
    assert!(
        shown
            .transcript
            .contains("220 fake.test ESMTP '[redacted]'"),
        "{}",
        shown.transcript
    );
    check_all("PLAIN, second run", &shown);

    // LOGIN: the password prompt (334) and the refusal quote it.
    let signed_in = Arc::new(AtomicBool::new(false));
    let port = start_server(&rt, Mech::Login, &signed_in);
    let (input, options, facts) = run_in_process(&rt, port);
    let shown = everything_shown(&catalog, &input, &options, facts);
    assert!(
        shown.transcript.contains("334 [redacted]"),
        "{}",
        shown.transcript
    );
    assert!(
        shown.transcript.contains("AUTH LOGIN"),
        "{}",
        shown.transcript
    );
    check_all("LOGIN", &shown);

    // The command line too: text on stdout, JSON, `--save` Markdown and `--save-facts`.
    for json in [false, true] {
        for (what, out) in cli_outputs(port, json) {
            assert_clean(what, &out);
        }
    }
}

/// What `check` prints and saves against the server on `port` (text or JSON on stdout,
/// stderr, the `--save` Markdown, the `--save-facts` recording), named.
fn cli_outputs(port: u16, json: bool) -> Vec<(&'static str, String)> {
    let dir = std::env::temp_dir().join(format!("sd-redaction-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let md = dir.join("report.md");
    let facts_file = dir.join("facts.toml");
    let port_arg = port.to_string();
    let mut args = vec![
        "check",
        "--email",
        EMAIL,
        "--server",
        ADDRESS,
        "--port",
        &port_arg,
        "--security",
        "none",
        "--user",
        USER,
        "--allow-plaintext-auth",
        "--timeout",
        "2",
        "--dns-server",
        "127.0.0.1:9",
        "--public-ip-dns",
        "127.0.0.1:9",
        "--reference",
        "127.0.0.1",
        "--password-env",
        "SD_REDACTION_TEST_PASSWORD",
    ];
    let (md_s, facts_s) = (md.display().to_string(), facts_file.display().to_string());
    args.extend(["--save", &md_s, "--save-facts", &facts_s]);
    if json {
        args.push("--json");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(&args)
        .env("SD_REDACTION_TEST_PASSWORD", PASSWORD)
        .output()
        .expect("run smtp-doctor");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(stdout.contains("[redacted]") || json, "{stdout}\n{stderr}");
    if json {
        let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
        assert!(doc.is_object(), "{stdout}");
    }
    let saved = std::fs::read_to_string(&md).expect("markdown saved");
    let facts = std::fs::read_to_string(&facts_file).expect("facts saved");
    let _ = std::fs::remove_dir_all(&dir);
    vec![
        (
            if json {
                "check --json stdout"
            } else {
                "check stdout"
            },
            stdout,
        ),
        ("check stderr", stderr),
        ("check --save", saved),
        ("check --save-facts", facts),
    ]
}

/// No piece of the password that identifies it: none of the pieces the server echoed, no
/// 6 characters of the password in a row (in any case), no 16 characters in a row of the
/// AUTH PLAIN tokens or the LOGIN form.
fn assert_no_piece(what: &str, output: &str) {
    assert_clean(what, output);
    let lower = output.to_lowercase();
    let chars: Vec<char> = PASSWORD.chars().collect();
    for w in chars.windows(6) {
        let piece: String = w.iter().collect::<String>().to_lowercase();
        assert!(
            !lower.contains(&piece),
            "{what} contains {piece:?}:\n{output}"
        );
    }
    let forms = [
        b64(PASSWORD),
        b64(&format!("\0{USER}\0{PASSWORD}")),
        b64(&format!("\0{EMAIL}\0{PASSWORD}")),
    ];
    for form in &forms {
        for i in 0..=form.len() - 16 {
            let piece = &form[i..i + 16];
            assert!(
                !output.contains(piece),
                "{what} contains {piece:?}:\n{output}"
            );
        }
    }
    for piece in echoed_pieces() {
        assert!(
            !output.contains(&piece),
            "{what} contains {piece:?}:\n{output}"
        );
    }
}

#[test]
fn a_secret_echoed_in_pieces_over_reply_lines_is_nowhere_in_any_output() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let catalog = Catalog::embedded().expect("embedded catalog");
    // The pieces are what the test thinks they are: none of them alone holds a whole form,
    // and each is long enough not to turn up in a report by chance.
    for piece in echoed_pieces() {
        assert!(piece.len() >= 5, "{piece}");
        for form in forbidden() {
            assert!(!piece.contains(&form), "{piece} holds {form}");
        }
    }
    let signed_in = Arc::new(AtomicBool::new(false));
    let port = start_server(&rt, Mech::PlainInPieces, &signed_in);
    let (input, options, facts) = run_in_process(&rt, port);
    let shown = everything_shown(&catalog, &input, &options, facts);
    // The refusal and the acceptance were read, in their lines, with the pieces taken out.
    for line in [
        "535-5.7.8 you sent [redacted]",
        "535-5.7.8 [redacted] and the password",
        "235-2.7.0 welcome back [redacted]",
        "235 2.7.0 [redacted]",
        "550-5.1.1 no such user; your password is [redacted]",
        "550 5.1.1 [redacted]",
    ] {
        assert!(
            shown.transcript.contains(line),
            "{line}:\n{}",
            shown.transcript
        );
    }
    for (what, out) in shown.outputs() {
        assert_no_piece(&format!("in pieces: {what}"), out);
    }
    for json in [false, true] {
        for (what, out) in cli_outputs(port, json) {
            assert_no_piece(&format!("in pieces: {what}"), &out);
        }
    }
}
