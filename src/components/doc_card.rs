//! A library card: title, first sentence, outlet, word count and date, linking to the reader.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// What a card shows.
#[derive(Properties, PartialEq, Clone)]
pub struct DocCardProps {
    /// Document identifier.
    pub id: AttrValue,
    /// Title.
    pub title: AttrValue,
    /// First sentence of the body.
    pub first_sentence: AttrValue,
    /// Word count.
    pub words: usize,
    /// The document's own date line, if any.
    #[prop_or_default]
    pub date: Option<AttrValue>,
    /// The outlet that published it, when known.
    #[prop_or_default]
    pub outlet: Option<AttrValue>,
    /// Position of the document in the library (for its flags).
    #[prop_or_default]
    pub index: usize,
    /// Chosen for comparison.
    #[prop_or_default]
    pub picked: bool,
    /// The compare checkbox changed (carries the document id).
    #[prop_or_default]
    pub on_pick: Callback<AttrValue>,
    /// One of the user's own articles (badge and a remove button).
    #[prop_or_default]
    pub own: bool,
    /// Remove was chosen (carries the document id).
    #[prop_or_default]
    pub on_remove: Callback<AttrValue>,
}

/// One document in the library.
#[function_component(DocCard)]
pub fn doc_card(p: &DocCardProps) -> Html {
    let heading_id = format!("card-{}", p.id);
    html! {
        <li class={classes!("card", p.own.then_some("own"))} data-doc={p.id.clone()}>
            <article aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id}>
                    <Link<Route> to={Route::Doc { id: p.id.to_string() }}>{ p.title.clone() }</Link<Route>>
                </h2>
                if p.own { <p class="badge own-badge">{ "Your article · on this device only" }</p> }
                <crate::components::flags::Flags doc={p.index} />
                if p.first_sentence != p.title {
                    <p class="card-lede">{ p.first_sentence.clone() }</p>
                }
                <p class="meta">
                    if let Some(o) = &p.outlet { <span class="outlet">{ o.clone() }</span>{ " · " } }
                    { format!("{} words", p.words) }
                    if let Some(d) = &p.date { { " · " }<span>{ d.clone() }</span> }
                </p>
                <label class="pick">
                    <input type="checkbox" class="pick-box" aria-label={format!("Compare “{}”", p.title)} checked={p.picked} onchange={{
                        let (on, id) = (p.on_pick.clone(), p.id.clone());
                        Callback::from(move |_: Event| on.emit(id.clone()))
                    }} />
                    { " Compare" }
                </label>
                if p.own {
                    <button type="button" class="remove-article" aria-label={format!("Remove “{}”", p.title)} onclick={{
                        let (on, id) = (p.on_remove.clone(), p.id.clone());
                        Callback::from(move |_: MouseEvent| on.emit(id.clone()))
                    }}>{ "Remove" }</button>
                }
            </article>
        </li>
    }
}
