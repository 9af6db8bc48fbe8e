//! The stored format of a reader's highlights and notes: what the app keeps in the browser
//! and what "export notes" writes to a file.
//!
//! ```json
//! {"format": "parallax-notes", "version": 2, "notes": [
//!   {"id": "n1", "doc": "002_3a84a08c5ea05fd3",
//!    "quote": {"exact": "the storm", "prefix": "Officials said ", "suffix": " was the worst"},
//!    "start": 50, "end": 59, "colour": "yellow", "text": "Which officials?",
//!    "created": 1718000000000.0, "updated": 1718000000000.0}]}
//! ```
//!
//! Version 1 (the first release) kept the quote's fields flat in each note and had one time:
//! `{"version": 1, "notes": [{"id", "doc", "exact", "prefix", "suffix", "start", "end",
//! "colour", "note", "time"}]}`, with the colours yellow, green, blue and red (red is pink
//! since version 2). [`parse`] migrates it with [`migrate`]; [`serialize`] always writes the
//! current version. A document from a newer Parallax is not read and is handed back
//! unchanged ([`Parsed::newer`]) so that the app does not overwrite it.
//!
//! Times are milliseconds since the epoch as the caller supplies them (this crate has no
//! clock); offsets are code points into the document's text when the note was written, and
//! the quote re-anchors the note when the text has changed (see [`crate::anchor`]).

use crate::anchor::TextQuote;
use crate::offsets::Span;
use crate::sync::{clock_of, Body, Clock, Item, Replica, Version};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version [`serialize`] writes.
pub const NOTES_VERSION: u32 = 2;

/// Largest notes file imported, in bytes ([`crate::classroom::limits`]).
pub const MAX_FILE_BYTES: usize = crate::classroom::limits::NOTES_FILE_BYTES;

/// The value of the stored document's `"format"` field.
pub const NOTES_FORMAT: &str = "parallax-notes";

/// A highlight colour.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    /// Yellow, the default.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
}

impl Colour {
    /// All colours, in the order the app offers them.
    pub const ALL: [Colour; 4] = [Colour::Yellow, Colour::Green, Colour::Blue, Colour::Pink];

    /// The colour as a word for people ("yellow"); also its stored name.
    pub fn name(&self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
        }
    }

    /// The colour of a stored name (case-insensitive), if it is one.
    pub fn from_name(name: &str) -> Option<Colour> {
        Colour::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// One highlight, with or without a note.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Note {
    /// Identifier, unique among a reader's notes (made by the app).
    pub id: String,
    /// The document's id.
    pub doc: String,
    /// The highlighted passage and its context, to find it again if the text changes.
    pub quote: TextQuote,
    /// First code point of the passage when the note was written.
    pub start: usize,
    /// One past the last code point of the passage when the note was written.
    pub end: usize,
    /// Highlight colour.
    pub colour: Colour,
    /// The note; empty for a plain highlight.
    pub text: String,
    /// When the note was made, in milliseconds since the epoch (supplied by the caller).
    pub created: f64,
    /// When the note was last changed, in milliseconds since the epoch.
    pub updated: f64,
}

impl Note {
    /// The passage's position when the note was written (the hint for
    /// [`anchor::resolve`](crate::anchor::resolve)).
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One note as version 1 stored it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct NoteV1 {
    /// Identifier.
    pub id: String,
    /// The document's id.
    pub doc: String,
    /// The highlighted passage.
    pub exact: String,
    /// Context before the passage.
    pub prefix: String,
    /// Context after the passage.
    pub suffix: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// "yellow", "green", "blue" or "red".
    pub colour: String,
    /// The note.
    pub note: String,
    /// When it was last written, in milliseconds since the epoch.
    pub time: f64,
}

/// A version 1 note in the current form: the quote's fields gathered, `note` become `text`,
/// `time` both `created` and `updated`, red become pink, an unknown colour yellow.
pub fn migrate(old: &NoteV1) -> Note {
    let colour = match old.colour.trim().to_ascii_lowercase().as_str() {
        "red" => Colour::Pink,
        c => Colour::from_name(c).unwrap_or_default(),
    };
    Note {
        id: old.id.clone(),
        doc: old.doc.clone(),
        quote: TextQuote {
            exact: old.exact.clone(),
            prefix: old.prefix.clone(),
            suffix: old.suffix.clone(),
        },
        start: old.start,
        end: old.end,
        colour,
        text: old.note.clone(),
        created: old.time,
        updated: old.time,
    }
}

/// What [`parse`] made of a stored document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The notes that could be read, one per id, in stored order.
    pub notes: Vec<Note>,
    /// What could not be read, as sentences for the reader ("entry 3 is not a note (missing
    /// \"doc\")"); empty when all is well.
    pub problems: Vec<String>,
    /// The version the notes were migrated from, when they were in an older format.
    pub migrated_from: Option<u32>,
    /// Set when the document was written by a newer Parallax: then no notes are read, and the
    /// app must keep the raw text rather than overwrite it.
    pub newer: Option<NewerNotes>,
    /// Every version the document holds (notes, conflict copies, deletions) with their
    /// clocks, for merging with what another tab holds ([`crate::sync`]).
    pub set: NoteSet,
    /// The clock of each note read, in the order read (before duplicates are dropped).
    clocks: Vec<Clock>,
}

