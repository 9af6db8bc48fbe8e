//! `parallax`: the command-line contract of parallax-core. Output is JSON Lines on stdout.
//!
//! ```text
//! parallax entities [--summary] FILE...
//! parallax quotes FILE...
//! parallax align A B
//! parallax flags FILE...
//! parallax story FILE...
//! parallax provenance FILE...
//! parallax session --title T [--prompt TEXT]... [--hide LABELS] [--blind] FILE...
//! parallax train-align MANIFEST
//! parallax import FILE...
//! ```
//! `import` reads each file as the app reads an added article (see `import.rs`). The others
//! analyse all files together as one corpus. A file that is missing, not UTF-8 or
//! binary gets one line on stderr naming it; the others are still analysed; the exit code
//! is then 2.

#![warn(clippy::too_many_lines)]

mod compare;
mod import;
mod json_lines;
mod session;
mod train;

use anyhow::{bail, Result};
use json_lines::JsonLines;
use parallax_core::{analyse, seed, Document};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

const USAGE: &str = "usage: parallax entities [--summary] FILE...\n       parallax quotes FILE...\n       parallax align A B\n       parallax flags FILE...\n       parallax story FILE...\n       parallax provenance FILE...\n       parallax session --title T [--prompt TEXT]... [--hide LABELS] [--blind] FILE...\n       parallax train-align MANIFEST\n       parallax import FILE...";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        bail!("{USAGE}");
    };
    match cmd.as_str() {
        "entities" => entities(rest),
        "quotes" => quotes(rest),
        "align" => compare::align_cmd(rest),
        "flags" => compare::flags_cmd(rest),
        "story" => compare::story_cmd(rest),
        "provenance" => compare::provenance_cmd(rest),
        "session" => session::session_cmd(rest),
        "train-align" => train::train_align_cmd(rest),
        "import" => import::import_cmd(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command {other:?}\n{USAGE}"),
    }
}

/// Files read and validated; failures reported on stderr.
struct Inputs {
    docs: Vec<Document>,
    names: Vec<String>,
    failed: bool,
}

/// The file name and bytes of the file at `path`; when it cannot be read, says so on stderr
/// (naming the path) and gives `None`.
fn read_file(path: &str) -> Option<(String, Vec<u8>)> {
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    match std::fs::read(path) {
        Ok(b) => Some((name, b)),
        Err(e) => {
            eprintln!("parallax: {path}: cannot read: {e}");
            None
        }
    }
}

fn read_inputs(paths: &[&String]) -> Inputs {
    let mut inputs = Inputs {
        docs: Vec::new(),
        names: Vec::new(),
        failed: false,
    };
    for p in paths {
        let Some((name, bytes)) = read_file(p) else {
            inputs.failed = true;
            continue;
        };
        match seed::validate(p, &bytes) {
            Ok(text) => {
                let id = parallax_core::document::id_from_file_name(&name).to_string();
                inputs.docs.push(Document::new(id, text));
                inputs.names.push(name);
            }
            Err(e) => {
                eprintln!("parallax: {e}");
                inputs.failed = true;
            }
        }
    }
    inputs
}

fn entities(args: &[String]) -> Result<ExitCode> {
    let summary = args.iter().any(|a| a == "--summary");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if let Some(bad) = args
        .iter()
        .find(|a| a.starts_with("--") && *a != "--summary")
    {
        bail!("unknown option {bad}\n{USAGE}");
    }
    if files.is_empty() {
        bail!("no files given\n{USAGE}");
    }
    let inputs = read_inputs(&files);
    let analysis = analyse(&inputs.docs);
    let mut out = JsonLines::stdout();
    if summary {
        for e in &analysis.entities {
            let mut docs = Map::new();
            for &(d, n) in &e.mentions_per_doc {
                // Each distinct descriptor this document gives the entity, in text order.
                let mut descriptors: Vec<String> = Vec::new();
                for (id, d, _) in &analysis.docs[d].descriptors {
                    let d = d.split_whitespace().collect::<Vec<_>>().join(" ");
                    if *id == e.id && !descriptors.contains(&d) {
                        descriptors.push(d);
                    }
                }
                docs.insert(
                    inputs.names[d].clone(),
                    json!({"mentions": n, "descriptors": descriptors}),
                );
            }
            let line = json!({"entity": e.id, "label": e.label.as_str(), "names": e.variants, "docs": Value::Object(docs)});
            out.line(&line)?;
        }
    } else {
        for (d, da) in analysis.docs.iter().enumerate() {
            let doc = &inputs.docs[d];
            let ix = parallax_core::CharIndex::new(&doc.text);
            for m in &da.mentions {
                let line = json!({
                    "doc": inputs.names[d],
                    "start": m.span.start,
                    "end": m.span.end,
                    "label": m.label.as_str(),
                    "text": ix.slice(&doc.text, m.span),
                    "entity": m.entity,
                });
                out.line(&line)?;
            }
        }
    }
    out.flush()?;
    Ok(if inputs.failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `parallax quotes FILE...`: one line per quotation,
/// `{"doc", "start", "end", "text", "speaker", "speaker_entity"}`; start and end are the code
/// points of the quotation including its marks; speaker is the speaker as written (or null).
fn quotes(args: &[String]) -> Result<ExitCode> {
    if let Some(bad) = args.iter().find(|a| a.starts_with("--")) {
        bail!("unknown option {bad}\n{USAGE}");
    }
    let files: Vec<&String> = args.iter().collect();
    if files.is_empty() {
        bail!("no files given\n{USAGE}");
    }
    let inputs = read_inputs(&files);
    let analysis = analyse(&inputs.docs);
    let mut out = JsonLines::stdout();
    for (d, da) in analysis.docs.iter().enumerate() {
        let doc = &inputs.docs[d];
        let ix = parallax_core::CharIndex::new(&doc.text);
        for q in &da.quotes {
            let line = json!({
                "doc": inputs.names[d],
                "start": q.span.start,
                "end": q.span.end,
                "text": ix.slice(&doc.text, q.span),
                "speaker": q.speaker_text,
                "speaker_entity": q.speaker_entity,
            });
            out.line(&line)?;
        }
    }
    out.flush()?;
    Ok(if inputs.failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
