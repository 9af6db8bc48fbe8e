//! A trained sequence tagger for PERSON, ORG, PLACE and GROUP: an averaged perceptron over
//! BIO tags with Viterbi decoding, one sequence per line of text.
//!
//! Features ([`features`]) are hashed into `2^bits` buckets, each holding one weight per tag;
//! the weights are quantised ([`Quant`]) to signed 4-bit numbers, each tag with its own scale
//! (its weights' 99.9th percentile of magnitude maps to 7, larger ones clip), stored two a
//! byte, and embedded from `data/tagger.bin`
//! (written by `cargo xtask train`, see [`train`]). Among the features are the rules' own
//! output (the rule label and its position in the rule's span, for the word and its
//! neighbours), so the tagger learns where the rules are right; [`super::Mode`] turns that off
//! for the ablation.
//!
//! How it is used, by measurement: the tagger with the rules as features ([`super::Mode::Both`])
//! is the recognizer of the app, the engine and the CLI ([`super::DEFAULT_MODE`]). On the
//! articles nobody here had read (issue 20: 16 development articles, 10 from nine more
//! countries, a public gold set) it beat the rules by 3 to 11 points of strict F1 on each set;
//! the 7-article *test* part of `eval/dev` had said the opposite because the rules were written
//! against it. An unknown capitalised piece is labelled by the model: the rules' default ORG is
//! only a feature, marked as a default (`why`). Figures of this model: `cargo xtask eval`
//! (ablation, learning curve, F1 against model size) and ARCHITECTURE.md.
//!
//! Model file (little-endian): `PXT1`, u32 format version, u64 hash of the training inputs
//! ([`train::inputs_hash`]), u32 bits, u32 width of a stored weight (8, or 4: two signed
//! nibbles a byte, the first low), u32 passes (1, or 2 with the document pass), `TAGS + 1` rows of `TAGS` i32 transition weights (the last
//! row: from the start of a line), `TAGS` i32 multipliers (what one step of a tag's weights is
//! worth in the transitions' units: each tag has its own scale), then `TAGS` columns of
//! `2^bits` weights (all of tag 0's buckets, then tag 1's, ...).

pub(crate) mod features;
pub mod train;

use super::W;
use crate::model::Label;
use std::sync::OnceLock;

/// Number of tags: O, then B and I for each of the four labels.
pub const TAGS: usize = 9;
/// The labels the tagger makes, in tag order (tag `1 + 2k` is B of label k, `2 + 2k` its I).
pub const LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Group];
const MAGIC: &[u8; 4] = b"PXT1";
const HEADER: usize = 4 + 4 + 8 + 4 + 4 + 4 + (TAGS + 1) * TAGS * 4 + TAGS * 4;
/// Format version of the model file.
pub const FORMAT: u32 = 3;
/// One quantisation step of the tag with the finest scale, in the decoder's units.
const MULT_ONE: i32 = 64;

/// How trained weights become the model's `i8` weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quant {
    /// the quantile of the weights' magnitudes that maps to `levels` (larger ones clip)
    pub clip: f64,
    /// the largest quantised magnitude (127: all of an `i8`; fewer levels compress better)
    pub levels: u8,
    /// quantised weights of at most this size are stored as zero
    pub prune: u8,
    /// one scale per tag (each tag's own quantile) instead of one for all
    pub per_tag: bool,
}

impl Quant {
    /// The settings of the embedded model.
    /// Chosen by cross-validation over the world corpus's train part at 2^14 buckets (issue
    /// 20), strict F1 PERSON/ORG/PLACE / all six and model gzip bytes: one scale, ±127, prune
    /// 3: 0.831 / 0.828, 101,853; per tag, ±15, prune 1: 0.830 / 0.826, 59,920; per tag, ±7,
    /// no pruning: 0.831 / 0.827, 51,892 (46,432 with two weights a byte); per tag, ±3:
    /// 0.821 / 0.821, 31,755; ±7 pruning 1: 0.821 / 0.820.
    pub const DEFAULT: Quant = Quant {
        clip: 0.999,
        levels: 7,
        prune: 0,
        per_tag: true,
    };
}

