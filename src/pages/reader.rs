//! `#/doc/<id>`: one document in reading typography.

use crate::pages::not_found::NotFound;
use crate::state::Library;
use yew::prelude::*;

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
    let Some(doc) = library.get(&p.id) else {
        return html! { <NotFound what="Document" /> };
    };
    let paragraphs = doc
        .paragraphs
        .iter()
        .filter(|&&s| Some(s) != doc.title_span && Some(s) != doc.date_span)
        .map(|&s| html! { <p>{ doc.slice(s).to_string() }</p> });
    html! {
        <article class="reader" id="reader" data-doc={doc.id.clone()} aria-labelledby="doc-title">
            <header>
                <h1 id="doc-title" class={classes!((!doc.has_headline).then_some("from-first-sentence"))}>
                    { doc.title.clone() }
                </h1>
                <p class="meta">
                    if let Some(d) = &doc.date_line { <time>{ d.clone() }</time>{ " · " } }
                    { format!("{} words", doc.word_count) }
                </p>
            </header>
            <div class="doc-body">{ for paragraphs }</div>
        </article>
    }
}
