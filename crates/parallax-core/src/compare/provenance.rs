//! Provenance: which sources of a set are one text. For every pair of documents, one of
//!
//! - `same_copy`: one text reprinted (a wire copy under another headline, byline or date
//!   line): every body sentence of each has its counterpart word for word, no figure changed;
//! - `update`: versions of one text: most aligned sentences are word for word, and sentences
//!   were added or removed, figures changed or a paragraph rewritten;
//! - `rewrite`: one text in other words (spun with synonyms, translated and back, a reordered
//!   paraphrase): most of both texts align strongly but few sentences word for word, and
//!   almost nothing was added (few sentences, no figure changed, a name in at most one
//!   aligned sentence in four);
//! - independent (no link): reports of one event that share facts and quotes, not text.
//!
//! # Method
//!
//! The aligned pairs of the whole set ([`crate::story`]'s `all_pairs`: candidates from an
//! index, scored, the order pass) are read per pair of documents. Sentences aligned `same` or
//! `paraphrase` are *aligned strongly*; a pair is linked when at least [`MIN_ALIGNED`] of them
//! are matched one to one and they cover at least [`MIN_COVER`] of one document. Matched
//! sentences are compared word by word ([`crate::align::word_diff`]): word for word, figures
//! changed, words substituted. Unmatched sentences before a document's first aligned one are
//! its header (headline, byline, date line), not additions. `shared` is the share of both
//! documents' sentences aligned strongly.
//!
//! `earlier` comes from the date lines when both have one and they differ; otherwise, for an
//! update, the side that only lacks what the other adds; for a rewrite, the side whose
//! substituted words are the everyday ones (more WordNet senses, then common words): a
//! spinner trades them for rarer lemmas. Otherwise it is unknown.
//!
//! Pure: no I/O. The `machine_rewrite` flag ([`crate::flags`]) flags the later side of every
//! `rewrite` link, naming the pair.

use crate::align::{
    features::Corpus, lexicon::Synonyms, word_diff, AlignKind, DiffOp, DocInput, Scored,
};
use crate::text::lines::{line_roles, LineRole};
use crate::{CharIndex, Span};
use serde::{Deserialize, Serialize};

/// How two documents are one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// One text reprinted.
    SameCopy,
    /// Versions of one text.
    Update,
    /// One text in other words.
    Rewrite,
}

impl Relation {
    /// Name as serialised ("same_copy", "update", "rewrite").
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::SameCopy => "same_copy",
            Relation::Update => "update",
            Relation::Rewrite => "rewrite",
        }
    }

    /// A label for people ("same copy", "update", "rewrite").
    pub fn label(&self) -> &'static str {
        match self {
            Relation::SameCopy => "same copy",
            Relation::Update => "update",
            Relation::Rewrite => "rewrite",
        }
    }
}

/// What the comparison of two linked documents counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Sentences of `a` and of `b`.
    pub sentences: (usize, usize),
    /// Sentence pairs aligned strongly, one to one.
    pub aligned: usize,
    /// Of those, word for word.
    pub verbatim: usize,
    /// Body sentences of `b` with no strong counterpart in `a` (added in `b`).
    pub added: usize,
    /// Body sentences of `a` with no strong counterpart in `b` (removed in `b`).
    pub removed: usize,
    /// Figures changed between aligned sentences.
    pub figures: usize,
    /// Words substituted (replacements of at most three words).
    pub substituted: usize,
    /// One-word substitutions that are WordNet synonyms.
    pub synonyms: usize,
}

/// Two documents that are one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The first document (position, `a < b`).
    pub a: usize,
    /// The second document.
    pub b: usize,
    /// How they are one text.
    pub relation: Relation,
    /// Share of both documents' sentences aligned strongly, 0 to 1.
    pub shared: f32,
    /// The document that came first (`a` or `b`), where dates or additions tell it.
    pub earlier: Option<usize>,
    /// The evidence, as short sentences.
    pub evidence: Vec<String>,
    /// What was counted.
    pub counts: Counts,
    /// The first substituted words, as (in `a`, in `b`).
    pub substitutions: Vec<(String, String)>,
}

