//! `cargo xtask train-align`: fits the related-pair scorer of parallax-core to the labelled
//! pairs of `eval/align_train.txt` (`parallax train-align`, release build) and writes its
//! weights to `crates/parallax-core/data/align_weights.txt`. Deterministic: the same pairs
//! give the same file, and `crates/parallax-cli/tests/train_align.rs` holds the checked-in
//! file to it. The test part of the event set is never in the manifest.

use std::path::Path;
use std::process::Command;

/// Trains and writes the weights file; prints the training summary.
pub fn run(root: &Path) -> Result<(), String> {
    let exe = crate::eval::release_cli(root, "train-align")?;
    let out = Command::new(&exe)
        .args(["train-align", "eval/align_train.txt"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("train-align: cannot run {}: {e}", exe.display()))?;
    if !out.status.success() {
        return Err(format!(
            "train-align: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let file = root.join("crates/parallax-core/data/align_weights.txt");
    std::fs::write(&file, &out.stdout).map_err(|e| format!("{}: {e}", file.display()))?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    println!("wrote {}", file.display());
    Ok(())
}
