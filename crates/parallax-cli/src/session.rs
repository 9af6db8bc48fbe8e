//! `parallax session --title T [--prompt TEXT]... [--hide LABELS] [--blind] [--bundled ID]... FILE...`
//!
//! Prints one line: the URL fragment of a teacher session (`#/session/<payload>`, see
//! `parallax_core::session`) with every FILE inline, its id the file's stem, and every
//! `--bundled ID` as a reference to a document bundled with the app (its text not carried),
//! in the order given. Files are read
//! as the app imports them (`parallax_core::import`: `.md` and `.html` become plain text).
//! `--prompt` may be repeated (questions about the whole session); `--hide PLACE,DATE` hides
//! those labels' marks; `--blind` hides the sources' names. A file that is missing, binary,
//! not UTF-8 or too long gets one line on stderr naming it, and then no link is printed
//! (exit code 2); so does an unknown label or option.

use anyhow::{anyhow, bail, Result};
use parallax_core::session::{self, Prompt, Session, SessionError, Source};
use parallax_core::{document, import, Label};
use std::process::ExitCode;

const USAGE: &str = "usage: parallax session --title T [--prompt TEXT]... [--hide LABELS] \
                     [--blind] [--bundled ID]... FILE...";

/// The labels named in a `--hide` value ("place,DATE"), in upper case, each once.
fn labels(value: &str, into: &mut Vec<String>) -> Result<()> {
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let name = part.to_ascii_uppercase();
        if !Label::ALL.iter().any(|l| l.as_str() == name) {
            bail!(
                "unknown label {part:?} in --hide; the labels are {}",
                session::label_names()
            );
        }
        if !into.contains(&name) {
            into.push(name);
        }
    }
    Ok(())
}

pub fn session_cmd(args: &[String]) -> Result<ExitCode> {
    let mut title: Option<String> = None;
    let mut prompts = Vec::new();
    let mut hide = Vec::new();
    let mut blind = false;
    // Each source in the order given: a file to carry inline, or a bundled document's id.
    let mut files: Vec<(bool, String)> = Vec::new();
    let mut it = args.iter();
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || !arg.starts_with("--") {
            files.push((false, arg.clone()));
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || -> Result<String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| anyhow!("{flag} needs a value\n{USAGE}")),
            }
        };
        match flag {
            "--title" => title = Some(value()?),
            "--prompt" => prompts.push(Prompt {
                text: value()?,
                source: None,
                quote: None,
            }),
            "--hide" => labels(&value()?, &mut hide)?,
            "--bundled" => files.push((true, value()?)),
            "--blind" if inline.is_none() => blind = true,
            "--" if inline.is_none() => only_files = true,
            _ => bail!("unknown option {arg}\n{USAGE}"),
        }
    }
    let Some(title) = title else {
        bail!("no --title given\n{USAGE}");
    };
    if files.is_empty() {
        bail!("no files given\n{USAGE}");
    }

    let mut sources = Vec::new();
    let mut failed = false;
    for (bundled, p) in &files {
        if *bundled {
            sources.push(Source {
                id: p.clone(),
                text: None,
            });
            continue;
        }
        let Some((name, bytes)) = crate::read_file(p) else {
            failed = true;
            continue;
        };
        match import::import(Some(&name), &bytes) {
            Ok(imported) => sources.push(Source {
                id: document::id_from_file_name(&name).to_string(),
                text: Some(imported.text),
            }),
            Err(e) => {
                eprintln!("parallax: {p}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        return Ok(ExitCode::from(2));
    }

    let s = Session {
        title,
        prompts,
        sources,
        hide,
        blind,
        collection: String::new(),
    };
    match session::validate(&s) {
        Ok(()) => {}
        Err(SessionError::Damaged(why)) => bail!("cannot make this session: {why}"),
        Err(e) => bail!("cannot make this session: {e}"),
    }
    let fragment = session::fragment(&s);
    let payload = fragment.len() - session::FRAGMENT_PREFIX.len();
    if payload > session::MAX_PAYLOAD_CHARS {
        bail!(
            "the session link would be {payload} characters long, more than the {} Parallax \
             opens; use fewer or shorter files",
            session::MAX_PAYLOAD_CHARS
        );
    }
    println!("{fragment}");
    Ok(ExitCode::SUCCESS)
}
