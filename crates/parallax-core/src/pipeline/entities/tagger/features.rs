//! The tagger's features of one word, hashed to bucket numbers.
//!
//! Each feature is a template number and a few strings or flags, hashed (FNV-1a, 32 bits,
//! the same on every platform) to a bucket in `0..2^bits`. Templates: the word as written and
//! in lower case, its shape, prefix and suffix, the words and shapes at ±1 and ±2, where it
//! stands (first of a sentence or line, inside a line in capitals or a title-case headline),
//! the lexicons (given name, surname, common word, title, organisation and place head word,
//! the gazetteer's kind of the word), cues (a place preposition or a title before it, a speech
//! verb after it), the rules' label with its position in the rule's span (word and ±1) and
//! why the rules chose it (a lexicon, a context rule, the default for an unknown piece),
//! affixes of one to four letters, the longest known name of several words covering the word
//! with the word's position in it,
//! and a document-level pass: whether the same word is written capitalised inside a sentence
//! elsewhere in the document, or in lower case. The second pass ([`Extractor::second`]) adds
//! how the tagger's first pass labelled the same word elsewhere in the document.

use super::super::lexicon::{
    self, is_common_word, is_given_name, is_org_head, is_surname, is_title, known, Known,
};
use super::super::W;
use crate::model::Label;
use rustc_hash::FxHashMap as HashMap;

/// What the document says about a lower-case word form: (capitalised inside a sentence,
/// written in lower case).
type DocCounts = (u16, u16);

/// Extracts the features of the words of one text.
pub(crate) struct Extractor<'w, 'a> {
    ws: &'w [W<'a>],
    /// the rules' tag per word: 0 none, else 1 + 2 * label index + (0 for the first word, 1
    /// inside); `None` when rules are not features
    rule: Option<Vec<u8>>,
    /// why the rules chose the word's mention (`super::super::why`), 0 outside one
    why: Vec<u8>,
    /// the rules' most frequent label of the word's form anywhere in the document: 0 none,
    /// else 1 + label code, + 6 when seen more than once
    doc_label: Vec<u8>,
    /// the longest known name of several words over each word: 0 none, else 1 + 3 * the
    /// gazetteer's kind ([`known_code`]) + the position (first, inside, last)
    gaz: Vec<u8>,
    doc: HashMap<&'w str, DocCounts>,
    /// per word: its shape and its lexicon flags (computed once, read for it and its
    /// neighbours)
    info: Vec<Info>,
    mask: u32,
}

/// A word's shape and lexicon flags: given name, surname, common word, title, organisation
/// head, place head, the gazetteer's kind ([`known_code`]).
struct Info {
    shape: String,
    lex: [u8; 7],
}

fn info(w: &W<'_>) -> Info {
    Info {
        shape: shape(w.text),
        lex: [
            u8::from(w.cap() && is_given_name(w.text)),
            u8::from(w.cap() && is_surname(w.text)),
            u8::from(is_common_word(&w.low)),
            u8::from(is_title(&w.low)),
            u8::from(is_org_head(&w.low)),
            u8::from(lexicon::PLACE_HEADS.contains(&&*w.low)),
            known_code(w),
        ],
    }
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "says,",
    "stated",
    "wrote",
    "explained",
];
const PLACE_PREPS: &[&str] = &[
    "in", "at", "to", "from", "near", "across", "outside", "into",
];

