//! The server lab (tests/serverlab/serverlab.sh) for tests: where its pieces live, the tool
//! run inside the mail server (namespace `sdv-mail`), fail2ban's socket, and a small SMTP
//! client that plays a customer from `sdv-cli`, bound to the address of the case.
//!
//! fail2ban's bans, its jail's failure counts and the logs are shared by every case, so the
//! cases of a test binary take turns through [`TURN`].

use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use super::{run_tool_wrapped, CheckRun};

/// Held by a case for as long as it changes or reads the lab's shared state.
pub static TURN: Mutex<()> = Mutex::new(());

pub const MAIL_NS: &str = "sdv-mail";
pub const CUSTOMERS_NS: &str = "sdv-cli";
pub const MAIL4: &str = "203.0.113.25";
pub const MAIL6: &str = "2001:db8:203::25";
pub const SERVER_NAME: &str = "smtp.example.test";
pub const JAIL: &str = "postfix-sasl";

// The customers (tests/serverlab/README.md: what each one demonstrates).
pub const CLEAN: &str = "198.51.100.10";
pub const DROP4: &str = "198.51.100.11";
pub const DROP6: &str = "2001:db8:100::11";
pub const NFT: &str = "198.51.100.12";
pub const CSF_DENY: &str = "198.51.100.13";
pub const ACCESS: &str = "198.51.100.14";
pub const FAIL2BAN: &str = "198.51.100.15";
pub const CSF_TEMP: &str = "198.51.100.16";
pub const IPSET: &str = "198.51.100.17";

pub struct ServerLab {
    pub dir: PathBuf,
    pub mail_log: PathBuf,
    pub dovecot_log: PathBuf,
    pub csf_dir: PathBuf,
    pub csf_state: PathBuf,
    pub f2b_socket: PathBuf,
    pub f2b_db: PathBuf,
    pub postfix_dir: PathBuf,
    pub ca_file: PathBuf,
}

/// The running server lab, or `None` after printing why the case is skipped: the variable
/// is not set, the lab is not ready, or this is not root (`ip netns exec` needs it).
pub fn serverlab() -> Option<ServerLab> {
    let Some(dir) = std::env::var_os("SMTP_DOCTOR_SERVERLAB").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED: SMTP_DOCTOR_SERVERLAB is not set; run `sudo bash tests/run.sh` \
             (or `sudo bash tests/serverlab/serverlab.sh up` and set it)"
        );
        return None;
    };
    if !dir.join("ready").is_file() {
        eprintln!(
            "SKIPPED: the server lab is not ready (no {}); run `sudo bash tests/serverlab/serverlab.sh up`",
            dir.join("ready").display()
        );
        return None;
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("SKIPPED: the server lab's cases enter network namespaces and need root");
        return None;
    }
    Some(ServerLab {
        mail_log: dir.join("log/mail.log"),
        dovecot_log: dir.join("log/dovecot.log"),
        csf_dir: dir.join("csf"),
        csf_state: dir.join("csf-state"),
        f2b_socket: dir.join("fail2ban-run/fail2ban.sock"),
        f2b_db: dir.join("fail2ban-run/fail2ban.sqlite3"),
        postfix_dir: dir.join("postfix"),
        ca_file: dir.join("pki/ca.pem"),
        dir,
    })
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

impl ServerLab {
    /// `server --client-ip IP --json` with every path of the lab (logs, CSF, fail2ban's socket
    /// and database, Postfix's folder).
    pub fn server_args(&self, client_ip: &str) -> Vec<String> {
        let mut args: Vec<String> = vec!["server".into(), "--client-ip".into(), client_ip.into()];
        args.extend(self.path_args(true));
        args
    }

    /// `--json` and the lab's paths; `with_fail2ban` false leaves fail2ban's socket and
    /// database to fail2ban-client's own configuration (in sdv-mail: the lab's).
    pub fn path_args(&self, with_fail2ban: bool) -> Vec<String> {
        let mut args: Vec<String> = vec![
            "--json".into(),
            "--log".into(),
            s(&self.mail_log),
            "--log".into(),
            s(&self.dovecot_log),
            "--csf-dir".into(),
            s(&self.csf_dir),
            "--csf-state-dir".into(),
            s(&self.csf_state),
            "--postfix-config".into(),
            s(&self.postfix_dir),
        ];
        if with_fail2ban {
            args.extend([
                "--fail2ban-socket".into(),
                s(&self.f2b_socket),
                "--fail2ban-db".into(),
                s(&self.f2b_db),
            ]);
        }
        args
    }

    /// The tool inside the mail server, as root.
    pub fn run_server(&self, args: &[String]) -> CheckRun {
        self.run_server_as(&[], args, &[])
    }

