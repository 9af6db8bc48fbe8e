//! Source flags: badges with evidence that warn a reader about a source.
//!
//! - `machine_rewrite`: a machine-rewritten copy (spinning, a translator's round trip).
//!   Internal evidence (no original needed): capitalised names that are not WordNet's fixed
//!   names but become one when a word is replaced by a WordNet synonym ("White Home" -> "White
//!   House"; `data/spun_names.txt`), names WordNet only writes with a capital written in lower
//!   case in running text ("america"), one name spelled two ways ("Tarapaca" / "Tarapaka"),
//!   and names the text itself capitalises written in lower case mid-sentence ("iquique"). With
//!   another source in the set: the two follow each other sentence by sentence (the order
//!   pass of [`crate::align`]) and their differences are mostly short word-for-word
//!   substitutions, either many of them WordNet synonyms or, with no thesaurus, many in most
//!   sentences with no new fact (no number, no other name); of the two, the copy is the side
//!   whose substituted words have fewer WordNet senses (a spinner's rarer lemmas), then the
//!   rarer, then the one with more internal evidence. A heavy human edit restructures
//!   sentences, an update changes figures and names, a wire copy changes little: none is
//!   flagged. The evidence names the substituted pairs.
//! - `date_conflict`: the article's own date (its date line) is later than every year its
//!   events carry, in its own text or, when it names none, in the sources it aligns with.
//! - `repeated_headline`, `furniture_heavy`: from the line roles of [`crate::text::lines`].
//! - `descriptor_conflict`: one entity given roles of incompatible classes
//!   ([`crate::descriptors::roles_conflict`]), within or across sources.

use crate::align::{features::Corpus, lexicon::Synonyms, DocInput};
use crate::descriptors::roles_conflict;
use crate::provenance::{date_line, is_common, Link, Relation};
use crate::text::lines::{line_roles, LineRole};
use crate::{CharIndex, Span};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const PROPER: &str = include_str!("../../data/proper_names.txt");
const SPUN: &str = include_str!("../../data/spun_names.txt");

/// Share of a text's characters in captions, credits, keyword lines, bylines and furniture
/// above which it is `furniture_heavy`.
pub const FURNITURE_SHARE: f32 = 0.16;

/// What a flag says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A synonym-spun copy.
    MachineRewrite,
    /// Its date disagrees with the dates of its events.
    DateConflict,
    /// The headline is repeated.
    RepeatedHeadline,
    /// Much of the text is captions, credits or boilerplate.
    FurnitureHeavy,
    /// An entity is given incompatible roles.
    DescriptorConflict,
}

impl FlagKind {
    /// The snake-case name, as serialised.
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagKind::MachineRewrite => "machine_rewrite",
            FlagKind::DateConflict => "date_conflict",
            FlagKind::RepeatedHeadline => "repeated_headline",
            FlagKind::FurnitureHeavy => "furniture_heavy",
            FlagKind::DescriptorConflict => "descriptor_conflict",
        }
    }
}

/// A flag on one document, with a short human sentence quoting the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// Index of the document in the input.
    pub doc: usize,
    /// What is flagged.
    pub flag: FlagKind,
    /// What was found.
    pub evidence: String,
}

/// A descriptor the analysis found: the entity id, the name as written, the descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DescriptorIn<'a> {
    /// Entity id (shared across documents).
    pub entity: &'a str,
    /// The name as written next to the descriptor ("Joe Biden", "Biden"), shown in evidence.
    pub name: &'a str,
    /// The descriptor text ("US President").
    pub text: &'a str,
}

fn proper() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PROPER.lines().collect())
}

/// Spun variants of WordNet's fixed names: variant -> name ("white home" -> "white house").
fn spun() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| SPUN.lines().filter_map(|l| l.split_once('|')).collect())
}

/// Words of a line with their capitalisation and whether they start a sentence.
fn words_of(line: &str) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    let mut initial = true;
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<(String, bool, bool)>, initial: &mut bool| {
        if !cur.is_empty() {
            let cap = cur.chars().next().is_some_and(char::is_uppercase);
            out.push((std::mem::take(cur), cap, *initial));
            *initial = false;
        }
    };
    for c in line.chars() {
        if c.is_alphabetic() || (c == '-' && !cur.is_empty()) {
            cur.push(c);
        } else {
            flush(&mut cur, &mut out, &mut initial);
            if matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '(' | '•') {
                initial = true;
            }
        }
    }
    flush(&mut cur, &mut out, &mut initial);
    out
}

