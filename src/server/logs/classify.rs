//! What a mail log message says happened: the event, the account it names and the server's
//! reply or reason. Pure functions on one message; each MTA's forms are in its own module.

use super::line::Family;
use super::{dovecot, exim, postfix};

pub use super::classified::Classified;

/// Classifies `message` (the text after `program[pid]: `) with its family's rules.
pub fn classify(family: Family, message: &str) -> Classified {
    match family {
        Family::Postfix => postfix::classify(message),
        Family::Dovecot => dovecot::classify(message),
        Family::Exim => exim::classify(message),
        Family::Other => Classified::other(),
    }
}
