//! Long things from the network made short enough to show: a list becomes its first items
//! and a count ("a, b, c and 2,488 more"), a text its first characters and a count. A
//! certificate with thousands of names or a reply of 64 KB must not turn into one line of
//! that length in a report, a check summary or a sentence.

use std::borrow::Cow;

/// How many items of a list are shown before the count.
pub const LIST_ITEMS: usize = 10;
/// The longest text (in characters) shown whole in a summary or a sentence.
pub const TEXT_CHARS: usize = 300;

/// The first `max` items joined with `sep`, and how many more there are.
pub fn list<S: AsRef<str>>(items: &[S], sep: &str, max: usize) -> String {
    let shown: Vec<&str> = items.iter().take(max).map(AsRef::as_ref).collect();
    let mut out = shown.join(sep);
    if items.len() > max {
        out.push_str(" and ");
        out.push_str(&count(items.len() - max));
        out.push_str(" more");
    }
    out
}

/// `text` cut after `max` characters (at a character boundary), saying how many more
/// there were.
pub fn text(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let more = text[cut..].chars().count();
            Cow::Owned(format!(
                "{}… (and {} more characters)",
                &text[..cut],
                count(more)
            ))
        }
    }
}

/// [`text`] into an owned string.
pub fn text_owned(s: String, max: usize) -> String {
    match text(&s, max) {
        Cow::Borrowed(_) => s,
        Cow::Owned(short) => short,
    }
}

/// A count with thousands separated: `2,488`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_end_with_a_count() {
        let names: Vec<String> = (0..2500).map(|i| format!("n{i}.test")).collect();
        let short = list(&names, ", ", 12);
        assert!(short.starts_with("n0.test, n1.test"), "{short}");
        assert!(short.ends_with("n11.test and 2,488 more"), "{short}");
        assert_eq!(list(&["a", "b"], ", ", 2), "a, b");
        assert_eq!(list::<&str>(&[], ", ", 2), "");
    }

    #[test]
    fn long_texts_end_with_a_count() {
        assert_eq!(text("abc", 3), "abc");
        assert_eq!(text("abcdé", 3), "abc… (and 2 more characters)");
        let long = "x".repeat(65_536);
        assert_eq!(text(&long, 10), "xxxxxxxxxx… (and 65,526 more characters)");
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
