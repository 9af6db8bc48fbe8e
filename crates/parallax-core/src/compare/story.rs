//! The story matrix: claims (clusters of aligned sentences across documents) by sources.
//!
//! Every document's sentences go into one corpus (weights over the whole story); an inverted
//! index proposes sentence pairs of different documents, which are scored and classified as
//! in [`crate::align`] (the order pass runs per document pair). Pairs are then merged into
//! claims by average-link clustering: edges in order of strength, two clusters join only when
//! the mean strength over all their cross pairs (an absent edge counts 0) stays at least
//! [`LINK`], so one sentence that touches two unrelated facts does not chain them. A claim is
//! kept when two or more documents report it. Documents that are one text (a wire copy
//! reprinted, versions, a rewrite: [`crate::provenance`]) are one report: a claim's `reports`
//! counts them once, and rows are sorted by reports, then coverage.
//!
//! A claim whose documents give different values for the same number (by
//! [`crate::normalize::values_conflict`]: "around 100,000" against "130,000", but not "more
//! than 100,000" against "120,000") or different years for its event carries a [`Conflict`]
//! with both values.

use crate::align::{features::Corpus, AlignKind, DocInput, Scored};
use crate::normalize::{number_value, values_conflict};
use crate::offsets::Span;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Minimum average link strength for two clusters to merge.
pub const LINK: f32 = 0.3;

/// How a document reports a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cell {
    /// Nearly the same sentence as another source's.
    Same,
    /// Reworded.
    Paraphrase,
    /// The same fact inside a different sentence.
    Related,
    /// Not reported.
    Absent,
}

/// One sentence of a document inside a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Sentence span (code points, end exclusive).
    pub span: Span,
    /// Its strongest link to another document's passage of the claim.
    pub kind: Cell,
}

/// Different values for the same fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// "number" or "date".
    pub what: &'static str,
    /// (document index, text as written, normalised value), two or more.
    pub values: Vec<(usize, String, String)>,
}

/// A conflict as serialised, its `what` owned.
#[derive(Deserialize)]
struct ConflictIn {
    what: String,
    values: Vec<(usize, String, String)>,
}

impl<'de> Deserialize<'de> for Conflict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let c = ConflictIn::deserialize(d)?;
        let what = match c.what.as_str() {
            "number" => "number",
            "date" => "date",
            other => {
                return Err(serde::de::Error::unknown_variant(
                    other,
                    &["number", "date"],
                ));
            }
        };
        Ok(Conflict {
            what,
            values: c.values,
        })
    }
}

/// One row of the story matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Passages per document (empty for documents that do not report it).
    pub passages: Vec<Vec<Passage>>,
    /// How each document reports it ([`Cell::Absent`] when it does not).
    pub cells: Vec<Cell>,
    /// Number of documents reporting it.
    pub coverage: usize,
    /// Number of independent reports of it: documents that are one text (provenance) count
    /// once.
    #[serde(default)]
    pub reports: usize,
    /// Different numbers or dates given for it, if any.
    pub conflict: Option<Conflict>,
}

/// The least link strength of a paraphrase: above any related pair's.
const PARAPHRASE_BASE: f32 = 0.6;
/// The least link strength of a related pair.
const RELATED_BASE: f32 = 0.3;
/// How much a pair's own score adds to its kind's base strength.
const SCORE_WEIGHT: f32 = 0.4;
/// A claim is reported when at least this many sources carry it.
const MIN_COVERAGE: usize = 2;

/// How strongly an aligned pair links two sentences into one claim.
fn strength(s: &Scored) -> f32 {
    match s.kind {
        AlignKind::Same => 1.0,
        AlignKind::Paraphrase => PARAPHRASE_BASE + SCORE_WEIGHT * s.value,
        AlignKind::Related => RELATED_BASE + SCORE_WEIGHT * s.value,
    }
}

