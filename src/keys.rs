//! The keyboard: one hook for presenter mode's paging keys (the reader pages through
//! paragraphs, compare through aligned rows), and which key presses views leave alone.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While `active`, the right and down arrows, Page Down and space emit +1 (next) and the left
/// and up arrows and Page Up -1 (previous) on `on_page`.
#[hook]
pub fn use_presenter_keys(active: bool, on_page: Callback<i32>) {
    use_effect_with((active, on_page), |(active, on_page)| {
        let on_page = on_page.clone();
        let listener = active.then(|| {
            EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !plain(e) {
                    return;
                }
                let step = match e.key().as_str() {
                    "ArrowRight" | "ArrowDown" | "PageDown" | " " => 1,
                    "ArrowLeft" | "ArrowUp" | "PageUp" => -1,
                    _ => return,
                };
                e.prevent_default();
                on_page.emit(step);
            })
        });
        move || drop(listener)
    });
}

/// A key press meant for the view: no Ctrl, Meta or Alt, and not typed into a text field.
pub fn plain(e: &web_sys::KeyboardEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.alt_key() || in_text_field(e))
}

fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
