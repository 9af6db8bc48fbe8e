//! The student's highlights and notes as app state: a struct, an action enum and one pure
//! reducer (no web-sys; tested natively). The notes are a [`parallax_core::sync::Replica`]:
//! merging never loses a note. Saving is `crate::persisted`'s: every change here bumps
//! `revision`, the app then reads what is stored, merges, writes the merge and hands it back
//! ([`NotesAction::Merged`]); another tab's write arrives as [`NotesAction::Stored`].

use crate::persisted::{Parsed, Persist, Stored};
use crate::state::undo::{Undo, UndoAction};
use parallax_core::notes::{self, Colour, Note, NoteSet};

/// Everything the notes views need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotesState {
    /// Every version of every note this tab knows (the source of truth).
    pub set: NoteSet,
    /// The notes as shown, in the order written: per note its latest version, then versions
    /// written concurrently in another tab as conflict copies (their ids in `conflicts`).
    pub notes: Vec<Note>,
    /// Display ids of the conflict copies in `notes`.
    pub conflicts: Vec<String>,
    /// This tab's writer id in the notes' version clocks.
    pub writer: String,
    /// What the last import did.
    pub imported: Option<Imported>,
    /// Counts changes to `notes`; the provider saves when it moves.
    pub revision: u64,
    /// The note last deleted, while it can still be put back.
    pub undo: Undo<Note>,
}

/// What importing a notes file did.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Nothing: the file has this many bytes, over [`notes::MAX_FILE_BYTES`].
    TooLarge(usize),
    /// Nothing: the file holds no notes (the first problem found, if any).
    Nothing(Option<String>),
    /// Notes added, notes already here, damaged entries skipped.
    Done {
        /// Notes added.
        added: usize,
        /// Notes that were here already.
        skipped: usize,
        /// Damaged entries left out.
        damaged: usize,
    },
}

/// What can happen to the notes.
#[derive(Debug, Clone, PartialEq)]
pub enum NotesAction {
    /// A new highlight or note.
    Add(Note),
    /// A note's text or colour changed.
    Edit {
        /// Note id.
        id: String,
        /// New note text.
        text: String,
        /// New colour.
        colour: Colour,
        /// When (ms since epoch).
        at: f64,
    },
    /// A note was deleted.
    Remove {
        /// Note id (as shown).
        id: String,
        /// When (ms since epoch).
        at: f64,
    },
    /// Put back the note last deleted.
    Undo,
    /// The Undo of deletion `seq` is no longer offered.
    UndoExpired(u64),
    /// What another tab stored: merged in.
    Stored(String),
    /// What the last save wrote (this tab's notes merged with what was stored).
    Merged(NoteSet),
    /// A notes file (JSON export) was opened: merged without duplicates.
    Import(String),
}

impl NotesState {
    /// A state whose changes are written as `writer` (the tab's id).
    pub fn for_writer(writer: &str) -> NotesState {
        NotesState {
            writer: writer.to_string(),
            ..NotesState::default()
        }
    }

    /// The notes `set` (as read from storage), changed from now on as `writer`; saved at once
    /// when `write_back` (stored in an older format).
    pub fn new(writer: &str, set: NoteSet, write_back: bool) -> NotesState {
        let mut s = NotesState::for_writer(writer);
        s.set = set;
        s.show();
        s.revision = u64::from(write_back);
        s
    }

    /// The state after `action`.
    pub fn reduce(&self, action: NotesAction) -> NotesState {
        let mut next = self.clone();
        match action {
            NotesAction::Stored(raw) => next.stored(&raw),
            NotesAction::Merged(set) => {
                if set != next.set {
                    next.set = set;
                    next.show();
                }
            }
            NotesAction::Add(note) => {
                if next.set.get(&note.id).is_none() {
                    next.set.put(note, &self.writer);
                    next.changed();
                }
            }
            NotesAction::Edit {
                id,
                text,
                colour,
                at,
            } => {
                if let Some(n) = next.set.get(&id) {
                    if n.text != text || n.colour != colour {
                        let mut n = n.clone();
                        n.text = text;
                        n.colour = colour;
                        n.updated = at;
                        next.set.replace(&id, n, &self.writer);
                        next.changed();
                    }
                }
            }
            NotesAction::Remove { id, at } => {
                let gone = next.set.get(&id).cloned();
                if let (true, Some(n)) = (next.set.remove(&id, at, &self.writer), gone) {
                    let label = format!(
                        "the note on “{}”",
                        parallax_core::document::shorten(&n.quote.exact, 40)
                    );
                    next.undo = next.undo.reduce(UndoAction::Removed(n, label));
                    next.changed();
                }
            }
            NotesAction::Undo => {
                if let Some(item) = next.undo.pending.as_ref().map(|r| r.item.clone()) {
                    next.set.put(item, &self.writer);
                    next.undo = next.undo.reduce(UndoAction::Undone);
                    next.changed();
                }
            }
            NotesAction::UndoExpired(seq) => next.undo = next.undo.reduce(UndoAction::Expired(seq)),
            NotesAction::Import(raw) => next.imported = Some(next.import(&raw)),
        }
        next
    }

