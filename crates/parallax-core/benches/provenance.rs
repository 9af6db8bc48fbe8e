//! Provenance of 100 news articles (bar: 200 ms natively, issue 22).
//!
//! Unlike the synthetic mixtures of `align.rs`, these are real reports with real families:
//! the event texts of `eval/dev/alignments/events/` and the provenance families of
//! `eval/dev/provenance/` (several outlets per event: independent reports that share facts and
//! quotes), topped up to 100 with copies made deterministically from them (a fixed-seed
//! linear congruential generator, no randomness): a reprint under another headline, an
//! update (a figure changed, a sentence of another report added, the last one dropped) and a
//! reordered version (two paragraphs swapped). The texts are read at run time; the engine
//! itself reads no files.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::align::DocInput;
use parallax_core::provenance::provenance;
use parallax_core::text::sentences::sentences;
use parallax_core::Span;
use std::path::Path;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// The `.txt` files of `dir`, sorted by name.
fn texts_in(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A copy of `text` made by `kind`: 0 a reprint, 1 an update (with a sentence of `other`), 2 a
/// reordered version.
fn derived(text: &str, other: &str, kind: usize) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    match kind {
        0 => format!("Reprinted: {}", text),
        1 => {
            let mut out: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
            if let Some(p) = out
                .iter_mut()
                .find(|p| p.chars().any(|c| c.is_ascii_digit()))
            {
                *p = p.replacen(|c: char| c.is_ascii_digit(), "7", 1);
            }
            if out.len() > 3 {
                out.pop();
            }
            let extra = other.split("\n\n").nth(2).unwrap_or("");
            out.insert(out.len().min(3), extra.to_string());
            out.join("\n\n")
        }
        _ => {
            let mut out = paras.clone();
            if out.len() > 4 {
                out.swap(2, 3);
            }
            out.join("\n\n")
        }
    }
}

/// 100 articles: the real ones, then copies of them.
fn articles(n: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/dev");
    let mut real = texts_in(&root.join("alignments/events"));
    real.extend(texts_in(&root.join("provenance/sulawesi")));
    real.extend(texts_in(&root.join("provenance/skripal")));
    assert!(!real.is_empty(), "no texts under {}", root.display());
    let mut rng = Lcg(20261206);
    let mut out: Vec<String> = real.iter().take(n * 3 / 4).cloned().collect();
    while out.len() < n {
        let k = out.len();
        let (a, b) = (rng.next() % real.len(), rng.next() % real.len());
        out.push(derived(&real[a], &real[b], k % 3));
    }
    out
}

/// User plus system CPU time of this process, in ticks of 10 ms (`/proc/self/stat`).
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn bench(c: &mut Criterion) {
    let texts = articles(100);
    let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
    let docs: Vec<DocInput<'_>> = texts
        .iter()
        .zip(&spans)
        .map(|(t, s)| DocInput::new(t, s))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let links = provenance(&docs).len();
    eprintln!("100 articles, {words} words, {links} links");
    // CPU time per run (Linux), steadier than wall time on a loaded shared machine.
    if let Some(t0) = cpu_ticks() {
        let runs = 10;
        for _ in 0..runs {
            criterion::black_box(provenance(&docs).len());
        }
        if let Some(t1) = cpu_ticks() {
            eprintln!("CPU time per run: {} ms", (t1 - t0) * 10 / runs);
        }
    }
    let mut group = c.benchmark_group("provenance of news articles");
    group.sample_size(20);
    group.bench_with_input(BenchmarkId::from_parameter(100), &docs, |b, docs| {
        b.iter(|| provenance(docs).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
