use std::path::PathBuf;
use std::time::Duration;

use proptest::prelude::*;
use time::macros::datetime;

use super::*;
use crate::server::context::{Paths, Window};

const NOW: i64 = 1_796_120_400; // 2026-12-01T10:20:00Z

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server/csf")
}

fn ctx(client: &str) -> Ctx {
    Ctx {
        client: client.parse().unwrap(),
        account: Some("alice@example.test".into()),
        window: Window {
            since: NOW - 86_400,
            until: NOW,
        },
        paths: Paths {
            csf_dir: fixture().join("etc"),
            csf_state_dir: fixture().join("state"),
            ..Paths::default()
        },
        command_timeout: Duration::from_secs(10),
        now: NOW,
    }
}

/// A scratch folder removed when the test ends, passed or not.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("smtp-doctor-csf-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn local(t: time::PrimitiveDateTime) -> Option<String> {
    clock::rfc3339(clock::local_to_unix(t).unwrap())
}

#[test]
fn every_list_that_covers_the_client_in_packet_order() {
    let out = read(&ctx("198.51.100.7"));
    let etc = fixture().join("etc");
    let state = fixture().join("state");
    let got: Vec<(String, Effect)> = out
        .blocks
        .iter()
        .map(|b| (b.location.clone(), b.effect))
        .collect();
    assert_eq!(
        got,
        [
            (
                format!("{}:1", state.join("csf.tempallow").display()),
                Effect::Allow
            ),
            (
                format!("{}:4", etc.join("csf.allow").display()),
                Effect::Allow
            ),
            (
                format!("{}:3", etc.join("csf.deny").display()),
                Effect::Deny
            ),
            (
                format!("{}:4", etc.join("csf.deny").display()),
                Effect::Deny
            ),
            (
                format!("{}:5", etc.join("csf.deny").display()),
                Effect::Deny
            ),
            (
                format!("{}:1", state.join("csf.tempban").display()),
                Effect::Deny
            ),
            (
                format!("{}:3", etc.join("csf.ignore").display()),
                Effect::Allow
            ),
        ]
    );
    let orders: Vec<u32> = out.blocks.iter().map(|b| b.order).collect();
    assert_eq!(orders, (0..7).collect::<Vec<_>>());
    assert!(out.blocks.iter().all(|b| b.source == BlockSource::Csf));
    assert_eq!(out.sources[0].status, SourceStatus::Read);
    assert!(
        out.sources[0]
            .detail
            .contains("csf.tempban: 2 in force, 1 expired"),
        "{}",
        out.sources[0].detail
    );
    assert!(out.sources[0].detail.contains("7 matching 198.51.100.7"));
}

#[test]
fn lfd_deny_has_reason_time_and_commands() {
    let out = read(&ctx("198.51.100.7"));
    let b = &out.blocks[2];
    assert_eq!(
        b.reason.as_deref(),
        Some("lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.7 (XX/Country/-): 5 in the last 3600 secs")
    );
    assert_eq!(b.since, local(datetime!(2026-12-01 09:12:03)));
    assert_eq!(b.until, None);
    assert_eq!(b.matched, "198.51.100.7/32");
    assert_eq!(b.unblock, ["csf -dr 198.51.100.7"]);
    assert_eq!(
        b.allow,
        ["csf -a 198.51.100.7 'smtp-doctor: mail client alice@example.test'"]
    );
    assert!(b.rule.starts_with("198.51.100.7 # lfd: (smtpauth)"));
    assert!(b.ports.is_empty());
}

#[test]
fn do_not_delete_network_and_port_filter() {
    let out = read(&ctx("198.51.100.7"));
    let deny = fixture().join("etc/csf.deny").display().to_string();
    let net = &out.blocks[3];
    assert_eq!(net.matched, "198.51.100.0/24");
    assert_eq!(
        net.unblock,
        [format!("sed -i 4d {deny}"), "csf -r".to_string()]
    );
    let filter = &out.blocks[4];
    assert_eq!(filter.ports, [587]);
    assert_eq!(filter.unblock, ["csf -dr 198.51.100.7"]);
    assert_eq!(filter.since, local(datetime!(2026-12-01 09:20:00)));
}

