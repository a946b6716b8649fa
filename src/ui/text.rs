//! The wizard's wording, loaded from `assets/ui.toml` (embedded at build time) in the
//! language the person chose (`assets/locales/<lang>/ui.ftl` applied to it).
//!
//! The file is read strictly (`deny_unknown_fields`): a unit test proves it parses, so at run
//! time [`text`] cannot fail; should it ever, [`check`] reports it before the screen opens.
//! A translation that does not give a usable wording falls back to English as a whole.
//!
//! The language is the calling thread's ([`set_lang`]): `update` and `view::render` set it
//! from the model before they read any wording, so every screen speaks the model's language.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;

use crate::i18n::{self, Lang, Source};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub app: App,
    pub steps: Steps,
    pub keys: Keys,
    pub start: Start,
    pub error: ErrorScreen,
    pub account: Account,
    pub checks: Checks,
    pub result: ResultScreen,
    pub tell_host: TellHost,
    pub server: ServerScreen,
    pub report: ReportScreen,
    pub technical: Technical,
    pub quit: Quit,
    pub failure: Failure,
    pub help: Help,
    pub kiosk: Kiosk,
    pub new_account: NewAccountText,
}

/// The new-account screen.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccountText {
    pub title: String,
    pub intro: String,
    pub email_label: String,
    pub placeholder: String,
    pub invalid_email: String,
    pub asking: String,
    pub nothing: String,
    pub cert_warning: String,
    pub would_use: String,
    pub verifying: String,
    pub works: String,
    pub wrong: String,
    pub verified: String,
    pub look_up: String,
    pub r#continue: String,
    pub back: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct App {
    pub name: String,
    pub step_of: String,
    pub agent_badge: String,
    /// Markers in the right margin when text is scrolled out of view.
    pub more_above: String,
    pub more_below: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub settings: String,
    pub network: String,
    pub server: String,
}

/// Kiosk mode's screens: the PIN question, the no-network screen, the report folder.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kiosk {
    pub pin_title: String,
    pub pin_text: String,
    pub pin_label: String,
    pub pin_wrong: String,
    pub pin_wait: String,
    pub no_quit_title: String,
    pub no_quit_text: String,
    pub offline_title: String,
    pub offline_intro: String,
    pub offline_steps: Vec<String>,
    pub offline_retry: String,
    pub report_folder: String,
    pub report_name: String,
    pub pick: Key,
    pub pin_enter: Key,
    pub pin_back: Key,
}

