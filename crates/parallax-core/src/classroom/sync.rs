//! Merging what several tabs (or windows, or devices) wrote: a state-based replicated set in
//! which nothing either side holds is lost.
//!
//! Every stored item (a note, an own article, one answer of a session) is kept as
//! [`Version`]s: the item, or a [`Body::Deleted`] tombstone, with a version vector
//! ([`Clock`]: for each writer, here a tab, how many of its changes the version includes). A
//! tab that changes an item makes a version whose clock is strictly greater than the versions
//! it replaces. A [`Replica`] keeps, for each id, only the versions no other version
//! supersedes (its *heads*). So:
//!
//! - a change made after reading another tab's change supersedes it: no conflict;
//! - two changes made without seeing each other (two tabs, one note) both stay heads: the
//!   later one is shown as the item, the other as a *conflict copy* (its own display id,
//!   [`Replica::shown`]), never dropped;
//! - a deletion is a head like any other version, so an older copy of the item arriving later
//!   (from a tab that had not seen the deletion) does not bring it back; a change made
//!   concurrently with the deletion is kept.
//!
//! [`Replica::join`] is the least upper bound of two replicas (the heads of the union), hence
//! commutative, associative and idempotent; the property tests below check it, and that every
//! version either side holds is kept or superseded by one that is kept. Writers' ids and times
//! come from the caller (this crate has no clock or randomness).

use serde::Serialize;
use std::collections::BTreeMap;

/// A version vector: for each writer (a tab's id), the number of its changes included.
pub type Clock = BTreeMap<String, u64>;

/// True when `a` includes everything `b` includes and more: `a` supersedes `b`.
pub fn supersedes(a: &Clock, b: &Clock) -> bool {
    let covers = b.iter().all(|(k, n)| a.get(k).is_some_and(|m| m >= n));
    covers && a != b
}

/// The smallest clock that includes both.
fn clock_join(a: &Clock, b: &Clock) -> Clock {
    let mut out = a.clone();
    for (k, n) in b {
        let e = out.entry(k.clone()).or_insert(0);
        *e = (*e).max(*n);
    }
    out
}

/// Something kept in a [`Replica`]: it has an id and the time it was last changed.
pub trait Item: Clone + PartialEq + Serialize {
    /// Its id, unique among the items of one replica.
    fn id(&self) -> &str;
    /// When it was last changed, in milliseconds since the epoch (supplied by the caller).
    fn updated(&self) -> f64;
}

/// What a version holds: the item, or the fact that it was deleted.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Body<T> {
    /// The item as it was at this version.
    Live(T),
    /// A tombstone: the item was deleted.
    Deleted {
        /// The deleted item's id.
        id: String,
        /// When it was deleted.
        updated: f64,
    },
}

/// One version of an item.
#[derive(Clone, Debug, PartialEq)]
pub struct Version<T> {
    /// Which changes it includes.
    pub clock: Clock,
    /// The item or its tombstone.
    pub body: Body<T>,
}

impl<T: Item> Version<T> {
    /// The item's id.
    pub fn id(&self) -> &str {
        match &self.body {
            Body::Live(t) => t.id(),
            Body::Deleted { id, .. } => id,
        }
    }

    /// When this version was made.
    pub fn updated(&self) -> f64 {
        match &self.body {
            Body::Live(t) => t.updated(),
            Body::Deleted { updated, .. } => *updated,
        }
    }

    /// The item, unless this version is a tombstone.
    pub fn live(&self) -> Option<&T> {
        match &self.body {
            Body::Live(t) => Some(t),
            Body::Deleted { .. } => None,
        }
    }

    /// This version on a branch of its own named after `tag` and its content: superseded by
    /// no version made without it, so it is kept beside them (a conflict copy at worst).
    /// The same version branched twice is the same version.
    pub fn branch(&self, tag: &str) -> Version<T> {
        let mut v = self.clone();
        let body = serde_json::to_string(&self.body).unwrap_or_default();
        v.clock.insert(format!("{tag}:{}", short_hash(&body)), 1);
        v
    }

    /// A stable text for ordering and naming versions (clock and body as JSON).
    fn fingerprint(&self) -> String {
        let body = serde_json::to_string(&self.body).unwrap_or_default();
        let clock = serde_json::to_string(&self.clock).unwrap_or_default();
        format!("{clock}{body}")
    }
}

