//! From what listens and what the MTA's configuration says to `services[]` and the problems
//! that explain a mail client's symptoms. Pure: every input is already read.

use std::collections::HashMap;

use super::certificate::Assessment;
use super::listen::{ListenScan, Listener};
use super::mta::{CertFiles, CertSetting, MtaConfig, PortConfig, TlsMode};
use super::PORTS;
use crate::server::model::{ServiceFinding, ServiceProblem, ServiceProblemKind};

/// The certificate assessments of each configured set of files (one per chain or failed
/// file, the one to show first).
pub type CertResults = HashMap<CertFiles, Vec<Assessment>>;

fn port_name(port: u16) -> &'static str {
    match port {
        25 => "SMTP",
        465 => "submissions, implicit TLS",
        587 => "submission, STARTTLS",
        _ => "mail",
    }
}

/// Problems gathered across ports; the same sentence found on several ports is kept once.
#[derive(Default)]
struct Problems(Vec<(ServiceProblemKind, String, Vec<u16>)>);

impl Problems {
    fn add(&mut self, kind: ServiceProblemKind, detail: String, port: Option<u16>) {
        match self
            .0
            .iter_mut()
            .find(|(k, d, _)| *k == kind && *d == detail)
        {
            Some((_, _, ports)) => ports.extend(port),
            None => self.0.push((kind, detail, port.into_iter().collect())),
        }
    }

    fn into_vec(self) -> Vec<ServiceProblem> {
        self.0
            .into_iter()
            .map(|(kind, detail, ports)| ServiceProblem {
                kind,
                port: match ports.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                },
                detail,
            })
            .collect()
    }
}