/// One hint of the key bar.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub key: String,
    pub label: String,
    /// A shorter label for narrow terminals.
    #[serde(default)]
    pub short: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keys {
    pub r#move: Key,
    pub tab: Key,
    pub choose: Key,
    pub proceed: Key,
    pub save_file: Key,
    pub look_up: Key,
    pub next_field: Key,
    pub toggle: Key,
    pub pick: Key,
    pub back: Key,
    pub close: Key,
    pub scroll: Key,
    pub help: Key,
    pub help_f: Key,
    pub technical: Key,
    pub technical_f: Key,
    pub save: Key,
    pub save_ctrl: Key,
    pub export: Key,
    pub quit: Key,
    pub quit_ctrl: Key,
    pub yes: Key,
    pub no: Key,
    pub run: Key,
    pub cancel: Key,
    /// The start screen's language switch.
    pub language: Key,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartChoice {
    pub id: String,
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    pub title: String,
    pub intro: String,
    pub choices: Vec<StartChoice>,
    /// The language switch's line: the current language and the key that changes it.
    pub language: String,
    /// A language the switch could not load: which, and why.
    pub language_failed: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorScreen {
    pub title: String,
    pub intro: String,
    pub box_title: String,
    pub placeholder: String,
    pub read_title: String,
    pub nothing: String,
    pub sentence: String,
    pub sentence_plain: String,
    pub unknown_code: String,
    pub detail_account: String,
    pub detail_code: String,
    pub reply: String,
    pub r#continue: String,
    pub back: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub title: String,
    pub intro: String,
    pub email: String,
    pub server: String,
    pub port: String,
    pub encryption: String,
    pub auto: String,
    pub auth: String,
    pub user: String,
    pub password: String,
    pub password_why: String,
    pub empty_server: String,
    pub empty_port: String,
    pub empty_user: String,
    pub not_used: String,
    pub check: String,
    pub back: String,
    pub bad_email: String,
    pub bad_port: String,
    pub signin_app_password: String,
    pub signin_app_password_or_oauth: String,
    pub signin_oauth: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checks {
    pub title: String,
    pub waiting: String,
    pub running: String,
    pub running_steps: String,
    pub not_run: String,
    pub not_run_why: String,
    pub step_waiting: String,
    pub step_running: String,
    pub step_passed: String,
    pub step_failed: String,
    pub step_not_needed: String,
    pub step_count: String,
    pub count_passed: String,
    pub count_warned: String,
    pub count_skipped: String,
    pub count_not_needed: String,
    pub not_needed_why: String,
    pub now: String,
    pub question_title: String,
    pub still_running: String,
    pub no_run: String,
    /// A finished check's word beside its symbol.
    pub status_passed: String,
    pub status_failed: String,
    pub status_warning: String,
    pub status_skipped: String,
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultScreen {
    pub ok: String,
    pub problem: String,
    pub unsure: String,
    pub do_this: String,
    pub nothing_to_do: String,
    pub settings: String,
    pub setting_server: String,
    pub setting_port: String,
    pub setting_security: String,
    pub setting_user: String,
    pub setting_auth: String,
    pub setting_auth_value: String,
    pub next: String,
    pub next_none: String,
    pub no_cause: String,
    pub finishing: String,
    pub code: String,
    pub save: String,
    pub technical: String,
    pub change: String,
    pub quit: String,
    pub export_offer: String,
    pub export_saving: String,
    pub export_saved: String,
    pub export_failed: String,
    pub confidence: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TellHost {
    pub title: String,
    pub intro: String,
    pub ip: String,
    pub ip_not_found: String,
    pub unknown_ip: String,
    pub time: String,
    pub look_for: String,
    pub default: String,
    pub by_cause: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerScreen {
    pub title: String,
    pub intro: String,
    pub target: String,
    pub target_placeholder: String,
    pub account: String,
    pub account_placeholder: String,
    pub look: String,
    pub back: String,
    pub empty: String,
    pub reading: String,
    pub ok: String,
    pub problem: String,
    pub unsure: String,
    pub do_this: String,
    pub evidence: String,
    pub window: String,
    pub from_report: String,
    pub blocks: String,
    pub no_blocks: String,
    pub log: String,
    pub no_log: String,
    pub services: String,
    pub sources: String,
    pub readonly: String,
    pub lift: String,
    pub again: String,
    pub report: String,
    pub quit: String,
    pub confirm_title: String,
    pub confirm_text: String,
    pub confirm_yes: String,
    pub confirm_no: String,
    pub applying: String,
    pub applied: String,
    pub gone: String,
    pub still: String,
    pub declined: String,
    pub audit: String,
    pub audit_title: String,
    pub auditing: String,
    pub audit_lift: String,
    pub audit_again: String,
    pub audit_confirm_title: String,
    pub audit_confirm_text: String,
    pub audit_applying: String,
    pub audit_none: String,
    pub audit_more: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportScreen {
    pub title: String,
    pub intro: String,
    pub save_label: String,
    pub save: String,
    pub saving: String,
    pub saved: String,
    pub failed: String,
    pub empty_path: String,
    pub show_text: String,
    pub back: String,
    pub not_ready: String,
    pub copy_title: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technical {
    pub title: String,
    pub input: String,
    pub path: String,
    pub causes: String,
    pub checks: String,
    pub pending: String,
    pub transcript: String,
    pub no_transcript: String,
    pub password_given: String,
    pub no_password: String,
    pub none: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quit {
    pub title: String,
    pub text: String,
    pub yes: String,
    pub no: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    pub title: String,
    pub intro: String,
    pub trust_hint: String,
    pub tree_hint: String,
    pub dns_hint: String,
    pub kiosk_hint: String,
    pub other_hint: String,
    pub use_system: String,
    pub use_builtin: String,
    pub retry: String,
    pub change: String,
    pub quit: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Help {
    pub title: String,
    pub text: String,
}

/// The ids of the start screen's choices, in the order the program handles them.
pub const START_IDS: [&str; 6] = [
    "error",
    "outbox",
    "password",
    "new_account",
    "agent",
    "server",
];

/// The wording in `lang`, checked: strictly the shape of `assets/ui.toml`, the start
/// screen's choices in the program's order.
pub fn parse(lang: Lang) -> Result<UiText, String> {
    let name = match lang {
        Lang::En => "assets/ui.toml".to_string(),
        l => format!("assets/ui.toml with assets/locales/{l}/ui.ftl"),
    };
    let table = i18n::wording::table(Source::Ui, lang).clone();
    let t: UiText = table.try_into().map_err(|e| format!("{name}: {e}"))?;
    let ids: Vec<&str> = t.start.choices.iter().map(|c| c.id.as_str()).collect();
    if ids != START_IDS {
        return Err(format!(
            "{name}: start.choices must have the ids {START_IDS:?}, found {ids:?}"
        ));
    }
    Ok(t)
}

/// Proves the embedded English wording is usable; `run` calls it before taking over the
/// terminal. (A language whose wording is not usable shows English.)
pub fn check() -> Result<(), String> {
    parse(Lang::En).map(|_| ())
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language this thread's wording is read in.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Makes [`text`] read `lang` on this thread.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The wording in this thread's language.
pub fn text() -> &'static UiText {
    text_in(lang())
}

/// The wording in `lang`. Parsed once per language; a translation that does not give a
/// usable wording shows English, and an invalid English file (a build defect caught by the
/// tests) gives empty strings rather than a crash.
pub fn text_in(lang: Lang) -> &'static UiText {
    static ALL: OnceLock<Mutex<BTreeMap<Lang, &'static UiText>>> = OnceLock::new();
    let mut map = ALL
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(t) = map.get(&lang) {
        return t;
    }
    let parsed = parse(lang).or_else(|_| parse(Lang::En)).unwrap_or_default();
    // Kept for the process's life: at most one per language.
    let leaked: &'static UiText = Box::leak(Box::new(parsed));
    map.insert(lang, leaked);
    leaked
}

/// A sentence with a count (`{n}`), in this thread's language with its plural rules:
/// `plural-ui-<key>` of the language's `plural.ftl`; else its `ui.toml` sentence
/// (`template`, already in the language) when the language has translated that but no plural
/// form yet; else English's plural form.
pub fn count(key: &str, template: &str, n: usize) -> String {
    let lang = lang();
    let id = format!("plural-ui-{key}");
    let n64 = u64::try_from(n).unwrap_or(u64::MAX);
    // A language's plain translation beats English's plural form, its own plural form beats both.
    let plain_only = lang != Lang::En
        && !own_plural(lang, &id)
        && i18n::wording::translation(lang).has(&format!("ui-{key}"));
    if !plain_only {
        if let Some(s) = i18n::wording::plural(lang, &id, n64) {
            return s;
        }
    }
    fill(template, &[("n", &n.to_string())])
}

/// Whether `lang`'s own `plural.ftl` (not the English stand-in) has `id`.
fn own_plural(lang: Lang, id: &str) -> bool {
    lang.files()
        .iter()
        .filter(|(name, _)| name.ends_with("/plural.ftl"))
        .any(|(_, text)| {
            text.lines().any(|l| {
                l.strip_prefix(id)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
        })
}

/// Fills `{name}` placeholders. Unknown placeholders stay as written, so a typo shows.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_wording_parses() {
        check().unwrap();
        // Every language gives a usable wording (a translation that does not is a defect:
        // its people would see English).
        for lang in Lang::ALL {
            parse(lang).unwrap();
        }
        let t = text();
        assert!(!t.help.text.is_empty());
        for c in ["confirmed", "likely", "possible"] {
            assert!(t.result.confidence.contains_key(c), "result.confidence.{c}");
        }
        for l in ["dns.server.a", "dns.domain.mx", "tcp", "smtp", "other"] {
            assert!(t.checks.labels.contains_key(l), "checks.labels.{l}");
        }
    }

    #[test]
    fn tell_host_texts_name_server_side_causes_only() {
        for code in text().tell_host.by_cause.keys() {
            assert!(crate::causes::is_known(code), "unknown cause {code}");
            assert!(
                code.starts_with("server.")
                    || code.starts_with("unknown.")
                    || code.starts_with("reputation.client"),
                "{code} is not a server-side cause"
            );
        }
    }

    #[test]
    fn counts_agree_with_the_number() {
        set_lang(Lang::En);
        let t = &text().checks;
        assert_eq!(
            count("checks-step_count", &t.step_count, 1),
            "1 check passed"
        );
        assert_eq!(
            count("checks-step_count", &t.step_count, 3),
            "3 checks passed"
        );
        assert_eq!(
            count("checks-count_warned", &t.count_warned, 1),
            "1 with a warning"
        );
    }

    #[test]
    fn fill_replaces_known_names_only() {
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
    }
}
