//! What changed between two snapshots of one collection: how the engine answers when an
//! article joins (or leaves) a collection whose snapshot the page already holds, instead of
//! sending the whole collection again (issue 23, "no frozen page").
//!
//! A [`Delta`] says, for each list of the new snapshot (the documents' analyses, the
//! entities, the flags, the aligned pairs, the story's claims, the provenance links), which
//! runs are the old snapshot's items carried over (`Item::Keep`) and which are new
//! (`Item::New`). Carried-over items are the old ones with their document positions moved to
//! where those documents now stand (an entity's `mentions_per_doc`, a flag's `doc`, a
//! claim's columns, a link's ends): [`Delta::between`] keeps an item only when that moved
//! copy equals the new snapshot's item, so [`Delta::apply`] on the old snapshot gives exactly
//! the new one. The documents themselves never travel back: the page sent them, and the new
//! snapshot's documents are the request's.
//!
//! Both sides name a snapshot by [`fingerprint`], a hash of its JSON: a delta applies only to
//! the snapshot it was made from.

use crate::align::AlignedPair;
use crate::flags::Flag;
use crate::provenance::Link;
use crate::snapshot::{PairAlignment, VERSION};
use crate::story::{Cell, Claim, Conflict};
use crate::{Analysis, DocAnalysis, Document, Entity, Snapshot};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// A run of items of a list in a [`Delta`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item<T> {
    /// `len` items carried over from the old snapshot, starting at its item `from` (for the
    /// aligned pairs: the new pairs from position `from` on, read off the old snapshot).
    Keep {
        /// The first old item.
        from: usize,
        /// How many.
        len: usize,
    },
    /// An item of the new snapshot, as it is.
    New(T),
}

/// The new snapshot of a collection as changes to an old one (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// The [`fingerprint`] of the snapshot this applies to.
    pub base: u64,
    /// The [`fingerprint`] of the snapshot it gives.
    pub hash: u64,
    /// How many documents the new snapshot has (those of the request, in its order).
    pub docs: usize,
    /// Each document's analysis.
    pub analysis: Vec<Item<DocAnalysis>>,
    /// The entities.
    pub entities: Vec<Item<Entity>>,
    /// The source flags.
    pub flags: Vec<Item<Flag>>,
    /// The aligned sentences of every pair `a < b`, in order of `(a, b)`.
    pub alignments: Vec<Item<Vec<AlignedPair>>>,
    /// The story's claims.
    pub story: Vec<Item<Claim>>,
    /// The provenance links.
    pub provenance: Vec<Item<Link>>,
}

/// The name both sides give a snapshot: FNV-1a (64 bits) of its JSON
/// ([`Snapshot::to_json`]), so equal snapshots have equal fingerprints wherever they were made.
pub fn fingerprint(json: &str) -> u64 {
    json.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where each document of one snapshot stands in another.
struct Moves {
    /// `old_of[new position]`: the same document's old position (None for an added one).
    old_of: Vec<Option<usize>>,
    /// `new_of[old position]`: its new position (None for a removed one).
    new_of: Vec<Option<usize>>,
}

impl Moves {
    /// Matches `new` to `old`: a document is carried over when an old one is equal to it
    /// (same id, same text); each old document is matched once.
    fn new(old: &[Document], new: &[Document]) -> Moves {
        let mut by_id: HashMap<&str, Vec<usize>> = HashMap::default();
        for (j, d) in old.iter().enumerate().rev() {
            by_id.entry(d.id.as_str()).or_default().push(j);
        }
        let mut new_of = vec![None; old.len()];
        let old_of = new
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let same = by_id.get_mut(d.id.as_str())?;
                let at = same.iter().rposition(|&j| old[j] == *d)?;
                let j = same.remove(at);
                new_of[j] = Some(i);
                Some(j)
            })
            .collect();
        Moves { old_of, new_of }
    }

    fn entity(&self, e: &Entity) -> Option<Entity> {
        let mut per_doc: Vec<(usize, usize)> = e
            .mentions_per_doc
            .iter()
            .filter_map(|&(d, n)| Some((self.new_of.get(d).copied().flatten()?, n)))
            .collect();
        per_doc.sort_unstable();
        Some(Entity {
            mentions_per_doc: per_doc,
            ..e.clone()
        })
    }

    fn flag(&self, f: &Flag) -> Option<Flag> {
        Some(Flag {
            doc: self.new_of.get(f.doc).copied().flatten()?,
            ..f.clone()
        })
    }

    fn link(&self, l: &Link) -> Option<Link> {
        let at = |d: usize| self.new_of.get(d).copied().flatten();
        Some(Link {
            a: at(l.a)?,
            b: at(l.b)?,
            earlier: match l.earlier {
                Some(d) => Some(at(d)?),
                None => None,
            },
            ..l.clone()
        })
    }

    /// The claim with a column per new document (an added one reports nothing).
    fn claim(&self, c: &Claim) -> Option<Claim> {
        let cells: Vec<Cell> = self
            .old_of
            .iter()
            .map(|j| {
                j.and_then(|j| c.cells.get(j).copied())
                    .unwrap_or(Cell::Absent)
            })
            .collect();
        let conflict = c.conflict.as_ref().map(|x| Conflict {
            what: x.what,
            values: x
                .values
                .iter()
                .filter_map(|(d, text, value)| {
                    Some((
                        self.new_of.get(*d).copied().flatten()?,
                        text.clone(),
                        value.clone(),
                    ))
                })
                .collect(),
        });
        Some(Claim {
            passages: self
                .old_of
                .iter()
                .map(|j| {
                    j.and_then(|j| c.passages.get(j).cloned())
                        .unwrap_or_default()
                })
                .collect(),
            coverage: cells.iter().filter(|&&x| x != Cell::Absent).count(),
            cells,
            reports: c.reports,
            conflict,
        })
    }

    /// The aligned sentences of new pair `(a, b)`, when both documents were in the old one.
    fn pair(&self, old: &Snapshot, a: usize, b: usize) -> Option<Vec<AlignedPair>> {
        let (x, y) = (self.old_of.get(a).copied()??, self.old_of.get(b).copied()??);
        Some(old.aligned(x, y))
    }
}

