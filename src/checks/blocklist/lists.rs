//! The blocklists to query and what their answers mean: `assets/blocklists.toml`, plus or
//! instead of a person's file (`--blocklists FILE`). A problem in a file is reported as
//! `file:line:column: message`, like the other loaders.

use std::net::Ipv4Addr;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::source::{start_of, Source, SourceErrors};

/// The embedded lists.
pub const EMBEDDED: &str = include_str!("../../../assets/blocklists.toml");
const EMBEDDED_ORIGIN: &str = "assets/blocklists.toml";

/// What an answer of a list means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// A listing.
    Listed,
    /// A home or dynamic connection (Spamhaus PBL): not a spam listing; such addresses are
    /// meant to send through their provider's server.
    Dynamic,
    /// The list refused the query (Spamhaus 127.255.255.254 through public resolvers).
    Refused,
}

/// One answer of a list and its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub answer: Ipv4Addr,
    pub kind: CodeKind,
    pub meaning: String,
}

/// One DNS blocklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocklist {
    pub name: String,
    pub zone: String,
    /// The list answers for IPv6 addresses too.
    pub ipv6: bool,
    pub delist: String,
    pub codes: Vec<Code>,
}

impl Blocklist {
    /// The meaning of an answer, when the list defines it.
    pub fn code(&self, answer: Ipv4Addr) -> Option<&Code> {
        self.codes.iter().find(|c| c.answer == answer)
    }
}

