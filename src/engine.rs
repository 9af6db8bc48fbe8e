//! The analysis engine, from the page's side: a Web Worker (crates/parallax-engine) started
//! on first use, asked in JSON (`parallax_core::engine`), so the page stays responsive while
//! it analyses. The app itself carries no recognizer, lexicons or aligner: the bundled
//! documents come analysed from the build, and only articles that were not (own articles, a
//! session link's articles) need the engine.
//!
//! An article joining a collection is answered with what changed from the collection's
//! snapshot the page holds ([`Held`]); [`settle`] applies it (a pure function, tested
//! natively), so the page never reads the whole library again.
//!
//! The worker's script is `engine.js` beside the page; the one-file edition carries it
//! inline (an inert `<script type="text/plain" id="parallax-engine">`) and starts it from a
//! blob.

use parallax_core::engine::{
    read_reply, request_json, Answer, Base, DocText, Request, Timing, READY,
};
use parallax_core::import::Imported;
use parallax_core::{Document, Snapshot};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker script's name in the served edition.
const SCRIPT: &str = "engine.js";
/// What the worker posts when its module cannot load (see xtask/src/engine.rs).
const FAILED: &str = "failed: ";
/// The id of the inline worker script in the one-file edition.
const INLINE_ID: &str = "parallax-engine";

/// The running worker and the requests it has not answered yet.
struct Client {
    worker: web_sys::Worker,
    /// Resolves when the worker listens (or rejects when it failed to start).
    ready: js_sys::Promise,
    next_id: u32,
    /// Resolve and reject functions of each pending request, by id.
    waiting: HashMap<u32, (js_sys::Function, js_sys::Function)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// A collection's snapshot as the page holds it, with the fingerprint the engine knows it by
/// (`parallax_core::delta::fingerprint`).
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The snapshot.
    pub snap: Rc<Snapshot>,
    /// Its fingerprint.
    pub hash: u64,
}

impl Held {
    /// The bundled documents' snapshot as the build made it.
    pub fn bundled() -> Held {
        Held {
            snap: Rc::new(crate::library::Library::bundled_snapshot()),
            hash: crate::seeds::fingerprint(),
        }
    }
}

/// Analyses `docs` in the engine: the snapshot and the milliseconds it took there.
pub async fn analyse(docs: &[Document]) -> Result<(Snapshot, f64), String> {
    let (held, ms) = analyse_from(None, docs.to_vec()).await?;
    Ok((Rc::unwrap_or_clone(held.snap), ms))
}

/// Analyses `docs`, one collection, in the engine, the page holding `base` for it: what the
/// page then holds for it, and the milliseconds the work took there.
pub async fn analyse_from(base: Option<&Held>, docs: Vec<Document>) -> Result<(Held, f64), String> {
    let answer = ask(|id| analyse_request(id, base, &docs)).await?;
    settle(base, answer, docs)
}

/// The request to analyse `docs`, the page holding `base`.
pub fn analyse_request(id: u32, base: Option<&Held>, docs: &[Document]) -> Request {
    Request::Analyse {
        id,
        docs: texts(docs),
        base: base.map(|b| Base::of(&b.snap, b.hash, docs)),
    }
}

/// What the page holds once the engine gave `answer` to [`analyse_request`] of `docs`, the
/// page holding `base`: the whole snapshot, or the changes applied to `base` (the same
/// snapshot, read without reading the rest of the collection again).
pub fn settle(
    base: Option<&Held>,
    answer: Answer,
    docs: Vec<Document>,
) -> Result<(Held, f64), String> {
    match answer {
        Answer::Snapshot { snapshot, hash, ms } => Ok((
            Held {
                snap: Rc::new(snapshot),
                hash,
            },
            ms,
        )),
        Answer::Delta { delta, ms } => {
            let base = base
                .ok_or("the engine answered with changes to an analysis this page does not hold")?;
            let hash = delta.hash;
            let snap = delta.apply(&base.snap, base.hash, docs)?;
            Ok((
                Held {
                    snap: Rc::new(snap),
                    hash,
                },
                ms,
            ))
        }
        other => Err(unexpected(&other)),
    }
}

