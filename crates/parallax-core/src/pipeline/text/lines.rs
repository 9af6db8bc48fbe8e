//! Line roles: what each non-blank line of an article is (headline, date line, byline, photo
//! caption or credit, keyword line, list item, site furniture, or body text).
//!
//! Cues are general layout and wording conventions of news pages, never strings of particular
//! articles. The decision for a line is made in two passes:
//! 1. local cues of the line alone (a date, "By ...", "(Photo: ...)", a bullet, an all-caps
//!    hyphenated slug, "Read more", ...);
//! 2. position: the headline is the first headline-like line before any prose; later copies of
//!    it are repeated headlines; the line after a keyword slug is its caption; links after a
//!    "Related articles"-like heading, and the run of titles at the end of the page before such
//!    furniture, are furniture; a long line in the body with no closing punctuation is a caption.

use crate::offsets::Span;
use crate::pipeline::lists::WordSet;
use crate::text::calendar::{self, is_month, is_weekday};
use serde::{Deserialize, Serialize};

/// What a line of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineRole {
    /// The article's headline: the first headline-like line before any prose.
    Headline,
    /// The headline again (same or nearly the same words).
    RepeatedHeadline,
    /// A line that is only a date (and perhaps a time): "June 14, 2024", "Updated: 3 Jan 2022".
    DateLine,
    /// The author line: "By Jane Doe", "Written by ...", "Reporting by ...".
    Byline,
    /// A photo caption: a description of a picture, often ending in a credit.
    Caption,
    /// A photo credit on its own: "(Photo : Jane Roe/AFP via Getty Images)".
    Credit,
    /// An agency keyword slug or tag list: "TOPSHOT-COUNTRY-TOPIC".
    KeywordLine,
    /// A bulleted or numbered list item.
    ListItem,
    /// Site boilerplate: share buttons, newsletters, "Read more", related links, cookies, ads.
    Furniture,
    /// Running text (and anything else).
    Body,
}

impl LineRole {
    /// A short human reason for the role, to show in the reader.
    pub fn reason(&self) -> &'static str {
        match self {
            LineRole::Headline => "headline",
            LineRole::RepeatedHeadline => "repeated headline",
            LineRole::DateLine => "date line",
            LineRole::Byline => "byline",
            LineRole::Caption => "photo caption",
            LineRole::Credit => "photo credit",
            LineRole::KeywordLine => "keyword line",
            LineRole::ListItem => "list item",
            LineRole::Furniture => "site furniture",
            LineRole::Body => "body text",
        }
    }

    /// True for lines that are part of the article's running text (body and list items).
    pub fn is_content(&self) -> bool {
        matches!(self, LineRole::Body | LineRole::ListItem)
    }
}

/// The role of every non-blank line of `text`, in order. Each span is the line trimmed of
/// surrounding whitespace (Unicode whitespace, including U+00A0), in code points.
pub fn line_roles(text: &str) -> Vec<(Span, LineRole)> {
    classified_lines(text)
        .into_iter()
        .map(|(s, _, r)| (s, r))
        .collect()
}

/// Like [`line_roles`], with each line's trimmed text (what its span covers).
pub(crate) fn classified_lines(text: &str) -> Vec<(Span, &str, LineRole)> {
    let lines = trimmed_lines(text);
    // each line's word count, computed once for the cues below
    let mut words: Vec<usize> = Vec::with_capacity(lines.len());
    let mut roles: Vec<LineRole> = lines
        .iter()
        .enumerate()
        .map(|(i, (_, l))| {
            let line = Line::new(l);
            words.push(line.words);
            local_role(&line, i)
        })
        .collect();

    // Headline: the first headline-like line among the leading non-prose lines.
    let mut headline: Option<usize> = None;
    for (i, (_, l)) in lines.iter().enumerate() {
        if roles[i] != LineRole::Body {
            continue;
        }
        if is_headline_like(l) {
            headline = Some(i);
        }
        break;
    }
    if let Some(h) = headline {
        roles[h] = LineRole::Headline;
        let key = word_key(lines[h].1);
        for i in h + 1..lines.len() {
            if matches!(
                roles[i],
                LineRole::Body | LineRole::Caption | LineRole::Byline
            ) && could_be_near_duplicate(key.len(), alnum_word_count(lines[i].1, key.len()))
                && near_duplicate(&key, &word_key(lines[i].1))
            {
                roles[i] = LineRole::RepeatedHeadline;
            }
        }
    }

    // The line right after an agency keyword slug is that picture's caption; a short line of
    // capitalised words right after a byline is the author's affiliation ("City Herald, Leeds").
    for i in 1..lines.len() {
        if roles[i - 1] == LineRole::KeywordLine && roles[i] == LineRole::Body {
            roles[i] = LineRole::Caption;
        }
        let l = lines[i].1;
        if roles[i - 1] == LineRole::Byline
            && roles[i] == LineRole::Body
            && words[i] <= 6
            && !ends_sentence(l)
            && l.split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "and" | "&" | "of")
            })
        {
            roles[i] = LineRole::Byline;
        }
    }

    // After a links heading ("Related articles", "Most read", "Copyright ..."), short lines are
    // links or teasers until real prose comes back.
    let mut in_links = false;
    for i in 0..lines.len() {
        let l = lines[i].1;
        if roles[i] == LineRole::Furniture {
            in_links = in_links || is_links_heading(l);
            continue;
        }
        if in_links {
            if words[i] < 25
                && matches!(
                    roles[i],
                    LineRole::Body | LineRole::ListItem | LineRole::KeywordLine | LineRole::Caption
                )
            {
                roles[i] = LineRole::Furniture;
            } else {
                in_links = false;
            }
        }
    }

    // The run of bare titles at the end of the page, between the last paragraph of prose and a
    // line of furniture, is a list of links.
    let last_prose = (0..lines.len())
        .rev()
        .find(|&i| roles[i] == LineRole::Body && is_prose(lines[i].1));
    if let Some(p) = last_prose {
        if let Some(f) = (p + 1..lines.len()).find(|&i| roles[i] == LineRole::Furniture) {
            for i in p + 1..f {
                if roles[i] == LineRole::Body && !ends_sentence(lines[i].1) && words[i] <= 20 {
                    roles[i] = LineRole::Furniture;
                }
            }
        }
    }

    // A long line inside the article with no closing punctuation is a caption (sub-headings are
    // short; running text ends its sentences).
    let first_prose =
        (0..lines.len()).find(|&i| roles[i] == LineRole::Body && is_prose(lines[i].1));
    if let Some(fp) = first_prose {
        for i in fp + 1..lines.len() {
            let l = lines[i].1;
            if roles[i] == LineRole::Body && words[i] >= 9 && !ends_sentence(l) && !l.ends_with(':')
            {
                roles[i] = LineRole::Caption;
            }
        }
    }

    lines
        .into_iter()
        .zip(roles)
        .map(|((s, l), r)| (s, l, r))
        .collect()
}

