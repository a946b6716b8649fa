//! Kiosk mode with the real binary in a real terminal (tmux): keys and signals that must
//! not leave, the PIN that does, the idle reset (the screen, and the password's bytes gone
//! from the process's memory), a report that lands in the configured folder and nowhere
//! else, and the no-network screen that goes away by itself.
//!
//! Needs root (network and mount namespaces, reading another process's memory) and tmux;
//! the sign-in case also needs the lab (`tests/lab`: real Postfix with Dovecot SASL), the
//! others none. Each wizard runs in a namespace of its own: a network with only loopback (and,
//! for the "online" case, a default route into loopback so that the kernel has a route but
//! nothing can leave), and private /tmp, /var/tmp and /dev/shm whose contents the test can
//! list through /proc/PID/root. The sign-in case keeps the host's network namespace (the
//! lab's servers are on the host's loopback addresses) and has the lab's DNS and CA locked in
//! its kiosk configuration. Every file of a test lives under its own folder in Cargo's
//! target/tmp, removed when the test ends; each tmux server is the test's own.

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, SystemTime};

use smtp_doctor::kiosk::pin;

const PIN: &str = "8642-office";
/// Distinctive enough that finding it in memory means this password and nothing else.
const PASSWORD: &str = "Quokka-Lantern-58173-Zephyr";
const ERROR_TEXT: &str = "535 5.7.8 Marmot-Violin rejected";
const EMAIL: &str = "visitor@example.test";
const IDLE_SECONDS: u64 = 5;
/// The sign-in case's idle time: long enough for a run against the lab to finish first.
const LAB_IDLE_SECONDS: u64 = 10;
/// Bounded waits: this many polls, 100 ms apart.
const POLLS: usize = 150;
const START_TITLE: &str = "Why can't your mail be sent?";

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The network a kiosk sees.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Net {
    /// Only loopback, with a default route into it: "online", but nothing can leave.
    Loopback,
    /// Only loopback and no route: "not connected".
    NoRoute,
    /// The host's own network namespace, with the lab's DNS server and CA locked in: the
    /// lab's servers on their loopback addresses.
    Lab,
}

/// One kiosk in its own namespaces and tmux server; everything goes when dropped.
struct Kiosk {
    base: PathBuf,
    socket: PathBuf,
    name: String,
}

impl Tmux for Kiosk {
    fn socket(&self) -> &std::path::Path {
        &self.socket
    }

    fn session(&self) -> &str {
        &self.name
    }
}

impl Kiosk {
    fn start(test: &str, net: Net) -> Kiosk {
        Kiosk::start_idle(test, net, IDLE_SECONDS)
    }

