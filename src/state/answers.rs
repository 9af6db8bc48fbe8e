//! A student's answers to one session, as stored on their device and as the session page
//! holds them: a struct, an action enum and one pure reducer (no web-sys; tested natively).
//! Saving is `crate::persisted`'s; the page dispatches.

use crate::persisted::{Parsed, Persist, Stored};
use parallax_core::sync::{clock_of, Body, Replica, Version};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

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

impl Stored for Answers {
    fn parse(raw: &str) -> Parsed<Self> {
        let (value, problem) = Answers::parse(raw);
        Parsed {
            value,
            problems: problem.into_iter().collect(),
            ..Parsed::default()
        }
    }
    fn serialize(&self) -> String {
        Answers::serialize(self)
    }
    fn join(&self, other: &Self) -> Self {
        Answers {
            fields: self.fields.join(&other.fields),
        }
    }
}

/// A session's answers as this tab holds them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswersState {
    /// Every version of every field this tab knows.
    pub answers: Answers,
    /// This tab's writer id in the fields' version clocks.
    pub writer: String,
    /// Counts changes made in this tab; the page saves when it moves.
    pub revision: u64,
}

/// What can happen to a session's answers.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswersAction {
    /// The answer to prompt `i` is now `text` (typed at `at`, ms since the epoch).
    Answer {
        /// The prompt's position.
        i: usize,
        /// The whole answer.
        text: String,
        /// When.
        at: f64,
    },
    /// The student's name is now `text`.
    Name {
        /// The whole name.
        text: String,
        /// When.
        at: f64,
    },
    /// What another tab stored: merged in (nothing to save).
    Stored(String),
    /// What the last save wrote (this tab's answers merged with what was stored).
    Merged(Answers),
}

impl AnswersState {
    /// The answers `answers` (as read from storage), changed from now on as `writer`.
    pub fn new(writer: &str, answers: Answers) -> AnswersState {
        AnswersState {
            answers,
            writer: writer.to_string(),
            revision: 0,
        }
    }
}

impl Reducible for AnswersState {
    type Action = AnswersAction;

    /// The state after `action` (`self` again when nothing changed).
    fn reduce(self: Rc<Self>, action: AnswersAction) -> Rc<Self> {
        let mut answers = self.answers.clone();
        let mine = match action {
            AnswersAction::Answer { i, text, at } => {
                answers.set(i, text, at, &self.writer);
                true
            }
            AnswersAction::Name { text, at } => {
                answers.set_name(text, at, &self.writer);
                true
            }
            AnswersAction::Stored(raw) => {
                answers = Stored::join(&answers, &Answers::parse(&raw).0);
                false
            }
            AnswersAction::Merged(merged) => {
                answers = merged;
                false
            }
        };
        if answers == self.answers {
            return self;
        }
        Rc::new(AnswersState {
            answers,
            writer: self.writer.clone(),
            revision: self.revision + u64::from(mine),
        })
    }
}

impl Persist for AnswersState {
    type Value = Answers;
    fn value(&self) -> &Answers {
        &self.answers
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn merged(value: Answers) -> AnswersAction {
        AnswersAction::Merged(value)
    }
    fn stored(raw: String) -> AnswersAction {
        AnswersAction::Stored(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yew::Reducible;

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

    /// The answers shown after `actions` (tab "ta"), written `name | answer 0 | answer 1`,
    /// then `| rev N` (changes this tab must save).
    #[track_caller]
    fn check(actions: &[AnswersAction], expected: &str) {
        let s = actions.iter().fold(
            Rc::new(AnswersState::new("ta", Answers::default())),
            |s, a| s.clone().reduce(a.clone()),
        );
        let a = &s.answers;
        let mut first = a.get(0).to_string();
        for other in a.other_versions(0) {
            first.push_str(&format!(" (also {other})"));
        }
        let got = format!("{} | {first} | {}", a.name(), a.get(1));
        assert_eq!(
            format!("{got} | rev {}", s.revision),
            expected,
            "{actions:?}"
        );
    }

    fn answer(i: usize, text: &str, at: f64) -> AnswersAction {
        AnswersAction::Answer {
            i,
            text: text.into(),
            at,
        }
    }

    /// What another tab (writer "tb") stored after writing `text` as answer 0 at `at`.
    fn other_tab(text: &str, at: f64) -> String {
        let mut a = Answers::default();
        a.set(0, text.into(), at, "tb");
        a.serialize()
    }

    #[test]
    fn answers_state() {
        use AnswersAction::*;
        check(&[], " |  |  | rev 0");
        check(&[answer(0, "first", 1.0)], " | first |  | rev 1");
        check(
            &[
                Name {
                    text: "Sam".into(),
                    at: 1.0,
                },
                answer(1, "b", 2.0),
            ],
            "Sam |  | b | rev 2",
        );
        // The same text again is no change (nothing to save).
        check(
            &[answer(0, "same", 1.0), answer(0, "same", 2.0)],
            " | same |  | rev 1",
        );
        // Another tab's answer is merged in, never saved again from here.
        check(&[Stored(other_tab("theirs", 1.0))], " | theirs |  | rev 0");
        // Written in both at once: the later shown, the other kept beside it.
        check(
            &[answer(0, "mine", 2.0), Stored(other_tab("theirs", 1.0))],
            " | mine (also theirs) |  | rev 1",
        );
        check(
            &[answer(0, "mine", 1.0), Stored("{oops".into())],
            " | mine |  | rev 1",
        );
        let mut merged = Answers::default();
        merged.set(1, "from the store".into(), 1.0, "tb");
        // What a save wrote (the merge) is what is shown.
        check(&[Merged(merged)], " |  | from the store | rev 0");
    }
}
