//! The clause reader that descriptors and quotes share: one text's characters, word
//! tokens, sentences and entity mentions in order ([`Context`]), with the questions both ask of
//! them: which mention stands at a token, which mentions a span holds, the subject of a clause,
//! the antecedent of a pronoun. [`crate::descriptors`] reads titles and appositives with it,
//! [`crate::quotes`] reads speakers. Tokens here are characters-level words and marks with
//! code-point spans, kept apart from `text::tokens` because both readers look at punctuation
//! and case that the analysis's tokenizer folds away.

use crate::offsets::Span;
use crate::pipeline::lists::WordSet;

/// What kind of thing a mention names, as far as quotes and descriptors need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place (which may stand for its government: "Moscow said").
    Place,
    /// Anything else (groups, dates, numbers).
    Other,
}

/// The view of an entity mention that quotes and descriptors use: its span, kind and entity id.
pub trait MentionLike {
    /// Code-point span of the mention.
    fn span(&self) -> Span;
    /// What it names.
    fn kind(&self) -> MentionKind;
    /// The entity id it belongs to.
    fn entity(&self) -> &str;
}

/// A plain mention, for callers (and tests) that have no analysis at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRef {
    /// Code-point span.
    pub span: Span,
    /// What it names.
    pub kind: MentionKind,
    /// Entity id.
    pub entity: String,
}

impl MentionLike for MentionRef {
    fn span(&self) -> Span {
        self.span
    }
    fn kind(&self) -> MentionKind {
        self.kind
    }
    fn entity(&self) -> &str {
        &self.entity
    }
}

impl MentionLike for crate::model::Mention {
    fn span(&self) -> Span {
        self.span
    }
    fn kind(&self) -> MentionKind {
        match self.label {
            crate::model::Label::Person => MentionKind::Person,
            crate::model::Label::Org => MentionKind::Org,
            crate::model::Label::Place => MentionKind::Place,
            _ => MentionKind::Other,
        }
    }
    fn entity(&self) -> &str {
        &self.entity
    }
}

/// One word or punctuation mark, with its code-point span.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// `text` in lower case, computed once (borrowed when it already is)
    low: std::borrow::Cow<'a, str>,
    pub word: bool,
}

impl<'a> Tok<'a> {
    fn new(start: usize, end: usize, text: &'a str, word: bool) -> Self {
        let low = if text.chars().any(changes_in_lower_case) {
            std::borrow::Cow::Owned(crate::text::lowercase(text))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        Tok {
            start,
            end,
            text,
            low,
            word,
        }
    }
    pub fn lower(&self) -> &str {
        &self.low
    }
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is(&self, p: &str) -> bool {
        !self.word && self.text == p
    }
}

/// True when `c` is not its own lower case (then `to_lowercase` may change the text; the
/// final-sigma rule only ever applies to a capital sigma, which is caught here too).
fn changes_in_lower_case(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        let mut l = c.to_lowercase();
        !(l.next() == Some(c) && l.next().is_none())
    }
}

/// Words (letters and digits, with inner apostrophes, hyphens, dots and ampersands) and single
/// punctuation marks; whitespace is dropped. `chars` are the characters of `text`.
///
/// Why a second tokenizer beside [`crate::text::tokens::tokenize`]: descriptors and speakers
/// read role phrases word by word, and a role word joined by a hyphen or an ampersand
/// ("vice-president", "co-founder", "AT&T") must be one word here, where UAX #29 (the crate's
/// tokenizer) cuts it in three. Each token also keeps its lower case, read many times.
pub(crate) fn tokenize<'a>(text: &'a str, chars: &[char]) -> Vec<Tok<'a>> {
    // (about one token in five characters)
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    // byte offset of chars[i] in text
    let mut b = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            b += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let (s, sb) = (i, b);
            i += 1;
            b += c.len_utf8();
            while i < chars.len() {
                let d = chars[i];
                // a letter or digit, or a joiner between this word and the next letter or digit
                let joins = || {
                    matches!(d, '\'' | '’' | '-' | '.' | '&' | '‑')
                        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                };
                if d.is_alphanumeric() || joins() {
                    i += 1;
                    b += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Tok::new(s, i, &text[sb..b], true));
        } else {
            out.push(Tok::new(i, i + 1, &text[b..b + c.len_utf8()], false));
            i += 1;
            b += c.len_utf8();
        }
    }
    out
}

fn furniture_of(lines: impl Iterator<Item = (Span, crate::text::lines::LineRole)>) -> Vec<Span> {
    lines
        .filter(|(_, r)| *r == crate::text::lines::LineRole::Furniture)
        .map(|(s, _)| s)
        .collect()
}

