//! `parallax quotes FILE...`: one JSON line per quotation, code points into the file's text.

use std::path::PathBuf;

mod common;

use common::{run, temp};

/// Runs `parallax quotes` on `files` (name, text; a `None` text is a missing file) and compares
/// (doc, start, end, text, speaker) of every line, then the exit code.
#[track_caller]
fn check(
    files: &[(&str, Option<&str>)],
    expected: &[(&str, usize, usize, &str, Option<&str>)],
    code: i32,
) {
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|&(name, text)| match text {
            Some(t) => PathBuf::from(temp(name, t)),
            None => std::env::temp_dir()
                .join("parallax-quotes-cli-missing")
                .join(name),
        })
        .collect();
    let mut args = vec!["quotes"];
    args.extend(paths.iter().map(|p| p.to_str().expect("a UTF-8 path")));
    let (status, stdout, stderr) = run(&args);
    let got: Vec<(String, usize, usize, String, Option<String>)> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON {l:?}: {e}"));
            (
                v["doc"].as_str().unwrap_or_default().to_string(),
                v["start"].as_u64().unwrap_or(u64::MAX) as usize,
                v["end"].as_u64().unwrap_or(u64::MAX) as usize,
                v["text"].as_str().unwrap_or_default().to_string(),
                v["speaker"].as_str().map(str::to_string),
            )
        })
        .collect();
    let exp: Vec<(String, usize, usize, String, Option<String>)> = expected
        .iter()
        .map(|&(d, s, e, t, sp)| (d.to_string(), s, e, t.to_string(), sp.map(str::to_string)))
        .collect();
    assert_eq!(got, exp, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(status, code, "exit code; stderr:\n{stderr}");
}

#[test]
fn quotes_with_speakers_in_code_points() {
    // "é" and "“" are one code point each (two and three bytes in UTF-8).
    check(
        &[(
            "a.txt",
            Some("Café owners protest\n\n“We cannot pay,” said Maria Lopez.\n"),
        )],
        &[("a.txt", 21, 37, "“We cannot pay,”", Some("Maria Lopez"))],
        0,
    );
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_run() {
    check(
        &[
            ("gone.txt", None),
            (
                "b.txt",
                Some("Rates rise\n\nThe bank said rates would stay \"higher for longer\".\n"),
            ),
        ],
        &[("b.txt", 43, 62, "\"higher for longer\"", Some("The bank"))],
        2,
    );
}
