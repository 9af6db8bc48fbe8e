//! The learned decision for related sentences: a logistic regression over the evidence of
//! [`PairScore`] (overlap of specific words, synonym and hypernym matches, shared entities and
//! actor, equal numbers and figures that disagree, dates, years, quoted words, the same source,
//! negation), instead of hand-set thresholds.
//!
//! The weights are `data/align_weights.txt`, written by `cargo xtask train-align` (which runs
//! `parallax train-align eval/align_train.txt`): [`examples`] turns the labelled document
//! pairs into one example per candidate pair the rules do not already call same or
//! paraphrase and that carries the least evidence of [`plausible`], and [`train`] fits the model by Newton's method with a ridge penalty, in a fixed
//! order (the same examples give the same weights on every machine), then picks the decision
//! threshold: the lowest whose precision over the training examples reaches
//! [`TARGET_PRECISION`]. A test holds the checked-in file to what training makes.

use super::features::Corpus;
use super::{candidates, classify_strong, score, DocInput, PairScore, DEFAULT};
use crate::offsets::Span;
use std::sync::OnceLock;

/// Number of features.
pub const N: usize = 29;

/// Feature names, in order (the weights file names each).
pub const NAMES: [&str; N] = [
    "dice",
    "containment",
    "word_dice",
    "matched_content",
    "matched_names",
    "synonym_matches",
    "phrases",
    "in_order",
    "shared_numbers",
    "number_conflicts",
    "shared_quote",
    "names_clash",
    "unmatched_names",
    "shared_entities",
    "lone_entities",
    "same_actor",
    "shared_dates",
    "shared_years",
    "negation_differs",
    "same_source",
    "short",
    "length_ratio",
    "specific_matches",
    "max_idf",
    "lead",
    "position_gap",
    "dice_x_containment",
    "shape_anchor",
    "shape_overlap",
];

/// Precision over the training examples that the threshold must reach.
pub const TARGET_PRECISION: f64 = 0.92;
/// Ridge penalty (on the weights, not the bias).
const RIDGE: f64 = 1.0;
/// Newton steps (the fit converges in far fewer).
const STEPS: usize = 30;

/// `x / cap`, at most 1.
fn capped(x: usize, cap: usize) -> f64 {
    (x.min(cap) as f64) / cap as f64
}

fn bit(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// The feature vector of a scored pair, each feature in 0..=1.
pub(crate) fn features(p: &PairScore) -> [f64; N] {
    let (short, long) = (p.len.0.min(p.len.1), p.len.0.max(p.len.1));
    [
        f64::from(p.dice),
        f64::from(p.cont),
        f64::from(p.raw),
        capped(p.matched_content, 6),
        capped(p.matched_names, 4),
        capped(p.synonym_matches, 3),
        capped(p.phrases, 3),
        capped(p.in_order, 6),
        capped(p.shared_numbers, 2),
        capped(p.number_conflicts, 2),
        capped(p.shared_quote, 4),
        bit(p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0),
        capped(p.unmatched_names.0 + p.unmatched_names.1, 6),
        capped(p.shared_entities, 3),
        capped(p.lone_entities, 6),
        bit(p.same_actor),
        capped(p.shared_dates, 2),
        bit(p.shared_years),
        bit(p.negation_differs),
        bit(p.same_source),
        bit(short <= 7),
        if long == 0 {
            0.0
        } else {
            short as f64 / long as f64
        },
        capped(p.specific, 4),
        (f64::from(p.max_idf) / 4.0).min(1.0),
        bit(p.lead),
        f64::from(p.position_gap),
        f64::from(p.dice * p.cont),
        bit(anchored(p)),
        bit(overlap(p)),
    ]
}

/// The shapes of related pairs the earlier hand-written rules looked for, kept as two pieces
/// of evidence among the others (the regression weighs them): a hard anchor (an equal number
/// with a matched specific word, four quoted words in a row) with no different actors...
fn anchored(p: &PairScore) -> bool {
    let clash = p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0;
    let anchor = (p.shared_numbers > 0 && p.matched_content >= 1) || p.shared_quote >= 2;
    anchor && (!clash || p.matched_content >= 2)
}

/// ...or a strong share of both sentences' specific words: much of both (three specific
/// words, sentences of seven or more), most of the lighter one, a shared phrase, a short
/// line inside a long one, or the same actors in the same order.
fn overlap(p: &PairScore) -> bool {
    let clash = p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0;
    let dice = if clash { p.dice * 0.8 } else { p.dice };
    let short = p.len.0.min(p.len.1);
    let shapes = (dice >= 0.3 && p.cont >= 0.5 && p.matched_content >= 3 && short >= 7)
        || (p.cont >= 0.6 && dice >= 0.25 && p.matched_content >= 2 && p.matched >= 3)
        || (p.phrases >= 1
            && (p.matched_content >= 3 || (p.matched_content >= 2 && p.matched_names >= 2))
            && p.cont >= 0.5
            && dice >= 0.2)
        || (short <= 7 && p.cont >= 0.6 && p.matched_content >= 3 && dice >= 0.15)
        || (p.matched_names >= 2
            && p.matched_content >= 1
            && p.in_order >= 3
            && dice >= 0.3
            && p.cont >= 0.45);
    shapes && !clash
}

/// The least evidence a related pair needs before the regression weighs it: one of the two
/// shapes above, or two specific words (rare in the compared documents) of which two are not
/// names, with no different actors. Short texts, where every word is common, fall to the
/// shapes; a shared person or topic alone never reaches the scorer.
pub(crate) fn plausible(p: &PairScore) -> bool {
    let clash = p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0;
    anchored(p) || overlap(p) || (p.specific >= 2 && p.matched_content >= 2 && !clash)
}

/// A logistic regression with its decision threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The intercept.
    pub bias: f64,
    /// One weight per feature of [`NAMES`].
    pub weights: [f64; N],
    /// Pairs whose probability reaches this are related.
    pub threshold: f64,
}

