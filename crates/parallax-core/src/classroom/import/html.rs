//! The HTML reader: a small tokenizer that keeps the text of a page (see the [module docs](super)).

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

pub(super) fn looks_like_html(content: &str) -> bool {
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
pub(super) fn html_to_text(src: &str) -> (String, Option<String>) {
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
