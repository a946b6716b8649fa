//! The network side: asks every place at once, each the way its client does, with this
//! run's resolver (`--dns-server`) and trust (the system store plus `--ca-file`). Thin: what
//! a file says is read by `parse`, what it means by `compare`.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use reqwest::{Method, StatusCode, Url};

use super::parse::{self, Published, MAX_FILE_BYTES};
use super::{AutoconfigCheck, Client, Place, PlaceResult};
use crate::checks::cert;
use crate::checks::dns::{Dns, Lookup};
use crate::checks::tls::{self, HandshakeKind, Trust, Verify};
use crate::protocol::reply::sanitize;

/// Redirects followed at most per place (Outlook and Thunderbird both stop after a few).
pub const MAX_HOPS: usize = 5;

/// Outlook's places, in its order: where it starts over after `redirectAddr`.
const OUTLOOK_PLACES: [Place; 4] = [
    Place::AutodiscoverDomain,
    Place::AutodiscoverHost,
    Place::AutodiscoverRedirect,
    Place::AutodiscoverSrv,
];

/// Asks every place of [`Place::ALL`] for `email`'s domain at once; each step (a lookup, a
/// request) is bounded by `timeout`.
pub async fn check(
    dns: &Dns,
    trust: &Trust,
    email: &str,
    domain: &str,
    timeout: Duration,
) -> AutoconfigCheck {
    let asker = Asker {
        dns,
        trust,
        email,
        timeout,
    };
    // Each step is bounded, but a chain of redirects is several steps: a place gets four
    // time-outs in all, so the whole check ends within that (the places run at once).
    let cap = timeout * 4;
    let places = Place::ALL.map(|place| {
        let asker = &asker;
        async move {
            if let Ok(result) = tokio::time::timeout(cap, asker.place(place, domain)).await {
                result
            } else {
                let url = place.url(email, domain).map(|u| sanitize(u.as_bytes()));
                let mut result = PlaceResult::new(place, url);
                result.problem = Some(format!("no settings within {cap:?}"));
                result
            }
        }
    });
    AutoconfigCheck {
        domain: sanitize(domain.as_bytes()),
        places: futures::future::join_all(places).await,
    }
}

struct Asker<'a> {
    dns: &'a Dns,
    trust: &'a Trust,
    email: &'a str,
    timeout: Duration,
}

/// What one request gave.
enum Step {
    /// Go on at this URL (an HTTP redirect or Autodiscover's redirectUrl).
    Redirect(Url),
    /// Start over for this address (Autodiscover's redirectAddr), as given.
    RedirectAddr(String),
    Done,
}

