//! Release builds (`dist/`), the Content-Security-Policy, gzip sizes, and `serve`.

use crate::setup::Tools;
use crate::util::{cmd, run_cmd};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Most the app's wasm + js + css may weigh, gzip -9, before the size check fails: the app
/// shell (Yew, router, views: 250 KB at the walking-skeleton stage) plus the recognizer's code
/// and data (at most 400 KB, issue 4) plus the comparison's WordNet synonym table and the
/// rewrite detector's name lists (about 440 KB today, the first thing to slim).
pub const BUDGET_BYTES: u64 = 1200 * 1024;

/// `cargo xtask serve`: the app with the bundled documents at http://127.0.0.1:8080, rebuilt
/// and reloaded on change.
pub fn serve(_tools: &Tools) -> Result<(), String> {
    println!("serve: http://127.0.0.1:8080/");
    run_cmd(cmd("trunk").args([
        "serve",
        "--offline",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
    ]))
}

/// One built file and its sizes.
#[derive(Debug)]
pub struct FileSize {
    /// Path relative to the output folder.
    pub name: String,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after gzip -9.
    pub gzip: u64,
}

/// Builds the release edition into `out` (relative asset URLs, CSP), prints each file's gzip
/// size and the total, and returns the sizes.
pub fn release(_tools: &Tools, out: &Path, single_file: bool) -> Result<Vec<FileSize>, String> {
    if single_file {
        return Err("--single-file: the one-file edition is not built yet (issue 7)".into());
    }
    let out_s = out.display().to_string();
    run_cmd(cmd("trunk").args([
        "build",
        "--release",
        "--offline",
        "--public-url",
        "./",
        "--dist",
        &out_s,
    ]))?;
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = with_csp(&html)?;
    check_relative(&html)?;
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    let sizes = sizes(out)?;
    print_sizes(&sizes);
    Ok(sizes)
}

/// Fails when the app's code and styles exceed [`BUDGET_BYTES`] gzip.
pub fn check_budget(sizes: &[FileSize]) -> Result<u64, String> {
    let app: u64 = sizes
        .iter()
        .filter(|f| {
            f.name.ends_with(".wasm") || f.name.ends_with(".js") || f.name.ends_with(".css")
        })
        .map(|f| f.gzip)
        .sum();
    if app > BUDGET_BYTES {
        return Err(format!(
            "size budget: wasm+js+css is {} KB gzip, over the budget of {} KB",
            app / 1024,
            BUDGET_BYTES / 1024
        ));
    }
    println!(
        "size budget: wasm+js+css {:.1} KB gzip of {} KB",
        app as f64 / 1024.0,
        BUDGET_BYTES / 1024
    );
    Ok(app)
}

fn sizes(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    walk(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let gzip = gz.finish().map_err(|e| e.to_string())?.len() as u64;
        let name = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
        out.push(FileSize {
            name,
            raw: bytes.len() as u64,
            gzip,
        });
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, files)?;
        } else {
            files.push(p);
        }
    }
    Ok(())
}

fn print_sizes(sizes: &[FileSize]) {
    println!("{:<48} {:>10} {:>10}", "file", "bytes", "gzip -9");
    for f in sizes {
        println!("{:<48} {:>10} {:>10}", f.name, f.raw, f.gzip);
    }
    let (raw, gz): (u64, u64) = sizes
        .iter()
        .fold((0, 0), |(r, g), f| (r + f.raw, g + f.gzip));
    println!("{:<48} {:>10} {:>10}", "total", raw, gz);
}

/// Adds a Content-Security-Policy meta element allowing only the page's own origin, wasm
/// compilation, and the inline bootstrap scripts by hash.
pub fn with_csp(html: &str) -> Result<String, String> {
    let hashes: Vec<String> = inline_scripts(html)
        .iter()
        .map(|s| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    );
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let at = html.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    Ok(format!("{}\n    {meta}{}", &html[..at], &html[at..]))
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let tag_end = match rest[i..].find('>') {
            Some(e) => i + e,
            None => break,
        };
        let tag = &rest[i..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&rest[body_start..body_start + close]);
        }
        rest = &rest[body_start + close..];
    }
    out
}

/// Fails when an asset URL is rooted at `/` (the folder must work from any sub-path).
fn check_relative(html: &str) -> Result<(), String> {
    for attr in [
        "href=\"/",
        "src=\"/",
        "from '/",
        "module_or_path: '/",
        "init('/",
    ] {
        if html.contains(attr) {
            return Err(format!("dist/index.html has a /-rooted URL ({attr}...)"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hashes_each_inline_script() {
        let html = "<html><head><script src=\"./a.js\"></script></head><body><script type=\"module\">go()</script></body></html>";
        let out = with_csp(html).unwrap();
        // sha256("go()") in base64, computed independently with `printf 'go()' | openssl dgst -sha256 -binary | base64`.
        assert!(
            out.contains("'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"),
            "{out}"
        );
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<script").unwrap());
        assert_eq!(inline_scripts(html), ["go()"]);
    }

    #[test]
    fn rooted_urls_are_refused() {
        assert!(check_relative("<link href=\"./x.css\">").is_ok());
        assert!(check_relative("<link href=\"/x.css\">").is_err());
        assert!(check_relative("import init from '/x.js'").is_err());
    }

    #[test]
    fn budget_counts_code_and_styles_only() {
        let f = |name: &str, gzip| FileSize {
            name: name.into(),
            raw: 0,
            gzip,
        };
        assert!(check_budget(&[f("a.wasm", BUDGET_BYTES), f("index.html", 9999)]).is_ok());
        assert!(check_budget(&[f("a.wasm", BUDGET_BYTES), f("b.css", 1)]).is_err());
    }
}
