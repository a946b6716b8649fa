//! The ICMP behind a failed TCP connect, read from the socket's error queue (Linux).
//!
//! `connect()` reports ICMP host-unreachable and administratively-prohibited alike as
//! `EHOSTUNREACH`, and says nothing of who sent it. On Linux a socket with `IP_RECVERR`
//! (`IPV6_RECVERR`) set before `connect()` keeps each ICMP error in a queue that
//! `recvmsg(MSG_ERRQUEUE)` reads without privileges: a `sock_extended_err` with the ICMP type
//! and code, followed by the offender's address. Whether a router or the server itself
//! answered tells a firewall on the path from one at the server.
//!
//! The classification and the parser of the raw control bytes are pure and built on every
//! system; only the system calls are Linux-only. Elsewhere [`ErrQueue`] reads nothing.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use tokio::net::{TcpSocket, TcpStream};

/// What an ICMP error says, in the terms the diagnosis needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IcmpKind {
    NetUnreachable,
    HostUnreachable,
    PortUnreachable,
    /// A firewall or a router's policy refused the packet (and said so).
    AdminProhibited,
    /// The packet's TTL (hop limit) ran out on the way: what a path probe asks for.
    TimeExceeded,
    Other,
}

impl IcmpKind {
    pub fn word(self) -> &'static str {
        match self {
            IcmpKind::NetUnreachable => "network unreachable",
            IcmpKind::HostUnreachable => "host unreachable",
            IcmpKind::PortUnreachable => "port unreachable",
            IcmpKind::AdminProhibited => "administratively prohibited",
            IcmpKind::TimeExceeded => "time exceeded",
            IcmpKind::Other => "other ICMP error",
        }
    }
}

/// One ICMP error as the kernel queued it for a socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IcmpReport {
    pub kind: IcmpKind,
    pub icmp_type: u8,
    pub code: u8,
    /// The sender of the ICMP: a router on the path, or the destination itself.
    pub offender: Option<IpAddr>,
}

/// `ee_origin` values of `sock_extended_err` (linux/errqueue.h); ours so the pure code
/// builds on every system.
pub const ORIGIN_ICMP: u8 = 2;
pub const ORIGIN_ICMP6: u8 = 3;

// Control-message levels and types of the two error queues (SOL_IP/IP_RECVERR,
// SOL_IPV6/IPV6_RECVERR), fixed by the Linux ABI.
const SOL_IP: i32 = 0;
const IP_RECVERR: i32 = 11;
const SOL_IPV6: i32 = 41;
const IPV6_RECVERR: i32 = 25;
// Address families as Linux numbers them in the offender's sockaddr.
const AF_INET: u16 = 2;
const AF_INET6: u16 = 10;
/// sizeof(struct sock_extended_err).
const EE_LEN: usize = 16;

/// Maps an ICMP error to its kind. `origin` is [`ORIGIN_ICMP`] or [`ORIGIN_ICMP6`]; anything
/// else is not an ICMP error and gives [`IcmpKind::Other`].
pub fn classify(origin: u8, icmp_type: u8, code: u8) -> IcmpKind {
    use IcmpKind::{
        AdminProhibited, HostUnreachable, NetUnreachable, Other, PortUnreachable, TimeExceeded,
    };
    match (origin, icmp_type) {
        // ICMPv4 destination unreachable (RFC 792, RFC 1812 for 9-13).
        (ORIGIN_ICMP, 3) => match code {
            0 | 6 | 11 => NetUnreachable,
            1 | 7 | 12 => HostUnreachable,
            3 => PortUnreachable,
            // Network / host / communication administratively prohibited.
            9 | 10 | 13 => AdminProhibited,
            _ => Other,
        },
        // ICMPv6 destination unreachable (RFC 4443).
        (ORIGIN_ICMP6, 1) => match code {
            0 => NetUnreachable,
            // 5 (source address failed ingress/egress policy) and 6 (reject route) are
            // policy refusals too; Linux maps all three to EACCES.
            1 | 5 | 6 => AdminProhibited,
            3 => HostUnreachable,
            4 => PortUnreachable,
            _ => Other,
        },
        // Time exceeded: ICMPv4 type 11, ICMPv6 type 3.
        (ORIGIN_ICMP, 11) | (ORIGIN_ICMP6, 3) => TimeExceeded,
        _ => Other,
    }
}

/// Parses the payload of one `IP_RECVERR`/`IPV6_RECVERR` control message: a
/// `sock_extended_err` followed by the offender's `sockaddr`. `None` when it is too short or
/// the error did not come from ICMP (a local error has no ICMP to report).
pub fn parse_extended_err(data: &[u8]) -> Option<IcmpReport> {
    if data.len() < EE_LEN {
        return None;
    }
    // Layout: u32 ee_errno, u8 ee_origin, u8 ee_type, u8 ee_code, u8 ee_pad, u32 ee_info,
    // u32 ee_data.
    let (origin, icmp_type, code) = (data[4], data[5], data[6]);
    if origin != ORIGIN_ICMP && origin != ORIGIN_ICMP6 {
        return None;
    }
    Some(IcmpReport {
        kind: classify(origin, icmp_type, code),
        icmp_type,
        code,
        offender: parse_sockaddr(&data[EE_LEN..]),
    })
}

