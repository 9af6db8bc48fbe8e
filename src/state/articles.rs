//! The user's own articles as stored on this device: a versioned JSON list, read leniently (a
//! damaged entry is reported and the others kept). No web-sys here: tested natively.

use parallax_core::sync::{clock_of, Body, Item, Replica, Version};
use serde::{Deserialize, Serialize};

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
