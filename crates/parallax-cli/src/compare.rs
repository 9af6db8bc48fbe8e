//! The comparison subcommands: `align`, `flags`, `story`, `provenance`.
//!
//! ```text
//! parallax align A B       {"a","b","a_start","a_end","b_start","b_end","score","kind"} per pair
//! parallax flags FILE...   {"doc","flag","evidence"} per flag, the files taken together
//! parallax story FILE...   {"claim","coverage","reports","conflict","passages":{"<file>":[{"start","end","kind","text"}]}}
//! parallax provenance FILE...  {"a","b","relation","shared","earlier","evidence":[...]} per linked pair
//! ```
//! Offsets are code points, end exclusive; `a`, `b`, `doc` and the passage keys are file names.

use super::{read_inputs, Inputs};
use crate::json_lines::JsonLines;
use anyhow::{bail, Result};
use parallax_core::align::align;
use parallax_core::compare::AnalysedDocs;
use parallax_core::flags::flags;
use parallax_core::provenance::provenance;
use parallax_core::story::story;
use parallax_core::{analyse, CharIndex};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

fn files(args: &[String], usage: &str) -> Result<Vec<String>> {
    if let Some(bad) = args.iter().find(|a| a.starts_with("--")) {
        bail!("unknown option {bad}\n{usage}");
    }
    if args.is_empty() {
        bail!("no files given\n{usage}");
    }
    Ok(args.to_vec())
}

fn done(inputs: &Inputs) -> ExitCode {
    if inputs.failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `parallax align A B`.
pub fn align_cmd(args: &[String]) -> Result<ExitCode> {
    let usage = "usage: parallax align A B";
    let files = files(args, usage)?;
    if files.len() != 2 {
        bail!("align takes two files\n{usage}");
    }
    let refs: Vec<&String> = files.iter().collect();
    let inputs = read_inputs(&refs);
    if inputs.docs.len() != 2 {
        return Ok(ExitCode::from(2));
    }
    let analysis = analyse(&inputs.docs);
    let analysed = AnalysedDocs::new(&inputs.docs, &analysis);
    let docs = analysed.inputs();
    let mut out = JsonLines::stdout();
    for p in align(&docs[0], &docs[1]) {
        let line = json!({
            "a": inputs.names[0], "b": inputs.names[1],
            "a_start": p.a.start, "a_end": p.a.end, "b_start": p.b.start, "b_end": p.b.end,
            "score": (f64::from(p.score) * 1000.0).round() / 1000.0, "kind": p.kind.as_str(),
        });
        out.line(&line)?;
    }
    out.flush()?;
    Ok(done(&inputs))
}

/// `parallax flags FILE...`.
pub fn flags_cmd(args: &[String]) -> Result<ExitCode> {
    let files = files(args, "usage: parallax flags FILE...")?;
    let refs: Vec<&String> = files.iter().collect();
    let inputs = read_inputs(&refs);
    let analysis = analyse(&inputs.docs);
    let analysed = AnalysedDocs::new(&inputs.docs, &analysis);
    let mut out = JsonLines::stdout();
    let names: Vec<&str> = inputs.names.iter().map(String::as_str).collect();
    for f in flags(&analysed.inputs(), &names, analysed.descriptors()) {
        let line =
            json!({"doc": inputs.names[f.doc], "flag": f.flag.as_str(), "evidence": f.evidence});
        out.line(&line)?;
    }
    out.flush()?;
    Ok(done(&inputs))
}

/// `parallax story FILE...`.
pub fn story_cmd(args: &[String]) -> Result<ExitCode> {
    let files = files(args, "usage: parallax story FILE...")?;
    let refs: Vec<&String> = files.iter().collect();
    let inputs = read_inputs(&refs);
    let analysis = analyse(&inputs.docs);
    let analysed = AnalysedDocs::new(&inputs.docs, &analysis);
    let docs = analysed.inputs();
    let ixs: Vec<CharIndex> = inputs
        .docs
        .iter()
        .map(|d| CharIndex::new(&d.text))
        .collect();
    let mut out = JsonLines::stdout();
    for (n, claim) in story(&docs).iter().enumerate() {
        let mut passages = Map::new();
        for (d, ps) in claim.passages.iter().enumerate() {
            if ps.is_empty() {
                continue;
            }
            let rows: Vec<Value> = ps
                .iter()
                .map(|p| {
                    json!({"start": p.span.start, "end": p.span.end, "kind": p.kind,
                           "text": ixs[d].slice(&inputs.docs[d].text, p.span)})
                })
                .collect();
            passages.insert(inputs.names[d].clone(), Value::Array(rows));
        }
        let conflict = claim.conflict.as_ref().map(|c| {
            json!({"what": c.what, "values": c.values.iter().map(|(d, text, value)| json!({"doc": inputs.names[*d], "text": text, "value": value})).collect::<Vec<_>>()})
        });
        let line = json!({"claim": n + 1, "coverage": claim.coverage, "reports": claim.reports, "conflict": conflict, "passages": Value::Object(passages)});
        out.line(&line)?;
    }
    out.flush()?;
    Ok(done(&inputs))
}

/// `parallax provenance FILE...`: one line per pair of files that are one text
/// (`relation`: `same_copy`, `update` or `rewrite`; `earlier`: `"a"`, `"b"` or null); pairs
/// not printed are independent.
pub fn provenance_cmd(args: &[String]) -> Result<ExitCode> {
    let files = files(args, "usage: parallax provenance FILE...")?;
    let refs: Vec<&String> = files.iter().collect();
    let inputs = read_inputs(&refs);
    let analysis = analyse(&inputs.docs);
    let analysed = AnalysedDocs::new(&inputs.docs, &analysis);
    let mut out = JsonLines::stdout();
    for l in provenance(&analysed.inputs()) {
        let earlier = match l.earlier {
            Some(e) if e == l.a => json!("a"),
            Some(_) => json!("b"),
            None => Value::Null,
        };
        let line = json!({
            "a": inputs.names[l.a], "b": inputs.names[l.b], "relation": l.relation.as_str(),
            "shared": (f64::from(l.shared) * 100.0).round() / 100.0, "earlier": earlier,
            "evidence": l.evidence,
        });
        out.line(&line)?;
    }
    out.flush()?;
    Ok(done(&inputs))
}
