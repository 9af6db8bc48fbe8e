//! The training inputs and their hash (shared with `tests/tagger_model.rs`).

use parallax_core::entities::tagger::train::{inputs_hash, TRAINING_INPUTS};
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files an entry of `TRAINING_INPUTS` stands for.
pub fn files_of(rel: &str) -> Vec<PathBuf> {
    let p = root().join(rel);
    if !rel.ends_with('/') {
        return vec![p];
    }
    let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|f| {
        f.is_file()
            && f.extension()
                .is_some_and(|x| ["rs", "txt", "tsv", "gz", "jsonl"].iter().any(|e| x == *e))
    });
    v.sort();
    v
}

/// The hash of every training input: names (relative to the root) and bytes.
pub fn hash_inputs() -> u64 {
    let mut bytes = Vec::new();
    for rel in TRAINING_INPUTS {
        for f in files_of(rel) {
            let name = f
                .strip_prefix(root())
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            bytes.push(name.into_bytes());
            bytes.push(std::fs::read(&f).unwrap_or_default());
        }
    }
    let parts: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
    inputs_hash(&parts)
}