impl Asker<'_> {
    /// One place for the person's address; a `redirectAddr` answer is followed once: Outlook
    /// starts over with the new address, and its first place with settings is this place's.
    async fn place(&self, place: Place, domain: &str) -> PlaceResult {
        let (mut result, address) = self.ask(place, self.email, domain).await;
        if let Some(address) = address {
            self.follow_address(&mut result, &address).await;
        }
        result
    }

    /// Outlook's discovery over again for `address` (every place at once, taken in its
    /// order). Once only: a second `redirectAddr` is not followed (Outlook caps the chain;
    /// one is what real hosts send, for a mailbox kept under another domain).
    async fn follow_address(&self, result: &mut PlaceResult, address: &str) {
        let shown = sanitize(address.as_bytes());
        let Some((address, domain)) = parse::redirect_address(address) else {
            result.problem = Some(format!(
                "sends Outlook on to {shown}, which is not an email address"
            ));
            return;
        };
        result.redirect_addr = Some(sanitize(address.as_bytes()));
        let asked = futures::future::join_all(
            OUTLOOK_PLACES.map(|place| self.ask(place, &address, &domain)),
        )
        .await;
        let mut problems = Vec::new();
        let mut cert = None;
        for (sub, again) in asked {
            if sub.smtp.is_some() {
                result.final_url = sub.source_url().map(str::to_string);
                result.status = sub.status;
                result.smtp = sub.smtp;
                result.problem = None;
                return;
            }
            let url = sub
                .source_url()
                .map_or_else(|| format!("_autodiscover._tcp.{domain}"), str::to_string);
            if again.is_some() {
                problems.push(format!(
                    "{url} sends Outlook on to yet another address, which it does not follow"
                ));
            } else if let Some(problem) = &sub.problem {
                problems.push(format!("{url}: {problem}"));
            }
            if cert.is_none() && sub.cert_problem.is_some() {
                cert = Some(sub);
            }
        }
        // No settings for the new address: Outlook's first certificate warning there is
        // this place's.
        if let Some(sub) = cert {
            result.final_url = sub.source_url().map(str::to_string);
            result.cert_problem = sub.cert_problem;
            result.cert_names = sub.cert_names;
            result.cert_host = sub.cert_host;
        }
        result.problem = Some(format!(
            "sends Outlook on to {}; no settings for it: {}",
            result.redirect_addr.as_deref().unwrap_or_default(),
            problems.join("; ")
        ));
    }

    /// One place for `email`: what it gave, and the address it sends Outlook on to, if any.
    async fn ask(&self, place: Place, email: &str, domain: &str) -> (PlaceResult, Option<String>) {
        let url = match place.url(email, domain) {
            Some(url) => Some(url),
            None => self.srv_url(domain).await,
        };
        let mut result = PlaceResult::new(place, url.as_ref().map(|u| sanitize(u.as_bytes())));
        let Some(url) = url else {
            result.problem = Some("no _autodiscover._tcp record".into());
            return (result, None);
        };
        let Ok(mut url) = Url::parse(&url) else {
            result.problem = Some("not a web address".into());
            return (result, None);
        };
        // The redirect method's first request is a GET over plain HTTP; every other
        // Autodiscover request is Outlook's POST.
        let mut method = match place {
            Place::AutodiscoverRedirect | Place::AutoconfigHost | Place::AutoconfigWellKnown => {
                Method::GET
            }
            _ => Method::POST,
        };
        for hop in 0..=MAX_HOPS {
            if hop > 0 {
                result.final_url = Some(sanitize(url.as_str().as_bytes()));
            }
            match self.request(place, email, &method, &url, &mut result).await {
                Step::Done => return (result, None),
                Step::RedirectAddr(address) => return (result, Some(address)),
                Step::Redirect(next) => {
                    // Outlook takes a redirect only to https (and asks the person first);
                    // after the redirect method's GET it POSTs its request there.
                    if place.client() == Client::Outlook && next.scheme() != "https" {
                        result.problem = Some(format!(
                            "redirected to {}, not an https address: Outlook does not follow it",
                            sanitize(next.as_str().as_bytes())
                        ));
                        return (result, None);
                    }
                    if place.client() == Client::Outlook {
                        method = Method::POST;
                    }
                    url = next;
                }
            }
        }
        result.problem = Some(format!("more than {MAX_HOPS} redirects"));
        (result, None)
    }

    /// `https://TARGET[:PORT]/autodiscover/autodiscover.xml` from the SRV record.
    async fn srv_url(&self, domain: &str) -> Option<String> {
        let name = format!("_autodiscover._tcp.{domain}");
        let lookup = self.dns.srv(&name).await;
        let srv = lookup.found()?.iter().min_by_key(|s| s.priority)?;
        let host = crate::host_name::network_host_name(&srv.target)?;
        Some(if srv.port == 443 {
            format!("https://{host}/autodiscover/autodiscover.xml")
        } else {
            format!("https://{host}:{}/autodiscover/autodiscover.xml", srv.port)
        })
    }

    async fn request(
        &self,
        place: Place,
        email: &str,
        method: &Method,
        url: &Url,
        result: &mut PlaceResult,
    ) -> Step {
        let Some(host) = url.host_str().map(str::to_string) else {
            result.problem = Some("no host in the address".into());
            return Step::Done;
        };
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs = match self.dns.addresses(&host).await {
            Lookup::Found(a) => a,
            other => {
                result.problem = Some(format!(
                    "{}: {}",
                    sanitize(host.as_bytes()),
                    lookup_problem(&other)
                ));
                return Step::Done;
            }
        };
        let client = match self.client(&host, &addrs, port).await {
            Ok(c) => c,
            Err(e) => {
                result.problem = Some(e);
                return Step::Done;
            }
        };
        let mut request = client.request(method.clone(), url.clone());
        if *method == Method::POST {
            request = request
                .header("Content-Type", "text/xml; charset=utf-8")
                .body(autodiscover_request(email));
        }
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => {
                self.failed(&host, &addrs, port, &e, result).await;
                return Step::Done;
            }
        };
        result.reached = true;
        let status = response.status();
        result.status = Some(status.as_u16());
        if status.is_redirection() {
            let next = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| url.join(v).ok());
            let Some(next) = next else {
                result.problem = Some(format!("redirect ({status}) without a usable address"));
                return Step::Done;
            };
            return Step::Redirect(next);
        }
        if place == Place::AutodiscoverRedirect && url.scheme() == "http" {
            // The redirect method's only useful answer is a redirect.
            result.problem = Some(format!("answered {status} instead of a redirect"));
            return Step::Done;
        }
        if status != StatusCode::OK {
            result.problem = Some(format!("answered {status}"));
            return Step::Done;
        }
        let body = match read_capped(response).await {
            Ok(b) => b,
            Err(e) => {
                result.problem = Some(e);
                return Step::Done;
            }
        };
        let text = String::from_utf8_lossy(&body);
        let parsed = match place.client() {
            Client::Outlook => parse::autodiscover(&text),
            Client::Thunderbird => parse::autoconfig(&text),
        };
        match parsed {
            Ok(Published::Settings { smtp }) => {
                result.smtp = Some(smtp);
                Step::Done
            }
            Ok(Published::RedirectUrl { url: next }) => {
                if let Ok(parsed) = Url::parse(&next) {
                    Step::Redirect(parsed)
                } else {
                    result.problem = Some(format!("redirect to an unreadable address: {next}"));
                    Step::Done
                }
            }
            Ok(Published::RedirectAddr { address }) => Step::RedirectAddr(address),
            Err(e) => {
                result.problem = Some(e.to_string());
                Step::Done
            }
        }
    }

    /// A client for one request to `host`: its addresses from this run's resolver, no proxy,
    /// no redirect of its own (the caller follows them the client's way), this run's trust.
    async fn client(
        &self,
        host: &str,
        addrs: &[IpAddr],
        port: u16,
    ) -> Result<reqwest::Client, String> {
        let connector = tls::shared_connector(self.trust, Verify::Full)
            .await
            .map_err(|e| e.message)?;
        let sockets: Vec<SocketAddr> = addrs.iter().map(|ip| SocketAddr::new(*ip, port)).collect();
        reqwest::Client::builder()
            .use_preconfigured_tls(connector)
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(self.timeout)
            .connect_timeout(self.timeout)
            .user_agent(concat!("smtp-doctor/", env!("CARGO_PKG_VERSION")))
            .resolve_to_addrs(host, &sockets)
            .build()
            .map_err(|e| sanitize(error_chain(&e).as_bytes()))
    }

    /// Records why a request failed; a refused certificate is read again, unverified, to
    /// say why (the same classification as the SMTP checks).
    async fn failed(
        &self,
        host: &str,
        addrs: &[IpAddr],
        port: u16,
        e: &reqwest::Error,
        result: &mut PlaceResult,
    ) {
        let message = sanitize(error_chain(e).as_bytes());
        if tls::classify_message(&message) == HandshakeKind::Verification {
            // The TLS handshake happened: a web server is there.
            result.reached = true;
            if let Some(info) = self.peer_cert(host, addrs, port).await {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                result.cert_problem = Some(cert::classify(&info, host, now));
                result.cert_names = info.names;
            } else {
                result.cert_problem = Some(cert::CertProblem::Untrusted);
            }
            result.cert_host = Some(sanitize(host.as_bytes()));
        }
        result.problem = Some(if e.is_timeout() {
            format!("no answer within {:?}", self.timeout)
        } else {
            message
        });
    }

    /// The certificate `host` presents, read without verifying it (only to explain).
    async fn peer_cert(&self, host: &str, addrs: &[IpAddr], port: u16) -> Option<cert::CertInfo> {
        let (_, stream) = crate::checks::tcp::connect_any(addrs, port, self.timeout).await;
        let (_, stream) = stream?;
        let tls = tls::handshake(stream, host, self.trust, Verify::None, self.timeout)
            .await
            .ok()?;
        tls::peer_cert(&tls)
    }
}