/// The paragraphs of `text`: its non-blank lines, trimmed, as code-point spans. The one
/// paragraph rule: [`crate::Document`]'s `paragraphs` and the quote reader's are these.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    trimmed_lines(text).into_iter().map(|(s, _)| s).collect()
}

/// Non-blank lines, trimmed, with their code-point spans.
fn trimmed_lines(text: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut cp = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let n = line.chars().count();
        if !trimmed.is_empty() {
            let lead_bytes = line.len() - line.trim_start().len();
            let lead = line[..lead_bytes].chars().count();
            let len = trimmed.chars().count();
            out.push((Span::new(cp + lead, cp + lead + len), trimmed));
        }
        cp += n;
    }
    out
}

/// A line with what every cue needs of it, computed once: its lower case and word count.
struct Line<'a> {
    text: &'a str,
    lower: String,
    words: usize,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Self {
        Line {
            text,
            lower: crate::text::lowercase(text),
            words: word_count(text),
        }
    }
}

/// The role a line has by its own cues (`Body` when none applies).
fn local_role(line: &Line<'_>, index: usize) -> LineRole {
    if is_date_only(line) {
        return LineRole::DateLine;
    }
    if let Some(r) = credit_or_caption(line) {
        return r;
    }
    if is_keyword_line(line.text) {
        return LineRole::KeywordLine;
    }
    if is_byline(line, index) {
        return LineRole::Byline;
    }
    if is_furniture(line) {
        return LineRole::Furniture;
    }
    if is_list_item(line.text) {
        return LineRole::ListItem;
    }
    LineRole::Body
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Lower-case alphanumeric words: the comparison key for repeated headlines.
fn word_key(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The number of words [`word_key`] gives, without building them, counted only as far as
/// [`could_be_near_duplicate`] with a key of `key` words needs: any count above `key * 10 / 7`
/// fails it as surely as the full count.
fn alnum_word_count(line: &str, key: usize) -> usize {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(key * 10 / 7 + 1)
        .count()
}

/// False when keys of `a` and `b` words cannot be [`near_duplicate`]: every way to be one
/// needs both non-empty and the shorter at least 70% of the longer.
fn could_be_near_duplicate(a: usize, b: usize) -> bool {
    let (short, long) = if a <= b { (a, b) } else { (b, a) };
    short > 0 && short * 10 >= long * 7
}

/// Same words, or nearly: one a prefix of the other (a site name appended), or 80% shared words.
fn near_duplicate(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 3 && long.starts_with(short) && short.len() * 10 >= long.len() * 7 {
        return true;
    }
    if short.len() < 4 {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 10 >= long.len() * 8
}

/// The line's last character, ignoring closing quotes and brackets.
fn last_significant(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| "\"'”’»)]".contains(c) || c.is_whitespace())
        .chars()
        .last()
}

/// The line ends a sentence (., !, ?, … possibly inside closing quotes).
fn ends_sentence(line: &str) -> bool {
    matches!(last_significant(line), Some('.' | '!' | '?' | '…'))
}

/// Running prose: six or more words ending a sentence.
fn is_prose(line: &str) -> bool {
    word_count(line) >= 6 && ends_sentence(line)
}

/// Short, no closing full stop or clause punctuation, starts with a letter, digit or quote:
/// the headline rule of the line roles and of [`crate::Document`]'s title.
pub(crate) fn is_headline_like(line: &str) -> bool {
    let words = word_count(line);
    (2..=30).contains(&words)
        && !matches!(line.chars().last(), Some('.' | ':' | ';' | ','))
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || "\"“‘'".contains(c))
}

/// A line that is only a date: "June 14, 2024", "Mon 3 Jan 2022", "2024-06-14",
/// "Updated: Jan. 3, 2022 09:15".
pub fn is_date_line(line: &str) -> bool {
    let split = |c: char| c.is_whitespace() || c == ',' || c == '/' || c == '|';
    // at most eight words, counted before collecting them
    let n = line.split(split).filter(|w| !w.is_empty()).take(9).count();
    if n == 0 || n > 8 {
        return false;
    }
    let words: Vec<&str> = line.split(split).filter(|w| !w.is_empty()).collect();
    let mut has_year = false;
    let mut has_month = false;
    for w in &words {
        let lw = w.trim_end_matches(['.', ':']).to_lowercase();
        if calendar::year(&lw, calendar::ANY_YEAR).is_some() {
            has_year = true;
        } else if lw.len() == 10
            && lw.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
        {
            has_year = true;
            has_month = true;
        } else if is_month(&lw) {
            has_month = true;
        } else if is_weekday(&lw)
            || lw.chars().all(|c| c.is_ascii_digit() || c == ':')
            || matches!(
                lw.as_str(),
                "updated"
                    | "published"
                    | "am"
                    | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "et"
                    | "edt"
                    | "est"
                    | "bst"
            )
            || (lw.ends_with("st")
                || lw.ends_with("nd")
                || lw.ends_with("rd")
                || lw.ends_with("th"))
                && lw[..lw.len() - 2].chars().all(|c| c.is_ascii_digit())
                && lw.len() > 2
        {
        } else {
            return false;
        }
    }
    has_year && has_month
        || (has_month
            && words.len() <= 4
            && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())))
}

