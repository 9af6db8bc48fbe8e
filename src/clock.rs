//! The device's clock and fresh identifiers (the core takes times and writer ids as input).

/// Milliseconds since the epoch (for note times; the core takes them as input).
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A fresh identifier for a note, an article or a tab: time plus randomness, unique on this
/// device.
pub fn fresh_id(prefix: &str) -> String {
    let r = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}{:x}{:x}", now() as u64, r)
}
