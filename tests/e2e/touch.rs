//! Touch first (issue 25): at 375 px a touch selection opens the highlight box inside the
//! viewport, tapping an entity puts its panel in view with focus in it, two ticked sources
//! leave the compare button in view, the story matrix keeps its claims in view; no panel,
//! tooltip or dialog makes the page wider than the screen; the shortcuts dialog opens in view
//! with focus; axe is clean with them open. And one story per collection: an own article in
//! a new collection leaves the bundled story's matrix as it was.
//!
//! Taps are W3C pointer actions of pointer type "touch" where the engine's driver performs
//! them, else of a mouse; each test prints which. A touch selection (long press, then the
//! handles) cannot be made through WebDriver in these desktop engines: the test sets the
//! selection the way it leaves it and sends no mouse or key event, so only the app's
//! `selectionchange` listening can open the box.

use super::{count, ensure, open_reader, run_axe, Ctx};
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions,
};
use fantoccini::Locator;
use serde_json::json;

/// Sets the window to `w` px wide and waits until the page has that width, or (an engine
/// whose windows cannot be that narrow, as Firefox's) a narrow layout's width; prints it.
async fn width(c: &Ctx, w: u32) -> Result<(), String> {
    c.b.client
        .set_window_size(w, 800)
        .await
        .map_err(|e| e.to_string())?;
    let got = c
        .b
        .wait_for(
            &format!("a {w} px window"),
            &format!("return (Math.abs(window.innerWidth - {w}) < 40 || ({w} < 600 && window.innerWidth < 600)) && window.innerWidth"),
        )
        .await?;
    if got.as_u64().is_some_and(|g| g.abs_diff(u64::from(w)) >= 40) {
        println!(
            "    {}: asked for {w} px, the page is {got} px wide",
            c.b.engine.name()
        );
    }
    Ok(())
}

/// Taps the element `selector` (scrolled to the middle of the screen first): a touch where
/// the driver performs touch actions, else a mouse click. Returns which it was.
async fn tap(c: &Ctx, selector: &str) -> Result<&'static str, String> {
    c.b.js(
        &format!("document.querySelector({selector:?}).scrollIntoView({{block: 'center'}}); return true;"),
        vec![],
    )
    .await?;
    let el =
        c.b.client
            .find(Locator::Css(selector))
            .await
            .map_err(|e| format!("{selector}: {e}"))?;
    let steps = |el: fantoccini::elements::Element| {
        [
            PointerAction::MoveToElement {
                element: el,
                duration: None,
                x: 0.0,
                y: 0.0,
            },
            PointerAction::Down { button: 0 },
            PointerAction::Up { button: 0 },
        ]
    };
    let mut touch = TouchActions::new("finger".into());
    for s in steps(el.clone()) {
        touch = touch.then(s);
    }
    let how = match c.b.client.perform_actions(touch).await {
        Ok(()) => "touch",
        Err(_) => {
            let _ = c.b.client.release_actions().await;
            let mut mouse = MouseActions::new("mouse".into());
            for s in steps(el) {
                mouse = mouse.then(s);
            }
            c.b.client
                .perform_actions(mouse)
                .await
                .map_err(|e| format!("tap {selector}: {e}"))?;
            "mouse"
        }
    };
    let _ = c.b.client.release_actions().await;
    Ok(how)
}

/// The script's value: whether the element `selector` lies inside the viewport.
const IN_VIEW: &str = "const e = document.querySelector(arguments[0]); if (!e) return false; \
    const r = e.getBoundingClientRect(); \
    return r.width > 0 && r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;";

async fn in_view(c: &Ctx, selector: &str) -> Result<bool, String> {
    let v = c.b.js(IN_VIEW, vec![json!(selector)]).await?;
    Ok(v.as_bool().unwrap_or(false))
}

/// The page is no wider than the window.
async fn not_wider(c: &Ctx, what: &str) -> Result<(), String> {
    let v =
        c.b.js(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth];",
            vec![],
        )
        .await?;
    let (sw, cw) = (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0));
    ensure(
        sw <= cw + 1,
        format!("{what}: the page is {sw} px wide in a {cw} px window"),
    )
}

