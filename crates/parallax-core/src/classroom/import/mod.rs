//! The reader's own articles: a paste, or a `.txt`, `.md` or `.html` file, turned into the
//! plain text Parallax reads. The result is always plain text, never markup: the app shows it
//! as text, so nothing in an imported article can run.
//!
//! - **Text** is kept exactly as typed (a UTF-8 byte-order mark is dropped, CRLF and CR line
//!   ends become LF, blank lines before the first line and whitespace after the last are
//!   trimmed). A pasted article that quotes `<script>` tags stays as typed.
//! - **Markdown** loses its formatting marks: heading `#`s, emphasis, link and image syntax
//!   (the link text and the image's alt text stay), list markers, block-quote `>`s, code fences
//!   (the code stays). Raw HTML inside Markdown is kept as visible text, not interpreted;
//!   character references are left as written.
//! - **HTML** goes through a small tokenizer: comments, `<script>`, `<style>`, `<noscript>`,
//!   `<template>`, `<svg>`, `<iframe>`, `<textarea>` and `<select>` are dropped with their
//!   contents, and so is the head (its `<title>` becomes the title when the page has no
//!   `<h1>`); block elements (`p`, `div`, `br`, `h1`-`h6`, `li`, `tr`, `blockquote`...) become
//!   paragraph breaks; character references are decoded; whitespace inside a paragraph is
//!   collapsed. Malformed markup never loses text: a `<` that opens no tag (a `<` followed
//!   by a letter opens one, as in browsers, when a `>` closes it), an unclosed comment or an
//!   unclosed `<script>` is read as text, and a quoted attribute value that never closes ends
//!   at the next `>`. Crafted input (thousands of unclosed tags, brackets or backticks) is
//!   still read in linear time.
//!
//! Paragraphs are separated by a blank line, as in the bundled documents, and the first line
//! is the headline, so [`Document::new`](crate::Document::new) reads an import like them.
//!
//! With the feature `extract` (the engine's and the CLI's), an HTML page is first read for its
//! **article** ([`Imported::extracted`]): the page is parsed by the HTML5 algorithm and its
//! main content found by the reader-mode algorithm, keeping the headline, byline and date
//! where the page marks them and dropping menus, related links and footers (see `extract.rs`).
//! A page where no article is found (a front page that is all links), and every page without
//! the feature, is read whole by the tokenizer above.
//!
//! Limits: a file or paste of at most [`MAX_IMPORT_BYTES`] (400 KB), or an HTML page of at
//! most [`MAX_HTML_IMPORT_BYTES`] (5 MB), giving an article of at most [`MAX_ARTICLE_CHARS`]
//! (100,000) characters.

#[cfg(feature = "extract")]
mod extract;
mod html;
mod markdown;

use crate::document::{shorten, TITLE_MAX_CHARS};
use crate::seed::{mostly_controls, text_of};
use crate::ErrorKind;
use html::{html_to_text, looks_like_html};
use markdown::markdown_to_text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest file or paste accepted: 400,000 bytes (about 400 KB), except HTML pages.
pub const MAX_IMPORT_BYTES: usize = crate::classroom::limits::IMPORT_BYTES;

/// Largest HTML page accepted: 5,000,000 bytes (a saved news page is often 0.4 to 1.6 MB of
/// markup for a 1,000-word article).
pub const MAX_HTML_IMPORT_BYTES: usize = crate::classroom::limits::HTML_IMPORT_BYTES;

/// Longest article accepted, in characters (code points) after conversion: 100,000, about
/// 15,000 words.
pub const MAX_ARTICLE_CHARS: usize = crate::classroom::limits::ARTICLE_CHARS;

/// The kind of text imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// Plain text, kept as typed.
    Text,
    /// Markdown, its formatting marks removed.
    Markdown,
    /// HTML, reduced to its text.
    Html,
}

impl Format {
    /// The format's name for people ("plain text", "Markdown", "HTML").
    pub fn name(&self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }
}

