//! Where mail logs usually are, and their rotations.
//!
//! Not read: `/var/log/mail.err` and `mail.warn` (Debian's rsyslog copies of the error and
//! warning lines of `mail.log`: reading them would only repeat lines; identical lines from
//! two files are shown once anyway), `mail.info` (older Debian, the same lines again).

use std::path::{Path, PathBuf};

/// The current log files of Debian/Ubuntu, RHEL (and cPanel), Plesk, Exim and Dovecot.
pub const USUAL_LOGS: &[&str] = &[
    "/var/log/mail.log",
    "/var/log/maillog",
    "/usr/local/psa/var/log/maillog",
    "/var/log/exim4/mainlog",
    "/var/log/exim4/rejectlog",
    "/var/log/exim_mainlog",
    "/var/log/exim_rejectlog",
    "/var/log/dovecot.log",
    "/var/log/dovecot-info.log",
];

/// One file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFile {
    pub path: PathBuf,
    /// An older, rotated file (`mail.log.1`, `maillog-20261122.gz`).
    pub rotated: bool,
}

/// How a rotated name relates to its base, for ordering newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rotation {
    /// `base.N` or `base.N.gz` (Debian's savelog/logrotate): 1 is the newest.
    Numbered(u32),
    /// `base-YYYYMMDD[HH]` or with `.gz` (logrotate's dateext, RHEL): larger is newer.
    Dated(u64),
}

/// Is `name` a rotation of `base`, and which one?
pub fn rotation_of(base: &str, name: &str) -> Option<Rotation> {
    let suffix = name.strip_prefix(base)?;
    let suffix = suffix.strip_suffix(".gz").unwrap_or(suffix);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(n) = suffix.strip_prefix('.') {
        if all_digits(n) && n.len() <= 6 {
            return n.parse().ok().map(Rotation::Numbered);
        }
    }
    if let Some(d) = suffix.strip_prefix('-') {
        if all_digits(d) && (d.len() == 8 || d.len() == 10) {
            return d.parse().ok().map(Rotation::Dated);
        }
    }
    None
}

/// The rotations of `base` among `names`, newest first.
pub fn rotations<'a>(base: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut found: Vec<(Rotation, &str)> = names
        .into_iter()
        .filter_map(|n| rotation_of(base, n).map(|r| (r, n)))
        .collect();
    found.sort_by(|(a, an), (b, bn)| match (a, b) {
        (Rotation::Numbered(x), Rotation::Numbered(y)) => x.cmp(y).then(an.cmp(bn)),
        (Rotation::Dated(x), Rotation::Dated(y)) => y.cmp(x).then(an.cmp(bn)),
        (Rotation::Numbered(_), Rotation::Dated(_)) => std::cmp::Ordering::Less,
        (Rotation::Dated(_), Rotation::Numbered(_)) => std::cmp::Ordering::Greater,
    });
    found.into_iter().map(|(_, n)| n).collect()
}

