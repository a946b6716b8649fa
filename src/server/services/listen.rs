//! Which of the mail ports listen, and which program holds each socket: `/proc/net/tcp{,6}`
//! for the listening sockets (of the reading thread's network namespace), then the
//! `socket:[INODE]` links under `/proc/[pid]/fd` for their owners.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::ErrorKind;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::server::model::{escape_control, SourceEntry, SourceStatus};

/// The kernel's TCP state number for LISTEN in `/proc/net/tcp`.
const TCP_LISTEN: &str = "0A";
/// Upper bound on the `/proc/[pid]/fd` links looked at, so a host with millions of open
/// files cannot keep the scan going for long.
const MAX_FD_LINKS: usize = 4_000_000;
/// Upper bound on the size of one `/proc/net/tcp` file read into memory.
const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;

/// One listening TCP socket from `/proc/net/tcp` or `/proc/net/tcp6`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenSocket {
    pub addr: IpAddr,
    pub port: u16,
    pub inode: u64,
    pub uid: u32,
}

/// A listening socket and the program holding it, when that could be learned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listener {
    pub socket: ListenSocket,
    /// `/proc/[pid]/comm` of the holder (terminal-safe), e.g. `master`, `exim4`.
    pub program: Option<String>,
    pub pid: Option<u32>,
}

impl Listener {
    /// `0.0.0.0:25`, `[::]:587`.
    pub fn address(&self) -> String {
        match self.socket.addr {
            IpAddr::V4(a) => format!("{a}:{}", self.socket.port),
            IpAddr::V6(a) => format!("[{a}]:{}", self.socket.port),
        }
    }
}

/// What the socket scan found for the wanted ports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListenScan {
    pub listeners: Vec<Listener>,
    /// Processes whose open files this process may not see (not root): their sockets'
    /// programs stay unknown.
    pub hidden_processes: usize,
    /// The owner scan stopped early (time budget or link limit).
    pub scan_cut_short: bool,
}

impl ListenScan {
    pub fn on_port(&self, port: u16) -> impl Iterator<Item = &Listener> {
        self.listeners.iter().filter(move |l| l.socket.port == port)
    }
}

/// Parses `/proc/net/tcp` or `/proc/net/tcp6` and returns the sockets in LISTEN state.
/// Lines that do not parse are skipped (the header among them).
pub fn parse_proc_net_tcp(text: &str) -> Vec<ListenSocket> {
    text.lines().filter_map(parse_tcp_line).collect()
}

fn parse_tcp_line(line: &str) -> Option<ListenSocket> {
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
    let fields: Vec<&str> = line.split_whitespace().collect();
    if fields.len() < 10 || !fields[0].ends_with(':') || fields[3] != TCP_LISTEN {
        return None;
    }
    let (addr_hex, port_hex) = fields[1].split_once(':')?;
    Some(ListenSocket {
        addr: parse_hex_addr(addr_hex)?,
        port: u16::from_str_radix(port_hex, 16).ok()?,
        uid: fields[7].parse().ok()?,
        inode: fields[9].parse().ok()?,
    })
}

/// The kernel prints the address as 32-bit words in this machine's byte order.
fn parse_hex_addr(hex: &str) -> Option<IpAddr> {
    if !hex.is_ascii() {
        return None;
    }
    let word = |i: usize| -> Option<[u8; 4]> {
        let w = u32::from_str_radix(hex.get(i * 8..i * 8 + 8)?, 16).ok()?;
        Some(w.to_ne_bytes())
    };
    match hex.len() {
        8 => Some(IpAddr::V4(Ipv4Addr::from(word(0)?))),
        32 => {
            let mut bytes = [0u8; 16];
            for i in 0..4 {
                bytes[i * 4..i * 4 + 4].copy_from_slice(&word(i)?);
            }
            let v6 = Ipv6Addr::from(bytes);
            // A v4-mapped listener (`::ffff:127.0.0.1`) is shown as the IPv4 address it is.
            Some(match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(v6),
            })
        }
        _ => None,
    }
}

