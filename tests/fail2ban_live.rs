//! `fail2ban::read` against a real fail2ban-server that this test starts in a temporary
//! folder (its own configuration, socket, pidfile, database and log; a ban action that
//! changes nothing, so no firewall is touched) and stops by its socket, then by PID.
//! Skipped, with the reason printed, when not root or when fail2ban is not installed.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use smtp_doctor::server::context::{Ctx, Paths, Window};
use smtp_doctor::server::firewall::fail2ban;
use smtp_doctor::server::model::{Effect, SourceStatus};

const FILTERS: &str = "/etc/fail2ban/filter.d";

struct Server {
    dir: PathBuf,
}

impl Server {
    fn sock(&self) -> PathBuf {
        self.dir.join("f2b.sock")
    }

    fn client(&self, args: &[&str]) -> std::process::Output {
        Command::new("fail2ban-client")
            .arg("-s")
            .arg(self.sock())
            .args(args)
            .output()
            .expect("fail2ban-client runs")
    }

    fn start() -> Server {
        let dir = std::env::temp_dir().join(format!("smtp-doctor-f2b-live-{}", std::process::id()));
        let conf = dir.join("conf");
        std::fs::create_dir_all(conf.join("action.d")).unwrap();
        let status = Command::new("cp")
            .args(["-a", FILTERS])
            .arg(conf.join("filter.d"))
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::write(
            conf.join("fail2ban.conf"),
            format!(
                "[Definition]\nloglevel = INFO\nlogtarget = {d}/fail2ban.log\nsocket = {d}/f2b.sock\n\
                 pidfile = {d}/f2b.pid\ndbfile = {d}/f2b.sqlite3\ndbmaxmatches = 10\n",
                d = dir.display()
            ),
        )
        .unwrap();
        // A ban action that does nothing: the test never touches a firewall.
        std::fs::write(
            conf.join("action.d/nothing.conf"),
            "[Definition]\nactionstart =\nactionstop =\nactioncheck =\nactionban =\nactionunban =\n",
        )
        .unwrap();
        std::fs::write(
            conf.join("jail.conf"),
            format!(
                "[DEFAULT]\nbanaction = nothing\naction = nothing\nbackend = polling\n\
                 ignoreip = 127.0.0.1/8 ::1 203.0.113.0/25\nbantime = 3600\nfindtime = 600\nmaxretry = 3\n\n\
                 [postfix-sasl]\nenabled = true\nfilter = postfix[mode=auth]\nlogpath = {d}/mail.log\n",
                d = dir.display()
            ),
        )
        .unwrap();
        std::fs::write(dir.join("mail.log"), "").unwrap();
        let server = Server { dir };
        let out = Command::new("fail2ban-client")
            .arg("-c")
            .arg(&conf)
            .arg("-s")
            .arg(server.sock())
            .arg("-p")
            .arg(server.dir.join("f2b.pid"))
            .arg("start")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "fail2ban start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        server
    }

    fn pid(&self) -> Option<i32> {
        std::fs::read_to_string(self.dir.join("f2b.pid"))
            .ok()?
            .trim()
            .parse()
            .ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let pid = self.pid();
        let _ = self.client(&["stop"]);
        if let Some(pid) = pid {
            // Bounded wait for the server to go, then make sure by its PID.
            for _ in 0..50 {
                // SAFETY: signal 0 only checks that the process exists.
                if unsafe { libc::kill(pid, 0) } != 0 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            // SAFETY: the PID is the server this test started.
            unsafe {
                if libc::kill(pid, 0) == 0 {
                    libc::kill(pid, libc::SIGTERM);
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn skip_reason() -> Option<&'static str> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not root");
    }
    if Command::new("fail2ban-client")
        .arg("--version")
        .output()
        .is_err()
    {
        return Some("fail2ban is not installed");
    }
    if !Path::new(FILTERS).join("postfix.conf").exists() {
        return Some("no /etc/fail2ban/filter.d/postfix.conf");
    }
    None
}

fn append_failures(log: &Path, ip: &str, n: usize) {
    use std::io::Write;
    let stamp = Command::new("date")
        .arg("+%b %e %H:%M:%S")
        .output()
        .unwrap();
    let stamp = String::from_utf8_lossy(&stamp.stdout).trim().to_string();
    let mut f = std::fs::OpenOptions::new().append(true).open(log).unwrap();
    for i in 0..n {
        writeln!(
            f,
            "{stamp} mail postfix/submission/smtpd[51{i}]: warning: unknown[{ip}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"
        )
        .unwrap();
    }
}

fn ctx(server: &Server, client: &str) -> Ctx {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = i64::try_from(now).unwrap_or(i64::MAX);
    let ip: IpAddr = client.parse().unwrap();
    Ctx {
        client: ip,
        account: None,
        window: Window {
            since: now - 3600,
            until: now,
        },
        paths: Paths {
            fail2ban_socket: Some(server.sock()),
            ..Paths::default()
        },
        command_timeout: Duration::from_secs(20),
        now,
    }
}

#[test]
fn live_server_ban_is_found_with_its_log_lines() {
    if let Some(why) = skip_reason() {
        eprintln!("skipped: {why}");
        return;
    }
    let server = Server::start();
    // Bounded wait for the server to answer.
    let mut up = false;
    for _ in 0..100 {
        if server.client(&["ping"]).status.success() {
            up = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(up, "fail2ban-server did not answer");

    append_failures(&server.dir.join("mail.log"), "198.51.100.7", 4);
    let mut banned = false;
    for _ in 0..150 {
        let out = server.client(&["status", "postfix-sasl"]);
        if String::from_utf8_lossy(&out.stdout).contains("198.51.100.7") {
            banned = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(banned, "fail2ban did not ban 198.51.100.7");

    let started = Instant::now();
    let out = fail2ban::read(&ctx(&server, "198.51.100.7"));
    let took = started.elapsed();
    eprintln!(
        "fail2ban::read took {:.3} s: {}",
        took.as_secs_f64(),
        out.sources[0].detail
    );
    assert_eq!(
        out.sources[0].status,
        SourceStatus::Read,
        "{:?}",
        out.sources
    );
    assert_eq!(out.blocks.len(), 1, "{:#?}", out.blocks);
    let b = &out.blocks[0];
    assert_eq!(b.effect, Effect::Deny);
    assert_eq!(b.location, "jail postfix-sasl");
    assert!(b.since.is_some() && b.until.is_some());
    let reason = b.reason.as_deref().unwrap_or_default();
    assert!(
        reason.starts_with("3 failures: ") || reason.starts_with("4 failures: "),
        "{reason}"
    );
    assert!(reason.contains("SASL LOGIN authentication failed"));
    let sock = server.sock().display().to_string();
    assert_eq!(
        b.unblock,
        [format!(
            "fail2ban-client -s {sock} set postfix-sasl unbanip 198.51.100.7"
        )]
    );
    assert!(out
        .settings
        .iter()
        .any(|s| s.source == "fail2ban:postfix-sasl" && s.name == "maxretry" && s.value == "3"));

    // An ignored address: context, not a ban.
    let out = fail2ban::read(&ctx(&server, "203.0.113.5"));
    assert_eq!(out.blocks.len(), 1);
    assert_eq!(out.blocks[0].effect, Effect::Allow);

    // The unblock command really lifts the ban.
    let argv = shell_words::split(&b.unblock[0]).unwrap();
    let st = Command::new(&argv[0]).args(&argv[1..]).output().unwrap();
    assert!(st.status.success());
    let out = fail2ban::read(&ctx(&server, "198.51.100.7"));
    assert!(out.blocks.is_empty(), "{:#?}", out.blocks);
}
