//! Lines of csf.allow, csf.deny and csf.ignore, parsed the way csf.pl does.
//!
//! Formats (CSF's own readme.txt, "csf.allow/csf.deny comments" and "10. Advanced Allow/Deny
//! Filters"; csf.pl `dodeny`, `dokill`, `linefilter`):
//! - leading/trailing whitespace is dropped; empty lines, lines starting with `#` and any line
//!   containing `Include` are not entries (`Include /full/path` pulls another file in);
//! - the entry is the first whitespace-separated word, the rest is its comment, written
//!   `IP # comment - Tue Dec  1 09:12:03 2026` by `csf -d`/`csf -a` and by lfd (`lfd: ...`);
//! - the entry is an address or CIDR, or an advanced filter
//!   `tcp/udp/icmp|in/out|s/d=port[,port|_range]|s/d=ip|u/g=id`, protocol and direction optional
//!   (default tcp, in); without `|`, fields may be separated by `:`.

use std::net::IpAddr;

use ipnet::IpNet;
use time::PrimitiveDateTime;

use crate::server::clock;
use crate::server::netaddr;

/// Which list a line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Allow,
    Deny,
    Ignore,
}

impl ListKind {
    pub fn file_name(self) -> &'static str {
        match self {
            ListKind::Allow => "csf.allow",
            ListKind::Deny => "csf.deny",
            ListKind::Ignore => "csf.ignore",
        }
    }
}

/// Traffic direction of an advanced filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
}

/// Which end of the packet a `s=`/`d=` field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Destination,
}

/// `tcp|in|d=587|s=198.51.100.0/24`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub protocol: String,
    pub direction: Direction,
    /// The `s=`/`d=` port field as written (`587`, `25,465,587`, `2000_3000`, an ICMP type).
    pub port: Option<(Side, String)>,
    /// The `s=`/`d=` address field, when it is an address or network.
    pub ip: Option<(Side, String, IpNet)>,
    /// A `u=`/`g=` owner match (outgoing only).
    pub owner: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A plain address or CIDR: every port, both directions.
    Net(IpNet),
    Filter(Filter),
}

/// One entry: what it matches and the comment beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The first word as written (`198.51.100.7`, `tcp|in|d=587|s=198.51.100.7`).
    pub spec: String,
    pub target: Target,
    pub comment: Comment,
}

/// The comment of an entry: CSF's `reason - date` split in two.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comment {
    /// The text without the leading `#` and the trailing date.
    pub text: String,
    /// The local time `csf`/lfd stamped on it.
    pub added: Option<PrimitiveDateTime>,
    /// `do not delete` keeps `csf -dr` and DENY_IP_LIMIT from removing the line.
    pub do_not_delete: bool,
}

/// `Include /path` (csf.pl: `/^Include\s*(.*)$/` on the trimmed line).
pub fn include_target(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("Include")?;
    let path = rest.trim();
    (!path.is_empty()).then_some(path)
}

/// The entry on one line, or `None` for blank, comment, Include and unrecognised lines
/// (domain names are ignored by CSF too).
pub fn parse_entry(line: &str) -> Option<Entry> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') || line.contains("Include") {
        return None;
    }
    let (spec, rest) = match line.split_once(char::is_whitespace) {
        Some((s, r)) => (s, r),
        None => (line, ""),
    };
    let target = match netaddr::parse_net(spec) {
        Some(net) if !spec.starts_with('[') => Target::Net(net),
        _ => Target::Filter(parse_filter(spec)?),
    };
    Some(Entry {
        spec: spec.to_string(),
        target,
        comment: parse_comment(rest),
    })
}