    fn start_idle(test: &str, net: Net, idle_seconds: u64) -> Kiosk {
        let name = format!("sdx-k-{test}-{}", std::process::id());
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join(&name);
        let _ = std::fs::remove_dir_all(&base);
        for d in ["home", "work", "conf"] {
            std::fs::create_dir_all(base.join(d)).unwrap();
        }
        let hash = pin::hash_pin(PIN).unwrap();
        let locked = if net == Net::Lab {
            let lab = common::lab();
            // The kiosk's /tmp is its own: the lab's CA (under /tmp) goes in with its config.
            let ca_file = base.join("conf/lab-ca.pem");
            std::fs::copy(&lab.ca_file, &ca_file).unwrap();
            format!(
                // As the lab's tests run `check`: every lookup stays inside the lab.
                "reference = \"{}\"\ndns_server = \"{dns}\"\nca_file = \"{}\"\n\
                 public_ip_dns = \"{dns}\"\ntimeout_seconds = 3\n",
                common::LAB_REFERENCE,
                ca_file.display(),
                dns = lab.dns,
            )
        } else {
            "reference = \"127.0.0.1\"\ndns_server = \"127.0.0.1:9\"\n\
             public_ip_dns = \"127.0.0.1:9\"\ntimeout_seconds = 1\n"
                .to_string()
        };
        let config = format!(
            "admin_pin_hash = \"{}\"\nidle_seconds = {idle_seconds}\nreports_dir = \"{}\"\n\n\
             [locked]\n{locked}",
            hash.as_str(),
            base.join("reports").display()
        );
        std::fs::write(base.join("conf/kiosk.toml"), config).unwrap();
        let bin = env!("CARGO_BIN_EXE_smtp-doctor");
        let (unshare, network) = match net {
            Net::Loopback => (
                "--net ",
                "ip link set lo up && ip route add default dev lo && ",
            ),
            Net::NoRoute => ("--net ", "ip link set lo up && "),
            Net::Lab => ("", ""),
        };
        // A private /tmp would hide a checkout that lives under /tmp (the binary and `base`).
        let private_tmp = if bin.starts_with("/tmp/") {
            ""
        } else {
            "mount -t tmpfs sdx-k-tmp /tmp && "
        };
        let inner = format!(
            "{private_tmp}mount -t tmpfs sdx-k-vartmp /var/tmp && \
             mount -t tmpfs sdx-k-shm /dev/shm && {network}\
             exec env HOME='{home}' '{bin}' --kiosk --kiosk-config '{conf}'",
            home = base.join("home").display(),
            conf = base.join("conf/kiosk.toml").display(),
        );
        let script = format!(
            "unshare {unshare}--mount --propagation private bash -c \"{inner}\"; echo EXITED-$?; sleep 30"
        );
        let k = Kiosk {
            socket: base.join("tmux.sock"),
            base,
            name,
        };
        let out = k.tmux(&[
            "new-session",
            "-d",
            "-s",
            &k.name,
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &k.base.join("work").to_string_lossy(),
            "-e",
            "TERM=xterm-256color",
            "bash",
            "-c",
            &script,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        k
    }

    /// Raw bytes as the terminal sends them (Ctrl-C is 03 in raw mode).
    fn bytes(&self, hex: &str) {
        assert!(self
            .tmux(&["send-keys", "-t", &self.name, "-H", hex])
            .status
            .success());
    }

    /// One key at a time, as a person types: no read of the terminal holds the whole text.
    fn type_slowly(&self, text: &str) {
        for c in text.chars() {
            self.keys(&["-l", &c.to_string()]);
            sleep(Duration::from_millis(15));
        }
    }

    fn wait_any(&self, whats: &[&str]) -> usize {
        for _ in 0..POLLS {
            let screen = self.screen();
            if let Some(i) = whats.iter().position(|w| screen.contains(w)) {
                return i;
            }
            sleep(Duration::from_millis(100));
        }
        panic!(
            "the screen never showed any of {whats:?}:\n{}",
            self.screen()
        );
    }

    fn wait_for(&self, what: &str) {
        self.wait_any(&[what]);
    }

    /// Polls (bounded) until the screen no longer shows `what`.
    fn wait_gone(&self, what: &str) {
        for _ in 0..POLLS {
            if !self.screen().contains(what) {
                return;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("the screen still shows {what:?}:\n{}", self.screen());
    }

    /// The kiosk's process: the descendant of the pane's shell that runs our binary.
    fn pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, "#{pane_pid}"]);
        let shell: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        for _ in 0..POLLS {
            let mut frontier = vec![shell];
            for _ in 0..4 {
                let mut next = Vec::new();
                for p in &frontier {
                    let kids = Command::new("pgrep")
                        .args(["-P", &p.to_string()])
                        .output()
                        .unwrap();
                    next.extend(
                        String::from_utf8_lossy(&kids.stdout)
                            .lines()
                            .filter_map(|l| l.trim().parse::<u32>().ok()),
                    );
                }
                if let Some(pid) = next.iter().copied().find(|p| {
                    std::fs::read_to_string(format!("/proc/{p}/comm"))
                        .is_ok_and(|c| c.trim() == "smtp-doctor")
                }) {
                    return pid;
                }
                frontier = next;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("no smtp-doctor process under the pane's shell {shell}");
    }

    fn alternate_screen(&self) -> bool {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    fn assert_running(&self, pid: u32, after: &str) {
        sleep(Duration::from_millis(300));
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_else(|_| panic!("the kiosk ended after {after}:\n{}", self.screen()));
        // The state follows the parenthesised name: T is stopped (suspended).
        let state = stat
            .rsplit(')')
            .next()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        assert!(
            state != "T" && state != "Z",
            "the kiosk is {state} after {after}"
        );
        assert!(!self.screen().contains("EXITED-"), "ended after {after}");
    }

    fn assert_ended(&self, status: i32) {
        self.wait_for(&format!("EXITED-{status}"));
        assert!(!self.alternate_screen(), "the alternate screen is still on");
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["kill-server"])
            .output();
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{sig}");
}

#[test]
fn keys_and_signals_do_not_leave_only_the_pin_does() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("leave", Net::Loopback);
    k.wait_for(START_TITLE);
    let pid = k.pid();
    k.keys(&["q"]);
    k.wait_for("Close smtp-doctor");
    // Esc alone: a key right behind it would be read with it as one Alt combination.
    k.keys(&["Escape"]);
    k.wait_gone("Close smtp-doctor");
    for (hex, name) in [
        ("03", "Ctrl-C"),
        ("1a", "Ctrl-Z"),
        ("1c", "Ctrl-\\"),
        ("04", "Ctrl-D"),
    ] {
        k.bytes(hex);
        k.assert_running(pid, name);
    }
    for sig in ["INT", "QUIT", "TSTP", "HUP"] {
        signal(pid, sig);
        k.assert_running(pid, &format!("SIG{sig}"));
    }
    assert!(k.screen().contains(START_TITLE), "{}", k.screen());
    // A wrong PIN is refused.
    k.keys(&["q"]);
    k.wait_for("Close smtp-doctor");
    k.type_slowly("0000");
    k.keys(&["Enter"]);
    k.wait_for("That PIN is not right.");
    k.assert_running(pid, "a wrong PIN");
    // The right one ends it, with the terminal restored.
    k.type_slowly(PIN);
    k.keys(&["Enter"]);
    k.assert_ended(0);
}

#[test]
fn sigterm_ends_a_kiosk_cleanly() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("term", Net::Loopback);
    k.wait_for(START_TITLE);
    signal(k.pid(), "TERM");
    k.assert_ended(143);
}

#[test]
fn a_lost_terminal_ends_the_kiosk() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("hangup", Net::Loopback);
    k.wait_for(START_TITLE);
    let pid = k.pid();
    // The terminal goes away (its tmux server ends): the kiosk must not stay behind.
    k.tmux(&["kill-server"]);
    for _ in 0..POLLS {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| s.rsplit(')').next().unwrap_or("").trim().chars().next());
        if !matches!(state, Ok(Some(c)) if c != 'Z') {
            return;
        }
        sleep(Duration::from_millis(100));
    }
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
    panic!("the kiosk {pid} was still running 15 s after its terminal went away");
}