/// A lower-case word that reads as a verb (a past tense, a participle or a common irregular
/// verb) rather than a title word; a few participles that do make titles are allowed
/// ("acting director", "outgoing chairman", "retired general").
pub(crate) fn is_verb_like(w: &str) -> bool {
    looks_verbal(w)
        || matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "hit"
                | "fired"
                | "says"
                | "said"
        )
}

pub(crate) fn looks_verbal(w: &str) -> bool {
    static TITLE_PARTICIPLES: WordSet = WordSet::new(include_str!(
        "../../data/lists/clause/title_participles.txt"
    ));
    static IRREGULAR: WordSet = WordSet::new(include_str!("../../data/lists/clause/irregular.txt"));
    if TITLE_PARTICIPLES.contains(&w) {
        return false;
    }
    IRREGULAR.contains(&w) || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
}

/// True when `s` lies inside one of `spans` (sorted by start, not overlapping).
pub(crate) fn inside_any(spans: &[Span], s: Span) -> bool {
    let i = spans.partition_point(|q| q.start <= s.start);
    i > 0 && spans[i - 1].contains(&s)
}

/// Sentence spans: the caller's (clamped to the text, sorted, without empty ones and
/// repeats) when given, else [`crate::text::sentences::sentences`] of the text, the crate's one
/// sentence splitter.
pub(crate) fn sentence_spans(text: &str, chars: &[char], sentences: &[Span]) -> Vec<Span> {
    if sentences.is_empty() {
        return crate::text::sentences::sentences(text);
    }
    let mut v: Vec<Span> = sentences
        .iter()
        .map(|s| Span::new(s.start.min(chars.len()), s.end.min(chars.len())))
        .filter(|s| s.start < s.end)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Shared state for reading descriptors (and, in `quotes`, speakers) out of one text.
pub(crate) struct Context<'a, M: MentionLike> {
    pub chars: Vec<char>,
    pub toks: Vec<Tok<'a>>,
    pub sentences: Vec<Span>,
    pub mentions: &'a [M],
    /// Mentions sorted by start: indices into `mentions`.
    pub order: Vec<usize>,
    /// Lines of site furniture (links, teasers), sorted: nothing there describes anyone.
    /// Computed on first use unless given.
    pub furniture: std::cell::OnceCell<Vec<Span>>,
    /// The text, for computing line roles when needed.
    pub text: &'a str,
}

