//! Classroom tests: highlights and notes that survive reload, export and import, damaged or
//! full storage, teacher session links (made by `parallax session`), the user's own articles
//! with script and markup in them, the handout printed to PDF, and axe on the new views.
//!
//! Every XSS vector comes from tests/fixtures/xss-vectors.txt; a vector that ran would set
//! `window.__pwned` (the vectors call that instead of `alert`).

use super::{count, ensure, open_reader, run_axe, strings, Ctx};
use serde_json::{json, Value};

fn vectors() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/xss-vectors.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Starts from empty storage, as a fresh profile would.
pub(crate) async fn clear_storage(c: &Ctx) -> Result<(), String> {
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "the app",
        "return document.querySelector('main#main > *') !== null",
    )
    .await?;
    Ok(())
}

/// Selects text in the reader from the start of a body paragraph across several text nodes
/// (so across mark boundaries when there are marks); returns the selected text.
const SELECT: &str = r#"
const ps = [...document.querySelectorAll('#doc-body p[data-start]:not(.furniture)')];
const skip = arguments[0] || 0;
const p = ps.filter(p => p.textContent.length > 80)[skip];
const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
const nodes = []; let n;
while ((n = w.nextNode())) { if (!n.parentElement.closest('[data-nt]')) nodes.push(n); }
const first = nodes[0];
const last = nodes[Math.min(2, nodes.length - 1)];
const r = document.createRange();
r.setStart(first, 0);
r.setEnd(last, Math.min(last.textContent.length, last === first ? 40 : 6));
const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
return sel.toString();
"#;

/// Makes a highlight with `note` from the selection `SELECT` makes (paragraph `skip`).
pub(crate) async fn add_note(
    c: &Ctx,
    skip: u64,
    note: &str,
    colour: &str,
) -> Result<String, String> {
    let selected = c.b.js(SELECT, vec![json!(skip)]).await?;
    let selected = selected.as_str().unwrap_or_default().to_string();
    ensure(
        selected.len() > 3,
        format!("selection too short: {selected:?}"),
    )?;
    c.b.js(
        "document.querySelector('#highlight-button').click(); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the note editor",
        "return document.querySelector('#note-editor') !== null",
    )
    .await?;
    c.b.js(
        "document.querySelector('#note-text').value = arguments[0]; \
         document.querySelector(`#note-editor input[value='${arguments[1]}']`).click(); \
         document.querySelector('#note-save').click(); return true;",
        vec![json!(note), json!(colour)],
    )
    .await?;
    c.b.wait_for(
        "the note in the list",
        &format!(
            "return [...document.querySelectorAll('#doc-notes .note-text')].some(e => e.textContent === {note:?})"
        ),
    )
    .await?;
    Ok(selected)
}

