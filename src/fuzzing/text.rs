//! A pasted error message: what is recognised in it never carries a control character out,
//! whether read against the shipped catalogue or against a catalogue read from the same text.

use crate::error_text::{catalogue, parse_catalogue, read_in, Recognised};

use super::{ensure, Checked};

fn check_recognised(r: &Recognised) -> Checked {
    let fields = [
        ("code", &r.code),
        ("account", &r.account),
        ("server reply", &r.server_reply),
        ("meaning", &r.meaning),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            ensure(!v.chars().any(char::is_control), || {
                format!("the recognised {name} holds a control character: {v:?}")
            })?;
        }
    }
    let summary = r.summary();
    ensure(!summary.chars().any(char::is_control), || {
        format!("the summary holds a control character: {summary:?}")
    })
}

pub(super) fn check_error_text(data: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(data);
    let reading = read_in(catalogue(), &text);
    check_recognised(&reading.recognised)?;
    if let Some(code) = &reading.recognised.code {
        let digits = code.strip_prefix("0x").unwrap_or(code);
        ensure(text.to_ascii_uppercase().contains(digits), || {
            format!("recognised code {code:?} is not in the message")
        })?;
    }
    // The same text as a catalogue: what it accepts keeps the catalogue's rules, and reading
    // with it is as safe as with the shipped one.
    if let Ok(codes) = parse_catalogue(&text) {
        for k in &codes {
            let kinds = [k.code.is_some(), k.pattern.is_some(), k.socket.is_some()];
            ensure(kinds.iter().filter(|b| **b).count() == 1, || {
                format!("accepted entry {k:?} without exactly one of code, pattern, socket")
            })?;
        }
        check_recognised(&read_in(&codes, &text).recognised)?;
    }
    Ok(())
}
