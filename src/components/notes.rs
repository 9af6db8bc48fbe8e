//! Highlights and notes in a document: the editor for a new one (from the text selection) and
//! the list of a document's notes with their anchoring status.

use crate::contexts::NotesCtx;
use crate::state::notes::NotesAction;
use parallax_core::anchor::{resolve, Anchored};
use parallax_core::notes::{Colour, Note};
use parallax_core::{Document, Span};
use yew::prelude::*;

/// Where a note sits in the current text of its document.
pub fn place(doc: &Document, note: &Note) -> Anchored {
    resolve(
        &doc.text,
        &note.quote,
        Some(Span::new(note.start, note.end)),
    )
}

/// The highlights of `doc` placed in its current text (those that could not be re-attached
/// are left out; their notes say so in the list), in text order.
pub fn placed(doc: &Document, notes: &[&Note]) -> Vec<(Span, Note)> {
    let mut v: Vec<(Span, Note)> = notes
        .iter()
        .filter_map(|n| match place(doc, n) {
            Anchored::Exact(s) | Anchored::Moved(s) => Some((s, (*n).clone())),
            Anchored::Lost => None,
        })
        .collect();
    v.sort_by_key(|(s, _)| (s.start, s.end));
    v
}

/// The text of `span` with the highlights over it: plain runs, and for highlighted runs an
/// element carrying the note's id, colour and (as a tooltip) its text.
pub fn highlight_runs(
    text: &str,
    ix: &parallax_core::CharIndex,
    span: Span,
    placed: &[(Span, Note)],
) -> Html {
    let spans: Vec<Span> = placed.iter().map(|(s, _)| *s).collect();
    let runs = crate::marks::split_by(span, &spans)
        .into_iter()
        .map(|(run, h)| {
            let t = ix.slice(text, run).to_string();
            match h {
                None => html! { { t } },
                Some(h) => {
                    let n = &placed[h].1;
                    let class = classes!(
                        "hl",
                        colour_class(n.colour),
                        (!n.text.is_empty()).then_some("has-note")
                    );
                    let title = if n.text.is_empty() {
                        format!("{} highlight", colour_name(n.colour))
                    } else {
                        format!("{} highlight: {}", colour_name(n.colour), n.text)
                    };
                    html! { <span {class} data-note={n.id.clone()} {title}>{ t }</span> }
                }
            }
        });
    html! { <>{ for runs }</> }
}

/// A colour's name for people ("Yellow").
pub fn colour_name(c: Colour) -> String {
    let n = c.name();
    let mut chars = n.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The CSS class of a highlight colour.
pub fn colour_class(c: Colour) -> String {
    format!("hl-{}", c.name().to_lowercase())
}

/// Props of the editor for a new highlight.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document.
    pub doc_id: AttrValue,
    /// Its text (for the quote and its context).
    pub text: AttrValue,
    /// The selected span.
    pub span: Span,
    /// Closes the editor (saved or cancelled).
    pub on_close: Callback<()>,
}

/// "New highlight": the selected words, a colour, an optional note, Save / Cancel.
#[function_component(NoteEditor)]
pub fn note_editor(p: &EditorProps) -> Html {
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let colour = use_state(|| Colour::Yellow);
    let text = use_node_ref();
    let quote = parallax_core::anchor::describe(&p.text, p.span);
    let shown = parallax_core::document::shorten(&quote.exact, 160);
    let save = {
        let colour = colour.clone();
        let text = text.clone();
        let (doc, span, on_close) = (p.doc_id.to_string(), p.span, p.on_close.clone());
        let quote = quote.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = crate::storage::textarea_value(&text);
            let now = crate::clock::now();
            notes.dispatch.emit(NotesAction::Add(Note {
                id: crate::clock::fresh_id("n"),
                doc: doc.clone(),
                quote: quote.clone(),
                start: span.start,
                end: span.end,
                colour: *colour,
                text: body.trim().to_string(),
                created: now,
                updated: now,
            }));
            crate::selection::clear();
            on_close.emit(());
        })
    };
    let cancel = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <form class="note-editor" id="note-editor" aria-labelledby="note-editor-h" onsubmit={save}>
            <h2 id="note-editor-h">{ "New highlight" }</h2>
            <blockquote class="note-quote">{ shown }</blockquote>
            <ColourPicker name="note-colour" colour={*colour} on_pick={{ let c = colour.clone(); Callback::from(move |x| c.set(x)) }} />
            <label for="note-text">{ "Note (optional)" }</label>
            <textarea id="note-text" ref={text} rows="3" maxlength="5000" />
            <div class="actions">
                <button type="submit" id="note-save">{ "Save highlight" }</button>
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// One note as a list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteItem {
    /// The note.
    pub note: Note,
    /// Title of its document.
    pub title: AttrValue,
    /// Where it sits in the document's current text.
    pub anchored: Anchored,
    /// Link to its place in the reader.
    pub link: AttrValue,
}

impl NoteItem {
    /// `note` of `doc`, placed in its current text.
    pub fn new(note: &Note, doc: &Document) -> Self {
        let anchored = place(doc, note);
        let at = match anchored {
            Anchored::Exact(s) | Anchored::Moved(s) => s.start,
            Anchored::Lost => note.start,
        };
        let para = doc
            .paragraphs
            .iter()
            .position(|p| p.start <= at && at < p.end.max(p.start + 1))
            .map(|k| format!("?p={}", k + 1))
            .unwrap_or_default();
        NoteItem {
            note: note.clone(),
            title: doc.title.clone().into(),
            anchored,
            link: format!("#/doc/{}{para}", doc.id).into(),
        }
    }
}

