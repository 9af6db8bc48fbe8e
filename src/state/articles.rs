//! The user's own articles: as stored on this device (a versioned JSON list, read leniently:
//! a damaged entry is reported and the others kept), their collections, and the state the app
//! holds, with its actions and one pure reducer ([`ArticlesState`]). No web-sys here: tested
//! natively. Saving is `crate::persisted`'s.

use crate::persisted::{Parsed, Persist, Stored};
use parallax_core::sync::{clock_of, Body, Item, Replica, Version};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// Version of the stored format.
pub const ARTICLES_VERSION: u32 = 1;

/// One article the user added (pasted or opened from a file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Document identifier, always starting `own-`, so it never clashes with a bundled one.
    pub id: String,
    /// Its text, as imported (plain text; never markup).
    pub text: String,
    /// Where it came from, for the library card ("pasted", "notes.html").
    #[serde(default)]
    pub origin: String,
    /// Milliseconds since the epoch when it was added.
    #[serde(default)]
    pub added: f64,
    /// The collection (one story) it belongs to, by name: [`BUNDLED`] for the bundled story.
    /// Articles stored before collections existed fall into [`DEFAULT_COLLECTION`].
    #[serde(default = "default_collection")]
    pub collection: String,
    /// Where the page came from, as its metadata says (empty for a paste or a text file).
    #[serde(default, skip_serializing_if = "Source::is_empty")]
    pub source: Source,
}

/// The collection key of the bundled story (an empty name, which no named collection has).
pub const BUNDLED: &str = "";

/// Where articles stored without a collection go: their own story, not the bundled one.
pub const DEFAULT_COLLECTION: &str = "Your articles";

/// What the library calls the bundled story.
pub const BUNDLED_NAME: &str = "The bundled story";

/// Longest collection name, in characters.
pub const MAX_COLLECTION_CHARS: usize = parallax_core::session::MAX_COLLECTION_CHARS;

fn default_collection() -> String {
    DEFAULT_COLLECTION.to_string()
}

/// A collection name as typed, tidied (spaces trimmed and collapsed; nothing typed is
/// [`DEFAULT_COLLECTION`], the bundled story's name is [`BUNDLED`]), or why it cannot be one.
pub fn collection_name(typed: &str) -> Result<String, String> {
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Ok(DEFAULT_COLLECTION.to_string());
    }
    if name.chars().count() > MAX_COLLECTION_CHARS {
        return Err(format!(
            "A collection's name can have at most {MAX_COLLECTION_CHARS} characters."
        ));
    }
    if name.eq_ignore_ascii_case(BUNDLED_NAME) {
        return Ok(BUNDLED.to_string());
    }
    Ok(name)
}

/// What collection `key` is called in the app.
pub fn collection_label(key: &str) -> &str {
    if key == BUNDLED {
        BUNDLED_NAME
    } else {
        key
    }
}

/// The own collections' names, in the order their first article was added.
pub fn collections(list: &[Article]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in list {
        if a.collection != BUNDLED && !out.contains(&a.collection) {
            out.push(a.collection.clone());
        }
    }
    out
}

/// Article `id` of `list` moved to `collection` (a new version of it: the move wins over the
/// version it replaces when tabs merge), or None when there is no such article or it is
/// there already.
pub fn moved(list: &[Article], id: &str, collection: &str) -> Option<Article> {
    let a = list.iter().find(|a| a.id == id)?;
    (a.collection != collection).then(|| Article {
        collection: collection.to_string(),
        ..a.clone()
    })
}

/// What an imported page says about itself, and how much of it was kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The outlet ("Los Angeles Times").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The publication day or date as the page gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The page's canonical address (`http(s)` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Characters left out at the end to keep the article within the length limit.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub left_out: usize,
}