/// A line that holds only a date, perhaps with a time, zone and a "Published"/"Updated" label.
fn is_date_only(l: &Line<'_>) -> bool {
    let line = l.text;
    if is_date_line(line) {
        return true;
    }
    // A date label on its own line, the date on the next: "Published", "Last updated:".
    if l.words <= 3
        && matches!(
            line.trim_end_matches(':').to_lowercase().as_str(),
            "published"
                | "updated"
                | "posted"
                | "last updated"
                | "first published"
                | "published on"
                | "updated on"
        )
    {
        return true;
    }
    // "3 hours ago", "Published 2 days ago", "Updated 10 minutes ago".
    let lw: Vec<String> = if !(3..=5).contains(&l.words) {
        Vec::new()
    } else {
        line.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    if let [.., n, unit, ago] = lw.as_slice() {
        let prefix_ok = lw.len() <= 5
            && lw[..lw.len() - 3].iter().all(|w| {
                matches!(
                    w.as_str(),
                    "published" | "updated" | "posted" | "last" | "first" | "edited"
                )
            });
        if ago == "ago"
            && prefix_ok
            && (n.chars().all(|c| c.is_ascii_digit()) || n == "an" || n == "a")
            && unit.trim_end_matches('s').len() >= 3
            && matches!(
                unit.trim_end_matches('s'),
                "second" | "minute" | "min" | "hour" | "hr" | "day" | "week" | "month"
            )
        {
            return true;
        }
    }
    let split = |c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·' | '(' | ')');
    let trim = |c: char| matches!(c, '.' | ':' | '-' | '–' | '—');
    // at most 12 words (counted before building them: lower case is empty only when empty)
    let n = line
        .split(split)
        .filter(|w| !w.trim_matches(trim).is_empty())
        .take(13)
        .count();
    if n == 0 || n > 12 {
        return false;
    }
    let words: Vec<String> = line
        .split(split)
        .map(|w| w.trim_matches(trim).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let (mut month, mut year, mut day, mut numeric_date) = (false, false, false, false);
    for w in &words {
        let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
        if is_month(w) {
            month = true;
        } else if calendar::year(w, calendar::LINE_YEARS).is_some() {
            year = true;
        } else if digits > 0 && digits == w.chars().count() && w.len() <= 2 {
            day = true;
        } else if digits > 0
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
            && w.chars().filter(|c| matches!(c, '/' | '-' | '.')).count() == 2
            && digits >= 6
        {
            numeric_date = true;
        } else if digits > 0
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
        {
            // a time: 09:15, 10.30
        } else if digits > 0
            && ["st", "nd", "rd", "th", "am", "pm", "a.m", "p.m"]
                .iter()
                .any(|s| {
                    w.strip_suffix(s).is_some_and(|d| {
                        !d.is_empty()
                            && d.chars()
                                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
                    })
                })
        {
            day = day || !(w.ends_with("am") || w.ends_with("pm") || w.ends_with(".m"));
        } else if is_weekday(w)
            || matches!(
                w.as_str(),
                "published"
                    | "updated"
                    | "posted"
                    | "last"
                    | "first"
                    | "on"
                    | "at"
                    | "am"
                    | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "cest"
                    | "est"
                    | "edt"
                    | "et"
                    | "pt"
                    | "pst"
                    | "pdt"
                    | "ist"
                    | "aest"
                    | "jst"
                    | "hkt"
                    | "sgt"
                    | "date"
                    | "modified"
                    | "of"
            )
        {
        } else {
            return false;
        }
    }
    numeric_date || (month && (year || day))
}

/// Words that open a photo credit.
static CREDIT_LABELS: WordSet =
    WordSet::new(include_str!("../../../data/lists/text/credit_labels.txt"));

/// Endings that mark an agency or photographer credit.
static CREDIT_ENDINGS: WordSet =
    WordSet::new(include_str!("../../../data/lists/text/credit_endings.txt"));

/// Labels that start a caption ("FILE PHOTO: ...").
static CAPTION_LABELS: WordSet =
    WordSet::new(include_str!("../../../data/lists/text/caption_labels.txt"));

/// Upper-case labels that open a line but do not mark a caption.
static NON_CAPTION_CAPS_LABELS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/text/non_caption_caps_labels.txt"
));

