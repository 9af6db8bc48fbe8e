//! One analysis over a set of documents: sentences, line roles and entity mentions of each,
//! and the entities they refer to, linked across documents.
//!
//! **Linking.** Mentions of one label are grouped under one entity when they are forms of one
//! name: a surname or given name alone after a full name (nearest preceding full name in the
//! same document, else the most mentioned one in the set); two full names whose given names
//! match and whose surnames differ by a small edit (transliterations, misspellings: Peskov /
//! Pescov); alias forms of places and bodies (US / U.S. / United States / America); an acronym
//! and the long form whose initials it spells (NATO / North Atlantic Treaty Organization).
//! People with the same surname but different given names stay apart. Entity ids are readable
//! slugs of the canonical (longest) name, made unique with the label, deterministic for the
//! same input.

use crate::entities;
pub use crate::model::{Entity, Label, Mention};
use crate::offsets::{CharIndex, Span};
use crate::text::lines::{line_roles, LineRole};
use crate::text::sentences::sentences_of;
use crate::text::tokens::{tokenize, Token};
use crate::Document;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::BTreeMap;

/// The analysis of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocAnalysis {
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Non-blank lines and their roles.
    pub lines: Vec<(Span, LineRole)>,
    /// Entity mentions: sorted, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Quotations with their speakers (see [`crate::quotes`]).
    pub quotes: Vec<crate::quotes::Quote>,
    /// (entity id, descriptor, descriptor span): roles the text gives people and bodies
    /// (see [`crate::descriptors`]).
    pub descriptors: Vec<(String, String, Span)>,
}

/// The analysis of a set of documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    /// One per input document, in order.
    pub docs: Vec<DocAnalysis>,
    /// Every entity, ordered by label then id.
    pub entities: Vec<Entity>,
}

