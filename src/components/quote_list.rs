//! The quotes of one document: speaker, quote, link to its place in the reader.

use crate::library::Library;
use crate::route::Route;
use crate::state::reader::{doc_link, ReaderQuery};
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: which document.
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// Position of the document in the library.
    pub doc: usize,
}

/// Quotes in this source.
#[function_component(QuoteList)]
pub fn quote_list(p: &QuoteListProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let Some(doc) = library.docs().get(p.doc) else {
        return html! {};
    };
    let quotes = library.quotes(p.doc);
    let items = quotes.iter().map(|q| {
        let para = doc.paragraphs.iter().position(|s| s.contains(&q.span) || s.overlaps(&q.span)).map_or(1, |i| i + 1);
        html! {
            <li class="quote" data-start={q.span.start.to_string()}>
                <blockquote>{ doc.slice(q.span).to_string() }</blockquote>
                <p class="meta">
                    { "— " }
                    { speaker(&library, q.speaker_entity.as_deref(), q.speaker_text.as_deref()) }
                    { " · " }
                    <a href={doc_link(&doc.id, &ReaderQuery { p: Some(para), ..ReaderQuery::default() })}>{ format!("paragraph {para}") }</a>
                </p>
            </li>
        }
    });
    html! {
        <section class="quote-list" id="doc-quotes" aria-labelledby="doc-quotes-h">
            <h2 id="doc-quotes-h">{ format!("Quotes in this source ({})", quotes.len()) }</h2>
            if quotes.is_empty() {
                <p class="meta">{ "No quotation marks found in this source." }</p>
            } else {
                <ol>{ for items }</ol>
            }
        </section>
    }
}

/// The speaker as a link to their entity page, as text, or "unattributed".
pub fn speaker(library: &Library, entity: Option<&str>, text: Option<&str>) -> Html {
    match (entity.and_then(|e| library.entity(e)), text) {
        (Some(e), _) => {
            html! { <Link<Route> to={Route::Entity { id: e.id.clone() }}>{ e.name.clone() }</Link<Route>> }
        }
        (None, Some(t)) => html! { <span>{ t.to_string() }</span> },
        (None, None) => html! { <span class="unattributed">{ "unattributed" }</span> },
    }
}