    /// `set` changed here: the shown notes follow and the app saves.
    fn changed(&mut self) {
        self.show();
        self.revision += 1;
    }

    /// Recomputes `notes` and `conflicts` from `set`.
    fn show(&mut self) {
        let mut shown: Vec<(Note, bool)> = self
            .set
            .shown()
            .into_iter()
            .map(|s| {
                let mut n = s.item.clone();
                n.id = s.display_id;
                (n, s.conflict)
            })
            .collect();
        shown.sort_by(|a, b| a.0.created.total_cmp(&b.0.created));
        self.conflicts = shown
            .iter()
            .filter(|(_, c)| *c)
            .map(|(n, _)| n.id.clone())
            .collect();
        self.notes = shown.into_iter().map(|(n, _)| n).collect();
    }

    /// Merges what another tab stored. Saves again only when this tab holds something the
    /// stored text lacks.
    fn stored(&mut self, raw: &str) {
        let parsed = notes::parse(raw);
        if parsed.newer.is_some() {
            return;
        }
        let joined = self.set.join(&parsed.set);
        if joined != parsed.set {
            self.revision += 1;
        }
        if joined != self.set {
            self.set = joined;
            self.show();
        }
    }

    fn import(&mut self, raw: &str) -> Imported {
        if raw.len() > notes::MAX_FILE_BYTES {
            return Imported::TooLarge(raw.len());
        }
        let parsed = notes::parse(raw);
        if parsed.notes.is_empty() {
            return Imported::Nothing(parsed.problems.first().cloned());
        }
        // Notes already here, whatever their ids (an export imported again adds nothing).
        let here: std::collections::HashSet<_> =
            self.notes.iter().map(notes::content_key).collect();
        let (mut added, mut seen) = (0, 0);
        for v in parsed.set.versions() {
            let Some(note) = v.live() else { continue };
            seen += 1;
            // Kept beside what this tab holds, never instead of it: an imported version
            // never supersedes a note here (a conflict copy at worst).
            if !here.contains(&notes::content_key(note)) && self.set.insert(v.branch("import")) {
                added += 1;
            }
        }
        if added > 0 {
            self.changed();
        }
        Imported::Done {
            added,
            skipped: seen - added,
            damaged: parsed.problems.len(),
        }
    }

    /// True when the note shown under `id` is a conflict copy.
    pub fn is_conflict(&self, id: &str) -> bool {
        self.conflicts.iter().any(|c| c == id)
    }

    /// The notes of document `doc`, in text order.
    pub fn of_doc(&self, doc: &str) -> Vec<&Note> {
        let mut v: Vec<&Note> = self.notes.iter().filter(|n| n.doc == doc).collect();
        v.sort_by_key(|n| (n.start, n.end));
        v
    }
}

impl yew::Reducible for NotesState {
    type Action = NotesAction;
    fn reduce(self: std::rc::Rc<Self>, action: NotesAction) -> std::rc::Rc<Self> {
        std::rc::Rc::new(NotesState::reduce(&self, action))
    }
}

