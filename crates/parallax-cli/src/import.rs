//! `parallax import FILE...`: each file read as the app reads an added article (plain text,
//! Markdown, or an HTML page's extracted article), one JSON Lines record per file:
//! `{"file", "title", "text", "format", "extracted"}`. `format` is `text`, `markdown` or
//! `html`; `extracted` is true when the text is the page's article found by main-content
//! extraction, false when it is the whole text. A file that cannot be read or is refused gets
//! one line on stderr; the others are still imported; the exit code is then 2.

use crate::USAGE;
use anyhow::{bail, Result};
use parallax_core::import::{import, Format};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// The format's name in the record.
fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
    }
}

pub(crate) fn import_cmd(args: &[String]) -> Result<ExitCode> {
    if let Some(bad) = args.iter().find(|a| a.starts_with("--")) {
        bail!("unknown option {bad}\n{USAGE}");
    }
    if args.is_empty() {
        bail!("no files given\n{USAGE}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for p in args {
        let Some((name, bytes)) = crate::read_file(p) else {
            failed = true;
            continue;
        };
        match import(Some(&name), &bytes) {
            Ok(i) => {
                let line = json!({
                    "file": p,
                    "title": i.title,
                    "text": i.text,
                    "format": format_name(i.format),
                    "extracted": i.extracted,
                });
                writeln!(out, "{line}")?;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("parallax: {p}: {e}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
