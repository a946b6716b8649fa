//! One sign-in per diagnosis. Every port's probe runs at once, but only one of them may
//! send the password: several failed logins from one address are exactly what makes a
//! server's firewall (CSF, fail2ban) block the person. The gate lets the most preferred
//! port that reached the sign-in stage go first; a port waits only for ports it would
//! yield to, and each of those is bounded by its own time-outs.

use std::time::Duration;

use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Pending,
    Ready,
    Failed,
}

/// Shared by the probes of one diagnosis.
pub struct Gate {
    order: Vec<u16>,
    state: watch::Sender<Vec<Lane>>,
}

impl Gate {
    /// `order`: ports from most to least preferred for the sign-in and envelope test.
    pub fn new(order: Vec<u16>) -> Gate {
        let lanes = vec![Lane::Pending; order.len()];
        Gate {
            order,
            state: watch::Sender::new(lanes),
        }
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

    #[tokio::test(start_paused = true)]
    async fn waiting_is_bounded() {
        let gate = Gate::new(vec![587, 465]);
        // 587 never reports: 465 gives up after its patience instead of hanging.
        assert!(!gate.my_turn(465, Duration::from_secs(3)).await);
    }
}