impl Link {
    /// The first substituted words as "“x” → “y”", from `b` to `a` when `from_b`.
    pub fn shown_substitutions(&self, from_b: bool) -> String {
        let pairs: Vec<(String, String)> = self
            .substitutions
            .iter()
            .map(|(x, y)| {
                if from_b {
                    (y.clone(), x.clone())
                } else {
                    (x.clone(), y.clone())
                }
            })
            .collect();
        shown_pairs(&pairs)
    }

    /// The later document where known.
    pub fn later(&self) -> Option<usize> {
        self.earlier
            .map(|e| if e == self.a { self.b } else { self.a })
    }
}

/// At least this many sentence pairs aligned strongly, one to one, link two documents...
pub const MIN_ALIGNED: usize = 3;
/// ...covering at least this share of one of them.
pub const MIN_COVER: f32 = 0.6;
/// Linked documents with at least this share of their aligned pairs word for word are one
/// text in versions (copy or update); below it, a rewrite.
const MIN_VERBATIM: f32 = 0.5;
/// Unmatched sentences before the first aligned one are a header, up to this many.
const MAX_HEADER: usize = 3;
/// A rewrite covers at least this share of both documents...
const REWRITE_COVER: f32 = 0.6;
/// ...and adds or drops at most this share of their sentences.
const REWRITE_CHANGED: f32 = 0.2;
/// A rewrite brings in or drops a name or number in at most one of this many aligned
/// sentences (a date line's place name dropped; an update changes facts).
const REWRITE_FACTS: usize = 4;
/// A same copy changes at most this many aligned sentences (a headline reworded).
const COPY_CHANGED: usize = 1;
/// A replacement of at most this many words on each side is a substitution.
pub(crate) const MAX_SUBSTITUTION_WORDS: usize = 3;
/// Substituted pairs shown in the evidence.
pub(crate) const SHOWN_PAIRS: usize = 4;
/// The date line is looked for among this many first lines.
pub(crate) const DATE_LINE_WITHIN: usize = 12;

