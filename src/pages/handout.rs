//! The handout: chosen sources with numbered paragraphs, the legend, the prompts and the
//! student's notes, laid out for paper. `#/handout?docs=a,b&hide=PLACE` for any sources of
//! the library (`&furniture=hide` leaves captions and site furniture out); a session shows its
//! own with `?handout`.

use crate::contexts::NotesCtx;
use crate::library::Library;
use crate::marks::{label_name, segments, Mark};
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
    /// Leave captions, credits and site furniture out (the reader's `furniture=hide`).
    #[prop_or_default]
    pub hide_furniture: bool,
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
    let hide_furniture = query_param(&query, "furniture").as_deref() == Some("hide");
    html! { <Handout title="Handout" {docs} {names} {hidden} {hide_furniture} back="#/" /> }
}

/// The handout itself. Laid out for paper: the first source's title opens page 1 with the
/// legend under it, every further source starts a page, and the questions come last.
#[function_component(Handout)]
pub fn handout(p: &HandoutProps) -> Html {
    let hidden: BTreeSet<&'static str> = p.hidden.iter().copied().collect();
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let legend = legend(&hidden);
    html! {
        <article class="handout" id="handout" aria-labelledby="handout-h">
            <p class="no-print"><a href={p.back.clone()}>{ "← Back" }</a>{ " " }
                <button type="button" id="print-button" onclick={print}>{ "Print this handout" }</button></p>
            <h1 id="handout-h" class="handout-title">{ p.title.clone() }</h1>
            { for p.docs.iter().zip(&p.names).enumerate().map(|(k, (&i, name))| html! {
                <HandoutDoc doc={i} name={name.clone()} hidden={p.hidden.clone()}
                    hide_furniture={p.hide_furniture}
                    legend={(k == 0).then(|| legend.clone())} />
            }) }
            if !p.prompts.is_empty() {
                <section class="handout-prompts" aria-labelledby="handout-prompts-h">
                    <h2 id="handout-prompts-h">{ "Questions" }</h2>
                    <ol>{ for p.prompts.iter().map(|q| html! { <li>{ q.clone() }<div class="answer-space" aria-hidden="true"></div></li> }) }</ol>
                </section>
            }
        </article>
    }
}

/// The legend: each shown label as it is marked, with its letter for black-and-white paper.
fn legend(hidden: &BTreeSet<&'static str>) -> Html {
    html! {
        <section class="handout-legend" aria-label="Legend">
            <p>{ "Marked in the text: " }
                { for Label::ALL.iter().map(Label::as_str).filter(|l| !hidden.contains(l)).map(|l| html! {
                    <><Mark label={l}>{ label_name(l) }</Mark>{ " " }</>
                }) }
                { "· ¶ numbers the paragraphs." }
                <span class="print-only">{ " On paper each mark carries its letter: P person, O organisation, L place, G group, D date, N number." }</span>
            </p>
        </section>
    }
}

/// One source of the handout.
#[derive(Properties, PartialEq)]
struct DocProps {
    doc: usize,
    name: String,
    hidden: Vec<&'static str>,
    hide_furniture: bool,
    legend: Option<Html>,
}

/// One source: its title, the legend when it is the first, numbered paragraphs (captions and
/// site furniture marked as such, or left out), then the student's notes on it.
#[function_component(HandoutDoc)]
fn handout_doc(p: &DocProps) -> Html {
    let library = use_context::<Library>().expect("a library is provided");
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let hidden: BTreeSet<&'static str> = p.hidden.iter().copied().collect();
    let doc = &library.docs()[p.doc];
    let mentions = library.mentions(p.doc);
    let spans: Vec<(Span, &str)> = mentions
        .iter()
        .map(|m| (m.span, m.label.as_str()))
        .collect();
    let ix = parallax_core::CharIndex::new(&doc.text);
    let render = |span: Span| -> Html {
        html! { <>{ for segments(span, &spans, &hidden).into_iter().map(|(s, m)| {
            let text = ix.slice(&doc.text, s).to_string();
            match m {
                None => html! { { text } },
                Some(k) => html! { <Mark label={mentions[k].label.as_str()}>{ text }</Mark> },
            }
        }) }</> }
    };
    let doc_notes = notes.state.of_doc(&doc.id);
    html! {
        <section class="handout-doc" data-doc={doc.id.clone()}>
            <h2>{ p.name.clone() }</h2>
            if let Some(d) = &doc.date_line { <p class="meta">{ d.clone() }</p> }
            { p.legend.clone().unwrap_or_default() }
            { for numbered_paragraphs(doc, p.hide_furniture).into_iter().map(|(n, s, reason)| html! {
                <p class={classes!("numbered", reason.is_some().then_some("furniture"))}>
                    <span class="pno" aria-label={format!("paragraph {n}")}>{ format!("¶{n}") }</span>{ " " }
                    if let Some(r) = reason { <span class="role-tag">{ format!("[{r}]") }</span>{ " " } }
                    { render(s) }
                </p>
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
}

/// The body paragraphs numbered from 1 after the title and date lines, each with the reason
/// it is furniture (a caption, a credit…) if it is; furniture is left out when hidden. The
/// numbers do not change when furniture is hidden, so two printouts can be compared.
fn numbered_paragraphs(
    doc: &parallax_core::Document,
    hide_furniture: bool,
) -> Vec<(usize, Span, Option<&'static str>)> {
    doc.paragraphs
        .iter()
        .zip(&doc.roles)
        .filter(|(s, _)| Some(**s) != doc.title_span && Some(**s) != doc.date_span)
        .enumerate()
        .map(|(k, (&s, role))| (k + 1, s, crate::marks::furniture_reason(*role)))
        .filter(|(_, _, reason)| !(hide_furniture && reason.is_some()))
        .collect()
}
