//! The document model: one news article, its text kept exactly as read.

use crate::offsets::{CharIndex, Span};
pub use crate::text::lines::is_date_line;
use crate::text::lines::{classified_lines, is_headline_like, LineRole};
use crate::text::sentences::first_sentence;
use crate::text::tokens::{ascii_runs, ascii_word_count};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// How many characters a written title (an imported article's headline) keeps before its
/// ellipsis.
pub const TITLE_MAX_CHARS: usize = 120;
/// How many characters a title made from a first sentence keeps: shorter than a written
/// title, as it stands in for a headline (`titles_dates_first_sentences` holds it).
pub const SENTENCE_TITLE_MAX_CHARS: usize = 90;

/// One article. `text` is exactly what was read (no normalisation); every span is in code
/// points into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier: the file stem (`002_3a84a08c5ea05fd3`).
    pub id: String,
    /// The text exactly as read.
    pub text: String,
    /// Headline, or the first sentence shortened with an ellipsis when the text has none.
    pub title: String,
    /// True when `title` comes from a headline line, false when made from the first sentence.
    pub has_headline: bool,
    /// Span of the headline line, when there is one.
    pub title_span: Option<Span>,
    /// The date line opening the document ("June 14, 2024"), when there is one.
    pub date_line: Option<String>,
    /// Span of the date line.
    pub date_span: Option<Span>,
    /// Paragraphs: each non-blank line, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Span>,
    /// The role of each paragraph (headline, caption, site furniture, body...), same order.
    pub roles: Vec<LineRole>,
    /// Non-blank lines with their roles, as [`crate::text::lines::line_roles`] gives them; the
    /// analysis reuses them rather than classifying the lines again.
    pub lines: Vec<(Span, LineRole)>,
    /// The first sentence of the body (after headline, repeated headlines and captions).
    pub first_sentence: String,
    /// Number of words (Unicode word segmentation).
    pub word_count: usize,
}

impl Document {
    /// Builds the model of `text` under identifier `id`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        let text = text.into();
        // The paragraphs are the classified lines: both are the non-blank lines, trimmed.
        let classified = classified_lines(&text);
        let lines: Vec<(Span, LineRole)> = classified.iter().map(|&(s, _, r)| (s, r)).collect();
        let paragraphs: Vec<Span> = classified.iter().map(|&(s, _, _)| s).collect();
        let roles: Vec<LineRole> = classified.iter().map(|&(_, _, r)| r).collect();
        // each paragraph's text, as its span covers it
        let para_text = |i: usize| classified[i].1;
        let word_count = word_count(&text);

        let mut date_line = None;
        let mut date_span = None;
        let mut title_span = None;
        let mut body_from = 0;
        for (i, &p) in paragraphs.iter().enumerate() {
            let line = para_text(i);
            if is_date_line(line) {
                if date_line.is_none() {
                    date_line = Some(line.to_string());
                    date_span = Some(p);
                }
                continue;
            }
            // the rule the line roles use for the headline (one rule, so they agree)
            if is_headline_like(line) {
                title_span = Some(p);
                body_from = i + 1;
            }
            break;
        }
        let title_text = title_span.map(|_| para_text(body_from - 1).to_string());
        let is_lede = |i: usize, l: &str| {
            Some(l) != title_text.as_deref()
                && is_body_line(l)
                && !is_date_line(l)
                && roles[i] == LineRole::Body
        };
        let first_sentence = (body_from.min(paragraphs.len())..paragraphs.len())
            .map(|i| (i, para_text(i)))
            .find(|&(i, l)| is_lede(i, l))
            .or_else(|| {
                (0..classified.len())
                    .map(para_text)
                    .find(|l| is_body_line(l))
                    .map(|l| (0, l))
            })
            .map(|(_, l)| first_sentence(l))
            .unwrap_or_default()
            .to_string();
        let (title, has_headline) = match title_text {
            Some(t) => (t, true),
            None => (shorten(&first_sentence, SENTENCE_TITLE_MAX_CHARS), false),
        };
        Document {
            id,
            text,
            title,
            has_headline,
            title_span,
            date_line,
            date_span,
            paragraphs,
            roles,
            lines,
            first_sentence,
            word_count,
        }
    }

    /// The text covered by `span`.
    pub fn slice(&self, span: Span) -> &str {
        CharIndex::new(&self.text).slice(&self.text, span)
    }
}

