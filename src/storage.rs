//! The one place the app touches the browser's local storage. Everything a student writes
//! (notes, highlights, session answers, their own articles) is kept here, on this device only.
//!
//! Keys are namespaced `parallax.*`. Writing can fail (storage full, disabled by the browser,
//! private mode): callers get a [`StorageError`] whose text is shown to the user, and the value
//! stored before stays as it was (`setItem` either stores the whole value or nothing).

use std::fmt;
use wasm_bindgen::JsCast;

/// Key of the notes and highlights (the format of `parallax_core::notes`).
pub const NOTES_KEY: &str = "parallax.notes";
/// Key of the user's own articles (the format of [`crate::state::articles`]).
pub const ARTICLES_KEY: &str = "parallax.articles";
/// Prefix of keys holding data that could not be read, kept verbatim for export.
pub const DAMAGED_PREFIX: &str = "parallax.damaged.";

/// Key of the list of sessions with answers on this device ([`crate::state::answered`]).
pub const ANSWERED_KEY: &str = "parallax.answered";

/// The sessions with answers on this device (empty when none or unreadable).
pub fn answered() -> crate::state::answered::Answered {
    read(ANSWERED_KEY)
        .ok()
        .flatten()
        .map(|raw| crate::state::answered::Answered::parse(&raw))
        .unwrap_or_default()
}

/// Applies `action` to the stored list of sessions with answers and stores the result.
pub fn update_answered(
    action: crate::state::answered::AnsweredAction,
) -> Result<crate::state::answered::Answered, StorageError> {
    let next = answered().reduce(action);
    write(ANSWERED_KEY, &next.serialize())?;
    Ok(next)
}

/// Key of a student's answers to the session whose payload hashes to `session_key`.
pub fn answers_key(session_key: &str) -> String {
    format!("parallax.answers.{session_key}")
}

/// Why local storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no local storage (disabled, blocked for file:// or private mode).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Anything else the browser reported.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "This browser does not let Parallax keep data on this device (storage is disabled or blocked), so your work is not saved. Export it before you close the page.",
            ),
            StorageError::Full => f.write_str(
                "This browser's storage for Parallax is full, so your last change is not saved; what was saved before is kept. Export your notes, then remove some of your own articles or old notes.",
            ),
            StorageError::Other(e) => write!(f, "Your work could not be saved on this device: {e}. Export it before you close the page."),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn classify(e: wasm_bindgen::JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        // Chromium and WebKit: QuotaExceededError (code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED.
        Some(d)
            if d.name() == "QuotaExceededError"
                || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || d.code() == 22 =>
        {
            StorageError::Full
        }
        Some(d) => StorageError::Other(format!("{}: {}", d.name(), d.message())),
        None => StorageError::Other(format!("{e:?}")),
    }
}

/// The value stored under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(classify)
}

/// Keeps `raw`, data that could not be read under `key`, in a key of its own so that nothing
/// is lost when the valid part is written back; returns that key.
pub fn keep_damaged(key: &str, raw: &str) -> Result<String, StorageError> {
    let kept = format!("{DAMAGED_PREFIX}{key}");
    write(&kept, raw)?;
    Ok(kept)
}

/// Calls `f(key, new value)` whenever another tab or window of this origin changes local
/// storage (browsers tell every other tab; never the one that wrote). Listens until the
/// returned listener is dropped.
pub fn on_change(f: impl Fn(&str, Option<String>) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
            if let Some(key) = e.key() {
                f(&key, e.new_value());
            }
        }
    })
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The file chosen in the `<input type=file>` that fired `e`; the input is emptied so that
/// choosing the same file again fires again.
pub fn take_chosen_file(e: &yew::Event) -> Option<web_sys::File> {
    let input = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// The text in the `<textarea>` that `node` refers to ("" when it is not mounted).
pub fn textarea_value(node: &yew::NodeRef) -> String {
    node.cast::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}
