//! `#/`: every document as a card, grouped by collection (one story each) once there is more
//! than one; two ticked sources of one story can be compared.

use crate::components::doc_card::DocCard;
use crate::components::undo::{focus_neighbour, use_undo_timer, UndoBar};
use crate::library::Library;
use crate::state::articles::Article;
use crate::state::undo::{Undo, UndoAction};
use yew::prelude::*;

/// The library page.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    // The card Remove moved focus to, focused again once the library renders without the
    // removed one.
    let refocus = use_mut_ref(|| None::<String>);
    {
        let refocus = refocus.clone();
        use_effect_with(library.docs().len(), move |_| {
            if let Some(selector) = refocus.borrow_mut().take() {
                focus_selector(&selector);
            }
        });
    }
    let articles =
        use_context::<crate::contexts::ArticlesCtx>().expect("App provides the articles");
    let undo = use_reducer(Undo::<Article>::default);
    use_undo_timer(&*undo, {
        let d = undo.dispatcher();
        Callback::from(move |seq| d.dispatch(UndoAction::Expired(seq)))
    });
    let on_remove = {
        let (articles, undo, library, refocus) = (
            articles.clone(),
            undo.clone(),
            library.clone(),
            refocus.clone(),
        );
        Callback::from(move |id: AttrValue| {
            if let Some(a) = articles.list.iter().find(|a| *a.id == *id) {
                let title = library
                    .get(&id)
                    .map_or_else(|| id.to_string(), |d| d.title.clone());
                let label = format!("“{}”", parallax_core::document::shorten(&title, 60));
                undo.dispatch(UndoAction::Removed(a.clone(), label));
            }
            // The next card in the library (or the one before), across collections: focused
            // now, and again once the library has rendered without the removed card (a
            // collection left empty goes, and focus with it).
            match next_card(&library, &id) {
                Some(n) => {
                    let selector = format!("#doc-list li[data-doc=\"{n}\"] h2 a");
                    focus_selector(&selector);
                    *refocus.borrow_mut() = Some(selector);
                }
                None => focus_neighbour(
                    &format!("#doc-list li[data-doc=\"{id}\"]"),
                    "h2 a",
                    "library-undo",
                ),
            }
            articles.remove.emit(id.to_string());
        })
    };
    let on_undo = {
        let (articles, undo) = (articles.clone(), undo.clone());
        Callback::from(move |()| {
            if let Some(r) = &undo.pending {
                articles.add.emit(r.item.clone());
                undo.dispatch(UndoAction::Undone);
            }
        })
    };
    // An own article just removed leaves at once, before the library is analysed again.
    let shown = |i: usize, id: &str| !library.is_own(i) || articles.list.iter().any(|a| a.id == id);
    let picked = use_state(Vec::<AttrValue>::new);
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |id: AttrValue| {
            let mut next = (*picked).clone();
            match next.iter().position(|x| *x == id) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(id),
            }
            picked.set(next);
        })
    };
    let ready = matches!(picked.as_slice(), [a, b] if same_story(&library, a, b));
    let card = |i: usize| {
        let d = &library.docs()[i];
        if !shown(i, &d.id) {
            return html! {};
        }
        let source = articles
            .list
            .iter()
            .find(|a| a.id == d.id)
            .map(|a| &a.source);
        let date = d
            .date_line
            .clone()
            .or_else(|| source.and_then(|s| s.date.clone()));
        html! {
            <DocCard
                key={d.id.clone()}
                id={d.id.clone()}
                title={d.title.clone()}
                first_sentence={d.first_sentence.clone()}
                words={d.word_count}
                date={date.map(AttrValue::from)}
                outlet={source.and_then(|s| s.site.clone()).map(AttrValue::from)}
                index={i}
                picked={picked.iter().any(|x| *x == d.id)}
                on_pick={on_pick.clone()}
                own={library.is_own(i)}
                on_remove={on_remove.clone()}
            />
        }
    };
    let collections = library.collections();
    let grouped = collections.len() > 1;
    let intro = if grouped {
        format!(
            "{} stories, {} reports in all; each story is read and compared on its own. Open a report to read it, or ",
            collections.len(),
            library.docs().len()
        )
    } else {
        format!(
            "{} reports of the same story. Open one to read it, or ",
            library.docs().len()
        )
    };
    html! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading">{ "Library" }</h1>
            <p class="intro">{ intro }<a href="#/add">{ "add your own article" }</a>{ "; or see " }<a href="#/provenance">{ "who copied whom" }</a>{ "." }</p>
            if let Some(m) = &articles.message { <p class="banner warning" role="alert">{ m.clone() }</p> }
            <p class={classes!("compare-bar", ready.then_some("ready"))} id="compare-bar" aria-live="polite">{ compare_bar(&library, &picked) }</p>
            if grouped {
                <div id="doc-list">
                    { for collections.iter().enumerate().map(|(k, c)| html! {
                        <section class="collection" aria-labelledby={format!("collection-{k}")} data-collection={c.key.clone()}>
                            <h2 id={format!("collection-{k}")}>{ c.label().to_string() }</h2>
                            <p class="meta">
                                { format!("{} report{} of the same story · ", c.docs.len(), if c.docs.len() == 1 { "" } else { "s" }) }
                                <a href={crate::pages::story::story_link(&c.key)}>{ "the story, claim by claim" }</a>
                            </p>
                            <ul class="cards">{ for c.docs.clone().map(&card) }</ul>
                        </section>
                    }) }
                </div>
            } else {
                <ul class="cards" id="doc-list">{ for (0..library.docs().len()).map(&card) }</ul>
            }
            <UndoBar id="library-undo" message={undo.message.clone()} can_undo={undo.pending.is_some()} {on_undo} />
        </section>
    }
}

/// Focuses the element `selector` names, if it is there.
fn focus_selector(selector: &str) {
    if let Some(e) = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = e.focus();
    }
}

/// The id of the card after `id` in the library's order (else the one before), skipping
/// nothing: the card that takes the removed one's place for the keyboard.
fn next_card(library: &Library, id: &str) -> Option<String> {
    let docs = library.docs();
    let k = docs.iter().position(|d| d.id == id)?;
    docs.get(k + 1)
        .or_else(|| k.checked_sub(1).and_then(|j| docs.get(j)))
        .map(|d| d.id.clone())
}

/// Whether documents `a` and `b` (ids) belong to one story.
fn same_story(library: &Library, a: &str, b: &str) -> bool {
    match (library.index(a), library.index(b)) {
        (Some(a), Some(b)) => library.same_collection(a, b),
        _ => false,
    }
}

/// What the compare bar says for the ticked sources `picked`.
fn compare_bar(library: &Library, picked: &[AttrValue]) -> Html {
    match picked {
        [a, b] if same_story(library, a, b) => {
            html! { <a class="button" id="compare-link" href={format!("#/compare/{a}/{b}")}>{ "Compare the two selected sources" }</a> }
        }
        [_, _] => {
            html! { <span class="meta" id="compare-other-story">{ "These two report different stories: tick two sources of one story to compare them." }</span> }
        }
        [] => {
            html! { <span class="meta">{ "Tick two sources to compare them side by side." }</span> }
        }
        [_] => html! { <span class="meta">{ "Tick one more source to compare." }</span> },
        _ => html! { <span class="meta">{ "Tick exactly two sources to compare." }</span> },
    }
}