/// The text of highlight(s) whose note says `note`, joined.
async fn highlight_text(c: &Ctx, note: &str) -> Result<String, String> {
    let v = c
        .b
        .js(
            "const li = [...document.querySelectorAll('#doc-notes li.note')].find(l => l.querySelector('.note-text')?.textContent === arguments[0]); \
             if (!li) return null; const id = li.dataset.note; \
             return [...document.querySelectorAll(`#doc-body .hl[data-note='${id}']`)].map(e => e.textContent).join('');",
            vec![json!(note)],
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// A highlight with a note, made from a selection across marks, is drawn over exactly the
/// selected words and is still there after a reload.
pub async fn note_survives_reload(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let seed = &c.seeds[0];
    open_reader(c, &seed.id, "").await?;
    let selected = add_note(c, 0, "Who said this first?", "green").await?;
    ensure(
        seed.text.contains(selected.trim()),
        format!("the selection {selected:?} is not text of {}", seed.id),
    )?;
    let drawn = highlight_text(c, "Who said this first?").await?;
    ensure(
        drawn == selected,
        format!("highlight covers {drawn:?}, selected {selected:?}"),
    )?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "the highlight after reload",
        "return document.querySelectorAll('#doc-body .hl.hl-green.has-note').length > 0",
    )
    .await?;
    let drawn = highlight_text(c, "Who said this first?").await?;
    ensure(
        drawn == selected,
        format!("after reload the highlight covers {drawn:?}, selected {selected:?}"),
    )?;
    // The colour is named in words too, not only shown.
    let label =
        c.b.js(
            "return document.querySelector('#doc-notes li.note .meta').textContent",
            vec![],
        )
        .await?;
    ensure(
        label.as_str().is_some_and(|s| s.contains("Green")),
        format!("colour not named: {label}"),
    )
}

/// Captures what the next download offers (the app makes files with Blob URLs).
pub(crate) const HOOK_DOWNLOADS: &str = r#"
window.__downloads = [];
if (!window.__hooked) {
  window.__hooked = true;
  const orig = URL.createObjectURL;
  URL.createObjectURL = function (blob) { window.__downloads.push(blob); return orig.call(URL, blob); };
}
return true;
"#;

pub(crate) async fn last_download(c: &Ctx) -> Result<String, String> {
    c.b.wait_for(
        "a download",
        "return window.__downloads && window.__downloads.length > 0",
    )
    .await?;
    let v = c
        .b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.__downloads[window.__downloads.length - 1].text().then(done, e => done('ERROR ' + e));",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Puts a file with `content` named `name` into the file input `selector` and fires change.
async fn choose_file(c: &Ctx, selector: &str, name: &str, content: Value) -> Result<(), String> {
    c.b.js(
        "const [sel, name, content] = arguments; \
         const data = Array.isArray(content) ? new Uint8Array(content) : content; \
         const dt = new DataTransfer(); dt.items.add(new File([data], name)); \
         const input = document.querySelector(sel); input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        vec![json!(selector), json!(name), content],
    )
    .await?;
    Ok(())
}

/// Export as JSON and Markdown, then import the JSON into empty storage: every note comes
/// back, and importing twice adds nothing.
pub async fn notes_export_and_import(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let seed = &c.seeds[1];
    open_reader(c, &seed.id, "").await?;
    let first = add_note(c, 0, "first note", "yellow").await?;
    let second = add_note(c, 1, "second note", "pink").await?;
    c.b.open(&format!("{}#/notes", c.base)).await?;
    c.b.wait_for(
        "the notes page",
        "return document.querySelectorAll('.notes-page li.note').length === 2",
    )
    .await?;
    run_axe(c, "notes").await?;
    c.b.js(HOOK_DOWNLOADS, vec![]).await?;
    c.b.js(
        "document.querySelector('#export-json').click(); return true;",
        vec![],
    )
    .await?;
    let exported = last_download(c).await?;
    let parsed: Value = serde_json::from_str(&exported)
        .map_err(|e| format!("export is not JSON: {e}\n{exported}"))?;
    let notes = parsed["notes"].as_array().cloned().unwrap_or_default();
    ensure(
        notes.len() == 2,
        format!("export holds {} notes: {exported}", notes.len()),
    )?;
    ensure(
        exported.contains("first note") && exported.contains("second note"),
        "note texts missing from the export",
    )?;
    c.b.js(HOOK_DOWNLOADS, vec![]).await?;
    c.b.js(
        "document.querySelector('#export-md').click(); return true;",
        vec![],
    )
    .await?;
    let md = last_download(c).await?;
    for want in ["first note", "second note", seed.id.as_str()] {
        ensure(
            md.contains(want),
            format!("Markdown export lacks {want:?}:\n{md}"),
        )?;
    }
    let words = |s: &str| s.split_whitespace().next().unwrap_or("").to_string();
    ensure(
        md.contains(&words(&first)) && md.contains(&words(&second)),
        format!("Markdown export lacks the quotes:\n{md}"),
    )?;

    // A fresh start: nothing stored.
    clear_storage(c).await?;
    c.b.open(&format!("{}#/notes", c.base)).await?;
    c.b.wait_for(
        "no notes",
        "return document.querySelector('#no-notes') !== null",
    )
    .await?;
    choose_file(c, "#import-notes", "parallax-notes.json", json!(exported)).await?;
    c.b.wait_for(
        "imported notes",
        "return document.querySelectorAll('.notes-page li.note').length === 2",
    )
    .await?;
    choose_file(c, "#import-notes", "parallax-notes.json", json!(exported)).await?;
    c.b.wait_for(
        "the second import's status",
        "const s = document.querySelector('#notes-status'); return s && /already here/.test(s.textContent)",
    )
    .await?;
    ensure(
        count(c, ".notes-page li.note").await? == 2,
        "importing twice duplicated notes",
    )?;
    // They are stored, not only shown.
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "notes after reload",
        "return document.querySelectorAll('.notes-page li.note').length === 2",
    )
    .await?;
    open_reader(c, &seed.id, "").await?;
    let drawn = highlight_text(c, "first note").await?;
    ensure(
        drawn == first,
        format!("imported highlight covers {drawn:?}, not {first:?}"),
    )
}

/// Damaged stored notes: the problem is reported, the valid notes stay, and the raw data is
/// kept for export. A full storage quota gives a clear message and keeps what was saved.
pub async fn damaged_and_full_storage(c: &Ctx) -> Result<(), String> {
    damaged_notes(c).await?;
    unreadable_notes(c).await?;
    full_storage(c).await
}

/// One damaged entry among the stored notes: reported, the others kept, the data kept as it
/// was.
async fn damaged_notes(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let seed = &c.seeds[0];
    open_reader(c, &seed.id, "").await?;
    add_note(c, 0, "keep me", "blue").await?;
    let stored =
        c.b.js("return localStorage.getItem('parallax.notes')", vec![])
            .await?;
    let stored = stored.as_str().unwrap_or_default().to_string();
    let mut value: Value = serde_json::from_str(&stored)
        .map_err(|e| format!("stored notes are not JSON: {e}: {stored}"))?;
    value["notes"]
        .as_array_mut()
        .ok_or(format!("unexpected stored format: {stored}"))?
        .insert(0, json!({"id": 42, "doc": []}));
    let damaged = value.to_string();
    c.b.js(
        "localStorage.setItem('parallax.notes', arguments[0]); return true;",
        vec![json!(damaged)],
    )
    .await?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "the damage report",
        "return document.querySelector('#storage-damaged') !== null",
    )
    .await?;
    c.b.wait_for(
        "the valid note",
        "return [...document.querySelectorAll('#doc-notes .note-text')].some(e => e.textContent === 'keep me')",
    )
    .await?;
    let kept =
        c.b.js(
            "return localStorage.getItem('parallax.damaged.parallax.notes')",
            vec![],
        )
        .await?;
    ensure(
        kept.as_str() == Some(damaged.as_str()),
        "the damaged data was not kept as it was",
    )?;
    c.b.open(&format!("{}#/notes", c.base)).await?;
    c.b.wait_for(
        "the notes page report",
        "return document.querySelector('#notes-damaged #download-damaged') !== null",
    )
    .await?;
    Ok(())
}

