//! The entity recognizer: PERSON, ORG, PLACE, GROUP, DATE and NUMBER mentions in one text.
//!
//! A rule system in four passes over the word tokens (see ../../../ARCHITECTURE.md):
//! 1. [`numeric`]: DATE and NUMBER grammar (months, weekdays, years, durations, relative
//!    dates; cardinals, money, percentages, units, approximators).
//! 2. Capitalised chunks (runs of capitalised words with inner connectors such as "of", "&",
//!    hyphens and initials) are split into pieces: gazetteer matches (places, demonyms, known
//!    organisations), organisation phrases ending in a head word ("... Ministry", "... Inc"),
//!    titles (dropped: "Prime Minister"), person names (a given name, or a name after a title),
//!    and unknown pieces.
//! 3. Unknown pieces are decided by context: a title or role before them, "said" after, a
//!    place preposition, an age in commas, the surname list, acronym shape, and what the same
//!    words were in the rest of the document (a name once a PERSON stays one).
//! 4. Lower-case references to one specific body ("the foreign ministry").
//!
//! Invariant: the output is sorted, non-overlapping, and every span lies inside the text.

// The decision lists below keep one branch per cue, even when two cues give the same label,
// so that each rule can be read (and removed) on its own.
#![allow(
    clippy::if_same_then_else,
    clippy::nonminimal_bool,
    clippy::collapsible_if,
    clippy::needless_range_loop,
    clippy::manual_range_contains
)]

pub mod lexicon;
mod numeric;
pub mod tagger;
#[cfg(test)]
mod tests;

use crate::model::Label;
use crate::offsets::Span;
use crate::pipeline::lists::WordSet;
use crate::text::tokens::{tokenize, Token, TokenKind};
use lexicon::{is_common_word, is_given_name, is_org_head, is_surname, is_title, known, Known};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// A word token (whitespace removed) with its layout context.
#[derive(Debug, Clone)]
pub(crate) struct W<'a> {
    pub text: &'a str,
    /// the text in lower case (borrowed when it already is)
    pub low: Cow<'a, str>,
    pub span: Span,
    /// whitespace before this token
    pub sp: bool,
    /// a line break before this token
    pub nl: bool,
    pub kind: TokenKind,
    /// first word of a sentence (or of a line)
    pub first: bool,
    /// inside a line written in capitals (keyword line, credit)
    pub caps_line: bool,
    /// inside a line in title case (a headline: "Man Convicted In Murder Gets Life")
    pub title_line: bool,
}

impl W<'_> {
    pub(crate) fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
    fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    fn cap(&self) -> bool {
        self.is_word() && self.text.starts_with(|c: char| c.is_uppercase())
    }
    fn all_caps(&self) -> bool {
        self.is_word()
            && self.text.chars().any(char::is_alphabetic)
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// One recognized mention (code-point span and label).
pub type Found = (Span, Label);

fn words<'a>(toks: &[Token<'a>], sentences: &[Span]) -> Vec<W<'a>> {
    let mut ws = Vec::with_capacity(toks.len() / 2 + 1);
    let mut sp = false;
    let mut nl = true;
    let mut si = 0;
    let mut sent_has_word = false;
    for t in toks {
        match t.kind {
            TokenKind::Space => sp = true,
            TokenKind::Newline => {
                sp = true;
                nl = true;
            }
            _ => {
                while si < sentences.len() && sentences[si].end <= t.span.start {
                    si += 1;
                }
                if nl || sentences.get(si).is_some_and(|s| s.start == t.span.start) {
                    sent_has_word = false;
                }
                // the first word of a sentence, after any opening quotes, brackets or bullets
                let first = !sent_has_word;
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                    sent_has_word = true;
                }
                let low = if t.text.chars().any(char::is_uppercase) {
                    Cow::Owned(crate::text::lowercase(t.text))
                } else {
                    Cow::Borrowed(t.text)
                };
                ws.push(W {
                    text: t.text,
                    low,
                    span: t.span,
                    sp,
                    nl,
                    kind: t.kind,
                    first,
                    caps_line: false,
                    title_line: false,
                });
                sp = false;
                nl = false;
            }
        }
    }
    mark_lines(&mut ws);
    // known multi-word names keep their capitals on headline lines ("The Associated Press")
    for i in 0..ws.len() {
        if !ws[i].title_line || !ws[i].cap() {
            continue;
        }
        for n in (2..=4).rev() {
            if i + n <= ws.len()
                && ws[i..i + n]
                    .iter()
                    .all(|w| w.cap() && !w.nl || w.text == "&")
                && ws[i + 1..i + n].iter().all(|w| !w.nl)
            {
                if known(&key(&ws, i, i + n)).is_some() {
                    for w in &mut ws[i..i + n] {
                        w.title_line = false;
                    }
                    break;
                }
            }
        }
    }
    ws
}

