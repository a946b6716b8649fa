//! Postfix lookup tables as `check_client_access` uses them, evaluated for one client
//! address the way Postfix does:
//! - indexed tables (hash, btree, lmdb, cdb, dbm, sdbm) are read from their source text file,
//!   texthash directly (postmap(1) input format: `key whitespace value`, `#` comments, lines
//!   starting with whitespace continue the previous one; keys compared without case; of
//!   duplicate keys the first counts, as postmap keeps it). The address is looked up whole,
//!   then as its parent networks by cutting the last `.octet` (IPv4) or `:pair` (IPv6) from
//!   the right, one at a time (access(5) "HOST NAME/ADDRESS PATTERNS", smtpd_check.c
//!   `check_addr_access`); the first key found decides, DUNNO included;
//! - cidr tables (cidr_table(5)): patterns in file order, the first that matches decides;
//!   `!pattern`, `if pattern` ... `endif` (nesting), patterns of the other address family
//!   never match, a pattern with host bits set is skipped as Postfix does;
//! - inline tables (`inline:{ key=value, { key = text } }`): like an indexed table.
//!
//! The result (access(5) actions) says what the client gets.

use std::net::IpAddr;

use ipnet::IpNet;

use super::postconf::tokens;
use crate::server::model::Effect;
use crate::server::netaddr;

/// How a table type is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Built by `postmap` from a text file of the same name.
    Indexed,
    /// texthash: the text file itself.
    Text,
    Cidr,
    Inline,
    /// `static:VALUE`: every lookup answers VALUE.
    Static,
    /// regexp/pcre: patterns matched against the whole address (asked with `postmap -q`).
    Pattern,
    /// Any other type (mysql, ldap, ...): asked with `postmap -q`.
    Query,
}

/// `type:name` as written in a restriction list (`proxy:` removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSpec {
    /// `hash`, `cidr`, `inline`, ...
    pub kind_name: String,
    /// The file, or the `{...}` text of an inline table.
    pub name: String,
    pub kind: TableKind,
}

impl MapSpec {
    /// The table as Postfix names it (`hash:/etc/postfix/access`).
    pub fn text(&self) -> String {
        format!("{}:{}", self.kind_name, self.name)
    }
}

pub fn parse_spec(token: &str) -> Option<MapSpec> {
    let token = token.strip_prefix("proxy:").unwrap_or(token);
    let (kind_name, name) = token.split_once(':')?;
    if kind_name.is_empty()
        || name.is_empty()
        || !kind_name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let kind = match kind_name {
        "hash" | "btree" | "lmdb" | "cdb" | "dbm" | "sdbm" => TableKind::Indexed,
        "texthash" => TableKind::Text,
        "cidr" if name.starts_with('{') => TableKind::Inline,
        "cidr" => TableKind::Cidr,
        "inline" => TableKind::Inline,
        "static" => TableKind::Static,
        "regexp" | "pcre" => TableKind::Pattern,
        _ => TableKind::Query,
    };
    Some(MapSpec {
        kind_name: kind_name.to_string(),
        name: name.to_string(),
        kind,
    })
}

/// One logical line of a table file: 1-based first and last physical line, the text joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogicalLine {
    pub first: usize,
    pub last: usize,
    pub text: String,
}

/// Blank and `#` lines are dropped; a line starting with whitespace continues the previous.
pub fn logical_lines(text: &str) -> Vec<LogicalLine> {
    let mut out: Vec<LogicalLine> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            if let Some(prev) = out.last_mut() {
                prev.text.push(' ');
                prev.text.push_str(trimmed);
                prev.last = i + 1;
            }
            continue;
        }
        out.push(LogicalLine {
            first: i + 1,
            last: i + 1,
            text: line.trim_end().to_string(),
        });
    }
    out
}

/// A `key value` entry of an indexed/text/inline table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEntry {
    pub key: String,
    pub value: String,
    pub line: LogicalLine,
}

pub fn parse_table(text: &str) -> Vec<TableEntry> {
    logical_lines(text)
        .into_iter()
        .map(|l| {
            let (key, value) = match l.text.split_once(char::is_whitespace) {
                Some((k, v)) => (k.to_string(), v.trim().to_string()),
                None => (l.text.clone(), String::new()),
            };
            TableEntry {
                key,
                value,
                line: l,
            }
        })
        .collect()
}

