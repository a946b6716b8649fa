//! The languages the wizard and the reports speak.
//!
//! English is the wording in `assets/*.toml` and `profiles/*.toml`, the source of every
//! sentence. Each other language is a set of Fluent files in `assets/locales/<tag>/`
//! (`ui.ftl`, `tree.ftl`, `errors.ftl`, `profiles.ftl`, and `vendor.ftl`, whose terms hold
//! the mail programs' own menu labels with their sources). Message ids come from where a
//! sentence sits in its TOML file ([`flatten`]); `assets/locales/en/` holds the generated
//! English reference that translators work from (a test keeps it in step with the TOML).

pub mod flatten;
pub mod ftl;
pub mod system;
pub mod translate;
pub mod wording;

use std::fmt;

pub use flatten::Source;
pub use translate::{Problem, Translation};

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    It,
    PtBr,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::It,
        Lang::PtBr,
        Lang::Nl,
    ];

    /// The BCP 47 tag (`--lang`, folder names, JSON).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::PtBr => "pt-BR",
            Lang::Nl => "nl",
        }
    }

    /// The language's own name, as the language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::It => "Italiano",
            Lang::PtBr => "Português (Brasil)",
            Lang::Nl => "Nederlands",
        }
    }

    /// A tag or a POSIX locale (`de`, `de-AT`, `de_DE.UTF-8`, `pt_BR`, `nl_BE@euro`) to the
    /// language it asks for; `None` for languages the tool does not speak and for `C`/`POSIX`.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        let mut parts = base.split('-');
        let language = parts.next()?.to_ascii_lowercase();
        Some(match language.as_str() {
            "en" => Lang::En,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "it" => Lang::It,
            // Brazilian Portuguese is the only Portuguese offered: closer for pt-PT readers
            // than English.
            "pt" => Lang::PtBr,
            "nl" => Lang::Nl,
            _ => return None,
        })
    }

    /// The language identifier Fluent's plural rules use.
    pub fn identifier(self) -> unic_langid::LanguageIdentifier {
        self.tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default())
    }

    /// The embedded Fluent files of this language, with their names for messages.
    pub fn files(self) -> &'static [(&'static str, &'static str)] {
        embedded::files(self)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

mod embedded {
    use std::io::Read;
    use std::sync::OnceLock;

    use super::Lang;

    /// One language's Fluent files as build.rs embeds them.
    pub struct Compressed {
        /// The language's tag ([`Lang::tag`]).
        pub tag: &'static str,
        /// The files one after another, deflated.
        pub blob: &'static [u8],
        /// Each file's name and length in bytes, in the order of the blob.
        pub parts: &'static [(&'static str, usize)],
    }

    // `COMPRESSED`, written by build.rs: every language but English.
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));

    macro_rules! lang_files {
        ($dir:literal) => {
            &[
                (
                    concat!("assets/locales/", $dir, "/ui.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/ui.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/tree.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/tree.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/errors.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/errors.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/profiles.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/profiles.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/vendor.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/vendor.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/report.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/report.ftl")),
                ),
                (
                    concat!("assets/locales/", $dir, "/plural.ftl"),
                    include_str!(concat!("../../assets/locales/", $dir, "/plural.ftl")),
                ),
            ]
        };
    }

    type Files = &'static [(&'static str, &'static str)];

    /// Each compressed language's files once inflated, in `COMPRESSED` order.
    static INFLATED: [OnceLock<Files>; COMPRESSED.len()] =
        [const { OnceLock::new() }; COMPRESSED.len()];

    pub fn files(lang: Lang) -> Files {
        // English is always used (the source and every fallback): plain, no inflating.
        if lang == Lang::En {
            return lang_files!("en");
        }
        let Some(i) = COMPRESSED.iter().position(|c| c.tag == lang.tag()) else {
            return &[];
        };
        INFLATED[i].get_or_init(|| inflate(&COMPRESSED[i]).unwrap_or_default())
    }

    /// The files of one deflated blob, kept for the rest of the run (as the plain ones
    /// are). `None` only for a blob that build.rs did not write, which its own check and
    /// the tests rule out.
    fn inflate(compressed: &Compressed) -> Option<Files> {
        let parts = compressed.parts;
        let total = parts.iter().map(|(_, len)| len).sum();
        let mut text = String::with_capacity(total);
        flate2::read::DeflateDecoder::new(compressed.blob)
            .read_to_string(&mut text)
            .ok()?;
        let text: &'static str = text.leak();
        let mut files = Vec::with_capacity(parts.len());
        let mut start = 0;
        for (name, len) in parts {
            files.push((*name, text.get(start..start + len)?));
            start += len;
        }
        (start == text.len()).then(|| &*files.leak())
    }

    #[cfg(test)]
    mod tests {
        use super::{files, Lang, COMPRESSED};

        /// Every language gives back exactly the files in `assets/locales/<tag>/`, in the
        /// same order and under the same names, however it is embedded.
        #[test]
        fn every_language_is_its_files_on_disk() {
            for lang in Lang::ALL {
                let got = files(lang);
                let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
                let expected: Vec<String> = [
                    "ui", "tree", "errors", "profiles", "vendor", "report", "plural",
                ]
                .iter()
                .map(|f| format!("assets/locales/{}/{f}.ftl", lang.tag()))
                .collect();
                assert_eq!(names, expected, "{lang}");
                for (name, text) in got {
                    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
                    let on_disk = std::fs::read_to_string(&path).unwrap();
                    assert!(*text == on_disk, "{name} differs from the file");
                }
            }
        }

        /// Only English is embedded plain; each other language is deflated, and smaller.
        #[test]
        fn every_other_language_is_deflated() {
            for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
                let c = COMPRESSED.iter().find(|c| c.tag == lang.tag()).unwrap();
                let plain: usize = c.parts.iter().map(|(_, len)| len).sum();
                assert!(
                    c.blob.len() * 2 < plain,
                    "{lang}: {} of {plain}",
                    c.blob.len()
                );
            }
            assert_eq!(COMPRESSED.len(), Lang::ALL.len() - 1);
        }

        /// A second call gives the same inflated files, not a second copy.
        #[test]
        fn a_language_is_inflated_once() {
            assert!(std::ptr::eq(files(Lang::De), files(Lang::De)));
        }
    }
}

