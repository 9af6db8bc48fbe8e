//! `#/story`: the claims-by-sources matrix. Each row is one fact or quote reported by several
//! sources; each column a source; a cell says whether and how the source reports it. Rows sort
//! by coverage (`?sort=asc`), a row opens (`?row=N`) to show its passages side by side, and a
//! row whose sources give different numbers or dates is marked as a conflict. Each collection
//! has its own matrix (`?c=<name>`; the bundled story without). On a narrow screen the claim
//! column stays in place and the source columns scroll inside the table.

use crate::library::Library;
use crate::route::Route;
use crate::url::{query_param, Query};
use parallax_core::document::shorten;
use parallax_core::story::{Cell, Claim};
use yew::prelude::*;
use yew_router::prelude::*;

fn cell_text(c: Cell) -> (&'static str, &'static str) {
    match c {
        Cell::Same => ("●", "same"),
        Cell::Paraphrase => ("◐", "paraphrase"),
        Cell::Related => ("○", "related"),
        Cell::Absent => ("–", "absent"),
    }
}

/// The link to the story of collection `key`.
pub fn story_link(key: &str) -> String {
    let query = Query::new()
        .pair("c", (!key.is_empty()).then_some(key))
        .encode();
    if query.is_empty() {
        "#/story".to_string()
    } else {
        format!("#/story?{query}")
    }
}

/// Which sources are one text (copies, versions, rewrites), from the provenance links: a
/// claim they all carry counts as one independent report.
fn copies_note(library: &Library) -> Html {
    let docs = library.docs();
    let fams = crate::families::families(docs.len(), library.provenance());
    if fams.is_empty() {
        return html! {
            <p class="meta" id="story-copies"><a href="#/provenance">{ "Who copied whom" }</a>{ ": no two sources here are one text." }</p>
        };
    }
    let groups = fams.iter().map(|f| {
        let names: Vec<String> = f
            .members
            .iter()
            .map(|m| format!("Source {}", m + 1))
            .collect();
        html! { <li>{ format!("{} are one text.", names.join(", ")) }</li> }
    });
    html! {
        <div class="story-copies" id="story-copies">
            <p class="meta">
                { "Copies of each other (a wire copy reprinted, versions, rewrites) count once in “independent”: " }
                <a href="#/provenance">{ "who copied whom" }</a>{ "." }
            </p>
            <ul class="meta">{ for groups }</ul>
        </div>
    }
}

