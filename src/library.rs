//! The library: every document the app knows, with its analysis, in collections (one story
//! each), and what each view is called. Free of web-sys, so it is tested natively.

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
    /// The stories: every document belongs to exactly one, the bundled story first.
    collections: Rc<Vec<Collection>>,
}

/// One story: a named set of documents (consecutive positions in the library), analysed and
/// compared on its own, with its story matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// Its name ([`crate::state::articles::BUNDLED`] for the bundled story).
    pub key: String,
    /// Positions of its documents in the library.
    pub docs: std::ops::Range<usize>,
    /// Its story matrix (document positions counted from the collection's first document).
    pub story: Vec<parallax_core::story::Claim>,
}

impl Collection {
    /// What the app calls it.
    pub fn label(&self) -> &str {
        crate::state::articles::collection_label(&self.key)
    }
}

/// One collection to analyse: its name, its documents, which of them are own articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The collection's name ([`crate::state::articles::BUNDLED`] for the bundled story).
    pub key: String,
    /// Its documents, in library order.
    pub docs: Vec<Document>,
    /// `own[i]`: document i is one of the user's own articles.
    pub own: Vec<bool>,
}

impl Part {
    /// Whether the build's analysis of the bundled documents serves as it is (no own article
    /// joined the bundled story).
    pub fn is_bundled_as_built(&self) -> bool {
        self.key == crate::state::articles::BUNDLED && !self.own.contains(&true)
    }
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
    pub fn from_snapshot(snap: Snapshot, own: Vec<bool>) -> Self {
        Self::from_parts(vec![(
            crate::state::articles::BUNDLED.to_string(),
            snap,
            own,
        )])
    }