#[test]
fn temporary_ban_until_its_timeout() {
    let out = read(&ctx("198.51.100.7"));
    let b = &out.blocks[5];
    assert_eq!(b.since.as_deref(), Some("2026-12-01T09:56:40Z"));
    assert_eq!(b.until.as_deref(), Some("2026-12-01T10:56:40Z"));
    assert_eq!(b.ports, [25, 465, 587]);
    assert_eq!(b.unblock, ["csf -tr 198.51.100.7"]);
    assert!(b
        .reason
        .as_deref()
        .unwrap()
        .starts_with("lfd - (smtpauth) Failed SMTP AUTH login"));
    // The temporary allow and csf.ignore are context, not blocks.
    assert!(!out.blocks[0].blocks());
    assert_eq!(out.blocks[0].until.as_deref(), Some("2026-12-01T11:40:00Z"));
    let ignore = out.blocks.last().unwrap();
    assert!(ignore.reason.as_deref().unwrap().contains("lfd never bans"));
    assert!(ignore.unblock.is_empty() && ignore.allow.is_empty());
}

#[test]
fn ipv6_and_included_files() {
    let out = read(&ctx("2001:db8::7"));
    let locs: Vec<&str> = out.blocks.iter().map(|b| b.location.as_str()).collect();
    assert_eq!(locs.len(), 2, "{locs:?}");
    assert!(locs[0].ends_with("csf.deny:6"));
    // From the included file: csf -dr does not edit included files.
    let inc = fixture()
        .join("etc/csf.blocklist.local")
        .display()
        .to_string();
    assert_eq!(out.blocks[1].location, format!("{inc}:2"));
    assert_eq!(out.blocks[1].matched, "2001:db8::/32");
    assert_eq!(
        out.blocks[1].unblock,
        [format!("sed -i 2d {inc}"), "csf -r".to_string()]
    );

    let out = read(&ctx("2001:db8:1::5"));
    assert_eq!(out.blocks[0].effect, Effect::Allow);
    assert!(out.blocks[0].location.ends_with("cpanel.allow:2"));
}

#[test]
fn unlisted_client_has_nothing_but_settings() {
    let out = read(&ctx("203.0.113.77"));
    assert!(out.blocks.is_empty());
    let names: Vec<&str> = out.settings.iter().map(|s| s.name.as_str()).collect();
    for n in [
        "TESTING",
        "LF_SMTPAUTH",
        "LF_SMTPAUTH_PERM",
        "LF_TRIGGER",
        "LF_TRIGGER_PERM",
        "LF_PERMBLOCK",
        "LF_PERMBLOCK_COUNT",
        "LF_INTERVAL",
        "DENY_IP_LIMIT",
        "DENY_TEMP_IP_LIMIT",
        "LF_POP3D",
        "LF_IMAPD",
        "SMTP_BLOCK",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    let perm = out
        .settings
        .iter()
        .find(|s| s.name == "LF_SMTPAUTH_PERM")
        .unwrap();
    assert_eq!(perm.value, "3600");
    assert_eq!(
        perm.location.as_deref(),
        Some(format!("{}:17", fixture().join("etc/csf.conf").display()).as_str())
    );
}

#[test]
fn missing_csf_is_absent() {
    let mut c = ctx("198.51.100.7");
    c.paths.csf_dir = fixture().join("no-such-folder");
    let out = read(&c);
    assert_eq!(out.sources.len(), 1);
    assert_eq!(out.sources[0].status, SourceStatus::Absent);
    assert!(out.blocks.is_empty());
}

#[test]
fn missing_state_folder_is_no_temporary_entries() {
    let mut c = ctx("198.51.100.7");
    c.paths.csf_state_dir = fixture().join("no-such-folder");
    let out = read(&c);
    assert_eq!(out.sources.len(), 1, "{:?}", out.sources);
    assert_eq!(out.blocks.len(), 5);
}

#[test]
fn include_cycles_end() {
    let scratch = Scratch::new("cycle");
    let dir = scratch.0.clone();
    let a = dir.join("csf.deny");
    let b = dir.join("b");
    std::fs::write(&a, format!("Include {}\n198.51.100.7\n", b.display())).unwrap();
    std::fs::write(&b, format!("Include {}\n198.51.100.0/24\n", a.display())).unwrap();
    let mut c = ctx("198.51.100.7");
    c.paths.csf_dir = dir.clone();
    c.paths.csf_state_dir = dir.clone();
    let out = read(&c);
    assert_eq!(out.blocks.len(), 2);
}

#[test]
fn hostile_comment_is_escaped() {
    let scratch = Scratch::new("esc");
    let dir = scratch.0.clone();
    std::fs::write(dir.join("csf.deny"), "198.51.100.7 # \x1b[31mred\x1b[0m\n").unwrap();
    let mut c = ctx("198.51.100.7");
    c.paths.csf_dir = dir.clone();
    c.paths.csf_state_dir = dir.clone();
    let out = read(&c);
    let b = &out.blocks[0];
    assert!(!b.rule.contains('\x1b') && !b.reason.as_deref().unwrap().contains('\x1b'));
    assert!(b.reason.as_deref().unwrap().contains("\\u{1b}[31mred"));
}

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        let _ = lists::parse_entry(&s);
        let _ = lists::parse_filter(&s);
        let _ = lists::parse_comment(&s);
        let _ = lists::include_target(&s);
        let _ = lists::port_list(&s);
        let _ = tempban::parse_line(&s);
        let _ = conf::parse(&s);
    }

    #[test]
    fn pipe_soup_never_panics(parts in proptest::collection::vec("(tcp|udp|in|out|[sdug]=[0-9a-f:./_,]{0,12}|[^|]{0,6})", 0..7)) {
        let line = parts.join("|");
        if let Some(e) = lists::parse_entry(&line) {
            let _ = e.covers("198.51.100.7".parse().unwrap());
            let _ = e.ports();
            let _ = e.address_arg();
        }
        if let Some(t) = tempban::parse_line(&line) {
            let _ = t.covers("2001:db8::7".parse().unwrap());
            let _ = t.port_numbers();
        }
    }
}

