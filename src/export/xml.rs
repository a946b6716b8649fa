//! A small indented XML writer: every text and attribute value goes through quick-xml's
//! escaping, so a value cannot close an element or open a new one.

use quick_xml::escape::escape;

/// An XML document built element by element, two spaces of indentation per level.
pub(super) struct XmlOut {
    out: String,
    open: Vec<&'static str>,
}

impl XmlOut {
    /// A document starting with the XML declaration.
    pub fn new() -> XmlOut {
        XmlOut {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// Opens `<name attr="value" ...>`.
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(*value));
            self.out.push('"');
        }
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// `<name>value</name>` on one line.
    pub fn leaf(&mut self, name: &'static str, value: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self.out.push_str(&escape(value));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// A comment of our own fixed wording (never a value from the network or the person).
    pub fn comment(&mut self, text: &'static str) {
        debug_assert!(!text.contains("--"));
        self.indent();
        self.out.push_str("<!-- ");
        self.out.push_str(text);
        self.out.push_str(" -->\n");
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}
