//! Main-content extraction of a saved page (feature `extract`): the page is parsed with the
//! HTML5 algorithm (html5ever, through `dom_query`), its article found by the reader-mode
//! algorithm (`dom_smoothie`, a port of Mozilla's Readability), and the article's text kept
//! with its headline, byline and date where the page marks them. The furniture around it
//! (menus, "related stories", share buttons, footers) is dropped.
//!
//! Everything that can run or hide text is removed before the article is looked for:
//! scripts, styles, templates, iframes, objects, form controls and SVG. Attributes (event
//! handlers among them) are never text. The result is plain text.
//!
//! A page with no article (a front page that is all links) gives `None`: the caller then
//! reads the whole page's text instead and says so.

use crate::pipeline::lists::WordSet;
use dom_query::{Document, NodeRef, Selection};
use dom_smoothie::{Config, Readability};

/// Elements removed with their content before extraction: they hold code, or markup that the
/// parser keeps as raw text (`xmp`, `textarea`...), or content that is not the page's text.
/// (Readability removes forms, buttons and the like itself, after scoring; removing them
/// before changes which block it picks.) A page's JSON-LD metadata stays for the reader-mode
/// algorithm to read (it removes every script itself before it looks for the article).
const REMOVED: &str = "script:not([type=\"application/ld+json\"]), style, noscript, template, \
                       iframe, noembed, noframes, xmp, plaintext, textarea, object, embed, svg, \
                       math";

/// An article with fewer letters and digits than this is taken for a failed extraction (a
/// teaser or a caption picked from a list page), and the whole page is read instead. Counted
/// in characters, not words, so that Chinese and Japanese (no spaces) count alike.
const MIN_ARTICLE_CHARS: usize = 200;

/// Longest outlet name or byline kept from a page's metadata, in characters.
const MAX_META_CHARS: usize = 120;

/// The extracted article: its headline, header lines, body and where it came from.
pub(super) struct Article {
    /// The page's headline, if it has one.
    pub title: Option<String>,
    /// The lines the reader shows before the body: headline, byline ("By ..."), date.
    pub header: Vec<String>,
    /// The body's paragraphs.
    pub body: Vec<String>,
    /// The author line.
    pub byline: Option<String>,
    /// The publication day (`2024-06-14`) or a short date as written.
    pub date: Option<String>,
    /// The outlet's name.
    pub site: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
}

/// The main article of the HTML page `html`, or `None` when the page has none.
pub(super) fn extract(html: &str) -> Option<Article> {
    let doc = Document::from(html);
    readable_math(&doc);
    doc.select(REMOVED).remove();
    separate_adjacent(&doc);
    protect_prose(&doc);
    let url = canonical_url(&doc);
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|n| one_line(&n.text()).trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let cfg = Config {
        keep_classes: true,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = reader.parse().ok()?;
    let content = dom_query::Document::from(article.content.as_ref());
    drop_furniture(&content);
    let body = without_boilerplate(paragraphs(&content.root().formatted_text()));
    let letters = body
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| c.is_alphanumeric())
        .count();
    if letters < MIN_ARTICLE_CHARS {
        return None;
    }
    let title = headline(&article.title, &h1s);
    let mut header: Vec<String> = Vec::new();
    if !title.is_empty() && !body.iter().take(3).any(|p| same_words(p, &title)) {
        header.push(title.clone());
    }
    let byline = article.byline.as_deref().and_then(meta_text);
    if let Some(b) = &byline {
        if !body.iter().any(|p| p.contains(b.as_str())) {
            header.push(byline_line(b));
        }
    }
    let date = article.published_time.as_deref().and_then(day_of);
    if let Some(d) = &date {
        header.push(d.clone());
    }
    // The page's own stamps in the body repeat what the header says: dropped.
    let body = body
        .into_iter()
        .filter(|p| {
            let stamp = date.is_some() && is_date_stamp(p);
            let by = byline.is_some() && is_byline(p);
            !(stamp || by)
        })
        .collect();
    Some(Article {
        title: (!title.is_empty()).then_some(title),
        header,
        body,
        byline,
        date,
        site: article.site_name.as_deref().and_then(meta_text),
        url,
    })
}

