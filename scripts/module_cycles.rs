//! Finds import cycles between the library's modules.
//!
//! Reads every `.rs` file under a source folder (`src/`, without `main.rs`), drops comments,
//! string literals and test code (any item under `#[cfg(test)]`, including `mod tests;` files),
//! and collects every path that names one of the crate's modules: `use crate::…`,
//! `use super::…`, `use self::…`, a child module's own name (`use theme::Theme`), and the same
//! paths written inline in code (`crate::endpoint::Security`). Each path points at the longest
//! module it names, so `crate::checks::Status` is an edge to `checks` (its `mod.rs`), and a
//! `pub use` re-export is an edge like any other.
//!
//! The graph is checked at three levels:
//! - top-level modules (`checks`, `ui`, …), every file folded into its first segment;
//! - submodules (`checks::smtp`, `ui::model`, …), every file folded into its first two segments
//!   (a folder's own `mod.rs` is the node of the folder itself);
//! - every module, one node per file (or inline `mod`).
//!
//! An edge between a module and one of its own ancestors is not counted: a folder's `mod.rs`
//! and its parts are one unit (the parts use the types the folder's file defines, the file
//! re-exports and calls its parts), the way Rust modules are usually built. Every other
//! edge counts, so two sibling modules (or two files in different folders) that import each
//! other, directly or through others, are a cycle.
//!
//! A strongly connected set of two or more nodes is a cycle. `tests/module_graph.rs` runs this
//! same code (it includes this file) and fails on a cycle at the levels it enforces.
//!
//! Run by hand (prints every level's cycles with the lines that make each edge):
//! ```text
//! rustc --edition 2021 -o /tmp/module_cycles scripts/module_cycles.rs && /tmp/module_cycles src
//! ```
//!
//! Limits: paths are read from tokens, not resolved by the compiler: a path through a `use`
//! alias of a module (`use super::smtp as probe; probe::X`) is counted at the `use` only, and
//! macros are not expanded. Neither hides an edge the `use` lines do not already show.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path below the crate root (`["checks", "smtp"]`); empty for `lib.rs`.
pub type ModPath = Vec<String>;

/// Where an edge was seen first: file and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub file: PathBuf,
    pub line: usize,
}

/// The module graph: for each module, the modules it imports and where.
#[derive(Debug, Default)]
pub struct Graph {
    pub modules: BTreeSet<ModPath>,
    pub edges: BTreeMap<ModPath, BTreeMap<ModPath, Seen>>,
}

/// One cycle: its modules and the edges between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub nodes: Vec<ModPath>,
    pub edges: Vec<(ModPath, ModPath, Seen)>,
}

pub fn show(p: &[String]) -> String {
    if p.is_empty() {
        "crate".to_string()
    } else {
        p.join("::")
    }
}

impl std::fmt::Display for Cycle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self.nodes.iter().map(|n| show(n)).collect();
        writeln!(f, "cycle: {}", names.join(", "))?;
        for (a, b, seen) in &self.edges {
            writeln!(
                f,
                "    {} -> {}  ({}:{})",
                show(a),
                show(b),
                seen.file.display(),
                seen.line
            )?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
}

/// Tokens with their line numbers; comments and literals are gone.
fn tokenize(src: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let ident_start = |ch: char| ch.is_alphabetic() || ch == '_';
    let ident_char = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' || (ch == 'b' && next == Some('"')) {
            i += if ch == 'b' { 2 } else { 1 };
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                if c.get(i) == Some(&'\n') {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
        } else if (ch == 'r' && matches!(next, Some('"' | '#')))
            || (ch == 'b' && next == Some('r') && matches!(c.get(i + 2), Some('"' | '#')))
        {
            // A raw string: r"…", r#"…"#, br"…"; or a raw identifier r#name.
            let mut j = i + if ch == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                // r#ident
                let start = j;
                while j < c.len() && ident_char(c[j]) {
                    j += 1;
                }
                out.push((Tok::Ident(c[start..j].iter().collect()), line));
                i = j;
                continue;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                j += 1;
            }
            i = j;
        } else if ch == '\'' {
            // A char literal ('a', '\n', '\u{1b}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && ident_char(c[i]) {
                    i += 1;
                }
            }
        } else if ident_start(ch) {
            let start = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            out.push((Tok::Ident(c[start..i].iter().collect()), line));
        } else if ch.is_ascii_digit() {
            while i < c.len() && (ident_char(c[i]) || c[i] == '.') {
                // `1..n` is a range, not a float.
                if c[i] == '.' && c.get(i + 1) == Some(&'.') {
                    break;
                }
                i += 1;
            }
        } else if ch == ':' && next == Some(':') {
            out.push((Tok::Path, line));
            i += 2;
        } else {
            out.push((Tok::Punct(ch), line));
            i += 1;
        }
    }
    out
}

