//! `cargo xtask eval`: the CLI's scores.
//! - Entities on the bundled documents (`seeds/`, gold in `eval/seeds_entities.jsonl`) and on
//!   the development set (`eval/dev/*.txt`, gold in `eval/dev/gold_entities.jsonl`):
//!   `eval/score_entities.py` prints strict and lenient P/R/F1 per label, over
//!   PERSON/ORG/PLACE ("core") and over all six.
//! - Alignment (`parallax align`) on every pair of seeds (gold `eval/seeds_alignments.jsonl`)
//!   and on the development pairs of `eval/dev/alignments/pairs.txt` (gold `gold_all`,
//!   `gold_hand`, `gold_spun`), and on the event set's tune and test pairs
//!   (`pairs_{tune,test}.txt`, gold `gold_{tune,test}.jsonl`, written by `build_events.py`):
//!   `eval/score_alignments.py` prints recall and precision.
//!
//! - The development set is scored in its two parts (`eval/dev/split.list`): *tune*, which the
//!   rules and the tagger were written and trained on, and *test*, which nobody reads.
//! - The world-news corpus (`eval/world/`, when it has gold): its *train* part (which the
//!   tagger trains on) and its *test* part (which nobody who writes rules or features reads).
//! - The tagger (`cargo run --release -p parallax-core --example train -- --eval DIR`), on
//!   every part of both sets: an ablation (rules alone, tagger alone, tagger with the rules as
//!   features, rules first with the tagger filling in), a learning curve (a quarter, half and
//!   all of every training set) and F1 against model size (2^12 to 2^18 buckets).
//! - Article extraction of HTML imports (`parallax import`) on the article extraction
//!   benchmark and the development pages: see `extraction.rs`.
//!
//! Predictions go to `target/eval/`.

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
/// Builds the `parallax` CLI in release and returns its path; `who` names the command in
/// errors.
pub fn release_cli(root: &Path, who: &str) -> Result<PathBuf, String> {
    let status = Command::new("cargo")
        .args(["build", "--release", "-p", "parallax-cli"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("{who}: cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("{who}: building parallax-cli failed"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let exe = target.join("release").join(if cfg!(windows) {
        "parallax.exe"
    } else {
        "parallax"
    });
    Ok(exe)
}

pub fn eval(root: &Path) -> Result<(), String> {
    let exe = release_cli(root, "eval")?;
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
        (
            "world",
            root.join("eval").join("world").join("texts"),
            root.join("eval").join("world").join("gold_entities.jsonl"),
        ),
    ];
    let split = dev_split(root)?;
    let world = world_split(root);
    let mut ran = 0;
    for (name, dir, gold) in sets {
        let mut files = txt_files(&dir);
        if name == "world" {
            // only the documents that have gold yet (the corpus grows batch by batch)
            let listed: Vec<&str> = world.iter().flat_map(|(_, d)| d.split(',')).collect();
            files.retain(|f| {
                f.file_name()
                    .is_some_and(|n| listed.iter().any(|l| n == *l))
            });
        }
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
        if name == "dev" || name == "world" {
            for (part, docs) in if name == "dev" { &split } else { &world } {
                println!(
                    "-- {name}, {part} part ({} documents)",
                    docs.split(',').count()
                );
                score(&scorer, &gold, &pred, Some(docs))?;
            }
        } else {
            score(&scorer, &gold, &pred, None)?;
        }
        ran += 1;
    }
    if ran == 0 {
        return Err("eval: nothing to score".into());
    }
    let mut tagger_sets = vec![(
        "dev",
        root.join("eval").join("dev").join("gold_entities.jsonl"),
        split,
    )];
    if !world.is_empty() {
        tagger_sets.push((
            "world",
            root.join("eval").join("world").join("gold_entities.jsonl"),
            world,
        ));
    }
    tagger(&scorer, &tagger_sets, &out_dir)?;
    alignments(root, &exe, &out_dir)?;
    crate::extraction::extraction(root, &exe, &out_dir)
}

/// The parts of `eval/dev/split.list`: ("tune", "a.txt,b.txt"), ("test", ...).
fn dev_split(root: &Path) -> Result<Vec<(String, String)>, String> {
    let path = root.join("eval").join("dev").join("split.list");
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("eval: {}: {e}", path.display()))?;
    let mut parts: Vec<(String, String)> = Vec::new();
    for (part, doc) in text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
    {
        match parts.iter_mut().find(|(p, _)| p == part) {
            Some((_, docs)) => {
                docs.push(',');
                docs.push_str(doc.trim());
            }
            None => parts.push((part.to_string(), doc.trim().to_string())),
        }
    }
    Ok(parts)
}

/// The parts of the world-news corpus (`eval/world/`, written by its `tools.py gold`): its
/// `train.list` and `test.list` as ("train", "a.txt,b.txt"), ("test", ...); empty while the
/// corpus has no gold. Its *train* part trains the tagger; *test* is only scored.
fn world_split(root: &Path) -> Vec<(String, String)> {
    let dir = root.join("eval").join("world");
    if !dir.join("gold_entities.jsonl").exists() {
        return Vec::new();
    }
    ["train", "test"]
        .iter()
        .filter_map(|part| {
            let text = std::fs::read_to_string(dir.join(format!("{part}.list"))).ok()?;
            let docs: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            (!docs.is_empty()).then(|| (part.to_string(), docs.join(",")))
        })
        .collect()
}

