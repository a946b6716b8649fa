//! `read` against the real `postconf` on the fixture configuration in
//! tests/fixtures/server/postfix/etc (skipped when Postfix is not installed).

use std::path::PathBuf;
use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::server::context::{Paths, Window};

fn etc() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server/postfix/etc")
}

fn ctx(client: &str) -> Ctx {
    Ctx {
        client: client.parse().unwrap(),
        account: None,
        window: Window { since: 0, until: 1 },
        paths: Paths {
            postfix_dir: etc(),
            ..Paths::default()
        },
        command_timeout: Duration::from_secs(20),
        now: 1,
    }
}

fn have_postconf() -> bool {
    let ok = exec::run("postconf", &["-d", "mail_version"], Duration::from_secs(20)).is_ok();
    if !ok {
        eprintln!("skipped: postconf is not installed");
    }
    ok
}

fn run(client: &str) -> SourceOutcome {
    let mut out = SourceOutcome::default();
    read(&ctx(client), &mut out);
    out
}

fn file(name: &str) -> String {
    etc().join(name).display().to_string()
}

#[test]
fn every_table_of_every_service() {
    if !have_postconf() {
        return;
    }
    let out = run("198.51.100.7");
    let got: Vec<(String, Effect, Vec<u16>)> = out
        .blocks
        .iter()
        .map(|b| (b.location.clone(), b.effect, b.ports.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                format!("{}:2", file("client_access")),
                Effect::RefuseSession,
                vec![25]
            ),
            (
                format!("{}:2", file("blocked")),
                Effect::RefuseSession,
                vec![25, 465, 587]
            ),
            (
                format!("{}:2", file("client.cidr")),
                Effect::Allow,
                vec![465, 587]
            ),
            (
                format!("{}:3", file("postscreen_access.cidr")),
                Effect::RefuseSession,
                vec![25]
            ),
        ]
    );
    let reload = format!("postfix -c {} reload", etc().display());
    let hash = &out.blocks[0];
    assert_eq!(
        hash.rule,
        "198.51.100.7    REJECT Too many failed logins, call support"
    );
    assert_eq!(hash.matched, "198.51.100.7/32");
    assert!(hash
        .reason
        .as_deref()
        .unwrap()
        .starts_with("554 5.7.1 Client host rejected: Too many failed logins, call support (check_client_access hash:"));
    assert!(hash.reason.as_deref().unwrap().ends_with(
        "in smtpd_client_restrictions; reached only when permit_mynetworks did not accept first)"
    ));
    assert_eq!(
        hash.unblock,
        [
            format!("sed -i 2d {}", file("client_access")),
            format!("postmap hash:{}", file("client_access")),
            reload.clone(),
        ]
    );
    assert_eq!(
        hash.allow[0],
        format!("first line of {}: 198.51.100.7 OK", file("client_access"))
    );
    // texthash: no postmap; met through the restriction class.
    let text = &out.blocks[1];
    assert_eq!(
        text.unblock,
        [format!("sed -i 2d {}", file("blocked")), reload.clone()]
    );
    assert!(text.reason.as_deref().unwrap().contains("in blocklisted"));
    // The OK in the cidr table of the submission services is context.
    let ok = &out.blocks[2];
    assert!(ok.unblock.is_empty() && ok.allow.is_empty());
    assert!(ok.reason.as_deref().unwrap().contains("of submission/inet"));
    let ps = &out.blocks[3];
    assert!(ps
        .reason
        .as_deref()
        .unwrap()
        .starts_with("550 5.3.2 Service currently unavailable"));
    assert_eq!(
        ps.unblock[0],
        format!("sed -i 3d {}", file("postscreen_access.cidr"))
    );

    let src = &out.sources[0];
    assert_eq!(
        (src.name.as_str(), src.status),
        ("postfix-access", SourceStatus::Read)
    );
    assert!(
        src.detail
            .contains("smtpd/pass (25), submission/inet (587), smtps/inet (465)"),
        "{}",
        src.detail
    );
    assert!(src.detail.contains("has no .db"), "{}", src.detail);
}