/// Every pair `(a, b)`, `a < b`, of `n` documents, in the order a snapshot holds them.
fn pairs(n: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n).flat_map(move |a| (a + 1..n).map(move |b| (a, b)))
}

/// The runs of `new`: item `i` is carried over from candidate `j` (an old item as it would be
/// carried over) when `cands[j]` equals it, `j` being the one after the last carried item,
/// else the one `guess` names, else (when `scan`) the first equal one.
fn runs<T: PartialEq + Clone>(
    new: &[T],
    cands: &[Option<T>],
    guess: impl Fn(usize, &T) -> Option<usize>,
    scan: bool,
) -> Vec<Item<T>> {
    let fits = |j: usize, item: &T| cands.get(j).is_some_and(|c| c.as_ref() == Some(item));
    let mut out: Vec<Item<T>> = Vec::new();
    let mut next: Option<usize> = None;
    for (i, item) in new.iter().enumerate() {
        let found = [next, guess(i, item)]
            .into_iter()
            .flatten()
            .find(|&j| fits(j, item))
            .or_else(|| scan.then(|| (0..cands.len()).find(|&j| fits(j, item)))?);
        next = found.map(|j| j + 1);
        match (found, out.last_mut()) {
            (Some(j), Some(Item::Keep { from, len })) if *from + *len == j => *len += 1,
            (Some(j), _) => out.push(Item::Keep { from: j, len: 1 }),
            (None, _) => out.push(Item::New(item.clone())),
        }
    }
    out
}

/// The list that `items` give, carried items read through `candidate`.
fn unrun<T>(
    items: Vec<Item<T>>,
    what: &str,
    candidate: impl Fn(usize) -> Option<T>,
) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::New(x) => out.push(x),
            Item::Keep { from, len } => {
                for j in from..from.saturating_add(len) {
                    out.push(candidate(j).ok_or_else(|| {
                        format!(
                            "the engine's changes name {what} {j}, which this page does not hold"
                        )
                    })?);
                }
            }
        }
    }
    Ok(out)
}

/// The old list's item `j` as [`Moves`] would carry it over.
fn moved<T>(list: &[T], j: usize, carry: impl Fn(&T) -> Option<T>) -> Option<T> {
    carry(list.get(j)?)
}