/// Unreadable from the first byte: reported, nothing invented, raw kept (follows
/// [`damaged_notes`], on the notes page).
async fn unreadable_notes(c: &Ctx) -> Result<(), String> {
    c.b.js("localStorage.setItem('parallax.notes', '{\"format\":\"parallax-notes\",\"version\":2,\"notes\":[{\"id\":'); return true;", vec![]).await?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "the damage report",
        "return document.querySelector('#notes-damaged') !== null",
    )
    .await?;
    ensure(
        count(c, ".notes-page li.note").await? == 0,
        "notes appeared from unreadable data",
    )?;
    Ok(())
}

/// Full storage: fill the quota, then write a note; the message says so and what was saved
/// before stays.
async fn full_storage(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let seed = &c.seeds[0];
    open_reader(c, &seed.id, "").await?;
    add_note(c, 0, "saved before", "yellow").await?;
    let filled = c
        .b
        .js(
            "let big = 'x'.repeat(512 * 1024), i = 0; \
             try { for (; i < 400; i++) localStorage.setItem('filler' + i, big); } catch (e) {} \
             let small = 'x'.repeat(1024); \
             try { for (let j = 0; j < 4000; j++) localStorage.setItem('fill' + j, small); } catch (e) {} \
             return i;",
            vec![],
        )
        .await?;
    ensure(
        filled.as_u64().is_some_and(|i| i < 400),
        format!("storage never filled ({filled})"),
    )?;
    c.b.js(SELECT, vec![json!(1)]).await?;
    c.b.js(
        "document.querySelector('#highlight-button').click(); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the note editor",
        "return document.querySelector('#note-editor') !== null",
    )
    .await?;
    c.b.js(
        "document.querySelector('#note-text').value = 'x'.repeat(4000) + ' not saved'; document.querySelector('#note-save').click(); return true;",
        vec![],
    )
    .await?;
    let msg =
        c.b.wait_for(
            "the storage-full message",
            "const e = document.querySelector('#storage-error'); return e && e.textContent",
        )
        .await?;
    ensure(
        msg.as_str().is_some_and(|m| m.contains("full")),
        format!("unclear message: {msg}"),
    )?;
    let stored =
        c.b.js("return localStorage.getItem('parallax.notes')", vec![])
            .await?;
    ensure(
        stored.as_str().is_some_and(|s| s.contains("saved before")),
        "what was saved before the quota ran out is gone",
    )?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    Ok(())
}

/// No vector ran, and none became an element: the elements `root` selects (where text from
/// the link or the article is shown) hold only text and the app's marks.
async fn nothing_ran(c: &Ctx, root: &str) -> Result<(), String> {
    let v = c
        .b
        .js(
            "const roots = [...document.querySelectorAll(arguments[0])]; \
             const bad = roots.flatMap(r => [...r.querySelectorAll('script, img, iframe, svg, object, embed, style, a[href^=\"javascript\"], details, math, video, audio, form, input, meta, link, body, marquee')]); \
             return [typeof window.__pwned, bad.length, roots.length > 0 ? 1 : 0];",
            vec![json!(root)],
        )
        .await?;
    ensure(v[2] == json!(1), format!("{root} not found"))?;
    ensure(
        v[0] == json!("undefined"),
        "an XSS vector ran (window.__pwned is set)",
    )?;
    ensure(
        v[1] == json!(0),
        format!("markup from the text became elements in {root}: {v}"),
    )
}

/// Every vector is visible, as typed, in the text of `root` (once the reader has rendered
/// every paragraph: a long article arrives in slices, the first screen first).
async fn vectors_visible(c: &Ctx, root: &str, vs: &[String]) -> Result<(), String> {
    c.b.wait_for(
        "every paragraph rendered",
        "return document.querySelector('#doc-body[data-complete=\"false\"]') === null",
    )
    .await?;
    let text =
        c.b.js(
            "const r = document.querySelector(arguments[0]); return r ? r.textContent : ''",
            vec![json!(root)],
        )
        .await?;
    let text = text.as_str().unwrap_or_default();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squash(text);
    let missing: Vec<&String> = vs.iter().filter(|v| !text.contains(&squash(v))).collect();
    ensure(
        missing.is_empty(),
        format!(
            "{} vectors not shown as text, e.g. {:?}",
            missing.len(),
            missing.first()
        ),
    )
}

