//! Sentence alignment between documents: which sentences report the same fact, claim or quote.
//!
//! # Method
//!
//! 1. **Features.** Every sentence becomes content tokens (function words and reporting verbs
//!    dropped), each with a Snowball stem, its WordNet synonym sets and their direct hypernyms
//!    (`data/synonyms.txt`, from WordNet 3.1), a name bit (entity mention, capitalised inside
//!    the sentence, or an acronym), and a weight: the inverse sentence frequency of its stem
//!    over all documents compared, so words every sentence of the story uses ("Russia",
//!    "cyber") weigh little. Numbers are read with their multiplier ("1.5 million"), years
//!    apart; words inside double quotation marks give word trigrams; runs of capitalised words
//!    give acronyms ("United States" meets "US").
//! 2. **Candidates from an index.** An inverted index from stems, synonym sets, number values,
//!    quote trigrams and the whole word list (equal sentences always meet) proposes pairs of
//!    sentences of different documents whose shared key weight is at least 1.5 and a fifth of
//!    the lighter sentence's weight; keys that a tenth of all sentences carry are skipped. Only
//!    proposed pairs are scored, so many documents stay fast (see `story`).
//! 3. **Scoring.** Tokens of the two sentences are matched one to one, greedily by weight:
//!    same stem (1.0), shared synonym set (0.85), one letter apart after the same first letter
//!    or a long shared prefix ("Pescov"/"Peskov", "Ukraine"/"Ukrainian", 0.8), one word's set
//!    the other's hypernym (0.6), an acronym of the other's capitalised run (1.0). From the
//!    matched weight come a weighted Dice coefficient and containment (matched weight over
//!    the lighter sentence). Anchors are counted: equal number values, shared quote trigrams
//!    (two content words each), matched names, matched other words, and matched phrases (two
//!    consecutive specific words matched to two consecutive words). Numbers that disagree are
//!    kept as information (the story view shows them as conflicts), never a reason to drop a
//!    pair.
//! 4. **Kinds** (`classify`). `same`: the plain word Dice (all words) is at least 0.8.
//!    `paraphrase`: weighted Dice at least 0.5 with three matched words, two of them not
//!    names. `related`: a shared fact inside different sentences, decided by a learned
//!    scorer ([`learn`]): a logistic regression over the pair's evidence (the overlap
//!    measures above, synonym matches, shared entity ids across the documents and the same
//!    actor first, equal numbers and figures for the same thing that disagree, equal dates and
//!    years, quoted words, the same source quoted, negation on one side only, headline and
//!    lede position, and the shapes the earlier hand-written rules looked for), trained by
//!    `cargo xtask train-align` on labelled pairs (weights in `data/align_weights.txt`). Only
//!    a pair with the least evidence (`learn::plausible`: an anchor, a strong overlap, or two
//!    specific words with no different actors) is scored: a shared person or topic alone is
//!    never related.
//! 5. **Order.** A monotonic pass (a heaviest increasing chain over the scored pairs, as a
//!    diff does over lines) finds documents that follow each other sentence by sentence:
//!    machine rewrites and edited copies. When at least three chain links reach Dice 0.3 and
//!    they cover 40% of the shorter document, pairs on the chain with Dice 0.3 (or plain word
//!    Dice 0.5) are accepted as paraphrases. A fact one source tells in one sentence and the
//!    other in two neighbouring ones: a pair next to a related pair (the same sentence on one
//!    side, the next or previous one on the other, off a rewrite chain) with a weaker overlap
//!    (two matched words, containment 0.3, Dice 0.15, no different actors) is related too.
//!
//! Tuned on the seed gold and the development pairs of `eval/dev/alignments/` (hand pairs
//! among three reports of one cyberattack, two WordNet-spun rewrites, a heavy human edit):
//! precision over recall, since related pairs are easy to over-find between sources of one
//! story.
//!
//! Aligning a document with itself gives every sentence as `same` (identical word lists).

pub(crate) mod features;
pub mod learn;
pub(crate) mod lexicon;

