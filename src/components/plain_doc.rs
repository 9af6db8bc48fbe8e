//! An article shown as plain text before the engine has analysed it: its headline and
//! paragraphs at once, with a progress line; the reader with its marks takes its place when the
//! analysis arrives (same typography, so the text does not move under the reader's eyes).

use parallax_core::Document;
use yew::prelude::*;

/// What the plain view shows.
#[derive(Properties, PartialEq)]
pub struct PlainDocProps {
    /// The article, not yet analysed.
    pub doc: std::rc::Rc<Document>,
    /// The progress line ("Marking people, places and dates…").
    pub progress: AttrValue,
    /// Why the marks cannot come (shown instead of the progress line).
    #[prop_or_default]
    pub failed: Option<AttrValue>,
}

/// The headline, meta lines and paragraphs of `doc` as plain text.
#[function_component(PlainDoc)]
pub fn plain_doc(p: &PlainDocProps) -> Html {
    let d = &*p.doc;
    let chars: Vec<char> = d.text.chars().collect();
    let text = |s: parallax_core::Span| -> String {
        chars[s.start.min(chars.len())..s.end.min(chars.len())]
            .iter()
            .collect()
    };
    let body = d
        .paragraphs
        .iter()
        .zip(&d.roles)
        .filter(|(s, _)| Some(**s) != d.title_span && Some(**s) != d.date_span)
        .enumerate()
        .map(|(i, (s, role))| {
            let furniture = !role.is_content();
            html! {
                <p key={i} class={classes!(furniture.then_some("furniture"))}>{ text(*s) }</p>
            }
        });
    html! {
        <div class="reader-layout">
            <article class="reader plain-doc" id="plain-doc" data-doc={d.id.clone()} aria-labelledby="doc-title" aria-busy={p.failed.is_none().to_string()}>
                <header>
                    <h1 id="doc-title">{ d.title.clone() }</h1>
                    <p class="meta">
                        if let Some(date) = &d.date_line { <span class="date-line">{ date.clone() }</span>{ " · " } }
                        { format!("{} words", d.word_count) }
                    </p>
                    if let Some(e) = &p.failed {
                        <p class="error" role="alert" id="marks-failed">{ e.clone() }</p>
                    } else {
                        <p class="progress" role="status" id="marks-progress">
                            <span class="spinner" aria-hidden="true"></span>{ p.progress.clone() }
                        </p>
                    }
                </header>
                <div class="doc-body" id="doc-body">{ for body }</div>
            </article>
        </div>
    }
}