/// The definition of `port` that applies: the one of the MTA whose program holds the
/// socket, else the first MTA that defines it.
fn choose<'a>(
    mtas: &'a [MtaConfig],
    port: u16,
    program: Option<&str>,
) -> Option<(&'a MtaConfig, Vec<&'a PortConfig>)> {
    let defining = mtas
        .iter()
        .map(|m| {
            (
                m,
                m.ports
                    .iter()
                    .filter(|p| p.port == port)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, defs)| !defs.is_empty());
    let all: Vec<_> = defining.collect();
    let by_program = program.and_then(|prog| {
        all.iter()
            .find(|(m, _)| m.mta.programs().contains(&prog))
            .cloned()
    });
    by_program.or_else(|| all.into_iter().next())
}

/// Builds `services[]` for 25/465/587 and the problems found. `listen` is `None` when the
/// sockets could not be read: then nothing is said about what listens.
pub fn assemble(
    listen: Option<&ListenScan>,
    mtas: &[MtaConfig],
    certs: &CertResults,
) -> (Vec<ServiceFinding>, Vec<ServiceProblem>) {
    let mut problems = Problems::default();
    let mut services = Vec::new();
    for port in PORTS {
        let listeners: Vec<&Listener> = listen
            .map(|s| s.on_port(port).collect())
            .unwrap_or_default();
        let program = listeners.iter().find_map(|l| l.program.clone());
        let chosen = choose(mtas, port, program.as_deref());
        let mut finding = ServiceFinding {
            port,
            listening: !listeners.is_empty(),
            program: program.clone(),
            tls: None,
            certificate: None,
            auth: None,
            notes: Vec::new(),
        };
        listener_notes(&mut finding, &listeners);
        match chosen {
            Some((mta, defs)) => {
                let cfg = defs[0];
                if defs.len() > 1 {
                    let names: Vec<&str> = defs.iter().map(|d| d.service.as_str()).collect();
                    finding.notes.push(format!(
                        "port {port} is defined more than once ({}); the first is shown",
                        names.join(", ")
                    ));
                }
                if let Some(prog) = &program {
                    if !mta.mta.programs().contains(&prog.as_str()) {
                        finding.notes.push(format!(
                            "port {port} is held by {prog}, not by {}: what {}'s settings say \
                             may not be what mail clients meet",
                            mta.mta.name(),
                            mta.mta.name()
                        ));
                    }
                }
                port_rules(&mut finding, &mut problems, mta, cfg, certs);
            }
            None if finding.listening && !mtas.is_empty() => {
                let names: Vec<&str> = mtas.iter().map(|m| m.mta.name()).collect();
                finding.notes.push(format!(
                    "port {port} listens ({}), but {}'s configuration does not define it",
                    program.as_deref().unwrap_or("program unknown"),
                    names.join(" / ")
                ));
            }
            None => {}
        }
        services.push(finding);
    }
    let mut all = Problems::default();
    if listen.is_some() {
        listening_rules(&services, mtas, &mut all);
    }
    all.0.extend(problems.0);
    (services, all.into_vec())
}

fn listener_notes(finding: &mut ServiceFinding, listeners: &[&Listener]) {
    if !listeners.is_empty() && listeners.iter().all(|l| l.socket.addr.is_loopback()) {
        let addrs: Vec<String> = listeners.iter().map(|l| l.address()).collect();
        finding.notes.push(format!(
            "port {} listens only on {}: mail clients on other machines cannot reach it",
            finding.port,
            addrs.join(", ")
        ));
    }
}

fn port_rules(
    finding: &mut ServiceFinding,
    problems: &mut Problems,
    mta: &MtaConfig,
    cfg: &PortConfig,
    certs: &CertResults,
) {
    let port = cfg.port;
    let submission = port == 465 || port == 587;
    finding.tls = Some(cfg.tls.as_str().to_string());
    finding.auth = Some(cfg.auth_offered());
    match (port, cfg.tls) {
        (465, TlsMode::Starttls | TlsMode::None) => finding.notes.push(format!(
            "port 465 is normally implicit TLS, but here it starts in plain text \
             ({}): mail clients set to SSL/TLS on 465 fail at the handshake",
            cfg.service
        )),
        (587, TlsMode::Tls) => finding.notes.push(
            "port 587 is normally STARTTLS, but here it speaks TLS from the first byte: \
             mail clients set to STARTTLS on 587 wait and time out"
                .to_string(),
        ),
        _ => {}
    }
    if cfg.tls == TlsMode::Starttls && cfg.tls_required {
        finding.notes.push(format!(
            "STARTTLS is required on port {port} before any mail: mail clients with \
             encryption off are refused"
        ));
    }
    match (&cfg.auth_after_tls, cfg.sasl, cfg.tls) {
        (Some(setting), true, TlsMode::Starttls) => {
            let detail = format!(
                "AUTH is offered on port {port} only after STARTTLS ({setting}). That is \
                 normal and safe, but a mail client with encryption off sees no AUTH and \
                 cannot sign in: set it to STARTTLS"
            );
            finding.notes.push(detail.clone());
            problems.add(ServiceProblemKind::TlsRequiredForAuth, detail, Some(port));
        }
        (Some(setting), true, TlsMode::None) => {
            let detail = format!(
                "AUTH waits for TLS on port {port} ({setting}), but {} offers no TLS \
                 there: AUTH is never offered and mail clients cannot sign in",
                mta.mta.name()
            );
            finding.notes.push(detail.clone());
            if submission && finding.listening {
                problems.add(ServiceProblemKind::AuthNotOffered, detail, Some(port));
            }
        }
        _ => {}
    }
    if submission && finding.listening && !cfg.sasl {
        problems.add(
            ServiceProblemKind::AuthNotOffered,
            format!(
                "port {port} does not offer AUTH ({}): mail clients cannot sign in there",
                cfg.sasl_setting
            ),
            Some(port),
        );
    }
    if cfg.tls != TlsMode::None {
        certificate_rules(finding, problems, cfg, certs);
    }
}

fn certificate_rules(
    finding: &mut ServiceFinding,
    problems: &mut Problems,
    cfg: &PortConfig,
    certs: &CertResults,
) {
    let port = cfg.port;
    match &cfg.certificate {
        CertSetting::Files(files) => {
            let Some(assessments) = certs.get(files) else {
                return;
            };
            // Show a chain's certificate (names, dates) when there is one, with the first
            // problem of any file of the setting.
            let shown = assessments
                .iter()
                .find(|a| a.finding.chain_length > 0)
                .or(assessments.first());
            if let Some(a) = shown {
                let mut cert = a.finding.clone();
                if cert.problem.is_none() {
                    cert.problem = assessments.iter().find_map(|a| a.finding.problem.clone());
                }
                finding.certificate = Some(cert);
            }
            for a in assessments {
                finding.notes.extend(a.notes.iter().cloned());
                for (kind, detail) in &a.problems {
                    problems.add(*kind, detail.clone(), Some(port));
                }
            }
        }
        CertSetting::NotConfigured { detail, problem } => {
            let detail = format!("port {port}: {detail}");
            finding.notes.push(detail.clone());
            if *problem {
                problems.add(ServiceProblemKind::CertUnreadable, detail, Some(port));
            }
        }
        CertSetting::Unresolved { setting } => finding.notes.push(format!(
            "the certificate is chosen per connection ({setting}); it was not checked"
        )),
    }
}

fn listening_rules(services: &[ServiceFinding], mtas: &[MtaConfig], problems: &mut Problems) {
    let open: Vec<u16> = services
        .iter()
        .filter(|s| s.listening)
        .map(|s| s.port)
        .collect();
    let defined = |port: u16| {
        mtas.iter()
            .find_map(|m| m.ports.iter().find(|p| p.port == port).map(|p| (m, p)))
    };
    if open.is_empty() {
        let defined_ports: Vec<String> = PORTS
            .iter()
            .filter(|p| defined(**p).is_some())
            .map(u16::to_string)
            .collect();
        let why = if defined_ports.is_empty() {
            "the mail server is not running, or it listens on other ports".to_string()
        } else {
            format!(
                "the configuration defines {}, so the mail server is not running or cannot \
                 bind them",
                defined_ports.join(", ")
            )
        };
        problems.add(
            ServiceProblemKind::NothingListens,
            format!("nothing listens on 25, 465 or 587 in this network namespace: {why}"),
            None,
        );
        return;
    }
    for port in [587, 465] {
        if open.contains(&port) {
            continue;
        }
        let others: Vec<String> = open.iter().map(u16::to_string).collect();
        let detail = if let Some((m, p)) = defined(port) {
            format!(
                "port {port} ({}) is defined in {}'s configuration ({}) but nothing listens \
             on it, while {} do: reload or restart {}, and check that it may bind the port; \
             mail clients set to {port} are refused",
                port_name(port),
                m.mta.name(),
                p.service,
                others.join(" and "),
                m.mta.name()
            )
        } else {
            let by = match mtas.first() {
                Some(m) => format!(
                    ": {}'s configuration ({}) does not define it (submission disabled)",
                    m.mta.name(),
                    m.origin
                ),
                None => String::new(),
            };
            format!(
                "nothing listens on port {port} ({}), while {} do{by}; mail clients set \
                 to {port} are refused",
                port_name(port),
                others.join(" and ")
            )
        };
        problems.add(ServiceProblemKind::SubmissionPortClosed, detail, Some(port));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::model::{CertificateFinding, Setting};
    use crate::server::services::listen::ListenSocket;
    use crate::server::services::mta::{CertLayout, Mta};

    fn listener(addr: &str, port: u16, program: Option<&str>) -> Listener {
        Listener {
            socket: ListenSocket {
                addr: addr.parse().unwrap(),
                port,
                inode: u64::from(port) * 10,
                uid: 0,
            },
            program: program.map(str::to_string),
            pid: program.map(|_| 812),
        }
    }

    fn scan(listeners: Vec<Listener>) -> ListenScan {
        ListenScan {
            listeners,
            ..Default::default()
        }
    }

    fn files(name: &str) -> CertFiles {
        CertFiles {
            files: vec![name.to_string()],
            layout: CertLayout::OneChainPerFile,
        }
    }

    fn cfg(port: u16, tls: TlsMode, sasl: bool, after_tls: bool) -> PortConfig {
        PortConfig {
            port,
            service: format!("{port}/inet"),
            tls,
            tls_required: tls == TlsMode::Tls,
            sasl,
            auth_after_tls: after_tls.then(|| "smtpd_tls_auth_only = yes".to_string()),
            sasl_setting: format!(
                "smtpd_sasl_auth_enable = {}",
                if sasl { "yes" } else { "no" }
            ),
            certificate: CertSetting::Files(files("/etc/ssl/mail.pem")),
        }
    }

    fn postfix(ports: Vec<PortConfig>) -> MtaConfig {
        MtaConfig {
            mta: Mta::Postfix,
            origin: "/etc/postfix".into(),
            ports,
            hostname: Some("mail.example.test".into()),
            settings: Vec::<Setting>::new(),
        }
    }

    fn sound_cert() -> CertResults {
        let mut m = CertResults::new();
        m.insert(
            files("/etc/ssl/mail.pem"),
            vec![Assessment {
                finding: CertificateFinding {
                    names: vec!["mail.example.test".into()],
                    not_after: Some("2027-01-01T00:00:00Z".into()),
                    problem: None,
                    file: "/etc/ssl/mail.pem".into(),
                    chain_length: 2,
                    issuer: Some("CN=R1".into()),
                },
                problems: vec![],
                notes: vec![],
            }],
        );
        m
    }

    fn kinds(p: &[ServiceProblem]) -> Vec<(ServiceProblemKind, Option<u16>)> {
        p.iter().map(|p| (p.kind, p.port)).collect()
    }

    fn standard() -> MtaConfig {
        postfix(vec![
            cfg(25, TlsMode::Starttls, false, false),
            cfg(587, TlsMode::Starttls, true, true),
            cfg(465, TlsMode::Tls, true, false),
        ])
    }

    #[test]
    fn a_sound_server() {
        let s = scan(vec![
            listener("0.0.0.0", 25, Some("master")),
            listener("0.0.0.0", 465, Some("master")),
            listener("::", 587, Some("master")),
        ]);
        let (services, problems) = assemble(Some(&s), &[standard()], &sound_cert());
        assert_eq!(services.len(), 3);
        let by_port = |p: u16| services.iter().find(|s| s.port == p).unwrap();
        assert_eq!(by_port(465).tls.as_deref(), Some("tls"));
        assert_eq!(by_port(587).tls.as_deref(), Some("starttls"));
        assert_eq!(by_port(587).auth, Some(true));
        assert_eq!(by_port(25).auth, Some(false));
        assert!(services
            .iter()
            .all(|s| s.program.as_deref() == Some("master")));
        assert_eq!(
            by_port(587).certificate.as_ref().unwrap().names,
            ["mail.example.test"]
        );
        // Only the AUTH-after-STARTTLS explanation, on 587.
        assert_eq!(
            kinds(&problems),
            [(ServiceProblemKind::TlsRequiredForAuth, Some(587))]
        );
        assert!(problems[0].detail.contains("encryption off"));
        assert!(by_port(587)
            .notes
            .iter()
            .any(|n| n.contains("encryption off")));
    }

    #[test]
    fn nothing_listens() {
        let (services, problems) = assemble(Some(&scan(vec![])), &[standard()], &sound_cert());
        assert!(services.iter().all(|s| !s.listening));
        assert_eq!(
            kinds(&problems)[0],
            (ServiceProblemKind::NothingListens, None)
        );
        assert!(
            problems[0].detail.contains("defines 25, 465, 587"),
            "{problems:?}"
        );
        assert!(!problems
            .iter()
            .any(|p| p.kind == ServiceProblemKind::SubmissionPortClosed));
    }

    #[test]
    fn unreadable_sockets_say_nothing_about_listening() {
        let (services, problems) = assemble(None, &[standard()], &sound_cert());
        assert_eq!(services.len(), 3);
        assert_eq!(
            kinds(&problems),
            [(ServiceProblemKind::TlsRequiredForAuth, Some(587))]
        );
    }

    #[test]
    fn submission_disabled_and_defined_but_not_listening() {
        let s = scan(vec![
            listener("0.0.0.0", 25, Some("master")),
            listener("0.0.0.0", 465, None),
        ]);
        // 587 not in master.cf at all.
        let c = postfix(vec![
            cfg(25, TlsMode::Starttls, false, false),
            cfg(465, TlsMode::Tls, true, false),
        ]);
        let (services, problems) = assemble(Some(&s), &[c], &sound_cert());
        assert_eq!(
            kinds(&problems),
            [(ServiceProblemKind::SubmissionPortClosed, Some(587))]
        );
        assert!(problems[0]
            .detail
            .contains("does not define it (submission disabled)"));
        assert_eq!(services[2].tls, None);
        assert_eq!(services[1].program, None);
        // Defined, but nothing listens there.
        let s = scan(vec![listener("0.0.0.0", 25, Some("master"))]);
        let (_, problems) = assemble(Some(&s), &[standard()], &sound_cert());
        let closed: Vec<&ServiceProblem> = problems
            .iter()
            .filter(|p| p.kind == ServiceProblemKind::SubmissionPortClosed)
            .collect();
        assert_eq!(closed.len(), 2);
        assert!(closed[0]
            .detail
            .contains("defined in Postfix's configuration (587/inet)"));
        // No MTA known at all: still said, without blaming a configuration.
        let (_, problems) = assemble(Some(&s), &[], &CertResults::new());
        assert_eq!(problems.len(), 2);
        assert!(problems[0]
            .detail
            .ends_with("mail clients set to 587 are refused"));
    }

    #[test]
    fn auth_missing_on_submission_ports() {
        let s = scan(vec![
            listener("0.0.0.0", 25, Some("master")),
            listener("0.0.0.0", 465, Some("master")),
            listener("0.0.0.0", 587, Some("master")),
        ]);
        let c = postfix(vec![
            cfg(25, TlsMode::Starttls, false, false),
            cfg(587, TlsMode::None, true, true),
            cfg(465, TlsMode::Tls, false, false),
        ]);
        let (services, problems) = assemble(Some(&s), &[c], &sound_cert());
        assert_eq!(
            kinds(&problems),
            [
                (ServiceProblemKind::AuthNotOffered, Some(465)),
                (ServiceProblemKind::AuthNotOffered, Some(587)),
            ]
        );
        assert!(problems[0].detail.contains("smtpd_sasl_auth_enable = no"));
        assert!(problems[1].detail.contains("AUTH is never offered"));
        assert_eq!(services[2].auth, Some(false));
        // No TLS on 587: its certificate is not shown.
        assert!(services[2].certificate.is_none());
    }

    #[test]
    fn certificate_problems_are_kept_once_across_ports() {
        let s = scan(vec![
            listener("0.0.0.0", 25, Some("master")),
            listener("0.0.0.0", 465, Some("master")),
            listener("0.0.0.0", 587, Some("master")),
        ]);
        let mut certs = sound_cert();
        let a = certs.get_mut(&files("/etc/ssl/mail.pem")).unwrap();
        a[0].problems
            .push((ServiceProblemKind::CertExpired, "expired".into()));
        a[0].finding.problem = Some("expired".into());
        a[0].notes.push("self-signed".into());
        let (services, problems) = assemble(Some(&s), &[standard()], &certs);
        let expired: Vec<&ServiceProblem> = problems
            .iter()
            .filter(|p| p.kind == ServiceProblemKind::CertExpired)
            .collect();
        assert_eq!(expired.len(), 1);
        // Used on every port: no single port.
        assert_eq!(expired[0].port, None);
        assert!(services
            .iter()
            .all(|s| s.notes.contains(&"self-signed".to_string())));
    }

    #[test]
    fn missing_certificate_and_unresolved() {
        let s = scan(vec![listener("0.0.0.0", 25, Some("master"))]);
        let mut c = cfg(25, TlsMode::Starttls, false, false);
        c.certificate = CertSetting::NotConfigured {
            detail: "no certificate is configured".into(),
            problem: true,
        };
        let (_, problems) = assemble(Some(&s), &[postfix(vec![c.clone()])], &CertResults::new());
        assert!(problems
            .iter()
            .any(|p| p.kind == ServiceProblemKind::CertUnreadable && p.port == Some(25)));
        c.certificate = CertSetting::Unresolved {
            setting: "tls_certificate = ${x}".into(),
        };
        let (services, problems) = assemble(Some(&s), &[postfix(vec![c])], &CertResults::new());
        assert!(!problems
            .iter()
            .any(|p| p.kind == ServiceProblemKind::CertUnreadable));
        assert!(services[0].notes[0].contains("chosen per connection"));
    }

    #[test]
    fn loopback_only_wrong_program_and_port_conventions() {
        let s = scan(vec![
            listener("127.0.0.1", 25, Some("master")),
            listener("::1", 25, Some("master")),
            listener("0.0.0.0", 465, Some("haproxy")),
            listener("0.0.0.0", 587, Some("master")),
        ]);
        let c = postfix(vec![
            cfg(25, TlsMode::Starttls, false, false),
            cfg(587, TlsMode::Tls, true, false),
            cfg(465, TlsMode::Starttls, true, false),
        ]);
        let (services, _) = assemble(Some(&s), &[c], &sound_cert());
        assert!(services[0].notes[0].contains("listens only on 127.0.0.1:25, [::1]:25"));
        assert!(services[1]
            .notes
            .iter()
            .any(|n| n.contains("held by haproxy, not by Postfix")));
        assert!(services[1]
            .notes
            .iter()
            .any(|n| n.contains("normally implicit TLS")));
        assert!(services[2]
            .notes
            .iter()
            .any(|n| n.contains("normally STARTTLS")));
    }

    #[test]
    fn the_holding_program_picks_the_mta() {
        let s = scan(vec![listener("0.0.0.0", 25, Some("exim4"))]);
        let exim = MtaConfig {
            mta: Mta::Exim,
            origin: "/etc/exim4/exim4.conf".into(),
            ports: vec![cfg(25, TlsMode::None, false, false)],
            hostname: None,
            settings: vec![],
        };
        let (services, _) = assemble(Some(&s), &[standard(), exim], &sound_cert());
        assert_eq!(services[0].tls.as_deref(), Some("none"));
        // Listening on a port no MTA defines.
        let s = scan(vec![listener("0.0.0.0", 587, Some("stunnel"))]);
        let c = postfix(vec![cfg(25, TlsMode::Starttls, false, false)]);
        let (services, _) = assemble(Some(&s), &[c], &sound_cert());
        assert!(services[2].notes[0].contains("listens (stunnel), but Postfix's configuration"));
    }
}
