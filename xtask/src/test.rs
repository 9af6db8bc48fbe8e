//! `cargo xtask test`: every check, in the order a failure is cheapest to find.

use crate::dist;
use crate::setup;
use crate::util::{cmd, in_ci, project_root, run_cmd};

/// Engines the browser tests run in.
pub const ENGINES: &[&str] = &["chromium", "firefox", "webkit"];

/// Runs setup, fmt, clippy (native and wasm32), all tests, a release build with its size
/// budget, and the browser tests in every engine, ending with one summary line per engine.
pub fn run() -> Result<(), String> {
    let tools = setup::run()?;
    run_step("format", cmd("cargo").args(["fmt", "--all", "--check"]))?;
    run_step(
        "clippy (native)",
        cmd("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run_step(
        "clippy (wasm32)",
        cmd("cargo").args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "parallax",
            "-p",
            "parallax-core",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run_step(
        "core builds for wasm32",
        cmd("cargo").args([
            "build",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "parallax-core",
        ]),
    )?;
    run_step(
        "workspace tests",
        cmd("cargo").args(["test", "--workspace"]),
    )?;

    println!("\n== release build");
    let out = project_root().join("target/e2e-dist");
    let sizes = dist::release(&tools, &out, true)?;
    dist::check_budget(&sizes)?;

    println!("\n== browser tests");
    let summary = project_root().join("target/e2e-summary.txt");
    let _ = std::fs::remove_file(&summary);
    let mut c = cmd("cargo");
    c.args(["test", "--release", "-p", "parallax-e2e", "--test", "e2e"])
        .env("PARALLAX_E2E_DIST", &out)
        .env("PARALLAX_E2E_SINGLE", out.join("parallax.html"))
        .env("PARALLAX_E2E_AXE", &tools.axe)
        .env("PARALLAX_E2E_ENGINES", ENGINES.join(","))
        .env("PARALLAX_E2E_SUMMARY", &summary);
    if in_ci() {
        c.env("PARALLAX_E2E_REQUIRE_ALL", "1");
    }
    let result = run_cmd(&mut c);
    println!("\n== summary");
    match std::fs::read_to_string(&summary) {
        Ok(s) => print!("{s}"),
        Err(_) => println!("browser tests wrote no summary"),
    }
    result.map_err(|e| format!("browser tests failed: {e}"))
}

fn run_step(name: &str, c: &mut std::process::Command) -> Result<(), String> {
    println!("\n== {name}");
    run_cmd(c).map_err(|e| format!("step '{name}' failed: {e}"))
}
