//! A data file as text with its name, and problems in it as `file:line:column: message`.
//! Shared by every loader that reports positions (the tree, overlays, reply rules).

use std::fmt;
use std::ops::Range;

/// One problem in a file. `line` and `column` are 1-based (columns count characters); both
/// are 0 when the problem has no position (an unreadable file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found, in the order of the files and, within a file, of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceErrors(pub Vec<SourceError>);

impl fmt::Display for SourceErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .0
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for SourceErrors {}

/// A file's text and the name it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub origin: String,
    pub text: String,
}

impl Source {
    pub fn new(origin: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            origin: origin.into(),
            text: text.into(),
        }
    }

    /// Reads a file; an unreadable one is a problem without a position.
    pub fn read(path: &std::path::Path) -> Result<Source, SourceError> {
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Source { origin, text }),
            Err(e) => Err(SourceError {
                file: origin,
                line: 0,
                column: 0,
                message: format!("cannot read the file: {e}"),
            }),
        }
    }

    /// The text parsed as TOML (keeping the spans of keys and values), or the syntax error.
    pub fn toml(&self) -> Result<toml_edit::Document<&str>, SourceError> {
        toml_edit::Document::parse(self.text.as_str()).map_err(|e| {
            let msg = e.message().trim().to_string();
            self.error(start_of(e.span()), format!("TOML syntax error: {msg}"))
        })
    }

    /// A problem at byte offset `at` of this file.
    pub fn error(&self, at: usize, message: impl Into<String>) -> SourceError {
        let (line, column) = line_col(&self.text, at);
        SourceError {
            file: self.origin.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    // A span from the parser always falls on a character boundary; be safe anyway.
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The start of a parser span, or 0 when there is none.
pub fn start_of(r: Option<Range<usize>>) -> usize {
    r.map_or(0, |r| r.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let t = "a = 1\nné = \"x\"\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 6), (2, 1));
        // After "né " (4 bytes, 3 characters).
        assert_eq!(line_col(t, 10), (2, 4));
        assert_eq!(line_col(t, 999), (3, 1));
        let s = Source::new("f.toml", t);
        assert_eq!(s.error(6, "bad").to_string(), "f.toml:2:1: bad");
    }
}
