//! What the reader shows, as plain data: which labels are hidden, which entity is focused,
//! whether page furniture is hidden. The URL is the source of truth (`#/doc/<id>?hide=PLACE,
//! DATE&focus=<entity>&at=3&furniture=hide`): `ReaderView::from_query` reads it, actions go
//! through one pure reducer, `to_query` writes it back. No web-sys here: tested natively.

use parallax_core::Span;
use std::collections::BTreeSet;

/// The six entity labels, in legend order.
pub const LABELS: [&str; 6] = ["PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER"];

/// A label's name for people.
pub fn label_name(label: &str) -> &'static str {
    match label {
        "PERSON" => "Person",
        "ORG" => "Organisation",
        "PLACE" => "Place",
        "GROUP" => "Group",
        "DATE" => "Date",
        "NUMBER" => "Number",
        _ => "Other",
    }
}

/// The reader's URL query, kept readable (`hide=PLACE,DATE&focus=anne-lee`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderQuery {
    /// Hidden labels, comma-separated.
    pub hide: Option<String>,
    /// Focused entity id.
    pub focus: Option<String>,
    /// Which mention of the focused entity is current (1-based).
    pub at: Option<usize>,
    /// `hide` to hide page furniture.
    pub furniture: Option<String>,
    /// Paragraph to bring into view (1-based).
    pub p: Option<usize>,
    /// Presenter mode (`present`, no value).
    pub present: bool,
}

impl ReaderQuery {
    /// Parses a query string (with or without the leading `?`); unknown keys are ignored.
    pub fn parse(query: &str) -> Self {
        let mut q = ReaderQuery::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "hide" => q.hide = Some(v),
                "focus" => q.focus = Some(v),
                "at" => q.at = v.parse().ok(),
                "furniture" => q.furniture = Some(v),
                "p" => q.p = v.parse().ok(),
                "present" => q.present = true,
                _ => {}
            }
        }
        q
    }

    /// The query string, without `?`; empty when every field is at its default.
    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if let Some(h) = &self.hide {
            parts.push(format!("hide={}", percent_encode(h)));
        }
        if let Some(f) = &self.focus {
            parts.push(format!("focus={}", percent_encode(f)));
        }
        if let Some(a) = self.at {
            parts.push(format!("at={a}"));
        }
        if let Some(f) = &self.furniture {
            parts.push(format!("furniture={}", percent_encode(f)));
        }
        if let Some(p) = self.p {
            parts.push(format!("p={p}"));
        }
        if self.present {
            parts.push("present".to_string());
        }
        parts.join("&")
    }
}

/// The value of `key` in a query string (with or without the leading `?`), percent-decoded.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| percent_decode(v))
    })
}

/// Escapes what may not stand in a query value (commas stay readable).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes `%XX` escapes (and `+` as space); invalid escapes stay as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The reader's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// Labels rendered as plain text.
    pub hidden: BTreeSet<&'static str>,
    /// The selected entity.
    pub focus: Option<String>,
    /// Index (0-based) of the current mention of the focused entity.
    pub at: usize,
    /// Captions, credits, boilerplate... hidden.
    pub hide_furniture: bool,
    /// Paragraph in view (1-based), when the link names one.
    pub para: Option<usize>,
    /// Presenter mode: large type, high contrast, paging by paragraph.
    pub present: bool,
}

/// What the user can do in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderAction {
    /// Show or hide a label's marks.
    ToggleLabel(&'static str),
    /// Select an entity (or clear the selection).
    Focus(Option<String>),
    /// Move to the next (+1) or previous (-1) mention of the focused entity, wrapping around
    /// `count` mentions.
    Step(i32, usize),
    /// Show or hide page furniture.
    ToggleFurniture,
    /// Page to the next (+1) or previous (-1) paragraph among those shown (their 1-based
    /// numbers, in order); stops at either end.
    Page(i32, Vec<usize>),
    /// Enter or leave presenter mode.
    TogglePresent,
}

