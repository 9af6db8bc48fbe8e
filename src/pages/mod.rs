//! One component per route.

pub mod library;
pub mod not_found;
pub mod reader;
