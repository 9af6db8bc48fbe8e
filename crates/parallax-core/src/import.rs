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
//! Limits: a file or paste of at most [`MAX_IMPORT_BYTES`] (400 KB), giving an article of at
//! most [`MAX_ARTICLE_CHARS`] (100,000) characters.

use crate::document::shorten;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest file or paste accepted: 400,000 bytes (about 400 KB).
pub const MAX_IMPORT_BYTES: usize = 400_000;

/// Longest article accepted, in characters (code points) after conversion: 100,000, about
/// 15,000 words.
pub const MAX_ARTICLE_CHARS: usize = 100_000;

/// How many characters of the first line make the title.
const TITLE_MAX_CHARS: usize = 120;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The headline: the document's `<h1>` or `<title>` (HTML) or its first non-empty line,
    /// shortened to about 120 characters.
    pub title: String,
    /// The article as plain text, paragraphs separated by blank lines.
    pub text: String,
    /// How the input was read.
    pub format: Format,
}

/// Why an import was refused. `Display` gives a sentence for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but whitespace (or, for HTML, no text outside the markup).
    Empty,
    /// More than [`MAX_IMPORT_BYTES`].
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

/// Elements that start a new paragraph (block elements), as start or end tags.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements dropped with everything they hold.
const DROPPED: &[&str] = &["template", "svg", "select"];

/// Elements whose content is raw text up to their end tag, dropped (`title` is kept apart).
const RAW_DROPPED: &[&str] = &[
    "script", "style", "noscript", "iframe", "noembed", "noframes", "textarea",
];

