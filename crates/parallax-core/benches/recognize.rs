//! Recognizer throughput: tokens per second over the bundled and development texts, and how
//! time grows with input size (1x, 10x, 100x the texts).
//!
//! `cargo bench -p parallax-core --bench recognize`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parallax_core::analysis::analyse_texts;
use parallax_core::entities::recognize;
use parallax_core::text::tokens::{tokenize, TokenKind};
use std::path::Path;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut s = String::new();
    for dir in ["seeds", "eval/dev"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "txt"));
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                s.push_str(&t);
                s.push_str("\n\n");
            }
        }
    }
    s
}

fn word_tokens(text: &str) -> u64 {
    tokenize(text)
        .iter()
        .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline))
        .count() as u64
}

fn bench(c: &mut Criterion) {
    let base = corpus();
    // warm the lazily built lexicons outside the measurement
    let _ = recognize("Warm up in Paris.");
    let mut g = c.benchmark_group("recognize");
    g.sample_size(10);
    for factor in [1usize, 10, 100] {
        let text = base.repeat(factor);
        g.throughput(Throughput::Elements(word_tokens(&text)));
        g.bench_with_input(BenchmarkId::new("tokens", factor), &text, |b, t| {
            b.iter(|| recognize(t))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("analyse");
    g.sample_size(10);
    let text = base.repeat(10);
    g.throughput(Throughput::Elements(word_tokens(&text)));
    g.bench_function("tokens_10x", |b| b.iter(|| analyse_texts(&[&text])));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
