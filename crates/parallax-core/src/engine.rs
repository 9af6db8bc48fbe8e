//! What the app asks the engine and what it answers, as JSON text: the messages between the
//! page and the engine's Web Worker (crates/parallax-engine). [`Engine::answer`] is the whole
//! engine side, pure but for the clock it is given (for timings) and the snapshots it keeps
//! (so that it can answer with what changed, see [`crate::delta`]).
//!
//! Every message carries the protocol's version `v` ([`PROTOCOL`]): the page writes requests
//! with [`request_json`] and reads replies with [`read_reply`], and each side refuses a message
//! of another version with a sentence saying to reload the page (a page and an engine from two
//! builds meet when a cached copy of one outlives the other).

use crate::delta::{fingerprint, Delta};
use crate::{analyse, Document, Snapshot};
use serde::{Deserialize, Serialize};

/// What the worker posts once it listens.
pub const READY: &str = "ready";

/// The version of the messages: 1 had no `v` and answered every analysis with the whole
/// snapshot; 2 answers with what changed from the snapshot the page holds ([`Base`]).
pub const PROTOCOL: u32 = 2;

/// How many snapshots the engine keeps to answer with what changed (the latest of each
/// collection the page asked about, and the one before).
const KEPT: usize = 4;

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
    /// Analyse `docs` together and compare every pair: answered with what changed from
    /// `base` ([`Answer::Delta`]) when the engine holds it or can make it again, else with the
    /// whole [`Snapshot`].
    Analyse {
        /// Matches the reply to the request.
        id: u32,
        /// The documents, in library order.
        docs: Vec<DocText>,
        /// The snapshot of these documents' collection that the page holds, if any.
        #[serde(default)]
        base: Option<Base>,
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

/// The snapshot a page holds for a collection, as it names it to the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Base {
    /// Its [`fingerprint`], as the engine gave it (or of the build's snapshot).
    pub hash: u64,
    /// Its documents' ids, in order.
    pub ids: Vec<String>,
    /// The texts of its documents that the request no longer sends (removed articles), so
    /// that an engine that does not hold the snapshot can make it again.
    pub gone: Vec<DocText>,
}

impl Base {
    /// The base of `held` (fingerprint `hash`) for a request sending `docs`.
    pub fn of(held: &Snapshot, hash: u64, docs: &[Document]) -> Base {
        Base {
            hash,
            ids: held.docs.iter().map(|d| d.id.clone()).collect(),
            gone: held
                .docs
                .iter()
                .filter(|d| !docs.iter().any(|x| x.id == d.id && x.text == d.text))
                .map(|d| DocText {
                    id: d.id.clone(),
                    text: d.text.clone(),
                })
                .collect(),
        }
    }
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
    /// The analysed collection whole.
    Snapshot {
        /// The snapshot.
        snapshot: Snapshot,
        /// Its [`fingerprint`], the name of a later request's [`Base`].
        hash: u64,
        /// How long the work took (ms).
        ms: f64,
    },
    /// The analysed collection as what changed from the request's [`Base`].
    Delta {
        /// The changes ([`Delta::apply`] them to the base with the request's documents).
        delta: Delta,
        /// How long the work took (ms).
        ms: f64,
    },
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
    /// The protocol's version ([`PROTOCOL`]; 1 when absent).
    #[serde(default = "first_version")]
    pub v: u32,
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

/// The version of a message that names none.
fn first_version() -> u32 {
    1
}

/// Only the version of a message, read before the rest.
#[derive(Deserialize)]
struct Head {
    #[serde(default = "first_version")]
    v: u32,
}

/// The sentence shown when a page and an engine of two builds meet.
fn mismatch(page: u32, engine: u32) -> String {
    format!(
        "This page and its analysis engine come from different versions of Parallax (messages \
         of version {page} and {engine}): reload the page."
    )
}

/// JSON of `request` as the page sends it, with the protocol's version.
pub fn request_json(request: &Request) -> String {
    #[derive(Serialize)]
    struct Versioned<'a> {
        v: u32,
        #[serde(flatten)]
        request: &'a Request,
    }
    // Plain data (strings and numbers): cannot fail.
    serde_json::to_string(&Versioned {
        v: PROTOCOL,
        request,
    })
    .unwrap_or_default()
}

