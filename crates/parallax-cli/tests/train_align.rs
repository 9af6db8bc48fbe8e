//! The checked-in weights of the related-pair scorer (`crates/parallax-core/data/
//! align_weights.txt`) are exactly what `parallax train-align eval/align_train.txt` makes
//! (`cargo xtask train-align` writes them). Training is deterministic and takes well under a
//! second; most of this test is analysing the training documents.

use std::path::Path;
use std::process::Command;

#[test]
fn weights_file_is_what_training_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(&root)
        .args(["train-align", "eval/align_train.txt"])
        .output()
        .expect("run parallax train-align");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let trained = String::from_utf8(out.stdout).expect("UTF-8");
    let checked_in =
        std::fs::read_to_string(root.join("crates/parallax-core/data/align_weights.txt"))
            .expect("read the weights file");
    assert_eq!(
        checked_in, trained,
        "the weights file is stale: run `cargo xtask train-align`"
    );
}
