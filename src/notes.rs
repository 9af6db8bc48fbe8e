//! The student's highlights and notes as app state: a struct, an action enum and one pure
//! reducer (no web-sys; tested natively). Storage happens around it, in
//! [`crate::components::notes_provider`]: loading dispatches [`NotesAction::Loaded`], every
//! change bumps `revision`, and the provider writes the notes back when it changes.

use parallax_core::notes::{self, Colour, Note};

/// Everything the notes views need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotesState {
    /// Every note, in the order written.
    pub notes: Vec<Note>,
    /// Problems found when the stored notes were read (damaged entries, newer format).
    pub problems: Vec<String>,
    /// The key under which unreadable stored data was kept verbatim, for export.
    pub damaged_key: Option<String>,
    /// Why the last save failed, shown until a save succeeds.
    pub save_error: Option<String>,
    /// What the last import did, for a status line.
    pub status: Option<String>,
    /// Counts changes to `notes`; the provider saves when it moves.
    pub revision: u64,
    /// Storage has been read (nothing is saved before, so nothing stored is overwritten).
    pub loaded: bool,
}

/// What can happen to the notes.
#[derive(Debug, Clone, PartialEq)]
pub enum NotesAction {
    /// The stored notes were read (`raw` is `None` when nothing was stored); `error` when
    /// storage could not be read at all.
    Loaded {
        /// The stored text.
        raw: Option<String>,
        /// Why storage could not be read.
        error: Option<String>,
    },
    /// Damaged stored data was kept under this key.
    KeptDamaged(String),
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
    Remove(String),
    /// A notes file (JSON export) was opened: merged without duplicates.
    Import(String),
    /// Writing to storage failed with this message.
    SaveFailed(String),
    /// Writing to storage succeeded.
    Saved,
}

impl NotesState {
    /// The state after `action`.
    pub fn reduce(&self, action: NotesAction) -> NotesState {
        let mut next = self.clone();
        match action {
            NotesAction::Loaded { raw, error } => {
                next.loaded = error.is_none();
                if let Some(e) = error {
                    next.save_error = Some(e);
                }
                if let Some(raw) = raw {
                    let parsed = notes::parse(&raw);
                    // Notes made before storage was read (none in practice) are kept too.
                    let (merged, _) = notes::merge(&parsed.notes, &self.notes);
                    next.notes = merged;
                    next.problems = parsed.problems;
                    if let Some(newer) = &parsed.newer {
                        // Never write over notes a newer Parallax saved: this version cannot
                        // read them all, so it keeps its changes in memory only.
                        next.loaded = false;
                        next.save_error = Some(format!(
                            "Your notes were saved by a newer version of Parallax (format {}); this page shows what it can read and saves nothing, so they stay intact. Open the newer version, or export what you write here.",
                            newer.version
                        ));
                    }
                    // Written back only when that changes what is stored: a migration, or
                    // notes that were not stored yet.
                    if !self.notes.is_empty() || parsed.migrated_from.is_some() {
                        next.revision += 1;
                    }
                } else if !self.notes.is_empty() {
                    next.revision += 1;
                }
            }
            NotesAction::KeptDamaged(key) => next.damaged_key = Some(key),
            NotesAction::Add(note) => {
                if !next.notes.iter().any(|n| n.id == note.id) {
                    next.notes.push(note);
                    next.revision += 1;
                }
            }
            NotesAction::Edit {
                id,
                text,
                colour,
                at,
            } => {
                if let Some(n) = next.notes.iter_mut().find(|n| n.id == id) {
                    if n.text != text || n.colour != colour {
                        n.text = text;
                        n.colour = colour;
                        n.updated = at;
                        next.revision += 1;
                    }
                }
            }
            NotesAction::Remove(id) => {
                let before = next.notes.len();
                next.notes.retain(|n| n.id != id);
                if next.notes.len() != before {
                    next.revision += 1;
                }
            }
            NotesAction::Import(raw) => {
                let parsed = notes::parse(&raw);
                if parsed.notes.is_empty() {
                    let why = parsed
                        .problems
                        .first()
                        .cloned()
                        .unwrap_or_else(|| "it holds no notes".to_string());
                    next.status = Some(format!("Nothing imported: {why}."));
                } else {
                    let (merged, changed) = notes::merge(&self.notes, &parsed.notes);
                    let skipped = parsed.notes.len() - changed.min(parsed.notes.len());
                    next.notes = merged;
                    if changed > 0 {
                        next.revision += 1;
                    }
                    let mut msg = format!(
                        "Imported {changed} note{}",
                        if changed == 1 { "" } else { "s" }
                    );
                    if skipped > 0 {
                        msg.push_str(&format!("; {skipped} already here"));
                    }
                    if !parsed.problems.is_empty() {
                        msg.push_str(&format!(
                            "; {} damaged entr{} skipped",
                            parsed.problems.len(),
                            if parsed.problems.len() == 1 {
                                "y"
                            } else {
                                "ies"
                            }
                        ));
                    }
                    msg.push('.');
                    next.status = Some(msg);
                }
            }
            NotesAction::SaveFailed(e) => next.save_error = Some(e),
            NotesAction::Saved => next.save_error = None,
        }
        next
    }

