//! The app's data, free of web-sys so it is tested natively: the library of documents and
//! what each view is called.

use crate::app::Route;
use parallax_core::{document::id_from_file_name, Document};
use std::rc::Rc;

/// Every document the app knows, in library order.
#[derive(Debug, Clone)]
pub struct Library {
    docs: Rc<Vec<Document>>,
}

/// Libraries compare by identity: the documents are never edited in place, so a context
/// consumer re-renders only when a new library is provided.
impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.docs, &other.docs)
    }
}

impl Library {
    /// The library of `(file name, text)` pairs, in the order given.
    pub fn from_files(files: &[(&str, &str)]) -> Self {
        let docs = files
            .iter()
            .map(|(name, text)| Document::new(id_from_file_name(name), *text))
            .collect();
        Library {
            docs: Rc::new(docs),
        }
    }

    /// The documents bundled into the app.
    pub fn bundled() -> Self {
        Self::from_files(crate::seeds::SEEDS)
    }

    /// All documents.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// The document with identifier `id`.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }
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
    fn ids_are_file_stems_in_order() {
        let lib = library();
        let ids: Vec<&str> = lib.docs().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a_1", "b_2"]);
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