/// The English sentences of each translatable source, as embedded.
pub mod english {
    use super::flatten::{self, Entry, Source};

    /// The wizard's wording (`assets/ui.toml`), embedded.
    pub const UI_TOML: &str = include_str!("../../assets/ui.toml");
    /// The error catalogue (`assets/error-codes.toml`), embedded.
    pub const ERRORS_TOML: &str = include_str!("../../assets/error-codes.toml");
    /// The reports' wording and the words put into sentences (`assets/report.toml`).
    pub const REPORT_TOML: &str = include_str!("../../assets/report.toml");
    /// The English sentences chosen by a number (hand-written: Fluent select expressions).
    pub const PLURAL_FTL: &str = include_str!("../../assets/locales/en/plural.ftl");

    /// (source, id prefix, file name, TOML text) for every embedded wording file.
    pub fn documents() -> Vec<(Source, String, String, &'static str)> {
        let mut out = vec![
            (
                Source::Ui,
                "ui".to_string(),
                "assets/ui.toml".to_string(),
                UI_TOML,
            ),
            (
                Source::Tree,
                "tree".to_string(),
                "assets/tree.toml".to_string(),
                crate::tree::EMBEDDED,
            ),
            (
                Source::Errors,
                "errors".to_string(),
                "assets/error-codes.toml".to_string(),
                ERRORS_TOML,
            ),
            (
                Source::Report,
                "report".to_string(),
                "assets/report.toml".to_string(),
                REPORT_TOML,
            ),
        ];
        for (name, text) in crate::profiles::EMBEDDED_FILES {
            let stem = name.trim_end_matches(".toml");
            out.push((
                Source::Profile,
                profile_prefix(stem),
                format!("profiles/{name}"),
                text,
            ));
        }
        out
    }

    /// The messages of the English plural file as entries (the text names the variables as
    /// placeholders), for checking the languages' plural files.
    pub fn plural_entries() -> Vec<Entry> {
        let Ok(resource) = fluent_syntax::parser::parse(PLURAL_FTL) else {
            return Vec::new();
        };
        resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(Entry {
                    id: m.id.name.to_string(),
                    path: Vec::new(),
                    // Every plural message reads the number `$n` and nothing else.
                    text: "{n}".to_string(),
                }),
                _ => None,
            })
            .collect()
    }

    /// A profile's id prefix: `profiles-<file stem>`.
    pub fn profile_prefix(stem: &str) -> String {
        format!("profiles-{}", flatten::ident(stem))
    }

    /// The English entries of one source (all profiles together for [`Source::Profile`]).
    pub fn entries(source: Source) -> Vec<Entry> {
        let mut out = Vec::new();
        for (s, prefix, _, text) in documents() {
            if s != source {
                continue;
            }
            if let Ok(doc) = toml::from_str::<toml::Table>(text) {
                out.extend(flatten::entries(s, &prefix, &doc));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
