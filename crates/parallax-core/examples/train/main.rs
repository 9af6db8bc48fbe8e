//! Trains the entity tagger (run by `cargo xtask train`, in release):
//!
//! - `train`: trains on the converted corpora (`data/train/*.txt.gz`), the seeds' gold and the
//!   *tune* part of `eval/dev`, and writes `data/tagger.bin`.
//! - `train --check`: trains the same way and fails if the result differs from the file.
//! - `train --eval DIR`: writes predictions on the tune and test parts of `eval/dev` for the
//!   ablation (rules alone, tagger alone, both) and the learning curve (both, trained on the
//!   first quarter and half of the corpora's documents) to `DIR/<variant>_<part>.jsonl`.
//!   With `--hold-tune` the models are trained without the tune part (only the seeds as
//!   in-domain data), so that tune scores can choose between settings.
//! - `train --speed`: tokens per second of the rules, the default and the tagger alone.
//!
//! The test part is never read here except to write predictions for the scorer.

mod inputs;

use inputs::{files_of, hash_inputs, root};
use parallax_core::entities::tagger::train::{
    parse_corpus, train, Doc, Sequence, BITS, EPOCHS, SEED,
};
use parallax_core::entities::tagger::Model;
use parallax_core::entities::{recognize_with, training_sequences, Mode};
use parallax_core::{CharIndex, Label, Span};
use std::io::Read;
use std::path::{Path, PathBuf};

fn label_of(s: &str) -> Option<Label> {
    Some(match s {
        "PERSON" => Label::Person,
        "ORG" => Label::Org,
        "PLACE" => Label::Place,
        "GROUP" => Label::Group,
        "DATE" => Label::Date,
        "NUMBER" => Label::Number,
        _ => return None,
    })
}

/// (text, gold) of the named documents of `dir` with gold in `gold`.
fn gold_docs(dir: &Path, gold: &Path, names: &[String]) -> Vec<Doc> {
    let g = std::fs::read_to_string(gold).expect("gold file");
    names
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(n)).expect("document");
            let spans = g
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter(|v| v["doc"] == n.as_str())
                .filter_map(|v| {
                    let l = label_of(v["label"].as_str()?)?;
                    Some((
                        Span::new(v["start"].as_u64()? as usize, v["end"].as_u64()? as usize),
                        l,
                    ))
                })
                .collect();
            (text, spans)
        })
        .collect()
}

fn split(part: &str) -> Vec<String> {
    let s = std::fs::read_to_string(root().join("eval/dev/split.list")).expect("split.list");
    s.lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(p, _)| *p == part)
        .map(|(_, n)| n.trim().to_string())
        .collect()
}

/// The in-domain training documents: the seeds' gold and the tune part.
fn in_domain() -> Vec<Doc> {
    let seeds: Vec<String> = files_of("seeds/")
        .iter()
        .filter(|f| f.extension().is_some_and(|x| x == "txt"))
        .filter_map(|f| Some(f.file_name()?.to_string_lossy().into_owned()))
        .collect();
    let mut v = gold_docs(
        &root().join("seeds"),
        &root().join("eval/seeds_entities.jsonl"),
        &seeds,
    );
    v.extend(gold_docs(
        &root().join("eval/dev"),
        &root().join("eval/dev/gold_entities.jsonl"),
        &split("tune"),
    ));
    v
}

fn corpora() -> Vec<Vec<Doc>> {
    files_of("crates/parallax-core/data/train/")
        .iter()
        .map(|f| {
            let mut s = String::new();
            flate2::read::GzDecoder::new(std::fs::File::open(f).expect("corpus"))
                .read_to_string(&mut s)
                .expect("gzip corpus");
            parse_corpus(&s)
        })
        .collect()
}

/// Sequences of the first `num/den` of each corpus's documents, and of the in-domain
/// documents (repeated: they are few and the closest to what the app reads).
fn sequences(
    corp: &[Vec<Doc>],
    home: &[Doc],
    num: usize,
    den: usize,
    rules: bool,
) -> Vec<Sequence> {
    let mut seqs = Vec::new();
    for docs in corp {
        for (text, gold) in &docs[..docs.len() * num / den] {
            seqs.extend(training_sequences(text, gold, rules, BITS));
        }
    }
    for _ in 0..IN_DOMAIN_REPEAT {
        for (text, gold) in home {
            seqs.extend(training_sequences(text, gold, rules, BITS));
        }
    }
    seqs
}

/// How many times the in-domain documents are seen per epoch.
const IN_DOMAIN_REPEAT: usize = 3;

fn model_path() -> PathBuf {
    root().join("crates/parallax-core/data/tagger.bin")
}

