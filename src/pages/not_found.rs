//! What an unknown route or document id shows: never a blank page.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: what was not found ("Document", "Page").
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The kind of thing that was not found.
    pub what: AttrValue,
    /// The document id asked for, when a document was.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// The not-found page.
#[function_component(NotFound)]
pub fn not_found(p: &NotFoundProps) -> Html {
    let engine = use_context::<crate::contexts::EngineStatus>().unwrap_or_default();
    let articles = use_context::<crate::contexts::ArticlesCtx>();
    // An own article not analysed yet: its text at once, the marks when the engine answers.
    let own = p
        .id
        .as_ref()
        .and_then(|id| articles.and_then(|a| a.list.iter().find(|x| x.id == id.as_str()).cloned()));
    let plain = use_memo(own, |own| {
        own.as_ref()
            .map(|a| std::rc::Rc::new(parallax_core::Document::new(a.id.clone(), a.text.clone())))
    });
    if let Some(doc) = (*plain).clone() {
        let failed = engine
            .error
            .as_ref()
            .map(|e| AttrValue::from(format!("The marks cannot be shown: {e}")));
        return html! {
            <crate::components::plain_doc::PlainDoc {doc} {failed}
                progress="Finding the people, places and dates in this article…" />
        };
    }
    if engine.analysing > 0 {
        // An own article's link opened before its analysis is done: it appears then.
        return html! {
            <section class="not-found analysing" id="analysing" aria-busy="true">
                <h1>{ "Analysing…" }</h1>
                <p>{ "Your own articles are being analysed in this browser; this view appears when that is done." }</p>
            </section>
        };
    }
    html! {
        <section class="not-found" id="not-found">
            <h1>{ format!("{} not found", p.what) }</h1>
            <p>{ "The link may be mistyped, or the document is not in this library." }</p>
            <p><Link<Route> to={Route::Library}>{ "Back to the library" }</Link<Route>></p>
        </section>
    }
}
