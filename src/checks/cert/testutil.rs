//! Certificate factories for tests, shared with `checks::tls`: they run the `openssl` binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

/// A temporary directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("smtp-doctor-test-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const EC: [&str; 4] = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];

/// A self-signed certificate `<name>.pem` / `<name>.key`, valid for `days` from now.
pub fn self_signed(dir: &TempDir, name: &str, subj: &str, san: Option<&str>) -> PathBuf {
    let (cert, key) = (format!("{name}.pem"), format!("{name}.key"));
    let mut args = vec!["req", "-x509"];
    args.extend(EC);
    args.extend([
        "-nodes", "-days", "30", "-subj", subj, "-keyout", &key, "-out", &cert,
    ]);
    let ext;
    if let Some(san) = san {
        ext = format!("subjectAltName={san}");
        args.extend(["-addext", &ext]);
    }
    openssl(&dir.0, &args);
    dir.path(&cert)
}

/// A CA (`ca.pem`, `ca.key`) with a config for `openssl ca`.
pub fn make_ca(dir: &TempDir, subj: &str) -> PathBuf {
    let mut args = vec!["req", "-x509"];
    args.extend(EC);
    args.extend([
        "-nodes",
        "-days",
        "30",
        "-subj",
        subj,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
    ]);
    openssl(&dir.0, &args);
    std::fs::create_dir_all(dir.path("db")).unwrap();
    std::fs::write(dir.path("db/index.txt"), "").unwrap();
    std::fs::write(dir.path("db/serial"), "01\n").unwrap();
    std::fs::write(
        dir.path("ca.cnf"),
        "[ca]\ndefault_ca = t\n[t]\ndatabase = db/index.txt\nnew_certs_dir = db\n\
         serial = db/serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\n\
         unique_subject = no\npreserve = yes\n[p]\norganizationName = optional\n\
         commonName = optional\n",
    )
    .unwrap();
    dir.path("ca.pem")
}

/// A leaf `<name>.pem` / `<name>.key` signed by the CA made with [`make_ca`]; `dates` is
/// `Some((start, end))` in `YYYYMMDDHHMMSSZ` form, or `None` for 30 days from now.
pub fn ca_signed(
    dir: &TempDir,
    name: &str,
    subj: &str,
    san: &str,
    dates: Option<(&str, &str)>,
) -> PathBuf {
    let (cert, key, csr) = (
        format!("{name}.pem"),
        format!("{name}.key"),
        format!("{name}.csr"),
    );
    let ext = format!("subjectAltName={san}");
    let mut args = vec!["req"];
    args.extend(EC);
    args.extend([
        "-nodes", "-subj", subj, "-keyout", &key, "-out", &csr, "-addext", &ext,
    ]);
    openssl(&dir.0, &args);
    let mut args = vec![
        "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
        "-in", &csr, "-out", &cert,
    ];
    match dates {
        Some((start, end)) => args.extend(["-startdate", start, "-enddate", end]),
        None => args.extend(["-days", "30"]),
    }
    openssl(&dir.0, &args);
    dir.path(&cert)
}

pub fn der_of(pem_path: &Path) -> Vec<u8> {
    let pem = std::fs::read(pem_path).unwrap();
    let (_, pem) = x509_parser::pem::parse_x509_pem(&pem).unwrap();
    pem.contents
}
