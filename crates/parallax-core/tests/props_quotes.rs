//! Property tests: quotes, descriptors, line roles and normalised values never panic on any
//! UTF-8 input, and every span they return is in bounds and ordered.

use parallax_core::descriptors::{find_descriptors, MentionKind, MentionRef};
use parallax_core::normalize::{date_value, number_value};
use parallax_core::quotes::find_quotes;
use parallax_core::text::lines::line_roles;
use parallax_core::Span;
use proptest::prelude::*;

/// Characters that stress the quote and line logic: every quote mark, apostrophes, brackets,
/// bullets, line breaks, no-break spaces, digits, mixed scripts and astral characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '"', '\'', '“', '”', '‘', '’', '„', '«', '»', '‹', '›', '\n', '\n', ' ', ' ', '\u{a0}', '\t',
            '.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '-', '—', '–', '•', '*', '/', '|', '$', '£',
            '%', '0', '1', '9', 's', '©',
        ]),
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec!['é', 'ß', 'Ж', 'д', 'ع', '中', '文', 'ह', '😀', '\u{200d}', '\u{301}', '\r']),
        1 => any::<char>(),
    ]
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Words and quote marks, so that quotes, speech verbs and names actually meet.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        " said ",
        " told ",
        " he ",
        " she ",
        " added",
        "Smith",
        "Jones",
        " the minister",
        ", ",
        ". ",
        "\n",
        "\n\n",
        "according to ",
        ": ",
        " is the spokesman ",
        "don't",
        " Russia's ",
        " '90s ",
        "By ",
        "(Photo : X/AFP)",
        "TOPSHOT-A-B",
        "  • ",
        "Read more",
        "who ",
        " saying ",
        "—",
        "Mr. ",
        "U.S.",
        " on Monday",
        "100,000",
        "$10bn",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Mentions: random spans (possibly out of bounds or empty) of random kinds.
fn mentions(len_hint: usize) -> impl Strategy<Value = Vec<MentionRef>> {
    let kind = prop::sample::select(vec![
        MentionKind::Person,
        MentionKind::Org,
        MentionKind::Place,
        MentionKind::Other,
    ]);
    prop::collection::vec((0..len_hint + 5, 0..8usize, kind), 0..12).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (s, l, k))| MentionRef {
                span: Span::new(s, s + l),
                kind: k,
                entity: format!("e{i}"),
            })
            .collect()
    })
}

fn char_len(t: &str) -> usize {
    t.chars().count()
}

fn check_quotes(text: &str, ms: &[MentionRef], sentences: &[Span]) {
    let n = char_len(text);
    let qs = find_quotes(text, sentences, ms);
    let mut last_top_end = 0;
    let mut last_start = 0;
    for q in &qs {
        assert!(
            q.span.start <= q.span.end && q.span.end <= n,
            "quote span {:?} out of bounds ({n})",
            q.span
        );
        assert!(
            q.span.contains(&q.text_span),
            "text span {:?} outside {:?}",
            q.text_span,
            q.span
        );
        assert!(q.text_span.start <= q.text_span.end);
        assert!(q.span.start >= last_start, "quotes out of order");
        last_start = q.span.start;
        if q.depth == 0 {
            assert!(q.span.start >= last_top_end, "top-level quotes overlap");
            last_top_end = q.span.end;
        }
        if let Some(s) = q.speaker {
            assert!(
                s.start <= s.end && s.end <= n,
                "speaker span {s:?} out of bounds"
            );
            assert!(q.speaker_text.is_some());
        }
    }
    for (_, d, s) in find_descriptors(text, sentences, ms) {
        assert!(
            s.start <= s.end && s.end <= n,
            "descriptor span {s:?} out of bounds"
        );
        let got: String = text.chars().skip(s.start).take(s.len()).collect();
        assert_eq!(got, d, "descriptor text is its span");
    }
}

fn check_lines(text: &str) {
    let n = char_len(text);
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    let roles = line_roles(text);
    for &(s, _) in &roles {
        assert!(
            s.start >= last_end && s.start < s.end && s.end <= n,
            "line span {s:?} bad (prev end {last_end}, len {n})"
        );
        assert!(
            !chars[s.start].is_whitespace() && !chars[s.end - 1].is_whitespace(),
            "line span not trimmed"
        );
        assert!(
            !chars[s.start..s.end].contains(&'\n'),
            "line span crosses a line break"
        );
        last_end = s.end;
    }
    let expected = text.split('\n').filter(|l| !l.trim().is_empty()).count();
    assert_eq!(roles.len(), expected, "one role per non-blank line");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn quotes_in_bounds_on_tricky_text(text in tricky_text(300), ms in mentions(300)) {
        check_quotes(&text, &ms, &[]);
    }

    #[test]
    fn quotes_in_bounds_on_newsy_text(text in newsy_text(), ms in mentions(400), cuts in prop::collection::vec(0..500usize, 0..10)) {
        // Arbitrary (possibly out of bounds, unsorted, overlapping) sentence spans too.
        let sentences: Vec<Span> = cuts.windows(2).map(|w| Span::new(w[0], w[1])).collect();
        check_quotes(&text, &ms, &sentences);
    }

    #[test]
    fn line_roles_in_bounds(text in tricky_text(400)) {
        check_lines(&text);
    }

    #[test]
    fn line_roles_on_newsy_text(text in newsy_text()) {
        check_lines(&text);
    }

    #[test]
    fn values_never_panic(text in tricky_text(40), y in any::<i32>(), m in 0u32..14, d in 0u32..33) {
        let _ = date_value(&text, Some((y, m, d)));
        let _ = date_value(&text, None);
        let _ = number_value(&text);
    }

    #[test]
    fn analysis_quotes_and_descriptors_in_bounds(text in newsy_text()) {
        let a = parallax_core::analysis::analyse_texts(&[text.as_str()]);
        let n = char_len(&text);
        for q in &a.docs[0].quotes {
            prop_assert!(q.span.end <= n && q.span.contains(&q.text_span));
        }
        for (_, _, s) in &a.docs[0].descriptors {
            prop_assert!(s.start <= s.end && s.end <= n);
        }
    }

    #[test]
    fn any_string(text in any::<String>()) {
        check_lines(&text);
        check_quotes(&text, &[], &[]);
        let _ = number_value(&text);
        let _ = date_value(&text, Some((2024, 2, 29)));
    }
}

/// Large adversarial inputs: one megabyte of unclosed quotes, no spaces, only punctuation.
#[test]
fn large_adversarial_inputs() {
    let inputs = [
        "“".repeat(1 << 18),
        "\"a".repeat(1 << 19),
        "x".repeat(1 << 20),
        ".,;:!?'’".repeat(1 << 17),
        "“He said,” she said. ‘No.’\n".repeat(1 << 15),
        "\n".repeat(1 << 20),
        "‘the players’ union’s ".repeat(1 << 15),
        format!(
            "Ana Lee spoke. “{}”",
            "He left. She said so. ".repeat(1 << 15)
        ),
    ];
    // One person at the start, so that pronouns have someone to resolve to.
    let ms = [MentionRef {
        span: Span::new(0, 7),
        kind: MentionKind::Person,
        entity: "ana-lee".into(),
    }];
    for text in &inputs {
        check_lines(text);
        check_quotes(text, &ms, &[]);
    }
}
