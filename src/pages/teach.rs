//! `#/teach`: a teacher makes a session link. Pick sources and their order, write prompts,
//! choose the labels shown, maybe a blind reading; the link holds it all (the user's own
//! articles travel inside it). `parallax session` on the command line makes the same links.
//! The draft and its reducer are `crate::state::teach`.

use crate::components::copy_link::CopyText;
use crate::contexts::EngineStatus;
use crate::library::Library;
use crate::marks::label_name;
use crate::route::Route;
use crate::state::teach::{Draft, DraftPrompt, TeachAction};
use parallax_core::analysis::Label;
use parallax_core::session::{encode, Source};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

impl Reducible for Draft {
    type Action = TeachAction;
    fn reduce(self: Rc<Self>, action: TeachAction) -> Rc<Self> {
        Rc::new(Draft::reduce(&self, action))
    }
}

/// Where the draft is kept on this device, so that `#/teach` without a draft in its link
/// reopens the last one.
const DRAFT_KEY: &str = "parallax.teach-draft";

/// The draft to start from: the one in the link, else the one kept on this device, else a
/// new one over the library's first two documents.
fn initial_draft(query: &str, library: &Library) -> Draft {
    Draft::from_query(query)
        .or_else(|| {
            crate::storage::read(DRAFT_KEY)
                .ok()
                .flatten()
                .and_then(|q| Draft::from_query(&q))
        })
        .unwrap_or_else(|| {
            let ids: Vec<&str> = library.docs().iter().map(|d| d.id.as_str()).collect();
            Draft::new(&ids)
        })
}

/// Keeps the draft in the view's link (replacing the history entry, so Back leaves the
/// builder) and on this device, whenever it or the link changes.
#[hook]
fn use_draft_in_link(draft: &Draft, query: String) {
    let navigator = use_navigator();
    use_effect_with((draft.clone(), query), move |(draft, query)| {
        if Draft::from_query(query).as_ref() != Some(draft) {
            let q = draft.to_query();
            let _ = crate::storage::write(DRAFT_KEY, &q);
            crate::contexts::replace_view(&navigator, &Route::Teach, &q);
        }
    });
}

/// The session builder.
#[function_component(TeachPage)]
pub fn teach_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let engine = use_context::<EngineStatus>().unwrap_or_default();
    let query = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let draft = use_reducer({
        let (query, library) = (query.clone(), library.clone());
        move || initial_draft(&query, &library)
    });
    use_draft_in_link(&draft, query);
    let send = {
        let d = draft.dispatcher();
        Callback::from(move |a: TeachAction| d.dispatch(a))
    };
    let session = draft.session(|id| {
        let i = library.index(id)?;
        Some(Source {
            id: id.to_string(),
            text: library.is_own(i).then(|| library.docs()[i].text.clone()),
        })
    });
    // A session reads one story: the collection of its sources travels in the link.
    let stories = stories_of(&library, &draft.order);
    let session = session.map(|mut s| {
        if let [k] = stories.as_slice() {
            s.collection = library.collections()[*k].key.clone();
        }
        s
    });
    let link = match &session {
        Ok(_) if stories.len() > 1 => Err(format!(
            "The chosen sources report different stories ({}). A session reads one story: choose sources of one collection.",
            stories
                .iter()
                .map(|&k| format!("“{}”", library.collections()[k].label()))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Ok(s) if !s.sources.is_empty() => {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            Ok(format!(
                "{}#/session/{}",
                crate::url::page_address(&href),
                encode(s)
            ))
        }
        Ok(_) => Err("Choose at least one source.".to_string()),
        Err(_) if engine.analysing > 0 => {
            Err("Your own articles are being analysed; the link appears when that is done.".into())
        }
        Err(missing) => Err(format!(
            "{} of the chosen sources {} not in this library: untick {} to make the link.",
            missing.len(),
            if missing.len() == 1 { "is" } else { "are" },
            if missing.len() == 1 { "it" } else { "them" },
        )),
    };
    // Chosen sources first, in session order, then the others: the list reads in the order
    // it will be read.
    let listing: Vec<String> = draft
        .order
        .iter()
        .cloned()
        .chain(
            library
                .docs()
                .iter()
                .map(|d| d.id.clone())
                .filter(|id| !draft.order.contains(id)),
        )
        .collect();
    let sources = listing
        .iter()
        .enumerate()
        .map(|(n, id)| source_item(&library, &draft, n, id, &send));
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
            <p class="intro">{ "Choose the sources and their order, write the questions, and share the link. Everything travels in the link itself: no server, no accounts. Students' answers stay on their devices until they export them. This draft is kept in this page's link and on this device." }</p>
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
            { link_section(link, &draft.title) }
        </section>
    }
}

