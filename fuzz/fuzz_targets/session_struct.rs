//! Sessions built from structured fuzz data: every session `validate` accepts survives
//! `encode` then `decode` unchanged, and re-encodes to the same payload.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use parallax_core::session::{validate, Prompt, Session, Source};

#[derive(Arbitrary, Debug)]
struct Input {
    title: String,
    prompts: Vec<(String, Option<u8>, Option<String>)>,
    sources: Vec<(String, Option<String>)>,
    hide: Vec<u8>,
    blind: bool,
}

const LABELS: [&str; 7] = [
    "PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER", "person",
];

fuzz_target!(|input: Input| {
    let s = Session {
        title: input.title,
        prompts: input
            .prompts
            .into_iter()
            .map(|(text, source, quote)| Prompt {
                text,
                source: source.map(usize::from),
                quote,
            })
            .collect(),
        sources: input
            .sources
            .into_iter()
            .map(|(id, text)| Source { id, text })
            .collect(),
        hide: input
            .hide
            .iter()
            .map(|&h| LABELS[usize::from(h) % LABELS.len()].to_string())
            .collect(),
        blind: input.blind,
        collection: String::new(),
    };
    if validate(&s).is_ok() {
        parallax_fuzz::check_session_round_trip(&s);
    } else {
        assert!(parallax_core::session::decode(&parallax_core::session::encode(&s)).is_err());
    }
});
