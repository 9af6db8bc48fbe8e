//! The bundled documents and their analysis, both made at build time by `build.rs` from
//! `seeds/*.txt`.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The analysis of [`SEEDS`] made at build time (JSON of a [`parallax_core::Snapshot`]).
static SNAPSHOT: &str = include_str!(concat!(env!("OUT_DIR"), "/snapshot.json"));

/// The bundled documents' snapshot, read from its embedded JSON.
pub fn snapshot() -> Result<parallax_core::Snapshot, String> {
    parallax_core::Snapshot::from_json(SNAPSHOT)
}

/// The [fingerprint](parallax_core::delta::fingerprint) of the bundled documents' snapshot,
/// the name the engine knows it by.
pub fn fingerprint() -> u64 {
    parallax_core::delta::fingerprint(SNAPSHOT)
}