impl Model {
    /// A model that finds nothing related (when the weights file cannot be read).
    const NONE: Model = Model {
        bias: 0.0,
        weights: [0.0; N],
        threshold: 2.0,
    };

    /// Probability that the pair with features `x` is related.
    pub fn prob(&self, x: &[f64; N]) -> f64 {
        let z = self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The weights file: a comment, then `bias`, `threshold` and one line per feature.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# Related-pair scorer of parallax-core (compare/align/learn.rs): logistic regression\n\
             # weights, written by `cargo xtask train-align`; do not edit by hand.\n",
        );
        out.push_str(&format!(
            "bias {:.4}\nthreshold {:.4}\n",
            self.bias, self.threshold
        ));
        for (name, w) in NAMES.iter().zip(&self.weights) {
            out.push_str(&format!("{name} {w:.4}\n"));
        }
        out
    }

    /// Reads [`Model::to_text`]'s format; None when a value is missing or unreadable.
    pub fn parse(text: &str) -> Option<Model> {
        let mut m = Model::NONE;
        let mut seen = [false; N + 2];
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (name, value) = line.split_once(' ')?;
            let v: f64 = value.trim().parse().ok()?;
            match name {
                "bias" => (m.bias, seen[N]) = (v, true),
                "threshold" => (m.threshold, seen[N + 1]) = (v, true),
                _ => {
                    let k = NAMES.iter().position(|n| *n == name)?;
                    (m.weights[k], seen[k]) = (v, true);
                }
            }
        }
        seen.iter().all(|&s| s).then_some(m)
    }

    /// Rounded as the weights file writes it.
    fn rounded(&self) -> Model {
        let r = |v: f64| (v * 1e4).round() / 1e4;
        Model {
            bias: r(self.bias),
            weights: self.weights.map(r),
            threshold: r(self.threshold),
        }
    }
}

/// The checked-in model (`data/align_weights.txt`), read once.
pub(crate) fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::parse(include_str!("../../../data/align_weights.txt")).unwrap_or(Model::NONE)
    })
}

/// One training example: a candidate pair's features and whether gold relates it.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Features ([`NAMES`]).
    pub x: [f64; N],
    /// Gold aligns the pair.
    pub related: bool,
}

/// True when `p` and gold sentence `g` cover each other at least half (the rule of
/// `eval/score_alignments.py`).
fn covers(p: Span, g: Span) -> bool {
    let ov = p.end.min(g.end) as f64 - p.start.max(g.start) as f64;
    ov > 0.0 && ov >= 0.5 * g.len() as f64 && ov >= 0.5 * p.len() as f64
}

/// Training examples of one document pair: every candidate pair of sentences that the rules
/// do not call same or paraphrase and that is [`plausible`], labelled by `gold` (pairs of sentence spans, of `a` then
/// `b`, any kind).
pub fn examples(a: &DocInput<'_>, b: &DocInput<'_>, gold: &[(Span, Span)]) -> Vec<Example> {
    let corpus = Corpus::new(&[*a, *b]);
    candidates(&corpus, Some((0, 1)))
        .into_iter()
        .filter_map(|(i, j)| {
            let p = score(&corpus.sents[i], &corpus.sents[j]);
            if classify_strong(&p, &DEFAULT).is_some() || !plausible(&p) {
                return None;
            }
            let (si, sj) = (corpus.sents[i].span, corpus.sents[j].span);
            let related = gold
                .iter()
                .any(|(ga, gb)| covers(si, *ga) && covers(sj, *gb));
            Some(Example {
                x: features(&p),
                related,
            })
        })
        .collect()
}

