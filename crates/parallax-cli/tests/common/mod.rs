//! Helpers the CLI's test files share (`mod common;` in each): run the binary, write a
//! temporary input file.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use serde_json::Value;
use std::process::Command;

/// Runs `parallax ARGS`: (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `parallax ARGS` and reads stdout as JSON Lines: (exit code, lines, stderr).
pub fn run_json(args: &[&str]) -> (i32, Vec<Value>, String) {
    let (code, out, err) = run(args);
    let lines = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (code, lines, err)
}

/// A file `name` holding `bytes` in this test process's own temporary folder; its path.
pub fn temp(name: &str, bytes: impl AsRef<[u8]>) -> String {
    let dir = std::env::temp_dir().join(format!("parallax-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p.to_string_lossy().into_owned()
}
