//! The Markdown reader: formatting marks removed, text kept (see the [module docs](super)).

/// The text of a Markdown document: paragraphs (their lines joined), headings, list items and
/// quotes each a paragraph; code blocks kept line by line.
pub(super) fn markdown_to_text(md: &str) -> String {
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
        paras.push(super::trim_blank_lines(&block).to_string());
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
                flush(&mut text, &mut pieces);
                let (piece, n) = delimiter_run(&chars, i);
                pieces.push(piece);
                i += n;
            }
            _ => {
                text.push(c);
                i += 1;
            }
        }
    }
    flush(&mut text, &mut pieces);
    without_paired_marks(&pieces, s.len())
}

/// The run of emphasis marks at `i` (`*`, `_` or `~`) as a delimiter piece (whether it can
/// open or close, by CommonMark's flanking rules), and its length.
fn delimiter_run(chars: &[char], i: usize) -> (Piece, usize) {
    let c = chars[i];
    let n = chars[i..].iter().take_while(|&&x| x == c).count();
    let prev = if i == 0 { ' ' } else { chars[i - 1] };
    let next = chars.get(i + n).copied().unwrap_or(' ');
    let left = !next.is_whitespace() && (!is_punct(next) || prev.is_whitespace() || is_punct(prev));
    let right =
        !prev.is_whitespace() && (!is_punct(prev) || next.is_whitespace() || is_punct(next));
    let (open, close) = if c == '_' {
        (
            left && (!right || is_punct(prev)),
            right && (!left || is_punct(next)),
        )
    } else {
        (left, right)
    };
    (
        Piece::Delim {
            c,
            len: n,
            open,
            close,
        },
        n,
    )
}

/// The text of `pieces` with paired emphasis marks removed: each closer pairs with the
/// nearest opener of the same character (`capacity`: the text's length, for the output).
fn without_paired_marks(pieces: &[Piece], capacity: usize) -> String {
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
    let mut out = String::with_capacity(capacity);
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