/// `eval/score_entities.py` on `pred` against `gold`, over `docs` when given.
fn score(scorer: &Path, gold: &Path, pred: &Path, docs: Option<&str>) -> Result<(), String> {
    let mut c = Command::new("python3");
    c.arg(scorer).arg(gold).arg(pred);
    if let Some(d) = docs {
        c.args(["--docs", d]);
    }
    let status = c
        .status()
        .map_err(|e| format!("eval: cannot run python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("eval: the scorer failed on {}", pred.display()))
    }
}

/// A set the tagger's variants are scored on: name, gold, parts (part, documents).
type TaggerSet = (&'static str, PathBuf, Vec<(String, String)>);

/// The tagger's ablation, learning curve and size curve on each part of each set.
fn tagger(scorer: &Path, sets: &[TaggerSet], out: &Path) -> Result<(), String> {
    let dir = out.join("tagger");
    crate::util::run_cmd(
        crate::util::cmd("cargo")
            .args([
                "run",
                "--release",
                "-p",
                "parallax-core",
                "--example",
                "train",
                "--",
            ])
            .arg("--eval")
            .arg(&dir),
    )?;
    let sizes = std::fs::read_to_string(dir.join("sizes.tsv"))
        .map_err(|e| format!("eval: {}: {e}", dir.join("sizes.tsv").display()))?;
    let mut variants: Vec<(String, String)> = [
        ("rules", "ablation: rules alone"),
        ("tagger", "ablation: tagger alone (no rule features)"),
        (
            "both",
            "ablation: tagger with the rules as features (the default)",
        ),
        ("fill", "ablation: rules first, the tagger fills in"),
        (
            "both_quarter",
            "learning curve: the default, 1/4 of every training set",
        ),
        (
            "both_half",
            "learning curve: the default, 1/2 of every training set",
        ),
    ]
    .iter()
    .map(|(v, w)| (v.to_string(), w.to_string()))
    .collect();
    println!("== model sizes (variant, log2 buckets, bytes, gzip -9 bytes)");
    for line in sizes.lines() {
        println!("{line}");
        let mut f = line.split('\t');
        if let (Some(v), Some(b), _, Some(gz)) = (f.next(), f.next(), f.next(), f.next()) {
            if v.starts_with("both_bits") {
                variants.push((
                    v.to_string(),
                    format!("size curve: the default with 2^{b} buckets ({gz} bytes gzip)"),
                ));
            }
        }
    }
    for (set, gold, parts) in sets {
        for (part, docs) in parts {
            for (v, what) in &variants {
                println!("== {what}, {set} {part} part");
                score(
                    scorer,
                    gold,
                    &dir.join(format!("{v}_{set}_{part}.jsonl")),
                    Some(docs),
                )?;
            }
        }
    }
    Ok(())
}

/// `parallax align` over `pairs`, all output in one JSON Lines file at `out`.
fn align_all(exe: &Path, pairs: &[(PathBuf, PathBuf)], out: &Path) -> Result<(), String> {
    let mut all = Vec::new();
    for (a, b) in pairs {
        let o = Command::new(exe)
            .arg("align")
            .args([a, b])
            .output()
            .map_err(|e| format!("eval: cannot run {}: {e}", exe.display()))?;
        if !o.status.success() {
            return Err(format!(
                "eval: parallax align {} {} failed: {}",
                a.display(),
                b.display(),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
        all.extend_from_slice(&o.stdout);
    }
    std::fs::write(out, all).map_err(|e| format!("eval: {}: {e}", out.display()))
}

/// Prints `eval/score_alignments.py`'s line for `pred` against `gold`, after `name`.
fn score_alignments(root: &Path, name: &str, gold: &Path, pred: &Path) -> Result<(), String> {
    use std::io::Write;
    print!("{name:<16}");
    let _ = std::io::stdout().flush();
    let status = Command::new("python3")
        .arg(root.join("eval").join("score_alignments.py"))
        .args([gold, pred])
        .status()
        .map_err(|e| format!("eval: cannot run python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("eval: the alignment scorer failed on {name}"))
    }
}

/// Alignment scores on the seeds (every pair) and on the development pairs.
fn alignments(root: &Path, exe: &Path, out_dir: &Path) -> Result<(), String> {
    println!("== alignment");
    let seeds = txt_files(&root.join("seeds"));
    let mut pairs = Vec::new();
    for (i, a) in seeds.iter().enumerate() {
        for b in &seeds[i + 1..] {
            pairs.push((a.clone(), b.clone()));
        }
    }
    let pred = out_dir.join("seeds_alignments.jsonl");
    align_all(exe, &pairs, &pred)?;
    score_alignments(
        root,
        "seeds:",
        &root.join("eval").join("seeds_alignments.jsonl"),
        &pred,
    )?;
    let dir = root.join("eval").join("dev").join("alignments");
    let pairs = pair_list(root, &dir.join("pairs.txt"))?;
    let pred = out_dir.join("dev_alignments.jsonl");
    align_all(exe, &pairs, &pred)?;
    for set in ["all", "hand", "spun"] {
        let gold = dir.join(format!("gold_{set}.jsonl"));
        score_alignments(root, &format!("dev ({set}):"), &gold, &pred)?;
    }
    // The event set: eight news events, each in three or four outlets, split by event.
    for split in ["tune", "test"] {
        let pairs = pair_list(root, &dir.join(format!("pairs_{split}.txt")))?;
        let pred = out_dir.join(format!("events_{split}_alignments.jsonl"));
        align_all(exe, &pairs, &pred)?;
        let gold = dir.join(format!("gold_{split}.jsonl"));
        score_alignments(root, &format!("events ({split}):"), &gold, &pred)?;
    }
    Ok(())
}

/// The document pairs listed in `list`, one pair a line (paths from the root), `#` comments.
fn pair_list(root: &Path, list: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let text =
        std::fs::read_to_string(list).map_err(|e| format!("eval: {}: {e}", list.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (root.join(a.trim()), root.join(b.trim())))
        .collect())
}
