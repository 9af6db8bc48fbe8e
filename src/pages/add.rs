//! `#/add`: the user's own article, pasted or opened from a .txt, .md or .html file. It is
//! turned into plain text (markup is never interpreted), analysed and kept on this device.
//! Each article goes into a collection (one story, read and compared on its own): the bundled
//! story or one the user names; an article can be moved to another later.

use crate::contexts::ArticlesCtx;
use crate::library::Library;
use crate::route::Route;
use crate::state::articles::Article;
use parallax_core::import::{Format, ImportError, MAX_HTML_IMPORT_BYTES, MAX_IMPORT_BYTES};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working(String),
    Failed(String),
    /// A page with no article found: its whole text was added (the article's id, and the
    /// characters left out past the length limit).
    Whole(String, usize),
    /// An article longer than the limit was added up to its last whole paragraph that fits
    /// (the article's id and the characters left out).
    Cut(String, usize),
}

/// What adding an article needs: cloned into each import.
#[derive(Clone)]
struct Adder {
    status: UseStateHandle<Status>,
    library: Library,
    add: Callback<Article>,
    navigator: Option<Navigator>,
    /// The collection name field.
    collection: NodeRef,
}

impl Adder {
    /// Imports `bytes` (from a file named `name`, or pasted) and adds the article to the
    /// collection named in the field.
    fn add(&self, name: Option<String>, bytes: Vec<u8>) {
        let typed = self
            .collection
            .cast::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        let collection = match crate::state::articles::collection_name(&typed) {
            Ok(c) => c,
            Err(e) => {
                self.status.set(Status::Failed(e));
                return;
            }
        };
        let taken: Vec<String> = self.library.docs().iter().map(|d| d.id.clone()).collect();
        wasm_bindgen_futures::spawn_local(self.clone().import(name, bytes, collection, taken));
    }

    /// Imports, then adds the article (its id unique among `taken`) and opens it, or says
    /// what was left out first.
    async fn import(
        self,
        name: Option<String>,
        bytes: Vec<u8>,
        collection: String,
        taken: Vec<String>,
    ) {
        let status = self.status;
        status.set(Status::Working(format!(
            "Reading {}…",
            name.as_deref().unwrap_or("the pasted text")
        )));
        // Lets the browser paint the progress line before the work blocks it.
        crate::schedule::after_next_paint().await;
        let imported = match crate::engine::import(name.as_deref(), &bytes).await {
            Err(e) => return status.set(Status::Failed(e)),
            Ok(imported) => imported,
        };
        status.set(Status::Working(format!(
            "Analysing “{}” ({} words)…",
            parallax_core::document::shorten(&imported.title, 60),
            imported.text.split_whitespace().count()
        )));
        crate::schedule::after_next_paint().await;
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let id = crate::state::articles::new_id(&imported.title, &taken);
        let whole = imported.format == Format::Html && !imported.extracted;
        let source = crate::state::articles::Source::of(&imported);
        self.add.emit(Article {
            id: id.clone(),
            text: imported.text,
            origin: name.unwrap_or_else(|| "pasted".into()),
            added: crate::clock::now(),
            collection,
            source: source.clone(),
        });
        if whole {
            // Say so before the reader shows menus and links as article text.
            status.set(Status::Whole(id, source.left_out));
        } else if source.left_out > 0 {
            // Say how much was left out before the reader shows the rest.
            status.set(Status::Cut(id, source.left_out));
        } else {
            status.set(Status::Idle);
            if let Some(nav) = self.navigator {
                nav.push(&Route::Doc { id });
            }
        }
    }
}

/// Reads the file chosen in the file input and adds it; a file over every limit is refused
/// before it is read.
fn on_file(adder: &Adder) -> Callback<Event> {
    let adder = adder.clone();
    Callback::from(move |e: Event| {
        let Some(file) = crate::storage::take_chosen_file(&e) else {
            return;
        };
        let size = file.size() as usize;
        // The largest file of any format (HTML pages); import() refuses a text or
        // Markdown file over its own, smaller limit.
        if size > MAX_HTML_IMPORT_BYTES {
            adder.status.set(Status::Failed(
                ImportError::TooLarge {
                    bytes: size,
                    limit: MAX_HTML_IMPORT_BYTES,
                }
                .to_string(),
            ));
            return;
        }
        let adder = adder.clone();
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            adder
                .status
                .set(Status::Working(format!("Reading {name}…")));
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => adder.add(Some(name), js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => adder.status.set(Status::Failed(format!(
                    "The file {name} could not be read."
                ))),
            }
        });
    })
}

