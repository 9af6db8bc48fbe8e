//! Teacher sessions: a set of texts, questions and view settings that travel inside a link,
//! in the URL fragment `#/session/<payload>`, so that no server is needed.
//!
//! The payload is `1.` (the format version, [`SESSION_VERSION`], and a dot) followed by the
//! session as JSON with short field names, compressed with raw DEFLATE and written in
//! base64url without padding: only letters, digits, `-`, `_` and `.`, which need no escaping
//! in a URL fragment. [`decode`] accepts the payload with or without percent-encoding, with
//! whitespace around it, or inside a whole link (a query after it, `?s=2`, is ignored); it refuses payloads over
//! [`MAX_PAYLOAD_CHARS`] and sessions that would decompress to more than [`MAX_JSON_BYTES`],
//! and it checks what it reads ([`validate`]): an invalid session is an error, never a panic.

use crate::import::MAX_ARTICLE_CHARS;
use crate::model::Label;
use data_encoding::BASE64URL_NOPAD;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The payload format [`encode`] writes (the number before the dot).
pub const SESSION_VERSION: u32 = 1;

/// Longest payload [`decode`] reads, in characters.
pub const MAX_PAYLOAD_CHARS: usize = crate::classroom::limits::SESSION_PAYLOAD_CHARS;

/// Largest session JSON [`decode`] decompresses, in bytes (4 MiB).
pub const MAX_JSON_BYTES: usize = crate::classroom::limits::SESSION_JSON_BYTES;

/// Longest collection name a session carries, in characters.
pub const MAX_COLLECTION_CHARS: usize = 200;

/// What precedes the payload in the app's URL.
pub const FRAGMENT_PREFIX: &str = "#/session/";

/// A teacher's session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Session {
    /// The session's title.
    #[serde(rename = "t", default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Questions for the students, in order.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<Prompt>,
    /// The texts to read (at least one).
    #[serde(rename = "s", default)]
    pub sources: Vec<Source>,
    /// Labels whose marks are hidden, by name ("PLACE"; see [`Label::as_str`]).
    #[serde(rename = "h", default, skip_serializing_if = "Vec::is_empty")]
    pub hide: Vec<String>,
    /// Blind reading: sources are shown without their names.
    #[serde(rename = "b", default, skip_serializing_if = "is_false")]
    pub blind: bool,
    /// The collection (one story) the sources belong to, by name; empty in links made before
    /// collections existed, and for the bundled story.
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    pub collection: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A question for the students.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Prompt {
    /// The question.
    #[serde(rename = "t", default)]
    pub text: String,
    /// The source it is about (an index into [`Session::sources`]); `None` for the whole
    /// session.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<usize>,
    /// The passage it is about, quoted.
    #[serde(rename = "q", default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A text of the session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Source {
    /// The document id (a bundled document's, or a name for an inline text).
    #[serde(rename = "i", default)]
    pub id: String,
    /// The text itself; `None` for a document bundled with the app.
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Why a session link cannot be opened. `Display` gives a sentence for the student; the
/// detail of [`Damaged`](SessionError::Damaged) is for the teacher or a bug report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// Nothing after `#/session/`.
    Empty,
    /// The link or the session it holds is too large.
    TooLarge {
        /// Characters of the payload, or bytes of the session when it decompresses to more
        /// than [`MAX_JSON_BYTES`].
        size: usize,
        /// The limit that was passed.
        limit: usize,
    },
    /// Not a Parallax session: no version and dot in front, or an unknown format.
    Foreign,
    /// Made by a newer Parallax, with this format version.
    NewerVersion(u32),
    /// Cut off, altered, or holding something invalid; the detail says what.
    Damaged(String),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Empty => write!(
                f,
                "This session link is empty. Ask your teacher for the link again."
            ),
            SessionError::TooLarge { .. } => write!(
                f,
                "This session is too large for Parallax to open. Ask your teacher for a session \
                 with fewer or shorter texts."
            ),
            SessionError::Foreign => write!(
                f,
                "This is not a Parallax session link. Check that you copied the whole link your \
                 teacher gave you."
            ),
            SessionError::NewerVersion(v) => write!(
                f,
                "This session was made with a newer version of Parallax (session format {v}). \
                 Reload the page to get the newest Parallax, or ask your teacher."
            ),
            SessionError::Damaged(_) => write!(
                f,
                "This session link is damaged (perhaps cut off when it was copied). Ask your \
                 teacher for the link again."
            ),
        }
    }
}

