//! The data every stage shares: the six labels, mentions and entities, and code-point offsets
//! ([`offsets`]). A leaf: it imports nothing else from the crate, so every stage can use it.

pub mod offsets;

use offsets::Span;
use serde::{Deserialize, Serialize};

/// The six kinds of mention.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// People, including photo credits.
    #[default]
    Person,
    /// Organisations: companies, media, agencies, parliaments, courts, parties, teams.
    Org,
    /// Places: countries, cities, regions, features, facilities.
    Place,
    /// Nationalities, religious and political groups.
    Group,
    /// Dates, relative dates and durations.
    Date,
    /// Cardinals, quantities, money, percentages.
    Number,
}

impl Label {
    /// The label as written in the guidelines and the CLI output ("PERSON", ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Group => "GROUP",
            Label::Date => "DATE",
            Label::Number => "NUMBER",
        }
    }
    /// All labels, in a fixed order.
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Group,
        Label::Date,
        Label::Number,
    ];
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Code-point span into the document's text.
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// Id of the entity it refers to (see [`crate::Analysis::entity`]).
    pub entity: String,
}

/// An entity: everything the set of documents says about one person, body, place, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Entity {
    /// Unique readable id (a slug such as `dmitry-peskov`).
    pub id: String,
    /// Its label.
    pub label: Label,
    /// Canonical name: the longest form used.
    pub name: String,
    /// Every distinct form used, sorted.
    pub variants: Vec<String>,
    /// `(document index, number of mentions)` for each document that mentions it, in order.
    pub mentions_per_doc: Vec<(usize, usize)>,
}
