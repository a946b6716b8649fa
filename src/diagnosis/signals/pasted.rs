//! The error message the person pasted (`--error-text`, or the wizard's paste box).

use super::{def, outcomes, read_reply, Reading, Signal, SignalDef};
use crate::diagnosis::context::Ctx;
use crate::error_text::Area;
use crate::replies::{Heard, Stage};

outcomes! {
    pub enum PastedErrorOutcome {
        None = "none",
        AppPasswordRequired = "app_password_required",
        SmtpAuthDisabled = "smtp_auth_disabled",
        OauthRequired = "oauth_required",
        Settings = "settings",
        Network = "network",
        Server = "server",
        NotSmtp = "not_smtp",
        Unrecognised = "unrecognised",
    }
}

/// A provider's sign-in policy reply in the message decides at once; otherwise the area
/// (settings, network, server) its code or text belongs to.
pub struct PastedError;

impl Signal for PastedError {
    const NAME: &'static str = "pasted_error";
    const MEANING: &'static str = "The error message the person pasted (`--error-text`): a provider's sign-in policy reply in it, else the area its code or text belongs to.";
    type Outcome = PastedErrorOutcome;
    const READS: &'static [Stage] = &[Stage::Pasted];

    fn evaluate(cx: &Ctx) -> Option<PastedErrorOutcome> {
        Self::read(cx).map(|r| r.outcome)
    }

    fn read(cx: &Ctx) -> Option<Reading<PastedErrorOutcome>> {
        let Some(pasted) = cx.pasted() else {
            return Some(Reading {
                outcome: PastedErrorOutcome::None,
                cause: None,
            });
        };
        // The provider by MX may still be on its way; by domain is known at once.
        let heard = Heard::pasted(pasted.reply());
        let (outcome, cause) = read_reply(cx, cx.provider_now(), &heard, policy_outcome);
        let outcome = outcome.unwrap_or(match pasted.area {
            Some(Area::Settings) => PastedErrorOutcome::Settings,
            Some(Area::Network) => PastedErrorOutcome::Network,
            Some(Area::Server) => PastedErrorOutcome::Server,
            Some(Area::NotSmtp) => PastedErrorOutcome::NotSmtp,
            None => PastedErrorOutcome::Unrecognised,
        });
        Some(Reading { outcome, cause })
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<PastedError>()];

/// The sign-in policies a provider's reply can name, as this signal's outcomes.
fn policy_outcome(cause: &str) -> Option<PastedErrorOutcome> {
    match cause {
        "config.app_password_required" => Some(PastedErrorOutcome::AppPasswordRequired),
        "config.smtp_auth_disabled" => Some(PastedErrorOutcome::SmtpAuthDisabled),
        "config.oauth_required" => Some(PastedErrorOutcome::OauthRequired),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::facts::Facts;
    use crate::settings::Input;

    #[test]
    fn pasted_messages_steer_the_start() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let mut input = Input::new("me@gmail.com");
        let facts = Facts::default();
        let outcome = |input: &Input| PastedError::evaluate(&Ctx::new(&catalog, input, &facts));
        assert_eq!(outcome(&input), Some(PastedErrorOutcome::None));
        input.error_text = Some("Task 'me@gmail.com - Sending' reported error (0x800CCC78) : 'Cannot send the message. 534-5.7.9 Application-specific password required.'".into());
        assert_eq!(
            outcome(&input),
            Some(PastedErrorOutcome::AppPasswordRequired)
        );
        input.error_text = Some("0x80042109".into());
        assert_eq!(outcome(&input), Some(PastedErrorOutcome::Network));
        input.error_text = Some("something else entirely".into());
        assert_eq!(outcome(&input), Some(PastedErrorOutcome::Unrecognised));
    }

    /// Every sample reply of every profile, pasted by an address at every provider's domain,
    /// steers the start as the profiles' first matching rule did before.
    #[test]
    fn every_sample_reply_steers_as_before() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let profiles = &catalog.profiles;
        let facts = Facts::default();
        let mut emails: Vec<String> = profiles
            .all()
            .iter()
            .filter_map(|p| p.domains.first())
            .map(|d| format!("someone@{}", d.trim_start_matches("*.")))
            .collect();
        emails.push("someone@example.test".into());
        for p in profiles.all() {
            for example in p.reply.iter().filter_map(|r| r.example.as_deref()) {
                for email in &emails {
                    let mut input = Input::new(email.as_str());
                    input.error_text = Some(format!("Sending reported error: '{example}'"));
                    let cx = Ctx::new(&catalog, &input, &facts);
                    let reply = cx
                        .pasted()
                        .map(|p| p.reply().to_string())
                        .unwrap_or_default();
                    let provider = cx.provider_now();
                    let before = profiles
                        .match_reply(provider, &reply)
                        .and_then(|m| policy_outcome(&m.cause));
                    let now = PastedError::evaluate(&cx);
                    match before {
                        Some(o) => assert_eq!(now, Some(o), "{example} from {email}"),
                        None => assert!(
                            !matches!(
                                now,
                                Some(
                                    PastedErrorOutcome::AppPasswordRequired
                                        | PastedErrorOutcome::SmtpAuthDisabled
                                        | PastedErrorOutcome::OauthRequired
                                )
                            ),
                            "{example} from {email}: {now:?}"
                        ),
                    }
                }
            }
        }
    }
}
