//! `parallax session`: the printed fragment decodes to the session asked for, every file
//! inline and verbatim; bad labels and unreadable files give exit code 2 and no link.

use parallax_core::session::{decode, Prompt, Source};

mod common;

use common::{run, temp};

const XSS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/xss-vectors.txt"
);
#[test]
fn fragment_decodes_to_the_session() {
    let a = temp(
        "001_storm.txt",
        "Storm hits coast\r\n\r\nZoë Ward said the storm was “the worst in years”.\r\n".as_bytes(),
    );
    let (code, out, err) = run(&[
        "session",
        "--title",
        "Storm <b>coverage</b> — compare",
        "--prompt",
        "Who is quoted?",
        "--prompt=Why does the second source say \"worst\"?",
        "--hide",
        "place,DATE",
        "--blind",
        &a,
        XSS,
    ]);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    let line = out.trim_end();
    let payload = line
        .strip_prefix("#/session/")
        .unwrap_or_else(|| panic!("no #/session/ prefix: {line}"));
    assert!(
        payload
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')),
        "not fragment-safe: {payload}"
    );
    // Both the payload and the whole fragment decode.
    assert_eq!(decode(payload), decode(line));
    let s = decode(payload).expect("decodes");
    assert_eq!(s.title, "Storm <b>coverage</b> — compare");
    assert_eq!(
        s.prompts,
        vec![
            Prompt {
                text: "Who is quoted?".into(),
                source: None,
                quote: None
            },
            Prompt {
                text: "Why does the second source say \"worst\"?".into(),
                source: None,
                quote: None
            },
        ]
    );
    assert_eq!(s.hide, vec!["PLACE", "DATE"]);
    assert!(s.blind);
    let ids: Vec<&str> = s.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["001_storm", "xss-vectors"]);
    assert_eq!(
        s.sources[0],
        Source {
            id: "001_storm".into(),
            text: Some(
                "Storm hits coast\n\nZoë Ward said the storm was “the worst in years”.".into()
            ),
        }
    );
    let xss_text = s.sources[1].text.as_deref().expect("inline");
    let vectors = std::fs::read_to_string(XSS).unwrap();
    let mut n = 0;
    for v in vectors.lines().filter(|l| !l.trim().is_empty()) {
        assert!(xss_text.contains(v), "lost {v:?}");
        n += 1;
    }
    assert!(n >= 25, "{n} vectors");
}

#[test]
fn no_options_but_title_and_file() {
    let a = temp("002_plain.txt", b"Anna Berg lives in Oslo.");
    let (code, out, err) = run(&["session", "--title", "T", &a]);
    assert_eq!(code, 0, "{err}");
    let s = decode(out.trim()).unwrap();
    assert_eq!(
        (s.title.as_str(), s.prompts.len(), s.hide.len(), s.blind),
        ("T", 0, 0, false)
    );
}

#[test]
fn html_and_markdown_files_travel_as_text() {
    let h = temp(
        "003_page.html",
        b"<html><head><title>Page</title><script>window.__pwned=1</script></head>\
          <body><h1>Flood warning</h1><p>Rivers &amp; streams rose.</p></body></html>",
    );
    let m = temp("004_notes.md", b"# Heading\n\nSome *emphasis* here.");
    let (code, out, err) = run(&["session", "--title", "T", &h, &m]);
    assert_eq!(code, 0, "{err}");
    let s = decode(out.trim()).unwrap();
    let texts: Vec<&str> = s.sources.iter().filter_map(|s| s.text.as_deref()).collect();
    assert_eq!(
        texts,
        [
            "Flood warning\n\nRivers & streams rose.",
            "Heading\n\nSome emphasis here."
        ]
    );
}

#[test]
fn unknown_label_is_refused() {
    let a = temp("005_a.txt", b"Some text.");
    let (code, out, err) = run(&["session", "--title", "T", "--hide", "PLACE,colour", &a]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("unknown label \"colour\"")
            && err.contains("PERSON, ORG, PLACE, GROUP, DATE, NUMBER"),
        "{err}"
    );
}

#[test]
fn unreadable_files_are_named_and_no_link_printed() {
    let good = temp("006_good.txt", b"Fine text.");
    let binary = temp("007_pic.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let latin1 = temp("008_old.txt", b"caf\xe9 au lait");
    let (code, out, err) = run(&[
        "session",
        "--title",
        "T",
        &good,
        "/nonexistent/missing.txt",
        &binary,
        &latin1,
    ]);
    assert_eq!(code, 2);
    assert_eq!(out, "", "no link when a file failed");
    assert_eq!(err.lines().count(), 3, "one line per bad file: {err}");
    assert!(
        err.contains("missing.txt") && err.contains("007_pic.png") && err.contains("008_old.txt"),
        "{err}"
    );
    assert!(err.contains("looks binary"), "{err}");
}

#[test]
fn usage_errors() {
    let a = temp("009_a.txt", b"Some text.");
    let rows: &[(&[&str], &str)] = &[
        (&["session", &a], "no --title"),
        (&["session", "--title", "T"], "no files"),
        (&["session", "--title"], "--title needs a value"),
        (
            &["session", "--title", "T", "--colour", &a],
            "unknown option --colour",
        ),
        (
            &["session", "--title", "T", "--blind=yes", &a],
            "unknown option --blind=yes",
        ),
    ];
    for (args, want) in rows {
        let (code, out, err) = run(args);
        assert!(
            code == 2 && out.is_empty() && err.contains(want),
            "{args:?}: code {code}, stderr {err:?}, expected {want:?}"
        );
    }
}

#[test]
fn same_id_twice_is_refused() {
    let a = temp("010_same.txt", b"One.");
    let dir = std::env::temp_dir().join(format!("parallax-session-test-{}-b", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let b = dir.join("010_same.md");
    std::fs::write(&b, b"Two.").unwrap();
    let (code, out, err) = run(&["session", "--title", "T", &a, b.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("both called \"010_same\""), "{err}");
}