/// For `skip_serializing_if`.
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Source {
    /// Nothing known.
    pub fn is_empty(&self) -> bool {
        *self == Source::default()
    }

    /// The source of an import.
    pub fn of(i: &parallax_core::import::Imported) -> Source {
        Source {
            site: i.site.clone(),
            date: i.date.clone(),
            url: i.url.clone(),
            left_out: i.left_out,
        }
    }

    /// The card's and the reader's line: outlet and date ("Los Angeles Times · 2024-06-14").
    pub fn line(&self) -> Option<String> {
        let parts: Vec<&str> = [self.site.as_deref(), self.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// The notice for an article cut at the length limit: how much was left out.
pub fn left_out_notice(left_out: usize) -> Option<String> {
    (left_out > 0).then(|| {
        format!(
            "This article was longer than Parallax reads ({} characters): its last {} \
             characters were left out, after the last whole paragraph that fits.",
            parallax_core::import::MAX_ARTICLE_CHARS,
            left_out
        )
    })
}

/// The articles with their versions, as tabs keep and merge them ([`parallax_core::sync`]).
pub type ArticleSet = Replica<Article>;

impl Item for Article {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> f64 {
        self.added
    }
}

/// The stored list: `{"format":"parallax-articles","version":1,"articles":[...]}`, each
/// article with its `"clock"`, then `"conflicts"` and `"deleted"` when there are any.
pub fn serialize(set: &ArticleSet) -> String {
    set.to_json(Some("parallax-articles"), ARTICLES_VERSION, "articles")
}

/// The articles as shown, in the order added (a conflict copy under its own display id).
pub fn shown(set: &ArticleSet) -> Vec<Article> {
    let mut list: Vec<Article> = set
        .shown()
        .into_iter()
        .map(|s| Article {
            id: s.display_id,
            ..s.item.clone()
        })
        .collect();
    list.sort_by(|a, b| a.added.total_cmp(&b.added));
    list
}

/// Articles read from `raw`, and a sentence per problem found (nothing is dropped silently).
pub fn parse(raw: &str) -> (ArticleSet, Vec<String>) {
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return (
                ArticleSet::default(),
                vec![format!("the stored list of your articles is damaged ({e})")],
            )
        }
    };
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(ARTICLES_VERSION) {
        return (
            ArticleSet::default(),
            vec![format!("your articles were saved by a newer Parallax (format version {version}); this one reads version {ARTICLES_VERSION}")],
        );
    }
    let Some(list) = value.get("articles").and_then(|a| a.as_array()) else {
        return (
            ArticleSet::default(),
            vec!["the stored list of your articles has no \"articles\" list".to_string()],
        );
    };
    let mut set = ArticleSet::default();
    let mut problems = Vec::new();
    for (i, item) in list.iter().enumerate() {
        match read(item) {
            Ok(a) => {
                // One article per id in the list (the first); other versions are conflicts.
                if set.get(&a.id).is_none() {
                    let clock = item.as_object().map(clock_of).unwrap_or_default();
                    set.insert(Version {
                        clock,
                        body: Body::Live(a),
                    });
                }
            }
            Err(why) => problems.push(format!("article {} {why}", i + 1)),
        }
    }
    if let Some(map) = value.as_object() {
        set.read_extra(map, |v| read(v).ok());
    }
    (set, problems)
}

fn read(item: &serde_json::Value) -> Result<Article, String> {
    match serde_json::from_value::<Article>(item.clone()) {
        Ok(a) if a.id.starts_with("own-") && !a.text.trim().is_empty() => Ok(a),
        Ok(_) => Err("has no usable id or text".to_string()),
        Err(e) => Err(format!("is damaged ({e})")),
    }
}

/// An identifier for an article titled `title`: `own-` and a slug of the title, made unique
/// among `taken`.
pub fn new_id(title: &str, taken: &[&str]) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() {
        "own-article".to_string()
    } else {
        format!("own-{slug}")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl Stored for ArticleSet {
    fn parse(raw: &str) -> Parsed<Self> {
        let (value, problems) = parse(raw);
        Parsed {
            value,
            problems,
            ..Parsed::default()
        }
    }
    fn serialize(&self) -> String {
        serialize(self)
    }
    fn join(&self, other: &Self) -> Self {
        Replica::join(self, other)
    }
}

/// The own articles as this tab holds them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticlesState {
    /// Every version of every article this tab knows (the source of truth).
    pub versions: ArticleSet,
    /// The articles as shown, in the order added ([`shown`]).
    pub list: Rc<Vec<Article>>,
    /// This tab's writer id in the articles' version clocks.
    pub writer: String,
    /// Counts changes made in this tab; the app saves when it moves.
    pub revision: u64,
}

/// What can happen to the own articles.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticlesAction {
    /// A new article (or a new version of one, under the same id).
    Add(Article),
    /// Article `id` was removed at `at` (ms since the epoch).
    Remove {
        /// Its id, as shown.
        id: String,
        /// When.
        at: f64,
    },
    /// Article `id` moves to the collection named `collection` ([`moved`]).
    Move {
        /// Its id, as shown.
        id: String,
        /// The collection's name.
        collection: String,
    },
    /// What another tab stored: merged in (nothing to save).
    Stored(String),
    /// What the last save wrote (this tab's articles merged with what was stored).
    Merged(ArticleSet),
}