impl Analysis {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// Analyses `docs` together: every mention gets an entity id shared across documents.
pub fn analyse(docs: &[Document]) -> Analysis {
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let lines: Vec<Vec<(Span, LineRole)>> = docs.iter().map(|d| d.lines.clone()).collect();
    analyse_with_lines(&texts, lines)
}

/// Like [`analyse`] over bare texts.
pub fn analyse_texts(texts: &[&str]) -> Analysis {
    analyse_with_lines(texts, texts.iter().map(|t| line_roles(t)).collect())
}

/// The analysis, given each text's line roles.
fn analyse_with_lines(texts: &[&str], lines: Vec<Vec<(Span, LineRole)>>) -> Analysis {
    let mut lines = lines.into_iter();
    let mut docs = Vec::with_capacity(texts.len());
    let mut raw: Vec<Vec<(Span, Label, String)>> = Vec::with_capacity(texts.len());
    for text in texts {
        let toks = tokenize(text);
        let sentences = sentences_of(&toks);
        let found = entities::recognize_tokens(&toks, &sentences);
        // mentions start and end at token boundaries, so the tokens give their byte offsets
        let mut ix: Option<CharIndex> = None;
        raw.push(
            found
                .into_iter()
                .map(|(span, l)| {
                    let covered = match token_bytes(&toks, span) {
                        Some(bytes) => &text[bytes],
                        None => ix
                            .get_or_insert_with(|| CharIndex::new(text))
                            .slice(text, span),
                    };
                    (span, l, normalise_ws(covered))
                })
                .collect(),
        );
        docs.push(DocAnalysis {
            sentences,
            lines: lines.next().unwrap_or_else(|| line_roles(text)),
            ..DocAnalysis::default()
        });
    }
    relabel_across_documents(&mut raw);
    let (ids, entities) = link(&raw);
    for (d, ms) in raw.into_iter().enumerate() {
        docs[d].mentions = ms
            .into_iter()
            .zip(ids[d].iter())
            .map(|((span, label, _), id)| Mention {
                span,
                label,
                entity: id.clone(),
            })
            .collect();
        let da = &mut docs[d];
        let (quotes, descriptors) = crate::quotes::quotes_and_descriptors(
            texts[d],
            &da.sentences,
            &da.mentions,
            Some(&da.lines),
        );
        da.quotes = quotes;
        da.descriptors = descriptors;
    }
    Analysis { docs, entities }
}

/// A single capitalised word guessed to be an organisation in one document is a person when
/// another document of the set uses it as the surname of a full name ("Biden" after "Joe
/// Biden" elsewhere). Known organisations and acronyms keep their label.
fn relabel_across_documents(raw: &mut [Vec<(Span, Label, String)>]) {
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    for ms in raw.iter() {
        for (_, l, t) in ms {
            if *l == Label::Person {
                // the last of two or more words
                if let Some((_, last)) = t.rsplit_once(' ') {
                    if !surnames.contains(last) {
                        surnames.insert(last.to_string());
                    }
                }
            }
        }
    }
    for ms in raw.iter_mut() {
        for (_, l, t) in ms.iter_mut() {
            if *l == Label::Org
                && !t.contains(' ')
                && surnames.contains(t.as_str())
                && t.chars().any(char::is_lowercase)
                && entities::lexicon::known(t).is_none()
            {
                *l = Label::Person;
            }
        }
    }
}

/// The byte range `span` covers when it starts at a token's start and ends at a token's end.
fn token_bytes(toks: &[Token<'_>], span: Span) -> Option<std::ops::Range<usize>> {
    let first = &toks[toks.partition_point(|t| t.span.start < span.start)..];
    let first = first.first().filter(|t| t.span.start == span.start)?;
    let last = &toks[toks.partition_point(|t| t.span.end < span.end)..];
    let last = last.first().filter(|t| t.span.end == span.end)?;
    (first.byte <= last.byte).then(|| first.byte..last.byte + last.text.len())
}

/// The words of `s` joined by single spaces.
fn normalise_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Lower-case key of a name: no full stops, no leading "the", straight apostrophes.
fn name_key(s: &str) -> String {
    let mut k: String = s
        .chars()
        .filter(|c| *c != '.')
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    if k.starts_with("the ") {
        k.replace_range(.."the ".len(), "");
    }
    k
}

/// The key of a name's entity: `key` itself unless it is one of a few aliases.
fn alias(label: Label, key: String) -> String {
    let k = match (label, key.as_str()) {
        (Label::Place, "us" | "usa" | "united states" | "united states of america" | "america") => {
            "united states"
        }
        (Label::Place, "uk" | "united kingdom" | "britain" | "great britain") => "united kingdom",
        (Label::Place, "kiev" | "kyiv") => "kyiv",
        (Label::Place, "uae") => "united arab emirates",
        (Label::Place, "dc" | "washington dc" | "washington, dc") => "washington, dc",
        (Label::Org, "un") => "united nations",
        (Label::Org, "eu") => "european union",
        (Label::Group, k) => return k.strip_suffix('s').unwrap_or(k).to_string(),
        (Label::Org, k) => {
            // "Apple Inc." and "Apple" are one company
            for suf in [
                " inc",
                " corp",
                " corporation",
                " co",
                " ltd",
                " limited",
                " plc",
                " llc",
                " ag",
                " sa",
            ] {
                if let Some(stem) = k.strip_suffix(suf) {
                    if !stem.is_empty() {
                        return stem.trim_end_matches(',').to_string();
                    }
                }
            }
            k
        }
        (_, k) => k,
    };
    if k == key {
        key
    } else {
        k.to_string()
    }
}

fn initials(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let letters = || s.chars().filter(|c| *c != '.');
    (2..=7).contains(&letters().count()) && letters().all(char::is_uppercase)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 3 {
        return 4;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn similar_surname(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb {
        return true;
    }
    let n = la.chars().count().min(lb.chars().count());
    n >= 4
        && la.chars().next() == lb.chars().next()
        && edit_distance(&la, &lb) <= if n >= 7 { 2 } else { 1 }
}

fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    let mut prev_digit = false;
    for c in s.chars() {
        if c == '.' && prev_digit {
            dash = true; // "3.5" -> "3-5", not "35"
            continue;
        }
        prev_digit = c.is_ascii_digit();
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '.' && c != '\'' && c != '’' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

struct Uf(Vec<usize>);
impl Uf {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

/// One mention as linking sees it.
struct Flat<'a> {
    /// Its document.
    doc: usize,
    /// Its index among the document's mentions.
    index: usize,
    label: Label,
    /// Its text, whitespace folded.
    text: &'a str,
}

/// Given names shorter than this are not compared for spelling variants ("Al" / "Ali").
const MIN_GIVEN_FOR_SPELLING: usize = 4;
/// Given names this many edits apart are spellings of one name (Sergei / Sergey).
const MAX_GIVEN_SPELLING_EDITS: usize = 1;
/// Initials shorter than this are no acronym (a single letter says nothing).
const MIN_INITIALS: usize = 2;

/// The people's full names: distinct (given, surname) pairs, lower case, with their mentions.
#[derive(Default)]
struct FullNames {
    keys: Vec<(String, String)>,
    /// For each key, its mentions (indices into the flat list), in order.
    members: Vec<Vec<usize>>,
}

/// The linking state: every mention in one flat list, and the groups found so far.
struct Linker<'a> {
    flat: Vec<Flat<'a>>,
    uf: Uf,
}

/// Groups mentions into entities. Returns the id of each mention and the entities.
///
/// Passes, in order: alias keys, acronyms, people's full names (then similar surnames and
/// given-name spellings), single names, then groups become entities with ids.
fn link(raw: &[Vec<(Span, Label, String)>]) -> (Vec<Vec<String>>, Vec<Entity>) {
    let flat: Vec<Flat<'_>> = raw
        .iter()
        .enumerate()
        .flat_map(|(doc, ms)| {
            ms.iter()
                .enumerate()
                .map(move |(index, (_, label, text))| Flat {
                    doc,
                    index,
                    label: *label,
                    text: text.as_str(),
                })
        })
        .collect();
    let n = flat.len();
    let mut linker = Linker {
        flat,
        uf: Uf((0..n).collect()),
    };
    linker.same_alias();
    linker.acronyms();
    let (names, singles) = linker.full_names();
    linker.similar_surnames(&names);
    linker.given_name_spellings(&names);
    linker.single_names(&names, &singles);
    let mut entities = linker.entities();
    assign_ids(&mut entities);
    let mut ids: Vec<Vec<String>> = raw.iter().map(|ms| vec![String::new(); ms.len()]).collect();
    for (e, members) in &entities {
        for &k in members {
            let m = &linker.flat[k];
            ids[m.doc][m.index] = e.id.clone();
        }
    }
    (ids, entities.into_iter().map(|(e, _)| e).collect())
}

impl<'a> Linker<'a> {
    /// The words of mention `k` that hold a letter.
    fn words(&self, k: usize) -> Vec<&'a str> {
        self.flat[k]
            .text
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect()
    }

    /// Pass 1: same label and same alias key (US / U.S. / United States).
    fn same_alias(&mut self) {
        let mut first_of: HashMap<(Label, String), usize> = HashMap::default();
        for (k, m) in self.flat.iter().enumerate() {
            let key = alias(m.label, name_key(m.text));
            match first_of.entry((m.label, key)) {
                Entry::Occupied(f) => self.uf.union(*f.get(), k),
                Entry::Vacant(v) => {
                    v.insert(k);
                }
            }
        }
    }

    /// Pass 2: an acronym and the long form whose initials it spells (ORG and PLACE).
    fn acronyms(&mut self) {
        let mut long_by_initials: HashMap<(Label, String), usize> = HashMap::default();
        for (k, m) in self.flat.iter().enumerate() {
            if matches!(m.label, Label::Org | Label::Place) && m.text.contains(' ') {
                let ini = initials(m.text);
                if ini.chars().count() >= MIN_INITIALS {
                    long_by_initials.entry((m.label, ini)).or_insert(k);
                }
            }
        }
        for (k, m) in self.flat.iter().enumerate() {
            if matches!(m.label, Label::Org | Label::Place) && is_acronym(m.text) {
                let a: String = m.text.chars().filter(|c| *c != '.').collect();
                if let Some(&l) = long_by_initials.get(&(m.label, a)) {
                    self.uf.union(l, k);
                }
            }
        }
    }

    /// Pass 3: people with the same given name and surname. Works on distinct names, not
    /// mentions, so the later passes stay linear in the number of mentions. Returns the full
    /// names and the mentions of one word (single names).
    fn full_names(&mut self) -> (FullNames, Vec<usize>) {
        let mut names = FullNames::default();
        let mut key_ix: HashMap<(String, String), usize> = HashMap::default();
        let mut singles: Vec<usize> = Vec::new();
        for k in 0..self.flat.len() {
            if self.flat[k].label != Label::Person {
                continue;
            }
            let w = self.words(k);
            match w.len() {
                0 => {}
                1 => singles.push(k),
                _ => {
                    let key = (w[0].to_lowercase(), w[w.len() - 1].to_lowercase());
                    let ix = match key_ix.get(&key) {
                        Some(&ix) => ix,
                        None => {
                            names.keys.push(key.clone());
                            names.members.push(Vec::new());
                            key_ix.insert(key, names.keys.len() - 1);
                            names.keys.len() - 1
                        }
                    };
                    if let Some(&first) = names.members[ix].first() {
                        self.uf.union(first, k);
                    }
                    names.members[ix].push(k);
                }
            }
        }
        (names, singles)
    }

    /// Pass 4: same given name, similar surname (Peskov / Pescov).
    fn similar_surnames(&mut self, names: &FullNames) {
        let mut by_given: HashMap<&str, Vec<usize>> = HashMap::default();
        for (ix, (g, _)) in names.keys.iter().enumerate() {
            by_given.entry(g.as_str()).or_default().push(ix);
        }
        for ixs in by_given.values() {
            for (a_i, &a) in ixs.iter().enumerate() {
                for &b in &ixs[a_i + 1..] {
                    if similar_surname(&names.keys[a].1, &names.keys[b].1) {
                        self.uf.union(names.members[a][0], names.members[b][0]);
                    }
                }
            }
        }
    }

    /// Pass 5: same surname, given names spelt differently (Sergei / Sergey Lavrov).
    fn given_name_spellings(&mut self, names: &FullNames) {
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
        for (ix, (_, l)) in names.keys.iter().enumerate() {
            by_surname.entry(l.as_str()).or_default().push(ix);
        }
        for ixs in by_surname.values() {
            for (a_i, &a) in ixs.iter().enumerate() {
                for &b in &ixs[a_i + 1..] {
                    let (ga, gb) = (&names.keys[a].0, &names.keys[b].0);
                    if ga.chars().count() >= MIN_GIVEN_FOR_SPELLING
                        && gb.chars().count() >= MIN_GIVEN_FOR_SPELLING
                        && ga.chars().next() == gb.chars().next()
                        && edit_distance(ga, gb) <= MAX_GIVEN_SPELLING_EDITS
                    {
                        self.uf.union(names.members[a][0], names.members[b][0]);
                    }
                }
            }
        }
    }

    /// Pass 6: a single name joins the full name ending (or starting) with that word: the
    /// nearest one before it in its document, else one later in it, else the most mentioned
    /// elsewhere; an exact word beats a similar surname.
    fn single_names(&mut self, names: &FullNames, singles: &[usize]) {
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        for (ix, (g, l)) in names.keys.iter().enumerate() {
            by_word.entry(l.as_str()).or_default().push(ix);
            if g != l {
                by_word.entry(g.as_str()).or_default().push(ix);
            }
        }
        let surnames: Vec<&str> = {
            let mut v: Vec<&str> = names.keys.iter().map(|k| k.1.as_str()).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // positions of each distinct full name per document (mention order, sorted)
        let mut positions: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
        for (ix, members) in names.members.iter().enumerate() {
            for &m in members {
                let f = &self.flat[m];
                positions.entry((ix, f.doc)).or_default().push(f.index);
            }
        }
        for &k in singles {
            let w = self.words(k)[0].to_lowercase();
            let (d, i) = (self.flat[k].doc, self.flat[k].index);
            let mut cands: Vec<(usize, bool)> = by_word
                .get(w.as_str())
                .map(|v| v.iter().map(|&x| (x, true)).collect())
                .unwrap_or_default();
            if cands.is_empty() {
                for sn in surnames.iter().filter(|sn| similar_surname(sn, &w)) {
                    cands.extend(by_word.get(sn).into_iter().flatten().map(|&x| (x, false)));
                }
            }
            let mut best: Option<(usize, (u8, usize))> = None;
            for (ix, exact) in cands {
                let members = &names.members[ix];
                // rank: same document before it > same document after it > other documents by size
                let pos = positions.get(&(ix, d));
                let before = pos.and_then(|p| {
                    let at = p.partition_point(|&x| x < i);
                    at.checked_sub(1).map(|j| p[j])
                });
                let same_doc = pos.is_some();
                let rank = match (before, same_doc) {
                    (Some(p), _) => (3, p),
                    (None, true) => (2, 0),
                    _ => (1, members.len()),
                };
                let rank = (rank.0 * 2 + u8::from(exact), rank.1);
                if best.as_ref().is_none_or(|b| rank > b.1) {
                    best = Some((members[0], rank));
                }
            }
            if let Some((f, _)) = best {
                self.uf.union(f, k);
            }
        }
    }

    /// The groups as entities (ids still empty), each with its mentions, sorted by label, name
    /// and first mention.
    fn entities(&mut self) -> Vec<(Entity, Vec<usize>)> {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for k in 0..self.flat.len() {
            groups.entry(self.uf.find(k)).or_default().push(k);
        }
        let mut entities: Vec<(Entity, Vec<usize>)> = groups
            .into_values()
            .map(|members| (self.entity_of(&members), members))
            .collect();
        entities.sort_by(|a, b| {
            (a.0.label, &a.0.name)
                .cmp(&(b.0.label, &b.0.name))
                .then(a.1.cmp(&b.1))
        });
        entities
    }

    /// The entity of one group of mentions: its canonical name, variants and mentions per
    /// document (no id yet).
    fn entity_of(&self, members: &[usize]) -> Entity {
        let label = self.flat[members[0]].label;
        // distinct forms, sorted, with how many mentions use each
        let mut forms: Vec<&str> = members.iter().map(|&k| self.flat[k].text).collect();
        forms.sort_unstable();
        let mut distinct: Vec<(&str, usize)> = Vec::new();
        for f in forms {
            match distinct.last_mut() {
                Some((g, c)) if *g == f => *c += 1,
                _ => distinct.push((f, 1)),
            }
        }
        // how often the form's last word is used ("Lopez" after "Maria Lopez" counts for it)
        let count = |v: &str| -> usize {
            let last = v.rsplit(' ').next().unwrap_or(v);
            distinct
                .iter()
                .filter(|(x, _)| x.split(' ').any(|w| w == last))
                .map(|&(_, c)| c)
                .sum()
        };
        // canonical: the longest form, then the most used, then the first in order
        let name = distinct
            .iter()
            .max_by_key(|(v, _)| (v.chars().count(), count(v), std::cmp::Reverse(*v)))
            .map(|(v, _)| v.to_string())
            .unwrap_or_default();
        let variants: Vec<String> = distinct.iter().map(|(v, _)| v.to_string()).collect();
        let mut per: BTreeMap<usize, usize> = BTreeMap::new();
        for &k in members {
            *per.entry(self.flat[k].doc).or_default() += 1;
        }
        Entity {
            id: String::new(),
            label,
            name,
            variants,
            mentions_per_doc: per.into_iter().collect(),
        }
    }
}

/// Ids: the slug of the name; names whose slugs collide get the label, then a number.
fn assign_ids(entities: &mut [(Entity, Vec<usize>)]) {
    let mut base_count: HashMap<String, usize> = HashMap::default();
    for (e, _) in entities.iter() {
        *base_count.entry(slug(&e.name)).or_default() += 1;
    }
    let mut taken: HashMap<String, usize> = HashMap::default();
    for (e, _) in entities.iter_mut() {
        let base = slug(&e.name);
        let mut id = if base_count[&base] > 1 {
            format!("{base}-{}", e.label.as_str().to_lowercase())
        } else {
            base
        };
        let c = taken.entry(id.clone()).or_default();
        *c += 1;
        if *c > 1 {
            id = format!("{id}-{c}");
        }
        e.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows: (texts, [(mention text, entity id)]) - every listed mention must carry that id.
    #[track_caller]
    fn check(texts: &[&str], expected: &[(&str, &str)]) {
        let a = analyse_texts(texts);
        let mut got: Vec<(String, String)> = Vec::new();
        for (d, da) in a.docs.iter().enumerate() {
            let ix = CharIndex::new(texts[d]);
            for m in &da.mentions {
                got.push((ix.slice(texts[d], m.span).to_string(), m.entity.clone()));
            }
        }
        for (t, id) in expected {
            assert!(
                got.iter().any(|(gt, gid)| gt == t && gid == id),
                "expected {t:?} -> {id:?}\n got: {got:#?}"
            );
        }
    }

    #[test]
    fn linking() {
        check(
            &[
                "Senator Maria Lopez said on Monday she would run. Lopez, 52, is a lawyer.",
                "Maria Lopes spoke to the press.",
            ],
            &[
                ("Maria Lopez", "maria-lopez"),
                ("Lopez", "maria-lopez"),
                ("Maria Lopes", "maria-lopez"),
            ],
        );
        check(
            &[
                "The U.S. and the United States are one. America agrees.",
                "Officials in the US said so.",
            ],
            &[
                ("U.S.", "united-states"),
                ("US", "united-states"),
                ("America", "united-states"),
            ],
        );
        check(
            &["The North Atlantic Treaty Organization met. NATO said no."],
            &[("NATO", "north-atlantic-treaty-organization")],
        );
        check(
            &["Paul Smith met Anna Smith. Later Anna Smith left and Paul Smith stayed."],
            &[("Paul Smith", "paul-smith"), ("Anna Smith", "anna-smith")],
        );
    }

    #[test]
    fn ids_unique_and_deterministic() {
        let t = ["Jordan visited Jordan. Mr. Michael Jordan said hello."];
        let a = analyse_texts(&t);
        let b = analyse_texts(&t);
        assert_eq!(a, b);
        let mut ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(n, ids.len());
    }

    #[test]
    fn documents_and_bare_texts_analyse_alike() {
        let texts = [
            "Storm hits coast\n\nStorm hits coast\n(Photo: Ann Lee/Reuters)\nThe storm reached Dover on Monday, police said.",
            "March 3, 2021\n\nThe mayor of Leeds, Tom Hill, resigned on Tuesday.\n\nRead more: council news",
        ];
        let docs: Vec<crate::Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::Document::new(format!("d{i}"), *t))
            .collect();
        assert_eq!(analyse(&docs), analyse_texts(&texts));
    }
}
