//! The compare view's rows, as plain data: aligned sentences of two documents placed on the
//! same row in reading order, and the sentences one side has and the other lacks in place
//! between them; and the view's state (`CompareView`, `CompareAction`, one pure `reduce`).
//! No web-sys: tested natively.

use crate::state::page;
use crate::url::{has_flag, query_param, Query};
use parallax_core::align::AlignKind;

/// One row of the compare view; indices are sentence positions in each document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    /// Sentence `a` of the first document and `b` of the second report the same thing.
    Pair {
        /// Sentence of the first document.
        a: usize,
        /// Sentence of the second document.
        b: usize,
        /// How they relate.
        kind: AlignKind,
    },
    /// A sentence only the first document has here; `elsewhere` when it is aligned to a
    /// sentence of the second that sits out of order.
    OnlyA {
        /// Sentence of the first document.
        a: usize,
        /// Aligned to a sentence elsewhere in the second.
        elsewhere: bool,
    },
    /// A sentence only the second document has here.
    OnlyB {
        /// Sentence of the second document.
        b: usize,
        /// Aligned to a sentence elsewhere in the first.
        elsewhere: bool,
    },
}

/// Rows for documents of `na` and `nb` sentences given aligned pairs `(a, b, kind, score)`.
/// Pairs that keep reading order on both sides share a row (the best-scoring such chain);
/// every other sentence gets a row of its own, in order, so each column reads straight down.
pub fn rows(na: usize, nb: usize, pairs: &[(usize, usize, AlignKind, f32)]) -> Vec<Row> {
    let mut cand: Vec<(usize, usize, AlignKind, f32)> = pairs
        .iter()
        .copied()
        .filter(|&(a, b, _, _)| a < na && b < nb)
        .collect();
    cand.sort_by_key(|x| (x.0, x.1));
    // Heaviest chain increasing in both a and b (O(n^2); n is a few hundred at most).
    let n = cand.len();
    let mut best = vec![0f32; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        best[i] = cand[i].3.max(0.01);
        for j in 0..i {
            if cand[j].0 < cand[i].0
                && cand[j].1 < cand[i].1
                && best[j] + cand[i].3.max(0.01) > best[i]
            {
                best[i] = best[j] + cand[i].3.max(0.01);
                prev[i] = j;
            }
        }
    }
    let mut chain = Vec::new();
    let mut at = (0..n).max_by(|&x, &y| best[x].total_cmp(&best[y]));
    while let Some(i) = at {
        chain.push(cand[i]);
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    chain.reverse();
    let paired_a: Vec<bool> = (0..na).map(|a| cand.iter().any(|c| c.0 == a)).collect();
    let paired_b: Vec<bool> = (0..nb).map(|b| cand.iter().any(|c| c.1 == b)).collect();
    let mut out = Vec::new();
    let (mut ia, mut ib) = (0, 0);
    for &(a, b, kind, _) in &chain {
        out.extend((ia..a).map(|a| Row::OnlyA {
            a,
            elsewhere: paired_a[a],
        }));
        out.extend((ib..b).map(|b| Row::OnlyB {
            b,
            elsewhere: paired_b[b],
        }));
        out.push(Row::Pair { a, b, kind });
        ia = a + 1;
        ib = b + 1;
    }
    out.extend((ia..na).map(|a| Row::OnlyA {
        a,
        elsewhere: paired_a[a],
    }));
    out.extend((ib..nb).map(|b| Row::OnlyB {
        b,
        elsewhere: paired_b[b],
    }));
    out
}

/// How many sentences of each side have a counterpart anywhere in the other.
pub fn coverage(na: usize, nb: usize, pairs: &[(usize, usize, AlignKind, f32)]) -> (usize, usize) {
    let a = (0..na).filter(|&a| pairs.iter().any(|p| p.0 == a)).count();
    let b = (0..nb).filter(|&b| pairs.iter().any(|p| p.1 == b)).count();
    (a, b)
}

/// Which column a narrow screen shows (`?show=a|b`); both when neither.
pub const SHOW: [&str; 3] = ["", "a", "b"];

/// What the compare view shows, as plain data; the link's query is its source of truth
/// (`diff=1&show=a&present&row=3`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareView {
    /// Word differences inside aligned rows.
    pub diff: bool,
    /// The column shown on narrow screens: one of [`SHOW`].
    pub show: &'static str,
    /// Presenter mode: projector type, the arrow keys page through the aligned rows.
    pub present: bool,
    /// The current row (0-based, as `data-row`).
    pub row: Option<usize>,
}

/// What the user can do in the compare view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareAction {
    /// Show or hide word differences.
    ToggleDiff,
    /// Show both columns (`""`) or one (`"a"`, `"b"`) on narrow screens.
    Show(&'static str),
    /// Enter or leave presenter mode.
    TogglePresent,
    /// Page to the next (+1) or previous (-1) of these rows (those pairing two passages, in
    /// order), as the reader pages through paragraphs ([`crate::state::page`]).
    Page(i32, Vec<usize>),
}

