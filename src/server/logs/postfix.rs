//! Postfix's messages (smtpd, postscreen, anvil, tlsproxy), as Postfix 3.x writes them.

use crate::server::model::LogEvent;

use super::classified::{after_client, value_after, Classified};

/// `NOQUEUE: ` or a queue id (`C15A198C6A0: `, long ids `4Y5xQ81Zm8z9sVt: `) before the text.
fn strip_queue_id(m: &str) -> &str {
    if let Some((id, rest)) = m.split_once(": ") {
        let looks_like_id = id == "NOQUEUE"
            || ((6..=20).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_alphanumeric())
                && id.bytes().any(|b| b.is_ascii_digit()));
        if looks_like_id {
            return rest;
        }
    }
    m
}

/// The reply in a reject line: `... from host[IP]: 554 5.7.1 <x>: Relay access denied;
/// from=<...> to=<...> ...` gives `554 5.7.1 <x>: Relay access denied`.
fn reject_reply(rest: &str) -> Option<&str> {
    let after = after_client(rest)?;
    let end = ["; from=", "; proto="]
        .iter()
        .filter_map(|k| after.find(k))
        .min()
        .unwrap_or(after.len());
    after.get(..end)
}

pub fn classify(message: &str) -> Classified {
    let m = strip_queue_id(message);
    if m.starts_with("connect from ") || m.starts_with("CONNECT from ") {
        return Classified::new(LogEvent::Connect);
    }
    if m.starts_with("disconnect from ")
        || m.starts_with("DISCONNECT ")
        || m.starts_with("HANGUP after ")
    {
        return Classified::new(LogEvent::Disconnect);
    }
    if let Some(rest) = m.strip_prefix("client=") {
        // Written when the client says MAIL FROM; after AUTH it names the login.
        return match value_after(rest, "sasl_username=", &[',', ' ']) {
            Some(user) => Classified::new(LogEvent::AuthOk).account(Some(user)),
            None => Classified::other(),
        };
    }
    if let Some(rest) = m
        .strip_prefix("reject: ")
        .or_else(|| m.strip_prefix("milter-reject: "))
    {
        return Classified::new(LogEvent::Rejected)
            .reply(reject_reply(rest))
            .account(value_after(rest, "not owned by user ", &[';', ' ', ',']));
    }
    if let Some(rest) = m.strip_prefix("reject_warning: ") {
        return Classified::other().reply(reject_reply(rest));
    }
    if let Some(rest) = m.strip_prefix("SSL_accept error from ") {
        return Classified::new(LogEvent::TlsFailed).reply(after_client(rest));
    }
    if let Some(rest) = m.strip_prefix("warning: TLS library problem: ") {
        return Classified::new(LogEvent::TlsFailed).reply(Some(rest));
    }
    for phase in ["lost connection after STARTTLS", "timeout after STARTTLS"] {
        if m.starts_with(phase) {
            return Classified::new(LogEvent::TlsFailed).reply(Some(phase));
        }
    }
    if m.starts_with("too many errors after AUTH from ") {
        // smtpd_hard_error_limit reached by failed logins: the session is cut (421).
        return Classified::new(LogEvent::AuthFailed).reply(Some("too many errors after AUTH"));
    }
    if let Some(rest) = m.strip_prefix("too many errors after ") {
        let phase = rest.split_once(" from ").map_or(rest, |(p, _)| p);
        return Classified::new(LogEvent::Rejected)
            .reply(Some(&format!("too many errors after {phase}")));
    }
    if let Some(rest) = m.strip_prefix("warning: ") {
        if let Some(sasl) = rest.find("SASL ").and_then(|i| rest.get(i..)) {
            if sasl.contains(" authentication failed") {
                let reason = sasl.split_once(", sasl_username=").map_or(sasl, |(r, _)| r);
                return Classified::new(LogEvent::AuthFailed)
                    .reply(Some(reason))
                    .account(value_after(sasl, "sasl_username=", &[',', ' ']));
            }
        }
        if rest.contains(" limit exceeded") {
            // anvil's limits: the client was refused with 421/450.
            return Classified::new(LogEvent::Rejected).reply(Some(rest));
        }
        return Classified::other();
    }
    for word in ["DENYLISTED ", "BLACKLISTED "] {
        if m.starts_with(word) {
            return Classified::new(LogEvent::Rejected)
                .reply(Some("on postscreen's deny list (postscreen_access_list)"));
        }
    }
    Classified::other()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(m: &str) -> Classified {
        classify(m)
    }

    // Messages from tests/fixtures/server/logs/postfix-maillog.log (real Postfix 3.7 lines).
    #[test]
    fn real_submission_lines() {
        assert_eq!(
            c("connect from client7.example.test[198.51.100.7]").event,
            LogEvent::Connect
        );
        assert_eq!(
            c("disconnect from client7.example.test[198.51.100.7] ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5").event,
            LogEvent::Disconnect
        );
        let ok = c("AAD5798E2FA: client=client7.example.test[198.51.100.7], sasl_method=PLAIN, sasl_username=alice@example.test");
        assert_eq!(ok.event, LogEvent::AuthOk);
        assert_eq!(ok.account.as_deref(), Some("alice@example.test"));
        let plain = c("AAD5798E2FA: client=unknown[198.51.100.7]");
        assert_eq!(plain.event, LogEvent::Other);

        let failed = c("warning: client7.example.test[198.51.100.7]: SASL LOGIN authentication failed: (reason unavailable), sasl_username=alice@example.test");
        assert_eq!(failed.event, LogEvent::AuthFailed);
        assert_eq!(failed.account.as_deref(), Some("alice@example.test"));
        assert_eq!(
            failed.reply.as_deref(),
            Some("SASL LOGIN authentication failed: (reason unavailable)")
        );
        let lost = c("warning: client7.example.test[198.51.100.7]: SASL PLAIN authentication failed: Connection lost to authentication server, sasl_username=(unavailable)");
        assert_eq!(lost.event, LogEvent::AuthFailed);
        assert_eq!(lost.account, None);
        assert_eq!(
            lost.reply.as_deref(),
            Some("SASL PLAIN authentication failed: Connection lost to authentication server")
        );
        // Older Postfix: no sasl_username, base64 challenge as the reason.
        let old =
            c("warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
        assert_eq!((old.event, old.account), (LogEvent::AuthFailed, None));

        let many = c("too many errors after AUTH from client7.example.test[198.51.100.7]");
        assert_eq!(many.event, LogEvent::AuthFailed);
        assert_eq!(many.reply.as_deref(), Some("too many errors after AUTH"));
        let rcpt = c("too many errors after RCPT from unknown[198.51.100.7]");
        assert_eq!(
            (rcpt.event, rcpt.reply.as_deref()),
            (LogEvent::Rejected, Some("too many errors after RCPT"))
        );
    }

    #[test]
    fn real_tls_failures() {
        let a = c("SSL_accept error from client7.example.test[198.51.100.7]: lost connection");
        assert_eq!(
            (a.event, a.reply.as_deref()),
            (LogEvent::TlsFailed, Some("lost connection"))
        );
        let b = c("SSL_accept error from client7.example.test[198.51.100.7]: -1");
        assert_eq!(b.reply.as_deref(), Some("-1"));
        let lib = c("warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:../ssl/statem/statem_srvr.c:1664:");
        assert_eq!(lib.event, LogEvent::TlsFailed);
        assert!(lib
            .reply
            .unwrap()
            .starts_with("error:0A000102:SSL routines::unsupported protocol"));
        let st = c("lost connection after STARTTLS from client7.example.test[198.51.100.7]");
        assert_eq!(
            (st.event, st.reply.as_deref()),
            (LogEvent::TlsFailed, Some("lost connection after STARTTLS"))
        );
        assert_eq!(
            c("lost connection after CONNECT from client7.example.test[198.51.100.7]").event,
            LogEvent::Other
        );
        assert_eq!(
            c("lost connection after AUTH from x[198.51.100.7]").event,
            LogEvent::Other
        );
    }

    #[test]
    fn real_rejections() {
        let relay = c("NOQUEUE: reject: RCPT from client7.example.test[198.51.100.7]: 554 5.7.1 <bob@elsewhere.test>: Relay access denied; from=<someone@elsewhere.test> to=<bob@elsewhere.test> proto=ESMTP helo=<pc.example.test>");
        assert_eq!(relay.event, LogEvent::Rejected);
        assert_eq!(
            relay.reply.as_deref(),
            Some("554 5.7.1 <bob@elsewhere.test>: Relay access denied")
        );
        let blocked = c("NOQUEUE: reject: RCPT from client7.example.test[198.51.100.7]: 554 5.7.1 <client7.example.test[198.51.100.7]>: Client host rejected: Blocked by the fixture lab; from=<alice@example.test> to=<bob@elsewhere.test> proto=ESMTP helo=<pc.example.test>");
        assert_eq!(
            blocked.reply.as_deref(),
            Some("554 5.7.1 <client7.example.test[198.51.100.7]>: Client host rejected: Blocked by the fixture lab")
        );
        let owned = c("NOQUEUE: reject: RCPT from client7.example.test[198.51.100.7]: 553 5.7.1 <bob@example.test>: Sender address rejected: not owned by user alice@example.test; from=<bob@example.test> to=<carol@elsewhere.test> proto=ESMTP helo=<pc.example.test>");
        assert_eq!(owned.account.as_deref(), Some("alice@example.test"));
        let ps = c("NOQUEUE: reject: RCPT from [198.51.100.7]:42735: 550 5.5.1 Protocol error; from=<a@example.test>, to=<b@elsewhere.test>, proto=ESMTP, helo=<pc.example.test>");
        assert_eq!(ps.reply.as_deref(), Some("550 5.5.1 Protocol error"));
        let conn = c("NOQUEUE: reject: CONNECT from unknown[198.51.100.7]: 554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied; proto=SMTP");
        assert_eq!(
            conn.reply.as_deref(),
            Some("554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied")
        );
        let milter = c("4ABC123DEF: milter-reject: END-OF-MESSAGE from x[198.51.100.7]: 5.7.1 Spam; from=<a@b> to=<c@d>");
        assert_eq!(
            (milter.event, milter.reply.as_deref()),
            (LogEvent::Rejected, Some("5.7.1 Spam"))
        );
        let warn = c("NOQUEUE: reject_warning: RCPT from x[198.51.100.7]: 450 4.7.1 Client host rejected: cannot find your hostname; from=<a@b>");
        assert_eq!(warn.event, LogEvent::Other);
        let rate = c("warning: Connection rate limit exceeded: 31 from unknown[198.51.100.7] for service submission");
        assert_eq!(rate.event, LogEvent::Rejected);
        assert_eq!(rate.reply.as_deref(), Some("Connection rate limit exceeded: 31 from unknown[198.51.100.7] for service submission"));
    }

    #[test]
    fn real_postscreen_and_anvil_lines() {
        assert_eq!(
            c("CONNECT from [198.51.100.7]:42735 to [198.51.100.25]:25").event,
            LogEvent::Connect
        );
        assert_eq!(
            c("DISCONNECT [198.51.100.7]:42735").event,
            LogEvent::Disconnect
        );
        assert_eq!(c("PASS NEW [198.51.100.7]:36015").event, LogEvent::Other);
        assert_eq!(
            c("PREGREET 22 after 0 from [198.51.100.7]:42735: EHLO pc.example.test\\r\\n").event,
            LogEvent::Other
        );
        assert_eq!(
            c("HANGUP after 0.5 from [198.51.100.7]:4000 in tests after SMTP handshake").event,
            LogEvent::Disconnect
        );
        let deny = c("DENYLISTED [198.51.100.7]:4000");
        assert_eq!(deny.event, LogEvent::Rejected);
        assert_eq!(
            c("statistics: max connection rate 9/60s for (198.51.100.25:587:198.51.100.7) at Dec  1 10:38:45").event,
            LogEvent::Other
        );
        assert_eq!(
            c("warning: hostname x.example does not resolve to address 198.51.100.7").event,
            LogEvent::Other
        );
    }
}
