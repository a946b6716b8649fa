//! The language the system asks for: the POSIX locale variables, else the desktop's UI
//! language (`sys_locale`, which reads the Windows and macOS settings).

use super::Lang;

/// The language of the locale variables as POSIX orders them (`LC_ALL`, then `LC_MESSAGES`,
/// then `LANG`: the first one set and not empty decides), else of `fallback` (the desktop's
/// UI language). A locale the tool does not speak (`C`, `ja_JP`) is English.
pub fn choose(
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
    fallback: Option<&str>,
) -> Lang {
    let first = [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty());
    match first {
        Some(locale) => Lang::parse(locale).unwrap_or_default(),
        None => fallback.and_then(Lang::parse).unwrap_or_default(),
    }
}

/// The language this process's environment asks for.
pub fn detect() -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    let (all, messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
    // The desktop's language is asked only when no variable is set (a console on Windows).
    let desktop = if [&all, &messages, &lang]
        .iter()
        .all(|v| v.as_deref().is_none_or(str::is_empty))
    {
        sys_locale::get_locale()
    } else {
        None
    };
    choose(
        all.as_deref(),
        messages.as_deref(),
        lang.as_deref(),
        desktop.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_order_then_the_desktop() {
        assert_eq!(
            choose(None, Some("fr_FR.UTF-8"), Some("de_DE.UTF-8"), None),
            Lang::Fr
        );
        assert_eq!(
            choose(Some("nl_NL"), Some("fr_FR"), None, Some("de")),
            Lang::Nl
        );
        assert_eq!(choose(Some(""), None, Some("it_IT"), None), Lang::It);
        assert_eq!(choose(None, None, None, Some("pt-BR")), Lang::PtBr);
        // An unsupported locale is English, silently; the desktop is not asked then.
        assert_eq!(choose(None, None, Some("C.UTF-8"), Some("de")), Lang::En);
        assert_eq!(choose(None, None, Some("ja_JP"), None), Lang::En);
        assert_eq!(choose(None, None, None, None), Lang::En);
    }
}
