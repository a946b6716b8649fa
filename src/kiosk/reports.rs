//! Writing a report on a kiosk: only into the configured folder, under a name the tool
//! picks from the time (`smtp-doctor-report-20260102-030405.md`, then `-2`, `-3`, ...
//! when taken). Never overwrites a file and never follows a link planted in the folder.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

/// How many names are tried for one second's report before giving up.
const NAME_TRIES: u32 = 100;

/// What a kiosk file is called: `{prefix}-{time}.{extension}`.
#[derive(Debug, Clone, Copy)]
pub struct FileKind {
    pub prefix: &'static str,
    pub extension: &'static str,
}

/// The report's kind.
pub const REPORT: FileKind = FileKind {
    prefix: "smtp-doctor-report",
    extension: "md",
};

/// The file name for the `n`th report saved in the same second (`n` from 1).
pub fn file_name(wall: OffsetDateTime, n: u32) -> String {
    kind_file_name(REPORT, wall, n)
}

/// The file name for the `n`th file of `kind` saved in the same second (`n` from 1).
pub fn kind_file_name(kind: FileKind, wall: OffsetDateTime, n: u32) -> String {
    let stamp = format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        wall.year(),
        u8::from(wall.month()),
        wall.day(),
        wall.hour(),
        wall.minute(),
        wall.second()
    );
    let FileKind { prefix, extension } = kind;
    if n <= 1 {
        format!("{prefix}-{stamp}.{extension}")
    } else {
        format!("{prefix}-{stamp}-{n}.{extension}")
    }
}

/// Writes `contents` as a new file in `dir` (created, readable by its owner only, when
/// missing); returns the file's path or one line saying what went wrong.
pub fn save(dir: &Path, wall: OffsetDateTime, contents: &str) -> Result<PathBuf, String> {
    save_as(dir, wall, REPORT, contents)
}

/// The same for a file of another kind (the settings file).
pub fn save_as(
    dir: &Path,
    wall: OffsetDateTime,
    kind: FileKind,
    contents: &str,
) -> Result<PathBuf, String> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| format!("cannot create the folder {}: {e}", dir.display()))?;
    for n in 1..=NAME_TRIES {
        let path = dir.join(kind_file_name(kind, wall, n));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&path) {
            Ok(mut file) => {
                return file
                    .write_all(contents.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map(|()| path.clone())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot write {}: {e}", path.display())),
        }
    }
    Err(format!(
        "cannot write a new report in {}: {NAME_TRIES} reports already have this second's name",
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sdx-k-reports-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn reports_get_new_names_and_never_overwrite() {
        let dir = scratch("names");
        let wall = datetime!(2026-01-02 03:04:05 UTC);
        let first = save(&dir, wall, "one").unwrap();
        let second = save(&dir, wall, "two").unwrap();
        assert_eq!(first, dir.join("smtp-doctor-report-20260102-030405.md"));
        assert_eq!(second, dir.join("smtp-doctor-report-20260102-030405-2.md"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&first).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_followed() {
        let dir = scratch("link");
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("elsewhere");
        let wall = datetime!(2026-01-02 03:04:05 UTC);
        std::os::unix::fs::symlink(&target, dir.join(file_name(wall, 1))).unwrap();
        let saved = save(&dir, wall, "text").unwrap();
        assert_eq!(saved, dir.join(file_name(wall, 2)));
        assert!(!target.exists(), "the link was followed");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn other_kinds_get_their_own_names() {
        let dir = scratch("kinds");
        let wall = datetime!(2026-01-02 03:04:05 UTC);
        let kind = FileKind {
            prefix: "smtp-doctor-thunderbird",
            extension: "xml",
        };
        let saved = save_as(&dir, wall, kind, "<x/>").unwrap();
        assert_eq!(
            saved,
            dir.join("smtp-doctor-thunderbird-20260102-030405.xml")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
