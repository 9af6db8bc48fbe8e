//! Parallax, the web app: a Yew single-page app over parallax-core.
//!
//! `app` holds the shell (nothing imports it), `route` the routes, `contexts` what the shell
//! provides to every view, `pages/` one component per route, `components/`
//! small pieces that take props and emit callbacks, `state` the app's data (no web-sys, so it
//! is tested natively), `seeds` the documents embedded at build time.

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

pub mod answered;
pub mod app;
pub mod articles;
pub mod compare;
pub mod components;
pub mod contexts;
pub mod engine;
pub mod families;
pub mod first_paint;
pub mod keys;
pub mod marks;
pub mod notes;
pub mod pages;
pub mod route;
pub mod schedule;
pub mod seeds;
pub mod selection;
pub mod session;
pub mod state;
pub mod storage;
pub mod teach;
pub mod undo;
pub mod url;
pub mod view;
