//! tcp_wrappers (libwrap): /etc/hosts.allow and /etc/hosts.deny lines whose daemon list
//! names a mail daemon (or ALL) and whose client list covers the client's address, as
//! hosts_access(5) defines them: `daemon_list : client_list [ : option ... ]`, a backslash
//! continues a line, `#` lines are comments, lists are separated by commas and/or blanks,
//! `EXCEPT` excludes; patterns `ALL`, an address, `n.n.n.` (leading octets), `n.n.n.n/m.m.m.m`,
//! `n.n.n.n/len`, `[v6]/len`, `/file`, and `*`/`?` wildcards on the address. Access is
//! granted when a hosts.allow line matches, else refused when a hosts.deny line matches
//! (hosts_options(5): a last field `ALLOW` or `DENY` overrides the file's meaning).
//!
//! Only programs built with libwrap read these files: Postfix does not, Dovecot does with
//! `login_access_sockets = tcpwrap`, Exim when built with TCP_WRAPPERS (daemon name `exim`).

use std::net::IpAddr;
use std::path::Path;

use crate::server::model::{
    command, escape_control, Block, BlockSource, Effect, SourceEntry, SourceOutcome, SourceStatus,
};
use crate::server::netaddr;
use crate::server::textfile::{self, FileError};

const SOURCE: &str = "tcp_wrappers";
/// Daemon names of mail programs that can use libwrap.
pub const MAIL_DAEMONS: [&str; 8] = [
    "smtpd",
    "dovecot",
    "exim",
    "exim4",
    "sendmail",
    "imap",
    "pop3",
    "submission-login",
];

/// One access rule with its first physical line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub line: usize,
    pub last_line: usize,
    pub text: String,
    pub daemons: String,
    pub clients: String,
    /// `Some(true)` for a last field `ALLOW`, `Some(false)` for `DENY`.
    pub option: Option<bool>,
}

/// Splits `a : b : c` on colons that are not inside `[...]` (IPv6 patterns).
fn fields(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '[' => {
                depth += 1;
                cur.push(c);
            }
            ']' => {
                depth = depth.saturating_sub(1);
                cur.push(c);
            }
            ':' if depth == 0 => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|f| f.trim().to_string()).collect()
}

pub fn parse(text: &str) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if cur.is_none() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        let (piece, continues) = match line.strip_suffix('\\') {
            Some(p) => (p, true),
            None => (line, false),
        };
        match cur.as_mut() {
            Some((_, last, s)) => {
                s.push(' ');
                s.push_str(piece.trim());
                *last = i + 1;
            }
            None => cur = Some((i + 1, i + 1, piece.trim().to_string())),
        }
        if !continues {
            if let Some((first, last, text)) = cur.take() {
                if let Some(r) = rule(first, last, text) {
                    out.push(r);
                }
            }
        }
    }
    if let Some((first, last, text)) = cur {
        if let Some(r) = rule(first, last, text) {
            out.push(r);
        }
    }
    out
}

fn rule(first: usize, last: usize, text: String) -> Option<Rule> {
    let f = fields(&text);
    if f.len() < 2 {
        return None;
    }
    let option = f
        .last()
        .and_then(|o| match o.to_ascii_uppercase().as_str() {
            "ALLOW" if f.len() > 2 => Some(true),
            "DENY" if f.len() > 2 => Some(false),
            _ => None,
        });
    Some(Rule {
        line: first,
        last_line: last,
        daemons: f[0].clone(),
        clients: f[1].clone(),
        option,
        text,
    })
}

fn words(list: &str) -> Vec<String> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `list_1 EXCEPT list_2` (nesting to the right), each word tried with `matches`.
fn list_matches(list: &str, matches: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let ws = words(list);
    let split = ws.iter().position(|w| w == "EXCEPT");
    let (head, tail) = match split {
        Some(i) => (&ws[..i], Some(ws[i + 1..].join(" "))),
        None => (&ws[..], None),
    };
    let hit = head.iter().find_map(|w| matches(w))?;
    match tail {
        Some(t) if list_matches(&t, matches).is_some() => None,
        _ => Some(hit),
    }
}

/// Does one daemon-list word name a mail daemon? (`name@host` forms count by their name.)
fn daemon_word(w: &str) -> Option<String> {
    let name = w.split('@').next().unwrap_or(w);
    if name.eq_ignore_ascii_case("ALL") || MAIL_DAEMONS.iter().any(|d| d.eq_ignore_ascii_case(name))
    {
        Some(name.to_string())
    } else {
        None
    }
}

