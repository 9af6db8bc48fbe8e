//! Training the tagger: the averaged perceptron (Collins 2002) over lines of text, with the
//! averaging trick of Daumé (2006), in a fixed order (a seeded shuffle per epoch, xorshift64),
//! so the same inputs give the same model byte for byte. Pure: the caller reads the corpora
//! (`examples/train.rs`, run by `cargo xtask train`) and writes the model.

use super::features::Extractor;
use super::{lines, viterbi, Model, Quant, LABELS, TAGS};
use crate::model::Label;
use crate::offsets::Span;
use crate::pipeline::entities::W;

/// One line of training text: its words' features and gold tags.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    /// the features of every word, concatenated
    feats: Vec<u32>,
    /// where each word's features end in `feats`
    ends: Vec<u32>,
    /// gold tag per word
    gold: Vec<u8>,
}

impl Sequence {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// True when the line has no words.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }

    fn word(&self, i: usize) -> &[u32] {
        let s = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.feats[s..self.ends[i] as usize]
    }
}

fn tag_of(l: Label, inside: bool) -> Option<u8> {
    let k = LABELS.iter().position(|x| *x == l)?;
    Some(1 + 2 * k as u8 + u8::from(inside))
}

/// The sequences of one text's words with gold code-point spans (labels other than the
/// tagger's are ignored; a span that does not start and end on word bounds tags the words
/// inside it). With `first`, the words also get the second pass's features of how `first`
/// (a model that never saw this text) tagged the text ([`super::tag`]).
pub(crate) fn sequences(
    ws: &[W<'_>],
    gold: &[(Span, Label)],
    rules: Option<super::features::RuleFeatures<'_>>,
    bits: u32,
    first: Option<&Model<'_>>,
) -> Vec<Sequence> {
    let mut tags = vec![0u8; ws.len()];
    let mut i = 0;
    let mut sorted: Vec<&(Span, Label)> = gold.iter().collect();
    sorted.sort_by_key(|g| g.0.start);
    for (span, l) in sorted {
        while i < ws.len() && ws[i].span.start < span.start {
            i += 1;
        }
        let mut k = i;
        while k < ws.len() && ws[k].span.end <= span.end {
            if let Some(t) = tag_of(*l, k > i) {
                tags[k] = t;
            }
            k += 1;
        }
    }
    let codes = first.map(|m| {
        let mut one = m.clone();
        one.passes = 1;
        super::features::second_pass(ws, &super::tag(&one, ws, rules))
    });
    let fx = Extractor::new(ws, rules, bits);
    lines(ws)
        .into_iter()
        .map(|(s, e)| {
            let mut q = Sequence::default();
            for (i, t) in tags.iter().enumerate().take(e).skip(s) {
                fx.features(i, &mut q.feats);
                if let Some(c) = &codes {
                    fx.second(i, c[i], &mut q.feats);
                }
                q.ends.push(q.feats.len() as u32);
                q.gold.push(*t);
            }
            q
        })
        .collect()
}

/// The files whose bytes make the model, relative to the repository root, in hashing order; a
/// path ending in `/` stands for the files directly inside it with one of the extensions
/// `.rs .txt .tsv .gz .jsonl`, sorted by name. They are the corpora, the in-domain gold (all
/// of `eval/dev/gold_entities.jsonl` is hashed, only the *tune* part is read; likewise the
/// world-news corpus `eval/world/`, when present, of which only the *train* part is read),
/// and the code and lexicons the features come from.
pub const TRAINING_INPUTS: &[&str] = &[
    "crates/parallax-core/data/train/",
    "seeds/",
    "eval/seeds_entities.jsonl",
    "eval/dev/split.list",
    "eval/dev/gold_entities.jsonl",
    "eval/world/train.list",
    "eval/world/gold_entities.jsonl",
    "eval/world/texts/",
    "crates/parallax-core/data/",
    "crates/parallax-core/data/lists/entities/",
    "crates/parallax-core/data/lists/lexicon/",
    "crates/parallax-core/data/lists/numeric/",
    "crates/parallax-core/data/lists/text/",
    "crates/parallax-core/src/pipeline/entities/",
    "crates/parallax-core/src/pipeline/entities/tagger/",
    "crates/parallax-core/src/pipeline/text/",
];

/// Training settings: log2 of the buckets, epochs, the shuffle's seed. Buckets chosen by
/// cross-validation over the world corpus's train part (`train --cv 4`), strict F1
/// PERSON/ORG/PLACE / all six: 2^12 0.813 / 0.815, 2^13 0.819 / 0.819, 2^14 0.830 / 0.828,
/// 2^16 0.824 / 0.823.
pub const BITS: u32 = 14;
/// Tagging passes of the trained model: 1, or 2 for the document pass (see [`super::tag`]).
pub const PASSES: u32 = 1;
/// Passes over the data.
pub const EPOCHS: usize = 6;
/// Seed of the per-epoch shuffle.
pub const SEED: u64 = 0x5eed_7a66;

/// One training document of the converted corpora: its text and gold spans.
pub type Doc = (String, Vec<(Span, Label)>);

/// Reads one converted corpus (`data/train/*.txt.gz`, unzipped; format in
/// `data/gen/corpora.py`): each document's sentences become lines of text, tokens joined by
/// spaces.
pub fn parse_corpus(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut cur = String::new();
    let mut spans = Vec::new();
    let mut cp = 0usize;
    for line in text.split('\n') {
        if line.is_empty() {
            if !cur.is_empty() {
                docs.push((std::mem::take(&mut cur), std::mem::take(&mut spans)));
                cp = 0;
            }
            continue;
        }
        let (toks, tags) = line.split_once('\t').unwrap_or((line, ""));
        if !cur.is_empty() {
            cur.push('\n');
            cp += 1;
        }
        let mut starts = Vec::new();
        for (k, t) in toks.split(' ').enumerate() {
            if k > 0 {
                cur.push(' ');
                cp += 1;
            }
            let n = t.chars().count();
            starts.push((cp, cp + n));
            cur.push_str(t);
            cp += n;
        }
        for sp in tags.split(' ').filter(|x| !x.is_empty()) {
            if let Some(x) = parse_span(sp, &starts) {
                spans.push(x);
            }
        }
    }
    if !cur.is_empty() {
        docs.push((cur, spans));
    }
    docs
}

fn parse_span(sp: &str, starts: &[(usize, usize)]) -> Option<(Span, Label)> {
    let (range, l) = sp.split_once(':')?;
    let (s, e) = range.split_once('-')?;
    let (s, e): (usize, usize) = (s.parse().ok()?, e.parse().ok()?);
    let label = match l {
        "P" => Label::Person,
        "O" => Label::Org,
        "L" => Label::Place,
        "G" => Label::Group,
        _ => return None,
    };
    if s >= e || e > starts.len() {
        return None;
    }
    Some((Span::new(starts[s].0, starts[e - 1].1), label))
}

/// FNV-1a (64 bits) over the parts, each followed by its length: the hash of the training
/// inputs recorded in the model.
pub fn inputs_hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.iter().chain(&(p.len() as u64).to_le_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    trans: [[f32; TAGS]; TAGS + 1],
    tu: [[f64; TAGS]; TAGS + 1],
    c: f64,
}

impl Perceptron {
    fn decode(&self, q: &Sequence) -> Vec<usize> {
        let em: Vec<[f32; TAGS]> = (0..q.len())
            .map(|i| {
                let mut row = [0f32; TAGS];
                for &f in q.word(i) {
                    let at = f as usize * TAGS;
                    for (o, w) in row.iter_mut().zip(&self.w[at..at + TAGS]) {
                        *o += *w;
                    }
                }
                row
            })
            .collect();
        viterbi(&em, &self.trans)
    }

    fn update(&mut self, q: &Sequence, pred: &[usize]) {
        let c = self.c;
        for i in 0..q.len() {
            let (g, p) = (q.gold[i] as usize, pred[i]);
            let (gp, pp) = if i == 0 {
                (TAGS, TAGS)
            } else {
                (q.gold[i - 1] as usize, pred[i - 1])
            };
            if g != p {
                for &f in q.word(i) {
                    let at = f as usize * TAGS;
                    self.w[at + g] += 1.0;
                    self.u[at + g] += c;
                    self.w[at + p] -= 1.0;
                    self.u[at + p] -= c;
                }
            }
            if (g, gp) != (p, pp) {
                self.trans[gp][g] += 1.0;
                self.tu[gp][g] += c;
                self.trans[pp][p] -= 1.0;
                self.tu[pp][p] -= c;
            }
        }
    }
}

/// Trains a model on the sequences: `epochs` passes, each in an order shuffled from `seed`,
/// quantised as the embedded model is ([`Quant::DEFAULT`]).
pub fn train(seqs: &[Sequence], bits: u32, epochs: usize, seed: u64, hash: u64) -> Model<'static> {
    train_quantised(seqs, bits, epochs, seed, hash, &Quant::DEFAULT)
}

