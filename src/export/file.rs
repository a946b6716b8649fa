//! Writing an exported file: whole or not at all, and never over an existing file (a
//! person's own mail settings or another program's file must not be replaced silently).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to a temporary file beside `path`, then links it into place, which
/// fails when `path` exists: a reader sees no file or the whole one.
pub fn write_new(path: &Path, contents: &str) -> Result<(), String> {
    if path.symlink_metadata().is_ok() {
        return Err("the file exists already; choose another name or remove it".into());
    }
    let tmp = temp_beside(path);
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        std::fs::hard_link(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            "the file exists already; choose another name or remove it".to_string()
        }
        _ => e.to_string(),
    })
}

fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_and_never_overwrites() {
        let dir = std::env::temp_dir().join(format!("sd-export-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.xml");
        write_new(&path, "one").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        let err = write_new(&path, "two").unwrap_err();
        assert!(err.contains("exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        assert!(write_new(&dir.join("missing/b.xml"), "x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