fn looks_like_html(content: &str) -> bool {
    let t = content.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if ["<!doctype", "<html", "<head", "<body"]
        .iter()
        .any(|p| head.starts_with(p))
    {
        return true;
    }
    // A fragment copied from a page's source: opens with a block element and closes some.
    let Some((Markup::Start { name, .. }, _)) = Scanner::new(t).markup_at(0) else {
        return false;
    };
    if !BLOCKS.contains(&name.as_str()) || name == "br" || name == "hr" {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let closed = BLOCKS
        .iter()
        .map(|b| lower.matches(&format!("</{b}>")).count())
        .sum::<usize>();
    closed >= 2
}

/// Reads a file (`file_name` given) or a paste (`None`) as an article: checks it, picks its
/// [`Format`] with [`format_of`] and turns it into plain text (see the module docs).
pub fn import(file_name: Option<&str>, bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // UTF-16, which Windows editors write as "Unicode".
        return Err(ImportError::NotUtf8);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
        .count();
    if controls * 100 > text.chars().count() {
        return Err(ImportError::Binary);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let format = format_of(file_name, &text);
    let (text, title) = match format {
        Format::Text => (trim_blank_lines(&text).to_string(), None),
        Format::Markdown => (markdown_to_text(&text), None),
        Format::Html => html_to_text(&text),
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_ARTICLE_CHARS {
        return Err(ImportError::TooLong {
            chars,
            limit: MAX_ARTICLE_CHARS,
        });
    }
    let title = title.unwrap_or_else(|| {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_string()
    });
    Ok(Imported {
        title: shorten(&title, TITLE_MAX_CHARS),
        text,
        format,
    })
}

/// `s` without its leading blank lines and trailing whitespace (the first line keeps its
/// indentation).
fn trim_blank_lines(s: &str) -> &str {
    let first = s.find(|c: char| !c.is_whitespace()).unwrap_or(s.len());
    let line_start = s[..first].rfind('\n').map_or(0, |i| i + 1);
    s[line_start..].trim_end()
}

// ---------------------------------------------------------------------------------------
// HTML

/// A piece of markup found at a `<`.
#[derive(Debug, PartialEq)]
enum Markup {
    /// `<!-- ... -->`, `<!DOCTYPE ...>`, `<? ... >`: dropped.
    Ignored,
    /// A start tag, its name in lower case.
    Start { name: String, self_closing: bool },
    /// An end tag, its name in lower case.
    End { name: String },
}

/// Finds markup in an HTML text, remembering the searches that failed so that no stretch of
/// the input is searched twice in vain: crafted input with thousands of unclosed `<!--`,
/// `<script>`, `<svg>` or quotes is still read in linear time.
struct Scanner<'a> {
    s: &'a str,
    /// Byte of the last `>`: markup starting after it can never close.
    last_gt: Option<usize>,
    /// No `-->` follows this byte.
    no_comment_end_from: usize,
    /// Raw-text elements whose end tag was looked for in vain from this byte on.
    no_raw_end_from: Vec<(String, usize)>,
    /// Dropped elements once found unclosed: later ones lose only their tag.
    unclosed: Vec<String>,
    /// Set once a tag ran to the end of the input inside a quoted value: from then on quotes
    /// no longer hide `>` (as if every later quoted value were unquoted).
    quotes_broken: bool,
}

impl<'a> Scanner<'a> {
    fn new(s: &'a str) -> Self {
        Scanner {
            s,
            last_gt: s.rfind('>'),
            no_comment_end_from: usize::MAX,
            no_raw_end_from: Vec::new(),
            unclosed: Vec::new(),
            quotes_broken: false,
        }
    }

    /// The markup starting at byte `i` (where the text has `<`) and the byte just after it,
    /// or `None` when that `<` does not start markup and is text. A `<` followed by a letter
    /// opens a tag, as in browsers; one that no `>` closes is text.
    fn markup_at(&mut self, i: usize) -> Option<(Markup, usize)> {
        let s = self.s;
        let b = s.as_bytes();
        if b.get(i) != Some(&b'<') {
            return None;
        }
        let rest = &s[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            if after.starts_with('>') {
                return Some((Markup::Ignored, i + 5));
            }
            if after.starts_with("->") {
                return Some((Markup::Ignored, i + 6));
            }
            if i >= self.no_comment_end_from {
                return None;
            }
            let Some(end) = after.find("-->") else {
                self.no_comment_end_from = i;
                return None;
            };
            return Some((Markup::Ignored, i + 4 + end + 3));
        }
        if self.last_gt.is_none_or(|g| g < i) {
            return None;
        }
        let next = *b.get(i + 1)?;
        if next == b'!' || next == b'?' {
            let end = rest.find('>')?;
            return Some((Markup::Ignored, i + end + 1));
        }
        let (start, is_end) = match next {
            b'/' if b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => (i + 2, true),
            c if c.is_ascii_alphabetic() => (i + 1, false),
            _ => return None,
        };
        match self.tag(start, is_end) {
            Some(found) => Some(found),
            None if !self.quotes_broken => {
                // A quoted value ran to the end: read this and later tags without quotes.
                self.quotes_broken = true;
                self.tag(start, is_end)
            }
            None => None,
        }
    }

    /// A start or end tag whose name starts at byte `start`.
    fn tag(&self, start: usize, is_end: bool) -> Option<(Markup, usize)> {
        let s = self.s;
        let b = s.as_bytes();
        let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r');
        let mut j = start;
        while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        let name = s[start..j].to_ascii_lowercase();
        // Attributes: names, and values bare or quoted (a quoted value may hold `>`).
        let mut last_slash = false;
        loop {
            while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
                last_slash = b[j] == b'/';
                j += 1;
            }
            if *b.get(j)? == b'>' {
                let m = if is_end {
                    Markup::End { name }
                } else {
                    Markup::Start {
                        name,
                        self_closing: last_slash,
                    }
                };
                return Some((m, j + 1));
            }
            last_slash = false;
            // The name (its first character may be `=`).
            j += 1;
            while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            if b.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) if !self.quotes_broken => {
                    let close = s[j + 1..].find(q as char)?;
                    j = j + 1 + close + 1;
                }
                Some(&q @ (b'"' | b'\'')) => {
                    j += 1;
                    while j < b.len() && b[j] != q && b[j] != b'>' {
                        j += 1;
                    }
                    if b.get(j) == Some(&q) {
                        j += 1;
                    }
                }
                _ => {
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
        }
    }

    /// Where the raw text of a `name` element that starts at byte `from` ends: (start of its
    /// end tag, byte after it), if it has one.
    fn raw_end(&mut self, from: usize, name: &str) -> Option<(usize, usize)> {
        if self
            .no_raw_end_from
            .iter()
            .any(|(n, at)| n == name && from >= *at)
        {
            return None;
        }
        let s = self.s;
        let b = s.as_bytes();
        for (k, _) in s[from..].match_indices("</") {
            let tag = from + k;
            let after = tag + 2 + name.len();
            let same = b
                .get(tag + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            if same
                && matches!(
                    b.get(after),
                    Some(b'>' | b' ' | b'\t' | b'\n' | b'\x0c' | b'\r' | b'/') | None
                )
            {
                let close = s[after..].find('>').map_or(s.len(), |e| after + e + 1);
                return Some((tag, close));
            }
        }
        self.no_raw_end_from.push((name.to_string(), from));
        None
    }

    /// Where a dropped element `name` that starts at byte `from` ends (after its matching end
    /// tag, nested ones counted), if it is closed.
    fn element_end(&mut self, from: usize, name: &str) -> Option<usize> {
        if self.unclosed.iter().any(|n| n == name) {
            return None;
        }
        let mut depth = 1usize;
        let mut i = from;
        while let Some(k) = self.s[i..].find('<') {
            let at = i + k;
            match self.markup_at(at) {
                Some((
                    Markup::Start {
                        name: n,
                        self_closing,
                    },
                    e,
                )) => {
                    if n == name && !self_closing {
                        depth += 1;
                    }
                    i = e;
                }
                Some((Markup::End { name: n }, e)) => {
                    if n == name {
                        depth -= 1;
                        if depth == 0 {
                            return Some(e);
                        }
                    }
                    i = e;
                }
                Some((Markup::Ignored, e)) => i = e,
                None => i = at + 1,
            }
        }
        self.unclosed.push(name.to_string());
        None
    }
}

/// Paragraphs being collected.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }
    fn end(&mut self) {
        let p = collapse(&self.current);
        if !p.is_empty() {
            self.done.push(p);
        }
        self.current.clear();
    }
}

/// HTML's whitespace collapsed (ASCII whitespace only: a no-break space stays), the ends
/// trimmed of any whitespace.
fn collapse(s: &str) -> String {
    let joined = s
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    joined.trim().to_string()
}

/// The text of an HTML document and its title (the first `<h1>`, else the `<title>`).
fn html_to_text(src: &str) -> (String, Option<String>) {
    let mut scan = Scanner::new(src);
    let mut paras = Paragraphs::default();
    let mut title_tag: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut in_h1: Option<String> = None;
    let mut pre = 0usize;
    let mut text_from = 0;
    let mut i = 0;

    /// Text between tags: decoded, added to the paragraph (and the headline being read).
    fn emit(raw: &str, pre: usize, paras: &mut Paragraphs, in_h1: &mut Option<String>) {
        if raw.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        if let Some(h) = in_h1.as_mut() {
            h.push_str(&text);
            h.push(' ');
        }
        if pre > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                paras.push(first);
            }
            for l in lines {
                paras.end();
                paras.push(l);
            }
        } else {
            paras.push(&text);
        }
    }

    while let Some(k) = src[i..].find('<') {
        let at = i + k;
        let Some((markup, end)) = scan.markup_at(at) else {
            i = at + 1;
            continue;
        };
        emit(&src[text_from..at], pre, &mut paras, &mut in_h1);
        i = end;
        match markup {
            Markup::Ignored => {}
            Markup::Start { name, self_closing } => {
                // `<div/>` counts as a start tag, as in browsers: `<script/>` opens a script.
                if name == "title" {
                    if let Some((close, after)) = scan.raw_end(end, "title") {
                        let t = collapse(&decode_entities(&src[end..close]));
                        if title_tag.is_none() && !t.is_empty() {
                            title_tag = Some(t);
                        }
                        i = after;
                    }
                } else if RAW_DROPPED.contains(&name.as_str()) {
                    if let Some((_, after)) = scan.raw_end(end, &name) {
                        i = after;
                    }
                } else if DROPPED.contains(&name.as_str()) && !self_closing {
                    if let Some(after) = scan.element_end(end, &name) {
                        i = after;
                    }
                } else if BLOCKS.contains(&name.as_str()) {
                    paras.end();
                    if name == "pre" {
                        pre += 1;
                    }
                    if name == "h1" && h1.is_none() && in_h1.is_none() {
                        in_h1 = Some(String::new());
                    }
                } else if matches!(name.as_str(), "td" | "th") {
                    paras.push(" ");
                }
            }
            Markup::End { name } => {
                if BLOCKS.contains(&name.as_str()) {
                    paras.end();
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if name == "h1" {
                        if let Some(h) = in_h1.take() {
                            let h = collapse(&h);
                            if !h.is_empty() {
                                h1 = Some(h);
                            }
                        }
                    }
                } else if matches!(name.as_str(), "td" | "th") {
                    paras.push(" ");
                }
            }
        }
        text_from = i;
    }
    emit(&src[text_from..], pre, &mut paras, &mut in_h1);
    paras.end();

    let mut done = paras.done;
    let title = match (h1, title_tag) {
        (Some(h), _) => Some(h),
        (None, Some(t)) => {
            // The page has no headline of its own: the title opens the text.
            if done.first() != Some(&t) {
                done.insert(0, t.clone());
            }
            Some(t)
        }
        (None, None) => None,
    };
    (done.join("\n\n"), title)
}

