//! The SMTP probe of one port: how the server greets (plain text, TLS first, 421, 554 or
//! silence), EHLO and its capabilities, STARTTLS, the TLS handshake (and, when verification
//! fails, why, read from the certificate on a second connection that never carries
//! credentials), one AUTH attempt, and an envelope test (MAIL FROM, RCPT TO, RSET, QUIT:
//! no mail is ever sent). Once the OS store has verified the server, a third connection
//! checks the chain against public roots alone ([`public_chain`]), alongside the session.
//!
//! The probe reports each finished stage as a snapshot, so the decision tree can move on as
//! soon as the stage it waits for is known. Every read and write is bounded by the time
//! budget and every reply by the parser's size limits.
//!
//! One module per stage, in the order a session meets them, each importing only the ones
//! before it: `model` (the data), `session` (connecting, the reply reader, EHLO, QUIT),
//! `upgrade` (STARTTLS or implicit TLS, and why verification failed), `greeting` (plain
//! text or TLS first), `auth`, `envelope`; `side` and `public_check` are the side
//! connection of the public-chain check. This file runs the stages in order.

mod alongside;
pub mod alt_name;
mod auth;
mod envelope;
mod greeting;
mod model;
mod public_check;
mod session;
mod side;
mod upgrade;

use std::net::SocketAddr;
use std::time::Instant;

use tokio::sync::oneshot;

pub use auth::expected_user;
pub use model::shorten as shorten_evidence;
pub use model::{
    AuthOutcome, AuthRetry, EnvelopeOutcome, Mode, PortProbe, ProbeConfig, PublicChain, Report,
    SessionFault, TlsResult, TlsStart,
};
pub use public_check::{public_chain, public_roots, PublicTrust};

use crate::checks::tls::{self, Trust, Verify};
use crate::protocol::reply::Ehlo;
use crate::protocol::transcript::Transcript;
use alongside::Alongside;
use auth::authenticate;
use envelope::envelope;
use greeting::{plain_then_tls_first, tls_first_then_plain};
use session::{connect, ehlo, ehlo_name, quit};
use upgrade::{starttls, untrusted, UNTRUSTED};

/// The probe of one port. Never panics; every outcome is in the returned `PortProbe`.
pub async fn probe(cfg: &ProbeConfig, report: Report<'_>) -> PortProbe {
    let started = Instant::now();
    let mut p = PortProbe {
        port: cfg.port,
        transcript: Transcript::new(cfg.port).redacting(cfg.redactor()),
        ..PortProbe::default()
    };
    let along = Alongside::default();
    let session_report = |p: &PortProbe, stage: &'static str| along.report(p, stage, report);
    // The public-chain check gets its own connection as soon as the port is known to speak
    // SMTP (or TLS), and runs alongside this port's session, so that its result is in by
    // the time the session's TLS is verified or soon after, not a whole handshake later.
    let (ready, speaks_at) = oneshot::channel::<(SocketAddr, TlsStart)>();
    let public = async {
        let Ok((addr, start)) = speaks_at.await else {
            return;
        };
        let (found, session) = public_check::public_chain_open(
            &cfg.host,
            addr,
            start,
            cfg.timeout,
            &cfg.trust,
            &cfg.redactor(),
        )
        .await;
        along.public_known(found, millis(started), report);
        if let Some(session) = session {
            session.close().await;
        }
    };
    // The TLS configurations cost CPU: built once a port answers (a refused, silent or
    // unresolvable server never pays for them), still a round trip or more before the first
    // handshake needs them.
    let (connected, answered) = oneshot::channel::<()>();
    let warm_up = async {
        if answered.await.is_ok() {
            prepare_tls(&cfg.trust).await;
        }
    };
    let (session, (), ()) = tokio::join!(
        run(cfg, &mut p, &session_report, started, ready, connected),
        public,
        warm_up
    );
    along.finish(&mut p);
    if let Err(why) = session {
        if p.auth.is_none() {
            p.auth = Some(AuthOutcome::NotTried {
                reason: why.clone(),
            });
        }
        if p.envelope.is_none() {
            p.envelope = Some(EnvelopeOutcome::NotTried { reason: why });
        }
    }
    cfg.gate.give_up(cfg.port);
    p.finished = true;
    stamp(&mut p, "finished", started);
    report(&p, "finished");
    p
}

/// Builds both TLS configurations a probe uses (the OS store's and the public roots') ahead
/// of the first handshake, once per process: the OS store's costs tens of milliseconds of
/// CPU (OpenSSL 3 reads the OS bundle slowly), the public roots' a few. Started when a port first answers, so it runs
/// beside the greeting and EHLO; a probe that needs one first waits for the same build.
pub async fn prepare_tls(trust: &Trust) {
    // The OS store's first: the main handshake needs it before the side connection's
    // handshake needs the public set, and on a busy machine two builds at once delay both.
    tls::prepare(trust, Verify::Full).await;
    // Parsing Mozilla's roots is CPU work too: off the runtime's threads, as the build.
    let _ = PublicTrust::shared(trust).await;
}

