//! `ipset list` output: every set's name, type, family, timeout and reference count, and
//! the members that hold the client's address. Pure: tested on captured output.

use std::net::IpAddr;

use crate::server::model::{escape_control, Block, BlockSource, Effect};

use super::addr::{plain, AddrSpec};
use super::owner::{self, Owner};
use super::ports::MAIL_PORTS;

/// One set as `ipset list` shows it, with only the members that hold the client.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IpSet {
    pub name: String,
    /// `hash:ip`, `hash:net,port`, `bitmap:ip`, `list:set`, ...
    pub kind: String,
    /// `inet6` sets hold IPv6 addresses; everything else IPv4.
    pub v6: bool,
    /// The set was made with a default timeout (members then carry `timeout N`).
    pub timeout: Option<u64>,
    /// How many rules use the set (iptables `-m set`, other sets); `None` when not shown.
    pub references: Option<u64>,
    pub entries: usize,
    /// Members whose address part holds the client; empty when a `nomatch` exception
    /// carves the client out.
    pub matching: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The whole member line as listed (`198.51.100.0/24 timeout 2999`).
    pub line: String,
    /// The member itself, as `ipset del` takes it (`198.51.100.7,tcp:25`).
    pub entry: String,
    /// The address part that holds the client.
    pub addr: String,
    /// Seconds left; `None` when permanent.
    pub timeout_left: Option<u64>,
    pub comment: Option<String>,
    /// The port part of an `ip,port` member, when it is TCP (or has no protocol).
    pub port: Option<u16>,
}

impl IpSet {
    /// Number of dimensions (`hash:ip,port` has two); `--match-set` needs a flag for each.
    pub fn dimensions(&self) -> usize {
        self.kind
            .split_once(':')
            .map_or(1, |(_, d)| d.split(',').count())
    }

    /// Holds the first dimension an address (as opposed to a MAC or a set name)?
    pub fn holds_addresses(&self) -> bool {
        self.kind
            .split_once(':')
            .and_then(|(_, d)| d.split(',').next())
            .is_some_and(|d| d == "ip" || d == "net")
    }

    /// Which dimension holds the port, when there is one.
    fn port_dimension(&self) -> Option<usize> {
        let (_, dims) = self.kind.split_once(':')?;
        dims.split(',').position(|d| d == "port")
    }

    /// The members a packet from the client to a mail port meets through `--match-set NAME
    /// FLAGS`: none when the flags do not look at the source address, or when the set has
    /// more dimensions than flags (the kernel then never matches). Every member holding the
    /// client is returned: all of them must go to lift the block.
    pub fn lookup(&self, flags: &[String]) -> Vec<&Member> {
        if flags.first().map(String::as_str) != Some("src") || flags.len() < self.dimensions() {
            return Vec::new();
        }
        let port_flag = self
            .port_dimension()
            .and_then(|d| flags.get(d))
            .map(String::as_str);
        self.matching
            .iter()
            .filter(|m| match (port_flag, m.port) {
                // The destination port must be one the client connects to.
                (Some("dst"), Some(p)) => MAIL_PORTS.contains(&p),
                (Some("dst"), None) => false,
                // A source-port dimension: the client's port is not known; it may match.
                _ => true,
            })
            .collect()
    }
}

/// Every set `ipset list` shows, with all its members (their address part parsed), before
/// any client is looked for: parsed once, asked for many clients by the audit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedSets {
    /// Each set's header (no `matching` members yet) and its member lines.
    sets: Vec<(IpSet, Vec<RawMember>)>,
}

#[derive(Debug, Clone, PartialEq)]
struct RawMember {
    line: String,
    /// The address part, when the set holds addresses and it parses.
    spec: Option<AddrSpec>,
}

/// Parses `ipset list` (all sets). Lines that fit no known field are skipped, so a newer
/// ipset with more header lines still reads.
pub fn parse_sets(text: &str) -> ParsedSets {
    let mut sets: Vec<(IpSet, Vec<RawMember>)> = Vec::new();
    let mut in_members = false;
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            in_members = false;
            continue;
        }
        if let Some(name) = line.strip_prefix("Name: ") {
            sets.push((
                IpSet {
                    name: name.trim().to_string(),
                    ..Default::default()
                },
                Vec::new(),
            ));
            in_members = false;
            continue;
        }
        let Some((set, members)) = sets.last_mut() else {
            continue;
        };
        if in_members {
            set.entries += 1;
            let spec = if set.holds_addresses() {
                line.split_whitespace()
                    .next()
                    .and_then(|entry| entry.split(',').next())
                    .and_then(AddrSpec::parse)
            } else {
                None
            };
            members.push(RawMember {
                line: line.to_string(),
                spec,
            });
            continue;
        }
        if let Some(kind) = line.strip_prefix("Type: ") {
            set.kind = kind.trim().to_string();
        } else if let Some(header) = line.strip_prefix("Header: ") {
            let words: Vec<&str> = header.split_whitespace().collect();
            for pair in words.windows(2) {
                match pair[0] {
                    "family" => set.v6 = pair[1] == "inet6",
                    "timeout" => set.timeout = pair[1].parse().ok(),
                    _ => {}
                }
            }
        } else if let Some(refs) = line.strip_prefix("References: ") {
            set.references = refs.trim().parse().ok();
        } else if line.trim_end() == "Members:" {
            in_members = true;
        }
    }
    ParsedSets { sets }
}

