//! The web app's entry point: it only renders (see `parallax::app`).

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

fn main() {
    yew::Renderer::<parallax::app::App>::new().render();
}