/// At 375 px, words selected in the middle of a long text (no mouse or key event) open the
/// highlight box, inside the viewport, and the page stays as wide as the screen.
pub async fn touch_selection(c: &Ctx) -> Result<(), String> {
    width(c, 375).await?;
    let seed = &c.seeds[0];
    open_reader(c, &seed.id, "").await?;
    let picked = c.b.js(
        "const ps = [...document.querySelectorAll('#doc-body p[data-start]:not(.furniture)')].filter(p => p.textContent.length > 80); \
         const p = ps[Math.floor(ps.length / 2)]; p.scrollIntoView({block: 'center'}); \
         const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const t = w.nextNode(); \
         const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, Math.min(t.textContent.length, 12)); \
         const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString();",
        vec![],
    )
    .await?;
    ensure(
        picked.as_str().is_some_and(|s| !s.trim().is_empty()),
        format!("nothing selected: {picked}"),
    )?;
    c.b.wait_for(
        "the highlight box after a selection without mouse or keys",
        "return document.querySelector('#note-editor') !== null",
    )
    .await?;
    ensure(
        in_view(c, "#note-editor").await?,
        "the highlight box is outside the viewport",
    )?;
    let quote =
        c.b.js(
            "return document.querySelector('#note-editor .note-quote').textContent",
            vec![],
        )
        .await?;
    ensure(
        quote
            .as_str()
            .is_some_and(|q| picked.as_str().is_some_and(|p| q.contains(p.trim()))),
        format!("the box quotes {quote}, not the selection {picked}"),
    )?;
    not_wider(c, "reader with the highlight box").await?;
    c.b.js("getSelection().removeAllRanges(); document.querySelector('#note-editor button[type=button]').click(); return true;", vec![])
        .await?;
    c.b.wait_for(
        "the highlight box closed",
        "return document.querySelector('#note-editor') === null",
    )
    .await?;
    width(c, 1280).await
}

/// At 375 px, tapping a mark far down the text puts the entity panel (a sheet) in the
/// viewport with focus inside it; no tooltip widens the page; Close closes it.
pub async fn tap_entity(c: &Ctx) -> Result<(), String> {
    width(c, 375).await?;
    let seed = &c.seeds[0];
    open_reader(c, &seed.id, "").await?;
    let n = count(c, "#doc-body mark[data-entity]").await?;
    ensure(n > 4, format!("only {n} marks"))?;
    let target = format!("#doc-body mark[data-m='{}']", mark_index(c, n / 2).await?);
    let how = tap(c, &target).await?;
    println!(
        "    {}: entity tapped with a {how} pointer",
        c.b.engine.name()
    );
    c.b.wait_for(
        "the entity panel",
        "return document.querySelector('#focus-box') !== null",
    )
    .await?;
    c.b.wait_for(
        "focus in the entity panel",
        "const b = document.querySelector('#focus-box'); return b && b.contains(document.activeElement)",
    )
    .await?;
    ensure(
        in_view(c, "#focus-box").await?,
        "the entity panel is outside the viewport",
    )?;
    ensure(
        in_view(c, "#close-focus").await?,
        "the panel's Close button is outside the viewport",
    )?;
    // The tapped mark's tooltip (hover or focus) must not widen the page either.
    c.b.js(
        &format!("document.querySelector({target:?}).focus(); return true;"),
        vec![],
    )
    .await?;
    not_wider(c, "reader with the entity panel and a tooltip").await?;
    run_axe(c, "reader with the entity panel at 375 px").await?;
    tap(c, "#close-focus").await?;
    c.b.wait_for(
        "the panel closed",
        "return document.querySelector('#focus-box') === null",
    )
    .await?;
    width(c, 1280).await
}

