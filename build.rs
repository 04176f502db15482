//! Embeds the default dataset without the whitespace of its pretty-printed source file: every
//! reader downloads the embedded copy inside the wasm.

use std::{env, fs, path::Path};

/// Removes whitespace outside JSON strings; the text stays valid JSON with the same content.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The dataset compiled in as the default: `BX_DEFAULT_DATASET` if set, else the story this
/// repository ships. The crate's sources never name a breach; only this build setting does.
fn main() {
    println!("cargo:rerun-if-env-changed=BX_DEFAULT_DATASET");
    let source =
        env::var("BX_DEFAULT_DATASET").unwrap_or_else(|_| "data/coupang-2025.json".to_string());
    println!("cargo:rerun-if-changed={source}");
    let name = Path::new(&source)
        .file_name()
        .map_or("default.json".into(), |n| n.to_string_lossy().into_owned());
    println!("cargo:rustc-env=BX_DEFAULT_DATASET_NAME={name}");
    let text = fs::read_to_string(&source).unwrap_or_default();
    let out =
        Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("default.min.json");
    if let Err(e) = fs::write(&out, minify(&text)) {
        println!("cargo:warning=could not write the embedded dataset: {e}");
    }
}
