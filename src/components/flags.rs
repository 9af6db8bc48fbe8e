//! Source flags as badges; each opens to show its evidence.

use crate::library::Library;
use yew::prelude::*;

/// Props: which document.
#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    /// Position of the document in the library.
    pub doc: usize,
}

/// The flags of one source.
#[function_component(Flags)]
pub fn flags(p: &FlagsProps) -> Html {
    let library = use_context::<Library>().expect("App provides the library");
    let flags = library.flags(p.doc);
    if flags.is_empty() {
        return html! {};
    }
    html! {
        <ul class="flags" aria-label="Source flags">
            { for flags.iter().map(|f| html! {
                <li class="flag" data-flag={f.flag.as_str()}>
                    <details>
                        <summary><span aria-hidden="true">{ "⚑ " }</span>{ f.flag.as_str().replace('_', " ") }</summary>
                        <p class="evidence">{ f.evidence.clone() }</p>
                    </details>
                </li>
            }) }
        </ul>
    }
}
