//! Word lists and tables kept as data: `data/lists/<module>/<name>.txt` (one entry a line)
//! and `.tsv` (a key, a tab, a value), embedded with `include_str!` and parsed once, on first
//! use. The code that reads a list keeps the rule; the file keeps only the words. Every file
//! is sorted (by bytes) with no duplicate entry, which the test below holds for all of them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// The entries of a list file: its non-empty lines.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.is_empty())
}

/// A fixed word list looked up by hashing (built on first use), where a slice would be scanned
/// word by word for every token.
pub struct WordSet {
    text: &'static str,
    set: OnceLock<HashSet<&'static str>>,
    words: OnceLock<Vec<&'static str>>,
}

impl WordSet {
    /// A set over the lines of `text` (a list file).
    pub const fn new(text: &'static str) -> Self {
        WordSet {
            text,
            set: OnceLock::new(),
            words: OnceLock::new(),
        }
    }
    /// True when `w` is in the list.
    pub fn contains(&self, w: &&str) -> bool {
        self.set.get_or_init(|| self.build()).contains(*w)
    }
    /// A fresh copy of the set (for timing the build).
    pub fn build(&self) -> HashSet<&'static str> {
        entries(self.text).collect()
    }
    /// The words, in the file's (sorted) order, split once: for the rules that scan a list
    /// (a prefix or a phrase anywhere) rather than look a word up.
    pub fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| entries(self.text).collect())
    }
}

/// A fixed two-column table (`key\tvalue` lines) looked up by key, built on first use.
pub struct Table {
    text: &'static str,
    map: OnceLock<HashMap<&'static str, &'static str>>,
    by_length: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl Table {
    /// A table over the lines of `text` (a `.tsv` list file).
    pub const fn new(text: &'static str) -> Self {
        Table {
            text,
            map: OnceLock::new(),
            by_length: OnceLock::new(),
        }
    }
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.map
            .get_or_init(|| self.rows().collect())
            .get(key)
            .copied()
    }
    /// The rows, longest key first (keys of one length in the file's order): the order to try
    /// prefixes in, so that "hk$" is tried before "$" and "km/h" before "km".
    pub fn longest_first(&self) -> &[(&'static str, &'static str)] {
        self.by_length.get_or_init(|| {
            let mut v: Vec<_> = self.rows().collect();
            v.sort_by_key(|&(k, _)| std::cmp::Reverse(k.len()));
            v
        })
    }
    /// The rows, in the file's (sorted) order.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        entries(self.text).map(|l| l.split_once('\t').unwrap_or((l, "")))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// A list file is sorted by bytes, with no duplicate, no empty entry and no space around
    /// an entry; a `.tsv` file is sorted and unique by its key, with one tab a line.
    #[track_caller]
    fn check(name: &str, text: &str) {
        assert!(text.ends_with('\n'), "{name}: ends without a newline");
        let tsv = name.ends_with(".tsv");
        let mut prev: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let at = format!("{name}:{}", i + 1);
            assert!(!line.is_empty(), "{at}: empty line");
            assert_eq!(line, line.trim(), "{at}: space around the entry");
            assert!(!line.contains('\r'), "{at}: carriage return");
            let key = if tsv {
                let cols: Vec<&str> = line.split('\t').collect();
                assert_eq!(cols.len(), 2, "{at}: not key<TAB>value");
                cols[0]
            } else {
                assert!(!line.contains('\t'), "{at}: tab in a word list");
                line
            };
            if let Some(p) = prev {
                assert!(p < key, "{at}: {key:?} after {p:?} (unsorted or duplicate)");
            }
            prev = Some(key);
        }
    }

    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                files(&p, out);
            } else {
                out.push(p);
            }
        }
    }

    #[test]
    fn every_list_is_sorted_and_unique() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lists");
        let mut all = Vec::new();
        files(&dir, &mut all);
        all.sort();
        assert!(!all.is_empty());
        for f in all {
            let name = f.strip_prefix(&dir).unwrap().to_string_lossy().into_owned();
            assert!(
                name.ends_with(".txt") || name.ends_with(".tsv"),
                "{name}: not .txt or .tsv"
            );
            check(&name, &std::fs::read_to_string(&f).unwrap());
        }
    }

    #[test]
    fn check_finds_drift() {
        for (name, text) in [
            ("dup.txt", "beat\nbeat\n"),
            ("unsorted.txt", "led\nbeat\n"),
            ("space.txt", "beat \n"),
            ("dupkey.tsv", "a\t1\na\t2\n"),
        ] {
            let r = std::panic::catch_unwind(|| check(name, text));
            assert!(r.is_err(), "{name} passed");
        }
    }
}
