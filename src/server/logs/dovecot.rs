//! Dovecot 2.3's messages: the auth process's passdb results (`auth_verbose = yes`), the
//! login processes' `Login:` / `Disconnected (auth failed ...)` lines, and the mail
//! processes' `Disconnected`. Accepts both layouts: `auth: Info: text` (`log_path`) and
//! `auth: text` (syslog, where the level is not written).

use crate::server::model::LogEvent;

use super::classified::{value_after, Classified};

const LEVELS: [&str; 6] = [
    "Info: ",
    "Warning: ",
    "Error: ",
    "Fatal: ",
    "Panic: ",
    "Debug: ",
];

fn strip_level(s: &str) -> &str {
    LEVELS.iter().find_map(|l| s.strip_prefix(l)).unwrap_or(s)
}

/// `passwd-file(alice@example.test,198.51.100.7,<sess>): Password mismatch` gives the user
/// and the reason.
fn passdb_result(body: &str) -> Option<(&str, &str)> {
    let open = body.find('(')?;
    let driver = body.get(..open)?;
    if driver.is_empty() || driver.contains(' ') {
        return None;
    }
    let inner_and_rest = body.get(open + 1..)?;
    let (inner, reason) = inner_and_rest.split_once("): ")?;
    let user = inner.split(',').next().unwrap_or("");
    Some((user, reason))
}

fn is_auth_failure(reason: &str) -> bool {
    let r = reason.to_ascii_lowercase();
    [
        "mismatch",
        "unknown user",
        "failed",
        "invalid",
        "disabled",
        "expired",
        "denied",
        "locked",
    ]
    .iter()
    .any(|w| r.contains(w))
}

/// `user=<alice@example.test>` (empty `user=<>` gives none).
fn login_user(body: &str) -> Option<&str> {
    value_after(body, "user=<", &['>'])
}

/// A login process's TLS failure: `TLS handshaking: SSL_accept() failed: ...` up to
/// `, session=`.
fn tls_reason(body: &str) -> Option<&str> {
    let start = ["SSL_accept() failed", "TLS handshaking", "TLS handshake"]
        .iter()
        .filter_map(|k| body.find(k))
        .min()?;
    let rest = body.get(start..)?;
    Some(rest.split_once(", session=").map_or(rest, |(r, _)| r))
}

