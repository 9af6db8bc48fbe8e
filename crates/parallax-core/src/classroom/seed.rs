//! Checks on raw input bytes before they become a [`Document`](crate::Document): used by the
//! app's build script for the bundled documents, by the CLI for its files, and by the app for
//! imported articles.

use crate::{Error, ErrorKind};

/// Largest text accepted: 1 MB.
pub const MAX_BYTES: usize = crate::classroom::limits::SEED_BYTES;

/// Checks that `bytes` read from `name` are usable text: not empty, valid UTF-8, not binary,
/// at most [`MAX_BYTES`]. Returns the text unchanged (no normalisation).
pub fn validate<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_BYTES,
            },
            name,
        ));
    }
    let text = text_of(bytes).map_err(|kind| Error::new(kind, name))?;
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, name));
    }
    if mostly_controls(text) {
        return Err(Error::new(ErrorKind::Binary, name));
    }
    Ok(text)
}

/// The byte checks every input shares (bundled texts, CLI files, imports): no NUL byte
/// ([`ErrorKind::Binary`]), valid UTF-8 ([`ErrorKind::NotUtf8`]). Gives the text.
pub fn text_of(bytes: &[u8]) -> Result<&str, ErrorKind> {
    if bytes.contains(&0) {
        return Err(ErrorKind::Binary);
    }
    std::str::from_utf8(bytes).map_err(|_| ErrorKind::NotUtf8)
}

/// True when more than one character in a hundred is a control character other than a line
/// break, tab or form feed: binary data that happens to be valid UTF-8.
pub fn mostly_controls(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
        .count();
    controls * 100 > text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &[u8], expected: Result<(), ErrorKind>) {
        let got = validate("f.txt", input).map(|_| ()).map_err(|e| e.kind());
        assert_eq!(
            got,
            expected,
            "input: {:?}",
            String::from_utf8_lossy(&input[..input.len().min(40)])
        );
    }

    #[test]
    fn table() {
        let big = vec![b'a'; MAX_BYTES + 1];
        let rows: &[(&str, &[u8], Result<(), ErrorKind>)] = &[
            ("plain", b"Hello world.", Ok(())),
            ("nbsp kept", "a\u{a0}b".as_bytes(), Ok(())),
            ("empty", b"", Err(ErrorKind::Empty)),
            ("whitespace only", b"  \n\t ", Err(ErrorKind::Empty)),
            ("latin1", b"caf\xe9", Err(ErrorKind::NotUtf8)),
            ("nul byte", b"PK\x03\x04\x00\x00", Err(ErrorKind::Binary)),
            (
                "control soup",
                b"\x01\x02\x03\x04abc",
                Err(ErrorKind::Binary),
            ),
            (
                "too large",
                &big,
                Err(ErrorKind::TooLarge {
                    bytes: MAX_BYTES + 1,
                    limit: MAX_BYTES,
                }),
            ),
        ];
        for (name, input, expected) in rows {
            eprintln!("case {name}");
            check(input, *expected);
        }
    }

    #[test]
    fn message_names_the_file() {
        let e = validate("notes.bin", b"\x00").unwrap_err();
        assert_eq!(
            e.to_string(),
            "notes.bin: looks like a binary file, not text"
        );
    }

    #[test]
    fn text_is_returned_unchanged() {
        let s = "A\u{a0}B\r\nC";
        assert_eq!(validate("x", s.as_bytes()).unwrap(), s);
    }
}