/// `inline:{ key=value, { key = text with spaces } }`: the entries, numbered 1.. in the
/// `line` fields (there is no file).
pub fn parse_inline(name: &str) -> Vec<TableEntry> {
    let inner = name.trim();
    let inner = inner.strip_prefix('{').unwrap_or(inner);
    let inner = inner.strip_suffix('}').unwrap_or(inner);
    tokens(inner)
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let body = item
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .unwrap_or(&item);
            let (k, v) = body.split_once('=')?;
            let key = k.trim().to_string();
            (!key.is_empty()).then(|| TableEntry {
                key,
                value: v.trim().to_string(),
                line: LogicalLine {
                    first: i + 1,
                    last: i + 1,
                    text: item.trim().to_string(),
                },
            })
        })
        .collect()
}

/// `cidr:{ { rule-1 }, { rule-2 } }` (Postfix 3.7 and later): the rules, one per line.
pub fn parse_inline_rules(name: &str) -> Vec<String> {
    let inner = name.trim();
    let inner = inner.strip_prefix('{').unwrap_or(inner);
    let inner = inner.strip_suffix('}').unwrap_or(inner);
    tokens(inner)
        .into_iter()
        .map(|t| {
            t.strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .unwrap_or(&t)
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The keys Postfix tries for a client address, in order: the address, then its parent
/// networks (smtpd_check.c: `split_at_right` on `.` or, for IPv6, `:`).
pub fn lookup_keys(client: IpAddr) -> Vec<String> {
    let addr = netaddr::normalize(client).to_string();
    let delim = if addr.contains(':') { ':' } else { '.' };
    let mut out = vec![addr.clone()];
    let mut cur = addr;
    while let Some(i) = cur.rfind(delim) {
        cur.truncate(i);
        if cur.is_empty() {
            break;
        }
        out.push(cur.clone());
    }
    out
}

/// The entry an indexed table gives for the client, and the key that found it.
pub fn table_lookup(entries: &[TableEntry], client: IpAddr) -> Option<(&TableEntry, String)> {
    for key in lookup_keys(client) {
        if let Some(e) = entries.iter().find(|e| e.key.eq_ignore_ascii_case(&key)) {
            return Some((e, key));
        }
    }
    None
}

/// The network a table key stands for (`198.51.100` is 198.51.100.0/24).
pub fn key_network(key: &str) -> Option<IpNet> {
    if let Some(net) = netaddr::parse_net(key) {
        return Some(net);
    }
    if key.contains(':') {
        let groups: Vec<&str> = key.trim_end_matches(':').split(':').collect();
        if groups.is_empty() || groups.len() > 7 || groups.iter().any(|g| g.is_empty()) {
            return None;
        }
        let full = format!("{}::", groups.join(":"));
        let ip: IpAddr = full.parse().ok()?;
        return IpNet::new(ip, u8::try_from(groups.len() * 16).ok()?).ok();
    }
    let octets: Vec<&str> = key.split('.').collect();
    if octets.is_empty() || octets.len() > 3 || octets.iter().any(|o| o.parse::<u8>().is_err()) {
        return None;
    }
    let mut full = octets.clone();
    full.resize(4, "0");
    let ip: IpAddr = full.join(".").parse().ok()?;
    IpNet::new(ip, u8::try_from(octets.len() * 8).ok()?).ok()
}

/// One parsed line of a cidr table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CidrItem {
    Rule {
        negate: bool,
        net: IpNet,
        pattern: String,
        value: String,
        line: LogicalLine,
    },
    If {
        negate: bool,
        net: IpNet,
    },
    Endif,
}

/// The pattern syntax of cidr_table(5): `addr`, `addr/len`, `[v6addr]/len`; host bits under
/// the prefix must be zero.
fn cidr_pattern(p: &str) -> Option<IpNet> {
    let net = netaddr::parse_net(p)?;
    let (addr, _) = p.split_once('/').unwrap_or((p, ""));
    let addr = addr.trim_start_matches('[').trim_end_matches(']');
    let written: IpAddr = addr.parse().ok()?;
    (written == net.network()).then_some(net)
}

/// The table's rules; lines Postfix would skip (bad patterns) are left out.
pub fn parse_cidr(text: &str) -> Vec<CidrItem> {
    let mut out = Vec::new();
    for l in logical_lines(text) {
        let mut words = l.text.splitn(2, char::is_whitespace);
        let first = words.next().unwrap_or("");
        let rest = words.next().unwrap_or("").trim();
        if first.eq_ignore_ascii_case("endif") {
            out.push(CidrItem::Endif);
            continue;
        }
        if first.eq_ignore_ascii_case("if") {
            let (negate, p) = match rest.strip_prefix('!') {
                Some(p) => (true, p.trim()),
                None => (false, rest),
            };
            if let Some(net) = cidr_pattern(p) {
                out.push(CidrItem::If { negate, net });
            }
            continue;
        }
        let (negate, p) = match first.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, first),
        };
        if let Some(net) = cidr_pattern(p) {
            out.push(CidrItem::Rule {
                negate,
                net,
                pattern: first.to_string(),
                value: rest.to_string(),
                line: l.clone(),
            });
        }
    }
    out
}

