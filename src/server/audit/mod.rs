//! `smtp-doctor server --audit`: every address the firewall and the ban lists block now,
//! joined with what the mail logs show from it in the window, so that the host's support
//! finds the customers an automatic ban caught (a phone with an old password, an office
//! behind one NAT address) before they call.
//!
//! The flow: [`run::read_listings`] asks each source for every address it blocks
//! (`csf::all_entries`, `fail2ban::all_bans`, `packet::all_blocks`), the log scan reads
//! every file once for all of them (`logs::multi`), [`join`] sorts each address into a
//! [`Kind`] and ranks them (customers locked out first), [`advice`] turns the rules that
//! banned customers into suggestions (never applied), [`report`] makes the
//! `smtp-doctor/server-audit/v1` document and [`text`] its terminal form. `--apply` lifts
//! and whitelists the customers only ([`run::lift_customers`]).

pub mod advice;
pub mod join;
pub mod report;
pub mod run;
pub mod text;

pub use join::{AccountCount, AuditEntry, Kind, Repeat};
pub use report::{AuditReport, SCHEMA};