    /// The library of collections analysed each on its own (`(name, snapshot, own)`, the
    /// bundled story first): documents in the order given, entity ids of every collection but
    /// the first prefixed with the collection's slug (stories share no entities), each
    /// collection with its own story matrix.
    pub fn from_parts(parts: Vec<(String, Snapshot, Vec<bool>)>) -> Self {
        let (snap, own, collections) = join(parts);
        Library {
            snap: Rc::new(snap),
            own: Rc::new(own),
            collections: Rc::new(collections),
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

    /// The library of `parts`, each analysed here on its own (the bundled story as built when
    /// no own article joined it); natively: the app asks the engine.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn analysed(parts: Vec<Part>) -> Self {
        Self::from_parts(
            parts
                .into_iter()
                .map(|p| {
                    let snap = if p.is_bundled_as_built() {
                        Self::bundled_snapshot()
                    } else {
                        Snapshot::build(p.docs)
                    };
                    (p.key, snap, p.own)
                })
                .collect(),
        )
    }

    /// A copy of the bundled documents' snapshot as the build made it.
    pub fn bundled_snapshot() -> Snapshot {
        (*Self::bundled().snap).clone()
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

    /// The collections (stories), the bundled story first.
    pub fn collections(&self) -> &[Collection] {
        &self.collections
    }

    /// The position of the collection holding document `doc` (by position).
    pub fn collection_of(&self, doc: usize) -> Option<usize> {
        self.collections.iter().position(|c| c.docs.contains(&doc))
    }

    /// The position of the collection named `key`.
    pub fn collection_index(&self, key: &str) -> Option<usize> {
        self.collections.iter().position(|c| c.key == key)
    }

    /// Whether documents `a` and `b` belong to one collection (so they can be compared).
    pub fn same_collection(&self, a: usize, b: usize) -> bool {
        self.collection_of(a).is_some() && self.collection_of(a) == self.collection_of(b)
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

/// The collections to analyse: the bundled story (the bundled documents and the own articles
/// put in it), then each own collection in the order its first article was added (an id
/// already present is not added again).
pub fn parts(articles: &[crate::state::articles::Article]) -> Vec<Part> {
    use crate::state::articles::BUNDLED;
    let bundled = Library::bundled_docs();
    let mut parts = vec![Part {
        key: BUNDLED.to_string(),
        own: vec![false; bundled.len()],
        docs: bundled,
    }];
    for name in crate::state::articles::collections(articles) {
        parts.push(Part {
            key: name,
            docs: Vec::new(),
            own: Vec::new(),
        });
    }
    let mut seen: Vec<String> = parts[0].docs.iter().map(|d| d.id.clone()).collect();
    for a in articles {
        if seen.contains(&a.id) {
            continue;
        }
        seen.push(a.id.clone());
        if let Some(p) = parts.iter_mut().find(|p| p.key == a.collection) {
            p.docs.push(Document::new(a.id.clone(), a.text.as_str()));
            p.own.push(true);
        }
    }
    parts
}

/// A slug of a collection's name for its entity ids: lower-case letters and digits, dashes
/// between words.
fn slug(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The snapshots of `parts` as one library: documents one after the other, entity ids made
/// distinct per collection, positions shifted; each collection's story kept apart.
fn join(parts: Vec<(String, Snapshot, Vec<bool>)>) -> (Snapshot, Vec<bool>, Vec<Collection>) {
    let mut out = Snapshot::empty();
    let mut own_all = Vec::new();
    let mut collections = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    for (k, (key, snap, mut own)) in parts.into_iter().enumerate() {
        let off = out.docs.len();
        let n = snap.docs.len();
        own.resize(n, false);
        own_all.extend(own);
        let prefix = if k == 0 {
            String::new()
        } else {
            let base = format!("{}~", slug(&key));
            let mut p = base.clone();
            let mut i = 2;
            while prefixes.contains(&p) {
                p = format!("{}-{i}~", slug(&key));
                i += 1;
            }
            p
        };
        prefixes.push(prefix.clone());
        let rename = |id: &str| format!("{prefix}{id}");
        for mut d in snap.analysis.docs {
            for m in &mut d.mentions {
                m.entity = rename(&m.entity);
            }
            for q in &mut d.quotes {
                q.speaker_entity = q.speaker_entity.as_deref().map(rename);
            }
            for t in &mut d.descriptors {
                t.0 = rename(&t.0);
            }
            out.analysis.docs.push(d);
        }
        out.analysis.docs.resize(off + n, Default::default());
        for mut e in snap.analysis.entities {
            e.id = rename(&e.id);
            for dn in &mut e.mentions_per_doc {
                dn.0 += off;
            }
            out.analysis.entities.push(e);
        }
        out.flags.extend(snap.flags.into_iter().map(|mut f| {
            f.doc += off;
            f
        }));
        out.alignments
            .extend(snap.alignments.into_iter().map(|mut a| {
                a.a += off;
                a.b += off;
                a
            }));
        out.docs.extend(snap.docs);
        if k == 0 {
            // The first collection's matrix is the snapshot's own (what a subset reads).
            out.story = snap.story.clone();
        }
        collections.push(Collection {
            key,
            docs: off..off + n,
            story: snap.story,
        });
    }
    (out, own_all, collections)
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

    fn article(id: &str, collection: &str, text: &str) -> crate::state::articles::Article {
        crate::state::articles::Article {
            id: id.into(),
            text: text.into(),
            origin: "pasted".into(),
            added: 0.0,
            collection: collection.into(),
            source: Default::default(),
        }
    }

    const BRIDGE: &str = "My headline\n\nThe mayor of Springfield opened the bridge on Monday.";
    const RACE: &str = "City marathon draws record field\n\nMore than 30,000 runners started the City Marathon on Sunday, organisers said. Kenya's Mary Wanjiru won the women's race in 2 hours 21 minutes, race director Paul Hart said.";
    const RACE_2: &str = "Wanjiru wins marathon\n\nMary Wanjiru won the City Marathon on Sunday in 2 hours 21 minutes, race director Paul Hart said. More than 30,000 runners started.";

    #[test]
    fn own_articles_follow_the_bundled_ones() {
        use crate::state::articles::BUNDLED;
        let n = crate::seeds::SEEDS.len();
        let lib = Library::analysed(parts(&[
            article("own-a", BUNDLED, BRIDGE),
            article("own-a", BUNDLED, BRIDGE),
            article("own-b", BUNDLED, BRIDGE),
        ]));
        assert_eq!(lib.docs().len(), n + 2, "a repeated id is added once");
        assert!((0..n).all(|i| !lib.is_own(i)));
        assert!(lib.is_own(n) && lib.is_own(n + 1));
        assert_eq!(lib.docs()[n].id, "own-a");
        assert!(!lib.mentions(n).is_empty(), "own articles are analysed too");
        assert_eq!(lib.collections().len(), 1, "all in the bundled story");
        assert_eq!(lib.collections()[0].docs, 0..n + 2);
    }

    #[test]
    fn a_new_collection_leaves_the_bundled_story_as_it_was() {
        let n = crate::seeds::SEEDS.len();
        let bundled = Library::bundled();
        let lib = Library::analysed(parts(&[
            article("own-race", "Marathon", RACE),
            article("own-race-2", "Marathon", RACE_2),
        ]));
        let cs = lib.collections();
        assert_eq!(cs.len(), 2);
        assert_eq!(
            cs[0].story, bundled.snap.story,
            "the bundled matrix is unchanged"
        );
        assert_eq!((cs[0].docs.clone(), cs[1].docs.clone()), (0..n, n..n + 2));
        assert_eq!(
            (cs[1].key.as_str(), cs[1].label()),
            ("Marathon", "Marathon")
        );
        assert!(
            cs[1].story.iter().all(|c| c.cells.len() == 2),
            "the collection's matrix has its own two columns"
        );
        for i in 0..n {
            assert_eq!(lib.mentions(i), bundled.mentions(i), "document {i}");
            assert_eq!(lib.flags(i), bundled.flags(i), "document {i}");
        }
        assert_eq!(lib.align(0, 1), bundled.align(0, 1));
        assert!(lib.align(0, n).is_empty(), "no pairs across stories");
        assert!(lib.same_collection(n, n + 1) && !lib.same_collection(0, n));
        assert_eq!(lib.collection_of(n + 1), Some(1));
        assert_eq!(lib.collection_index("Marathon"), Some(1));
        // Entities of the new story are its own, found by their ids.
        let own_mentions = lib.mentions(n);
        assert!(!own_mentions.is_empty());
        for m in own_mentions {
            assert!(m.entity.starts_with("marathon~"), "{}", m.entity);
            let e = lib.entity(&m.entity).expect("entity of a mention");
            assert!(e
                .mentions_per_doc
                .iter()
                .all(|(d, _)| (n..n + 2).contains(d)));
        }
    }

    #[test]
    fn collections_keep_the_order_articles_were_added() {
        let got = parts(&[
            article("own-1", "B story", RACE),
            article("own-2", "A story", BRIDGE),
            article("own-3", "B story", RACE_2),
        ]);
        let keys: Vec<(&str, usize)> = got.iter().map(|p| (p.key.as_str(), p.docs.len())).collect();
        assert_eq!(
            keys,
            [
                ("", crate::seeds::SEEDS.len()),
                ("B story", 2),
                ("A story", 1)
            ]
        );
        assert!(got[0].is_bundled_as_built() && !got[1].is_bundled_as_built());
        assert_eq!(slug("City  Marathon!"), "city-marathon");
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