/// Where `needle` occurs in the process's writable memory (heap, stacks, data): the
/// addresses of each find. Unreadable mappings (guard pages) are skipped.
fn find_in_memory(pid: u32, needle: &[u8]) -> Vec<u64> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let mut mem = std::fs::File::open(format!("/proc/{pid}/mem")).unwrap();
    let mut found = Vec::new();
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let (Some(range), Some(perms)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !perms.starts_with("rw") {
            continue;
        }
        let (start, end) = range.split_once('-').unwrap();
        let start = u64::from_str_radix(start, 16).unwrap();
        let end = u64::from_str_radix(end, 16).unwrap();
        let mut buf = vec![0u8; usize::try_from(end - start).unwrap()];
        if mem.seek(SeekFrom::Start(start)).is_err() || mem.read_exact(&mut buf).is_err() {
            continue;
        }
        found.extend(
            buf.windows(needle.len())
                .enumerate()
                .filter(|(_, w)| *w == needle)
                .map(|(i, _)| start + i as u64),
        );
    }
    found
}

#[test]
fn after_the_idle_time_the_start_is_back_and_the_password_is_gone_from_memory() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("idle", Net::Loopback);
    k.wait_for(START_TITLE);
    let pid = k.pid();
    // The error message, then the account form with the password, then the checks.
    k.keys(&["1"]);
    k.wait_for("Paste");
    k.type_slowly(ERROR_TEXT);
    k.keys(&["Enter"]);
    k.wait_for("Password");
    k.type_slowly(EMAIL);
    k.keys(&["Tab"]);
    k.type_slowly("127.0.0.1");
    k.keys(&["Tab"]);
    k.type_slowly("2525");
    for _ in 0..4 {
        k.keys(&["Tab"]);
    }
    k.type_slowly(PASSWORD);
    // Control: while the form holds it, the scan finds the password.
    let before = find_in_memory(pid, PASSWORD.as_bytes());
    assert!(
        !before.is_empty(),
        "the scan does not find the password even while it is typed in"
    );
    k.keys(&["Tab", "Enter"]);
    k.wait_any(&["Step", "What to do", "passed"]);
    // Nothing pressed for the idle time: back to the start.
    sleep(Duration::from_secs(IDLE_SECONDS));
    k.wait_for(START_TITLE);
    // Let the stopped run's last tasks (1 s time-outs) end.
    sleep(Duration::from_secs(2));
    let after = find_in_memory(pid, PASSWORD.as_bytes());
    assert!(
        after.is_empty(),
        "the password is still in the kiosk's memory at {after:x?}"
    );
    // The previous answers are gone from the screens too.
    k.keys(&["1"]);
    k.wait_for("Paste");
    assert!(!k.screen().contains("Marmot-Violin"), "{}", k.screen());
    k.keys(&["Escape"]);
    k.wait_for(START_TITLE);
    sleep(Duration::from_millis(200));
    k.keys(&["2"]);
    k.wait_for("Password");
    let screen = k.screen();
    assert!(
        !screen.contains(EMAIL) && !screen.contains("127.0.0.1") && !screen.contains("****"),
        "{screen}"
    );
}