fn mark_lines(ws: &mut [W<'_>]) {
    // mark lines written in capitals
    let mut a = 0;
    while a < ws.len() {
        let mut b = a + 1;
        while b < ws.len() && !ws[b].nl {
            b += 1;
        }
        let (mut up, mut low) = (0, 0);
        for w in &ws[a..b] {
            for c in w.text.chars() {
                if c.is_uppercase() {
                    up += 1;
                } else if c.is_lowercase() {
                    low += 1;
                }
            }
        }
        if up >= 6 && low * 5 < up {
            for w in &mut ws[a..b] {
                w.caps_line = true;
            }
        } else {
            // title case: most words capitalised, including small words after the first
            let wordsn = ws[a..b]
                .iter()
                .filter(|w| w.is_word() && w.text.chars().count() > 1)
                .count();
            let capsn = ws[a..b]
                .iter()
                .filter(|w| w.is_word() && w.text.chars().count() > 1 && w.cap())
                .count();
            let small_caps = ws[a + 1..b].iter().any(|w| {
                w.cap()
                    && (lexicon::FUNCTION_WORDS.contains(&&*w.low)
                        || matches!(w.text, "Says" | "Gets" | "Warns" | "Will"))
            });
            if wordsn >= 3 && capsn * 10 >= wordsn * 7 && (small_caps || capsn == wordsn) {
                for w in &mut ws[a..b] {
                    w.title_line = true;
                }
            }
        }
        a = b;
    }
}

/// Recognizes the mentions of one text: sorted, non-overlapping.
pub fn recognize(text: &str) -> Vec<Found> {
    let toks = tokenize(text);
    let sents = crate::text::sentences::sentences_of(&toks);
    recognize_tokens(&toks, &sents)
}

/// Like [`recognize`] over tokens and sentences already computed: [`Mode::Both`] of
/// [`recognize_with`] with the embedded model (the tagger decides the names, the rules'
/// output among its features; see `tagger` for the measurements behind the choice).
pub fn recognize_tokens(toks: &[Token<'_>], sentences: &[Span]) -> Vec<Found> {
    recognize_with(toks, sentences, DEFAULT_MODE, tagger::Model::embedded())
}

/// The recognizer of the app, the engine and the CLI.
pub const DEFAULT_MODE: Mode = Mode::Both;

/// Which recognizer makes the names (PERSON, ORG, PLACE, GROUP); DATE and NUMBER always come
/// from the grammars of [`numeric`]. [`DEFAULT_MODE`] is what the app and the CLI use; the
/// others are the ablation of `cargo xtask eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The rules of this module only.
    Rules,
    /// The tagger, its features not knowing the rules' output.
    Tagger,
    /// The tagger with the rules' output among its features.
    Both,
    /// The rules' names first; the tagger (with the rules as features) adds names where the
    /// rules found none.
    Fill,
}

/// [`recognize_tokens`] with a chosen recognizer and model.
pub fn recognize_with(
    toks: &[Token<'_>],
    sentences: &[Span],
    mode: Mode,
    model: &tagger::Model<'_>,
) -> Vec<Found> {
    let ws = words(toks, sentences);
    let (rules, reasons) = rule_mentions_why(&ws);
    let spans = match mode {
        Mode::Rules => rules,
        Mode::Tagger | Mode::Both | Mode::Fill => {
            let feats = (mode != Mode::Tagger).then_some((&rules[..], &reasons[..]));
            let tagged = tagger::tag(model, &ws, feats);
            tagger::combine(&ws, &rules, &reasons, tagged, mode == Mode::Fill)
        }
    };
    to_found(&ws, spans)
}

/// The training features of a text whose PERSON, ORG, PLACE and GROUP mentions are known
/// (code-point spans): one sequence per line of the text, see [`tagger::train`]. With
/// `first_pass`, a model trained without this text, the words also get the document pass's
/// features of how that model tagged the text.
pub fn training_sequences(
    text: &str,
    gold: &[(Span, Label)],
    with_rules: bool,
    buckets_log2: u32,
    first_pass: Option<&tagger::Model<'_>>,
) -> Vec<tagger::train::Sequence> {
    let toks = tokenize(text);
    let sents = crate::text::sentences::sentences_of(&toks);
    let ws = words(&toks, &sents);
    let rules = with_rules.then(|| rule_mentions_why(&ws));
    let feats = rules.as_ref().map(|(r, w)| (&r[..], &w[..]));
    tagger::train::sequences(&ws, gold, feats, buckets_log2, first_pass)
}

/// Why the rules chose a mention (a feature of the tagger): a grammar or a dateline, a strong
/// cue (lexicon, title, head word), a context rule, a capitalised common word the document
/// confirmed, the default label of an unknown piece, a lower-case name.
pub(crate) mod why {
    pub const GRAMMAR: u8 = 1;
    pub const SURE: u8 = 2;
    pub const CONTEXT: u8 = 3;
    pub const WEAK: u8 = 4;
    pub const DEFAULT: u8 = 5;
    pub const LOWER: u8 = 6;
}

/// The rules' mentions as word ranges (sorted, non-overlapping) and, for each, why (see
/// [`why`]).
fn rule_mentions_why(ws: &[W<'_>]) -> (Vec<(usize, usize, Label)>, Vec<u8>) {
    let mut used = vec![false; ws.len()];
    let mut out: Vec<(usize, usize, Label)> = Vec::new();
    let mut reasons: Vec<u8> = Vec::new();

    for (s, e, l) in numeric::scan(ws) {
        // a number that is part of a capitalised name ("France 24", "Ward 7") is left to names
        for u in &mut used[s..e] {
            *u = true;
        }
        out.push((s, e, l));
    }

    datelines(ws, &mut used, &mut out);
    reasons.resize(out.len(), why::GRAMMAR);
    let mut pieces: Vec<Piece> = Vec::new();
    chunk_pass(ws, &used, &mut pieces);
    resolve(ws, &mut pieces);
    // adjacent groups are one ("Liberal Democrat", "Russian Orthodox")
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        if let Some(last) = merged.last_mut() {
            if last.label == Some(Label::Group)
                && p.label == Some(Label::Group)
                && last.e == p.s
                && ws[p.s].sp
                && !ws[p.s].nl
            {
                last.e = p.e;
                continue;
            }
        }
        merged.push(p);
    }
    for p in &merged {
        if let Some(l) = p.label {
            out.push((p.s, p.e, l));
            reasons.push(if p.sure {
                why::SURE
            } else if p.weak {
                why::WEAK
            } else if p.defaulted {
                why::DEFAULT
            } else {
                why::CONTEXT
            });
            for u in &mut used[p.s..p.e] {
                *u = true;
            }
        }
    }
    lowercase_orgs(ws, &used, &mut out);
    lowercase_countries(ws, &used, &mut out);
    reasons.resize(out.len(), why::LOWER);
    let mut both: Vec<((usize, usize, Label), u8)> = out.into_iter().zip(reasons).collect();
    both.sort_by_key(|m| (m.0 .0, m.0 .1));
    // enforce non-overlap
    let mut res = Vec::with_capacity(both.len());
    let mut res_why = Vec::with_capacity(both.len());
    let mut last_end = 0usize;
    for ((s, e, l), r) in both {
        if s >= e || e > ws.len() || s < last_end {
            continue;
        }
        last_end = e;
        res.push((s, e, l));
        res_why.push(r);
    }
    (res, res_why)
}

/// Word ranges (sorted, non-overlapping) to code-point spans.
fn to_found(ws: &[W<'_>], spans: Vec<(usize, usize, Label)>) -> Vec<Found> {
    let mut res: Vec<Found> = Vec::with_capacity(spans.len());
    let mut last_end = 0usize;
    for (s, e, l) in spans {
        if s >= e || e > ws.len() {
            continue;
        }
        let span = Span::new(ws[s].span.start, ws[e - 1].span.end);
        if span.start < last_end {
            continue;
        }
        last_end = span.end;
        res.push((span, l));
    }
    res
}

/// A piece of a capitalised chunk.
#[derive(Debug, Clone)]
struct Piece {
    s: usize,
    e: usize,
    label: Option<Label>,
    /// decided by a strong cue (lexicon, title, head word)
    sure: bool,
    /// a capitalised common word opening a sentence: a name only if the document says so
    weak: bool,
    /// no cue decided it: the default label of an unknown capitalised piece
    defaulted: bool,
}

fn lc<'b>(w: &'b W<'_>) -> &'b str {
    &w.low
}

static CONNECTORS: WordSet =
    WordSet::new(include_str!("../../../data/lists/entities/connectors.txt"));

/// Lower-case title words before a name ("spokesman Dmitry Peskov").
static LOWER_TITLES: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/lower_titles.txt"
));

/// Verbs whose subject is a person: speech ("said"), thought and feeling ("believes", "hoped")
/// and a few others ("died", "was", "is"). A capitalised name before one reads as a person.
/// (Not the quote reader's speech verbs: those introduce a quotation.)
static PERSON_SUBJECT_VERBS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/person_subject_verbs.txt"
));