/// The lists of a run, in the order they are reported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Blocklists(pub Vec<Blocklist>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileForm {
    #[serde(default)]
    replace: bool,
    #[serde(default)]
    list: Vec<ListForm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListForm {
    name: Spanned<String>,
    zone: Spanned<String>,
    #[serde(default)]
    ipv6: bool,
    delist: Spanned<String>,
    #[serde(default)]
    code: Vec<CodeForm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeForm {
    answer: Spanned<String>,
    kind: CodeKind,
    meaning: Spanned<String>,
}

impl Blocklists {
    /// The embedded lists.
    pub fn embedded() -> Result<Blocklists, SourceErrors> {
        let (_, lists) = parse(&Source::new(EMBEDDED_ORIGIN, EMBEDDED))?;
        Ok(Blocklists(lists))
    }

    /// The embedded lists with `file`'s: added (a list with the same zone replaces the
    /// embedded one), or instead of them when the file says `replace = true`.
    pub fn load(file: Option<&Path>) -> Result<Blocklists, SourceErrors> {
        let mut lists = Blocklists::embedded()?;
        let Some(path) = file else {
            return Ok(lists);
        };
        let source = Source::read(path).map_err(|e| SourceErrors(vec![e]))?;
        let (replace, theirs) = parse(&source)?;
        if replace {
            lists.0.clear();
        }
        for list in theirs {
            lists.0.retain(|l| !l.zone.eq_ignore_ascii_case(&list.zone));
            lists.0.push(list);
        }
        Ok(lists)
    }
}

/// Reads one file: whether it replaces the embedded lists, and its lists.
fn parse(source: &Source) -> Result<(bool, Vec<Blocklist>), SourceErrors> {
    let form: FileForm = toml::from_str(&source.text).map_err(|e| {
        SourceErrors(vec![
            source.error(start_of(e.span()), e.message().trim().to_string())
        ])
    })?;
    let mut errors = Vec::new();
    let mut lists = Vec::new();
    for l in form.list {
        let mut bad = |at: &Spanned<String>, msg: String| {
            errors.push(source.error(at.span().start, msg));
        };
        let zone = l
            .zone
            .get_ref()
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if crate::host_name::network_host_name(&zone).is_none() || !zone.contains('.') {
            bad(
                &l.zone,
                format!("`{}` is not a DNS zone name", l.zone.get_ref()),
            );
        }
        if l.name.get_ref().trim().is_empty() {
            bad(&l.name, "the list needs a name".to_string());
        }
        if !l.delist.get_ref().starts_with("https://") && !l.delist.get_ref().starts_with("http://")
        {
            bad(
                &l.delist,
                "`delist` must be a web address (https://...)".to_string(),
            );
        }
        let mut codes = Vec::new();
        for c in l.code {
            match c.answer.get_ref().parse::<Ipv4Addr>() {
                Ok(a) if a.octets()[0] == 127 => codes.push(Code {
                    answer: a,
                    kind: c.kind,
                    meaning: c.meaning.get_ref().clone(),
                }),
                _ => bad(
                    &c.answer,
                    format!(
                        "`{}` is not an answer in 127.0.0.0/8 (RFC 5782)",
                        c.answer.get_ref()
                    ),
                ),
            }
            if c.meaning.get_ref().trim().is_empty() {
                bad(&c.meaning, "the code needs a meaning".to_string());
            }
        }
        lists.push(Blocklist {
            name: l.name.into_inner(),
            zone,
            ipv6: l.ipv6,
            delist: l.delist.into_inner(),
            codes,
        });
    }
    if errors.is_empty() {
        Ok((form.replace, lists))
    } else {
        Err(SourceErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lists_load() {
        let lists = Blocklists::embedded().unwrap();
        let zen = lists
            .0
            .iter()
            .find(|l| l.zone == "zen.spamhaus.org")
            .unwrap();
        assert_eq!(
            zen.code(Ipv4Addr::new(127, 0, 0, 10)).unwrap().kind,
            CodeKind::Dynamic
        );
        assert_eq!(
            zen.code(Ipv4Addr::new(127, 255, 255, 254)).unwrap().kind,
            CodeKind::Refused
        );
        for zone in [
            "b.barracudacentral.org",
            "bl.spamcop.net",
            "dnsbl-1.uceprotect.net",
            "bl.mailspike.net",
            "psbl.surriel.com",
        ] {
            assert!(lists.0.iter().any(|l| l.zone == zone), "{zone}");
        }
    }

    fn file(text: &str) -> (tempfile_path::Guard, std::path::PathBuf) {
        tempfile_path::write(text)
    }

    /// A file in the system's temporary folder, removed when the guard goes.
    mod tempfile_path {
        pub struct Guard(pub std::path::PathBuf);
        impl Drop for Guard {
            fn drop(&mut self) {
                let _ = std::fs::remove_file(&self.0);
            }
        }
        pub fn write(text: &str) -> (Guard, std::path::PathBuf) {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static N: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "smtp-doctor-blocklists-{}-{}.toml",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            std::fs::write(&path, text).unwrap();
            (Guard(path.clone()), path)
        }
    }

    #[test]
    fn a_file_adds_replaces_by_zone_or_replaces_all() {
        let text =
            "[[list]]\nname = \"Lab\"\nzone = \"bl.lab.test\"\ndelist = \"https://lab.test/\"\n";
        let (_g, path) = file(text);
        let lists = Blocklists::load(Some(&path)).unwrap();
        assert!(lists.0.len() > 5);
        assert_eq!(lists.0.last().unwrap().zone, "bl.lab.test");
        let (_g2, path) = file(&format!("replace = true\n{text}"));
        let lists = Blocklists::load(Some(&path)).unwrap();
        assert_eq!(lists.0.len(), 1);
        let (_g3, path) = file(
            "[[list]]\nname = \"Mine\"\nzone = \"ZEN.spamhaus.org.\"\ndelist = \"https://x.test/\"\n",
        );
        let lists = Blocklists::load(Some(&path)).unwrap();
        let zen: Vec<_> = lists
            .0
            .iter()
            .filter(|l| l.zone == "zen.spamhaus.org")
            .collect();
        assert_eq!(zen.len(), 1);
        assert_eq!(zen[0].name, "Mine");
    }

    #[test]
    fn problems_name_file_line_and_column() {
        let (_g, path) = file(
            "[[list]]\nname = \"Lab\"\nzone = \"bl.lab.test\"\ndelist = \"https://lab.test/\"\n[[list.code]]\nanswer = \"10.0.0.2\"\nkind = \"listed\"\nmeaning = \"x\"\n",
        );
        let err = Blocklists::load(Some(&path)).unwrap_err().to_string();
        assert!(
            err.ends_with(":6:10: `10.0.0.2` is not an answer in 127.0.0.0/8 (RFC 5782)"),
            "{err}"
        );
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        let (_g, path) = file("[[list]]\nname = \"Lab\"\nzone = \"bl.lab.test\"\ncolour = 1\n");
        let err = Blocklists::load(Some(&path)).unwrap_err().to_string();
        assert!(err.contains(":4:1: unknown field `colour`"), "{err}");
        let (_g, path) =
            file("[[list]]\nname = \"Lab\"\nzone = \"not a zone\"\ndelist = \"ftp://x\"\n");
        let err = Blocklists::load(Some(&path)).unwrap_err();
        assert_eq!(err.0.len(), 2, "{err}");
        assert_eq!((err.0[0].line, err.0[0].column), (3, 8));
        assert_eq!((err.0[1].line, err.0[1].column), (4, 10));
    }
}
