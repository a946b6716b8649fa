//! What a server sends reaches the reports only made safe and short. A scripted server on
//! loopback (no real server misbehaves on purpose) greets and answers EHLO with control
//! bytes and Markdown (links, images, HTML, fences, pipes), then offers STARTTLS with a
//! certificate carrying 2,500 names. The text report has no line longer than a few hundred
//! characters and no raw control byte; the Markdown report renders no link, image or HTML;
//! the JSON report is one valid document.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag};
use smtp_doctor::catalog::Catalog;
use smtp_doctor::diagnosis;
use smtp_doctor::report::{markdown, text, Report};
use smtp_doctor::settings::{Input, Options, Security};
use smtp_doctor::tree::QuestionMode;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const ADDRESS: &str = "127.0.77.14";
const NAMES: usize = 2500;

/// Server text with every kind of trouble: a terminal escape, a bell, a bidi override,
/// Markdown links, images and HTML, a fence and table pipes.
const HOSTILE: &str = "\x1b[31mred\x1b[0m\x07 \u{202e}txet [click](javascript:alert(1)) \
                       ![i](https://evil.test/x.png) <img src=x onerror=alert(1)> \
                       <https://evil.test/> ``` | a | b |";

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A self-signed certificate (usable as its own trust anchor) with `NAMES` DNS names.
fn certificate(dir: &TempDir) -> (PathBuf, PathBuf) {
    let names: Vec<String> = (0..NAMES)
        .map(|i| format!("DNS:host{i}.hostile.test"))
        .collect();
    let config = format!(
        "[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=host0.hostile.test\n\
         [ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=digitalSignature,keyCertSign\n\
         subjectAltName={}\n",
        names.join(",")
    );
    let conf = dir.0.join("req.cnf");
    std::fs::write(&conf, config).expect("write config");
    let (cert, key) = (dir.0.join("cert.pem"), dir.0.join("key.pem"));
    let out = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-config"])
        .arg(&conf)
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (cert, key)
}

/// One connection: greeting, EHLO, STARTTLS, then the same answers inside TLS.
async fn smtp(
    stream: tokio::net::TcpStream,
    acceptor: Arc<tokio_native_tls::TlsAcceptor>,
) -> std::io::Result<()> {
    let mut plain = BufReader::new(stream);
    plain
        .write_all(format!("220 evil.test {HOSTILE}\r\n").as_bytes())
        .await?;
    if converse(&mut plain).await? {
        let Ok(tls) = acceptor.accept(plain.into_inner()).await else {
            return Ok(());
        };
        converse(&mut BufReader::new(tls)).await?;
    }
    Ok(())
}

/// Answers commands with hostile text; `true` when STARTTLS was asked for (and agreed to).
async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut BufReader<S>,
) -> std::io::Result<bool> {
    let mut line = String::new();
    for _ in 0..20 {
        line.clear();
        if s.read_line(&mut line).await? == 0 {
            return Ok(false);
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        if cmd.starts_with("EHLO") {
            let mut reply = format!("250-evil.test {HOSTILE}\r\n");
            for i in 0..150 {
                let _ = write!(reply, "250-X-HOSTILE-{i} {HOSTILE}\r\n");
            }
            reply.push_str("250 STARTTLS\r\n");
            s.write_all(reply.as_bytes()).await?;
        } else if cmd == "STARTTLS" {
            s.write_all(b"220 2.0.0 go ahead\r\n").await?;
            return Ok(true);
        } else if cmd == "QUIT" {
            s.write_all(format!("221 bye {HOSTILE}\r\n").as_bytes())
                .await?;
            return Ok(false);
        } else {
            s.write_all(format!("502 5.5.1 {HOSTILE}\r\n").as_bytes())
                .await?;
        }
    }
    Ok(false)
}

fn markup_in(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, MdOptions::all())
        .filter_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(format!("html {h}")),
            Event::Start(Tag::Link { dest_url, .. }) => Some(format!("link {dest_url}")),
            Event::Start(Tag::Image { dest_url, .. }) => Some(format!("image {dest_url}")),
            _ => None,
        })
        .collect()
}

fn raw_control(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn hostile_server_text_and_a_huge_certificate_stay_safe_and_short_in_every_report() {
    let dir = TempDir(std::env::temp_dir().join(format!("sd-escaping-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).expect("temp dir");
    let (cert, key) = certificate(&dir);
    let identity = native_tls::Identity::from_pkcs8(
        &std::fs::read(&cert).expect("cert"),
        &std::fs::read(&key).expect("key"),
    )
    .expect("identity");
    let acceptor = Arc::new(tokio_native_tls::TlsAcceptor::from(
        native_tls::TlsAcceptor::new(identity).expect("acceptor"),
    ));

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let listener = rt
        .block_on(TcpListener::bind(SocketAddr::new(
            ADDRESS.parse::<IpAddr>().expect("address"),
            0,
        )))
        .expect("bind on loopback");
    let port = listener.local_addr().expect("local address").port();
    rt.spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(tokio::time::timeout(
                Duration::from_secs(30),
                smtp(stream, acceptor),
            ));
        }
    });

    let catalog = Catalog::embedded().expect("embedded catalog");
    let mut input = Input::new("alice@example.test");
    input.server = Some(ADDRESS.into());
    input.port = Some(port);
    input.security = Some(Security::Starttls);
    let options = Options {
        timeout: Duration::from_secs(2),
        // Nothing answers on the discard port: no DNS question leaves this machine.
        dns_server: Some("127.0.0.1:9".parse().expect("address")),
        public_ip_dns: Some("127.0.0.1:9".parse().expect("address")),
        reference: Some("127.0.0.1".into()),
        ca_file: Some(cert.clone()),
        ..Options::default()
    };
    let facts = rt
        .block_on(smtp_doctor::cli::collect_facts(
            catalog.clone(),
            &input,
            options,
        ))
        .expect("facts");
    let names_seen = facts.ports.get(&port).and_then(|p| match &p.tls {
        Some(smtp_doctor::checks::smtp::TlsResult::CertProblem { cert, .. }) => {
            Some(cert.names.len())
        }
        _ => None,
    });
    assert_eq!(
        names_seen,
        Some(NAMES),
        "{:#?}",
        facts.ports.get(&port).map(|p| &p.tls)
    );
    let d = diagnosis::diagnose(&catalog, &input, &facts, QuestionMode::UseDefaults);
    let report = Report::new(&d);

    let text = text::render(&report);
    for line in text.lines() {
        assert!(
            line.chars().count() <= 450,
            "a line of {} characters:\n{line}",
            line.chars().count()
        );
        assert!(
            !line.chars().any(raw_control),
            "a raw control character: {line:?}"
        );
    }
    // The certificate's names are shortened with a count wherever they are shown.
    assert!(text.contains("and 2,49"), "{text}");
    assert!(
        text.contains("\\x1b[31m"),
        "the escape is shown, escaped:\n{text}"
    );

    let md = markdown::render(&report);
    assert_eq!(markup_in(&md), Vec::<String>::new(), "{md}");
    assert!(
        !md.chars().any(raw_control),
        "a raw control character in the Markdown"
    );
    assert!(
        md.contains("javascript"),
        "the server's text is there, inert:\n{md}"
    );

    let json = report.to_json();
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert!(parsed.is_object());
    assert!(
        !json.chars().any(|c| c != '\n' && raw_control(c)),
        "a raw control character in the JSON"
    );
}
