//! The served edition's service worker (`sw.js` at the repository root, copied into the build
//! by trunk): after a release build, its version and the list of assets it pre-caches are
//! filled in from the files actually built, and the version goes into index.html's
//! registration script, which registers the worker only when it was filled in.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Placeholder for the build version, in `sw.js` and in index.html's registration script.
pub const VERSION_PLACEHOLDER: &str = "{{PARALLAX_SW_VERSION}}";
/// Placeholder for the pre-cached assets, inside `sw.js`'s `ASSETS` array literal.
pub const ASSETS_PLACEHOLDER: &str = "/*{{PARALLAX_SW_ASSETS}}*/";
/// The worker's file name in the build (beside index.html).
pub const WORKER: &str = "sw.js";

/// Whether a built file (path relative to the build folder, `/`-separated) is pre-cached as an
/// asset: every file but the worker itself, the page (cached as `./`) and the one-file edition
/// (a separate download that never goes through the worker).
fn is_asset(name: &str) -> bool {
    !matches!(name, WORKER | "index.html" | "parallax.html")
}

/// Fills in `sw.js` in the build folder `out` and returns the page `html` (the built
/// index.html) with the same version filled in.
pub fn prepare(out: &Path, html: &str) -> Result<String, String> {
    let mut files = Vec::new();
    crate::util::walk(out, &mut files).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut assets = Vec::new();
    for f in files {
        let Ok(rel) = f.strip_prefix(out) else {
            continue;
        };
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if is_asset(&name) {
            let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            assets.push((name, bytes));
        }
    }
    assets.sort();
    let version = version(html, &assets);
    let names: Vec<String> = assets.into_iter().map(|(n, _)| n).collect();
    let worker = out.join(WORKER);
    let template = std::fs::read_to_string(&worker).map_err(|e| {
        format!(
            "{}: {e} (index.html copies sw.js into the build with data-trunk rel=copy-file)",
            worker.display()
        )
    })?;
    let filled = fill_worker(&template, &version, &names)?;
    std::fs::write(&worker, filled).map_err(|e| format!("{}: {e}", worker.display()))?;
    println!(
        "service worker: version {version}, {} assets pre-cached",
        names.len()
    );
    fill_page(html, &version)
}

/// The build version: the first 16 hex digits of a SHA-256 over the page as built (with its
/// placeholder still in) and every asset's name and contents, in name order.
pub fn version(page: &str, assets: &[(String, Vec<u8>)]) -> String {
    let mut h = Sha256::new();
    h.update(page.as_bytes());
    for (name, bytes) in assets {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `template` (sw.js) with the version and the asset list (`"./name"` string literals) filled
/// in; fails when a placeholder is missing or repeated, or a name would need escaping.
pub fn fill_worker(template: &str, version: &str, assets: &[String]) -> Result<String, String> {
    for p in [VERSION_PLACEHOLDER, ASSETS_PLACEHOLDER] {
        if template.matches(p).count() != 1 {
            return Err(format!("sw.js must hold the placeholder {p} exactly once"));
        }
    }
    if version.is_empty() || !version.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "service worker version {version:?} is not alphanumeric"
        ));
    }
    let mut list = Vec::new();
    for a in assets {
        if a.is_empty() || a.starts_with('/') || a.contains(['"', '\\', '\n', '\r', '<']) {
            return Err(format!("asset name {a:?} cannot go into sw.js as it is"));
        }
        list.push(format!("\"./{a}\""));
    }
    let filled = template
        .replace(VERSION_PLACEHOLDER, version)
        .replace(ASSETS_PLACEHOLDER, &list.join(", "));
    if filled.contains("{{PARALLAX_") {
        return Err("sw.js holds a placeholder xtask does not know".into());
    }
    Ok(filled)
}

