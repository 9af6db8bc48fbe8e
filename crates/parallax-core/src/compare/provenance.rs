//! Provenance: which sources of a set are one text. For every pair of documents, one of
//!
//! - `same_copy`: one text reprinted (a wire copy under another headline, byline or date
//!   line): every body sentence of each has its counterpart word for word, no figure changed;
//! - `update`: versions of one text: they share running words, and sentences were added or
//!   removed, figures changed or sentences rewritten;
//! - `rewrite`: one text in other words (spun with synonyms, translated and back, a reordered
//!   paraphrase): most of both texts align strongly but few sentences word for word, and
//!   almost nothing was added (few sentences, no figure changed, few running words kept); or
//!   spun (mostly one-word substitutions, many of them WordNet synonyms) from a version;
//! - independent (no link): reports of one event that share facts and quotes, not text.
//!
//! # Method
//!
//! The aligned pairs of the whole set ([`crate::story`]'s `all_pairs`: candidates from an
//! index, scored, the order pass) are read per pair of documents. Sentences aligned `same` or
//! `paraphrase` are *aligned strongly*, matched one to one. A pair is linked when it shares
//! running words outside quotations (at least [`MIN_REUSE`] of the shorter text's word
//! 4-grams: versions of one text), or when at least [`MIN_ALIGNED`] sentences aligned strongly
//! cover [`REWRITE_COVER`] of both (one text in other words). Quotations are left out of the
//! running words: independent reports quote the same official word for word. Matched
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
//! Then the lineage: each family's links joined into a tree, closest kin first, and every pair
//! of a family linked with the strongest change on the tree's path between them (a version of
//! a text and a rewrite of it are a rewrite; such links are `inferred`); a text spun from
//! another is a rewrite of every version of it.
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
    /// The relation is read off the lineage (through other sources of the set: a version of
    /// a text and a rewrite of it are a rewrite), not off this pair's own comparison alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
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

/// At least this many sentence pairs aligned strongly, one to one, link two documents that
/// share few running words (one text in other words).
pub const MIN_ALIGNED: usize = 3;
/// Linked documents with at least this share of their aligned pairs word for word are one
/// text in versions (copy or update); below it, a rewrite or a version rewritten.
const MIN_VERBATIM: f32 = 0.5;
/// Unmatched sentences before the first aligned one are a header, up to this many.
const MAX_HEADER: usize = 3;
/// One text in other words: a strong counterpart for at least this share of both documents'
/// sentences (a newsroom's next version rewrites some and adds others; two reports of one
/// event share a few facts)...
const REWRITE_COVER: f32 = 0.75;
/// ...keeps less than this share of the running words (4 in a row: a translator's round trip
/// 0.31, a human paraphrase 0.10; a newsroom's next version that rewrites most sentences
/// keeps 0.5 and more)...
const REWRITE_MAX_REUSE: f32 = 0.4;
/// ...and adds or drops at most this share of their sentences.
const REWRITE_CHANGED: f32 = 0.2;
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

/// The links among `docs` from their aligned pairs (`all_pairs` of `corpus`): every pair's own
/// comparison ([`link`]), then the lineage ([`lineage`]).
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
    // Passages shared word for word outside quotations: a pair with none aligned strongly may
    // still be versions of one text (a newsroom's rewritten lede keeps its wording).
    let shingles: Vec<Vec<u64>> = docs.iter().map(|d| shingles(d.text)).collect();
    let mut reuse: std::collections::BTreeMap<(usize, usize), f32> = Default::default();
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            let r = containment(&shingles[a], &shingles[b]);
            if r > 0.0 {
                reuse.insert((a, b), r);
                if r >= MIN_REUSE {
                    by_docs.entry((a, b)).or_default();
                }
            }
        }
    }
    let direct: Vec<(Link, bool, bool)> = by_docs
        .into_iter()
        .filter_map(|((a, b), strong)| {
            let r = reuse.get(&(a, b)).copied().unwrap_or(0.0);
            link(docs, corpus, (a, b), &strong, r, &dates)
        })
        .collect();
    lineage(docs.len(), direct)
}

/// Word 4-grams this many of the shorter text's (outside quotations) found in the other make
/// two texts versions of one: a newsroom's next version keeps its sentences' wording where it
/// rewrites them; independent reports share names, figures and quotations, not four running
/// words of narration (on the development families: versions 0.20 and up, independent
/// reports 0.14 and below).
const MIN_REUSE: f32 = 0.2;
/// Texts with fewer 4-grams than this outside quotations are too short to tell by them.
const MIN_SHINGLES: usize = 8;
/// The word n-gram of [`shingles`].
const SHINGLE: usize = 4;