/// Suffix marking a conflict copy's display id: `<id>~<hash>`.
pub const COPY_MARK: char = '~';

/// An item as shown: the item, or one of its conflict copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a, T> {
    /// The id the view uses: the item's own for the shown version, `<id>~<hash>` for a
    /// conflict copy.
    pub display_id: String,
    /// The version's item.
    pub item: &'a T,
    /// True for a conflict copy (a version written concurrently with the shown one).
    pub conflict: bool,
}

/// Items with all their unsuperseded versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Replica<T> {
    heads: BTreeMap<String, Vec<Version<T>>>,
}

impl<T> Default for Replica<T> {
    fn default() -> Self {
        Replica {
            heads: BTreeMap::new(),
        }
    }
}

/// Orders the heads of one id: most recent first, then by fingerprint (any fixed order).
fn order<T: Item>(heads: &mut [Version<T>]) {
    heads.sort_by(|a, b| {
        b.updated()
            .total_cmp(&a.updated())
            .then_with(|| a.fingerprint().cmp(&b.fingerprint()))
    });
}

/// FNV-1a of `s`, as 8 hex digits (for conflict copies' display ids).
fn short_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

impl<T: Item> Replica<T> {
    /// A replica holding `versions` (superseded and repeated ones left out).
    pub fn from_versions(versions: impl IntoIterator<Item = Version<T>>) -> Self {
        let mut r = Replica::default();
        for v in versions {
            r.insert(v);
        }
        r
    }

    /// Adds `v` unless a head supersedes it or equals it; drops the heads it supersedes.
    /// Returns true when the replica changed.
    pub fn insert(&mut self, v: Version<T>) -> bool {
        let heads = self.heads.entry(v.id().to_string()).or_default();
        if heads
            .iter()
            .any(|h| supersedes(&h.clock, &v.clock) || *h == v)
        {
            return false;
        }
        heads.retain(|h| !supersedes(&v.clock, &h.clock));
        heads.push(v);
        order(heads);
        true
    }

    /// Everything either replica holds: the least upper bound of the two.
    pub fn join(&self, other: &Self) -> Self {
        let mut out = self.clone();
        for v in other.versions() {
            out.insert(v.clone());
        }
        out
    }

    /// Every head, by id, most recent first within an id.
    pub fn versions(&self) -> impl Iterator<Item = &Version<T>> {
        self.heads.values().flatten()
    }

