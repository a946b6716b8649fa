//! The uniform list of checks (`checks[]` in reports, the technical view), read from the
//! facts: one record per DNS lookup, route, resolver, reference port and path, and the SMTP
//! session of each port ([`smtp`]).

mod smtp;

use std::net::IpAddr;

use serde::Serialize;

use super::{Facts, ProviderVia};
use crate::checks::dns::{self, Lookup};
use crate::checks::tcp::TcpOutcome;
use crate::checks::{CheckId, CheckRecord, Status};
use smtp::port_records;

impl Facts {
    /// The uniform list of checks for reports and the technical view, in a stable order.
    /// Checks not yet known are left out; see [`Facts::pending_checks`].
    pub fn records(&self) -> Vec<CheckRecord> {
        let mut out = Vec::new();
        if let Some(why) = &self.server_name_invalid {
            let summary = format!("not a host name: {why}");
            out.push(match &self.server_name_extracted {
                Some(h) => rec_detail(
                    CheckId::ServerName,
                    Status::Fail,
                    format!("{summary}; the host name in it, {}, is tested", h.host),
                    h,
                ),
                None => rec(CheckId::ServerName, Status::Fail, 0, summary),
            });
        }
        if let (Some(host), Some(l)) = (self.target_host(), &self.server_dns) {
            let (status, summary) = match l {
                Lookup::Found(ips) => (Status::Pass, format!("{host} has address {}", join(ips))),
                Lookup::Nxdomain => (Status::Fail, format!("{host} does not exist (NXDOMAIN)")),
                Lookup::NoRecords => (Status::Fail, format!("{host} exists but has no address")),
                Lookup::ServerFailure(c) => (Status::Fail, format!("the DNS server failed ({c})")),
                Lookup::Timeout => (Status::Fail, "the DNS server did not answer".to_string()),
                Lookup::Error(e) => (Status::Fail, format!("lookup error: {e}")),
            };
            out.push(rec_detail(CheckId::ServerAddress, status, summary, l));
        }
        if let Some(l) = &self.mx {
            let (status, summary) = match l {
                Lookup::Found(mx) => (
                    Status::Pass,
                    format!(
                        "mail for the domain goes to {}",
                        mx.iter()
                            .map(|m| m.host.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                other => (Status::Warn, format!("no MX records ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainMx, status, summary, l));
        }
        if let Some(l) = &self.domain_txt {
            let (status, summary) = match l {
                Lookup::Found(txt) => match dns::spf_of(txt) {
                    Some(spf) => (Status::Pass, format!("SPF: {spf}")),
                    None => (Status::Warn, "no SPF record".to_string()),
                },
                Lookup::Nxdomain | Lookup::NoRecords => (Status::Warn, "no SPF record".to_string()),
                other => (Status::Skip, format!("SPF not known ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainTxt, status, summary, l));
        }
        if let Some(l) = &self.dmarc_txt {
            let (status, summary) = match l {
                Lookup::Found(txt) => match dns::dmarc_of(txt) {
                    Some(d) => (Status::Pass, format!("DMARC: {d}")),
                    None => (Status::Warn, "no DMARC record".to_string()),
                },
                Lookup::Nxdomain | Lookup::NoRecords => {
                    (Status::Warn, "no DMARC record".to_string())
                }
                other => (Status::Skip, format!("DMARC not known ({})", other.word())),
            };
            out.push(rec_detail(CheckId::DomainDmarc, status, summary, l));
        }
        if let Some(a) = &self.domain_auth {
            let (status, summary) = crate::checks::domain_auth::summary(a);
            out.push(rec_detail(CheckId::DomainAuth, status, summary, a));
        }
        if let Some(l) = &self.srv {
            let (status, summary) = match l {
                Lookup::Found(srv) => (
                    Status::Pass,
                    format!(
                        "the domain publishes its submission server: {}",
                        srv.iter()
                            .map(|s| format!("{}:{}", s.target, s.port))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                other => (
                    Status::Skip,
                    format!("no submission SRV record ({})", other.word()),
                ),
            };
            out.push(rec_detail(CheckId::DomainSrv, status, summary, l));
        }
        if let Some(found) = &self.provider {
            let (status, summary) = match found {
                Some(p) => (
                    Status::Pass,
                    match &p.via {
                        ProviderVia::Domain => format!("the address is at {}", p.name),
                        ProviderVia::Mx { host } => {
                            format!("the domain's mail is hosted by {} (MX {host})", p.name)
                        }
                    },
                ),
                None => (
                    Status::Skip,
                    "no known provider serves this domain".to_string(),
                ),
            };
            out.push(rec_detail(CheckId::Provider, status, summary, found));
        }
        if let Some(r) = &self.route {
            let (status, summary) = if r.any() {
                let families = match (r.ipv4, r.ipv6) {
                    (true, true) => "IPv4 and IPv6",
                    (true, false) => "IPv4",
                    _ => "IPv6",
                };
                (
                    Status::Pass,
                    format!("this computer has a route to the internet ({families})"),
                )
            } else {
                (
                    Status::Fail,
                    "this computer has no route to the internet: no network connection".to_string(),
                )
            };
            out.push(rec_detail(CheckId::Route, status, summary, r));
        }
        if let Some(list) = &self.resolvers {
            for reach in list {
                let addr = reach
                    .attempts
                    .first()
                    .map(|a| a.address.ip().to_string())
                    .unwrap_or_default();
                let o = reach.outcome();
                let status = match o {
                    TcpOutcome::Open | TcpOutcome::Refused => Status::Pass,
                    _ => Status::Warn,
                };
                let summary = match o {
                    TcpOutcome::Open => format!("the DNS server {addr} answers"),
                    TcpOutcome::Refused => {
                        format!("the DNS server's machine {addr} answers (its TCP service is off)")
                    }
                    other => format!("the DNS server {addr}: {}", other.word()),
                };
                out.push(rec_detail(CheckId::Resolver, status, summary, reach));
            }
        }
        if let Some(list) = &self.dns_service {
            for probe in list {
                out.push(dns_service_record(probe));
            }
        }
        if let Some(l) = &self.public_ip_lookup {
            let (status, summary) = match (l.found().and_then(|v| v.first()), self.public_ip_via) {
                (Some(ip), Some(via)) => (
                    Status::Pass,
                    format!(
                        "this network's public address is {ip} (from {})",
                        via.describe()
                    ),
                ),
                (Some(ip), None) => (
                    Status::Pass,
                    format!("this network's public address is {ip}"),
                ),
                (None, _) => (
                    Status::Skip,
                    format!("public address not learned by DNS ({})", l.word()),
                ),
            };
            let mut record = rec_detail(CheckId::PublicIp, status, summary, l);
            if let (Some(via), serde_json::Value::Object(map)) =
                (self.public_ip_via, &mut record.detail)
            {
                map.insert(
                    "method".into(),
                    serde_json::to_value(via).unwrap_or_default(),
                );
            }
            out.push(record);
        }
        if let Some(r) = &self.reference {
            for p in &r.ports {
                let status = match p.outcome() {
                    TcpOutcome::Open => Status::Pass,
                    _ => Status::Warn,
                };
                out.push(rec_detail(
                    CheckId::Reference(p.port),
                    status,
                    format!(
                        "reference {} port {}: {}",
                        p.host,
                        p.port,
                        p.outcome().word()
                    ),
                    p,
                ));
            }
        }
        for p in self.ports.values() {
            port_records(p, &mut out);
            if let Some(names) = self.cert_names.iter().find(|c| c.port == p.port) {
                cert_names_into(&mut out, names);
            }
        }
        self.reputation_records(&mut out);
        if let Some(t) = &self.path {
            let status = if t.reached {
                Status::Pass
            } else {
                Status::Warn
            };
            out.push(rec_detail(
                CheckId::Path(t.destination.port()),
                status,
                format!("path to {}: {}", t.destination, t.summary()),
                t,
            ));
        }
        if let Some(a) = &self.autoconfig {
            out.extend(autoconfig_records(a));
        }
        out
    }
}

/// One record per client: the places it asks, in its order, and the settings it would take.
fn autoconfig_records(a: &crate::checks::autoconfig::AutoconfigCheck) -> Vec<CheckRecord> {
    use crate::checks::autoconfig::Client;
    [
        (CheckId::AutoconfigOutlook, Client::Outlook),
        (CheckId::AutoconfigThunderbird, Client::Thunderbird),
    ]
    .into_iter()
    .map(|(id, client)| {
        let places: Vec<_> = a
            .places
            .iter()
            .filter(|p| p.place.client() == client)
            .collect();
        let chosen = a.chosen(client);
        let warning = a.cert_warning(client);
        let (status, summary) = match (chosen, warning) {
            (_, Some(w)) => (
                Status::Warn,
                format!(
                    "{}: the certificate of {} is refused ({:?})",
                    client.name(),
                    w.cert_host.as_deref().unwrap_or("?"),
                    w.cert_problem
                ),
            ),
            (Some(c), None) => {
                let first = c.smtp.as_ref().and_then(|s| s.first());
                (
                    Status::Pass,
                    format!(
                        "{} would use {} (from {})",
                        client.name(),
                        first.map_or_else(String::new, |s| format!(
                            "{}:{} {}",
                            s.server,
                            s.port.map_or_else(|| "?".to_string(), |p| p.to_string()),
                            s.socket
                                .map_or("?", crate::checks::autoconfig::SocketType::label)
                        )),
                        c.source_url().unwrap_or("?")
                    ),
                )
            }
            (None, None) => (
                Status::Warn,
                format!(
                    "{} finds no settings for {} ({} places asked)",
                    client.name(),
                    a.domain,
                    places.len()
                ),
            ),
        };
        let detail = serde_json::json!({
            "domain": a.domain,
            "chosen": chosen.and_then(|c| c.source_url()),
            "places": places,
        });
        rec_detail(id, status, summary, &detail)
    })
    .collect()
}

impl Facts {
    /// The blocklist lookups (client, server) and the server's reverse DNS.
    fn reputation_records(&self, out: &mut Vec<CheckRecord>) {
        use crate::checks::blocklist::{words, Role};
        for (id, role, found) in [
            (
                CheckId::BlocklistClient,
                Role::Client,
                &self.client_blocklists,
            ),
            (
                CheckId::BlocklistServer,
                Role::Server,
                &self.server_blocklists,
            ),
        ] {
            if let Some(listings) = found {
                let (status, summary) = words::summary(role, listings);
                let detail = serde_json::json!({ "listings": listings });
                out.push(rec_detail(id, status, summary, &detail));
            }
        }
        if let Some(found) = self.reverse_dns.as_ref().filter(|f| !f.is_empty()) {
            use crate::checks::rdns::{judge, Verdict};
            let (status, summary) = match judge(found, self.greeting_name()) {
                Verdict::Matches => (
                    Status::Pass,
                    "The mail server's address leads back to its own name (reverse DNS)."
                        .to_string(),
                ),
                Verdict::Mismatch { problem, .. } => (Status::Warn, problem),
                Verdict::Unknown => (
                    Status::Skip,
                    "The mail server's reverse DNS could not be looked up.".to_string(),
                ),
            };
            let detail = serde_json::json!({ "addresses": found });
            out.push(rec_detail(CheckId::ServerPtr, status, summary, &detail));
        }
    }

    /// The name the server gives itself: the first word of its EHLO reply, on the first
    /// port (by number) that had one.
    pub fn greeting_name(&self) -> Option<&str> {
        self.ports
            .values()
            .find_map(|p| p.ehlo())
            .map(|e| e.domain.as_str())
            .filter(|d| !d.is_empty())
    }
}

fn join(ips: &[IpAddr]) -> String {
    ips.iter()
        .map(std::string::ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The certificate's own names tried on a port: said in that port's TLS record, whose
/// detail gains them as `cert_names`.
fn cert_names_into(out: &mut [CheckRecord], names: &crate::checks::smtp::alt_name::CertNameCheck) {
    let Some(r) = out
        .iter_mut()
        .rev()
        .find(|r| r.id == CheckId::Tls(names.port))
    else {
        return;
    };
    let said = match names.working() {
        Some(name) => format!("; the certificate's own name {name} verifies on the same server"),
        None if names.names.is_empty() => "; the certificate names no other server".to_string(),
        None => format!(
            "; none of the certificate's own names verifies ({} tried)",
            names.names.len()
        ),
    };
    r.summary.push_str(&said);
    if let serde_json::Value::Object(map) = &mut r.detail {
        map.insert(
            "cert_names".into(),
            serde_json::to_value(&names.names).unwrap_or_default(),
        );
    }
}

fn rec(id: CheckId, status: Status, ms: u64, summary: String) -> CheckRecord {
    CheckRecord {
        id,
        status,
        duration_ms: ms,
        // A summary may quote a server at length: one short line (the detail has it all).
        summary: crate::shorten::text_owned(summary, crate::shorten::TEXT_CHARS),
        detail: serde_json::Value::Object(serde_json::Map::default()),
    }
}

/// The DNS service on one resolver's machine, as the UDP probe found it.
fn dns_service_record(p: &crate::checks::dns_service::DnsServiceProbe) -> CheckRecord {
    use crate::checks::dns_service::DnsServiceOutcome as O;
    let addr = p.server.ip();
    let (status, summary) = match p.outcome {
        O::Answered => (Status::Pass, format!("the DNS service on {addr} answers")),
        O::PortUnreachable => (
            Status::Fail,
            format!("the DNS service on {addr} refuses: its machine answered 'port unreachable'"),
        ),
        O::Silent => (
            Status::Warn,
            format!("the DNS service on {addr} did not answer"),
        ),
        O::Unreachable => (
            Status::Warn,
            format!("the DNS server {addr} cannot be reached"),
        ),
        O::Error => (
            Status::Warn,
            format!("the DNS service on {addr} could not be asked"),
        ),
    };
    let mut r = rec_detail(CheckId::Resolver, status, summary, p);
    r.duration_ms = p.duration_ms;
    r
}

fn rec_detail<T: Serialize>(
    id: CheckId,
    status: Status,
    summary: String,
    detail: &T,
) -> CheckRecord {
    CheckRecord {
        id,
        status,
        duration_ms: 0,
        summary: crate::shorten::text_owned(summary, crate::shorten::TEXT_CHARS),
        detail: serde_json::to_value(detail).unwrap_or_default(),
    }
}
