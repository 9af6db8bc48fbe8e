//! Teacher sessions in the app: the documents a session names, how sources are called in a
//! blind reading, a student's answers as stored and as handed in. The link format itself is
//! `parallax_core::session`. No web-sys here: tested natively.

use parallax_core::notes::Note;
use parallax_core::session::Session;
use parallax_core::sync::{clock_of, Body, Replica, Version};
use parallax_core::{document::id_from_file_name, Document};
use serde::{Deserialize, Serialize};

/// The documents of `session`, in its order: bundled ones looked up in `bundled` (file name,
/// text), the others from the text the link carries. Errors name what is missing.
pub fn documents(session: &Session, bundled: &[(&str, &str)]) -> Result<Vec<Document>, String> {
    let mut docs: Vec<Document> = Vec::new();
    for s in &session.sources {
        if docs.iter().any(|d| d.id == s.id) {
            continue;
        }
        match &s.text {
            Some(text) => docs.push(Document::new(s.id.clone(), text.as_str())),
            None => match bundled.iter().find(|(name, _)| id_from_file_name(name) == s.id) {
                Some((_, text)) => docs.push(Document::new(s.id.clone(), *text)),
                None => {
                    return Err(format!(
                        "This session needs the document “{}”, which this edition of Parallax does not include. Ask your teacher for a link made with the same edition.",
                        s.id
                    ))
                }
            },
        }
    }
    Ok(docs)
}

/// What source `i` is called: "Source A: <title>", or only "Source A" in a blind reading.
pub fn source_name(i: usize, title: &str, blind: bool) -> String {
    let letter = letter(i);
    if blind {
        format!("Source {letter}")
    } else {
        format!("Source {letter}: {title}")
    }
}

fn letter(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s
}

/// One field a student fills in: their name (`"name"`) or the answer to prompt i
/// (`"answer-<i>"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Which field.
    pub id: String,
    /// What the student wrote.
    pub text: String,
    /// When it was last changed (ms since the epoch).
    #[serde(default)]
    pub updated: f64,
}

impl parallax_core::sync::Item for Field {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> f64 {
        self.updated
    }
}

/// A student's answers to one session, as stored on their device: each field a versioned
/// item, so that two tabs of one session merge instead of overwriting each other
/// ([`parallax_core::sync`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Every version of every field.
    pub fields: Replica<Field>,
}

const NAME: &str = "name";

fn answer_id(i: usize) -> String {
    format!("answer-{i}")
}

/// The first stored format: `{"version":1,"name":…,"answers":[…]}`.
#[derive(Deserialize)]
struct AnswersV1 {
    #[serde(default)]
    name: String,
    #[serde(default)]
    answers: Vec<String>,
}

impl Answers {
    /// Reads stored answers (this format or the first); damaged data gives empty answers and
    /// the reason.
    pub fn parse(raw: &str) -> (Answers, Option<String>) {
        let damaged = |e: &dyn std::fmt::Display| {
            Some(format!(
                "Your saved answers for this session could not be read ({e})."
            ))
        };
        let value: serde_json::Value = match serde_json::from_str(raw) {
            Ok(v) => v,
            Err(e) => return (Answers::default(), damaged(&e)),
        };
        let mut out = Answers::default();
        if let Some(list) = value.get("fields").and_then(|f| f.as_array()) {
            for v in list {
                if let (Ok(f), Some(o)) = (Field::deserialize(v), v.as_object()) {
                    out.fields.insert(Version {
                        clock: clock_of(o),
                        body: Body::Live(f),
                    });
                }
            }
            if let Some(map) = value.as_object() {
                out.fields.read_extra(map, |v| Field::deserialize(v).ok());
            }
            return (out, None);
        }
        match AnswersV1::deserialize(&value) {
            Ok(v1) => {
                let old = std::iter::once((NAME.to_string(), v1.name)).chain(
                    v1.answers
                        .into_iter()
                        .enumerate()
                        .map(|(i, a)| (answer_id(i), a)),
                );
                for (id, text) in old.filter(|(_, t)| !t.is_empty()) {
                    out.fields.insert(Version {
                        clock: Default::default(),
                        body: Body::Live(Field {
                            id,
                            text,
                            updated: 0.0,
                        }),
                    });
                }
                (out, None)
            }
            Err(e) => (Answers::default(), damaged(&e)),
        }
    }

