//! Sentences: abbreviation-aware splitting with code-point spans, the crate's one owner of
//! sentence boundaries: [`sentences`] (the analysis' sentences), [`first_sentence`] (a
//! document's lede) and [`first_stop`] (the quote reader's cut after a quote), each
//! documented with how it differs.
//!
//! A sentence ends after `.`, `!` or `?` (and any closing quotes or brackets right after it)
//! when the next word starts a new sentence; a full stop after an abbreviation ("Sen.", "Jan.",
//! "Dr."), an initial ("J.") or inside "U.S." does not end one unless the next word is a
//! typical sentence opener. A line break ends a sentence too (headlines, captions and bullet
//! lines carry no full stop), except inside a hard-wrapped paragraph (the line ends without
//! punctuation and the next one starts in lower case).

use super::abbreviations::{
    is_abbreviation, is_initialism, takes_abbreviation_stop, ABBREVIATIONS,
};
use super::tokens::{tokenize, Token, TokenKind};
use crate::offsets::Span;
use crate::pipeline::lists::WordSet;

/// Words that typically open a sentence: after "U.S." or "Inc." they mean a new sentence.
static OPENERS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/text/sentence_openers.txt"
));

fn is_terminal(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?" | "…")
}

fn is_closer(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

/// Sentence spans of `text`, in order, trimmed of surrounding whitespace, never empty.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_of(&tokenize(text))
}

