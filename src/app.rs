//! The app shell: the contexts' state (library, timings, notes, own articles), the
//! `HashRouter`, the page frame and the `switch` from [`Route`] to pages. Nothing imports
//! this module but `main.rs`.

use crate::articles::{Article, ArticleSet};
use crate::contexts::{ArticlesCtx, EngineStatus, NotesCtx, Timings};
use crate::notes::{NotesAction, NotesState};
use crate::pages::{
    about::About, compare::Compare, entity::EntityPage, library::LibraryPage, not_found::NotFound,
    quotes::QuotesPage, reader::Reader, story::StoryPage,
};
use crate::route::Route;
use crate::state::{page_title, Library};
use crate::storage;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[derive(Clone, PartialEq, Default)]
struct ArticlesState {
    versions: ArticleSet,
    list: Rc<Vec<Article>>,
    message: Option<String>,
}

impl ArticlesState {
    fn of(set: ArticleSet, message: Option<String>) -> ArticlesState {
        ArticlesState {
            list: Rc::new(crate::articles::shown(&set)),
            versions: set,
            message,
        }
    }
}

enum ArticlesAction {
    /// This tab changed the articles and saved them: the state to show.
    Saved(ArticlesState),
    /// Another tab stored this: merged in.
    Stored(String),
}

impl Reducible for ArticlesState {
    type Action = ArticlesAction;
    fn reduce(self: Rc<Self>, action: ArticlesAction) -> Rc<Self> {
        match action {
            ArticlesAction::Saved(s) => Rc::new(s),
            ArticlesAction::Stored(raw) => {
                let merged = self.versions.join(&crate::articles::parse(&raw).0);
                if merged == self.versions {
                    self
                } else {
                    Rc::new(ArticlesState::of(merged, self.message.clone()))
                }
            }
        }
    }
}

fn load_articles() -> ArticlesState {
    match storage::read(storage::ARTICLES_KEY) {
        Ok(Some(raw)) => {
            let (set, problems) = crate::articles::parse(&raw);
            let message = (!problems.is_empty()).then(|| {
                let kept = storage::keep_damaged(storage::ARTICLES_KEY, &raw)
                    .map(|k| format!(" The stored data was kept as it was under “{k}”."))
                    .unwrap_or_default();
                format!(
                    "Some of your own articles could not be read: {}.{kept}",
                    problems.join("; ")
                )
            });
            ArticlesState::of(set, message)
        }
        Ok(None) => ArticlesState::default(),
        Err(e) => ArticlesState::of(ArticleSet::default(), Some(e.to_string())),
    }
}

/// Reads what is stored (another tab may have written since), merges `set` into it and
/// writes the merge: the state to show.
fn save_articles(set: &ArticleSet) -> ArticlesState {
    let stored = match storage::read(storage::ARTICLES_KEY) {
        Ok(Some(raw)) => crate::articles::parse(&raw).0,
        _ => ArticleSet::default(),
    };
    let merged = set.join(&stored);
    let message = storage::write(storage::ARTICLES_KEY, &crate::articles::serialize(&merged))
        .err()
        .map(|e| e.to_string());
    ArticlesState::of(merged, message)
}

fn load_notes(writer: &str) -> NotesState {
    let fresh = NotesState::for_writer(writer);
    match storage::read(storage::NOTES_KEY) {
        Ok(raw) => {
            let mut state = fresh.reduce(NotesAction::Loaded {
                raw: raw.clone(),
                error: None,
            });
            if let (Some(raw), false) = (raw, state.problems.is_empty()) {
                if let Ok(k) = storage::keep_damaged(storage::NOTES_KEY, &raw) {
                    state = state.reduce(NotesAction::KeptDamaged(k));
                }
            }
            state
        }
        Err(e) => fresh.reduce(NotesAction::Loaded {
            raw: None,
            error: Some(e.to_string()),
        }),
    }
}

