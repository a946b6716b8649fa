use super::*;

fn terms(record: &str) -> SpfTerms {
    spf_terms(&parse_spf(record).unwrap(), "example.test")
}

#[test]
fn every_dns_querying_term_counts_once() {
    let t = terms("v=spf1 a mx include:_spf.host.test exists:%{i}.x.test ptr ip4:203.0.113.1 redirect=other.test");
    assert_eq!(t.lookups, 6);
    assert_eq!(t.follow, vec!["_spf.host.test", "other.test"]);
    assert_eq!(
        t.hosts,
        vec![
            HostTerm::A("example.test".into()),
            HostTerm::Mx("example.test".into())
        ]
    );
    assert_eq!(
        terms("v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all").lookups,
        0
    );
}

#[test]
fn a_broken_record_is_a_parse_error() {
    assert!(parse_spf("v=spf1 ip4:not-an-address -all").is_err());
    assert!(parse_spf("v=spf1 include: -all").is_err());
}

fn evaluated(results: &[SpfVerdict]) -> SpfFinding {
    SpfFinding::Evaluated {
        record: "v=spf1 -all".into(),
        lookups: 0,
        results: results
            .iter()
            .enumerate()
            .map(|(i, r)| SpfAddressResult {
                address: IpAddr::from([203, 0, 113, u8::try_from(i).unwrap()]),
                result: *r,
            })
            .collect(),
    }
}

#[test]
fn one_passing_address_covers_the_server() {
    use SpfVerdict as V;
    assert_eq!(
        spf_standing(&evaluated(&[V::Fail, V::Pass])),
        SpfStanding::Covers
    );
    assert_eq!(
        spf_standing(&evaluated(&[V::Fail, V::SoftFail])),
        SpfStanding::NotCovering
    );
    assert_eq!(
        spf_standing(&evaluated(&[V::Neutral])),
        SpfStanding::NotCovering
    );
    assert_eq!(
        spf_standing(&evaluated(&[V::TempError])),
        SpfStanding::Unknown
    );
    assert_eq!(spf_standing(&evaluated(&[])), SpfStanding::Unknown);
    assert_eq!(spf_standing(&SpfFinding::Missing), SpfStanding::Missing);
    let over = SpfFinding::TooManyLookups {
        record: String::new(),
        lookups: 11,
    };
    assert_eq!(spf_standing(&over), SpfStanding::TooManyLookups);
}

#[test]
fn the_suggested_record_adds_the_server_before_all() {
    let ips = [
        IpAddr::from([203, 0, 113, 7]),
        "2001:db8::7".parse().unwrap(),
    ];
    assert_eq!(
        suggested_spf(Some("v=spf1 mx include:_spf.host.test -all"), &ips),
        "v=spf1 mx include:_spf.host.test ip4:203.0.113.7 ip6:2001:db8::7 -all"
    );
    assert_eq!(
        suggested_spf(None, &ips[..1]),
        "v=spf1 ip4:203.0.113.7 ~all"
    );
    // Already listed addresses are not added twice; no `all`: appended at the end.
    assert_eq!(
        suggested_spf(Some("v=spf1 ip4:203.0.113.7"), &ips[..1]),
        "v=spf1 ip4:203.0.113.7"
    );
}

#[test]
fn dmarc_policy_and_alignment_are_read() {
    let f = dmarc_finding(&["v=DMARC1; p=reject; adkim=s".into()]);
    assert_eq!(
        f,
        DmarcFinding::Found {
            record: "v=DMARC1; p=reject; adkim=s".into(),
            policy: DmarcPolicy::Reject,
            adkim: Alignment::Strict,
            aspf: Alignment::Relaxed,
        }
    );
    assert!(matches!(
        dmarc_finding(&["v=DMARC1; p=none".into()]),
        DmarcFinding::Found {
            policy: DmarcPolicy::None,
            ..
        }
    ));
    assert_eq!(
        dmarc_finding(&["v=spf1 -all".into()]),
        DmarcFinding::Missing
    );
}

#[test]
fn dkim_keys_present_revoked_or_invalid() {
    // A real 1024-bit RSA public key (RFC 6376 appendix C's example key).
    let key = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB";
    assert_eq!(dkim_key_state(&[key.into()]), DkimKeyState::Present);
    assert_eq!(
        dkim_key_state(&["v=DKIM1; p=".into()]),
        DkimKeyState::Revoked
    );
    assert_eq!(
        dkim_key_state(&["v=DKIM1; k=rsa; p=AAAA".into()]),
        DkimKeyState::Invalid
    );
    assert_eq!(dkim_key_state(&["hello".into()]), DkimKeyState::Missing);
    let keys = [
        DkimKey {
            selector: "a".into(),
            state: DkimKeyState::Present,
        },
        DkimKey {
            selector: "b".into(),
            state: DkimKeyState::Missing,
        },
        DkimKey {
            selector: "c".into(),
            state: DkimKeyState::Unknown,
        },
    ];
    let broken: Vec<&str> = broken_dkim_keys(&keys)
        .iter()
        .map(|k| k.selector.as_str())
        .collect();
    assert_eq!(broken, ["b"]);
}
