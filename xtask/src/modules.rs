//! Module cycles, checked by a plain `#[test]`: every `crate::…`, `super::…` and `self::…` path
//! in a crate's sources is an edge from the file's module to the longest module that path
//! names, and no two modules may reach each other. The crate root (`lib.rs`, `main.rs`) only
//! declares modules and re-exports, so a path to one of its re-exports (`crate::Span`) is an
//! edge to the module it comes from, and the root's own paths are left out. Comments and string
//! literals are skipped; `mod` declarations are not edges.
//!
//! [`cycles`] takes any `src` folder (`crates/parallax-core/src` too).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module cycles of the crate whose sources are in `src`: each cycle is the sorted list of
/// its modules (`pages::reader`) with the edges between them (`a -> b`), one per line.
pub fn cycles(src: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    crate::util::walk(src, &mut files).map_err(|e| format!("{}: {e}", src.display()))?;
    let mut sources = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        let rel = f.strip_prefix(src).map_err(|e| e.to_string())?;
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        sources.push((module_of(&rel.to_string_lossy()), text));
    }
    Ok(cycles_in(&sources))
}

/// The module a file under `src` holds: `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs` and
/// `main.rs` the root (empty).
fn module_of(rel: &str) -> String {
    let rel = rel.replace('\\', "/");
    let rel = rel.trim_end_matches(".rs");
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    if rel == "lib" || rel == "main" || rel == "mod" {
        return String::new();
    }
    rel.replace('/', "::")
}

/// The cycles among `(module, source)` pairs, as [`cycles`] reports them.
fn cycles_in(sources: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<&str> = sources.iter().map(|(m, _)| m.as_str()).collect();
    let mut reexports = BTreeMap::new();
    for (_, text) in sources.iter().filter(|(m, _)| m.is_empty()) {
        for path in use_paths(&tokens(text)) {
            if let (Some(name), Some(target)) = (path.last(), longest_module(&path, &modules)) {
                reexports.insert(name.clone(), target);
            }
        }
    }
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (m, text) in sources.iter().filter(|(m, _)| !m.is_empty()) {
        for path in crate_paths(&tokens(text), m) {
            let target = match longest_module(&path, &modules) {
                Some("") => path.first().and_then(|n| reexports.get(n).copied()),
                t => t,
            };
            if let Some(t) = target.filter(|t| !t.is_empty() && *t != m.as_str()) {
                edges.entry(m.as_str()).or_default().insert(t);
            }
        }
    }
    strongly_connected(&edges)
        .into_iter()
        .map(|scc| {
            let lines: Vec<String> = scc
                .iter()
                .flat_map(|a| {
                    edges[a]
                        .iter()
                        .filter(|b| scc.contains(*b))
                        .map(move |b| format!("{a} -> {b}"))
                })
                .collect();
            format!(
                "{}:\n  {}",
                scc.iter().copied().collect::<Vec<_>>().join(", "),
                lines.join("\n  ")
            )
        })
        .collect()
}

/// The longest module that `path` (segments after `crate`) starts with; `Some("")` for the
/// crate root.
fn longest_module<'m>(path: &[String], modules: &BTreeSet<&'m str>) -> Option<&'m str> {
    (0..=path.len()).rev().find_map(|n| {
        let name = path[..n].join("::");
        modules.get(name.as_str()).copied()
    })
}

/// Sets of two or more modules that reach each other (sorted).
fn strongly_connected<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Vec<BTreeSet<&'a str>> {
    let reach = |from: &'a str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(m) = todo.pop() {
            for &n in edges.get(m).into_iter().flatten() {
                if seen.insert(n) {
                    todo.push(n);
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&str, BTreeSet<&str>> = edges.keys().map(|&m| (m, reach(m))).collect();
    let mut out: Vec<BTreeSet<&str>> = Vec::new();
    for (&m, r) in &reaches {
        if !r.contains(m) || out.iter().any(|s| s.contains(m)) {
            continue;
        }
        let scc = r
            .iter()
            .copied()
            .filter(|n| reaches.get(n).is_some_and(|back| back.contains(m)))
            .collect();
        out.push(scc);
    }
    out
}

/// Identifiers and punctuation of Rust source, without comments, strings and char literals.
fn tokens(text: &str) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if at(&c, i + 1) == '/' => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(&c, i + 1) == '*' => {
                i += 2;
                while i < c.len() && !(c[i] == '*' && at(&c, i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            }
            '"' => i = skip_string(&c, i + 1, None),
            'r' if at(&c, i + 1) == '"' || at(&c, i + 1) == '#' => {
                let hashes = (1..).take_while(|&k| at(&c, i + k) == '#').count();
                if at(&c, i + hashes + 1) == '"' {
                    i = skip_string(&c, i + hashes + 2, Some(hashes));
                } else {
                    out.push("r".to_string());
                    i += 1;
                }
            }
            '\'' if at(&c, i + 1) == '\\' => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if at(&c, i + 2) == '\'' => i += 3,
            ':' if at(&c, i + 1) == ':' => {
                out.push("::".to_string());
                i += 2;
            }
            ch if ch.is_alphanumeric() || ch == '_' => {
                let start = i;
                while ident_char(&c, i) {
                    i += 1;
                }
                out.push(c[start..i].iter().collect());
            }
            ch if ch.is_whitespace() => i += 1,
            ch => {
                out.push(ch.to_string());
                i += 1;
            }
        }
    }
    out
}

/// The character at `i`, a space past the end.
pub(crate) fn at(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or(' ')
}

