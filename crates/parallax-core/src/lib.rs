//! Pure analysis for Parallax: the document model, entity recognition and comparison.
//!
//! Invariants (see ARCHITECTURE.md):
//! - no DOM, no I/O, no clocks, no randomness: every function is a pure function of its input;
//! - every offset is a code-point (Unicode scalar value) index into the exact text, end exclusive;
//!   [`offsets::CharIndex`] is the one place that converts them to byte or UTF-16 offsets;
//! - nothing panics on any UTF-8 input.
#![deny(missing_docs)]
#![warn(clippy::too_many_lines)]

pub mod classroom;
pub mod compare;
pub mod delta;
pub mod engine;
mod error;
pub mod model;
pub mod pipeline;
pub mod snapshot;

pub use classroom::{anchor, import, notes, seed, session, sync};
pub use compare::{align, flags, provenance, quote_match, story};
pub use pipeline::{analysis, descriptors, document, entities, normalize, quotes, text};

pub use analysis::{analyse, Analysis, DocAnalysis};
pub use document::Document;
pub use error::{Error, ErrorKind};
pub use model::offsets;
pub use model::{Entity, Label, Mention};
pub use offsets::{CharIndex, Span};
pub use snapshot::Snapshot;
