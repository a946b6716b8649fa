//! The sign-in test: one AUTH attempt (PLAIN when offered, else LOGIN), only on an
//! encrypted connection unless plain text was allowed. The transcript never shows the
//! credential.

use base64::Engine as _;

use super::model::{AuthOutcome, PortProbe, ProbeConfig};
use super::session::Conn;
use crate::protocol::reply::{Reply, ReplyError};
use crate::protocol::transcript::Transcript;

/// The sign-in test: PLAIN when offered, else LOGIN.
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
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    let t = &mut p.transcript;
    let has = |m: &str| offered.iter().any(|o| o.eq_ignore_ascii_case(m));
    let result = if has("PLAIN") {
        let token = b64(&format!("\0{user}\0{}", password.expose()));
        conn.secret_command(&format!("AUTH PLAIN {token}"), t)
            .await
            .map(|r| ("PLAIN", r))
    } else if has("LOGIN") {
        login(conn, t, &b64(&user), &b64(password.expose()))
            .await
            .map(|r| ("LOGIN", r))
    } else {
        return AuthOutcome::MechanismUnsupported { offered };
    };
    match result {
        Err(e) => AuthOutcome::Error {
            message: e.to_string(),
        },
        Ok((mech, r)) => {
            let mechanism = mech.to_string();
            match r.code {
                235 => AuthOutcome::Accepted { mechanism },
                334 => {
                    // An unexpected challenge: cancel the exchange (RFC 4954 §4).
                    let _ = conn.command("*", t).await;
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
            }
        }
    }
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
