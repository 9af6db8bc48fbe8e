//! One component per route.

pub mod about;
pub mod add;
pub mod compare;
pub mod entity;
pub mod handout;
pub mod library;
pub mod not_found;
pub mod notes;
pub mod provenance;
pub mod quotes;
pub mod reader;
pub mod session;
pub mod story;
pub mod teach;
