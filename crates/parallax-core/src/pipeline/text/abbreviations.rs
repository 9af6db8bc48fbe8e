//! Abbreviations: words written with a full stop that need not end a sentence. The one list
//! the sentence splitter, [`crate::document`]'s first sentence and the descriptor and quote
//! readers share.

use crate::pipeline::lists::WordSet;

/// As usually written (`data/lists/text/abbreviations.txt`). The sentence splitter compares them exactly ("No." is an abbreviation,
/// "no." ends a sentence); [`is_abbreviation`] ignores case.
pub static ABBREVIATIONS: WordSet =
    WordSet::new(include_str!("../../../data/lists/text/abbreviations.txt"));

/// Initials written with dots ("U.S", "U.K", "e.g", "p.m", the last dot left off): single
/// letters joined by full stops. Not in [`ABBREVIATIONS`]: the sentence splitter has its own
/// rule for them (a sentence ends after one when the next word usually opens a sentence), and
/// a speaker or a descriptor may well end at one.
pub fn is_initialism(w: &str) -> bool {
    let mut parts = w.split('.');
    parts.clone().count() >= 2
        && parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// True when `w` (the word before a full stop, without it) is one of [`ABBREVIATIONS`] in any
/// case ("Dr", "oct", "CORP").
pub fn is_abbreviation(w: &str) -> bool {
    ABBREVIATIONS
        .words()
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
}

/// True when a full stop right after the word `w` (touching it) is an abbreviation's
/// ("Oct.", "Dr.", "J."), not a sentence stop: `w` is a single character or one of
/// [`ABBREVIATIONS`]. The quote reader's rule inside an attribution.
pub fn takes_abbreviation_stop(w: &str) -> bool {
    w.chars().count() == 1 || is_abbreviation(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_and_initialisms() {
        // (word, abbreviation, initialism)
        let rows = [
            ("Dr", true, false),
            ("CORP", true, false),
            ("oct", true, false),
            ("Hon", true, false),
            ("U.S", false, true),
            ("e.g", true, true),
            ("p.m", false, true),
            ("said", false, false),
            ("U.", false, false),
            ("", false, false),
        ];
        for (w, abbreviation, initialism) in rows {
            assert_eq!(
                (is_abbreviation(w), is_initialism(w)),
                (abbreviation, initialism),
                "{w:?}"
            );
        }
    }
}
