//! "Copy link": every view is a link (route plus query in the fragment); this puts it on the
//! clipboard, or, where the browser refuses (file://, no permission), shows it selected in a
//! field to copy by hand.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// What happened to the last copy.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied,
    Manual(String),
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
            let status = status.clone();
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&href);
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set(Status::Copied),
                    Err(_) => status.set(Status::Manual(href)),
                }
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    html! {
        <div class="copy-link">
            <button type="button" id="copy-link" {onclick}>{ "Copy link to this view" }</button>
            <span class="copy-status" role="status" aria-live="polite">
                { match &*status {
                    Status::Idle => html! {},
                    Status::Copied => html! { <span id="copy-done">{ "Link copied." }</span> },
                    Status::Manual(href) => html! {
                        <label>{ "Copy this link: " }
                            <input id="copy-link-field" type="text" readonly=true value={href.clone()} onfocus={select_all} autofocus=true />
                        </label>
                    },
                } }
            </span>
        </div>
    }
}
