//! The text model: lines and their roles, tokens and sentences.

pub mod calendar;
pub mod lines;
pub mod sentences;
pub mod tokens;