impl Delta {
    /// What changed from `old` to `new`, where `new` holds the documents a request sent (its
    /// analysis made by [`Snapshot::build`]); None when `new` is not shaped as a build makes
    /// it, or when the changes would not give `new` back (then the engine sends it whole).
    pub fn between(old: &Snapshot, new: &Snapshot) -> Option<Delta> {
        let m = Moves::new(&old.docs, &new.docs);
        let canonical = new.alignments.len() == pairs(new.docs.len()).count()
            && new
                .alignments
                .iter()
                .zip(pairs(new.docs.len()))
                .all(|(p, (a, b))| (p.a, p.b) == (a, b));
        if !canonical || new.analysis.docs.len() != new.docs.len() {
            return None;
        }
        let entity_at: HashMap<&str, usize> = old
            .analysis
            .entities
            .iter()
            .enumerate()
            .map(|(j, e)| (e.id.as_str(), j))
            .collect();
        let new_aligned: Vec<Vec<AlignedPair>> =
            new.alignments.iter().map(|p| p.pairs.clone()).collect();
        let old_aligned: Vec<Option<Vec<AlignedPair>>> = pairs(new.docs.len())
            .map(|(a, b)| m.pair(old, a, b))
            .collect();
        let carried = |list: &[Claim]| list.iter().map(|c| m.claim(c)).collect::<Vec<_>>();
        let delta = Delta {
            base: fingerprint(&old.to_json()),
            hash: fingerprint(&new.to_json()),
            docs: new.docs.len(),
            analysis: runs(
                &new.analysis.docs,
                &old.analysis
                    .docs
                    .iter()
                    .cloned()
                    .map(Some)
                    .collect::<Vec<_>>(),
                |i, _| m.old_of[i],
                false,
            ),
            entities: runs(
                &new.analysis.entities,
                &old.analysis
                    .entities
                    .iter()
                    .map(|e| m.entity(e))
                    .collect::<Vec<_>>(),
                |_, e| entity_at.get(e.id.as_str()).copied(),
                false,
            ),
            flags: runs(
                &new.flags,
                &old.flags.iter().map(|f| m.flag(f)).collect::<Vec<_>>(),
                |_, _| None,
                true,
            ),
            alignments: runs(&new_aligned, &old_aligned, |k, _| Some(k), true),
            story: runs(&new.story, &carried(&old.story), |_, _| None, true),
            provenance: runs(
                &new.provenance,
                &old.provenance.iter().map(|l| m.link(l)).collect::<Vec<_>>(),
                |_, _| None,
                true,
            ),
        };
        let back = delta
            .clone()
            .apply(old, delta.base, new.docs.clone())
            .ok()?;
        (back == *new).then_some(delta)
    }

