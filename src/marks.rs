//! Entity marks: one `<Mark>` component for every view that marks mentions (reader, compare,
//! entity page, handout), the label names people read, and `segments` / `split_by`, which cut
//! text into plain runs, marks and highlights. The cutting is pure and tested natively.

use parallax_core::Span;
use std::collections::BTreeSet;
use yew::prelude::*;

/// A label's name for people.
pub fn label_name(label: &str) -> &'static str {
    match label {
        "PERSON" => "Person",
        "ORG" => "Organisation",
        "PLACE" => "Place",
        "GROUP" => "Group",
        "DATE" => "Date",
        "NUMBER" => "Number",
        _ => "Other",
    }
}

/// Props of a mark.
#[derive(Properties, PartialEq)]
pub struct MarkProps {
    /// Its label (`PERSON`): the colour and `data-label`.
    pub label: &'static str,
    /// The entity it mentions (`data-entity`), when it stands for a mention.
    #[prop_or_default]
    pub entity: Option<AttrValue>,
    /// Its position among the document's mentions (`data-m`), in the reader.
    #[prop_or_default]
    pub index: Option<usize>,
    /// Its tooltip (`data-tip`), in the reader.
    #[prop_or_default]
    pub tip: Option<AttrValue>,
    /// A mention of the selected entity.
    #[prop_or_default]
    pub focused: bool,
    /// The current mention of the selected entity.
    #[prop_or_default]
    pub current: bool,
    /// Makes the mark focusable by script and selects its entity when clicked (the reader).
    #[prop_or_default]
    pub on_select: Option<Callback<String>>,
    /// The text marked.
    #[prop_or_default]
    pub children: Html,
}

/// A marked run of text: `<mark class="m m-person" data-label="PERSON" ...>`.
#[function_component(Mark)]
pub fn mark(p: &MarkProps) -> Html {
    let class = classes!(
        "m",
        format!("m-{}", p.label.to_lowercase()),
        p.focused.then_some("focused"),
        p.current.then_some("current"),
    );
    let onclick = p.on_select.clone().map(|select| {
        let entity = p.entity.clone().unwrap_or_default().to_string();
        Callback::from(move |_: MouseEvent| select.emit(entity.clone()))
    });
    html! {
        <mark {class} data-label={p.label} data-entity={p.entity.clone()} data-m={p.index.map(|k| k.to_string())}
              data-tip={p.tip.clone()} tabindex={p.on_select.is_some().then_some("-1")} {onclick}>
            { p.children.clone() }
        </mark>
    }
}

/// Cuts `para` into runs: plain text (`None`) and marks (`Some(i)`, `i` indexing `mentions`),
/// leaving out mentions whose label is hidden. `mentions` are sorted and do not overlap.
pub fn segments(
    para: Span,
    mentions: &[(Span, &str)],
    hidden: &BTreeSet<&'static str>,
) -> Vec<(Span, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = para.start;
    let first = mentions.partition_point(|(s, _)| s.end <= para.start);
    for (i, (s, label)) in mentions.iter().enumerate().skip(first) {
        if s.start >= para.end {
            break;
        }
        if hidden.contains(label) || s.start < at || s.end > para.end {
            continue;
        }
        if s.start > at {
            out.push((Span::new(at, s.start), None));
        }
        out.push((*s, Some(i)));
        at = s.end;
    }
    if at < para.end {
        out.push((Span::new(at, para.end), None));
    }
    out
}

/// Cuts `piece` at the edges of `highlights` (sorted by start; they may overlap): each run
/// with the index of the first highlight covering it, or `None`.
pub fn split_by(piece: Span, highlights: &[Span]) -> Vec<(Span, Option<usize>)> {
    let mut cuts = vec![piece.start, piece.end];
    for h in highlights {
        for x in [h.start, h.end] {
            if x > piece.start && x < piece.end {
                cuts.push(x);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let run = Span::new(w[0], w[1]);
            let cover = highlights
                .iter()
                .position(|h| h.start <= run.start && run.end <= h.end);
            (run, cover)
        })
        .collect()
}

/// Why a line is site furniture (a caption, a credit, boilerplate, a repeated headline), shown
/// beside it in the reader and the handout; `None` for the article's running text.
pub fn furniture_reason(role: parallax_core::text::lines::LineRole) -> Option<&'static str> {
    use parallax_core::text::lines::LineRole;
    (!role.is_content() || role == LineRole::RepeatedHeadline).then(|| role.reason())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_by_highlights() {
        let s = |a, b| Span::new(a, b);
        type Case<'a> = (Span, &'a [Span], &'a [(Span, Option<usize>)]);
        let cases: &[Case<'_>] = &[
            (s(0, 10), &[], &[(s(0, 10), None)]),
            (
                s(0, 10),
                &[s(2, 4)],
                &[(s(0, 2), None), (s(2, 4), Some(0)), (s(4, 10), None)],
            ),
            (
                s(5, 10),
                &[s(0, 7)],
                &[(s(5, 7), Some(0)), (s(7, 10), None)],
            ),
            (s(5, 10), &[s(0, 20)], &[(s(5, 10), Some(0))]),
            (s(5, 10), &[s(0, 3), s(12, 20)], &[(s(5, 10), None)]),
            (
                s(0, 10),
                &[s(1, 6), s(4, 8)],
                &[
                    (s(0, 1), None),
                    (s(1, 4), Some(0)),
                    (s(4, 6), Some(0)),
                    (s(6, 8), Some(1)),
                    (s(8, 10), None),
                ],
            ),
        ];
        for (piece, hl, want) in cases {
            assert_eq!(
                split_by(*piece, hl),
                *want,
                "piece {piece:?} highlights {hl:?}"
            );
        }
    }

    #[track_caller]
    fn check_segments(
        para: (usize, usize),
        mentions: &[((usize, usize), &str)],
        hide: &[&'static str],
        expected: &[((usize, usize), Option<usize>)],
    ) {
        let m: Vec<(Span, &str)> = mentions
            .iter()
            .map(|&((s, e), l)| (Span::new(s, e), l))
            .collect();
        let hidden: BTreeSet<&'static str> = hide.iter().copied().collect();
        let got = segments(Span::new(para.0, para.1), &m, &hidden);
        let want: Vec<(Span, Option<usize>)> = expected
            .iter()
            .map(|&((s, e), i)| (Span::new(s, e), i))
            .collect();
        assert_eq!(
            got, want,
            "para {para:?}, mentions {mentions:?}, hidden {hide:?}"
        );
    }

    #[test]
    fn segments_cover_the_paragraph() {
        // "Ann Lee met Bob in Rome." as paragraph 10..34
        let m = [
            ((10, 17), "PERSON"),
            ((22, 25), "PERSON"),
            ((29, 33), "PLACE"),
            ((40, 44), "DATE"),
        ];
        check_segments(
            (10, 34),
            &m,
            &[],
            &[
                ((10, 17), Some(0)),
                ((17, 22), None),
                ((22, 25), Some(1)),
                ((25, 29), None),
                ((29, 33), Some(2)),
                ((33, 34), None),
            ],
        );
        check_segments(
            (10, 34),
            &m,
            &["PERSON"],
            &[((10, 29), None), ((29, 33), Some(2)), ((33, 34), None)],
        );
        check_segments(
            (35, 50),
            &m,
            &[],
            &[((35, 40), None), ((40, 44), Some(3)), ((44, 50), None)],
        );
        check_segments((0, 5), &m, &[], &[((0, 5), None)]);
        check_segments((0, 0), &[], &[], &[]);
    }
}
