//! What the app asks the engine and what it answers, as JSON text: the messages between the
//! page and the engine's Web Worker (crates/parallax-engine). [`answer`] is the whole engine
//! side, pure but for the clock it is given (for timings).

use crate::{analyse, Document, Snapshot};
use serde::{Deserialize, Serialize};

/// What the worker posts once it listens.
pub const READY: &str = "ready";

/// Warm-up: at least this many runs of the analysis before measuring...
const WARM_UP: usize = 10;
/// ...and at least this long (ms), while the browser compiles hot code in the background...
const WARM_UP_MS: f64 = 500.0;
/// ...but never more runs than this.
const WARM_UP_MAX: usize = 30;

/// One document to analyse: its id and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocText {
    /// Identifier (a file stem or an own article's id).
    pub id: String,
    /// The text as read.
    pub text: String,
}

/// A request to the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Analyse `docs` together and compare every pair: answered with a [`Snapshot`].
    Analyse {
        /// Matches the reply to the request.
        id: u32,
        /// The documents, in library order.
        docs: Vec<DocText>,
    },
    /// Read a file (or a paste, `name` None) as an article: answered with an
    /// [`Imported`](crate::import::Imported) or the reason it was refused. In the engine
    /// because extracting a page's article (feature `extract`) is engine work.
    Import {
        /// Matches the reply to the request.
        id: u32,
        /// The file's name (its extension says the format).
        name: Option<String>,
        /// The file's bytes, base64.
        base64: String,
    },
    /// Time the analysis of `docs` (as an added article is analysed) once compiled:
    /// answered with a [`Timing`].
    Time {
        /// Matches the reply to the request.
        id: u32,
        /// The documents.
        docs: Vec<DocText>,
        /// Measured runs after the warm-up.
        runs: usize,
    },
}

/// Timings of the analysis once compiled, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    /// Median of the measured runs.
    pub median: f64,
    /// Fastest run.
    pub min: f64,
    /// Slowest run.
    pub max: f64,
    /// Warm-up runs before measuring.
    pub warm_up: usize,
    /// Building the gazetteer tables, before the first run.
    pub tables: f64,
}

/// What the engine answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The analysed library, and how long the work took (ms).
    Snapshot(Snapshot, f64),
    /// Timings.
    Timing(Timing),
    /// The article read from a file.
    Imported(crate::import::Imported),
    /// The request could not be read.
    Error(String),
}

/// The reply to request `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The request's id (0 when it could not be read).
    pub id: u32,
    /// The answer.
    pub answer: Answer,
}

/// The documents of `docs`.
fn documents(docs: Vec<DocText>) -> Vec<Document> {
    docs.into_iter()
        .map(|d| Document::new(d.id, d.text))
        .collect()
}

/// Answers `request` (JSON of a [`Request`]) with JSON of a [`Reply`]; `now` reads a clock
/// in milliseconds, for the timings.
pub fn answer(request: &str, now: &mut dyn FnMut() -> f64) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Err(e) => Reply {
            id: 0,
            answer: Answer::Error(format!("the engine cannot read this request: {e}")),
        },
        Ok(Request::Analyse { id, docs }) => {
            let t = now();
            let snap = Snapshot::build(documents(docs));
            Reply {
                id,
                answer: Answer::Snapshot(snap, now() - t),
            }
        }
        Ok(Request::Import { id, name, base64 }) => Reply {
            id,
            answer: import(name.as_deref(), &base64),
        },
        Ok(Request::Time { id, docs, runs }) => Reply {
            id,
            answer: Answer::Timing(time(&documents(docs), runs.clamp(1, 50), now)),
        },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Reads the file of `base64` bytes named `name`.
fn import(name: Option<&str>, base64: &str) -> Answer {
    match data_encoding::BASE64.decode(base64.as_bytes()) {
        Err(e) => Answer::Error(format!("the engine cannot read this file's bytes: {e}")),
        Ok(bytes) => match crate::import::import(Some(name.unwrap_or("pasted.txt")), &bytes) {
            Ok(imported) => Answer::Imported(imported),
            Err(e) => Answer::Error(e.to_string()),
        },
    }
}

