//! Issue 25: the teacher's draft kept in the link (navigation, Back, reload), the session link
//! copied to the clipboard, Remove then Undo of an own article and of a note, the hand-in
//! file named after the student, and axe on those views at 375 and 1280 px.

use super::classroom::{add_note, clear_storage, last_download, HOOK_DOWNLOADS};
use super::{ensure, open_reader, run_axe, shoot, Ctx};
use serde_json::{json, Value};

/// A title with what a link must escape.
const TITLE: &str = "Draft kept: ünïcode & 100% = ok?";

/// Sets the value of the field `selector` as typing would.
async fn type_into(c: &Ctx, selector: &str, value: &str) -> Result<(), String> {
    c.b.js(
        "const f = document.querySelector(arguments[0]); f.value = arguments[1]; \
         f.dispatchEvent(new InputEvent('input', {bubbles: true})); return true;",
        vec![json!(selector), json!(value)],
    )
    .await?;
    Ok(())
}

/// Clicks the element `selector`.
async fn click(c: &Ctx, selector: &str) -> Result<(), String> {
    c.b.js(
        "document.querySelector(arguments[0]).click(); return true;",
        vec![json!(selector)],
    )
    .await?;
    Ok(())
}

/// Runs axe at a phone's 375 px and a laptop's 1280 px.
async fn axe_at_both_widths(c: &Ctx, page: &str) -> Result<(), String> {
    for (w, cond) in [
        (375u32, "window.innerWidth < 700"),
        (1280, "window.innerWidth > 1000"),
    ] {
        c.b.client
            .set_window_size(w, 900)
            .await
            .map_err(|e| e.to_string())?;
        c.b.wait_for("the resize", &format!("return {cond}"))
            .await?;
        run_axe(c, &format!("{page} at {w} px")).await?;
    }
    Ok(())
}

/// What the builder shows: title, first prompt, chosen sources in order.
const BUILDER_STATE: &str = "const t = document.querySelector('#session-title-input'); \
    const p = document.querySelector('#prompt-text-0'); \
    if (!t || !p) return null; \
    return [t.value, p.value, [...document.querySelectorAll('.teach-source')].filter(l => l.querySelector('input').checked).map(l => l.dataset.doc)];";

async fn builder_shows(c: &Ctx, when: &str, want: &Value) -> Result<(), String> {
    c.b.wait_for(
        &format!("the draft {when}"),
        &format!(
            "const s = (() => {{ {BUILDER_STATE} }})(); return s && JSON.stringify(s) === {:?};",
            want.to_string()
        ),
    )
    .await
    .map(|_| ())
}

/// A draft survives leaving the builder, Back, reload, and the Teach link (kept on the
/// device); the header's "Copy link" on the builder gives the link that reopens it.
pub async fn teach_draft_survives(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    c.b.open(&format!("{}#/teach", c.base)).await?;
    c.b.wait_for(
        "the builder",
        "return document.querySelector('#session-link') !== null",
    )
    .await?;
    let third = &c.seeds[2].id;
    type_into(c, "#session-title-input", TITLE).await?;
    type_into(c, "#prompt-text-0", "Who is quoted first?\nAnd why? ").await?;
    click(c, &format!(".teach-source[data-doc='{third}'] input")).await?;
    let want = json!([
        TITLE,
        "Who is quoted first?\nAnd why? ",
        [&c.seeds[0].id, &c.seeds[1].id, third]
    ]);
    builder_shows(c, "as typed", &want).await?;
    c.b.wait_for(
        "the draft in the link",
        "return location.hash.startsWith('#/teach?draft') && location.hash.includes('src=')",
    )
    .await?;
    // Leave by the header's link, come Back.
    click(c, "nav a[href='#/']").await?;
    c.b.wait_for(
        "the library",
        "return document.querySelector('#doc-list') !== null",
    )
    .await?;
    // The browser's Back (history.back(): WebKitWebDriver's own Back command does not return
    // from a same-document navigation).
    c.b.js("history.back(); return true;", vec![]).await?;
    builder_shows(c, "after Back", &want).await?;
    c.b.client.refresh().await.map_err(|e| e.to_string())?;
    builder_shows(c, "after reload", &want).await?;
    // The header's Teach link (no draft in it) reopens the draft kept on this device.
    c.b.open(&format!("{}#/story", c.base)).await?;
    click(c, "nav a[href='#/teach']").await?;
    builder_shows(c, "from the Teach link", &want).await?;
    // The header's copy gives this view's link, which holds the draft.
    click(c, "#copy-link").await?;
    let copied = c.b.wait_for("the copy outcome", "const f = document.querySelector('#copy-link-field'); if (f) return f.value; return document.querySelector('#copy-done') ? location.href : null").await?;
    let copied = copied.as_str().unwrap_or_default().to_string();
    ensure(
        copied.contains("#/teach?draft") && copied.contains("src="),
        format!("the header copies {copied}"),
    )?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    c.b.open(&copied).await?;
    builder_shows(c, "opened from the copied link", &want).await?;
    axe_at_both_widths(c, "teach").await?;
    shoot_schemes(c, "ux-teach").await
}