pub fn classify(message: &str) -> Classified {
    let Some((component, rest)) = message.split_once(": ") else {
        return Classified::other();
    };
    let body = strip_level(rest);
    if component == "auth" || component.starts_with("auth-worker") {
        return match passdb_result(body) {
            Some((user, reason)) if is_auth_failure(reason) => {
                Classified::new(LogEvent::AuthFailed)
                    .account(Some(user))
                    .reply(Some(reason))
            }
            Some((user, _)) => Classified::other().account(Some(user)),
            None => Classified::other(),
        };
    }
    if component.ends_with("-login") {
        let user = login_user(body);
        if body.starts_with("Login: ") {
            return Classified::new(LogEvent::AuthOk).account(user);
        }
        if let Some(at) = body.find("(auth failed") {
            let reason = body
                .get(at + 1..)
                .and_then(|r| r.split_once(')'))
                .map(|(r, _)| r);
            return Classified::new(LogEvent::AuthFailed)
                .account(user)
                .reply(reason);
        }
        if body.contains("disallowed plaintext auth") {
            return Classified::new(LogEvent::AuthFailed)
                .account(user)
                .reply(Some("tried to use disallowed plaintext auth"));
        }
        if let Some(reason) = tls_reason(body) {
            return Classified::new(LogEvent::TlsFailed)
                .account(user)
                .reply(Some(reason));
        }
        if body.starts_with("Disconnected") || body.starts_with("Aborted login") {
            return Classified::new(LogEvent::Disconnect).account(user);
        }
        return Classified::other().account(user);
    }
    // imap(alice@example.test)<pid><session>, pop3(...), submission(...), lmtp(...)
    let user = component
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map(|(u, _)| u)
        .filter(|u| !u.bytes().all(|b| b.is_ascii_digit()));
    if body.starts_with("Disconnected") {
        return Classified::new(LogEvent::Disconnect).account(user);
    }
    Classified::other().account(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Messages from tests/fixtures/server/logs/dovecot.log (real Dovecot 2.3.19 lines).
    #[test]
    fn real_auth_lines() {
        let m =
            classify("auth: Info: passwd-file(alice@example.test,198.51.100.7): Password mismatch");
        assert_eq!(m.event, LogEvent::AuthFailed);
        assert_eq!(m.account.as_deref(), Some("alice@example.test"));
        assert_eq!(m.reply.as_deref(), Some("Password mismatch"));
        let u = classify("auth: Info: passwd-file(nobody@example.test,198.51.100.7): unknown user");
        assert_eq!(
            (u.event, u.reply.as_deref()),
            (LogEvent::AuthFailed, Some("unknown user"))
        );
        let s = classify("auth: Info: passwd-file(alice@example.test,2001:db8::7,<rLgAIpBhr4kgAQ24AAAAAAAAAAAAAAAH>): Password mismatch");
        assert_eq!(s.account.as_deref(), Some("alice@example.test"));
        // Syslog layout (no level word) and the PAM worker.
        let sys = classify("auth: passwd-file(alice@example.test,198.51.100.7): Password mismatch");
        assert_eq!(sys.event, LogEvent::AuthFailed);
        let pam = classify("auth-worker(1234): Info: pam(alice,198.51.100.7,<Yx>): pam_authenticate() failed: Authentication failure (password mismatch?)");
        assert_eq!(
            (pam.event, pam.account.as_deref()),
            (LogEvent::AuthFailed, Some("alice"))
        );
        assert_eq!(
            classify("auth: Error: auth client 0 disconnected with 1 pending requests: EOF").event,
            LogEvent::Other
        );
    }

    #[test]
    fn real_login_lines() {
        let ok = classify("imap-login: Info: Login: user=<alice@example.test>, method=PLAIN, rip=198.51.100.7, lip=198.51.100.25, mpid=8366, session=<VsmjIZBht6zGM2QH>");
        assert_eq!(
            (ok.event, ok.account.as_deref()),
            (LogEvent::AuthOk, Some("alice@example.test"))
        );
        let failed = classify("imap-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 0 secs): user=<alice@example.test>, method=PLAIN, rip=198.51.100.7, lip=198.51.100.25, session=<74eoIZBhuanGM2QH>");
        assert_eq!(failed.event, LogEvent::AuthFailed);
        assert_eq!(
            failed.reply.as_deref(),
            Some("auth failed, 1 attempts in 0 secs")
        );
        assert_eq!(failed.account.as_deref(), Some("alice@example.test"));
        let tls = classify("imap-login: Info: Disconnected: Connection closed (no auth attempts in 1 secs): user=<>, rip=198.51.100.7, lip=198.51.100.25, TLS handshaking: Connection closed, session=<SNW3IZBhKYzGM2QH>");
        assert_eq!((tls.event, tls.account), (LogEvent::TlsFailed, None));
        assert_eq!(
            tls.reply.as_deref(),
            Some("TLS handshaking: Connection closed")
        );
        let ssl = classify("submission-login: Info: Disconnected (no auth attempts in 0 secs): user=<>, rip=198.51.100.7, lip=198.51.100.25, TLS handshaking: SSL_accept() failed: error:0A000102:SSL routines::unsupported protocol, session=<x>");
        assert_eq!(
            ssl.reply.as_deref(),
            Some("TLS handshaking: SSL_accept() failed: error:0A000102:SSL routines::unsupported protocol")
        );
        let early = classify("imap-login: Info: Disconnected: Connection closed (disconnected before auth was ready, waited 0 secs): user=<>, rip=198.51.100.25, lip=198.51.100.25, secured, session=<Jf8jIZBh4qzGM2QZ>");
        assert_eq!(early.event, LogEvent::Disconnect);
        let plain = classify("pop3-login: Disconnected (tried to use disallowed plaintext auth): user=<>, rip=198.51.100.7");
        assert_eq!(plain.event, LogEvent::AuthFailed);
    }

    #[test]
    fn real_mail_process_lines() {
        let out = classify("imap(alice@example.test)<8366><VsmjIZBht6zGM2QH>: Info: Disconnected: Logged out in=12 out=477");
        assert_eq!(
            (out.event, out.account.as_deref()),
            (LogEvent::Disconnect, Some("alice@example.test"))
        );
        assert_eq!(
            classify("master: Info: Dovecot v2.3.19.1 starting up").event,
            LogEvent::Other
        );
        assert_eq!(
            classify("lmtp(12345): Info: Connect from local").account,
            None
        );
        assert_eq!(classify("no colon here").event, LogEvent::Other);
    }
}
