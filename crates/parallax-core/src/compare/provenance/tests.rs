use super::*;
use crate::text::sentences::sentences;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../../eval/dev/provenance/", $name))
    };
}
macro_rules! event {
    ($name:literal) => {
        include_str!(concat!("../../../../../eval/dev/alignments/", $name))
    };
}

const WIRE: &str = fixture!("wire.txt");
const REPRINT: &str = fixture!("reprint.txt");
const UPDATE: &str = fixture!("update.txt");
const SPUN: &str = fixture!("spun.txt");
const PARAPHRASE: &str = fixture!("paraphrase.txt");
const INDEPENDENT1: &str = fixture!("independent1.txt");
const INDEPENDENT2: &str = fixture!("independent2.txt");

/// The links among `texts` (no entity mentions), as "a-b relation earlier=x".
fn links_of(texts: &[&str]) -> Vec<Link> {
    let spans: Vec<Vec<Span>> = texts.iter().map(|t| sentences(t)).collect();
    let docs: Vec<DocInput<'_>> = texts
        .iter()
        .zip(&spans)
        .map(|(t, s)| DocInput::new(t, s))
        .collect();
    provenance(&docs)
}

fn show(l: &Link) -> String {
    let earlier = l.earlier.map_or("?".to_string(), |e| e.to_string());
    format!("{}-{} {} earlier={earlier}", l.a, l.b, l.relation.as_str())
}

#[track_caller]
fn check(name: &str, texts: &[&str], expected: &[&str]) {
    let got: Vec<String> = links_of(texts).iter().map(show).collect();
    assert_eq!(got, expected, "{name}: {:#?}", links_of(texts));
}

#[test]
fn relations_of_invented_copies() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        (
            "a reprint under another header",
            &[WIRE, REPRINT],
            &["0-1 same_copy earlier=?"],
        ),
        (
            "an update: figures changed, a paragraph added, dated a day later",
            &[WIRE, UPDATE],
            &["0-1 update earlier=0"],
        ),
        (
            "the update first",
            &[UPDATE, WIRE],
            &["0-1 update earlier=1"],
        ),
        (
            "a synonym-spun rewrite",
            &[WIRE, SPUN],
            &["0-1 rewrite earlier=0"],
        ),
        (
            "the spun copy first",
            &[SPUN, WIRE],
            &["0-1 rewrite earlier=1"],
        ),
        (
            "a reordered paraphrase",
            &[WIRE, PARAPHRASE],
            &["0-1 rewrite earlier=?"],
        ),
        (
            "independent reports quoting the same official",
            &[INDEPENDENT1, INDEPENDENT2],
            &[],
        ),
        (
            "independent of the wire",
            &[WIRE, INDEPENDENT1, INDEPENDENT2],
            &[],
        ),
        (
            "the whole family",
            &[
                WIRE,
                REPRINT,
                UPDATE,
                SPUN,
                PARAPHRASE,
                INDEPENDENT1,
                INDEPENDENT2,
            ],
            // The update and the rewrites are a rewrite: the strongest change on the way from
            // one to the other (the convention of eval/dev/provenance/README.md). Nothing tells
            // the order of the update and a rewrite of the wire.
            &[
                "0-1 same_copy earlier=?",
                "0-2 update earlier=0",
                "0-3 rewrite earlier=0",
                "0-4 rewrite earlier=?",
                "1-2 update earlier=1",
                "1-3 rewrite earlier=1",
                "1-4 rewrite earlier=?",
                "2-3 rewrite earlier=?",
                "2-4 rewrite earlier=?",
                "3-4 rewrite earlier=?",
            ],
        ),
        ("nothing", &[], &[]),
        ("one text", &[WIRE], &[]),
        ("empty texts", &["", " \n"], &[]),
        (
            "a text with itself",
            &[WIRE, WIRE],
            &["0-1 same_copy earlier=?"],
        ),
    ];
    for (name, texts, expected) in rows {
        check(name, texts, expected);
    }
}

#[test]
fn relations_of_development_articles() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        (
            "a wire copy reprinted with a date line",
            &[
                event!("events/e2_germanwings_ap.txt"),
                event!("events/e2_germanwings_ap_copy.txt"),
            ],
            &["0-1 same_copy earlier=?"],
        ),
        (
            "an earlier version of a wire story",
            &[
                event!("events/e6_mh370_ap_earlier.txt"),
                event!("events/e6_mh370_ap.txt"),
            ],
            &["0-1 update earlier=?"],
        ),
        (
            "a translator's round trip",
            &[
                event!("events/e3_chile_ap.txt"),
                event!("rewrites/e3_chile_ap_roundtrip.txt"),
            ],
            &["0-1 rewrite earlier=0"],
        ),
        (
            "synonym spinning",
            &[
                event!("events/e4_nepal_nwa.txt"),
                event!("rewrites/e4_nepal_nwa_spun.txt"),
            ],
            &["0-1 rewrite earlier=0"],
        ),
        (
            "independent reports of one event",
            &[
                event!("events/e2_germanwings_ap.txt"),
                event!("events/e2_germanwings_voa.txt"),
                event!("events/e2_germanwings_travelbiz.txt"),
            ],
            &[],
        ),
    ];
    for (name, texts, expected) in rows {
        check(name, texts, expected);
    }
}

#[test]
fn evidence_names_what_changed() {
    let links = links_of(&[WIRE, UPDATE]);
    let ev = links[0].evidence.join(" | ");
    assert!(ev.contains("“4,000” → “6,500”"), "{ev}");
    assert!(ev.contains("“12” → “19”"), "{ev}");
    assert!(ev.contains("added"), "{ev}");
    assert!(
        ev.contains("dated “March 3, 2025” and “March 4, 2025”"),
        "{ev}"
    );
    // Two: the date line's "March 3" → "March 4" dates the versions, it changes no figure.
    assert_eq!(links[0].counts.figures, 2);
    let spun = links_of(&[WIRE, SPUN]);
    assert!(spun[0].counts.substituted >= 10, "{:?}", spun[0].counts);
    assert!(
        spun[0].shared > 0.8 && spun[0].shared <= 1.0,
        "{}",
        spun[0].shared
    );
}