/// Named character references Parallax decodes: the common punctuation and symbols and the
/// Latin-1 letters.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
    ("Prime", '″'),
    ("bull", '•'),
    ("middot", '·'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("sect", '§'),
    ("cent", '¢'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("not", '¬'),
    ("macr", '¯'),
    ("acute", '´'),
    ("cedil", '¸'),
    ("uml", '¨'),
    ("brvbar", '¦'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
];

/// Named references that browsers also accept without their semicolon (none is a prefix of
/// another).
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// What a numeric character reference stands for, as browsers read it: code points 0x80 to
/// 0x9F as Windows-1252 (old pages write `&#146;` for an apostrophe), nothing valid as U+FFFD.
fn numeric_char(n: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ];
    let n = match n {
        0x80..=0x9F => CP1252[(n - 0x80) as usize],
        0x09 | 0x0A | 0x0C | 0x0D => n,
        0..=0x1F | 0x7F => 0xFFFD,
        n => n,
    };
    char::from_u32(n).unwrap_or('\u{fffd}')
}

/// `s` with its character references decoded; anything that is not a reference Parallax
/// knows stays as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        let (decoded, used) = reference(after);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for (`s` follows the `&`) and the bytes it used.
fn reference(s: &str) -> (Option<char>, usize) {
    let b = s.as_bytes();
    if let Some(num) = s.strip_prefix('#') {
        let (hex, digits) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (true, &num[1..]),
            _ => (false, num),
        };
        let len = digits
            .bytes()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return (None, 0);
        }
        let radix = if hex { 16 } else { 10 };
        let value = digits[..len].chars().fold(0u32, |acc, c| {
            acc.saturating_mul(radix)
                .saturating_add(c.to_digit(radix).unwrap_or(0))
                .min(0x11_0000)
        });
        let mut used = 1 + usize::from(hex) + len;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return (Some(numeric_char(value)), used);
    }
    let len = b
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = &s[..len];
    if len > 0 && b.get(len) == Some(&b';') {
        if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
            return (Some(c), len + 1);
        }
    }
    // As browsers do in text: "&amp" and "&lt3" without their semicolon.
    for legacy in LEGACY {
        if name.starts_with(legacy) {
            if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| n == legacy) {
                return (Some(c), legacy.len());
            }
        }
    }
    (None, 0)
}

