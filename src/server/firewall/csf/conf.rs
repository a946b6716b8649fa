//! csf.conf: `NAME = "value"` lines, read the way ConfigServer::Config's `loadconfig` does
//! (lines starting with whitespace or `#` are skipped; the value is what lies between the
//! first and the last double quote).

/// One setting with its line number (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfValue {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// The settings that explain or predict a ban of a mail client.
pub const EXPLAINING: &[&str] = &[
    "TESTING",
    "LF_TRIGGER",
    "LF_TRIGGER_PERM",
    "LF_SELECT",
    "LF_SMTPAUTH",
    "LF_SMTPAUTH_PERM",
    "LF_POP3D",
    "LF_POP3D_PERM",
    "LF_IMAPD",
    "LF_IMAPD_PERM",
    "LF_DISTSMTP",
    "LF_INTERVAL",
    "LF_PERMBLOCK",
    "LF_PERMBLOCK_INTERVAL",
    "LF_PERMBLOCK_COUNT",
    "DENY_IP_LIMIT",
    "DENY_TEMP_IP_LIMIT",
    "SMTP_BLOCK",
    "PORTS_smtpauth",
];

pub fn parse(text: &str) -> Vec<ConfValue> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.is_empty() || line.starts_with(char::is_whitespace) || line.starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let (Some(first), Some(last)) = (value.find('"'), value.rfind('"')) else {
            continue;
        };
        if first == last {
            continue;
        }
        out.push(ConfValue {
            name: name.chars().filter(|c| !c.is_whitespace()).collect(),
            value: value[first + 1..last].to_string(),
            line: i + 1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_with_lines() {
        let text = "# comment\nTESTING = \"0\"\n  LF_SMTPAUTH = \"9\"\nLF_SMTPAUTH = \"5\"\nLF_SMTPAUTH_PERM=\"1\"\nBROKEN = 5\nPORTS_smtpauth = \"25,465,587\" # note\nEMPTY = \"\"\n";
        let v = parse(text);
        let names: Vec<_> = v
            .iter()
            .map(|c| (c.name.as_str(), c.value.as_str(), c.line))
            .collect();
        assert_eq!(
            names,
            [
                ("TESTING", "0", 2),
                ("LF_SMTPAUTH", "5", 4),
                ("LF_SMTPAUTH_PERM", "1", 5),
                ("PORTS_smtpauth", "25,465,587", 7),
                ("EMPTY", "", 8),
            ]
        );
    }
}
