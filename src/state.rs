//! The app's data, free of web-sys so it is tested natively: the library of documents and
//! what each view is called.

use crate::route::Route;
use parallax_core::analysis::{Analysis, Entity, Mention};
use parallax_core::{Document, Snapshot};
use std::rc::Rc;

/// Every document the app knows, in library order, with everything the views show about them
/// (a [`Snapshot`]: worked out when the app was built for the bundled documents, by the engine
/// when the user's own articles join).
#[derive(Debug, Clone)]
pub struct Library {
    snap: Rc<Snapshot>,
    /// Which documents the user added (their own articles), by position.
    own: Rc<Vec<bool>>,
}

/// Libraries compare by identity: the documents are never edited in place, so a context
/// consumer re-renders only when a new library is provided.
impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snap, &other.snap)
    }
}

impl Library {
    /// The library of an analysed snapshot; `own[i]` marks the user's own articles.
    pub fn from_snapshot(snap: Snapshot, mut own: Vec<bool>) -> Self {
        own.resize(snap.docs.len(), false);
        Library {
            snap: Rc::new(snap),
            own: Rc::new(own),
        }
    }

    /// The library of `(file name, text)` pairs, in the order given, analysed here (natively:
    /// the app asks the engine, see `crate::engine`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_files(files: &[(&str, &str)]) -> Self {
        let docs = documents(files);
        let own = vec![false; docs.len()];
        Self::from_docs(docs, own)
    }

    /// The library of `docs`, analysed here together; `own[i]` marks the user's own articles.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_docs(docs: Vec<Document>, own: Vec<bool>) -> Self {
        Self::from_snapshot(Snapshot::build(docs), own)
    }

    /// The bundled documents as analysed when the app was built (read once per page).
    pub fn bundled() -> Self {
        thread_local! {
            static BUNDLED: Library = Library::from_snapshot(
                crate::seeds::snapshot().unwrap_or_else(|_| Snapshot::empty()),
                Vec::new(),
            );
        }
        BUNDLED.with(Clone::clone)
    }

    /// The bundled documents' texts and ids, for a new analysis with own articles.
    pub fn bundled_docs() -> Vec<Document> {
        Self::bundled().snap.docs.clone()
    }

    /// The bundled documents `ids`, in that order, read off the bundled snapshot (see
    /// [`Snapshot::subset`]); None when one of them is not bundled.
    pub fn bundled_subset(ids: &[&str]) -> Option<Self> {
        let all = Self::bundled();
        let keep: Vec<usize> = ids
            .iter()
            .map(|id| all.index(id))
            .collect::<Option<Vec<usize>>>()?;
        Some(Self::from_snapshot(all.snap.subset(&keep), Vec::new()))
    }

    /// Whether document `doc` (by position) is one of the user's own articles.
    pub fn is_own(&self, doc: usize) -> bool {
        self.own.get(doc).copied().unwrap_or(false)
    }

    /// All documents.
    pub fn docs(&self) -> &[Document] {
        &self.snap.docs
    }

    /// The document with identifier `id`.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.docs().iter().find(|d| d.id == id)
    }

    /// Position of the document `id` in the library.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.docs().iter().position(|d| d.id == id)
    }

    /// The analysis of all documents together.
    pub fn analysis(&self) -> &Analysis {
        &self.snap.analysis
    }

    /// Mentions of document `doc` (by position).
    pub fn mentions(&self, doc: usize) -> &[Mention] {
        self.analysis()
            .docs
            .get(doc)
            .map_or(&[], |d| d.mentions.as_slice())
    }

    /// Quotes of document `doc` (by position).
    pub fn quotes(&self, doc: usize) -> &[parallax_core::quotes::Quote] {
        self.analysis()
            .docs
            .get(doc)
            .map_or(&[], |d| d.quotes.as_slice())
    }

    /// Sentence spans of document `doc`.
    pub fn sentences(&self, doc: usize) -> &[parallax_core::Span] {
        self.analysis()
            .docs
            .get(doc)
            .map_or(&[], |d| d.sentences.as_slice())
    }

    /// The descriptors document `doc` uses for entity `id`, each once, in text order.
    pub fn descriptors(&self, doc: usize, id: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(d) = self.analysis().docs.get(doc) {
            for (entity, text, _) in &d.descriptors {
                if entity == id && !out.iter().any(|o| o.eq_ignore_ascii_case(text)) {
                    out.push(text.clone());
                }
            }
        }
        out
    }

    /// The flags of document `doc`.
    pub fn flags(&self, doc: usize) -> Vec<&parallax_core::flags::Flag> {
        self.snap.flags.iter().filter(|f| f.doc == doc).collect()
    }

    /// Aligned sentence pairs of documents `a` and `b` (by position).
    pub fn align(&self, a: usize, b: usize) -> Vec<parallax_core::align::AlignedPair> {
        self.snap.aligned(a, b)
    }

    /// The story matrix's claims.
    pub fn story(&self) -> &[parallax_core::story::Claim] {
        &self.snap.story
    }

    /// The pairs of documents that are one text (copies, updates, rewrites).
    pub fn provenance(&self) -> &[parallax_core::provenance::Link] {
        &self.snap.provenance
    }

    /// The entity `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.analysis().entities.iter().find(|e| e.id == id)
    }
}

