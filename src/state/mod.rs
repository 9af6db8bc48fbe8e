//! The app's state machines: each a struct of plain data, an action enum and one pure
//! reducer (Yew's `function_todomvc` shape), free of web-sys so they are tested natively
//! (named rows through a `check` helper). Storage and the DOM stay outside: `crate::persisted`
//! saves, pages and components dispatch.
//!
//! - `reader`: what the reader shows (the `#/doc/<id>?…` query) and its side panel.
//! - `compare`: the compare view's options and presenter row.
//! - `teach`: the session builder's draft (and the draft as the `#/teach?draft&…` query).
//! - `notes`: the student's highlights and notes.
//! - `articles`: the student's own articles (stored format, collections, the reducer).
//! - `answers`: a student's answers to one session (stored format, the reducer).
//! - `answered`: the sessions with answers on this device.
//! - `undo`: what was just removed, for Undo.

pub mod answered;
pub mod answers;
pub mod articles;
pub mod compare;
pub mod notes;
pub mod reader;
pub mod teach;
pub mod undo;

/// Paging in presenter mode: from `at` (a paragraph or row number, or none yet), the
/// next (`d` > 0) or previous among `shown` (in order); stops at either end, and from a number
/// no longer shown goes to the next one shown. The reader pages through paragraphs, compare
/// through aligned rows.
pub fn page(at: Option<usize>, d: i32, shown: &[usize]) -> Option<usize> {
    let i = match (at.and_then(|p| shown.iter().position(|&x| x >= p)), d > 0) {
        (None, _) => 0,
        (Some(i), true) if at == Some(shown[i]) => (i + 1).min(shown.len().saturating_sub(1)),
        (Some(i), true) => i,
        (Some(i), false) => i.saturating_sub(1),
    };
    shown.get(i).copied()
}
