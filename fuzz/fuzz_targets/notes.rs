//! `parallax_core::notes::parse` of arbitrary text: export/import round trips and fixed
//! points, and the merge lattice (`parallax_fuzz::check_notes`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        parallax_fuzz::check_notes(s);
    }
});