/// An advanced filter as csf.pl's `linefilter` reads it (lower-cased first).
pub fn parse_filter(spec: &str) -> Option<Filter> {
    let spec = spec.to_ascii_lowercase();
    if !(spec.contains(':') || spec.contains('|')) || !spec.contains('=') {
        return None;
    }
    let spec = if spec.contains('|') {
        spec
    } else {
        spec.replace(':', "|")
    };
    let fields: Vec<&str> = spec.split('|').collect();
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    let mut from = 0;
    let mut protocol = "tcp".to_string();
    if matches!(field(0), "tcp" | "udp" | "icmp") {
        protocol = field(0).to_string();
        from = 1;
    }
    let mut direction = Direction::In;
    for x in from..2 {
        match field(x) {
            "out" => {
                direction = Direction::Out;
                from = x + 1;
                break;
            }
            "in" => {
                from = x + 1;
                break;
            }
            _ => {}
        }
    }
    let side_value = |f: &str| -> Option<(Side, String)> {
        // csf.pl matches /d=(.*)/ and /s=(.*)/ anywhere in the field; d= is tried first.
        if let Some(i) = f.find("d=") {
            Some((Side::Destination, f[i + 2..].to_string()))
        } else {
            f.find("s=").map(|i| (Side::Source, f[i + 2..].to_string()))
        }
    };
    let mut port = None;
    for x in from..3 {
        if let Some(p) = side_value(field(x)) {
            port = Some(p);
            from = x + 1;
            break;
        }
    }
    let mut ip = None;
    for x in from..4 {
        if let Some((side, value)) = side_value(field(x)) {
            ip = netaddr::parse_net(&value).map(|net| (side, value, net));
            break;
        }
    }
    let owner = (from..5).any(|x| {
        let f = field(x);
        f.contains("u=") || f.contains("g=")
    });
    Some(Filter {
        protocol,
        direction,
        port,
        ip,
        owner,
    })
}

/// The comment after the entry: `# reason - Tue Dec  1 09:12:03 2026`.
pub fn parse_comment(rest: &str) -> Comment {
    let text = rest.trim();
    let text = text.strip_prefix('#').unwrap_or(text).trim();
    let do_not_delete = text.to_ascii_lowercase().contains("do not delete");
    if let Some((reason, date)) = text.rsplit_once(" - ") {
        if let Some(added) = clock::parse_ctime(date.trim()) {
            return Comment {
                text: reason.trim_end().to_string(),
                added: Some(added),
                do_not_delete,
            };
        }
    }
    Comment {
        text: text.to_string(),
        added: None,
        do_not_delete,
    }
}

impl Entry {
    /// The network in this entry that covers the client's inbound traffic, if any.
    /// A plain address blocks or allows both directions; an advanced filter affects the
    /// client's sessions only when it is inbound and its source address covers the client
    /// (an outbound or owner filter is about connections this server makes).
    pub fn covers(&self, client: IpAddr) -> Option<IpNet> {
        let client = netaddr::normalize(client);
        self.inbound_net().filter(|net| net.contains(&client))
    }

    /// The network whose inbound traffic this entry affects, whoever the client: the
    /// address or CIDR of a plain entry, the source address of an inbound filter with a
    /// port; `None` for filters that make no inbound rule for an address.
    pub fn inbound_net(&self) -> Option<IpNet> {
        match &self.target {
            Target::Net(net) => Some(*net),
            Target::Filter(f) => {
                if f.owner || f.direction != Direction::In {
                    return None;
                }
                // csf.pl only makes a rule when both a port and an address are given.
                f.port.as_ref()?;
                match &f.ip {
                    Some((Side::Source, _, net)) => Some(*net),
                    _ => None,
                }
            }
        }
    }

    /// The destination ports an inbound filter limits itself to (empty: every port).
    pub fn ports(&self) -> Vec<u16> {
        match &self.target {
            Target::Filter(Filter {
                protocol,
                port: Some((Side::Destination, spec)),
                ..
            }) if protocol != "icmp" => port_list(spec),
            _ => Vec::new(),
        }
    }

    /// The address argument `csf -dr`/`csf -ar` take for this entry (csf.pl `dokill` compares
    /// it with the address in the line).
    pub fn address_arg(&self) -> &str {
        match &self.target {
            Target::Filter(Filter {
                ip: Some((_, value, _)),
                ..
            }) => value,
            Target::Net(_) | Target::Filter(_) => &self.spec,
        }
    }
}

/// Mail ports a port range is reported by (a range is not listed port by port).
const MAIL_PORTS: [u16; 8] = [25, 110, 143, 465, 587, 993, 995, 2525];