impl Persist for NotesState {
    type Value = NoteSet;
    fn value(&self) -> &NoteSet {
        &self.set
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn merged(value: NoteSet) -> NotesAction {
        NotesAction::Merged(value)
    }
    fn stored(raw: String) -> NotesAction {
        NotesAction::Stored(raw)
    }
}

impl Stored for NoteSet {
    fn parse(raw: &str) -> Parsed<Self> {
        let p = notes::parse(raw);
        Parsed {
            value: p.set,
            problems: p.problems,
            newer: p.newer.map(|n| n.version),
            outdated: p.migrated_from.is_some(),
        }
    }
    fn serialize(&self) -> String {
        notes::serialize_set(self)
    }
    fn join(&self, other: &Self) -> Self {
        parallax_core::sync::Replica::join(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::anchor::describe;
    use parallax_core::Span;

    const TEXT: &str = "Heavy rain closed the ring road on Sunday, police said.";

    fn note(id: &str, start: usize, end: usize, text: &str) -> Note {
        Note {
            id: id.into(),
            doc: "a".into(),
            quote: describe(TEXT, Span::new(start, end)),
            start,
            end,
            colour: Colour::Yellow,
            text: text.into(),
            created: 1.0,
            updated: 1.0,
        }
    }

    /// Tab "t0" after reading `notes` from storage.
    fn loaded(notes: &[Note]) -> NotesState {
        let p = <NoteSet as Stored>::parse(&notes::serialize(notes));
        NotesState::new("t0", p.value, p.outdated)
    }

    #[test]
    fn loading_keeps_every_stored_note_without_saving() {
        let s = loaded(&[note("n1", 0, 5, "x"), note("n2", 6, 10, "")]);
        assert_eq!(s.notes.len(), 2);
        assert_eq!(s.revision, 0, "reading must not trigger a write");
    }

    #[test]
    fn damaged_storage_is_reported_and_valid_notes_kept() {
        let good = notes::serialize(&[note("n1", 0, 5, "keep me")]);
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        value["notes"]
            .as_array_mut()
            .unwrap()
            .insert(0, serde_json::json!({"id": 7}));
        let raw = value.to_string();
        assert_ne!(raw, good, "fixture must contain a damaged entry");
        let p = <NoteSet as Stored>::parse(&raw);
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
        let s = NotesState::new("t0", p.value, p.outdated);
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].text, "keep me");
    }

    #[test]
    fn add_edit_remove_bump_the_revision_only_on_change() {
        let s = loaded(&[]);
        let s = s.reduce(NotesAction::Add(note("n1", 0, 5, "")));
        assert_eq!((s.notes.len(), s.revision), (1, 1));
        let s = s.reduce(NotesAction::Add(note("n1", 0, 5, "")));
        assert_eq!((s.notes.len(), s.revision), (1, 1), "same id twice");
        let s = s.reduce(NotesAction::Edit {
            id: "n1".into(),
            text: "why?".into(),
            colour: Colour::Green,
            at: 5.0,
        });
        assert_eq!(s.notes[0].text, "why?");
        assert_eq!(s.notes[0].colour, Colour::Green);
        assert_eq!(s.notes[0].updated, 5.0);
        assert_eq!(s.revision, 2);
        let s = s.reduce(NotesAction::Remove {
            id: "nope".into(),
            at: 6.0,
        });
        assert_eq!(s.revision, 2);
        let s = s.reduce(NotesAction::Remove {
            id: "n1".into(),
            at: 6.0,
        });
        assert!(s.notes.is_empty());
        assert_eq!(s.revision, 3);
        assert_eq!(s.undo.message, "Removed the note on “Heavy”.");
        // Undo puts it back as it was, and saves; a second Undo does nothing.
        let s = s.reduce(NotesAction::Undo);
        assert_eq!(s.notes.len(), 1);
        assert_eq!((s.notes[0].text.as_str(), s.revision), ("why?", 4));
        assert_eq!(s.undo.message, "Restored the note on “Heavy”.");
        assert_eq!(s.reduce(NotesAction::Undo).revision, 4);
        // Once the Undo expired, nothing comes back.
        let s = s.reduce(NotesAction::Remove {
            id: "n1".into(),
            at: 7.0,
        });
        let s = s.reduce(NotesAction::UndoExpired(s.undo.seq));
        let s = s.reduce(NotesAction::Undo);
        assert!(s.notes.is_empty());
        assert_eq!(
            (s.undo.pending.is_none(), s.undo.message.as_str()),
            (true, "")
        );
    }

    #[test]
    fn import_merges_without_duplicates() {
        let s = loaded(&[note("n1", 0, 5, "a")]);
        let file = notes::serialize(&[note("n1", 0, 5, "a"), note("n2", 6, 10, "b")]);
        let s = s.reduce(NotesAction::Import(file.clone()));
        assert_eq!(s.notes.len(), 2);
        assert_eq!(
            s.imported,
            Some(Imported::Done {
                added: 1,
                skipped: 1,
                damaged: 0
            })
        );
        let again = s.reduce(NotesAction::Import(file));
        assert_eq!(again.notes.len(), 2);
        assert_eq!(again.revision, s.revision, "nothing new, nothing to save");
        let bad = s.reduce(NotesAction::Import("not json".into()));
        assert_eq!(bad.notes, s.notes);
        assert!(matches!(bad.imported, Some(Imported::Nothing(Some(_)))));
        let big = "x".repeat(notes::MAX_FILE_BYTES + 1);
        let big = s.reduce(NotesAction::Import(big));
        assert_eq!(
            big.imported,
            Some(Imported::TooLarge(notes::MAX_FILE_BYTES + 1))
        );
    }

