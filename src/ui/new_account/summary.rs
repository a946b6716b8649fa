//! What the new-account screen shows, derived from the run's facts: per client, the
//! settings it would take and whether they work. Pure.

use crate::catalog::Catalog;
use crate::checks::autoconfig::{Client, SocketType};
use crate::diagnosis::context::Ctx;
use crate::diagnosis::signals::autoconfig::findings;
use crate::endpoint::Endpoint;
use crate::facts::Facts;
use crate::settings::Input;

/// One client's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientState {
    /// The places are still being asked.
    Asking,
    /// No place gave settings: the client guesses.
    Nothing,
    /// It would stop at a certificate warning for `host` (names on the certificate).
    CertWarning { host: String, names: String },
    /// It would take `settings` from `source`; `wrong` says what does not work (empty:
    /// it works), `None` while the server's own checks run.
    Would {
        settings: String,
        source: String,
        wrong: Option<Vec<String>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
    pub client: &'static str,
    pub state: ClientState,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAccountView {
    /// Empty before Look up.
    pub rows: Vec<ClientRow>,
    /// The settings verified to work ("smtp.example.test, port 587, STARTTLS").
    pub verified: Option<String>,
    /// Every check of the run has ended.
    pub finished: bool,
}

/// The screen's content for a run of `input` that has found `facts` so far.
pub fn summarise(
    catalog: &Catalog,
    input: &Input,
    facts: &Facts,
    recommended: Option<&Endpoint>,
) -> NewAccountView {
    let cx = Ctx::new(catalog, input, facts);
    let ports_done = facts.all_ports_finished() == Some(true) || facts.done;
    let rows = match findings(&cx) {
        None if facts.autoconfig_planned => [Client::Outlook, Client::Thunderbird]
            .map(|c| ClientRow {
                client: c.name(),
                state: ClientState::Asking,
            })
            .to_vec(),
        None => Vec::new(),
        Some(list) => list
            .into_iter()
            .map(|f| {
                let state = match (f.cert_warning, f.chosen) {
                    (Some(w), _) => ClientState::CertWarning {
                        host: w.cert_host.clone().unwrap_or_default(),
                        names: w.cert_names.join(", "),
                    },
                    (None, Some((place, smtp))) => ClientState::Would {
                        settings: format!(
                            "{}, port {}, {}",
                            smtp.server_for(&input.email),
                            smtp.port.map_or_else(|| "?".into(), |p| p.to_string()),
                            smtp.socket.map_or("?", SocketType::label)
                        ),
                        source: place.source_url().unwrap_or_default().to_string(),
                        wrong: ports_done.then(|| {
                            f.wrong
                                .iter()
                                .map(crate::checks::autoconfig::compare::Wrong::describe)
                                .collect()
                        }),
                    },
                    (None, None) => ClientState::Nothing,
                };
                ClientRow {
                    client: f.client.name(),
                    state,
                }
            })
            .collect(),
    };
    NewAccountView {
        rows,
        verified: recommended.filter(|_| ports_done).map(|r| {
            format!(
                "{}, port {}, {}",
                r.server,
                r.port,
                r.security.outlook_label()
            )
        }),
        finished: facts.done,
    }
}
