//! Parallax, the web app: a Yew single-page app over parallax-core.
//!
//! `app` holds the shell (nothing imports it), `route` the routes, `contexts` what the shell
//! provides to every view, `pages/` one component per route, `components/`
//! small pieces that take props and emit callbacks, `library` the documents and their analysis,
//! `state/` the app's state machines (no web-sys, so they are tested natively), `persisted`
//! the one way they are kept on this device, `seeds` the documents embedded at build time.

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

pub mod app;
pub mod clock;
pub mod components;
pub mod contexts;
pub mod engine;
pub mod families;
pub mod first_paint;
pub mod guided;
pub mod keys;
pub mod library;
pub mod marks;
pub mod pages;
pub mod persisted;
pub mod route;
pub mod schedule;
pub mod seeds;
pub mod selection;
pub mod state;
pub mod storage;
pub mod url;
