//! Comparing analysed documents: [`align`] (sentence pairs between two documents),
//! [`story`] (claims across all of them), [`quote_match`] (the same quote in several sources)
//! and [`flags`] (what a reader should check about a source).

pub mod align;
pub mod flags;
pub mod provenance;
pub mod quote_match;
pub mod story;

use crate::align::{DocInput, MentionIn};
use crate::flags::DescriptorIn;
use crate::{Analysis, CharIndex, Document, Mention, Span};

/// Documents and their analysis as the comparison reads them: [`DocInput`]s for
/// [`align::align`], [`story::story`] and [`flags::flags`], and [`DescriptorIn`]s for the flags.
/// The one place that turns an [`Analysis`] into comparison inputs (the app and the CLI build
/// one and borrow from it).
#[derive(Debug, Clone)]
pub struct AnalysedDocs<'a> {
    texts: Vec<&'a str>,
    sentences: Vec<&'a [Span]>,
    mentions: Vec<Vec<MentionIn<'a>>>,
    descriptors: Vec<Vec<DescriptorIn<'a>>>,
}

impl<'a> AnalysedDocs<'a> {
    /// `docs` with `analysis`, their analysis taken together (one entry per document; extra
    /// documents on either side are left out).
    pub fn new(docs: &'a [Document], analysis: &'a Analysis) -> Self {
        let pairs = || docs.iter().zip(&analysis.docs);
        AnalysedDocs {
            texts: pairs().map(|(d, _)| d.text.as_str()).collect(),
            sentences: pairs().map(|(_, a)| a.sentences.as_slice()).collect(),
            mentions: pairs()
                .map(|(_, a)| {
                    a.mentions
                        .iter()
                        .map(|m| MentionIn {
                            span: m.span,
                            label: m.label.as_str(),
                            entity: &m.entity,
                        })
                        .collect()
                })
                .collect(),
            descriptors: pairs()
                .map(|(d, a)| {
                    let ix = CharIndex::new(&d.text);
                    a.descriptors
                        .iter()
                        .map(|(entity, text, span)| DescriptorIn {
                            entity,
                            name: name_near(&d.text, &ix, &a.mentions, entity, *span)
                                .or_else(|| analysis.entity(entity).map(|e| e.name.as_str()))
                                .unwrap_or(entity),
                            text,
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// Every document as the comparison sees it, in order.
    pub fn inputs(&self) -> Vec<DocInput<'_>> {
        (0..self.texts.len())
            .filter_map(|d| self.input(d))
            .collect()
    }

    /// Document `d` as the comparison sees it.
    pub fn input(&self, d: usize) -> Option<DocInput<'_>> {
        Some(DocInput {
            text: self.texts.get(d)?,
            sentences: self.sentences.get(d)?,
            mentions: self.mentions.get(d)?,
        })
    }

    /// The descriptors of each document, for [`flags::flags`].
    pub fn descriptors(&self) -> &[Vec<DescriptorIn<'a>>] {
        &self.descriptors
    }
}

/// The name as written of the mention of `entity` nearest to `span` (the descriptor's) in
/// `text`: the mention the descriptor describes.
fn name_near<'t>(
    text: &'t str,
    ix: &CharIndex,
    mentions: &[Mention],
    entity: &str,
    span: Span,
) -> Option<&'t str> {
    let gap = |m: &Mention| {
        if m.span.end <= span.start {
            span.start - m.span.end
        } else {
            m.span.start.saturating_sub(span.end)
        }
    };
    mentions
        .iter()
        .filter(|m| m.entity == entity)
        .min_by_key(|m| gap(m))
        .map(|m| ix.slice(text, m.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags of `texts` analysed together, as "doc kind: evidence".
    #[track_caller]
    fn check_flags(texts: &[&str], expected: &[&str]) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), *t))
            .collect();
        let analysis = crate::analyse(&docs);
        let analysed = AnalysedDocs::new(&docs, &analysis);
        let got: Vec<String> = flags::flags(&analysed.inputs(), &[], analysed.descriptors())
            .iter()
            .map(|f| format!("{} {}: {}", f.doc, f.flag.as_str(), f.evidence))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn descriptor_conflict_names_the_person_as_written() {
        // regression: the evidence named the entity's slug ("joe-biden")
        check_flags(
            &[
                "Talks resume\n\nThe cybersecurity adviser Joe Biden spoke on Monday.\n",
                "Talks resume\n\nUS President Joe Biden spoke on Monday.\n",
            ],
            &[
                "0 descriptor_conflict: calls Joe Biden “cybersecurity adviser”, document 1 calls them “US President”",
                "1 descriptor_conflict: calls Joe Biden “US President”, document 0 calls them “cybersecurity adviser”",
            ],
        );
    }
}
