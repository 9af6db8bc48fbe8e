//! `#/entity/<id>`: one entity across every source: names seen, and per source each mention
//! in its sentence, the descriptors the source uses, and the quotes attributed to it.

use crate::library::Library;
use crate::marks::{label_name, Mark};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::reader::{doc_link, ReaderQuery};
use parallax_core::{CharIndex, Span};
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: the entity id from the route.
#[derive(Properties, PartialEq)]
pub struct EntityProps {
    /// Entity id.
    pub id: AttrValue,
}

/// The entity page.
#[function_component(EntityPage)]
pub fn entity_page(p: &EntityProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let Some(e) = library.entity(&p.id) else {
        return html! { <NotFound what="Entity" /> };
    };
    let total: usize = e.mentions_per_doc.iter().map(|(_, n)| n).sum();
    let sources = e.mentions_per_doc.iter().filter(|(_, n)| *n > 0).filter_map(|&(d, n)| {
        let doc = library.docs().get(d)?;
        let ix = CharIndex::new(&doc.text);
        let sentences = library.sentences(d);
        let mut kwic = Vec::new();
        for (k, m) in library.mentions(d).iter().filter(|m| m.entity == e.id).enumerate() {
            let sent = sentences.iter().find(|s| s.start <= m.span.start && m.span.end <= s.end).copied().unwrap_or_else(|| {
                doc.paragraphs.iter().find(|s| s.contains(&m.span)).copied().unwrap_or(m.span)
            });
            let before = ix.slice(&doc.text, Span::new(sent.start, m.span.start)).to_string();
            let hit = ix.slice(&doc.text, m.span).to_string();
            let after = ix.slice(&doc.text, Span::new(m.span.end, sent.end.max(m.span.end))).to_string();
            kwic.push(html! {
                <li>
                    <span>{ before }</span>
                    <Mark label={m.label.as_str()} entity={AttrValue::from(m.entity.clone())}>{ hit }</Mark>
                    <span>{ after }</span>
                    { " " }
                    <a class="in-context" href={doc_link(&doc.id, &ReaderQuery { focus: Some(e.id.clone()), at: Some(k + 1), ..ReaderQuery::default() })}
                       aria-label={format!("mention {} in context", k + 1)}>{ "in context" }</a>
                </li>
            });
        }
        let descriptors: Vec<String> = library.descriptors(d, &e.id);
        let quotes: Vec<Html> = library
            .quotes(d)
            .iter()
            .filter(|q| q.speaker_entity.as_deref() == Some(e.id.as_str()))
            .map(|q| html! { <li><blockquote>{ doc.slice(q.span).to_string() }</blockquote></li> })
            .collect();
        Some(html! {
            <section class="entity-source" data-doc={doc.id.clone()} aria-labelledby={format!("src-{}", doc.id)}>
                <h2 id={format!("src-{}", doc.id)}>
                    <a href={doc_link(&doc.id, &ReaderQuery { focus: Some(e.id.clone()), ..ReaderQuery::default() })}>{ doc.title.clone() }</a>
                </h2>
                <p class="meta">{ format!("{n} {}", if n == 1 { "mention" } else { "mentions" }) }</p>
                if !descriptors.is_empty() {
                    <p class="descriptors"><strong>{ "Described as: " }</strong>
                        { for descriptors.iter().enumerate().map(|(i, d)| html! { <>{ if i > 0 { "; " } else { "" } }<q>{ d.clone() }</q></> }) }
                    </p>
                }
                <ul class="kwic">{ for kwic }</ul>
                if !quotes.is_empty() {
                    <h3>{ "Quoted" }</h3>
                    <ul class="entity-quotes">{ for quotes }</ul>
                }
            </section>
        })
    });
    let docs_with = e.mentions_per_doc.iter().filter(|(_, n)| *n > 0).count();
    // Out of the sources of its story (an entity belongs to one collection).
    let of = e
        .mentions_per_doc
        .first()
        .and_then(|(d, _)| library.collection_of(*d))
        .map_or(library.docs().len(), |k| {
            library.collections()[k].docs.len()
        });
    html! {
        <article class="entity-page" id="entity-page" data-entity={e.id.clone()} aria-labelledby="entity-name">
            <p class="breadcrumb"><Link<Route> to={Route::Library}>{ "Library" }</Link<Route>>{ " › Entity" }</p>
            <h1 id="entity-name">{ e.name.clone() }</h1>
            <p class="meta">
                <span class={classes!("m", format!("m-{}", e.label.as_str().to_lowercase()))}>{ label_name(e.label.as_str()) }</span>
                { format!(" · {total} mentions in {docs_with} of {of} sources") }
            </p>
            if e.variants.len() > 1 {
                <p class="variants" id="variants"><strong>{ "Written as: " }</strong>{ e.variants.join(", ") }</p>
            }
            { for sources }
        </article>
    }
}
