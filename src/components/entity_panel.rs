//! The entity panel: this document's entities by label, most mentioned first; the selected
//! entity with previous/next and the other sources that mention it (beside the text on wide
//! screens; on narrow ones a sheet at the bottom of the screen, with a Close button).

use crate::library::{EntityCount, Library};
use crate::marks::label_name;
use crate::route::Route;
use crate::state::reader::{doc_link, ReaderQuery};
use yew::prelude::*;
use yew_router::prelude::*;

/// Props of the panel.
#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    /// Position of this document in the library.
    pub doc: usize,
    /// Entities grouped by label.
    pub groups: Vec<(&'static str, Vec<EntityCount>)>,
    /// Selected entity.
    pub focus: Option<String>,
    /// Current mention of the selected entity and how many (1-based).
    pub position: Option<(usize, usize)>,
    /// Select (or clear) an entity.
    pub on_focus: Callback<Option<String>>,
    /// Step to the next (+1) or previous (-1) mention.
    pub on_step: Callback<i32>,
}

/// The entity panel.
#[function_component(EntityPanel)]
pub fn entity_panel(p: &EntityPanelProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let focus_box = p.focus.as_ref().and_then(|id| library.entity(id)).map(|e| {
        let others: Vec<Html> = e
            .mentions_per_doc
            .iter()
            .filter(|(d, n)| *d != p.doc && *n > 0)
            .filter_map(|&(d, n)| {
                let doc = library.docs().get(d)?;
                Some(html! {
                    <li data-doc={doc.id.clone()}>
                        <a href={doc_link(&doc.id, &ReaderQuery { focus: Some(e.id.clone()), ..ReaderQuery::default() })}>{ doc.title.clone() }</a>
                        { format!(" · {n} {}", if n == 1 { "mention" } else { "mentions" }) }
                    </li>
                })
            })
            .collect();
        let (at, of) = p.position.unwrap_or((0, 0));
        let on_step = p.on_step.clone();
        let prev = on_step.reform(|_: MouseEvent| -1);
        let next = on_step.reform(|_: MouseEvent| 1);
        let clear = p.on_focus.reform(|_: MouseEvent| None);
        html! {
            <section class="focus-box" id="focus-box" data-entity={e.id.clone()} aria-labelledby="focus-name" tabindex="-1">
                <div class="sheet-head">
                    <h3 id="focus-name">{ e.name.clone() }</h3>
                    <button type="button" class="sheet-close" id="close-focus" onclick={p.on_focus.reform(|_: MouseEvent| None)}>{ "Close" }</button>
                </div>
                <p class="meta">{ label_name(e.label.as_str()) }</p>
                <p class="focus-pos" id="focus-pos" aria-live="polite">{ format!("{at} of {of}") }</p>
                <div class="focus-buttons">
                    <button type="button" id="prev-mention" onclick={prev} disabled={of == 0}>{ "Previous" }</button>
                    <button type="button" id="next-mention" onclick={next} disabled={of == 0}>{ "Next" }</button>
                    <button type="button" id="clear-focus" onclick={clear}>{ "Clear" }</button>
                </div>
                <p><Link<Route> to={Route::Entity { id: e.id.clone() }}>{ format!("How every source describes {}", e.name) }</Link<Route>></p>
                if others.is_empty() {
                    <p class="meta" id="focus-elsewhere-none">{ "No other source mentions it." }</p>
                } else {
                    <h4>{ "Also in" }</h4>
                    <ul id="focus-elsewhere">{ for others }</ul>
                }
            </section>
        }
    });
    let groups = p.groups.iter().filter(|(_, list)| !list.is_empty()).map(|(label, list)| {
        let items = list.iter().map(|e| {
            let selected = p.focus.as_deref() == Some(e.id.as_str());
            let id = e.id.clone();
            let on = p.on_focus.clone();
            let (n, docs) = e.elsewhere;
            let also = if docs == 0 { String::new() } else { format!(", {n} in {docs} other") };
            html! {
                <li>
                    <button type="button" class={classes!("entity-button", format!("e-{}", label.to_lowercase()))} data-entity={e.id.clone()}
                            aria-pressed={selected.to_string()}
                            aria-label={format!("{}: {} mentions here{also}", e.name, e.here)}
                            onclick={Callback::from(move |_| on.emit(Some(id.clone())))}>
                        <span class="entity-name">{ e.name.clone() }</span>
                        <span class="count" aria-hidden="true">{ e.here }</span>
                    </button>
                </li>
            }
        });
        html! {
            <section class="entity-group" data-label={*label}>
                <h3>{ format!("{} ({})", label_name(label), list.len()) }</h3>
                <ul class="entity-list">{ for items }</ul>
            </section>
        }
    });
    html! {
        <aside class="entity-panel" id="entity-panel" aria-labelledby="panel-heading">
            <h2 id="panel-heading">{ "Entities in this source" }</h2>
            { for focus_box }
            { for groups }
        </aside>
    }
}
