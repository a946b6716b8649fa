//! The letters-digits-hyphen rules of a DNS host name, for names typed in (see
//! `engine::hostname`) and names that come from the network (SRV and MX targets, the names
//! on a certificate) before they are recommended or shown as a name to type. A leaf module:
//! checks, engine and diagnosis all use it.

/// A host name that came from the network (an SRV or MX target, a name on a certificate)
/// and may be recommended or put into a sentence: a DNS host name exactly as sent (no
/// spaces, no control bytes, letters, digits and hyphens in dot-separated parts of at most
/// 63 characters, 253 in all; not an address), normalised; else `None`, and it is neither
/// recommended nor shown as a name to type.
pub fn network_host_name(raw: &str) -> Option<String> {
    if raw.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    ldh_name(raw).ok()
}

/// The letters-digits-hyphen rules of a DNS host name (RFC 1123 §2.1, RFC 1035 §2.3.4),
/// with one trailing dot allowed; the name lowercased, or why it is not one.
pub fn ldh_name(s: &str) -> Result<String, String> {
    let host = s.strip_suffix('.').unwrap_or(s).to_ascii_lowercase();
    if host.len() > 253 {
        return Err("the name is longer than 253 characters".into());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(format!("\"{s}\" has an empty part between dots"));
        }
        if label.len() > 63 {
            return Err(format!("a part of \"{s}\" is longer than 63 characters"));
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!(
                "\"{s}\" contains characters a server name cannot have"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("a part of \"{s}\" starts or ends with a hyphen"));
        }
    }
    Ok(host)
}
