//! `#/teach`: a teacher makes a session link. Pick sources and their order, write prompts,
//! choose the labels shown, maybe a blind reading; the link holds it all (the user's own
//! articles travel inside it). `parallax session` on the command line makes the same links.

use crate::marks::label_name;
use crate::state::Library;
use parallax_core::analysis::Label;
use parallax_core::session::{encode, Prompt, Session, Source};
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Draft {
    title: String,
    /// Chosen documents (library positions), in session order.
    order: Vec<usize>,
    /// Text, source (position in `order`), passage quoted from that source.
    prompts: Vec<(String, Option<usize>, String)>,
    hide: Vec<&'static str>,
    blind: bool,
}

/// The session builder.
#[function_component(TeachPage)]
pub fn teach_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let draft = use_state(|| Draft {
        order: (0..library.docs().len().min(2)).collect(),
        prompts: vec![(String::new(), None, String::new())],
        ..Draft::default()
    });
    let update = |f: Box<dyn Fn(&mut Draft)>| {
        let draft = draft.clone();
        move || {
            let mut d = (*draft).clone();
            f(&mut d);
            draft.set(d);
        }
    };

    let session = Session {
        title: draft.title.trim().to_string(),
        prompts: draft
            .prompts
            .iter()
            .filter(|(t, _, _)| !t.trim().is_empty())
            .map(|(t, s, q)| Prompt {
                text: t.trim().to_string(),
                source: *s,
                quote: (s.is_some() && !q.trim().is_empty()).then(|| q.trim().to_string()),
            })
            .collect(),
        sources: draft
            .order
            .iter()
            .map(|&i| Source {
                id: library.docs()[i].id.clone(),
                text: library.is_own(i).then(|| library.docs()[i].text.clone()),
            })
            .collect(),
        hide: draft.hide.iter().map(|l| l.to_string()).collect(),
        blind: draft.blind,
    };
    let link = if session.sources.is_empty() {
        None
    } else {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or("").to_string();
        Some(format!("{base}#/session/{}", encode(&session)))
    };

    // Chosen sources first, in session order, then the others: the list reads in the order
    // it will be read.
    let listing: Vec<usize> = draft
        .order
        .iter()
        .copied()
        .chain((0..library.docs().len()).filter(|i| !draft.order.contains(i)))
        .collect();
    let sources = listing.into_iter().map(|i| {
        let d = &library.docs()[i];
        let pos = draft.order.iter().position(|&x| x == i);
        let toggle = update(Box::new(move |d: &mut Draft| match d.order.iter().position(|&x| x == i) {
            Some(k) => {
                d.order.remove(k);
                for p in &mut d.prompts {
                    p.1 = None;
                }
            }
            None => d.order.push(i),
        }));
        let up = update(Box::new(move |d: &mut Draft| {
            if let Some(k) = d.order.iter().position(|&x| x == i) {
                if k > 0 {
                    d.order.swap(k, k - 1);
                }
            }
        }));
        let down = update(Box::new(move |d: &mut Draft| {
            if let Some(k) = d.order.iter().position(|&x| x == i) {
                if k + 1 < d.order.len() {
                    d.order.swap(k, k + 1);
                }
            }
        }));
        let cb = format!("src-{i}");
        html! {
            <li class="teach-source" data-doc={d.id.clone()}>
                <input type="checkbox" id={cb.clone()} checked={pos.is_some()} onchange={Callback::from(move |_: Event| toggle())} />
                <label for={cb}>
                    if let Some(k) = pos { <span class="order-no">{ format!("{}. ", k + 1) }</span> }
                    { d.title.clone() }
                    if library.is_own(i) { <span class="badge own-badge">{ "your article: travels inside the link" }</span> }
                </label>
                if pos.is_some() {
                    <button type="button" onclick={Callback::from(move |_: MouseEvent| up())} aria-label={format!("Move “{}” up", parallax_core::document::shorten(&d.title, 40))}>{ "↑" }</button>
                    <button type="button" onclick={Callback::from(move |_: MouseEvent| down())} aria-label={format!("Move “{}” down", parallax_core::document::shorten(&d.title, 40))}>{ "↓" }</button>
                }
            </li>
        }
    });

    let prompts = draft.prompts.iter().enumerate().map(|(k, (text, src, quote))| {
        let set_quote = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_dyn_into::<web_sys::HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
                let mut d = (*draft).clone();
                if let Some(p) = d.prompts.get_mut(k) {
                    p.2 = v;
                }
                draft.set(d);
            })
        };
        // Whether the passage is words of the chosen source (else students could not find it).
        let found = src
            .and_then(|j| draft.order.get(j))
            .map(|&i| quote.trim().is_empty() || library.docs()[i].text.contains(quote.trim()));
        let set_text = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_dyn_into::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
                let mut d = (*draft).clone();
                if let Some(p) = d.prompts.get_mut(k) {
                    p.0 = v;
                }
                draft.set(d);
            })
        };
        let set_src = {
            let draft = draft.clone();
            Callback::from(move |e: Event| {
                let v = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|t| t.value()).unwrap_or_default();
                let mut d = (*draft).clone();
                if let Some(p) = d.prompts.get_mut(k) {
                    p.1 = v.parse::<usize>().ok();
                }
                draft.set(d);
            })
        };
        let remove = update(Box::new(move |d: &mut Draft| {
            if k < d.prompts.len() {
                d.prompts.remove(k);
            }
        }));
        html! {
            <li class="teach-prompt">
                <label for={format!("prompt-text-{k}")}>{ format!("Prompt {}", k + 1) }</label>
                <textarea id={format!("prompt-text-{k}")} rows="2" value={text.clone()} oninput={set_text} />
                <label for={format!("prompt-src-{k}")}>{ "About" }</label>
                <select id={format!("prompt-src-{k}")} onchange={set_src}>
                    <option value="" selected={src.is_none()}>{ "the whole session" }</option>
                    { for draft.order.iter().enumerate().map(|(j, &i)| html! {
                        <option value={j.to_string()} selected={*src == Some(j)}>{ crate::session::source_name(j, &library.docs()[i].title, false) }</option>
                    }) }
                </select>
                if src.is_some() {
                    <label for={format!("prompt-quote-{k}")}>{ "Passage (optional): words copied from that source" }</label>
                    <input type="text" id={format!("prompt-quote-{k}")} value={quote.clone()} oninput={set_quote} />
                    if found == Some(false) {
                        <p class="error" role="status">{ "These words are not in that source, so students will not be shown where the passage is." }</p>
                    }
                }
                <button type="button" onclick={Callback::from(move |_: MouseEvent| remove())}>{ "Remove prompt" }</button>
            </li>
        }
    });
    let add_prompt = update(Box::new(|d: &mut Draft| {
        d.prompts.push((String::new(), None, String::new()))
    }));
    let set_title = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let mut d = (*draft).clone();
            d.title = v;
            draft.set(d);
        })
    };
    let labels = Label::ALL.iter().map(|l| {
        let l = l.as_str();
        let shown = !draft.hide.contains(&l);
        let toggle = update(Box::new(move |d: &mut Draft| {
            if let Some(k) = d.hide.iter().position(|x| *x == l) {
                d.hide.remove(k);
            } else {
                d.hide.push(l);
            }
        }));
        let id = format!("show-{}", l.to_lowercase());
        html! {
            <li><input type="checkbox" id={id.clone()} checked={shown} onchange={Callback::from(move |_: Event| toggle())} />
                <label for={id}>{ label_name(l) }</label></li>
        }
    });
    let toggle_blind = update(Box::new(|d: &mut Draft| d.blind = !d.blind));

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
                    <button type="button" id="add-prompt" onclick={Callback::from(move |_: MouseEvent| add_prompt())}>{ "Add a prompt" }</button>
                </fieldset>
                <fieldset>
                    <legend>{ "Labels marked at first" }</legend>
                    <ul class="teach-labels">{ for labels }</ul>
                </fieldset>
                <p>
                    <input type="checkbox" id="blind" checked={draft.blind} onchange={Callback::from(move |_: Event| toggle_blind())} />
                    <label for="blind">{ "Blind reading: call the sources Source A, B… instead of naming them" }</label>
                </p>
            </form>
            <section class="teach-link" aria-labelledby="teach-link-h">
                <h2 id="teach-link-h">{ "The link" }</h2>
                { match &link {
                    None => html! { <p class="meta" role="status">{ "Choose at least one source." }</p> },
                    Some(l) => html! {
                        <>
                            <label for="session-link">{ format!("Session link ({} characters)", l.chars().count()) }</label>
                            <textarea id="session-link" readonly=true rows="3" value={l.clone()} />
                            <p><a class="button" id="open-session" href={format!("#{}", l.split_once('#').map_or("", |x| x.1))}>{ "Open the session as a student sees it" }</a></p>
                        </>
                    },
                } }
            </section>
        </section>
    }
}
