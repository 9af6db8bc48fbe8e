//! Waiting for the browser: a later task, or the task after the next paint. Long work started
//! from an effect (the source flags, the About page's timing runs) awaits one of these so the
//! page paints and stays responsive first.

/// Resolves in a later task (a zero-delay timeout).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in the first task after the browser's next frame: an animation frame callback,
/// then a zero-delay timeout (the frame is painted between the two).
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            if w.request_animation_frame(&resolve).is_err() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    next_task().await;
}