fn predict(model: &Model<'_>, mode: Mode, part: &str) -> String {
    let dir = root().join("eval/dev");
    let mut out = String::new();
    for n in split(part) {
        let text = std::fs::read_to_string(dir.join(&n)).expect("document");
        let toks = parallax_core::text::tokens::tokenize(&text);
        let sents = parallax_core::text::sentences::sentences_of(&toks);
        let ix = CharIndex::new(&text);
        for (s, l) in recognize_with(&toks, &sents, mode, model) {
            let v = serde_json::json!({"doc": n, "start": s.start, "end": s.end,
                "label": l.as_str(), "text": ix.slice(&text, s)});
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    out
}

fn eval(dir: &Path, hold_tune: bool) {
    std::fs::create_dir_all(dir).expect("output dir");
    let corp = corpora();
    let mut home = in_domain();
    if hold_tune {
        // selection runs: the tune part is left out of training so that its scores mean
        // something (the seeds stay in)
        home.truncate(
            files_of("seeds/")
                .iter()
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .count(),
        );
    }
    let bytes = std::fs::read(model_path()).expect("model file");
    let full = if hold_tune {
        train(&sequences(&corp, &home, 1, 1, true), BITS, EPOCHS, SEED, 0)
    } else {
        Model::from_bytes(&bytes).expect("model")
    };
    let alone = train(&sequences(&corp, &home, 1, 1, false), BITS, EPOCHS, SEED, 0);
    let quarter = train(&sequences(&corp, &home, 1, 4, true), BITS, EPOCHS, SEED, 0);
    let half = train(&sequences(&corp, &home, 1, 2, true), BITS, EPOCHS, SEED, 0);
    let variants: [(&str, &Model<'_>, Mode); 8] = [
        ("rules", &full, Mode::Rules),
        ("tagger", &alone, Mode::Tagger),
        ("both", &full, Mode::Both),
        ("fill", &full, Mode::Fill),
        ("both_quarter", &quarter, Mode::Both),
        ("both_half", &half, Mode::Both),
        ("fill_quarter", &quarter, Mode::Fill),
        ("fill_half", &half, Mode::Fill),
    ];
    for (name, m, mode) in variants {
        for part in ["tune", "test"] {
            let p = dir.join(format!("{name}_{part}.jsonl"));
            std::fs::write(&p, predict(m, mode, part)).expect("write predictions");
        }
    }
}

/// Tokens per second of each recognizer over the seeds and the development set, ten times
/// over, on one core (a rough figure; `cargo bench --bench recognize` is the careful one).
fn speed() {
    let mut text = String::new();
    for f in files_of("seeds/").into_iter().chain(files_of("eval/dev/")) {
        if f.extension().is_some_and(|x| x == "txt") && !f.ends_with("split.list") {
            text.push_str(&std::fs::read_to_string(&f).unwrap_or_default());
            text.push_str("\n\n");
        }
    }
    let text = text.repeat(10);
    let toks = parallax_core::text::tokens::tokenize(&text);
    let sents = parallax_core::text::sentences::sentences_of(&toks);
    let words = toks.iter().filter(|t| !t.text.trim().is_empty()).count();
    let model = Model::embedded();
    for (name, mode) in [
        ("rules", Mode::Rules),
        ("fill", Mode::Fill),
        ("tagger", Mode::Tagger),
    ] {
        let _ = recognize_with(&toks[..200], &sents[..1], mode, model);
        let t = std::time::Instant::now();
        let n = recognize_with(&toks, &sents, mode, model).len();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name}: {words} tokens in {s:.3} s: {:.0} tokens/s ({n} mentions)",
            words as f64 / s
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--speed") {
        speed();
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--eval") {
        let hold = args.iter().any(|a| a == "--hold-tune");
        eval(Path::new(args.get(i + 1).expect("--eval DIR")), hold);
        return;
    }
    let t = std::time::Instant::now();
    let seqs = sequences(&corpora(), &in_domain(), 1, 1, true);
    let words: usize = seqs.iter().map(Sequence::len).sum();
    eprintln!(
        "train: {} lines, {words} words, features in {:.1?}",
        seqs.len(),
        t.elapsed()
    );
    let model = train(&seqs, BITS, EPOCHS, SEED, hash_inputs());
    let bytes = model.to_bytes();
    eprintln!("train: {} epochs in {:.1?}", EPOCHS, t.elapsed());
    let path = model_path();
    if args.iter().any(|a| a == "--check") {
        let old = std::fs::read(&path).unwrap_or_default();
        if old != bytes {
            eprintln!(
                "train --check: {} differs from what training makes",
                path.display()
            );
            std::process::exit(1);
        }
        eprintln!("train --check: {} is what training makes", path.display());
        return;
    }
    std::fs::write(&path, &bytes).expect("write model");
    eprintln!("train: wrote {} ({} bytes)", path.display(), bytes.len());
}
