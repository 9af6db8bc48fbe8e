//! `#/doc/<id>`: one document in reading typography, every mention marked, with the legend,
//! the entity panel and this source's quotes. The view state lives in the URL query
//! (`ReaderView`); the page's own (shortcuts list, highlight being made) in `ReaderPanel`.

use crate::components::entity_panel::EntityPanel;
use crate::components::legend::Legend;
use crate::components::notes::{highlight_runs, placed, NoteEditor, NoteItem, NoteList};
use crate::components::quote_list::QuoteList;
use crate::contexts::NotesCtx;
use crate::keys::use_presenter_keys;
use crate::library::{entities_by_label, Library};
use crate::marks::{label_name, segments, Mark};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::reader::{PanelAction, ReaderAction, ReaderPanel, ReaderQuery, ReaderView};
use gloo::events::EventListener;
use parallax_core::analysis::{Label, Mention};
use parallax_core::{CharIndex, Document, Span};
use std::rc::Rc;
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

impl Reducible for ReaderPanel {
    type Action = PanelAction;
    fn reduce(self: Rc<Self>, action: PanelAction) -> Rc<Self> {
        let next = ReaderPanel::reduce(&self, action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The reader page.
#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let location = use_location();
    let navigator = use_navigator();
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let articles = use_context::<crate::contexts::ArticlesCtx>();
    let panel = use_reducer(ReaderPanel::default);
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
    let focused = mentions_of(mentions, view.focus.as_deref());
    let current = focused
        .get(view.at.min(focused.len().saturating_sub(1)))
        .copied();
    let dispatch = reader_dispatch(p, &view, navigator);
    let total = doc_index.map_or(0, |i| library.docs()[i].paragraphs.len());
    let sliced = use_slices(p.id.clone(), total);
    // A link to a mention or a paragraph scrolls to it: everything is rendered at once then.
    let limit = if view.focus.is_some() || view.para.is_some() {
        total
    } else {
        sliced
    };
    use_scroll_to_targets(&view, current);
    use_selection_capture(panel.dispatcher());
    use_effect_with(panel.pending, |pending| {
        if pending.is_some() {
            crate::selection::keep_above("note-editor");
        }
    });
    use_shortcuts(
        &view,
        focused.len(),
        panel.help,
        &dispatch,
        panel.dispatcher(),
    );
    // Paragraphs shown (1-based), for paging in presenter mode.
    let shown: Vec<usize> = doc_index
        .map(|i| shown_paragraphs(&library.docs()[i], view.hide_furniture))
        .unwrap_or_default();
    use_presenter_keys(
        view.present,
        dispatch.reform(move |d| ReaderAction::Page(d, shown.clone())),
    );

    // Tooltips and the entity panel's groups depend on the library and document only: worked
    // out once, not on every toggle, focus or step.
    let per_doc = use_memo((library.clone(), doc_index), |(lib, doc)| match doc {
        Some(d) => (tips(lib, *d), entities_by_label(lib, *d)),
        None => (Vec::new(), Vec::new()),
    });
    let Some(doc_i) = doc_index else {
        return html! { <NotFound what="Document" id={p.id.clone()} /> };
    };
    let doc = &library.docs()[doc_i];
    let source = articles.and_then(|a| {
        a.list
            .iter()
            .find(|x| x.id == doc.id)
            .map(|x| x.source.clone())
    });
    let placed = placed(doc, &notes.state.of_doc(&doc.id));
    let marking = Marking {
        doc,
        ix: CharIndex::new(&doc.text),
        mentions,
        spans: mentions
            .iter()
            .map(|m| (m.span, m.label.as_str()))
            .collect(),
        tips: &per_doc.0,
        placed: &placed,
        view: &view,
        current,
        limit,
        on_select: {
            let dispatch = dispatch.clone();
            let view = view.clone();
            Callback::from(move |entity: String| {
                if view.focus.as_deref() != Some(entity.as_str()) {
                    dispatch.emit(ReaderAction::Focus(Some(entity)));
                }
            })
        },
    };
    let counts: Vec<(&'static str, usize)> = Label::ALL
        .iter()
        .map(|&l| (l.as_str(), mentions.iter().filter(|m| m.label == l).count()))
        .collect();
    let position = current.map(|_| {
        (
            view.at.min(focused.len().saturating_sub(1)) + 1,
            focused.len(),
        )
    });
    let count = focused.len();

    html! {
        <div class={classes!("reader-layout", view.present.then_some("present"))}>
            <article class="reader" id="reader" data-doc={doc.id.clone()} aria-labelledby="doc-title">
                { doc_header(&marking, source.as_ref()) }
                <crate::components::flags::Flags doc={doc_i} />
                <Legend
                    counts={counts}
                    hidden={view.hidden.clone()}
                    hide_furniture={view.hide_furniture}
                    on_toggle={dispatch.reform(ReaderAction::ToggleLabel)}
                    on_furniture={dispatch.reform(|_| ReaderAction::ToggleFurniture)}
                />
                { doc_body(&marking, &panel) }
                { doc_notes(doc, &notes, &panel) }
                <QuoteList doc={doc_i} />
            </article>
            <EntityPanel
                doc={doc_i}
                groups={per_doc.1.clone()}
                focus={view.focus.clone()}
                {position}
                on_focus={dispatch.reform(ReaderAction::Focus)}
                on_step={dispatch.reform(move |d: i32| ReaderAction::Step(d, count))}
            />
            { reader_buttons(&view, &panel, &dispatch) }
        </div>
    }
}

/// Positions in `mentions` of the mentions of entity `focus`, in text order.
fn mentions_of(mentions: &[Mention], focus: Option<&str>) -> Vec<usize> {
    let Some(f) = focus else {
        return Vec::new();
    };
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.entity == f)
        .map(|(i, _)| i)
        .collect()
}

/// Presenter mode's and the keyboard shortcuts' buttons, and the shortcuts when open.
fn reader_buttons(
    view: &ReaderView,
    panel: &UseReducerHandle<ReaderPanel>,
    dispatch: &Callback<ReaderAction>,
) -> Html {
    fn panel_action<E>(panel: &UseReducerHandle<ReaderPanel>, a: PanelAction) -> Callback<E> {
        let d = panel.dispatcher();
        Callback::from(move |_| d.dispatch(a.clone()))
    }
    html! {
        <>
            <button type="button" class="present-button" id="present-button" aria-pressed={view.present.to_string()}
                    onclick={dispatch.reform(|_| ReaderAction::TogglePresent)}>
                { if view.present { "Leave presenter mode" } else { "Presenter mode" } }
            </button>
            <button type="button" class="help-button" id="help-button" aria-expanded={panel.help.to_string()}
                    onclick={panel_action(panel, PanelAction::ToggleHelp)}>
                { "Keyboard shortcuts (?)" }
            </button>
            if panel.help { <Shortcuts close={panel_action(panel, PanelAction::CloseHelp)} /> }
        </>
    }
}

/// Paragraphs rendered in the first slice of a long article (more than a screen) and added per
/// later slice, one slice per frame, so that no single task renders thousands of marks.
const FIRST_SLICE: usize = 30;
const SLICE: usize = 60;

/// How many paragraphs of the document `key` (of `total`) to render: the first slice at once,
/// then one more slice after each paint until all are.
#[hook]
fn use_slices(key: AttrValue, total: usize) -> usize {
    let state = use_state_eq(|| (key.clone(), FIRST_SLICE));
    let generation = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((key.clone(), total), move |(key, total)| {
            let (key, total) = (key.clone(), *total);
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.set((key.clone(), FIRST_SLICE.min(total)));
            if total > FIRST_SLICE {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut n = FIRST_SLICE;
                    while n < total {
                        crate::schedule::after_next_paint().await;
                        if *generation.borrow() != mine {
                            return;
                        }
                        n = (n + SLICE).min(total);
                        state.set((key.clone(), n));
                    }
                });
            }
        });
    }
    if state.0 == key {
        state.1
    } else {
        FIRST_SLICE.min(total)
    }
}

