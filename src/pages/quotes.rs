//! `#/quotes`: every quote of every source, grouped by speaker.

use crate::components::quote_list::speaker;
use crate::state::Library;
use yew::prelude::*;

/// The quotes page.
#[function_component(QuotesPage)]
pub fn quotes_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    // Group key: the speaker's entity id, else the speaker text, else unattributed.
    let mut groups: Vec<(String, Option<String>, Option<String>, Vec<(usize, usize)>)> = Vec::new();
    for d in 0..library.docs().len() {
        for (qi, q) in library.quotes(d).iter().enumerate() {
            let key = q
                .speaker_entity
                .clone()
                .or_else(|| {
                    q.speaker_text
                        .as_ref()
                        .map(|t| format!("text:{}", t.to_lowercase()))
                })
                .unwrap_or_else(|| "unattributed".into());
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.3.push((d, qi)),
                None => groups.push((
                    key,
                    q.speaker_entity.clone(),
                    q.speaker_text.clone(),
                    vec![(d, qi)],
                )),
            }
        }
    }
    // Most quoted first; unattributed last.
    groups.sort_by_key(|g| (g.0 == "unattributed", std::cmp::Reverse(g.3.len())));
    let total: usize = groups.iter().map(|g| g.3.len()).sum();
    let sections = groups.iter().enumerate().map(|(gi, (_, entity, text, items))| {
        let list = items.iter().map(|&(d, qi)| {
            let doc = &library.docs()[d];
            let q = &library.quotes(d)[qi];
            let para = doc.paragraphs.iter().position(|s| s.overlaps(&q.span)).map_or(1, |i| i + 1);
            html! {
                <li data-doc={doc.id.clone()}>
                    <blockquote>{ doc.slice(q.span).to_string() }</blockquote>
                    <p class="meta"><a href={format!("#/doc/{}?p={para}", doc.id)}>{ doc.title.clone() }</a></p>
                </li>
            }
        });
        html! {
            <section class="speaker-group" aria-labelledby={format!("speaker-{gi}")}>
                <h2 id={format!("speaker-{gi}")}>{ speaker(&library, entity.as_deref(), text.as_deref()) }
                    <span class="count">{ format!(" ({})", items.len()) }</span></h2>
                <ul class="quotes">{ for list }</ul>
            </section>
        }
    });
    html! {
        <article class="quotes-page" id="quotes-page" aria-labelledby="quotes-h">
            <h1 id="quotes-h">{ "Quotes" }</h1>
            <p class="intro">{ format!("{total} quotes across {} sources, grouped by who said them.", library.docs().len()) }</p>
            { for sections }
        </article>
    }
}
