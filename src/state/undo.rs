//! "Removed … Undo": what was just removed, kept for a few seconds so that one slip loses
//! nothing. A struct, an action enum and one pure `reduce`; the view restores the item and
//! runs the timer. No web-sys: tested natively.

/// How long the Undo stays offered, in milliseconds.
pub const UNDO_MS: u32 = 10_000;

/// Something removed that can still be put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<T> {
    /// The item as it was.
    pub item: T,
    /// What to call it ("the article “Floods”").
    pub label: String,
    /// Which removal this is (a newer one replaces it; its timer then expires nothing).
    pub seq: u64,
}

/// The last removal and what to tell the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo<T> {
    /// The removal that can be undone now.
    pub pending: Option<Removed<T>>,
    /// The sentence for the live region ("Removed …", "Restored …").
    pub message: String,
    /// Counts removals.
    pub seq: u64,
}

impl<T> Default for Undo<T> {
    fn default() -> Self {
        Undo {
            pending: None,
            message: String::new(),
            seq: 0,
        }
    }
}

/// What happens to removals.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoAction<T> {
    /// `item`, called `label`, was removed.
    Removed(T, String),
    /// The user chose Undo (the view has put the pending item back).
    Undone,
    /// Removal `seq`'s time ran out (its Undo, or the "Restored" after it, goes).
    Expired(u64),
}

impl<T: Clone> Undo<T> {
    /// The state after `action`.
    pub fn reduce(&self, action: UndoAction<T>) -> Undo<T> {
        let mut next = self.clone();
        match action {
            UndoAction::Removed(item, label) => {
                next.seq += 1;
                next.message = format!("Removed {label}.");
                next.pending = Some(Removed {
                    item,
                    label,
                    seq: next.seq,
                });
            }
            UndoAction::Undone => {
                if let Some(r) = next.pending.take() {
                    next.message = format!("Restored {}.", r.label);
                }
            }
            UndoAction::Expired(seq) => {
                if seq == next.seq {
                    next.pending = None;
                    next.message.clear();
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use UndoAction::*;

    fn removed(x: u32) -> UndoAction<u32> {
        Removed(x, format!("item {x}"))
    }

    /// The state after `actions`, written `pending item (seq) | message`.
    #[track_caller]
    fn check(actions: &[UndoAction<u32>], expected: &str) {
        let u = actions
            .iter()
            .fold(Undo::default(), |u, a| u.reduce(a.clone()));
        let pending = u
            .pending
            .map_or("-".to_string(), |r| format!("{} ({})", r.item, r.seq));
        assert_eq!(
            format!("{pending} | {}", u.message),
            expected,
            "{actions:?}"
        );
    }

    #[test]
    fn undo() {
        check(&[], "- | ");
        check(&[removed(7)], "7 (1) | Removed item 7.");
        check(&[removed(7), Undone], "- | Restored item 7.");
        check(&[removed(7), Undone, Undone], "- | Restored item 7.");
        check(&[removed(7), Undone, Expired(1)], "- | ");
        check(&[removed(7), Expired(1)], "- | ");
        check(&[removed(7), removed(8)], "8 (2) | Removed item 8.");
        // The first removal's timer does not take the second's Undo away.
        check(
            &[removed(7), removed(8), Expired(1)],
            "8 (2) | Removed item 8.",
        );
        check(&[removed(7), removed(8), Expired(2)], "- | ");
        check(&[Undone, Expired(0)], "- | ");
    }
}
