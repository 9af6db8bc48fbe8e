//! `#/teach`: a teacher makes a session link. Pick sources and their order, write prompts,
//! choose the labels shown, maybe a blind reading; the link holds it all (the user's own
//! articles travel inside it). `parallax session` on the command line makes the same links.
//! The draft and its reducer are `crate::teach`.

use crate::marks::label_name;
use crate::state::Library;
use crate::teach::{Draft, DraftPrompt, TeachAction};
use parallax_core::analysis::Label;
use parallax_core::session::{encode, Source};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for Draft {
    type Action = TeachAction;
    fn reduce(self: Rc<Self>, action: TeachAction) -> Rc<Self> {
        Rc::new(Draft::reduce(&self, action))
    }
}

/// The session builder.
#[function_component(TeachPage)]
pub fn teach_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let draft = use_reducer({
        let n = library.docs().len();
        move || Draft::new(n)
    });
    let send = {
        let d = draft.dispatcher();
        Callback::from(move |a: TeachAction| d.dispatch(a))
    };
    let mut session = draft.session(|i| Source {
        id: library.docs()[i].id.clone(),
        text: library.is_own(i).then(|| library.docs()[i].text.clone()),
    });
    // A session reads one story: the collection of its sources travels in the link.
    let stories = stories_of(&library, &draft.order);
    if let [k] = stories.as_slice() {
        session.collection = library.collections()[*k].key.clone();
    }
    let mixed = (stories.len() > 1).then(|| {
        stories
            .iter()
            .map(|&k| format!("“{}”", library.collections()[k].label()))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let link = (!session.sources.is_empty() && mixed.is_none()).then(|| {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        format!(
            "{}#/session/{}",
            crate::url::page_address(&href),
            encode(&session)
        )
    });
    // Chosen sources first, in session order, then the others: the list reads in the order
    // it will be read.
    let listing: Vec<usize> = draft
        .order
        .iter()
        .copied()
        .chain((0..library.docs().len()).filter(|i| !draft.order.contains(i)))
        .collect();
    let sources = listing
        .into_iter()
        .map(|i| source_item(&library, &draft, i, &send));
    let prompts = draft
        .prompts
        .iter()
        .enumerate()
        .map(|(k, pr)| prompt_item(&library, &draft, k, pr, &send));
    let labels = Label::ALL.iter().map(|l| {
        let l = l.as_str();
        let id = format!("show-{}", l.to_lowercase());
        html! {
            <li><input type="checkbox" id={id.clone()} checked={!draft.hide.contains(&l)} onchange={send.reform(move |_: Event| TeachAction::ToggleLabel(l))} />
                <label for={id}>{ label_name(l) }</label></li>
        }
    });
    let set_title = send.reform(|e: InputEvent| TeachAction::Title(input_value(&e)));

    html! {
        <section class="teach" aria-labelledby="teach-h">
            <h1 id="teach-h">{ "Make a session link" }</h1>
            <p class="intro">{ "Choose the sources and their order, write the questions, and share the link. Everything travels in the link itself: no server, no accounts. Students' answers stay on their devices until they export them." }</p>
            <form class="teach-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="session-title-input">{ "Title" }</label>
                <input id="session-title-input" type="text" value={draft.title.clone()} oninput={set_title} placeholder="e.g. One story, three newsrooms" />
                <fieldset>
                    <legend>{ "Sources, in reading order" }</legend>
                    <ul class="teach-sources">{ for sources }</ul>
                </fieldset>
                <fieldset>
                    <legend>{ "Discussion prompts" }</legend>
                    <ol class="teach-prompts">{ for prompts }</ol>
                    <button type="button" id="add-prompt" onclick={send.reform(|_: MouseEvent| TeachAction::AddPrompt)}>{ "Add a prompt" }</button>
                </fieldset>
                <fieldset>
                    <legend>{ "Labels marked at first" }</legend>
                    <ul class="teach-labels">{ for labels }</ul>
                </fieldset>
                <p>
                    <input type="checkbox" id="blind" checked={draft.blind} onchange={send.reform(|_: Event| TeachAction::ToggleBlind)} />
                    <label for="blind">{ "Blind reading: call the sources Source A, B… instead of naming them" }</label>
                </p>
            </form>
            { link_section(link.as_deref(), mixed.as_deref()) }
        </section>
    }
}

/// One document of the library: chosen or not, its place in the reading order.
fn source_item(library: &Library, draft: &Draft, i: usize, send: &Callback<TeachAction>) -> Html {
    let d = &library.docs()[i];
    let pos = draft.order.iter().position(|&x| x == i);
    let cb = format!("src-{i}");
    let short = parallax_core::document::shorten(&d.title, 40);
    html! {
        <li class="teach-source" data-doc={d.id.clone()}>
            <input type="checkbox" id={cb.clone()} checked={pos.is_some()} onchange={send.reform(move |_: Event| TeachAction::ToggleSource(i))} />
            <label for={cb}>
                if let Some(k) = pos { <span class="order-no">{ format!("{}. ", k + 1) }</span> }
                { d.title.clone() }
                if library.is_own(i) { <span class="badge own-badge">{ "your article: travels inside the link" }</span> }
                if library.collections().len() > 1 {
                    if let Some(k) = library.collection_of(i) { <span class="badge collection-badge">{ library.collections()[k].label().to_string() }</span> }
                }
            </label>
            if pos.is_some() {
                <button type="button" onclick={send.reform(move |_: MouseEvent| TeachAction::MoveSource(i, -1))} aria-label={format!("Move “{short}” up")}>{ "↑" }</button>
                <button type="button" onclick={send.reform(move |_: MouseEvent| TeachAction::MoveSource(i, 1))} aria-label={format!("Move “{short}” down")}>{ "↓" }</button>
            }
        </li>
    }
}

/// Prompt `k`: its question, the source it is about, a passage of that source.
fn prompt_item(
    library: &Library,
    draft: &Draft,
    k: usize,
    pr: &DraftPrompt,
    send: &Callback<TeachAction>,
) -> Html {
    let src = pr.source;
    // Whether the passage is words of the chosen source (else students could not find it).
    let found = src
        .and_then(|j| draft.order.get(j))
        .map(|&i| pr.quote.trim().is_empty() || library.docs()[i].text.contains(pr.quote.trim()));
    let set_text = send.reform(move |e: InputEvent| {
        let v = e
            .target_dyn_into::<web_sys::HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default();
        TeachAction::PromptText(k, v)
    });
    let set_src = send.reform(move |e: Event| {
        let v = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|t| t.value())
            .unwrap_or_default();
        TeachAction::PromptSource(k, v.parse::<usize>().ok())
    });
    let set_quote = send.reform(move |e: InputEvent| TeachAction::PromptQuote(k, input_value(&e)));
    html! {
        <li class="teach-prompt">
            <label for={format!("prompt-text-{k}")}>{ format!("Prompt {}", k + 1) }</label>
            <textarea id={format!("prompt-text-{k}")} rows="2" value={pr.text.clone()} oninput={set_text} />
            <label for={format!("prompt-src-{k}")}>{ "About" }</label>
            <select id={format!("prompt-src-{k}")} onchange={set_src}>
                <option value="" selected={src.is_none()}>{ "the whole session" }</option>
                { for draft.order.iter().enumerate().map(|(j, &i)| html! {
                    <option value={j.to_string()} selected={src == Some(j)}>{ crate::session::source_name(j, &library.docs()[i].title, false) }</option>
                }) }
            </select>
            if src.is_some() {
                <label for={format!("prompt-quote-{k}")}>{ "Passage (optional): words copied from that source" }</label>
                <input type="text" id={format!("prompt-quote-{k}")} value={pr.quote.clone()} oninput={set_quote} />
                if found == Some(false) {
                    <p class="error" role="status">{ "These words are not in that source, so students will not be shown where the passage is." }</p>
                }
            }
            <button type="button" onclick={send.reform(move |_: MouseEvent| TeachAction::RemovePrompt(k))}>{ "Remove prompt" }</button>
        </li>
    }
}

