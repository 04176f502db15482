//! In real browsers (wasm-pack test): the editor's two conversions, `datasetToSheets` and
//! `sheetsToDataset`, give back the dataset, and say problems by sheet, row and column.
#![cfg(all(
    target_arch = "wasm32",
    feature = "sheets",
    feature = "embedded-default"
))]

use breach_explainer::model::DEFAULT_DATASET;
use breach_explainer::sheets::web::{dataset_to_sheets, sheets_to_dataset};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parsed(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("JSON")
}

/// A JSON value as text with every object's keys sorted: equal texts, equal values.
fn canonical(v: &JsValue) -> String {
    fn sort(v: &JsValue) -> JsValue {
        if js_sys::Array::is_array(v) {
            return js_sys::Array::from(v)
                .iter()
                .map(|x| sort(&x))
                .collect::<js_sys::Array>()
                .into();
        }
        if v.is_object() {
            let obj = js_sys::Object::from(v.clone());
            let keys = js_sys::Object::keys(&obj);
            keys.sort();
            let out = js_sys::Object::new();
            for k in keys.iter() {
                let value = js_sys::Reflect::get(&obj, &k).expect("a value");
                js_sys::Reflect::set(&out, &k, &sort(&value)).expect("set");
            }
            return out.into();
        }
        v.clone()
    }
    String::from(js_sys::JSON::stringify(&sort(v)).expect("stringify"))
}

#[wasm_bindgen_test]
fn the_default_dataset_goes_to_sheets_and_back() {
    let sheets = dataset_to_sheets(DEFAULT_DATASET).expect("sheets");
    let events = js_sys::Reflect::get(&sheets, &"events.csv".into()).expect("events.csv");
    assert!(events
        .as_string()
        .expect("text")
        .starts_with("id,date,end,lane,title_en"));
    let json = sheets_to_dataset(sheets).expect("a dataset");
    assert_eq!(
        canonical(&parsed(&json)),
        canonical(&parsed(DEFAULT_DATASET))
    );
}

#[wasm_bindgen_test]
fn problems_come_back_as_strings_naming_sheet_row_and_column() {
    let sheets = dataset_to_sheets(DEFAULT_DATASET).expect("sheets");
    let counts = js_sys::Reflect::get(&sheets, &"counts.csv".into()).expect("counts");
    let counts = counts.as_string().expect("text");
    let header_end = counts.find("\r\n").expect("a header") + 2;
    let first = &counts[header_end..];
    let comma = first.find(',').expect("an id");
    // The first count's id emptied: the checker names the row and column.
    let broken = format!("{}{}", &counts[..header_end], &first[comma..]);
    js_sys::Reflect::set(&sheets, &"counts.csv".into(), &broken.into()).expect("set");
    let problems = sheets_to_dataset(sheets).expect_err("refused");
    let lines: Vec<String> = js_sys::Array::from(&problems)
        .iter()
        .map(|p| p.as_string().expect("a string"))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("counts.csv, row 2, column id — counts[0].id")),
        "{lines:?}"
    );
    let not_json = dataset_to_sheets("{").expect_err("not JSON");
    assert!(js_sys::Array::from(&not_json)
        .get(0)
        .as_string()
        .expect("text")
        .starts_with("not JSON"));
}
