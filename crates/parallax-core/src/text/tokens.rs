//! Tokens: words, numbers, punctuation and whitespace runs, with code-point spans.
//!
//! Word boundaries are Unicode's (UAX #29, via unicode-segmentation) with one change for news
//! text: a possessive ending (`'s`, `’s`, or a bare `'`/`’` after a plural) is split off its word,
//! so "Russia’s" gives "Russia" and "’s". Hyphens stay separate tokens ("anti", "-", "Russian").

use crate::offsets::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes or inner full stops: "U.S", "O'Brien").
    Word,
    /// Starts with a digit ("2022", "3.5", "100,000", "12km").
    Number,
    /// One punctuation or symbol character.
    Punct,
    /// Whitespace without a line break.
    Space,
    /// Whitespace holding at least one line break.
    Newline,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Code-point span in the text.
    pub span: Span,
    /// Byte offset of the token in the text.
    pub byte: usize,
    /// What the token is.
    pub kind: TokenKind,
}

fn kind_of(s: &str) -> TokenKind {
    let mut chars = s.chars();
    let c = chars.next().unwrap_or(' ');
    if c.is_whitespace() {
        if s.contains('\n') || s.contains('\r') {
            TokenKind::Newline
        } else {
            TokenKind::Space
        }
    } else if c.is_ascii_digit() {
        TokenKind::Number
    } else if c.is_alphabetic() || s.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// Splits `text` into tokens covering it completely, in order.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 4 + 1);
    let mut cp = 0usize;
    for (byte, piece) in text.split_word_bound_indices() {
        if kind_of(piece) == TokenKind::Word && piece.len() > 2 {
            // possessive split: X's, X’s
            let mut split = None;
            for suf in ["'s", "’s", "'S", "’S"] {
                if let Some(stem) = piece.strip_suffix(suf) {
                    if stem
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '.')
                    {
                        split = Some(stem.len());
                        break;
                    }
                }
            }
            if let Some(at) = split {
                push(&mut out, &mut cp, text, byte, at);
                push(&mut out, &mut cp, text, byte + at, piece.len() - at);
                continue;
            }
        }
        push(&mut out, &mut cp, text, byte, piece.len());
    }
    out
}

fn push<'a>(out: &mut Vec<Token<'a>>, cp: &mut usize, text: &'a str, byte: usize, len: usize) {
    let s = &text[byte..byte + len];
    let n = s.chars().count();
    out.push(Token {
        text: s,
        span: Span::new(*cp, *cp + n),
        byte,
        kind: kind_of(s),
    });
    *cp += n;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let got: Vec<&str> = toks
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline))
            .map(|t| t.text)
            .collect();
        assert_eq!(got, expected, "text {text:?}");
        let chars: Vec<char> = text.chars().collect();
        for t in &toks {
            let s: String = chars[t.span.start..t.span.end].iter().collect();
            assert_eq!(s, t.text);
        }
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("Russia’s war", &["Russia", "’s", "war"]),
            ("the U.S. market", &["the", "U.S", ".", "market"]),
            ("anti-Russian", &["anti", "-", "Russian"]),
            ("$10.5 billion", &["$", "10.5", "billion"]),
            ("O'Brien's dog", &["O'Brien", "'s", "dog"]),
            ("Peskov\u{a0}said", &["Peskov", "said"]),
            ("", &[]),
        ];
        for (t, e) in rows {
            check(t, e);
        }
    }
}