/// A link made by `parallax session` opens the guided view: title, prompts, blind source
/// names, the hidden label, an article full of XSS vectors shown as text; answers persist
/// and export; damaged and foreign links get a message.
pub async fn session_link(c: &Ctx) -> Result<(), String> {
    let Some(path) = std::env::var_os("PARALLAX_E2E_SESSION") else {
        return Err(
            "PARALLAX_E2E_SESSION is not set (cargo xtask test makes it with `parallax session`)"
                .into(),
        );
    };
    let fragment = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let fragment = fragment.trim();
    clear_storage(c).await?;
    c.b.open(&format!("{}{fragment}", c.base)).await?;
    c.b.wait_for(
        "the guided view",
        "return document.querySelector('#session #reader') !== null",
    )
    .await?;
    let title =
        c.b.js(
            "return document.querySelector('#session-title').textContent",
            vec![],
        )
        .await?;
    ensure(
        title == json!("Blind reading <b>check</b>"),
        format!("title shown as {title}"),
    )?;
    let prompts =
        c.b.js(
            "return [...document.querySelectorAll('.prompt-text')].map(e => e.textContent)",
            vec![],
        )
        .await?;
    let prompts = strings(&prompts);
    ensure(
        prompts
            == [
                "Which source names the speaker first?",
                "<img src=x onerror=window.__pwned=1> What does this prompt show?",
            ],
        format!("prompts shown: {prompts:?}"),
    )?;
    let tabs =
        c.b.js(
            "return [...document.querySelectorAll('.source-tabs a')].map(e => e.textContent)",
            vec![],
        )
        .await?;
    ensure(
        strings(&tabs) == ["Source A", "Source B"],
        format!("blind source names: {tabs}"),
    )?;
    // Source A is the article of vectors, with PLACE hidden by the session.
    let vs = vectors();
    vectors_visible(c, "#doc-body", &vs).await?;
    nothing_ran(
        c,
        "#session-title, .prompt-text, .source-tabs, #doc-title, #doc-body",
    )
    .await?;
    ensure(
        count(c, "#doc-body mark[data-label='PLACE']").await? == 0,
        "PLACE is marked though the session hides it",
    )?;
    run_axe(c, "session").await?;
    // Source B is the bundled document, its marks there (PLACE still hidden).
    c.b.js(
        "document.querySelectorAll('.source-tabs a')[1].click(); return true;",
        vec![],
    )
    .await?;
    let id = &c.seeds[0].id;
    c.b.wait_for(
        "source B",
        &format!("return document.querySelector(\"#reader[data-doc='{id}']\") !== null"),
    )
    .await?;
    ensure(
        count(c, "#doc-body mark[data-label='PERSON']").await? > 0,
        "source B has no marks",
    )?;
    ensure(
        count(c, "#doc-body mark[data-label='PLACE']").await? == 0,
        "PLACE is marked in source B",
    )?;
    // An answer is kept on the device and exported.
    c.b.js(
        "const t = document.querySelector('#answer-0'); t.value = 'The second one.'; t.dispatchEvent(new InputEvent('input', {bubbles: true})); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "saved",
        "return /Saved/.test(document.querySelector('#answers-status').textContent)",
    )
    .await?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "the answer after reload",
        "const t = document.querySelector('#answer-0'); return t && t.value === 'The second one.'",
    )
    .await?;
    c.b.js(HOOK_DOWNLOADS, vec![]).await?;
    c.b.js(
        "document.querySelector('#export-answers').click(); return true;",
        vec![],
    )
    .await?;
    let handed = last_download(c).await?;
    for want in [
        "The second one.",
        "Which source names the speaker first?",
        "Source B",
    ] {
        ensure(
            handed.contains(want),
            format!("hand-in lacks {want:?}:\n{handed}"),
        )?;
    }
    nothing_ran(
        c,
        "#session-title, .prompt-text, .source-tabs, #doc-title, #doc-body",
    )
    .await?;
    // Bad links: a message, never a blank page.
    let payload = fragment.trim_start_matches("#/session/");
    let cut = &payload[..payload.len() / 2];
    for (bad, what) in [
        (format!("#/session/{cut}"), "damaged"),
        ("#/session/hello".to_string(), "foreign"),
        ("#/session/9.AAAA".to_string(), "newer version"),
    ] {
        c.b.open(&format!("{}{bad}", c.base)).await?;
        let msg =
            c.b.wait_for(
                &format!("the {what} link message"),
                "const e = document.querySelector('#session-error'); return e && e.textContent",
            )
            .await?;
        ensure(
            msg.as_str().is_some_and(|m| m.len() > 20),
            format!("{what}: message {msg}"),
        )?;
    }
    Ok(())
}

/// Waits for the added HTML page in the reader. A page with too little article for
/// extraction is added whole, and the add page says so before the reader opens (from its
/// link).
async fn html_article_in_the_reader(c: &Ctx) -> Result<(), String> {
    c.b.wait_for(
        "the HTML article, or the note that the whole page was added",
        "return document.querySelector(\"#reader[data-doc^='own-an-html-page']\") !== null || document.querySelector('#import-whole a') !== null",
    )
    .await?;
    c.b.js(
        "const a = document.querySelector('#import-whole a'); if (a) a.click(); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the HTML article",
        "return document.querySelector(\"#reader[data-doc^='own-an-html-page']\") !== null",
    )
    .await?;
    Ok(())
}

