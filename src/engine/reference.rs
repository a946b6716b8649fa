//! Choosing the reference hosts for a run: `--reference HOST`, the provider's submission
//! server, the domain's MX host (port 25 only), then the built-in list. The hosts themselves,
//! the knock and its result are in [`crate::checks::reference`].

use crate::checks::dns::Mx;
use crate::profiles::Profile;

pub use crate::checks::reference::{check, Candidate, RefPort, ReferenceCheck, ReferenceSource};

/// The reference candidates in order of choice; `built_in` is the catalog's list. Pure.
pub fn candidates(
    option: Option<&str>,
    provider: Option<&Profile>,
    domain: Option<&str>,
    mx: &[Mx],
    built_in: &[Candidate],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    if let Some(host) = option.map(str::trim).filter(|h| !h.is_empty()) {
        out.push(Candidate {
            host: host.to_string(),
            source: ReferenceSource::Option,
            ports: super::SUBMISSION_PORTS.to_vec(),
        });
    }
    if let (Some(p), Some(domain)) = (provider, domain) {
        for e in p.submission_for(domain) {
            match out.iter_mut().find(|c| c.host == e.server) {
                Some(c) => c.ports.push(e.port),
                None => out.push(Candidate {
                    host: e.server,
                    source: ReferenceSource::Provider,
                    ports: vec![e.port],
                }),
            }
        }
    }
    if let Some(m) = mx.first() {
        out.push(Candidate {
            host: m.host.clone(),
            source: ReferenceSource::Mx,
            ports: vec![25],
        });
    }
    out.extend(built_in.iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_choice() {
        let profiles = crate::profiles::Profiles::embedded().expect("shipped profiles");
        let gmail = profiles.get("gmail");
        let mx = vec![Mx {
            preference: 10,
            host: "mx.example.org".into(),
        }];
        let built_in = crate::checks::reference::built_in();
        let list = candidates(
            Some("ref.example.net"),
            gmail,
            Some("example.org"),
            &mx,
            built_in,
        );
        assert_eq!(list[0].host, "ref.example.net");
        assert_eq!(list[0].ports, vec![587, 465, 25]);
        assert_eq!(list[1].host, "smtp.gmail.com");
        assert_eq!(list[1].source, ReferenceSource::Provider);
        let mx_pos = list.iter().position(|c| c.source == ReferenceSource::Mx);
        assert_eq!(list[mx_pos.expect("mx candidate")].ports, vec![25]);
        assert!(list
            .iter()
            .skip(3)
            .all(|c| c.source == ReferenceSource::BuiltIn));
        // Without option, provider or MX only the built-in list remains.
        assert!(candidates(None, None, None, &[], built_in)
            .iter()
            .all(|c| c.source == ReferenceSource::BuiltIn));
    }
}