/// The bundled documents followed by the user's own articles (an id already present is not
/// added again), and which are own.
pub fn with_own_docs(articles: &[crate::articles::Article]) -> (Vec<Document>, Vec<bool>) {
    let mut docs = Library::bundled_docs();
    let mut own = vec![false; docs.len()];
    for a in articles {
        if docs.iter().all(|d| d.id != a.id) {
            docs.push(Document::new(a.id.clone(), a.text.as_str()));
            own.push(true);
        }
    }
    (docs, own)
}

/// The documents of `(file name, text)` pairs, their ids the file stems.
#[cfg(not(target_arch = "wasm32"))]
fn documents(files: &[(&str, &str)]) -> Vec<Document> {
    files
        .iter()
        .map(|(name, text)| Document::new(parallax_core::document::id_from_file_name(name), *text))
        .collect()
}

/// One entity of a document, for the entity panel.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityCount {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Mentions in this document.
    pub here: usize,
    /// Mentions in the other documents, and how many documents.
    pub elsewhere: (usize, usize),
}

/// The entities of document `doc` grouped by label (legend order), most mentioned first.
pub fn entities_by_label(lib: &Library, doc: usize) -> Vec<(&'static str, Vec<EntityCount>)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in lib.mentions(doc) {
        match counts.iter_mut().find(|(id, _)| *id == m.entity) {
            Some(c) => c.1 += 1,
            None => counts.push((m.entity.clone(), 1)),
        }
    }
    parallax_core::analysis::Label::ALL
        .iter()
        .map(|l| {
            let label = l.as_str();
            let mut list: Vec<EntityCount> = counts
                .iter()
                .filter_map(|(id, n)| {
                    let e = lib.entity(id)?;
                    (e.label.as_str() == label).then(|| EntityCount {
                        id: id.clone(),
                        name: e.name.clone(),
                        here: *n,
                        elsewhere: elsewhere(e, doc),
                    })
                })
                .collect();
            list.sort_by(|a, b| {
                b.here
                    .cmp(&a.here)
                    .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            });
            (label, list)
        })
        .collect()
}

/// Mentions of `e` outside document `doc`, and in how many documents.
pub fn elsewhere(e: &Entity, doc: usize) -> (usize, usize) {
    e.mentions_per_doc
        .iter()
        .filter(|(d, n)| *d != doc && *n > 0)
        .fold((0, 0), |(m, d), (_, n)| (m + n, d + 1))
}

/// The app's name, ending every window title.
pub const APP_NAME: &str = "Parallax";

