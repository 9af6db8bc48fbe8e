//! Small components: they take props and emit callbacks; none reads app state directly.

pub mod doc_card;
