//! The administrator PIN: stored only as an Argon2id hash (a PHC string such as
//! `$argon2id$v=19$m=19456,t=2,p=1$...`), checked in constant time by the argon2 crate,
//! and guessed only so often.

use std::time::{Duration, Instant};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The shortest PIN `hash-pin` accepts.
pub const MIN_PIN_CHARS: usize = 4;

/// A validated PHC hash string of the Argon2 family.
#[derive(Clone, PartialEq, Eq)]
pub struct PinHash(String);

impl PinHash {
    /// Accepts a PHC string of argon2id, argon2i or argon2d; says why not otherwise.
    pub fn parse(s: &str) -> Result<PinHash, String> {
        let parsed = PasswordHash::new(s).map_err(|e| {
            format!("not a PIN hash ({e}); make one with `smtp-doctor kiosk hash-pin`")
        })?;
        match parsed.algorithm.as_str() {
            "argon2id" | "argon2i" | "argon2d" => {}
            other => {
                return Err(format!(
                    "the hash is `{other}`, not Argon2: make it with `smtp-doctor kiosk hash-pin`"
                ))
            }
        }
        if parsed.hash.is_none() || parsed.salt.is_none() {
            return Err("the hash has no salt or no hash value".into());
        }
        Ok(PinHash(s.to_string()))
    }

    /// Does `pin` match? (Parameters and salt come from the hash itself.)
    pub fn verify(&self, pin: &str) -> bool {
        PasswordHash::new(&self.0).is_ok_and(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PinHash {
    // The hash is not secret in the way the PIN is, but it has no business in logs either.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(..)")
    }
}

/// Why a PIN cannot be hashed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    #[error("the PIN must have at least {MIN_PIN_CHARS} characters")]
    TooShort,
    #[error("the PIN must not contain control characters (tabs, escapes)")]
    Control,
    #[error("cannot hash the PIN: {0}")]
    Hash(String),
}

/// Hashes a PIN with Argon2id (the crate's default parameters) and a fresh random salt.
pub fn hash_pin(pin: &str) -> Result<PinHash, PinError> {
    if pin.chars().count() < MIN_PIN_CHARS {
        return Err(PinError::TooShort);
    }
    // The kiosk's PIN field turns control characters into spaces: such a PIN could never
    // be typed back.
    if pin.chars().any(char::is_control) {
        return Err(PinError::Control);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| PinHash(h.to_string()))
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// Wrong guesses allowed before the first wait.
pub const FREE_GUESSES: u32 = 3;
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

/// The rate limit on PIN guesses: after [`FREE_GUESSES`] wrong ones, each further wrong
/// guess doubles the wait before the next (30 s, 1 min, 2 min, ... at most 15 min). It
/// survives the idle reset: walking away does not buy new guesses.
#[derive(Debug, Clone, Default)]
pub struct Guesses {
    wrong: u32,
    blocked_until: Option<Instant>,
}

impl Guesses {
    /// How long until a guess is taken again; `None` when one is taken now.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.blocked_until
            .and_then(|until| until.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }

    pub fn failed(&mut self, now: Instant) {
        self.wrong = self.wrong.saturating_add(1);
        if self.wrong >= FREE_GUESSES {
            let doublings = (self.wrong - FREE_GUESSES).min(10);
            let wait = FIRST_WAIT.saturating_mul(1 << doublings).min(LONGEST_WAIT);
            self.blocked_until = Some(now + wait);
        }
    }

    pub fn succeeded(&mut self) {
        *self = Guesses::default();
    }

    pub fn wrong(&self) -> u32 {
        self.wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_round_trips_and_only_the_right_pin_matches() {
        let h = hash_pin("4711-admin").unwrap();
        assert!(h.as_str().starts_with("$argon2id$v=19$"), "{}", h.as_str());
        let parsed = PinHash::parse(h.as_str()).unwrap();
        assert!(parsed.verify("4711-admin"));
        assert!(!parsed.verify("4711-admiN"));
        assert!(!parsed.verify(""));
        // A fresh salt each time: the same PIN never gives the same line.
        assert_ne!(hash_pin("4711-admin").unwrap().as_str(), h.as_str());
    }

    #[test]
    fn short_or_unprintable_pins_and_foreign_hashes_are_refused() {
        assert_eq!(hash_pin("123"), Err(PinError::TooShort));
        assert_eq!(hash_pin("12\t34"), Err(PinError::Control));
        assert!(PinHash::parse("1234").is_err());
        // A PHC string of another algorithm.
        let err = PinHash::parse("$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo").unwrap_err();
        assert!(err.contains("not Argon2"), "{err}");
    }

    #[test]
    fn guesses_wait_longer_after_three_wrong_and_reset_on_success() {
        let t0 = Instant::now();
        let mut g = Guesses::default();
        g.failed(t0);
        g.failed(t0);
        assert_eq!(g.wait(t0), None, "two wrong guesses cost nothing");
        g.failed(t0);
        assert_eq!(g.wait(t0), Some(Duration::from_secs(30)));
        assert_eq!(g.wait(t0 + Duration::from_secs(30)), None);
        g.failed(t0 + Duration::from_secs(30));
        assert_eq!(
            g.wait(t0 + Duration::from_secs(30)),
            Some(Duration::from_secs(60))
        );
        for _ in 0..40 {
            g.failed(t0);
        }
        assert_eq!(g.wait(t0), Some(LONGEST_WAIT));
        g.succeeded();
        assert_eq!(g.wait(t0), None);
        assert_eq!(g.wrong(), 0);
    }
}