#[test]
fn parent_networks_inline_tables_and_ipv6() {
    if !have_postconf() {
        return;
    }
    let out = run("198.51.100.9");
    let locs: Vec<&str> = out.blocks.iter().map(|b| b.location.as_str()).collect();
    assert_eq!(locs.len(), 4, "{locs:?}");
    assert_eq!(locs[0], format!("{}:3", file("client_access")));
    assert_eq!(out.blocks[0].matched, "198.51.100.0/24");
    assert_eq!(
        out.blocks[0]
            .reason
            .as_deref()
            .unwrap()
            .split(" (")
            .next()
            .unwrap(),
        "554 5.7.1 Network blocked"
    );
    assert_eq!(
        locs[1],
        format!(
            "{}/main.cf: smtpd_client_restrictions inline:{{...}}",
            etc().display()
        )
    );
    assert_eq!(out.blocks[1].rule, "198.51.100.9=REJECT");
    assert!(out.blocks[1].unblock.is_empty());
    assert_eq!(locs[2], format!("{}:3", file("client.cidr")));

    let out = run("2001:db8::7");
    let got: Vec<(String, Effect)> = out
        .blocks
        .iter()
        .map(|b| (b.location.clone(), b.effect))
        .collect();
    assert_eq!(
        got,
        [
            (format!("{}:6", file("client_access")), Effect::Other),
            (format!("{}:5", file("client.cidr")), Effect::RefuseSession),
        ]
    );
    assert!(out.blocks[0]
        .reason
        .as_deref()
        .unwrap()
        .starts_with("DUNNO"));
    assert!(out.blocks[1]
        .reason
        .as_deref()
        .unwrap()
        .starts_with("421 4.7.0 Try again later"));
}

#[test]
fn settings_with_lines_and_overrides() {
    if !have_postconf() {
        return;
    }
    let out = run("203.0.113.99");
    let s = out
        .settings
        .iter()
        .find(|s| s.source == "postfix" && s.name == "smtpd_client_restrictions")
        .unwrap();
    assert_eq!(
        s.location.as_deref(),
        Some(format!("{}:4", file("main.cf")).as_str())
    );
    let limit = out
        .settings
        .iter()
        .find(|s| s.name == "smtpd_client_connection_rate_limit")
        .unwrap();
    assert_eq!(limit.value, "30");
    assert!(out
        .settings
        .iter()
        .any(|s| s.source == "postfix:submission/inet"
            && s.name == "smtpd_client_restrictions"
            && s.value.contains("client.cidr")));
}

#[test]
fn missing_configuration_is_absent() {
    let mut c = ctx("198.51.100.7");
    c.paths.postfix_dir = etc().join("nowhere");
    let mut out = SourceOutcome::default();
    read(&c, &mut out);
    assert_eq!(out.sources[0].status, SourceStatus::Absent);
    assert!(out.blocks.is_empty());
}

#[test]
fn listeners_without_master_cf() {
    let (l, ps) = listeners(None, &BTreeMap::new());
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].ports, [25]);
    assert!(ps.is_empty());
}

#[test]
fn main_cf_lines() {
    let t = "# x\nsmtpd_client_restrictions_x = 1\nsmtpd_client_restrictions = a\n";
    assert_eq!(main_cf_line(t, "smtpd_client_restrictions"), Some(3));
    assert_eq!(main_cf_line(t, "nothing"), None);
}

proptest! {
    #[test]
    fn table_parsers_never_panic(s in "\\PC*") {
        let ip: IpAddr = "198.51.100.7".parse().unwrap();
        let t = maps::parse_table(&s);
        let _ = maps::table_lookup(&t, ip);
        let c = maps::parse_cidr(&s);
        let _ = maps::cidr_lookup(&c, ip);
        let _ = maps::cidr_lookup(&c, "2001:db8::7".parse().unwrap());
        let _ = maps::parse_inline(&s);
        let _ = maps::parse_inline_rules(&s);
        let _ = maps::parse_spec(&s);
        let _ = maps::key_network(&s);
        let _ = maps::classify(&s, &Codes::default());
        let _ = maps::classify_postscreen(&s, "enforce");
        let _ = postconf::tokens(&s);
        let _ = postconf::parameters(&s);
        let _ = postconf::services(&s);
        let _ = postconf::overrides(&s);
        let _ = postconf::inet_port(&s);
        let _ = main_cf_line(&s, "smtpd_client_restrictions");
    }

    #[test]
    fn cidr_lines_never_panic(lines in proptest::collection::vec("(if |endif|!)?[0-9a-f:.\\[\\]/]{0,20}( [A-Z0-9 ]{0,10})?", 0..12)) {
        let c = maps::parse_cidr(&lines.join("\n"));
        let _ = maps::cidr_lookup(&c, "198.51.100.7".parse().unwrap());
        let _ = maps::cidr_lookup(&c, "2001:db8::7".parse().unwrap());
    }
}