/// Outlook's POX request for `email` (MS-OXDSCLI 2.2.3; the response schema it accepts).
pub fn autodiscover_request(email: &str) -> String {
    let email = xml_escape(email);
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\n  <Request>\n    <EMailAddress>{email}</EMailAddress>\n    <AcceptableResponseSchema>{}</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n",
        parse::OUTLOOK_RESPONSE_SCHEMA
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The body, at most [`MAX_FILE_BYTES`] (a larger one is not a settings file).
async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_FILE_BYTES {
                    return Err(format!("the file is larger than {MAX_FILE_BYTES} bytes"));
                }
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(sanitize(error_chain(&e).as_bytes())),
        }
    }
}

fn lookup_problem<T>(lookup: &Lookup<T>) -> String {
    match lookup {
        Lookup::Found(_) => "found".into(),
        Lookup::Nxdomain => "no such name".into(),
        Lookup::NoRecords => "the name has no address".into(),
        Lookup::ServerFailure(e) => format!("the DNS server failed: {e}"),
        Lookup::Timeout => "the DNS server did not answer".into(),
        Lookup::Error(e) => e.clone(),
    }
}

/// The error and each cause not already in it (the TLS library's reason is a few levels down).
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    for _ in 0..16 {
        let Some(s) = source else { break };
        let text = s.to_string();
        if !text.is_empty() && !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_names_the_address_escaped_and_the_response_schema() {
        let body = autodiscover_request("a&b@example.test");
        assert!(body.contains("<EMailAddress>a&amp;b@example.test</EMailAddress>"));
        assert!(body.contains(parse::OUTLOOK_RESPONSE_SCHEMA));
        assert!(roxmltree::Document::parse(&body).is_ok());
    }

    #[test]
    fn places_are_asked_in_each_clients_order() {
        let urls: Vec<Option<String>> = Place::ALL
            .iter()
            .map(|p| p.url("a+b@example.test", "example.test"))
            .collect();
        assert_eq!(
            urls,
            vec![
                Some("https://example.test/autodiscover/autodiscover.xml".into()),
                Some("https://autodiscover.example.test/autodiscover/autodiscover.xml".into()),
                Some("http://autodiscover.example.test/autodiscover/autodiscover.xml".into()),
                None,
                Some("https://autoconfig.example.test/mail/config-v1.1.xml?emailaddress=a%2Bb%40example.test".into()),
                Some("https://example.test/.well-known/autoconfig/mail/config-v1.1.xml".into()),
            ]
        );
    }
}
