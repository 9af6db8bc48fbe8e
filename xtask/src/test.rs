//! `cargo xtask test`: every check, in the order a failure is cheapest to find.

use crate::dist;
use crate::fuzz;
use crate::setup;
use crate::util::{cmd, in_ci, project_root, run_cmd};

/// Engines the browser tests run in.
pub const ENGINES: &[&str] = &["chromium", "firefox", "webkit"];

/// Runs setup, fmt, clippy (native and wasm32), all tests, a short fuzz pass, a release build
/// with its size budget, and the browser tests in every engine, ending with one summary line per engine.
pub fn run() -> Result<(), String> {
    let tools = setup::run()?;
    run_step("format", cmd("cargo").args(["fmt", "--all", "--check"]))?;
    println!("\n== stylelint");
    crate::lighthouse::stylelint()?;
    run_step(
        "first paint's DEFLATE decoder (node, against zlib)",
        cmd("node").args([
            "xtask/tools/first_paint_inflate.test.cjs",
            "src/first_paint.js",
        ]),
    )?;
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
            "-p",
            "parallax-engine",
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
    fuzz_short()?;

    println!("\n== release build");
    let out = project_root().join("target/e2e-dist");
    let sizes = dist::release(&tools, &out, true)?;
    dist::check_budget(&sizes)?;

    println!("\n== session link for the browser tests (parallax session)");
    let session = session_fixture()?;
    let bundled_session = bundled_session_fixture()?;

    println!("\n== browser tests");
    let summary = project_root().join("target/e2e-summary.txt");
    let _ = std::fs::remove_file(&summary);
    let mut c = cmd("cargo");
    c.args(["test", "--release", "-p", "parallax-e2e", "--test", "e2e"])
        .env("PARALLAX_E2E_DIST", &out)
        .env("PARALLAX_E2E_SINGLE", out.join("parallax.html"))
        .env("PARALLAX_E2E_AXE", &tools.axe)
        .env("PARALLAX_E2E_ENGINES", ENGINES.join(","))
        .env("PARALLAX_E2E_SUMMARY", &summary)
        .env("PARALLAX_E2E_SESSION", &session)
        .env("PARALLAX_E2E_SESSION_BUNDLED", &bundled_session);
    if in_ci() {
        c.env("PARALLAX_E2E_REQUIRE_ALL", "1");
    }
    let result = run_cmd(&mut c);
    println!("\n== lighthouse (mobile preset, served gzipped)");
    let lighthouse = crate::lighthouse::run(&out);
    println!("\n== summary");
    match std::fs::read_to_string(&summary) {
        Ok(s) => print!("{s}"),
        Err(_) => println!("browser tests wrote no summary"),
    }
    result.map_err(|e| format!("browser tests failed: {e}"))?;
    lighthouse
}

/// Every fuzz target for 30 s (about 2-3 minutes on two cores, plus the first build of the
/// targets), so that CI catches a regression the long runs would have found.
fn fuzz_short() -> Result<(), String> {
    println!("\n== fuzz (short)");
    fuzz::run(&fuzz::Options::all(30)).map_err(|e| format!("step 'fuzz (short)' failed: {e}"))
}

fn run_step(name: &str, c: &mut std::process::Command) -> Result<(), String> {
    println!("\n== {name}");
    run_cmd(c).map_err(|e| format!("step '{name}' failed: {e}"))
}

/// Makes a teacher's session link with the command-line tool, as a teacher would: an article
/// holding every XSS vector of tests/fixtures/xss-vectors.txt (one per paragraph) and the
/// first bundled document. Writes the fragment to a file and returns its path.
fn session_fixture() -> Result<std::path::PathBuf, String> {
    let root = project_root();
    let vectors = std::fs::read_to_string(root.join("tests/fixtures/xss-vectors.txt"))
        .map_err(|e| format!("tests/fixtures/xss-vectors.txt: {e}"))?;
    let article = root.join("target/e2e-xss-article.txt");
    let body: Vec<&str> = vectors.lines().filter(|l| !l.trim().is_empty()).collect();
    std::fs::write(
        &article,
        format!(
            "Script and markup in an article stay text\n\n{}\n",
            body.join("\n\n")
        ),
    )
    .map_err(|e| e.to_string())?;
    let mut seeds: Vec<_> = std::fs::read_dir(root.join("seeds"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    let first = seeds.first().ok_or("no seeds")?;
    let out = crate::util::output(
        cmd("cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "parallax-cli",
                "--",
                "session",
                "--title",
                "Blind reading <b>check</b>",
                "--prompt",
                "Which source names the speaker first?",
                "--prompt",
                "<img src=x onerror=window.__pwned=1> What does this prompt show?",
                "--hide",
                "PLACE",
                "--blind",
            ])
            .arg(&article)
            .arg(first),
    )
    .ok_or("parallax session failed")?;
    let fragment = out.trim().to_string();
    if !fragment.starts_with("#/session/") {
        return Err(format!("parallax session printed {fragment:?}"));
    }
    let path = root.join("target/e2e-session.txt");
    std::fs::write(&path, &fragment).map_err(|e| e.to_string())?;
    println!("session link: {} characters", fragment.len());
    Ok(path)
}

/// A session link of the first two bundled sources (by id, no text in the link), with a
/// question about a passage and places hidden. Writes the fragment to a file, returns its path.
fn bundled_session_fixture() -> Result<std::path::PathBuf, String> {
    let root = project_root();
    let seeds = crate::lighthouse::seed_ids(&root)?;
    let [first, second, ..] = seeds.as_slice() else {
        return Err("fewer than two seeds".into());
    };
    let out = crate::util::output(
        cmd("cargo")
            .args(["run", "--quiet", "--release", "-p", "parallax-cli", "--"])
            .args(["session", "--title", "Two reports <i>side by side</i>"])
            .args(["--prompt", "Who is quoted first?", "--hide", "PLACE"])
            .args(["--bundled", first, "--bundled", second]),
    )
    .ok_or("parallax session --bundled failed")?;
    let fragment = out.trim().to_string();
    if !fragment.starts_with("#/session/") {
        return Err(format!("parallax session printed {fragment:?}"));
    }
    let path = root.join("target/e2e-session-bundled.txt");
    std::fs::write(&path, &fragment).map_err(|e| e.to_string())?;
    Ok(path)
}
