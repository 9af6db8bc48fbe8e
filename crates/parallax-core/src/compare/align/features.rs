//! Sentence features for comparison: words, content tokens with stems and synonym keys,
//! numbers, years, quoted word trigrams and acronyms of capitalised runs.

use super::lexicon::{is_stop, stem, Synonyms};
use crate::offsets::Span;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// A content token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Lower-case surface form (dots and possessives removed).
    pub lower: String,
    /// Interned stem.
    pub stem: u32,
    /// Synonym sets the word belongs to (shared with the per-thread memo).
    pub own: Arc<[u32]>,
    /// Direct hypernym sets.
    pub up: Arc<[u32]>,
    /// A name: an entity mention, capitalised inside the sentence, or an acronym.
    pub name: bool,
    /// Length in characters.
    pub nchars: usize,
    /// 64-bit signatures of `own` and `up` (bit id % 64): a cheap test before the look-ups.
    pub own_sig: u64,
    /// See `own_sig`.
    pub up_sig: u64,
    /// Hash of the first five characters (0 for shorter words): cheap test before `near`.
    pub first5: u64,
    /// Inverse sentence frequency weight (filled in by [`Corpus::new`]).
    pub idf: f32,
}

/// One sentence and what comparison needs of it.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    /// Document index in the corpus.
    pub doc: usize,
    /// Sentence span in its document (code points).
    pub span: Span,
    /// Content words (not function words, not numbers).
    pub content: Vec<Tok>,
    /// Number values (not years), with the phrase they were read from.
    pub numbers: Vec<(f64, String)>,
    /// The stem of the content word after each number ("troops" in "100,000 troops"), or
    /// u32::MAX.
    pub number_heads: Vec<u32>,
    /// Years named.
    pub years: Vec<i32>,
    /// Hashes of word trigrams inside quotation marks.
    pub quote_grams: Vec<u64>,
    /// Acronyms of runs of two or more capitalised words ("united states" -> "us").
    pub acronyms: Vec<String>,
    /// Hash of the word list (of the trimmed text when it has no words): equal sentences meet.
    pub norm_hash: u64,
    /// Interned words, sorted: for the plain word Dice.
    pub word_ids: Vec<u32>,
    /// Hashes of the entity ids of the named mentions (people, organisations, places,
    /// groups) inside the sentence, sorted, each once (filled in by [`Corpus::new`]).
    pub entities: Vec<u64>,
    /// The entity of the first named mention: the actor, in most news sentences.
    pub first_entity: Option<u64>,
    /// Hashes of the normalised values of the sentence's DATE mentions, sorted, each once.
    pub dates: Vec<u64>,
    /// A negation: "not", "no", "never", "n't", "nobody", "none", "without".
    pub negated: bool,
    /// A reporting verb ("said", "told", "according to") or a quotation: a claim of a source.
    pub reported: bool,
    /// Index of the sentence in its document, and the document's number of sentences (filled
    /// in by [`Corpus::new`]).
    pub pos: usize,
    /// See `pos`.
    pub of: usize,
}

impl Sent {
    /// A hash of everything pair scoring reads but the sentence's place (document, position):
    /// sentences with equal keys score alike against any other (the pair's position evidence
    /// aside), so a corpus where one sentence recurs in many documents scores it once per
    /// partner.
    pub fn content_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.norm_hash.hash(&mut h);
        self.word_ids.hash(&mut h);
        for t in &self.content {
            (&t.lower, t.stem, t.name, t.idf.to_bits()).hash(&mut h);
        }
        for (v, _) in &self.numbers {
            v.to_bits().hash(&mut h);
        }
        self.number_heads.hash(&mut h);
        self.years.hash(&mut h);
        self.quote_grams.hash(&mut h);
        self.acronyms.hash(&mut h);
        self.entities.hash(&mut h);
        self.first_entity.hash(&mut h);
        self.dates.hash(&mut h);
        (self.negated, self.reported).hash(&mut h);
        h.finish()
    }
}

/// Interner for stems (a word's stem and synonym keys come from the per-thread memo).
#[derive(Default)]
pub(crate) struct Interner {
    map: HashMap<String, u32>,
}

impl Interner {
    /// Stem id and synonym keys (own sets, hypernyms) of a lower-case word.
    pub fn word(&mut self, w: &str, with_synonyms: bool) -> (u32, Arc<[u32]>, Arc<[u32]>) {
        let (stemmed, own, up) = word_keys(w);
        let st = self.id(&stemmed);
        if with_synonyms {
            (st, own, up)
        } else {
            (st, Arc::from([]), Arc::from([]))
        }
    }

    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.map.get(s) {
            return i;
        }
        let i = self.map.len() as u32;
        self.map.insert(s.to_string(), i);
        i
    }
}