    /// The new snapshot: these changes applied to `old` (whose [`fingerprint`] is `old_hash`)
    /// with `docs`, the documents the request sent. Fails, saying why, when `old` is not the
    /// snapshot the changes were made from or `docs` not the request's.
    pub fn apply(
        self,
        old: &Snapshot,
        old_hash: u64,
        docs: Vec<Document>,
    ) -> Result<Snapshot, String> {
        if old_hash != self.base {
            return Err(
                "the engine's changes were made from another analysis than the one this page holds"
                    .into(),
            );
        }
        if docs.len() != self.docs {
            return Err(format!(
                "the engine's changes are for {} documents, this page sent {}",
                self.docs,
                docs.len()
            ));
        }
        let m = Moves::new(&old.docs, &docs);
        let new_pairs: Vec<(usize, usize)> = pairs(docs.len()).collect();
        let analysis = Analysis {
            docs: unrun(self.analysis, "the analysis of document", |j| {
                old.analysis.docs.get(j).cloned()
            })?,
            entities: unrun(self.entities, "entity", |j| {
                moved(&old.analysis.entities, j, |e| m.entity(e))
            })?,
        };
        let aligned = unrun(self.alignments, "the aligned pair", |k| {
            new_pairs.get(k).and_then(|&(a, b)| m.pair(old, a, b))
        })?;
        if aligned.len() != new_pairs.len() {
            return Err("the engine's changes do not align every pair of documents".into());
        }
        Ok(Snapshot {
            version: VERSION,
            analysis,
            flags: unrun(self.flags, "flag", |j| moved(&old.flags, j, |f| m.flag(f)))?,
            alignments: new_pairs
                .into_iter()
                .zip(aligned)
                .map(|((a, b), pairs)| PairAlignment { a, b, pairs })
                .collect(),
            story: unrun(self.story, "claim", |j| {
                moved(&old.story, j, |c| m.claim(c))
            })?,
            provenance: unrun(self.provenance, "provenance link", |j| {
                moved(&old.provenance, j, |l| m.link(l))
            })?,
            docs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A document by key: `s0`…`s4` the bundled seeds (in file order), else a file of
    /// `eval/dev/` named by its number (`101`), or of `eval/dev/alignments/` (`a113`, an
    /// edited copy of 113).
    fn doc(key: &str) -> Document {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (dir, prefix) = match (key.strip_prefix('s'), key.strip_prefix('a')) {
            (Some(n), _) => (root.join("seeds"), format!("{n:0>3}_")),
            (_, Some(n)) => (root.join("eval/dev/alignments"), format!("{n}_")),
            _ => (root.join("eval/dev"), format!("{key}_")),
        };
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("the texts' folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with(&prefix) && name.ends_with(".txt")
            })
            .collect();
        names.sort();
        let path = names.first().unwrap_or_else(|| panic!("no text {key}"));
        let text = std::fs::read_to_string(path).expect("UTF-8");
        Document::new(
            crate::document::id_from_file_name(&path.file_name().unwrap().to_string_lossy()),
            text.as_str(),
        )
    }

    const SEEDS: [&str; 5] = ["s0", "s1", "s2", "s3", "s4"];

    /// How many items of each list came new: (analyses, entities, flags, pairs, claims, links).
    type News = (usize, usize, usize, usize, usize, usize);

    #[track_caller]
    fn check(name: &str, old: &[&str], new: &[&str], expect: News) {
        let old: Vec<Document> = old.iter().map(|k| doc(k)).collect();
        let new: Vec<Document> = new.iter().map(|k| doc(k)).collect();
        let (o, n) = (Snapshot::build(old), Snapshot::build(new.clone()));
        let delta = Delta::between(&o, &n).unwrap_or_else(|| panic!("{name}: no changes"));
        let json = serde_json::to_string(&delta).unwrap();
        let read: Delta = serde_json::from_str(&json).unwrap();
        assert_eq!(read, delta, "{name}: JSON round trip");
        fn news<T>(items: &[Item<T>]) -> usize {
            items.iter().filter(|i| matches!(i, Item::New(_))).count()
        }
        let got = (
            news(&delta.analysis),
            news(&delta.entities),
            news(&delta.flags),
            news(&delta.alignments),
            news(&delta.story),
            news(&delta.provenance),
        );
        let applied = read
            .apply(&o, fingerprint(&o.to_json()), new)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            applied == n,
            "{name}: the changes applied to the old snapshot are not the new one"
        );
        assert_eq!(
            got, expect,
            "{name}: new (analyses, entities, flags, pairs, claims, links)"
        );
    }

    /// (name, old documents, new documents, what came new).
    type Row = (
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        News,
    );

    const ROWS: &[Row] = &[
        (
            "an unrelated article joins the bundled story",
            &SEEDS,
            &["s0", "s1", "s2", "s3", "s4", "101"],
            (1, 32, 0, 0, 0, 0),
        ),
        ("nothing changed", &SEEDS, &SEEDS, (0, 0, 0, 0, 0, 0)),
        (
            "the first article of a new collection",
            &[],
            &["101"],
            (1, 32, 0, 0, 0, 0),
        ),
        ("the last article leaves", &["101"], &[], (0, 0, 0, 0, 0, 0)),
        (
            "a report of another marathon joins (one entity now in both)",
            &["101"],
            &["101", "114"],
            (1, 30, 0, 1, 0, 0),
        ),
        (
            "a report of another marathon leaves",
            &["101", "114"],
            &["101"],
            (0, 0, 0, 0, 0, 0),
        ),
        (
            "an article leaves from between others",
            &["s0", "101", "114"],
            &["s0", "114"],
            (0, 0, 0, 0, 0, 0),
        ),
        (
            "the order changes",
            &["s0", "s1", "s2"],
            &["s2", "s0", "s1"],
            (0, 0, 0, 0, 0, 0),
        ),
        (
            "an edited copy joins its original",
            &["101", "113"],
            &["101", "113", "a113"],
            (2, 19, 0, 1, 9, 0),
        ),
        (
            "a machine rewrite joins its source (flagged)",
            &["107"],
            &["107", "a107"],
            (2, 27, 1, 1, 26, 1),
        ),
        (
            "the machine rewrite leaves",
            &["107", "a107"],
            &["107"],
            (1, 2, 0, 0, 0, 0),
        ),
        (
            "the first seed leaves: four others' analyses and a flag change",
            &SEEDS,
            &["s1", "s2", "s3", "s4"],
            (4, 6, 1, 0, 0, 0),
        ),
        (
            "a seed leaves: two flags of others change their evidence",
            &SEEDS,
            &["s0", "s1", "s3", "s4"],
            (4, 3, 2, 0, 1, 0),
        ),
        (
            "the flagged machine rewrite leaves the bundled story",
            &SEEDS,
            &["s0", "s1", "s2", "s4"],
            (0, 3, 0, 0, 1, 0),
        ),
    ];

    #[test]
    fn the_changes_give_the_new_snapshot() {
        for (name, old, new, expect) in ROWS {
            check(name, old, new, *expect);
        }
    }

    #[test]
    fn changes_apply_only_to_their_base() {
        let (a, b) = (vec![doc("s4")], vec![doc("s4"), doc("s0")]);
        let (o, n) = (Snapshot::build(a.clone()), Snapshot::build(b.clone()));
        let delta = Delta::between(&o, &n).unwrap();
        let hash = fingerprint(&o.to_json());
        assert_eq!(delta.base, hash);
        assert_eq!(delta.hash, fingerprint(&n.to_json()));
        let e = delta.clone().apply(&o, hash ^ 1, b.clone()).unwrap_err();
        assert!(e.contains("another analysis"), "{e}");
        let e = delta.clone().apply(&o, hash, a).unwrap_err();
        assert!(e.contains("for 2 documents, this page sent 1"), "{e}");
        let e = delta.apply(&Snapshot::empty(), hash, b).unwrap_err();
        assert!(e.contains("does not hold"), "{e}");
    }
}
