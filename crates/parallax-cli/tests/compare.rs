//! The comparison subcommands' contract: `align`, `flags`, `story` print JSON Lines with
//! code-point offsets (end exclusive) and file names.

mod common;

use common::{run_json as run, temp};

const A: &str =
    "Zoë’s council approved the budget on Monday. Residents protested outside the hall.";
const B: &str = "Residents marched in the rain. Zoë’s council approved the budget on Monday.";

#[test]
fn align_prints_pairs_with_code_points_and_file_names() {
    let (a, b) = (temp("a.txt", A), temp("b.txt", B));
    let (code, lines, err) = run(&["align", &a, &b]);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    let l = &lines[0];
    assert_eq!(
        (l["a"].as_str(), l["b"].as_str(), l["kind"].as_str()),
        (Some("a.txt"), Some("b.txt"), Some("same"))
    );
    let cut = |t: &str, s: &str, e: &str| -> String {
        t.chars()
            .skip(l[s].as_u64().unwrap() as usize)
            .take((l[e].as_u64().unwrap() - l[s].as_u64().unwrap()) as usize)
            .collect()
    };
    assert_eq!(
        cut(A, "a_start", "a_end"),
        "Zoë’s council approved the budget on Monday."
    );
    assert_eq!(
        cut(B, "b_start", "b_end"),
        "Zoë’s council approved the budget on Monday."
    );
    assert!(l["score"].as_f64().unwrap() > 0.9);
}

#[test]
fn flags_and_story_take_the_files_together() {
    let a = temp("c.txt", "Storm hits the coast\n\nStorm hits the coast\n\nThe storm destroyed 4,500 homes on Sunday, officials said.\n");
    let b = temp(
        "d.txt",
        "Across the region, 4,500 homes were destroyed by the storm on Sunday.\n",
    );
    let (code, flags, err) = run(&["flags", &a, &b]);
    assert_eq!(code, 0, "stderr: {err}");
    let got: Vec<(String, String)> = flags
        .iter()
        .map(|f| {
            (
                f["doc"].as_str().unwrap().to_string(),
                f["flag"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("c.txt".to_string(), "repeated_headline".to_string())]
    );
    let (code, claims, err) = run(&["story", &a, &b]);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["claim"], 1);
    assert_eq!(claims[0]["coverage"], 2);
    assert!(claims[0]["conflict"].is_null());
    let d = &claims[0]["passages"]["d.txt"][0];
    assert_eq!(
        d["text"],
        "Across the region, 4,500 homes were destroyed by the storm on Sunday."
    );
    assert_eq!(d["start"], 0);
}

#[test]
fn align_needs_two_files() {
    let a = temp("e.txt", A);
    let (code, lines, err) = run(&["align", &a]);
    assert_eq!((code, lines.len()), (2, 0));
    assert!(err.contains("two files"), "{err}");
}