/// A metadata value as one short line, or `None` when it is empty, too long or an address.
fn meta_text(s: &str) -> Option<String> {
    let t = one_line(s).trim().to_string();
    let address = t.starts_with("http://") || t.starts_with("https://");
    (!t.is_empty() && !address && t.chars().count() <= MAX_META_CHARS).then_some(t)
}

/// The byline as a header line: "By " before it unless it says so already ("By Jane Doe",
/// "Reporting by ...").
fn byline_line(b: &str) -> String {
    let lower = b.to_lowercase();
    if lower.starts_with("by ") || lower.contains(" by ") {
        b.to_string()
    } else {
        format!("By {b}")
    }
}

/// The page's own address: its `<link rel=canonical>`, else its `og:url`, when it is an
/// absolute `http(s)` address without spaces.
fn canonical_url(doc: &Document) -> Option<String> {
    let candidates = [
        doc.select("link[rel~=\"canonical\"]").attr("href"),
        doc.select("meta[property=\"og:url\"]").attr("content"),
    ];
    candidates.into_iter().flatten().find_map(|u| {
        let u = u.trim();
        let ok = (u.starts_with("https://") || u.starts_with("http://"))
            && u.len() <= 2000
            && !u.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then(|| u.to_string())
    })
}

/// Elements whose text runs on into the next one's within a word: inline formatting. Between
/// any other two adjacent elements (`<span>Meg James</span><span>Staff</span>`, two table
/// cells, two blocks) a space is put, so their words never run together.
static INLINE_FORMATTING: WordSet = WordSet::new(include_str!(
    "../../../data/lists/import/inline_formatting.txt"
));

/// Puts a space between two adjacent elements of `doc` (no text between them) unless both are
/// inline formatting: text read off the page then never joins two elements' words.
fn separate_adjacent(doc: &Document) {
    let is_formatting = |n: &NodeRef| {
        n.node_name()
            .is_some_and(|name| INLINE_FORMATTING.contains(&&*name))
    };
    let pairs: Vec<NodeRef> = doc
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| {
            n.next_sibling().is_some_and(|next| {
                next.is_element() && !(is_formatting(n) && is_formatting(&next))
            })
        })
        .copied()
        .collect();
    for n in pairs {
        let space = doc.tree.new_text(" ");
        n.insert_after(&space);
    }
}

/// Parts of a `class` or `id` that make the reader-mode algorithm drop an element or count it
/// against the article (from its "unlikely candidate", negative-weight and share patterns) and
/// that name what article text sits in: sharing, media and widget blocks, scrolling boxes,
/// tags. Left out: comments and replies (readers' prose, not the article's), related stories,
/// page metadata, and "hidden" (a hidden copy of the text should stay out).
static DISFAVOURED: WordSet = WordSet::new(include_str!(
    "../../../data/lists/import/disfavoured_classes.txt"
));

/// Paragraphs of running text an element must hold to be taken for part of the article
/// whatever its class says.
const PROSE_PARAGRAPHS: usize = 3;

/// True when `node` holds at least [`PROSE_PARAGRAPHS`] paragraphs of running text: at least
/// 100 letters each, less than 30 % of them in links.
fn holds_prose(node: &NodeRef) -> bool {
    Selection::from(*node)
        .select("p")
        .nodes()
        .iter()
        .filter(|p| {
            let all = letters(&p.text());
            let linked = letters(&Selection::from(**p).select("a").text());
            all >= 100 && linked * 10 < all * 3
        })
        .take(PROSE_PARAGRAPHS)
        .count()
        >= PROSE_PARAGRAPHS
}

