//! Anchoring a highlight or a note to a text, in the manner of the W3C Web Annotation
//! model's `TextQuoteSelector`: the quoted passage with a little context either side, plus the
//! position it had when it was made (a hint).
//!
//! [`describe`] makes the [`TextQuote`] of a span; [`resolve`] finds it again in a text that
//! may have changed since:
//! 1. if the text at the hinted position is still exactly the quote, the anchor is
//!    [`Anchored::Exact`];
//! 2. otherwise every occurrence of the quote (not overlapping an earlier one) is a candidate,
//!    compared with runs of whitespace
//!    folded to one space (so a passage whose lines were re-wrapped, or whose double spaces
//!    became single, is still found); the candidate whose surrounding text agrees with the
//!    stored prefix and suffix over the most characters wins, then the one nearest the hint,
//!    then the first; the result is [`Anchored::Moved`];
//! 3. when the quote occurs nowhere, the anchor is [`Anchored::Lost`].
//!
//! There is deliberately no fuzzy matching beyond whitespace: a highlight attached to words
//! that were since reworded is reported lost rather than attached to words the reader never
//! chose. An empty quote is always lost.

use crate::offsets::{CharIndex, Span};
use serde::{Deserialize, Serialize};

/// How many code points of context [`describe`] keeps on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// A passage of text with some context either side (W3C `TextQuoteSelector`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    /// The passage itself, exactly as it was in the text.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points just before the passage.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points just after the passage.
    pub suffix: String,
}

/// Where a [`TextQuote`] is in a text now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchored {
    /// The text at the stored position is still exactly the quote.
    Exact(Span),
    /// The quote was found elsewhere (or with different whitespace): the best match by quote
    /// and context, nearest the old position.
    Moved(Span),
    /// The quote no longer occurs in the text.
    Lost,
}

impl Anchored {
    /// The span found, if any.
    pub fn span(&self) -> Option<Span> {
        match *self {
            Anchored::Exact(s) | Anchored::Moved(s) => Some(s),
            Anchored::Lost => None,
        }
    }
}