    /// The stored form: `{"version":2,"fields":[{"id","text","updated","clock"}…]}` and
    /// the conflicts, if any.
    pub fn serialize(&self) -> String {
        self.fields.to_json(None, 2, "fields")
    }

    fn text(&self, id: &str) -> &str {
        self.fields.get(id).map_or("", |f| f.text.as_str())
    }

    fn put(&mut self, id: String, text: String, at: f64, writer: &str) {
        if self.text(&id) != text {
            self.fields.put(
                Field {
                    id,
                    text,
                    updated: at,
                },
                writer,
            );
        }
    }

    /// Sets the answer to prompt `i`, written by `writer` at `at`.
    pub fn set(&mut self, i: usize, text: String, at: f64, writer: &str) {
        self.put(answer_id(i), text, at, writer);
    }

    /// Sets the student's name.
    pub fn set_name(&mut self, text: String, at: f64, writer: &str) {
        self.put(NAME.to_string(), text, at, writer);
    }

    /// The answer to prompt `i` ("" when none).
    pub fn get(&self, i: usize) -> &str {
        self.text(&answer_id(i))
    }

    /// The student's name ("" when none).
    pub fn name(&self) -> &str {
        self.text(NAME)
    }

    /// What another tab wrote to prompt `i` at the same time, when it differs (a conflict
    /// copy, shown under the answer so that nothing is lost).
    pub fn other_versions(&self, i: usize) -> Vec<&str> {
        let id = answer_id(i);
        self.fields
            .shown()
            .into_iter()
            .filter(|s| s.conflict && s.item.id == id)
            .map(|s| s.item.text.as_str())
            .collect()
    }
}

/// The hand-in file: the session's prompts with the student's answers, then their
/// highlights and notes on the session's documents, as Markdown.
pub fn hand_in(
    session: &Session,
    docs: &[Document],
    answers: &Answers,
    notes: &[Note],
    link: &str,
) -> String {
    let mut out = String::new();
    let title = if session.title.trim().is_empty() {
        "Reading session"
    } else {
        session.title.trim()
    };
    out.push_str(&format!("# {}\n\n", one_line(title)));
    if !answers.name().trim().is_empty() {
        out.push_str(&format!("Student: {}\n\n", one_line(answers.name())));
    }
    out.push_str(&format!("Session link: {link}\n\n"));
    out.push_str("## Sources\n\n");
    for (i, d) in docs.iter().enumerate() {
        out.push_str(&format!(
            "- {}\n",
            one_line(&source_name(i, &d.title, session.blind))
        ));
    }
    out.push_str("\n## Answers\n\n");
    for (i, p) in session.prompts.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", i + 1, one_line(&p.text)));
        if let Some(q) = &p.quote {
            out.push_str(&format!("> {}\n\n", one_line(q)));
        }
        let a = answers.get(i).trim();
        out.push_str(if a.is_empty() { "(no answer)" } else { a });
        out.push_str("\n\n");
    }
    let mine: Vec<&Note> = notes
        .iter()
        .filter(|n| docs.iter().any(|d| d.id == n.doc))
        .collect();
    if !mine.is_empty() {
        out.push_str("## Highlights and notes\n\n");
        for (i, d) in docs.iter().enumerate() {
            let of_doc: Vec<&&Note> = mine.iter().filter(|n| n.doc == d.id).collect();
            if of_doc.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "### {}\n\n",
                one_line(&source_name(i, &d.title, session.blind))
            ));
            for n in of_doc {
                out.push_str(&format!("> {}\n\n", one_line(&n.quote.exact)));
                if !n.text.trim().is_empty() {
                    out.push_str(&format!("{}\n\n", n.text.trim()));
                }
            }
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a safe piece of a file name: letters and digits (lower case) in runs joined by
/// `-`, at most `max` characters; nothing that could be a path, a dot file or a control.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let room = max.saturating_sub(out.chars().count() + usize::from(!out.is_empty()));
        if room == 0 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().take(room));
    }
    out
}

