//! `#/notes`: every highlight and note, by source, with export (JSON to re-import, Markdown
//! to read or hand in) and import (merging without duplicates).

use crate::components::notes::{NoteItem, NoteList};
use crate::contexts::NotesCtx;
use crate::library::Library;
use crate::state::notes::{Imported, NotesAction};
use yew::prelude::*;

/// The notes page.
#[function_component(NotesPage)]
pub fn notes_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let error = use_state(|| None::<String>);
    let state = &notes.state;

    // Long lists are shown a page at a time: thousands of notes would hold the page for
    // seconds while every one is placed in its text and drawn.
    let limit = use_state(|| NOTES_PAGE);
    let (groups, hidden) = note_groups(&library, state, *limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + NOTES_PAGE))
    };
    let orphans: Vec<&parallax_core::notes::Note> = state
        .notes
        .iter()
        .filter(|n| library.get(&n.doc).is_none())
        .collect();

    let base = {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        href.split('#').next().unwrap_or("").to_string()
    };
    let export_json = {
        let notes = notes.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let body = parallax_core::notes::serialize(&notes.state.notes);
            if let Err(e) =
                crate::storage::download("parallax-notes.json", "application/json", &body)
            {
                error.set(Some(format!("The export could not be started: {e}")));
            }
        })
    };
    let export_md = {
        let notes = notes.clone();
        let library = library.clone();
        let error = error.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            let title_of = |id: &str| {
                library
                    .get(id)
                    .map_or_else(|| format!("Document {id}"), |d| d.title.clone())
            };
            let link_of = |n: &parallax_core::notes::Note| match library.get(&n.doc) {
                Some(d) => format!("{base}{}", NoteItem::new(n, d).link),
                None => format!("{base}#/doc/{}", n.doc),
            };
            let body = parallax_core::notes::to_markdown(&notes.state.notes, &title_of, &link_of);
            if let Err(e) = crate::storage::download("parallax-notes.md", "text/markdown", &body) {
                error.set(Some(format!("The export could not be started: {e}")));
            }
        })
    };
    let import = {
        let notes = notes.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::storage::take_chosen_file(&e) else {
                return;
            };
            let notes = notes.clone();
            let error = error.clone();
            let max = parallax_core::notes::MAX_FILE_BYTES;
            if file.size() > max as f64 {
                error.set(Some(format!(
                    "This file is too large to be a Parallax notes export (over {} MB).",
                    max / 1_000_000
                )));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => {
                        error.set(None);
                        notes
                            .dispatch
                            .emit(NotesAction::Import(text.as_string().unwrap_or_default()));
                    }
                    Err(_) => error.set(Some("The file could not be read.".into())),
                }
            });
        })
    };
    let download_damaged = {
        let key = notes.saved.damaged_key.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(k) = &key {
                let raw = crate::storage::read(k).ok().flatten().unwrap_or_default();
                if let Err(e) =
                    crate::storage::download("parallax-notes-damaged.txt", "text/plain", &raw)
                {
                    error.set(Some(format!("The export could not be started: {e}")));
                }
            }
        })
    };

    html! {
        <section class="notes-page" aria-labelledby="notes-heading">
            <h1 id="notes-heading">{ "Your highlights and notes" }</h1>
            <p class="intro">{ format!("{}, kept in this browser on this device only. Export them to keep a copy, hand them in, or move them to another browser.", count(state.notes.len(), "note", "notes")) }</p>
            if !notes.saved.problems.is_empty() {
                <div class="banner warning" role="alert" id="notes-damaged">
                    <p>{ "Some stored notes could not be read; the others are here. " }{ notes.saved.problems.join("; ") }</p>
                    if notes.saved.damaged_key.is_some() {
                        <button type="button" id="download-damaged" onclick={download_damaged}>{ "Download the stored data as it was" }</button>
                    }
                </div>
            }
            <div class="notes-actions">
                <button type="button" id="export-json" onclick={export_json} disabled={state.notes.is_empty()}>{ "Export notes (JSON, to import again)" }</button>
                <button type="button" id="export-md" onclick={export_md} disabled={state.notes.is_empty()}>{ "Export notes (Markdown, to read or hand in)" }</button>
                <label class="button file-button">
                    { "Import notes (JSON)" }
                    <input type="file" id="import-notes" accept=".json,application/json" onchange={import} />
                </label>
            </div>
            <p role="status" id="notes-status">{ state.imported.as_ref().map(imported).unwrap_or_default() }</p>
            <p role="alert" class="error">{ (*error).clone().unwrap_or_default() }</p>
            if groups.is_empty() && orphans.is_empty() {
                <p class="meta" id="no-notes">{ "No highlights yet. Open a source, select words, and choose “Highlight selection”." }</p>
            }
            <SessionAnswers />
            { for groups }
            if hidden > 0 {
                <button type="button" id="more-notes" onclick={more}>{ format!("Show {} more notes ({hidden} not shown)", hidden.min(NOTES_PAGE)) }</button>
            }
            if !orphans.is_empty() {
                <section class="notes-group">
                    <h2>{ "Notes on documents not in this library" }</h2>
                    <p class="meta">{ "These documents are not here (an article that was removed, or one from another edition). The notes are kept and exported." }</p>
                    <ul>
                        { for orphans.iter().map(|n| html! { <li><blockquote>{ n.quote.exact.clone() }</blockquote> if !n.text.is_empty() { <p>{ n.text.clone() }</p> }</li> }) }
                    </ul>
                </section>
            }
        </section>
    }
}

