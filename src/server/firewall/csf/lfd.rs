//! What lfd (CSF's login failure daemon) writes as the reason of a ban, taken apart: the
//! trigger in brackets and the counts. lfd.pl writes `lfd: (TRIGGER) TEXT` in csf.deny
//! comments and `lfd - (TRIGGER) TEXT` in csf.tempban; the login triggers end in
//! `: COUNT in the last SECS secs`, the permanent block after repeated temporary ones says
//! `IP has had more than COUNT temp blocks in the last SECS secs`.

/// The parts of an lfd reason; every part is optional (a hand-made comment has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LfdReason {
    /// `smtpauth`, `imapd`, `pop3d`, `PERMBLOCK`, ... as lfd wrote it.
    pub trigger: Option<String>,
    /// The failures that triggered it (`5 in the last 3600 secs`).
    pub failures: Option<i64>,
    /// The interval lfd counted them in, in seconds.
    pub interval: Option<i64>,
    /// For `PERMBLOCK`: the temporary blocks the address had before.
    pub temp_blocks: Option<i64>,
}

/// Reads a csf.deny comment or a csf.tempban message; `None` when lfd did not write it.
pub fn parse(text: &str) -> Option<LfdReason> {
    let t = text.trim();
    let rest = t
        .strip_prefix("lfd:")
        .or_else(|| t.strip_prefix("lfd -"))?
        .trim_start();
    let mut r = LfdReason::default();
    if let Some(inner) = rest.strip_prefix('(') {
        if let Some((trigger, _)) = inner.split_once(')') {
            let trigger = trigger.trim();
            if !trigger.is_empty() && !trigger.contains(char::is_whitespace) {
                r.trigger = Some(trigger.to_string());
            }
        }
    }
    if let Some((before, after)) = rest.rsplit_once(" in the last ") {
        r.interval = leading_number(after);
        if let Some(head) = before.strip_suffix(" temp blocks") {
            r.temp_blocks = trailing_number(head);
        } else {
            r.failures = trailing_number(before);
        }
    }
    Some(r)
}

fn leading_number(s: &str) -> Option<i64> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn trailing_number(s: &str) -> Option<i64> {
    let word = s.rsplit(|c: char| c.is_whitespace() || c == ':').next()?;
    word.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_failure_triggers() {
        let r = parse("lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.13 (-): 5 in the last 3600 secs").unwrap();
        assert_eq!(r.trigger.as_deref(), Some("smtpauth"));
        assert_eq!(
            (r.failures, r.interval, r.temp_blocks),
            (Some(5), Some(3600), None)
        );
        let r = parse("lfd - (imapd) Failed IMAP login from 2001:db8::7 (XX/Country/-): 10 in the last 300 secs").unwrap();
        assert_eq!(r.trigger.as_deref(), Some("imapd"));
        assert_eq!((r.failures, r.interval), (Some(10), Some(300)));
    }

    #[test]
    fn permanent_after_temporary_blocks() {
        let r = parse(
            "lfd: (PERMBLOCK) 198.51.100.7 has had more than 4 temp blocks in the last 86400 secs",
        )
        .unwrap();
        assert_eq!(r.trigger.as_deref(), Some("PERMBLOCK"));
        assert_eq!(
            (r.temp_blocks, r.interval, r.failures),
            (Some(4), Some(86400), None)
        );
    }

    #[test]
    fn other_comments() {
        assert_eq!(parse("Spam run from a hacked PC, abuse ticket 4711"), None);
        assert_eq!(parse("Manual Deny"), None);
        let r = parse("lfd: something new").unwrap();
        assert_eq!(r, LfdReason::default());
        let r = parse("lfd: (x y) 3 in the last x secs").unwrap();
        assert_eq!((r.trigger, r.failures, r.interval), (None, Some(3), None));
    }
}
