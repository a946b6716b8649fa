//! Lines of CSF's temporary lists, /var/lib/csf/csf.tempban and csf.tempallow:
//! `added|ip|ports|direction|timeout|message` (csf.pl `dotempdeny`/`dotempallow` write
//! `time."|$ip|$port|$inout|$timeout|$comment"`; lfd writes the message as `lfd - REASON`).
//! `ports` is a comma list of `port[;protocol]` (empty: every port), `direction` is `in`,
//! `out` or `inout`, `added` and `timeout` are seconds. csf keeps an entry while
//! `now - added < timeout`.

use std::net::IpAddr;

use ipnet::IpNet;

use super::lists::port_list;
use crate::server::netaddr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TempEntry {
    /// Seconds since the Unix epoch when it was added.
    pub added: i64,
    /// The address or network as written.
    pub ip: String,
    /// Ports as written (`587;tcp,465`), empty for every port.
    pub ports: String,
    pub direction: String,
    pub timeout: i64,
    pub message: String,
}

/// One line, or `None` when it is not in the format above.
pub fn parse_line(line: &str) -> Option<TempEntry> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() {
        return None;
    }
    // csf.pl splits on every `|` and keeps the first six fields.
    let mut f = line.split('|');
    let added = f.next()?.trim().parse().ok()?;
    let ip = f.next()?.trim().to_string();
    let ports = f.next().unwrap_or("").trim().to_string();
    let direction = f.next().unwrap_or("").trim().to_ascii_lowercase();
    let timeout = f.next()?.trim().parse().ok()?;
    let message = f.next().unwrap_or("").to_string();
    Some(TempEntry {
        added,
        ip,
        ports,
        direction,
        timeout,
        message,
    })
}

impl TempEntry {
    /// Still in force at `now` (csf.pl: `(time - $time) < $timeout`).
    pub fn active(&self, now: i64) -> bool {
        now.saturating_sub(self.added) < self.timeout
    }

    /// When csf/lfd lifts it.
    pub fn expires(&self) -> i64 {
        self.added.saturating_add(self.timeout)
    }

    /// The network in this entry that covers the client's sessions, if any: an inbound entry
    /// (`in`, `inout`), or an outbound one on every port (it drops the server's replies).
    pub fn covers(&self, client: IpAddr) -> Option<IpNet> {
        let client = netaddr::normalize(client);
        self.blocked_net().filter(|net| net.contains(&client))
    }

    /// The network whose sessions this entry affects, whoever the client (see `covers`).
    pub fn blocked_net(&self) -> Option<IpNet> {
        let net = netaddr::parse_net(&self.ip)?;
        let inbound = self.direction.contains("in");
        let outbound_all = self.direction.contains("out") && self.ports.is_empty();
        (inbound || outbound_all).then_some(net)
    }

    /// Inbound destination ports (empty: every port).
    pub fn port_numbers(&self) -> Vec<u16> {
        if self.direction.contains("in") {
            port_list(&self.ports)
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn lfd_temp_ban() {
        let e = parse_line("1796116323|198.51.100.7|25,465,587|in|3600|lfd - (smtpauth) Failed SMTP AUTH login from 198.51.100.7 (XX/Country/-): 5 in the last 3600 secs").unwrap();
        assert_eq!(e.added, 1_796_116_323);
        assert_eq!(e.expires(), 1_796_119_923);
        assert!(e.active(1_796_119_922));
        assert!(!e.active(1_796_119_923));
        assert_eq!(e.port_numbers(), vec![25, 465, 587]);
        assert!(e.covers(ip("198.51.100.7")).is_some());
        assert!(e.covers(ip("198.51.100.8")).is_none());
        assert!(e.message.starts_with("lfd - (smtpauth)"));
    }

    #[test]
    fn every_port_and_directions() {
        let e = parse_line("1796116323|2001:db8::/64||inout|86400|Manual").unwrap();
        assert!(e.covers(ip("2001:db8::7")).is_some());
        assert!(e.port_numbers().is_empty());
        let out_all = parse_line("1|198.51.100.7||out|10|x").unwrap();
        assert!(out_all.covers(ip("198.51.100.7")).is_some());
        let out_port = parse_line("1|198.51.100.7|25|out|10|x").unwrap();
        assert!(out_port.covers(ip("198.51.100.7")).is_none());
        let nothing = parse_line("1|198.51.100.7|||10|x").unwrap();
        assert!(nothing.covers(ip("198.51.100.7")).is_none());
    }

    #[test]
    fn message_stops_at_a_pipe_and_junk_is_none() {
        let e = parse_line("1|198.51.100.7||in|10|a|b").unwrap();
        assert_eq!(e.message, "a");
        for l in [
            "",
            "x|198.51.100.7||in|10|m",
            "1|198.51.100.7||in",
            "1|198.51.100.7||in|ten|m",
        ] {
            assert!(parse_line(l).is_none(), "{l}");
        }
        // A huge timeout does not overflow.
        let e = parse_line(&format!("{}|198.51.100.7||in|{}|m", i64::MAX, i64::MAX)).unwrap();
        assert_eq!(e.expires(), i64::MAX);
        assert!(e.active(0));
    }
}