use crate::offsets::Span;
use features::{Corpus, Sent};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// An entity mention, as the comparison sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionIn<'a> {
    /// Code-point span of the mention.
    pub span: Span,
    /// Its label ("PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER").
    pub label: &'a str,
    /// The entity id it belongs to.
    pub entity: &'a str,
}

impl MentionIn<'_> {
    /// True for mentions of named things (people, organisations, places, groups).
    pub fn is_name(&self) -> bool {
        matches!(self.label, "PERSON" | "ORG" | "PLACE" | "GROUP")
    }
}

/// One document as the comparison needs it: exact text, sentence spans, entity mentions.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// The document's exact text.
    pub text: &'a str,
    /// Its sentence spans (code points, end exclusive), in order.
    pub sentences: &'a [Span],
    /// Its entity mentions (may be empty: names are then guessed from capitals).
    pub mentions: &'a [MentionIn<'a>],
}

impl<'a> DocInput<'a> {
    /// A document with no entity mentions.
    pub fn new(text: &'a str, sentences: &'a [Span]) -> Self {
        DocInput {
            text,
            sentences,
            mentions: &[],
        }
    }
}

/// How two aligned sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignKind {
    /// The same sentence with trivial edits.
    Same,
    /// The same statement reworded (including synonym-spun rewrites).
    Paraphrase,
    /// The same fact or quote inside a substantially different sentence.
    Related,
}

impl AlignKind {
    /// Lower-case name, as serialised.
    pub fn as_str(&self) -> &'static str {
        match self {
            AlignKind::Same => "same",
            AlignKind::Paraphrase => "paraphrase",
            AlignKind::Related => "related",
        }
    }
}

/// Two aligned sentences.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    /// Sentence span in the first document.
    pub a: Span,
    /// Sentence span in the second document.
    pub b: Span,
    /// Strength of the alignment, 0 to 1.
    pub score: f32,
    /// Kind of alignment.
    pub kind: AlignKind,
}

/// The measured similarity of two sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PairScore {
    /// Dice over all words (function words included, multiset).
    pub raw: f32,
    /// Weighted, synonym-aware Dice over content tokens.
    pub dice: f32,
    /// Matched weight over the lighter sentence's weight.
    pub cont: f32,
    /// Matched tokens (any kind).
    pub matched: usize,
    /// Matched tokens that are not names.
    pub matched_content: usize,
    /// Matched name tokens.
    pub matched_names: usize,
    /// Matches through a synonym set or hypernym (not the same stem).
    pub synonym_matches: usize,
    /// Equal number values.
    pub shared_numbers: usize,
    /// Shared quoted word trigrams.
    pub shared_quote: usize,
    /// Names on each side with no counterpart.
    pub unmatched_names: (usize, usize),
    /// Matched pairs of consecutive content words, not names and not frequent in the
    /// compared documents, consecutive on both sides ("government websites").
    pub phrases: usize,
    /// Content tokens on each side.
    pub len: (usize, usize),
    /// The longest run of matched tokens in the same order on both sides (not necessarily
    /// consecutive): "the United States and NATO ... demands" / "the United States and NATO
    /// rejected these demands" keeps its order; words that merely recur in a story rarely do.
    pub in_order: usize,
    /// Entities (by id, across the documents) named in both sentences.
    pub shared_entities: usize,
    /// Entities named in only one of the two sentences.
    pub lone_entities: usize,
    /// Both sentences open with the same actor (their first named entity).
    pub same_actor: bool,
    /// Equal normalised dates.
    pub shared_dates: usize,
    /// A year named in both.
    pub shared_years: bool,
    /// One sentence negated, the other not.
    pub negation_differs: bool,
    /// A number counting the same thing (the same word after it) with another value: the
    /// same fact told with another figure ("killed at least 12" / "killed at least 34").
    pub number_conflicts: usize,
    /// Both report a claim (a quotation or a reporting verb) and share an entity: the same
    /// source quoted.
    pub same_source: bool,
    /// Matched tokens that few sentences of the compared documents use (idf 1.5 or more).
    pub specific: usize,
    /// The highest idf of a matched token.
    pub max_idf: f32,
    /// Both sentences are among the first three of their documents (headline, lede).
    pub lead: bool,
    /// How far apart the two sentences are in their documents (difference of relative
    /// positions, 0 to 1).
    pub position_gap: f32,
}

