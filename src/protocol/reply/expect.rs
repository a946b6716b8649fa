//! Which reply codes can answer which command (RFC 5321 §4.3.2, RFC 3207, RFC 4954). A
//! reply outside them belongs to something else (a greeting sent twice, a reply the server
//! sent on its own, the answer to an earlier command) and must not be taken as the answer.

/// The commands the probe sends, by what their replies may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Ehlo,
    Starttls,
    /// `AUTH` and every later step of the exchange (credentials, `*`).
    Auth,
    Mail,
    Rcpt,
    Rset,
    Quit,
    /// A line that is not a command: a credential in an AUTH exchange.
    AuthStep,
}

impl Verb {
    /// The verb of a command line (its first word); `AuthStep` for anything else.
    pub fn of(line: &str) -> Verb {
        let word = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
        match word.as_str() {
            "EHLO" => Verb::Ehlo,
            "STARTTLS" => Verb::Starttls,
            "AUTH" => Verb::Auth,
            "MAIL" => Verb::Mail,
            "RCPT" => Verb::Rcpt,
            "RSET" => Verb::Rset,
            "QUIT" => Verb::Quit,
            _ => Verb::AuthStep,
        }
    }

    /// How the verb is named in evidence.
    pub fn name(self) -> &'static str {
        match self {
            Verb::Ehlo => "EHLO",
            Verb::Starttls => "STARTTLS",
            Verb::Auth | Verb::AuthStep => "AUTH",
            Verb::Mail => "MAIL FROM",
            Verb::Rcpt => "RCPT TO",
            Verb::Rset => "RSET",
            Verb::Quit => "QUIT",
        }
    }
}

/// Whether `code` can answer `verb`. Every command may be refused (4xx, 5xx); what differs
/// is which success and intermediate codes fit.
pub fn answers(verb: Verb, code: u16) -> bool {
    if (400..600).contains(&code) {
        return true;
    }
    match verb {
        Verb::Ehlo | Verb::Mail | Verb::Rset => code == 250,
        Verb::Rcpt => matches!(code, 250..=252),
        Verb::Starttls => code == 220,
        Verb::Auth | Verb::AuthStep => matches!(code, 235 | 334),
        Verb::Quit => code == 221,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_fits_only_the_commands_it_can_answer() {
        assert!(answers(Verb::of("EHLO [127.0.0.1]"), 250));
        assert!(!answers(Verb::of("EHLO [127.0.0.1]"), 220));
        assert!(answers(Verb::of("ehlo x"), 554));
        assert!(!answers(Verb::of("MAIL FROM:<a@b>"), 354));
        assert!(answers(Verb::of("RCPT TO:<a@b>"), 251));
        assert!(!answers(Verb::of("RSET"), 221));
        assert!(answers(Verb::of("STARTTLS"), 454));
        assert!(!answers(Verb::of("STARTTLS"), 250));
        assert!(answers(Verb::of("AUTH PLAIN abc"), 334));
        assert!(!answers(Verb::of("AUTH PLAIN abc"), 250));
        assert!(answers(Verb::of("dXNlcg=="), 235));
        assert!(answers(Verb::of("QUIT"), 221));
        assert_eq!(Verb::of("MAIL FROM:<a@b>").name(), "MAIL FROM");
    }
}
