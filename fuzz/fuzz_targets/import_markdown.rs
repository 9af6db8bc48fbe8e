//! `parallax_core::import::import(Some("x.md"), bytes)`; the invariants are
//! `parallax_fuzz::check_import`'s.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::check_import("x.md", data);
});
