//! `cargo xtask setup`: installs what is missing, skips what is present, prints each step.
//! A step that cannot be done stops with a message saying which and why.

use crate::util::{cargo_bin, cmd, on_path, output, project_root, run_cmd, version_of};
use std::path::PathBuf;

/// trunk version known to build here (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// geckodriver version for Firefox ESR.
pub const GECKODRIVER_VERSION: &str = "0.37.1";
/// Debian packages for the browser tests.
pub const APT_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "firefox-esr",
    "webkit2gtk-driver",
    "xvfb",
    // pdftotext: the print test reads the text of the PDF a browser printed.
    "poppler-utils",
];

/// Where the installed tools are.
#[derive(Debug, Clone, Default)]
pub struct Tools {
    /// Path of `axe.min.js` (axe-core, pinned in xtask/tools/package.json).
    pub axe: PathBuf,
}

/// Every step: build tools, browsers and drivers.
pub fn run() -> Result<Tools, String> {
    let tools = run_build_tools()?;
    apt_packages()?;
    geckodriver()?;
    println!("setup: done");
    Ok(tools)
}

/// Only what a release build needs (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt).
pub fn run_build_tools() -> Result<Tools, String> {
    wasm_target()?;
    npm_tools()?;
    trunk()?;
    wasm_bindgen()?;
    Ok(Tools {
        axe: project_root().join("xtask/tools/node_modules/axe-core/axe.min.js"),
    })
}

fn step(name: &str, present: bool) {
    if present {
        println!("setup: {name}: present, skipped");
    } else {
        println!("setup: {name}: missing, installing");
    }
}

fn wasm_target() -> Result<(), String> {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|o| o.lines().any(|l| l.trim() == "wasm32-unknown-unknown"));
    step("rust target wasm32-unknown-unknown", installed);
    if !installed {
        run_cmd(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
            .map_err(|e| format!("setup step 'wasm32 target' failed: {e}"))?;
    }
    Ok(())
}

fn trunk() -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    let ok = version_of("trunk").is_some_and(|v| v == want);
    step(&want, ok);
    if !ok {
        run_cmd(cmd("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--force",
        ]))
        .map_err(|e| {
            format!("setup step 'trunk' failed (takes ~15 min on 2 cores; needs crates.io): {e}")
        })?;
    }
    Ok(())
}

/// The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock names no wasm-bindgen".to_string())
}

fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == format!("name = \"{name}\"") {
            let v = lines.next()?.trim();
            return v
                .strip_prefix("version = \"")?
                .strip_suffix('"')
                .map(str::to_string);
        }
    }
    None
}

fn wasm_bindgen() -> Result<(), String> {
    let v = locked_wasm_bindgen()?;
    let want = format!("wasm-bindgen {v}");
    let ok = version_of("wasm-bindgen").is_some_and(|got| got == want);
    step(&format!("wasm-bindgen-cli {v} (as in Cargo.lock)"), ok);
    if !ok {
        // `--locked` fails here: its lock file names a crate version the registry lacks.
        run_cmd(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &v, "--force"]))
            .map_err(|e| format!("setup step 'wasm-bindgen-cli {v}' failed: {e}"))?;
        verify("wasm-bindgen", &want)?;
    }
    Ok(())
}

fn npm_tools() -> Result<(), String> {
    let dir = project_root().join("xtask/tools");
    let pkg = std::fs::read_to_string(dir.join("package.json"))
        .map_err(|e| format!("xtask/tools/package.json: {e}"))?;
    let installed = |name: &str| -> bool {
        let want = pinned(&pkg, name);
        let got = std::fs::read_to_string(dir.join("node_modules").join(name).join("package.json"))
            .ok()
            .and_then(|p| pinned_field(&p, "version"));
        want.is_some() && want == got
    };
    let ok = [
        "binaryen",
        "axe-core",
        "lighthouse",
        "stylelint",
        "stylelint-config-standard",
    ]
    .into_iter()
    .all(installed);
    step(
        "npm tools: binaryen (wasm-opt), axe-core, lighthouse, stylelint (pinned in xtask/tools/package.json)",
        ok,
    );
    if !ok {
        if on_path("npm").is_none() {
            return Err(
                "setup step 'npm tools' failed: npm is not on PATH (install Node.js 20 with npm)"
                    .into(),
            );
        }
        run_cmd(
            cmd("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
        )
        .map_err(|e| format!("setup step 'npm tools' failed: {e}"))?;
    }
    match version_of("wasm-opt") {
        Some(v) => println!("setup: wasm-opt: {v}"),
        None => {
            return Err("setup step 'wasm-opt' failed: wasm-opt does not run after npm ci".into())
        }
    }
    Ok(())
}

/// The version string of dependency `name` in a package.json.
fn pinned(package_json: &str, name: &str) -> Option<String> {
    pinned_field(package_json, name)
}

fn pinned_field(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\""))?;
    let rest = &json[at + key.len() + 2..];
    let rest = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    rest.split('"').next().map(str::to_string)
}