/// A matched token this rare (idf) is specific to a fact, not the story's topic.
const SPECIFIC_IDF: f32 = 1.5;

/// Scores two sentences.
pub(crate) fn score(s: &Sent, t: &Sent) -> PairScore {
    let mut out = PairScore {
        len: (s.content.len(), t.content.len()),
        ..Default::default()
    };
    if same_words(s, t) {
        // The same words: nothing to weigh.
        let names = s.content.iter().filter(|k| k.name).count();
        return PairScore {
            raw: 1.0,
            dice: 1.0,
            cont: 1.0,
            matched: s.content.len(),
            matched_content: s.content.len() - names,
            matched_names: names,
            shared_numbers: s.numbers.len(),
            shared_quote: s.quote_grams.len(),
            in_order: s.content.len(),
            ..out
        };
    }
    out.raw = word_dice(&s.word_ids, &t.word_ids);
    // Candidate token matches with their weights.
    let mut cands: Vec<(f32, f32, usize, usize, bool)> =
        Vec::with_capacity(s.content.len().max(t.content.len()) * 2);
    for (i, x) in s.content.iter().enumerate() {
        for (j, y) in t.content.iter().enumerate() {
            let (w, syn) = token_match(x, y, s, t);
            if w > 0.0 {
                cands.push((w * (x.idf + y.idf) / 2.0, w, i, j, syn));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut used_s = vec![false; s.content.len()];
    let mut used_t = vec![false; t.content.len()];
    let mut partner = vec![usize::MAX; s.content.len()];
    let mut m = 0.0f32;
    for (wm, _w, i, j, syn) in cands {
        if used_s[i] || used_t[j] {
            continue;
        }
        // A repeated word matches once: the same stem twice in one sentence counts once.
        used_s[i] = true;
        used_t[j] = true;
        partner[i] = j;
        m += wm;
        out.matched += 1;
        let idf = (s.content[i].idf + t.content[j].idf) / 2.0;
        out.max_idf = out.max_idf.max(idf);
        if idf >= SPECIFIC_IDF {
            out.specific += 1;
        }
        if s.content[i].name || t.content[j].name {
            out.matched_names += 1;
        } else {
            out.matched_content += 1;
        }
        if syn {
            out.synonym_matches += 1;
        }
    }
    out.phrases = (1..s.content.len())
        .filter(|&i| {
            partner[i - 1] != usize::MAX
                && partner[i] == partner[i - 1].wrapping_add(1)
                && !s.content[i].name
                && !s.content[i - 1].name
                // Specific words: not the topic words most sentences of the story use.
                && s.content[i].idf.min(s.content[i - 1].idf) >= 2.0
        })
        .count();
    out.in_order = in_order(&partner);
    let ws: f32 = s.content.iter().map(|t| t.idf).sum();
    let wt: f32 = t.content.iter().map(|t| t.idf).sum();
    if ws + wt > 0.0 {
        out.dice = 2.0 * m / (ws + wt);
    }
    if ws.min(wt) > 0.0 {
        out.cont = (m / ws.min(wt)).min(1.0);
    }
    let unmatched = |toks: &[features::Tok], used: &[bool]| {
        let mut seen: Vec<&str> = Vec::new();
        for (k, tk) in toks.iter().enumerate() {
            if tk.name && !used[k] && !seen.contains(&tk.lower.as_str()) {
                seen.push(&tk.lower);
            }
        }
        seen.len()
    };
    out.unmatched_names = (
        unmatched(&s.content, &used_s),
        unmatched(&t.content, &used_t),
    );
    // An equal number anchors when it is large (100 or more) or counts the same thing (the
    // same word after it): "29" or "10" alone are too common to mean one fact.
    for (a, (v, _)) in s.numbers.iter().enumerate() {
        let head = s.number_heads[a];
        let hit = t.numbers.iter().enumerate().any(|(b, (w, _))| {
            (v - w).abs() < 1e-9 && (*v >= 100.0 || (head != u32::MAX && head == t.number_heads[b]))
        });
        if hit {
            out.shared_numbers += 1;
        }
    }
    out.shared_quote = s
        .quote_grams
        .iter()
        .filter(|g| t.quote_grams.binary_search(g).is_ok())
        .count();
    entity_evidence(s, t, &mut out);
    out
}

/// The evidence from the analysis: shared entities and actor, dates, years, negation, figures
/// that disagree, the same source quoted.
fn entity_evidence(s: &Sent, t: &Sent, out: &mut PairScore) {
    let shared = s
        .entities
        .iter()
        .filter(|e| t.entities.binary_search(e).is_ok())
        .count();
    out.shared_entities = shared;
    out.lone_entities = s.entities.len() + t.entities.len() - 2 * shared;
    out.same_actor = s.first_entity.is_some() && s.first_entity == t.first_entity;
    out.shared_dates = s
        .dates
        .iter()
        .filter(|d| t.dates.binary_search(d).is_ok())
        .count();
    out.shared_years = s.years.iter().any(|y| t.years.contains(y));
    out.negation_differs = s.negated != t.negated;
    out.number_conflicts = s
        .numbers
        .iter()
        .zip(&s.number_heads)
        .filter(|((v, _), h)| {
            **h != u32::MAX
                && t.number_heads.contains(h)
                && !t.numbers.iter().any(|(w, _)| (v - w).abs() < 1e-9)
        })
        .count();
    out.same_source = s.reported && t.reported && shared > 0;
    position_evidence(s, t, out);
}

/// The same words: scored without weighing (and without the evidence of place).
fn same_words(s: &Sent, t: &Sent) -> bool {
    s.norm_hash == t.norm_hash && s.word_ids == t.word_ids && !s.word_ids.is_empty()
}

/// The evidence from the two sentences' places in their documents.
fn position_evidence(s: &Sent, t: &Sent, out: &mut PairScore) {
    out.lead = s.pos < 3 && t.pos < 3;
    let rel = |x: &Sent| x.pos as f32 / x.of.max(1) as f32;
    out.position_gap = (rel(s) - rel(t)).abs();
}

/// Length of the longest chain of matched tokens increasing on both sides: `partner[i]` is
/// the token of the other sentence matched to token `i` (`usize::MAX` when unmatched).
/// Patience-style, O(m log m) in the matched tokens.
pub(crate) fn in_order(partner: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &j in partner.iter().filter(|&&j| j != usize::MAX) {
        let k = tails.partition_point(|&t| t < j);
        if k == tails.len() {
            tails.push(j);
        } else {
            tails[k] = j;
        }
    }
    tails.len()
}

/// Weight of a match between two tokens, and whether it goes through synonyms.
fn token_match(x: &features::Tok, y: &features::Tok, s: &Sent, t: &Sent) -> (f32, bool) {
    if x.stem == y.stem {
        return (1.0, false);
    }
    if x.name && x.lower.len() >= 2 && t.acronyms.contains(&x.lower) {
        return (1.0, false);
    }
    if y.name && y.lower.len() >= 2 && s.acronyms.contains(&y.lower) {
        return (1.0, false);
    }
    if x.own_sig & y.own_sig != 0 && x.own.iter().any(|i| y.own.binary_search(i).is_ok()) {
        return (0.85, true);
    }
    // Cheap tests first: a long shared prefix needs the same first five letters; one edit
    // needs lengths at most one apart.
    let maybe_near = x.nchars >= 5
        && y.nchars >= 5
        && ((x.first5 == y.first5) || x.nchars.abs_diff(y.nchars) <= 1);
    if maybe_near
        && x.lower.as_bytes().first() == y.lower.as_bytes().first()
        && near(&x.lower, &y.lower)
    {
        return (0.8, false);
    }
    if (x.own_sig & y.up_sig != 0 && x.own.iter().any(|i| y.up.binary_search(i).is_ok()))
        || (y.own_sig & x.up_sig != 0 && y.own.iter().any(|i| x.up.binary_search(i).is_ok()))
    {
        return (0.6, true);
    }
    (0.0, false)
}

/// One letter apart after the same first letter (both at least five letters: "Pescov" and
/// "Peskov", not "order" and "border"), or a long shared prefix ("Ukraine", "Ukrainian").
fn near(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 5 || lb < 5 {
        return false;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = la.min(lb);
    if prefix >= 5 && prefix as f32 >= 0.8 * shorter as f32 {
        return true;
    }
    if la.abs_diff(lb) > 1 || prefix == 0 {
        return false;
    }
    // Edit distance at most one.
    let suffix = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix >= la.max(lb) - 1
}

/// How many items two sorted lists share, counted as multisets (one walk of both).
pub(crate) fn sorted_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Dice coefficient over two multisets of words (sorted ids).
fn word_dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = sorted_common(a, b);
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// Thresholds of the rules for same and paraphrase and of the rewrite chain (the defaults are
/// tuned on the development pairs; related pairs are decided by [`learn`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Thresholds {
    pub same_raw: f32,
    pub para_dice: f32,
    pub chain_dice: f32,
}

pub(crate) const DEFAULT: Thresholds = Thresholds {
    same_raw: 0.8,
    para_dice: 0.5,
    chain_dice: 0.3,
};

/// Different actors on both sides ("names clash") keep this share of the pair's Dice.
const CLASH_DICE_FACTOR: f32 = 0.8;
/// A paraphrase matches at least this many words...
const PARA_MIN_MATCHED: usize = 3;
/// ...and this many specific (content) words: a shared "the said on" is no paraphrase.
const PARA_MIN_CONTENT: usize = 2;
/// A fact continued in a neighbouring sentence: at least this share of the lighter one...
const CONTINUES_MIN_CONT: f32 = 0.3;
/// ...and this much Dice.
const CONTINUES_MIN_DICE: f32 = 0.15;

/// Same or paraphrase by the rules, with the score; None otherwise.
pub(crate) fn classify_strong(p: &PairScore, th: &Thresholds) -> Option<(AlignKind, f32)> {
    if p.raw >= th.same_raw && (p.len.0.min(p.len.1) > 0 || p.raw >= 1.0) {
        return Some((AlignKind::Same, p.raw));
    }
    // Names on both sides that the other lacks: different actors.
    let clash = p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0;
    let dice = if clash {
        p.dice * CLASH_DICE_FACTOR
    } else {
        p.dice
    };
    (dice >= th.para_dice && p.matched >= PARA_MIN_MATCHED && p.matched_content >= PARA_MIN_CONTENT)
        .then_some((AlignKind::Paraphrase, dice))
}

/// The kind of a scored pair before the order pass, with its score; None when unaligned.
/// Same and paraphrase by the rules; related when the learned scorer's probability reaches
/// its threshold.
pub(crate) fn classify(p: &PairScore, th: &Thresholds) -> Option<(AlignKind, f32)> {
    if let Some(strong) = classify_strong(p, th) {
        return Some(strong);
    }
    if !learn::plausible(p) {
        return None;
    }
    let m = learn::model();
    let prob = m.prob(&learn::features(p));
    // The pair's score is its overlap (containment and Dice, equally), as before the scorer:
    // the story weighs links by it, below any paraphrase.
    let overlap = (p.cont + p.dice) / 2.0;
    (prob >= m.threshold).then_some((AlignKind::Related, overlap.min(1.0)))
}

/// A weaker overlap that, next to a related pair, continues its fact: two matched specific
/// words, a third of the lighter sentence, no different actors on both sides.
pub(crate) fn continues_fact(p: &PairScore) -> bool {
    let clash = p.unmatched_names.0 > 0 && p.unmatched_names.1 > 0;
    !clash
        && p.matched_content >= PARA_MIN_CONTENT
        && p.cont >= CONTINUES_MIN_CONT
        && p.dice >= CONTINUES_MIN_DICE
}

/// Candidate sentence pairs between documents of a corpus, from an inverted index.
/// Pairs (i, j) with i < j, sentences of different documents.
pub(crate) fn candidates(
    c: &Corpus,
    docs_of_interest: Option<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let n = c.sents.len();
    let cap = (n / 10).max(40);
    let mut index: HashMap<u64, Vec<u32>> = HashMap::default();
    let keys = |s: &Sent| -> Vec<(u64, f32)> {
        let own: usize = s.content.iter().map(|t| t.own.len()).sum();
        let mut k: Vec<(u64, f32)> =
            Vec::with_capacity(s.content.len() + own + s.numbers.len() + s.quote_grams.len() + 1);
        for t in &s.content {
            k.push((t.stem as u64, t.idf));
            for &o in t.own.iter() {
                k.push(((1u64 << 60) | o as u64, t.idf * 0.85));
            }
        }
        for (v, _) in &s.numbers {
            if *v >= 10.0 || v.fract() != 0.0 {
                k.push(((2u64 << 60) | (v.to_bits() >> 4), 3.0));
            }
        }
        for g in &s.quote_grams {
            k.push(((3u64 << 60) | (g >> 4), 3.0));
        }
        // Equal sentences always meet, however common or empty of content they are.
        k.push(((4u64 << 60) | (s.norm_hash >> 4), 3.0));
        k.sort_by_key(|x| x.0);
        k.dedup_by_key(|x| x.0);
        k
    };
    let all_keys: Vec<Vec<(u64, f32)>> = c.sents.iter().map(keys).collect();
    let weight: Vec<f32> = c
        .sents
        .iter()
        .map(|s| s.content.iter().map(|t| t.idf).sum())
        .collect();
    for (i, ks) in all_keys.iter().enumerate() {
        for (k, _) in ks {
            index.entry(*k).or_default().push(i as u32);
        }
    }
    // Rank of each sentence among the equal sentences of its document: a sentence repeated
    // very often meets only its namesake of the same rank (bounded work on any input).
    let mut seen: HashMap<(usize, u64), u32> = HashMap::default();
    let rank: Vec<u32> = c
        .sents
        .iter()
        .map(|s| {
            let r = seen.entry((s.doc, s.norm_hash)).or_default();
            *r += 1;
            *r
        })
        .collect();
    let mut out = Vec::new();
    let mut acc: HashMap<u32, f32> = HashMap::default();
    for (i, ks) in all_keys.iter().enumerate() {
        let di = c.sents[i].doc;
        if let Some((a, _)) = docs_of_interest {
            if di != a {
                continue;
            }
        }
        acc.clear();
        for (k, w) in ks {
            let Some(post) = index.get(k) else { continue };
            if post.len() > cap && (k >> 60) < 2 {
                // Words half the story uses propose nothing.
                continue;
            }
            let crowded = post.len() > cap && (k >> 60) == 4;
            for &j in post {
                if crowded && rank[j as usize] != rank[i] {
                    continue;
                }
                let dj = c.sents[j as usize].doc;
                if dj == di {
                    continue;
                }
                if let Some((_, b)) = docs_of_interest {
                    if dj != b {
                        continue;
                    }
                } else if (j as usize) < i {
                    continue;
                }
                *acc.entry(j).or_default() += w;
            }
        }
        // Enough shared weight: absolute, and relative to the lighter sentence (a pair sharing
        // a fifth of its words' weight cannot reach the thresholds of `classify`).
        for (&j, &w) in &acc {
            let lighter = weight[i].min(weight[j as usize]);
            if w >= 1.5 && w >= 0.2 * lighter {
                out.push((i, j as usize));
            }
        }
    }
    out.sort_unstable();
    out
}

/// A scored, classified pair of corpus sentences.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub i: usize,
    pub j: usize,
    pub score: PairScore,
    pub kind: AlignKind,
    pub value: f32,
}

/// Every aligned pair between documents of a corpus (sentence indices i < j).
pub(crate) fn all_pairs(c: &Corpus) -> Vec<Scored> {
    let cands = candidates(c, None);
    type Scores = Vec<(usize, usize, PairScore)>;
    let mut by_docs: HashMap<(usize, usize), Scores> = HashMap::default();
    // A sentence reprinted in many documents is scored once per partner.
    let keys: Vec<u64> = c.sents.iter().map(Sent::content_key).collect();
    let mut memo: HashMap<(u64, u64), PairScore> = HashMap::default();
    for (i, j) in cands {
        let (a, b) = (c.sents[i].doc, c.sents[j].doc);
        let (s, t) = (&c.sents[i], &c.sents[j]);
        let p = match memo.entry((keys[i], keys[j])) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let mut p = *e.get();
                if !same_words(s, t) {
                    position_evidence(s, t, &mut p);
                }
                p
            }
            std::collections::hash_map::Entry::Vacant(e) => *e.insert(score(s, t)),
        };
        if a < b {
            by_docs.entry((a, b)).or_default().push((i, j, p));
        } else {
            by_docs.entry((b, a)).or_default().push((j, i, p));
        }
    }
    let mut keys: Vec<(usize, usize)> = by_docs.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for k in keys {
        let scored = by_docs.remove(&k).unwrap_or_default();
        out.extend(order_pass(c, k.0, k.1, scored, &DEFAULT));
    }
    out
}

