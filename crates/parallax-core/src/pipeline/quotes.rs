//! Quotations and their speakers.
//!
//! **Finding quotes.** Double quotes (“ ” „ « » and straight `"`) pair within a paragraph;
//! straight ones toggle. Single quotes (‘ ’ and `'`) are quotes only when they open before a
//! word and close after one, inside the same paragraph (and inside the double quote they sit
//! in, for nested quotes); otherwise they are apostrophes (don't, Russia's, '90s, students').
//! A double quote left open at the end of a paragraph continues when the next paragraph opens
//! with a quote mark (the news convention for speech over several paragraphs) and becomes one
//! [`Quote`]; otherwise it ends with its paragraph.
//!
//! **Speakers** are read from the words around a top-level quote, within its sentence and
//! outside any quoted text, in this order: "according to X"; after the quote, "X said" or
//! "said X"; before it, "X said (that)", "X told Y:" or "X:" (an interview transcript). X
//! is the person (else organisation, else place) mention in that phrase; a pronoun (he, she,
//! it) is the first person (organisation) named in the nearest earlier sentence that names
//! one; a definite role ("the diplomat", "the ministry") is the nearest earlier person whose
//! descriptor has that role (organisation whose name has that noun). Failing a name, the
//! phrase itself is the speaker ("a press officer", "officials"). A quote with no attribution
//! of its own keeps the speaker of the previous quote in its paragraph or in the paragraph
//! before (speech running on), or takes the attribution of a previous paragraph ending in ":".
//! Nested quotes get no speaker.

use crate::descriptors::role_head;
use crate::offsets::Span;
use crate::pipeline::clause::{Context, MentionKind, MentionLike, Tok};
use crate::pipeline::lists::WordSet;
use crate::text::sentences::first_stop;
use serde::{Deserialize, Serialize};

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation including its quote marks (code points). A quote that runs over several
    /// paragraphs spans all of them; one never closed ends with its paragraph.
    pub span: Span,
    /// The quoted words, inside the marks.
    pub text_span: Span,
    /// Where the text names the speaker at this quote: the name, pronoun or role phrase.
    pub speaker: Option<Span>,
    /// The speaker's name as written at the mention it resolves to, or the phrase itself.
    pub speaker_text: Option<String>,
    /// The speaker's entity id when it resolves to a person, organisation or place mention.
    pub speaker_entity: Option<String>,
    /// Nesting depth: 0 for a quote in running text, 1 for a quote inside a quote.
    pub depth: u8,
}

/// Every quotation in `text` with its speaker, in order of opening mark. `sentences` are the
/// text's sentence spans (an empty slice makes the function split sentences itself);
/// `mentions` the entity mentions of the text.
pub fn find_quotes<M: MentionLike>(text: &str, sentences: &[Span], mentions: &[M]) -> Vec<Quote> {
    let ctx = Context::new(text, sentences, mentions);
    let found = if mentions.is_empty() {
        Vec::new()
    } else {
        ctx.descriptors()
    };
    quotes_in(&ctx, &found)
}

/// Quotes and descriptors together, reading the text once: what [`find_quotes`] and
/// [`crate::descriptors::find_descriptors`] give. `lines` are the text's line roles when the
/// caller has them (else they are computed).
pub fn quotes_and_descriptors<M: MentionLike>(
    text: &str,
    sentences: &[Span],
    mentions: &[M],
    lines: Option<&[(Span, crate::text::lines::LineRole)]>,
) -> (Vec<Quote>, Vec<(String, String, Span)>) {
    let ctx = Context::new(text, sentences, mentions);
    if let Some(lines) = lines {
        ctx.set_lines(lines);
    }
    let found = ctx.descriptors();
    let quotes = quotes_in(&ctx, &found);
    let descriptors = crate::descriptors::descriptors_in(&ctx, &found);
    (quotes, descriptors)
}

fn quotes_in<M: MentionLike>(
    ctx: &Context<'_, M>,
    descriptors: &[crate::descriptors::Found],
) -> Vec<Quote> {
    let paragraphs = crate::text::lines::paragraphs(ctx.text);
    let raw = find_raw(&ctx.chars, &paragraphs);
    let top: Vec<Span> = raw
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.span)
        .collect();
    let texts: Vec<Span> = raw
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.text)
        .collect();
    let para_of = |cp: usize| paragraphs.partition_point(|p| p.end <= cp);

    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    // (paragraph index, speaker) of the last top-level quote with a speaker.
    let mut last: Option<(usize, Speaker)> = None;
    for q in &raw {
        let mut quote = Quote {
            span: q.span,
            text_span: q.text,
            speaker: None,
            speaker_text: None,
            speaker_entity: None,
            depth: q.depth,
        };
        if q.depth == 0 {
            let ti = top.partition_point(|s| s.start < q.span.start);
            let prev_end = if ti > 0 { top[ti - 1].end } else { 0 };
            let next_start = top.get(ti + 1).map(|s| s.start).unwrap_or(ctx.chars.len());
            let pi = para_of(q.span.start);
            let para = paragraphs
                .get(pi)
                .copied()
                .unwrap_or(Span::new(0, ctx.chars.len()));
            let sent_l = ctx.sentence_of(q.span.start);
            let left = Span::new(sent_l.start.max(prev_end).max(para.start), q.span.start);
            let right_end = sentence_end_after(
                ctx,
                q.span.end,
                next_start.min(para_end_of(&paragraphs, q.span.end, ctx.chars.len())),
            );
            let right = Span::new(q.span.end, right_end.max(q.span.end));
            let reader = Reader {
                ctx,
                quotes: &texts,
                descriptors,
            };
            let inner_end = ctx.chars[q.text.start..q.text.end]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .copied();
            let statement = matches!(inner_end, Some(',' | '.' | '!' | '?' | '…' | '—' | '-'))
                || ctx.chars[q.span.end.min(ctx.chars.len())..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| matches!(c, ',' | '—' | '–'));
            // A quote ending in a full stop, "!" or "?" (inside the marks or right after them)
            // ends its sentence.
            let after_mark = ctx.chars[q.span.end.min(ctx.chars.len())..]
                .iter()
                .find(|c| !c.is_whitespace())
                .copied();
            let ends_sentence = matches!(inner_end, Some('.' | '!' | '?' | '…'))
                && !matches!(after_mark, Some(',' | ';' | '—' | '–'))
                || matches!(after_mark, Some('.' | '!' | '?'));
            let mut found = reader.attribute(left, right, statement, ends_sentence);
            if found.is_none() && left.is_empty() {
                // Speech running on from the previous quote in this or the previous paragraph.
                if let Some((lp, s)) = &last {
                    if *lp + 1 >= pi && *lp <= pi {
                        found = Some(s.clone());
                    }
                }
                // Or a previous paragraph that ends by introducing it ("... she said:") or by
                // reporting the same speaker ("Lee said she could not support it.").
                if found.is_none() && pi > 0 {
                    let prev = paragraphs[pi - 1];
                    let last_sentence = ctx.sentence_of(prev.end.saturating_sub(1));
                    let window = Span::new(last_sentence.start.max(prev.start), prev.end);
                    let k = texts.partition_point(|t| t.end <= window.start);
                    let has_quote = texts.get(k).is_some_and(|t| t.overlaps(&window));
                    if ctx.chars[..prev.end].last() == Some(&':') {
                        found =
                            reader.attribute(window, Span::new(prev.end, prev.end), false, false);
                    } else if !has_quote && reader.says(window) {
                        // Only a verb of saying, and only a person (named or by role).
                        found = reader
                            .attribute(window, Span::new(prev.end, prev.end), false, false)
                            .filter(|s| match &s.entity {
                                Some(_) => {
                                    !ctx.mentions_in(s.span, &[MentionKind::Person]).is_empty()
                                        || PRONOUNS
                                            .contains(&ctx.slice(s.span).to_lowercase().as_str())
                                }
                                None => role_head(&s.text).is_some(),
                            });
                    }
                }
            }
            // "he added" right after another quote continues that quote's speaker when no other
            // person has been named in between.
            if let (Some(s), Some((lp, prev))) = (&found, &last) {
                let word = ctx.slice(s.span).to_lowercase();
                if matches!(word.as_str(), "he" | "she")
                    && *lp + 2 >= pi
                    && (prev.entity.is_none() || prev.entity != s.entity)
                {
                    let between = Span::new(prev.span.end.min(s.span.start), s.span.start);
                    let named = ctx
                        .mentions_in(between, &[MentionKind::Person])
                        .into_iter()
                        .any(|m| {
                            !crate::pipeline::clause::inside_any(&texts, ctx.mentions[m].span())
                        });
                    if !named {
                        found = Some(Speaker {
                            span: s.span,
                            text: prev.text.clone(),
                            entity: prev.entity.clone(),
                        });
                    }
                }
            }
            if let Some(s) = found {
                quote.speaker = Some(s.span);
                quote.speaker_text = Some(s.text.clone());
                quote.speaker_entity = s.entity.clone();
                last = Some((para_of(q.span.end.saturating_sub(1)), s));
            }
        }
        out.push(quote);
    }
    out
}

