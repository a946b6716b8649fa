//! Port lists as iptables prints them (`25`, `25,465,587`, `1000:2000`, `:1024`) and what
//! they mean for a mail client: which of 25/465/587 a rule covers.

/// The ports a mail client connects to.
pub const MAIL_PORTS: [u16; 3] = [25, 465, 587];

/// Inclusive port ranges; a single port is a range of one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortList {
    pub ranges: Vec<(u16, u16)>,
}

impl PortList {
    /// `None` when any part is not a port number or range (a service name, junk).
    pub fn parse(text: &str) -> Option<PortList> {
        let mut ranges = Vec::new();
        for part in text.split(',') {
            let part = part.trim();
            let (lo, hi) = if let Some((lo, hi)) = part.split_once([':', '-']) {
                (
                    if lo.is_empty() { 0 } else { port(lo)? },
                    if hi.is_empty() { u16::MAX } else { port(hi)? },
                )
            } else {
                let p = port(part)?;
                (p, p)
            };
            if lo > hi {
                return None;
            }
            ranges.push((lo, hi));
        }
        Some(PortList { ranges })
    }

    pub fn single(p: u16) -> PortList {
        PortList {
            ranges: vec![(p, p)],
        }
    }

    pub fn contains(&self, p: u16) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= p && p <= hi)
    }

    /// The mail ports this list (or, negated, its complement) lets through.
    pub fn mail_ports(&self, negated: bool) -> Vec<u16> {
        MAIL_PORTS
            .into_iter()
            .filter(|&p| self.contains(p) != negated)
            .collect()
    }

    /// The ports a person would read in the rule: single ports and short ranges spelt out
    /// (at most 64 in all), long ranges left out.
    pub fn listed(&self) -> Vec<u16> {
        let mut out = Vec::new();
        for &(lo, hi) in &self.ranges {
            if u32::from(hi) - u32::from(lo) < 64 {
                out.extend(lo..=hi);
            }
        }
        out.sort_unstable();
        out.dedup();
        out.truncate(64);
        out
    }

    /// Could a client's source port be in this list? Clients connect from a port of 1024
    /// or above (Linux, Windows and macOS pick ephemeral ports well above it).
    pub fn may_hold_client_port(&self, negated: bool) -> bool {
        if negated {
            !self
                .ranges
                .iter()
                .any(|&(lo, hi)| lo <= 1024 && hi == u16::MAX)
        } else {
            self.ranges.iter().any(|&(_, hi)| hi >= 1024)
        }
    }
}

/// The mail ports both an outer condition (a jump's ports) and an inner one allow; empty
/// means "every port". `None`: no port is left.
pub fn narrow(outer: &[u16], inner: &[u16]) -> Option<Vec<u16>> {
    let both: Vec<u16> = match (outer.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_vec(),
        (false, true) => outer.to_vec(),
        (false, false) => inner
            .iter()
            .copied()
            .filter(|p| outer.contains(p))
            .collect(),
    };
    if both.is_empty() && !(outer.is_empty() && inner.is_empty()) {
        return None;
    }
    Some(both)
}

fn port(s: &str) -> Option<u16> {
    match s.trim() {
        "smtp" => Some(25),
        "submissions" | "smtps" => Some(465),
        "submission" => Some(587),
        n => n.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_ranges() {
        let l = PortList::parse("25,465:587").unwrap();
        assert_eq!(l.mail_ports(false), vec![25, 465, 587]);
        assert_eq!(l.mail_ports(true), Vec::<u16>::new());
        assert_eq!(PortList::parse("22").unwrap().mail_ports(true), MAIL_PORTS);
        assert_eq!(PortList::parse(":100").unwrap().mail_ports(false), vec![25]);
        assert_eq!(
            PortList::parse("500:").unwrap().mail_ports(false),
            vec![587]
        );
        assert_eq!(
            PortList::parse("smtp,submission")
                .unwrap()
                .mail_ports(false),
            vec![25, 587]
        );
        assert!(PortList::parse("ssh").is_none());
        assert!(PortList::parse("30:20").is_none());
        assert!(PortList::parse("").is_none());
        assert_eq!(
            PortList::parse("22,80:81,1024:65535").unwrap().listed(),
            vec![22, 80, 81]
        );
    }

    #[test]
    fn narrowing() {
        assert_eq!(narrow(&[], &[]), Some(vec![]));
        assert_eq!(narrow(&[25, 587], &[]), Some(vec![25, 587]));
        assert_eq!(narrow(&[], &[465]), Some(vec![465]));
        assert_eq!(narrow(&[25, 587], &[587, 465]), Some(vec![587]));
        assert_eq!(narrow(&[25], &[465]), None);
    }

    #[test]
    fn client_source_ports() {
        assert!(!PortList::parse("53").unwrap().may_hold_client_port(false));
        assert!(PortList::parse("1024:65535")
            .unwrap()
            .may_hold_client_port(false));
        assert!(PortList::parse("53").unwrap().may_hold_client_port(true));
        assert!(!PortList::parse("1024:65535")
            .unwrap()
            .may_hold_client_port(true));
    }
}