/// True if the token at `i` starts (or continues) a capitalised name.
fn capword(ws: &[W<'_>], i: usize) -> bool {
    let w = &ws[i];
    if !w.is_word() || w.text == "I" || is_contraction(w.text) {
        return false;
    }
    if w.title_line && w.cap() && !(w.all_caps() && w.text.chars().count() > 1) {
        let l = lc(w);
        if (is_common_word(l) || lexicon::FUNCTION_WORDS.contains(&l))
            && !is_given_name(w.text)
            && known(w.text).is_none()
            && !is_org_head(w.text)
            && !lexicon::PLACE_HEADS.contains(&w.text)
        {
            return false;
        }
    }
    let c = w.text.chars().next().unwrap_or(' ');
    // camel case with a lower-case start ("iPhone", "eBay") only when known
    c.is_uppercase()
        || (w.text.len() > 1
            && c.is_lowercase()
            && w.text.chars().skip(1).any(char::is_uppercase)
            && known(w.text).is_some())
}

/// Names are short: a longer run of capitals (a shouted line) is cut into chunks this long.
const MAX_CHUNK_TOKENS: usize = 16;

/// Finds the capitalised chunks of the unused words and splits each into pieces.
fn chunk_pass(ws: &[W<'_>], used: &[bool], pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i < ws.len() {
        if used[i] || !capword(ws, i) {
            i += 1;
            continue;
        }
        let e = chunk_end(ws, used, i);
        split_chunk(ws, i, e, pieces);
        i = e;
    }
}

/// What a step of chunk growth makes of the token at the chunk's end.
enum Grow {
    /// The chunk takes the tokens up to here and goes on.
    To(usize),
    /// The chunk ends here.
    EndAt(usize),
    /// The step does not apply.
    Not,
}

/// A step of chunk growth over `ws`, the chunk `[s, e)` so far.
type GrowStep = fn(&[W<'_>], &[bool], usize, usize) -> Grow;

/// The steps tried in order at the chunk's end; when none applies, the chunk ends.
const GROW_STEPS: &[GrowStep] = &[
    abbreviation_stop,
    capitalised_word,
    possessive_in_name,
    joined_capitals,
    connector_then_capital,
    hyphen_in_org_tail,
    in_inside_org_tail,
    and_inside_org,
    and_inside_title,
    number_closing_name,
];

/// The end of the capitalised chunk starting at `s`.
fn chunk_end(ws: &[W<'_>], used: &[bool], s: usize) -> usize {
    let mut e = s + 1;
    loop {
        if e >= ws.len() || ws[e].nl || used[e] || e - s >= MAX_CHUNK_TOKENS {
            return e;
        }
        match GROW_STEPS
            .iter()
            .map(|step| step(ws, used, s, e))
            .find(|g| !matches!(g, Grow::Not))
        {
            Some(Grow::To(n)) => e = n,
            Some(Grow::EndAt(n)) => return n,
            _ => return e,
        }
    }
}

/// The token at `k` is a capitalised word on the same line, not used yet.
fn free_capword(ws: &[W<'_>], used: &[bool], k: usize) -> bool {
    k < ws.len() && capword(ws, k) && !ws[k].nl && !used[k]
}

/// An abbreviation's full stop: U.S. / J. / Sen. kept when a name goes on (or it closes
/// "U.S."); "Jr.", "Inc." and known dotted names end the chunk after it.
fn abbreviation_stop(ws: &[W<'_>], _: &[bool], s: usize, e: usize) -> Grow {
    let w = &ws[e];
    if !(w.text == "." && !w.sp) {
        return Grow::Not;
    }
    let p = &ws[e - 1];
    let corp = matches!(p.text, "Inc" | "Corp" | "Co" | "Ltd" | "Bros")
        && e > s + 1
        && ws.get(e + 1).is_some_and(|n| {
            !n.nl && (n.text == "," || n.text.starts_with(|c: char| c.is_lowercase()))
        });
    if matches!(p.text, "Jr" | "Sr")
        || corp
        || known(&format!("{}.", p.text)).is_some() && !p.text.contains('.')
    {
        return Grow::EndAt(e + 1);
    }
    let single = p.text.chars().count() == 1 && p.cap();
    let abbreviation = p.text.contains('.')
        || single
        || is_title(p.text)
        || matches!(
            p.text,
            "St" | "Mt" | "Co" | "Inc" | "Corp" | "Ltd" | "Jr" | "Sr" | "Bros"
        );
    // only keep it when a name continues, or it closes U.S.
    if abbreviation
        && (e + 1 < ws.len() && capword(ws, e + 1) && !ws[e + 1].nl && !ws[e + 1].first
            || p.text.contains('.') && !p.text.ends_with('.'))
    {
        return Grow::To(e + 1);
    }
    Grow::EndAt(e)
}

/// A capitalised word that does not open a new sentence.
fn capitalised_word(ws: &[W<'_>], _: &[bool], _: usize, e: usize) -> Grow {
    let prev = &ws[e - 1];
    if !capword(ws, e)
        || ws[e].first
            && !prev.is_word()
            && prev.text != "-"
            && prev.text != "."
            && prev.text != "&"
    {
        return Grow::Not;
    }
    // sentence boundary right after an abbreviation-looking token
    if ws[e].first && prev.text == "." && !prev.sp && !ws[e - 2].text.contains('.') {
        return Grow::EndAt(e);
    }
    Grow::To(e + 1)
}

/// Bodies whose names a possessive opens rather than continues ("Labour's Party").
static NOT_AFTER_POSSESSIVE: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/not_after_possessive.txt"
));

/// A possessive inside a name: "St Mary's Hospital", "Children's Hospital".
fn possessive_in_name(ws: &[W<'_>], _: &[bool], _: usize, e: usize) -> Grow {
    let w = &ws[e];
    let inside = (w.text == "'s" || w.text == "’s")
        && e + 1 < ws.len()
        && !ws[e + 1].nl
        && ws[e + 1].cap()
        && !is_org_head(ws[e - 1].text)
        && known(ws[e - 1].text).is_none()
        && (is_org_head(ws[e + 1].text) || lexicon::PLACE_HEADS.contains(&ws[e + 1].text))
        && !NOT_AFTER_POSSESSIVE.contains(&ws[e + 1].text);
    if inside {
        Grow::To(e + 2)
    } else {
        Grow::Not
    }
}

/// A hyphen joining two capitalised words without spaces, or an ampersand.
fn joined_capitals(ws: &[W<'_>], _: &[bool], _: usize, e: usize) -> Grow {
    let w = &ws[e];
    if (w.text == "-" || w.text == "&")
        && e + 1 < ws.len()
        && capword(ws, e + 1)
        && !ws[e + 1].nl
        && (w.text == "&" || (!w.sp && !ws[e + 1].sp))
    {
        Grow::To(e + 2)
    } else {
        Grow::Not
    }
}

/// A lower-case connector followed by a capitalised word ("of X", "of the X"); "for" only
/// in an organisation or a title.
fn connector_then_capital(ws: &[W<'_>], used: &[bool], s: usize, e: usize) -> Grow {
    let w = &ws[e];
    if !(w.is_word()
        && CONNECTORS.contains(&lc(w))
        && w.text.starts_with(|c: char| c.is_lowercase()))
    {
        return Grow::Not;
    }
    let k = if ws.get(e + 1).is_some_and(|t| t.text == "the") {
        e + 2
    } else {
        e + 1
    };
    let titled_chunk = ws[s..e].iter().any(is_title_word);
    if free_capword(ws, used, k)
        && w.text != "the"
        && !(w.text == "for" && !has_org_head(ws, s, e) && !titled_chunk)
    {
        Grow::To(k + 1)
    } else {
        Grow::Not
    }
}

/// The chunk so far holds "<Head> of" or "<Head> for" ("Organization for Security").
fn in_org_tail(ws: &[W<'_>], s: usize, e: usize) -> bool {
    ws[s..e]
        .windows(2)
        .any(|p| is_org_head(p[0].text) && (p[1].text == "of" || p[1].text == "for"))
}

/// Inside "<Head> of/for ...", a hyphenated word: "Co-operation".
fn hyphen_in_org_tail(ws: &[W<'_>], _: &[bool], s: usize, e: usize) -> Grow {
    let w = &ws[e];
    if w.text == "-"
        && !w.sp
        && e + 1 < ws.len()
        && !ws[e + 1].sp
        && ws[e + 1].is_word()
        && ws[e - 1].cap()
        && in_org_tail(ws, s, e)
    {
        Grow::To(e + 2)
    } else {
        Grow::Not
    }
}

/// Inside "<Head> of/for ...", "in" before a capitalised word: "Co-operation in Europe".
fn in_inside_org_tail(ws: &[W<'_>], used: &[bool], s: usize, e: usize) -> Grow {
    if ws[e].text == "in" && free_capword(ws, used, e + 1) && in_org_tail(ws, s, e) {
        Grow::To(e + 1)
    } else {
        Grow::Not
    }
}

/// "and" inside an organisation: "Institute of Allergy and Infectious Diseases".
fn and_inside_org(ws: &[W<'_>], used: &[bool], s: usize, e: usize) -> Grow {
    if ws[e].text == "and" && free_capword(ws, used, e + 1) && in_org_tail(ws, s, e) {
        Grow::To(e + 1)
    } else {
        Grow::Not
    }
}

/// "and" inside a title: "High Representative for Foreign Affairs and Security Policy".
fn and_inside_title(ws: &[W<'_>], used: &[bool], s: usize, e: usize) -> Grow {
    if ws[e].text == "and"
        && free_capword(ws, used, e + 1)
        && ws[s..e].iter().any(|t| t.text == "for" || t.text == "of")
        && ws[s..e].iter().any(is_title_word)
        && is_title_mod(&ws[e + 1])
    {
        Grow::To(e + 1)
    } else {
        Grow::Not
    }
}

/// A number closing a name: "France 24", "Ward 7", "District 247".
fn number_closing_name(ws: &[W<'_>], _: &[bool], _: usize, e: usize) -> Grow {
    let w = &ws[e];
    if w.is_number()
        && w.text.len() <= 4
        && w.text.chars().all(|c| c.is_ascii_digit())
        && matches!(
            ws[e - 1].text,
            "District" | "Ward" | "France" | "Channel" | "Apollo" | "Artemis"
        )
    {
        Grow::To(e + 1)
    } else {
        Grow::Not
    }
}

/// Ends with a contraction ("I'm", "we'll", "don’t"), in any case. Compares the word's last
/// three characters, lower-cased one by one: a character whose lower case is several (only "İ")
/// ends in a combining dot and can never be part of a match.
fn is_contraction(w: &str) -> bool {
    // every contraction ends in m, d, l, e or t (no other character lowers to those)
    if !matches!(
        w.as_bytes().last(),
        Some(b'm' | b'd' | b'l' | b'e' | b't' | b'M' | b'D' | b'L' | b'E' | b'T')
    ) {
        return false;
    }
    let mut t = ['\0'; 3]; // last, second last, third last
    for (slot, c) in t.iter_mut().zip(w.chars().rev()) {
        let mut l = c.to_lowercase();
        *slot = match (l.next(), l.next()) {
            (Some('’'), None) => '\'',
            (Some(x), None) => x,
            _ => '\u{307}',
        };
    }
    matches!(
        t,
        ['m' | 'd', '\'', _] | ['l', 'l', '\''] | ['e', 'r' | 'v', '\''] | ['t', '\'', 'n']
    )
}

fn has_org_head(ws: &[W<'_>], s: usize, e: usize) -> bool {
    ws[s..e].iter().any(|w| is_org_head(w.text))
}

/// Surface of tokens s..e with single spaces where the text had whitespace.
fn key(ws: &[W<'_>], s: usize, e: usize) -> String {
    let words = &ws[s..e];
    let mut k = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    for (n, w) in words.iter().enumerate() {
        if n > 0 && w.sp {
            k.push(' ');
        }
        k.push_str(w.text);
    }
    k
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// Longest lexicon match starting at `p` inside `[p, e)`.
fn lexicon_match(ws: &[W<'_>], p: usize, e: usize) -> Option<(usize, Known)> {
    let multi = lexicon::starts_multiword(ws[p].text)
        || ws[p].all_caps() && lexicon::starts_multiword(&title_case(ws[p].text));
    let max = if multi {
        (e - p).min(6)
    } else {
        (e - p).min(2)
    };
    for n in (1..=max).rev() {
        let end = p + n;
        // never end on a connector or punctuation
        let last = &ws[end - 1];
        if !(last.is_word() || last.text == "." || last.is_number()) {
            continue;
        }
        let k = key(ws, p, end);
        if let Some(kn) = known(&k) {
            if n == 1
                && kn == Known::Place(lexicon::PlaceKind::City)
                && is_common_word(&k.to_lowercase())
                && !place_context(ws, p)
            {
                continue;
            }
            return Some((end, kn));
        }
        if ws[p].caps_line || ws[p].all_caps() && k.chars().count() > 4 {
            if let Some(kn) = known(&title_case(&k)) {
                // a capitals line gives only whole known names
                return Some((end, kn));
            }
        }
    }
    None
}

fn known_label(k: Known) -> Option<Label> {
    match k {
        Known::Place(_) => Some(Label::Place),
        Known::Org => Some(Label::Org),
        Known::Group => Some(Label::Group),
        Known::Skip => None,
    }
}

fn is_title_word(w: &W<'_>) -> bool {
    is_title(w.text) || w.text.eq_ignore_ascii_case("ceo")
}

fn is_title_mod(w: &W<'_>) -> bool {
    lexicon::TITLE_MODIFIERS.contains(&w.text)
}

/// Title phrase at p: modifiers then at least one head ("Deputy Foreign Minister",
/// "Secretary of State"). Returns its end.
fn title_at(ws: &[W<'_>], p: usize, e: usize) -> Option<usize> {
    let mut k = p;
    let mut last_head = None;
    while k < e {
        let w = &ws[k];
        if w.text == "." && !w.sp && k > p {
            if last_head == Some(k) {
                last_head = Some(k + 1);
            }
            k += 1;
            continue;
        }
        if w.text == "-" {
            k += 1;
            continue;
        }
        if is_title_word(w) {
            k += 1;
            last_head = Some(k);
            continue;
        }
        if is_title_mod(w) {
            k += 1;
            continue;
        }
        if (w.text == "of" || w.text == "for") && last_head == Some(k) {
            // "Secretary of State", "Minister of Foreign Affairs" (but "CEO of Acme" is an org)
            let mut m = k + 1;
            if m < e && ws[m].text == "the" {
                m += 1;
            }
            let mut n = m;
            while n < e && (is_title_mod(&ws[n]) || ws[n].text == "and") {
                n += 1;
            }
            // "CEO of the Presidential Grants Foundation": an organisation, not a title
            let org_follows =
                n < e && capword(ws, n) && ws[n..e].iter().any(|t| is_org_head(t.text));
            if n > m && !org_follows {
                k = n;
                last_head = Some(n);
                continue;
            }
        }
        break;
    }
    last_head
}

fn person_like(ws: &[W<'_>], s: usize, e: usize) -> bool {
    let n = ws[s..e].iter().filter(|w| w.is_word()).count();
    (2..=4).contains(&n) && is_given_name(ws[s].text) && !is_common_word(lc(&ws[s]))
        || (2..=4).contains(&n) && is_given_name(ws[s].text) && is_surname(ws[e - 1].text)
}

/// Splits the chunk [s, e) into pieces: at each position the cues of [`CUES`] are tried in
/// order, and the first that reads the words there moves the cursor past them.
fn split_chunk(ws: &[W<'_>], s: usize, e: usize, pieces: &mut Vec<Piece>) {
    let titled = s > 0 && {
        let prev = &ws[s - 1];
        prev.is_word()
            && LOWER_TITLES.contains(&lc(prev))
            && prev.text.starts_with(|c: char| c.is_lowercase())
            || prev.text == "." && s >= 2 && is_title(ws[s - 2].text)
    };
    let mut split = Split {
        ws,
        s,
        e,
        p: s,
        titled,
        lex: None,
        pieces,
    };
    while split.p < e {
        split.lex = None;
        let read = CUES.iter().any(|cue| cue(&mut split));
        debug_assert!(read, "the last cue always reads");
    }
}

/// A chunk being split: its words `[s, e)`, the cursor `p` and what is known there.
struct Split<'a, 'w> {
    ws: &'a [W<'w>],
    s: usize,
    e: usize,
    /// The word being read.
    p: usize,
    /// A title was read just before `p` (inside the chunk or just before it).
    titled: bool,
    /// The longest lexicon match at `p` ([`lexicon_match`]), once looked up.
    lex: Option<Option<(usize, Known)>>,
    pieces: &'a mut Vec<Piece>,
}

impl Split<'_, '_> {
    fn w(&self) -> &W<'_> {
        &self.ws[self.p]
    }

    /// The longest lexicon match at the cursor.
    fn lex(&mut self) -> Option<(usize, Known)> {
        let (ws, p, e) = (self.ws, self.p, self.e);
        *self.lex.get_or_insert_with(|| lexicon_match(ws, p, e))
    }

    /// Records `[s, e)` as a `label` decided by a strong cue.
    fn sure(&mut self, s: usize, e: usize, label: Label) {
        self.pieces.push(Piece {
            s,
            e,
            label: Some(label),
            sure: true,
            weak: false,
            defaulted: false,
        });
    }

    /// Records the words from the cursor to `end` as a `label` and moves past them.
    fn sure_to(&mut self, end: usize, label: Label) -> bool {
        self.sure(self.p, end, label);
        self.skip_to(end)
    }

    /// Moves the cursor to `end` without recording anything.
    fn skip_to(&mut self, end: usize) -> bool {
        self.p = end;
        true
    }
}

/// A cue: reads the words at the cursor and moves it (true), or leaves them to the next cue.
type Cue = fn(&mut Split<'_, '_>) -> bool;

/// The cues, in the order they are tried; the last always reads.
const CUES: &[Cue] = &[
    punctuation_or_connector,
    capitals_line,
    function_word,
    sentence_opener,
    capitals_person,
    foreign_org,
    org_phrase,
    lexicon_name,
    place_prefix,
    title,
    person_or_unknown,
];

/// Punctuation and lower-case connectors ("of", "de") between names.
fn punctuation_or_connector(x: &mut Split<'_, '_>) -> bool {
    let w = x.w();
    let skip = !w.is_word()
        || (CONNECTORS.contains(&lc(w)) && w.text.starts_with(|c: char| c.is_lowercase()));
    skip && x.skip_to(x.p + 1)
}

/// On a capitals line: only whole known names (and names in credits).
fn capitals_line(x: &mut Split<'_, '_>) -> bool {
    if !x.ws[x.s].caps_line {
        return false;
    }
    match x.lex() {
        Some((end, kn)) => {
            if let Some(label) = known_label(kn) {
                x.sure(x.p, end, label);
            }
            x.skip_to(end)
        }
        None => x.skip_to(x.p + 1),
    }
}

/// Word prefixes joined by a hyphen ("ex-", "anti-"): never a name.
static HYPHEN_PREFIXES: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/hyphen_prefixes.txt"
));

/// A hyphenated prefix, or a capitalised function word that is no known name and no given name.
fn function_word(x: &mut Split<'_, '_>) -> bool {
    let (ws, p) = (x.ws, x.p);
    let w = &ws[p];
    let low = lc(w);
    let prefix =
        HYPHEN_PREFIXES.contains(&low) && ws.get(p + 1).is_some_and(|h| h.text == "-" && !h.sp);
    let skip = prefix
        || lexicon::FUNCTION_WORDS.contains(&low)
            && !w.all_caps()
            && known(w.text).is_none()
            && !(is_given_name(w.text) && w.text.len() > 3);
    skip && x.skip_to(p + 1)
}

/// A common word opening a sentence (or the chunk), or "the": not a name; a lone one ("Brown
/// said ...") is kept as a weak piece for the document to decide.
fn sentence_opener(x: &mut Split<'_, '_>) -> bool {
    let (ws, s, e, p) = (x.ws, x.s, x.e, x.p);
    let w = &ws[p];
    let low = lc(w);
    let function = lexicon::FUNCTION_WORDS.contains(&low);
    let opener = (w.first && p == s || low == "the" || (w.first && is_common_word(low)))
        && !(w.all_caps() && w.text.chars().count() >= 2 && !function);
    let common = low == "the"
        || (is_common_word(low)
            && !is_given_name(w.text)
            && known(w.text).is_none()
            && !is_org_head(w.text))
        || function;
    let unknown = known(w.text).is_none() || function && !w.all_caps();
    if !(opener && common && unknown) {
        return false;
    }
    if e == p + 1 && !function && w.text.chars().count() > 2 {
        x.pieces.push(Piece {
            s: p,
            e: p + 1,
            label: None,
            sure: false,
            weak: true,
            defaulted: false,
        });
    }
    x.skip_to(p + 1)
}

/// Two or three words in capitals that start with a given name: a person ("JOHN SMITH").
fn capitals_person(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    let w = &ws[p];
    if !(w.all_caps() && p + 1 < e && ws[p + 1].all_caps() && ws[p + 1].is_word() && !ws[p + 1].nl)
    {
        return false;
    }
    let tc = title_case(w.text);
    let second = title_case(ws[p + 1].text);
    if !(is_given_name(&tc)
        && known(&tc).is_none()
        && known(&second).is_none()
        && !is_org_head(&second)
        && (!is_common_word(lc(w)) || !is_common_word(&ws[p + 1].low)))
    {
        return false;
    }
    let mut k = p + 2;
    if k < e
        && ws[k].all_caps()
        && ws[k].is_word()
        && known(&title_case(ws[k].text)).is_none()
        && !is_org_head(&title_case(ws[k].text))
        && k - p < 3
    {
        k += 1;
    }
    x.sure_to(k, Label::Person)
}

/// Head words that open an organisation's name in other languages ("Universidad de Chile").
static FOREIGN_ORG_OPENERS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/foreign_org_openers.txt"
));

/// A foreign organisation opener and the capitalised words and connectors after it.
fn foreign_org(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    if !(FOREIGN_ORG_OPENERS.contains(&ws[p].text) && p + 1 < e) {
        return false;
    }
    let mut k = p + 1;
    while k < e
        && (capword(ws, k) || CONNECTORS.contains(&ws[k].text) || ws[k].text == "-")
        && !is_title_word(&ws[k])
    {
        k += 1;
    }
    while k > p + 1 && (!ws[k - 1].is_word() || CONNECTORS.contains(&ws[k - 1].text)) {
        k -= 1;
    }
    k > p + 1 && x.sure_to(k, Label::Org)
}

/// Bodies that make a second organisation after "of" ("Joint Committee of the British
/// Parliament" is two).
static BODY_HEADS: WordSet =
    WordSet::new(include_str!("../../../data/lists/entities/body_heads.txt"));

/// The end of the organisation phrase starting at `p`: up to the last head word reachable
/// from it ("Ministry of Foreign Affairs", "Bank of England", "University College London").
fn org_phrase_end(ws: &[W<'_>], p: usize, e: usize, titled: bool) -> Option<usize> {
    let mut org_end = None;
    let mut k = p;
    while k < e {
        let t = &ws[k];
        if is_title_word(t) && !is_org_head(t.text) && k > p {
            break;
        }
        if t.text == "of"
            && org_end.is_none()
            && (titled || is_given_name(ws[p].text) && !is_common_word(lc(&ws[p])))
        {
            break; // "Giovanna Tinetti of University College": a person, then an org
        }
        // "and" only inside "Ministry of X and Y"
        if t.text == "and" && !ws[p..k].iter().any(|x| x.text == "of") {
            break;
        }
        if is_org_head(t.text)
            && !(t.text == "United" && k == p && k + 1 < e)
            && !(matches!(t.text, "Co" | "Corp" | "Inc" | "Ltd") && k == p)
        {
            org_end = Some(k + 1);
            // "Ministry of Foreign Affairs": of + words
            let mut m = k + 1;
            if m < e && (ws[m].text == "of" || ws[m].text == "for") {
                m += 1;
                if m < e && ws[m].text == "the" {
                    m += 1;
                }
                let mut n = m;
                while n < e
                    && (ws[n].is_word() && capword(ws, n)
                        || matches!(ws[n].text, "and" | "&" | "-")
                        || ws[n].is_word() && n > m && ws[n - 1].text == "-" && !ws[n].sp
                        || matches!(ws[n].text, "of" | "the" | "in")
                            && n + 1 < e
                            && capword(ws, n + 1))
                    && !is_title_word(&ws[n])
                {
                    n += 1;
                }
                if n > m && ws[m..n].iter().any(|t| BODY_HEADS.contains(&t.text)) {
                    // "Joint Committee of the British Parliament": two bodies
                    break;
                }
                if n > m {
                    // "CEO of Acme" is handled as a title; here "Bank of England"
                    org_end = Some(n);
                    k = n;
                    continue;
                }
            }
            if m < e && ws[m].text == "." && !ws[m].sp {
                org_end = Some(m + 1);
            }
            if m < e
                && matches!(
                    t.text,
                    "College" | "University" | "School" | "Hospital" | "Institute"
                )
                && matches!(known(ws[m].text), Some(Known::Place(_)))
            {
                org_end = Some(m + 1); // "University College London"
            }
        }
        k += 1;
    }
    org_end.filter(|&oe| {
        !(oe < e
            && is_title_word(&ws[oe])
            && !is_org_head(ws[oe].text)
            && ws[oe - 1].text == "District")
    })
}

/// An organisation phrase of two words or more (or one in capitals) that reaches past any
/// lexicon name at the cursor; a place when it ends in a place head; events and laws
/// (skipped heads) dropped whole.
fn org_phrase(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    let w = &ws[p];
    if is_title_word(w) && !is_org_head(w.text) {
        return false;
    }
    let Some(mut oe) = org_phrase_end(ws, p, e, x.titled)
        .filter(|&oe| ws[p..oe].iter().filter(|t| t.is_word()).count() >= 2 || ws[p].all_caps())
    else {
        return false;
    };
    // "Presidential Office Building": a place head right after the phrase
    let place_after = oe < e && lexicon::PLACE_HEADS.contains(&ws[oe].text);
    if place_after {
        oe += 1;
    }
    let lex = x.lex();
    let lex_end = lex.map(|l| l.0).unwrap_or(p);
    let group_title = lex.is_some_and(|l| l.1 == Known::Group)
        && title_at(ws, lex_end, e).is_some_and(|te| te >= oe);
    if oe <= lex_end || group_title {
        return false;
    }
    // skipped names (events, laws) are dropped whole
    if lexicon::SKIP_HEADS.contains(&ws[oe - 1].text) {
        return x.skip_to(oe);
    }
    if place_after
        || lexicon::PLACE_HEADS.contains(&ws[oe - 1].text) && !matches!(ws[oe - 1].text, "District")
    {
        // "X City" where X City is not an org: leave to lexicon
        x.sure(p, oe, Label::Place);
    } else {
        let start = if ws[p].text == "The" { p + 1 } else { p };
        let label = if ws[oe - 1].text == "Brothers" {
            Label::Person
        } else {
            Label::Org
        };
        x.sure(start, oe, label);
    }
    x.titled = false;
    x.skip_to(oe)
}

/// A lexicon name at the cursor, with what follows it: a team ("Miami Dolphins"), an event
/// ("London Marathon", dropped), a place head ("Hudson River"), a club ("Manchester City").
/// A given name that is also a place ("Florence") before another name is left to the person
/// cue, and so is a city name after a title ("Judge Anju Bajaj").
fn lexicon_name(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p, titled) = (x.ws, x.e, x.p, x.titled);
    let Some((end, kn)) = x.lex() else {
        return false;
    };
    // after a title, a city name that opens a longer name is a given name
    if titled
        && kn == Known::Place(lexicon::PlaceKind::City)
        && end == p + 1
        && end < e
        && capword(ws, end)
        && known(ws[end].text).is_none()
    {
        return false;
    }
    if matches!(kn, Known::Place(_))
        && end < e
        && !is_title_word(&ws[end])
        && place_and_more(x, end, kn)
    {
        return true;
    }
    // a group name before an event word: "French Open", "Australian Grand Prix"
    if kn == Known::Group && end < e && lexicon::SKIP_HEADS.contains(&ws[end].text) {
        return x.skip_to(end + 1);
    }
    // a given name that is also a place ("Florence", "Victoria") before another name
    let given_first = end == p + 1
        && is_given_name(ws[p].text)
        && end < e
        && capword(ws, end)
        && !is_title_word(&ws[end])
        && (known(ws[end].text).is_none() || is_surname(ws[end].text))
        && !is_org_head(ws[end].text)
        && !lexicon::PLACE_HEADS.contains(&ws[end].text);
    // a person whose surname is a place ("Denzel Washington") is caught before
    if given_first {
        return false;
    }
    if let Some(label) = known_label(kn) {
        x.sure(p, end, label);
    }
    x.skip_to(end)
}

/// A known place ending at `end` and the words after it: a team, an event, a place head or a
/// club. False when none of these follows.
fn place_and_more(x: &mut Split<'_, '_>, end: usize, kn: Known) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    let mut k = end;
    while k < e && capword(ws, k) && !is_title_word(&ws[k]) && known(ws[k].text).is_none() {
        k += 1;
    }
    // a place followed by capitalised plural words: a team ("Miami Dolphins")
    if k > end && ws[k - 1].text.ends_with('s') && !is_common_word(lc(&ws[k - 1]))
        || k > end
            && ws[k - 1].text.ends_with('s')
            && k - end == 1
            && is_common_word(lc(&ws[k - 1]))
            && !lexicon::PLACE_HEADS.contains(&ws[k - 1].text)
            && !lexicon::SKIP_HEADS.contains(&ws[k - 1].text)
    {
        return x.sure_to(k, Label::Org);
    }
    // place + skip head: "London Marathon", "Turner Prize"
    if k > end && lexicon::SKIP_HEADS.contains(&ws[k - 1].text)
        || end < e
            && lexicon::SKIP_HEADS.contains(&ws[end].text)
            && !matches!(
                ws[end].text,
                "Act" | "Bill" | "Day" | "Week" | "Plan" | "Report"
            )
    {
        let mut k2 = end;
        while k2 < e && capword(ws, k2) && !lexicon::SKIP_HEADS.contains(&ws[k2].text) {
            k2 += 1;
        }
        return x.skip_to((k2 + 1).min(e));
    }
    // place + place head: "Hudson River", "Wembley Stadium", "Kansas City"
    if end < e
        && lexicon::PLACE_HEADS.contains(&ws[end].text)
        && !matches!(ws[end].text, "City" | "Town" | "Village")
        || end < e && ws[end].text == "City" && known(&key(ws, p, end + 1)).is_some()
    {
        return x.sure_to(end + 1, Label::Place);
    }
    if end < e && ws[end].text == "City" {
        // a region's city ("Kansas City") is a place; otherwise "Manchester City", "Hull
        // City": football clubs
        let label = if kn == Known::Place(lexicon::PlaceKind::Region) {
            Label::Place
        } else {
            Label::Org
        };
        return x.sure_to(end + 1, label);
    }
    false
}

/// "Fort", "Mount", "Lake" ... and the capitalised words after it: a place.
fn place_prefix(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    if !(matches!(
        ws[p].text,
        "Fort" | "Mount" | "Lake" | "Port" | "Cape" | "Camp" | "Mt"
    ) && p + 1 < e
        && capword(ws, p + 1))
    {
        return false;
    }
    let mut k = p + 1;
    while k < e && (capword(ws, k) || ws[k].text == "." && !ws[k].sp) && !is_title_word(&ws[k]) {
        k += 1;
    }
    while k > p + 1 && !ws[k - 1].is_word() {
        k -= 1;
    }
    x.sure_to(k, Label::Place)
}

/// A title ("Deputy Foreign Minister"): skipped, and the name after it is a person.
fn title(x: &mut Split<'_, '_>) -> bool {
    let Some(te) = title_at(x.ws, x.p, x.e) else {
        return false;
    };
    x.titled = true;
    x.skip_to(te)
}

/// The end of a person's (or an unknown) name starting at `p`: the capitalised words that are
/// not titles or lexicon names, with inner hyphens, initials and connectors, trimmed of
/// trailing connectors and punctuation.
fn name_end(ws: &[W<'_>], p: usize, e: usize, titled: bool) -> usize {
    let mut k = p + 1;
    while k < e {
        let t = &ws[k];
        if t.is_word() && capword(ws, k) {
            if is_title_word(t) && !is_given_name(t.text) {
                break;
            }
            if k > p
                && lexicon_match(ws, k, e).is_some_and(|(_, kn)| {
                    kn != Known::Place(lexicon::PlaceKind::City) && kn != Known::Group
                        || !is_given_name(ws[p].text)
                })
                && !is_surname(t.text)
                && !titled
            {
                break;
            }
            k += 1;
            continue;
        }
        if (t.text == "-" || t.text == "." || t.text == "'" || t.text == "’") && !t.sp && k + 1 < e
        {
            k += 1;
            continue;
        }
        if t.text == "." && k > p && ws[k - 1].text.chars().count() == 1 {
            k += 1;
            continue;
        }
        if CONNECTORS.contains(&t.text)
            && k + 1 < e
            && t.text != "of"
            && t.text != "for"
            && t.text != "&"
        {
            k += 1;
            continue;
        }
        if t.text == "&"
            || (t.text == "of" || t.text == "for")
                && !titled
                && !(is_given_name(ws[p].text) && !is_common_word(lc(&ws[p])))
        {
            k += 1;
            continue;
        }
        break;
    }
    // trim trailing connectors and punctuation
    while k > p + 1
        && !ws[k - 1].is_word()
        && !(ws[k - 1].text == "." && matches!(ws[k - 2].text, "Jr" | "Sr"))
        || k > p + 1 && CONNECTORS.contains(&ws[k - 1].text)
    {
        k -= 1;
    }
    k
}

/// Where a name starts after capitalised common words or titles inside `[p, k)`
/// ("Grandmother Constance Dingle", "Security Policy Josep Borrell"): the first given name
/// after only such words, if any.
fn name_after_common_words(ws: &[W<'_>], p: usize, k: usize) -> Option<usize> {
    for q in p + 1..k.saturating_sub(1) {
        if !ws[p..q].iter().all(|t| {
            !t.is_word()
                || is_common_word(lc(t))
                    && !(is_given_name(t.text) && !lexicon::FUNCTION_WORDS.contains(&lc(t)))
                || is_title_mod(t)
                || is_title_word(t)
        }) {
            return None;
        }
        if is_given_name(ws[q].text) && !is_common_word(lc(&ws[q])) {
            return Some(q);
        }
    }
    None
}

/// Anything else: capitalised words read as a person (after a title, or person-like), a place
/// (ending in a place head), or an unknown name for the document to decide.
fn person_or_unknown(x: &mut Split<'_, '_>) -> bool {
    let (ws, e, p) = (x.ws, x.e, x.p);
    let k = name_end(ws, p, e, x.titled);
    if ws[p..k]
        .iter()
        .any(|t| lexicon::SKIP_HEADS.contains(&t.text))
        && !x.titled
    {
        return x.skip_to(k);
    }
    let mut titled = x.titled;
    let ps = match name_after_common_words(ws, p, k) {
        Some(q) => {
            titled = true;
            q
        }
        None => p,
    };
    let label = if lexicon::PLACE_HEADS.contains(&ws[k - 1].text)
        && k - ps >= 2
        && !lexicon::FUNCTION_WORDS.contains(&lc(&ws[ps]))
        && !(is_given_name(ws[ps].text) && !is_common_word(lc(&ws[ps])))
    {
        Some(Label::Place)
    } else if titled || person_like(ws, ps, k) {
        Some(Label::Person)
    } else {
        None
    };
    x.pieces.push(Piece {
        s: ps,
        e: k,
        label,
        sure: label.is_some(),
        weak: false,
        defaulted: false,
    });
    x.titled = false;
    x.skip_to(k)
}

/// Decides unknown pieces by context and document consistency.
fn resolve(ws: &[W<'_>], pieces: &mut [Piece]) {
    let names = DocNames::new(ws, pieces);
    person_word_not_place(ws, &names, pieces);
    seat_of_government(ws, pieces);
    place_as_team(ws, pieces);
    for idx in 0..pieces.len() {
        if pieces[idx].label.is_some() {
            continue;
        }
        let at = PieceAt::new(ws, &names, &pieces[idx]);
        pieces[idx].label = if pieces[idx].weak {
            // a capitalised common word opening a sentence: only a known person's surname
            (at.nwords == 1 && names.person_last.contains(at.first.text)).then_some(Label::Person)
        } else {
            let ruled = CONTEXT_RULES.iter().find_map(|rule| rule(&at));
            pieces[idx].defaulted = ruled.is_none();
            ruled.unwrap_or(Some(Label::Org))
        };
    }
    // propagate: a single-word piece equal to a word of a known person
    for p in pieces.iter_mut() {
        if p.label == Some(Label::Org)
            && !p.sure
            && p.e == p.s + 1
            && names.person_tokens.contains_key(ws[p.s].text)
        {
            p.label = Some(Label::Person);
        }
    }
}

/// What the sure pieces of a document say about its names.
struct DocNames<'a> {
    seen: Seen<'a>,
    /// Token index just after each place piece ("Peregrine Way, Leegomery").
    place_end: HashSet<usize>,
    /// Words of people's names, with how often they occur.
    person_tokens: HashMap<String, usize>,
    /// Last words of people's names of two words or more.
    person_last: HashSet<&'a str>,
    /// The label of each sure piece's key.
    by_key: HashMap<String, Label>,
    /// Words of multi-word organisations and places: "City" after "Manchester City".
    org_last: HashMap<String, Label>,
}

impl<'a> DocNames<'a> {
    fn new(ws: &[W<'a>], pieces: &[Piece]) -> Self {
        let mut names = DocNames {
            seen: Seen::new(ws),
            place_end: pieces
                .iter()
                .filter(|p| p.label == Some(Label::Place))
                .map(|p| p.e)
                .collect(),
            person_tokens: HashMap::default(),
            person_last: HashSet::default(),
            by_key: HashMap::default(),
            org_last: HashMap::default(),
        };
        for p in pieces.iter() {
            if let (true, Some(l)) = (p.sure, p.label) {
                names.by_key.entry(key(ws, p.s, p.e)).or_insert(l);
                if l == Label::Person {
                    names.add_person(&ws[p.s..p.e]);
                }
            }
        }
        for p in pieces.iter() {
            if let (true, Some(l @ (Label::Org | Label::Place))) = (p.sure, p.label) {
                let words: Vec<&W<'_>> = ws[p.s..p.e].iter().filter(|w| w.is_word()).collect();
                if words.len() >= 2 {
                    if l == Label::Org {
                        let last = words[words.len() - 1].text.to_string();
                        names.org_last.entry(last).or_insert(l);
                    } else if lexicon::PLACE_HEADS.contains(&words[words.len() - 1].text) {
                        names.org_last.entry(words[0].text.to_string()).or_insert(l);
                    }
                }
            }
        }
        names
    }

    fn add_person(&mut self, name: &[W<'a>]) {
        if let Some(last) = name.iter().rev().find(|w| w.is_word()) {
            if name.len() >= 2 {
                self.person_last.insert(last.text);
            }
        }
        for w in name {
            if w.is_word() && w.text.chars().count() > 1 {
                *self.person_tokens.entry(w.text.to_string()).or_default() += 1;
            }
        }
    }
}

/// A single word of a known person's full name is that person, even if it is a place name.
fn person_word_not_place(ws: &[W<'_>], names: &DocNames<'_>, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.e == p.s + 1
            && p.label == Some(Label::Place)
            && names.person_tokens.contains_key(ws[p.s].text)
            && (names.seen.after_given.contains(ws[p.s].text)
                || names.person_last.contains(ws[p.s].text))
        {
            p.label = Some(Label::Person);
        }
    }
}

/// A seat of government as the building: "met Putin in the Kremlin".
fn seat_of_government(ws: &[W<'_>], pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.label == Some(Label::Org)
            && matches!(
                key(ws, p.s, p.e).as_str(),
                "Kremlin" | "White House" | "Pentagon" | "Elysee" | "Élysée" | "Elysee Palace"
            )
            && p.s >= 2
            && ws[p.s - 1].text == "the"
            && matches!(
                &*ws[p.s - 2].low,
                "in" | "at" | "inside" | "outside" | "to" | "into" | "near"
            )
        {
            p.label = Some(Label::Place);
        }
    }
}

/// Words after a place that make it a sports team ("England manager").
static TEAM_ROLES: WordSet =
    WordSet::new(include_str!("../../../data/lists/entities/team_roles.txt"));

/// A place standing for a sports team: "England manager", "beat Liverpool".
fn place_as_team(ws: &[W<'_>], pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.label != Some(Label::Place) || p.e != p.s + 1 {
            continue;
        }
        let next: &str = ws.get(p.e).map(lc).unwrap_or("");
        let prev: &str = p.s.checked_sub(1).map(|i| lc(&ws[i])).unwrap_or("");
        let role = TEAM_ROLES.contains(&next);
        let city = matches!(
            known(ws[p.s].text),
            Some(Known::Place(lexicon::PlaceKind::City))
        );
        let match_verb = matches!(
            prev,
            "beat" | "beating" | "defeated" | "vs" | "v" | "thrashed" | "hosted" | "hosting"
        ) || matches!(next, "beat" | "beats" | "defeated" | "drew" | "thrashed");
        if role || city && match_verb {
            p.label = Some(Label::Org);
        }
    }
}

/// An undecided piece `[s, e)` and its surroundings, read by the [`CONTEXT_RULES`].
struct PieceAt<'a, 'w> {
    ws: &'a [W<'w>],
    names: &'a DocNames<'w>,
    s: usize,
    e: usize,
    /// The piece's key ([`key`]).
    key: String,
    nwords: usize,
    first: &'a W<'w>,
    prev: Option<&'a W<'w>>,
    prev_l: &'a str,
    next: Option<&'a W<'w>>,
    next_l: &'a str,
    /// Right after ", " that follows a place ("Peregrine Way, Leegomery").
    after_place: bool,
    /// Followed by a list of capitalised words and "counties", "states" ...
    counties: bool,
}

impl<'a, 'w> PieceAt<'a, 'w> {
    fn new(ws: &'a [W<'w>], names: &'a DocNames<'w>, p: &Piece) -> Self {
        let (s, e) = (p.s, p.e);
        let prev = s.checked_sub(1).map(|p| &ws[p]);
        let next = ws.get(e);
        let listed = ws[e..ws.len().min(e + 5)]
            .iter()
            .take_while(|w| w.cap() || w.text == "and" || w.text == ",")
            .count();
        let counties = ws.get(e + listed).is_some_and(|w| {
            matches!(
                &*w.low,
                "counties" | "county" | "provinces" | "states" | "districts"
            )
        });
        PieceAt {
            ws,
            names,
            s,
            e,
            key: key(ws, s, e),
            nwords: ws[s..e].iter().filter(|w| w.is_word()).count(),
            first: &ws[s],
            prev,
            prev_l: prev.map(lc).unwrap_or(""),
            next,
            next_l: next.map(lc).unwrap_or(""),
            after_place: s >= 2 && ws[s - 1].text == "," && names.place_end.contains(&(s - 1)),
            counties,
        }
    }

    /// The piece's words (no punctuation).
    fn words(&self) -> impl Iterator<Item = &'a W<'w>> {
        self.ws[self.s..self.e].iter().filter(|w| w.is_word())
    }

    fn one_word(&self) -> bool {
        self.nwords == 1
    }
}

/// A rule of context: `Some(decision)` when it decides the piece (`Some(None)`: no mention).
type ContextRule = fn(&PieceAt<'_, '_>) -> Option<Option<Label>>;

/// The rules tried in order on an undecided piece; when none decides, it is an organisation.
const CONTEXT_RULES: &[ContextRule] = &[
    same_as_sure_piece,
    modifier_of_a_thing,
    lone_headline_word,
    headline_phrase,
    place_before_region,
    place_in_address_or_list,
    word_of_a_person,
    word_of_an_org,
    initial_or_digits,
    plural_acronym,
    lone_given_name,
    with_a_persons_word,
    not_an_org_acronym,
    acronym,
    unseen_sentence_opener,
    common_word_and_place,
    person_like_name,
    name_and_age,
    after_a_preposition,
    before_a_person_verb,
    uncommon_words,
    lone_name_before_a_person_verb,
    common_word,
];

/// The same text as a sure piece elsewhere in the document.
fn same_as_sure_piece(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    x.names.by_key.get(&x.key).map(|l| Some(*l))
}

/// Things named by one word used before their kind ("Perseverance rover").
static THING_KINDS: WordSet =
    WordSet::new(include_str!("../../../data/lists/entities/thing_kinds.txt"));

/// A product, weapon or storm name used as a modifier: no mention.
fn modifier_of_a_thing(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.one_word() && x.next.is_some_and(|n| THING_KINDS.contains(&&*n.low))).then_some(None)
}

/// A lone unknown word in a headline: no mention.
fn lone_headline_word(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    (x.one_word()
        && f.title_line
        && !f.all_caps()
        && !x.names.person_tokens.contains_key(f.text)
        && !x.names.org_last.contains_key(f.text))
    .then_some(None)
}

/// A headline phrase of common words: "Taking Action", "READ MORE".
fn headline_phrase(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    (x.nwords >= 2
        && x.words().all(|w| is_common_word(lc(w)))
        && (f.title_line || f.caps_line || x.words().all(|w| w.all_caps())))
    .then_some(None)
}

/// A place before ", population" or before its region or country ("Leegomery, Shropshire").
fn place_before_region(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let after = x.ws.get(x.e + 1);
    let region = after.is_some_and(|w| {
        matches!(
            known(w.text),
            Some(Known::Place(
                lexicon::PlaceKind::Region | lexicon::PlaceKind::Country
            ))
        ) && !(x.nwords >= 2 && is_given_name(x.first.text))
    });
    (x.next.is_some_and(|n| n.text == ",")
        && (after.is_some_and(|w| w.low == "population") || region))
        .then_some(Some(Label::Place))
}

/// One word after a place and a comma, or names before "counties".
fn place_in_address_or_list(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.after_place && x.one_word() || x.counties).then_some(Some(Label::Place))
}

/// One word of a known person's name.
fn word_of_a_person(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.one_word() && x.names.person_tokens.contains_key(x.first.text))
        .then_some(Some(Label::Person))
}

/// One word of a known organisation's (or place's) name.
fn word_of_an_org(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    if !x.one_word() {
        return None;
    }
    x.names.org_last.get(x.first.text).map(|l| Some(*l))
}

/// A single letter, or digits in the first word: no mention.
fn initial_or_digits(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let t = x.first.text;
    (x.one_word() && t.chars().count() == 1 || t.chars().any(|c| c.is_ascii_digit()))
        .then_some(None)
}

/// The plural of an acronym: "MPs", "CEOs".
fn plural_acronym(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let t = x.first.text;
    (x.one_word()
        && t.len() >= 3
        && t.ends_with('s')
        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase()))
    .then_some(None)
}

/// A given name alone that is no common word.
fn lone_given_name(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    (x.one_word() && is_given_name(f.text) && !is_common_word(lc(f)) && !f.all_caps())
        .then_some(Some(Label::Person))
}

/// Several words, one of them (no common word) from a known person's name, no org head.
fn with_a_persons_word(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let piece = &x.ws[x.s..x.e];
    (x.nwords > 1
        && piece.iter().any(|w| {
            x.names.person_tokens.contains_key(w.text) && !is_common_word(&w.text.to_lowercase())
        })
        && !piece.iter().any(|w| is_org_head(w.text)))
    .then_some(Some(Label::Person))
}

/// Capitals that are no organisation: listed ones and Roman numerals.
fn not_an_org_acronym(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let t = x.first.text;
    (x.first.all_caps()
        && x.one_word()
        && (NOT_ORG_ACRONYMS.contains(&t)
            || t.chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))))
    .then_some(None)
}

/// Capitals that are times, zones or common abbreviations, never an organisation.
static NON_ORG_CAPITALS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/non_org_capitals.txt"
));

/// An acronym: an organisation, unless it is a word in capitals or a time or zone.
fn acronym(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    if !(f.all_caps() && x.one_word() && f.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return None;
    }
    let word = is_common_word(lc(f)) && f.text.len() > 3
        || lexicon::FUNCTION_WORDS.contains(&lc(f))
        || NON_ORG_CAPITALS.contains(&f.text);
    Some((!word).then_some(Label::Org))
}

/// One word opening a sentence that is common, or never seen mid-sentence: no mention.
fn unseen_sentence_opener(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    (x.one_word()
        && f.first
        && (is_common_word(lc(f)) || !f.all_caps() && !x.names.seen.mid.contains(f.text)))
    .then_some(None)
}

/// A common word before a place: "Manchester"-style clubs and bodies ("Real Madrid").
fn common_word_and_place(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.nwords == 2
        && is_common_word(lc(x.first))
        && matches!(known(x.ws[x.e - 1].text), Some(Known::Place(_))))
    .then_some(Some(Label::Org))
}

/// Two to four words of names, ending in a surname or starting with a given name.
fn person_like_name(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    ((2..=4).contains(&x.nwords)
        && x.words()
            .all(|w| !is_common_word(lc(w)) || is_given_name(w.text) || is_surname(w.text))
        && (is_surname(x.ws[x.e - 1].text) || is_given_name(x.first.text)))
    .then_some(Some(Label::Person))
}

/// A name followed by an age between commas: "Peskov, 54,".
fn name_and_age(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.next.is_some_and(|n| n.text == ",")
        && x.ws
            .get(x.e + 1)
            .is_some_and(|a| a.is_number() && a.text.len() <= 3)
        && x.ws.get(x.e + 2).is_some_and(|c| c.text == ","))
    .then_some(Some(Label::Person))
}

/// After "in", "near", "from", "at" ...: a place ("at" and "from": an organisation).
fn after_a_preposition(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let preposition = matches!(
        x.prev_l,
        "in" | "near" | "outside" | "across" | "towards" | "toward" | "from" | "at"
    ) && x
        .prev
        .is_some_and(|p| p.text.starts_with(|c: char| c.is_lowercase()))
        && !(x.nwords >= 2 && is_given_name(x.first.text));
    if !preposition {
        return None;
    }
    Some(Some(if x.prev_l == "at" || x.prev_l == "from" {
        Label::Org
    } else {
        Label::Place
    }))
}

/// Several words before a verb whose subject is a person ("said").
fn before_a_person_verb(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (PERSON_SUBJECT_VERBS.contains(&x.next_l) && x.nwords >= 2).then_some(Some(Label::Person))
}

/// Two or three words, none of them common.
fn uncommon_words(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    ((2..=3).contains(&x.nwords) && x.words().all(|w| !is_common_word(lc(w))))
        .then_some(Some(Label::Person))
}

/// One name (surname or given name, no common word) before a verb whose subject is a person.
fn lone_name_before_a_person_verb(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    let f = x.first;
    (x.one_word()
        && (is_surname(f.text) || is_given_name(f.text))
        && !is_common_word(lc(f))
        && PERSON_SUBJECT_VERBS.contains(&x.next_l))
    .then_some(Some(Label::Person))
}

/// A capitalised common word mid-sentence: too uncertain.
fn common_word(x: &PieceAt<'_, '_>) -> Option<Option<Label>> {
    (x.one_word() && is_common_word(lc(x.first))).then_some(None)
}

/// "the foreign ministry", "Russia's defence ministry": a lower-case name of one body.
fn lowercase_orgs(ws: &[W<'_>], used: &[bool], out: &mut Vec<(usize, usize, Label)>) {
    static HEADS: WordSet = WordSet::new(include_str!(
        "../../../data/lists/entities/lowercase_org_heads.txt"
    ));
    static MODS: WordSet = WordSet::new(include_str!(
        "../../../data/lists/entities/lowercase_org_modifiers.txt"
    ));
    for i in 0..ws.len() {
        if used[i] || !HEADS.contains(&ws[i].text) {
            continue;
        }
        let mut s = i;
        while s > 0
            && !used[s - 1]
            && (MODS.contains(&ws[s - 1].text)
                || ws[s - 1].text == "and" && s >= 2 && MODS.contains(&ws[s - 2].text))
        {
            s -= 1;
        }
        if s == i {
            continue;
        }
        let det = s.checked_sub(1).map(|p| ws[p].text).unwrap_or("");
        if matches!(det, "the" | "The" | "’s" | "'s") {
            out.push((s, i + 1, Label::Org));
        }
    }
}

/// Words of the text seen in two roles, computed once per text (linear).
struct Seen<'a> {
    /// capitalised words seen somewhere not at the start of a sentence
    mid: HashSet<&'a str>,
    /// words seen right after a given name ("Taylor" in "Sean Taylor")
    after_given: HashSet<&'a str>,
}

impl<'a> Seen<'a> {
    fn new(ws: &[W<'a>]) -> Self {
        let mut mid = HashSet::default();
        let mut after_given = HashSet::default();
        for (i, w) in ws.iter().enumerate() {
            if !w.first && w.is_word() {
                mid.insert(w.text);
            }
            if i > 0 && ws[i - 1].cap() && is_given_name(ws[i - 1].text) {
                after_given.insert(w.text);
            }
        }
        Seen { mid, after_given }
    }
}

/// A place preposition before `i`, or ", <known place>" after it.
fn place_context(ws: &[W<'_>], i: usize) -> bool {
    let prev = i
        .checked_sub(1)
        .map(|p| ws[p].text.to_lowercase())
        .unwrap_or_default();
    matches!(
        prev.as_str(),
        "in" | "at" | "from" | "near" | "to" | "outside" | "of"
    ) || ws.get(i + 1).is_some_and(|c| c.text == ",")
        && ws
            .get(i + 2)
            .is_some_and(|n| matches!(known(n.text), Some(Known::Place(_))))
}

/// Datelines: a line that opens with a place name in capitals followed by a comma, a
/// bracket or a dash ("LYON, France (AP) —", "FALL RIVER —"), and the known place between
/// that comma and the bracket or dash.
fn datelines(ws: &[W<'_>], used: &mut [bool], out: &mut Vec<(usize, usize, Label)>) {
    for i in 0..ws.len() {
        if !ws[i].nl || !ws[i].all_caps() || used[i] {
            continue;
        }
        let mut e = i;
        while e < ws.len()
            && (e == i || !ws[e].nl)
            && ws[e].all_caps()
            && ws[e].is_word()
            && e < i + 4
        {
            e += 1;
        }
        let next = ws.get(e).map(|w| w.text).unwrap_or("");
        // a hyphen counts only with a space before it ("BOSTON - "), not in a keyword slug
        let dash_ok = !matches!(next, "-" | "–") || ws.get(e).is_some_and(|w| w.sp);
        if e > i
            && matches!(next, "," | "(" | "—" | "–" | "-")
            && dash_ok
            && !ws[e - 1].text.chars().all(|c| c == 'I')
        {
            // an agency or name in capitals followed by a comma is rare at a line start;
            // known organisations are left to the lexicon
            if matches!(known(&key(ws, i, e)), Some(Known::Org)) {
                continue;
            }
            out.push((i, e, Label::Place));
            for u in &mut used[i..e] {
                *u = true;
            }
            // the country or state after the comma, closed by the agency or the dash
            // ("LYON, France (AP) —")
            if next != "," {
                continue;
            }
            let after = (e + 2..=(e + 4).min(ws.len() - 1)).rev().find(|&k| {
                !ws[e + 1..=k].iter().any(|w| w.nl)
                    && matches!(ws[k].text, "(" | "—" | "–" | "-")
                    && matches!(known(&key(ws, e + 1, k)), Some(Known::Place(_)))
            });
            if let Some(k) = after {
                out.push((e + 1, k, Label::Place));
                for u in &mut used[e + 1..k] {
                    *u = true;
                }
            }
        }
    }
}

/// Acronyms of common terms, not organisations.
static NOT_ORG_ACRONYMS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/entities/not_org_acronyms.txt"
));

/// A country written in lower case (machine-rewritten text: "america") when the word is not
/// also an ordinary English word ("china", "turkey" are).
fn lowercase_countries(ws: &[W<'_>], used: &[bool], out: &mut Vec<(usize, usize, Label)>) {
    for (i, w) in ws.iter().enumerate() {
        if used[i]
            || !w.is_word()
            || !w.text.starts_with(|c: char| c.is_lowercase())
            || w.text.len() < 4
        {
            continue;
        }
        if is_common_word(&w.low) {
            continue;
        }
        let tc = title_case(w.text);
        if matches!(
            known(&tc),
            Some(Known::Place(
                lexicon::PlaceKind::Country
                    | lexicon::PlaceKind::Continent
                    | lexicon::PlaceKind::Region
            ))
        ) {
            out.push((i, i + 1, Label::Place));
        }
    }
}
