//! One sign-in per diagnosis. Every port's probe runs at once, but only one of them may
//! send the password: several failed logins from one address are exactly what makes a
//! server's firewall (CSF, fail2ban) block the person. The gate lets the most preferred
//! port that reached the sign-in stage go first; a port waits only for ports it would
//! yield to, and each of those is bounded by its own time-outs.
//!
//! The gate also counts every sign-in attempt of the run, whatever the port: at most
//! [`SIGN_IN_CAP`] (the person's own user name, then once more in the form the provider
//! expects), claimed here before each AUTH command is sent.

use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Pending,
    Ready,
    Failed,
}

/// Sign-in attempts per run, across all ports: failed logins are what makes a server's
/// firewall (fail2ban, CSF) ban the person, and their limits start at three.
pub const SIGN_IN_CAP: u8 = 2;

/// Shared by the probes of one diagnosis.
pub struct Gate {
    order: Vec<u16>,
    state: watch::Sender<Vec<Lane>>,
    /// AUTH commands sent so far in this run.
    sign_ins: AtomicU8,
}

impl Gate {
    /// `order`: ports from most to least preferred for the sign-in and envelope test.
    pub fn new(order: Vec<u16>) -> Gate {
        let lanes = vec![Lane::Pending; order.len()];
        Gate {
            order,
            state: watch::Sender::new(lanes),
            sign_ins: AtomicU8::new(0),
        }
    }

    /// Claims one sign-in attempt: true when it may be sent (the run stays within
    /// [`SIGN_IN_CAP`]), false once the cap is reached. Atomic, so concurrent ports can
    /// never claim more than the cap between them.
    pub fn claim_sign_in(&self) -> bool {
        self.sign_ins
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < SIGN_IN_CAP).then_some(n + 1)
            })
            .is_ok()
    }

    /// Sign-in attempts claimed so far in this run.
    pub fn sign_ins(&self) -> u8 {
        self.sign_ins.load(Ordering::SeqCst)
    }

    fn index(&self, port: u16) -> Option<usize> {
        self.order.iter().position(|p| *p == port)
    }

    /// The port reached the sign-in stage; resolves to whether it is the one to sign in.
    /// A wait longer than `patience` gives up (false), so no probe hangs on another.
    pub async fn my_turn(&self, port: u16, patience: Duration) -> bool {
        let Some(me) = self.index(port) else {
            return false;
        };
        self.state.send_modify(|s| s[me] = Lane::Ready);
        let mut rx = self.state.subscribe();
        let decided = async {
            loop {
                if let Some(winner) = winner(&rx.borrow_and_update()) {
                    return winner == me;
                }
                if rx.changed().await.is_err() {
                    return false;
                }
            }
        };
        tokio::time::timeout(patience, decided)
            .await
            .unwrap_or(false)
    }

    /// The port will never reach the sign-in stage.
    pub fn give_up(&self, port: u16) {
        if let Some(i) = self.index(port) {
            self.state.send_modify(|s| {
                if s[i] == Lane::Pending {
                    s[i] = Lane::Failed;
                }
            });
        }
    }
}

/// The first Ready lane with only Failed lanes before it; None while that is not decided.
fn winner(lanes: &[Lane]) -> Option<usize> {
    for (i, lane) in lanes.iter().enumerate() {
        match lane {
            Lane::Failed => {}
            Lane::Ready => return Some(i),
            Lane::Pending => return None,
        }
    }
    // Everyone failed: nobody signs in. Any index outside the lanes means "not you".
    Some(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn winner_rules() {
        use Lane::*;
        assert_eq!(winner(&[Ready, Pending]), Some(0));
        assert_eq!(winner(&[Pending, Ready]), None);
        assert_eq!(winner(&[Failed, Ready]), Some(1));
        assert_eq!(winner(&[Failed, Failed]), Some(usize::MAX));
    }

    #[tokio::test]
    async fn preferred_port_wins_once_earlier_ones_fail() {
        let gate = Arc::new(Gate::new(vec![587, 465, 25]));
        let g = gate.clone();
        let late = tokio::spawn(async move { g.my_turn(465, Duration::from_secs(5)).await });
        tokio::task::yield_now().await;
        gate.give_up(587);
        assert!(late.await.unwrap());
        assert!(!gate.my_turn(25, Duration::from_secs(5)).await);
    }

    #[test]
    fn sign_in_attempts_are_capped_for_the_run() {
        let gate = Gate::new(vec![587, 465, 25]);
        assert!(gate.claim_sign_in());
        assert!(gate.claim_sign_in());
        assert!(!gate.claim_sign_in());
        assert_eq!(gate.sign_ins(), SIGN_IN_CAP);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_ports_never_exceed_the_cap() {
        let gate = Arc::new(Gate::new(vec![587, 465, 25]));
        let tries: Vec<_> = (0..12)
            .map(|_| {
                let g = gate.clone();
                tokio::spawn(async move { g.claim_sign_in() })
            })
            .collect();
        let mut granted = 0;
        for t in tries {
            if t.await.unwrap() {
                granted += 1;
            }
        }
        assert_eq!(granted, usize::from(SIGN_IN_CAP));
        assert_eq!(gate.sign_ins(), SIGN_IN_CAP);
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_is_bounded() {
        let gate = Gate::new(vec![587, 465]);
        // 587 never reports: 465 gives up after its patience instead of hanging.
        assert!(!gate.my_turn(465, Duration::from_secs(3)).await);
    }
}
