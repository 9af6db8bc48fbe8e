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
//! - `train --cv K DIR`: cross-validation over the *train* part of `eval/world/` (article `i`
//!   is in fold `i % K`): each fold's articles are predicted (`both`) by a model trained
//!   without them, all folds into `DIR/cv_world_train.jsonl`. This is what chooses features
//!   and settings; the test part is not touched.
//! - `train --candidate DIR`: the model of the current settings (`BITS` or
//!   `PARALLAX_TAGGER_BITS`) trained as `train` does, its predictions on the world *test* part
//!   in `DIR/candidate_world_test.jsonl` and its gzip size in `DIR/candidate_size.tsv`; the
//!   model file is not written.
//!
//! The test parts are never read here except to write predictions for the scorer.
//! `PARALLAX_TAGGER_BITS` overrides the buckets of a plain `train` (for experiments).

mod inputs;

use inputs::{files_of, hash_inputs, root};
use parallax_core::entities::tagger::train::{
    parse_corpus, train_quantised, Doc, Sequence, BITS, EPOCHS, PASSES, SEED,
};
use parallax_core::entities::tagger::{Model, Quant};
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

/// Quantisation: [`Quant::DEFAULT`], or `PARALLAX_TAGGER_QUANT=clip,levels,prune,per_tag`
/// for experiments (for example `0.999,15,0,1`).
fn quant() -> Quant {
    let Ok(v) = std::env::var("PARALLAX_TAGGER_QUANT") else {
        return Quant::DEFAULT;
    };
    let f: Vec<&str> = v.split(',').collect();
    let d = Quant::DEFAULT;
    Quant {
        clip: f.first().and_then(|x| x.parse().ok()).unwrap_or(d.clip),
        levels: f.get(1).and_then(|x| x.parse().ok()).unwrap_or(d.levels),
        prune: f.get(2).and_then(|x| x.parse().ok()).unwrap_or(d.prune),
        per_tag: f.get(3).map_or(d.per_tag, |x| *x == "1"),
    }
}

/// Trains with the settings of this run (`quant`).
fn train(seqs: &[Sequence], bits: u32, epochs: usize, seed: u64, hash: u64) -> Model<'static> {
    train_quantised(seqs, bits, epochs, seed, hash, &quant())
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
    /// each converted corpus, and whether its documents are real ones (three corpora cut
    /// their sentences into "documents" of 20: no document pass is learned on those)
    corpora: Vec<(bool, Vec<Doc>)>,
    /// the seeds and the tune part of `eval/dev`
    home: Vec<Doc>,
    /// the world corpus's train part (empty when absent)
    world: Vec<Doc>,
}

/// The converted corpora whose documents are cut every 20 sentences (`data/gen/corpora.py`,
/// `doc_every`), not real documents.
const CUT_DOCUMENTS: &[&str] = &["btc.txt.gz", "wnut17.txt.gz", "crossner.txt.gz"];

fn corpora() -> Vec<(bool, Vec<Doc>)> {
    files_of("crates/parallax-core/data/train/")
        .iter()
        .map(|f| {
            let mut s = String::new();
            flate2::read::GzDecoder::new(std::fs::File::open(f).expect("corpus"))
                .read_to_string(&mut s)
                .expect("gzip corpus");
            let cut = f
                .file_name()
                .is_some_and(|n| CUT_DOCUMENTS.iter().any(|c| n == *c));
            (!cut, parse_corpus(&s))
        })
        .collect()
}

/// The training documents: the first `num/den` of each corpus's documents and of the world
/// corpus's train part, then the in-domain documents, [`IN_DOMAIN_REPEAT`] times over (they
/// are few and the closest to what the app reads); each with a number that is the same for
/// every copy of a document and whether it is a real document.
fn documents(d: &Data, num: usize, den: usize) -> Vec<(&Doc, usize, bool)> {
    let mut v = Vec::new();
    let world = std::iter::once((true, &d.world));
    for (real, docs) in d.corpora.iter().map(|(r, x)| (*r, x)).chain(world) {
        for doc in &docs[..docs.len() * num / den] {
            v.push((doc, v.len(), real));
        }
    }
    let at = v.len();
    for _ in 0..IN_DOMAIN_REPEAT {
        v.extend(
            d.home
                .iter()
                .enumerate()
                .map(|(k, doc)| (doc, at + k, true)),
        );
    }
    v
}

/// The training sequences of `docs`; with `first`, each real document's also with the second
/// pass's features from the model `first(id % 2)` (trained without the documents `id % 2`).
fn sequences_of(
    docs: &[(&Doc, usize, bool)],
    rules: bool,
    bits: u32,
    first: Option<&dyn Fn(usize) -> Model<'static>>,
) -> Vec<Sequence> {
    let firsts = first.map(|f| [f(0), f(1)]);
    let mut seqs = Vec::new();
    for &((text, gold), id, real) in docs {
        seqs.extend(training_sequences(text, gold, rules, bits, None));
        if let (Some(m), true) = (&firsts, real) {
            seqs.extend(training_sequences(
                text,
                gold,
                rules,
                bits,
                Some(&m[id % 2]),
            ));
        }
    }
    seqs
}

