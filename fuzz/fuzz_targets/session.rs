//! `parallax_core::session::decode` of arbitrary text: a session decoded re-encodes to a
//! payload that decodes to it again, and re-encodes to the same payload; errors are
//! sentences (`parallax_fuzz::check_session_payload`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        parallax_fuzz::check_session_payload(s);
    }
});