/// Photo credit or caption, by its own cues.
fn credit_or_caption(l: &Line<'_>) -> Option<LineRole> {
    let (line, lower, words) = (l.text, l.lower.as_str(), l.words);

    // "... in 2019. Image credit: Agency." — a description ending with a credit label. (Every
    // label opens with ". ": only the places where that occurs are compared.)
    let labels = [
        ". image credit:",
        ". photo credit:",
        ". photo:",
        ". credit:",
        ". photograph:",
        ". picture:",
        ". image:",
        ". (photo:",
        ". (image:",
    ];
    if words <= 60
        && lower
            .match_indices(". ")
            .any(|(i, _)| labels.iter().any(|l| lower[i..].starts_with(l)))
    {
        return Some(LineRole::Caption);
    }
    // "(Photo : X)", "(Image: X)", "(Photo by X)", "[Photo: X]"
    if let Some(inner) = lower.strip_prefix('(').or_else(|| lower.strip_prefix('[')) {
        let closed = lower.ends_with(')') || lower.ends_with(']');
        if closed && starts_with_credit_label(inner) {
            return Some(LineRole::Credit);
        }
    }
    // "Photo: X", "Image source, Getty Images", "Photo by X"
    if starts_with_credit_label(lower) {
        return Some(if words <= 12 && !ends_sentence(line) {
            LineRole::Credit
        } else {
            LineRole::Caption
        });
    }
    // A line that is only an agency credit: "Getty Images", "AFP", "PA Media".
    if words <= 4
        && (CREDIT_ENDINGS.contains(&lower.trim_end_matches('.'))
            || lower.ends_with("getty images")
            || lower.starts_with("ap photo")
            || lower == "pa media")
    {
        return Some(LineRole::Credit);
    }
    // "FILE PHOTO: ...", "Image caption, ..."
    for l in CAPTION_LABELS.words() {
        if let Some(rest) = lower.strip_prefix(l) {
            let rest = rest.trim_start();
            if rest.starts_with(':')
                || rest.starts_with(',')
                || (rest.starts_with('-') || rest.starts_with('–')) && l.starts_with("file")
            {
                if matches!(*l, "top" | "above" | "pictured")
                    && !line.starts_with(|c: char| c.is_uppercase())
                {
                    continue;
                }
                return Some(LineRole::Caption);
            }
        }
    }
    // Ends with a credit: "(Reuters)", "(Photo: X)", "X/AFP via Getty Images", "Jane Roe/Agency".
    if let Some(tail) = credit_tail(line) {
        let whole = tail
            .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
            .len()
            == line
                .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
                .len();
        return Some(if whole || word_count(line) <= 6 {
            LineRole::Credit
        } else {
            LineRole::Caption
        });
    }
    // "CAPS LABEL: description without a full stop" (tabloid picture captions).
    if let Some(colon) = line.find(':') {
        let label = &line[..colon];
        let rest = line[colon + 1..].trim();
        let label_words = word_count(label);
        let all_caps = label.chars().any(|c| c.is_alphabetic())
            && label.chars().all(|c| {
                c.is_uppercase() || c.is_whitespace() || matches!(c, '&' | '\'' | '’' | '-' | '.')
            });
        if all_caps
            && (1..=4).contains(&label_words)
            && (label_words >= 2 || label.chars().filter(|c| c.is_alphabetic()).count() >= 6)
            && !NON_CAPTION_CAPS_LABELS.contains(&label.to_lowercase().as_str())
            && word_count(rest) >= 5
            && !ends_sentence(rest)
        {
            return Some(LineRole::Caption);
        }
    }
    None
}

fn starts_with_credit_label(lower: &str) -> bool {
    CREDIT_LABELS.words().iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            let r = rest.trim_start();
            r.starts_with(':')
                || (r.starts_with(',') && l.starts_with("image"))
                || (r.starts_with("by ") && rest.starts_with(' ') && !l.starts_with("source"))
                || r.starts_with("courtesy")
        })
    })
}

