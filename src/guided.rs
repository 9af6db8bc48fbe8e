//! A teacher's session as the student reads it (guided reading): the documents its link
//! names, what its sources are called (blind reading), and the hand-in file of answers and
//! notes. The link format itself is `parallax_core::session`; the answers as stored are
//! `crate::state::answers`. No web-sys here: tested natively.

use crate::state::answers::Answers;
use parallax_core::notes::Note;
use parallax_core::session::Session;
use parallax_core::{document::id_from_file_name, Document};

/// The documents of `session`, in its order: bundled ones looked up in `bundled` (file name,
/// text), the others from the text the link carries. Errors name what is missing.
pub fn documents(session: &Session, bundled: &[(&str, &str)]) -> Result<Vec<Document>, String> {
    let mut docs: Vec<Document> = Vec::new();
    for s in &session.sources {
        if docs.iter().any(|d| d.id == s.id) {
            continue;
        }
        match &s.text {
            Some(text) => docs.push(Document::new(s.id.clone(), text.as_str())),
            None => match bundled.iter().find(|(name, _)| id_from_file_name(name) == s.id) {
                Some((_, text)) => docs.push(Document::new(s.id.clone(), *text)),
                None => {
                    return Err(format!(
                        "This session needs the document “{}”, which this edition of Parallax does not include. Ask your teacher for a link made with the same edition.",
                        s.id
                    ))
                }
            },
        }
    }
    Ok(docs)
}

/// What source `i` is called: "Source A: <title>", or only "Source A" in a blind reading.
pub fn source_name(i: usize, title: &str, blind: bool) -> String {
    let letter = letter(i);
    if blind {
        format!("Source {letter}")
    } else {
        format!("Source {letter}: {title}")
    }
}

fn letter(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s
}

/// The hand-in file: the session's prompts with the student's answers, then their
/// highlights and notes on the session's documents, as Markdown.
pub fn hand_in(
    session: &Session,
    docs: &[Document],
    answers: &Answers,
    notes: &[Note],
    link: &str,
) -> String {
    let mut out = String::new();
    let title = if session.title.trim().is_empty() {
        "Reading session"
    } else {
        session.title.trim()
    };
    out.push_str(&format!("# {}\n\n", one_line(title)));
    if !answers.name().trim().is_empty() {
        out.push_str(&format!("Student: {}\n\n", one_line(answers.name())));
    }
    out.push_str(&format!("Session link: {link}\n\n"));
    out.push_str("## Sources\n\n");
    for (i, d) in docs.iter().enumerate() {
        out.push_str(&format!(
            "- {}\n",
            one_line(&source_name(i, &d.title, session.blind))
        ));
    }
    out.push_str("\n## Answers\n\n");
    for (i, p) in session.prompts.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", i + 1, one_line(&p.text)));
        if let Some(q) = &p.quote {
            out.push_str(&format!("> {}\n\n", one_line(q)));
        }
        let a = answers.get(i).trim();
        out.push_str(if a.is_empty() { "(no answer)" } else { a });
        out.push_str("\n\n");
    }
    let mine: Vec<&Note> = notes
        .iter()
        .filter(|n| docs.iter().any(|d| d.id == n.doc))
        .collect();
    if !mine.is_empty() {
        out.push_str("## Highlights and notes\n\n");
        for (i, d) in docs.iter().enumerate() {
            let of_doc: Vec<&&Note> = mine.iter().filter(|n| n.doc == d.id).collect();
            if of_doc.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "### {}\n\n",
                one_line(&source_name(i, &d.title, session.blind))
            ));
            for n in of_doc {
                out.push_str(&format!("> {}\n\n", one_line(&n.quote.exact)));
                if !n.text.trim().is_empty() {
                    out.push_str(&format!("{}\n\n", n.text.trim()));
                }
            }
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a safe piece of a file name: letters and digits (lower case) in runs joined by
/// `-`, at most `max` characters; nothing that could be a path, a dot file or a control.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let room = max.saturating_sub(out.chars().count() + usize::from(!out.is_empty()));
        if room == 0 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().take(room));
    }
    out
}

