//! The bundled documents, embedded at build time by `build.rs` from `seeds/*.txt`.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