/// Notes with their versions, as tabs keep and merge them.
pub type NoteSet = Replica<Note>;

impl Item for Note {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> f64 {
        self.updated
    }
}

/// A notes document from a newer Parallax, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct NewerNotes {
    /// The version it declares.
    pub version: u32,
    /// The document exactly as given to [`parse`].
    pub raw: String,
}

/// Reads a stored notes document, leniently: the current and older versions, a bare JSON
/// array of notes, and damaged text (cut off, edited by hand). Every note that can be read is
/// kept; every entry that cannot is reported in [`Parsed::problems`]; text that is not JSON at
/// all gives no notes and one problem. Notes with the same id are kept once (the most
/// recently updated). Never panics.
pub fn parse(raw: &str) -> Parsed {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = Parsed::default();
    if text.trim().is_empty() {
        out.problems.push("The notes are empty.".to_string());
        return out;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => from_value(v, raw, &mut out),
        Err(e) => salvage(text, raw, &e, &mut out),
    }
    let clocks = std::mem::take(&mut out.clocks);
    for (note, clock) in out.notes.iter().zip(clocks) {
        out.set.insert(Version {
            clock,
            body: Body::Live(note.clone()),
        });
    }
    out.notes = dedupe(std::mem::take(&mut out.notes));
    out
}

fn not_notes(out: &mut Parsed) {
    out.problems
        .push("This is not a Parallax notes file: no list of notes was found in it.".to_string());
}

fn newer(version: u64, raw: &str, out: &mut Parsed) {
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    out.problems.push(format!(
        "These notes were saved by a newer version of Parallax (notes format {version}); they \
         are kept unchanged. Update Parallax to read them."
    ));
    out.newer = Some(NewerNotes {
        version,
        raw: raw.to_string(),
    });
}

fn from_value(v: Value, raw: &str, out: &mut Parsed) {
    let mut map = match v {
        Value::Array(items) => return entries(items, None, out),
        Value::Object(map) => map,
        _ => return not_notes(out),
    };
    if let Some(f) = map.get("format") {
        if f.as_str() != Some(NOTES_FORMAT) {
            out.problems.push(format!(
                "This is not a Parallax notes file (its format is {f}, not \"{NOTES_FORMAT}\")."
            ));
            return;
        }
    }
    let version = match map.get("version") {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(NOTES_VERSION) => return newer(n, raw, out),
            Some(n @ 1..) => Some(n as u32),
            _ => {
                out.problems.push(format!(
                    "The notes' version {v} is not one Parallax knows; each note is read as \
                     well as it can be."
                ));
                None
            }
        },
    };
    match map.remove("notes") {
        Some(Value::Array(items)) => entries(items, version, out),
        _ => return not_notes(out),
    }
    out.set.read_extra(&map, |v| {
        let mut copy = Parsed::default();
        entries(vec![v.clone()], version, &mut copy);
        copy.notes.pop()
    });
}

/// Reads what it can from text that is not valid JSON: the complete notes of the list up to
/// the point where the text is damaged.
fn salvage(text: &str, raw: &str, err: &serde_json::Error, out: &mut Parsed) {
    let where_ = format!("line {}, column {}", err.line(), err.column());
    let version = number_after(text, "\"version\"");
    if let Some(v) = version.filter(|&v| v > u64::from(NOTES_VERSION)) {
        return newer(v, raw, out);
    }
    let start = if text.trim_start().starts_with('[') {
        text.find('[')
    } else {
        text.find("\"notes\"").and_then(|k| {
            let rest = &text[k + "\"notes\"".len()..];
            let rest_t = rest.trim_start().strip_prefix(':')?.trim_start();
            rest_t.starts_with('[').then(|| text.len() - rest_t.len())
        })
    };
    let mut items = Vec::new();
    if let Some(open) = start {
        let mut at = open + 1;
        loop {
            let rest = text[at..].trim_start();
            at = text.len() - rest.len();
            if rest.is_empty() || rest.starts_with(']') {
                break;
            }
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            match stream.next() {
                Some(Ok(v)) => {
                    at += stream.byte_offset();
                    items.push(v);
                }
                _ => break,
            }
            let rest = text[at..].trim_start();
            at = text.len() - rest.len();
            match rest.strip_prefix(',') {
                Some(_) => at += 1,
                None => break,
            }
        }
    }
    if items.is_empty() {
        out.problems.push(format!(
            "The notes could not be read: the text is damaged or not a Parallax notes file \
             (it stops making sense at {where_})."
        ));
        return;
    }
    let n = items.len();
    out.problems.push(format!(
        "The notes are damaged at {where_} (perhaps cut off); the {n} {} before that point \
         {} recovered.",
        if n == 1 { "entry" } else { "entries" },
        if n == 1 { "was" } else { "were" },
    ));
    let version = version
        .and_then(|v| u32::try_from(v).ok())
        .filter(|&v| v >= 1);
    entries(items, version, out);
}