/// Reads a reply (JSON text) as the page does: a reply of another protocol version, or one
/// that is not a reply, is refused with the sentence to show.
pub fn read_reply(text: &str) -> Result<Reply, String> {
    let damaged = |e: serde_json::Error| format!("the engine's answer is damaged: {e}");
    let head: Head = serde_json::from_str(text).map_err(damaged)?;
    if head.v != PROTOCOL {
        return Err(mismatch(PROTOCOL, head.v));
    }
    serde_json::from_str(text).map_err(damaged)
}

/// The engine's side: answers requests, keeping the snapshots it made so that it can answer
/// the next analysis of a collection with what changed.
#[derive(Debug, Default)]
pub struct Engine {
    /// Snapshots by fingerprint, the latest last.
    kept: Vec<(u64, Snapshot)>,
}

impl Engine {
    /// Answers `request` (JSON of a [`Request`], from [`request_json`]) with JSON of a
    /// [`Reply`]; `now` reads a clock in milliseconds, for the timings.
    pub fn answer(&mut self, request: &str, now: &mut dyn FnMut() -> f64) -> String {
        let unreadable = |e: serde_json::Error| Reply {
            v: PROTOCOL,
            id: 0,
            answer: Answer::Error(format!("the engine cannot read this request: {e}")),
        };
        let reply = match serde_json::from_str::<Head>(request).map(|h| h.v) {
            Err(e) => unreadable(e),
            Ok(v) if v != PROTOCOL => Reply {
                v: PROTOCOL,
                id: serde_json::from_str::<IdOnly>(request).map_or(0, |r| r.id),
                answer: Answer::Error(mismatch(v, PROTOCOL)),
            },
            Ok(_) => match serde_json::from_str::<Request>(request) {
                Err(e) => unreadable(e),
                Ok(r) => self.reply(r, now),
            },
        };
        serde_json::to_string(&reply).unwrap_or_default()
    }

    fn reply(&mut self, request: Request, now: &mut dyn FnMut() -> f64) -> Reply {
        let (id, answer) = match request {
            Request::Analyse { id, docs, base } => {
                let t = now();
                let mut answer = self.analyse(documents(docs), base.as_ref());
                if let Answer::Snapshot { ms, .. } | Answer::Delta { ms, .. } = &mut answer {
                    *ms = now() - t;
                }
                (id, answer)
            }
            Request::Import { id, name, base64 } => (id, import(name.as_deref(), &base64)),
            Request::Time { id, docs, runs } => (
                id,
                Answer::Timing(time(&documents(docs), runs.clamp(1, 50), now)),
            ),
        };
        Reply {
            v: PROTOCOL,
            id,
            answer,
        }
    }

    /// The analysis of `docs`: what changed from `base` when the engine holds it (or makes
    /// it again from its documents), else the whole snapshot and its fingerprint (the time
    /// taken left at 0).
    fn analyse(&mut self, docs: Vec<Document>, base: Option<&Base>) -> Answer {
        let old = base.and_then(|b| Some((b.hash, self.recall(b, &docs)?)));
        let new = Snapshot::build(docs);
        let delta = old.as_ref().and_then(|(_, o)| Delta::between(o, &new));
        if let Some((h, o)) = old {
            self.keep(h, o);
        }
        match delta {
            Some(delta) => {
                self.keep(delta.hash, new);
                Answer::Delta { delta, ms: 0.0 }
            }
            None => {
                let hash = fingerprint(&new.to_json());
                self.keep(hash, new.clone());
                Answer::Snapshot {
                    snapshot: new,
                    hash,
                    ms: 0.0,
                }
            }
        }
    }

