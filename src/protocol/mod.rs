//! The SMTP wire format: reply parsing and the redacted transcript. Pure, no sockets.

pub mod redact;
pub mod reply;
pub mod transcript;
