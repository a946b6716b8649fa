//! Runs a host tool (`iptables-save`, `nft`, `ipset`, `fail2ban-client`, `postconf`,
//! `journalctl`) with a time budget, and says plainly why it could not be read: absent,
//! denied, failed or too slow. No shell is involved; arguments go as they are.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use thiserror::Error;

use super::model::{SourceEntry, SourceStatus};

#[derive(Debug, Error, PartialEq)]
pub enum ExecError {
    #[error("{program} is not installed")]
    NotFound { program: String },
    #[error("{program}: permission denied (run as root)")]
    Denied { program: String },
    #[error("{program} exited with status {status}: {stderr}")]
    Failed {
        program: String,
        status: i32,
        stderr: String,
    },
    #[error("{program} did not finish within {secs:.1} s")]
    TimedOut { program: String, secs: f64 },
    #[error("{program}: {message}")]
    Io { program: String, message: String },
}

impl ExecError {
    /// The `sources[]` status this error stands for.
    pub fn status(&self) -> SourceStatus {
        match self {
            ExecError::NotFound { .. } => SourceStatus::Absent,
            ExecError::Denied { .. } => SourceStatus::Denied,
            ExecError::Failed { stderr, .. } if looks_denied(stderr) => SourceStatus::Denied,
            _ => SourceStatus::Error,
        }
    }

    /// A `sources[]` entry named `name` for this error.
    pub fn entry(&self, name: &str) -> SourceEntry {
        SourceEntry::new(name, self.status(), self.to_string())
    }
}

fn looks_denied(stderr: &str) -> bool {
    let s = stderr.to_ascii_lowercase();
    s.contains("permission denied")
        || s.contains("operation not permitted")
        || s.contains("you must be root")
}

/// Standard output of `program args...`, or why there is none. Output beyond `max_bytes`
/// is cut off (a listing that large is itself suspicious) rather than held in memory.
pub fn run(program: &str, args: &[&str], timeout: Duration) -> Result<String, ExecError> {
    run_limited(program, args, timeout, 256 * 1024 * 1024)
}

pub fn run_limited(
    program: &str,
    args: &[&str],
    timeout: Duration,
    max_bytes: u64,
) -> Result<String, ExecError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("LC_ALL", "C")
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ExecError::NotFound {
                program: program.to_string(),
            },
            std::io::ErrorKind::PermissionDenied => ExecError::Denied {
                program: program.to_string(),
            },
            _ => ExecError::Io {
                program: program.to_string(),
                message: e.to_string(),
            },
        })?;
    // Readers on their own threads so a full pipe never stalls the child while we wait.
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.take(max_bytes).read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.take(64 * 1024).read_to_end(&mut buf);
        }
        buf
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ExecError::TimedOut {
                    program: program.to_string(),
                    secs: timeout.as_secs_f64(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                return Err(ExecError::Io {
                    program: program.to_string(),
                    message: e.to_string(),
                })
            }
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    if !status.success() {
        let stderr = String::from_utf8_lossy(&stderr);
        let first = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no message");
        return Err(ExecError::Failed {
            program: program.to_string(),
            status: status.code().unwrap_or(-1),
            stderr: super::model::escape_control(first),
        });
    }
    Ok(String::from_utf8_lossy(&stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_program_is_absent() {
        let e = run("smtp-doctor-no-such-tool", &[], Duration::from_secs(1)).unwrap_err();
        assert_eq!(e.status(), SourceStatus::Absent);
    }

    #[test]
    fn output_and_failure() {
        assert_eq!(
            run("echo", &["hi"], Duration::from_secs(5)).unwrap(),
            "hi\n"
        );
        let e = run(
            "sh",
            &[
                "-c",
                "echo 'Permission denied (you must be root)' >&2; exit 4",
            ],
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert_eq!(e.status(), SourceStatus::Denied);
        let e = run(
            "sh",
            &["-c", "echo boom >&2; exit 3"],
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(matches!(e, ExecError::Failed { status: 3, .. }), "{e:?}");
        assert_eq!(e.status(), SourceStatus::Error);
    }

    #[test]
    fn slow_program_is_cut_off() {
        let e = run("sleep", &["5"], Duration::from_millis(100)).unwrap_err();
        assert!(matches!(e, ExecError::TimedOut { .. }));
    }
}