impl ParsedSets {
    /// The sets with the members that hold `client`.
    pub fn for_client(&self, client: IpAddr) -> Vec<IpSet> {
        let mut out = Vec::with_capacity(self.sets.len());
        for (header, members) in &self.sets {
            let mut set = header.clone();
            set.matching = members
                .iter()
                .filter(|m| m.spec.is_some_and(|s| s.contains(client)))
                .filter_map(|m| member(&set, &m.line, client))
                .collect();
            // hash:net sets test the most specific network first: when that is a `nomatch`
            // exception, the client is carved out of the set; other exceptions do not count.
            let most_specific = set
                .matching
                .iter()
                .max_by_key(|m| prefix_len(&m.addr))
                .map(Member::nomatch);
            if most_specific == Some(true) {
                set.matching.clear();
            } else {
                set.matching.retain(|m| !m.nomatch());
            }
            // ipset lists hash sets in hash order; most specific first reads (and tests) stably.
            set.matching.sort_by(|a, b| {
                prefix_len(&b.addr)
                    .cmp(&prefix_len(&a.addr))
                    .then_with(|| a.entry.cmp(&b.entry))
            });
            out.push(set);
        }
        out
    }

    /// The address part of every member of an address set that is not a `nomatch`
    /// exception, as written: the addresses the sets may block.
    pub fn member_addresses(&self) -> Vec<&str> {
        self.sets
            .iter()
            .flat_map(|(_, members)| members)
            .filter(|m| m.spec.is_some() && !m.line.split_whitespace().any(|w| w == "nomatch"))
            .filter_map(|m| m.line.split_whitespace().next()?.split(',').next())
            .collect()
    }
}

/// Parses `ipset list` for one client: every set, with the members that hold it.
pub fn parse_list(text: &str, client: IpAddr) -> Vec<IpSet> {
    parse_sets(text).for_client(client)
}

/// How specific an entry is: its prefix length; a single address is the most specific,
/// a range the least.
pub(super) fn prefix_len(addr: &str) -> u32 {
    match addr.split_once('/') {
        Some((_, len)) => len.parse().unwrap_or(0),
        None if addr.contains('-') => 0,
        None => 128,
    }
}

impl Member {
    fn nomatch(&self) -> bool {
        self.line.split_whitespace().any(|w| w == "nomatch")
    }
}

fn member(set: &IpSet, line: &str, client: IpAddr) -> Option<Member> {
    if !set.holds_addresses() {
        return None;
    }
    // Most members do not hold the client: look at the address before the rest.
    let entry = line.split_whitespace().next()?.to_string();
    let addr = entry.split(',').next()?.to_string();
    if !AddrSpec::parse(&addr)?.contains(client) {
        return None;
    }
    let words = shell_words::split(line)
        .unwrap_or_else(|_| line.split_whitespace().map(str::to_string).collect());
    let port = set.port_dimension().and_then(|d| {
        let part = entry.split(',').nth(d)?;
        match part.split_once(':') {
            Some(("tcp", p)) => p.parse().ok(),
            Some(_) => None,
            None => part.parse().ok(),
        }
    });
    let mut timeout_left = None;
    let mut comment = None;
    for pair in words.windows(2) {
        match pair[0].as_str() {
            "timeout" => timeout_left = pair[1].parse::<u64>().ok().filter(|&t| t > 0),
            "comment" => comment = Some(pair[1].clone()),
            _ => {}
        }
    }
    Some(Member {
        line: line.trim().to_string(),
        entry,
        addr,
        timeout_left,
        comment,
        port,
    })
}

/// How a set entry that holds the client reaches a packet.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EntryUse {
    pub effect: Effect,
    /// Mail ports (on the packet's path) or the referencing rules' ports (elsewhere).
    pub ports: Vec<u16>,
    /// The referencing rule is in a CSF chain.
    pub csf: bool,
    /// The command that lets the client through ahead of the referencing rule.
    pub allow: Vec<String>,
}

