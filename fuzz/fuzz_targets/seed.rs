//! `parallax_core::seed::validate("x.txt", bytes)`: Ok only for valid UTF-8 within
//! `MAX_BYTES`, and the same text (`parallax_fuzz::check_seed`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::check_seed(data);
});
