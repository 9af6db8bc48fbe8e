//! Alignment tests: tables of sentence pairs written by hand from the guidelines.

use super::*;
use crate::text::sentences::sentences;

fn run(a: &str, b: &str) -> Vec<(String, String, AlignKind)> {
    let sa = sentences(a);
    let sb = sentences(b);
    let da = DocInput::new(a, &sa);
    let db = DocInput::new(b, &sb);
    let slice = |t: &str, s: Span| {
        t.chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect::<String>()
    };
    align(&da, &db)
        .into_iter()
        .map(|p| (slice(a, p.a), slice(b, p.b), p.kind))
        .collect()
}

/// Checks that `a` and `b` align exactly as `expected` (sentence texts and kinds).
#[track_caller]
fn check(a: &str, b: &str, expected: &[(&str, &str, AlignKind)]) {
    let got = run(a, b);
    let exp: Vec<(String, String, AlignKind)> = expected
        .iter()
        .map(|(x, y, k)| (x.to_string(), y.to_string(), *k))
        .collect();
    if got != exp {
        let show = |v: &[(String, String, AlignKind)]| {
            v.iter()
                .map(|(x, y, k)| format!("  {k:?}: {x:?}\n      <> {y:?}\n"))
                .collect::<String>()
        };
        panic!(
            "alignment differs\nexpected:\n{}got:\n{}",
            show(&exp),
            show(&got)
        );
    }
}

use AlignKind::*;

#[test]
fn near_identical_sentences_are_same() {
    check(
        "The council approved the budget on Monday. Residents protested outside.",
        "The city council approved the budget on Monday. It rained all day.",
        &[(
            "The council approved the budget on Monday.",
            "The city council approved the budget on Monday.",
            Same,
        )],
    );
}

#[test]
fn synonym_spun_rewrite_is_paraphrase() {
    check(
        "The minister told reporters that the government would reject the proposal. Talks will resume next month in the capital.",
        "The minister instructed reporters that the authorities would refuse the offer. Talks will resume next month in the capital.",
        &[
            ("The minister told reporters that the government would reject the proposal.", "The minister instructed reporters that the authorities would refuse the offer.", Paraphrase),
            ("Talks will resume next month in the capital.", "Talks will resume next month in the capital.", Same),
        ],
    );
}

#[test]
fn one_number_in_different_sentences_is_related() {
    check(
        "Officials said the storm destroyed 4,500 homes along the coast and left thousands without power.",
        "Across the region, 4,500 homes were destroyed by the storm, according to the agency.",
        &[(
            "Officials said the storm destroyed 4,500 homes along the coast and left thousands without power.",
            "Across the region, 4,500 homes were destroyed by the storm, according to the agency.",
            Related,
        )],
    );
}

#[test]
fn a_shared_quote_is_related() {
    check(
        "Hackers left a message telling citizens to \"be afraid and expect the worst\" on Friday.",
        "The note, posted on dozens of sites, read: \"All information about you has become public, be afraid and expect the worst.\"",
        &[(
            "Hackers left a message telling citizens to \"be afraid and expect the worst\" on Friday.",
            "The note, posted on dozens of sites, read: \"All information about you has become public, be afraid and expect the worst.\"",
            Related,
        )],
    );
}

#[test]
fn a_shared_topic_or_person_is_not_enough() {
    check(
        "Mayor Jane Holt opened the new library on Monday. The city budget grew again.",
        "Mayor Jane Holt was criticised over parking fees. Residents of the city complained about traffic.",
        &[],
    );
}

#[test]
fn different_speakers_and_addressees_are_not_paired() {
    // The same phrase from two different actors to two different addressees.
    check(
        "Norway remains open for dialogue with Sweden on fishing quotas, its minister said.",
        "Canada is open for dialogue with Mexico on trade, an official said.",
        &[],
    );
}