impl<'a, M: MentionLike> Context<'a, M> {
    pub fn new(text: &'a str, sentences: &[Span], mentions: &'a [M]) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(text, &chars);
        let sentences = sentence_spans(text, &chars, sentences);
        let n = chars.len();
        let mut order: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                let s = mentions[i].span();
                s.start < s.end && s.end <= n
            })
            .collect();
        order.sort_by_key(|&i| (mentions[i].span().start, mentions[i].span().end));
        Context {
            furniture: std::cell::OnceCell::new(),
            text,
            chars,
            toks,
            sentences,
            mentions,
            order,
        }
    }

    /// Uses `lines` (the text's line roles) for furniture instead of computing them.
    pub fn set_lines(&self, lines: &[(Span, crate::text::lines::LineRole)]) {
        let _ = self.furniture.set(furniture_of(lines.iter().copied()));
    }

    pub(crate) fn furniture(&self) -> &[Span] {
        self.furniture
            .get_or_init(|| furniture_of(crate::text::lines::line_roles(self.text).into_iter()))
    }

    pub fn slice(&self, s: Span) -> String {
        let e = s.end.min(self.chars.len());
        let st = s.start.min(e);
        self.chars[st..e].iter().collect()
    }

    /// Index of the first token starting at or after `cp`.
    pub fn tok_at(&self, cp: usize) -> usize {
        self.toks.partition_point(|t| t.start < cp)
    }

    /// The sentence containing code point `cp` (or the nearest before it).
    pub fn sentence_of(&self, cp: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.start <= cp);
        if i > 0 && self.sentences[i - 1].end > cp {
            return self.sentences[i - 1];
        }
        // Not inside a sentence: the gap between neighbours.
        let start = if i > 0 { self.sentences[i - 1].end } else { 0 };
        let end = self
            .sentences
            .get(i)
            .map(|s| s.start)
            .unwrap_or(self.chars.len());
        Span::new(start, end.max(start))
    }

    /// The mention (index into `mentions`) of the wanted kinds that covers token `t`.
    pub fn mention_at_tok(&self, t: usize, kinds: &[MentionKind]) -> Option<usize> {
        let tok = self.toks.get(t)?;
        let k = self
            .order
            .partition_point(|&i| self.mentions[i].span().start <= tok.start);
        (k.saturating_sub(3)..(k + 1).min(self.order.len()))
            .map(|j| self.order[j])
            .find(|&i| {
                let s = self.mentions[i].span();
                s.start < tok.end && tok.start < s.end && kinds.contains(&self.mentions[i].kind())
            })
    }

    /// Mentions (indices) of the given kinds lying wholly inside `span`, in text order.
    pub fn mentions_in(&self, span: Span, kinds: &[MentionKind]) -> Vec<usize> {
        let k = self
            .order
            .partition_point(|&i| self.mentions[i].span().start < span.start);
        self.order[k..]
            .iter()
            .copied()
            .take_while(|&i| self.mentions[i].span().start < span.end)
            .filter(|&i| {
                span.contains(&self.mentions[i].span()) && kinds.contains(&self.mentions[i].kind())
            })
            .collect()
    }

    /// The person a pronoun at `cp` most likely refers to: the subject (see
    /// [`Context::subject_in`]) of the nearest earlier sentence that names one, or of the
    /// current sentence before the pronoun, skipping mentions inside `skip` spans (quoted
    /// speech) and looking back at most six sentences.
    pub fn antecedent(&self, cp: usize, kinds: &[MentionKind], skip: &[Span]) -> Option<usize> {
        let si = self.sentences.partition_point(|s| s.start <= cp);
        let cur = self.sentence_of(cp);
        if let Some(m) = self.subject_in(Span::new(cur.start, cp), kinds, skip) {
            return Some(m);
        }
        let mut looked = 0;
        let mut fallback = None;
        // At most 60 sentences back in all, however many are quoted speech.
        for j in (0..si).rev().take(60) {
            let s = self.sentences[j];
            if s.start >= cur.start {
                continue;
            }
            // Sentences wholly inside quoted speech do not count towards the limit of six.
            if !inside_any(skip, s) {
                looked += 1;
                if looked > 6 {
                    break;
                }
            }
            if let Some(m) = self.subject_in(s, kinds, skip) {
                // Only names after prepositions or possessives here: keep looking for a subject.
                if self.subject_score(m) > 0 {
                    return Some(m);
                }
                fallback = fallback.or(Some(m));
            }
        }
        fallback
    }

    /// The mention of the given kinds in `span` most likely to be a clause subject: one
    /// followed by a verb and not governed by a preposition or possessive beats one merely not
    /// governed, which beats the rest; ties go to the first.
    pub fn subject_in(&self, span: Span, kinds: &[MentionKind], skip: &[Span]) -> Option<usize> {
        let cands: Vec<usize> = self
            .mentions_in(span, kinds)
            .into_iter()
            .filter(|&i| !inside_any(skip, self.mentions[i].span()))
            .collect();
        cands
            .into_iter()
            .map(|m| (self.subject_score(m), m))
            .fold(None, |best: Option<(u8, usize)>, (sc, m)| match best {
                Some((b, _)) if b >= sc => best,
                _ => Some((sc, m)),
            })
            .map(|(_, m)| m)
    }

    pub fn subject_score(&self, m: usize) -> u8 {
        static PREPS: WordSet =
            WordSet::new(include_str!("../../data/lists/clause/prepositions.txt"));
        let s = self.mentions[m].span();
        let first = self.tok_at(s.start);
        let governed = first > 0 && {
            let p = &self.toks[first - 1];
            p.word && (PREPS.contains(&p.lower()) || matches!(p.lower(), "and" | "or" | "nor"))
        };
        // The token holding the mention's end: a possessive ("Biden's") is not a subject.
        let last = self.tok_at(s.end).saturating_sub(1);
        let possessive = self.toks.get(last).is_some_and(|t| {
            let l = t.lower();
            t.end > s.end && (l.ends_with("'s") || l.ends_with("’s"))
        }) || self
            .toks
            .get(last + 1)
            .is_some_and(|t| !t.word && matches!(t.text, "'" | "’"));
        if governed || possessive {
            return 0;
        }
        // Followed by a verb (skipping adverbs): "Biden called", "Smith has", "Lee, 41, said".
        let mut k = self.tok_at(s.end);
        for _ in 0..3 {
            match self.toks.get(k) {
                Some(t)
                    if t.word
                        && matches!(
                            t.lower(),
                            "also"
                                | "then"
                                | "later"
                                | "had"
                                | "has"
                                | "have"
                                | "was"
                                | "is"
                                | "would"
                                | "will"
                                | "could"
                                | "on"
                        ) =>
                {
                    k += 1
                }
                _ => break,
            }
        }
        let verbish = self.toks.get(k).is_some_and(|t| {
            let l = t.lower();
            t.word
                && !t.capitalised()
                && (l.ends_with("ed")
                    || l.ends_with('s')
                    || matches!(
                        l,
                        "said"
                            | "told"
                            | "wrote"
                            | "spoke"
                            | "is"
                            | "was"
                            | "has"
                            | "had"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "did"
                            | "does"
                            | "made"
                            | "went"
                            | "met"
                            | "took"
                            | "gave"
                            | "began"
                            | "left"
                            | "held"
                            | "also"
                            | "then"
                    ))
        });
        if verbish {
            2
        } else {
            1
        }
    }
}