/// A quote found by its marks alone.
#[derive(Debug, Clone, Copy)]
struct RawQuote {
    span: Span,
    text: Span,
    depth: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// Straight quote: opens or closes by state.
    Either,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The role of the double quote mark at `i`, or None when it is not a quote mark.
fn double_mark(cs: &[char], i: usize) -> Option<Mark> {
    match cs[i] {
        '“' | '„' | '«' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => {
            let prev = if i > 0 { Some(cs[i - 1]) } else { None };
            // Inch marks: 5'10", 6" tall.
            if prev.is_some_and(|p| p.is_ascii_digit())
                && cs.get(i + 1).is_none_or(|n| !is_word(*n))
            {
                return Some(Mark::Close);
            }
            Some(Mark::Either)
        }
        _ => None,
    }
}

/// The role of the single quote mark at `i`: None for apostrophes.
fn single_mark(cs: &[char], i: usize) -> Option<Mark> {
    let c = cs[i];
    if !matches!(c, '‘' | '’' | '\'' | '‹' | '›') {
        return None;
    }
    let prev = if i > 0 { Some(cs[i - 1]) } else { None };
    let next = cs.get(i + 1).copied();
    let prev_word = prev.is_some_and(is_word);
    let next_word = next.is_some_and(is_word);
    if prev_word && next_word {
        return None; // don't, Russia's
    }
    if c == '‹' {
        return Some(Mark::Open);
    }
    if c == '›' {
        return Some(Mark::Close);
    }
    let prev_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\"“„«".contains(p));
    if next_word && prev_open && c != '’' {
        // '90s, 'em, 'til: elisions, not quotes.
        let rest: String = cs[i + 1..]
            .iter()
            .take(5)
            .collect::<String>()
            .to_lowercase();
        let digits = cs[i + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        if digits == 2 || (digits > 0 && rest.chars().nth(digits) == Some('s')) {
            return None;
        }
        for e in ["em ", "tis ", "twas ", "til ", "cause ", "n ", "bout "] {
            if rest.starts_with(e) {
                return None;
            }
        }
        return Some(Mark::Open);
    }
    if next_word && prev_open {
        return None; // ’90s, ’em written with the closing mark
    }
    let next_closing = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-\"”»".contains(n));
    if next_closing && prev.is_some_and(|p| !p.is_whitespace()) {
        return Some(Mark::Close);
    }
    None
}

fn para_end_of(paragraphs: &[Span], cp: usize, len: usize) -> usize {
    let i = paragraphs.partition_point(|p| p.end < cp);
    paragraphs.get(i).map(|p| p.end.max(cp)).unwrap_or(len)
}

/// Quotes by their marks, given the text's paragraphs ([`crate::text::lines::paragraphs`]). Top-level quotes never
/// overlap one another.
fn find_raw(cs: &[char], paragraphs: &[Span]) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    // The open double quote (position of its mark) and a double quote nested in it.
    let mut open: Option<usize> = None;
    let mut inner: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        // Single quotes opened in this paragraph: positions, with the double quote they sit in.
        let mut singles: Vec<(usize, Option<usize>)> = Vec::new();
        let mut first = true;
        let last_strong_close = last_strong_close(cs, *p);
        let para = &cs[p.start..p.end];
        for (i, &c) in (p.start..).zip(para) {
            // (most characters are letters, digits or spaces: no quote mark of either kind)
            if c.is_ascii_alphanumeric() || c == ' ' {
                if c != ' ' {
                    first = false;
                }
                continue;
            }
            if let Some(mut mark) = double_mark(cs, i) {
                let starts_para = first;
                first = false;
                // „German“ quotes close with the mark English opens with.
                if cs[i] == '“' && inner.or(open).is_some_and(|o| cs[o] == '„') {
                    mark = Mark::Close;
                }
                match (open, mark) {
                    (Some(_), Mark::Open | Mark::Either) if starts_para => {
                        // Continuation of a quote running over paragraphs: this mark reopens it.
                    }
                    (Some(_), Mark::Open) if inner.is_none() => {
                        // A double quote inside a double quote.
                        inner = Some(i);
                    }
                    (Some(o), Mark::Close | Mark::Either | Mark::Open) => {
                        if let Some(n) = inner.take() {
                            singles.retain(|&(_, d)| d != Some(n));
                            out.push(RawQuote {
                                span: Span::new(n, i + 1),
                                text: Span::new(n + 1, i),
                                depth: 1,
                            });
                        } else {
                            singles.retain(|&(_, d)| d != Some(o));
                            out.push(RawQuote {
                                span: Span::new(o, i + 1),
                                text: Span::new(o + 1, i),
                                depth: 0,
                            });
                            open = None;
                        }
                    }
                    (None, Mark::Open | Mark::Either) => {
                        singles.clear();
                        open = Some(i);
                    }
                    (None, Mark::Close) => {}
                }
                continue;
            }
            if !c.is_whitespace() {
                first = false;
            }
            // (most characters are no single quote mark: `single_mark` would say None)
            if !matches!(c, '‘' | '’' | '\'' | '‹' | '›') {
                continue;
            }
            if let Some(mark) = single_mark(cs, i) {
                let within = inner.or(open);
                match mark {
                    Mark::Open => singles.push((i, within)),
                    Mark::Close | Mark::Either => {
                        // "the students’ work": after an -s and before a lower-case word the
                        // mark is more likely a plural possessive, when the quote can still
                        // close later in the paragraph.
                        let possessive_like = i > 0
                            && cs[i - 1] == 's'
                            && cs.get(i + 1).is_some_and(|c| *c == ' ')
                            && cs.get(i + 2).is_some_and(|c| c.is_lowercase());
                        if possessive_like && last_strong_close.is_some_and(|j| j > i) {
                            continue;
                        }
                        if let Some(k) = singles.iter().rposition(|&(_, d)| d == within) {
                            let (o, _) = singles[k];
                            singles.truncate(k);
                            let depth = u8::from(open.is_some()) + u8::from(inner.is_some());
                            out.push(RawQuote {
                                span: Span::new(o, i + 1),
                                text: Span::new(o + 1, i),
                                depth,
                            });
                        }
                    }
                }
            }
        }
        // A nested quote never runs past its paragraph.
        inner = None;
        // End of paragraph with a double quote open: continue if the next paragraph opens
        // with a quote mark, else end it here.
        if let Some(o) = open {
            let continues = paragraphs
                .get(pi + 1)
                .is_some_and(|n| matches!(cs[n.start], '“' | '"' | '„' | '«'));
            if !continues {
                out.push(RawQuote {
                    span: Span::new(o, p.end),
                    text: Span::new(o + 1, p.end.max(o + 1)),
                    depth: 0,
                });
                open = None;
            }
        }
    }
    // A quote left open at the very end of the text ends with it.
    if let (Some(o), Some(p)) = (open, paragraphs.last()) {
        out.push(RawQuote {
            span: Span::new(o, p.end),
            text: Span::new(o + 1, p.end.max(o + 1)),
            depth: 0,
        });
    }
    nested(out)
}

