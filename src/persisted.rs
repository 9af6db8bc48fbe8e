//! One way to save what a student writes (notes, own articles, session answers): a value
//! kept under one local-storage key in a format two tabs can both write. Every write reads
//! what is stored first, keeps unreadable data aside verbatim (`parallax.damaged.*`), merges
//! by id ([`Stored::join`], `parallax_core::sync`) and writes the merge; a value stored by a
//! newer Parallax is never written over. What saving found is a [`SaveStatus`], kept apart
//! from the value's own state (`crate::state::*`) and put into words by the views.
//!
//! [`merge`] and [`loaded`] are pure (tested natively); [`load`] and [`save`] add the storage
//! calls around them; [`use_persisted`] is the hook every kept state goes through, for a
//! state that implements [`Persist`].

use crate::storage::{self, StorageError};
use yew::prelude::*;

/// A stored format that two tabs can both write: read leniently, merged without loss.
pub trait Stored: Clone + Default + PartialEq + 'static {
    /// Reads stored text (damaged parts are reported, never dropped silently).
    fn parse(raw: &str) -> Parsed<Self>;
    /// The text to store.
    fn serialize(&self) -> String;
    /// Everything `self` and `other` hold (what two tabs wrote, nothing lost).
    fn join(&self, other: &Self) -> Self;
}

/// What reading stored text found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed<T> {
    /// Everything that could be read.
    pub value: T,
    /// A sentence per damaged part.
    pub problems: Vec<String>,
    /// Written by a newer Parallax in this format version: shown, never written over.
    pub newer: Option<u32>,
    /// In an older format: written back in the current one once read.
    pub outdated: bool,
}

impl<T: Default> Parsed<T> {
    /// Read without a problem.
    pub fn ok(value: T) -> Self {
        Parsed {
            value,
            ..Parsed::default()
        }
    }
}

/// What the app knows about keeping one value on this device (shown by the views; the
/// value's own state knows nothing of it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SaveStatus {
    /// Problems found in what was stored when it was first read.
    pub problems: Vec<String>,
    /// The key under which unreadable stored data was kept verbatim, for export.
    pub damaged_key: Option<String>,
    /// Storage could not be read at all: nothing is written (it could not be merged).
    pub read_error: Option<StorageError>,
    /// What is stored was written by a newer Parallax (its format version): nothing is
    /// written, so it stays intact.
    pub newer: Option<u32>,
    /// How the last write went (None before the first).
    pub written: Option<Result<(), StorageError>>,
}

impl SaveStatus {
    /// Whether this tab may write the value (storage was read, in a format it knows).
    pub fn can_write(&self) -> bool {
        self.read_error.is_none() && self.newer.is_none()
    }

    /// Why the last write failed, until one succeeds.
    pub fn write_error(&self) -> Option<&StorageError> {
        self.written.as_ref().and_then(|w| w.as_ref().err())
    }
}

/// The value, the status and whether to write back at once, from what reading storage gave
/// (`Ok(None)`: nothing stored). Damaged data is not kept aside yet ([`load`] does that).
pub fn loaded<T: Stored>(read: Result<Option<String>, StorageError>) -> (T, SaveStatus, bool) {
    match read {
        Ok(Some(raw)) => {
            let p = T::parse(&raw);
            let status = SaveStatus {
                problems: p.problems,
                newer: p.newer,
                ..SaveStatus::default()
            };
            (p.value, status, p.outdated)
        }
        Ok(None) => (T::default(), SaveStatus::default(), false),
        Err(e) => (
            T::default(),
            SaveStatus {
                read_error: Some(e),
                ..SaveStatus::default()
            },
            false,
        ),
    }
}

/// What to write, given what this tab holds (`mine`) and what is stored now.
#[derive(Debug, Clone, PartialEq)]
pub enum Merge<T> {
    /// Write `merged`; keep the stored text aside first when `damaged`.
    Write {
        /// `mine` joined with what could be read of the stored value.
        merged: T,
        /// The stored text had damaged parts.
        damaged: bool,
    },
    /// A newer Parallax wrote what is stored (this format version): write nothing.
    Newer(u32),
}

