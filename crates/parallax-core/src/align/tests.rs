//! Alignment tests: tables of sentence pairs written by hand from the guidelines.

use super::*;
use crate::text::sentences::sentences;

fn run(a: &str, b: &str) -> Vec<(String, String, AlignKind)> {
    let sa = sentences(a);
    let sb = sentences(b);
    let da = DocInput::new(a, &sa);
    let db = DocInput::new(b, &sb);
    let slice = |t: &str, s: Span| t.chars().skip(s.start).take(s.end - s.start).collect::<String>();
    align(&da, &db).into_iter().map(|p| (slice(a, p.a), slice(b, p.b), p.kind)).collect()
}

/// Checks that `a` and `b` align exactly as `expected` (sentence texts and kinds).
#[track_caller]
fn check(a: &str, b: &str, expected: &[(&str, &str, AlignKind)]) {
    let got = run(a, b);
    let exp: Vec<(String, String, AlignKind)> =
        expected.iter().map(|(x, y, k)| (x.to_string(), y.to_string(), *k)).collect();
    if got != exp {
        let show = |v: &[(String, String, AlignKind)]| {
            v.iter().map(|(x, y, k)| format!("  {k:?}: {x:?}\n      <> {y:?}\n")).collect::<String>()
        };
        panic!("alignment differs\nexpected:\n{}got:\n{}", show(&exp), show(&got));
    }
}

use AlignKind::*;

#[test]
fn near_identical_sentences_are_same() {
    check(
        "The council approved the budget on Monday. Residents protested outside.",
        "The city council approved the budget on Monday. It rained all day.",
        &[("The council approved the budget on Monday.", "The city council approved the budget on Monday.", Same)],
    );
}