/// `25,465,587` or `2000_3000` (CSF's range) as ports; a range is given by the mail ports it
/// covers, or by its two ends when it covers none.
pub fn port_list(spec: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for part in spec.split(',') {
        let part = part.split(';').next().unwrap_or("").trim();
        if let Some((a, b)) = part.split_once(['_', ':']) {
            if let (Ok(a), Ok(b)) = (a.parse::<u16>(), b.parse::<u16>()) {
                let inside: Vec<u16> = MAIL_PORTS
                    .iter()
                    .copied()
                    .filter(|p| (a..=b).contains(p))
                    .collect();
                if inside.is_empty() {
                    out.extend([a, b]);
                } else {
                    out.extend(inside);
                }
            }
        } else if let Ok(p) = part.parse::<u16>() {
            out.push(p);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn lfd_deny_line() {
        let e = parse_entry("198.51.100.7 # lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.7 (XX/Country/-): 5 in the last 3600 secs - Tue Dec  1 09:12:03 2026").unwrap();
        assert_eq!(e.spec, "198.51.100.7");
        assert_eq!(
            e.comment.text,
            "lfd: (smtpauth) Failed SMTP AUTH login from 198.51.100.7 (XX/Country/-): 5 in the last 3600 secs"
        );
        assert_eq!(e.comment.added, Some(datetime!(2026-12-01 09:12:03)));
        assert!(!e.comment.do_not_delete);
        assert!(e.covers(ip("198.51.100.7")).is_some());
        assert!(e.covers(ip("198.51.100.8")).is_none());
        assert_eq!(e.address_arg(), "198.51.100.7");
    }

    #[test]
    fn comments_without_date_and_do_not_delete() {
        let e = parse_entry("198.51.100.0/24 # spam network. Do Not Delete").unwrap();
        assert_eq!(e.comment.text, "spam network. Do Not Delete");
        assert!(e.comment.added.is_none());
        assert!(e.comment.do_not_delete);
        assert!(e.covers(ip("198.51.100.200")).is_some());
        // A dash that is not followed by a date stays in the text.
        let e = parse_entry("198.51.100.9 # one - two").unwrap();
        assert_eq!(e.comment.text, "one - two");
        let e = parse_entry("  2001:db8::/32   ").unwrap();
        assert_eq!(e.comment, Comment::default());
        assert!(e.covers(ip("2001:db8::7")).is_some());
    }

    #[test]
    fn not_entries() {
        for l in [
            "",
            "   ",
            "# 198.51.100.7",
            "  # indented comment",
            "Include /etc/csf/cpanel.allow",
            "198.51.100.7 # Include me",
            "mail.example.test # names are ignored",
            "198.51.100",
        ] {
            assert!(parse_entry(l).is_none(), "{l}");
        }
        assert_eq!(
            include_target("Include /etc/csf/cpanel.allow"),
            Some("/etc/csf/cpanel.allow")
        );
        assert_eq!(include_target("  Include   /x  "), Some("/x"));
        assert_eq!(include_target("Include"), None);
        assert_eq!(include_target("# Include /x"), None);
    }

    #[test]
    fn advanced_filters() {
        let e = parse_entry("tcp|in|d=587|s=198.51.100.0/24 # lfd: port block").unwrap();
        let Target::Filter(f) = &e.target else {
            panic!("not a filter")
        };
        assert_eq!(f.protocol, "tcp");
        assert_eq!(f.direction, Direction::In);
        assert_eq!(f.port, Some((Side::Destination, "587".into())));
        assert!(e.covers(ip("198.51.100.7")).is_some());
        assert_eq!(e.ports(), vec![587]);
        assert_eq!(e.address_arg(), "198.51.100.0/24");

        // Protocol and direction default to tcp and in.
        let e = parse_entry("d=25,465,587|s=198.51.100.7").unwrap();
        assert_eq!(e.ports(), vec![25, 465, 587]);
        assert!(e.covers(ip("198.51.100.7")).is_some());

        // Outbound, destination address, owner and ICMP filters do not cover inbound mail.
        for l in [
            "tcp|out|d=25|d=198.51.100.7",
            "tcp|in|d=25|d=198.51.100.7",
            "tcp|out|d=80||u=99",
            "tcp|in|s=198.51.100.7",
        ] {
            assert!(
                parse_entry(l).unwrap().covers(ip("198.51.100.7")).is_none(),
                "{l}"
            );
        }
        let e = parse_entry("icmp|in|d=ping|s=198.51.100.7").unwrap();
        assert!(e.covers(ip("198.51.100.7")).is_some());
        assert!(e.ports().is_empty());

        // The old colon form.
        let e = parse_entry("d=22:s=198.51.100.7").unwrap();
        assert!(e.covers(ip("198.51.100.7")).is_some());
        assert_eq!(e.ports(), vec![22]);

        // IPv6 source with the pipe form.
        let e = parse_entry("tcp|in|d=465|s=2001:db8::/48").unwrap();
        assert!(e.covers(ip("2001:db8::7")).is_some());
    }

    #[test]
    fn port_ranges() {
        assert_eq!(port_list("2000_3000"), vec![2525]);
        assert_eq!(port_list("3000_3100"), vec![3000, 3100]);
        assert_eq!(port_list("587;tcp,465;udp"), vec![465, 587]);
        assert_eq!(port_list("x,70000,25"), vec![25]);
    }
}
