//! `cargo xtask fuzz [--seconds N] [--target NAME] [--jobs N]`: the cargo-fuzz targets of
//! `fuzz/` (libFuzzer, nightly toolchain), each for N seconds (default 30) over a scratch copy
//! of its checked-in corpus `fuzz/corpus/<target>/` (libFuzzer's new inputs never land in the
//! repository). Installs cargo-fuzz when missing, builds every target once, runs them
//! `--jobs` at a time (default: the machine's cores), prints per target the executions,
//! exec/s and coverage of libFuzzer's last stats line, and fails when any target crashes
//! (the input is kept under `target/fuzz-scratch/<target>/artifacts/`; reproduce it with
//! `cargo +nightly fuzz run <target> <file>`).

use crate::util::{cmd, output, project_root, run_cmd, version_of};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// cargo-fuzz version installed when missing.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Every target with its `-max_len` (bytes), fastest first. The analysis targets get short
/// inputs: their cost grows with the text, and libFuzzer finds more per second on short ones.
pub const TARGETS: &[(&str, usize)] = &[
    ("seed", 4096),
    ("session", 8192),
    ("anchor", 1024),
    ("import_html", 8192),
    ("notes", 4096),
    ("import_markdown", 8192),
    ("session_struct", 1024),
    ("analyse", 1024),
    ("story", 1024),
];

/// What `cargo xtask fuzz` was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Seconds per target.
    pub seconds: u64,
    /// Only this target.
    pub target: Option<String>,
    /// Targets run at once.
    pub jobs: usize,
}

impl Options {
    /// Every target for `seconds`, as many at once as the machine has cores.
    pub fn all(seconds: u64) -> Self {
        let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
        Options {
            seconds,
            target: None,
            jobs,
        }
    }
}

/// Reads `--seconds N`, `--target NAME` and `--jobs N`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let usage = "usage: cargo xtask fuzz [--seconds N] [--target NAME] [--jobs N]";
    let mut o = Options::all(30);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value\n{usage}"));
        let number = |v: &String| {
            v.parse::<u64>()
                .map_err(|_| format!("{a} {v}: not a number"))
        };
        match a.as_str() {
            "--seconds" => o.seconds = number(value()?)?,
            "--jobs" => o.jobs = number(value()?)?.max(1) as usize,
            "--target" => {
                let t = value()?;
                if !TARGETS.iter().any(|(n, _)| n == t) {
                    let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
                    return Err(format!(
                        "no fuzz target {t:?}; there are {}",
                        names.join(", ")
                    ));
                }
                o.target = Some(t.clone());
            }
            _ => return Err(format!("unknown option {a}\n{usage}")),
        }
    }
    Ok(o)
}

/// Installs cargo-fuzz when `cargo +nightly fuzz` does not run (idempotent).
pub fn install() -> Result<(), String> {
    let ok = output(cmd("cargo").args(["+nightly", "fuzz", "--version"])).is_some();
    if ok {
        println!("fuzz: cargo-fuzz: present, skipped");
        return Ok(());
    }
    if version_of("rustc").is_none()
        || output(cmd("rustc").args(["+nightly", "--version"])).is_none()
    {
        return Err("fuzzing needs the nightly toolchain: rustup toolchain install nightly".into());
    }
    println!("fuzz: cargo-fuzz: missing, installing");
    run_cmd(cmd("cargo").args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))
    .map_err(|e| format!("installing cargo-fuzz failed: {e}"))
}

/// Where the fuzz targets are built: `$CARGO_TARGET_DIR/fuzz`, else `target/fuzz`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), PathBuf::from)
        .join("fuzz")
}

