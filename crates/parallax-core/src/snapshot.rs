//! Everything the views show about a set of documents, worked out once: the documents, their
//! analysis (mentions, entities, quotes, descriptors), the source flags, the aligned sentences
//! of every pair and the story matrix. The build makes one for the bundled documents and the
//! app reads it without the engine; the engine (in a Web Worker) makes one when the user's own
//! articles join the library. Serialised as JSON (`to_json` / `from_json`).

use crate::compare::{align, flags, provenance, story, AnalysedDocs};
use crate::document::shorten;
use crate::{analyse, Analysis, Document};
use serde::{Deserialize, Serialize};

/// The format version written by [`Snapshot::to_json`]; [`Snapshot::from_json`] refuses others.
pub const VERSION: u32 = 1;

/// The aligned sentences of documents `a` and `b` (by position, `a < b`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairAlignment {
    /// The first document.
    pub a: usize,
    /// The second document.
    pub b: usize,
    /// `align(a, b)`.
    pub pairs: Vec<align::AlignedPair>,
}

/// The analysed library: what every view reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// The documents, in library order.
    pub docs: Vec<Document>,
    /// Their analysis together (entity ids shared across documents).
    pub analysis: Analysis,
    /// Source flags of every document.
    pub flags: Vec<flags::Flag>,
    /// Aligned sentences of every pair `a < b`, in order of `(a, b)`.
    pub alignments: Vec<PairAlignment>,
    /// The story matrix's claims.
    pub story: Vec<story::Claim>,
    /// Pairs of documents that are one text (copies, updates, rewrites). In a
    /// [`Snapshot::subset`], `a` may come after `b`.
    #[serde(default)]
    pub provenance: Vec<provenance::Link>,
}

impl Snapshot {
    /// Analyses `docs` together and compares every pair: the whole engine's work.
    pub fn build(docs: Vec<Document>) -> Snapshot {
        let analysis = analyse(&docs);
        let analysed = AnalysedDocs::new(&docs, &analysis);
        let inputs = analysed.inputs();
        let names: Vec<String> = docs
            .iter()
            .map(|d| format!("“{}”", shorten(&d.title, 48)))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let flags = flags::flags(&inputs, &names, analysed.descriptors());
        let mut alignments = Vec::new();
        for a in 0..inputs.len() {
            for b in a + 1..inputs.len() {
                let pairs = align::align(&inputs[a], &inputs[b]);
                alignments.push(PairAlignment { a, b, pairs });
            }
        }
        let story = story::story(&inputs);
        let provenance = provenance::provenance(&inputs);
        Snapshot {
            version: VERSION,
            docs,
            analysis,
            flags,
            alignments,
            story,
            provenance,
        }
    }

    /// The snapshot of no documents (what a damaged embedded snapshot falls back to).
    pub fn empty() -> Snapshot {
        Snapshot {
            version: VERSION,
            docs: Vec::new(),
            analysis: Analysis::default(),
            flags: Vec::new(),
            alignments: Vec::new(),
            story: Vec::new(),
            provenance: Vec::new(),
        }
    }

    /// The aligned sentences of documents `a` and `b` in that order (sides swapped when
    /// `a > b`); empty for an unknown or equal pair.
    pub fn aligned(&self, a: usize, b: usize) -> Vec<align::AlignedPair> {
        let (lo, hi) = (a.min(b), a.max(b));
        let Some(found) = self.alignments.iter().find(|p| p.a == lo && p.b == hi) else {
            return Vec::new();
        };
        if a < b {
            return found.pairs.clone();
        }
        found
            .pairs
            .iter()
            .map(|p| align::AlignedPair {
                a: p.b,
                b: p.a,
                ..*p
            })
            .collect()
    }

    /// The snapshot of documents `keep` (positions, in the order given; unknown and repeated
    /// ones skipped), read off this one rather than analysed again: entity ids and names, and
    /// the flags' evidence, stay those of the whole set; story rows reported by fewer than two
    /// of the kept documents are dropped. How a session of bundled documents opens without the
    /// engine.
    pub fn subset(&self, keep: &[usize]) -> Snapshot {
        let mut order: Vec<usize> = Vec::new();
        for &k in keep {
            if k < self.docs.len() && !order.contains(&k) {
                order.push(k);
            }
        }
        let new_of = |old: usize| order.iter().position(|&k| k == old);
        let entities = self
            .analysis
            .entities
            .iter()
            .filter_map(|e| {
                let mut per_doc: Vec<(usize, usize)> = e
                    .mentions_per_doc
                    .iter()
                    .filter_map(|&(d, n)| Some((new_of(d)?, n)))
                    .collect();
                per_doc.sort_unstable();
                (!per_doc.is_empty()).then(|| crate::Entity {
                    mentions_per_doc: per_doc,
                    ..e.clone()
                })
            })
            .collect();
        let flags = self
            .flags
            .iter()
            .filter_map(|f| {
                Some(flags::Flag {
                    doc: new_of(f.doc)?,
                    ..f.clone()
                })
            })
            .collect();
        let mut alignments = Vec::new();
        for a in 0..order.len() {
            for b in a + 1..order.len() {
                alignments.push(PairAlignment {
                    a,
                    b,
                    pairs: self.aligned(order[a], order[b]),
                });
            }
        }
        let links: Vec<provenance::Link> = self
            .provenance
            .iter()
            .filter_map(|l| {
                Some(provenance::Link {
                    a: new_of(l.a)?,
                    b: new_of(l.b)?,
                    earlier: l.earlier.and_then(new_of),
                    ..l.clone()
                })
            })
            .collect();
        let family = provenance::family_of(order.len(), &links);
        Snapshot {
            version: VERSION,
            docs: order.iter().map(|&k| self.docs[k].clone()).collect(),
            analysis: Analysis {
                docs: order
                    .iter()
                    .map(|&k| self.analysis.docs.get(k).cloned().unwrap_or_default())
                    .collect(),
                entities,
            },
            flags,
            alignments,
            story: self
                .story
                .iter()
                .filter_map(|c| claim_subset(c, &order, &family))
                .collect(),
            provenance: links,
        }
    }

