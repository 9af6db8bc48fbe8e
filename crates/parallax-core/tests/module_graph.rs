//! The modules of parallax-core and parallax-cli import each other without a cycle: at every
//! folder level, the graph of "a module of this subtree names a path into that one" between
//! sibling modules is acyclic (a child using its parent, `super::`, is containment, not an
//! edge). Paths are read from the source text (`crate::a::b`, `crate::{a, b::c}`, `super::x`),
//! through the crate root's `pub use` re-exports; test modules are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type ModPath = Vec<String>;

/// Every `.rs` file under `src` as (module path, source without its tests and comments).
fn modules(src: &Path) -> BTreeMap<ModPath, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read a source folder") {
            let path = entry.expect("read a folder entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src");
            let mut parts: ModPath = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            if parts.last().is_some_and(|p| p == "tests") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read a source file");
            out.insert(parts, strip(&text));
        }
    }
    out
}

/// `text` up to its test module, each line cut at `//`.
fn strip(text: &str) -> String {
    let end = [
        "#[cfg(test)]\nmod tests",
        "#[cfg(test)]\npub(crate) mod tests",
    ]
    .iter()
    .filter_map(|m| text.find(m))
    .min()
    .unwrap_or(text.len());
    text[..end]
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths written after `at` (just past `crate` or `super`): `::a::b`, or a group
/// `::{a, b::c, d::{e, f}}` (one path per item, nested groups by their prefix).
fn paths_at(text: &str, at: usize) -> Vec<ModPath> {
    let mut path = ModPath::new();
    let mut rest = &text[at..];
    while let Some(r) = rest.strip_prefix("::") {
        if let Some(group) = r.strip_prefix('{') {
            let mut depth = 0;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => return true,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(i, _)| i);
            let mut out = Vec::new();
            let mut depth = 0;
            let mut item = String::new();
            for c in group[..end].chars().chain([',']) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let mut p = path.clone();
                        p.extend(
                            item.split("::")
                                .map(|s| s.trim().to_string())
                                .take_while(|s| !s.is_empty() && s.chars().all(is_ident)),
                        );
                        out.push(p);
                        item.clear();
                    }
                    _ if depth == 0 => item.push(c),
                    _ => {}
                }
            }
            return out;
        }
        let len = r.find(|c: char| !is_ident(c)).unwrap_or(r.len());
        if len == 0 {
            break;
        }
        path.push(r[..len].to_string());
        rest = &r[len..];
    }
    vec![path]
}

/// The crate root's re-exports: name -> the path it stands for.
fn reexports(root: &str) -> BTreeMap<String, ModPath> {
    let mut out = BTreeMap::new();
    for stmt in root.split(';') {
        let Some(at) = stmt.find("pub use ") else {
            continue;
        };
        let body = stmt[at + "pub use ".len()..].trim();
        let (base, names) = match body.split_once("::{") {
            Some((b, n)) => (b, n.trim_end_matches('}').split(',').collect::<Vec<_>>()),
            None => match body.rsplit_once("::") {
                Some((b, n)) => (b, vec![n]),
                None => continue,
            },
        };
        for n in names.into_iter().map(str::trim).filter(|n| !n.is_empty()) {
            let mut p: ModPath = base.split("::").map(str::to_string).collect();
            p.push(n.to_string());
            out.insert(n.to_string(), p);
        }
    }
    out
}

/// The module `path` names: its longest prefix that is a module, through re-exports.
fn resolve(
    path: &[String],
    mods: &BTreeSet<ModPath>,
    reexp: &BTreeMap<String, ModPath>,
    depth: usize,
) -> Option<ModPath> {
    let first = path.first()?;
    if depth < 8 && !mods.contains(&vec![first.clone()]) {
        if let Some(target) = reexp.get(first) {
            let mut p = target.clone();
            p.extend_from_slice(&path[1..]);
            return resolve(&p, mods, reexp, depth + 1);
        }
    }
    (1..=path.len())
        .rev()
        .map(|k| path[..k].to_vec())
        .find(|p| mods.contains(p))
}

/// Cycles between sibling modules, each as its members.
fn cycles(src: &Path) -> Vec<Vec<String>> {
    let files = modules(src);
    let mods: BTreeSet<ModPath> = files.keys().cloned().collect();
    let reexp = reexports(files.get(&ModPath::new()).map_or("", String::as_str));
    let mut graph: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (m, text) in &files {
        for (i, _) in text
            .match_indices("crate")
            .chain(text.match_indices("super"))
        {
            let word = &text[i..i + 5];
            let before = text[..i].chars().next_back();
            if before.is_some_and(is_ident) {
                continue;
            }
            let base: ModPath = if word == "crate" {
                Vec::new()
            } else {
                m[..m.len().saturating_sub(1)].to_vec()
            };
            for p in paths_at(text, i + 5) {
                let mut full = base.clone();
                full.extend(p.into_iter().filter(|s| s != "self"));
                let Some(target) = resolve(&full, &mods, &reexp, 0) else {
                    continue;
                };
                let common = m.iter().zip(&target).take_while(|(a, b)| a == b).count();
                if common == m.len() || common == target.len() {
                    continue; // an ancestor or a descendant
                }
                graph
                    .entry(m[..=common].to_vec())
                    .or_default()
                    .insert(target[..=common].to_vec());
            }
        }
    }
    // A node is on a cycle when it reaches itself.
    let reaches = |from: &ModPath, to: &ModPath| {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&ModPath> = graph.get(from).into_iter().flatten().collect();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(graph.get(n).into_iter().flatten());
            }
        }
        false
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for a in graph.keys() {
        if reaches(a, a) {
            let members: Vec<String> = graph
                .keys()
                .filter(|b| reaches(a, b) && reaches(b, a))
                .map(|b| b.join("::"))
                .collect();
            if !out.contains(&members) {
                out.push(members);
            }
        }
    }
    out
}

#[test]
fn no_import_cycle_in_the_core_or_the_cli() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for src in [here.join("src"), here.join("../parallax-cli/src")] {
        assert_eq!(cycles(&src), Vec::<Vec<String>>::new(), "{}", src.display());
    }
}

#[test]
fn a_cycle_is_found() {
    let dir = std::env::temp_dir().join(format!("parallax-module-graph-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a; mod b;\npub use b::Thing;\n").unwrap();
    std::fs::write(dir.join("a.rs"), "use crate::Thing;\n").unwrap();
    std::fs::write(dir.join("b/mod.rs"), "mod c;\npub struct Thing;\n").unwrap();
    std::fs::write(dir.join("b/c.rs"), "use crate::{a, b::Thing};\n").unwrap();
    assert_eq!(cycles(&dir), vec![vec!["a".to_string(), "b".to_string()]]);
    std::fs::remove_dir_all(&dir).unwrap();
}