/// Internal evidence of spinning in a text: (spun fixed names, shown as “as written” (for
/// “WordNet name”), every occurrence of a proper name written in lower case).
pub fn spin_evidence(text: &str) -> (Vec<String>, Vec<String>) {
    spin_evidence_in(text, &line_roles(text))
}

/// [`spin_evidence`] given the text's line roles.
fn spin_evidence_in(text: &str, roles: &[(Span, LineRole)]) -> (Vec<String>, Vec<String>) {
    let syn = Synonyms::get();
    let spun = spun();
    let proper = proper();
    let ix = CharIndex::new(text);
    let mut names = Vec::new();
    let mut lower = Vec::new();
    for &(span, role) in roles {
        if !role.is_content() {
            continue;
        }
        let line = ix.slice(text, span);
        let ws = words_of(line);
        for (w, cap, initial) in &ws {
            // A name WordNet only capitalises, written in lower case ("america"); not when a
            // base form is an ordinary word ("acts": "act").
            if !cap
                && !initial
                && proper.contains(w.as_str())
                && !crate::align::lexicon::base_forms(w)
                    .iter()
                    .skip(1)
                    .any(|b| syn.is_word(b))
            {
                lower.push(w.clone());
            }
        }
        // Capitalised runs of two or three words.
        let mut k = 0;
        while k < ws.len() {
            if !ws[k].1 {
                k += 1;
                continue;
            }
            let mut e = k;
            while e < ws.len() && ws[e].1 {
                e += 1;
            }
            for len in [3usize, 2] {
                for s in k..e.saturating_sub(len - 1) {
                    let run: Vec<String> =
                        ws[s..s + len].iter().map(|w| w.0.to_lowercase()).collect();
                    let joined = run.join(" ");
                    if let Some(found) = spun.get(joined.as_str()) {
                        let shown = format!(
                            "“{}” (for “{}”)",
                            ws[s..s + len]
                                .iter()
                                .map(|w| w.0.as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                            title(found)
                        );
                        if !names.contains(&shown) {
                            names.push(shown);
                        }
                    }
                }
            }
            k = e;
        }
    }
    (names, lower)
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Evidence of machine rewriting inside one text that needs no thesaurus: one name spelled
/// two ways (“Peskov” / “Pescov”: the same length, one letter inside the word different or two
/// swapped) and names the text itself capitalises written in lower case mid-sentence
/// (“tainan” where it elsewhere writes “Tainan”). Returns (spelling pairs, lower-cased names
/// shown as “as written” (for “Name”)).
fn name_evidence_in(text: &str, roles: &[(Span, LineRole)]) -> (Vec<String>, Vec<String>) {
    let ix = CharIndex::new(text);
    let mut words: Vec<(String, bool, bool)> = Vec::new();
    for &(span, role) in roles {
        if role.is_content() {
            words.extend(words_of(ix.slice(text, span)));
        }
    }
    // Names as the text writes them: capitalised inside a sentence, not all capitals, not a
    // common word.
    let mut names: Vec<&str> = words
        .iter()
        .filter(|(w, cap, initial)| {
            *cap && !*initial
                && w.chars().count() >= 4
                && !w.chars().all(char::is_uppercase)
                && !is_common(&w.to_lowercase())
        })
        .map(|(w, _, _)| w.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut spellings = Vec::new();
    for (k, a) in names.iter().enumerate() {
        for b in &names[k + 1..] {
            if one_letter_apart(a, b) {
                spellings.push(format!("“{a}” / “{b}”"));
            }
        }
    }
    let mut lower = Vec::new();
    for (w, cap, initial) in &words {
        if *cap || *initial || w.chars().count() < 5 {
            continue;
        }
        let shown = names.iter().find(|n| n.to_lowercase() == *w);
        if let Some(n) = shown {
            let item = format!("“{w}” (for “{n}”)");
            if !lower.contains(&item) && !is_common(w) {
                lower.push(item);
            }
        }
    }
    (spellings, lower)
}

/// The same length (five letters or more), the same first and last letter, and one letter
/// different or two neighbours swapped: a misspelling, not another word or an inflection.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len() != y.len() || x.len() < 5 || x[0] != y[0] || x[x.len() - 1] != y[y.len() - 1] {
        return false;
    }
    let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i],
        _ => false,
    }
}