/// A word's stem and synonym keys (own sets, hypernyms): `stem` and `Synonyms::keys`,
/// which are pure, remembered per thread so that aligning many pairs of documents stems each
/// word once, not once per pair. The memo is dropped when it grows past 200,000 words.
#[allow(clippy::type_complexity)]
fn word_keys(w: &str) -> (Arc<str>, Arc<[u32]>, Arc<[u32]>) {
    thread_local! {
        static MEMO: RefCell<HashMap<Box<str>, (Arc<str>, Arc<[u32]>, Arc<[u32]>)>> =
            RefCell::new(HashMap::default());
    }
    MEMO.with(|m| {
        if let Some(found) = m.borrow().get(w) {
            return found.clone();
        }
        let (own, up) = Synonyms::get().keys(w);
        let v: (Arc<str>, Arc<[u32]>, Arc<[u32]>) = (stem(w).into(), own.into(), up.into());
        let mut m = m.borrow_mut();
        if m.len() >= 200_000 {
            m.clear();
        }
        m.insert(w.into(), v.clone());
        v
    })
}

/// A raw word of a sentence.
struct RawWord {
    text: String,
    start: usize,
    quoted: bool,
    /// Starts a sentence or follows a line start / opening punctuation.
    initial: bool,
}

fn is_dquote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '″')
}

/// Words of `chars` (one sentence), with their start offset (relative) and quotation state.
fn raw_words(chars: &[char]) -> Vec<RawWord> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_quote = false;
    let mut initial = true;
    while i < chars.len() {
        let c = chars[i];
        if is_dquote(c) {
            in_quote = match c {
                '“' | '„' | '«' | '‟' => true,
                '”' | '»' => false,
                _ => !in_quote,
            };
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if matches!(c, ':' | '.' | '!' | '?' | '\n' | '(' | '•' | '—' | '–') {
                initial = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() {
            let d = chars[j];
            if d.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|n| n.is_alphanumeric());
            let prev_digit = j > 0 && chars[j - 1].is_ascii_digit();
            let next_digit = chars.get(j + 1).is_some_and(|n| n.is_ascii_digit());
            let inner = match d {
                '\'' | '’' => next_alnum,
                ',' | '.' if prev_digit && next_digit => true,
                // "U.S." style abbreviations: single letters separated by dots.
                '.' => {
                    next_alnum
                        && chars[j - 1].is_uppercase()
                        && (j - start == 1 || chars.get(j.wrapping_sub(2)) == Some(&'.'))
                }
                _ => false,
            };
            if inner {
                j += 1;
            } else {
                break;
            }
        }
        let mut text: String = chars[start..j].iter().collect();
        // Possessive endings.
        for suf in ["'s", "’s"] {
            if text.len() > suf.len() && text.ends_with(suf) {
                text.truncate(text.len() - suf.len());
            }
        }
        out.push(RawWord {
            text,
            start,
            quoted: in_quote,
            initial,
        });
        initial = false;
        i = j;
    }
    out
}

const APPROX2: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "as many",
    "in excess",
];
const APPROX1: &[&str] = &[
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "roughly",
    "approximately",
    "some",
    "under",
];

