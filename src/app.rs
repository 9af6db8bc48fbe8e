//! Routes and the app shell. Hash routes (`#/doc/<id>`) keep every view a link that works
//! from any static host path, a sub-folder or file://.

use crate::pages::{library::LibraryPage, not_found::NotFound, reader::Reader};
use crate::state::{page_title, Library};
use yew::prelude::*;
use yew_router::prelude::*;

/// Every view of the app.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    /// `#/`: the library of documents.
    #[at("/")]
    Library,
    /// `#/doc/<id>`: the reader.
    #[at("/doc/:id")]
    Doc {
        /// Document identifier (file stem).
        id: String,
    },
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The root component: the library in a context, the router and the page shell.
#[function_component(App)]
pub fn app() -> Html {
    let library = use_memo((), |_| Library::bundled());
    html! {
        <ContextProvider<Library> context={(*library).clone()}>
            <HashRouter>
                <Shell />
            </HashRouter>
        </ContextProvider<Library>>
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let library = use_context::<Library>().expect("App provides the library");
    {
        let title = page_title(&route, &library);
        use_effect_with(title, |title| gloo::utils::document().set_title(title));
    }
    let skip = Callback::from(|e: MouseEvent| {
        // A plain "#main" link would change the hash route; move focus instead.
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to content" }</a>
            <header class="site-header">
                <nav aria-label="Main">
                    <Link<Route> to={Route::Library} classes="brand">{ "Parallax" }</Link<Route>>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                { switch(route) }
            </main>
            <footer class="site-footer">
                <p>{ "Parallax runs entirely in your browser. Nothing you read or write leaves this device." }</p>
            </footer>
        </>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryPage /> },
        Route::Doc { id } => html! { <Reader {id} /> },
        Route::NotFound => html! { <NotFound what="Page" /> },
    }
}
