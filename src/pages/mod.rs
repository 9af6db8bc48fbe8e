//! One component per route.

pub mod about;
pub mod compare;
pub mod entity;
pub mod library;
pub mod not_found;
pub mod quotes;
pub mod reader;
pub mod story;