impl ArticlesState {
    /// The articles `versions` (as read from storage), changed from now on as `writer`.
    pub fn new(writer: &str, versions: ArticleSet) -> ArticlesState {
        ArticlesState {
            list: Rc::new(shown(&versions)),
            versions,
            writer: writer.to_string(),
            revision: 0,
        }
    }
}

impl Reducible for ArticlesState {
    type Action = ArticlesAction;

    /// The state after `action` (`self` again when nothing changed).
    fn reduce(self: Rc<Self>, action: ArticlesAction) -> Rc<Self> {
        let mut versions = self.versions.clone();
        let changed = match action {
            ArticlesAction::Add(a) => {
                versions.put(a, &self.writer);
                true
            }
            ArticlesAction::Remove { id, at } => versions.remove(&id, at, &self.writer),
            ArticlesAction::Move { id, collection } => match moved(&self.list, &id, &collection) {
                Some(a) => {
                    versions.put(a, &self.writer);
                    true
                }
                None => false,
            },
            ArticlesAction::Stored(raw) => {
                versions = versions.join(&parse(&raw).0);
                false
            }
            ArticlesAction::Merged(merged) => {
                versions = merged;
                false
            }
        };
        if !changed && versions == self.versions {
            return self;
        }
        Rc::new(ArticlesState {
            list: Rc::new(shown(&versions)),
            versions,
            writer: self.writer.clone(),
            revision: self.revision + u64::from(changed),
        })
    }
}