/// The hand-in file's name: `parallax-answers-<student>-<session title>-<date>.md`, each
/// part slugged, a part left out when empty; `date` is `YYYY-MM-DD`.
pub fn hand_in_file_name(student: &str, title: &str, date: &str) -> String {
    let parts: Vec<String> = [slug(student, 40), slug(title, 60), slug(date, 10)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let mut name = "parallax-answers".to_string();
    for p in parts {
        name.push('-');
        name.push_str(&p);
    }
    name + ".md"
}

/// How many rows an answer box needs to show `text` without scrolling, `cols` characters a
/// row: at least 3, at most 30.
pub fn answer_rows(text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    let rows: usize = text
        .split('\n')
        .map(|line| line.chars().count().div_ceil(cols).max(1))
        .sum();
    (rows + 1).clamp(3, 30)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::session::{Prompt, Source};

    fn session(sources: Vec<Source>) -> Session {
        Session {
            title: "Two reports".into(),
            prompts: vec![
                Prompt {
                    text: "Who is quoted?".into(),
                    source: None,
                    quote: None,
                },
                Prompt {
                    text: "Why this word?".into(),
                    source: Some(0),
                    quote: Some("heavy rain".into()),
                },
            ],
            sources,
            hide: vec!["PLACE".into()],
            blind: false,
            collection: String::new(),
        }
    }

    #[test]
    fn hand_in_file_names() {
        #[track_caller]
        fn check(student: &str, title: &str, expected: &str) {
            assert_eq!(hand_in_file_name(student, title, "2026-03-05"), expected);
        }
        check(
            "Ana Pérez",
            "One story, three newsrooms",
            "parallax-answers-ana-pérez-one-story-three-newsrooms-2026-03-05.md",
        );
        check("", "", "parallax-answers-2026-03-05.md");
        check(
            "../../etc/passwd",
            " ",
            "parallax-answers-etc-passwd-2026-03-05.md",
        );
        check(
            "CON",
            "a\u{0}b\tc/d\\e:f*?\"<>|",
            "parallax-answers-con-a-b-c-d-e-f-2026-03-05.md",
        );
        check("..", "...", "parallax-answers-2026-03-05.md");
        check(
            &"x".repeat(100),
            "Ünïcödé ÇAPS",
            &format!(
                "parallax-answers-{}-ünïcödé-çaps-2026-03-05.md",
                "x".repeat(40)
            ),
        );
        check(
            "Ann Lee",
            &"word ".repeat(30),
            &format!(
                "parallax-answers-ann-lee-{}-2026-03-05.md",
                ["word"; 12].join("-")
            ),
        );
    }

    #[test]
    fn answer_box_grows_with_its_text() {
        #[track_caller]
        fn check(text: &str, expected: usize) {
            assert_eq!(answer_rows(text, 40), expected, "{text:?}");
        }
        check("", 3);
        check("short", 3);
        check(&"x".repeat(81), 4);
        check("a\nb\nc\nd", 5);
        check(&"line\n".repeat(100), 30);
    }

    const BUNDLED: &[(&str, &str)] = &[
        (
            "a_1.txt",
            "Floods close the ring road\n\nHeavy rain closed the road on Sunday, police said.",
        ),
        (
            "b_2.txt",
            "Dam bursts after storm\n\nThe dam burst on Monday.",
        ),
    ];

    #[test]
    fn documents_come_from_the_bundle_or_the_link() {
        let s = session(vec![
            Source {
                id: "b_2".into(),
                text: None,
            },
            Source {
                id: "own-x".into(),
                text: Some("Mine\n\n<script>x</script> stays text.".into()),
            },
            Source {
                id: "b_2".into(),
                text: None,
            },
        ]);
        let docs = documents(&s, BUNDLED).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b_2", "own-x"]);
        assert!(docs[1].text.contains("<script>x</script>"));
        let missing = session(vec![Source {
            id: "zzz".into(),
            text: None,
        }]);
        assert!(documents(&missing, BUNDLED).unwrap_err().contains("“zzz”"));
    }

    #[test]
    fn source_names() {
        let cases = [
            (0, false, "Source A: T"),
            (1, true, "Source B"),
            (25, true, "Source Z"),
            (26, true, "Source AA"),
            (27, true, "Source AB"),
        ];
        for (i, blind, want) in cases {
            assert_eq!(source_name(i, "T", blind), want);
        }
    }

    #[test]
    fn answers_written_in_two_tabs_are_merged() {
        let mut a = Answers::default();
        a.set(0, "first".into(), 1.0, "ta");
        let mut b = Answers::parse(&a.serialize()).0;
        b.set(1, "second, from b".into(), 2.0, "tb");
        a.set(0, "first, edited in a".into(), 3.0, "ta");
        b.set(0, "first, edited in b".into(), 2.5, "tb");
        let merged = Answers {
            fields: a.fields.join(&b.fields),
        };
        assert_eq!(merged.get(0), "first, edited in a");
        assert_eq!(merged.other_versions(0), ["first, edited in b"]);
        assert_eq!(merged.get(1), "second, from b");
    }

    #[test]
    fn answers_round_trip_and_damage() {
        let mut a = Answers::default();
        a.set(2, "third".into(), 1.0, "t");
        a.set_name("Sam".into(), 2.0, "t");
        let (back, err) = Answers::parse(&a.serialize());
        assert_eq!(err, None);
        assert_eq!(back, a);
        assert_eq!((back.get(0), back.get(2), back.get(9)), ("", "third", ""));
        assert_eq!(back.name(), "Sam");
        let (v1, err) =
            Answers::parse(r#"{"version":1,"name":"Ana","answers":["one","","three"]}"#);
        assert_eq!(err, None);
        assert_eq!(
            (v1.name(), v1.get(0), v1.get(1), v1.get(2)),
            ("Ana", "one", "", "three")
        );
        let (bad, err) = Answers::parse("{oops");
        assert_eq!(bad, Answers::default());
        assert!(err.is_some());
    }

    #[test]
    fn hand_in_holds_prompts_answers_and_notes() {
        let s = session(vec![Source {
            id: "a_1".into(),
            text: None,
        }]);
        let docs = documents(&s, BUNDLED).unwrap();
        let mut a = Answers::default();
        a.set(0, "The police.".into(), 1.0, "t");
        a.set_name("Sam".into(), 1.0, "t");
        let quote =
            parallax_core::anchor::describe(&docs[0].text, parallax_core::Span::new(28, 38));
        let note = Note {
            id: "n1".into(),
            doc: "a_1".into(),
            quote: quote.clone(),
            start: 8,
            end: 18,
            colour: parallax_core::notes::Colour::Green,
            text: "strong words".into(),
            created: 0.0,
            updated: 0.0,
        };
        let md = hand_in(&s, &docs, &a, &[note], "http://x/#/session/1.abc");
        for want in [
            "# Two reports",
            "Student: Sam",
            "Who is quoted?",
            "The police.",
            "(no answer)",
            "> heavy rain",
            "strong words",
            &format!("> {}", quote.exact),
            "Source A: Floods close the ring road",
        ] {
            assert!(md.contains(want), "missing {want:?} in\n{md}");
        }
        let blind = Session { blind: true, ..s };
        assert!(!hand_in(&blind, &docs, &a, &[], "l").contains("Floods close"));
    }
}