impl std::error::Error for SessionError {}

/// The payload of `session`: `1.` and its compressed JSON in base64url. It does not check
/// the session: call [`validate`] first, and mind [`MAX_PAYLOAD_CHARS`].
pub fn encode(session: &Session) -> String {
    // Serialising strings, numbers and booleans cannot fail.
    let json = serde_json::to_vec(session).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{SESSION_VERSION}.{}", BASE64URL_NOPAD.encode(&packed))
}

/// The app's URL fragment for `session`: `#/session/` and its payload.
pub fn fragment(session: &Session) -> String {
    format!("{FRAGMENT_PREFIX}{}", encode(session))
}

/// The payload as [`encode`] wrote it: whitespace trimmed, a leading link or fragment
/// (anything up to `#/session/`) and a trailing query (`?s=2`, which the payload alphabet
/// cannot hold) dropped, percent-encoding decoded.
fn canonical(payload: &str) -> Result<String, SessionError> {
    let p = payload.trim();
    let p = match p.find(FRAGMENT_PREFIX) {
        Some(k) => &p[k + FRAGMENT_PREFIX.len()..],
        None => p.strip_prefix("/session/").unwrap_or(p),
    };
    let p = p.split('?').next().unwrap_or(p).trim_end();
    if p.len() > MAX_PAYLOAD_CHARS {
        return Err(SessionError::TooLarge {
            size: p.chars().count(),
            limit: MAX_PAYLOAD_CHARS,
        });
    }
    if !p.contains('%') {
        return Ok(p.to_string());
    }
    let b = p.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    SessionError::Damaged(
                        "a % in the link is not followed by two hex digits".into(),
                    )
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out)
        .map_err(|_| SessionError::Damaged("the link's percent-encoding is not UTF-8".into()))?;
    Ok(s.split('?').next().unwrap_or("").trim().to_string())
}

/// Reads a session from its payload (see the module docs for what is accepted).
pub fn decode(payload: &str) -> Result<Session, SessionError> {
    let p = canonical(payload)?;
    if p.is_empty() {
        return Err(SessionError::Empty);
    }
    let (version, body) = p.split_once('.').ok_or(SessionError::Foreign)?;
    if version.is_empty() || !version.bytes().all(|c| c.is_ascii_digit()) {
        return Err(SessionError::Foreign);
    }
    match version.parse::<u32>() {
        Ok(SESSION_VERSION) => {}
        Ok(v) if v > SESSION_VERSION => return Err(SessionError::NewerVersion(v)),
        _ => return Err(SessionError::Foreign),
    }
    let body = body.trim_end_matches('=');
    let packed = BASE64URL_NOPAD
        .decode(body.as_bytes())
        .map_err(|e| SessionError::Damaged(format!("the link's letters are garbled ({e})")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => SessionError::TooLarge {
                size: e.output.len(),
                limit: MAX_JSON_BYTES,
            },
            _ => SessionError::Damaged(format!("the compressed session is damaged ({e})")),
        })?;
    let session: Session = serde_json::from_slice(&json)
        .map_err(|e| SessionError::Damaged(format!("the session's data is damaged ({e})")))?;
    validate(&session)?;
    Ok(session)
}