/// Warm-up runs of the analysis, then the median of `runs` measured ones.
fn time(docs: &[Document], runs: usize, now: &mut dyn FnMut() -> f64) -> Timing {
    let t = now();
    crate::entities::lexicon::warm_up();
    let tables = now() - t;
    let run = |now: &mut dyn FnMut() -> f64| {
        let t = now();
        drop(analyse(docs));
        now() - t
    };
    let start = now();
    let mut warm_up = 0;
    while warm_up < WARM_UP_MAX && (warm_up < WARM_UP || now() - start < WARM_UP_MS) {
        run(now);
        warm_up += 1;
    }
    let mut measured: Vec<f64> = (0..runs).map(|_| run(now)).collect();
    measured.sort_by(f64::total_cmp);
    Timing {
        median: measured[measured.len() / 2],
        min: measured[0],
        max: measured[measured.len() - 1],
        warm_up,
        tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> impl FnMut() -> f64 {
        let mut t = 0.0;
        move || {
            t += 1.0;
            t
        }
    }

    #[track_caller]
    fn check(request: &str, expect: impl Fn(&Reply) -> bool) {
        let reply: Reply = serde_json::from_str(&answer(request, &mut clock())).expect("JSON");
        assert!(expect(&reply), "{request} -> {reply:?}");
    }

    #[test]
    fn answers_each_kind_of_request() {
        let docs = r#"[{"id":"a","text":"Floods\n\nHeavy rain closed the ring road in Leeds on Sunday, police said."}]"#;
        check(
            &format!(r#"{{"kind":"analyse","id":7,"docs":{docs}}}"#),
            |r| {
                r.id == 7
                    && matches!(&r.answer, Answer::Snapshot(s, ms) if s.docs.len() == 1 && *ms > 0.0
                    && !s.analysis.docs[0].mentions.is_empty())
            },
        );
        check(
            &format!(r#"{{"kind":"time","id":8,"docs":{docs},"runs":3}}"#),
            |r| {
                r.id == 8
                    && matches!(r.answer, Answer::Timing(t) if t.warm_up >= WARM_UP && t.min <= t.median && t.median <= t.max)
            },
        );
        let page = data_encoding::BASE64.encode(b"<html><body><h1>Floods</h1><p>Rain closed roads in Leeds.</p><script>x()</script></body></html>");
        check(
            &format!(r#"{{"kind":"import","id":9,"name":"a.html","base64":"{page}"}}"#),
            |r| {
                r.id == 9
                    && matches!(&r.answer, Answer::Imported(i) if i.text.contains("Leeds") && !i.text.contains("x()"))
            },
        );
        check(
            r#"{"kind":"import","id":10,"name":"a.txt","base64":"AAAA"}"#,
            |r| matches!(&r.answer, Answer::Error(e) if !e.is_empty()),
        );
        check("not json", |r| {
            r.id == 0 && matches!(&r.answer, Answer::Error(e) if e.contains("cannot read"))
        });
        check(r#"{"kind":"fly","id":1}"#, |r| {
            matches!(r.answer, Answer::Error(_))
        });
    }

    #[test]
    fn the_snapshot_is_the_one_the_build_makes() {
        let docs = vec![DocText {
            id: "x".into(),
            text: "Title\n\nThe mayor of Springfield opened the bridge on Monday.".into(),
        }];
        let request = serde_json::to_string(&Request::Analyse {
            id: 1,
            docs: docs.clone(),
        })
        .unwrap();
        let reply: Reply = serde_json::from_str(&answer(&request, &mut clock())).unwrap();
        let Answer::Snapshot(snap, _) = reply.answer else {
            panic!("{reply:?}")
        };
        assert_eq!(snap, Snapshot::build(documents(docs)));
    }
}
