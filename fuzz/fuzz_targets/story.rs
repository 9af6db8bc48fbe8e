//! The story matrix and source flags over 2-4 fuzzed texts (split at 0x1E, else cut in two):
//! analysed, then `story::story` and `flags::flags` (`parallax_fuzz::check_story`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let s = parallax_fuzz::cap(s, parallax_fuzz::MAX_TEXT_BYTES);
    let texts = if s.contains(parallax_fuzz::DOC_SEPARATOR) {
        parallax_fuzz::split_docs(s, 4)
    } else {
        parallax_fuzz::parts(s, 2)
    };
    if texts.len() < 2 {
        return;
    }
    parallax_fuzz::check_story(&texts);
});