    /// The live items as the views show them: per id the most recent live head under its own
    /// id, the other live heads as conflict copies; ordered by id.
    pub fn shown(&self) -> Vec<Shown<'_, T>> {
        let mut out = Vec::new();
        for (id, heads) in &self.heads {
            let mut first = true;
            for v in heads {
                let Some(item) = v.live() else { continue };
                let display_id = if first {
                    id.clone()
                } else {
                    format!("{id}{COPY_MARK}{}", short_hash(&v.fingerprint()))
                };
                out.push(Shown {
                    display_id,
                    item,
                    conflict: !first,
                });
                first = false;
            }
        }
        out
    }

    /// The live item shown under `display_id` (its own id or a conflict copy's).
    pub fn get(&self, display_id: &str) -> Option<&T> {
        self.find(display_id)
            .and_then(|(id, i)| self.heads[id.as_str()][i].live())
    }

    /// The id and head index of the version shown under `display_id`.
    fn find(&self, display_id: &str) -> Option<(String, usize)> {
        let shown = self.shown();
        let wanted = shown.iter().find(|s| s.display_id == display_id)?;
        let id = wanted.item.id();
        let i = self
            .heads
            .get(id)?
            .iter()
            .position(|h| h.live().is_some_and(|t| std::ptr::eq(t, wanted.item)))?;
        Some((id.to_string(), i))
    }

    /// Stores `item` as a new version made by `writer`, superseding every head of its id (an
    /// add, or an edit of the item as shown).
    pub fn put(&mut self, item: T, writer: &str) {
        let id = item.id().to_string();
        let base = self
            .heads
            .get(&id)
            .into_iter()
            .flatten()
            .fold(Clock::new(), |c, h| clock_join(&c, &h.clock));
        let clock = self.tick(&id, base, writer);
        self.insert(Version {
            clock,
            body: Body::Live(item),
        });
    }

    /// Replaces the version shown under `display_id` by `item` (the same id as its own),
    /// superseding only that version: a conflict copy edited stays beside the other. Returns
    /// false when nothing is shown under `display_id`.
    pub fn replace(&mut self, display_id: &str, item: T, writer: &str) -> bool {
        self.supersede(display_id, Body::Live(item), writer)
    }

    /// Deletes the version shown under `display_id` at time `at`: a tombstone superseding it.
    /// Returns false when nothing is shown under `display_id`.
    pub fn remove(&mut self, display_id: &str, at: f64, writer: &str) -> bool {
        let Some((id, _)) = self.find(display_id) else {
            return false;
        };
        self.supersede(display_id, Body::Deleted { id, updated: at }, writer)
    }

    fn supersede(&mut self, display_id: &str, body: Body<T>, writer: &str) -> bool {
        let Some((id, i)) = self.find(display_id) else {
            return false;
        };
        let heads = &self.heads[id.as_str()];
        let base = heads[i].clock.clone();
        // With several heads, the change goes in a lane of its own: a count of `writer`
        // itself would also include this writer's other heads of the item.
        let lane = if heads.len() > 1 {
            format!("{writer}#{}", short_hash(&heads[i].fingerprint()))
        } else {
            writer.to_string()
        };
        let clock = self.tick(&id, base, &lane);
        self.insert(Version { clock, body });
        true
    }

    /// `base` with a new change by `writer`: its count past every count of `writer` in the
    /// heads of `id`, so that the new version supersedes only what `base` includes.
    fn tick(&self, id: &str, mut base: Clock, writer: &str) -> Clock {
        let last = self
            .heads
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|h| h.clock.get(writer))
            .max()
            .copied()
            .unwrap_or(0);
        base.insert(writer.to_string(), last + 1);
        base
    }
}

/// One stored version: the item's own fields and its `"clock"`.
#[derive(Serialize)]
struct WithClock<'a, T: Serialize> {
    /// The item (or a tombstone's fields).
    #[serde(flatten)]
    item: T,
    /// Its clock.
    clock: &'a Clock,
}

/// A stored tombstone's fields.
#[derive(Serialize)]
struct Tomb<'a> {
    /// The deleted item's id.
    id: &'a str,
    /// When it was deleted.
    updated: f64,
}

/// What a stored replica holds besides the list of items shown, which stays where older
/// readers look for it: versions written concurrently (`"conflicts"`) and tombstones
/// (`"deleted"`).
struct Extra<'a, T: Serialize> {
    /// Conflict copies.
    conflicts: Vec<WithClock<'a, &'a T>>,
    /// Tombstones.
    deleted: Vec<WithClock<'a, Tomb<'a>>>,
}

