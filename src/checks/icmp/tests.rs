//! ICMP error classification and the parsing of `IP_RECVERR` control messages, from bytes
//! laid out as the kernel writes them.

use super::*;

const W: usize = std::mem::size_of::<usize>();

/// A `sock_extended_err` as the kernel writes it, with an IPv4 or IPv6 offender.
fn ee(errno: u32, origin: u8, t: u8, code: u8, offender: Option<IpAddr>) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&errno.to_ne_bytes());
    v.extend_from_slice(&[origin, t, code, 0]);
    v.extend_from_slice(&0u32.to_ne_bytes()); // ee_info
    v.extend_from_slice(&0u32.to_ne_bytes()); // ee_data
    match offender {
        Some(IpAddr::V4(a)) => {
            v.extend_from_slice(&AF_INET.to_ne_bytes());
            v.extend_from_slice(&[0, 0]); // port
            v.extend_from_slice(&a.octets());
            v.extend_from_slice(&[0; 8]); // sin_zero
        }
        Some(IpAddr::V6(a)) => {
            v.extend_from_slice(&AF_INET6.to_ne_bytes());
            v.extend_from_slice(&[0, 0]); // port
            v.extend_from_slice(&[0; 4]); // flowinfo
            v.extend_from_slice(&a.octets());
            v.extend_from_slice(&[0; 4]); // scope id
        }
        None => v.extend_from_slice(&[0; 16]), // AF_UNSPEC
    }
    v
}

/// One control message with header and padding.
fn cmsg(level: i32, kind: i32, data: &[u8]) -> Vec<u8> {
    let header = (W + 8).div_ceil(W) * W;
    let len = header + data.len();
    let mut v = Vec::new();
    v.extend_from_slice(&len.to_ne_bytes());
    v.extend_from_slice(&level.to_ne_bytes());
    v.extend_from_slice(&kind.to_ne_bytes());
    v.resize(header, 0);
    v.extend_from_slice(data);
    v.resize(len.div_ceil(W) * W, 0);
    v
}

#[test]
fn kinds_v4() {
    assert_eq!(classify(ORIGIN_ICMP, 3, 13), IcmpKind::AdminProhibited);
    assert_eq!(classify(ORIGIN_ICMP, 3, 9), IcmpKind::AdminProhibited);
    assert_eq!(classify(ORIGIN_ICMP, 3, 10), IcmpKind::AdminProhibited);
    assert_eq!(classify(ORIGIN_ICMP, 3, 1), IcmpKind::HostUnreachable);
    assert_eq!(classify(ORIGIN_ICMP, 3, 0), IcmpKind::NetUnreachable);
    assert_eq!(classify(ORIGIN_ICMP, 3, 3), IcmpKind::PortUnreachable);
    assert_eq!(classify(ORIGIN_ICMP, 3, 4), IcmpKind::Other); // fragmentation needed
    assert_eq!(classify(ORIGIN_ICMP, 11, 0), IcmpKind::TimeExceeded);
    assert_eq!(classify(ORIGIN_ICMP, 12, 0), IcmpKind::Other);
}

#[test]
fn kinds_v6() {
    assert_eq!(classify(ORIGIN_ICMP6, 1, 1), IcmpKind::AdminProhibited);
    assert_eq!(classify(ORIGIN_ICMP6, 1, 0), IcmpKind::NetUnreachable);
    assert_eq!(classify(ORIGIN_ICMP6, 1, 3), IcmpKind::HostUnreachable);
    assert_eq!(classify(ORIGIN_ICMP6, 1, 4), IcmpKind::PortUnreachable);
    assert_eq!(classify(ORIGIN_ICMP6, 3, 0), IcmpKind::TimeExceeded);
    // v4 numbers mean something else in v6: type 3 is time exceeded, type 11 nothing.
    assert_eq!(classify(ORIGIN_ICMP6, 11, 0), IcmpKind::Other);
    assert_eq!(classify(ORIGIN_ICMP6, 2, 0), IcmpKind::Other); // packet too big
                                                               // Not ICMP at all.
    assert_eq!(classify(1, 3, 13), IcmpKind::Other);
}

#[test]
fn parses_v4_admin_prohibited_with_offender() {
    let server: IpAddr = "203.0.113.25".parse().unwrap();
    let buf = cmsg(
        SOL_IP,
        IP_RECVERR,
        &ee(113, ORIGIN_ICMP, 3, 13, Some(server)),
    );
    assert_eq!(
        parse_control(&buf),
        Some(IcmpReport {
            kind: IcmpKind::AdminProhibited,
            icmp_type: 3,
            code: 13,
            offender: Some(server),
        })
    );
}

#[test]
fn parses_v6_time_exceeded_with_offender() {
    let router: IpAddr = "2001:db8::1".parse().unwrap();
    let buf = cmsg(
        SOL_IPV6,
        IPV6_RECVERR,
        &ee(113, ORIGIN_ICMP6, 3, 0, Some(router)),
    );
    let r = parse_control(&buf).unwrap();
    assert_eq!(r.kind, IcmpKind::TimeExceeded);
    assert_eq!(r.offender, Some(router));
}

#[test]
fn skips_other_messages_and_local_errors() {
    let router: IpAddr = "198.51.100.1".parse().unwrap();
    let mut buf = cmsg(SOL_IP, 8, &[1, 0, 0, 0]); // IP_TTL, not an error
    buf.extend(cmsg(SOL_IP, IP_RECVERR, &ee(90, 1, 0, 0, None))); // local EMSGSIZE
    buf.extend(cmsg(
        SOL_IP,
        IP_RECVERR,
        &ee(113, ORIGIN_ICMP, 3, 1, Some(router)),
    ));
    let r = parse_control(&buf).unwrap();
    assert_eq!(r.kind, IcmpKind::HostUnreachable);
    assert_eq!(r.offender, Some(router));
}

#[test]
fn no_offender_and_garbage() {
    let buf = cmsg(SOL_IP, IP_RECVERR, &ee(113, ORIGIN_ICMP, 3, 1, None));
    assert_eq!(parse_control(&buf).unwrap().offender, None);
    assert_eq!(parse_control(&[]), None);
    assert_eq!(parse_control(&[0xff; 7]), None);
    // A length below the header size must not loop.
    let mut bad = cmsg(SOL_IP, IP_RECVERR, &ee(113, ORIGIN_ICMP, 3, 1, None));
    bad[..W].copy_from_slice(&1usize.to_ne_bytes());
    assert_eq!(parse_control(&bad), None);
    // A huge length is clamped to the buffer.
    let mut big = cmsg(SOL_IP, IP_RECVERR, &ee(113, ORIGIN_ICMP, 3, 1, None));
    big[..W].copy_from_slice(&usize::MAX.to_ne_bytes());
    assert_eq!(parse_control(&big).map(|r| r.code), Some(1));
    // Truncated extended error.
    assert_eq!(parse_extended_err(&[0; 15]), None);
    // Truncated offender: the report stands, without an address.
    let short = ee(
        113,
        ORIGIN_ICMP,
        3,
        13,
        Some("203.0.113.25".parse().unwrap()),
    );
    assert_eq!(
        parse_extended_err(&short[..EE_LEN + 6]).unwrap().offender,
        None
    );
}

#[test]
fn serializes_snake_case() {
    let r = IcmpReport {
        kind: IcmpKind::AdminProhibited,
        icmp_type: 3,
        code: 13,
        offender: Some("203.0.113.25".parse().unwrap()),
    };
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"kind":"admin_prohibited","icmp_type":3,"code":13,"offender":"203.0.113.25"}"#
    );
}