/// Checks a session: at least one source; every source named, the names distinct, inline
/// texts not empty and at most [`MAX_ARTICLE_CHARS`] characters; hidden labels known (names
/// as [`Label::as_str`] writes them); every prompt's source in range. The error is
/// [`SessionError::Damaged`] with a sentence saying what is wrong.
pub fn validate(session: &Session) -> Result<(), SessionError> {
    let bad = |s: String| Err(SessionError::Damaged(s));
    if session.sources.is_empty() {
        return bad("the session has no texts".into());
    }
    for (i, s) in session.sources.iter().enumerate() {
        if s.id.trim().is_empty() {
            return bad(format!("text {} has no name", i + 1));
        }
        if session.sources[..i].iter().any(|o| o.id == s.id) {
            return bad(format!("two texts are both called \"{}\"", s.id));
        }
        if let Some(t) = &s.text {
            if t.trim().is_empty() {
                return bad(format!("text \"{}\" is empty", s.id));
            }
            let n = t.chars().count();
            if n > MAX_ARTICLE_CHARS {
                return bad(format!(
                    "text \"{}\" has {n} characters, more than the {MAX_ARTICLE_CHARS} Parallax reads",
                    s.id
                ));
            }
        }
    }
    for h in &session.hide {
        if !Label::ALL.iter().any(|l| l.as_str() == h) {
            return bad(format!(
                "\"{h}\" is not a kind of name Parallax marks (those are {})",
                label_names()
            ));
        }
    }
    if session.collection.chars().count() > MAX_COLLECTION_CHARS {
        return bad(format!(
            "the collection's name is longer than {MAX_COLLECTION_CHARS} characters"
        ));
    }
    let n = session.sources.len();
    for (i, p) in session.prompts.iter().enumerate() {
        if let Some(k) = p.source.filter(|&k| k >= n) {
            return bad(format!(
                "question {} is about text {}, but the session has {n} text{}",
                i + 1,
                k + 1,
                if n == 1 { "" } else { "s" }
            ));
        }
    }
    Ok(())
}