/// The first rule that matches the client (cidr_match.c `cidr_match_execute`).
pub fn cidr_lookup(items: &[CidrItem], client: IpAddr) -> Option<&CidrItem> {
    let client = netaddr::normalize(client);
    let same_family = |net: &IpNet| net.addr().is_ipv4() == client.is_ipv4();
    let mut skip = 0usize;
    for item in items {
        match item {
            CidrItem::If { negate, net } => {
                if skip > 0 {
                    skip += 1;
                } else if !(same_family(net) && net.contains(&client) != *negate) {
                    skip = 1;
                }
            }
            CidrItem::Endif => skip = skip.saturating_sub(1),
            CidrItem::Rule { negate, net, .. } => {
                if skip == 0 && same_family(net) && net.contains(&client) != *negate {
                    return Some(item);
                }
            }
        }
    }
    None
}

/// What an access table result does to the client (access(5) ACTIONS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub effect: Effect,
    /// The reply the client gets, when refused.
    pub reply: Option<String>,
    /// A plain note on what the action does.
    pub note: String,
}

/// The reply codes a map's REJECT/DEFER and plain reject/defer use (main.cf).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    pub access_map_reject: String,
    pub access_map_defer: String,
    pub reject: String,
    pub defer: String,
}

impl Default for Codes {
    fn default() -> Self {
        Codes {
            access_map_reject: "554".into(),
            access_map_defer: "450".into(),
            reject: "554".into(),
            defer: "450".into(),
        }
    }
}

/// A leading enhanced status code (`5.7.1 text`) split off, or the default.
fn dsn_split<'a>(text: &'a str, default: &'a str) -> (&'a str, &'a str) {
    let mut it = text.splitn(2, char::is_whitespace);
    let first = it.next().unwrap_or("");
    let parts: Vec<&str> = first.split('.').collect();
    let is_dsn = parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    if is_dsn {
        (first, it.next().unwrap_or("").trim())
    } else {
        (default, text.trim())
    }
}