/// The page with the worker's version filled in (its registration script stays inert while
/// the placeholder is there).
pub fn fill_page(html: &str, version: &str) -> Result<String, String> {
    if html.matches(VERSION_PLACEHOLDER).count() != 1 {
        return Err(format!(
            "index.html must hold the placeholder {VERSION_PLACEHOLDER} exactly once (in the service-worker script)"
        ));
    }
    Ok(html.replace(VERSION_PLACEHOLDER, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "const VERSION = \"{{PARALLAX_SW_VERSION}}\";\nconst ASSETS = [/*{{PARALLAX_SW_ASSETS}}*/];\n";

    #[test]
    fn placeholders_are_filled_from_the_build() {
        let names = [
            "app-1a2b_bg.wasm".to_string(),
            "snippets/x/y.js".to_string(),
        ];
        let out = fill_worker(TEMPLATE, "0123abcd", &names).unwrap();
        assert_eq!(
            out,
            "const VERSION = \"0123abcd\";\nconst ASSETS = [\"./app-1a2b_bg.wasm\", \"./snippets/x/y.js\"];\n"
        );
        assert_eq!(
            fill_worker(TEMPLATE, "v1", &[]).unwrap(),
            "const VERSION = \"v1\";\nconst ASSETS = [];\n"
        );
    }

    #[test]
    fn bad_templates_and_names_are_refused() {
        let ok = ["a.js".to_string()];
        assert!(fill_worker("const ASSETS = [/*{{PARALLAX_SW_ASSETS}}*/];", "v1", &ok).is_err());
        assert!(fill_worker(&format!("{TEMPLATE}{TEMPLATE}"), "v1", &ok).is_err());
        assert!(fill_worker(&format!("{TEMPLATE}{{{{PARALLAX_OTHER}}}}"), "v1", &ok).is_err());
        assert!(fill_worker(TEMPLATE, "v\"1", &ok).is_err());
        assert!(fill_worker(TEMPLATE, "v1", &["a\".js".to_string()]).is_err());
        assert!(fill_worker(TEMPLATE, "v1", &["/a.js".to_string()]).is_err());
        assert!(fill_page("<html></html>", "v1").is_err());
    }

    #[test]
    fn version_follows_names_and_contents() {
        let a = |n: &str, b: &[u8]| (n.to_string(), b.to_vec());
        let base = version("<p>", &[a("a.js", b"1"), a("b.wasm", b"22")]);
        assert_eq!(base.len(), 16);
        assert!(base.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(base, version("<p>", &[a("a.js", b"1"), a("b.wasm", b"22")]));
        for other in [
            version("<p>", &[a("a.js", b"2"), a("b.wasm", b"22")]),
            version("<p>", &[a("c.js", b"1"), a("b.wasm", b"22")]),
            version("<p>", &[a("a.js", b"1")]),
            version("<p>", &[a("a.js1", b""), a("b.wasm", b"22")]),
            version("<b>", &[a("a.js", b"1"), a("b.wasm", b"22")]),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn prepare_fills_the_built_worker_and_page() {
        let out = std::env::temp_dir().join(format!("parallax-sw-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(out.join("snippets")).unwrap();
        let page = "<script>const version = \"{{PARALLAX_SW_VERSION}}\";</script>";
        for (name, text) in [
            ("index.html", page),
            ("sw.js", TEMPLATE),
            ("app-9f_bg.wasm", "wasm"),
            ("app-9f.js", "js"),
            ("main-3c.css", "css"),
            ("snippets/s.js", "s"),
            ("parallax.html", "one file"),
        ] {
            std::fs::write(out.join(name), text).unwrap();
        }
        let html = prepare(&out, page).unwrap();
        let worker = std::fs::read_to_string(out.join("sw.js")).unwrap();
        let _ = std::fs::remove_dir_all(&out);
        let v = html.split('"').nth(1).unwrap();
        assert_eq!(v.len(), 16, "{html}");
        assert_eq!(
            worker,
            format!("const VERSION = \"{v}\";\nconst ASSETS = [\"./app-9f.js\", \"./app-9f_bg.wasm\", \"./main-3c.css\", \"./snippets/s.js\"];\n")
        );
    }

    #[test]
    fn the_real_worker_and_page_hold_their_placeholders() {
        let root = crate::util::project_root();
        let worker = std::fs::read_to_string(root.join("sw.js")).unwrap();
        let filled = fill_worker(&worker, "abc", &["a.js".to_string()]).unwrap();
        assert!(filled.contains("const VERSION = \"abc\";") && filled.contains("[\"./a.js\"]"));
        let index = std::fs::read_to_string(root.join("index.html")).unwrap();
        assert!(fill_page(&index, "abc").is_ok());
        // The one-file edition copies only the page's first inline script (the diagnostics):
        // it must not register the worker.
        let first = index.split("<script>").nth(1).unwrap();
        let first = first.split("</script>").next().unwrap();
        assert!(!first.contains("serviceWorker") && !first.contains("sw.js"));
    }
}
