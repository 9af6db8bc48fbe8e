//! Comparing analysed documents: [`align`] (sentence pairs between two documents),
//! [`story`] (claims across all of them), [`quote_match`] (the same quote in several sources)
//! and [`flags`] (what a reader should check about a source).

pub mod align;
pub mod flags;
pub mod quote_match;
pub mod story;

use crate::align::{DocInput, MentionIn};
use crate::flags::DescriptorIn;
use crate::{Analysis, Document, Span};

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
                .map(|(_, a)| {
                    a.descriptors
                        .iter()
                        .map(|(entity, text, _)| DescriptorIn { entity, text })
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