/// Takes the disfavoured words out of the `class` and `id` of elements that hold running text
/// (an article body in `<div class="article-chunk js-share-container">`, sections wrapped in
/// "widget" or "media" blocks between figures): the reader-mode algorithm would otherwise drop
/// them, or score the article's parts below the page's furniture.
fn protect_prose(doc: &Document) {
    let disfavoured = |s: &str| {
        let l = s.to_ascii_lowercase();
        DISFAVOURED.words().iter().any(|d| l.contains(d))
    };
    let marked: Vec<NodeRef> = doc
        .select("body [class], body [id]")
        .nodes()
        .iter()
        .filter(|n| {
            let class = n.attr("class").map(|c| c.to_string()).unwrap_or_default();
            let id = n.attr("id").map(|c| c.to_string()).unwrap_or_default();
            disfavoured(&class) || disfavoured(&id)
        })
        .copied()
        .collect();
    for n in marked {
        if !holds_prose(&n) {
            continue;
        }
        if let Some(class) = n.attr("class") {
            let kept: Vec<&str> = class
                .split_whitespace()
                .filter(|c| !disfavoured(c))
                .collect();
            n.set_attr("class", &kept.join(" "));
        }
        if n.attr("id").is_some_and(|id| disfavoured(&id)) {
            n.remove_attr("id");
        }
    }
}

/// Containers of a rendered formula (MathJax 2 and 3, KaTeX; KaTeX's MathML copy is not read
/// yet: its HTML rendering's text stays): their own text, when they have
/// any, is the formula as shown.
const MATH_CONTAINERS: &str = "mjx-container, .MathJax, .MathJax_CHTML, .MathJax_SVG, \
                               .MathJax_Display, .katex";

/// Keeps formulas as text before `math` and scripts are removed: a MathML formula
/// (`<math>`, MathJax 3's assistive copy, KaTeX's) becomes its text when the formula shown
/// around it has none (an SVG rendering); a MathJax 2 TeX source (`<script type="math/tex">`)
/// becomes its text when nothing rendered it as text. Annotations (a TeX copy) are dropped.
fn readable_math(doc: &Document) {
    doc.select("math annotation, math annotation-xml").remove();
    let container_has_text = |n: &NodeRef, own: usize| {
        n.ancestors_it(Some(6))
            .find(|a| a.is(MATH_CONTAINERS))
            .is_some_and(|c| letters(&c.text()) > own)
    };
    for m in doc.select("math").nodes().to_vec() {
        let text = one_line(&m.text());
        // A formula's text never brings markup back in (`<math><mtext><img ...>`).
        let plain = !text.contains(['<', '>']);
        if plain && !text.is_empty() && !container_has_text(&m, letters(&text)) {
            m.insert_before(&doc.tree.new_text(format!(" {text} ")));
        }
    }
    for sc in doc.select("script[type^=\"math/\"]").nodes().to_vec() {
        let text = one_line(&sc.text());
        let rendered = sc
            .prev_element_sibling()
            .is_some_and(|p| p.is(MATH_CONTAINERS) && letters(&p.text()) > 0);
        if !text.is_empty() && !text.contains(['<', '>']) && !rendered {
            sc.insert_before(&doc.tree.new_text(format!(" {text} ")));
        }
    }
}

/// Words of a `class` or `id` that mark page furniture: captions and credits, sharing and
/// social buttons, related and recommended stories, newsletters, promotions and ads, tags.
static FURNITURE_WORDS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/import/furniture_class_words.txt"
));

/// The words of an element's `class` and `id`, split at spaces, hyphens and underscores.
fn marker_words(node: &NodeRef) -> Vec<String> {
    let mut s = node
        .attr("class")
        .map(|c| c.to_string())
        .unwrap_or_default();
    s.push(' ');
    s.push_str(&node.attr("id").map(|c| c.to_string()).unwrap_or_default());
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Letters and digits in `s`.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Removes from the extracted article what is furniture by its markup: captions, elements
/// whose class or id names furniture (when they hold less than a third of the text), and short
/// blocks that are nothing but a link (the headlines of other stories).
fn drop_furniture(content: &Document) {
    content.select("figcaption").remove();
    let total = letters(&content.root().text());
    let marked: Vec<NodeRef> = content
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|n| {
            marker_words(n)
                .iter()
                .any(|w| FURNITURE_WORDS.contains(&w.as_str()))
        })
        .copied()
        .collect();
    for n in marked {
        if letters(&n.text()) * 3 < total && !holds_prose(&n) {
            n.remove_from_parent();
        }
    }
    let blocks: Vec<NodeRef> = content
        .select("p, li, h2, h3, h4, h5, h6, dt, dd")
        .nodes()
        .to_vec();
    for n in blocks {
        let text = n.text();
        let all = letters(&text);
        let linked = letters(&Selection::from(n).select("a").text());
        if all > 0 && linked * 10 >= all * 9 && text.split_whitespace().count() <= 20 {
            n.remove_from_parent();
        }
    }
}

