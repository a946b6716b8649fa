//! The sign-in test: one AUTH attempt (PLAIN when offered, else LOGIN), only on an
//! encrypted connection unless plain text was allowed; after a refusal (535), one more in
//! the same session with the user name in the form the provider or host expects, when the
//! name given is in another form. Every attempt is claimed from the run's gate first, so
//! the whole run never sends more than [`SIGN_IN_CAP`] of them. The transcript never shows
//! the credential.

use base64::Engine as _;
use zeroize::Zeroizing;

use super::model::{AuthOutcome, AuthRetry, PortProbe, ProbeConfig, SessionFault};
use super::session::Conn;
use crate::checks::gate::SIGN_IN_CAP;
use crate::protocol::reply::{Reply, ReplyError};
use crate::protocol::transcript::Transcript;

/// The sign-in test: PLAIN when offered, else LOGIN; then, after a refusal, once more with
/// the expected user-name form (recorded in `p.auth_retry`).
pub(super) async fn authenticate(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    conn: &mut Conn,
    encrypted: bool,
) -> AuthOutcome {
    let Some(password) = cfg.password.as_ref() else {
        return AuthOutcome::NoPassword;
    };
    let user = cfg.user.clone().unwrap_or_else(|| cfg.mail_from.clone());
    let Some(ehlo) = p.ehlo().cloned() else {
        return AuthOutcome::NotTried {
            reason: "no EHLO reply".into(),
        };
    };
    let offered = ehlo.auth_mechanisms();
    if offered.is_empty() {
        return AuthOutcome::NotOffered;
    }
    if !encrypted && !cfg.allow_plaintext_auth {
        return AuthOutcome::PlaintextRefused;
    }
    let has = |m: &str| offered.iter().any(|o| o.eq_ignore_ascii_case(m));
    let mechanism = if has("PLAIN") {
        Mechanism::Plain
    } else if has("LOGIN") {
        Mechanism::Login
    } else {
        return AuthOutcome::MechanismUnsupported { offered };
    };
    let first = attempt(cfg, p, conn, mechanism, &user, password.expose()).await;
    p.record_fault(conn.take_fault());
    if let Some(retry_as) = retry_user(cfg, &user, &first) {
        let outcome = attempt(cfg, p, conn, mechanism, &retry_as, password.expose()).await;
        p.record_fault(conn.take_fault());
        p.auth_retry = Some(AuthRetry {
            user: retry_as,
            outcome,
        });
    }
    first
}

/// The user name to try once more after `first`, if any: only after a refused sign-in
/// (535: the name or the password is wrong; not a policy or a temporary failure), and only
/// when the expected form differs from the name given.
fn retry_user(cfg: &ProbeConfig, given: &str, first: &AuthOutcome) -> Option<String> {
    let AuthOutcome::Rejected { reply, .. } = first else {
        return None;
    };
    if reply.code != 535 {
        return None;
    }
    cfg.expected_user
        .clone()
        .filter(|e| !e.trim().is_empty() && !e.eq_ignore_ascii_case(given))
}

#[derive(Debug, Clone, Copy)]
enum Mechanism {
    Plain,
    Login,
}

impl Mechanism {
    fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
        }
    }
}

/// One AUTH exchange, claimed from the run's gate first: past the cap nothing is sent.
async fn attempt(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    conn: &mut Conn,
    mechanism: Mechanism,
    user: &str,
    password: &str,
) -> AuthOutcome {
    if !cfg.gate.claim_sign_in() {
        return AuthOutcome::NotTried {
            reason: format!(
                "this run has used its {SIGN_IN_CAP} sign-in attempts (more could get this \
                 network blocked)"
            ),
        };
    }
    p.sign_in_attempts = p.sign_in_attempts.saturating_add(1);
    let t = &mut p.transcript;
    let result = match mechanism {
        Mechanism::Plain => {
            let command = plain_command(user, password);
            conn.auth_command(&command, t).await
        }
        Mechanism::Login => login(conn, t, &base64_of(user), &base64_of(password)).await,
    };
    let mechanism = mechanism.name().to_string();
    match result {
        Err(e) => AuthOutcome::Error {
            message: e.to_string(),
        },
        Ok(r) => match r.code {
            235 => AuthOutcome::Accepted { mechanism },
            334 => {
                // Every credential is sent and the server still asks for more: an exchange
                // that would never end. It is cancelled (RFC 4954 §4) and nothing more is
                // sent whatever comes back, so an attempt is at most four steps (AUTH LOGIN,
                // user, password, `*`).
                let _ = conn.command("*", t).await;
                let _ = conn.take_fault();
                p.record_fault(Some(SessionFault::Violation {
                    during: "AUTH".into(),
                    evidence: super::model::shorten(&format!(
                        "the sign-in never ends: the server asked for more (334) after the \
                         password was sent: {r}"
                    )),
                }));
                AuthOutcome::Error {
                    message: format!("unexpected challenge: {r}"),
                }
            }
            400..=499 => AuthOutcome::TempFailure {
                mechanism,
                reply: r,
            },
            _ => AuthOutcome::Rejected {
                mechanism,
                reply: r,
            },
        },
    }
}