/// The links among `docs`: every pair that is one text, in order of `(a, b)`.
pub fn provenance(docs: &[DocInput<'_>]) -> Vec<Link> {
    let corpus = Corpus::new(docs);
    let pairs = crate::align::all_pairs(&corpus);
    links(docs, &corpus, &pairs)
}

/// The family of each of `n` documents joined by `links`: the first document (by position) of
/// the documents that are one text with it, itself when it is linked to none.
pub fn family_of(n: usize, links: &[Link]) -> Vec<usize> {
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for l in links.iter().filter(|l| l.a < n && l.b < n) {
        let (ra, rb) = (find(&mut root, l.a), find(&mut root, l.b));
        root[ra.max(rb)] = ra.min(rb);
    }
    (0..n).map(|d| find(&mut root, d)).collect()
}

/// How many independent reports the documents `docs` make: documents of one family count once.
pub fn reports(docs: impl IntoIterator<Item = usize>, family: &[usize]) -> usize {
    let mut seen: Vec<usize> = docs
        .into_iter()
        .map(|d| family.get(d).copied().unwrap_or(d))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The links among `docs` from their aligned pairs (`all_pairs` of `corpus`).
pub(crate) fn links(docs: &[DocInput<'_>], corpus: &Corpus, pairs: &[Scored]) -> Vec<Link> {
    let dates: Vec<Option<(String, String)>> = docs
        .iter()
        .map(|d| date_line(d.text, &line_roles(d.text)))
        .collect();
    let mut by_docs: std::collections::BTreeMap<(usize, usize), Vec<&Scored>> =
        std::collections::BTreeMap::new();
    for s in pairs {
        if matches!(s.kind, AlignKind::Same | AlignKind::Paraphrase) {
            let (a, b) = (corpus.sents[s.i].doc, corpus.sents[s.j].doc);
            if a < b {
                by_docs.entry((a, b)).or_default().push(s);
            }
        }
    }
    by_docs
        .into_iter()
        .filter_map(|((a, b), strong)| link(docs, corpus, a, b, &strong, &dates))
        .collect()
}

/// The link between documents `a < b` from their strongly aligned pairs, if they are one text.
fn link(
    docs: &[DocInput<'_>],
    corpus: &Corpus,
    a: usize,
    b: usize,
    strong: &[&Scored],
    dates: &[Option<(String, String)>],
) -> Option<Link> {
    let (ra, rb) = (corpus.doc(a), corpus.doc(b));
    let (na, nb) = (ra.len(), rb.len());
    // One to one, strongest first.
    let mut order: Vec<&Scored> = strong.to_vec();
    order.sort_by(|x, y| {
        y.score
            .raw
            .total_cmp(&x.score.raw)
            .then(y.value.total_cmp(&x.value))
            .then((x.i, x.j).cmp(&(y.i, y.j)))
    });
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    let mut matched: Vec<&Scored> = Vec::new();
    for s in order {
        let (x, y) = (s.i - ra.start, s.j - rb.start);
        if !used_a[x] && !used_b[y] {
            used_a[x] = true;
            used_b[y] = true;
            matched.push(s);
        }
    }
    let cover_a = used_a.iter().filter(|&&u| u).count() as f32 / na.max(1) as f32;
    let cover_b = used_b.iter().filter(|&&u| u).count() as f32 / nb.max(1) as f32;
    if matched.len() < MIN_ALIGNED || cover_a.max(cover_b) < MIN_COVER {
        return None;
    }
    matched.sort_by_key(|s| (s.i, s.j));
    let diff = Substitutions::count(docs, corpus, &matched);
    let gone = body_unmatched(docs, corpus, a, &used_a);
    let new = body_unmatched(docs, corpus, b, &used_b);
    let (added, removed) = (new.total(), gone.total());
    // A copy may be cut short or run on at its end, on one side.
    let cut = gone.middle + new.middle == 0 && (gone.tail == 0 || new.tail == 0);
    let counts = Counts {
        sentences: (na, nb),
        aligned: matched.len(),
        verbatim: diff.identical,
        added,
        removed,
        figures: diff.figures.len(),
        substituted: diff.words,
        synonyms: diff.synonyms,
    };
    let verbatim_share = diff.identical as f32 / matched.len() as f32;
    let changed = matched.len() - diff.identical;
    let relation = if verbatim_share >= MIN_VERBATIM {
        if cut && diff.figures.is_empty() && changed <= COPY_CHANGED {
            Relation::SameCopy
        } else {
            Relation::Update
        }
    } else if cover_a.min(cover_b) >= REWRITE_COVER
        && ((added + removed) as f32) <= REWRITE_CHANGED * (na + nb) as f32
        && diff.figures.is_empty()
        && diff.facts * REWRITE_FACTS <= matched.len()
    {
        Relation::Rewrite
    } else {
        Relation::Update
    };
    let shared = (used_a.iter().filter(|&&u| u).count() + used_b.iter().filter(|&&u| u).count())
        as f32
        / (na + nb).max(1) as f32;
    let mut evidence = vec![format!(
        "{} of {} and {} sentences aligned strongly, {} of them word for word",
        matched.len(),
        na,
        nb,
        diff.identical
    )];
    let (earlier, why) = earlier_of(a, b, relation, &counts, &diff, dates);
    if added > 0 {
        evidence.push(format!(
            "{added} sentence{} added, e.g. “{}”",
            plural(added),
            new.example
        ));
    }
    if removed > 0 {
        evidence.push(format!(
            "{removed} sentence{} removed, e.g. “{}”",
            plural(removed),
            gone.example
        ));
    }
    if !diff.figures.is_empty() {
        evidence.push(format!("figures changed: {}", shown_pairs(&diff.figures)));
    }
    if diff.words > 0 {
        evidence.push(format!(
            "{} words substituted, {} of them WordNet synonyms: {}",
            diff.words,
            diff.synonyms,
            shown_pairs(&diff.pairs)
        ));
    }
    if let Some(why) = why {
        evidence.push(why);
    }
    Some(Link {
        a,
        b,
        relation,
        shared: (shared * 100.0).round() / 100.0,
        earlier,
        evidence,
        counts,
        substitutions: diff.pairs.iter().take(SHOWN_PAIRS).cloned().collect(),
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Up to [`SHOWN_PAIRS`] changed pairs as "“x” → “y”".
fn shown_pairs(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .take(SHOWN_PAIRS)
        .map(|(x, y)| format!("“{x}” → “{y}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which of `a` and `b` came first, and why.
fn earlier_of(
    a: usize,
    b: usize,
    relation: Relation,
    counts: &Counts,
    diff: &Substitutions,
    dates: &[Option<(String, String)>],
) -> (Option<usize>, Option<String>) {
    if let (Some(Some((da, la))), Some(Some((db, lb)))) = (dates.get(a), dates.get(b)) {
        if da != db {
            let first = if da < db { a } else { b };
            return (Some(first), Some(format!("dated “{la}” and “{lb}”")));
        }
    }
    match relation {
        Relation::Update if counts.added > 0 && counts.removed == 0 => (
            Some(a),
            Some("the second adds to the first and drops nothing".to_string()),
        ),
        Relation::Update if counts.removed > 0 && counts.added == 0 => (
            Some(b),
            Some("the first adds to the second and drops nothing".to_string()),
        ),
        Relation::Rewrite => match diff.copy_side() {
            Some(true) => (
                Some(a),
                Some("the second's substituted words are the rarer ones".to_string()),
            ),
            Some(false) => (
                Some(b),
                Some("the first's substituted words are the rarer ones".to_string()),
            ),
            None => (None, None),
        },
        _ => (None, None),
    }
}

/// Body sentences of a document not aligned strongly.
#[derive(Debug, Default)]
struct Unmatched {
    /// Between its first and last aligned sentences.
    middle: usize,
    /// After its last aligned sentence (a copy cut short or run on).
    tail: usize,
    /// The first of them, shortened.
    example: String,
}

impl Unmatched {
    fn total(&self) -> usize {
        self.middle + self.tail
    }
}

/// Body sentences of document `d` not aligned strongly (`used` by position), leaving out the
/// header: unmatched sentences among the first [`MAX_HEADER`] (headline, byline, date line).
fn body_unmatched(docs: &[DocInput<'_>], corpus: &Corpus, d: usize, used: &[bool]) -> Unmatched {
    let last = used.iter().rposition(|&u| u).unwrap_or(0);
    let body: Vec<usize> = (MAX_HEADER.min(used.len())..used.len())
        .filter(|&k| !used[k])
        .collect();
    let example = body
        .first()
        .map(|&k| {
            let t = corpus_text(docs, corpus, corpus.doc(d).start + k);
            crate::document::shorten(t.trim(), 60)
        })
        .unwrap_or_default();
    let tail = body.iter().filter(|&&k| k > last).count();
    Unmatched {
        middle: body.len() - tail,
        tail,
        example,
    }
}

/// The text of corpus sentence `i`.
pub(crate) fn corpus_text(docs: &[DocInput<'_>], c: &Corpus, i: usize) -> String {
    let s = &c.sents[i];
    docs.get(s.doc).map_or(String::new(), |d| {
        d.text
            .chars()
            .skip(s.span.start)
            .take(s.span.len())
            .collect()
    })
}

/// The value (ISO 8601) and text of a document's date line, if it has one among its first
/// lines.
pub(crate) fn date_line(text: &str, roles: &[(Span, LineRole)]) -> Option<(String, String)> {
    let ix = CharIndex::new(text);
    roles
        .iter()
        .take(DATE_LINE_WITHIN)
        .filter(|(_, r)| *r == LineRole::DateLine)
        .find_map(|&(s, _)| {
            let line = ix.slice(text, s).trim().to_string();
            let v = crate::normalize::date_value(&line, None)?;
            Some((v, line))
        })
}

/// True when a lower-case word or one of its base forms is a common English word.
pub(crate) fn is_common(w: &str) -> bool {
    crate::align::lexicon::base_forms(w)
        .iter()
        .any(|b| crate::entities::lexicon::in_word_list(b))
}

/// The word differences between two sources' aligned sentences.
#[derive(Debug, Default)]
pub(crate) struct Substitutions {
    /// Sentences that are the same.
    pub identical: usize,
    /// Words in short substitutions.
    pub words: usize,
    /// Words changed otherwise (inserted, deleted, long replacements).
    pub other: usize,
    /// One-word substitutions that are WordNet synonyms.
    pub synonyms: usize,
    /// Common words among the one-word substitutions, on each side: a spinner trades common
    /// words for rarer synonyms.
    pub common_a: usize,
    pub common_b: usize,
    /// WordNet senses (synonym sets) of the one-word substitutions, on each side: the
    /// original's words are the everyday ones with many senses, a spinner's the rarer
    /// lemmas with few ("buildings" / "edifices").
    pub senses_a: usize,
    pub senses_b: usize,
    /// Changed sentences that bring a fact in or take one out: a number or a name one side
    /// has and the other lacks ("12" / "34", "Tainan" / "Taipei"; not "Reuters" / "reuters",
    /// not a name moved within the sentence).
    pub facts: usize,
    /// Sentences with any change.
    pub changed: usize,
    /// The substituted words, as (first source, second source), in order.
    pub pairs: Vec<(String, String)>,
    /// Replacements of a figure by another, as (first source, second source).
    pub figures: Vec<(String, String)>,
}

/// The words of a sentence that carry a fact: with a digit, or capitalised and not a common
/// word ("Larsvik", "4,000"; not "The", "According"), lower-cased.
fn fact_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.'))
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
        .filter(|w| {
            has_digit(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !is_common(&w.to_lowercase()))
        })
        .map(str::to_lowercase)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn has_digit(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

/// A sentence pair at least this similar (plain word Dice) with no word changed is the same.
const IDENTICAL_SCORE: f32 = 0.95;

impl Substitutions {
    /// The differences of the `aligned` sentence pairs (each `i` in the first source).
    pub fn count(docs: &[DocInput<'_>], corpus: &Corpus, aligned: &[&Scored]) -> Self {
        let mut n = Substitutions::default();
        for s in aligned {
            let ta = corpus_text(docs, corpus, s.i);
            let tb = corpus_text(docs, corpus, s.j);
            let ops = word_diff(&ta, &tb);
            let same = !ops.iter().any(|o| !matches!(o, DiffOp::Equal(_)));
            if same
                || (s.kind == AlignKind::Same && s.score.raw >= IDENTICAL_SCORE && ops_small(&ops))
            {
                n.identical += 1;
                continue;
            }
            n.changed += 1;
            let (fa, fb) = (fact_words(&ta), fact_words(&tb));
            n.facts += usize::from(fa != fb);
            n.add_ops(&ops);
        }
        n
    }

    fn add_ops(&mut self, ops: &[DiffOp]) {
        let syn = Synonyms::get();
        let mut k = 0;
        while k < ops.len() {
            match (&ops[k], ops.get(k + 1)) {
                (DiffOp::Delete(x), Some(DiffOp::Insert(y))) => {
                    let (nx, ny) = (x.split(' ').count(), y.split(' ').count());
                    if has_digit(x) && has_digit(y) {
                        self.figures.push((x.clone(), y.clone()));
                    }
                    if nx <= MAX_SUBSTITUTION_WORDS && ny <= MAX_SUBSTITUTION_WORDS {
                        self.words += nx.max(ny);
                        self.pairs.push((x.clone(), y.clone()));
                        if nx == 1 && ny == 1 {
                            let (lx, ly) = (x.to_lowercase(), y.to_lowercase());
                            if syn.synonyms(&lx, &ly) {
                                self.synonyms += 1;
                            }
                            self.common_a += usize::from(is_common(&lx));
                            self.common_b += usize::from(is_common(&ly));
                            self.senses_a += syn.keys(&lx).0.len();
                            self.senses_b += syn.keys(&ly).0.len();
                        }
                    } else {
                        self.other += nx.max(ny);
                    }
                    k += 2;
                }
                (DiffOp::Delete(x), _) | (DiffOp::Insert(x), _) => {
                    self.other += x.split(' ').count();
                    k += 1;
                }
                _ => k += 1,
            }
        }
    }

    /// Which side is the copy, when the substituted words tell it: `Some(true)` for the
    /// second (its words have fewer WordNet senses, then fewer common words), `Some(false)`
    /// for the first.
    pub fn copy_side(&self) -> Option<bool> {
        match self
            .senses_b
            .cmp(&self.senses_a)
            .then(self.common_b.cmp(&self.common_a))
        {
            std::cmp::Ordering::Less => Some(true),
            std::cmp::Ordering::Greater => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// Only punctuation or case differs.
fn ops_small(ops: &[DiffOp]) -> bool {
    ops.iter().all(|o| match o {
        DiffOp::Equal(_) => true,
        DiffOp::Delete(x) | DiffOp::Insert(x) => !x.chars().any(char::is_alphanumeric),
    })
}

#[cfg(test)]
mod tests;