/// `s` in base64 (RFC 4648, with padding): how AUTH sends it.
fn base64(s: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .encode(s)
        .into_bytes()
}

#[test]
fn after_a_real_sign_in_and_the_idle_reset_no_form_of_the_password_is_in_memory() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start_idle("signin", Net::Lab, LAB_IDLE_SECONDS);
    k.wait_for(START_TITLE);
    let pid = k.pid();
    k.keys(&["2"]);
    k.wait_for("Password");
    k.type_slowly(common::EMAIL);
    k.keys(&["Tab"]);
    k.type_slowly("smtp.example.test");
    k.keys(&["Tab"]);
    k.type_slowly("587");
    for _ in 0..4 {
        k.keys(&["Tab"]);
    }
    k.type_slowly(common::PASSWORD);
    let password = common::PASSWORD.as_bytes();
    // Every form the password takes on the way to the server: the clear text (the form, the
    // AUTH PLAIN message "\0user\0password"), the AUTH PLAIN token, the AUTH LOGIN step.
    let mut message = vec![0u8];
    message.extend_from_slice(common::EMAIL.as_bytes());
    message.push(0);
    message.extend_from_slice(password);
    let forms: [(&str, Vec<u8>); 3] = [
        ("the password", password.to_vec()),
        ("the AUTH PLAIN token", base64(&message)),
        ("the AUTH LOGIN form", base64(password)),
    ];
    // Control: while the form holds it, the scan finds the password.
    assert!(
        !find_in_memory(pid, password).is_empty(),
        "the scan does not find the password even while it is typed in"
    );
    k.keys(&["Tab", "Enter"]);
    // The lab's account signs in and sends: the run ends with that verdict.
    k.wait_any(&["Sending works with these settings"]);
    // Nothing pressed for the idle time: back to the start.
    sleep(Duration::from_secs(LAB_IDLE_SECONDS));
    k.wait_for(START_TITLE);
    // Let the stopped run's last tasks (courtesy QUITs, time-outs) end.
    sleep(Duration::from_secs(4));
    let found: Vec<String> = forms
        .iter()
        .filter_map(|(name, form)| {
            let at = find_in_memory(pid, form);
            (!at.is_empty()).then(|| format!("{name} at {at:x?}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "still in the kiosk's memory after the idle reset: {found:#?}"
    );
}

/// Every file under `root` with its size and modification time.
fn listing(root: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(meta) = e.path().symlink_metadata() else {
                continue;
            };
            if meta.is_dir() {
                todo.push(e.path());
            }
            out.insert(
                e.path(),
                (
                    meta.len(),
                    meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                ),
            );
        }
    }
    out
}

