//! The whole analysis of arbitrary UTF-8, split into 1-3 documents at 0x1E: every mention,
//! sentence, line, quote and descriptor span in bounds; mentions sorted, non-overlapping and
//! one of their entity's forms (checked through `CharIndex`); entity counts match.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::{check_analysis, documents, split_docs};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let docs = documents(&split_docs(s, 3));
    let a = parallax_core::analyse(&docs);
    check_analysis(&docs, &a);
});
