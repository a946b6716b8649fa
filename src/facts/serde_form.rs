//! The saved form of two [`Facts`](super::Facts) fields that serde's defaults cannot write
//! readably, or at all, in TOML.

/// `Option<Option<T>>` where the outer `None` means "not known yet" (the field is left out)
/// and `Some(None)` means "known: there is none" (written as the word `none`).
pub mod known_or_none {
    use serde::de::{self, Deserializer};
    use serde::{Deserialize, Serialize, Serializer};

    const NONE: &str = "none";

    pub fn serialize<S: Serializer, T: Serialize>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(Some(t)) => t.serialize(s),
            // The outer `None` is skipped by the field's `skip_serializing_if`.
            Some(None) | None => s.serialize_str(NONE),
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Form<T> {
        Word(String),
        Value(T),
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        match Form::<T>::deserialize(d)? {
            Form::Word(w) if w == NONE => Ok(Some(None)),
            Form::Word(w) => Err(de::Error::custom(format!(
                "expected a table or the word `{NONE}`, found the string `{w}`"
            ))),
            Form::Value(t) => Ok(Some(Some(t))),
        }
    }
}

/// The probes by port, written as a list (each probe names its own port).
pub mod ports_as_list {
    use std::collections::BTreeMap;

    use serde::de::{self, Deserializer};
    use serde::{Deserialize, Serializer};

    use crate::checks::smtp::PortProbe;