fn apt_installed(pkg: &str) -> bool {
    output(cmd("dpkg-query").args(["-W", "-f=${Status}", pkg]))
        .is_some_and(|s| s.trim() == "install ok installed")
}

fn apt_packages() -> Result<(), String> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !apt_installed(p))
        .collect();
    for p in APT_PACKAGES {
        step(&format!("Debian package {p}"), !missing.contains(p));
    }
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(cmd("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let sudo: &[&str] = if is_root {
        &[]
    } else if output(cmd("sudo").args(["-n", "true"])).is_some() {
        &["sudo", "-n"]
    } else {
        return Err(format!(
            "setup step 'browsers' failed: {} missing and this user is neither root nor has passwordless sudo; \
             run: sudo apt-get install -y {}",
            missing.join(", "),
            missing.join(" ")
        ));
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut c = cmd(all[0]);
        c.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run_cmd(&mut c)
    };
    apt(&["update"]).map_err(|e| format!("setup step 'apt-get update' failed: {e}"))?;
    let mut args = vec!["install", "-y"];
    args.extend(missing.iter());
    apt(&args).map_err(|e| format!("setup step 'browsers' failed: {e}"))?;
    Ok(())
}

fn geckodriver() -> Result<(), String> {
    let ok = version_of("geckodriver")
        .is_some_and(|v| v.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")));
    step(&format!("geckodriver {GECKODRIVER_VERSION}"), ok);
    if !ok {
        run_cmd(cmd("cargo").args([
            "install",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
            "--force",
        ]))
        .map_err(|e| format!("setup step 'geckodriver' failed: {e}"))?;
    }
    let bin = cargo_bin().join("geckodriver");
    if !bin.is_file() && on_path("geckodriver").is_none() {
        return Err("setup step 'geckodriver' failed: installed but not found".into());
    }
    verify("geckodriver", &format!("geckodriver {GECKODRIVER_VERSION}"))
}

/// After an install: the program runs and reports the wanted version, or the step fails.
fn verify(program: &str, want: &str) -> Result<(), String> {
    match version_of(program) {
        Some(v) if v.starts_with(want) => Ok(()),
        Some(v) => Err(format!("setup step '{program}' failed: installed, but `{program} --version` says {v:?}, not {want:?}")),
        None => Err(format!("setup step '{program}' failed: installed, but `{program} --version` does not run")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locked_versions() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn reads_pinned_npm_versions() {
        let pkg = r#"{ "dependencies": { "axe-core": "4.11.0", "binaryen" : "132.0.0" } }"#;
        assert_eq!(pinned(pkg, "axe-core").as_deref(), Some("4.11.0"));
        assert_eq!(pinned(pkg, "binaryen").as_deref(), Some("132.0.0"));
        assert_eq!(pinned(pkg, "left-pad"), None);
    }

    #[test]
    fn tools_are_pinned_exactly() {
        let pkg = std::fs::read_to_string(project_root().join("xtask/tools/package.json")).unwrap();
        for name in [
            "axe-core",
            "binaryen",
            "lighthouse",
            "stylelint",
            "stylelint-config-standard",
        ] {
            let v = pinned(&pkg, name).unwrap();
            assert!(
                v.chars().all(|c| c.is_ascii_digit() || c == '.'),
                "{name} pinned to a range: {v}"
            );
        }
    }
}