/// The identifier of a file name: its stem (`dir/002_x.txt` -> `002_x`).
pub fn id_from_file_name(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

/// The number of Unicode words (`unicode_words().count()`), with the ASCII runs of
/// [`ascii_runs`] counted over [`ascii_word_count`]'s pieces.
fn word_count(text: &str) -> usize {
    let mut count = 0;
    ascii_runs(text, |start, end, ascii| {
        count += if ascii {
            ascii_word_count(&text.as_bytes()[start..end])
        } else {
            text[start..end].unicode_words().count()
        };
    });
    count
}

/// A line of running prose: a sentence of several words ending in sentence punctuation.
fn is_body_line(line: &str) -> bool {
    let last = line
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .last();
    line.split_whitespace().count() >= 6
        && matches!(last, Some('.' | '!' | '?'))
        && !line.starts_with('(')
}

/// `s` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..at].trim_end_matches([',', ';', ':', ' ', '—', '–', '-'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (case name, text, expected title, expected date line, expected first sentence)
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
    );

    #[track_caller]
    fn check(row: &Row) {
        let (name, text, title, date, first) = *row;
        let d = Document::new("id", text);
        assert_eq!(
            (
                d.title.as_str(),
                d.date_line.as_deref(),
                d.first_sentence.as_str()
            ),
            (title, date, first),
            "case {name}"
        );
    }

    #[test]
    fn titles_dates_first_sentences() {
        let rows: &[Row] = &[
            (
                "headline then body",
                "Storm closes schools\n\nSchools in Leeds shut on Monday. Parents were told late.",
                "Storm closes schools",
                None,
                "Schools in Leeds shut on Monday.",
            ),
            (
                "date line is not a title",
                "March 3, 2021\n\nMayor resigns\n\nThe mayor of Oxbridge resigned on Tuesday after a long row.",
                "Mayor resigns",
                Some("March 3, 2021"),
                "The mayor of Oxbridge resigned on Tuesday after a long row.",
            ),
            (
                "no headline: first sentence serves, shortened",
                "The council has voted to close the old library on Hill Street after a decade of falling visitor numbers, officials said. More follows.",
                "The council has voted to close the old library on Hill Street after a decade of falling…",
                None,
                "The council has voted to close the old library on Hill Street after a decade of falling visitor numbers, officials said.",
            ),
            (
                "abbreviations do not end the sentence",
                "Talks resume\nSen. Ann Lee met U.S. officials on Jan. 4 in Geneva. They talked.",
                "Talks resume",
                None,
                "Sen. Ann Lee met U.S. officials on Jan. 4 in Geneva.",
            ),
            (
                "repeated headline and caption skipped",
                "Rates rise again\n\nRates rise again\n(Photo : Jane Roe/Agency)\nThe central bank raised its main rate to 5% on Thursday, its tenth rise in a row.",
                "Rates rise again",
                None,
                "The central bank raised its main rate to 5% on Thursday, its tenth rise in a row.",
            ),
            (
                "a photo caption is not the lede",
                "Port strike ends\n(Photo : Ann Lee/Getty Images)\nBRITAIN-PORTS-STRIKE\nDockers walk past cranes in the port of Tilbury on Monday, May 3, 2021.\n\nDockers at Tilbury ended their strike on Monday after a pay deal was agreed.",
                "Port strike ends",
                None,
                "Dockers at Tilbury ended their strike on Monday after a pay deal was agreed.",
            ),
            (
                "quote closes the sentence",
                "“We will win,” she said. Then she left the building with her team.",
                "“We will win,” she said.",
                None,
                "“We will win,” she said.",
            ),
        ];
        for row in rows {
            check(row);
        }
    }

    #[test]
    fn date_lines() {
        for (line, is) in [
            ("June 14, 2024", true),
            ("Mon 3 Jan 2022", true),
            ("2024-06-14", true),
            ("Updated: Jan. 3, 2022 09:15", true),
            ("June 14th", true),
            ("May the best team win", false),
            ("NATO prepares for possible cyberattacks from Russia", false),
            ("2024", false),
        ] {
            assert_eq!(is_date_line(line), is, "{line:?}");
        }
    }

    #[test]
    fn paragraphs_are_trimmed_lines_in_code_points() {
        let t = "Ab\u{a0}\n\n  “Cd”  \nEf";
        let d = Document::new("x", t);
        let got: Vec<&str> = d.paragraphs.iter().map(|&p| d.slice(p)).collect();
        assert_eq!(got, ["Ab", "“Cd”", "Ef"]);
        assert_eq!(d.paragraphs[1], Span::new(7, 11));
    }

    #[test]
    fn ids_from_file_names() {
        assert_eq!(
            id_from_file_name("seeds/002_3a84a08c5ea05fd3.txt"),
            "002_3a84a08c5ea05fd3"
        );
        assert_eq!(id_from_file_name("notes"), "notes");
        assert_eq!(id_from_file_name(".hidden"), ".hidden");
    }

    #[test]
    fn word_count_matches_unicode_words() {
        for t in [
            "",
            " ",
            "a",
            "Russia’s war  on\u{a0}Ukraine .\n\n“Yes,” he said:\r\nU.S. 3.5 km\n",
            "e\u{301} \u{301}x \u{200d}y  \u{301} z\n\u{301}a",
            "\u{1f1eb}\u{1f1f7} \u{1f1eb}\u{1f1f7}\u{1f1eb} a\u{3000} b\u{2002}c",
            "can't  won’t  12,000.5  a_b  x.y:z  日本語 テスト",
            "  leading and trailing  ",
        ] {
            assert_eq!(word_count(t), t.unicode_words().count(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_count_matches_unicode_words_on_any_text(
            t in "([a-zA-Z0-9 .,:'’_\n\r-]|\u{a0}|\u{301}|\u{200d}|\u{3000}|\u{1f1eb}|é|日|\u{2002}|\u{ad}){0,40}"
        ) {
            proptest::prop_assert_eq!(word_count(&t), t.unicode_words().count());
        }
    }

    #[test]
    fn word_count_counts_words() {
        assert_eq!(Document::new("x", "Two words.").word_count, 2);
        assert_eq!(
            Document::new("x", "It's 100,000 troops — U.S.").word_count,
            4
        );
    }
}
