//! Embeds every `seeds/*.txt` into the app, and their analysis (a `parallax_core::Snapshot`:
//! mentions, entities, quotes, descriptors, flags, alignments, story matrix) as JSON, so the
//! app shows the bundled documents without running the engine. Each file is checked by
//! parallax-core's input rules (not empty, UTF-8, not binary, at most 1 MB); a bad file fails
//! the build with a message naming it. Adding a .txt to seeds/ and rebuilding adds it to the
//! library.

use std::{env, fmt::Write, fs, path::Path, process::exit};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    let mut files: Vec<_> = match fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    files.sort();
    let mut docs = Vec::new();
    let mut out = String::from("/// The bundled documents: (file name, text), sorted by name.\npub static SEEDS: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let shown = format!("seeds/{name}");
        let bytes = fs::read(path).unwrap_or_else(|e| fail(&format!("{shown}: cannot read: {e}")));
        if let Err(e) = parallax_core::seed::validate(&shown, &bytes) {
            fail(&format!("{e}"));
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = String::from_utf8_lossy(&bytes);
        docs.push(parallax_core::Document::new(
            parallax_core::document::id_from_file_name(&name),
            text.as_ref(),
        ));
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .ok();
    }
    out.push_str("];\n");
    if files.is_empty() {
        fail("seeds/ holds no .txt file");
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |file: &str, body: &str| {
        let dest = Path::new(&out_dir).join(file);
        fs::write(&dest, body)
            .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
    };
    write("seeds.rs", &out);
    write(
        "snapshot.json",
        &parallax_core::Snapshot::build(docs).to_json(),
    );
}

fn fail(msg: &str) -> ! {
    println!("cargo::error=bundled document rejected: {msg}");
    exit(1)
}
