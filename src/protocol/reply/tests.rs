//! The reply parser and reader against well-formed, hostile and broken input.

use super::*;
use proptest::prelude::*;
use tokio::io::{AsyncWriteExt, BufReader};

const SEC: Duration = Duration::from_secs(5);

async fn read(input: &[u8]) -> Result<(Reply, Vec<String>), ReplyError> {
    let mut r = input;
    read_reply(&mut r, &Limits::default(), SEC).await
}

#[tokio::test]
async fn single_line() {
    let (reply, raw) = read(b"220 mail.example.com ESMTP Postfix\r\n")
        .await
        .unwrap();
    assert_eq!(reply.code, 220);
    assert_eq!(reply.lines, vec!["mail.example.com ESMTP Postfix"]);
    assert_eq!(reply.enhanced, None);
    assert_eq!(raw, vec!["220 mail.example.com ESMTP Postfix"]);
    assert!(reply.is_positive());
    assert_eq!(reply.to_string(), "220 mail.example.com ESMTP Postfix");
}

#[tokio::test]
async fn multi_line_leaves_the_next_reply_unread() {
    let mut input: &[u8] = b"250-mx.example\r\n250-SIZE 100\r\n250 AUTH PLAIN\r\n221 bye\r\n";
    let (reply, raw) = read_reply(&mut input, &Limits::default(), SEC)
        .await
        .unwrap();
    assert_eq!(reply.code, 250);
    assert_eq!(reply.lines, vec!["mx.example", "SIZE 100", "AUTH PLAIN"]);
    assert_eq!(raw.len(), 3);
    assert_eq!(raw[1], "250-SIZE 100");
    assert_eq!(reply.text(), "mx.example SIZE 100 AUTH PLAIN");
    assert_eq!(input, b"221 bye\r\n");
}

#[tokio::test]
async fn bare_lf_and_code_only_line() {
    let (reply, _) = read(b"250-first\n250\n").await.unwrap();
    assert_eq!(reply.lines, vec!["first", ""]);
    let (reply, raw) = read(b"250\r\n").await.unwrap();
    assert_eq!(reply.code, 250);
    assert_eq!(reply.lines, vec![""]);
    assert_eq!(raw, vec!["250"]);
    assert_eq!(reply.to_string(), "250");
}

#[tokio::test]
async fn enhanced_codes() {
    let (r, _) = read(b"535 5.7.8 Error: authentication failed\r\n")
        .await
        .unwrap();
    let e = r.enhanced.unwrap();
    assert_eq!((e.class, e.subject, e.detail), (5, 7, 8));
    assert_eq!(e.to_string(), "5.7.8");
    assert_eq!(r.to_string(), "535 5.7.8 Error: authentication failed");
    assert!(r.is_permanent());

    let (r, _) = read(b"250 2.0.0\r\n").await.unwrap();
    assert_eq!(r.enhanced.unwrap().to_string(), "2.0.0");
    let (r, _) = read(b"451-4.3.0 try later\r\n451 more\r\n").await.unwrap();
    assert_eq!(r.enhanced.unwrap().to_string(), "4.3.0");
    assert!(r.is_transient());

    for bad in [
        &b"535 5.7.999999 nope\r\n"[..],
        b"535 5.7 nope\r\n",
        b"535 3.7.8 nope\r\n",
        b"535 5.7.8.1 nope\r\n",
        b"535 5.7.8x nope\r\n",
        b"535 x5.7.8 nope\r\n",
        b"535 55.7.8 nope\r\n",
        b"535 5..8 nope\r\n",
    ] {
        let (r, _) = read(bad).await.unwrap();
        assert_eq!(r.enhanced, None, "{}", sanitize(bad));
    }
    // Only the first line counts.
    let (r, _) = read(b"250-hello\r\n250 2.0.0 ok\r\n").await.unwrap();
    assert_eq!(r.enhanced, None);
}

#[tokio::test]
async fn intermediate() {
    let (r, _) = read(b"334 VXNlcm5hbWU6\r\n").await.unwrap();
    assert!(r.is_intermediate());
}

#[tokio::test]
async fn malformed() {
    for bad in [
        &b"hello\r\n"[..],
        b"25\r\n",
        b"250x ok\r\n",
        b"199 too low\r\n",
        b"600 too high\r\n",
        b"\x1b[2J250 ok\r\n",
        b"250-a\r\n251 b\r\n",
        b"250-a\r\n550 b\r\n",
    ] {
        match read(bad).await {
            Err(ReplyError::Malformed(m)) => {
                assert!(!m.contains('\x1b'), "{m}");
            }
            other => panic!("{} gave {other:?}", sanitize(bad)),
        }
    }
}

