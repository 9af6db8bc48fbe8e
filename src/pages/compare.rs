//! `#/compare/<a>/<b>`: two sources side by side. Aligned sentences share a row (one table,
//! so the columns scroll together); what one source has and the other lacks stays in place.
//! `?diff=1` shows word differences inside aligned rows; `?show=a|b` picks the column shown on
//! narrow screens; `?present` is presenter mode (projector type, the arrow keys page through
//! the aligned rows), `row=N` the current row.

use crate::components::notes::{placed, NoteEditor};
use crate::contexts::NotesCtx;
use crate::keys::use_presenter_keys;
use crate::library::Library;
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::compare::{coverage, rows, CompareAction, CompareView, Row};
use parallax_core::align::{word_diff, DiffOp};
use parallax_core::{CharIndex, Span};
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: the two documents.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// First document id.
    pub a: AttrValue,
    /// Second document id.
    pub b: AttrValue,
}

/// The compare view, or "not found" when either document is unknown.
#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    match (library.index(&p.a), library.index(&p.b)) {
        (Some(a), Some(b)) => html! { <Aligned {a} {b} /> },
        _ => html! { <NotFound what="Document" /> },
    }
}

#[derive(Properties, PartialEq)]
struct AlignedProps {
    /// Positions of the two documents in the library.
    a: usize,
    b: usize,
}

/// The two documents side by side.
#[function_component(Aligned)]
fn aligned(p: &AlignedProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let location = use_location();
    let navigator = use_navigator();
    let pending = use_state(|| None::<(String, Span)>);
    let view = CompareView::from_query(location.as_ref().map_or("", |l| l.query_str()));
    let (ia, ib) = (p.a, p.b);
    let pairs = use_memo((library.clone(), ia, ib), |(lib, a, b)| lib.align(*a, *b));
    let (da, db) = (&library.docs()[ia], &library.docs()[ib]);
    let (sa, sb) = (library.sentences(ia), library.sentences(ib));
    let index = |sents: &[Span], s: Span| sents.iter().position(|x| *x == s);
    let idx_pairs: Vec<_> = pairs
        .iter()
        .filter_map(|pr| Some((index(sa, pr.a)?, index(sb, pr.b)?, pr.kind, pr.score)))
        .collect();
    let table = rows(sa.len(), sb.len(), &idx_pairs);
    let (ca, cb) = coverage(sa.len(), sb.len(), &idx_pairs);

    let dispatch = {
        let view = view.clone();
        let route = Route::Compare {
            a: da.id.clone(),
            b: db.id.clone(),
        };
        Callback::from(move |action: CompareAction| {
            let next = view.reduce(action);
            if next != view {
                crate::contexts::replace_view(&navigator, &route, &next.to_query());
            }
        })
    };
    // Presenter mode: arrows and Page keys move through the rows that pair two passages.
    let paired: Vec<usize> = table
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Row::Pair { .. }))
        .map(|(i, _)| i)
        .collect();
    use_presenter_keys(
        view.present,
        dispatch.reform(move |d| CompareAction::Page(d, paired.clone())),
    );
    use_effect_with(view.row, |row| {
        if let Some(r) = row {
            if let Ok(Some(el)) =
                gloo::utils::document().query_selector(&format!("tr[data-row='{r}']"))
            {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });

    let placed_a = placed(da, &notes.state.of_doc(&da.id));
    let placed_b = placed(db, &notes.state.of_doc(&db.id));
    let sides = [
        Side::new(&library, ia, &placed_a),
        Side::new(&library, ib, &placed_b),
    ];
    let capture = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(table) = gloo::utils::document().get_element_by_id("compare") {
                if let Some(sel) = crate::selection::selected_span(&table) {
                    pending.set(Some(sel));
                }
            }
        })
    };
    let body = table
        .iter()
        .enumerate()
        .map(|(r, row)| table_row(&sides, &view, r, *row));
    html! {
        <article class={classes!("compare", (!view.show.is_empty()).then(|| format!("show-{}", view.show)), view.present.then_some("present"))} id="compare"
                 data-a={da.id.clone()} data-b={db.id.clone()} aria-labelledby="compare-h">
            <h1 id="compare-h">{ "Compare two sources" }</h1>
            <p class="coverage" id="coverage">
                { format!("{ca} of {} sentences in the first source have a counterpart in the second; {cb} of {} the other way.", sa.len(), sb.len()) }
            </p>
            { controls(&view, &dispatch) }
            if let Some((doc_id, span)) = (*pending).clone() {
                <NoteEditor doc_id={doc_id.clone()}
                    text={library.get(&doc_id).map(|d| d.text.clone()).unwrap_or_default()} {span}
                    on_close={{ let pending = pending.clone(); Callback::from(move |_| pending.set(None)) }} />
            }
            <p class="meta">{ "Select words in either column to highlight them or add a note (not while word differences are shown)." }</p>
            <table class="compare-table" onmouseup={capture}>
                <caption class="sr-only">{ "Sentences of the two sources; aligned sentences share a row." }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="a"><a href={format!("#/doc/{}", da.id)}>{ da.title.clone() }</a></th>
                        <th scope="col" class="b"><a href={format!("#/doc/{}", db.id)}>{ db.title.clone() }</a></th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
        </article>
    }
}

