//! Provider profiles: the shipped files load and validate, lookups by domain and MX, reply
//! mappings on the providers' own texts, the override directory, and error positions.

use std::path::{Path, PathBuf};

use smtp_doctor::profiles::{Profile, ProfileErrors, Profiles, Signin, UsernameForm};
use smtp_doctor::settings::Security;

fn shipped() -> &'static Profiles {
    Profiles::embedded().unwrap_or_else(|e| panic!("shipped profiles invalid:\n{e}"))
}

fn get(id: &str) -> &'static Profile {
    shipped()
        .get(id)
        .unwrap_or_else(|| panic!("no profile {id}"))
}

/// A fresh directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "smtp-doctor-profiles-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn write(&self, file: &str, text: &str) -> PathBuf {
        let p = self.0.join(file);
        std::fs::write(&p, text).expect("write");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const MINIMAL: &str = r#"id = "acme"
name = "Acme Mail"
domains = ["acme.test"]
username = "email"
signin = "password"
who_acts = "person"

[[submission]]
host = "smtp.acme.test"
port = 587
security = "starttls"
"#;

#[test]
fn every_shipped_profile_loads_and_validates() {
    let p = shipped();
    assert!(p.len() >= 20, "only {} profiles", p.len());
    let providers = p.all().iter().filter(|p| !p.generic).count();
    assert!(providers >= 20, "only {providers} providers");
    for id in [
        "microsoft365",
        "outlook_com",
        "gmail",
        "yahoo",
        "aol",
        "icloud",
        "zoho",
        "fastmail",
        "gmx_net",
        "gmx_com",
        "webde",
        "t_online",
        "proton_bridge",
        "ionos",
        "godaddy",
        "ovh",
        "namecheap",
        "hostinger",
        "rackspace",
        "zimbra",
        "cpanel",
        "plesk",
    ] {
        assert!(p.get(id).is_some(), "{id} missing");
    }
    for prof in p.all() {
        assert!(!prof.sources.is_empty(), "{}: no sources", prof.id);
        assert!(!prof.submission.is_empty(), "{}", prof.id);
        for r in &prof.reply {
            assert!(
                r.example.is_some(),
                "{}: a reply rule lacks an example",
                prof.id
            );
            assert!(smtp_doctor::causes::is_known(&r.cause), "{}", r.cause);
        }
    }
}

#[test]
fn every_profile_file_is_embedded_under_its_own_id() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("profiles dir")
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut origins: Vec<String> = shipped().all().iter().map(|p| p.origin.clone()).collect();
    origins.sort();
    let expected: Vec<String> = files.iter().map(|f| format!("profiles/{f}")).collect();
    assert_eq!(
        origins, expected,
        "add new files to src/profiles/embedded.rs"
    );
    for p in shipped().all() {
        assert_eq!(p.origin, format!("profiles/{}.toml", p.id));
        // The file on disk is the embedded text: reparse it to prove it on its own.
        let text = std::fs::read_to_string(dir.join(format!("{}.toml", p.id))).expect("read");
        assert_eq!(&Profile::parse(&text, &p.origin).expect("parses"), p);
    }
}

#[test]
fn each_reply_rule_matches_its_own_example() {
    let all = shipped();
    for p in all.all() {
        for r in &p.reply {
            let example = r.example.as_deref().unwrap_or_default();
            let m = all
                .match_reply(Some(p), example)
                .unwrap_or_else(|| panic!("{}: {example:?} not matched", p.id));
            assert_eq!(
                m.cause, r.cause,
                "{}: {example:?} matched an earlier rule",
                p.id
            );
            assert_eq!(m.profile_id, p.id);
            if r.generic {
                // Recognisable without knowing the provider (possibly via another provider's
                // identical wording, e.g. AUTH005 of Yahoo and AOL).
                let m = all
                    .match_reply(None, example)
                    .unwrap_or_else(|| panic!("{}: generic {example:?} not matched", p.id));
                assert_eq!(m.cause, r.cause, "{}: {example:?}", p.id);
            }
        }
    }
}