/// Every buffer that holds the credential is sized up front (no reallocation leaves a copy
/// behind in freed memory) and wiped when dropped.
fn wiped(capacity: usize) -> Zeroizing<String> {
    Zeroizing::new(String::with_capacity(capacity))
}

/// `s` in base64, in a buffer wiped when dropped. Encoded straight into that buffer:
/// `encode_string` goes through a buffer on the stack, which nothing wipes.
fn base64_of(s: &str) -> Zeroizing<String> {
    let len = base64::encoded_len(s.len(), true).unwrap_or(0);
    let mut bytes = Zeroizing::new(vec![0u8; len]);
    let written = base64::engine::general_purpose::STANDARD
        .encode_slice(s.as_bytes(), &mut bytes[..])
        .unwrap_or(0);
    bytes.truncate(written);
    // The same buffer becomes the string (base64 is ASCII; no copy either way).
    match String::from_utf8(std::mem::take(&mut *bytes)) {
        Ok(text) => Zeroizing::new(text),
        Err(e) => {
            let _wiped = Zeroizing::new(e.into_bytes());
            wiped(0)
        }
    }
}

/// `AUTH PLAIN <base64 of NUL user NUL password>` (RFC 4616), in a buffer wiped when
/// dropped, as is every intermediate one.
fn plain_command(user: &str, password: &str) -> Zeroizing<String> {
    let mut message = wiped(user.len() + password.len() + 2);
    message.push('\0');
    message.push_str(user);
    message.push('\0');
    message.push_str(password);
    let token = base64_of(&message);
    let mut command = wiped(token.len() + 11);
    command.push_str("AUTH PLAIN ");
    command.push_str(&token);
    command
}

async fn login(
    conn: &mut Conn,
    t: &mut Transcript,
    user: &str,
    pass: &str,
) -> Result<Reply, ReplyError> {
    let r = conn.command("AUTH LOGIN", t).await?;
    if r.code != 334 {
        return Ok(r);
    }
    let r = conn.command(user, t).await?;
    if r.code != 334 {
        return Ok(r);
    }
    conn.secret_command(pass, t).await
}

/// The name given in the form the provider expects, when it is in another form: the whole
/// address (`alice` becomes `alice@example.com`) where the profile says so, and on a host no
/// profile knows, where the whole address is the norm; only the part before the @ where the
/// profile says that (WEB.DE). A different account's full address is not a form mistake.
pub fn expected_user(
    email: &str,
    given: Option<&str>,
    profile: Option<&crate::profiles::Profile>,
) -> Option<String> {
    use crate::profiles::UsernameForm;
    let given = given?.trim();
    let (_, domain) = email.trim().rsplit_once('@')?;
    if given.is_empty() || domain.is_empty() {
        return None;
    }
    let form = profile.map_or(UsernameForm::Email, |p| p.username);
    match (form, given.rsplit_once('@')) {
        (UsernameForm::Email, None) => Some(format!("{given}@{domain}")),
        (UsernameForm::LocalPart, Some((local, _))) if !local.is_empty() => Some(local.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn credential_buffers_are_built_without_growing() {
        let command = plain_command("alice", "hunter2");
        assert_eq!(*command, "AUTH PLAIN AGFsaWNlAGh1bnRlcjI=");
        // Exactly sized: pushing never reallocated (which would leave a copy behind).
        assert_eq!(command.capacity(), command.len());
        let login = base64_of("hunter2");
        assert_eq!((login.as_str(), login.capacity()), ("aHVudGVyMg==", 12));
        assert_eq!(base64_of("").as_str(), "");
        assert_eq!(base64_of("\0a\0b").as_str(), "AGEAYg==");
    }

    #[test]
    fn the_expected_form_is_the_profiles_or_the_whole_address() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let webde = catalog.profiles.get("webde");
        let gmail = catalog.profiles.get("gmail");
        assert!(webde.is_some() && gmail.is_some());
        // Generic hosting: the whole address.
        assert_eq!(
            expected_user("alice@example.test", Some("alice"), None).as_deref(),
            Some("alice@example.test")
        );
        assert_eq!(
            expected_user("alice@example.test", Some("Alice@Example.test"), None),
            None
        );
        // No user name given: the address is used, nothing to correct.
        assert_eq!(expected_user("alice@example.test", None, None), None);
        // WEB.DE wants only the part before the @.
        assert_eq!(
            expected_user("anna.muster@web.de", Some("anna.muster@web.de"), webde).as_deref(),
            Some("anna.muster")
        );
        assert_eq!(
            expected_user("me@gmail.com", Some("me"), gmail).as_deref(),
            Some("me@gmail.com")
        );
        // Another account's whole address is not a form mistake.
        assert_eq!(
            expected_user("sales@example.test", Some("alice@example.test"), None),
            None
        );
    }
}
