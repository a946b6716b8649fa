//! No import cycles between the library's modules: the check of `scripts/module_cycles.rs`
//! (included here, so there is one implementation) over `src/`, at the levels it enforces,
//! and the checker itself on small made-up crates, so that it is known to find what it
//! should and to ignore what it should.

#[path = "../scripts/module_cycles.rs"]
mod module_cycles;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use module_cycles::{cycles, fold, read_graph, Cycle, Graph, EXEMPT, LEVELS};

fn names(found: &[Cycle]) -> Vec<Vec<String>> {
    found
        .iter()
        .map(|c| c.nodes.iter().map(|n| module_cycles::show(n)).collect())
        .collect()
}

#[test]
fn the_library_has_no_import_cycle() {
    let g = read_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).unwrap();
    // The reader sees the crate: its main layers and the modules of the SMTP probe.
    for m in [
        "checks::smtp::session",
        "ui::server::state",
        "diagnosis",
        "ui::model",
    ] {
        let path: Vec<String> = m.split("::").map(String::from).collect();
        assert!(g.modules.contains(&path), "{m} not found");
    }
    let mut report = String::new();
    for (name, depth, enforced) in LEVELS {
        if !enforced {
            continue;
        }
        for c in cycles(&fold(&g, depth, &EXEMPT)) {
            let _ = write!(report, "{name}: {c}");
        }
    }
    assert!(report.is_empty(), "import cycles:\n{report}");
}

/// A made-up crate in a scratch folder, removed on drop.
struct Crate(PathBuf);

impl Crate {
    fn new(name: &str, files: &[(&str, &str)]) -> Crate {
        let dir = std::env::temp_dir().join(format!(
            "smtp-doctor-module-graph-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Crate(dir)
    }

    fn graph(&self) -> Graph {
        read_graph(&self.0).unwrap()
    }
}

impl Drop for Crate {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn two_siblings_that_import_each_other_are_a_cycle() {
    let c = Crate::new(
        "siblings",
        &[
            ("lib.rs", "pub mod a;\npub mod b;\n"),
            ("a.rs", "use crate::b::Thing;\npub struct Other;\n"),
            // The way back is written inline in code, not in a `use` line.
            (
                "b.rs",
                "pub struct Thing;\nfn f() -> crate::a::Other { crate::a::Other }\n",
            ),
        ],
    );
    let found = cycles(&fold(&c.graph(), None, &[]));
    assert_eq!(names(&found), [["a", "b"]]);
    let shown = found[0].to_string();
    assert!(
        shown.contains("a -> b") && shown.contains("a.rs:1"),
        "{shown}"
    );
    assert!(
        shown.contains("b -> a") && shown.contains("b.rs:2"),
        "{shown}"
    );
}

#[test]
fn a_cycle_through_submodules_shows_at_every_level() {
    let c = Crate::new(
        "deep",
        &[
            ("lib.rs", "pub mod x;\npub mod y;\n"),
            ("x/mod.rs", "pub mod inner;\n"),
            ("x/inner.rs", "use super::super::y::{self, Z};\n"),
            ("y.rs", "pub struct Z;\nuse crate::x::inner;\n"),
        ],
    );
    let g = c.graph();
    assert_eq!(names(&cycles(&fold(&g, None, &[]))), [["x::inner", "y"]]);
    assert_eq!(names(&cycles(&fold(&g, Some(1), &[]))), [["x", "y"]]);
}

#[test]
fn a_folder_and_its_parts_are_one_unit() {
    // The folder's file re-exports and calls its parts; the parts use its types.
    let c = Crate::new(
        "folder",
        &[
            ("lib.rs", "pub mod f;\n"),
            (
                "f/mod.rs",
                "mod load;\npub use load::read;\npub struct Kind;\nfn g() { load::read() }\n",
            ),
            ("f/load.rs", "use super::Kind;\npub fn read() {}\n"),
        ],
    );
    let g = c.graph();
    assert!(g.edges[&vec!["f".to_string()]].contains_key(&vec!["f".into(), "load".into()]));
    for depth in [None, Some(1), Some(2)] {
        assert!(cycles(&fold(&g, depth, &[])).is_empty());
    }
}

#[test]
fn test_code_comments_and_strings_do_not_count() {
    let c = Crate::new(
        "tests",
        &[
            ("lib.rs", "pub mod a;\npub mod b;\n"),
            ("a.rs", "use crate::b::Thing;\n"),
            (
                "b.rs",
                "pub struct Thing;\n\
                 // use crate::a::X;\n\
                 /* crate::a::X */\n\
                 const S: &str = \"crate::a::X\";\n\
                 const R: &str = r#\"use crate::a::X;\"#;\n\
                 const C: char = '\"';\n\
                 #[cfg(test)]\nmod tests { use crate::a::X; }\n\
                 #[cfg(test)]\nmod more;\n\
                 #[cfg(test)]\nfn helper() -> crate::a::X { todo!() }\n",
            ),
            ("b/more.rs", "use crate::a::X;\n"),
        ],
    );
    let g = c.graph();
    let (a, b) = (vec!["a".to_string()], vec!["b".to_string()]);
    assert!(g.edges[&a].contains_key(&b));
    assert!(!g.edges.contains_key(&b), "{:?}", g.edges);
    assert!(cycles(&fold(&g, None, &[])).is_empty());
    assert!(!g
        .modules
        .contains(&vec!["b".to_string(), "more".to_string()]));
}

#[test]
fn inline_modules_resolve_super_from_where_they_are() {
    let c = Crate::new(
        "inline",
        &[
            ("lib.rs", "pub mod a;\npub mod b;\n"),
            ("a.rs", "pub mod sys {\n    use super::super::b::Y;\n}\n"),
            ("b.rs", "pub struct Y;\nuse crate::a::sys;\n"),
        ],
    );
    let found = cycles(&fold(&c.graph(), None, &[]));
    assert_eq!(names(&found), [["a::sys", "b"]]);
}

#[test]
fn an_exempt_top_level_module_is_only_left_out_inside() {
    let c = Crate::new(
        "exempt",
        &[
            ("lib.rs", "pub mod s;\npub mod t;\n"),
            ("s/mod.rs", "pub mod p;\npub mod q;\n"),
            ("s/p.rs", "use super::q::A;\npub struct B;\n"),
            (
                "s/q.rs",
                "use super::p::B;\npub struct A;\nuse crate::t::C;\n",
            ),
            ("t.rs", "pub struct C;\nuse crate::s::q::A;\n"),
        ],
    );
    let g = c.graph();
    assert_eq!(
        names(&cycles(&fold(&g, None, &[]))),
        [["s::p", "s::q", "t"]]
    );
    // Inside `s` the cycle p <-> q is left out, but q <-> t still counts.
    let found = names(&cycles(&fold(&g, None, &["s"])));
    assert_eq!(found, [["s::q", "t"]]);
    assert_eq!(names(&cycles(&fold(&g, Some(1), &["s"]))), [["s", "t"]]);
}
