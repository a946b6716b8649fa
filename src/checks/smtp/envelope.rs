//! The envelope test: MAIL FROM and RCPT TO, then RSET whatever happened. No mail is ever
//! sent: DATA is never issued.

use super::model::{EnvelopeOutcome, ProbeConfig};
use super::session::Conn;
use crate::protocol::reply::ReplyError;
use crate::protocol::transcript::Transcript;

pub(super) async fn envelope(
    cfg: &ProbeConfig,
    conn: &mut Conn,
    t: &mut Transcript,
) -> EnvelopeOutcome {
    let err = |e: ReplyError| EnvelopeOutcome::Error {
        message: e.to_string(),
    };
    let r = match conn
        .command(&format!("MAIL FROM:<{}>", cfg.mail_from), t)
        .await
    {
        Ok(r) => r,
        Err(e) => return err(e),
    };
    if !r.is_positive() {
        return EnvelopeOutcome::MailRejected { reply: r };
    }
    let r = match conn.command(&format!("RCPT TO:<{}>", cfg.rcpt_to), t).await {
        Ok(r) => r,
        Err(e) => return err(e),
    };
    // RSET whatever happened: the transaction is only a test.
    let _ = conn.command("RSET", t).await;
    if r.is_positive() {
        EnvelopeOutcome::Accepted
    } else {
        EnvelopeOutcome::RcptRejected { reply: r }
    }
}