/// The same vectors through paste and through .txt, .md and .html files: shown as text, never
/// run; the article is listed with a badge and can be removed; binary and empty input are
/// refused with a message.
pub async fn own_articles(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let vs = vectors();
    let body = format!("Pasted article with markup in it\n\n{}", vs.join("\n\n"));
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#paste-text') !== null",
    )
    .await?;
    run_axe(c, "add article").await?;
    c.b.js(
        "document.querySelector('#paste-text').value = arguments[0]; document.querySelector('#paste-add').click(); return true;",
        vec![json!(body)],
    )
    .await?;
    c.b.wait_for(
        "the new article in the reader",
        "return document.querySelector(\"#reader[data-doc^='own-']\") !== null",
    )
    .await?;
    vectors_visible(c, "#doc-body", &vs).await?;
    nothing_ran(c, "#doc-title, #doc-body").await?;
    // Files: text and Markdown keep every vector visible; HTML becomes text.
    // Markdown keeps raw HTML as visible text; its emphasis and link syntax may change a
    // vector's other characters, so only the script tag is checked word for word.
    for (name, content, all) in [
        (
            "vectors.txt",
            format!("Vectors in a text file\n\n{}", vs.join("\n\n")),
            true,
        ),
        (
            "vectors.md",
            format!("# Vectors in Markdown\n\n{}", vs.join("\n\n")),
            false,
        ),
    ] {
        c.b.open(&format!("{}#/add", c.base)).await?;
        c.b.wait_for(
            "the add page",
            "return document.querySelector('#file-input') !== null",
        )
        .await?;
        choose_file(c, "#file-input", name, json!(content)).await?;
        c.b.wait_for(
            &format!("{name} in the reader"),
            "return document.querySelector(\"#reader[data-doc^='own-vectors']\") !== null",
        )
        .await?;
        let check: Vec<String> = if all {
            vs.clone()
        } else {
            vs.iter()
                .filter(|v| v.starts_with("<script>"))
                .cloned()
                .collect()
        };
        vectors_visible(c, "#doc-body", &check).await?;
        nothing_ran(c, "#doc-title, #doc-body").await?;
    }
    let html = format!(
        "<!doctype html><html><head><title>An HTML page</title><script>window.__pwned=1</script></head><body><h1>An HTML page</h1><p>Plain words stay.</p>{}</body></html>",
        vs.iter().map(|v| format!("<p>{v}</p>")).collect::<String>()
    );
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#file-input') !== null",
    )
    .await?;
    choose_file(c, "#file-input", "page.html", json!(html)).await?;
    html_article_in_the_reader(c).await?;
    let text =
        c.b.js(
            "return document.querySelector('#doc-body').textContent",
            vec![],
        )
        .await?;
    ensure(
        text.as_str()
            .is_some_and(|t| t.contains("Plain words stay.")),
        format!("HTML text lost: {text}"),
    )?;
    nothing_ran(c, "#doc-title, #doc-body").await?;
    // Refused input.
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#file-input') !== null",
    )
    .await?;
    choose_file(
        c,
        "#file-input",
        "photo.jpg",
        json!([255, 216, 255, 224, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]),
    )
    .await?;
    let msg =
        c.b.wait_for(
            "the binary message",
            "const e = document.querySelector('#import-error'); return e && e.textContent",
        )
        .await?;
    ensure(
        msg.as_str()
            .is_some_and(|m| m.to_lowercase().contains("binary")),
        format!("binary file message: {msg}"),
    )?;
    c.b.js("document.querySelector('#paste-text').value = '   '; document.querySelector('#paste-add').click(); return true;", vec![]).await?;
    c.b.wait_for("the empty message", "const e = document.querySelector('#import-error'); return e && /empty/i.test(e.textContent)").await?;
    // Listed with a badge, kept after reload, removable.
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "own cards",
        "return document.querySelectorAll('#doc-list li.own .own-badge').length === 4",
    )
    .await?;
    ensure(
        count(c, "#doc-list li.card").await? == c.seeds.len() as u64 + 4,
        "library count",
    )?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    c.b.wait_for(
        "own cards after reload",
        "return document.querySelectorAll('#doc-list li.own').length === 4",
    )
    .await?;
    c.b.js(
        "document.querySelector('#doc-list li.own .remove-article').click(); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "one removed",
        "return document.querySelectorAll('#doc-list li.own').length === 3",
    )
    .await?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    Ok(())
}

/// The teacher's builder makes a link that opens the guided view with its prompt.
pub async fn teach_builder(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    c.b.open(&format!("{}#/teach", c.base)).await?;
    c.b.wait_for(
        "the builder",
        "return document.querySelector('#session-link') !== null",
    )
    .await?;
    run_axe(c, "teach").await?;
    // Each edit changes the link; wait for it before the next.
    let seed = &c.seeds[0];
    let passage: String = seed
        .text
        .lines()
        .skip(2)
        .max_by_key(|l| l.len())
        .unwrap_or_default()
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let edits = [
        "const t = document.querySelector('#session-title-input'); t.value = 'Compare the verbs'; t.dispatchEvent(new InputEvent('input', {bubbles: true}));".to_string(),
        "const p = document.querySelector('#prompt-text-0'); p.value = 'Which verbs differ?'; p.dispatchEvent(new InputEvent('input', {bubbles: true}));".to_string(),
        "document.querySelector('#show-date').click();".to_string(),
        "const s = document.querySelector('#prompt-src-0'); s.value = '0'; s.dispatchEvent(new Event('change', {bubbles: true}));".to_string(),
        format!("const q = document.querySelector('#prompt-quote-0'); q.value = {passage:?}; q.dispatchEvent(new InputEvent('input', {{bubbles: true}}));"),
    ];
    let mut link = String::new();
    for (k, edit) in edits.iter().enumerate() {
        let before =
            c.b.js(
                "return document.querySelector('#session-link').value",
                vec![],
            )
            .await?;
        c.b.wait_for(
            &format!("the field of edit {k}"),
            if k == 4 {
                "return document.querySelector('#prompt-quote-0') !== null"
            } else {
                "return true"
            },
        )
        .await?;
        c.b.js(&format!("{edit} return true;"), vec![]).await?;
        let after = c
            .b
            .wait_for(
                &format!("the link to change after edit {k}"),
                &format!(
                    "const l = document.querySelector('#session-link').value; return l !== {} ? l : null",
                    before
                ),
            )
            .await;
        link = after?.as_str().unwrap_or_default().to_string();
    }
    ensure(
        link.contains("#/session/"),
        format!("not a session link: {link}"),
    )?;
    c.b.open(&link).await?;
    c.b.wait_for(
        "the guided view",
        "return document.querySelector('#session #reader') !== null",
    )
    .await?;
    let v = c.b.js("return [document.querySelector('#session-title').textContent, document.querySelector('.prompt-text').textContent, document.querySelectorAll('#doc-body mark[data-label=DATE]').length]", vec![]).await?;
    ensure(
        v == json!(["Compare the verbs", "Which verbs differ?", 0]),
        format!("guided view from the builder: {v}"),
    )?;
    // The passage prompt links to the paragraph holding those words.
    c.b.js(
        "[...document.querySelectorAll('.prompt a')].find(a => /passage/.test(a.textContent)).click(); return true;",
        vec![],
    )
    .await?;
    let target =
        c.b.wait_for(
            "the passage's paragraph",
            "const p = document.querySelector('#doc-body p.target'); return p && p.textContent",
        )
        .await?;
    ensure(
        target.as_str().is_some_and(|t| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&passage)
        }),
        format!("the target paragraph lacks {passage:?}: {target}"),
    )
}