fn fnv(h: u32, b: &[u8]) -> u32 {
    let mut h = h;
    for &x in b {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn seed(t: u32) -> u32 {
    fnv(0x811c_9dc5, &t.to_le_bytes())
}

/// The word's shape: capitals X, lower case x, digits d, other characters as they are,
/// repeats of a class collapsed ("McDonald" gives "XxXx", "U.S" gives "X.X").
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

fn rule_code(l: Label) -> u8 {
    match l {
        Label::Person => 0,
        Label::Org => 1,
        Label::Place => 2,
        Label::Group => 3,
        Label::Date => 4,
        Label::Number => 5,
    }
}

fn known_code(w: &W<'_>) -> u8 {
    if !w.cap() {
        return 0;
    }
    known(w.text).map_or(1, known_kind)
}

fn known_kind(k: Known) -> u8 {
    match k {
        Known::Place(k) => 2 + k as u8,
        Known::Org => 7,
        Known::Group => 8,
        Known::Skip => 9,
    }
}

/// The rules' mentions (word ranges) and why each was chosen, as features.
pub(crate) type RuleFeatures<'r> = (&'r [(usize, usize, Label)], &'r [u8]);

/// Longest known names of two to five words ("Buenos Aires", "North Kivu", "Human Rights
/// Watch"), each word marked with the name's kind and its position in it (see `Extractor::gaz`).
fn gazetteer_matches(ws: &[W<'_>]) -> Vec<u8> {
    let mut out = vec![0u8; ws.len()];
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if !(w.cap() && w.is_word() && lexicon::starts_multiword(w.text)) {
            i += 1;
            continue;
        }
        let mut found = None;
        for e in (i + 2..=(i + 5).min(ws.len())).rev() {
            if ws[i + 1..e].iter().any(|x| x.nl) || !ws[e - 1].is_word() {
                continue;
            }
            if let Some(k) = known(&super::super::key(ws, i, e)) {
                found = Some((e, known_kind(k)));
                break;
            }
        }
        let Some((e, kind)) = found else {
            i += 1;
            continue;
        };
        for (j, x) in out[i..e].iter_mut().enumerate() {
            let pos = if j == 0 {
                0
            } else if i + j + 1 == e {
                2
            } else {
                1
            };
            *x = 1 + 3 * kind + pos;
        }
        i = e;
    }
    out
}

impl<'w, 'a> Extractor<'w, 'a> {
    /// Prepares the document-level counts and the rules' tags.
    pub fn new(ws: &'w [W<'a>], rules: Option<RuleFeatures<'_>>, bits: u32) -> Self {
        let mut why = vec![0u8; ws.len()];
        let rule = rules.map(|(r, reasons)| {
            let mut v = vec![0u8; ws.len()];
            for (m, &(s, e, l)) in r.iter().enumerate() {
                let e = e.min(ws.len());
                for (k, x) in v[s..e].iter_mut().enumerate() {
                    *x = 1 + 2 * rule_code(l) + u8::from(k > 0);
                }
                let r = reasons.get(m).copied().unwrap_or(0);
                why[s..e].iter_mut().for_each(|x| *x = r);
            }
            v
        });
        // document level: the label the rules gave most often to each word form (capitalised
        // words only), so a surname alone takes the label of the full name elsewhere
        let mut votes: HashMap<&'w str, [u16; 6]> = HashMap::default();
        if let Some((r, _)) = rules {
            for &(s, e, l) in r {
                for w in ws[s..e.min(ws.len())].iter().filter(|w| w.cap()) {
                    votes.entry(&*w.low).or_default()[rule_code(l) as usize] += 1;
                }
            }
        }
        let doc_label = ws
            .iter()
            .map(|w| {
                votes.get(&*w.low).map_or(0, |v| {
                    let (best, n) = v.iter().enumerate().max_by_key(|x| x.1).unwrap_or((0, &0));
                    if *n == 0 {
                        0
                    } else {
                        1 + best as u8 + 6 * u8::from(*n > 1)
                    }
                })
            })
            .collect();
        let mut doc: HashMap<&'w str, DocCounts> = HashMap::default();
        for w in ws.iter().filter(|w| w.is_word()) {
            let c = doc.entry(&*w.low).or_default();
            if w.cap() && !w.first && !w.caps_line && !w.title_line {
                c.0 = c.0.saturating_add(1);
            } else if !w.cap() {
                c.1 = c.1.saturating_add(1);
            }
        }
        Extractor {
            ws,
            rule,
            why,
            doc_label,
            gaz: gazetteer_matches(ws),
            doc,
            info: ws.iter().map(info).collect(),
            mask: (1u32 << bits) - 1,
        }
    }

    fn low(&self, i: isize) -> &str {
        if i < 0 {
            return "<s>";
        }
        self.ws.get(i as usize).map_or("</s>", |w| &*w.low)
    }

    fn rule_at(&self, i: isize) -> u8 {
        match &self.rule {
            Some(r) if i >= 0 => r.get(i as usize).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// Appends the features of word `i` (bucket numbers) to `out`.
    pub fn features(&self, i: usize, out: &mut Vec<u32>) {
        let ws = self.ws;
        let w = &ws[i];
        let ii = i as isize;
        let m = self.mask;
        let mut push = |t: u32, parts: &[&[u8]]| {
            let mut h = seed(t);
            for p in parts {
                h = fnv(h, p);
                h = fnv(h, &[0xff]);
            }
            out.push(h & m);
        };
        let sh: &str = &self.info[i].shape;
        let low = w.low.as_bytes();
        push(0, &[]);
        push(1, &[low]);
        push(2, &[w.text.as_bytes()]);
        push(3, &[sh.as_bytes()]);
        let pre = w
            .low
            .char_indices()
            .nth(3)
            .map_or(&*w.low, |(b, _)| &w.low[..b]);
        let n = w.low.chars().count();
        let suf = w
            .low
            .char_indices()
            .nth(n.saturating_sub(3))
            .map_or("", |(b, _)| &w.low[b..]);
        push(4, &[pre.as_bytes()]);
        push(5, &[suf.as_bytes()]);
        // affixes of one to four letters (three is above)
        for (k, n) in [1usize, 2, 4].into_iter().enumerate() {
            let k = k as u32;
            if let Some((b, _)) = w.low.char_indices().nth(n) {
                push(50 + k, &[w.low[..b].as_bytes()]);
            }
            let cs = w.low.chars().count();
            if cs > n {
                if let Some((b, _)) = w.low.char_indices().nth(cs - n) {
                    push(54 + k, &[w.low[b..].as_bytes()]);
                }
            }
        }
        push(6, &[self.low(ii - 1).as_bytes()]);
        push(7, &[self.low(ii + 1).as_bytes()]);
        push(8, &[self.low(ii - 2).as_bytes()]);
        push(9, &[self.low(ii + 2).as_bytes()]);
        push(10, &[self.low(ii - 1).as_bytes(), low]);
        push(11, &[low, self.low(ii + 1).as_bytes()]);
        let sh_prev = if i > 0 {
            &*self.info[i - 1].shape
        } else {
            "<s>"
        };
        let sh_next = self.info.get(i + 1).map_or("</s>", |x| &*x.shape);
        push(12, &[sh_prev.as_bytes(), sh.as_bytes()]);
        push(13, &[sh.as_bytes(), sh_next.as_bytes()]);
        let pos = [
            u8::from(w.first),
            u8::from(w.nl),
            u8::from(w.caps_line),
            u8::from(w.title_line),
        ];
        push(14, &[&pos, sh.as_bytes()]);
        push(15, &[&pos, low]);
        self.lexicon_features(i, sh, &mut push);
        self.context_features(i, sh, &mut push);
    }

    fn lexicon_features(&self, i: usize, sh: &str, push: &mut impl FnMut(u32, &[&[u8]])) {
        let w = &self.ws[i];
        let lex = self.info[i].lex;
        push(20, &[&lex]);
        push(21, &[&lex, sh.as_bytes()]);
        for (k, &x) in lex.iter().enumerate() {
            if x != 0 {
                push(22, &[&[k as u8, x], &[u8::from(w.first)]]);
            }
        }
        // (organisation head, surname, gazetteer) of the next word; (title, given name,
        // gazetteer) of the previous one
        let next_lex = self
            .info
            .get(i + 1)
            .map_or([0; 3], |n| [n.lex[4], n.lex[1], n.lex[6]]);
        push(23, &[&next_lex]);
        let prev_lex = i.checked_sub(1).map_or([0; 3], |p| {
            let l = self.info[p].lex;
            [l[3], l[0], l[6]]
        });
        push(24, &[&prev_lex]);
    }

    fn context_features(&self, i: usize, sh: &str, push: &mut impl FnMut(u32, &[&[u8]])) {
        let w = &self.ws[i];
        let ii = i as isize;
        let cues = [
            u8::from(PLACE_PREPS.contains(&self.low(ii - 1))),
            u8::from(SPEECH.contains(&self.low(ii + 1)) || SPEECH.contains(&self.low(ii + 2))),
            u8::from(self.low(ii - 1) == "the"),
        ];
        push(30, &[&cues, sh.as_bytes()]);
        // document-level: the same word elsewhere
        let (capn, lown) = self.doc.get(&*w.low).copied().unwrap_or((0, 0));
        let own_mid = u16::from(w.cap() && !w.first && !w.caps_line && !w.title_line);
        let docf = [
            u8::from(capn > own_mid),
            u8::from(lown > u16::from(!w.cap())),
            u8::from(w.cap()),
            u8::from(w.first || w.caps_line || w.title_line),
        ];
        push(31, &[&docf]);
        let g = |j: isize| -> u8 {
            if j < 0 {
                0
            } else {
                self.gaz.get(j as usize).copied().unwrap_or(0)
            }
        };
        let gz = [g(ii - 1), g(ii), g(ii + 1)];
        if gz != [0; 3] {
            push(32, &[&gz[1..2]]);
            push(33, &[&gz]);
            push(34, &[&gz[1..2], sh.as_bytes()]);
        }
        if self.rule.is_some() {
            let r = [self.rule_at(ii - 1), self.rule_at(ii), self.rule_at(ii + 1)];
            let why = [r[1], self.why[i]];
            push(45, &[&why]);
            push(48, &[&[self.doc_label[i], u8::from(w.cap())]]);
            push(49, &[&[self.doc_label[i], r[1]]]);
            push(46, &[&why, sh.as_bytes()]);
            push(47, &[&why, &docf]);
            push(40, &[&r[1..2]]);
            push(41, &[&r]);
            push(42, &[&r[1..2], sh.as_bytes()]);
            push(43, &[&r[1..2], &docf]);
            push(44, &[&r[1..2], w.low.as_bytes()]);
        }
    }
}

/// Per word, what the tagger's first pass said about the same word form elsewhere in the
/// document (capitalised words inside its spans, the word's own occurrence left out): 0
/// nothing, else 1 + the majority label's index in [`super::LABELS`] (ties to the first), then
/// the number of other votes (1, or 2 for more), then where the form stood in those spans
/// (0 alone, 1 first of several words, 2 later), then the first pass's own label of the word
/// (0 none, else 1 + index). Computed from the first pass's spans over word indices.
pub(crate) fn second_pass(ws: &[W<'_>], first: &[(usize, usize, Label)]) -> Vec<[u8; 4]> {
    let mut own = vec![(0u8, 0u8); ws.len()];
    let mut votes: HashMap<&str, [[u16; 3]; 4]> = HashMap::default();
    for &(s, e, l) in first {
        let Some(k) = super::LABELS.iter().position(|x| *x == l) else {
            continue;
        };
        for i in s..e.min(ws.len()) {
            let pos = if e == s + 1 {
                0
            } else if i == s {
                1
            } else {
                2
            };
            own[i] = (1 + k as u8, pos);
            if ws[i].cap() {
                votes.entry(&*ws[i].low).or_default()[k][pos as usize] += 1;
            }
        }
    }
    ws.iter()
        .enumerate()
        .map(|(i, w)| {
            let Some(v) = votes.get(&*w.low) else {
                return [0, 0, 0, own[i].0];
            };
            let mut v = *v;
            let (l, pos) = own[i];
            if l > 0 && w.cap() {
                v[l as usize - 1][pos as usize] -= 1;
            }
            let totals: Vec<u16> = v.iter().map(|x| x.iter().sum()).collect();
            let (best, n) =
                totals
                    .iter()
                    .enumerate()
                    .fold((0, 0u16), |b, (k, &n)| if n > b.1 { (k, n) } else { b });
            if n == 0 {
                return [0, 0, 0, own[i].0];
            }
            let p = v[best]
                .iter()
                .enumerate()
                .max_by_key(|x| *x.1)
                .map_or(0, |x| x.0 as u8);
            [1 + best as u8, 1 + u8::from(n > 1), p, own[i].0]
        })
        .collect()
}

impl Extractor<'_, '_> {
    /// Appends the second pass's features of word `i` (`code`: its entry of [`second_pass`]).
    pub fn second(&self, i: usize, code: [u8; 4], out: &mut Vec<u32>) {
        let m = self.mask;
        let mut push = |t: u32, parts: &[&[u8]]| {
            let mut h = seed(t);
            for p in parts {
                h = fnv(h, p);
                h = fnv(h, &[0xff]);
            }
            out.push(h & m);
        };
        let w = &self.ws[i];
        push(60, &[&code[..2], &[u8::from(w.cap())]]);
        push(61, &[&code[..3]]);
        push(62, &[&code[..1], self.info[i].shape.as_bytes()]);
        push(63, &[&[code[0], self.rule_at(i as isize)]]);
    }
}