/// The story page.
#[function_component(StoryPage)]
pub fn story_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let engine = use_context::<crate::contexts::EngineStatus>().unwrap_or_default();
    let location = use_location();
    let navigator = use_navigator();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let param = |k: &str| query_param(&query, k);
    let key = param("c").unwrap_or_default();
    let Some(col) = library
        .collection_index(&key)
        .map(|k| &library.collections()[k])
    else {
        if engine.analysing > 0 {
            return html! { <p class="progress" role="status">{ format!("The story “{key}” is being analysed…") }</p> };
        }
        return html! { <crate::pages::not_found::NotFound what="Story" /> };
    };
    let claims = &col.story;
    let ascending = param("sort").as_deref() == Some("asc");
    let open: Option<usize> = param("row").and_then(|r| r.parse().ok());
    let go = {
        let navigator = navigator.clone();
        let key = key.clone();
        move |asc: bool, row: Option<usize>| {
            let query = Query::new()
                .pair("c", (!key.is_empty()).then_some(key.as_str()))
                .pair("sort", asc.then_some("asc"))
                .pair("row", row)
                .encode();
            crate::contexts::replace_view(&navigator, &Route::Story, &query);
        }
    };
    let mut order: Vec<usize> = (0..claims.len()).collect();
    // Claims come most widely reported first; the sort keeps ties in that order.
    order.sort_by_key(|&i| {
        let key = (claims[i].reports as i64, claims[i].coverage as i64);
        if ascending {
            key
        } else {
            (-key.0, -key.1)
        }
    });
    let docs = &library.docs()[col.docs.clone()];
    let summary = |c: &Claim| -> String {
        c.passages
            .iter()
            .enumerate()
            .find_map(|(d, ps)| ps.first().map(|p| shorten(docs[d].slice(p.span), 110)))
            .unwrap_or_default()
    };
    let rows = order.iter().map(|&i| {
        let c = &claims[i];
        let is_open = open == Some(i + 1);
        let toggle = {
            let go = go.clone();
            Callback::from(move |_| go(ascending, if is_open { None } else { Some(i + 1) }))
        };
        let cells = c.cells.iter().map(|&k| {
            let (sym, name) = cell_text(k);
            html! { <td class={classes!("cell", format!("cell-{name}"))} data-cell={name}><span aria-hidden="true">{ sym }</span>{ " " }<span class="cell-name">{ name }</span></td> }
        });
        let conflict = c.conflict.as_ref().map(|cf| {
            let values = cf.values.iter().map(|(d, text, _)| format!("{text} ({})", shorten(&docs[*d].title, 28))).collect::<Vec<_>>().join(" vs ");
            html! { <p class="conflict" data-conflict={cf.what}><strong>{ format!("Conflict ({}): ", cf.what) }</strong>{ values }</p> }
        });
        let detail = is_open.then(|| {
            let cols = c.passages.iter().enumerate().filter(|(_, ps)| !ps.is_empty()).map(|(d, ps)| {
                html! {
                    <div class="passage" data-doc={docs[d].id.clone()}>
                        <p class="passage-title"><a href={format!("#/doc/{}", docs[d].id)}>{ docs[d].title.clone() }</a></p>
                        { for ps.iter().map(|p| html! { <p><span class="kind-tag">{ cell_text(p.kind).1 }</span>{ " " }{ docs[d].slice(p.span).to_string() }</p> }) }
                    </div>
                }
            });
            html! {
                <tr class="claim-detail"><td colspan={(docs.len() + 2).to_string()}>
                    <div class="passages" id={format!("claim-{}", i + 1)}>{ for cols }</div>
                </td></tr>
            }
        });
        html! {
            <>
                <tr class={classes!("claim", c.conflict.is_some().then_some("has-conflict"))} data-claim={(i + 1).to_string()} data-coverage={c.coverage.to_string()}>
                    <th scope="row" class="claim-text">
                        <button type="button" class="open-claim" aria-expanded={is_open.to_string()} onclick={toggle}>
                            { summary(c) }
                        </button>
                        { for conflict }
                    </th>
                    <td class="coverage">
                        { format!("{} of {}", c.coverage, docs.len()) }
                        if c.reports < c.coverage {
                            <span class="reports">{ format!(" ({} independent)", c.reports) }</span>
                        }
                    </td>
                    { for cells }
                </tr>
                { for detail }
            </>
        }
    });
    let sort_button = {
        let go = go.clone();
        Callback::from(move |_| go(!ascending, open))
    };
    html! {
        <article class="story" id="story" aria-labelledby="story-h">
            <h1 id="story-h">{ "The story, claim by claim" }</h1>
            { collection_pick(&library, &key) }
            <p class="intro">
                { format!("{} facts or quotes reported by at least two of the {} sources. ", claims.len(), docs.len()) }
                { "● same wording, ◐ reworded, ○ the same fact in a different sentence, – not reported. Open a row to read its passages side by side." }
            </p>
            { copies_note(&library) }
            <p class="scroll-cue" id="scroll-cue" aria-hidden="true">{ format!("The claims stay on the left; swipe the table sideways for all {} sources →", docs.len()) }</p>
            <div class="table-wrap" role="region" aria-label="Claims by source (scrolls sideways)" tabindex="0">
                <table class="story-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Claim" }</th>
                            <th scope="col" aria-sort={if ascending { "ascending" } else { "descending" }}>
                                <button type="button" id="sort-coverage" onclick={sort_button}>
                                    { if ascending { "Coverage ↑" } else { "Coverage ↓" } }
                                </button>
                            </th>
                            { for docs.iter().enumerate().map(|(d, doc)| html! {
                                <th scope="col" class="source-col"><a href={format!("#/doc/{}", doc.id)} title={doc.title.clone()}>{ format!("Source {}", d + 1) }</a></th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <ol class="source-key">
                { for docs.iter().map(|d| html! { <li>{ d.title.clone() }</li> }) }
            </ol>
        </article>
    }
}

/// Links to the other collections' stories, when there is more than one.
fn collection_pick(library: &Library, key: &str) -> Html {
    let cs = library.collections();
    if cs.len() < 2 {
        return html! {};
    }
    html! {
        <nav aria-label="Stories">
            <ul class="collection-pick">
                { for cs.iter().map(|c| html! {
                    <li><a href={story_link(&c.key)} data-collection={c.key.clone()}
                           aria-current={(c.key == key).then_some("page")}>{ c.label().to_string() }</a></li>
                }) }
            </ul>
        </nav>
    }
}
