//! The services source against a real Postfix: one instance listening on 25, 465 and 587 in
//! a network namespace of its own (in a fresh namespace those ports are free, whatever the
//! host runs), read from a thread that has entered that namespace.
//!
//! ```text
//!  sdsv-PID (lo up: 127.0.0.1, ::1)
//!    master ── smtp        inet  (25, STARTTLS, no AUTH)          mail.pem: leaf only
//!           ── submission  inet  (587, STARTTLS, AUTH after TLS)  mail.pem
//!           ── submissions inet  (465, wrapper mode, AUTH)        full.pem: leaf + CA
//! ```
//!
//! `postfix -c DIR start` wants DIR listed in the default main.cf; instead of touching the
//! host's /etc/postfix, Postfix starts under `ip netns exec` (its own mount namespace) with
//! a copy of /etc/postfix bind-mounted over the original, visible to that Postfix only.
//!
//! Needs root, Postfix, `ip` and `openssl`; without them the test prints why and returns.
//! A guard stops Postfix by its PID and deletes the namespace and files even when an
//! assertion fails.
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use smtp_doctor::server::context::{Ctx, Paths, Window};
use smtp_doctor::server::model::{ServiceProblemKind, ServicesOutcome, SourceStatus};
use smtp_doctor::server::services;

/// No command of the set-up takes more than a fraction of this.
const COMMAND_LIMIT: Duration = Duration::from_secs(30);

/// Runs one command to completion within [`COMMAND_LIMIT`]; killed (by its PID) when over.
fn run(args: &[&str]) -> Result<String, String> {
    let mut child = Command::new(args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", args.join(" ")))?;
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_string(&mut s);
        }
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > COMMAND_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{}: no exit within {COMMAND_LIMIT:?}",
                    args.join(" ")
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("{}: {e}", args.join(" "))),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    if status.success() {
        Ok(stdout)
    } else {
        Err(format!(
            "{}: {status}: {}{}",
            args.join(" "),
            stdout.trim(),
            stderr.trim()
        ))
    }
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Why this test cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not root (network namespaces and Postfix need it)".into());
    }
    for p in ["postfix", "postconf", "ip", "openssl"] {
        if !have(p) {
            return Some(format!("{p} is not installed"));
        }
    }
    if !Path::new("/etc/postfix/postfix-files").exists() {
        return Some("/etc/postfix/postfix-files is missing (Postfix not fully installed)".into());
    }
    None
}

/// Everything the test made; dropping it stops Postfix by PID, deletes the namespace and
/// removes the files, in that order, whatever happened before.
struct Lab {
    ns: String,
    dir: PathBuf,
}

impl Lab {
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn s(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }

    fn master_pid(&self) -> Option<i32> {
        let text = std::fs::read_to_string(self.path("spool/pid/master.pid")).ok()?;
        text.trim().parse().ok().filter(|p| *p > 1)
    }
}