    /// The same with `prefix` between `ip netns exec sdv-mail` and the binary (e.g.
    /// `setpriv ...`) and extra environment variables.
    // A method although it reads no field: the server runs only in a lab that is up (and
    // the server-mode tests call it on the lab).
    #[allow(clippy::unused_self)]
    pub fn run_server_as(
        &self,
        prefix: &[&str],
        args: &[String],
        env: &[(&str, &str)],
    ) -> CheckRun {
        let mut wrapper = vec!["ip", "netns", "exec", MAIL_NS];
        wrapper.extend_from_slice(prefix);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_tool_wrapped(&wrapper, &args, None, env)
    }

    /// `fail2ban-client -s SOCKET ARGS` (its socket is a file: reachable from any namespace).
    pub fn fail2ban(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("timeout")
            .arg("10")
            .arg("fail2ban-client")
            .arg("-s")
            .arg(&self.f2b_socket)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run fail2ban-client: {e}"))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(format!(
                "fail2ban-client {args:?} failed ({}): {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// The addresses the jail bans now.
    pub fn banned(&self) -> Vec<String> {
        let status = self
            .fail2ban(&["status", JAIL])
            .unwrap_or_else(|e| panic!("{e}"));
        status
            .lines()
            .find_map(|l| l.split_once("Banned IP list:"))
            .map(|(_, list)| list.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Waits (bounded by `limit`) until `ip` is banned (`want` true) or not.
    pub fn wait_banned(&self, ip: &str, want: bool, limit: Duration) -> bool {
        let start = Instant::now();
        loop {
            if self.banned().iter().any(|b| b == ip) == want {
                return true;
            }
            if start.elapsed() > limit {
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Lifts a ban of `ip`, if there is one (a case cleaning up after itself).
    pub fn unban(&self, ip: &str) {
        if self.banned().iter().any(|b| b == ip) {
            let _ = self.fail2ban(&["set", JAIL, "unbanip", ip]);
        }
    }

    /// Runs `argv` inside the mail server; its exit status and output.
    // A method although it reads no field: the mail namespace exists only while the lab is up.
    #[allow(clippy::unused_self)]
    pub fn in_mail(&self, argv: &[&str]) -> (bool, String) {
        run_in(MAIL_NS, argv)
    }
}

/// Runs `argv` inside network namespace `ns`; its exit status and output.
pub fn run_in(ns: &str, argv: &[&str]) -> (bool, String) {
    let out = Command::new("ip")
        .args(["netns", "exec", ns])
        .args(argv)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {argv:?} in {ns}: {e}"));
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

// --- a customer in sdv-cli ------------------------------------------------------------------

/// Runs `f` on a thread of its own inside network namespace `ns`, with a single-threaded
/// tokio runtime there: every socket it opens belongs to that namespace.
pub fn in_netns<F, Fut, T>(ns: &str, f: F) -> T
where
    F: FnOnce() -> Fut + Send,
    Fut: Future<Output = T>,
    T: Send,
{
    use std::os::fd::AsRawFd;
    let path = format!("/run/netns/{ns}");
    std::thread::scope(|scope| {
        scope
            .spawn(move || {
                let file = std::fs::File::open(&path)
                    .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
                // SAFETY: setns on a valid namespace descriptor changes only this thread's
                // network namespace; the thread ends with this closure.
                let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
                assert_eq!(rc, 0, "setns({path}): {}", io::Error::last_os_error());
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a tokio runtime");
                rt.block_on(f())
            })
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

/// What one connection attempt met.
#[derive(Debug)]
pub enum Connect {
    /// Connected; the greeting line.
    Greeted(String),
    /// Refused at once (a REJECT or nothing listening).
    Refused,
    /// Silence until the time-out (a DROP).
    Silence,
    Other(io::Error),
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// A minimal SMTP client session (replies as code and text).
pub struct Smtp {
    stream: Option<Box<dyn Stream>>,
    plain: Option<TcpStream>,
    buf: Vec<u8>,
    step: Duration,
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub code: u16,
    /// Every line's text, joined by newlines.
    pub text: String,
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "no answer in time")
}

async fn connect_from(src: IpAddr, dst: SocketAddr, step: Duration) -> io::Result<TcpStream> {
    let socket = if dst.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.bind(SocketAddr::new(src, 0))?;
    tokio::time::timeout(step, socket.connect(dst))
        .await
        .map_err(|_| timed_out())?
}

impl Smtp {
    /// Connects from `src` to `dst` and reads the greeting.
    pub async fn connect(src: &str, dst: SocketAddr, step: Duration) -> (Connect, Option<Smtp>) {
        let src: IpAddr = src.parse().expect("a source address");
        let tcp = match connect_from(src, dst, step).await {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::TimedOut => return (Connect::Silence, None),
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                return (Connect::Refused, None)
            }
            Err(e) => return (Connect::Other(e), None),
        };
        let mut smtp = Smtp {
            stream: None,
            plain: Some(tcp),
            buf: Vec::new(),
            step,
        };
        match smtp.reply().await {
            Ok(r) => (
                Connect::Greeted(format!("{} {}", r.code, r.text)),
                Some(smtp),
            ),
            Err(e) => (Connect::Other(e), None),
        }
    }

    /// Connects to implicit TLS (465) from `src`, trusting `ca`; the greeting comes over TLS.
    pub async fn connect_tls(
        src: &str,
        dst: SocketAddr,
        ca: &Path,
        step: Duration,
    ) -> io::Result<(Reply, Smtp)> {
        let src: IpAddr = src.parse().expect("a source address");
        let tcp = connect_from(src, dst, step).await?;
        let tls = tls_over(tcp, ca, step).await?;
        let mut smtp = Smtp {
            stream: Some(Box::new(tls)),
            plain: None,
            buf: Vec::new(),
            step,
        };
        let r = smtp.reply().await?;
        Ok((r, smtp))
    }

    fn io(&mut self) -> &mut (dyn Stream + '_) {
        if let Some(s) = self.stream.as_mut() {
            s.as_mut()
        } else {
            self.plain.as_mut().expect("a connection")
        }
    }

    async fn read_line(&mut self) -> io::Result<String> {
        loop {
            if let Some(i) = self.buf.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.buf.drain(..=i).collect();
                return Ok(String::from_utf8_lossy(&line).trim_end().to_string());
            }
            let mut chunk = [0u8; 4096];
            let step = self.step;
            let n = tokio::time::timeout(step, self.io().read(&mut chunk))
                .await
                .map_err(|_| timed_out())??;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the server closed the connection",
                ));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// One reply, multi-line replies joined.
    pub async fn reply(&mut self) -> io::Result<Reply> {
        let mut text = Vec::new();
        loop {
            let line = self.read_line().await?;
            let code = line
                .get(..3)
                .and_then(|c| c.parse::<u16>().ok())
                .ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("not an SMTP reply: {line:?}"),
                    )
                })?;
            text.push(line.get(4..).unwrap_or_default().to_string());
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(Reply {
                    code,
                    text: text.join("\n"),
                });
            }
        }
    }

    pub async fn send(&mut self, line: &str) -> io::Result<()> {
        let step = self.step;
        let data = format!("{line}\r\n");
        tokio::time::timeout(step, self.io().write_all(data.as_bytes()))
            .await
            .map_err(|_| timed_out())?
    }

    pub async fn cmd(&mut self, line: &str) -> io::Result<Reply> {
        self.send(line).await?;
        self.reply().await
    }

    /// STARTTLS, then the handshake trusting `ca` and checking the server's name.
    pub async fn starttls(&mut self, ca: &Path) -> io::Result<()> {
        let r = self.cmd("STARTTLS").await?;
        if r.code != 220 {
            return Err(io::Error::other(format!(
                "STARTTLS answered {} {}",
                r.code, r.text
            )));
        }
        let tcp = self
            .plain
            .take()
            .ok_or_else(|| io::Error::other("STARTTLS on a connection that is not plain"))?;
        let tls = tls_over(tcp, ca, self.step).await?;
        self.stream = Some(Box::new(tls));
        self.buf.clear();
        Ok(())
    }

    /// EHLO; the reply.
    pub async fn ehlo(&mut self) -> io::Result<Reply> {
        self.cmd("EHLO client.example.test").await
    }

    /// AUTH PLAIN for `user` with `password`; the reply.
    pub async fn auth_plain(&mut self, user: &str, password: &str) -> io::Result<Reply> {
        use base64::Engine as _;
        let token =
            base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{password}"));
        self.cmd(&format!("AUTH PLAIN {token}")).await
    }
}

async fn tls_over(
    tcp: TcpStream,
    ca: &Path,
    step: Duration,
) -> io::Result<tokio_native_tls::TlsStream<TcpStream>> {
    let pem = std::fs::read(ca)?;
    let cert = native_tls::Certificate::from_pem(&pem).map_err(io::Error::other)?;
    let connector = native_tls::TlsConnector::builder()
        .add_root_certificate(cert)
        .build()
        .map_err(io::Error::other)?;
    let connector = tokio_native_tls::TlsConnector::from(connector);
    tokio::time::timeout(step, connector.connect(SERVER_NAME, tcp))
        .await
        .map_err(|_| timed_out())?
        .map_err(io::Error::other)
}

/// The mail server's address for `client` (IPv6 clients reach its IPv6 address).
pub fn server_for(client: &str, port: u16) -> SocketAddr {
    let ip = if client.contains(':') { MAIL6 } else { MAIL4 };
    SocketAddr::new(ip.parse().expect("the server's address"), port)
}

/// Connects from `client` to `port` of the server and says what it met.
pub fn try_connect(client: &str, port: u16, step: Duration) -> Connect {
    let dst = server_for(client, port);
    in_netns(CUSTOMERS_NS, || async move {
        let (outcome, smtp) = Smtp::connect(client, dst, step).await;
        if let Some(mut s) = smtp {
            let _ = s.cmd("QUIT").await;
        }
        outcome
    })
}

/// `n` wrong passwords for `user` over STARTTLS on 587 from `client`, each answered 535.
pub fn failed_logins(client: &str, user: &str, n: usize, ca: &Path) {
    let dst = server_for(client, 587);
    let ca = ca.to_path_buf();
    in_netns(CUSTOMERS_NS, || async move {
        let (outcome, smtp) = Smtp::connect(client, dst, Duration::from_secs(5)).await;
        let mut s = smtp.unwrap_or_else(|| panic!("{client} cannot reach {dst}: {outcome:?}"));
        s.ehlo().await.expect("EHLO");
        s.starttls(&ca).await.expect("STARTTLS");
        s.ehlo().await.expect("EHLO after STARTTLS");
        for i in 0..n {
            let r = s
                .auth_plain(user, "not the password")
                .await
                .expect("AUTH with a wrong password");
            assert_eq!(r.code, 535, "wrong password {i}: {r:?}");
        }
        let _ = s.cmd("QUIT").await;
    });
}

/// A good session from `client`: STARTTLS on 587, AUTH (235), MAIL FROM, a recipient
/// elsewhere (250: Postfix logs the login with `sasl_username=`), an unknown one of
/// example.test (550 User unknown), RSET, QUIT. Returns the replies of the two recipients.
pub fn good_session(client: &str, user: &str, password: &str, ca: &Path) -> (Reply, Reply) {
    let dst = server_for(client, 587);
    let ca = ca.to_path_buf();
    in_netns(CUSTOMERS_NS, || async move {
        let (outcome, smtp) = Smtp::connect(client, dst, Duration::from_secs(5)).await;
        let mut s = smtp.unwrap_or_else(|| panic!("{client} cannot reach {dst}: {outcome:?}"));
        s.ehlo().await.expect("EHLO");
        s.starttls(&ca).await.expect("STARTTLS");
        s.ehlo().await.expect("EHLO after STARTTLS");
        let auth = s.auth_plain(user, password).await.expect("AUTH");
        assert_eq!(auth.code, 235, "AUTH with the right password: {auth:?}");
        let mail = s
            .cmd(&format!("MAIL FROM:<{user}>"))
            .await
            .expect("MAIL FROM");
        assert_eq!(mail.code, 250, "MAIL FROM: {mail:?}");
        let elsewhere = s
            .cmd("RCPT TO:<bob@elsewhere.test>")
            .await
            .expect("RCPT TO");
        let unknown = s
            .cmd("RCPT TO:<nobody@example.test>")
            .await
            .expect("RCPT TO");
        let _ = s.cmd("RSET").await;
        let _ = s.cmd("QUIT").await;
        (elsewhere, unknown)
    })
}

/// A TLS failure on 465 from `client`: it speaks plain SMTP where TLS is expected, as a
/// mail program set to "no encryption" on the SSL port does. Returns what the server sent.
pub fn plain_text_on_465(client: &str) -> String {
    let dst = server_for(client, 465);
    in_netns(CUSTOMERS_NS, || async move {
        let src: IpAddr = client.parse().expect("a source address");
        let mut tcp = connect_from(src, dst, Duration::from_secs(5))
            .await
            .unwrap_or_else(|e| panic!("{client} cannot reach {dst}: {e}"));
        tcp.write_all(b"EHLO client.example.test\r\n")
            .await
            .expect("write");
        let mut got = Vec::new();
        let mut chunk = [0u8; 1024];
        // The server answers with a TLS alert (or nothing) and closes: bounded reads.
        for _ in 0..8 {
            match tokio::time::timeout(Duration::from_secs(3), tcp.read(&mut chunk)).await {
                Ok(Ok(0) | Err(_)) | Err(_) => break,
                Ok(Ok(n)) => got.extend_from_slice(&chunk[..n]),
            }
        }
        String::from_utf8_lossy(&got).into_owned()
    })
}

/// Implicit TLS on 465 from `client`, trusting `ca`: the greeting's code.
pub fn implicit_tls_greeting(client: &str, ca: &Path) -> u16 {
    let dst = server_for(client, 465);
    let ca = ca.to_path_buf();
    in_netns(CUSTOMERS_NS, || async move {
        let (greeting, mut s) = Smtp::connect_tls(client, dst, &ca, Duration::from_secs(5))
            .await
            .unwrap_or_else(|e| panic!("{client}: implicit TLS to {dst}: {e}"));
        let _ = s.cmd("QUIT").await;
        greeting.code
    })
}
