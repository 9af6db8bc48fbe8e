//! Offline: after a first visit the served edition keeps working with the server gone (its
//! service worker serves the app from the cache), and a new build's worker replaces the old
//! one and its cache.
//!
//! The test serves its own copy of the build on its own server (so its own origin): it
//! switches that server off and rewrites the copy's `sw.js`, and the rest of the suite is
//! untouched.

use super::Ctx;
use parallax_e2e::{ensure, Server};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The served edition works offline after the first visit, and updates cleanly.
pub async fn works_offline(c: &Ctx) -> Result<(), String> {
    let dist = std::env::var_os("PARALLAX_E2E_DIST")
        .map(PathBuf::from)
        .ok_or("PARALLAX_E2E_DIST unset")?;
    let root = std::env::temp_dir().join(format!(
        "parallax-e2e-offline-{}-{}",
        c.b.engine.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&dist, &root).map_err(|e| format!("copy {} : {e}", dist.display()))?;
    let result = check(c, &root).await;
    // Leave the browser as the other tests expect it, whatever happened.
    let _ = c.b.js(
        "return navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))).then(() => caches.keys()).then(ks => Promise.all(ks.map(k => caches.delete(k)))).then(() => true) : true",
        vec![],
    )
    .await;
    let _ = std::fs::remove_dir_all(&root);
    result
}

async fn check(c: &Ctx, root: &Path) -> Result<(), String> {
    let server = Server::start(root);
    let base = server.url.clone();
    let n = c.seeds.len();
    c.b.open(&format!("{base}#/")).await?;
    c.b.wait_for("every card", &every_card(n)).await?;

    let supported =
        c.b.js("return 'serviceWorker' in navigator", vec![])
            .await?;
    if supported != json!(true) {
        println!(
            "    {}: NO SERVICE WORKERS in this engine ('serviceWorker' in navigator is false): \
             offline use is not available here; checked only that the app works without one",
            c.b.engine.name()
        );
        return without_worker(c, &base).await;
    }
    controlled(c).await?;
    let (worker, version) = cached(c, root).await?;
    offline(c, &server, n).await?;
    replaced(c, &server, root, &worker, &version).await
}

/// The script that is true once the library shows a card per document.
fn every_card(n: usize) -> String {
    format!("return document.querySelectorAll('#doc-list > li').length === {n}")
}

/// The service worker registration's state (installing / waiting / active), for messages.
const STATE: &str = "return navigator.serviceWorker.getRegistration().then(r => r ? [r.installing, r.waiting, r.active].map(w => w && w.state).join(' / ') : 'no registration')";
/// The app's caches, for messages.
const CACHES: &str = "return caches.keys().then(ks => ks.filter(k => k.startsWith('parallax ')))";

/// Without service workers the app still works.
async fn without_worker(c: &Ctx, base: &str) -> Result<(), String> {
    let id = &c.seeds[0].id;
    c.b.open(&format!("{base}#/doc/{id}")).await?;
    c.b.wait_for(
        "the reader without a service worker",
        "return document.querySelectorAll('#reader mark').length > 0",
    )
    .await?;
    Ok(())
}

/// The first visit registers the worker, and it comes to control the page.
async fn controlled(c: &Ctx) -> Result<(), String> {
    // The first visit registers the worker; once it is active it takes control of the page
    // (clients.claim), or else from the next load on.
    const ACTIVE: &str = "return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active && r.active.state === 'activated'))";
    // The worker pre-caches both wasm parts (the engine is 3 MB): a slow first install is
    // given a second load to register and finish on before the test gives up.
    let mut active = c.b.wait_for("an active service worker", ACTIVE).await;
    if active.is_err() {
        reload(c).await?;
        active = c.b.wait_for("an active service worker", ACTIVE).await;
    }
    if let Err(e) = active {
        let s = c.b.js(STATE, vec![]).await.unwrap_or_default();
        return Err(format!(
            "{e}; registration (installing / waiting / active): {s}"
        ));
    }
    let controlled = "return navigator.serviceWorker.controller !== null";
    if c.b.js(controlled, vec![]).await? != json!(true) {
        reload(c).await?;
    }
    c.b.wait_for("the service worker to control the page", controlled)
        .await?;
    Ok(())
}

/// The worker's cache holds the page and every asset of this build, named after the build's
/// version; returns the worker's source and that version.
async fn cached(c: &Ctx, root: &Path) -> Result<(String, String), String> {
    // Its cache holds the page and every asset of this build, named after the build's version.
    let worker = std::fs::read_to_string(root.join("sw.js")).map_err(|e| e.to_string())?;
    let version = worker
        .split("const VERSION = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .filter(|v| !v.contains("{{"))
        .ok_or("sw.js in the build has no version filled in")?
        .to_string();
    let assets = worker
        .split("const ASSETS = [")
        .nth(1)
        .and_then(|r| r.split(']').next())
        .map(|l| l.matches("\"./").count())
        .unwrap_or(0);
    ensure(
        assets >= 3,
        format!("sw.js pre-caches {assets} assets (js, wasm, css expected)"),
    )?;
    let cached = c
        .b
        .wait_for(
            "the versioned cache",
            &format!(
                "return caches.keys().then(ks => ks.find(k => k.endsWith(' {version}'))).then(k => k && caches.open(k)).then(c => c && c.keys()).then(rs => rs && rs.length === {})",
                assets + 1
            ),
        )
        .await;
    if let Err(e) = cached {
        let k = c.b.js(CACHES, vec![]).await.unwrap_or_default();
        return Err(format!("{e}; caches: {k}"));
    }
    Ok((worker, version))
}

/// With the server failing, the page still loads, from the cache, with every document.
async fn offline(c: &Ctx, server: &Server, n: usize) -> Result<(), String> {
    // Server gone: the page still loads, from the cache, with every document.
    server.set_failing(true);
    let offline = match reload(c).await {
        Ok(()) => c.b.wait_for("every card, offline", &every_card(n)).await,
        Err(e) => Err(e),
    };
    if let Err(e) = offline {
        let page = c
            .b
            .js("return [location.href, String(navigator.serviceWorker && navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL), document.body ? document.body.innerText.slice(0, 200) : '']", vec![])
            .await
            .unwrap_or_default();
        return Err(format!(
            "{e}; {} requests refused; page (url, controller, text): {page}",
            server.refused()
        ));
    }
    ensure(
        server.refused() > 0,
        "the offline reload never asked the server, so it proves nothing",
    )?;
    let titles = c
        .b
        .js(
            "return [...document.querySelectorAll('#doc-list > li h2 a')].map(a => a.textContent.trim()).filter(t => t.length > 0).length",
            vec![],
        )
        .await?;
    ensure(
        titles == json!(n),
        format!("{titles} titled cards offline, {n} documents"),
    )?;
    println!(
        "    {}: offline reload rendered all {n} documents from the cache ({} requests refused)",
        c.b.engine.name(),
        server.refused()
    );
    Ok(())
}

/// A new build: back online with a different version of the worker. It installs, replaces the
/// old one, the old cache goes, and the page offers a reload.
async fn replaced(
    c: &Ctx,
    server: &Server,
    root: &Path,
    worker: &str,
    version: &str,
) -> Result<(), String> {
    let n = c.seeds.len();
    // A new build: back online with a different version of the worker. It installs, replaces
    // the old one, the old cache goes, and the page offers a reload.
    server.set_failing(false);
    let next = format!("e2e{}", &version[..version.len().min(12)]);
    std::fs::write(
        root.join("sw.js"),
        worker.replace(
            &format!("const VERSION = \"{version}\""),
            &format!("const VERSION = \"{next}\""),
        ),
    )
    .map_err(|e| e.to_string())?;
    c.b.js(
        "return navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)",
        vec![],
    )
    .await?;
    let replaced = c
        .b
        .wait_for(
            "the new version's cache alone",
            &format!("return caches.keys().then(ks => ks.filter(k => k.startsWith('parallax ')).map(k => k.split(' ').pop())).then(v => v.length === 1 && v[0] === '{next}')"),
        )
        .await;
    if let Err(e) = replaced {
        let k = c.b.js(CACHES, vec![]).await.unwrap_or_default();
        let s = c.b.js(STATE, vec![]).await.unwrap_or_default();
        return Err(format!("{e}; caches: {k}; registration: {s}"));
    }
    let notice = c
        .b
        .wait_for(
            "the new-version notice",
            "const n = document.querySelector('#sw-update[role=status]'); return n && n.offsetHeight > 0 && n.textContent",
        )
        .await?;
    ensure(
        notice
            .as_str()
            .is_some_and(|t| t.starts_with("A new version is ready")),
        format!("notice {notice}"),
    )?;
    c.b.client
        .find(fantoccini::Locator::Css("#sw-update button"))
        .await
        .map_err(|e| e.to_string())?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    c.b.wait_for(
        "every card after reloading into the new version",
        &format!(
            "return document.querySelector('#sw-update') === null && navigator.serviceWorker.controller !== null && document.querySelectorAll('#doc-list > li').length === {n}"
        ),
    )
    .await?;
    Ok(())
}

/// Reloads the page as the page itself would (geckodriver's refresh command bypasses service
/// workers) and waits for the new page; the mark tells it from the old one.
async fn reload(c: &Ctx) -> Result<(), String> {
    c.b.js(
        "window.__before_reload = true; location.reload(); return true",
        vec![],
    )
    .await?;
    c.b.wait_for(
        "the reloaded page",
        "return !window.__before_reload && document.readyState === 'complete' && document.querySelector('main#main > *') !== null",
    )
    .await
    .map(|_| ())
}

/// A session link that carries its articles shows the first one's headline and paragraphs as
/// text before the engine has loaded: served from a copy of the build without the engine's
/// files, the text is there, with a line saying the marks are coming (or cannot come).
pub async fn session_text_before_engine(c: &Ctx) -> Result<(), String> {
    let dist = std::env::var_os("PARALLAX_E2E_DIST")
        .map(PathBuf::from)
        .ok_or("PARALLAX_E2E_DIST unset")?;
    let fragment = std::env::var_os("PARALLAX_E2E_SESSION")
        .ok_or("PARALLAX_E2E_SESSION unset (cargo xtask test makes it with `parallax session`)")
        .and_then(|p| std::fs::read_to_string(p).map_err(|_| "PARALLAX_E2E_SESSION unreadable"))?;
    let root = std::env::temp_dir().join(format!(
        "parallax-e2e-no-engine-{}-{}",
        c.b.engine.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&dist, &root).map_err(|e| format!("copy {} : {e}", dist.display()))?;
    for f in ["engine.js", "engine_bg.wasm"] {
        let _ = std::fs::remove_file(root.join(f));
    }
    let server = Server::start(&root);
    let result = async {
        c.b.open(&format!("{}{}", server.url, fragment.trim())).await?;
        c.b.wait_for(
            "the session's first article as text",
            "const d = document.querySelector('#plain-doc'); return d !== null && d.querySelector('#doc-title').textContent.trim().length > 0 && d.querySelectorAll('#doc-body p').length > 2",
        )
        .await?;
        let v = c.b.js(
            "const d = document.querySelector('#plain-doc'); return [d.querySelectorAll('mark').length, d.querySelectorAll('script, img, iframe').length, document.querySelector('#marks-progress, #marks-failed') !== null, document.querySelector('#session #reader') !== null]",
            vec![],
        )
        .await?;
        ensure(
            v == json!([0, 0, true, false]),
            format!("the plain text without the engine: marks, markup, progress line, reader = {v}"),
        )
    }
    .await;
    // Leave the browser on the suite's own server.
    let _ = c.b.open(&format!("{}#/", c.base)).await;
    let _ = std::fs::remove_dir_all(&root);
    result
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let p = e?.path();
        let dest = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_dir(&p, &dest)?;
        } else if p.file_name().is_some_and(|n| n != "parallax.html") {
            std::fs::copy(&p, &dest)?;
        }
    }
    Ok(())
}

/// The views written at build time show with no wasm at all (the app's and the engine's
/// files removed from a copy of the build): a bundled source's reader with its marks, a
/// session link of bundled sources with its title, question and first source (places hidden,
/// as the link says), and a session link carrying hostile text, shown as text.
pub async fn static_views_without_wasm(c: &Ctx) -> Result<(), String> {
    let dist = std::env::var_os("PARALLAX_E2E_DIST")
        .map(PathBuf::from)
        .ok_or("PARALLAX_E2E_DIST unset")?;
    let fragment = |var: &str| -> Result<String, String> {
        let p = std::env::var_os(var).ok_or(format!("{var} unset (cargo xtask test makes it)"))?;
        std::fs::read_to_string(p)
            .map(|s| s.trim().to_string())
            .map_err(|_| format!("{var} unreadable"))
    };
    let (hostile, bundled) = (
        fragment("PARALLAX_E2E_SESSION")?,
        fragment("PARALLAX_E2E_SESSION_BUNDLED")?,
    );
    let root = std::env::temp_dir().join(format!(
        "parallax-e2e-no-wasm-{}-{}",
        c.b.engine.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&dist, &root).map_err(|e| format!("copy {} : {e}", dist.display()))?;
    for e in std::fs::read_dir(&root)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "wasm") || e.file_name() == "sw.js" {
            let _ = std::fs::remove_file(e.path());
        }
    }
    let server = Server::start(&root);
    let result = async {
        let doc = &c.seeds[0].id;
        c.b.open_static(&format!("{}#/doc/{doc}", server.url)).await?;
        c.b.wait_for(
            "the static reader",
            &format!("const r = document.querySelector('#first-paint #reader'); return r !== null && r.dataset.doc === {doc:?} && r.querySelectorAll('mark').length > 0"),
        )
        .await?;

        c.b.open_static(&format!("{}{bundled}", server.url)).await?;
        c.b.wait_for(
            "the static session of bundled sources",
            "return document.querySelector('#first-paint #session #reader mark') !== null",
        )
        .await?;
        let v = c.b.js(
            "const s = document.querySelector('#first-paint #session'); return [s.querySelector('#session-title').textContent, s.querySelectorAll('.source-tabs a').length, s.querySelector('.prompt-text').textContent, s.querySelector('#reader').dataset.doc, s.querySelectorAll('mark[data-label=\"PLACE\"]').length, s.querySelectorAll('i').length, getComputedStyle(document.getElementById('first-paint')).visibility]",
            vec![],
        )
        .await?;
        ensure(
            v == json!(["Two reports <i>side by side</i>", 2, "Who is quoted first?", doc, 0, 0, "visible"]),
            format!("the static bundled session: title, tabs, question, source, places, markup, visibility = {v}"),
        )?;

        c.b.open_static(&format!("{}{hostile}", server.url)).await?;
        c.b.wait_for(
            "the static session carrying an article",
            "const s = document.querySelector('#first-paint #session'); return s !== null && s.querySelectorAll('#doc-body p').length > 2",
        )
        .await?;
        let v = c.b.js(
            "const s = document.querySelector('#first-paint #session'); return [s.querySelector('#session-title').textContent, s.querySelector('.source-name').textContent, s.querySelectorAll('.prompt-text').length, s.querySelectorAll('script, img, iframe, svg, b').length, window.__pwned === undefined]",
            vec![],
        )
        .await?;
        ensure(
            v == json!(["Blind reading <b>check</b>", "Source A", 2, 0, true]),
            format!("the static hostile session: title, blind name, questions, markup, ran = {v}"),
        )
    }
    .await;
    let _ = c.b.open(&format!("{}#/", c.base)).await;
    let _ = std::fs::remove_dir_all(&root);
    result
}