/// Reads `stored` before a write of `mine` (pure: [`save`] does the storage calls).
pub fn merge<T: Stored>(mine: &T, stored: Option<&str>) -> Merge<T> {
    let Some(raw) = stored else {
        return Merge::Write {
            merged: mine.clone(),
            damaged: false,
        };
    };
    let p = T::parse(raw);
    if let Some(v) = p.newer {
        return Merge::Newer(v);
    }
    Merge::Write {
        merged: mine.join(&p.value),
        damaged: !p.problems.is_empty(),
    }
}

/// Reads the value stored under `key`; damaged data is kept aside under
/// `parallax.damaged.<key>` before anything is written over it.
pub fn load<T: Stored>(key: &str) -> (T, SaveStatus, bool) {
    let read = storage::read(key);
    let raw = read.as_ref().ok().cloned().flatten();
    let (value, mut status, write_back) = loaded::<T>(read);
    if let (Some(raw), false) = (raw, status.problems.is_empty()) {
        status.damaged_key = storage::keep_damaged(key, &raw).ok();
    }
    (value, status, write_back)
}

/// Saves `mine` under `key` without losing what another tab stored since this one read:
/// reads what is stored, keeps damaged data aside, merges, writes the merge. The merge (what
/// to show) and the status after.
pub fn save<T: Stored>(key: &str, mine: &T, status: &SaveStatus) -> (T, SaveStatus) {
    let mut status = status.clone();
    if !status.can_write() {
        return (mine.clone(), status);
    }
    let stored = storage::read(key).ok().flatten();
    match merge(mine, stored.as_deref()) {
        Merge::Newer(v) => {
            status.newer = Some(v);
            (mine.clone(), status)
        }
        Merge::Write { merged, damaged } => {
            if let (true, Some(raw)) = (damaged, &stored) {
                if let Ok(k) = storage::keep_damaged(key, raw) {
                    status.damaged_key = Some(k);
                }
            }
            status.written = Some(storage::write(key, &merged.serialize()));
            (merged, status)
        }
    }
}

/// A state kept on this device: the value it stores, the changes this tab made, and the
/// actions that bring in a merge ([`save`]'s) and another tab's write.
pub trait Persist: Reducible + 'static {
    /// What is stored.
    type Value: Stored;
    /// The value to store.
    fn value(&self) -> &Self::Value;
    /// Counts changes made in this tab: a write follows whenever it moves past 0.
    fn revision(&self) -> u64;
    /// What a save wrote (this tab's value merged with what was stored).
    fn merged(value: Self::Value) -> Self::Action;
    /// What another tab stored.
    fn stored(raw: String) -> Self::Action;
}

/// The one way to keep a state on this device: read under `key` on the first render (`init`
/// makes the state from the stored value and whether to write it back at once), saved after
/// every change ([`save`]: read, keep damaged, merge, write), other tabs' writes merged in.
/// `after_save` hears the status after each write. `key` is read on the first render only: a
/// component whose key can change is keyed by it.
#[hook]
pub fn use_persisted<S, F>(
    key: &str,
    init: F,
    after_save: Callback<SaveStatus>,
) -> (UseReducerHandle<S>, UseStateHandle<SaveStatus>)
where
    S: Persist,
    F: FnOnce(S::Value, bool) -> S + 'static,
{
    let first = use_mut_ref(|| Some(load::<S::Value>(key)));
    let status = use_state_eq(|| {
        first
            .borrow()
            .as_ref()
            .map(|l| l.1.clone())
            .unwrap_or_default()
    });
    let state = use_reducer(|| {
        let (value, _, write_back) = first.borrow_mut().take().unwrap_or_default();
        init(value, write_back)
    });
    {
        let (state, status, key) = (state.clone(), status.clone(), key.to_string());
        use_effect_with(state.revision(), move |rev| {
            if *rev > 0 {
                let (merged, s) = save(&key, state.value(), &status);
                if &merged != state.value() {
                    state.dispatch(S::merged(merged));
                }
                after_save.emit(s.clone());
                status.set(s);
            }
        });
    }
    let dispatch = state.dispatcher();
    use_other_tabs(
        key.to_string(),
        Callback::from(move |raw| dispatch.dispatch(S::stored(raw))),
    );
    (state, status)
}