/// Reads the clipboard back by pasting it (Control+V, a real key press) into a field the
/// test adds to the page; None when nothing could be pasted.
async fn paste_clipboard(c: &Ctx) -> Result<Option<String>, String> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    c.b.js(
        "const t = document.createElement('textarea'); t.id = '__paste'; document.body.appendChild(t); t.focus(); return true;",
        vec![],
    )
    .await?;
    let keys = KeyActions::new("paste".to_string())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down { value: 'v' })
        .then(KeyAction::Up { value: 'v' })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    let pressed = c.b.client.perform_actions(keys).await;
    let v = c
        .b
        .js(
            "const t = document.querySelector('#__paste'); const v = t.value; t.remove(); return v;",
            vec![],
        )
        .await?;
    Ok(pressed
        .ok()
        .and_then(|()| v.as_str().filter(|s| !s.is_empty()).map(str::to_string)))
}

/// "Copy session link" puts the session link on the clipboard (read back where the engine
/// lets a page read it; else what the page handed the clipboard is recorded, or the link is
/// shown to copy by hand), says so in a live region, and "Edit this session" reopens it.
pub async fn copy_session_link(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    c.b.open(&format!("{}#/teach", c.base)).await?;
    c.b.wait_for(
        "the builder",
        "return document.querySelector('#copy-text') !== null",
    )
    .await?;
    type_into(c, "#session-title-input", TITLE).await?;
    type_into(c, "#prompt-text-0", "What differs?").await?;
    let link = c
        .b
        .wait_for(
            "the link with the title",
            "const l = document.querySelector('#session-link').value; return location.hash.includes('title=') ? l : null",
        )
        .await?;
    let link = link.as_str().unwrap_or_default().to_string();
    let how = copy_and_check(c, &link).await?;
    println!(
        "    {}: the session link was checked {how}",
        c.b.engine.name()
    );
    // The student's view offers the way back into the builder.
    c.b.open(&link).await?;
    c.b.wait_for(
        "the guided view",
        "return document.querySelector('#session #reader') !== null",
    )
    .await?;
    click(c, "#edit-session").await?;
    let want = json!([TITLE, "What differs?", [&c.seeds[0].id, &c.seeds[1].id]]);
    builder_shows(c, "opened by Edit this session", &want).await
}

/// Clicks `selector` as a user would (a WebDriver click, so the page gets user activation,
/// which the clipboard asks for).
async fn user_click(c: &Ctx, selector: &str) -> Result<(), String> {
    c.b.client
        .find(fantoccini::Locator::Css(selector))
        .await
        .map_err(|e| e.to_string())?
        .click()
        .await
        .map_err(|e| e.to_string())
}