/// The claims of a story: clusters of aligned sentences across `docs`, reported by at least
/// two documents, most widely reported first.
pub fn story(docs: &[DocInput<'_>]) -> Vec<Claim> {
    let c = Corpus::new(docs);
    let pairs = crate::align::all_pairs(&c);
    let family =
        crate::provenance::family_of(docs.len(), &crate::provenance::links(docs, &c, &pairs));
    let n = c.sents.len();
    let mut edge: HashMap<(usize, usize), f32> = HashMap::new();
    let mut kind_of: HashMap<(usize, usize), AlignKind> = HashMap::new();
    for s in &pairs {
        let key = (s.i.min(s.j), s.i.max(s.j));
        edge.insert(key, strength(s));
        kind_of.insert(key, s.kind);
    }
    let mut order: Vec<(&(usize, usize), &f32)> = edge.iter().collect();
    order.sort_by(|x, y| y.1.total_cmp(x.1).then(x.0.cmp(y.0)));
    // Clusters with their members and the summed edge strength to each other cluster, so
    // the average link of two clusters is one look-up; merged in order of edge strength.
    let mut cluster: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut links: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for (&(i, j), &w) in &edge {
        *links[i].entry(j).or_default() += w;
        *links[j].entry(i).or_default() += w;
    }
    for (&(i, j), _) in order {
        let (ci, cj) = (cluster[i], cluster[j]);
        if ci == cj {
            continue;
        }
        let total = links[ci].get(&cj).copied().unwrap_or(0.0);
        if total / ((members[ci].len() * members[cj].len()) as f32) < LINK {
            continue;
        }
        let (keep, gone) = if members[ci].len() >= members[cj].len() {
            (ci, cj)
        } else {
            (cj, ci)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &x in &moved {
            cluster[x] = keep;
        }
        members[keep].extend(moved);
        let gone_links = std::mem::take(&mut links[gone]);
        for (other, w) in gone_links {
            if other == keep {
                continue;
            }
            if let Some(v) = links[other].remove(&gone) {
                *links[other].entry(keep).or_default() += v;
            }
            *links[keep].entry(other).or_default() += w;
        }
        links[keep].remove(&gone);
    }
    let ndocs = docs.len();
    let mut claims = Vec::new();
    for m in members.iter().filter(|m| m.len() >= 2) {
        let mut passages: Vec<Vec<Passage>> = vec![Vec::new(); ndocs];
        let mut cells = vec![Cell::Absent; ndocs];
        let mut sorted = m.clone();
        sorted.sort_unstable();
        for &x in &sorted {
            let d = c.sents[x].doc;
            // Strongest link to another document's member.
            let best = sorted
                .iter()
                .filter(|&&y| c.sents[y].doc != d)
                .filter_map(|&y| kind_of.get(&(x.min(y), x.max(y))).copied())
                .min();
            let cell = match best {
                Some(AlignKind::Same) => Cell::Same,
                Some(AlignKind::Paraphrase) => Cell::Paraphrase,
                Some(AlignKind::Related) => Cell::Related,
                None => Cell::Related,
            };
            cells[d] = cells[d].min(cell);
            passages[d].push(Passage {
                span: c.sents[x].span,
                kind: cell,
            });
        }
        let coverage = passages.iter().filter(|p| !p.is_empty()).count();
        if coverage < MIN_COVERAGE {
            continue;
        }
        let conflict = conflict_in(&c, &sorted);
        let reports =
            crate::provenance::reports((0..ndocs).filter(|&d| cells[d] != Cell::Absent), &family);
        claims.push((
            sorted[0],
            Claim {
                passages,
                cells,
                coverage,
                reports,
                conflict,
            },
        ));
    }
    claims.sort_by(|a, b| {
        (b.1.reports, b.1.coverage)
            .cmp(&(a.1.reports, a.1.coverage))
            .then(a.0.cmp(&b.0))
    });
    claims.into_iter().map(|(_, c)| c).collect()
}

/// Different values for one number (numbers that count the same thing: the same word after
/// them, or the only number of each sentence) or different years across documents.
fn conflict_in(c: &Corpus, members: &[usize]) -> Option<Conflict> {
    for (k, &x) in members.iter().enumerate() {
        for &y in &members[k + 1..] {
            let (s, t) = (&c.sents[x], &c.sents[y]);
            if s.doc == t.doc {
                continue;
            }
            let only = s.numbers.len() == 1 && t.numbers.len() == 1;
            for (a, (_, pa)) in s.numbers.iter().enumerate() {
                for (b, (_, pb)) in t.numbers.iter().enumerate() {
                    let same_thing = only
                        || (s.number_heads[a] != u32::MAX
                            && s.number_heads[a] == t.number_heads[b]);
                    if !same_thing {
                        continue;
                    }
                    let (Some(va), Some(vb)) = (number_value(pa), number_value(pb)) else {
                        continue;
                    };
                    if values_conflict(&va, &vb) {
                        let show = |v: &crate::normalize::NumberValue| {
                            let mut out = format!("{}", v.value);
                            if let Some(a) = v.approx {
                                out = format!("{a} {out}");
                            }
                            if let Some(u) = &v.unit {
                                out.push(' ');
                                out.push_str(u);
                            }
                            out
                        };
                        return Some(Conflict {
                            what: "number",
                            values: vec![
                                (s.doc, pa.clone(), show(&va)),
                                (t.doc, pb.clone(), show(&vb)),
                            ],
                        });
                    }
                }
            }
            if !s.years.is_empty()
                && !t.years.is_empty()
                && !s.years.iter().any(|y| t.years.contains(y))
            {
                return Some(Conflict {
                    what: "date",
                    values: vec![
                        (s.doc, s.years[0].to_string(), s.years[0].to_string()),
                        (t.doc, t.years[0].to_string(), t.years[0].to_string()),
                    ],
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::sentences;

    /// Runs the story over `texts` and renders each claim as "coverage: doc:sentence-text
    /// (kind) | ..." plus its conflict.
    #[track_caller]
    fn check(texts: &[&str], expected: &[&str]) {
        let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
        let docs: Vec<DocInput<'_>> = texts
            .iter()
            .zip(&spans)
            .map(|(t, s)| DocInput::new(t, s))
            .collect();
        let got: Vec<String> = story(&docs)
            .iter()
            .map(|c| {
                let mut row = format!("{}:", c.coverage);
                for (d, ps) in c.passages.iter().enumerate() {
                    for p in ps {
                        let text: String = texts[d]
                            .chars()
                            .skip(p.span.start)
                            .take(p.span.len())
                            .collect();
                        row.push_str(&format!(" {d}:{text} ({:?})", p.kind));
                    }
                }
                if let Some(k) = &c.conflict {
                    let vals: Vec<String> = k.values.iter().map(|v| v.2.clone()).collect();
                    row.push_str(&format!(" CONFLICT {} {}", k.what, vals.join(" / ")));
                }
                row
            })
            .collect();
        let exp: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        assert!(
            got == exp,
            "story differs\nexpected:\n  {}\ngot:\n  {}",
            exp.join("\n  "),
            got.join("\n  ")
        );
    }

    #[test]
    fn claims_across_three_sources_with_a_number_conflict() {
        check(
            &[
                "Officials said 120 people were rescued from the flooded mine on Sunday. The weather was mild.",
                "Rescuers pulled 85 people from the flooded mine on Sunday, officials said. Shares fell.",
                "The mayor praised the volunteers. Officials said 120 people were rescued from the flooded mine on Sunday.",
            ],
            &["3: 0:Officials said 120 people were rescued from the flooded mine on Sunday. (Same) 1:Rescuers pulled 85 people from the flooded mine on Sunday, officials said. (Paraphrase) 2:Officials said 120 people were rescued from the flooded mine on Sunday. (Same) CONFLICT number 120 / 85"],
        );
    }

    #[test]
    fn a_hub_sentence_does_not_chain_two_facts() {
        check(
            &[
                "The central bank raised interest rates by half a point to curb inflation.",
                "The central bank raised interest rates by half a point to curb inflation, and the finance minister resigned after a corruption inquiry.",
                "The finance minister resigned after a corruption inquiry into the tender.",
            ],
            // Doc 1's sentence carries both facts; doc 2 links to it alone, so it stays out.
            &["2: 0:The central bank raised interest rates by half a point to curb inflation. (Paraphrase) 1:The central bank raised interest rates by half a point to curb inflation, and the finance minister resigned after a corruption inquiry. (Paraphrase)"],
        );
    }
}