/// An imported article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    /// The headline: the document's `<h1>` or `<title>` (HTML) or its first non-empty line,
    /// shortened to about 120 characters.
    pub title: String,
    /// The article as plain text, paragraphs separated by blank lines.
    pub text: String,
    /// How the input was read.
    pub format: Format,
    /// True when the text is the page's article, found by main-content extraction (HTML with
    /// the feature `extract`); false when it is the whole text of the input (always for plain
    /// text and Markdown, and for a page where no article was found): the app can tell the
    /// reader that menus and links may be part of it.
    pub extracted: bool,
    /// The author line as the page gives it ("Meg James"), from its metadata (JSON-LD
    /// `author`, `<meta name=author>`) or its markup; HTML only.
    #[serde(default)]
    pub byline: Option<String>,
    /// The publication date: the calendar day (`2024-06-14`) of the page's
    /// `article:published_time` or JSON-LD `datePublished`, or a short date as written.
    #[serde(default)]
    pub date: Option<String>,
    /// The outlet that published it (`og:site_name`, JSON-LD `publisher.name`).
    #[serde(default)]
    pub site: Option<String>,
    /// The page's own address (its canonical link or `og:url`), `http(s)` only.
    #[serde(default)]
    pub url: Option<String>,
    /// The article's paragraphs alone (no headline, byline or date lines), separated by blank
    /// lines; `text` is the header lines and then this.
    #[serde(default)]
    pub body: String,
    /// Characters of the article left out at the end to keep it within
    /// [`MAX_ARTICLE_CHARS`] (0 when it is whole). The cut falls after the last whole
    /// paragraph that fits.
    #[serde(default)]
    pub left_out: usize,
}

/// Why an import was refused. `Display` gives a sentence for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but whitespace (or, for HTML, no text outside the markup).
    Empty,
    /// More than [`MAX_IMPORT_BYTES`] ([`MAX_HTML_IMPORT_BYTES`] for an HTML page).
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// NUL bytes or many control characters: an image, a PDF, a word-processor file.
    Binary,
    /// Not valid UTF-8 (or UTF-16).
    NotUtf8,
    /// More than [`MAX_ARTICLE_CHARS`] characters of text.
    TooLong {
        /// Characters of text after conversion.
        chars: usize,
        /// The limit in characters.
        limit: usize,
    },
}

