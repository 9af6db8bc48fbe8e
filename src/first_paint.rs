//! The library view as static HTML, written into `index.html` at build time (`cargo xtask
//! dist` runs the `parallax-first-paint` binary) so a reader sees the library before any wasm
//! arrives. The same markup as the app's shell and `pages/library.rs` (classes, headings,
//! links), from the same bundled snapshot; the app removes it in the task that renders its own
//! (see `main.rs`), so nothing flashes. No web-sys: tested natively.

use crate::state::Library;

/// The id of the static element the app replaces.
pub const ID: &str = "first-paint";

/// Escapes text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The site header's links: (route, text), as `app.rs` shows them.
const NAV: &[(&str, &str)] = &[
    ("#/", "Library"),
    ("#/story", "Story"),
    ("#/quotes", "Quotes"),
    ("#/notes", "Notes"),
    ("#/add", "Add article"),
    ("#/teach", "Teach"),
    ("#/about", "About"),
];

/// The static page: header, the library's cards, footer.
pub fn library_html(lib: &Library) -> String {
    let nav: String = NAV
        .iter()
        .map(|(href, text)| format!("<li><a href=\"{href}\">{text}</a></li>"))
        .collect();
    let cards: String = lib
        .docs()
        .iter()
        .enumerate()
        .map(|(i, d)| card(lib, i, d))
        .collect();
    format!(
        "<div id=\"{ID}\">\
         <header class=\"site-header\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"#/\">Parallax</a>\
         <ul class=\"nav-links\">{nav}</ul></nav></header>\
         <main id=\"main\" tabindex=\"-1\"><section class=\"library\" aria-labelledby=\"library-heading\">\
         <h1 id=\"library-heading\">Library</h1>\
         <p class=\"intro\">{} reports of the same story. Open one to read it, see <a href=\"#/provenance\">who copied whom</a>, or <a href=\"#/add\">add your own article</a>.</p>\
         <p class=\"compare-bar\"><span class=\"meta\">Tick two sources to compare them side by side.</span></p>\
         <ul class=\"cards\">{cards}</ul></section></main>\
         <footer class=\"site-footer\"><p>Parallax runs entirely in your browser. Nothing you read or write leaves this device.</p></footer>\
         </div>",
        lib.docs().len()
    )
}

/// One card, as `components/doc_card.rs` draws it (without the compare box, which needs the
/// app).
fn card(lib: &Library, i: usize, d: &parallax_core::Document) -> String {
    let flags: String = lib
        .flags(i)
        .iter()
        .map(|f| {
            format!(
                "<li class=\"flag\" data-flag=\"{0}\"><details><summary><span aria-hidden=\"true\">⚑ </span>{1}</summary>\
                 <p class=\"evidence\">{2}</p></details></li>",
                f.flag.as_str(),
                f.flag.as_str().replace('_', " "),
                esc(&f.evidence)
            )
        })
        .collect();
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"flags\" aria-label=\"Source flags\">{flags}</ul>")
    };
    let lede = if d.first_sentence == d.title {
        String::new()
    } else {
        format!("<p class=\"card-lede\">{}</p>", esc(&d.first_sentence))
    };
    let date = d
        .date_line
        .as_ref()
        .map(|x| format!(" · <span>{}</span>", esc(x)))
        .unwrap_or_default();
    let id = esc(&d.id);
    format!(
        "<li class=\"card\" data-doc=\"{id}\"><article aria-labelledby=\"card-{id}\">\
         <h2 id=\"card-{id}\"><a href=\"#/doc/{id}\">{}</a></h2>{flags}{lede}\
         <p class=\"meta\">{} words{date}</p></article></li>",
        esc(&d.title),
        d.word_count
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(html: &str, needle: &str) {
        assert!(html.contains(needle), "{needle:?} missing from {html}");
    }

    #[test]
    fn lists_every_bundled_document_with_its_link() {
        let lib = Library::bundled();
        let html = library_html(&lib);
        check(&html, "<div id=\"first-paint\">");
        for d in lib.docs() {
            check(&html, &format!("<a href=\"#/doc/{}\">", d.id));
            check(&html, &esc(&d.title));
        }
        check(&html, &format!("{} reports", lib.docs().len()));
    }

    #[test]
    fn text_is_escaped() {
        let lib = Library::from_files(&[(
            "a.txt",
            "<b>Bold & \"quoted\"</b>\n\nThe <i>mayor</i> spoke on Monday.",
        )]);
        let html = library_html(&lib);
        assert!(!html.contains("<i>") && !html.contains("<b>"), "{html}");
        assert_eq!(
            esc("<b>Bold & \"q\" 'x'</b>"),
            "&lt;b&gt;Bold &amp; &quot;q&quot; &#39;x&#39;&lt;/b&gt;"
        );
    }
}