fn ident_char(c: &[char], i: usize) -> bool {
    c.get(i)
        .is_some_and(|ch| ch.is_alphanumeric() || *ch == '_')
}

/// The position after a string literal whose body starts at `i`; `raw` is the `#` count of a
/// raw string (no escapes).
pub(crate) fn skip_string(c: &[char], mut i: usize, raw: Option<usize>) -> usize {
    let hashes = raw.unwrap_or(0);
    while i < c.len() {
        if c[i] == '\\' && raw.is_none() {
            i += 2;
            continue;
        }
        if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// Every path starting with `crate`, `super` or `self` in the tokens of module `module`, as
/// segments after `crate` (use groups expanded).
fn crate_paths(toks: &[String], module: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate() {
        match t.as_str() {
            "{" => {
                if i >= 2 && toks[i - 2] == "mod" {
                    inline.push((toks[i - 1].clone(), depth));
                }
                depth += 1;
            }
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "crate" | "super" | "self" if toks.get(i + 1).is_some_and(|n| n == "::") => {
                if i > 0 && toks[i - 1] == "::" {
                    continue;
                }
                let mut base: Vec<String> = module
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                base.extend(inline.iter().map(|(n, _)| n.clone()));
                let mut k = i;
                if toks[k] == "crate" {
                    base.clear();
                    k += 2;
                } else {
                    while toks.get(k).is_some_and(|s| s == "super" || s == "self")
                        && toks.get(k + 1).is_some_and(|n| n == "::")
                    {
                        if toks[k] == "super" {
                            base.pop();
                        }
                        k += 2;
                    }
                }
                tree(toks, k, base, &mut out);
            }
            _ => {}
        }
    }
    out
}

/// The paths of the root's `use` items (relative to the crate).
fn use_paths(toks: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t == "use" {
            let start = if toks.get(i + 1).is_some_and(|n| n == "crate") {
                i + 3
            } else {
                i + 1
            };
            tree(toks, start, Vec::new(), &mut out);
        }
    }
    out
}

/// Reads a use tree (or a plain path) at `k` below `prefix`; returns the position after it.
fn tree(
    toks: &[String],
    mut k: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match toks.get(k).map(String::as_str) {
            Some("{") => {
                k += 1;
                while toks.get(k).is_some_and(|t| t != "}") {
                    k = tree(toks, k, prefix.clone(), out);
                    while toks.get(k).is_some_and(|t| t != "," && t != "}") {
                        k += 1;
                    }
                    if toks.get(k).is_some_and(|t| t == ",") {
                        k += 1;
                    }
                }
                return k + 1;
            }
            Some("*") => {
                out.push(prefix);
                return k + 1;
            }
            Some(t) if t.starts_with(|c: char| c.is_alphanumeric() || c == '_') => {
                prefix.push(t.to_string());
                if toks.get(k + 1).is_some_and(|n| n == "::") {
                    k += 2;
                } else {
                    out.push(prefix);
                    return k + 1;
                }
            }
            _ => {
                out.push(prefix);
                return k;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(files: &[(&str, &str)], expected: &[&str]) {
        let sources: Vec<(String, String)> = files
            .iter()
            .map(|(f, t)| (module_of(f), t.to_string()))
            .collect();
        assert_eq!(cycles_in(&sources), expected, "files {files:?}");
    }

    #[test]
    fn paths_and_cycles() {
        let root = (
            "lib.rs",
            "pub mod a; pub mod b; pub mod c; pub use c::Thing;",
        );
        // Nothing refers back.
        check(&[root, ("a.rs", "use crate::b::X;"), ("b.rs", "")], &[]);
        // A plain cycle; `use` groups and paths in expressions count.
        check(
            &[
                root,
                ("a.rs", "use crate::{b::{X, Y as Z}, c};"),
                ("b.rs", "fn f() { crate::a::g() }"),
            ],
            &["a, b:\n  a -> b\n  b -> a"],
        );
        // Through a re-export of the root.
        check(
            &[
                root,
                ("a.rs", "use crate::Thing;"),
                ("c.rs", "use crate::a::f;"),
            ],
            &["a, c:\n  a -> c\n  c -> a"],
        );
        // Comments, strings and char literals are not code.
        check(
            &[
                root,
                ("a.rs", "// crate::b::X\nuse crate::b::X;"),
                ("b.rs", "const S: &str = \"crate::a::\"; const R: &str = r#\"crate::a\"#; const C: char = '\"'; /* crate::a */"),
            ],
            &[],
        );
        // `super` in a folder module; an inline test module's `super::*` is its own file.
        check(
            &[
                ("lib.rs", "mod d;"),
                ("d/mod.rs", "mod e; use self::e::X;"),
                (
                    "d/e.rs",
                    "use super::Y; #[cfg(test)] mod tests { use super::*; }",
                ),
            ],
            &["d, d::e:\n  d -> d::e\n  d::e -> d"],
        );
        check(
            &[
                ("lib.rs", "mod d;"),
                ("d/mod.rs", "mod e;"),
                ("d/e.rs", "#[cfg(test)] mod tests { use super::*; }"),
            ],
            &[],
        );
    }

    #[test]
    fn no_cycles_in_the_app() {
        let src = crate::util::project_root().join("src");
        assert_eq!(cycles(&src), Ok(Vec::new()), "module cycles in src/");
    }

    #[test]
    fn no_cycles_in_xtask() {
        let src = crate::util::project_root().join("xtask/src");
        assert_eq!(cycles(&src), Ok(Vec::new()), "module cycles in xtask/src/");
    }
}
