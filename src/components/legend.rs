//! The legend: one toggle per label with its count in this document, and the furniture switch.

use crate::marks::label_name;
use std::collections::BTreeSet;
use yew::prelude::*;

/// Props of the legend.
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Mentions per label in this document, legend order.
    pub counts: Vec<(&'static str, usize)>,
    /// Hidden labels.
    pub hidden: BTreeSet<&'static str>,
    /// Whether page furniture is hidden.
    pub hide_furniture: bool,
    /// A label's toggle was pressed.
    pub on_toggle: Callback<&'static str>,
    /// The furniture switch was pressed.
    pub on_furniture: Callback<()>,
}

/// The legend with toggles.
#[function_component(Legend)]
pub fn legend(p: &LegendProps) -> Html {
    let chips = p.counts.iter().map(|&(label, n)| {
        let shown = !p.hidden.contains(label);
        let on = p.on_toggle.clone();
        html! {
            <li>
                <button type="button" class={classes!("chip", (!shown).then_some("off"))} data-label={label}
                        aria-pressed={shown.to_string()} onclick={Callback::from(move |_| on.emit(label))}>
                    <span class={classes!("swatch", "m", format!("m-{}", label.to_lowercase()))} aria-hidden="true">{ "Ab" }</span>
                    <span class="chip-name">{ label_name(label) }</span>
                    <span class="count">{ n }</span>
                </button>
            </li>
        }
    });
    let on_furniture = p.on_furniture.reform(|_: MouseEvent| ());
    html! {
        <section class="legend" id="legend" aria-label="Highlights">
            <ul class="chips">{ for chips }</ul>
            <button type="button" class="switch" id="furniture-switch" aria-pressed={p.hide_furniture.to_string()} onclick={on_furniture}>
                { "Hide captions and page furniture" }
            </button>
        </section>
    }
}
