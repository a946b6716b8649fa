//! Profile files: the `*.toml` of a folder, and the shipped files and the person's parsed
//! together, the person's replacing shipped ones by `id`.

use std::collections::HashMap;
use std::path::Path;

use super::{parse, ProfileError, ProfileErrors};
use crate::profiles::{Profile, Profiles};

/// The `*.toml` files of a directory, sorted by name, as (origin, text).
pub(in crate::profiles) fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, ProfileErrors> {
    let no_pos = |file: String, message: String| ProfileError {
        file,
        line: 0,
        column: 0,
        message,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ProfileErrors(vec![no_pos(
            dir.display().to_string(),
            format!("cannot read the profiles directory: {e}"),
        )])
    })?;
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if path.extension().is_some_and(|x| x == "toml") && !path.is_dir() {
                    paths.push(path);
                }
            }
            Err(e) => errors.push(no_pos(
                dir.display().to_string(),
                format!("cannot list the profiles directory: {e}"),
            )),
        }
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let origin = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((origin, text)),
            Err(e) => errors.push(no_pos(origin, format!("cannot read the profile: {e}"))),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(ProfileErrors(errors))
    }
}

/// Parses the shipped files and the extra ones; extras replace shipped profiles by `id` and
/// come first in lookup order. Every error of every file is collected.
pub(in crate::profiles) fn collect(
    shipped: &[(&str, &str)],
    extra: &[(String, String)],
) -> Result<Profiles, ProfileErrors> {
    let mut errors = Vec::new();
    let mut parse_all = |files: Vec<(String, &str)>| {
        let mut seen: HashMap<String, (String, (usize, usize))> = HashMap::new();
        let mut out = Vec::new();
        for (origin, text) in files {
            match parse(text, &origin) {
                Ok((p, at)) => {
                    if let Some((first, (l, c))) = seen.get(&p.id) {
                        errors.push(ProfileError {
                            file: origin.clone(),
                            line: at.0,
                            column: at.1,
                            message: format!(
                                "duplicate profile id `{}`: also defined in {first}:{l}:{c}",
                                p.id
                            ),
                        });
                    } else {
                        seen.insert(p.id.clone(), (origin.clone(), at));
                        out.push(p);
                    }
                }
                Err(ProfileErrors(mut e)) => errors.append(&mut e),
            }
        }
        out
    };
    let shipped = parse_all(
        shipped
            .iter()
            .map(|(name, text)| (format!("profiles/{name}"), *text))
            .collect(),
    );
    let extra = parse_all(extra.iter().map(|(o, t)| (o.clone(), t.as_str())).collect());
    if !errors.is_empty() {
        return Err(ProfileErrors(errors));
    }
    let kept: Vec<Profile> = shipped
        .into_iter()
        .filter(|s| !extra.iter().any(|e| e.id == s.id))
        .collect();
    let mut list = extra;
    list.extend(kept);
    Ok(Profiles { list })
}
