//! The MTA's own access control for the client's address: Postfix's `check_client_access`
//! tables and postscreen_access_list, Exim's `host_reject_connection` and ACL `deny`/`drop`
//! host lists, and tcp_wrappers (/etc/hosts.allow, /etc/hosts.deny). These refuse a client
//! after it has connected, so the firewall sources never see them.

mod maps;
mod postconf;
mod postfix;

use crate::server::context::Ctx;
use crate::server::model::SourceOutcome;

pub fn read(ctx: &Ctx) -> SourceOutcome {
    let mut out = SourceOutcome::default();
    postfix::read(ctx, &mut out);
    out
}
