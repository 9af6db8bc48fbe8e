//! The app shell: the contexts' state (library, timings, notes, own articles), the
//! `HashRouter`, the page frame and the `switch` from [`Route`] to pages. Nothing imports
//! this module but `main.rs`.

use crate::contexts::{ArticlesCtx, EngineStatus, NotesCtx, Timings};
use crate::library::{page_title, Library};
use crate::pages::{
    about::About, compare::Compare, entity::EntityPage, library::LibraryPage, not_found::NotFound,
    quotes::QuotesPage, reader::Reader, story::StoryPage,
};
use crate::persisted::{use_persisted, SaveStatus};
use crate::route::Route;
use crate::state::articles::{Article, ArticlesAction, ArticlesState};
use crate::state::notes::{NotesAction, NotesState};
use crate::storage;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The own articles, kept on this device, and a message when keeping them went wrong.
#[hook]
fn use_articles(writer: &Rc<String>) -> (UseReducerHandle<ArticlesState>, Option<String>) {
    let writer = writer.clone();
    let (articles, saved) = use_persisted(
        storage::ARTICLES_KEY,
        move |set, _| ArticlesState::new(&writer, set),
        Callback::noop(),
    );
    (articles, articles_message(&saved))
}

/// What to tell the user about keeping the own articles: a failed write until one works;
/// before any write, why storage could not be read or what was damaged.
fn articles_message(s: &SaveStatus) -> Option<String> {
    match &s.written {
        Some(Err(e)) => return Some(e.to_string()),
        Some(Ok(())) => return None,
        None => {}
    }
    if let Some(e) = &s.read_error {
        return Some(e.to_string());
    }
    (!s.problems.is_empty()).then(|| {
        let kept = s
            .damaged_key
            .as_ref()
            .map(|k| format!(" The stored data was kept as it was under “{k}”."))
            .unwrap_or_default();
        format!(
            "Some of your own articles could not be read: {}.{kept}",
            s.problems.join("; ")
        )
    })
}

/// The root component: the library, notes and own articles in contexts, the router and the
/// page shell.
#[function_component(App)]
pub fn app() -> Html {
    let writer = use_memo((), |_| crate::clock::fresh_id("t"));
    let (articles, articles_message) = use_articles(&writer);
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
    let (notes, notes_saved) = {
        let writer = writer.clone();
        use_persisted(
            storage::NOTES_KEY,
            move |set, write_back| NotesState::new(&writer, set, write_back),
            Callback::noop(),
        )
    };
    let notes_ctx = NotesCtx {
        state: notes.clone(),
        saved: (*notes_saved).clone(),
        dispatch: {
            let d = notes.dispatcher();
            Callback::from(move |a| d.dispatch(a))
        },
    };
    let articles_ctx = {
        let d = articles.dispatcher();
        ArticlesCtx {
            list: articles.list.clone(),
            message: articles_message,
            add: {
                let d = d.clone();
                Callback::from(move |a: Article| d.dispatch(ArticlesAction::Add(a)))
            },
            remove: {
                let d = d.clone();
                Callback::from(move |id| {
                    d.dispatch(ArticlesAction::Remove {
                        id,
                        at: crate::clock::now(),
                    })
                })
            },
            move_to: Callback::from(move |(id, collection): (String, String)| {
                d.dispatch(ArticlesAction::Move { id, collection })
            }),
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
        let parts = crate::library::parts(list);
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
                        (p.key == crate::state::articles::BUNDLED)
                            .then(crate::engine::Held::bundled)
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
            if let Some(e) = notes_save_error(&notes.saved) {
                <div class="banner error" role="alert" id="storage-error">
                    <p>{ e }{ " " }<a href="#/notes">{ "Export your notes" }</a></p>
                </div>
            }
            if !notes.saved.problems.is_empty() && !on_notes_page {
                <div class="banner warning" role="alert" id="storage-damaged">
                    <p>{ format!("Some of your stored notes could not be read ({} problem{}); the rest are kept. ", notes.saved.problems.len(), if notes.saved.problems.len() == 1 { "" } else { "s" }) }
                        <a href="#/notes">{ "See your notes" }</a></p>
                </div>
            }
        </>
    }
}

/// Why the notes are not being saved, until that is resolved: stored by a newer version (never
/// written over), the last write failed, or storage could not be read.
fn notes_save_error(s: &SaveStatus) -> Option<String> {
    if let Some(version) = s.newer {
        return Some(format!(
            "Your notes were saved by a newer version of Parallax (format {version}); this page shows what it can read and saves nothing, so they stay intact. Open the newer version, or export what you write here."
        ));
    }
    s.write_error()
        .or(s.read_error.as_ref())
        .map(ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StorageError;

    fn status(f: impl FnOnce(&mut SaveStatus)) -> SaveStatus {
        let mut s = SaveStatus::default();
        f(&mut s);
        s
    }

    /// What the own articles' banner and the notes' error banner say for `s`.
    #[track_caller]
    fn check(s: &SaveStatus, articles: Option<&str>, notes: Option<&str>) {
        let cut = |m: Option<String>| m.map(|m| m.chars().take(40).collect::<String>());
        assert_eq!(
            (
                cut(articles_message(s)).as_deref(),
                cut(notes_save_error(s)).as_deref()
            ),
            (articles, notes),
            "{s:?}"
        );
    }

    #[test]
    fn storage_problems_are_reported() {
        check(&SaveStatus::default(), None, None);
        let damaged = status(|s| {
            s.problems = vec!["article 2 is damaged".into()];
            s.damaged_key = Some("parallax.damaged.parallax.articles".into());
        });
        check(
            &damaged,
            Some("Some of your own articles could not be r"),
            None,
        );
        // A write that worked since: the articles' message goes (the notes' banner of
        // problems is the page's, not this one).
        let written = SaveStatus {
            written: Some(Ok(())),
            ..damaged.clone()
        };
        check(&written, None, None);
        let full = status(|s| s.written = Some(Err(StorageError::Full)));
        let said = "This browser's storage for Parallax is f";
        check(&full, Some(said), Some(said));
        let blocked = status(|s| s.read_error = Some(StorageError::Unavailable));
        let said = "This browser does not let Parallax keep ";
        check(&blocked, Some(said), Some(said));
        let newer = status(|s| s.newer = Some(9));
        check(
            &newer,
            None,
            Some("Your notes were saved by a newer version"),
        );
    }
}