fn hash(s: &str) -> u64 {
    // FNV-1a: deterministic on every platform.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Builds the features of one sentence. `names` are code-point spans of entity mentions.
pub(crate) fn sentence(
    doc: usize,
    text_chars: &[char],
    span: Span,
    names: &[Span],
    interner: &mut Interner,
) -> Sent {
    let end = span.end.min(text_chars.len());
    let start = span.start.min(end);
    let chars = &text_chars[start..end];
    let raw = raw_words(chars);
    let mut words = Vec::with_capacity(raw.len());
    let mut content = Vec::with_capacity(raw.len());
    let mut nums = Numbers::default();
    let mut quoted_words: Vec<(usize, String)> = Vec::new();
    let mut acronyms = Vec::new();
    // First letters of the words of a capitalised run.
    let mut cap_run: Vec<Option<char>> = Vec::new();
    let flush_run = |run: &mut Vec<Option<char>>, acronyms: &mut Vec<String>| {
        if run.len() >= 2 {
            acronyms.push(run.iter().flatten().collect());
        }
        run.clear();
    };
    for (k, w) in raw.iter().enumerate() {
        let plain: String = if w.text.contains('.') {
            w.text.chars().filter(|&c| c != '.').collect()
        } else {
            w.text.clone()
        };
        let mut lower = plain.to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        words.push(lower.clone());
        if w.quoted {
            quoted_words.push((k, lower.clone()));
        }
        let first = w.text.chars().next().unwrap_or(' ');
        let all_caps = plain.chars().count() >= 2 && plain.chars().all(|c| c.is_uppercase());
        let abs = start + w.start;
        let in_mention = names.iter().any(|m| m.start <= abs && abs < m.end);
        let capital = first.is_uppercase();
        // Capitalised runs for acronyms ("United States" -> "us"); "of", "the", "and" inside.
        if capital && !all_caps {
            cap_run.push(lower.chars().next());
        } else if !matches!(lower.as_str(), "of" | "and") || cap_run.is_empty() {
            flush_run(&mut cap_run, &mut acronyms);
        }
        if first.is_ascii_digit() {
            nums.read(&raw, k, &plain, interner);
            continue;
        }
        let name = in_mention || all_caps || (capital && !w.initial);
        if is_stop(&lower) && !(all_caps && lower.len() >= 2) {
            continue;
        }
        if lower.chars().count() < 2 || lower.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        push_content(&lower, name, interner, &mut content);
    }
    flush_run(&mut cap_run, &mut acronyms);
    let quote_grams = quote_grams(&quoted_words);
    let norm_hash = if words.is_empty() {
        hash(chars.iter().collect::<String>().trim())
    } else {
        hash(&words.join(" "))
    };
    let negated = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "not" | "no" | "never" | "nobody" | "none" | "nothing" | "without" | "neither" | "nor"
        ) || w.ends_with("n't")
    });
    let reported = !quoted_words.is_empty()
        || words.iter().any(|w| {
            matches!(
                w.as_str(),
                "said" | "says" | "say" | "told" | "tells" | "according" | "stated" | "added"
            )
        });
    let mut word_ids: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
    word_ids.sort_unstable();
    Sent {
        entities: Vec::new(),
        first_entity: None,
        dates: Vec::new(),
        negated,
        reported,
        pos: 0,
        of: 0,
        word_ids,
        norm_hash,
        doc,
        span: Span::new(start, end),
        content,
        numbers: nums.values,
        number_heads: nums.heads,
        years: nums.years,
        quote_grams,
        acronyms,
    }
}

/// The numbers of a sentence: values (with the phrase each was read from), the content word
/// after each, and years.
#[derive(Default)]
struct Numbers {
    values: Vec<(f64, String)>,
    heads: Vec<u32>,
    years: Vec<i32>,
}

impl Numbers {
    /// Reads the number `raw[k]` (`plain` is it without full stops): a year, a count with its
    /// multiplier, approximator and head word, or nothing (a day after a month name).
    fn read(&mut self, raw: &[RawWord], k: usize, plain: &str, interner: &mut Interner) {
        // From the text as written: `plain` has lost its full stops (a decimal point too).
        let digits: String = raw[k].text.chars().filter(|&c| c != ',').collect();
        let Ok(v) = digits.parse::<f64>() else {
            return;
        };
        let is_year = !plain.contains(',')
            && !plain.contains('.')
            && plain.len() == 4
            && (1800.0..=2100.0).contains(&v);
        // A day after a month name ("July 29") is part of a date, not a count.
        let after_month = k > 0
            && crate::normalize::is_calendar_word(&raw[k - 1].text.to_lowercase())
            && v < 32.0;
        if after_month {
            return;
        }
        if is_year {
            self.years.push(v as i32);
            return;
        }
        let next = raw.get(k + 1).map(|n| n.text.to_lowercase());
        let mult = next
            .as_deref()
            .and_then(crate::normalize::scale_of)
            .unwrap_or(1.0);
        // The phrase: an approximator before ("more than"), the number, its
        // multiplier ("million").
        let lower_at = |q: usize| raw.get(q).map(|r| r.text.to_lowercase());
        let two = (k >= 2).then(|| {
            format!(
                "{} {}",
                lower_at(k - 2).unwrap_or_default(),
                lower_at(k - 1).unwrap_or_default()
            )
        });
        let one = (k >= 1).then(|| lower_at(k - 1).unwrap_or_default());
        let from = if two.as_deref().is_some_and(|t| APPROX2.contains(&t)) {
            k - 2
        } else if one.as_deref().is_some_and(|t| APPROX1.contains(&t)) {
            k - 1
        } else {
            k
        };
        let to = if mult > 1.0 { k + 2 } else { k + 1 };
        let phrase = raw[from..to.min(raw.len())]
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        self.values.push((v * mult, phrase));
        let head = raw[to.min(raw.len())..]
            .iter()
            .take(3)
            .map(|r| r.text.to_lowercase())
            .find(|w| !is_stop(w) && w.chars().all(char::is_alphabetic));
        self.heads
            .push(head.map_or(u32::MAX, |h| interner.id(&stem(&h))));
    }
}