/// The `data-m` of the first mark from the `k`-th on that sits on one line (a tap at its
/// middle lands on it).
async fn mark_index(c: &Ctx, k: u64) -> Result<String, String> {
    let v =
        c.b.js(
            "const ms = [...document.querySelectorAll('#doc-body mark[data-m]')].slice(arguments[0]); \
             const m = ms.find(m => { m.scrollIntoView({block: 'center'}); return m.getClientRects().length === 1 && m.parentElement.closest('mark') === null; }); \
             return m && m.dataset.m",
            vec![json!(k)],
        )
        .await?;
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no mark {k}"))
}

/// `?` opens the shortcuts list in view with focus inside; Escape closes it and gives focus
/// back to its button; at both widths, and axe is clean with it open.
pub async fn shortcuts_dialog(c: &Ctx) -> Result<(), String> {
    let seed = &c.seeds[0];
    for w in [1280u32, 375] {
        width(c, w).await?;
        open_reader(c, &seed.id, "").await?;
        c.b.js("window.scrollTo(0, document.body.scrollHeight / 2); document.activeElement && document.activeElement.blur(); return true;", vec![]).await?;
        let keys = KeyActions::new("kb".to_string())
            .then(KeyAction::Down { value: '?' })
            .then(KeyAction::Up { value: '?' });
        c.b.client
            .perform_actions(keys)
            .await
            .map_err(|e| e.to_string())?;
        let _ = c.b.client.release_actions().await;
        c.b.wait_for(
            "the shortcuts dialog with focus",
            "const d = document.querySelector('#shortcuts'); return d && d.contains(document.activeElement)",
        )
        .await?;
        ensure(
            in_view(c, "#shortcuts").await?,
            format!("the shortcuts dialog is outside the viewport at {w} px"),
        )?;
        not_wider(c, &format!("the shortcuts dialog at {w} px")).await?;
        run_axe(c, &format!("reader with the shortcuts dialog at {w} px")).await?;
        c.b.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})); return true;", vec![]).await?;
        c.b.wait_for(
            "the dialog closed and focus on its button",
            "return document.querySelector('#shortcuts') === null && document.activeElement === document.querySelector('#help-button')",
        )
        .await?;
    }
    width(c, 1280).await
}

/// At 375 px, ticking the two lowest cards leaves the compare button in the viewport; axe is
/// clean with the bar stuck.
pub async fn compare_in_view(c: &Ctx) -> Result<(), String> {
    width(c, 375).await?;
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "the cards",
        "return document.querySelectorAll('#doc-list .pick-box').length > 1",
    )
    .await?;
    let n = c.seeds.len();
    let mut how = "";
    for id in [&c.seeds[n - 2].id, &c.seeds[n - 1].id] {
        how = tap(c, &format!("#doc-list li[data-doc='{id}'] .pick-box")).await?;
    }
    println!(
        "    {}: boxes ticked with a {how} pointer",
        c.b.engine.name()
    );
    c.b.wait_for(
        "the compare link",
        "return document.querySelector('#compare-link') !== null",
    )
    .await?;
    ensure(
        in_view(c, "#compare-link").await?,
        "the compare button is outside the viewport after ticking the two lowest cards",
    )?;
    not_wider(c, "library with two ticked").await?;
    run_axe(c, "library with two ticked at 375 px").await?;
    width(c, 1280).await
}

/// At 375 px the story matrix scrolls its source columns inside the table, says so, and
/// keeps the claim column in view while it does.
pub async fn story_matrix_scrolls_inside(c: &Ctx) -> Result<(), String> {
    width(c, 375).await?;
    c.b.open(&format!("{}#/story", c.base)).await?;
    c.b.wait_for(
        "the matrix",
        "return document.querySelector('.story-table tr.claim') !== null",
    )
    .await?;
    let cue = c.b.js("const e = document.querySelector('#scroll-cue'); e && e.scrollIntoView({block: 'center'}); return e && e.offsetWidth > 0 && /sideways/.test(e.textContent)", vec![]).await?;
    ensure(cue == json!(true), "no visible cue that the table scrolls")?;
    let v = c.b.js(
        "const w = document.querySelector('.table-wrap'); const th = document.querySelector('tr.claim th'); \
         const before = th.getBoundingClientRect().left; w.scrollLeft = w.scrollWidth; \
         return [w.scrollWidth > w.clientWidth, Math.abs(th.getBoundingClientRect().left - before) < 2, w.scrollLeft > 0];",
        vec![],
    )
    .await?;
    ensure(
        v == json!([true, true, true]),
        format!("table scrolls inside / claim column stays / scrolled: {v}"),
    )?;
    not_wider(c, "story").await?;
    run_axe(c, "story at 375 px").await?;
    width(c, 1280).await
}

