//! A scripted SMTP server on loopback for the hostile-server suite: one behaviour per
//! listener, in-process (tokio, its own thread and runtime), for what no real server does
//! on purpose. Every connection gets the same script; the server lives as long as the
//! returned [`Scripted`] and never sends to anything but the connection it accepted.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

pub type Conn = BufReader<TcpStream>;
type Script = Arc<dyn Fn(Conn) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// A running scripted server; stops when dropped.
pub struct Scripted {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for Scripted {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts a server that runs `script` on every connection it accepts.
pub fn serve<F, Fut>(script: F) -> Scripted
where
    F: Fn(Conn) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let script: Script = Arc::new(move |c| Box::pin(script(c)));
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop, stopped) = oneshot::channel::<()>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            let accept = async {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    tokio::spawn(script(BufReader::new(stream)));
                }
            };
            tokio::select! {
                () = accept => {}
                _ = stopped => {}
            }
        });
    });
    Scripted {
        addr: addr_rx.recv().unwrap(),
        stop: Some(stop),
    }
}

/// Writes `data`, ignoring a peer that went away (the client may stop reading any time).
pub async fn send<W: AsyncWrite + Unpin>(w: &mut W, data: &[u8]) -> bool {
    w.write_all(data).await.is_ok() && w.flush().await.is_ok()
}

/// Reads one command line (at most 4 KB, 30 s); `None` when the client is gone.
pub async fn command<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> Option<String> {
    let mut line = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), async {
        let mut limited = (&mut *r).take(4096);
        limited.read_until(b'\n', &mut line).await
    })
    .await;
    match read {
        Ok(Ok(n)) if n > 0 => Some(String::from_utf8_lossy(&line).trim_end().to_string()),
        _ => None,
    }
}

use tokio::io::AsyncReadExt as _;

/// The verb of a command line, upper-cased.
pub fn verb(line: &str) -> String {
    line.split(' ').next().unwrap_or("").to_ascii_uppercase()
}

/// A well-behaved answer to every command but the ones `special` answers (it returns the
/// bytes to send, or `None` for the default). `ehlo` is the EHLO reply.
pub async fn session<F>(mut c: Conn, greeting: &[u8], ehlo: &[u8], special: F)
where
    F: Fn(&str) -> Option<Vec<u8>>,
{
    if !send(&mut c, greeting).await {
        return;
    }
    for _ in 0..64 {
        let Some(line) = command(&mut c).await else {
            return;
        };
        let answer = match special(&line) {
            Some(a) => a,
            None => match verb(&line).as_str() {
                "EHLO" => ehlo.to_vec(),
                "QUIT" => {
                    let _ = send(&mut c, b"221 2.0.0 bye\r\n").await;
                    return;
                }
                "AUTH" => b"535 5.7.8 authentication failed\r\n".to_vec(),
                _ => b"250 2.0.0 ok\r\n".to_vec(),
            },
        };
        if !send(&mut c, &answer).await {
            return;
        }
    }
}

/// Makes a self-signed certificate and key (PEM) for `subject` with `openssl` in `dir`, and
/// returns (certificate, key).
pub fn self_signed(dir: &std::path::Path, name: &str, subject: &str) -> (Vec<u8>, Vec<u8>) {
    let key = dir.join(format!("{name}.key"));
    let cert = dir.join(format!("{name}.pem"));
    let status = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-days", "2", "-utf8", "-subj", subject])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success(), "openssl req failed for {subject:?}");
    (std::fs::read(cert).unwrap(), std::fs::read(key).unwrap())
}

/// A TLS acceptor for the certificate chain `chain_pem` (leaf first) and its key.
pub fn acceptor(chain_pem: &[u8], key_pem: &[u8]) -> tokio_native_tls::TlsAcceptor {
    let identity = native_tls::Identity::from_pkcs8(chain_pem, key_pem).expect("identity");
    tokio_native_tls::TlsAcceptor::from(native_tls::TlsAcceptor::new(identity).expect("acceptor"))
}