impl ReaderView {
    /// The view a query describes; unknown labels are ignored.
    pub fn from_query(q: &ReaderQuery) -> Self {
        let hidden = q
            .hide
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|l| {
                LABELS
                    .iter()
                    .copied()
                    .find(|k| k.eq_ignore_ascii_case(l.trim()))
            })
            .collect();
        ReaderView {
            hidden,
            focus: q.focus.clone().filter(|f| !f.is_empty()),
            at: q.at.unwrap_or(1).max(1) - 1,
            hide_furniture: q.furniture.as_deref() == Some("hide"),
            para: q.p.filter(|&p| p > 0),
            present: q.present,
        }
    }

    /// The query that reopens this view.
    pub fn to_query(&self) -> ReaderQuery {
        let hide: Vec<&str> = LABELS
            .iter()
            .copied()
            .filter(|l| self.hidden.contains(l))
            .collect();
        ReaderQuery {
            hide: (!hide.is_empty()).then(|| hide.join(",")),
            focus: self.focus.clone(),
            at: self
                .focus
                .as_ref()
                .and_then(|_| (self.at > 0).then_some(self.at + 1)),
            furniture: self.hide_furniture.then(|| "hide".to_string()),
            p: self.para,
            present: self.present,
        }
    }

    /// The view after `action`.
    pub fn reduce(&self, action: ReaderAction) -> ReaderView {
        let mut next = self.clone();
        match action {
            ReaderAction::ToggleLabel(l) => {
                if !next.hidden.remove(l) {
                    next.hidden.insert(l);
                }
            }
            ReaderAction::Focus(f) => {
                next.at = 0;
                next.focus = if f == self.focus { None } else { f };
            }
            ReaderAction::Step(d, count) => {
                if count > 0 && next.focus.is_some() {
                    next.at = (next.at as i64 + d as i64).rem_euclid(count as i64) as usize;
                }
            }
            ReaderAction::ToggleFurniture => next.hide_furniture = !next.hide_furniture,
            ReaderAction::TogglePresent => next.present = !next.present,
            ReaderAction::Page(d, shown) => {
                let at = self.para.and_then(|p| shown.iter().position(|&x| x >= p));
                let i = match (at, d > 0) {
                    (None, _) => 0,
                    (Some(i), true) if self.para == Some(shown[i]) => {
                        (i + 1).min(shown.len().saturating_sub(1))
                    }
                    (Some(i), true) => i,
                    (Some(i), false) => i.saturating_sub(1),
                };
                next.para = shown.get(i).copied();
            }
        }
        next
    }
}

/// Cuts `para` into runs: plain text (`None`) and marks (`Some(i)`, `i` indexing `mentions`),
/// leaving out mentions whose label is hidden. `mentions` are sorted and do not overlap.
pub fn segments(
    para: Span,
    mentions: &[(Span, &str)],
    hidden: &BTreeSet<&'static str>,
) -> Vec<(Span, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = para.start;
    let first = mentions.partition_point(|(s, _)| s.end <= para.start);
    for (i, (s, label)) in mentions.iter().enumerate().skip(first) {
        if s.start >= para.end {
            break;
        }
        if hidden.contains(label) || s.start < at || s.end > para.end {
            continue;
        }
        if s.start > at {
            out.push((Span::new(at, s.start), None));
        }
        out.push((*s, Some(i)));
        at = s.end;
    }
    if at < para.end {
        out.push((Span::new(at, para.end), None));
    }
    out
}