/// Props of a list of notes.
#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// The notes.
    pub items: Vec<NoteItem>,
    /// Show the document's title with each note (the all-notes page).
    #[prop_or_default]
    pub show_doc: bool,
}

/// Notes, each with its quote, colour (named, not only shown), text, where it is, and
/// edit / delete.
#[function_component(NoteList)]
pub fn note_list(p: &ListProps) -> Html {
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let editing = use_state(|| None::<String>);
    if p.items.is_empty() {
        return html! {
            <p class="meta" id="no-notes">{ "No highlights yet. Select words in the text, then choose “Highlight selection”." }</p>
        };
    }
    html! {
        <ol class="note-list">
            { for p.items.iter().map(|item| {
                let (n, link) = (&item.note, &item.link);
                let status = match item.anchored {
                    Anchored::Exact(_) => html! {},
                    Anchored::Moved(_) => html! { <p class="note-status">{ "The text changed; this note was re-attached to the same words." }</p> },
                    Anchored::Lost => html! { <p class="note-status lost" role="note">{ "The text changed and these words are no longer in it; the note is kept." }</p> },
                };
                let id = n.id.clone();
                let remove = {
                    let d = notes.dispatch.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| {
                        crate::components::undo::focus_neighbour(&format!("li.note[data-note=\"{id}\"]"), "button", "note-undo");
                        d.emit(NotesAction::Remove { id: id.clone(), at: crate::clock::now() })
                    })
                };
                let edit = {
                    let editing = editing.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| editing.set(Some(id.clone())))
                };
                let is_editing = editing.as_deref() == Some(id.as_str());
                html! {
                    <li class={classes!("note", colour_class(n.colour))} data-note={id.clone()}>
                        if p.show_doc { <p class="note-doc">{ item.title.clone() }</p> }
                        <blockquote class="note-quote"><span class={classes!("hl", colour_class(n.colour))}>{ n.quote.exact.clone() }</span></blockquote>
                        <p class="meta">{ format!("{} highlight", colour_name(n.colour)) }{ " · " }<a href={link.clone()}>{ "show in the text" }</a></p>
                        { status }
                        if notes.state.is_conflict(&id) {
                            <p class="note-status conflict" role="note">{ "Conflict copy: this note was changed in another tab or window at the same time. Both versions are kept; edit or delete this one." }</p>
                        }
                        if is_editing {
                            <NoteEdit note={n.clone()} on_done={{ let e = editing.clone(); Callback::from(move |_| e.set(None)) }} />
                        } else {
                            if !n.text.is_empty() { <p class="note-text">{ n.text.clone() }</p> }
                            <div class="actions">
                                <button type="button" class="note-edit" onclick={edit}>{ "Edit" }<span class="sr-only">{ format!(" note on “{}”", parallax_core::document::shorten(&n.quote.exact, 40)) }</span></button>
                                <button type="button" class="note-delete" onclick={remove}>{ "Delete" }<span class="sr-only">{ format!(" note on “{}”", parallax_core::document::shorten(&n.quote.exact, 40)) }</span></button>
                            </div>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct EditProps {
    note: Note,
    on_done: Callback<()>,
}

#[function_component(NoteEdit)]
fn note_edit(p: &EditProps) -> Html {
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let colour = use_state(|| p.note.colour);
    let text = use_node_ref();
    let field = format!("edit-{}", p.note.id);
    let save = {
        let (colour, text, id, done) = (
            colour.clone(),
            text.clone(),
            p.note.id.clone(),
            p.on_done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = crate::storage::textarea_value(&text);
            notes.dispatch.emit(NotesAction::Edit {
                id: id.clone(),
                text: body.trim().to_string(),
                colour: *colour,
                at: crate::clock::now(),
            });
            done.emit(());
        })
    };
    html! {
        <form class="note-edit-form" onsubmit={save}>
            <ColourPicker name={format!("{field}-colour")} colour={*colour} on_pick={{ let c = colour.clone(); Callback::from(move |x| c.set(x)) }} />
            <label for={field.clone()}>{ "Note" }</label>
            <textarea id={field} ref={text} rows="3" maxlength="5000" defaultvalue={p.note.text.clone()} />
            <div class="actions">
                <button type="submit">{ "Save" }</button>
                <button type="button" onclick={p.on_done.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct PickerProps {
    /// Name of the radio group (unique on the page).
    name: AttrValue,
    colour: Colour,
    on_pick: Callback<Colour>,
}

/// The four highlight colours as a radio group, each named in words.
#[function_component(ColourPicker)]
fn colour_picker(p: &PickerProps) -> Html {
    html! {
        <fieldset class="colours">
            <legend>{ "Colour" }</legend>
            { for Colour::ALL.iter().map(|&c| html! {
                <label class={classes!("swatch", colour_class(c))}>
                    <input type="radio" name={p.name.clone()} value={c.name()} checked={p.colour == c}
                           onchange={p.on_pick.reform(move |_: Event| c)} />
                    { colour_name(c) }
                </label>
            }) }
        </fieldset>
    }
}
