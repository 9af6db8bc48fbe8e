//! `#/`: every document as a card.

use crate::components::doc_card::DocCard;
use crate::state::Library;
use yew::prelude::*;

/// The library page.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    html! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading">{ "Library" }</h1>
            <p class="intro">
                { format!("{} reports of the same story. Open one to read it.", library.docs().len()) }
            </p>
            <ul class="cards" id="doc-list">
                { for library.docs().iter().map(|d| html! {
                    <DocCard
                        key={d.id.clone()}
                        id={d.id.clone()}
                        title={d.title.clone()}
                        first_sentence={d.first_sentence.clone()}
                        words={d.word_count}
                        date={d.date_line.clone().map(AttrValue::from)}
                    />
                }) }
            </ul>
        </section>
    }
}