/// Hashes of a text's lower-cased word 4-grams outside quotations (a quotation ends a run:
/// independent reports quote the same official word for word), sorted, without repeats.
fn shingles(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let flush_word = |word: &mut String, run: &mut Vec<String>, out: &mut Vec<u64>| {
        if word.is_empty() {
            return;
        }
        run.push(std::mem::take(word));
        if run.len() >= SHINGLE {
            let mut h = rustc_hash::FxHasher::default();
            run[run.len() - SHINGLE..].hash(&mut h);
            out.push(h.finish());
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !quoted {
                word.extend(c.to_lowercase());
            }
            continue;
        }
        if matches!(c, '\'' | '’') && !word.is_empty() {
            continue;
        }
        flush_word(&mut word, &mut run, &mut out);
        let opens = match c {
            '“' | '«' => Some(true),
            '”' | '»' => Some(false),
            '"' => Some(!quoted),
            // A quotation never runs over a paragraph end unclosed.
            '\n' => Some(false),
            _ => None,
        };
        if let Some(q) = opens {
            run.clear();
            quoted = q;
        }
    }
    flush_word(&mut word, &mut run, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The share of the shorter list found in the other (both sorted), 0 when either is too short.
fn containment(a: &[u64], b: &[u64]) -> f32 {
    let shorter = a.len().min(b.len());
    if shorter < MIN_SHINGLES {
        return 0.0;
    }
    let common = crate::align::sorted_common(a, b);
    common as f32 / shorter as f32
}

/// The link between documents `a < b` from their own comparison, if they are one text: their
/// strongly aligned pairs and `reuse`, the share of word 4-grams they share.
fn link(
    docs: &[DocInput<'_>],
    corpus: &Corpus,
    (a, b): (usize, usize),
    strong: &[&Scored],
    reuse: f32,
    dates: &[Option<(String, String)>],
) -> Option<(Link, bool, bool)> {
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
    // One text in versions shares running words; one text in other words has a counterpart
    // for nearly every sentence of both.
    let versions = reuse >= MIN_REUSE;
    let reworded = matched.len() >= MIN_ALIGNED && cover_a.min(cover_b) >= REWRITE_COVER;
    if !versions && !reworded {
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
    let verbatim_share = diff.identical as f32 / matched.len().max(1) as f32;
    let changed = matched.len() - diff.identical - diff.relabelled;
    let relation = if verbatim_share >= MIN_VERBATIM {
        if cut && diff.figures.is_empty() && changed <= COPY_CHANGED {
            Relation::SameCopy
        } else {
            Relation::Update
        }
    } else if diff.spun()
        || (reworded
            && reuse < REWRITE_MAX_REUSE
            && ((added + removed) as f32) <= REWRITE_CHANGED * (na + nb) as f32
            && diff.figures.is_empty())
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
    if versions && verbatim_share < MIN_VERBATIM {
        evidence.push(format!(
            "{:.0}% of the shorter text's running words (4 in a row, quotations left out) are in the other",
            reuse * 100.0
        ));
    }
    let (earlier, why, dated) = earlier_of(a, b, relation, &counts, &diff, dates);
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
    let l = Link {
        a,
        b,
        relation,
        shared: (shared * 100.0).round() / 100.0,
        earlier,
        evidence,
        counts,
        substitutions: diff.pairs.iter().take(SHOWN_PAIRS).cloned().collect(),
        inferred: false,
    };
    Some((l, dated, relation == Relation::Rewrite && diff.spun()))
}

/// The lineage: the links of each pair's own comparison joined into a tree per family, closest
/// kin first (a copy, then an update, then a rewrite; the most shared first), and every pair of
/// a family linked by the strongest change on the tree's path between them (a version of a
/// text and a rewrite of that text are a rewrite; two reprints of one copy and its update are
/// updates). `earlier` is the pair's own where it tells it, else the path's when all its
/// steps that are not copies point the same way.
fn lineage(n: usize, direct: Vec<(Link, bool, bool)>) -> Vec<Link> {
    // A text spun from another stays a rewrite of every version of it, whatever the versions
    // changed besides.
    let spun_copy: Vec<usize> = direct
        .iter()
        .filter(|(_, _, spun)| *spun)
        .filter_map(|(l, _, _)| l.later())
        .collect();
    let (direct, dated): (Vec<Link>, Vec<bool>) = direct
        .into_iter()
        .map(|(mut l, dated, _)| {
            if l.relation < Relation::Rewrite
                && (spun_copy.contains(&l.a) || spun_copy.contains(&l.b))
            {
                l.relation = Relation::Rewrite;
                l.inferred = true;
                l.evidence.push(format!(
                    "a rewrite: the {} is spun from a version of the other's text",
                    if spun_copy.contains(&l.b) {
                        "second"
                    } else {
                        "first"
                    }
                ));
            }
            (l, dated)
        })
        .unzip();
    let mut order: Vec<usize> = (0..direct.len()).collect();
    order.sort_by(|&x, &y| {
        let (lx, ly) = (&direct[x], &direct[y]);
        lx.relation
            .cmp(&ly.relation)
            .then(ly.shared.total_cmp(&lx.shared))
            .then((lx.a, lx.b).cmp(&(ly.a, ly.b)))
    });
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    // The tree's edges at each document: (other document, link).
    let mut tree: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut on_tree = vec![false; direct.len()];
    for k in order {
        let l = &direct[k];
        let (ra, rb) = (find(&mut root, l.a), find(&mut root, l.b));
        if ra != rb {
            root[ra.max(rb)] = ra.min(rb);
            tree[l.a].push((l.b, k));
            tree[l.b].push((l.a, k));
            on_tree[k] = true;
        }
    }
    // Off the tree, the pair's own order counts only where dates tell it: a rewrite of one
    // version is not later than another version it was not made from.
    let mut own: std::collections::BTreeMap<(usize, usize), (Link, bool)> = direct
        .iter()
        .enumerate()
        .map(|(k, l)| ((l.a, l.b), (l.clone(), on_tree[k] || dated[k])))
        .collect();
    let mut out = Vec::new();
    for a in 0..n {
        if tree[a].is_empty() {
            continue;
        }
        // The tree path from `a` to every document of its family: the links on the way.
        let mut path: Vec<Option<Vec<usize>>> = vec![None; n];
        path[a] = Some(Vec::new());
        let mut stack = vec![a];
        while let Some(x) = stack.pop() {
            for &(y, k) in &tree[x] {
                if path[y].is_none() {
                    let mut p = path[x].clone().unwrap_or_default();
                    p.push(k);
                    path[y] = Some(p);
                    stack.push(y);
                }
            }
        }
        for (b, steps) in path.iter().enumerate().skip(a + 1) {
            let Some(steps) = steps else { continue };
            let on_path = steps.iter().map(|&k| &direct[k]);
            let Some(relation) = on_path.clone().map(|l| l.relation).max() else {
                continue;
            };
            let earlier = path_earlier(a, &direct, steps);
            match own.remove(&(a, b)) {
                Some((mut l, trusted)) => {
                    if !trusted && l.earlier.take().is_some() {
                        // Its reason, the last evidence, no longer holds.
                        l.evidence.pop();
                    }
                    if relation > l.relation {
                        l.evidence.push(format!(
                            "a {} by way of {} other source{} of the set",
                            relation.label(),
                            steps.len() - 1,
                            plural(steps.len() - 1)
                        ));
                        l.relation = relation;
                        l.inferred = true;
                    }
                    if l.earlier.is_none() && earlier.is_some() {
                        l.earlier = earlier;
                        l.evidence
                            .push("which came first: by way of the other sources of the set".into());
                    }
                    out.push(l);
                }
                None => out.push(Link {
                    a,
                    b,
                    relation,
                    shared: 0.0,
                    earlier,
                    evidence: vec![format!(
                        "not one text on their own comparison; one text by way of {} other source{} of the set ({})",
                        steps.len() - 1,
                        plural(steps.len() - 1),
                        on_path
                            .map(|l| l.relation.label())
                            .collect::<Vec<_>>()
                            .join(", then ")
                    )],
                    counts: Counts::default(),
                    substitutions: Vec::new(),
                    inferred: true,
                }),
            }
        }
    }
    out
}

/// The earlier end of a tree path from `from` over the links `steps`, when every step that is
/// not a copy says which came first and all point the same way.
fn path_earlier(from: usize, links: &[Link], steps: &[usize]) -> Option<usize> {
    let mut at = from;
    let mut forward: Option<bool> = None;
    for &k in steps {
        let l = &links[k];
        let next = if l.a == at { l.b } else { l.a };
        if l.relation != Relation::SameCopy {
            let f = match l.earlier {
                Some(e) if e == at => true,
                Some(_) => false,
                None => return None,
            };
            if forward.is_some_and(|g| g != f) {
                return None;
            }
            forward = Some(f);
        }
        at = next;
    }
    match forward? {
        true => Some(from),
        false => Some(at),
    }
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
) -> (Option<usize>, Option<String>, bool) {
    if let (Some(Some((da, la))), Some(Some((db, lb)))) = (dates.get(a), dates.get(b)) {
        if da != db {
            let first = if da < db { a } else { b };
            return (Some(first), Some(format!("dated “{la}” and “{lb}”")), true);
        }
    }
    let (earlier, why) = match relation {
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
    };
    (earlier, why, false)
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
    /// Sentences that are the same but for a date line put before them or taken off
    /// ("SEYNE-LES-ALPES, France (AP) — A Germanwings jet ..."): a reprint's layout.
    pub relabelled: usize,
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
    /// Sentences with any change.
    pub changed: usize,
    /// The substituted words, as (first source, second source), in order.
    pub pairs: Vec<(String, String)>,
    /// Replacements of a figure by another, as (first source, second source).
    pub figures: Vec<(String, String)>,
}

/// Spun: at least this many words substituted...
const SPUN_MIN_WORDS: usize = 5;
/// ...one in this many of them a WordNet synonym...
const SPUN_SYNONYMS: usize = 4;
/// ...and substitutions at least this share of the words changed (spinners: 0.8 and more on
/// the fixtures; newsroom versions and human paraphrase: 0.2 to 0.3).
const SPUN_SUBSTITUTED: f32 = 0.5;
/// The substituted words tell which side is the copy where substitutions are at least this
/// share of the words changed (a translator's round trip 0.35, a human paraphrase 0.2).
const SIDE_SUBSTITUTED: f32 = 0.3;

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
            if date_line_only(&ops) {
                n.relabelled += 1;
            }
            n.changed += 1;
            if !is_date_line(&ta) || !is_date_line(&tb) {
                n.figures.extend(changed_figures(&ta, &tb));
            }
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

    /// The share of the changed words that are short substitutions (the rest inserted,
    /// deleted or rewritten at length).
    fn substituted_share(&self) -> f32 {
        self.words as f32 / (self.words + self.other).max(1) as f32
    }

    /// Spun with synonyms: the changes are mostly word-for-word substitutions, and enough of
    /// them WordNet synonyms. A spun text stays a rewrite of every version of its original,
    /// whatever the versions changed.
    pub fn spun(&self) -> bool {
        self.words >= SPUN_MIN_WORDS
            && self.synonyms * SPUN_SYNONYMS >= self.words
            && self.substituted_share() >= SPUN_SUBSTITUTED
    }

    /// Which side is the copy, when the substituted words tell it: `Some(true)` for the
    /// second (its words have fewer WordNet senses, then fewer common words), `Some(false)`
    /// for the first. Only where substitutions are a good part of the change (a spinner, a
    /// translator's round trip): a human paraphrase's few substitutions tell nothing.
    pub fn copy_side(&self) -> Option<bool> {
        if self.substituted_share() < SIDE_SUBSTITUTED {
            return None;
        }
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

/// The figures of a sentence as (value, as written): runs of digits with their inner points,
/// commas and colons ("4,000" is 4000, "8.2" of "Magnitude-8.2", "16:15" and "16.15" the same
/// time).
fn figures_in(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let inner = matches!(c, '.' | ',' | ':')
            && !cur.is_empty()
            && chars.get(k + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inner {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|w| (w.replace(',', "").replace(':', "."), w))
        .collect()
}

/// Figures one sentence has and the other lacks, paired in order ("4,000" → "6,500"); a figure
/// moved within the sentence is no change.
fn changed_figures(a: &str, b: &str) -> Vec<(String, String)> {
    let (mut fa, mut fb) = (figures_in(a), figures_in(b));
    let mut k = 0;
    while k < fa.len() {
        match fb.iter().position(|y| y.0 == fa[k].0) {
            Some(j) => {
                fa.remove(k);
                fb.remove(j);
            }
            None => k += 1,
        }
    }
    fa.into_iter().zip(fb).map(|(x, y)| (x.1, y.1)).collect()
}

/// A date line alone ("March 3, 2025"): its change dates a version, it changes no figure.
fn is_date_line(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_DATE_LINE_WORDS
        && crate::normalize::date_value(text.trim(), None).is_some()
}

/// A date line is at most this many words.
const MAX_DATE_LINE_WORDS: usize = 6;

/// The only change is a date line put before the sentence or taken off: the words before
/// the first equal run end in a dash ("SEYNE-LES-ALPES, France (AP) —").
fn date_line_only(ops: &[DiffOp]) -> bool {
    let (first, rest) = match ops.split_first() {
        Some((DiffOp::Delete(x) | DiffOp::Insert(x), rest)) => (x, rest),
        _ => return false,
    };
    first.ends_with(['—', '–', '-'])
        && !rest.is_empty()
        && rest.iter().all(|o| match o {
            DiffOp::Equal(_) => true,
            DiffOp::Delete(x) | DiffOp::Insert(x) => !x.chars().any(char::is_alphanumeric),
        })
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
