//! The user's own articles as stored on this device: a versioned JSON list, read leniently (a
//! damaged entry is reported and the others kept). No web-sys here: tested natively.

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
}

#[derive(Serialize)]
struct StoredOut<'a> {
    format: &'static str,
    version: u32,
    articles: &'a [Article],
}

/// The stored list: `{"format":"parallax-articles","version":1,"articles":[...]}`.
pub fn serialize(articles: &[Article]) -> String {
    serde_json::to_string(&StoredOut {
        format: "parallax-articles",
        version: ARTICLES_VERSION,
        articles,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

/// Articles read from `raw`, and a sentence per problem found (nothing is dropped silently).
pub fn parse(raw: &str) -> (Vec<Article>, Vec<String>) {
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!("the stored list of your articles is damaged ({e})")],
            )
        }
    };
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(ARTICLES_VERSION) {
        return (
            Vec::new(),
            vec![format!("your articles were saved by a newer Parallax (format version {version}); this one reads version {ARTICLES_VERSION}")],
        );
    }
    let Some(list) = value.get("articles").and_then(|a| a.as_array()) else {
        return (
            Vec::new(),
            vec!["the stored list of your articles has no \"articles\" list".to_string()],
        );
    };
    let mut out: Vec<Article> = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in list.iter().enumerate() {
        match serde_json::from_value::<Article>(item.clone()) {
            Ok(a) if a.id.starts_with("own-") && !a.text.trim().is_empty() => {
                if !out.iter().any(|o| o.id == a.id) {
                    out.push(a);
                }
            }
            Ok(_) => problems.push(format!("article {} has no usable id or text", i + 1)),
            Err(e) => problems.push(format!("article {} is damaged ({e})", i + 1)),
        }
    }
    (out, problems)
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
        }
    }

    #[test]
    fn round_trip() {
        let list = vec![
            article("own-a", "First <script>x</script> text"),
            article("own-b", "Second “quoted” text ✓"),
        ];
        let (back, problems) = parse(&serialize(&list));
        assert_eq!(back, list);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[track_caller]
    fn check(raw: &str, ids: &[&str], problems: usize) {
        let (got, p) = parse(raw);
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