/// Sentence spans over already computed tokens (see [`sentences`]).
pub fn sentences_of(toks: &[Token<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None; // token index of the first token of the sentence
    let mut last_content: usize = 0;
    let next_content = |mut j: usize| {
        while j < toks.len() && matches!(toks[j].kind, TokenKind::Space) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t.kind {
            TokenKind::Space => {
                i += 1;
                continue;
            }
            TokenKind::Newline => {
                if let Some(s) = start {
                    let blank = t.text.matches('\n').count() >= 2;
                    let prev = &toks[last_content];
                    let j = next_content(i + 1);
                    let wrapped = !blank
                        && prev.kind == TokenKind::Word
                        && prev.text.chars().last().is_some_and(|c| c.is_lowercase())
                        && toks.get(j).is_some_and(|n| {
                            n.kind == TokenKind::Word
                                && n.text.chars().next().is_some_and(|c| c.is_lowercase())
                        });
                    if !wrapped {
                        out.push(Span::new(toks[s].span.start, prev.span.end));
                        start = None;
                    }
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        if start.is_none() {
            start = Some(i);
        }
        last_content = i;
        if is_terminal(t) {
            // swallow further terminals and closers
            let mut k = i + 1;
            while k < toks.len() && (is_terminal(&toks[k]) || is_closer(&toks[k])) {
                last_content = k;
                k += 1;
            }
            let j = next_content(k);
            let ends = match toks.get(j) {
                None => true,
                Some(n) if n.kind == TokenKind::Newline => false, // the newline ends it
                Some(n) => {
                    let first = n.text.chars().next().unwrap_or(' ');
                    let starts_new = first.is_uppercase()
                        || first.is_ascii_digit()
                        || matches!(n.text, "“" | "\"" | "‘" | "(" | "[" | "«" | "—" | "-");
                    starts_new && (k > i + 1 || t.text != "." || !abbreviation_before(toks, i, n))
                }
            };
            if ends {
                let s = start.take().unwrap_or(i);
                out.push(Span::new(toks[s].span.start, toks[last_content].span.end));
            }
            i = k;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push(Span::new(toks[s].span.start, toks[last_content].span.end));
    }
    out
}

/// The first sentence of a one-line paragraph: the cut [`crate::Document`] makes its
/// `first_sentence` (a card's lede, a title when there is no headline) with. Stricter than
/// [`sentences`]: a stop ends the sentence only when the next word starts with a capital, a
/// digit or a quote (not a bracket), so a dateline's "CHEROKEE, Kan. (AP) -- After ..." stays
/// one sentence; a full stop after an abbreviation, an initialism or a single letter never
/// ends one.
pub fn first_sentence(p: &str) -> &str {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (k, &(b, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Close any quote or bracket that follows the stop.
        let mut end = k + 1;
        while end < chars.len() && matches!(chars[end].1, '"' | '”' | '’' | '\'' | ')') {
            end += 1;
        }
        let Some(&(nb, next)) = chars.get(end) else {
            return p;
        };
        if !next.is_whitespace() {
            continue;
        }
        let after = p[nb..].trim_start().chars().next();
        if !after.is_some_and(|a| a.is_uppercase() || a.is_ascii_digit() || "\"“‘'".contains(a))
        {
            continue;
        }
        if c == '.' {
            let word = p[..b]
                .rsplit(|x: char| x.is_whitespace() || x == '(')
                .next()
                .unwrap_or("");
            if is_abbreviation(word)
                || is_initialism(word)
                || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
            {
                continue;
            }
        }
        return &p[..nb];
    }
    p
}

/// Where the first sentence stop in `chars[from..to]` ends (the index after it): a `.`, `!`
/// or `?` followed by a space or the end of the text, but not a full stop after a single
/// letter, inside "U.S." or after an abbreviation. The quote reader's cut after a quote ("…,”
/// he said. Next"), where [`sentences`] may have ended the sentence at the quote's mark.
pub fn first_stop(chars: &[char], from: usize, to: usize) -> Option<usize> {
    let mut i = from;
    while i < to {
        if matches!(chars[i], '.' | '!' | '?') {
            let next_ws = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            let prev_len = (0..i)
                .rev()
                .take_while(|&k| chars[k].is_alphabetic())
                .count();
            let word: String = chars[i - prev_len..i].iter().collect();
            let abbrev = chars[i] == '.'
                && (prev_len == 0
                    || (i >= 2 && chars[i - 2] == '.')
                    || takes_abbreviation_stop(&word));
            if next_ws && !abbrev {
                return Some(i + 1);
            }
        }
        i += 1;
    }
    None
}

/// True when the full stop at `dot` belongs to an abbreviation and `next` does not look like
/// the opening of a new sentence.
fn abbreviation_before(toks: &[Token<'_>], dot: usize, next: &Token<'_>) -> bool {
    let Some(prev) = dot.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text;
    let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    let dotted = w.contains('.'); // U.S, U.N, e.g
    let listed = ABBREVIATIONS.contains(&w);
    if !(initial || dotted || listed) {
        return false;
    }
    if dotted || matches!(w, "Inc" | "Corp" | "Co" | "Ltd" | "etc" | "Jr" | "Sr") {
        // "in the U.S. The ..." ends; "U.S. President" does not
        return !OPENERS.contains(&next.text);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = sentences(text)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn table() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "plain",
                "One thing. Another thing.",
                &["One thing.", "Another thing."],
            ),
            (
                "title",
                "Sen. Ann Lee spoke. Then she left.",
                &["Sen. Ann Lee spoke.", "Then she left."],
            ),
            ("month", "On Jan. 5 it snowed.", &["On Jan. 5 it snowed."]),
            (
                "initials",
                "J. R. Smith won. He smiled.",
                &["J. R. Smith won.", "He smiled."],
            ),
            (
                "us inside",
                "The U.S. Navy sailed.",
                &["The U.S. Navy sailed."],
            ),
            (
                "us at end",
                "It rained in the U.S. The end.",
                &["It rained in the U.S.", "The end."],
            ),
            (
                "quote closes",
                "“We won.” Fans cheered.",
                &["“We won.”", "Fans cheered."],
            ),
            (
                "headline",
                "Markets fall\nShares dropped today.",
                &["Markets fall", "Shares dropped today."],
            ),
            (
                "bullets",
                "- first point\n- second point",
                &["- first point", "- second point"],
            ),
            (
                "wrapped",
                "the cat sat\non the mat.",
                &["the cat sat\non the mat."],
            ),
            ("question", "Why? Nobody knows!", &["Why?", "Nobody knows!"]),
            ("empty", "  \n ", &[]),
        ];
        for (name, t, e) in rows {
            eprintln!("case {name}");
            check(t, e);
        }
    }
}
