use std::path::PathBuf;

use proptest::prelude::*;

use super::*;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server/exim")
}

/// A wrapper that defines FIXDIR and includes the fixture configuration.
struct Wrapper {
    dir: PathBuf,
}

impl Wrapper {
    fn new(name: &str) -> Wrapper {
        let dir =
            std::env::temp_dir().join(format!("smtp-doctor-exim-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("exim.conf"),
            format!(
                "FIXDIR = {fix}\n.include {fix}/exim.conf\n",
                fix = fixtures().display()
            ),
        )
        .unwrap();
        Wrapper { dir }
    }

    fn read(&self, client: &str) -> SourceOutcome {
        let mut out = SourceOutcome::default();
        read(
            Some(&self.dir.join("exim.conf")),
            client.parse().unwrap(),
            &mut out,
        );
        out
    }
}

impl Drop for Wrapper {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn fix(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

#[test]
fn cpanel_drop_and_debian_blacklist() {
    let w = Wrapper::new("a");
    let out = w.read("198.51.100.7");
    assert_eq!(
        out.sources[0].status,
        SourceStatus::Read,
        "{:?}",
        out.sources
    );
    assert!(
        out.sources[0]
            .detail
            .contains("7 ACL statements, 3 named host lists"),
        "{}",
        out.sources[0].detail
    );
    let locs: Vec<&str> = out.blocks.iter().map(|b| b.location.as_str()).collect();
    assert_eq!(
        locs,
        [
            format!("{}:2", fix("spammeripblocks")),
            format!("{}:2", fix("local_host_blacklist"))
        ]
    );
    let drop = &out.blocks[0];
    assert_eq!(drop.effect, Effect::RefuseSession);
    assert_eq!(drop.rule, "198.51.100.7: blocked by support 2026-11-30");
    assert_eq!(drop.matched, "198.51.100.7/32");
    assert_eq!(
        drop.unblock,
        [format!("sed -i 2d {}", fix("spammeripblocks"))]
    );
    let reason = drop.reason.as_deref().unwrap();
    assert!(
        reason.starts_with(
            "Your host is not allowed to connect to this server. (Exim ACL acl_connect: drop at "
        ),
        "{reason}"
    );
    assert!(
        reason.ends_with(&format!("{}:20)", fix("exim.conf"))),
        "{reason}"
    );
    let bl = &out.blocks[1];
    assert_eq!(bl.matched, "198.51.100.0/24");
    assert!(bl
        .reason
        .as_deref()
        .unwrap()
        .contains("only when also: !acl = acl_local_deny_exceptions"));
}

#[test]
fn trusted_hosts_escape_the_drop() {
    let w = Wrapper::new("b");
    let out = w.read("198.51.100.8");
    assert_eq!(out.blocks.len(), 1);
    assert!(out.blocks[0].location.contains("local_host_blacklist"));
}

#[test]
fn ipv6_quoted_keys_masked_lookups_and_inline_lists() {
    let w = Wrapper::new("c");
    let out = w.read("2001:db8::7");
    assert_eq!(out.blocks.len(), 1);
    assert_eq!(out.blocks[0].matched, "2001:db8::/32");

    let out = w.read("203.0.113.5");
    let locs: Vec<String> = out.blocks.iter().map(|b| b.location.clone()).collect();
    assert_eq!(locs.len(), 2, "{locs:?}");
    assert_eq!(locs[0], format!("{}:1", fix("reject_nets")));
    assert!(out.blocks[0]
        .reason
        .as_deref()
        .unwrap()
        .starts_with("554 SMTP service not available"));
    // An item written in the configuration: its line, no command.
    assert_eq!(locs[1], format!("{}:7", fix("exim.conf")));
    assert_eq!(out.blocks[1].rule, "203.0.113.0/25");
    assert!(out.blocks[1].unblock.is_empty());
    assert!(out.blocks[1]
        .reason
        .as_deref()
        .unwrap()
        .contains("!authenticated = *"));

    // Nothing names this one: the catch-all `!127.0.0.1` is not an entry about it.
    assert!(w.read("192.0.2.200").blocks.is_empty());
}

#[test]
fn lists() {
    assert_eq!(split_list("a : b::c : "), ["a", "b:c"]);
    assert_eq!(
        split_list("<; 203.0.113.0/25 ; 2001:db8::/32"),
        ["203.0.113.0/25", "2001:db8::/32"]
    );
    assert_eq!(split_list("127.0.0.1 : ::::1"), ["127.0.0.1", "::1"]);
    let hl = BTreeMap::new();
    let read = |_: &Path| None;
    let env = Env {
        hostlists: &hl,
        read: &read,
    };
    let c: IpAddr = "198.51.100.7".parse().unwrap();
    assert!(
        eval_list("!198.51.100.0/24 : *", c, &env, 0)
            == ListResult::Matched {
                positive: false,
                origin: Origin {
                    file: None,
                    text: "198.51.100.0/24".into(),
                    matched: "198.51.100.0/24".into(),
                    wildcard: false,
                    defined_at: None,
                }
            }
    );
    assert!(eval_list("!203.0.113.1", c, &env, 0).contains());
    assert!(!eval_list("203.0.113.1", c, &env, 0).contains());
    assert!(!eval_list("+undefined", c, &env, 0).contains());
    assert!(!eval_list("lsearch;/x", c, &env, 0).contains());
    // A negative line in a file decides for the whole list.
    let read = |_: &Path| Some("!198.51.100.7\n198.51.100.0/24\n".to_string());
    let env = Env {
        hostlists: &hl,
        read: &read,
    };
    assert!(!eval_list("/f : 198.51.100.7", c, &env, 0).contains());
    assert!(eval_list("/f : *", "198.51.100.8".parse().unwrap(), &env, 0).contains());
    assert!(eval_list("!/f", c, &env, 0).contains());
}

#[test]
fn lookup_keys_and_expansions() {
    let v4: IpAddr = "198.51.100.7".parse().unwrap();
    let v6: IpAddr = "2001:db8::7".parse().unwrap();
    assert_eq!(lsearch_key(v4, None).unwrap(), "198.51.100.7");
    assert_eq!(lsearch_key(v4, Some(24)).unwrap(), "198.51.100.0/24");
    assert_eq!(
        lsearch_key(v6, None).unwrap(),
        "2001.0db8.0000.0000.0000.0000.0000.0007"
    );
    assert_eq!(
        lsearch_key(v6, Some(32)).unwrap(),
        "2001.0db8.0000.0000.0000.0000.0000.0000/32"
    );
    assert_eq!(lookup_key("\"2001:db8::/32\": x"), Some("2001:db8::/32"));
    assert_eq!(lookup_key("198.51.100.7: x"), Some("198.51.100.7"));
    assert_eq!(lookup_key("198.51.100.7 x"), Some("198.51.100.7"));
    assert_eq!(lookup_key("  continued"), None);
    let yes = |_: &Path| true;
    let no = |_: &Path| false;
    assert_eq!(expand_exists("${if exists{/a}{/a}{}}", &yes), "/a");
    assert_eq!(expand_exists("x ${if exists{/a}{/a}{}} y", &no), "x  y");
    assert_eq!(expand_exists("${if exists{/a}", &yes), "${if exists{/a}");
}

#[test]
fn preprocessing() {
    let dir = std::env::temp_dir().join(format!("smtp-doctor-exim-pre-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.conf"),
        "A = 1\nAB = 2\n.ifdef A\nx = A AB A_B\n.else\nx = no\n.endif\n.ifndef A\ny = no\n.elifdef AB\ny = yes\n.endif\n# c\nz = a\\\n   b\n.include_if_exists /nonexistent\n.include b.conf\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.conf"), "w = B\n").unwrap();
    let mut problems = Vec::new();
    let lines = preprocess(&dir.join("a.conf"), &mut problems);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["x = 1 2 A_B", "y = yes", "z = ab", "w = B"]);
    assert_eq!(lines[2].line, 14);
    assert!(problems.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_config_is_reported() {
    let mut out = SourceOutcome::default();
    read(
        Some(Path::new("/nonexistent/exim.conf")),
        "198.51.100.7".parse().unwrap(),
        &mut out,
    );
    assert_eq!(out.sources[0].status, SourceStatus::Absent);
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let c: IpAddr = "198.51.100.7".parse().unwrap();
        let hl = BTreeMap::new();
        let read = |_: &Path| Some(s.clone());
        let env = Env { hostlists: &hl, read: &read };
        let _ = eval_list(&s, c, &env, 0);
        let _ = eval_list(&format!("net-iplsearch;/x : net16-lsearch;/y : /z : {s}"), c, &env, 0);
        let _ = split_list(&s);
        let _ = expand_exists(&s, &|_| true);
        let _ = lookup_key(&s);
        let _ = join_lines(&s);
        let _ = macro_definition(&s);
        let _ = replace_macros(&s, &[("A".into(), s.clone())]);
        let lines: Vec<CfgLine> = s.lines().enumerate().map(|(i, t)| CfgLine { file: PathBuf::from("/x"), line: i + 1, text: t.to_string() }).collect();
        let _ = parse(&lines);
    }
}