/// Saves the notes without losing what another tab stored since this one read: reads the
/// stored notes, merges them in (the view shows them too), writes the merge.
fn save_notes(state: &NotesState, dispatch: &UseReducerDispatcher<NotesState>) {
    let mut set = state.set.clone();
    if let Ok(Some(raw)) = storage::read(storage::NOTES_KEY) {
        let parsed = parallax_core::notes::parse(&raw);
        if parsed.newer.is_some() {
            return;
        }
        if !parsed.problems.is_empty() {
            let _ = storage::keep_damaged(storage::NOTES_KEY, &raw);
        }
        set = set.join(&parsed.set);
        if set != state.set {
            dispatch.dispatch(NotesAction::Remote(raw));
        }
    }
    match storage::write(
        storage::NOTES_KEY,
        &parallax_core::notes::serialize_set(&set),
    ) {
        Ok(()) => dispatch.dispatch(NotesAction::Saved),
        Err(e) => dispatch.dispatch(NotesAction::SaveFailed(e.to_string())),
    }
}

/// The root component: the library, notes and own articles in contexts, the router and the
/// page shell.
#[function_component(App)]
pub fn app() -> Html {
    let articles = use_reducer(load_articles);
    // The bundled documents' analysis, read from the JSON the build embedded (timed).
    let library = use_state(|| {
        let t0 = now_ms();
        let lib = Library::bundled();
        (lib, now_ms() - t0)
    });
    let engine = use_state(EngineStatus::default);
    let timings = use_state(Timings::default);
    {
        let timings = timings.clone();
        let load_ms = library.1;
        use_effect_with((), move |_| {
            timings.set(Timings {
                load_ms,
                first_render_ms: now_ms(),
            });
        });
    }
    use_library(&articles.list, &library, &engine);
    let writer = use_memo((), |_| storage::fresh_id("t"));
    let notes = {
        let writer = writer.clone();
        use_reducer(move || load_notes(&writer))
    };
    {
        let dispatch = notes.dispatcher();
        let state = notes.clone();
        use_effect_with(notes.revision, move |rev| {
            if *rev > 0 && state.loaded {
                save_notes(&state, &dispatch);
            }
        });
    }
    {
        // What other tabs and windows write arrives here (a tab never hears its own writes).
        let dispatch = notes.dispatcher();
        let articles = articles.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::on_change(move |key, value| {
                if key == storage::NOTES_KEY {
                    if let Some(raw) = value {
                        dispatch.dispatch(NotesAction::Remote(raw));
                    }
                } else if key == storage::ARTICLES_KEY {
                    if let Some(raw) = value {
                        articles.dispatch(ArticlesAction::Stored(raw));
                    }
                }
            });
            move || drop(listener)
        });
    }
    let notes_ctx = NotesCtx {
        state: notes.clone(),
        dispatch: {
            let d = notes.dispatcher();
            Callback::from(move |a| d.dispatch(a))
        },
    };
    let articles_ctx = {
        let add = {
            let articles = articles.clone();
            let writer = writer.clone();
            Callback::from(move |a: Article| {
                let mut set = articles.versions.clone();
                set.put(a, &writer);
                articles.dispatch(ArticlesAction::Saved(save_articles(&set)));
            })
        };
        let remove = {
            let articles = articles.clone();
            let writer = writer.clone();
            Callback::from(move |id: String| {
                let mut set = articles.versions.clone();
                if set.remove(&id, storage::now(), &writer) {
                    articles.dispatch(ArticlesAction::Saved(save_articles(&set)));
                }
            })
        };
        let move_to = {
            let articles = articles.clone();
            let writer = writer.clone();
            Callback::from(move |(id, collection): (String, String)| {
                if let Some(a) = crate::articles::moved(&articles.list, &id, &collection) {
                    let mut set = articles.versions.clone();
                    set.put(a, &writer);
                    articles.dispatch(ArticlesAction::Saved(save_articles(&set)));
                }
            })
        };
        ArticlesCtx {
            list: articles.list.clone(),
            message: articles.message.clone(),
            add,
            remove,
            move_to,
        }
    };
    html! {
        <ContextProvider<Library> context={library.0.clone()}>
            <ContextProvider<EngineStatus> context={(*engine).clone()}>
            <ContextProvider<Timings> context={(*timings).clone()}>
                <ContextProvider<NotesCtx> context={notes_ctx}>
                    <ContextProvider<ArticlesCtx> context={articles_ctx}>
                        <HashRouter>
                            <Shell />
                        </HashRouter>
                    </ContextProvider<ArticlesCtx>>
                </ContextProvider<NotesCtx>>
            </ContextProvider<Timings>>
            </ContextProvider<EngineStatus>>
        </ContextProvider<Library>>
    }
}

