//! The user's text selection as code-point offsets into a document's text.
//!
//! Text blocks of a document carry `data-start` (the code-point offset where their text
//! begins) and hold exactly that text, in order; elements added for people (role tags,
//! paragraph numbers) carry `data-nt` and are skipped. So an offset inside a block is
//! `data-start` plus the characters before the selection point, counted in code points
//! (the DOM counts UTF-16 units).

use parallax_core::Span;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The selected span, and the id of its document (the `data-doc` of the nearest element
/// around the text block), if the selection is not empty and both of its ends lie in text
/// blocks of one document inside `container`.
pub fn selected_span(container: &Element) -> Option<(String, Span)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let (da, a) = point(
        container,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let (db, b) = point(
        container,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
    )?;
    let span = Span::new(a.min(b), a.max(b));
    (!span.is_empty() && da == db).then_some((da, span))
}

/// Calls `on_settled` when a selection may have been made by any means: a mouse or pen
/// lifted, a finger lifted, or (touch selection handles, the keyboard, a screen reader) the
/// selection stopped changing for a moment while no mouse button is held. The listeners end
/// when the returned guard is dropped.
pub fn on_selection(on_settled: impl Fn() + 'static) -> impl Drop {
    use gloo::events::EventListener;
    use std::cell::Cell;
    use std::rc::Rc;
    let doc = gloo::utils::document();
    let on_settled: Rc<dyn Fn()> = Rc::new(on_settled);
    let pressed = Rc::new(Cell::new(false));
    let timer = Rc::new(Cell::new(0i32));
    let down = {
        let pressed = pressed.clone();
        EventListener::new(&doc, "pointerdown", move |e| {
            pressed.set(pointer_type(e).as_deref() == Some("mouse"));
        })
    };
    let up = {
        let (pressed, f) = (pressed.clone(), on_settled.clone());
        EventListener::new(&doc, "pointerup", move |_| {
            pressed.set(false);
            f();
        })
    };
    let touch = {
        let f = on_settled.clone();
        EventListener::new(&doc, "touchend", move |_| f())
    };
    let tick = {
        let f = on_settled.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || f())
    };
    let change = {
        let timer = timer.clone();
        let callback: js_sys::Function = tick.as_ref().unchecked_ref::<js_sys::Function>().clone();
        EventListener::new(&doc, "selectionchange", move |_| {
            if pressed.get() {
                return; // a mouse drag: its pointerup settles it
            }
            let w = gloo::utils::window();
            w.clear_timeout_with_handle(timer.get());
            if let Ok(h) = w.set_timeout_with_callback_and_timeout_and_arguments_0(&callback, 350) {
                timer.set(h);
            }
        })
    };
    Listeners {
        _all: vec![down, up, touch, change],
        _tick: tick,
        timer,
    }
}

/// What [`on_selection`] keeps alive.
struct Listeners {
    _all: Vec<gloo::events::EventListener>,
    _tick: wasm_bindgen::closure::Closure<dyn Fn()>,
    timer: std::rc::Rc<std::cell::Cell<i32>>,
}

impl Drop for Listeners {
    fn drop(&mut self) {
        gloo::utils::window().clear_timeout_with_handle(self.timer.get());
    }
}

/// The `pointerType` of a pointer event ("mouse", "pen", "touch").
fn pointer_type(e: &web_sys::Event) -> Option<String> {
    js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("pointerType"))
        .ok()?
        .as_string()
}

/// Scrolls the page so that the selection sits above the element `id` (the highlight box,
/// which stays at the bottom of the screen) when the box would cover it.
pub fn keep_above(id: &str) {
    let Some(boxed) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let Some(range) = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .filter(|s| s.range_count() > 0)
        .and_then(|s| s.get_range_at(0).ok())
    else {
        return;
    };
    let (sel, top) = (
        range.get_bounding_client_rect(),
        boxed.get_bounding_client_rect().top(),
    );
    let overlap = sel.bottom() + 8.0 - top;
    if overlap > 0.0 && sel.top() - overlap > 0.0 {
        gloo::utils::window().scroll_by_with_x_and_y(0.0, overlap);
    }
}

/// Empties the selection (after it became a highlight).
pub fn clear() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Document id and code-point offset of DOM point (`node`, `offset`) in its text.
fn point(container: &Element, node: &Node, offset: u32) -> Option<(String, usize)> {
    let el: Element = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let block = el.closest("[data-start]").ok()??;
    if !container.contains(Some(&block)) {
        return None;
    }
    let start: usize = block.get_attribute("data-start")?.parse().ok()?;
    let doc = block
        .closest("[data-doc]")
        .ok()??
        .get_attribute("data-doc")?;
    let mut count = 0usize;
    let mut found = false;
    walk(block.unchecked_ref(), node, offset, &mut count, &mut found);
    found.then_some((doc, start + count))
}

/// Adds to `count` the code points of text before (`target`, `offset`) under `n`; sets
/// `found` when the point was reached.
fn walk(n: &Node, target: &Node, offset: u32, count: &mut usize, found: &mut bool) {
    if *found {
        return;
    }
    if let Some(e) = n.dyn_ref::<Element>() {
        if e.has_attribute("data-nt") {
            if n.contains(Some(target)) {
                // A point inside a skipped element counts as just before it.
                *found = true;
            }
            return;
        }
    }
    if n.node_type() == Node::TEXT_NODE {
        let text = n.text_content().unwrap_or_default();
        if n.is_same_node(Some(target)) {
            *count += utf16_prefix_chars(&text, offset as usize);
            *found = true;
        } else {
            *count += text.chars().count();
        }
        return;
    }
    let children = n.child_nodes();
    for i in 0..children.length() {
        if n.is_same_node(Some(target)) && i >= offset {
            *found = true;
            return;
        }
        if let Some(c) = children.item(i) {
            walk(&c, target, offset, count, found);
            if *found {
                return;
            }
        }
    }
    if n.is_same_node(Some(target)) {
        *found = true;
    }
}

/// How many code points of `text` lie in its first `units` UTF-16 units.
fn utf16_prefix_chars(text: &str, units: usize) -> usize {
    let mut u = 0;
    for (i, c) in text.chars().enumerate() {
        if u >= units {
            return i;
        }
        u += c.len_utf16();
    }
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::utf16_prefix_chars;

    #[test]
    fn utf16_units_become_code_points() {
        let cases: &[(&str, usize, usize)] = &[
            ("abc", 0, 0),
            ("abc", 2, 2),
            ("abc", 9, 3),
            ("a😀b", 1, 1),
            ("a😀b", 3, 2),
            ("a😀b", 4, 3),
            ("é“x”", 3, 3),
        ];
        for &(text, units, want) in cases {
            assert_eq!(utf16_prefix_chars(text, units), want, "{text:?} {units}");
        }
    }
}
