//! English number words, shared by the NUMBER grammar (which words start a number) and
//! number normalisation (what they are worth).

/// Zero to nineteen, lower case; a word's index is its value.
pub const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Twenty to ninety, lower case; a word at index i is worth (i + 2) × 10.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// True when `w` (lower case) is one of [`ONES`] or [`TENS`].
pub fn is_number_word(w: &str) -> bool {
    ONES.contains(&w) || TENS.contains(&w)
}