#[test]
fn parse_lines_structure() {
    assert!(matches!(parse_lines(&[]), Err(ReplyError::Malformed(_))));
    assert!(matches!(
        parse_lines(&[b"250-a", b"250-b"]),
        Err(ReplyError::Malformed(_))
    ));
    assert!(matches!(
        parse_lines(&[b"250 a", b"250 b"]),
        Err(ReplyError::Malformed(_))
    ));
    let r = parse_lines(&[b"250-a\r\n", b"250 b\r\n"]).unwrap();
    assert_eq!(r.lines, vec!["a", "b"]);
}

#[tokio::test]
async fn invalid_utf8_and_escapes_are_neutralised() {
    let (r, raw) = read(b"550 bad \xff\xfe byte \x1b[31mred\x1b[0m \x07 \xc2\x9b end\r\r\n")
        .await
        .unwrap();
    let line = &r.lines[0];
    assert!(line.contains('\u{fffd}'));
    assert!(line.contains("\\x1b[31mred"));
    assert!(line.contains("\\x07"));
    assert!(line.contains("\\x9b"));
    assert!(line.ends_with("end"));
    assert!(!line.chars().any(char::is_control));
    assert!(!raw[0].chars().any(char::is_control));
    assert_eq!(sanitize(b"a\tb\x7f"), "a\\x09b\\x7f");
    assert_eq!(sanitize("x\u{202e}y".as_bytes()), "x\\u{202e}y");
}

#[tokio::test]
async fn line_limit() {
    let limits = Limits {
        max_line: 10,
        ..Limits::default()
    };
    let mut ok: &[u8] = b"250 1234567\r\n"; // 11 bytes of content... too long
    assert_eq!(
        read_reply(&mut ok, &limits, SEC).await.unwrap_err(),
        ReplyError::TooLong
    );
    let mut ok: &[u8] = b"250 123456\r\n"; // exactly 10
    assert!(read_reply(&mut ok, &limits, SEC).await.is_ok());
    let mut ok: &[u8] = b"250 123456\n";
    assert!(read_reply(&mut ok, &limits, SEC).await.is_ok());
    // A line without any newline must fail once it passes the limit, not at EOF.
    let long = vec![b'2'; 1000];
    let mut r: &[u8] = &long;
    assert_eq!(
        read_reply(&mut r, &limits, SEC).await.unwrap_err(),
        ReplyError::TooLong
    );
}

#[tokio::test]
async fn line_limit_with_small_reads() {
    // CR and LF arriving in separate reads must still count as the terminator.
    let limits = Limits {
        max_line: 10,
        ..Limits::default()
    };
    let mut r = BufReader::with_capacity(1, &b"250 123456\r\n"[..]);
    let (reply, _) = read_reply(&mut r, &limits, SEC).await.unwrap();
    assert_eq!(reply.lines, vec!["123456"]);
    let mut r = BufReader::with_capacity(1, &b"250 1234567\r\n"[..]);
    assert_eq!(
        read_reply(&mut r, &limits, SEC).await.unwrap_err(),
        ReplyError::TooLong
    );
}

#[tokio::test]
async fn line_count_limit() {
    let limits = Limits {
        max_lines: 3,
        ..Limits::default()
    };
    let mut r: &[u8] = b"250-a\r\n250-b\r\n250 c\r\n";
    assert!(read_reply(&mut r, &limits, SEC).await.is_ok());
    let mut r: &[u8] = b"250-a\r\n250-b\r\n250-c\r\n250 d\r\n";
    assert_eq!(
        read_reply(&mut r, &limits, SEC).await.unwrap_err(),
        ReplyError::TooLong
    );
}

#[tokio::test]
async fn byte_limit() {
    let limits = Limits {
        max_bytes: 20,
        ..Limits::default()
    };
    let mut r: &[u8] = b"250-abcdefgh\r\n250 x\r\n"; // 14 + 7 = 21
    assert_eq!(
        read_reply(&mut r, &limits, SEC).await.unwrap_err(),
        ReplyError::TooLong
    );
    let mut r: &[u8] = b"250-abcdefg\r\n250 x\r\n"; // 20
    assert!(read_reply(&mut r, &limits, SEC).await.is_ok());
}

