//! Exim 4's main-log messages (the Exim specification, chapter "Log files"): connections
//! (`log_selector = +smtp_connection`), authenticator failures, accepted messages with
//! `A=authenticator:id`, TLS errors, ACL rejections and dropped sessions.

use crate::server::model::LogEvent;

use super::classified::{after_client, value_after, Classified};

pub fn classify(message: &str) -> Classified {
    let m = message;
    if let Some(at) = m.find(" authenticator failed for ") {
        // dovecot_login authenticator failed for (helo) [IP]:port: 535 Incorrect
        // authentication data (set_id=alice@example.test)
        let rest = m.get(at..).unwrap_or("");
        let reply = after_client(rest).map(|r| r.split_once(" (set_id=").map_or(r, |(a, _)| a));
        return Classified::new(LogEvent::AuthFailed)
            .account(value_after(rest, "(set_id=", &[')']))
            .reply(reply);
    }
    if m.contains(" <= ") {
        // An accepted message; after AUTH it carries A=authenticator:login.
        return match value_after(m, " A=", &[' ']) {
            Some(a) => {
                Classified::new(LogEvent::AuthOk).account(a.split_once(':').map(|(_, id)| id))
            }
            None => Classified::other(),
        };
    }
    if let Some(rest) = m
        .find("TLS error on connection from ")
        .and_then(|i| m.get(i..))
    {
        return Classified::new(LogEvent::TlsFailed).reply(after_client(rest));
    }
    if let Some((_, reason)) = m.split_once(" dropped: ") {
        if m.contains("SMTP call from ") {
            return Classified::new(LogEvent::Rejected).reply(Some(reason));
        }
    }
    if let Some(at) = m.find("SMTP protocol synchronization error") {
        let rest = m.get(at..).unwrap_or("");
        let reason = rest.split_once(": rejected").map_or(rest, |(r, _)| r);
        return Classified::new(LogEvent::Rejected).reply(Some(reason));
    }
    if let Some(at) = m
        .find("rejected ")
        .filter(|&i| i == 0 || m.as_bytes()[i - 1] == b' ')
    {
        // H=(helo) [IP]:port F=<a> rejected RCPT <b>: relay not permitted
        let rest = m.get(at + "rejected ".len()..).unwrap_or("");
        let reason = rest.split_once(": ").map_or(rest, |(_, r)| r);
        return Classified::new(LogEvent::Rejected).reply(Some(reason));
    }
    if m.starts_with("Connection from ") && m.contains(" refused") {
        let reason = m.split_once(" refused: ").map(|(_, r)| r);
        return Classified::new(LogEvent::Rejected).reply(reason.or(Some("connection refused")));
    }
    if let Some(rest) = m.strip_prefix("SMTP connection from ") {
        if rest.contains(" lost") || rest.contains(" closed by ") {
            return Classified::new(LogEvent::Disconnect);
        }
        return Classified::new(LogEvent::Connect);
    }
    if m.starts_with("unexpected disconnection while reading SMTP command from ") {
        return Classified::new(LogEvent::Disconnect);
    }
    Classified::other()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Forms from the Exim specification ("Log files", "SMTP authentication", "Encrypted SMTP
    // connections"); see tests/fixtures/server/logs/README.md.
    #[test]
    fn connections() {
        assert_eq!(
            classify("SMTP connection from [198.51.100.7]:54321 (TCP/IP connection count = 1)")
                .event,
            LogEvent::Connect
        );
        assert_eq!(
            classify("SMTP connection from (pc.example.test) [198.51.100.7]:54321 closed by QUIT")
                .event,
            LogEvent::Disconnect
        );
        assert_eq!(
            classify("SMTP connection from [198.51.100.7]:54321 lost D=0s").event,
            LogEvent::Disconnect
        );
        assert_eq!(
            classify("unexpected disconnection while reading SMTP command from (pc) [198.51.100.7]:54321 D=2s").event,
            LogEvent::Disconnect
        );
    }

    #[test]
    fn authentication() {
        let f = classify("dovecot_login authenticator failed for (pc.example.test) [198.51.100.7]:54321: 535 Incorrect authentication data (set_id=alice@example.test)");
        assert_eq!(f.event, LogEvent::AuthFailed);
        assert_eq!(f.account.as_deref(), Some("alice@example.test"));
        assert_eq!(
            f.reply.as_deref(),
            Some("535 Incorrect authentication data")
        );
        let ok = classify("1tXyZa-000ABC-DE <= alice@example.test H=(pc.example.test) [198.51.100.7]:54321 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:alice@example.test S=1234 id=x@pc");
        assert_eq!(
            (ok.event, ok.account.as_deref()),
            (LogEvent::AuthOk, Some("alice@example.test"))
        );
        let anon = classify("1tXyZa-000ABC-DE <= bob@elsewhere.test H=mx.elsewhere.test [203.0.113.80]:4000 P=esmtps S=99");
        assert_eq!(anon.event, LogEvent::Other);
    }

    #[test]
    fn tls_and_rejections() {
        let t = classify("TLS error on connection from (pc.example.test) [198.51.100.7]:54321 (SSL_accept): error:0A000102:SSL routines::unsupported protocol");
        assert_eq!(t.event, LogEvent::TlsFailed);
        assert_eq!(
            t.reply.as_deref(),
            Some("(SSL_accept): error:0A000102:SSL routines::unsupported protocol")
        );
        let r = classify("H=(pc.example.test) [198.51.100.7]:54321 F=<alice@example.test> rejected RCPT <bob@elsewhere.test>: relay not permitted");
        assert_eq!(
            (r.event, r.reply.as_deref()),
            (LogEvent::Rejected, Some("relay not permitted"))
        );
        let acl = classify("H=[198.51.100.7]:54321 rejected connection in \"connect\" ACL");
        assert_eq!(acl.reply.as_deref(), Some("connection in \"connect\" ACL"));
        let d = classify("SMTP call from (pc) [198.51.100.7]:54321 dropped: too many unrecognized commands (last was \"xyz\")");
        assert_eq!(
            (d.event, d.reply.as_deref()),
            (
                LogEvent::Rejected,
                Some("too many unrecognized commands (last was \"xyz\")")
            )
        );
        let sync = classify("SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection from H=[198.51.100.7]:54321 input=\"EHLO x\"");
        assert_eq!(
            sync.reply.as_deref(),
            Some("SMTP protocol synchronization error (input sent without waiting for greeting)")
        );
        let refused = classify("Connection from [198.51.100.7] refused: too many connections");
        assert_eq!(refused.reply.as_deref(), Some("too many connections"));
        assert_eq!(
            classify("no host name found for IP address 198.51.100.7").event,
            LogEvent::Other
        );
    }
}