/// The last single closing mark of paragraph `p` that is not possessive-like.
fn last_strong_close(cs: &[char], p: Span) -> Option<usize> {
    let mut before = p.end;
    while let Some(k) = cs[p.start..before]
        .iter()
        .rposition(|c| matches!(c, '’' | '\''))
    {
        let j = p.start + k;
        if single_mark(cs, j) == Some(Mark::Close)
            && !(j > 0 && cs[j - 1] == 's' && cs.get(j + 2).is_some_and(|c| c.is_lowercase()))
        {
            return Some(j);
        }
        before = j;
    }
    None
}

/// Quotes are pushed at their closing mark; this orders them by opening mark, outer first, and
/// gives each its nesting depth. One that straddles another (opens inside, closes outside)
/// is dropped, so top-level quotes never overlap and nested ones lie inside their parent.
fn nested(mut out: Vec<RawQuote>) -> Vec<RawQuote> {
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut kept: Vec<RawQuote> = Vec::with_capacity(out.len());
    let mut stack: Vec<Span> = Vec::new();
    for mut q in out {
        while stack.last().is_some_and(|t| t.end <= q.span.start) {
            stack.pop();
        }
        match stack.last() {
            Some(t) if !t.contains(&q.span) || *t == q.span => continue,
            _ => {}
        }
        q.depth = stack.len().min(2) as u8;
        stack.push(q.span);
        kept.push(q);
    }
    kept
}

/// End of the attribution window after a quote ending at `from`: the first sentence end
/// outside quotes, but no further than `limit`.
fn sentence_end_after<M: MentionLike>(ctx: &Context<'_, M>, from: usize, limit: usize) -> usize {
    let s = ctx.sentence_of(from);
    let mut end = if s.start <= from && s.end > from {
        s.end
    } else {
        limit
    };
    // The caller's splitter may end a sentence right at the closing mark ("... now.” he said"):
    // then the attribution is in the next one.
    if end <= from + 1 {
        end = limit;
    }
    first_stop(&ctx.chars, from, end.min(limit)).unwrap_or(end.min(limit))
}

/// A resolved speaker.
#[derive(Debug, Clone)]
struct Speaker {
    span: Span,
    text: String,
    entity: Option<String>,
}

/// Verbs that introduce speech (lower case, as written).
static SPEECH_VERBS: WordSet =
    WordSet::new(include_str!("../../data/lists/quotes/speech_verbs.txt"));

/// Adverbs that may sit between a speaker and the verb ("he also said").
static ADVERBS: WordSet = WordSet::new(include_str!("../../data/lists/quotes/adverbs.txt"));

static PRONOUNS: WordSet = WordSet::new(include_str!("../../data/lists/quotes/pronouns.txt"));

struct Reader<'c, 'a, M: MentionLike> {
    ctx: &'c Context<'a, M>,
    /// Text spans of top-level quotes (words inside never attribute).
    quotes: &'c [Span],
    descriptors: &'c [crate::descriptors::Found],
}

impl<M: MentionLike> Reader<'_, '_, M> {
    /// Tokens (indices) lying in `span` and outside quoted text.
    fn toks_in(&self, span: Span) -> Vec<usize> {
        let toks = &self.ctx.toks;
        let a = self.ctx.tok_at(span.start).min(toks.len());
        // tokens are in order: those from `a` that start before the span's end, allocated once
        let b = a + toks[a..].partition_point(|t| t.start < span.end);
        let mut out = Vec::with_capacity(b - a);
        out.extend((a..b).filter(|&i| {
            let t = &self.ctx.toks[i];
            t.end <= span.end
                && !crate::pipeline::clause::inside_any(
                    self.quotes,
                    Span::new(t.start, t.end.saturating_sub(1).max(t.start)),
                )
        }));
        out
    }

    /// True when `span` holds a verb of saying proper ("said", "told", "added"), not one of
    /// judging or naming ("accused", "called").
    fn says(&self, span: Span) -> bool {
        static SAY: WordSet = WordSet::new(include_str!("../../data/lists/quotes/say.txt"));
        self.toks_in(span).iter().any(|&i| {
            let t = self.tok(i);
            t.word && !t.capitalised() && SAY.contains(&t.text)
        })
    }

