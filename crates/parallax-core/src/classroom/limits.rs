//! Every limit on what comes from outside, in one place: the largest input each parser takes,
//! and why. The parsers' own constants (`import::MAX_IMPORT_BYTES`, …) are these.
//!
//! | parser | limit | why |
//! |---|---|---|
//! | an imported file or paste ([`crate::import`]) | [`IMPORT_BYTES`] | a long article with its markup; more freezes a phone |
//! | an imported HTML page | [`HTML_IMPORT_BYTES`] | a saved news page is often 0.4–1.6 MB of markup for a 1,000-word article; extracted natively in well under a second |
//! | the article it yields | [`ARTICLE_CHARS`] | about 15,000 words: several times any news report |
//! | a session link's payload ([`crate::session`]) | [`SESSION_PAYLOAD_CHARS`] | under the 2 MB URL Chromium accepts (Firefox and Safari take more) |
//! | the session JSON it inflates to | [`SESSION_JSON_BYTES`] | a zip bomb stops there |
//! | a notes file to import ([`crate::notes`]) | [`NOTES_FILE_BYTES`] | 10,000 notes take about 5 MB; browsers store 5 to 10 MB per site |
//! | a bundled document ([`crate::seed`]) | [`SEED_BYTES`] | checked at build time |
//!
//! Time: on this project's 2-core build machine, natively, each input at its limit is read in
//! well under a second (the tests below read one of each; `cargo xtask fuzz` runs each parser
//! on arbitrary input). In the browser the app measures the longest main-thread task while it
//! adds a 400 KB article and imports 10,000 notes (the e2e test `limits_keep_the_page_responsive`).

/// Largest file or paste imported as an article, in bytes.
pub const IMPORT_BYTES: usize = 400_000;

/// Largest HTML page imported as an article, in bytes.
pub const HTML_IMPORT_BYTES: usize = 5_000_000;

/// Longest article an import may yield, in characters (code points).
pub const ARTICLE_CHARS: usize = 100_000;

/// Longest session payload (the part after `#/session/`), in characters.
pub const SESSION_PAYLOAD_CHARS: usize = 1_500_000;

/// Largest session JSON a payload may inflate to, in bytes.
pub const SESSION_JSON_BYTES: usize = 4 * 1024 * 1024;

/// Largest notes file imported, in bytes.
pub const NOTES_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Largest bundled document, in bytes.
pub const SEED_BYTES: usize = 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, ImportError};
    use crate::notes::{self, Colour, Note};
    use crate::session::{self, Session, Source};

    /// A deterministic stream of words that does not compress much (a linear congruential
    /// generator over a small alphabet), `n` bytes long.
    fn noise(n: usize) -> String {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut out = String::with_capacity(n);
        while out.len() < n {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let c = b"abcdefghijklmnopqrstuvwxyz .,ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                [(x >> 58) as usize % 64];
            out.push(c as char);
        }
        out
    }

    /// An HTML page of exactly `n` bytes: a short article in a lot of markup.
    fn page(n: usize) -> Vec<u8> {
        let head = "<html><head><title>Floods close the ring road</title></head><body><h1>Floods close the ring road</h1><p>Heavy rain closed the ring road on Sunday, police said.</p><div class=\"menu\">";
        let tail = "</div></body></html>";
        let mut s = head.to_string();
        while s.len() + tail.len() + 13 <= n {
            s.push_str("<span></span");
            s.push('>');
        }
        while s.len() + tail.len() < n {
            s.push(' ');
        }
        s.push_str(tail);
        s.into_bytes()
    }

    #[test]
    fn an_import_at_its_limits_is_read_and_one_byte_more_refused() {
        let at = page(HTML_IMPORT_BYTES);
        assert_eq!(at.len(), HTML_IMPORT_BYTES);
        let got = import(Some("page.html"), &at).expect("a page at the limit is read");
        assert!(got.text.contains("Heavy rain closed the ring road"));
        let over = page(HTML_IMPORT_BYTES + 1);
        assert_eq!(
            import(Some("page.html"), &over),
            Err(ImportError::TooLarge {
                bytes: HTML_IMPORT_BYTES + 1,
                limit: HTML_IMPORT_BYTES
            })
        );
        // Other formats keep the smaller limit.
        let text = "a".repeat(IMPORT_BYTES + 1);
        assert_eq!(
            import(Some("a.txt"), text.as_bytes()),
            Err(ImportError::TooLarge {
                bytes: IMPORT_BYTES + 1,
                limit: IMPORT_BYTES
            })
        );
        let longest = "word ".repeat(ARTICLE_CHARS / 5);
        assert!(import(Some("a.txt"), longest.trim_end().as_bytes()).is_ok());
        // One character more is kept up to the last whole word (paragraph) that fits.
        let longer = format!("{longest}words");
        let cut = import(Some("a.txt"), longer.as_bytes()).expect("a longer article is cut");
        assert_eq!(cut.text, longest.trim_end());
        assert_eq!(
            cut.left_out,
            longer.chars().count() - longest.trim_end().chars().count()
        );
    }

    #[test]
    fn the_largest_session_link_decodes() {
        // Text that barely compresses, so the payload nears its limit.
        let mut size = SESSION_PAYLOAD_CHARS;
        let (payload, s) = loop {
            // Sources of at most ARTICLE_CHARS each, as imports make them.
            let text = noise(size);
            let sources = text
                .as_bytes()
                .chunks(ARTICLE_CHARS)
                .enumerate()
                .map(|(i, c)| Source {
                    id: format!("big-{i}"),
                    text: Some(String::from_utf8_lossy(c).into_owned()),
                })
                .collect();
            let s = Session {
                title: "Limits".into(),
                sources,
                ..Session::default()
            };
            let p = session::encode(&s);
            if p.len() > SESSION_PAYLOAD_CHARS {
                size -= 10_000;
                continue;
            }
            break (p, s);
        };
        assert!(
            payload.len() > SESSION_PAYLOAD_CHARS - 40_000,
            "payload {} not near the limit",
            payload.len()
        );
        assert_eq!(session::decode(&payload), Ok(s));
        let over = format!("{payload}{}", "A".repeat(SESSION_PAYLOAD_CHARS));
        assert!(session::decode(&over).is_err());
    }

    #[test]
    fn ten_thousand_notes_are_read() {
        let text = "Heavy rain closed the ring road on Sunday, police said.";
        let notes: Vec<Note> = (0..10_000)
            .map(|i| Note {
                id: format!("n{i}"),
                doc: format!("doc-{}", i % 7),
                quote: crate::anchor::describe(text, crate::Span::new(6, 10)),
                start: 6,
                end: 10,
                colour: Colour::ALL[i % 4],
                text: format!("Note number {i}: who said this, and where did they say it?"),
                created: i as f64,
                updated: i as f64,
            })
            .collect();
        let raw = notes::serialize(&notes);
        assert!(raw.len() < NOTES_FILE_BYTES, "{} bytes", raw.len());
        let back = notes::parse(&raw);
        assert!(back.problems.is_empty());
        assert_eq!(back.notes, notes);
        assert_eq!(back.set.shown().len(), 10_000);
    }
}
