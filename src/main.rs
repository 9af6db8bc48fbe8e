//! The web app's entry point: it only renders (see `parallax::app`).

fn main() {
    yew::Renderer::<parallax::app::App>::new().render();
}
