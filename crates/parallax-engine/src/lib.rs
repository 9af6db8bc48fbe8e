//! The engine in a Web Worker: it answers the app's requests (JSON text, see
//! `parallax_core::engine`) with the core's analysis, timed with the worker's clock. Built to
//! its own wasm by `cargo xtask dist` (and `serve`), next to the app's; the app starts it only
//! when an article that was not analysed at build time appears. The worker keeps the last
//! snapshots it made (`parallax_core::engine::Engine`), so that it answers an article joining
//! a collection with what changed, not the whole collection again.

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

use parallax_core::engine::Engine;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Milliseconds on the worker's clock (0 where it has none).
fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map_or(0.0, |p| p.now())
}

thread_local! {
    /// The engine of this worker, with the snapshots it keeps.
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// Answers one request (JSON text) with its reply (JSON text). Also what the app calls on
/// its own thread where a worker cannot start.
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    ENGINE.with(|e| e.borrow_mut().answer(request, &mut now_ms))
}

/// Runs when the worker has loaded the module: listens for requests, then says it is ready
/// (messages sent before a listener exists would be lost, so the app waits for this).
#[wasm_bindgen(start)]
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return; // loaded on the page's own thread: `answer` is called directly
    };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let _ = reply_to.post_message(&JsValue::from_str(&answer(&request)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(parallax_core::engine::READY));
}
