//! The mail service itself: nothing listening (`server.service_down`), a submission port
//! closed (`server.submission_port_closed`), no AUTH offered (`server.auth_not_offered`),
//! and the configured certificate expired, without its intermediate, or unreadable
//! (`server.cert_expired`, `server.cert_chain_incomplete`, `server.cert_unreadable`).
//! The commands name the MTA this host runs (Postfix unless Exim shows).

use std::path::Path;

use super::Cause;
use crate::server::context::Ctx;
use crate::server::findings::Findings;
use crate::server::model::{
    command, escape_control, CertificateFinding, ServiceProblem, ServiceProblemKind,
};
use crate::server::wording::{fill, wording};
use crate::tree::Confidence;

use super::blocks::when;
use super::{and_list, cause};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mta {
    Postfix,
    Exim,
}

fn mta(ctx: &Ctx, f: &Findings) -> Mta {
    let exim = ctx.paths.exim_config.is_some()
        || f.services
            .iter()
            .any(|s| s.program.as_deref().is_some_and(|p| p.contains("exim")))
        || f.settings.iter().any(|s| s.source.starts_with("exim"));
    if exim {
        Mta::Exim
    } else {
        Mta::Postfix
    }
}

const DEFAULT_POSTFIX_DIR: &str = "/etc/postfix";

/// `systemctl VERB UNIT` for the usual set-up; `postfix -c DIR VERB` for another folder.
fn mta_command(ctx: &Ctx, mta: Mta, verb: &str) -> String {
    let dir = ctx.paths.postfix_dir.to_string_lossy();
    match mta {
        Mta::Exim => command(&["systemctl", verb, "exim4"]),
        Mta::Postfix if dir != DEFAULT_POSTFIX_DIR => command(&["postfix", "-c", &dir, verb]),
        Mta::Postfix if verb == "reload" => command(&["postfix", "reload"]),
        Mta::Postfix => command(&["systemctl", verb, "postfix"]),
    }
}

fn config_file(ctx: &Ctx, mta: Mta) -> String {
    match mta {
        Mta::Postfix => ctx
            .paths
            .postfix_dir
            .join("master.cf")
            .display()
            .to_string(),
        Mta::Exim => ctx.paths.exim_config.as_deref().map_or_else(
            || "the Exim configuration".to_string(),
            |p| p.display().to_string(),
        ),
    }
}

fn ports_text(ports: &[u16]) -> String {
    and_list(&ports.iter().map(u16::to_string).collect::<Vec<_>>())
}

fn evidence(ports: &[u16]) -> Vec<String> {
    ports.iter().map(|p| format!("service.{p}")).collect()
}

/// The problems of one kind, their ports (each once, in order) and the first detail.
fn of_kind(f: &Findings, kind: ServiceProblemKind) -> Option<(Vec<u16>, String)> {
    let found: Vec<&ServiceProblem> = f.problems.iter().filter(|p| p.kind == kind).collect();
    let first = found.first()?;
    let mut ports: Vec<u16> = found.iter().filter_map(|p| p.port).collect();
    ports.sort_unstable();
    ports.dedup();
    Some((ports, escape_control(&first.detail)))
}

fn certificate<'a>(f: &'a Findings, ports: &[u16]) -> Option<&'a CertificateFinding> {
    f.services
        .iter()
        .filter(|s| ports.is_empty() || ports.contains(&s.port))
        .find_map(|s| s.certificate.as_ref())
}

fn is_letsencrypt(c: Option<&CertificateFinding>) -> bool {
    c.is_some_and(|c| {
        c.issuer
            .as_deref()
            .is_some_and(|i| i.contains("Let's Encrypt"))
            || Path::new(&c.file)
                .components()
                .any(|p| p.as_os_str() == "letsencrypt")
    })
}

