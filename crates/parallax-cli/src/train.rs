//! `parallax train-align MANIFEST`: fits the related-pair scorer of parallax-core
//! (`align::learn`) to labelled document pairs and prints the weights file on stdout.
//!
//! The manifest has one `dir PATH` line per folder the texts are looked up in (in order) and
//! one `gold PATH` line per gold file (`eval/score_alignments.py`'s format); `#` starts a
//! comment. Every document pair a gold file names is analysed on its own, as `parallax align`
//! does, and gives one example per candidate sentence pair (`learn::examples`).

use super::read_inputs;
use anyhow::{bail, Context, Result};
use parallax_core::align::learn::{examples, train, Example};
use parallax_core::compare::AnalysedDocs;
use parallax_core::{analyse, Span};
use serde_json::Value;
use std::path::PathBuf;
use std::process::ExitCode;

/// A document pair and its gold sentence pairs (spans of the first, then the second).
type Labelled = ((String, String), Vec<(Span, Span)>);

/// The document pairs a gold file names, in order of first mention, with their gold pairs.
fn gold_pairs(path: &str) -> Result<Vec<Labelled>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{path}: cannot read"))?;
    let mut out: Vec<Labelled> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let r: Value = serde_json::from_str(line).with_context(|| format!("{path}: {line}"))?;
        let name = |k: &str| r[k].as_str().unwrap_or_default().to_string();
        let (a, b) = (name("a"), name("b"));
        if a == b {
            continue;
        }
        let span = |s: &str, e: &str| {
            let n = |k: &str| r[k].as_u64().unwrap_or(0) as usize;
            Span::new(n(s), n(e))
        };
        let k = match out
            .iter()
            .position(|((x, y), _)| (x, y) == (&a, &b) || (x, y) == (&b, &a))
        {
            Some(k) => k,
            None => {
                out.push(((a.clone(), b.clone()), Vec::new()));
                out.len() - 1
            }
        };
        if r.get("a_start").is_some() {
            let (sa, sb) = (span("a_start", "a_end"), span("b_start", "b_end"));
            let pair = if out[k].0 .0 == a { (sa, sb) } else { (sb, sa) };
            out[k].1.push(pair);
        }
    }
    Ok(out)
}

/// `parallax train-align MANIFEST`.
pub fn train_align_cmd(args: &[String]) -> Result<ExitCode> {
    let [manifest] = args else {
        bail!("usage: parallax train-align MANIFEST");
    };
    let text =
        std::fs::read_to_string(manifest).with_context(|| format!("{manifest}: cannot read"))?;
    let (mut dirs, mut golds) = (Vec::new(), Vec::new());
    for line in text.lines().map(str::trim) {
        match line.split_once(' ') {
            Some(("dir", p)) => dirs.push(PathBuf::from(p.trim())),
            Some(("gold", p)) => golds.push(p.trim().to_string()),
            _ if line.is_empty() || line.starts_with('#') => {}
            _ => bail!("{manifest}: cannot read the line {line:?}"),
        }
    }
    let find = |name: &str| -> Result<String> {
        dirs.iter()
            .map(|d| d.join(name))
            .find(|p| p.is_file())
            .map(|p| p.to_string_lossy().into_owned())
            .with_context(|| format!("{name}: not in any dir of {manifest}"))
    };
    let mut all: Vec<Example> = Vec::new();
    for gold in &golds {
        for ((a, b), spans) in gold_pairs(gold)? {
            let paths = [find(&a)?, find(&b)?];
            let inputs = read_inputs(&paths.iter().collect::<Vec<_>>());
            if inputs.docs.len() != 2 {
                bail!("{a} / {b}: cannot read both texts");
            }
            let analysis = analyse(&inputs.docs);
            let analysed = AnalysedDocs::new(&inputs.docs, &analysis);
            let docs = analysed.inputs();
            all.extend(examples(&docs[0], &docs[1], &spans));
        }
    }
    let related = all.iter().filter(|e| e.related).count();
    let model = train(&all);
    print!("{}", model.to_text());
    println!("# {} examples, {related} related", all.len());
    for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let hits: Vec<bool> = all
            .iter()
            .filter(|e| model.prob(&e.x) >= t)
            .map(|e| e.related)
            .collect();
        let tp = hits.iter().filter(|&&r| r).count();
        println!(
            "# at {t:.1}: {} found, precision {:.3}, recall {:.3}",
            hits.len(),
            tp as f64 / hits.len().max(1) as f64,
            tp as f64 / related.max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
