//! What the page reads when an article joins the bundled story (issue 23, "no frozen page"):
//! the engine's reply as the whole snapshot (protocol 1's only answer) against the reply as
//! what changed ([`parallax_core::delta`]), in bytes, and the time the page spends on it: reading
//! the reply, then (for changes) applying them to the snapshot it holds, and the copy of the
//! result the library is joined from.
//!
//! `cargo bench -p parallax-core --bench engine_answer` prints, for an added news report of
//! `eval/dev/` and an article near the 100,000-character limit (the `eval/dev/` texts'
//! paragraphs over and over) joining the five seeds, and for the report joining a larger
//! collection (the seeds and the 13 other `eval/dev/` reports), the bytes of each reply and
//! the minimum and median of repeated runs.

use parallax_core::delta::fingerprint;
use parallax_core::engine::{read_reply, request_json, Answer, Base, DocText, Engine, Request};
use parallax_core::{Document, Snapshot};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The `.txt` files of `dir`, sorted.
fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder of texts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let id = parallax_core::document::id_from_file_name(&name).to_string();
            (id, std::fs::read_to_string(&p).expect("UTF-8"))
        })
        .collect()
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

fn timed(runs: usize, mut f: impl FnMut()) -> String {
    f();
    stats(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn measure(what: &str, seeds: &[(String, String)], article: &str) {
    let mut sent: Vec<DocText> = seeds
        .iter()
        .map(|(id, text)| DocText {
            id: id.clone(),
            text: text.clone(),
        })
        .collect();
    let old_docs: Vec<Document> = seeds
        .iter()
        .map(|(id, t)| Document::new(id.clone(), t.as_str()))
        .collect();
    let old = Snapshot::build(old_docs);
    let old_hash = fingerprint(&old.to_json());
    sent.push(DocText {
        id: "own-1".into(),
        text: article.into(),
    });
    let docs: Vec<Document> = sent
        .iter()
        .map(|d| Document::new(d.id.clone(), d.text.as_str()))
        .collect();
    let ask = |base: Option<Base>| {
        let request = Request::Analyse {
            id: 1,
            docs: sent.clone(),
            base,
        };
        Engine::default().answer(&request_json(&request), &mut || 0.0)
    };
    let whole = ask(None);
    let changes = ask(Some(Base::of(&old, old_hash, &docs)));
    let delta = match read_reply(&changes).map(|r| r.answer) {
        Ok(Answer::Delta { delta, .. }) => delta,
        other => panic!("not changes: {other:?}"),
    };
    println!(
        "{what} ({} chars): reply {} bytes whole, {} bytes as changes",
        article.chars().count(),
        whole.len(),
        changes.len()
    );
    println!(
        "  read the whole reply: {}",
        timed(30, || {
            black_box(read_reply(black_box(&whole)).ok());
        })
    );
    println!(
        "  read the changes and apply them: {}",
        timed(30, || {
            let Ok(Answer::Delta { delta, .. }) = read_reply(black_box(&changes)).map(|r| r.answer)
            else {
                return;
            };
            black_box(delta.apply(&old, old_hash, docs.clone()).ok());
        })
    );
    let new = delta.apply(&old, old_hash, docs.clone()).expect("applies");
    println!(
        "  copy of the result (the library is joined from a copy): {}",
        timed(30, || {
            black_box(new.clone());
        })
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = texts(&root.join("seeds"));
    let dev = texts(&root.join("eval/dev"));
    let report = &dev
        .iter()
        .find(|(id, _)| id.starts_with("101"))
        .expect("101")
        .1;
    measure("a news report joins the bundled story", &seeds, report);
    let mut long = String::from("Everything at once\n\n");
    let paragraphs: Vec<&str> = dev
        .iter()
        .flat_map(|(_, text)| text.lines().skip(1).filter(|l| l.trim().len() > 40))
        .collect();
    'full: loop {
        for line in &paragraphs {
            if long.chars().count() + line.chars().count() + 2 > 99_000 {
                break 'full;
            }
            long.push_str(line.trim());
            long.push_str("\n\n");
        }
    }
    measure("a long article joins the bundled story", &seeds, &long);
    let mut big = seeds.clone();
    big.extend(dev.iter().filter(|(id, _)| !id.starts_with("101")).cloned());
    measure(
        "a news report joins the seeds and 13 other reports",
        &big,
        report,
    );
}