/// Clicks "Copy session link" and checks that `link` went to the clipboard; says how.
async fn copy_and_check(c: &Ctx, link: &str) -> Result<&'static str, String> {
    user_click(c, "#copy-text").await?;
    let outcome = c.b.wait_for("the copy outcome", "const f = document.querySelector('#copy-text-field'); if (f) return ['field', f.value]; const d = document.querySelector('#copy-text-done'); return d ? ['copied', document.querySelector('#copy-text-status').textContent] : null").await?;
    if outcome[0] == json!("field") {
        ensure(
            outcome[1] == json!(link),
            format!("the field shows {}", outcome[1]),
        )?;
        return Ok("in the field shown when the browser refuses to copy");
    }
    ensure(
        outcome[1]
            .as_str()
            .is_some_and(|s| s.contains("Session link copied")),
        format!("the live region says {}", outcome[1]),
    )?;
    if let Some(back) = paste_clipboard(c).await? {
        ensure(back == link, format!("the clipboard holds {back}"))?;
        return Ok("by pasting the clipboard back into a field");
    }
    // Nothing could be pasted in this engine: record what the page hands the clipboard.
    c.b.js(
        "window.__copied = []; const orig = navigator.clipboard.writeText.bind(navigator.clipboard); \
         navigator.clipboard.writeText = t => { window.__copied.push(t); return orig(t); }; return true;",
        vec![],
    )
    .await?;
    user_click(c, "#copy-text").await?;
    let sent =
        c.b.wait_for(
            "the text handed to the clipboard",
            "return window.__copied.length ? window.__copied[0] : null",
        )
        .await?;
    ensure(
        sent == json!(link),
        format!("the page copied {sent}, not the link"),
    )?;
    Ok("by recording what the page handed navigator.clipboard.writeText (this engine's WebDriver cannot read the clipboard back)")
}

/// Adds an own article by pasting `text`; returns its id.
async fn add_article(c: &Ctx, text: &str) -> Result<String, String> {
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#paste-text') !== null",
    )
    .await?;
    c.b.js(
        "document.querySelector('#paste-text').value = arguments[0]; document.querySelector('#paste-add').click(); return true;",
        vec![json!(text)],
    )
    .await?;
    let id = c.b.wait_for(
        "the new article in the reader",
        "const r = document.querySelector(\"#reader[data-doc^='own-']\"); return r && document.querySelectorAll('#doc-body p[data-start]').length > 1 && r.dataset.doc",
    )
    .await?;
    Ok(id.as_str().unwrap_or_default().to_string())
}

