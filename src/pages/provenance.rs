//! `#/provenance`: who copied whom. Sources that are one text (a wire copy reprinted, versions
//! of one text, a rewrite) drawn as families, oldest first where known, each member tied to
//! one placed before it by a labelled link; then every link as a list (the same information for
//! the keyboard, a screen reader and print); then sources a flag calls a machine rewrite with
//! no original in the set, and the independent sources. Read off the snapshot: the viewer
//! computes nothing.

use crate::families::{families, Family};
use crate::library::Library;
use parallax_core::document::shorten;
use parallax_core::provenance::{Link, Relation};
use parallax_core::Document;
use yew::prelude::*;

/// Height of one member's box in the drawing, and the gap below it (SVG units).
const ROW: f32 = 64.0;
const BOX: f32 = 48.0;
/// Width of the drawing (it scales to the page).
const WIDTH: f32 = 640.0;
/// Where the boxes start: the links run in the margin on the left.
const LEFT: f32 = 120.0;

/// How a relation reads after "is a … of".
fn relation_phrase(r: Relation) -> &'static str {
    match r {
        Relation::SameCopy => "the same copy as",
        Relation::Update => "another version of",
        Relation::Rewrite => "a rewrite of",
    }
}

/// "Source N: title", shortened.
fn source_name(docs: &[Document], d: usize, max: usize) -> String {
    docs.get(d).map_or(String::new(), |doc| {
        format!("{}. {}", d + 1, shorten(&doc.title, max))
    })
}

