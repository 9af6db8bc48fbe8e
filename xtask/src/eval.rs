//! `cargo xtask eval`: entity scores of the CLI on the bundled documents (`seeds/`, gold in
//! `eval/seeds_entities.jsonl`) and on the development set (`eval/dev/*.txt`, gold in
//! `eval/dev/gold_entities.jsonl`, when present). Predictions go to `target/eval/`; the
//! project's scorer `eval/score_entities.py` prints strict and lenient P/R/F1 per label, over
//! PERSON/ORG/PLACE ("core") and over all six.

use std::path::{Path, PathBuf};
use std::process::Command;

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Scores the CLI's entities on the bundled documents and the development set.
pub fn eval(root: &Path) -> Result<(), String> {
    let status = Command::new("cargo")
        .args(["build", "--release", "-p", "parallax-cli"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("eval: cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("eval: building parallax-cli failed".into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let exe = target.join("release").join(if cfg!(windows) {
        "parallax.exe"
    } else {
        "parallax"
    });
    let out_dir = root.join("target").join("eval");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("eval: {}: {e}", out_dir.display()))?;
    let scorer = root.join("eval").join("score_entities.py");
    let sets = [
        (
            "seeds",
            root.join("seeds"),
            root.join("eval").join("seeds_entities.jsonl"),
        ),
        (
            "dev",
            root.join("eval").join("dev"),
            root.join("eval").join("dev").join("gold_entities.jsonl"),
        ),
    ];
    let mut ran = 0;
    for (name, dir, gold) in sets {
        let files = txt_files(&dir);
        if files.is_empty() || !gold.exists() {
            println!(
                "== {name}: no texts or no gold in {}, skipped",
                dir.display()
            );
            continue;
        }
        let out = Command::new(&exe)
            .arg("entities")
            .args(&files)
            .output()
            .map_err(|e| format!("eval: cannot run {}: {e}", exe.display()))?;
        if !out.status.success() {
            return Err(format!(
                "eval: parallax entities failed on {name}: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let pred = out_dir.join(format!("{name}_entities.jsonl"));
        std::fs::write(&pred, &out.stdout).map_err(|e| format!("eval: {}: {e}", pred.display()))?;
        println!("== {name}: {} documents ({})", files.len(), pred.display());
        let status = Command::new("python3")
            .arg(&scorer)
            .arg(&gold)
            .arg(&pred)
            .status()
            .map_err(|e| format!("eval: cannot run python3: {e}"))?;
        if !status.success() {
            return Err(format!("eval: the scorer failed on {name}"));
        }
        ran += 1;
    }
    if ran == 0 {
        return Err("eval: nothing to score".into());
    }
    Ok(())
}