/// The shuffle's seed: [`SEED`], or `PARALLAX_TAGGER_SEED` for experiments (the spread of
/// scores over seeds is the noise of a comparison).
fn seed() -> u64 {
    std::env::var("PARALLAX_TAGGER_SEED")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(SEED)
}

/// Passes of the trained models: [`PASSES`], or `PARALLAX_TAGGER_PASSES` for experiments.
fn passes() -> u32 {
    std::env::var("PARALLAX_TAGGER_PASSES")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(PASSES)
}

/// A model trained on the first `num/den` of every training set. With two passes: two
/// first-pass models, each trained on every other document, tag the documents the other one
/// was trained on; the model learns from every document both without the second pass's
/// features (its first pass) and with them.
fn fit(d: &Data, num: usize, den: usize, rules: bool, bits: u32, hash: u64) -> Model<'static> {
    let docs = documents(d, num, den);
    if passes() < 2 {
        return train(
            &sequences_of(&docs, rules, bits, None),
            bits,
            EPOCHS,
            seed(),
            hash,
        );
    }
    let half = |k: usize| -> Model<'static> {
        let part: Vec<_> = docs.iter().filter(|x| x.1 % 2 != k).copied().collect();
        // trained on the documents that are not `k % 2`, so it tags those that are
        train(
            &sequences_of(&part, rules, bits, None),
            bits,
            EPOCHS,
            seed(),
            0,
        )
    };
    let mut m = train(
        &sequences_of(&docs, rules, bits, Some(&half)),
        bits,
        EPOCHS,
        seed(),
        hash,
    );
    m.passes = 2;
    m
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
    let fit = |num, den, rules, bits| fit(&d, num, den, rules, bits, 0);
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

/// Cross-validation over the world corpus's train part (see the module docs).
fn cross_validate(k: usize, dir: &Path) {
    std::fs::create_dir_all(dir).expect("output dir");
    let names = world_split("train");
    let docs = world_train();
    let bits = bits();
    let mut out = String::new();
    for fold in 0..k {
        let d = Data {
            corpora: corpora(),
            home: in_domain(),
            world: docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, x)| x.clone())
                .collect(),
        };
        let model = fit(&d, 1, 1, true, bits, 0);
        if fold == 0 {
            let raw = model.to_bytes();
            std::fs::write(dir.join("cv_fold0.bin"), &raw).expect("write model");
            std::fs::write(
                dir.join("cv_size.tsv"),
                format!("{bits}\t{}\t{}\n", raw.len(), gzip_len(&raw)),
            )
            .expect("write size");
        }
        let held: Vec<String> = names
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k == fold)
            .map(|(_, n)| n.clone())
            .collect();
        out.push_str(&predict(
            &model,
            Mode::Both,
            &root().join("eval/world/texts"),
            &held,
        ));
        eprintln!("cv: fold {fold} of {k} done");
    }
    std::fs::write(dir.join("cv_world_train.jsonl"), out).expect("write predictions");
}

/// The candidate model of the current settings, predicted on the world test part.
fn candidate(dir: &Path) {
    std::fs::create_dir_all(dir).expect("output dir");
    let bits = bits();
    let d = Data {
        corpora: corpora(),
        home: in_domain(),
        world: world_train(),
    };
    let model = fit(&d, 1, 1, true, bits, 0);
    let raw = model.to_bytes();
    std::fs::write(
        dir.join("candidate_size.tsv"),
        format!("{bits}\t{}\t{}\n", raw.len(), gzip_len(&raw)),
    )
    .expect("write size");
    let test = world_split("test");
    std::fs::write(
        dir.join("candidate_world_test.jsonl"),
        predict(&model, Mode::Both, &root().join("eval/world/texts"), &test),
    )
    .expect("write predictions");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--cv") {
        let k = args
            .get(i + 1)
            .and_then(|x| x.parse().ok())
            .expect("--cv K DIR");
        cross_validate(k, Path::new(args.get(i + 2).expect("--cv K DIR")));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--candidate") {
        candidate(Path::new(args.get(i + 1).expect("--candidate DIR")));
        return;
    }
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
    let model = fit(&data, 1, 1, true, bits, hash_inputs());
    let bytes = model.to_bytes();
    eprintln!(
        "train: {} epochs, {} pass(es), in {:.1?}",
        EPOCHS,
        model.passes,
        t.elapsed()
    );
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
