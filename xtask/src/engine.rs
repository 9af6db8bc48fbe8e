//! `cargo xtask engine`: builds the analysis engine (crates/parallax-engine) into its own wasm
//! and worker script, `engine_bg.wasm` and `engine.js`, beside the app. Trunk runs it after
//! every build (the post_build hook in Trunk.toml, so `trunk build`, `cargo xtask dist` and
//! `cargo xtask serve` all carry it), writing into trunk's staging folder.

use crate::util::{cmd, project_root, run_cmd};
use std::path::{Path, PathBuf};

/// The worker script's name (the app starts `engine.js`, see src/engine.rs).
pub const SCRIPT: &str = "engine.js";
/// The engine's wasm, fetched by the worker script.
pub const WASM: &str = "engine_bg.wasm";
/// What the worker posts when its module cannot load (the app reads the rest as the reason).
const FAILED: &str = "failed: ";
/// wasm-opt's feature flags, as index.html gives trunk for the app.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the engine into trunk's staging folder (`TRUNK_STAGING_DIR`, release when
/// `TRUNK_PROFILE` says so), or into `dist/` when run by hand.
pub fn from_trunk() -> Result<(), String> {
    let out = std::env::var_os("TRUNK_STAGING_DIR")
        .map_or_else(|| project_root().join("dist"), PathBuf::from);
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    build(&out, release)
}

/// Builds the engine (optimised for size when `release`) into `out`.
pub fn build(out: &Path, release: bool) -> Result<(), String> {
    let root = project_root();
    let profile = if release { "wasm-release" } else { "dev" };
    run_cmd(cmd("cargo").current_dir(&root).args([
        "build",
        "--quiet",
        "-p",
        "parallax-engine",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]))?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let folder = if release { "wasm-release" } else { "debug" };
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join(folder)
        .join("parallax_engine.wasm");
    let bindgen = target.join("engine-bindgen");
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    run_cmd(cmd("wasm-bindgen").args([
        "--target".as_ref(),
        "no-modules".as_ref(),
        "--no-typescript".as_ref(),
        "--out-name".as_ref(),
        "engine".as_ref(),
        "--out-dir".as_ref(),
        bindgen.as_os_str(),
        wasm.as_os_str(),
    ]))?;
    let wasm_out = out.join(WASM);
    if release {
        run_cmd(
            // --converge: passes until the module stops shrinking (about 5 KB gzip less than
            // one -Oz pass, measured on the engine with extraction).
            cmd("wasm-opt")
                .args(["-Oz", "--converge"])
                .args(WASM_OPT_FEATURES)
                .arg(bindgen.join(WASM))
                .arg("-o")
                .arg(&wasm_out),
        )?;
    } else {
        std::fs::copy(bindgen.join(WASM), &wasm_out).map_err(|e| e.to_string())?;
    }
    let glue = std::fs::read_to_string(bindgen.join(SCRIPT)).map_err(|e| e.to_string())?;
    let script = worker_script(&glue, &format!("\"{WASM}\""))?;
    std::fs::write(out.join(SCRIPT), script).map_err(|e| e.to_string())
}

/// The worker's script: wasm-bindgen's no-modules glue, then loading the module from
/// `source` (a JavaScript expression: the file name, or bytes in the one-file edition).
pub fn worker_script(glue: &str, source: &str) -> Result<String, String> {
    if !glue.contains("wasm_bindgen") {
        return Err("the engine's wasm-bindgen glue does not define wasm_bindgen".into());
    }
    Ok(format!(
        "{glue}\nwasm_bindgen({{ module_or_path: {source} }}).catch((e) => postMessage(\"{FAILED}\" + e));\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_script_loads_its_module() {
        let s = worker_script("let wasm_bindgen = {};", "\"engine_bg.wasm\"").unwrap();
        assert!(s.ends_with(
            "wasm_bindgen({ module_or_path: \"engine_bg.wasm\" }).catch((e) => postMessage(\"failed: \" + e));\n"
        ));
        assert!(worker_script("nothing", "x").is_err());
    }
}