/// The drawing of one family: members as boxes top to bottom, each link to the member it is
/// tied to as an arc in the left margin, labelled with the relation and the shared share.
fn family_svg(docs: &[Document], links: &[Link], f: &Family, n: usize) -> Html {
    let height = ROW * f.members.len() as f32;
    let y_of = |k: usize| ROW * k as f32 + BOX / 2.0;
    let label = format!(
        "Family {n}: {}",
        f.members
            .iter()
            .zip(&f.parent)
            .map(|(&m, p)| match p.and_then(|i| links.get(i)) {
                Some(l) => format!(
                    "source {} is {} source {}",
                    m + 1,
                    relation_phrase(l.relation),
                    (if l.a == m { l.b } else { l.a }) + 1
                ),
                None => format!("source {} first", m + 1),
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    let boxes = f.members.iter().enumerate().map(|(k, &m)| {
        let y = ROW * k as f32;
        html! {
            <g class="prov-node">
                <rect x={LEFT.to_string()} y={y.to_string()} width={(WIDTH - LEFT - 2.0).to_string()} height={BOX.to_string()} rx="6" />
                <text x={(LEFT + 12.0).to_string()} y={(y + BOX / 2.0 + 6.0).to_string()}>{ source_name(docs, m, 44) }</text>
            </g>
        }
    });
    let arcs = f.members.iter().enumerate().filter_map(|(k, &m)| {
        let l = links.get(f.parent[k]?)?;
        let other = if l.a == m { l.b } else { l.a };
        let j = f.members.iter().position(|&x| x == other)?;
        let (y0, y1) = (y_of(j), y_of(k));
        let bulge = LEFT - 20.0 - 12.0 * (k - j - 1).min(4) as f32;
        let path = format!(
            "M {LEFT} {y0} C {x} {y0}, {x} {y1}, {LEFT} {y1}",
            x = LEFT - bulge
        );
        let dash = match l.relation {
            Relation::SameCopy => "",
            Relation::Update => "8 4",
            Relation::Rewrite => "2 4",
        };
        Some(html! {
            <g class={classes!("prov-link", format!("prov-{}", l.relation.as_str()))}>
                <path d={path} stroke-dasharray={dash} marker-end="url(#prov-arrow)" />
                <text class="prov-link-label" x={(LEFT - 6.0).to_string()} y={(y1 - BOX / 2.0 - 2.0).to_string()} text-anchor="end">
                    { format!("{} {:.0}%", l.relation.label(), l.shared * 100.0) }
                </text>
            </g>
        })
    });
    html! {
        <svg class="prov-drawing" viewBox={format!("0 -12 {WIDTH} {height}")} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
            <defs>
                <marker id="prov-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" />
                </marker>
            </defs>
            { for arcs }
            { for boxes }
        </svg>
    }
}

/// One link in words: the two sources, the relation, which came first, the evidence.
fn link_item(docs: &[Document], l: &Link, k: usize) -> Html {
    let (first, second) = match l.earlier {
        Some(e) if e == l.b => (l.b, l.a),
        _ => (l.a, l.b),
    };
    let order = match l.earlier {
        Some(e) => format!("Earlier: source {}.", e + 1),
        None => "Which came first is not known.".to_string(),
    };
    let doc_link = |d: usize| match docs.get(d) {
        Some(doc) => {
            html! { <a href={format!("#/doc/{}", doc.id)}>{ source_name(docs, d, 70) }</a> }
        }
        None => html! {},
    };
    let compare = match (docs.get(first), docs.get(second)) {
        (Some(x), Some(y)) => html! {
            <a class="prov-compare" href={format!("#/compare/{}/{}", x.id, y.id)}>{ "Compare them side by side" }</a>
        },
        _ => html! {},
    };
    html! {
        <li class="prov-item" id={format!("link-{}", k + 1)} data-relation={l.relation.as_str()}
            data-a={docs.get(l.a).map(|d| d.id.clone()).unwrap_or_default()}
            data-b={docs.get(l.b).map(|d| d.id.clone()).unwrap_or_default()}>
            <h3>
                { doc_link(second) }
                <span class="prov-relation">{ format!(" is {} ", relation_phrase(l.relation)) }</span>
                { doc_link(first) }
            </h3>
            <p class="meta">
                <span class={classes!("prov-badge", format!("prov-badge-{}", l.relation.as_str()))}>{ l.relation.label() }</span>
                { format!(" {:.0}% of their sentences aligned strongly. {order} ", l.shared * 100.0) }
                { compare }
            </p>
            <ul class="prov-evidence" aria-label="Evidence">
                { for l.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
            </ul>
        </li>
    }
}

/// The provenance page.
#[function_component(ProvenancePage)]
pub fn provenance_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let docs = library.docs();
    let links = library.provenance();
    let fams = families(docs.len(), links);
    let linked: Vec<usize> = fams.iter().flat_map(|f| f.members.clone()).collect();
    let rewritten: Vec<(usize, String)> = (0..docs.len())
        .filter(|d| !linked.contains(d))
        .filter_map(|d| {
            library
                .flags(d)
                .into_iter()
                .find(|f| f.flag.as_str() == "machine_rewrite")
                .map(|f| (d, f.evidence.clone()))
        })
        .collect();
    let independent: Vec<usize> = (0..docs.len())
        .filter(|d| !linked.contains(d) && !rewritten.iter().any(|(r, _)| r == d))
        .collect();
    let intro = format!(
        "{} of the {} sources are one text with another: {} {} below.",
        linked.len(),
        docs.len(),
        fams.len(),
        if fams.len() == 1 {
            "family"
        } else {
            "families"
        }
    );
    html! {
        <article class="provenance" id="provenance" aria-labelledby="provenance-h">
            <h1 id="provenance-h">{ "Who copied whom" }</h1>
            <p class="intro">
                { intro }
                { " A same copy is one text reprinted (another headline or byline); an update is another version of one text (sentences added or removed, figures changed); a rewrite is one text in other words (spun with synonyms, translated and back, reordered). Reports that only share facts and quotes are independent and not linked." }
            </p>
            <p class="meta">{ "See also " }<a href="#/story">{ "the story, claim by claim" }</a>{ "." }</p>
            if !fams.is_empty() {
                <section aria-labelledby="prov-families-h" class="prov-families">
                    <h2 id="prov-families-h">{ "Families, oldest first where known" }</h2>
                    <p class="meta prov-key">{ "Solid line: same copy · long dashes: update · dots: rewrite. The list below says the same in words." }</p>
                    { for fams.iter().enumerate().map(|(n, f)| html! {
                        <figure class="prov-family" data-family={(n + 1).to_string()}>
                            { family_svg(docs, links, f, n + 1) }
                            <figcaption class="meta">{ format!("Family {}: {} sources", n + 1, f.members.len()) }</figcaption>
                        </figure>
                    }) }
                </section>
            }
            <section aria-labelledby="prov-list-h">
                <h2 id="prov-list-h">{ "Every link" }</h2>
                if links.is_empty() {
                    <p id="prov-none">{ "No two sources here are one text: every source is an independent report." }</p>
                } else {
                    <ol class="prov-list" id="prov-list">
                        { for links.iter().enumerate().map(|(k, l)| link_item(docs, l, k)) }
                    </ol>
                }
            </section>
            if !rewritten.is_empty() {
                <section aria-labelledby="prov-orphans-h">
                    <h2 id="prov-orphans-h">{ "Rewrites whose original is not here" }</h2>
                    <ul class="prov-orphans">
                        { for rewritten.iter().map(|(d, ev)| html! {
                            <li data-doc={docs[*d].id.clone()}>
                                <a href={format!("#/doc/{}", docs[*d].id)}>{ source_name(docs, *d, 70) }</a>
                                { format!(": flagged as a machine rewrite ({ev}). Add the original with “Add article” to link them.") }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !independent.is_empty() {
                <section aria-labelledby="prov-indep-h">
                    <h2 id="prov-indep-h">{ "Independent sources" }</h2>
                    <ul class="prov-independent">
                        { for independent.iter().map(|&d| html! {
                            <li data-doc={docs[d].id.clone()}><a href={format!("#/doc/{}", docs[d].id)}>{ source_name(docs, d, 70) }</a></li>
                        }) }
                    </ul>
                </section>
            }
        </article>
    }
}