/// The handout of two sources printed to PDF: page 1 opens with the first source's title and
/// holds no navigation or buttons, the second source starts a page of its own, and the body
/// text is there. WebKitWebDriver has no Print Page command: there the page's own print rules
/// are applied as screen rules and the same order is read off the laid-out page.
pub async fn handout_prints(c: &Ctx) -> Result<(), String> {
    let (first, second) = (&c.seeds[0], &c.seeds[1]);
    c.b.open(&format!(
        "{}#/handout?docs={},{}",
        c.base, first.id, second.id
    ))
    .await?;
    c.b.wait_for(
        "the handout",
        "return document.querySelectorAll('#handout .handout-doc').length === 2",
    )
    .await?;
    run_axe(c, "handout").await?;
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let titles = c
        .b
        .js("return [...document.querySelectorAll('#handout .handout-doc h2')].map(h => h.textContent)", vec![])
        .await?;
    let title = |k: usize| squash(titles[k].as_str().unwrap_or_default());
    let config = fantoccini::wd::PrintConfigurationBuilder::default()
        .build()
        .map_err(|e| e.to_string())?;
    let pdf = match c.b.client.print(config).await {
        Ok(pdf) => pdf,
        Err(e) if c.b.engine.name() == "webkit" && e.to_string().contains("Unknown command") => {
            println!("    webkit: WebKitWebDriver has no print command; print rules applied as screen rules");
            return print_order_by_rules(c, &title(0), &title(1)).await;
        }
        Err(e) => return Err(format!("WebDriver print: {e}")),
    };
    ensure(pdf.starts_with(b"%PDF"), "print did not return a PDF")?;
    let pages = pdf_pages(&pdf, c.b.engine.name())?;
    println!("    printed: {} pages", pages.len());
    let page1 = squash(pages.first().map(String::as_str).unwrap_or_default());
    ensure(
        page1.starts_with(&title(0)),
        format!(
            "page 1 does not open with the first source's title {:?}: {:?}",
            title(0),
            page1.chars().take(160).collect::<String>()
        ),
    )?;
    for furniture in [
        "Copy link to this view",
        "Print this handout",
        "Skip to",
        "← Back",
    ] {
        ensure(
            !page1.contains(furniture),
            format!("page 1 holds {furniture:?}"),
        )?;
    }
    ensure(
        pages
            .iter()
            .skip(1)
            .any(|p| squash(p).starts_with(&title(1))),
        format!(
            "no page opens with the second source's title {:?}",
            title(1)
        ),
    )?;
    // A long line of the first source's body, its first eight words.
    let line = first
        .text
        .lines()
        .skip(2)
        .max_by_key(|l| l.len())
        .unwrap_or_default();
    let want = line
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let all = squash(&pages.join(" "));
    ensure(
        all.contains(&want),
        format!(
            "the printed PDF lacks {want:?}; it holds {} characters",
            all.len()
        ),
    )
}

/// The text of each page of a PDF (pdftotext, from poppler-utils, installed by xtask setup).
fn pdf_pages(pdf: &[u8], engine: &str) -> Result<Vec<String>, String> {
    let file = std::env::temp_dir().join(format!("parallax-handout-{engine}.pdf"));
    std::fs::write(&file, pdf).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&file)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext (poppler-utils, installed by cargo xtask setup): {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect())
}

