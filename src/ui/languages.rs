//! The wizard's languages: the catalog it speaks now, and the start screen's switch. The
//! switch loads a language only when the person asks for it (a key press), so the first
//! frame waits for one catalog and memory holds one: the old catalog goes when nothing
//! else holds it. A language that does not load is not offered any more; the switch says
//! so in one line and the wizard stays in its language.

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::i18n::Lang;

/// What loads the catalog in a language: the CLI's reads the embedded wording plus the
/// person's files, a test's is its own. A problem comes back as one line.
#[derive(Clone)]
pub struct CatalogLoader(Arc<LoadFn>);

type LoadFn = dyn Fn(Lang) -> Result<Arc<Catalog>, String> + Send + Sync;

impl CatalogLoader {
    pub fn new(
        load: impl Fn(Lang) -> Result<Arc<Catalog>, String> + Send + Sync + 'static,
    ) -> CatalogLoader {
        CatalogLoader(Arc::new(load))
    }

    /// The catalog in `lang`, or why it cannot be had.
    pub fn load(&self, lang: Lang) -> Result<Arc<Catalog>, String> {
        (self.0)(lang)
    }
}

impl std::fmt::Debug for CatalogLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CatalogLoader")
    }
}

/// The wizard's languages as it starts: the catalog in the starting language (its `lang`)
/// and, unless the language is fixed (a kiosk configuration can fix it), the loader the
/// switch uses for the others.
#[derive(Debug, Clone)]
pub struct Languages {
    pub catalog: Arc<Catalog>,
    pub loader: Option<CatalogLoader>,
}

impl Languages {
    /// One catalog, its own language, no switch.
    pub fn single(catalog: Arc<Catalog>) -> Languages {
        Languages {
            catalog,
            loader: None,
        }
    }

    /// Starts in `catalog`'s language; the switch offers every language, loaded by `loader`
    /// when chosen.
    pub fn switchable(catalog: Arc<Catalog>, loader: CatalogLoader) -> Languages {
        Languages {
            catalog,
            loader: Some(loader),
        }
    }
}

/// A switch that did not happen: the language asked for and why (one line, as the loader
/// gave it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub lang: Lang,
    pub reason: String,
}

/// The switch's state, which the model holds.
#[derive(Debug, Clone, Default)]
pub struct LanguageSwitch {
    /// The languages offered, in `Lang::ALL` order: every one but those that failed to
    /// load; empty when the language is fixed.
    offered: Vec<Lang>,
    loader: Option<CatalogLoader>,
    /// Why the last switch did not happen, until a switch succeeds.
    pub problem: Option<LoadProblem>,
}

impl LanguageSwitch {
    /// `None`: a fixed language, nothing offered.
    pub fn new(loader: Option<CatalogLoader>) -> LanguageSwitch {
        LanguageSwitch {
            offered: if loader.is_some() {
                Lang::ALL.to_vec()
            } else {
                Vec::new()
            },
            loader,
            problem: None,
        }
    }

    /// Whether there is another language to switch to.
    pub fn can_switch(&self) -> bool {
        self.offered.len() > 1
    }

    /// The languages offered, in `Lang::ALL` order.
    pub fn offered(&self) -> &[Lang] {
        &self.offered
    }

    /// The language offered after `current` (wrapping); `current` when there is none.
    pub fn next_after(&self, current: Lang) -> Lang {
        let at = self.offered.iter().position(|l| *l == current);
        at.and_then(|i| self.offered.get((i + 1) % self.offered.len()).copied())
            .or_else(|| self.offered.first().copied())
            .unwrap_or(current)
    }

    /// The catalog in `lang`, loaded now. A language that is not offered gives `None`; one
    /// that fails to load is no longer offered, and the problem is kept to be shown.
    pub fn load(&mut self, lang: Lang) -> Option<Arc<Catalog>> {
        if !self.offered.contains(&lang) {
            return None;
        }
        let loader = self.loader.as_ref()?;
        match loader.load(lang) {
            Ok(catalog) => {
                self.problem = None;
                Some(catalog)
            }
            Err(reason) => {
                self.offered.retain(|l| *l != lang);
                self.problem = Some(LoadProblem {
                    lang,
                    reason: one_line(&reason),
                });
                None
            }
        }
    }

    /// The catalog in `lang` for a fresh start (a kiosk's next visitor), whether or not
    /// the switch offers it: the starting language is not offered on a fixed kiosk.
    pub fn reload(&self, lang: Lang) -> Option<Arc<Catalog>> {
        self.loader.as_ref()?.load(lang).ok()
    }
}

/// The first line of `text` with control characters shown as `?` (a loader's problem names
/// a file whose contents the person wrote, and it is drawn on the start screen).
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn english() -> Arc<Catalog> {
        Catalog::embedded().unwrap()
    }

    /// A loader that gives the English catalog for every language but `broken`, and counts
    /// its calls.
    fn loader(broken: Lang, calls: Arc<AtomicUsize>) -> CatalogLoader {
        CatalogLoader::new(move |lang| {
            calls.fetch_add(1, Ordering::SeqCst);
            if lang == broken {
                Err("tree.toml:3:1: the file\nwent away".to_string())
            } else {
                Ok(english())
            }
        })
    }

    #[test]
    fn a_fixed_language_offers_nothing_and_loads_nothing() {
        let mut s = LanguageSwitch::new(None);
        assert!(!s.can_switch());
        assert!(s.offered().is_empty());
        assert_eq!(s.next_after(Lang::De), Lang::De);
        assert!(s.load(Lang::Fr).is_none());
        assert!(s.reload(Lang::Fr).is_none());
    }

    #[test]
    fn every_language_is_offered_before_any_is_loaded() {
        let calls = Arc::new(AtomicUsize::new(0));
        let s = LanguageSwitch::new(Some(loader(Lang::Nl, calls.clone())));
        assert_eq!(s.offered(), Lang::ALL);
        assert_eq!(s.next_after(Lang::En), Lang::De);
        assert_eq!(s.next_after(Lang::Nl), Lang::En);
        assert_eq!(calls.load(Ordering::SeqCst), 0, "nothing loads up front");
    }

    #[test]
    fn a_language_that_fails_to_load_is_dropped_with_its_problem_in_one_line() {
        let calls = Arc::new(AtomicUsize::new(0));
        let mut s = LanguageSwitch::new(Some(loader(Lang::Fr, calls.clone())));
        assert!(s.load(Lang::Fr).is_none());
        assert_eq!(
            s.problem,
            Some(LoadProblem {
                lang: Lang::Fr,
                reason: "tree.toml:3:1: the file".to_string()
            })
        );
        assert!(!s.offered().contains(&Lang::Fr));
        assert_eq!(s.next_after(Lang::De), Lang::Es, "Fr is skipped");
        // Not offered any more: not tried again.
        assert!(s.load(Lang::Fr).is_none());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // A later switch that works clears the problem.
        assert!(s.load(Lang::Es).is_some());
        assert_eq!(s.problem, None);
    }

    #[test]
    fn problems_lose_control_characters() {
        assert_eq!(one_line("\n  a\u{1b}[2Jb \nc"), "a?[2Jb");
    }
}