impl Persist for ArticlesState {
    type Value = ArticleSet;
    fn value(&self) -> &ArticleSet {
        &self.versions
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn merged(value: ArticleSet) -> ArticlesAction {
        ArticlesAction::Merged(value)
    }
    fn stored(raw: String) -> ArticlesAction {
        ArticlesAction::Stored(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            origin: "pasted".into(),
            added: 1.0,
            collection: "Storm".into(),
            source: Source::default(),
        }
    }

    #[test]
    fn round_trip() {
        let list = vec![
            article("own-a", "First <script>x</script> text"),
            article("own-b", "Second “quoted” text ✓"),
        ];
        let mut set = ArticleSet::default();
        for a in &list {
            set.put(a.clone(), "t");
        }
        let (back, problems) = parse(&serialize(&set));
        assert_eq!(back, set);
        assert_eq!(shown(&back), list);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[track_caller]
    fn check(raw: &str, ids: &[&str], problems: usize) {
        let (got, p) = parse(raw);
        let got = shown(&got);
        let got_ids: Vec<&str> = got.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(got_ids, ids, "ids from {raw}");
        assert_eq!(p.len(), problems, "problems from {raw}: {p:?}");
    }

    #[test]
    fn damaged_entries_are_reported_and_the_rest_kept() {
        check("", &[], 1);
        check("{not json", &[], 1);
        check(r#"{"version":1}"#, &[], 1);
        check(r#"{"version":9,"articles":[]}"#, &[], 1);
        check(
            r#"{"version":1,"articles":[{"id":"own-a","text":"ok"},{"id":3},{"id":"x","text":"t"},{"id":"own-a","text":"dup"}]}"#,
            &["own-a"],
            2,
        );
    }

    #[test]
    fn two_tabs_adding_and_removing_lose_nothing() {
        let mut a = ArticleSet::default();
        a.put(article("own-a", "First"), "ta");
        let mut b = parse(&serialize(&a)).0;
        b.put(article("own-b", "Second"), "tb");
        assert!(a.remove("own-a", 2.0, "ta"));
        a.put(article("own-c", "Third"), "ta");
        let (stored_a, _) = parse(&serialize(&a));
        let merged = stored_a.join(&b);
        let ids: Vec<String> = shown(&merged).into_iter().map(|x| x.id).collect();
        assert_eq!(
            ids,
            ["own-b", "own-c"],
            "a removed stays removed; both adds kept"
        );
    }

    #[test]
    fn articles_stored_before_collections_get_their_own() {
        let (set, problems) =
            parse(r#"{"version":1,"articles":[{"id":"own-a","text":"Old text","added":3}]}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let list = shown(&set);
        assert_eq!(list[0].collection, DEFAULT_COLLECTION);
        assert_eq!(collections(&list), [DEFAULT_COLLECTION]);
    }

    #[test]
    fn collection_names_are_tidied() {
        let cases: &[(&str, Result<&str, ()>)] = &[
            ("  City   marathon ", Ok("City marathon")),
            ("", Ok(DEFAULT_COLLECTION)),
            (" \t ", Ok(DEFAULT_COLLECTION)),
            ("the bundled story", Ok(BUNDLED)),
            ("Streaming", Ok("Streaming")),
        ];
        for (typed, want) in cases {
            let got = collection_name(typed).map_err(|_| ());
            assert_eq!(got.as_deref(), want.as_deref(), "typed {typed:?}");
        }
        assert!(collection_name(&"x".repeat(MAX_COLLECTION_CHARS + 1)).is_err());
    }

    #[test]
    fn moving_an_article_changes_only_its_collection() {
        let list = vec![article("own-a", "A"), article("own-b", "B")];
        let m = moved(&list, "own-b", "Marathon").expect("moved");
        assert_eq!(
            (m.id.as_str(), m.collection.as_str()),
            ("own-b", "Marathon")
        );
        assert_eq!((m.text.as_str(), m.added), ("B", 1.0));
        assert!(moved(&list, "own-b", "Storm").is_none(), "already there");
        assert!(moved(&list, "own-x", "Storm").is_none());
        let mut with = list.clone();
        with.push(m);
        assert_eq!(collections(&with), ["Storm", "Marathon"]);
    }

    #[test]
    fn ids_are_slugs_and_unique() {
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "Floods close the ring road",
                &[],
                "own-floods-close-the-ring-road",
            ),
            (
                "Floods close the ring road",
                &["own-floods-close-the-ring-road"],
                "own-floods-close-the-ring-road-2",
            ),
            ("<script>", &[], "own-script"),
            ("  ", &[], "own-article"),
            ("Überraschung in Köln", &[], "own-berraschung-in-k-ln"),
        ];
        for (title, taken, want) in cases {
            assert_eq!(new_id(title, taken), *want, "title {title:?}");
        }
    }
}

#[cfg(test)]
mod reducer_tests {
    use super::*;
    use yew::Reducible;
    use ArticlesAction::*;

    fn add(id: &str, collection: &str, added: f64) -> ArticlesAction {
        Add(Article {
            id: id.into(),
            text: format!("Text of {id}"),
            origin: "pasted".into(),
            added,
            collection: collection.into(),
            source: Source::default(),
        })
    }

    /// What another tab (writer "tb") stores after `actions`.
    fn other_tab(actions: &[ArticlesAction]) -> String {
        serialize(&run("tb", actions).versions)
    }

    fn run(writer: &str, actions: &[ArticlesAction]) -> Rc<ArticlesState> {
        actions.iter().fold(
            Rc::new(ArticlesState::new(writer, ArticleSet::default())),
            |s, a| s.reduce(a.clone()),
        )
    }

    /// The articles shown after `actions` (tab "ta"), written `id@collection` in order, then
    /// `| rev N` (changes this tab must save).
    #[track_caller]
    fn check(actions: &[ArticlesAction], expected: &str) {
        let s = run("ta", actions);
        let shown: Vec<String> = s
            .list
            .iter()
            .map(|a| format!("{}@{}", a.id, a.collection))
            .collect();
        assert_eq!(
            format!("{} | rev {}", shown.join(" "), s.revision),
            expected,
            "{actions:?}"
        );
    }

    fn remove(id: &str, at: f64) -> ArticlesAction {
        Remove { id: id.into(), at }
    }

    fn move_to(id: &str, collection: &str) -> ArticlesAction {
        Move {
            id: id.into(),
            collection: collection.into(),
        }
    }

    #[test]
    fn articles() {
        check(&[], " | rev 0");
        check(&[add("own-a", "Storm", 1.0)], "own-a@Storm | rev 1");
        check(
            &[add("own-b", "Storm", 2.0), add("own-a", "Storm", 1.0)],
            "own-a@Storm own-b@Storm | rev 2",
        );
        check(
            &[add("own-a", "Storm", 1.0), remove("own-a", 5.0)],
            " | rev 2",
        );
        check(&[remove("own-x", 5.0)], " | rev 0");
        check(
            &[add("own-a", "Storm", 1.0), move_to("own-a", "Marathon")],
            "own-a@Marathon | rev 2",
        );
        // Moving to where it is, or an article that is not there, changes nothing.
        check(
            &[add("own-a", "Storm", 1.0), move_to("own-a", "Storm")],
            "own-a@Storm | rev 1",
        );
        check(&[move_to("own-x", "Storm")], " | rev 0");
        // Undo of a removal adds the article again.
        check(
            &[
                add("own-a", "Storm", 1.0),
                remove("own-a", 5.0),
                add("own-a", "Storm", 1.0),
            ],
            "own-a@Storm | rev 3",
        );
    }

    #[test]
    fn other_tabs() {
        // Another tab's articles are merged in, with nothing to save.
        let theirs = other_tab(&[add("own-b", "Storm", 2.0)]);
        check(
            &[add("own-a", "Storm", 1.0), Stored(theirs.clone())],
            "own-a@Storm own-b@Storm | rev 1",
        );
        check(&[Stored(theirs.clone())], "own-b@Storm | rev 0");
        // A removal there of an article this tab stored stays a removal here.
        let here = run("ta", &[add("own-a", "Storm", 1.0)]);
        let there = Rc::new(ArticlesState::new(
            "tb",
            parse(&serialize(&here.versions)).0,
        ))
        .reduce(remove("own-a", 3.0));
        let after = here.reduce(Stored(serialize(&there.versions)));
        assert_eq!((after.list.len(), after.revision), (0, 1));
        // Damaged text adds nothing.
        check(
            &[add("own-a", "Storm", 1.0), Stored("{oops".into())],
            "own-a@Storm | rev 1",
        );
        // What a save wrote (the merge) is what is shown.
        let mine = run("ta", &[add("own-a", "Storm", 1.0)]);
        let merged = mine
            .versions
            .join(&run("tb", &[add("own-c", "Storm", 3.0)]).versions);
        check(
            &[add("own-a", "Storm", 1.0), Merged(merged)],
            "own-a@Storm own-c@Storm | rev 1",
        );
    }

    #[test]
    fn nothing_changed_is_the_same_state() {
        let s = run("ta", &[add("own-a", "Storm", 1.0)]);
        let stored = serialize(&s.versions);
        let again = s.clone().reduce(Stored(stored));
        assert!(Rc::ptr_eq(&s, &again), "no re-render for what is known");
    }
}