fn alive(pid: i32) -> bool {
    // A zombie has exited; only its entry is left until it is reaped.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !matches!(
            stat.rsplit_once(')')
                .and_then(|(_, r)| r.split_whitespace().next()),
            Some("Z" | "X")
        ),
        Err(_) => false,
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(pid) = self.master_pid() {
            // SAFETY: kill() with a PID read from Postfix's own pid file; master ends its
            // children when it ends.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let started = Instant::now();
            while alive(pid) && started.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(50));
            }
            if alive(pid) {
                // SAFETY: as above.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        }
        if let Err(e) = run(&["ip", "netns", "del", &self.ns]) {
            eprintln!("cleanup: {e}");
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const MASTER_CF_TAIL: &str = "\
pickup     unix  n       -       n       60      1       pickup
cleanup    unix  n       -       n       -       0       cleanup
qmgr       unix  n       -       n       300     1       qmgr
tlsmgr     unix  -       -       n       1000?   1       tlsmgr
rewrite    unix  -       -       n       -       -       trivial-rewrite
bounce     unix  -       -       n       -       0       bounce
defer      unix  -       -       n       -       0       bounce
trace      unix  -       -       n       -       0       bounce
verify     unix  -       -       n       -       1       verify
flush      unix  n       -       n       1000?   0       flush
proxymap   unix  -       -       n       -       -       proxymap
proxywrite unix  -       -       n       -       1       proxymap
smtp       unix  -       -       n       -       -       smtp
relay      unix  -       -       n       -       -       smtp
showq      unix  n       -       n       -       -       showq
error      unix  -       -       n       -       -       error
retry      unix  -       -       n       -       -       error
discard    unix  -       -       n       -       -       discard
local      unix  -       n       n       -       -       local
virtual    unix  -       n       n       -       -       virtual
lmtp       unix  -       -       n       -       -       lmtp
anvil      unix  -       -       n       -       1       anvil
scache     unix  -       -       n       -       1       scache
postlog    unix-dgram n  -       n       -       1       postlogd
";

/// A CA and `mail.example.test` signed by it: `mail.pem` (leaf only) and `full.pem`
/// (leaf and CA).
fn make_certificates(lab: &Lab) -> Result<(), String> {
    let pki = lab.s("pki");
    let in_pki = |f: &str| format!("{pki}/{f}");
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["openssl", "req", "-x509"];
    ca.extend(ec);
    let (ca_key, ca_pem) = (in_pki("ca.key"), in_pki("ca.pem"));
    ca.extend([
        "-days",
        "30",
        "-subj",
        "/CN=Services Test CA",
        "-keyout",
        &ca_key,
        "-out",
        &ca_pem,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
    ]);
    run(&ca)?;
    let (key, csr, pem) = (in_pki("mail.key"), in_pki("mail.csr"), in_pki("mail.pem"));
    let mut req = vec!["openssl", "req"];
    req.extend(ec);
    req.extend([
        "-subj",
        "/CN=mail.example.test",
        "-keyout",
        &key,
        "-out",
        &csr,
        "-addext",
        "subjectAltName=DNS:mail.example.test",
    ]);
    run(&req)?;
    let ext = in_pki("leaf.ext");
    std::fs::write(&ext, "subjectAltName=DNS:mail.example.test\n").map_err(|e| e.to_string())?;
    run(&[
        "openssl",
        "x509",
        "-req",
        "-in",
        &csr,
        "-CA",
        &ca_pem,
        "-CAkey",
        &ca_key,
        "-CAcreateserial",
        "-days",
        "30",
        "-out",
        &pem,
        "-extfile",
        &ext,
    ])?;
    let mut full = std::fs::read(&pem).map_err(|e| e.to_string())?;
    full.extend(std::fs::read(&ca_pem).map_err(|e| e.to_string())?);
    std::fs::write(in_pki("full.pem"), full).map_err(|e| e.to_string())
}

fn write_postfix(lab: &Lab) -> Result<(), String> {
    let conf = lab.s("conf");
    let main_cf = format!(
        "# Postfix instance of smtp-doctor's services test (tests/server_services_netns.rs).
compatibility_level = 3.6
multi_instance_name = sdsv
syslog_name = sdsv
queue_directory = {spool}
data_directory = {data}
maillog_file = {dir}/postfix.log
maillog_file_prefixes = /var, /dev/stdout, {dir}
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = all
inet_protocols = all
myhostname = mail.example.test
mydestination =
relay_domains =
local_transport = error:local delivery disabled
default_transport = discard:the services test delivers nothing
alias_maps =
alias_database =
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = no
smtpd_tls_cert_file = {pki}/mail.pem
smtpd_tls_key_file = {pki}/mail.key
",
        spool = lab.s("spool"),
        data = lab.s("data"),
        dir = lab.s(""),
        pki = lab.s("pki"),
    );
    let master_cf = format!(
        "smtp        inet  n       -       n       -       -       smtpd
submission  inet  n       -       n       -       -       smtpd
  -o syslog_name=sdsv/submission
  -o smtpd_sasl_auth_enable=yes
submissions inet  n       -       n       -       -       smtpd
  -o syslog_name=sdsv/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_cert_file={pki}/full.pem
{MASTER_CF_TAIL}",
        pki = lab.s("pki"),
    );
    std::fs::write(format!("{conf}/main.cf"), main_cf).map_err(|e| e.to_string())?;
    std::fs::write(format!("{conf}/master.cf"), master_cf).map_err(|e| e.to_string())?;
    // The queue folder belongs to root; `postfix start` makes its sub-folders. The data
    // folder belongs to Postfix's user.
    run(&["chmod", "755", &lab.s(""), &lab.s("spool")])?;
    run(&["chown", "postfix:postfix", &lab.s("data")])?;
    run(&["chmod", "700", &lab.s("data")])?;
    // What `postfix -c DIR` needs of /etc/postfix, plus a main.cf that allows DIR.
    let etc = lab.s("etc-postfix");
    run(&["cp", "-a", "/etc/postfix/.", &etc])?;
    std::fs::write(
        format!("{etc}/main.cf"),
        format!("compatibility_level = 3.6\nalternate_config_directories = {conf}\n"),
    )
    .map_err(|e| e.to_string())
}

fn start(lab: &Lab) -> Result<(), String> {
    run(&["ip", "netns", "add", &lab.ns])?;
    run(&["ip", "-n", &lab.ns, "link", "set", "lo", "up"])?;
    // The bind mount lives in the mount namespace `ip netns exec` makes (its mounts do not
    // propagate back), which Postfix's master keeps as long as it runs.
    run(&[
        "ip",
        "netns",
        "exec",
        &lab.ns,
        "sh",
        "-c",
        "mount --bind \"$0\" /etc/postfix && exec postfix -c \"$1\" start",
        &lab.s("etc-postfix"),
        &lab.s("conf"),
    ])
    .map_err(|e| {
        let log = std::fs::read_to_string(lab.path("postfix.log")).unwrap_or_default();
        format!("{e}\n--- postfix.log\n{log}")
    })?;
    // Ready when master has bound all three ports (its own view of the namespace's sockets).
    let started = Instant::now();
    loop {
        if let Some(pid) = lab.master_pid() {
            let tables = ["tcp", "tcp6"]
                .iter()
                .filter_map(|t| std::fs::read_to_string(format!("/proc/{pid}/net/{t}")).ok())
                .collect::<String>();
            let listening = services::listen::parse_proc_net_tcp(&tables);
            if [25, 465, 587]
                .iter()
                .all(|p| listening.iter().any(|s| s.port == *p))
            {
                return Ok(());
            }
        }
        if started.elapsed() > Duration::from_secs(15) {
            let log = std::fs::read_to_string(lab.path("postfix.log")).unwrap_or_default();
            return Err(format!("Postfix did not bind 25/465/587 in 15 s\n{log}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `f` on a new thread inside network namespace `ns`; the result comes back within
/// `limit` or the test fails.
fn in_netns<T: Send + 'static>(
    ns: &str,
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let path = format!("/run/netns/{ns}");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = File::open(&path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|file| {
                // SAFETY: `file` is an open namespace file for the duration of the call;
                // setns() only switches this thread's network namespace.
                let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
                if rc == 0 {
                    Ok(())
                } else {
                    Err(format!("setns {path}: {}", std::io::Error::last_os_error()))
                }
            })
            .map(|()| f());
        let _ = tx.send(result);
    });
    rx.recv_timeout(limit)
        .map_err(|e| format!("thread in {ns}: {e}"))?
}

/// The EHLO reply of 127.0.0.1:25, to compare the configuration's word with what Postfix says.
fn ehlo_25() -> Result<String, String> {
    let stream =
        TcpStream::connect_timeout(&"127.0.0.1:25".parse().unwrap(), Duration::from_secs(5))
            .map_err(|e| format!("connect 25: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(stream);
    let mut reply = String::new();
    let mut read_reply = |reply: &mut String| -> Result<(), String> {
        for _ in 0..50 {
            let mut line = String::new();
            reader
                .read_line(&mut line)
                .map_err(|e| format!("read: {e}"))?;
            reply.push_str(&line);
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return Ok(());
            }
        }
        Err("reply too long".into())
    };
    read_reply(&mut reply)?;
    writer
        .write_all(b"EHLO client.example.test\r\n")
        .map_err(|e| e.to_string())?;
    read_reply(&mut reply)?;
    let _ = writer.write_all(b"QUIT\r\n");
    Ok(reply)
}

fn ctx(conf: PathBuf) -> Ctx {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    Ctx {
        client: "198.51.100.7".parse().unwrap(),
        account: None,
        window: Window {
            since: now - 3600,
            until: now,
        },
        paths: Paths {
            postfix_dir: conf,
            ..Paths::default()
        },
        command_timeout: Duration::from_secs(20),
        now,
    }
}

#[test]
fn real_postfix_in_a_namespace() {
    if let Some(why) = missing_prerequisite() {
        eprintln!("skipped: {why}");
        return;
    }
    let lab = Lab {
        ns: format!("sdsv-{}", std::process::id()),
        dir: std::env::temp_dir().join(format!("smtp-doctor-sdsv-{}", std::process::id())),
    };
    for sub in ["conf", "pki", "spool", "data", "etc-postfix"] {
        std::fs::create_dir_all(lab.path(sub)).unwrap();
    }
    make_certificates(&lab).unwrap();
    write_postfix(&lab).unwrap();
    start(&lab).unwrap();
    let master = lab.master_pid().expect("master.pid");

    let context = ctx(lab.path("conf"));
    let (outcome, ehlo): (ServicesOutcome, Result<String, String>) =
        in_netns(&lab.ns, Duration::from_secs(120), move || {
            let started = Instant::now();
            let outcome = services::read(&context);
            eprintln!("services::read took {:?}", started.elapsed());
            (outcome, ehlo_25())
        })
        .unwrap();
    eprintln!("{outcome:#?}");

    let source = |name: &str| {
        outcome
            .sources
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no source {name}: {:?}", outcome.sources))
    };
    assert_eq!(source("listening-sockets").status, SourceStatus::Read);
    assert_eq!(source("postfix").status, SourceStatus::Read);
    let mail_pem = format!("certificate {}", lab.s("pki/mail.pem"));
    assert_eq!(source(&mail_pem).status, SourceStatus::Read);
    // The private key is never among the files read.
    assert!(!outcome.sources.iter().any(|s| Path::new(&s.name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("key"))));

    let port = |p: u16| outcome.services.iter().find(|s| s.port == p).unwrap();
    for p in [25, 465, 587] {
        let s = port(p);
        assert!(s.listening, "{p}: {s:?}");
        assert_eq!(s.program.as_deref(), Some("master"), "{p}: {s:?}");
    }
    assert_eq!(port(25).tls.as_deref(), Some("starttls"));
    assert_eq!(port(587).tls.as_deref(), Some("starttls"));
    assert_eq!(port(465).tls.as_deref(), Some("tls"));
    assert_eq!(
        [port(25).auth, port(587).auth, port(465).auth],
        [Some(false), Some(true), Some(true)]
    );
    let c25 = port(25).certificate.as_ref().expect("certificate on 25");
    assert_eq!(c25.names, ["mail.example.test"]);
    assert_eq!(c25.chain_length, 1);
    assert_eq!(c25.issuer.as_deref(), Some("CN=Services Test CA"));
    assert!(c25
        .problem
        .as_deref()
        .unwrap_or("")
        .contains("no certificate for the issuer"));
    let c465 = port(465).certificate.as_ref().expect("certificate on 465");
    assert_eq!(c465.file, lab.s("pki/full.pem"));
    assert_eq!(c465.chain_length, 2);
    assert_eq!(c465.problem, None);

    let kinds: Vec<(ServiceProblemKind, Option<u16>)> =
        outcome.problems.iter().map(|p| (p.kind, p.port)).collect();
    assert_eq!(
        kinds,
        [
            (ServiceProblemKind::CertChainIncomplete, None),
            (ServiceProblemKind::TlsRequiredForAuth, Some(587)),
        ],
        "{:#?}",
        outcome.problems
    );

    // What Postfix itself says on 25 matches: STARTTLS offered, AUTH not (SASL off there).
    let ehlo = ehlo.unwrap();
    assert!(
        ehlo.contains("250-STARTTLS") || ehlo.contains("250 STARTTLS"),
        "{ehlo}"
    );
    assert!(!ehlo.contains("AUTH"), "{ehlo}");
    // Still the same master: nothing restarted it meanwhile.
    assert_eq!(lab.master_pid(), Some(master));
}
