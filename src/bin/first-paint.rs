//! Prints the bundled views as static HTML for `index.html` (see `parallax::first_paint`);
//! `cargo xtask dist` runs it.

fn main() {
    let lib = parallax::library::Library::bundled();
    print!("{}", parallax::first_paint::page_html(&lib));
}
