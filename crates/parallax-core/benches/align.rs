//! Comparison benchmarks: all pairs of the five bundled documents aligned, stories of 10,
//! 30 and 100 synthetic articles of about 800 words clustered into a claims matrix, and the
//! provenance of 100 of them (bar: 200 ms natively).
//!
//! The synthetic articles are built deterministically from the seed and development texts:
//! each takes the sentences of one text in a shuffled order, mixed with sentences of others,
//! until it has about 800 words (a fixed-seed linear congruential generator, no randomness).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::align::{align, DocInput};
use parallax_core::provenance::provenance;
use parallax_core::story::story;
use parallax_core::text::sentences::sentences;
use parallax_core::Span;

const SEEDS: [&str; 5] = [
    include_str!("../../../seeds/000_0adf5e840b467175.txt"),
    include_str!("../../../seeds/001_9021814dd0b5826a.txt"),
    include_str!("../../../seeds/002_3a84a08c5ea05fd3.txt"),
    include_str!("../../../seeds/003_52b758f841f8722b.txt"),
    include_str!("../../../seeds/004_d700d5c3ab254cfa.txt"),
];

const DEV: [&str; 6] = [
    include_str!("../../../eval/dev/101_london_marathon.txt"),
    include_str!("../../../eval/dev/103_rim_shares.txt"),
    include_str!("../../../eval/dev/107_hernandez_verdict.txt"),
    include_str!("../../../eval/dev/111_ukraine_cyberattack_taipei.txt"),
    include_str!("../../../eval/dev/112_blinken_lavrov_geneva.txt"),
    include_str!("../../../eval/dev/113_ukraine_websites_axios.txt"),
];

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

/// `n` articles of about 800 words each.
fn synthetic(n: usize) -> Vec<String> {
    let pool: Vec<Vec<String>> = SEEDS
        .iter()
        .chain(DEV.iter())
        .map(|t| {
            let cs: Vec<char> = t.chars().collect();
            sentences(t)
                .iter()
                .map(|s| cs[s.start..s.end].iter().collect())
                .collect()
        })
        .collect();
    let mut rng = Lcg(20240614);
    (0..n)
        .map(|_| {
            let home = rng.next() % pool.len();
            let mut own: Vec<&String> = pool[home].iter().collect();
            for k in (1..own.len()).rev() {
                own.swap(k, rng.next() % (k + 1));
            }
            let mut out = String::new();
            let mut words = 0;
            let mut k = 0;
            while words < 800 {
                let s = if rng.next() % 10 < 7 && k < own.len() {
                    k += 1;
                    own[k - 1]
                } else {
                    let t = &pool[rng.next() % pool.len()];
                    &t[rng.next() % t.len()]
                };
                words += s.split_whitespace().count();
                out.push_str(s);
                out.push_str(if rng.next().is_multiple_of(4) {
                    "\n\n"
                } else {
                    " "
                });
            }
            out
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let spans: Vec<Vec<Span>> = SEEDS.iter().map(|t| sentences(t)).collect();
    let docs: Vec<DocInput<'_>> = SEEDS
        .iter()
        .zip(&spans)
        .map(|(t, s)| DocInput::new(t, s))
        .collect();
    c.bench_function("align all pairs of the 5 seeds", |b| {
        b.iter(|| {
            let mut n = 0;
            for i in 0..docs.len() {
                for j in i + 1..docs.len() {
                    n += align(&docs[i], &docs[j]).len();
                }
            }
            n
        })
    });
    let mut group = c.benchmark_group("story of synthetic 800-word articles");
    group.sample_size(10);
    for n in [10usize, 30, 100] {
        let texts = synthetic(n);
        let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
        let docs: Vec<DocInput<'_>> = texts
            .iter()
            .zip(&spans)
            .map(|(t, s)| DocInput::new(t, s))
            .collect();
        group.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| story(docs).len())
        });
    }
    group.finish();
    let mut group = c.benchmark_group("provenance of synthetic 800-word articles");
    group.sample_size(10);
    let texts = synthetic(100);
    let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
    let docs: Vec<DocInput<'_>> = texts
        .iter()
        .zip(&spans)
        .map(|(t, s)| DocInput::new(t, s))
        .collect();
    group.bench_with_input(BenchmarkId::from_parameter(100), &docs, |b, docs| {
        b.iter(|| provenance(docs).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
