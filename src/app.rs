//! Routes and the app shell. Hash routes (`#/doc/<id>`) keep every view a link that works
//! from any static host path, a sub-folder or file://.

use crate::pages::{
    about::About, compare::Compare, entity::EntityPage, library::LibraryPage, not_found::NotFound,
    quotes::QuotesPage, reader::Reader, story::StoryPage,
};
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
    /// `#/entity/<id>`: one entity across all sources.
    #[at("/entity/:id")]
    Entity {
        /// Entity id.
        id: String,
    },
    /// `#/compare/<a>/<b>`: two sources side by side, aligned.
    #[at("/compare/:a/:b")]
    Compare {
        /// First document id.
        a: String,
        /// Second document id.
        b: String,
    },
    /// `#/story`: claims by sources.
    #[at("/story")]
    Story,
    /// `#/quotes`: every quote of every source, grouped by speaker.
    #[at("/quotes")]
    Quotes,
    /// `#/about`: version, method, data sources, timings.
    #[at("/about")]
    About,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Timings measured in this browser, shown on `#/about`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    /// Milliseconds to analyse the bundled documents (entities, quotes, descriptors), the
    /// gazetteer tables already built.
    pub analysis_ms: f64,
    /// Milliseconds to build the gazetteer tables (once per page load, before the analysis).
    pub tables_ms: f64,
    /// Milliseconds from navigation start to the first render of the app (0 until known).
    pub first_render_ms: f64,
    /// Milliseconds to compute the source flags (every pair of documents aligned), done
    /// after the first render (0 until done).
    pub flags_ms: f64,
}

/// Shows `route` with `query` (no `?`; empty for none) in place of the current view, without
/// a new history entry: how views write their state into the link.
pub fn replace_view(navigator: &Option<Navigator>, route: &Route, query: &str) {
    if let Some(nav) = navigator {
        if query.is_empty() {
            nav.replace(route);
        } else {
            let _ = nav.replace_with_query(route, yew_router::query::Raw(query.to_string()));
        }
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The root component: the library in a context, the router and the page shell.
#[function_component(App)]
pub fn app() -> Html {
    let library = use_memo((), |_| {
        let t0 = now_ms();
        parallax_core::entities::lexicon::warm_up();
        let t1 = now_ms();
        let lib = Library::bundled();
        (lib, now_ms() - t1, t1 - t0)
    });
    let timings = use_state(|| Timings {
        analysis_ms: library.1,
        tables_ms: library.2,
        ..Timings::default()
    });
    {
        let timings = timings.clone();
        let library = library.clone();
        use_effect_with((), move |_| {
            let first_render_ms = now_ms();
            library.0.compute_flags();
            let flags_ms = now_ms() - first_render_ms;
            timings.set(Timings {
                analysis_ms: library.1,
                tables_ms: library.2,
                first_render_ms,
                flags_ms,
            });
        });
    }
    html! {
        <ContextProvider<Library> context={library.0.clone()}>
            <ContextProvider<Timings> context={(*timings).clone()}>
                <HashRouter>
                    <Shell />
                </HashRouter>
            </ContextProvider<Timings>>
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
                    <ul class="nav-links">
                        <li><Link<Route> to={Route::Library}>{ "Library" }</Link<Route>></li>
                        <li><Link<Route> to={Route::Story}>{ "Story" }</Link<Route>></li>
                        <li><Link<Route> to={Route::Quotes}>{ "Quotes" }</Link<Route>></li>
                        <li><Link<Route> to={Route::About}>{ "About" }</Link<Route>></li>
                    </ul>
                </nav>
                <crate::components::copy_link::CopyLink />
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
        Route::Entity { id } => html! { <EntityPage {id} /> },
        Route::Quotes => html! { <QuotesPage /> },
        Route::Story => html! { <StoryPage /> },
        Route::Compare { a, b } => html! { <Compare {a} {b} /> },
        Route::About => html! { <About /> },
        Route::NotFound => html! { <NotFound what="Page" /> },
    }
}
