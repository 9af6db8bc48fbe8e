//! Offsets. Everything in parallax-core speaks code points (Unicode scalar values), end
//! exclusive, into the exact text. [`CharIndex`] is the one place in the core that converts them
//! to byte offsets (for slicing in Rust).

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code-point offsets into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First code point, inclusive.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (code points).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts code-point offsets of one text to byte offsets and back, in O(1) and O(log n).
///
/// ASCII texts need no table; others keep one `u32` per code point.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// byte offset of each code point, plus one entry for the end; empty when the text is
    /// ASCII (then both offsets coincide).
    table: Vec<u32>,
    chars: usize,
}

impl CharIndex {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                table: Vec::new(),
                chars: text.len(),
            };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        table.extend(text.char_indices().map(|(b, _)| b as u32));
        table.push(text.len() as u32);
        let chars = table.len() - 1;
        CharIndex { table, chars }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// Byte offset of code point `cp`; offsets past the end clamp to the text's length.
    pub fn byte(&self, cp: usize) -> usize {
        let cp = cp.min(self.chars);
        if self.table.is_empty() {
            cp
        } else {
            self.table[cp] as usize
        }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary; a byte inside a
    /// character maps to that character).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            return byte.min(self.chars);
        }
        match self.table.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The slice of `text` (the text this index was built from) covered by `span`.
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        let (s, e) = (self.byte(span.start), self.byte(span.end.max(span.start)));
        &text[s..e]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, cp: usize, byte: usize) {
        let ix = CharIndex::new(text);
        assert_eq!(ix.byte(cp), byte, "text {text:?} at code point {cp}");
        assert_eq!(
            ix.char_of_byte(byte),
            cp.min(ix.len_chars()),
            "back from byte {byte}"
        );
    }

    #[test]
    fn conversions() {
        // (text, code point, byte)
        let rows = [
            ("abc", 2, 2),
            ("abc", 9, 3),      // clamps
            ("a\u{a0}b", 2, 3), // no-break space: 2 bytes
            ("“Hi”", 3, 5),     // curly quote: 3 bytes
            ("x😀y", 2, 5),     // astral: 4 bytes
            ("x😀y", 3, 6),
            ("", 0, 0),
        ];
        for (t, cp, b) in rows {
            check(t, cp, b);
        }
    }

    #[test]
    fn slice_by_code_points() {
        let t = "Dmitry\u{a0}Peskov said “no”.";
        let ix = CharIndex::new(t);
        assert_eq!(ix.slice(t, Span::new(7, 13)), "Peskov");
        assert_eq!(ix.slice(t, Span::new(19, 23)), "“no”");
    }
}