    /// The snapshot `base` names: a kept one, or made again from its documents (those of
    /// `docs` and its own `gone` texts) when that gives the same fingerprint.
    fn recall(&mut self, base: &Base, docs: &[Document]) -> Option<Snapshot> {
        if let Some(at) = self.kept.iter().position(|(h, _)| *h == base.hash) {
            return Some(self.kept.remove(at).1);
        }
        let texts = base
            .ids
            .iter()
            .map(|id| {
                docs.iter().find(|d| d.id == *id).cloned().or_else(|| {
                    let g = base.gone.iter().find(|g| g.id == *id)?;
                    Some(Document::new(g.id.clone(), g.text.as_str()))
                })
            })
            .collect::<Option<Vec<Document>>>()?;
        let snap = Snapshot::build(texts);
        (fingerprint(&snap.to_json()) == base.hash).then_some(snap)
    }

    /// Keeps `snap` (fingerprint `hash`) as the latest, forgetting the oldest beyond [`KEPT`].
    fn keep(&mut self, hash: u64, snap: Snapshot) {
        self.kept.retain(|(h, _)| *h != hash);
        self.kept.push((hash, snap));
        if self.kept.len() > KEPT {
            self.kept.remove(0);
        }
    }
}

/// Only the id of a message.
#[derive(Deserialize)]
struct IdOnly {
    id: u32,
}

