//! "Copy link": every view is a link (route plus query in the fragment); this puts it on the
//! clipboard, or, where the browser refuses (file://, no permission), shows it selected in a
//! field to copy by hand. [`CopyText`] does the same for any text (a session link), with the
//! system's share sheet where the browser has one.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// What happened to the last copy.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied,
    Shared,
    Manual(String),
}

/// Writes `text` to the clipboard, then sets `status` to what happened.
fn copy(text: String, status: UseStateHandle<Status>) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(Status::Copied),
            Err(_) => status.set(Status::Manual(text)),
        }
    });
}

/// `navigator.share`, where the browser has a share sheet.
fn share_fn() -> Option<js_sys::Function> {
    let nav = gloo::utils::window().navigator();
    js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// Opens the share sheet for `url` titled `title`; `status` says when it was shared (a
/// cancelled sheet changes nothing).
fn share(f: &js_sys::Function, url: &str, title: &str, status: UseStateHandle<Status>) {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if !title.is_empty() {
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    }
    let nav = gloo::utils::window().navigator();
    if let Ok(p) = f.call1(&nav, &data) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(p).await.is_ok() {
                    status.set(Status::Shared);
                }
            });
        }
    }
}

fn select_all() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    })
}

/// The copy-link control.
#[function_component(CopyLink)]
pub fn copy_link() -> Html {
    let status = use_state(|| Status::Idle);
    let location = use_location();
    {
        // A new view starts without a stale "copied".
        let status = status.clone();
        let key = location.map(|l| format!("{}?{}", l.path(), l.query_str()));
        use_effect_with(key, move |_| status.set(Status::Idle));
    }
    let onclick = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            copy(href, status.clone());
        })
    };
    html! {
        <div class="copy-link">
            <button type="button" id="copy-link" {onclick}>{ "Copy link to this view" }</button>
            <span class="copy-status" role="status" aria-live="polite">
                { match &*status {
                    Status::Idle | Status::Shared => html! {},
                    Status::Copied => html! { <span id="copy-done">{ "Link copied." }</span> },
                    Status::Manual(href) => html! {
                        <label>{ "Copy this link: " }
                            <input id="copy-link-field" type="text" readonly=true value={href.clone()} onfocus={select_all()} autofocus=true />
                        </label>
                    },
                } }
            </span>
        </div>
    }
}

/// What [`CopyText`] copies and says.
#[derive(Properties, PartialEq)]
pub struct CopyTextProps {
    /// The text (a link) to copy or share.
    pub text: AttrValue,
    /// The copy button's label.
    pub label: AttrValue,
    /// Said once copied.
    pub done: AttrValue,
    /// The title given to the share sheet.
    #[prop_or_default]
    pub share_title: AttrValue,
}

/// A button that copies a text, a share button where the browser has a share sheet, and a
/// live region saying what happened (or the text to copy by hand).
#[function_component(CopyText)]
pub fn copy_text(p: &CopyTextProps) -> Html {
    let status = use_state(|| Status::Idle);
    {
        let status = status.clone();
        use_effect_with(p.text.clone(), move |_| status.set(Status::Idle));
    }
    let on_copy = {
        let (status, text) = (status.clone(), p.text.to_string());
        Callback::from(move |_: MouseEvent| copy(text.clone(), status.clone()))
    };
    let share_button = share_fn().map(|f| {
        let (status, text, title) = (status.clone(), p.text.to_string(), p.share_title.to_string());
        let onclick = Callback::from(move |_: MouseEvent| share(&f, &text, &title, status.clone()));
        html! { <button type="button" class="secondary" id="share-text" {onclick}>{ "Share…" }</button> }
    });
    html! {
        <div class="copy-text">
            <button type="button" id="copy-text" onclick={on_copy}>{ p.label.clone() }</button>
            { for share_button }
            <p class="copy-status" role="status" aria-live="polite" id="copy-text-status">
                { match &*status {
                    Status::Idle => html! {},
                    Status::Copied => html! { <span id="copy-text-done">{ p.done.clone() }</span> },
                    Status::Shared => html! { <span>{ "Shared." }</span> },
                    Status::Manual(text) => html! {
                        <label>{ "The browser did not let Parallax copy. Copy this by hand: " }
                            <input id="copy-text-field" type="text" readonly=true value={text.clone()} onfocus={select_all()} autofocus=true />
                        </label>
                    },
                } }
            </p>
        </div>
    }
}
