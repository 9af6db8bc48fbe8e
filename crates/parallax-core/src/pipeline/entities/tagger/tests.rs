//! Tagger tests: decoding, the model file, the corpus format.

use super::train::{inputs_hash, parse_corpus};
use super::{allowed, spans_of_tags, viterbi, Model, TAGS};
use crate::model::Label;

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(name: &str, got: T, want: T) {
    assert_eq!(got, want, "case {name}");
}

#[test]
fn decoding() {
    let zero = [[0i32; TAGS]; TAGS + 1];
    let mut em = vec![[0i32; TAGS]; 2];
    em[0][1] = 5; // B-PERSON
    em[1][6] = 4; // I-PLACE: best alone, but not after B-PERSON
    em[1][2] = 1; // I-PERSON
    check(
        "viterbi keeps I after its B",
        viterbi(&em, &zero),
        vec![1, 2],
    );
    check("I never follows another label", allowed(Some(2), 6), false);
    check("I follows its B", allowed(Some(5), 6), true);
    check("I never starts a line", allowed(None, 2), false);
    let mut out = Vec::new();
    spans_of_tags(&[0, 1, 2, 0, 5, 7], 10, &mut out);
    check(
        "spans of tags",
        out,
        vec![
            (11, 13, Label::Person),
            (14, 15, Label::Place),
            (15, 16, Label::Group),
        ],
    );
}

#[test]
fn model_file() {
    let m = Model::empty(4);
    let b = m.to_bytes();
    check(
        "round trip",
        Model::from_bytes(&b).map(|x| x.to_bytes()),
        Some(b.clone()),
    );
    check(
        "truncated",
        Model::from_bytes(&b[..b.len() - 1]).is_none(),
        true,
    );
    check(
        "embedded model reads",
        Model::from_bytes(super::EMBEDDED).is_some(),
        true,
    );
}

#[test]
fn model_file_keeps_each_weight_in_its_bucket_and_tag() {
    let w: Vec<f32> = (0..16 * TAGS).map(|i| (i as f32 - 70.0) / 3.0).collect();
    let m = Model::quantise(4, 7, &[[0.5; TAGS]; TAGS + 1], &w, &super::Quant::DEFAULT);
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads");
    check("weights", &back.weights[..], &m.weights[..]);
    check("hash", back.inputs_hash, 7);
    let mut em = [0; TAGS];
    back.emissions(&[3], &mut em);
    let want: Vec<i64> = m.weights[3 * TAGS..4 * TAGS]
        .iter()
        .zip(back.mult)
        .map(|(&x, k)| i64::from(x as i8) * i64::from(k))
        .collect();
    check("bucket 3's row", em.to_vec(), want);
    check("multipliers", back.mult, m.mult);
    check(
        "the largest weights clip at the top level",
        m.weights
            .iter()
            .any(|&x| x as i8 == super::Quant::DEFAULT.levels as i8),
        true,
    );
    check(
        "stored two a byte",
        bytes.len(),
        super::HEADER + 16 * TAGS / 2,
    );
}

#[test]
fn corpus_format() {
    let docs = parse_corpus("Ann Lee went to Paris .\t0-2:P 4-5:L\nOK\t\n\nNew doc\t\n");
    check("documents", docs.len(), 2);
    check("text", docs[0].0.as_str(), "Ann Lee went to Paris .\nOK");
    let spans: Vec<_> = docs[0]
        .1
        .iter()
        .map(|(s, l)| (s.start, s.end, *l))
        .collect();
    check(
        "spans",
        spans,
        vec![(0, 7, Label::Person), (16, 21, Label::Place)],
    );
    check(
        "hash depends on boundaries",
        inputs_hash(&[b"ab", b"c"]) != inputs_hash(&[b"a", b"bc"]),
        true,
    );
}