/// Solves `m x = v` (Gaussian elimination with partial pivoting); zeros where singular.
fn solve(mut m: Vec<Vec<f64>>, mut v: Vec<f64>) -> Vec<f64> {
    let n = v.len();
    for c in 0..n {
        let piv = (c..n)
            .max_by(|&x, &y| m[x][c].abs().total_cmp(&m[y][c].abs()))
            .unwrap_or(c);
        m.swap(c, piv);
        v.swap(c, piv);
        if m[c][c].abs() < 1e-12 {
            continue;
        }
        let pivot = m[c].clone();
        for r in c + 1..n {
            let f = m[r][c] / pivot[c];
            for (x, p) in m[r].iter_mut().zip(&pivot).skip(c) {
                *x -= f * p;
            }
            v[r] -= f * v[c];
        }
    }
    let mut x = vec![0.0; n];
    for c in (0..n).rev() {
        if m[c][c].abs() < 1e-12 {
            continue;
        }
        let s: f64 = (c + 1..n).map(|k| m[c][k] * x[k]).sum();
        x[c] = (v[c] - s) / m[c][c];
    }
    x
}

/// Fits the model to `examples` (deterministic) and picks its threshold.
pub fn train(examples: &[Example]) -> Model {
    // Parameters: the bias first, then the weights.
    let mut w = vec![0.0f64; N + 1];
    fn row(e: &Example) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(1.0).chain(e.x.iter().copied())
    }
    for _ in 0..STEPS {
        let mut h = vec![vec![0.0f64; N + 1]; N + 1];
        let mut g = vec![0.0f64; N + 1];
        for e in examples {
            let z: f64 = row(e).zip(&w).map(|(x, w)| x * w).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = bit(e.related);
            let xs: Vec<f64> = row(e).collect();
            for r in 0..=N {
                g[r] += (p - y) * xs[r];
                for c in 0..=N {
                    h[r][c] += p * (1.0 - p) * xs[r] * xs[c];
                }
            }
        }
        for k in 1..=N {
            g[k] += RIDGE * w[k];
            h[k][k] += RIDGE;
        }
        let step = solve(h, g);
        for (wk, sk) in w.iter_mut().zip(&step) {
            *wk -= sk;
        }
    }
    let mut m = Model {
        bias: w[0],
        weights: [0.0; N],
        threshold: 0.5,
    };
    m.weights.copy_from_slice(&w[1..]);
    let mut m = m.rounded();
    m.threshold = threshold(&m, examples);
    m.rounded()
}

/// The lowest threshold (in steps of 0.01) whose precision over `examples` reaches
/// [`TARGET_PRECISION`].
fn threshold(m: &Model, examples: &[Example]) -> f64 {
    let probs: Vec<(f64, bool)> = examples.iter().map(|e| (m.prob(&e.x), e.related)).collect();
    let mut best = 0.99;
    for k in (1..100).rev() {
        let t = f64::from(k) / 100.0;
        let (mut tp, mut n) = (0usize, 0usize);
        for (p, y) in &probs {
            if *p >= t {
                n += 1;
                tp += usize::from(*y);
            }
        }
        if n > 0 && tp as f64 >= TARGET_PRECISION * n as f64 {
            best = t;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(name: &str, got: bool) {
        assert!(got, "{name}");
    }

    #[test]
    fn the_weights_file_reads_back() {
        let m = Model::parse(include_str!("../../../data/align_weights.txt"));
        check("the checked-in weights parse", m.is_some());
        let m = m.unwrap_or(Model::NONE);
        check(
            "and write back the same",
            Model::parse(&m.to_text()) == Some(m.clone()),
        );
        check("a real threshold", m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn training_separates_a_toy_set() {
        // Related pairs have containment and shared entities; others do not.
        let ex = |c: f64, e: f64, related| {
            let mut x = [0.0; N];
            x[1] = c;
            x[13] = e;
            Example { x, related }
        };
        let examples: Vec<Example> = (0..20)
            .map(|k| ex(0.6 + f64::from(k % 4) / 10.0, 1.0, true))
            .chain((0..40).map(|k| ex(f64::from(k % 5) / 10.0, 0.0, false)))
            .collect();
        let m = train(&examples);
        check("containment weighs", m.weights[1] > 0.0);
        check("shared entities weigh", m.weights[13] > 0.0);
        check("deterministic", train(&examples) == m);
        let hit = |c, e| m.prob(&ex(c, e, true).x) >= m.threshold;
        check("a related pair passes", hit(0.8, 1.0));
        check("an unrelated pair does not", !hit(0.1, 0.0));
        check(
            "the text round-trips",
            Model::parse(&m.to_text()) == Some(m.clone()),
        );
    }
}
