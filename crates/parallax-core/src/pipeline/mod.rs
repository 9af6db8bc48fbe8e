//! From text to analysis, in data-flow order: [`text`] (tokens, sentences, line roles) and
//! [`document`] (one article's text, title and paragraphs), [`entities`] (mentions),
//! [`normalize`] (dates and numbers to values), [`clause`] (the clause reader both use),
//! [`descriptors`] and [`quotes`] (per mention), and
//! [`analysis`], which runs them over a set of documents and links entities across them.

pub mod analysis;
pub mod clause;
pub mod descriptors;
pub mod document;
pub mod entities;
pub(crate) mod lists;
pub mod normalize;
pub mod quotes;
pub mod text;