#[tokio::test]
async fn eof_mid_reply() {
    assert_eq!(
        read(b"").await.unwrap_err(),
        ReplyError::Closed { partial: None }
    );
    assert_eq!(
        read(b"250-a\r\n250-b\r\n25").await.unwrap_err(),
        ReplyError::Closed {
            partial: Some("250-a | 250-b | 25".to_string())
        }
    );
    assert_eq!(
        read(b"220 hel\x1b").await.unwrap_err(),
        ReplyError::Closed {
            partial: Some("220 hel\\x1b".to_string())
        }
    );
}

#[tokio::test]
async fn timeout_when_reply_never_completes() {
    let (client, mut server) = tokio::io::duplex(64);
    server.write_all(b"250-partial\r\n").await.unwrap();
    let mut r = BufReader::new(client);
    let t = Duration::from_millis(50);
    assert_eq!(
        read_reply(&mut r, &Limits::default(), t).await.unwrap_err(),
        ReplyError::Timeout(t)
    );
    drop(server);
}

#[tokio::test]
async fn timeout_bounds_a_trickling_server() {
    let (client, mut server) = tokio::io::duplex(64);
    // Keeps sending one byte every 5 ms: each read makes progress, the reply never ends.
    let writer = tokio::spawn(async move {
        for _ in 0..2000 {
            if server.write_all(b"x").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    });
    let mut r = BufReader::new(client);
    let t = Duration::from_millis(100);
    let limits = Limits {
        max_line: 100_000,
        max_bytes: 100_000,
        ..Limits::default()
    };
    assert_eq!(
        read_reply(&mut r, &limits, t).await.unwrap_err(),
        ReplyError::Timeout(t)
    );
    drop(r);
    writer.abort();
}

proptest! {
    #[test]
    fn parse_lines_and_sanitize_never_panic(
        lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..6)
    ) {
        let refs: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
        let _ = parse_lines(&refs);
        for l in &lines {
            let _ = sanitize(l);
        }
    }

    #[test]
    fn sanitize_output_has_no_control_chars(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = sanitize(&bytes);
        for c in s.chars() {
            let n = u32::from(c);
            prop_assert!(n >= 0x20 && !(0x7f..=0x9f).contains(&n), "{:?}", s);
        }
    }

    #[test]
    fn sanitize_chars_never_panic(s in any::<String>()) {
        let _ = sanitize(s.as_bytes());
    }

    #[test]
    fn well_formed_reply_round_trips(
        // RFC 5321 §4.2.1: first digit 2 to 5, second 0 to 5.
        code in (2u16..=5, 0u16..=5, 0u16..=9).prop_map(|(a, b, c)| a * 100 + b * 10 + c),
        texts in proptest::collection::vec("[ -~]{0,60}", 1..8),
        lf_only in any::<bool>(),
    ) {
        let eol = if lf_only { "\n" } else { "\r\n" };
        let mut wire = String::new();
        for (i, t) in texts.iter().enumerate() {
            let sep = if i + 1 == texts.len() { ' ' } else { '-' };
            let _ = write!(wire, "{code}{sep}{t}{eol}");
        }
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        let mut input = wire.as_bytes();
        let (reply, raw) = rt
            .block_on(read_reply(&mut input, &Limits::default(), SEC))
            .unwrap();
        prop_assert_eq!(reply.code, code);
        prop_assert_eq!(&reply.lines, &texts);
        prop_assert_eq!(raw.len(), texts.len());
        prop_assert!(input.is_empty());
    }
}

#[tokio::test]
async fn a_second_digit_above_five_is_not_a_reply_code() {
    let err = read(b"260 what\r\n").await.unwrap_err();
    assert!(matches!(err, ReplyError::Malformed(m) if m.contains("second digit")));
    assert!(read(b"250 fine\r\n").await.is_ok());
    assert!(read(b"554 still a code\r\n").await.is_ok());
}

#[test]
fn violations_are_told_from_silence() {
    assert!(ReplyError::Malformed("x".into()).is_violation());
    assert!(ReplyError::TooLong.is_violation());
    assert!(ReplyError::Unsolicited("250 ok".into()).is_violation());
    assert!(!ReplyError::Timeout(SEC).is_violation());
    assert!(!ReplyError::Closed { partial: None }.is_violation());
}