/// Remove then Undo: the card goes at once, focus moves to a neighbour, a live region says
/// what went; Undo brings the article back with its note. A deleted note comes back too.
pub async fn remove_then_undo(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    let body = "Harbour ferry returns after repairs\n\nThe harbour ferry returned to service on Tuesday after three weeks of repairs to its engines, the operator said in a statement to passengers.\n\nCommuters who had taken the longer road around the bay welcomed the news, and the operator promised a new timetable for the summer months.";
    let id = add_article(c, body).await?;
    add_note(c, 0, "Check the dates", "yellow").await?;
    c.b.open(&format!("{}#/", c.base)).await?;
    let card = format!("#doc-list li[data-doc='{id}']");
    c.b.wait_for(
        "the own card",
        &format!("return document.querySelector(\"{card} .remove-article\") !== null"),
    )
    .await?;
    let name = c.b.js(&format!("const b = document.querySelector(\"{card} .remove-article\"); const p = document.querySelector(\"{card} .pick-box\"); return [b.getAttribute('aria-label'), p.getAttribute('aria-label')]"), vec![]).await?;
    ensure(
        name[0]
            .as_str()
            .is_some_and(|s| s.contains("Harbour ferry"))
            && name[1]
                .as_str()
                .is_some_and(|s| s.contains("Harbour ferry")),
        format!("the card's controls are named {name}"),
    )?;
    c.b.client
        .find(fantoccini::Locator::Css(&format!("{card} .remove-article")))
        .await
        .map_err(|e| e.to_string())?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    let after = c.b.wait_for("the card removed and said so", &format!("const s = document.querySelector('#library-undo-status'); return document.querySelector(\"{card}\") === null && s && /Removed/.test(s.textContent) && document.querySelector('#library-undo') !== null ? [s.textContent] : null")).await?;
    // Focus settles on a neighbour's title once the library has rendered without the card.
    let focused =
        c.b.wait_for(
            "focus on a neighbour's title",
            "return document.activeElement.closest('#doc-list h2') !== null || null",
        )
        .await;
    let after = json!([after[0], focused.is_ok()]);
    ensure(
        after[0]
            .as_str()
            .is_some_and(|s| s.contains("Harbour ferry"))
            && after[1] == json!(true),
        format!("after Remove: message and focus on a neighbour's title: {after}"),
    )?;
    click(c, "#library-undo").await?;
    c.b.wait_for(
        "the card back",
        &format!("const s = document.querySelector('#library-undo-status'); return document.querySelector(\"{card}\") !== null && /Restored/.test(s.textContent)"),
    )
    .await?;
    // Its note is still there, in the reader and on #/notes.
    open_reader(c, &id, "").await?;
    c.b.wait_for(
        "the note with the restored article",
        "return [...document.querySelectorAll('#doc-notes .note-text')].some(e => e.textContent === 'Check the dates')",
    )
    .await?;
    // A deleted note comes back with Undo.
    click(c, "#doc-notes .note-delete").await?;
    c.b.wait_for(
        "the note gone, and said so",
        "return document.querySelectorAll('#doc-notes li.note').length === 0 && /Removed the note/.test(document.querySelector('#note-undo-status').textContent)",
    )
    .await?;
    click(c, "#note-undo").await?;
    c.b.wait_for(
        "the note back",
        "return [...document.querySelectorAll('#doc-notes .note-text')].some(e => e.textContent === 'Check the dates')",
    )
    .await?;
    // The library with the Undo bar showing, for axe and the screenshots.
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "the own card",
        &format!("return document.querySelector(\"{card} .remove-article\") !== null"),
    )
    .await?;
    click(c, &format!("{card} .remove-article")).await?;
    c.b.wait_for(
        "the Undo bar",
        "return document.querySelector('#library-undo') !== null",
    )
    .await?;
    axe_at_both_widths(c, "library with Undo").await?;
    shoot_schemes(c, "ux-library-undo").await?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    Ok(())
}