/// Builds every target (optimised, with debug assertions: overflow checks and
/// `debug_assert!`s count as crashes) and returns the folder of the binaries.
///
/// `--sanitizer none`: parallax-core has no `unsafe` code (nor do the targets), so
/// AddressSanitizer would find nothing that safe Rust does not already turn into a panic,
/// at about half the speed; libFuzzer's coverage instrumentation stays.
pub fn build() -> Result<PathBuf, String> {
    let dir = target_dir();
    run_cmd(
        cmd("cargo")
            .args([
                "+nightly",
                "fuzz",
                "build",
                "--sanitizer",
                "none",
                "--debug-assertions",
            ])
            .arg("--target-dir")
            .arg(&dir),
    )
    .map_err(|e| format!("building the fuzz targets failed: {e}"))?;
    let host = output(cmd("rustc").args(["+nightly", "-vV"]))
        .and_then(|v| {
            v.lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        })
        .ok_or("rustc +nightly -vV names no host")?;
    Ok(dir.join(host).join("release"))
}

/// libFuzzer's figures for one run.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    /// Inputs run.
    pub execs: u64,
    /// Average inputs per second.
    pub per_sec: u64,
    /// Edges covered (`cov:`) of the last stats line.
    pub cov: u64,
    /// Features (`ft:`) of the last stats line.
    pub ft: u64,
    /// Corpus entries (`corp:`) of the last stats line.
    pub corpus: u64,
}

/// The figures in libFuzzer's output: the last `#N ... cov: C ft: F corp: K/...` line and the
/// `stat::` lines `-print_final_stats=1` adds.
pub fn parse_stats(log: &str) -> Stats {
    let mut s = Stats::default();
    let field = |line: &str, key: &str| -> Option<u64> {
        let rest = line.split(key).nth(1)?.trim_start();
        rest.split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    for line in log.lines() {
        if line.starts_with('#') && line.contains(" cov: ") {
            s.execs = field(line, "#").unwrap_or(s.execs);
            s.cov = field(line, " cov: ").unwrap_or(s.cov);
            s.ft = field(line, " ft: ").unwrap_or(s.ft);
            s.corpus = field(line, " corp: ").unwrap_or(s.corpus);
            s.per_sec = field(line, " exec/s: ").unwrap_or(s.per_sec);
        } else if let Some(n) = field(line, "stat::number_of_executed_units:") {
            s.execs = n;
        } else if let Some(n) = field(line, "stat::average_exec_per_sec:") {
            s.per_sec = n;
        }
    }
    s
}

/// A target's scratch folder: a fresh copy of its corpus, its artifacts and its log.
struct Run {
    name: &'static str,
    dir: PathBuf,
    child: Child,
}

fn copy_corpus(from: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(()); // no checked-in corpus: libFuzzer starts from nothing
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_file() {
            std::fs::copy(&p, to.join(e.file_name()))
                .map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    Ok(())
}

fn start(bin: &Path, name: &'static str, max_len: usize, seconds: u64) -> Result<Run, String> {
    let dir = project_root().join("target/fuzz-scratch").join(name);
    let corpus = dir.join("corpus");
    copy_corpus(&project_root().join("fuzz/corpus").join(name), &corpus)?;
    let artifacts = dir.join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let log = std::fs::File::create(dir.join("log.txt")).map_err(|e| e.to_string())?;
    let mut c = Command::new(bin.join(name));
    c.arg(&corpus)
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={max_len}"))
        // One input over 25 s is a hang, reported as a crash.
        .arg("-timeout=25")
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1")
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log);
    println!("fuzz: {name}: {seconds} s, -max_len={max_len}");
    let child = c
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.join(name).display()))?;
    Ok(Run { name, dir, child })
}

/// Waits for a run; its summary line, or an error naming the crash.
fn finish(mut run: Run) -> Result<String, String> {
    let status = run.child.wait().map_err(|e| e.to_string())?;
    let log = std::fs::read_to_string(run.dir.join("log.txt")).unwrap_or_default();
    let s = parse_stats(&log);
    let line = format!(
        "{:<16} {:>10} executions {:>8} exec/s  cov {:>6}  ft {:>6}  corpus {:>5}",
        run.name, s.execs, s.per_sec, s.cov, s.ft, s.corpus
    );
    if status.success() {
        return Ok(line);
    }
    let why = log
        .lines()
        .find(|l| l.contains("panicked at") || l.contains("ERROR: libFuzzer"))
        .unwrap_or("no panic message");
    let next = log
        .lines()
        .skip_while(|l| !l.contains("panicked at"))
        .nth(1)
        .unwrap_or("");
    Err(format!(
        "{line}\n  CRASH ({status}): {why}\n  {next}\n  input and log in {}",
        run.dir.display()
    ))
}