// ---------------------------------------------------------------------------------------
// Markdown

/// The text of a Markdown document: paragraphs (their lines joined), headings, list items and
/// quotes each a paragraph; code blocks kept line by line.
fn markdown_to_text(md: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut code: Vec<&str> = Vec::new();

    fn flush(current: &mut Vec<&str>, paras: &mut Vec<String>) {
        if !current.is_empty() {
            let joined = current.join(" ");
            let text = inline(&joined);
            if !text.trim().is_empty() {
                paras.push(text.trim().to_string());
            }
            current.clear();
        }
    }

    for line in md.lines() {
        if let Some((fc, n)) = fence {
            let t = line.trim();
            if t.len() >= n && t.chars().all(|c| c == fc) {
                fence = None;
                push_code(&mut code, &mut paras);
            } else {
                code.push(line);
            }
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim();
        if t.is_empty() {
            flush(&mut current, &mut paras);
            continue;
        }
        if indent <= 3 {
            if let Some(f) = fence_open(t) {
                flush(&mut current, &mut paras);
                fence = Some(f);
                continue;
            }
            if is_rule(t) || (!current.is_empty() && is_setext_underline(t)) {
                flush(&mut current, &mut paras);
                continue;
            }
            if is_reference_definition(t) {
                continue;
            }
        }
        // Block quote markers, then what the quoted line is.
        let mut t = t;
        let mut quoted = false;
        if indent <= 3 {
            while let Some(r) = t.strip_prefix('>') {
                t = r.trim_start();
                quoted = true;
            }
        }
        if quoted && t.is_empty() {
            flush(&mut current, &mut paras);
            continue;
        }
        if indent <= 3 || quoted {
            if let Some(h) = heading(t) {
                flush(&mut current, &mut paras);
                current.push(h);
                flush(&mut current, &mut paras);
                continue;
            }
            if let Some(item) = list_item(t) {
                flush(&mut current, &mut paras);
                current.push(item);
                continue;
            }
        }
        if indent >= 4 && current.is_empty() && !quoted {
            // An indented code block line: kept as written.
            paras.push(line[4.min(indent)..].trim_end().to_string());
            continue;
        }
        // A backslash ending a line is a hard line break (unless itself escaped).
        let slashes = t.len() - t.trim_end_matches('\\').len();
        let t = if slashes % 2 == 1 {
            &t[..t.len() - 1]
        } else {
            t
        };
        current.push(t.trim_end());
    }
    flush(&mut current, &mut paras);
    // An unclosed fence: its lines are still text.
    push_code(&mut code, &mut paras);
    paras.join("\n\n")
}

/// A fenced code block's lines as one paragraph, kept line by line without the blank lines
/// at its start and end (which would read as an empty paragraph); nothing when it is blank.
fn push_code(code: &mut Vec<&str>, paras: &mut Vec<String>) {
    let block = code.join("\n");
    if !block.trim().is_empty() {
        paras.push(trim_blank_lines(&block).to_string());
    }
    code.clear();
}

/// A code fence's character and length, if `t` opens one.
fn fence_open(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|&x| x == c).count();
    let info = &t[n..];
    (n >= 3 && !(c == '`' && info.contains('`'))).then_some((c, n))
}