/// Calls `on_stored` with what another tab or window of this origin stores under `key` (a
/// tab never hears its own writes), while the component lives.
#[hook]
pub fn use_other_tabs(key: String, on_stored: Callback<String>) {
    use_effect_with(key, move |key| {
        let key = key.clone();
        let listener = storage::on_change(move |k, value| {
            if let (true, Some(raw)) = (k == key, value) {
                on_stored.emit(raw);
            }
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy format: comma-separated words, merged as a sorted set; `!` marks a damaged
    /// word, `v9:` a newer format, `v0:` an older one.
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Words(Vec<String>);

    impl Stored for Words {
        fn parse(raw: &str) -> Parsed<Self> {
            if raw.starts_with("v9:") {
                return Parsed {
                    newer: Some(9),
                    ..Parsed::default()
                };
            }
            let (raw, outdated) = match raw.strip_prefix("v0:") {
                Some(r) => (r, true),
                None => (raw, false),
            };
            let mut p: Parsed<Words> = Parsed {
                outdated,
                ..Parsed::default()
            };
            for w in raw.split(',').filter(|w| !w.is_empty()) {
                if w.starts_with('!') {
                    p.problems.push(format!("{w} is damaged"));
                } else {
                    p.value.0.push(w.to_string());
                }
            }
            p
        }
        fn serialize(&self) -> String {
            self.0.join(",")
        }
        fn join(&self, other: &Self) -> Self {
            let mut all: Vec<String> = self.0.iter().chain(&other.0).cloned().collect();
            all.sort();
            all.dedup();
            Words(all)
        }
    }

    fn words(s: &str) -> Words {
        Words::parse(s).value
    }

    /// Writing `mine` over `stored`, written `write <merged>[, keep damaged]` or `newer N`.
    #[track_caller]
    fn check(mine: &str, stored: Option<&str>, expected: &str) {
        let got = match merge(&words(mine), stored) {
            Merge::Write { merged, damaged } => format!(
                "write {}{}",
                merged.serialize(),
                if damaged { ", keep damaged" } else { "" }
            ),
            Merge::Newer(v) => format!("newer {v}"),
        };
        assert_eq!(got, expected, "mine {mine:?}, stored {stored:?}");
    }

    #[test]
    fn a_write_merges_what_is_stored() {
        check("a,b", None, "write a,b");
        check("a,b", Some(""), "write a,b");
        check("a", Some("b,c"), "write a,b,c");
        check("", Some("b"), "write b");
        // Damaged stored data: the readable part is merged, the text kept aside first.
        check("a", Some("b,!x"), "write a,b, keep damaged");
        // A newer Parallax's data is never written over.
        check("a", Some("v9:whatever"), "newer 9");
        check("a", Some("v0:b"), "write a,b");
    }

    #[test]
    fn loading_reports_what_it_found() {
        type Case = (
            &'static str,
            Result<Option<&'static str>, StorageError>,
            &'static str,
        );
        let cases: &[Case] = &[
            ("nothing stored", Ok(None), "[] problems 0, write false"),
            ("stored", Ok(Some("a,b")), "[a,b] problems 0, write false"),
            ("damaged", Ok(Some("a,!b")), "[a] problems 1, write false"),
            (
                "older format",
                Ok(Some("v0:a")),
                "[a] problems 0, write true",
            ),
            ("newer format", Ok(Some("v9:a")), "[] newer 9, write false"),
            (
                "unreadable",
                Err(StorageError::Unavailable),
                "[] cannot write",
            ),
        ];
        for (name, read, expected) in cases {
            let (v, s, write_back): (Words, _, _) =
                loaded(read.clone().map(|o| o.map(str::to_string)));
            let got = match (s.newer, s.can_write()) {
                (Some(n), _) => format!("[{}] newer {n}, write {write_back}", v.serialize()),
                (None, false) => format!("[{}] cannot write", v.serialize()),
                (None, true) => format!(
                    "[{}] problems {}, write {write_back}",
                    v.serialize(),
                    s.problems.len()
                ),
            };
            assert_eq!(got, *expected, "{name}");
        }
    }
}