    /// The notes of document `doc`, in text order.
    pub fn of_doc(&self, doc: &str) -> Vec<&Note> {
        let mut v: Vec<&Note> = self.notes.iter().filter(|n| n.doc == doc).collect();
        v.sort_by_key(|n| (n.start, n.end));
        v
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

    fn loaded(notes: &[Note]) -> NotesState {
        NotesState::default().reduce(NotesAction::Loaded {
            raw: Some(notes::serialize(notes)),
            error: None,
        })
    }

    #[test]
    fn loading_keeps_every_stored_note_without_saving() {
        let s = loaded(&[note("n1", 0, 5, "x"), note("n2", 6, 10, "")]);
        assert_eq!(s.notes.len(), 2);
        assert!(s.loaded && s.problems.is_empty());
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
        let s = NotesState::default().reduce(NotesAction::Loaded {
            raw: Some(raw),
            error: None,
        });
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].text, "keep me");
        assert!(!s.problems.is_empty());
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
        let s = s.reduce(NotesAction::Remove("nope".into()));
        assert_eq!(s.revision, 2);
        let s = s.reduce(NotesAction::Remove("n1".into()));
        assert!(s.notes.is_empty());
        assert_eq!(s.revision, 3);
    }

    #[test]
    fn import_merges_without_duplicates() {
        let s = loaded(&[note("n1", 0, 5, "a")]);
        let file = notes::serialize(&[note("n1", 0, 5, "a"), note("n2", 6, 10, "b")]);
        let s = s.reduce(NotesAction::Import(file.clone()));
        assert_eq!(s.notes.len(), 2);
        assert!(s
            .status
            .as_deref()
            .unwrap_or("")
            .starts_with("Imported 1 note"));
        let again = s.reduce(NotesAction::Import(file));
        assert_eq!(again.notes.len(), 2);
        assert_eq!(again.revision, s.revision, "nothing new, nothing to save");
        let bad = s.reduce(NotesAction::Import("not json".into()));
        assert_eq!(bad.notes, s.notes);
        assert!(bad
            .status
            .as_deref()
            .unwrap_or("")
            .starts_with("Nothing imported"));
    }

    #[test]
    fn notes_of_a_newer_version_are_never_overwritten() {
        let raw = r#"{"format":"parallax-notes","version":99,"notes":[]}"#;
        let s = NotesState::default().reduce(NotesAction::Loaded {
            raw: Some(raw.to_string()),
            error: None,
        });
        assert!(!s.loaded, "a newer format must block saving");
        assert!(s.save_error.as_deref().unwrap_or("").contains("newer"));
    }

    #[test]
    fn save_errors_show_until_a_save_succeeds() {
        let s = loaded(&[]).reduce(NotesAction::SaveFailed("full".into()));
        assert_eq!(s.save_error.as_deref(), Some("full"));
        assert_eq!(s.reduce(NotesAction::Saved).save_error, None);
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