const EMBEDDED: &[u8] = include_bytes!("../../../../data/tagger.bin");

/// A model: transition weights and quantised feature weights (borrowed from the embedded
/// bytes, or owned after training).
#[derive(Debug, Clone)]
pub struct Model<'a> {
    /// log2 of the number of feature buckets
    pub bits: u32,
    /// the hash of the training inputs the model was made from
    pub inputs_hash: u64,
    /// 2 when the model was trained for a second, document-level pass (see [`tag`]), else 1
    pub passes: u32,
    trans: [[i64; TAGS]; TAGS + 1],
    /// per tag: what one step of its quantised weights is worth in the units of `trans`
    mult: [i32; TAGS],
    weights: std::borrow::Cow<'a, [u8]>,
}

impl Model<'static> {
    /// The model embedded in the build (an empty model if the file is malformed, which the
    /// tests rule out).
    pub fn embedded() -> &'static Model<'static> {
        static M: OnceLock<Model<'static>> = OnceLock::new();
        M.get_or_init(|| Model::from_bytes(EMBEDDED).unwrap_or_else(|| Model::empty(4)))
    }
}

impl<'a> Model<'a> {
    /// A model with every weight zero (tags everything O).
    pub fn empty(bits: u32) -> Model<'static> {
        Model {
            bits,
            inputs_hash: 0,
            passes: 1,
            trans: [[0; TAGS]; TAGS + 1],
            mult: [MULT_ONE; TAGS],
            weights: vec![0u8; (1usize << bits) * TAGS].into(),
        }
    }

    /// Reads a model file; `None` when it is malformed.
    pub fn from_bytes(b: &'a [u8]) -> Option<Model<'a>> {
        if b.len() < HEADER || &b[..4] != MAGIC || u32_at(b, 4)? != FORMAT {
            return None;
        }
        let inputs_hash = u64::from_le_bytes(b.get(8..16)?.try_into().ok()?);
        let bits = u32_at(b, 16)?;
        if !(4..=24).contains(&bits) {
            return None;
        }
        let passes = u32_at(b, 24)?;
        if !(1..=2).contains(&passes) {
            return None;
        }
        let mut trans = [[0; TAGS]; TAGS + 1];
        for (r, row) in trans.iter_mut().enumerate() {
            for (c, t) in row.iter_mut().enumerate() {
                *t = i64::from(u32_at(b, 28 + (r * TAGS + c) * 4)? as i32);
            }
        }
        let mut mult = [0; TAGS];
        for (t, m) in mult.iter_mut().enumerate() {
            *m = u32_at(b, 28 + ((TAGS + 1) * TAGS + t) * 4)? as i32;
        }
        let stored = b.get(HEADER..)?;
        let n = 1usize << bits;
        let stored: Vec<u8> = match u32_at(b, 20)? {
            8 if stored.len() == n * TAGS => stored.to_vec(),
            // two weights a byte, the first in the low nibble, each a signed 4-bit number
            4 if stored.len() * 2 == n * TAGS => stored
                .iter()
                .flat_map(|&x| [(x << 4) as i8 >> 4, x as i8 >> 4])
                .map(|x| x as u8)
                .collect(),
            _ => return None,
        };
        // stored one tag after another (zeros of a tag lie together and compress better),
        // used one bucket after another (a feature's weights in one cache line)
        let mut weights = vec![0u8; n * TAGS];
        for (t, col) in stored.chunks_exact(n).enumerate() {
            for (f, &x) in col.iter().enumerate() {
                weights[f * TAGS + t] = x;
            }
        }
        Some(Model {
            bits,
            inputs_hash,
            passes,
            trans,
            mult,
            weights: weights.into(),
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(HEADER + self.weights.len());
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT.to_le_bytes());
        b.extend_from_slice(&self.inputs_hash.to_le_bytes());
        b.extend_from_slice(&self.bits.to_le_bytes());
        // bits per stored weight: 4 when every weight fits in a signed nibble
        let nibbles = self.weights.iter().all(|&x| (-8..=7).contains(&(x as i8)));
        b.extend_from_slice(&(if nibbles { 4u32 } else { 8 }).to_le_bytes());
        b.extend_from_slice(&self.passes.to_le_bytes());
        for row in &self.trans {
            for t in row {
                b.extend_from_slice(&(*t as i32).to_le_bytes());
            }
        }
        for m in &self.mult {
            b.extend_from_slice(&m.to_le_bytes());
        }
        let mut col = Vec::with_capacity(self.weights.len());
        for t in 0..TAGS {
            col.extend(self.weights.iter().skip(t).step_by(TAGS));
        }
        if nibbles {
            b.extend(
                col.chunks(2)
                    .map(|p| (p[0] & 15) | (p.get(1).unwrap_or(&0) << 4)),
            );
        } else {
            b.extend(col);
        }
        b
    }

    /// Quantised model from trained float weights (`w[bucket * TAGS + tag]`), see [`Quant`].
    pub(crate) fn quantise(
        bits: u32,
        hash: u64,
        trans: &[[f32; TAGS]; TAGS + 1],
        w: &[f32],
        q: &Quant,
    ) -> Model<'static> {
        // each scale maps a high percentile of the non-zero magnitudes to `q.levels` (the few
        // larger weights are clipped): one outlier no longer flattens every other weight to
        // zero; with `per_tag` each tag's weights get their own scale
        let clip_at = |mags: &mut Vec<f32>| -> f32 {
            if mags.is_empty() {
                return 1e-9;
            }
            let k = ((mags.len() - 1) as f64 * q.clip) as usize;
            mags.select_nth_unstable_by(k, f32::total_cmp).1.max(1e-9)
        };
        let nonzero = |t: Option<usize>| -> Vec<f32> {
            w.iter()
                .enumerate()
                .filter(|(i, _)| t.is_none_or(|t| i % TAGS == t))
                .map(|(_, x)| x.abs())
                .filter(|x| *x > 0.0)
                .collect()
        };
        let levels = f32::from(q.levels.clamp(1, 127));
        let mut scales = [levels / clip_at(&mut nonzero(None)); TAGS];
        if q.per_tag {
            for (t, s) in scales.iter_mut().enumerate() {
                *s = levels / clip_at(&mut nonzero(Some(t)));
            }
        }
        // the decoder's units: the largest scale, times MULT_ONE
        let top = scales.iter().copied().fold(0f32, f32::max);
        let mut mult = [0i32; TAGS];
        for (m, s) in mult.iter_mut().zip(&scales) {
            *m = (MULT_ONE as f32 * top / s).round() as i32;
        }
        let weights: Vec<u8> = w
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let v = (x * scales[i % TAGS]).round().clamp(-levels, levels) as i8;
                // the smallest weights change few decisions and cost most of the bytes
                (if v.unsigned_abs() <= q.prune { 0 } else { v }) as u8
            })
            .collect();
        let mut t = [[0i64; TAGS]; TAGS + 1];
        for (r, row) in trans.iter().enumerate() {
            for (c, x) in row.iter().enumerate() {
                t[r][c] = i64::from((x * top * MULT_ONE as f32).round() as i32);
            }
        }
        Model {
            bits,
            inputs_hash: hash,
            passes: 1,
            trans: t,
            mult,
            weights: weights.into(),
        }
    }

    fn emissions(&self, feats: &[u32], out: &mut [i64; TAGS]) {
        let mut sum = [0i32; TAGS];
        for &f in feats {
            let at = f as usize * TAGS;
            if let Some(row) = self.weights.get(at..at + TAGS) {
                for (o, &w) in sum.iter_mut().zip(row) {
                    *o += i32::from(w as i8);
                }
            }
        }
        for ((o, s), m) in out.iter_mut().zip(sum).zip(self.mult) {
            *o = i64::from(s) * i64::from(m);
        }
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// May tag `b` follow tag `a` (`None`: the line's start)? I-X only after B-X or I-X.
pub fn allowed(a: Option<usize>, b: usize) -> bool {
    if b == 0 || b % 2 == 1 {
        return true;
    }
    matches!(a, Some(a) if a != 0 && (a - 1) / 2 == (b - 2) / 2)
}

/// Best tag sequence for the emission scores (Viterbi); `trans` as in [`Model`].
pub(crate) fn viterbi<T>(em: &[[T; TAGS]], trans: &[[T; TAGS]; TAGS + 1]) -> Vec<usize>
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; TAGS]; n];
    let mut score: [Option<T>; TAGS] = [None; TAGS];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[t] = Some(trans[TAGS][t] + em[0][t]);
        }
    }
    for i in 1..n {
        let mut next: [Option<T>; TAGS] = [None; TAGS];
        for b in 0..TAGS {
            for a in 0..TAGS {
                let (Some(sa), true) = (score[a], allowed(Some(a), b)) else {
                    continue;
                };
                let s = sa + trans[a][b];
                if next[b].is_none_or(|x| s > x) {
                    next[b] = Some(s);
                    back[i][b] = a as u8;
                }
            }
            if let Some(x) = next[b] {
                next[b] = Some(x + em[i][b]);
            }
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..TAGS {
        if score[t].is_some_and(|s| score[best].is_none_or(|b| s > b)) {
            best = t;
        }
    }
    let mut tags = vec![0; n];
    tags[n - 1] = best;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i]] as usize;
    }
    tags
}