/// The label names, comma-separated: "PERSON, ORG, PLACE, GROUP, DATE, NUMBER".
pub fn label_names() -> String {
    Label::ALL
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short stable key for a payload (16 hex digits of its 64-bit FNV-1a hash), for keeping a
/// student's answers per session. The same link percent-encoded or not, or with whitespace
/// around it, has the same key.
pub fn key(payload: &str) -> String {
    let canon = canonical(payload).unwrap_or_else(|_| payload.trim().to_string());
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canon.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Session {
        Session {
            title: "Storm coverage — compare the sources".into(),
            prompts: vec![
                Prompt {
                    text: "Who is quoted?".into(),
                    source: None,
                    quote: None,
                },
                Prompt {
                    text: "Why \"worst\"?".into(),
                    source: Some(1),
                    quote: Some("the worst in years".into()),
                },
            ],
            sources: vec![
                Source {
                    id: "002_3a84a08c5ea05fd3".into(),
                    text: None,
                },
                Source {
                    id: "my-article".into(),
                    text: Some("Zoë wrote: <script>window.__pwned=1</script> 😀".into()),
                },
            ],
            hide: vec!["PLACE".into(), "DATE".into()],
            blind: true,
            collection: "Storm coverage".into(),
        }
    }

    fn fragment_safe(p: &str) -> bool {
        p.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
    }

    #[test]
    fn round_trip_and_forms_accepted() {
        let s = sample();
        let p = encode(&s);
        assert!(p.starts_with("1."), "{p}");
        assert!(fragment_safe(&p), "{p}");
        let encoded_dot = p.replacen('.', "%2E", 1);
        let forms = [
            p.clone(),
            format!("{p}\n"),
            format!("  {p} \t"),
            encoded_dot.clone(),
            format!("{encoded_dot}%20"),
            format!("https://example.org/parallax/#/session/{p}"),
            format!("#/session/{p}"),
            format!("{p}?s=2"),
            format!("https://example.org/#/session/{p}?handout\n"),
            format!("{encoded_dot}%3Fs%3D2"),
            format!("{p}=="),
        ];
        for f in &forms {
            assert_eq!(decode(f), Ok(s.clone()), "form {f:?}");
        }
        let k = key(&p);
        assert_eq!(k.len(), 16);
        for f in &forms[..10] {
            assert_eq!(key(f), k, "key of {f:?}");
        }
        assert_eq!(fragment(&s), format!("#/session/{p}"));
    }

    #[test]
    fn short_field_names_keep_links_small() {
        let s = Session {
            sources: vec![Source {
                id: "a".into(),
                text: None,
            }],
            ..Session::default()
        };
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"s":[{"i":"a"}]}"#);
        assert!(encode(&s).len() < 30, "{}", encode(&s));
    }

    #[test]
    fn links_made_before_collections_still_open() {
        // `{"t":"Old","s":[{"i":"a"}]}` as a link of the first format, without "c".
        let old = Session {
            title: "Old".into(),
            sources: vec![Source {
                id: "a".into(),
                text: None,
            }],
            ..Session::default()
        };
        let payload = encode(&old);
        let back = decode(&payload).expect("an old link decodes");
        assert_eq!(back.collection, "", "no collection: the bundled story");
        let with = Session {
            collection: "Marathon".into(),
            ..old
        };
        assert_eq!(
            decode(&encode(&with)).map(|s| s.collection),
            Ok("Marathon".into())
        );
        let long = Session {
            collection: "x".repeat(MAX_COLLECTION_CHARS + 1),
            ..with
        };
        assert!(validate(&long).is_err());
    }

    #[test]
    fn errors_table() {
        use SessionError::*;
        let good = encode(&sample());
        let body = &good[2..];
        let bomb = Session {
            title: " ".repeat(MAX_JSON_BYTES),
            ..sample()
        };
        let big = format!("1.{}", "A".repeat(MAX_PAYLOAD_CHARS));
        let rows: Vec<(&str, String, SessionError)> = vec![
            ("empty", String::new(), Empty),
            ("whitespace", " \n".into(), Empty),
            ("fragment only", "#/session/".into(), Empty),
            ("hello", "hello".into(), Foreign),
            ("words with a dot", "hello.world".into(), Foreign),
            ("version zero", format!("0.{body}"), Foreign),
            ("huge version", format!("99999999999.{body}"), Foreign),
            ("newer", "2.xxx".into(), NewerVersion(2)),
            ("much newer", format!("17.{body}"), NewerVersion(17)),
            (
                "too large",
                big,
                TooLarge {
                    size: MAX_PAYLOAD_CHARS + 2,
                    limit: MAX_PAYLOAD_CHARS,
                },
            ),
        ];
        for (name, payload, want) in rows {
            let got = decode(&payload);
            assert_eq!(got, Err(want), "case {name}");
        }
        let bomb = encode(&bomb);
        assert!(bomb.len() < 10_000, "{} characters", bomb.len());
        let got = decode(&bomb);
        assert!(
            matches!(
                got,
                Err(TooLarge {
                    limit: MAX_JSON_BYTES,
                    ..
                })
            ),
            "decompression bomb: {got:?}"
        );
    }

    #[track_caller]
    fn check_damaged(name: &str, payload: &str, detail: &str) {
        match decode(payload) {
            Err(SessionError::Damaged(d)) => {
                assert!(
                    d.contains(detail),
                    "case {name}: detail {d:?} lacks {detail:?}"
                )
            }
            other => panic!("case {name}: expected Damaged({detail:?}), got {other:?}"),
        }
    }

    #[test]
    fn damaged_table() {
        let good = encode(&sample());
        let json = |j: &str| {
            format!(
                "1.{}",
                BASE64URL_NOPAD.encode(&miniz_oxide::deflate::compress_to_vec(j.as_bytes(), 6))
            )
        };
        check_damaged("cut off", &good[..good.len() - 10], "");
        check_damaged("cut to the dot", "1.", "compressed");
        check_damaged("not base64", "1.abc$def", "garbled");
        check_damaged("bad percent", "1.ab%zz", "hex digits");
        check_damaged(
            "random base64",
            "1.SGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGRlZmxhdGU",
            "",
        );
        check_damaged("not JSON", &json("hello"), "data is damaged");
        check_damaged("JSON of another shape", &json("[1,2,3]"), "data is damaged");
        check_damaged("no sources", &json(r#"{"t":"x"}"#), "has no texts");
        check_damaged(
            "nameless source",
            &json(r#"{"s":[{"i":" "}]}"#),
            "text 1 has no name",
        );
        check_damaged(
            "same name twice",
            &json(r#"{"s":[{"i":"a"},{"i":"a","x":"t"}]}"#),
            "both called \"a\"",
        );
        check_damaged(
            "empty text",
            &json(r#"{"s":[{"i":"a","x":""}]}"#),
            "is empty",
        );
        check_damaged(
            "unknown label",
            &json(r#"{"s":[{"i":"a"}],"h":["PLACE","COLOUR"]}"#),
            "\"COLOUR\" is not a kind of name",
        );
        check_damaged(
            "label in lower case",
            &json(r#"{"s":[{"i":"a"}],"h":["place"]}"#),
            "\"place\" is not",
        );
        check_damaged(
            "prompt out of range",
            &json(r#"{"s":[{"i":"a"}],"p":[{"t":"q"},{"t":"r","s":1}]}"#),
            "question 2 is about text 2, but the session has 1 text",
        );
        let long = format!(
            r#"{{"s":[{{"i":"a","x":"{}"}}]}}"#,
            "é".repeat(MAX_ARTICLE_CHARS + 1)
        );
        check_damaged("text too long", &json(&long), "100001 characters");
        // Unknown fields are ignored (a later 1.x may add optional ones).
        assert!(decode(&json(r#"{"s":[{"i":"a","z":1}],"future":true}"#)).is_ok());
    }

    #[test]
    fn every_truncation_is_refused() {
        let good = encode(&sample());
        for cut in 2..good.len() {
            let got = decode(&good[..cut]);
            assert!(
                matches!(got, Err(SessionError::Damaged(_))),
                "cut at {cut}: {got:?}"
            );
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            SessionError::Damaged("x".into()).to_string(),
            "This session link is damaged (perhaps cut off when it was copied). Ask your \
             teacher for the link again."
        );
        assert_eq!(
            SessionError::NewerVersion(2).to_string(),
            "This session was made with a newer version of Parallax (session format 2). Reload \
             the page to get the newest Parallax, or ask your teacher."
        );
        assert!(SessionError::Foreign
            .to_string()
            .starts_with("This is not a Parallax session link."));
    }

    #[test]
    fn key_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(key(""), "cbf29ce484222325");
        assert_eq!(key("a"), "af63dc4c8601ec8c");
        assert_eq!(key("foobar"), "85944171f73967e8");
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,40}",
            "[<>\"'&/a-z ]{0,40}",
            Just("<script>window.__pwned=1</script>".to_string()),
            Just("Zoë — “quoted” 😀 العربية 中文".to_string()),
        ]
    }

    fn arb_session() -> impl Strategy<Value = Session> {
        (
            text(),
            proptest::collection::vec((text(), any::<bool>()), 1..4),
            proptest::collection::vec(
                (text(), any::<Option<usize>>(), proptest::option::of(text())),
                0..4,
            ),
            proptest::sample::subsequence(Label::ALL.to_vec(), 0..=6),
            any::<bool>(),
        )
            .prop_map(|(title, sources, prompts, hide, blind)| {
                let n = sources.len();
                Session {
                    title,
                    sources: sources
                        .into_iter()
                        .enumerate()
                        .map(|(i, (t, inline))| Source {
                            id: format!("{i}-{}", t.chars().take(5).collect::<String>()),
                            text: (inline && !t.trim().is_empty()).then_some(t),
                        })
                        .collect(),
                    prompts: prompts
                        .into_iter()
                        .map(|(text, s, quote)| Prompt {
                            text,
                            source: s.map(|k| k % n),
                            quote,
                        })
                        .collect(),
                    hide: hide.iter().map(|l| l.as_str().to_string()).collect(),
                    blind,
                    collection: String::new(),
                }
            })
    }

    proptest! {
        #[test]
        fn round_trip(s in arb_session()) {
            prop_assert_eq!(validate(&s), Ok(()));
            let p = encode(&s);
            prop_assert!(fragment_safe(&p), "{}", p);
            prop_assert_eq!(decode(&p), Ok(s.clone()));
            prop_assert_eq!(decode(&format!("{FRAGMENT_PREFIX}{p}\n")), Ok(s));
        }

        #[test]
        fn random_base64_is_damaged(body in "[A-Za-z0-9_-]{0,200}") {
            let got = decode(&format!("1.{body}"));
            prop_assert!(matches!(got, Err(SessionError::Damaged(_))), "{:?}", got);
        }

        #[test]
        fn never_panics(p in "\\PC{0,100}") {
            let _ = decode(&p);
            prop_assert_eq!(key(&p).len(), 16);
        }
    }
}