    /// What tab `s` writes after merging what is stored (as `crate::persisted::save` does).
    fn stored(s: &NotesState) -> String {
        notes::serialize_set(&s.set)
    }

    #[test]
    fn two_tabs_keep_each_others_notes() {
        let start = stored(&loaded(&[note("n1", 0, 5, "shared")]));
        let tab = |w: &str| NotesState::new(w, <NoteSet as Stored>::parse(&start).value, false);
        let (a, b) = (tab("ta"), tab("tb"));
        let a = a.reduce(NotesAction::Add(note("n2", 6, 10, "from a")));
        let b = b.reduce(NotesAction::Add(note("n3", 11, 15, "from b")));
        let b = b.reduce(NotesAction::Edit {
            id: "n1".into(),
            text: "edited in b".into(),
            colour: Colour::Blue,
            at: 9.0,
        });
        // a wrote first; b hears it, then a hears b's write.
        let b = b.reduce(NotesAction::Stored(stored(&a)));
        assert!(
            b.revision > 0,
            "b holds notes the store lacks: it must write"
        );
        let a = a.reduce(NotesAction::Stored(stored(&b)));
        for s in [&a, &b] {
            let texts: Vec<&str> = s.notes.iter().map(|n| n.text.as_str()).collect();
            assert_eq!(texts, ["edited in b", "from a", "from b"]);
            assert!(s.conflicts.is_empty());
        }
        // A deletion in one tab stays deleted in the other.
        let a = a.reduce(NotesAction::Remove {
            id: "n2".into(),
            at: 10.0,
        });
        let b = b.reduce(NotesAction::Stored(stored(&a)));
        assert!(!b.notes.iter().any(|n| n.id == "n2"));
        let a = a.reduce(NotesAction::Stored(stored(&b)));
        assert!(!a.notes.iter().any(|n| n.id == "n2"), "not resurrected");
        // Concurrent edits of one note: the later shown, the other a conflict copy.
        let edit = |s: &NotesState, text: &str, at: f64| {
            s.reduce(NotesAction::Edit {
                id: "n3".into(),
                text: text.into(),
                colour: Colour::Yellow,
                at,
            })
        };
        let (a, b) = (edit(&a, "a's take", 20.0), edit(&b, "b's take", 21.0));
        let a = a.reduce(NotesAction::Stored(stored(&b)));
        let shown: Vec<(&str, bool)> = a
            .notes
            .iter()
            .filter(|n| n.id.starts_with("n3"))
            .map(|n| (n.text.as_str(), a.is_conflict(&n.id)))
            .collect();
        assert_eq!(shown, [("b's take", false), ("a's take", true)]);
    }

    #[test]
    fn notes_of_a_newer_version_are_never_overwritten() {
        let raw = r#"{"format":"parallax-notes","version":99,"notes":[]}"#;
        assert_eq!(<NoteSet as Stored>::parse(raw).newer, Some(99));
        let s = loaded(&[note("n1", 0, 5, "")]);
        let heard = s.reduce(NotesAction::Stored(raw.to_string()));
        assert_eq!(heard, s, "a newer tab's write is not merged");
    }

    #[test]
    fn a_save_shows_what_it_merged_without_saving_again() {
        let s = loaded(&[note("n1", 0, 5, "")]).reduce(NotesAction::Add(note("n2", 6, 10, "")));
        let theirs = loaded(&[note("n3", 11, 15, "")]);
        let merged = s.set.join(&theirs.set);
        let after = s.reduce(NotesAction::Merged(merged));
        assert_eq!((after.notes.len(), after.revision), (3, s.revision));
    }

    #[test]
    fn notes_of_a_doc_are_in_text_order() {
        let mut late = note("n1", 20, 25, "");
        late.doc = "a".into();
        let s = loaded(&[late, note("n2", 0, 5, "")]);
        let ids: Vec<&str> = s.of_doc("a").iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n2", "n1"]);
        assert!(s.of_doc("b").is_empty());
    }
}