/// A path found in one module, before it is resolved against the module list.
struct Found {
    /// The module the path was written in.
    at: ModPath,
    segments: Vec<String>,
    line: usize,
}

/// Reads the tokens of one file whose module is `module`. Returns the paths it names and
/// the inline and `#[cfg(test)]` child modules it declares.
struct Scan {
    found: Vec<Found>,
    inline_modules: Vec<ModPath>,
    test_children: Vec<ModPath>,
}

fn is_ident(t: Option<&(Tok, usize)>, name: &str) -> bool {
    matches!(t, Some((Tok::Ident(s), _)) if s == name)
}

/// Skips one item from `i` (after its attributes): to the `;` that ends it, or to the `}`
/// that closes its first block.
fn skip_item(toks: &[(Tok, usize)], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < toks.len() {
        match toks[i].0 {
            Tok::Punct('{' | '(' | '[') => depth += 1,
            Tok::Punct('}' | ')' | ']') => {
                depth = depth.saturating_sub(1);
                if depth == 0 && toks[i].0 == Tok::Punct('}') {
                    return i + 1;
                }
            }
            Tok::Punct(';') if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The end of the attribute that starts at `i` (`#` or `#!`), and whether it is
/// `#[cfg(test)]`.
fn attribute(toks: &[(Tok, usize)], mut i: usize) -> (usize, bool) {
    i += 1;
    if toks.get(i).map(|t| &t.0) == Some(&Tok::Punct('!')) {
        i += 1;
    }
    let start = i;
    let mut depth = 0usize;
    while i < toks.len() {
        match toks[i].0 {
            Tok::Punct('[') => depth += 1,
            Tok::Punct(']') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    i += 1;
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let body: Vec<&Tok> = toks[start..i].iter().map(|t| &t.0).collect();
    let test = body
        == [
            &Tok::Punct('['),
            &Tok::Ident("cfg".into()),
            &Tok::Punct('('),
            &Tok::Ident("test".into()),
            &Tok::Punct(')'),
            &Tok::Punct(']'),
        ];
    (i, test)
}

/// Reads one `use` tree from `i` (after `use`, or inside a `{…}` group) into full paths;
/// returns the index of the `,`, `}` or `;` after it.
fn use_tree(
    toks: &[(Tok, usize)],
    mut i: usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let mut path: Vec<String> = prefix.to_vec();
    // Whether this tree names something itself (`a::b`, `self`), not only a group.
    let mut names = false;
    let mut line = toks.get(i).map_or(0, |t| t.1);
    while i < toks.len() {
        match &toks[i].0 {
            Tok::Ident(s) if s == "as" => i += 2,
            Tok::Ident(s) => {
                line = toks[i].1;
                // `{self, …}` names the prefix itself.
                if s != "self" || path.is_empty() {
                    path.push(s.clone());
                }
                names = true;
                i += 1;
            }
            Tok::Punct('{') => {
                i += 1;
                loop {
                    if toks.get(i).map(|t| &t.0) == Some(&Tok::Punct('}')) {
                        i += 1;
                        break;
                    }
                    i = use_tree(toks, i, &path, out);
                    match toks.get(i).map(|t| &t.0) {
                        Some(Tok::Punct(',')) => i += 1,
                        Some(Tok::Punct('}')) => {
                            i += 1;
                            break;
                        }
                        _ => return i,
                    }
                }
                names = false;
            }
            Tok::Punct(',' | '}' | ';') => break,
            // `::`, `*` and other punctuation inside the tree.
            Tok::Path | Tok::Punct(_) => i += 1,
        }
    }
    if names {
        out.push((path, line));
    }
    i
}

fn scan(toks: &[(Tok, usize)], module: &ModPath) -> Scan {
    let mut scanned = Scan {
        found: Vec::new(),
        inline_modules: Vec::new(),
        test_children: Vec::new(),
    };
    // The inline modules open at this point, with the brace depth they close at.
    let mut stack: Vec<(ModPath, usize)> = vec![(module.clone(), 0)];
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let here = stack.last().map(|s| s.0.clone()).unwrap_or_default();
        match &toks[i].0 {
            Tok::Punct('#') => {
                let (end, test) = attribute(toks, i);
                if !test {
                    i = end;
                    continue;
                }
                // Further attributes of the same item, then the item itself.
                let mut j = end;
                while toks.get(j).map(|t| &t.0) == Some(&Tok::Punct('#')) {
                    j = attribute(toks, j).0;
                }
                // `#[cfg(test)] mod name;`: that file is test code.
                let mut k = j;
                while matches!(toks.get(k).map(|t| &t.0), Some(Tok::Ident(w)) if w == "pub")
                    || matches!(toks.get(k).map(|t| &t.0), Some(Tok::Punct('(')))
                    || matches!(toks.get(k).map(|t| &t.0), Some(Tok::Ident(w)) if w == "crate" || w == "super")
                    || matches!(toks.get(k).map(|t| &t.0), Some(Tok::Punct(')')))
                {
                    k += 1;
                }
                if is_ident(toks.get(k), "mod") {
                    if let Some((Tok::Ident(name), _)) = toks.get(k + 1) {
                        let mut child = here.clone();
                        child.push(name.clone());
                        scanned.test_children.push(child);
                    }
                }
                i = skip_item(toks, j);
                continue;
            }
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if stack.len() > 1 && stack.last().is_some_and(|s| s.1 == depth) {
                    stack.pop();
                }
            }
            Tok::Ident(w) if w == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    let mut child = here.clone();
                    child.push(name.clone());
                    scanned.inline_modules.push(child.clone());
                    stack.push((child, depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(w) if w == "use" => {
                let mut paths = Vec::new();
                let end = use_tree(toks, i + 1, &[], &mut paths) + 1;
                for (segments, line) in paths {
                    scanned.found.push(Found {
                        at: here.clone(),
                        segments,
                        line,
                    });
                }
                i = end;
                continue;
            }
            Tok::Ident(w) => {
                // A path written in code: `crate::x::y`, `super::x`, `child::f`.
                let starts = i == 0 || toks[i - 1].0 != Tok::Path;
                if starts && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Path) {
                    let mut segments = vec![w.clone()];
                    let mut j = i + 1;
                    while toks.get(j).map(|t| &t.0) == Some(&Tok::Path) {
                        match toks.get(j + 1) {
                            Some((Tok::Ident(n), _)) => {
                                segments.push(n.clone());
                                j += 2;
                            }
                            _ => break,
                        }
                    }
                    scanned.found.push(Found {
                        at: here.clone(),
                        segments,
                        line: toks[i].1,
                    });
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    scanned
}

/// The module a path names, resolved from the module it was written in: the longest known
/// module it starts with. `None` for paths outside the crate (`std::…`, a type's `T::new`).
fn resolve(modules: &BTreeSet<ModPath>, at: &ModPath, segments: &[String]) -> Option<ModPath> {
    let mut base: ModPath;
    let mut rest = segments;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base = Vec::new();
            rest = &rest[1..];
        }
        Some("self") => {
            base = at.clone();
            rest = &rest[1..];
        }
        Some("super") => {
            base = at.clone();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // Only a child module's own name starts a relative path to a module.
            let mut child = at.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            base = at.clone();
        }
        None => return None,
    }
    let mut best = base.clone();
    for s in rest {
        base.push(s.clone());
        if modules.contains(&base) {
            best.clone_from(&base);
        } else {
            break;
        }
    }
    Some(best)
}

/// The module path of a file under the source root, `None` for `main.rs`.
fn module_of(root: &Path, file: &Path) -> Option<ModPath> {
    let rel = file.strip_prefix(root).ok()?.with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.last().map(String::as_str) {
        Some("main") if parts.len() == 1 => return None,
        Some("lib") if parts.len() == 1 => return Some(Vec::new()),
        Some("mod") => {
            parts.pop();
        }
        _ => {}
    }
    Some(parts)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads the source folder into the full module graph (one node per module).
pub fn read_graph(root: &Path) -> std::io::Result<Graph> {
    let mut files = Vec::new();
    rust_files(root, &mut files)?;
    let mut g = Graph::default();
    let mut scans = Vec::new();
    for f in files {
        let Some(module) = module_of(root, &f) else {
            continue;
        };
        let text = fs::read_to_string(&f)?;
        let s = scan(&tokenize(&text), &module);
        g.modules.insert(module.clone());
        g.modules.extend(s.inline_modules.iter().cloned());
        scans.push((f, module, s));
    }
    let tests: Vec<ModPath> = scans
        .iter()
        .flat_map(|(_, _, s)| s.test_children.iter().cloned())
        .collect();
    let is_test = |m: &ModPath| tests.iter().any(|t| m.starts_with(t));
    g.modules.retain(|m| !is_test(m));
    for (file, module, s) in &scans {
        if is_test(module) {
            continue;
        }
        for f in &s.found {
            let Some(to) = resolve(&g.modules, &f.at, &f.segments) else {
                continue;
            };
            if to == f.at {
                continue;
            }
            g.edges
                .entry(f.at.clone())
                .or_default()
                .entry(to)
                .or_insert(Seen {
                    file: file.clone(),
                    line: f.line,
                });
        }
    }
    Ok(g)
}

/// The graph with every module folded into its first `depth` segments (`None`: as is).
/// Edges inside a folded node disappear, and so do edges between a module and its own
/// ancestor (see [`read_graph`]); edges between two modules under one of `exempt`
/// (top-level names) are left out.
pub fn fold(g: &Graph, depth: Option<usize>, exempt: &[&str]) -> Graph {
    let cut = |m: &ModPath| -> ModPath {
        match depth {
            Some(d) => m.iter().take(d).cloned().collect(),
            None => m.clone(),
        }
    };
    let inside = |m: &ModPath| m.first().is_some_and(|f| exempt.contains(&f.as_str()));
    let mut out = Graph {
        modules: g.modules.iter().map(cut).collect(),
        ..Graph::default()
    };
    for (from, tos) in &g.edges {
        for (to, seen) in tos {
            if inside(from) && inside(to) {
                continue;
            }
            let (a, b) = (cut(from), cut(to));
            // A module and its own submodules are one unit: the folder's file may use its
            // parts, and they may use what it defines or re-exports.
            if a.starts_with(&b) || b.starts_with(&a) {
                continue;
            }
            let slot = out
                .edges
                .entry(a)
                .or_default()
                .entry(b)
                .or_insert(seen.clone());
            if seen < slot {
                *slot = seen.clone();
            }
        }
    }
    out
}

/// The cycles of a graph: its strongly connected sets of two or more modules (Tarjan).
pub fn cycles(g: &Graph) -> Vec<Cycle> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g ModPath, usize>,
        low: BTreeMap<&'g ModPath, usize>,
        stack: Vec<&'g ModPath>,
        on_stack: BTreeSet<&'g ModPath>,
        next: usize,
        out: Vec<Vec<ModPath>>,
    }
    fn visit<'g>(st: &mut State<'g>, v: &'g ModPath) {
        st.index.insert(v, st.next);
        st.low.insert(v, st.next);
        st.next += 1;
        st.stack.push(v);
        st.on_stack.insert(v);
        if let Some(tos) = st.g.edges.get(v) {
            for w in tos.keys() {
                if !st.index.contains_key(w) {
                    visit(st, w);
                    let lw = st.low[w];
                    let lv = st.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if st.on_stack.contains(w) {
                    let iw = st.index[w];
                    let lv = st.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
        }
        if st.low[v] == st.index[v] {
            let mut set = Vec::new();
            while let Some(w) = st.stack.pop() {
                st.on_stack.remove(w);
                set.push(w.clone());
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                set.sort();
                st.out.push(set);
            }
        }
    }
    let mut st = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: BTreeSet<&ModPath> = g
        .edges
        .iter()
        .flat_map(|(a, tos)| std::iter::once(a).chain(tos.keys()))
        .collect();
    for v in nodes {
        if !st.index.contains_key(v) {
            visit(&mut st, v);
        }
    }
    let mut out: Vec<Cycle> = st
        .out
        .into_iter()
        .map(|nodes| {
            let set: BTreeSet<&ModPath> = nodes.iter().collect();
            let mut edges = Vec::new();
            for a in &nodes {
                for (b, seen) in g.edges.get(a).into_iter().flatten() {
                    if set.contains(b) {
                        edges.push((a.clone(), b.clone(), seen.clone()));
                    }
                }
            }
            Cycle { nodes, edges }
        })
        .collect();
    out.sort_by(|a, b| a.nodes.cmp(&b.nodes));
    out
}

/// The levels `main` and the test suite look at: a name, the folding depth, and whether a
/// cycle there fails the check.
pub const LEVELS: [(&str, Option<usize>, bool); 3] = [
    ("top-level modules", Some(1), true),
    ("submodules (two segments)", Some(2), false),
    ("every module", None, true),
];

/// Top-level modules whose inner cycles are not counted (none: every module is checked; the
/// list stays so a module being rebuilt elsewhere can be named here for a while, visibly).
pub const EXEMPT: [&str; 0] = [];

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| "src".to_string());
    let g = match read_graph(Path::new(&root)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("cannot read {root}: {e}");
            std::process::exit(2);
        }
    };
    let mut failed = false;
    for (name, depth, enforced) in LEVELS {
        let found = cycles(&fold(&g, depth, &EXEMPT));
        let word = if enforced { "enforced" } else { "reported" };
        println!("{name} ({word}): {} cycle(s)", found.len());
        for c in &found {
            print!("{c}");
        }
        failed |= enforced && !found.is_empty();
    }
    let all = cycles(&fold(&g, None, &[]));
    let exempt: Vec<&Cycle> = all
        .iter()
        .filter(|c| {
            c.nodes
                .iter()
                .all(|n| n.first().is_some_and(|f| EXEMPT.contains(&f.as_str())))
        })
        .collect();
    println!("exempt ({}): {} cycle(s)", EXEMPT.join(", "), exempt.len());
    for c in exempt {
        print!("{c}");
    }
    std::process::exit(i32::from(failed));
}
