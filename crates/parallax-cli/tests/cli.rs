//! The CLI contract: JSON Lines on stdout, one line per bad file on stderr, exit code 2.

mod common;

use common::{run, temp};

#[test]
fn mentions_with_code_point_offsets() {
    let f = temp(
        "001_a.txt",
        "Zoë Ward met Sen. Paul Kerr in Denver on Monday.".as_bytes(),
    );
    let (code, out, err) = run(&["entities", &f]);
    assert_eq!(code, 0, "stderr: {err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, u64, u64, String)> = lines
        .iter()
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                v["start"].as_u64().unwrap(),
                v["end"].as_u64().unwrap(),
                v["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Zoë Ward".to_string(), 0, 8, "PERSON".to_string()),
            ("Paul Kerr".to_string(), 18, 27, "PERSON".to_string()),
            ("Denver".to_string(), 31, 37, "PLACE".to_string()),
            ("Monday".to_string(), 41, 47, "DATE".to_string()),
        ]
    );
    assert!(lines
        .iter()
        .all(|v| v["doc"] == "001_a.txt" && v["entity"].is_string()));
}

#[test]
fn bad_files_are_reported_and_others_analysed() {
    let good = temp("002_b.txt", b"Anna Berg lives in Oslo.");
    let binary = temp("003_c.bin", b"PK\x03\x04\x00\x00");
    let latin1 = temp("004_d.txt", b"caf\xe9 au lait");
    let (code, out, err) = run(&["entities", &good, "/nonexistent/x.txt", &binary, &latin1]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 3, "one line per bad file: {err}");
    assert!(
        err.contains("x.txt") && err.contains("003_c.bin") && err.contains("004_d.txt"),
        "{err}"
    );
    assert!(out.contains("\"Oslo\""), "{out}");
}

#[test]
fn summary_lists_entities_per_document() {
    let a = temp("005_e.txt", b"Maria Lopez spoke in Lima. Lopez left.");
    let b = temp("006_f.txt", b"Maria Lopez arrived.");
    let (code, out, _) = run(&["entities", "--summary", &a, &b]);
    assert_eq!(code, 0);
    let person = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["entity"] == "maria-lopez")
        .expect("maria-lopez");
    assert_eq!(person["label"], "PERSON");
    assert_eq!(person["docs"]["005_e.txt"]["mentions"], 2);
    assert_eq!(person["docs"]["006_f.txt"]["mentions"], 1);
}

#[test]
fn usage_errors() {
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["entities"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
}

/// `parallax import`: one record per file in order; a refused file gets one line on stderr,
/// the others are still imported, and the exit code is 2.
#[test]
fn import_records_and_refusals() {
    let page = "<!doctype html><html><head><title>Floods close the ring road | Daily</title>\
        </head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><article>\
        <h1>Floods close the ring road</h1><p>Heavy rain closed the ring road on Sunday, police \
        said, after the river rose two metres overnight and water covered the lanes.</p>\
        <p>Drivers were told to avoid the area until Tuesday. The council said pumps were \
        working through the night and that buses would take the northern route.</p></article>\
        <footer>Copyright Daily</footer></body></html>";
    let html = temp("page.html", page.as_bytes());
    let md = temp("note.md", b"# Storm *hits*\n\nBody.");
    let bin = temp("photo.txt", b"PK\x03\x04\x00\x00");
    let missing = "/nonexistent/parallax/x.html";
    let (code, out, err) = run(&["import", &html, &bin, &md, missing]);
    assert_eq!(code, 2, "stdout: {out}");
    let got: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 2, "{out}");
    let rows = [
        (&got[0], &html, "Floods close the ring road", "html", true),
        (&got[1], &md, "Storm hits", "markdown", false),
    ];
    for (v, file, title, format, extracted) in rows {
        assert_eq!(v["file"], file.as_str());
        assert_eq!(v["title"], title);
        assert_eq!(v["format"], format);
        assert_eq!(v["extracted"], extracted);
    }
    let text = got[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Floods close the ring road\n\nHeavy rain"),
        "{text}"
    );
    assert!(
        !text.contains("Home") && !text.contains("Copyright"),
        "{text}"
    );
    assert_eq!(got[1]["text"], "Storm hits\n\nBody.");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("photo.txt") && lines[0].contains("binary"),
        "{err}"
    );
    assert!(lines[1].contains(missing), "{err}");
    let (code, _, err) = run(&["import"]);
    assert_eq!(code, 2);
    assert!(err.contains("no files given"), "{err}");
}
