//! Comparing analysed documents: [`align`] (sentence pairs between two documents),
//! [`story`] (claims across all of them), [`quote_match`] (the same quote in several sources)
//! and [`flags`] (what a reader should check about a source).

pub mod align;
pub mod flags;
pub mod quote_match;
pub mod story;