impl CompareView {
    /// The view a query describes (with or without `?`); an unknown `show` shows both.
    pub fn from_query(query: &str) -> Self {
        let show = query_param(query, "show").unwrap_or_default();
        CompareView {
            diff: query_param(query, "diff").as_deref() == Some("1"),
            show: SHOW.iter().copied().find(|s| *s == show).unwrap_or(""),
            present: has_flag(query, "present"),
            row: query_param(query, "row").and_then(|r| r.parse().ok()),
        }
    }

    /// The query that reopens this view (without `?`).
    pub fn to_query(&self) -> String {
        Query::new()
            .pair("diff", self.diff.then_some(1))
            .pair("show", (!self.show.is_empty()).then_some(self.show))
            .flag("present", self.present)
            .pair("row", self.row)
            .encode()
    }

    /// The view after `action`.
    pub fn reduce(&self, action: CompareAction) -> CompareView {
        let mut next = self.clone();
        match action {
            CompareAction::ToggleDiff => next.diff = !next.diff,
            CompareAction::Show(s) => next.show = s,
            CompareAction::TogglePresent => next.present = !next.present,
            CompareAction::Page(d, rows) => {
                if let Some(r) = page(self.row, d, &rows) {
                    next.row = Some(r);
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AlignKind::*;

    #[track_caller]
    fn check(na: usize, nb: usize, pairs: &[(usize, usize, AlignKind, f32)], expected: &str) {
        let got: Vec<String> = rows(na, nb, pairs)
            .iter()
            .map(|r| match r {
                Row::Pair { a, b, .. } => format!("{a}={b}"),
                Row::OnlyA { a, elsewhere } => format!("{a}-{}", if *elsewhere { "*" } else { "" }),
                Row::OnlyB { b, elsewhere } => format!("-{b}{}", if *elsewhere { "*" } else { "" }),
            })
            .collect();
        assert_eq!(got.join(" "), expected, "pairs {pairs:?}");
    }

    #[test]
    fn rows_keep_both_reading_orders() {
        check(
            3,
            3,
            &[(0, 0, Same, 1.0), (1, 1, Same, 1.0), (2, 2, Same, 1.0)],
            "0=0 1=1 2=2",
        );
        check(
            3,
            2,
            &[(0, 0, Same, 1.0), (2, 1, Paraphrase, 0.8)],
            "0=0 1- 2=1",
        );
        check(2, 3, &[(1, 2, Related, 0.5)], "0- -0 -1 1=2");
        // A crossing pair cannot share a row: the heavier chain wins, the other is marked.
        check(
            2,
            2,
            &[(0, 1, Same, 1.0), (1, 0, Related, 0.4)],
            "-0* 0=1 1-*",
        );
        check(0, 2, &[], "-0 -1");
        check(2, 2, &[(5, 0, Same, 1.0)], "0- 1- -0 -1");
    }

    #[test]
    fn coverage_counts_each_side() {
        assert_eq!(
            coverage(
                4,
                3,
                &[(0, 0, Same, 1.0), (0, 2, Related, 0.4), (3, 2, Same, 1.0)]
            ),
            (2, 2)
        );
    }

    #[track_caller]
    fn check_view(query: &str, actions: &[CompareAction], expected: &str) {
        let mut v = CompareView::from_query(query);
        assert_eq!(
            CompareView::from_query(&v.to_query()),
            v,
            "round trip of {query:?}"
        );
        for a in actions {
            v = v.reduce(a.clone());
        }
        assert_eq!(v.to_query(), expected, "{query:?} then {actions:?}");
    }

    #[test]
    fn view_and_query() {
        use CompareAction::*;
        check_view("", &[], "");
        check_view(
            "?diff=1&show=b&present&row=4",
            &[],
            "diff=1&show=b&present&row=4",
        );
        check_view("show=sideways&diff=0", &[], "");
        check_view("", &[ToggleDiff, Show("a")], "diff=1&show=a");
        check_view("diff=1&show=a", &[ToggleDiff, Show("")], "");
        check_view("row=2", &[TogglePresent], "present&row=2");
        let paired = vec![1, 4, 7];
        check_view("present", &[Page(1, paired.clone())], "present&row=1");
        check_view("present&row=1", &[Page(1, paired.clone())], "present&row=4");
        check_view(
            "present&row=4",
            &[Page(-1, paired.clone()), Page(-1, paired.clone())],
            "present&row=1",
        );
        check_view("present&row=7", &[Page(1, paired.clone())], "present&row=7");
        check_view("present&row=5", &[Page(1, paired.clone())], "present&row=7");
        check_view("present&row=5", &[Page(1, Vec::new())], "present&row=5");
    }
}