/// The collections (positions) the documents `chosen` belong to, each once, in order.
fn stories_of(library: &Library, chosen: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for k in chosen.iter().filter_map(|&i| library.collection_of(i)) {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The link, or what is missing for one (`mixed`: the stories the chosen sources come from,
/// when more than one).
fn link_section(link: Option<&str>, mixed: Option<&str>) -> Html {
    html! {
        <section class="teach-link" aria-labelledby="teach-link-h">
            <h2 id="teach-link-h">{ "The link" }</h2>
            { match (link, mixed) {
                (_, Some(m)) => html! { <p class="error" role="status" id="mixed-stories">{ format!("The chosen sources report different stories ({m}). A session reads one story: choose sources of one collection.") }</p> },
                (None, None) => html! { <p class="meta" role="status">{ "Choose at least one source." }</p> },
                (Some(l), None) => html! {
                    <>
                        <label for="session-link">{ format!("Session link ({} characters)", l.chars().count()) }</label>
                        <textarea id="session-link" readonly=true rows="3" value={l.to_string()} />
                        <p><a class="button" id="open-session" href={crate::url::fragment(l)}>{ "Open the session as a student sees it" }</a></p>
                    </>
                },
            } }
        </section>
    }
}

/// The value of the text input an input event came from.
fn input_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}
