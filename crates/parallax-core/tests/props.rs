//! Property tests of the text model and the recognizer: on any UTF-8 input (random, mixed
//! scripts, only punctuation, unclosed quotes, no spaces, up to 1 MB) every span is in
//! bounds, ordered, non-overlapping and equal to its text, and nothing panics.

use parallax_core::analysis::analyse_texts;
use parallax_core::entities::recognize;
use parallax_core::text::{sentences::sentences, tokens::tokenize};
use parallax_core::{CharIndex, Span};
use proptest::prelude::*;

fn check_spans(text: &str, spans: &[Span], what: &str) {
    let n = text.chars().count();
    let mut last = 0;
    for s in spans {
        assert!(s.start < s.end, "{what}: empty span {s:?}");
        assert!(s.end <= n, "{what}: span {s:?} past the end ({n})");
        assert!(
            s.start >= last,
            "{what}: span {s:?} overlaps or is out of order"
        );
        last = s.end;
    }
}

fn check_all(text: &str) {
    check_recognizer(text);
    let a = analyse_texts(&[text, text]);
    for d in &a.docs {
        let spans: Vec<Span> = d.mentions.iter().map(|m| m.span).collect();
        check_spans(text, &spans, "analysis");
        for m in &d.mentions {
            assert!(
                a.entity(&m.entity).is_some(),
                "mention of unknown entity {}",
                m.entity
            );
        }
    }
}

/// Tokens, sentences and mentions of one text (no cross-document analysis).
fn check_recognizer(text: &str) {
    let ix = CharIndex::new(text);
    let toks = tokenize(text);
    let mut at = 0;
    for t in &toks {
        assert_eq!(t.span.start, at, "tokens cover the text");
        assert_eq!(ix.slice(text, t.span), t.text);
        at = t.span.end;
    }
    assert_eq!(at, ix.len_chars());
    check_spans(text, &sentences(text), "sentences");
    let found = recognize(text);
    let spans: Vec<Span> = found.iter().map(|f| f.0).collect();
    check_spans(text, &spans, "mentions");
    let ix2 = CharIndex::new(text);
    for (span, _) in &found {
        let s = ix2.slice(text, *span);
        assert_eq!(
            s.chars().count(),
            span.len(),
            "span text matches its length"
        );
    }
}

fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "The",
        "U.S.",
        "Sen.",
        "Jan.",
        "said",
        "Peskov",
        "Dmitry",
        "in",
        "Kyiv",
        "$10",
        "billion",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        "-",
        "anti-",
        "2:11:05",
        "34-year-old",
        "per",
        "cent",
        "Mr.",
        ".",
        ",",
        "\n",
        "\n\n",
        "NATO",
        "Ministry",
        "of",
        "Foreign",
        "Affairs",
        "last",
        "week",
        "more",
        "than",
        "twenty",
        "years",
        "Москва",
        "北京",
        "🙂",
        "\u{a0}",
        "Inc",
        "&",
        "(AP)",
        "—",
        "KYIV,",
        "Ukraine",
        "President",
        "Biden",
        "a",
        "dozen",
        "May",
        "3-0",
        "…",
        "Rs",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|v| {
        let mut s = String::new();
        for (i, w) in v.iter().enumerate() {
            if i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_text(s in "\\PC{0,200}") {
        check_all(&s);
    }

    #[test]
    fn any_chars_including_controls(s in any::<String>()) {
        check_all(&s);
    }

    #[test]
    fn news_like(s in newsish()) {
        check_all(&s);
    }

    #[test]
    fn punctuation_only(s in "[\\.,;:!?\"'“”‘’()\\[\\]—–\\-…/&$%]{0,100}") {
        check_all(&s);
    }

    #[test]
    fn no_spaces(s in "[A-Za-z0-9\\.\\-'’]{0,300}") {
        check_all(&s);
    }
}

#[test]
fn adversarial_rows() {
    let rows = [
        "",
        " ",
        "\n\n\n",
        "“unclosed quote and U.S.",
        "A.B.C.D.E.F.G.H.",
        "$$$ 100,000,000,000,000,000,000 per cent",
        "Mr. Mrs. Dr. Sen. Gen.",
        "Jan. Feb. Mar. May June 31st 2022/23",
        "x\u{301}\u{301}\u{301} Zoë Ærø Çağrı",
        "THE END OF THE WORLD-RUSSIA-UKRAINE-CONFLICT",
        "'s 's ’s ’",
        "- - - -",
        "2:2:2:2:2",
        "by/ /by",
    ];
    for r in rows {
        check_all(r);
    }
}

#[test]
fn one_megabyte() {
    let unit =
        "Kremlin spokesman Dmitry Peskov said on Tuesday that around 100,000 troops were in \
                eastern Europe, the U.S. State Department said. “We won’t,” he added.\n";
    let mut s = String::with_capacity(1 << 20);
    while s.len() + unit.len() < 1 << 20 {
        s.push_str(unit);
    }
    check_recognizer(&s);
    let mut cut = s.len() / 8;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    check_all(&s[..cut]);
    let noise: String = (0..(1 << 20) / 4)
        .map(|i| char::from_u32(0x41 + (i * 7919) % 0x3000).unwrap_or('x'))
        .collect();
    let _ = recognize(&noise);
    check_spans(
        &noise,
        &recognize(&noise).iter().map(|f| f.0).collect::<Vec<_>>(),
        "noise",
    );
}
