//! Signing in: the AUTH attempt on the port that ran the session, and why a refused sign-in
//! was refused (a provider's policy or a wrong password).

use super::{def, outcomes, read_reply, Fill, Placeholder, Reading, Signal, SignalDef};
use crate::checks::gate::SIGN_IN_CAP;
use crate::checks::smtp::{AuthOutcome, AuthRetry, PortProbe};
use crate::checks::{CheckId, SmtpStage};
use crate::diagnosis::context::Ctx;
use crate::profiles::Signin;
use crate::replies::{Heard, Stage};

outcomes! {
    pub enum AuthOutcomeKind {
        Accepted = "accepted",
        Rejected = "rejected",
        MechanismUnsupported = "mechanism_unsupported",
        NotOffered = "not_offered",
        TempFailure = "temp_failure",
        NoPassword = "no_password",
        NotTried = "not_tried",
    }
}

/// The AUTH attempt on the port under test.
pub struct Auth;

impl Signal for Auth {
    const NAME: &'static str = "auth";
    const MEANING: &'static str = "The AUTH attempt on the port under test.";
    type Outcome = AuthOutcomeKind;

    fn evaluate(cx: &Ctx) -> Option<AuthOutcomeKind> {
        use AuthOutcomeKind as O;
        let Some(p) = session(cx)? else {
            return Some(O::NotTried);
        };
        Some(match p.auth.as_ref()? {
            AuthOutcome::Accepted { .. } => O::Accepted,
            AuthOutcome::Rejected { .. } => O::Rejected,
            // A sign-in that got no answer is most often a server slowing down failed logins.
            AuthOutcome::TempFailure { .. } | AuthOutcome::Error { .. } => O::TempFailure,
            AuthOutcome::MechanismUnsupported { .. } => O::MechanismUnsupported,
            AuthOutcome::NotOffered => O::NotOffered,
            AuthOutcome::NoPassword => O::NoPassword,
            AuthOutcome::PlaintextRefused | AuthOutcome::NotTried { .. } => O::NotTried,
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        cx.facts
            .session_port()
            .map(|p| CheckId::Stage(p.port, SmtpStage::Auth))
            .into_iter()
            .collect()
    }
}

outcomes! {
    pub enum AuthReplyOutcome {
        AppPasswordRequired = "app_password_required",
        SmtpAuthDisabled = "smtp_auth_disabled",
        OauthRequired = "oauth_required",
        PolicyAppPassword = "policy_app_password",
        PolicyOauth = "policy_oauth",
        PasswordWrong = "password_wrong",
    }
}

/// Why the sign-in was refused: a provider's own reply names its policy (app passwords,
/// SMTP AUTH switched off, OAuth only); failing that, the provider's known sign-in policy
/// makes a policy likely; else the password (or user name) is wrong.
pub struct AuthReply;

impl Signal for AuthReply {
    const NAME: &'static str = "auth_reply";
    const MEANING: &'static str = "Why the sign-in was refused: the provider's reply names a policy; else the provider is known to need an app password or OAuth; else the password or user name is wrong.";
    type Outcome = AuthReplyOutcome;
    const READS: &'static [Stage] = &[Stage::Auth];

    fn evaluate(cx: &Ctx) -> Option<AuthReplyOutcome> {
        Self::read(cx).map(|r| r.outcome)
    }

    fn read(cx: &Ctx) -> Option<Reading<AuthReplyOutcome>> {
        use AuthReplyOutcome as O;
        let plain = |outcome| {
            Some(Reading {
                outcome,
                cause: None,
            })
        };
        let Some(p) = session(cx)? else {
            return plain(O::PasswordWrong);
        };
        let Some(AuthOutcome::Rejected { reply, .. }) = p.auth.as_ref() else {
            return plain(O::PasswordWrong);
        };
        let provider = cx.provider()?;
        let heard = Heard::reply(Stage::Auth, reply, Some(false));
        let (outcome, cause) = read_reply(cx, provider, &heard, policy_outcome);
        let outcome = outcome.unwrap_or(match provider.map(|p| p.signin) {
            Some(Signin::OauthOnly) => O::PolicyOauth,
            Some(Signin::AppPassword | Signin::AppPasswordOrOauth) => O::PolicyAppPassword,
            Some(Signin::Password) | None => O::PasswordWrong,
        });
        Some(Reading { outcome, cause })
    }
}

outcomes! {
    pub enum UserNameFormOutcome {
        AsExpected = "as_expected",
        OtherFormWorks = "other_form_works",
        OtherFormRefused = "other_form_refused",
        OtherFormUntested = "other_form_untested",
    }
}

/// A refused sign-in: is the user name in the form the provider or host expects (the
/// profile's form; the whole address on a host no profile knows)? When it is not, the probe
/// tried the expected form once more in the same session, within the run's cap.
pub struct UserNameForm;

impl Signal for UserNameForm {
    const NAME: &'static str = "user_name_form";
    const MEANING: &'static str = "A refused sign-in: is the user name the form the provider or host expects (the profile's; the whole address where no profile applies)? `other_form_works`: it is not, and the expected form was accepted on a second try; `other_form_refused`: the expected form was refused too; `other_form_untested`: it is not, and no second try was made.";
    type Outcome = UserNameFormOutcome;

    fn evaluate(cx: &Ctx) -> Option<UserNameFormOutcome> {
        use UserNameFormOutcome as O;
        let p = session(cx)?;
        if let Some(retry) = p.and_then(|p| p.auth_retry.as_ref()) {
            return Some(match retry.outcome {
                AuthOutcome::Accepted { .. } => O::OtherFormWorks,
                AuthOutcome::Rejected { .. } => O::OtherFormRefused,
                _ => O::OtherFormUntested,
            });
        }
        Some(if expected_user(cx).is_some() {
            O::OtherFormUntested
        } else {
            O::AsExpected
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        Auth::evidence(cx)
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<Auth>(), def::<AuthReply>(), def::<UserNameForm>()];

/// The user name in the form the provider (or, with none known, the host: the whole
/// address) expects, when the name given is in another form.
pub fn expected_user(cx: &Ctx) -> Option<String> {
    let input = cx.input;
    crate::checks::smtp::expected_user(&input.email, input.user.as_deref(), cx.provider_now())
}

/// The second sign-in that was accepted, on any port.
pub fn accepted_retry<'a>(cx: &Ctx<'a>) -> Option<&'a AuthRetry> {
    cx.facts
        .ports
        .values()
        .filter(|p| p.retry_accepted())
        .find_map(|p| p.auth_retry.as_ref())
}

/// The user name to recommend: the one proven by a second sign-in, else the expected form
/// when the name given is in another, else the name given (or the address).
pub fn user_to_recommend(cx: &Ctx) -> String {
    if let Some(retry) = accepted_retry(cx) {
        return retry.user.clone();
    }
    let input = cx.input;
    expected_user(cx).unwrap_or_else(|| {
        input
            .effective_user()
            .unwrap_or_else(|| input.email.clone())
    })
}

/// Sign-in attempts this run made, across every port (at most [`SIGN_IN_CAP`]). A recording
/// from before the count was kept shows one per sign-in answered.
pub fn sign_in_attempts(cx: &Ctx) -> u8 {
    cx.facts
        .ports
        .values()
        .map(|p| {
            if p.sign_in_attempts > 0 {
                p.sign_in_attempts
            } else {
                u8::from(matches!(
                    p.auth,
                    Some(
                        AuthOutcome::Accepted { .. }
                            | AuthOutcome::Rejected { .. }
                            | AuthOutcome::TempFailure { .. }
                    )
                ))
            }
        })
        .fold(0u8, u8::saturating_add)
}

/// The user name form and the sign-in attempts made.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "user.expected",
        value: |f: &Fill| Some(user_to_recommend(f.cx)),
    },
    Placeholder {
        name: "user.given",
        value: |f: &Fill| f.cx.input.effective_user(),
    },
    Placeholder {
        name: "signin.attempts",
        value: |f: &Fill| {
            // In the catalog's language (assets/report.toml, [phrases]).
            use crate::i18n::wording::{phrase, phrase_count};
            let lang = f.cx.catalog.lang;
            let count = match sign_in_attempts(f.cx) {
                1 => phrase(lang, "sign_in_once", &[]),
                n => phrase_count(lang, "sign_in_times", u64::from(n)),
            };
            Some(phrase(
                lang,
                "sign_in_attempts",
                &[("count", &count), ("cap", &SIGN_IN_CAP.to_string())],
            ))
        },
    },
];

