//! Server mode: on the mail server, find what blocks a customer's address (firewall rules,
//! ban lists, the MTA's own access maps), what the mail logs saw from it, and whether the
//! submission services and their certificate are sound. Contract: ../shared/spec/cli.md,
//! "Server mode". Every source is read-only; changes happen only in `apply`, when asked.

pub mod clock;
pub mod context;
pub mod exec;
pub mod firewall;
pub mod logs;
pub mod model;
pub mod netaddr;
pub mod services;
pub mod textfile;