/// The window title (document.title) for `route`.
pub fn page_title(route: &Route, library: &Library) -> String {
    match route {
        Route::Library => format!("Library · {APP_NAME}"),
        Route::Doc { id } => match library.get(id) {
            Some(d) => format!("{} · {APP_NAME}", d.title),
            None => format!("Document not found · {APP_NAME}"),
        },
        Route::Entity { id } => match library.entity(id) {
            Some(e) => format!("{} · {APP_NAME}", e.name),
            None => format!("Entity not found · {APP_NAME}"),
        },
        Route::Quotes => format!("Quotes · {APP_NAME}"),
        Route::Story => format!("Story · {APP_NAME}"),
        Route::Provenance => format!("Who copied whom · {APP_NAME}"),
        Route::Compare { a, b } => match (library.get(a), library.get(b)) {
            (Some(x), Some(y)) => format!("Compare: {} / {} · {APP_NAME}", x.title, y.title),
            _ => format!("Document not found · {APP_NAME}"),
        },
        Route::About => format!("About · {APP_NAME}"),
        Route::Notes => format!("Your notes · {APP_NAME}"),
        Route::Add => format!("Add your own article · {APP_NAME}"),
        Route::Teach => format!("Make a session link · {APP_NAME}"),
        Route::Session { .. } => format!("Guided reading · {APP_NAME}"),
        Route::Handout => format!("Handout · {APP_NAME}"),
        Route::NotFound => format!("Page not found · {APP_NAME}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::from_files(&[
            ("a_1.txt", "Floods close the ring road\n\nHeavy rain closed the ring road on Sunday, police said."),
            ("b_2.txt", "March 3, 2021\n\nThe council met on Tuesday to vote on the budget for next year."),
        ])
    }

    #[track_caller]
    fn check(route: Route, expected: &str) {
        assert_eq!(page_title(&route, &library()), expected, "route {route:?}");
    }

    #[test]
    fn titles_follow_the_view() {
        check(Route::Library, "Library · Parallax");
        check(
            Route::Doc { id: "a_1".into() },
            "Floods close the ring road · Parallax",
        );
        check(
            Route::Doc { id: "b_2".into() },
            "The council met on Tuesday to vote on the budget for next year. · Parallax",
        );
        check(
            Route::Doc { id: "nope".into() },
            "Document not found · Parallax",
        );
        check(Route::NotFound, "Page not found · Parallax");
    }

    #[test]
    fn flags_come_with_the_library() {
        let lib = Library::from_files(&[
            ("a.txt", "Dam bursts\n\nDam bursts\n\nThe dam burst on Monday after heavy rain, officials said."),
            ("b.txt", "Town floods\n\nWater reached the town hall on Tuesday, the mayor said."),
        ]);
        assert!(
            lib.flags(0)
                .iter()
                .any(|f| f.flag.as_str() == "repeated_headline"),
            "{:?}",
            lib.flags(0)
        );
        assert!(lib
            .flags(1)
            .iter()
            .all(|f| f.flag.as_str() != "repeated_headline"));
    }

    #[test]
    fn the_embedded_analysis_equals_a_fresh_one() {
        let fresh = Snapshot::build(documents(crate::seeds::SEEDS));
        let embedded = crate::seeds::snapshot().expect("the build embedded a snapshot");
        assert!(
            embedded == fresh,
            "the analysis embedded at build time differs from analysing seeds/ now: rebuild"
        );
        assert_eq!(Library::bundled().docs().len(), crate::seeds::SEEDS.len());
    }

    #[test]
    fn ids_are_file_stems_in_order() {
        let lib = library();
        let ids: Vec<&str> = lib.docs().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a_1", "b_2"]);
    }

    #[test]
    fn own_articles_follow_the_bundled_ones() {
        let article = |id: &str| crate::articles::Article {
            id: id.into(),
            text: "My headline\n\nThe mayor of Springfield opened the bridge on Monday.".into(),
            origin: "pasted".into(),
            added: 0.0,
        };
        let n = crate::seeds::SEEDS.len();
        let (docs, own) = with_own_docs(&[article("own-a"), article("own-a"), article("own-b")]);
        let lib = Library::from_docs(docs, own);
        assert_eq!(lib.docs().len(), n + 2, "a repeated id is added once");
        assert!((0..n).all(|i| !lib.is_own(i)));
        assert!(lib.is_own(n) && lib.is_own(n + 1));
        assert_eq!(lib.docs()[n].id, "own-a");
        assert!(!lib.mentions(n).is_empty(), "own articles are analysed too");
    }

    #[test]
    fn bundled_library_holds_every_seed_file() {
        let lib = Library::bundled();
        assert_eq!(lib.docs().len(), crate::seeds::SEEDS.len());
        assert!(lib
            .docs()
            .iter()
            .all(|d| !d.title.is_empty() && d.word_count > 0));
    }
}
