//! What the viewer's wasm is made of: the code of each crate (from the module's name section,
//! demangled) and the data segments, read from the wasm rustc wrote before wasm-bindgen and
//! wasm-opt (which strip the names). Sizes are raw bytes of function bodies: they rank the
//! contributors; the gzip figure of the shipped file is `dist`'s table.

use std::collections::HashMap;
use std::path::Path;
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Code bytes per crate (largest first) and the data segments' bytes.
pub struct Breakdown {
    /// (crate, bytes of function bodies), largest first.
    pub crates: Vec<(String, u64)>,
    /// (function, bytes), the largest bodies first.
    pub functions: Vec<(String, u64)>,
    /// Bytes of all data segments.
    pub data: u64,
}

/// Reads `wasm` and sums its function bodies by crate.
pub fn breakdown(wasm: &Path) -> Result<Breakdown, String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let err = |e: wasmparser::BinaryReaderError| format!("{}: {e}", wasm.display());
    let (mut imported, mut bodies, mut data) = (0u32, Vec::new(), 0u64);
    let mut names: HashMap<u32, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(&bytes) {
        match payload.map_err(err)? {
            Payload::ImportSection(r) => {
                for import in r {
                    if matches!(import.map_err(err)?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::DataSection(r) => {
                for d in r {
                    data += d.map_err(err)?.data.len() as u64;
                }
            }
            Payload::CustomSection(c) => {
                if let KnownCustom::Name(section) = c.as_known() {
                    for part in section {
                        if let Name::Function(map) = part.map_err(err)? {
                            for naming in map {
                                let naming = naming.map_err(err)?;
                                names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return Err(format!("{} has no name section", wasm.display()));
    }
    let mut crates: HashMap<String, u64> = HashMap::new();
    let mut functions = Vec::with_capacity(bodies.len());
    for (k, size) in bodies.into_iter().enumerate() {
        let name = names
            .get(&(imported + k as u32))
            .map(|n| format!("{:#}", rustc_demangle::demangle(n)))
            .unwrap_or_else(|| "(unnamed)".to_string());
        *crates.entry(crate_of(&name)).or_default() += size;
        functions.push((name, size));
    }
    let mut crates: Vec<(String, u64)> = crates.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    functions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Breakdown {
        crates,
        functions,
        data,
    })
}

/// The crate a demangled function name belongs to: the first path segment, looking through
/// `<Type as Trait>`, references and `dyn`; wasm-bindgen's shims and the allocator by name.
fn crate_of(name: &str) -> String {
    let mut s = name.trim_start_matches(['<', '&', '*', '(', '[']);
    for prefix in ["mut ", "const ", "dyn "] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    let s = s.trim_start_matches(['<', '&', '*', '(', '[']);
    match s.find("::") {
        Some(i) if s[..i].chars().all(|c| c.is_alphanumeric() || c == '_') => s[..i].to_string(),
        _ if s.starts_with("__wbg") || s.starts_with("__wbindgen") => "wasm-bindgen glue".into(),
        _ => "(other)".into(),
    }
}

/// Prints the `n` largest crates and functions of `wasm`.
pub fn print(wasm: &Path, n: usize) -> Result<(), String> {
    let b = breakdown(wasm)?;
    let code: u64 = b.crates.iter().map(|c| c.1).sum();
    println!(
        "viewer wasm before wasm-opt: {code} bytes of code, {} bytes of data; largest crates:",
        b.data
    );
    for (name, size) in b.crates.iter().take(n) {
        println!("  {name:<40} {size:>9}");
    }
    println!("largest functions:");
    for (name, size) in b.functions.iter().take(n) {
        let short: String = name.chars().take(90).collect();
        println!("  {short:<90} {size:>9}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(name: &str, want: &str) {
        assert_eq!(crate_of(name), want, "{name}");
    }

    #[test]
    fn crates_of_demangled_names() {
        check("yew::html::component::lifecycle::Runner::run", "yew");
        check("<yew::html::Html as core::fmt::Debug>::fmt", "yew");
        check(
            "<&mut serde_json::de::Deserializer<R>>::parse",
            "serde_json",
        );
        check("<dyn core::any::Any>::type_id", "core");
        check("__wbg_get_1234", "wasm-bindgen glue");
        check("memcpy", "(other)");
    }
}