/// Keeps `library` the bundled documents followed by the own articles `list`, by collection:
/// the bundled snapshot at once, then (when there are own articles) the engine's analysis of
/// each collection that has any, on its own, with `engine` saying what it is doing. The engine
/// answers with what changed from the collection's snapshot held since its last analysis
/// (the build's, for the bundled story). A newer list wins over an analysis still running.
#[hook]
fn use_library(
    list: &Rc<Vec<Article>>,
    library: &UseStateHandle<(Library, f64)>,
    engine: &UseStateHandle<EngineStatus>,
) {
    let generation = use_mut_ref(|| 0u32);
    // Each collection's snapshot as last analysed: the engine answers with what changed.
    let held = use_mut_ref(std::collections::HashMap::<String, crate::engine::Held>::new);
    let library = library.clone();
    let engine = engine.clone();
    use_effect_with(list.clone(), move |list| {
        *generation.borrow_mut() += 1;
        let mine = *generation.borrow();
        let parts = crate::state::parts(list);
        let added: usize = parts
            .iter()
            .map(|p| p.own.iter().filter(|o| **o).count())
            .sum();
        if added == 0 {
            library.set((Library::bundled(), 0.0));
            engine.set(EngineStatus::default());
            return;
        }
        engine.set(EngineStatus::busy(added));
        wasm_bindgen_futures::spawn_local(async move {
            let mut done = Vec::new();
            let mut total_ms = 0.0;
            for p in parts {
                let snap = if p.is_bundled_as_built() {
                    held.borrow_mut().remove(&p.key); // the next base is the build's
                    Library::bundled_snapshot()
                } else {
                    let base = held.borrow().get(&p.key).cloned().or_else(|| {
                        (p.key == crate::articles::BUNDLED).then(crate::engine::Held::bundled)
                    });
                    match crate::engine::analyse_from(base.as_ref(), p.docs).await {
                        Ok((now, ms)) => {
                            total_ms += ms;
                            if *generation.borrow() == mine {
                                held.borrow_mut().insert(p.key.clone(), now.clone());
                            }
                            Rc::unwrap_or_clone(now.snap)
                        }
                        Err(e) => {
                            if *generation.borrow() == mine {
                                engine.set(EngineStatus::failed(e));
                            }
                            return;
                        }
                    }
                };
                if *generation.borrow() != mine {
                    return; // a newer list is being analysed
                }
                done.push((p.key, snap, p.own));
            }
            library.set((Library::from_parts(done), total_ms));
            engine.set(EngineStatus::default());
        });
    });
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
                        <li><Link<Route> to={Route::Notes}>{ "Notes" }</Link<Route>></li>
                        <li><Link<Route> to={Route::Add}>{ "Add article" }</Link<Route>></li>
                        <li><Link<Route> to={Route::Teach}>{ "Teach" }</Link<Route>></li>
                        <li><Link<Route> to={Route::About}>{ "About" }</Link<Route>></li>
                    </ul>
                </nav>
                { back_to_session(&route) }
                <crate::components::copy_link::CopyLink />
            </header>
            <StorageBanner />
            <EngineBanner />
            <main id="main" tabindex="-1">
                { switch(route) }
            </main>
            <NotesUndo />
            <footer class="site-footer">
                <p>{ "Parallax runs entirely in your browser. Nothing you read or write leaves this device." }</p>
            </footer>
        </>
    }
}

