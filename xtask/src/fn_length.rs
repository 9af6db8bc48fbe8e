//! No function over 150 lines, function components included: a plain `#[test]` that reads every
//! Rust file of the workspace. Clippy's `too_many_lines` (on in every crate root, at the
//! threshold of `clippy.toml`) does not see inside `#[function_component]`s, whose bodies the
//! macro rewrites, so this counts the source as written: every line from `fn` to the closing
//! brace, blank and comment lines too (stricter than clippy, which leaves those out).

use crate::modules::{at, skip_string};
use std::path::Path;

/// The longest a function may be, in lines (`clippy.toml`'s `too-many-lines-threshold`).
pub const MAX_LINES: usize = 150;

/// What a character of Rust source is part of (only code holds blocks).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Code,
    Literal,
    Comment,
}

/// Each character of `text` with what it is part of.
fn classify(c: &[char]) -> Vec<Kind> {
    let mut kinds = vec![Kind::Code; c.len()];
    let mut i = 0;
    let mut mark = |from: usize, to: usize, k: Kind| {
        for x in kinds.iter_mut().take(to.min(c.len())).skip(from) {
            *x = k;
        }
    };
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        let end = match c[i] {
            '/' if at(c, i + 1) == '/' => {
                let mut j = i;
                while j < c.len() && c[j] != '\n' {
                    j += 1;
                }
                mark(i, j, Kind::Comment);
                i = j;
                continue;
            }
            '/' if at(c, i + 1) == '*' => {
                let mut j = i + 2;
                while j < c.len() && !(c[j] == '*' && at(c, j + 1) == '/') {
                    j += 1;
                }
                mark(i, j + 2, Kind::Comment);
                i = j + 2;
                continue;
            }
            '"' => skip_string(c, i + 1, None),
            'r' if !ident_before && (at(c, i + 1) == '"' || at(c, i + 1) == '#') => {
                let hashes = (1..).take_while(|&k| at(c, i + k) == '#').count();
                if at(c, i + hashes + 1) == '"' {
                    skip_string(c, i + hashes + 2, Some(hashes))
                } else {
                    i += 1;
                    continue;
                }
            }
            '\'' if at(c, i + 1) == '\\' => {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                j + 1
            }
            '\'' if at(c, i + 2) == '\'' => i + 3,
            _ => {
                i += 1;
                continue;
            }
        };
        mark(i, end, Kind::Literal);
        i = end;
    }
    kinds
}

/// Every function with a body in `text`: its name, the line of its `fn` (1-based) and its
/// length in lines, from that line to the closing brace.
pub fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let c: Vec<char> = text.chars().collect();
    let kinds = classify(&c);
    let code = |i: usize| kinds.get(i) == Some(&Kind::Code);
    let ident = |i: usize| {
        c.get(i)
            .is_some_and(|ch| ch.is_alphanumeric() || *ch == '_')
    };
    let mut line_of = Vec::with_capacity(c.len());
    let mut line = 1;
    for ch in &c {
        line_of.push(line);
        if *ch == '\n' {
            line += 1;
        }
    }
    let mut out = Vec::new();
    for i in 0..c.len() {
        // `fn` as a word, then a space (`fn(` is a pointer type).
        let is_fn = code(i) && c[i] == 'f' && at(&c, i + 1) == 'n';
        if !is_fn || (i > 0 && ident(i - 1)) || !at(&c, i + 2).is_whitespace() {
            continue;
        }
        let mut j = i + 2;
        while j < c.len() && c[j].is_whitespace() {
            j += 1;
        }
        let start = j;
        while ident(j) {
            j += 1;
        }
        if j == start {
            continue;
        }
        let name: String = c[start..j].iter().collect();
        // The body: the first `{` outside parentheses, unless a `;` comes first (no body).
        let mut parens = 0i32;
        let open = loop {
            match (c.get(j), code(j)) {
                (None, _) => break None,
                (Some('(' | '['), true) => parens += 1,
                (Some(')' | ']'), true) => parens -= 1,
                (Some(';'), true) if parens == 0 => break None,
                (Some('{'), true) if parens == 0 => break Some(j),
                _ => {}
            }
            j += 1;
        };
        let Some(open) = open else { continue };
        let mut depth = 0;
        let mut close = open;
        for (k, ch) in c.iter().enumerate().skip(open) {
            if !code(k) {
                continue;
            }
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                close = k;
                break;
            }
        }
        out.push((name, line_of[i], line_of[close] - line_of[i] + 1));
    }
    out
}

/// Every function over [`MAX_LINES`] in the `.rs` files under `dirs` (build output left out),
/// one `path:line name (N lines)` each.
pub fn too_long(root: &Path, dirs: &[&str]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for d in dirs {
        crate::util::walk(&root.join(d), &mut files).map_err(|e| format!("{d}: {e}"))?;
    }
    let mut out = Vec::new();
    for f in files.iter().filter(|f| {
        f.extension().is_some_and(|e| e == "rs")
            && !f.components().any(|c| c.as_os_str() == "target")
    }) {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        for (name, line, n) in functions(&text) {
            if n > MAX_LINES {
                let rel = f.strip_prefix(root).unwrap_or(f);
                out.push(format!("{}:{line} {name} ({n} lines)", rel.display()));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The functions of `text`, written `name N` (N lines), in order.
    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = functions(text)
            .into_iter()
            .map(|(name, _, n)| format!("{name} {n}"))
            .collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn lines_of_each_function() {
        check("fn a() {}", &["a 1"]);
        check("fn a() {\n    x();\n}\n", &["a 3"]);
        // From `fn` to the closing brace: a long signature, blank and comment lines count.
        check(
            "/// Doc.\npub fn a<T: Into<[u8; 2]>>(x: T) -> Vec<T>\nwhere\n    T: Clone,\n{\n\n    // why\n    vec![x]\n}",
            &["a 8"],
        );
        // Braces in literals and comments are not blocks.
        check(
            "fn a() {\n    let c = '{';\n    let s = \"}}\";\n    // }\n    /* { */\n    let r = r#\"{\"#;\n}\nfn b() {}",
            &["a 7", "b 1"],
        );
        // Declarations without a body, pointer types and names holding `fn` are not functions.
        check(
            "trait T { fn a(&self); fn b(&self) {} }\nfn c(f: fn(u8) -> u8) -> u8 { f(1) }\nfn fnord() {}",
            &["b 1", "c 1", "fnord 1"],
        );
        // Nested functions count on their own and inside the outer one.
        check("fn a() {\n    fn b() {\n    }\n}", &["a 4", "b 2"]);
        // A function component's body, html! and all.
        check(
            "#[function_component(A)]\nfn a() -> Html {\n    html! {\n        <p>{ \"}\" }</p>\n    }\n}",
            &["a 5"],
        );
    }

    #[test]
    fn no_function_over_150_lines() {
        let root = crate::util::project_root();
        let dirs = ["src", "crates", "xtask/src", "tests", "fuzz"];
        let dirs: Vec<&str> = dirs.into_iter().filter(|d| root.join(d).is_dir()).collect();
        let long = too_long(&root, &dirs).unwrap();
        assert!(
            long.is_empty(),
            "functions over {MAX_LINES} lines (split them):\n{}",
            long.join("\n")
        );
    }
}
