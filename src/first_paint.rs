//! The bundled views as static HTML, written into `index.html` at build time (`cargo xtask
//! dist` runs the `parallax-first-paint` binary) so a reader sees the view the link asks for
//! before any wasm arrives: the library in the page, and the reader of each bundled source in
//! an inert `<template>` that a small inline script (allowed by its hash in the page's policy)
//! swaps in while the page is parsed when the address is `#/doc/<id>`. The same markup as the
//! app's shell, `pages/library.rs` and `pages/reader.rs` (classes, headings, marks), from the
//! same bundled snapshot; the app removes it in the task that renders its own (see `main.rs`),
//! so nothing flashes. No web-sys: tested natively.

use crate::library::Library;

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

/// Picks the static view for the address while the page is parsed: the reader's template
/// replaces the library when the address is a bundled source's reader link, and a session
/// link paints its title, questions and current source (decoded in the page, synchronously so
/// it is in the first frame: base64url, then raw DEFLATE by the script's own decoder, tested
/// against zlib by `xtask/tools/first_paint_inflate.test.cjs`; at most 4 MiB; every string
/// put in as text).
const PICK_SCRIPT: &str = include_str!("first_paint.js");

/// Everything written into the page: the library, each bundled reader as a template, and the
/// script that picks one.
pub fn page_html(lib: &Library) -> String {
    let readers: String = (0..lib.docs().len())
        .map(|i| {
            format!(
                "<template id=\"fp-doc-{}\">{}</template>",
                esc(&lib.docs()[i].id),
                frame(&reader_main(lib, i))
            )
        })
        .collect();
    format!(
        "<div id=\"{ID}\">{}</div>{readers}<script>{PICK_SCRIPT}</script>",
        frame(&library_main(lib))
    )
}

/// The site header, `main` and the footer around a view's content.
fn frame(main: &str) -> String {
    let nav: String = NAV
        .iter()
        .map(|(href, text)| format!("<li><a href=\"{href}\">{text}</a></li>"))
        .collect();
    format!(
        "<header class=\"site-header\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"#/\">Parallax</a>\
         <ul class=\"nav-links\">{nav}</ul></nav></header>\
         <main id=\"main\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><p>Parallax runs entirely in your browser. Nothing you read or write leaves this device.</p></footer>"
    )
}

/// The library view alone (header, cards, footer), as the app first shows it.
pub fn library_html(lib: &Library) -> String {
    format!("<div id=\"{ID}\">{}</div>", frame(&library_main(lib)))
}

/// The reader of bundled source `i` as `pages/reader.rs` draws it with nothing hidden: title,
/// date line and counts, then the paragraphs with every mention marked (captions and site
/// furniture tagged with their reason).
fn reader_main(lib: &Library, i: usize) -> String {
    let d = &lib.docs()[i];
    let ix = parallax_core::CharIndex::new(&d.text);
    let mentions = lib.mentions(i);
    let spans: Vec<(parallax_core::Span, &str)> = mentions
        .iter()
        .map(|m| (m.span, m.label.as_str()))
        .collect();
    let none = std::collections::BTreeSet::new();
    let marked = |span: parallax_core::Span| -> String {
        crate::marks::segments(span, &spans, &none)
            .into_iter()
            .map(|(s, m)| {
                let text = esc(ix.slice(&d.text, s));
                match m {
                    None => text,
                    Some(k) => {
                        let l = mentions[k].label.as_str();
                        format!(
                            "<mark class=\"m m-{}\" data-label=\"{l}\">{text}</mark>",
                            l.to_lowercase()
                        )
                    }
                }
            })
            .collect()
    };
    let title = d.title_span.map_or_else(|| esc(&d.title), &marked);
    let date = d
        .date_span
        .map(|s| format!("<span class=\"date-line\">{}</span> · ", marked(s)))
        .unwrap_or_default();
    let body: String = d
        .paragraphs
        .iter()
        .zip(&d.roles)
        .enumerate()
        .filter(|(_, (s, _))| Some(**s) != d.title_span && Some(**s) != d.date_span)
        .map(|(k, (&s, role))| {
            let reason = crate::marks::furniture_reason(*role);
            let class = format!("role-{}", format!("{role:?}").to_lowercase());
            let (class, tag) = match reason {
                Some(r) => (
                    format!("furniture {class}"),
                    format!("<span class=\"role-tag\">{r} </span>"),
                ),
                None => (class, String::new()),
            };
            format!(
                "<p id=\"p{}\" class=\"{class}\">{tag}{}</p>",
                k + 1,
                marked(s)
            )
        })
        .collect();
    format!(
        "<div class=\"reader-layout\"><article class=\"reader\" id=\"reader\" data-doc=\"{}\" aria-labelledby=\"doc-title\">\
         <header><h1 id=\"doc-title\">{title}</h1><p class=\"meta\">{date}{} words · {} marked mentions</p></header>\
         <div class=\"doc-body\" id=\"doc-body\">{body}</div></article></div>",
        esc(&d.id),
        d.word_count,
        mentions.len()
    )
}

/// The library's section, as `pages/library.rs` draws it.
fn library_main(lib: &Library) -> String {
    let cards: String = lib
        .docs()
        .iter()
        .enumerate()
        .map(|(i, d)| card(lib, i, d))
        .collect();
    format!(
        "<section class=\"library\" aria-labelledby=\"library-heading\">\
         <h1 id=\"library-heading\">Library</h1>\
         <p class=\"intro\">{} reports of the same story. Open one to read it, see <a href=\"#/provenance\">who copied whom</a>, or <a href=\"#/add\">add your own article</a>.</p>\
         <p class=\"compare-bar\"><span class=\"meta\">Tick two sources to compare them side by side.</span></p>\
         <ul class=\"cards\">{cards}</ul></section>",
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
    fn every_bundled_reader_is_a_template_with_its_marks() {
        let lib = Library::bundled();
        let html = page_html(&lib);
        check(&html, "<div id=\"first-paint\">");
        check(&html, &format!("<script>{PICK_SCRIPT}</script>"));
        for (i, d) in lib.docs().iter().enumerate() {
            let start = html
                .find(&format!("<template id=\"fp-doc-{}\">", d.id))
                .unwrap_or_else(|| panic!("no template for {}", d.id));
            let end = start + html[start..].find("</template>").unwrap();
            let reader = &html[start..end];
            check(reader, "<h1 id=\"doc-title\">");
            let marks = reader.matches("<mark class=\"m m-").count();
            assert_eq!(
                marks,
                lib.mentions(i).len(),
                "{}: every mention marked",
                d.id
            );
        }
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