/// The credit at the end of a line, if it ends with one: a parenthetical credit ("(Reuters)",
/// "(Photo: ...)", "(AP Photo/Jane Roe)"), an agency ending ("... via Getty Images", ".../AFP"),
/// or a slash credit ("Jane Roe/City Herald").
fn credit_tail(line: &str) -> Option<&str> {
    let t = line.trim_end();
    // A parenthetical at the end.
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let inner = t[open + 1..t.len() - 1].trim().to_lowercase();
            if starts_with_credit_label(&inner)
                || CREDIT_ENDINGS.contains(&inner.as_str())
                || inner.starts_with("ap photo")
                || inner.ends_with("getty images")
                || (inner.contains('/') && credit_words(&t[open + 1..t.len() - 1]))
            {
                return Some(&t[open..]);
            }
        }
    }
    // every credit below has a slash (`credit_words` asks for one)
    if !t.contains('/') {
        return None;
    }
    // The last "sentence" of the line, after the last full stop followed by a space.
    let start = t.rfind(". ").map(|i| i + 2).unwrap_or(0);
    let start = start.max(t.rfind(" - ").map(|i| i + 3).unwrap_or(0));
    let last = t[start..].trim();
    // every credit below has a slash (`credit_words` asks for one)
    if !last.contains('/') {
        return None;
    }
    let lower = last.to_lowercase();
    if last.is_empty() || ends_sentence(last) && !lower.ends_with("u.s.") {
        return None;
    }
    let agency_end = lower.ends_with("via getty images")
        || lower.ends_with("/getty images")
        || lower.ends_with("/ getty images")
        || CREDIT_ENDINGS.words().iter().any(|e| {
            lower
                .strip_suffix(e)
                .is_some_and(|before| before.ends_with('/') || before.ends_with("/ "))
        });
    if (agency_end || last.contains('/')) && word_count(last) <= 8 && credit_words(last) {
        return Some(last);
    }
    None
}

/// Every word of a credit is capitalised (or a joining word like "via", "of").
fn credit_words(s: &str) -> bool {
    let mut n = 0;
    for part in s.split(|c: char| c.is_whitespace() || c == '/') {
        let w = part.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        n += 1;
        let first = w.chars().next().unwrap_or('a');
        if !(first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(
                w,
                "via"
                    | "of"
                    | "for"
                    | "and"
                    | "the"
                    | "de"
                    | "van"
                    | "von"
                    | "al"
                    | "photo"
                    | "images"
            ))
        {
            return false;
        }
    }
    n >= 1 && s.contains('/')
}

/// An agency keyword slug ("TOPSHOT-COUNTRY-TOPIC") or a comma-separated tag list.
fn is_keyword_line(line: &str) -> bool {
    if !line.contains(char::is_whitespace) {
        let parts: Vec<&str> = line.split('-').collect();
        let caps =
            line.chars().any(|c| c.is_alphabetic()) && !line.chars().any(|c| c.is_lowercase());
        let good_parts = parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.chars().all(|c| c.is_alphanumeric()));
        let alpha_parts = parts
            .iter()
            .filter(|p| p.chars().all(|c| c.is_alphabetic()))
            .count();
        return caps
            && good_parts
            && (parts.len() >= 3
                || parts.len() == 2 && alpha_parts == 2 && parts.iter().all(|p| p.len() >= 3));
    }
    // (a tag list has at least three commas and no closing full stop: both are asked first)
    if line.bytes().filter(|&b| b == b',').nth(2).is_none() || ends_sentence(line) {
        return false;
    }
    let items: Vec<&str> = line.split(',').map(str::trim).collect();
    items.len() >= 4
        && !ends_sentence(line)
        && items.iter().all(|it| {
            let n = word_count(it);
            (1..=3).contains(&n)
                && it.chars().all(|c| {
                    c.is_alphanumeric()
                        || c.is_whitespace()
                        || matches!(c, '-' | '.' | '\'' | '’' | '&')
                })
        })
        && items
            .iter()
            .filter(|it| it.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            > items.len()
}

/// Bullets and numbered items.
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if "•·▪◦‣●○■□➢►▶✓✔✗–—-*+→".contains(first) {
        return chars.next().is_some_and(char::is_whitespace);
    }
    // "1. ", "12) ", "a) ", "(3) "
    let s = line.strip_prefix('(').unwrap_or(line);
    let head: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &s[head.len()..];
    if (1..=2).contains(&head.len()) {
        return (rest.starts_with(". ") || rest.starts_with(") "))
            && rest[2..].starts_with(|c: char| !c.is_ascii_digit());
    }
    let mut cs = s.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some(')'), Some(' ')) if c.is_ascii_lowercase())
}

/// Phrases that open a line of site furniture when the line is short.
static FURNITURE_OPENERS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/text/furniture_openers.txt"
));

/// Openers that mark furniture even on a longer line ("Read more: <a whole headline>").
static STRONG_OPENERS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/text/strong_furniture_openers.txt"
));

/// Phrases that mark furniture anywhere in a short line.
static FURNITURE_ANYWHERE: WordSet = WordSet::new(include_str!(
    "../../../data/lists/text/furniture_anywhere.txt"
));

