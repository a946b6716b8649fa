//! `{name}` placeholders in a conclusion's text; `{{` and `}}` are literal braces.

/// The placeholders in `text` with the byte offset of each opening brace.
pub fn placeholders(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => {
                if let Some(end) = text[i + 1..].find('}') {
                    out.push((text[i + 1..i + 1 + end].to_string(), i));
                    i += end + 2;
                } else {
                    out.push((text[i + 1..].to_string(), i));
                    break;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Fills in placeholders; an unknown or absent value reads "(unknown)".
pub fn render(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if tail.starts_with('{') {
            if let Some(end) = tail.find('}') {
                let name = &tail[1..end];
                // A value may quote a server at length (a whole reply): kept to one short
                // stretch so a sentence stays readable.
                let value = lookup(name).unwrap_or_else(|| "(unknown)".to_string());
                out.push_str(&crate::shorten::text(
                    &value,
                    crate::shorten::TEXT_CHARS * 2,
                ));
                rest = &tail[end + 1..];
            } else {
                out.push_str(tail);
                rest = "";
            }
        } else {
            out.push('}');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_renders() {
        let t = "Use port {recommended.port} {{literal}} on {server}";
        assert_eq!(
            placeholders(t),
            vec![
                ("recommended.port".to_string(), 9),
                ("server".to_string(), 43)
            ]
        );
        let r = render(t, &|n| (n == "server").then(|| "smtp.x".to_string()));
        assert_eq!(r, "Use port (unknown) {literal} on smtp.x");
        assert_eq!(render("no braces", &|_| None), "no braces");
        assert_eq!(render("open {brace", &|_| None), "open {brace");
    }
}
