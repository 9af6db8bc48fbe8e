//! Small components: they take props and emit callbacks; none changes app state itself.

pub mod copy_link;
pub mod doc_card;
pub mod entity_panel;
pub mod flags;
pub mod legend;
pub mod notes;
pub mod plain_doc;
pub mod quote_list;
pub mod undo;