/// An own article added to a new collection: the library groups it apart, the bundled
/// story's matrix is cell for cell what it was, the new collection has its own story, and a
/// bundled and an own source cannot be compared.
pub async fn own_collection(c: &Ctx) -> Result<(), String> {
    super::classroom::clear_storage(c).await?;
    const MATRIX: &str = "const rows = [...document.querySelectorAll('.story-table tr.claim')]; \
        return rows.length === 0 ? null : JSON.stringify(rows.map(r => [r.querySelector('.claim-text button').textContent, ...[...r.querySelectorAll('td')].map(t => t.textContent)]));";
    c.b.open(&format!("{}#/story", c.base)).await?;
    let before = c.b.wait_for("the bundled matrix", MATRIX).await?;
    c.b.open(&format!("{}#/add", c.base)).await?;
    c.b.wait_for(
        "the add page",
        "return document.querySelector('#collection-input') !== null",
    )
    .await?;
    let article = "City marathon draws a record field\n\nMore than 30,000 runners started the City Marathon on Sunday, organisers said. Mary Wanjiru of Kenya won the women's race in 2 hours 21 minutes, race director Paul Hart said. \"It was a perfect morning for running,\" Hart said.";
    c.b.js(
        "document.querySelector('#collection-input').value = 'City marathon'; \
         document.querySelector('#paste-text').value = arguments[0]; document.querySelector('#paste-add').click(); return true;",
        vec![json!(article)],
    )
    .await?;
    c.b.wait_for(
        "the article in the reader",
        "return document.querySelector(\"#reader[data-doc^='own-']\") !== null",
    )
    .await?;
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "two collections in the library",
        "return document.querySelectorAll('#doc-list section.collection').length === 2",
    )
    .await?;
    let bundled_cards = count(
        c,
        "#doc-list section.collection[data-collection=''] li.card",
    )
    .await?;
    ensure(
        bundled_cards == c.seeds.len() as u64,
        format!("the bundled story lists {bundled_cards} reports"),
    )?;
    ensure(
        count(
            c,
            "#doc-list section.collection[data-collection='City marathon'] li.own",
        )
        .await?
            == 1,
        "the own article is not in its collection",
    )?;
    c.b.open(&format!("{}#/story", c.base)).await?;
    c.b.wait_for(
        "the story's collection links",
        "return document.querySelectorAll('.collection-pick a').length === 2",
    )
    .await?;
    let after = c.b.wait_for("the bundled matrix again", MATRIX).await?;
    ensure(
        before == after,
        format!("the bundled matrix changed:\nbefore {before}\nafter  {after}"),
    )?;
    c.b.open(&format!("{}#/story?c=City%20marathon", c.base))
        .await?;
    c.b.wait_for(
        "the new collection's story",
        "return document.querySelector('#story .intro')?.textContent.includes('of the 1 sources')",
    )
    .await?;
    // A bundled and an own source tick: not comparable.
    c.b.open(&format!("{}#/", c.base)).await?;
    c.b.wait_for(
        "the cards",
        "return document.querySelectorAll('#doc-list li.own .pick-box').length === 1",
    )
    .await?;
    c.b.js(
        &format!("document.querySelector(\"#doc-list li[data-doc='{}'] .pick-box\").click(); document.querySelector('#doc-list li.own .pick-box').click(); return true;", c.seeds[0].id),
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the note that they report different stories",
        "return document.querySelector('#compare-other-story') !== null && document.querySelector('#compare-link') === null",
    )
    .await?;
    run_axe(c, "library of two collections").await?;
    super::classroom::clear_storage(c).await
}