/// Site boilerplate by its own wording.
fn is_furniture(l: &Line<'_>) -> bool {
    let (line, lower, words) = (l.text, l.lower.as_str(), l.words);
    let body = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '[');
    if (line.starts_with('[') && line.ends_with(']') && (line.contains('=') || line.contains('/')))
        || ((body.starts_with("http://")
            || body.starts_with("https://")
            || body.starts_with("www."))
            && words <= 2)
    {
        return true;
    }
    let first = body.as_bytes().first();
    let opens = |list: &[&str]| {
        // (the first byte tells most phrases apart before comparing the rest)
        list.iter().any(|p| {
            p.as_bytes().first() == first
                && body.strip_prefix(p).is_some_and(|rest| {
                    p.ends_with(':')
                        || rest.is_empty()
                        || rest.starts_with(|c: char| !c.is_alphanumeric())
                })
        })
    };
    if opens(STRONG_OPENERS.words()) && words <= 40 {
        return true;
    }
    if opens(FURNITURE_OPENERS.words())
        && words <= 6
        && !(words >= 4 && ends_sentence(line) && !lower.contains("newsletter"))
    {
        return true;
    }
    // "Watch Coach Explain The Decision": a video link in title case.
    if (body.starts_with("watch ") || body.starts_with("video "))
        && words <= 12
        && !ends_sentence(line)
    {
        let caps = line
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        if caps * 3 >= words * 2 {
            return true;
        }
    }
    // "5 min read", "Follow Jane on Twitter".
    let lw: Vec<&str> = if body.split_whitespace().nth(3).is_none() {
        body.split_whitespace().collect()
    } else {
        Vec::new()
    };
    if let [n, "min" | "mins" | "minute" | "minutes", "read"] = lw.as_slice() {
        if n.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    if body.starts_with("follow ")
        && words <= 12
        && [
            "twitter",
            "facebook",
            "instagram",
            "tiktok",
            "linkedin",
            "bluesky",
            "threads",
            " on x",
        ]
        .iter()
        .any(|p| body.contains(p))
    {
        return true;
    }
    words <= 30 && contains_any(lower, FURNITURE_ANYWHERE.words())
}

/// True when `hay` contains one of `phrases`: one pass over `hay`, comparing a phrase only
/// where its first byte occurs.
fn contains_any(hay: &str, phrases: &[&str]) -> bool {
    let h = hay.as_bytes();
    (0..h.len()).any(|i| {
        phrases
            .iter()
            .any(|p| p.as_bytes().first() == Some(&h[i]) && h[i..].starts_with(p.as_bytes()))
    })
}

/// A heading that introduces a block of links or teasers.
fn is_links_heading(line: &str) -> bool {
    let lower = line.to_lowercase();
    let l = lower
        .trim_end_matches([':', '.', ' '])
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    static HEADINGS: WordSet =
        WordSet::new(include_str!("../../../data/lists/text/link_headings.txt"));
    HEADINGS.contains(&l)
        || (l.starts_with("copyright") || l.starts_with('©')) && word_count(l) <= 8
}

