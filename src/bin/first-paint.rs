//! Prints the bundled views as static HTML for `index.html` (see `parallax::first_paint`);
//! `cargo xtask dist` runs it.

fn main() {
    let lib = parallax::state::Library::bundled();
    print!("{}", parallax::first_paint::page_html(&lib));
}