/// Entry `n` of the source list, document `id`: chosen or not, its place in the reading
/// order; a chosen id the library lacks is listed too, to untick.
fn source_item(
    library: &Library,
    draft: &Draft,
    n: usize,
    id: &str,
    send: &Callback<TeachAction>,
) -> Html {
    let pos = draft.order.iter().position(|x| x == id);
    let cb = format!("src-{n}");
    let doc = library
        .index(id)
        .map(|i| (&library.docs()[i], library.is_own(i)));
    let title = doc.map_or_else(|| id.to_string(), |(d, _)| d.title.clone());
    let short = parallax_core::document::shorten(&title, 40);
    let (toggle, up, down) = (id.to_string(), id.to_string(), id.to_string());
    html! {
        <li class="teach-source" data-doc={id.to_string()}>
            <input type="checkbox" id={cb.clone()} checked={pos.is_some()} onchange={send.reform(move |_: Event| TeachAction::ToggleSource(toggle.clone()))} />
            <label for={cb}>
                if let Some(k) = pos { <span class="order-no">{ format!("{}. ", k + 1) }</span> }
                { title.clone() }
                if matches!(doc, Some((_, true))) { <span class="badge own-badge">{ "your article: travels inside the link" }</span> }
                if doc.is_none() { <span class="badge">{ "not in this library" }</span> }
                if library.collections().len() > 1 {
                    if let Some(k) = library.index(id).and_then(|i| library.collection_of(i)) { <span class="badge collection-badge">{ library.collections()[k].label().to_string() }</span> }
                }
            </label>
            if pos.is_some() {
                <button type="button" onclick={send.reform(move |_: MouseEvent| TeachAction::MoveSource(up.clone(), -1))} aria-label={format!("Move “{short}” up")}>{ "↑" }</button>
                <button type="button" onclick={send.reform(move |_: MouseEvent| TeachAction::MoveSource(down.clone(), 1))} aria-label={format!("Move “{short}” down")}>{ "↓" }</button>
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
        .and_then(|id| library.get(id))
        .map(|d| pr.quote.trim().is_empty() || d.text.contains(pr.quote.trim()));
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
                { for draft.order.iter().enumerate().map(|(j, id)| html! {
                    <option value={j.to_string()} selected={src == Some(j)}>{ crate::guided::source_name(j, library.get(id).map_or(id.as_str(), |d| d.title.as_str()), false) }</option>
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

/// The collections (positions) the documents `chosen` (ids) belong to, each once, in order.
fn stories_of(library: &Library, chosen: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
    for k in chosen
        .iter()
        .filter_map(|id| library.index(id))
        .filter_map(|i| library.collection_of(i))
    {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The link with its copy and share buttons, or what is missing for one.
fn link_section(link: Result<String, String>, title: &str) -> Html {
    html! {
        <section class="teach-link" aria-labelledby="teach-link-h">
            <h2 id="teach-link-h">{ "The link" }</h2>
            { match link {
                Err(why) => html! { <p class="meta" role="status" id="no-link">{ why }</p> },
                Ok(l) => html! {
                    <>
                        <label for="session-link">{ format!("Session link ({} characters)", l.chars().count()) }</label>
                        <textarea id="session-link" readonly=true rows="3" value={l.clone()} />
                        <CopyText text={l.clone()} share_title={title.trim().to_string()}
                                  label="Copy session link" done="Session link copied. Paste it where your students will find it." />
                        <p><a class="button" id="open-session" href={crate::url::fragment(&l)}>{ "Open the session as a student sees it" }</a></p>
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
