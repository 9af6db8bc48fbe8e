//! The checked-in tagger model (`data/tagger.bin`) is the one its inputs make.
//!
//! What this checks: that the hash of the training inputs (the corpora, the in-domain gold,
//! the split, the lexicons and the source of the features, the trainer and the rules, listed
//! in `TRAINING_INPUTS`) equals the hash `cargo xtask train` recorded in the model. It does
//! not retrain (a release build trains in about 15 s, a debug test would take minutes), so it
//! trusts that training is deterministic; `cargo xtask train --check` retrains and compares
//! the bytes. When this fails: run `cargo xtask train` and commit `data/tagger.bin`.

#[path = "../examples/train/inputs.rs"]
mod inputs;

use parallax_core::entities::tagger::Model;

#[test]
fn model_is_made_from_the_current_inputs() {
    let model = Model::embedded();
    assert_eq!(
        format!("{:016x}", model.inputs_hash),
        format!("{:016x}", inputs::hash_inputs()),
        "data/tagger.bin was trained on other inputs: run `cargo xtask train` and commit it"
    );
}