/// The address in a `sockaddr_in`/`sockaddr_in6` (family in host order, address in network
/// order). `AF_UNSPEC` or a short buffer means the kernel named no offender.
fn parse_sockaddr(sa: &[u8]) -> Option<IpAddr> {
    let family = u16::from_ne_bytes([*sa.first()?, *sa.get(1)?]);
    match family {
        // sin_family, sin_port, then sin_addr at 4.
        AF_INET => {
            let a: [u8; 4] = sa.get(4..8)?.try_into().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(a)))
        }
        // sin6_family, sin6_port, sin6_flowinfo, then sin6_addr at 8.
        AF_INET6 => {
            let a: [u8; 16] = sa.get(8..24)?.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

/// Walks a control buffer as `recvmsg` filled it (the first `msg_controllen` bytes) and
/// returns the first ICMP error in it. The layout is Linux's `struct cmsghdr`: a
/// `size_t` length (header included), `int` level, `int` type, each message aligned to
/// `size_t`.
pub fn parse_control(control: &[u8]) -> Option<IcmpReport> {
    const W: usize = std::mem::size_of::<usize>();
    let align = |n: usize| n.checked_add(W - 1).map(|n| n & !(W - 1));
    let header = align(W + 8)?;
    let mut at = 0usize;
    while control.len().checked_sub(at)? >= header {
        let len = usize::from_ne_bytes(control.get(at..at + W)?.try_into().ok()?);
        let level = i32::from_ne_bytes(control.get(at + W..at + W + 4)?.try_into().ok()?);
        let kind = i32::from_ne_bytes(control.get(at + W + 4..at + W + 8)?.try_into().ok()?);
        // A length shorter than its own header would loop forever; the kernel never writes
        // one, so it means the buffer is not what we think.
        if len < header {
            return None;
        }
        let end = at.checked_add(len)?.min(control.len());
        if (level, kind) == (SOL_IP, IP_RECVERR) || (level, kind) == (SOL_IPV6, IPV6_RECVERR) {
            if let Some(report) = control.get(at + header..end).and_then(parse_extended_err) {
                return Some(report);
            }
        }
        at = at.checked_add(align(len)?)?;
    }
    None
}

/// A handle on a socket's error queue that outlives a failed `connect()` (tokio's
/// `TcpSocket::connect` consumes the socket, and with it the queue). Keep it only as long as
/// the attempt: while it lives, the socket is not closed.
#[derive(Debug)]
pub struct ErrQueue {
    #[cfg(target_os = "linux")]
    fd: std::os::fd::OwnedFd,
}

impl ErrQueue {
    /// Lets go of the second descriptor (after a successful connect: the stream's owner
    /// must be the one that closes the connection).
    pub fn close(self) {}
}

#[cfg(target_os = "linux")]
impl ErrQueue {
    /// Turns on ICMP error reporting for `socket` (before `connect()`) and keeps a second
    /// descriptor of it to read the queue afterwards.
    pub fn attach(socket: &TcpSocket, v6: bool) -> io::Result<ErrQueue> {
        use std::os::fd::AsFd;
        sys::set_recverr(socket.as_fd(), v6, true)?;
        Ok(ErrQueue {
            fd: socket.as_fd().try_clone_to_owned()?,
        })
    }

    /// The first ICMP error queued for the socket, if any; never waits. Reads (and so
    /// empties) a few entries at most: one failed connect queues one or two.
    pub fn read(&self) -> Option<IcmpReport> {
        use std::os::fd::AsFd;
        let mut first = None;
        for _ in 0..8 {
            let mut control = sys::Control::new();
            match sys::recv_err(self.fd.as_fd(), &mut control.0) {
                Ok(Some(len)) => {
                    if first.is_none() {
                        first = control.0.get(..len).and_then(parse_control);
                    }
                }
                // Empty queue, or an error reading it: either way nothing more to learn.
                Ok(None) | Err(_) => break,
            }
        }
        first
    }
}

#[cfg(not(target_os = "linux"))]
impl ErrQueue {
    /// Other systems have no error queue; the attempt falls back to the errno and timing.
    pub fn attach(_socket: &TcpSocket, _v6: bool) -> io::Result<ErrQueue> {
        Ok(ErrQueue {})
    }

    pub fn read(&self) -> Option<IcmpReport> {
        None
    }
}

/// Turns ICMP error reporting off again on a connected stream: with it on, Linux turns any
/// later soft ICMP error on an established TCP connection into a hard one, which would make
/// the SMTP session more fragile than the user's mail client is.
pub fn disarm(stream: &TcpStream, v6: bool) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsFd;
        // Best effort: failing leaves the session a little less tolerant, nothing worse.
        let _ = sys::set_recverr(stream.as_fd(), v6, false);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (stream, v6);
}

/// Sets the TTL (IPv4) or unicast hop limit (IPv6) of the packets `socket` sends.
pub fn set_hop_limit(socket: &TcpSocket, v6: bool, ttl: u8) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsFd;
        sys::set_hop_limit(socket.as_fd(), v6, ttl)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (socket, v6, ttl);
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }
}

#[cfg(target_os = "linux")]
mod sys;

#[cfg(test)]
mod tests;