#[test]
fn a_text_with_itself_is_same_everywhere() {
    let t = "A storm hit the coast. \"We are ready,\" the mayor said.\n\nPhoto: AP";
    check(
        t,
        t,
        &[
            ("A storm hit the coast.", "A storm hit the coast.", Same),
            (
                "\"We are ready,\" the mayor said.",
                "\"We are ready,\" the mayor said.",
                Same,
            ),
            ("Photo: AP", "Photo: AP", Same),
        ],
    );
}

/// Checks `word_diff` as a compact string: `=kept`, `-deleted`, `+inserted`.
#[track_caller]
fn check_diff(a: &str, b: &str, expected: &str) {
    let got: Vec<String> = word_diff(a, b)
        .into_iter()
        .map(|op| match op {
            DiffOp::Equal(t) => format!("={t}"),
            DiffOp::Delete(t) => format!("-{t}"),
            DiffOp::Insert(t) => format!("+{t}"),
        })
        .collect();
    assert_eq!(got.join(" | "), expected, "word_diff({a:?}, {b:?})");
}

#[test]
fn word_differences() {
    check_diff(
        "A senior State Department official told Newsweek",
        "A senior State Division official instructed Newsweek",
        "=A senior State | -Department | +Division | =official | -told | +instructed | =Newsweek",
    );
    // Whitespace and quote styles are not differences.
    check_diff(
        "He said  “no” to ‘it’.",
        "He said \"no\"\nto 'it'.",
        "=He said “ no ” to ‘ it ’ .",
    );
    check_diff("", "New words", "+New words");
}

#[test]
fn small_numbers_and_days_of_the_month_are_no_anchor() {
    // Regression: "July 29" and "4:29" once made a related pair across two unrelated stories.
    check(
        "The runner completed the route in two hours, four minutes, 29 seconds on Sunday.",
        "Construction and forestry sales doubled in the quarter ended July 29 from a year ago.",
        &[],
    );
}

#[test]
fn longest_in_order_chain_of_matched_tokens() {
    const NONE: usize = usize::MAX;
    let table: &[(&[usize], usize)] = &[
        (&[], 0),
        (&[NONE, NONE], 0),
        (&[0, 1, 2], 3),
        (&[2, 1, 0], 1),
        (&[0, NONE, 3, 1, 2], 3),
        (&[4, 0, 5, 1, 2], 3),
        (&[NONE, 7, NONE, 8], 2),
    ];
    for (partner, expected) in table {
        assert_eq!(super::in_order(partner), *expected, "in_order({partner:?})");
    }
}

