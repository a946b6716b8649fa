//! ICMP-aware connects and the TCP path probe against a real (tiny) network: three network
//! namespaces, client — router — host, joined by veth pairs.
//!
//! ```text
//!  sdi-c                 sdi-r                          sdi-h
//!  sdi-c0 198.51.100.2 ─ sdi-r0 198.51.100.1
//!                        sdi-r1 203.0.113.1 ─────────── sdi-h0 203.0.113.25 (listens on 2525)
//! ```
//!
//! Nothing is added to the root namespace and there is no route out. The library code runs
//! in the client namespace on a dedicated thread that `setns()`s into it (that changes only
//! the calling thread) and then runs a current-thread tokio runtime.
//!
//! Needs root; without it every test prints why and returns. The tests share namespace names,
//! so a static mutex runs them one at a time; each builds its own lab and a guard removes it
//! even when an assertion fails.
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::Read;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::os::fd::AsRawFd;
use std::process::{Command, Stdio};
use std::sync::{mpsc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use smtp_doctor::checks::icmp::IcmpKind;
use smtp_doctor::checks::path::{self, HopResult, PathTrace};
use smtp_doctor::checks::tcp::{self, PortReach, TcpOutcome};

const CLIENT: &str = "sdi-c";
const ROUTER: &str = "sdi-r";
const HOST: &str = "sdi-h";
const ROUTER_ADDR: &str = "198.51.100.1";
const HOST_ADDR: &str = "203.0.113.25";
const OPEN_PORT: u16 = 2525;
const CLOSED_PORT: u16 = 2526;
/// No command of the set-up takes more than a fraction of this.
const COMMAND_LIMIT: Duration = Duration::from_secs(15);

static SERIAL: Mutex<()> = Mutex::new(());

fn ip(s: &str) -> IpAddr {
    s.parse().expect("a literal address")
}

/// Runs one command to completion within [`COMMAND_LIMIT`]; killed (by its PID) when over.
fn run(args: &[&str]) -> Result<(), String> {
    let mut child = Command::new(args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", args.join(" ")))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut s) = child.stderr.take() {
                    let _ = s.read_to_string(&mut err);
                }
                return if status.success() {
                    Ok(())
                } else {
                    Err(format!("{}: {status}: {}", args.join(" "), err.trim()))
                };
            }
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
    }
}

fn ns_exec(ns: &str, args: &[&str]) -> Result<(), String> {
    let mut all = vec!["ip", "netns", "exec", ns];
    all.extend_from_slice(args);
    run(&all)
}

/// Runs `f` on a new thread inside network namespace `ns`; the result comes back within
/// `limit` or not at all (the thread is then left behind and the test fails).
fn in_netns<T, F>(ns: &str, limit: Duration, f: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
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

/// Runs a future on a current-thread runtime inside the client namespace.
fn in_client<T, Fut>(limit: Duration, fut: impl FnOnce() -> Fut + Send + 'static) -> T
where
    T: Send + 'static,
    Fut: std::future::Future<Output = T>,
{
    let result = in_netns(CLIENT, limit + Duration::from_secs(5), move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("runtime: {e}"))?;
        rt.block_on(async { tokio::time::timeout(limit, fut()).await })
            .map_err(|_| format!("no result within {limit:?}"))
    });
    match result {
        Ok(Ok(v)) => v,
        Ok(Err(e)) | Err(e) => panic!("{e}"),
    }
}

/// The lab; dropping it removes the namespaces (and with them the veths and rules).
struct Lab {
    _serial: MutexGuard<'static, ()>,
    /// Created inside the host namespace; a socket stays in the namespace it was made in.
    listener: Option<TcpListener>,
}