#[test]
fn provider_replies_map_to_causes() {
    let all = shipped();
    let cases: &[(Option<&str>, &str, &str, &str)] = &[
        (
            Some("gmail"),
            "534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2-20020a05 - gsmtp",
            "config.app_password_required",
            "gmail",
        ),
        (
            Some("gmail"),
            "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020a17 - gsmtp",
            "config.auth_rejected",
            "gmail",
        ),
        (
            None,
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]",
            "config.smtp_auth_disabled",
            "microsoft365",
        ),
        (
            Some("microsoft365"),
            "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
            "config.smtp_auth_disabled",
            "microsoft365",
        ),
        (
            None,
            "550 5.7.30 Basic authentication is not supported for Client Submission.",
            "config.oauth_required",
            "microsoft365",
        ),
        (
            Some("microsoft365"),
            "530 5.7.57 Client not authenticated to send mail.",
            "config.auth_missing",
            "microsoft365",
        ),
        (
            None,
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
            "config.sender_rejected",
            "microsoft365",
        ),
        (
            None,
            "451 5.7.3 STARTTLS is required to send mail [BN6PR01CA0001.prod.outlook.com]",
            "config.encryption_off",
            "microsoft365",
        ),
        (
            Some("outlook_com"),
            "535 5.7.3 Authentication unsuccessful [BL1PR13CA0001.namprd13.prod.outlook.com]",
            "config.oauth_required",
            "outlook_com",
        ),
        (
            None,
            "535 5.7.3 Authentication unsuccessful",
            "config.auth_rejected",
            "microsoft365",
        ),
        (
            Some("outlook_com"),
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
            "config.sender_rejected",
            "microsoft365",
        ),
        (
            Some("yahoo"),
            "535 5.7.0 (#AUTH005) Too many bad auth attempts.",
            "config.app_password_required",
            "yahoo",
        ),
        (
            Some("aol"),
            "535 5.7.0 (#AUTH005) Too many bad auth attempts.",
            "config.app_password_required",
            "aol",
        ),
        (
            Some("zoho"),
            "553 Relaying disallowed as anna@example.org",
            "config.sender_rejected",
            "zoho",
        ),
        (
            None,
            "553 Relaying disallowed as anna@example.org",
            "config.sender_rejected",
            "zoho",
        ),
        (
            Some("zoho"),
            "535 Authentication Failed",
            "config.auth_rejected",
            "zoho",
        ),
        (
            None,
            "535 Incorrect authentication data",
            "config.auth_rejected",
            "cpanel",
        ),
        (
            Some("cpanel"),
            "535 Incorrect authentication data",
            "config.auth_rejected",
            "cpanel",
        ),
        (
            None,
            "535 5.7.8 Error: authentication failed: authentication failure",
            "config.auth_rejected",
            "plesk",
        ),
        (
            Some("icloud"),
            "535 5.7.8 Authentication failed",
            "config.auth_rejected",
            "icloud",
        ),
    ];
    for (profile, text, cause, from) in cases {
        let prof = profile.map(get);
        let m = all
            .match_reply(prof, text)
            .unwrap_or_else(|| panic!("{profile:?}: {text:?} not matched"));
        assert_eq!(&m.cause, cause, "{profile:?}: {text:?}");
        assert_eq!(&m.profile_id, from, "{profile:?}: {text:?}");
        assert!(!m.explain.is_empty());
    }
    // Case does not matter.
    assert_eq!(
        all.match_reply(None, "535 INCORRECT AUTHENTICATION DATA")
            .map(|m| m.cause),
        Some("config.auth_rejected".to_string())
    );
    // A plain wrong-password reply from an unknown server is not a provider's wording, and a
    // provider-only rule (iCloud's bare 535) does not leak to other domains.
    assert_eq!(
        all.match_reply(None, "535 5.7.8 Authentication failed"),
        None
    );
    assert_eq!(all.match_reply(Some(get("gmx_net")), "250 OK"), None);
}

#[test]
fn lookups_by_domain() {
    let p = shipped();
    let id = |d: &str| p.by_domain(d).map(|p| p.id.as_str());
    assert_eq!(id("gmail.com"), Some("gmail"));
    assert_eq!(id(" GMail.COM. "), Some("gmail"));
    assert_eq!(id("anna@googlemail.com"), Some("gmail"));
    assert_eq!(id("hotmail.co.uk"), Some("outlook_com"));
    assert_eq!(id("outlook.com"), Some("outlook_com"));
    assert_eq!(id("contoso.onmicrosoft.com"), Some("microsoft365"));
    assert_eq!(id("onmicrosoft.com"), None);
    assert_eq!(id("web.de"), Some("webde"));
    assert_eq!(id("gmx.de"), Some("gmx_net"));
    assert_eq!(id("gmx.com"), Some("gmx_com"));
    assert_eq!(id("t-online.de"), Some("t_online"));
    assert_eq!(id("me.com"), Some("icloud"));
    assert_eq!(id("example.com"), None);
    assert_eq!(id(""), None);
    assert_eq!(id("@"), None);
}

