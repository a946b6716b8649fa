//! What runs alongside a port's session: the public-chain check on its own connection. Its
//! result is reported the moment it is known (with the last snapshot the session reported),
//! not with the session's next stage or its end, and it counts only for a port whose TLS the
//! OS store verified: the check starts before that is known, to be done by then.

use std::sync::{Mutex, PoisonError};

use super::model::{PortProbe, PublicChain, Report};

/// The state shared by the session and the check beside it (both run in one task).
#[derive(Default)]
pub(super) struct Alongside {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    public: Option<PublicChain>,
    /// Milliseconds from the probe's start to the public-chain result.
    public_ms: Option<u64>,
    /// The last snapshot reported, to report again with the result attached.
    last: Option<PortProbe>,
}

impl Alongside {
    /// Reports a snapshot of the session with what is known beside it.
    pub(super) fn report(&self, p: &PortProbe, stage_name: &'static str, report: Report<'_>) {
        let mut state = self.lock();
        let mut snap = p.clone();
        attach(&mut snap, state.public.as_ref());
        report(&snap, stage_name);
        state.last = Some(snap);
    }

    /// The public-chain check is done: report it at once when the session has verified TLS
    /// already; otherwise the session's next snapshot that does carries it.
    pub(super) fn public_known(&self, result: PublicChain, ms: u64, report: Report<'_>) {
        let mut state = self.lock();
        state.public = Some(result);
        state.public_ms = Some(ms);
        let public = state.public.clone();
        if let Some(last) = state.last.as_mut() {
            if attach(last, public.as_ref()) {
                report(last, "public_chain");
            }
        }
    }

    /// The final probe: the public-chain result (when it counts) with its transcript note
    /// and timing.
    pub(super) fn finish(&self, p: &mut PortProbe) {
        let state = self.lock();
        if attach(p, state.public.as_ref()) {
            if let Some(public) = &p.public_chain {
                p.transcript.note(&format!(
                    "second connection, public roots only: {}",
                    public.word()
                ));
            }
            if let Some(ms) = state.public_ms {
                p.timings.push(("public_chain".into(), ms));
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Puts the public-chain result on a port whose TLS the OS store verified; says whether it
/// did.
fn attach(p: &mut PortProbe, public: Option<&PublicChain>) -> bool {
    match public {
        Some(public) if p.tls_verified() => {
            p.public_chain = Some(public.clone());
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::smtp::TlsResult;
    use std::sync::Mutex as StdMutex;

    #[test]
    fn the_result_counts_only_once_tls_is_verified() {
        let seen: StdMutex<Vec<(&'static str, Option<PublicChain>)>> = StdMutex::default();
        let report = |p: &PortProbe, stage: &'static str| {
            seen.lock().unwrap().push((stage, p.public_chain.clone()));
        };
        let along = Alongside::default();
        let mut p = PortProbe::default();
        along.report(&p, "greeting", &report);
        // Known before the session's TLS: held back, nothing reported.
        along.public_known(PublicChain::Public, 40, &report);
        assert_eq!(seen.lock().unwrap().len(), 1);
        p.tls = Some(TlsResult::Verified { cert: None });
        along.report(&p, "tls", &report);
        assert_eq!(
            seen.lock().unwrap().last(),
            Some(&("tls", Some(PublicChain::Public)))
        );
        along.finish(&mut p);
        assert_eq!(p.public_chain, Some(PublicChain::Public));
        assert!(p.timings.contains(&("public_chain".to_string(), 40)));
    }

    #[test]
    fn a_result_after_verification_is_reported_at_once() {
        let seen: StdMutex<Vec<&'static str>> = StdMutex::default();
        let report = |_: &PortProbe, stage: &'static str| seen.lock().unwrap().push(stage);
        let along = Alongside::default();
        let p = PortProbe {
            tls: Some(TlsResult::Verified { cert: None }),
            ..PortProbe::default()
        };
        along.report(&p, "ehlo", &report);
        along.public_known(
            PublicChain::NotPublic {
                reason: "unable to get local issuer certificate".into(),
            },
            90,
            &report,
        );
        assert_eq!(*seen.lock().unwrap(), ["ehlo", "public_chain"]);
    }

    #[test]
    fn an_unverified_port_never_carries_it() {
        let along = Alongside::default();
        along.public_known(PublicChain::Public, 10, &|_, _| {});
        let mut p = PortProbe::default();
        along.finish(&mut p);
        assert_eq!(p.public_chain, None);
        assert!(p.timings.is_empty());
    }
}
