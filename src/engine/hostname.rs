//! Is what the person typed in "Outgoing server" a host name? People paste URLs, e-mail
//! addresses, names with spaces or a port glued on; each gets its own plain explanation.

/// Returns the normalised host name, or why it is not one.
pub fn check(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("the field is empty".into());
    }
    if s.contains("://") {
        return Err(format!("\"{s}\" is a web address (URL), not a server name"));
    }
    if s.contains('@') {
        return Err(format!("\"{s}\" is an e-mail address, not a server name"));
    }
    if s.chars().any(char::is_whitespace) {
        return Err(format!("\"{s}\" contains spaces"));
    }
    if let Ok(ip) = s
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
    {
        return Ok(ip.to_string());
    }
    if let Some((host, port)) = s.rsplit_once(':') {
        if port.chars().all(|c| c.is_ascii_digit()) && !host.contains(':') {
            return Err(format!(
                "\"{s}\" has a port number glued on: the port goes in its own field"
            ));
        }
    }
    if s.contains('/') {
        return Err(format!("\"{s}\" contains a slash"));
    }
    let host = s.trim_end_matches('.').to_ascii_lowercase();
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

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_host_names_and_addresses() {
        assert_eq!(
            check(" SMTP.Example.test. ").as_deref(),
            Ok("smtp.example.test")
        );
        assert_eq!(check("127.0.10.1").as_deref(), Ok("127.0.10.1"));
        assert_eq!(check("[::1]").as_deref(), Ok("::1"));
        assert_eq!(check("localhost").as_deref(), Ok("localhost"));
    }

    #[test]
    fn rejects_what_people_paste() {
        for bad in [
            "https://smtp.example.test/",
            "me@example.test",
            "smtp example.test",
            "smtp.example.test:587",
            "smtp..example.test",
            "smtp_1.example.test",
            "-smtp.example.test",
            "",
        ] {
            assert!(check(bad).is_err(), "{bad} should be rejected");
        }
    }
}
