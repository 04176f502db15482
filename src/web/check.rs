//! `checkDataset`: the checker for an in-browser dataset editor, without the DOM. It reads the
//! text as `mount` does and gives every problem with its line and column, for the editor to
//! mark.

use crate::model::{self, Lang};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Checks a dataset given as JSON text. Returns an array with one object per problem, in the
/// order `check` lists them — `{line, column, path, message}`: `line` and `column` count from 1
/// (the column in characters), `null` for a problem with the file as a whole (or a syntax error
/// whose place the browser does not say); `path` is the JSON path (`""` for the whole file);
/// `message` is the line `check` prints, without the file name and place, in `lang` ("en" by
/// default, or "ko"). Empty when the dataset is valid. `file` names the dataset as in `mount`;
/// the messages do not repeat it (the editor shows it).
#[wasm_bindgen(js_name = checkDataset)]
pub fn check_dataset(text: &str, file: &str, lang: Option<String>) -> JsValue {
    let _ = file;
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
    let issues = model::load(text, crate::model::from_js::parse_text)
        .err()
        .unwrap_or_default();
    let out = Array::new();
    for issue in &issues {
        let o = Object::new();
        let number = |n: Option<u32>| n.map_or(JsValue::NULL, JsValue::from);
        let _ = Reflect::set(&o, &"line".into(), &number(issue.at.map(|a| a.line)));
        let _ = Reflect::set(&o, &"column".into(), &number(issue.at.map(|a| a.column)));
        let _ = Reflect::set(&o, &"path".into(), &issue.path.as_str().into());
        let _ = Reflect::set(&o, &"message".into(), &issue.describe(lang).into());
        out.push(&o);
    }
    out.into()
}

/// The explainer's static version for a dataset given as JSON text, as the `html` command
/// prints it (drawn 720 px wide, light theme), with the parts a host chose (`parts` as in
/// `data-parts`; absent: the embed's compact default): for the editor's embed code, pasted
/// inside the script embed's element so an article shows it at once and loads the live
/// explainer only when the reader reaches for it. `null` when the dataset has problems
/// (`checkDataset` says which).
#[wasm_bindgen(js_name = staticHtml)]
pub fn static_html(text: &str, lang: Option<String>, parts: Option<String>) -> Option<String> {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
    let (_, d) = model::load(text, crate::model::from_js::parse_text).ok()?;
    let parts = crate::page::Parts::from_list(parts.as_deref());
    let draw = crate::page::static_drawer(&d, lang, &crate::render::Theme::LIGHT);
    let html = crate::page::to_html(&crate::page::explainer_parts(&d, lang, Some(&draw), &parts));
    Some(html)
}
