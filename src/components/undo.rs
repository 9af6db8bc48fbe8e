//! The "Removed … Undo" bar: a live region that says what was removed or restored, an Undo
//! button while it can still be undone, and the timer that takes the offer away after
//! [`UNDO_MS`]. The state is [`crate::state::undo::Undo`], kept by whoever removes.

use crate::state::undo::{Undo, UndoAction, UNDO_MS};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `expire(seq)` [`UNDO_MS`] after removal `seq` was made or undone (a newer removal
/// cancels the older timer).
#[hook]
pub fn use_undo_timer<T: 'static>(undo: &Undo<T>, expire: Callback<u64>) {
    let key = (!undo.message.is_empty()).then_some((undo.seq, undo.pending.is_some()));
    use_effect_with(key, move |key| {
        let window = gloo::utils::window();
        let handle = key.and_then(|(seq, _)| {
            let f = wasm_bindgen::closure::Closure::once_into_js(move || {
                // Focus on the Undo button that is going away goes to the main content.
                let doc = gloo::utils::document();
                if doc
                    .active_element()
                    .is_some_and(|e| e.class_name().contains("undo-button"))
                {
                    if let Some(main) = doc
                        .get_element_by_id("main")
                        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = main.focus();
                    }
                }
                expire.emit(seq);
            });
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    f.unchecked_ref(),
                    UNDO_MS as i32,
                )
                .ok()
        });
        move || {
            if let Some(h) = handle {
                gloo::utils::window().clear_timeout_with_handle(h);
            }
        }
    });
}

/// What the bar shows.
#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    /// Prefix of the ids of the bar's live region (`<id>-status`) and button (`<id>`).
    pub id: AttrValue,
    /// The sentence ("Removed …", "Restored …"); empty when there is nothing to say.
    pub message: AttrValue,
    /// Whether Undo is still offered.
    pub can_undo: bool,
    /// Undo was chosen.
    pub on_undo: Callback<()>,
}

/// The bar; its live region is always in the page, so that screen readers announce what
/// appears in it.
#[function_component(UndoBar)]
pub fn undo_bar(p: &UndoBarProps) -> Html {
    // Once undone, the item is back in sight; "Restored …" is said, not shown.
    let idle = p.message.is_empty() || !p.can_undo;
    html! {
        <div class={classes!("undo-bar", idle.then_some("idle"))}>
            <p role="status" aria-live="polite" id={format!("{}-status", p.id)}>{ p.message.clone() }</p>
            if p.can_undo {
                <button type="button" class="undo-button" id={p.id.clone()} onclick={p.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
            }
        </div>
    }
}

impl<T: Clone + 'static> Reducible for Undo<T> {
    type Action = UndoAction<T>;
    fn reduce(self: Rc<Self>, action: UndoAction<T>) -> Rc<Self> {
        Rc::new(Undo::reduce(&self, action))
    }
}

/// Before the element `item` (a CSS selector) is removed, moves focus to its neighbour: the
/// `target` (a selector) inside the next sibling, else inside the previous one, else (once
/// it is drawn) the element with id `fallback`.
pub fn focus_neighbour(item: &str, target: &str, fallback: &str) {
    let doc = gloo::utils::document();
    let el = doc.query_selector(item).ok().flatten();
    let near = el.as_ref().and_then(|el| {
        [el.next_element_sibling(), el.previous_element_sibling()]
            .into_iter()
            .flatten()
            .find_map(|s| s.query_selector(target).ok().flatten())
    });
    match near.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(n) => {
            let _ = n.focus();
        }
        None => {
            let fallback = fallback.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                crate::schedule::next_task().await;
                if let Some(f) = gloo::utils::document()
                    .get_element_by_id(&fallback)
                    .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = f.focus();
                }
            });
        }
    }
}