/// Document A, document B, the sentence pairs expected (all `related`).
type RelatedCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// One table of (document A, document B, the pairs expected as related, maybe none) for the
/// rules added for related pairs: a headline inside a long sentence, the same actors doing
/// the same thing, a fact told in one sentence by one source and in two by the other.
#[test]
fn related_rules_on_hand_written_pairs() {
    let table: &[RelatedCase] = &[
        // A headline whose words the long sentence all has: related.
        (
            "Levee breaks, forcing Harbourton evacuation\n\nThe council met on Monday. Volunteers brought food.",
            "Rescue crews worked through the night. Late on Tuesday the old levee breaks under the weight of the swollen river after four days of heavy rain, forcing the evacuation of Harbourton and two nearby farming villages, while soldiers, firefighters and volunteers pile sandbags along the main road to protect the hospital and the railway station. The council will meet again next week.",
            &[(
                "Levee breaks, forcing Harbourton evacuation",
                "Late on Tuesday the old levee breaks under the weight of the swollen river after four days of heavy rain, forcing the evacuation of Harbourton and two nearby farming villages, while soldiers, firefighters and volunteers pile sandbags along the main road to protect the hospital and the railway station.",
            )],
        ),
        // The same headline words about another town: different places, not paired.
        (
            "Levee breaks, forcing Millbrook evacuation\n\nThe council met on Monday. Volunteers brought food.",
            "Rescue crews worked through the night. Late on Tuesday the old levee breaks under the weight of the swollen river after four days of heavy rain, forcing the evacuation of Harbourton and two nearby farming villages, while soldiers, firefighters and volunteers pile sandbags along the main road to protect the hospital and the railway station. The council will meet again next week.",
            &[],
        ),
        // The same two actors doing the same thing, in the same order: related.
        (
            "On Tuesday, Greenfield and Ashby called the merger terms unacceptable. Taxes will rise in spring.",
            "Later, Greenfield and Ashby rejected the merger. Schools reopen on Monday.",
            &[(
                "On Tuesday, Greenfield and Ashby called the merger terms unacceptable.",
                "Later, Greenfield and Ashby rejected the merger.",
            )],
        ),
        // The same actors and the same word in another order: another fact, not paired.
        (
            "On Tuesday, Greenfield and Ashby called the merger terms unacceptable. Taxes will rise in spring.",
            "Under the merger, Ashby absorbs Greenfield. Schools reopen on Monday.",
            &[],
        ),
        // A fact in one sentence, told in two by the other source: both related.
        (
            "The factory cut 1,200 jobs in March, raising fears that the town's economy could collapse.",
            "The company eliminated 1,200 jobs at the plant. The layoffs have fuelled fears of a collapse of the local economy. Its chief executive resigned in May.",
            &[
                (
                    "The factory cut 1,200 jobs in March, raising fears that the town's economy could collapse.",
                    "The company eliminated 1,200 jobs at the plant.",
                ),
                (
                    "The factory cut 1,200 jobs in March, raising fears that the town's economy could collapse.",
                    "The layoffs have fuelled fears of a collapse of the local economy.",
                ),
            ],
        ),
        // The same sentence away from the related one: a weak overlap alone, not paired.
        (
            "The factory cut 1,200 jobs in March, raising fears that the town's economy could collapse.",
            "The company eliminated 1,200 jobs at the plant. Its chief executive resigned in May. The layoffs have fuelled fears of a collapse of the local economy.",
            &[(
                "The factory cut 1,200 jobs in March, raising fears that the town's economy could collapse.",
                "The company eliminated 1,200 jobs at the plant.",
            )],
        ),
    ];
    let mut failures = Vec::new();
    for (n, (a, b, expected)) in table.iter().enumerate() {
        let exp: Vec<(String, String, AlignKind)> = expected
            .iter()
            .map(|(x, y)| (x.to_string(), y.to_string(), Related))
            .collect();
        let got = run(a, b);
        if got != exp {
            failures.push(format!("case {n}: expected {exp:?}\n  got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numbers_read_with_every_multiplier() {
    // Regression: alignment knew thousand, million, m, billion, bn and trillion only.
    let text = "The fund holds 4 crore rupees, 2 lakh shares and 7 mn dollars.";
    let chars: Vec<char> = text.chars().collect();
    let mut interner = super::features::Interner::default();
    let s = super::features::sentence(0, &chars, Span::new(0, chars.len()), &[], &mut interner);
    let values: Vec<f64> = s.numbers.iter().map(|(v, _)| *v).collect();
    assert_eq!(values, [4e7, 2e5, 7e6], "{:?}", s.numbers);
}

#[test]
fn decimal_numbers_keep_their_point() {
    // Regression: "3.5" was read as 35 (the full stop dropped as in "U.S.").
    let text = "Revenue rose 3.5 percent to $10.25 billion.";
    let chars: Vec<char> = text.chars().collect();
    let mut interner = super::features::Interner::default();
    let s = super::features::sentence(0, &chars, Span::new(0, chars.len()), &[], &mut interner);
    let values: Vec<f64> = s.numbers.iter().map(|(v, _)| *v).collect();
    assert_eq!(values, [3.5, 10.25e9], "{:?}", s.numbers);
}