/// Paragraphs that are the words of a page's controls and labels, not of its article (in
/// English): "Advertisement", "Read more: ...", "Image 1 of 8", "Photo: ...".
fn is_boilerplate(p: &str) -> bool {
    static WHOLE: WordSet = WordSet::new(include_str!(
        "../../../data/lists/import/furniture_lines.txt"
    ));
    const STARTS: &[&str] = &[
        "(image",
        "advertisement",
        "click here",
        "image:",
        "last updated",
        "photo:",
        "posted:",
        "posted by",
        "posted on",
        "published:",
        "published on",
        "published ",
        "read more:",
        "related:",
        "see more:",
        "updated:",
        "updated ",
        "| updated",
        "©",
        "copyright",
    ];
    /// Words of an invitation to subscribe, in a short paragraph.
    static SUBSCRIBE: WordSet = WordSet::new(include_str!(
        "../../../data/lists/import/subscribe_words.txt"
    ));
    /// The names of sharing buttons: a paragraph of nothing else is a row of buttons.
    static SHARING: WordSet =
        WordSet::new(include_str!("../../../data/lists/import/sharing_words.txt"));
    let lower = p.to_lowercase();
    let bare = lower.trim_end_matches(['.', ':', '…', '!', ' ', '(', '+', ')']);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '@')
        .filter(|w| !w.is_empty())
        .collect();
    let n = p.split_whitespace().count();
    let image_count = words.first() == Some(&"image")
        && words
            .get(1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words.get(2) == Some(&"of");
    let follow = lower.starts_with("follow ")
        && words
            .iter()
            .any(|w| ["twitter", "facebook", "instagram"].contains(w) || w.starts_with('@'));
    (n <= 15
        && (WHOLE.contains(&bare) || STARTS.iter().any(|s| lower.starts_with(s)) || image_count))
        || (n <= 30 && words.iter().any(|w| SUBSCRIBE.contains(w)))
        || (n <= 25 && follow)
        || ((2..=8).contains(&n) && words.iter().all(|w| SHARING.contains(w)))
}

/// Words of a date and time stamp besides numbers.
static DATE_WORDS: WordSet =
    WordSet::new(include_str!("../../../data/lists/import/date_words.txt"));

