//! Trains the entity tagger (run by `cargo xtask train`, in release):
//!
//! - `train`: trains on the converted corpora (`data/train/*.txt.gz`), the seeds' gold, the
//!   *tune* part of `eval/dev` and, when present, the *train* part of the world-news corpus
//!   `eval/world/`, and writes `data/tagger.bin`.
//! - `train --check`: trains the same way and fails if the result differs from the file.
//! - `train --eval DIR`: writes predictions on the tune and test parts of `eval/dev` (and the
//!   train and test parts of `eval/world/` when present) for the ablation (rules alone,
//!   tagger alone, both, fill), the learning curve (both, trained on the first quarter and
//!   half of every training set) and the size curve (both, with 2^12 to 2^18 buckets) to
//!   `DIR/<variant>_<set>_<part>.jsonl`, and each model's gzip size to `DIR/sizes.tsv`.
//!   With `--hold-tune` the models are trained without the tune part (only the seeds as
//!   in-domain data), so that tune scores can choose between settings.
//! - `train --speed`: tokens per second of the rules, the default and the tagger alone.
//!
//! The test parts are never read here except to write predictions for the scorer.
//! `PARALLAX_TAGGER_BITS` overrides the buckets of a plain `train` (for experiments).

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

/// The documents of a part (`train`, `test`) of the world-news corpus, if it is present and
/// has gold: `eval/world/<part>.list`.
fn world_split(part: &str) -> Vec<String> {
    let w = root().join("eval/world");
    if !w.join("gold_entities.jsonl").exists() {
        return Vec::new();
    }
    std::fs::read_to_string(w.join(format!("{part}.list")))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// The world corpus's training documents (its *train* part only).
fn world_train() -> Vec<Doc> {
    let names = world_split("train");
    if names.is_empty() {
        return Vec::new();
    }
    gold_docs(
        &root().join("eval/world/texts"),
        &root().join("eval/world/gold_entities.jsonl"),
        &names,
    )
}

/// A set predictions are written for: (name, texts folder, [(part, documents)]).
type EvalSet = (&'static str, PathBuf, Vec<(&'static str, Vec<String>)>);

/// The sets predictions are written for.
fn eval_sets() -> Vec<EvalSet> {
    let mut v = vec![(
        "dev",
        root().join("eval/dev"),
        vec![("tune", split("tune")), ("test", split("test"))],
    )];
    let (train, test) = (world_split("train"), world_split("test"));
    if !train.is_empty() || !test.is_empty() {
        v.push((
            "world",
            root().join("eval/world/texts"),
            vec![("train", train), ("test", test)],
        ));
    }
    v
}

/// log2 of the buckets: `BITS`, or `PARALLAX_TAGGER_BITS` for experiments.
fn bits() -> u32 {
    std::env::var("PARALLAX_TAGGER_BITS")
        .ok()
        .and_then(|b| b.parse().ok())
        .filter(|b| (10..=22).contains(b))
        .unwrap_or(BITS)
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

/// What one model is trained on.
struct Data {
    corpora: Vec<Vec<Doc>>,
    /// the seeds and the tune part of `eval/dev`
    home: Vec<Doc>,
    /// the world corpus's train part (empty when absent)
    world: Vec<Doc>,
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

/// Sequences of the first `num/den` of each corpus's documents and of the world corpus's
/// train part, and of the in-domain documents (repeated: they are few and the closest to what
/// the app reads).
fn sequences(d: &Data, num: usize, den: usize, rules: bool, bits: u32) -> Vec<Sequence> {
    let mut seqs = Vec::new();
    for docs in d.corpora.iter().chain(std::iter::once(&d.world)) {
        for (text, gold) in &docs[..docs.len() * num / den] {
            seqs.extend(training_sequences(text, gold, rules, bits));
        }
    }
    for _ in 0..IN_DOMAIN_REPEAT {
        for (text, gold) in &d.home {
            seqs.extend(training_sequences(text, gold, rules, bits));
        }
    }
    seqs
}

/// How many times the in-domain documents are seen per epoch.
const IN_DOMAIN_REPEAT: usize = 3;

fn model_path() -> PathBuf {
    root().join("crates/parallax-core/data/tagger.bin")
}

fn predict(model: &Model<'_>, mode: Mode, dir: &Path, docs: &[String]) -> String {
    let mut out = String::new();
    for n in docs {
        let text = std::fs::read_to_string(dir.join(n)).expect("document");
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

/// Bucket counts of the size curve.
const SIZE_CURVE: [u32; 4] = [12, 14, 16, 18];

fn gzip_len(b: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(b).expect("gzip");
    e.finish().expect("gzip").len()
}

fn eval(dir: &Path, hold_tune: bool) {
    std::fs::create_dir_all(dir).expect("output dir");
    let mut d = Data {
        corpora: corpora(),
        home: in_domain(),
        world: world_train(),
    };
    if hold_tune {
        // selection runs: the tune part is left out of training so that its scores mean
        // something (the seeds stay in)
        d.home.truncate(
            files_of("seeds/")
                .iter()
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .count(),
        );
    }
    let bytes = std::fs::read(model_path()).expect("model file");
    let fit =
        |num, den, rules, bits| train(&sequences(&d, num, den, rules, bits), bits, EPOCHS, SEED, 0);
    let full = if hold_tune {
        fit(1, 1, true, BITS)
    } else {
        Model::from_bytes(&bytes).expect("model")
    };
    let mut models: Vec<(String, Model<'_>, Mode)> = vec![
        ("rules".into(), full.clone(), Mode::Rules),
        ("tagger".into(), fit(1, 1, false, BITS), Mode::Tagger),
        ("both".into(), full.clone(), Mode::Both),
        ("fill".into(), full.clone(), Mode::Fill),
        ("both_quarter".into(), fit(1, 4, true, BITS), Mode::Both),
        ("both_half".into(), fit(1, 2, true, BITS), Mode::Both),
    ];
    for b in SIZE_CURVE.into_iter().filter(|b| *b != BITS) {
        models.push((format!("both_bits{b}"), fit(1, 1, true, b), Mode::Both));
    }
    let mut sizes = String::new();
    for (name, m, _) in &models {
        let raw = m.to_bytes();
        sizes.push_str(&format!(
            "{name}\t{}\t{}\t{}\n",
            m.bits,
            raw.len(),
            gzip_len(&raw)
        ));
    }
    std::fs::write(dir.join("sizes.tsv"), sizes).expect("write sizes");
    for (name, m, mode) in &models {
        for (set, texts, parts) in eval_sets() {
            for (part, docs) in parts {
                let p = dir.join(format!("{name}_{set}_{part}.jsonl"));
                std::fs::write(&p, predict(m, *mode, &texts, &docs)).expect("write predictions");
            }
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
        ("both (the default)", Mode::Both),
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
    let bits = bits();
    let data = Data {
        corpora: corpora(),
        home: in_domain(),
        world: world_train(),
    };
    let seqs = sequences(&data, 1, 1, true, bits);
    let words: usize = seqs.iter().map(Sequence::len).sum();
    eprintln!(
        "train: {} lines, {words} words, features in {:.1?}",
        seqs.len(),
        t.elapsed()
    );
    let model = train(&seqs, bits, EPOCHS, SEED, hash_inputs());
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
