//! What the reader shows, as plain data: which labels are hidden, which entity is focused,
//! whether page furniture is hidden, which paragraph presenter mode shows. The URL is the source of truth (`#/doc/<id>?hide=PLACE,
//! DATE&focus=<entity>&at=3&furniture=hide`): `ReaderView::from_query` reads it, actions go
//! through one pure reducer, `to_query` writes it back. No web-sys here: tested natively.

use crate::state::page;
use crate::url::Query;
use parallax_core::analysis::Label;
use parallax_core::Span;
use std::collections::BTreeSet;

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
        for (k, v) in crate::url::pairs(query) {
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
        Query::new()
            .pair("hide", self.hide.as_ref())
            .pair("focus", self.focus.as_ref())
            .pair("at", self.at)
            .pair("furniture", self.furniture.as_ref())
            .pair("p", self.p)
            .flag("present", self.present)
            .encode()
    }
}

/// The link to document `id` in the reader with `query` (`#/doc/a?focus=anne-lee&at=2`): how
/// other views link into the reader, in the reader's own query format.
pub fn doc_link(id: &str, query: &ReaderQuery) -> String {
    match query.encode() {
        q if q.is_empty() => format!("#/doc/{id}"),
        q => format!("#/doc/{id}?{q}"),
    }
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
                Label::ALL
                    .iter()
                    .map(Label::as_str)
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
        let hide: Vec<&str> = Label::ALL
            .iter()
            .map(Label::as_str)
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
            ReaderAction::Page(d, shown) => next.para = page(self.para, d, &shown),
        }
        next
    }
}

/// The reader's own state beside the link's: whether the shortcuts list is open, and the
/// highlight being made from the selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderPanel {
    /// The keyboard shortcuts list is shown.
    pub help: bool,
    /// The selected words being turned into a highlight (the editor is open).
    pub pending: Option<Span>,
    /// "Highlight selection" was pressed with nothing selected: say how.
    pub no_selection: bool,
}

/// What changes the reader's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelAction {
    /// Open or close the shortcuts list (`?`, its button).
    ToggleHelp,
    /// Close the shortcuts list.
    CloseHelp,
    /// Words were selected in the text (mouse up, shift with a key).
    Selected(Span),
    /// "Highlight selection" was pressed, with what was selected then.
    Highlight(Option<Span>),
    /// The highlight editor was closed.
    CloseEditor,
}

impl ReaderPanel {
    /// The state after `action`.
    pub fn reduce(&self, action: PanelAction) -> ReaderPanel {
        let mut next = self.clone();
        match action {
            PanelAction::ToggleHelp => next.help = !next.help,
            PanelAction::CloseHelp => next.help = false,
            PanelAction::Selected(s) => next.pending = Some(s),
            PanelAction::Highlight(s) => {
                next.pending = s;
                next.no_selection = s.is_none();
            }
            PanelAction::CloseEditor => next.pending = None,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let focus = |at| ReaderQuery {
            focus: Some("anne lee".into()),
            at,
            ..ReaderQuery::default()
        };
        assert_eq!(
            doc_link("a", &focus(Some(2))),
            "#/doc/a?focus=anne%20lee&at=2"
        );
        assert_eq!(doc_link("a", &focus(None)), "#/doc/a?focus=anne%20lee");
        assert_eq!(doc_link("a", &ReaderQuery::default()), "#/doc/a");
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
    fn check_panel(actions: &[PanelAction], expected: ReaderPanel) {
        let got = actions
            .iter()
            .fold(ReaderPanel::default(), |p, a| p.reduce(a.clone()));
        assert_eq!(got, expected, "{actions:?}");
    }

    #[test]
    fn panel() {
        use PanelAction::*;
        let s = Span::new(3, 9);
        let panel = |help, pending, no_selection| ReaderPanel {
            help,
            pending,
            no_selection,
        };
        check_panel(&[ToggleHelp], panel(true, None, false));
        check_panel(&[ToggleHelp, ToggleHelp], panel(false, None, false));
        check_panel(
            &[ToggleHelp, CloseHelp, CloseHelp],
            panel(false, None, false),
        );
        check_panel(&[Selected(s)], panel(false, Some(s), false));
        check_panel(&[Selected(s), CloseEditor], panel(false, None, false));
        check_panel(&[Selected(s), Highlight(None)], panel(false, None, true));
        check_panel(
            &[Highlight(None), Highlight(Some(s))],
            panel(false, Some(s), false),
        );
        check_panel(&[Highlight(None), Selected(s)], panel(false, Some(s), true));
    }
}