#[test]
fn lookups_by_mx() {
    let p = shipped();
    let id = |mx: &[&str]| {
        let mx: Vec<String> = mx.iter().map(std::string::ToString::to_string).collect();
        p.by_mx(&mx).map(|p| p.id.clone())
    };
    assert_eq!(
        id(&["example-com.mail.protection.outlook.com"]).as_deref(),
        Some("microsoft365")
    );
    assert_eq!(
        id(&["EXAMPLE-COM.MAIL.PROTECTION.OUTLOOK.COM."]).as_deref(),
        Some("microsoft365")
    );
    assert_eq!(id(&["ALT1.ASPMX.L.GOOGLE.COM."]).as_deref(), Some("gmail"));
    assert_eq!(id(&["smtp.google.com"]).as_deref(), Some("gmail"));
    assert_eq!(
        id(&["mx.example.net", "eur.olc.protection.outlook.com"]).as_deref(),
        Some("outlook_com")
    );
    assert_eq!(id(&["mta7.am0.yahoodns.net"]).as_deref(), Some("yahoo"));
    assert_eq!(
        id(&["mx-aol.mail.gm0.yahoodns.net"]).as_deref(),
        Some("aol")
    );
    assert_eq!(id(&["mx1.mail.ovh.net"]).as_deref(), Some("ovh"));
    assert_eq!(
        id(&["in1-smtp.messagingengine.com"]).as_deref(),
        Some("fastmail")
    );
    assert_eq!(id(&["mx.example.net"]), None);
    assert_eq!(id(&[]), None);
    // The suffix alone, or a look-alike, is not a subdomain.
    assert_eq!(id(&["mail.protection.outlook.com"]), None);
    assert_eq!(id(&["evil-protection.outlook.com.example"]), None);

    // Each profile's own patterns lead back to it, so no two profiles claim the same MX.
    for prof in p.all() {
        for pat in &prof.mx_patterns {
            let host = match pat.strip_prefix("*.") {
                Some(suffix) => format!("mx1.{suffix}"),
                None => pat.clone(),
            };
            assert_eq!(
                id(&[host.as_str()]).as_deref(),
                Some(prof.id.as_str()),
                "{host}"
            );
        }
    }
}

#[test]
fn generic_profiles_and_submission_endpoints() {
    let p = shipped();
    let mut generic: Vec<&str> = p.generic().map(|p| p.id.as_str()).collect();
    generic.sort_unstable();
    assert_eq!(generic, ["cpanel", "plesk", "zimbra"]);

    let cpanel = get("cpanel").submission_for("Example.ORG.");
    let got: Vec<(&str, u16, Security)> = cpanel
        .iter()
        .map(|e| (e.server.as_str(), e.port, e.security))
        .collect();
    assert_eq!(
        got,
        [
            ("mail.example.org", 465, Security::Tls),
            ("mail.example.org", 587, Security::Starttls),
            ("mail.example.org", 2525, Security::Starttls),
            ("mail.example.org", 26, Security::Starttls),
        ]
    );
    assert!(cpanel.iter().all(|e| e.user.is_none()));

    let gmail = get("gmail").submission_for("gmail.com");
    assert_eq!(gmail[0].server, "smtp.gmail.com");
    assert_eq!((gmail[0].port, gmail[0].security), (465, Security::Tls));
    assert_eq!(
        (gmail[1].port, gmail[1].security),
        (587, Security::Starttls)
    );
    assert_eq!(get("gmail").signin, Signin::AppPasswordOrOauth);
    assert!(get("gmail").is_submission_host("SMTP.GMAIL.COM.", "gmail.com"));
    assert!(!get("gmail").is_submission_host("smtp.googlemail.com", "gmail.com"));
    assert!(get("plesk").is_submission_host("mail.example.org", "example.org"));

    let webde = get("webde");
    assert_eq!(webde.username, UsernameForm::LocalPart);
    assert_eq!(webde.username_for("anna.muster@web.de"), "anna.muster");
    assert_eq!(get("gmail").username_for("a@gmail.com"), "a@gmail.com");
    assert_eq!(
        get("microsoft365").submission_for("x")[0].server,
        "smtp.office365.com"
    );
    assert_eq!(get("outlook_com").signin, Signin::OauthOnly);

    // Reports carry profiles as JSON without the local file path.
    let json = serde_json::to_value(get("gmail")).expect("json");
    assert_eq!(json["id"], "gmail");
    assert_eq!(json["signin"], "app_password_or_oauth");
    assert_eq!(json["submission"][0]["security"], "tls");
    assert!(json.get("origin").is_none());
}

