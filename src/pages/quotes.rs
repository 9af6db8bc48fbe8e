//! `#/quotes`: every quote of every source, grouped by speaker.

use crate::components::quote_list::speaker;
use crate::library::Library;
use parallax_core::align::{word_diff, DiffOp};
use parallax_core::quote_match::match_quotes;
use yew::prelude::*;

/// The quotes page.
#[function_component(QuotesPage)]
pub fn quotes_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    // Group key: the speaker's entity id, else the speaker text, else unattributed; then the
    // speaker's entity and text, and the (document, quote) positions.
    type Group = (String, Option<String>, Option<String>, Vec<(usize, usize)>);
    let mut groups: Vec<Group> = Vec::new();
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
    // The same quote in several sources, each rendering compared with the first.
    let all: Vec<(usize, usize)> = (0..library.docs().len())
        .flat_map(|d| (0..library.quotes(d).len()).map(move |q| (d, q)))
        .collect();
    let texts: Vec<(usize, &str)> = all
        .iter()
        .map(|&(d, q)| (d, library.docs()[d].slice(library.quotes(d)[q].text_span)))
        .collect();
    let matched = match_quotes(&texts);
    let matched_html = matched.iter().enumerate().map(|(gi, group)| {
        let first = texts[group[0]].1;
        let items = group.iter().enumerate().map(|(k, &i)| {
            let (d, q) = all[i];
            let doc = &library.docs()[d];
            let quote = &library.quotes(d)[q];
            let body = if k == 0 {
                html! { { texts[i].1.to_string() } }
            } else {
                let ops = word_diff(first, texts[i].1);
                html! { <>{ for ops.iter().map(|o| match o {
                    DiffOp::Equal(t) => html! { <>{ t.clone() }{ " " }</> },
                    DiffOp::Insert(t) => html! { <><ins>{ t.clone() }</ins>{ " " }</> },
                    DiffOp::Delete(t) => html! { <><del>{ t.clone() }</del>{ " " }</> },
                }) }</> }
            };
            html! {
                <li data-doc={doc.id.clone()}>
                    <blockquote class="matched-text">{ body }</blockquote>
                    <p class="meta">
                        { speaker(&library, quote.speaker_entity.as_deref(), quote.speaker_text.as_deref()) }
                        { " · " }<a href={format!("#/doc/{}", doc.id)}>{ doc.title.clone() }</a>
                    </p>
                </li>
            }
        });
        html! {
            <section class="quote-match" aria-labelledby={format!("match-{gi}")}>
                <h3 id={format!("match-{gi}")}>{ format!("Quoted by {} sources", group.iter().map(|&i| all[i].0).collect::<std::collections::BTreeSet<_>>().len()) }</h3>
                <ol>{ for items }</ol>
            </section>
        }
    });
    let sections = groups.iter().enumerate().map(|(gi, (_, entity, text, items))| {
        let list = items.iter().map(|&(d, qi)| {
            let doc = &library.docs()[d];
            let q = &library.quotes(d)[qi];
            let para = doc.paragraphs.iter().position(|s| s.overlaps(&q.span)).map_or(1, |i| i + 1);
            html! {
                <li data-doc={doc.id.clone()}>
                    <blockquote>{ doc.slice(q.span).to_string() }</blockquote>
                    <p class="meta"><a href={crate::state::reader::doc_link(&doc.id, &crate::state::reader::ReaderQuery { p: Some(para), ..Default::default() })}>{ doc.title.clone() }</a></p>
                </li>
            }
        });
        html! {
            <section class="speaker-group" aria-labelledby={format!("speaker-{gi}")}>
                <h3 id={format!("speaker-{gi}")}>{ speaker(&library, entity.as_deref(), text.as_deref()) }
                    <span class="count">{ format!(" ({})", items.len()) }</span></h3>
                <ul class="quotes">{ for list }</ul>
            </section>
        }
    });
    html! {
        <article class="quotes-page" id="quotes-page" aria-labelledby="quotes-h">
            <h1 id="quotes-h">{ "Quotes" }</h1>
            <p class="intro">{ format!("{total} quotes across {} sources, grouped by who said them.", library.docs().len()) }</p>
            <section class="matched-quotes" id="matched-quotes" aria-labelledby="matched-h">
                <h2 id="matched-h">{ "The same quote in several sources" }</h2>
                if matched.is_empty() {
                    <p class="meta" id="no-matched-quotes">{ "No quote appears in more than one source." }</p>
                } else {
                    <p class="meta">{ "Each rendering is compared with the first: " }<ins>{ "added" }</ins>{ ", " }<del>{ "left out" }</del>{ "." }</p>
                    { for matched_html }
                }
            </section>
            <h2 class="by-speaker-h">{ "By speaker" }</h2>
            { for sections }
        </article>
    }
}
