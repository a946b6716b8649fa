//! This network's public address for the client's blocklist lookups, from every source the
//! engine has: the server's echo of it (the EHLO reply, or a refusal that names it, as
//! Postfix's "Client host [203.0.113.7] blocked using ..." does) and the who-am-I DNS
//! lookup. A network that filters the who-am-I DNS still gets its lookup from the echo.
//!
//! Pure: the engine feeds each port's snapshot to [`echoed`] and decides with [`choose`].

use std::net::IpAddr;

use crate::checks::blocklist::is_public;
use crate::checks::smtp::{EnvelopeOutcome, Mode, PortProbe};
use crate::protocol::reply::Ehlo;

/// What the port probes have shown of this network's address so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// The first public address a server echoed.
    pub echo: Option<IpAddr>,
    /// No port can echo one any more (every probe ended, or none will run).
    pub ports_over: bool,
}

/// The public address the server saw this client at, as one port's conversation shows it:
/// the EHLO reply's echo, else an address in brackets in a refusal (at the greeting or of
/// the envelope). A private or loopback address is no use to a public list: `None`.
pub fn echoed(p: &PortProbe) -> Option<IpAddr> {
    let ehlo = p.ehlo().and_then(Ehlo::client_address);
    let refusal = || {
        let greeting = p
            .greeting
            .as_ref()
            .filter(|_| p.mode == Some(Mode::RefusedGreeting));
        let envelope = match &p.envelope {
            Some(
                EnvelopeOutcome::MailRejected { reply } | EnvelopeOutcome::RcptRejected { reply },
            ) => Some(reply),
            _ => None,
        };
        greeting
            .into_iter()
            .chain(envelope)
            .find_map(|r| crate::protocol::reply::bracketed_address(&r.text()))
    };
    ehlo.or_else(refusal).filter(|ip| is_public(*ip))
}

/// The address to look up, or `None` while it is worth waiting for one: a server's echo
/// first (the address the server judged), else who-am-I's answer; with neither, wait until
/// no port can echo one any more.
pub fn choose(seen: Seen, whoami: Option<IpAddr>) -> Option<Option<IpAddr>> {
    match (seen.echo, whoami) {
        (Some(ip), _) | (None, Some(ip)) => Some(Some(ip)),
        (None, None) => seen.ports_over.then_some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::reply::Reply;

    fn reply(code: u16, line: &str) -> Reply {
        Reply {
            code,
            enhanced: None,
            lines: vec![line.into()],
        }
    }

    const POSTFIX_REFUSAL: &str =
        "5.7.1 Service unavailable; Client host [203.0.113.7] blocked using bl.netlab.test";

    #[test]
    fn a_refusal_at_the_greeting_names_the_address() {
        let p = PortProbe {
            port: 587,
            mode: Some(Mode::RefusedGreeting),
            greeting: Some(reply(554, POSTFIX_REFUSAL)),
            ..PortProbe::default()
        };
        assert_eq!(echoed(&p), Some("203.0.113.7".parse().unwrap()));
        // A greeting that is not a refusal is not read for an address.
        let greeted = PortProbe { mode: None, ..p };
        assert_eq!(echoed(&greeted), None);
    }

    #[test]
    fn an_envelope_refusal_names_the_address_and_private_ones_are_ignored() {
        let refused = |line: &str| PortProbe {
            port: 587,
            envelope: Some(EnvelopeOutcome::RcptRejected {
                reply: reply(554, line),
            }),
            ..PortProbe::default()
        };
        assert_eq!(
            echoed(&refused(POSTFIX_REFUSAL)),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            echoed(&refused("Client host [IPv6:2001:db8::7] blocked")),
            Some("2001:db8::7".parse().unwrap())
        );
        assert_eq!(echoed(&refused("Client host [10.0.0.7] blocked")), None);
        assert_eq!(echoed(&refused("blocked [not an address]")), None);
    }

    #[test]
    fn the_echo_comes_first_then_whoami_else_wait_for_the_ports() {
        let echo: IpAddr = "203.0.113.7".parse().unwrap();
        let whoami: IpAddr = "198.51.100.9".parse().unwrap();
        let seen = |echo, ports_over| Seen { echo, ports_over };
        assert_eq!(
            choose(seen(Some(echo), false), Some(whoami)),
            Some(Some(echo))
        );
        assert_eq!(choose(seen(None, false), Some(whoami)), Some(Some(whoami)));
        // who-am-I filtered: the echo still gives the lookup its address.
        assert_eq!(choose(seen(Some(echo), false), None), Some(Some(echo)));
        assert_eq!(choose(seen(None, false), None), None);
        assert_eq!(choose(seen(None, true), None), Some(None));
    }
}
