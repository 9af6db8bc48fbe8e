//! Lighthouse on the routes a teacher shares (issue 21): the library, a reader and a session
//! link of bundled sources, on a release build served gzipped from 127.0.0.1 by
//! `xtask/tools/lighthouse.mjs` (Lighthouse's mobile preset, the installed Chromium).
//! Accessibility below 100 fails; the performance bars are printed with "met" or "NOT MET".

use crate::util::{cmd, project_root, run_cmd};
use std::path::Path;

/// Runs Lighthouse on `dist` (a release build) and prints one row per route.
pub fn run(dist: &Path) -> Result<(), String> {
    let root = project_root();
    let seeds = seed_ids(&root)?;
    let session = bundled_session(&root, &seeds)?;
    let routes = [
        "library=#/".to_string(),
        format!("reader=#/doc/{}", seeds[0]),
        format!("session={session}"),
    ];
    run_cmd(
        cmd("node")
            .arg(root.join("xtask/tools/lighthouse.mjs"))
            .arg(dist)
            .arg(root.join("target/lighthouse"))
            .args(&routes)
            .env("CHROME_PATH", "/usr/bin/chromium"),
    )
    .map_err(|e| format!("lighthouse: {e}"))
}

/// The bundled documents' ids (file stems of `seeds/`), sorted.
pub fn seed_ids(root: &Path) -> Result<Vec<String>, String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .map_err(|e| format!("lighthouse: seeds/: {e}"))?
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_string))
        .collect();
    ids.sort();
    if ids.len() < 2 {
        return Err("lighthouse: fewer than two seeds".into());
    }
    Ok(ids)
}

/// A session link of the first two bundled sources with a prompt, made by `parallax session`.
fn bundled_session(root: &Path, seeds: &[String]) -> Result<String, String> {
    let exe = crate::eval::release_cli(root, "lighthouse")?;
    let out = std::process::Command::new(exe)
        .args([
            "session",
            "--title",
            "Two reports",
            "--prompt",
            "Who is quoted first?",
        ])
        .args(["--bundled", &seeds[0], "--bundled", &seeds[1]])
        .output()
        .map_err(|e| format!("lighthouse: parallax session: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "lighthouse: parallax session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// stylelint (`stylelint-config-standard` with `no-duplicate-selectors` and
/// `no-descending-specificity`; config in `xtask/tools/stylelint.config.json`) on `styles/`.
pub fn stylelint() -> Result<(), String> {
    let root = project_root();
    run_cmd(
        cmd("node")
            .arg(root.join("xtask/tools/node_modules/stylelint/bin/stylelint.mjs"))
            .args([
                "--config",
                "xtask/tools/stylelint.config.json",
                "styles/**/*.css",
            ]),
    )
    .map_err(|e| format!("stylelint: {e}"))
}
