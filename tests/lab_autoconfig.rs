//! The new-account path against the real lab: a real nginx (tests/lab/autoconfig_web.sh)
//! serves Outlook's Autodiscover and Thunderbird's autoconfig files over HTTPS for one lab
//! domain per case; every domain's submission server is the lab's Postfix
//! (smtp.example.test, 587 STARTTLS, through an SRV record). `check --new-account` with only
//! the address fetches every place and compares what is published with what it verified.
//!
//! Run with `sudo bash tests/run.sh --test lab_autoconfig` (brings the lab up and down).

mod common;

use common::{run_check, CheckRun};
use serde_json::Value;

fn new_account(email: &str) -> CheckRun {
    run_check(&["--email", email, "--new-account"], None)
}

fn cause<'a>(run: &'a CheckRun, code: &str) -> Option<&'a Value> {
    run.report()["causes"]
        .as_array()?
        .iter()
        .find(|c| c["code"] == code)
}

/// Title, explanation and fix steps of a cause, joined.
fn text(c: &Value) -> String {
    let mut all = vec![
        c["title"].as_str().unwrap_or_default().to_string(),
        c["explanation"].as_str().unwrap_or_default().to_string(),
    ];
    for step in c["fix"].as_array().into_iter().flatten() {
        all.push(step.as_str().unwrap_or_default().to_string());
    }
    all.join("\n")
}

fn check<'a>(run: &'a CheckRun, id: &str) -> &'a Value {
    run.report()["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id}\n{}", run.pretty()))
}

const NEW_ACCOUNT_CAUSES: [&str; 4] = [
    "config.autoconfig_wrong",
    "server.autodiscover_cert_mismatch",
    "server.autodiscover_cert_untrusted",
    "config.autoconfig_missing",
];

fn assert_no_new_account_cause(run: &CheckRun) {
    for code in NEW_ACCOUNT_CAUSES {
        assert!(cause(run, code).is_none(), "{code}\n{}", run.pretty());
    }
}

#[test]
fn correct_files_give_no_cause() {
    let run = new_account("alice@ac-good.test");
    assert_no_new_account_cause(&run);
    let outlook = check(&run, "autoconfig.outlook");
    assert_eq!(outlook["status"], "pass", "{}", run.pretty());
    assert_eq!(
        outlook["detail"]["chosen"],
        "https://autodiscover.ac-good.test/autodiscover/autodiscover.xml"
    );
    assert!(
        outlook["summary"]
            .as_str()
            .unwrap()
            .contains("smtp.example.test:587 STARTTLS"),
        "{}",
        run.pretty()
    );
    let thunderbird = check(&run, "autoconfig.thunderbird");
    assert_eq!(thunderbird["status"], "pass", "{}", run.pretty());
    assert_eq!(
        thunderbird["detail"]["chosen"],
        "https://autoconfig.ac-good.test/mail/config-v1.1.xml?emailaddress=alice%40ac-good.test"
    );
    // Outlook's first place (the domain itself) has no address here: asked, not reached.
    assert_eq!(outlook["detail"]["places"][0]["reached"], false);
}