impl<T: Item> Replica<T> {
    /// The stored JSON document of the replica: `"format"` (when given) and `"version"`,
    /// then the version shown of each live item, with its `"clock"`, under `list` (where
    /// readers that know nothing of versions look), then `"conflicts"` and `"deleted"` when
    /// there are any. [`Replica::read_extra`] reads the last two back.
    pub fn to_json(&self, format: Option<&str>, version: u32, list: &str) -> String {
        struct Doc<'a, T: Item> {
            format: Option<&'a str>,
            version: u32,
            list: &'a str,
            set: &'a Replica<T>,
        }
        impl<T: Item> Serialize for Doc<'_, T> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let (shown, extra) = self.set.to_stored();
                let mut m = s.serialize_map(None)?;
                if let Some(f) = self.format {
                    m.serialize_entry("format", f)?;
                }
                m.serialize_entry("version", &self.version)?;
                m.serialize_entry(self.list, &shown)?;
                if !extra.conflicts.is_empty() {
                    m.serialize_entry("conflicts", &extra.conflicts)?;
                }
                if !extra.deleted.is_empty() {
                    m.serialize_entry("deleted", &extra.deleted)?;
                }
                m.end()
            }
        }
        // Serialising strings, numbers and maps of them cannot fail.
        serde_json::to_string(&Doc {
            format,
            version,
            list,
            set: self,
        })
        .unwrap_or_default()
    }

    /// The replica as stored: the version shown of each live item, with its clock, and the
    /// rest.
    fn to_stored(&self) -> (Vec<WithClock<'_, &T>>, Extra<'_, T>) {
        let mut shown = Vec::new();
        let mut extra = Extra {
            conflicts: Vec::new(),
            deleted: Vec::new(),
        };
        let mut last_id: Option<&str> = None;
        for v in self.versions() {
            let clock = &v.clock;
            match &v.body {
                Body::Live(item) => {
                    let first = last_id != Some(item.id());
                    last_id = Some(item.id());
                    let entry = WithClock { item, clock };
                    if first {
                        shown.push(entry);
                    } else {
                        extra.conflicts.push(entry);
                    }
                }
                Body::Deleted { id, updated } => extra.deleted.push(WithClock {
                    item: Tomb {
                        id,
                        updated: *updated,
                    },
                    clock,
                }),
            }
        }
        (shown, extra)
    }

    /// Reads what [`Replica::to_stored`] wrote besides the shown list from the stored object
    /// `map`: each conflict copy read by `read` (unreadable ones skipped), each tombstone.
    pub fn read_extra(
        &mut self,
        map: &serde_json::Map<String, serde_json::Value>,
        read: impl Fn(&serde_json::Value) -> Option<T>,
    ) {
        use serde_json::Value;
        if let Some(Value::Array(items)) = map.get("conflicts") {
            for v in items {
                if let (Some(item), Some(o)) = (read(v), v.as_object()) {
                    self.insert(Version {
                        clock: clock_of(o),
                        body: Body::Live(item),
                    });
                }
            }
        }
        if let Some(Value::Array(items)) = map.get("deleted") {
            for o in items.iter().filter_map(Value::as_object) {
                if let Some(Value::String(id)) = o.get("id") {
                    let updated = o.get("updated").and_then(Value::as_f64).unwrap_or(0.0);
                    self.insert(Version {
                        clock: clock_of(o),
                        body: Body::Deleted {
                            id: id.clone(),
                            updated: if updated.is_finite() { updated } else { 0.0 },
                        },
                    });
                }
            }
        }
    }
}