/// The quote of `span` in `text`, with up to [`CONTEXT_CHARS`] code points of context each
/// side. The span is clamped to the text (an end before the start counts as empty).
pub fn describe(text: &str, span: Span) -> TextQuote {
    let ix = CharIndex::new(text);
    let n = ix.len_chars();
    let start = span.start.min(n);
    let end = span.end.clamp(start, n);
    let cut = |s: usize, e: usize| ix.slice(text, Span::new(s, e)).to_string();
    TextQuote {
        exact: cut(start, end),
        prefix: cut(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: cut(end, (end + CONTEXT_CHARS).min(n)),
    }
}

/// Finds `quote` in `text`; `hint` is where it was when it was made (see the module docs for
/// the order of preference). Without a hint the result is never `Exact`: among candidates of
/// equal context the first in the text wins.
pub fn resolve(text: &str, quote: &TextQuote, hint: Option<Span>) -> Anchored {
    if quote.exact.is_empty() {
        return Anchored::Lost;
    }
    let ix = CharIndex::new(text);
    if let Some(h) = hint {
        if h.start < h.end && h.end <= ix.len_chars() && ix.slice(text, h) == quote.exact {
            return Anchored::Exact(h);
        }
    }

    // The quote with its surrounding whitespace moved into the context, all folded.
    let core = quote.exact.trim();
    if core.is_empty() {
        return Anchored::Lost;
    }
    let lead = &quote.exact[..quote.exact.len() - quote.exact.trim_start().len()];
    let trail = &quote.exact[quote.exact.trim_end().len()..];
    let needle = fold(core).text;
    let prefix: Vec<char> = fold(&format!("{}{lead}", quote.prefix)).chars;
    let suffix: Vec<char> = fold(&format!("{trail}{}", quote.suffix)).chars;

    let hay = fold(text);
    let hay_ix = CharIndex::new(&hay.text);
    let needle_chars = needle.chars().count();

    // (context agreement, distance from the hint, start) of the best candidate so far.
    // Occurrences are found left to right without overlapping (linear time even for a long
    // quote of one repeated character).
    let mut best: Option<(usize, usize, Span)> = None;
    for (b, _) in hay.text.match_indices(&needle) {
        let fs = hay_ix.char_of_byte(b);
        let fe = fs + needle_chars;
        let (Some(&start), Some(&end)) = (hay.orig.get(fs), hay.ends.get(fe.wrapping_sub(1)))
        else {
            continue;
        };
        let before = hay.chars[..fs].iter().rev();
        let agree_before = before
            .zip(prefix.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let agree_after = hay.chars[fe.min(hay.chars.len())..]
            .iter()
            .zip(suffix.iter())
            .take_while(|(a, b)| a == b)
            .count();
        let context = agree_before + agree_after;
        let distance = hint.map_or(start, |h| start.abs_diff(h.start));
        let better = match best {
            None => true,
            Some((c, d, _)) => context > c || (context == c && distance < d),
        };
        if better {
            best = Some((context, distance, Span::new(start, end)));
        }
    }
    best.map_or(Anchored::Lost, |(_, _, s)| Anchored::Moved(s))
}

/// A text with every run of whitespace folded to one space, and the way back.
struct Folded {
    text: String,
    chars: Vec<char>,
    /// For each folded character, the code point where it starts in the original.
    orig: Vec<usize>,
    /// For each folded character, the code point just after it in the original (a folded
    /// space ends where its whole run of whitespace ends).
    ends: Vec<usize>,
}

fn fold(s: &str) -> Folded {
    let mut f = Folded {
        text: String::with_capacity(s.len()),
        chars: Vec::new(),
        orig: Vec::new(),
        ends: Vec::new(),
    };
    let mut in_space = false;
    for (i, c) in s.chars().enumerate() {
        if c.is_whitespace() {
            if in_space {
                if let Some(e) = f.ends.last_mut() {
                    *e = i + 1;
                }
                continue;
            }
            in_space = true;
            f.text.push(' ');
            f.chars.push(' ');
        } else {
            in_space = false;
            f.text.push(c);
            f.chars.push(c);
        }
        f.orig.push(i);
        f.ends.push(i + 1);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sp(start: usize, end: usize) -> Span {
        Span::new(start, end)
    }

    /// Describes `span` of `before`, resolves it in `after` with the old span as hint.
    #[track_caller]
    fn check(name: &str, before: &str, span: Span, after: &str, expected: Anchored) {
        let q = describe(before, span);
        let got = resolve(after, &q, Some(span));
        let show = |a: Anchored| match a.span() {
            Some(s) => format!("{a:?} = {:?}", CharIndex::new(after).slice(after, s)),
            None => format!("{a:?}"),
        };
        assert_eq!(
            got,
            expected,
            "case {name}: quote {q:?}\n  expected {}\n       got {}",
            show(expected),
            show(got)
        );
    }

    #[test]
    fn describe_table() {
        // (text, span, exact, prefix, suffix)
        let long = "a".repeat(40) + "XY" + &"b".repeat(40);
        let rows: Vec<(&str, Span, &str, String, String)> = vec![
            (
                "The cat sat.",
                sp(4, 7),
                "cat",
                "The ".into(),
                " sat.".into(),
            ),
            (
                "héllo wörld",
                sp(6, 11),
                "wörld",
                "héllo ".into(),
                "".into(),
            ),
            ("abc", sp(2, 99), "c", "ab".into(), "".into()),
            ("abc", sp(9, 12), "", "abc".into(), "".into()),
            ("abc", sp(2, 1), "", "ab".into(), "c".into()),
            ("", sp(0, 5), "", "".into(), "".into()),
            (&long, sp(40, 42), "XY", "a".repeat(32), "b".repeat(32)),
            ("x😀y", sp(1, 2), "😀", "x".into(), "y".into()),
        ];
        for (text, span, exact, prefix, suffix) in rows {
            let got = describe(text, span);
            let want = TextQuote {
                exact: exact.into(),
                prefix,
                suffix,
            };
            assert_eq!(got, want, "describe({text:?}, {span:?})");
        }
    }

    #[test]
    fn resolve_table() {
        let text =
            "The storm hit the coast on Monday. Officials said the storm was the worst in years.";
        // "the storm" twice: at 50..59 (lower case) and "The storm" at 0..9.
        check("unchanged", text, sp(4, 9), text, Anchored::Exact(sp(4, 9)));
        check(
            "text inserted before",
            text,
            sp(10, 13),
            &format!("BREAKING. {text}"),
            Anchored::Moved(sp(20, 23)),
        );
        check(
            "text removed before",
            text,
            sp(50, 59),
            &text[35..],
            Anchored::Moved(sp(15, 24)),
        );
        check(
            "re-wrapped lines",
            "Officials said the storm was\nthe worst in years.",
            sp(15, 38),
            "Officials said the\nstorm was the worst in years.",
            Anchored::Moved(sp(15, 38)),
        );
        check(
            "double space became single",
            "one  two  three",
            sp(5, 15),
            "zero one two three",
            Anchored::Moved(sp(9, 18)),
        );
        check(
            "reworded: lost",
            text,
            sp(35, 49),
            "The storm hit the coast on Monday. Officers said it was bad.",
            Anchored::Lost,
        );
        check(
            "gone",
            "alpha beta",
            sp(6, 10),
            "alpha gamma",
            Anchored::Lost,
        );
        check("empty quote", "alpha", sp(2, 2), "alpha", Anchored::Lost);
        check(
            "hint past the end of a shorter text",
            "xxxxxxxxxx word",
            sp(11, 15),
            "word",
            Anchored::Moved(sp(0, 4)),
        );
        check(
            "non-ASCII offsets",
            "Zoë said “yes” twice.",
            sp(9, 14),
            "Then Zoë said “yes” twice.",
            Anchored::Moved(sp(14, 19)),
        );
    }

    #[test]
    fn context_then_distance_decide() {
        // The second "the storm" (after "said ") is the one quoted.
        let text = "The storm hit. Then the storm grew. Officials said the storm was bad.";
        let q = describe(text, sp(51, 60));
        assert_eq!(q.exact, "the storm");
        // Shift everything; the hint now points between occurrences. Context picks the right
        // one although "Then the storm" is nearer the old position.
        let after = format!("Update: {text}");
        assert_eq!(
            resolve(&after, &q, Some(sp(30, 39))),
            Anchored::Moved(sp(59, 68))
        );

        // Equal context everywhere: the occurrence nearest the hint wins.
        let rep = "ab ab ab ab ab";
        let q = TextQuote {
            exact: "ab".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(resolve(rep, &q, Some(sp(7, 9))), Anchored::Moved(sp(6, 8)));
        assert_eq!(
            resolve(rep, &q, Some(sp(13, 14))),
            Anchored::Moved(sp(12, 14))
        );
        // No hint: the first.
        assert_eq!(resolve(rep, &q, None), Anchored::Moved(sp(0, 2)));
    }

    #[test]
    fn whitespace_around_the_quote() {
        let text = "alpha  beta gamma";
        let q = describe(text, sp(5, 11)); // "  beta"
        assert_eq!(q.exact, "  beta");
        assert_eq!(
            resolve("alpha beta gamma", &q, Some(sp(5, 11))),
            Anchored::Moved(sp(6, 10))
        );
        let blank = TextQuote {
            exact: " \n ".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(resolve("a \n b", &blank, None), Anchored::Lost);
        assert_eq!(
            resolve("a \n b", &blank, Some(sp(1, 4))),
            Anchored::Exact(sp(1, 4))
        );
    }

    #[test]
    fn long_repetitive_texts_stay_fast() {
        // Quadratic search would take minutes here.
        let text = "a".repeat(100_000);
        let q = TextQuote {
            exact: "a".repeat(5_000),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(
            resolve(&text, &q, Some(sp(50_001, 55_001))),
            Anchored::Exact(sp(50_001, 55_001))
        );
        assert_eq!(
            resolve(&text, &q, Some(sp(50_001, 55_000))),
            Anchored::Moved(sp(50_000, 55_000))
        );
    }

    fn folded(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,60}", exact in "\\PC{0,8}", prefix in "\\PC{0,8}",
                        suffix in "\\PC{0,8}", a in 0usize..80, b in 0usize..80, use_hint: bool) {
            let q = TextQuote { exact, prefix, suffix };
            let r = resolve(&text, &q, use_hint.then(|| sp(a, b)));
            if let Some(s) = r.span() {
                let n = text.chars().count();
                prop_assert!(s.start < s.end && s.end <= n, "{:?} in {} chars", r, n);
                let got = CharIndex::new(&text).slice(&text, s);
                prop_assert_eq!(folded(got), folded(&q.exact));
            }
            let _ = describe(&text, sp(a, b));
        }

        #[test]
        fn describe_then_resolve_is_exact(text in "\\PC{1,60}", a in 0usize..60, len in 1usize..20) {
            let n = text.chars().count();
            let start = a % n;
            let span = sp(start, (start + len).min(n));
            let q = describe(&text, span);
            let r = resolve(&text, &q, Some(span));
            prop_assert_eq!(r, Anchored::Exact(span));
        }

        #[test]
        fn found_again_after_an_insertion(text in "[a-z ]{1,40}", ins in "[a-z ]{0,20}",
                                          a in 0usize..40, len in 1usize..10) {
            let n = text.chars().count();
            let start = a % n;
            let span = sp(start, (start + len).min(n));
            let q = describe(&text, span);
            prop_assume!(!q.exact.trim().is_empty());
            let after = format!("{ins}{text}");
            let r = resolve(&after, &q, Some(span));
            let s = r.span();
            prop_assert!(s.is_some(), "lost {:?} in {:?}", q, after);
        }
    }
}