/// Where no PDF can be had: every `@media print` rule of the page is copied into a screen
/// stylesheet, then the first visible text of the page must be the first source's title, no
/// navigation or button may show, and the second source must ask for a page break.
async fn print_order_by_rules(c: &Ctx, first: &str, second: &str) -> Result<(), String> {
    let got = c.b.js(r#"
        // Print rules wherever they sit: top level, or inside a cascade layer.
        const collect = rs => [...rs].flatMap(r => r.media && [...r.media].includes('print')
            ? [...r.cssRules].map(x => x.cssText)
            : (r.cssRules ? collect(r.cssRules) : []));
        const rules = [...document.styleSheets].flatMap(s => collect(s.cssRules));
        // A constructed sheet: the page's policy (style-src 'self') refuses a <style> element.
        const style = new CSSStyleSheet();
        style.replaceSync(rules.join('\n'));
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, style];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let firstText = '';
        while (walker.nextNode()) {
            const n = walker.currentNode, e = n.parentElement;
            if (!n.textContent.trim() || !e || e.closest('script,style,template')) continue;
            if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') continue;
            firstText = e.closest('h1,h2,h3,p,li,a,button,span')?.innerText || n.textContent; break;
        }
        const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length > 0);
        const docs = document.querySelectorAll('#handout .handout-doc');
        const result = { firstText: firstText.replace(/\s+/g, ' ').trim(),
            nav: shown('nav, .site-header, button, .no-print'),
            breakSecond: getComputedStyle(docs[1]).breakBefore,
            secondTitle: docs[1].querySelector('h2').innerText.replace(/\s+/g, ' ').trim() };
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== style);
        return result;"#, vec![]).await?;
    let first_text = got["firstText"].as_str().unwrap_or_default();
    ensure(
        first_text == first,
        format!("with the print rules the page opens with {first_text:?}, not {first:?}"),
    )?;
    ensure(
        got["nav"] == false,
        "with the print rules navigation or a button still shows",
    )?;
    ensure(
        got["breakSecond"] == "page",
        format!(
            "the second source does not start a page: {}",
            got["breakSecond"]
        ),
    )?;
    ensure(
        got["secondTitle"] == second,
        format!("second title {:?}", got["secondTitle"]),
    )
}

/// Makes window `handle` the one the next commands go to.
async fn in_window(c: &Ctx, handle: &fantoccini::wd::WindowHandle) -> Result<(), String> {
    c.b.client
        .switch_to_window(handle.clone())
        .await
        .map_err(|e| format!("switch window: {e}"))
}

/// The texts of the notes listed under the reader, sorted.
const NOTE_TEXTS: &str = "return [...document.querySelectorAll('#doc-notes .note-text')].map(e => e.textContent).sort().join('|')";

/// Waits until the reader's note list reads exactly `want` (texts sorted, joined by `|`).
async fn notes_read(c: &Ctx, window: &str, want: &[&str]) -> Result<(), String> {
    let mut want: Vec<&str> = want.to_vec();
    want.sort_unstable();
    let want = want.join("|");
    c.b.wait_for(
        &format!("the notes {want:?} in window {window}"),
        &format!("{NOTE_TEXTS} === {want:?}"),
    )
    .await
    .map(|_| ())
}

/// Two windows of one session link: a note added in each shows in both, and after a reload;
/// an edit in one shows in the other; a deletion in one stays deleted in both; an answer
/// typed in one shows in the other. Nothing either window wrote is lost.
pub async fn two_windows(c: &Ctx) -> Result<(), String> {
    let Some(path) = std::env::var_os("PARALLAX_E2E_SESSION") else {
        return Err("PARALLAX_E2E_SESSION is not set".into());
    };
    let fragment = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    // The second source is a bundled article (the first holds the XSS vectors).
    let url = format!("{}{}?s=2", c.base, fragment.trim());
    clear_storage(c).await?;
    let first = c.b.client.window().await.map_err(|e| e.to_string())?;
    let second =
        c.b.client
            .new_window(false)
            .await
            .map_err(|e| format!("new window: {e}"))?
            .handle;
    let result = two_windows_steps(c, &url, &first, &second).await;
    // Leave one window, as the other tests expect.
    in_window(c, &second).await?;
    let _ = c.b.client.close_window().await;
    in_window(c, &first).await?;
    result
}

/// Reloads each of `windows` in turn and waits until its note list reads `want`.
async fn reload_and_read(
    c: &Ctx,
    windows: &[(&fantoccini::wd::WindowHandle, &str)],
    want: &[&str],
) -> Result<(), String> {
    for (w, name) in windows {
        in_window(c, w).await?;
        c.b.client.refresh().await.map_err(|e| e.to_string())?;
        c.b.wait_for(
            "the session's reader after reload",
            "return document.querySelector('#session #doc-body p[data-start]') !== null",
        )
        .await?;
        notes_read(c, &format!("{name} after reload"), want).await?;
    }
    Ok(())
}

async fn two_windows_steps(
    c: &Ctx,
    url: &str,
    a: &fantoccini::wd::WindowHandle,
    b: &fantoccini::wd::WindowHandle,
) -> Result<(), String> {
    let open = |w| async move {
        in_window(c, w).await?;
        c.b.open(url).await?;
        c.b.wait_for(
            "the session's reader",
            "return document.querySelector('#session #doc-body p[data-start]') !== null",
        )
        .await
        .map(|_| ())
    };
    open(a).await?;
    open(b).await?;
    in_window(c, a).await?;
    add_note(c, 0, "from window A", "green").await?;
    in_window(c, b).await?;
    notes_read(c, "B", &["from window A"]).await?;
    add_note(c, 1, "from window B", "blue").await?;
    in_window(c, a).await?;
    notes_read(c, "A", &["from window A", "from window B"]).await?;
    reload_and_read(
        c,
        &[(a, "A"), (b, "B")],
        &["from window A", "from window B"],
    )
    .await?;
    // An edit in A shows in B.
    in_window(c, a).await?;
    c.b.js(
        "const li = [...document.querySelectorAll('#doc-notes li.note')].find(l => l.querySelector('.note-text')?.textContent === 'from window A'); \
         li.querySelector('.note-edit').click(); return true;",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the note's edit form",
        "return document.querySelector('#doc-notes .note-edit-form textarea') !== null",
    )
    .await?;
    c.b.js(
        "const f = document.querySelector('#doc-notes .note-edit-form'); \
         f.querySelector('textarea').value = 'edited in window A'; \
         f.requestSubmit ? f.requestSubmit() : f.querySelector('button[type=submit]').click(); return true;",
        vec![],
    )
    .await?;
    notes_read(c, "A", &["edited in window A", "from window B"]).await?;
    in_window(c, b).await?;
    notes_read(c, "B", &["edited in window A", "from window B"]).await?;
    // A deletion in B stays deleted in both, also after A writes again.
    c.b.js(
        "const li = [...document.querySelectorAll('#doc-notes li.note')].find(l => l.querySelector('.note-text')?.textContent === 'from window B'); \
         li.querySelector('.note-delete').click(); return true;",
        vec![],
    )
    .await?;
    notes_read(c, "B", &["edited in window A"]).await?;
    in_window(c, a).await?;
    notes_read(c, "A", &["edited in window A"]).await?;
    add_note(c, 2, "a third, from A", "yellow").await?;
    reload_and_read(
        c,
        &[(b, "B"), (a, "A")],
        &["edited in window A", "a third, from A"],
    )
    .await?;
    // An answer typed in A shows in B.
    c.b.js(
        "const t = document.querySelector('#answer-0'); t.value = 'Answer typed in A'; \
         t.dispatchEvent(new InputEvent('input', {bubbles: true})); return true;",
        vec![],
    )
    .await?;
    in_window(c, b).await?;
    c.b.wait_for(
        "window A's answer in window B",
        "return document.querySelector('#answer-0').value === 'Answer typed in A'",
    )
    .await?;
    Ok(())
}

