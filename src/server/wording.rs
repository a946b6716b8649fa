//! Server mode's wording, from `assets/server.toml` (embedded at build time and read
//! strictly: a unit test proves it parses, so [`wording`] cannot fail at run time; should
//! it ever, it gives empty strings rather than a crash).

use std::sync::OnceLock;

use serde::Deserialize;

const SERVER_TOML: &str = include_str!("../../assets/server.toml");

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesText {
    pub iptables: String,
    pub nftables: String,
    pub ipset: String,
    pub csf: String,
    pub fail2ban: String,
    pub mta_access: String,
    pub tcp_wrappers: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockedText {
    pub title: String,
    pub entry: String,
    pub entry_since: String,
    pub entry_until: String,
    pub entry_permanent: String,
    pub entry_reason: String,
    pub effect_drop: String,
    pub effect_reject: String,
    pub effect_session: String,
    pub failures: String,
    pub refused: String,
    pub allowed_first: String,
    pub step_password_first: String,
    pub step_password_first_unnamed: String,
    pub step_unblock: String,
    pub step_by_hand: String,
    pub step_allow: String,
    pub step_check_again: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthRejectedText {
    pub title: String,
    pub title_unnamed: String,
    pub explanation: String,
    pub names: String,
    pub typo: String,
    pub unnamed: String,
    pub step_retype: String,
    pub step_retype_unnamed: String,
    pub step_test: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearBanText {
    pub title: String,
    pub explanation: String,
    pub step_fix_now: String,
    pub step_pause: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedText {
    pub auth_missing_title: String,
    pub auth_missing_explanation: String,
    pub auth_missing_step: String,
    pub auth_missing_step_unnamed: String,
    pub sender_title: String,
    pub sender_explanation: String,
    pub sender_step: String,
    pub encryption_title: String,
    pub encryption_explanation: String,
    pub encryption_step: String,
    pub listed_title: String,
    pub listed_explanation: String,
    pub listed_step: String,
    pub listed_step_lookup: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesText {
    pub down_title: String,
    pub down_explanation: String,
    pub down_step_status: String,
    pub down_step_start: String,
    pub port_closed_title: String,
    pub port_closed_explanation: String,
    pub port_closed_step_postfix: String,
    pub port_closed_step_exim: String,
    pub port_closed_step_other: String,
    pub auth_title: String,
    pub auth_explanation: String,
    pub auth_step_postfix: String,
    pub auth_step_exim: String,
    pub cert_expired_title: String,
    pub cert_expired_explanation: String,
    pub cert_step_certbot: String,
    pub cert_step_renew: String,
    pub cert_step_reload: String,
    pub chain_title: String,
    pub chain_explanation: String,
    pub chain_step: String,
    pub unreadable_title: String,
    pub unreadable_explanation: String,
    pub unreadable_step: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OkText {
    pub title: String,
    pub explanation: String,
    pub quiet_logs: String,
    pub other_refusals: String,
    pub allowed: String,
    pub other_ports: String,
    pub step_retry: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnreadableText {
    pub title: String,
    pub explanation: String,
    pub step_root: String,
    pub step_again: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub names: NamesText,
    pub blocked: BlockedText,
    pub auth_rejected: AuthRejectedText,
    pub near_ban: NearBanText,
    pub rejected: RejectedText,
    pub services: ServicesText,
    pub ok: OkText,
    pub unreadable: UnreadableText,
}

fn parse() -> Result<Wording, String> {
    toml::from_str(SERVER_TOML).map_err(|e| format!("assets/server.toml: {e}"))
}

/// The wording, parsed once.
pub fn wording() -> &'static Wording {
    static W: OnceLock<Wording> = OnceLock::new();
    W.get_or_init(|| parse().unwrap_or_default())
}

/// Fills `{name}` placeholders; unknown ones stay as written, so a typo shows (and the
/// diagnosis tests look for any left over).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A placeholder left unfilled in `s`, if any: `{word}` with a lower-case word.
pub fn unfilled(s: &str) -> Option<&str> {
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        if let Some(j) = after.find('}') {
            let name = &after[..j];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Some(&rest[i..i + j + 2]);
            }
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_wording_parses() {
        let w = parse().unwrap();
        assert!(!w.blocked.title.is_empty());
        assert!(!w.ok.step_retry.is_empty());
    }

    #[test]
    fn fill_and_unfilled() {
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
        assert_eq!(unfilled("1 and {b}"), Some("{b}"));
        assert_eq!(unfilled("json {\"a\": 1} {} {A}"), None);
    }
}
