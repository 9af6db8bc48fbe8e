//! Invariants the fuzz targets check, beyond "no panic". Each check panics with a message
//! saying which invariant broke, so libFuzzer reports it as a crash with the input.
//!
//! Offsets are code points into the exact text (ARCHITECTURE.md); every slice is taken with
//! [`CharIndex`], never by byte.

use parallax_core::{Analysis, CharIndex, Document, Span};

/// Longest text (in bytes) a target analyses; longer inputs are cut at a char boundary. The
/// analysis is linear-ish, but libFuzzer finds more per second on short inputs.
pub const MAX_TEXT_BYTES: usize = 4096;

/// The separator between documents in one fuzz input (ASCII record separator).
pub const DOC_SEPARATOR: char = '\u{1e}';

/// `s` cut to at most `max` bytes, at a char boundary.
pub fn cap(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The input as up to `max_docs` texts, split at [`DOC_SEPARATOR`] (the last part keeps any
/// further separators, so they are fuzzed as text too).
pub fn split_docs(s: &str, max_docs: usize) -> Vec<&str> {
    cap(s, MAX_TEXT_BYTES)
        .splitn(max_docs, DOC_SEPARATOR)
        .collect()
}

/// Documents `d0`, `d1`, ... of `texts`.
pub fn documents(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect()
}

/// A span inside a text of `n` code points, start before end (or equal when `empty_ok`).
#[track_caller]
pub fn in_bounds(what: &str, span: Span, n: usize, empty_ok: bool) {
    assert!(
        span.start <= span.end && span.end <= n,
        "{what}: span {span:?} out of bounds (text of {n} code points)"
    );
    assert!(
        empty_ok || span.start < span.end,
        "{what}: empty span {span:?}"
    );
}

/// Every span of the analysis in bounds; mentions sorted, non-overlapping, not blank, their
/// text (whitespace folded) one of their entity's forms; quotes hold their quoted text; entity counts match.
pub fn check_analysis(docs: &[Document], a: &Analysis) {
    assert_eq!(a.docs.len(), docs.len(), "one analysis per document");
    for (d, (doc, da)) in docs.iter().zip(&a.docs).enumerate() {
        let ix = CharIndex::new(&doc.text);
        let n = ix.len_chars();
        let mut last_end = 0;
        for m in &da.mentions {
            in_bounds("mention", m.span, n, false);
            assert!(
                m.span.start >= last_end,
                "doc {d}: mention {:?} overlaps or precedes the one before (ends at {last_end})",
                m.span
            );
            last_end = m.span.end;
            let text = ix.slice(&doc.text, m.span);
            assert!(
                !text.trim().is_empty(),
                "doc {d}: blank mention {:?}",
                m.span
            );
            let e = a
                .entity(&m.entity)
                .unwrap_or_else(|| panic!("doc {d}: mention of unknown entity {:?}", m.entity));
            assert_eq!(
                e.label, m.label,
                "doc {d}: mention label differs from its entity's"
            );
            // Forms are the mention's words joined by single spaces (a name may be cut by a
            // line break).
            let form = fold_ws(text);
            assert!(
                e.variants.contains(&form),
                "doc {d}: mention text {text:?} is not among its entity's forms {:?}",
                e.variants
            );
        }
        let mut last_start = 0;
        for s in &da.sentences {
            in_bounds("sentence", *s, n, true);
            assert!(s.start >= last_start, "doc {d}: sentences out of order");
            last_start = s.start;
        }
        for (s, _) in &da.lines {
            in_bounds("line", *s, n, true);
        }
        for q in &da.quotes {
            in_bounds("quote", q.span, n, false);
            in_bounds("quoted text", q.text_span, n, true);
            assert!(
                q.span.contains(&q.text_span),
                "doc {d}: quote {:?} does not hold its text {:?}",
                q.span,
                q.text_span
            );
            if let Some(sp) = q.speaker {
                in_bounds("speaker", sp, n, false);
            }
        }
        for (_, _, s) in &da.descriptors {
            in_bounds("descriptor", *s, n, true);
        }
    }
    for e in &a.entities {
        for &(d, count) in &e.mentions_per_doc {
            assert!(
                d < docs.len(),
                "entity {} in document {d} of {}",
                e.id,
                docs.len()
            );
            let actual = a.docs[d]
                .mentions
                .iter()
                .filter(|m| m.entity == e.id)
                .count();
            assert_eq!(count, actual, "entity {}: mentions in doc {d}", e.id);
        }
    }
}

/// `s` with every run of whitespace folded to one space (what anchoring compares).
pub fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `text` holds something an HTML parser would take for a tag, comment or
/// declaration (`<` then a letter, `/`, `!` or `?`), as the import module's own tests define it.
pub fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// True when every `<` of `src` is followed by a letter or by `/` and a letter, and by a
/// later `>`: each can open a tag, so no `<` is read as text (`</>` and an unclosed `<!--`
/// are text by the module's rules, `<<b>` leaves a `<`).
pub fn every_angle_opens_markup(src: &str) -> bool {
    let b = src.as_bytes();
    let last_gt = src.rfind('>');
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    b.iter().enumerate().all(|(i, &c)| {
        let opens = match b.get(i + 1) {
            Some(b'/') => letter(i + 2),
            _ => letter(i + 1),
        };
        c != b'<' || (opens && last_gt.is_some_and(|g| g > i))
    })
}

/// An error's `Display`: a sentence for people (capital first, full stop last).
#[track_caller]
pub fn check_sentence(what: &str, s: &str) {
    assert!(
        s.chars().next().is_some_and(char::is_uppercase) && s.trim_end().ends_with('.'),
        "{what}: message {s:?} is not a sentence"
    );
}

/// Import of `bytes` as the file `name` (`x.html` or `x.md`). On success: only valid UTF-8
/// within the size limit is accepted; the format is the extension's; the text is not blank,
/// has no CR, no run of more than one blank line (HTML) and at most `MAX_ARTICLE_CHARS`
/// characters; the title is one non-empty line of at most 121 characters; HTML without
/// character references (which may spell `<` as text) gives text without markup; the text
/// imported again as plain text is the same text (or refused as binary, for control
/// characters that a reference spelled). On failure: the message is a sentence.
pub fn check_import(name: &str, bytes: &[u8]) {
    use parallax_core::import::{
        import, Format, ImportError, MAX_ARTICLE_CHARS, MAX_HTML_IMPORT_BYTES, MAX_IMPORT_BYTES,
    };
    let got = match import(Some(name), bytes) {
        Ok(i) => i,
        Err(e) => {
            check_sentence("import error", &e.to_string());
            return;
        }
    };
    let html = name.ends_with(".html");
    let limit = if html {
        MAX_HTML_IMPORT_BYTES
    } else {
        MAX_IMPORT_BYTES
    };
    assert!(bytes.len() <= limit, "accepted {} bytes", bytes.len());
    let src = std::str::from_utf8(bytes).expect("accepted input that is not UTF-8");
    let want = if html { Format::Html } else { Format::Markdown };
    assert_eq!(got.format, want, "format of {name}");
    let t = &got.text;
    assert!(!t.trim().is_empty(), "blank text accepted");
    assert!(!t.contains('\r'), "CR in the text");
    assert!(
        t.chars().count() <= MAX_ARTICLE_CHARS,
        "text over the limit"
    );
    assert!(t.ends_with(got.body.as_str()), "the body {:?} does not end the text {t:?}", got.body);
    for f in [&got.byline, &got.date, &got.site, &got.url].into_iter().flatten() {
        assert!(!f.contains('\n') && !f.trim().is_empty(), "metadata field {f:?}");
    }
    let title = &got.title;
    assert!(!title.trim().is_empty(), "empty title for text {t:?}");
    assert!(!title.contains('\n'), "title {title:?} has a line break");
    assert!(title.chars().count() <= 121, "title {title:?} too long");
    if html {
        assert!(!t.contains("\n\n\n"), "more than one blank line in {t:?}");
        // Markup-like text can come from references (`&lt;b>`), a `<title>` (its content is
        // text, as in browsers), a `<` that opens no tag (`<<b>x` reads "<x", as a browser
        // shows it) or an unclosed tag or comment (read as text by design); without those,
        // none may be left.
        let titled = src.to_ascii_lowercase().contains("<title");
        if !src.contains('&') && !titled && every_angle_opens_markup(src) {
            assert!(!has_markup(t), "markup left in {t:?}");
            assert!(!has_markup(title), "markup left in the title {title:?}");
        }
    }
    if t.starts_with('\u{feff}') {
        // A second byte-order mark is text, but a leading one is dropped on import.
        return;
    }
    match import(Some("again.txt"), t.as_bytes()) {
        Ok(again) => assert_eq!(&again.text, t, "plain-text import of the import changed it"),
        Err(ImportError::Binary) => {}
        Err(e) => panic!("the imported text cannot be imported again as text: {e:?}"),
    }
}

/// A session payload: on success, it re-encodes to a payload that decodes to the same
/// session, and a decoded session re-encodes to the same payload. Errors are sentences.
pub fn check_session_payload(payload: &str) {
    use parallax_core::session::decode;
    match decode(payload) {
        Ok(s) => check_session_round_trip(&s),
        Err(e) => check_sentence("session error", &e.to_string()),
    }
}

/// `decode(encode(s)) == s` and `encode(decode(encode(s))) == encode(s)` for a valid session.
pub fn check_session_round_trip(s: &parallax_core::session::Session) {
    use parallax_core::session::{decode, encode, key};
    let p = encode(s);
    let back = decode(&p).unwrap_or_else(|e| panic!("own payload refused: {e:?} for {s:?}"));
    assert_eq!(&back, s, "session changed by encode/decode");
    assert_eq!(
        encode(&back),
        p,
        "a decoded session re-encodes to another payload"
    );
    // The same payload inside a link, percent-encoded and with whitespace, is the same session.
    let link = format!(
        " https://x.test/app/#/session/{}?s=2 ",
        p.replace('.', "%2E")
    );
    assert_eq!(decode(&link).as_ref(), Ok(s), "link form of the payload");
    assert_eq!(key(&link), key(&p), "the link form has another key");
}

/// The input cut into `k` parts: at [`DOC_SEPARATOR`]s when it has some, else into pieces of
/// about equal length (at char boundaries).
pub fn parts(s: &str, k: usize) -> Vec<&str> {
    if s.contains(DOC_SEPARATOR) {
        let mut v: Vec<&str> = s.splitn(k, DOC_SEPARATOR).collect();
        v.resize(k, "");
        return v;
    }
    let mut out = Vec::with_capacity(k);
    let mut rest = s;
    for i in 0..k {
        let left = k - i;
        let at = cap(rest, rest.len() / left).len();
        let at = if i + 1 == k { rest.len() } else { at };
        out.push(&rest[..at]);
        rest = &rest[at..];
    }
    out
}

/// Notes JSON: the notes read re-export to JSON that reads back to the same notes with no
/// problem, and re-exports to the same JSON (a fixed point); the same for the set of
/// versions (`serialize_set`). Then the merge lattice over three parts of the input read as
/// three note sets: join is commutative, associative and idempotent, and loses no version
/// either side holds unless the join holds one superseding it.
pub fn check_notes(raw: &str) {
    use parallax_core::notes::{parse, serialize, serialize_set};
    let p = parse(raw);
    if p.newer.is_some() {
        assert!(p.notes.is_empty(), "notes read from a newer version");
    }
    for n in &p.notes {
        assert!(
            n.created.is_finite() && n.updated.is_finite(),
            "time not finite"
        );
    }
    let json = serialize(&p.notes);
    let again = parse(&json);
    assert!(
        again.problems.is_empty(),
        "own export has problems: {:?}",
        again.problems
    );
    assert_eq!(
        again.migrated_from, None,
        "own export read as an older version"
    );
    assert_eq!(
        again.notes, p.notes,
        "notes changed by export and import\n{json}"
    );
    assert_eq!(serialize(&again.notes), json, "export is not a fixed point");

    let set_json = serialize_set(&p.set);
    let set_again = parse(&set_json);
    assert!(
        set_again.problems.is_empty(),
        "own set export has problems: {:?}",
        set_again.problems
    );
    assert_eq!(
        set_again.set, p.set,
        "note set changed by export and import\n{set_json}"
    );
    assert_eq!(
        serialize_set(&set_again.set),
        set_json,
        "set export is not a fixed point"
    );

    let sets: Vec<_> = parts(raw, 3).into_iter().map(|r| parse(r).set).collect();
    let (a, b, c) = (&sets[0], &sets[1], &sets[2]);
    let ab = a.join(b);
    assert_eq!(ab, b.join(a), "join is not commutative");
    assert_eq!(&a.join(a), a, "join is not idempotent");
    assert_eq!(ab.join(&ab), ab, "join is not idempotent");
    assert_eq!(ab.join(c), a.join(&b.join(c)), "join is not associative");
    for v in a.versions().chain(b.versions()) {
        assert!(
            ab.versions().any(|w| w == v
                || (w.id() == v.id() && parallax_core::sync::supersedes(&w.clock, &v.clock))),
            "join lost a version: {v:?}"
        );
    }
}

/// Anchoring: the quote of a span re-anchors exactly in the unchanged text; in an edited
/// text the span found is in bounds, an `Exact` span holds the quote's exact text, a `Moved`
/// one holds it up to whitespace; a quote still present verbatim is never lost; without a
/// hint nothing is `Exact`.
pub fn check_anchor(old: &str, new: &str, span: Span, hint: bool) {
    use parallax_core::anchor::{describe, resolve, Anchored, CONTEXT_CHARS};
    let ix = CharIndex::new(old);
    let n = ix.len_chars();
    let q = describe(old, span);
    let start = span.start.min(n);
    let clamped = Span::new(start, span.end.clamp(start, n));
    assert_eq!(q.exact, ix.slice(old, clamped), "describe's exact text");
    assert!(q.prefix.chars().count() <= CONTEXT_CHARS && q.suffix.chars().count() <= CONTEXT_CHARS);
    let whole = format!("{}{}{}", q.prefix, q.exact, q.suffix);
    assert!(
        old.contains(&whole),
        "quote and context are not a passage of the text"
    );
    if !clamped.is_empty() {
        assert_eq!(
            resolve(old, &q, Some(clamped)),
            Anchored::Exact(clamped),
            "unchanged text"
        );
    }
    let nix = CharIndex::new(new);
    for h in [hint.then_some(span), None] {
        let got = resolve(new, &q, h);
        if let Some(s) = got.span() {
            in_bounds("anchored span", s, nix.len_chars(), false);
        }
        match got {
            Anchored::Exact(s) => {
                assert!(h.is_some(), "Exact without a hint");
                assert_eq!(nix.slice(new, s), q.exact, "Exact span holds other text");
            }
            Anchored::Moved(s) => assert_eq!(
                fold_ws(nix.slice(new, s)),
                fold_ws(&q.exact),
                "Moved span holds other text"
            ),
            Anchored::Lost => assert!(
                q.exact.trim().is_empty() || !new.contains(&q.exact),
                "quote {:?} lost though the text holds it",
                q.exact
            ),
        }
    }
}

/// The story matrix over `texts`: one cell and one passage list per document; passages are
/// non-empty spans in bounds; a cell is absent exactly when the document has no passage;
/// coverage counts the documents with passages and is at least two; conflicts name two or
/// more documents of the input. Source flags: one document index of the input each, with
/// evidence.
pub fn check_story(texts: &[&str]) {
    use parallax_core::flags::flags;
    use parallax_core::story::{story, Cell};
    let docs = documents(texts);
    let a = parallax_core::analyse(&docs);
    check_analysis(&docs, &a);
    let analysed = parallax_core::compare::AnalysedDocs::new(&docs, &a);
    let inputs = analysed.inputs();
    let lens: Vec<usize> = docs.iter().map(|d| d.text.chars().count()).collect();
    for claim in story(&inputs) {
        assert_eq!(claim.passages.len(), docs.len());
        assert_eq!(claim.cells.len(), docs.len());
        for (d, ps) in claim.passages.iter().enumerate() {
            assert_eq!(
                ps.is_empty(),
                claim.cells[d] == Cell::Absent,
                "cell of doc {d}"
            );
            for p in ps {
                in_bounds("passage", p.span, lens[d], false);
            }
        }
        let covered = claim.passages.iter().filter(|p| !p.is_empty()).count();
        assert_eq!(claim.coverage, covered, "coverage");
        assert!(covered >= 2, "a claim of one document");
        if let Some(c) = &claim.conflict {
            assert!(c.values.len() >= 2, "a conflict of one value");
            assert!(c.values.iter().all(|v| v.0 < docs.len()));
        }
    }
    let descriptors = analysed.descriptors();
    let names: Vec<String> = (0..docs.len()).map(|d| format!("d{d}.txt")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for f in flags(&inputs, &names, descriptors) {
        assert!(f.doc < docs.len(), "flag on document {}", f.doc);
        assert!(!f.evidence.trim().is_empty(), "flag without evidence");
    }
}

/// `seed::validate`: accepts only non-blank valid UTF-8 without NUL of at most `MAX_BYTES`,
/// and returns it unchanged; its errors name the file.
pub fn check_seed(bytes: &[u8]) {
    use parallax_core::seed::{validate, MAX_BYTES};
    match validate("x.txt", bytes) {
        Ok(s) => {
            assert!(bytes.len() <= MAX_BYTES, "accepted {} bytes", bytes.len());
            assert_eq!(
                Ok(s),
                std::str::from_utf8(bytes),
                "text not returned as given"
            );
            assert_eq!(s.as_ptr(), bytes.as_ptr(), "text copied");
            assert!(!s.trim().is_empty() && !s.contains('\0'));
        }
        Err(e) => {
            let m = e.to_string();
            assert!(
                m.starts_with("x.txt: "),
                "message {m:?} does not name the file"
            );
            if bytes.len() <= MAX_BYTES && std::str::from_utf8(bytes).is_err() {
                use parallax_core::ErrorKind;
                assert!(
                    matches!(e.kind(), ErrorKind::NotUtf8 | ErrorKind::Binary),
                    "non-UTF-8 refused as {m:?}"
                );
            }
        }
    }
}