#[test]
fn override_directory_replaces_by_id_and_adds() {
    let dir = TempDir::new("override");
    let gmail =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/gmail.toml"))
            .expect("gmail.toml")
            .replace("host = \"smtp.gmail.com\"", "host = \"smtp.relay.example\"");
    dir.write("gmail.toml", &gmail);
    let acme = dir.write("zz-acme.toml", MINIMAL);
    dir.write("README.md", "not a profile");
    std::fs::create_dir(dir.0.join("sub.toml")).expect("a directory named like a profile");

    let loaded = Profiles::load(Some(&dir.0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.len(), shipped().len() + 1);
    let g = loaded.get("gmail").expect("gmail");
    assert_eq!(g.submission[0].host, "smtp.relay.example");
    assert_eq!(g.origin, dir.0.join("gmail.toml").display().to_string());
    assert_eq!(
        loaded
            .by_domain("gmail.com")
            .map(|p| p.submission[0].host.as_str()),
        Some("smtp.relay.example")
    );
    let a = loaded.by_domain("acme.test").expect("acme");
    assert_eq!(a.id, "acme");
    assert_eq!(a.origin, acme.display().to_string());
    // Added profiles come first in lookup order.
    assert_eq!(loaded.all()[0].id, "gmail");
    assert_eq!(loaded.all()[1].id, "acme");
    // The shipped set is untouched.
    assert_eq!(
        shipped()
            .get("gmail")
            .map(|p| p.submission[0].host.as_str()),
        Some("smtp.gmail.com")
    );
    assert_eq!(
        Profiles::load(None).expect("shipped").len(),
        shipped().len()
    );
}

fn errors_of(dir: &TempDir) -> ProfileErrors {
    Profiles::load(Some(&dir.0)).expect_err("should fail")
}

#[test]
fn malformed_profile_reports_file_line_column() {
    let dir = TempDir::new("malformed");
    // Line 2 holds multi-byte characters before the error: columns count characters.
    let bad = dir.write("bad.toml", "id = \"bad\"\nname = \"Zürich Mail\" x = 1\n");
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    let err = &e.0[0];
    assert_eq!(err.file, bad.display().to_string());
    // `x` is the 22nd character (the 23rd byte, as `ü` takes two).
    assert_eq!((err.line, err.column), (2, 22), "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("{}:2:22: ", bad.display())),
        "{e}"
    );

    // An unknown field is reported at its key.
    let dir = TempDir::new("unknown-field");
    let text = MINIMAL.replace(
        "who_acts = \"person\"\n",
        "who_acts = \"person\"\ncolour = \"red\"\n",
    );
    let f = dir.write("acme.toml", &text);
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!((e.0[0].line, e.0[0].column), (7, 1), "{e}");
    assert!(e.0[0].message.contains("unknown field `colour`"), "{e}");
    assert_eq!(e.0[0].file, f.display().to_string());

    // An unknown enum value, at the value.
    let dir = TempDir::new("bad-enum");
    dir.write(
        "acme.toml",
        &MINIMAL.replace("security = \"starttls\"", "security = \"ssl\""),
    );
    let e = errors_of(&dir);
    assert_eq!((e.0[0].line, e.0[0].column), (11, 12), "{e}");
}

#[test]
fn unknown_cause_code_is_reported_with_its_position() {
    let dir = TempDir::new("cause");
    let text = format!(
        "{MINIMAL}\n[[reply]]\ncontains = \"550 nope\"\ncause =   \"config.no_such_cause\"\nexplain = \"x\"\nexample = \"550 yes\"\n"
    );
    let f = dir.write("acme.toml", &text);
    let e = errors_of(&dir);
    let shown = e.to_string();
    assert_eq!(e.0.len(), 2, "{shown}");
    assert_eq!(e.0[0].file, f.display().to_string());
    assert_eq!((e.0[0].line, e.0[0].column), (15, 11), "{shown}");
    assert!(e.0[0].message.contains("config.no_such_cause"), "{shown}");
    // The example that does not fit its own rule is caught as well.
    assert_eq!((e.0[1].line, e.0[1].column), (17, 11), "{shown}");
    assert!(e.0[1].message.contains("example"), "{shown}");
    assert_eq!(shown.lines().count(), 2);
}

#[test]
fn validation_beyond_the_schema() {
    // Neither domains nor MX patterns, and no submission entry: both at the id.
    let dir = TempDir::new("validate");
    dir.write(
        "acme.toml",
        "id = \"acme\"\nname = \"Acme\"\nusername = \"email\"\nsignin = \"password\"\nwho_acts = \"person\"\n",
    );
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 2, "{e}");
    assert!(e.0.iter().all(|x| (x.line, x.column) == (1, 6)), "{e}");
    assert!(
        e.0[0]
            .message
            .contains("neither `domains` nor `mx_patterns`"),
        "{e}"
    );
    assert!(e.0[1].message.contains("no `[[submission]]`"), "{e}");

    // Bad patterns, host, port and `unconfirmed` entries, each at its value.
    let dir = TempDir::new("values");
    dir.write(
        "acme.toml",
        &MINIMAL
            .replace("domains = [\"acme.test\"]", "domains = [\"acme.test\", \"a b.test\"]\nmx_patterns = [\"mx.*.acme.test\"]\nunconfirmed = [\"colour\"]")
            .replace("host = \"smtp.acme.test\"", "host = \"smtp.{domian}\"")
            .replace("port = 587", "port = 0"),
    );
    let e = errors_of(&dir);
    let at: Vec<(usize, usize)> = e.0.iter().map(|x| (x.line, x.column)).collect();
    assert_eq!(at, [(3, 25), (4, 16), (11, 8), (12, 8), (5, 16)], "{e}");

    // A generic profile must not carry patterns; ids are lower-case words.
    let dir = TempDir::new("generic");
    dir.write(
        "acme.toml",
        &MINIMAL.replace("id = \"acme\"", "id = \"Acme Mail\"\ngeneric = true"),
    );
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 2, "{e}");
    assert!(e.0[0].message.contains("lower-case"), "{e}");
    assert!(e.0[1].message.contains("generic profile"), "{e}");
}

