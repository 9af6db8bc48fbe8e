//! The app's start-up work over the five bundled documents, phase by phase: building the
//! gazetteer tables (`lexicon::warm_up`, once per process) and `Document::new` + `analyse`
//! (what `Library::from_files` does). Issue #5: at most 20 ms in headless Chromium.
//!
//! `cargo bench -p parallax-core --bench analyse_seeds` prints the first (cold) table build,
//! fresh table builds and the analysis (minimum and median of repeated runs). With
//! `ANALYSE_SEEDS_ONCE=1` it runs each phase once, for `valgrind --tool=callgrind
//! --toggle-collect=analyse_seeds::tables --toggle-collect=analyse_seeds::analysis`.

use parallax_core::entities::lexicon;
use parallax_core::{analyse, Analysis, Document};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("UTF-8 seed");
            (name, text)
        })
        .collect()
}

#[inline(never)]
fn tables() {
    lexicon::warm_up();
}

#[inline(never)]
fn analysis(files: &[(String, String)]) -> (Vec<Document>, Analysis) {
    let docs: Vec<Document> = files
        .iter()
        .map(|(name, text)| {
            Document::new(
                parallax_core::document::id_from_file_name(name),
                text.as_str(),
            )
        })
        .collect();
    let a = analyse(&docs);
    (docs, a)
}

fn stats(mut v: Vec<Duration>) -> String {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "min {:.3} ms, median {:.3} ms ({} runs)",
        ms(v[0]),
        ms(v[v.len() / 2]),
        v.len()
    )
}

fn main() {
    let files = seeds();
    if std::env::var_os("ANALYSE_SEEDS_ONCE").is_some() {
        tables();
        black_box(analysis(&files));
        return;
    }
    let t = Instant::now();
    tables();
    println!(
        "tables (first, cold): {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let runs: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            black_box(lexicon::build_all_tables());
            t.elapsed()
        })
        .collect();
    println!("tables (fresh build): {}", stats(runs));
    let first = Instant::now();
    black_box(analysis(&files));
    println!(
        "analysis (first): {:.3} ms",
        first.elapsed().as_secs_f64() * 1e3
    );
    let runs: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            black_box(analysis(&files));
            t.elapsed()
        })
        .collect();
    println!("analysis: {}", stats(runs));
}
