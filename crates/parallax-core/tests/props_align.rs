//! Property tests of the comparison: alignment, word differences, the story and flags never
//! panic on any UTF-8 input; every aligned pair's offsets are sentence boundaries of its
//! documents; a document aligned with itself gives every sentence as `same`.

use parallax_core::align::{align, word_diff, AlignKind, DocInput};
use parallax_core::flags::flags;
use parallax_core::story::story;
use parallax_core::text::sentences::sentences;
use parallax_core::Span;
use proptest::prelude::*;

/// Words and marks that make sentences, numbers, quotes and names, with odd characters mixed in.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "Russia", "troops", "border", "100,000", "said", "the", "and", "Kyiv", "attack",
            "White", "House", "america", "cold", "chilly", "war", "2022", "June 14, 2024",
            "\"be afraid", "expect the worst.\"", "“", "”", "’s", ". ", "! ", "? ", "\n", "\n\n",
            " ", " ", " ", "U.S.", "1.5 million", "-", "—", "•", "'",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "\\PC{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn check_pairs(a: &str, b: &str) {
    let sa = sentences(a);
    let sb = sentences(b);
    let pairs = align(&DocInput::new(a, &sa), &DocInput::new(b, &sb));
    for p in &pairs {
        assert!(sa.contains(&p.a), "{:?} is not a sentence of a", p.a);
        assert!(sb.contains(&p.b), "{:?} is not a sentence of b", p.b);
        assert!((0.0..=1.0).contains(&p.score), "score {}", p.score);
    }
}

fn check_self(a: &str) {
    let sa = sentences(a);
    let d = DocInput::new(a, &sa);
    let pairs = align(&d, &d);
    for s in &sa {
        assert!(
            pairs
                .iter()
                .any(|p| p.a == *s && p.b == *s && p.kind == AlignKind::Same),
            "sentence {s:?} of a text aligned with itself is not `same`"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn alignment_offsets_are_sentences(a in text(), b in text()) {
        check_pairs(&a, &b);
    }

    #[test]
    fn a_text_aligned_with_itself_is_same(a in text()) {
        check_self(&a);
    }

    #[test]
    fn story_flags_and_diff_never_panic(a in text(), b in text(), c in "\\PC{0,200}") {
        let texts = [a.as_str(), b.as_str(), c.as_str()];
        let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
        let docs: Vec<DocInput<'_>> = texts.iter().zip(&spans).map(|(t, s)| DocInput::new(t, s)).collect();
        for claim in story(&docs) {
            prop_assert!(claim.coverage >= 2);
            for (d, ps) in claim.passages.iter().enumerate() {
                for p in ps {
                    prop_assert!(spans[d].contains(&p.span));
                }
            }
        }
        let _ = flags(&docs, &[], &[]);
        let _ = word_diff(&a, &b);
    }
}

#[test]
fn seeds_aligned_with_themselves_are_same() {
    for text in [
        include_str!("../../../seeds/000_0adf5e840b467175.txt"),
        include_str!("../../../seeds/001_9021814dd0b5826a.txt"),
        include_str!("../../../seeds/002_3a84a08c5ea05fd3.txt"),
        include_str!("../../../seeds/003_52b758f841f8722b.txt"),
        include_str!("../../../seeds/004_d700d5c3ab254cfa.txt"),
    ] {
        check_self(text);
    }
}