/// `***`, `---`, `___` (spaces allowed between).
fn is_rule(t: &str) -> bool {
    let marks: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['*', '-', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

fn is_setext_underline(t: &str) -> bool {
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// `[label]: destination`.
fn is_reference_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:")
            .is_some_and(|k| k > 1 && !t[1..k].contains(']') && !t[k + 2..].trim().is_empty())
}

/// The text of an ATX heading (`## Text ##`).
fn heading(t: &str) -> Option<&str> {
    let n = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&n) {
        return None;
    }
    let rest = &t[n..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // A closing run of #s, when separated by a space.
    let body = rest.trim_end_matches('#');
    let rest = if body.is_empty() || body.ends_with([' ', '\t']) {
        body.trim_end()
    } else {
        rest
    };
    Some(rest)
}

/// The text of a list item (`- text`, `* text`, `+ text`, `1. text`, `1) text`, with a task
/// box `[ ]` or `[x]` dropped).
fn list_item(t: &str) -> Option<&str> {
    let rest = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        t[digits..].strip_prefix(['.', ')'])?
    };
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .unwrap_or(rest);
    Some(rest)
}

/// A piece of a paragraph on the way to plain text.
enum Piece {
    Text(String),
    /// A run of `*`, `_` or `~`.
    Delim {
        c: char,
        len: usize,
        open: bool,
        close: bool,
    },
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Longest autolink read, in characters.
const MAX_AUTOLINK: usize = 2000;
/// How many pieces back a closing emphasis mark looks for its opener.
const LOOK_BACK: usize = 256;
/// How deep links inside link texts are read.
const MAX_NESTING: usize = 4;

/// Inline Markdown to text: emphasis marks, links, images, code spans and backslash escapes.
fn inline(s: &str) -> String {
    inline_at(s, 0)
}

fn inline_at(s: &str, depth: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    // Found once for the whole paragraph, so that crafted input stays linear.
    let brackets = matching(&chars, '[', ']');
    let parens = matching(&chars, '(', ')');
    let ticks = Ticks::new(&chars);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let flush = |text: &mut String, pieces: &mut Vec<Piece>| {
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(text)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                text.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let n = chars[i..].iter().take_while(|&&x| x == '`').count();
                match ticks.closer(i) {
                    Some(end) => {
                        let inner: String = chars[i + n..end].iter().collect();
                        let inner = if inner.len() > 1
                            && inner.starts_with(' ')
                            && inner.ends_with(' ')
                            && !inner.trim().is_empty()
                        {
                            inner[1..inner.len() - 1].to_string()
                        } else {
                            inner
                        };
                        text.push_str(&inner);
                        i = end + n;
                    }
                    None => {
                        text.extend(&chars[i..i + n]);
                        i += n;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                match link(&chars, i + 1, &brackets, &parens) {
                    Some((label, end)) => {
                        if depth < MAX_NESTING {
                            text.push_str(&inline_at(&label, depth + 1));
                        } else {
                            text.push_str(&label);
                        }
                        i = end;
                    }
                    None => {
                        text.push('!');
                        i += 1;
                    }
                }
            }
            '[' => match link(&chars, i, &brackets, &parens) {
                Some((label, end)) => {
                    if depth < MAX_NESTING {
                        text.push_str(&inline_at(&label, depth + 1));
                    } else {
                        text.push_str(&label);
                    }
                    i = end;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            '<' => match autolink(&chars, i) {
                Some((url, end)) => {
                    text.push_str(&url);
                    i = end;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let n = chars[i..].iter().take_while(|&&x| x == c).count();
                let prev = if i == 0 { ' ' } else { chars[i - 1] };
                let next = chars.get(i + n).copied().unwrap_or(' ');
                let left = !next.is_whitespace()
                    && (!is_punct(next) || prev.is_whitespace() || is_punct(prev));
                let right = !prev.is_whitespace()
                    && (!is_punct(prev) || next.is_whitespace() || is_punct(next));
                let (open, close) = if c == '_' {
                    (
                        left && (!right || is_punct(prev)),
                        right && (!left || is_punct(next)),
                    )
                } else {
                    (left, right)
                };
                flush(&mut text, &mut pieces);
                pieces.push(Piece::Delim {
                    c,
                    len: n,
                    open,
                    close,
                });
                i += n;
            }
            _ => {
                text.push(c);
                i += 1;
            }
        }
    }
    flush(&mut text, &mut pieces);

    // Pair closers with the nearest opener of the same character; paired marks vanish.
    let mut used = vec![0usize; pieces.len()];
    for ci in 0..pieces.len() {
        let Piece::Delim {
            c,
            len,
            close: true,
            ..
        } = pieces[ci]
        else {
            continue;
        };
        let floor = ci.saturating_sub(LOOK_BACK);
        let mut oi = ci;
        while used[ci] < len && oi > floor {
            oi -= 1;
            if let Piece::Delim {
                c: oc,
                len: olen,
                open: true,
                ..
            } = pieces[oi]
            {
                let (left, right) = (olen - used[oi], len - used[ci]);
                if oc != c || left == 0 || (c == '~' && (left < 2 || right < 2)) {
                    continue;
                }
                let take = if left >= 2 && right >= 2 { 2 } else { 1 };
                used[oi] += take;
                used[ci] += take;
                oi = ci; // look again from the closer for what remains of it
            }
        }
    }
    let mut out = String::with_capacity(s.len());
    for (p, u) in pieces.iter().zip(&used) {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Delim { c, len, .. } => out.extend(std::iter::repeat_n(*c, len - u)),
        }
    }
    out
}

/// For each `open` in `chars`, the index of its matching `close` (`u32::MAX` when it has
/// none); backslash-escaped ones are skipped.
fn matching(chars: &[char], open: char, close: char) -> Vec<u32> {
    let mut out = vec![u32::MAX; chars.len()];
    let mut stack = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        if c == open {
            stack.push(i);
        } else if c == close {
            if let Some(o) = stack.pop() {
                out[o] = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        i += 1;
    }
    out
}

/// The backtick runs of a paragraph and, for each, the next run of the same length.
struct Ticks {
    starts: Vec<usize>,
    next_same: Vec<Option<usize>>,
}

impl Ticks {
    fn new(chars: &[char]) -> Self {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '`' {
                let n = chars[i..].iter().take_while(|&&c| c == '`').count();
                runs.push((i, n));
                i += n;
            } else {
                i += 1;
            }
        }
        let mut next_same = vec![None; runs.len()];
        let mut last: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for (k, &(_, n)) in runs.iter().enumerate().rev() {
            next_same[k] = last.get(&n).copied();
            last.insert(n, k);
        }
        Ticks {
            starts: runs.iter().map(|r| r.0).collect(),
            next_same,
        }
    }

    /// Where the code span opened by the run starting at `at` closes (the closing run's
    /// start).
    fn closer(&self, at: usize) -> Option<usize> {
        let k = self.starts.binary_search(&at).ok()?;
        self.next_same[k].map(|c| self.starts[c])
    }
}

/// A link at `[`: `[text](destination)` or `[text][ref]`; its text and where it ends.
fn link(chars: &[char], at: usize, brackets: &[u32], parens: &[u32]) -> Option<(String, usize)> {
    let close = *brackets.get(at)? as usize;
    if close == u32::MAX as usize {
        return None;
    }
    let label: String = chars[at + 1..close].iter().collect();
    let end = match chars.get(close + 1)? {
        '(' => *parens.get(close + 1)? as usize,
        '[' => *brackets.get(close + 1)? as usize,
        _ => return None,
    };
    if end == u32::MAX as usize || chars[close + 2..end].contains(&'[') {
        return None;
    }
    Some((label, end + 1))
}

/// An autolink at `<`: `<https://example.org>` or `<someone@example.org>`.
fn autolink(chars: &[char], at: usize) -> Option<(String, usize)> {
    // Stops at whitespace or `<`, which an autolink cannot hold: the scans never overlap.
    let end = at
        + 1
        + chars[at + 1..]
            .iter()
            .take(MAX_AUTOLINK)
            .position(|&c| c == '>' || c == '<' || c.is_whitespace())?;
    if chars[end] != '>' {
        return None;
    }
    let inner: String = chars[at + 1..end].iter().collect();
    if inner.is_empty() || inner.contains(|c: char| c.is_whitespace() || c == '<') {
        return None;
    }
    let scheme_ok = inner.split_once(':').is_some_and(|(s, _)| {
        (2..=32).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let email_ok = inner.split_once('@').is_some_and(|(u, d)| {
        !u.is_empty()
            && d.contains('.')
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || "@.-_+".contains(c))
    });
    (scheme_ok || email_ok).then_some((inner, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const XSS: &str = include_str!("../../../tests/fixtures/xss-vectors.txt");

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
        check(
            "too long",
            Some("a.txt"),
            &long,
            Err(TooLong {
                chars: long.trim_end().chars().count(),
                limit: MAX_ARTICLE_CHARS,
            }),
        );
        assert_eq!(import(None, b"caf\xe9"), Err(NotUtf8));
        assert_eq!(import(None, b"\xff\xfeH\x00i\x00"), Err(NotUtf8));
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