/// Reads a file named `name` (None for a paste) as an article, in the engine (which extracts
/// a saved page's article); the error is the message to show.
pub async fn import(name: Option<&str>, bytes: &[u8]) -> Result<Imported, String> {
    let base64 = data_encoding::BASE64.encode(bytes);
    match ask(|id| Request::Import {
        id,
        name: name.map(str::to_string),
        base64,
    })
    .await?
    {
        Answer::Imported(i) => Ok(i),
        other => Err(unexpected(&other)),
    }
}

/// Times the engine's analysis of `docs` (warm-up, then `runs` measured runs).
pub async fn time(docs: &[Document], runs: usize) -> Result<Timing, String> {
    match ask(|id| Request::Time {
        id,
        docs: texts(docs),
        runs,
    })
    .await?
    {
        Answer::Timing(t) => Ok(t),
        other => Err(unexpected(&other)),
    }
}

fn texts(docs: &[Document]) -> Vec<DocText> {
    docs.iter()
        .map(|d| DocText {
            id: d.id.clone(),
            text: d.text.clone(),
        })
        .collect()
}

fn unexpected(answer: &Answer) -> String {
    match answer {
        Answer::Error(e) => e.clone(),
        _ => "the engine gave an answer of another kind".into(),
    }
}

/// Sends the request `make(id)` and waits for its answer.
async fn ask(make: impl FnOnce(u32) -> Request) -> Result<Answer, String> {
    let ready = CLIENT.with(|c| -> Result<js_sys::Promise, String> {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(start()?);
        }
        c.as_ref()
            .map(|c| c.ready.clone())
            .ok_or_else(|| "the engine did not start".to_string())
    })?;
    JsFuture::from(ready).await.map_err(|e| failed(&e))?;
    let reply = CLIENT.with(|c| -> Result<js_sys::Promise, String> {
        let mut c = c.borrow_mut();
        let client = c.as_mut().ok_or("the engine stopped")?;
        let id = client.next_id;
        client.next_id += 1;
        let json = request_json(&make(id));
        let mut pending = None;
        let promise =
            js_sys::Promise::new(&mut |resolve, reject| pending = Some((resolve, reject)));
        if let Some(p) = pending {
            client.waiting.insert(id, p);
        }
        client
            .worker
            .post_message(&JsValue::from_str(&json))
            .map_err(|e| failed(&e))?;
        Ok(promise)
    })?;
    let text = JsFuture::from(reply).await.map_err(|e| failed(&e))?;
    Ok(read_reply(&text.as_string().unwrap_or_default())?.answer)
}

fn failed(e: &JsValue) -> String {
    let why = e
        .as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "it did not start".into());
    format!("The analysis engine is not available: {why}")
}

/// Starts the worker: from the inline script when the page carries one, else `engine.js`.
fn start() -> Result<Client, String> {
    let url = worker_url()?;
    let worker = web_sys::Worker::new(&url).map_err(|e| failed(&e))?;
    let mut ready_fns = None;
    let ready = js_sys::Promise::new(&mut |resolve, reject| ready_fns = Some((resolve, reject)));
    let (on_ready, on_fail) = ready_fns.ok_or("no promise")?;
    let on_load_fail = on_fail.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            if text == READY {
                let _ = on_ready.call0(&JsValue::NULL);
                return;
            }
            if let Some(why) = text.strip_prefix(FAILED) {
                let _ = on_load_fail.call1(&JsValue::NULL, &JsValue::from_str(why));
                return;
            }
            let id = serde_json::from_str::<IdOnly>(&text).map_or(0, |r| r.id);
            let found =
                CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|c| c.waiting.remove(&id)));
            if let Some((resolve, _)) = found {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let why = JsValue::from_str("its code could not be loaded");
        let _ = on_fail.call1(&JsValue::NULL, &why);
        // Every waiting request fails; the next one starts a new worker.
        let client = CLIENT.with(|c| c.borrow_mut().take());
        if let Some(c) = client {
            c.worker.terminate();
            for (_, reject) in c.waiting.into_values() {
                let _ = reject.call1(&JsValue::NULL, &why);
            }
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client {
        worker,
        ready,
        next_id: 1,
        waiting: HashMap::new(),
    })
}