/// The unsigned number after `key` and a colon in `text`, if it is there.
fn number_after(text: &str, key: &str) -> Option<u64> {
    let rest = &text[text.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Reads each entry as a note of `version` (or, when unknown, of the version its shape
/// suggests).
fn entries(items: Vec<Value>, version: Option<u32>, out: &mut Parsed) {
    for (i, item) in items.into_iter().enumerate() {
        let n = i + 1;
        let Value::Object(o) = item else {
            out.problems.push(format!(
                "entry {n} is not a note (it is not a group of fields)"
            ));
            continue;
        };
        let v1 = match version {
            Some(v) => v == 1,
            None => !o.contains_key("quote") && o.contains_key("exact"),
        };
        let mut warnings = Vec::new();
        let got = if v1 {
            note_v1(&o, &mut warnings).map(|old| migrate(&old))
        } else {
            note_v2(&o, &mut warnings)
        };
        match got {
            Ok(note) => {
                if v1 {
                    out.migrated_from = Some(1);
                }
                out.clocks.push(clock_of(&o));
                out.problems
                    .extend(warnings.into_iter().map(|w| format!("entry {n} {w}")));
                out.notes.push(note);
            }
            Err(why) => out
                .problems
                .push(format!("entry {n} is not a note ({why})")),
        }
    }
}

fn req_str(o: &Map<String, Value>, key: &str) -> Result<String, String> {
    match o.get(key) {
        None | Some(Value::Null) => Err(format!("missing \"{key}\"")),
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => Err(format!("\"{key}\" is empty")),
        Some(_) => Err(format!("\"{key}\" is not text")),
    }
}

fn opt_str(o: &Map<String, Value>, key: &str, warnings: &mut Vec<String>) -> String {
    match o.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            warnings.push(format!("has a \"{key}\" that is not text; it was left out"));
            String::new()
        }
    }
}

fn req_offset(o: &Map<String, Value>, key: &str) -> Result<usize, String> {
    match o.get(key) {
        None | Some(Value::Null) => Err(format!("missing \"{key}\"")),
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("\"{key}\" is not a position in the text")),
    }
}

fn opt_time(o: &Map<String, Value>, key: &str) -> Option<f64> {
    o.get(key).and_then(Value::as_f64).filter(|t| t.is_finite())
}

fn offsets(o: &Map<String, Value>) -> Result<(usize, usize), String> {
    let (start, end) = (req_offset(o, "start")?, req_offset(o, "end")?);
    if end < start {
        return Err("its end is before its start".to_string());
    }
    Ok((start, end))
}

