//! The handout: chosen sources with numbered paragraphs, the legend, the prompts and the
//! student's notes, laid out for paper. `#/handout?docs=a,b&hide=PLACE` for any sources of
//! the library; a session shows its own with `?handout`.

use crate::contexts::NotesCtx;
use crate::marks::{label_name, segments, Mark};
use crate::state::Library;
use crate::url::query_param;
use parallax_core::analysis::Label;
use parallax_core::Span;
use std::collections::BTreeSet;
use yew::prelude::*;
use yew_router::prelude::*;

/// What the handout holds.
#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    /// Heading.
    pub title: AttrValue,
    /// Documents (positions in the library in context), in order.
    pub docs: Vec<usize>,
    /// What each of those documents is called (same order).
    pub names: Vec<String>,
    /// Prompts, one line each.
    #[prop_or_default]
    pub prompts: Vec<String>,
    /// Labels printed as plain text.
    #[prop_or_default]
    pub hidden: Vec<&'static str>,
    /// Link back to the view the handout came from.
    pub back: AttrValue,
}

/// `#/handout?docs=a,b`: a handout of library sources (all of them when `docs` is absent).
#[function_component(HandoutRoute)]
pub fn handout_route() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let location = use_location();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let docs: Vec<usize> = match query_param(&query, "docs") {
        Some(ids) => ids
            .split(',')
            .filter_map(|id| library.index(id.trim()))
            .collect(),
        None => (0..library.docs().len()).collect(),
    };
    let hide = query_param(&query, "hide").unwrap_or_default();
    let hidden: Vec<&'static str> = Label::ALL
        .iter()
        .map(Label::as_str)
        .filter(|l| hide.split(',').any(|h| h.trim().eq_ignore_ascii_case(l)))
        .collect();
    let names: Vec<String> = docs
        .iter()
        .map(|&i| library.docs()[i].title.clone())
        .collect();
    html! { <Handout title="Handout" {docs} {names} {hidden} back="#/" /> }
}

/// The handout itself.
#[function_component(Handout)]
pub fn handout(p: &HandoutProps) -> Html {
    let library = use_context::<Library>().expect("a library is provided");
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let hidden: BTreeSet<&'static str> = p.hidden.iter().copied().collect();
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let shown_labels: Vec<&'static str> = Label::ALL
        .iter()
        .map(Label::as_str)
        .filter(|l| !hidden.contains(l))
        .collect();
    html! {
        <article class="handout" id="handout" aria-labelledby="handout-h">
            <p class="no-print"><a href={p.back.clone()}>{ "← Back" }</a>{ " " }
                <button type="button" id="print-button" onclick={print}>{ "Print this handout" }</button></p>
            <h1 id="handout-h">{ p.title.clone() }</h1>
            <section class="handout-legend" aria-label="Legend">
                <p>{ "Marked in the text: " }
                    { for shown_labels.iter().map(|l| html! {
                        <><Mark label={*l}>{ label_name(l) }</Mark>{ " " }</>
                    }) }
                    { "· ¶ numbers the paragraphs." }
                </p>
            </section>
            if !p.prompts.is_empty() {
                <section class="handout-prompts" aria-labelledby="handout-prompts-h">
                    <h2 id="handout-prompts-h">{ "Questions" }</h2>
                    <ol>{ for p.prompts.iter().map(|q| html! { <li>{ q.clone() }<div class="answer-space" aria-hidden="true"></div></li> }) }</ol>
                </section>
            }
            { for p.docs.iter().zip(&p.names).map(|(&i, name)| {
                let doc = &library.docs()[i];
                let mentions = library.mentions(i);
                let spans: Vec<(Span, &str)> = mentions.iter().map(|m| (m.span, m.label.as_str())).collect();
                let ix = parallax_core::CharIndex::new(&doc.text);
                let render = |span: Span| -> Html {
                    html! { <>{ for segments(span, &spans, &hidden).into_iter().map(|(s, m)| {
                        let text = ix.slice(&doc.text, s).to_string();
                        match m {
                            None => html! { { text } },
                            Some(k) => {
                                let l = mentions[k].label.as_str();
                                html! { <Mark label={l}>{ text }</Mark> }
                            }
                        }
                    }) }</> }
                };
                let doc_notes = notes.state.of_doc(&doc.id);
                html! {
                    <section class="handout-doc" data-doc={doc.id.clone()}>
                        <h2>{ name.clone() }</h2>
                        if let Some(d) = &doc.date_line { <p class="meta">{ d.clone() }</p> }
                        { for doc.paragraphs.iter().enumerate().filter(|(_, s)| Some(**s) != doc.title_span && Some(**s) != doc.date_span).map(|(k, &s)| html! {
                            <p class="numbered"><span class="pno" aria-label={format!("paragraph {}", k + 1)}>{ format!("¶{}", k + 1) }</span>{ " " }{ render(s) }</p>
                        }) }
                        if !doc_notes.is_empty() {
                            <section class="handout-notes">
                                <h3>{ "My highlights and notes" }</h3>
                                <ul>{ for doc_notes.iter().map(|n| html! {
                                    <li><q>{ n.quote.exact.clone() }</q>{ format!(" ({})", n.colour.name()) }
                                        if !n.text.is_empty() { { " — " }{ n.text.clone() } }</li>
                                }) }</ul>
                            </section>
                        }
                    </section>
                }
            }) }
        </article>
    }
}