/// The hand-in file's name: `parallax-answers-<student>-<session title>-<date>.md`, each
/// part slugged, a part left out when empty; `date` is `YYYY-MM-DD`.
pub fn hand_in_file_name(student: &str, title: &str, date: &str) -> String {
    let parts: Vec<String> = [slug(student, 40), slug(title, 60), slug(date, 10)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let mut name = "parallax-answers".to_string();
    for p in parts {
        name.push('-');
        name.push_str(&p);
    }
    name + ".md"
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::session::{Prompt, Source};

    fn session(sources: Vec<Source>) -> Session {
        Session {
            title: "Two reports".into(),
            prompts: vec![
                Prompt {
                    text: "Who is quoted?".into(),
                    source: None,
                    quote: None,
                },
                Prompt {
                    text: "Why this word?".into(),
                    source: Some(0),
                    quote: Some("heavy rain".into()),
                },
            ],
            sources,
            hide: vec!["PLACE".into()],
            blind: false,
            collection: String::new(),
        }
    }

    #[test]
    fn hand_in_file_names() {
        #[track_caller]
        fn check(student: &str, title: &str, expected: &str) {
            assert_eq!(hand_in_file_name(student, title, "2026-03-05"), expected);
        }
        check(
            "Ana Pérez",
            "One story, three newsrooms",
            "parallax-answers-ana-pérez-one-story-three-newsrooms-2026-03-05.md",
        );
        check("", "", "parallax-answers-2026-03-05.md");
        check(
            "../../etc/passwd",
            " ",
            "parallax-answers-etc-passwd-2026-03-05.md",
        );
        check(
            "CON",
            "a\u{0}b\tc/d\\e:f*?\"<>|",
            "parallax-answers-con-a-b-c-d-e-f-2026-03-05.md",
        );
        check("..", "...", "parallax-answers-2026-03-05.md");
        check(
            &"x".repeat(100),
            "Ünïcödé ÇAPS",
            &format!(
                "parallax-answers-{}-ünïcödé-çaps-2026-03-05.md",
                "x".repeat(40)
            ),
        );
        check(
            "Ann Lee",
            &"word ".repeat(30),
            &format!(
                "parallax-answers-ann-lee-{}-2026-03-05.md",
                ["word"; 12].join("-")
            ),
        );
    }

    const BUNDLED: &[(&str, &str)] = &[
        (
            "a_1.txt",
            "Floods close the ring road\n\nHeavy rain closed the road on Sunday, police said.",
        ),
        (
            "b_2.txt",
            "Dam bursts after storm\n\nThe dam burst on Monday.",
        ),
    ];

    #[test]
    fn documents_come_from_the_bundle_or_the_link() {
        let s = session(vec![
            Source {
                id: "b_2".into(),
                text: None,
            },
            Source {
                id: "own-x".into(),
                text: Some("Mine\n\n<script>x</script> stays text.".into()),
            },
            Source {
                id: "b_2".into(),
                text: None,
            },
        ]);
        let docs = documents(&s, BUNDLED).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b_2", "own-x"]);
        assert!(docs[1].text.contains("<script>x</script>"));
        let missing = session(vec![Source {
            id: "zzz".into(),
            text: None,
        }]);
        assert!(documents(&missing, BUNDLED).unwrap_err().contains("“zzz”"));
    }

    #[test]
    fn source_names() {
        let cases = [
            (0, false, "Source A: T"),
            (1, true, "Source B"),
            (25, true, "Source Z"),
            (26, true, "Source AA"),
            (27, true, "Source AB"),
        ];
        for (i, blind, want) in cases {
            assert_eq!(source_name(i, "T", blind), want);
        }
    }

    #[test]
    fn hand_in_holds_prompts_answers_and_notes() {
        let s = session(vec![Source {
            id: "a_1".into(),
            text: None,
        }]);
        let docs = documents(&s, BUNDLED).unwrap();
        let mut a = Answers::default();
        a.set(0, "The police.".into(), 1.0, "t");
        a.set_name("Sam".into(), 1.0, "t");
        let quote =
            parallax_core::anchor::describe(&docs[0].text, parallax_core::Span::new(28, 38));
        let note = Note {
            id: "n1".into(),
            doc: "a_1".into(),
            quote: quote.clone(),
            start: 8,
            end: 18,
            colour: parallax_core::notes::Colour::Green,
            text: "strong words".into(),
            created: 0.0,
            updated: 0.0,
        };
        let md = hand_in(&s, &docs, &a, &[note], "http://x/#/session/1.abc");
        for want in [
            "# Two reports",
            "Student: Sam",
            "Who is quoted?",
            "The police.",
            "(no answer)",
            "> heavy rain",
            "strong words",
            &format!("> {}", quote.exact),
            "Source A: Floods close the ring road",
        ] {
            assert!(md.contains(want), "missing {want:?} in\n{md}");
        }
        let blind = Session { blind: true, ..s };
        assert!(!hand_in(&blind, &docs, &a, &[], "l").contains("Floods close"));
    }
}
