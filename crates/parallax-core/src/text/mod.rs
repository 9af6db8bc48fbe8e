//! The text model: lines and their roles (and, alongside, tokens and sentences).

pub mod lines;
