//! The system calls (Linux), the only `unsafe` of the ICMP module: `setsockopt` for
//! `IP_RECVERR` and the hop limit, and `recvmsg(MSG_ERRQUEUE)`.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};

/// A control buffer aligned for `struct cmsghdr`, large enough for one extended error
/// with an IPv6 offender (and then some).
#[repr(C, align(8))]
pub struct Control(pub [u8; 256]);

impl Control {
    pub fn new() -> Control {
        Control([0; 256])
    }
}

fn set_int(
    fd: BorrowedFd<'_>,
    level: libc::c_int,
    name: libc::c_int,
    value: libc::c_int,
) -> io::Result<()> {
    // size_of::<c_int>() is 4: it fits socklen_t.
    #[allow(clippy::cast_possible_truncation)]
    const INT_LEN: libc::socklen_t = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `fd` is a live socket for the duration of the borrow; the option value is
    // a c_int on our stack and we pass its exact size.
    let rc = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            level,
            name,
            (&raw const value).cast(),
            INT_LEN,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

pub fn set_recverr(fd: BorrowedFd<'_>, v6: bool, on: bool) -> io::Result<()> {
    let on = libc::c_int::from(on);
    if v6 {
        set_int(fd, libc::SOL_IPV6, libc::IPV6_RECVERR, on)
    } else {
        set_int(fd, libc::SOL_IP, libc::IP_RECVERR, on)
    }
}

pub fn set_hop_limit(fd: BorrowedFd<'_>, v6: bool, ttl: u8) -> io::Result<()> {
    let ttl = libc::c_int::from(ttl);
    if v6 {
        set_int(fd, libc::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS, ttl)
    } else {
        set_int(fd, libc::IPPROTO_IP, libc::IP_TTL, ttl)
    }
}

/// Reads one entry of the error queue without waiting into `control`; the number of
/// control bytes written, or `None` when the queue is empty.
pub fn recv_err(fd: BorrowedFd<'_>, control: &mut [u8]) -> io::Result<Option<usize>> {
    // The queued packet's payload (the TCP header we sent) is of no interest; a small
    // buffer takes what fits and the rest is dropped.
    let mut payload = [0u8; 64];
    let mut iov = libc::iovec {
        iov_base: payload.as_mut_ptr().cast(),
        iov_len: payload.len(),
    };
    // SAFETY: msghdr is plain old data (its private padding fields differ between libcs,
    // so it cannot be written as a literal); all-zero is a valid empty header.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &raw mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = control.len() as _;
    // SAFETY: every pointer in `msg` points to a live buffer of the stated length that
    // outlives the call; MSG_DONTWAIT keeps it from blocking.
    let n = unsafe {
        libc::recvmsg(
            fd.as_raw_fd(),
            &raw mut msg,
            libc::MSG_ERRQUEUE | libc::MSG_DONTWAIT,
        )
    };
    if n < 0 {
        let e = io::Error::last_os_error();
        return if e.kind() == io::ErrorKind::WouldBlock {
            Ok(None)
        } else {
            Err(e)
        };
    }
    Ok(Some((msg.msg_controllen as usize).min(control.len())))
}