impl Lab {
    /// `None` (after saying why) when the tests cannot run here.
    fn up() -> Option<Lab> {
        // SAFETY: geteuid() has no preconditions and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!(
                "SKIPPED: tests/icmp_netns.rs builds network namespaces and needs root \
                 (run as root, as CI does)"
            );
            return None;
        }
        let serial = SERIAL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        teardown(); // leftovers of a run that was killed
        let mut lab = Lab {
            _serial: serial,
            listener: None,
        };
        if let Err(e) = lab.build() {
            panic!("building the lab: {e}");
        }
        Some(lab)
    }

    fn build(&mut self) -> Result<(), String> {
        for ns in [CLIENT, ROUTER, HOST] {
            run(&["ip", "netns", "add", ns])?;
            run(&["ip", "-n", ns, "link", "set", "lo", "up"])?;
        }
        // Both ends are created straight in their namespaces: nothing in the root one.
        run(&[
            "ip", "link", "add", "sdi-c0", "netns", CLIENT, "type", "veth", "peer", "name",
            "sdi-r0", "netns", ROUTER,
        ])?;
        run(&[
            "ip", "link", "add", "sdi-r1", "netns", ROUTER, "type", "veth", "peer", "name",
            "sdi-h0", "netns", HOST,
        ])?;
        for (ns, dev, addr) in [
            (CLIENT, "sdi-c0", "198.51.100.2/24"),
            (ROUTER, "sdi-r0", "198.51.100.1/24"),
            (ROUTER, "sdi-r1", "203.0.113.1/24"),
            (HOST, "sdi-h0", "203.0.113.25/24"),
        ] {
            run(&["ip", "-n", ns, "addr", "add", addr, "dev", dev])?;
            run(&["ip", "-n", ns, "link", "set", dev, "up"])?;
        }
        run(&[
            "ip",
            "-n",
            CLIENT,
            "route",
            "add",
            "203.0.113.0/24",
            "via",
            ROUTER_ADDR,
        ])?;
        run(&[
            "ip",
            "-n",
            HOST,
            "route",
            "add",
            "198.51.100.0/24",
            "via",
            "203.0.113.1",
        ])?;
        ns_exec(ROUTER, &["sysctl", "-qw", "net.ipv4.ip_forward=1"])?;
        let listener = in_netns(HOST, COMMAND_LIMIT, || {
            TcpListener::bind((HOST_ADDR, OPEN_PORT)).map_err(|e| format!("listen: {e}"))
        })??;
        self.listener = Some(listener);
        Ok(())
    }

    // A method although it reads no field: a rule only makes sense in a lab that is up.
    #[allow(clippy::unused_self)]
    fn host_firewall(&self, target: &[&str]) {
        let port = OPEN_PORT.to_string();
        let mut args = vec![
            "iptables", "-A", "INPUT", "-p", "tcp", "--dport", &port, "-j",
        ];
        args.extend_from_slice(target);
        if let Err(e) = ns_exec(HOST, &args) {
            panic!("firewall: {e}");
        }
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        self.listener = None;
        teardown();
    }
}

fn teardown() {
    for ns in [CLIENT, ROUTER, HOST] {
        if std::path::Path::new("/run/netns").join(ns).exists() {
            if let Err(e) = run(&["ip", "netns", "del", ns]) {
                eprintln!("teardown: {e}");
            }
        }
    }
}

fn connect(port: u16, timeout: Duration) -> (PortReach, Duration) {
    in_client(timeout + Duration::from_secs(2), move || async move {
        let started = Instant::now();
        let (reach, _stream) = tcp::connect_any(&[ip(HOST_ADDR)], port, timeout).await;
        (reach, started.elapsed())
    })
}

fn trace(max_hops: u8, per_hop: Duration) -> (PathTrace, Duration) {
    let dest = SocketAddr::new(ip(HOST_ADDR), OPEN_PORT);
    in_client(per_hop + Duration::from_secs(5), move || async move {
        let started = Instant::now();
        let t = path::trace(dest, max_hops, per_hop).await;
        (t, started.elapsed())
    })
}

#[test]
fn reject_admin_prohibited_at_the_host_names_the_host() {
    let Some(lab) = Lab::up() else { return };
    lab.host_firewall(&["REJECT", "--reject-with", "icmp-admin-prohibited"]);
    let (reach, took) = connect(OPEN_PORT, Duration::from_secs(5));
    eprintln!("admin-prohibited: {reach:?} in {took:?}");
    assert_eq!(reach.outcome(), TcpOutcome::AdminProhibited);
    let icmp = reach.attempts[0].icmp.clone().expect("an ICMP report");
    assert_eq!(icmp.kind, IcmpKind::AdminProhibited);
    assert_eq!((icmp.icmp_type, icmp.code), (3, 13));
    assert_eq!(icmp.offender, Some(ip(HOST_ADDR)));
    assert!(took < Duration::from_secs(1), "a REJECT answers at once");
}

