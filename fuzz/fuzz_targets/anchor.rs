//! Re-anchoring: a text, a span and an edit of the text (a cut replaced by an insertion,
//! or a whole new text) through `anchor::describe` and `anchor::resolve`
//! (`parallax_fuzz::check_anchor`).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use parallax_core::Span;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    old: &'a str,
    start: u16,
    len: u8,
    hint: bool,
    edit: Edit<'a>,
}

#[derive(Arbitrary, Debug)]
enum Edit<'a> {
    /// The code points `at..at + cut` replaced by `insert`.
    Splice { at: u16, cut: u8, insert: &'a str },
    /// Another text altogether.
    New(&'a str),
}

fuzz_target!(|input: Input<'_>| {
    let old = input.old;
    let new = match input.edit {
        Edit::New(t) => t.to_string(),
        Edit::Splice { at, cut, insert } => {
            let chars: Vec<char> = old.chars().collect();
            let at = usize::from(at).min(chars.len());
            let end = (at + usize::from(cut)).min(chars.len());
            let mut s: String = chars[..at].iter().collect();
            s.push_str(insert);
            s.extend(&chars[end..]);
            s
        }
    };
    let start = usize::from(input.start);
    let span = Span::new(start, start + usize::from(input.len));
    parallax_fuzz::check_anchor(old, &new, span, input.hint);
});