/// Records the longest gap between timer tasks from now on (the longest task the page ran,
/// plus the timer's own few milliseconds), in every engine: `window.__longest`.
const WATCH_TASKS: &str = r#"
window.__longest = 0;
let last = performance.now();
const tick = () => {
  const now = performance.now();
  window.__longest = Math.max(window.__longest, now - last);
  last = now;
  if (window.__watching) setTimeout(tick, 0);
};
window.__watching = true;
setTimeout(tick, 0);
return true;
"#;

/// Stops the watch and returns the longest gap in milliseconds.
async fn longest_task(c: &Ctx) -> Result<f64, String> {
    let v =
        c.b.js(
            "window.__watching = false; return window.__longest;",
            vec![],
        )
        .await?;
    v.as_f64().ok_or_else(|| format!("no measurement: {v}"))
}

/// An HTML page of 400,000 bytes (the import limit) whose article is about 90,000 characters
/// of the bundled texts.
fn big_page(c: &Ctx) -> String {
    let mut body = String::new();
    'fill: for round in 0.. {
        for s in &c.seeds {
            for p in s.text.split("\n\n").filter(|p| p.len() > 40) {
                if body.len() > 90_000 {
                    break 'fill;
                }
                body.push_str(&format!("<p>{p} ({round})</p>\n"));
            }
        }
    }
    let mut page = format!("<html><head><title>A long page</title></head><body><h1>A long page</h1>{body}<div class=\"menu\">");
    while page.len() < 399_900 {
        page.push_str("<span class=\"x\"></span>");
    }
    page.push_str("</div></body></html>");
    page
}

/// Ten thousand notes on the first bundled document, as an exported notes file.
fn many_notes(c: &Ctx) -> String {
    let doc = &c.seeds[0];
    let exact: String = doc.text.chars().skip(10).take(12).collect();
    let notes: Vec<Value> = (0..10_000)
        .map(|i| {
            json!({"id": format!("n{i}"), "doc": doc.id, "start": 10, "end": 22,
                   "quote": {"exact": exact, "prefix": "", "suffix": ""},
                   "colour": "yellow", "text": format!("Note {i}: who said this?"),
                   "created": i, "updated": i})
        })
        .collect();
    json!({"format": "parallax-notes", "version": 2, "notes": notes}).to_string()
}

/// Inputs at their limits (a 400 KB page imported as an article, a file of 10,000 notes)
/// are taken, and the longest main-thread task while the app works on them is measured and
/// printed.
pub async fn limits_keep_the_page_responsive(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#file-input') !== null",
    )
    .await?;
    let page = big_page(c);
    c.b.js(WATCH_TASKS, vec![]).await?;
    choose_file(c, "#file-input", "long-page.html", json!(page)).await?;
    c.b.wait_for(
        "the long page in the reader",
        "return document.querySelector(\"#reader[data-doc^='own-']\") !== null && document.querySelectorAll('#doc-body mark').length > 100",
    )
    .await?;
    // The engine's worker analysed it with the whole library (flags, alignments, story).
    let article_ms = longest_task(c).await?;
    println!(
        "    {} limits: a {} byte page imported and analysed, longest task {article_ms:.0} ms",
        c.b.engine.name(),
        page.len()
    );
    c.b.open(&format!("{}#/notes", c.base)).await?;
    c.b.wait_for(
        "the notes page",
        "return document.querySelector('#import-notes') !== null",
    )
    .await?;
    let notes = many_notes(c);
    c.b.js(WATCH_TASKS, vec![]).await?;
    choose_file(c, "#import-notes", "parallax-notes.json", json!(notes)).await?;
    c.b.wait_for(
        "10,000 notes imported",
        "return [...document.querySelectorAll('[role=status]')].some(e => e.textContent.includes('Imported 10000 notes'))",
    )
    .await?;
    let notes_ms = longest_task(c).await?;
    println!(
        "    {} limits: {} bytes of notes (10,000 notes) imported, longest task {notes_ms:.0} ms",
        c.b.engine.name(),
        notes.len()
    );
    Ok(())
}