/// `n` with thousands separated by commas: 100000 -> "100,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ImportError::Empty => {
                write!(f, "There is no text to read: the file or paste is empty.")
            }
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "This file is {} KB; Parallax imports files of up to {} KB. Paste just the \
                 article's text instead.",
                thousands(bytes.div_ceil(1000)),
                thousands(limit / 1000)
            ),
            ImportError::Binary => write!(
                f,
                "This file looks binary (an image, PDF or Word file?); Parallax reads plain \
                 text, Markdown or HTML."
            ),
            ImportError::NotUtf8 => write!(
                f,
                "This file is not saved as UTF-8, the text encoding Parallax reads. Open it in a \
                 text editor and save it as UTF-8, or copy its text and paste it instead."
            ),
            ImportError::TooLong { chars, limit } => write!(
                f,
                "This article has {} characters; Parallax reads articles of up to {} \
                 characters. Import a shorter piece, or just the part you need.",
                thousands(chars),
                thousands(limit)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// How `content` should be read: by the file name's extension when there is one Parallax
/// knows (`.txt`, `.text`; `.md`, `.markdown`; `.html`, `.htm`, `.xhtml`), otherwise (pastes,
/// other names) HTML only when the content looks like an HTML document: it starts with
/// `<!doctype`, `<html`, `<head` or `<body`, or it starts with a block element such as `<p>`
/// or `<div>` and closes at least two. Anything else is plain text: prose that quotes tags,
/// such as an article about cross-site scripting, stays as typed.
pub fn format_of(file_name: Option<&str>, content: &str) -> Format {
    if let Some(name) = file_name {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if let Some((_, ext)) = base.rsplit_once('.') {
            match ext.to_ascii_lowercase().as_str() {
                "txt" | "text" => return Format::Text,
                "md" | "markdown" | "mdown" | "mkd" | "mkdn" => return Format::Markdown,
                "html" | "htm" | "xhtml" | "shtml" => return Format::Html,
                _ => {}
            }
        }
    }
    if looks_like_html(content) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads a file (`file_name` given) or a paste (`None`) as an article: checks it, picks its
/// [`Format`] with [`format_of`] and turns it into plain text (see the module docs).
pub fn import(file_name: Option<&str>, bytes: &[u8]) -> Result<Imported, ImportError> {
    let too_large = |limit: usize| ImportError::TooLarge {
        bytes: bytes.len(),
        limit,
    };
    if bytes.len() > MAX_HTML_IMPORT_BYTES {
        return Err(too_large(MAX_HTML_IMPORT_BYTES));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // UTF-16, which Windows editors write as "Unicode".
        return Err(ImportError::NotUtf8);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = text_of(bytes).map_err(|kind| match kind {
        ErrorKind::NotUtf8 => ImportError::NotUtf8,
        _ => ImportError::Binary,
    })?;
    if mostly_controls(text) {
        return Err(ImportError::Binary);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let format = format_of(file_name, &text);
    if format != Format::Html && bytes.len() > MAX_IMPORT_BYTES {
        return Err(too_large(MAX_IMPORT_BYTES));
    }
    let parts = match format {
        Format::Text => Parts::plain(trim_blank_lines(&text).to_string()),
        Format::Markdown => Parts::plain(markdown_to_text(&text)),
        Format::Html => read_html(&text),
    };
    if parts.body.trim().is_empty() && parts.header.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(parts.into_imported(format))
}

/// An import before its length is checked: header lines (headline, byline, date) and body.
#[derive(Default)]
struct Parts {
    title: Option<String>,
    header: Vec<String>,
    body: String,
    extracted: bool,
    byline: Option<String>,
    date: Option<String>,
    site: Option<String>,
    url: Option<String>,
}

impl Parts {
    /// Text read whole: no header lines; the first line is the title.
    fn plain(text: String) -> Parts {
        Parts {
            body: text,
            ..Parts::default()
        }
    }

    /// The import, its body cut after the last whole paragraph that keeps the whole text
    /// within [`MAX_ARTICLE_CHARS`].
    fn into_imported(self, format: Format) -> Imported {
        let header = self.header.join("\n\n");
        let head_chars = header.chars().count() + if header.is_empty() { 0 } else { 2 };
        let (body, left_out) =
            cut_at_paragraph(&self.body, MAX_ARTICLE_CHARS.saturating_sub(head_chars));
        let text = match (header.is_empty(), body.is_empty()) {
            (true, _) => body.to_string(),
            (false, true) => header,
            (false, false) => format!("{header}\n\n{body}"),
        };
        let title = self.title.unwrap_or_else(|| {
            text.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or_default()
                .to_string()
        });
        // Text read whole opens with its headline: the body is what follows it.
        let body = if self.header.is_empty() {
            body_after_title(body, &title)
        } else {
            body.to_string()
        };
        Imported {
            title: shorten(&title, TITLE_MAX_CHARS),
            text,
            format,
            extracted: self.extracted,
            byline: self.byline,
            date: self.date,
            site: self.site,
            url: self.url,
            body,
            left_out,
        }
    }
}

/// `text` without its first paragraph when that is the title (and something follows it).
fn body_after_title(text: &str, title: &str) -> String {
    let t = text.trim_start();
    match t.split_once('\n') {
        Some((first, rest)) if first.trim() == title.trim() && !rest.trim().is_empty() => {
            rest.trim_start_matches(['\n', '\r']).to_string()
        }
        _ => text.to_string(),
    }
}

/// `text` cut to at most `room` characters after its last whole paragraph (line) that fits,
/// and the number of characters left out. A first paragraph longer than `room` is cut after
/// its last whole word that fits (after `room` characters when it has no space).
fn cut_at_paragraph(text: &str, room: usize) -> (&str, usize) {
    let total = text.chars().count();
    if total <= room {
        return (text, 0);
    }
    let end = text.char_indices().nth(room).map_or(text.len(), |(i, _)| i);
    let prefix = &text[..end];
    let kept = match prefix.rfind('\n') {
        Some(i) if !prefix[..i].trim().is_empty() => prefix[..i].trim_end(),
        _ => match prefix.rfind(char::is_whitespace) {
            Some(i) if !prefix[..i].trim().is_empty() => prefix[..i].trim_end(),
            _ => prefix,
        },
    };
    (kept, total - kept.chars().count())
}

/// An HTML page's parts: its extracted article, or its whole text when none is found.
fn read_html(html: &str) -> Parts {
    #[cfg(feature = "extract")]
    if let Some(a) = extract::extract(html) {
        return Parts {
            title: a.title,
            header: a.header,
            body: a.body.join("\n\n"),
            extracted: true,
            byline: a.byline,
            date: a.date,
            site: a.site,
            url: a.url,
        };
    }
    let (text, title) = html_to_text(html);
    Parts {
        title,
        ..Parts::plain(text)
    }
}

/// `s` without its leading blank lines and trailing whitespace (the first line keeps its
/// indentation).
fn trim_blank_lines(s: &str) -> &str {
    let first = s.find(|c: char| !c.is_whitespace()).unwrap_or(s.len());
    let line_start = s[..first].rfind('\n').map_or(0, |i| i + 1);
    s[line_start..].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const XSS: &str = include_str!("../../../../../tests/fixtures/xss-vectors.txt");

    #[track_caller]
    fn check(
        name: &str,
        file: Option<&str>,
        input: &str,
        want: Result<(&str, &str, Format), ImportError>,
    ) {
        let got = import(file, input.as_bytes());
        let got_ref = got
            .as_ref()
            .map(|i| (i.title.as_str(), i.text.as_str(), i.format))
            .map_err(|e| *e);
        assert!(
            got_ref == want,
            "case {name}\n  expected {want:#?}\n  got      {got_ref:#?}"
        );
    }

    #[test]
    fn formats() {
        let rows: &[(Option<&str>, &str, Format)] = &[
            (Some("a.txt"), "<!doctype html><p>x</p>", Format::Text),
            (Some("dir/A.MD"), "# x", Format::Markdown),
            (Some("a.markdown"), "x", Format::Markdown),
            (Some("page.HTM"), "plain words", Format::Html),
            (Some("page.xhtml"), "x", Format::Html),
            (
                Some("notes"),
                "<!DOCTYPE html><title>x</title>",
                Format::Html,
            ),
            (Some("weird.csv"), "a,b", Format::Text),
            (
                None,
                "  <!DOCTYPE html>\n<html><body>x</body></html>",
                Format::Html,
            ),
            (None, "<html lang=en>", Format::Html),
            (None, "<p>One.</p>\n<p>Two.</p>", Format::Html),
            (
                None,
                "<div class=\"story\"><h1>T</h1><p>Body.</p></div>",
                Format::Html,
            ),
            (None, "<p>Only one paragraph</p>", Format::Text),
            (
                None,
                "Cross-site scripting hides <script>alert(1)</script> in a page.</p></div>",
                Format::Text,
            ),
            (
                None,
                "<script>alert(1)</script> is the classic test.",
                Format::Text,
            ),
            (None, "<b>Bold</b> claims and <i>more</i>", Format::Text),
            (None, "# A heading\n\nText", Format::Text),
            (None, XSS, Format::Text),
            (None, "", Format::Text),
        ];
        for &(name, content, want) in rows {
            assert_eq!(
                format_of(name, content),
                want,
                "format_of({name:?}, {content:?})"
            );
        }
    }

    #[test]
    fn import_table() {
        use ImportError::*;
        let big = "a".repeat(MAX_IMPORT_BYTES + 1);
        let long = "word ".repeat(MAX_ARTICLE_CHARS / 5 + 1);
        check(
            "plain text as typed",
            Some("a.txt"),
            "\n\n  Storm hits coast\n\nThe storm *hit* <b>hard</b>.  \n",
            Ok((
                "Storm hits coast",
                "  Storm hits coast\n\nThe storm *hit* <b>hard</b>.",
                Format::Text,
            )),
        );
        check(
            "BOM and CRLF",
            None,
            "\u{feff}Title line\r\n\r\nBody.\rMore.",
            Ok(("Title line", "Title line\n\nBody.\nMore.", Format::Text)),
        );
        check(
            "long first line shortened",
            None,
            &format!("{} end", "word ".repeat(30)),
            Ok((
                &format!("{}…", "word ".repeat(24).trim_end()),
                &format!("{} end", "word ".repeat(30)),
                Format::Text,
            )),
        );
        check("empty", None, "", Err(Empty));
        check("whitespace", Some("a.txt"), " \n\t\r\n", Err(Empty));
        check(
            "markup only",
            Some("a.html"),
            "<html><script>x</script></html>",
            Err(Empty),
        );
        check("nul", Some("a.txt"), "PK\u{3}\u{4}\u{0}\u{0}", Err(Binary));
        check("controls", None, "\u{1}\u{2}\u{3}abc", Err(Binary));
        check(
            "too large",
            None,
            &big,
            Err(TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
                limit: MAX_IMPORT_BYTES,
            }),
        );
        let _ = long;
        assert_eq!(import(None, b"caf\xe9"), Err(NotUtf8));
        assert_eq!(import(None, b"\xff\xfeH\x00i\x00"), Err(NotUtf8));
    }

    #[test]
    fn long_articles_are_cut_after_a_whole_paragraph() {
        // (input, characters kept, characters left out)
        let para = format!("{}end.", "word ".repeat(199)); // 999 characters
        let paras = vec![para.clone(); 150].join("\n\n"); // 150 paragraphs, 1,001 apart
        let one = "word ".repeat(30_000);
        let rows: Vec<(&str, String, usize, usize)> = vec![
            ("short", "Short text.".to_string(), 11, 0),
            (
                "paragraphs",
                paras.clone(),
                98 * 1001 + 999,
                150 * 1001 - 2 - (98 * 1001 + 999),
            ),
            (
                "one long paragraph",
                one.clone(),
                99_999,
                one.trim_end().chars().count() - 99_999,
            ),
        ];
        for (name, input, kept, left_out) in rows {
            let got = import(Some("a.txt"), input.as_bytes()).expect(name);
            assert_eq!(
                (got.text.chars().count(), got.left_out),
                (kept, left_out),
                "case {name}"
            );
            assert!(input.starts_with(&got.text), "case {name}: not a prefix");
            assert!(
                !got.text.ends_with(' ') && !got.text.ends_with('\n'),
                "case {name}"
            );
        }
        let (cut, out) = cut_at_paragraph("one two\nthree four", 12);
        assert_eq!((cut, out), ("one two", 11));
        let (cut, out) = cut_at_paragraph("abcdef", 3);
        assert_eq!((cut, out), ("abc", 3));
    }

    #[test]
    fn body_is_the_text_after_its_headline() {
        let got = import(
            Some("a.txt"),
            b"Storm hits coast\n\nThe storm hit.\n\nMore.",
        )
        .unwrap();
        assert_eq!(got.body, "The storm hit.\n\nMore.");
        let got = import(Some("a.txt"), b"Only one line.").unwrap();
        assert_eq!(got.body, "Only one line.");
    }

    #[test]
    fn messages() {
        let rows = [
            (ImportError::Binary, "This file looks binary (an image, PDF or Word file?); Parallax reads plain text, Markdown or HTML."),
            (ImportError::TooLarge { bytes: 1_234_567, limit: MAX_IMPORT_BYTES }, "This file is 1,235 KB; Parallax imports files of up to 400 KB. Paste just the article's text instead."),
            (ImportError::TooLong { chars: 123_456, limit: MAX_ARTICLE_CHARS }, "This article has 123,456 characters; Parallax reads articles of up to 100,000 characters. Import a shorter piece, or just the part you need."),
            (ImportError::Empty, "There is no text to read: the file or paste is empty."),
        ];
        for (e, want) in rows {
            assert_eq!(e.to_string(), want);
        }
        assert!(ImportError::NotUtf8.to_string().contains("UTF-8"));
    }

    #[track_caller]
    fn check_html(name: &str, html: &str, want_text: &str, want_title: Option<&str>) {
        let (text, title) = html_to_text(html);
        assert!(
            text == want_text && title.as_deref() == want_title,
            "case {name}\n  expected {want_title:?}\n{want_text}\n  got      {title:?}\n{text}"
        );
    }

    #[test]
    fn html_table() {
        check_html(
            "document",
            "<!DOCTYPE html>\n<html><head><title>Storm | Daily</title>\n<meta charset=utf-8>\
             <style>p { color: red }</style><script>var x = '<p>no</p>';</script></head>\n\
             <body><nav>Home</nav><article><h1>Storm  hits\n coast</h1>\
             <p>The storm hit <b>hard</b> on Monday.</p><!-- ad --><p>More   text\n here.</p>\
             </article></body></html>",
            "Home\n\nStorm hits coast\n\nThe storm hit hard on Monday.\n\nMore text here.",
            Some("Storm hits coast"),
        );
        check_html(
            "title when there is no h1",
            "<title>Storm hits coast</title><p>Body text.</p>",
            "Storm hits coast\n\nBody text.",
            Some("Storm hits coast"),
        );
        check_html(
            "entities",
            "<p>AT&amp;T &lt;b&gt; &quot;q&quot; &#8220;c&#x201D; &eacute;t&eacute; a&nbsp;b \
             &hellip; &mdash; &ndash; &copy; &rsquo; &bogus; & alone &#146; &#0; &#x110000; \
             &amp &lt3</p>",
            "AT&T <b> \"q\" “c” été a\u{a0}b … — – © ’ &bogus; & alone ’ \u{fffd} \u{fffd} & <3",
            None,
        );
        check_html(
            "br and lists",
            "<p>one<br>two<br/>three</p><ul><li>a</li><li>b</li></ul>",
            "one\n\ntwo\n\nthree\n\na\n\nb",
            None,
        );
        check_html(
            "table cells",
            "<table><tr><td>1</td><td>2</td></tr><tr><th>x</th><td>y</td></tr></table>",
            "1 2\n\nx y",
            None,
        );
        check_html(
            "less-than in text",
            "<p>if a < b and 3<4 or x<=y then</p>",
            "if a < b and 3<4 or x<=y then",
            None,
        );
        check_html(
            "quoted attribute holding >",
            "<p title=\"a > b\" data-x='1>2'>Kept</p><a href=\"/x?a>b\">link</a>",
            "Kept\n\nlink",
            None,
        );
        check_html(
            "unclosed tags keep their text",
            "<p>one<p>two<div>three",
            "one\n\ntwo\n\nthree",
            None,
        );
        check_html(
            "tag never closed is text",
            "<p>before</p><a href=\"x",
            "before\n\n<a href=\"x",
            None,
        );
        check_html(
            "unclosed comment is text",
            "<p>a</p><!-- b <p>c</p>",
            "a\n\n<!-- b\n\nc",
            None,
        );
        check_html(
            "unclosed script is text",
            "<p>a</p><script>b",
            "a\n\nb",
            None,
        );
        check_html(
            "dropped elements",
            "<p>a<svg><title>icon</title><svg><text>n</text></svg>s</svg>b</p>\
             <template><p>t</p></template><noscript>Enable JS</noscript>\
             <select><option>o</option></select><textarea>ta</textarea><iframe>if</iframe>c",
            "ab\n\nc",
            None,
        );
        check_html(
            "script end tag in a string",
            "<script>document.write('</scr' + 'ipt>');</script>ok",
            "ok",
            None,
        );
        check_html(
            "pre keeps lines",
            "<pre>line 1\nline 2</pre>",
            "line 1\n\nline 2",
            None,
        );
        check_html(
            "no-break spaces are not collapsed",
            "<p>a&nbsp;&nbsp;b\u{a0}\u{a0}c</p><p>&nbsp;</p>",
            "a\u{a0}\u{a0}b\u{a0}\u{a0}c",
            None,
        );
        check_html(
            "case and odd tags",
            "<P CLASS=x>Up</P><SCRIPT>x</SCRIPT><Br>down<?php echo 1 ?><!x>",
            "Up\n\ndown",
            None,
        );
        check_html("empty", "", "", None);
        check_html("only lt", "<", "<", None);
    }

    #[track_caller]
    fn check_md(name: &str, md: &str, want: &str) {
        let got = markdown_to_text(md);
        assert!(got == want, "case {name}\n  expected\n{want}\n  got\n{got}");
    }

    #[test]
    fn markdown_table() {
        check_md(
            "headings and paragraphs",
            "# Storm hits coast #\n\nThe storm\nhit hard.\n\n## More\nText",
            "Storm hits coast\n\nThe storm hit hard.\n\nMore\n\nText",
        );
        check_md(
            "emphasis",
            "Some *very* **bold** and _under_ __lines__, ~~gone~~, snake_case_name, a * b",
            "Some very bold and under lines, gone, snake_case_name, a * b",
        );
        check_md(
            "links and images",
            "See [the report](https://x.org/a_(b)) and ![a chart](c.png \"t\"), [ref][1], \
             <https://x.org>, [not a link] (x).\n\n[1]: https://x.org",
            "See the report and a chart, ref, https://x.org, [not a link] (x).",
        );
        check_md(
            "code",
            "Use `a*b*c` here.\n\n```rust\nfn main() {\n    *x = 1;\n}\n```\n\n    indented *code*",
            "Use a*b*c here.\n\nfn main() {\n    *x = 1;\n}\n\nindented *code*",
        );
        check_md(
            "lists and quotes",
            "- one\n- two\n  continued\n3. three\n* [x] done\n\n> quoted *line*\n> more\n>\n> # inside",
            "one\n\ntwo continued\n\nthree\n\ndone\n\nquoted line more\n\ninside",
        );
        check_md(
            "rules and setext",
            "Title\n=====\n\n---\n\nSub\n---\ntext",
            "Title\n\nSub\n\ntext",
        );
        check_md(
            "raw HTML stays visible",
            "Hello <b>world</b> <script>alert(1)</script>\n\n<div>\nblock\n</div>",
            "Hello <b>world</b> <script>alert(1)</script>\n\n<div> block </div>",
        );
        check_md(
            "escapes",
            "\\*not emphasis\\* and \\# and \\\\",
            "*not emphasis* and # and \\",
        );
        check_md("unclosed fence", "```\ncode *x*", "code *x*");
        // Found by the `import_markdown` fuzz target ("```\n\n)" gave "\n)"): blank lines at
        // the edges of a code block made an empty first line or an extra blank line, so the
        // text was not the one plain-text import reads back.
        check_md("code block starting blank", "```\n\n)", ")");
        check_md(
            "blank code lines at the edges",
            "a\n```\n\n  b\n\n```\nc",
            "a\n\n  b\n\nc",
        );
        check_md("blank unclosed fence", "a\n\n```\n  \n", "a");
    }

    #[test]
    fn markdown_title() {
        let got = import(Some("a.md"), b"\n## *Storm* hits [coast](x)\n\nBody.").unwrap();
        assert_eq!(got.title, "Storm hits coast");
        assert_eq!(got.text, "Storm hits coast\n\nBody.");
        let doc = crate::Document::new("a", got.text);
        assert_eq!(doc.title, "Storm hits coast");
        assert!(doc.has_headline);
    }

    #[test]
    fn html_import_reads_as_a_document() {
        let html = "<html><head><title>Site</title></head><body><h1>Flood warning issued \
                    for river towns</h1><p>June 14, 2024</p><p>The river rose two metres \
                    overnight, officials said on Friday.</p></body></html>";
        let got = import(Some("flood.html"), html.as_bytes()).unwrap();
        assert_eq!(got.title, "Flood warning issued for river towns");
        let doc = crate::Document::new("flood", got.text);
        assert_eq!(doc.title, "Flood warning issued for river towns");
        assert_eq!(
            doc.first_sentence,
            "The river rose two metres overnight, officials said on Friday."
        );
    }

    fn vectors() -> Vec<&'static str> {
        XSS.lines().filter(|l| !l.trim().is_empty()).collect()
    }

    #[test]
    fn xss_fixture_has_enough_vectors() {
        let v = vectors();
        assert!(v.len() >= 25, "{} vectors", v.len());
        assert!(
            v.iter().all(|l| !l.contains("alert(")),
            "markers, not alerts"
        );
    }

    #[test]
    fn xss_vectors_in_text_stay_verbatim() {
        for file in [Some("vectors.txt"), None] {
            let got = import(file, XSS.as_bytes()).unwrap();
            assert_eq!(got.format, Format::Text);
            for v in vectors() {
                assert!(got.text.contains(v), "{file:?}: lost {v:?}");
            }
        }
    }

    #[test]
    fn xss_vectors_in_markdown_stay_visible() {
        let got = import(Some("vectors.md"), XSS.as_bytes()).unwrap();
        for v in vectors() {
            assert!(got.text.contains(v), "lost {v:?} in\n{}", got.text);
        }
    }

    /// True when `text` holds something an HTML parser would take for markup.
    fn has_markup(text: &str) -> bool {
        let b = text.as_bytes();
        b.windows(2).any(|w| {
            w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?'))
        })
    }

    #[test]
    fn xss_vectors_in_html_give_plain_text() {
        let got = import(Some("vectors.html"), XSS.as_bytes()).unwrap();
        assert_eq!(got.format, Format::Html);
        assert!(!has_markup(&got.text), "markup left in:\n{}", got.text);
        assert!(!has_markup(&got.title));
        // Each vector alone, too (so that one cannot hide another).
        for v in vectors() {
            if let Ok(i) = import(Some("v.html"), v.as_bytes()) {
                assert!(!has_markup(&i.text), "{v:?} gave {:?}", i.text);
            }
        }
        // Wrapped in a page.
        let page =
            format!("<!doctype html><html><body><p>Intro.</p>{XSS}<p>End.</p></body></html>");
        let got = import(None, page.as_bytes()).unwrap();
        assert!(!has_markup(&got.text), "{}", got.text);
        assert!(got.text.starts_with("Intro."), "{}", got.text);
    }

    #[test]
    fn crafted_input_stays_linear() {
        // Each of these is near the size limit; a quadratic tokenizer would take minutes.
        let rows: Vec<(&str, String)> = vec![
            ("unclosed comments", "<!--".repeat(90_000)),
            ("unclosed scripts", "<script>".repeat(45_000)),
            ("unclosed svgs", "<svg>".repeat(70_000)),
            ("unclosed tags", "<a ".repeat(120_000)),
            ("open quotes", format!("{}>", "<a x=\"".repeat(60_000))),
            ("one long tag", format!("{}>", "<a".repeat(150_000))),
            ("declarations", "<!x".repeat(120_000)),
        ];
        for (name, html) in rows {
            assert!(html.len() <= MAX_IMPORT_BYTES, "{name}");
            let _ = import(Some("x.html"), html.as_bytes());
            let _ = import(Some("x.md"), html.as_bytes());
        }
        let md_rows: Vec<(&str, String)> = vec![
            ("brackets", "[".repeat(300_000)),
            ("link texts", format!("{}]", "[a".repeat(150_000))),
            ("backticks", (1..800).map(|n| "`".repeat(n) + " ").collect()),
            ("emphasis", "*a _b ".repeat(60_000)),
            ("angles", format!("{}>", "<a".repeat(150_000))),
            ("destinations", "[a](".repeat(90_000)),
        ];
        for (name, md) in md_rows {
            assert!(md.len() <= MAX_IMPORT_BYTES, "{name}");
            let _ = import(Some("x.md"), md.as_bytes());
        }
    }

    #[test]
    fn unterminated_quote_recovers_at_the_next_gt() {
        // A quote closed later swallows what lies between, as in browsers.
        check_html(
            "quote closed by a later one",
            "<p>one</p><a href=\"x>two</a><p title=\"a > b\">three</p>",
            "one\n\nb\">three",
            None,
        );
        // A quote never closed: the tag ends at the next `>` and the text is kept.
        check_html(
            "quote never closed",
            "<p>one</p><a href=\"x>two</a><p>three</p>",
            "one\n\ntwo\n\nthree",
            None,
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}", ext in prop::sample::select(vec!["a.txt", "a.md", "a.html", "a"])) {
            if let Ok(i) = import(Some(ext), s.as_bytes()) {
                prop_assert!(!i.text.contains('\r'));
                prop_assert!(!i.text.trim().is_empty());
                prop_assert!(i.title.chars().count() <= TITLE_MAX_CHARS + 1);
            }
            let _ = import(None, s.as_bytes());
        }

        #[test]
        fn markup_soup_never_panics(s in "([<>/!\\-a-z\"'= &#;x0-9]|script|<p>|</p>|<!--|-->|&amp;){0,60}") {
            let (text, _) = html_to_text(&s);
            prop_assert!(!text.contains("\n\n\n"));
            let _ = markdown_to_text(&s);
            let _ = import(Some("x.html"), s.as_bytes());
        }

        #[test]
        fn plain_text_is_kept(s in "[^\r\u{0}-\u{8}\u{b}\u{e}-\u{1f}\u{7f}\u{feff}]{1,200}") {
            prop_assume!(!s.trim().is_empty());
            let got = import(Some("a.txt"), s.as_bytes());
            prop_assume!(got.is_ok());
            prop_assert_eq!(got.unwrap().text, trim_blank_lines(&s));
        }
    }
}
