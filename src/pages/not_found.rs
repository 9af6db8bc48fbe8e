//! What an unknown route or document id shows: never a blank page.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: what was not found ("Document", "Page").
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The kind of thing that was not found.
    pub what: AttrValue,
}

/// The not-found page.
#[function_component(NotFound)]
pub fn not_found(p: &NotFoundProps) -> Html {
    let engine = use_context::<crate::contexts::EngineStatus>().unwrap_or_default();
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
