//! The blocklist lookups in plain words, for the check records (reports, the wizard's
//! server step): one sentence for a role's listings, and how the check ended.

use std::fmt::Write as _;

use super::answer::{Listing, Role, Status};
use crate::checks::Status as CheckStatus;

/// How the lookups of one role ended, and one sentence for the person.
pub fn summary(role: Role, listings: &[Listing]) -> (CheckStatus, String) {
    let whose = match role {
        Role::Client => "Your network's address",
        Role::Server => "The mail server's address",
    };
    if listings.is_empty() {
        let what = match role {
            Role::Client => "this network's public address is not known, or no list covers it",
            Role::Server => "the mail server has no public address, or no list covers it",
        };
        return (
            CheckStatus::Skip,
            format!("Blocklists not checked: {what}."),
        );
    }
    let listed = |dynamic_wanted: bool| {
        listings.iter().find(
            |l| matches!(l.status, Status::Listed { dynamic, .. } if dynamic == dynamic_wanted),
        )
    };
    let not_checked: Vec<&Listing> = listings
        .iter()
        .filter(|l| matches!(l.status, Status::NotChecked { .. }))
        .collect();
    let unknown = listings
        .iter()
        .filter(|l| matches!(l.status, Status::Unknown { .. }))
        .count();
    let clean = listings
        .iter()
        .filter(|l| l.status == Status::NotListed)
        .count();
    let mut tail = String::new();
    if let Some(first) = not_checked.first() {
        let why = match &first.status {
            Status::NotChecked { why, .. } => why.as_str(),
            _ => "",
        };
        let _ = write!(
            tail,
            " {} could not be checked ({}: {why}).",
            count(not_checked.len(), "list"),
            first.list
        );
    }
    if unknown > 0 {
        let _ = write!(
            tail,
            " {} did not answer in time (unknown).",
            count(unknown, "list")
        );
    }
    if let Some(l) = listed(false) {
        let Status::Listed { code, meaning, .. } = &l.status else {
            unreachable!("found as listed")
        };
        let after = match role {
            Role::Client => format!(
                "Mail servers that check this list refuse direct mail from it. Removal: {}",
                l.delist
            ),
            Role::Server => format!(
                "Mail it passes on may be refused or marked as spam; its host can request removal at {}",
                l.delist
            ),
        };
        return (
            CheckStatus::Warn,
            format!(
                "{whose} {} is on the blocklist {} ({meaning}; answer {code}). {after}.{tail}",
                l.address, l.list
            ),
        );
    }
    if let Some(l) = listed(true) {
        let after = match role {
            Role::Client => "That is normal: send through your provider on port 587 with sign-in.",
            Role::Server => "A mail server should not be on it: its host should ask their provider for a fixed address.",
        };
        return (
            CheckStatus::Warn,
            format!(
                "{whose} {} is on {}'s list of home connections, which mail servers refuse to accept direct mail from. {after}{tail}",
                l.address, l.list
            ),
        );
    }
    if clean == 0 {
        return (
            CheckStatus::Skip,
            format!("No blocklist gave an answer to go by.{tail}"),
        );
    }
    let addrs = {
        let mut a: Vec<String> = listings.iter().map(|l| l.address.to_string()).collect();
        a.dedup();
        a.join(", ")
    };
    (
        CheckStatus::Pass,
        format!(
            "{whose} {addrs} is on none of the blocklists that answered ({} checked).{tail}",
            count(clean, "list")
        ),
    )
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(status: Status) -> Listing {
        Listing {
            list: "Spamhaus ZEN".into(),
            zone: "zen.spamhaus.org".into(),
            address: "203.0.113.7".parse().unwrap(),
            delist: "https://check.spamhaus.org/".into(),
            status,
        }
    }

    #[test]
    fn plain_sentences() {
        let pbl = listing(Status::Listed {
            code: "127.0.0.11".parse().unwrap(),
            meaning: "Spamhaus PBL".into(),
            dynamic: true,
        });
        let (s, text) = summary(Role::Client, &[pbl]);
        assert_eq!(s, CheckStatus::Warn);
        assert!(
            text.starts_with(
                "Your network's address 203.0.113.7 is on Spamhaus ZEN's list of home connections"
            ),
            "{text}"
        );
        assert!(text.contains("port 587 with sign-in"), "{text}");
        let refused = listing(Status::NotChecked {
            code: Some("127.255.255.254".parse().unwrap()),
            why: "a query from another resolver is needed".into(),
        });
        let (s, text) = summary(Role::Server, std::slice::from_ref(&refused));
        assert_eq!(s, CheckStatus::Skip);
        assert!(
            text.contains("could not be checked") && text.contains("another resolver"),
            "{text}"
        );
        let (s, text) = summary(Role::Server, &[refused, listing(Status::NotListed)]);
        assert_eq!(s, CheckStatus::Pass);
        assert!(
            text.contains("none of the blocklists") && text.contains("1 list could not"),
            "{text}"
        );
        let spam = listing(Status::Listed {
            code: "127.0.0.2".parse().unwrap(),
            meaning: "Spamhaus SBL".into(),
            dynamic: false,
        });
        let (s, text) = summary(Role::Server, &[spam]);
        assert_eq!(s, CheckStatus::Warn);
        assert!(text.contains("https://check.spamhaus.org/"), "{text}");
        assert_eq!(summary(Role::Client, &[]).0, CheckStatus::Skip);
    }
}