/// Writes the reader's next state into the link (a session keeps its own query in front).
fn reader_dispatch(
    p: &ReaderProps,
    view: &ReaderView,
    navigator: Option<Navigator>,
) -> Callback<ReaderAction> {
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
}

/// Brings the current mention of the focused entity into view and gives it focus; a link
/// naming a paragraph (`p=4`) brings that into view once the page is drawn.
/// A newly chosen entity moves focus into the entity panel (beside the text on wide screens,
/// a sheet at the bottom on narrow ones), the text staying where it was; stepping through
/// its mentions moves focus to each.
#[hook]
fn use_scroll_to_targets(view: &ReaderView, current: Option<usize>) {
    let shown = use_mut_ref(|| None::<String>);
    use_effect_with((view.focus.clone(), current), move |(focus, current)| {
        let new_entity = *shown.borrow() != *focus;
        *shown.borrow_mut() = focus.clone();
        let doc = gloo::utils::document();
        if let (Some(_), Some(i)) = (focus, current) {
            if let Some(el) = doc
                .query_selector(&format!("mark[data-m='{i}']"))
                .ok()
                .flatten()
            {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
                if !new_entity {
                    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        }
        if focus.is_some() && new_entity {
            if let Some(h) = doc
                .get_element_by_id("focus-box")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = h.focus_with_options(&opts);
            }
        }
    });
    use_effect_with(view.para, |para| {
        if let Some(n) = para {
            if let Some(el) = gloo::utils::document().get_element_by_id(&format!("p{n}")) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
}

/// Opens the highlight editor for words selected by any means: a mouse, a finger (touch
/// selection handles), a pen or the keyboard ([`crate::selection::on_selection`]).
#[hook]
fn use_selection_capture(panel: UseReducerDispatcher<ReaderPanel>) {
    use_effect_with((), move |_| {
        let guard = crate::selection::on_selection(move || {
            if let Some(s) = selected() {
                panel.dispatch(PanelAction::Selected(s));
            }
        });
        move || drop(guard)
    });
}

/// Keyboard shortcuts (listed under "?"); presenter mode's paging keys are
/// [`use_presenter_keys`].
#[hook]
fn use_shortcuts(
    view: &ReaderView,
    count: usize,
    help: bool,
    dispatch: &Callback<ReaderAction>,
    panel: UseReducerDispatcher<ReaderPanel>,
) {
    let dispatch = dispatch.clone();
    use_effect_with((view.clone(), count, help), move |(_, count, help)| {
        let (count, help) = (*count, *help);
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !crate::keys::plain(e) {
                return;
            }
            let action = match e.key().as_str() {
                "n" | "j" => Some(ReaderAction::Step(1, count)),
                "p" | "k" => Some(ReaderAction::Step(-1, count)),
                "Escape" if help => {
                    panel.dispatch(PanelAction::CloseHelp);
                    None
                }
                "Escape" => Some(ReaderAction::Focus(None)),
                "f" => Some(ReaderAction::ToggleFurniture),
                "?" => {
                    panel.dispatch(PanelAction::ToggleHelp);
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

/// The 1-based numbers of the paragraphs the reader shows (not the title or date line, nor
/// furniture when it is hidden).
fn shown_paragraphs(d: &Document, hide_furniture: bool) -> Vec<usize> {
    d.paragraphs
        .iter()
        .zip(&d.roles)
        .enumerate()
        .filter(|(_, (s, role))| {
            Some(**s) != d.title_span
                && Some(**s) != d.date_span
                && !header_bylines(d).contains(*s)
                && !(hide_furniture && is_furniture(**role))
        })
        .map(|(k, _)| k + 1)
        .collect()
}

/// What the document's text is rendered from: its mentions as marks, the student's highlights
/// over them.
struct Marking<'a> {
    doc: &'a Document,
    ix: CharIndex,
    mentions: &'a [Mention],
    spans: Vec<(Span, &'a str)>,
    tips: &'a [String],
    placed: &'a [(Span, parallax_core::notes::Note)],
    view: &'a ReaderView,
    current: Option<usize>,
    on_select: Callback<String>,
    /// Paragraphs rendered so far (a long article is rendered in slices).
    limit: usize,
}

impl Marking<'_> {
    /// The text of `span` as plain runs and marks.
    fn span(&self, span: Span) -> Html {
        let highlighted = |s: Span| highlight_runs(&self.doc.text, &self.ix, s, self.placed);
        let pieces = segments(span, &self.spans, &self.view.hidden)
            .into_iter()
            .map(|(s, m)| match m {
                None => highlighted(s),
                Some(k) => {
                    let m = &self.mentions[k];
                    html! {
                        <Mark label={m.label.as_str()} entity={AttrValue::from(m.entity.clone())} index={k}
                              tip={AttrValue::from(self.tips[k].clone())}
                              focused={self.view.focus.as_deref() == Some(m.entity.as_str())}
                              current={self.current == Some(k)} on_select={self.on_select.clone()}>
                            { highlighted(s) }
                        </Mark>
                    }
                }
            });
        html! { <>{ for pieces }</> }
    }
}

/// The byline lines of the document's header: byline-role lines before its first paragraph of
/// running text (shown as the header's meta lines, not as body paragraphs).
fn header_bylines(d: &Document) -> Vec<Span> {
    d.paragraphs
        .iter()
        .zip(&d.roles)
        .take_while(|(_, r)| !r.is_content())
        .filter(|(_, r)| **r == parallax_core::text::lines::LineRole::Byline)
        .map(|(s, _)| *s)
        .collect()
}

/// Title, byline, outlet and date, counts, and a notice when the article was cut.
fn doc_header(m: &Marking<'_>, source: Option<&crate::state::articles::Source>) -> Html {
    let doc = m.doc;
    let bylines = header_bylines(doc);
    let site = source.and_then(|s| s.site.clone());
    let url = source.and_then(|s| s.url.clone());
    let cut = source.and_then(|s| crate::state::articles::left_out_notice(s.left_out));
    html! {
        <header>
            { match doc.title_span {
                Some(t) => html! { <h1 id="doc-title" data-start={t.start.to_string()}>{ m.span(t) }</h1> },
                None => html! { <h1 id="doc-title">{ doc.title.clone() }</h1> },
            } }
            { for bylines.iter().map(|b| html! { <p class="meta byline" data-start={b.start.to_string()}>{ m.span(*b) }</p> }) }
            if site.is_some() || url.is_some() {
                <p class="meta outlet" id="doc-outlet">
                    { site.clone().unwrap_or_default() }
                    if let Some(u) = url { if site.is_some() { { " · " } } <span class="url">{ u }</span> }
                </p>
            }
            if let Some(c) = cut { <p class="banner warning" id="doc-cut" role="note">{ c }</p> }
            <p class="meta">
                if let Some(d) = doc.date_span { <span class="date-line" data-start={d.start.to_string()}>{ m.span(d) }</span>{ " · " } }
                { format!("{} words · {} marked mentions", doc.word_count, m.mentions.len()) }
            </p>
        </header>
    }
}

/// The paragraphs (selecting words in them starts a highlight) and the highlight editor.
fn doc_body(m: &Marking<'_>, panel: &UseReducerHandle<ReaderPanel>) -> Html {
    let doc = m.doc;
    let view = m.view;
    let bylines = header_bylines(doc);
    let paragraphs = doc.paragraphs.iter().zip(&doc.roles).enumerate().filter_map(|(i, (&span, role))| {
        if i >= m.limit || Some(span) == doc.title_span || Some(span) == doc.date_span || bylines.contains(&span) {
            return None;
        }
        let furniture = is_furniture(*role);
        if furniture && view.hide_furniture {
            return None;
        }
        let pieces = m.span(span);
        let class = classes!(furniture.then_some("furniture"), format!("role-{}", format!("{role:?}").to_lowercase()));
        Some(html! {
            <p key={i} id={format!("p{}", i + 1)} class={classes!(class, (view.para == Some(i + 1)).then_some("target"))} data-role={format!("{role:?}")} data-start={span.start.to_string()}>
                if furniture { <span class="role-tag" data-nt="">{ role.reason() }{ " " }</span> }
                { pieces }
            </p>
        })
    });
    html! {
        <>
            <div class="doc-body" id="doc-body" data-complete={(m.limit >= doc.paragraphs.len()).to_string()}>{ for paragraphs }</div>
            if let Some(span) = panel.pending {
                <NoteEditor doc_id={doc.id.clone()} text={doc.text.clone()} {span}
                    on_close={{ let d = panel.dispatcher(); Callback::from(move |_| d.dispatch(PanelAction::CloseEditor)) }} />
            }
        </>
    }
}

/// The words selected in the reader's text, if any.
fn selected() -> Option<Span> {
    let reader = gloo::utils::document().get_element_by_id("reader")?;
    crate::selection::selected_span(&reader).map(|(_, s)| s)
}

/// The document's highlights and notes, and the button that highlights the selection.
fn doc_notes(doc: &Document, notes: &NotesCtx, panel: &UseReducerHandle<ReaderPanel>) -> Html {
    let note_items: Vec<NoteItem> = notes
        .state
        .of_doc(&doc.id)
        .into_iter()
        .map(|n| NoteItem::new(n, doc))
        .collect();
    let capture_button = {
        let d = panel.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(PanelAction::Highlight(selected())))
    };
    html! {
        <section class="doc-notes" id="doc-notes" aria-labelledby="doc-notes-h">
            <h2 id="doc-notes-h">{ format!("Your highlights and notes ({})", note_items.len()) }</h2>
            <p>
                <button type="button" id="highlight-button" onclick={capture_button}>{ "Highlight selection" }</button>
                { " " }<span class="meta">{ "Select words in the text first. Notes stay on this device; " }<a href="#/notes">{ "all notes and export" }</a>{ "." }</span>
            </p>
            if panel.no_selection { <p class="hint" role="status">{ "Select some words in the text first, then choose “Highlight selection”." }</p> }
            <NoteList items={note_items} />
        </section>
    }
}

/// Props of the shortcuts dialog.
#[derive(Properties, PartialEq)]
struct ShortcutsProps {
    close: Callback<()>,
}

/// The keyboard shortcuts list: a dialog in the middle of the screen that takes focus when it
/// opens and gives it back to its button when it closes.
#[function_component(Shortcuts)]
fn shortcuts(p: &ShortcutsProps) -> Html {
    let me = use_node_ref();
    {
        let me = me.clone();
        use_effect_with((), move |_| {
            if let Some(el) = me.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            || {
                if let Some(b) = gloo::utils::document()
                    .get_element_by_id("help-button")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            }
        });
    }
    let close = p.close.reform(|_: MouseEvent| ());
    html! {
        <section class="help" id="shortcuts" role="dialog" aria-labelledby="shortcuts-h" tabindex="-1" ref={me}>
            <h2 id="shortcuts-h">{ "Keyboard shortcuts" }</h2>
            <dl>
                <dt><kbd>{ "1" }</kbd>{ "–" }<kbd>{ "6" }</kbd></dt><dd>{ "show or hide Person, Organisation, Place, Group, Date, Number" }</dd>
                <dt><kbd>{ "n" }</kbd>{ " / " }<kbd>{ "j" }</kbd></dt><dd>{ "next mention of the selected entity" }</dd>
                <dt><kbd>{ "p" }</kbd>{ " / " }<kbd>{ "k" }</kbd></dt><dd>{ "previous mention" }</dd>
                <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "close this list; clear the selection" }</dd>
                <dt><kbd>{ "f" }</kbd></dt><dd>{ "hide or show captions, credits and site furniture" }</dd>
                <dt><kbd>{ "→" }</kbd>{ " / " }<kbd>{ "←" }</kbd></dt><dd>{ "in presenter mode: next or previous paragraph" }</dd>
                <dt><kbd>{ "?" }</kbd></dt><dd>{ "show or hide this list" }</dd>
                <dt><kbd>{ "Tab" }</kbd></dt><dd>{ "move through the legend, the entity list and the links" }</dd>
            </dl>
            <button type="button" id="close-shortcuts" onclick={close}>{ "Close" }</button>
        </section>
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
                    let (n, docs) = crate::library::elsewhere(e, doc);
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
    crate::marks::furniture_reason(role).is_some()
}