/// Aligns documents `a` and `b` of a corpus: classified pairs, order pass applied.
pub(crate) fn align_docs(c: &Corpus, a: usize, b: usize, th: &Thresholds) -> Vec<Scored> {
    let cands = candidates(c, Some((a, b)));
    let scored: Vec<(usize, usize, PairScore)> = cands
        .into_iter()
        .map(|(i, j)| (i, j, score(&c.sents[i], &c.sents[j])))
        .collect();
    order_pass(c, a, b, scored, th)
}

/// Classifies scored pairs of two documents, with the monotonic chain of rewrites.
pub(crate) fn order_pass(
    c: &Corpus,
    a: usize,
    b: usize,
    scored: Vec<(usize, usize, PairScore)>,
    th: &Thresholds,
) -> Vec<Scored> {
    // Heaviest chain increasing in both documents over the pairs that look alike at all.
    let mut weak: Vec<(usize, usize, f32)> = scored
        .iter()
        .filter(|(_, _, p)| p.dice.max(p.raw) >= 0.2)
        .map(|(i, j, p)| (*i, *j, p.dice.max(p.raw)))
        .collect();
    // The chain is quadratic in the pairs: keep the strongest few thousand.
    if weak.len() > 3000 {
        weak.sort_by(|x, y| y.2.total_cmp(&x.2));
        weak.truncate(3000);
    }
    weak.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let k = weak.len();
    let mut best = vec![0.0f32; k];
    let mut prev = vec![usize::MAX; k];
    for x in 0..k {
        best[x] = weak[x].2;
        for y in 0..x {
            if weak[y].0 < weak[x].0 && weak[y].1 < weak[x].1 && best[y] + weak[x].2 > best[x] {
                best[x] = best[y] + weak[x].2;
                prev[x] = y;
            }
        }
    }
    // Chain links, with their similarity.
    let mut chain: HashMap<(usize, usize), f32> = HashMap::default();
    if let Some(mut x) = (0..k).max_by(|&p, &q| best[p].total_cmp(&best[q])) {
        loop {
            chain.insert((weak[x].0, weak[x].1), weak[x].2);
            if prev[x] == usize::MAX {
                break;
            }
            x = prev[x];
        }
    }
    let shorter = c.doc(a).len().min(c.doc(b).len()).max(1);
    let strong_on_chain = chain.values().filter(|&&v| v >= th.chain_dice).count();
    let rewrite = strong_on_chain >= 3 && strong_on_chain as f32 >= 0.4 * shorter as f32;
    let kinds: Vec<Option<(AlignKind, f32)>> =
        scored.iter().map(|(_, _, p)| classify(p, th)).collect();
    // Related pairs off the rewrite chain: a fact one source tells in one sentence and the
    // other in two neighbouring ones ("... massed 100,000 troops ..." / "Russia has amassed
    // 100,000 soldiers ..." + "The troop deployment is fueling fears ...").
    let related: rustc_hash::FxHashSet<(usize, usize)> = scored
        .iter()
        .zip(&kinds)
        .filter(|((i, j, _), k)| {
            matches!(k, Some((AlignKind::Related, _)))
                && !(rewrite && chain.contains_key(&(*i, *j)))
        })
        .map(|((i, j, _), _)| (*i, *j))
        .collect();
    let (ra, rb) = (c.doc(a), c.doc(b));
    let neighbour_related = |i: usize, j: usize| {
        [j.wrapping_sub(1), j + 1]
            .iter()
            .any(|&y| rb.contains(&y) && related.contains(&(i, y)))
            || [i.wrapping_sub(1), i + 1]
                .iter()
                .any(|&x| ra.contains(&x) && related.contains(&(x, j)))
    };
    let mut out = Vec::new();
    for ((i, j, p), mut kind) in scored.into_iter().zip(kinds) {
        let on_chain = rewrite && chain.contains_key(&(i, j));
        if kind.is_none() && !on_chain && continues_fact(&p) && neighbour_related(i, j) {
            kind = Some((AlignKind::Related, (p.cont * 0.5 + p.dice * 0.5).min(1.0)));
        }
        if on_chain
            && ((p.dice >= th.chain_dice && p.matched_content >= 2) || p.raw >= 0.5)
            && !matches!(
                kind,
                Some((AlignKind::Same, _)) | Some((AlignKind::Paraphrase, _))
            )
        {
            kind = Some((AlignKind::Paraphrase, p.dice.max(0.5)));
        }
        if let Some((kind, value)) = kind {
            out.push(Scored {
                i,
                j,
                score: p,
                kind,
                value: value.clamp(0.0, 1.0),
            });
        }
    }
    out
}

