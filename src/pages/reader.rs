//! `#/doc/<id>`: one document in reading typography, every mention marked, with the legend,
//! the entity panel and this source's quotes. The view state lives in the URL query.

use crate::app::Route;
use crate::components::entity_panel::EntityPanel;
use crate::components::legend::Legend;
use crate::components::quote_list::QuoteList;
use crate::pages::not_found::NotFound;
use crate::state::{entities_by_label, Library};
use crate::view::{segments, ReaderAction, ReaderQuery, ReaderView, LABELS};
use gloo::events::EventListener;
use parallax_core::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: the document to show.
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Document identifier from the route.
    pub id: AttrValue,
}

/// The reader page.
#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let location = use_location();
    let navigator = use_navigator();
    let help_open = use_state(|| false);
    let query = location
        .as_ref()
        .map(|l| ReaderQuery::parse(l.query_str()))
        .unwrap_or_default();
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
        let id = p.id.to_string();
        Callback::from(move |action: ReaderAction| {
            let next = view.reduce(action);
            if next == view {
                return;
            }
            crate::app::replace_view(
                &navigator,
                &Route::Doc { id: id.clone() },
                &next.to_query().encode(),
            );
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
                        .map(|n| ReaderAction::ToggleLabel(LABELS[n - 1])),
                };
                if let Some(a) = action {
                    e.prevent_default();
                    dispatch.emit(a);
                }
            });
            move || drop(listener)
        });
    }

    let Some(doc_i) = doc_index else {
        return html! { <NotFound what="Document" /> };
    };
    let doc = &library.docs()[doc_i];
    let spans: Vec<(Span, &str)> = mentions
        .iter()
        .map(|m| (m.span, m.label.as_str()))
        .collect();
    let counts: Vec<(&'static str, usize)> = LABELS
        .iter()
        .map(|&l| (l, mentions.iter().filter(|m| m.label.as_str() == l).count()))
        .collect();
    let groups = entities_by_label(&library, doc_i);
    let on_mark_click = {
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |entity: String| {
            if view.focus.as_deref() != Some(entity.as_str()) {
                dispatch.emit(ReaderAction::Focus(Some(entity)));
            }
        })
    };

    let marks = tips(&library, doc_i);
    let ix = parallax_core::CharIndex::new(&doc.text);
    // The text of `span` as plain runs and marks.
    let render_span = |span: Span| -> Html {
        let pieces = segments(span, &spans, &view.hidden).into_iter().map(|(s, m)| {
            let text = ix.slice(&doc.text, s).to_string();
            match m {
                None => html! { { text } },
                Some(k) => {
                    let m = &mentions[k];
                    let entity = m.entity.clone();
                    let on_select = on_mark_click.clone();
                    let class = classes!(
                        "m",
                        format!("m-{}", m.label.as_str().to_lowercase()),
                        (view.focus.as_deref() == Some(m.entity.as_str())).then_some("focused"),
                        (current == Some(k)).then_some("current"),
                    );
                    html! {
                        <mark {class} data-label={m.label.as_str()} data-entity={m.entity.clone()} data-m={k.to_string()}
                              data-tip={marks[k].clone()} tabindex="-1"
                              onclick={Callback::from(move |_| on_select.emit(entity.clone()))}>
                            { text }
                        </mark>
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
            <p key={i} id={format!("p{}", i + 1)} class={classes!(class, (view.para == Some(i + 1)).then_some("target"))} data-role={format!("{role:?}")}>
                if furniture { <span class="role-tag">{ role.reason() }</span>{ " " } }
                { pieces }
            </p>
        })
    });

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
                    <h1 id="doc-title">
                        { match doc.title_span { Some(t) => render_span(t), None => html! { { doc.title.clone() } } } }
                    </h1>
                    <p class="meta">
                        if let Some(d) = doc.date_span { <span class="date-line">{ render_span(d) }</span>{ " · " } }
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
                <div class="doc-body" id="doc-body">{ for paragraphs }</div>
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
                        crate::view::label_name(m.label.as_str()),
                        e.name
                    )
                }
                None => crate::view::label_name(m.label.as_str()).to_string(),
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