/// Does one client-list word cover the address? Returns the pattern as the network it
/// stands for.
pub fn client_word(
    w: &str,
    client: IpAddr,
    read: &dyn Fn(&Path) -> Option<String>,
) -> Option<String> {
    let client = netaddr::normalize(client);
    let addr = client.to_string();
    if w.eq_ignore_ascii_case("ALL") {
        return Some("ALL".into());
    }
    if w.starts_with('/') {
        let text = read(Path::new(w))?;
        return text
            .split_whitespace()
            .find(|p| !p.starts_with('/') && client_word(p, client, read).is_some())
            .map(str::to_string);
    }
    if w.contains('*') || w.contains('?') {
        return glob(w, &addr).then(|| w.to_string());
    }
    if client.is_ipv4()
        && w.ends_with('.')
        && w[..w.len() - 1].split('.').all(|o| o.parse::<u8>().is_ok())
    {
        return addr.starts_with(w).then(|| w.to_string());
    }
    if let Some((net, mask)) = w.split_once('/') {
        if let (Ok(n), Ok(m)) = (
            net.parse::<std::net::Ipv4Addr>(),
            mask.parse::<std::net::Ipv4Addr>(),
        ) {
            let IpAddr::V4(c) = client else { return None };
            let (n, m, c) = (u32::from(n), u32::from(m), u32::from(c));
            return (c & m == n).then(|| w.to_string());
        }
    }
    netaddr::entry_contains(w, client).map(|n| n.to_string())
}

/// `*` and `?` wildcards over the whole string.
fn glob(pattern: &str, s: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = s.chars().collect();
    // Iterative matcher with one backtrack point, bounded by the input lengths.
    let (mut pi, mut si) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi].eq_ignore_ascii_case(&s[si])) {
            pi += 1;
            si += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, si));
            pi += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

