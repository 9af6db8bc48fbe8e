//! `#/compare/<a>/<b>`: two sources side by side. Aligned sentences share a row (one table,
//! so the columns scroll together); what one source has and the other lacks stays in place.
//! `?diff=1` shows word differences inside aligned rows; `?show=a|b` picks the column shown on
//! narrow screens; `?present` is presenter mode (projector type, the arrow keys page through
//! the aligned rows), `row=N` the current row.

use crate::compare::{coverage, rows, Row};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::Library;
use crate::url::query_param;
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

/// The compare view.
#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let location = use_location();
    let navigator = use_navigator();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let param = |k: &str| query_param(&query, k);
    let diff = param("diff").as_deref() == Some("1");
    let show = param("show").unwrap_or_default();
    let present = query
        .split('&')
        .any(|kv| kv.trim_start_matches('?') == "present");
    let current_row = param("row").and_then(|r| r.parse::<usize>().ok());
    let (ia, ib) = (library.index(&p.a), library.index(&p.b));
    let pairs = use_memo((library.clone(), ia, ib), |(lib, ia, ib)| match (ia, ib) {
        (Some(a), Some(b)) => lib.align(*a, *b),
        _ => Vec::new(),
    });
    let (Some(ia), Some(ib)) = (ia, ib) else {
        return html! { <NotFound what="Document" /> };
    };
    let (da, db) = (&library.docs()[ia], &library.docs()[ib]);
    let (sa, sb) = (library.sentences(ia), library.sentences(ib));
    let index = |sents: &[Span], s: Span| sents.iter().position(|x| *x == s);
    let idx_pairs: Vec<_> = pairs
        .iter()
        .filter_map(|pr| Some((index(sa, pr.a)?, index(sb, pr.b)?, pr.kind, pr.score)))
        .collect();
    let table = rows(sa.len(), sb.len(), &idx_pairs);
    let (ca, cb) = coverage(sa.len(), sb.len(), &idx_pairs);
    let (xa, xb) = (CharIndex::new(&da.text), CharIndex::new(&db.text));

    let set_full = {
        let navigator = navigator.clone();
        let (a, b) = (p.a.to_string(), p.b.to_string());
        move |new_diff: bool, new_show: &str, present: bool, row: Option<usize>| {
            let mut parts = Vec::new();
            if new_diff {
                parts.push("diff=1".to_string());
            }
            if !new_show.is_empty() {
                parts.push(format!("show={new_show}"));
            }
            if present {
                parts.push("present".to_string());
            }
            if let Some(r) = row {
                parts.push(format!("row={r}"));
            }
            let route = Route::Compare {
                a: a.clone(),
                b: b.clone(),
            };
            crate::contexts::replace_view(&navigator, &route, &parts.join("&"));
        }
    };
    let set = {
        let set_full = set_full.clone();
        move |new_diff: bool, new_show: &str| set_full(new_diff, new_show, present, current_row)
    };
    // Presenter mode: arrows and Page keys move through the rows that pair two passages.
    {
        let set_full = set_full.clone();
        let show = show.clone();
        let paired: Vec<usize> = table
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Pair { .. }))
            .map(|(i, _)| i)
            .collect();
        use_effect_with(
            (present, current_row, diff, show.clone(), paired.clone()),
            move |_| {
                let listener = present.then(|| {
                    gloo::events::EventListener::new(
                        &gloo::utils::document(),
                        "keydown",
                        move |e| {
                            use wasm_bindgen::JsCast;
                            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                                return;
                            };
                            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                                return;
                            }
                            let step: i64 = match e.key().as_str() {
                                "ArrowRight" | "ArrowDown" | "PageDown" | " " => 1,
                                "ArrowLeft" | "ArrowUp" | "PageUp" => -1,
                                _ => return,
                            };
                            e.prevent_default();
                            let at = current_row.and_then(|r| paired.iter().position(|&x| x == r));
                            let next = match at {
                                None => 0,
                                Some(i) => {
                                    (i as i64 + step).clamp(0, paired.len() as i64 - 1) as usize
                                }
                            };
                            if let Some(&r) = paired.get(next) {
                                set_full(diff, &show, true, Some(r));
                            }
                        },
                    )
                });
                move || drop(listener)
            },
        );
    }
    use_effect_with(current_row, |row| {
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
    let toggle_present = {
        let set_full = set_full.clone();
        let show = show.clone();
        Callback::from(move |_: MouseEvent| set_full(diff, &show, !present, current_row))
    };
    let toggle_diff = {
        let set = set.clone();
        let show = show.clone();
        Callback::from(move |_| set(!diff, &show))
    };
    let show_button = |value: &'static str, label: String| {
        let set = set.clone();
        let pressed = show == value;
        html! {
            <button type="button" aria-pressed={pressed.to_string()} data-show={value}
                    onclick={Callback::from(move |_| set(diff, value))}>{ label }</button>
        }
    };

    let notes = use_context::<crate::contexts::NotesCtx>().expect("App provides the notes");
    let pending = use_state(|| None::<(String, Span)>);
    let placed_a = crate::components::notes::placed(da, &notes.state.of_doc(&da.id));
    let placed_b = crate::components::notes::placed(db, &notes.state.of_doc(&db.id));
    let sentence = |d: &parallax_core::Document, ix: &CharIndex, doc_i: usize, s: Span| -> Html {
        let placed = if doc_i == ia { &placed_a } else { &placed_b };
        html! { <span class="sent" data-start={s.start.to_string()}>{ marked(&library, doc_i, ix, &d.text, s, placed) }</span> }
    };
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
    let body = table.iter().enumerate().map(|(r, row)| match *row {
        Row::Pair { a, b, kind } => {
            let (ta, tb) = (xa.slice(&da.text, sa[a]), xb.slice(&db.text, sb[b]));
            let (left, right) = if diff {
                let ops = word_diff(ta, tb);
                let l = ops.iter().filter_map(|o| match o {
                    DiffOp::Equal(t) => Some(html! { <>{ t.clone() }{ " " }</> }),
                    DiffOp::Delete(t) => Some(html! { <><del>{ t.clone() }</del>{ " " }</> }),
                    DiffOp::Insert(_) => None,
                });
                let rr = ops.iter().filter_map(|o| match o {
                    DiffOp::Equal(t) => Some(html! { <>{ t.clone() }{ " " }</> }),
                    DiffOp::Insert(t) => Some(html! { <><ins>{ t.clone() }</ins>{ " " }</> }),
                    DiffOp::Delete(_) => None,
                });
                (html! { <>{ for l }</> }, html! { <>{ for rr }</> })
            } else {
                (sentence(da, &xa, ia, sa[a]), sentence(db, &xb, ib, sb[b]))
            };
            html! {
                <tr class={classes!("row", "paired", format!("kind-{}", kind.as_str()), (current_row == Some(r)).then_some("target"))} data-row={r.to_string()}
                    data-a={a.to_string()} data-b={b.to_string()} data-kind={kind.as_str()}>
                    <td class="cell a" data-doc={da.id.clone()}>{ left }</td>
                    <td class="cell b" data-doc={db.id.clone()}><span class="kind-tag" data-nt="">{ kind.as_str() }</span>{ " " }{ right }</td>
                </tr>
            }
        }
        Row::OnlyA { a, elsewhere } => html! {
            <tr class="row only-a" data-row={r.to_string()} data-a={a.to_string()}>
                <td class="cell a" data-doc={da.id.clone()}>{ sentence(da, &xa, ia, sa[a]) }</td>
                <td class="cell b gap">{ if elsewhere { "reported elsewhere in this source" } else { "—" } }</td>
            </tr>
        },
        Row::OnlyB { b, elsewhere } => html! {
            <tr class="row only-b" data-row={r.to_string()} data-b={b.to_string()}>
                <td class="cell a gap">{ if elsewhere { "reported elsewhere in this source" } else { "—" } }</td>
                <td class="cell b" data-doc={db.id.clone()}>{ sentence(db, &xb, ib, sb[b]) }</td>
            </tr>
        },
    });
    html! {
        <article class={classes!("compare", (!show.is_empty()).then(|| format!("show-{show}")), present.then_some("present"))} id="compare"
                 data-a={da.id.clone()} data-b={db.id.clone()} aria-labelledby="compare-h">
            <h1 id="compare-h">{ "Compare two sources" }</h1>
            <p class="coverage" id="coverage">
                { format!("{ca} of {} sentences in the first source have a counterpart in the second; {cb} of {} the other way.", sa.len(), sb.len()) }
            </p>
            <div class="compare-controls">
                <button type="button" id="diff-toggle" aria-pressed={diff.to_string()} onclick={toggle_diff}>{ "Show word differences" }</button>
                <button type="button" id="compare-present" aria-pressed={present.to_string()} onclick={toggle_present}>
                    { if present { "Leave presenter mode" } else { "Presenter mode (arrows move row by row)" } }
                </button>
                <div class="show-switch" role="group" aria-label="Columns on a narrow screen">
                    { show_button("", "Both".into()) }
                    { show_button("a", "First only".into()) }
                    { show_button("b", "Second only".into()) }
                </div>
            </div>
            if let Some((doc_id, span)) = (*pending).clone() {
                <crate::components::notes::NoteEditor doc_id={doc_id.clone()}
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