/// The `"clock"` of a stored version (empty when absent or unreadable: written before
/// clocks were kept).
pub fn clock_of(o: &serde_json::Map<String, serde_json::Value>) -> Clock {
    let Some(serde_json::Value::Object(c)) = o.get("clock") else {
        return Clock::new();
    };
    c.iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_u64()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug, PartialEq, Serialize)]
    struct It {
        id: String,
        text: String,
        at: f64,
    }

    impl Item for It {
        fn id(&self) -> &str {
            &self.id
        }
        fn updated(&self) -> f64 {
            self.at
        }
    }

    fn it(id: &str, text: &str, at: f64) -> It {
        It {
            id: id.into(),
            text: text.into(),
            at,
        }
    }

    /// What is shown: (display id without its hash, text, conflict).
    fn shown(r: &Replica<It>) -> Vec<(String, String, bool)> {
        r.shown()
            .into_iter()
            .map(|s| {
                let id = match s.display_id.split_once(COPY_MARK) {
                    Some((id, _)) => format!("{id}~"),
                    None => s.display_id.clone(),
                };
                (id, s.item.text.clone(), s.conflict)
            })
            .collect()
    }

    type Step = fn(&mut Replica<It>, &mut Replica<It>);

    /// (case, two tabs' steps from the same start, what both show after they sync)
    type Row = (
        &'static str,
        Step,
        &'static [(&'static str, &'static str, bool)],
    );

    #[track_caller]
    fn check(row: &Row) {
        let (name, steps, want) = *row;
        let mut a = Replica::default();
        a.put(it("n1", "start", 1.0), "t0");
        let mut b = a.clone();
        steps(&mut a, &mut b);
        let (ab, ba) = (a.join(&b), b.join(&a));
        assert_eq!(ab, ba, "case {name}: join must not depend on order");
        let got = shown(&ab);
        let want: Vec<(String, String, bool)> = want
            .iter()
            .map(|(i, t, c)| (i.to_string(), t.to_string(), *c))
            .collect();
        assert_eq!(got, want, "case {name}");
    }

    #[test]
    fn two_tabs_table() {
        let rows: &[Row] = &[
            (
                "a note added in each tab: both kept",
                |a, b| {
                    a.put(it("n2", "from a", 2.0), "ta");
                    b.put(it("n3", "from b", 3.0), "tb");
                },
                &[
                    ("n1", "start", false),
                    ("n2", "from a", false),
                    ("n3", "from b", false),
                ],
            ),
            (
                "an edit made after reading the other's edit supersedes it",
                |a, b| {
                    a.put(it("n1", "first edit", 2.0), "ta");
                    *b = b.join(a);
                    b.put(it("n1", "second edit", 3.0), "tb");
                },
                &[("n1", "second edit", false)],
            ),
            (
                "concurrent edits: the later shown, the other a conflict copy",
                |a, b| {
                    a.put(it("n1", "edit in a", 5.0), "ta");
                    b.put(it("n1", "edit in b", 4.0), "tb");
                },
                &[("n1", "edit in a", false), ("n1~", "edit in b", true)],
            ),
            (
                "a deletion is not undone by a tab that had not seen it",
                |a, _b| {
                    assert!(a.remove("n1", 2.0, "ta"));
                },
                &[],
            ),
            (
                "an edit concurrent with a deletion is kept",
                |a, b| {
                    assert!(a.remove("n1", 2.0, "ta"));
                    b.put(it("n1", "kept", 3.0), "tb");
                },
                &[("n1", "kept", false)],
            ),
            (
                "deleting a conflict copy keeps the shown version",
                |a, b| {
                    a.put(it("n1", "edit in a", 5.0), "ta");
                    b.put(it("n1", "edit in b", 4.0), "tb");
                    *a = a.join(b);
                    let copy = a.shown()[1].display_id.clone();
                    assert!(a.remove(&copy, 6.0, "ta"));
                },
                &[("n1", "edit in a", false)],
            ),
            (
                "editing a conflict copy keeps both versions",
                |a, b| {
                    a.put(it("n1", "edit in a", 5.0), "ta");
                    b.put(it("n1", "edit in b", 4.0), "tb");
                    *a = a.join(b);
                    let copy = a.shown()[1].display_id.clone();
                    assert!(a.replace(&copy, it("n1", "copy edited", 7.0), "ta"));
                },
                &[("n1", "copy edited", false), ("n1~", "edit in a", true)],
            ),
            (
                "an unknown display id changes nothing",
                |a, _b| {
                    assert!(!a.remove("n9", 2.0, "ta"));
                    assert!(!a.replace("n1~00000000", it("n1", "x", 3.0), "ta"));
                },
                &[("n1", "start", false)],
            ),
            (
                "an item re-added after its deletion is shown again",
                |a, b| {
                    assert!(a.remove("n1", 2.0, "ta"));
                    *b = b.join(a);
                    b.put(it("n1", "again", 3.0), "tb");
                },
                &[("n1", "again", false)],
            ),
        ];
        for row in rows {
            check(row);
        }
    }

    /// Versions of ids n0..n2 with small clocks over writers w0..w2.
    fn arb_version() -> impl Strategy<Value = Version<It>> {
        (
            0..3usize,
            proptest::collection::btree_map(0..3usize, 1..4u64, 0..3),
            proptest::option::of(0..3usize),
            0..5u8,
        )
            .prop_map(|(id, clock, text, at)| {
                let id = format!("n{id}");
                let clock = clock
                    .into_iter()
                    .map(|(w, n)| (format!("w{w}"), n))
                    .collect();
                let at = f64::from(at);
                let body = match text {
                    Some(t) => Body::Live(it(&id, &format!("text {t}"), at)),
                    None => Body::Deleted { id, updated: at },
                };
                Version { clock, body }
            })
    }

    fn arb_replica() -> impl Strategy<Value = Replica<It>> {
        proptest::collection::vec(arb_version(), 0..8).prop_map(Replica::from_versions)
    }

    /// An operation of one tab: add or edit an item, edit or delete the k-th item shown
    /// (conflict copies included), or sync with the other tab.
    #[derive(Clone, Debug)]
    enum Op {
        Put(usize, usize, u8),
        Edit(usize, usize, u8),
        Remove(usize, usize),
        Sync(usize),
    }

    fn arb_op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..2usize, 0..3usize, 0..4u8).prop_map(|(t, i, x)| Op::Put(t, i, x)),
            (0..2usize, 0..4usize, 0..4u8).prop_map(|(t, k, x)| Op::Edit(t, k, x)),
            (0..2usize, 0..4usize).prop_map(|(t, k)| Op::Remove(t, k)),
            (0..2usize).prop_map(Op::Sync),
        ]
    }

    /// Runs `ops` in two tabs; returns the tabs, every version made and every version some
    /// tab deliberately replaced (edited or deleted).
    #[allow(clippy::type_complexity)]
    fn run(ops: &[Op]) -> ([Replica<It>; 2], Vec<Version<It>>, Vec<Version<It>>) {
        let mut tabs = [Replica::<It>::default(), Replica::default()];
        let (mut made, mut replaced) = (Vec::new(), Vec::new());
        for (n, op) in ops.iter().enumerate() {
            let time = n as f64 + 1.0;
            let before: Vec<Version<It>> = match *op {
                Op::Put(t, ..) | Op::Edit(t, ..) | Op::Remove(t, ..) | Op::Sync(t) => {
                    tabs[t].versions().cloned().collect()
                }
            };
            match *op {
                Op::Put(t, i, x) => {
                    let id = format!("n{i}");
                    replaced.extend(before.iter().filter(|v| v.id() == id).cloned());
                    tabs[t].put(it(&id, &format!("{x}"), time), &format!("t{t}"));
                }
                Op::Edit(t, k, _) | Op::Remove(t, k) if !tabs[t].shown().is_empty() => {
                    let shown = tabs[t].shown();
                    let s = &shown[k % shown.len()];
                    let (display, id) = (s.display_id.clone(), s.item.id.clone());
                    let target = before.iter().find(|v| v.live() == Some(s.item)).cloned();
                    replaced.extend(target);
                    let w = format!("t{t}");
                    match *op {
                        Op::Edit(.., x) => {
                            tabs[t].replace(&display, it(&id, &format!("{x}"), time), &w);
                        }
                        _ => {
                            tabs[t].remove(&display, time, &w);
                        }
                    }
                }
                Op::Sync(t) => tabs[t] = tabs[t].join(&tabs[1 - t]),
                _ => {}
            }
            if let Op::Put(t, ..) | Op::Edit(t, ..) | Op::Remove(t, ..) = *op {
                made.extend(tabs[t].versions().filter(|v| !before.contains(v)).cloned());
            }
        }
        (tabs, made, replaced)
    }

    proptest! {
        #[test]
        fn join_is_commutative_associative_idempotent(
            a in arb_replica(), b in arb_replica(), c in arb_replica()
        ) {
            prop_assert_eq!(a.join(&b), b.join(&a));
            prop_assert_eq!(a.join(&b).join(&c), a.join(&b.join(&c)));
            prop_assert_eq!(a.join(&a), a.clone());
        }

        #[test]
        fn join_loses_nothing(a in arb_replica(), b in arb_replica()) {
            let j = a.join(&b);
            for v in a.versions().chain(b.versions()) {
                let kept = j.versions().any(|h| h == v || supersedes(&h.clock, &v.clock));
                prop_assert!(kept, "{:?} lost", v);
            }
        }

        /// Two tabs, any interleaving of adds, edits, deletions and syncs: after a final sync
        /// both hold the same, and every version made that no tab deliberately replaced is
        /// still there: nothing is lost by merging.
        #[test]
        fn two_tabs_converge_and_lose_nothing(ops in proptest::collection::vec(arb_op(), 0..24)) {
            let (tabs, made, replaced) = run(&ops);
            let all = tabs[0].join(&tabs[1]);
            prop_assert_eq!(&all, &tabs[1].join(&tabs[0]));
            for v in made.iter().filter(|v| !replaced.contains(v)) {
                prop_assert!(all.versions().any(|h| h == v), "lost {:?}", v);
            }
            // A deliberately replaced version never comes back.
            for v in &replaced {
                prop_assert!(!all.versions().any(|h| h == v), "resurrected {:?}", v);
            }
        }
    }
}
