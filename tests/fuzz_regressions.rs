//! Every input a fuzzer ever broke (fuzz/regressions/<target>/) and every corpus input
//! (fuzz/corpus/<target>/) through the same checks the fuzz targets run
//! (`smtp_doctor::fuzzing`), on the stable toolchain, without the fuzzer.

use std::path::{Path, PathBuf};

use smtp_doctor::fuzzing::Target;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `target`'s check on each file; returns one line per failure (a broken promise or a
/// panic inside a parser).
fn failures(target: Target, files: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        let data = std::fs::read(f).unwrap();
        match std::panic::catch_unwind(|| target.check(&data)) {
            Ok(Ok(())) => {}
            Ok(Err(v)) => out.push(format!("{}: {v}", f.display())),
            Err(_) => out.push(format!("{}: {target}: the parser panicked", f.display())),
        }
    }
    out
}

#[test]
fn every_fuzz_target_has_a_corpus_folder_and_every_folder_a_target() {
    for sub in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(sub)) else {
            assert_eq!(sub, "regressions", "fuzz/corpus is missing");
            continue;
        };
        for e in entries {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                Target::from_name(&name).is_some(),
                "fuzz/{sub}/{name} names no fuzz target"
            );
        }
    }
    for t in Target::ALL {
        assert!(
            !inputs(&fuzz_dir().join("corpus").join(t.name())).is_empty(),
            "fuzz/corpus/{t} is empty"
        );
    }
}

#[test]
fn the_inputs_that_broke_a_parser_stay_fixed() {
    let mut all = Vec::new();
    for t in Target::ALL {
        all.extend(failures(
            t,
            &inputs(&fuzz_dir().join("regressions").join(t.name())),
        ));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn every_corpus_input_keeps_the_promises() {
    let mut all = Vec::new();
    let mut count = 0;
    for t in Target::ALL {
        let files = inputs(&fuzz_dir().join("corpus").join(t.name()));
        count += files.len();
        all.extend(failures(t, &files));
    }
    assert!(count >= Target::ALL.len(), "only {count} corpus inputs");
    assert!(all.is_empty(), "{}", all.join("\n"));
}
