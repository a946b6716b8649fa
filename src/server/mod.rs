//! Server mode: on the mail server, find what blocks a customer's address (firewall rules,
//! ban lists, the MTA's own access maps), what the mail logs saw from it, and whether the
//! submission services and their certificate are sound. Contract: ../shared/spec/cli.md,
//! "Server mode". Every source is read-only; changes happen only in `apply`, when asked.
//!
//! The flow: [`request`] turns the options into a [`context::Ctx`]; [`run`] reads every
//! source at once and orders and numbers what they found; [`diagnose`] names the causes;
//! [`report`] makes the `smtp-doctor/server-report/v1` document and its text and Markdown
//! forms; [`apply`] runs the unblock commands after consent.

pub mod applied;
pub mod apply;
pub mod audit;
pub mod clock;
pub mod context;
pub mod diagnose;
pub mod exec;
pub mod findings;
pub mod firewall;
pub mod from_report;
pub mod logs;
pub mod model;
pub mod netaddr;
pub mod report;
pub mod request;
pub mod run;
pub mod services;
pub mod textfile;
pub mod window;
pub mod wording;
