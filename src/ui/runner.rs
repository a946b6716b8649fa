//! Carries out what `update` asks for: runs the engine in tokio and forwards its facts,
//! tagged with the run's generation, through the app's bounded channel; stops a run by
//! aborting the forwarding task (which drops the engine's receiver, so the engine's tasks
//! stop at their next send); writes report files; runs server mode's look and unblock on
//! a blocking thread and sends the result back as one message. Nothing here draws.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::catalog::Catalog;
use crate::engine::{Engine, EngineError};
use crate::server::request::now_unix;
use crate::server::run;
use crate::settings::{Input, Options};

use super::model::FailureKind;
use super::msg::{Effect, Msg};

/// A kiosk's settings file: `smtp-doctor-thunderbird-<time>.xml` in the reports folder.
const SETTINGS_FILE: crate::kiosk::reports::FileKind = crate::kiosk::reports::FileKind {
    prefix: "smtp-doctor-thunderbird",
    extension: "xml",
};

/// How often kiosk mode looks whether the computer has a network.
const NETWORK_EVERY: Duration = Duration::from_secs(3);

pub struct Runner {
    tx: mpsc::Sender<Msg>,
    catalog: Arc<Catalog>,
    run: Option<JoinHandle<()>>,
    /// Kiosk mode's network watch, stopped with the runner.
    network: Option<JoinHandle<()>>,
}

impl Runner {
    pub fn new(tx: mpsc::Sender<Msg>, catalog: Arc<Catalog>) -> Runner {
        Runner {
            tx,
            catalog,
            run: None,
            network: None,
        }
    }

    /// Executes one effect; `Some(status)` when the program should end.
    pub fn execute(&mut self, effect: Effect) -> Option<i32> {
        match effect {
            Effect::StartChecks {
                generation,
                input,
                options,
            } => {
                self.cancel();
                self.start(generation, *input, *options);
            }
            Effect::CancelChecks => self.cancel(),
            Effect::SaveReport { path, contents } => {
                let tx = self.tx.clone();
                // A blocking write on a worker thread: the loop keeps drawing meanwhile.
                tokio::task::spawn_blocking(move || {
                    let result = std::fs::write(&path, contents).map_err(|e| e.to_string());
                    let _ = tx.blocking_send(Msg::Saved { path, result });
                });
            }
            Effect::SaveKioskReport {
                dir,
                wall,
                contents,
            } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let (path, result) = match crate::kiosk::reports::save(&dir, wall, &contents) {
                        Ok(path) => (path, Ok(())),
                        Err(e) => (dir, Err(e)),
                    };
                    let _ = tx.blocking_send(Msg::Saved { path, result });
                });
            }
            Effect::SaveSettingsFile { path, contents } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let result = crate::export::file::write_new(&path, &contents);
                    let _ = tx.blocking_send(Msg::SettingsFileSaved { path, result });
                });
            }
            Effect::SaveKioskSettingsFile {
                dir,
                wall,
                contents,
            } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let (path, result) = match crate::kiosk::reports::save_as(
                        &dir,
                        wall,
                        SETTINGS_FILE,
                        &contents,
                    ) {
                        Ok(path) => (path, Ok(())),
                        Err(e) => (dir, Err(e)),
                    };
                    let _ = tx.blocking_send(Msg::SettingsFileSaved { path, result });
                });
            }
            Effect::WatchNetwork => {
                if self.network.is_none() {
                    self.network = Some(tokio::spawn(watch_network(self.tx.clone())));
                }
            }
            Effect::Exit(code) => return Some(code),
            Effect::ServerLook {
                generation,
                request,
            } => {
                let tx = self.tx.clone();
                // The sources run their own threads and tools: off the loop's threads.
                tokio::task::spawn_blocking(move || {
                    let result = run::look(&request, now_unix(), &run::Sources::HOST).map(Box::new);
                    let _ = tx.blocking_send(Msg::ServerLooked { generation, result });
                });
            }
            Effect::ServerAudit { generation } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    use crate::server::audit::run::{audit, AuditRequest, AuditSources};
                    let report = audit(&AuditRequest::default(), now_unix(), &AuditSources::HOST);
                    let _ = tx.blocking_send(Msg::ServerAudited {
                        generation,
                        report: Box::new(report),
                    });
                });
            }
            Effect::ServerAuditApply { generation, report } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    use crate::server::audit::run::{lift_customers, AuditRequest, AuditSources};
                    let after = lift_customers(
                        &report,
                        &AuditRequest::default(),
                        now_unix(),
                        &crate::server::exec::run,
                        &AuditSources::HOST,
                    );
                    let _ = tx.blocking_send(Msg::ServerAuditApplied {
                        generation,
                        report: Box::new(after),
                    });
                });
            }
            Effect::ServerApply {
                generation,
                examined,
            } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let report = run::lift(
                        &examined,
                        now_unix(),
                        &crate::server::exec::run,
                        &run::Sources::HOST,
                    );
                    let _ = tx.blocking_send(Msg::ServerApplied {
                        generation,
                        report: Box::new(report),
                    });
                });
            }
        }
        None
    }

    fn start(&mut self, generation: u64, input: Input, options: Options) {
        let tx = self.tx.clone();
        match Engine::new(input, options, self.catalog.clone()) {
            Err(e) => {
                let kind = match &e {
                    EngineError::Trust(_) => FailureKind::Trust,
                    EngineError::Dns(_) => FailureKind::Dns,
                };
                let msg = Msg::EngineFailed {
                    generation,
                    kind,
                    message: e.to_string(),
                };
                // Sent from a task: the loop that would receive it is the caller.
                tokio::spawn(async move {
                    let _ = tx.send(msg).await;
                });
            }
            Ok(engine) => {
                self.run = Some(tokio::spawn(async move {
                    let mut facts = engine.start();
                    while let Some(fact) = facts.recv().await {
                        if tx.send(Msg::Fact { generation, fact }).await.is_err() {
                            break;
                        }
                    }
                }));
            }
        }
    }

    pub fn cancel(&mut self) {
        if let Some(task) = self.run.take() {
            task.abort();
        }
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        self.cancel();
        if let Some(task) = self.network.take() {
            task.abort();
        }
    }
}

/// Asks the kernel every few seconds for a route to the internet (no packet is sent) and
/// reports the first answer and every change, until the loop's inbox closes.
async fn watch_network(tx: mpsc::Sender<Msg>) {
    let mut last = None;
    let mut every = tokio::time::interval(NETWORK_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        every.tick().await;
        let online = crate::checks::network::route_check().any();
        if last != Some(online) {
            last = Some(online);
            if tx.send(Msg::Network { online }).await.is_err() {
                return;
            }
        }
    }
}