fn note_v2(o: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<Note, String> {
    let id = req_str(o, "id")?;
    let doc = req_str(o, "doc")?;
    let quote = match o.get("quote") {
        Some(Value::Object(q)) => TextQuote {
            exact: match q.get("exact") {
                Some(Value::String(s)) => s.clone(),
                _ => return Err("its quote has no \"exact\" text".to_string()),
            },
            prefix: opt_str(q, "prefix", warnings),
            suffix: opt_str(q, "suffix", warnings),
        },
        None | Some(Value::Null) => return Err("missing \"quote\"".to_string()),
        Some(_) => return Err("\"quote\" is not a quote".to_string()),
    };
    let (start, end) = offsets(o)?;
    let colour = match o.get("colour") {
        None | Some(Value::Null) => Colour::default(),
        Some(c) => match c.as_str().and_then(Colour::from_name) {
            Some(c) => c,
            None => {
                warnings.push(format!("has an unknown colour {c}; it is shown as yellow"));
                Colour::default()
            }
        },
    };
    let text = opt_str(o, "text", warnings);
    let created = opt_time(o, "created").unwrap_or(0.0);
    let updated = opt_time(o, "updated").unwrap_or(created);
    Ok(Note {
        id,
        doc,
        quote,
        start,
        end,
        colour,
        text,
        created,
        updated,
    })
}

fn note_v1(o: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<NoteV1, String> {
    let id = req_str(o, "id")?;
    let doc = req_str(o, "doc")?;
    let exact = match o.get("exact") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => return Err("missing \"exact\"".to_string()),
        Some(_) => return Err("\"exact\" is not text".to_string()),
    };
    let (start, end) = offsets(o)?;
    let colour = opt_str(o, "colour", warnings);
    let known = colour.is_empty()
        || colour.eq_ignore_ascii_case("red")
        || Colour::from_name(&colour).is_some();
    if !known {
        warnings.push(format!(
            "has an unknown colour \"{colour}\"; it is shown as yellow"
        ));
    }
    Ok(NoteV1 {
        id,
        doc,
        exact,
        prefix: opt_str(o, "prefix", warnings),
        suffix: opt_str(o, "suffix", warnings),
        start,
        end,
        colour,
        note: opt_str(o, "note", warnings),
        time: opt_time(o, "time").unwrap_or(0.0),
    })
}

/// One note per id: the most recently updated (the first of equals), at the place of the
/// id's first appearance.
fn dedupe(notes: Vec<Note>) -> Vec<Note> {
    let mut out: Vec<Note> = Vec::with_capacity(notes.len());
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for n in notes {
        match at.get(&n.id) {
            Some(&i) => {
                if n.updated > out[i].updated {
                    out[i] = n;
                }
            }
            None => {
                at.insert(n.id.clone(), out.len());
                out.push(n);
            }
        }
    }
    out
}

/// The stored document of `notes` in the current version, indented for people to read.
pub fn serialize(notes: &[Note]) -> String {
    #[derive(Serialize)]
    struct Stored<'a> {
        format: &'static str,
        version: u32,
        notes: &'a [Note],
    }
    // Serialising plain strings, numbers and enums cannot fail.
    serde_json::to_string_pretty(&Stored {
        format: NOTES_FORMAT,
        version: NOTES_VERSION,
        notes,
    })
    .unwrap_or_default()
}

/// The stored document of a tab's notes with their versions: `notes` as [`serialize`] writes
/// them (the version shown of each note, so older Parallax versions read them), each with its
/// `"clock"`, then `"conflicts"` (versions written concurrently in another tab) and
/// `"deleted"` (tombstones: `{"id", "updated", "clock"}`). [`parse`] reads it back into
/// [`Parsed::set`].
pub fn serialize_set(set: &NoteSet) -> String {
    set.to_json(Some(NOTES_FORMAT), NOTES_VERSION, "notes")
}

/// What two notes share when they say the same thing about the same passage (whatever their
/// ids): document, position, quote and text.
pub fn content_key(n: &Note) -> (&str, usize, usize, &str, &str) {
    (&n.doc, n.start, n.end, &n.quote.exact, &n.text)
}

/// True when two notes say the same thing about the same passage (whatever their ids).
fn same_content(a: &Note, b: &Note) -> bool {
    content_key(a) == content_key(b)
}

/// `incoming` notes (an imported file, another device) merged into `existing`, and how many
/// of them were added or replaced a note. Notes with the same id, or with different ids but
/// the same document, position, quote and text, are one note: the one with the larger
/// `updated` is kept (on a tie, the existing one). Existing notes keep their order; new ones
/// follow in their incoming order.
pub fn merge(existing: &[Note], incoming: &[Note]) -> (Vec<Note>, usize) {
    fn upsert(out: &mut Vec<Note>, n: &Note) -> bool {
        let same = out
            .iter()
            .position(|o| o.id == n.id)
            .or_else(|| out.iter().position(|o| same_content(o, n)));
        match same {
            Some(i) if n.updated > out[i].updated => {
                out[i] = n.clone();
                true
            }
            Some(_) => false,
            None => {
                out.push(n.clone());
                true
            }
        }
    }
    let mut out = Vec::with_capacity(existing.len() + incoming.len());
    for n in existing {
        upsert(&mut out, n);
    }
    let changed = incoming.iter().filter(|n| upsert(&mut out, n)).count();
    (out, changed)
}