    fn tok(&self, i: usize) -> &Tok<'_> {
        &self.ctx.toks[i]
    }

    fn is_verb(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.word && !t.capitalised() && SPEECH_VERBS.contains(&t.text)
    }

    /// The speaker of a quote with `left` and `right` context windows.
    fn attribute(
        &self,
        left: Span,
        right: Span,
        statement: bool,
        ends_sentence: bool,
    ) -> Option<Speaker> {
        let l = self.toks_in(left);
        let r = self.toks_in(right);
        // "according to X" on either side.
        for side in [&r, &l] {
            for w in side.windows(2) {
                if self.tok(w[0]).lower() == "according" && self.tok(w[1]).lower() == "to" {
                    let pos = side.iter().position(|&x| x == w[1]).unwrap_or(0);
                    let after = &side[pos + 1..];
                    let np = self.phrase_until_break(after);
                    if let Some(s) = self.resolve(&np) {
                        return Some(s);
                    }
                }
            }
        }
        // After the quote: "X said", "said X" (only after a quoted statement, not a phrase
        // quoted inside a sentence that goes on).
        if let Some(s) = self.after(&r, statement, ends_sentence) {
            return Some(s);
        }
        // Before the quote.
        self.before(&l)
    }

    /// Attribution right after the quote: within the first ten tokens, before any sentence stop.
    fn after(&self, r: &[usize], statement: bool, ends_sentence: bool) -> Option<Speaker> {
        let mut toks: Vec<usize> = Vec::new();
        for &i in r.iter().take(14) {
            let t = self.tok(i);
            let abbrev_stop = t.is(".")
                && toks.last().is_some_and(|&p: &usize| {
                    let w = &self.tok(p).text;
                    self.tok(p).end == t.start
                        && crate::text::abbreviations::takes_abbreviation_stop(w)
                });
            if !t.word && matches!(t.text, "." | "!" | "?" | ";") && !abbrev_stop {
                break;
            }
            toks.push(i);
        }
        // Skip leading punctuation ("," "—").
        let start = toks.iter().position(|&i| self.tok(i).word)?;
        let toks = &toks[start..];
        let v = toks.iter().position(|&i| self.is_verb(i))?;
        if toks
            .get(v + 1)
            .is_some_and(|&i| self.tok(i).lower() == "by")
            && toks[..v].iter().all(|&i| {
                matches!(
                    self.tok(i).lower(),
                    "this"
                        | "that"
                        | "it"
                        | "was"
                        | "is"
                        | "were"
                        | "has"
                        | "have"
                        | "been"
                        | "had"
                        | "also"
                )
            })
        {
            // "This was said by X".
            let np = self.phrase_until_break(&toks[v + 2..]);
            return self.resolve(&np);
        }
        // After a quote that ends its sentence ("... in power.”), what follows may be a new
        // sentence: only "said X" or a comma-free subject of a few words counts.
        if ends_sentence {
            let near = v <= 6
                && toks[..v].iter().all(|&i| {
                    let t = self.tok(i);
                    t.word
                        && !matches!(
                            t.lower(),
                            "meanwhile"
                                | "however"
                                | "but"
                                | "and"
                                | "then"
                                | "also"
                                | "earlier"
                                | "later"
                        )
                        && (t.capitalised()
                            || PRONOUNS.contains(&t.lower())
                            || matches!(t.lower(), "the" | "a" | "an")
                            || role_head(t.text).is_some()
                            || self
                                .ctx
                                .mention_at_tok(
                                    i,
                                    &[MentionKind::Person, MentionKind::Org, MentionKind::Place],
                                )
                                .is_some())
                });
            if !near {
                return None;
            }
        }
        // After a phrase quoted inside a sentence that goes on, only an attribution right at
        // the closing mark counts: "... the guys" said Smith / "..." Smith said.
        if !statement {
            let adjacent = v <= 3
                && toks[..v].iter().all(|&i| {
                    let t = self.tok(i);
                    t.word
                        && (t.capitalised()
                            || PRONOUNS.contains(&t.lower())
                            || matches!(t.lower(), "the" | "a" | "an"))
                })
                && self.tok(toks[0]).start <= self.tok(r[0]).start + 1;
            if !adjacent {
                return None;
            }
        }
        if v == 0 {
            // "said X": the phrase after the verb; "said the lead author, Jane Roe," names
            // the person after the comma.
            let np = self.phrase_until_break(&toks[1..]);
            let found = self.resolve(&np);
            if found.as_ref().is_some_and(|s| s.entity.is_none()) {
                let after_np = toks[1..]
                    .iter()
                    .position(|i| Some(i) == np.last())
                    .map(|k| k + 2);
                if let Some(k) = after_np {
                    if toks.get(k).is_some_and(|&i| self.tok(i).is(",")) {
                        if let Some(&n) = toks.get(k + 1) {
                            if let Some(m) = self.ctx.mention_at_tok(n, &[MentionKind::Person]) {
                                return Some(self.speaker_of(m, self.ctx.mentions[m].span()));
                            }
                        }
                    }
                }
            }
            return found;
        }
        if v > 10 {
            return None;
        }
        // "X said": everything before the verb (minus adverbs) is the subject.
        let mut subj: Vec<usize> = toks[..v].to_vec();
        while subj
            .last()
            .is_some_and(|&i| ADVERBS.contains(&self.tok(i).lower()))
        {
            subj.pop();
        }
        // Inverted with a pronoun after the verb ("said he") is rare; a subject must exist.
        if subj.is_empty() {
            return None;
        }
        self.resolve(&subj)
    }

    /// Attribution before the quote: the last speech verb's subject, or a transcript label.
    fn before(&self, l: &[usize]) -> Option<Speaker> {
        if l.is_empty() {
            return None;
        }
        let v = l.iter().rposition(|&i| self.is_verb(i));
        let Some(v) = v else {
            // "Smith: “...”" — a short label before a colon.
            let last = *l.last()?;
            if self.tok(last).is(":") && l.len() <= 6 {
                let np: Vec<usize> = l[..l.len() - 1].to_vec();
                if np.iter().all(|&i| self.tok(i).word) {
                    return self.resolve(&np);
                }
            }
            return None;
        };
        // Subject: the clause before the verb, back to a break.
        let mut subj: Vec<usize> = Vec::new();
        let mut k = v;
        while k > 0 {
            let i = l[k - 1];
            let t = self.tok(i);
            if !t.word && matches!(t.text, ";" | ":" | "(" | ")" | "—" | "–") {
                break;
            }
            if t.word
                && matches!(
                    t.lower(),
                    "that"
                        | "but"
                        | "while"
                        | "because"
                        | "although"
                        | "whereas"
                        | "after"
                        | "before"
                        | "when"
                        | "if"
                )
            {
                break;
            }
            subj.insert(0, i);
            k -= 1;
        }
        while subj
            .last()
            .is_some_and(|&i| ADVERBS.contains(&self.tok(i).lower()))
        {
            subj.pop();
        }
        // A participle ("..., saying “...”") takes the subject of its main clause.
        let verb_tok = self.tok(l[v]);
        if verb_tok.text.ends_with("ing") {
            let sent = self.ctx.sentence_of(verb_tok.start);
            if let Some(m) = self.ctx.subject_in(
                Span::new(sent.start, verb_tok.start),
                &[MentionKind::Person, MentionKind::Org, MentionKind::Place],
                self.quotes,
            ) {
                if self.ctx.subject_score(m) > 0 {
                    return Some(self.speaker_of(m, self.ctx.mentions[m].span()));
                }
                // Only a possessive or governed name: the sentence's opening phrase, up to its
                // verb, is the subject ("Smith's lawyers hit back, urging ...").
                let opening: Vec<usize> = self
                    .toks_in(Span::new(sent.start, verb_tok.start))
                    .into_iter()
                    .take_while(|&i| {
                        let t = self.tok(i);
                        t.word
                            && (t.capitalised()
                                || !crate::pipeline::clause::is_verb_like(t.lower()))
                    })
                    .collect();
                if !opening.is_empty() {
                    return self.resolve(&opening);
                }
            }
        }
        // Comma segments of the subject clause; relative clauses ("who ...") are skipped and so
        // are adverbials ("However", "On Monday").
        let segments: Vec<Vec<usize>> = subj
            .split(|&i| self.tok(i).is(","))
            .map(|s| s.to_vec())
            .filter(|s| !s.is_empty())
            .collect();
        // "X, which announced ...": the subject is the phrase before the relative word.
        if let [.., prev, last] = segments.as_slice() {
            if last.len() == 1 && matches!(self.tok(last[0]).lower(), "who" | "which") {
                let from = prev
                    .iter()
                    .rposition(|&i| matches!(self.tok(i).lower(), "the" | "a" | "an"))
                    .unwrap_or(0);
                return self.resolve(&prev[from..]);
            }
        }
        let usable: Vec<&Vec<usize>> = segments
            .iter()
            .filter(|seg| !matches!(self.tok(seg[0]).lower(), "who" | "which" | "whose" | "whom"))
            .filter(|seg| {
                self.has_mention(seg)
                    || seg.iter().any(|&i| PRONOUNS.contains(&self.tok(i).lower()))
                    || self.looks_nominal(seg)
                    || seg.len() > 4
            })
            .collect();
        if let Some(&last) = usable.last() {
            // The segment next to the verb is the subject, unless it is an appositive to a
            // person named just before it ("Jane Roe, the club's director, said").
            let person_in_last = !self
                .ctx
                .mentions_in(self.span_of(last), &[MentionKind::Person])
                .is_empty();
            if !person_in_last && usable.len() >= 2 && self.looks_nominal(last) {
                let prev = usable[usable.len() - 2];
                let ps = self
                    .ctx
                    .mentions_in(self.span_of(prev), &[MentionKind::Person]);
                if let Some(&m) = ps.last() {
                    if self.ctx.mentions[m].span().end >= self.tok(*prev.last().unwrap_or(&0)).end {
                        return Some(self.speaker_of(m, self.ctx.mentions[m].span()));
                    }
                }
            }
            if let Some(s) = self.resolve(last) {
                return Some(s);
            }
        }
        // Verb first ("Said the coach: “...”").
        if subj.is_empty() {
            let np = self.phrase_until_break(&l[v + 1..]);
            return self.resolve(&np);
        }
        None
    }

    fn span_of(&self, toks: &[usize]) -> Span {
        match (toks.first(), toks.last()) {
            (Some(&a), Some(&b)) => Span::new(self.tok(a).start, self.tok(b).end),
            _ => Span::new(0, 0),
        }
    }

    /// The speaker named by mention `m`, written at `at`.
    fn speaker_of(&self, m: usize, at: Span) -> Speaker {
        let ms = self.ctx.mentions[m].span();
        Speaker {
            span: at,
            text: self.ctx.slice(ms),
            entity: Some(self.ctx.mentions[m].entity().to_string()),
        }
    }

    fn has_mention(&self, toks: &[usize]) -> bool {
        toks.iter().any(|&i| {
            self.ctx
                .mention_at_tok(
                    i,
                    &[MentionKind::Person, MentionKind::Org, MentionKind::Place],
                )
                .is_some()
        })
    }

    /// A noun phrase: starts with a determiner or a capitalised word, or is a role noun.
    fn looks_nominal(&self, seg: &[usize]) -> bool {
        let first = self.tok(seg[0]);
        matches!(
            first.lower(),
            "the" | "a" | "an" | "one" | "officials" | "police"
        ) || role_head(
            &seg.iter()
                .map(|&i| self.tok(i).text)
                .collect::<Vec<_>>()
                .join(" "),
        )
        .is_some()
    }

    /// Words after a verb up to a break (punctuation or a preposition or clause word).
    fn phrase_until_break(&self, toks: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        for &i in toks.iter().take(12) {
            let t = self.tok(i);
            // The full stop of an abbreviation ("Oct.", "Dr.", "J.") stays in the phrase.
            let abbrev_stop = t.is(".")
                && out.last().is_some_and(|&p: &usize| {
                    let w = &self.tok(p).text;
                    self.tok(p).end == t.start
                        && crate::text::abbreviations::takes_abbreviation_stop(w)
                });
            if abbrev_stop {
                continue;
            }
            if !t.word && !matches!(t.text, "'" | "’") {
                if t.is(",") && out.is_empty() {
                    continue;
                }
                break;
            }
            let l = t.lower();
            if !out.is_empty()
                && matches!(
                    l,
                    "on" | "in"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "to"
                        | "with"
                        | "when"
                        | "while"
                        | "as"
                        | "who"
                        | "which"
                        | "that"
                        | "because"
                        | "and"
                        | "but"
                        | "last"
                        | "this"
                        | "yesterday"
                        | "today"
                        | "earlier"
                        | "later"
                        | "told"
                        | "said"
                )
            {
                break;
            }
            if ADVERBS.contains(&l) && out.is_empty() {
                continue;
            }
            out.push(i);
        }
        out
    }

    /// The speaker named by the tokens of a phrase.
    fn resolve(&self, np: &[usize]) -> Option<Speaker> {
        if np.is_empty() || np.len() > 12 {
            return None;
        }
        let span = Span::new(self.tok(np[0]).start, self.tok(*np.last()?).end);
        // A person named in the phrase: the last one ("Kremlin spokesman Dmitry Peskov").
        if let Some(&m) = self.ctx.mentions_in(span, &[MentionKind::Person]).last() {
            // "Smith's lawyer": the person only owns the speaker.
            let ms = self.ctx.mentions[m].span();
            let holder = np.iter().copied().find(|&i| self.tok(i).end >= ms.end);
            let possessive = holder.is_some_and(|i| {
                let t = self.tok(i);
                let l = t.lower();
                t.end > ms.end && (l.ends_with("'s") || l.ends_with("’s"))
            });
            let head_after = np
                .iter()
                .any(|&i| self.tok(i).start > ms.end && self.tok(i).word);
            if possessive && head_after {
                if let Some(s) = self.plausible_speaker(np) {
                    return Some(s);
                }
            }
            return Some(self.speaker_of(m, ms));
        }
        // An organisation or place that heads the phrase ("the White House", "Russia on
        // Tuesday"); one that only modifies a person or thing ("the senior State Department
        // official", "a press officer at the embassy") leaves the phrase as the speaker.
        for kind in [MentionKind::Org, MentionKind::Place] {
            if let Some(&m) = self.ctx.mentions_in(span, &[kind]).first() {
                let ms = self.ctx.mentions[m].span();
                let pre: Vec<String> = np
                    .iter()
                    .filter(|&&i| self.tok(i).end <= ms.start)
                    .map(|&i| self.tok(i).lower().to_string())
                    .collect();
                let post = np.iter().copied().find(|&i| self.tok(i).start >= ms.end);
                let role_before = pre
                    .iter()
                    .any(|w| role_head(w).is_some() && !matches!(w.as_str(), "the" | "a" | "an"));
                let head_after = post.is_some_and(|i| {
                    let t = self.tok(i);
                    t.word
                        && !matches!(
                            t.lower(),
                            "on" | "in"
                                | "at"
                                | "last"
                                | "this"
                                | "earlier"
                                | "later"
                                | "yesterday"
                                | "today"
                                | "also"
                                | "itself"
                        )
                        && !crate::text::calendar::is_calendar_word(t.lower())
                });
                if role_before || head_after {
                    return self.plausible_speaker(np);
                }
                return Some(self.speaker_of(m, ms));
            }
        }
        let words: Vec<String> = np
            .iter()
            .map(|&i| self.tok(i).lower().to_string())
            .collect();
        // A pronoun.
        if np.len() == 1 && PRONOUNS.contains(&words[0].as_str()) {
            let kinds: &[MentionKind] = match words[0].as_str() {
                "he" | "she" => &[MentionKind::Person],
                "it" => &[MentionKind::Org],
                _ => &[],
            };
            if !kinds.is_empty() {
                if let Some(m) = self.ctx.antecedent(span.start, kinds, self.quotes) {
                    let ms = self.ctx.mentions[m].span();
                    return Some(Speaker {
                        span,
                        text: self.ctx.slice(ms),
                        entity: Some(self.ctx.mentions[m].entity().to_string()),
                    });
                }
            }
            return Some(Speaker {
                span,
                text: self.ctx.slice(span),
                entity: None,
            });
        }
        // No mention: capitalised names (when no recogniser ran) or a role phrase.
        let phrase = self.ctx.slice(span);
        if words[0] == "the" {
            if let Some(s) = self.role_reference(span, &phrase) {
                return Some(s);
            }
        }
        self.plausible_speaker(np)
    }

    /// Without a mention, a phrase is a speaker only when it reads as a noun phrase: a
    /// determiner phrase without clause words ("a press officer", "the senior official"), a
    /// role noun ("officials", "police"), or a run of capitalised words (a name no recogniser
    /// marked; the last run of two or more words, else the first single one).
    fn plausible_speaker(&self, np: &[usize]) -> Option<Speaker> {
        let mut words: Vec<String> = np
            .iter()
            .map(|&i| self.tok(i).lower().to_string())
            .collect();
        // "a press officer at the embassy in Rome" -> "a press officer".
        let mut np = np;
        if matches!(words[0].as_str(), "the" | "a" | "an") {
            if let Some(cut) = words.iter().position(|w| {
                matches!(
                    w.as_str(),
                    "at" | "in" | "on" | "with" | "during" | "inside" | "outside" | "near"
                )
            }) {
                if cut >= 2 {
                    np = &np[..cut];
                    words.truncate(cut);
                }
            }
        }
        static CLAUSE: WordSet =
            WordSet::new(include_str!("../../data/lists/quotes/clause_words.txt"));
        let determiner = matches!(
            words[0].as_str(),
            "the"
                | "a"
                | "an"
                | "one"
                | "another"
                | "some"
                | "two"
                | "three"
                | "several"
                | "many"
                | "most"
                | "other"
                | "senior"
                | "local"
                | "government"
                | "company"
                | "police"
                | "state"
                | "military"
                | "security"
                | "health"
                | "court"
        );
        // A participle may head the phrase ("a court filing") but not sit inside it.
        let clean = words.iter().enumerate().all(|(k, w)| {
            !CLAUSE.contains(&w.as_str()) && (k + 1 == words.len() || !w.ends_with("ing"))
        }) && np
            .iter()
            .all(|&i| self.tok(i).word || matches!(self.tok(i).text, "'" | "’" | "-"));
        let span_of = |a: usize, b: usize| Span::new(self.tok(np[a]).start, self.tok(np[b]).end);
        // "Ana Ruiz's lawyers": a name in the possessive, then a role.
        let possessive_role = words
            .iter()
            .position(|w| w.ends_with("'s") || w.ends_with("’s"))
            .is_some_and(|k| {
                k + 1 < words.len()
                    && np[..=k].iter().all(|&i| self.tok(i).capitalised())
                    && role_head(&words[k + 1..].join(" ")).is_some()
            });
        if clean
            && np.len() <= 7
            && (determiner
                || possessive_role
                || (np.len() <= 2 && role_head(&words.join(" ")).is_some()))
        {
            let s = span_of(0, np.len() - 1);
            return Some(Speaker {
                span: s,
                text: self.ctx.slice(s),
                entity: None,
            });
        }
        // Capitalised runs.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < np.len() {
            let t = self.tok(np[k]);
            if t.word
                && t.capitalised()
                && !CLAUSE.contains(&words[k].as_str())
                && !crate::text::calendar::is_calendar_word(&words[k])
            {
                let a = k;
                while k + 1 < np.len()
                    && self.tok(np[k + 1]).word
                    && self.tok(np[k + 1]).capitalised()
                    && !crate::text::calendar::is_calendar_word(&words[k + 1])
                {
                    k += 1;
                }
                runs.push((a, k));
            }
            k += 1;
        }
        // Sentence openers ("However", "Meanwhile") are not names.
        runs.retain(|&(a, b)| {
            !(a == b
                && a == 0
                && matches!(
                    words[0].as_str(),
                    "however"
                        | "meanwhile"
                        | "but"
                        | "and"
                        | "then"
                        | "now"
                        | "still"
                        | "earlier"
                        | "later"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                ))
        });
        let pick = runs.iter().rev().find(|&&(a, b)| b > a).or(runs.first())?;
        let s = span_of(pick.0, pick.1);
        Some(Speaker {
            span: s,
            text: self.ctx.slice(s),
            entity: None,
        })
    }

    /// "the diplomat", "the ministry": the nearest earlier person (organisation) so described.
    fn role_reference(&self, span: Span, phrase: &str) -> Option<Speaker> {
        let class = role_head(phrase)?;
        // A person whose descriptor has the same role class.
        let person = self
            .descriptors
            .iter()
            .filter(|d| {
                d.span.end <= span.start
                    && self.ctx.mentions[d.mention].kind() == MentionKind::Person
            })
            .filter(|d| role_head(&d.text) == Some(class))
            .max_by_key(|d| d.span.end);
        if let Some(d) = person {
            let m = d.mention;
            let ms = self.ctx.mentions[m].span();
            return Some(Speaker {
                span,
                text: self.ctx.slice(ms),
                entity: Some(self.ctx.mentions[m].entity().to_string()),
            });
        }
        // An organisation whose name holds the noun ("the ministry" -> "Foreign Ministry").
        let noun = phrase.split_whitespace().last()?.to_lowercase();
        let orgs = self
            .ctx
            .mentions_in(Span::new(0, span.start), &[MentionKind::Org]);
        let named = orgs.iter().rev().copied().find(|&m| {
            let name = self.ctx.slice(self.ctx.mentions[m].span()).to_lowercase();
            name.split_whitespace()
                .any(|w| w.trim_end_matches("'s").trim_end_matches("’s") == noun)
        });
        // An organisation described with that kind ("carmaker Voltan" -> "the carmaker").
        let described = || {
            self.descriptors
                .iter()
                .filter(|d| {
                    d.span.end <= span.start
                        && self.ctx.mentions[d.mention].kind() == MentionKind::Org
                })
                .filter(|d| role_head(&d.text) == Some(class))
                .max_by_key(|d| d.span.end)
                .map(|d| d.mention)
        };
        // A kind of company ("the company", "the club", "the bank") refers to the organisation
        // that was the subject of the nearest earlier sentence naming one.
        static KINDS: WordSet = WordSet::new(include_str!("../../data/lists/quotes/org_kinds.txt"));
        let nearest = || {
            KINDS
                .contains(&class)
                .then(|| {
                    self.ctx
                        .antecedent(span.start, &[MentionKind::Org], self.quotes)
                })
                .flatten()
        };
        let m = named.or_else(described).or_else(nearest)?;
        let ms = self.ctx.mentions[m].span();
        Some(Speaker {
            span,
            text: self.ctx.slice(ms),
            entity: Some(self.ctx.mentions[m].entity().to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptors::tests::unmark;
    use crate::offsets::CharIndex;

    /// One expected quote: the quoted words (inside the marks) and the speaker text.
    type Exp<'a> = (&'a str, Option<&'a str>);

    /// Runs [`find_quotes`] on `marked` (mentions marked `[[person]]`, `{{org}}`, `<<place>>`)
    /// and compares quoted words and speakers with `expected`.
    #[track_caller]
    fn check(marked: &str, expected: &[Exp<'_>]) {
        let (text, mentions) = unmark(marked);
        let ix = CharIndex::new(&text);
        let quotes = find_quotes(&text, &[], &mentions);
        // Every quote span opens with its mark, right before the quoted words.
        for q in &quotes {
            let mark = ix.slice(&text, Span::new(q.span.start, q.text_span.start));
            assert!(
                q.span.contains(&q.text_span)
                    && mark.chars().count() == 1
                    && "“\"‘'„«‹".contains(mark),
                "quote {:?} / words {:?} in {text:?}",
                q.span,
                q.text_span
            );
        }
        let got: Vec<(String, Option<String>)> = quotes
            .into_iter()
            .map(|q| (ix.slice(&text, q.text_span).to_string(), q.speaker_text))
            .collect();
        let exp: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|&(t, s)| (t.to_string(), s.map(str::to_string)))
            .collect();
        if got != exp {
            let mut msg = format!("text: {text}\n");
            for i in 0..got.len().max(exp.len()) {
                let mark = if got.get(i) == exp.get(i) { " " } else { "✗" };
                msg.push_str(&format!(
                    "{mark} got {:?}\n  expected {:?}\n",
                    got.get(i),
                    exp.get(i)
                ));
            }
            panic!("{msg}");
        }
    }

    #[test]
    fn marks_and_apostrophes() {
        check(
            "“We will win,” [[Ana Ruiz]] said.",
            &[("We will win,", Some("Ana Ruiz"))],
        );
        check(
            "\"We will win,\" [[Ana Ruiz]] said.",
            &[("We will win,", Some("Ana Ruiz"))],
        );
        check(
            "‘We will win,’ [[Ana Ruiz]] said.",
            &[("We will win,", Some("Ana Ruiz"))],
        );
        check(
            "'We will win,' [[Ana Ruiz]] said.",
            &[("We will win,", Some("Ana Ruiz"))],
        );
        check(
            "It's the club's best run since the '90s, and fans don't mind.",
            &[],
        );
        check("The players’ union rejected the deal.", &[]);
        check(
            "‘It is a big step. The students’ fieldwork was superb,’ [[Tom Hill]] said.",
            &[(
                "It is a big step. The students’ fieldwork was superb,",
                Some("Tom Hill"),
            )],
        );
        check("He is 6'2\" tall.", &[]);
        check(
            "“They said ‘no way’ to us,” [[Ana Ruiz]] said.",
            &[
                ("They said ‘no way’ to us,", Some("Ana Ruiz")),
                ("no way", None),
            ],
        );
        check("The so-called “smart” meters failed.", &[("smart", None)]);
        check("Hé said “no” twice.", &[("no", None)]);
    }

    #[test]
    fn other_quotation_styles() {
        check(
            "«Nous sommes prêts», a déclaré [[Anne Roy]].",
            &[("Nous sommes prêts", None)],
        );
        check(
            "„Wir schaffen das“, sagte [[Eva Kohl]].",
            &[("Wir schaffen das", None)],
        );
        check(
            "[[Eva Kohl]] said: „We will manage“ and left.",
            &[("We will manage", Some("Eva Kohl"))],
        );
    }

    #[test]
    fn multi_paragraph_and_unclosed() {
        check(
            "[[Ana Ruiz]] said: “We trained hard all winter.\n\n“Now we are ready for anything.”\n\nThe match starts at noon.",
            &[("We trained hard all winter.\n\n“Now we are ready for anything.", Some("Ana Ruiz"))],
        );
        check(
            "[[Ana Ruiz]] said the team had shown “a lot of heart this season.\n\nThe match starts at noon.",
            &[("a lot of heart this season.", Some("Ana Ruiz"))],
        );
    }

    #[test]
    fn speaker_patterns() {
        check(
            "“Prices will rise,” said bank economist [[Lu Chen]] on Monday.",
            &[("Prices will rise,", Some("Lu Chen"))],
        );
        check(
            "“Prices will rise,” [[Lu Chen]] told reporters.",
            &[("Prices will rise,", Some("Lu Chen"))],
        );
        check(
            "[[Lu Chen]] told {{Radio Nord}}: “Prices will rise.”",
            &[("Prices will rise.", Some("Lu Chen"))],
        );
        check(
            "According to [[Lu Chen]], prices will “rise sharply”.",
            &[("rise sharply", Some("Lu Chen"))],
        );
        check(
            "[[Lu Chen]]: “Prices will rise.”",
            &[("Prices will rise.", Some("Lu Chen"))],
        );
        check(
            "“Prices will rise,” a press officer said.",
            &[("Prices will rise,", Some("a press officer"))],
        );
        check(
            "“Prices will rise,” officials said.",
            &[("Prices will rise,", Some("officials"))],
        );
        check(
            "“The vote was fair,” {{the electoral commission}} said.",
            &[("The vote was fair,", Some("the electoral commission"))],
        );
        check(
            "[[Lu Chen]], the head of the union, warned that the strike would go on “for as long as it takes”.",
            &[("for as long as it takes", Some("Lu Chen"))],
        );
        check(
            "“It was a fair result,” the judge said.",
            &[("It was a fair result,", Some("the judge"))],
        );
    }

    #[test]
    fn pronouns_roles_and_running_speech() {
        check(
            "[[Lu Chen]] met [[Sam Roy]] on Friday. “We agreed on a plan,” he said.",
            &[("We agreed on a plan,", Some("Lu Chen"))],
        );
        check(
            "“We start today,” [[Lu Chen]] said. “It will take a year.”",
            &[
                ("We start today,", Some("Lu Chen")),
                ("It will take a year.", Some("Lu Chen")),
            ],
        );
        check(
            "“We start today,” [[Lu Chen]] said.\n“It will take a year.”\nThe works cost £2m.\n\n“It is too much,” said [[Sam Roy]].",
            &[("We start today,", Some("Lu Chen")), ("It will take a year.", Some("Lu Chen")), ("It is too much,", Some("Sam Roy"))],
        );
        check(
            "Trade envoy [[Omar Said]] arrived on Monday. “Talks are going well,” the envoy said.",
            &[("Talks are going well,", Some("Omar Said"))],
        );
        check(
            "“First part,” [[Lu Chen]] added, “and the second part.”",
            &[
                ("First part,", Some("Lu Chen")),
                ("and the second part.", Some("Lu Chen")),
            ],
        );
        check(
            "The {{Interior Ministry}} issued a statement. “Order has been restored,” the ministry said.",
            &[("Order has been restored,", Some("Interior Ministry"))],
        );
        check(
            "The coach spoke after the game. [[Kim Bo]] then said:\n“We were lucky today.”",
            &[("We were lucky today.", Some("Kim Bo"))],
        );
    }

    #[test]
    fn harder_attributions() {
        // A participle takes the subject of its main clause.
        check(
            "[[Ada Stone]] spoke about [[Ben Cole]] on Monday, saying he “had done enough”.",
            &[("had done enough", Some("Ada Stone"))],
        );
        // An organisation that only modifies a person leaves the phrase as the speaker.
        check(
            "“The deal is off,” a senior {{Acme Corp}} executive said.",
            &[("The deal is off,", Some("a senior Acme Corp executive"))],
        );
        check(
            "“The deal is off,” a spokesman at {{Acme Corp}} told reporters.",
            &[("The deal is off,", Some("a spokesman"))],
        );
        // The subject beats a possessive or a name after a preposition.
        check(
            "In a call with [[Ben Cole]], [[Ada Stone]] agreed to talks. “It is a start,” she said.",
            &[("It is a start,", Some("Ada Stone"))],
        );
        check(
            "[[Ben Cole]]'s remarks came after [[Ada Stone]] criticised the plan. She has also called it “a mess”.",
            &[("a mess", Some("Ada Stone"))],
        );
        // The appositive after a name does not hide it.
        check(
            "[[Ada Stone]], the head of the regulator, said “nothing has changed”.",
            &[("nothing has changed", Some("Ada Stone"))],
        );
        // Passive attribution.
        check(
            "“We are ready.” This was said by the {{Navy}} on Friday.",
            &[("We are ready.", Some("Navy"))],
        );
        // A pronoun after a run of quotes keeps the last speaker when nobody else is named.
        check(
            "“We are listening,” the press officer said.\n“We want talks,” he added.",
            &[
                ("We are listening,", Some("the press officer")),
                ("We want talks,", Some("the press officer")),
            ],
        );
        // A quoted phrase inside a sentence that goes on is not attributed by what follows.
        check(
            "The so-called “quiet period” has ended, officials said.",
            &[("quiet period", None)],
        );
    }

    #[test]
    fn across_topics() {
        check(
            "Judge [[Mary Lane]] said the defendant had shown “no remorse”. “This was a cruel attack on a vulnerable man,” she told the court. Defence lawyer [[Tom Reed]] said his client would appeal.",
            &[("no remorse", Some("Mary Lane")), ("This was a cruel attack on a vulnerable man,", Some("Mary Lane"))],
        );
        check(
            "“We were poor in the first half,” said [[Lee]], whose side are fifth. “But the lads showed character.”",
            &[("We were poor in the first half,", Some("Lee")), ("But the lads showed character.", Some("Lee"))],
        );
        check(
            "{{Acme}}'s chief executive, [[Jane Roe]], told analysts on a call: “Demand remains strong.”",
            &[("Demand remains strong.", Some("Jane Roe"))],
        );
        check(
            "“It's a great day for the city,” Mayor [[Ann Fox]] said in a statement on Tuesday.",
            &[("It's a great day for the city,", Some("Ann Fox"))],
        );
        check(
            "'We have found water,' the lead scientist, [[Raj Iyer]], said. 'It changes everything.'",
            &[("We have found water,", Some("Raj Iyer")), ("It changes everything.", Some("Raj Iyer"))],
        );
    }

    #[test]
    fn attribution_next_to_the_quote_and_in_the_paragraph_before() {
        check(
            "\"I controlled the race\" said [[Kim Osei]], who also won in 2012.",
            &[("I controlled the race", Some("Kim Osei"))],
        );
        check(
            "“The ice is moving,” said the study's lead author, [[Ana Ruiz]], a glaciologist.",
            &[("The ice is moving,", Some("Ana Ruiz"))],
        );
        check(
            "One of the members who quit, [[Tara Lee]], said she could not back the plan.\n\n\"I cannot support it. It was rushed.\"",
            &[("I cannot support it. It was rushed.", Some("Tara Lee"))],
        );
        check(
            "\"I'm not done,\" [[Mo Farr]] said. \"I'll be back.\n\n\"It's about experience.\"",
            &[
                ("I'm not done,", Some("Mo Farr")),
                ("I'll be back.\n\n\"It's about experience.", Some("Mo Farr")),
            ],
        );
        // A participle after the subject's own clause; an abbreviation inside the speaker.
        check(
            "Lawyers for [[Ana Ruiz]] hit back, urging the court to \"throw out the case.\"",
            &[("throw out the case.", Some("Ana Ruiz"))],
        );
        check(
            "\"The claim is baseless,\" says a Jan. 9 court filing.",
            &[("The claim is baseless,", Some("a Jan. 9 court filing"))],
        );
        // A possessive name only owns the speaker.
        check(
            "[[Ana Ruiz]]'s lawyers hit back, urging the court to \"throw out the case.\"",
            &[("throw out the case.", Some("Ana Ruiz's lawyers"))],
        );
        check(
            "\"She is innocent,\" [[Ana Ruiz]]'s lawyer said.",
            &[("She is innocent,", Some("Ana Ruiz's lawyer"))],
        );
        // What follows a quote that ends its sentence may be a new sentence.
        check(
            "[[Ana Ruiz]] spoke first. \"We are ready.\" Meanwhile, [[Ben Cole]] has asked for a delay.",
            &[("We are ready.", None)],
        );
        // Judging is not saying: no speaker carried over from "X accused Y ...".
        check(
            "<<Norway>> and <<Chile>> accused each other of overfishing.\n\n\"The quotas are fair.\"",
            &[("The quotas are fair.", None)],
        );
        // A scare quote followed by an unrelated clause with a speech verb.
        check(
            "Critics dismissed the “reforms” as a sham, officials said.",
            &[("reforms", None)],
        );
    }

    #[test]
    fn organisations_by_kind() {
        check(
            "Shares in {{Voltan Motors}} fell 5% on Monday. In a statement, the company said: “We expect a better year.”",
            &[("We expect a better year.", Some("Voltan Motors"))],
        );
        check(
            "Shares in carmaker {{Voltan}} fell. {{Orbis Bank}} analysts were gloomy. “We see growth,” the carmaker said.",
            &[("We see growth,", Some("Voltan"))],
        );
        check(
            "Fans were angry with {{City FC}} after the defeat. “We hear them,” the club said.",
            &[("We hear them,", Some("City FC"))],
        );
    }

    #[test]
    fn nested_double_quotes() {
        check(
            "“The report says “there is more to do” and we agree,” [[Ada Stone]] said.",
            &[
                (
                    "The report says “there is more to do” and we agree,",
                    Some("Ada Stone"),
                ),
                ("there is more to do", None),
            ],
        );
    }
}