/// The kiosk's writable places: its folders (home, working folder, configuration,
/// reports, all under `base`) and its own /tmp, /var/tmp and /dev/shm.
fn places(base: &Path, pid: u32) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut all = BTreeMap::new();
    let root = PathBuf::from(format!("/proc/{pid}/root"));
    for p in [
        base.to_path_buf(),
        root.join("tmp"),
        root.join("var/tmp"),
        root.join("dev/shm"),
    ] {
        all.extend(listing(&p));
    }
    // The test's tmux socket lives in `base` too; it is not the kiosk's.
    all.retain(|p, _| !p.ends_with("tmux.sock"));
    all
}

#[test]
fn a_report_lands_in_the_configured_folder_and_nowhere_else() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("report", Net::Loopback);
    k.wait_for(START_TITLE);
    let pid = k.pid();
    let before = places(&k.base, pid);
    k.keys(&["2"]);
    k.wait_for("Password");
    k.type_slowly(EMAIL);
    k.keys(&["Tab"]);
    k.type_slowly("127.0.0.1");
    k.keys(&["Tab"]);
    k.type_slowly("2525");
    for _ in 0..5 {
        k.keys(&["Tab"]);
    }
    k.keys(&["Enter"]);
    k.wait_any(&["Step", "What to do", "passed"]);
    k.keys(&["s"]);
    k.wait_for("reports folder");
    k.keys(&["Enter"]);
    k.wait_for("Saved to");
    let after = places(&k.base, pid);
    let changed: Vec<&PathBuf> = after
        .iter()
        .filter(|(p, v)| before.get(*p) != Some(v))
        .map(|(p, _)| p)
        .collect();
    let gone: Vec<&PathBuf> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert!(gone.is_empty(), "removed: {gone:?}");
    let reports = k.base.join("reports");
    assert_eq!(changed.len(), 2, "new or changed: {changed:#?}");
    assert_eq!(changed[0], &reports, "{changed:?}");
    let file = changed[1];
    assert_eq!(file.parent(), Some(reports.as_path()));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("smtp-doctor-report-") && file.extension().is_some_and(|e| e == "md"),
        "{name}"
    );
    let text = std::fs::read_to_string(file).unwrap();
    // Markdown escapes the address's `@` (no autolink from what the report embeds).
    assert!(text.contains(&EMAIL.replace('@', "\\@")), "{text}");
    assert!(k.screen().contains("smtp-doctor-report-"), "{}", k.screen());
}

#[test]
fn without_a_network_a_plain_screen_shows_until_it_is_back() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let k = Kiosk::start("offline", Net::NoRoute);
    k.wait_for("not connected to the internet");
    assert!(k.screen().contains("network cable"), "{}", k.screen());
    let pid = k.pid();
    // Choices wait for the network.
    k.keys(&["2"]);
    sleep(Duration::from_millis(300));
    assert!(k.screen().contains("not connected to the internet"));
    // A route appears in the kiosk's namespace (into loopback: nothing can leave).
    let ok = Command::new("nsenter")
        .args([
            &format!("--net=/proc/{pid}/ns/net"),
            "ip",
            "route",
            "add",
            "default",
            "dev",
            "lo",
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok, "ip route add in the kiosk's namespace");
    k.wait_for(START_TITLE);
    k.keys(&["2"]);
    k.wait_for("Password");
}
