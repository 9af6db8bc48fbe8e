//! What the app shell provides to every view through Yew contexts, and how a view writes its
//! state into the link. Pages and components import these; nothing imports `app`.

use crate::persisted::SaveStatus;
use crate::route::Route;
use crate::state::articles::Article;
use crate::state::notes::{NotesAction, NotesState};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Timings measured in this browser, shown on `#/about`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    /// Milliseconds to read the library (the bundled documents' analysis made at build time,
    /// or the user's own articles analysed with them) at start-up.
    pub load_ms: f64,
    /// Milliseconds from navigation start to the first render of the app (0 until known).
    pub first_render_ms: f64,
}

/// What the analysis engine is doing for the library (own articles being analysed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EngineStatus {
    /// Own articles being analysed (0 when idle).
    pub analysing: usize,
    /// Why the last analysis failed.
    pub error: Option<String>,
}

impl EngineStatus {
    /// Analysing `n` own articles.
    pub fn busy(n: usize) -> Self {
        EngineStatus {
            analysing: n,
            error: None,
        }
    }

    /// The analysis failed.
    pub fn failed(e: String) -> Self {
        EngineStatus {
            analysing: 0,
            error: Some(e),
        }
    }
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

/// The notes and a way to change them, for every view.
#[derive(Clone, PartialEq)]
pub struct NotesCtx {
    /// Current notes (the reducer's own: shared, not copied, per render).
    pub state: UseReducerHandle<NotesState>,
    /// How keeping them on this device goes (read problems, failed writes).
    pub saved: SaveStatus,
    /// Changes them (saved to storage by [`App`]).
    pub dispatch: Callback<NotesAction>,
}

/// The user's own articles and how to add or remove one.
#[derive(Clone, PartialEq)]
pub struct ArticlesCtx {
    /// The articles, in the order added.
    pub list: Rc<Vec<Article>>,
    /// A problem reading or saving them, for the user.
    pub message: Option<String>,
    /// Adds an article (and saves the list).
    pub add: Callback<Article>,
    /// Removes the article with this id (and saves the list).
    pub remove: Callback<String>,
    /// Move an own article (id) to a collection (its name; see `crate::state::articles`).
    pub move_to: Callback<(String, String)>,
}