/// A spun fixed name counts this much towards `machine_rewrite` on internal evidence alone.
const SPUN_NAME_WEIGHT: usize = 2;
/// So does one name spelled two ways.
const SPELLING_WEIGHT: usize = 2;
/// Proper names written in lower case count at most this many (one text may just be sloppy).
const MAX_LOWER_NAMES_COUNTED: usize = 3;
/// Internal evidence of at least this weight makes a spun copy without any original.
const MIN_INTERNAL_EVIDENCE: usize = 3;
/// A text is `furniture_heavy` only with at least this many such lines (one long caption is
/// not boilerplate).
const MIN_FURNITURE_LINES: usize = 3;

/// Flags over a set of documents taken together. `names` name the documents in evidence
/// (file names; "document N" where missing); `descriptors` has one list per document (or is
/// empty).
pub fn flags(
    docs: &[DocInput<'_>],
    names: &[&str],
    descriptors: &[Vec<DescriptorIn<'_>>],
) -> Vec<Flag> {
    let name = |d: usize| {
        names
            .get(d)
            .map_or(format!("document {d}"), |n| n.to_string())
    };
    let lines: Vec<Vec<(Span, LineRole)>> = docs.iter().map(|d| line_roles(d.text)).collect();
    let mut out = Vec::new();
    let corpus = Corpus::new(docs);
    let pairs = crate::align::all_pairs(&corpus);
    let links = crate::provenance::links(docs, &corpus, &pairs);
    rewrite_flags(docs, &lines, &links, &name, &mut out);
    date_flags(docs, &lines, &corpus, &pairs, &name, &mut out);
    for (d, doc) in docs.iter().enumerate() {
        layout_flags(d, doc.text, &lines[d], &mut out);
    }
    descriptor_flags(descriptors, &name, &mut out);
    out.sort_by_key(|x| (x.doc, x.flag));
    out
}

/// `machine_rewrite`: on internal evidence alone, or for the copy of a pair of sources that
/// follow each other with one-word synonym substitutions.
fn rewrite_flags(
    docs: &[DocInput<'_>],
    lines: &[Vec<(Span, LineRole)>],
    links: &[Link],
    name: &dyn Fn(usize) -> String,
    out: &mut Vec<Flag>,
) {
    let evidence: Vec<(Vec<String>, Vec<String>)> = docs
        .iter()
        .zip(lines)
        .map(|(d, l)| spin_evidence_in(d.text, l))
        .collect();
    let names: Vec<(Vec<String>, Vec<String>)> = docs
        .iter()
        .zip(lines)
        .map(|(d, l)| name_evidence_in(d.text, l))
        .collect();
    let internal = |d: usize| {
        evidence[d].0.len() * SPUN_NAME_WEIGHT
            + names[d].0.len() * SPELLING_WEIGHT
            + (evidence[d].1.len() + names[d].1.len()).min(MAX_LOWER_NAMES_COUNTED)
    };
    let mut rewrite: Vec<Option<String>> = (0..docs.len())
        .map(|d| {
            let (spun, lower) = &evidence[d];
            (internal(d) >= MIN_INTERNAL_EVIDENCE)
                .then(|| internal_evidence(spun, lower, &names[d].0, &names[d].1))
        })
        .collect();
    // With the original present: every rewrite provenance finds, the later side flagged
    // (where provenance cannot tell, the side with more internal evidence, else the second).
    for link in links.iter().filter(|l| l.relation == Relation::Rewrite) {
        let copy = link
            .later()
            .unwrap_or(if internal(link.b) >= internal(link.a) {
                link.b
            } else {
                link.a
            });
        let orig = if copy == link.a { link.b } else { link.a };
        if rewrite[copy].is_some() {
            continue;
        }
        let c = &link.counts;
        rewrite[copy] = Some(format!(
            "a rewrite of {} ({} sentences aligned, {} word for word) with {} words substituted, {} of them WordNet synonyms, no new facts: {}",
            name(orig),
            c.aligned,
            c.verbatim,
            c.substituted,
            c.synonyms,
            link.shown_substitutions(copy == link.a),
        ));
    }
    for (d, ev) in rewrite.into_iter().enumerate() {
        if let Some(evidence) = ev {
            out.push(Flag {
                doc: d,
                flag: FlagKind::MachineRewrite,
                evidence,
            });
        }
    }
}

/// The evidence sentence for spun names, proper names written in lower case, names spelled
/// two ways and the text's own names in lower case.
fn internal_evidence(
    names: &[String],
    lower: &[String],
    spellings: &[String],
    own_lower: &[String],
) -> String {
    let mut parts = Vec::new();
    if !names.is_empty() {
        parts.push(format!(
            "names with a word swapped for a synonym: {}",
            names.join(", ")
        ));
    }
    if !lower.is_empty() {
        let mut distinct = lower.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        parts.push(format!(
            "proper names written in lower case {} times: {}",
            lower.len(),
            distinct
                .iter()
                .map(|w| format!("“{w}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !spellings.is_empty() {
        parts.push(format!(
            "one name spelled two ways: {}",
            spellings.join(", ")
        ));
    }
    if !own_lower.is_empty() {
        parts.push(format!(
            "names it capitalises elsewhere written in lower case: {}",
            own_lower.join(", ")
        ));
    }
    parts.join("; ")
}

/// `repeated_headline` and `furniture_heavy` of document `d` from its line roles.
fn layout_flags(d: usize, text: &str, roles: &[(Span, LineRole)], out: &mut Vec<Flag>) {
    let ix = CharIndex::new(text);
    let heads: Vec<&str> = roles
        .iter()
        .filter(|(_, r)| *r == LineRole::RepeatedHeadline)
        .map(|(s, _)| ix.slice(text, *s))
        .collect();
    if let Some(h) = heads.first() {
        out.push(Flag {
            doc: d,
            flag: FlagKind::RepeatedHeadline,
            evidence: format!(
                "the headline “{}” appears {} times",
                h.trim(),
                heads.len() + 1
            ),
        });
    }
    let total: usize = roles.iter().map(|(s, _)| s.len()).sum();
    let furn: Vec<&(Span, LineRole)> = roles
        .iter()
        .filter(|(_, r)| {
            matches!(
                r,
                LineRole::Caption
                    | LineRole::Credit
                    | LineRole::KeywordLine
                    | LineRole::Furniture
                    | LineRole::Byline
            )
        })
        .collect();
    let share = furn.iter().map(|(s, _)| s.len()).sum::<usize>() as f32 / total.max(1) as f32;
    if total > 0 && share >= FURNITURE_SHARE && furn.len() >= MIN_FURNITURE_LINES {
        out.push(Flag {
            doc: d,
            flag: FlagKind::FurnitureHeavy,
            evidence: format!(
                "{:.0}% of the text is captions, credits or boilerplate ({} lines, e.g. “{}”)",
                share * 100.0,
                furn.len(),
                furn.first().map_or("", |(s, _)| ix.slice(text, *s).trim())
            ),
        });
    }
}

/// Years named in a document's running text and captions (not its date line or furniture).
fn body_years(roles: &[(Span, LineRole)], c: &Corpus, d: usize) -> Vec<i32> {
    let content = |span: Span| {
        roles.iter().any(|(l, r)| {
            (r.is_content() || *r == LineRole::Caption)
                && l.start <= span.start
                && span.start < l.end.max(l.start + 1)
        })
    };
    c.doc(d)
        .filter(|&i| content(c.sents[i].span))
        .flat_map(|i| c.sents[i].years.clone())
        .collect()
}

fn date_flags(
    docs: &[DocInput<'_>],
    lines: &[Vec<(Span, LineRole)>],
    c: &Corpus,
    pairs: &[crate::align::Scored],
    name: &dyn Fn(usize) -> String,
    out: &mut Vec<Flag>,
) {
    let years: Vec<Vec<i32>> = (0..docs.len())
        .map(|d| body_years(&lines[d], c, d))
        .collect();
    let dates: Vec<Option<(i32, String)>> = docs
        .iter()
        .zip(lines)
        .map(|(d, l)| {
            let (v, line) = date_line(d.text, l)?;
            Some((v.get(..4)?.parse().ok()?, line))
        })
        .collect();
    for (d, own) in dates.iter().enumerate() {
        let Some((y, line)) = own else { continue };
        let mine = &years[d];
        if !mine.is_empty() {
            if mine.iter().all(|v| v < y) && !mine.iter().any(|v| *v >= y - 1) {
                let mut vs: Vec<i32> = mine.clone();
                vs.sort_unstable();
                vs.dedup();
                out.push(Flag {
                    doc: d,
                    flag: FlagKind::DateConflict,
                    evidence: format!(
                        "dated “{line}” but the years its events carry are {}",
                        vs.iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
            continue;
        }
        // No years of its own: the sources it shares facts with.
        let mut others: Vec<(usize, i32)> = Vec::new();
        for e in 0..docs.len() {
            if e == d {
                continue;
            }
            let shared = pairs
                .iter()
                .filter(|s| {
                    let (a, b) = (c.sents[s.i].doc, c.sents[s.j].doc);
                    (a == d && b == e) || (a == e && b == d)
                })
                .count();
            if shared == 0 {
                continue;
            }
            let their = dates[e]
                .as_ref()
                .map(|(v, _)| *v)
                .or_else(|| years[e].iter().max().copied());
            if let Some(v) = their {
                others.push((e, v));
            }
        }
        if !others.is_empty() && others.iter().all(|(_, v)| *v < y - 1) {
            out.push(Flag {
                doc: d,
                flag: FlagKind::DateConflict,
                evidence: format!(
                    "dated “{line}” but the sources reporting the same facts date them {}",
                    others
                        .iter()
                        .map(|(e, v)| format!("{v} ({})", name(*e)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
}

/// Descriptors with a time qualifier ("then-Foreign Secretary", "former president") name a
/// past role and conflict with nothing.
fn past_role(t: &str) -> bool {
    let l = t.to_lowercase();
    l.starts_with("then") || l.starts_with("former") || l.starts_with("ex-") || l.contains("later")
}

fn descriptor_flags(
    descriptors: &[Vec<DescriptorIn<'_>>],
    name: &dyn Fn(usize) -> String,
    out: &mut Vec<Flag>,
) {
    let mut flagged: Vec<usize> = Vec::new();
    for (d, list) in descriptors.iter().enumerate() {
        for x in list {
            for (e, other) in descriptors.iter().enumerate() {
                for y in other {
                    // Across sources only: one text may give a person two roles.
                    if x.entity != y.entity || e == d || past_role(x.text) || past_role(y.text) {
                        continue;
                    }
                    if !roles_conflict(x.text, y.text) {
                        continue;
                    }
                    // Flag the document holding the role fewer documents agree with.
                    let support = |t: &str| {
                        descriptors
                            .iter()
                            .filter(|l| {
                                l.iter()
                                    .any(|z| z.entity == x.entity && !roles_conflict(z.text, t))
                            })
                            .count()
                    };
                    if support(x.text) > support(y.text) || flagged.contains(&d) {
                        continue;
                    }
                    flagged.push(d);
                    out.push(Flag {
                        doc: d,
                        flag: FlagKind::DescriptorConflict,
                        evidence: format!(
                            "calls {} “{}”, {} calls them “{}”",
                            x.name,
                            x.text,
                            name(e),
                            y.text
                        ),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::sentences;

    /// Runs `flags` over `texts` (with per-document descriptors) and renders each flag as
    /// "doc kind: evidence".
    #[track_caller]
    fn check(texts: &[&str], descriptors: &[&[(&str, &str, &str)]], expected: &[&str]) {
        let spans: Vec<Vec<crate::Span>> = texts.iter().map(|t| sentences(t)).collect();
        let docs: Vec<DocInput<'_>> = texts
            .iter()
            .zip(&spans)
            .map(|(t, s)| DocInput::new(t, s))
            .collect();
        let ds: Vec<Vec<DescriptorIn<'_>>> = descriptors
            .iter()
            .map(|l| {
                l.iter()
                    .map(|(entity, name, text)| DescriptorIn { entity, name, text })
                    .collect()
            })
            .collect();
        let got: Vec<String> = flags(&docs, &[], &ds)
            .iter()
            .map(|f| format!("{} {}: {}", f.doc, f.flag.as_str(), f.evidence))
            .collect();
        let exp: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        assert!(
            got == exp,
            "flags differ\nexpected:\n  {}\ngot:\n  {}",
            exp.join("\n  "),
            got.join("\n  ")
        );
    }

    #[test]
    fn internal_evidence_of_spinning() {
        check(
            &["Officials at the White Home said on Monday that america would act.\n\nA spokesman said america had been warned before the meeting."],
            &[],
            &["0 machine_rewrite: names with a word swapped for a synonym: “White Home” (for “White House”); proper names written in lower case 2 times: “america”"],
        );
        // regression: each name once, though they alternate ("america, europe, america")
        check(
            &["Officials said america would act.\n\nLeaders in europe agreed with the plan.\n\nA spokesman said america had been warned."],
            &[],
            &["0 machine_rewrite: proper names written in lower case 3 times: “america”, “europe”"],
        );
        // Capitalised genuine names and ordinary words are no evidence.
        check(
            &["The White House said on Monday that America would act against the acts of others."],
            &[],
            &[],
        );
    }

    #[test]
    fn repeated_headline_and_date_against_event_years() {
        check(
            &["June 14, 2024\n\nStorm hits the coast\n\nStorm hits the coast\n\nThe storm of March 2021 destroyed 400 homes, officials said in 2021.\n"],
            &[],
            &[
                "0 date_conflict: dated “June 14, 2024” but the years its events carry are 2021",
                "0 repeated_headline: the headline “Storm hits the coast” appears 2 times",
            ],
        );
    }

    #[test]
    fn a_spun_copy_of_another_source() {
        let original = "The council will meet on Monday to discuss the budget. \
            The mayor said the plan would help small businesses. \
            Critics warned that taxes could rise sharply next year. \
            A final vote is expected before the end of the month.";
        let spun = "The council will gather on Monday to hash out the budget. \
            The mayor said the program would aid small businesses. \
            Critics cautioned that taxes could climb sharply next year. \
            A final ballot is anticipated before the end of the month.";
        let flagged = "1 machine_rewrite: a rewrite of document 0 (4 sentences aligned, 0 word for word) with 9 words substituted, 5 of them WordNet synonyms, no new facts: “meet” → “gather”, “discuss” → “hash out”, “plan” → “program”, “help” → “aid”";
        check(&[original, spun], &[], &[flagged]);
        // Copy first: the everyday words with many WordNet senses are the original's.
        let flagged = "0 machine_rewrite: a rewrite of document 1 (4 sentences aligned, 0 word for word) with 9 words substituted, 5 of them WordNet synonyms, no new facts: “meet” → “gather”, “discuss” → “hash out”, “plan” → “program”, “help” → “aid”";
        check(&[spun, original], &[], &[flagged]);
    }

    #[test]
    fn rewrites_without_a_thesaurus() {
        // One name spelled two ways, and a name the text capitalises written in lower case.
        check(
            &["Officials in Tarapaca said two people died.\n\nThe mayor of Tarapaka blamed heart attacks, and the governor of iquique agreed.\n\nWaves hit Iquique later."],
            &[],
            &["0 machine_rewrite: one name spelled two ways: “Tarapaca” / “Tarapaka”; names it capitalises elsewhere written in lower case: “iquique” (for “Iquique”)"],
        );
        // Inflections and different names are not misspellings.
        check(
            &["Ukraine and Ukrainian officials met Russian and Prussian historians in Austria and Australia."],
            &[],
            &[],
        );
        let original = "The storm damaged many houses in the port on Sunday. \
            Rescue teams worked through the night to clear the roads. \
            The mayor asked residents to stay inside until the wind eased. \
            Schools in the region will stay closed until Wednesday.";
        // A translator's round trip: word for word, no WordNet synonym, no new fact.
        let round_trip = "The tempest damaged lots of homes in the harbour on Sunday. \
            Teams of rescue labored during the night to clean the streets. \
            The mayor requested that residents remain inside until the wind calmed. \
            Schools of the region will remain shut until Wednesday.";
        check(
            &[original, round_trip],
            &[],
            &["1 machine_rewrite: a rewrite of document 0 (4 sentences aligned, 0 word for word) with 15 words substituted, 1 of them WordNet synonyms, no new facts: “storm” → “tempest”, “many houses” → “lots of homes”, “port” → “harbour”, “clear” → “clean”"],
        );
        // An update changes figures and names; a light edit changes one sentence: never flagged.
        let update = "The storm damaged 300 houses in the port on Sunday, officials said. \
            Rescue teams worked through the night to clear the roads. \
            The mayor asked residents to stay inside until the wind eased. \
            Schools in the region will stay closed until Thursday, Governor Ruth Vale said.";
        check(&[original, update], &[], &[]);
        let light = "The storm damaged many homes in the port on Sunday. \
            Rescue teams worked through the night to clear the roads. \
            The mayor asked residents to stay inside until the wind eased. \
            Schools in the region will stay closed until Wednesday.";
        check(&[original, light], &[], &[]);
    }

    #[test]
    fn built_rewrites_of_development_articles_and_real_copies() {
        const CHILE: &str = include_str!("../../../../eval/dev/alignments/events/e3_chile_ap.txt");
        const CHILE_ROUND_TRIP: &str =
            include_str!("../../../../eval/dev/alignments/rewrites/e3_chile_ap_roundtrip.txt");
        const NEPAL: &str = include_str!("../../../../eval/dev/alignments/events/e4_nepal_nwa.txt");
        const NEPAL_SPUN: &str =
            include_str!("../../../../eval/dev/alignments/rewrites/e4_nepal_nwa_spun.txt");
        const AP: &str =
            include_str!("../../../../eval/dev/alignments/events/e2_germanwings_ap.txt");
        const AP_COPY: &str =
            include_str!("../../../../eval/dev/alignments/events/e2_germanwings_ap_copy.txt");
        const MH370: &str = include_str!("../../../../eval/dev/alignments/events/e6_mh370_ap.txt");
        const MH370_EARLIER: &str =
            include_str!("../../../../eval/dev/alignments/events/e6_mh370_ap_earlier.txt");
        let flagged = |texts: &[&str]| -> Vec<usize> {
            let spans: Vec<Vec<crate::Span>> = texts.iter().map(|t| sentences(t)).collect();
            let docs: Vec<DocInput<'_>> = texts
                .iter()
                .zip(&spans)
                .map(|(t, s)| DocInput::new(t, s))
                .collect();
            flags(&docs, &[], &[])
                .iter()
                .filter(|f| f.flag == FlagKind::MachineRewrite)
                .map(|f| f.doc)
                .collect()
        };
        assert_eq!(
            flagged(&[CHILE, CHILE_ROUND_TRIP]),
            [1],
            "translation round trip"
        );
        assert_eq!(flagged(&[NEPAL, NEPAL_SPUN]), [1], "synonym spinning");
        assert_eq!(
            flagged(&[NEPAL_SPUN, NEPAL]),
            [0],
            "synonym spinning, copy first"
        );
        assert!(flagged(&[AP, AP_COPY]).is_empty(), "a wire copy");
        assert!(
            flagged(&[MH370_EARLIER, MH370]).is_empty(),
            "an updated version"
        );
    }

    #[test]
    fn descriptor_conflicts_across_sources() {
        check(
            &["Biden spoke.", "Biden spoke again.", "Biden left."],
            &[&[("joe-biden", "Biden", "cybersecurity adviser")], &[("joe-biden", "Biden", "US President")], &[("joe-biden", "Biden", "President")]],
            &["0 descriptor_conflict: calls Biden “cybersecurity adviser”, document 1 calls them “US President”"],
        );
        // A past role conflicts with nothing.
        check(
            &["Johnson spoke.", "Johnson left."],
            &[
                &[("boris-johnson", "Johnson", "then-Foreign Secretary")],
                &[("boris-johnson", "Johnson", "Prime Minister")],
            ],
            &[],
        );
    }
}