/// The content tokens of the word `lower` (hyphenated words give their parts too).
fn push_content(lower: &str, name: bool, interner: &mut Interner, content: &mut Vec<Tok>) {
    let parts: Vec<&str> = if lower.contains('-') {
        lower
            .split('-')
            .filter(|p| p.len() >= 2 && !is_stop(p))
            .collect()
    } else {
        vec![lower]
    };
    for p in parts {
        let (st, own, up) = interner.word(p, !name);
        let nchars = p.chars().count();
        let first5 = if nchars >= 5 {
            hash(&p.chars().take(5).collect::<String>())
        } else {
            0
        };
        let sig = |v: &[u32]| v.iter().fold(0u64, |a, &i| a | 1u64 << (i % 64));
        content.push(Tok {
            own_sig: sig(&own),
            up_sig: sig(&up),
            nchars,
            first5,
            lower: p.to_string(),
            stem: st,
            own,
            up,
            name,
            idf: 1.0,
        });
    }
}

/// Hashes of quoted word trigrams with at least two content words ("expect the worst", not
/// "i will never"), sorted, each once. `quoted` holds (word index, word).
fn quote_grams(quoted: &[(usize, String)]) -> Vec<u64> {
    let mut grams = Vec::new();
    for win in quoted.windows(3) {
        let content = win.iter().filter(|(_, w)| !is_stop(w)).count();
        if win[2].0 == win[0].0 + 2 && content >= 2 {
            grams.push(hash(&format!("{} {} {}", win[0].1, win[1].1, win[2].1)));
        }
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// All sentences of a set of documents, with stems interned and idf weights set.
pub(crate) struct Corpus {
    /// Sentences of every document, in document then sentence order.
    pub sents: Vec<Sent>,
    /// First sentence index of each document, plus the total at the end.
    pub doc_start: Vec<usize>,
}

impl Corpus {
    pub fn new(docs: &[super::DocInput<'_>]) -> Self {
        let mut interner = Interner::default();
        let mut sents = Vec::new();
        let mut doc_start = Vec::with_capacity(docs.len() + 1);
        for (d, doc) in docs.iter().enumerate() {
            doc_start.push(sents.len());
            let chars: Vec<char> = doc.text.chars().collect();
            let names: Vec<Span> = doc
                .mentions
                .iter()
                .filter(|m| m.is_name())
                .map(|m| m.span)
                .collect();
            for (k, &s) in doc.sentences.iter().enumerate() {
                let mut sent = sentence(d, &chars, s, &names, &mut interner);
                mention_keys(&mut sent, doc.mentions, &chars);
                (sent.pos, sent.of) = (k, doc.sentences.len());
                sents.push(sent);
            }
        }
        doc_start.push(sents.len());
        // Sentence frequency of stems (once per sentence).
        let mut df: HashMap<u32, u32> = HashMap::default();
        for s in &sents {
            let mut seen: Vec<u32> = s.content.iter().map(|t| t.stem).collect();
            seen.sort_unstable();
            seen.dedup();
            for st in seen {
                *df.entry(st).or_default() += 1;
            }
        }
        // Weight: idf over this corpus, with a floor so small corpora still weigh words.
        let n = sents.len().max(1) as f32;
        for s in &mut sents {
            for t in &mut s.content {
                let f = *df.get(&t.stem).unwrap_or(&1) as f32;
                t.idf = (n / f).ln().max(0.2);
            }
        }
        Corpus { sents, doc_start }
    }

    /// Sentence indices of document `d`.
    pub fn doc(&self, d: usize) -> std::ops::Range<usize> {
        self.doc_start[d]..self.doc_start[d + 1]
    }
}

/// The entity ids and date values of the mentions inside `sent`'s span.
fn mention_keys(sent: &mut Sent, mentions: &[super::MentionIn<'_>], chars: &[char]) {
    let span = sent.span;
    let mut inside: Vec<&super::MentionIn<'_>> = mentions
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .collect();
    inside.sort_by_key(|m| m.span.start);
    for m in inside {
        if m.is_name() {
            let h = hash(m.entity);
            sent.first_entity.get_or_insert(h);
            sent.entities.push(h);
        } else if m.label == "DATE" {
            let end = m.span.end.min(chars.len());
            let text: String = chars[m.span.start.min(end)..end].iter().collect();
            if let Some(v) = crate::normalize::date_value(&text, None) {
                sent.dates.push(hash(&v));
            }
        }
    }
    sent.entities.sort_unstable();
    sent.entities.dedup();
    sent.dates.sort_unstable();
    sent.dates.dedup();
}