/// The notes as a Markdown document: one section per document (its heading is
/// `title_of(doc id)`, documents in the order of their first note), and per note, in text
/// order: the passage as a block quote, the note, the colour and `link_of(note)` (left out
/// when empty). The passage, the note and the title are shown as written: every character
/// Markdown would take as formatting is escaped.
pub fn to_markdown(
    notes: &[Note],
    title_of: &dyn Fn(&str) -> String,
    link_of: &dyn Fn(&Note) -> String,
) -> String {
    let mut out = String::from("# Notes from Parallax\n");
    if notes.is_empty() {
        out.push_str("\nNo notes yet.\n");
        return out;
    }
    let mut docs: Vec<&str> = Vec::new();
    for n in notes {
        if !docs.contains(&n.doc.as_str()) {
            docs.push(&n.doc);
        }
    }
    for doc in docs {
        let title = title_of(doc);
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("\n## {}\n", escape_line(&title)));
        let mut these: Vec<&Note> = notes.iter().filter(|n| n.doc == doc).collect();
        these.sort_by(|a, b| {
            (a.start, a.end)
                .cmp(&(b.start, b.end))
                .then(a.created.total_cmp(&b.created))
        });
        for n in these {
            out.push('\n');
            for line in n.quote.exact.trim().lines() {
                let line = escape_line(line.trim());
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    out.push_str(&format!("> {line}\n"));
                }
            }
            for line in n.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                out.push_str(&format!("\n{}\n", escape_line(line)));
            }
            let link = link_of(n);
            let link: String = link
                .chars()
                .filter(|c| !c.is_control())
                .flat_map(|c| match c {
                    '<' => "%3C".chars().collect::<Vec<_>>(),
                    '>' => "%3E".chars().collect(),
                    ' ' => "%20".chars().collect(),
                    c => vec![c],
                })
                .collect();
            if link.is_empty() {
                out.push_str(&format!("\n— {}\n", n.colour.name()));
            } else {
                out.push_str(&format!(
                    "\n— {} · [Open in Parallax](<{link}>)\n",
                    n.colour.name()
                ));
            }
        }
    }
    out
}

