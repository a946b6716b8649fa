//! Compresses the translations into the binary.
//!
//! Every language other than English is a folder of Fluent files in `assets/locales/`
//! (about 140 KB each, 830 KB for all). They are embedded deflated, one blob per language,
//! and inflated only when that language is chosen (`src/i18n/mod.rs`, module `embedded`):
//! the shipped binary stays under its size target. English is always used, so it stays
//! plain (`include_str!`). The blob is checked here by inflating it again, so a broken
//! blob fails the build, not the person's run.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

/// The files of each language, in the order `Lang::files` gives them.
const FILES: [&str; 7] = [
    "ui.ftl",
    "tree.ftl",
    "errors.ftl",
    "profiles.ftl",
    "vendor.ftl",
    "report.ftl",
    "plural.ftl",
];

/// The compressed languages, by folder name (English is embedded plain).
const LANGS: [&str; 6] = ["de", "fr", "es", "it", "pt-BR", "nl"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    let mut table = String::from(
        "/// Every compressed language (`Compressed` is declared where this is included).\n\
         pub const COMPRESSED: &[Compressed] = &[\n",
    );
    for lang in LANGS {
        let mut texts = String::new();
        let mut parts = String::new();
        for file in FILES {
            let path = Path::new("assets/locales").join(lang).join(file);
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let name = format!("assets/locales/{lang}/{file}");
            write!(parts, "({name:?}, {}), ", text.len()).expect("writing to a String");
            texts.push_str(&text);
        }
        let blob = deflate(texts.as_bytes());
        assert_eq!(
            inflate(&blob),
            texts.as_bytes(),
            "the deflated {lang} files inflate to something else"
        );
        let blob_path = out.join(format!("locales-{lang}.deflate"));
        fs::write(&blob_path, &blob)
            .unwrap_or_else(|e| panic!("writing {}: {e}", blob_path.display()));
        writeln!(
            table,
            "    Compressed {{ tag: {lang:?}, blob: include_bytes!({:?}), parts: &[{parts}] }},",
            blob_path.display().to_string()
        )
        .expect("writing to a String");
    }
    table.push_str("];\n");
    let table_path = out.join("locales.rs");
    fs::write(&table_path, table)
        .unwrap_or_else(|e| panic!("writing {}: {e}", table_path.display()));
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut enc = DeflateEncoder::new(Vec::new(), Compression::best());
    enc.write_all(data).expect("deflating into memory");
    enc.finish().expect("deflating into memory")
}

fn inflate(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    DeflateDecoder::new(data)
        .read_to_end(&mut out)
        .expect("inflating what was just deflated");
    out
}