/// "By Jane Doe", "Written by ...", "Reporting by ...; Editing by ...", "Jane Doe | Agency".
fn is_byline(l: &Line<'_>, index: usize) -> bool {
    // "(Reporting by ...; Editing by ...)"
    let (line, lower, words) = match l.text.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        Some(inner) => {
            let inner = inner.trim();
            (
                inner,
                std::borrow::Cow::Owned(inner.to_lowercase()),
                word_count(inner),
            )
        }
        None => (
            l.text,
            std::borrow::Cow::Borrowed(l.lower.as_str()),
            l.words,
        ),
    };
    // "AP and Reuters, MOSCOW": agencies (and a place) alone on a line.
    let split = |c: char| c.is_whitespace() || c == ',' || c == '/' || c == '|';
    let n_parts = if index > 0 {
        lower.split(split).filter(|w| !w.is_empty()).take(7).count()
    } else {
        0
    };
    let parts: Vec<&str> = if (1..=6).contains(&n_parts) {
        lower.split(split).filter(|w| !w.is_empty()).collect()
    } else {
        Vec::new()
    };
    if (1..=6).contains(&parts.len())
        && index > 0
        && parts.iter().any(|w| {
            matches!(
                *w,
                "ap" | "afp"
                    | "reuters"
                    | "upi"
                    | "dpa"
                    | "efe"
                    | "ansa"
                    | "aap"
                    | "xinhua"
                    | "tass"
                    | "pa"
            )
        })
        && line
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "and" | "&"))
        && !ends_sentence(line)
    {
        return true;
    }
    for p in [
        "written by ",
        "reporting by ",
        "reported by ",
        "words by ",
        "story by ",
        "additional reporting by ",
        "editing by ",
        "edited by ",
        "compiled by ",
        "interview by ",
        "text by ",
        "author: ",
        "authors: ",
        "by: ",
    ] {
        if lower.starts_with(p) && words <= 25 {
            return true;
        }
    }
    if let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("by "))
    {
        // A name follows: capitalised words, up to a separator; not "By Monday, the ...".
        let name_part = rest.split([',', '|', '—', '–', ';']).next().unwrap_or("");
        let name_words: Vec<&str> = name_part.split_whitespace().collect();
        let joiners = [
            "and", "&", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al",
        ];
        let capitalised = name_words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || joiners.contains(&w.to_lowercase().as_str())
        });
        let first = name_words
            .first()
            .map(|w| {
                w.trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default();
        let not_date = !is_month(&first) && !is_weekday(&first) && first != "the";
        return (1..=7).contains(&name_words.len())
            && capitalised
            && not_date
            && words <= 14
            && !ends_sentence(name_part);
    }
    // "Jane Doe | Agency" after the headline.
    if index > 0 && words <= 8 && line.contains('|') {
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or("");
        let nw: Vec<&str> = name.split_whitespace().collect();
        return (2..=3).contains(&nw.len())
            && nw.iter().all(|w| {
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            })
            && parts.all(|p| {
                p.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineRole::*;

    /// Checks the roles of the non-blank lines of `text`, printing each line with got/expected.
    #[track_caller]
    fn check(name: &str, text: &str, expected: &[LineRole]) {
        let got = line_roles(text);
        let ix = crate::offsets::CharIndex::new(text);
        // Spans are the non-blank lines, trimmed, in code points; every role has a reason.
        let lines: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let spans: Vec<&str> = got.iter().map(|&(s, _)| ix.slice(text, s)).collect();
        assert_eq!(spans, lines, "case {name}: line spans");
        assert!(
            got.iter().all(|(_, r)| !r.reason().is_empty()),
            "case {name}: a role without reason"
        );
        let got_roles: Vec<LineRole> = got.iter().map(|&(_, r)| r).collect();
        if got_roles != expected {
            let mut report = String::new();
            for (i, &(s, r)) in got.iter().enumerate() {
                let e = expected
                    .get(i)
                    .map(|e| format!("{e:?}"))
                    .unwrap_or_else(|| "-".into());
                let mark = if Some(&r) == expected.get(i) {
                    " "
                } else {
                    "✗"
                };
                report.push_str(&format!(
                    "{mark} got {r:?} expected {e}: {:?}\n",
                    ix.slice(text, s)
                ));
            }
            panic!(
                "case {name}: {} lines, {} expected\n{report}",
                got.len(),
                expected.len()
            );
        }
    }

    #[test]
    fn article_layouts() {
        let rows: &[(&str, &str, &[LineRole])] = &[
            (
                "headline, byline, date, body",
                "Council approves new cycle lanes\nBy Mary O'Neil\nMarch 3, 2023\n\nThe city council voted 7-2 on Tuesday to approve new cycle lanes on King Street.\nWork starts in May.",
                &[Headline, Byline, DateLine, Body, Body],
            ),
            (
                "date first, repeated headline, bullets",
                "June 2, 2021\n\nStriker signs for rivals\n\nStriker signs for rivals\n\nWhat you need to know\n  • The fee is a club record.\n  • The deal runs to 2026.\n\nThe club confirmed the signing on Friday after a medical in Madrid.",
                &[DateLine, Headline, RepeatedHeadline, Body, ListItem, ListItem, Body],
            ),
            (
                "near-duplicate headline with site name",
                "Shares slump as chipmaker misses forecast\nShares slump as chipmaker misses forecast | Daily Ledger\nShares in the chipmaker fell 12% in early trading on Thursday, wiping billions off its value.",
                &[Headline, RepeatedHeadline, Body],
            ),
            (
                "credit, agency slug and its caption",
                "Flood waters rise in river towns\n(Photo : JANE ROE/AFP via Getty Images)\nFLOOD-WEATHER-RIVER\nA man wades through a flooded street in a river town on March 2, 2024.\nRivers burst their banks across the region after a week of heavy rain, officials said.",
                &[Headline, Credit, KeywordLine, Caption, Body],
            ),
            (
                "captions with credits at the end",
                "Scientists find water ice near lunar pole\nThe rover's drill on display at a press event in Houston. Sam Park/Space Daily\nThe team said the ice lay a metre under the surface of the crater floor.\nFILE PHOTO: The rover is seen during a test in the desert, in this undated handout picture\nA technician checks the drill before launch (Reuters)\nMore results are due next year, the agency said.",
                &[Headline, Caption, Body, Caption, Caption, Body],
            ),
            (
                "caps-label caption and a long unpunctuated caption",
                "Champion retires after final race\nThe five-time champion announced her retirement on Sunday after finishing third in Oslo.\nFINAL LAP: The champion crosses the line in Oslo on Sunday afternoon\nShe thanks her coach and family after the race at the stadium in front of a home crowd\n“It was time,” she said.",
                &[Headline, Body, Caption, Caption, Body],
            ),
            (
                "furniture: share, read more, newsletter, related links",
                "Bank holds rates steady\nShare this article\nThe central bank kept its main rate at 4% on Thursday, as expected by most economists.\nRead more: Why inflation is still high in the services sector\nSign up for our daily business newsletter.\nThe next decision is due in six weeks.\nRelated Articles\nMarkets rally on rate hopes\nWhat the decision means for your mortgage",
                &[Headline, Furniture, Body, Furniture, Furniture, Body, Furniture, Furniture, Furniture],
            ),
            (
                "trailing link titles before a copyright line",
                "Hospital opens new wing\nThe new wing of the hospital opened on Monday with 40 beds for children.\nSchool inspections to resume next term\nCouncil tax set to rise by five per cent\nCopyright Example Media Ltd 2023",
                &[Headline, Body, Furniture, Furniture, Furniture],
            ),
            (
                "sub-headings and section labels stay body",
                "Drought hits farmers\nFarmers across the south have lost half their wheat crop this year, a survey found.\nWhat happens next\nThe government will publish a support plan in the autumn, ministers said.\nThe key points\n1. Wheat yields fell by half.\n2) Barley was less affected.",
                &[Headline, Body, Body, Body, Body, ListItem, ListItem],
            ),
            (
                "bylines in several forms",
                "Court clears former mayor\nWritten by Tom Baker\nAna Lima | Reuters\nBy JOHN SMITH and ANA LIMA, Associated Press\nA court on Friday cleared the former mayor of all charges.\nReporting by Ana Lima; Editing by Tom Baker",
                &[Headline, Byline, Byline, Byline, Body, Byline],
            ),
            (
                "no headline: the page opens with prose",
                "The club sacked its manager on Monday after a run of seven defeats in a row.\nHe had been in charge for two years.",
                &[Body, Body],
            ),
            (
                "by in prose is not a byline",
                "Vote delayed\nBy Monday, the ballots had still not been counted in the northern district.\nBy the end of the week officials expected a result.",
                &[Headline, Body, Body],
            ),
            (
                "teasers after a links heading, even with a label or no full stop",
                "Ferry service cut\nThe island ferry will run twice a day from June, the operator said on Friday.\nMost read\nGRID WOES: Power cuts hit three towns again overnight\nWhy the ferry operator lost its contract after years of complaints from the islanders",
                &[Headline, Body, Furniture, Furniture, Furniture],
            ),
            (
                "an acronym before a colon is not a caption label",
                "Chip row deepens\nThe regulator opened an inquiry on Monday into the chipmaker's pricing.\nEU: The commission wants a decision soon\nLONG WAIT: The commission wants a decision soon",
                &[Headline, Body, Body, Caption],
            ),
            (
                "wire-style furniture, credits and relative date lines",
                "Markets slip as oil jumps\n3 hours ago\n5 min read\nGetty Images\nOil prices rose 4% on Monday after the cartel cut output again.\nFollow Ana Lima on Twitter\nOur Standards: The Trust Principles.\nAdvertisement",
                &[Headline, DateLine, Furniture, Credit, Body, Furniture, Furniture, Furniture],
            ),
            (
                "agency lines, bracketed credits, video links, disclaimers",
                "Flood defences fail in valley towns\nAP and Reuters, LONDON\nRiver levels rose overnight after three days of rain, the agency said.\nA view of the flooded high street on Monday. Image credit: City Council.\nWatch Rescuers Reach Stranded Families\nWatch: Drone Footage Shows The Scale Of The Flooding Across The Valley\n(Reporting by Ana Lima; Editing by Tom Baker)\nDisclaimer: This story was produced from a syndicated feed without edits\nGo deeper: What the floods mean for insurers",
                &[Headline, Byline, Body, Caption, Furniture, Furniture, Byline, Furniture, Furniture],
            ),
            (
                "shouted headline repeated in title case, page chrome",
                "Skip to content\nHARBOUR FERRY SERVICE TO END IN MAY\nHarbour Ferry Service To End In May\nThe harbour ferry will stop running in May after 60 years, the operator said on Friday.\nWas this article helpful?\nStay connected",
                &[Furniture, Headline, RepeatedHeadline, Body, Furniture, Furniture],
            ),
            (
                "broadcaster layout: date label, affiliation, image source and caption",
                "Minister quits over expenses\nPublished\n3 hours ago\nShare\nSave\nBy Ana Lima\nCity Herald, Leeds\nImage source, Getty Images\nImage caption, The minister leaving her office on Monday\nThe minister resigned on Tuesday after a week of pressure over her expenses claims.",
                &[Headline, DateLine, DateLine, Furniture, Furniture, Byline, Byline, Credit, Caption, Body],
            ),
            (
                "tag list and photo credit label",
                "Tech giant unveils new phone\nPhoto: Getty Images\nSmartphones, Technology, Consumer Electronics, Apple, Launch\nThe company showed the phone at an event in California on Tuesday.",
                &[Headline, Credit, KeywordLine, Caption],
            ),
            (
                "dates with times and labels",
                "Updated: 14 June 2024, 10:30 BST\nPublished on Tue 3 Jan 2023 09.15 GMT\n2024-06-14\nMarch 2024 was the wettest on record.",
                &[DateLine, DateLine, DateLine, Body],
            ),
            ("empty and blank", "\n  \n\u{a0}\n", &[]),
            (
                "indents and no-break spaces trimmed, in code points",
                "  “Héllo” world\u{a0}\n\n\t• one\n",
                &[Headline, ListItem],
            ),
        ];
        for (name, text, expected) in rows {
            check(name, text, expected);
        }
    }
}