/// Tag spans `(start, end, label)` over word indices from a tag sequence starting at `at`.
pub(crate) fn spans_of_tags(tags: &[usize], at: usize, out: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let k = (t - 1) / 2;
        let mut e = i + 1;
        while e < tags.len() && tags[e] == 2 + 2 * k {
            e += 1;
        }
        out.push((at + i, at + e, LABELS[k]));
        i = e;
    }
}

/// Line ranges `(start, end)` of the words: a sequence is one line.
pub(crate) fn lines(ws: &[W<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for i in 1..=ws.len() {
        if i == ws.len() || ws[i].nl {
            if s < i {
                out.push((s, i));
            }
            s = i;
        }
    }
    out
}

/// The tagger's PERSON, ORG, PLACE and GROUP mentions (word ranges, sorted); `rules` are the
/// rules' mentions when they are features. A model trained for two passes tags the text
/// twice: the second pass adds to each word's scores the features of how the first labelled
/// the same word elsewhere in the text ([`features::second_pass`]), so "Ramaphosa" alone
/// follows "Cyril Ramaphosa" three paragraphs up.
pub(crate) fn tag(
    model: &Model<'_>,
    ws: &[W<'_>],
    rules: Option<features::RuleFeatures<'_>>,
) -> Vec<(usize, usize, Label)> {
    let fx = features::Extractor::new(ws, rules, model.bits);
    let mut out = Vec::new();
    let mut feats = Vec::with_capacity(64);
    let mut em: Vec<[i64; TAGS]> = Vec::with_capacity(ws.len());
    for i in 0..ws.len() {
        feats.clear();
        fx.features(i, &mut feats);
        let mut row = [0; TAGS];
        model.emissions(&feats, &mut row);
        em.push(row);
    }
    let lines = lines(ws);
    for &(s, e) in &lines {
        let tags = viterbi(&em[s..e], &model.trans);
        spans_of_tags(&tags, s, &mut out);
    }
    if model.passes < 2 {
        return out;
    }
    let codes = features::second_pass(ws, &out);
    out.clear();
    for (i, (row, code)) in em.iter_mut().zip(codes).enumerate() {
        feats.clear();
        fx.second(i, code, &mut feats);
        let mut add = [0; TAGS];
        model.emissions(&feats, &mut add);
        row.iter_mut().zip(add).for_each(|(r, a)| *r += a);
    }
    for &(s, e) in &lines {
        let tags = viterbi(&em[s..e], &model.trans);
        spans_of_tags(&tags, s, &mut out);
    }
    out
}

/// The final mentions: the grammars' mentions (DATE and NUMBER, and a dateline's place,
/// "LYON, France (AP)"; with `rules_first`, all the rules' mentions), then the tagger's names
/// where they do not overlap them, trimmed to the guideline's spans, then the rules' lower-case
/// organisations ("foreign ministry"), which the corpora do not mark, where free. `why` says
/// why the rules chose each of `rules` (`super::why`).
pub(crate) fn combine(
    ws: &[W<'_>],
    rules: &[(usize, usize, Label)],
    why: &[u8],
    tagged: Vec<(usize, usize, Label)>,
    rules_first: bool,
) -> Vec<(usize, usize, Label)> {
    let mut used = vec![false; ws.len()];
    let mut out = Vec::with_capacity(rules.len() + tagged.len());
    let mut take = |s: usize, e: usize, l: Label, out: &mut Vec<_>| {
        if s < e && e <= used.len() && used[s..e].iter().all(|u| !u) {
            used[s..e].iter_mut().for_each(|u| *u = true);
            out.push((s, e, l));
        }
    };
    for (k, &(s, e, l)) in rules.iter().enumerate() {
        let grammar = why.get(k) == Some(&super::why::GRAMMAR);
        if rules_first || grammar || matches!(l, Label::Date | Label::Number) {
            take(s, e, l, &mut out);
        }
    }
    for (s, e, l) in tagged {
        let (s, e) = trim(ws, s, e);
        // names the lexicon knows are not annotated (competitions, events) stay unmarked, and
        // so do names ending in an event's head word ("Boston Marathon")
        if s < e
            && (super::known(&super::key(ws, s, e)) == Some(super::Known::Skip)
                || super::lexicon::SKIP_HEADS.contains(&ws[e - 1].text)
                || lone_common_word(ws, s, e))
        {
            continue;
        }
        take(s, e, l, &mut out);
    }
    for &(s, e, l) in rules {
        if l == Label::Org && !ws[s].cap() {
            take(s, e, l, &mut out);
        }
    }
    out.sort_by_key(|m| (m.0, m.1));
    out
}

/// The guideline's span rules on a tagged span: no leading "the" (or "a", "an"), no possessive ending, no
/// punctuation at either end, and no lower-case word inside other than a connector ("Bank of
/// England", "Ludwig van Beethoven"): a span running on into the sentence ("Zoë Ward met
/// Sen") ends before it.
fn trim(ws: &[W<'_>], mut s: usize, mut e: usize) -> (usize, usize) {
    // a leading article; "A" only before another capitalised word ("A Russian Foreign
    // Ministry official")
    while s < e
        && (ws[s].low == "the"
            || (matches!(&*ws[s].low, "a" | "an") && s + 1 < e && ws[s + 1].cap())
            || !(ws[s].is_word() || ws[s].is_number()))
    {
        s += 1;
    }
    if let Some(k) = (s + 1..e).find(|&k| {
        let w = &ws[k];
        // all in lower case ("al-Sisi" and "eBay" keep their place)
        w.is_word() && w.text == &*w.low && !super::CONNECTORS.contains(&&*w.low)
    }) {
        e = k;
        while e > s && (super::CONNECTORS.contains(&&*ws[e - 1].low) && !ws[e - 1].cap()) {
            e -= 1;
        }
    }
    while e > s
        && (matches!(ws[e - 1].text, "'s" | "’s" | "'" | "’")
            || !(ws[e - 1].is_word() || ws[e - 1].is_number() || abbreviation_stop(ws, s, e)))
    {
        e -= 1;
    }
    (s, e)
}

/// One capitalised common English word that no lexicon knows ("Astronomers" opening a
/// sentence): the rules have looked at it and left it, and the tagger alone is not trusted
/// to overrule them.
fn lone_common_word(ws: &[W<'_>], s: usize, e: usize) -> bool {
    e == s + 1
        && !ws[s].all_caps()
        && (super::is_common_word(&ws[s].low)
            || ws[s]
                .low
                .strip_suffix('s')
                .is_some_and(super::is_common_word))
        && super::known(ws[s].text).is_none()
}

/// The full stop of an abbreviation closing a name ("D.C."): no space before it, after a
/// word with a stop inside or of one letter.
fn abbreviation_stop(ws: &[W<'_>], s: usize, e: usize) -> bool {
    ws[e - 1].text == "."
        && !ws[e - 1].sp
        && e >= s + 2
        && (ws[e - 2].text.contains('.') || ws[e - 2].text.chars().count() == 1)
}

#[cfg(test)]
mod tests;