    /// The snapshot as JSON.
    pub fn to_json(&self) -> String {
        // Every field is plain data (strings, numbers, finite floats): cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a snapshot written by [`Snapshot::to_json`] of this [`VERSION`].
    pub fn from_json(json: &str) -> Result<Snapshot, String> {
        let s: Snapshot =
            serde_json::from_str(json).map_err(|e| format!("damaged analysis data: {e}"))?;
        if s.version != VERSION {
            return Err(format!(
                "analysis data of version {}, this reader knows {VERSION}",
                s.version
            ));
        }
        Ok(s)
    }
}

/// Claim `c` over documents `order` (old positions), when at least two of them report it.
fn claim_subset(c: &story::Claim, order: &[usize], family: &[usize]) -> Option<story::Claim> {
    let pick = |d: usize| order.iter().position(|&k| k == d);
    let cells: Vec<story::Cell> = order
        .iter()
        .map(|&k| c.cells.get(k).copied().unwrap_or(story::Cell::Absent))
        .collect();
    let coverage = cells.iter().filter(|&&x| x != story::Cell::Absent).count();
    if coverage < 2 {
        return None;
    }
    let conflict = c.conflict.as_ref().and_then(|x| {
        let values: Vec<(usize, String, String)> = x
            .values
            .iter()
            .filter_map(|(d, text, value)| Some((pick(*d)?, text.clone(), value.clone())))
            .collect();
        let distinct = values
            .iter()
            .any(|v| values.first().is_some_and(|f| f.2 != v.2));
        distinct.then_some(story::Conflict {
            what: x.what,
            values,
        })
    });
    Some(story::Claim {
        passages: order
            .iter()
            .map(|&k| c.passages.get(k).cloned().unwrap_or_default())
            .collect(),
        reports: provenance::reports(
            (0..cells.len()).filter(|&d| cells[d] != story::Cell::Absent),
            family,
        ),
        cells,
        coverage,
        conflict,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        vec![
            Document::new(
                "a",
                "Dam bursts in Ruritania\n\nThe dam near Strelsau burst on Monday after heavy rain, \
                 police said. \"We are evacuating,\" Mayor Anna Weiss said.",
            ),
            Document::new(
                "b",
                "Town floods\n\nThe dam near Strelsau burst on Monday after heavy rain, police said. \
                 Water reached the town hall, Mayor Anna Weiss said.",
            ),
            Document::new("c", "Markets\n\nShares rose 3% in Tokyo on Tuesday."),
        ]
    }

    #[track_caller]
    fn check(snapshot: &Snapshot) {
        let back = Snapshot::from_json(&snapshot.to_json()).expect("reads back");
        assert_eq!(&back, snapshot);
    }

    #[test]
    fn json_round_trips() {
        check(&Snapshot::build(docs()));
        check(&Snapshot::build(Vec::new()));
        assert_eq!(Snapshot::build(Vec::new()), Snapshot::empty());
    }

    #[test]
    fn every_pair_is_aligned_once_and_reads_both_ways() {
        let s = Snapshot::build(docs());
        let pairs: Vec<(usize, usize)> = s.alignments.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 1), (0, 2), (1, 2)]);
        let ab = s.aligned(0, 1);
        assert!(!ab.is_empty(), "the copied sentence aligns");
        let ba = s.aligned(1, 0);
        assert_eq!(ab.len(), ba.len());
        assert!(ab.iter().zip(&ba).all(|(x, y)| x.a == y.b && x.b == y.a));
        assert!(s.aligned(0, 0).is_empty() && s.aligned(0, 9).is_empty());
    }

    #[test]
    fn a_subset_reads_off_the_whole() {
        let whole = Snapshot::build(docs());
        let sub = whole.subset(&[1, 0, 1, 9]);
        let ids: Vec<&str> = sub.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["b", "a"],
            "in the order given, repeats and unknowns skipped"
        );
        assert_eq!(sub.analysis.docs[0], whole.analysis.docs[1]);
        assert_eq!(sub.aligned(1, 0), whole.aligned(0, 1));
        assert!(sub
            .analysis
            .entities
            .iter()
            .all(|e| e.mentions_per_doc.iter().all(|&(d, n)| d < 2 && n > 0)));
        assert!(
            !sub.analysis.entities.iter().any(|e| e.name == "Tokyo"),
            "entities only the left-out document mentions are dropped"
        );
        assert!(sub
            .story
            .iter()
            .all(|c| c.cells.len() == 2 && c.coverage == 2));
        assert_eq!(whole.subset(&[0, 1, 2]), whole, "the whole set is itself");
    }

    #[test]
    fn other_versions_and_damage_are_refused() {
        let json = Snapshot::build(docs()).to_json();
        let old = json.replacen("\"version\":1", "\"version\":0", 1);
        assert!(Snapshot::from_json(&old).unwrap_err().contains("version 0"));
        assert!(Snapshot::from_json(&json[..json.len() / 2])
            .unwrap_err()
            .contains("damaged"));
    }
}