/// The verdict of a `check_client_access` result.
pub fn classify(value: &str, codes: &Codes) -> Verdict {
    let value = value.trim();
    let (word, text) = match value.split_once(char::is_whitespace) {
        Some((w, t)) => (w, t.trim()),
        None => (value, ""),
    };
    let upper = word.to_ascii_uppercase();
    let refuse = |code: &str, default_dsn: &str, text: &str, note: &str| {
        let (dsn, text) = dsn_split(text, default_dsn);
        let text = if text.is_empty() {
            "Access denied"
        } else {
            text
        };
        Verdict {
            effect: Effect::RefuseSession,
            reply: Some(format!("{code} {dsn} Client host rejected: {text}")),
            note: note.to_string(),
        }
    };
    let other = |note: &str| Verdict {
        effect: Effect::Other,
        reply: None,
        note: note.to_string(),
    };
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Verdict {
            effect: Effect::Allow,
            reply: None,
            note: "an all-numerical result counts as OK".into(),
        };
    }
    let digits = word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit());
    if digits && (word.starts_with('4') || word.starts_with('5')) {
        let default_dsn = if word.starts_with('4') {
            "4.7.1"
        } else {
            "5.7.1"
        };
        let (dsn, text) = dsn_split(text, default_dsn);
        let note = match word {
            "421" | "521" => "the server replies and disconnects at once",
            w if w.starts_with('4') => "a temporary refusal: the client retries later",
            _ => "a permanent refusal",
        };
        return Verdict {
            effect: Effect::RefuseSession,
            reply: Some(format!("{word} {dsn} {text}").trim_end().to_string()),
            note: note.into(),
        };
    }
    match upper.as_str() {
        "OK" => Verdict {
            effect: Effect::Allow,
            reply: None,
            note: "OK: accepted by this restriction list".into(),
        },
        "REJECT" => refuse(&codes.access_map_reject, "5.7.1", text, "REJECT"),
        "DEFER" => refuse(
            &codes.access_map_defer,
            "4.7.1",
            text,
            "DEFER: try again later",
        ),
        "DEFER_IF_PERMIT" => refuse(
            &codes.access_map_defer,
            "4.7.1",
            text,
            "DEFER_IF_PERMIT: deferred whenever a later restriction would accept",
        ),
        "DEFER_IF_REJECT" => {
            other("DEFER_IF_REJECT: only matters when a later restriction rejects")
        }
        "DISCARD" => other("DISCARD: the message is accepted and silently thrown away"),
        "DUNNO" => other("DUNNO: no decision here (and no parent network is tried)"),
        "HOLD" => other("HOLD: the message waits in the hold queue"),
        "FILTER" | "REDIRECT" | "BCC" | "PREPEND" | "WARN" | "INFO" => {
            other(&format!("{upper}: changes handling, does not refuse"))
        }
        _ => {
            let lower = word.to_ascii_lowercase();
            if lower == "permit" {
                Verdict {
                    effect: Effect::Allow,
                    reply: None,
                    note: "permit".into(),
                }
            } else if lower == "reject" {
                refuse(&codes.reject, "5.7.1", "", "reject")
            } else if lower == "defer" {
                refuse(&codes.defer, "4.7.1", "", "defer")
            } else {
                other(&format!("applies the restriction {value}"))
            }
        }
    }
}