fn millis(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

fn stamp(p: &mut PortProbe, stage: &str, since: Instant) {
    p.timings.push((stage.to_string(), millis(since)));
}

/// Starts the public-chain check (once): on a plain-text port as soon as it greets, on a
/// TLS-first port once its handshake verified.
fn announce(
    p: &PortProbe,
    mode: Mode,
    ready: &mut Option<oneshot::Sender<(SocketAddr, TlsStart)>>,
) {
    let start = match mode {
        Mode::Plain => TlsStart::Starttls,
        _ if p.tls_verified() => TlsStart::Implicit,
        _ => return,
    };
    if let (Some(addr), Some(tx)) = (p.address, ready.take()) {
        // The receiver is gone only when the probe itself is being dropped.
        let _ = tx.send((addr, start));
    }
}

/// Runs the stages in order. `Err` carries why the session stopped early. `ready` is told
/// where the port speaks SMTP and how TLS starts there, for the public-chain check that
/// runs alongside.
async fn run(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    report: Report<'_>,
    started: Instant,
    ready: oneshot::Sender<(SocketAddr, TlsStart)>,
    connected: oneshot::Sender<()>,
) -> Result<(), String> {
    let mut ready = Some(ready);
    let (reach, stream) = connect(cfg).await;
    let open = reach.outcome();
    p.reach = Some(reach);
    stamp(p, "tcp", started);
    report(p, "tcp");
    let Some((addr, stream)) = stream else {
        return Err(format!("port {} is {}", cfg.port, open.word()));
    };
    p.address = Some(addr);
    let _ = connected.send(());
    let helo = ehlo_name(stream.local_addr().ok());

    // Port 465 expects TLS first; every other port a plaintext greeting.
    let (mode, mut conn) = if cfg.port == 465 {
        tls_first_then_plain(cfg, p, stream).await?
    } else {
        plain_then_tls_first(cfg, p, stream).await?
    };
    p.mode = Some(mode);
    stamp(p, "greeting", started);
    report(p, "greeting");
    announce(p, mode, &mut ready);
    if untrusted(p) {
        report(p, "tls");
        return Err(UNTRUSTED.into());
    }

    match mode {
        Mode::Plain => {
            let ehlo = ehlo(&mut conn, &helo, &mut p.transcript).await;
            p.record_fault(conn.take_fault());
            let ehlo = ehlo?;
            let offers_starttls = ehlo.starttls();
            p.ehlo_plain = Some(ehlo);
            report(p, "ehlo");
            if offers_starttls {
                conn = starttls(cfg, p, conn, &helo).await?;
                report(p, "tls");
            } else {
                p.tls = Some(TlsResult::NotOffered);
                report(p, "tls");
            }
        }
        Mode::TlsFirst => {
            let ehlo = ehlo(&mut conn, &helo, &mut p.transcript).await;
            p.record_fault(conn.take_fault());
            p.ehlo_tls = Some(ehlo?);
            report(p, "ehlo");
        }
        _ => return Err("the server did not offer an SMTP session".into()),
    }
    stamp(p, "tls", started);

    let encrypted = p.tls_verified();

    // Only one port signs in; the others stop here.
    let patience = cfg.timeout * 6;
    if !cfg.gate.my_turn(cfg.port, patience).await {
        quit(conn, &mut p.transcript).await;
        p.auth = Some(AuthOutcome::NotTried {
            reason: "another port was used for the sign-in test".into(),
        });
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "another port was used for the envelope test".into(),
        });
        return Ok(());
    }

    let auth = authenticate(cfg, p, &mut conn, encrypted).await;
    let auth_failed = matches!(
        auth,
        AuthOutcome::Rejected { .. } | AuthOutcome::TempFailure { .. } | AuthOutcome::Error { .. }
    ) && !p.retry_accepted();
    p.auth = Some(auth);
    stamp(p, "auth", started);
    report(p, "auth");
    if auth_failed {
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "sign-in failed".into(),
        });
        quit(conn, &mut p.transcript).await;
        return Ok(());
    }

    let pipelining = p.ehlo().is_some_and(Ehlo::pipelining);
    let envelope = envelope(cfg, &mut conn, pipelining, &mut p.transcript).await;
    p.record_fault(conn.take_fault());
    p.envelope = Some(envelope);
    stamp(p, "envelope", started);
    report(p, "envelope");
    quit(conn, &mut p.transcript).await;
    Ok(())
}

#[cfg(test)]
mod envelope_tests;
#[cfg(test)]
mod tests;