/// A way back to a session whose answers on this device were written since they were last
/// exported (unless that session is the view).
fn back_to_session(route: &Route) -> Html {
    let here = match route {
        Route::Session { payload } => Some(parallax_core::session::key(payload)),
        _ => None,
    };
    let answered = storage::answered();
    let Some(e) = answered.unsent(here.as_deref()) else {
        return html! {};
    };
    let title = if e.title.trim().is_empty() {
        "your reading session".to_string()
    } else {
        format!("“{}”", parallax_core::document::shorten(e.title.trim(), 40))
    };
    html! {
        <p class="back-to-session">
            <a id="back-to-session" href={format!("#/session/{}", e.payload)}>{ "Back to your session" }</a>
            <span class="meta">{ format!(" {title}: answers not exported yet") }</span>
        </p>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryPage /> },
        Route::Doc { id } => html! { <Reader {id} /> },
        Route::Entity { id } => html! { <EntityPage {id} /> },
        Route::Quotes => html! { <QuotesPage /> },
        Route::Story => html! { <StoryPage /> },
        Route::Provenance => html! { <crate::pages::provenance::ProvenancePage /> },
        // Keyed by the pair: a new pair is a new component, so its hooks (after the "not found"
        // return) always run in the same order within one instance.
        Route::Compare { a, b } => {
            let key = format!("{a}/{b}");
            html! { <Compare {key} {a} {b} /> }
        }
        Route::About => html! { <About /> },
        Route::Notes => html! { <crate::pages::notes::NotesPage /> },
        Route::Add => html! { <crate::pages::add::AddPage /> },
        Route::Teach => html! { <crate::pages::teach::TeachPage /> },
        Route::Session { payload } => html! { <crate::pages::session::SessionPage {payload} /> },
        Route::Handout => html! { <crate::pages::handout::HandoutRoute /> },
        Route::NotFound => html! { <NotFound what="Page" /> },
    }
}

/// The Undo of the note last deleted, wherever it was deleted (the reader's panel, `#/notes`).
#[function_component(NotesUndo)]
fn notes_undo() -> Html {
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    crate::components::undo::use_undo_timer(
        &notes.state.undo,
        notes.dispatch.reform(NotesAction::UndoExpired),
    );
    html! {
        <crate::components::undo::UndoBar id="note-undo" message={notes.state.undo.message.clone()}
            can_undo={notes.state.undo.pending.is_some()} on_undo={notes.dispatch.reform(|()| NotesAction::Undo)} />
    }
}

/// What the analysis engine is doing: a progress line while own articles are analysed, the
/// reason when it failed.
#[function_component(EngineBanner)]
fn engine_banner() -> Html {
    let engine = use_context::<EngineStatus>().unwrap_or_default();
    let n = engine.analysing;
    html! {
        <>
            if n > 0 {
                <div class="banner info" role="status" id="engine-status">
                    <p>
                        <progress aria-label="Analysing your articles"></progress>
                        { format!(" Analysing your {n} own article{} in this browser… The bundled sources can be read meanwhile.", if n == 1 { "" } else { "s" }) }
                    </p>
                </div>
            }
            if let Some(e) = &engine.error {
                <div class="banner warning" role="alert" id="engine-error">
                    <p>{ format!("Your own articles could not be analysed. {e}. The bundled sources still work; reload the page to try again.") }</p>
                </div>
            }
        </>
    }
}

/// Problems with what is kept on this device, shown on every view until resolved: a failed
/// save (storage full or blocked) or notes that could not be read.
#[function_component(StorageBanner)]
fn storage_banner() -> Html {
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let route = use_route::<Route>();
    let on_notes_page = route == Some(Route::Notes);
    html! {
        <>
            if let Some(e) = &notes.state.save_error {
                <div class="banner error" role="alert" id="storage-error">
                    <p>{ e.clone() }{ " " }<a href="#/notes">{ "Export your notes" }</a></p>
                </div>
            }
            if !notes.state.problems.is_empty() && !on_notes_page {
                <div class="banner warning" role="alert" id="storage-damaged">
                    <p>{ format!("Some of your stored notes could not be read ({} problem{}); the rest are kept. ", notes.state.problems.len(), if notes.state.problems.len() == 1 { "" } else { "s" }) }
                        <a href="#/notes">{ "See your notes" }</a></p>
                </div>
            }
        </>
    }
}
