//! Every view of the app as a hash route (`#/doc/<id>`), so every view is a link that works
//! from any static host path, a sub-folder or file://. Pages link to it without importing
//! `app`.

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
    /// `#/provenance`: who copied whom (copies, updates, rewrites).
    #[at("/provenance")]
    Provenance,
    /// `#/quotes`: every quote of every source, grouped by speaker.
    #[at("/quotes")]
    Quotes,
    /// `#/about`: version, method, data sources, timings.
    #[at("/about")]
    About,
    /// `#/notes`: every highlight and note, export and import.
    #[at("/notes")]
    Notes,
    /// `#/add`: add your own article.
    #[at("/add")]
    Add,
    /// `#/teach`: make a session link.
    #[at("/teach")]
    Teach,
    /// `#/session/<payload>`: a teacher's guided reading.
    #[at("/session/:payload")]
    Session {
        /// The session, compressed and encoded (`parallax_core::session`).
        payload: String,
    },
    /// `#/handout?docs=a,b`: printable sources with numbered paragraphs and notes.
    #[at("/handout")]
    Handout,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}