/// Only the id of a reply, read before the whole reply is.
#[derive(serde::Deserialize)]
struct IdOnly {
    id: u32,
}

/// The worker's script: a blob of the inline copy, or the file beside the page.
fn worker_url() -> Result<String, String> {
    let inline = gloo::utils::document()
        .get_element_by_id(INLINE_ID)
        .and_then(|e| e.text_content());
    let Some(source) = inline else {
        return Ok(SCRIPT.to_string());
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| failed(&e))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::delta::fingerprint;
    use parallax_core::engine::Engine;

    const BRIDGE: &str = "My headline\n\nThe mayor of Springfield opened the bridge on Monday.";
    const RACE: &str = "City marathon draws record field\n\nMore than 30,000 runners started the City Marathon on Sunday, organisers said. Kenya's Mary Wanjiru won the women's race in 2 hours 21 minutes, race director Paul Hart said.";

    /// The bundled documents, then own articles of `texts` (ids `own-0`, `own-1`, ...).
    fn bundled_and(texts: &[&str]) -> Vec<Document> {
        let mut docs = crate::library::Library::bundled_docs();
        docs.extend(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("own-{i}"), *t)),
        );
        docs
    }

    /// Asks `engine` to analyse `docs`, the page holding `base`, and settles the answer: the
    /// page holds what analysing `docs` whole gives, as changes when `changes`.
    #[track_caller]
    fn check(
        name: &str,
        engine: &mut Engine,
        base: Option<&Held>,
        docs: Vec<Document>,
        changes: bool,
    ) -> Held {
        let request = request_json(&analyse_request(1, base, &docs));
        let reply = read_reply(&engine.answer(&request, &mut || 0.0)).expect("a reply");
        let came_as_changes = matches!(reply.answer, Answer::Delta { .. });
        let (held, _) =
            settle(base, reply.answer, docs.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            *held.snap == Snapshot::build(docs),
            "{name}: not what a whole analysis gives"
        );
        assert_eq!(
            held.hash,
            fingerprint(&held.snap.to_json()),
            "{name}: fingerprint"
        );
        assert_eq!(came_as_changes, changes, "{name}: answered as changes");
        held
    }

    #[test]
    fn the_page_holds_what_a_whole_analysis_gives() {
        let bundled = Held::bundled();
        assert_eq!(bundled.hash, fingerprint(&bundled.snap.to_json()));
        let mut engine = Engine::default();
        let one = check(
            "an own article joins the bundled story",
            &mut engine,
            Some(&bundled),
            bundled_and(&[BRIDGE]),
            true,
        );
        let two = check(
            "a second one joins",
            &mut engine,
            Some(&one),
            bundled_and(&[BRIDGE, RACE]),
            true,
        );
        check(
            "the second is removed",
            &mut engine,
            Some(&two),
            bundled_and(&[BRIDGE]),
            true,
        );
        check(
            "a new worker, which kept nothing, makes the base again",
            &mut Engine::default(),
            Some(&two),
            bundled_and(&[BRIDGE]),
            true,
        );
        let new = check(
            "the first article of a new collection",
            &mut engine,
            None,
            vec![Document::new("own-0", RACE)],
            false,
        );
        let stale = Held {
            hash: new.hash ^ 1,
            ..new
        };
        check(
            "a base the engine cannot name: answered whole",
            &mut Engine::default(),
            Some(&stale),
            vec![Document::new("own-0", RACE), Document::new("own-1", BRIDGE)],
            false,
        );
    }

    #[test]
    fn changes_without_a_base_are_refused() {
        let docs = bundled_and(&[BRIDGE]);
        let request = request_json(&analyse_request(1, Some(&Held::bundled()), &docs));
        let reply = read_reply(&Engine::default().answer(&request, &mut || 0.0)).unwrap();
        let e = settle(None, reply.answer, docs).unwrap_err();
        assert!(e.contains("does not hold"), "{e}");
    }
}