/// The sign-in policies a provider's reply can name, as [`AuthReply`]'s outcomes.
fn policy_outcome(cause: &str) -> Option<AuthReplyOutcome> {
    match cause {
        "config.app_password_required" => Some(AuthReplyOutcome::AppPasswordRequired),
        "config.smtp_auth_disabled" => Some(AuthReplyOutcome::SmtpAuthDisabled),
        "config.oauth_required" => Some(AuthReplyOutcome::OauthRequired),
        _ => None,
    }
}

/// The port that ran the sign-in and envelope test: `None` while pending, `Some(None)`
/// when there is none.
pub fn session<'a>(cx: &Ctx<'a>) -> Option<Option<&'a PortProbe>> {
    let facts = cx.facts;
    if let Some(p) = facts.session_port() {
        return Some(Some(p));
    }
    if facts.all_ports_finished().unwrap_or(facts.done) || facts.done {
        Some(None)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::checks::smtp::{EnvelopeOutcome, Mode};
    use crate::facts::{Facts, ProviderFound, ProviderVia};
    use crate::settings::Input;

    /// Facts where port 587's sign-in was refused with `reply_text`, at provider `id`.
    pub(crate) fn refused_at(id: &str, reply_text: &str) -> Facts {
        let mut facts = Facts {
            provider: Some(Some(ProviderFound {
                id: id.into(),
                name: id.into(),
                via: ProviderVia::Mx {
                    host: "mx.example.test".into(),
                },
            })),
            done: true,
            ..Facts::default()
        };
        let mut p = PortProbe {
            port: 587,
            mode: Some(Mode::Plain),
            finished: true,
            ..PortProbe::default()
        };
        let parsed = crate::protocol::reply::parse_lines(&[reply_text.as_bytes()])
            .expect("a valid reply line");
        p.auth = Some(AuthOutcome::Rejected {
            mechanism: "PLAIN".into(),
            reply: parsed,
        });
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "sign-in failed".into(),
        });
        facts.ports.insert(587, p);
        facts
    }

    #[test]
    fn refused_sign_in_is_read_through_the_provider() {
        use AuthReplyOutcome as O;
        let catalog = Catalog::embedded().expect("embedded catalog");
        let input = Input::new("someone@example.test");
        let cases = [
            ("gmail", "534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor", O::AppPasswordRequired),
            ("microsoft365", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", O::SmtpAuthDisabled),
            ("microsoft365", "535 5.7.3 Authentication unsuccessful", O::PolicyOauth),
            ("gmail", "535 5.7.8 Username and Password not accepted", O::PolicyAppPassword),
            ("cpanel", "535 Incorrect authentication data", O::PasswordWrong),
        ];
        for (id, text, want) in cases {
            let facts = refused_at(id, text);
            assert_eq!(
                AuthReply::evaluate(&Ctx::new(&catalog, &input, &facts)),
                Some(want),
                "{id}: {text}"
            );
        }
        // Microsoft's wording is recognised on any domain, even without a provider match.
        let mut facts = refused_at(
            "gmail",
            "550 5.7.30 Basic authentication is not supported for Client Submission.",
        );
        facts.provider = Some(None);
        assert_eq!(
            AuthReply::evaluate(&Ctx::new(&catalog, &input, &facts)),
            Some(O::OauthRequired)
        );
    }

    #[test]
    fn the_user_name_form_is_read_from_the_name_and_the_second_try() {
        use crate::checks::smtp::AuthRetry;
        use UserNameFormOutcome as O;
        let catalog = Catalog::embedded().expect("embedded catalog");
        let refused = "535 5.7.8 Error: authentication failed";
        let form = |input: &Input, facts: &Facts| {
            let cx = Ctx::new(&catalog, input, facts);
            (UserNameForm::evaluate(&cx), user_to_recommend(&cx))
        };
        let mut short = Input::new("alice@example.test");
        short.user = Some("alice".into());
        let mut facts = refused_at("none", refused);
        facts.provider = Some(None);
        // No second try (the cap left no room): the expected form, unverified.
        assert_eq!(
            form(&short, &facts),
            (Some(O::OtherFormUntested), "alice@example.test".into())
        );
        // The whole address given: nothing to correct.
        assert_eq!(
            form(&Input::new("alice@example.test"), &facts).0,
            Some(O::AsExpected)
        );
        let retry = |outcome| AuthRetry {
            user: "alice@example.test".into(),
            outcome,
        };
        let p = facts.ports.get_mut(&587).expect("port 587");
        p.auth_retry = Some(retry(AuthOutcome::Accepted {
            mechanism: "PLAIN".into(),
        }));
        assert_eq!(
            form(&short, &facts),
            (Some(O::OtherFormWorks), "alice@example.test".into())
        );
        let p = facts.ports.get_mut(&587).expect("port 587");
        p.auth_retry = Some(retry(AuthOutcome::Rejected {
            mechanism: "PLAIN".into(),
            reply: crate::protocol::reply::parse_lines(&[refused.as_bytes()]).expect("reply"),
        }));
        assert_eq!(form(&short, &facts).0, Some(O::OtherFormRefused));
    }

    /// The rules steer every refused sign-in the way the profiles' first matching rule did
    /// before reply rules were data: every sample reply of every profile, at every provider.
    #[test]
    fn every_sample_reply_steers_as_before() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let profiles = &catalog.profiles;
        let input = Input::new("someone@example.test");
        let samples: Vec<String> = profiles
            .all()
            .iter()
            .flat_map(|p| p.reply.iter().filter_map(|r| r.example.clone()))
            .collect();
        assert!(samples.len() >= 20, "{}", samples.len());
        let mut providers: Vec<Option<&str>> =
            profiles.all().iter().map(|p| Some(p.id.as_str())).collect();
        providers.push(None);
        for text in &samples {
            if crate::protocol::reply::parse_lines(&[text.as_bytes()]).is_err() {
                continue;
            }
            for id in &providers {
                let mut facts = refused_at(id.unwrap_or("none"), text);
                if id.is_none() {
                    facts.provider = Some(None);
                }
                let provider = id.and_then(|id| profiles.get(id));
                let before = profiles
                    .match_reply(provider, text)
                    .and_then(|m| policy_outcome(&m.cause))
                    .unwrap_or(match provider.map(|p| p.signin) {
                        Some(Signin::OauthOnly) => AuthReplyOutcome::PolicyOauth,
                        Some(Signin::AppPassword | Signin::AppPasswordOrOauth) => {
                            AuthReplyOutcome::PolicyAppPassword
                        }
                        Some(Signin::Password) | None => AuthReplyOutcome::PasswordWrong,
                    });
                assert_eq!(
                    AuthReply::evaluate(&Ctx::new(&catalog, &input, &facts)),
                    Some(before),
                    "{text} at {id:?}"
                );
            }
        }
    }
}