/// `n` with its noun, singular or plural ("1 note", "3 notes").
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The answers to each session this device holds answers for, with their session.
#[function_component(SessionAnswers)]
fn session_answers() -> Html {
    let answered = crate::storage::answered();
    if answered.entries.is_empty() {
        return html! {};
    }
    let sessions = answered.entries.iter().map(|e| {
        let raw = crate::storage::read(&crate::storage::answers_key(&e.key))
            .ok()
            .flatten()
            .unwrap_or_default();
        let (answers, _) = crate::state::answers::Answers::parse(&raw);
        let prompts = parallax_core::session::decode(&e.payload)
            .map(|s| s.prompts)
            .unwrap_or_default();
        let title = if e.title.trim().is_empty() { "Reading session" } else { e.title.trim() };
        let items: Vec<Html> = prompts
            .iter()
            .enumerate()
            .filter(|(i, _)| !answers.get(*i).trim().is_empty())
            .map(|(i, p)| html! {
                <li><p class="prompt-text">{ p.text.clone() }</p><blockquote>{ answers.get(i).to_string() }</blockquote></li>
            })
            .collect();
        html! {
            <section class="notes-group session-answers" data-session={e.key.clone()}>
                <h3><a href={format!("#/session/{}", e.payload)}>{ title.to_string() }</a></h3>
                <p class="meta">
                    { format!("{} of {} answered", items.len(), count(prompts.len(), "question", "questions")) }
                    if !answers.name().trim().is_empty() { { format!(" · as {}", answers.name().trim()) } }
                    { if e.unsent() { " · not exported since the last change" } else { " · exported" } }
                </p>
                if !items.is_empty() { <ol>{ for items }</ol> }
            </section>
        }
    });
    html! {
        <section class="session-answers-list" id="session-answers" aria-labelledby="session-answers-h">
            <h2 id="session-answers-h">{ "Your session answers" }</h2>
            { for sessions }
        </section>
    }
}

/// How many notes the page draws at first, and how many more each "Show more".
const NOTES_PAGE: usize = 200;

/// A section per source with its notes, at most `limit` notes in all, in library order; and
/// how many notes are left out.
fn note_groups(
    library: &Library,
    state: &crate::state::notes::NotesState,
    limit: usize,
) -> (Vec<Html>, usize) {
    let mut groups = Vec::new();
    let (mut shown, mut hidden) = (0, 0);
    for doc in library.docs() {
        let notes = state.of_doc(&doc.id);
        let take = notes.len().min(limit - shown);
        hidden += notes.len() - take;
        if take == 0 {
            continue;
        }
        shown += take;
        let items: Vec<NoteItem> = notes[..take]
            .iter()
            .map(|n| NoteItem::new(n, doc))
            .collect();
        groups.push(html! {
            <section class="notes-group" data-doc={doc.id.clone()}>
                <h2><a href={format!("#/doc/{}", doc.id)}>{ doc.title.clone() }</a></h2>
                <NoteList {items} />
            </section>
        });
    }
    (groups, hidden)
}

/// What an import did, for the status line.
fn imported(i: &Imported) -> String {
    match i {
        Imported::TooLarge(bytes) => format!(
            "Nothing imported: the file is {:.1} MB, and a notes file may be at most {} MB.",
            *bytes as f64 / 1e6,
            parallax_core::notes::MAX_FILE_BYTES / 1_000_000
        ),
        Imported::Nothing(why) => format!(
            "Nothing imported: {}.",
            why.as_deref().unwrap_or("it holds no notes")
        ),
        Imported::Done {
            added,
            skipped,
            damaged,
        } => {
            let mut msg = format!(
                "Imported {added} note{}",
                if *added == 1 { "" } else { "s" }
            );
            if *skipped > 0 {
                msg.push_str(&format!("; {skipped} already here"));
            }
            if *damaged > 0 {
                msg.push_str(&format!(
                    "; {damaged} damaged entr{} skipped",
                    if *damaged == 1 { "y" } else { "ies" }
                ));
            }
            msg.push('.');
            msg
        }
    }
}
