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

fn main() {
    let source = "data/coupang-2025.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_default();
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("coupang-2025.min.json");
    if let Err(e) = fs::write(&out, minify(&text)) {
        println!("cargo:warning=could not write the embedded dataset: {e}");
    }
}