#[test]
fn a_file_naming_an_old_server_is_wrong_with_the_values() {
    let run = new_account("alice@ac-oldhost.test");
    assert_eq!(
        run.primary_cause(),
        "config.autoconfig_wrong",
        "{}",
        run.pretty()
    );
    let t = text(cause(&run, "config.autoconfig_wrong").unwrap());
    for want in [
        "Outlook and Thunderbird",
        "https://autodiscover.ac-oldhost.test/autodiscover/autodiscover.xml",
        "the server mail.old-hosting.test",
        "server smtp.example.test, port 587, encryption STARTTLS",
        "user name %EMAILADDRESS%",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
    // The report carries the corrected files for the host, with the verified values.
    let files = &run.report()["host_files"];
    let autoconfig = files["autoconfig_xml"].as_str().unwrap_or_default();
    for want in [
        "<hostname>smtp.example.test</hostname>",
        "<port>587</port>",
        "<socketType>STARTTLS</socketType>",
    ] {
        assert!(autoconfig.contains(want), "{want}\n{}", run.pretty());
    }
    let autodiscover = files["autodiscover_xml"].as_str().unwrap_or_default();
    for want in ["<Server>smtp.example.test</Server>", "<Port>587</Port>"] {
        assert!(autodiscover.contains(want), "{want}\n{}", run.pretty());
    }
    assert!(!autoconfig.contains("old-hosting"), "{autoconfig}");
}

#[test]
fn ssl_on_the_starttls_port_is_wrong() {
    let run = new_account("alice@ac-sslport.test");
    assert_eq!(
        run.primary_cause(),
        "config.autoconfig_wrong",
        "{}",
        run.pretty()
    );
    let t = text(cause(&run, "config.autoconfig_wrong").unwrap());
    for want in [
        "encryption SSL on port 587",
        "port 587, encryption STARTTLS",
        "https://autodiscover.ac-sslport.test/autodiscover/autodiscover.xml",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
}

#[test]
fn a_certificate_for_another_name_on_autodiscover_warns() {
    let run = new_account("alice@ac-badcert.test");
    assert_eq!(
        run.primary_cause(),
        "server.autodiscover_cert_mismatch",
        "{}",
        run.pretty()
    );
    let t = text(cause(&run, "server.autodiscover_cert_mismatch").unwrap());
    for want in [
        "The name on the security certificate is invalid or does not match the name of the site",
        "https://autodiscover.ac-badcert.test/autodiscover/autodiscover.xml",
        "(www.hosting-company.test)",
        "Please add autodiscover.ac-badcert.test to the certificate",
        "outgoing server smtp.example.test, port 587",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
    let place = &check(&run, "autoconfig.outlook")["detail"]["places"][1];
    assert_eq!(place["cert_problem"], "name_mismatch", "{}", run.pretty());
}

#[test]
fn a_self_signed_certificate_on_autodiscover_is_not_to_be_accepted() {
    let run = new_account("alice@ac-selfsigned.test");
    assert_eq!(
        run.primary_cause(),
        "server.autodiscover_cert_untrusted",
        "{}",
        run.pretty()
    );
    assert!(
        cause(&run, "server.autodiscover_cert_mismatch").is_none(),
        "{}",
        run.pretty()
    );
    let t = text(cause(&run, "server.autodiscover_cert_untrusted").unwrap());
    for want in [
        "There is a problem with the site's security certificate",
        "It is not safe to choose Yes",
        "choose No",
        "https://autodiscover.ac-selfsigned.test/autodiscover/autodiscover.xml",
        "Please install a valid certificate from a public certificate authority for autodiscover.ac-selfsigned.test",
        "outgoing server smtp.example.test, port 587",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
    let place = &check(&run, "autoconfig.outlook")["detail"]["places"][1];
    assert_eq!(place["cert_problem"], "self_signed", "{}", run.pretty());
    assert_eq!(place["cert_host"], "autodiscover.ac-selfsigned.test");
}

#[test]
fn a_redirect_address_is_followed_once() {
    let run = new_account("alice@ac-redirect-addr.test");
    assert_no_new_account_cause(&run);
    let outlook = check(&run, "autoconfig.outlook");
    assert_eq!(outlook["status"], "pass", "{}", run.pretty());
    let host = outlook["detail"]["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["place"] == "autodiscover_host")
        .unwrap();
    assert_eq!(
        host["redirect_addr"],
        "alice@ac-mailbox.test",
        "{}",
        run.pretty()
    );
    assert_eq!(
        host["final_url"],
        "https://autodiscover.ac-mailbox.test/autodiscover/autodiscover.xml"
    );
    assert_eq!(host["smtp"][0]["user"], "alice@ac-redirect-addr.test");
    assert_eq!(
        outlook["detail"]["chosen"],
        "https://autodiscover.ac-mailbox.test/autodiscover/autodiscover.xml"
    );
}

#[test]
fn the_http_redirect_method_is_followed_to_https() {
    let run = new_account("alice@ac-redirect.test");
    assert_no_new_account_cause(&run);
    let outlook = check(&run, "autoconfig.outlook");
    let places = outlook["detail"]["places"].as_array().unwrap();
    let redirect = places
        .iter()
        .find(|p| p["place"] == "autodiscover_redirect")
        .unwrap();
    assert_eq!(
        redirect["url"],
        "http://autodiscover.ac-redirect.test/autodiscover/autodiscover.xml"
    );
    assert_eq!(
        redirect["final_url"],
        "https://autodiscover.ac-redirect-host.test/autodiscover/autodiscover.xml",
        "{}",
        run.pretty()
    );
    assert_eq!(redirect["smtp"][0]["server"], "smtp.example.test");
    assert_eq!(
        outlook["detail"]["chosen"],
        "https://autodiscover.ac-redirect-host.test/autodiscover/autodiscover.xml"
    );
    // The https place on the same name exists but has no file: 404, asked before.
    let host = places
        .iter()
        .find(|p| p["place"] == "autodiscover_host")
        .unwrap();
    assert_eq!(host["status"], 404, "{}", run.pretty());
}

#[test]
fn nothing_published_is_a_note_with_the_values_to_type() {
    let run = new_account("alice@ac-none.test");
    let c = cause(&run, "config.autoconfig_missing")
        .unwrap_or_else(|| panic!("no missing note\n{}", run.pretty()));
    let t = text(c);
    assert!(t.contains("ac-none.test"), "{t}");
    assert!(
        t.contains("outgoing server smtp.example.test, port 587, encryption STARTTLS"),
        "{t}"
    );
    assert_eq!(check(&run, "autoconfig.outlook")["status"], "warn");
    assert_eq!(check(&run, "autoconfig.thunderbird")["status"], "warn");
}

#[test]
fn without_the_new_account_flag_nothing_is_fetched() {
    let run = run_check(&["--email", "alice@ac-oldhost.test"], None);
    assert_no_new_account_cause(&run);
    let ids: Vec<&str> = run.report()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(!ids.iter().any(|i| i.starts_with("autoconfig.")), "{ids:?}");
}