/// The pairs of sentences of `a` and `b` that report the same fact, claim or quote, in
/// order of `a`'s sentences. Offsets are the documents' own sentence spans.
pub fn align(a: &DocInput<'_>, b: &DocInput<'_>) -> Vec<AlignedPair> {
    let corpus = Corpus::new(&[*a, *b]);
    let mut out: Vec<AlignedPair> = align_docs(&corpus, 0, 1, &DEFAULT)
        .into_iter()
        .map(|s| AlignedPair {
            a: a.sentences[s.i - corpus.doc_start[0]],
            b: b.sentences[s.j - corpus.doc_start[1]],
            score: s.value,
            kind: s.kind,
        })
        .collect();
    out.sort_by_key(|x| (x.a.start, x.b.start));
    out
}

/// One step of a word-level difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum DiffOp {
    /// Words both texts have (as written in the first).
    Equal(String),
    /// Words only the first text has.
    Delete(String),
    /// Words only the second text has.
    Insert(String),
}

/// Words and punctuation marks of a text, with a comparison key that ignores quote styles.
fn diff_tokens(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let key = |w: &str| -> String {
        w.chars()
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' | '″' => '"',
                '‘' | '’' | '‚' | '′' => '\'',
                '–' | '—' => '-',
                c => c,
            })
            .collect()
    };
    let chars: Vec<char> = s.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '.' | ',' | '-')
            && !cur.is_empty()
            && chars.get(k + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            out.push((key(&cur), std::mem::take(&mut cur)));
        }
        if !c.is_whitespace() {
            let t = c.to_string();
            out.push((key(&t), t));
        }
    }
    if !cur.is_empty() {
        out.push((key(&cur), cur));
    }
    out
}

/// Word-level differences between two passages: words, not characters; whitespace and quote
/// styles (“ ” " ‘ ’ ') are ignored. Consecutive words of one kind form one step, joined by
/// single spaces.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let ta = diff_tokens(a);
    let tb = diff_tokens(b);
    let ka: Vec<&str> = ta.iter().map(|t| t.0.as_str()).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.0.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &ka, &kb);
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffOp| match (op, out.last_mut()) {
        (DiffOp::Equal(t), Some(DiffOp::Equal(l)))
        | (DiffOp::Delete(t), Some(DiffOp::Delete(l)))
        | (DiffOp::Insert(t), Some(DiffOp::Insert(l))) => {
            l.push(' ');
            l.push_str(&t);
        }
        (op, _) => out.push(op),
    };
    let join = |ts: &[(String, String)]| {
        ts.iter()
            .map(|t| t.1.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                push(DiffOp::Equal(join(&ta[old_index..old_index + len])))
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(DiffOp::Delete(join(&ta[old_index..old_index + old_len]))),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(DiffOp::Insert(join(&tb[new_index..new_index + new_len]))),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(DiffOp::Delete(join(&ta[old_index..old_index + old_len])));
                push(DiffOp::Insert(join(&tb[new_index..new_index + new_len])));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