/// [`train`] with other quantisation settings (for experiments).
pub fn train_quantised(
    seqs: &[Sequence],
    bits: u32,
    epochs: usize,
    seed: u64,
    hash: u64,
    q: &Quant,
) -> Model<'static> {
    let n = (1usize << bits) * TAGS;
    let mut p = Perceptron {
        w: vec![0.0; n],
        u: vec![0.0f64; n],
        trans: [[0.0; TAGS]; TAGS + 1],
        tu: [[0.0f64; TAGS]; TAGS + 1],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..seqs.len()).filter(|&i| !seqs[i].is_empty()).collect();
    let mut rng = seed | 1;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let q = &seqs[k];
            let pred = p.decode(q);
            if pred.iter().zip(&q.gold).any(|(a, b)| *a != *b as usize) {
                p.update(q, &pred);
            }
            p.c += 1.0;
        }
    }
    let c = p.c;
    let avg: Vec<f32> =
        p.w.iter()
            .zip(&p.u)
            .map(|(w, u)| (f64::from(*w) - u / c) as f32)
            .collect();
    let mut trans = [[0f32; TAGS]; TAGS + 1];
    for r in 0..=TAGS {
        for t in 0..TAGS {
            trans[r][t] = (f64::from(p.trans[r][t]) - p.tu[r][t] / c) as f32;
        }
    }
    Model::quantise(bits, hash, &trans, &avg, q)
}