#[test]
fn dead_host_behind_the_router_names_the_router() {
    let Some(_lab) = Lab::up() else { return };
    // The host no longer answers ARP for its address: the router gives up after its
    // ARP probes and says host unreachable.
    if let Err(e) = run(&["ip", "-n", HOST, "addr", "flush", "dev", "sdi-h0"]) {
        panic!("{e}");
    }
    let (reach, took) = connect(OPEN_PORT, Duration::from_secs(8));
    eprintln!("host gone: {reach:?} in {took:?}");
    assert_eq!(reach.outcome(), TcpOutcome::HostUnreachable);
    let icmp = reach.attempts[0].icmp.clone().expect("an ICMP report");
    assert_eq!(icmp.kind, IcmpKind::HostUnreachable);
    assert_eq!((icmp.icmp_type, icmp.code), (3, 1));
    assert_eq!(icmp.offender, Some(ip(ROUTER_ADDR)));
    assert!(
        took > Duration::from_secs(1) && took < Duration::from_secs(7),
        "ARP gives up after about 3 s, took {took:?}"
    );
}

#[test]
fn drop_at_the_host_is_silence() {
    let Some(lab) = Lab::up() else { return };
    lab.host_firewall(&["DROP"]);
    let budget = Duration::from_millis(1500);
    let (reach, took) = connect(OPEN_PORT, budget);
    eprintln!("drop: {reach:?} in {took:?}");
    assert_eq!(reach.outcome(), TcpOutcome::TimedOut);
    assert_eq!(reach.attempts[0].icmp, None);
    assert!(took >= budget && took < budget + Duration::from_secs(1));
}

#[test]
fn open_and_nothing_listening() {
    let Some(_lab) = Lab::up() else { return };
    let (reach, took) = connect(OPEN_PORT, Duration::from_secs(3));
    eprintln!("open: {reach:?} in {took:?}");
    assert_eq!(reach.outcome(), TcpOutcome::Open);
    assert_eq!(reach.attempts[0].icmp, None);
    let (reach, took) = connect(CLOSED_PORT, Duration::from_secs(3));
    eprintln!("refused: {reach:?} in {took:?}");
    assert_eq!(reach.outcome(), TcpOutcome::Refused);
    assert_eq!(reach.attempts[0].icmp, None);
}

#[test]
fn path_through_the_router_reaches_the_host() {
    let Some(_lab) = Lab::up() else { return };
    let (t, took) = trace(path::DEFAULT_MAX_HOPS, Duration::from_secs(2));
    eprintln!("trace: {t:?} in {took:?}\n  {}", t.summary());
    assert_eq!(t.hops.len(), 2, "trimmed after the destination");
    assert_eq!(t.hops[0].ttl, 1);
    assert_eq!(t.hops[0].what, HopResult::TimeExceeded);
    assert_eq!(t.hops[0].from, Some(ip(ROUTER_ADDR)));
    assert_eq!(t.hops[1].ttl, 2);
    assert_eq!(t.hops[1].what, HopResult::Reached);
    assert_eq!(t.hops[1].from, Some(ip(HOST_ADDR)));
    assert!(t.reached);
    assert_eq!(t.last_answering, Some(ip(HOST_ADDR)));
    assert_eq!(t.summary(), "reached 203.0.113.25 in 2 hops");
}

#[test]
fn path_with_a_drop_at_the_host_ends_at_the_router() {
    let Some(lab) = Lab::up() else { return };
    lab.host_firewall(&["DROP"]);
    let per_hop = Duration::from_millis(1500);
    let (t, took) = trace(path::DEFAULT_MAX_HOPS, per_hop);
    eprintln!("trace: {t:?} in {took:?}\n  {}", t.summary());
    assert!(!t.reached);
    assert_eq!(t.hops.len(), usize::from(path::DEFAULT_MAX_HOPS));
    assert_eq!(t.hops[0].what, HopResult::TimeExceeded);
    assert_eq!(t.hops[0].from, Some(ip(ROUTER_ADDR)));
    assert!(t.hops[1..].iter().all(|h| h.what == HopResult::Silent));
    assert_eq!(t.last_answering, Some(ip(ROUTER_ADDR)));
    assert_eq!(
        t.summary(),
        "last answer from 198.51.100.1 (hop 1); nothing beyond"
    );
    // All TTLs at once: one budget, not twelve.
    assert!(took < per_hop + Duration::from_secs(1), "took {took:?}");
}
