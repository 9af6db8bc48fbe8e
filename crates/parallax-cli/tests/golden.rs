//! Golden outputs: what `parallax entities|quotes|align|flags|story|provenance` print for the bundled seeds
//! and for the development texts, compared with the committed files in `tests/golden/`.
//!
//! A change to the analysis shows up here as a diff to review. After a deliberate change,
//! `UPDATE_EXPECT=1 cargo test -p parallax-cli --test golden` rewrites the files; read the
//! diff line by line before committing it.
//!
//! The outputs are exactly the CLI's (the binary is run), so they stay what the eval scripts and
//! users see. `align` analyses its two files on their own, as `parallax align A B` does.

use expect_test::expect_file;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (two folders above this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.txt` files directly in `dir` (relative to the root), sorted by name.
fn texts(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("read the text folder")
        .map(|e| e.expect("read a folder entry").file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    files.sort();
    files
}

/// Stdout of `parallax ARGS...` run in the repository root; fails on a non-zero exit or any
/// stderr.
fn parallax(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run parallax");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "parallax {args:?}: {:?}\n{stderr}",
        out.status
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs `parallax CMD [EXTRA] FILES...` and compares its output with `golden/NAME`.
fn check_corpus(name: &str, cmd: &str, extra: &[&str], files: &[String]) {
    let mut args = vec![cmd];
    args.extend_from_slice(extra);
    args.extend(files.iter().map(String::as_str));
    expect_file![format!("golden/{name}")].assert_eq(&parallax(&args));
}

/// Every corpus command over `files`, written to `golden/<prefix>_<command>.jsonl`.
fn check_all(prefix: &str, files: &[String]) {
    check_corpus(&format!("{prefix}_mentions.jsonl"), "entities", &[], files);
    check_corpus(
        &format!("{prefix}_entities.jsonl"),
        "entities",
        &["--summary"],
        files,
    );
    check_corpus(&format!("{prefix}_quotes.jsonl"), "quotes", &[], files);
    check_corpus(&format!("{prefix}_flags.jsonl"), "flags", &[], files);
    check_corpus(&format!("{prefix}_story.jsonl"), "story", &[], files);
    check_corpus(
        &format!("{prefix}_provenance.jsonl"),
        "provenance",
        &[],
        files,
    );
}

/// `parallax provenance` over the provenance fixtures (a wire report, its reprint, update,
/// spun and paraphrased rewrites, two independent reports) with the development events'
/// copies, versions and rewrites.
#[test]
fn provenance_fixtures() {
    let mut files = texts("eval/dev/provenance");
    files.extend(texts("eval/dev/alignments/events"));
    files.extend(texts("eval/dev/alignments/rewrites"));
    check_corpus("provenance_fixtures.jsonl", "provenance", &[], &files);
}

/// `parallax align A B` for each pair, concatenated into `golden/NAME`.
fn check_pairs(name: &str, pairs: &[(String, String)]) {
    let out: String = pairs
        .iter()
        .map(|(a, b)| parallax(&["align", a, b]))
        .collect();
    expect_file![format!("golden/{name}")].assert_eq(&out);
}

#[test]
fn seeds() {
    let files = texts("seeds");
    assert!(files.len() >= 2, "seeds/ holds the bundled texts");
    check_all("seeds", &files);
}

#[test]
fn seeds_align_every_pair() {
    let files = texts("seeds");
    let pairs: Vec<(String, String)> = files
        .iter()
        .enumerate()
        .flat_map(|(i, a)| files[i + 1..].iter().map(move |b| (a.clone(), b.clone())))
        .collect();
    check_pairs("seeds_align.jsonl", &pairs);
}

#[test]
fn dev() {
    let files = texts("eval/dev");
    assert!(files.len() >= 2, "eval/dev/ holds the development texts");
    check_all("dev", &files);
}

/// The development pairs `cargo xtask eval` scores (`eval/dev/alignments/pairs.txt`; its
/// gold covers these).
#[test]
fn dev_align_scored_pairs() {
    let list = std::fs::read_to_string(root().join("eval/dev/alignments/pairs.txt"))
        .expect("eval/dev/alignments/pairs.txt lists the scored pairs");
    let pairs: Vec<(String, String)> = list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .collect();
    assert_eq!(pairs.len(), 9, "pairs.txt: {list}");
    check_pairs("dev_align.jsonl", &pairs);
}