/// Cuts `piece` at the edges of `highlights` (sorted by start; they may overlap): each run
/// with the index of the first highlight covering it, or `None`.
pub fn split_by(piece: Span, highlights: &[Span]) -> Vec<(Span, Option<usize>)> {
    let mut cuts = vec![piece.start, piece.end];
    for h in highlights {
        for x in [h.start, h.end] {
            if x > piece.start && x < piece.end {
                cuts.push(x);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let run = Span::new(w[0], w[1]);
            let cover = highlights
                .iter()
                .position(|h| h.start <= run.start && run.end <= h.end);
            (run, cover)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_by_highlights() {
        let s = |a, b| Span::new(a, b);
        type Case<'a> = (Span, &'a [Span], &'a [(Span, Option<usize>)]);
        let cases: &[Case<'_>] = &[
            (s(0, 10), &[], &[(s(0, 10), None)]),
            (
                s(0, 10),
                &[s(2, 4)],
                &[(s(0, 2), None), (s(2, 4), Some(0)), (s(4, 10), None)],
            ),
            (
                s(5, 10),
                &[s(0, 7)],
                &[(s(5, 7), Some(0)), (s(7, 10), None)],
            ),
            (s(5, 10), &[s(0, 20)], &[(s(5, 10), Some(0))]),
            (s(5, 10), &[s(0, 3), s(12, 20)], &[(s(5, 10), None)]),
            (
                s(0, 10),
                &[s(1, 6), s(4, 8)],
                &[
                    (s(0, 1), None),
                    (s(1, 4), Some(0)),
                    (s(4, 6), Some(0)),
                    (s(6, 8), Some(1)),
                    (s(8, 10), None),
                ],
            ),
        ];
        for (piece, hl, want) in cases {
            assert_eq!(
                split_by(*piece, hl),
                *want,
                "piece {piece:?} highlights {hl:?}"
            );
        }
    }

    #[track_caller]
    fn check_query(
        q: ReaderQuery,
        expected_hidden: &[&str],
        expected_focus: Option<&str>,
        furniture: bool,
    ) {
        let v = ReaderView::from_query(&q);
        let hidden: Vec<&str> = v.hidden.iter().copied().collect();
        assert_eq!(
            (hidden.as_slice(), v.focus.as_deref(), v.hide_furniture),
            (expected_hidden, expected_focus, furniture),
            "query {q:?}"
        );
        assert_eq!(
            ReaderView::from_query(&v.to_query()),
            v,
            "round trip of {q:?}"
        );
    }

    fn q(hide: Option<&str>, focus: Option<&str>, furniture: Option<&str>) -> ReaderQuery {
        ReaderQuery {
            hide: hide.map(Into::into),
            focus: focus.map(Into::into),
            at: None,
            furniture: furniture.map(Into::into),
            p: None,
            present: false,
        }
    }

    #[test]
    fn queries() {
        check_query(q(None, None, None), &[], None, false);
        check_query(
            q(Some("PLACE,DATE"), None, None),
            &["DATE", "PLACE"],
            None,
            false,
        );
        check_query(
            q(Some("place, bogus,,NUMBER"), Some("anne-lee"), None),
            &["NUMBER", "PLACE"],
            Some("anne-lee"),
            false,
        );
        check_query(q(None, Some(""), Some("hide")), &[], None, true);
        check_query(q(None, None, Some("show")), &[], None, false);
    }

    #[test]
    fn query_strings() {
        let q = ReaderQuery::parse("?hide=PLACE,DATE&focus=anne-lee&at=3&x=1&p=4");
        assert_eq!(q.p, Some(4));
        let q = ReaderQuery { p: None, ..q };
        assert_eq!(q.hide.as_deref(), Some("PLACE,DATE"));
        assert_eq!((q.focus.as_deref(), q.at), (Some("anne-lee"), Some(3)));
        assert_eq!(q.encode(), "hide=PLACE,DATE&focus=anne-lee&at=3");
        assert_eq!(
            ReaderQuery::parse("hide=PLACE%2CDATE").hide.as_deref(),
            Some("PLACE,DATE")
        );
        assert_eq!(
            ReaderQuery::parse("focus=a%20b%zz%").focus.as_deref(),
            Some("a b%zz%")
        );
        assert_eq!(ReaderQuery::parse("").encode(), "");
        assert_eq!(percent_encode("a&b=c é"), "a%26b%3Dc%20%C3%A9");
    }

    #[test]
    fn query_params() {
        assert_eq!(query_param("?diff=1&show=a", "show").as_deref(), Some("a"));
        assert_eq!(query_param("row=3", "row").as_deref(), Some("3"));
        assert_eq!(query_param("rows=3", "row"), None);
        assert_eq!(query_param("", "row"), None);
        assert_eq!(query_param("focus=a%20b", "focus").as_deref(), Some("a b"));
    }

    #[test]
    fn query_lists_labels_in_legend_order() {
        let v = ReaderView::default()
            .reduce(ReaderAction::ToggleLabel("DATE"))
            .reduce(ReaderAction::ToggleLabel("PERSON"));
        assert_eq!(v.to_query().hide.as_deref(), Some("PERSON,DATE"));
    }

    #[test]
    fn reducer() {
        let v = ReaderView::default();
        let hidden = v.reduce(ReaderAction::ToggleLabel("PLACE"));
        assert!(hidden.hidden.contains("PLACE"));
        assert!(hidden
            .reduce(ReaderAction::ToggleLabel("PLACE"))
            .hidden
            .is_empty());

        let f = v.reduce(ReaderAction::Focus(Some("e1".into())));
        assert_eq!((f.focus.as_deref(), f.at), (Some("e1"), 0));
        let f = f.reduce(ReaderAction::Step(-1, 7));
        assert_eq!(f.at, 6, "previous from the first wraps to the last");
        let f = f.reduce(ReaderAction::Step(1, 7));
        assert_eq!(f.at, 0, "next from the last wraps to the first");
        assert_eq!(
            f.reduce(ReaderAction::Focus(Some("e1".into()))).focus,
            None,
            "selecting again clears"
        );
        assert_eq!(
            v.reduce(ReaderAction::Step(1, 3)),
            v,
            "no focus: stepping does nothing"
        );
        assert!(v.reduce(ReaderAction::ToggleFurniture).hide_furniture);
    }

    #[test]
    fn paging_by_paragraph() {
        let shown = vec![2, 3, 5, 6];
        let page = |v: &ReaderView, d| v.reduce(ReaderAction::Page(d, shown.clone())).para;
        let v = ReaderView {
            present: true,
            ..ReaderView::default()
        };
        assert_eq!(
            page(&v, 1),
            Some(2),
            "the first page is the first paragraph shown"
        );
        let v = ReaderView { para: Some(3), ..v };
        assert_eq!(page(&v, 1), Some(5), "skips paragraphs not shown");
        assert_eq!(page(&v, -1), Some(2));
        let last = ReaderView {
            para: Some(6),
            ..v.clone()
        };
        assert_eq!(page(&last, 1), Some(6), "stops at the end");
        let first = ReaderView {
            para: Some(2),
            ..v.clone()
        };
        assert_eq!(page(&first, -1), Some(2), "stops at the start");
        let hidden = ReaderView { para: Some(4), ..v };
        assert_eq!(
            page(&hidden, 1),
            Some(5),
            "from a paragraph no longer shown, the next one shown"
        );
        assert_eq!(ReaderQuery::parse("present&p=3").encode(), "p=3&present");
        assert!(ReaderView::from_query(&ReaderQuery::parse("?present")).present);
    }

    #[track_caller]
    fn check_segments(
        para: (usize, usize),
        mentions: &[((usize, usize), &str)],
        hide: &[&'static str],
        expected: &[((usize, usize), Option<usize>)],
    ) {
        let m: Vec<(Span, &str)> = mentions
            .iter()
            .map(|&((s, e), l)| (Span::new(s, e), l))
            .collect();
        let hidden: BTreeSet<&'static str> = hide.iter().copied().collect();
        let got = segments(Span::new(para.0, para.1), &m, &hidden);
        let want: Vec<(Span, Option<usize>)> = expected
            .iter()
            .map(|&((s, e), i)| (Span::new(s, e), i))
            .collect();
        assert_eq!(
            got, want,
            "para {para:?}, mentions {mentions:?}, hidden {hide:?}"
        );
    }

    #[test]
    fn segments_cover_the_paragraph() {
        // "Ann Lee met Bob in Rome." as paragraph 10..34
        let m = [
            ((10, 17), "PERSON"),
            ((22, 25), "PERSON"),
            ((29, 33), "PLACE"),
            ((40, 44), "DATE"),
        ];
        check_segments(
            (10, 34),
            &m,
            &[],
            &[
                ((10, 17), Some(0)),
                ((17, 22), None),
                ((22, 25), Some(1)),
                ((25, 29), None),
                ((29, 33), Some(2)),
                ((33, 34), None),
            ],
        );
        check_segments(
            (10, 34),
            &m,
            &["PERSON"],
            &[((10, 29), None), ((29, 33), Some(2)), ((33, 34), None)],
        );
        check_segments(
            (35, 50),
            &m,
            &[],
            &[((35, 40), None), ((40, 44), Some(3)), ((44, 50), None)],
        );
        check_segments((0, 5), &m, &[], &[((0, 5), None)]);
        check_segments((0, 0), &[], &[], &[]);
    }
}