pub fn causes(ctx: &Ctx, f: &Findings) -> Vec<Cause> {
    let w = &wording().services;
    let m = mta(ctx, f);
    let reload = mta_command(ctx, m, "reload");
    let mut out = Vec::new();

    let nothing = of_kind(f, ServiceProblemKind::NothingListens).is_some()
        || (!f.services.is_empty() && f.services.iter().all(|s| !s.listening));
    if nothing {
        let ports: Vec<u16> = f.services.iter().map(|s| s.port).collect();
        out.push(cause(
            "server.service_down",
            Confidence::Confirmed,
            w.down_title.clone(),
            w.down_explanation.clone(),
            vec![
                fill(
                    &w.down_step_status,
                    &[("command", &mta_command(ctx, m, "status"))],
                ),
                fill(
                    &w.down_step_start,
                    &[("command", &mta_command(ctx, m, "start"))],
                ),
            ],
            evidence(&ports),
        ));
        // Nothing else about the service matters while it does not run.
        return out;
    }

    let listening: Vec<u16> = f
        .services
        .iter()
        .filter(|s| s.listening)
        .map(|s| s.port)
        .collect();
    if let Some((ports, detail)) = of_kind(f, ServiceProblemKind::SubmissionPortClosed) {
        let port = ports_text(&ports);
        let open = ports_text(&listening);
        let step = match m {
            Mta::Postfix => {
                let service = ports
                    .iter()
                    .map(|p| match p {
                        465 => "submissions (smtps in older files)".to_string(),
                        587 => "submission".to_string(),
                        p => p.to_string(),
                    })
                    .collect::<Vec<_>>();
                fill(
                    &w.port_closed_step_postfix,
                    &[
                        ("service", &and_list(&service)),
                        ("file", &config_file(ctx, m)),
                        ("command", &reload),
                    ],
                )
            }
            Mta::Exim => fill(
                &w.port_closed_step_exim,
                &[
                    ("port", &port),
                    ("file", &config_file(ctx, m)),
                    ("command", &mta_command(ctx, m, "restart")),
                ],
            ),
        };
        out.push(cause(
            "server.submission_port_closed",
            Confidence::Confirmed,
            fill(&w.port_closed_title, &[("port", &port)]),
            fill(
                &w.port_closed_explanation,
                &[("port", &port), ("ports", &open), ("detail", &detail)],
            ),
            vec![step, fill(&w.port_closed_step_other, &[("ports", &open)])],
            evidence(&ports),
        ));
    }
    if let Some((ports, detail)) = of_kind(f, ServiceProblemKind::AuthNotOffered) {
        let port = ports_text(&ports);
        let step = match m {
            Mta::Postfix => fill(
                &w.auth_step_postfix,
                &[
                    ("file", &config_file(ctx, m)),
                    ("port", &port),
                    ("command", &reload),
                ],
            ),
            Mta::Exim => fill(
                &w.auth_step_exim,
                &[("file", &config_file(ctx, m)), ("command", &reload)],
            ),
        };
        out.push(cause(
            "server.auth_not_offered",
            Confidence::Confirmed,
            fill(&w.auth_title, &[("port", &port)]),
            fill(&w.auth_explanation, &[("port", &port), ("detail", &detail)]),
            vec![step],
            evidence(&ports),
        ));
    }
    let reload_step = fill(&w.cert_step_reload, &[("command", &reload)]);
    if let Some((ports, detail)) = of_kind(f, ServiceProblemKind::CertExpired) {
        let cert = certificate(f, &ports);
        let file = cert.map_or_else(|| "?".to_string(), |c| escape_control(&c.file));
        let not_after = cert
            .and_then(|c| c.not_after.as_deref())
            .map_or_else(|| "?".to_string(), when);
        let issuer = cert
            .and_then(|c| c.issuer.as_deref())
            .map_or_else(|| "?".to_string(), escape_control);
        let renew = if is_letsencrypt(cert) {
            fill(
                &w.cert_step_certbot,
                &[("command", &command(&["certbot", "renew"]))],
            )
        } else {
            fill(&w.cert_step_renew, &[("file", &file), ("issuer", &issuer)])
        };
        out.push(cause(
            "server.cert_expired",
            Confidence::Confirmed,
            w.cert_expired_title.clone(),
            fill(
                &w.cert_expired_explanation,
                &[
                    ("file", &file),
                    ("not_after", &not_after),
                    ("detail", &detail),
                ],
            ),
            vec![renew, reload_step.clone()],
            evidence(&ports),
        ));
    }
    if let Some((ports, detail)) = of_kind(f, ServiceProblemKind::CertChainIncomplete) {
        let cert = certificate(f, &ports);
        let file = cert.map_or_else(|| "?".to_string(), |c| escape_control(&c.file));
        let issuer = cert
            .and_then(|c| c.issuer.as_deref())
            .map_or_else(|| "its issuer".to_string(), escape_control);
        out.push(cause(
            "server.cert_chain_incomplete",
            Confidence::Confirmed,
            w.chain_title.clone(),
            fill(
                &w.chain_explanation,
                &[("file", &file), ("issuer", &issuer), ("detail", &detail)],
            ),
            vec![fill(&w.chain_step, &[("file", &file)]), reload_step.clone()],
            evidence(&ports),
        ));
    }
    if let Some((ports, detail)) = of_kind(f, ServiceProblemKind::CertUnreadable) {
        let file =
            certificate(f, &ports).map_or_else(|| "?".to_string(), |c| escape_control(&c.file));
        out.push(cause(
            "server.cert_unreadable",
            Confidence::Confirmed,
            w.unreadable_title.clone(),
            fill(
                &w.unreadable_explanation,
                &[("file", &file), ("detail", &detail)],
            ),
            vec![fill(
                &w.unreadable_step,
                &[("file", &file), ("command", &reload)],
            )],
            evidence(&ports),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::Verdict;
    use crate::server::diagnose::tests::{codes, outcomes, run};
    use crate::server::model::{ServiceFinding, ServicesOutcome};

    fn service(port: u16, listening: bool) -> ServiceFinding {
        ServiceFinding {
            port,
            listening,
            program: listening.then(|| "master".to_string()),
            tls: Some(if port == 465 { "tls" } else { "starttls" }.into()),
            certificate: None,
            auth: None,
            notes: vec![],
        }
    }

    fn problem(kind: ServiceProblemKind, port: Option<u16>, detail: &str) -> ServiceProblem {
        ServiceProblem {
            kind,
            port,
            detail: detail.into(),
        }
    }

    fn with(services: Vec<ServiceFinding>, problems: Vec<ServiceProblem>) -> Vec<Cause> {
        let mut o = outcomes();
        o.services = ServicesOutcome {
            services,
            problems,
            ..Default::default()
        };
        let d = run(o);
        assert_eq!(d.verdict, Verdict::Problem);
        d.causes
    }

    #[test]
    fn nothing_listening_is_service_down() {
        let c = with(
            vec![service(25, false), service(465, false), service(587, false)],
            vec![problem(
                ServiceProblemKind::NothingListens,
                None,
                "nothing listens",
            )],
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].code, "server.service_down");
        assert_eq!(c[0].fix[1], "Start it: systemctl start postfix");
        assert_eq!(c[0].evidence, ["service.25", "service.465", "service.587"]);
    }

    #[test]
    fn a_closed_submission_port() {
        let c = with(
            vec![service(25, true), service(465, true), service(587, false)],
            vec![problem(
                ServiceProblemKind::SubmissionPortClosed,
                Some(587),
                "The submission service is commented out in master.cf.",
            )],
        );
        assert_eq!(c[0].code, "server.submission_port_closed");
        assert_eq!(c[0].title, "Nothing listens on port 587");
        assert!(c[0]
            .explanation
            .contains("listens on 25 and 465 but not on 587"));
        assert_eq!(
            c[0].fix[0],
            "Turn on the submission service in /etc/postfix/master.cf (remove the # at the start of its lines), then: postfix reload"
        );
        assert_eq!(c[0].evidence, ["service.587"]);
    }

    #[test]
    fn auth_not_offered_with_another_postfix_folder() {
        let mut o = outcomes();
        o.services = ServicesOutcome {
            services: vec![service(25, true), service(587, true)],
            problems: vec![problem(ServiceProblemKind::AuthNotOffered, Some(587), "")],
            ..Default::default()
        };
        let mut ctx = crate::server::run::tests::ctx();
        ctx.paths.postfix_dir = "/srv/lab/postfix".into();
        let d = crate::server::diagnose::diagnose(&ctx, &crate::server::run::assemble(o));
        crate::server::diagnose::tests::sound(&d);
        assert_eq!(d.causes[0].code, "server.auth_not_offered");
        assert!(d.causes[0].fix[0].ends_with("then: postfix -c /srv/lab/postfix reload"));
    }

    #[test]
    fn certificates() {
        let mut s = service(587, true);
        s.certificate = Some(CertificateFinding {
            names: vec!["mail.example.test".into()],
            not_after: Some("2026-11-30T00:00:00Z".into()),
            problem: Some("expired".into()),
            file: "/etc/letsencrypt/live/mail.example.test/cert.pem".into(),
            chain_length: 1,
            issuer: Some("C=US, O=Let's Encrypt, CN=R11".into()),
        });
        let c = with(
            vec![service(25, true), s],
            vec![
                problem(
                    ServiceProblemKind::CertExpired,
                    Some(587),
                    "It expired 1 day ago.",
                ),
                problem(ServiceProblemKind::CertChainIncomplete, Some(587), ""),
            ],
        );
        assert_eq!(
            c.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            ["server.cert_expired", "server.cert_chain_incomplete"]
        );
        assert!(c[0]
            .explanation
            .contains("valid until 2026-11-30 00:00 UTC"));
        assert_eq!(
            c[0].fix,
            [
                "Renew it: certbot renew",
                "Then have the mail server load it: postfix reload"
            ]
        );
        assert!(c[1]
            .explanation
            .contains("not the one of C=US, O=Let's Encrypt, CN=R11"));
    }

    #[test]
    fn exim_hosts_get_exim_commands() {
        let mut o = outcomes();
        let mut s = service(25, true);
        s.program = Some("exim4".into());
        o.services = ServicesOutcome {
            services: vec![s, service(587, false)],
            problems: vec![problem(
                ServiceProblemKind::SubmissionPortClosed,
                Some(587),
                "",
            )],
            ..Default::default()
        };
        let d = run(o);
        assert_eq!(codes(&d), ["server.submission_port_closed"]);
        assert!(
            d.causes[0].fix[0].ends_with("then: systemctl restart exim4"),
            "{}",
            d.causes[0].fix[0]
        );
    }

    #[test]
    fn tls_only_notes_are_no_cause() {
        let c = {
            let mut o = outcomes();
            o.services = ServicesOutcome {
                services: vec![service(25, true), service(587, true)],
                problems: vec![problem(
                    ServiceProblemKind::TlsRequiredForAuth,
                    Some(587),
                    "",
                )],
                ..Default::default()
            };
            run(o)
        };
        assert_eq!(codes(&c), ["ok.client_not_blocked"]);
    }
}
