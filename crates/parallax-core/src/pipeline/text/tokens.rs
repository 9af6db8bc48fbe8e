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
    // most tokens start with an ASCII letter or digit
    match s.as_bytes() {
        [b, ..] if b.is_ascii_alphabetic() => return TokenKind::Word,
        [b, ..] if b.is_ascii_digit() => return TokenKind::Number,
        [b'\n' | b'\r'] => return TokenKind::Newline,
        [b' '] => return TokenKind::Space,
        [b] if b.is_ascii_punctuation() => return TokenKind::Punct,
        _ => {}
    }
    let mut chars = s.chars();
    let c = chars.next().unwrap_or(' ');
    if c.is_whitespace() {
        // (line feed and carriage return are single bytes that no other character contains)
        if s.bytes().any(|b| b == b'\n' || b == b'\r') {
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
    for_each_word_bound(text, |byte, piece| {
        let kind = kind_of(piece);
        if kind == TokenKind::Word && piece.len() > 2 && piece.ends_with(['s', 'S']) {
            // possessive split: X's, X’s
            for suf in ["'s", "’s", "'S", "’S"] {
                if let Some(stem) = piece.strip_suffix(suf) {
                    if stem
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '.')
                    {
                        let at = stem.len();
                        push(&mut out, &mut cp, byte, stem, kind_of(stem));
                        push(
                            &mut out,
                            &mut cp,
                            byte + at,
                            &piece[at..],
                            kind_of(&piece[at..]),
                        );
                        return;
                    }
                }
            }
        }
        push(&mut out, &mut cp, byte, piece, kind);
    });
    out
}

/// Calls `f(start, end, ascii)` for consecutive byte ranges covering `text`, each all ASCII or
/// not, cut only where UAX #29 always puts a word boundary: after a line feed (WB3a), and before
/// a space that follows a visible ASCII character (nothing joins a following space but another
/// space, WB3d). Each range segments on its own exactly as it does inside the whole text.
pub(crate) fn ascii_runs(text: &str, mut f: impl FnMut(usize, usize, bool)) {
    let b = text.as_bytes();
    // the current run starts at `run` and holds the pieces up to `last_cut`
    let (mut run, mut last_cut, mut run_ascii) = (0, 0, true);
    for i in 1..=b.len() {
        let cut = i == b.len()
            || b[i - 1] == b'\n'
            || (b[i] == b' ' && (0x21..=0x7e).contains(&b[i - 1]));
        if !cut {
            continue;
        }
        let ascii = b[last_cut..i].is_ascii();
        if last_cut > run && ascii != run_ascii {
            f(run, last_cut, run_ascii);
            run = last_cut;
        }
        run_ascii = ascii;
        last_cut = i;
    }
    if run < b.len() {
        f(run, b.len(), run_ascii);
    }
}

/// Calls `f(byte offset, piece)` for each piece between UAX #29 word boundaries, in order: what
/// `split_word_bound_indices` gives, with the ASCII runs of [`ascii_runs`] segmented by
/// [`ascii_bound`] instead of through the Unicode property tables.
pub(crate) fn for_each_word_bound<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    ascii_runs(text, |start, end, ascii| {
        if ascii {
            let b = &text.as_bytes()[..end];
            let mut i = start;
            while i < end {
                let n = ascii_bound(&b[i..]);
                f(i, &text[i..i + n]);
                i += n;
            }
        } else {
            for (byte, piece) in text[start..end].split_word_bound_indices() {
                f(start + byte, piece);
            }
        }
    });
}

/// The number of pieces of ASCII `b` (segmented by [`ascii_bound`]) holding a letter or digit:
/// what `unicode_words().count()` gives on it.
pub(crate) fn ascii_word_count(b: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        let n = ascii_bound(&b[i..]);
        // only a piece of letters, digits and underscores can hold a letter or digit
        if (b[i].is_ascii_alphanumeric() || b[i] == b'_')
            && b[i..i + n].iter().any(u8::is_ascii_alphanumeric)
        {
            count += 1;
        }
        i += n;
    }
    count
}

/// The length of the first word-boundary piece of non-empty ASCII `b` (unicode-segmentation's
/// ASCII rules): a run of spaces (WB3d); letters, digits and underscores with inner `.` `,` `;`
/// `'` between digits and `.` `:` `'` between letters (WB5-WB13b); CR LF (WB3); else one byte.
fn ascii_bound(b: &[u8]) -> usize {
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let len = b.len();
    if b[0] == b' ' {
        return b.iter().position(|&c| c != b' ').unwrap_or(len);
    }
    if core(b[0]) {
        let mut i = 1;
        while i < len {
            let c = b[i];
            // (asked only after a byte that is not a letter, digit or underscore)
            let infix = || {
                i + 1 < len
                    && match c {
                        b'.' | b',' | b';' | b'\''
                            if b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() =>
                        {
                            true
                        }
                        b'\'' | b'.' | b':' => {
                            b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic()
                        }
                        _ => false,
                    }
            };
            if core(c) || infix() {
                i += 1;
            } else {
                break;
            }
        }
        return i;
    }
    if b[0] == b'\r' && b.get(1) == Some(&b'\n') {
        return 2;
    }
    1
}

/// Appends the token `s` of kind `kind`, found at `byte`, and moves `cp` past it.
fn push<'a>(out: &mut Vec<Token<'a>>, cp: &mut usize, byte: usize, s: &'a str, kind: TokenKind) {
    let n = if s.len() == 1 { 1 } else { s.chars().count() };
    out.push(Token {
        text: s,
        span: Span::new(*cp, *cp + n),
        byte,
        kind,
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

    proptest::proptest! {
        #[test]
        fn word_bounds_match_unicode_segmentation(
            t in "([a-zA-Z0-9 .,;:'’_\"\t\n\r()-]|\u{a0}|\u{301}|\u{200d}|\u{3000}|\u{1f1eb}|é|日|\u{2002}|\u{ad}){0,40}"
        ) {
            let mut got = Vec::new();
            for_each_word_bound(&t, |b, p| got.push((b, p)));
            let want: Vec<(usize, &str)> = t.split_word_bound_indices().collect();
            proptest::prop_assert_eq!(got, want);
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
