//! Reads a configuration or list file for a source, and says plainly why it could not:
//! missing (`absent`), unreadable for this user (`denied`), or another error. Bytes that are
//! not UTF-8 are replaced, never a reason to fail.

use std::io::Read;
use std::path::Path;

use thiserror::Error;

use super::model::{SourceEntry, SourceStatus};

/// Files larger than this are read only this far (a list that large is itself a finding).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FileError {
    #[error("{path} does not exist")]
    Absent { path: String },
    #[error("{path}: permission denied (run as root)")]
    Denied { path: String },
    #[error("{path}: {message}")]
    Other { path: String, message: String },
}

impl FileError {
    pub fn status(&self) -> SourceStatus {
        match self {
            FileError::Absent { .. } => SourceStatus::Absent,
            FileError::Denied { .. } => SourceStatus::Denied,
            FileError::Other { .. } => SourceStatus::Error,
        }
    }

    /// A `sources[]` entry named `name` for this error.
    pub fn entry(&self, name: &str) -> SourceEntry {
        SourceEntry::new(
            name,
            self.status(),
            super::model::escape_control(&self.to_string()),
        )
    }
}

/// What an I/O error on `path` means for a source.
// Takes the error by value so `map_err(|e| classify(path, e))` reads naturally; a caller in
// src/server/firewall/ passes it so.
#[allow(clippy::needless_pass_by_value)]
pub fn classify(path: &Path, e: std::io::Error) -> FileError {
    let path = path.display().to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => FileError::Absent { path },
        std::io::ErrorKind::PermissionDenied => FileError::Denied { path },
        _ => FileError::Other {
            path,
            message: e.to_string(),
        },
    }
}

/// The file's text (at most [`MAX_BYTES`]).
pub fn read(path: &Path) -> Result<String, FileError> {
    let map = |e: std::io::Error| classify(path, e);
    let file = std::fs::File::open(path).map_err(map)?;
    let mut buf = Vec::new();
    file.take(MAX_BYTES).read_to_end(&mut buf).map_err(map)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let dir = std::env::temp_dir().join(format!("smtp-doctor-textfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.txt");
        std::fs::write(&f, b"ok\xff\n").unwrap();
        assert_eq!(read(&f).unwrap(), "ok\u{fffd}\n");
        let e = read(&dir.join("missing")).unwrap_err();
        assert_eq!(e.status(), SourceStatus::Absent);
        // A folder is neither missing nor denied.
        assert_eq!(read(&dir).unwrap_err().status(), SourceStatus::Error);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