/// Answers `request` as an engine that keeps nothing (every analysis whole, but for what it
/// can make again; see [`Engine::answer`]).
pub fn answer(request: &str, now: &mut dyn FnMut() -> f64) -> String {
    Engine::default().answer(request, now)
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

    const FLOODS: &str =
        "Floods\n\nHeavy rain closed the ring road in Leeds on Sunday, police said.";
    const BRIDGE: &str = "Title\n\nThe mayor of Springfield opened the bridge on Monday.";

    fn text(id: &str, text: &str) -> DocText {
        DocText {
            id: id.into(),
            text: text.into(),
        }
    }

    #[test]
    fn answers_each_kind_of_request() {
        let docs = serde_json::to_string(&[text("a", FLOODS)]).unwrap();
        check(
            &format!(r#"{{"v":2,"kind":"analyse","id":7,"docs":{docs}}}"#),
            |r| {
                r.id == 7
                    && r.v == PROTOCOL
                    && matches!(&r.answer, Answer::Snapshot { snapshot: s, hash, ms } if s.docs.len() == 1 && *ms > 0.0
                    && *hash == fingerprint(&s.to_json())
                    && !s.analysis.docs[0].mentions.is_empty())
            },
        );
        check(
            &format!(r#"{{"v":2,"kind":"time","id":8,"docs":{docs},"runs":3}}"#),
            |r| {
                r.id == 8
                    && matches!(r.answer, Answer::Timing(t) if t.warm_up >= WARM_UP && t.min <= t.median && t.median <= t.max)
            },
        );
        let page = data_encoding::BASE64.encode(b"<html><body><h1>Floods</h1><p>Rain closed roads in Leeds.</p><script>x()</script></body></html>");
        check(
            &format!(r#"{{"v":2,"kind":"import","id":9,"name":"a.html","base64":"{page}"}}"#),
            |r| {
                r.id == 9
                    && matches!(&r.answer, Answer::Imported(i) if i.text.contains("Leeds") && !i.text.contains("x()"))
            },
        );
        check(
            r#"{"v":2,"kind":"import","id":10,"name":"a.txt","base64":"AAAA"}"#,
            |r| matches!(&r.answer, Answer::Error(e) if !e.is_empty()),
        );
        check("not json", |r| {
            r.id == 0 && matches!(&r.answer, Answer::Error(e) if e.contains("cannot read"))
        });
        check(r#"{"v":2,"kind":"fly","id":1}"#, |r| {
            matches!(r.answer, Answer::Error(_))
        });
    }

    #[test]
    fn messages_of_another_version_are_refused_with_a_sentence() {
        // A page of protocol 1 (no "v") asking this engine.
        check(
            &format!(
                r#"{{"kind":"analyse","id":3,"docs":{}}}"#,
                serde_json::to_string(&[text("a", FLOODS)]).unwrap()
            ),
            |r| {
                r.id == 3
                    && matches!(&r.answer, Answer::Error(e) if e.contains("version 1 and 2") && e.contains("reload the page"))
            },
        );
        check(r#"{"v":3,"kind":"fly","id":4}"#, |r| {
            r.id == 4 && matches!(&r.answer, Answer::Error(e) if e.contains("version 3 and 2"))
        });
        // This page reading what an engine of protocol 1 answers.
        let old = r#"{"id":3,"answer":{"snapshot":[{"version":1},1.5]}}"#;
        let e = read_reply(old).unwrap_err();
        assert!(e.contains("version 2 and 1") && e.contains("reload"), "{e}");
        assert!(read_reply("{").unwrap_err().contains("damaged"));
        let ok = answer(
            &request_json(&Request::Time {
                id: 5,
                docs: vec![text("a", FLOODS)],
                runs: 1,
            }),
            &mut clock(),
        );
        assert!(
            matches!(
                read_reply(&ok),
                Ok(Reply {
                    id: 5,
                    answer: Answer::Timing(_),
                    ..
                })
            ),
            "{ok}"
        );
    }

    /// Analyses `docs` in `engine`, the page holding `base` (a snapshot and its fingerprint):
    /// the snapshot the page then holds, and whether it came as changes.
    fn ask(
        engine: &mut Engine,
        base: Option<&(Snapshot, u64)>,
        docs: &[DocText],
    ) -> ((Snapshot, u64), bool) {
        let sent: Vec<Document> = documents(docs.to_vec());
        let request = Request::Analyse {
            id: 1,
            docs: docs.to_vec(),
            base: base.map(|(s, h)| Base::of(s, *h, &sent)),
        };
        let reply = read_reply(&engine.answer(&request_json(&request), &mut clock())).unwrap();
        match reply.answer {
            Answer::Snapshot { snapshot, hash, .. } => ((snapshot, hash), false),
            Answer::Delta { delta, .. } => {
                let (old, old_hash) = base.expect("changes only from a base");
                let hash = delta.hash;
                ((delta.apply(old, *old_hash, sent).unwrap(), hash), true)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_snapshot_is_the_one_the_build_makes_whole_or_as_changes() {
        let mut engine = Engine::default();
        let one = vec![text("x", BRIDGE)];
        let two = vec![text("x", BRIDGE), text("y", FLOODS)];
        let (first, as_changes) = ask(&mut engine, None, &one);
        assert!(!as_changes, "no base: whole");
        assert_eq!(first.0, Snapshot::build(documents(one.clone())));
        assert_eq!(first.1, fingerprint(&first.0.to_json()));
        let (second, as_changes) = ask(&mut engine, Some(&first), &two);
        assert!(as_changes, "the engine kept the base");
        assert_eq!(second.0, Snapshot::build(documents(two.clone())));
        // An engine that kept nothing (a new worker) makes the base again, also on removal.
        let (back, as_changes) = ask(&mut Engine::default(), Some(&second), &one);
        assert!(as_changes, "made again from the base's ids and gone texts");
        assert_eq!(back, first);
        // A base the engine cannot make again (not the build's analysis): answered whole.
        let wrong = (second.0.clone(), second.1 ^ 1);
        let (whole, as_changes) = ask(&mut Engine::default(), Some(&wrong), &one);
        assert!(!as_changes);
        assert_eq!(whole, first);
    }
}