#[test]
fn duplicate_ids_name_both_files() {
    let dir = TempDir::new("dup");
    let a = dir.write("a.toml", MINIMAL);
    let b = dir.write("b.toml", &format!("# the same id again\n{MINIMAL}"));
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].file, b.display().to_string());
    assert_eq!((e.0[0].line, e.0[0].column), (2, 6));
    assert!(
        e.0[0]
            .message
            .contains(&format!("also defined in {}:1:6", a.display())),
        "{e}"
    );
}

#[test]
fn unreadable_directory_or_file_is_named() {
    let missing = std::env::temp_dir().join("smtp-doctor-no-such-profiles-dir");
    let e = Profiles::load(Some(&missing)).expect_err("missing dir");
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].file, missing.display().to_string());
    assert_eq!((e.0[0].line, e.0[0].column), (0, 0));
    assert!(e.to_string().starts_with(&format!(
        "{}: cannot read the profiles directory",
        missing.display()
    )));

    let dir = TempDir::new("binary");
    let f = dir.write("acme.toml", "");
    std::fs::write(&f, [0xff, 0xfe, 0x00]).expect("write");
    let e = errors_of(&dir);
    assert_eq!(e.0[0].file, f.display().to_string());
    assert!(e.0[0].message.contains("cannot read the profile"), "{e}");
}

#[test]
fn dkim_selectors_are_dns_labels() {
    // Valid selectors load (lower-cased); anything that is no DNS label is named at its value.
    let dir = TempDir::new("dkim");
    dir.write(
        "acme.toml",
        &MINIMAL.replace(
            "who_acts = \"person\"",
            "who_acts = \"person\"\ndkim_selectors = [\"Selector1\", \"s2.2024\"]",
        ),
    );
    let loaded = Profiles::load(Some(&dir.0)).unwrap_or_else(|e| panic!("{e}"));
    let acme = loaded.get("acme").expect("acme");
    assert_eq!(acme.dkim_selectors, ["selector1", "s2.2024"]);

    let dir = TempDir::new("dkim_bad");
    dir.write(
        "acme.toml",
        &MINIMAL.replace(
            "who_acts = \"person\"",
            "who_acts = \"person\"\ndkim_selectors = [\"good\", \"has space\", \"\", \"-dash\", \"a..b\"]",
        ),
    );
    let e = errors_of(&dir);
    assert_eq!(e.0.len(), 4, "{e}");
    assert!(e.0.iter().all(|x| x.line == 7), "{e}");
    assert!(e.0[0].message.contains("\"has space\""), "{e}");
    assert!(e.0[0].message.contains("dkim_selectors"), "{e}");

    // The shipped profiles name the big providers' real selectors.
    let shipped = Profiles::load(None).expect("shipped");
    let of = |id: &str| shipped.get(id).expect(id).dkim_selectors.clone();
    assert_eq!(of("gmail"), ["google"]);
    assert_eq!(of("microsoft365"), ["selector1", "selector2"]);
}
