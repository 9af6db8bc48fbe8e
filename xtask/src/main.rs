//! `cargo xtask <command>`: the one place for developer commands (no shell scripts).
//!
//! - `setup`: install what is missing (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt,
//!   browsers and their drivers, axe-core), skip what is there, print each step.
//! - `serve`: setup, then `trunk serve` on 127.0.0.1:8080 with reload.
//! - `test`: setup, fmt, clippy (native and wasm32), every workspace test, 30 s of each fuzz
//!   target, a release build with its size budget, then the browser tests in Chromium,
//!   Firefox ESR and WebKitGTK.
//! - `dist [--single-file]`: release build into dist/ with relative URLs and a CSP; gzip sizes.
//! - `bench`: criterion benchmarks of parallax-core.
//! - `lighthouse`: release build into target/lighthouse-dist, then Lighthouse (mobile) on the
//!   library, a reader and a session link of bundled sources, served gzipped (also a step of
//!   `test`).
//! - `eval`: entity scores on the bundled documents and the development set (its tune and test
//!   parts), the tagger's ablation and learning curve; alignment scores (seeds, development
//!   pairs, the event set's tune and test parts); article extraction scores of `parallax import`
//!   (benchmark and development pages).
//! - `train [--check]`: trains the entity tagger (`crates/parallax-core/examples/train.rs`,
//!   release build) and rewrites `crates/parallax-core/data/tagger.bin`; `--check` fails
//!   instead if the file differs from what training makes.
//! - `train-align`: fits the related-pair scorer of parallax-core to `eval/align_train.txt`
//!   and writes `crates/parallax-core/data/align_weights.txt`.
//! - `fuzz [--seconds N] [--target NAME] [--jobs N]`: the cargo-fuzz targets of `fuzz/`, N
//!   seconds each (default 30) over a scratch copy of their corpora; fails on a crash.
//! - `cycles [DIR]`: module cycles of the crate whose sources are in DIR (default `src`);
//!   a `#[test]` holds the app and xtask free of them.

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

mod dist;
mod engine;
mod eval;
mod extraction;
#[cfg(test)] // a test only: `cargo test` holds the bar
mod fn_length;
mod fuzz;
mod lighthouse;
mod modules;
mod setup;
mod sw;
mod test;
mod train_align;
mod util;
mod wasm_size;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = util::project_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run().map(|_| ()),
        Some("serve") => setup::run().and_then(|tools| dist::serve(&tools)),
        Some("test") => test::run(),
        Some("dist") => setup::run_build_tools().and_then(|tools| {
            dist::release(
                &tools,
                &root.join("dist"),
                args.iter().any(|a| a == "--single-file"),
            )
            .map(|_| ())
        }),
        Some("lighthouse") => setup::run_build_tools().and_then(|tools| {
            let out = root.join("target/lighthouse-dist");
            dist::release(&tools, &out, false).and_then(|_| lighthouse::run(&out))
        }),
        Some("wasm-size") => wasm_size::print(
            &args
                .get(1)
                .map_or_else(wasm_size::viewer_wasm, std::path::PathBuf::from),
            25,
        ),
        Some("bench") => util::run_cmd(util::cmd("cargo").args(["bench", "-p", "parallax-core"])),
        Some("eval") => eval::eval(&root),
        Some("engine") => engine::from_trunk(),
        Some("train") => util::run_cmd(
            util::cmd("cargo")
                .args([
                    "run",
                    "--release",
                    "-p",
                    "parallax-core",
                    "--example",
                    "train",
                    "--",
                ])
                .args(&args[1..]),
        ),
        Some("train-align") => train_align::run(&root),
        Some("fuzz") => fuzz::parse_args(&args[1..]).and_then(|o| fuzz::run(&o)),
        Some("cycles") => {
            let dir = root.join(args.get(1).map_or("src", String::as_str));
            modules::cycles(&dir).and_then(|c| {
                if !c.is_empty() {
                    return Err(format!(
                        "module cycles in {}:\n{}",
                        dir.display(),
                        c.join("\n")
                    ));
                }
                println!("no module cycles in {}", dir.display());
                Ok(())
            })
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | serve | test | dist [--single-file] | bench | eval | train [--check] | train-align | engine | fuzz [--seconds N] [--target NAME] | cycles [DIR]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
