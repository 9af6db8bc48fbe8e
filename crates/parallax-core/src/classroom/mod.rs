//! What students and teachers keep and share: [`seed`] (the input rules every text passes),
//! [`import`] (their own articles to plain text), [`anchor`] and [`notes`] (highlights and
//! notes), [`session`] (teacher session links), [`sync`] (merging what several tabs wrote), [`limits`] (the size
//! of each input they take).

pub mod anchor;
pub mod import;
pub mod limits;
pub mod notes;
pub mod seed;
pub mod session;
pub mod sync;