pub fn read_in(dir: &Path, client: IpAddr, out: &mut SourceOutcome) {
    let reader = |p: &Path| textfile::read(p).ok();
    let mut parts = Vec::new();
    let mut order = 0u32;
    for (name, allows) in [("hosts.allow", true), ("hosts.deny", false)] {
        let path = dir.join(name);
        let text = match textfile::read(&path) {
            Ok(t) => t,
            Err(FileError::Absent { .. }) => {
                parts.push(format!("{name}: absent"));
                continue;
            }
            Err(e) => {
                out.sources
                    .push(e.entry(&format!("{SOURCE}:{}", path.display())));
                continue;
            }
        };
        let rules = parse(&text);
        parts.push(format!("{name}: {} rules", rules.len()));
        for r in rules {
            let Some(daemon) = list_matches(&r.daemons, &daemon_word) else {
                continue;
            };
            let Some(matched) = list_matches(&r.clients, &|w| client_word(w, client, &reader))
            else {
                continue;
            };
            let grants = r.option.unwrap_or(allows);
            let file = path.display().to_string();
            let lines = if r.line == r.last_line {
                format!("{}d", r.line)
            } else {
                format!("{},{}d", r.line, r.last_line)
            };
            let reason = if grants {
                format!("libwrap lets {daemon} accept this client (a hosts.allow match is final)")
            } else {
                format!(
                    "libwrap makes {daemon} close the connection at once, unless a hosts.allow line matched first (only programs built with libwrap read this: not Postfix)"
                )
            };
            out.blocks.push(Block {
                id: String::new(),
                source: BlockSource::TcpWrappers,
                location: escape_control(&format!("{file}:{}", r.line)),
                rule: escape_control(&r.text),
                reason: Some(escape_control(&reason)),
                since: None,
                until: None,
                unblock: if grants {
                    Vec::new()
                } else {
                    vec![escape_control(&command(&["sed", "-i", &lines, &file]))]
                },
                allow: if grants {
                    Vec::new()
                } else {
                    vec![escape_control(&format!(
                        "in {}: {daemon}: {}",
                        dir.join("hosts.allow").display(),
                        netaddr::normalize(client)
                    ))]
                },
                effect: if grants {
                    Effect::Allow
                } else {
                    Effect::RefuseSession
                },
                made_by: None,
                matched: escape_control(&matched),
                ports: Vec::new(),
                order,
            });
            order += 1;
        }
    }
    out.sources.push(SourceEntry::new(
        SOURCE,
        SourceStatus::Read,
        escape_control(&format!("{}: {}", dir.display(), parts.join(", "))),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn no_files(_: &Path) -> Option<String> {
        None
    }

    #[test]
    fn patterns() {
        let c = ip("198.51.100.7");
        for (w, want) in [
            ("ALL", true),
            ("198.51.100.7", true),
            ("198.51.100.", true),
            ("198.51.10.", false),
            ("198.51.100.0/255.255.255.0", true),
            ("198.51.100.0/255.255.255.128", true),
            ("198.51.100.128/255.255.255.128", false),
            ("198.51.100.0/24", true),
            ("198.51.100.*", true),
            ("198.51.1?0.7", true),
            ("[2001:db8::]/32", false),
            ("LOCAL", false),
            (".example.com", false),
            ("@netgroup", false),
        ] {
            assert_eq!(client_word(w, c, &no_files).is_some(), want, "{w}");
        }
        assert!(client_word("[2001:db8::]/32", ip("2001:db8::7"), &no_files).is_some());
        assert!(client_word("[2001:db8::7]", ip("2001:db8::7"), &no_files).is_some());
        let file = |_: &Path| Some("203.0.113.1 198.51.100.0/24\n".to_string());
        assert_eq!(
            client_word("/etc/blocked", c, &file).as_deref(),
            Some("198.51.100.0/24")
        );
    }

    #[test]
    fn rules_and_except() {
        let rules = parse("# comment\nALL: 198.51.100. EXCEPT 198.51.100.7\nsmtpd, dovecot : [2001:db8::]/32 : DENY\nsshd : ALL\nexim : 198.51.100.0/24 \\\n  203.0.113.0/24\n");
        assert_eq!(rules.len(), 4);
        assert_eq!(rules[1].clients, "[2001:db8::]/32");
        assert_eq!(rules[1].option, Some(false));
        assert_eq!((rules[3].line, rules[3].last_line), (5, 6));
        let m = |r: &Rule, c: &str| list_matches(&r.clients, &|w| client_word(w, ip(c), &no_files));
        assert!(m(&rules[0], "198.51.100.7").is_none());
        assert!(m(&rules[0], "198.51.100.8").is_some());
        assert!(m(&rules[3], "203.0.113.5").is_some());
        assert!(list_matches(&rules[2].daemons, &daemon_word).is_none());
        assert_eq!(
            list_matches(&rules[1].daemons, &daemon_word).as_deref(),
            Some("smtpd")
        );
        assert!(list_matches("ALL EXCEPT exim", &daemon_word).is_none());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let c = ip("198.51.100.7");
            for r in parse(&s) {
                let _ = list_matches(&r.daemons, &daemon_word);
                let _ = list_matches(&r.clients, &|w| client_word(w, c, &no_files));
            }
            let _ = glob(&s, "198.51.100.7");
            let _ = glob("*?*", &s);
            let _ = fields(&s);
        }
    }

    #[test]
    fn globs() {
        assert!(glob("*", ""));
        assert!(glob("198.*.7", "198.51.100.7"));
        assert!(!glob("198.*.8", "198.51.100.7"));
        assert!(glob("2001:db8::?", "2001:db8::7"));
        assert!(!glob("?", ""));
    }

    #[test]
    fn files_on_disk() {
        let dir = std::env::temp_dir().join(format!("smtp-doctor-wrap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("hosts.allow"), "dovecot: 203.0.113.0/24\n").unwrap();
        std::fs::write(
            dir.join("hosts.deny"),
            "# deny\nsshd: ALL\nexim, dovecot: 198.51.100.0/24\nALL: ALL\n",
        )
        .unwrap();
        let mut out = SourceOutcome::default();
        read_in(&dir, ip("198.51.100.7"), &mut out);
        assert_eq!(out.blocks.len(), 2);
        let b = &out.blocks[0];
        assert_eq!(
            b.location,
            format!("{}:3", dir.join("hosts.deny").display())
        );
        assert_eq!(b.effect, Effect::RefuseSession);
        assert_eq!(b.matched, "198.51.100.0/24");
        assert_eq!(
            b.unblock,
            [format!("sed -i 3d {}", dir.join("hosts.deny").display())]
        );
        assert_eq!(
            b.allow,
            [format!(
                "in {}: exim: 198.51.100.7",
                dir.join("hosts.allow").display()
            )]
        );
        assert_eq!(out.blocks[1].matched, "ALL");
        let mut out = SourceOutcome::default();
        read_in(&dir, ip("203.0.113.9"), &mut out);
        assert_eq!(out.blocks[0].effect, Effect::Allow);
        assert!(out.sources[0]
            .detail
            .contains("hosts.allow: 1 rules, hosts.deny: 3 rules"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
