//! The MTA's own access control for the client's address: Postfix's `check_client_access`
//! tables and postscreen_access_list, Exim's `host_reject_connection` and ACL `deny`/`drop`
//! host lists, and tcp_wrappers (/etc/hosts.allow, /etc/hosts.deny). These refuse a client
//! after it has connected, so the firewall sources never see them.

mod exim;
mod maps;
mod postconf;
mod postfix;
mod tcp_wrappers;

use std::path::Path;

use crate::server::context::Ctx;
use crate::server::model::SourceOutcome;
use crate::server::netaddr;

/// Where tcp_wrappers' hosts.allow and hosts.deny live.
const WRAPPERS_DIR: &str = "/etc";

pub fn read(ctx: &Ctx) -> SourceOutcome {
    let mut out = SourceOutcome::default();
    let client = netaddr::normalize(ctx.client);
    // In the order a session meets them: libwrap when the connection is accepted, then the
    // MTA's own checks.
    tcp_wrappers::read_in(Path::new(WRAPPERS_DIR), client, &mut out);
    postfix::read(ctx, &mut out);
    exim::read(ctx.paths.exim_config.as_deref(), client, &mut out);
    for (i, b) in out.blocks.iter_mut().enumerate() {
        b.order = u32::try_from(i).unwrap_or(u32::MAX);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;
    use crate::server::context::{Paths, Window};
    use crate::server::model::SourceStatus;

    #[test]
    fn every_part_reports_and_order_follows_the_list() {
        let fix = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server");
        let ctx = Ctx {
            client: "198.51.100.7".parse().unwrap(),
            account: None,
            window: Window { since: 0, until: 1 },
            paths: Paths {
                postfix_dir: fix.join("postfix/etc"),
                exim_config: Some(fix.join("no-such-exim.conf")),
                ..Paths::default()
            },
            command_timeout: Duration::from_secs(20),
            now: 1,
        };
        let out = read(&ctx);
        let names: Vec<&str> = out.sources.iter().map(|s| s.name.as_str()).collect();
        assert!(names.contains(&"tcp_wrappers"), "{names:?}");
        assert!(names.contains(&"postfix-access"), "{names:?}");
        let exim = out
            .sources
            .iter()
            .find(|s| s.name.starts_with("exim-access"))
            .unwrap();
        assert_eq!(exim.status, SourceStatus::Absent);
        let orders: Vec<u32> = out.blocks.iter().map(|b| b.order).collect();
        let count = u32::try_from(out.blocks.len()).unwrap();
        assert_eq!(orders, (0..count).collect::<Vec<_>>());
    }
}