/// Installs, builds and runs the targets `o` names; fails when any crashed.
pub fn run(o: &Options) -> Result<(), String> {
    install()?;
    let bin = build()?;
    let chosen: Vec<(&'static str, usize)> = TARGETS
        .iter()
        .copied()
        .filter(|(n, _)| o.target.as_deref().is_none_or(|t| t == *n))
        .collect();
    let mut lines = Vec::new();
    let mut crashed = 0;
    for batch in chosen.chunks(o.jobs.max(1)) {
        let runs: Vec<Run> = batch
            .iter()
            .map(|&(n, len)| start(&bin, n, len, o.seconds))
            .collect::<Result<_, _>>()?;
        for r in runs {
            match finish(r) {
                Ok(l) => lines.push(l),
                Err(l) => {
                    crashed += 1;
                    lines.push(l);
                }
            }
        }
    }
    println!("\nfuzz: {} s per target", o.seconds);
    for l in &lines {
        println!("  {l}");
    }
    if crashed > 0 {
        return Err(format!("{crashed} fuzz target(s) crashed"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(log: &str, want: Stats) {
        assert_eq!(parse_stats(log), want, "log:\n{log}");
    }

    #[test]
    fn stats_from_libfuzzer_output() {
        check("", Stats::default());
        check(
            "#2\tINITED cov: 146 ft: 300 corp: 26/40Kb exec/s: 0 rss: 28Mb\n\
             #2097152\tpulse  cov: 146 ft: 571 corp: 191/36Kb lim: 8192 exec/s: 161319 rss: 28Mb\n\
             #2586915\tDONE   cov: 146 ft: 573 corp: 192/38Kb lim: 8192 exec/s: 161682 rss: 28Mb\n\
             Done 2586915 runs in 16 second(s)\n\
             stat::number_of_executed_units: 2586915\n\
             stat::average_exec_per_sec:     161682\n\
             stat::new_units_added:          166\n",
            Stats {
                execs: 2586915,
                per_sec: 161682,
                cov: 146,
                ft: 573,
                corpus: 192,
            },
        );
        // A crash: no DONE line; the stats of the last line before it.
        check(
            "#1024\tNEW    cov: 80 ft: 90 corp: 12/1Kb lim: 4 exec/s: 512 rss: 30Mb L: 3/4 MS: 1 X-\n\
             thread '<unnamed>' panicked at src/lib.rs:1:1:\n\
             stat::number_of_executed_units: 1030\n",
            Stats {
                execs: 1030,
                per_sec: 512,
                cov: 80,
                ft: 90,
                corpus: 12,
            },
        );
    }

    #[test]
    fn options() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        let o = parse_args(&args("--seconds 5 --target notes --jobs 3")).unwrap();
        assert_eq!(
            (o.seconds, o.target.as_deref(), o.jobs),
            (5, Some("notes"), 3)
        );
        assert_eq!(parse_args(&[]).unwrap().seconds, 30);
        assert!(parse_args(&args("--target nope"))
            .unwrap_err()
            .contains("notes"));
        assert!(parse_args(&args("--seconds")).is_err());
        assert!(parse_args(&args("--fast")).is_err());
    }

    #[test]
    fn every_target_has_a_source_and_a_corpus() {
        let root = project_root().join("fuzz");
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        for (name, _) in TARGETS {
            assert!(
                root.join("fuzz_targets")
                    .join(format!("{name}.rs"))
                    .is_file(),
                "{name}"
            );
            assert!(manifest.contains(&format!("name = \"{name}\"")), "{name}");
            assert!(root.join("corpus").join(name).is_dir(), "corpus of {name}");
        }
        let bins = manifest.matches("[[bin]]").count();
        assert_eq!(
            bins,
            TARGETS.len(),
            "fuzz/Cargo.toml has targets xtask does not run"
        );
    }
}
