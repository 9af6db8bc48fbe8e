//! `parallax import FILE...`: each file read as the app reads an added article (plain text,
//! Markdown, or an HTML page's extracted article), one JSON Lines record per file:
//! `{"file", "title", "byline", "date", "site", "url", "body", "text", "format", "extracted",
//! "left_out"}`. `byline`, `date` (a day, `2024-06-14`, when the page says it in a machine
//! form), `site` (the outlet) and `url` (the page's canonical address) come from the page's
//! metadata or markup and are `null` when it has none (always for text and Markdown); `body` is
//! the article's paragraphs alone, `text` what the reader shows (headline, byline and date
//! lines, then the body). `format` is `text`, `markdown` or `html`; `extracted` is true when
//! the text is the page's article found by main-content extraction, false when it is the whole
//! text; `left_out` counts the characters cut after the last whole paragraph within the
//! length limit (0 when the article is whole). A file that cannot be read or is refused gets
//! one line on stderr; the others are still imported; the exit code is then 2.

use crate::json_lines::JsonLines;
use crate::USAGE;
use anyhow::{bail, Result};
use parallax_core::import::{import, Format};
use serde_json::json;
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
    let mut out = JsonLines::stdout();
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
                    "byline": i.byline,
                    "date": i.date,
                    "site": i.site,
                    "url": i.url,
                    "body": i.body,
                    "text": i.text,
                    "format": format_name(i.format),
                    "extracted": i.extracted,
                    "left_out": i.left_out,
                });
                out.line(&line)?;
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
