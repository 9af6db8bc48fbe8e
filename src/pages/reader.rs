//! `#/doc/<id>`: one document in reading typography, every mention marked, with the legend,
//! the entity panel and this source's quotes. The view state lives in the URL query.

use crate::components::entity_panel::EntityPanel;
use crate::components::legend::Legend;
use crate::components::quote_list::QuoteList;
use crate::marks::{label_name, segments, Mark};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::{entities_by_label, Library};
use crate::view::{ReaderAction, ReaderQuery, ReaderView};
use gloo::events::EventListener;
use parallax_core::analysis::Label;
use parallax_core::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: the document to show.
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Document identifier from the route.
    pub id: AttrValue,
    /// The route whose query holds this reader's state (a session embeds the reader);
    /// `#/doc/<id>` when `None`.
    #[prop_or_default]
    pub base: Option<Route>,
    /// Query parameters of `base` to keep when the reader writes its state (`s=2`).
    #[prop_or_default]
    pub keep_query: AttrValue,
    /// Labels hidden when the link says nothing about them (a session's choice).
    #[prop_or_default]
    pub default_hide: Vec<&'static str>,
}

/// The reader page.
#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let location = use_location();
    let navigator = use_navigator();
    let help_open = use_state(|| false);
    let notes = use_context::<crate::contexts::NotesCtx>().expect("App provides the notes");
    // The selection being turned into a highlight.
    let pending = use_state(|| None::<Span>);
    let no_selection = use_state(|| false);
    let mut query = location
        .as_ref()
        .map(|l| ReaderQuery::parse(l.query_str()))
        .unwrap_or_default();
    if query.hide.is_none() && !p.default_hide.is_empty() {
        query.hide = Some(p.default_hide.join(","));
    }
    let view = ReaderView::from_query(&query);

    let doc_index = library.index(&p.id);
    let mentions = doc_index.map(|i| library.mentions(i)).unwrap_or(&[]);
    // Mentions of the focused entity, in text order.
    let focused: Vec<usize> = view
        .focus
        .as_ref()
        .map(|f| {
            mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| &m.entity == f)
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    let current = focused
        .get(view.at.min(focused.len().saturating_sub(1)))
        .copied();

    let dispatch = {
        let navigator = navigator.clone();
        let view = view.clone();
        let route = p.base.clone().unwrap_or(Route::Doc {
            id: p.id.to_string(),
        });
        let keep = p.keep_query.to_string();
        let has_default = !p.default_hide.is_empty();
        Callback::from(move |action: ReaderAction| {
            let next = view.reduce(action);
            if next == view {
                return;
            }
            let mut q = next.to_query();
            if q.hide.is_none() && has_default {
                // Everything shown, overriding the session's default.
                q.hide = Some(String::new());
            }
            let q = q.encode();
            let query = match (keep.is_empty(), q.is_empty()) {
                (true, _) => q,
                (false, true) => keep.clone(),
                (false, false) => format!("{keep}&{q}"),
            };
            crate::contexts::replace_view(&navigator, &route, &query);
        })
    };

    // Bring the current mention of the focused entity into view and give it focus.
    {
        let key = (view.focus.clone(), current);
        use_effect_with(key, move |(focus, current)| {
            if let (Some(_), Some(i)) = (focus, current) {
                if let Some(el) = gloo::utils::document()
                    .query_selector(&format!("mark[data-m='{i}']"))
                    .ok()
                    .flatten()
                {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        });
    }

    // A link naming a paragraph (`p=4`) brings it into view once the page is drawn.
    use_effect_with(view.para, |para| {
        if let Some(n) = para {
            if let Some(el) = gloo::utils::document().get_element_by_id(&format!("p{n}")) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });

    // Keyboard shortcuts (listed under "?").
    {
        let dispatch = dispatch.clone();
        let help_open = help_open.clone();
        let count = focused.len();
        // Paragraphs shown (1-based), for paging in presenter mode.
        let shown: Vec<usize> = doc_index
            .map(|i| {
                let d = &library.docs()[i];
                d.paragraphs
                    .iter()
                    .zip(&d.roles)
                    .enumerate()
                    .filter(|(_, (s, role))| {
                        Some(**s) != d.title_span
                            && Some(**s) != d.date_span
                            && !(view.hide_furniture && is_furniture(**role))
                    })
                    .map(|(k, _)| k + 1)
                    .collect()
            })
            .unwrap_or_default();
        let present = view.present;
        use_effect_with((view.clone(), count), move |(_, count)| {
            let count = *count;
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || in_text_field(e) {
                    return;
                }
                let action = match e.key().as_str() {
                    "ArrowRight" | "ArrowDown" | "PageDown" | " " if present => {
                        Some(ReaderAction::Page(1, shown.clone()))
                    }
                    "ArrowLeft" | "ArrowUp" | "PageUp" if present => {
                        Some(ReaderAction::Page(-1, shown.clone()))
                    }
                    "n" | "j" => Some(ReaderAction::Step(1, count)),
                    "p" | "k" => Some(ReaderAction::Step(-1, count)),
                    "Escape" => Some(ReaderAction::Focus(None)),
                    "f" => Some(ReaderAction::ToggleFurniture),
                    "?" => {
                        help_open.set(!*help_open);
                        None
                    }
                    k => k
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=6).contains(n))
                        .map(|n| ReaderAction::ToggleLabel(Label::ALL[n - 1].as_str())),
                };
                if let Some(a) = action {
                    e.prevent_default();
                    dispatch.emit(a);
                }
            });
            move || drop(listener)
        });
    }

    // Tooltips and the entity panel's groups depend on the library and document only: worked
    // out once, not on every toggle, focus or step.
    let per_doc = use_memo((library.clone(), doc_index), |(lib, doc)| match doc {
        Some(d) => (tips(lib, *d), entities_by_label(lib, *d)),
        None => (Vec::new(), Vec::new()),
    });
    let Some(doc_i) = doc_index else {
        return html! { <NotFound what="Document" /> };
    };
    let doc = &library.docs()[doc_i];
    let spans: Vec<(Span, &str)> = mentions
        .iter()
        .map(|m| (m.span, m.label.as_str()))
        .collect();
    let counts: Vec<(&'static str, usize)> = Label::ALL
        .iter()
        .map(|&l| (l.as_str(), mentions.iter().filter(|m| m.label == l).count()))
        .collect();
    let groups = per_doc.1.clone();
    let on_mark_click = {
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |entity: String| {
            if view.focus.as_deref() != Some(entity.as_str()) {
                dispatch.emit(ReaderAction::Focus(Some(entity)));
            }
        })
    };

    let marks = &per_doc.0;
    let ix = parallax_core::CharIndex::new(&doc.text);
    // Highlights where their words are now, in text order.
    let placed = crate::components::notes::placed(doc, &notes.state.of_doc(&doc.id));
    let highlighted =
        |s: Span| crate::components::notes::highlight_runs(&doc.text, &ix, s, &placed);
    // The text of `span` as plain runs and marks.
    let render_span = |span: Span| -> Html {
        let pieces = segments(span, &spans, &view.hidden).into_iter().map(|(s, m)| {
            match m {
                None => highlighted(s),
                Some(k) => {
                    let text = highlighted(s);
                    let m = &mentions[k];
                    html! {
                        <Mark label={m.label.as_str()} entity={AttrValue::from(m.entity.clone())} index={k}
                              tip={AttrValue::from(marks[k].clone())}
                              focused={view.focus.as_deref() == Some(m.entity.as_str())} current={current == Some(k)}
                              on_select={on_mark_click.clone()}>
                            { text }
                        </Mark>
                    }
                }
            }
        });
        html! { <>{ for pieces }</> }
    };
    let paragraphs = doc.paragraphs.iter().zip(&doc.roles).enumerate().filter_map(|(i, (&span, role))| {
        if Some(span) == doc.title_span || Some(span) == doc.date_span {
            return None;
        }
        let furniture = is_furniture(*role);
        if furniture && view.hide_furniture {
            return None;
        }
        let pieces = render_span(span);
        let class = classes!(furniture.then_some("furniture"), format!("role-{}", format!("{role:?}").to_lowercase()));
        Some(html! {
            <p key={i} id={format!("p{}", i + 1)} class={classes!(class, (view.para == Some(i + 1)).then_some("target"))} data-role={format!("{role:?}")} data-start={span.start.to_string()}>
                if furniture { <span class="role-tag" data-nt="">{ role.reason() }{ " " }</span> }
                { pieces }
            </p>
        })
    });

    // The current selection in the text becomes a pending highlight.
    let take_selection = {
        let pending = pending.clone();
        move || {
            let Some(reader) = gloo::utils::document().get_element_by_id("reader") else {
                return false;
            };
            match crate::selection::selected_span(&reader) {
                Some((_, s)) => {
                    pending.set(Some(s));
                    true
                }
                None => false,
            }
        }
    };
    let capture = {
        let take = take_selection.clone();
        Callback::from(move |_: MouseEvent| {
            take();
        })
    };
    let capture_key = {
        let take = take_selection.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.shift_key() {
                take();
            }
        })
    };
    let capture_button = {
        let take = take_selection.clone();
        let pending = pending.clone();
        let no_selection = no_selection.clone();
        Callback::from(move |_: MouseEvent| {
            let took = take();
            if !took {
                pending.set(None);
            }
            no_selection.set(!took);
        })
    };
    let note_items: Vec<crate::components::notes::NoteItem> = notes
        .state
        .of_doc(&doc.id)
        .into_iter()
        .map(|n| crate::components::notes::NoteItem::new(n, doc))
        .collect();
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(false))
    };
    let open_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(!*help_open))
    };

    html! {
        <div class={classes!("reader-layout", view.present.then_some("present"))}>
            <article class="reader" id="reader" data-doc={doc.id.clone()} aria-labelledby="doc-title">
                <header>
                    { match doc.title_span {
                        Some(t) => html! { <h1 id="doc-title" data-start={t.start.to_string()}>{ render_span(t) }</h1> },
                        None => html! { <h1 id="doc-title">{ doc.title.clone() }</h1> },
                    } }
                    <p class="meta">
                        if let Some(d) = doc.date_span { <span class="date-line" data-start={d.start.to_string()}>{ render_span(d) }</span>{ " · " } }
                        { format!("{} words · {} marked mentions", doc.word_count, mentions.len()) }
                    </p>
                </header>
                <crate::components::flags::Flags doc={doc_i} />
                <Legend
                    counts={counts}
                    hidden={view.hidden.clone()}
                    hide_furniture={view.hide_furniture}
                    on_toggle={dispatch.reform(ReaderAction::ToggleLabel)}
                    on_furniture={dispatch.reform(|_| ReaderAction::ToggleFurniture)}
                />
                <div class="doc-body" id="doc-body" onmouseup={capture.clone()} onkeyup={capture_key}>{ for paragraphs }</div>
                if let Some(span) = *pending {
                    <crate::components::notes::NoteEditor doc_id={doc.id.clone()} text={doc.text.clone()} {span}
                        on_close={{ let pending = pending.clone(); Callback::from(move |_| pending.set(None)) }} />
                }
                <section class="doc-notes" id="doc-notes" aria-labelledby="doc-notes-h">
                    <h2 id="doc-notes-h">{ format!("Your highlights and notes ({})", note_items.len()) }</h2>
                    <p>
                        <button type="button" id="highlight-button" onclick={capture_button}>{ "Highlight selection" }</button>
                        { " " }<span class="meta">{ "Select words in the text first. Notes stay on this device; " }<a href="#/notes">{ "all notes and export" }</a>{ "." }</span>
                    </p>
                    if *no_selection { <p class="hint" role="status">{ "Select some words in the text first, then choose “Highlight selection”." }</p> }
                    <crate::components::notes::NoteList items={note_items} />
                </section>
                <QuoteList doc={doc_i} />
            </article>
            <EntityPanel
                doc={doc_i}
                groups={groups}
                focus={view.focus.clone()}
                position={current.map(|_| (view.at.min(focused.len().saturating_sub(1)) + 1, focused.len()))}
                on_focus={dispatch.reform(ReaderAction::Focus)}
                on_step={dispatch.reform(move |d: i32| ReaderAction::Step(d, focused.len()))}
            />
            <button type="button" class="present-button" id="present-button" aria-pressed={view.present.to_string()}
                    onclick={dispatch.reform(|_| ReaderAction::TogglePresent)}>
                { if view.present { "Leave presenter mode" } else { "Presenter mode" } }
            </button>
            <button type="button" class="help-button" id="help-button" aria-expanded={help_open.to_string()} onclick={open_help}>
                { "Keyboard shortcuts (?)" }
            </button>
            if *help_open {
                <section class="help" id="shortcuts" aria-labelledby="shortcuts-h">
                    <h2 id="shortcuts-h">{ "Keyboard shortcuts" }</h2>
                    <dl>
                        <dt><kbd>{ "1" }</kbd>{ "–" }<kbd>{ "6" }</kbd></dt><dd>{ "show or hide Person, Organisation, Place, Group, Date, Number" }</dd>
                        <dt><kbd>{ "n" }</kbd>{ " / " }<kbd>{ "j" }</kbd></dt><dd>{ "next mention of the selected entity" }</dd>
                        <dt><kbd>{ "p" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt><dd>{ "previous mention" }</dd>
                        <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "clear the selection" }</dd>
                        <dt><kbd>{ "f" }</kbd></dt><dd>{ "hide or show captions, credits and site furniture" }</dd>
                        <dt><kbd>{ "→" }</kbd>{ " / " }<kbd>{ "←" }</kbd></dt><dd>{ "in presenter mode: next or previous paragraph" }</dd>
                        <dt><kbd>{ "?" }</kbd></dt><dd>{ "show or hide this list" }</dd>
                        <dt><kbd>{ "Tab" }</kbd></dt><dd>{ "move through the legend, the entity list and the links" }</dd>
                    </dl>
                    <button type="button" onclick={close_help}>{ "Close" }</button>
                </section>
            }
        </div>
    }
}

/// Tooltip text per mention of document `doc`: label, entity name, mentions here and elsewhere.
fn tips(lib: &Library, doc: usize) -> Vec<String> {
    let mentions = lib.mentions(doc);
    let tips = mentions
        .iter()
        .map(|m| {
            let here = mentions.iter().filter(|x| x.entity == m.entity).count();
            match lib.entity(&m.entity) {
                Some(e) => {
                    let (n, docs) = crate::state::elsewhere(e, doc);
                    let other = match docs {
                        0 => "not in other sources".to_string(),
                        1 => format!("{n} in 1 other source"),
                        d => format!("{n} in {d} other sources"),
                    };
                    format!(
                        "{} · {} · {here} here, {other}",
                        label_name(m.label.as_str()),
                        e.name
                    )
                }
                None => label_name(m.label.as_str()).to_string(),
            }
        })
        .collect();
    tips
}

/// Lines shown de-emphasised (and hideable): captions, credits, boilerplate, repeated headlines.
fn is_furniture(role: parallax_core::text::lines::LineRole) -> bool {
    !role.is_content() || role == parallax_core::text::lines::LineRole::RepeatedHeadline
}

fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
