//! The analysis engine, from the page's side: a Web Worker (crates/parallax-engine) started
//! on first use, asked in JSON (`parallax_core::engine`), so the page stays responsive while
//! it analyses. The app itself carries no recognizer, lexicons or aligner: the bundled
//! documents come analysed from the build, and only articles that were not (own articles, a
//! session link's articles) need the engine.
//!
//! The worker's script is `engine.js` beside the page; the one-file edition carries it
//! inline (an inert `<script type="text/plain" id="parallax-engine">`) and starts it from a
//! blob.

use parallax_core::engine::{Answer, DocText, Reply, Request, Timing, READY};
use parallax_core::import::Imported;
use parallax_core::{Document, Snapshot};
use std::cell::RefCell;
use std::collections::HashMap;
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

/// Analyses `docs` in the engine: the library's snapshot and the milliseconds it took there.
pub async fn analyse(docs: &[Document]) -> Result<(Snapshot, f64), String> {
    match ask(|id| Request::Analyse {
        id,
        docs: texts(docs),
    })
    .await?
    {
        Answer::Snapshot(s, ms) => Ok((s, ms)),
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
        let json = serde_json::to_string(&make(id)).map_err(|e| e.to_string())?;
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
    let reply: Reply = serde_json::from_str(&text.as_string().unwrap_or_default())
        .map_err(|e| format!("the engine's answer is damaged: {e}"))?;
    Ok(reply.answer)
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