    pub fn serialize<S: Serializer>(
        ports: &BTreeMap<u16, PortProbe>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(ports.values())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<u16, PortProbe>, D::Error> {
        let list = Vec::<PortProbe>::deserialize(d)?;
        let mut out = BTreeMap::new();
        for p in list {
            let port = p.port;
            if out.insert(port, p).is_some() {
                return Err(de::Error::custom(format!("port {port} is listed twice")));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::cert::{CertInfo, CertProblem};
    use crate::checks::dns::{Lookup, Mx};
    use crate::checks::icmp::{IcmpKind, IcmpReport};
    use crate::checks::path::{Hop, HopResult, PathTrace};
    use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
    use crate::checks::tcp::{Attempt, PortReach, TcpOutcome};
    use crate::facts::{Facts, ProviderFound, ProviderVia, Target, TargetSource};
    use crate::protocol::reply::{parse_lines, Reply};

    fn reply(lines: &[&str]) -> Reply {
        let raw: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
        let refs: Vec<&[u8]> = raw.iter().map(Vec::as_slice).collect();
        parse_lines(&refs).unwrap()
    }

    fn cert() -> CertInfo {
        CertInfo {
            subject: "CN=smtp.example.test".into(),
            issuer: "CN=Lab CA".into(),
            names: vec!["smtp.example.test".into()],
            not_before: "2020-01-01T00:00:00Z".into(),
            not_after: "2021-01-01T00:00:00Z".into(),
            not_before_unix: 1_577_836_800,
            not_after_unix: 1_609_459_200,
            self_signed: false,
            issuer_cn: Some("Lab CA".into()),
            issuer_org: None,
            issuer_ou: None,
        }
    }

    fn rich() -> Facts {
        let mut f = Facts {
            target: Some(Some(Target {
                host: "smtp.example.test".into(),
                source: TargetSource::Configured,
            })),
            server_dns: Some(Lookup::Found(vec!["127.0.10.1".parse().unwrap()])),
            mx: Some(Lookup::Found(vec![Mx {
                preference: 10,
                host: "mx.example.test".into(),
            }])),
            domain_txt: Some(Lookup::NoRecords),
            dmarc_txt: Some(Lookup::ServerFailure("SERVFAIL".into())),
            srv: Some(Lookup::Nxdomain),
            provider: Some(Some(ProviderFound {
                id: "m365".into(),
                name: "Microsoft 365".into(),
                via: ProviderVia::Mx {
                    host: "mx.m365.test".into(),
                },
            })),
            plan: Some(vec![587, 465]),
            path: Some(PathTrace {
                destination: "203.0.113.25:587".parse().unwrap(),
                hops: vec![Hop {
                    ttl: 2,
                    from: Some("203.0.113.1".parse().unwrap()),
                    rtt_ms: None,
                    what: HopResult::Unreachable(IcmpKind::HostUnreachable),
                }],
                reached: false,
                last_answering: Some("203.0.113.1".parse().unwrap()),
            }),
            done: true,
            ..Facts::default()
        };
        f.ports.insert(
            587,
            PortProbe {
                port: 587,
                reach: Some(PortReach {
                    port: 587,
                    attempts: vec![Attempt {
                        address: "127.0.10.1:587".parse().unwrap(),
                        outcome: TcpOutcome::AdminProhibited,
                        duration_ms: 3,
                        error: Some("denied".into()),
                        icmp: Some(IcmpReport {
                            kind: IcmpKind::AdminProhibited,
                            icmp_type: 3,
                            code: 13,
                            offender: Some("127.0.10.1".parse().unwrap()),
                        }),
                    }],
                }),
                mode: Some(Mode::Plain),
                greeting: Some(reply(&["220 smtp.example.test ESMTP"])),
                tls: Some(TlsResult::CertProblem {
                    problem: CertProblem::Expired,
                    cert: cert(),
                    message: "certificate has expired".into(),
                }),
                auth: Some(AuthOutcome::Rejected {
                    mechanism: "PLAIN".into(),
                    reply: reply(&["535 5.7.8 Error: authentication failed"]),
                }),
                envelope: Some(EnvelopeOutcome::NotTried {
                    reason: "the sign-in failed".into(),
                }),
                finished: true,
                timings: vec![("tcp".into(), 3), ("greeting".into(), 9)],
                ..PortProbe::default()
            },
        );
        f.ports.insert(
            465,
            PortProbe {
                port: 465,
                mode: Some(Mode::TlsFirst),
                envelope: Some(EnvelopeOutcome::Accepted),
                ..PortProbe::default()
            },
        );
        f
    }

    /// TOML and JSON both give back what was written: the second writing equals the first.
    #[test]
    fn facts_round_trip_through_toml_and_json() {
        let facts = rich();
        let toml_text = toml::to_string(&facts).unwrap();
        let back: Facts = toml::from_str(&toml_text).unwrap();
        assert_eq!(toml::to_string(&back).unwrap(), toml_text);
        let json = serde_json::to_string(&facts).unwrap();
        let back: Facts = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        // The records the reports show come out the same.
        let ids = |f: &Facts| -> Vec<(String, String)> {
            f.records()
                .into_iter()
                .map(|r| (r.id.to_string(), r.summary))
                .collect()
        };
        assert_eq!(ids(&back), ids(&facts));
        assert_eq!(back.target, facts.target);
        assert_eq!(back.provider, facts.provider);
    }

    /// The validity seconds are not written; reading recomputes them from the dates.
    #[test]
    fn certificate_seconds_come_back_from_the_dates() {
        let text = serde_json::to_string(&cert()).unwrap();
        assert!(!text.contains("unix"), "{text}");
        let back: CertInfo = serde_json::from_str(&text).unwrap();
        assert_eq!(back, cert());
        let far = text.replace("2021-01-01T00:00:00Z", "+10000-01-01 0:00:00.0 +00:00:00");
        let back: CertInfo = serde_json::from_str(&far).unwrap();
        assert_eq!(back.not_after_unix, i64::MAX);
    }

    #[test]
    fn unknown_and_none_are_told_apart() {
        let unknown = Facts::default();
        let text = toml::to_string(&unknown).unwrap();
        assert!(!text.contains("target"), "{text}");
        let none = Facts {
            target: Some(None),
            provider: Some(None),
            ..Facts::default()
        };
        let text = toml::to_string(&none).unwrap();
        assert!(text.contains("target = \"none\""), "{text}");
        let back: Facts = toml::from_str(&text).unwrap();
        assert_eq!(back.target, Some(None));
        assert_eq!(back.provider, Some(None));
        assert_eq!(toml::from_str::<Facts>("").unwrap().target, None);
        let err = toml::from_str::<Facts>("target = \"nobody\"").unwrap_err();
        assert!(err.to_string().contains("nobody"), "{err}");
    }

    #[test]
    fn a_port_listed_twice_is_refused() {
        let text = "ports = [{ port = 25, finished = true }, { port = 25, finished = false }]";
        let err = toml::from_str::<Facts>(text).unwrap_err();
        assert!(err.to_string().contains("port 25 is listed twice"), "{err}");
    }

    #[test]
    fn a_misspelt_field_is_refused() {
        let err = toml::from_str::<Facts>("dne = true").unwrap_err();
        assert!(err.to_string().contains("dne"), "{err}");
    }
}
