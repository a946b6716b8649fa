//! The hostile-server suite: `smtp-doctor check` against scripted servers on loopback that
//! misbehave on purpose (silence, trickling, floods, endless and malformed replies, broken
//! STARTTLS, resets, huge or poisoned certificates). No lab is needed. Every case runs the
//! tool twice (text and `--json`), all cases at once, and asserts that each run ended by
//! itself within the outer limit, names a cause from evidence, prints no raw control byte,
//! prints exactly one valid JSON document with `--json`, stayed under a memory bound
//! (peak RSS from `wait4`), and never shows the password.

mod common;
#[path = "common/scripted.rs"]
mod scripted;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use scripted::{command, send, serve, session, verb, Scripted};

/// A password no server here echoes: it must appear in no output.
const PASSWORD: &str = "Quokka-Saffron-7319!";
const USER: &str = "alice@example.test";
/// The outer limit: a run still going after this is killed and the case fails. The tool's
/// own budget (`--timeout 2`) ends every case long before it.
const OUTER: Duration = Duration::from_secs(60);
/// Peak resident memory allowed per run.
const MAX_RSS_KB: i64 = 64 * 1024;

struct Case {
    name: &'static str,
    server: Scripted,
    /// `--security` and extra options.
    args: Vec<&'static str>,
    /// Causes that fit the evidence.
    causes: &'static [&'static str],
}

struct Run {
    stdout: String,
    stderr: String,
    rss_kb: i64,
    exited: bool,
}

/// Runs the binary, reaping it with `wait4` for its peak RSS; kills it after [`OUTER`].
// The child is reaped by `wait4` (for its rusage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run(args: &[String]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .env("HOSTILE_PASSWORD", PASSWORD)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let started = Instant::now();
    let mut exited = true;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet reaped; the pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &raw mut status, libc::WNOHANG, &raw mut usage) };
        if r == pid {
            break;
        }
        assert!(r == 0, "wait4 failed");
        if started.elapsed() > OUTER {
            exited = false;
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    // Raw bytes checked before any lossy decoding could hide them.
    for (what, bytes) in [("stdout", &stdout), ("stderr", &stderr)] {
        let bad = bytes
            .iter()
            .position(|&b| (b < 0x20 && b != b'\n') || b == 0x7f);
        assert!(
            bad.is_none(),
            "raw control byte in {what} of {args:?}: {:?}",
            String::from_utf8_lossy(
                &bytes[bad.unwrap().saturating_sub(40)..]
                    [..80.min(bytes.len() - bad.unwrap().saturating_sub(40))]
            )
        );
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
            "raw C1 control in {what} of {args:?}"
        );
    }
    Run {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        rss_kb: usage.ru_maxrss,
        exited,
    }
}

fn args_for(case: &Case, json: bool) -> Vec<String> {
    let port = case.server.addr.port().to_string();
    let mut a: Vec<String> = [
        "check",
        "--email",
        USER,
        "--server",
        "127.0.0.1",
        "--port",
        &port,
        "--password-env",
        "HOSTILE_PASSWORD",
        "--timeout",
        "2",
        "--dns-server",
        "127.0.0.1:9",
        "--public-ip-dns",
        "127.0.0.1:9",
        "--reference",
        "127.0.0.1",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    a.extend(case.args.iter().map(ToString::to_string));
    if json {
        a.push("--json".into());
    }
    a
}

/// Every form the password could leak in.
fn secret_forms() -> Vec<String> {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    vec![
        PASSWORD.to_string(),
        b64(PASSWORD),
        b64(&format!("\0{USER}\0{PASSWORD}")),
    ]
}

/// Checks one case; returns what went wrong.
fn check(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let text = run(&args_for(case, false));
    let json = run(&args_for(case, true));
    for (how, r) in [("text", &text), ("json", &json)] {
        if !r.exited {
            problems.push(format!("{how}: did not end within {OUTER:?}"));
        }
        if r.rss_kb > MAX_RSS_KB {
            problems.push(format!("{how}: peak RSS {} KB", r.rss_kb));
        }
        for secret in secret_forms() {
            if r.stdout.contains(&secret) || r.stderr.contains(&secret) {
                problems.push(format!("{how}: the password is in the output"));
            }
        }
    }
    if !case
        .causes
        .iter()
        .any(|c| text.stdout.contains(&format!("Cause code: {c} ")))
    {
        problems.push(format!(
            "text: no cause of {:?}:\n{}",
            case.causes,
            text.stdout.lines().take(12).collect::<Vec<_>>().join("\n")
        ));
    }
    match serde_json::from_str::<serde_json::Value>(&json.stdout) {
        Err(e) => problems.push(format!(
            "json: not one JSON document ({e}): {}",
            json.stdout
        )),
        Ok(doc) => {
            let violations = common::schema::report_violations(&doc);
            if !violations.is_empty() {
                problems.push(format!("json: schema: {violations:?}"));
            }
            let primary = doc["causes"][0]["code"].as_str().unwrap_or("");
            if !case.causes.contains(&primary) {
                problems.push(format!(
                    "json: primary cause {primary}, wanted one of {:?}",
                    case.causes
                ));
            }
        }
    }
    problems
}

const EHLO_PLAIN: &[u8] =
    b"250-mx.hostile.test\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n";
const EHLO_TLS: &[u8] = b"250-mx.hostile.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n";
const VIOLATION: &[&str] = &["server.protocol_violation"];
const BROKEN_TLS: &[&str] = &["server.tls_broken"];
const SILENT: &[&str] = &["unknown.needs_server_side"];

fn starttls() -> Vec<&'static str> {
    vec!["--security", "starttls"]
}

