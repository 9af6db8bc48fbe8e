//! The web app's entry point: it only renders (see `parallax::app`).

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

fn main() {
    yew::Renderer::<parallax::app::App>::new().render();
    // The static library written at build time goes in this task; the app's first render
    // follows in a microtask of it, so no frame shows neither.
    if let Some(e) = gloo::utils::document().get_element_by_id(parallax::first_paint::ID) {
        e.remove();
    }
}