/// The add-an-article page.
#[function_component(AddPage)]
pub fn add_page() -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let articles = use_context::<ArticlesCtx>().expect("App provides the articles");
    let status = use_state(|| Status::Idle);
    let paste = use_node_ref();
    let collection = use_node_ref();
    let names = crate::state::articles::collections(&articles.list);
    let adder = Adder {
        status: status.clone(),
        library: library.clone(),
        add: articles.add.clone(),
        navigator: use_navigator(),
        collection: collection.clone(),
    };
    let on_paste = {
        let (adder, paste) = (adder.clone(), paste.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = crate::storage::textarea_value(&paste);
            // A paste is plain text (a textarea never receives markup), whatever it contains.
            adder.add(None, text.into_bytes());
        })
    };
    let on_file = on_file(&adder);
    let busy = matches!(*status, Status::Working(_));
    html! {
        <section class="add-page" aria-labelledby="add-heading">
            <h1 id="add-heading">{ "Add your own article" }</h1>
            <p class="intro">
                { "Paste a news article or open a .txt, .md or .html file. It is analysed in this browser and kept on this device only; nothing is uploaded. " }
                { format!("Text and Markdown files up to {} KB, HTML pages up to {} MB; HTML is turned into plain text, and no markup in it is ever run or shown as markup.", MAX_IMPORT_BYTES / 1000, MAX_HTML_IMPORT_BYTES / 1_000_000) }
            </p>
            if let Some(m) = &articles.message { <p class="banner warning" role="alert">{ m.clone() }</p> }
            { collection_field(&names, &collection) }
            <div class="add-forms">
                <form class="add-paste" onsubmit={on_paste} aria-labelledby="paste-h">
                    <h2 id="paste-h">{ "Paste text" }</h2>
                    <label for="paste-text">{ "Article text (headline on the first line)" }</label>
                    <textarea id="paste-text" ref={paste} rows="12" disabled={busy} />
                    <button type="submit" id="paste-add" disabled={busy}>{ "Add to library" }</button>
                </form>
                <div class="add-file" aria-labelledby="file-h">
                    <h2 id="file-h">{ "Open a file" }</h2>
                    <label class="button file-button">
                        { "Choose a .txt, .md or .html file" }
                        <input type="file" id="file-input" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onchange={on_file} disabled={busy} />
                    </label>
                </div>
            </div>
            <div id="import-status" aria-live="polite">
                { status_line(&status) }
            </div>
            { own_list(&library, &articles) }
        </section>
    }
}

/// Moving own article `d` (position `i`) to another collection: a name (a list offers the
/// collections there are) and a button.
fn move_form(
    library: &Library,
    articles: &ArticlesCtx,
    i: usize,
    d: &parallax_core::Document,
) -> Html {
    let current = library
        .collection_of(i)
        .map(|k| library.collections()[k].label().to_string())
        .unwrap_or_default();
    let input = NodeRef::default();
    let field = format!("move-{}", d.id);
    let submit = {
        let (input, id, move_to) = (input.clone(), d.id.clone(), articles.move_to.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if let Ok(name) = crate::state::articles::collection_name(&typed) {
                move_to.emit((id.clone(), name));
            }
        })
    };
    html! {
        <form class="move-article" onsubmit={submit}>
            <label for={field.clone()}>{ "Collection" }<span class="sr-only">{ format!(" of “{}”", d.title) }</span></label>{ " " }
            <input id={field} type="text" list="collection-names" maxlength="200" value={current} ref={input} />{ " " }
            <button type="submit">{ "Move" }<span class="sr-only">{ format!(" “{}”", d.title) }</span></button>
        </form>
    }
}

/// The collection a new article goes into: typed, or picked from those there are.
fn collection_field(names: &[String], collection: &NodeRef) -> Html {
    html! {
        <p class="add-collection">
            <label for="collection-input">{ "Collection (the story this article belongs to)" }</label>
            <input id="collection-input" type="text" ref={collection.clone()} list="collection-names" maxlength="200"
                   value={names.last().cloned().unwrap_or_default()} placeholder={crate::state::articles::DEFAULT_COLLECTION}
                   aria-describedby="collection-help" />
            <span class="meta" id="collection-help">{ format!("Articles of one collection are compared with each other only. Type a new name for a new story, or “{}” to compare it with the bundled reports.", crate::state::articles::BUNDLED_NAME) }</span>
            <datalist id="collection-names">
                <option value={crate::state::articles::BUNDLED_NAME} />
                { for names.iter().map(|n| html! { <option value={n.clone()} /> }) }
            </datalist>
        </p>
    }
}

/// The user's own articles, each with Remove and a collection to move it to.
fn own_list(library: &Library, articles: &ArticlesCtx) -> Html {
    let own: Vec<(usize, &parallax_core::Document)> = library
        .docs()
        .iter()
        .enumerate()
        .filter(|(i, _)| library.is_own(*i))
        .collect();
    if own.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="own-h">
            <h2 id="own-h">{ "Your articles" }</h2>
            <ul class="own-list">
                { for own.iter().map(|(i, d)| {
                    let i = *i;
                    let remove = articles.remove.reform({ let id = d.id.clone(); move |_: MouseEvent| id.clone() });
                    html! {
                        <li data-doc={d.id.clone()}>
                            <a href={format!("#/doc/{}", d.id)}>{ d.title.clone() }</a>
                            { format!(" · {} words ", d.word_count) }
                            <button type="button" class="remove-article" onclick={remove}>{ "Remove" }<span class="sr-only">{ format!(" “{}”", d.title) }</span></button>
                            { move_form(library, articles, i, d) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// What the import is doing, or why it failed.
fn status_line(status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Working(m) => {
            html! { <p class="progress" role="status"><span class="spinner" aria-hidden="true"></span>{ m.clone() }</p> }
        }
        Status::Failed(m) => {
            html! { <p class="error" role="alert" id="import-error">{ m.clone() }</p> }
        }
        Status::Whole(id, left_out) => html! {
            <p class="progress" role="status" id="import-whole">
                { "No article was found in this page, so its whole text was added: menus, links and other page furniture may be part of it. " }
                { crate::state::articles::left_out_notice(*left_out).map(|n| format!("{n} ")).unwrap_or_default() }
                <a href={format!("#/doc/{id}")}>{ "Read it" }</a>
            </p>
        },
        Status::Cut(id, left_out) => html! {
            <p class="progress" role="status" id="import-cut">
                { crate::state::articles::left_out_notice(*left_out).unwrap_or_default() }{ " " }
                <a href={format!("#/doc/{id}")}>{ "Read it" }</a>
            </p>
        },
    }
}