/// The block for one member: deleting the member lifts it (or, for a set a tool keeps,
/// the tool's own command, since the tool would add it again).
pub(super) fn entry_block(
    set: &IpSet,
    m: &Member,
    how: EntryUse,
    client: IpAddr,
    now: i64,
) -> Block {
    let owner = owner::fail2ban_ipset(&set.name, set.v6)
        .or_else(|| (how.csf || owner::csf_set(&set.name)).then_some(Owner::Csf));
    let mut ports = how.ports;
    if let Some(p) = m.port.filter(|p| !ports.contains(p)) {
        ports.push(p);
    }
    // An allow-list entry is context: nothing to lift. An entry that does not block mail
    // can still be removed, but needs no allow.
    let unblock = match (&owner, how.effect) {
        (_, Effect::Allow) => Vec::new(),
        (Some(o), _) => o.unblock(&m.addr),
        (None, _) => super::commands(&["ipset", "del", &set.name, &m.entry]),
    };
    let blocks = matches!(how.effect, Effect::Drop | Effect::Reject | Effect::Deny);
    let allow = match &owner {
        _ if !blocks => Vec::new(),
        Some(o) => o.allow(client),
        None => how.allow,
    };
    Block {
        id: String::new(),
        source: BlockSource::Ipset,
        location: escape_control(&format!("set {}", set.name)),
        rule: escape_control(&m.line),
        reason: m.comment.as_deref().map(escape_control),
        since: None,
        until: m.timeout_left.and_then(|t| super::until(now, t)),
        unblock,
        allow,
        effect: how.effect,
        made_by: owner.as_ref().map(Owner::made_by),
        matched: plain(&m.addr),
        ports,
        order: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = include_str!("../../../../tests/fixtures/server/firewall/ipset-list.txt");

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn set<'a>(sets: &'a [IpSet], name: &str) -> &'a IpSet {
        sets.iter().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn captured_sets_for_an_ipv4_client() {
        let sets = parse_list(LIST, ip("198.51.100.7"));
        assert_eq!(sets.len(), 7);
        let deny = set(&sets, "sdx-deny");
        assert_eq!(
            (deny.kind.as_str(), deny.v6, deny.timeout),
            ("hash:net", false, Some(3600))
        );
        assert_eq!((deny.references, deny.entries), (Some(1), 2));
        assert_eq!(deny.matching.len(), 1);
        let m = &deny.matching[0];
        assert_eq!(m.entry, "198.51.100.0/24");
        assert!(m.line.starts_with("198.51.100.0/24 timeout "));
        assert!(m.timeout_left.is_some_and(|t| t > 2900 && t <= 3000));
        assert_eq!(deny.lookup(&["src".into()]), [m]);
        assert!(deny.lookup(&["dst".into()]).is_empty());

        let unused = set(&sets, "sdx-unused");
        assert_eq!(unused.references, Some(0));
        assert_eq!(
            unused.matching[0].comment.as_deref(),
            Some("left over from a test")
        );
        assert_eq!(unused.matching[0].timeout_left, None);

        let ports = set(&sets, "sdx-ports");
        assert_eq!(ports.matching[0].entry, "198.51.100.7,tcp:25");
        assert_eq!(ports.matching[0].port, Some(25));
        assert_eq!(ports.dimensions(), 2);
        assert!(
            ports.lookup(&["src".into()]).is_empty(),
            "too few flags never match"
        );
        assert_eq!(ports.lookup(&["src".into(), "dst".into()]).len(), 1);

        assert!(
            set(&sets, "sdx-carved").matching.is_empty(),
            "nomatch carves the client out"
        );
        assert!(set(&sets, "f2b-postfix-sasl6").matching.is_empty());
        assert!(set(&sets, "f2b-postfix-sasl6").v6);
    }

    #[test]
    fn captured_sets_for_an_ipv6_client() {
        let sets = parse_list(LIST, ip("2001:db8::7"));
        let six = set(&sets, "f2b-postfix-sasl6");
        assert_eq!(six.matching[0].entry, "2001:db8::7");
        assert_eq!(sets.iter().map(|s| s.matching.len()).sum::<usize>(), 1);
    }

    #[test]
    fn other_kinds() {
        let text = "Name: macs\nType: hash:mac\nMembers:\n00:11:22:33:44:55\n\n\
            Name: web\nType: hash:ip,port\nHeader: family inet\nMembers:\n198.51.100.7,udp:25\n198.51.100.7,tcp:80\n";
        let sets = parse_list(text, ip("198.51.100.7"));
        assert!(sets[0].matching.is_empty());
        assert_eq!(sets[1].entries, 2);
        assert!(sets[1].lookup(&["src".into(), "dst".into()]).is_empty());
        assert_eq!(sets[1].references, None);
    }
}