/// The buttons above the table: word differences, presenter mode, the columns shown.
fn controls(view: &CompareView, dispatch: &Callback<CompareAction>) -> Html {
    let show_button = |value: &'static str, label: &'static str| {
        html! {
            <button type="button" aria-pressed={(view.show == value).to_string()} data-show={value}
                    onclick={dispatch.reform(move |_| CompareAction::Show(value))}>{ label }</button>
        }
    };
    html! {
        <div class="compare-controls">
            <button type="button" id="diff-toggle" aria-pressed={view.diff.to_string()}
                    onclick={dispatch.reform(|_| CompareAction::ToggleDiff)}>{ "Show word differences" }</button>
            <button type="button" id="compare-present" aria-pressed={view.present.to_string()}
                    onclick={dispatch.reform(|_| CompareAction::TogglePresent)}>
                { if view.present { "Leave presenter mode" } else { "Presenter mode (arrows move row by row)" } }
            </button>
            <div class="show-switch" role="group" aria-label="Columns on a narrow screen">
                { show_button("", "Both") }
                { show_button("a", "First only") }
                { show_button("b", "Second only") }
            </div>
        </div>
    }
}

/// One column's document: what its cells are rendered from.
struct Side<'a> {
    lib: &'a Library,
    doc_i: usize,
    doc: &'a parallax_core::Document,
    sentences: &'a [Span],
    ix: CharIndex,
    placed: &'a [(Span, parallax_core::notes::Note)],
}

impl<'a> Side<'a> {
    fn new(
        lib: &'a Library,
        doc_i: usize,
        placed: &'a [(Span, parallax_core::notes::Note)],
    ) -> Self {
        let doc = &lib.docs()[doc_i];
        Side {
            lib,
            doc_i,
            doc,
            sentences: lib.sentences(doc_i),
            ix: CharIndex::new(&doc.text),
            placed,
        }
    }

    /// Sentence `k` with its marks and highlights.
    fn sentence(&self, k: usize) -> Html {
        let s = self.sentences[k];
        html! { <span class="sent" data-start={s.start.to_string()}>{ marked(self.lib, self.doc_i, &self.ix, &self.doc.text, s, self.placed) }</span> }
    }

    /// The text of sentence `k`.
    fn text(&self, k: usize) -> &'a str {
        self.ix.slice(&self.doc.text, self.sentences[k])
    }
}

/// Row `r` of the table.
fn table_row(sides: &[Side<'_>; 2], view: &CompareView, r: usize, row: Row) -> Html {
    let [sa, sb] = sides;
    let (da, db) = (sa.doc, sb.doc);
    let gap = |elsewhere: bool| {
        if elsewhere {
            "reported elsewhere in this source"
        } else {
            "—"
        }
    };
    match row {
        Row::Pair { a, b, kind } => {
            let (left, right) = if view.diff {
                diff_cells(sa.text(a), sb.text(b))
            } else {
                (sa.sentence(a), sb.sentence(b))
            };
            html! {
                <tr class={classes!("row", "paired", format!("kind-{}", kind.as_str()), (view.row == Some(r)).then_some("target"))} data-row={r.to_string()}
                    data-a={a.to_string()} data-b={b.to_string()} data-kind={kind.as_str()}>
                    <td class="cell a" data-doc={da.id.clone()}>{ left }</td>
                    <td class="cell b" data-doc={db.id.clone()}><span class="kind-tag" data-nt="">{ kind.as_str() }</span>{ " " }{ right }</td>
                </tr>
            }
        }
        Row::OnlyA { a, elsewhere } => html! {
            <tr class="row only-a" data-row={r.to_string()} data-a={a.to_string()}>
                <td class="cell a" data-doc={da.id.clone()}>{ sa.sentence(a) }</td>
                <td class="cell b gap">{ gap(elsewhere) }</td>
            </tr>
        },
        Row::OnlyB { b, elsewhere } => html! {
            <tr class="row only-b" data-row={r.to_string()} data-b={b.to_string()}>
                <td class="cell a gap">{ gap(elsewhere) }</td>
                <td class="cell b" data-doc={db.id.clone()}>{ sb.sentence(b) }</td>
            </tr>
        },
    }
}

/// Two aligned sentences with their word differences: deletions on the left, insertions on
/// the right.
fn diff_cells(ta: &str, tb: &str) -> (Html, Html) {
    let ops = word_diff(ta, tb);
    let l = ops.iter().filter_map(|o| match o {
        DiffOp::Equal(t) => Some(html! { <>{ t.clone() }{ " " }</> }),
        DiffOp::Delete(t) => Some(html! { <><del>{ t.clone() }</del>{ " " }</> }),
        DiffOp::Insert(_) => None,
    });
    let r = ops.iter().filter_map(|o| match o {
        DiffOp::Equal(t) => Some(html! { <>{ t.clone() }{ " " }</> }),
        DiffOp::Insert(t) => Some(html! { <><ins>{ t.clone() }</ins>{ " " }</> }),
        DiffOp::Delete(_) => None,
    });
    (html! { <>{ for l }</> }, html! { <>{ for r }</> })
}

/// The text of `span` with entity marks and the student's highlights (no interaction: the
/// reader is where marks are used).
fn marked(
    lib: &Library,
    doc: usize,
    ix: &CharIndex,
    text: &str,
    span: Span,
    placed: &[(Span, parallax_core::notes::Note)],
) -> Html {
    let mentions = lib.mentions(doc);
    let spans: Vec<(Span, &str)> = mentions
        .iter()
        .map(|m| (m.span, m.label.as_str()))
        .collect();
    let pieces = crate::marks::segments(span, &spans, &Default::default()).into_iter().map(|(s, m)| {
        let t = crate::components::notes::highlight_runs(text, ix, s, placed);
        match m {
            None => t,
            Some(k) => {
                let m = &mentions[k];
                html! { <crate::marks::Mark label={m.label.as_str()} entity={AttrValue::from(m.entity.clone())}>{ t }</crate::marks::Mark> }
            }
        }
    });
    html! { <>{ for pieces }</> }
}