/// The hand-in file is named after the student, the session and the day; the export says
/// what it saved; the header leads back to a session with answers not exported, and
/// `#/notes` lists them with their session.
pub async fn export_names_the_student(c: &Ctx) -> Result<(), String> {
    clear_storage(c).await?;
    c.b.open(&format!("{}#/teach", c.base)).await?;
    c.b.wait_for(
        "the builder",
        "return document.querySelector('#session-link') !== null",
    )
    .await?;
    type_into(c, "#session-title-input", "Ferry & floods").await?;
    type_into(c, "#prompt-text-0", "Who is quoted first?").await?;
    let link = c.b.wait_for("the link with the prompt", "return location.hash.includes('title=') && location.hash.includes('quoted') && document.querySelector('#session-link').value").await?;
    c.b.open(link.as_str().unwrap_or_default()).await?;
    c.b.wait_for(
        "the guided view",
        "return document.querySelector('#session #reader') !== null && document.querySelector('#answer-0') !== null",
    )
    .await?;
    type_into(c, "#student-name", "Ana Pérez-Lee").await?;
    let long = "The minister is quoted first, in the second paragraph. ".repeat(8);
    type_into(c, "#answer-0", &long).await?;
    c.b.wait_for(
        "the answer saved",
        "return /Saved/.test(document.querySelector('#answers-status').textContent)",
    )
    .await?;
    let fits = c.b.js("const t = document.querySelector('#answer-0'); return [t.scrollHeight, t.clientHeight]", vec![]).await?;
    ensure(
        fits[0].as_u64() <= fits[1].as_u64().map(|h| h + 2),
        format!("the answer box scrolls inside itself: {fits}"),
    )?;
    axe_at_both_widths(c, "session").await?;
    shoot_schemes(c, "ux-session").await?;
    // Elsewhere, the header leads back; #/notes lists the answer with its session.
    c.b.open(&format!("{}#/notes", c.base)).await?;
    let back = c.b.wait_for("the way back and the listed answer", "const a = document.querySelector('#back-to-session'); const s = document.querySelector('#session-answers'); return a && s && /Ferry & floods/.test(s.textContent) && /minister is quoted first/.test(s.textContent) && a.getAttribute('href')").await;
    if back.is_err() {
        let seen = c.b.js("const a = document.querySelector('#back-to-session'); const s = document.querySelector('#session-answers'); return [location.hash, !!a, s && s.textContent, localStorage.getItem('parallax.answered')]", vec![]).await?;
        return Err(format!("no way back or no listed answer: {seen}"));
    }
    let back = back?;
    ensure(
        back.as_str().is_some_and(|h| h.starts_with("#/session/")),
        format!("back link {back}"),
    )?;
    axe_at_both_widths(c, "notes with session answers").await?;
    shoot_schemes(c, "ux-notes").await?;
    click(c, "#back-to-session").await?;
    c.b.wait_for(
        "the session again, with the answer",
        &format!("const t = document.querySelector('#answer-0'); return t && t.value === {long:?}"),
    )
    .await?;
    c.b.js(HOOK_DOWNLOADS, vec![]).await?;
    c.b.js(
        "window.__names = []; if (!window.__named) { window.__named = true; const orig = HTMLAnchorElement.prototype.click; \
         HTMLAnchorElement.prototype.click = function () { if (this.download) window.__names.push(this.download); return orig.call(this); }; } return true;",
        vec![],
    )
    .await?;
    click(c, "#export-answers").await?;
    let handed = last_download(c).await?;
    ensure(
        handed.contains("Ana Pérez-Lee"),
        format!("hand-in lacks the name:\n{handed}"),
    )?;
    let file =
        c.b.wait_for("the file name", "return window.__names[0]")
            .await?;
    let file = file.as_str().unwrap_or_default().to_string();
    let dated = file
        .trim_end_matches(".md")
        .rsplit('-')
        .take(3)
        .all(|p| p.chars().all(|ch| ch.is_ascii_digit()));
    ensure(
        file.starts_with("parallax-answers-ana-pérez-lee-ferry-floods-") && dated,
        format!("file name {file}"),
    )?;
    let said = c.b.wait_for("the export confirmed", "const s = document.querySelector('#answers-status').textContent; return /Exported/.test(s) && s").await?;
    ensure(
        said.as_str()
            .is_some_and(|s| s.contains(&file) && s.contains("1 of 1")),
        format!("status after export: {said}"),
    )?;
    // Exported: the header no longer calls the student back.
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "no way back once exported",
        "return document.querySelector('#doc-list') !== null && document.querySelector('#back-to-session') === null",
    )
    .await?;
    c.b.js("localStorage.clear(); return true;", vec![]).await?;
    Ok(())
}

/// Screenshots (Chromium, when PARALLAX_E2E_SCREENSHOTS is set) at 375 and 1280 px, light
/// and then dark: the dark scheme's rules are copied out of their media query through the
/// CSSOM (no inline style, which the page's CSP refuses), then taken out again.
async fn shoot_schemes(c: &Ctx, name: &str) -> Result<(), String> {
    if c.shots.is_none() || c.b.engine != parallax_e2e::Engine::Chromium {
        return Ok(());
    }
    shoot(c, &format!("{name}-light")).await?;
    c.b.js(
        "window.__dark = []; for (const sheet of document.styleSheets) { let rules; try { rules = [...sheet.cssRules]; } catch (e) { continue; } \
         for (const r of rules) { if (r.media && /dark/.test(r.media.mediaText)) { for (const inner of r.cssRules) { \
         const i = sheet.insertRule(inner.cssText, sheet.cssRules.length); window.__dark.push([sheet, inner.cssText]); } } } } return window.__dark.length;",
        vec![],
    )
    .await?;
    shoot(c, &format!("{name}-dark")).await?;
    c.b.js(
        "for (const [sheet, text] of window.__dark.reverse()) { const k = [...sheet.cssRules].map(r => r.cssText).lastIndexOf(text); if (k >= 0) sheet.deleteRule(k); } return true;",
        vec![],
    )
    .await?;
    Ok(())
}
