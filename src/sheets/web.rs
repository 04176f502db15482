//! The sheets for the in-browser editor: CSV files ↔ dataset JSON text. No DOM.

use super::to_sheets;
use crate::model::json::Json;
use wasm_bindgen::prelude::*;

/// `{ "events.csv": "…", … }` → the dataset as JSON text (two-space indented, the format's key
/// order), or an array of problem strings: the sheets' (file, row, column), then the checker's,
/// each placed in the sheets where it can be.
#[wasm_bindgen(js_name = sheetsToDataset)]
pub fn sheets_to_dataset(files: js_sys::Object) -> Result<String, JsValue> {
    let (imported, _) = super::import(&pairs(files)?, crate::Lang::En).map_err(problems)?;
    Ok(crate::model::json::to_text(&imported.json))
}

/// As [`sheets_to_dataset`], but when the sheets themselves are sound the dataset's own
/// problems are left to the caller: the editor shows the JSON and checks it, so each problem is
/// placed on its line there. Sheets with problems of their own (a stray cell, an unknown column)
/// are refused with every problem at once: theirs, then the checker's on the rest.
#[wasm_bindgen(js_name = sheetsToJson)]
pub fn sheets_to_json(files: js_sys::Object) -> Result<String, JsValue> {
    let pairs = pairs(files)?;
    let (imported, found) = super::read_sheets(&pairs);
    if found.is_empty() {
        return Ok(crate::model::json::to_text(&imported.json));
    }
    Err(problems(
        super::import(&pairs, crate::Lang::En)
            .err()
            .unwrap_or_default(),
    ))
}

fn pairs(files: js_sys::Object) -> Result<Vec<(String, String)>, JsValue> {
    let mut pairs = Vec::new();
    for entry in js_sys::Object::entries(&files).iter() {
        let entry = js_sys::Array::from(&entry);
        let name = entry.get(0).as_string().unwrap_or_default();
        let Some(text) = entry.get(1).as_string() else {
            return Err(problems(vec![format!(
                "{name}: expected the CSV text of the file"
            )]));
        };
        pairs.push((name, text));
    }
    Ok(pairs)
}

/// Dataset JSON text → `{ "breach.csv": "…", … }`, or an array of problem strings (each value a
/// sheet cannot hold, by its JSON path).
#[wasm_bindgen(js_name = datasetToSheets)]
pub fn dataset_to_sheets(json: &str) -> Result<js_sys::Object, JsValue> {
    let value = js_sys::JSON::parse(json).map_err(|e| {
        let detail = js_sys::Error::from(e).message();
        problems(vec![format!("not JSON: {}", String::from(detail))])
    })?;
    let tree: Json = crate::model::from_js::to_tree(value)
        .map_err(|e| problems(vec![format!("not JSON: {e}")]))?;
    let sheets = to_sheets(&tree).map_err(problems)?;
    let out = js_sys::Object::new();
    for (name, text) in sheets.files {
        js_sys::Reflect::set(&out, &JsValue::from_str(&name), &JsValue::from_str(&text))?;
    }
    Ok(out)
}

fn problems(lines: Vec<String>) -> JsValue {
    lines
        .into_iter()
        .map(|l| JsValue::from_str(&l))
        .collect::<js_sys::Array>()
        .into()
}
