//! The import's article extraction (issue 17), part of `cargo xtask eval`:
//! - the article extraction benchmark (`eval/extraction/benchmark/`, Scrapinghub's, MIT): its
//!   181 gzipped pages are unpacked into `target/eval/extraction/benchmark/`, read by
//!   `parallax import`, and scored as its `evaluate.py` does (`eval/score_extraction.py`):
//!   precision, recall and F1 of token 4-gram shingles, and the pages refused;
//! - the development pages (`eval/extraction/dev/NAME.html`, their article text written by
//!   hand in `NAME.txt`): word precision and recall per page and their means.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The files in `dir` whose names end with `suffix`, sorted.
fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs `parallax import` over `files`, writing its stdout to `out` (refused files are
/// reported on stderr and counted by the scorer; exit code 2 is expected then).
fn import_all(exe: &Path, files: &[PathBuf], out: &Path) -> Result<(), String> {
    let o = Command::new(exe)
        .arg("import")
        .args(files)
        .output()
        .map_err(|e| format!("eval: cannot run {}: {e}", exe.display()))?;
    if !o.status.success() && o.status.code() != Some(2) {
        return Err(format!(
            "eval: parallax import failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    for line in String::from_utf8_lossy(&o.stderr).lines() {
        println!("  {line}");
    }
    std::fs::write(out, &o.stdout).map_err(|e| format!("eval: {}: {e}", out.display()))
}

/// Runs `eval/score_extraction.py ARGS...`.
fn score(root: &Path, args: &[&std::ffi::OsStr]) -> Result<(), String> {
    let status = Command::new("python3")
        .arg(root.join("eval").join("score_extraction.py"))
        .args(args)
        .status()
        .map_err(|e| format!("eval: cannot run python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("eval: the extraction scorer failed".into())
    }
}

/// Scores `parallax import` (at `exe`) on the benchmark and the development pages.
pub fn extraction(root: &Path, exe: &Path, out_dir: &Path) -> Result<(), String> {
    println!("== article extraction (parallax import)");
    let bench = root.join("eval").join("extraction").join("benchmark");
    let pages_dir = out_dir.join("extraction").join("benchmark");
    std::fs::create_dir_all(&pages_dir)
        .map_err(|e| format!("eval: {}: {e}", pages_dir.display()))?;
    let mut pages = Vec::new();
    for gz in files_ending(&bench.join("html"), ".html.gz") {
        let name = gz.file_name().unwrap_or_default().to_string_lossy();
        let page = pages_dir.join(name.trim_end_matches(".gz"));
        let bytes = std::fs::read(&gz).map_err(|e| format!("eval: {}: {e}", gz.display()))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut html)
            .map_err(|e| format!("eval: {}: {e}", gz.display()))?;
        std::fs::write(&page, html).map_err(|e| format!("eval: {}: {e}", page.display()))?;
        pages.push(page);
    }
    if pages.is_empty() {
        return Err(format!("eval: no pages in {}", bench.display()));
    }
    let pred = out_dir.join("extraction_benchmark.jsonl");
    import_all(exe, &pages, &pred)?;
    let n = pages.len().to_string();
    score(
        root,
        &[
            "benchmark".as_ref(),
            bench.join("ground-truth.json.gz").as_os_str(),
            pred.as_os_str(),
            n.as_ref(),
        ],
    )?;
    let dev = root.join("eval").join("extraction").join("dev");
    let pages = files_ending(&dev, ".html");
    if pages.is_empty() {
        println!("dev: no pages in {}", dev.display());
        return Ok(());
    }
    let pred = out_dir.join("extraction_dev.jsonl");
    import_all(exe, &pages, &pred)?;
    score(root, &["dev".as_ref(), dev.as_os_str(), pred.as_os_str()])
}
