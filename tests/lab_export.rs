//! `check --write-thunderbird` and `--write-mobileconfig` against the lab's real Postfix:
//! a working account gets both files, whole and parseable; a failing one gets none.
//!
//! Run with `flock /tmp/sd-lab.lock bash tests/run.sh --test lab_export`.

mod common;

use std::path::{Path, PathBuf};

use common::{lab, run_check, EMAIL, PASSWORD};

const INCOMING: &str = "imap:imap.example.test:993:tls";

/// A fresh, empty folder for one test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sd-lab-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The text of `<name>` inside `<parent>`, read with an XML parser.
fn element_text(xml: &str, parent: &str, name: &str) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    for _ in 0..10_000 {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(e.name().as_ref().to_string()),
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                let n = stack.len();
                if n >= 2 && stack[n - 1] == name && stack[n - 2] == parent {
                    return Some(
                        t.xml_content(quick_xml::XmlVersion::Implicit1_0)
                            .into_owned(),
                    );
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
    None
}

#[test]
fn a_working_account_gets_both_files() {
    lab();
    let dir = folder("ok");
    let (tb, mc) = (dir.join("config-v1.1.xml"), dir.join("mail.mobileconfig"));
    let (tb_s, mc_s) = (s(&tb), s(&mc));
    let run = run_check(
        &[
            "--email",
            EMAIL,
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--write-thunderbird",
            &tb_s,
            "--write-mobileconfig",
            &mc_s,
            "--incoming",
            INCOMING,
        ],
        Some(PASSWORD),
    );
    assert_eq!(run.code, 0, "{}\n--- stderr\n{}", run.pretty(), run.stderr);

    let xml = std::fs::read_to_string(&tb).expect("the Thunderbird file");
    assert_eq!(
        element_text(&xml, "outgoingServer", "hostname").as_deref(),
        Some("smtp.example.test")
    );
    assert_eq!(
        element_text(&xml, "outgoingServer", "port").as_deref(),
        Some("587")
    );
    assert_eq!(
        element_text(&xml, "outgoingServer", "socketType").as_deref(),
        Some("STARTTLS")
    );
    assert_eq!(
        element_text(&xml, "outgoingServer", "username").as_deref(),
        Some("%EMAILADDRESS%")
    );
    assert_eq!(
        element_text(&xml, "incomingServer", "hostname").as_deref(),
        Some("imap.example.test")
    );

    let profile = plist::Value::from_file(&mc).expect("a plist");
    let top = profile.as_dictionary().expect("a dictionary");
    let mail = top["PayloadContent"].as_array().unwrap()[0]
        .as_dictionary()
        .unwrap();
    assert_eq!(
        mail["OutgoingMailServerHostName"].as_string(),
        Some("smtp.example.test")
    );
    assert_eq!(
        mail["OutgoingMailServerPortNumber"].as_unsigned_integer(),
        Some(587)
    );
    assert_eq!(mail["OutgoingMailServerUsername"].as_string(), Some(EMAIL));
    let text = std::fs::read_to_string(&mc).unwrap();
    assert!(!text.contains(PASSWORD), "the password is in the profile");

    // A second run refuses to overwrite, before testing anything.
    let again = run_check(
        &[
            "--email",
            EMAIL,
            "--server",
            "smtp.example.test",
            "--write-thunderbird",
            &tb_s,
        ],
        Some(PASSWORD),
    );
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(again.stdout.is_empty());
    assert!(again.stderr.contains("exists already"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&tb).unwrap(), xml);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failing_account_gets_no_file() {
    lab();
    let dir = folder("fail");
    let (tb, mc) = (dir.join("config-v1.1.xml"), dir.join("mail.mobileconfig"));
    let (tb_s, mc_s) = (s(&tb), s(&mc));
    let run = run_check(
        &[
            "--email",
            EMAIL,
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
            "--write-thunderbird",
            &tb_s,
            "--write-mobileconfig",
            &mc_s,
            "--incoming",
            INCOMING,
        ],
        Some("not the password"),
    );
    assert_eq!(run.code, 1, "{}\n--- stderr\n{}", run.pretty(), run.stderr);
    assert_eq!(
        run.primary_cause(),
        "config.auth_rejected",
        "{}",
        run.pretty()
    );
    assert!(
        run.stderr.contains("--write-thunderbird") && run.stderr.contains("nothing written"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "a file was written"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
