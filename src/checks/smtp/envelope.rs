//! The envelope test: MAIL FROM and RCPT TO, then RSET whatever happened. No mail is ever
//! sent: DATA is never issued. Where the server offers PIPELINING (RFC 2920) the three go
//! in one write, RSET last (a group must end with a command that can change the state),
//! and each reply is matched to its command in order; otherwise one at a time.

use super::model::{EnvelopeOutcome, ProbeConfig};
use super::session::Conn;
use crate::protocol::reply::{Reply, ReplyError};
use crate::protocol::transcript::Transcript;

pub(super) async fn envelope(
    cfg: &ProbeConfig,
    conn: &mut Conn,
    pipelining: bool,
    t: &mut Transcript,
) -> EnvelopeOutcome {
    let mail = format!("MAIL FROM:<{}>", cfg.mail_from);
    let rcpt = format!("RCPT TO:<{}>", cfg.rcpt_to);
    let result = if pipelining {
        together(conn, &mail, &rcpt, t).await
    } else {
        in_turn(conn, &mail, &rcpt, t).await
    };
    match result {
        Ok((mail, rcpt)) => outcome(mail, rcpt),
        Err(e) => EnvelopeOutcome::Error {
            message: e.to_string(),
        },
    }
}

/// MAIL FROM, RCPT TO and RSET in one write; the replies to MAIL FROM and RCPT TO.
async fn together(
    conn: &mut Conn,
    mail: &str,
    rcpt: &str,
    t: &mut Transcript,
) -> Result<(Reply, Option<Reply>), ReplyError> {
    let mut replies = conn.pipeline(&[mail, rcpt, "RSET"], t).await?.into_iter();
    match (replies.next(), replies.next()) {
        (Some(mail), Some(rcpt)) => Ok((mail, Some(rcpt))),
        // `pipeline` returns one reply per command or an error.
        _ => Err(ReplyError::Malformed("fewer replies than commands".into())),
    }
}

/// One command at a time: RCPT TO only after MAIL FROM was accepted, RSET whatever happened.
async fn in_turn(
    conn: &mut Conn,
    mail: &str,
    rcpt: &str,
    t: &mut Transcript,
) -> Result<(Reply, Option<Reply>), ReplyError> {
    let mail = conn.command_in_turn(mail, t).await?;
    if !mail.is_positive() {
        return Ok((mail, None));
    }
    let rcpt = conn.command_in_turn(rcpt, t).await?;
    // RSET whatever happened: the transaction is only a test. Its reply decides nothing.
    let _ = conn.command_in_turn("RSET", t).await;
    Ok((mail, Some(rcpt)))
}

/// The outcome from the replies to MAIL FROM and (when it was asked) RCPT TO. After a
/// rejected MAIL FROM, the RCPT TO reply only repeats that there is no transaction.
fn outcome(mail: Reply, rcpt: Option<Reply>) -> EnvelopeOutcome {
    if !mail.is_positive() {
        return EnvelopeOutcome::MailRejected { reply: mail };
    }
    match rcpt {
        Some(r) if r.is_positive() => EnvelopeOutcome::Accepted,
        Some(reply) => EnvelopeOutcome::RcptRejected { reply },
        None => EnvelopeOutcome::Error {
            message: "no reply to RCPT TO".into(),
        },
    }
}
