//! A password that never prints and is wiped from memory when dropped; the
//! [`Redactor`] that takes it out of anything a server says back is made from it.

use std::sync::Arc;

use crate::protocol::redact::Forms;
pub use crate::protocol::redact::{Redactor, REDACTED};

/// The account password. `Debug` and `Display` print `***`; the bytes are zeroed when the
/// last clone is dropped (clones share one copy, with the forms searched for in server text,
/// computed once).
#[derive(Clone)]
pub struct Secret(Arc<Forms>);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(Arc::new(Forms::new(value)))
    }

    /// The clear text, for the one place that needs it: building the AUTH exchange.
    pub fn expose(&self) -> &str {
        self.0.value()
    }

    pub fn is_empty(&self) -> bool {
        self.0.value().is_empty()
    }

    /// The redactor for this password. It does not keep the password alive: once every
    /// clone of the secret is dropped (and wiped), it redacts nothing.
    pub fn redactor(&self) -> Redactor {
        Redactor::of(&self.0)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_formats_its_value() {
        let s = Secret::new("hunter2".into());
        assert_eq!(format!("{s:?} {s}"), "*** ***");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn its_redactor_works_while_it_lives() {
        let s = Secret::new("hunter2hunter2".into());
        let r = s.redactor();
        assert_eq!(r.redact("x hunter2hunter2"), format!("x {REDACTED}"));
        drop(s);
        assert_eq!(r.redact("x hunter2hunter2"), "x hunter2hunter2");
    }
}
