//! `#/`: every document as a card.

use crate::components::doc_card::DocCard;
use crate::state::Library;
use yew::prelude::*;

/// The library page.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let articles =
        use_context::<crate::contexts::ArticlesCtx>().expect("App provides the articles");
    let on_remove = articles.remove.reform(|id: AttrValue| id.to_string());
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
    let compare_bar = match picked.as_slice() {
        [a, b] => {
            html! { <a class="button" id="compare-link" href={format!("#/compare/{a}/{b}")}>{ "Compare the two selected sources" }</a> }
        }
        [] => {
            html! { <span class="meta">{ "Tick two sources to compare them side by side." }</span> }
        }
        [_] => html! { <span class="meta">{ "Tick one more source to compare." }</span> },
        _ => html! { <span class="meta">{ "Tick exactly two sources to compare." }</span> },
    };
    html! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading">{ "Library" }</h1>
            <p class="intro">
                { format!("{} reports of the same story. Open one to read it, see ", library.docs().len()) }
                <a href="#/provenance">{ "who copied whom" }</a>{ ", or " }
                <a href="#/add">{ "add your own article" }</a>{ "." }
            </p>
            if let Some(m) = &articles.message { <p class="banner warning" role="alert">{ m.clone() }</p> }
            <p class="compare-bar" id="compare-bar" aria-live="polite">{ compare_bar }</p>
            <ul class="cards" id="doc-list">
                { for library.docs().iter().enumerate().map(|(i, d)| html! {
                    <DocCard
                        key={d.id.clone()}
                        id={d.id.clone()}
                        title={d.title.clone()}
                        first_sentence={d.first_sentence.clone()}
                        words={d.word_count}
                        date={d.date_line.clone().map(AttrValue::from)}
                        index={i}
                        picked={picked.iter().any(|x| *x == d.id)}
                        on_pick={on_pick.clone()}
                        own={library.is_own(i)}
                        on_remove={on_remove.clone()}
                    />
                }) }
            </ul>
        </section>
    }
}
