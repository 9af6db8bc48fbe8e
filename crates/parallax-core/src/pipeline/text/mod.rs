//! The text model: lines and their roles, tokens and sentences.

pub mod abbreviations;
pub mod calendar;
pub mod lines;
pub mod number_words;
pub mod sentences;
pub mod tokens;

/// `s.to_lowercase()`, quicker on short words and mostly-ASCII lines: ASCII stretches are
/// lowered byte by byte, other characters one by one (`str::to_lowercase` differs from that
/// only at a capital sigma, so text holding one takes the standard path).
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let at = out.len();
        out.push_str(run);
        out[at..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn lowercase_is_to_lowercase(t in "([a-zA-Z .'’]|Σ|ς|İ|É|Ǆ|ǅ|ẞ|Ⅸ|日|\u{301}){0,30}") {
            proptest::prop_assert_eq!(super::lowercase(&t), t.to_lowercase());
        }
    }
}
