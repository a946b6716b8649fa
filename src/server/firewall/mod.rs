//! Firewall and access-control sources, one module each; every one returns a
//! [`SourceOutcome`](super::model::SourceOutcome) and never stops the others.

pub mod csf;
pub mod fail2ban;
pub mod mta_access;
pub mod packet;