/// One line of text made safe to put in Markdown: shown as written, never as formatting.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' | '-' | '+' | '=' => at_start,
            // "1. " or "1) " opening a line would start a numbered list.
            '.' | ')' => {
                i > 0
                    && chars[..i].iter().all(char::is_ascii_digit)
                    && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
            }
            // "&amp;" or "&#42;" would be read as a character reference.
            '&' => {
                let rest: String = chars[i + 1..].iter().take(33).collect();
                let body = rest.strip_prefix('#').unwrap_or(&rest);
                let name_len = body.chars().take_while(char::is_ascii_alphanumeric).count();
                name_len > 0 && body[name_len..].starts_with(';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn note(id: &str, doc: &str, start: usize, exact: &str, text: &str, updated: f64) -> Note {
        Note {
            id: id.into(),
            doc: doc.into(),
            quote: TextQuote {
                exact: exact.into(),
                prefix: "before ".into(),
                suffix: " after".into(),
            },
            start,
            end: start + exact.chars().count(),
            colour: Colour::Yellow,
            text: text.into(),
            created: 1000.0,
            updated,
        }
    }

    /// (case, raw, ids of the notes read, problems (each a substring of one problem, in
    /// order), migrated from)
    type Row = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        Option<u32>,
    );

    #[track_caller]
    fn check(row: &Row) {
        let (name, raw, ids, problems, migrated) = *row;
        let got = parse(raw);
        let got_ids: Vec<&str> = got.notes.iter().map(|n| n.id.as_str()).collect();
        let matches = got.problems.len() == problems.len()
            && got
                .problems
                .iter()
                .zip(problems)
                .all(|(g, w)| g.contains(w));
        assert!(
            got_ids == ids && matches && got.migrated_from == migrated,
            "case {name}\n  ids      expected {ids:?}\n           got      {got_ids:?}\n  \
             problems expected {problems:?}\n           got      {:?}\n  migrated expected \
             {migrated:?} got {:?}",
            got.problems,
            got.migrated_from
        );
    }

    const V2_ONE: &str = r#"{"format":"parallax-notes","version":2,"notes":[
        {"id":"a","doc":"d1","quote":{"exact":"storm","prefix":"the ","suffix":" hit"},
         "start":4,"end":9,"colour":"green","text":"big","created":1,"updated":2}]}"#;

    #[test]
    fn parse_table() {
        let rows: &[Row] = &[
            ("current version", V2_ONE, &["a"], &[], None),
            (
                "bare array",
                r#"[{"id":"a","doc":"d","quote":{"exact":"x"},"start":0,"end":1}]"#,
                &["a"],
                &[],
                None,
            ),
            (
                "bare array of version 1 notes",
                r#"[{"id":"a","doc":"d","exact":"x","start":0,"end":1}]"#,
                &["a"],
                &[],
                Some(1),
            ),
            (
                "one bad entry among good ones",
                r#"{"format":"parallax-notes","version":2,"notes":[
                    {"id":"a","doc":"d","quote":{"exact":"x"},"start":0,"end":1},
                    {"id":"b","quote":{"exact":"x"},"start":0,"end":1},
                    7,
                    {"id":"c","doc":"d","quote":{"exact":"y"},"start":5,"end":2},
                    {"id":"e","doc":"d","quote":{"exact":"y"},"start":-1,"end":2},
                    {"id":"f","doc":"d","quote":{"exact":"z"},"start":3,"end":4,"colour":"mauve"}]}"#,
                &["a", "f"],
                &[
                    "entry 2 is not a note (missing \"doc\")",
                    "entry 3 is not a note (it is not a group of fields)",
                    "entry 4 is not a note (its end is before its start)",
                    "entry 5 is not a note (\"start\" is not a position in the text)",
                    "entry 6 has an unknown colour \"mauve\"; it is shown as yellow",
                ],
                None,
            ),
            (
                "duplicate ids: the later update kept",
                r#"[{"id":"a","doc":"d","quote":{"exact":"x"},"start":0,"end":1,"updated":5},
                    {"id":"b","doc":"d","quote":{"exact":"x"},"start":0,"end":1},
                    {"id":"a","doc":"d","quote":{"exact":"x"},"start":0,"end":1,"updated":9}]"#,
                &["a", "b"],
                &[],
                None,
            ),
            (
                "not JSON",
                "my notes: storm!",
                &[],
                &["The notes could not be read"],
                None,
            ),
            ("empty", "  \n", &[], &["The notes are empty."], None),
            (
                "another program's JSON",
                r#"{"format":"annotator","version":1,"notes":[]}"#,
                &[],
                &["not a Parallax notes file (its format is \"annotator\""],
                None,
            ),
            (
                "JSON without notes",
                r#"{"hello":"world"}"#,
                &[],
                &["not a Parallax notes file"],
                None,
            ),
            ("a number", "42", &[], &["not a Parallax notes file"], None),
            (
                "cut off after one note",
                r#"{"format":"parallax-notes","version":2,"notes":[
                    {"id":"a","doc":"d","quote":{"exact":"x"},"start":0,"end":1},
                    {"id":"b","doc":"d","quote":{"exact":"#,
                &["a"],
                // Line 3 has 56 characters; the damage is the missing 57th.
                &["damaged at line 3, column 57 (perhaps cut off); the 1 entry before that point was recovered"],
                None,
            ),
            (
                "cut off version 1",
                r#"{"version":1,"notes":[{"id":"a","doc":"d","exact":"x","start":0,"end":1},{"id":"#,
                &["a"],
                &["the 1 entry before"],
                Some(1),
            ),
            (
                "BOM",
                "\u{feff}[{\"id\":\"a\",\"doc\":\"d\",\"quote\":{\"exact\":\"x\"},\"start\":0,\"end\":1}]",
                &["a"],
                &[],
                None,
            ),
        ];
        for row in rows {
            check(row);
        }
    }

    #[test]
    fn version_1_is_migrated() {
        let raw = r#"{"version":1,"notes":[
            {"id":"n1","doc":"002_x","exact":"the storm","prefix":"said ","suffix":" was",
             "start":50,"end":59,"colour":"red","note":"Which officials?","time":1718000000000},
            {"id":"n2","doc":"002_x","exact":"coast","start":18,"end":23}]}"#;
        let got = parse(raw);
        let want = vec![
            Note {
                id: "n1".into(),
                doc: "002_x".into(),
                quote: TextQuote {
                    exact: "the storm".into(),
                    prefix: "said ".into(),
                    suffix: " was".into(),
                },
                start: 50,
                end: 59,
                colour: Colour::Pink,
                text: "Which officials?".into(),
                created: 1718000000000.0,
                updated: 1718000000000.0,
            },
            Note {
                id: "n2".into(),
                doc: "002_x".into(),
                quote: TextQuote {
                    exact: "coast".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                start: 18,
                end: 23,
                colour: Colour::Yellow,
                text: String::new(),
                created: 0.0,
                updated: 0.0,
            },
        ];
        assert_eq!(got.notes, want);
        assert_eq!(got.problems, Vec::<String>::new());
        assert_eq!(got.migrated_from, Some(1));
        // Written back in the current version, it reads without migration.
        let again = parse(&serialize(&got.notes));
        assert_eq!((again.notes, again.migrated_from), (want, None));
    }

    #[test]
    fn newer_version_is_kept_unread() {
        for raw in [
            r#"{"format":"parallax-notes","version":3,"notes":[{"whatever":1}]}"#,
            r#"{"format":"parallax-notes","version":7,"notes":[{"id":"#,
        ] {
            let got = parse(raw);
            assert_eq!(got.notes, Vec::<Note>::new(), "{raw}");
            let newer = got.newer.as_ref().expect("newer");
            assert_eq!(newer.raw, raw);
            assert!(newer.version == 3 || newer.version == 7);
            assert_eq!(got.problems.len(), 1);
            assert!(
                got.problems[0].contains("newer version of Parallax"),
                "{:?}",
                got.problems
            );
        }
    }

    #[test]
    fn a_set_with_conflicts_and_deletions_round_trips() {
        let mut a = NoteSet::default();
        a.put(note("n1", "d", 0, "storm", "start", 1.0), "t0");
        a.put(note("n2", "d", 10, "rain", "gone soon", 1.0), "t0");
        let mut b = a.clone();
        a.put(note("n1", "d", 0, "storm", "edit in a", 5.0), "ta");
        b.put(note("n1", "d", 0, "storm", "edit in b", 4.0), "tb");
        assert!(b.remove("n2", 6.0, "tb"));
        let set = a.join(&b);
        let raw = serialize_set(&set);
        let back = parse(&raw);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.set, set);
        // Older readers see the shown version of each live note.
        let ids: Vec<&str> = back.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n1"]);
        assert_eq!(back.notes[0].text, "edit in a");
        assert!(raw.contains("\"conflicts\"") && raw.contains("\"deleted\""));
        // Notes stored before clocks existed are read as versions with an empty clock.
        let old = parse(&serialize(&[note("n1", "d", 0, "storm", "old", 1.0)]));
        assert_eq!(old.set.versions().count(), 1);
        assert!(old.set.versions().all(|v| v.clock.is_empty()));
    }

    #[test]
    fn serialized_form_is_readable() {
        let s = serialize(&[note("a", "d", 3, "storm", "", 5.0)]);
        assert!(
            s.starts_with(
                "{\n  \"format\": \"parallax-notes\",\n  \"version\": 2,\n  \"notes\": ["
            ),
            "{s}"
        );
        assert!(s.contains("\"colour\": \"yellow\""), "{s}");
        assert_eq!(serialize(&[]).lines().count(), 5);
    }

    #[test]
    fn merge_table() {
        let a1 = note("a", "d", 0, "storm", "", 1.0);
        let a2 = note("a", "d", 0, "storm", "edited", 2.0);
        let b = note("b", "d", 10, "coast", "x", 1.0);
        let b_twin = note("b2", "d", 10, "coast", "x", 1.0);
        let b_twin_newer = Note {
            colour: Colour::Blue,
            ..note("b3", "d", 10, "coast", "x", 3.0)
        };
        let c = note("c", "e", 10, "coast", "x", 1.0);
        // (case, existing, incoming, result ids with their `updated`, changed)
        type Row = (
            &'static str,
            Vec<Note>,
            Vec<Note>,
            Vec<(&'static str, f64)>,
            usize,
        );
        let rows: Vec<Row> = vec![
            (
                "into nothing",
                vec![],
                vec![a1.clone(), b.clone()],
                vec![("a", 1.0), ("b", 1.0)],
                2,
            ),
            (
                "newer wins",
                vec![a1.clone()],
                vec![a2.clone()],
                vec![("a", 2.0)],
                1,
            ),
            (
                "older loses",
                vec![a2.clone()],
                vec![a1.clone()],
                vec![("a", 2.0)],
                0,
            ),
            (
                "same again",
                vec![a1.clone(), b.clone()],
                vec![a1.clone(), b.clone()],
                vec![("a", 1.0), ("b", 1.0)],
                0,
            ),
            (
                "twin by content",
                vec![b.clone()],
                vec![b_twin.clone()],
                vec![("b", 1.0)],
                0,
            ),
            (
                "newer twin by content",
                vec![b.clone()],
                vec![b_twin_newer.clone()],
                vec![("b3", 3.0)],
                1,
            ),
            (
                "other document is no twin",
                vec![b.clone()],
                vec![c.clone()],
                vec![("b", 1.0), ("c", 1.0)],
                1,
            ),
            (
                "duplicates within incoming",
                vec![],
                vec![a1.clone(), a2.clone(), a1.clone()],
                vec![("a", 2.0)],
                2,
            ),
        ];
        for (name, existing, incoming, want, want_changed) in rows {
            let (got, changed) = merge(&existing, &incoming);
            let got: Vec<(&str, f64)> = got.iter().map(|n| (n.id.as_str(), n.updated)).collect();
            assert_eq!(
                (&got, changed),
                (&want, want_changed),
                "case {name}: expected {want:?} ({want_changed} changed), got {got:?} ({changed})"
            );
        }
    }

    #[test]
    fn markdown_export() {
        let mut n1 = note(
            "a",
            "d1",
            10,
            "*Storm* hits\n# coast",
            "Check [this] <b>",
            1.0,
        );
        n1.colour = Colour::Green;
        let n2 = note("b", "d1", 2, "1. AT&T &amp; co", "", 1.0);
        let n3 = note("c", "d2", 0, "x_y", "", 1.0);
        let md = to_markdown(&[n1, n3, n2], &|d| format!("Title of {d}"), &|n| {
            if n.doc == "d2" {
                String::new()
            } else {
                format!("#/doc/{}?note={} x>", n.doc, n.id)
            }
        });
        let want = "# Notes from Parallax

## Title of d1

> 1\\. AT&T \\&amp; co

— yellow · [Open in Parallax](<#/doc/d1?note=b%20x%3E>)

> \\*Storm\\* hits
> \\# coast

Check \\[this\\] \\<b\\>

— green · [Open in Parallax](<#/doc/d1?note=a%20x%3E>)

## Title of d2

> x\\_y

— yellow
";
        assert_eq!(md, want, "\n--- got ---\n{md}\n--- want ---\n{want}");
        assert_eq!(
            to_markdown(&[], &|d| d.to_string(), &|_| String::new()),
            "# Notes from Parallax\n\nNo notes yet.\n"
        );
    }

    #[test]
    fn colours() {
        for c in Colour::ALL {
            assert_eq!(Colour::from_name(c.name()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.name())
            );
        }
        assert_eq!(Colour::from_name("Purple"), None);
    }

    /// Found by the `notes` fuzz target: serde_json's default float parser read
    /// "1.7180000018000005e+19", which `serialize` writes for that time, one ulp off, so a
    /// note set read back from its own export had another `updated` time (and merges by time).
    #[test]
    fn times_survive_export_and_import_exactly() {
        let raw = r#"[{"id":"n2","doc":"d","quote":{"exact":"storm","prefix":"","suffix":""},
            "start":10,"end":15,"colour":"pink","text":"","created":1718000000000.0,
            "updated":17180000018000005000.5}]"#;
        let first = parse(raw);
        assert_eq!(first.notes[0].updated, 1.7180000018000005e19);
        let json = serialize(&first.notes);
        assert!(json.contains("1.7180000018000005e+19"), "{json}");
        let again = parse(&json);
        assert_eq!(again.notes, first.notes);
        assert_eq!(serialize(&again.notes), json);
    }

    fn arb_note() -> impl Strategy<Value = Note> {
        (
            "[a-z0-9]{1,6}",
            "\\PC{1,8}",
            ("\\PC{0,12}", "\\PC{0,6}", "\\PC{0,6}"),
            0usize..1000,
            0usize..50,
            0usize..4,
            "\\PC{0,20}",
            (0u32..2_000_000_000, 0u32..1000),
        )
            .prop_map(
                |(id, doc, (exact, prefix, suffix), start, len, c, text, (t, dt))| Note {
                    id,
                    doc,
                    quote: TextQuote {
                        exact,
                        prefix,
                        suffix,
                    },
                    start,
                    end: start + len,
                    colour: Colour::ALL[c],
                    text,
                    created: f64::from(t) * 1000.0,
                    updated: f64::from(t) * 1000.0 + f64::from(dt),
                },
            )
    }

    proptest! {
        #[test]
        fn round_trip(notes in proptest::collection::vec(arb_note(), 0..6)) {
            let (unique, _) = merge(&[], &notes);
            let unique = dedupe(unique);
            let got = parse(&serialize(&unique));
            prop_assert_eq!(got.problems, Vec::<String>::new());
            prop_assert_eq!(got.notes, unique);
        }

        #[test]
        fn parse_never_panics(raw in "\\PC{0,200}") {
            let got = parse(&raw);
            prop_assert!(got.notes.is_empty() || got.newer.is_none());
        }

        #[test]
        fn truncation_never_panics(notes in proptest::collection::vec(arb_note(), 1..4), cut in 0usize..2000) {
            let s = serialize(&notes);
            let cut = s.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(s.len());
            let got = parse(&s[..cut]);
            // Whatever was recovered is a prefix of the notes (by id, deduplicated).
            for n in &got.notes {
                prop_assert!(notes.iter().any(|m| m.id == n.id));
            }
        }

        #[test]
        fn markdown_never_panics(notes in proptest::collection::vec(arb_note(), 0..4)) {
            let md = to_markdown(&notes, &|d| d.to_string(), &|n| n.id.clone());
            prop_assert!(md.starts_with("# Notes from Parallax\n"));
        }
    }
}
