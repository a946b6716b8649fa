//! The namespaced lab (tests/netlab/netlab.sh) for tests: its addresses, and one scenario
//! at a time. The scenarios change shared state (firewall rules, running servers), so the
//! cases of a test binary take turns through `TURN`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

/// Held by a case for as long as it sets a scenario and runs the tool.
pub static TURN: Mutex<()> = Mutex::new(());

/// The PC's public address: the ISP router's SNAT address.
pub const PUBLIC_IP: &str = "203.0.113.7";
pub const WHOAMI_DNS: &str = "203.0.113.54";
pub const REFERENCE: &str = "smtp.reference.test";

pub fn netlab_dir() -> PathBuf {
    PathBuf::from(
        std::env::var_os("SMTP_DOCTOR_NETLAB").unwrap_or_else(|| "/tmp/smtp-doctor-netlab".into()),
    )
}

fn netlab_sh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/netlab/netlab.sh")
}

/// Runs `netlab.sh ARGS`, panicking with its output when it fails.
pub fn netlab(args: &[&str]) {
    let out = Command::new("bash")
        .arg(netlab_sh())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run netlab.sh: {e}"));
    assert!(
        out.status.success(),
        "netlab.sh {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn require_netlab() {
    let ready = netlab_dir().join("ready");
    assert!(
        ready.is_file(),
        "the network lab is not running: run `sudo bash tests/run.sh` \
         (or `sudo bash tests/netlab/netlab.sh up` before `cargo test`); no {}",
        ready.display()
    );
}

/// One scenario, set for the duration of a case and cleared afterwards (also on panic).
pub struct Scenario;

impl Scenario {
    /// `name` "none" leaves the lab as it is after `clear`: everything working.
    pub fn set(name: &str, delay_ms: u32) -> Scenario {
        if name == "none" {
            netlab(&["clear"]);
        } else {
            netlab(&["set", name]);
        }
        if delay_ms > 0 {
            netlab(&["delay", &delay_ms.to_string()]);
        }
        Scenario
    }
}

impl Drop for Scenario {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(netlab_sh())
            .args(["delay", "off"])
            .output();
        let _ = Command::new("bash").arg(netlab_sh()).arg("clear").output();
    }
}