#[test]
fn all_entries_lists_every_blocked_address_with_its_own_commands() {
    let l = all_entries(&ctx("0.0.0.0"));
    let got: Vec<(String, String)> = l
        .entries
        .iter()
        .map(|e| (super::super::net_text(&e.net), e.block.location.clone()))
        .collect();
    let etc = fixture().join("etc");
    let deny = etc.join("csf.deny").display().to_string();
    let local = etc.join("csf.blocklist.local").display().to_string();
    let tempban = fixture().join("state/csf.tempban").display().to_string();
    assert_eq!(
        got,
        [
            ("203.0.113.99".into(), format!("{deny}:2")),
            ("198.51.100.7".into(), format!("{deny}:3")),
            ("198.51.100.0/24".into(), format!("{deny}:4")),
            ("198.51.100.7".into(), format!("{deny}:5")),
            ("2001:db8::7".into(), format!("{deny}:6")),
            ("198.51.100.128/25".into(), format!("{local}:1")),
            ("2001:db8::/32".into(), format!("{local}:2")),
            // The expired temporary ban (1796000000 + 3600) is not in force.
            ("198.51.100.7".into(), format!("{tempban}:1")),
            ("203.0.113.50".into(), format!("{tempban}:3")),
        ]
    );
    // Each entry has the commands server mode gives for its own address.
    let e = &l.entries[1];
    assert_eq!(e.block.unblock, ["csf -dr 198.51.100.7"]);
    assert_eq!(
        e.block.allow,
        ["csf -a 198.51.100.7 'smtp-doctor: mail client'"]
    );
    assert_eq!(
        (e.trigger.as_deref(), e.failures),
        (Some("smtpauth"), Some(5))
    );
    assert_eq!(l.entries[0].trigger, None);
    assert_eq!(
        l.entries[2].block.allow,
        ["csf -a 198.51.100.0/24 'smtp-doctor: mail client'"]
    );
    let t = &l.entries[7];
    assert_eq!(t.block.unblock, ["csf -tr 198.51.100.7"]);
    assert!(t.block.until.is_some());
    assert_eq!(l.entries[4].trigger.as_deref(), Some("imapd"));
    // The advanced filter limits itself to 587.
    assert_eq!(l.entries[3].block.ports, [587]);
    assert!(l.settings.iter().any(|s| s.name == "LF_SMTPAUTH"));
    assert_eq!(l.sources[0].status, SourceStatus::Read);
    assert!(
        l.sources[0].detail.contains("9 blocking entries"),
        "{:?}",
        l.sources
    );

    let mut c = ctx("0.0.0.0");
    c.paths.csf_dir = PathBuf::from("/nonexistent/csf");
    let none = all_entries(&c);
    assert!(none.entries.is_empty());
    assert_eq!(none.sources[0].status, SourceStatus::Absent);
}

#[test]
fn allow_command_names_the_account() {
    assert_eq!(
        allow_commands_for("198.51.100.7", Some("alice@example.test")),
        ["csf -a 198.51.100.7 'smtp-doctor: mail client alice@example.test'"]
    );
}
