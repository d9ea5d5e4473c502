//! The crate's layers, lowest first, and a check that every module imports
//! only modules below it: no upward import, so no import cycle.
//!
//! A module is a top-level file or folder of `src/` (`sodium_thiosulfate`
//! for everything under `src/sodium_thiosulfate/`). References are the
//! `crate::<module>` paths in non-test code; a root re-export such as
//! `crate::BodyWeight` counts as its defining module, read from `src/lib.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The single table of layers, lowest first.
const LAYERS: &[&str] = &[
    "exact",
    "derived",
    "format",
    "citation",
    "measurable",
    "error",
    "wire",
    "interval",
    "patient",
    "dose",
    "limit",
    "alert",
    "overrides",
    "clinical",
    "product",
    "rounding",
    "plan",
    "picture",
    "lidocaine",
    "diltiazem",
    "probenecid",
    "sodium_thiosulfate",
    "catalogue",
    "request",
    "fhir",
    "batch",
    "strategies",
    "lib",
    // The command line: its own crate, on the library's public API only.
    "bin",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The non-test code of a file: everything before its first
/// `#[cfg(test)]`, without comment lines (doc links are not imports).
fn code_of(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Root re-exports (`pub use patient::{Age, ...}`) as name → module.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for stmt in lib.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        let names = names.trim_matches(|c| c == '{' || c == '}' || c == '*');
        for name in names.split(',') {
            let name = name.trim();
            if !name.is_empty() {
                map.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    map
}

/// The modules `code` refers to through `crate::<name>` paths, including
/// grouped ones (`crate::{dose::Dose, error::Error}`).
fn references(code: &str, reexported: &BTreeMap<String, String>) -> Vec<String> {
    let mut found = Vec::new();
    let mut add = |name: &str| {
        let module = reexported
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_owned());
        if !found.contains(&module) {
            found.push(module);
        }
    };
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        // `$crate::` in a macro body refers to the crate too.
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut start = 0;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 1 => {
                        add(&ident(&group[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 1 => {
                        add(&ident(&group[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            add(&ident(rest));
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

/// Every import goes to a lower layer; every module is in the table.
#[test]
fn modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut reexported = reexports(&lib);
    // `crate::sources` is the `sources` module of `citation`.
    reexported.insert("sources".to_owned(), "citation".to_owned());
    let layer = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        // Unit-test files are test code, like `#[cfg(test)]` modules.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let module = module_of(&src, file);
        let Some(own) = layer(&module) else {
            wrong.push(format!("{module} ({}) is not in LAYERS", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in references(&code_of(&text), &reexported) {
            if used == module {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!(
                    "{} ({module}) imports {used}, which is not below it",
                    file.strip_prefix(&src).unwrap().display()
                )),
                None => wrong.push(format!(
                    "{} ({module}) refers to crate::{used}, unknown to LAYERS",
                    file.strip_prefix(&src).unwrap().display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "layer violations:\n{}", wrong.join("\n"));
}