/// True for a short paragraph that is only a date and time stamp ("November 18, 2019 |
/// 4:10pm", "Nov. 20, 2019 6:02 AM EST").
fn is_date_stamp(p: &str) -> bool {
    let lower = p.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let time_or_ordinal = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && ["am", "pm", "th", "st", "nd", "rd"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    words.len() <= 12
        && words.iter().any(|w| numeric(w) && w.len() == 4)
        && words
            .iter()
            .all(|w| DATE_WORDS.contains(w) || numeric(w) || time_or_ordinal(w))
}

/// True for a short paragraph that is a byline ("By Jane Doe", "By Jane Doe and John Roe,
/// Reuters").
fn is_byline(p: &str) -> bool {
    let n = p.split_whitespace().count();
    (2..=10).contains(&n) && p.to_lowercase().starts_with("by ") && !p.trim_end().ends_with('.')
}

/// `paras` without boilerplate paragraphs and without a paragraph that repeats the one
/// before it (a caption shown twice). Repeats further apart stay: a recipe or a list may
/// repeat a line on purpose.
fn without_boilerplate(paras: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    for p in paras {
        if !is_boilerplate(&p) && out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// The paragraphs of an extracted text: each line a paragraph, its whitespace collapsed
/// (no-break spaces inside kept, none at the ends), blank ones dropped.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| one_line(l).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `s` on one line: runs of whitespace other than no-break spaces become one space.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The headline: the page's `<h1>` when the reader-mode title (from `<title>` or the page's
/// metadata, often with the site's name) holds its words and it has at least half of them (an
/// `<h1>` that is the site's logo is not the headline); else that title, or the first `<h1>`
/// when there is no title.
fn headline(title: &str, h1s: &[String]) -> String {
    let title = one_line(title).trim().to_string();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let t = words(&title);
    let held = h1s.iter().find(|h| {
        let w = words(h);
        !w.is_empty() && w.len() * 2 >= t.len() && t.windows(w.len()).any(|x| x == w.as_slice())
    });
    match (held, h1s.first()) {
        (Some(h), _) => h.clone(),
        (None, Some(h)) if title.is_empty() => h.clone(),
        _ => title,
    }
}

/// True when `a` and `b` have the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

/// The calendar day of a machine-readable date (`2024-06-14T09:30:00Z` -> `2024-06-14`); a
/// date in another form is kept as written when it is short.
fn day_of(date: &str) -> Option<String> {
    let d = one_line(date);
    let b = d.as_bytes();
    let iso = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso {
        Some(d[..10].to_string())
    } else if !d.is_empty() && d.chars().count() <= 40 {
        Some(d)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A news page: navigation, the article, related links and a footer.
    fn page(body: &str) -> String {
        format!(
            "<!doctype html><html><head><title>Floods close the ring road | Daily</title>\
             <meta property=\"article:published_time\" content=\"2024-06-14T09:30:00Z\">\
             <script>var x = '<p>no</p>';</script></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li>\
             <li><a href=/s>Sport</a></li></ul></nav>{body}\
             <aside class=related><h2>Related</h2><ul><li><a href=/a>Other story one</a></li>\
             <li><a href=/b>Other story two</a></li></ul></aside>\
             <footer>Copyright Daily. All rights reserved.</footer></body></html>"
        )
    }

    /// What `check` compares.
    #[derive(Debug)]
    struct Text {
        title: Option<String>,
        text: String,
    }

    const ARTICLE: &str = "<article><h1>Floods close the ring road</h1>\
        <p class=byline>By Jane Doe</p>\
        <p>Heavy rain closed the ring road on Sunday, police said, after the river rose two \
        metres overnight and water covered the lanes near the old bridge.</p>\
        <p>Drivers were told to avoid the area until Tuesday. The council said pumps were \
        working through the night and that buses would take the northern route.</p>\
        <p>“We have not seen water like this in forty years,” said a shop owner whose \
        basement flooded for the second time this month.</p></article>";

    /// The article as the import's `text`: header lines, then the body.
    fn text_of(a: &Article) -> String {
        a.header
            .iter()
            .chain(&a.body)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[track_caller]
    fn check(name: &str, html: &str, want: Option<(&str, &[&str], &[&str])>) {
        let got = extract(html).map(|a| Text {
            text: text_of(&a),
            title: a.title,
        });
        match (got, want) {
            (None, None) => {}
            (Some(a), Some((title, has, lacks))) => {
                assert_eq!(a.title.as_deref(), Some(title), "case {name}: title");
                for h in has {
                    assert!(a.text.contains(h), "case {name}: lost {h:?} in\n{}", a.text);
                }
                for l in lacks {
                    assert!(
                        !a.text.contains(l),
                        "case {name}: kept {l:?} in\n{}",
                        a.text
                    );
                }
                assert!(!a.text.contains("\n\n\n"), "case {name}: {}", a.text);
            }
            (got, want) => panic!("case {name}: expected {want:?}, got {got:?}"),
        }
    }

    #[test]
    fn extraction_table() {
        check(
            "news page",
            &page(ARTICLE),
            Some((
                "Floods close the ring road",
                &[
                    "Floods close the ring road\n\n",
                    "By Jane Doe",
                    "2024-06-14",
                    "Heavy rain closed the ring road on Sunday",
                    "“We have not seen water like this in forty years,”",
                ],
                &["Home", "Sport", "Other story", "Copyright", "<p>", "var x"],
            )),
        );
        check(
            "hostile markup inside the article",
            &page(&ARTICLE.replace(
                "</article>",
                "<script>alert(1)</script><iframe src=x>frame text</iframe>\
                 <template><p>template text</p></template>\
                 <p onclick=\"steal()\">Last paragraph of the story, with enough words to \
                 count as one.</p><style>p{}</style></article>",
            )),
            Some((
                "Floods close the ring road",
                &["Last paragraph of the story"],
                &["alert", "frame text", "template text", "steal", "p{}"],
            )),
        );
        let list = (0..30)
            .map(|i| format!("<li><a href=/s{i}>Story number {i} today</a></li>"))
            .collect::<String>();
        check(
            "a front page that is all links",
            &format!("<html><body><h1>Daily</h1><ul>{list}</ul></body></html>"),
            None,
        );
        check("empty", "", None);
        check("not a page", "just words", None);
    }

    /// The metadata fields of the article extracted from `html`.
    #[track_caller]
    fn check_meta(name: &str, html: &str, want: [Option<&str>; 4], header: &[&str]) {
        let a = extract(html).unwrap_or_else(|| panic!("case {name}: no article"));
        let got = [&a.byline, &a.date, &a.site, &a.url].map(|f| f.as_deref());
        assert_eq!(got, want, "case {name}: byline, date, site, url");
        assert_eq!(a.header, header, "case {name}: header lines");
        for line in &a.header {
            assert!(
                !a.body.contains(line),
                "case {name}: {line:?} also in the body"
            );
        }
    }

    #[test]
    fn page_metadata() {
        let head = "<meta property=\"og:site_name\" content=\"Daily  Courier\">\
                    <link rel=canonical href=\"https://daily.example/floods\">";
        check_meta(
            "open graph, canonical link and published time",
            &page(ARTICLE).replace("<script>", &format!("{head}<script>")),
            [
                Some("By Jane Doe"),
                Some("2024-06-14"),
                Some("Daily Courier"),
                Some("https://daily.example/floods"),
            ],
            &["Floods close the ring road", "By Jane Doe", "2024-06-14"],
        );
        let ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
                  \"@type\":\"NewsArticle\",\"headline\":\"Floods close the ring road\",\
                  \"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"},\
                  \"datePublished\":\"2024-06-15T08:00:00Z\",\
                  \"publisher\":{\"@type\":\"Organization\",\"name\":\"The Courier\"}}</script>";
        let no_byline = ARTICLE.replace("<p class=byline>By Jane Doe</p>", "");
        check_meta(
            "JSON-LD NewsArticle",
            &page(&no_byline)
                .replace("<script>", &format!("{ld}<script>"))
                .replace(
                    "<meta property=\"article:published_time\" content=\"2024-06-14T09:30:00Z\">",
                    "",
                ),
            [
                Some("Ann Lee"),
                Some("2024-06-15"),
                Some("The Courier"),
                None,
            ],
            &["Floods close the ring road", "By Ann Lee", "2024-06-15"],
        );
        check_meta(
            "a byline of two adjacent elements",
            &page(&ARTICLE.replace(
                "<p class=byline>By Jane Doe</p>",
                "<div class=byline><a href=/meg>Meg James</a><span>Staff</span></div>",
            )),
            [Some("Meg James Staff"), Some("2024-06-14"), None, None],
            &[
                "Floods close the ring road",
                "By Meg James Staff",
                "2024-06-14",
            ],
        );
        check_meta(
            "an address that is not http is no url",
            &page(ARTICLE).replace(
                "<script>",
                "<link rel=canonical href=\"javascript:alert(1)\"><script>",
            ),
            [Some("By Jane Doe"), Some("2024-06-14"), None, None],
            &["Floods close the ring road", "By Jane Doe", "2024-06-14"],
        );
    }

    #[test]
    fn adjacent_elements_never_join() {
        let html = page(&ARTICLE.replace(
            "</article>",
            "<p>The table below lists the roads.</p><table><tr><td>North</td><td>closed</td></tr>\
             </table><p>Officials said <b>most</b><i>ly</i> dry roads would <span>open</span><span>soon</span>, \
             and that the bridge would follow later in the week once engineers had checked it.</p></article>",
        ));
        let a = extract(&html).expect("an article");
        let text = text_of(&a);
        assert!(!text.contains("opensoon"), "{text}");
        assert!(text.contains("open soon"), "{text}");
        assert!(
            text.contains("mostly"),
            "inline formatting still joins: {text}"
        );
        assert!(!text.contains("Northclosed"), "{text}");
    }

    /// Paragraph `i` of a long article.
    fn para(i: usize) -> String {
        format!(
            "<p>Paragraph {i} of the report explains how the river rose two metres overnight \
             and why the council kept the pumps working until the water went down.</p>"
        )
    }

    /// The article `inside` (its paragraphs numbered 0 to 11 by [`para`]) on a news page must
    /// keep every paragraph and the words in `has`, and none of `lacks`.
    #[track_caller]
    fn check_kept(name: &str, inside: &str, has: &[&str], lacks: &[&str]) {
        let a = extract(&page(inside)).unwrap_or_else(|| panic!("case {name}: no article"));
        let body = a.body.join("\n\n");
        for i in 0..12 {
            assert!(
                body.contains(&format!("Paragraph {i} ")),
                "case {name}: lost paragraph {i} in\n{body}"
            );
        }
        for h in has {
            assert!(body.contains(h), "case {name}: lost {h:?} in\n{body}");
        }
        for l in lacks {
            assert!(!body.contains(l), "case {name}: kept {l:?} in\n{body}");
        }
    }

    #[test]
    fn nothing_of_the_article_is_lost() {
        let paras = |f: &dyn Fn(usize) -> String| (0..12).map(f).collect::<String>();
        let svg = "<figure class=\"media-figure\"><svg viewBox=\"0 0 9 9\"><text>Axis label</text>\
                   </svg><figcaption>Water levels</figcaption></figure>";
        check_kept(
            "inline SVG figures between paragraphs",
            &format!(
                "<article><h1>Floods</h1>{}</article>",
                paras(&|i| format!("{}{svg}", para(i)))
            ),
            &[],
            &["Axis label", "Water levels"],
        );
        check_kept(
            "sections in widget and media blocks",
            &format!(
                "<article><h1>Floods</h1>{}</article>",
                (0..4)
                    .map(|k| format!(
                        "<div class=\"media-widget\">{}{}{}</div><div class=\"media\">{svg}</div>",
                        para(3 * k),
                        para(3 * k + 1),
                        para(3 * k + 2)
                    ))
                    .collect::<String>()
            ),
            &[],
            &["Axis label"],
        );
        check_kept(
            "article parts in share containers, share buttons between",
            &format!(
                "<div class=\"story\"><h1>Floods</h1>{}</div>",
                (0..4)
                    .map(|k| format!(
                        "<div class=\"chunk js-share-container\">{}{}{}</div>\
                         <div class=\"share-bar\"><a href=#f>Facebook</a> <a href=#t>Twitter</a></div>",
                        para(3 * k),
                        para(3 * k + 1),
                        para(3 * k + 2)
                    ))
                    .collect::<String>()
            ),
            &[],
            &["Facebook", "Home", "Copyright"],
        );
        let mj2 = "<span class=\"MathJax_Preview\"></span><span class=\"MathJax_SVG\" id=\"MathJax-Element-1-Frame\">\
                   <svg><path d=\"\"></path></svg></span><script type=\"math/tex\">E = mc^2</script>";
        check_kept(
            "MathJax 2 formulas rendered as SVG",
            &format!(
                "<article><h1>Floods</h1>{}</article>",
                paras(&|i| para(i).replace(" how ", &format!(" how {mj2} ")))
            ),
            &["how E = mc^2 the river"],
            &[],
        );
        let mj3 = "<mjx-container class=\"MathJax\" jax=\"SVG\"><svg><g></g></svg><mjx-assistive-mml>\
                   <math><mi>x</mi><mo>=</mo><mn>2</mn><annotation encoding=\"application/x-tex\">x=2</annotation>\
                   </math></mjx-assistive-mml></mjx-container>";
        check_kept(
            "MathJax 3 formulas with their MathML copy",
            &format!(
                "<article><h1>Floods</h1>{}</article>",
                paras(&|i| para(i).replace(" how ", &format!(" how {mj3} ")))
            ),
            &["how x=2 the river"],
            &["x=2x=2"],
        );
        let code = "<div class=\"code-toolbar overflow-scroll\"><pre><code>let level = 2;\nraise(level);</code></pre>\
                    <div class=\"toolbar\"><button>Copy</button></div></div>";
        check_kept(
            "code blocks in scrolling toolbars",
            &format!(
                "<article><h1>Floods</h1>{}</article>",
                paras(&|i| format!("{}{code}", para(i)))
            ),
            &["let level = 2;", "raise(level);"],
            &["Copy"],
        );
    }

    #[test]
    fn boilerplate_lines() {
        let rows = [
            ("Advertisement", true),
            ("Continue Reading Below", true),
            ("READ MORE: China plague outbreak confirmed", true),
            ("Photo: Hau Dinh, AP", true),
            ("| UPDATED: 11:05, Tue, Nov 19, 2019", true),
            ("Published 1 day ago", true),
            ("© Aaron Schwartz", true),
            ("Subscribe to our newsletter for the top stories.", true),
            ("The river rose two metres overnight, officials said.", false),
            ("Published figures show the council spent more than planned on the flood defences this year and last year, and more again in the year before that.", false),
            ("Share prices fell.", false),
            ("Image 2 of 5", true),
            ("Share Tweet Email", true),
            ("Follow @parallax on Twitter for more", true),
            ("Posted by Jane Doe", true),
            ("Updated figures from the council show the river is still rising across the whole valley, and more rain is expected this weekend in every town along it.", false),
        ];
        for (p, want) in rows {
            assert_eq!(is_boilerplate(p), want, "{p:?}");
        }
        let got = without_boilerplate(
            [
                "Caption one",
                "Caption one",
                "Body.",
                "Advert",
                "More.",
                "Body.",
            ]
            .map(String::from)
            .to_vec(),
        );
        // Repeats further apart stay.
        assert_eq!(got, ["Caption one", "Body.", "More.", "Body."]);
    }

    #[test]
    fn stamps() {
        let rows = [
            ("November 18, 2019 | 4:10pm", true, false),
            ("Nov. 20, 2019 6:02 AM EST", true, false),
            ("Monday 14 June 2024", true, false),
            ("In 2019 the river rose.", false, false),
            ("By Jane Doe and John Roe, Reuters", false, true),
            ("By the end of the day.", false, false),
            (
                "By noon the water had gone down in every street of the town",
                false,
                false,
            ),
        ];
        for (p, date, byline) in rows {
            assert_eq!((is_date_stamp(p), is_byline(p)), (date, byline), "{p:?}");
        }
    }

    #[test]
    fn headlines() {
        let t = "Floods close the ring road | Daily";
        let rows: [(&str, &[&str], &str); 6] = [
            (
                t,
                &["Floods close the ring road"],
                "Floods close the ring road",
            ),
            (
                t,
                &["Daily", "Floods close the ring road"],
                "Floods close the ring road",
            ),
            (t, &["Daily"], t),
            (t, &["Weather"], t),
            ("", &["Weather"], "Weather"),
            ("Floods", &[], "Floods"),
        ];
        for (title, h1s, want) in rows {
            let h1s: Vec<String> = h1s.iter().map(|h| h.to_string()).collect();
            assert_eq!(headline(title, &h1s), want, "{title:?} {h1s:?}");
        }
    }

    #[test]
    fn dates() {
        let rows = [
            ("2024-06-14T09:30:00Z", Some("2024-06-14")),
            ("2024-06-14", Some("2024-06-14")),
            ("June 14, 2024", Some("June 14, 2024")),
            ("", None),
        ];
        for (date, want) in rows {
            assert_eq!(day_of(date).as_deref(), want, "{date:?}");
        }
    }
}