/// What is on this host (below `root`, `/` outside tests): every usual log that exists with
/// its rotations, and whether any current (not rotated) one exists.
pub fn usual_files(root: &Path) -> Vec<LogFile> {
    let mut out = Vec::new();
    for usual in USUAL_LOGS {
        let path = root.join(usual.trim_start_matches('/'));
        if path.is_file() {
            out.push(LogFile {
                path: path.clone(),
                rotated: false,
            });
        }
        let (Some(dir), Some(base)) = (path.parent(), path.file_name().and_then(|b| b.to_str()))
        else {
            continue;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        for name in rotations(base, names.iter().map(String::as_str)) {
            let p = dir.join(name);
            if p.is_file() {
                out.push(LogFile {
                    path: p,
                    rotated: true,
                });
            }
        }
    }
    dedup_same_file(out)
}

/// The files the user named, in their order.
pub fn named_files(paths: &[PathBuf]) -> Vec<LogFile> {
    dedup_same_file(
        paths
            .iter()
            .map(|p| LogFile {
                path: p.clone(),
                rotated: false,
            })
            .collect(),
    )
}

/// Plesk links /var/log/maillog to /usr/local/psa/var/log/maillog: one file, read once.
fn dedup_same_file(files: Vec<LogFile>) -> Vec<LogFile> {
    use std::os::unix::fs::MetadataExt;
    let mut seen = std::collections::HashSet::new();
    files
        .into_iter()
        .filter(|f| match std::fs::metadata(&f.path) {
            Ok(m) => seen.insert((m.dev(), m.ino())),
            Err(_) => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_names() {
        assert_eq!(
            rotation_of("mail.log", "mail.log.1"),
            Some(Rotation::Numbered(1))
        );
        assert_eq!(
            rotation_of("mail.log", "mail.log.2.gz"),
            Some(Rotation::Numbered(2))
        );
        assert_eq!(
            rotation_of("maillog", "maillog-20261122"),
            Some(Rotation::Dated(20_261_122))
        );
        assert_eq!(
            rotation_of("maillog", "maillog-20261122.gz"),
            Some(Rotation::Dated(20_261_122))
        );
        assert_eq!(
            rotation_of("exim_mainlog", "exim_mainlog-2026112203.gz"),
            Some(Rotation::Dated(2_026_112_203))
        );
        assert_eq!(
            rotation_of("mainlog", "mainlog.10.gz"),
            Some(Rotation::Numbered(10))
        );
        for (base, name) in [
            ("mail.log", "mail.log"),
            ("mail.log", "mail.log.gz"),
            ("mail.log", "mail.log.1.gz.tmp"),
            ("mail.log", "mail.log.old"),
            ("mail.log", "mail.logx.1"),
            ("dovecot.log", "dovecot-info.log"),
            ("maillog", "maillog-2026"),
            ("maillog", "maillog-20261122.bz2"),
            ("mail.log", "mail.err"),
        ] {
            assert_eq!(rotation_of(base, name), None, "{name}");
        }
    }

    #[test]
    fn rotations_newest_first() {
        let names = [
            "mail.log.2.gz",
            "mail.log",
            "mail.err",
            "mail.log.10.gz",
            "mail.log.1",
        ];
        assert_eq!(
            rotations("mail.log", names),
            ["mail.log.1", "mail.log.2.gz", "mail.log.10.gz"]
        );
        let names = [
            "maillog-20261115.gz",
            "maillog-20261122",
            "maillog-20261108.gz",
        ];
        assert_eq!(
            rotations("maillog", names),
            [
                "maillog-20261122",
                "maillog-20261115.gz",
                "maillog-20261108.gz"
            ]
        );
    }

    #[test]
    fn finds_usual_files_below_a_root() {
        let root = crate::server::logs::test_support::tempdir("paths");
        let log = root.join("var/log");
        std::fs::create_dir_all(log.join("exim4")).unwrap();
        for f in [
            "mail.log",
            "mail.log.1",
            "mail.log.2.gz",
            "mail.err",
            "exim4/mainlog.1",
            "dovecot-info.log",
        ] {
            std::fs::write(log.join(f), "x\n").unwrap();
        }
        // Plesk: maillog is a link to the same file as mail.log here.
        std::os::unix::fs::symlink(log.join("mail.log"), log.join("maillog")).unwrap();
        let found: Vec<(String, bool)> = usual_files(&root)
            .into_iter()
            .map(|f| {
                (
                    f.path.strip_prefix(&root).unwrap().display().to_string(),
                    f.rotated,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("var/log/mail.log".to_string(), false),
                ("var/log/mail.log.1".to_string(), true),
                ("var/log/mail.log.2.gz".to_string(), true),
                ("var/log/exim4/mainlog.1".to_string(), true),
                ("var/log/dovecot-info.log".to_string(), false),
            ]
        );
        std::fs::remove_dir_all(root).unwrap();
    }
}