/// The inode of a `/proc/[pid]/fd/N` link target `socket:[12345]`.
pub fn socket_inode(link: &str) -> Option<u64> {
    link.strip_prefix("socket:[")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// The parent PID from `/proc/[pid]/stat` (`pid (comm) state ppid ...`); the command name
/// may itself hold spaces and parentheses, so the fields are counted after the last `)`.
pub fn parse_stat_ppid(stat: &str) -> Option<u32> {
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// A process that has a wanted socket open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub ppid: Option<u32>,
    pub program: String,
}

/// The process that owns a socket several processes hold: the one whose parent does not
/// hold it too (Postfix's `master`, not the `smtpd` it forked), else the lowest PID.
pub fn pick_owner(holders: &[Holder]) -> Option<&Holder> {
    let pids: BTreeSet<u32> = holders.iter().map(|h| h.pid).collect();
    let roots = holders
        .iter()
        .filter(|h| h.ppid.is_none_or(|p| !pids.contains(&p)));
    roots
        .min_by_key(|h| h.pid)
        .or_else(|| holders.iter().min_by_key(|h| h.pid))
}

/// Where the kernel's socket tables are for the calling thread: `/proc/thread-self/net`
/// names the thread's own network namespace (a thread may have entered another one), where
/// `/proc/net` would show the main thread's.
pub fn net_dir(proc_root: &Path) -> PathBuf {
    let own = proc_root.join("thread-self/net");
    if own.join("tcp").exists() {
        own
    } else {
        proc_root.join("net")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ListenError {
    #[error("cannot read {path}: {message}")]
    Unreadable { path: String, message: String },
}

/// Reads the listening sockets on `ports` and their owners, spending at most `budget` on the
/// owner scan.
pub fn scan(proc_root: &Path, ports: &[u16], budget: Duration) -> Result<ListenScan, ListenError> {
    let dir = net_dir(proc_root);
    let mut sockets = Vec::new();
    let mut read_any = false;
    let mut first_error = None;
    for table in ["tcp", "tcp6"] {
        let path = dir.join(table);
        match read_limited(&path) {
            Ok(text) => {
                read_any = true;
                sockets.extend(
                    parse_proc_net_tcp(&text)
                        .into_iter()
                        .filter(|s| ports.contains(&s.port)),
                );
            }
            // tcp6 is missing when IPv6 is disabled; only both missing is an error.
            Err(e) => {
                first_error.get_or_insert(ListenError::Unreadable {
                    path: path.display().to_string(),
                    message: e.to_string(),
                });
            }
        }
    }
    if !read_any {
        if let Some(e) = first_error {
            return Err(e);
        }
    }
    sockets.sort_by_key(|s| (s.port, s.addr.is_ipv6(), s.addr));
    sockets.dedup_by_key(|s| s.inode);
    let wanted: BTreeSet<u64> = sockets.iter().map(|s| s.inode).collect();
    let owners = find_holders(proc_root, &wanted, budget);
    let listeners = sockets
        .into_iter()
        .map(|socket| {
            let owner = owners
                .by_inode
                .get(&socket.inode)
                .and_then(|h| pick_owner(h));
            Listener {
                program: owner.map(|o| o.program.clone()),
                pid: owner.map(|o| o.pid),
                socket,
            }
        })
        .collect();
    Ok(ListenScan {
        listeners,
        hidden_processes: owners.hidden,
        scan_cut_short: owners.cut_short,
    })
}

fn read_limited(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_TABLE_BYTES)
        .read_to_string(&mut text)?;
    Ok(text)
}

struct Holders {
    by_inode: BTreeMap<u64, Vec<Holder>>,
    hidden: usize,
    cut_short: bool,
}

/// Walks `/proc/[pid]/fd` for links to the wanted socket inodes.
fn find_holders(proc_root: &Path, wanted: &BTreeSet<u64>, budget: Duration) -> Holders {
    let mut found = Holders {
        by_inode: BTreeMap::new(),
        hidden: 0,
        cut_short: false,
    };
    if wanted.is_empty() {
        return found;
    }
    let Ok(entries) = std::fs::read_dir(proc_root) else {
        return found;
    };
    let started = Instant::now();
    let mut links = 0usize;
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if started.elapsed() > budget || links > MAX_FD_LINKS {
            found.cut_short = true;
            break;
        }
        let fds = match std::fs::read_dir(entry.path().join("fd")) {
            Ok(fds) => fds,
            Err(e) if e.kind() == ErrorKind::PermissionDenied => {
                found.hidden += 1;
                continue;
            }
            // The process ended meanwhile, or is a kernel thread.
            Err(_) => continue,
        };
        let mut holds = BTreeSet::new();
        for fd in fds.flatten() {
            links += 1;
            let Ok(target) = std::fs::read_link(fd.path()) else {
                continue;
            };
            if let Some(inode) = target.to_str().and_then(socket_inode) {
                if wanted.contains(&inode) {
                    holds.insert(inode);
                }
            }
        }
        if holds.is_empty() {
            continue;
        }
        let dir = entry.path();
        let program = std::fs::read_to_string(dir.join("comm")).map_or_else(
            |_| format!("pid {pid}"),
            |c| escape_control(c.trim_end_matches('\n')),
        );
        let parent = std::fs::read_to_string(dir.join("stat"))
            .ok()
            .and_then(|s| parse_stat_ppid(&s));
        for inode in holds {
            found.by_inode.entry(inode).or_default().push(Holder {
                pid,
                ppid: parent,
                program: program.clone(),
            });
        }
    }
    found
}

/// The `listening-sockets` source: the scan of `/proc` for `ports`, or why it failed.
pub fn read(ports: &[u16], budget: Duration) -> (Option<ListenScan>, SourceEntry) {
    match scan(Path::new("/proc"), ports, budget) {
        Ok(scan) => {
            let entry = SourceEntry::new("listening-sockets", SourceStatus::Read, describe(&scan));
            (Some(scan), entry)
        }
        Err(e) => (
            None,
            SourceEntry::new("listening-sockets", SourceStatus::Error, e.to_string()),
        ),
    }
}

fn describe(scan: &ListenScan) -> String {
    let mut s = if scan.listeners.is_empty() {
        "no listening socket on 25, 465 or 587 in this network namespace".to_string()
    } else {
        let list: Vec<String> = scan
            .listeners
            .iter()
            .map(|l| match &l.program {
                Some(p) => format!("{} ({p})", l.address()),
                None => format!("{} (program unknown)", l.address()),
            })
            .collect();
        format!("listening: {}", list.join(", "))
    };
    let unknown = scan.listeners.iter().any(|l| l.program.is_none());
    if unknown && scan.hidden_processes > 0 {
        let _ = write!(
            s,
            "; the open files of {} processes are hidden from this user (run as root to see \
             which program holds each port)",
            scan.hidden_processes
        );
    }
    if scan.scan_cut_short {
        s.push_str("; the search for the programs was cut short (time budget)");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/server/services")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn listening_sockets_from_a_real_ipv4_table() {
        let mut got = parse_proc_net_tcp(&fixture("proc-net-tcp.txt"));
        got.sort_by_key(|s| s.port);
        let ports: Vec<u16> = got.iter().map(|s| s.port).collect();
        // Established and TIME_WAIT lines of the capture are left out.
        assert_eq!(ports, [25, 465, 2525]);
        assert!(got.iter().all(|s| s.inode > 0 && s.uid == 0));
        if cfg!(target_endian = "little") {
            let addrs: Vec<String> = got.iter().map(|s| s.addr.to_string()).collect();
            assert_eq!(addrs, ["0.0.0.0", "127.0.0.1", "203.0.113.25"]);
        }
    }

    #[test]
    fn listening_sockets_from_a_real_ipv6_table() {
        let mut got = parse_proc_net_tcp(&fixture("proc-net-tcp6.txt"));
        got.sort_by_key(|s| s.port);
        let ports: Vec<u16> = got.iter().map(|s| s.port).collect();
        assert_eq!(ports, [25, 587]);
        if cfg!(target_endian = "little") {
            let addrs: Vec<String> = got.iter().map(|s| s.addr.to_string()).collect();
            assert_eq!(addrs, ["2001:db8::25", "::"]);
        }
    }

    #[test]
    fn hand_written_lines() {
        let header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when \
                      retrnsmt   uid  timeout inode";
        let listen = "   0: 0100007F:024B 00000000:0000 0A 00000000:00000000 00:00000000 \
                      00000000   108        0 4242 1 0000000000000000 100 0 0 10 0";
        let established = "   1: 0100007F:024B 0100007F:A1B2 01 00000000:00000000 00:00000000 \
                           00000000   108        0 4243 1 0000000000000000 20 4 30 10 -1";
        let text = format!("{header}\n{listen}\n{established}\n");
        let got = parse_proc_net_tcp(&text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].port, 587);
        assert_eq!(got[0].inode, 4242);
        assert_eq!(got[0].uid, 108);
        // Short, odd-length or non-hex addresses are skipped, not guessed.
        for bad in [
            "   0: 0100007:024B 00000000:0000 0A 0:0 0:0 0 0 0 1",
            "   0: 0100007G:024B 00000000:0000 0A 0:0 0:0 0 0 0 1",
            "   0: 0100007F:XYZ 00000000:0000 0A 0:0 0:0 0 0 0 1",
            "   0: 0100007F:024B 00000000:0000 0A 0:0 0:0 0 0 0",
            "   0: 0100007F:024B 00000000:0000 0A 0:0 0:0 0 0 0 -1",
            "   0: 01000\u{e9}7F:024B 00000000:0000 0A 0:0 0:0 0 0 0 1",
        ] {
            assert!(parse_proc_net_tcp(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn v4_mapped_listener_is_shown_as_ipv4() {
        if cfg!(target_endian = "little") {
            let hex = "0000000000000000FFFF00000100007F";
            assert_eq!(parse_hex_addr(hex), Some("127.0.0.1".parse().unwrap()));
        }
    }

    #[test]
    fn socket_links_and_stat() {
        assert_eq!(socket_inode("socket:[123456]"), Some(123_456));
        assert_eq!(socket_inode("pipe:[123456]"), None);
        assert_eq!(socket_inode("socket:[12x]"), None);
        assert_eq!(socket_inode("/dev/null"), None);
        assert_eq!(
            parse_stat_ppid("812 (master) S 1 812 812 0 -1 4194560 2300 0 0 0"),
            Some(1)
        );
        // A command name with spaces and a closing parenthesis of its own.
        assert_eq!(parse_stat_ppid("90 (a) b (c)) S 77 90 90 0"), Some(77));
        assert_eq!(parse_stat_ppid("90 (unterminated S 77"), None);
        assert_eq!(parse_stat_ppid(""), None);
    }

    #[test]
    fn owner_is_the_parent_not_the_child() {
        let h = |pid, ppid: Option<u32>, p: &str| Holder {
            pid,
            ppid,
            program: p.into(),
        };
        let holders = [h(9000, Some(812), "smtpd"), h(812, Some(1), "master")];
        assert_eq!(pick_owner(&holders).unwrap().program, "master");
        // Unrelated holders: the lowest PID.
        let holders = [h(30, Some(1), "b"), h(20, Some(1), "a")];
        assert_eq!(pick_owner(&holders).unwrap().program, "a");
        // A cycle (PID reuse) still yields an owner.
        let holders = [h(30, Some(20), "b"), h(20, Some(30), "a")];
        assert_eq!(pick_owner(&holders).unwrap().program, "a");
        assert!(pick_owner(&[]).is_none());
    }

    #[test]
    fn finds_this_process_on_a_port_it_listens_on() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let scan = scan(Path::new("/proc"), &[port], Duration::from_secs(30)).unwrap();
        let found: Vec<&Listener> = scan.on_port(port).collect();
        assert_eq!(found.len(), 1, "{scan:?}");
        assert_eq!(found[0].address(), format!("127.0.0.1:{port}"));
        assert_eq!(found[0].pid, Some(std::process::id()));
        let me = std::fs::read_to_string("/proc/self/comm").unwrap();
        assert_eq!(found[0].program.as_deref(), Some(me.trim_end()));
        drop(listener);
        let scan = super::scan(Path::new("/proc"), &[port], Duration::from_secs(30)).unwrap();
        assert_eq!(scan.on_port(port).count(), 0);
    }

    #[test]
    fn missing_tables_are_an_error() {
        let dir = std::env::temp_dir().join(format!("sd-listen-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let got = scan(&dir, &[25], Duration::from_secs(1));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            matches!(got, Err(ListenError::Unreadable { .. })),
            "{got:?}"
        );
    }
}