/// What a postscreen_access_list result does (postscreen(8): permit, reject, dunno); a
/// reject only refuses when postscreen_denylist_action is enforce or drop.
pub fn classify_postscreen(value: &str, denylist_action: &str) -> Verdict {
    match value.trim().to_ascii_lowercase().as_str() {
        "permit" => Verdict {
            effect: Effect::Allow,
            reply: None,
            note: "permit: postscreen lets the client through without further tests".into(),
        },
        "reject" => match denylist_action.trim() {
            "enforce" => Verdict {
                effect: Effect::RefuseSession,
                reply: Some("550 5.3.2 Service currently unavailable".into()),
                note: "postscreen_denylist_action = enforce: mail is refused after the greeting"
                    .into(),
            },
            "drop" => Verdict {
                effect: Effect::RefuseSession,
                reply: Some("521 5.3.2 Service currently unavailable".into()),
                note: "postscreen_denylist_action = drop: the connection is closed at once".into(),
            },
            a => Verdict {
                effect: Effect::Other,
                reply: None,
                note: format!(
                    "postscreen_denylist_action = {}: the match is only logged",
                    if a.is_empty() { "ignore" } else { a }
                ),
            },
        },
        v => Verdict {
            effect: Effect::Other,
            reply: None,
            note: format!("{v}: no decision"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIX: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/server/postfix/etc/"
    );

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{FIX}{name}")).unwrap()
    }

    #[test]
    fn specs() {
        let s = parse_spec("proxy:hash:/etc/postfix/access").unwrap();
        assert_eq!((s.kind_name.as_str(), s.kind), ("hash", TableKind::Indexed));
        assert_eq!(s.text(), "hash:/etc/postfix/access");
        assert_eq!(parse_spec("cidr:/x").unwrap().kind, TableKind::Cidr);
        assert_eq!(
            parse_spec("cidr:{ {198.51.100.0/24 REJECT} }")
                .unwrap()
                .kind,
            TableKind::Inline
        );
        assert_eq!(parse_spec("pcre:/x").unwrap().kind, TableKind::Pattern);
        assert_eq!(
            parse_spec("mysql:/etc/postfix/m.cf").unwrap().kind,
            TableKind::Query
        );
        assert_eq!(parse_spec("static:REJECT").unwrap().kind, TableKind::Static);
        assert!(parse_spec("permit_mynetworks").is_none());
        assert!(parse_spec(":x").is_none());
        assert!(parse_spec("ha sh:/x").is_none());
    }

    #[test]
    fn parent_network_keys() {
        assert_eq!(
            lookup_keys(ip("198.51.100.7")),
            ["198.51.100.7", "198.51.100", "198.51", "198"]
        );
        assert_eq!(
            lookup_keys(ip("2001:db8::7")),
            ["2001:db8::7", "2001:db8:", "2001:db8", "2001"]
        );
        assert_eq!(
            lookup_keys(ip("2001:db8:1:2:3:4:5:6")),
            [
                "2001:db8:1:2:3:4:5:6",
                "2001:db8:1:2:3:4:5",
                "2001:db8:1:2:3:4",
                "2001:db8:1:2:3",
                "2001:db8:1:2",
                "2001:db8:1",
                "2001:db8",
                "2001"
            ]
        );
        assert_eq!(lookup_keys(ip("::ffff:198.51.100.7"))[0], "198.51.100.7");
    }

    #[test]
    fn hash_source_lookups() {
        let t = parse_table(&fixture("client_access"));
        let (e, key) = table_lookup(&t, ip("198.51.100.7")).unwrap();
        assert_eq!(key, "198.51.100.7");
        assert_eq!(e.value, "REJECT Too many failed logins, call support");
        assert_eq!(e.line.first, 2);
        // Parent network.
        let (e, key) = table_lookup(&t, ip("198.51.100.8")).unwrap();
        assert_eq!((key.as_str(), e.line.first), ("198.51.100", 3));
        assert_eq!(key_network(&key).unwrap().to_string(), "198.51.100.0/24");
        // A continued line.
        let (e, _) = table_lookup(&t, ip("198.51.100.99")).unwrap();
        assert_eq!((e.line.first, e.line.last), (4, 5));
        assert_eq!(e.value, "REJECT a reason written over two lines");
        // DUNNO on the address stops the parent-network search.
        let (e, _) = table_lookup(&t, ip("2001:db8::7")).unwrap();
        assert_eq!(e.value, "DUNNO");
        let (e, key) = table_lookup(&t, ip("2001:db8::8")).unwrap();
        assert_eq!(
            (key.as_str(), e.value.as_str()),
            ("2001:db8", "REJECT IPv6 network blocked")
        );
        assert_eq!(key_network(&key).unwrap().to_string(), "2001:db8::/32");
        assert!(table_lookup(&t, ip("203.0.113.51")).is_none());
        // Case does not matter for keys.
        let t = parse_table("2001:DB8::7 REJECT\n");
        assert!(table_lookup(&t, ip("2001:db8::7")).is_some());
    }

    #[test]
    fn cidr_first_match_in_file_order() {
        let items = parse_cidr(&fixture("client.cidr"));
        let value = |c: &str| match cidr_lookup(&items, ip(c)) {
            Some(CidrItem::Rule { value, line, .. }) => Some((value.clone(), line.first)),
            _ => None,
        };
        assert_eq!(value("198.51.100.7"), Some(("OK".into(), 2)));
        assert_eq!(
            value("198.51.100.8"),
            Some(("REJECT Submission blocked for this network".into(), 3))
        );
        assert_eq!(
            value("2001:db8::7"),
            Some(("421 4.7.0 Try again later".into(), 5))
        );
        assert_eq!(value("203.0.113.200"), Some(("DUNNO".into(), 7)));
        assert_eq!(
            value("203.0.113.5"),
            Some(("REJECT inside the if block".into(), 8))
        );
        // Outside every listed network: the negated pattern at the end.
        assert_eq!(value("192.168.1.1").map(|v| v.1), Some(10));
        // An IPv6 client never matches IPv4 patterns, negated or not.
        assert_eq!(value("2001:db9::1"), None);
        // The rule with host bits set was skipped.
        assert_eq!(
            items
                .iter()
                .filter(|i| matches!(i, CidrItem::Rule { .. }))
                .count(),
            6
        );
    }

    #[test]
    fn cidr_if_blocks_nest() {
        let t = "if 198.51.100.0/24\nif !198.51.100.0/25\n198.51.100.0/24 A\nendif\n198.51.100.0/24 B\nendif\n0.0.0.0/0 C\n";
        let items = parse_cidr(t);
        let v = |c: &str| match cidr_lookup(&items, ip(c)) {
            Some(CidrItem::Rule { value, .. }) => value.clone(),
            _ => String::new(),
        };
        assert_eq!(v("198.51.100.200"), "A");
        assert_eq!(v("198.51.100.7"), "B");
        assert_eq!(v("203.0.113.1"), "C");
        // An if without endif skips to the end.
        let items = parse_cidr("if 203.0.113.0/24\n0.0.0.0/0 X\n");
        assert!(cidr_lookup(&items, ip("198.51.100.7")).is_none());
    }

    #[test]
    fn inline_tables() {
        let t = parse_inline("{ 198.51.100.9=REJECT, { 203.0.113.5 = 554 5.7.1 go away } }");
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[1].key.as_str(), t[1].value.as_str()),
            ("203.0.113.5", "554 5.7.1 go away")
        );
        assert_eq!(t[1].line.text, "{ 203.0.113.5 = 554 5.7.1 go away }");
        assert!(table_lookup(&t, ip("198.51.100.9")).is_some());
        assert!(parse_inline("{ }").is_empty());
        assert_eq!(
            parse_inline_rules("{ { 198.51.100.0/24 REJECT no }, {if 203.0.113.0/24}, {endif} }"),
            ["198.51.100.0/24 REJECT no", "if 203.0.113.0/24", "endif"]
        );
        assert!(parse_inline("{ novalue }").is_empty());
    }

    #[test]
    fn actions() {
        let c = Codes::default();
        let v = classify("REJECT Too many failed logins", &c);
        assert_eq!(v.effect, Effect::RefuseSession);
        assert_eq!(
            v.reply.unwrap(),
            "554 5.7.1 Client host rejected: Too many failed logins"
        );
        assert_eq!(
            classify("reject", &c).reply.unwrap(),
            "554 5.7.1 Client host rejected: Access denied"
        );
        assert_eq!(
            classify("REJECT 5.7.0 bad", &c).reply.unwrap(),
            "554 5.7.0 Client host rejected: bad"
        );
        assert_eq!(
            classify("554 go away", &c).reply.unwrap(),
            "554 5.7.1 go away"
        );
        assert_eq!(
            classify("450 4.7.0 later", &c).reply.unwrap(),
            "450 4.7.0 later"
        );
        assert!(classify("421 bye", &c).note.contains("disconnects"));
        assert_eq!(
            classify("DEFER", &c).reply.unwrap(),
            "450 4.7.1 Client host rejected: Access denied"
        );
        assert_eq!(classify("ok", &c).effect, Effect::Allow);
        assert_eq!(classify("12345", &c).effect, Effect::Allow);
        assert_eq!(classify("permit", &c).effect, Effect::Allow);
        assert_eq!(classify("DUNNO", &c).effect, Effect::Other);
        assert_eq!(classify("DISCARD spam", &c).effect, Effect::Other);
        assert_eq!(
            classify("reject_unknown_client_hostname", &c).effect,
            Effect::Other
        );
        assert_eq!(classify("250 fine", &c).effect, Effect::Other);
        let codes = Codes {
            access_map_reject: "550".into(),
            ..Codes::default()
        };
        assert!(classify("REJECT", &codes)
            .reply
            .unwrap()
            .starts_with("550 5.7.1"));
    }

    #[test]
    fn postscreen_actions() {
        assert_eq!(
            classify_postscreen("reject", "enforce").effect,
            Effect::RefuseSession
        );
        assert_eq!(
            classify_postscreen("reject", "drop").reply.unwrap(),
            "521 5.3.2 Service currently unavailable"
        );
        assert_eq!(
            classify_postscreen("reject", "ignore").effect,
            Effect::Other
        );
        assert_eq!(
            classify_postscreen("permit", "ignore").effect,
            Effect::Allow
        );
        assert_eq!(
            classify_postscreen("dunno", "enforce").effect,
            Effect::Other
        );
    }

    #[test]
    fn key_networks() {
        assert_eq!(key_network("198").unwrap().to_string(), "198.0.0.0/8");
        assert_eq!(
            key_network("198.51.100.7").unwrap().to_string(),
            "198.51.100.7/32"
        );
        assert_eq!(
            key_network("2001:db8:").unwrap().to_string(),
            "2001:db8::/32"
        );
        assert!(key_network("example.com").is_none());
        assert!(key_network("1.2.3.4.5").is_none());
        assert!(key_network("::").is_some());
    }
}