fn cases(tmp: &std::path::Path) -> Vec<Case> {
    let mut v = vec![
        Case {
            name: "silence_after_connect",
            server: serve(|c| async move {
                tokio::time::sleep(Duration::from_secs(40)).await;
                drop(c);
            }),
            args: starttls(),
            causes: SILENT,
        },
        Case {
            name: "one_byte_a_second",
            server: serve(|mut c| async move {
                for b in b"220 mx.hostile.test ESMTP slowly\r\n" {
                    if !send(&mut c, &[*b]).await {
                        return;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }),
            args: starttls(),
            causes: SILENT,
        },
        Case {
            name: "endless_continuation_lines",
            server: serve(|mut c| async move {
                for _ in 0..1_000_000 {
                    if !send(&mut c, b"220-still greeting you\r\n").await {
                        return;
                    }
                }
            }),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "ten_megabyte_line",
            server: serve(|mut c| async move {
                let mut line = b"220 ".to_vec();
                line.resize(10 * 1024 * 1024, b'A');
                line.extend_from_slice(b"\r\n");
                let _ = send(&mut c, &line).await;
            }),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "escapes_and_invalid_utf8",
            server: serve(|c| {
                session(
                    c,
                    b"220 mx\x1b[31m.hostile\xff\xfe\x07 \x1b]0;owned\x07 ESMTP\r\n",
                    b"250-mx\x1b[2J\xc3\x28\r\n250-X-\x1b[5mBLINK\r\n250-AUTH PLAIN\r\n250 X-\x9b\x08EVIL\r\n",
                    |l| {
                        (verb(l) == "AUTH")
                            .then(|| b"535 5.7.8 \x1b[1mno\xff\xe2\x80\xae way\r\n".to_vec())
                    },
                )
            }),
            args: vec!["--security", "none", "--allow-plaintext-auth"],
            causes: &["config.auth_rejected", "config.encryption_off"],
        },
        Case {
            name: "garbage_after_starttls_220",
            server: serve(|mut c| async move {
                let _ = send(&mut c, b"220 mx.hostile.test ESMTP\r\n").await;
                while let Some(line) = command(&mut c).await {
                    let answer: &[u8] = match verb(&line).as_str() {
                        "EHLO" => EHLO_TLS,
                        "STARTTLS" => {
                            let _ = send(&mut c, b"220 2.0.0 go ahead\r\n").await;
                            tokio::time::sleep(Duration::from_millis(300)).await;
                            let _ = send(
                                &mut c,
                                b"HTTP/1.1 400 Bad Request\r\n\r\nnot tls at all\x1b[31m\r\n",
                            )
                            .await;
                            tokio::time::sleep(Duration::from_secs(5)).await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    if !send(&mut c, answer).await {
                        return;
                    }
                }
            }),
            args: starttls(),
            causes: BROKEN_TLS,
        },
        Case {
            name: "starttls_refused_454",
            server: serve(|c| {
                session(c, b"220 mx.hostile.test ESMTP\r\n", EHLO_TLS, |l| {
                    (verb(l) == "STARTTLS").then(|| b"454 4.7.0 TLS not available\r\n".to_vec())
                })
            }),
            args: starttls(),
            causes: BROKEN_TLS,
        },
        Case {
            name: "reset_during_ehlo",
            server: serve(|mut c| async move {
                let _ = send(&mut c, b"220 mx.hostile.test ESMTP\r\n").await;
                if command(&mut c).await.is_some() {
                    let _ = send(&mut c, b"250-mx.hostile.test\r\n250-PIPEL").await;
                    reset(c.into_inner());
                }
            }),
            args: starttls(),
            causes: SILENT,
        },
        Case {
            name: "mixed_codes_in_ehlo",
            server: serve(|c| {
                session(
                    c,
                    b"220 mx.hostile.test ESMTP\r\n",
                    b"250-mx.hostile.test\r\n251-STARTTLS\r\n250 AUTH PLAIN\r\n",
                    |_| None,
                )
            }),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "out_of_range_greeting_code",
            server: serve(|c| session(c, b"999 mx.hostile.test hello\r\n", EHLO_TLS, |_| None)),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "out_of_order_code_to_ehlo",
            server: serve(|c| {
                session(
                    c,
                    b"220 mx.hostile.test ESMTP\r\n",
                    b"220 mx.hostile.test hello again\r\n",
                    |_| None,
                )
            }),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "hundred_thousand_ehlo_lines",
            server: serve(|c| async move {
                let mut ehlo = b"250-mx.hostile.test\r\n".to_vec();
                for i in 0..100_000 {
                    ehlo.extend_from_slice(format!("250-X-EXT{i}\r\n").as_bytes());
                }
                ehlo.extend_from_slice(b"250 STARTTLS\r\n");
                session(c, b"220 mx.hostile.test ESMTP\r\n", &ehlo, |_| None).await;
            }),
            args: starttls(),
            causes: VIOLATION,
        },
        Case {
            name: "reply_flood_pipelined",
            server: serve(|c| {
                session(c, b"220 mx.hostile.test ESMTP\r\n", EHLO_PLAIN, |l| {
                    (verb(l) == "EHLO").then(|| {
                        let mut a = EHLO_PLAIN.to_vec();
                        a.extend(b"250 2.0.0 ok\r\n".repeat(50));
                        a
                    })
                })
            }),
            args: vec!["--security", "none"],
            causes: VIOLATION,
        },
        Case {
            name: "reply_flood_in_turn",
            server: serve(|c| {
                session(
                    c,
                    b"220 mx.hostile.test ESMTP\r\n",
                    b"250 mx.hostile.test\r\n",
                    |l| {
                        (verb(l) == "EHLO").then(|| {
                            let mut a = b"250 mx.hostile.test\r\n".to_vec();
                            a.extend(b"250 2.1.0 ok\r\n".repeat(50));
                            a
                        })
                    },
                )
            }),
            args: vec!["--security", "none"],
            causes: VIOLATION,
        },
        Case {
            name: "auth_334_forever",
            server: serve(|c| {
                session(c, b"220 mx.hostile.test ESMTP\r\n", EHLO_PLAIN, |l| {
                    let v = verb(l);
                    (v != "EHLO" && v != "QUIT" && v != "MAIL" && v != "RCPT" && v != "RSET")
                        .then(|| b"334 \r\n".to_vec())
                })
            }),
            args: vec!["--security", "none", "--allow-plaintext-auth"],
            causes: VIOLATION,
        },
    ];
    v.extend(tls_cases(tmp));
    v
}

/// Closes `stream` with a reset (SO_LINGER 0) instead of an orderly close.
fn reset(stream: tokio::net::TcpStream) {
    use std::os::fd::AsRawFd;
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: the descriptor is the live stream's; setsockopt reads `linger` only.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&raw const linger).cast(),
            libc::socklen_t::try_from(std::mem::size_of::<libc::linger>()).unwrap(),
        );
    }
    drop(stream);
}

/// Implicit-TLS servers with a hostile certificate.
fn tls_cases(tmp: &std::path::Path) -> Vec<Case> {
    let (leaf, key) = scripted::self_signed(tmp, "leaf", "/CN=mx.hostile.test");
    let (filler, _) = scripted::self_signed(tmp, "filler", "/CN=filler.hostile.test");
    let mut chain = leaf.clone();
    for _ in 0..400 {
        chain.extend_from_slice(&filler);
    }
    let (evil, evil_key) = scripted::self_signed(
        tmp,
        "evil",
        "/CN=mx\u{1b}[31m.hostile\u{7}.test/O=\u{1b}]0;owned\u{7}\u{202e}Evil\u{9b}Corp",
    );
    let tls_server = |chain: Vec<u8>, key: Vec<u8>| {
        let acceptor = scripted::acceptor(&chain, &key);
        serve(move |c| {
            let acceptor = acceptor.clone();
            async move {
                let Ok(mut tls) = acceptor.accept(c.into_inner()).await else {
                    return;
                };
                let _ = send(&mut tls, b"220 mx.hostile.test ESMTP\r\n").await;
                let mut r = tokio::io::BufReader::new(tls);
                while let Some(line) = command(&mut r).await {
                    let a: &[u8] = match verb(&line).as_str() {
                        "EHLO" => b"250-mx.hostile.test\r\n250 AUTH PLAIN\r\n",
                        "QUIT" => return,
                        "AUTH" => b"535 5.7.8 no\r\n",
                        _ => b"250 ok\r\n",
                    };
                    if !send(r.get_mut(), a).await {
                        return;
                    }
                }
            }
        })
    };
    let certificate = &[
        "server.cert_untrusted",
        "server.cert_chain_incomplete",
        "unknown.needs_server_side",
        "server.cert_name_mismatch",
    ];
    vec![
        Case {
            name: "huge_certificate_chain",
            server: tls_server(chain, key),
            args: vec!["--security", "tls"],
            causes: certificate,
        },
        Case {
            name: "control_bytes_in_certificate_names",
            server: tls_server(evil, evil_key),
            args: vec!["--security", "tls"],
            causes: certificate,
        },
    ]
}

#[test]
fn hostile_servers_get_a_bounded_safe_answer_from_evidence() {
    let tmp = std::env::temp_dir().join(format!("sd-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let cases = cases(&tmp);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .iter()
            .map(|case| (case.name, s.spawn(move || check(case))))
            .collect();
        handles
            .into_iter()
            .flat_map(|(name, h)| {
                let problems = h
                    .join()
                    .unwrap_or_else(|_| vec!["the check panicked".into()]);
                problems.into_iter().map(move |p| format!("{name}: {p}"))
            })
            .collect()
    });
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
